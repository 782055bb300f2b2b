"""Thai dates and fiscal periods: parse every form ITA reports use, with character spans.

Our own parser (``pythainlp.util.thai_strptime`` reads months 10-12 as January, fails on ``/``
and mis-handles two-digit years). Thai and Arabic digits; full, short and abbreviated month
names with or without dots and with OCR-dropped marks (``dictionaries/months.tsv``); BE and CE
years; two-digit years (BE); ranges; fiscal years, quarters, rounds and "the whole fiscal year".
Dates are Gregorian ``datetime.date``; BE = CE + 543; fiscal year N (BE) runs from
1 October of N-544 to 30 September of N-543 (CE).

>>> parse_date("วันที่ ๓๑ มีนาคม พ.ศ. ๒๕๖๖")
datetime.date(2023, 3, 31)
>>> parse_period("ตุลาคม – มีนาคม ๒๕๖๖")
(datetime.date(2022, 10, 1), datetime.date(2023, 3, 31))
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.lexicon import confusions
from ocr_pipeline.clean.thai_text import ABOVE_BELOW, ARABIC_DIGITS, THAI_DIGITS, THAI_RUN, TO_THAI, without_marks
from ocr_pipeline.resources import load_table

__all__ = [
    "DateMention",
    "DATE_STYLES",
    "MONTH_STYLES",
    "find_date_mentions",
    "fiscal_year_bounds",
    "fiscal_year_of",
    "format_thai_date",
    "date_word_spellings",
    "month_names",
    "parse_date",
    "parse_period",
    "unexplained_digits",
]

_THAI_LETTER = "\u0e01-\u0e3a\u0e40-\u0e4e"
_MARKS = set(ABOVE_BELOW)
# 1:1 translations, so spans found in the translated text are spans of the original.
FOLD = str.maketrans(THAI_DIGITS + "–—−‐‑\u00a0", ARABIC_DIGITS + "----- ")
_CONNECTORS = ("เดือน", "ถึง", "ถง", "ตั้งแต่", "และ", "ระหว่าง", "ภายใน", "ณ", "ช่วง", "วันที่")
BE_OFFSET = 543  # Buddhist Era year = Common Era year + 543
_FY_START_MONTH = 10

# A relative period inside an unnamed fiscal year: (start month, start day, end month, end day).
Relative = tuple[int, int, int, int]


_Date = date  # the field DateMention.date hides the type inside the class


@dataclass(frozen=True)
class DateMention:
    """One date or period expression found in a text.

    kind: ``date`` (a day), ``month`` (a month of a year), ``year`` (``พ.ศ. ๒๕๖๖``), ``range``,
    ``fiscal_year``, ``quarter``, ``round`` (``รอบ ๖ เดือน``) or ``whole_fy`` (``ตลอดปีงบประมาณ``).
    ``start``/``end`` are character offsets in the text searched. ``period_start``/``period_end``
    are the bounds when known (a ``date`` has both equal to ``date``). ``relative`` holds a
    period inside a fiscal year that the text does not name; ``bounds(fy)`` resolves it.
    """

    text: str
    start: int
    end: int
    kind: str
    date: _Date | None = None
    period_start: _Date | None = None
    period_end: _Date | None = None
    fiscal_year_be: int | None = None
    relative: Relative | None = None

    def bounds(self, fiscal_year_be: int | None = None) -> tuple[_Date | None, _Date | None]:
        """The period's first and last day; a relative period needs ``fiscal_year_be``."""
        if self.period_start is not None and self.period_end is not None:
            return self.period_start, self.period_end
        fy = self.fiscal_year_be or fiscal_year_be
        if self.relative is not None and fy is not None:
            return resolve_relative(self.relative, fy)
        return None, None


# ----------------------------------------------------------------------------- calendar helpers


EARLIEST_BE = 2500  # the earliest year (B.E.) a report read here can carry
TWO_DIGIT_AHEAD = 10  # a two-digit year names at most this many years after the latest fiscal year
_TODAY: ContextVar[date | None] = ContextVar("ocr_pipeline_today", default=None)


def today() -> date:
    """The date the documents are read on: the system date, or the one set by ``reading_on``.
    Nothing is dated after it (a letter of next year is a misreading), which bounds repairs."""
    return _TODAY.get() or date.today()


@contextmanager
def reading_on(day: date | None) -> Iterator[None]:
    """Take ``day`` as today while reading (``--today``; tests and reruns of old batches)."""
    token = _TODAY.set(day)
    try:
        yield
    finally:
        _TODAY.reset(token)


def latest_fiscal_year() -> int:
    """The latest fiscal year a document may report on: the one after today's (B.E.)."""
    return fiscal_year_of(today()) + 1


def two_digit_year_be(yy: int, latest: int | None = None) -> int:
    """A two-digit year as a B.E. year: the latest one ending in ``yy`` that is at most
    ``TWO_DIGIT_AHEAD`` years after ``latest`` (default: the latest fiscal year from today).

    >>> two_digit_year_be(66, 2570), two_digit_year_be(2, 2570), two_digit_year_be(2, 2610)
    (2566, 2502, 2602)
    """
    top = (latest if latest is not None else latest_fiscal_year()) + TWO_DIGIT_AHEAD
    year = top - (top - yy) % 100
    return year


def fiscal_year_of(d: date) -> int:
    """The Thai fiscal year (BE) containing ``d``: 2022-10-01 -> 2566."""
    return d.year + BE_OFFSET + (1 if d.month >= _FY_START_MONTH else 0)


@cache
def fiscal_year_bounds(fiscal_year_be: int) -> tuple[date, date]:
    """First and last day of a fiscal year: 2566 -> (2022-10-01, 2023-09-30)."""
    end_ce = fiscal_year_be - BE_OFFSET
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12) or not (1 <= year <= 9999):
        return None
    if not 1 <= day <= _last_day(year, month):
        return None
    return date(year, month, day)


def resolve_relative(rel: Relative, fiscal_year_be: int) -> tuple[date | None, date | None]:
    sm, sd, em, ed = rel
    end_ce = fiscal_year_be - BE_OFFSET
    sy = end_ce - 1 if sm >= _FY_START_MONTH else end_ce
    ey = end_ce - 1 if em >= _FY_START_MONTH else end_ce
    if not (1 <= sy <= 9999 and 1 <= ey <= 9999):
        return None, None
    s = _safe_date(sy, sm, min(sd, _last_day(sy, sm)))
    e = _safe_date(ey, em, min(ed, _last_day(ey, em)))
    if s is None or e is None or s > e:
        return None, None
    return s, e


def _fy_index(month: int) -> int:
    """Position of a calendar month in the fiscal year: October 0 ... September 11."""
    return (month - _FY_START_MONTH) % 12


def _year_to_ce(digits: str, era: str | None) -> int | None:
    """A written year to CE: 4-digit BE (24xx-27xx) or CE (19xx-22xx); 2-digit years are BE."""
    if not digits.isdigit():
        return None
    y = int(digits)
    if len(digits) == 4:
        if era == "ce":
            return y if 1900 <= y <= 2200 else None
        if 2400 <= y <= 2700:
            return y - BE_OFFSET
        if era is None and 1900 <= y <= 2200:
            return y
        return None
    if len(digits) == 2:
        return 2000 + y if era == "ce" else two_digit_year_be(y) - BE_OFFSET
    return None


# ----------------------------------------------------------------------------- month names


class _MonthData(NamedTuple):
    full: tuple[str, ...]
    abbr: tuple[str, ...]
    exact: dict[str, int]  # form without dots and spaces -> month
    stripped: dict[str, int]  # long form without marks -> month (unique only)
    long_keys: frozenset[str]  # exact keys that are full names or long variants (no boundary check)
    pattern: str
    misread_abbr: frozenset[str] = frozenset()  # exact keys of abbreviations as OCR misreads them (respelt)
    misread_full: frozenset[str] = frozenset()  # full names as OCR misreads them, without marks (respelt)


_MARK_CHARS = "".join(sorted(_MARKS))
_MARK_CLASS = "[" + _MARK_CHARS + "]"


TWIN_COST = 0.3  # ocr_confusions.tsv: consonants this cheap to confuse are look-alikes


