"""``python -m ocr_pipeline.synth.samples [OUTDIR]``: (re)create the committed ``samples/`` folder.

Deterministic: the same code gives byte-identical files. Seven documents, each with ``<stem>.truth.json``
(``memo.png`` shares ``memo.truth.json`` with ``memo.pdf``: it is the same page, losslessly).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path

from PIL import Image

from ocr_pipeline.synth.degrade import degrade
from ocr_pipeline.synth.document import SynthDoc, make_document
from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.garble import KINDS
from ocr_pipeline.synth.layout import Op, PageLayout, TextOp
from ocr_pipeline.synth.render import render_page
from ocr_pipeline.synth.truth import truth_json
from ocr_pipeline.synth.wrap import text_width
from ocr_pipeline.synth.write import dump_json, write_bytes, write_document

SEED = 20240  # base seed of the samples; each sample adds its own offset
QUIET_SCAN = {"noise_sigma": 2.0, "dust": 0, "stains": 0, "show_through": 0.0, "edge_shadow": False}


def default_outdir() -> Path:
    """The repository's samples/ folder (the generator runs from a source checkout)."""
    return Path(__file__).resolve().parent.parent.parent / "samples"


def _png_bytes(img: Image.Image, dpi: int) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def _write_truth(
    out: Path,
    stem: str,
    doc: SynthDoc,
    file_name: str,
    data: bytes,
    kind: str,
    page_texts: list[str] | None = None,
    extra: dict | None = None,
) -> None:
    synth = doc.synth_info()
    synth.update(extra or {})
    truth = truth_json(doc.report, doc.pages, file_name, data, kind, synth, page_texts)
    write_bytes(out / f"{stem}.truth.json", dump_json(truth))


def _find(seed: int, want, **kwargs) -> SynthDoc:
    """The first document from ``seed`` upwards that satisfies ``want`` (deterministic search)."""
    for s in range(seed, seed + 40):
        doc = make_document(s, "doc", **kwargs)
        if want(doc):
            return doc
    raise RuntimeError("no sample document matched")


def line_image(doc: SynthDoc) -> tuple[Image.Image, bytes, tuple[int, int, int, int], str]:
    """The memo's ที่/วันที่ line alone: its draw operations rendered and scanned, then cropped.

    Returns (image, PNG bytes, crop box on the page, the line's text).
    """
    page = doc.pages[0]
    label = next(op for op in page.ops if isinstance(op, TextOp) and op.text == "ที่" and op.bold)
    same: list[Op] = [op for op in page.ops if isinstance(op, TextOp) and abs(op.y - label.y) < 1]
    fs = FontSet(doc.family, doc.dpi)
    em = doc.dpi / 72 * 20
    x1 = max(op.x + text_width(fs.font(op.pt, op.bold), op.text) for op in same if isinstance(op, TextOp))
    pad = doc.dpi * 3 / 25.4
    box = (int(label.x - pad), int(label.y - em * 1.45), int(x1 + pad), int(label.y + em * 0.75))
    alone = PageLayout(1, page.width, page.height, False, ops=same)
    clean = render_page(alone, fs, random.Random(doc.seed))
    scanned, _jpeg, _info = degrade(clean, doc.scan, doc.dpi, doc.seed * 31, False)
    crop = scanned.crop(box)
    text = next(t for t in page.truth_lines() if t.startswith("ที่ "))
    return crop, _png_bytes(crop, doc.dpi), box, text


