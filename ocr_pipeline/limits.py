"""Limits that keep one hostile input from taking the machine: pixels per page, pages per document,
upscale factor. Checked from the file's headers before any page is decoded; over a limit, the input
fails with ``OverLimit`` (exit code 12) and one line naming the limit and the option that raises it.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass

from ocr_pipeline.errors import OverLimit
from ocr_pipeline.layout.preprocess import MIN_DPI, TARGET_DPI

# Defaults: an A2 sheet at 300 dpi is 35 Mpx (an A4 page 8.7 Mpx); a page costs about 12 bytes of
# memory per pixel while it is read, so 60 Mpx is some 0.7 GB per worker.
MAX_PIXELS = 60_000_000
MAX_PAGES = 2000
MAX_UPSCALE = 4.0  # 75 dpi -> 300 dpi
MIN_SIDE = 16  # pixels: a smaller page holds no text and is not sent to the OCR


@dataclass(frozen=True)
class PageSize:
    """A page as it will be read: pixels before upscaling, and its resolution (None: unknown)."""

    width: int
    height: int
    dpi: float | None = None

    @property
    def upscale(self) -> float:
        """The factor the page is enlarged by before OCR (1 when it is not)."""
        if self.dpi is None or self.dpi >= MIN_DPI:
            return 1.0
        return TARGET_DPI / self.dpi

    @property
    def pixels_read(self) -> int:
        f = self.upscale
        return round(self.width * f) * round(self.height * f)

    @property
    def too_small(self) -> bool:
        return min(self.width, self.height) < MIN_SIDE


@dataclass(frozen=True)
class Limits:
    max_pixels: int = MAX_PIXELS
    max_pages: int = MAX_PAGES
    max_upscale: float = MAX_UPSCALE

    def check_pages(self, pages: int) -> None:
        if pages > self.max_pages:
            raise OverLimit(
                f"the document has {pages} pages, over the limit of {self.max_pages} pages per document; "
                f"raise it with --max-pages {pages}"
            )

    def check_page(self, number: int, size: PageSize) -> None:
        if size.upscale > self.max_upscale:
            raise OverLimit(
                f"page {number} is {size.dpi:.0f} dpi and would be enlarged x{size.upscale:.1f} to "
                f"{TARGET_DPI} dpi, over the limit of x{self.max_upscale:g}; raise it with "
                f"--max-upscale {math.ceil(size.upscale)} (or set the scan's real resolution)"
            )
        if size.pixels_read > self.max_pixels:
            enlarged = f" once enlarged to {TARGET_DPI} dpi" if size.upscale > 1 else ""
            raise OverLimit(
                f"page {number} is {size.width}x{size.height} pixels{enlarged} "
                f"({_mpx(size.pixels_read)}), over the limit of {_mpx(self.max_pixels)} per page; "
                f"raise it with --max-pixels {math.ceil(size.pixels_read / 1e6)}M"
            )

    def check(self, sizes: list[PageSize]) -> None:
        """Every limit over a whole document's pages; raises OverLimit at the first one passed."""
        self.check_pages(len(sizes))
        for number, size in enumerate(sizes, 1):
            self.check_page(number, size)


def _mpx(pixels: int) -> str:
    return f"{pixels / 1e6:.0f} Mpx" if pixels >= 10e6 else f"{pixels / 1e6:.1f} Mpx"


def pixel_count(text: str) -> int:
    """``--max-pixels`` values: a number of pixels, or with K, M or G (``60M``)."""
    scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(text[-1:].upper(), 1)
    number = text[:-1] if scale > 1 else text
    try:
        value = int(float(number) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a pixel count (examples: 60000000, 60M)") from None
    if value < MIN_SIDE * MIN_SIDE:
        raise argparse.ArgumentTypeError(f"{text} is too small a page")
    return value
