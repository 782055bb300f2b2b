"""The whole flow for one input, stage by stage; each stage takes values and returns new ones.

    ingest ─► read (OCR + layout, pages in parallel) ─► normalise ─► understand (roles)
      ─► resolve + apply: places, vocabulary ─► resolve + apply: dates, fiscal mentions
      ─► extract (fields, signatories, measure rows) ─► assemble the result ─► export (cli)

Scans and transcripts meet at ``Page`` (text lines plus tables), so everything after reading is
shared by both paths. Corrections name the item and span they change (``document_text``).
"""

from __future__ import annotations

import time
from concurrent.futures import Executor
from dataclasses import replace
from datetime import date
from pathlib import Path

from ocr_pipeline.clean.dates import reading_on
from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.document_text import DocText, apply_corrections, collect_items, pages_with_text
from ocr_pipeline.errors import NoTextFound
from ocr_pipeline.extract.document import REQUIRED_FIELDS, Extracted, extract, extract_memo, measure_rows_of
from ocr_pipeline.ingest import InputFile
from ocr_pipeline.layout.borderless import infer_borderless_tables
from ocr_pipeline.layout.reading_order import transcript_layout
from ocr_pipeline.model import Correction, Page, Result, Source
from ocr_pipeline.ocr.page_reader import PageTask, read_page_task
from ocr_pipeline.resolve.dates import SettledDates, certain_lines, report_round, resolve_dates
from ocr_pipeline.resolve.fiscal import FISCAL_SCORE, resolve_fiscal_mentions, wrapped_round
from ocr_pipeline.resolve.places import resolve_places
from ocr_pipeline.resolve.vocabulary import resolve_vocabulary
from ocr_pipeline.understand import Roles, understand
from ocr_pipeline.understand.cell_noise import cell_noise_corrections
from ocr_pipeline.understand.dashes import dash_corrections
from ocr_pipeline.understand.marks_rows import marks_row_corrections

ROUND_MONTHS = {"6 months": 6, "12 months": 12}


def process(inp: InputFile, executor: Executor | None = None, today: date | None = None) -> Result:
    """Read, clean and extract one checked input (``today``: the reading date, default the system's)."""
    return clean_and_extract(inp, read_pages(inp, executor), today)


def read_pages(inp: InputFile, executor: Executor | None) -> list[Page]:
    """Pages of the input as OCR text and tables (transcripts are parsed, scans are read)."""
    if inp.kind == "transcript":
        from ocr_pipeline.ingest.transcript import read_transcript

        pages = []
        for tp in read_transcript(inp.path):
            lines, tables = transcript_layout(tp)
            pages.append(Page(number=tp.number, raw_text=tp.text, text=tp.text, lines=lines, tables=tables))
        return pages
    tasks = page_tasks(inp)
    if executor is None or len(tasks) == 1:
        return [read_page_task(t) for t in tasks]
    return list(executor.map(read_page_task, tasks))


def page_tasks(inp: InputFile) -> list[PageTask]:
    """One task per page of a scanned input (the unit of parallel and cached work)."""
    return [PageTask(Path(inp.path), inp.kind, n) for n in range(1, inp.pages + 1)]


def clean_and_extract(inp: InputFile, pages: list[Page], today: date | None = None) -> Result:
    """The whole-document stages on pages already read; raises NoTextFound for a blank input."""
    if not any(p.raw_text.strip() for p in pages):
        raise NoTextFound("no text found on any page")
    source = Source(path=str(inp.path), sha256=inp.sha256, kind=inp.kind, pages=len(pages))
    return build_result(source, pages, today)


def build_result(source: Source, pages: list[Page], today: date | None = None) -> Result:
    """Clean-up and extraction over the whole document; no date is read as after ``today``."""
    with reading_on(today):
        return _build_result(source, pages)


