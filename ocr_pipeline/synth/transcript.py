"""Transcripts of a synthetic document as a Thai VLM OCR engine (Typhoon OCR and the like) writes them:
markdown with pipe tables, or HTML with ``<table>`` (rowspan/colspan); pages separated by a form feed.

Quirks are drawn per document and recorded: reflowed memo paragraphs, ``<br>`` at line or paragraph
breaks inside cells, occasional ``**bold**``, ragged rows that drop an empty first cell, a header with
one column more than the body, continuation rows folded into a rowspan, a title row spanning the table.
"""

from __future__ import annotations

import html
import random
from dataclasses import asdict, dataclass

from ocr_pipeline.synth.content import Report
from ocr_pipeline.synth.garble import KINDS, STRUCTURE_KINDS, TEXT_KINDS, inject
from ocr_pipeline.synth.layout import PageLayout
from ocr_pipeline.synth.tmodel import TItem, TPara, TTable, from_layout


@dataclass
class Quirks:
    reflow_memo: bool
    br: str  # lines | paras | none
    bold: bool
    ragged: bool
    extra_header_column: bool
    html_rowspan: bool
    html_title_colspan: bool
    title_style: str  # heading | bold | plain


# a correct transcript: the document's lines as printed, tables as they are, nothing lost or added
CLEAN_QUIRKS = {
    "reflow_memo": False,
    "br": "none",
    "bold": False,
    "ragged": False,
    "extra_header_column": False,
    "html_rowspan": False,
    "html_title_colspan": False,
    "title_style": "heading",
}


def draw_quirks(rng: random.Random) -> Quirks:
    return Quirks(
        reflow_memo=rng.random() < 0.4,
        br=rng.choices(["lines", "paras", "none"], [4, 4, 2])[0],
        bold=rng.random() < 0.3,
        ragged=rng.random() < 0.25,
        extra_header_column=rng.random() < 0.15,
        html_rowspan=rng.random() < 0.5,
        html_title_colspan=rng.random() < 0.3,
        title_style=rng.choice(["heading", "bold", "plain"]),
    )


def make_transcripts(
    report: Report,
    pages: list[PageLayout],
    seed: int,
    garble_rate: float | dict[str, float],
    quirks: dict | None = None,
    kinds: tuple[str, ...] | None = None,
) -> tuple[str, str, dict]:
    """(markdown, html, record for the truth's synth: quirks and garbles); ``quirks`` overrides by name;
    ``garble_rate`` is one rate for every kind or a rate per kind; ``kinds`` limits the garble kinds
    (default: all, ``garble.ALL_KINDS``). Structural garbles come first, word garbles, then the VLM text
    garbles (the word garbles keep their own random stream)."""
    rng = random.Random(seed * 7 + 5)
    q = draw_quirks(rng)
    for key, value in (quirks or {}).items():
        if not hasattr(q, key):
            raise ValueError(f"unknown transcript quirk {key!r}")
        setattr(q, key, value)
    items = from_layout(pages, report, q.reflow_memo)
    vlm_rng = random.Random(seed * 7 + 9)
    pick = lambda group: tuple(k for k in group if kinds is None or k in kinds)  # noqa: E731
    garbles = inject(vlm_rng, items, report, garble_rate, pick(STRUCTURE_KINDS))
    garbles += inject(random.Random(seed * 7 + 6), items, report, garble_rate, pick(KINDS))
    garbles += inject(vlm_rng, items, report, garble_rate, pick(TEXT_KINDS))
    md = "\f".join(_md_page(p, q, rng) for p in items)
    ht = "\f".join(_html_page(p, q) for p in items)
    return md, ht, {"quirks": asdict(q), "garbles": garbles}


def _cell_text(paras: list[TPara], q: Quirks, sep_lines: str, sep_paras: str) -> str:
    if q.br == "lines":
        parts = [sep_lines.join(p.lines) for p in paras]
    else:
        parts = [p.text() for p in paras]
    return (sep_paras if q.br in ("lines", "paras") else " ").join(parts)


# ----------------------------------------------------------------------------- markdown


