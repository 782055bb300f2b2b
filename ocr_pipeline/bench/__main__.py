"""Benchmark: ``python -m ocr_pipeline.bench CORPUS_DIR [--json | --markdown]``.

Runs the pipeline on every ``<stem>.pdf`` (or image/transcript: ``--input``) that has a
``<stem>.truth.json``, writes the usual output files, scores them against the truth, and times bare
``tesseract -l tha+eng --psm 3`` on the same page images in the same run. ``-o DIR --score-only``
scores outputs written before, without running anything.

Every figure is given overall and per condition (``synth.condition`` of each truth: dpi x copy for
scans, e.g. ``150 dpi x pale``; the standard corpus is ``<dpi> dpi x none``), so a weakness shows where
it lives.

Corrections (issue 15.2): each correction of an output is judged against the truth, per rule: right
(wrong -> right), harmful (right -> wrong), neutral (wrong -> still wrong; "closer" counts those fewer edits
from the truth than before), cosmetic (a change folding undoes: a digit's script, a table rule's bar; left
out of the right share), ambiguous (found at several places that disagree) or unlocated. Number fields are
judged against the numbers of the truth's rows on the correction's page; a text correction is placed where
it was made: by its item and span (the benchmark writes every line's and cell's text before clean-up beside
each output, ``<stem>.bench.json``, and replays the item's earlier corrections), by its line's text on
either side for a change made while reading (written there too), else by a search of the output's page
text; the span with 12 characters of context on each side is aligned to the truth page's text, and what
the correction changed is compared with the truth characters facing it; a document field's correction that
cannot be placed so is judged against the truth's value of that field. The method is written out in
``bench/corrections.py``. Reported: corrections made (per document), the share that is right, and harmful
corrections as a share of the truth's words, overall and per rule. ``right words made wrong`` is the
earlier, cruder figure (a word rule's ``before`` found in the truth page and its ``after`` not), kept to
compare with the README.

Clean mode (issue 15.1): ``python -m ocr_pipeline.bench clean DIR [--n 20 --seed 16]`` writes the
generator's truth as correct transcripts into DIR (markdown and HTML, when DIR has no truth yet) and
benchmarks them: every correction made there is one too many (target 0), every field should be right.

Real lines (issue 14.1): ``python -m ocr_pipeline.bench real-lines DIR`` scores the pipeline and bare
tesseract on real scanned line images with their truth (``bench/real_lines.py``).
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
from ocr_pipeline.ingest.transcript import KINDS as TRANSCRIPT_SUFFIXES

NOTE = "values compared after normalisation: Thai digits as Arabic, whitespace collapsed, Thai Unicode normalised"


INPUTS = ("scan", "md", "html")


def find_documents(corpus: Path, prefer: str = "scan") -> list[tuple[Path, Path]]:
    """(input, truth) pairs: every supported file with a <stem>.truth.json beside it; of several inputs
    of one stem, the scan (PDF first) or the transcript ``prefer`` names ("md", "html")."""
    pairs = []
    for truth in sorted(corpus.glob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        inputs = [p for p in sorted(corpus.glob(f"{stem}.*")) if p.suffix.lower() in SUPPORTED_SUFFIXES]
        inputs = [p for p in inputs if p.name[len(stem)] == "."]

        def rank(p: Path) -> tuple[bool, bool]:
            kind = TRANSCRIPT_SUFFIXES.get(p.suffix.lower(), "scan")
            return (kind != prefer, p.suffix.lower() != ".pdf")

        inputs.sort(key=rank)  # the kind asked for first; the scan (PDF first) otherwise
        if inputs:
            pairs.append((inputs[0], truth))
    return pairs


def input_kind(path: Path) -> str:
    """'transcript' for .md/.html/.txt, else 'pdf' (scans)."""
    return "transcript" if path.suffix.lower() in TRANSCRIPT_SUFFIXES else "pdf"


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
            write_bench_notes(result, read, out_dir / f"{src.stem}{BENCH_NOTES}")
            pages += result.source.pages
        except PipelineError as exc:
            failures.append(f"{src.name}: {exc.one_line()}")
        seconds += time.perf_counter() - started
    return seconds, pages, cleanup, steps, failures, stages


BENCH_NOTES = ".bench.json"  # beside each output the benchmark makes: where its corrections stand


def write_bench_notes(result, read, path: Path) -> None:
    """What the judge needs to place each correction exactly (``bench.corrections``): every line's and
    cell's text before clean-up (``items``) and, for changes made while reading, their line's text on
    either side (``context``, by the correction's index)."""
    from dataclasses import asdict

    from ocr_pipeline.bench.corrections import items_as_read
    from ocr_pipeline.document_text import collect_items

    final = {it.key: it.text for it in collect_items(result.pages, {}, {}).items}
    corrections = [asdict(c) for c in result.corrections]
    context: dict[str, list[str]] = {}
    index = 0
    for page in read:
        if len(page.read_context) == len(page.corrections):
            for k, around in enumerate(page.read_context):
                context[str(index + k)] = list(around)
        index += len(page.corrections)
    notes = {"items": items_as_read(final, corrections), "context": context}
    path.write_text(json.dumps(notes, ensure_ascii=False), encoding="utf-8")


def read_bench_notes(output: dict, path: Path) -> dict:
    """``output`` with the notes of ``write_bench_notes`` merged in (when the file is there)."""
    if not path.is_file():
        return output
    notes = json.loads(path.read_text(encoding="utf-8"))
    corrections = [dict(c) for c in output.get("corrections", []) or []]
    for k, around in (notes.get("context") or {}).items():
        if int(k) < len(corrections):
            corrections[int(k)]["context"] = around
    return {**output, "corrections": corrections, "items": notes.get("items") or {}}


def stage_medians(stages: list[dict[str, float]]) -> dict[str, float]:
    """Median milliseconds per document of each clean-up stage, and of the place and word clean-up together
    (gazetteer, lexicon; the key's ``names`` is a stage no pipeline times: names are resolved inside ``extract``)."""
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
        if output is not None:
            output = read_bench_notes(output, out_dir / f"{src.stem}{BENCH_NOTES}")
        score = score_document(src.stem, truth, output, input_kind(src))
        if input_kind(src) == "transcript" and not score.condition.startswith("clean transcript"):
            score.condition = f"transcript ({src.suffix.lower().lstrip('.')})"  # not the scan's dpi x copy
        scores.append(score)
    return scores


def by_condition(scores: list[DocScore]) -> dict[str, Summary]:
    """Summaries per condition key, in a stable order (dpi, then copy as listed in synth.wear)."""
    from ocr_pipeline.synth.wear import COPIES

    groups: dict[str, list[DocScore]] = {}
    for s in scores:
        groups.setdefault(s.condition, []).append(s)

    def order(key: str):
        dpi, _, copy = key.partition(" dpi x ")
        return (not dpi.isdigit(), int(dpi) if dpi.isdigit() else 0, COPIES.index(copy) if copy in COPIES else 9, key)

    return {k: summarize(groups[k]) for k in sorted(groups, key=order)}


def _pct(x: float, digits: int = 1) -> str:
    return f"{100 * x:.{digits}f} %"


# (label, how to read it from a Summary): the figures of the per-condition table
CONDITION_ROWS = (
    ("documents", lambda s: str(s.documents)),
    ("`doc_date` exact", lambda s: _pct(s.field_accuracy["doc_date"])),
    ("`doc_number` exact", lambda s: _pct(s.field_accuracy["doc_number"])),
    ("`fiscal_year_be` exact", lambda s: _pct(s.field_accuracy["fiscal_year_be"])),
    (
        "`period_start` / `period_end` exact",
        lambda s: f"{_pct(s.field_accuracy['period_start'], 0)} / {_pct(s.field_accuracy['period_end'], 0)}",
    ),
    ("`agency` exact", lambda s: _pct(s.field_accuracy["agency"])),
    ("`signatories` exact", lambda s: _pct(s.field_accuracy["signatories"])),
    ("all document fields", lambda s: _pct(s.overall_field_accuracy)),
    ("measure row count right", lambda s: _pct(s.rows_right_share)),
    ("table cells exact / similarity", lambda s: f"{_pct(s.cell_exact, 0)} / {_pct(s.cell_similarity)}"),
    ("CER cleaned / raw", lambda s: f"{_pct(s.cer_clean)} / {_pct(s.cer_raw)}"),
    ("Thai-digit error cleaned / raw", lambda s: f"{_pct(s.thai_digit_error)} / {_pct(s.thai_digit_error_raw)}"),
    ("corrections per document", lambda s: f"{s.corrections_per_document:.1f}"),
    ("corrections right", lambda s: _pct(s.corrections_right_share) if s.corrections else "-"),
    ("harmful corrections, % of words", lambda s: _pct(s.harmful_corrections_rate, 2)),
)


def condition_markdown(overall: Summary, groups: dict[str, Summary]) -> str:
    """Every figure per condition (columns) beside the overall one."""
    heads = ["overall", *groups]
    lines = ["| measure | " + " | ".join(heads) + " |", "| --- |" + " --- |" * len(heads)]
    for label, get in CONDITION_ROWS:
        lines.append(f"| {label} | " + " | ".join(get(s) for s in [overall, *groups.values()]) + " |")
    return "\n".join(lines)


def rules_markdown(summary: Summary) -> str:
    """Corrections per rule: made, right, harmful, neutral, unlocated, right share, harmful per word."""
    lines = [
        "| rule | made | right | harmful | neutral (closer) | cosmetic | ambiguous | unlocated | right "
        "| harmful, % of words |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for rule, r in summary.corrections_by_rule.items():
        lines.append(
            f"| `{rule}` | {r['made']} | {r['right']} | {r['harmful']} | {r['neutral']} ({r.get('closer', 0)}) "
            f"| {r.get('cosmetic', 0)} "
            f"| {r['ambiguous']} | {r['unlocated']} "
            f"| {_pct(r['right_share'])} | {_pct(r['harmful_per_word'], 3)} |"
        )
    lines.append(
        f"| all | {summary.corrections} | | | | | | | {_pct(summary.corrections_right_share)} "
        f"| {_pct(summary.harmful_corrections_rate, 3)} |"
    )
    return "\n".join(lines)


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
        "  by column                  "
        + ", ".join(f"{c} {100 * v:.1f} %" for c, v in summary.cell_exact_by_field.items()),
        f"table cells similarity       {pct(summary.cell_similarity)}",
        f"CER cleaned text             {pct(summary.cer_clean)}",
        f"CER raw OCR text             {pct(summary.cer_raw)}",
        f"Thai-digit error (cleaned)   {pct(summary.thai_digit_error)}",
        f"Thai-digit error (raw OCR)   {pct(summary.thai_digit_error_raw)}",
        f"right words made wrong       {100 * summary.harmful_word_rate:6.2f} % of words "
        f"(lexicon, spell, gazetteer, name corrections)",
        f"corrections made             {summary.corrections} ({summary.corrections_per_document:.1f} per document)",
        f"corrections right            {pct(summary.corrections_right_share)}",
        f"harmful corrections          {100 * summary.harmful_corrections_rate:6.3f} % of words",
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
        *((f"table cells exact: `{c}`", pct(v)) for c, v in summary.cell_exact_by_field.items()),
        ("table cells similarity", pct(summary.cell_similarity)),
        ("CER, cleaned text", pct(summary.cer_clean)),
        ("CER, raw OCR text", pct(summary.cer_raw)),
        ("Thai-digit error, cleaned text", pct(summary.thai_digit_error)),
        ("Thai-digit error, raw OCR text", pct(summary.thai_digit_error_raw)),
        ("right words made wrong by the clean-up", f"{100 * summary.harmful_word_rate:.2f} % of words"),
        ("corrections made (per document)", f"{summary.corrections} ({summary.corrections_per_document:.1f})"),
        ("corrections right", pct(summary.corrections_right_share)),
        ("harmful corrections", f"{100 * summary.harmful_corrections_rate:.3f} % of words"),
        ("seconds per page (one page at a time)", f"{timing['seconds_per_page']:.2f}"),
        ("ratio to bare `tesseract -l tha+eng --psm 3`", f"{timing['ratio_to_tesseract']:.2f}"),
        (
            "clean-up + extraction per document (OCR excluded)",
            f"{timing['cleanup_ms_per_document']:.0f} ms (median {timing['cleanup_ms_median']:.0f} ms)",
        ),
        (
            "of which places + words (median; names are in extraction)",
            f"{timing['cleanup_stage_ms_median'].get('places+lexicon+names', 0.0):.0f} ms",
        ),
        ("of which dates (median)", f"{timing['cleanup_stage_ms_median'].get('dates', 0.0):.0f} ms"),
        ("peak memory", f"{timing['peak_rss_mb']:.0f} MB"),
    ]
    return "\n".join(["| measure | value |", "| --- | --- |"] + [f"| {a} | {b} |" for a, b in rows])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in SUBCOMMANDS:
        return SUBCOMMANDS[argv[0]](argv[1:])
    return run_benchmark(argv)


def _parser(prog: str = "python -m ocr_pipeline.bench") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="folder with <stem>.pdf and <stem>.truth.json files")
    parser.add_argument(
        "-o", "--out", type=Path, default=None, help="where the pipeline's files go (default: a temporary folder)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--markdown", action="store_true", help="also print the README's tables")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--no-baseline", action="store_true", help="skip timing bare tesseract")
    parser.add_argument(
        "--input",
        choices=INPUTS,
        default="scan",
        help="which input of a stem to run: the scan (default), or its md or html transcript",
    )
    parser.add_argument("--score-only", action="store_true", help="score the outputs already in -o OUT; run nothing")
    return parser


