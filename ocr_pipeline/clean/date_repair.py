"""Repair garbled dates from whole-document evidence.

A noisy-channel model: every date mention of a document (fiscal year in the subject, report
period in the body, the letter's date, the period cells of the measure table, ...) gets candidate
readings, each with the cost of the OCR edits that would turn it into what was read
(``dictionaries/digit_confusions.tsv``). One hypothesis (fiscal year, period end) is then chosen
for the whole document so that the sum of edit costs and constraint penalties is least:
the report period lies in the fiscal year and starts on 1 October, the letter is dated after the
period end and within months of it, measure periods lie in the fiscal year, years lie in a
plausible window. A mention may also be declared unreadable (a fixed cost), so one bad mention
cannot drag the others along. A mention's readings also take out the specks OCR puts in dates (a mark on no
letter, a sign glued before a number), and a period cell the parser cannot read may be read as another period cell
of the document a few characters off, none a digit (``period_twins``: rule ``period-twin``).

Two readers are modelled: one that writes every digit (misreadings are rare and cost much) and
stock Tesseract ``tha``, which cannot write ๔ ๖ ๗ ๘ ๙ at all (its ๕ is as likely ๔, ๘ or ๙, its ๒
or ๐ may be ๖: nearly free edits, so only the constraints decide). Identical mentions count once.

Never silently wrong: every value must beat its best alternative (another value under any
hypothesis) by a margin, else it is left ``None`` with a warning. Repaired mentions yield a
``Correction`` (rule ``date-confusion`` when the text as read was no valid date, ``fiscal-consistency``
when it was valid but contradicted the rest of the document).

>>> r = repair_dates([DateEvidence("fiscal_year", "ปีงบประมาณ พ.ศ. ๒๕๒๐๒๐"),
...                   DateEvidence("period", "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖")])
>>> r.fiscal_year_be, r.corrections[0].after
(2566, 'ปีงบประมาณ พ.ศ. ๒๕๖๖')
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import combinations

from ocr_pipeline.clean.dates import (
    BE_OFFSET,
    EARLIEST_BE,
    FOLD,
    DateMention,
    date_tokens,
    fiscal_year_bounds,
    fiscal_year_of,
    latest_fiscal_year,
    listed_month,
    parse_date,
    range_sides,
    resolve_relative,
    scan_dates,
    two_digit_year_be,
)
from ocr_pipeline.clean.period_twins import twin_variants
from ocr_pipeline.clean.thai_text import ABOVE_BELOW, ARABIC_DIGITS, DIGIT_RUN, THAI_DIGITS, TO_ARABIC, TO_THAI
from ocr_pipeline.model import Correction
from ocr_pipeline.resources import load_table
from ocr_pipeline.warning_text import differing, warning

__all__ = ["DateEvidence", "DateRepair", "Reading", "ROLES", "repair_dates", "token_readings"]

ROLES = ("fiscal_year", "period", "period_start", "period_end", "doc_date", "measure_period", "other")
_PERIOD_ROLES = ("period", "period_start", "period_end")

# costs, in the units of digit_confusions.tsv (about -ln of a relative likelihood)
DROP = 5.5  # declare a mention unreadable
BIG = 8.0  # a broken hard constraint (outside the fiscal year, letter long before the period)
MEASURE_OUT = 3.5  # a measure period reaching outside the fiscal year (by less than a year; wholly outside: BIG)
OFF_START = 3.0  # a report period that does not start on 1 October (รอบ ๖ เดือนหลัง does)
# prior cost of the report period's end: rounds end 31 March or 30 September
_END_PRIOR = {"round": 0.0, "quarter": 1.0, "month": 3.0, "day": 4.5}
LOOSE = 3.0  # per run of digits or month abbreviation the reading leaves unexplained (๗.๑. for ต.ค.)
_MAX_TOKEN_COST = 5.0
_MAX_COMBOS = 6000  # combinations visited per mention and reader
_MAX_PARSES = 1500  # combinations parsed per mention and reader
_TOKEN_OPTIONS = 60
MARGIN = 1.5  # how much a repaired value must beat its best alternative (cost units, about -ln odds)
KEEP_MARGIN = 0.5  # the same for a value taken as a reader of every digit wrote it
THA_ONLY_MARGIN = 2.5  # MARGIN when no mention shows a digit stock Tesseract cannot write (๔ ๖ ๗ ๘ ๙)
# The plausible fiscal years: the years the document writes plainly, WINDOW_SLACK either side, never
# before EARLIEST_BE nor after the fiscal year after today's; with no plain year, the RECENT_YEARS
# before that. A repair may also reach a year TARGET_SLACK outside the window (a period's start).
WINDOW_SLACK = 4
RECENT_YEARS = 25
TARGET_SLACK = 1

_THAI_DIGITS = THAI_DIGITS
_TO_THAI = TO_THAI
_THAI_LETTER = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]")


@dataclass(frozen=True)
class DateEvidence:
    """One date mention of a document, as read.

    role: ``fiscal_year`` (subject/title), ``period`` (a phrase naming the report period: range,
    round, ...), ``period_start`` / ``period_end`` (one bound), ``doc_date`` (the วันที่ line),
    ``measure_period`` (a table cell), ``other`` (any other date: kept or read, never coupled).
    """

    role: str
    text: str
    page: int | None = None
    field: str = ""
    sure: bool = False  # its digits were read with certainty (the pixels leave no room): never re-read


@dataclass(frozen=True)
class Reading:
    """What was settled for one ``DateEvidence`` (same order as given).

    status: ``read`` (taken as written), ``repaired``, ``unresolved`` (ambiguous or inconsistent:
    values None, a warning says why) or ``no-date`` (no date expression in the text).
    ``start``/``end``: the period (a date has start == end); ``fiscal_year_be`` for fiscal_year.
    score: 0-100, how far the reading beats its best alternative.
    """

    evidence: DateEvidence
    status: str
    text: str | None = None
    start: date | None = None
    end: date | None = None
    fiscal_year_be: int | None = None
    score: float = 0.0


@dataclass
class DateRepair:
    """The document's settled date values, one ``Reading`` per mention, corrections, warnings."""

    fiscal_year_be: int | None
    period_start: date | None
    period_end: date | None
    doc_date: date | None
    readings: list[Reading]
    corrections: list[Correction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- the channel


@dataclass(frozen=True)
class _Channel:
    pairs: dict[tuple[str, str], float]  # (observed, true) literal digit edits
    month: tuple[tuple[str, str, float, str], ...]  # (observed, true, cost, kind): month and glyph edits
    any_sub: float
    extra: float
    dropped: float
    doubled: float
    latin: float  # a Latin digit inside a Thai number, for any Thai digit


@cache
def _channel(full: bool = False, share: float = 1.0) -> _Channel:
    """The confusion table; ``full``: costs for a reader that can write ๔ ๖ ๗ ๘ ๙; ``share``:
    the part of a stock-Tesseract confusion's cost one mention pays (see ``repair_dates``)."""
    pairs: dict[tuple[str, str], float] = {}
    month: list[tuple[str, str, float, str]] = []
    generic: dict[tuple[str, str], float] = {}
    for row in load_table("digit_confusions.tsv"):
        obs, true, cost_s, cost_full_s, kind = row[:5]
        cost = float(cost_full_s) if full else float(cost_s) * (share if kind == "tha" else 1.0)
        if kind == "generic":
            generic[(obs, true)] = cost
        elif kind in ("month", "glyph"):
            month.append((obs, true, cost, kind))
        else:
            key = ("" if obs == "-" else obs, "" if true == "-" else true)
            pairs[key] = min(cost, pairs.get(key, cost))
    return _Channel(
        pairs,
        tuple(month),
        any_sub=generic[("?", "?")],
        extra=generic[("?", "-")],
        dropped=generic[("-", "?")],
        doubled=generic[("??", "?")],
        latin=generic[("L", "?")],
    )


@cache
def _channel_one_way(full: bool, share: float, longer: int) -> _Channel:
    """The channel for a reading ``longer`` (1), shorter (-1) or as long (0) as the value it stands for:
    digits only added (an extra or a doubled one), only lost, or neither. A digit added and another lost
    is a digit changed, which only a listed confusion may do (๒๖๒๒ is no misread ๒๖๒๐)."""
    ch = _channel(full, share)
    inf = math.inf
    if longer > 0:
        return dataclasses.replace(ch, dropped=inf)
    if longer < 0:
        return dataclasses.replace(ch, extra=inf, doubled=inf)
    return dataclasses.replace(ch, extra=inf, doubled=inf, dropped=inf)


def _edit_cost(obs: str, true: str, ch: _Channel, limit: float) -> float:
    """Least total cost of OCR edits turning ``true`` into ``obs`` (weighted Levenshtein with
    multi-character rules); ``math.inf`` when above ``limit``."""
    n, m = len(obs), len(true)
    inf = math.inf
    dp = [[inf] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    pairs = ch.pairs
    for i in range(n + 1):
        row_min = inf
        for j in range(m + 1):
            if i == 0 and j == 0:
                row_min = 0.0
                continue
            best = inf
            if i and j:
                if obs[i - 1] == true[j - 1]:
                    sub = 0.0
                elif obs[i - 1] in ARABIC_DIGITS and true[j - 1] in _THAI_DIGITS:
                    sub = ch.latin  # only a Thai target: the run holds Thai digits
                else:
                    sub = ch.any_sub
                best = dp[i - 1][j - 1] + sub
            if i:
                dup = i >= 2 and obs[i - 1] == obs[i - 2]
                best = min(best, dp[i - 1][j] + (ch.doubled if dup else ch.extra))
            if j:
                best = min(best, dp[i][j - 1] + ch.dropped)
            for lo in (0, 1, 2):
                if lo > i:
                    break
                o = obs[i - lo : i]
                for lt in (0, 1, 2):
                    if lt > j or lo + lt == 0:
                        continue
                    c = pairs.get((o, true[j - lt : j]))
                    if c is not None and dp[i - lo][j - lt] + c < best:
                        best = dp[i - lo][j - lt] + c
            dp[i][j] = best
            row_min = min(row_min, best)
        if row_min > limit:
            return inf
    return dp[n][m] if dp[n][m] <= limit else inf


Window = tuple[int, int]  # plausible fiscal years, B.E., both included


@cache
def _targets(script: str, window: Window) -> tuple[str, ...]:
    """Numbers a digit run in a date can stand for: days, months, 2-digit years, and the years
    (B.E. and C.E.) of the plausible window with a year of slack either side."""
    lo, hi = window[0] - TARGET_SLACK, window[1] + TARGET_SLACK
    nums = {str(k) for k in range(1, 32)} | {f"{k:02d}" for k in range(100)}
    nums |= {str(y) for y in range(lo, hi + 1)} | {str(y - BE_OFFSET) for y in range(lo, hi + 1)}
    out = sorted(nums, key=lambda s: (len(s), s))
    if script == "thai":
        out = [s.translate(_TO_THAI) for s in out]
    return tuple(out)


@lru_cache(maxsize=20000)
def token_readings(
    run: str, full: bool = False, share: float = 1.0, window: Window | None = None
) -> tuple[tuple[str, float], ...]:
    """Candidate true values of one digit run with their edit cost, cheapest first (as read: 0).

    ``full``: the reader can write ๔ ๖ ๗ ๘ ๙ (see ``digit_confusions.tsv``, column cost_full);
    ``share``: the part of a stock-Tesseract confusion's cost this mention pays; ``window``: the
    plausible fiscal years (default: ``recent_window()``).

    >>> token_readings("๒๕๒๐๒๐")[:2]
    (('๒๕๒๐๒๐', 0.0), ('๒๕๖๖', 1.0))
    >>> dict(token_readings("๒๕๒๐๒๐", full=True))["๒๕๖๖"]  # a full reader hardly does this
    5.0
    """
    script = "thai" if any(c in _THAI_DIGITS for c in run) else "arabic"
    # a Latin digit in a Thai number is a digit the reader could not read: its face value costs as
    # much as any other Thai digit there (``๒๕๖6`` is ๒๕๖๖ no more than ๒๕๖๙)
    latin = sum(c in ARABIC_DIGITS for c in run) if script == "thai" else 0
    out: dict[str, float] = {run: latin * _channel(full, share).latin}
    for t in _targets(script, window or recent_window()):
        if abs(len(t) - len(run)) > 2 or t == run:
            continue
        c = _edit_cost(
            run, t, _channel_one_way(full, share, (len(run) > len(t)) - (len(run) < len(t))), _MAX_TOKEN_COST
        )
        if c < math.inf:
            out[t] = round(c, 3)
    ranked = sorted(out.items(), key=lambda kv: (kv[1], kv[0] != run))
    return tuple(ranked[: _TOKEN_OPTIONS + 1])


# a run of digits stock Tesseract may have written inside a mention a full reader wrote (the digit reader leaves a run
# it reads unsure as Tesseract read it: ``ตุลาคม ๒๕๒๒ - กันยายน ๒๕๖๗``, fresh worn seed 170 doc 6; ``๑ ต.ค. ๒๕-๓๑ มี.ค.
# ๖๙``, blind worn seed 164 doc 6): its stock-Tesseract readings at this extra cost
MIXED = 1.5


@lru_cache(maxsize=20000)
def _run_options(
    run: str, full: bool, share: float, window: Window, mixed: bool = False
) -> tuple[tuple[str, float], ...]:
    """``token_readings`` of one run as its mention's reader wrote it; with ``mixed``, a run a full reader's mention
    holds that stock Tesseract could have written (no ๔ ๖ ๗ ๘ ๙) may also be its reading, at ``MIXED`` more."""
    options = token_readings(run, full, 1.0 if full else share, window)
    if not (mixed and full and _may_be_tha(run, "auto")):
        return options
    best = dict(options)
    for t, c in token_readings(run, False, 1.0, window):
        best[t] = min(best.get(t, math.inf), round(c + MIXED, 3))
    ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0] != run))
    return tuple(ranked[: _TOKEN_OPTIONS + 1])


