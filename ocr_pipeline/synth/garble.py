"""Transcript garbles seen in real OCR transcripts of ITA reports, injected at a seeded rate.

Each kind is applied at most once per document, with probability ``rate`` (one rate for all, or one per
kind); every injection is recorded (kind, page, before, after, line, ...) for the truth's ``synth.garbles``.

``KINDS`` are garbles of single words and numbers. ``VLM_KINDS`` (issue 15.8) are what real VLM-OCR
transcripts do besides: ``superscript`` (``^{...}`` after a word), ``agency_varied`` (the agency's place
name garbled differently at each mention), ``second_table_header`` (the second table gets a header with a
column name that is not there, and an extra empty column), ``period_repeated`` (the first row's period
text in every period cell), ``title_year_misread`` (a digit of the title's year misread, from
``dictionaries/synth/year_misreads.tsv``), ``measures_skipped`` (the rows of one or two middle measures
left out: measures 1 and 4 present, 2 and 3 absent). The last two change what the transcript says the
table holds: their record carries ``truth_view``, which the benchmark applies to the truth when it scores
a transcript (``bench.score.truth_for_input``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache

import geothai
from rapidfuzz import fuzz, process

from ocr_pipeline.resources import load_table
from ocr_pipeline.synth.content import Report
from ocr_pipeline.synth.thaidate import thai_num
from ocr_pipeline.synth.tmodel import TItem, TPara, TRow, TTable, strings

KINDS = ("agency_misspelt", "fiscal_year_off", "month_as_digits", "year_extra_digit", "word_misspelt")
STRUCTURE_KINDS = ("measures_skipped", "second_table_header", "period_repeated")  # applied first
TEXT_KINDS = ("superscript", "agency_varied", "title_year_misread")  # applied last
VLM_KINDS = STRUCTURE_KINDS + TEXT_KINDS
ALL_KINDS = KINDS + VLM_KINDS
_YEAR = re.compile("[๒2][๕5][๐-๙0-9]{2}(?![๐-๙0-9])")


@cache
def _subdistrict_names() -> tuple[tuple[str, str, str], ...]:
    """(name, province code, geocode) of every subdistrict, sorted."""
    out = []
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            for s in geothai.subdistricts(d.code):
                out.append((s.name_th, p.code, s.code))
    return tuple(sorted(out))


@cache
def _lookalikes() -> dict[str, str]:
    return {r[0]: r[1] for r in load_table("synth/lookalikes.tsv")}


def misspell_place(rng: random.Random, place: str, province_code: str) -> tuple[str, dict]:
    """A garbled spelling of ``place``: a real subdistrict of another province when one is close, else
    one or two look-alike letters swapped."""
    if rng.random() < 0.45:
        others = [(n, c) for n, p, c in _subdistrict_names() if p != province_code and n != place]
        names = [n for n, _ in others]
        hit = process.extractOne(place, names, scorer=fuzz.ratio, score_cutoff=60)
        if hit:
            return hit[0], {"variant": "other_place", "geocode": others[hit[2]][1]}
    table = _lookalikes()
    chars = list(place)
    spots = [i for i, ch in enumerate(chars) if ch in table]
    for i in rng.sample(spots, min(len(spots), rng.choice([1, 1, 2]))):
        chars[i] = table[chars[i]]
    out = "".join(chars)
    if out == place:
        out = place[:-1]
    return out, {"variant": "lookalike"}


def _extra_digit(rng: random.Random, year: str) -> str:
    """'๒๕๖๒' -> '๒๕๕๖๒' or '๑๕๕๖๒': one digit doubled, sometimes the first misread."""
    i = rng.randint(1, 3)
    out = year[:i] + year[i - 1] + year[i:]
    if rng.random() < 0.5:
        out = ("๑" if out[0] == "๒" else "1") + out[1:]
    return out


def inject(
    rng: random.Random,
    pages: list[list[TItem]],
    report: Report,
    rate: float | dict[str, float],
    kinds: tuple[str, ...] | None = None,
) -> list[dict]:
    """Garble ``pages`` in place with the ``kinds`` given (default ``KINDS``), each with probability
    ``rate`` (or ``rate[kind]``, 0 when missing); returns the records of what was changed."""
    records: list[dict] = []
    for kind in KINDS if kinds is None else kinds:
        if rng.random() >= (rate.get(kind, 0.0) if isinstance(rate, dict) else rate):
            continue
        rec = _ONE[kind](rng, pages, report)
        if rec:
            rec["kind"] = kind
            records.append(dict(sorted(rec.items(), key=lambda kv: kv[0] != "kind")))
    return records


def _replace_in_one(
    rng: random.Random, pages: list[list[TItem]], pattern: re.Pattern, make: Callable[[str], str]
) -> dict | None:
    """Replace one match of ``pattern`` (its group ``x`` when it has one) in one randomly chosen line."""
    spots = [(n, holder, i, m) for n, holder, i in strings(pages) for m in pattern.finditer(holder[i])]
    if not spots:
        return None
    n, holder, i, m = rng.choice(spots)
    group = "x" if "x" in pattern.groupindex else 0
    before = m.group(group)
    after = make(before)
    line = holder[i]
    holder[i] = line[: m.start(group)] + after + line[m.end(group) :]
    return {"page": n, "before": before, "after": after, "line": holder[i]}


def _agency(rng, pages, report):
    a = report.agency
    wrong, extra = misspell_place(rng, a.place, a.geocode[:2])
    rec = _replace_in_one(rng, pages, re.compile(re.escape(a.place)), lambda _b: wrong)
    return {**rec, **extra} if rec else None


def _fiscal_year(rng, pages, report):
    fy = thai_num(report.fiscal_year)
    shift = rng.choice([-3, -2, 2, 3])
    pattern = re.compile(f"(?:ปีงบประมาณ พ\\.ศ\\. |ปีงบประมาณ |ประจำปี )(?P<x>{fy})")
    return _replace_in_one(rng, pages, pattern, lambda _b: thai_num(report.fiscal_year + shift))


def _month(rng, pages, report):
    return _replace_in_one(rng, pages, re.compile(re.escape("ต.ค.")), lambda _b: "๗.๑.")


def _year(rng, pages, report):
    return _replace_in_one(rng, pages, _YEAR, lambda b: _extra_digit(rng, b))


def _word(rng, pages, report):
    pairs = [r for r in load_table("synth/misspellings.tsv")]
    present = [p for p in pairs if any(p[0] in holder[i] for _n, holder, i in strings(pages))]
    if not present:
        return None
    correct, wrong = rng.choice(present)
    return _replace_in_one(rng, pages, re.compile(re.escape(correct)), lambda _b: wrong)


# ----------------------------------------------------------------------------- VLM transcripts (15.8)


def _tables(pages: list[list[TItem]]) -> list[tuple[int, list[TItem], TTable]]:
    return [(n, items, it) for n, items in enumerate(pages, start=1) for it in items if isinstance(it, TTable)]


def _measures_skipped(rng, pages, report):
    """Rows of one or two consecutive middle measures left out of the transcript."""
    numbers = [m.no for m in report.measures]
    if len(numbers) < 3:
        return None
    width = min(rng.choice([1, 2, 2]), len(numbers) - 2)
    first = rng.randint(1, len(numbers) - 1 - width)
    gone = set(range(first, first + width))  # indices into report.measures
    removed = 0
    for _n, items, table in _tables(pages):
        keep = [r for r in table.rows if r.row_index is None or report.rows[r.row_index].measure not in gone]
        removed += len(table.rows) - len(keep)
        table.rows = keep
        if not any(not r.header for r in table.rows):
            items.remove(table)
    if not removed:
        return None
    skipped = sorted(report.measures[i].no for i in gone)
    return {"measures": skipped, "rows_removed": removed, "truth_view": {"drop_measure_no": skipped}}


def _second_table_header(rng, pages, report):
    """The second table's header: a column name that is not there, and an extra empty column."""
    tables = _tables(pages)
    if len(tables) < 2:
        return None
    n, _items, table = tables[1]
    names = [r[0] for r in load_table("synth/spurious_headers.tsv")]
    spurious = rng.choice(names)
    at = rng.randint(1, 3)
    header = list(report.headers)
    header.insert(at, spurious)  # six names over five cells and an empty sixth
    row = TRow([[TPara([h])] for h in header], header=True)
    if table.rows and table.rows[0].header:
        table.rows[0] = row
    else:
        table.rows.insert(0, row)
    for r in table.rows[1:]:
        r.cells.append([])
    return {"page": n, "header": header, "spurious": spurious, "at": at}


