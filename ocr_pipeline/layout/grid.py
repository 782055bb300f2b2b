"""Ruled tables on a page image, found with OpenCV morphology.

Line masks come from opening the ink with long thin kernels; grid rows and columns are the
positions of those lines; a border missing between two grid cells merges them (row/column spans).
The result is geometry only: which engine reads the cells is not this module's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr_pipeline.disjoint import DisjointSets
from ocr_pipeline.layout.preprocess import binarize

MIN_TABLE_WIDTH = 0.3  # of the page width
RULE_INCHES = 0.3  # shortest ruling segment (a one-line row is ~0.33 inch tall)
BORDER_COVERAGE = 0.6  # share of a cell edge that must be inked to count as a border


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    box: tuple[int, int, int, int]  # inside the ruling lines


@dataclass
class Grid:
    box: tuple[int, int, int, int]
    ys: list[int]  # row boundaries (centres of horizontal rules)
    xs: list[int]  # column boundaries
    cells: list[GridCell] = field(default_factory=list)
    line_mask: np.ndarray | None = None  # ruling pixels of the whole page (255), for masking


def find_grids(gray: np.ndarray, dpi: int = 300) -> list[Grid]:
    """Ruled tables on a deskewed page, top to bottom.

    A rule is a straight run of ink longer than any glyph: a third of an inch (Thai ไ ใ ป ฟ
    have tall strokes of about a fifth of an inch at 16 pt, and must never be taken for rules).
    """
    ink = binarize(gray)
    h, w = ink.shape
    length = max(int(RULE_INCHES * dpi), 20)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    # close small gaps in broken rules (noise, faint scans)
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 15)))
    rules = cv2.bitwise_or(horizontal, vertical)
    n, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    grids = []
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        if bw < MIN_TABLE_WIDTH * w or bh < 60:
            continue
        grid = _grid_in(horizontal, vertical, (x, y, x + bw, y + bh))
        if grid is not None:
            grid.line_mask = rules
            grids.append(grid)
    return sorted(grids, key=lambda g: g.box[1])


def _grid_in(horizontal: np.ndarray, vertical: np.ndarray, box) -> Grid | None:
    x0, y0, x1, y1 = box
    hreg = horizontal[y0:y1, x0:x1] > 0
    vreg = vertical[y0:y1, x0:x1] > 0
    ys = [int(y0 + c) for c in _rule_centres(hreg.sum(axis=1), min_len=0.08 * (x1 - x0))]
    xs = [int(x0 + c) for c in _rule_centres(vreg.sum(axis=0), min_len=0.25 * (y1 - y0))]
    if len(ys) < 2 or len(xs) < 2:
        return None
    cells = _cells(horizontal, vertical, ys, xs)
    return Grid(box=(xs[0], ys[0], xs[-1], ys[-1]), ys=ys, xs=xs, cells=cells)


def _rule_centres(profile: np.ndarray, min_len: float) -> list[int]:
    """Centres of runs of positions whose ruling length exceeds ``min_len``."""
    on = profile >= min_len
    centres, start = [], None
    for i, flag in enumerate(np.append(on, False)):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            centres.append((start + i - 1) // 2)
            start = None
    return centres


def _cells(horizontal: np.ndarray, vertical: np.ndarray, ys: list[int], xs: list[int]) -> list[GridCell]:
    rows, cols = len(ys) - 1, len(xs) - 1
    sets = DisjointSets(rows * cols)
    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _has_rule(vertical, axis=1, at=xs[c + 1], lo=ys[r], hi=ys[r + 1]):
                sets.union(r * cols + c, r * cols + c + 1)
            if r + 1 < rows and not _has_rule(horizontal, axis=0, at=ys[r + 1], lo=xs[c], hi=xs[c + 1]):
                sets.union(r * cols + c, (r + 1) * cols + c)
    cells = []
    for group in sets.groups():
        members = [divmod(i, cols) for i in group]
        r0 = min(m[0] for m in members)
        r1 = max(m[0] for m in members)
        c0 = min(m[1] for m in members)
        c1 = max(m[1] for m in members)
        box = (int(xs[c0]), int(ys[r0]), int(xs[c1 + 1]), int(ys[r1 + 1]))
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    return sorted(cells, key=lambda c: (c.row, c.col))


def _has_rule(mask: np.ndarray, axis: int, at: int, lo: int, hi: int) -> bool:
    """Is there a ruling line at ``at`` between ``lo`` and ``hi`` (a band of +-4 px is searched)?"""
    margin = max(3, (hi - lo) // 10)
    lo, hi = lo + margin, hi - margin
    if hi <= lo:
        return True
    if axis == 0:  # horizontal rule at row ``at``
        band = mask[max(at - 4, 0) : at + 5, lo:hi]
        covered = band.max(axis=0) > 0
    else:  # vertical rule at column ``at``
        band = mask[lo:hi, max(at - 4, 0) : at + 5]
        covered = band.max(axis=1) > 0
    return covered.mean() >= BORDER_COVERAGE
