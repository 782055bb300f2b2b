"""Page image clean-up before OCR: upscaling of low-resolution scans, background flattening
(uneven brightness, stains, show-through) and deskewing."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

TARGET_DPI = 300
MIN_DPI = 200
MAX_SKEW = 4.0  # degrees searched either way
SKEW_MARGIN = 0.03  # of each side: the page's edges, left out of the skew estimate


def to_array(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=np.uint8)


def upscale_to_target(gray: np.ndarray, dpi: float | None) -> tuple[np.ndarray, int]:
    """Scans under 200 dpi are upscaled to 300 dpi (Tesseract's Thai model wants ~20 px x-height)."""
    if dpi is None:
        return gray, TARGET_DPI
    if dpi >= MIN_DPI:
        return gray, int(round(dpi))
    factor = TARGET_DPI / dpi
    size = (int(round(gray.shape[1] * factor)), int(round(gray.shape[0] * factor)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_CUBIC), TARGET_DPI


def flatten_background(gray: np.ndarray) -> np.ndarray:
    """Divide by a smooth estimate of the paper so that shading and faint stains become white."""
    small = cv2.resize(gray, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    background = cv2.dilate(small, np.ones((7, 7), np.uint8))  # paper is the local maximum
    background = cv2.medianBlur(background, 7)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(background, 1), scale=255)
    return flat


PALE_INK = 128  # grey level: a page whose darkest ink (its darkest tenth) is lighter than this, the level the
# later steps call ink, is a pale copy (measured: 16-121 on 89 standard pages, 148-184 on pale worn ones)
PALE_SHARE = 0.10  # the share of the ink pixels that sets the ink's dark level


def restore_contrast(gray: np.ndarray) -> np.ndarray:
    """A pale copy's ink made dark again: grey levels stretched so that the ink's dark level (the
    ``PALE_SHARE`` darkest of the pixels Otsu calls ink) becomes black and white stays white. The steps
    after this one, and Tesseract, look for ink darker than mid-grey; a copy whose toner is all lighter
    loses whole table cells as empty. A page with dark ink is returned as it is."""
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = gray[gray <= threshold]
    if ink.size < 0.001 * gray.size:  # a blank page: nothing to stretch
        return gray
    lo = float(np.percentile(ink, 100 * PALE_SHARE))
    if lo <= PALE_INK:
        return gray
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * 255.0 / max(1.0, 255.0 - lo), 0, 255)
    return cv2.LUT(gray, lut.astype(np.uint8))


def clip_paper(gray: np.ndarray) -> np.ndarray:
    """Make near-white pixels white: faint show-through, dust and shading sit well above the
    ink. The cut is halfway between the page's Otsu threshold and white, so that it never eats
    ink, and a page whose real text is masked away later cannot make Tesseract's own Otsu
    mistake show-through for text."""
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    cut = (float(threshold) + 255.0) / 2.0
    out = gray.copy()
    out[out > cut] = 255
    return out


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0 (Otsu on the flattened page)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def estimate_skew(gray: np.ndarray) -> float:
    """Skew angle in degrees (positive = text rises to the right), by projection-profile sharpness."""
    scale = 1000.0 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    my, mx = int(SKEW_MARGIN * h), int(SKEW_MARGIN * w)
    # without the page's edges: a scanner's edge shadow lies along the image, not the text, and a band of
    # it outweighed the whole table (worn seed 41 doc 8: a 1.7 degree page read as straight, no grid found)
    ink = binarize(small[my : h - my, mx : w - mx])
    if ink.mean() < 0.5:  # blank page
        return 0.0

    def sharpness(angle: float) -> float:
        rotated = _rotate(ink, angle, border=0)
        profile = rotated.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(best - 0.5, best + 0.51, 0.1), key=sharpness)
    return float(round(fine, 2))


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < 0.05:
        return gray
    return _rotate(gray, angle, border=255)


