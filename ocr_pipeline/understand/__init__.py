"""Understand: the roles of a document's text, before anything is changed.

Which tables are measure tables and which column holds which field; which line is a memo header
line, a signature's position, a title over a table or running text. Clean-up passes use the roles
to choose their vocabulary; extraction uses them to read fields and rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ocr_pipeline.model import Page, Table
from ocr_pipeline.understand.lines import line_roles
from ocr_pipeline.understand.tables import TableRows, measure_tables


@dataclass(frozen=True)
class Roles:
    """The document's measure tables (in order), its other tables, and each line's role by key."""

    measure_tables: tuple[TableRows, ...]
    other_tables: tuple[Table, ...]
    lines: dict[str, str]

    def cell_roles(self) -> dict[tuple[int, int], dict[int, str]]:
        """(page, table index) -> grid column -> contract field, for the measure tables."""
        return {(tr.table.page, tr.index): dict(tr.cmap.columns) for tr in self.measure_tables}

    def header_cells(self) -> set[tuple[int, int, int, int]]:
        """(page, table index, row, col) of the header cells of the measure tables."""
        out: set[tuple[int, int, int, int]] = set()
        for tr in self.measure_tables:
            heads = tr.header_rows
            out.update((tr.table.page, tr.index, c.row, c.col) for c in tr.table.cells if c.row in heads)
        return out


def understand(pages: list[Page]) -> tuple[list[Page], Roles, list[str]]:
    """Roles of the document's tables and lines; pages come back with markdown tables' ragged rows
    aligned (a continuation row whose empty first cell a transcript left out)."""
    tables = [(p.number, t, table) for p in pages for t, table in enumerate(p.tables)]
    found, others, warnings = measure_tables([t for _, _, t in tables], [i for _, i, _ in tables])
    aligned = {(tr.table.page, tr.index): tr.table for tr in found}
    pages = [
        replace(p, tables=[aligned.get((p.number, t), table) for t, table in enumerate(p.tables)])
        if any(k[0] == p.number for k in aligned)
        else p
        for p in pages
    ]
    return pages, Roles(tuple(found), tuple(others), line_roles(pages)), warnings