def _period_repeated(rng, pages, report):
    """The first body row's period text written into every period cell of every table."""
    bodies = [r for _n, _i, t in _tables(pages) for r in t.rows if not r.header]
    if len(bodies) < 2 or not bodies[0].cells[3]:
        return None
    first = report.rows[bodies[0].row_index]
    step = report.measures[first.measure].steps[first.steps[0]]
    changed = 0
    for r in bodies[1:]:
        if [p.text() for p in r.cells[3]] != [step.period_text]:
            changed += 1
        r.cells[3] = [TPara([step.period_text])]
    if not changed:
        return None
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    view = {"period_text": step.period_text, "period_start": iso(step.period_start), "period_end": iso(step.period_end)}
    return {"text": step.period_text, "cells_changed": changed, "truth_view": {"set_all": view}}


_SUPERSCRIPTS = ("๑", "๒", "1", "2", "*", "ก")


def _superscript(rng, pages, report):
    """``^{...}`` after a word of one to three lines (a footnote mark, an ordinal)."""
    spots = [(n, holder, i) for n, holder, i in strings(pages) if len(holder[i].split()) >= 2]
    if not spots:
        return None
    out = []
    for n, holder, i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
        words = holder[i].split(" ")
        k = rng.randrange(len(words) - 1)
        mark = "^{" + rng.choice(_SUPERSCRIPTS) + "}"
        words[k] += mark
        holder[i] = " ".join(words)
        out.append({"page": n, "after": mark, "line": holder[i]})
    return {"page": out[0]["page"], "before": "", "after": out[0]["after"], "line": out[0]["line"], "marks": out}