# specks a period cell's reading may hold, each with its cost: vowels or tone marks after no Thai consonant (after a dot,
# a space or a digit: ``ม.ุค. ๒๕๖๐``, fresh worn seed 162 doc 7; ``พ.ศ.ุ่ ๒๕๖๖``, fresh worn seed 168 doc 9); two below
# vowels on one letter, which Thai never writes (``ม.คุู-ก.พ. ๒๕๖๔``: fresh worn seed 162 doc 0); a lone Latin digit after a number written in Thai
# digits (``๑๓ 6 กุมภาพันธ์ ๒๕๖๗``: fresh standard seed 169 doc 5, read as the 6th), or a lone Thai digit between a day
# and its month (``๓๑ ๘ มี.ค. ๖๑``: standard seed 163 doc 12); a dot, a colon, ใ or ไ glued before
# a number after a space or a dash (``ปีงบประมาณ .๒๕๖๙``, ``ไตรมาสที่ ๑-ใ๒``: fresh standard seed 169 docs 9, 5;
# ``ไตรมาสที่ :๑-๒``: worn seed 148 doc 5); a transcript's footnote mark after a word, a superscript or an asterisk
# (``พ.ย.^{*} ๒๕๖๕``, ``พ.ย.* ๒๕๖๕``: transcripts seed 17 doc 19)
STRAY_MARK = 0.3  # a mark on no letter, or one an abbreviation does not write
# a speck line under a cell read as digits at its end: one lone digit, or short numbers joined by signs (``ตุลาคม-กันยายน
# ๒๕๖๗ ๑-๑``, fresh worn seed 166 doc 4; ``ตลอดทั้งปี ๑๑.๑.``, worn 168 doc 15; ``… มี.ค. ๒๕๖๗ ๑«๑``, worn 170 doc 15);
# never a lone two-digit number (a short year: ``ต.ค. - ธ.ค. ๖๖``); a reading of its own, after the other specks are
# out (``ไตรมาสที่ ๑-ใ๒`` is no quarter's word with debris)
TRAILING_DEBRIS = 1.0
_TRAILING_DEBRIS = re.compile(
    "\\s+(?:[0-9๐-๙](?![0-9๐-๙])|[0-9๐-๙]{1,2}(?:[^\\s0-9๐-๙\u0e01-\u0e4e]+[0-9๐-๙]{1,2})+\\.?)\\s*$"
)
_SPECKS = (
    (re.compile(f"(?<![\u0e01-\u0e2e{ABOVE_BELOW}])[{ABOVE_BELOW}]+"), STRAY_MARK),
    (re.compile("[\u0e38\u0e39]{2}"), 0.6),
    (re.compile("(?<=[๐-๙] )[0-9] "), 1.0),
    (re.compile("(?<=[๐-๙] )[๐-๙] (?=[\u0e01-\u0e2e])"), 1.0),
    (re.compile("(?<=[\\s\\-–])[.:ใไ](?=[0-9๐-๙])"), 0.5),
    (re.compile("\\^\\{[^{}]{0,4}\\}|(?<=\\S)\\*+(?=\\s|$)"), 0.3),
)


