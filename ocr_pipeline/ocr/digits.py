"""Re-read Thai (and Arabic) digit strings from the page pixels.

Debian's stock Tesseract ``tha`` model cannot output ๔ ๖ ๗ ๘ ๙: it writes ๕, ๒, ๓, look-alike letters
(``dictionaries/digit_lookalikes.tsv``), Latin garbage or nothing instead, and its boxes for Thai are often
half a glyph off. :class:`DigitReader` takes one line's words, finds runs of neighbouring words that hold
a digit or a Latin letter (with look-alikes, punctuation and lone marks between them), cuts the image
around each run into glyphs (``digit_glyphs``: connected components, touching digits cut apart, broken
ones joined), classifies every glyph with ``digit_classifier`` (a small ensemble of convolutional nets
run in numpy: ``models/thai_digits.npz``, built by ``scripts/train_digit_reader.py``) as a digit,
``. / - ( ) : ,`` or "not a digit", and rewrites the words whose glyphs all read as digits or punctuation.
Words holding any letter glyph keep their text.

This module is the reader (where digits are looked for on a line, how glyphs are cut, joined and grouped
into numbers, which words a number replaces); the classifier knows nothing of lines or words.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ocr_pipeline.clean.thai_text import ABOVE_BELOW, TO_ARABIC, TO_THAI, VOWELS_ABOVE_BELOW, marks_only
from ocr_pipeline.disjoint import DisjointSets
from ocr_pipeline.model import Word, columns_shared, token_ranges, union_box
from ocr_pipeline.ocr import digit_glyphs as dg
from ocr_pipeline.ocr.digit_classifier import DEFAULT_MODEL, GlyphClassifier, default_classifier
from ocr_pipeline.ocr.latin_reread import english_words, month_key, month_keys
from ocr_pipeline.resources import load_table

__all__ = ["DEFAULT_MODEL", "DigitReader", "DigitReading", "GlyphClassifier", "lookalikes", "script_twins"]

_DIGITS = frozenset(dg.THAI_DIGITS + dg.ARABIC_DIGITS)
_PUNCT = frozenset(dg.PUNCT)  # sets: "" (not a digit) must not be "in" them
_THAI_DIGITS, _ARABIC_DIGITS = frozenset(dg.THAI_DIGITS), frozenset(dg.ARABIC_DIGITS)
_LEADING_JUNK = frozenset("-/:,.)")  # a number does not start with these
_TRAILING_JUNK = frozenset("-/:,(")  # nor end with these
_LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CLOSING = ")]}\"'”’"  # signs that may close a month's token
# Latin letters, accents too, and ``@`` (the English model's ๑, ๕ or ๖: ``b@ébb`` for ๒๕๖๖, fresh worn seed 140 doc 10),
# ``&``, ``<`` and ``>`` (``loé&b>`` for ๒๕๖๖ after ก.ย.: clean render seed 35 doc 0, the period left empty)
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u00ff@&<>]*[A-Za-z][A-Za-z\u00c0-\u00ff@&<>]*")
_LATIN_SLASHED = re.compile(f"{_LATIN_WORD.pattern}/{_LATIN_WORD.pattern}")  # a document number read as Latin
_QUOTES = "'‘’\"`"


def _symbol(c: str) -> bool:
    """A symbol or punctuation mark outside the Thai block (``©``, ``°``, ``»``, ``|``...): the English
    model's readings of a Thai digit it cannot make out."""
    return not "\u0e00" <= c <= "\u0e7f" and unicodedata.category(c)[0] in "SP"


_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
# one consonant, or a vowel that never stands alone (``ะ`` for ๕), with its marks: a lone token like
# this is no Thai word
_LONE_LETTER = re.compile("[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e44][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*")
# words of this height are a good measure of the line's body (no ascender, descender or mark)
_BODY_LETTERS = set("กขคฆงจฉชซฌฑฒณดตถทธนบผพภมยรลวศษสหอฮาะเแ")
_BODY = _BODY_LETTERS | set(dg.THAI_DIGITS)

# -- thresholds of the reader (beside DigitReader's own attributes). Lengths called "x h" are in units of
# the digit height (the text band's height where no digit is sure yet); "x ref" of the line's body height.
SURE = 0.9  # a glyph read at least this surely is a sure digit: not cut further, sets the width of its
# neighbours' digits, and a mended glyph must read at least this surely
SURE_PIECES_OF_LETTER = 0.95  # a glyph read as a letter is cut only into pieces read at least this surely
NARROW = 0.8  # x h: a glyph narrower than this is never cut, nor is it an unread blob inside a number
LETTER_UNCUT = 1.2  # x h: a glyph read as a letter narrower than this is not cut (one letter, not two digits)
RUN_OF_THREE = 1.2  # x h: a blob no single cut explains and wider than this is segmented as 3+ glyphs
MAX_PIECE = 1.4  # x h: no glyph cut from a blob, nor one mended from broken pieces, is wider than this
MIN_PIECE = 0.15  # x h: a piece between two cuts narrower than this is a sliver, not a glyph
CUT_MARGIN = 0.2  # x h: cuts between touching glyphs keep at least this far from the blob's edges
MIN_PATH_PROBABILITY = 0.5  # a piece on the best path through a blob's cuts reads at least this surely
MEND_GAP = 0.15  # x h: broken pieces further apart than this are not joined into one glyph
OVERLAP = 0.1  # x h: pieces whose boxes overlap this much side by side are pieces of one glyph
BASE_UNDER = 0.5  # of a letter word's width: a number's last glyph under this much of it is that letter
ABOVE = 0.6  # x ref: the crop reaches this far above the seed words' boxes (๙'s tail, a tall ๘)
BELOW = 0.3  # x ref: and this far below them
MIN_MARGIN = 2  # pixels: the crop's margin above and below is never less than this
TALL_SEEDS = 2.0  # x ref: seed words' boxes this tall reach into another line (a day boxed with the line above's ink)
LINE_MARGIN = 0.3  # x ref: ... and are kept below the line's middle top, this much above it
LINE_WORDS = 3  # words of letters or digits a line needs for its middle top to be believed
UNDER_ANCHOR = 0.3  # of a glyph's width: the glyph lies under a digit or Latin word overlapping it this much
BAND_LOW, BAND_HIGH = 0.6, 1.6  # x ref: a text band from the glyphs outside this range is not believed
MARK_ZONE = 0.45  # x band height: a glyph wholly beyond this from the band's centre is a mark, not ours
SMALL_TEXT = 0.6  # x the page's body height: a line's text lower than this is no print of the report
GAP_RATIO = 2.2  # x the median gap between a run's digits: a wider gap separates two numbers
EDGE_ROOM = 0.2  # x h: words reaching this far past a number's glyphs hold its edge punctuation
WIDER_CROP = 3  # x ref: a number running past the crop's edge is read again this much wider on each side
END_SEPARATOR = 0.3  # x h: a slash or dash this close to a number's end continues it
SHORT_TOKEN = 3  # characters: a token this short may be one misread number (a day, a round)
LONE_MARK_OVER = 0.5  # of a lone mark's width: it stands over a number only when this much of it does
LEAST_OVER = 0.15  # of a digit-like word's width: the least overlap with a number that links it
SHARE_OVER = 0.3  # of the narrower of word and number: an overlap this large links them (else the largest)
LETTER_OVER = 0.5  # of a letter word's width: over a number when at least this much of it is
LETTER_UNDER = 0.25  # of a letter word's width: and at most this much lies over letter glyphs
SPECK = 0.3  # x ref: ink under this both ways is a speck; digit words over nothing else are dust read as digits
LOST_GAP = 0.9  # x ref: a gap this wide between two words, with ink in it, may hide a number OCR dropped
LOST_MARGIN = 0.15  # x ref: that ink lies this far clear of both words' boxes
LOST_OVERLAP = 0.3  # of its width: the words beside a number put in may reach this far over it
LOST_DIGITS = 4
LOST_HEIGHT = 0.7  # x digit height: each digit of a number put in is at least this tall  # a number put in where no word stands holds at most this many characters
REREAD_OVERLAP = 0.5  # of a glyph's width: over a number's glyphs this much, it is their pixels read again
LOOSE_BOX = 1.5  # x the lower quartile of the body-letter words' heights: a taller box is a loose one
NEAR_WORDS = 7  # body-height letter words nearest a stretch that give its body when its glyphs cannot
MIN_WORD_HEIGHT = 2  # pixels: a word box this low or lower tells nothing of the body
DEFAULT_HEIGHT = 10.0  # pixels: the body height of a line with no word height at all
INK_LEVEL = 128  # grey level: darker pixels are ink when telling a box over ink from one over nothing
INK_NOISE_PIXELS, INK_NOISE_SHARE = 2, 0.01  # a box with no more dark pixels than these is over no ink


@dataclass
class DigitReading:
    """One re-read digit string."""

    before: str  # OCR text of the word(s) replaced
    after: str  # new text
    confidence: float  # 0-1: min over its glyphs, scaled down where the OCR text held no digit
    box: tuple[int, int, int, int]
    doubtful: str = ""  # why a reading applied is still a guess to flag (its number is left out of the fields)


@cache
def lookalikes() -> frozenset[str]:
    """Thai characters Tesseract writes in place of Thai digits (``dictionaries/digit_lookalikes.tsv``)."""
    return frozenset(row[0] for row in load_table("digit_lookalikes.tsv") if row and row[0])


@cache
def script_twins() -> dict[str, str]:
    """Arabic digit -> the Thai digit drawn alike (``dictionaries/digit_script_twins.tsv``)."""
    return {row[1]: row[0] for row in load_table("digit_script_twins.tsv") if len(row) > 1}


def _label_forms(field: str | None = None) -> set[str]:
    """The memo's header labels and their garbles (``dictionaries/memo_labels.tsv``), of one field or all."""
    return {
        form
        for row in load_table("memo_labels.tsv")
        if len(row) > 2 and field in (None, row[0])
        for form in (row[1], *row[2].split(","))
        if form != "-"
    }


@cache
def _label_words() -> frozenset[str]:
    """The memo's header labels and their garbles of two characters or more."""
    return frozenset(f for f in _label_forms() if len(f) >= 2)


@cache
def _dash_added(before: str, after: str) -> bool:
    """Whether a reading only puts dashes into the OCR's reading of the same digits: Tesseract reads a
    dash well, and a dash found between two digits it read as one run is a gap or a speck
    (``83730/1`` read again as ``837-30/1``, standard seed 7)."""
    b, a = (t.replace(" ", "").translate(TO_ARABIC) for t in (before, after))
    return "-" in a and a.count("-") > b.count("-") and a.replace("-", "") == b.replace("-", "")


_INNER_DASH = re.compile(r"(?<=[0-9])[\s:.]*[-–][\s:.]*(?=[0-9])")  # a dot or colon beside it too


def _dash_eaten(before: str, after: str) -> bool:
    """Whether a reading loses a dash the OCR read between two digits: Tesseract reads a dash well, the glyph
    net knows none and names it a digit (fresh standard seed 103 doc 19: ``ไตรมาสที่ ๑-๒`` read again as
    ``๑4๓`` at 98, the quarter range lost; no such reading was right in 19 corpora)."""
    b, a = (t.translate(TO_ARABIC) for t in (before, after))
    return len(_INNER_DASH.findall(a)) < len(_INNER_DASH.findall(b))


