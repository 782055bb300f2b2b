"""Benchmark: ``python -m ocr_pipeline.bench CORPUS_DIR [--json]``.

Runs the pipeline on every ``<stem>.pdf`` (or image/transcript) that has a ``<stem>.truth.json``,
writes the usual output files, scores them against the truth, and times bare
``tesseract -l tha+eng --psm 3`` on the same page images in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from ocr_pipeline.bench.score import DOC_FIELDS, DocScore, Summary, score_document, summarize
from ocr_pipeline.errors import PipelineError
from ocr_pipeline.export import write_result
from ocr_pipeline.ingest import SUPPORTED_SUFFIXES, open_input

NOTE = "values compared after normalisation: Thai digits as Arabic, whitespace collapsed, Thai Unicode normalised"


def find_documents(corpus: Path) -> list[tuple[Path, Path]]:
    """(input, truth) pairs: every supported file with a <stem>.truth.json beside it."""
    pairs = []
    for truth in sorted(corpus.glob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        inputs = [p for p in sorted(corpus.glob(f"{stem}.*")) if p.suffix.lower() in SUPPORTED_SUFFIXES]
        inputs.sort(key=lambda p: p.suffix.lower() != ".pdf")  # the scan first, transcripts after
        if inputs:
            pairs.append((inputs[0], truth))
    return pairs


def run_pipeline(
    documents, out_dir: Path
) -> tuple[float, int, list[float], dict[str, float], list[str], list[dict[str, float]]]:
    """Process every document in this process, one page at a time.

    Returns (seconds in all, pages, seconds of clean-up and extraction per document, seconds per
    reading step over all pages, failures, seconds per clean-up stage of each document).
    """
    from ocr_pipeline.pipeline import clean_and_extract, read_pages

    seconds, pages, cleanup, failures = 0.0, 0, [], []
    stages: list[dict[str, float]] = []
    steps: dict[str, float] = {}
    for src, _truth in documents:
        started = time.perf_counter()
        try:
            inp = open_input(src)
            read = read_pages(inp, executor=None)
            read_done = time.perf_counter()
            for page in read:
                for step, secs in page.seconds.items():
                    steps[step] = steps.get(step, 0.0) + secs
            result = clean_and_extract(inp, read)
            cleanup.append(time.perf_counter() - read_done)
            stages.append(result.seconds)
            write_result(result, out_dir, src.stem)
            pages += result.source.pages
        except PipelineError as exc:
            failures.append(f"{src.name}: {exc.one_line()}")
        seconds += time.perf_counter() - started
    return seconds, pages, cleanup, steps, failures, stages


def stage_medians(stages: list[dict[str, float]]) -> dict[str, float]:
    """Median milliseconds per document of each clean-up stage, and of the place, word and name
    clean-up together (gazetteer, lexicon, names)."""
    out: dict[str, float] = {}
    for name in dict.fromkeys(k for d in stages for k in d):
        out[name] = round(1000 * statistics.median(d.get(name, 0.0) for d in stages), 1)
    if stages:
        out["places+lexicon+names"] = round(
            1000
            * statistics.median(d.get("places", 0.0) + d.get("lexicon", 0.0) + d.get("names", 0.0) for d in stages),
            1,
        )
    return out


def run_bare_tesseract(documents) -> tuple[float, int]:
    """Seconds of plain Tesseract (tha+eng, psm 3, one thread) on the same 300-dpi page images."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    seconds, pages = 0.0, 0
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for src, _truth in documents:
            if src.suffix.lower() != ".pdf":
                continue
            prefix = Path(tmp) / src.stem
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(src), str(prefix)], check=True)
            for image in sorted(Path(tmp).glob(f"{src.stem}*.png")):
                started = time.perf_counter()
                subprocess.run(
                    ["tesseract", str(image), "stdout", "-l", "tha+eng", "--psm", "3"],
                    check=True,
                    capture_output=True,
                    env=env,
                )
                seconds += time.perf_counter() - started
                pages += 1
                image.unlink()
    return seconds, pages


def score_all(documents, out_dir: Path) -> list[DocScore]:
    scores = []
    for src, truth_path in documents:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        out_path = out_dir / f"{src.stem}.json"
        output = json.loads(out_path.read_text(encoding="utf-8")) if out_path.is_file() else None
        scores.append(score_document(src.stem, truth, output))
    return scores


