"""The batch runner: every input of the plan through the pipeline, pages read in parallel.

Pages of all documents are tasks for one pool of workers (local processes, or a Dask cluster with
``--scheduler``), a few ahead of what the workers are reading, so no worker waits while the main
process cleans up and writes a finished document. A page comes from the cache when it was read
before; an input whose results are already in the output folder, made from the same file by the
same code and settings, is skipped. Each input's files are committed together (``outdir``); the end
of the run writes ``measures.csv`` (several inputs) and ``run-summary.json``.

Interrupted (SIGINT, SIGTERM): the workers are ended at once, finished inputs are kept, one line
says so, and the exit status is 130 or 143; the next run goes on from there.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import json
import signal
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocr_pipeline import __version__, serial
from ocr_pipeline.errors import ExitCode, OutputError, PipelineError, WorkerDied
from ocr_pipeline.export import COMBINED_MEASURES, RUN_SUMMARY, combined_measures_files, result_files
from ocr_pipeline.ingest import InputFile, open_input
from ocr_pipeline.limits import Limits
from ocr_pipeline.model import Document, Measure, Page, Result, Source
from ocr_pipeline.outdir import OutputDir
from ocr_pipeline.plan import Job, plan_batch
from ocr_pipeline.progress import Progress, log

if TYPE_CHECKING:
    from ocr_pipeline.cache import PageCache


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived; ``code`` is the exit status (130 or 143)."""

    def __init__(self, code: ExitCode):
        super().__init__(code.name.lower())
        self.code = code


@dataclass
class Settings:
    inputs: list[Path]
    out: Path
    jobs: int
    limits: Limits = field(default_factory=Limits)
    cache_dir: Path | None = None  # None: no cache, no skipping of finished inputs
    scheduler: str | None = None
    scheduler_timeout: float = 10.0  # seconds to reach the scheduler
    debug: bool = False
    today: date | None = None  # the reading date (--today); None: the system date
    pdf: bool = True  # the searchable <name>.ocr.pdf of a scan
    review: bool = True  # the <name>.review.html page

    def reading(self) -> dict:
        """Settings a page's reading depends on (part of the cache key)."""
        return {}

    def result(self) -> dict:
        """Settings a result depends on (part of the record of a finished input)."""
        return {"pdf": self.pdf, "review": self.review, "today": self.today.isoformat() if self.today else None}


@dataclass
class Outcome:
    """How one input ended (for the summary)."""

    path: str
    name: str
    status: str  # done | skipped | failed
    pages: int = 0
    measures: int = 0
    corrections: int = 0
    warnings: int = 0
    code: int = 0
    error: str = ""
    seconds: float = 0.0
    pages_from_cache: int = 0


@dataclass
class _Doc:
    job: Job
    inp: InputFile
    started: float
    pages: dict[int, Page] = field(default_factory=dict)
    to_read: deque[int] = field(default_factory=deque)
    reading: int = 0
    from_cache: int = 0
    error: PipelineError | None = None
    error_trace: str = ""

    @property
    def complete(self) -> bool:
        return self.error is not None and self.reading == 0 or (not self.to_read and self.reading == 0)