@cache
def _letter_twins() -> dict[str, tuple[str, ...]]:
    """Consonant -> the look-alikes Tesseract writes for it, both ways, at most ``TWIN_COST``
    (``lexicon.confusions``, from ``ocr_confusions.tsv``): ด for ต."""
    out: dict[str, tuple[str, ...]] = {}
    for (true, read), cost in confusions().sub.items():
        if cost <= TWIN_COST and "ก" <= true <= "ฮ" and "ก" <= read <= "ฮ":
            out[true] = (*out.get(true, ()), read)
    return out


def _form_pattern(form: str) -> str:
    """Regex for a month form: abbreviations with dots optional or spaced and one stray OCR mark
    allowed at a dot (ต.ุค., ธิ.ค., กุย.) or after the last one (ม.ค.ุ), a dot read as a comma (พ,ค.), their first letter written twice or
    after a look-alike (กก.ย., ดต.ค.), their last letter twice (เม.ยย.); names with any marks dropped or added
    (มนาคม, ธั้นวาคม); a stray mark before any form is allowed where the forms are joined (``_token_re``).
    ``_month_of`` decides which of these matches are a month."""
    if "." in form:
        parts = [p for p in form.split(".") if p]
        sep = _MARK_CLASS + r"?[.,]?" + _MARK_CLASS + r"?\s?"  # a dot read as a comma (``พ,ค.``: blind worn 122 doc 6)
        # the first letter written twice, or a look-alike of it before it (ดต.ค.: blind seeds 95 and 96)
        first = "[" + re.escape(parts[0][0] + "".join(_letter_twins().get(parts[0][0], ()))) + "]?"
        # a stray mark after the last dot too (ม.ค.ุ, fresh seed 91 doc 18)
        end = re.escape(parts[-1][-1]) + r"?\.?(?:(?<=\.)" + _MARK_CLASS + ")?"
        return first + sep.join(re.escape(p) for p in parts) + end
    return "".join(re.escape(c) + _MARK_CLASS + "{0,2}" for c in without_marks(form))


@cache
def _months() -> _MonthData:
    full: dict[int, str] = {}
    abbr: dict[int, str] = {}
    exact: dict[str, int] = {}
    stripped: dict[str, set[int]] = {}
    long_keys: set[str] = set()
    misread_abbr: set[str] = set()
    misread_full: set[str] = set()
    forms: list[str] = []
    for month_s, kind, form in load_table("months.tsv"):
        m = int(month_s)
        if kind == "full":
            full[m] = form
        elif kind == "abbr":
            abbr[m] = form
        key = re.sub(r"[.\s]", "", form)
        if exact.get(key, m) != m:
            raise ValueError(f"months.tsv: {form} names two months")
        exact[key] = m
        if kind in ("variant", "misread") and "." in form:
            misread_abbr.add(key)  # ก.ยข. for ก.ย.: no one writes it
        if kind == "misread" and "." not in form:
            misread_full.add(without_marks(key))  # จันวาคม for ธันวาคม: nor this
        if "." not in form:
            stripped.setdefault(without_marks(form), set()).add(m)
            if kind in ("full", "variant", "misread") and len(form) >= 5:
                long_keys.add(key)
        forms.append(form)
    forms.sort(key=len, reverse=True)
    pattern = "|".join(_form_pattern(f) for f in forms)
    unique = {k: next(iter(v)) for k, v in stripped.items() if len(v) == 1}
    return _MonthData(
        tuple(full[m] for m in range(1, 13)),
        tuple(abbr[m] for m in range(1, 13)),
        exact,
        unique,
        frozenset(long_keys),
        pattern,
        frozenset(misread_abbr),
        frozenset(misread_full),
    )


@cache
def _short_names() -> tuple[str, ...]:
    """The colloquial short name of each month (เมษา), the first listed in months.tsv."""
    first: dict[int, str] = {}
    for month, kind, form in load_table("months.tsv"):
        if kind == "short":
            first.setdefault(int(month), form)
    return tuple(first[m] for m in range(1, 13))


