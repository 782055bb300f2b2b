"""``<stem>.review.html``: one self-contained page to check what the pipeline read and changed.

Left, each page image (downscaled, embedded as a data URI) with the OCR's words and the table cells
outlined in the colour of their confidence band; right, the document fields, the warnings, every
correction (before -> after, rule, score) and the measure rows. Choosing a correction, field, row
or warning marks its place on the page (``assets/review.js``). Low-confidence values and fields
left empty are flagged. Plain HTML, CSS and JavaScript; Noto Sans Thai is embedded when installed,
and Thai system fonts are named after it. A transcript input has no page images: the page shows
the rest.
"""

from __future__ import annotations

import base64
import functools
import html
import re
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

from ocr_pipeline.model import Page, Result
from ocr_pipeline.resources import load_table
from ocr_pipeline.scan_outputs import geometry
from ocr_pipeline.scan_outputs.page_images import review_images
from ocr_pipeline.scan_outputs.pieces import Item
from ocr_pipeline.scan_outputs.places import Place, find_text, mean_confidence

MEASURE_COLUMNS = ("measure_no", "measure", "step_no", "step", "responsible", "period_text", "result", "page")
WARNING_PLACE = re.compile(r"^page (\d+):.*?'([^']+)'")


def review_page(result: Result, items: dict[int, list[Item]], places: list[Place | None], stem: str) -> str:
    """The review page's HTML; ``places`` are the corrections' (``places.locate_all``)."""
    all_items = [it for page_items in items.values() for it in page_items]
    by_key = {it.key: it for it in all_items}
    scanned = [page.number for page in result.pages if page.geometry is not None]
    jpegs = review_images(Path(result.source.path), result.source.kind, scanned) if scanned else {}
    body = [
        _header(result, stem),
        "<main>",
        '<div class="pages">',
        *(_page_figure(page, items.get(page.number, []), jpegs.get(page.number, b"")) for page in result.pages),
        "</div>",
        "<aside>",
        _fields(result, all_items, by_key),
        _warnings(result, all_items),
        _corrections(result, places),
        _measures(result, all_items),
        "</aside>",
        "</main>",
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(stem)} – review</title>\n"
        f"<style>\n{_font_face()}{_asset('review.css')}</style>\n"
        "</head>\n<body>\n" + "\n".join(body) + f"\n<script>\n{_asset('review.js')}</script>\n</body>\n</html>\n"
    )


def band(conf: float | None) -> str:
    """high | medium | low | unknown, from ``dictionaries/review_confidence.tsv``."""
    if conf is None or conf < 0:
        return "unknown"
    for name, lower in load_table("review_confidence.tsv"):
        if conf >= float(lower):
            return name
    return "low"


def _header(result: Result, stem: str) -> str:
    doc = result.document
    title = doc.agency or stem
    counts = [
        f"{len(result.pages)} page(s)",
        f"{len(result.measures)} measure row(s)",
        f"{len(result.corrections)} correction(s)",
        f"{len(result.warnings)} warning(s)",
    ]
    scans = any(p.geometry for p in result.pages)
    legend = (
        '<div class="legend">'
        + "".join(f'<span><i class="{b}"></i>{b} confidence</span>' for b in ("high", "medium", "low"))
        + '<span><i class="mark"></i>chosen place</span>'
        + '<label><input type="checkbox" data-hide="words" checked> words</label>'
        + '<label><input type="checkbox" data-hide="cells" checked> table cells</label>'
        + "</div>"
        if scans
        else ""
    )
    return (
        f"<header><h1>{_e(title)}</h1>"
        f"<p>{_e(result.source.path)} · {_e(result.source.kind)} · sha256 {_e(result.source.sha256[:12])}…</p>"
        f'<p class="counts">{"".join(f"<span>{c}</span>" for c in counts)}</p>{legend}</header>'
    )


def _page_figure(page: Page, items: list[Item], jpeg: bytes) -> str:
    caption = f"Page {page.number}"
    if page.mean_confidence is not None:
        caption += f" · mean OCR confidence {page.mean_confidence:.1f}"
    if page.geometry is None:
        return f'<figure id="page-{page.number}"><figcaption>{caption}</figcaption><p class="none">no page image (transcript)</p></figure>'
    g = page.geometry
    if abs(g.skew) >= 0.05:
        caption += f" · scanned {g.skew:+.1f}° off level"
    uri = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
    matrix = geometry.svg_matrix(geometry.prepared_to_source(page))
    words, cells = [], []
    for item in items:
        if item.kind == "cell" and item.box:
            cells.append(_rect(item.box, f"cell {band(item.conf)}", f"{item.key}: {item.text}", item.conf))
        for p in item.pieces:
            words.append(_rect(p.box, f"word {band(p.conf)}", p.text, p.conf))
    return (
        f'<figure class="page" id="page-{page.number}"><figcaption>{caption}</figcaption>'
        f'<svg viewBox="0 0 {g.source_width} {g.source_height}" role="img" aria-label="page {page.number}">'
        f'<image href="{uri}" x="0" y="0" width="{g.source_width}" height="{g.source_height}" preserveAspectRatio="none"/>'
        f'<g transform="{matrix}"><g class="cells">{"".join(cells)}</g><g class="words">{"".join(words)}</g>'
        '<g class="marks"></g></g></svg></figure>'
    )


