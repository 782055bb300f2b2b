"""Break Thai text into lines that fit a width: at spaces, and between words (pythainlp ``word_tokenize``)."""

from __future__ import annotations

import re
from functools import lru_cache

from PIL import ImageFont
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import dict_trie

_THAI = re.compile("[\u0e01-\u0e2e]")
# characters that cannot begin a line (marks, following vowels, repetition sign, closing punctuation)
_NO_START = re.compile("^[\u0e30-\u0e3a\u0e45\u0e46\u0e47-\u0e4e.,:;)\\]}%]")
_NO_END = re.compile("[(\\[{\u0e40-\u0e44]$")


_LONG = 14  # dictionary compounds longer than this are split again into shorter words


@lru_cache(maxsize=1)
def _short_words():
    """A dictionary without long compounds (สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ is one entry)."""
    return dict_trie(sorted(w for w in thai_words() if len(w) <= 10))


def _split_long(parts: list[str]) -> list[str]:
    out: list[str] = []
    for p in parts:
        if len(p) > _LONG and _THAI.search(p):
            out.extend(x for x in word_tokenize(p, custom_dict=_short_words(), engine="newmm") if x)
        else:
            out.append(p)
    return out


@lru_cache(maxsize=20000)
def _tokens(chunk: str) -> tuple[str, ...]:
    """Word pieces of a space-free chunk, re-joined where a break would be wrong ('โท'+'ร.', '(' + word)."""
    if not _THAI.search(chunk) or len(chunk) <= 4:
        return (chunk,)
    parts = _split_long([p for p in word_tokenize(chunk, engine="newmm", keep_whitespace=False) if p])
    out: list[str] = []
    for p in parts:
        if out and (
            _NO_START.match(p)
            or _NO_END.search(out[-1])
            or len(p) == 1
            or "." in p
            and len(p) <= 3
            or not _THAI.search(p)
            and not _THAI.search(out[-1])
        ):
            out[-1] += p
        else:
            out.append(p)
    return tuple(out) if "".join(out) == chunk else (chunk,)


def atoms(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) pairs: separator is ' ' between space-separated chunks, '' inside one."""
    out: list[tuple[str, str]] = []
    for chunk in text.split():
        for i, piece in enumerate(_tokens(chunk)):
            out.append(((" " if out else "") if i == 0 else "", piece))
    return out


@lru_cache(maxsize=50000)
def _width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return font.getlength(text)


def text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return _width(font, text)


def wrap(
    text: str, font: ImageFont.FreeTypeFont, width: float, first_width: float | None = None, slack: float = 0.0
) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (the first line no wider than ``first_width``).

    Joining the lines back with the separators they were broken at gives ``text`` with runs of spaces
    collapsed. A single word wider than the line stands alone when it overflows by at most ``slack``
    pixels (into a cell's padding), else it is cut between characters.
    """
    lines: list[str] = []
    cur = ""
    limit = width if first_width is None else first_width
    for sep, piece in atoms(text):
        cand = cur + sep + piece if cur else piece
        if not cur or _width(font, cand) <= limit:
            cur = cand
            continue
        lines.append(cur)
        limit = width
        cur = piece
        while _width(font, cur) > limit + slack:
            head, cur = _cut(font, cur, limit)
            lines.append(head)
    while cur and _width(font, cur) > limit + slack:  # a first piece wider than the line
        head, cur = _cut(font, cur, limit)
        lines.append(head)
        limit = width
    if cur:
        lines.append(cur)
    return lines


def _cut(font: ImageFont.FreeTypeFont, text: str, limit: float) -> tuple[str, str]:
    """Split before the last character that still fits, at a place where Thai allows it."""
    i = len(text) - 1
    while i > 1 and (_width(font, text[:i]) > limit or not _can_cut(text, i)):
        i -= 1
    return text[:i], text[i:]


def _can_cut(text: str, i: int) -> bool:
    """Not before a mark or following vowel, not after a leading vowel, not before consonant + karan."""
    return not (_NO_START.match(text[i:]) or _NO_END.search(text[:i]) or text[i + 1 : i + 2] == "\u0e4c")
