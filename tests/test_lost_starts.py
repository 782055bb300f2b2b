"""A line's first letters that Tesseract left out, read again from the pixels (ocr/lost_starts.py), with real
Tesseract."""

from __future__ import annotations

import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.lost_starts import (
    _added_between,
    _added_letters,
    _chosen_letters,
    _joins,
    _mark_readings,
    _word_reach,
    lost_start,
    reread_lost_middles,
    reread_lost_starts,
)
from ocr_pipeline.ocr.tesseract import line_text, ocr_lines

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def _page(text: str) -> np.ndarray:
    im = Image.new("L", (1600, 260), 255)
    ImageDraw.Draw(im).text((120, 90), text, font=ImageFont.truetype(FONT, 67), fill=0)
    return np.asarray(im)


def _tesseract(im, psm, langs):
    return ocr_lines(im, psm=psm, langs=langs, dpi=300)


def _from(line: Line, letter: str) -> Line:
    """The line as Tesseract gives it when it leaves out the words before the first ``letter``."""
    words = line.words[next(i for i, w in enumerate(line.words) if w.text.startswith(letter)) :]
    words[0] = Word(words[0].text, words[0].box, words[0].conf, False)
    x0 = words[0].box[0]
    return Line(line_text(words), (x0, line.box[1], line.box[2], line.box[3]), words)


def test_the_first_cluster_tesseract_left_out_is_read_again():
    """Worn seed 22 docs 0 and 14: ``ณธรรมและ…`` for คุณธรรมและ… (a subject's wrapped line); the line's box starts
    right of the ink of คุ."""
    gray = _page("คุณธรรมและความโปร่งใส")
    (read,) = ocr_lines(Image.fromarray(gray), psm=7, dpi=300)
    assert line_text(read.words).startswith("คุณธรรม")
    line = _from(read, "ณ")  # without คุ
    assert line_text(line.words).startswith("ณธรรม") and lost_start(gray, line) is not None
    anchors: list = []
    fixes = reread_lost_starts(gray, [line], _tesseract, 1, anchors)
    assert [(c.before, c.after, c.rule) for c in fixes] == [
        ("ณธรรมและความโปร่งใส", "คุณธรรมและความโปร่งใส", "thai-reread")
    ]
    assert line_text(line.words).startswith("คุณธรรมและ") and len(anchors) == 1


def test_a_line_with_nothing_left_of_it_is_not_read_again():
    gray = _page("คุณธรรมและความโปร่งใส")
    (read,) = ocr_lines(Image.fromarray(gray), psm=7, dpi=300)
    assert lost_start(gray, read) is None
    assert reread_lost_starts(gray, [read], _tesseract, 1, []) == []
    speck = gray.copy()
    speck[150:153, read.box[0] - 30 : read.box[0] - 27] = 0  # a speck before it
    assert lost_start(speck, read) is None


def test_the_letters_added_must_make_a_word_with_the_line_s_first_letters():
    assert _added_letters("คุณธรรมและ", "ณธรรมและ") == "คุ" and _added_letters("ผู้บริหาร", "ริหาร") == "ผู้บ"
    assert _added_letters("คุณธรรม", "คุณธรรม") is None  # nothing added
    assert _added_letters("ความคุณธรรม", "ณธรรม") is None  # too many
    assert _added_letters("คุณธรรม", "ธรรมะ") is None  # another ending
    assert _word_reach("คุ", "ณธรรมและ") and _word_reach("ปี", "งบประมาณ") and _word_reach("ตุ", "ลาคม")
    assert not _word_reach("ฆ", "ณธรรมและ")  # no word


def test_ink_another_line_s_words_stand_over_is_not_read_again():
    """Fresh worn seed 124 doc 8: Tesseract read ``ผู้`` and ``ขบ`` as lines of their own beside ``วยนักวิเคราะห์…``
    (ผู้ช่วยนักวิเคราะห์…); that ink is read, not lost: putting ผู้ช่ before the line read it twice."""
    gray = _page("คุณธรรมและความโปร่งใส")
    (read,) = ocr_lines(Image.fromarray(gray), psm=7, dpi=300)
    line = _from(read, "ณ")
    cut = next(i for i, w in enumerate(read.words) if w.text.startswith("ณ"))
    apart = Line(line_text(read.words[:cut]), read.words[0].box, read.words[:cut])
    assert lost_start(gray, line) is not None
    assert reread_lost_starts(gray, [apart, line], _tesseract, 1, []) == []


