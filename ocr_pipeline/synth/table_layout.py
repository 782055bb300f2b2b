"""Place the measure table on landscape pages: a ruled five-column grid, rows never split across pages,
the header repeated on continuation pages in some documents, first cells merged (rowspan) in others."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ocr_pipeline.synth.content import Report
from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.layout import (
    CellBlock,
    CellBox,
    FillOp,
    PageLayout,
    RowBlock,
    RuleOp,
    TableBlock,
    TextOp,
    body_index,
    mm,
)
from ocr_pipeline.synth.thaidate import thai_num
from ocr_pipeline.synth.wrap import text_width, wrap


@dataclass
class TableStyle:
    pt: float
    pitch: float
    fractions: list[float]
    merged_first: bool
    repeat_header: bool
    shaded_header: bool
    center_small: bool
    page_numbers: bool
    rule_mm: float


def table_style(rng: random.Random) -> TableStyle:
    base = [0.19, 0.265, 0.145, 0.13, 0.27]
    fr = [max(0.08, b + rng.uniform(-0.02, 0.02)) for b in base]
    total = sum(fr)
    return TableStyle(
        pt=rng.choice([16, 16, 15, 14]),
        pitch=rng.uniform(1.2, 1.4),
        fractions=[f / total for f in fr],
        merged_first=rng.random() < 0.3,
        repeat_header=rng.random() < 0.6,
        shaded_header=rng.random() < 0.3,
        center_small=rng.random() < 0.5,
        page_numbers=rng.random() < 0.5,
        rule_mm=rng.uniform(0.18, 0.3),
    )


def layout_table(
    report: Report, fonts: FontSet, rng: random.Random, first_number: int = 2, max_pages: int = 3, titles: bool = True
) -> list[PageLayout]:
    """Landscape table pages; the font shrinks, then measures are dropped, until it fits ``max_pages``."""
    st = table_style(rng)
    target = min(max_pages, rng.choices([1, 2, 3], weights=[3, 4.5, 2.5])[0])
    while True:
        pages = _table_attempt(report, fonts, st, first_number, titles)
        n = len(pages) if pages is not None else 99
        if pages is not None and n <= target:
            break
        if len(report.measures) > 5:
            _drop_last_measure(report)
        elif st.pt > 14:
            st.pt -= 1
        elif len(report.measures) > 3 or (n > max_pages and len(report.measures) > 1):
            _drop_last_measure(report)
        elif max(len(m.steps) for m in report.measures) > 1:
            _drop_a_step(report)
        elif pages is not None and n <= max_pages:
            break
        else:
            raise RuntimeError("table does not fit")
    assert pages is not None  # the loop leaves only with pages that fit
    report.style["table"] = {
        "pt": st.pt,
        "pitch": round(st.pitch, 3),
        "merged_first_cell": st.merged_first,
        "repeat_header": st.repeat_header,
        "shaded_header": st.shaded_header,
        "page_numbers": st.page_numbers,
        "columns": [round(f, 3) for f in st.fractions],
    }
    return pages


def _drop_last_measure(report: Report) -> None:
    last = len(report.measures) - 1
    report.measures.pop()
    report.rows = [r for r in report.rows if r.measure != last]


def _drop_a_step(report: Report) -> None:
    """Remove the last step of the measure with the most steps (and it from its row)."""
    mi = max(range(len(report.measures)), key=lambda i: (len(report.measures[i].steps), i))
    last = len(report.measures[mi].steps) - 1
    report.measures[mi].steps.pop()
    rows = []
    for r in report.rows:
        if r.measure == mi:
            r.steps = [s for s in r.steps if s != last]
            if not r.steps:
                continue
        rows.append(r)
    report.rows = rows


def _cell_lines(paras: list[str], font, width: float, slack: float) -> list[str]:
    out: list[str] = []
    for p in paras:
        out.extend(wrap(p, font, width, slack=slack) if p else [])
    return out


def _table_attempt(
    report: Report, fonts: FontSet, st: TableStyle, first_number: int, titles: bool
) -> list[PageLayout] | None:
    dpi = fonts.dpi
    w, h = round(mm(297, dpi)), round(mm(210, dpi))
    left, right, top, bottom = mm(15, dpi), w - mm(15, dpi), mm(13, dpi), h - mm(12, dpi)
    em = fonts.em(st.pt)
    pitch = em * st.pitch
    font, bold = fonts.font(st.pt), fonts.font(st.pt, bold=True)
    pad_x, pad_top = mm(1.6, dpi), em * 1.05
    col_w = [(right - left) * f for f in st.fractions]
    col_x = [left + sum(col_w[:i]) for i in range(5)] + [right]
    rule = max(1.0, mm(st.rule_mm, dpi))

    def make_cells(paras_per_cell: list[list[str]], texts: list[str], f) -> list[CellBlock]:
        return [
            CellBlock(t, p, _cell_lines(p, f, col_w[i] - 2 * pad_x, pad_x * 0.8))
            for i, (t, p) in enumerate(zip(texts, paras_per_cell))
        ]

    header = RowBlock(make_cells(report.header_breaks, report.headers, bold), None)
    body_rows = []
    for ri, row in enumerate(report.rows):
        paras = row.cells(report)
        texts = [" ".join(p) for p in paras]
        body_rows.append(RowBlock(make_cells(paras, texts, font), ri))

    def row_height(r: RowBlock) -> float:
        return pad_top + (max(max(len(c.lines) for c in r.cells), 1) - 1) * pitch + em * 0.6

    pages: list[PageLayout] = []
    i = 0
    while i < len(body_rows):
        number = first_number + len(pages)
        page = PageLayout(number, w, h, True)
        y = top + em
        if st.page_numbers and number > 1:
            label = f"- {thai_num(number)} -"
            page.ops.append(TextOp((w - text_width(font, label)) / 2, y, label, st.pt))
            page.blocks.append(label)
            y += pitch * 1.2
        if titles and not pages:
            for t in report.table_titles:
                for line in wrap(t, bold, right - left):
                    page.ops.append(TextOp((w - text_width(bold, line)) / 2, y, line, st.pt, True))
                    page.blocks.append(line)
                    y += pitch
            y += pitch * 0.2
        y -= em * 0.9  # y is now the top rule of the table
        table = TableBlock(None, [])
        rows_here: list[tuple[RowBlock, float, float]] = []
        if not pages or st.repeat_header:
            hh = row_height(header)
            rows_here.append((header, y, y + hh))
            table.header = header
            y += hh
        start_i = i
        while i < len(body_rows):
            rh = row_height(body_rows[i])
            if y + rh > bottom:
                break
            rows_here.append((body_rows[i], y, y + rh))
            table.rows.append(body_rows[i])
            y += rh
            i += 1
        if i == start_i:
            return None  # a row taller than a page
        _merge_spans(table, report, st.merged_first)
        _draw_table(page, rows_here, table, col_x, pad_x, pad_top, pitch, em, rule, st, font, bold)
        page.blocks.append(table)
        pages.append(page)
    return pages


def _merge_spans(table: TableBlock, report: Report, merged: bool) -> None:
    """With merged first cells, a measure's rows on one page share one first cell (rowspan)."""
    if not merged:
        return
    rows = table.rows
    k = 0
    while k < len(rows):
        m = report.rows[body_index(rows[k])].measure
        j = k + 1
        while j < len(rows) and report.rows[body_index(rows[j])].measure == m:
            j += 1
        rows[k].span = j - k
        for r in rows[k + 1 : j]:
            r.span = 0
        k = j


