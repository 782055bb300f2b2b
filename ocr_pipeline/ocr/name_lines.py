"""Signature name lines read again from their pixels: more readings of a name than the page's.

Tesseract's Thai model loses marks on names (``ปิ่น`` read ``ปิน`` or ``ปืน``, ``ภูยี่หวา`` read
``ภูยีหวา``), and a name has no dictionary to repair it from. Each line that reads as a signature's
name line (``understand.labels.name_groups``) is cut from the page, shrunk (the Thai model reads
these names better at 0.7 of a 300-dpi page: 108 of 130 names right against 95 for the page's
reading, generated reports, seeds 11 and 13), and read again as a single line by each model of ``NAME_READERS``: the
``tha`` model and Tesseract's Thai *script* model (``Thai``, package tesseract-ocr-script-thai), which
loses other marks than ``tha`` does. All name lines of a page go to one Tesseract run per model (a
list of images; lines stacked on one canvas and read as a block lost more marks). The readings go into ``Line.readings``; the clean-up weighs them
(``clean/name_readings.py``).
"""

from __future__ import annotations

import re

import cv2
import numpy as np
from PIL import Image

from ocr_pipeline.clean.thai_text import THAI_CONSONANT, normalize_thai
from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.tesseract import line_text, ocr_images
from ocr_pipeline.understand.labels import name_groups, starts_with_position, titled_names

NAME_READERS = ("tha", "Thai")  # Tesseract models that read each name line again
POSITION_READER = "tha"  # the model that reads the position line under it again
ROW_BELOW = 1.6  # the position line's centre lies within this many name-line heights under it
SCALE = 0.7  # the cut is shrunk to this size before reading
PAD_X = 0.3  # room left and right of the line's box, in line heights
PAD_Y = 0.06  # room below the line's box (more takes in the next line)
PAD_TOP = 0.35  # room above it, for marks Tesseract left out of the box (only marks are kept there)
MARK_MIN = 0.1  # a blot over the line is a mark when its height or width is at least this x the line's height
MARGIN = 0.3  # white added around the cut, in line heights
TALL = 1.3  # a name line's box taller than this x the page's lines runs into the line under it ...
ROW_HEIGHT = 0.8  # ... when that line is at least this x as tall as the page's lines
SPACE_GAP = 0.5  # the Thai script model spaces every glyph: a word gap is wider than this x the glyphs' median height


# a bracket and a title: a name line whose reading is too garbled for ``name_groups``
# (". (นายปิยะณัฐลือโสภา ฏฏม (นางกัลยคา เอมสอาค) .": a closing bracket read as letters)
LOOSE_NAME_LINE = re.compile(r"[(\[{]\s*(?:นางสาว|นาง|นาย|ว่าที่)")


# a bracket, and at the line's start (an opening bracket and specks before it) นาย or นาง with a tone mark over it or
# one letter misread: the page read the title wrong, and so no name (``(มายชยุด อาจภั``: worn seed 164 doc 4, มาย for
# นาย on a 150 dpi copy; ``น่างสาว รุจีพัชร แวเด)``: blind standard seed 195 doc 0, a speck read as a mai ek, the
# opening bracket a line of its own); taken only over a position (over 27 corpora's pages it picks these lines alone)
MISREAD_TITLE_LINE = re.compile(
    r"^[^\u0e01-\u0e4e]*[(\[{]?\s*(?:น[\u0e48-\u0e4b]?[าำ][\u0e48-\u0e4b]?[งยล]|[มบฆ]า[ยง])(?=[\u0e01-\u0e4e\s])"
)
BRACKET = re.compile(r"[()\[\]{}]")


def name_line_indexes(lines: list[Line]) -> list[int]:
    """The lines that read as a signature's name line, or hold a bracket and a title, or titled
    names without brackets, or a bracket and a misread title (``MISREAD_TITLE_LINE``), over a position."""
    picks = []
    for i, ln in enumerate(lines):
        text = normalize_thai(ln.text)
        if name_groups(text) or LOOSE_NAME_LINE.search(text):
            picks.append(i)
        elif titled_names(text) or (BRACKET.search(text) and MISREAD_TITLE_LINE.match(text)):
            row = position_row(lines, i)  # the names tried first: most lines are none
            if row is not None and starts_with_position(normalize_thai(lines[row[0]].text)):
                picks.append(i)
    return picks


