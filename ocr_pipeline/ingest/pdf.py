"""PDF pages rendered with poppler (pdf2image), one page at a time.

Only the page a worker is reading is ever in memory: a 200-page PDF never holds 200 images.
"""

from __future__ import annotations

import re
from pathlib import Path

from pdf2image import convert_from_path, pdfinfo_from_path
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFSyntaxError
from PIL import Image

from ocr_pipeline.errors import CorruptInput, EncryptedInput, OcrEngineMissing
from ocr_pipeline.limits import PageSize

RENDER_DPI = 300
# where the last %%EOF must be: scanners and mail gateways append a few KB after it, which poppler
# ignores; a file cut in half has none in its last megabyte
TAIL_BYTES = 1 << 20


def pdf_page_count(path: Path) -> int:
    """Number of pages; raises a typed error for encrypted, damaged or truncated files."""
    if b"%PDF" not in _read_head(path):
        raise CorruptInput("not a PDF file (no %PDF header)")
    if b"%%EOF" not in _read_tail(path, TAIL_BYTES):
        raise CorruptInput("the PDF is truncated (no %%EOF marker at its end)")
    try:
        info = pdfinfo_from_path(str(path))
    except PDFInfoNotInstalledError as exc:
        raise OcrEngineMissing(
            "poppler (pdfinfo/pdftoppm) is not installed", "install it with: apt-get install poppler-utils"
        ) from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        message = str(exc)
        if re.search(r"password", message, re.I):
            raise EncryptedInput("the PDF is encrypted with a password") from exc
        raise CorruptInput("the PDF cannot be read (" + _first_error(message) + ")") from exc
    pages = int(info.get("Pages", 0))
    if pages <= 0:
        raise CorruptInput("the PDF has no pages")
    return pages


def pdf_page_sizes(path: Path, pages: int) -> list[PageSize]:
    """Each page's size in pixels at ``RENDER_DPI``, from pdfinfo (nothing is rendered)."""
    try:
        info = pdfinfo_from_path(str(path), first_page=1, last_page=pages)
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise CorruptInput("the PDF cannot be read (" + _first_error(str(exc)) + ")") from exc
    sizes = []
    for n in range(1, pages + 1):
        match = re.match(r"\s*([\d.]+) x ([\d.]+) pts", str(info.get(f"Page {n:>4} size", "")))
        if not match:
            raise CorruptInput(f"page {n} has no size in the PDF")
        w, h = (round(float(v) / 72 * RENDER_DPI) for v in match.groups())
        sizes.append(PageSize(w, h, RENDER_DPI))
    return sizes


def render_pdf_page(path: Path, number: int, dpi: int = RENDER_DPI) -> Image.Image:
    """Page ``number`` (1-based) as a grayscale image at ``dpi``."""
    try:
        images = convert_from_path(
            str(path), dpi=dpi, first_page=number, last_page=number, grayscale=True, thread_count=1
        )
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise CorruptInput(f"page {number} cannot be rendered ({_first_error(str(exc))})") from exc
    if not images:
        raise CorruptInput(f"page {number} cannot be rendered")
    return images[0].convert("L")


def _read_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(1024)


def _read_tail(path: Path, size: int) -> bytes:
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - size))
        return fh.read()


def _first_error(message: str) -> str:
    for line in message.splitlines():
        line = line.strip()
        if line and not line.lower().startswith("unable to get page count"):
            return line.rstrip(".")
    return "poppler could not parse it"