# an abbreviation whose letters carry marks its month does not write (``กิ.ยิ.`` for ก.ย.: blind standard seed 163 doc 6)
_ABBREVIATION = re.compile(
    f"(?<![\u0e01-\u0e2e{ABOVE_BELOW}])[\u0e01-\u0e2e][{ABOVE_BELOW}]*\\.[\u0e01-\u0e2e][{ABOVE_BELOW}]*\\.?"
)
_MARK = re.compile(f"[{ABOVE_BELOW}]")


def _marks_off_abbreviations(text: str) -> tuple[str, int]:
    """The text with the marks taken off each abbreviation that is no listed month with them and one without, and how
    many marks went."""
    count = 0

    def strip(m: re.Match[str]) -> str:
        nonlocal count
        token = m.group()
        bare = _MARK.sub("", token)
        if bare == token or listed_month(token) is not None or listed_month(bare) is None:
            return token
        if len(_months_one_mark_from(token)) > 1:
            return token  # ``มุ.ค.``: ม.ค. with a stray ุ, or มี.ค. with its ี misread
        count += len(token) - len(bare)
        return bare

    return _ABBREVIATION.sub(strip, text), count


def _months_one_mark_from(token: str) -> set[int]:
    """The listed months the token names with all its marks taken off, or all but one, that one as read or as any
    other mark."""
    spots = [i for i, c in enumerate(token) if _MARK.match(c)]
    forms = [_MARK.sub("", token)] + [
        "".join(mark if j == i else c for j, c in enumerate(token) if j == i or j not in spots)
        for i in spots
        for mark in ABOVE_BELOW
    ]
    return {m for m in map(listed_month, forms) if m is not None}


def _without_specks(text: str) -> tuple[str, float]:
    """The text with the specks of ``_SPECKS`` and the marks ``_marks_off_abbreviations`` takes off taken out, and
    their cost."""
    cost = 0.0
    for pattern, each in _SPECKS:
        text, n = pattern.subn("", text)
        cost += each * n
    text, n = _marks_off_abbreviations(text)
    cost += STRAY_MARK * n
    return text, round(cost, 3)


def _reading_variants(text: str) -> list[tuple[str, float]]:
    """``_month_variants`` of the text as read, of the text without its specks, and of that without the debris at its
    end."""
    out = _month_variants(text)
    bare, cost = _without_specks(text)
    if bare != text:
        out += [(t, round(c + cost, 3)) for t, c in _month_variants(bare)]
    kept = _TRAILING_DEBRIS.sub("", bare)
    if kept != bare:
        out += [(t, round(c + cost + TRAILING_DEBRIS, 3)) for t, c in _month_variants(kept)]
    return out


_ERA = "พ.ศ"
# a day standing apart: a digit glued to a word is a speck (``ปีงบประมาณ6 พ.ศ. ๒๕๖๕``: clean render seed 33 doc 6, where
# fiscal-consistency wrote the era พ.ค. and the fiscal year's period came out as 6 May)
_DAY_BEFORE = re.compile("(?<![\u0e01-\u0e4e])[0-9๐-๙]{1,2}\\s?$")