class Batch:
    """One run over the plan (see the module docstring)."""

    def __init__(self, settings: Settings, progress: Progress):
        self.settings = settings
        self.progress = progress
        self.outcomes: list[Outcome] = []
        self.light: dict[str, Result] = {}  # name -> document and measures, for measures.csv
        self.first_failure = ExitCode.OK
        self.executor: Any = None  # workers.LocalPool or distributed.DaskPool, made when a page is to be read
        self.cache: PageCache | None = None
        self.reading_key = ""
        self.result_key = ""
        self._slots = 1

    # --- the run ---------------------------------------------------------------------------------

    def run(self) -> int:
        settings = self.settings
        with OutputDir.open(settings.out) as out:
            self.out = out
            jobs = plan_batch(settings.inputs, settings.out)
            if not jobs:
                log.error("error: no supported files found in the given folders; give PDF, image or transcript files")
                return ExitCode.UNSUPPORTED
            self.jobs = jobs
            self.progress.add_documents(len(jobs))
            from ocr_pipeline.scratch import Scratch

            with Scratch() as scratch:
                self.scratch = scratch
                try:
                    self._run(deque(jobs))
                finally:
                    if self.executor is not None:
                        self.executor.stop()
            self._finish_batch()
        return self.first_failure

    def _run(self, queue: deque[Job]) -> None:
        docs: list[_Doc] = []
        inflight: dict[concurrent.futures.Future, tuple[_Doc, int, float]] = {}
        while queue or docs:
            while queue and sum(len(d.to_read) for d in docs) < 2 * self._target_slots():
                doc = self._start(queue.popleft())
                if doc is not None:
                    docs.append(doc)
            waiting = sum(len(d.to_read) for d in docs if d.error is None)
            if waiting and self.executor is None:
                self.executor = self._new_executor(waiting)
            for doc in docs:
                while doc.to_read and doc.error is None and len(inflight) < 2 * self._target_slots():
                    number = doc.to_read.popleft()
                    inflight[self._submit(doc, number)] = (doc, number, time.monotonic())
                    doc.reading += 1
            for doc in [d for d in docs if d.complete]:
                docs.remove(doc)
                self._finish(doc)
            if not inflight:
                continue
            done, _ = concurrent.futures.wait(inflight, timeout=1.0, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                doc, number, submitted = inflight.pop(future)
                doc.reading -= 1
                self._receive(doc, number, future, submitted, inflight)

    def _target_slots(self) -> int:
        from ocr_pipeline.workers import usable_cores

        if self.executor is not None:
            return self.executor.slots
        if self.settings.scheduler:
            return max(1, self.settings.jobs)
        return max(1, min(self.settings.jobs, usable_cores()))

    # --- one document ----------------------------------------------------------------------------

    def _start(self, job: Job) -> _Doc | None:
        """Open an input; returns it with its pages to read, or None when it ended here."""
        started = time.monotonic()
        if job.error is not None:
            self._fail(job, job.error, started)
            return None
        try:
            inp = open_input(job.path, self.settings.limits)
            if inp.kind != "transcript":
                self._prepare_reading()
            if self._skip(job, inp, started):
                return None
            doc = _Doc(job, inp, started)
            if inp.kind == "transcript":
                from ocr_pipeline.pipeline import read_pages

                for page in read_pages(inp, None):
                    doc.pages[page.number] = page
                self.progress.pages_parsed(len(doc.pages))
                self._finish(doc)
                return None
        except PipelineError as exc:
            self._fail(job, exc, started, traceback.format_exc())
            return None
        except Exception as exc:  # a bug: one line (the traceback with --debug), then the next input
            self._fail(job, _internal(exc), started, traceback.format_exc())
            return None
        self.progress.add_pages(inp.pages)
        for number, size in enumerate(inp.sizes or [None] * inp.pages, 1):
            if size is not None and size.too_small:
                doc.pages[number] = Page(
                    number=number,
                    raw_text="",
                    warnings=[f"page {number}: the image is {size.width}x{size.height} pixels, too small to hold text"],
                )
                continue
            text = self.cache.get(self.cache.key(inp.sha256, number)) if self.cache else None
            cached = _page_from(text) if text is not None else None
            if cached is not None:
                page = cached
                doc.pages[number] = page
                doc.from_cache += 1
                self.progress.page_done(job.path, number, inp.pages, None, cached=True)
            else:
                doc.to_read.append(number)
        return doc

    def _submit(self, doc: _Doc, number: int) -> concurrent.futures.Future:
        from ocr_pipeline.ocr.page_reader import PageTask

        return self.executor.submit(PageTask(Path(doc.inp.path), doc.inp.kind, number), doc.inp)

    def _receive(self, doc: _Doc, number: int, future, submitted: float, inflight) -> None:
        try:
            text = future.result()
        except PipelineError as exc:
            doc.error = doc.error or exc
            return
        except Exception as exc:
            if _pool_broken(exc):  # pebble: every worker gone while none had a task
                self._rebuild(inflight)
                doc.to_read.appendleft(number)
                return
            if doc.error is None:
                doc.error = _worker_error(exc, number) or _internal(exc)
                doc.error_trace = "".join(traceback.format_exception(exc))
            return
        if doc.error is not None:
            return
        page = _page_from(text)
        if page is None:
            doc.error = _internal(ValueError(f"page {number} came back in a form that does not fit model.Page"))
            return
        if self.cache is not None:
            self.cache.put(self.cache.key(doc.inp.sha256, number), text)
        doc.pages[number] = page
        self.progress.page_done(doc.job.path, number, doc.inp.pages, time.monotonic() - submitted, cached=False)

    def _finish(self, doc: _Doc) -> None:
        job = doc.job
        if doc.error is not None:
            self._fail(job, doc.error, doc.started, doc.error_trace)
            return
        from ocr_pipeline.pipeline import clean_and_extract

        try:
            pages = [doc.pages[n] for n in sorted(doc.pages)]
            result = clean_and_extract(doc.inp, pages, self.settings.today)
            files = result_files(result, job.name, pdf=self.settings.pdf, review=self.settings.review)
            record = self._record(job, doc.inp, result, list(files))
            with deferred_signals():
                self.out.commit(files, record)
        except PipelineError as exc:
            self._fail(job, exc, doc.started)
            return
        except Exception as exc:
            self._fail(job, _internal(exc), doc.started, traceback.format_exc())
            return
        outcome = Outcome(str(job.path), job.name, "done", **record["counts"], seconds=time.monotonic() - doc.started)
        outcome.pages_from_cache = doc.from_cache
        self._done(outcome, _light(result))

    def _record(self, job: Job, inp: InputFile, result: Result, files: list[str]) -> dict:
        counts = {
            "pages": len(result.pages),
            "measures": len(result.measures),
            "corrections": len(result.corrections),
            "warnings": len(result.warnings),
        }
        return {
            "name": job.name,
            "input": str(job.path),
            "sha256": inp.sha256,
            "fingerprint": self._result_key(inp),
            "files": files,
            "counts": counts,
        }

    def _skip(self, job: Job, inp: InputFile, started: float) -> bool:
        """An input whose results are in the output folder already, made the same way: skipped."""
        if self.settings.cache_dir is None:
            return False
        record = self.out.done_record(job.name)
        if not record or record.get("sha256") != inp.sha256 or record.get("input") != str(job.path):
            return False
        if record.get("fingerprint") != self._result_key(inp):
            return False
        try:
            data = json.loads((self.settings.out / f"{job.name}.json").read_text(encoding="utf-8"))
            light = _light_from_json(data)
        except (OSError, ValueError, serial.SerialError):
            return False
        if not all((self.settings.out / rel).is_file() for rel in record.get("files", job.files())):
            return False
        counts = record.get("counts", {})
        outcome = Outcome(str(job.path), job.name, "skipped", **counts, seconds=time.monotonic() - started)
        self.progress.add_pages(counts.get("pages", 0))
        self._done(outcome, light)
        return True

    def _done(self, outcome: Outcome, light: Result) -> None:
        self.outcomes.append(outcome)
        self.light[outcome.name] = light
        self.progress.document_done()
        how = "unchanged, kept" if outcome.status == "skipped" else f"{outcome.seconds:.1f} s"
        cached = f", {outcome.pages_from_cache} from the cache" if outcome.pages_from_cache else ""
        self.progress.result(
            f"{outcome.path}: {outcome.pages} page(s){cached}, {outcome.measures} measure row(s), "
            f"{outcome.corrections} correction(s), {outcome.warnings} warning(s) "
            f"-> {self.settings.out / outcome.name}.json ({how})"
        )

    def _fail(self, job: Job, exc: PipelineError, started: float, trace: str = "") -> None:
        if self.settings.debug:
            log.error((trace or "".join(traceback.format_exception(exc))).rstrip())
        log.error(f"{job.path}: error: {exc.one_line()}")
        code = exc.exit_code
        self.first_failure = self.first_failure or code
        self.outcomes.append(
            Outcome(
                str(job.path),
                job.name,
                "failed",
                code=int(code),
                error=exc.one_line(),
                seconds=time.monotonic() - started,
            )
        )
        self.progress.document_done()

    # --- reading machinery -----------------------------------------------------------------------

    def _prepare_reading(self) -> None:
        """Tesseract checked (and the cache opened) when the first scan comes."""
        from ocr_pipeline.ocr.tesseract import REQUIRED_LANGS, check_tesseract

        version = check_tesseract()
        if self.reading_key:
            return
        from ocr_pipeline.cache import PageCache, reading_fingerprint

        self.reading_key = reading_fingerprint(version, REQUIRED_LANGS, self.settings.reading())
        if self.settings.cache_dir is not None:
            self.cache = PageCache(self.settings.cache_dir, self.reading_key)

    def _result_key(self, inp: InputFile) -> str:
        from ocr_pipeline.cache import result_fingerprint

        reading = self.reading_key if inp.kind != "transcript" else "transcript"
        return result_fingerprint(reading, self.settings.result())

    def _new_executor(self, waiting: int):
        """Dask with --scheduler; else local workers: --jobs, at most one per core and per page waiting."""
        if self.settings.scheduler:
            from ocr_pipeline.distributed import DaskPool

            pool = DaskPool(self.settings.scheduler, self.settings.limits.max_pixels, self.settings.scheduler_timeout)
            log.debug(f"reading pages on the Dask cluster at {self.settings.scheduler} ({pool.slots} threads)")
            return pool
        from ocr_pipeline.workers import LocalPool

        workers = max(1, min(self._target_slots(), waiting))
        log.debug(f"reading pages with {workers} worker process(es)")
        return LocalPool(workers, self.scratch.path, self.settings.limits.max_pixels)

    def _rebuild(self, inflight) -> None:
        log.warning("warning: the worker processes were lost; starting new ones")
        self.executor.rebuild()
        for future, (doc, number, _) in list(inflight.items()):
            future.cancel()
            inflight.pop(future)
            doc.reading -= 1
            doc.to_read.appendleft(number)

    # --- the end of the run ----------------------------------------------------------------------

    def _finish_batch(self) -> None:
        ok = [o for o in self.outcomes if o.status != "failed"]
        order = {job.name: i for i, job in enumerate(self.jobs)}
        if len(self.jobs) > 1 and ok:
            results = [(o.path, self.light[o.name]) for o in sorted(ok, key=lambda o: order.get(o.name, 0))]
            try:
                with deferred_signals():
                    self.out.commit(combined_measures_files(results))
                log.info(f"all measures: {self.settings.out / COMBINED_MEASURES}")
            except OutputError as exc:
                log.error(f"error: {exc.one_line()}")
                self.first_failure = self.first_failure or exc.exit_code
        self.write_summary()

    def summary(self) -> dict:
        failed = [o for o in self.outcomes if o.status == "failed"]
        done = [o for o in self.outcomes if o.status != "failed"]
        return {
            "version": __version__,
            "exit_status": int(self.first_failure),
            "seconds": round(time.monotonic() - self.progress.started, 1),
            "inputs": len(self.outcomes),
            "processed": len([o for o in done if o.status == "done"]),
            "skipped_unchanged": len([o for o in done if o.status == "skipped"]),
            "failed": len(failed),
            "pages": sum(o.pages for o in done),
            "pages_from_cache": sum(o.pages_from_cache for o in done),
            "corrections": sum(o.corrections for o in done),
            "warnings": sum(o.warnings for o in done),
            "failures": [{"input": o.path, "exit_status": o.code, "reason": o.error} for o in failed],
            "documents": [dataclasses.asdict(o) for o in self.outcomes],
        }

    def write_summary(self, interrupted: ExitCode | None = None) -> None:
        data = self.summary()
        if interrupted is not None:
            data["exit_status"] = int(interrupted)
            data["interrupted"] = True
        line = (
            f"summary: {data['processed']} processed, {data['skipped_unchanged']} unchanged, {data['failed']} failed "
            f"of {data['inputs']}; {data['pages']} page(s) ({data['pages_from_cache']} from the cache), "
            f"{data['corrections']} correction(s), {data['warnings']} warning(s) in {data['seconds']:.0f} s "
            f"(details: {self.settings.out / RUN_SUMMARY})"
        )
        log.info(line)  # the failures' reasons were printed as they came, and are in the file
        with contextlib.suppress(OutputError):
            with deferred_signals():
                self.out.commit({RUN_SUMMARY: json.dumps(data, ensure_ascii=False, indent=2) + "\n"})


def run_batch(settings: Settings, progress: Progress) -> int:
    """Run the batch; SIGINT/SIGTERM end it with 130/143 after one line."""
    batch = Batch(settings, progress)
    handlers = {signal.SIGTERM: signal.signal(signal.SIGTERM, _on_signal)}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started with SIGINT ignored
        handlers[signal.SIGINT] = signal.signal(signal.SIGINT, _on_signal)
    try:
        return int(batch.run())
    except (KeyboardInterrupt, Interrupted) as exc:
        code = exc.code if isinstance(exc, Interrupted) else ExitCode.INTERRUPTED
        done = len([o for o in batch.outcomes if o.status != "failed"])
        progress.close()
        log.error(
            f"{'interrupted' if code == ExitCode.INTERRUPTED else 'terminated'}: {done} of "
            f"{len(getattr(batch, 'jobs', []))} input(s) finished and kept; run the same command again to go on"
        )
        return int(code)
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


_EXIT_OF = {signal.SIGINT: ExitCode.INTERRUPTED, signal.SIGTERM: ExitCode.TERMINATED}
_deferred: list[int] = []  # depth of deferred_signals blocks; the signal that came meanwhile
_pending: list[int] = []


def _on_signal(signum, frame) -> None:
    if _deferred:
        _pending.append(signum)
        return
    raise Interrupted(_EXIT_OF[signal.Signals(signum)])


@contextlib.contextmanager
def deferred_signals():
    """SIGINT and SIGTERM wait until the files being committed are in place (a flag, not a signal
    mask: the mask of the main thread does not stop the signal reaching the pool's threads)."""
    _deferred.append(1)
    try:
        yield
    finally:
        _deferred.pop()
        if not _deferred and _pending:
            signum = _pending[0]
            _pending.clear()
            raise Interrupted(_EXIT_OF[signal.Signals(signum)])


def _page_from(text: str) -> Page | None:
    try:
        return serial.loads(Page, text)
    except (serial.SerialError, ValueError):
        return None


def _light(result: Result) -> Result:
    """What ``measures.csv`` needs of a result (the pages are let go)."""
    return dataclasses.replace(result, pages=[], corrections=[], warnings=[], tables=[])


def _light_from_json(data: dict) -> Result:
    source = serial.from_plain(Source, data["source"])
    document = serial.from_plain(Document, data["document"])
    measures = [serial.from_plain(Measure, m) for m in data["measures"]]
    return Result(source=source, document=document, measures=measures, corrections=[], warnings=[], pages=[])


def _internal(exc: BaseException) -> PipelineError:
    return PipelineError(
        f"internal error ({exc.__class__.__name__}: {exc})".replace("\n", " "), "rerun with --debug and report it"
    )


def _worker_error(exc: BaseException, number: int) -> PipelineError | None:
    """The message for a page whose worker process died."""
    code = getattr(exc, "exitcode", None)
    if exc.__class__.__name__ not in ("ProcessExpired", "KilledWorker"):
        return None
    how = ""
    if isinstance(code, int) and code < 0:
        with contextlib.suppress(ValueError):
            how = f" (killed by {signal.Signals(-code).name})"
    return WorkerDied(f"the process reading page {number} died{how}; perhaps it ran out of memory")


def _pool_broken(exc: BaseException) -> bool:
    return isinstance(exc, concurrent.futures.process.BrokenProcessPool)
