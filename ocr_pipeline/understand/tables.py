"""Which tables are measure tables, and which grid column holds which field.

A table is a measure table when its header names three of the known columns (fuzzily), or when
its cells do (``understand.columns``: units, date ranges, numbering, what was done) under a header
that is unreadable, wrong or missing. Each column's field is taken from its cells and its header
together, so a header shifted by a column that is not there still gives the right fields; a
column that fits none is kept under ``tables``. A table without a header continues the last
measure table (its mapping weighs in); repeated headers are dropped from the body rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ocr_pipeline.model import Cell, Table
from ocr_pipeline.understand.columns import (
    FIT_ROW,
    NAMED_FIT_ROW,
    TEXT_FIELDS,
    assign,
    cell_fits,
    content_scores,
    header_scores,
    reads_as_words,
    sure_fields,
)
from ocr_pipeline.understand.headings import heading_field, measure_fields
from ocr_pipeline.understand.numbering import number_style

MIN_HEADER_FIELDS = 3  # header cells that must name a column for a table to be a measure table
MIN_CONTENT_FIELDS = 3  # columns whose cells alone must say their field, for a table without a readable header


@dataclass
class ColumnMap:
    """Grid column -> contract field, and how many rows the header takes."""

    columns: dict[int, str]
    header_rows: int
    width: int  # grid columns of the table the header came from
    scores: dict[int, float] = field(default_factory=dict)
    unmatched: list[int] = field(default_factory=list)  # columns with text that fit no field


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
    tables; the columns of a measure table that fit no field are kept as another table. A markdown
    table's ragged rows are aligned in the returned ``TableRows.table``. ``indexes``: each table's
    place on its page (default 0)."""
    found: list[TableRows] = []
    others: list[Table] = []
    warnings: list[str] = []
    last: ColumnMap | None = None
    for n, table in enumerate(tables):
        if table.source == "markdown":
            table, ragged = align_ragged_rows(table)
            warnings += ragged
        typed = type_columns(table, last)
        if typed is None:
            others.append(table)
            warnings.append(f"page {table.page}: a table that is not a measure table was kept under 'tables'")
            continue
        cmap, body, notes = typed
        warnings += notes
        last = cmap
        grid = table.grid()
        body = [r for r in body if not is_repeated_header(grid[r], cmap)]
        found.append(TableRows(table, cmap, body, indexes[n] if indexes else 0))
        if cmap.unmatched:
            others.append(_columns_of(table, cmap.unmatched))
            names = ", ".join(str(c + 1) for c in cmap.unmatched)
            warnings.append(f"page {table.page}: measure table column {names} fits no field; kept under 'tables'")
    return found, others, warnings


def type_columns(table: Table, last: ColumnMap | None) -> tuple[ColumnMap, list[int], list[str]] | None:
    """The column mapping and body rows of a measure table, from its header and its cells, or None
    when it is no measure table. ``last``: the mapping of the measure table before it, which a
    table without a header continues."""
    grid = table.grid()
    if not grid:
        return None
    by_header = header_map(table)
    head = by_header.header_rows if by_header is not None else _header_height(table, grid, opening=last is None)
    continued = last if head == 0 and last is not None and abs(table.n_cols - last.width) <= 1 else None
    body = list(range(head, table.n_rows))
    content = {c: content_scores([grid[r][c] for r in body]) for c in range(table.n_cols)}
    header = {c: header_scores("".join(grid[r][c] for r in range(head))) for c in range(table.n_cols)}
    columns, scores = assign(content, header, table.n_cols, continued.columns if continued else None)
    sure = sure_fields(content, columns)
    by_cells = len(sure) >= MIN_CONTENT_FIELDS and bool(sure & {"responsible", "period_text"})
    if by_header is None and continued is None and not by_cells:
        return None
    notes = []
    named = by_header.columns if by_header is not None else {}
    for c, fld in sorted(columns.items()):
        if named.get(c, fld) != fld:
            notes.append(f"page {table.page}: table column {c + 1} is headed '{named[c]}' but its cells are {fld}")
    missing = [f for f in measure_fields() if f not in columns.values()]
    if missing:
        notes.append(f"page {table.page}: measure table has no column for {', '.join(missing)}")
    unmatched = [
        c for c in range(table.n_cols) if c not in columns and any(grid[r][c].strip() for r in range(table.n_rows))
    ]
    return ColumnMap(columns, head, table.n_cols, scores, unmatched), body, notes