def _without(line: Line, first: str, n: int) -> Line:
    """The line as Tesseract gives it when it leaves out ``n`` words (and a vowel below after them) from the first one
    that starts with ``first`` after the line's first word, the words after them a token of their own."""
    at = next(i for i, w in enumerate(line.words) if i and w.text.startswith(first))
    n = n + 1 if line.words[at + n].text in "ุู" else n  # a vowel below Tesseract gave a word of its own
    words = line.words[:at] + line.words[at + n :]
    words[at] = Word(words[at].text, words[at].box, words[at].conf, True)
    return Line(line_text(words), line.box, words)


def test_letters_tesseract_left_out_between_two_words_are_read_again():
    """Standard seed 7 doc 28, worn 22 doc 9, worn 126 docs 1 and 9: ``ส ปรายงาน`` for สรุปรายงาน, the ink of รุ in the
    gap between two tokens, ส no word."""
    gray = _page("เรื่อง สรุปรายงานผลการดำเนินงาน")
    (read,) = ocr_lines(Image.fromarray(gray), psm=7, dpi=300)
    assert line_text(read.words).startswith("เรื่อง สรุปรายงาน")
    line = _without(read, "ร", 1)  # without รุ
    assert line_text(line.words).startswith("เรื่อง ส ปรายงาน")
    anchors: list = []
    fixes = reread_lost_middles(gray, [line], _tesseract, 1, anchors)
    assert [(normalize_thai(c.before), normalize_thai(c.after), c.rule) for c in fixes] == [
        ("ส ปรายงานผลการดำเนินงาน", "สรุปรายงานผลการดำเนินงาน", "thai-reread")
    ]
    assert normalize_thai(line_text(line.words)) == "เรื่อง สรุปรายงานผลการดำเนินงาน" and len(anchors) == 1
    # the line read whole has nothing to put back; nor has a gap with a speck in it
    (read,) = ocr_lines(Image.fromarray(gray), psm=7, dpi=300)
    assert reread_lost_middles(gray, [read], _tesseract, 1, []) == []


def test_the_letters_put_back_between_two_words_must_make_a_word_with_them():
    assert _added_between("สรุปรายงาน", "ส", "ปรายงาน") == "รุ"
    assert _added_between("สรุปรายงาน", "ส", "ผลงาน") is None  # another ending
    assert _added_between("สปรายงาน", "ส", "ปรายงาน") is None  # nothing added
    assert _added_between("|สรุปรายงาน", "ส", "ปรายงาน") == "รุ"  # a sign beside the crop's edge
    assert _joins("ส", "รุ", "ปรายงาน") == (True, True)
    assert _joins("ประจำ", "ปี", "งบประมาณ") is not None
    assert _joins("และ", "ฆ", "ความ") is None  # no word


def test_the_added_letters_marks_may_be_read_again_for_the_word_that_reaches_furthest():
    """Fresh worn seed 134 doc 4: a subject's wrapped line ``งบประมาณ…``, its first letters re-read ``ปิ่`` on thick
    print: without the tone mark ``ปิ`` makes ปิง (one letter of the token), with sara ii ``ปี`` makes ปีงบประมาณ."""
    assert _mark_readings("ปิ่") == ["ปิ่", "ปิ", "ปี"] and _mark_readings("คุ") == ["คุ"]
    assert _word_reach("ปิ่", "งบประมาณ") == 0 and _word_reach("ปิ", "งบประมาณ") == 1
    assert _word_reach("ปี", "งบประมาณ") == len("งบประมาณ")
    assert _chosen_letters("ปิ่", "งบประมาณ") == "ปี" and _chosen_letters("คุ", "ณธรรม") == "คุ"
    # worn seed 22 doc 12: the label ที่ read apart before a document number's prefix นบ; with sara i it makes ทิน,
    # one letter of the token: no lost letters
    assert _word_reach("ทิ", "นบ") == 1 and _chosen_letters("ที่", "นบ") is None