def _agency_varied(rng, pages, report):
    """Every mention of the agency's place name garbled, each one differently (one to three edits)."""
    place = report.agency.place
    pattern = re.compile(re.escape(place))
    spots = [(n, holder, i) for n, holder, i in strings(pages) if pattern.search(holder[i])]
    if len(spots) < 2:
        return None
    table = _lookalikes()
    positions = [k for k, ch in enumerate(place) if ch in table]
    used: set[str] = set()
    mentions = []
    for n, holder, i in spots:
        for _try in range(8):
            chars = list(place)
            for k in rng.sample(positions, min(len(positions), rng.randint(1, 3))) if positions else []:
                chars[k] = table[chars[k]]
            wrong = "".join(chars) if positions else place[:-1]
            if rng.random() < 0.3 and len(wrong) > 3:  # a letter lost as well
                k = rng.randrange(1, len(wrong))
                wrong = wrong[:k] + wrong[k + 1 :]
            if wrong != place and wrong not in used:
                break
        used.add(wrong)
        holder[i] = pattern.sub(wrong, holder[i], count=1)
        mentions.append({"page": n, "after": wrong, "line": holder[i]})
    return {
        "page": mentions[0]["page"],
        "before": place,
        "after": mentions[0]["after"],
        "line": mentions[0]["line"],
        "mentions": mentions,
    }


def _title_year_misread(rng, pages, report):
    """One digit of the table title's year misread (๒๕๖๕ read ๒๕๒๕)."""
    confusions = load_table("synth/year_misreads.tsv")
    titles = []
    for n, items in enumerate(pages, start=1):
        for it in items:
            if isinstance(it, TTable):
                break
            if isinstance(it, TPara) and _YEAR.search(it.text()) and n > 1:
                titles.extend((n, it.lines, i) for i in range(len(it.lines)) if _YEAR.search(it.lines[i]))
        if titles:
            break
    for n, holder, i in titles:
        m = _YEAR.search(holder[i])
        year = m.group()
        options = [(k, w) for k, ch in enumerate(year) for t, w in confusions if ch == t and k >= 2]
        if not options:
            continue
        k, w = rng.choice(options)
        wrong = year[:k] + w + year[k + 1 :]
        holder[i] = holder[i][: m.start()] + wrong + holder[i][m.end() :]
        return {"page": n, "before": year, "after": wrong, "line": holder[i]}
    return None


_ONE = {
    "measures_skipped": _measures_skipped,
    "second_table_header": _second_table_header,
    "period_repeated": _period_repeated,
    "superscript": _superscript,
    "agency_varied": _agency_varied,
    "title_year_misread": _title_year_misread,
    "agency_misspelt": _agency,
    "fiscal_year_off": _fiscal_year,
    "month_as_digits": _month,
    "year_extra_digit": _year,
    "word_misspelt": _word,
}