def _month_variants(text: str) -> list[tuple[str, float]]:
    """The text as read, and with up to two month abbreviations or digit glyphs restored
    (๗.๑. -> ต.ค., ฒ๒ -> ๗๒)."""
    hits: list[tuple[int, int, str, float]] = []
    for obs, true, cost, kind in _channel().month:
        for m in re.finditer(re.escape(obs), text):
            s, e = m.span()
            before = text[s - 1] if s else " "
            after = text[e] if e < len(text) else " "
            if kind == "glyph":
                if not (before.isdigit() or after.isdigit()):
                    continue
            elif _THAI_LETTER.match(before) or before.isdigit() or _THAI_LETTER.match(after) or after.isdigit():
                continue
            elif obs == _ERA and not _DAY_BEFORE.search(text, 0, s):
                continue  # the era is a month's misreading only after a day (``ปีงบประมาณ พ.ศ. ๒๕๖๖`` is no May)
            hits.append((s, e, true, cost))
    out = [(text, 0.0)]
    for k in (1, 2):
        for combo in combinations(hits, k):
            spans = sorted(combo)
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
                continue
            t, pos = [], 0
            for s, e, true, _ in spans:
                t.append(text[pos:s] + true)
                pos = e
            t.append(text[pos:])
            out.append(("".join(t), sum(h[3] for h in spans)))
    return out


def _best_combos(
    options: list[tuple[tuple[str, float], ...]], budget: float, limit: int = _MAX_COMBOS
) -> Iterable[tuple[float, tuple[int, ...]]]:
    """Index vectors into ``options`` in order of total cost (k-best enumeration), up to budget."""
    if not options:
        yield 0.0, ()
        return
    start = tuple(0 for _ in options)
    heap = [(sum(o[0][1] for o in options), start)]
    seen = {start}
    count = 0
    while heap and count < limit:
        cost, idx = heapq.heappop(heap)
        if cost > budget:
            return
        yield cost, idx
        count += 1
        for k in range(len(idx)):
            if idx[k] + 1 < len(options[k]):
                nxt = idx[:k] + (idx[k] + 1,) + idx[k + 1 :]
                if nxt not in seen:
                    seen.add(nxt)
                    delta = options[k][idx[k] + 1][1] - options[k][idx[k]][1]
                    heapq.heappush(heap, (cost + delta, nxt))


def _slots(text: str) -> list[str]:
    """What each digit run of a text stands for, from its neighbours: year, day or any."""
    toks = date_tokens(text.translate(FOLD))
    kinds: dict[int, str] = {}
    for i, t in enumerate(toks):
        if t.kind != "num":
            continue
        prev = toks[i - 1].kind if i and t.adj else ""
        nxt = toks[i + 1].kind if i + 1 < len(toks) and toks[i + 1].adj else ""
        if prev in ("month", "era_be", "era_ce", "fy", "whole") or len(t.text) >= 4:
            kinds[t.start] = "year"
        elif nxt in ("month", "monthword") or prev == "dateword":
            kinds[t.start] = "day"
    return [kinds.get(m.start(), "any") for m in DIGIT_RUN.finditer(text)]


def _fits(slot: str, value: str, read: str = "") -> bool:
    """Whether a repaired digit run may stand in this slot: a 2- or 4-digit year (a year read with four
    digits or more stays a four-digit year, one read with two a two-digit one: ``๒๕๕๒`` is no misread
    ``๕๕``); a day 1-31 without a leading zero (letters write ``๑ พฤษภาคม``: ``๐๑`` is kept as read,
    never made by a repair)."""
    digits = value.translate(FOLD)
    if slot == "year":
        if len(read) >= 4 or len(read) == 2:
            return len(digits) == min(len(read), 4)
        return len(digits) in (2, 4)
    if slot == "day":
        return len(digits) <= 2 and 1 <= int(digits) <= 31 and not digits.startswith("0")
    return True


def _year_be(value: str, latest: int | None = None) -> int:
    """A written year as B.E.: four digits B.E. or C.E.; two digits by ``two_digit_year_be``."""
    v = int(value.translate(FOLD))
    if len(value) == 2:
        return two_digit_year_be(v, latest)
    return v if v >= 2400 else v + BE_OFFSET


def recent_window() -> Window:
    """The fiscal years of the last ``RECENT_YEARS`` up to the one after today's."""
    latest = latest_fiscal_year()
    return max(EARLIEST_BE, latest - RECENT_YEARS), latest


def plausible_window(texts: Sequence[str], reader: str = "auto") -> Window:
    """The fiscal years a document's dates may name: around the years its mentions write plainly (by a reader that writes every digit: a stock-Tesseract year is no evidence of
    itself), within B.E. ``EARLIEST_BE`` and the fiscal year after today's.

    >>> from datetime import date
    >>> from ocr_pipeline.clean.dates import reading_on
    >>> with reading_on(date(2026, 12, 4)):
    ...     plausible_window(["ปีงบประมาณ พ.ศ. ๒๕๖๗", "ต.ค. ๒๕๖๖ - มี.ค. ๒๕๖๗"]), plausible_window(["๒๕๒๐๒๐"])
    ((2562, 2571), (2546, 2571))
    """
    latest = latest_fiscal_year()
    anchors = []
    for text in texts:
        if _may_be_tha(text, reader):
            continue
        for m, slot in zip(DIGIT_RUN.finditer(text), _slots(text)):
            if slot == "year" and len(m.group()) in (2, 4):  # a two-digit year as read today
                year = _year_be(m.group(), latest)
                if EARLIEST_BE - WINDOW_SLACK <= year <= latest + 1:
                    anchors.append(year)
    if not anchors:
        return recent_window()
    lo = max(EARLIEST_BE, min(anchors) - WINDOW_SLACK)
    hi = min(latest, max(anchors) + WINDOW_SLACK)
    return (lo, hi) if lo <= hi else recent_window()


# ----------------------------------------------------------------------------- reading a text per role

# A value: ("fy", n) or ("span", items), items ("a", start, end) absolute or ("r", rel) relative.
_Val = tuple


def _interpret(role: str, text: str) -> tuple[_Val | None, float]:
    """The value a text gives for a role, as read on today's date (two-digit years depend on it)."""
    return _interpret_as_of(role, text, latest_fiscal_year())


# a Buddhist-era year, four digits, or five where a speck was read as one more (``ต.ค. ๒๕๖๕ กะย๒๕๖๖๒``: fresh worn seed 174
# doc 16, October alone was taken)
_LONE_YEAR = re.compile(r"(?:๒๕|25)[0-9๐-๙]{2,3}")


