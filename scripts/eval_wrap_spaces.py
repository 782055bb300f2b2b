"""Evaluate where a table cell's wrapped lines join with a space (``clean.thai_text._spaced_at_wrap``).

A cell's wrap hides whether a space stood there (Thai wraps at word boundaries, most of which carry none). At every word
boundary of the generated truths' measure, step, responsible and result cells (pythainlp's newmm words) a wrap is
simulated: the text before it and the next line (the rest of the cell, or with ``--line N`` only the words up to N
characters, as a narrow cell's next line holds) go to the rule, whose answer is judged by the truth's own space there.

    .venv/bin/python scripts/eval_wrap_spaces.py CORPUS_DIR... [--line 15] [--show]

Reports spaces found (the truth has one, the rule puts one), false spaces (the rule puts one the truth has not), spaces
missed and boundaries rightly left glued; ``--show`` lists the false spaces and the most frequent misses with their
context.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pythainlp.tokenize import word_tokenize  # noqa: E402

from ocr_pipeline.clean import thai_text  # noqa: E402

CELLS = ("measure", "step", "responsible", "result")


def _thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


def next_line(rest: str, chars: int) -> str:
    """The words of ``rest`` up to the first that ends ``chars`` characters or more in (all of it when ``chars`` is 0)."""
    if not chars:
        return rest
    at = 0
    for token in word_tokenize(rest, engine="newmm", keep_whitespace=True):
        at += len(token)
        if at >= chars:
            return rest[:at].rstrip()
    return rest


def boundaries(text: str) -> list[tuple[str, str, bool]]:
    """(text before, text after, a space there) at each boundary between two Thai words of ``text``."""
    tokens = word_tokenize(text, engine="newmm", keep_whitespace=True)
    out, at = [], 0
    for i, token in enumerate(tokens[:-1]):
        at += len(token)
        if token == " ":
            left, right, spaced = text[: at - 1], text[at:], True
        elif tokens[i + 1] == " ":
            continue
        else:
            left, right, spaced = text[:at], text[at:], False
        if left and right and _thai(left[-1]) and _thai(right[0]):
            out.append((left, right, spaced))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--line", type=int, default=0, help="characters of the next line (0: the rest of the cell)")
    ap.add_argument("--show", action="store_true", help="list false spaces and frequent misses")
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    false: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    for corpus in args.corpora:
        for truth in sorted(corpus.glob("*.truth.json")):
            for row in json.loads(truth.read_text(encoding="utf-8"))["measures"]:
                for cell in CELLS:
                    text = " ".join((row.get(cell) or "").split())
                    for left, right, spaced in boundaries(text):
                        put = thai_text._spaced_at_wrap(left, next_line(right, args.line))
                        counts[
                            {(True, True): "found", (False, True): "false", (True, False): "missed"}.get(
                                (spaced, put), "glued"
                            )
                        ] += 1
                        if put and not spaced:
                            false[(left[-12:], right[:14])] += 1
                        if spaced and not put:
                            missed[(left[-12:], right[:14])] += 1
    print(
        f"spaces found {counts['found']}, false spaces {counts['false']}, spaces missed {counts['missed']}, "
        f"boundaries left glued {counts['glued']}"
    )
    if args.show:
        print("false spaces:")
        for (left, right), n in false.most_common(30):
            print(f"  {n:4d}  {left} | {right}")
        print("missed:")
        for (left, right), n in missed.most_common(40):
            print(f"  {n:4d}  {left} | {right}")


if __name__ == "__main__":
    main()