def reread_name_lines(gray: np.ndarray, lines: list[Line], dpi: int) -> dict[int, list[str]]:
    """Line index -> its readings, for the page's name lines (by the models of ``NAME_READERS``)
    and the position line under each (by ``POSITION_READER``, the whole row: Tesseract sometimes
    cuts a position's first word off as lines of its own).

    ``gray``: the prepared page the lines were read from (their boxes are its pixels). Each line is
    read as a single text line (``--psm 7``), all lines of the page in one Tesseract run per model."""
    picks = name_line_indexes(lines)
    if not picks:
        return {}
    readings: dict[int, list[str]] = {i: [] for i in picks}
    below = [position_row(lines, i) for i in picks]
    rows = [row for row in below if row is not None]
    typical = _typical_height(lines)
    cuts = [
        Image.fromarray(_cut(gray, _to_closing(gray, _above(lines[i].box, row, typical), lines[i].text)))
        for i, row in zip(picks, below)
    ]
    row_cuts = [Image.fromarray(_cut(gray, box)) for _i, box in rows]
    for langs in NAME_READERS:
        extra = row_cuts if langs == POSITION_READER else []
        read = ocr_images(cuts + extra, psm=7, langs=langs, dpi=dpi)
        for index, lines_read in zip(picks + [i for i, _box in rows], read):
            texts = [ln.text if langs != "Thai" else _respaced(ln.words) for ln in lines_read]
            text = " ".join(t for t in texts if t.strip())
            if text:
                readings.setdefault(index, []).append(text)
    return readings


def position_row(lines: list[Line], name: int) -> tuple[int, tuple[int, int, int, int]] | None:
    """(index, box) of the line under name line ``name`` (the position, as the signature block's
    next line) and the box of its whole row: with the pieces Tesseract made separate lines of."""
    x0, y0, x1, y1 = lines[name].box
    h = y1 - y0
    below = [
        i
        for i, ln in enumerate(lines)
        if i != name and y1 - 0.3 * h < (ln.box[1] + ln.box[3]) / 2 <= y1 + ROW_BELOW * h and ln.text.strip()
    ]
    texts = [i for i in sorted(below, key=lambda i: lines[i].box[1]) if len(THAI_CONSONANT.findall(lines[i].text)) >= 3]
    if not texts or name_groups(normalize_thai(lines[texts[0]].text)):
        return None
    main = texts[0]  # the first line of Thai text under the name (specks read as letters aside)
    m0, m1 = lines[main].box[1], lines[main].box[3]
    row = [i for i in below if min(m1, lines[i].box[3]) - max(m0, lines[i].box[1]) > 0.3 * (m1 - m0)]
    boxes = [lines[i].box for i in row]
    box = (min(b[0] for b in boxes), m0, max(b[2] for b in boxes), m1)
    return main, box