def run_benchmark(argv: list[str], prog: str = "python -m ocr_pipeline.bench") -> int:
    parser = _parser(prog)
    args = parser.parse_args(argv)
    if args.score_only and not args.out:
        parser.error("--score-only needs -o OUT, the folder of the outputs to score")
    documents = find_documents(args.corpus, args.input)
    if args.limit:
        documents = documents[: args.limit]
    if not documents:
        print(
            f"error: no <stem>.truth.json with its input in {args.corpus}; "
            "make a corpus with: python -m ocr_pipeline.synth DIR --n 40 --seed 7",
            file=sys.stderr,
        )
        return 3
    seconds, pages = 0.0, 0
    cleanup: list[float] = []
    steps: dict[str, float] = {}
    failures: list[str] = []
    stages: list[dict[str, float]] = []
    base_s, base_pages = 0.0, 0
    with tempfile.TemporaryDirectory(prefix="bench-out-") as tmp:
        out_dir = args.out or Path(tmp)
        if not args.score_only:
            seconds, pages, cleanup, steps, failures, stages = run_pipeline(documents, out_dir)
            base_s, base_pages = (0.0, 0) if args.no_baseline else run_bare_tesseract(documents)
        scores = score_all(documents, out_dir)
    summary = summarize(scores)
    groups = by_condition(scores)
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
                {
                    "summary": asdict(summary),
                    "by_condition": {k: asdict(v) for k, v in groups.items()},
                    "documents": [
                        {"name": s.name, "condition": s.condition, "rows_right": s.rows_right} for s in scores
                    ],
                    "timing": timing,
                    "failures": failures,
                    "note": NOTE,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(report(summary, timing))
        for failure in failures:
            print(f"failed: {failure}")
        print("\nper condition:\n" + condition_markdown(summary, groups))
        print("\ncorrections per rule:\n" + rules_markdown(summary))
        if args.markdown:
            print("\n" + markdown(summary, timing))
    return 0


def clean_mode(argv: list[str]) -> int:
    """``bench clean DIR [--n N] [--seed S] [benchmark options]``: correct transcripts of generated reports
    (written into DIR unless it holds truths already), benchmarked; target: no correction, every field right."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--n", type=int, default=20)
    pre.add_argument("--seed", type=int, default=16)
    known, rest = pre.parse_known_args(argv)
    positional = [a for a in rest if not a.startswith("-")]
    if positional and not any(Path(positional[0]).glob("*.truth.json")):
        from ocr_pipeline.synth.__main__ import main as synth_main

        code = synth_main([positional[0], "--n", str(known.n), "--seed", str(known.seed), "--clean-transcripts", "-q"])
        if code:
            return code
    return run_benchmark(rest, prog="python -m ocr_pipeline.bench clean")


# first arguments that name another mode of the benchmark
def scale_mode(argv: list[str]) -> int:
    """``scale``: throughput, memory and re-run figures (bench/scale.py)."""
    from ocr_pipeline.bench.scale import main as scale_main

    return scale_main(argv)


def real_lines_mode(argv: list[str]) -> int:
    """``real-lines``: real scanned lines against their truth, pipeline and bare tesseract (bench/real_lines.py)."""
    from ocr_pipeline.bench.real_lines import main as real_lines_main

    return real_lines_main(argv)


SUBCOMMANDS = {"clean": clean_mode, "scale": scale_mode, "real-lines": real_lines_mode}


if __name__ == "__main__":
    sys.exit(main())
