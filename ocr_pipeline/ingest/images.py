"""Image files (PNG, JPEG, TIFF incl. multi-page) as grayscale page images.

EXIF rotation is applied; the resolution comes from the file's metadata or, failing that, from
the A4 paper size when the image has a page's proportions.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ocr_pipeline.errors import CorruptInput

A4_INCHES = (8.27, 11.69)
Image.MAX_IMAGE_PIXELS = 400_000_000  # large archive scans are legitimate


def image_page_count(path: Path) -> int:
    """Frames in the image file (TIFFs may hold several pages); raises CorruptInput if unreadable."""
    try:
        with Image.open(path) as img:
            frames = getattr(img, "n_frames", 1)
            img.seek(frames - 1)
            img.load()  # decodes the last frame: a truncated file fails here
            return frames
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(f"the image cannot be decoded ({exc.__class__.__name__}: {exc})") from exc


def load_image_page(path: Path, number: int) -> tuple[Image.Image, float | None]:
    """Frame ``number`` (1-based) as a grayscale image, EXIF-rotated, with its dpi if known."""
    try:
        with Image.open(path) as img:
            img.seek(number - 1)
            dpi = _dpi_of(img)
            frame = ImageOps.exif_transpose(img)
            gray = _to_gray(frame)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptInput(f"page {number} of the image cannot be decoded ({exc})") from exc
    paper_dpi = guess_dpi_from_paper(gray.size)
    if paper_dpi and (not dpi or abs(dpi - paper_dpi) / paper_dpi > 0.25):
        dpi = paper_dpi  # metadata says 72 or 96 for a 300-dpi page scan: trust the page size
    return gray, dpi


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
