"""Tables without rules: columns inferred from where the words stand.

The caller finds the header (it knows the column names) and gives its x ranges; the words below
are grouped into visual rows by their vertical position and into columns by their horizontal
centre. A new table row starts where the first columns begin a numbered item; other visual rows
continue the cells above (wrapped text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocr_pipeline.clean.thai_text import NEW_ITEM, join_wrapped, normalize_thai
from ocr_pipeline.model import Cell, Line, Table, Word, union_box

Box = tuple[int, int, int, int]


@dataclass
class Token:
    """A space-separated piece of an OCR line, with its box."""

    text: str
    box: Box
    conf: float


def line_tokens(lines: list[Line]) -> list[Token]:
    """Tokens of OCR lines (words joined up to the spaces Tesseract wrote)."""
    tokens: list[Token] = []
    for line in lines:
        for a, b in line.token_ranges():
            words = line.words[a:b]
            tokens.append(
                Token(
                    normalize_thai("".join(w.text for w in words)),
                    union_box(w.box for w in words),
                    sum(w.conf for w in words) / len(words),
                )
            )
    return tokens


def visual_rows(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped into text lines by vertical overlap, top to bottom, each left to right."""
    rows: list[list[Token]] = []
    for tok in sorted(tokens, key=lambda t: (t.box[1] + t.box[3]) / 2):
        centre = (tok.box[1] + tok.box[3]) / 2
        if rows:
            last = rows[-1]
            top = min(t.box[1] for t in last)
            bottom = max(t.box[3] for t in last)
            if top <= centre <= bottom:
                last.append(tok)
                continue
        rows.append([tok])
    return [sorted(r, key=lambda t: t.box[0]) for r in rows]


def split_by_gaps(row: list[Token], gap: float) -> list[list[Token]]:
    """A visual row cut where the horizontal gap between tokens exceeds ``gap`` pixels."""
    groups: list[list[Token]] = []
    for tok in row:
        if groups and tok.box[0] - groups[-1][-1].box[2] <= gap:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def table_from_columns(rows: list[list[Token]], edges: list[float], page: int, header: list[str]) -> Table:
    """A Table: the header, then body rows built from visual rows split at the column ``edges``
    (x positions between columns). A visual row whose first non-empty cell starts a numbered item
    in one of the first two columns starts a new table row."""
    ncols = len(edges) + 1
    body: list[list[list[list[Token]]]] = []  # table row -> column -> visual lines -> tokens
    confs: list[list[float]] = []
    for row in rows:
        parts: list[list[Token]] = [[] for _ in range(ncols)]
        for tok in row:
            x = (tok.box[0] + tok.box[2]) / 2
            col = sum(1 for e in edges if x > e)
            parts[col].append(tok)
        texts = [" ".join(t.text for t in p) for p in parts]
        starts = any(NEW_ITEM.match(texts[c]) for c in range(min(2, ncols)) if texts[c])
        if not body or starts:
            body.append([[p] if p else [] for p in parts])
            confs.append([t.conf for t in row])
        else:
            for c, p in enumerate(parts):
                if p:
                    body[-1][c].append(p)
            confs[-1].extend(t.conf for t in row)
    cells = [Cell(row=0, col=c, text=h, raw_text=h) for c, h in enumerate(header)]
    for r, (row_parts, row_confs) in enumerate(zip(body, confs), start=1):
        conf = sum(row_confs) / len(row_confs) if row_confs else -1.0
        for c, visual in enumerate(row_parts):
            lines = [_token_line(tokens) for tokens in visual]
            pieces = [ln.text for ln in lines]
            box = union_box(ln.box for ln in lines) if lines else None
            cells.append(
                Cell(
                    row=r, col=c, text=join_wrapped(pieces), raw_text="\n".join(pieces), conf=conf, box=box, lines=lines
                )
            )
    top = min((t.box[1] for row in rows for t in row), default=0)
    return Table(page=page, cells=cells, box=(0, top, 0, top), source="columns")


def _token_line(tokens: list[Token]) -> Line:
    """A cell's visual line from its tokens (its words: the searchable PDF places them)."""
    words = [Word(t.text, t.box, t.conf, space_before=k > 0) for k, t in enumerate(tokens)]
    return Line(text=" ".join(t.text for t in tokens), box=union_box(t.box for t in tokens), words=words)


def column_edges(header_groups: list[list[Token]]) -> list[float]:
    """Boundaries halfway between neighbouring header cells."""
    spans = [(min(t.box[0] for t in g), max(t.box[2] for t in g)) for g in header_groups]
    return [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])]


def text_of(group: list[Token]) -> str:
    return re.sub(r"\s+", " ", " ".join(t.text for t in group)).strip()
