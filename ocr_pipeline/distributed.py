"""``--scheduler ADDRESS``: pages read as tasks on a Dask distributed cluster.

The main process plans, cleans up and writes exactly as in a local run; only the page reading moves.
Workers need no shared file system: each input's bytes are sent to the cluster once (``scatter``)
and a worker keeps a copy in its own temporary folder for the pages it reads. A page comes back as
the same JSON text a local worker returns, so the outputs are byte-identical to a local run.
The workers must run the same ocr_pipeline (``pip install`` of the same version) with Tesseract.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import tempfile
import threading
import time
from pathlib import Path

from ocr_pipeline.errors import ClusterUnavailable
from ocr_pipeline.ocr.page_reader import PageTask

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler (--scheduler-timeout)
KEEP_INPUTS = 86400.0  # seconds an input's copy stays on a worker


class DaskPool:
    """The executor interface of ``workers.LocalPool`` over a ``distributed.Client``."""

    def __init__(self, address: str, max_pixels: int, connect_timeout: float = CONNECT_TIMEOUT):
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterUnavailable(
                "Dask distributed is not installed", "install it with: pip install 'dask[distributed]'"
            ) from exc
        try:
            self.client = Client(address, timeout=f"{connect_timeout}s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
        self.slots = max(1, sum(self.client.nthreads().values()))
        self._max_pixels = max_pixels
        self._files: dict[str, object] = {}  # sha256 -> the scattered bytes of an input
        self._lock = threading.Lock()

    def submit(self, task: PageTask, inp) -> concurrent.futures.Future:
        data = self._files.get(inp.sha256)
        if data is None:
            data = self.client.scatter(Path(task.path).read_bytes(), hash=False)
            self._files = {inp.sha256: data}  # one input's bytes at a time: the ones being read
        future = self.client.submit(
            read_page_from_bytes,
            data,
            inp.sha256,
            Path(task.path).suffix,
            task.kind,
            task.number,
            self._max_pixels,
            key=f"page-{inp.sha256[:16]}-{task.number}-{os.urandom(4).hex()}",
        )
        return _as_concurrent(future)

    def rebuild(self) -> None:
        """Dask replaces lost workers itself; nothing to rebuild."""

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close(timeout=10)


def _as_concurrent(future) -> concurrent.futures.Future:
    """A ``concurrent.futures.Future`` that follows a Dask future (so the runner waits on either)."""
    result: concurrent.futures.Future = concurrent.futures.Future()

    def done(f) -> None:
        try:
            result.set_result(f.result())
        except BaseException as exc:  # the task's own exception, KilledWorker, CancelledError
            with contextlib.suppress(concurrent.futures.InvalidStateError):
                result.set_exception(exc)

    future.add_done_callback(done)
    return result


def read_page_from_bytes(data: bytes, sha256: str, suffix: str, kind: str, number: int, max_pixels: int) -> str:
    """On a worker: the input's bytes kept in a file of its own (once per input), then one page read."""
    from ocr_pipeline.workers import read_page_json

    folder = Path(tempfile.gettempdir()) / f"ocr_pipeline-inputs-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    path = folder / f"{sha256}{suffix}"
    if not path.is_file():  # written under a temporary name and renamed: a file there is whole
        tmp = folder / f".{sha256}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
        _forget_old(folder)
    return read_page_json(PageTask(path, kind, number), max_pixels)


def _forget_old(folder: Path, age: float = KEEP_INPUTS) -> None:
    """Inputs kept on a worker longer than ``age`` seconds are removed (the folder never grows for good)."""
    now = time.time()
    for path in folder.iterdir():
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > age:
                path.unlink()