def _rect(box, cls: str, text: str, conf: float) -> str:
    x0, y0, x1, y1 = (int(v) for v in box)
    tip = f"{text} (confidence {conf:.0f})" if conf >= 0 else text
    return f'<rect class="{cls}" x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}"><title>{_e(tip)}</title></rect>'


def _pick(place: Place | None, page: int | None = None) -> str:
    """Attributes that make a row choosable (its place) or mark it as having none."""
    if place is None:
        return f' class="unplaced" data-page="{page or ""}" title="no place found on the page"'
    boxes = "|".join(" ".join(str(int(v)) for v in b) for b in place.boxes)
    return f' class="pick" tabindex="0" role="button" data-page="{place.page}" data-boxes="{boxes}"'


def _fields(result: Result, items: list[Item], by_key: dict[str, Item]) -> str:
    doc = asdict(result.document)
    rows = []
    for name, value in doc.items():
        if name == "signatories":
            for i, s in enumerate(value):
                for part in ("name", "position"):
                    rows.append(_field_row(f"signatories[{i}].{part}", s[part], items, by_key))
            if not value:
                rows.append(_field_row("signatories", None, items, by_key))
            continue
        rows.append(_field_row(name, value, items, by_key))
    return (
        '<section id="fields"><h2>Document fields</h2><table><thead><tr><th>field</th><th>value</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _field_row(name: str, value, items: list[Item], by_key: dict[str, Item]) -> str:
    if value is None or value == "":
        return f'<tr><td>{_e(name)}</td><td><span class="flag missing">no evidence: left empty</span></td></tr>'
    place = find_text(str(value), items) if isinstance(value, str) else None
    flag = ""
    if place is not None:
        conf = mean_confidence(place, by_key)
        if band(conf) == "low":
            flag = f'<span class="flag low">low confidence ({conf:.0f})</span>'
    return f"<tr{_pick(place)}><td>{_e(name)}</td><td>{_e(str(value))}{flag}</td></tr>"


def _warnings(result: Result, items: list[Item]) -> str:
    if not result.warnings:
        return '<section id="warnings"><h2>Warnings</h2><p class="empty">none</p></section>'
    lines = []
    for w in result.warnings:
        m = WARNING_PLACE.match(w)
        place = find_text(m.group(2), items, int(m.group(1))) if m else None
        attrs = _pick(place) if place else ""
        lines.append(f"<li{attrs}>{_e(w)}</li>")
    return (
        f'<section id="warnings"><h2>Warnings ({len(lines)})</h2><ul class="warnings">{"".join(lines)}</ul></section>'
    )


def _corrections(result: Result, places: list[Place | None]) -> str:
    if not result.corrections:
        return '<section id="corrections"><h2>Corrections</h2><p class="empty">none</p></section>'
    rows = []
    for c, place in zip(result.corrections, places):
        after = f'<span class="after">{_e(c.after)}</span>' if c.after else '<span class="flag note">removed</span>'
        rows.append(
            f"<tr{_pick(place, c.page)}><td class=num>{c.page or ''}</td><td>{_e(c.field)}</td>"
            f'<td><span class="before">{_e(c.before)}</span><span class="arrow">→</span>{after}</td>'
            f"<td>{_e(c.rule)}</td><td class=num>{c.score:.1f}</td></tr>"
        )
    return (
        f'<section id="corrections"><h2>Corrections ({len(rows)})</h2><div class="scroll"><table>'
        "<thead><tr><th>page</th><th>field</th><th>before → after</th><th>rule</th><th>score</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _measures(result: Result, items: list[Item]) -> str:
    if not result.measures:
        return '<section id="measures"><h2>Measures</h2><p class="empty">no measure table</p></section>'
    head = "".join(f"<th>{c}</th>" for c in (*MEASURE_COLUMNS, "confidence"))
    rows = []
    for m in result.measures:
        values = asdict(m)
        place = find_text(m.step or m.measure, items, m.page) if (m.step or m.measure) else None
        cells = "".join(
            f"<td{' class=num' if isinstance(values[c], int) else ''}>{_e('' if values[c] is None else str(values[c]))}</td>"
            for c in MEASURE_COLUMNS
        )
        conf = None if m.confidence is None else 100 * m.confidence
        flag = ' <span class="flag low">low</span>' if band(conf) == "low" else ""
        shown = "" if m.confidence is None else f"{m.confidence:.2f}"
        rows.append(f"<tr{_pick(place, m.page)}>{cells}<td class=num>{shown}{flag}</td></tr>")
    return (
        f'<section id="measures"><h2>Measures ({len(rows)})</h2><div class="scroll"><table>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@functools.cache
def _asset(name: str) -> str:
    return files("ocr_pipeline.scan_outputs").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


FONT_FILE = "NotoSansThai-Regular.ttf"  # Debian's fonts-noto-core
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@functools.cache
def _font_face() -> str:
    """Noto Sans Thai, embedded (38 KB) so that the page shows Thai the same everywhere; found in the
    system's font folders (looking it up through OCRmyPDF's font provider cost 0.5 s of imports)."""
    found = next((f for d in FONT_DIRS for f in sorted(Path(d).expanduser().rglob(FONT_FILE))), None)
    if found is None:
        return ""
    data = base64.b64encode(found.read_bytes()).decode("ascii")
    return f'@font-face {{ font-family: "Review Thai"; src: url(data:font/ttf;base64,{data}) format("truetype"); }}\n'
