"""Real scanned lines as a yardstick: ``python -m ocr_pipeline.bench real-lines DIR [--json] [--split N]``.

``DIR`` holds line images ``NN.jpg`` (or ``.png``/``.tif``) with their truth in ``NN.gt.txt`` (one line,
UTF-8), e.g. the odd half of the THND OCR test set unpacked by ``scripts/unpack_thnd.py``. Every line is
read by the pipeline (the whole of it, as ``python -m ocr_pipeline LINE.jpg`` would: the page's cleaned
text) and by bare ``tesseract -l tha+eng --psm 7`` on the same image file, and both are scored:

- **line CER**: Levenshtein distance between truth and output, both Thai-normalised
  (``normalize_thai``) with runs of whitespace collapsed to one space, over the truth's length; the
  mean over lines (each line weighs the same). Thai and Arabic digits are different characters here.
- **Thai-digit CER**: for each line, the edit distance between the truth's Thai digits in order and the
  output's digits (Thai or Arabic) in order, summed over lines and divided by the number of Thai digits
  in the truth. An Arabic digit where the truth has a Thai one is an error, so is a digit too many or
  too few. The output's digits that align with the truth's own Arabic numbers (``PM2.5``, ``2019``) are
  set aside first: they are no Thai digits (alignment of the two lines' digit sequences).
- **Thai-digit CER, issue 14's definition**: the same without setting the truth's Arabic numbers aside
  (as issue 14 measured its baseline; there a correctly read ``2019`` counts as four errors).
- **Latin in Thai numbers**: Latin letters and Arabic digits the output has inside a Thai number (a
  run of digits and letters without a space that holds a Thai digit: ``๑9``, ``๒๕o๓``).

``--split N`` also reports the lines numbered up to N and those after it apart (tuning and held-out
halves). ``--json`` prints the figures and every line's truth, outputs and scores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import ARABIC_DIGITS, THAI_DIGITS, normalize_thai

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")
SYSTEMS = ("pipeline", "tesseract")
# a run of digits, Latin letters and a number's inner punctuation with no space in it
_NUMBER_RUN = re.compile(r"[0-9A-Za-z\u0e50-\u0e59]+(?:[./:,-][0-9A-Za-z\u0e50-\u0e59]+)*")


@dataclass
class LineScore:
    """One system's output for one line, scored."""

    text: str
    distance: int  # edit distance to the truth (normalised)
    cer: float
    digit_errors: int  # Thai-digit edit distance (Arabic numbers of the truth set aside)
    digit_errors_issue: int  # the same as issue 14 counted it
    latin_in_thai: int
    seconds: float


@dataclass
class LineResult:
    name: str
    truth: str
    thai_digits: int  # in the truth
    scores: dict[str, LineScore] = field(default_factory=dict)


def find_lines(folder: Path) -> list[tuple[Path, str]]:
    """(image, truth) pairs of the folder, in the images' numeric order."""
    pairs = []
    for gt in folder.glob("*.gt.txt"):
        stem = gt.name[: -len(".gt.txt")]
        images = [p for p in folder.glob(f"{stem}.*") if p.suffix.lower() in IMAGE_SUFFIXES]
        if images:
            pairs.append((images[0], gt.read_text(encoding="utf-8").strip()))
    return sorted(pairs, key=lambda p: (int(p[0].stem) if p[0].stem.isdigit() else 10**9, p[0].stem))


def normalise(text: str) -> str:
    """Thai-normalised, whitespace collapsed (line breaks too)."""
    return " ".join(normalize_thai(text).split())


def line_cer(truth: str, output: str) -> tuple[int, float]:
    t, o = normalise(truth), normalise(output)
    d = Levenshtein.distance(t, o)
    return d, d / max(1, len(t))


def _digits(text: str) -> str:
    return "".join(c for c in text if c in THAI_DIGITS or c in ARABIC_DIGITS)


def thai_digit_errors(truth: str, output: str, set_arabic_aside: bool = True) -> int:
    """Edit distance between the truth's Thai digits and the output's digits (see module docstring)."""
    t_thai = "".join(c for c in truth if c in THAI_DIGITS)
    o_digits = _digits(output)
    if set_arabic_aside and any(c in ARABIC_DIGITS for c in truth):
        t_all = _digits(truth)
        keep = [True] * len(o_digits)
        for op in Levenshtein.opcodes(t_all, o_digits):
            if op.tag in ("equal", "replace"):
                for k in range(op.src_start, op.src_end):
                    j = op.dest_start + (k - op.src_start)
                    if t_all[k] in ARABIC_DIGITS and j < op.dest_end:
                        keep[j] = False
        o_digits = "".join(c for c, k in zip(o_digits, keep) if k)
    return Levenshtein.distance(t_thai, o_digits)


def latin_in_thai_numbers(text: str) -> int:
    """Latin letters and Arabic digits inside runs that hold a Thai digit (``๑9`` -> 1)."""
    count = 0
    for m in _NUMBER_RUN.finditer(text):
        run = m.group()
        if any(c in THAI_DIGITS for c in run):
            count += sum(c.isascii() and c.isalnum() for c in run)
    return count


def score(truth: str, output: str, seconds: float) -> LineScore:
    d, cer = line_cer(truth, output)
    return LineScore(
        text=output,
        distance=d,
        cer=round(cer, 5),
        digit_errors=thai_digit_errors(truth, output),
        digit_errors_issue=thai_digit_errors(truth, output, set_arabic_aside=False),
        latin_in_thai=latin_in_thai_numbers(output),
        seconds=round(seconds, 3),
    )