def _year_after_dated(text: str, mentions: list[DateMention], loose: list[tuple[int, int]]) -> bool:
    """Is a year no mention takes standing right after a month, a date or a range that has its own year, or after
    such a mention's dash and an unread word (not after a quarter or a round, whose year is the fiscal year:
    ``ไตรมาสที่ ๑ ๒๕๖๖``)?"""
    for a, b in loose:
        if not _LONE_YEAR.fullmatch(text[a:b]):
            continue
        before = [m for m in mentions if m.end <= a and _UNREAD_SIDE.fullmatch(text, m.end, a)]
        if any(m.kind in ("month", "date", "range") for m in before):
            return True
    return False


# nothing, or a range's dash and a word no mention reads (``พ.ย. ๒๕๖๖ – ม.ุค, ๒๕๖๗``: the end's month unread, fresh
# worn seed 152 doc 0; November alone was taken), or such a word where the dash was lost as well (``กะย`` above)
_UNREAD_SIDE = re.compile(r"\s*(?:[-–—]?\s*[^\s0-9๐-๙]{1,8}\s*)?")


_DAY_FIRST = re.compile(r"^[0-9]{1,2}\s")
# one to three Latin letters where a month's day stands, a dot or a sign after them, glued to the month or not
# (``bo พ.ย.``: fresh worn seed 140 doc 3; ``D.ต.ค. ๒๕๖๐`` for ๖ ต.ค.: stop 42's blind standard seed 183 doc 16)
_LATIN_BEFORE = re.compile(r"(?:^|\s)[A-Za-z]{1,3}[.,:;'`]?\s*$")


def _day_unread(text: str, m: DateMention) -> bool:
    """A month with no day after Latin letters standing where its day would (``bo พ.ย. ๒๕๖๔`` for ๒๑ พ.ย. ๒๕๖๔: fresh worn
    seed 140 doc 3, the whole of November taken): the day was there, unread; the month is no period of its own."""
    return m.kind in ("month", "range") and not _DAY_FIRST.match(m.text) and bool(_LATIN_BEFORE.search(text[: m.start]))


def _day_on_one_side(m: DateMention) -> bool:
    """A range with a day on one side only (``ตุลาคม - ๒ กันยายน ๒๕๖๙``: a speck by the dash read as ๒, worn seed
    98 doc 16; no period of the corpora, nor of the reports they imitate, is written so)."""
    if m.kind != "range":
        return False
    sides = range_sides(m.text)
    return sides is not None and bool(_DAY_FIRST.match(sides[0])) != bool(_DAY_FIRST.match(sides[1]))


def _year_before_dated(text: str, mentions: list[DateMention], loose: list[tuple[int, int]]) -> bool:
    """Is a year no mention takes standing before the first month, date or range (``A.A. ๒๕๖๔ = ก.ย. ๒๕๖๕``: the
    start's month unread and the dash read ``=``, worn seed 98 doc 5; the end alone is no period)?"""
    dated = [m.start for m in mentions if m.kind in ("month", "date", "range")]
    return bool(dated) and any(_LONE_YEAR.fullmatch(text[a:b]) and b <= min(dated) for a, b in loose)


@lru_cache(maxsize=50000)
def _interpret_as_of(role: str, text: str, _latest: int) -> tuple[_Val | None, float]:
    """``_interpret``, cached per latest fiscal year."""
    mentions, loose, orphans, dangling = scan_dates(text)
    n_loose = _near_count(text, [(m.start, m.end) for m in mentions], loose + orphans)
    if role == "fiscal_year":
        for m in mentions:
            if m.fiscal_year_be is not None:
                return ("fy", m.fiscal_year_be), n_loose
        for m in mentions:
            if m.kind == "year" and m.period_start is not None:
                return ("fy", m.period_start.year + BE_OFFSET), n_loose
        bare = text.strip().translate(TO_ARABIC)
        if re.fullmatch(r"(?:พ\.?\s?ศ\.?\s*)?(2[4-6][0-9]{2})", bare):
            return ("fy", int(bare[-4:])), max(0, n_loose - 1)
        return None, n_loose
    if role == "doc_date":
        d = parse_date(text)
        return (("span", (("a", d, d),)), n_loose) if d is not None else (None, n_loose)
    if role == "measure_period" and (
        dangling
        or _year_after_dated(text, mentions, loose)
        or _year_before_dated(text, mentions, loose)
        or any(_day_on_one_side(m) or _day_unread(text, m) for m in mentions)
    ):
        # a range with one side unreadable ("ภาพันธ์ - มีนาคม ๒๕๖๑"), or a second year right after a month
        # and its year ("ต.ค. ๒๕๖๑ ๒๕๖๒": the range's dash and second month were lost): the side that was
        # read is no period of its own
        return None, n_loose
    narrow = [m for m in mentions if m.kind not in ("fiscal_year", "year")]
    use = narrow or mentions
    lost_dash = _range_without_dash(text, use) if role == "measure_period" else None
    if lost_dash is not None:
        # two whole dates side by side (``๑ ต.ค. ๖๕ ๓๑ มี.ค. ๖๖``: the range's dash lost, worn seeds 14 and 22)
        return ("span", (("a", *lost_dash),)), n_loose
    if len(use) > 1 and any(m.kind == "date" for m in use):
        # a text may join periods ("ต.ค.-ธ.ค. ๖๕ และ ม.ค.-มี.ค. ๖๖", "รอบ ๖ เดือน (ต.ค. ๖๕ -
        # มี.ค. ๖๖)"), but a single day beside another period is debris, not a bound
        return None, n_loose
    items: list[tuple] = []
    for m in use:
        lo, hi = m.bounds()
        if lo is not None and hi is not None:
            items.append(("a", lo, hi))
        elif m.relative is not None:
            fy = next((x.fiscal_year_be for x in mentions if x.kind == "fiscal_year"), None)
            if fy is not None:
                lo, hi = resolve_relative(m.relative, fy)
                if lo is None:
                    return None, n_loose
                items.append(("a", lo, hi))
            else:
                items.append(("r", m.relative))
        else:
            return None, n_loose
    if not items:
        return None, n_loose
    val: _Val = ("span", tuple(items))
    if role == "period_start" or role == "period_end":
        val = ("span", (("bound", role, tuple(items)),))
    return val, n_loose


RANGE_DAYS = 366  # two dates side by side are a range's ends when the second is later, and this close


def _range_without_dash(text: str, mentions: list[DateMention]) -> tuple[date, date] | None:
    """(first, last) when the mentions are two whole dates with nothing but a space between them, the second
    later and within a year of the first: a range whose dash the OCR lost."""
    days = [m.date for m in mentions if m.kind == "date" and m.date is not None]
    if len(mentions) != 2 or len(days) != 2 or text[mentions[0].end : mentions[1].start].strip():
        return None
    return (days[0], days[1]) if 0 < (days[1] - days[0]).days <= RANGE_DAYS else None


