"""Transcript garbles seen in real OCR transcripts of ITA reports, injected at a seeded rate.

Each kind is applied at most once per document, with probability ``rate``; every injection is recorded
(kind, page, before, after, line) for the truth's ``synth.garbles``.
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
from ocr_pipeline.synth.tmodel import TItem, strings

KINDS = ("agency_misspelt", "fiscal_year_off", "month_as_digits", "year_extra_digit", "word_misspelt")
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


def inject(rng: random.Random, pages: list[list[TItem]], report: Report, rate: float) -> list[dict]:
    """Garble ``pages`` in place; returns the records of what was changed."""
    records: list[dict] = []
    for kind in KINDS:
        if rng.random() >= rate:
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


_ONE = {
    "agency_misspelt": _agency,
    "fiscal_year_off": _fiscal_year,
    "month_as_digits": _month,
    "year_extra_digit": _year,
    "word_misspelt": _word,
}
