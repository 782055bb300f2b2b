"""What a synthetic ITA report says: agency, memo fields, signatories and the measure table.

Everything is drawn from one ``random.Random``; nothing here knows about pixels.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import geothai
from pythainlp.corpus import provinces as _pythainlp_provinces
from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from ocr_pipeline.resources import load_list, load_table
from ocr_pipeline.synth import grammar
from ocr_pipeline.synth.thaidate import (
    fiscal_bounds,
    format_date,
    period_cell,
    period_sentence,
    random_day,
    thai_num,
)

_THAI_WORD = re.compile("^[\u0e01-\u0e4c]+$")


@dataclass
class Agency:
    name: str  # เทศบาลตำบลกกโก
    type: str  # เทศบาลตำบล
    type_abbr: str  # ทต.
    place: str  # กกโก (the subdistrict)
    district: str  # เมืองลพบุรี
    province: str  # ลพบุรี
    geocode: str  # 160103
    province_abbr: str  # ลบ
    head: str  # นายกเทศมนตรีตำบลกกโก
    chief: str  # ปลัดเทศบาลตำบลกกโก
    kind: str  # เทศบาล | องค์การบริหารส่วนตำบล
    staff_kind: str  # พนักงานเทศบาล | พนักงานส่วนตำบล
    website: str  # www.kokko.go.th


@dataclass
class Signature:
    """A signature block: optional comment line, the "(name)" line, one or two position lines."""

    name: str  # นายวิภาค คงไชย
    position_lines: list[str]
    comment: str | None = None

    @property
    def position(self) -> str:
        return " ".join(self.position_lines)


@dataclass
class StepSpec:
    """One step of a measure: one row of the truth's ``measures``."""

    no: int | None
    label: str  # "๑.๑", "(๒)", "-" or ""
    text: str
    responsible: str
    period_text: str
    period_start: date | None
    period_end: date | None
    result: str


@dataclass
class MeasureSpec:
    no: int
    label: str  # "๑.", "1)", "(๑)", "ข้อ ๑"
    text: str
    steps: list[StepSpec]


@dataclass
class TableRow:
    """One grid row: the measure it belongs to and the steps it carries (two when merged in one cell)."""

    measure: int  # index into Report.measures
    steps: list[int]  # indices into that measure's steps
    first_of_measure: bool

    def cells(self, report: Report) -> list[list[str]]:
        """The five cells as lists of hard-broken paragraphs."""
        m = report.measures[self.measure]
        steps = [m.steps[i] for i in self.steps]
        first = [_join_label(m.label, m.text)] if self.first_of_measure else []
        step_cell = [_join_label(s.label, s.text) for s in steps]
        s0 = steps[0]
        resp = s0.responsible.split("\n")
        return [first, step_cell, resp, [s0.period_text], s0.result.split("\n")]


def _join_label(label: str, text: str) -> str:
    return f"{label} {text}" if label else text


@dataclass
class Report:
    """One synthetic report: memo (page 1) and measure table (landscape pages)."""

    seed: int
    agency: Agency
    division: str
    fiscal_year: int
    six_months: bool
    period_start: date
    period_end: date
    doc_number: str
    doc_date: date
    doc_date_text: str
    subject: str
    round_text: str
    sender_line: str  # value of ส่วนราชการ
    addressee: str
    paragraphs: list[str]
    signatures: list[Signature]
    table_titles: list[str]
    headers: list[str]
    header_breaks: list[list[str]]  # header cells as paragraphs (two-line headers)
    measures: list[MeasureSpec]
    rows: list[TableRow]
    style: dict = field(default_factory=dict)

    @property
    def report_round(self) -> str:
        return "6 months" if self.six_months else "12 months"


# ----------------------------------------------------------------------------- vocabularies