def _build_result(source: Source, pages: list[Page]) -> Result:
    clock = _Clock()
    read_warnings = [w for p in pages for w in _read_warnings(p)]
    read_fixes = [c for p in pages for c in p.corrections]

    pages = [normalise_page(p) for p in pages]
    pages, layout_warnings = infer_borderless_tables(pages)
    pages, roles, table_warnings = understand(pages)
    doc = collect_items(pages, roles.cell_roles(), roles.lines)
    cell_noise = cell_noise_corrections(pages, doc)  # specks read as a line in a cell
    cell_noise += marks_row_corrections(pages, doc)  # a line's marks read as a line of their own
    doc = apply_corrections(doc, cell_noise)
    dashes = dash_corrections(pages, doc)  # an en dash read as a hyphen
    doc = apply_corrections(doc, dashes)
    clock.lap("tables")

    places, place_fixes = resolve_places(doc)
    doc = apply_corrections(doc, place_fixes)
    clock.lap("places")
    word_fixes = resolve_vocabulary(doc, _header_cell_keys(roles))
    doc = apply_corrections(doc, word_fixes)
    clock.lap("lexicon")

    dates, doc = _resolve_dates(doc, pages, roles)
    clock.lap("dates")
    fields = extract(pages_with_text(pages, doc), roles, places)
    clock.lap("extract")
    _settle_fields(fields, dates)

    final = pages_with_text(pages, doc)
    corrections = read_fixes + cell_noise + dashes + place_fixes + word_fixes + fields.corrections + dates.corrections
    warnings = read_warnings + layout_warnings + table_warnings + places.warnings + fields.warnings
    warnings += dates.warnings
    warnings += [
        f"document.{name}: no evidence in the document, left empty"
        for name in REQUIRED_FIELDS
        if getattr(fields.document, name) is None
    ]
    return Result(
        source=source,
        document=fields.document,
        measures=fields.measures,
        corrections=corrections,
        warnings=warnings,
        pages=final,
        tables=list(roles.other_tables),
        seconds=clock.seconds,
    )


def _read_warnings(page: Page) -> list[str]:
    blank = [] if page.raw_text.strip() else [f"page {page.number}: no text found (blank page or unreadable scan)"]
    return blank + list(page.warnings)


def normalise_page(page: Page) -> Page:
    """Thai Unicode normalisation of the page text and every line and cell (raw text is kept as read)."""
    return replace(
        page,
        text=normalize_thai(page.text),
        lines=[replace(ln, text=normalize_thai(ln.text)) for ln in page.lines],
        tables=[replace(t, cells=[replace(c, text=normalize_thai(c.text)) for c in t.cells]) for t in page.tables],
    )


def _header_cell_keys(roles: Roles) -> set[str]:
    return {f"p{page}.t{t}.r{row}.c{col}" for page, t, row, col in roles.header_cells()}


def _resolve_dates(doc: DocText, pages: list[Page], roles: Roles) -> tuple[SettledDates, DocText]:
    """Settle the dates from the memo's fields and the measure periods as the text now reads, make
    the repairs, then make the fiscal year and round written in the lines agree."""
    current = pages_with_text(pages, doc)
    hits, subject = extract_memo(current)
    dates = resolve_dates(doc, current, hits, subject, measure_rows_of(current, roles))
    doc = apply_corrections(doc, dates.corrections)
    start, end = dates.repair.period_start, dates.repair.period_end
    months = ROUND_MONTHS.get(report_round(start, end) or "")
    fiscal, kept = resolve_fiscal_mentions(doc, dates.repair.fiscal_year_be, months, certain_lines(pages))
    dates.corrections = dates.corrections + fiscal
    dates.repair.warnings += kept
    return dates, apply_corrections(doc, fiscal)


def _settle_fields(fields: Extracted, dates: SettledDates) -> None:
    """The settled dates into the document and each measure row's period."""
    doc, repair = fields.document, dates.repair
    doc.fiscal_year_be = repair.fiscal_year_be
    doc.period_start = repair.period_start.isoformat() if repair.period_start else None
    doc.period_end = repair.period_end.isoformat() if repair.period_end else None
    doc.doc_date = repair.doc_date.isoformat() if repair.doc_date else None
    doc.report_round = report_round(repair.period_start, repair.period_end)
    if doc.subject:  # a round number lost at the subject's wrap
        doc.subject, written = wrapped_round(doc.subject, ROUND_MONTHS.get(doc.report_round or ""))
        page = fields.hits["subject"].page if "subject" in fields.hits else None
        fields.corrections += [
            Correction(page, "document.subject", before, after, "fiscal-consistency", FISCAL_SCORE)
            for before, after in written
        ]
    for m in fields.measures:
        found = dates.periods.get(m.period_text)
        if found is not None:
            start, end, _text = found
            m.period_start = start.isoformat() if start else None
            m.period_end = end.isoformat() if end else None


class _Clock:
    """Seconds spent in each clean-up stage (the benchmark reports them)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now
