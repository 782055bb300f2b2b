"""Letters Tesseract read twice: the same consonant (and its marks) boxed again over itself.

Tesseract's Thai model sometimes reads a stretch of a word once, then again from a point left of where it had got
to, as a new word: ``ศิรินั นัย`` for ศิรินัย, the second น's box over the first's (fresh worn seed 156 doc 7: a
signatory's surname). A word starting a new token whose consonant is the one a word just before it begins with, on
the same ink (its box over that word's box), and whose text, with the marks after it, repeats that word's, is that
word read again: it goes (rule ``double-read``), and what follows it joins the word it continues.

A mark is read twice the same way, once as a letter: ``เพื พื่อ`` for เพื่อ (fresh worn seed 156 doc 18), ``จริ ริยธรรม``
for จริยธรรม (doc 19), the second พ or ร boxed wholly above the line's letters, where the sara uee or sara i stands,
between that mark and its repeat. The letter and the repeated mark go; the lexicon had put the word's front back
before them (``เพื เพื่อโปรดทราบ``).

A syllable is read twice with its marks read differently the second time, the new word going on into the rest of the
word: ``ให้ผู้ ผู้บริหาร``, ``มี มีผู้มา``, ``จํ จำนวน``, ``ซี ซึ่งเป็น``, ``ทรัพย์ ย์สิน`` (76 such cells in the benchmark's
outputs of 18 corpora, fresh standard seed 173 docs 4, 8, 12, 19). The new word starts with the consonant the last
syllable before it starts with, and its first glyph's box lies over that syllable's ink (half its width or more over one
of the syllable's boxes; words side by side share no column): one reading of the syllable goes, and the rest of the
new word joins the word the syllable ended (``ให้`` + ``ผู้บริหาร``). The second goes where its vowels and marks are
some of the first's and fewer (OCR loses marks far more often than it adds them: ``ยิ่งขึ้น นั้ นัน`` -> ``นั้`` + ``น``),
else the first (``มู มาตรการ``: worn seed 170 doc 13).
"""

from __future__ import annotations

from ocr_pipeline.clean.thai_text import LEADING_VOWELS, marks_only
from ocr_pipeline.model import Correction, Line, Word, columns_shared
from ocr_pipeline.ocr.latin_reread import Anchor, context
from ocr_pipeline.ocr.tesseract import line_text

OVERLAP = 0.6  # of the narrower box's width: the same glyph (Thai letters side by side overlap far less)
SYLLABLE_OVERLAP = 0.5  # the same for a syllable read again: its boxes are looser (the marks read otherwise)
SYLLABLE_CHARS = 4  # a syllable read again is this long at most (a leading vowel, a consonant, its marks)
LOOK_BACK = 3  # words before it the repeated letter may start at
LETTER_SHARE = 0.5  # x a letter's height: a consonant boxed with its bottom this far over the line's base is a mark
_CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))


def _marks_after(words: list[Word], at: int) -> int:
    """Where the letter at ``at`` ends: the first word after it that is not marks alone."""
    end = at + 1
    while end < len(words) and words[end].text and not _has_consonant(words[end].text):
        end += 1
    return end


def _repeat(words: list[Word], i: int) -> int | None:
    """The end of the words from ``i`` that repeat, on the same ink, the letter a word before them begins (None
    where they do not)."""
    w = words[i]
    if not (w.space_before and w.text[:1] in _CONSONANTS):
        return None
    end = _marks_after(words, i)
    for k in range(max(0, i - LOOK_BACK), i):
        p = words[k]
        width = min(p.box[2] - p.box[0], w.box[2] - w.box[0])
        if p.text != w.text or width <= 0 or columns_shared(p.box, w.box) < OVERLAP * width:
            continue
        first = [x.text for x in words[k : _marks_after(words, k)]]
        if first == [x.text for x in words[i:end]]:
            return end
    return None


def _mark_as_letter(words: list[Word], i: int, highest: float) -> int | None:
    """The end of a mark read as a letter at ``i`` and the mark repeated after it (None where it is not one): a
    consonant starting a token, boxed wholly above the line's letters (its bottom above ``highest``), between a mark
    and that mark again."""
    w = words[i]
    if not (w.space_before and len(w.text) == 1 and w.text in _CONSONANTS and w.box[3] < highest):
        return None
    if i + 1 >= len(words) or not marks_only(words[i - 1].text) or words[i + 1].text != words[i - 1].text:
        return None
    return i + 2


