"""Page image clean-up before OCR: upscaling of low-resolution scans, background flattening
(uneven brightness, stains, show-through) and deskewing."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

TARGET_DPI = 300
MIN_DPI = 200
MAX_SKEW = 4.0  # degrees searched either way


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
    ink = binarize(small)
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
        for i in sorted(rows[key] + rows.get(key + 1, []), key=lambda k: centres[k][0]) + [-1]:
            if i >= 0 and chain and centres[i][0] - centres[chain[-1]][0] < 40:
                chain.append(i)
                continue
            if len(chain) >= 8:
                doomed.update(chain)
            chain = [i] if i >= 0 else []
    if not doomed:
        return gray
    remove = np.zeros(n, dtype=bool)
    remove[list(doomed)] = True
    out = gray.copy()
    out[remove[labels]] = 255
    return out


def prepare_page(image: Image.Image, dpi: float | None) -> tuple[np.ndarray, int, float]:
    """Upscale, flatten, deskew and strip dotted leaders; returns (gray array, dpi, skew angle)."""
    gray, out_dpi = upscale_to_target(to_array(image), dpi)
    flat = clip_paper(flatten_background(gray))
    angle = estimate_skew(flat)
    return remove_dotted_leaders(deskew(flat, angle)), out_dpi, angle