def _bracket_eaten(before: str, after: str) -> bool:
    """Whether a reading loses an opening bracket the OCR read, or unbalances a pair it read: Tesseract reads
    brackets well, and the glyph net names a bracket's arc a digit (``(๒)`` read again as ``๐๓)`` in standard
    seeds 95, 97 and fresh 103, ``(๓)`` as ``๒)`` in worn seed 62, ``(๓)`` as ``(๗`` in standard 61 and 97,
    ``(๑)`` as ``(๑))`` in 97: 7 harmful, none right in 19 corpora). A reading that completes a pair the OCR
    left open (``๒)`` -> ``(๒)``: 26 right) or drops a closing bracket that was a digit's garbage (``๒๑๕๒)``
    for ๒๑๔๒) is judged as before."""
    if after.count("(") < before.count("("):
        return True
    paired = before.count("(") == before.count(")") > 0
    return paired and after.count("(") != after.count(")")


def _dot_made_colon(before: str, after: str) -> bool:
    """Whether a reading only writes colons where the OCR read dots, its digits the same (``๒.๑`` read again
    as ``๒:๑``, standard seed 7 doc 24: Tesseract reads a dot well, and Thai writes times with a dot too;
    a comma read again as a dot was right both times it was seen)."""
    b, a = (t.replace(" ", "").translate(TO_ARABIC) for t in (before, after))
    return len(a) == len(b) and a != b and all(x == y or (x, y) == (".", ":") for x, y in zip(b, a))


_DOT_BETWEEN = re.compile(r"[0-9\u0e50-\u0e59]\.(?=[0-9\u0e50-\u0e59])")


def _dot_eaten(before: str, after: str) -> bool:
    """Whether a reading drops or rewrites a dot the OCR read between two digits (``๑.๑`` read again as ``๑๐๑``,
    ``๑.๒`` as ``๑๒``, ``๒.๑`` as ``๒,๑``: a step's number; over stop 46's final runs and the fresh pair 201 / 202 such
    readings were 7 times harmful, never right). Tesseract reads a dot between digits well; the glyph model
    takes it for a digit or for nothing."""
    b, a = (t.replace(" ", "") for t in (before, after))
    return len(_DOT_BETWEEN.findall(a)) < len(_DOT_BETWEEN.findall(b))


_INNER_SLASH = re.compile(r"\S/\S")  # a document number's slash between what the OCR read of its digits


def _slash_eaten(before: str, after: str) -> bool:
    """Whether a reading loses the slash the OCR saw inside a number (``๑๕๑๕๕๓/๓๕`` read again as
    ``๗๔๑๕๗๓๗``: the slash's glyph taken for ๗, fresh standard seed 91 doc 16; in 11 corpora such
    readings were never right). Tesseract reads a slash well, and the digit model has no slash: such a
    reading is flagged, not applied, and the number as read stays a guess (a document number so read is
    left empty)."""
    return _INNER_SLASH.search(before) is not None and "/" not in after


_ARABIC_NUMBER = re.compile(r"[0-9][0-9/]*[0-9]")
ARABIC_SURE = 90.0  # Tesseract's confidence over an Arabic number it reads surely (its Latin model writes all ten)
UNREAD_GLYPHS = 3  # characters of the OCR's reading that an unread blob of touching glyphs may stand for


def _arabic_read_around(before: str, texts: list[str], run: list[Word]) -> bool:
    """Does the OCR's surely read Arabic number ``before`` hold every reading ``texts`` of the reader's groups, in
    order, with at most a few characters between them where the reader found a blob it could not read (``55452/2287``,
    its ``2/`` touching, read ``5545`` and ``2287``: fresh worn seed 144 doc 0's document number, 150 dpi, left empty)?
    Unlike Thai digits (the stock model writes only five of ten), Arabic ones are the Latin model's: the number as read
    stands, not flagged."""
    seen = before.strip()
    if not _ARABIC_NUMBER.fullmatch(seen) or min(w.conf for w in run) < ARABIC_SURE:
        return False
    if not all(t.isascii() and t.isdigit() for t in texts):
        return False
    gap = f".{{0,{UNREAD_GLYPHS}}}"
    return re.fullmatch(gap + gap.join(re.escape(t) for t in texts) + gap, seen) is not None


def _slash_put_back(before: str, read: str) -> str | None:
    """``read`` (one number's digits) with the slash the OCR saw in ``before`` put back where it stood, when
    the glyphs on its two sides add up to the digits read (``๕๓๕๕๕/๕ฒ๕`` read again ``๕๓๙๕๔๔๙๘``: ๕๓๙๕๔/๔๙๘,
    standard seed 7 doc 39); None when they do not, or when there is no slash to put back."""
    seen = before.strip()
    if "/" in read or seen.count("/") != 1 or not _INNER_SLASH.search(seen) or " " in seen:
        return None
    left, right = seen.split("/")
    return read[: len(left)] + "/" + read[len(left) :] if len(read) == len(left) + len(right) else None


def _sliver_dot(reads: list[_Read], k: int) -> bool:
    """Is ``reads[k]`` a dot that touches the digits on both its sides (no pixel between)? A cut's sliver of a digit's
    foot, read as a dot: ``๒.๕๖๒`` for the year ๒๕๖๒ (fresh worn seed 136 doc 7, the memo's date left empty);
    a number's real dot stands apart from its digits."""
    if reads[k].label != "." or not 0 < k < len(reads) - 1:
        return False
    left, right = reads[k - 1], reads[k + 1]
    return (
        left.label in _DIGITS
        and right.label in _DIGITS
        and reads[k].box[0] <= left.box[2]
        and right.box[0] <= reads[k].box[2]
    )


_SIGNS_APART = (".", ",")  # signs never cut out of a blob between two of its pieces (fresh standard seed 151 doc 11)
# a word of digits whose centre is over a gap beside a number joins it with less than this share of it over a letter,
GAP_WORD = 0.5
GAP_REACH = 0.5  # ... and at most this x digit height from it
SLIVER_BOX = 2  # pixels: a word boxed this narrow tells nothing of where its glyph stands
SLASH_GLUED_WIDTH = 1.25  # x the group's median glyph width: a glyph this wide with a bar over its side holds the slash
_SLASH_WORDS = ("/", "|", "!")  # what the OCR writes for a document number's slash