def _near_count(text: str, anchors: list[tuple[int, int]], spans: list[tuple[int, int]], gap: int = 3) -> float:
    """Unexplained spans weighted by where they sit: 1 next to the date (within ``gap``
    characters of a mention, or of another such span: debris of the date), 0.5 elsewhere (perhaps
    another number of the sentence, perhaps debris)."""
    near = list(anchors)
    todo = sorted(spans)
    count, grew = 0.0, True
    while grew and near:
        grew = False
        for sp in list(todo):
            if any(sp[0] - b <= gap and a - sp[1] <= gap for a, b in near):
                near.append(sp)
                todo.remove(sp)
                count += 1.0
                grew = True
    return count + 0.5 * len(todo) if near else float(len(spans))


@lru_cache(maxsize=200000)
def _bounds(val: _Val, fy: int | None) -> tuple[date | None, date | None]:
    """First and last day of a span value under fiscal year ``fy``."""
    items = val[1]
    if items and items[0][0] == "bound":
        _, role, inner = items[0]
        lo, hi = _bounds(("span", inner), fy)
        if lo is None or hi is None:
            return None, None
        return (lo, lo) if role == "period_start" else (hi, hi)
    los, his = [], []
    for it in items:
        if it[0] == "a":
            lo, hi = it[1], it[2]
        elif fy is None:
            return None, None
        else:
            lo, hi = resolve_relative(it[1], fy)
            if lo is None or hi is None:
                return None, None
        los.append(lo)
        his.append(hi)
    return min(los), max(his)


def _abs_years(val: _Val) -> list[int]:
    """Fiscal years of the absolute dates inside a value."""
    if val[0] == "fy":
        return [val[1]]
    out: list[int] = []
    for it in val[1]:
        if it[0] == "a":
            out += [fiscal_year_of(it[1]), fiscal_year_of(it[2])]
        elif it[0] == "bound":
            out += _abs_years(("span", it[2]))
    return out


# ----------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Cand:
    cost: float
    text: str
    val: _Val | None  # None: the mention declared unreadable


def _candidates(
    ev: DateEvidence,
    window: tuple[int, int],
    paths: Sequence[tuple[bool, float]],
    share: float = 1.0,
    twins: Sequence[tuple[str, float]] = (),
    mixed: bool = False,
) -> tuple[list[_Cand], _Val | None]:
    """Readings of one mention (cheapest per value), and the value of the text as read (if valid).

    paths: (full reader?, extra cost) for each reader that may have written the text; share: see
    ``token_readings``; twins: other texts it may be a garble of, with their cost (``period_twins``); mixed: see
    ``_run_options``.
    """
    lo, hi = window
    if ev.role == "other":  # nothing constrains it: read, never re-read
        val = _interpret(ev.role, ev.text)[0]
        return ([_Cand(0.0, ev.text, val)] if val is not None else []) + [_Cand(DROP, ev.text, None)], val
    best: dict[_Val, _Cand] = {}
    as_read: _Val | None = None
    for full, offset in paths:
        for vtext, vcost in _reading_variants(ev.text) + list(twins) if not ev.sure else [(ev.text, 0.0)]:
            runs = [m.span() for m in DIGIT_RUN.finditer(vtext)]
            slots = _slots(vtext)
            options = [
                tuple(
                    o
                    for k, o in enumerate(_run_options(vtext[s:e], full, share, window, mixed))
                    if k == 0
                    or (
                        not ev.sure
                        and _fits(slot, o[0], vtext[s:e])
                        and (slot != "year" or lo - 1 <= _year_be(o[0], hi) <= hi + 1)
                    )
                )
                for (s, e), slot in zip(runs, slots)
            ]
            year_runs = [k for k, slot in enumerate(slots) if slot == "year"]
            parsed = 0
            for cost, idx in _best_combos(options, DROP - vcost - offset):
                if parsed >= _MAX_PARSES:
                    break
                if len(year_runs) > 1:
                    years = [
                        _year_be(options[k][idx[k]][0], hi) for k in year_runs if _fits("year", options[k][idx[k]][0])
                    ]
                    if years and max(years) - min(years) > 1:
                        continue  # one mention spans at most two calendar years
                parsed += 1
                parts, pos = [], 0
                for (s, e), opts, k in zip(runs, options, idx):
                    parts.append(vtext[pos:s] + opts[k][0])
                    pos = e
                parts.append(vtext[pos:])
                text = "".join(parts)
                val, n_loose = _interpret(ev.role, text)
                if val is None:
                    continue
                if any(not (lo <= y <= hi + 1) for y in _abs_years(val)):
                    continue
                if val[0] == "fy" and not (lo <= val[1] <= hi):
                    continue
                if text == ev.text:
                    as_read = val
                total = round(offset + vcost + cost + LOOSE * n_loose, 3)
                if total < DROP and (val not in best or total < best[val].cost):
                    best[val] = _Cand(total, text, val)
    cands = sorted(best.values(), key=lambda c: c.cost)
    return cands + [_Cand(DROP, ev.text, None)], as_read


_FULL_DIGITS = set("๔๖๗๘๙")
_THAI_DIGIT_SET = set(_THAI_DIGITS)


def _shows_full_digits(text: str) -> bool:
    """Whether a digit only a full reader writes appears, outside month garbles like ๗.๑."""
    for obs, _, _, kind in _channel().month:
        if kind == "month":
            text = text.replace(obs, "")
    return bool(_FULL_DIGITS & set(text))


def _may_be_tha(text: str, reader: str) -> bool:
    """Whether stock Tesseract ``tha`` may have written this mention: Thai digits, none it cannot write."""
    return reader != "full" and bool(set(text) & _THAI_DIGIT_SET) and not _shows_full_digits(text)


def _reader_paths(text: str, doc_full: bool, reader: str, sure: bool = False) -> list[tuple[bool, float]]:
    """Which reader may have written a mention: (full?, extra cost) pairs.

    A mention showing ๔ ๖ ๗ ๘ ๙, or without Thai digits, was read by a full reader. Otherwise:
    if other mentions of the document show them, a full reader is likelier (P 0.7 vs 0.3: the
    tha path costs 0.85 more; blocks of one document may come from different readers); if none
    does, stock Tesseract is (P 0.8: the full path costs 1.4 more).
    """
    if sure or not _may_be_tha(text, reader):
        return [(True, 0.0)]
    if reader == "tha-fast":
        return [(False, 0.0)]
    return [(False, 0.85), (True, 0.0)] if doc_full else [(False, 0.0), (True, 1.4)]


# ----------------------------------------------------------------------------- constraints


