"""Pale photocopies: their ink made dark again before anything looks for ink darker than mid-grey."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.layout.preprocess import prepare_page, restore_contrast
from ocr_pipeline.ocr.page_reader import read_page_image

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def printed(text: str, ink: int, paper: int = 250, px: int = 60) -> np.ndarray:
    font = ImageFont.truetype(FONT, px)
    img = Image.new("L", (int(font.getlength(text)) + 2 * px, 2 * px), paper)
    ImageDraw.Draw(img).text((px, px // 3), text, font=font, fill=ink)
    return np.asarray(img)


def test_a_pale_copy_gets_dark_ink_and_white_paper() -> None:
    pale = printed("ปีงบประมาณ ๒๕๖๗", ink=165)
    assert (pale < 128).sum() == 0  # nothing a mid-grey cut would call ink
    out = restore_contrast(pale)
    assert np.percentile(out[pale < 200], 10) < 40 and out.max() >= 230  # paper stays light


def test_a_page_with_dark_ink_is_left_as_it_is() -> None:
    page = printed("ปีงบประมาณ ๒๕๖๗", ink=40)
    assert restore_contrast(page) is page
    blank = np.full((100, 300), 250, np.uint8)
    assert restore_contrast(blank) is blank


def test_a_pale_table_cell_is_read() -> None:
    """A page of pale print: the cells of its table were all read empty before (no pixel under 128)."""
    w, h = 1400, 700
    img = Image.new("L", (w, h), 248)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 44)
    for x in (100, 700, 1300):
        d.line([(x, 100), (x, 500)], fill=170, width=4)
    for y in (100, 300, 500):
        d.line([(100, y), (1300, y)], fill=170, width=4)
    cells = [["มาตรการ", "ผู้รับผิดชอบ"], ["ปีงบประมาณ ๒๕๖๗", "งานการเจ้าหน้าที่"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            d.text((130 + 600 * c, 160 + 200 * r), text, font=font, fill=170)
    gray, _dpi, _angle = prepare_page(img, 300)
    assert (gray < 128).sum() > 1000
    page = read_page_image(img, 300, 1)
    assert page.tables and "ปีงบประมาณ" in page.text and "มาตรการ" in page.text
