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

MIN_TABLE_WIDTH = 0.3  # of the page width
RULE_INCHES = 0.3  # shortest ruling segment (a one-line row is ~0.33 inch tall)
BORDER_COVERAGE = 0.6  # share of a cell edge that must be inked to count as a border
PINHOLE = 3  # px: gaps in a vertical rule closed
EXTENT_GAIN = 1.1  # a table the second look finds replaces the first look's there when this much larger
RULE_CUT = 0.5  # second look for faint rules: ink darker than Otsu's threshold plus this share of the way to white
RULE_MATCH = 8  # px: two looks' rules this close are one rule


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
    Ink is first cut at the page's Otsu threshold; the thin rules of a pale copy are lighter than
    its text and come out as dashes there, so the page is looked at again with a lighter cut
    (``RULE_CUT``): a table found there where none was, or larger than those found there (rules
    the first look missed), or joining pieces found there into one table with no rule of its own, is taken. (The lighter cut
    alone would join thick letters into false rules.) A line that borders no cell (strokes of a few stacked
    lines of text, the speckle of a shaded header) is no rule.
    """
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    grids = _grids_at(gray, float(threshold), dpi)
    light = _grids_at(gray, float(threshold) + (255.0 - float(threshold)) * RULE_CUT, dpi)
    for g in light:
        under = [f for f in grids if _overlap(g.box, f.box)]
        if not under or _area(g.box) > EXTENT_GAIN * sum(_area(f.box) for f in under) or _completes(g, under):
            grids = [f for f in grids if f not in under] + [g]
    return sorted(grids, key=lambda g: g.box[1])


def _grids_at(gray: np.ndarray, cut: float, dpi: int) -> list[Grid]:
    """Ruled tables in the ink darker than ``cut``."""
    _, ink = cv2.threshold(gray, cut - 0.5, 255, cv2.THRESH_BINARY_INV)  # gray < cut
    h, w = ink.shape
    length = max(int(RULE_INCHES * dpi), 20)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    # a vertical rule may have pinholes (a pale copy's); a horizontal one may not (letters on a line are that close)
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, PINHOLE)))
    vertical = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    # close small gaps in broken rules (noise, faint scans)
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 15)))
    rules = cv2.bitwise_or(horizontal, vertical)
    # the tables' extents: connected rules, found on a quarter-size copy (much faster; rules stay joined)
    small = cv2.resize(rules, (max(w // 4, 1), max(h // 4, 1)), interpolation=cv2.INTER_AREA)
    n, _, stats, _ = cv2.connectedComponentsWithStats((small > 0).astype(np.uint8), connectivity=8)
    grids = []
    for i in range(1, n):
        x, y, bw, bh = (int(v) * 4 for v in stats[i][:4])
        x, y, x1, y1 = max(x - 4, 0), max(y - 4, 0), min(x + bw + 4, w), min(y + bh + 4, h)
        if x1 - x < MIN_TABLE_WIDTH * w or y1 - y < 60:
            continue
        grid = _grid_in(horizontal, vertical, (x, y, x1, y1))
        if grid is not None:
            grid.line_mask = rules
            grids.append(grid)
    return grids


def _completes(light: Grid, under: list[Grid]) -> bool:
    """Is ``light`` the one table that the grids ``under`` it are pieces of: it holds them all whole and has no rule
    that none of them has (a pale copy's table found by the first look as a table without its foot and a
    one-column piece, together about as large as the whole: fresh worn seed 124 doc 6, two rows merged and the
    rest shifted)? A rule the second look alone finds may be a thick copy's letters run together (worn seeds 114,
    116: a row too many), so none is taken this way."""

    def near(v: int, rules: list[int]) -> bool:
        return any(abs(v - r) <= RULE_MATCH for r in rules)

    x0, y0, x1, y1 = light.box
    inside = all(
        f.box[0] >= x0 - RULE_MATCH
        and f.box[1] >= y0 - RULE_MATCH
        and f.box[2] <= x1 + RULE_MATCH
        and f.box[3] <= y1 + RULE_MATCH
        for f in under
    )
    ys, xs = [y for f in under for y in f.ys], [x for f in under for x in f.xs]
    same_rules = all(near(y, ys) for y in light.ys) and all(near(x, xs) for x in light.xs)
    return len(under) > 1 and inside and same_rules


def _area(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _grid_in(horizontal: np.ndarray, vertical: np.ndarray, box) -> Grid | None:
    x0, y0, x1, y1 = box
    hreg = horizontal[y0:y1, x0:x1] > 0
    vreg = vertical[y0:y1, x0:x1] > 0
    ys = [int(y0 + c) for c in _rule_centres(hreg.sum(axis=1), min_len=0.08 * (x1 - x0))]
    xs = [int(x0 + c) for c in _rule_centres(vreg.sum(axis=0), min_len=0.25 * (y1 - y0))]
    if len(ys) < 2 or len(xs) < 2:
        return None
    ys, xs = _bordering(horizontal, vertical, ys, xs)
    cells = _cells(horizontal, vertical, ys, xs)
    return Grid(box=(xs[0], ys[0], xs[-1], ys[-1]), ys=ys, xs=xs, cells=cells)


def _bordering(
    horizontal: np.ndarray, vertical: np.ndarray, ys: list[int], xs: list[int]
) -> tuple[list[int], list[int]]:
    """The inner rules that border cells (the outer ones frame the table): a vertical one at least
    one cell, a horizontal one cells in two columns (when there are three or more). Strokes stacked
    in a cell, or letters of a shaded header run together, are dropped, and the cell they cut is
    whole again."""
    while True:
        keep_x = [
            x
            for i, x in enumerate(xs)
            if i in (0, len(xs) - 1)
            or any(_has_rule(vertical, axis=1, at=x, lo=ys[r], hi=ys[r + 1]) for r in range(len(ys) - 1))
        ]
        need = 2 if len(keep_x) > 3 else 1
        keep_y = [
            y
            for i, y in enumerate(ys)
            if i in (0, len(ys) - 1)
            or sum(_has_rule(horizontal, axis=0, at=y, lo=keep_x[c], hi=keep_x[c + 1]) for c in range(len(keep_x) - 1))
            >= need
        ]
        if (keep_x, keep_y) == (xs, ys):
            return ys, xs
        xs, ys = keep_x, keep_y


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
    """Is there a ruling line at ``at`` between ``lo`` and ``hi`` (a band of +-4 px is searched)?
    It must cover ``BORDER_COVERAGE`` of the way, and a vertical one must reach a rule at one end at
    least: strokes of letters stacked over a few lines of a cell stop short of the cell's rules."""
    margin = max(3, (hi - lo) // 10)
    if hi - lo <= 2 * margin:
        return True
    start = max(lo - 4, 0)
    if axis == 0:  # horizontal rule at row ``at``
        covered = mask[max(at - 4, 0) : at + 5, start : hi + 5].max(axis=0) > 0
    else:  # vertical rule at column ``at``
        covered = mask[start : hi + 5, max(at - 4, 0) : at + 5].max(axis=1) > 0
    lo, hi = lo - start, hi - start
    ends = axis == 0 or covered[: lo + 5].any() or covered[hi - 4 :].any()
    return bool(ends) and covered[lo + margin : hi - margin].mean() >= BORDER_COVERAGE