def make_samples(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    # memo.pdf + memo.png: the cover memo alone, 300 dpi, a gentle scanner
    memo = make_document(SEED + 1, "memo", parts=("memo",), dpi=300, family="Laksaman", scan_overrides=QUIET_SCAN)
    pdf = memo.pdf()
    write_bytes(out / "memo.pdf", pdf)
    _write_truth(
        out,
        "memo",
        memo,
        "memo.pdf",
        pdf,
        "pdf",
        extra={"note": "memo.png is page 1 of memo.pdf as a lossless PNG (300 dpi); this truth covers both"},
    )
    write_bytes(out / "memo.png", _png_bytes(memo.scans[0], memo.dpi))
    written += [out / "memo.pdf", out / "memo.png", out / "memo.truth.json"]

    # table.pdf: one landscape page of the ruled measure table
    table = make_document(
        SEED + 2,
        "table",
        parts=("table",),
        dpi=250,
        family="Garuda",
        max_table_pages=1,
        scan_overrides={"noise_sigma": 3.0, "jpeg_quality": 70},
    )
    pdf = table.pdf()
    write_bytes(out / "table.pdf", pdf)
    _write_truth(out, "table", table, "table.pdf", pdf, "pdf")
    written += [out / "table.pdf", out / "table.truth.json"]

    # report.pdf: a full report with its markdown and HTML transcripts (garbled at a high rate)
    report = _find(
        SEED + 10,
        lambda d: len(d.pages) == 4,
        dpi=200,
        family="Laksaman",
        scan_overrides={"noise_sigma": 3.0, "jpeg_quality": 60},
    )
    report.stem = "report"
    written += write_document(
        out,
        report,
        transcripts=True,
        garble_rate=dict.fromkeys(KINDS, 0.8),  # the word garbles only, as when the samples were made
        quirks={
            "br": "lines",
            "bold": True,
            "ragged": True,
            "extra_header_column": True,
            "html_rowspan": True,
            "html_title_colspan": True,
        },
    )

    # report2.pdf: another full report, older scanner: stains, punch holes, show-through, merged cells
    report2 = _find(
        SEED + 60,
        lambda d: d.report.style["table"]["merged_first_cell"] and len(d.pages) == 3,
        dpi=200,
        family="Kinnari",
        scan_overrides={
            "stains": 1,
            "punch_holes": True,
            "show_through": 0.05,
            "skew_deg": 1.2,
            "noise_sigma": 3.5,
            "jpeg_quality": 55,
        },
    )
    report2.stem = "report2"
    written += write_document(out, report2, transcripts=False)

    # line.png: one text line (ที่ ... วันที่ ...) cropped from an unskewed 300 dpi memo scan
    line_doc = make_document(
        SEED + 3,
        "line",
        parts=("memo",),
        dpi=300,
        family="Norasi",
        scan_overrides={**QUIET_SCAN, "skew_deg": 0.0, "skew_jitter": 0.0},
    )
    _img, data, box, text = line_image(line_doc)
    write_bytes(out / "line.png", data)
    _write_truth(out, "line", line_doc, "line.png", data, "image", page_texts=[text], extra={"crop_box": list(box)})
    written += [out / "line.png", out / "line.truth.json"]

    # lowres.png: a memo scanned at 150 dpi (for upscaling tests)
    low = make_document(
        SEED + 4, "lowres", parts=("memo",), dpi=150, family="Umpush", scan_overrides={"noise_sigma": 2.5, "dust": 0}
    )
    data = _png_bytes(low.scans[0], 150)
    write_bytes(out / "lowres.png", data)
    _write_truth(out, "lowres", low, "lowres.png", data, "image")
    written += [out / "lowres.png", out / "lowres.truth.json"]

    # scan.tif: a multi-page TIFF (memo + table pages), 200 dpi, JPEG-compressed like office scanners
    tif_doc = _find(
        SEED + 30,
        lambda d: len(d.pages) == 2,
        dpi=200,
        family="Loma",
        scan_overrides={"noise_sigma": 2.5, "jpeg_quality": 70},
    )
    buf = io.BytesIO()
    first, *rest = tif_doc.scans
    first.save(
        buf, "TIFF", save_all=True, append_images=rest, compression="tiff_adobe_deflate", dpi=(tif_doc.dpi, tif_doc.dpi)
    )
    data = buf.getvalue()
    write_bytes(out / "scan.tif", data)
    _write_truth(out, "scan", tif_doc, "scan.tif", data, "image")
    written += [out / "scan.tif", out / "scan.truth.json"]
    write_bytes(out / "README.md", readme(out).encode("utf-8"))
    written.append(out / "README.md")
    return written


_WHAT = {
    "memo.pdf": "cover memo (บันทึกข้อความ) alone: one portrait A4 page, gentle scanner",
    "memo.png": "page 1 of memo.pdf as a lossless PNG with 300 dpi metadata (same pixels; truth: memo.truth.json)",
    "table.pdf": "one landscape page of the ruled five-column measure table, no memo (so memo fields are null)",
    "report.pdf": "a full report: memo + landscape measure table over three pages",
    "report.md": "report.pdf as a VLM OCR engine would transcribe it: markdown, pipe tables with `<br>`, bold, "
    "ragged rows, a header with one extra column, and injected garbles (see `synth.garbles`)",
    "report.html": "the same transcript as HTML: `<table>` with rowspan for the merged measure cells and a colspan "
    "title row; same garbles",
    "report2.pdf": "another full report from an older scanner: stain, punch holes, show-through, 1.2° skew, "
    "merged (rowspan) first cells",
    "line.png": "one text line (ที่ … วันที่ …) rendered alone, scanned, cropped: for single-line OCR (psm 7)",
    "lowres.png": "a memo scanned at 150 dpi (low resolution, for upscaling tests)",
    "scan.tif": "a multi-page grayscale TIFF (deflate): memo + one table page at 200 dpi",
}


def readme(out: Path) -> str:
    """samples/README.md: what each file is and how it was made (generated, so it never goes stale)."""
    import json

    rows = []
    for name, what in _WHAT.items():
        stem = name.rsplit(".", 1)[0]
        truth = json.loads((out / f"{stem}.truth.json").read_text("utf-8"))
        s, d = truth["synth"], truth["document"]
        size = (out / name).stat().st_size / 1e6
        facts = f"{s['font']}, {s['dpi']} dpi"
        if name.endswith((".pdf", ".tif")):
            facts += f", {truth['source']['pages']} page(s), {len(truth['measures'])} measure rows"
        rows.append(f"| `{name}` | {what} | {d['agency'] or '-'} | {facts} | {size:.2f} MB |")
    return "\n".join(
        [
            "# Samples: synthetic scanned ITA reports with ground truth",
            "",
            "Made by the project's own generator, deterministically: `python -m ocr_pipeline.synth.samples`",
            "(code in `ocr_pipeline/synth/samples.py`; re-running it rewrites this folder byte for byte).",
            "Every input has `<stem>.truth.json` in the output contract's JSON shape (schema version 1: `source`,",
            "`document` with `report_round`, `measures`, `corrections` [], `warnings` [], `pages` with the true",
            "text in reading order, tables as one grid row per line with cells joined by ` | `), plus a `synth`",
            "object: seed, font, dpi, skew per page, scanner settings, layout choices and, for transcripts, the",
            "garbles injected. A document field is null when the file itself does not show it (e.g. the table",
            "page has no document number). The agencies are real subdistricts (geothai); people, numbers and",
            "texts are invented.",
            "",
            "| file | what | agency | font, resolution, pages | size |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            "More documents: `python -m ocr_pipeline.synth OUTDIR --n 40 --seed 7 --transcripts`",
            "(`<stem>.pdf`, `<stem>.truth.json`, `<stem>.md`, `<stem>.html`; same seed, same bytes).",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ocr_pipeline.synth.samples")
    ap.add_argument("outdir", type=Path, nargs="?", default=None, help="default: the project's samples/")
    args = ap.parse_args(argv)
    out = args.outdir or default_outdir()
    for p in make_samples(out):
        print(f"{p.stat().st_size / 1e6:7.2f} MB  {p}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
