"""Document-level extraction: the measure tables' structure, then the whole document's evidence
(places, dates, vocabulary, names) resolved once and written back to every line and cell, then
the memo fields, signatories and measure rows read from the repaired text."""

from __future__ import annotations

import time

from ocr_pipeline.clean.agency import resolve_places
from ocr_pipeline.clean.dates import date_word_spellings
from ocr_pipeline.clean.doc_number import repair_doc_number
from ocr_pipeline.clean.lexicon import (
    Change,
    apply_changes,
    repair_heading,
    repair_position,
    repair_units,
    repair_words,
    to_corrections,
)
from ocr_pipeline.clean.names import fix_title, resolve_names
from ocr_pipeline.extract.measures import infer_borderless_tables, measure_tables, rows_to_measures
from ocr_pipeline.extract.memo import header_fields, split_label
from ocr_pipeline.extract.periods import (
    DateContext,
    report_round,
    rewrite_fiscal_mentions,
    settle_dates,
    writes_thai_digits,
)
from ocr_pipeline.extract.signatures import despeck, find_signatories, name_groups
from ocr_pipeline.extract.text_items import ROLE_OF_LABEL, TextItem, collect_items
from ocr_pipeline.layout.reading_order import page_text
from ocr_pipeline.model import Correction, Document, Page, Result, Signatory, Source
from ocr_pipeline.resources import load_list

# how the date repair models the digits it reads: "auto" judges each mention (a string the digit
# reader did not re-read is stock Tesseract, which cannot write ๔ ๖ ๗ ๘ ๙). On the dev corpus "auto"
# settles the report period in 80 % of documents, "full" (trust every digit) in 60 %.
DATE_READER = "auto"


class Findings:
    """Corrections and warnings gathered across the steps, in order."""

    def __init__(self) -> None:
        self.corrections: list[Correction] = []
        self.warnings: list[str] = []

    def correct(self, page, field: str, before: str, after: str, rule: str, score: float) -> None:
        if before != after:
            self.corrections.append(Correction(page, field, before, after, rule, round(float(score), 1)))


def extract_result(source: Source, pages: list[Page]) -> Result:
    found = Findings()
    clock = _Clock()
    found.warnings += infer_borderless_tables(pages)
    tables = [t for p in pages for t in p.tables]
    measure_rows, other_tables, table_warnings = measure_tables(tables)
    found.warnings += table_warnings
    cell_roles = {id(tr.table): tr.cmap.columns for tr in measure_rows}
    items = collect_items(pages, cell_roles, _line_roles(pages))
    clock.lap("tables")

    places = resolve_places([(it.page, f"{it.role}#{it.key}", it.text) for it in items])
    _apply_places(places, items, found)
    clock.lap("places")
    _apply_lexicon(items, _header_cells(measure_rows), found)
    _recompose(pages)
    clock.lap("lexicon")

    doc = Document(
        agency=places.agency,
        agency_type=places.agency_type,
        subdistrict=places.subdistrict,
        district=places.district,
        province=places.province,
        geocode=places.geocode,
    )
    found.warnings += places.warnings
    hits = header_fields(pages)
    doc.division = _division(hits["division"].value) if "division" in hits else None
    if doc.division:
        unit, changes = repair_units(doc.division)
        for c in to_corrections(changes, hits["division"].page, "document.division"):
            found.correct(c.page, c.field, c.before, c.after, c.rule, c.score)
        doc.division = unit
    doc.subject = hits["subject"].value if "subject" in hits else None
    if doc.subject:  # its lines were repaired one by one: a word cut by the wrap is whole here
        doc.subject, changes = repair_words(doc.subject)
        for c in to_corrections(changes, hits["subject"].page, "document.subject"):
            found.correct(c.page, c.field, c.before, c.after, c.rule, c.score)
    doc.addressee = hits["addressee"].value if "addressee" in hits else None
    if "doc_number" in hits:
        hit = hits["doc_number"]
        doc.doc_number, fixes, warns = repair_doc_number(
            hit.value, places.province, province_confident=places.province_confident, page=hit.page
        )
        found.corrections += fixes
        found.warnings += warns
        unclear = _unclear_number(doc.doc_number, next((p for p in pages if p.number == hit.page), None))
        if unclear:
            found.warnings.append(
                f"page {hit.page}: document.doc_number: the digits of '{doc.doc_number}' are "
                f"unclear (the digit reader could not read '{unclear}'); left empty"
            )
            doc.doc_number = None
    clock.lap("memo")
    doc.signatories = _signatories(pages, found)
    clock.lap("names")

    measures, row_warnings, row_fixes = rows_to_measures(measure_rows)
    found.warnings += row_warnings
    found.corrections += row_fixes
    clock.lap("measures")

    date_hit = hits.get("doc_date")
    dates = settle_dates(
        pages,
        DateContext(doc.subject, date_hit.value if date_hit else None, date_hit.page if date_hit else None),
        measures,
        reader=DATE_READER,
    )
    found.corrections += dates.corrections
    found.warnings += dates.warnings
    doc.fiscal_year_be = dates.fiscal_year_be
    doc.period_start = dates.period_start.isoformat() if dates.period_start else None
    doc.period_end = dates.period_end.isoformat() if dates.period_end else None
    doc.doc_date = dates.doc_date.isoformat() if dates.doc_date else None
    doc.report_round = report_round(dates.period_start, dates.period_end)
    _apply_date_fixes(dates, doc, pages, found)
    clock.lap("dates")
    for name in ("agency", "doc_number", "doc_date", "subject", "fiscal_year_be", "period_start", "period_end"):
        if getattr(doc, name) is None:
            found.warnings.append(f"document.{name}: no evidence in the document, left empty")
    return Result(
        source=source,
        document=doc,
        measures=measures,
        corrections=found.corrections,
        warnings=found.warnings,
        pages=pages,
        tables=other_tables,
        seconds=clock.seconds,
    )


