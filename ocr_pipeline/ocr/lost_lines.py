"""Lines of text the page's reading left out, or read as a few words of garbage, read again on their own.

Tesseract's page segmentation sometimes takes a block of text for a picture (two lines under a signature's scribble):
fresh worn seed 152 doc 8 read the first signatory's name and position, ``(นายราชัญ มุทุกันต์)`` /
``นักประชาสัมพันธ์ปฏิบัติการ``, as ``0 ญ ผ่``, and the signatory was lost. Each band of ink as tall as a line of the
page's text, or as two whose marks meet (``ink_bands``, ``BAND_HEIGHT``), is cut into runs of ink; a run that the words
Tesseract read well (Thai letters, confidence ``WELL_READ`` or more) cover less than half of and whose ink is mostly
glyph-sized blots (``_text_like``: not a signature) is read again (all such runs on one canvas, one call, as a block of
lines). Each line read there, at ``ACCEPT_CONF`` or more, holding more Thai letters than the words standing in its rows,
replaces them as a line of its own (rule ``lost-line``).
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from ocr_pipeline.clean.thai_text import THAI_CONSONANT
from ocr_pipeline.layout.preprocess import ink_bands
from ocr_pipeline.model import Correction, Line, Word, union_box
from ocr_pipeline.ocr.latin_reread import ACCEPT_CONF, INK, Anchor, read_image_lines
from ocr_pipeline.ocr.tesseract import line_text

__all__ = ["reread_lost_lines", "unread_runs"]

WELL_READ = 60.0  # a word's confidence: a word read at least this surely covers its ink
COVERED = 0.5  # share of a run's width that words read well must cover
BAND_HEIGHT = (0.6, 2.5)  # x the page's typical band: a band of one line of text, or of two whose marks meet
RUN_GAP = 1.5  # x the band's height: ink columns closer than this are one run (the words of a line)
MIN_RUN = 3.0  # x the band's height: a narrower run (a page number, a scribble's end) is not read again
PAD = (0.6, 0.3)  # x the band's height: the rows above (marks too light to count in the band) and below a run that
# its crop takes in, short of the next band
MIN_LETTERS = 3  # Thai letters a reading needs


def _typical(bands: list[tuple[int, int]], read_lines: list[Line]) -> float:
    """The median height of the bands one of ``read_lines`` (lines with well-read words) stands in; 0 without any."""
    heights = [
        b - a for a, b in bands if any(min(ln.box[3], b) - max(ln.box[1], a) > 0.5 * (b - a) for ln in read_lines)
    ]
    return float(np.median(heights)) if heights else 0.0


_TEXT = re.compile("[\u0e01-\u0e5bA-Za-z0-9]")


def _well_read(words: list[Word]) -> list[Word]:
    """The words of letters or digits (Thai or Latin: ``Integrity and Transparency``) read at ``WELL_READ`` or more."""
    return [w for w in words if w.conf >= WELL_READ and _TEXT.search(w.text)]


def _runs(ink: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Column runs of ``ink`` (a column mask) joined across gaps of at most ``gap``."""
    cols = np.flatnonzero(ink)
    if cols.size == 0:
        return []
    runs, start, last = [], int(cols[0]), int(cols[0])
    for c in cols[1:]:
        if c - last > gap:
            runs.append((start, last + 1))
            start = int(c)
        last = int(c)
    runs.append((start, last + 1))
    return runs


GLYPH_WIDTH = 2.0  # x the band's height: wider ink is no glyph (a signature's stroke, a rule)
GLYPH_SHARE = 0.6  # share of a run's ink width that glyph-sized blots must make up for it to be text


def _text_like(gray: np.ndarray, box: tuple[int, int, int, int], h: int) -> bool:
    """Is the ink of ``box`` mostly glyph-sized blots (text), not long strokes (a signature's scribble: worn seed 22
    doc 5's read ``(ชาะวจ`` at 82)?"""
    x0, y0, x1, y1 = box
    ink = (gray[y0:y1, x0:x1] < INK).astype(np.uint8)
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    widths = [int(stats[k, cv2.CC_STAT_WIDTH]) for k in range(1, n)]
    total = sum(widths)
    glyphs = sum(w for w in widths if w <= GLYPH_WIDTH * h)
    return total > 0 and glyphs >= GLYPH_SHARE * total


def _in_band(w: Word, a: int, b: int) -> bool:
    """Does the word stand in the band's rows (most of the band's height, or its middle inside the band)?"""
    shared = min(w.box[3], b) - max(w.box[1], a)
    return shared > 0.5 * (b - a) or a <= (w.box[1] + w.box[3]) / 2 <= b


