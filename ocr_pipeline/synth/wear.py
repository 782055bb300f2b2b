"""Worn archive copies: the conditions of a worn scan, the photocopier, and specks inside table cells.

A worn document is printed (``pango`` engine, 600 dpi), photocopied (``photocopy``: clean, thickened
strokes or pale toner), scanned at 150-300 dpi (area resampling at a random sub-pixel phase) and then goes
through the scanner of ``degrade`` (skew, blur, noise, dust, JPEG) with the settings ``Conditions`` fix.
``add_cell_specks`` puts small clusters of dark dots in the empty part of table cells: ordinary scanner
noise that a reader may take for a short line of text.

``Conditions`` is recorded in every truth (``synth.conditions``); the benchmark groups its figures by
``condition_key`` (dpi x copy).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

import cv2
import numpy as np

from ocr_pipeline.synth.layout import PageLayout

PRINT_DPI = 600
COPIES = ("none", "clean", "thick", "pale")
HARD_DPIS = (150, 200, 300)
HARD_COPIES = ("clean", "thick", "pale")


@dataclass
class Conditions:
    """What a document went through; ``None`` leaves the standard generator's own draw."""

    dpi: int | None = None
    copy: str = "none"  # none (the original was scanned) | clean | thick | pale
    blur: float | None = None  # Gaussian sigma, pixels at 300 dpi
    jpeg_quality: int | None = None
    skew: float | None = None  # largest skew in degrees; each document draws within +-skew
    dust: int | None = None  # dust specks per page
    cell_specks: int = 0  # speck clusters per table page, inside cells
    bold: bool = False  # all text bold
    font: str | None = None  # font family (one unlike the standard corpus's: Noto Serif Thai, Angsana New)
    engine: str = "pillow"  # pillow (drawn at the scan's dpi) | pango (a word processor's print)
    preset: str = ""  # "hard" when drawn by hard_conditions

    def to_json(self) -> dict:
        return asdict(self)


def condition_key(dpi: int, copy: str) -> str:
    """'200 dpi x thick': the benchmark's unit of per-condition figures."""
    return f"{dpi} dpi x {copy}"


