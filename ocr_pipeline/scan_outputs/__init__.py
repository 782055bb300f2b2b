"""What an archivist keeps and checks beside the data: the scan made searchable (``<stem>.ocr.pdf``)
and a review page of the clean-up (``<stem>.review.html``).

Both are built at export time from the ``Result``: the pages' word boxes (in the prepared image's
pixels, mapped back with ``PageGeometry``), the cleaned text of every line and cell, and the
corrections; the page images are read again from the input file, never kept across workers.
"""

from __future__ import annotations

import time

from ocr_pipeline.model import Result
from ocr_pipeline.warning_text import warning


def archive_files(result: Result, stem: str, pdf: bool = True, review: bool = True) -> dict[str, bytes | str]:
    """``{file name: content}`` of the searchable PDF (scans only) and the review page. The
    warnings met making them are added to ``result.warnings``: a file that cannot be made (the
    input cannot be read again, or pikepdf cannot open a PDF that poppler could) is left out with
    a warning, and the data files are written all the same."""
    from ocr_pipeline.scan_outputs.pieces import page_items
    from ocr_pipeline.scan_outputs.places import locate_all

    started = time.perf_counter()
    items = {p.number: page_items(p) for p in result.pages}
    files: dict[str, bytes | str] = {}
    warnings = result.warnings
    if pdf and any(p.geometry for p in result.pages):
        from ocr_pipeline.scan_outputs.searchable_pdf import searchable_pdf

        try:
            files[f"{stem}.ocr.pdf"], notes = searchable_pdf(result, items)
            warnings += notes
        except _EXPECTED as exc:
            warnings.append(warning("searchable PDF", f"{exc.__class__.__name__}: {exc}", "not written"))
        result.seconds["searchable_pdf"] = time.perf_counter() - started
        started = time.perf_counter()
    if review:
        from ocr_pipeline.scan_outputs.review_page import review_page

        places = locate_all(result.corrections, [it for page in items.values() for it in page])
        try:
            files[f"{stem}.review.html"] = review_page(result, items, places, stem)
        except _EXPECTED as exc:
            warnings.append(warning("review page", f"{exc.__class__.__name__}: {exc}", "not written"))
        result.seconds["review_page"] = time.perf_counter() - started
    return files


def _expected_errors() -> tuple[type[BaseException], ...]:
    import pikepdf
    from pdf2image.exceptions import PDFPageCountError, PDFSyntaxError
    from PIL import UnidentifiedImageError

    from ocr_pipeline.errors import PipelineError

    return (OSError, pikepdf.PdfError, PDFPageCountError, PDFSyntaxError, UnidentifiedImageError, PipelineError)


_EXPECTED = _expected_errors()
