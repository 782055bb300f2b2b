"""One synthetic scanned document: content, layout, rendering and scanning, from one seed.

Independent random streams (content, style, layout, render, scanner) keep a change in one stage from
reshuffling the others.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from ocr_pipeline.synth.content import Report, make_report
from ocr_pipeline.synth.degrade import ScanParams, degrade, scan_params
from ocr_pipeline.synth.fonts import FAMILIES, FontSet, available_families
from ocr_pipeline.synth.layout import PageLayout, layout_memo
from ocr_pipeline.synth.pdfwrite import JpegPage, pdf_bytes
from ocr_pipeline.synth.render import render_page
from ocr_pipeline.synth.table_layout import layout_table
from ocr_pipeline.synth.wear import PRINT_DPI, Conditions, add_cell_specks, condition_key, photocopy, rescan

DPI_CHOICES = (200, 240, 250, 300, 300)


@dataclass
class SynthDoc:
    stem: str
    seed: int  # the document's own seed
    report: Report
    pages: list[PageLayout]
    clean: list[Image.Image]  # rendered pages before scanning
    scans: list[Image.Image]  # scanned pages (decoded JPEG: exactly the PDF's pixels)
    jpegs: list[bytes]
    dpi: int
    family: str
    scan: ScanParams
    applied: list[dict]  # per page: the effects actually applied
    conditions: Conditions = field(default_factory=Conditions)

    def pdf(self) -> bytes:
        return pdf_bytes([JpegPage(d, im.width, im.height, self.dpi) for d, im in zip(self.jpegs, self.scans)])

    def synth_info(self) -> dict:
        """The truth's ``synth`` object (garbles are added by the transcript writer)."""
        style = dict(self.report.style)
        return {
            "generator": "ocr_pipeline.synth",
            "version": 1,
            "seed": self.seed,
            "font": self.family,
            "font_pt": {"memo": 16, "table": style.get("table", {}).get("pt")},
            "dpi": self.dpi,
            "skew_deg": [a.get("skew_deg", 0.0) for a in self.applied],
            "scan": self.scan.to_json(),
            "degradations": self.applied,
            "layout": style,
            "garbles": [],
            "conditions": {**self.conditions.to_json(), "dpi": self.dpi, "font": self.family},
            "condition": condition_key(self.dpi, self.conditions.copy),
        }


def doc_seed(seed: int, index: int) -> int:
    """Seed of document ``index`` in a run seeded ``seed``; independent of how many documents are made."""
    return abs(seed) * 1_000_003 + index


def make_document(
    seed: int,
    stem: str,
    *,
    parts: Sequence[str] = ("memo", "table"),
    dpi: int | None = None,
    family: str | None = None,
    max_table_pages: int = 3,
    clean: bool = False,
    scan_overrides: dict | None = None,
    conditions: Conditions | None = None,
) -> SynthDoc:
    """Generate, lay out, render and scan one document from its own ``seed``.

    ``parts`` picks the memo page and/or the table pages; ``scan_overrides`` sets scanner fields
    (``ScanParams``) by name, e.g. ``{"punch_holes": True}``; ``conditions`` (``wear.Conditions``) sets
    the worn-scan conditions: a printed and photocopied original, dpi, blur, JPEG, skew, dust, cell
    specks, bold text, font. Without them (or with their defaults) the document is the standard one.
    """
    cond = conditions or Conditions()
    report = make_report(seed)
    style_rng = random.Random(seed * 7 + 1)
    families = available_families()
    if family is None:
        family = style_rng.choices(families, weights=[FAMILIES[f][2] for f in families])[0]
    chosen_dpi = style_rng.choice(DPI_CHOICES)
    family = cond.font or family
    dpi = dpi or cond.dpi or chosen_dpi
    printed = cond.engine == "pango" or cond.copy != "none"
    layout_dpi = PRINT_DPI if printed else dpi
    fonts = FontSet(family, layout_dpi, cond.engine, cond.bold)
    layout_rng = random.Random(seed * 7 + 2)
    pages: list[PageLayout] = []
    if "memo" in parts:
        pages.append(layout_memo(report, fonts, layout_rng, number=1))
    else:
        layout_rng.random()
    if "table" in parts:
        pages.extend(layout_table(report, fonts, layout_rng, first_number=len(pages) + 1, max_pages=max_table_pages))
    render_rng = random.Random(seed * 7 + 3)
    ink = render_rng.randint(0, 45)
    clean_imgs = [render_page(p, fonts, render_rng, ink) for p in pages]
    params = scan_params(random.Random(seed * 7 + 4), clean=clean)
    _apply_conditions(params, cond, random.Random(seed * 7 + 8))
    for key, value in (scan_overrides or {}).items():
        if not hasattr(params, key):
            raise ValueError(f"unknown scanner setting {key!r}")
        setattr(params, key, value)
    scans, jpegs, applied = [], [], []
    for i, (page, img) in enumerate(zip(pages, clean_imgs)):
        behind = clean_imgs[i + 1] if i + 1 < len(clean_imgs) else (clean_imgs[i - 1] if i else None)
        original, wear = _worn_original(img, page, cond, layout_dpi, dpi, seed * 31 + i)
        im, data, info = degrade(original, params, dpi, seed * 31 + i, page.landscape, behind)
        scans.append(im)
        jpegs.append(data)
        applied.append({**info, **wear})
    return SynthDoc(stem, seed, report, pages, clean_imgs, scans, jpegs, dpi, family, params, applied, cond)


def _apply_conditions(params: ScanParams, cond: Conditions, rng: random.Random) -> None:
    """Set the scanner fields that ``cond`` fixes (skew is drawn within +-cond.skew)."""
    if cond.blur is not None:
        params.blur_sigma = cond.blur
    if cond.jpeg_quality is not None:
        params.jpeg_quality = cond.jpeg_quality
    if cond.dust is not None:
        params.dust = cond.dust
    if cond.copy != "none":
        params.show_through = 0.0  # the copier saw one side of the sheet
    if cond.skew is not None:
        params.skew_jitter = min(0.2, cond.skew / 4)
        reach = cond.skew - params.skew_jitter
        params.skew_deg = rng.uniform(-reach, reach)


def _worn_original(
    img: Image.Image, page: PageLayout, cond: Conditions, layout_dpi: int, dpi: int, seed: int
) -> tuple[Image.Image, dict]:
    """The sheet the scanner sees: ``img`` photocopied, sampled at ``dpi``, with specks in its cells."""
    if cond.copy == "none" and layout_dpi == dpi and not (cond.cell_specks and page.cells):
        return img, {}
    a = np.asarray(img, dtype=np.float32)
    a, info = photocopy(a, cond.copy, seed + 7000, layout_dpi)
    if layout_dpi != dpi:
        a = rescan(a, layout_dpi, dpi, seed + 9000)
    if cond.cell_specks and page.cells:
        a = np.ascontiguousarray(a)
        info["cell_specks"] = add_cell_specks(a, page, cond.cell_specks, dpi / layout_dpi, dpi, seed + 11000)
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "L"), info