def _typical_height(lines: list[Line]) -> int:
    """The median height of the page's lines of Thai text (three letters or more), 0 without any."""
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines if len(THAI_CONSONANT.findall(ln.text)) >= 3)
    return heights[len(heights) // 2] if heights else 0


def _above(
    box: tuple[int, int, int, int], row: tuple[int, tuple[int, int, int, int]] | None, typical: int
) -> tuple[int, int, int, int]:
    """The name line's box, its bottom cut back to the line under it when Tesseract's box runs into that line
    (lines set close, a vowel below touching a mark above: fresh standard seed 107 doc 17, the name's box 1.7
    line heights tall, both re-readings read the position). Only a box taller than ``TALL`` page lines
    (``typical``) over a line of a page line's height is cut: a line of specks under a name is no position
    (standard seed 61 doc 0: cut to it, the name lost its letters' feet)."""
    if row is None or not typical:
        return box
    x0, y0, x1, y1 = box
    _i, (_rx0, ry0, _rx1, ry1) = row
    if y1 - y0 <= TALL * typical or ry1 - ry0 < ROW_HEIGHT * typical or ry0 >= y1:
        return box
    return x0, y0, x1, max(ry0, y0 + typical)


CLOSING_GAP = 1.0  # x the line's height: blank columns that end a name line's ink to the right
INK = 128  # a darker pixel of the prepared page is ink


def _to_closing(gray: np.ndarray, box: tuple[int, int, int, int], text: str) -> tuple[int, int, int, int]:
    """The box of a name line whose bracket does not close, widened to the right over the ink of its row up to a gap of
    ``CLOSING_GAP``: Tesseract cut the line (fresh standard seed 141 doc 19: ``(นางสาวสิรินยา พงษ์`` / ``สุ``, the rest
    of the family name ``สุทัศน์)`` read nowhere; the name came out ``พงษ์``). Only the middle of the line's rows is
    looked at: a signature's loops come down into it from above."""
    if "(" not in text or ")" in text[text.rindex("(") :]:
        return box
    x0, y0, x1, y1 = box
    h = y1 - y0
    band = gray[y0 + h // 4 : y1 - h // 4]
    if band.size == 0:
        return box
    ink: np.ndarray = np.asarray((band < INK).any(axis=0))
    gap, x, last = int(CLOSING_GAP * h), x1, x1
    while x < gray.shape[1] and x - last <= gap:
        if ink[x]:
            last = x + 1
        x += 1
    return x0, y0, last, y1


def _cut(gray: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The line's box with room for the marks above it, shrunk by SCALE, on a white margin: the
    box's rows as they are, without the ink of strokes that come down into them from above (a
    signature's loops), and over them only the marks of the line (``_ink_above``)."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    top, bottom = max(0, int(y0 - PAD_TOP * h)), min(gray.shape[0], int(y1 + PAD_Y * h))
    left, right = max(0, int(x0 - PAD_X * h)), min(gray.shape[1], int(x1 + PAD_X * h))
    band = max(top, int(y0 - PAD_Y * h))
    cut = np.full((bottom - top, right - left), 255, dtype=np.uint8)
    cut[band - top :] = gray[band:bottom, left:right]
    marks, strokes = _ink_above(gray, box, (top, band, left, right))
    ys, xs = strokes
    inside = (ys >= band) & (ys < bottom) & (xs >= left) & (xs < right)
    cut[ys[inside] - top, xs[inside] - left] = 255
    for ys, xs in marks:
        cut[ys - top, xs - left] = gray[ys, xs]
    cut = cv2.resize(cut, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)
    m = max(1, int(MARGIN * h * SCALE))
    return cv2.copyMakeBorder(cut, m, m, m, m, cv2.BORDER_CONSTANT, value=255)


Pixels = tuple[np.ndarray, np.ndarray]


def _ink_above(
    gray: np.ndarray, box: tuple[int, int, int, int], room: tuple[int, int, int, int]
) -> tuple[list[Pixels], Pixels]:
    """(marks, strokes) over the line, as page pixels (rows, columns). Marks: whole mark-sized blots
    in the room (rows ``top``..``band``) that sit on a mark of the line's top, which Tesseract left
    out of its box. Strokes: ink that comes from above the room without reaching the line's middle.
    Found in a window wider than the room, so that a pen stroke or the line above is seen whole."""
    top, band, left, right = room
    h = box[3] - box[1]
    wy0, wx0 = max(0, int(box[1] - 1.2 * h)), max(0, left - h)
    wy1, wx1 = min(gray.shape[0], box[3]), min(gray.shape[1], right + h)
    window = gray[wy0:wy1, wx0:wx1]
    _, ink = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    marks: list[Pixels] = []
    strokes = np.zeros(ink.shape, dtype=np.uint8)
    for k in range(1, n):
        x, y, w, hh, _area = stats[k]
        ay0, ay1, ax0, ax1 = y + wy0, y + hh + wy0, x + wx0, x + w + wx0
        if ay0 < top and ay1 > band and ay1 < box[1] + 0.5 * h:
            strokes[y : y + hh, x : x + w] |= (labels[y : y + hh, x : x + w] == k).astype(np.uint8)
            continue
        if ay0 < top or ay0 >= band or not (MARK_MIN * h <= max(hh, w) and hh <= 0.45 * h and w <= 0.6 * h):
            continue  # not wholly in the room, or no mark's size (a speck of dust, a pen stroke)
        if ax0 < left or ax1 > right or x == 0 or x + w >= window.shape[1]:
            continue
        if not ink[band - wy0 : band - wy0 + int(0.25 * h), x : x + w].any():
            continue  # a stacked mark sits on a mark of the line's top
        ys, xs = np.nonzero(labels[y : y + hh, x : x + w] == k)
        keep = ys + ay0 < band  # the band is copied whole
        marks.append((ys[keep] + ay0, xs[keep] + ax0))
    ys, xs = np.nonzero(cv2.dilate(strokes, np.ones((5, 5), np.uint8)))  # with their grey edges
    return marks, (ys + wy0, xs + wx0)


def _respaced(words: list[Word]) -> str:
    """The words of the Thai script model (one per glyph) joined, spaced only at wide gaps."""
    if not words:
        return ""
    height = float(np.median([w.box[3] - w.box[1] for w in words]))
    out = [Word(w.text, w.box, w.conf) for w in words]
    for prev, w in zip(out, out[1:]):
        w.space_before = w.box[0] - prev.box[2] > SPACE_GAP * height
    return line_text(out)
