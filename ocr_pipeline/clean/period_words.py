"""Month names and period words of a measure's period cell that OCR garbled beyond what the date parser reads, written
right (rule ``date-words``).

A period cell holds months, years and a few period words only (``dictionaries/period_words.txt``). There

- a month's abbreviation whose first part no other month's has, marks aside (ต. ธ. ส. เม.), its second letter misread
  (``ต.ก.``, ``ต.ลก.`` for ต.ค.: worn seed 130 docs 9, 16), is that month's;
- a month's abbreviation with its first letter read twice (``มมี.ค.``: worn seed 22 doc 3) is that month's;
- a run that holds งบประมา, the core of ปีงบประมาณ, with its ends garbled (``1งบประมาอถ``: ปี read 1, ณ read อถ, fresh
  worn seed 182 doc 11, a fiscal year taken for a calendar year) is ปีงบประมาณ (ตลอดปีงบประมาณ after ตลอด);
- a word of four letters or more that is a plausible OCR misreading (``lexicon.plausible_misreading``) of one full month
  name or period word, nearer than any other by ``MARGIN`` weighted edits, is that word (``ภุมภาพันธ์``,
  ``ตลอคปีงบประมาณ``, ``ไตรมาศสที``: worn seeds 22, 130, 140).

And a dash standing between a month and its year where the cell holds another dash, its range's (``ธันวาคม ๒๕๖๘ -
มกราคม - ๒๕๖๙``: blind worn seed 184 doc 6, seen after its scoring), is a speck (``period_dash_specks``); so is a
short run of digits or Latin letters standing between ตลอด and ปีงบประมาณ or ทั้งปี (``ตลอด ๕4 ปีงบประมาณ``: fresh
standard seed 201 doc 1, the period left empty), where no number goes (``whole_year_specks``).

A last token of one or two Latin letters, Arabic digits or quotes after a Thai number (``ไตรมาสที่ ๑-๒ 4``) is a speck
too (``end_specks``).

A month's full name cut short and glued before another's (``พฤศจิกายธันวาคม``: the range's dash lost with the last
letter) is that month.

The era after ปีงบประมาณ read as พ.ค., May's abbreviation (``ปีงบประมาณ6 พ.ค. ๒๕๖๕``: clean render seed 33 doc 6), with a
speck beside it, is พ.ศ.; so is its ศ. alone glued to ปีงบประมาณ (``ปีงบประมาณศ. ๒๕๖๕``).

A month's abbreviation read as Latin digits and signs (``dictionaries/month_latin_readings.tsv``: ``๓๐ 11.8. ๖๑`` for
๓๐ ก.ย. ๖๑, fresh worn seed 206 doc 4) is that month where a month stands.

None of the generated truths' 5503 period cells changes.
"""

from __future__ import annotations

import re
from functools import cache

from ocr_pipeline.clean.lexicon import plausible_misreading, wdist
from ocr_pipeline.clean.thai_text import DASHES
from ocr_pipeline.resources import load_list, load_table

MARGIN = 1.0  # weighted edits by which the nearest word must beat the next
MIN_LETTERS = 4
# not มิ. nor มี.: a mark tells them apart, and OCR reads one for the other (``มี.ย.`` for มิ.ย.: fresh worn seed 140 doc 7)
_UNIQUE_ABBREVIATION = re.compile(
    r"(?<![\u0e01-\u0e4e.])(ต|ธ|ส|เม)\.\s?[\u0e01-\u0e2e\u0e31-\u0e3a\u0e47-\u0e4e]{1,3}\."
)
# ``มมี.ค.``; the vowel after the doubled letter is needed: ``มม.ค.`` is as likely มี.ค. with its sara ii read ม (standard
# seed 7 doc 13: made ม.ค., a period end wrong in the final run)
_DOUBLED_FIRST = re.compile(r"(?<![\u0e01-\u0e4e.])([\u0e01-\u0e2e])\1([\u0e31-\u0e4e]\.[\u0e01-\u0e2e]\.)")
FISCAL_YEAR = "ปีงบประมาณ"
# a run of letters, digits or signs holding the fiscal-year phrase's core: the phrase with its ends garbled
# (also its า lost: ``ปีงบประม“ พ.ศ. ๒๕๖๖``, fresh worn seed 218 doc 13, read as the calendar year)
_FY_CORE = re.compile(r"(?<!\S)(ตลอด)?((\S{0,3})งบประมา?\S{0,3})(?!\S)")
_WORD = re.compile(r"[\u0e01-\u0e4e]+(?![.\u0e01-\u0e4e])")  # not one whose end is an abbreviation's (``ประมาณพ.ศ.``)