def report(summary: Summary, timing: dict) -> str:
    pct = lambda x: f"{100 * x:6.1f} %"  # noqa: E731
    lines = [
        f"documents: {summary.documents} (outputs written: {summary.outputs_found})",
        NOTE,
        "",
        "document fields, exact match:",
    ]
    for name in DOC_FIELDS:
        lines.append(f"  {name:<16} {pct(summary.field_accuracy[name])}")
    lines += [
        f"  {'(all fields)':<16} {pct(summary.overall_field_accuracy)}",
        "",
        f"measure row count right      {pct(summary.rows_right_share)} of documents",
        f"table cells exact            {pct(summary.cell_exact)}",
        f"table cells similarity       {pct(summary.cell_similarity)}",
        f"CER cleaned text             {pct(summary.cer_clean)}",
        f"CER raw OCR text             {pct(summary.cer_raw)}",
        f"Thai-digit error (cleaned)   {pct(summary.thai_digit_error)}",
        f"Thai-digit error (raw OCR)   {pct(summary.thai_digit_error_raw)}",
        f"right words made wrong       {100 * summary.harmful_word_rate:6.2f} % of words "
        f"(lexicon, spell, gazetteer, name corrections)",
        "",
        f"seconds per page             {timing['seconds_per_page']:.2f}  (pipeline, one page at a time)",
        f"bare tesseract s/page        {timing['tesseract_seconds_per_page']:.2f}  (tha+eng --psm 3, same pages)",
        f"ratio to bare tesseract      {timing['ratio_to_tesseract']:.2f}",
        f"clean-up + extraction        {timing['cleanup_ms_per_document']:.0f} ms per document "
        f"(median {timing['cleanup_ms_median']:.0f} ms; OCR excluded)",
        "clean-up stages, median ms   "
        + ", ".join(f"{k} {v:.0f}" for k, v in timing["cleanup_stage_ms_median"].items()),
        "reading steps, s per page    " + ", ".join(f"{k} {v:.2f}" for k, v in timing["step_seconds_per_page"].items()),
        f"peak memory                  {timing['peak_rss_mb']:.0f} MB (this process), "
        f"{timing['peak_child_rss_mb']:.0f} MB (largest child)",
    ]
    return "\n".join(lines)


def markdown(summary: Summary, timing: dict) -> str:
    """The figures as the README's table."""
    pct = lambda x: f"{100 * x:.1f} %"  # noqa: E731
    rows = [(f"`{name}` exact", pct(summary.field_accuracy[name])) for name in DOC_FIELDS]
    rows += [
        ("all document fields", pct(summary.overall_field_accuracy)),
        ("measure row count right (documents)", pct(summary.rows_right_share)),
        ("table cells exact", pct(summary.cell_exact)),
        ("table cells similarity", pct(summary.cell_similarity)),
        ("CER, cleaned text", pct(summary.cer_clean)),
        ("CER, raw OCR text", pct(summary.cer_raw)),
        ("Thai-digit error, cleaned text", pct(summary.thai_digit_error)),
        ("Thai-digit error, raw OCR text", pct(summary.thai_digit_error_raw)),
        ("right words made wrong by the clean-up", f"{100 * summary.harmful_word_rate:.2f} % of words"),
        ("seconds per page (one page at a time)", f"{timing['seconds_per_page']:.2f}"),
        ("ratio to bare `tesseract -l tha+eng --psm 3`", f"{timing['ratio_to_tesseract']:.2f}"),
        (
            "clean-up + extraction per document (OCR excluded)",
            f"{timing['cleanup_ms_per_document']:.0f} ms (median {timing['cleanup_ms_median']:.0f} ms)",
        ),
        (
            "of which places + words + names (median)",
            f"{timing['cleanup_stage_ms_median'].get('places+lexicon+names', 0.0):.0f} ms",
        ),
        ("of which dates (median)", f"{timing['cleanup_stage_ms_median'].get('dates', 0.0):.0f} ms"),
        ("peak memory", f"{timing['peak_rss_mb']:.0f} MB"),
    ]
    return "\n".join(["| measure | value |", "| --- | --- |"] + [f"| {a} | {b} |" for a, b in rows])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["real-lines"]:  # real scanned lines (bench/real_lines.py)
        from ocr_pipeline.bench.real_lines import main as real_lines

        return real_lines(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m ocr_pipeline.bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="folder with <stem>.pdf and <stem>.truth.json files")
    parser.add_argument(
        "-o", "--out", type=Path, default=None, help="where the pipeline's files go (default: a temporary folder)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--markdown", action="store_true", help="also print the README's table")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--no-baseline", action="store_true", help="skip timing bare tesseract")
    args = parser.parse_args(argv)
    documents = find_documents(args.corpus)
    if args.limit:
        documents = documents[: args.limit]
    if not documents:
        print(
            f"error: no <stem>.truth.json with its input in {args.corpus}; "
            "make a corpus with: python -m ocr_pipeline.synth DIR --n 40 --seed 7",
            file=sys.stderr,
        )
        return 3
    with tempfile.TemporaryDirectory(prefix="bench-out-") as tmp:
        out_dir = args.out or Path(tmp)
        seconds, pages, cleanup, steps, failures, stages = run_pipeline(documents, out_dir)
        base_s, base_pages = (0.0, 0) if args.no_baseline else run_bare_tesseract(documents)
        scores = score_all(documents, out_dir)
    summary = summarize(scores)
    per_page = seconds / pages if pages else 0.0
    base_per_page = base_s / base_pages if base_pages else 0.0
    cleanup.sort()
    timing = {
        "pages": pages,
        "cleanup_ms_per_document": round(1000 * sum(cleanup) / len(cleanup), 1) if cleanup else 0.0,
        "cleanup_ms_median": round(1000 * cleanup[len(cleanup) // 2], 1) if cleanup else 0.0,
        "cleanup_stage_ms_median": stage_medians(stages),
        "step_seconds_per_page": {k: round(v / pages, 3) for k, v in steps.items()} if pages else {},
        "seconds_per_page": round(per_page, 3),
        "tesseract_seconds_per_page": round(base_per_page, 3),
        "ratio_to_tesseract": round(per_page / base_per_page, 2) if base_per_page else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    if args.json:
        print(
            json.dumps(
                {"summary": asdict(summary), "timing": timing, "failures": failures, "note": NOTE},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(report(summary, timing))
        for failure in failures:
            print(f"failed: {failure}")
        if args.markdown:
            print("\n" + markdown(summary, timing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