def month_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full names, abbreviations) for months 1..12, index 0 = January."""
    data = _months()
    return data.full, data.abbr


def _form_key(form: str) -> str:
    """A month form as looked up in ``_MonthData.exact``: dots, commas and spaces aside."""
    return re.sub(r"[.,\s]", "", form)


def listed_month(form: str) -> int | None:
    """The month a form of ``months.tsv`` names, dots and spaces aside (``ก.ย.``, ``ตค``); None for any other text."""
    return _months().exact.get(_form_key(form))


def _month_of(matched: str) -> tuple[int | None, bool]:
    """Month number of a matched month token, and whether it is a long (boundary-free) form."""
    data = _months()
    key = _form_key(matched)
    if key in data.exact:
        return data.exact[key], key in data.long_keys
    for i in (0, len(key) - 2):  # an abbreviation's first or last letter written twice: กก.ย., เม.ยย.
        once = key[:i] + key[i + 1 :]
        twin = i == 0 and len(key) >= 3 and key[0] in _letter_twins().get(key[1], ())  # ดต.ค.
        # ... but มม.ค. may be มี.ค. with its ี read as a second ม (standard seed 7 doc 13): left unread
        marked = i == 0 and any(k[0] == key[0] and k[1] in _MARKS for k in (a.replace(".", "") for a in data.abbr))
        doubled = len(key) >= 3 and (key[i] == key[i + 1] or twin)
        if doubled and once in data.exact and once not in data.long_keys and not marked:
            return data.exact[once], False
    if len(key) <= 4:  # an abbreviation with one stray mark: มีุค, กุย
        hits = {data.exact.get(key[:i] + key[i + 1 :]) for i, c in enumerate(key) if c in _MARKS} - {None}
        # ... unless the mark may as well be another one misread: มุค is ม.ค. with a stray ุ or มี.ค.
        misread = {
            data.exact.get(key[:i] + m + key[i + 1 :]) for i, c in enumerate(key) if c in _MARKS for m in _MARKS
        } - {None}
        hits_all = hits | misread
        if len(hits) == 1 and len(hits_all) == 1:
            return hits.pop(), False
        # ... or a stray mark at each dot, where no month writes those letters with a mark (``๘พ.ุค.ุ๒๕๖๘``: blind
        # standard seed 157 doc 5's memo date left empty; มุคุ may be มี.ค.)
        bare = without_marks(key)
        spelt = {a.replace(".", "") for a in data.abbr}
        if not hits_all and bare != key and bare in spelt and not any(without_marks(k) == bare != k for k in spelt):
            return data.exact[bare], False
        return None, False
    m = data.stripped.get(without_marks(key))
    return m, m is not None and len(key) >= 5


# ----------------------------------------------------------------------------- tokens


class _Tok(NamedTuple):
    kind: str
    start: int
    end: int
    text: str  # digit-folded text
    adj: bool  # only whitespace between the previous token and this one
    glued: bool = False  # stuck to letters no token explains (OCR debris: "ส๕")


# ปี, also as OCR reads it before งบ: ป, ปิ, ปั, ปี่, ปิี, ปีึ, and with a speck's tone marks (``ป๋่งบประมาณ พ.ศ.ไ๒๕๖๙``:
# fresh standard seed 143 doc 11, after the final run, read as the calendar year)
_PI = "ป[\u0e31\u0e34-\u0e37]{0,2}[\u0e48-\u0e4b]{0,2}"
_PI_NGOP = _PI + "งบ"
# ปี as worn scans read it before งบประมาณ (``เงบประมาถ พ.ศ. ๒๕๖๘``: fresh worn seed 140 doc 6, read as the calendar year)
_GARBLED_PI = "[ไขเ][\u0e31\u0e34-\u0e37]{0,2}"
_GARBLED_PI_NGOP = _GARBLED_PI + "งบประมา[ณถ]{1,2}"


@cache
def _token_re() -> re.Pattern[str]:
    parts = [
        r"(?P<slash>[0-9]{1,2}\s*/\s*[0-9]{1,2}\s*/\s*(?:[0-9]{4}|[0-9]{2}))(?![0-9])",
        r"(?P<num>[0-9]+)",
        # ตลอดปีงบประมาณ, ตลอดทั้งปี, ทั้งปี; OCR drops the tone mark of ทั้ง (ทัง) and the vowel of ปี, or
        # misreads that vowel before งบ (ปิงบ, ปังบ, ปี่งบ)
        r"(?P<whole>(?:ตลอด\.?\s*(?:ท\u0e31[\u0e48\u0e49]?ง)?|ท\u0e31[\u0e48\u0e49]?ง)\s*(?:"
        + _PI_NGOP
        + r"(?:ประมาณ|\s*ฯ|\.)?|ป\u0e35?))",
        # ... and with its ป read as ไ or ข and its ณ as ถ (ไงบประมาถณ, ขีงบประมาถ: worn seeds 41 and 62, whose
        # year was then read as the calendar year)
        # ... and with a stray mark after its ณ (ปีงบประมาณ์ ๒๕๖๗: fresh worn seed 104 doc 15), or a speck read as a
        # bracket or a bar (ปีงบประมาณ] พ.ศ. ๒๕๖๑, fresh worn seed 108 doc 7: read as the calendar year 2561)
        # ... and with its ณ read as a sign or lost before the year (``ปีงบประมา: ๒๕๖๗``: blind standard seed 137 doc 11)
        # ... or read as ธ with sara a (``ปีงบประมาธะ พ.ศ. ๒๕๖๒``: fresh standard seed 193 doc 3, read as the calendar year)
        r"(?P<fy>(?:ประจ(?:ำ|\u0e4dา)\s*)?(?:"
        + _PI_NGOP
        + r"(?:ประมา(?:[ณถ]{1,2}|ธะ?|[:;,'](?=\s)|(?=\s+[0-9]))|\s*ฯ|\.)?|"
        + _GARBLED_PI_NGOP
        + ")"
        + _MARK_CLASS
        + r"?[\]\[|]?)",
        # ไตรมาส also as worn scans read it, one letter wrong: its ไ as a bracket or lost, or its ต as ค
        # ([ตรมาส, ตรมาส, ไครมาส; (ตรมาส before no closing bracket: fresh worn seed 144 doc 7), or a letter too (ไคตรมาส:
        # fresh worn seed 148 doc 8, ไค left before ไตรมาส)
        r"(?P<quarter>(?:(?:ไ|\[|\((?![^()]*\)))[ตค]|ไ[ตค]ต|ต)รมาส(?:ที่|ทิ่|ที|ทิ)?)",  # ที่ with its ี read ิ too
        r"(?P<round>รอบ)",
        # เดือน also with its sara ue lost or its ด read ค (``รอบ ๖ เดอน``: worn seeds 14, 22, 41, standard seed 7)
        r"(?P<monthword>เ[ดค]\u0e37?อน)",
        r"(?P<half>แรก|หลัง)",
        r"(?P<dateword>(?:ณ\s*)?ว\u0e31?นท\u0e35?\u0e48?)",
        r"(?P<dayword>วัน)",
        r"(?P<yearword>ปี)",
        r"(?P<from>ตั้งแต่|ตั้งเเต่|ระหว่าง)",
        # a range's dash with the debris OCR reads beside it (``-.``, ``->-``, ``--``, ``- —``) is one dash
        # (a colon or a dot glued to the year before it: ``ต.ค. ๒๕๖๘: - มี.ค.``, fresh worn seed 92 doc 12;
        # ``๒๕๕๙ .- มี.ค.``; a quote or a bracket after it: ``- 'กันยายน``, ``-] มีนาคม``, worn seeds 22 and 62)
        # (an en dash read as an equals sign between spaces: ``๑ ต.ค. ๖๒ = ๓๐ ก.ย. ๖๓``, fresh worn seed 218 doc 5, a thick
        # 300-dpi copy, two period cells left empty)
        r"(?P<to>จน\s*ถ\u0e36?ง|ถ\u0e36?ง|(?:[:.]\s?)?-(?:\s?[-.>~'‘’\[\]])*|~|(?<=\s)=(?=\s))",
        r"(?P<and>และ|,)",
        # พ.ศ. also with a stray mark at a dot (พ.ุศ.), as OCR reads a speck there, and before a year
        # with its ศ read as Latin letters (พ. Al. ๒๕๖๗; its dot as a comma: พ. A, ๒๕๖๔, blind standard seed 117 doc 10)
        # ... and with a stray mark but no dots right before a year (พุศ๒๕๖๘; not พิศาล), or after its ศ (พ.ศี.), or
        # its first dot read as a colon before a year (``พ:ศ. ๒๕๔๐``: fresh worn seed 120 doc 16), its last as a comma
        # after a stray mark (``ปีงบประมาณพุศ, ๒๕๖๗``: fresh worn seed 170 doc 6, a period cell left empty)
        rf"(?P<era_be>พ{_MARK_CLASS}?\.{_MARK_CLASS}?\s?ศ{_MARK_CLASS}?\.?|พ\.?\s?ศ\.?|พ:ศ\.?(?=\s?[0-9])|พ{_MARK_CLASS}\s?ศ[.,]?(?=\s?[ไใ]?[0-9])"
        rf"|พ\.\s?[A-Za-z]{{1,2}}[.,](?=\s?[0-9])"
        # ... and its ศ alone before a year, its พ lost (``๒๖ พฤษภาคม ศ ๒๕๖๔``: standard seed 127 doc 3, ``WA`` re-read)
        rf"|(?<![\u0e01-\u0e4e.])ศ\.?(?=\s?[0-9]{{2,4}}(?![0-9])))",
        r"(?P<era_ce>ค\.?\s?ศ\.?)",
        # a stray mark before a month's name (``๑๓ ิเมษายน``: blind worn seed 114 doc 5) sits on nothing: part of the
        # match (not a mark of the word before it: ``ที่เมษายน``); once before all the forms, not in each form's
        # pattern (where it cost the date stage four times its time)
        f"(?P<month>(?:(?<![\u0e01-\u0e4e]){_MARK_CLASS})?(?:{_months().pattern}))",
    ]
    return re.compile("|".join(parts))


_GLUED_ABBREVIATION = re.compile(f"[\u0e01-\u0e2e][{_THAI_LETTER}]{{0,3}}\\.")


def _month_ok(t: str, s: int, e: int, long: bool) -> bool:
    """Boundary rules for short month forms (ก.พ. in ก.พ.ร. is not February)."""
    if long:
        return True
    matched = t[s:e]
    before = t[:s]
    thai_before = bool(before) and re.match(f"[{_THAI_LETTER}]", before[-1]) is not None
    if thai_before and not before.endswith(_CONNECTORS):
        return False
    after = t[e:]
    if "." in matched and matched.endswith("."):
        # followed by a lone consonant (ก.พ.ร., ก.พ.ร) -> part of a longer abbreviation; by letters and a dot glued to it
        # (``ก.ค.ขย.๖๓`` for ก.ย. ๖๓: blind worn seed 154 doc 18, taken as July) -> a garble of another month
        lone = re.match(f"[\u0e01-\u0e2e](?:\\.|(?![{_THAI_LETTER}]))", after) is not None
        return not lone and _GLUED_ABBREVIATION.match(after) is None
    # no final dot: must not run into letters (เม.ยขย. is no April, มีค in มีคุณธรรม no March)
    return re.match(f"[{_THAI_LETTER}]", after) is None


# a sign glued before a number: part of a glyph the OCR split (``วันที่ <๕พฤษภาคม``: blind worn seed 146 doc 10, after its
# scoring, ๔ read as ``<`` and ``๕``: the memo dated the 5th); the number is debris, no day
_DAY_SIGNS = "<>«»"
_SPECK_LETTERS = ("ไ", "ใ")
# ... a colon or semicolon too, for an abbreviation's last dot (``๕ พ.ุย: ๒๕๖๔``: blind worn seed 196 doc 19, seen after
# its scoring, a 200 dpi copy: the memo's date was left empty); no date writes one between its month and year
_SPECK_SIGNS = ".,[]|:;"


def _speck_gap(gap: str) -> bool:
    """Is ``gap`` (the text between two tokens) a speck OCR read between a month or พ.ศ. and its year?"""
    return gap in _SPECK_LETTERS or (0 < len(gap) <= 2 and all(c in _SPECK_SIGNS for c in gap))


def _dot_after_month(month: str, gap: str) -> bool:
    """Is ``gap`` a dot after a month's whole name, before พ.ศ. (``๒๒ เมษายน.พ.ศ. ๒๕๖๙``: fresh worn seed 162 doc 13, the
    memo's date left empty)? No whole month name is written with a dot: it is a speck."""
    return gap == "." and _is_long_month(month)