def unread_runs(gray: np.ndarray, lines: list[Line], dpi: int) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of the runs of ink in line-high bands that no well-read words cover (see the module)."""
    bands = ink_bands(gray, dpi)
    per_line = [(ln, _well_read(ln.words)) for ln in lines]  # once per page, not once per band
    well = [w for _ln, words in per_line for w in words]
    h = _typical(bands, [ln for ln, words in per_line if words])
    if not h:
        return []
    out = []
    for k, (a, b) in enumerate(bands):
        if not BAND_HEIGHT[0] * h <= b - a <= BAND_HEIGHT[1] * h:
            continue
        ink: np.ndarray = np.asarray((gray[a:b] < INK).any(axis=0))
        read = [w for w in well if _in_band(w, a, b)]
        for x0, x1 in _runs(ink, int(RUN_GAP * (b - a))):
            if x1 - x0 < MIN_RUN * (b - a):
                continue
            covered = np.zeros(x1 - x0, dtype=bool)
            for w in read:
                covered[max(w.box[0], x0) - x0 : max(min(w.box[2], x1) - x0, 0)] = True
            if covered.mean() >= COVERED or not _text_like(gray, (x0, a, x1, b), b - a):
                continue
            top = max(a - int(PAD[0] * (b - a)), bands[k - 1][1] if k else 0)
            bottom = min(b + int(PAD[1] * (b - a)), bands[k + 1][0] if k + 1 < len(bands) else gray.shape[0])
            out.append((x0, top, x1, bottom))
    return out


def _crop(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, tuple[int, int]]:
    x0, y0, x1, y1 = box
    pad = max(4, (y1 - y0) // 3)
    left = max(0, x0 - pad)
    return gray[y0:y1, left : min(gray.shape[1], x1 + pad)], (left, y0)


def reread_lost_lines(
    gray: np.ndarray, lines: list[Line], ocr, page: int, anchors: list[Anchor], dpi: int
) -> list[Correction]:
    """Read again the runs of ``unread_runs`` (``ocr(image, psm, langs)``), put the readings taken into ``lines`` (in
    place, in the order of their tops) in place of the words standing in them; a correction for each. A run's band may
    hold two lines whose marks touch (a signatory's name over the position: fresh standard seed 209 doc 6 lost both, and
    only the position was taken): each line read there is taken or left on its own, in place of the words of its rows."""
    boxes = unread_runs(gray, lines, dpi)
    if not boxes:
        return []
    corrections = []
    for box, (read, dx, dy) in zip(boxes, read_image_lines([_crop(gray, box) for box in boxes], ocr, psm=6)):
        for new in read:
            words = [
                Word(w.text, (w.box[0] + dx, w.box[1] + dy, w.box[2] + dx, w.box[3] + dy), w.conf, w.space_before)
                for w in new.words
            ]
            rows = (
                box if len(read) == 1 else (box[0], min(w.box[1] for w in words), box[2], max(w.box[3] for w in words))
            )
            taken = _take(words, rows, lines, anchors, page)
            if taken is not None:
                corrections.append(taken)
    return corrections


def _take(
    words: list[Word], box: tuple[int, int, int, int], lines: list[Line], anchors: list[Anchor], page: int
) -> Correction | None:
    """The reading ``words`` put into ``lines`` in place of the words standing in ``box``, if it is read surely and holds
    more Thai letters than they do; its correction, or None."""
    text = line_text(words)
    conf = sum(w.conf for w in words) / len(words)
    x0, y0, x1, y1 = box
    inside = [
        (ln, w)
        for ln in lines
        for w in ln.words
        if x0 <= (w.box[0] + w.box[2]) / 2 <= x1 and y0 <= (w.box[1] + w.box[3]) / 2 <= y1
    ]
    before = " ".join(w.text for _ln, w in inside)
    if conf < ACCEPT_CONF or len(THAI_CONSONANT.findall(text)) < max(
        MIN_LETTERS, 2 * len(THAI_CONSONANT.findall(before))
    ):
        return None
    for ln, w in inside:
        ln.words = [x for x in ln.words if x is not w]
        if ln.words:
            ln.words[0].space_before = False
            ln.box = union_box(x.box for x in ln.words)
    lines[:] = [ln for ln in lines if ln.words]
    words[0].space_before = False
    line = Line(text, union_box(w.box for w in words), words)
    at = sum((ln.box[1] + ln.box[3]) / 2 < (line.box[1] + line.box[3]) / 2 for ln in lines)
    lines.insert(at, line)
    anchors.append(Anchor(line, words[0], words[-1], True, ("", ""), across_lines=True))
    return Correction(page, "pages.text", before, text, "lost-line", round(conf, 1))
