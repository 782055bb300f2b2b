"""Cut a word image into glyphs and turn each glyph into a feature vector.

Shared by the digit reader (inference) and ``scripts/train_digit_reader.py`` (training), so both
see glyphs cut and normalised the same way. Numpy + OpenCV only.

A glyph is a connected component of ink, with components that share most of their columns merged
(broken strokes, ``:``, a letter and its vowel/tone mark). Features: the glyph scaled to a fixed
square keeping its aspect ratio (pixels + gradient-orientation histograms), plus its size and
vertical position relative to the text band (so ``.`` is not ``๐`` and ``-`` is not ``_``).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ocr_pipeline.clean.thai_text import ARABIC_DIGITS, THAI_DIGITS  # re-exported: dg.THAI_DIGITS

PUNCT = "./-():,"
#: Labels the reader may output; every other training label means "not a digit" (a letter).
TARGETS = THAI_DIGITS + ARABIC_DIGITS + PUNCT

SIZE = 20  # side of the normalised glyph square, pixels
_CELL = 5  # HOG cell side
_BINS = 8  # HOG orientation bins
N_FEATURES = SIZE * SIZE + (SIZE // _CELL) ** 2 * _BINS + 5


@dataclass
class Glyph:
    """One glyph: its box in the cut image (x1, y1 exclusive) and its ink mask (box-shaped)."""

    x0: int
    y0: int
    x1: int
    y1: int
    mask: np.ndarray

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0


def ink_mask(gray: np.ndarray, min_contrast: int = 48) -> np.ndarray | None:
    """Dark ink as a bool array (Otsu threshold), or None when the image holds no ink."""
    if gray.size == 0:
        return None
    lo, hi = int(gray.min()), int(gray.max())
    if hi - lo < min_contrast:
        return None
    thr, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = gray <= thr
    dark, light = gray[ink], gray[~ink]
    if dark.size == 0 or light.size == 0 or float(light.mean()) - float(dark.mean()) < min_contrast:
        return None
    return ink


def _merge(a: Glyph, b: Glyph) -> Glyph:
    x0, y0 = min(a.x0, b.x0), min(a.y0, b.y0)
    x1, y1 = max(a.x1, b.x1), max(a.y1, b.y1)
    mask = np.zeros((y1 - y0, x1 - x0), bool)
    for g in (a, b):
        mask[g.y0 - y0 : g.y1 - y0, g.x0 - x0 : g.x1 - x0] |= g.mask
    return Glyph(x0, y0, x1, y1, mask)


def _belong(a: Glyph, b: Glyph, ref: float | None = None) -> bool:
    """Two components of one glyph: sharing most columns and stacked (``:``, a mark over a letter,
    a stroke broken across) or one inside the other. ``/`` leaning under a digit stays apart. With
    the body height ``ref``, a component far above or below another (a mark of the line above) and
    not as small as a dot of ``:`` stays apart too."""
    xo = min(a.x1, b.x1) - max(a.x0, b.x0)
    yo = min(a.y1, b.y1) - max(a.y0, b.y0)
    mw, mh = min(a.w, b.w), min(a.h, b.h)
    if xo < 0.5 * mw:
        return False
    if ref and -yo > 0.25 * ref and max(a.h, b.h) > 0.4 * ref:
        return False
    return yo <= 0.3 * mh or (xo >= 0.9 * mw and yo >= 0.9 * mh)


def join(a: Glyph, b: Glyph) -> Glyph:
    """One glyph of two (pieces of a glyph broken apart)."""
    return _merge(a, b)


def find_glyphs(
    ink: np.ndarray, speck: float = 0.1, rows: tuple[float, float] | None = None, ref: float | None = None
) -> list[Glyph]:
    """Glyphs of an ink mask, left to right.

    Components smaller than ``speck`` x the tallest component in both directions are noise and dropped;
    with ``rows`` (y0, y1), so are components wholly outside those rows, or touching the top or bottom
    edge with their centre outside them (ink of the lines above and below). Components that belong
    together (``_belong``, given the body height ``ref`` if known) are merged.
    """
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    if n <= 1:
        return []
    ch = ink.shape[0]
    if rows is not None:
        ys, hs = stats[1:, cv2.CC_STAT_TOP], stats[1:, cv2.CC_STAT_HEIGHT]
        centre = ys + hs / 2
        foreign = ((ys == 0) | (ys + hs == ch)) & ((centre < rows[0]) | (centre > rows[1]))
        foreign |= (ys + hs <= rows[0]) | (ys >= rows[1])
        if foreign.all():
            return []
        max_h = int(hs[~foreign].max())
    else:
        foreign = np.zeros(n - 1, bool)
        max_h = int(stats[1:, cv2.CC_STAT_HEIGHT].max())
    lim = max(1.0, speck * max_h)
    glyphs: list[Glyph] = []
    for i in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[i])
        if (w <= lim and h <= lim) or foreign[i - 1]:
            continue
        glyphs.append(Glyph(x, y, x + w, y + h, labels[y : y + h, x : x + w] == i))
    glyphs.sort(key=lambda g: (g.x0, g.y0))
    merged = True
    while merged and len(glyphs) > 1:
        merged = False
        for i in range(len(glyphs)):
            for j in range(i + 1, len(glyphs)):
                a, b = glyphs[i], glyphs[j]
                if b.x0 >= a.x1:
                    break
                if _belong(a, b, ref):
                    glyphs[i] = _merge(a, b)
                    del glyphs[j]
                    merged = True
                    break
            if merged:
                break
    glyphs.sort(key=lambda g: g.x0)
    return glyphs


def _tight(x0: int, y0: int, mask: np.ndarray) -> Glyph | None:
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if rows.size == 0:
        return None
    m = mask[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return Glyph(x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1, m)


def _shifts(g: Glyph, slope: float) -> np.ndarray:
    """Per row, how far a cut leaning ``slope`` (x per y, ``/`` > 0) lies right of its column at mid-height."""
    return np.round(slope * (g.h / 2 - np.arange(g.h))).astype(int)


def split_at(g: Glyph, col: int, slope: float = 0.0) -> tuple[Glyph, Glyph] | None:
    """Cut a glyph into a left and a right glyph along the line through column ``col`` (relative to its
    box, at mid-height) leaning ``slope``: 0 is upright; a slash touching a digit is cut along its lean."""
    if not slope:
        left, right = _tight(g.x0, g.y0, g.mask[:, :col]), _tight(g.x0 + col, g.y0, g.mask[:, col:])
    else:
        left, right = between(g, None, (col, slope)), between(g, (col, slope), None)
    if left is None or right is None:
        return None
    return left, right


def _profile(g: Glyph, slope: float) -> np.ndarray:
    """Ink along each cut line through a column (at mid-height) leaning ``slope``."""
    if not slope:
        return g.mask.sum(0).astype(float)
    shift = _shifts(g, slope)
    prof = np.zeros(g.w, float)
    for y in range(g.h):  # the row's pixels moved so that the cut is upright
        xs = np.flatnonzero(g.mask[y]) - shift[y]
        np.add.at(prof, xs[(xs >= 0) & (xs < g.w)], 1.0)
    return prof


def cut_lines(g: Glyph, slopes: tuple[float, ...], margin: int, k: int = 14) -> list[tuple[int, float]]:
    """Where touching glyphs may meet, as (column at mid-height, slope): the ``k`` lowest local minima
    of ink along upright and leaning cuts, ``margin`` pixels or more from the edges."""
    found: list[tuple[float, int, float]] = []
    for slope in slopes:
        prof = np.convolve(_profile(g, slope), [0.25, 0.5, 0.25], mode="same")
        for c in range(margin, g.w - margin):
            if prof[c] <= prof[max(0, c - 2) : c + 3].min():
                found.append((float(prof[c]), c, slope))
    found.sort()
    out: list[tuple[int, float]] = []
    for _ink, c, slope in found:
        if all(abs(c - o) > 2 or slope != t for o, t in out):
            out.append((c, slope))
        if len(out) == k:
            break
    return sorted(out)


def between(g: Glyph, a: tuple[int, float] | None, b: tuple[int, float] | None) -> Glyph | None:
    """The part of a glyph right of cut ``a`` and left of cut ``b`` (None: the glyph's edge)."""
    keep = np.ones_like(g.mask)
    xs = np.arange(g.w)[None, :]
    if a is not None:
        keep &= xs >= (a[0] + _shifts(g, a[1]))[:, None]
    if b is not None:
        keep &= xs < (b[0] + _shifts(g, b[1]))[:, None]
    return _tight(g.x0, g.y0, g.mask & keep)


def cut_columns(g: Glyph, k: int = 3, slope: float = 0.0) -> list[int]:
    """Up to ``k`` columns where touching glyphs most likely meet (least ink along a cut leaning
    ``slope``, away from the edges)."""
    prof = _profile(g, slope)
    lo, hi = max(1, int(0.2 * g.w)), min(g.w - 1, int(0.8 * g.w) + 1)
    if hi <= lo:
        return []
    prof = np.convolve(prof, [0.25, 0.5, 0.25], mode="same")
    cols = sorted(range(lo, hi), key=lambda c: (prof[c], abs(c - g.w / 2)))
    out: list[int] = []
    for c in cols:
        if all(abs(c - o) > 0.1 * g.w for o in out):
            out.append(c)
        if len(out) == k:
            break
    return out


def band_of(glyphs: list[Glyph], ref_h: float | None = None) -> tuple[float, float]:
    """(height, centre y) of the text body: the rows that the boxes of most glyphs cover.

    From the pixels alone (Tesseract's boxes for Thai are loose). Most glyphs of a digit string or a
    word sit on the baseline and reach the body's top; ascenders, descenders, stacked marks and dots
    are the minority; dots and dashes do not count. ``ref_h`` is the answer when there is no glyph.
    """
    if not glyphs:
        return (float(ref_h or 1.0), 0.0)
    tallest = max(g.h for g in glyphs)
    glyphs = [g for g in glyphs if g.h >= 0.5 * tallest]  # dots and dashes do not tell the body
    top, bottom = min(g.y0 for g in glyphs), max(g.y1 for g in glyphs)
    cover = np.zeros(bottom - top, np.int32)
    for g in glyphs:
        cover[g.y0 - top : g.y1 - top] += 1
    dense = cover > 0.5 * len(glyphs)
    best, start, run = (0, 0), 0, 0
    for i, d in enumerate(dense):
        if d:
            if run == 0:
                start = i
            run += 1
            if run > best[1] - best[0]:
                best = (start, i + 1)
        else:
            run = 0
    h = float(max(1, best[1] - best[0]))
    return (h, top + (best[0] + best[1]) / 2)


def normalise(g: Glyph) -> np.ndarray:
    """The glyph scaled so its longer side is ``SIZE`` and centred in a SIZE x SIZE float square."""
    h, w = g.mask.shape
    s = SIZE / max(h, w)
    nh, nw = max(1, round(h * s)), max(1, round(w * s))
    img = cv2.resize(g.mask.astype(np.float32), (nw, nh), interpolation=cv2.INTER_AREA)
    out = np.zeros((SIZE, SIZE), np.float32)
    y, x = (SIZE - nh) // 2, (SIZE - nw) // 2
    out[y : y + nh, x : x + nw] = img
    return out


def _hog(imgs: np.ndarray) -> np.ndarray:
    """Gradient-orientation histograms of (n, SIZE, SIZE) images: (SIZE/_CELL)^2 cells x _BINS, L2-normed."""
    n = len(imgs)
    gx = np.zeros_like(imgs)
    gy = np.zeros_like(imgs)
    gx[:, :, 1:-1] = imgs[:, :, 2:] - imgs[:, :, :-2]
    gy[:, 1:-1, :] = imgs[:, 2:, :] - imgs[:, :-2, :]
    mag = np.hypot(gx, gy)
    b = np.minimum(((np.arctan2(gy, gx) % np.pi) / np.pi * _BINS).astype(int), _BINS - 1)
    k = SIZE // _CELL
    cell = np.arange(SIZE) // _CELL
    idx = (cell[:, None] * k + cell[None, :]) * _BINS + b  # (n, SIZE, SIZE)
    idx = idx + (np.arange(n) * k * k * _BINS)[:, None, None]
    hist = np.bincount(idx.ravel(), weights=mag.ravel(), minlength=n * k * k * _BINS).reshape(n, -1)
    return (hist / (np.linalg.norm(hist, axis=1, keepdims=True) + 1e-6)).astype(np.float32)


def features(glyphs: list[Glyph], band: tuple[float, float]) -> np.ndarray:
    """One feature row per glyph (see module docstring)."""
    h_band, cy_band = band
    if not glyphs:
        return np.zeros((0, N_FEATURES), np.float32)
    imgs = np.stack([normalise(g) for g in glyphs])
    extra = np.array(
        [
            [
                g.h / h_band,
                g.w / h_band,
                ((g.y0 + g.y1) / 2 - cy_band) / h_band,
                np.log(g.w / g.h),
                g.mask.mean(),
            ]
            for g in glyphs
        ],
        np.float32,
    )
    return np.concatenate([imgs.reshape(len(glyphs), -1), _hog(imgs), extra], axis=1)
