"""The stages for one input, in order: ingest -> OCR/layout (pages in parallel) -> clean -> extract.

Scans and transcripts meet at ``Page`` (text lines plus tables), so clean-up and extraction are
shared by both paths.
"""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path

from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.errors import NoTextFound
from ocr_pipeline.extract.document import extract_result
from ocr_pipeline.ingest import InputFile
from ocr_pipeline.layout.reading_order import transcript_layout
from ocr_pipeline.model import Page, Result, Source
from ocr_pipeline.ocr.page_reader import PageTask, read_page_task


def process(inp: InputFile, executor: Executor | None = None) -> Result:
    """Read, clean and extract one checked input."""
    return clean_and_extract(inp, read_pages(inp, executor))


def clean_and_extract(inp: InputFile, pages: list[Page]) -> Result:
    """The whole-document stages on pages already read; raises NoTextFound for a blank input."""
    if not any(p.raw_text.strip() for p in pages):
        raise NoTextFound("no text found on any page")
    source = Source(path=str(inp.path), sha256=inp.sha256, kind=inp.kind, pages=len(pages))
    return build_result(source, pages)


def read_pages(inp: InputFile, executor: Executor | None) -> list[Page]:
    """Pages of the input as OCR text and tables (transcripts are parsed, scans are read)."""
    if inp.kind == "transcript":
        from ocr_pipeline.ingest.transcript import read_transcript

        pages = []
        for tp in read_transcript(inp.path):
            lines, tables = transcript_layout(tp)
            pages.append(Page(number=tp.number, raw_text=tp.text, text=tp.text, lines=lines, tables=tables))
        return pages
    tasks = [PageTask(Path(inp.path), inp.kind, n) for n in range(1, inp.pages + 1)]
    if executor is None or len(tasks) == 1:
        return [read_page_task(t) for t in tasks]
    return list(executor.map(read_page_task, tasks))


def build_result(source: Source, pages: list[Page]) -> Result:
    """Clean-up and extraction over the whole document."""
    warnings: list[str] = []
    corrections = []
    for page in pages:
        if not page.raw_text.strip():
            warnings.append(f"page {page.number}: no text found (blank page or unreadable scan)")
        warnings.extend(page.warnings)
        corrections.extend(page.corrections)
        normalize_page(page)
    result = extract_result(source, pages)
    result.corrections[:0] = corrections
    result.warnings[:0] = warnings
    return result


def normalize_page(page: Page) -> None:
    """Thai Unicode normalisation of the page text and every cell (raw text is kept as read)."""
    page.text = normalize_thai(page.text)
    for table in page.tables:
        for cell in table.cells:
            cell.text = normalize_thai(cell.text)
    for line in page.lines:
        line.text = normalize_thai(line.text)
