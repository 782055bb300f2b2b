"""Document-level extraction: memo fields, signatories and measure rows, with the whole
document's evidence (places, dates) resolved once and written back everywhere."""

from __future__ import annotations

from ocr_pipeline.extract.measures import measure_tables, rows_to_measures
from ocr_pipeline.extract.memo import header_fields, signatories
from ocr_pipeline.model import Document, Page, Result, Source


def extract_result(source: Source, pages: list[Page]) -> Result:
    warnings: list[str] = []
    corrections = []
    hits = header_fields(pages)
    doc = Document()
    doc.division = hits["division"].value if "division" in hits else None
    doc.doc_number = hits["doc_number"].value if "doc_number" in hits else None
    doc.subject = hits["subject"].value if "subject" in hits else None
    doc.addressee = hits["addressee"].value if "addressee" in hits else None
    doc.signatories = [s for s, _page in signatories(pages)]

    tables = [t for p in pages for t in p.tables]
    measure_rows, other_tables, table_warnings = measure_tables(tables)
    measures, row_warnings = rows_to_measures(measure_rows)
    warnings += table_warnings + row_warnings
    for name in ("agency", "doc_number", "doc_date", "subject", "fiscal_year_be"):
        if getattr(doc, name) is None:
            warnings.append(f"document.{name}: not found in the document")
    return Result(source=source, document=doc, measures=measures, corrections=corrections,
                  warnings=warnings, pages=pages, tables=other_tables)
