"""A scanned cell's lines ended by hand (layout/paragraphs.py) and the steps they start (extract/measures.py)."""

from __future__ import annotations

from ocr_pipeline.extract.measures import split_steps
from ocr_pipeline.layout.paragraphs import hard_breaks
from ocr_pipeline.model import Line


def _line(text: str, x0: int, x1: int, y: int) -> Line:
    return Line(text=text, box=(x0, y, x1, y + 90))


# fresh worn seed 168 doc 6 (page 2, the step cell of measure 2): the first step's last line ends 390 pixels short
# of the column's fullest line, room for ประกาศ; the lines above it wrapped
CELL = [
    _line("ประชาสัมพันธ์นโยบาย No", 819, 1604, 1455),
    _line("Gift Policy ผ่านเว็บไซต์", 821, 1526, 1538),
    _line("เฟซบุ๊ก และบอร์ด", 824, 1338, 1641),
    _line("ประชาสัมพันธ์", 820, 1245, 1733),
    _line("ประกาศเจตนารมณ์ไม่รับ", 820, 1590, 1815),
    _line("ของขวัญและของกํานัล", 818, 1491, 1918),
    _line("ทุกชนิดจากการปฏิบัติหน้าที่", 820, 1636, 1997),
]


def test_a_line_ending_with_room_for_the_next_word_was_ended_by_hand():
    assert hard_breaks(CELL, 1636) == {4}


def test_specks_centred_lines_and_a_conjunction_at_the_end_make_no_break():
    speck = [CELL[3], _line("a 9) ๑7 =", 936, 1191, 1780), CELL[4]]
    assert hard_breaks(speck, 1636) == {2}  # the speck line is passed over: the break stands before the text line
    centred = [_line("ขั้นตอน/", 1049, 1250, 321), _line("วิธีการดำเนินการ", 954, 1341, 393)]
    assert hard_breaks(centred, 1506) == set()
    assert hard_breaks([_line("เผยแพร่ผ่านเว็บไซต์และ", 820, 1245, 0), CELL[4]], 1636) == set()


def test_a_paragraph_after_a_blank_line_is_a_step_of_its_own():
    text = "ประชาสัมพันธ์นโยบาย No Gift Policy ผ่านเว็บไซต์ เฟซบุ๊ก และบอร์ดประชาสัมพันธ์\n\nประกาศเจตนารมณ์ไม่รับของขวัญ"
    assert split_steps(text) == [
        "ประชาสัมพันธ์นโยบาย No Gift Policy ผ่านเว็บไซต์ เฟซบุ๊ก และบอร์ดประชาสัมพันธ์",
        "ประกาศเจตนารมณ์ไม่รับของขวัญ",
    ]
    assert split_steps("จัดทำรายงาน\n\nผ่าน") == ["จัดทำรายงาน ผ่าน"]  # too short for a step: a continuation
