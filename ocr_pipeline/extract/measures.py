"""Measure rows from the measure tables of a document (``understand.tables`` finds them).

A row with an empty first cell continues the measure above; several numbered steps in one cell
become several rows; numbers are split off the measure's and the step's text.
"""

from __future__ import annotations

import re

from ocr_pipeline.clean.digit_confusions import is_misreading
from ocr_pipeline.clean.thai_text import THAI_CONSONANT, THAI_DIGITS, arabic_to_thai_digits, lookalike_step_number
from ocr_pipeline.model import Correction, Measure, Table
from ocr_pipeline.understand.numbering import (
    BULLET,
    GLUED_STEP,
    LEADING_NUMBER,
    NUMBER_RESIDUE,
    Numbered,
    number_style,
    split_number,
)
from ocr_pipeline.understand.numbering import to_int as _int
from ocr_pipeline.understand.tables import TableRows


def rows_to_measures(tables: list[TableRows]) -> tuple[list[Measure], list[str], list[Correction]]:
    """Measure rows, in document order, with numbers split off and continuations resolved.

    A number whose digits OCR lost (only its bracket is left) is taken from the sequence: one more
    than the number before it, recorded as a correction.
    """
    measures: list[Measure] = []
    warnings: list[str] = []
    corrections: list[Correction] = []
    current: Numbered | None = None
    thai_numbered = any(_number_script(text) == "thai" for text in _measure_cells(tables))
    for tr in tables:
        col_of = {fld: c for c, fld in tr.cmap.columns.items()}
        page = tr.table.page
        bulleted = any(
            BULLET.match(_cell_text(tr.table, r, col_of["step"])) for r in tr.rows if "step" in col_of
        )  # steps marked '-': a ' - ' inside a step cell opens the next one
        for r in tr.rows:
            cells = {fld: _cell_text(tr.table, r, c) for fld, c in col_of.items()}
            if not any(cells.values()):
                continue
            first = tr.table.cell_at(r, col_of.get("measure", -1))
            if first is not None and first.row == r and cells.get("measure", ""):
                previous = current.first if current is not None else 0
                current = _dot_lost(split_number(_one_line(cells["measure"])))
                if thai_numbered and _number_script(cells["measure"]) == "latin" and previous is not None:
                    current = _latin_number_lost(current, cells["measure"], previous + 1)
                if current.lost and previous is not None:
                    current.first = previous + 1
                    corrections.append(
                        Correction(
                            page, "measures.measure_no", current.residue, str(current.first), "number-sequence", 60.0
                        )
                    )
            elif current is None:
                if _no_measure_row(cells, col_of):
                    # a header OCR could not read (worn seed 84 doc 12: ``ข็นุตสิป/์2 …`` over a thick 150-dpi
                    # copy) or a stray line: its cells stay in the page's text (``pages[].text``, ``.txt``)
                    warnings.append(
                        f"page {page}: table row {r + 1} not taken as a measure row (no measure, unit or period); see the page text"
                    )
                    continue
                warnings.append(f"page {page}: table row {r + 1} has no measure above it")
                current = Numbered("")
            last_step = next(
                (m.step_no for m in reversed(measures) if m.measure_no == current.first and m.measure == current.text),
                0,
            )
            steps = split_steps(cells.get("step", ""), bullets=bulleted)
            for step_text in _glued_continuations(steps, current.first, last_step):
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
                    corrections.append(
                        Correction(page, "measures.step_no", step.residue, str(step_no), "number-sequence", 60.0)
                    )
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


def _measure_cells(tables: list[TableRows]) -> list[str]:
    """The text of every measure cell of the tables."""
    out = []
    for tr in tables:
        col = next((c for c, fld in tr.cmap.columns.items() if fld == "measure"), None)
        if col is not None:
            out += [_cell_text(tr.table, r, col) for r in tr.rows]
    return out


def _number_script(text: str) -> str | None:
    """The script of a cell's leading number's digits: ``thai``, ``latin`` (Arabic digits) or None (no number)."""
    m = LEADING_NUMBER.match(_one_line(text))
    if m is None or not any(ch.isdigit() for ch in m.group(0)):
        return None
    return "thai" if any(ch in THAI_DIGITS for ch in m.group(0)) else "latin"


