"""This run's scratch folder in TMPDIR (Tesseract's temporary files go there), removed at the end;
those of runs that were killed are removed when the next run starts."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "ocrp-"  # ocrp-run-* are runs' folders; other ocrp-* are Tesseract calls of older versions
OLD_CALL_AGE = 3600.0  # seconds: a single Tesseract call's folder older than this is left over


class Scratch:
    """A folder ``$TMPDIR/ocrp-run-<pid>-<random>`` held (flock) while this run lives."""

    def __init__(self) -> None:
        remove_stale()
        self.path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}run-{os.getpid()}-"))
        self._fd: int | None = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_EX)  # held while this run (and its forked workers) live

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> Scratch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def remove_stale(tmp: Path | None = None) -> list[Path]:
    """Scratch folders of runs that are gone (their lock is free), and old per-call folders."""
    root = Path(tmp or tempfile.gettempdir())
    removed = []
    with contextlib.suppress(OSError):
        for path in root.glob(f"{PREFIX}*"):
            if path.is_dir() and not path.is_symlink() and _stale(path):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _stale(path: Path) -> bool:
    if not path.name.startswith(f"{PREFIX}run-"):
        try:
            return time.time() - path.stat().st_mtime > OLD_CALL_AGE
        except OSError:
            return False
    try:
        fd = os.open(path / ".lock", os.O_RDWR)
    except FileNotFoundError:
        try:  # a run killed between mkdtemp and its lock: give it a minute
            return time.time() - path.stat().st_mtime > 60
        except OSError:
            return False
    except OSError:
        return False  # another user's: not ours to remove
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