def _slash_at_bar(run: list[Word], group: _Group) -> str | None:
    """The group's digits with a slash put in where the OCR saw one (or a bar) over the side of one glyph read
    wider than the others: the slash touching a digit, read with it as one digit (``๕|๕`` read ``๕๕`` from a
    glyph 58 pixels wide among ones of 42: fresh standard seed 135 doc 6 lost its ``/``); None otherwise."""
    bars = [w for w in run if w.text.strip() in _SLASH_WORDS]
    if len(bars) != 1 or "/" in group.text or len(group.reads) < 3:
        return None
    widths = sorted(r.box[2] - r.box[0] for r in group.reads)
    usual = widths[len(widths) // 2]
    mid = (bars[0].box[0] + bars[0].box[2]) / 2
    for i, r in enumerate(group.reads):
        if r.box[0] <= mid <= r.box[2] and r.box[2] - r.box[0] > SLASH_GLUED_WIDTH * usual:
            at = i + 1 if mid > (r.box[0] + r.box[2]) / 2 else i
            if 0 < at < len(group.reads):
                return group.text[:at] + "/" + group.text[at:]
    return None


def _slash_made_seven(slashed: str | None) -> bool:
    """Was the digit before a slash the reading lost (its ink glued to a digit's) read ๗? A slash's stroke rising from a
    ๓'s side is the ๗'s tail (``บร ๗๖๙๔๓/๔๐`` read ``…๔๗/๔๐``: standard seed 7 doc 10; worn seed 196 doc 4): the digit is a
    guess; the reading is applied (its other digits are the reader's) and flagged (``DigitReading.doubtful``)."""
    return slashed is not None and "\u0e57/" in slashed


_PUNCT_ONLY = re.compile(r"[-:.,;'`~_=]+")  # what the OCR saw of a speck or a rule: no digit, no letter


def _script_flipped(before: str, after: str) -> bool:
    """Whether a reading writes Arabic digits of other values where the OCR read only Thai digits (``(๑)``
    read again as ``(9)``, standard seed 7 doc 4): Tesseract's Thai model reads the digits of a Thai-numbered
    report as Thai ones, so the script it saw is evidence the glyph net's Arabic look-alike is not."""
    old = [c for c in before if c in _DIGITS]
    new = [c for c in after if c in _DIGITS]
    return (
        bool(old)
        and bool(new)
        and all(c in dg.THAI_DIGITS for c in old)
        and all(c in dg.ARABIC_DIGITS for c in new)
        and "".join(new).translate(TO_THAI) != "".join(old)
    )


def _base_of_next_mark(before: str, after: str, words: list[Word], end: int) -> str:
    """The Thai consonant that ended the words read and that the next word's first mark sits on, when the
    reading dropped it: a letter, not a digit (``๒๕๒๕ม`` + ``ีผู้เข้าร่วม`` is ``๒๕๖๕`` + ``มีผู้เข้าร่วม``,
    standard seed 7: five years read again ate the ม of มี)."""
    last = before.rstrip()[-1:]
    mark = words[end].text[:1] if end < len(words) and not words[end].space_before else ""
    # a letter the stock model writes for a digit (ม for ๙) is a letter under a vowel sign only: a tone mark
    # there may be a speck
    signs = VOWELS_ABOVE_BELOW if last in lookalikes() else ABOVE_BELOW
    if mark and mark in signs and "\u0e01" <= last <= "\u0e2e" and not after.endswith(last):
        return last
    return ""


def _mark_over_end(words: list[Word], b: int, hi: float) -> bool:
    """The mark word ending words [.., b) stands over the number's last glyph (its middle left of the glyphs' right
    edge ``hi``), its letter glued to the number and no word glued after it: the mark of a letter the number's glyph
    was read as (``๒๕งผ่`` read again ``๒๕๖๙``, the mai ek left after the year: fresh standard seed 155 doc 5), no
    neighbour's."""
    mark = words[b - 1]
    glued_after = b < len(words) and not words[b].space_before
    glued_before = b >= 2 and not words[b - 2].space_before  # its letter inside the number's token, not a word apart
    return (mark.box[0] + mark.box[2]) / 2 <= hi and glued_before and not glued_after


_EDGE_PUNCT = re.compile(f"^([{re.escape(dg.PUNCT)}]*)(.*?)([{re.escape(dg.PUNCT)}]*)$", re.S)


def _edges_kept(before: str, after: str, room: tuple[bool, bool] = (True, True)) -> str:
    """``after`` with the punctuation that began or ended the words read (``before``) where no glyph of the
    number stands (``room``: the words reach beyond the number's glyphs on the left / right): a number ends
    before its range's dash or its item's bracket, and the words' ``2565-`` or ``(1)`` are not ``2565`` or
    ``(1`` (worn seed 41: 5 harmful readings)."""
    lead, _body, trail = _EDGE_PUNCT.match(before.strip()).groups()  # type: ignore[union-attr]
    if trail and room[1] and not after.endswith(trail[0]):
        after += trail
    if lead and room[0] and not after.startswith(lead[-1]):
        after = lead + after
    return after


_WORD_START = re.compile("[\u0e40-\u0e44][\u0e01-\u0e2e]")  # a leading vowel and its consonant


def _letter_eaten(before: str, after: str) -> bool:
    """Whether a reading drops the start of a word after a number: a leading vowel and a consonant no
    digit is drawn like (``digit_lookalikes.tsv``) ending the text read. The OCR read a word there, glued
    to the number (``๑.๑เป`` read again as ``๑.๑๗``, the step ``๑.๑ เปิด…``: standard seed 7, three
    times). Letters the stock model writes for digits stay re-readable: alone (ซ, จ, ม for ๘, ๖, ๙), as a
    pair of look-alikes (``เว`` for ๖๗) or before more digits (``เฟ๒ณ๓๕๒`` for ๗๒๙๕๒, worn seed 14), or as
    the whole text, after no number (``รอบ เจ เดือน`` for รอบ ๖ เดือน: fresh worn seed 136 doc 7). A look-alike
    consonant the reading keeps as a letter is the word's, and so is the vowel before it (``๒เด`` read again ``๖๓ด``
    for ๖ เด|ือน: fresh worn seed 206 doc 12, the subject's ``รอบ ๖๓เดือน``)."""
    text = before.strip()
    return any(
        m.end() == len(text)
        and m.start() > 0
        and m.group(0) not in after
        and (m.group(0)[1] not in lookalikes() or after.rstrip().endswith(m.group(0)[1]))
        for m in _WORD_START.finditer(text)
    )


def _zero_made_first(before: str, after: str) -> bool:
    """Whether a reading makes a number start with a zero where the OCR read it starting with another digit
    (``ถึงวันที่ ๓๐ กันยายน`` read again ``๐``: the ๓'s glyph, pushed off the OCR's box, read as no digit; fresh worn
    seed 140 doc 0). No number of these reports starts with a zero but a telephone number, which the OCR sees too."""
    seen = next((c for c in before if c in _DIGITS), None)
    made = next((c for c in after if c in _DIGITS), None)
    return seen is not None and seen not in "0๐" and made is not None and made in "0๐"


@cache
def _digitish_chars() -> frozenset[str]:
    return frozenset(dg.THAI_DIGITS + dg.ARABIC_DIGITS + dg.PUNCT) | _LATIN | _MARKS | lookalikes()


@dataclass
class _Cut:
    """The glyphs of one stretch of the line (boxes relative to ``origin``), before classification."""

    glyphs: list[dg.Glyph]
    blocked: list[bool]  # cut by the crop's edge: read as "not a digit"
    cuttable: list[bool]  # under a word holding a digit or Latin: may be several glyphs touching
    under_digit: list[bool]  # under a word holding a digit: the OCR saw one there, so cut it harder
    band: tuple[float, float]
    origin: tuple[int, int]
    span: tuple[int, int]  # the crop's columns in page pixels
    edge: tuple[bool, bool]  # the crop stops inside the image on the left / right


@dataclass
class _Read:
    """A glyph after classification (box in page pixels)."""

    box: tuple[int, int, int, int]
    label: str  # a target character, or "" for a letter or a glyph cut by the crop
    conf: float


@dataclass
class _Group:
    """Neighbouring target glyphs read as one number."""

    reads: list[_Read]

    @property
    def text(self) -> str:
        return "".join(r.label for r in self.reads)

    @property
    def span(self) -> tuple[int, int]:
        return min(r.box[0] for r in self.reads), max(r.box[2] for r in self.reads)

    @property
    def conf(self) -> float:
        return min(r.conf for r in self.reads)


_ROUND_UNIT = "เดือน"  # a report's round is counted in months: ``(รอบ ๖ เดือน)``
SLIVER = 0.2  # x digit height: a digit word narrower than this is a sliver of a glyph, no digit of its own
DAY_LETTER_CONF = 50.0  # a lone consonant read below this confidence, glued before a month: the day


DAY_LETTERS = 2  # consonants at most that a day's one digit glued before a month is misread as


def _day_glyphs(words: Sequence[Word]) -> bool:
    """What the OCR makes of a day's digit glued before a month name: symbols (``«พฤษภาคม`` for ๔ พฤษภาคม), or
    one or two consonants, one read unsurely (``ซพฤษภาคม`` at 24 for ๗ พฤษภาคม: fresh standard seed 133 doc 6;
    ``พฆตุลาคม`` at 33 and 90 for ๗ ตุลาคม: fresh worn seed 136 doc 5; the memo's dates were left empty)."""
    texts = [(w.text.strip(), w.conf) for w in words if w.text.strip()]
    letters = [(t, conf) for t, conf in texts if not all(_symbol(c) for c in t)]
    if not texts or not letters:
        return bool(texts)
    return (
        len(letters) <= DAY_LETTERS
        and all(len(t) == 1 and "\u0e01" <= t <= "\u0e2e" for t, _ in letters)
        and min(conf for _, conf in letters) < DAY_LETTER_CONF
    )


_YEAR = re.compile("[\u0e52][\u0e55][\u0e50-\u0e59]{2}")  # a Buddhist Era year, ๒๕xx
_ERA = re.compile(r"(?:พ\.?\s*)?ศ\.?$")


def _in_year_slot(words: list[Word], a: int) -> bool:
    """Does the token before word ``a`` name a month or the era (พ.ศ.), so that a year is what follows?"""
    prev = next((s for s, e in token_ranges(words) if e == a), None)
    if prev is None:
        return False
    text = "".join(w.text for w in words[prev:a]).strip()
    return month_key(text) in month_keys() or bool(_ERA.search(text))


def _month_to_token_end(words: list[Word], b: int) -> bool:
    """Do the words from ``b`` to the end of their token spell a month name?"""
    end = next((e for s, e in token_ranges(words) if s <= b < e), None)
    return end is not None and month_key("".join(w.text for w in words[b:end])) in month_keys()


_DAY_SIGNS = "«»©®°§@<>"  # what the English model writes for a day's digit it cannot make out


def _day_sign_split(words: list[Word]) -> list[Word]:
    """``words`` with a sign read glued inside the first word of a month name set apart as a word of its own, its box
    its share of the word's by characters (``«เม|ษา|ย|น`` for ๔ เมษายน: blind worn seed 138 doc 17 left its date
    empty); the day's glyph is read from the pixels then like any sign glued before a month."""
    out: list[Word] = []
    for i, w in enumerate(words):
        text = w.text
        if len(text) > 1 and text[0] in _DAY_SIGNS and "\u0e01" <= text[1] <= "\u0e4e":
            rest = [dataclasses.replace(w, text=text[1:], space_before=False), *words[i + 1 :]]
            if _month_to_token_end(rest, 0):
                x0, y0, x1, y1 = w.box
                cut = x0 + round((x1 - x0) / len(text))
                out += [
                    dataclasses.replace(w, text=text[0], box=(x0, y0, cut, y1)),
                    dataclasses.replace(w, text=text[1:], box=(cut, y0, x1, y1), space_before=False),
                ]
                continue
        out.append(w)
    return out


class DigitReader:
    """Re-reads digit strings in a line's OCR words from the page image (see module docstring)."""

    min_confidence = 0.8  # below this a reading is reported but the text is left as read
    min_confidence_no_digit = 0.95  # the same where the OCR text held no digit at all
    space = 0.45  # a gap wider than this x digit height (or 2.2 x the usual gap) separates two numbers
    reach = 1.2  # look this x body height beyond the candidate words for the rest of the number
    max_width = 2.1  # x digit height: a wider glyph is several glyphs touching
    wide = 1.4  # x the median width of the sure digits beside it: a digit this wide may be two glyphs
    glued = 0.2  # x digit height: a number this close to a letter is part of a word
    cut_slopes = (0.0, 0.4)  # x per y of the cuts tried between touching glyphs (0.4: along a slash)
    touching = 0.1  # x digit height: an unread blob this close to a number's end touches it
    unread_confidence = 0.5  # of a number with an unreadable blob of touching glyphs in it: flagged
    phantom = 0.25  # x digit height: a digit-like word over no ink this close to a number is part of it

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.classifier = default_classifier(model_path)

    # -- candidate words -------------------------------------------------------------------------
    @staticmethod
    def _digitish(text: str) -> bool:
        """Only characters a digit string may come out as (digits, look-alikes, Latin, symbols, marks)."""
        return bool(text) and all(c in _digitish_chars() or _symbol(c) for c in text) and not _english_parts(text)

    @staticmethod
    def _anchor(text: str) -> bool:
        return any(c in _DIGITS or c in _LATIN for c in text) and not _english(text)

    @staticmethod
    def body_height(words: list[Word]) -> float | None:
        """Median height of the line's words made of body-height characters, if there are two; boxes
        much taller than most of the low ones left out (on small low-resolution lines Tesseract gives
        many clusters a box as tall as the whole line)."""
        hs = sorted(w.box[3] - w.box[1] for w in words if w.text and set(w.text) <= _BODY)
        if len(hs) < 2:
            return None
        low = hs[len(hs) // 4]
        return float(np.median([v for v in hs if v <= LOOSE_BOX * low]))

    @staticmethod
    def _isolated(words: list[Word], a: int, b: int) -> bool:
        """Words [a, b) stand as a token of their own (a space or the line's end on both sides)."""
        return (a == 0 or words[a].space_before) and (b == len(words) or words[b].space_before)

    def _token(self, text: str) -> bool:
        """A short token standing alone that may be one misread number (``รอบ ง เดือน``, ``- ได -``,
        ``วันที่ ดต พฤษภาคม``); not a memo label (``ที่``, the document number's, printed bold)."""
        text = text.strip()
        if not text or len(text) > SHORT_TOKEN:
            return False
        if text in _label_words():
            return False
        return self._digitish(text) or _LONE_LETTER.fullmatch(text) is not None or text in ("ได", "ใด")

    def seeds(self, words: list[Word]) -> list[int]:
        """Indices of the words a digit string may hide under: a digit or Latin letter, or the words of
        a lone token (Tesseract gives a word per Thai character; a token runs from space to space), or
        of a short token before a month name (the day: ``วันที่ คง เม.ย.``), or of symbols glued to one."""
        out = {i for i, w in enumerate(words) if self._anchor(w.text)}
        runs = _runs(words)
        months = month_keys()
        for k, (a, b, text) in enumerate(runs):
            # the month's token without the bracket that closes it (``(จ ธันวาคม)`` for (๙ ธันวาคม): specks seed 15 doc 4)
            month_next = k + 1 < len(runs) and month_key(runs[k + 1][2].rstrip(_CLOSING)) in months
            before_month = (
                k + 1 < len(runs)
                and (month_next or runs[k + 1][2].startswith(_ROUND_UNIT))
                and 0 < len(text) <= SHORT_TOKEN
            )  # the day before a month, or a round's number before เดือน (``รอบ`` / ``าว เดือน)``)
            if self._token(text) or before_month:
                out.update(range(a, b))
            elif month_next:
                out.update(_day_after_label(words, a, b))
            # symbols glued to a month name: the day (``<ตค`` for ๔ ต.ค.), or letters read unsurely
            glued = next((m for m in range(a + 1, b) if self._month_from(words, m)), None)
            if glued is not None and _day_glyphs(words[a:glued]):
                out.update(range(a, glued))
        return sorted(out | set(self.dayless_months(words, runs)))

    @staticmethod
    def _day_sign(before: str, words: list[Word], b: int) -> bool:
        """A sign other than a dash or a dot standing alone right before a month name: the day's digit misread
        (``วันที่ = พฤษภาคม`` for ๔ พฤษภาคม: fresh worn seed 134 doc 1, the memo's date left empty). A dash there
        may join a range (``ต.ค. ๖๕ - ม.ค. ๖๖``)."""
        sign = before.strip()
        if not sign or set(sign) & set("-.,") or b >= len(words) or not words[b].space_before:
            return False
        return _month_to_token_end(words, b)

    @staticmethod
    def _month_from(words: list[Word], b: int) -> bool:
        """Words from ``b`` to the end of their token spell a month name (glued to what is before b)."""
        return b > 0 and b < len(words) and not words[b].space_before and _month_to_token_end(words, b)

    def dayless_months(self, words: list[Word], runs: list[tuple[int, int, str]] | None = None) -> list[int]:
        """Indices of month names after a word of more than three letters with no digit (``วันที่
        พฤศจิกายน``): the day may lie between them with no word over it (OCR dropped it). ``runs``: the
        words' ``_runs`` when already at hand."""
        runs = _runs(words) if runs is None else runs
        months = month_keys()
        return [
            a
            for k, (a, _b, text) in enumerate(runs)
            if k
            and month_key(text) in months
            and len(runs[k - 1][2]) > SHORT_TOKEN
            and not any(c in _DIGITS for c in runs[k - 1][2])
        ]

    def stretches(self, words: list[Word], ref: float) -> list[tuple[int, int, list[int]]]:
        """(x0, x1, seed indices) of the parts of the line to read from pixels: the seeds, ``reach`` x body
        height wider on both sides (a month name without a day back to the word before it; a seed back to
        the start of its token when at most three characters come before it there), overlapping ones joined."""
        out: list[tuple[int, int, list[int]]] = []
        pad = int(round(self.reach * ref))
        runs = _runs(words)
        dayless = set(self.dayless_months(words, runs))
        start = {i: a for a, b, _text in runs for i in range(a, b)}
        for i in sorted(self.seeds(words), key=lambda i: words[i].box[0]):
            x0, x1 = words[i].box[0] - pad, words[i].box[2] + pad
            if i in dayless:
                x0 = min(x0, words[i - 1].box[2] - pad)
            elif (
                start[i] < i
                and len("".join(w.text for w in words[start[i] : i])) <= SHORT_TOKEN
                and i not in _day_after_label(words, start[i], i + 1)
            ):  # a misread digit glued before it (not a date label's)
                x0 = min(x0, min(w.box[0] for w in words[start[i] : i]) - pad)  # glued before it
            if out and x0 <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], x1), out[-1][2] + [i])
            else:
                out.append((x0, x1, [i]))
        return out

    def lost_gaps(self, gray: np.ndarray, words: list[Word], ref: float) -> list[int]:
        """Indices of the words after a wide gap with ink in it, clear of both words' boxes, between two
        Thai words: Tesseract dropped what it could not read there (``ปีที่ ๑ และ`` read ``ปีที่ และ``),
        perhaps a number. Beside a word holding a digit or a Latin letter (the OCR's reading of that ink,
        its box off) or in a line of garbage, nothing was dropped."""
        out = []
        margin = int(LOST_MARGIN * ref)
        for i in range(1, len(words)):
            a, b = words[i - 1], words[i]
            if not (_thai_word(a.text) and _thai_word(b.text)):
                continue
            x0, x1 = a.box[2] + margin, b.box[0] - margin
            if b.box[0] - a.box[2] < LOST_GAP * ref or x1 <= x0:
                continue
            y0, y1 = min(a.box[1], b.box[1]), max(a.box[3], b.box[3])
            if _has_ink(gray, (x0, y0, x1, y1)):
                out.append(i)
        return out

    # -- glyphs ----------------------------------------------------------------------------------
    def _predict(self, X: np.ndarray) -> list[tuple[str, float]]:
        labels, probs = self.classifier.predict(X)
        return [(str(lab), float(p)) for lab, p in zip(labels, probs)]

    def _classify(self, glyphs: list[dg.Glyph], band: tuple[float, float]) -> list[tuple[str, float]]:
        return self._predict(dg.features(glyphs, band)) if glyphs else []

    def _resolve(
        self,
        g: dg.Glyph,
        lab: str,
        p: float,
        band: tuple[float, float],
        depth: int = 3,
        wide: float = 0.0,
        by_digit: bool = False,
    ) -> tuple[list[tuple[dg.Glyph, str, float]], float]:
        """The glyph as read, or cut into pieces when it reads better so (touching digits).

        Returns the pieces with their labels and a score: the least confidence of the pieces, 0 when
        a piece is no target. A letter-like blob is cut only into very sure pieces; a digit wider than
        ``wide`` (pixels; much wider than its neighbours) is tried as two glyphs (``๓/`` reads as ``๗``).
        Cuts are upright, or along a slash's lean when no upright cut reads (``๕/`` touching); those and
        the search over many cuts only where digits are likely: the blob reads as a digit, a piece of it
        does, or ``by_digit`` (a sure digit stands right beside it).
        """
        h = band[0]
        if lab in _DIGITS and g.w > self.max_width * h:  # no digit is that wide: glyphs run together
            lab = ""
        whole = ([(g, lab, p)], p if lab else 0.0)
        too_wide = lab in _DIGITS and 0 < wide < g.w
        if (
            depth == 0
            or g.w < NARROW * h
            or (lab in _DIGITS and p >= SURE and not too_wide)
            or (not lab and g.w < LETTER_UNCUT * h)
        ):
            return whole
        best, need = whole, (SURE if too_wide else p if lab else SURE_PIECES_OF_LETTER)
        digit_seen = lab in _DIGITS or by_digit  # worth harder cuts
        for slope in self.cut_slopes:  # upright cuts first; leaning ones only when those fail
            if slope and not digit_seen:
                break
            for col in dg.cut_columns(g, k=3, slope=slope):
                pieces = dg.split_at(g, col, slope)
                if pieces is None:
                    continue
                parts, score = [], 1.0
                for piece, (plab, pp) in zip(pieces, self._classify(list(pieces), band)):
                    sub, sc = self._resolve(piece, plab, pp, band, depth - 1, wide=wide)
                    parts.extend(sub)
                    score = min(score, sc)
                digit_seen = digit_seen or any(x[1] in _DIGITS and x[2] >= SURE for x in parts)
                if slope and not _one_script([x[1] for x in parts]):
                    continue
                if score > need and (score > best[1] or too_wide) and any(x[1] in _DIGITS for x in parts):
                    best, too_wide = (parts, score), False
            if best is not whole:
                break
        # three or more glyphs run together; or a digit cut out wider than ``wide``, holding a neighbour's stroke:
        # cut again, no digit that wide (fresh worn seed 148 doc 14: ``๓๓/`` touching cut ``๗ ๓ /``, the ๗ 56 pixels
        # wide beside digits of 36; worn seed 146 doc 4: ``๙๒/`` segmented ``๙ ๗``, the ๗ 66 pixels wide)
        run = best is whole and g.w > RUN_OF_THREE * h and digit_seen
        if depth == 3 and (run or any(lab in _DIGITS and 0 < wide < piece.w for piece, lab, _p in best[0])):
            found = self._segment(g, band, wide)
            if found is not None and found[1] > need:
                best = found
        return best

    def _segment(
        self, g: dg.Glyph, band: tuple[float, float], wide: float = 0.0
    ) -> tuple[list[tuple[dg.Glyph, str, float]], float] | None:
        """The glyph as a row of touching glyphs: of all the ways to cut it at its candidate cuts
        (upright and along a slash), the one whose pieces all read as targets, most surely (sum of log
        probabilities), no dot or comma among them; with the least confidence of its pieces.

        One number is written in one script, so each script is tried on its own, a piece's reading
        given that it is no digit of the other script (a slash cut with a sliver of its neighbour
        reads as ``1``, but among Thai digits it is ``/``). With ``wide`` (pixels), no piece wider reads as a digit."""
        h = band[0]
        cuts: list[tuple[int, float] | None] = [None, *dg.cut_lines(g, self.cut_slopes, int(CUT_MARGIN * h)), None]
        at = [0, *(c[0] for c in cuts[1:-1]), g.w]  # type: ignore[index]
        spans, pieces = [], []
        for i in range(len(cuts) - 1):
            for j in range(i + 1, len(cuts)):
                if at[j] - at[i] > MAX_PIECE * h:
                    break
                piece = dg.between(g, cuts[i], cuts[j]) if at[j] - at[i] >= MIN_PIECE * h else None
                if piece is not None:
                    spans.append((i, j))
                    pieces.append(piece)
        if not pieces:
            return None
        probs = self.classifier.probabilities(dg.features(pieces, band))
        found = None
        for digits, other in ((_THAI_DIGITS, _ARABIC_DIGITS), (_ARABIC_DIGITS, _THAI_DIGITS)):
            too_wide = [bool(wide) and at[j] - at[i] > wide for i, j in spans]
            path = self._best_path(spans, probs, len(cuts), digits, other, too_wide)
            if path is not None and (found is None or path[0] > found[0]):
                found = path
        if found is None:
            return None
        parts = [(pieces[k], lab, p) for k, lab, p in found[1]]
        return parts, min(p for _g, _lab, p in parts)

    def _best_path(
        self,
        spans: list[tuple[int, int]],
        probs: np.ndarray,
        n_cuts: int,
        digits: frozenset[str],
        other: frozenset[str],
        too_wide: list[bool] | None = None,
    ) -> tuple[float, list[tuple[int, str, float]]] | None:
        """The most likely run of pieces from the first cut to the last (dynamic programming over the
        cuts), each piece a digit of ``digits`` or a separator, read given it is no digit of ``other``
        (nor a digit at all where ``too_wide``); with its sum of log probabilities. None when no such run holds
        a digit."""
        outputs = self.classifier.outputs
        allowed = [k for k, lab in enumerate(outputs) if lab in digits or (lab in _PUNCT and lab not in ".,")]
        rest = 1.0 - probs[:, [k for k, lab in enumerate(outputs) if lab in other]].sum(1)
        best: list[tuple[float, list[tuple[int, str, float]]] | None] = [None] * n_cuts
        best[0] = (0.0, [])
        for k in sorted(range(len(spans)), key=lambda k: spans[k]):
            i, j = spans[k]
            came = best[i]
            usable = [c for c in allowed if not (too_wide and too_wide[k] and outputs[c] in digits)]
            col = usable[int(probs[k, usable].argmax())]
            p = float(probs[k, col] / max(rest[k], 1e-6))
            if came is None or p < MIN_PATH_PROBABILITY:  # a dot or comma touching digits is more likely a piece of one
                continue
            score = came[0] + float(np.log(p))
            if best[j] is None or score > best[j][0]:  # type: ignore[index]
                best[j] = (score, came[1] + [(k, outputs[col], p)])
        end = best[-1]
        return end if end is not None and any(lab in digits for _k, lab, _p in end[1]) else None

    def _mend(self, items: list[tuple[_Read, dg.Glyph | None]], band: tuple[float, float]) -> list[_Read]:
        """Join neighbouring pieces of a broken glyph when together they read as a sure digit.

        ``items``: reads with their uncut glyph (crop coordinates), None for pieces of a cut glyph.
        """
        h = band[0]
        out = list(items)
        i = 0
        while i < len(out) - 1:
            a, ga = out[i]
            if ga is None or (a.label in _DIGITS and a.conf >= SURE):
                i += 1
                continue
            for j in (i + 1, i + 2):
                span = out[i : j + 1]
                if j >= len(out) or any(g is None for _, g in span):
                    break
                box = union_box([r.box for r, _ in span])
                if box[2] - box[0] > MAX_PIECE * h or any(
                    span[k + 1][0].box[0] - span[k][0].box[2] > MEND_GAP * h for k in range(len(span) - 1)
                ):
                    break
                merged = ga
                for _, g in span[1:]:
                    merged = dg.join(merged, g)  # type: ignore[arg-type]
                ((lab, p),) = self._classify([merged], band)
                least = min(r.conf if r.label else 0.0 for r, _ in span)
                if lab in _DIGITS and p >= SURE and p > least and least < SURE:  # sure glyphs are no pieces
                    out[i : j + 1] = [(_Read(box, lab, p), merged)]
                    break
            else:
                self._mend_overlapping(out, i, band)
            i += 1
        return [r for r, _ in out]

    def _mend_overlapping(self, out: list[tuple[_Read, dg.Glyph | None]], i: int, band: tuple[float, float]) -> None:
        """Join pieces from ``out[i]`` on whose boxes overlap side by side, however surely each reads, when together
        they read as a sure digit: printed digits never overlap (a ๑ broken into ``(``, ``9`` and ``)``, each
        read surely: fresh standard seed 123 doc 15, its memo date ``๒ (9) เมษายน`` left empty). Three pieces
        are tried before two."""
        h = band[0]
        for j in (i + 2, i + 1):
            span = out[i : j + 1]
            if j >= len(out) or any(g is None for _, g in span):
                continue
            if any(span[k][0].box[2] - span[k + 1][0].box[0] < OVERLAP * h for k in range(len(span) - 1)):
                continue
            box = union_box([r.box for r, _ in span])
            if box[2] - box[0] > MAX_PIECE * h:
                continue
            glyphs = [g for _, g in span if g is not None]
            merged = glyphs[0]
            for g in glyphs[1:]:
                merged = dg.join(merged, g)
            ((lab, p),) = self._classify([merged], band)
            if lab in _DIGITS and p >= SURE:
                out[i : j + 1] = [(_Read(box, lab, p), merged)]
                return

    @staticmethod
    def _body(words: list[Word], x0: float, x1: float) -> tuple[float, float] | None:
        """(height, centre y) of the text body about columns x0..x1: medians over the nearest words made
        of body-height letters (Tesseract's boxes of letters are tight; of digits it misread, often not)."""
        body = [
            w.box for w in words if w.text and set(w.text) <= _BODY_LETTERS and w.box[3] - w.box[1] > MIN_WORD_HEIGHT
        ]
        if len(body) < 2:
            return None
        low = sorted(b[3] - b[1] for b in body)[len(body) // 4]
        body = [b for b in body if b[3] - b[1] <= LOOSE_BOX * low]  # boxes as tall as the line left out
        mid = (x0 + x1) / 2
        near = sorted(body, key=lambda b: abs((b[0] + b[2]) / 2 - mid))[:NEAR_WORDS]
        return (float(np.median([b[3] - b[1] for b in near])), float(np.median([(b[1] + b[3]) / 2 for b in near])))

    def _cut(self, gray: np.ndarray, words: list[Word], x0: int, x1: int, seeds: list[int], ref: float) -> _Cut | None:
        """Glyphs of the line between columns x0 and x1, before classification.

        Rows: those of the seed words, generous above (๙'s tail, a tall ๘ rise over the body) and a
        little below; ink of the lines above and below that reaches in is dropped. Glyphs cut by the
        crop's left or right edge are blocked (read as "not a digit"). The text body comes from the
        glyphs, or from the letters' boxes nearby when the glyphs give an unlikely height.
        """
        run = [words[i] for i in seeds]
        y0, y1 = min(w.box[1] for w in run), max(w.box[3] for w in run)
        if _too_tall([w for w in run if _alnum(w)], ref):  # boxes reaching into another line
            y0, y1 = _line_rows(words, y0, y1, ref)
        H, W = gray.shape[:2]
        cx0, cy0 = max(0, x0), max(0, int(y0 - max(MIN_MARGIN, ABOVE * ref)))
        cx1, cy1 = min(W, x1), min(H, int(y1 + max(MIN_MARGIN, BELOW * ref)))
        if cx1 <= cx0 or cy1 <= cy0:
            return None
        ink = dg.ink_mask(np.ascontiguousarray(gray[cy0:cy1, cx0:cx1]))
        if ink is None:
            return None
        glyphs = dg.find_glyphs(ink, rows=(y0 - cy0, y1 - cy0), ref=ref)
        if not glyphs:
            return None
        cw = ink.shape[1]
        anchors = [w.box for w in run if self._anchor(w.text)]
        digits = [w.box for w in run if any(c in _DIGITS for c in w.text)]
        blocked, cuttable, under_digit = [], [], []
        for g in glyphs:
            blocked.append((g.x0 == 0 and cx0 > 0) or (g.x1 == cw and cx1 < W))
            columns = (cx0 + g.x0, 0, cx0 + g.x1, 0)  # the glyph's columns on the page
            # Tesseract gives a word per Thai character: the words over the glyph count together
            cuttable.append(sum(_overlap(b, columns) for b in anchors) > UNDER_ANCHOR * g.w)
            under_digit.append(sum(_overlap(b, columns) for b in digits) > UNDER_ANCHOR * g.w)
        band = dg.band_of([g for g, b in zip(glyphs, blocked) if not b] or glyphs, ref)
        if not BAND_LOW * ref < band[0] < BAND_HIGH * ref:  # too few glyphs, or ink of another line: ask the letters
            body = self._body(words, x0, x1)
            if body and BAND_LOW * ref < body[0] < BAND_HIGH * ref:
                band = (body[0], body[1] - cy0)
        return _Cut(glyphs, blocked, cuttable, under_digit, band, (cx0, cy0), (cx0, cx1), (cx0 > 0, cx1 < W))

    def _reads(self, cut: _Cut, labels: list[tuple[str, float]]) -> list[_Read]:
        """Classified glyphs of one cut in page coordinates: touching digits cut apart, broken ones joined,
        marks wholly above or below the text body left out."""
        dx, dy = cut.origin
        h, cy = cut.band
        top, bottom = dy + cy - MARK_ZONE * h, dy + cy + MARK_ZONE * h
        sure = [g for g, b, (lab, p) in zip(cut.glyphs, cut.blocked, labels) if not b and lab in _DIGITS and p >= SURE]
        wide = self.wide * float(np.median([g.w for g in sure])) if len(sure) >= 2 else 0.0
        near = self.space * h
        items: list[tuple[_Read, dg.Glyph | None]] = []
        for g, b, c, d, (lab, p) in zip(cut.glyphs, cut.blocked, cut.cuttable, cut.under_digit, labels):
            if b:
                items.append((_Read(_box(g, dx, dy), "", 1.0), None))
                continue
            if dy + g.y1 <= top or dy + g.y0 >= bottom:  # wholly above or below the body: a mark, not ours
                continue
            if lab in _DIGITS and _speck_sized((g.x0, g.y0, g.x1, g.y1), h):
                # a speck the classifier took for a digit: no digit is that small (``วันที่ ๗`` read ``๑๗``, a dot of
                # toner before the ๗ read ๑ in the wider crop: fresh worn seed 210 doc 3, a thick 150-dpi copy)
                continue
            by_digit = d or any(-near < s.x0 - g.x1 < near or -near < g.x0 - s.x1 < near for s in sure if s is not g)
            pieces = self._resolve(g, lab, p, cut.band, wide=wide, by_digit=by_digit)[0] if c else [(g, lab, p)]
            for k, (piece, plab, pp) in enumerate(pieces):
                if plab in _SIGNS_APART and 0 < k < len(pieces) - 1:
                    continue  # the joint of two touching digits cut out as a dot (``๔.๒`` for ๔๒: a dot stands apart)
                items.append((_Read(_box(piece, dx, dy), plab, pp), g if len(pieces) == 1 else None))
        reads = self._mend(items, cut.band)
        # a dot or comma under a digit's columns is a piece of it (a worn ๕'s or 5's foot read apart: ``2.561`` for
        # 2561, worn seed 144 doc 15): a dot stands apart
        return [r for r in reads if not (r.label in _SIGNS_APART and _under_a_digit(r, reads))]

    def _groups(self, reads: list[_Read], h: float) -> list[_Group]:
        """Maximal runs of target glyphs (a letter, a blocked glyph or a space ends one), each holding a
        digit, without leading/trailing junk; digits of the other script at a run's ends are dropped; a dot
        touching digits on both sides is a sliver of them (``_sliver_dot``), no dot."""
        reads = [r for k, r in enumerate(reads) if not _sliver_dot(reads, k)]
        groups: list[_Group] = []
        cur: list[_Read] = []
        gaps = [b.box[0] - a.box[2] for a, b in zip(reads, reads[1:]) if a.label in _DIGITS and b.label in _DIGITS]
        space = max(self.space, GAP_RATIO * float(np.median(gaps)) / h) * h if gaps else self.space * h

        def close() -> None:
            thai = sum(r.label in _THAI_DIGITS for r in cur)
            arabic = sum(r.label in _ARABIC_DIGITS for r in cur)
            if thai and arabic:  # one number is written in one script: a glyph that looks the same in
                # both (0 and ๐) takes the number's script, other stray glyphs at the ends go
                twins = script_twins() if thai >= arabic else {v: k for k, v in script_twins().items()}
                for r in cur:
                    r.label = twins.get(r.label, r.label)
                minority = _ARABIC_DIGITS if thai >= arabic else _THAI_DIGITS
                while cur and cur[0].label in minority:
                    cur.pop(0)
                while cur and cur[-1].label in minority:
                    cur.pop()
            while cur and cur[0].label in _LEADING_JUNK:
                cur.pop(0)
            while cur and cur[-1].label in _TRAILING_JUNK:
                cur.pop()
            if any(r.label in _DIGITS for r in cur):
                groups.append(_Group(list(cur)))
            cur.clear()

        for r in reads:
            if not r.label:
                close()
                continue
            if cur and r.box[0] - cur[-1].box[2] > space:
                close()
            cur.append(r)
        close()
        return groups

    # -- the API ---------------------------------------------------------------------------------
    def reread(
        self, gray: np.ndarray, words: list[Word], page_body: float | None = None
    ) -> tuple[list[Word], list[DigitReading]]:
        """Re-read the digit strings among one line's words (reading order) from ``gray``.

        Returns the new words (a digit string becomes one Word per number, with the glyphs' box) and
        the readings made. Readings below ``min_confidence`` are returned but leave the words as read.
        ``page_body``: the body height of the page's text; on a line whose text is much smaller (a stamp,
        show-through, dust read as small letters) no number is read where the OCR saw no digit.
        """
        words = _day_sign_split(list(words))
        if not words:
            return words, []
        if gray.ndim == 3:
            gray = gray.mean(2).astype(np.uint8)
        heights = [w.box[3] - w.box[1] for w in words if w.text.strip()]
        body = self.body_height(words)
        ref = body or (float(np.median(heights)) if heights else DEFAULT_HEIGHT)
        parts = self.stretches(words, ref)
        gaps = self.lost_gaps(gray, words, ref)
        pad = int(round(LOST_MARGIN * ref))
        for i in gaps:  # a gap no stretch covers is read too
            x0, x1 = words[i - 1].box[2] - pad, words[i].box[0] + pad
            if not any(a <= x0 and x1 <= b for a, b, _seeds in parts):
                parts.append((x0, x1, [i - 1, i]))
        cuts = [self._cut(gray, words, x0, x1, seeds, ref) for x0, x1, seeds in parts]
        # one classifier call for all glyphs of the line
        rows = [dg.features(c.glyphs, c.band) for c in cuts if c is not None]
        labels = self._predict(np.concatenate(rows)) if rows else []
        groups: list[_Group] = []
        others: list[_Read] = []
        blank: list[int] = []  # seeds over no ink at all
        specks: list[int] = []  # digit words over nothing but specks
        at = 0
        for (x0, x1, seeds), cut in zip(parts, cuts):
            if cut is None:
                blank.extend(seeds)
                continue
            if self._over_specks(words, seeds, cut, ref):
                specks.extend(seeds)
            reads = self._reads(cut, labels[at : at + len(cut.glyphs)])
            at += len(cut.glyphs)
            gs = self._groups(reads, cut.band[0])
            # the number goes on beyond the crop, or a day glued before a month stands cut by the crop's edge, its only
            # glyph (``«พฤศจิกายน`` for ๙ พฤศจิกายน: the ๙ left of the sign's box, blind worn seed 150 doc 10)
            day_cut = not gs and self._day_cut(words, seeds, reads, cut)
            if any(self._at_edge(g, reads, cut) for g in gs) or day_cut:
                wider = self._cut(gray, words, x0 - int(WIDER_CROP * ref), x1 + int(WIDER_CROP * ref), seeds, ref)
                if wider is not None:
                    wide_reads = self._reads(wider, self._classify(wider.glyphs, wider.band))
                    wide_gs = self._groups(wide_reads, wider.band[0])
                    # the wider crop reads the number on, unless it reads fewer of its digits (another text
                    # band there, and a glyph read as a letter in it)
                    if _digit_count(wide_gs) >= _digit_count(gs):
                        cut, reads, gs = wider, wide_reads, wide_gs
                    if day_cut and len(gs) == 1 and gs[0].span[1] <= words[seeds[0]].box[0]:
                        # the sign's box (its share of the word's) stands right of the day's ink: it stands over it
                        sign = words[seeds[0]]
                        words[seeds[0]] = dataclasses.replace(sign, box=(gs[0].span[0], *sign.box[1:]))
            # a digit word boxed over blank paper with no digit read near it, or boxed no larger than a speck: dust
            # Tesseract read as a number (a word a number's reading takes in is replaced with it, not dropped)
            specks.extend(
                i
                for i in seeds
                if i not in specks
                and self._over_dust(gray, words[i], ref)
                and (_speck_sized(words[i].box, ref) or not _group_near(gs, words[i].box, ref))
                and not _one_of_the_digits_read(gs, words, i, ref)
            )
            inside = {id(r) for g in gs for r in g.reads}
            groups.extend(gs)
            others.extend(r for r in reads if id(r) not in inside)
        groups = _distinct(groups)
        others = _not_read_again(others, groups)
        h = (
            float(np.median([r.box[3] - r.box[1] for g in groups for r in g.reads if r.label in _DIGITS]))
            if groups
            else ref
        )
        # digit words over no ink but the glyphs of a number read (Tesseract's ``๒๒๐`` for ``๒๒``: the ๐'s box over
        # the gap after the number and its last pixel column: fresh standard seed 123 doc 19)
        read_columns = [(r.box[0], r.box[2]) for g in groups for r in g.reads]
        # a digit word far narrower than a digit is a sliver of the glyph beside it, whatever ink it holds (``/๕`` and
        # a ๕ boxed 4 px wide after it: worn seed 116 doc 6 gave ``/๕๕``)
        phantoms = {
            a
            for a, w in enumerate(words)
            if w.text.strip()
            and set(w.text.strip()) <= _DIGITS
            and (not _has_ink(gray, w.box, read_columns) or w.box[2] - w.box[0] < SLIVER * h)
        }
        # the line's letters, or the glyphs read (not the words' boxes alone: a page number's dashes are low)
        small = page_body is not None and min(body or h, h) < SMALL_TEXT * page_body
        return self._apply(
            words, groups, others, blank, h, phantoms, self.dayless_months(words), gaps, ref, specks, small
        )

    @staticmethod
    def _over_specks(words: list[Word], seeds: list[int], cut: _Cut, ref: float) -> bool:
        """The stretch's words are all digits and its pixels hold nothing larger than a speck (``SPECK``
        x body height both ways): Tesseract read dust as a digit (``สส 86209/3 0``, a speck after the
        number darkened by a pale copy's contrast stretch: worn seed 14 doc 8)."""
        return all(set(words[i].text.strip()) <= _DIGITS for i in seeds) and all(
            g.w < SPECK * ref and g.y1 - g.y0 < SPECK * ref for g in cut.glyphs
        )

    @staticmethod
    def _day_cut(words: list[Word], seeds: list[int], reads: list[_Read], cut: _Cut) -> bool:
        """Are the stretch's seeds a sign glued before a month name, and its first glyph one cut by the crop's left
        edge?"""
        first = reads[0] if reads else None
        return (
            first is not None
            and cut.edge[0]
            and not first.label
            and first.box[0] == cut.span[0]
            and all(w.text.strip() and all(_symbol(c) for c in w.text.strip()) for w in (words[i] for i in seeds))
            and seeds[-1] + 1 < len(words)
            and _month_to_token_end(words, seeds[-1] + 1)
        )

    @staticmethod
    def _over_dust(gray: np.ndarray, word: Word, ref: float) -> bool:
        """Is ``word`` all digits over a box with no ink, or one no larger than a speck (``รอบ109``, a 4 x 3 pixel box
        read ``109`` after the subject's last word, fresh worn seed 152 doc 1; ``ไตรมาสที่ ๑1``, a 2 x 2 box right after
        the number, blind worn seed 154 doc 1)?"""
        text = word.text.strip()
        return bool(text) and set(text) <= _DIGITS and (_speck_sized(word.box, ref) or not _has_ink(gray, word.box))

    @staticmethod
    def _at_edge(g: _Group, reads: list[_Read], cut: _Cut) -> bool:
        """The group's first/last glyph is next to a glyph cut by the crop's edge, or only a slash stands
        between (``๖๐๒๒๙/`` and the running number's ๗ cut by the edge: worn seed 22 doc 9 lost its ``/๗``;
        a dash is not enough: ``๒๕๖๖-มี.ค.`` is a year and a month, standard seed 7 doc 18)."""
        i, j = reads.index(g.reads[0]), reads.index(g.reads[-1])
        while i > 1 and reads[i - 1].label == "/":
            i -= 1
        while j + 2 < len(reads) and reads[j + 1].label == "/":
            j += 1
        left = cut.edge[0] and i > 0 and reads[i - 1].box[0] == cut.span[0] and not reads[i - 1].label
        right = cut.edge[1] and j + 1 < len(reads) and reads[j + 1].box[2] == cut.span[1] and not reads[j + 1].label
        return left or right

    def _links(
        self, words: list[Word], groups: list[_Group], others: list[_Read], h: float, phantoms: Collection[int]
    ) -> list[set[int]]:
        """For each word, the groups its box stands over.

        A word made of digit-like characters belongs to the groups it overlaps when it overlaps them
        at least as much as it overlaps letters (Tesseract's boxes are often half a glyph off); a word
        with another character only when its centre is over a group and hardly any letter is under it
        (a digit misread as a letter). A box over a gap belongs to the group around its centre; a
        digit over no ink at all (``phantoms``) to one at most ``phantom`` x digit height beside it
        (Tesseract's ``๒๒๐`` for ``๒๒``: a digit too many whose box is a sliver after the last glyph).
        """
        links: list[set[int]] = [set() for _ in words]
        spans = [g.span for g in groups]
        for a, w in enumerate(words):
            text = w.text.strip()
            if not text:
                continue
            wx0, wx1 = w.box[0], w.box[2]
            width = max(1, wx1 - wx0)
            centre = (wx0 + wx1) / 2
            ov = [sum(_overlap(w.box, r.box) for r in g.reads) for g in groups]
            ov_other = sum(_overlap(w.box, r.box) for r in others if r.label not in _PUNCT)
            # a letter boxed as a sliver at a number's edge, no other glyph near it, a glyph of the number under no word of
            # digits: the number's digit misread (``วันที่ ซ พฤษภาคม`` for ๕ พฤษภาคม, ซ boxed one pixel wide at the ๕'s
            # right edge: fresh standard seed 213 doc 2); not a letter Tesseract boxed off its glyph beside a number read
            # whole (``๑๐ ครั้ง``, the ค boxed at the ๐'s edge, its glyph under the ร's box: standard seed 7 doc 1)
            if wx1 - wx0 <= SLIVER_BOX and not set(text) <= _MARKS:
                beside = (wx0 - SLIVER_BOX, w.box[1], wx1 + SLIVER_BOX, w.box[3])
                touching = [k for k, (s0, s1) in enumerate(spans) if s0 - SLIVER_BOX <= centre <= s1 + SLIVER_BOX]
                digit_words = [
                    x.box for x in words if self._digitish(x.text.strip()) and not set(x.text.strip()) <= _MARKS
                ]
                if (
                    len(touching) == 1
                    and not any(_overlap(beside, r.box) for r in others)
                    and any(not any(_overlap(b, r.box) for b in digit_words) for r in groups[touching[0]].reads)
                ):
                    links[a] = set(touching)
                    continue
            if self._digitish(text):
                total = sum(ov)
                # a lone mark stands over a number only when most of it does (๙'s tail read as a tone
                # mark); one of the letter beside it may touch the number's first glyph
                least = LONE_MARK_OVER * width if set(text) <= _MARKS else LEAST_OVER * width
                if total and total >= ov_other:
                    links[a] = {
                        k
                        for k, o in enumerate(ov)
                        if o >= least and (o >= SHARE_OVER * min(width, spans[k][1] - spans[k][0]) or o == max(ov))
                    }
                elif not total and not ov_other:  # a box over a gap: the group around it
                    links[a] = {k for k, (s0, s1) in enumerate(spans) if s0 <= centre <= s1}
                # a digit over no ink of its own (over a gap, or the number's edge at most) beside a number
                near = [(max(s0 - wx1, wx0 - s1), k) for k, (s0, s1) in enumerate(spans)]
                if not links[a] and a in phantoms and ov_other < least and near and min(near)[0] <= self.phantom * h:
                    links[a] = {min(near)[1]}
                # ... or a word of digits whose centre stands in the gap after a number, its box reaching into the next
                # letter (``วันที่ <๕พฤษภาคม`` for ๔ พฤษภาคม: ``<`` over the ๔, ``๕`` over the gap and the พ's edge,
                # worn seed 146 doc 10 left its memo date empty); not a look-alike letter or a sign, which is the
                # letter's own or the number's punctuation (``๖ เดือน``, ``(๕).`` stay: standard seed 147 lost them)
                elif (
                    not links[a]
                    and set(text) <= _DIGITS
                    and near
                    and min(near)[0] <= GAP_REACH * h
                    and ov_other < GAP_WORD * width
                    and not _over_a_glyph(centre, [*others, *(r for g in groups for r in g.reads)])
                ):
                    links[a] = {min(near)[1]}
            else:
                for k, (s0, s1) in enumerate(spans):
                    if s0 <= centre <= s1 and ov[k] >= LETTER_OVER * width and ov_other <= LETTER_UNDER * width:
                        links[a].add(k)
        return links

    def _apply(
        self,
        words: list[Word],
        groups: list[_Group],
        others: list[_Read],
        blank: list[int],
        h: float,
        phantoms: Collection[int] = frozenset(),
        months: Sequence[int] = (),
        gaps: Sequence[int] = (),
        body: float = 0.0,
        specks: Sequence[int] = (),
        small: bool = False,
    ) -> tuple[list[Word], list[DigitReading]]:
        """Replace the words standing over each group (joined where they share one) by the groups' text;
        a day no word stands over, just before a month name of ``months``, and a sure number alone in a
        gap before a word of ``gaps`` are put in as words (``body``: the line's body height); digit
        words over nothing but specks (``specks``) go, read as nothing. On a ``small`` line no number is
        read where the OCR saw no digit."""
        readings = [
            DigitReading(words[i].text, "", 0.0, words[i].box)
            for i in blank
            if any(c in _DIGITS for c in words[i].text)
        ]
        links = self._links(words, groups, others, h, phantoms)
        # connected components of words and groups
        sets = DisjointSets(len(groups))
        for link in links:
            ordered = sorted(link)
            for k in ordered[1:]:
                sets.union(k, ordered[0])
        comps: dict[int, tuple[list[int], list[int]]] = {}
        for k in range(len(groups)):
            comps.setdefault(sets.find(k), ([], []))[1].append(k)
        for a, ks in enumerate(links):
            if ks:
                comps[sets.find(min(ks))][0].append(a)
        replace: dict[int, list[Word]] = {}
        for members, gks in comps.values():
            if not members:
                gs = [groups[k] for k in gks]
                day = self._lost_day(words, gs, others, h, months) or self._lost_number(
                    words, gs, others, max(h, body), gaps
                )
                if day is not None and day[0] not in replace:
                    m, reading = day
                    replace[m] = [
                        Word(reading.after, reading.box, round(100 * reading.confidence, 1), words[m].space_before),
                        dataclasses.replace(words[m], space_before=True),
                    ]
                    readings.append(reading)
                continue
            lo = min(groups[k].span[0] for k in gks)
            hi = max(groups[k].span[1] for k in gks)
            a, b = min(members), max(members) + 1
            between = [i for i in range(a, b) if i not in members]
            # a word between the members joins them only when it is a mark or punctuation over the number
            if any(
                not (self._digitish(words[i].text.strip()) and lo <= (words[i].box[0] + words[i].box[2]) / 2 <= hi)
                for i in between
            ):
                continue
            # a mark at the run's edge is the neighbour's (``ที่ ๕๓``: Tesseract boxes the mai ek of ที่
            # as a word over the digits): it stays with its letter, and the number keeps its space
            while b - a > 1 and marks_only(words[a].text.strip()):
                a += 1
            while b - a > 1 and marks_only(words[b - 1].text.strip()) and not _mark_over_end(words, b, hi):
                b -= 1
            # the front of a month name boxed over the day's glyph glued before it (the sign's share of the word's box
            # narrower than the glyph: ``«เม|ษา|ย|น`` for ๔ เมษายน, fresh worn seed 156 doc 18): the month's letters stay
            month_kept = (
                b - a > 1
                and all(_symbol(c) for w in words[a : b - 1] for c in w.text.strip())
                and self._month_from(words, b - 1)
            )
            if month_kept:
                b -= 1
            run = words[a:b]
            before = "".join(w.text for w in run)
            glued_day = _glued_day(words, a, b)
            # signs glued before a month, or a consonant read unsurely: the day (``«พฤษภาคม`` for ๔ พฤษภาคม, fresh
            # standard seed 97 doc 15; ``ซพฤษภาคม``; see ``seeds``), whose glyph touches the month's first letter
            day_before_month = not any(c in _DIGITS for c in before) and _day_glyphs(run) and self._month_from(words, b)
            # letters alone over a number: only a short token of its own (``รอบ ซ เดือน``), the day glued
            # to its date label (``วนทะ ตุลาคม``) or to its month
            if not any(self._digitish(w.text.strip()) for w in run) and not (
                (self._isolated(words, a, b) and len("".join(w.text.strip() for w in run)) <= SHORT_TOKEN)
                or glued_day
                or self._latin_word_over_number(words, a, b, others, lo, hi)
                or day_before_month
            ):
                continue
            gs = sorted((groups[k] for k in gks), key=lambda g: g.span[0])
            # the run's edge punctuation stays where the number's glyphs leave room for it
            room = (lo - min(w.box[0] for w in run) > EDGE_ROOM * h, max(w.box[2] for w in run) - hi > EDGE_ROOM * h)
            texts = [g.text for g in gs]
            slashed = (_slash_put_back(before, texts[0]) or _slash_at_bar(run, gs[0])) if len(gs) == 1 else None
            if slashed is not None:
                texts = [slashed]
            joined = " ".join(texts)
            base = _base_of_next_mark(before, joined, words, b)
            last = gs[-1].reads[-1]
            if (
                base
                and last.conf < SURE
                and _overlap(words[b - 1].box, last.box) >= BASE_UNDER * _width(words[b - 1].box)
            ):
                # the mark's letter is the number's last glyph, read as a digit unsurely (``๓ ปี`` read ``๓๘ปี``:
                # fresh standard seed 123 doc 1); read surely, the letter is the digit's misreading (``๙`` as ``ค่``)
                continue
            after = _edges_kept(before, joined, room) + base
            if after.replace(" ", "") == before.replace(" ", "") or _dash_added(before, after):
                continue
            if _dash_eaten(before, after) or _bracket_eaten(before, after):
                continue
            if (
                _dot_made_colon(before, after)
                or _script_flipped(before, after)
                or (_PUNCT_ONLY.fullmatch(before.strip()) and not self._day_sign(before, words, b))
            ):
                continue  # a lone dash or dot read as a digit: 0 right, 1 harmful, 7 other in 8 corpora (stop 23)
            if _letter_eaten(before, after) or _zero_made_first(before, after) or _dot_eaten(before, after):
                continue
            if len(before.strip()) == 1 and _debris_line(words, a, b):
                continue  # one glyph among specks: 0 right, 2 harmful, 53 other in 6 corpora (stop 24)
            if _digit_left_unread(run, gs, others, before, after):
                continue  # the OCR's Arabic number stands
            conf = min(g.conf for g in gs)
            # the day glued before a month is one glyph, not more digits
            beside = [r for r in others if r.box[0] < gs[-1].span[1]] if day_before_month else others
            doubtful = "a ๗ read where the slash touched its digit" if _slash_made_seven(slashed) else ""
            if self._unread_inside(gs, beside, h) or _slash_eaten(before, after):
                if _arabic_read_around(before, texts, run):
                    continue  # the OCR's Arabic number stands: the reader agrees with every digit it could read
                conf = min(conf, self.unread_confidence)  # flagged: the number as read is a guess
            if not any(c in _DIGITS for c in before):
                if small:
                    continue  # smaller than the page's text: no print (seed 7 doc 28: ``aa`` -> ๘, a lone ี -> ๘)
                # the OCR saw no digit here (Latin garbage, a look-alike letter, a lone letter): only a
                # number standing on its own, read with more certainty; "below min_confidence" still
                # means "not applied"
                if not (
                    any(c in _LATIN for c in before)
                    or self._isolated(words, a, b)
                    or self._month_from(words, b)
                    or glued_day
                ):
                    continue
                # a digit touching letters is most likely a letter, unless it is the day glued before a month
                if not (glued_day or day_before_month) and any(self._glued(g, others, h) for g in gs):
                    continue
                if not (_YEAR.fullmatch(joined) and _in_year_slot(words, a)):
                    # a year where a date's year stands (after its month or the era): the reading needs no more
                    # certainty than digits the OCR saw (``๑๔ ตุลาคม bebo``, ``พ.ศ. bebo`` at 0.91: fresh worn seed
                    # 134 doc 9, the memo's date left empty)
                    conf *= self.min_confidence / self.min_confidence_no_digit
                if conf < self.min_confidence:  # most likely letters after all: nothing to flag
                    continue
            box = union_box([w.box for w in run] + [r.box for g in gs for r in g.reads])
            readings.append(DigitReading(before, after, round(conf, 4), box, doubtful))
            if conf < self.min_confidence:
                continue
            new = [
                Word(
                    texts[n],
                    union_box([r.box for r in g.reads]),
                    round(100 * g.conf, 1),
                    run[0].space_before or glued_day if n == 0 else True,  # the label and its day apart
                )
                for n, g in enumerate(gs)
            ]
            # what the words had beyond the number (``_edges_kept``, ``_base_of_next_mark``) goes with the
            # first / last number's word
            head = after[: after.index(joined)]
            tail = after[len(head) + len(joined) :]
            if base and tail.endswith(base) and run[-1].space_before and run[-1].text.strip() == base:
                # the base letter the OCR read apart from the number (a space before it) stays a word of its own
                # (``๒๕๒๐ ม`` + ``ีผู้…``: standard seed 7 doc 14 wrote ``๒๕๖๐มีผู้เข้าร่วม``)
                tail = tail[: -len(base)]
                new.append(dataclasses.replace(run[-1], text=base))
                new[-2].text += tail
                new[0].text = head + new[0].text
            else:
                new[0].text, new[-1].text = head + new[0].text, new[-1].text + tail
            replace[a] = new
            for i in range(a + 1, b):
                replace[i] = []
            if month_kept:  # the day and its month apart
                replace[b] = [dataclasses.replace(words[b], space_before=True)]
        for i in specks:
            if i not in replace:
                replace[i] = []
                readings.append(DigitReading(words[i].text, "", 1.0, words[i].box))
        out: list[Word] = []
        for i, w in enumerate(words):
            out.extend(replace.get(i, [w]))
        readings.sort(key=lambda r: r.box[0])
        return out, readings

    def _latin_word_over_number(
        self, words: list[Word], a: int, b: int, others: list[_Read], lo: float, hi: float
    ) -> bool:
        """Words [a, b) are a token of Latin letters alone (accents and ``@`` too: ``bébé``), no English word of the
        reports, and every glyph under it was read as a digit or a sign: a number ``tha+eng`` read as a Latin word
        with confidence (the year ๒๕๖๕ as ``bébé`` at 80: fresh standard seed 119 doc 10, worn seed 122 docs 4, 5,
        standard seed 7 doc 3); or two such words about a slash, a quote at either end (a document number:
        ``Mosmo/éa’`` for ๗๑๗๓๐/๕๙, worn seed 146 doc 16). Still read with the certainty a number the OCR saw no digit
        in needs."""
        text = "".join(w.text.strip() for w in words[a:b])
        core = text.strip(_QUOTES)
        latin = _LATIN_WORD.fullmatch(core) or _LATIN_SLASHED.fullmatch(core)
        if not (latin and self._isolated(words, a, b)) or _english_parts(core):
            return False
        x0, x1 = min(w.box[0] for w in words[a:b]), max(w.box[2] for w in words[a:b])
        inside = [r for r in others if not r.label and x0 <= (r.box[0] + r.box[2]) / 2 <= x1]
        return not inside and lo - x0 <= 0.5 * (hi - lo) and x1 - hi <= 0.5 * (hi - lo)

    def _lost_day(
        self, words: list[Word], gs: list[_Group], others: list[_Read], h: float, months: Sequence[int]
    ) -> tuple[int, DigitReading] | None:
        """(month word index, reading) when the groups are one sure number of one or two digits that
        no word stands over, between a word and the month name right after it (Tesseract's boxes of
        both may reach over it: the pixels decide, no letter glyph may touch it)."""
        if len(gs) != 1 or not 1 <= len(gs[0].text) <= 2 or not set(gs[0].text) <= _DIGITS:
            return None
        g = gs[0]
        s0, s1 = g.span
        for m in months:
            prev, month = words[m - 1], words[m]
            if prev.box[0] < s0 and s1 <= (month.box[0] + month.box[2]) / 2:
                if g.conf < self.min_confidence_no_digit or self._glued(g, others, h):
                    return None
                box = union_box([r.box for r in g.reads])
                return m, DigitReading("", g.text, round(g.conf, 4), box)
        return None

    def _lost_number(
        self, words: list[Word], gs: list[_Group], others: list[_Read], h: float, gaps: Sequence[int]
    ) -> tuple[int, DigitReading] | None:
        """(index of the word after the gap, reading) when the groups are one sure number of at most
        ``LOST_DIGITS`` characters lying wholly in a gap of ``gaps``, its digits ``LOST_HEIGHT`` x ``h``
        tall or more, with no letter glyph touching it."""
        if len(gs) != 1 or len(gs[0].text) > LOST_DIGITS:
            return None
        g = gs[0]
        if any(r.box[3] - r.box[1] < LOST_HEIGHT * h for r in g.reads if r.label in _DIGITS):
            return None  # a speck, not a digit of this line
        s0, s1 = g.span
        reach = LOST_OVERLAP * (s1 - s0)  # Tesseract's box of a mark before it may reach over its edge
        for m in gaps:
            if words[m - 1].box[2] - reach <= s0 and s1 <= words[m].box[0] + reach:
                if g.conf < self.min_confidence_no_digit or self._glued(g, others, h):
                    return None
                box = union_box([r.box for r in g.reads])
                return m, DigitReading("", g.text, round(g.conf, 4), box)
        return None

    def _unread_inside(self, gs: list[_Group], others: list[_Read], h: float) -> bool:
        """A glyph as wide as a digit that no reading explains lies between the groups of one number,
        or touches its first or last glyph (closer than ``touching``): digits run together that could
        not be cut apart."""
        lo, hi = gs[0].span[0], gs[-1].span[1]
        top = min(r.box[1] for g in gs for r in g.reads)
        bottom = max(r.box[3] for g in gs for r in g.reads)
        for r in sorted((r for r in others if r.label in _PUNCT), key=lambda r: r.box[0]):
            if r.box[2] > hi and r.box[0] - hi <= END_SEPARATOR * h:  # a slash or dash at the end: the number goes on
                hi = r.box[2]
        for r in sorted((r for r in others if r.label in _PUNCT), key=lambda r: -r.box[2]):
            if r.box[0] < lo and lo - r.box[2] <= END_SEPARATOR * h:
                lo = r.box[0]
        reach = self.touching * h
        for r in others:
            if r.label or r.box[2] - r.box[0] < NARROW * h or not (r.box[1] < bottom and top < r.box[3]):
                continue
            if r.box[2] >= lo - reach and r.box[0] <= hi + reach:  # inside the number or (nearly) touching an end
                return True
        return False

    def _glued(self, g: _Group, others: list[_Read], h: float) -> bool:
        """A letter glyph touches the group on its left or right (the group is part of a word)."""
        s0, s1 = g.span
        top, bottom = min(r.box[1] for r in g.reads), max(r.box[3] for r in g.reads)
        for r in others:
            if not r.label and r.box[1] < bottom and top < r.box[3]:
                if 0 <= s0 - r.box[2] < self.glued * h or 0 <= r.box[0] - s1 < self.glued * h:
                    return True
        return False


@cache
def _date_labels() -> tuple[str, ...]:
    """The วันที่ label and its garbles of three characters or more, longest first."""
    return tuple(sorted((f for f in _label_forms("doc_date") if len(f) >= 3), key=len, reverse=True))


def _day_after_label(words: list[Word], a: int, b: int) -> list[int]:
    """Indices of the words of token [a, b) after a วันที่ label it starts with, when one to three characters
    follow it (``วนทะ ตุลาคม``: the day ๖ read ``ะ`` and glued to the label)."""
    text = "".join(w.text for w in words[a:b])
    label = next((f for f in _date_labels() if text.startswith(f)), None)
    if label is None or not 0 < len(text) - len(label) <= SHORT_TOKEN:
        return []
    seen, out = 0, []
    for i in range(a, b):
        if seen >= len(label):
            out.append(i)
        seen += len(words[i].text)
    return out


def _glued_day(words: list[Word], a: int, b: int) -> bool:
    """Are words [a, b) the characters after a วันที่ label that their token starts with (``_day_after_label``)?"""
    token = next(((s, e) for s, e in token_ranges(words) if s <= a < e), None)
    return token is not None and b <= token[1] and set(range(a, b)) <= set(_day_after_label(words, *token))


DEBRIS_TOKEN = 2  # characters: a line whose tokens are no longer than this holds no word of the report
_SPECK_SIGNS = re.compile(r"[A-Za-z0-9=~@©®«»|<>%&*'\"‘’“”]")  # what the English model makes of specks


def _debris_line(words: list[Word], a: int, b: int) -> bool:
    """Words [a, b) stand on a line of specks read as letters (``a ๘ Co``, ``6 1 ๘``): no token longer than
    ``DEBRIS_TOKEN`` characters, and the other tokens hold what the English model makes of specks (a Latin
    letter or digit, a quote, a sign). A page number (``- ๒ -``) or a row of Thai numbers holds none."""
    runs = [(s, e, text) for s, e, text in _runs(words) if text]
    others = "".join(text for s, e, text in runs if e <= a or s >= b)
    return all(len(text) <= DEBRIS_TOKEN for _s, _e, text in runs) and _SPECK_SIGNS.search(others) is not None


def _runs(words: list[Word]) -> list[tuple[int, int, str]]:
    """The line's space-separated tokens: (first word, end word, text without outer spaces)."""
    return [(a, b, "".join(w.text for w in words[a:b]).strip()) for a, b in token_ranges(words)]


def _distinct(groups: list[_Group]) -> list[_Group]:
    """The groups left to right, without one that lies inside another (a wider crop of the next stretch
    may read a number's last glyphs again); two that overlap are one number read by two crops, joined
    with each of its glyphs once (``๖๗๓๗๗`` and the wider crop's ``๗๗/๒๓๕๒`` are ``๖๗๓๗๗/๒๓๕๒``)."""
    out: list[_Group] = []
    for g in sorted(groups, key=lambda g: (g.span[0], -g.span[1])):
        if out and g.span[1] <= out[-1].span[1]:
            continue
        if out and g.span[0] < out[-1].span[1]:
            prev = out[-1]
            more = [
                r
                for r in g.reads
                if not any(_overlap(r.box, p.box) > REREAD_OVERLAP * _width(r.box) for p in prev.reads)
            ]
            out[-1] = _Group(sorted(prev.reads + more, key=lambda r: r.box[0]))
            continue
        out.append(g)
    return out


_overlap = columns_shared


def _width(box: tuple[int, int, int, int]) -> int:
    return max(1, box[2] - box[0])


def _not_read_again(others: list[_Read], groups: list[_Group]) -> list[_Read]:
    """The glyphs outside the numbers, without those that are another crop's reading of a number's pixels
    (overlapping stretches are cut apart; a glyph cut by one crop's edge lies inside the number another
    crop reads whole)."""
    boxes = [r.box for g in groups for r in g.reads]

    def inside(o: _Read) -> bool:
        return sum(_overlap(o.box, b) for b in boxes) > REREAD_OVERLAP * _width(o.box)

    return [o for o in others if not inside(o)]


def _digit_count(groups: list[_Group]) -> int:
    return sum(r.label in _DIGITS for g in groups for r in g.reads)


def _thai_word(text: str) -> bool:
    """Thai letters or marks only: no digit, Latin letter or symbol."""
    text = text.strip()
    return bool(text) and all("\u0e01" <= c <= "\u0e4f" for c in text)


def _english(text: str) -> bool:
    """An English word of these reports (``dictionaries/latin_words.txt``: No, Gift, Policy, ITA...)."""
    bare = text.strip().strip("().,:;-")
    return len(bare) >= 2 and bare.isascii() and bare.lower() in english_words()


def _english_parts(text: str) -> bool:
    """``text`` or one of its parts about a slash is an English word of these reports (``Policy/No’``)."""
    return any(_english(part.strip(_QUOTES)) for part in text.split("/"))


def _one_script(labels: list[str]) -> bool:
    """Pieces cut from one blob hold digits, all Thai or all Arabic (``๔/`` is not ``๔.1``)."""
    thai = any(lab in _THAI_DIGITS for lab in labels)
    arabic = any(lab in _ARABIC_DIGITS for lab in labels)
    return (thai or arabic) and not (thai and arabic)


def _over_a_glyph(x: float, reads: list[_Read]) -> bool:
    """Does the page column ``x`` fall inside a glyph read?"""
    return any(r.box[0] <= x <= r.box[2] for r in reads)


def _speck_sized(box: tuple[int, int, int, int], ref: float) -> bool:
    """Is the box under ``SPECK`` x the body height both ways?"""
    return box[2] - box[0] < SPECK * ref and box[3] - box[1] < SPECK * ref


def _group_near(groups: list[_Group], box: tuple[int, int, int, int], ref: float) -> bool:
    """Does a group of digits read stand within a body height of ``box``'s columns?"""
    return any(_near_span(g, box, ref) for g in groups)


def _near_span(g: _Group, box: tuple[int, int, int, int], ref: float) -> bool:
    """Does the group stand within ``ref`` of ``box``'s columns?"""
    return g.span[0] - ref <= box[2] and box[0] <= g.span[1] + ref


def _alnum(w: Word) -> bool:
    """A word of digits or letters (not a dash, a dot or a bracket alone)."""
    return any(c.isalnum() for c in w.text)


def _digit_left_unread(run: list[Word], gs: list[_Group], others: list[_Read], before: str, after: str) -> bool:
    """Does the reading hold fewer digits than the OCR's Arabic number ``before``, with a glyph the reader could not
    read, half as tall as the digits or more, under the words past the number's glyphs? A thin ``1`` the glyph nets
    took for a letter (``2561`` read ``256``: worn seed 144 doc 15, four years, 150 dpi): the OCR's number stands."""
    seen = before.strip()
    if not _ARABIC_NUMBER.fullmatch(seen) or sum(c in _DIGITS for c in after) >= sum(c.isdigit() for c in seen):
        return False
    x0, x1 = min(w.box[0] for w in run), max(w.box[2] for w in run)
    lo, hi = gs[0].span[0], gs[-1].span[1]
    top, bottom = min(r.box[1] for g in gs for r in g.reads), max(r.box[3] for g in gs for r in g.reads)
    return any(
        not r.label
        and x0 <= (mid := (r.box[0] + r.box[2]) / 2) <= x1
        and not lo <= mid <= hi
        and 2 * (min(r.box[3], bottom) - max(r.box[1], top)) >= bottom - top
        for r in others
    )


def _under_a_digit(sign: _Read, reads: list[_Read]) -> bool:
    """Does ``sign`` share more than half its columns with a digit read beside it?"""
    width = sign.box[2] - sign.box[0]
    return any(r.label in _DIGITS and 2 * _overlap(sign.box, r.box) > width for r in reads if r is not sign)


def _too_tall(run: list[Word], ref: float) -> bool:
    """Do the words (of digits or letters: a bracket's or a dot's box may rise and fall beyond the letters, ``๕)`` in a
    worn cell, ``๑.`` with its dot boxed tall: fresh worn seed 160 doc 14, standard 159 doc 1) span more than
    ``TALL_SEEDS`` text heights?"""
    return bool(run) and max(w.box[3] for w in run) - min(w.box[1] for w in run) > TALL_SEEDS * ref


def _line_rows(words: list[Word], y0: int, y1: int, ref: float) -> tuple[int, int]:
    """Rows ``y0..y1`` kept below the line's top: its words' middle top, ``LINE_MARGIN`` above it (``วันที่ ๒๗ …`` read
    with the day's boxes reaching the phone number on the line above, whose ๓๙๒ the reader read for the day: fresh
    standard seed 159 doc 2). The bottom stays: a bracket or a ๙'s tail hangs below the line (``(๒)`` boxed down to
    the next line read unsurely with its bracket cut: worn seed 148 doc 10)."""
    letters = [w.box for w in words if _alnum(w)]  # not a page number's dashes (``- ๒ -``)
    if len(letters) < LINE_WORDS:
        return y0, y1
    tops = sorted(b[1] for b in letters)
    top = tops[len(tops) // 2]
    return max(y0, int(top - LINE_MARGIN * ref)), y1


def _one_of_the_digits_read(groups: list[_Group], words: list[Word], at: int, ref: float) -> bool:
    """Is the digit word ``at`` one of a number's digits the reader read, by count: the digits of the words within a
    body height of the number near it (``at`` among them) are no more than the digits read there? Tesseract may box a
    digit as a speck beside its glyph (``๑๕ เมษายน``, the ๕ boxed 5 x 4 pixels right of the glyph: worn seed 150 doc
    8 lost the day's ๕); dust read as a digit after a number is one digit too many (``ไตรมาสที่ ๑1``)."""
    for g in groups:
        if not _near_span(g, words[at].box, ref):
            continue
        near = [w for w in words if _near_span(g, w.box, ref)]
        written = sum(c in _DIGITS for w in near for c in w.text)
        if written <= sum(r.label in _DIGITS for r in g.reads):
            return True
    return False


def _has_ink(gray: np.ndarray, box: tuple[int, int, int, int], besides: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a box of the page holds more dark pixels than scanner noise (outside the page columns ``besides``)."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    crop = gray[y0:y1, x0:x1] < INK_LEVEL
    for c0, c1 in besides:
        crop[:, max(0, c0 - x0) : max(0, c1 - x0)] = False
    return crop.size > 0 and int(crop.sum()) > INK_NOISE_PIXELS + INK_NOISE_SHARE * crop.size


def _box(g: dg.Glyph, dx: int, dy: int) -> tuple[int, int, int, int]:
    return (dx + g.x0, dy + g.y0, dx + g.x1, dy + g.y1)
