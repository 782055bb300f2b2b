"""Command line: ``python -m ocr_pipeline INPUT [INPUT ...] [-o OUTDIR]``.

Each input is processed on its own: a bad file gets one line on stderr and the batch goes on.
Exit status: 0 when every input was processed, else the code of the first failure (README).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ocr_pipeline import __version__
from ocr_pipeline.errors import OutputError, PipelineError
from ocr_pipeline.export import write_combined_measures, write_result
from ocr_pipeline.ingest import expand_inputs, open_input

DESCRIPTION = """\
Turn scanned Thai ITA integrity reports (มาตรการส่งเสริมคุณธรรมและความโปร่งใส) into clean data.

For each input file <stem>, writes to OUTDIR:
  <stem>.json             every extracted field, the measure rows, corrections, warnings, page text
  <stem>.measures.csv     one row per measure step (UTF-8 with BOM: opens in Excel)
  <stem>.txt              cleaned text, pages separated by form feeds
  <stem>.corrections.csv  every change the clean-up made: page, field, before, after, rule, score
  <stem>.ocr.pdf          scans: the original pages with the cleaned text as an invisible, searchable layer
  <stem>.review.html      a page to check the result: page images, fields, measures, every correction
and, with several inputs, measures.csv with all documents' rows and a 'source' column.
"""

EPILOG = """\
inputs: PDF, PNG, JPEG, TIFF (multi-page too), OCR transcripts (.txt, .md, .html), or folders
(searched recursively). Input files are never modified.

examples:
  python -m ocr_pipeline scan.pdf
  python -m ocr_pipeline archive/2566/ -o results/ --jobs 2

exit status: 0 all inputs processed; 3 not found; 4 unsupported type; 5 empty file;
6 damaged or truncated file; 7 encrypted PDF; 8 no text found; 9 Tesseract or its Thai data
missing; 10 cannot write output; 11 Tesseract failed; 1 internal error; 2 usage error.
With several failures, the code of the first one.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocr-pipeline",
        description=DESCRIPTION,
        epilog=EPILOG,
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
        default=os.cpu_count() or 1,
        metavar="N",
        help="pages read in parallel (default: one per CPU core)",
    )
    parser.add_argument("--no-pdf", action="store_true", help="do not write the searchable <stem>.ocr.pdf")
    parser.add_argument("--no-review", action="store_true", help="do not write the <stem>.review.html page")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks for failures")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.jobs < 1:
        build_parser().error("--jobs must be 1 or more")
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def run(args: argparse.Namespace) -> int:
    from ocr_pipeline.pipeline import process

    inputs = expand_inputs(args.inputs)
    if not inputs:
        print(
            "error: no supported files found in the given folders; give PDF, image or transcript files", file=sys.stderr
        )
        return 4
    first_failure = 0
    done: list[tuple[str, object]] = []
    stems: dict[str, int] = {}
    executor = ProcessPoolExecutor(max_workers=args.jobs) if args.jobs > 1 else None
    try:
        for path in inputs:
            started = time.monotonic()
            try:
                inp = open_input(path)
                if inp.kind != "transcript":
                    from ocr_pipeline.ocr.tesseract import check_tesseract

                    check_tesseract()
                result = process(inp, executor)
                stem = _unique_stem(path, stems)
                write_result(result, args.out, stem, pdf=not args.no_pdf, review=not args.no_review)
            except PipelineError as exc:
                _report(path, exc.one_line(), args.debug)
                first_failure = first_failure or exc.exit_code
                continue
            except Exception as exc:  # a bug: one line (or the traceback), then the next input
                _report(
                    path,
                    f"internal error ({exc.__class__.__name__}: {exc}); rerun with --debug and report it",
                    args.debug,
                )
                first_failure = first_failure or 1
                continue
            done.append((str(path), result))
            if not args.quiet:
                print(
                    f"{path}: {len(result.pages)} page(s), {len(result.measures)} measure row(s), "
                    f"{len(result.corrections)} correction(s), {len(result.warnings)} warning(s) "
                    f"-> {args.out / stem}.json ({time.monotonic() - started:.1f} s)"
                )
        if len(inputs) > 1 and done:
            try:
                combined = write_combined_measures(done, args.out)
                if not args.quiet:
                    print(f"all measures: {combined}")
            except OutputError as exc:
                print(f"error: {exc.one_line()}", file=sys.stderr)
                first_failure = first_failure or exc.exit_code
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    return first_failure


def _unique_stem(path: Path, used: dict[str, int]) -> str:
    """The file name without extension; a repeated stem in one batch gets -2, -3, ..."""
    stem = path.stem
    used[stem] = used.get(stem, 0) + 1
    if used[stem] > 1:
        new = f"{stem}-{used[stem]}"
        print(f"{path}: another input already wrote '{stem}'; writing '{new}' instead", file=sys.stderr)
        return new
    return stem


def _report(path: Path, message: str, debug: bool) -> None:
    if debug:
        traceback.print_exc()
    print(f"{path}: error: {message}", file=sys.stderr)
