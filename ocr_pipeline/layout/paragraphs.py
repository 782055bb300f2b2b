"""Where a scanned cell's line was ended by hand: a paragraph break no word wrap made.

A word processor fills a cell's line with words until the next one does not fit (Thai breaks between dictionary
words). So a line that ends with room left for the next line's first word was ended by hand, and what follows is a
new paragraph: in a step cell an unnumbered step of its own (``…เฟซบุ๊ก และบอร์ด`` / ``ประชาสัมพันธ์`` ending a step,
``ประกาศเจตนารมณ์ไม่รับ…`` the next one without a number or a dash: fresh worn seed 168 doc 6, two steps read as one
measure row).

The room is measured to the column's fullest line (no line of the column reaches past the wrap limit, so this never
overstates it), the next word's width estimated from its line's box by its share of the line's letters (pythainlp's
newmm word); only room for that word and ``MARGIN`` line heights more counts, so a line OCR boxed short or a word
wider than estimated is no break. A line that ends in a conjunction (``dictionaries/list_conjunctions.txt``) goes on;
specks read as short lines and centred lines (a header's) make no break.
"""

from __future__ import annotations

import re
from functools import cache

from ocr_pipeline.clean.thai_text import COMBINING
from ocr_pipeline.model import Line
from ocr_pipeline.resources import load_list

MARGIN = 1.0  # line heights of room beyond the next word's width
TEXT_LETTERS = 4  # Thai letters: a line with fewer is a speck's reading, not a line of text
LEFT = 0.5  # line heights: two lines whose left ends differ by more are not of one left-aligned paragraph
_THAI_LETTERS = re.compile("[\u0e01-\u0e2e]")
_SPACING = re.compile(f"[^\\s{COMBINING}]")  # characters that take room on a line (marks sit over their letter)


@cache
def _first_word(text: str) -> str:
    """The first dictionary word (pythainlp newmm) of ``text``'s first space-separated token."""
    from pythainlp.tokenize import word_tokenize

    tokens = text.split()
    if not tokens:
        return ""
    words = [w for w in word_tokenize(tokens[0], engine="newmm") if w.strip()]
    return words[0] if words else tokens[0]


def _ends_in_conjunction(text: str) -> bool:
    return text.rstrip().endswith(tuple(load_list("list_conjunctions.txt")))


def hard_breaks(lines: list[Line], limit: int) -> set[int]:
    """Indices ``k`` of ``lines`` (one cell's, top to bottom, boxes on the page) before which the text line above was
    ended by hand; ``limit``: the right end of the column's fullest line. Only lines of text count (``TEXT_LETTERS``
    Thai letters or more: a speck read as ``a 9) ๑7 =`` between two lines is neither a line's end nor a start), and only
    two that start at one left edge (centred lines, a header's, have room on both sides)."""
    out = set()
    text = [k for k, ln in enumerate(lines) if len(_THAI_LETTERS.findall(ln.text)) >= TEXT_LETTERS]
    for j, k in zip(text, text[1:]):
        above, line = lines[j], lines[k]
        height = line.box[3] - line.box[1]
        letters = len(_SPACING.findall(line.text))
        word = _first_word(line.text.strip())
        if (
            not letters
            or not word
            or _ends_in_conjunction(above.text)
            or abs(line.box[0] - above.box[0]) > LEFT * height
        ):
            continue
        width = (line.box[2] - line.box[0]) * len(_SPACING.findall(word)) / letters
        if limit - above.box[2] > width + MARGIN * height:
            out.add(k)
    return out