def _draw_table(
    page: PageLayout,
    rows: list[tuple[RowBlock, float, float]],
    table: TableBlock,
    col_x: list[float],
    pad_x: float,
    pad_top: float,
    pitch: float,
    em: float,
    rule: float,
    st: TableStyle,
    font,
    bold,
) -> None:
    top, bottom = rows[0][1], rows[-1][2]
    if table.header is not None and st.shaded_header:
        hb = rows[0]
        page.ops.append(FillOp((col_x[0], hb[1], col_x[-1], hb[2]), 222))
    for x in col_x:
        page.ops.append(RuleOp(x, top, x, bottom, rule))
    page.ops.append(RuleOp(col_x[0], top, col_x[-1], top, rule))
    for n, (row, y0, y1) in enumerate(rows):
        is_header = row.row_index is None
        nxt = rows[n + 1][0] if n + 1 < len(rows) else None
        x_from = col_x[1] if (nxt is not None and nxt.span == 0) else col_x[0]
        page.ops.append(RuleOp(x_from, y1, col_x[-1], y1, rule * (1.4 if is_header else 1.0)))
        for c, cell in enumerate(row.cells):
            f = bold if is_header else font
            n_lines = len(cell.lines)
            if is_header:
                y = (y0 + y1) / 2 - (n_lines - 1) * pitch / 2 + em * 0.3
            else:
                y = y0 + pad_top
            if not is_header and not (c == 0 and row.span != 1):  # merged first cells are left out
                first = y0 + pad_top
                page.cells.append(
                    CellBox(
                        body_index(row),
                        c,
                        (col_x[c], y0, col_x[c + 1], y1),
                        first - em * 0.8 if n_lines else y0,
                        first + (n_lines - 1) * pitch + em * 0.3 if n_lines else y0,
                    )
                )
            for line in cell.lines:
                lw = text_width(f, line)
                if is_header or (st.center_small and c in (2, 3)):
                    x = (col_x[c] + col_x[c + 1]) / 2 - lw / 2
                else:
                    x = col_x[c] + pad_x
                page.ops.append(TextOp(x, y, line, st.pt, is_header))
                y += pitch
