"""Period cells read through their twins: a table's period cell the date parser cannot read is often a garble of
another period cell of the same document (one table writes ``ต.ค. ๒๕๖๖ - ก.ย. ๒๕๖๗`` in many rows, and OCR garbles
one of them: ``AN. ๒๕๖๖-ก.ย. ๒๕๖๗``). A twin is such a cell that differs from the garbled one by a few characters
that are no digits: every digit the twin writes stands in the garbled cell, and no digit of the twin's script in the
garbled cell was changed (a digit read as another is the digit confusions' business, never a twin's).

``date_repair`` offers each twin as one more reading of the garbled cell, at ``TWIN_EDIT_COST`` per character edited;
its solver weighs it against every other reading and the fiscal year, with its margin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import ARABIC_DIGITS, THAI_DIGITS

# at most this many characters edited (measured on the period misses of fourteen corpora: the twins that were the
# truth differed by 1-3: ``ต.ค,`` for ``ต.ค.``, ``AN.`` for ``ต.ค.``, ``กุปข.`` for ``ก.ย.``)
TWIN_EDITS = 3
TWIN_EDIT_COST = 0.8  # per character edited (a listed month garble costs 1.0-1.5 for two or three characters)

_THAI_DIGITS = set(THAI_DIGITS)
_ARABIC_DIGITS = set(ARABIC_DIGITS)
_ONE_DASH = str.maketrans("–—−", "---")  # a range's dash, however wide it was read, is no edit
_DASH = re.compile("[-–—−]")
_DASH_WITH_SPACES = re.compile(r"\s*[-–—−]\s*")  # ... nor how it was spaced


def _script_digits(text: str) -> set[str]:
    """The digits of the script ``text`` writes its numbers in: Arabic when it writes only Arabic digits, else Thai (in a
    cell of words alone a Latin digit is a garble: ``ตลอด1: ปีงบประมาณ``, fresh worn seed 162 doc 18)."""
    return _ARABIC_DIGITS if _ARABIC_DIGITS & set(text) and not _THAI_DIGITS & set(text) else _THAI_DIGITS


def twin_edits(garbled: str, twin: str) -> int | None:
    """Characters edited to turn ``garbled`` into ``twin`` when only non-digits change (every digit of the twin kept,
    no digit of its script in ``garbled`` changed); None otherwise.

    >>> twin_edits("AN. ๒๕๖๖-ก.ย. ๒๕๖๗", "ต.ค. ๒๕๖๖-ก.ย. ๒๕๖๗"), twin_edits("ต.ค. ๒๕๖๑", "ต.ค. ๒๕๖๐")
    (3, None)
    >>> twin_edits("๑ ต.ค. ๖๗ – ๓๐ fl.8. ๖๘", "๑ ต.ค. ๖๗ – ๓๐ ก.ย. ๖๘")  # a Latin 8 in a Thai-digit cell is a garble
    3
    >>> twin_edits("ตลอด1: ปีงบประมาณ", "ตลอดปีงบประมาณ"), twin_edits("ต.ค. 2565", "ต.ค. 2566")
    (3, None)
    >>> twin_edits("ต.ค. ๒๕๖๑ –ฝม.ุค. ๒๕๖๒", "ต.ค. ๒๕๖๑ - มี.ค. ๒๕๖๒")  # standard seed 7 doc 13: the dash as wide as read
    3
    >>> twin_edits("๑ B.A. ๖๖ - ๓๑ มี.ค. ๖๗", "๑ ต.ค. ๖๖-๓๑ มี.ค. ๖๗")  # and as spaced
    2
    """
    digits = _script_digits(twin)
    # nor are the spaces around it (``๑ B.A. ๖๖ - ๓๑ มี.ค. ๖๗`` beside ``๑ ต.ค. ๖๖-๓๑ มี.ค. ๖๗``: fresh standard seed 201
    # doc 19)
    garbled, twin = (_DASH_WITH_SPACES.sub("-", t.translate(_ONE_DASH)) for t in (garbled, twin))
    edits = 0
    for op in Levenshtein.opcodes(garbled, twin):
        if op.tag == "equal":
            continue
        src, dst = garbled[op.src_start : op.src_end], twin[op.dest_start : op.dest_end]
        if any(c.isdigit() for c in dst) or digits & set(src):
            return None
        edits += max(len(src), len(dst))
    return edits


def twin_variants(garbled: str, others: Sequence[str]) -> list[tuple[str, float]]:
    """The twins of a garbled period cell among the document's other period cells, each with its cost.

    >>> twin_variants("ต.ค, ๒๕๖๖ - มี.ค. ๒๕๖๗", ["ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗", "ต.ค. ๒๕๖๖ - ก.ย. ๒๕๖๗"])
    [('ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗', 0.8)]
    """
    out: list[tuple[str, float]] = []
    for other in dict.fromkeys(others):
        if other == garbled:
            continue
        edits = twin_edits(garbled, other)
        if edits is not None and 0 < edits <= TWIN_EDITS:
            out.append((_dash_kept(garbled, other), round(TWIN_EDIT_COST * edits, 3)))
    return out


def _dash_kept(garbled: str, twin: str) -> str:
    """The twin written with the garbled cell's own dash, where each has one (the dash is read from its width: the
    ``dash`` rule's, not the twin's), spaced as the garbled cell spaces it where it does so on both sides or neither.

    >>> _dash_kept("ต.ค. ๒๕๖๑ –ฝม.ุค. ๒๕๖๒", "ต.ค. ๒๕๖๑ - มี.ค. ๒๕๖๒")
    'ต.ค. ๒๕๖๑ – มี.ค. ๒๕๖๒'
    >>> _dash_kept("๑ B.A. ๖๖ - ๓๑ มี.ค. ๖๗", "๑ ต.ค. ๖๖-๓๑ มี.ค. ๖๗")
    '๑ ต.ค. ๖๖ - ๓๑ มี.ค. ๖๗'
    """
    own, theirs = list(_DASH.finditer(garbled)), _DASH.findall(twin)
    if len(own) != 1 or len(theirs) != 1:
        return twin
    dash, at = own[0].group(), own[0].start()
    before, after = garbled[at - 1 : at].isspace(), garbled[at + 1 : at + 2].isspace()
    if before == after:
        return _DASH_WITH_SPACES.sub(f" {dash} " if before else dash, twin)
    return _DASH.sub(dash, twin)
