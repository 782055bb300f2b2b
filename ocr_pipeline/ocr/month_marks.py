"""The upper vowel of a month abbreviation, settled by the pixels over its first letter: มี.ค. or ม.ค.

Tesseract loses the sara ii of มี.ค. on worn print and writes ``ม.ค.``, another month (blind worn seed 150 doc 3,
fresh worn seed 148 doc 2: a measure period ending in March read as ending in January, the period's bounds wrong and
nothing flagged), or reads it as a stray ``ุ`` after the dot (``ม.ุค.``: standard seed 143 doc 5, the period left
empty); it writes that ``ุ`` over plain ม.ค. too, from nothing the eye sees (standard seed 145 doc 17). The words
cannot tell these apart; the ink can. Over the ม of a reading ``ม.ค.`` (marks anywhere in it or none) a blot the
size of a sara ii, sitting on the letter and apart from the line above, makes it มี.ค.; no such blot, and the
reading's stray marks go (ม.ค.). A reading with its sara ii in place is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import cv2
import numpy as np

from ocr_pipeline.model import Correction, Line, Word, union_box
from ocr_pipeline.ocr.latin_reread import Anchor, context
from ocr_pipeline.ocr.tesseract import line_text

__all__ = ["reread_month_marks", "vowel_over"]

_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
# ม, a mark or none, the dot, a mark or none, ค, its dot (a reading may lose the last one, or read it as a comma)
_READING = re.compile(f"ม({_MARK}?)\\.({_MARK}?)ค([.,]?)")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
SARA_II = "\u0e35"
BAND = (1.0, 0.08)  # x the letter's height: the rows over the letter a vowel above it may take (from, to)
SITS = 0.45  # x the letter's height: a vowel's foot is at most this far above the letter's top
MARK_HEIGHT = (0.12, 0.7)  # x the letter's height: the blot's height (the band cuts a vowel touching the letter)
MARK_WIDTH = (0.5, 1.6)  # x the letter's width: a sara ii spans about the letter (a sara u's hook does not)
OVER = 0.4  # share of the blot's width over the letter's columns
FOOT = 0.25  # x the box's height: a glyph's ink ends this near the foot of Tesseract's box
BODY = 0.6  # x the ม's height: ค's ink at least this tall is its letter (not a dot or a mark boxed as ค)
WHOLE = 0.6  # share of Tesseract's box width the glyph's ink must fill to be measured by
CONTRAST = 60  # grey levels: a window with less between its darkest and lightest pixel holds no ink
PAPER = 200  # a pixel this light is paper, whatever Otsu says
TOUCHING = 0.2  # x the letter's height: a ม this much taller than ค carries its vowel in one blot


def _ink(window: np.ndarray) -> np.ndarray:
    """The window's ink (1) by its own Otsu threshold (a pale copy's strokes are grey), never lighter than ``PAPER``;
    none in a window of one grey (``digit_glyphs.ink_mask`` has no such guard: a window here may hold paper alone)."""
    if window.size == 0 or int(window.max()) - int(window.min()) < CONTRAST:
        return np.zeros(window.shape, dtype=np.uint8)
    level, _ = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return (window <= min(level, PAPER)).astype(np.uint8)


def _body(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The box of the glyph's ink Tesseract boxed as ``box`` (its boxes of Thai glyphs may be shifted, or reach up into
    the line above): the blot of ink around it that shares the most columns with the box and ends near its foot."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    wy0, wy1 = max(0, int(y0 - 0.5 * h)), min(gray.shape[0], int(y1 + 0.25 * h))
    wx0, wx1 = max(0, int(x0 - 0.5 * h)), min(gray.shape[1], int(x1 + 0.5 * h))
    if wy1 - wy0 < 2 or wx1 - wx0 < 2:
        return None
    ink = _ink(gray[wy0:wy1, wx0:wx1])
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    best, shared = None, 0
    for k in range(1, n):
        bx, by, bw, bh, _area = (int(v) for v in stats[k])
        gx0, gy0, gx1, gy1 = wx0 + bx, wy0 + by, wx0 + bx + bw, wy0 + by + bh
        if abs(gy1 - y1) > FOOT * h:
            continue  # the line above, a mark
        common = min(gx1, x1) - max(gx0, x0)
        if common > shared:
            best, shared = (gx0, gy0, gx1, gy1), common
    if best is None or best[2] - best[0] < WHOLE * (x1 - x0):
        return None  # a piece of a broken glyph (a pale copy's strokes): nothing to measure the letter by
    return best


def vowel_over(gray: np.ndarray, letter: tuple[int, int, int, int], top: int) -> bool:
    """Is there a blot the size of a vowel above the ink of ``letter`` (its glyph's box; ``top``: the row where the
    line's letters without marks begin, the glyph's own top when the vowel touches it), standing on it and not
    hanging from the line above?"""
    x0, y0, x1, y1 = letter
    h, w = y1 - top, x1 - x0
    if h <= 0 or w <= 0:
        return False
    if top - y0 > TOUCHING * h:
        return True  # the vowel is one blot with its letter (a thick copy)
    wy0, wy1 = max(0, int(top - BAND[0] * h)), int(top - BAND[1] * h)
    wx0, wx1 = max(0, int(x0 - 0.3 * h)), min(gray.shape[1], int(x1 + 0.5 * h))
    if wy1 - wy0 < 2 or wx1 - wx0 < 2:
        return False
    ink = _ink(gray[wy0:y1, wx0:wx1])[: wy1 - wy0]  # thresholded with the letter's rows in the window
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    for k in range(1, n):
        bx, by, bw, bh, _area = (int(v) for v in stats[k])
        if by == 0 and wy0 > 0:
            continue  # reaches up out of the band: the line above, a stroke
        if wy0 + by + bh < top - SITS * h:
            continue  # floats over the letter: no mark of it
        if not (MARK_HEIGHT[0] * h <= bh <= MARK_HEIGHT[1] * h and MARK_WIDTH[0] * w <= bw <= MARK_WIDTH[1] * w):
            continue
        if min(wx0 + bx + bw, x1) - max(wx0 + bx, x0) >= OVER * bw:
            return True
    return False


def _readings(line: Line) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(first word, past the last word, the reading's match) for each month reading ``ม.ค.`` of the line, its words
    whole (the match ends where a word does)."""
    words = line.words
    for i, w in enumerate(words):
        if not w.text.startswith("ม"):
            continue
        if i and not w.space_before and _THAI_LETTER.match(words[i - 1].text[-1:] or " "):
            continue  # ม inside a word
        text = ""
        ends: list[int] = []
        for w2 in words[i : i + 6]:
            if ends and w2.space_before and not text.endswith("."):
                break
            text += w2.text
            ends.append(len(text))
        m = _READING.match(text)
        if m is None or m.end() not in ends:
            continue
        after = text[m.end() : m.end() + 1]
        if _THAI_LETTER.match(after) and after != ".":
            continue  # the letters go on: a word, not the month
        yield i, i + ends.index(m.end()) + 1, m