def _sign_after_whole_day(number: str, gap: str) -> bool:
    """Is ``gap`` one of ``_DAY_SIGNS`` after a day that no digit could go on (``วันที่ ๙« ต.ค. ๒๕๖๖``: fresh standard
    seed 151 doc 0, the memo's date left empty)? After ๔-๙ a digit read as the sign would make no day, so the sign is a
    speck; after ๑-๓ it may be the day's second digit, and the date stays unread."""
    digits = number.translate(FOLD)
    return len(gap) == 1 and gap in _DAY_SIGNS and digits.isdigit() and len(digits) == 1 and int(digits) * 10 > 31


def _lone_vowel_before(t: str, s: int) -> bool:
    """Is ``t[s - 1]`` a leading vowel with no letter before it, a speck before the number at ``s`` (``วันที่ ใ๒๔
    ต.ค. ๒๕๖๗``: fresh worn seed 120 doc 0)? No word ends in a leading vowel, so the number is no word's."""
    return "\u0e40" <= t[s - 1] <= "\u0e44" and (s < 2 or not "\u0e01" <= t[s - 2] <= "\u0e4e")


def date_tokens(t: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _token_re().finditer(t):
        kind = m.lastgroup or ""
        s, e = m.span()
        if kind == "month":
            month, long = _month_of(m.group())
            if month is None or not _month_ok(t, s, e, long):
                continue
        gap = t[prev_end:s].strip()
        # a lone ไ, or a dot, comma or bracket or two, between พ.ศ. or a month and its year is a speck the OCR
        # read so (``พ.ศ.ไ๒๕๖๘``, fresh seed 91; ``พ.ศ.]๒๕๖๖``, ``ต.ค.,. ๒๕๕๙``, blind standard seed 95)
        speck = (
            (kind == "num" and bool(toks) and toks[-1].kind in ("era_be", "month") and _speck_gap(gap))
            or (kind == "month" and bool(toks) and toks[-1].kind == "num" and _sign_after_whole_day(toks[-1].text, gap))
            or (kind == "era_be" and bool(toks) and toks[-1].kind == "month" and _dot_after_month(toks[-1].text, gap))
        )
        adj = bool(toks) and (gap == "" or speck)
        glued = (
            s > prev_end
            and t[s - 1].isalpha()
            and not t[:s].endswith(_CONNECTORS)
            and not speck
            and not (kind == "num" and _lone_vowel_before(t, s))
        ) or (kind == "num" and s > prev_end and t[s - 1] in _DAY_SIGNS)
        toks.append(_Tok(kind, s, e, m.group(), adj, glued))
        prev_end = e
    return toks


# ----------------------------------------------------------------------------- grammar


class _Point(NamedTuple):
    day: int | None
    month: int | None
    year_ce: int | None


class _Node(NamedTuple):
    kind: str
    i0: int  # first token
    i1: int  # one past the last token
    a: object = None
    b: object = None
    fy: int | None = None


class _Parser:
    def __init__(self, toks: list[_Tok]):
        self.t = toks

    def k(self, i: int) -> str:
        return self.t[i].kind if 0 <= i < len(self.t) else ""

    def adj(self, i: int) -> bool:
        return 0 <= i < len(self.t) and self.t[i].adj

    def next_is(self, i: int, *kinds: str) -> bool:
        return self.adj(i) and self.k(i) in kinds

    def num(self, i: int, lo: int, hi: int, max_len: int = 2) -> int | None:
        if self.k(i) != "num" or len(self.t[i].text) > max_len:
            return None
        v = int(self.t[i].text)
        return v if lo <= v <= hi else None

    def year(self, i: int, relaxed: bool = False) -> tuple[int | None, int]:
        """An optional era and a year at token i (adjacent); returns (CE year, next index)."""
        j, era = i, None
        if self.next_is(j, "era_be", "era_ce"):
            era = "ce" if self.k(j) == "era_ce" else "be"
            j += 1
        if not self.next_is(j, "num"):
            return None, i
        digits = self.t[j].text
        if len(digits) == 2 and era is None and not relaxed:
            # "๑ ต.ค. ๖๕" is a year, but in "ต.ค. ๑๕ ธ.ค." 15 is the next date's day
            if self.next_is(j + 1, "month", "monthword"):
                return None, i
        y = _year_to_ce(digits, era)
        if y is None:
            return None, i
        return y, j + 1

    def point(self, i: int) -> tuple[_Point, int] | None:
        j = i
        if self.k(j) == "dateword":
            if not self.adj(j + 1):
                return None
            j += 1
        if self.k(j) == "slash":
            d, m, y = re.split(r"\s*/\s*", self.t[j].text)
            y_ce = _year_to_ce(y, None)
            if y_ce is None or not (1 <= int(m) <= 12) or not (1 <= int(d) <= 31):
                return None
            return _Point(int(d), int(m), y_ce), j + 1
        day = None
        if self.k(j) == "num":
            if self.t[j].glued and j == i:
                return None
            d = self.num(j, 1, 31)
            nxt = j + 1
            if self.next_is(nxt, "monthword") and self.next_is(nxt + 1, "month"):
                nxt += 1
            if d is None or not self.next_is(nxt, "month"):
                return None
            day, j = d, nxt
        elif self.k(j) == "monthword":
            if not self.next_is(j + 1, "month"):
                return None
            j += 1
        if self.k(j) != "month":
            return None
        month, _ = _month_of(self.t[j].text)
        y, j2 = self.year(j + 1)
        return _Point(day, month, y), j2

    def range_(self, i: int) -> _Node | None:
        j, between = i, False
        if self.k(j) == "from":
            between = self.t[j].text == "ระหว่าง"
            if not self.adj(j + 1):
                return None
            j += 1
        p = self.point(j)
        if p is not None:
            start, j = p
        elif self.num(j, 1, 31) is not None and self.next_is(j + 1, "to") and not self.t[j].glued:
            start, j = _Point(self.num(j, 1, 31), None, None), j + 1
        else:
            return None
        seps = ("to", "and") if between else ("to",)
        if not self.next_is(j, *seps) or not self.adj(j + 1):
            return None
        q = self.point(j + 1)
        if q is None:
            return None
        end, j = q
        if start.month is None and (end.day is None or end.month is None):
            return None
        return _Node("range", i, j, start, end)

    def fiscal(self, i: int) -> _Node | None:
        if self.k(i) != "fy":
            return None
        y, j = self.year(i + 1, relaxed=True)
        if y is None:
            return None
        return _Node("fiscal_year", i, j, fy=y + BE_OFFSET)

    def trailing_fy(self, j: int) -> tuple[int | None, int]:
        if self.adj(j):
            node = self.fiscal(j)
            if node is not None:
                return node.fy, node.i1
        return None, j

    def quarter(self, i: int) -> _Node | None:
        if self.k(i) != "quarter" or not self.adj(i + 1):
            return None
        q = self.num(i + 1, 1, 4, 1)
        if q is None:
            return None
        qs, j = [q], i + 2
        while self.next_is(j, "to", "and"):
            k = j + 1
            if self.next_is(k, "quarter"):
                k += 1
            q2 = self.num(k, 1, 4, 1) if self.adj(k) else None
            if q2 is None and k >= len(self.t):
                return None  # a range whose end is unread (``ไตรมาสที่ 1-``: blind worn seed 158 doc 12 ended it in December)
            if q2 is None or q2 == qs[-1]:  # no range runs from a quarter to itself (``๔-๔``: ๑-๕ read again)
                break
            qs.append(q2)
            j = k + 1
        fy, j = self.trailing_fy(j)
        return _Node("quarter", i, j, min(qs), max(qs), fy)

    def round_(self, i: int) -> _Node | None:
        if self.k(i) != "round" or not self.adj(i + 1):
            return None
        n = self.num(i + 1, 1, 12)
        if n is None or not self.next_is(i + 2, "monthword"):
            return None
        j, second_half = i + 3, False
        if self.next_is(j, "half"):
            second_half = self.t[j].text == "หลัง"
            j += 1
        fy, j = self.trailing_fy(j)
        return _Node("round", i, j, n, second_half, fy)

    def whole(self, i: int) -> _Node | None:
        if self.k(i) != "whole":
            return None
        j, fy = i + 1, None
        if "งบ" in self.t[i].text:
            y, j = self.year(j, relaxed=True)
            fy = y + BE_OFFSET if y is not None else None
        if fy is None:
            fy, j = self.trailing_fy(j)
        return _Node("whole_fy", i, j, fy=fy)

    def era_year(self, i: int) -> _Node | None:
        if self.k(i) not in ("era_be", "era_ce") or not self.next_is(i + 1, "num"):
            return None
        era = "ce" if self.k(i) == "era_ce" else "be"
        y = _year_to_ce(self.t[i + 1].text, era)
        return _Node("year", i, i + 2, y) if y is not None else None

    def parse(self) -> tuple[list[_Node], list[int], list[int]]:
        """Nodes; indexes of digit tokens no node explains; indexes of range separators before
        digits or months that no range explains (a range the grammar missed)."""
        nodes: list[_Node] = []
        loose: list[int] = []
        seps: list[int] = []
        i = 0
        while i < len(self.t):
            node = (
                self.range_(i)
                or self._point_node(i)
                or self.fiscal(i)
                or self.quarter(i)
                or self.round_(i)
                or self.whole(i)
                or self.era_year(i)
            )
            if node is not None:
                nodes.append(node)
                i = node.i1
                continue
            if self.k(i) in ("num", "slash"):
                # durations ("๖ เดือน", "๓๐ วัน", "๒ ปี") are explained, not dates
                if not (self.k(i) == "num" and self.next_is(i + 1, "monthword", "dayword", "yearword")):
                    loose.append(i)
            elif (
                self.k(i) == "to" and self.t[i].start > 0 and self.k(i + 1) in ("num", "month", "dateword", "monthword")
            ):
                seps.append(i)  # "ธิ.ค. ๖๕ - ก.ค. ๖๖" with the start not understood
            i += 1
        return nodes, loose, seps

    def _point_node(self, i: int) -> _Node | None:
        p = self.point(i)
        if p is None:
            return None
        pt, j = p
        return _Node("point", i, j, pt)


# ----------------------------------------------------------------------------- nodes -> mentions


def _point_bounds(p: _Point, year_ce: int) -> tuple[date | None, date | None]:
    if p.month is None:
        return None, None
    if p.day is not None:
        d = _safe_date(year_ce, p.month, p.day)
        return d, d
    return _safe_date(year_ce, p.month, 1), _safe_date(year_ce, p.month, _last_day(year_ce, p.month))


def _range_bounds(a: _Point, b: _Point) -> tuple[date | None, date | None, Relative | None]:
    am = a.month if a.month is not None else b.month
    assert am is not None and b.month is not None
    a_key = (am, a.day or 1)
    b_key = (b.month, b.day or 31)
    ay, by = a.year_ce, b.year_ce
    if ay is None and by is None:
        if _fy_index(am) > _fy_index(b.month) or (am == b.month and a_key > b_key):
            return None, None, None
        return None, None, (am, a.day or 1, b.month, b.day or 31)
    if ay is None:
        assert by is not None
        ay = by - 1 if a_key > b_key else by
    if by is None:
        by = ay + 1 if b_key < a_key else ay
    s, _ = _point_bounds(_Point(a.day, am, None), ay)
    _, e = _point_bounds(b, by)
    if s is None or e is None or s > e:
        return None, None, None
    return s, e, None


def _mention(text: str, toks: list[_Tok], node: _Node) -> DateMention:
    s, e = toks[node.i0].start, toks[node.i1 - 1].end
    base = DateMention(text[s:e], s, e, "date")
    if node.kind == "point":
        p: _Point = node.a  # type: ignore[assignment]
        kind = "date" if p.day is not None else "month"
        if p.year_ce is None:
            assert p.month is not None
            point: Relative = (p.month, p.day or 1, p.month, p.day or 31)
            return replace(base, kind=kind, relative=point)
        lo, hi = _point_bounds(p, p.year_ce)
        return replace(base, kind=kind, date=lo if p.day is not None else None, period_start=lo, period_end=hi)
    if node.kind == "range":
        lo, hi, rel = _range_bounds(node.a, node.b)  # type: ignore[arg-type]
        return replace(base, kind="range", period_start=lo, period_end=hi, relative=rel)
    if node.kind == "year":
        y: int = node.a  # type: ignore[assignment]
        return replace(base, kind="year", period_start=_safe_date(y, 1, 1), period_end=_safe_date(y, 12, 31))
    if node.kind == "fiscal_year":
        return replace(base, kind="fiscal_year", fiscal_year_be=node.fy, relative=(10, 1, 9, 30))
    if node.kind == "quarter":
        q1, q2 = node.a, node.b
        rel = (_QUARTERS[q1][0], 1, _QUARTERS[q2][1], 31)  # type: ignore[index]
        return replace(base, kind="quarter", fiscal_year_be=node.fy, relative=rel)
    if node.kind == "round":
        n: int = node.a  # type: ignore[assignment]
        first = 12 - n if node.b else 0
        last = 11 if node.b else n - 1
        rel = ((first + 9) % 12 + 1, 1, (last + 9) % 12 + 1, 31)
        return replace(base, kind="round", fiscal_year_be=node.fy, relative=rel)
    return replace(base, kind="whole_fy", fiscal_year_be=node.fy, relative=(10, 1, 9, 30))


_QUARTERS = {1: (10, 12), 2: (1, 3), 3: (4, 6), 4: (7, 9)}


def _fill(m: DateMention, fiscal_year_be: int | None) -> DateMention:
    """Resolve a relative mention with its own fiscal year or the one given."""
    if m.relative is None or (m.period_start is not None and m.period_end is not None):
        return m
    fy = m.fiscal_year_be or fiscal_year_be
    if fy is None:
        return m
    lo, hi = resolve_relative(m.relative, fy)
    d = lo if m.kind == "date" else None
    return replace(m, period_start=lo, period_end=hi, date=d)


# a lone dot, comma or quote between spaces is a speck, not part of a date ("ต.ค. ๒๕๖๒ - . มี.ค. ๒๕๖๓")
_SPECK = re.compile(r"(?<=\s)[.,'`‘’]+(?=\s)")


# an abbreviation's last dot read as a comma before a space (``ต.ค, ๒๕๖๖``: fresh worn seed 162 doc 12; ``พ.ย, 2565``: blind
# worn seed 164 doc 15; both periods left empty)
_COMMA_FOR_DOT = re.compile(r"(?<=\.[\u0e01-\u0e2e]),(?=\s)")


class _Scan(NamedTuple):
    mentions: list[DateMention]
    loose: list[tuple[int, int]]  # spans of unexplained digit runs
    orphans: list[tuple[int, int]]  # other unexplained date parts (orphan months, range separators)
    dangling: list[tuple[int, int]]  # of those, the range separators whose range was not understood


def scan_dates(text: str) -> _Scan:
    """The date mentions of a text and what of its date material they leave unexplained."""
    t = _SPECK.sub(lambda m: " " * len(m.group()), text.translate(FOLD))  # spans stay those of text
    t = _COMMA_FOR_DOT.sub(".", t)
    toks = date_tokens(t)
    nodes, loose, seps = _Parser(toks).parse()
    mentions: list[DateMention] = []
    dangling = [(toks[i].start, toks[i].end) for i in seps]
    orphans = list(dangling)
    for m in (_mention(text, toks, n) for n in nodes):
        # a bare month abbreviation without day, year or range partner is no mention (ก.พ. = the CSC)
        if m.kind == "month" and m.period_start is None and not _is_long_month(m.text):
            orphans.append((m.start, m.end))
        else:
            mentions.append(m)
    return _Scan(mentions, [(toks[i].start, toks[i].end) for i in loose], orphans, dangling)


def range_sides(text: str) -> tuple[str, str] | None:
    """A range's text on either side of its dash (or ถึง), digit-folded, as the tokenizer reads it: the debris
    OCR puts beside a dash is part of it (``๑ ต.ค. ๖๘ -- ๓๑ มี.ค. ๖๙``: split at the first ``-``, its second
    side began with a dash, not a day; fresh standard seed 103 doc 2). None without a dash."""
    t = _SPECK.sub(lambda m: " " * len(m.group()), text.translate(FOLD))
    to = next((k for k in date_tokens(t) if k.kind == "to"), None)
    return None if to is None else (t[: to.start].strip(), t[to.end :].strip())


def _is_long_month(s: str) -> bool:
    _, long = _month_of(re.sub(r"^เดือน\s*", "", s.translate(FOLD)))
    return long


_TONELESS_THANG = re.compile("ท\u0e31ง")  # ทั้ง with its tone mark lost


def _fy_respelt(m: re.Match[str]) -> str:
    """The right spelling of a ``_GARBLED_FY`` match: the whole phrase, or its ประมาณ."""
    return "ประมาณ" if m.group().startswith("ประมา") else "ปีงบประมาณ"


_VOWELLESS_PI = re.compile(_PI + "(?=งบ)")  # ปีงบประมาณ with its vowel lost or misread
_GARBLED_FY = re.compile(_GARBLED_PI_NGOP + "|(?<=งบ)ประมา(?:ถณ|ถ|ณณ|ธะ?|[:;,']|$)")  # ... its ป or ณ misread or lost


# an abbreviated month whose last dot and space OCR lost, glued to its year (``มี.ค๒๕๖๕``: fresh worn seed 120 docs 3,
# 9); none of the generated truths' 2103 abbreviated months lacks its last dot
_DOT_LOST_BEFORE_YEAR = re.compile(r"[\u0e01-\u0e4e]{1,2}\.[\u0e01-\u0e2e][0-9\u0e50-\u0e59]")


def date_word_spellings(text: str) -> list[tuple[int, int, str, str]]:
    """Month names and period words the parser reads although OCR garbled them, with their right
    spelling: (start, end, as read, right).

    Only what the parser already reads unambiguously is respelt: an abbreviation with a stray or a
    lost mark (``ก.ุพ.``, ``ธิ.ค.``), a full month name with marks lost or misread (``มนาคม``,
    ``ตูลาคม``), ``ไตรมาสที`` (also ``[ตรมาส``, ``ไครมาส``), ``ตลอดปงบประมาณ``, ``ตลอดทังปี``, ``พ ศ`` or ``พ. Al.`` before a year. A form listed in
    ``months.tsv`` (also a colloquial one or a misspelling people write) is kept as written, but for the OCR's
    misreadings (its kind ``misread``: ``จันวาคม``, also with marks lost or misread: ``จั้นวาคม``).

    >>> [(a, b) for _s, _e, a, b in date_word_spellings("ต.ุค. ๒๕๖๘ - มนาคม ๒๕๖๙ ไตรมาสที ๒")]
    [('ต.ุค.', 'ต.ค.'), ('มนาคม', 'มีนาคม'), ('ไตรมาสที', 'ไตรมาสที่')]
    >>> [(a, b) for _s, _e, a, b in date_word_spellings("ตลอดบปงบประมาณ")]
    [('ตลอดบปงบประมาณ', 'ตลอดปีงบประมาณ')]
    >>> [(a, b) for _s, _e, a, b in date_word_spellings("ลาคม- มีนาคม ๒๕๖๔")]
    [('ลาคม', 'ตุลาคม')]
    >>> [(a, b) for _s, _e, a, b in date_word_spellings("พ.ย.]๒๕๖๐ - ก.พ. ๒๕๖๑ ก.ย.. ๒๕๖๑")]
    [(']', ' '), ('.', '')]
    >>> [(a, b) for _s, _e, a, b in date_word_spellings("ต.ค. ๒๕๖๔ - มี.ค๒๕๖๕")]
    [('มี.ค', 'มี.ค. ')]
    """
    data = _months()
    out: list[tuple[int, int, str, str]] = []
    toks = date_tokens(text.translate(FOLD))
    for i, tok in enumerate(toks):
        read = text[tok.start : tok.end]
        right = read
        if tok.kind == "month":
            key = _form_key(read)
            month, _long = _month_of(read)
            if month is not None and _DOT_LOST_BEFORE_YEAR.match(text, tok.start, tok.end + 1):
                out.append((tok.start, tok.end, read, data.abbr[month - 1] + " "))  # ``มี.ค๒๕๖๕``: dot and space lost
                continue
            if month is not None and _long and _first_letter_doubled(text, tok.start):
                # ``๑พพฤศจิกายน``: the month's first letter read twice, the copy glued to the day (blind worn seed 122
                # doc 1: its memo date left empty); the copy is the space between them. One change holds the copy and
                # the month, respelt too (a change of the copy alone faces the month's own letter in the truth)
                digit_before = tok.start > 1 and text[tok.start - 2].translate(FOLD).isdigit()
                marks_kept = without_marks(key) == without_marks(data.full[month - 1])
                spelt = data.full[month - 1] if marks_kept and key not in data.exact else read
                out.append(
                    (tok.start - 1, tok.end, text[tok.start - 1 : tok.end], (" " if digit_before else "") + spelt)
                )
                continue
            if month is not None and not _long and read.count(".") == 1 and read.endswith("."):
                # ``กย.``, ``มีค.``: the abbreviation's inner dot lost, its last kept (no one writes it so: fresh
                # standard seed 123 doc 3's period)
                right = data.abbr[month - 1]
                if right != read and right.count(".") == 2:
                    out.append((tok.start, tok.end, read, right))
                continue
            misread = without_marks(key) in data.misread_full
            if (
                key in data.exact and key not in data.misread_abbr and "," not in read and not misread
            ) or month is None:
                continue
            if "." in read or len(key) <= 4:
                dotted = read.rstrip(_MARK_CHARS).endswith(".")
                right = data.abbr[month - 1] if dotted else data.abbr[month - 1].rstrip(".")
            elif without_marks(key) == without_marks(data.full[month - 1]) or misread:
                right = data.full[month - 1]
        elif tok.kind == "era_be" and any(c in _MARKS or c == ":" or c.isascii() and c.isalpha() for c in read):
            right = "พ.ศ." if read.endswith((".", ",")) or "." not in read else "พ.ศ"
        elif tok.kind == "era_be" and "." not in read and i + 1 < len(toks) and toks[i + 1].kind == "num":
            right = "พ.ศ."  # both dots lost before a year (``พ ศ ๒๕๖๙``, ``พศ ๒๕๖๙``)
        elif tok.kind == "era_be" and read.endswith(".") and i + 1 < len(toks) and toks[i + 1].kind == "num":
            right = "พ.ศ."  # its first dot lost or spaced (``พ ศ. ๒๕๖๒``: standard seed 7 doc 33's subject)
        elif tok.kind == "quarter":
            right = "ไตรมาส" + ("ที่" if read.endswith(("ที", "ที่", "ทิ", "ทิ่")) else "")
        elif tok.kind == "monthword":
            right = "เดือน"
        elif tok.kind in ("whole", "fy"):
            right = _GARBLED_FY.sub(_fy_respelt, _VOWELLESS_PI.sub("ปี", _TONELESS_THANG.sub("ทั้ง", read)))
            if right.endswith("ทั้งป") and not text[tok.end : tok.end + 1].strip():
                right += "\u0e35"  # ตลอดทั้งป at the end of a word: ปี lost its vowel
        if right != read:
            out.append((tok.start, tok.end, read, right))
    # spans respelt above, and tokens other than a month or a fiscal-year phrase, which a longer run may hold
    # (a month or ปีงบประมาณ glued to debris is looked at again whole)
    taken = [(s, e) for s, e, _a, _b in out] + [
        (tok.start, tok.end) for tok in toks if tok.kind not in ("month", "fy", "whole")
    ]
    out += [  # a bracket, a bar, a colon or a second dot between a month and its year is a speck (``พ.ย.]๒๕๖๐``)
        (tok.end, m.end(), m.group(0), _debris_respelt(text, tok.end, m.end()))
        for tok in toks
        if tok.kind == "month"
        and (m := _DEBRIS_BEFORE_YEAR.match(text, tok.end))
        and (text[tok.end] != "." or text[tok.end - 1] == ".")
    ]
    out += _split_years(text, toks)
    out += _marks_for_last_dot(text, [(s, e) for s, e, _a, _b in out], data)
    out += _misspelt_months(text, taken, data)
    out += _stuttered_abbreviations(text, taken + [(s, e) for s, e, _a, _b in out], data)
    out += _truncated_months(text, taken + [(s, e) for s, e, _a, _b in out], data)
    # ตลอด + a whole-year phrase with debris glued between (``ตลอดบปงบประมาณ``): looked at whole, over a
    # respelling of its fiscal-year phrase alone (which would leave the debris: ``ตลอดบปีงบประมาณ``)
    phrase = {(tok.start, tok.end) for tok in toks if tok.kind in ("fy", "whole")}
    others = [(tok.start, tok.end) for tok in toks if tok.kind not in ("month", "fy", "whole")]
    whole = _misspelt_whole_year(text, [(s, e) for s, e, _a, _b in out if (s, e) not in phrase] + others)
    out = [o for o in out if not any(o[0] < e and s < o[1] for s, e, _a, _b in whole)]
    return sorted(out + whole)


def _first_letter_doubled(text: str, start: int) -> bool:
    """Is the letter before ``start`` a copy of the letter at ``start`` standing where no word goes on (after a
    digit, a space or the text's start)?"""
    return (
        start > 0
        and text[start - 1] == text[start]
        and (start < 2 or not re.match(f"[{_THAI_LETTER}]", text[start - 2]))
    )


# "the whole (fiscal) year" after ตลอด, and how many letters OCR may get wrong in it (ตลอดบงบประมาณ)
_WHOLE_YEAR = (("ปีงบประมาณ", 2), ("ทั้งปี", 1))
_NEAR_DIGIT = re.compile(r"[0-9๐-๙]")


def _free_runs(text: str, taken: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The runs of Thai letters of ``text`` that overlap none of the ``taken`` spans."""
    for m in THAI_RUN.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            yield m


def _misspelt_whole_year(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """``ตลอด`` + ปีงบประมาณ or ทั้งปี with a letter or two misread (``ตลอดบงบประมาณ``: ปี read บ) or only its
    marks lost or misread (``ตลอดท์งป``), standing alone, when only one of the two is that near."""
    out = []
    for m in _free_runs(text, taken):
        run = m.group(0)
        if not run.startswith("ตลอด"):
            continue
        rest = run[len("ตลอด") :]
        near = [  # 0: as written; marks aside, OCR may lose or misread them all (``ตลอดท์งป``)
            w
            for w, most in _WHOLE_YEAR
            if 0 < Levenshtein.distance(rest, w) <= most or (rest != w and without_marks(rest) == without_marks(w))
        ]
        if len(near) == 1:
            out.append((m.start(), m.end(), run, "ตลอด" + near[0]))
    return out


# a sign, or a bracket with a Latin stroke glued before it (``กันยายน1] 2560``: fresh standard seed 201 doc 13's
# period cell, left empty)
_DEBRIS_BEFORE_YEAR = re.compile(r"(?:[1lI]?[\[\]{}|]|[.:;])(?=\s?[0-9๐-๙]{2,4}(?![0-9๐-๙]))")


def _debris_respelt(text: str, at: int, end: int) -> str:
    """What the speck ``text[at:end]`` after a month, before its year, stands for: nothing for a second dot, the last
    dot for a colon after an abbreviation that lost it (``เม.ย: ๒๕๖๙``: worn seed 178 doc 8, ``พ.ุย: ๒๕๖๔``: blind worn
    seed 196 doc 19), else the space (``พ.ย.]๒๕๖๐``; none where one follows)."""
    sign, before = text[at:end], text[at - 1]
    if sign == ".":
        return ""
    if sign in ":;" and before != "." and "." in text[max(0, at - 4) : at]:
        return "."
    return "" if text[end : end + 1].isspace() else " "


_RANGE_OR_YEAR_NEXT = re.compile(r"\s*-|\s+(?:พ\.ศ\.\s*)?[0-9๐-๙]{2,4}")
TRUNCATED_MONTH = 4  # letters at least of a month name whose front OCR lost


MISREAD_HEAD = 2  # consonants at most a month name's misread first letters take


def _misread_head(run: str, data: _MonthData) -> str | None:
    """The one full month name whose tail of ``TRUNCATED_MONTH`` letters or more ends ``run``, the letters before it
    at most ``MISREAD_HEAD`` consonants with their marks, where the name's own head differs (a misreading of it)."""
    for k in range(1, len(run) - TRUNCATED_MONTH + 1):
        head, tail = run[:k], run[k:]
        if len(without_marks(tail)) < TRUNCATED_MONTH or not "\u0e01" <= tail[0] <= "\u0e2e":
            continue
        names = [name for name in data.full if name.endswith(tail) and name != tail]
        if len(names) == 1 and len(without_marks(head)) <= MISREAD_HEAD and head != names[0][: -len(tail)]:
            return names[0]
    return None


def _truncated_months(text: str, taken: list[tuple[int, int]], data: _MonthData) -> list[tuple[int, int, str, str]]:
    """A full month name whose first letters were lost (``ลาคม- มีนาคม ๒๕๖๔``: Tesseract dropped the ตุ that
    opened a cell's line): a word that is the end of one month name only, four letters at least, opening the
    text or standing after a space, and followed by a range dash or a year; where the letters stand before that
    space (``ตุ ลาคม``), the two are joined."""
    out = []
    for m in _free_runs(text, taken):
        run = m.group(0)
        if len(run) < TRUNCATED_MONTH or run in data.exact or (m.start() and not text[m.start() - 1].isspace()):
            continue
        if not _RANGE_OR_YEAR_NEXT.match(text, m.end()):
            continue
        whole = [name for name in data.full if name.endswith(run) and name != run]
        if not whole:  # its first letters misread, not lost (``ผู้ลาคม`` for ตุลาคม: blind standard seed 153 doc 6)
            misread = _misread_head(run, data)
            if misread is not None:
                out.append((m.start(), m.end(), run, misread))
            continue
        if len(whole) == 1:
            head = whole[0][: len(whole[0]) - len(run)]
            start = m.start() - len(head) - 1
            if start >= 0 and text[start : m.start()] == head + " ":
                # its first letters stand before a space (``ตุ ลาคม``: fresh standard seed 115 doc 17), not lost
                out.append((start, m.end(), text[start : m.end()], whole[0]))
            else:
                out.append((m.start(), m.end(), run, whole[0]))
    return out


_SPLIT_YEAR = re.compile(r"\s*([๒2])[ \-–]([๕5][0-9๐-๙]{2})(?![0-9๐-๙])")


def _split_years(text: str, toks: list[_Tok]) -> list[tuple[int, int, str, str]]:
    """A Buddhist-era year right after a month, cut after its first digit by a space or a dash (``ต.ค. ๒-๕๖๖``, ``๑๕
    เม.ย. ๒ ๕๖๗``: a wide gap between ๒ and ๕ on a worn copy, fresh worn seed 152 doc 17; the periods were left
    empty). Nothing after a month is a day, and no year reads ``๒`` alone: the two parts are one year."""
    out = []
    for tok in toks:
        if tok.kind != "month":
            continue
        m = _SPLIT_YEAR.match(text, tok.end)
        if m is not None:
            out.append((m.start(1), m.end(2), text[m.start(1) : m.end(2)], m.group(1) + m.group(2)))
    return out


# an abbreviated month whose last dot OCR read as marks, before its year (``มี.คุ่๖๑``: fresh standard seed 181 doc 14, a
# period left empty)
_MARKS_FOR_DOT = re.compile(
    rf"(?<![{_THAI_LETTER}.])([\u0e01-\u0e2e]{{1,2}}[\u0e31\u0e34-\u0e37]?\.[\u0e01-\u0e2e])({_MARK_CLASS}{{1,2}})(\s?)(?=[0-9๐-๙])"
)


def _marks_for_last_dot(text: str, taken: list[tuple[int, int]], data: _MonthData) -> list[tuple[int, int, str, str]]:
    """A month's abbreviation whose last dot was read as one or two marks, before a year: the marks are the dot (and a
    space where the year is glued), when the abbreviation with its dot is one of ``months.tsv``."""
    out = []
    for m in _MARKS_FOR_DOT.finditer(text):
        if m.group(1) + "." in data.abbr and not any(a < m.end() and m.start() < b for a, b in taken):
            out.append((m.start(2), m.end(2), m.group(2), "." if m.group(3) else ". "))
    return out


_ABBREVIATION_RUN = re.compile(f"(?<![{_THAI_LETTER}])([{_THAI_LETTER}]{{1,5}})\\.([{_THAI_LETTER}]{{1,4}})(\\.?)")
_DASH_OR_YEAR_NEXT = re.compile(r"\s*(?:[-–]|(?:พ\.ศ\.\s*)?[0-9๐-๙]{2,4}(?![0-9๐-๙]))")
STUTTER = 3  # letters at most a garbled abbreviation holds besides its month's


def _stuttered_abbreviations(
    text: str, taken: list[tuple[int, int]], data: _MonthData
) -> list[tuple[int, int, str, str]]:
    """A month abbreviation with letters read two or three times or added (``ดตด.ค.`` for ต.ค., ``กถก.ย.`` and
    ``ก.ุยขย.`` for ก.ย., ``ต.อค.``: Tesseract on worn print, fresh worn seed 148 doc 14, worn seeds 144 doc 16, 150
    doc 4; the periods were left empty), before a year or a range's dash: the one official abbreviation whose two
    parts' letters stand in order in the garble's (marks aside). ``ม.คดค.`` holds both ม.ค. and มี.ค., ``กม.ค.``
    both ก.ค. and ม.ค.: left as read."""
    out = []
    for m in _ABBREVIATION_RUN.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or not _DASH_OR_YEAR_NEXT.match(text, m.end()):
            continue
        head, tail = without_marks(m.group(1)), without_marks(m.group(2))
        if head + tail in data.exact:
            continue
        near = set()
        for month, form in enumerate(data.abbr, 1):
            p0, p1 = (without_marks(p) for p in form.strip(".").split("."))
            if _in_order(p0, head) and _in_order(p1, tail) and len(head + tail) - len(p0 + p1) <= STUTTER:
                near.add(month)
        if len(near) == 1:
            right = data.abbr[near.pop() - 1]
            out.append((m.start(), m.end(), m.group(0), right if m.group(3) else right.rstrip(".")))
    return out


def _in_order(short: str, long: str) -> bool:
    """Are the letters of ``short`` found in ``long``, in their order?"""
    it = iter(long)
    return all(ch in it for ch in short)


def _misspelt_months(text: str, taken: list[tuple[int, int]], data: _MonthData) -> list[tuple[int, int, str, str]]:
    """Full month names with one letter added, lost or misread (``คตุลาคม``, debris glued before it), standing
    alone between a day and a year: the one month name one edit away, when no other is."""
    out = []
    for m in _free_runs(text, taken):
        run = m.group(0)
        if len(run) < 5 or run in data.exact:
            continue
        before, after = text[max(0, m.start() - 3) : m.start()], text[m.end() : m.end() + 3]
        if not (_NEAR_DIGIT.search(before) or _NEAR_DIGIT.search(after)):
            continue  # a date's month stands by its day or its year
        near = [name for name in data.full if Levenshtein.distance(run, name) <= 1]
        if len(near) == 1:
            out.append((m.start(), m.end(), run, near[0]))
    return out


def find_date_mentions(text: str, fiscal_year_be: int | None = None) -> list[DateMention]:
    """Every date, period and fiscal-year mention in ``text``, in order, with spans.

    Relative mentions (quarters, rounds, months without a year) take their own fiscal year,
    else ``fiscal_year_be``, else the first fiscal year the text names.

    >>> [m.kind for m in find_date_mentions("รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")]
    ['round']
    """
    mentions = scan_dates(text)[0]
    fy = fiscal_year_be
    if fy is None:
        fy = next((m.fiscal_year_be for m in mentions if m.kind == "fiscal_year"), None)
    return [_fill(m, fy) for m in mentions]


def unexplained_digits(text: str) -> list[tuple[int, int]]:
    """Spans of digit runs that no date mention or duration explains (e.g. ``๗.๑.`` for ต.ค.)."""
    return scan_dates(text)[1]


def parse_date(text: str) -> date | None:
    """The first complete date (day, month, year) in ``text``, else None.

    >>> parse_date("10 เม.ย. 66")
    datetime.date(2023, 4, 10)
    """
    for m in find_date_mentions(text):
        if m.kind == "date" and m.date is not None:
            return m.date
    return None


def parse_period(text: str, fiscal_year_be: int | None = None) -> tuple[date | None, date | None]:
    """First and last day of the period a phrase or table cell describes, else (None, None).

    Several mentions give their union; a fiscal-year mention next to narrower ones only names
    their year. Month-only bounds are the month's first/last day.

    >>> parse_period("ไตรมาสที่ ๑-๒", 2566)
    (datetime.date(2022, 10, 1), datetime.date(2023, 3, 31))
    """
    mentions = find_date_mentions(text, fiscal_year_be)
    narrow = [m for m in mentions if m.kind not in ("fiscal_year", "year")]
    use = narrow or mentions
    spans = [m.bounds() for m in use]
    if not spans or any(lo is None or hi is None for lo, hi in spans):
        return None, None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)  # type: ignore[type-var]


