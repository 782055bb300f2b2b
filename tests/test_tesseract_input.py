"""Tesseract's input file: the page's own pixels and resolution, written without compression."""

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.ocr.tesseract import INPUT_SUFFIX, _write_input, ocr_lines


def _page() -> Image.Image:
    image = Image.new("L", (900, 160), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Garuda.ttf", 48)
    ImageDraw.Draw(image).text((30, 40), "มาตรการ ๒๕๖๖", font=font, fill=0)
    return image


def test_the_input_file_holds_the_same_pixels_and_resolution_uncompressed(tmp_path: Path) -> None:
    image = _page()
    path = tmp_path / f"in{INPUT_SUFFIX}"
    _write_input(image, path, 240)
    with Image.open(path) as back:
        assert back.format == "TIFF"
        assert back.info.get("compression") == "raw"
        assert tuple(round(v) for v in back.info["dpi"]) == (240, 240)
        assert np.array_equal(np.asarray(back), np.asarray(image))


def test_tesseract_reads_the_uncompressed_input() -> None:
    lines = ocr_lines(_page(), psm=7)
    assert any("มาตรการ" in ln.text for ln in lines)
