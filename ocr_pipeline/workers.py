"""Local worker processes that read pages, and the page task they run.

A worker dies with the main process, whatever kills it (``PR_SET_PDEATHSIG``, and a watchdog thread
where that call is missing), takes its Tesseract child with it (it leads its own process group, which
it kills on SIGTERM), and never sees the terminal's Ctrl-C (the main process stops it instead, so
the user reads one line, not a traceback per worker). A worker that dies (the out-of-memory killer)
fails only the page it was reading (pebble replaces it); the pool is rebuilt if it breaks anyway.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

from ocr_pipeline import serial
from ocr_pipeline.ocr.page_reader import PageTask

PR_SET_PDEATHSIG = 1


def read_page_json(task: PageTask, max_pixels: int) -> str:
    """Read one page; returns the ``Page`` as JSON text (``serial``), the form the cache stores."""
    from PIL import Image

    from ocr_pipeline.ocr.page_reader import read_page_task

    if Image.MAX_IMAGE_PIXELS is not None and max_pixels > Image.MAX_IMAGE_PIXELS:
        Image.MAX_IMAGE_PIXELS = max_pixels  # the user raised --max-pixels; Pillow's guard follows
    return serial.dumps(read_page_task(task))


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class LocalPool:
    """``workers`` processes (forked, so they share the loaded code and model) reading page tasks."""

    def __init__(self, workers: int, scratch: Path, max_pixels: int):
        self.slots = workers
        self._scratch = scratch
        self._max_pixels = max_pixels
        self._pool = self._new_pool()

    def _new_pool(self):
        from pebble import ProcessPool

        return ProcessPool(
            max_workers=self.slots,
            initializer=_init_worker,
            initargs=(os.getpid(), str(self._scratch)),
            context=multiprocessing.get_context("fork"),
        )

    def submit(self, task: PageTask, inp=None) -> concurrent.futures.Future:
        return self._pool.schedule(read_page_json, args=(task, self._max_pixels))

    def rebuild(self) -> None:
        """A new pool after the old one broke (its pending tasks must be submitted again)."""
        self.stop()
        self._pool = self._new_pool()

    def stop(self) -> None:
        """End every worker now (and their Tesseract children), without waiting for their tasks."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        pids = _worker_pids(pool)
        pool.stop()
        with contextlib.suppress(Exception):
            pool.join(timeout=10)
        for pid in pids:  # their process groups: a Tesseract still running
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)


def _worker_pids(pool) -> list[int]:
    """The pids of a pebble pool's workers (pebble keeps them in its worker manager)."""
    with contextlib.suppress(AttributeError):
        return list(pool._pool_manager.worker_manager.workers)
    return []


def _init_worker(parent: int, scratch: str) -> None:
    os.setpgid(0, 0)  # a group of our own: Tesseract children are ended with us
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _end_group)
    signal.signal(signal.SIGHUP, _end_group)
    die_with_parent(parent)
    tempfile.tempdir = scratch  # Tesseract's scratch folders go into this run's, removed at its end
    os.environ["TMPDIR"] = scratch


def _end_group(signum, frame) -> None:
    os.killpg(os.getpid(), signal.SIGKILL)


def die_with_parent(parent: int) -> None:
    """Ask the kernel for SIGTERM when the parent dies (Linux); else watch the parent's pid."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # it died before the call above
        os.killpg(os.getpid(), signal.SIGKILL)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.killpg(os.getpid(), signal.SIGKILL)