# ----------------------------------------------------------------------------- formatting

DATE_STYLES = (
    "full",  # ๑๐ เมษายน ๒๕๖๖
    "full_era",  # ๑๐ เมษายน พ.ศ. ๒๕๖๖
    "dateword",  # วันที่ ๑๐ เมษายน ๒๕๖๖
    "dateword_era",  # วันที่ ๑๐ เดือนเมษายน พ.ศ. ๒๕๖๖
    "abbr",  # ๑๐ เม.ย. ๒๕๖๖
    "abbr_short",  # ๑๐ เม.ย. ๖๖
    "abbr_nodot",  # ๑๐ เมย ๖๖
    "abbr_tight",  # ๑๐เม.ย.๖๖
    "abbr_era",  # ๑๐ เม.ย. พ.ศ. ๒๕๖๖
    "short_name",  # ๑๐ เมษา ๖๖
    "ce",  # ๑๐ เมษายน ๒๐๒๓
    "ce_era",  # ๑๐ เมษายน ค.ศ. ๒๐๒๓
    "abbr_ce",  # ๑๐ เม.ย. ๒๐๒๓
    "slash",  # ๑๐/๔/๒๕๖๖
    "slash_pad",  # ๑๐/๐๔/๒๕๖๖
    "slash_short",  # ๑๐/๔/๖๖
    "slash_ce",  # ๑๐/๐๔/๒๐๒๓
)
MONTH_STYLES = (
    "month_year",  # เมษายน ๒๕๖๖
    "month_era",  # เดือนเมษายน พ.ศ. ๒๕๖๖
    "month_abbr",  # เม.ย. ๒๕๖๖
    "month_abbr_short",  # เม.ย. ๖๖
    "month_nodot",  # เมย ๖๖
    "month_ce",  # เมษายน ๒๐๒๓
)


