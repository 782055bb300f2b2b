"""Extract: the memo's fields, its signatories and the measure rows, read from the cleaned pages.

Field values get their own last clean-ups here, recorded like any other correction: the unit part
of the ส่วนราชการ line, the subject's words across its line wraps, the document number's prefix,
signatories' names against their other mentions, measure and step numbers from their sequence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ocr_pipeline.clean.agency import PlaceResolution
from ocr_pipeline.clean.doc_number import repair_doc_number
from ocr_pipeline.clean.lexicon import repair_units, repair_words, to_corrections
from ocr_pipeline.clean.names import fix_title, resolve_names
from ocr_pipeline.extract.measures import rows_to_measures
from ocr_pipeline.extract.memo import FieldHit, header_fields
from ocr_pipeline.extract.signatures import despeck, find_signatories
from ocr_pipeline.model import Correction, Document, Measure, Page, Signatory
from ocr_pipeline.resources import load_list
from ocr_pipeline.understand import Roles
from ocr_pipeline.understand.tables import TableRows
from ocr_pipeline.warning_text import warning

SPECK_SCORE = 90.0
TITLE_SCORE = 90.0
REQUIRED_FIELDS = ("agency", "doc_number", "doc_date", "subject", "fiscal_year_be", "period_start", "period_end")


@dataclass
class Extracted:
    """What extraction read, with the corrections and warnings of its own clean-ups."""

    document: Document
    measures: list[Measure]
    hits: dict[str, FieldHit]
    tables: list[TableRows]
    corrections: list[Correction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def measure_rows_of(pages: list[Page], roles: Roles) -> list[TableRows]:
    """The measure tables as they are on these pages (same places, cleaned cells)."""
    by_number = {p.number: p for p in pages}
    return [replace(tr, table=by_number[tr.table.page].tables[tr.index]) for tr in roles.measure_tables]


def extract_memo(pages: list[Page]) -> tuple[dict[str, FieldHit], str | None]:
    """The memo's labelled lines, and the subject's value with its words repaired across wraps
    (what the date resolution reads the fiscal year from)."""
    hits = header_fields(pages)
    subject = hits["subject"].value if "subject" in hits else None
    if subject:
        subject, _changes = repair_words(subject)
    return hits, subject


def extract(pages: list[Page], roles: Roles, places: PlaceResolution) -> Extracted:
    """Document fields (without the dates, which the date resolution settles) and measure rows."""
    doc = Document(
        agency=places.agency,
        agency_type=places.agency_type,
        subdistrict=places.subdistrict,
        district=places.district,
        province=places.province,
        geocode=places.geocode,
    )
    hits = header_fields(pages)
    tables = measure_rows_of(pages, roles)
    out = Extracted(doc, [], hits, tables)
    _division(out)
    _subject(out)
    doc.addressee = hits["addressee"].value if "addressee" in hits else None
    _doc_number(out, pages, places)
    doc.signatories = _signatories(pages, out)
    measures, row_warnings, row_fixes = rows_to_measures(tables)
    out.measures = measures
    out.warnings += row_warnings
    out.corrections += row_fixes
    return out


def _correct(out: Extracted, page: int | None, field_name: str, before: str, after: str, rule: str, score: float):
    if before != after:
        out.corrections.append(Correction(page, field_name, before, after, rule, round(float(score), 1)))


def _division(out: Extracted) -> None:
    hit = out.hits.get("division")
    value = division_unit(hit.value) if hit else None
    if hit and value:
        value, changes = repair_units(value)
        out.corrections += to_corrections(changes, hit.page, "document.division")
    out.document.division = value


def _subject(out: Extracted) -> None:
    """Its lines were repaired one by one: a word cut by the wrap is whole here."""
    hit = out.hits.get("subject")
    value = hit.value if hit else None
    if hit and value:
        value, changes = repair_words(value)
        out.corrections += to_corrections(changes, hit.page, "document.subject")
    out.document.subject = value


def _doc_number(out: Extracted, pages: list[Page], places: PlaceResolution) -> None:
    hit = out.hits.get("doc_number")
    if hit is None:
        return
    number, fixes, warns = repair_doc_number(
        hit.value, places.province, province_confident=places.province_confident, page=hit.page
    )
    out.corrections += fixes
    out.warnings += warns
    unclear = _unclear_number(number, next((p for p in pages if p.number == hit.page), None))
    if unclear:
        out.warnings.append(
            warning(f"page {hit.page} document.doc_number", number, f"digits unclear ('{unclear}' unread); left empty")
        )
        number = None
    out.document.doc_number = number


def _signatories(pages: list[Page], out: Extracted) -> list[Signatory]:
    """Signature blocks, with each name checked against its other mentions and name lists."""
    blocks = []
    for s, page in find_signatories(pages):
        name, position = s.name, s.position
        for attr in ("name", "position"):
            before = name if attr == "name" else position
            after = despeck(before) or None
            if before and after != before:
                _correct(out, page, "document.signatories", before, after or "", "speck", SPECK_SCORE)
                if attr == "name":
                    name = after or ""
                else:
                    position = after
        titled = fix_title(name)
        _correct(out, page, "document.signatories", name, titled, "name", TITLE_SCORE)
        blocks.append((Signatory(titled, position), page))
    names, fixes, warnings = resolve_names([(page, "document.signatories", s.name) for s, page in blocks])
    out.corrections += fixes
    out.warnings += warnings
    return [Signatory(name=name, position=s.position) for (s, _page), name in zip(blocks, names)]


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


def division_unit(value: str) -> str | None:
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
