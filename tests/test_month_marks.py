"""The sara ii of มี.ค. settled by the ink over its ม (ocr/month_marks.py), on lines rendered and read by real
Tesseract."""

from __future__ import annotations

import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.month_marks import reread_month_marks, vowel_over
from ocr_pipeline.ocr.tesseract import line_text, ocr_lines

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def _page(text: str, above: str = "", ink: int = 0) -> np.ndarray:
    im = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, 48)
    if above:
        draw.text((100, 60), above, font=font, fill=ink)
    draw.text((100, 130), text, font=font, fill=ink)
    return np.asarray(im)


def _line(gray: np.ndarray) -> Line:
    lines = ocr_lines(Image.fromarray(gray[120:]), psm=7, dpi=300)
    words = [
        Word(w.text, (w.box[0], w.box[1] + 120, w.box[2], w.box[3] + 120), w.conf, w.space_before)
        for ln in lines
        for w in ln.words
    ]
    return Line(line_text(words), words[0].box, words)


def _as_read(line: Line, old: str, new: str) -> Line:
    """The line as Tesseract reads it when it writes ``new`` for the words that spell ``old``."""
    text = "".join(w.text for w in line.words)
    assert old in text, text
    start = text.index(old)
    at, i = 0, 0
    while at < start:
        at += len(line.words[i].text)
        i += 1
    j, end = i, at
    while end < start + len(old):
        end += len(line.words[j].text)
        j += 1
    spelt = list(line.words[i:j])
    words = line.words[:i]
    for ch in new:  # each glyph on its own word's box; a mark Tesseract made up on the glyph's before it
        w = spelt.pop(0) if spelt and spelt[0].text.startswith(ch) else words[-1]
        words.append(Word(ch, w.box, w.conf, w.space_before and len(words) == i))
    words += line.words[j:]
    return Line(line_text(words), line.box, words)


def test_a_lost_sara_ii_is_put_back_from_its_ink():
    """Blind worn seed 150 doc 3: ``ต.ค. ๒๕๖๑ – ม.ค. ๒๕๖๒`` for มี.ค., the period's end in January."""
    gray = _page("๓๑ มี.ค. ๒๕๖๕")
    line = _as_read(_line(gray), "มี.ค.", "ม.ค.")
    assert "ม.ค." in line.text
    anchors: list = []
    fixes = reread_month_marks(gray, [line], None, 1, anchors)
    assert [(c.before, c.after, c.rule) for c in fixes] == [("ม.ค.", "มี.ค.", "month-mark")]
    assert "มี.ค. " in line_text(line.words) and len(anchors) == 1


def test_a_stray_mark_goes_where_no_vowel_stands_and_becomes_the_vowel_where_one_does():
    """Standard seed 145 doc 17: ``ม.ุค.`` over plain ม.ค.; standard seed 143 doc 5: the same reading of มี.ค."""
    plain = _page("๓๑ ม.ค. ๒๕๖๕")
    line = _as_read(_line(plain), "ม.ค.", "ม.ุค.")
    fixes = reread_month_marks(plain, [line], None, 1, [])
    assert [(c.before, c.after) for c in fixes] == [("ม.ุค.", "ม.ค.")]
    marked = _page("๓๑ มี.ค. ๒๕๖๕")
    line = _as_read(_line(marked), "มี.ค.", "ม.ุค.")
    fixes = reread_month_marks(marked, [line], None, 1, [])
    assert [(c.before, c.after) for c in fixes] == [("ม.ุค.", "มี.ค.")]


def test_plain_january_and_a_right_reading_are_left_alone():
    for text in ("๓๑ ม.ค. ๒๕๖๕", "๓๑ มี.ค. ๒๕๖๕"):
        gray = _page(text)
        line = _line(gray)
        before = line_text(line.words)
        assert reread_month_marks(gray, [line], None, 1, []) == []
        assert line_text(line.words) == before


def test_the_line_above_is_no_vowel():
    """The feet of the line above (ู ุ of ผู้ดูแล) hang over the month: they reach out of the band, or are no vowel's
    shape."""
    gray = _page("๓๑ ม.ค. ๒๕๖๕", above="ผู้ดูแล ครู ปู่ ดุ")
    line = _line(gray)
    assert "ม.ค." in line.text
    assert reread_month_marks(gray, [line], None, 1, []) == []


def test_a_blot_over_the_letter_is_a_vowel_only_when_it_sits_on_it():
    gray = np.full((200, 300), 255, np.uint8)
    gray[100:140, 100:130] = 0  # the letter, 40 px tall
    assert not vowel_over(gray, (100, 100, 130, 140), 100)
    blot = gray.copy()
    blot[86:96, 102:130] = 0  # a sara ii's size, just over it
    assert vowel_over(blot, (100, 100, 130, 140), 100)
    high = gray.copy()
    high[62:70, 102:130] = 0  # floating a letter's height up
    assert not vowel_over(high, (100, 100, 130, 140), 100)
    narrow = gray.copy()
    narrow[86:96, 104:110] = 0  # a sara u's hook
    assert not vowel_over(narrow, (100, 100, 130, 140), 100)


def test_a_word_starting_with_mo_ma_is_no_month():
    gray = _page("มาตรการ ม.ค.")
    line = _line(gray)
    words_before = [w.text for w in line.words]
    reread_month_marks(gray, [line], None, 1, [])
    assert [w.text for w in line.words][: len(words_before) - 4] == words_before[: len(words_before) - 4]


def test_a_pale_copy_s_letter_is_measured_whole():
    """Fresh worn seed 148 doc 17 (a pale copy): at a fixed grey bar the ม of ``ม.ค.`` fell apart, a piece of it was
    taken for the letter and its own top for a vowel (``มี.ค.`` written for January). The window's own threshold keeps
    the letter whole."""
    pale = _page("๓๑ ม.ค. ๒๕๖๕", ink=165)
    line = _as_read(_line(np.where(pale < 250, 0, 255).astype(np.uint8)), "ม.ค.", "ม.ุค.")
    fixes = reread_month_marks(pale, [line], None, 1, [])
    assert [(c.before, c.after) for c in fixes] == [("ม.ุค.", "ม.ค.")]
