"""Command line: ``python -m ocr_pipeline INPUT [INPUT ...] [-o OUTDIR]``.

Arguments only: the batch itself is ``runner.run_batch``. Each input is processed on its own: a bad
file gets one line on stderr and the batch goes on. The exit status is ``errors.ExitCode``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ocr_pipeline import __version__
from ocr_pipeline.errors import ExitCode, epilog_lines
from ocr_pipeline.limits import MAX_PAGES, MAX_PIXELS, MAX_UPSCALE, Limits, pixel_count

DESCRIPTION = """\
Turn scanned Thai ITA integrity reports (มาตรการส่งเสริมคุณธรรมและความโปร่งใส) into clean data.

For each input file <stem>, writes to OUTDIR (a folder's files keep their subfolders):
  <stem>.json             every extracted field, the measure rows, corrections, warnings, page text
  <stem>.measures.csv     one row per measure step (UTF-8 with BOM: opens in Excel)
  <stem>.txt              cleaned text, pages separated by form feeds
  <stem>.corrections.csv  every change the clean-up made: page, field, before, after, rule, score
  <stem>.ocr.pdf          scans: the original pages with the cleaned text as an invisible, searchable layer
  <stem>.review.html      a page to check the result: page images, fields, measures, every correction
and measures.csv with all documents' rows and a 'source' column (several inputs), run-summary.json.
"""

EPILOG_HEAD = """\
inputs: PDF, PNG, JPEG, TIFF (multi-page too), OCR transcripts (.txt, .md, .html), or folders
(searched recursively). Input files are never modified, and nothing in OUTDIR is overwritten
that this tool did not write. A run stopped at any moment and started again redoes only what is
missing (pages already read come from the cache).

examples:
  python -m ocr_pipeline scan.pdf
  python -m ocr_pipeline archive/2566/ -o results/ --jobs 2
  python -m ocr_pipeline archive/ -o results/ --scheduler tcp://10.0.0.5:8786

exit status (with several failures, the code of the first one):
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocr-pipeline",
        description=DESCRIPTION,
        epilog=EPILOG_HEAD + "\n".join(epilog_lines()) + "\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", type=Path, help="files or folders to process")
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("out"),
        metavar="OUTDIR",
        help="folder for the results (default: ./out; created if missing)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="pages read in parallel (default and most: one per CPU core; never more than the pages to read)",
    )
    parser.add_argument("--no-pdf", action="store_true", help="do not write the searchable <stem>.ocr.pdf")
    parser.add_argument("--no-review", action="store_true", help="do not write the <stem>.review.html page")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="also write a full log, with times, to FILE")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks for failures")
    parser.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date the scans are read on (default: the system date): no date is read as after it, "
        "and two-digit years are read from it; give it to rerun an old batch the same way",
    )
    cache = parser.add_argument_group("cache and resume")
    cache.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where pages already read are kept (default: $XDG_CACHE_HOME/ocr_pipeline, ~/.cache/ocr_pipeline)",
    )
    cache.add_argument(
        "--no-cache", action="store_true", help="read every page again and redo inputs already finished in OUTDIR"
    )
    cluster = parser.add_argument_group("cluster")
    cluster.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read pages on a Dask distributed cluster (tcp://HOST:8786) instead of local processes",
    )
    cluster.add_argument(
        "--scheduler-timeout",
        metavar="SECONDS",
        type=float,
        default=10.0,
        help="how long to try to reach the scheduler before giving up with exit status 15 (default 10)",
    )
    limits = parser.add_argument_group("limits (an input over one fails with exit status 12)")
    limits.add_argument(
        "--max-pixels",
        type=pixel_count,
        default=MAX_PIXELS,
        metavar="N",
        help=f"pixels per page as read, after any enlarging (default: {MAX_PIXELS // 10**6}M)",
    )
    limits.add_argument(
        "--max-pages", type=int, default=MAX_PAGES, metavar="N", help=f"pages per document (default: {MAX_PAGES})"
    )
    limits.add_argument(
        "--max-upscale",
        type=float,
        default=MAX_UPSCALE,
        metavar="F",
        help=f"how much a low-resolution scan may be enlarged to 300 dpi (default: x{MAX_UPSCALE:g})",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    if args.max_pages < 1 or args.max_upscale < 1:
        parser.error("--max-pages must be 1 or more, --max-upscale 1.0 or more")
    from ocr_pipeline.cache import default_cache_dir
    from ocr_pipeline.progress import Progress
    from ocr_pipeline.runner import Settings
    from ocr_pipeline.workers import usable_cores

    settings = Settings(
        inputs=args.inputs,
        out=args.out,
        jobs=args.jobs or usable_cores(),
        limits=Limits(args.max_pixels, args.max_pages, args.max_upscale),
        cache_dir=None if args.no_cache else (args.cache_dir or default_cache_dir()),
        scheduler=args.scheduler,
        scheduler_timeout=args.scheduler_timeout,
        debug=args.debug,
        today=args.today,
        pdf=not args.no_pdf,
        review=not args.no_review,
    )
    try:
        progress = Progress(quiet=args.quiet, log_file=args.log_file)
    except OSError as exc:
        print(f"error: cannot write the log file {args.log_file}: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        return _run(settings, progress)
    except KeyboardInterrupt:  # before the batch started
        print("interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    finally:
        progress.close()


def _run(settings, progress) -> int:
    from ocr_pipeline.errors import PipelineError
    from ocr_pipeline.progress import log
    from ocr_pipeline.runner import run_batch

    try:
        return run_batch(settings, progress)
    except PipelineError as exc:  # the whole run cannot start: output folder, cluster
        log.error(f"error: {exc.one_line()}")
        return int(exc.exit_code)