def _latin_number_lost(current: Numbered, text: str, expected: int) -> Numbered:
    """A measure numbered in Latin digits where the document numbers its measures in Thai ones is a misreading (the
    digit ๑ read as 9: standard seed 7 doc 21, fresh worn seed 170 doc 12): its number is lost, the sequence's to take,
    unless it is that number already."""
    if current.first == expected:
        return current
    residue = LEADING_NUMBER.match(_one_line(text))
    return Numbered(current.text, None, current.second, lost=True, residue=residue.group(0).strip() if residue else "")


def _no_measure_row(cells: dict[str, str], col_of: dict[str, int]) -> bool:
    """A row before any measure whose responsible and period cells are empty (where the table has those
    columns) and whose step carries no number: nothing in it says it is a measure's row."""
    if "responsible" not in col_of or "period_text" not in col_of:
        return False
    if cells.get("responsible") or cells.get("period_text"):
        return False
    step = split_number(_one_line(cells.get("step", "")))
    return step.first is None and not step.lost


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
        if rows[0].measure_no is None and not rows[0].measure:
            continue  # rows without a measure (its column lost) are no one measure's steps
        steps = [m.step_no for m in rows]
        for i, fixed in _sequence_fixes(steps):
            rows[i].step_no = fixed
            corrections.append(
                Correction(rows[i].page, "measures.step_no", str(steps[i] or ""), str(fixed), "number-sequence", 70.0)
            )
    return corrections


def _sequence_fixes(values: list[int | None]) -> list[tuple[int, int]]:
    """(index, value) for entries that break a 1, 2, 3… run their neighbours confirm: a number lost, or
    one whose digits are a known misreading of the expected ones (๕ for ๔). Any other number is the
    document's own (measures 1 and 4 of a transcript that leaves 2 and 3 out) and stays."""
    known = [v for v in values if v is not None]
    if len(known) < max(2, len(values) - 1):
        return []  # numbering not in use here (bullets) or too little of it was read
    fixes = []
    for i, v in enumerate(values):
        prev = values[i - 1] if i else None
        expected = prev + 1 if prev is not None else (1 if i == 0 else None)
        if expected is None or v == expected:
            continue
        after = values[i + 1] if i + 1 < len(values) else None
        if v is not None and not misread_number(v, expected):
            continue
        if after is None or after == expected + 1:
            if i + 1 < len(values) or v is None or (i and values[i - 1] == i):
                fixes.append((i, expected))
                values = values[:i] + [expected] + values[i + 1 :]
    return fixes


def misread_number(read: int, expected: int) -> bool:
    """Whether ``read`` is a known OCR misreading of ``expected``, written in Thai or Arabic digits: a
    listed confusion, or a digit added or lost (๑๗ for ๑: no measure is numbered so out of its run)."""
    a, b = str(read), str(expected)
    return is_misreading(arabic_to_thai_digits(a), arabic_to_thai_digits(b), extra=True) or is_misreading(
        a, b, extra=True
    )


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


def split_steps(text: str, bullets: bool = False) -> list[str]:
    """Several numbered steps written in one cell -> one text per step (on lines of their own, or
    on one line: a transcript's ``๑) จัดทำ… ๒) ตรวจสอบ…``; with ``bullets``, a table whose steps
    are marked ``-``, also ``จัดทำ… - ตรวจสอบ…``)."""
    parts: list[str] = []
    for line in [piece for ln in text.split("\n") for piece in _inline_steps(ln, bullets)]:
        if not line.strip():
            continue
        if parts and (
            not (
                LEADING_NUMBER.match(line)
                or BULLET.match(line)
                or NUMBER_RESIDUE.match(line)
                or GLUED_STEP.match(line)
                or lookalike_step_number().match(line)  # ``ตา.ดา จัดทำ…`` for ๓.๓
            )
            or not THAI_CONSONANT.search(line)  # a number alone (``๑.๑๑`` under a step, worn seed 14 doc 8) is no step
        ):  # a glued number: see _glued_continuations
            bare = not THAI_CONSONANT.search(line)
            parts[-1] += (" " if bare or not _thai_pair(parts[-1], line) else "") + line.strip()
        else:
            parts.append(line.strip())
    return parts