def read_with_pipeline(image: Path) -> str:
    """The pipeline's cleaned text of a line image (all its pages' text, lines joined by spaces)."""
    from ocr_pipeline.errors import PipelineError
    from ocr_pipeline.ingest import open_input
    from ocr_pipeline.pipeline import process

    try:
        result = process(open_input(image))
    except PipelineError:  # no text found: an empty reading
        return ""
    return " ".join(p.text for p in result.pages)


def read_with_tesseract(image: Path) -> str:
    """Bare ``tesseract -l tha+eng --psm 7`` on the image file, one thread."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "tha+eng", "--psm", "7"], capture_output=True, env=env
    )
    return done.stdout.decode("utf-8", errors="replace").strip()


READERS = {"pipeline": read_with_pipeline, "tesseract": read_with_tesseract}


def run(lines: list[tuple[Path, str]], systems=SYSTEMS, progress: bool = False) -> list[LineResult]:
    results = []
    for image, truth in lines:
        r = LineResult(image.stem, truth, sum(c in THAI_DIGITS for c in truth))
        for system in systems:
            started = time.perf_counter()
            text = READERS[system](image)
            r.scores[system] = score(truth, text, time.perf_counter() - started)
        if progress:
            print(f"{image.name}: " + " | ".join(f"{s} {r.scores[s].cer:.3f}" for s in systems), file=sys.stderr)
        results.append(r)
    return results


def summary(results: list[LineResult], system: str) -> dict[str, float]:
    """Figures of one system over some lines (rates as percentages)."""
    digits = sum(r.thai_digits for r in results)
    scores = [r.scores[system] for r in results]
    pct = lambda a, b: round(100 * a / b, 2) if b else 0.0  # noqa: E731
    return {
        "lines": len(results),
        "line_cer": round(100 * statistics.fmean(s.cer for s in scores), 2) if scores else 0.0,
        "thai_digits": digits,
        "thai_digit_cer": pct(sum(s.digit_errors for s in scores), digits),
        "thai_digit_cer_issue": pct(sum(s.digit_errors_issue for s in scores), digits),
        "latin_in_thai_numbers": sum(s.latin_in_thai for s in scores),
        "lines_exact": sum(s.distance == 0 for s in scores),
        "seconds_per_line": round(statistics.fmean(s.seconds for s in scores), 3) if scores else 0.0,
    }


def parts(results: list[LineResult], split: int | None) -> dict[str, list[LineResult]]:
    """All lines, and with ``split`` the lines numbered up to it and after it."""
    out = {"all": results}
    if split is not None:
        number = lambda r: int(r.name) if r.name.isdigit() else 10**9  # noqa: E731
        out[f"<= {split}"] = [r for r in results if number(r) <= split]
        out[f"> {split}"] = [r for r in results if number(r) > split]
    return out


def report(results: list[LineResult], split: int | None, systems=SYSTEMS) -> str:
    rows = [
        f"{'lines':<10} {'system':<10} {'line CER':>9} {'Thai-digit CER':>15} {'(issue def.)':>13} "
        f"{'Latin in Thai no.':>18} {'exact':>6} {'s/line':>7}"
    ]
    for name, subset in parts(results, split).items():
        for system in systems:
            s = summary(subset, system)
            label = f"{name} ({s['lines']})"
            rows.append(
                f"{label:<10} {system:<10} {s['line_cer']:>8.2f}% {s['thai_digit_cer']:>14.2f}% "
                f"{s['thai_digit_cer_issue']:>12.2f}% {s['latin_in_thai_numbers']:>18} {s['lines_exact']:>6} "
                f"{s['seconds_per_line']:>7.2f}"
            )
    digits = sum(r.thai_digits for r in results)
    rows.append(f"Thai digits in the truth: {digits}; definitions: python -m ocr_pipeline.bench real-lines --help")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ocr_pipeline.bench real-lines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", type=Path, help="folder of NN.jpg line images with NN.gt.txt truth")
    parser.add_argument("--json", action="store_true", help="print the figures and every line as JSON")
    parser.add_argument("--split", type=int, default=None, help="also report lines numbered <= N and > N apart")
    parser.add_argument("--only", default="", help="only these line numbers, e.g. 1-55 (inclusive)")
    parser.add_argument("--no-baseline", action="store_true", help="skip bare tesseract")
    parser.add_argument("--progress", action="store_true", help="one line on stderr per image")
    args = parser.parse_args(argv)
    lines = find_lines(args.folder) if args.folder.is_dir() else []
    if args.only:
        lo, _, hi = args.only.partition("-")
        lines = [(p, t) for p, t in lines if p.stem.isdigit() and int(lo) <= int(p.stem) <= int(hi or lo)]
    if not lines:
        print(
            f"error: no NN.gt.txt with its line image in {args.folder}; "
            "unpack the THND lines with: python scripts/unpack_thnd.py REPO",
            file=sys.stderr,
        )
        return 3
    systems = ("pipeline",) if args.no_baseline else SYSTEMS
    results = run(lines, systems, progress=args.progress)
    if args.json:
        figures = {name: {s: summary(sub, s) for s in systems} for name, sub in parts(results, args.split).items()}
        print(json.dumps({"figures": figures, "lines": [asdict(r) for r in results]}, ensure_ascii=False, indent=1))
    else:
        print(report(results, args.split, systems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
