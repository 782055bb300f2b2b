"""Draw a laid-out page: text, rules, shading, emblem and signatures. Pillow (raqm shapes Thai) draws
everything in the ``pillow`` engine; in the ``pango`` engine Pango sets the text on a cairo coverage
mask at the page's (printer) resolution, laid over Pillow's rules and marks."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.layout import FillOp, MarkOp, PageLayout, RuleOp, TextOp


def render_page(page: PageLayout, fonts: FontSet, rng: random.Random, ink: int = 20) -> Image.Image:
    """A clean grayscale page image ("L", white paper) of ``page``."""
    img = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(img)
    for op in page.ops:  # shading first so text and rules stay on top
        if isinstance(op, FillOp):
            draw.rectangle([round(v) for v in op.box], fill=op.fill)
    pango = fonts.engine == "pango"
    for op in page.ops:
        if isinstance(op, TextOp):
            if not pango:
                draw.text((op.x, op.y), op.text, font=fonts.font(op.pt, op.bold), fill=ink, anchor="ls")
        elif isinstance(op, RuleOp):
            _rule(draw, op, ink, fonts.dpi)
        elif isinstance(op, MarkOp):
            if op.kind == "emblem":
                _emblem(draw, op.box, ink)
            else:
                _signature(draw, op.box, rng, fonts.dpi)
    if pango:
        img = _pango_text(img, page, fonts, ink)
    return img


def _pango_text(img: Image.Image, page: PageLayout, fonts: FontSet, ink: int) -> Image.Image:
    """Every text op set by Pango on one coverage mask, then inked over ``img``."""
    import cairocffi as cairo
    import numpy as np

    surface = cairo.ImageSurface(cairo.FORMAT_A8, page.width, page.height)
    ctx = cairo.Context(surface)
    for op in page.ops:
        if isinstance(op, TextOp):
            fonts.font(op.pt, op.bold).draw(ctx, op.x, op.y, op.text, op.justify)
    surface.flush()
    cover = np.ndarray((page.height, surface.get_stride()), np.uint8, surface.get_data())[:, : page.width]
    a = np.asarray(img, dtype=np.float32)
    alpha = cover.astype(np.float32) / 255.0
    out = a * (1.0 - alpha) + ink * alpha
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "L")


def _rule(draw: ImageDraw.ImageDraw, op: RuleOp, ink: int, dpi: int) -> None:
    if not op.dotted:
        w = max(1, round(op.width))
        draw.line([(round(op.x0), round(op.y0)), (round(op.x1), round(op.y1))], fill=ink, width=w)
        return
    step = max(4, round(dpi * 0.8 / 25.4))
    r = max(1, round(dpi / 300))
    y = round(op.y0)
    for x in range(round(op.x0), round(op.x1), step):
        draw.ellipse([x - r / 2, y - r / 2, x + r / 2, y + r / 2], fill=min(255, ink + 60))


def _emblem(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], ink: int) -> None:
    """A stylised Garuda seal: head, spread wings, body and tail feathers (no text)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    cx = (x0 + x1) / 2
    P = lambda fx, fy: (x0 + fx * w, y0 + fy * h)  # noqa: E731
    draw.ellipse([cx - w * 0.1, y0, cx + w * 0.1, y0 + h * 0.2], fill=ink)  # head
    draw.polygon([P(0.5, 0.12), P(0.62, 0.05), P(0.6, 0.18)], fill=ink)  # crown / beak
    for side in (-1, 1):
        pts = [(cx + side * w * 0.08, y0 + h * 0.28)]
        for k in range(6):
            ang = math.radians(100 - 14 * k)
            r = w * (0.48 - 0.02 * k)
            pts.append((cx + side * r * math.sin(ang), y0 + h * 0.45 - r * math.cos(ang) * 0.9))
        pts.append((cx + side * w * 0.1, y0 + h * 0.55))
        draw.polygon(pts, fill=ink)
        draw.polygon(
            [
                (cx + side * w * 0.06, y0 + h * 0.7),
                (cx + side * w * 0.28, y0 + h * 0.98),
                (cx + side * w * 0.12, y0 + h * 0.98),
            ],
            fill=ink,
        )  # legs
    draw.ellipse([cx - w * 0.14, y0 + h * 0.2, cx + w * 0.14, y0 + h * 0.72], fill=ink)  # body
    draw.polygon([P(0.38, 0.7), P(0.62, 0.7), P(0.7, 0.92), P(0.3, 0.92)], fill=ink)  # tail


def _signature(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], rng: random.Random, dpi: int) -> None:
    """A handwritten-looking pen stroke: a few loops along a smooth random path."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    n = rng.randint(3, 6)
    pts = []
    steps = 80
    phase = [rng.uniform(0, 6.28) for _ in range(3)]
    amp = [rng.uniform(0.15, 0.45) for _ in range(3)]
    freq = [rng.uniform(0.8, 1.6) * n, rng.uniform(0.3, 0.8) * n, rng.uniform(1.5, 3) * n]
    x_start = x0 + w * rng.uniform(0.0, 0.2)
    x_len = w * rng.uniform(0.6, 0.95)
    for k in range(steps + 1):
        t = k / steps
        loop = math.sin(freq[0] * t * 6.28 + phase[0])
        x = x_start + x_len * t + w * 0.05 * math.cos(freq[0] * t * 6.28 + phase[0])
        y = y0 + h * (
            0.5
            + amp[0] * loop
            + amp[1] * 0.5 * math.sin(freq[1] * t * 6.28 + phase[1])
            + 0.08 * math.sin(freq[2] * t * 6.28 + phase[2])
            - 0.2 * t
        )
        pts.append((x, y))
    width = max(2, round(dpi * 0.35 / 25.4))
    draw.line(pts, fill=rng.randint(50, 100), width=width, joint="curve")
    if rng.random() < 0.6:  # underline flourish
        yy = y0 + h * rng.uniform(0.75, 0.95)
        draw.line(
            [(x_start, yy), (x_start + x_len * rng.uniform(0.6, 1.0), yy - h * 0.1)],
            fill=rng.randint(50, 100),
            width=width,
        )
