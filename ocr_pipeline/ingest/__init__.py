"""Ingest: turn an input path into pages (images to OCR, or transcript text).

``open_input`` checks the file up front (exists, not empty, readable, supported) so that a bad
input fails with one clear error before any work is done.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ocr_pipeline.errors import EmptyInput, InputNotFound, UnsupportedInput

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TRANSCRIPT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES | TRANSCRIPT_SUFFIXES


@dataclass(frozen=True)
class InputFile:
    """A checked input: its kind (pdf | image | transcript), page count and content hash."""

    path: Path
    kind: str
    pages: int
    sha256: str


def kind_of(path: Path) -> str:
    """pdf | image | transcript, from the file name; raises UnsupportedInput."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in TRANSCRIPT_SUFFIXES:
        return "transcript"
    raise UnsupportedInput(f"unsupported file type '{suffix or '(none)'}'")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files named directly, plus every supported file under named folders (recursive, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(path)
    return found


def open_input(path: Path) -> InputFile:
    """Check an input file and count its pages; raises a PipelineError subclass when unusable."""
    if not path.exists():
        raise InputNotFound("no such file")
    if not path.is_file():
        raise UnsupportedInput("not a regular file")
    kind = kind_of(path)
    if path.stat().st_size == 0:
        raise EmptyInput("the file is empty (0 bytes)")
    digest = _sha256(path)
    if kind == "pdf":
        from ocr_pipeline.ingest.pdf import pdf_page_count

        pages = pdf_page_count(path)
    elif kind == "image":
        from ocr_pipeline.ingest.images import image_page_count

        pages = image_page_count(path)
    else:
        pages = 0  # counted when the transcript is read
    return InputFile(path=path, kind=kind, pages=pages, sha256=digest)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
