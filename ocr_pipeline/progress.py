"""What the user sees while a batch runs: a progress bar on a terminal (documents, pages, pages per
minute, time left), plain log lines otherwise (Python ``logging``, with page numbers), ``--log-file``
for a full record, ``--quiet`` for errors only; and the summary at the end.

Results go to stdout (one line per finished input); everything else goes to stderr. A closed or
full stdout (``| head``, ``> /dev/full``) stops those lines, never the batch.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("ocr_pipeline")


class _BarHandler(logging.Handler):
    """Log records written above the progress bar instead of through it."""

    def __init__(self, progress: Progress):
        super().__init__()
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.progress.write(self.format(record), sys.stderr)
        except Exception:  # a log line is never worth a crash
            self.handleError(record)


class Progress:
    """The run's display; ``bar`` is None when stderr is no terminal (or with ``--quiet``)."""

    def __init__(self, quiet: bool = False, log_file: Path | None = None, bar: bool | None = None):
        self.quiet = quiet
        self.started = time.monotonic()
        self.docs_total = self.docs_done = 0
        self.pages_done = 0
        self.pages_known = 0
        self._stdout_ok = True
        show_bar = (not quiet) and (sys.stderr.isatty() if bar is None else bar)
        self.bar: Any = None  # a tqdm bar
        if show_bar:
            from tqdm import tqdm

            try:
                size = os.get_terminal_size(sys.stderr.fileno())
                known = size.columns > 0 and size.lines > 0
            except OSError:
                known = False
            self.bar = tqdm(
                total=0,
                unit="doc",
                dynamic_ncols=known,
                # a terminal that says it is 0x0 (a bare pty): tqdm would draw nothing
                ncols=None if known else 100,
                nrows=None if known else 24,
                file=sys.stderr,
                leave=True,
                mininterval=0.5,
            )
        log.handlers.clear()
        log.setLevel(logging.DEBUG)
        log.propagate = False
        console = _BarHandler(self) if self.bar is not None else logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING if quiet else logging.INFO)
        console.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(console)
        if log_file is not None:
            handler = logging.FileHandler(log_file, encoding="utf-8")
            handler.setLevel(logging.DEBUG)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)

    # --- output ----------------------------------------------------------------------------------

    def write(self, line: str, stream) -> None:
        if self.bar is not None:
            self.bar.clear()
            stream.write(line + "\n")
            stream.flush()
            self.bar.refresh()
        else:
            stream.write(line + "\n")
            stream.flush()

    def result(self, line: str) -> None:
        """A finished input's line on stdout (and in the log file)."""
        log.debug(line)
        if self.quiet or not self._stdout_ok:
            return
        try:
            self.write(line, sys.stdout)
        except OSError as exc:  # closed pipe, full disk: the results are written all the same
            self._stdout_ok = False
            _silence_stdout()
            log.warning(f"warning: standard output cannot be written ({exc.strerror or exc}); the run goes on")

    # --- progress --------------------------------------------------------------------------------

    def add_documents(self, n: int) -> None:
        self.docs_total += n
        if self.bar is not None:
            self.bar.total = self.docs_total
            self.bar.refresh()

    def add_pages(self, n: int) -> None:
        self.pages_known += n

    def pages_parsed(self, n: int) -> None:
        """A transcript's pages: known and done at once."""
        self.pages_known += n
        self.pages_done += n

    def page_done(self, path: Path, number: int, total: int, seconds: float | None, cached: bool) -> None:
        self.pages_done += 1
        how = "from the cache" if cached else f"read in {seconds:.1f} s" if seconds is not None else "read"
        if self.bar is not None:
            log.debug(f"{path}: page {number}/{total} {how}")
            self._postfix()
        else:
            log.info(f"{path}: page {number}/{total} {how}")

    def document_done(self) -> None:
        self.docs_done += 1
        if self.bar is not None:
            self.bar.update(1)
            self._postfix()

    def pages_per_minute(self) -> float:
        minutes = (time.monotonic() - self.started) / 60
        return self.pages_done / minutes if minutes > 0 else 0.0

    def _postfix(self) -> None:
        if self.bar is None:
            return
        self.bar.set_postfix_str(
            f"pages {self.pages_done}/{self.pages_known}, {self.pages_per_minute():.0f} pages/min", refresh=False
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        for handler in list(log.handlers):
            handler.flush()
            if isinstance(handler, logging.FileHandler):
                handler.close()
                log.removeHandler(handler)


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that Python's flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