# a token of digits, a slash and dots where a month stands: after the cell's start, a day or a dash, before a year, a
# dash or the cell's end (``๓๐ 11.8. ๖๑`` for ๓๐ ก.ย. ๖๑: fresh worn seed 206 doc 4)
_LATIN_MONTH = re.compile(
    rf"(?:^|(?<=[0-9๐-๙{DASHES}]\s)|(?<=[{DASHES}]))([0-9/A-Za-z)]{{1,2}}\.[0-9]\.)(?=\s?(?:[0-9๐-๙]{{2,4}}\b|[{DASHES}])|\s*$)"
)


@cache
def _latin_months() -> dict[str, str]:
    """Latin readings of a month's abbreviation (``dictionaries/month_latin_readings.tsv``) -> the abbreviation."""
    return {reading: month for reading, month in load_table("month_latin_readings.tsv")}


@cache
def _abbreviations() -> dict[str, str]:
    """Each month abbreviation's first part (before its first dot) -> the abbreviation."""
    forms = [row[2] for row in load_table("months.tsv") if len(row) > 2 and row[1] == "abbr"]
    return {form.split(".")[0]: form for form in forms}


@cache
def _full_months() -> tuple[str, ...]:
    """The twelve months' full names (``months.tsv``)."""
    return tuple(row[2] for row in load_table("months.tsv") if len(row) > 2 and row[1] == "full")


@cache
def _words() -> tuple[str, ...]:
    return (*_full_months(), *load_list("period_words.txt"))


@cache
def month_forms() -> frozenset[str]:
    """Every form months.tsv lists (a colloquial or listed variant is kept as written)."""
    return frozenset(row[2] for row in load_table("months.tsv") if len(row) > 2)


def _cut_months(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """(start, as read, right) of each month name cut short or garbled and glued before a whole one, a range's first end
    whose dash OCR lost with its last letter (``พฤศจิกายธันวาคม ๒๕๖๕``: fresh worn seed 218 doc 13, read as December
    alone): the piece a plausible misreading of one month's full name, nearer than any other by ``MARGIN``."""
    full = _full_months()
    out = []
    for m in _WORD.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        read = m.group()
        whole = max((w for w in full if read.endswith(w)), key=len, default=None)
        piece = read[: len(read) - len(whole)] if whole else ""
        if len(piece) < MIN_LETTERS or piece in month_forms():
            continue
        near = sorted((wdist(piece, w), w) for w in full if plausible_misreading(piece, w))
        if near and (len(near) == 1 or near[1][0] - near[0][0] >= MARGIN):
            out.append((m.start(), piece, near[0][1]))
    return out


ERA = "พ.ศ."
# the era after ปีงบประมาณ read as May's abbreviation, a speck read beside it or not (``ปีงบประมาณ6 พ.ค. 2565``: clean
# render seed 33 doc 6, the fiscal year's period came out as 6 May): no fiscal year is a month's
_ERA_AS_MAY = re.compile(
    r"(?<=ปีงบประมาณ)\s*[0-9๐-๙A-Za-z]?\s*พ\.\s?ค\.(?=\s*[0-9๐-๙]{4}(?![0-9๐-๙]))"
    # ... or its พ. lost, what is left glued to ปีงบประมาณ (``ปีงบประมาณศ. ๒๕๖๕``: fresh worn seed 222 doc 18, a thick
    # 200-dpi copy)
    r"|(?<=ปีงบประมาณ)\s?ศ\.(?=\s*[0-9๐-๙]{4}(?![0-9๐-๙]))"
)


def period_word_spellings(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as read, right) of the garbled months and period words of a period cell's ``text`` (see the
    module), left to right."""
    out: list[tuple[int, int, str, str]] = []
    for m in _UNIQUE_ABBREVIATION.finditer(text):
        right = _abbreviations().get(m.group(1))
        if right and m.group().replace(" ", "") != right and m.group() not in month_forms():
            out.append((m.start(), m.end(), m.group(), right))
    for m in _DOUBLED_FIRST.finditer(text):
        single = m.group(1) + m.group(2)
        if single in _abbreviations().values():
            out.append((m.start(), m.end(), m.group(), single))
    for m in _FY_CORE.finditer(text):
        # its end garbled, or its ปี (``ข่งบประมาณ พ.ศ. ๒๕๖๙``: blind worn seed 212 doc 19, seen after its scoring, read
        # as the calendar year)
        garbled = "ณ" not in m.group(2)[-2:] or m.group(3) not in ("", "ปี")
        if m.group(2) != FISCAL_YEAR and garbled and len(m.group(2)) <= len(FISCAL_YEAR) + 1:
            out.append((m.start(2), m.end(2), m.group(2), FISCAL_YEAR))
    for m in _LATIN_MONTH.finditer(text):
        right = _latin_months().get(m.group(1))
        if right:
            out.append((m.start(1), m.end(1), m.group(1), right))
    for m in _ERA_AS_MAY.finditer(text):
        out.append((m.start(), m.end(), m.group(), " " + ERA))
    taken = [(s, e) for s, e, _a, _b in out]
    for start, read, right in _cut_months(text, taken):
        out.append((start, start + len(read), read, right))
        taken.append((start, start + len(read)))
    for m in _WORD.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        read = m.group()
        if len(read) < MIN_LETTERS or read in _words() or read in month_forms():
            continue
        near = sorted((wdist(read, w), w) for w in _words() if plausible_misreading(read, w))
        if near and (len(near) == 1 or near[1][0] - near[0][0] >= MARGIN):
            out.append((m.start(), m.end(), read, near[0][1]))
    return sorted(out)


# a dash alone between a word and a year of four digits
_DASH_BEFORE_YEAR = re.compile(
    rf"(?<=[\u0e01-\u0e4e.])\s+[{DASHES}]\s+(?=[0-9\u0e50-\u0e59]{{4}}(?![0-9\u0e50-\u0e59]))"
)


def period_dash_specks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as read, a space) of each dash of a period cell's ``text`` that stands alone between a month (as
    ``months.tsv`` writes one) and its year, where the cell holds another dash: a range has one, a month's year none."""
    if sum(text.count(d) for d in DASHES) < 2:
        return []
    out = []
    for m in _DASH_BEFORE_YEAR.finditer(text):
        words = text[: m.start()].split()
        if words and words[-1] in month_forms():
            out.append((m.start(), m.end(), m.group(), " "))
    return out