def _syllable_start(words: list[Word], i: int) -> int | None:
    """Where the syllable read again before ``i`` starts (its words ``[start, i)`` go), None where ``i`` does not
    start a second reading of the last syllable before it (see the module's docstring)."""
    w = words[i]
    if not (w.space_before and i > 0):
        return None
    start = i - 1
    while start > 0 and not words[start].space_before and not _has_consonant(words[start].text):
        start -= 1
    syllable = "".join(x.text for x in words[start:i])
    if (
        not _has_consonant(words[start].text)
        or len(syllable) > SYLLABLE_CHARS
        or sum(c in _CONSONANTS for c in syllable) != 1
        or _base(syllable) != _base(w.text)
    ):
        return None
    width = w.box[2] - w.box[0]
    shared = max(
        (columns_shared(x.box, w.box) / min(width, x.box[2] - x.box[0]) for x in words[start:i] if x.box[2] > x.box[0]),
        default=0.0,
    )
    return start if width > 0 and shared >= SYLLABLE_OVERLAP else None


def _drop_one_reading(
    words: list[Word],
    start: int,
    i: int,
    line: Line,
    page: int,
    corrections: list[Correction],
    anchors: list[Anchor] | None,
) -> int:
    """Drop one reading of a syllable read twice (``words[start:i]``, then again from ``i``): the second where its
    vowels and marks are some of the first's and fewer (``นั้ นัน``), else the first (``มู มาตรการ``: the second reads
    another vowel); returns where to go on."""
    end = _marks_after(words, i)
    left: Word | None
    right: Word | None
    first, second = "".join(w.text for w in words[start:i]), "".join(w.text for w in words[i:end])
    if _vowels(second) < _vowels(first):  # the second lost marks the first has: it goes, what follows joins the first
        span, left, right = (i, end), words[i - 1], words[end] if end < len(words) else None
        if right is not None:
            right.space_before = False
    else:  # the first goes, the second joins the word the syllable ended
        span, left, right = (start, i), words[start - 1] if start else None, words[i]
        words[i].space_before = words[start].space_before
    _drop(words, span, left, right, line, page, corrections, anchors)
    return span[0] + 1


def _drop(
    words: list[Word],
    span: tuple[int, int],
    left: Word | None,
    right: Word | None,
    line: Line,
    page: int,
    corrections: list[Correction],
    anchors: list[Anchor] | None,
) -> None:
    """Delete ``words[span]``, read twice, with its ``double-read`` correction and (``anchors`` given) its ``Anchor``
    between ``left`` and ``right``."""
    a, b = span
    corrections.append(
        Correction(page, "pages.text", line_text(words[a:b]).strip(), "", "double-read", round(words[a].conf, 1))
    )
    if anchors is not None:
        anchors.append(Anchor(line, left, right, False, context(words, a, b)))
    del words[a:b]


def _vowels(text: str) -> set[str]:
    """The vowels and marks of a syllable (all but its consonant)."""
    return {c for c in text if c not in _CONSONANTS}


def _has_consonant(text: str) -> bool:
    return any(c in _CONSONANTS for c in text)


def _base(text: str) -> str:
    """A syllable's leading vowel and consonant (``เมื`` -> ``เม``), "" when it starts otherwise."""
    lead = text[:1] if text[:1] and text[:1] in LEADING_VOWELS else ""
    rest = text[len(lead) :]
    return lead + rest[:1] if rest[:1] in _CONSONANTS else ""


def _above_the_letters(words: list[Word]) -> float:
    """The row a consonant's bottom is never above: half a letter's height over the line's base (the middle bottom of
    its words of one consonant; their lower quartile height, Tesseract's boxes of Thai letters often reaching a mark)."""
    letters = [w.box for w in words if len(w.text) == 1 and w.text in _CONSONANTS]
    if not letters:
        return -1.0
    bottoms = sorted(b[3] for b in letters)
    heights = sorted(b[3] - b[1] for b in letters)
    return bottoms[len(bottoms) // 2] - LETTER_SHARE * heights[len(heights) // 4]


def drop_double_reads(lines: list[Line], page: int, anchors: list[Anchor] | None = None) -> list[Correction]:
    """Drop (rule ``double-read``) the letters of ``lines`` read twice (in place); ``anchors``, when given, gets each
    correction's ``Anchor`` (same order)."""
    corrections: list[Correction] = []
    for line in lines:
        words, i = line.words, 1
        highest = _above_the_letters(words)
        while i < len(words):
            end = _repeat(words, i) or _mark_as_letter(words, i, highest)
            if end is None and (start := _syllable_start(words, i)) is not None:
                i = _drop_one_reading(words, start, i, line, page, corrections, anchors)
                continue
            if end is None:
                i += 1
                continue
            after = words[end] if end < len(words) else None
            _drop(words, (i, end), words[i - 1], after, line, page, corrections, anchors)
    return corrections