def _rotate(img: np.ndarray, angle: float, border: int) -> np.ndarray:
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(
        img, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def remove_dotted_leaders(gray: np.ndarray) -> np.ndarray:
    """Whiten dotted leader lines (the dots under memo header fields).

    They touch descenders and make Tesseract drop whole lines. A leader is a chain of at
    least eight small ink dots on one baseline at short, regular steps; Thai marks never form one.
    """
    ink = binarize(gray)
    n, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return gray
    w, h, area = stats[:, 2], stats[:, 3], stats[:, 4]
    small = np.flatnonzero((w <= 10) & (h <= 10) & (area <= 60))
    small = small[small > 0]
    rows: dict[int, list[int]] = {}
    for i in small:
        rows.setdefault(int(centres[i][1]) // 6, []).append(int(i))
    doomed: set[int] = set()
    for key in rows:
        chain: list[int] = []
        for j in [*sorted(rows[key] + rows.get(key + 1, []), key=lambda k: centres[k][0]), -1]:
            if j >= 0 and chain and centres[j][0] - centres[chain[-1]][0] < 40:
                chain.append(j)
                continue
            if len(chain) >= 8:
                doomed.update(chain)
            chain = [j] if j >= 0 else []
    if not doomed:
        return gray
    remove = np.zeros(n, dtype=bool)
    remove[list(doomed)] = True
    out = gray.copy()
    out[remove[labels]] = 255
    return out


LINE_MAX_INCHES = 0.8  # a cropped line's text band is lower than this
LINE_MIN_ASPECT = 3  # ... and at least this many times as wide as it is high
MARK_GAP_INCHES = 1 / 30  # gaps this low (at least 6 px) between bands of ink are those of stacked marks
MIN_BAND = 8  # pixels: a lower band of ink is no line of text
FRAGMENT_SHARE = 0.5  # a band touching the top or bottom edge lower than this x the tallest band is a
# fragment of the line above or below, cut by the crop


def ink_bands(gray: np.ndarray, dpi: int) -> list[tuple[int, int]]:
    """Rows (start, end) of the bands of ink, once the small gaps between Thai stacked marks (tone marks,
    upper and lower vowels) are closed."""
    width = gray.shape[1]
    ink = (gray < 128).sum(axis=1) > max(2, width // 400)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], ink.astype(np.int8), [0]))))
    bands = [[int(a), int(b)] for a, b in zip(edges[::2], edges[1::2]) if b - a >= 2]
    merged: list[list[int]] = []
    for a, b in bands:
        if merged and a - merged[-1][1] <= max(6, dpi * MARK_GAP_INCHES):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def single_line(gray: np.ndarray, dpi: int) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """(rows of the line, rows of the fragments) of a cropped line of text, or None when the image is
    not one: one band of ink (``ink_bands``) under ``LINE_MAX_INCHES`` high and ``LINE_MIN_ASPECT`` times
    as wide, besides fragments of the lines above and below that the crop cut (low bands at its edge)."""
    height, width = gray.shape
    bands = [b for b in ink_bands(gray, dpi) if b[1] - b[0] >= 2]
    if not bands:
        return None
    tallest = max(b - a for a, b in bands)
    fragments = [(a, b) for a, b in bands if (a <= 1 or b >= height - 1) and b - a < FRAGMENT_SHARE * tallest]
    lines = [(a, b) for a, b in bands if (a, b) not in fragments and b - a >= MIN_BAND]
    if len(lines) != 1:
        return None
    a, b = lines[0]
    if b - a > LINE_MAX_INCHES * dpi or width < LINE_MIN_ASPECT * (b - a):
        return None
    return lines[0], fragments


LINE_MARGIN = 0.25  # x the line's height: the white margin a cropped line gets on every side before OCR
# (THND's crops touch their text: Tesseract read the tightest of them far worse without one)


def pad_line(gray: np.ndarray, rows: tuple[int, int]) -> tuple[np.ndarray, int]:
    """A cropped line with a white margin of at least ``LINE_MARGIN`` x its height on every side, and
    the width of the margin added (0: the image had enough)."""
    height, width = gray.shape
    a, b = rows
    cols = np.flatnonzero((gray[a:b] < 128).any(axis=0))
    if cols.size == 0:
        return gray, 0
    room = min(a, height - b, int(cols[0]), width - 1 - int(cols[-1]))
    add = max(0, int(np.ceil(LINE_MARGIN * (b - a))) - room)
    if not add:
        return gray, 0
    return cv2.copyMakeBorder(gray, add, add, add, add, cv2.BORDER_CONSTANT, value=255), add


UNDERLINE_WIDTH = 0.5  # an underline runs under at least this share of the line's ink width ...
UNDERLINE_THICKNESS = 0.12  # ... is no thicker on average than this x the line's band height
UNDERLINE_GAP = 0.02  # ... and lies under a row with ink in at most this share of the line's width ...
BODY_SHARE = 0.5  # ... below the letters' bodies: the first run of rows with this share of the fullest row's ink
INK_LEVEL = 128  # grey level under which a prepared page's pixel is ink
FAINT_LEVEL = 224  # ... or its grey edge


def erase_underlines(gray: np.ndarray, rows: tuple[int, int]) -> np.ndarray:
    """A cropped line without the rule drawn under it (an underlined telephone or account number on a
    real scan: with the rule Tesseract read ``๑๗๙-๒-๑๗๔๗๒-๒`` as ``๑๓ล๒๒๑๓6๕๒๒``, without it right).
    ``rows``: the line's band of ink (``single_line``). A rule is a thin stroke of ink, long and low
    (straight or slanted, in the band or under it), below a row that is nearly empty (where a letter
    touches it, it is cut there); everything under that row goes with it but the ends of letters
    that reach down across it. A rule through the text stays; the image is returned as it is when
    there is no rule."""
    a, b = rows
    ink = (gray[a:] < INK_LEVEL).astype(np.uint8)  # the prepared page's ink, without its grey edges
    cols = np.flatnonzero(ink[: b - a].any(axis=0))
    if cols.size == 0:
        return gray
    width, height = int(cols[-1] - cols[0] + 1), b - a
    profile = ink.sum(axis=1)
    full = profile[:height] >= BODY_SHARE * profile[:height].max()
    start = int(np.argmax(full))
    while start < height and full[start]:  # the first run of full rows: the letters' bodies
        start += 1
    for r in range(start, len(profile)):  # under the bodies only
        if profile[r] > UNDERLINE_GAP * width:
            continue
        n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink[r:], connectivity=8)
        if not any(
            stats[k][2] >= UNDERLINE_WIDTH * width and stats[k][4] / stats[k][2] <= UNDERLINE_THICKNESS * height
            for k in range(1, n)
        ):
            continue
        faint = (gray[a + r :] < FAINT_LEVEL).astype(np.uint8)  # with the rule's grey edges
        m, parts, boxes, _ = cv2.connectedComponentsWithStats(faint, connectivity=8)
        keep = [k for k in range(1, m) if boxes[k][1] == 0 and boxes[k][2] < UNDERLINE_WIDTH * width]
        out = gray.copy()
        out[a + r :][~np.isin(parts, keep)] = 255
        return out
    return gray


def whiten_rows(gray: np.ndarray, rows: list[tuple[int, int]]) -> np.ndarray:
    """A copy with those rows made white."""
    if not rows:
        return gray
    out = gray.copy()
    for a, b in rows:
        out[a:b] = 255
    return out


def prepare_page(image: Image.Image, dpi: float | None) -> tuple[np.ndarray, int, float]:
    """Upscale, flatten, darken a pale copy, deskew and strip dotted leaders; returns (gray array, dpi,
    skew angle)."""
    gray, out_dpi = upscale_to_target(to_array(image), dpi)
    flat = clip_paper(restore_contrast(flatten_background(gray)))
    angle = estimate_skew(flat)
    return remove_dotted_leaders(deskew(flat, angle)), out_dpi, angle
