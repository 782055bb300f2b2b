"""Thai numerals, month names, Buddhist-Era dates and fiscal periods as ITA reports write them."""

from __future__ import annotations

import calendar
import random
from datetime import date, timedelta

from ocr_pipeline.clean.dates import BE_OFFSET

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_num(value: int | str, arabic: bool = False) -> str:
    """``thai_num(2566)`` -> '๒๕๖๖'; ``arabic=True`` keeps Arabic digits."""
    text = str(value)
    return text if arabic else text.translate(_THAI)


def be_year(year_ce: int) -> int:
    """Buddhist-Era year of a Gregorian year (2023 -> 2566)."""
    return year_ce + BE_OFFSET


def fiscal_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of a Thai fiscal year (2566 -> 2022-10-01, 2023-09-30)."""
    end_ce = fy_be - BE_OFFSET
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_name(month: int, abbr: bool) -> str:
    return (MONTHS_ABBR if abbr else MONTHS)[month - 1]


def format_date(d: date, style: str, arabic: bool = False) -> str:
    """A date as Thai letters write it.

    Styles: ``full`` '๑๐ เมษายน ๒๕๖๖', ``full_be`` '๑๐ เมษายน พ.ศ. ๒๕๖๖', ``abbr`` '๑๐ เม.ย. ๒๕๖๖',
    ``abbr2`` '๑๐ เม.ย. ๖๖'.
    """
    day = thai_num(d.day, arabic)
    year = be_year(d.year)
    if style == "full":
        return f"{day} {MONTHS[d.month - 1]} {thai_num(year, arabic)}"
    if style == "full_be":
        return f"{day} {MONTHS[d.month - 1]} พ.ศ. {thai_num(year, arabic)}"
    if style == "abbr":
        return f"{day} {MONTHS_ABBR[d.month - 1]} {thai_num(year, arabic)}"
    if style == "abbr2":
        return f"{day} {MONTHS_ABBR[d.month - 1]} {thai_num(year % 100, arabic)}"
    raise ValueError(style)


def period_sentence(start: date, end: date, style: int = 0) -> str:
    """'ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๕ ถึงวันที่ ๓๑ มีนาคม ๒๕๖๖' and close variants."""
    a, b = format_date(start, "full"), format_date(end, "full")
    if style == 1:
        return f"ระหว่างวันที่ {a} ถึงวันที่ {b}"
    if style == 2:
        return f"ตั้งแต่วันที่ {a} - {b}"
    return f"ตั้งแต่วันที่ {a} ถึงวันที่ {b}"


def quarter_bounds(fy_be: int, q: int) -> tuple[date, date]:
    """Bounds of quarter ``q`` (1-4) of a fiscal year; quarter 1 is October-December."""
    start, _ = fiscal_bounds(fy_be)
    first = _add_months(start, 3 * (q - 1))
    last = _add_months(first, 2)
    return first, month_end(last.year, last.month)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def months_in(start: date, end: date) -> list[tuple[int, int]]:
    """(year, month) pairs from ``start``'s month to ``end``'s month."""
    out, cur = [], date(start.year, start.month, 1)
    while cur <= end:
        out.append((cur.year, cur.month))
        cur = _add_months(cur, 1)
    return out


def random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def period_cell(
    rng: random.Random, fy_be: int, start: date, end: date, arabic: bool = False
) -> tuple[str, date | None, date | None]:
    """Text of a ระยะเวลาดำเนินการ cell inside the report period, with the dates it means.

    Returns (text, first day, last day); days are None when the text names no dates ("ทุกเดือน").
    """
    n = lambda v: thai_num(v, arabic)  # noqa: E731
    fy_start, fy_end = fiscal_bounds(fy_be)
    n_q = 2 if end.month == 3 else 4
    kind = rng.choices(
        [
            "span_abbr",
            "span_full",
            "span_open",
            "whole_fy",
            "fy_named",
            "quarters",
            "quarter",
            "month",
            "sub_span",
            "days_span",
            "day",
            "every",
        ],
        weights=[14, 6, 6, 7, 3, 5, 3, 6, 6, 3, 2, 1],
    )[0]
    yb, ye = be_year(start.year), be_year(end.year)
    dash = rng.choice([" - ", " - ", " – ", "-"])
    if kind == "span_abbr":
        return f"{MONTHS_ABBR[start.month - 1]} {n(yb)}{dash}{MONTHS_ABBR[end.month - 1]} {n(ye)}", start, end
    if kind == "span_full":
        return f"{MONTHS[start.month - 1]} {n(yb)}{dash}{MONTHS[end.month - 1]} {n(ye)}", start, end
    if kind == "span_open":
        return f"{MONTHS[start.month - 1]}{dash}{MONTHS[end.month - 1]} {n(ye)}", start, end
    if kind == "whole_fy":
        return rng.choice(["ตลอดปีงบประมาณ", "ตลอดปีงบประมาณ", "ตลอดทั้งปี"]), fy_start, fy_end
    if kind == "fy_named":
        return rng.choice([f"ปีงบประมาณ พ.ศ. {n(fy_be)}", f"ปีงบประมาณ {n(fy_be)}"]), fy_start, fy_end
    if kind == "quarters":
        first, _ = quarter_bounds(fy_be, 1)
        _, last = quarter_bounds(fy_be, n_q)
        return f"ไตรมาสที่ {n(1)}-{n(n_q)}", first, last
    if kind == "quarter":
        q = rng.randint(1, n_q)
        first, last = quarter_bounds(fy_be, q)
        return f"ไตรมาสที่ {n(q)}", first, last
    months = months_in(start, end)
    if kind == "month":
        y, m = rng.choice(months)
        abbr = rng.random() < 0.4
        return f"{month_name(m, abbr)} {n(be_year(y))}", date(y, m, 1), month_end(y, m)
    if kind == "sub_span":
        i = rng.randrange(0, len(months) - 1)
        j = rng.randrange(i + 1, len(months))
        (y1, m1), (y2, m2) = months[i], months[j]
        abbr = rng.random() < 0.6
        a, b = month_name(m1, abbr), month_name(m2, abbr)
        text = f"{a}{dash}{b} {n(be_year(y2))}" if y1 == y2 else f"{a} {n(be_year(y1))}{dash}{b} {n(be_year(y2))}"
        return text, date(y1, m1, 1), month_end(y2, m2)
    if kind == "days_span":
        return f"{format_date(start, 'abbr2', arabic)}{dash}{format_date(end, 'abbr2', arabic)}", start, end
    if kind == "day":
        d = random_day(rng, start, end)
        return format_date(d, rng.choice(["full", "abbr"]), arabic), d, d
    return rng.choice(["ทุกเดือน", "เป็นประจำทุกเดือน", "ทุกไตรมาส"]), None, None