@cache
def _names() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Sorted first names (male, female) and family names: sets are unordered, sorting keeps seeds stable."""
    male = tuple(sorted(n for n in thai_male_names() if _THAI_WORD.match(n) and 3 <= len(n) <= 10))
    female = tuple(sorted(n for n in thai_female_names() if _THAI_WORD.match(n) and 3 <= len(n) <= 10))
    family = tuple(sorted(n for n in thai_family_names() if _THAI_WORD.match(n) and 4 <= len(n) <= 12))
    return male, female, family


@cache
def _province_abbr() -> dict[str, str]:
    return {p["name_th"]: p["abbr_th"] for p in _pythainlp_provinces(details=True)}  # type: ignore[index]


@cache
def _agency_types() -> tuple[tuple[str, str, str, str, float], ...]:
    return tuple((r[0], r[1], r[2], r[3], float(r[4])) for r in load_table("synth/agency_heads.tsv"))


@cache
def _weighted(name: str) -> tuple[tuple[str, ...], tuple[float, ...], tuple[tuple[str, ...], ...]]:
    rows = load_table(name)
    return tuple(r[0] for r in rows), tuple(float(r[-1]) for r in rows), rows


def person_name(rng: random.Random) -> str:
    """'นายวิภาค คงไชย': title, first name and family name."""
    male, female, family = _names()
    if rng.random() < 0.5:
        title = "ว่าที่ร้อยตรี" if rng.random() < 0.05 else "นาย"
        first = rng.choice(male)
    else:
        title = rng.choice(["นาง", "นางสาว"])
        first = rng.choice(female)
    return f"{title}{first} {rng.choice(family)}"


def _website(name_en: str, rng: random.Random) -> str:
    slug = re.sub(r"[^a-z]", "", name_en.lower()) or "local"
    return f"www.{slug}{rng.choice(['', '', 'city', 'local'])}.go.th"


def pick_agency(rng: random.Random) -> Agency:
    """A municipality or SAO named after a real subdistrict (geothai), outside Bangkok."""
    provinces = [p for p in geothai.provinces() if p.code != "10"]
    prov = rng.choice(provinces)
    dist = rng.choice(geothai.districts(prov.code))
    sub = rng.choice(geothai.subdistricts(dist.code))
    types = _agency_types()
    atype, abbr, head, chief, _w = rng.choices(types, weights=[t[4] for t in types])[0]
    name = f"{atype}{sub.name_th}"
    municipal = atype.startswith("เทศบาล")
    return Agency(
        name=name,
        type=atype,
        type_abbr=abbr,
        place=sub.name_th,
        district=dist.name_th,
        province=prov.name_th,
        geocode=sub.code,
        province_abbr=_province_abbr()[prov.name_th],
        head=f"{head}{sub.name_th}",
        chief=f"{chief}{name}",
        kind="เทศบาล" if municipal else "องค์การบริหารส่วนตำบล",
        staff_kind="พนักงานเทศบาล" if municipal else "พนักงานส่วนตำบล",
        website=_website(sub.name_en, rng),
    )


# ----------------------------------------------------------------------------- memo


def _phone(rng: random.Random) -> str:
    area = rng.randint(32, 77)
    a, b = rng.randint(1000, 9999), rng.randint(1000, 9999)
    digits = f"{area}{a}"  # 6 digits after the leading 0
    style = rng.randrange(4)
    if style == 0:
        text = f"๐ {thai_num(digits[:4])} {thai_num(b)}"
    elif style == 1:
        text = f"๐-{thai_num(digits[:4])}-{thai_num(b)}"
    elif style == 2:
        text = f"๐{thai_num(digits[:2])} {thai_num(digits[2:5])} {thai_num(str(digits[5]) + str(b))}"
    else:
        text = f"๐ {thai_num(digits[:4])} {thai_num(b)} ต่อ {thai_num(rng.randint(100, 130))}"
    return rng.choice(["โทร. ", "โทร. ", "โทร "]) + text


def _doc_number(rng: random.Random, abbr: str, arabic: bool) -> str:
    head = rng.randint(50000, 89999)
    tail = rng.choice([rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 2999)])
    return f"{abbr} {thai_num(head, arabic)}/{thai_num(tail, arabic)}"


def _division(rng: random.Random, agency: Agency) -> str:
    options = [
        "สำนักปลัด",
        "สำนักปลัด",
        "สำนักปลัด",
        f"สำนักปลัด{agency.kind}",
        "กองยุทธศาสตร์และงบประมาณ" if agency.kind == "เทศบาล" else "สำนักปลัด",
        "กองคลัง",
    ]
    return rng.choice(options)


def _signatures(rng: random.Random, agency: Agency) -> list[Signature]:
    staff_pos, staff_w, staff_rows = _weighted("synth/staff.tsv")
    row = rng.choices(staff_rows, weights=staff_w)[0]
    ranks = [] if row[1] == "-" else row[1].split(",")
    preparer = row[0] + (rng.choice(ranks) if ranks and rng.random() < 0.8 else "")
    sigs = [Signature(person_name(rng), [preparer])]
    n_blocks = rng.choice([3, 3, 4, 4, 4])
    sup_pos, sup_w, _ = _weighted("synth/supervisors.tsv")
    if n_blocks == 4:
        sup = rng.choices(sup_pos, weights=sup_w)[0]
        sup = sup.replace("{agency_type_short}", agency.kind).replace("{agency}", agency.name)
        sigs.append(Signature(person_name(rng), [sup], _comment(rng, 0.5)))
    if rng.random() < 0.1:
        chief_lines = [f"รองปลัด{agency.name}", f"ปฏิบัติหน้าที่{agency.chief}"]
    elif rng.random() < 0.15:
        chief_lines = ["ปลัด" + agency.kind]
    else:
        chief_lines = [agency.chief]
    sigs.append(Signature(person_name(rng), chief_lines, _comment(rng, 0.5)))
    if n_blocks >= 3 and len(sigs) < n_blocks:
        head_lines = [agency.head]
        sigs.append(Signature(person_name(rng), head_lines, _comment(rng, 0.8)))
    return sigs


def _comment(rng: random.Random, p: float) -> str | None:
    return grammar.choose(rng, "memo.comment") if rng.random() < p else None


# ----------------------------------------------------------------------------- table

_MEASURE_STYLES = {
    # measure label format -> allowed step label formats
    "dot": ("{m}.", ("{m}.{s}", "({s})", "{s})")),
    "paren_ar": ("{M})", ("{M}.{S}", "({S})")),
    "paren": ("({m})", ("{m}.{s}", "{s})")),
    "kho": ("ข้อ {m}", ("{m}.{s}", "({s})", "{s})")),
    "close": ("{m})", ("{m}.{s}", "({s})")),
}


def _label(fmt: str, m: int, s: int = 0) -> str:
    return fmt.format(m=thai_num(m), s=thai_num(s), M=m, S=s)


def _responsible(rng: random.Random, topic: str, doc_units: list[str]) -> str:
    r = rng.random()
    if grammar.has_symbol(f"{topic}.unit") and r < 0.55:
        return grammar.choose(rng, f"{topic}.unit")
    if r < 0.65:
        return rng.choice(["ทุกส่วนราชการ", "ทุกกอง/สำนัก", "ทุกส่วนราชการ"])
    if r < 0.78:
        a, b = rng.sample(doc_units, 2)
        return rng.choice([f"{a}/{b}", f"{a}\n{b}", f"{a} และ{b}"])
    return rng.choice(doc_units)


def _result(rng: random.Random, topic: str, builtins: dict) -> str:
    r = rng.random()
    if r < 0.18:
        return grammar.expand(rng, grammar.choose(rng, "result.short"), builtins)
    text, _ = grammar.generate(rng, f"{topic}.result", builtins)
    if r > 0.7:
        text += " " + grammar.expand(rng, grammar.choose(rng, "result.tail"), builtins)
    if r > 0.92:
        extra, _ = grammar.generate(rng, f"{topic}.result", builtins)
        text = text + ("\n" if rng.random() < 0.5 else " ") + extra
    return text


def _measures(
    rng: random.Random, report_builtins: dict, agency: Agency, fy: int, start: date, end: date, style: dict
) -> list[MeasureSpec]:
    n_measures = rng.choices([3, 4, 5, 6, 7, 8], weights=[3, 5, 5, 4, 2, 1])[0]
    topics = rng.sample(grammar.topics(), n_measures)
    m_fmt, step_fmts = _MEASURE_STYLES[style["measure_style"]]
    s_fmt = rng.choice(step_fmts)
    style["step_style"] = s_fmt
    units = [u for u in load_list("units.txt") if not u.startswith(("สำนักปลัดองค์การ", "ศูนย์พัฒนา"))]
    doc_units = rng.sample(units, 6)
    doc_units[0] = "สำนักปลัด"
    arabic = style["arabic_digits"]
    shared_period = period_cell(rng, fy, start, end, arabic) if rng.random() < 0.35 else None
    out = []
    for mi, topic in enumerate(topics, start=1):
        mtext, _ = grammar.generate(rng, f"{topic}.measure", report_builtins)
        n_steps = rng.choices([1, 2, 3, 4], weights=[3, 4, 2, 1])[0]
        used: set[str] = set()
        steps = []
        bullets = style["bullet_steps"]
        for si in range(1, n_steps + 1):
            stext, raw = grammar.generate(rng, f"{topic}.step", report_builtins, exclude=used)
            used.add(raw)
            if bullets:
                label, no = ("-" if rng.random() < 0.7 else ""), None
            else:
                label, no = _label(s_fmt, mi, si), si
            ptext, p0, p1 = shared_period or period_cell(rng, fy, start, end, arabic)
            steps.append(
                StepSpec(
                    no,
                    label,
                    stext,
                    _responsible(rng, topic, doc_units),
                    ptext,
                    p0,
                    p1,
                    _result(rng, topic, report_builtins),
                )
            )
        out.append(MeasureSpec(mi, _label(m_fmt, mi), mtext, steps))
    return out


def _rows(rng: random.Random, measures: list[MeasureSpec]) -> list[TableRow]:
    rows = []
    for mi, m in enumerate(measures):
        i = 0
        while i < len(m.steps):
            pair = i + 1 < len(m.steps) and rng.random() < 0.1
            idx = [i, i + 1] if pair else [i]
            rows.append(TableRow(mi, idx, i == 0))
            i += len(idx)
    return rows


def _headers(rng: random.Random, round_text: str, two_line: bool) -> tuple[list[str], list[list[str]]]:
    """Header wordings, and each header as rendered paragraphs (set on two lines when ``two_line``)."""
    rows = load_table("synth/table_headers.tsv")
    texts, breaks = [], []
    for col in "12345":
        cands = [r for r in rows if r[0] == col]
        text = rng.choices([r[1] for r in cands], weights=[float(r[2]) for r in cands])[0]
        text = text.replace("{round}", round_text)
        texts.append(text)
        breaks.append(_header_lines(text) if two_line else [text])
    return texts, breaks


def _header_lines(text: str) -> list[str]:
    """'ขั้นตอน/วิธีการดำเนินการ' -> ['ขั้นตอน/', 'วิธีการดำเนินการ']; 'ระยะเวลาดำเนินการ' -> ['ระยะเวลา', 'ดำเนินการ']."""
    if "(" in text:
        a, b = text.split("(", 1)
        return [a.rstrip(), "(" + b]
    if "/" in text:
        a, b = text.split("/", 1)
        return [a.rstrip() + "/", b.lstrip()]
    for word in ("ดำเนินการ", "ดำเนินงาน", "ที่รับผิดชอบ"):
        i = text.find(word)
        if i > 0:
            return [text[:i], text[i:]]
    return [text]


# ----------------------------------------------------------------------------- report


def make_report(seed: int) -> Report:
    """Draw one complete report from ``seed``."""
    rng = random.Random(seed)
    agency = pick_agency(rng)
    fy = rng.randint(2560, 2569)
    six = rng.random() < 0.6
    fy_start, fy_end = fiscal_bounds(fy)
    start, end = fy_start, (date(fy_end.year, 3, 31) if six else fy_end)
    if six:
        doc_date = random_day(rng, date(end.year, 4, 1), date(end.year, 5, 31))
    else:
        doc_date = random_day(rng, date(end.year, 10, 1), date(end.year, 11, 30))
    style: dict[str, Any] = {
        "arabic_digits": rng.random() < 0.06,
        "measure_style": rng.choices(list(_MEASURE_STYLES), weights=[6, 1, 2, 2, 2])[0],
        "bullet_steps": rng.random() < 0.05,
        "date_style": rng.choices(["full", "full_be", "abbr"], weights=[6, 2, 2])[0],
    }
    round_text = "รอบ ๖ เดือน" if six else rng.choice(["รอบ ๑๒ เดือน", "รอบ ๑๒ เดือน", "รอบ ๑๒ เดือน (ประจำปี)"])
    division = _division(rng, agency)
    period = period_sentence(start, end, rng.choice([0, 0, 0, 1, 2]))
    builtins: dict[str, Any] = {
        "agency": agency.name,
        "agency_kind": agency.kind,
        "staff_kind": agency.staff_kind,
        "fy": thai_num(fy),
        "round": round_text,
        "period": period,
        "division": division,
        "district": agency.district,
        "province": agency.province,
        "website": agency.website,
        "n": lambda r: thai_num(r.randint(1, 12)),
        "n2": lambda r: thai_num(r.randint(2, 60)),
        "n3": lambda r: thai_num(r.randint(20, 450)),
        "pct": lambda r: thai_num(r.randint(75, 100)),
        "date": lambda r: format_date(random_day(r, start, min(end, doc_date)), r.choice(["full", "abbr"])),
    }
    subject, _ = grammar.generate(rng, "memo.subject", builtins)
    paragraphs = [grammar.generate(rng, f"memo.p{i}", builtins)[0] for i in (1, 2, 3)]
    if rng.random() < 0.35:  # two paragraphs only: the request joins the report paragraph
        paragraphs = [paragraphs[0], paragraphs[1] + " " + paragraphs[2]]
    phone = _phone(rng)
    sender = f"{division} {agency.name} อำเภอ{agency.district} จังหวัด{agency.province} {phone}"
    if rng.random() < 0.2:
        sender = f"{division} {agency.name} อ.{agency.district} จ.{agency.province} {phone}"
    titles = grammar.expand(rng, grammar.choose(rng, "table.title"), builtins).split(" // ")
    style["header_two_line"] = rng.random() < 0.3
    headers, header_breaks = _headers(rng, round_text, style["header_two_line"])
    measures = _measures(rng, builtins, agency, fy, start, end, style)
    return Report(
        seed=seed,
        agency=agency,
        division=division,
        fiscal_year=fy,
        six_months=six,
        period_start=start,
        period_end=end,
        doc_number=_doc_number(rng, agency.province_abbr, style["arabic_digits"]),
        doc_date=doc_date,
        doc_date_text=format_date(doc_date, style["date_style"]),
        subject=subject,
        round_text=round_text,
        sender_line=sender,
        addressee=agency.head,
        paragraphs=paragraphs,
        signatures=_signatures(rng, agency),
        table_titles=titles,
        headers=headers,
        header_breaks=header_breaks,
        measures=measures,
        rows=_rows(rng, measures),
        style=style,
    )
