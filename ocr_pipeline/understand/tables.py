"""Which tables are measure tables, and which grid column holds which field.

A table is a measure table when its header matches the known columns (fuzzily, one column more
or fewer allowed). Continuation pages without a header reuse the last mapping; repeated headers
are dropped from the body rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ocr_pipeline.model import Table
from ocr_pipeline.understand.headings import heading_field, measure_fields
from ocr_pipeline.understand.numbering import number_style

MIN_HEADER_FIELDS = 3  # header cells that must name a column for a table to be a measure table


@dataclass
class ColumnMap:
    """Grid column -> contract field, and how many rows the header takes."""

    columns: dict[int, str]
    header_rows: int
    width: int  # grid columns of the table the header came from
    scores: dict[int, float] = field(default_factory=dict)


def header_map(table: Table) -> ColumnMap | None:
    """Column mapping from the table's first one or two rows, or None when it is no measure table."""
    grid = table.grid()
    if not grid:
        return None
    best: ColumnMap | None = None
    for rows in (1, 2):
        if len(grid) < rows:
            break
        texts = ["".join(grid[r][c] for r in range(rows)) for c in range(table.n_cols)]
        columns: dict[int, str] = {}
        scores: dict[int, float] = {}
        for c, text in enumerate(texts):
            fld, score = heading_field(text)
            if fld and (fld not in columns.values() or score > max(s for k, s in scores.items() if columns[k] == fld)):
                for k in [k for k, v in columns.items() if v == fld]:
                    del columns[k], scores[k]
                columns[c], scores[c] = fld, score
        if len(columns) >= MIN_HEADER_FIELDS and (best is None or len(columns) > len(best.columns)):
            best = ColumnMap(columns, rows, table.n_cols, scores)
    return best


def is_repeated_header(row: list[str], cmap: ColumnMap) -> bool:
    hits = sum(1 for c, fld in cmap.columns.items() if c < len(row) and heading_field(row[c])[0] == fld)
    return hits >= MIN_HEADER_FIELDS


@dataclass(frozen=True)
class TableRows:
    """Body rows of one measure table with its mapping; ``index`` is the table's place on its page."""

    table: Table
    cmap: ColumnMap
    rows: list[int]
    index: int = 0

    @property
    def header_rows(self) -> set[int]:
        """Grid rows that are headers (the first one and repeated ones)."""
        body = set(self.rows)
        return {c.row for c in self.table.cells if c.row not in body}


def measure_tables(
    tables: list[Table], indexes: list[int] | None = None
) -> tuple[list[TableRows], list[Table], list[str]]:
    """Split tables (in document order) into measure tables, with their body rows, and other
    tables. A markdown table's ragged rows are aligned in the returned ``TableRows.table``.
    ``indexes``: each table's place on its page (default 0)."""
    found: list[TableRows] = []
    others: list[Table] = []
    warnings: list[str] = []
    last: ColumnMap | None = None
    fields = measure_fields()
    for n, table in enumerate(tables):
        cmap = header_map(table)
        if cmap is not None:
            if len(cmap.columns) < len(fields):
                missing = [f for f in fields if f not in cmap.columns.values()]
                warnings.append(f"page {table.page}: measure table header lacks {', '.join(missing)}")
            last = cmap
            body = list(range(cmap.header_rows, table.n_rows))
        elif last is not None and abs(table.n_cols - last.width) <= 1:
            cmap = last  # continuation page without its header
            body = list(range(table.n_rows))
        else:
            others.append(table)
            warnings.append(f"page {table.page}: a table that is not a measure table was kept under 'tables'")
            continue
        if table.source == "markdown":
            table, ragged = align_ragged_rows(table, cmap, body)
            warnings += ragged
        grid = table.grid()
        body = [r for r in body if not is_repeated_header(grid[r], cmap)]
        found.append(TableRows(table, cmap, body, indexes[n] if indexes else 0))
    return found, others, warnings


def align_ragged_rows(table: Table, cmap: ColumnMap, body: list[int]) -> tuple[Table, list[str]]:
    """Markdown rows with fewer cells than the body: a continuation row whose empty first cell
    was left out (its first cell is numbered like a step) is shifted right; others stay left."""
    counts = {r: sum(1 for c in table.cells if c.row == r) for r in body}
    width = max(counts.values(), default=0)
    col_of = {fld: c for c, fld in cmap.columns.items()}
    step_styles = {
        number_style(cell.text)
        for r in body
        if counts[r] == width and "step" in col_of and (cell := table.cell_at(r, col_of["step"])) is not None
    } - {None}
    warnings = []
    shift: dict[int, int] = {}
    for r in body:
        missing = width - counts[r]
        if missing <= 0:
            continue
        first = min((c for c in table.cells if c.row == r), key=lambda c: c.col, default=None)
        if first is not None and number_style(first.text) in step_styles:
            shift[r] = missing
            warnings.append(
                f"page {table.page}: table row {r + 1} has {counts[r]} cells for {width} "
                f"columns; read as a continuation row (first cell left empty)"
            )
    if shift:
        table = replace(table, cells=[replace(c, col=c.col + shift.get(c.row, 0)) for c in table.cells])
    return table, warnings
