"""Small copies of the original page images for the review page, read again from the input file.

A PDF page is rendered by poppler straight at the small size (its MediaBox, upright: the same
page the OCR read at 300 dpi); an image file's frame is loaded as the OCR loaded it and reduced.
Pages are grayscale JPEG, as the OCR reads them.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

REVIEW_LONG_SIDE = 1400  # pixels: Thai 16 pt text stays legible, a page costs ~150 KB
JPEG_QUALITY = 60


def review_image(path: Path, kind: str, number: int, long_side: int = REVIEW_LONG_SIDE) -> bytes:
    """Page ``number`` of the input as a JPEG whose longer side is ``long_side`` pixels."""
    if kind == "pdf":
        from pdf2image import convert_from_path

        image = convert_from_path(
            str(path), first_page=number, last_page=number, size=long_side, grayscale=True, thread_count=1
        )[0]
    else:
        from ocr_pipeline.ingest.images import load_image_page

        image = load_image_page(path, number)[0]
        image.thumbnail((long_side, long_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    out = io.BytesIO()
    image.convert("L").save(out, format="JPEG", quality=JPEG_QUALITY, optimize=False)
    return out.getvalue()
