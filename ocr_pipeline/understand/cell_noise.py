"""Specks inside a table cell that OCR read as a line of text (``ฉ7 1 a`` above a step).

Scanner specks and toner dust in a cell's empty band come back from Tesseract as a line of their
own: a few symbols, stray Latin letters and Thai marks, much lower than the cell's lines of text
(a speck has no ascender, no tone mark, no descender). Left in, such a line opens a measure in an
empty first cell, or becomes a step. A cell line is noise when it is lower than ``TINY`` x the
table's median line height and is no number or date (lower than ``DIGIT_SPECK`` x, whatever it
is), or lower than ``SMALL`` x that height (or than ``BESIDE`` x, lying beside another line of the
cell) and is no run of known words either (a line of one short Thai word, ``ราย``, ``ณ``, can be
that low).
A speck can also join a line of text as a token of its own (``กองคลัง 3``, the ``3`` a dot of dust):
a token whose every glyph box is lower than ``SPECK`` x that height goes too, as does a lone dot, comma,
quote or long dash ending a line (no cell's text ends a line so), and a dot or quote glued to a word's edge. Each one is dropped
from its cell's text with a ``noise`` correction located by item and span.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections.abc import Sequence
from functools import cache, partial

from ocr_pipeline.clean.dates import find_date_mentions
from ocr_pipeline.clean.lexicon import SINGLE_CHAR_WORDS, known_words
from ocr_pipeline.clean.period_words import month_forms
from ocr_pipeline.clean.thai_text import ABOVE_BELOW, join_wrapped, normalize_thai, starts_spaced_word
from ocr_pipeline.document_text import DocText, Edit, cell_key, located
from ocr_pipeline.model import Correction, Line, Page, Table, Word
from ocr_pipeline.ocr.latin_reread import english_words
from ocr_pipeline.ocr.tesseract import line_text
from ocr_pipeline.resources import load_list

TINY = 0.35  # x the table's median cell-line height: no line of text is this low
# ... nor a number this low: the 17 lines of digits under it in 20 corpora's stored reads are all specks (``๑`` 14 pixels
# high in an empty first cell opened a measure ``๑``: fresh worn seed 178 doc 4; a lone ``๑.`` measures 0.38 or more,
# a year 0.5-0.6)
DIGIT_SPECK = 0.25
SMALL = 0.45  # ... a line of one short word without marks can be this low, nothing else
BESIDE = 0.7  # ... a line this low that lies for half its height within another line of the cell is a
# fragment Tesseract split off it (specks beside a line of text, with marks of its letters)
SPECK = 0.12  # ... and no glyph: a token whose every box is this low is dust (dots, commas and dashes aside)
PLACEHOLDER_WIDTH = 2  # pixels: a glyph box this narrow tells nothing of the glyph's size
NOISE_SCORE = 90.0
# digits and the dots among them, or lone consonants among them: the tops of a line's letters read apart with its
# marks (``6 ๕๕2 ฆ`` over ``ผลประโยชน์ทับซ้อน``, ฆ the top of ซ้: fresh standard seed 193 doc 11, glued into a measure's
# name in four rows)
MARKS_READ = re.compile(r"[0-9\u0e50-\u0e59][0-9\u0e50-\u0e59 .,]*(?:\s[\u0e01-\u0e2e](?=\s|$)[0-9\u0e50-\u0e59 .,]*)*")
MARKED_WORDS = 3  # glyph boxes a line needs for the top of its letters' body to be measured
TEXT_ROLES = ("table.measure", "table.step", "table.responsible", "table.result")
_PUNCTUATION = re.compile(r"[.,\-–—]+")
# a sign standing alone at the end of a line of a text cell (not a period's: ``ตุลาคม ๒๕๖๐ —`` / ``มีนาคม ๒๕๖๑``, the
# en dash read as a long one, fresh worn seed 112 doc 19): a speck (``ในสังกัด —`` / ``ปฏิบัติตาม…``: fresh worn seed 112
# doc 15); on seeds 111, 112 none of 35 such dots, commas, quotes and dashes was the cell's. Not a hyphen (a period
# ``ตุลาคม ๒๕๖๖ -`` / ``มีนาคม ๒๕๖๗`` wraps at it) nor a colon (``ปัญหาอุปสรรค :``)
_LINE_END_SIGN = re.compile(r"(?<=\S)\s+[.,'`‘’—|!*©®°•]+$")  # ©: fresh worn seed 116 doc 4 (``บุคลากร ©``)
# a sign glued to a period cell's last word (``ตลอดปีงบประมาณ:``: fresh standard seed 115 doc 2): a period ends with a
# year, a month or a period word, never with a sign (none of 1221 truth periods does)
_PERIOD_END_SIGN = re.compile(r"(?<=[\u0e01-\u0e4e])[:;,'`‘’|!*©®°•]+$")
_LINE_END_SPECK = re.compile(r"(?<=\S)\s+[.,'`‘’|!*©®°•«»“”]+$")  # the same, dashes aside (a period's, a number's)
# specks in a period cell, none of which the generated truths' 538 periods has (fresh worn seed 120 docs 5, 7, 8, 13, 15,
# 16, 17): signs opening the cell (``. ตุลาคม``, ``., ตลอดปีงบประมาณ``), a dot after a dash (``๒๕๖๓ - . มี.ค.``), glued
# to a month's abbreviation after a space or a dash (``๖๑-๓๑ .มี.ค.``), after a day before one (``๓๑. มี.ค.``), and a
# number of one or two digits after the year ending a line (``ปีงบประมาณ ๒๕๖๔ ๑๑``: the table's rule read as ``11``)
_PERIOD_OPENING = re.compile(r"^[.,'`‘’«»“”•|]+[\s.,]*(?=[\u0e01-\u0e4e0-9\u0e50-\u0e59])")
# an opening bracket before a period no bracket closes (``(ไตรมาสที่ ๑-๔``: fresh worn seed 144 docs 3, 7), and Latin letters
# after the period's end (``… ก.ย. ๖๑ wats``: doc 15); none of the generated truths' periods has a bracket or a Latin letter
_UNCLOSED_OPENING = re.compile(r"^\(\s*(?!ตรมาส)(?=[\u0e01-\u0e4e0-9\u0e50-\u0e59][^()]*$)")  # (``(ตรมาส``: ไ read so)
_PERIOD_END_LATIN = re.compile(r"(?<=[0-9\u0e50-\u0e59.\u0e01-\u0e4e])\s+[A-Za-z]{1,6}$")
_LINE_OPENING = re.compile(
    r"^[.,'`‘’«»“”•|]+\s[\s.,]*(?=[\u0e01-\u0e4e0-9\u0e50-\u0e59])"
)  # a later line's: spaced off
_ABBREVIATED_MONTH = r"[\u0e01-\u0e4e]{1,3}\.[\u0e01-\u0e2e]\."
_PERIOD_DOTS = re.compile(
    rf"(?<=[-–—])\s*\.(?=\s|$)|(?<=[\s\-–—])\.(?={_ABBREVIATED_MONTH})|(?<=[0-9\u0e50-\u0e59])\.(?=\s+{_ABBREVIATED_MONTH})"
    # ... and a dot after a year, glued or alone, before the range's dash (``ตุลาคม ๒๕๖๐ . -กันยายน``: worn seed 128 doc 5)
    r"|(?<=[0-9\u0e50-\u0e59]{4})\s?\.(?=\s?[-–—])"
)
# a dash doubled (``ตุลาคม -- มีนาคม``) and a quote glued before a year (``มีนาคม '๒๕๖๓``): fresh worn seed 140 doc 2;
# none of the generated truths' 5503 periods has either
_DOUBLED_DASH = re.compile(r"(?<=\s)([-–—])[-–—]+(?=\s)")
_QUOTE_BEFORE_YEAR = re.compile(r"(?<=\s)['‘’`](?=[0-9\u0e50-\u0e59]{4})")
# a quote glued after a month's name before its year (``ธันวาคม' ๒๕๖๕``; a bracket or bar too: ``ตลอด] ปีงบ…``), and a dash
# between a month's name and its year where the range has another (``ธันวาคม - ๒๕๖๕ - มีนาคม ๒๕๖๖``): worn seed 134 doc 15,
# five periods left empty; none of the generated truths' 918 distinct periods has either. The quote may end the line, the
# year on the next (``ตุลาคม'`` / ``๒๕๖๘ -``: fresh standard seed 143 doc 9, two periods left empty)
_QUOTE_AFTER_MONTH = re.compile(r"(?<=[\u0e01-\u0e4e])['‘’`\[\]|]+(?=\s|$)")
_DASH_BEFORE_YEAR = re.compile(r"(?<=[\u0e01-\u0e4e])\s*[-–—]\s*(?=[0-9\u0e50-\u0e59]{4})")
_DASH_CHARS = re.compile(r"[-–—]")
_LONE_PERIOD_SIGN = re.compile(r"(?<=\S) [=~^*+]+ (?=\S)")  # ``มี.ค. = ๒๕๖๔``: worn seed 22 doc 3 (no period has one)
# a dot inside a year (``มิ.ย. ๒.๕๖๓``: worn seed 22 doc 6, a cut's sliver): no period writes a number with a dot
_DOT_IN_YEAR = re.compile(
    r"(?<![0-9\u0e50-\u0e59.])([๒2])(\.?)([๕5])(\.?)([0-9\u0e50-\u0e59])(\.?)([0-9\u0e50-\u0e59])(?![0-9\u0e50-\u0e59])"
)
_MONTH_OPENING = re.compile(rf"\.?{_ABBREVIATED_MONTH}")
_DAY_DOT_END = re.compile(r"(?<=[0-9\u0e50-\u0e59])\.$")
_SHORT_NUMBER = re.compile(r"[0-9\u0e50-\u0e59]{1,2}")
_YEAR_END = re.compile(r"[0-9\u0e50-\u0e59]{4}\s*$")
_PERIOD_END_NUMBER = re.compile(r"(?<=[0-9\u0e50-\u0e59]{4})\s+[0-9\u0e50-\u0e59]{1,2}$")
# a sign glued after a period's year at its end (``มกราคม ๒๕๖๙.``), or a colon between a month's name and its year
# (``มกราคม: ๒๕๖๙``): fresh standard seed 123 doc 2; none of the generated truths' 3100 periods has either
_YEAR_END_SIGN = re.compile(r"(?<=[0-9\u0e50-\u0e59]{4})[.:;,'`|]+$")
_COLON_BEFORE_YEAR = re.compile(r"(?<=[\u0e01-\u0e4e]):(?=\s?[0-9\u0e50-\u0e59]{4})")
# ... or a colon glued before a number after a space (``ไตรมาสที :๑-๒``: fresh worn seed 148 doc 5, the period left empty;
# none of the generated truths' 6824 periods has a colon), or at a line's start (the same cell read ``[ตรมาสที`` /
# ``:๑-๒`` at stop 48)
_COLON_BEFORE_NUMBER = re.compile(r"(?:(?<=\s)|^):(?=[0-9\u0e50-\u0e59])")
# a mark on a digit (``ต.ค. ๒๕๖๗่-ก.ย.``: fresh worn seed 148 doc 7, the period left empty); not one after a dot: in
# ``ม.ุค.`` it is มี.ค.'s sara ii put after its dot, and dropped it made ม.ค. (fresh standard seed 143 doc 5, two bounds
# wrong in the first final run of stop 35)
_MARK_ON_DIGIT = re.compile(f"(?<=[0-9\u0e50-\u0e59])[{ABOVE_BELOW}]+")
# a dot, comma or quote glued to the front of a Thai word at a line's start or after a space (``.จัดทำ``, ``, มาตรการ``,
# ``ติดตาม .ผลการ``), and a dot, comma or quote glued to the end of a known Thai word (``กระบวนงานใน. ที่``, ``ทุจริต.``,
# ``ร่วมก้นระ' กาศ``, ``ของราชการ, จำนวน``; an abbreviation's dot follows no known word: ``อบต.``, ``พ.ศ.``): specks
# (fresh standard seed 115, worn 116: 45 of them in the cells; commas: worn 120, 6; none of the generated truths' cells
# has one, nor a comma after a Thai letter, nor have the THND odd half's real lines)
# an opening quote glued before a web address, none closing it (``เว็บไซต์ ‘www.chairitcity.go.th``), and one glued after a
# word ending a line (``…การใช้จ่ายงบประมาณ“``): fresh worn seed 136 doc 4
_GLUED_FRONT = re.compile(r"(?:^|(?<=\s))(?:[.,'`‘’]+\s?(?=[\u0e01-\u0e2e\u0e40-\u0e44])|[‘“'](?=www\.)(?!.*[’”']))")
_GLUED_END = re.compile(r"(?<=[\u0e01-\u0e4e])([.,'`‘’]+|“(?=$))(?:(\s)(?=\S)|$)")
# a sign no text cell writes, standing alone between two words (``เพิ่มขึ้น § ร้อยละ ๙๐``: fresh standard seed 135 doc 16,
# worn 136 doc 15; none in the generated truths' 18388 text cells)
# a colon glued to the last word of a text cell (``มาตรการป้องกันการรับสินบน:``, ``ร้อยละ ๙๕:``: standard seeds 7, 139, worn
# 134); no generated truth's text cell has a colon glued to a word, none ends with one
# ... or spaced off it (``…ประพฤติมิชอบ :``: fresh worn seed 144 doc 16), unless after a label whose value may be empty
_CELL_END_COLON = re.compile(r"(?<=[\u0e01-\u0e4e0-9\u0e50-\u0e59])(?<!ปัญหาอุปสรรค)(?<!หมายเหตุ)\s*:+\s*$")
# a number of one to three digits ending a responsible cell's line after a unit's name (``สำนักปลัด 1``, ``กองคลัง ๒๑``:
# fresh standard seed 139, worn 134, 140): a speck; no unit has a number (none of the generated truths' 5503 has one)
_UNIT_END_NUMBER = re.compile(r"(?<=[\u0e01-\u0e4e])\s+[0-9\u0e50-\u0e59]{1,3}$")
# ... or standing as a line of its own under the unit (``ทุกส่วนราชการ`` / ``๑๒``: fresh worn seed 210 doc 6, a speck the
# digit reader read as a number, a third of a line high)
_LONE_NUMBER = re.compile(r"\s*[0-9\u0e50-\u0e59]{1,3}\s*")
# a closing square bracket ending a text cell's line, glued to a word or a number, none opening in the cell (``พ.ศ.
# ๒๕๔๐]``: fresh worn seed 210 doc 16, a speck beside the year): none of the generated truths' cells has a square bracket
_UNOPENED_SQUARE = re.compile(r"(?<=[\u0e01-\u0e4e0-9\u0e50-\u0e59])\]$")
UNIT_TAIL = 4  # characters of no word glued after a unit's name ending a responsible cell: a speck (``สำนักปลัดด์``)


@cache
def _units_longest_first() -> tuple[str, ...]:
    return tuple(sorted(load_list("units.txt"), key=len, reverse=True))


def without_unit_tail(text: str) -> str:
    """A responsible cell's last line without the letters glued after the longest unit's name in it that are no word
    and go on no unit's name (``สำนักปลัดด์``: fresh worn seed 144 doc 14, a speck read as letters); ``สำนักปลัดฯ``, a
    unit's longer name (``สำนักปลัดเทศบาล``) and letters another unit's name may go on with (``สำนักปลัดเล็น``, doc 3:
    สำนักปลัดเทศบาล starts so) stay."""
    for unit in _units_longest_first():
        at = text.rfind(unit)
        if at < 0:
            continue
        head, tail = text[: at + len(unit)], text[at + len(unit) :]
        if (
            0 < len(tail) <= UNIT_TAIL
            and re.fullmatch("[\u0e01-\u0e2e][\u0e01-\u0e2e\u0e30-\u0e4e]*", tail)
            and normalize_thai(tail) not in known_words()
            and not any(other.startswith(unit + tail[0]) for other in _units_longest_first())
        ):
            return head
        return text
    return text


_LONE_SIGN = re.compile(r"(?<=\S) [§©®°•«»¶~^*@#|]+ (?=\S)")
_LONE_DASH = re.compile(r"(?<=[\u0e01-\u0e4e]) [-–—] (?=[\u0e01-\u0e4e])")
TITLE_ROLES = ("table.measure", "table.step")  # (text roles) a measure's or a step's wording: no dash between its words
_FALSE_START = re.compile(
    r"(?:^|(?<=\s))([\u0e01-\u0e2e][\u0e31-\u0e4e]{0,2}) (?=[\u0e01-\u0e2e])"
)  # a letter, its marks if any (``ร ร้อยละ``: fresh worn seed 136 doc 1)
_OPENING_BRACKET = re.compile(r"[(\[](?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_NUMBER_AFTER = re.compile(r"[0-9\u0e50-\u0e59]")
_NUMBERING_BEFORE = re.compile(r"\s*[0-9\u0e50-\u0e59]{1,2}\s")  # a cell's numbering, then a space
_ABBREVIATION_GOES_ON = re.compile(r"\s?[\u0e01-\u0e2e][\u0e31-\u0e4e]*\.")  # ``. ย.``: the next letter of it
NUMBERING = 3  # letters of a line's first word whose dot is a numbering's (a digit read as letters: ``ตา.``)
LINE_END_WORD = 3  # letters of a known word whose dot ending a line is a speck (``มี.`` / ``ค. ๒๕๖๓`` wraps there)
_NUMBER = re.compile(r"[0-9๐-๙]+(?:[-–.,/][0-9๐-๙]+)*[.)]?")
_LONE_LATIN = re.compile(r"[^A-Za-z0-9\u0e01-\u0e59]*[A-Za-z][^A-Za-z0-9\u0e01-\u0e59]*")
_DASHES = re.compile(r"[-–—.]+")
_THAI = re.compile(r"[\u0e01-\u0e5b]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]")


# a range's dash and its second month read as one Latin letter and its dot, on a line of its own beside the cell's
# dates (``ต.ค. ๒๕๖๗`` / ``- A.`` / ``๒๕๖๘``: fresh worn seed 202 doc 7): the period's, left for its twins to read
_RANGE_END_GARBLED = re.compile(r"[-–—]\s*[A-Za-z]\.")


@cache
def _thai_words() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _numeric(text: str) -> bool:
    """A number, dashes, a date; or a period's piece of months and dashes (``- ก.ย.``, a period cell's wrap: x-height
    letters and a dash, as low as a speck; fresh worn seed 202 doc 7)."""
    compact = text.replace(" ", "")
    if _NUMBER.fullmatch(compact) or _DASHES.fullmatch(compact) or find_date_mentions(text):
        return True
    tokens = text.split()
    return any(t in month_forms() for t in tokens) and all(
        t in month_forms() or _DASHES.fullmatch(t) or _NUMBER.fullmatch(t) for t in tokens
    )


_ARABIC_DIGIT = re.compile("[0-9]")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def _mixed_digits(text: str) -> bool:
    """Thai and Arabic digits in one line: no number is written so, specks are read so (``๑ 9`` under ``ทุกส่วนราชการ``,
    two dots of toner at 0.31 of the table's line height: fresh worn seed 206 doc 17; ``1 ๕``, ``9 ๕``, ``๐ 8 3`` in 30
    more cells of 27 corpora's stored reads between 0.25 and 0.35 of it, most of them the marks over a step's letters)."""
    return bool(_ARABIC_DIGIT.search(text) and _THAI_DIGIT.search(text))


def _words(text: str) -> bool:
    """Every token is a known Thai word (pythainlp's list, segmented; a dot or speck glued at its edge aside) or an
    English word; or the line is one or two Thai letters (the end of a word wrapped alone: ``ปีงบประมา`` / ``ณ``)."""
    from pythainlp.tokenize import word_tokenize

    if _THAI.fullmatch(text) and len(text) <= 2:
        return True
    for token in text.split():
        # a word of three letters or more with a speck or its numbering's dot glued at its edge (``.มาตรการลดการ``, a
        # measure's first line beside a taller one: fresh worn seed 202 doc 10, the measure's first words dropped)
        if len(stripped := token.strip(".,'`")) >= 3 and _THAI.fullmatch(stripped):
            token = stripped
        if _NUMBER.fullmatch(token):
            continue
        if _THAI.fullmatch(token):
            pieces = word_tokenize(token, engine="newmm", keep_whitespace=False)
            if not all(p in _thai_words() for p in pieces):
                return False
        elif not (_LATIN.fullmatch(token) and len(token) >= 3 and token.lower() in english_words()):
            return False
    return bool(text.split())


def is_noise(line: Line, median_height: float, others: Sequence[Line] = ()) -> bool:
    """Is this cell line a speck read as text (see the module's docstring)? ``others``: the cell's
    other lines."""
    text = line.text.strip()
    height = line.box[3] - line.box[1]
    if not text or median_height <= 0 or height <= 0:
        return False
    ratio = height / median_height
    if _LONE_LATIN.fullmatch(text) and not (
        _RANGE_END_GARBLED.fullmatch(text) and any(_numeric(o.text) for o in others)
    ):
        return True  # one Latin letter among signs, however tall (``a,`` in an empty first cell: fresh worn seed 116 doc 7)
    if ratio < BESIDE and MARKS_READ.fullmatch(text) and any(over_letters(line, o) for o in others):
        return True  # the marks over a line's letters read as digits (``๑4 6`` over ``วัฒนธรรมองค์กรที``)
    if ratio < TINY:
        return ratio < DIGIT_SPECK or not _numeric(text) or _mixed_digits(text)
    beside = any(min(line.box[3], o.box[3]) - max(line.box[1], o.box[1]) >= height / 2 for o in others)
    if ratio < SMALL or (ratio < BESIDE and beside):
        return not (_numeric(text) or _words(text))
    return False


def over_letters(line: Line, other: Line) -> bool:
    """Does ``line`` lie over ``other``'s letters: across its words, within its box for half its height, its middle
    above the top of their body (the median top of its glyph boxes)? Tesseract splits the row of tone marks and upper vowels off a line and reads
    it as digits (``๑4 6``, ``6 . 1``, ``๑ ๙`` over ``กุมภาพันธ์``: fresh standard seed 119 docs 11, 16); a number
    written beside a line's words sits on their body, not above it."""
    body_top = letters_top(line, other)
    if body_top is None:
        return False
    if min(line.box[3], other.box[3]) - max(line.box[1], other.box[1]) < (line.box[3] - line.box[1]) / 2:
        return False  # not within the line's box for half its height: a line of its own (the day ``๒๒`` above)
    return line.box[1] < body_top and (line.box[1] + line.box[3]) / 2 < body_top


def letters_top(line: Line, other: Line) -> float | None:
    """The top of ``other``'s letters' body (the median top of its glyph boxes) when ``line`` lies across its words and
    it has ``MARKED_WORDS`` of them to measure it by; None otherwise."""
    if len(other.words) < MARKED_WORDS or line.box[2] <= other.box[0] or other.box[2] <= line.box[0]:
        return None
    return statistics.median(w.box[1] for w in other.words)


def noise_lines(table: Table) -> dict[int, list[int]]:
    """Cell index -> indexes of its lines that are noise (a table read cell by cell only)."""
    median = _median_height(table)
    out: dict[int, list[int]] = {}
    for k, cell in enumerate(table.cells):
        bad = [i for i, ln in enumerate(cell.lines) if is_noise(ln, median, cell.lines[:i] + cell.lines[i + 1 :])]
        if bad:
            out[k] = bad
    return out


def _median_height(table: Table) -> float:
    heights = [ln.box[3] - ln.box[1] for c in table.cells for ln in c.lines]
    return statistics.median(heights) if len(heights) >= 3 else 0.0


def without_specks(line: Line, median_height: float) -> str:
    """The line's text without its tokens whose every glyph box is lower than ``SPECK`` x the
    table's median line height (a dot of dust read ``1`` or ``©`` after a word), punctuation aside."""
    if median_height <= 0 or not line.words:
        return line.text
    keep: list[Word] = []
    for a, b in line.token_ranges():
        words = line.words[a:b]
        text = "".join(w.text for w in words)
        tiny = all(w.box[3] - w.box[1] < SPECK * median_height for w in words)
        # a word of one letter between two words whose box is a sliver is Tesseract's box, not the ink's (``ติดประกาศ ณ
        # จุด`` with ณ boxed 1 x 3 pixels: fresh worn seed 140 doc 7 lost its ณ); a letter ending a line so boxed is a
        # speck's (``…เงินเดือน ก``: worn seed 22 doc 9)
        placeholder = (
            text in SINGLE_CHAR_WORDS
            and 0 < a
            and b < len(line.words)
            and all(w.box[2] - w.box[0] <= PLACEHOLDER_WIDTH for w in words)
        )
        if tiny and not placeholder and not _PUNCTUATION.fullmatch(text):
            continue
        keep.extend(words)
    return line.text if len(keep) == len(line.words) else line_text(keep)


def cleaned_cells(table: Table) -> dict[int, list[str]]:
    """Cell index -> its lines' texts without speck lines and speck tokens, for the cells that have any."""
    median = _median_height(table)
    out: dict[int, list[str]] = {}
    for k, bad in [(k, set(noise_lines(table).get(k, []))) for k in range(len(table.cells))]:
        lines = table.cells[k].lines
        texts = [without_specks(ln, median) for i, ln in enumerate(lines) if i not in bad]
        if bad or texts != [ln.text for ln in lines]:
            out[k] = texts
    return out


def _without_end_sign(text: str, sign: re.Pattern[str]) -> str:
    """``text`` without the lone sign ending it (``sign``), unless that sign is a dot after an abbreviation being
    written (``โก.ย .`` for ก.ย.: standard seed 105 doc 18's period)."""
    m = sign.search(text)
    if m is None:
        return text
    before = text[: m.start()].split()
    if m.group().strip() == "." and before and "." in before[-1]:
        return text
    return text[: m.start()]


def period_despecked(texts: list[str]) -> list[str]:
    """A period cell's lines without the specks no period has (``_PERIOD_OPENING``, ``_LINE_OPENING``,
    ``_PERIOD_DOTS``, ``_PERIOD_END_NUMBER``, ``_PERIOD_END_SIGN``, ``_YEAR_END_SIGN``, ``_COLON_BEFORE_YEAR``,
    ``_DOUBLED_DASH``, ``_QUOTE_BEFORE_YEAR``, ``_QUOTE_AFTER_MONTH``, ``_DASH_BEFORE_YEAR``, ``_DOT_IN_YEAR``,
    ``_LONE_PERIOD_SIGN``, ``_UNCLOSED_OPENING``, ``_PERIOD_END_LATIN``, ``_COLON_BEFORE_NUMBER``, ``_MARK_ON_DIGIT``)."""
    out = [_MARK_ON_DIGIT.sub("", _COLON_BEFORE_NUMBER.sub("", text)) for text in texts]
    out = [_LINE_OPENING.sub("", _PERIOD_END_NUMBER.sub("", _PERIOD_DOTS.sub("", text))) for text in out]
    out = [_QUOTE_BEFORE_YEAR.sub("", _DOUBLED_DASH.sub(r"\1", text)) for text in out]
    out = [_DOT_IN_YEAR.sub(r"\1\3\5\7", _QUOTE_AFTER_MONTH.sub("", _LONE_PERIOD_SIGN.sub(" ", text))) for text in out]
    if sum(len(_DASH_CHARS.findall(text)) for text in out) > 1:  # the range's dash is another
        out = [_DASH_BEFORE_YEAR.sub(" ", text) for text in out]
    out[0] = _PERIOD_OPENING.sub("", out[0])  # (a later line's glued dot may be an abbreviation's, wrapped: ``.ค.``)
    for i in range(1, len(out)):  # the same dots where the line wrapped (``๓๑.`` / ``มี.ค.``, ``๓๑`` / ``.มี.ค.``)
        if _MONTH_OPENING.match(out[i]):
            out[i] = out[i][1:] if out[i].startswith(".") else out[i]
            out[i - 1] = _DAY_DOT_END.sub("", out[i - 1])
    if len(out) > 1 and _SHORT_NUMBER.fullmatch(out[-1].strip()) and _YEAR_END.search(out[-2]):
        out = out[:-1]  # ... or on a line of its own (``ปีงบประมาณ`` / ``๒๕๖๔`` / ``๑๑``: fresh worn seed 120 doc 16)
    if not any(")" in text for text in out):
        out[0] = _UNCLOSED_OPENING.sub("", out[0])
    out[-1] = _YEAR_END_SIGN.sub("", _PERIOD_END_SIGN.sub("", _PERIOD_END_LATIN.sub("", out[-1])))
    return [_COLON_BEFORE_YEAR.sub("", text) for text in out]


def without_lone_dash(text: str) -> str:
    """A measure's or a step's line without a dash standing alone between two Thai words (``มาตรการ - ตรวจสอบ``:
    fresh worn seed 120 doc 12; none of the generated truths' measure, step, result or responsible cells has one),
    unless it joins a date range (``ตุลาคม - มีนาคม``)."""
    dates = [(m.start, m.end) for m in find_date_mentions(text)] if _LONE_DASH.search(text) else []
    return _LONE_DASH.sub(lambda m: m.group() if any(a <= m.start() < b for a, b in dates) else " ", text)


def without_stray_brackets(texts: list[str]) -> list[str]:
    """A text cell's lines without an opening bracket that opens nothing (no closing one after it in the cell)
    glued before a known word (``(ให้บริการประชาชน…``, ``ประชาสัมพันธ์[ให้พนักงาน…``: fresh worn seed 120 docs 8,
    7); before a piece that is no word it is ไ or ใ misread, which ``clean.vowel_brackets`` writes back."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    def stray(m: re.Match[str], rest: str) -> str:
        closing = ")" if m.group() == "(" else "]"
        run = _THAI.match(m.string, m.end())
        if closing in m.string[m.end() :] or closing in rest or run is None:
            return m.group()
        return "" if tokenize(normalize_thai(run.group()))[0] in known_words() else m.group()

    return [_OPENING_BRACKET.sub(partial(stray, rest=" ".join(texts[i + 1 :])), text) for i, text in enumerate(texts)]


def without_false_starts(text: str) -> str:
    """A line without a piece of no word that the next word starts with, Tesseract's first try at it read apart
    (``จํ จำนวน ๓๑ คน``: fresh worn seed 120 docs 0, 5, 14; nikhahit for sara am; ``ร ร้อยละ``: fresh worn seed 136
    doc 1)."""
    from ocr_pipeline.clean.lexicon import known_words

    def false_start(m: re.Match[str]) -> str:
        piece = m.group(1).replace("\u0e4d", "\u0e33")
        nxt = m.string[m.end() :].split(" ", 1)[0]
        known = m.group(1) in known_words() or m.group(1) in load_list("spaced_after_words.txt")  # ณ ณัฐพล
        return "" if nxt.startswith(piece) and len(nxt) > len(piece) and not known else m.group()

    return _FALSE_START.sub(false_start, text)


def without_glued_signs(text: str, numbered: bool = True) -> str:
    """A text cell's line without the specks glued to its words (``_GLUED_FRONT``, ``_GLUED_END``). ``numbered``: a
    cell that may start with a numbering (a measure's, a step's), whose dot stays; a responsible unit or a result has
    none (``ทุก. ส่วนราชการ``: fresh standard seed 123 doc 2)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    def end(m: re.Match[str]) -> str:
        run = re.search(r"[\u0e01-\u0e4e]+$", m.string[: m.start()])
        numbering = (
            numbered and run is not None and len(run.group()) <= NUMBERING and not m.string[: run.start()].strip()
        )
        if (
            run is None
            or numbering
            or _NUMBER_AFTER.match(m.string, m.end())
            or _ABBREVIATION_GOES_ON.match(m.string, m.end())
        ):
            # a numbering's dot (``ตา.`` for ๓.), an abbreviation's before its year (``กุด. ๒๕๖๒``) or before its next
            # letter's dot (``พู. ย.`` for พ.ย.: standard seed 117 doc 5, a result's line)
            return m.group()
        last = tokenize(normalize_thai(run.group()))[-1]  # as read: ``จํา`` for จำ
        # a dot ending a line may be an abbreviation's, wrapped (``มี.`` / ``ค.``); a comma never is (``การทุจริตใน,`` /
        # ``กระบวนงาน…``: the next line's mark read as one, standard seeds 7, 133, specks 15, fresh worn 140)
        shortest = 2 if m.group(2) or m.group(1) != "." else LINE_END_WORD
        if len(last) < shortest or last not in known_words():
            return m.group()
        # the space OCR put after a dot is the dot's (``ใน. กระบวนงาน``), unless the next word is spaced off
        if m.group(1) == "." and m.group(2) and not starts_spaced_word(m.string[m.end() :]):
            return ""
        return m.group(2) or ""

    def front(m: re.Match[str]) -> str:
        # a numbering's dot the OCR set apart from its number (``๕ . มาตรการ…``: worn seed 148 doc 19) stays
        return m.group() if numbered and _NUMBERING_BEFORE.fullmatch(m.string[: m.start()]) else ""

    return _GLUED_END.sub(end, _GLUED_FRONT.sub(front, text))


def cell_noise_corrections(pages: Sequence[Page], doc: DocText) -> list[Correction]:
    """``noise`` corrections that drop the speck lines and tokens of every ruled table's cells,
    located in the cells' items (whose text must still be their lines' text, joined and normalised)."""
    out: list[Correction] = []
    for page in pages:
        for t, table in enumerate(page.tables):
            cleaned = cleaned_cells(table)
            for k, cell in enumerate(table.cells):
                key = cell_key(page.number, t, cell)
                if key not in doc or not cell.lines:
                    continue
                item = doc.get(key)
                texts = cleaned.get(k, [ln.text for ln in cell.lines])
                end_sign = _LINE_END_SIGN if item.role in TEXT_ROLES else _LINE_END_SPECK
                texts = [_without_end_sign(text, end_sign) for text in texts]
                if item.role == "table.period_text" and texts:
                    texts = period_despecked(texts)
                if item.role == "table.responsible":
                    texts = [_UNIT_END_NUMBER.sub("", text) for text in texts if not _LONE_NUMBER.fullmatch(text)]
                    if texts:
                        texts[-1] = without_unit_tail(texts[-1])
                if item.role in TEXT_ROLES:
                    texts = [_LONE_SIGN.sub(" ", without_glued_signs(text, item.role in TITLE_ROLES)) for text in texts]
                    if item.role in TITLE_ROLES:
                        texts = [without_lone_dash(text) for text in texts]
                    texts = [without_false_starts(text) for text in without_stray_brackets(texts)]
                    if not any("[" in text for text in texts):
                        texts = [_UNOPENED_SQUARE.sub("", text) for text in texts]
                    if texts:  # no cell's text ends with a colon (``รับสินบน:``, ``ร้อยละ ๙๕:``)
                        texts[-1] = _CELL_END_COLON.sub("", texts[-1])
                if texts == [ln.text for ln in cell.lines]:
                    continue
                if normalize_thai(join_wrapped([ln.text for ln in cell.lines])) != item.text:
                    continue  # the text is no longer its lines' (not a cell read from pixels)
                kept = normalize_thai(join_wrapped(texts))
                out += located(_cuts(item.text, kept), key, page.number, item.audit_field, "noise", NOISE_SCORE)
    return out


def _cuts(before: str, after: str) -> list[Edit]:
    """The stretches of ``before`` that ``after`` lacks or has otherwise (the speck lines with the
    break or space that joined them)."""
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return [Edit(a0, a1, before[a0:a1], after[b0:b1]) for tag, a0, a1, b0, b1 in ops if tag != "equal"]
