"""Which field a measure-table column holds, from its cells and its header together.

A header can be unreadable (a worn copy), shifted or wrong (a transcript's header naming a column
that is not there); the cells below it still say what they are: a unit or a position
(``units.txt``, ``positions.txt``) is the responsible unit, a date range is the period, a number
like ``๑.`` opens a measure and ``๑.๑`` or ``(๑)`` a step, a sentence saying what was done is the
result (``column_cues.tsv``). Each column gets a content score per field (the share of its cells
that fit), the header adds its heading's fuzzy score, and the best one-to-one assignment of fields
to columns is taken; a column that fits no field stays unassigned.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from ocr_pipeline.clean.dates import find_date_mentions
from ocr_pipeline.resources import load_list, load_table
from ocr_pipeline.understand.headings import HEADER_SCORE, heading_scores, measure_fields
from ocr_pipeline.understand.numbering import BULLET, GLUED_STEP, split_number

CONTENT_WEIGHT = 2.0  # a column's cells outweigh its heading: a heading can be wrong, its cells rarely all are
MIN_SCORE = 0.6  # the least combined score that assigns a field to a column
SURE_CONTENT = 0.5  # a content score this high is evidence on its own (a table without a readable header)
FIT_ROW = 0.5  # a row whose cells fit their columns this well is a body row, not a header
# ... unless one of its cells names a column: then only a cell that fits its column surely (a unit, a date, a
# numbered measure or step) makes it a body row, not text like a result's (a garbled header, worn seed 62 doc 13)
NAMED_FIT_ROW = 0.75
# ... and a cell of text (a measure, a step, a result) fits only when it reads as words: this share of its Thai
# letters in dictionary words of three letters or more (a speckled header's ``เมาตโการ7เด๊ะวตจิฒาร``: 0.35, fresh
# worn seed 108 doc 12; of 16700 body cells of the benchmark's outputs 250 fall under it, mostly dates and units)
WORDS_SHARE = 0.4
UNIT_SCORE = 78.0  # fuzzy score of a cell's part against units.txt / positions.txt
PERIOD_SHARE = 0.5  # share of a cell's characters that date mentions must cover for a period cell
LONG_TEXT = 25  # characters (spaces dropped): a sentence, not a label
MAX_UNIT_TEXT = 90  # a responsible cell is shorter than this (spaces dropped)
PRIOR_WEIGHT = 0.7  # the mapping of the table continued: enough alone, less than a column of cells
FIRST_COLUMN_PRIOR = 0.1  # measures are nearly always the first column, steps the second

_PARTS = re.compile(r"\s*(?:/|,|\n|และ(?=\s*(?:กอง|สำนัก|งาน|ฝ่าย|ศูนย์|หน่วย)))\s*")


@cache
def _cues() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], list[str]] = {}
    for fld, kind, text in load_table("column_cues.tsv"):
        out.setdefault((fld, kind), []).append(text)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _units() -> tuple[str, ...]:
    return tuple(u.replace(" ", "") for u in load_list("units.txt") + load_list("positions.txt"))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_unit(text: str) -> bool:
    """A responsible cell: units or positions, alone or joined by ``/``, ``,``, line breaks or ``และ``.

    >>> is_unit("กองคลัง/งานพัสดุ"), is_unit("แ1เษงยุทธศาสตร์และงบประมาณ"), is_unit("จัดทำแผนงาน")
    (True, True, False)
    """
    if not text.strip() or len(_compact(text)) > MAX_UNIT_TEXT:
        return False
    if _unit_like(_compact(text)):
        return True  # one unit, its name wrapped over lines
    parts = [_compact(p) for p in _PARTS.split(text) if _compact(p)]
    return bool(parts) and 2 * sum(map(_unit_like, parts)) > len(parts)


def _unit_like(part: str) -> bool:
    starts = _cues().get(("responsible", "start"), ())
    return part.startswith(starts) or bool(
        process.extractOne(part, _units(), scorer=fuzz.ratio, score_cutoff=UNIT_SCORE)
    )


def is_period(text: str) -> bool:
    """A period cell: date mentions cover most of its characters (``ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖``,
    ``ไตรมาสที่ ๑-๒``, ``ตลอดปีงบประมาณ``), not a sentence that mentions a date."""
    compact = _compact(text)
    if not compact:
        return False
    covered = sum(len(_compact(m.text)) for m in find_date_mentions(text))
    return covered >= PERIOD_SHARE * len(compact)


def cell_fits(text: str) -> dict[str, float]:
    """How well one body cell fits each field (0-1)."""
    text = text.strip()
    if not text:
        return {}
    first_line = text.split("\n")[0]
    num = split_number(first_line)
    numbered = num.first is not None or num.lost or bool(GLUED_STEP.match(first_line) or BULLET.match(first_line))
    rest = _compact(split_number(" ".join(text.split())).text)
    fits: dict[str, float] = {}
    if is_period(text):
        fits["period_text"] = 1.0
        return fits
    if is_unit(text):
        fits["responsible"] = 1.0
        return fits
    measure_word = rest.startswith(_cues().get(("measure", "start"), ())) or any(
        fuzz.ratio(rest[: len(w)], w) >= 70 for w in _cues().get(("measure", "start"), ())
    )
    if measure_word:
        fits["measure"] = 1.0
    elif numbered:
        fits["step"] = 1.0
        if num.second is None and len(rest) >= 15:
            fits["measure"] = 0.4  # ๑. and a long name: a measure without its word
    if not numbered and not measure_word:
        cue = rest.startswith(_cues().get(("result", "start"), ())) or any(
            w in rest for w in _cues().get(("result", "has"), ())
        )
        fits["result"] = 1.0 if cue else (0.5 if len(rest) >= LONG_TEXT else 0.0)
        fits["step"] = max(fits.get("step", 0.0), 0.3 if len(rest) >= 10 else 0.0)
    return fits


def reads_as_words(text: str) -> bool:
    """Do at least ``WORDS_SHARE`` of the Thai letters of ``text`` stand in dictionary words of three letters or
    more (``lexicon.tokenize``)? Text without Thai letters gives no evidence: True."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    words = [w for w in tokenize(text) if _THAI_LETTER.search(w)]
    letters = sum(len(w) for w in words)
    return not letters or sum(len(w) for w in words if len(w) > 2 and w in known_words()) >= WORDS_SHARE * letters


