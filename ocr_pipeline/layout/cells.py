"""Read every cell of a ruled table on its own, in one OCR run.

Each cell is cut inside its rules, the remaining rule pixels are whitened, and the cut is
trimmed to its ink. All cuts are stacked on one white canvas with wide gaps, the canvas is read
once (page segmentation "single column", which suits cells), and each OCR line is given back to
the cell it came from. Wrapped lines therefore stay in their cell and columns never mix.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from ocr_pipeline.clean.thai_text import join_wrapped
from ocr_pipeline.layout.grid import Grid, GridCell
from ocr_pipeline.model import Cell, Line, Table

GAP = 100  # px of white between stacked cells (48 px let Tesseract merge neighbours: cell CER 4.6 % vs 3.9 %)
MARGIN = 24
INSET = 6  # px cut away inside each rule
DARK = 128.0  # grey level under which a pixel is ink, on a page of dark print


@dataclass
class _Placed:
    cell: GridCell
    top: int
    bottom: int
    dx: int = 0  # canvas -> page offset of the cut
    dy: int = 0


def ink_cut(gray: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """The grey level under which a pixel of ``box`` is ink: 128, or on a pale copy (whose darkest
    strokes are lighter than that) halfway between its darkest tenth of ink and Otsu's threshold."""
    x0, y0, x1, y1 = box
    region = gray[y0:y1, x0:x1]
    if region.size == 0:
        return DARK
    otsu, _ = cv2.threshold(region, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = region[region < otsu]
    if ink.size == 0:
        return DARK
    return max(DARK, (float(np.percentile(ink, 10)) + float(otsu)) / 2)


def _cell_cut(gray: np.ndarray, grid: Grid, cell: GridCell) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The cell's image inside its rules, the rule pixels whitened, and where it stands on the page; None when
    too small."""
    x0, y0, x1, y1 = cell.box
    x0, y0, x1, y1 = x0 + INSET, y0 + INSET, x1 - INSET, y1 - INSET
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    cut = gray[y0:y1, x0:x1].copy()
    if grid.line_mask is not None:
        cut[grid.line_mask[y0:y1, x0:x1] > 0] = 255
    return cut, (x0, y0)


def compose_canvas(
    gray: np.ndarray, grid: Grid, only: list[GridCell] | None = None
) -> tuple[np.ndarray, list[_Placed]]:
    """Stack the ink of every non-empty cell (of ``only`` when given) on one canvas."""
    cut_level = ink_cut(gray, grid.box)
    cuts = []
    for cell in grid.cells if only is None else only:
        made = _cell_cut(gray, grid, cell)
        if made is None:
            continue
        cut, (x0, y0) = made
        ink = cut < cut_level
        ink_rows = np.where(ink.sum(axis=1) > 0)[0]
        ink_cols = np.where(ink.sum(axis=0) > 0)[0]
        if len(ink_rows) == 0 or ink.sum() < 20:
            continue  # empty cell
        ty0, ty1 = max(ink_rows[0] - 4, 0), min(ink_rows[-1] + 5, cut.shape[0])
        tx0 = max(ink_cols[0] - 4, 0)
        cuts.append((cell, cut[ty0:ty1, tx0:], (x0 + tx0, y0 + ty0)))
    width = max((c[1].shape[1] for c in cuts), default=1) + 2 * MARGIN
    height = sum(c[1].shape[0] + GAP for c in cuts) + 2 * MARGIN
    canvas = np.full((height, width), 255, dtype=np.uint8)
    placed, y = [], MARGIN
    for cell, cut, (px, py) in cuts:
        h, w = cut.shape
        canvas[y : y + h, MARGIN : MARGIN + w] = cut
        placed.append(_Placed(cell, y, y + h, int(px) - MARGIN, int(py) - y))
        y += h + GAP
    return canvas, placed


GLYPH_HEIGHT = 0.25  # x the canvas's median line height: ink this tall is a glyph's, not a speck's
MIN_GLYPHS = 3  # glyph-sized blots an unread cell needs to be read again


def unread_cells(
    gray: np.ndarray, grid: Grid, placed: list[_Placed], by_cell: dict[int, list[Line]], line_height: float
) -> list[GridCell]:
    """The body cells (below the first row) that got no line from the canvas's reading but hold glyph-sized ink: on a
    worn copy Tesseract's layout analysis can pass over a cell of plain print as a picture (fresh worn seed 206 doc 17:
    a period cell ``ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙`` beside a toner blot, which Tesseract reads as nothing alone too, in one column or
    with page segmentation, and reads as one uniform block). A first row is left out: a shaded header worn to blots
    reads as garbage that would hide its columns' names."""
    unread = [p for i, p in enumerate(placed) if i not in by_cell and p.cell.row > 0]
    if line_height <= 0 or not unread:
        return []  # most tables: the grid's ink level is not measured again
    cut_level = ink_cut(gray, grid.box)
    out = []
    for p in unread:
        made = _cell_cut(gray, grid, p.cell)
        if made is None:
            continue
        ink = (made[0] < cut_level).astype(np.uint8)
        n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        glyphs = sum(int(stats[k, cv2.CC_STAT_HEIGHT]) >= GLYPH_HEIGHT * line_height for k in range(1, n))
        if glyphs >= MIN_GLYPHS:
            out.append(p.cell)
    return out


def assign_lines(lines: list[Line], placed: list[_Placed]) -> dict[int, list[Line]]:
    """Index of the placed cell -> the OCR lines whose vertical centre falls in it."""
    by_cell: dict[int, list[Line]] = {}
    for line in lines:
        centre = (line.box[1] + line.box[3]) / 2
        for i, p in enumerate(placed):
            if p.top - GAP / 2 <= centre < p.bottom + GAP / 2:
                by_cell.setdefault(i, []).append(line)
                break
    return by_cell


def build_table(grid: Grid, page: int, placed: list[_Placed], by_cell: dict[int, list[Line]]) -> Table:
    """The Table of ``grid`` with each cell's text joined from its lines."""
    texts: dict[tuple[int, int], tuple[str, float, list[Line]]] = {}
    for i, p in enumerate(placed):
        cell_lines = sorted(by_cell.get(i, []), key=lambda ln: ln.box[1])
        text = join_wrapped([ln.text for ln in cell_lines])
        confs = [w.conf for ln in cell_lines for w in ln.words if w.conf >= 0]
        on_page = [_moved(ln, p.dx, p.dy) for ln in cell_lines]
        texts[(p.cell.row, p.cell.col)] = (text, sum(confs) / len(confs) if confs else -1.0, on_page)
    cells = []
    for gc in grid.cells:
        text, conf, lines = texts.get((gc.row, gc.col), ("", -1.0, []))
        cells.append(
            Cell(
                row=gc.row,
                col=gc.col,
                text=text,
                raw_text=text,
                box=gc.box,
                rowspan=gc.rowspan,
                colspan=gc.colspan,
                conf=conf,
                lines=lines,
            )
        )
    return Table(page=page, cells=cells, box=grid.box, source="grid")


def _moved(line: Line, dx: int, dy: int) -> Line:
    """A copy of a canvas line with its boxes shifted onto the page."""

    def shift(box):
        return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)

    words = [replace(w, box=shift(w.box)) for w in line.words]
    return Line(text=line.text, box=shift(line.box), words=words)