# a run of digits or Latin letters alone between ตลอด and the whole year's words
_SPECK_IN_WHOLE_YEAR = re.compile(r"(?<=ตลอด)\s*[0-9\u0e50-\u0e59A-Za-z]{1,3}\s*(?=ปีงบประมาณ|ทั้งปี)")


# ... and one or two glued after ปีงบประมาณ before its era (``ปีงบประมาณ6 พ.ศ. ๒๕๖๕``: clean render seed 33 doc 6)
_SPECK_BEFORE_ERA = re.compile(r"(?<=ปีงบประมาณ)[0-9\u0e50-\u0e59A-Za-z]{1,2}(?=\s*พ\.\s?ศ\.)")


def whole_year_specks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as read, nothing) of each speck read between ตลอด and ปีงบประมาณ or ทั้งปี, or glued after ปีงบประมาณ
    before its era, in a period cell's ``text`` (see the module)."""
    found = [*_SPECK_IN_WHOLE_YEAR.finditer(text), *_SPECK_BEFORE_ERA.finditer(text)]
    return [(m.start(), m.end(), m.group(), "") for m in sorted(found, key=lambda m: m.start())]


# a last token of one or two Latin letters, Arabic digits or quotes after a number of Thai digits that ends the period
# (``ไตรมาสที่ ๑-๒ 4``, ``เมษายน-พฤษภาคม ๒๕๖๐ “0``: fresh worn seed 222 docs 14, 5, both periods left empty)
_SPECK_AT_END = re.compile(r"(?<=[๐-๙])\s+[\"'“”‘’`]?[0-9A-Za-z\"'“”‘’`]{1,2}\s*$")


def end_specks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, as read, nothing) of a speck read as the last token of a period cell's ``text`` whose numbers are
    written in Thai digits: no period cell writes Arabic digits or Latin letters after a Thai number."""
    m = _SPECK_AT_END.search(text)
    if m is None or re.search("[0-9]", text[: m.start()]):
        return []
    return [(m.start(), m.end(), m.group(), "")]
