"""Column headings of the measure table (``dictionaries/measure_columns.tsv``), matched fuzzily."""

from __future__ import annotations

from functools import cache

from rapidfuzz import fuzz

from ocr_pipeline.resources import load_table

HEADER_SCORE = 72.0  # similarity a header cell needs to name a column
# words of the column headings: two on a page without ruled tables suggest a table without rules
HEADING_HINTS = ("มาตรการ", "ขั้นตอน", "วิธีการ", "รับผิดชอบ", "ระยะเวลา", "ผลการดำเนิน")


@cache
def _headings() -> tuple[tuple[str, str], ...]:
    return tuple((f, h.replace(" ", "")) for f, h in load_table("measure_columns.tsv"))


def heading_scores(text: str) -> dict[str, float]:
    """Each contract field's best fuzzy score (0-100) for a header cell's text."""
    compact = text.replace(" ", "").replace("\n", "")
    scores: dict[str, float] = {}
    if not compact:
        return scores
    for fld, heading in _headings():
        score = fuzz.ratio(compact, heading)
        # a heading with a few extra words ('(รอบ ๖ เดือน)'); a long body cell that merely
        # contains a heading's words (มาตรการ…, ผลการ…) is no heading
        if len(heading) + 3 < len(compact) <= 1.5 * len(heading) + 12:
            score = max(score, fuzz.partial_ratio(heading, compact) * 0.95)
        scores[fld] = max(scores.get(fld, 0.0), score)
    return scores


def heading_field(text: str) -> tuple[str | None, float]:
    """The contract field a header cell names, with its fuzzy score (None below threshold)."""
    scores = heading_scores(text)
    if not scores:
        return None, 0.0
    best_field = max(scores, key=lambda f: scores[f])
    best = scores[best_field]
    return (best_field, best) if best >= HEADER_SCORE else (None, best)


@cache
def measure_fields() -> tuple[str, ...]:
    """The contract fields the measure table's columns map to, in table order."""
    return tuple(dict.fromkeys(f for f, _h in load_table("measure_columns.tsv")))
