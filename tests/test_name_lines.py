"""Signature name lines read again from their pixels (ocr/name_lines.py), with real Tesseract."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.clean.names import resolve_names
from ocr_pipeline.extract.signatures import signature_blocks
from ocr_pipeline.ocr import name_lines
from ocr_pipeline.ocr.page_reader import read_page_image
from ocr_pipeline.ocr.tesseract import ocr_images
from ocr_pipeline.synth.render import _signature

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
DPI = 300


def _memo_end(name: str) -> Image.Image:
    """The end of a memo as printed: closing line, a pen signature, "(name)", the position."""
    img = Image.new("L", (1700, 620), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size=round(16 * DPI / 72))
    draw.text((80, 60), "จึงเรียนมาเพื่อโปรดทราบ", font=font, fill=20)
    _signature(draw, (500, 200, 900, 300), random.Random(3), DPI)
    draw.text((380, 300), f"({name})", font=font, fill=20)
    draw.text((360, 400), "นักวิเคราะห์นโยบายและแผนชำนาญการ", font=font, fill=20)
    return img


def test_a_tone_mark_the_page_reading_lost_is_read_again_from_the_line():
    page = read_page_image(_memo_end("นางสาววณิชชา ปิ่นทอง"), DPI, 1)
    (line,) = [ln for ln in page.lines if "(" in ln.text]
    assert "ปิ่นทอง" not in line.text  # Tesseract's page reading loses the mai ek over sara i
    assert len(line.readings) == len(name_lines.NAME_READERS)
    assert page.seconds["name_reread"] > 0
    (block,) = signature_blocks([page])
    names, fixes, _ = resolve_names([(1, "document.signatories", block.signatory.name)], readings=[block.readings])
    assert names == ["นางสาววณิชชา ปิ่นทอง"]
    assert [(f.before, f.after, f.rule) for f in fixes] == [(block.signatory.name, names[0], "name")]
    assert block.signatory.position.startswith("นักวิเคราะห์นโยบายและแผน")


def test_only_name_lines_and_the_position_under_them_are_read_again():
    page = read_page_image(_memo_end("นายวิภาค คงไชย"), DPI, 1)
    read_again = [ln.text for ln in page.lines if ln.readings]
    assert len(read_again) == 2 and "(" in read_again[0] and "นโยบาย" in read_again[1]
    (name,) = [ln for ln in page.lines if "(" in ln.text]
    (position,) = [ln for ln in page.lines if "นโยบาย" in ln.text]
    assert len(name.readings) == 2 and len(position.readings) == 1  # the position: tha model only


def test_titled_names_without_brackets_are_read_again_only_over_a_position():
    from ocr_pipeline.model import Line

    lines = [
        Line("นางสคนธ์ตรี ใจเย็น นางสาวฐาณัตดา อทัยเรือง", (500, 3084, 2186, 3167)),
        Line("สุ ฐุ ]", (650, 3102, 1953, 3186)),  # the brackets, read as a line of their own
        Line("ปลัดเทศบาลตำบลท่าดี นายกเทศมนตรีตำบลท่าดี", (480, 3181, 2164, 3259)),
        Line("นายสมชาย ใจดี", (500, 3400, 1000, 3480)),
        Line("ได้ดำเนินการตามมาตรการแล้ว", (500, 3490, 1500, 3570)),
    ]
    assert name_lines.name_line_indexes(lines) == [0]


def test_a_name_box_that_runs_into_the_position_under_it_is_cut_back():
    """Fresh standard seed 107 doc 17 (boxes as Tesseract gave them): the name line's box took in most of the
    position line set close under it, and both re-readings read the position; cut at the position's top."""
    from ocr_pipeline.model import Line

    lines = [
        Line("(นายจารึก เนตรนอยสกุด)", (1166, 3011, 1884, 3168)),
        Line("นายกองคการบวิหารส่วนตําบลสุเหงปาติ", (977, 3098, 2068, 3189)),
    ]
    row = name_lines.position_row(lines, 0)
    assert row is not None and row[0] == 1
    typical = 91  # the page's lines
    assert name_lines._above(lines[0].box, row, typical) == (1166, 3011, 1884, 3102)
    normal = (1166, 3011, 1884, 3095)  # a box of one line's height is left as it is
    assert name_lines._above(normal, row, typical) == normal
    assert name_lines._above(lines[0].box, None, typical) == lines[0].box
    # standard seed 61 doc 0: under the name a line of specks half a line tall, which is no position to cut at
    specks = (7, (584, 2694, 2098, 2744))
    name = (477, 2630, 2136, 2718)
    assert name_lines._above(name, specks, typical) == name


