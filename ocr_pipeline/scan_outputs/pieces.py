"""The cleaned text of every line and table cell, cut into pieces that sit on OCR word boxes.

A line's or cell's text after the clean-up is the cleaned text; its words keep the OCR's text and
boxes. The two are aligned character by character (Levenshtein edit operations), and the cleaned
text is cut where the OCR's word gaps fall: each piece is one space-separated OCR token with its
cleaned text, its box (prepared-image pixels) and its mean confidence. Pieces partition the
cleaned text, so a span of it (a correction's ``after``) maps to the boxes that hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import join_wrapped
from ocr_pipeline.model import Box, Cell, Line, Page, union_box


@dataclass
class Token:
    """A space-separated run of OCR words."""

    text: str
    box: Box
    conf: float  # mean word confidence 0-100, -1 when unknown
    row: int  # visual line within its item


@dataclass
class Piece:
    """A stretch ``[start, end)`` of an item's cleaned text, on the box of the OCR token it was read from."""

    text: str
    start: int
    end: int
    box: Box
    conf: float
    row: int


@dataclass
class Item:
    """A page line (``p1.l3``) or table cell (``p2.t0.r3.c1``) with its cleaned text and pieces."""

    key: str
    page: int
    kind: str  # line | cell
    text: str
    box: Box | None
    conf: float
    pieces: list[Piece] = field(default_factory=list)

    def boxes_of(self, start: int, end: int) -> list[Box]:
        """Boxes of the pieces that hold text[start:end] (the item's box when none do)."""
        boxes = [p.box for p in self.pieces if p.start < end and start < p.end]
        return boxes or ([self.box] if self.box else [])


def page_items(page: Page) -> list[Item]:
    """Lines and table cells in reading order (``reading_order.page_text``'s: blocks by their top,
    a table's cells row by row), keyed as the clean-up's text items are (``extract.text_items``)."""
    blocks: list[tuple[int, int, list[Item]]] = []
    for i, line in enumerate(page.lines):
        tokens = line_tokens(line, 0)
        seps = [""] + [" "] * (len(tokens) - 1)
        item = _item(f"p{page.number}.l{i}", page.number, "line", line.text, line.box, tokens, seps)
        blocks.append((line.box[1], 0, [item]))
    for t, table in enumerate(page.tables):
        cells = []
        for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
            tokens, seps = cell_tokens(cell)
            key = f"p{page.number}.t{t}.r{cell.row}.c{cell.col}"
            cells.append(_item(key, page.number, "cell", cell.text, cell.box, tokens, seps, cell.conf))
        blocks.append((table.box[1] if table.box else 0, 1, cells))
    return [item for _, _, block in sorted(blocks, key=lambda b: (b[0], b[1])) for item in block]


def line_tokens(line: Line, row: int) -> list[Token]:
    """The line's tokens, each as tall as the line's body of text (see ``text_band``)."""
    tokens = []
    top, bottom = text_band(line)
    for a, b in line.token_ranges():
        words = line.words[a:b]
        confs = [w.conf for w in words if w.conf >= 0]
        text = "".join(w.text for w in words)
        x0, _, x1, _ = union_box(w.box for w in words)
        box = (x0, top, x1, bottom)
        tokens.append(Token(text, box, sum(confs) / len(confs) if confs else -1.0, row))
    return tokens


def text_band(line: Line) -> tuple[int, int]:
    """The line's text from the top of its upper vowels to its baseline's descent: the band of
    its base letters (the median top and bottom of its word boxes, which Tesseract cuts per
    character cluster) widened by a third above and a fifth below. A token box from the words'
    union instead is as tall as the tallest stack of marks and overlaps the lines above and below."""
    tops = sorted(int(w.box[1]) for w in line.words)
    bottoms = sorted(int(w.box[3]) for w in line.words)
    if not tops:
        return line.box[1], line.box[3]
    top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
    height = max(bottom - top, 1)
    return int(top - height / 3), int(bottom + height / 5)


def cell_tokens(cell: Cell) -> tuple[list[Token], list[str]]:
    """The tokens of a cell's lines and the separator before each (a line break is joined as
    ``join_wrapped`` joined it: nothing between Thai letters, else a space or a new line)."""
    tokens: list[Token] = []
    seps: list[str] = []
    joined = ""
    texts: list[str] = []
    for row, line in enumerate(ln for ln in cell.lines if ln.text.strip()):
        texts.append(line.text)
        new = join_wrapped(texts)
        line_break = new[len(joined) : len(new) - len(line.text.strip())] if joined else ""
        joined = new
        for k, tok in enumerate(line_tokens(line, row)):
            tokens.append(tok)
            seps.append(" " if k else line_break)
    return tokens, seps


def _item(key, page, kind, text, box, tokens, seps, conf=None) -> Item:
    if conf is None:
        confs = [t.conf for t in tokens if t.conf >= 0]
        conf = sum(confs) / len(confs) if confs else -1.0
    return Item(key, page, kind, text, box, conf, align(tokens, seps, text))


def align(tokens: list[Token], seps: list[str], cleaned: str) -> list[Piece]:
    """Cut ``cleaned`` into one piece per token: the raw text (tokens joined by ``seps``, the
    separator before each) is aligned to it, and each separator's place in it is a cut."""
    if not tokens or not cleaned.strip():
        return []
    raw, starts = "", []
    for tok, sep in zip(tokens, seps):
        raw += sep
        starts.append((len(raw) - len(sep), len(raw)))  # (separator start, token start)
        raw += tok.text
    to_clean = _char_map(raw, cleaned)
    cuts = [(0, 0)]
    for sep_start, tok_start in starts[1:]:
        j = to_clean[sep_start] if sep_start < tok_start else to_clean[tok_start]
        j = max(j, cuts[-1][1])
        skip = 1 if sep_start < tok_start and j < len(cleaned) and cleaned[j].isspace() else 0
        cuts.append((j, j + skip))
    cuts.append((len(cleaned), len(cleaned)))
    pieces = []
    for k, tok in enumerate(tokens):
        a, b = cuts[k][1], cuts[k + 1][0]
        text = cleaned[a:b]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if text:
            pieces.append(Piece(text, a + lead, a + lead + len(text), tok.box, tok.conf, tok.row))
    return pieces


def _char_map(raw: str, cleaned: str) -> list[int]:
    """For each character of ``raw`` (and its end), the position in ``cleaned`` it became."""
    out = [0] * (len(raw) + 1)
    for op in Levenshtein.opcodes(raw, cleaned):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        for i in range(i1, i2):
            if op.tag == "equal":
                out[i] = j1 + (i - i1)
            elif op.tag == "replace":
                out[i] = j1 + ((i - i1) * (j2 - j1)) // (i2 - i1)
            else:  # delete
                out[i] = j1
    out[len(raw)] = len(cleaned)
    return out
