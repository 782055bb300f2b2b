"""Scale figures: ``python -m ocr_pipeline.bench scale [--pages 100] [--jobs 2] [--json]``.

Builds one PDF of ``--pages`` 300-dpi scanned pages (the bundled sample scans, page after page),
then measures, as a user would run them:

- the pipeline: ``python -m ocr_pipeline big.pdf --jobs N`` with an empty cache: pages per minute,
  and the peak memory of all its processes together (the sum of PSS, proportional set size, over
  the main process, its workers and their Tesseract children, sampled from /proc/<pid>/smaps_rollup
  every 0.1 s; PSS counts a page shared by forked workers once, unlike RSS);
- bare Tesseract on the same pages: ``pdftoppm -r 300`` then ``tesseract PAGE stdout -l tha+eng --psm 3``
  page after page, with Tesseract's own threading (it uses the cores as it likes), on
  ``--bare-pages`` of the pages (all by default); the ratio is the pipeline's time per page over
  bare Tesseract's;
- the same command again on the finished batch (results in place, cache filled): its time as a
  share of the first run's.

The figures depend on the machine and on what else runs on it: measure on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SAMPLE_PDFS = ("report2.pdf", "report.pdf", "memo.pdf", "table.pdf")
TARGETS = {"pages_per_minute": 60.0, "ratio_to_bare_tesseract": 0.3, "peak_pss_mb": 600.0, "rerun_share": 0.05}
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def build_pdf(path: Path, pages: int, samples: Path = SAMPLES) -> Path:
    """``pages`` scanned pages, the sample PDFs' pages in turn (page images as the scanner made them)."""
    from pypdf import PdfReader, PdfWriter

    sources = [page for name in SAMPLE_PDFS for page in PdfReader(samples / name).pages]
    writer = PdfWriter()
    for i in range(pages):
        writer.add_page(sources[i % len(sources)])
    with path.open("wb") as fh:
        writer.write(fh)
    return path


class PssSampler:
    """The largest sum of PSS over a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = [self.pid, *descendants(self.pid)]
            total = sum(pss_kb(p) for p in pids)
            if total > self.peak_kb:
                self.peak_kb, self.peak_processes = total, len(pids)
            self._stop.wait(self.interval)


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
                ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, frontier = [], [pid]
    while frontier:
        for child in children.get(frontier.pop(), []):
            found.append(child)
            frontier.append(child)
    return found


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_pipeline(pdf: Path, out: Path, cache: Path, jobs: int) -> tuple[float, int, int]:
    """(seconds, peak PSS in kB, processes at the peak) of one CLI run."""
    command = [sys.executable, "-m", "ocr_pipeline", str(pdf), "-o", str(out), "--jobs", str(jobs), "-q"]
    command += ["--cache-dir", str(cache)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PssSampler(proc.pid) as sampler:
        _out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"the pipeline failed ({proc.returncode}): {err.strip()[-500:]}")
    return seconds, sampler.peak_kb, sampler.peak_processes


def run_bare(pdf: Path, pages: int) -> tuple[float, int]:
    """Seconds of pdftoppm + bare Tesseract (psm 3, its own threading) over the first ``pages`` pages."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-bare-") as tmp:
        for number in range(1, pages + 1):
            prefix = Path(tmp) / f"p{number}"
            started = time.perf_counter()
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "300",
                    "-gray",
                    "-png",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-singlefile",
                    str(pdf),
                    str(prefix),
                ],
                check=True,
            )
            subprocess.run(
                ["tesseract", f"{prefix}.png", "stdout", "-l", "tha+eng", "--psm", "3"],
                check=True,
                capture_output=True,
                env=env,
            )
            seconds += time.perf_counter() - started
            Path(f"{prefix}.png").unlink()
    return seconds, pages


def measure(pages: int, jobs: int, bare_pages: int, work: Path) -> dict:
    pdf = build_pdf(work / "scan.pdf", pages)
    out, cache = work / "out", work / "cache"
    first, peak_kb, processes = run_pipeline(pdf, out, cache, jobs)
    again, _, _ = run_pipeline(pdf, out, cache, jobs)
    bare_s, bare_n = run_bare(pdf, bare_pages or pages)
    per_page = first / pages
    bare_per_page = bare_s / bare_n
    return {
        "pages": pages,
        "jobs": jobs,
        "cores": len(os.sched_getaffinity(0)),
        "pipeline_seconds": round(first, 1),
        "pages_per_minute": round(60 * pages / first, 1),
        "bare_tesseract_seconds_per_page": round(bare_per_page, 2),
        "bare_tesseract_pages": bare_n,
        "ratio_to_bare_tesseract": round(per_page / bare_per_page, 3),
        "peak_pss_mb": round(peak_kb / 1024, 1),
        "processes_at_peak": processes,
        "rerun_seconds": round(again, 2),
        "rerun_share": round(again / first, 4),
        "load_average_at_end": round(os.getloadavg()[0], 2),
        "targets": TARGETS,
    }


def report(figures: dict) -> str:
    t = figures["targets"]
    mark = lambda ok: "meets" if ok else "MISSES"  # noqa: E731
    return "\n".join(
        [
            f"{figures['pages']} pages of 300-dpi scans, --jobs {figures['jobs']} on {figures['cores']} cores "
            f"(load average at the end: {figures['load_average_at_end']})",
            f"pages per minute             {figures['pages_per_minute']:.1f}  ({mark(figures['pages_per_minute'] >= t['pages_per_minute'])} >= {t['pages_per_minute']:g})",
            f"bare tesseract s/page        {figures['bare_tesseract_seconds_per_page']:.2f}  (pdftoppm + tesseract --psm 3, {figures['bare_tesseract_pages']} pages)",
            f"ratio to bare tesseract      {figures['ratio_to_bare_tesseract']:.3f}  ({mark(figures['ratio_to_bare_tesseract'] <= t['ratio_to_bare_tesseract'])} <= {t['ratio_to_bare_tesseract']:g})",
            f"peak memory, all processes   {figures['peak_pss_mb']:.0f} MB PSS over {figures['processes_at_peak']} processes  ({mark(figures['peak_pss_mb'] <= t['peak_pss_mb'])} <= {t['peak_pss_mb']:g})",
            f"re-run of the finished batch {figures['rerun_seconds']:.2f} s = {100 * figures['rerun_share']:.1f} % of the first run  ({mark(figures['rerun_share'] <= t['rerun_share'])} <= {100 * t['rerun_share']:g} %)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ocr_pipeline.bench scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pages", type=int, default=100, help="pages in the scan (default: 100)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the pipeline (default: 2)")
    parser.add_argument("--bare-pages", type=int, default=0, help="time bare Tesseract on the first N pages only")
    parser.add_argument("--keep", type=Path, help="keep the scan, results and cache in this folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args.pages, args.jobs, args.bare_pages, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            figures = measure(args.pages, args.jobs, args.bare_pages, Path(tmp))
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