def test_the_cut_keeps_a_mark_above_the_box_and_drops_a_pen_stroke_coming_down():
    gray = np.full((300, 400), 255, dtype=np.uint8)
    box = (100, 150, 300, 200)  # the line's box as Tesseract gave it
    for x in range(110, 290, 20):
        gray[160:195, x : x + 8] = 0  # letters
    gray[134:142, 150:156] = 0  # a tone mark over the box, a mark-sized blot sitting on ...
    gray[144:153, 150:158] = 0  # ... an upper vowel at the box's top
    gray[20:148, 250:253] = 0  # a pen stroke from far above, ending just over the box
    cut = name_lines._cut(gray, box)
    scale = name_lines.SCALE
    margin = max(1, int(name_lines.MARGIN * 50 * scale))
    top = int(150 - name_lines.PAD_TOP * 50)
    left = int(100 - name_lines.PAD_X * 50)

    def at(y: int, x: int) -> int:
        return int(cut[margin + round((y - top) * scale), margin + round((x - left) * scale)])

    assert at(137, 153) < 128  # the tone mark is kept
    assert at(146, 251) == 255  # the stroke's end inside the room is gone
    assert at(180, 113) < 128  # the letters are there


def test_several_images_read_in_one_tesseract_run():
    lines = [_memo_end(n).crop((360, 300, 1100, 410)) for n in ("นายวิภาค คงไชย", "นางสาวสุดา ใจดี")]
    read = ocr_images(lines, psm=7, langs="tha")
    assert [" ".join(ln.text for ln in r) for r in read] == ["(นายวิภาค คงไชย)", "(นางสาวสุดา ใจดี)"]


def test_a_name_line_whose_bracket_does_not_close_is_read_on_to_the_ink_of_its_row():
    """Fresh standard seed 141 doc 19: Tesseract cut ``(นางสาวสิรินยา พงษ์สุทัศน์)`` after พงษ์ and read the rest
    nowhere; the name came out ``พงษ์``. Its cut reaches over the row's ink up to a gap of a line's height; a line
    whose bracket closes keeps its box."""
    import numpy as np

    from ocr_pipeline.ocr.name_lines import _to_closing

    gray = np.full((200, 1000), 255, np.uint8)
    gray[60:100, 100:500] = 0  # the part Tesseract boxed
    gray[60:100, 520:700] = 0  # the rest of the name, a letter's gap on
    gray[60:100, 900:950] = 0  # something else, far off
    box = (100, 50, 500, 110)
    assert _to_closing(gray, box, "(นางสาวสิรินยา พงษ์") == (100, 50, 700, 110)
    assert _to_closing(gray, box, "(นางสาวสิรินยา พงษ์สุทัศน์)") == box


def test_a_name_line_whose_title_was_misread_is_read_again_over_a_position():
    """Worn seed 164 doc 4 (``มาย`` for นาย, the line cut) and blind standard seed 195 doc 0 (a speck's mai ek over
    นาง, the opening bracket read as a line of its own): no name on the page, and the signatory was lost; read
    again, the line gives the name. A line like it over no position is not read again."""
    from ocr_pipeline.model import Line

    lines = [
        Line("กภ์ wa", (600, 2900, 800, 2960)),
        Line("(มายชยุด อาจภั", (560, 3000, 1100, 3080)),
        Line("เจ้าพนักงานธุรการปฏิบัติงาน", (520, 3090, 1200, 3170)),
        Line("น่างสาว รุจีพัชร แวเด)", (560, 3400, 1200, 3480)),
        Line("(", (540, 3430, 560, 3490)),
        Line("ผู้ช่วยเจ้าพนักงานธุรการ", (520, 3495, 1200, 3575)),
        Line("มายา (ดู)", (560, 3800, 1100, 3880)),  # a bracket and a word like a title's misreading
        Line("ได้ดำเนินการตามมาตรการแล้ว", (500, 3890, 1500, 3970)),
    ]
    assert name_lines.name_line_indexes(lines) == [1, 3]