_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
TEXT_FIELDS = ("measure", "step", "result")


def content_scores(texts: list[str]) -> dict[str, float]:
    """A column's score per field: the mean fit of its non-empty cells; a column of continuation
    rows (many empty cells, under a measure's merged or empty first cell) leans to ``measure``."""
    filled = [t for t in texts if t.strip()]
    if not filled:
        return {}
    total: dict[str, float] = {}
    for t in filled:
        for fld, fit in cell_fits(t).items():
            total[fld] = total.get(fld, 0.0) + fit
    return {fld: v / len(filled) for fld, v in total.items()}


def header_scores(text: str) -> dict[str, float]:
    """A header cell's evidence per field (0-1): its heading's fuzzy score, when it names one."""
    return {f: s / 100 for f, s in heading_scores(text).items() if s >= HEADER_SCORE}


def assign(
    content: dict[int, dict[str, float]],
    header: dict[int, dict[str, float]],
    n_cols: int,
    prior: dict[int, str] | None = None,
) -> tuple[dict[int, str], dict[int, float]]:
    """The one-to-one assignment of fields to columns with the highest total score: content
    weighs ``CONTENT_WEIGHT``, the header's heading its score, ``prior`` (the mapping of the table
    this one continues) ``PRIOR_WEIGHT``; a pair under ``MIN_SCORE`` is not made."""
    fields = measure_fields()
    score = [[0.0] * len(fields) for _ in range(n_cols)]
    for c in range(n_cols):
        for k, fld in enumerate(fields):
            s = CONTENT_WEIGHT * content.get(c, {}).get(fld, 0.0) + header.get(c, {}).get(fld, 0.0)
            if prior is not None and prior.get(c) == fld:
                s += PRIOR_WEIGHT
            if (fld, c) in (("measure", 0), ("step", 1)):
                s += FIRST_COLUMN_PRIOR
            score[c][k] = s
    # best assignment by dynamic programming over columns and the set of fields used
    best: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
    for c in range(n_cols):
        nxt: dict[int, tuple[float, tuple[int, ...]]] = {}
        for used, (total, picks) in best.items():
            options = [(total, used, picks + (-1,))]
            for k in range(len(fields)):
                if not used & (1 << k) and score[c][k] >= MIN_SCORE:
                    options.append((total + score[c][k], used | (1 << k), picks + (k,)))
            for t, u, p in options:
                if u not in nxt or t > nxt[u][0]:
                    nxt[u] = (t, p)
        best = nxt
    _total, picks = max(best.values(), key=lambda v: v[0])
    columns = {c: fields[k] for c, k in enumerate(picks) if k >= 0}
    return columns, {c: round(score[c][fields.index(f)], 3) for c, f in columns.items()}


def sure_fields(content: dict[int, dict[str, float]], columns: dict[int, str]) -> set[str]:
    """The assigned fields whose column's cells alone say so."""
    return {f for c, f in columns.items() if content.get(c, {}).get(f, 0.0) >= SURE_CONTENT}


def row_fit(row: list[str], columns: dict[int, str]) -> float:
    """How well a row's non-empty cells fit their columns' fields (1.0 for an empty row: no evidence
    against a body row)."""
    fits = [cell_fits(row[c]).get(f, 0.0) for c, f in columns.items() if c < len(row) and row[c].strip()]
    return sum(fits) / len(fits) if fits else 1.0
