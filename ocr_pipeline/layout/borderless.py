"""Tables without rules: on a scanned page with no ruled table, a line of column headings opens a
table whose columns are inferred from word positions (``layout.columns``)."""

from __future__ import annotations

from dataclasses import replace

from ocr_pipeline.layout.columns import (
    column_edges,
    line_tokens,
    split_by_gaps,
    table_from_columns,
    text_of,
    visual_rows,
)
from ocr_pipeline.model import Page
from ocr_pipeline.understand.headings import HEADING_HINTS, heading_field

MIN_HEADINGS = 3  # column headings a row must name to open a table
MIN_HEADING_SHARE = 0.6  # of the row's word groups


def infer_borderless_tables(pages: list[Page]) -> tuple[list[Page], list[str]]:
    """Pages where a table without rules was found come back with its lines moved from the page's
    lines into a new table; a warning per such page asks for a check."""
    out: list[Page] = []
    warnings: list[str] = []
    for page in pages:
        found = _borderless_table(page)
        if found is None:
            out.append(page)
            continue
        out.append(found)
        warnings.append(
            f"page {page.number}: a table without rules; its columns were inferred from "
            "word positions: check this page's measures"
        )
    return out, warnings


def _borderless_table(page: Page) -> Page | None:
    if page.tables or not any(ln.box[2] > ln.box[0] for ln in page.lines):
        return None
    compact = page.text.replace(" ", "")
    if sum(word in compact for word in HEADING_HINTS) < 2:
        return None  # no column names on the page: no table to look for
    tokens = line_tokens(page.lines)
    if not tokens:
        return None
    heights = sorted(t.box[3] - t.box[1] for t in tokens)
    gap = heights[len(heights) // 2] * 1.0
    rows = visual_rows(tokens)
    for i, row in enumerate(rows):
        groups = split_by_gaps(row, gap)
        fields = [heading_field(text_of(g))[0] for g in groups]
        named = {f for f in fields if f}
        if len(named) < MIN_HEADINGS or len(named) < MIN_HEADING_SHARE * len(groups):
            continue
        table = table_from_columns(rows[i + 1 :], column_edges(groups), page.number, [text_of(g) for g in groups])
        top = min(t.box[1] for t in row)
        lines = [ln for ln in page.lines if (ln.box[1] + ln.box[3]) / 2 < top]
        return replace(page, lines=lines, tables=[*page.tables, table])
    return None