class _Clock:
    """Seconds spent in each clean-up stage (the benchmark reports them)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


def _line_roles(pages: list[Page]) -> dict[int, str]:
    """Role of each page line: a labelled memo header line, a signature position, or body text."""
    roles: dict[int, str] = {}
    for page in pages:
        lines = page.lines
        for i, line in enumerate(lines):
            labels = split_label(line.text)
            if labels:
                roles[id(line)] = ROLE_OF_LABEL.get(labels[0][0], "body")
            elif name_groups(line.text) and i + 1 < len(lines):
                roles[id(lines[i + 1])] = "position"
        if page.tables and lines:
            top = min(t.box[1] for t in page.tables if t.box) if any(t.box for t in page.tables) else 0
            for line in lines:
                if line.box[1] < top and id(line) not in roles:
                    roles[id(line)] = "title"
    return roles


def _apply_places(places, items: list[TextItem], found: Findings) -> None:
    """Write the gazetteer's rewrites back into lines and cells, as audited corrections."""
    by_name = {f"{it.role}#{it.key}": it for it in items}
    for c in places.corrections:
        item = by_name.get(c.field)
        field = item.audit_field if item else c.field
        found.correct(c.page, field, c.before, c.after, c.rule, c.score)
    for name, item in by_name.items():
        new = places.apply(item.page, name, item.text)
        if new != item.text:
            item.text = new


LEXICON_BY_ROLE = {
    # the ส่วนราชการ line holds the agency and address too: words here, the unit part below
    "table.responsible": "units",
    "header.division": "words",
    "position": "position",
    "table.measure": "words",
    "table.step": "words",
    "table.result": "words",
    "subject": "words",
    "title": "words",
    "body": "words",
}


def _header_cells(measure_rows) -> set[int]:
    """ids of the cells of header rows (first and repeated) of the measure tables."""
    ids = set()
    for tr in measure_rows:
        body = set(tr.rows)
        ids.update(id(c) for c in tr.table.cells if c.row not in body)
    return ids


# where month names and period words are respelt (the date parser reads them either way)
DATE_WORD_ROLES = ("table.period_text", "header.doc_date", "subject", "body")


def _respell_date_words(text: str) -> tuple[str, list[Change]]:
    """Garbled month names and period words written right (rule "date-words")."""
    changes = [Change(s, e, a, b, 90.0, "date-words") for s, e, a, b in date_word_spellings(text)]
    return apply_changes(text, changes), changes


