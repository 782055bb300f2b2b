"""Make a clean page look scanned: paper tone, faded toner, uneven light, stains, punch holes,
show-through, skew, blur, sensor noise and dust, then JPEG compression. Seeded; every effect is recorded.

Strengths are kept low enough that a person can read every character.
"""

from __future__ import annotations

import io
import random
from dataclasses import asdict, dataclass

import cv2
import numpy as np
from PIL import Image


@dataclass
class ScanParams:
    """One document's scanner: the same settings for all of its pages (skew varies per page)."""

    skew_deg: float
    skew_jitter: float
    paper: int  # grey level of blank paper
    contrast: float  # 1.0 = toner as printed, lower = faded
    light_amp: float  # uneven brightness, fraction of the grey range
    blur_sigma: float  # px at 300 dpi
    noise_sigma: float
    dust: int  # specks per page
    jpeg_quality: int
    stains: int
    punch_holes: bool
    show_through: float  # 0 = none, else darkness of the mirrored other page
    edge_shadow: bool

    def to_json(self) -> dict:
        d = asdict(self)
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in d.items()}


def scan_params(rng: random.Random, clean: bool = False) -> ScanParams:
    """Draw a scanner; ``clean=True`` gives a nearly perfect scan (still JPEG-compressed)."""
    if clean:
        return ScanParams(0.0, 0.0, 250, 1.0, 0.0, 0.3, 1.5, 0, 90, 0, False, 0.0, False)
    return ScanParams(
        skew_deg=max(-2.0, min(2.0, rng.gauss(0, 0.8))),
        skew_jitter=rng.uniform(0.0, 0.35),
        paper=rng.randint(228, 250),
        contrast=rng.uniform(0.72, 1.0),
        light_amp=rng.uniform(0.0, 0.1),
        blur_sigma=rng.uniform(0.25, 1.0),
        noise_sigma=rng.uniform(1.5, 6.0),
        dust=rng.choice([0, 0, 30, 120, 400]),
        jpeg_quality=rng.randint(40, 80),
        stains=rng.choices([0, 1, 2], weights=[85, 11, 4])[0],
        punch_holes=rng.random() < 0.12,
        show_through=rng.uniform(0.03, 0.07) if rng.random() < 0.15 else 0.0,
        edge_shadow=rng.random() < 0.1,
    )


def degrade(
    img: Image.Image, p: ScanParams, dpi: int, seed: int, landscape: bool, behind: Image.Image | None = None
) -> tuple[Image.Image, bytes, dict]:
    """Scan ``img`` ("L"); returns (decoded JPEG image, JPEG bytes, what was applied to this page)."""
    rng = np.random.default_rng(seed)
    prng = random.Random(seed)
    a: np.ndarray = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    k = dpi / 300.0
    applied: dict = {}
    if p.show_through > 0 and behind is not None:
        a = _show_through(a, behind, p.show_through, k)
        applied["show_through"] = round(p.show_through, 3)
    a = 255.0 - (255.0 - a) * p.contrast  # faded toner
    a *= p.paper / 255.0  # paper tone
    if p.light_amp > 0:
        a *= _light_field(h, w, p.light_amp, rng)
    if p.stains:
        a = _stains(a, p.stains, rng, k)
        applied["stains"] = p.stains
    if p.punch_holes:
        _punch_holes(a, landscape, k, prng)
        applied["punch_holes"] = 2
    skew = p.skew_deg + prng.uniform(-p.skew_jitter, p.skew_jitter)
    if abs(skew) > 0.01:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
        a = cv2.warpAffine(
            a, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=float(p.paper)
        )
    applied["skew_deg"] = round(skew, 3)
    if p.edge_shadow:
        _edge_shadow(a, prng, k)
        applied["edge_shadow"] = True
    sigma = p.blur_sigma * k
    if sigma > 0.05:
        a = cv2.GaussianBlur(a, (0, 0), sigma)
    a += rng.standard_normal(a.shape, dtype=np.float32) * p.noise_sigma
    if p.dust:
        _dust(a, p.dust, rng, k)
    out = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=p.jpeg_quality, optimize=False, dpi=(dpi, dpi))
    data = buf.getvalue()
    return Image.open(io.BytesIO(data)).convert("L"), data, applied


