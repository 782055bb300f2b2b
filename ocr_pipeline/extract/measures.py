"""Measure rows from the tables of a document.

A table is a measure table when its header matches the known columns (fuzzily, one column more
or fewer allowed). Continuation pages without a header reuse the last mapping; repeated headers
are dropped; a row with an empty first cell continues the measure above; several numbered steps
in one cell become several rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from ocr_pipeline.clean.thai_text import thai_to_arabic_digits
from ocr_pipeline.layout.columns import (
    column_edges,
    line_tokens,
    split_by_gaps,
    table_from_columns,
    text_of,
    visual_rows,
)
from ocr_pipeline.model import Correction, Measure, Page, Table
from ocr_pipeline.resources import load_table

FIELDS = ("measure", "step", "responsible", "period_text", "result")
HEADER_SCORE = 72.0
MIN_HEADER_FIELDS = 3

_NUM = r"[0-9๐-๙]{1,2}"
# OCR adds specks before a number ("@๑)") and doubles its brackets ("(๑))")
_SPECK = r"[@©®#*>«»'‘’`]?"
LEADING_NUMBER = re.compile(
    rf"""^\s*{_SPECK}\s*(?:
        ข้อ(?:ที่)?\s*(?P<k>{_NUM})(?:\s*[.)])?                  # ข้อ ๑
      | \(\s*(?P<p1>{_NUM})(?:\s*\.\s*(?P<p2>{_NUM}))?\s*\)+    # (๑) (๑.๑)
      | (?P<n1>{_NUM})\s*[.,]\s*(?P<n2>{_NUM})\s*[.)]?\)*          # ๑.๑ ๑.๑. ๑.๑) (๑,๑: a dot read as comma)
      | (?P<d1>{_NUM})\s*[.)]\)*                                   # ๑. ๑)
    )\s*""",
    re.VERBOSE,
)
BULLET = re.compile(r"^\s*[-–•*▪●]\s+")
# a step number whose dot OCR lost: "๒๒ จัดทำ" for "๒.๒ จัดทำ" (told apart by the measure's number)
GLUED_STEP = re.compile(r"^\s*(?P<m>[0-9๐-๙])(?P<s>[0-9๐-๙])\s+(?=[\u0e01-\u0e4e])")
# what is left of a number whose digits OCR lost: "(", ")", "()" or ".)" before the text
NUMBER_RESIDUE = re.compile(
    r"^\s*(?:\(\s*[^\s()]{0,3}\s*\)|[^\s()]{1,2}\)(?=\s)|\(\s*[@©®#*>«]?|[(.]?\s*\))(?=\s*[\u0e01-\u0e4e])\s*"
)


@dataclass
class Numbered:
    """Text with its leading number(s) split off."""

    text: str
    first: int | None = None  # ๑ of "๑." or of "๑.๒"
    second: int | None = None  # ๒ of "๑.๒"
    lost: bool = False  # a number was written but its digits were not read


def split_number(text: str) -> Numbered:
    """'๑.๒ ประชุม' -> Numbered('ประชุม', 1, 2); bullets are dropped; text without a leading
    number is kept whole."""
    m = LEADING_NUMBER.match(text)
    if m and m.end() < len(text.rstrip()):
        groups = m.groupdict()
        first = groups["k"] or groups["p1"] or groups["n1"] or groups["d1"]
        second = groups["p2"] or groups["n2"]
        return Numbered(text[m.end() :].strip(), _int(first), _int(second))
    bullet = BULLET.match(text)
    if bullet:
        return Numbered(text[bullet.end() :].strip())
    residue = NUMBER_RESIDUE.match(text)
    if residue and residue.end() < len(text.rstrip()):
        return Numbered(text[residue.end() :].strip(), lost=True)
    return Numbered(text.strip())


def number_style(text: str) -> str | None:
    """The shape of a leading number with digits as '#': '(#)', '#)', '#.', '#.#', 'ข้อ #'."""
    m = LEADING_NUMBER.match(text)
    if not m:
        return None
    return re.sub(r"[0-9๐-๙]+", "#", re.sub(r"\s+", "", m.group(0)))


def _int(value: str | None) -> int | None:
    return int(thai_to_arabic_digits(value)) if value else None


@cache
def _headings() -> tuple[tuple[str, str], ...]:
    return tuple((f, h.replace(" ", "")) for f, h in load_table("measure_columns.tsv"))


def heading_field(text: str) -> tuple[str | None, float]:
    """The contract field a header cell names, with its fuzzy score (None below threshold)."""
    compact = text.replace(" ", "").replace("\n", "")
    if not compact:
        return None, 0.0
    best_field, best = None, 0.0
    for fld, heading in _headings():
        score = fuzz.ratio(compact, heading)
        # a heading with a few extra words ('(รอบ ๖ เดือน)'); a long body cell that merely
        # contains a heading's words (มาตรการ…, ผลการ…) is no heading
        if len(heading) + 3 < len(compact) <= 1.5 * len(heading) + 12:
            score = max(score, fuzz.partial_ratio(heading, compact) * 0.95)
        if score > best:
            best_field, best = fld, score
    return (best_field, best) if best >= HEADER_SCORE else (None, best)


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
        columns, scores = {}, {}
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


HEADING_HINTS = ("มาตรการ", "ขั้นตอน", "วิธีการ", "รับผิดชอบ", "ระยะเวลา", "ผลการดำเนิน")


def infer_borderless_tables(pages: list[Page]) -> list[str]:
    """On scanned pages with no ruled table, a line of column headings opens a table whose
    columns are inferred from word positions; its lines move from the page text into the table."""
    warnings: list[str] = []
    for page in pages:
        if page.tables or not any(ln.box[2] > ln.box[0] for ln in page.lines):
            continue
        compact = page.text.replace(" ", "")
        if sum(word in compact for word in HEADING_HINTS) < 2:
            continue  # no column names on the page: no table to look for
        tokens = line_tokens(page.lines)
        if not tokens:
            continue
        heights = sorted(t.box[3] - t.box[1] for t in tokens)
        gap = heights[len(heights) // 2] * 1.0
        rows = visual_rows(tokens)
        for i, row in enumerate(rows):
            groups = split_by_gaps(row, gap)
            fields = [heading_field(text_of(g))[0] for g in groups]
            named = {f for f in fields if f}
            if len(named) < MIN_HEADER_FIELDS or len(named) < 0.6 * len(groups):
                continue
            table = table_from_columns(rows[i + 1 :], column_edges(groups), page.number, [text_of(g) for g in groups])
            top = min(t.box[1] for t in row)
            page.lines = [ln for ln in page.lines if (ln.box[1] + ln.box[3]) / 2 < top]
            page.tables.append(table)
            warnings.append(
                f"page {page.number}: a table without rules; its columns were inferred from "
                "word positions: check this page's measures"
            )
            break
    return warnings


@dataclass
class TableRows:
    """Body rows of one measure table with its mapping."""

    table: Table
    cmap: ColumnMap
    rows: list[int]


def measure_tables(tables: list[Table]) -> tuple[list[TableRows], list[Table], list[str]]:
    """Split tables into measure tables (with their body rows) and other tables."""
    found: list[TableRows] = []
    others: list[Table] = []
    warnings: list[str] = []
    last: ColumnMap | None = None
    for table in tables:
        cmap = header_map(table)
        if cmap is not None:
            if len(cmap.columns) < len(FIELDS):
                missing = [f for f in FIELDS if f not in cmap.columns.values()]
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
            warnings += align_ragged_rows(table, cmap, body)
        grid = table.grid()
        body = [r for r in body if not is_repeated_header(grid[r], cmap)]
        found.append(TableRows(table, cmap, body))
    return found, others, warnings


def align_ragged_rows(table: Table, cmap: ColumnMap, body: list[int]) -> list[str]:
    """Markdown rows with fewer cells than the body: a continuation row whose empty first cell
    was left out (its first cell is numbered like a step) is shifted right; others stay left."""
    counts = {r: sum(1 for c in table.cells if c.row == r) for r in body}
    width = max(counts.values(), default=0)
    col_of = {fld: c for c, fld in cmap.columns.items()}
    step_styles = {
        number_style(table.cell_at(r, col_of["step"]).text)
        for r in body
        if counts[r] == width and "step" in col_of and table.cell_at(r, col_of["step"]) is not None
    } - {None}
    warnings = []
    for r in body:
        missing = width - counts[r]
        if missing <= 0:
            continue
        first = min((c for c in table.cells if c.row == r), key=lambda c: c.col, default=None)
        if first is not None and number_style(first.text) in step_styles:
            for c in table.cells:
                if c.row == r:
                    c.col += missing
            warnings.append(
                f"page {table.page}: table row {r + 1} has {counts[r]} cells for {width} "
                f"columns; read as a continuation row (first cell left empty)"
            )
    return warnings


def rows_to_measures(tables: list[TableRows]) -> tuple[list[Measure], list[str], list[Correction]]:
    """Measure rows, in document order, with numbers split off and continuations resolved.

    A number whose digits OCR lost (only its bracket is left) is taken from the sequence: one more
    than the number before it, recorded as a correction.
    """
    measures: list[Measure] = []
    warnings: list[str] = []
    corrections: list[Correction] = []
    current: Numbered | None = None
    for tr in tables:
        col_of = {fld: c for c, fld in tr.cmap.columns.items()}
        page = tr.table.page
        for r in tr.rows:
            cells = {fld: _cell_text(tr.table, r, c) for fld, c in col_of.items()}
            if not any(cells.values()):
                continue
            first = tr.table.cell_at(r, col_of.get("measure", -1))
            if first is not None and first.row == r and cells.get("measure", ""):
                previous = current.first if current is not None else 0
                current = split_number(_one_line(cells["measure"]))
                if current.lost and previous is not None:
                    current.first = previous + 1
                    corrections.append(
                        Correction(page, "measures.measure_no", "", str(current.first), "number-sequence", 60.0)
                    )
            elif current is None:
                warnings.append(f"page {page}: table row {r + 1} has no measure above it")
                current = Numbered("")
            last_step = next(
                (m.step_no for m in reversed(measures) if m.measure_no == current.first and m.measure == current.text),
                0,
            )
            for step_text in _glued_continuations(split_steps(cells.get("step", "")), current.first, last_step):
                step = split_number(_one_line(step_text))
                glued = GLUED_STEP.match(_one_line(step_text)) if step.first is None and not step.lost else None
                if glued and current.first is not None and _int(glued["m"]) == current.first:
                    step = Numbered(_one_line(step_text)[glued.end() :].strip(), current.first, _int(glued["s"]))
                    corrections.append(
                        Correction(
                            page,
                            "measures.step_no",
                            glued.group(0).strip(),
                            f"{glued['m']}.{glued['s']}",
                            "step-number",
                            70.0,
                        )
                    )
                step_no = step.second if step.second is not None else step.first
                if step.lost and last_step is not None:
                    step_no = last_step + 1
                    corrections.append(Correction(page, "measures.step_no", "", str(step_no), "number-sequence", 60.0))
                last_step = step_no
                measures.append(
                    Measure(
                        measure_no=current.first,
                        measure=current.text,
                        step_no=step_no,
                        step=step.text,
                        responsible=_one_line(cells.get("responsible", "")),
                        period_text=_one_line(cells.get("period_text", "")),
                        result=_one_line(cells.get("result", "")),
                        page=page,
                        confidence=_row_confidence(tr.table, r),
                    )
                )
            for fld in ("step", "responsible", "period_text", "result"):
                if fld in col_of and not cells.get(fld):
                    warnings.append(f"page {page}: table row {r + 1} has an empty {fld} cell")
    corrections += repair_numbering(measures)
    return measures, warnings, corrections


def repair_numbering(measures: list[Measure]) -> list[Correction]:
    """Measures and steps are numbered 1, 2, 3…: a number that breaks the run while its
    neighbours agree with each other (๔ read as ๕ between ๓ and ๕), or a step without number
    among numbered steps, takes the number the sequence gives; each change is recorded."""
    corrections: list[Correction] = []
    groups: list[list[Measure]] = []  # the rows of each measure, in order
    for m in measures:
        if groups and groups[-1][0].measure == m.measure and groups[-1][0].measure_no == m.measure_no:
            groups[-1].append(m)
        else:
            groups.append([m])
    numbers = [g[0].measure_no for g in groups]
    for i, fixed in _sequence_fixes(numbers):
        for m in groups[i]:
            m.measure_no = fixed
        corrections.append(
            Correction(groups[i][0].page, "measures.measure_no", str(numbers[i]), str(fixed), "number-sequence", 70.0)
        )
    for rows in groups:
        steps = [m.step_no for m in rows]
        for i, fixed in _sequence_fixes(steps):
            rows[i].step_no = fixed
            corrections.append(
                Correction(rows[i].page, "measures.step_no", str(steps[i] or ""), str(fixed), "number-sequence", 70.0)
            )
    return corrections


def _sequence_fixes(values: list[int | None]) -> list[tuple[int, int]]:
    """(index, value) for entries that break a 1, 2, 3… run their neighbours confirm."""
    known = [v for v in values if v is not None]
    if len(known) < max(2, len(values) - 1):
        return []  # numbering not in use here (bullets) or too little of it was read
    fixes = []
    for i, v in enumerate(values):
        expected = values[i - 1] + 1 if i and values[i - 1] is not None else (1 if i == 0 else None)
        if expected is None or v == expected:
            continue
        after = values[i + 1] if i + 1 < len(values) else None
        if after is None or after == expected + 1:
            if i + 1 < len(values) or v is None or (i and values[i - 1] == i):
                fixes.append((i, expected))
                values = values[:i] + [expected] + values[i + 1 :]
    return fixes


def _glued_continuations(parts: list[str], measure_no: int | None, last_step: int | None) -> list[str]:
    """Steps of one cell, with a part that starts with two digits joined back to the one before
    unless they are this measure's next step with the dot lost (``๒๒`` after ๒.๑ in measure ๒)."""
    out: list[str] = []
    step = last_step
    for part in parts:
        glued = GLUED_STEP.match(_one_line(part))
        if (
            out
            and glued
            and not (
                measure_no is not None
                and _int(glued["m"]) == measure_no
                and step is not None
                and _int(glued["s"]) == step + 1
            )
        ):
            out[-1] += " " + part
            continue
        first = split_number(_one_line(part))
        step = (first.second if first.second is not None else first.first) if not glued else _int(glued["s"])
        out.append(part)
    return out or [""]


def split_steps(text: str) -> list[str]:
    """Several numbered steps written in one cell -> one text per step."""
    parts: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if parts and not (
            LEADING_NUMBER.match(line) or BULLET.match(line) or NUMBER_RESIDUE.match(line) or GLUED_STEP.match(line)
        ):  # a glued number: see _glued_continuations
            parts[-1] += (" " if not _thai_pair(parts[-1], line) else "") + line.strip()
        else:
            parts.append(line.strip())
    return parts


def _thai_pair(left: str, right: str) -> bool:
    return (
        bool(left)
        and bool(right.strip())
        and "\u0e00" <= left[-1] <= "\u0e7f"
        and "\u0e00" <= right.strip()[0] <= "\u0e7f"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell_text(table: Table, row: int, col: int) -> str:
    cell = table.cell_at(row, col)
    if cell is None or cell.row != row:  # a rowspan cell's text belongs to its first row
        return ""
    return cell.text.strip()


def _row_confidence(table: Table, row: int) -> float | None:
    confs = [c.conf for c in table.cells if c.row == row and c.conf >= 0 and c.text]
    return round(sum(confs) / len(confs) / 100.0, 3) if confs else None
