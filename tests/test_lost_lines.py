"""Lines the page's reading left out or read as garbage, read again on their own (ocr/lost_lines.py), with real
Tesseract on rendered text."""

from __future__ import annotations

import os

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.lost_lines import reread_lost_lines, unread_runs
from ocr_pipeline.ocr.tesseract import line_text, ocr_lines

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
TEXT = ("ด้วยสำนักงานคณะกรรมการป้องกันและปราบปราม", "(นายราชัญ มุทุกันต์)", "นักประชาสัมพันธ์ปฏิบัติการ")


def _page(scribble: bool = False) -> np.ndarray:
    im = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, 56)
    for k, text in enumerate(TEXT):
        draw.text((150, 80 + 150 * k), text, font=font, fill=0)
    if scribble:  # a signature: long loops over a line's height
        draw.arc((300, 560, 700, 640), 200, 340, fill=0, width=5)
        draw.arc((650, 550, 1050, 650), 180, 360, fill=0, width=5)
        draw.line((320, 630, 1040, 625), fill=0, width=5)
    return np.asarray(im)


def _ocr(image, psm, langs):
    return ocr_lines(image, psm=psm, langs=langs, dpi=300)


def _read(gray: np.ndarray) -> list[Line]:
    lines = ocr_lines(Image.fromarray(gray), psm=3, dpi=300)
    for ln in lines:
        ln.text = normalize_thai(ln.text)
    return lines


def test_a_line_the_page_reading_left_out_is_read_again_in_its_place():
    """Fresh worn seed 152 doc 8: a signatory's name and position lines read as ``0 ญ ผ่``; here the name line is left
    out and the position line read as two words of garbage."""
    gray = _page()
    lines = _read(gray)
    assert [ln.text for ln in lines] == list(TEXT)
    name, position = lines[1], lines[2]
    garbage = [Word("0", position.words[0].box, 40.0), Word("ญ", position.words[3].box, 90.0, True)]
    lines = [lines[0], Line("0 ญ", position.box, garbage)]
    assert unread_runs(gray, lines, 300)  # both lines' ink
    anchors: list = []
    fixes = reread_lost_lines(gray, lines, _ocr, 1, anchors, 300)
    texts = [normalize_thai(line_text(ln.words)) for ln in lines]
    assert texts[0] == TEXT[0] and texts[2] == TEXT[2] and "นายราช" in texts[1], texts
    assert sorted(c.before for c in fixes) == ["", "0 ญ"] and {c.rule for c in fixes} == {"lost-line"}
    assert len(anchors) == 2 and name.box[1] < position.box[1]


def test_a_page_read_well_and_a_signature_are_not_read_again():
    gray = _page(scribble=True)
    lines = _read(gray)
    lines = [ln for ln in lines if "นาย" in ln.text or "สำนักงาน" in ln.text or "ประชา" in ln.text]
    assert len(lines) == 3
    assert unread_runs(gray, lines, 300) == [] or all(b[1] > 520 for b in unread_runs(gray, lines, 300))
    assert reread_lost_lines(gray, lines, _ocr, 1, [], 300) == []


def test_a_thick_scribble_alone_is_no_text():
    gray = np.full((300, 1200), 255, np.uint8)
    cv2.ellipse(gray, (400, 150), (250, 40), 0, 180, 360, 0, 6)
    cv2.ellipse(gray, (800, 150), (250, 40), 0, 0, 180, 0, 6)
    lines = [Line("ทดสอบ", (100, 20, 300, 60), [Word("ทดสอบ", (100, 20, 300, 60), 95.0)])]
    assert reread_lost_lines(gray, lines, _ocr, 1, [], 300) == []


def test_two_lines_in_one_band_are_each_read_again():
    """Fresh standard seed 209 doc 6: a signatory's name line and position line, set so close that their marks meet in
    one band of ink, both left out by the page's reading; both are read again, each as a line of its own (only the
    larger one was taken before)."""
    im = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, 56)
    body = (TEXT[0], "เผยแพร่รายงานดังกล่าวบนเว็บไซต์")  # read well, its lines' marks meeting too
    for k, text in enumerate(body + TEXT[1:]):
        draw.text((150, 80 + 64 * k + 150 * (k // 2)), text, font=font, fill=0)
    gray = np.asarray(im)
    lines = [ln for ln in _read(gray) if ln.text in body]  # the signatory's lines left out
    assert [ln.text for ln in lines] == list(body)
    fixes = reread_lost_lines(gray, lines, _ocr, 1, [], 300)
    texts = [normalize_thai(line_text(ln.words)) for ln in lines]
    assert len(fixes) == 2 and {c.rule for c in fixes} == {"lost-line"}, fixes
    assert texts[:2] == list(body) and "นายราช" in texts[2] and "ปฏิบัติการ" in texts[3], texts


def test_two_lines_in_one_band_on_a_page_of_single_line_bands_are_read_again():
    """Fresh standard seed 213 doc 19: a signatory's name and position lines, their marks meeting in one band twice as tall
    as the page's other bands (79 pixels; 156), both left out by the page's reading: the band was taken for no line of
    text and the signatory was lost."""
    im = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, 56)
    body = (TEXT[0], "เผยแพร่รายงานดังกล่าวบนเว็บไซต์")  # read well, a band each
    for k, text in enumerate(body):
        draw.text((150, 80 + 120 * k), text, font=font, fill=0)
    for k, text in enumerate(TEXT[1:]):
        draw.text((150, 380 + 60 * k), text, font=font, fill=0)
    gray = np.asarray(im)
    lines = [ln for ln in _read(gray) if ln.text in body]
    assert [ln.text for ln in lines] == list(body)
    fixes = reread_lost_lines(gray, lines, _ocr, 1, [], 300)
    texts = [normalize_thai(line_text(ln.words)) for ln in lines]
    assert len(fixes) == 2, fixes
    assert "นายราช" in texts[2] and "ปฏิบัติการ" in texts[3], texts