def _apply_lexicon(items: list[TextItem], header_cells: set[int], found: Findings) -> None:
    """Report vocabulary: units and positions as closed sets, headings whole, words in free text;
    month names and period words in the text that holds dates."""
    for item in items:
        if not item.text.strip():
            continue
        if item.role in DATE_WORD_ROLES and id(item.target) not in header_cells:
            item.text, changes = _respell_date_words(item.text)
            for c in to_corrections(changes, item.page, item.audit_field):
                found.correct(c.page, c.field, c.before, c.after, c.rule, c.score)
        if id(item.target) in header_cells:
            new, _field, changes = repair_heading(item.text)
        else:
            kind = LEXICON_BY_ROLE.get(item.role)
            if kind == "units":
                new, changes = repair_units(item.text)
            elif kind == "position":
                fixed = repair_position(item.text)
                new, changes = fixed.text, fixed.changes
            elif kind == "words":
                new, changes = repair_words(item.text)
            else:
                continue
        for c in to_corrections(changes, item.page, item.audit_field):
            found.correct(c.page, c.field, c.before, c.after, c.rule, c.score)
        item.text = new


def _signatories(pages: list[Page], found: Findings) -> list[Signatory]:
    """Signature blocks, with each name checked against its other mentions and name lists."""
    blocks = find_signatories(pages)
    for s, page in blocks:
        for attr in ("name", "position"):
            before = getattr(s, attr)
            after = despeck(before) or None
            if before and after != before:
                found.correct(page, "document.signatories", before, after or "", "speck", 90.0)
                setattr(s, attr, after)
        titled = fix_title(s.name)
        found.correct(page, "document.signatories", s.name, titled, "name", 90.0)
        s.name = titled
    names, fixes, warnings = resolve_names([(page, "document.signatories", s.name) for s, page in blocks])
    found.corrections += fixes
    found.warnings += warnings
    return [Signatory(name=name, position=s.position) for (s, _page), name in zip(blocks, names)]


def _apply_date_fixes(dates, doc: Document, pages: list[Page], found: Findings) -> None:
    """Write repaired date texts back into the subject and the lines that hold them; then make
    the fiscal year and round written in the subject and titles agree with the settled values."""
    for c in dates.corrections:
        if c.field == "document.subject" and doc.subject:
            doc.subject = doc.subject.replace(c.before, c.after)
        for page in pages:
            if c.page not in (None, page.number):
                continue
            for line in page.lines:
                if c.before in line.text:
                    line.text = line.text.replace(c.before, c.after)
            for table in page.tables:
                for cell in table.cells:
                    if c.field == "measures.period_text" and cell.text.strip() == c.before:
                        cell.text = c.after
    months = {"6 months": 6, "12 months": 12}.get(doc.report_round or "")
    thai = writes_thai_digits([p.text for p in pages])
    if doc.subject:
        fixed = rewrite_fiscal_mentions(doc.subject, doc.fiscal_year_be, months, thai)
        found.correct(1, "document.subject", doc.subject, fixed, "fiscal-consistency", 80.0)
        doc.subject = fixed
    for page in pages:
        for line in page.lines:
            fixed = rewrite_fiscal_mentions(line.text, doc.fiscal_year_be, months, thai)
            found.correct(page.number, "pages.text", line.text, fixed, "fiscal-consistency", 80.0)
            line.text = fixed
    _recompose(pages)


def _recompose(pages: list[Page]) -> None:
    for page in pages:
        page.text = page_text(page.lines, page.tables)


def _unclear_number(value: str | None, page: Page | None) -> str | None:
    """The digit reader's flagged text whose digits the value's number is made of, if any: the OCR's own
    digits there are a guess (stock Tesseract cannot write ๔ ๖ ๗ ๘ ๙)."""
    if not value or page is None:
        return None
    have = _digits(value)
    for text in page.unclear_digits:
        digits = _digits(text)
        if len(digits) >= 3 and digits in have:
            return text
    return None


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _division(value: str) -> str | None:
    """The unit part of the ส่วนราชการ line: a unit of ``units.txt`` it starts with as a word of its own
    (``สำนักปลัดองค์การบริหารส่วนตำบล องค์การ…``), else what comes before the agency's name."""
    units = [u for u in load_list("units.txt") if value.startswith(u) and value[len(u) : len(u) + 1] in ("", " ")]
    if units:
        return max(units, key=len)
    for marker in ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "องค์การบริหารส่วน", "อบต", "ทต.", "ทม."):
        at = value.find(marker)
        if at > 0:
            return value[:at].strip() or None
    return value.split()[0] if value.split() else None