def reread_month_marks(gray: np.ndarray, lines: list[Line], _ocr, page: int, anchors: list[Anchor]) -> list[Correction]:
    """Settle the sara ii of each month reading ``ม.ค.`` of ``lines`` (in place) from ``gray``; a correction (rule
    ``month-mark``, scored 90 where a vowel's blot was found, 80 where stray marks went over none) for each reading
    changed, its ``Anchor`` in ``anchors``."""
    corrections = []
    for line in lines:
        for i, j, m in reversed(list(_readings(line))):
            marks = m.group(1) + m.group(2)
            if m.group(1) == SARA_II and not m.group(2) and m.group(3) != ",":
                continue  # read as it should be
            words = line.words[i:j]
            letter = _body(gray, words[0].box)
            if letter is None:
                continue
            consonant = next((w for w in words[1:] if w.text.startswith("ค")), None)
            other = _body(gray, consonant.box) if consonant is not None else None
            height = letter[3] - letter[1]
            top = letter[1]
            if (
                other is not None
                and abs(other[3] - letter[3]) <= FOOT * height
                and other[3] - other[1] >= BODY * height
            ):
                top = max(top, other[1])  # ค's top: the letters' top where ม's box takes in part of the vowel
            vowel = vowel_over(gray, letter, top)
            if not vowel and not marks and m.group(3) != ",":
                continue
            new = ("ม" + SARA_II if vowel else "ม") + ".ค" + ("." if m.group(3) else "")
            before = line_text(line.words[i:j])
            word = Word(new, union_box([w.box for w in words]), min(w.conf for w in words), words[0].space_before)
            line.words[i:j] = [word]
            anchors.append(Anchor(line, word, word, True, context(line.words, i, i + 1)))
            corrections.append(Correction(page, "pages.text", before, word.text, "month-mark", 90.0 if vowel else 80.0))
    return corrections
