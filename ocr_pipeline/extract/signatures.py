"""Signature blocks: a line "(name)" over a position line, alone or side by side.

With blocks side by side, one line holds several "(name)" groups and the line below holds their
positions; on a scan each position word goes to the name above it (by x position), in a
transcript the position line is cut where a known position starts.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.model import Line, Page, Signatory, union_box
from ocr_pipeline.resources import load_list, load_table
from ocr_pipeline.understand.labels import name_groups

MEMO_TITLE = "บันทึกข้อความ"


def find_signatories(pages: list[Page]) -> list[tuple[Signatory, int]]:
    """(Signatory, page number) for every signature block, in reading order."""
    found: list[tuple[Signatory, int]] = []
    for page in pages:
        if page.tables and MEMO_TITLE not in page.text.replace(" ", "")[:400]:
            continue  # table pages carry no signature blocks in these reports
        lines = sorted((ln for ln in page.lines if ln.text.strip()), key=lambda ln: ln.box[1])
        for i, line in enumerate(lines):
            names = name_groups(line.text)
            if not names:
                continue
            below = _position_line(lines, i)
            positions = split_positions(line, below, len(names)) if below else [None] * len(names)
            for name, position in zip(names, positions):
                found.append((Signatory(name=name, position=position), page.number))
    return found


SPECK = re.compile(
    r"(?:(?<=\s)|^)[.,:;'`‘’|_~]+(?=[\u0e01-\u0e4e])|(?<=[\u0e01-\u0e4e])\s+[.,:;'`‘’|_~]+(?=\s|$)|^[.,:;'`‘’|_~\s]+|[,:;'`‘’|_~\s]+$"
)


def despeck(text: str | None) -> str | None:
    """A name or position without the specks a stain or the signature leaves at a word's edge:
    ". ปลัดเทศบาล" -> "ปลัดเทศบาล", "นายทรงชัย .พฤฒิสาร" -> "นายทรงชัย พฤฒิสาร" (ดร. keeps its dot)."""
    if text is None:
        return None
    before = None
    while before != text:  # a speck may hide another: "ตำบลต้า ' ."
        before, text = text, " ".join(SPECK.sub("", text).split())
    return text


THAI_LETTERS = re.compile(r"[\u0e01-\u0e2e]")


@cache
def _continuations() -> tuple[str, ...]:
    """Words that open a second position line: acting for another post (``position_links.tsv``)."""
    return tuple(word for word, second in load_table("position_links.tsv") if second == "yes")


def _position_line(lines: list[Line], index: int) -> Line | None:
    """The first line under a name line that reads as a position (within three lines): Thai
    text, not another name line; specks and scribbles read as Latin are passed over. A second
    line that continues the post ("ปฏิบัติหน้าที่ …") is joined to it."""
    for k in range(index + 1, min(index + 4, len(lines))):
        nxt = lines[k]
        if name_groups(nxt.text):
            return None
        if len(THAI_LETTERS.findall(nxt.text)) >= 3:
            if k + 1 < len(lines) and lines[k + 1].text.strip().startswith(_continuations()):
                return Line(
                    text=nxt.text.strip() + " " + lines[k + 1].text.strip(),
                    box=nxt.box,
                    words=nxt.words + lines[k + 1].words,
                )
            return nxt
    return None


def split_positions(name_line: Line, position_line: Line, count: int) -> list[str | None]:
    """The position line cut into ``count`` positions, one per name of the name line."""
    text = " ".join(position_line.text.split())
    if count == 1:
        return [text]
    if _has_geometry(name_line) and _has_geometry(position_line):
        by_x = _split_by_x(name_line, position_line, count)
        if by_x:
            return by_x
    return _split_by_vocabulary(text, count)


def _has_geometry(line: Line) -> bool:
    return bool(line.words) and line.box[2] > line.box[0]


def _tokens(line: Line) -> list[tuple[str, float]]:
    """Space-separated tokens of an OCR line with their x centres."""
    tokens = []
    for a, b in line.token_ranges():
        box = union_box(w.box for w in line.words[a:b])
        tokens.append((normalize_thai("".join(w.text for w in line.words[a:b])), (box[0] + box[2]) / 2))
    return tokens


def _split_by_x(name_line: Line, position_line: Line, count: int) -> list[str | None] | None:
    centres = [x for tok, x in _tokens(name_line) if "(" in tok or "[" in tok]
    if len(centres) != count:
        return None
    parts: list[list[str]] = [[] for _ in range(count)]
    for tok, x in _tokens(position_line):
        nearest = min(range(count), key=lambda k: abs(centres[k] - x))
        parts[nearest].append(tok)
    return [" ".join(p) or None for p in parts]


@cache
def _positions() -> tuple[str, ...]:
    return tuple(sorted(load_list("positions.txt"), key=len, reverse=True))


def _position_start_score(token: str) -> float:
    """How well a token starts a known position (prefix match, fuzzy)."""
    best = 0.0
    for pos in _positions():
        head = token[: len(pos)]
        if len(head) >= 3:
            best = max(best, fuzz.ratio(head, pos))
    return best


def _split_by_vocabulary(text: str, count: int) -> list[str | None]:
    tokens = text.split()
    if len(tokens) < count:
        return [text] + [None] * (count - 1)
    if len(tokens) == count:
        return list(tokens)
    starts = sorted(range(1, len(tokens)), key=lambda k: -_position_start_score(tokens[k]))[: count - 1]
    cuts = [0] + sorted(starts) + [len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in zip(cuts, cuts[1:])]