@lru_cache(maxsize=200000)  # measure rows repeat their periods: the same value under each hypothesis
def _penalty(role: str, val: _Val, fy: int | None, end: date | None) -> float:
    """Cost of ``val`` in ``role`` under the hypothesis (fiscal year ``fy``, period end ``end``)."""
    if fy is None:
        return 0.0
    fs, fe = fiscal_year_bounds(fy)
    if role == "fiscal_year":
        return 0.0 if val[1] == fy else BIG
    if role == "other":
        return 0.0
    s, e = _bounds(val, fy)
    if s is None or e is None or s > e:
        return BIG
    if role in _PERIOD_ROLES:
        pen = 0.0
        if role != "period_end":
            pen += 0.0 if s == fs else (OFF_START if fs <= s <= fe else BIG)
        if role != "period_start" and e != end:
            pen += BIG  # the hypothesis's end is this period's end
        return pen
    if role == "doc_date":
        assert end is not None
        delta = (s - end).days  # letters follow the period by weeks, rarely by half a year
        if 0 <= delta <= 150:
            return 0.0
        if -45 <= delta < 0:
            return 1.0
        if 150 < delta <= 270:
            return 3.0
        return BIG
    # measure_period
    if fs <= s and e <= fe:
        return 0.0
    if e < fs or s > fe:
        # wholly in another fiscal year (``พ.ย. - ก.ค. ๒๕๖๔`` for พ.ย. - ธ.ค. in a report of 2565: blind standard seed 163
        # doc 5; ``ตุลาคม – กันยายน ๒๕๖๑`` for ๒๕๖๐ in a report of 2560: fresh worn seed 168 doc 5): a misreading the
        # digit confusions do not explain, no period of this report's measures; left empty with a warning
        return BIG
    if fs - timedelta(days=366) <= s and e <= fe + timedelta(days=366):
        return MEASURE_OUT
    return BIG


def _hypotheses(
    cands: list[list[_Cand]], roles: list[str], window: tuple[int, int]
) -> list[tuple[int | None, date | None, float]]:
    """(fiscal year, period end, prior cost) hypotheses worth scoring.

    Reports come in rounds ending 31 March or 30 September; other ends cost ``_END_PRIOR``.
    """
    lo, hi = window
    fys: set[int] = set()
    for role, cs in zip(roles, cands):
        if role == "other":
            continue
        for c in cs:
            if c.val is not None:
                years = _abs_years(c.val)
                fys.update(years)
                if role == "doc_date":
                    fys.update(y - 1 for y in years)
    fys = {y for y in fys if lo <= y <= hi}
    if not fys:
        return [(None, None, 0.0)]
    out: list[tuple[int | None, date | None, float]] = []
    for fy in sorted(fys):
        fs, fe = fiscal_year_bounds(fy)
        ends = {date(fe.year, 3, 31): _END_PRIOR["round"], fe: _END_PRIOR["round"]}
        for role, cs in zip(roles, cands):
            if role in ("period", "period_end"):
                for c in cs:
                    if c.val is not None:
                        _, e = _bounds(c.val, fy)
                        if e is not None and fs <= e <= fe and e not in ends:
                            if (e + timedelta(days=1)).day != 1:
                                ends[e] = _END_PRIOR["day"]
                            else:
                                ends[e] = _END_PRIOR["quarter" if e.month in (6, 12) else "month"]
        out += [(fy, e, prior) for e, prior in ends.items()]
    return out


# ----------------------------------------------------------------------------- the solver


def _score(delta: float) -> float:
    return round(100.0 / (1.0 + math.exp(-delta)), 1)


def repair_dates(
    evidence: Sequence[DateEvidence],
    *,
    window: Window | None = None,
    margin: float = MARGIN,
    keep_margin: float = KEEP_MARGIN,
    reader: str = "auto",
) -> DateRepair:
    """Settle all date mentions of one document jointly; see the module docstring.

    window: plausible fiscal years (BE), by default from the years the document itself writes and
    today's date (``plausible_window``). margin: how much (in cost units, about -ln odds) a
    repaired value must beat its best alternative; keep_margin: the same for a value taken as
    written by a reader that can write every digit (text from stock Tesseract ``tha`` is no literal
    evidence: it needs ``margin``). reader: ``tha-fast`` (cannot write ๔ ๖ ๗ ๘ ๙), ``full``, or
    ``auto``: judged per mention from the digits it and the rest of the document show (blocks of
    one document may come from different readers); see ``_reader_paths``.
    """
    for ev in evidence:
        if ev.role not in ROLES:
            raise ValueError(f"unknown date role {ev.role!r}")
    if reader not in ("auto", "tha-fast", "full"):
        raise ValueError(f"unknown reader {reader!r}")
    # identical mentions (same role and text) are one piece of evidence: an OCR engine garbles
    # the same text the same way, so repeating it proves nothing more
    keys = list(dict.fromkeys((ev.role, ev.text) for ev in evidence))
    group_of = {k: g for g, k in enumerate(keys)}
    window = window or plausible_window([text for _, text in keys], reader)
    roles = [role for role, _ in keys]
    cand_lists: list[list[_Cand]] = []
    as_read: list[_Val | None] = []
    literal: list[bool] = []  # is the text as written trustworthy (a full reader is the likelier)?
    doc_full = any(_shows_full_digits(text) for _, text in keys)
    if not doc_full and reader != "full":
        # every mention may be stock Tesseract's, whose digits are all suspects: a value must stand out more
        margin = max(margin, THA_ONLY_MARGIN)
    # stock Tesseract repeats one systematic error in every mention it read: its confusions are
    # paid about once per document, shared among the mentions that may come from it
    n_tha = sum(_may_be_tha(text, reader) for _, text in keys)
    share = round(1.0 / max(1, n_tha), 2)
    sure = {(ev.role, ev.text) for ev in evidence if ev.sure}  # read with certainty in one place at least
    all_paths = [_reader_paths(text, doc_full, reader, key in sure) for key, (_, text) in zip(keys, keys)]
    twins = _period_twins(keys)
    for (role, text), paths, its_twins in zip(keys, all_paths, twins):
        cs, ar = _candidates(
            DateEvidence(role, text, sure=(role, text) in sure), window, paths, share, its_twins, reader == "auto"
        )
        cand_lists.append(cs)
        as_read.append(ar)
        # the text as written is evidence only if no stock-Tesseract reading of it is likely
        literal.append(not _may_be_tha(text, reader) or (doc_full and reader == "auto"))

    hyps = _hypotheses(cand_lists, roles, window)
    totals, chosen, deltas, runners = _solve(hyps, roles, cand_lists)
    h_best = min(range(len(hyps)), key=lambda h: totals[h])
    warnings: list[str] = []
    fy_settled = _settled_fy(
        evidence, group_of, chosen, deltas, literal, hyps, totals, h_best, margin, keep_margin, warnings
    )

    readings: list[Reading] = []
    corrections: list[Correction] = []
    for ev in evidence:
        g = group_of[(ev.role, ev.text)]
        pick, delta, where = chosen[g], deltas[g], _where(ev)
        if pick.val is None:
            if as_read[g] is None and not _has_date_signal(ev.text):
                readings.append(Reading(ev, "no-date"))
                continue
            readings.append(Reading(ev, "unresolved", score=_score(delta)))
            warnings.append(warning(where, ev.text, "date unreadable or inconsistent with the document; left empty"))
            continue
        repaired = pick.text != ev.text
        if delta < (keep_margin if literal[g] and not repaired else margin):
            readings.append(Reading(ev, "unresolved", score=_score(delta)))
            a, b = differing(pick.text, runners[g])
            warnings.append(warning(where, ev.text, f"date ambiguous (reads as '{a}' or '{b}'); left empty"))
            continue
        fy_val = None
        if pick.val[0] == "fy":
            fy_val = pick.val[1]
            lo, hi = fiscal_year_bounds(fy_val)
        else:
            lo, hi = _bounds(pick.val, fy_settled)  # type: ignore[assignment]
            if lo is None:
                readings.append(Reading(ev, "unresolved", pick.text, score=_score(delta)))
                warnings.append(warning(where, ev.text, "needs the fiscal year, which the document does not settle"))
                continue
        score = _score(delta)
        readings.append(Reading(ev, "repaired" if repaired else "read", pick.text, lo, hi, fy_val, score))
        if repaired:
            rule = "date-confusion" if as_read[g] is None else "fiscal-consistency"
            if any(pick.text == twin for twin, _ in twins[g]):
                rule = "period-twin"
            corrections.append(Correction(ev.page, ev.field or ev.role, ev.text, pick.text, rule, score))

    period_start, period_end = _document_period(readings)
    doc_date = next((r.start for r in readings if r.evidence.role == "doc_date" and r.start), None)
    return DateRepair(fy_settled, period_start, period_end, doc_date, readings, corrections, warnings)