def _md_line(p: TPara, q: Quirks) -> str:
    text = p.text()
    if p.role == "title":
        return {"heading": f"# {text}", "bold": f"**{text}**", "plain": text}[q.title_style]
    if p.role == "label" and q.bold:
        head, _, rest = text.partition(" ")
        return f"**{head}** {rest}"
    return text


def _md_page(items: list[TItem], q: Quirks, rng: random.Random) -> str:
    out: list[str] = []
    for it in items:
        if isinstance(it, TPara):
            out.append(_md_line(it, q))
            if q.reflow_memo:
                out.append("")
            continue
        out.append("")
        out.extend(_md_table(it, q, rng))
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _md_cell(paras: list[TPara], q: Quirks) -> str:
    return _cell_text(paras, q, "<br>", "<br>").replace("|", "\\|")


def _md_table(t: TTable, q: Quirks, rng: random.Random) -> list[str]:
    """Pipe table; without a header on the page, the first body row takes the header line (as VLMs do)."""
    lines = []
    for k, row in enumerate(t.rows):
        cells = [_md_cell(c, q) for c in row.cells]
        if row.header:
            if q.bold:
                cells = [f"**{c}**" if c else c for c in cells]
            if q.extra_header_column:
                cells.append(rng.choice(["หมายเหตุ", ""]))
        elif q.ragged and k > 0 and not cells[0] and rng.random() < 0.6:
            cells = cells[1:]  # the empty first cell left out
        elif q.bold and cells[0] and rng.random() < 0.5:
            cells[0] = f"**{cells[0]}**"
        lines.append("| " + " | ".join(cells) + " |")
        if k == 0:
            lines.append("|" + "|".join(["---"] * len(cells)) + "|")
    return lines


# ----------------------------------------------------------------------------- html


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _html_page(items: list[TItem], q: Quirks) -> str:
    out: list[str] = []
    pending_title: list[str] = []
    for idx, it in enumerate(items):
        if isinstance(it, TPara):
            text = _esc(it.text())
            is_title_before_table = (
                q.html_title_colspan
                and idx + 1 < len(items)
                and isinstance(items[idx + 1], TTable)
                and it.role == "text"
                and not it.text().startswith("- ")
            )
            if is_title_before_table:
                pending_title.append(text)
            elif it.role == "title":
                out.append(f"<h1>{text}</h1>")
            elif it.role == "label" and q.bold:
                head, _, rest = text.partition(" ")
                out.append(f"<p><b>{head}</b> {rest}</p>")
            else:
                out.append(f"<p>{text}</p>")
            continue
        out.append(_html_table(it, q, pending_title))
        pending_title = []
    return "\n".join(out) + "\n"


def _html_cell(paras: list[TPara], q: Quirks) -> str:
    return _cell_text([TPara([_esc(x) for x in p.lines], p.joiners) for p in paras], q, "<br>", "<br>")


def _spans(t: TTable, q: Quirks) -> list[int]:
    """Rowspan of each row's first cell: the image's merges, or folded continuation rows."""
    spans = [r.span for r in t.rows]
    if q.html_rowspan:
        k = 0
        while k < len(t.rows):
            if t.rows[k].header or not t.rows[k].cells[0]:
                k += 1
                continue
            j = k + 1
            while j < len(t.rows) and not t.rows[j].header and not t.rows[j].cells[0] and spans[j] != 0:
                j += 1
            if spans[k] <= 1:
                spans[k] = j - k
                for m in range(k + 1, j):
                    spans[m] = 0
            k = j
    return spans


def _html_table(t: TTable, q: Quirks, title: list[str]) -> str:
    spans = _spans(t, q)
    n_cols = max(len(r.cells) for r in t.rows)
    rows = ["<table>"]
    if title:
        rows.append(f'<tr><th colspan="{n_cols}">{"<br>".join(title)}</th></tr>')
    for row, span in zip(t.rows, spans):
        cells = [_html_cell(c, q) for c in row.cells]
        tag = "th" if row.header else "td"
        parts = []
        for c, text in enumerate(cells):
            if c == 0 and not row.header:
                if span == 0:
                    continue
                if span > 1:
                    parts.append(f'<td rowspan="{span}">{text}</td>')
                    continue
            parts.append(f"<{tag}>{text}</{tag}>")
        rows.append("<tr>" + "".join(parts) + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)