def _header_height(table: Table, grid: list[list[str]], opening: bool = False) -> int:
    """Rows taken by a header that names no three columns: the first row (with the rows its cells
    span) unless it reads as a body row, one of its cells that names no column fitting the field the
    rows below give its column (a continued table's first row: its result cell ``ดำเนินการแล้ว`` is
    like the heading ``ผลการดำเนินการ``, its unit and dates are no heading); so a row whose cells
    name a column or do not fit (an unreadable header: a shaded band photocopied into speckle) is a
    header, else 0 (a table that continues one on an earlier page). Where a cell of the row names a column,
    the others must fit theirs surely (``NAMED_FIT_ROW``): a garbled heading fits a result's column as any
    text does (worn seed 62 doc 13: ``ขั้นตอนวิธีการดำเนินการ`` beside ``ผลการดํจเนินคาร`` became a measure).
    A cell of a text column fits only when it reads as words (``reads_as_words``: fresh worn seed 108 doc 12,
    a speckled header's ``เมาตโการ7เด๊ะวตจิฒาร`` fitted the measures by its first letters). In the document's
    first measure table (``opening``: none before it to continue) a cell without the numbering the cells below it
    have fits nothing: a speckled heading that still reads ``มาตรการ…`` is no measure (fresh worn seed 130 doc 5,
    the other headings read empty: a body row of 13 became the first measure)."""
    first = max((c.rowspan for c in table.cells if c.row == 0), default=1)
    if first >= table.n_rows:
        return 0
    row = grid[0]
    if not any(t.strip() for t in row):
        return first
    below = list(range(first, table.n_rows))
    content = {c: content_scores([grid[r][c] for r in below]) for c in range(table.n_cols)}
    columns, _ = assign(content, {}, table.n_cols)
    named = {c for c, t in enumerate(row) if header_scores(t)}
    numbered = {c for c in columns if opening and _numbered_below([grid[r][c] for r in below])}
    fits = [
        cell_fits(row[c]).get(f, 0.0)
        if (f not in TEXT_FIELDS or reads_as_words(row[c])) and (c not in numbered or number_style(row[c]))
        else 0.0
        for c, f in columns.items()
        if row[c].strip() and c not in named
    ]
    least = NAMED_FIT_ROW if named else FIT_ROW
    return first if not fits or max(fits) < least or (opening and _mostly_unfit(fits, least)) else 0


def _mostly_unfit(fits: list[float], least: float) -> bool:
    """Do most of a row's filled cells (three or more) fit no field of their column? In the document's first measure
    table a speckled header's garbled headings, one of which reads as words where the results stand (fresh worn seed
    198 doc 13: ``ผลการดำเนินการ (รอบ ๖ เดือน)`` read ``. -แรหริทเนินตรติ 6. ผู" (== 3 เดือมรัง:``, the other three
    garbage), are no measure row. Not in a table that continues one: its first row is a body row, however pale (blind
    worn seed 196 doc 8's page 3, a pale 300 dpi copy, lost two rows and its result column to it)."""
    return len(fits) >= 3 and 2 * sum(f >= least for f in fits) < len(fits)


def _numbered_below(texts: list[str]) -> bool:
    """Do most of a column's non-empty cells start with a number (``๑. มาตรการ…``)?"""
    filled = [t for t in texts if t.strip()]
    return len(filled) >= 2 and 2 * sum(1 for t in filled if number_style(t)) > len(filled)


def _columns_of(table: Table, cols: list[int]) -> Table:
    """The table's cells of those columns, as a table of their own."""
    place = {c: k for k, c in enumerate(cols)}
    cells = [Cell(**{**vars(c), "col": place[c.col], "colspan": 1}) for c in table.cells if c.col in place]
    return replace(table, cells=cells)


def align_ragged_rows(table: Table) -> tuple[Table, list[str]]:
    """Markdown rows with fewer cells than the body: a continuation row whose empty first cells
    were left out (its first cell is numbered like the cells of a later column of the full rows)
    is shifted right to that column; others stay left."""
    body = range(1, table.n_rows)
    counts = {r: sum(1 for c in table.cells if c.row == r) for r in body}
    width = max(counts.values(), default=0)
    styles: dict[int, set[str]] = {}
    for cell in table.cells:
        if counts.get(cell.row) == width and (style := number_style(cell.text)) is not None:
            styles.setdefault(cell.col, set()).add(style)
    warnings = []
    shift: dict[int, int] = {}
    for r in body:
        missing = width - counts[r]
        first = min((c for c in table.cells if c.row == r), key=lambda c: c.col, default=None)
        if missing <= 0 or first is None or (style := number_style(first.text)) is None:
            continue
        to = [k for k in range(1, missing + 1) if style in styles.get(first.col + k, set())]
        if to:
            shift[r] = missing if missing in to else to[0]
            warnings.append(
                f"page {table.page}: table row {r + 1} has {counts[r]} cells for {width} "
                f"columns; read as a continuation row (first cell left empty)"
            )
    if shift:
        table = replace(table, cells=[replace(c, col=c.col + shift.get(c.row, 0)) for c in table.cells])
    return table, warnings
