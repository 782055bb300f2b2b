"""The row of a text line's tone marks and upper vowels, read by Tesseract as a line of its own (``A ๐ A 1 a`` over
``เรอง รายงานผล…``, ``๑๓ A`` over the number and date line).

On a page's running text (outside the ruled tables, which ``cell_noise`` cleans) Tesseract splits the marks of a
line set in a large or bold face, or with wide line spacing, off the line and reads them as digits, Latin letters and
signs. Left in the page's text, such a line parts a wrapped subject (``…ประจำปี ๒๕๖๐ รอบ`` / ``๕`` / ``๑๒ เดือน``: fresh
standard seed 197 doc 16, the subject's round read ``รอบ ๕``). Over 27 corpora's stored reads (about 560 documents)
665 lines are such rows, none a line of the truth. A line is such a row when it is lower than ``LOW`` x the page's
text lines, is digits, Latin letters, signs and lone Thai letters only (no Thai word, no number of three digits, no
page number), and lies over another line's letters (``cell_noise.over_letters``) or sits on its top (``_just_over``);
it is dropped with a ``noise`` correction, and the page's text leaves the emptied line out.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from ocr_pipeline.document_text import DocText, Edit, line_key, located
from ocr_pipeline.model import Correction, Line, Page
from ocr_pipeline.understand.cell_noise import MARKS_READ, NOISE_SCORE, letters_top, over_letters

LOW = 0.7  # x the median height of the page's text lines: a row of marks is lower
TEXT_LINE = 10  # characters: lines this long or longer set the page's line height
# a token of a row of marks: up to three digits, Latin letters and signs, or one Thai letter alone
_TOKEN = r"(?:[0-9\u0e50-\u0e59A-Za-z.,'`=@«»“”‘’!|~^*<>\-]{1,3}|[\u0e01-\u0e2e])"
_MARKS_ROW = re.compile(rf"{_TOKEN}(?:\s+{_TOKEN})*")
# a line of numbers, one of three digits or more: a wrapped phone number's end (``๑๙๘ ๔๑๐๑๓``), or a page's number
# (``- ๒ -``), no marks: four such lines and one page number of 27 corpora's stored reads lay close over the next
# line, each a line of the truth (no other line taken for a row of marks is)
_NUMBER_LINE = re.compile(
    r"[0-9\u0e50-\u0e59 .,/-]*[0-9\u0e50-\u0e59]{3}[0-9\u0e50-\u0e59 .,/-]*|-\s*[0-9\u0e50-\u0e59]{1,3}\s*-"
)


def is_marks_row(line: Line, median_height: float, others: Sequence[Line]) -> bool:
    """Is ``line`` the marks of one of ``others`` read apart (see the module's docstring)?"""
    text = line.text.strip()
    height = line.box[3] - line.box[1]
    if not text or median_height <= 0 or height <= 0 or height >= LOW * median_height:
        return False
    if not (MARKS_READ.fullmatch(text) or _MARKS_ROW.fullmatch(text)) or _NUMBER_LINE.fullmatch(text):
        return False
    return any(over_letters(line, o) or _just_over(line, o) for o in others if o is not line)


def _just_over(line: Line, other: Line) -> bool:
    """Does ``line`` sit on ``other``'s top, across its words: its bottom at or below ``other``'s top, its middle above
    the top of their body (the median top of its glyph boxes)? Tesseract may box the line under a row of marks without
    them (``a ๑ A a`` on ``ท พง ๘๓๘๓๐/๒ … ๒๕๖๐``, fresh standard seed 197 doc 16: ten pixels shared of 35)."""
    body_top = letters_top(line, other)
    if body_top is None:
        return False
    return (
        other.box[1] <= line.box[3] < body_top + (line.box[3] - line.box[1])
        and (line.box[1] + line.box[3]) / 2 < body_top
    )


def marks_row_corrections(pages: Sequence[Page], doc: DocText) -> list[Correction]:
    """``noise`` corrections that drop each page line that is a row of marks read apart, located in its item."""
    out: list[Correction] = []
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip()]
        heights = [ln.box[3] - ln.box[1] for ln in lines if len(ln.text) >= TEXT_LINE]
        if len(heights) < 3:
            continue
        median = statistics.median(heights)
        for i, line in enumerate(page.lines):
            key = line_key(page.number, i)
            if key not in doc or not is_marks_row(line, median, lines):
                continue
            item = doc.get(key)
            if item.text != line.text:
                continue  # the text is no longer the line's
            out += located(
                [Edit(0, len(item.text), item.text, "")], key, page.number, item.audit_field, "noise", NOISE_SCORE
            )
    return out