def _reads_cleanly(text: str) -> bool:
    """Does a period cell read as a period with nothing of its date material left unexplained?"""
    val, n_loose = _interpret("measure_period", text)
    return val is not None and n_loose == 0


def _period_twins(keys: Sequence[tuple[str, str]]) -> list[list[tuple[str, float]]]:
    """Per mention, the period cells that read cleanly and that it may be a garble of (``period_twins``): offered
    only to a period cell that does not read cleanly itself."""
    clean = [text for role, text in keys if role == "measure_period" and _reads_cleanly(text)]
    return [twin_variants(text, clean) if role == "measure_period" and text not in clean else [] for role, text in keys]


def _solve(
    hyps: list[tuple[int | None, date | None, float]], roles: list[str], cand_lists: list[list[_Cand]]
) -> tuple[list[float], list[_Cand], list[float], list[str]]:
    """Total cost per hypothesis; per mention the chosen candidate (under the best hypothesis),
    its margin over the best alternative value (under any hypothesis), and that alternative's text."""
    n = len(roles)
    totals: list[float] = []
    firsts: list[list[tuple[float, _Cand]]] = []
    seconds: list[list[tuple[float, _Cand]]] = []
    none = _Cand(math.inf, "?", None)
    for fy, end, prior in hyps:
        total = prior
        f_row, s_row = [], []
        for role, cs in zip(roles, cand_lists):
            b_cost, b, s_cost, sec = math.inf, none, math.inf, none
            for c in cs:  # cheapest first: stop once nothing can beat the second best
                if c.cost >= s_cost:
                    break
                sc = c.cost + (_penalty(role, c.val, fy, end) if c.val is not None else 0.0)
                if sc < b_cost:
                    if b.val != c.val:
                        s_cost, sec = b_cost, b
                    b_cost, b = sc, c
                elif sc < s_cost and c.val != b.val:
                    s_cost, sec = sc, c
            f_row.append((b_cost, b))
            s_row.append((s_cost, sec))
            total += b_cost
        totals.append(total)
        firsts.append(f_row)
        seconds.append(s_row)
    h_best = min(range(len(hyps)), key=lambda h: totals[h])
    chosen = [firsts[h_best][m][1] for m in range(n)]
    deltas: list[float] = []
    runners: list[str] = []
    for m in range(n):
        runner, runner_text = math.inf, "?"
        for h in range(len(hyps)):
            cost_m, cand_m = firsts[h][m]
            if cand_m.val != chosen[m].val:
                alt, alt_text = totals[h], cand_m.text
            else:
                alt, alt_text = totals[h] - cost_m + seconds[h][m][0], seconds[h][m][1].text
            if alt < runner:
                runner, runner_text = alt, alt_text
        deltas.append(runner - totals[h_best])
        runners.append(runner_text)
    return totals, chosen, deltas, runners


def _settled_fy(
    evidence, group_of, chosen, deltas, literal, hyps, totals, h_best, margin, keep_margin, warnings
) -> int | None:
    """The best hypothesis's fiscal year, if some mention that names a period or year was settled
    under it and no hypothesis with another fiscal year comes within ``margin``."""
    fy_best = hyps[h_best][0]
    anchored = False
    for ev in evidence:
        g = group_of[(ev.role, ev.text)]
        if ev.role in ("other", "doc_date") or chosen[g].val is None:
            continue
        need = keep_margin if literal[g] and chosen[g].text == ev.text else margin
        if deltas[g] >= need:
            anchored = True
    if fy_best is None or not anchored:
        return None
    others = [t for (fy, _, _), t in zip(hyps, totals) if fy != fy_best]
    delta = (min(others) - totals[h_best]) if others else math.inf
    if delta < margin:
        warnings.append(warning("document.fiscal_year_be", fy_best, "ambiguous with another year; left empty"))
        return None
    return fy_best


def _document_period(readings: list[Reading]) -> tuple[date | None, date | None]:
    ok = [r for r in readings if r.status in ("read", "repaired") and r.start is not None]
    whole = next((r for r in ok if r.evidence.role == "period"), None)
    if whole is not None:
        return whole.start, whole.end
    start = next((r.start for r in ok if r.evidence.role == "period_start"), None)
    end = next((r.end for r in ok if r.evidence.role == "period_end"), None)
    return start, end


def _has_date_signal(text: str) -> bool:
    """Digits, a month name or a period keyword (ไตรมาส, ปีงบประมาณ, ...): the text meant a date."""
    kinds = {"num", "slash", "month", "quarter", "fy", "whole", "era_be", "era_ce"}
    if re.search("รอบ[\\s0-9๐-๙]*เดือน", text):
        return True
    return any(t.kind in kinds for t in date_tokens(text.translate(FOLD)))


def _where(ev: DateEvidence) -> str:
    page = f"page {ev.page} " if ev.page is not None else ""
    return f"{page}{ev.field or ev.role}"