def _show_through(a: np.ndarray, behind: Image.Image, strength: float, k: float) -> np.ndarray:
    """The mirrored other side of the sheet, blurred and faint."""
    b = behind.transpose(Image.Transpose.FLIP_LEFT_RIGHT).resize((a.shape[1], a.shape[0]))
    small: np.ndarray = np.asarray(b.resize((max(1, a.shape[1] // 4), max(1, a.shape[0] // 4))), dtype=np.float32)
    small = cv2.GaussianBlur(small, (0, 0), 1.2 * k)
    ink = 255.0 - cv2.resize(small, (a.shape[1], a.shape[0]), interpolation=cv2.INTER_LINEAR)
    return a - ink * strength


def _light_field(h: int, w: int, amp: float, rng: np.random.Generator) -> np.ndarray:
    """A smooth multiplicative field between 1-amp and 1 (lamp fall-off, a lifted lid)."""
    yy, xx = np.mgrid[0:64, 0:64].astype(np.float32) / 63.0
    gx, gy = rng.uniform(-1, 1, 2)
    cx, cy = rng.uniform(0.2, 0.8, 2)
    f = gx * xx + gy * yy + 0.8 * ((xx - cx) ** 2 + (yy - cy) ** 2)
    f = (f - f.min()) / max(1e-6, float(f.max() - f.min()))
    field = 1.0 - amp * f
    return cv2.resize(field.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)


def _stains(a: np.ndarray, n: int, rng: np.random.Generator, k: float) -> np.ndarray:
    """Tea or coffee rings and blotches: soft darkening, stronger at the rim."""
    h, w = a.shape
    scale = 8
    mask = np.zeros((h // scale + 1, w // scale + 1), np.float32)
    for _ in range(n):
        cx, cy = rng.uniform(0.1, 0.9) * mask.shape[1], rng.uniform(0.1, 0.9) * mask.shape[0]
        r = rng.uniform(60, 160) * k / scale
        ring = rng.random() < 0.5
        cv2.ellipse(
            mask,
            (int(cx), int(cy)),
            (int(r), int(r * rng.uniform(0.7, 1.0))),
            rng.uniform(0, 180),
            0,
            360,
            1.0,
            thickness=max(1, int(r / 6)) if ring else -1,
        )
        if ring:
            cv2.ellipse(mask, (int(cx), int(cy)), (int(r), int(r * 0.85)), 0, 0, 360, 0.35, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 3)
    mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_LINEAR)
    return a * (1.0 - float(rng.uniform(0.12, 0.25)) * mask)


def _punch_holes(a: np.ndarray, landscape: bool, k: float, prng: random.Random) -> None:
    """Two filing holes: dark discs (the scanner lid shows through), in the binding margin."""
    h, w = a.shape
    r = int(3.0 * 300 / 25.4 * k)
    off = int(prng.uniform(9, 13) * 300 / 25.4 * k)
    gap = int(40 * 300 / 25.4 * k)
    level = prng.uniform(40, 90)
    if landscape:  # holes along the top edge of a landscape page
        centres = [(w // 2 - gap, off), (w // 2 + gap, off)]
    else:
        centres = [(off, h // 2 - gap), (off, h // 2 + gap)]
    for cx, cy in centres:
        cv2.circle(a, (cx, cy), r, float(level), -1, lineType=cv2.LINE_AA)


def _edge_shadow(a: np.ndarray, prng: random.Random, k: float) -> None:
    """A grey band along one edge where the sheet did not lie flat."""
    h, w = a.shape
    width = int(prng.uniform(2, 6) * 300 / 25.4 * k)
    ramp = np.linspace(0.45, 1.0, width, dtype=np.float32)
    side = prng.choice(["left", "right", "top", "bottom"])
    if side == "left":
        a[:, :width] *= ramp[None, :]
    elif side == "right":
        a[:, w - width :] *= ramp[::-1][None, :]
    elif side == "top":
        a[:width, :] *= ramp[:, None]
    else:
        a[h - width :, :] *= ramp[::-1][:, None]


def _dust(a: np.ndarray, n: int, rng: np.random.Generator, k: float) -> None:
    """Specks of dust: tiny dark dots, a few a little larger."""
    h, w = a.shape
    ys = rng.integers(0, h, n)
    xs = rng.integers(0, w, n)
    sizes = rng.choice([1, 1, 1, 2, 3], n)
    levels = rng.uniform(60, 170, n)
    for y, x, s, v in zip(ys, xs, sizes, levels):
        s = max(1, int(s * k))
        a[y : y + s, x : x + s] = np.minimum(a[y : y + s, x : x + s], v)