def hard_conditions(run_seed: int, index: int) -> Conditions:
    """The ``--hard`` preset for document ``index``: dpi x copy cycle through all nine pairs (so a
    corpus of 18 covers each twice); blur, JPEG quality 35-60, skew up to 2.5 degrees, toner dust,
    cell specks, bold text and a face unlike the standard corpus's are drawn per document."""
    rng = random.Random(f"hard-{run_seed}-{index}")
    dpi = HARD_DPIS[index % 3]
    copy = HARD_COPIES[(index // 3) % 3]
    return Conditions(
        dpi=dpi,
        copy=copy,
        blur=round(rng.uniform(0.5, 1.3), 2),
        jpeg_quality=rng.randint(35, 60),
        skew=2.5,
        dust=rng.choice([40, 150, 400, 900]),
        cell_specks=rng.choice([0, 0, 1, 2]),
        bold=rng.random() < 0.2,
        font=rng.choice([None, None, "Noto Serif Thai", "Angsana New"]),
        engine="pango",
        preset="hard",
    )


# ----------------------------------------------------------------------------- photocopier


def photocopy(img: np.ndarray, kind: str, seed: int, dpi: int = PRINT_DPI) -> tuple[np.ndarray, dict]:
    """A photocopy of a printed page (grey levels, float32, at ``dpi``); returns (copy, what was applied).

    The copier's toner either sticks or not: ink coverage is spread by the optics (Gaussian), uneven
    (low-frequency and grain noise) and thresholded; ``thick`` spreads it (strokes grow, small loops
    fill), ``pale`` starves it (thinner, lighter, broken strokes with a mottled fill).
    """
    if kind == "none":
        return img, {}
    rng = np.random.default_rng(seed)
    k = dpi / PRINT_DPI
    h, w = img.shape
    cover = (255.0 - img) / 255.0
    sigma, thr, grain, density = {
        "clean": (rng.uniform(0.7, 1.0), rng.uniform(0.45, 0.52), 0.05, rng.uniform(0.86, 0.95)),
        "thick": (rng.uniform(2.0, 3.0), rng.uniform(0.14, 0.22), 0.08, rng.uniform(0.92, 1.0)),
        "pale": (rng.uniform(0.8, 1.2), rng.uniform(0.55, 0.65), 0.18, rng.uniform(0.55, 0.72)),
    }[kind]
    spread = cv2.GaussianBlur(cover, (0, 0), sigma * k)
    uneven = _smooth_noise(h, w, 48 * k, rng) * 0.05
    fine: np.ndarray = rng.standard_normal((h, w), dtype=np.float32) * grain
    fine = cv2.GaussianBlur(fine, (0, 0), 0.7 * k)
    toner: np.ndarray = ((spread + uneven + fine) > thr).astype(np.float32)
    toner = cv2.GaussianBlur(toner, (0, 0), 0.6 * k)
    if kind == "pale":  # mottled, starved fill
        mottle = 1.0 - 0.4 * np.clip(_smooth_noise(h, w, 3 * k, rng) * 0.8 + 0.5, 0, 1)
        toner = toner * mottle
    paper = 255.0 - rng.uniform(4, 16) if kind != "pale" else 255.0 - rng.uniform(0, 8)
    out = paper - (paper - 12.0) * toner * density
    info = {"copy": kind, "spread_px": round(sigma, 2), "threshold": round(thr, 3), "density": round(density, 3)}
    if kind != "pale" and rng.random() < 0.5:  # a drum streak
        x = int(rng.uniform(0.05, 0.95) * w)
        width = max(1, int(rng.uniform(2, 6) * k))
        out[:, x : x + width] -= rng.uniform(10, 30)
        info["streak_x"] = x
    return out.astype(np.float32), info


def _smooth_noise(h: int, w: int, cell: float, rng: np.random.Generator) -> np.ndarray:
    """Unit-variance noise smooth over about ``cell`` pixels."""
    gh, gw = max(2, int(h / cell)), max(2, int(w / cell))
    small = rng.standard_normal((gh, gw)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def rescan(img: np.ndarray, src_dpi: int, dpi: int, seed: int) -> np.ndarray:
    """Sample a page at ``dpi``: shifted by a random fraction of a target pixel, then area-averaged."""
    rng = np.random.default_rng(seed)
    f = src_dpi / dpi
    dx, dy = rng.uniform(0, f, 2)
    m = np.array([[1, 0, -dx], [0, 1, -dy]], dtype=np.float32)
    h, w = img.shape
    shifted = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return cv2.resize(shifted, (round(w / f), round(h / f)), interpolation=cv2.INTER_AREA)


# ----------------------------------------------------------------------------- specks in cells


def add_cell_specks(img: np.ndarray, page: PageLayout, n: int, scale: float, dpi: int, seed: int) -> list[dict]:
    """Draw ``n`` speck clusters into empty bands of body cells of ``page`` (above the first line or below
    the last); ``img`` is at ``dpi``, ``scale`` times the layout's pixels, and is modified in place.
    Returns where they went (table row index, column, box in ``img``)."""
    rng = random.Random(seed)
    mm = dpi / 25.4
    spots = []
    for cell in page.cells:
        _x0, y0, _x1, y1 = cell.box
        for top, bottom in ((cell.text_bottom, y1), (y0, cell.text_top)):
            if (bottom - top) * scale >= 1.8 * mm:
                spots.append((cell, top * scale, bottom * scale))
    out: list[dict] = []
    for cell, top, bottom in rng.sample(spots, min(n, len(spots))):
        x0, x1 = cell.box[0] * scale, cell.box[2] * scale
        span = min((x1 - x0) * 0.6, rng.uniform(3.0, 8.0) * mm)
        cx0 = rng.uniform(x0 + 1.0 * mm, max(x0 + 1.0 * mm, x1 - span - 1.0 * mm))
        cy = (top + bottom) / 2 + rng.uniform(-0.15, 0.15) * (bottom - top)
        reach = max(0.1 * mm, min(0.8 * mm, (bottom - top) / 2 - 0.4 * mm))
        groups = rng.randint(2, 5)  # clumps along a line, like a few letters
        for g in range(groups):
            gx = cx0 + span * (g + rng.uniform(0.2, 0.8)) / groups
            gy = cy + rng.uniform(-0.5, 0.5) * reach
            for _ in range(rng.randint(1, 4)):
                x = gx + rng.uniform(-0.5, 0.5) * mm
                y = gy + rng.uniform(-0.5, 0.5) * reach
                r = rng.uniform(0.1, 0.4) * mm
                axes = (max(1, round(r * rng.uniform(0.8, 2.2))), max(1, round(r)))
                level = rng.uniform(15, 100)
                cv2.ellipse(img, (round(x), round(y)), axes, rng.uniform(0, 180), 0, 360, float(level), -1, cv2.LINE_AA)
        out.append(
            {
                "row": cell.row_index,
                "col": cell.col,
                "box": [round(cx0), round(cy - reach), round(cx0 + span), round(cy + reach)],
            }
        )
    return out