_INLINE_BULLET = re.compile(r"(?<=[\u0e01-\u0e4e])\s+[-–•]\s+(?=[\u0e01-\u0e4e])")
MIN_STEP = 8  # Thai letters on each side of an inline bullet (``ยืม - คืน`` is no two steps)
# a number inside a line that may open the next step: ``(๒)``, ``๒)``, ``๑.๒`` (``๑,๒``: its dot read as a comma),
# before Thai text
_INLINE_NUMBER = re.compile(
    r"(?<=\S)\s+(?=(?:\(\s*[0-9๐-๙]{1,2}(?:\s*\.\s*[0-9๐-๙]{1,2})?\s*\)|[0-9๐-๙]{1,2}\s*[.,]\s*[0-9๐-๙]{1,2}[.)]?"
    r"|[0-9๐-๙]{1,2}\s*\))\s*[\u0e01-\u0e4e])"
)


def _inline_steps(line: str, bullets: bool = False) -> list[str]:
    """A line cut before each number that continues its first number's sequence in the same
    style (``๑) …`` then ``๒) …``; ``๑.๑ …`` then ``๑.๒ …``); other numbers stay in the text. With
    ``bullets``, cut before each `` - `` between two stretches of Thai of ``MIN_STEP`` letters or more."""
    if bullets:
        pieces = _INLINE_BULLET.split(line)
        if len(pieces) > 1 and all(len(THAI_CONSONANT.findall(p)) >= MIN_STEP for p in pieces):
            return [pieces[0]] + ["- " + p for p in pieces[1:]]
    first = split_number(line)
    style = number_style(line)
    if first.first is None or style is None:
        return [line]
    parts, start = [], 0
    current = (first.first, first.second)
    for m in _INLINE_NUMBER.finditer(line):
        rest = line[m.end() :]
        nxt = split_number(rest)
        if number_style(rest) != style or nxt.first is None:
            continue
        expected = (current[0], current[1] + 1) if current[1] is not None else (current[0] + 1, None)
        if (nxt.first, nxt.second) != expected:
            continue
        parts.append(line[start : m.start()])
        start, current = m.end(), expected
    if style == "(#)" and current[1] is None:
        return parts + _open_bracket_steps(line[start:], current[0])
    return parts + [line[start:]]


# ``(๗ ประชา…`` for ``(๓) ประชา…``: a step number whose closing bracket OCR lost, before Thai text
_OPEN_NUMBER = re.compile(r"(?<=\S)\s+(?=\(\s*([0-9๐-๙]{1,2})\s+[\u0e01-\u0e4e])")
_OPEN_START = re.compile(r"^\(\s*([0-9๐-๙]{1,2})\s+")


def _open_bracket_steps(text: str, last: int) -> list[str]:
    """``text`` (the rest of a line of ``(๑) …`` steps) cut before each number whose closing bracket
    OCR lost, when it is the next number of the run or a listed misreading of it (``(๗`` for ``(๓``)
    and no closing bracket follows before the next opening one; each such piece is written with its
    bracket closed, so that its number is read (and checked against the run by ``repair_numbering``)."""
    pieces, start = [], 0
    for m in _OPEN_NUMBER.finditer(text):
        read, expected = _int(m.group(1)) or 0, last + 1
        if read != expected and not misread_number(read, expected):
            continue
        closing, opening = text.find(")", m.end()), text.find("(", m.end() + 1)
        if closing >= 0 and (opening < 0 or closing < opening):
            continue  # the bracket is closed further on: it holds text (``(๙ ธันวาคม)``), no step number
        pieces.append(text[start : m.start()])
        start, last = m.end(), expected
    pieces.append(text[start:])
    return pieces[:1] + [_OPEN_START.sub(r"(\1) ", p) for p in pieces[1:]]


_DOT_LOST = re.compile(r"^([0-9๐-๙]{1,2})\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


def _dot_lost(measure: Numbered) -> Numbered:
    """A measure's text that starts with a bare number before its words: its numbering, the dot lost (``๕
    มาตรการจัดการเรื่องร้องเรียน…`` for ``๔. มาตรการ…``: fresh standard seed 135 doc 10), its digit as unsure as
    the dot (the measures' sequence numbers it); a text with its number split off stays."""
    m = _DOT_LOST.match(measure.text) if measure.first is None and not measure.lost else None
    return Numbered(measure.text[m.end() :], lost=True, residue=m.group(1)) if m else measure


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
