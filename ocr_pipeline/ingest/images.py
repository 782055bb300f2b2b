"""Image files (PNG, JPEG, TIFF incl. multi-page) as grayscale page images.

EXIF rotation is applied; the resolution comes from the file's metadata or, failing that, from
the A4 paper size when the image has a page's proportions.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ocr_pipeline.errors import CorruptInput
from ocr_pipeline.limits import PageSize

A4_INCHES = (8.27, 11.69)
# Pillow's own bomb check stays as a second guard; the page limits (limits.py, --max-pixels) are
# checked from the headers before any decoding and are what the user sets.
Image.MAX_IMAGE_PIXELS = 400_000_000


def image_page_sizes(path: Path) -> list[PageSize]:
    """Each frame's pixel size and resolution, from the headers only (nothing is decoded, so a
    decompression bomb is measured, not opened); raises CorruptInput if the file is no image."""
    sizes = []
    try:
        with _headers_only(), _libtiff_quiet() as said, Image.open(path) as img:
            for n in range(getattr(img, "n_frames", 1)):
                img.seek(n)
                sizes.append(PageSize(img.size[0], img.size[1], _effective_dpi(img)))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(f"the image cannot be decoded ({_why(exc, said)})") from exc
    return sizes


def image_page_count(path: Path) -> int:
    """Frames in the image file (TIFFs may hold several pages); raises CorruptInput if unreadable."""
    frames = len(image_page_sizes(path))
    check_image_decodes(path, frames)
    return frames


def check_image_decodes(path: Path, frames: int) -> None:
    """Decode the last frame: a truncated file fails here, before any work."""
    try:
        with _libtiff_quiet() as said, Image.open(path) as img:
            img.seek(frames - 1)
            img.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(f"the image cannot be decoded ({_why(exc, said)})") from exc


def load_image_page(path: Path, number: int) -> tuple[Image.Image, float | None]:
    """Frame ``number`` (1-based) as a grayscale image, EXIF-rotated, with its dpi if known."""
    try:
        with _libtiff_quiet() as said, Image.open(path) as img:
            img.seek(number - 1)
            dpi = _effective_dpi(img)
            frame = ImageOps.exif_transpose(img)
            gray = _to_gray(frame)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(f"page {number} of the image cannot be decoded ({_why(exc, said)})") from exc
    return gray, dpi


def _effective_dpi(img: Image.Image) -> float | None:
    """The resolution the page is read at: the file's, unless the A4 page size says otherwise."""
    dpi = _dpi_of(img)
    paper_dpi = guess_dpi_from_paper(img.size)
    if paper_dpi and (not dpi or abs(dpi - paper_dpi) / paper_dpi > 0.25):
        dpi = paper_dpi  # metadata says 72 or 96 for a 300-dpi page scan: trust the page size
    return dpi


@contextlib.contextmanager
def _headers_only() -> Iterator[None]:
    """Pillow's decompression-bomb check off while only headers are read (our limits apply instead)."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


@contextlib.contextmanager
def _libtiff_quiet() -> Iterator[list[str]]:
    """libtiff prints its complaints on file descriptor 2 itself; catch them, so that the user sees
    one line from us (holding libtiff's first one) instead of libtiff's lines before ours."""
    said: list[str] = []
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield said
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield said
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            said.extend(ln.strip() for ln in sink.read().decode(errors="replace").splitlines() if ln.strip())


def _why(exc: BaseException, said: list[str]) -> str:
    text = f"{exc.__class__.__name__}: {exc}"
    return f"{text}; libtiff: {said[0]}" if said else text


def _to_gray(img: Image.Image) -> Image.Image:
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img)
    if img.mode in ("I;16", "I;16B", "I", "F"):
        img = ImageOps.autocontrast(img.convert("F").convert("L"))
    return img.convert("L")


def _dpi_of(img: Image.Image) -> float | None:
    dpi = img.info.get("dpi")
    if not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        return None
    return value if 30 <= value <= 2400 else None  # 1 or 72 are "unknown" in many writers


def guess_dpi_from_paper(size: tuple[int, int]) -> float | None:
    """The dpi an A4 page of this pixel size would have; None when it is not page-shaped."""
    width, height = sorted(size)
    ratio = height / width if width else 0
    if abs(ratio - A4_INCHES[1] / A4_INCHES[0]) > 0.08:
        return None
    return width / A4_INCHES[0]