def format_thai_date(d: date, style: str = "full", digits: str = "thai") -> str:
    """Write ``d`` in one of ``DATE_STYLES`` or ``MONTH_STYLES``; ``digits`` is thai or arabic.

    >>> format_thai_date(date(2023, 4, 10), "abbr_short")
    '๑๐ เม.ย. ๖๖'
    """
    full, abbr = month_names()
    fm, am = full[d.month - 1], abbr[d.month - 1]
    be, ce = d.year + BE_OFFSET, d.year
    yy = f"{be % 100:02d}"
    table = {
        "full": f"{d.day} {fm} {be}",
        "full_era": f"{d.day} {fm} พ.ศ. {be}",
        "dateword": f"วันที่ {d.day} {fm} {be}",
        "dateword_era": f"วันที่ {d.day} เดือน{fm} พ.ศ. {be}",
        "abbr": f"{d.day} {am} {be}",
        "abbr_short": f"{d.day} {am} {yy}",
        "abbr_nodot": f"{d.day} {am.replace('.', '')} {yy}",
        "abbr_tight": f"{d.day}{am}{yy}",
        "abbr_era": f"{d.day} {am} พ.ศ. {be}",
        "short_name": f"{d.day} {_short_names()[d.month - 1]} {yy}",
        "ce": f"{d.day} {fm} {ce}",
        "ce_era": f"{d.day} {fm} ค.ศ. {ce}",
        "abbr_ce": f"{d.day} {am} {ce}",
        "slash": f"{d.day}/{d.month}/{be}",
        "slash_pad": f"{d.day:02d}/{d.month:02d}/{be}",
        "slash_short": f"{d.day}/{d.month}/{yy}",
        "slash_ce": f"{d.day:02d}/{d.month:02d}/{ce}",
        "month_year": f"{fm} {be}",
        "month_era": f"เดือน{fm} พ.ศ. {be}",
        "month_abbr": f"{am} {be}",
        "month_abbr_short": f"{am} {yy}",
        "month_nodot": f"{am.replace('.', '')} {yy}",
        "month_ce": f"{fm} {ce}",
    }
    if style not in table:
        raise ValueError(f"unknown date style {style!r}")
    out = table[style]
    if digits == "thai":
        out = out.translate(TO_THAI)
    elif digits != "arabic":
        raise ValueError("digits must be 'thai' or 'arabic'")
    return out
