"""ไ and ใ read as an opening bracket (rule ``vowel-bracket``): ``(ด้ดำเนินการ`` and ``[ด้ดำเนินการ`` for
ได้ดำเนินการ, ``(ม่พบ`` for ไม่พบ.

The two leading vowels are a tall curve that Tesseract's Thai model often writes as ``(`` or ``[`` on a worn
copy. A bracket is read so when it opens nothing (no closing bracket after it in the text), starts a word
glued before a Thai consonant, and the vowel makes a word of that consonant where there was none: ``ด้`` is no
word, ``ได้`` a frequent one (Thai National Corpus count ``MIN_FREQ`` or more) followed by another word. On the benchmark's outputs of
26 corpora (stop 27) such unclosed brackets before ด้, ม่, ห้ and ซต์ numbered about 180; none of the truths'
opening brackets is unclosed.

Also two leading vowels side by side (rule ``doubled-vowel``), which Thai never writes: Tesseract wrote a speck
or the vowel's own tail as another (``งดใไห้``, ``และเได้ปรับปรุง``, ``จัดไโครงการ``: fresh standard seed 115, worn
116). The one that goes is the one whose going leaves a frequent word followed by another word.

And a syllable read twice about a space (rule ``double-read``): ``ให้ผู้ ผู้บริหาร``, ``เมื เมื่อวันที่`` (Tesseract
read the glyphs at a word's start again with the word before: six result and step cells of standard 7 and 163).
"""

from __future__ import annotations

import re
from functools import cache

from ocr_pipeline.clean.lexicon import Change, known_words, tokenize, word_freqs
from ocr_pipeline.clean.names import titles
from ocr_pipeline.clean.thai_text import ABOVE_BELOW, THAI_RUN
from ocr_pipeline.resources import load_list

MIN_FREQ = 1000  # TNC count of the word the vowel makes (ได้, ไม่, ให้, ไซต์; not ไร of ``(รย`` in a speck's garble)
SCORE = 90.0
RULE = "vowel-bracket"
MAI_THO = "\u0e49"
MARK_TWINS = "\u0e31\u0e4c"  # mai han-akat and thanthakhat, read for a mai tho after the bracket
_OPEN = re.compile(r"(?<!\S)[(\[](?=[\u0e01-\u0e2e])")  # at a word's start (``ภร(รจ`` is a garble) ...
# ... or glued after Thai letters that are words (``เว็บ[ซต์ของหน่วยงาน``, ``ดำเนินการ[ห้บริการ``: fresh worn seed 218
# docs 5, 13; on the outputs of 13 corpora nine such brackets made a frequent word, none where the letters before
# were a garble: ``ขุ[รชูบัชย์``)
_GLUED_OPEN = re.compile(r"(?<=[\u0e01-\u0e4e])[(\[](?=[\u0e01-\u0e2e])")
_THAI_BEFORE = re.compile(r"[\u0e01-\u0e4e]+$")
_TWO_LEADING = re.compile("[\u0e40-\u0e44]{2}")
DOUBLED_RULE = "doubled-vowel"
DOUBLED_LEAST = 3  # letters of the word a dropped vowel must leave (``โน`` of ``เโนปัจจุบัน`` is too short to tell)
TWICE_RULE = "double-read"
TWICE_SCORE = 80.0
# a syllable of three to six characters ending a token and starting the next (``ให้ผู้ ผู้บริหาร``)
_TWICE = re.compile(r"([\u0e01-\u0e4e]{3,6}) (?=\1)")
_MARK = re.compile(f"[{ABOVE_BELOW}]")


def vowel_brackets(text: str, next_line: str = "") -> list[Change]:
    """Changes of ``text`` that write ไ or ใ for an opening bracket that opens nothing (see the module): nor on the
    line after it, ``next_line``, before any bracket that line opens (``… พ.ศ. ๒๕๖๐ (รอับ`` / ``๖ เดือน)``: fresh worn seed
    210 doc 13, the subject's round, a speck over its อ, was written ไรอับ)."""
    out = []
    glued = [m for m in _GLUED_OPEN.finditer(text) if _words_before(text[: m.start()])]
    for m in sorted([*_OPEN.finditer(text), *glued], key=lambda m: m.start()):
        closing = ")" if m.group() == "(" else "]"
        if closing in text[m.end() :] or closing in next_line.split(m.group())[0]:
            continue
        run = THAI_RUN.match(text, m.end())
        if run is None or len(run.group()) < 2:
            continue  # one letter after a bracket is a scribble's (``(ร`` over a signature: fresh standard 139 doc 3)
        read = run.group()
        # its mai tho read as mai han-akat or a thanthakhat too (``[ดัตรวจสอบ``, ``(ด์ดำเนินการ``: 10 result cells of
        # worn 164, 170, 22; ``ดัด`` is a word, ``ไดั`` none)
        spellings = [read] + ([read[0] + MAI_THO + read[2:]] if read[1] in MARK_TWINS else [])
        made = [
            (_made_word(vowel + spelt), vowel, spelt)
            for spelt in spellings
            if tokenize(spelt)[0] not in known_words()  # a word already (``ดัด``): no vowel was lost before it
            for vowel in "ไใ"
        ]
        freq, vowel, spelt = max(made, default=(0, "", ""))
        if freq < MIN_FREQ:
            continue
        end = m.end() if spelt == read else m.end() + 2  # the mark swapped too: one change of bracket and mark
        out.append(Change(m.start(), end, text[m.start() : end], vowel + spelt[: end - m.end()], SCORE, RULE))
    return out


def _words_before(text: str) -> bool:
    """Are the Thai letters ``text`` ends with (two or more) all words (``บนเว็บ``, not a garble's ``ขุ``)?"""
    m = _THAI_BEFORE.search(text)
    return m is not None and len(m.group()) >= 2 and all(w in known_words() for w in tokenize(m.group()))


def _made_word(run: str, least: int = 1) -> int:
    """The TNC count of the first word of ``run`` when it has ``least`` letters or more and the word after it is a
    word too (``ไม่|พบ``), else 0: a speck's garble makes no second word (``ไร|ย`` of ``(รย``)."""
    words = tokenize(run)
    if len(words[0]) < least or (len(words) > 1 and (len(words[1]) < 2 or words[1] not in known_words())):
        return 0
    freq = word_freqs().get(words[0], 0)
    if words[0] in _domain_words():
        # a word of the reports' own vocabulary (``ไตรมาส``, TNC 794: ``[ตรมาสที ๑-๔`` in period cells, fresh worn 218)
        freq = max(freq, MIN_FREQ)
    if not freq:
        # a phrase of the report's lists (``ไม่พบเหตุการณ์``, ``ให้บริการ``): the count of its longest counted start
        freq = next(
            (
                word_freqs()[words[0][:n]]
                for n in range(len(words[0]) - 1, max(least, 2) - 1, -1)
                if words[0][:n] in word_freqs()
            ),
            0,
        )
    return freq


@cache
def _domain_words() -> frozenset[str]:
    """The single words of ``dictionaries/ita_terms.txt`` that start with ไ or ใ."""
    return frozenset(w for w in load_list("ita_terms.txt") if " " not in w and w[:1] in "ไใ")


def doubled_vowels(text: str) -> list[Change]:
    """Changes of ``text`` that drop one of two leading vowels side by side (see the module), where dropping it
    makes a frequent word (TNC count ``MIN_FREQ`` or more) followed by another word and dropping the other does not
    make a likelier one."""
    out = []
    for m in _TWO_LEADING.finditer(text):
        pair = m.group()
        if pair == "เเ":
            continue  # แ typed as two sara e (``เเละ``): a spelling, not a misreading
        if pair[0] == pair[1]:
            out.append(Change(m.start(), m.start() + 1, pair[0], "", SCORE, DOUBLED_RULE))  # ``ใใน``
            continue
        rest = text[m.end() : THAI_RUN.match(text, m.start()).end()]  # type: ignore[union-attr]
        best, k = max((_made_word(pair[k] + rest, DOUBLED_LEAST), k) for k in (1, 0))  # keep the second, or the first
        if best >= MIN_FREQ:
            at = m.start() + (1 - k)  # the vowel that goes
            out.append(Change(at, at + 1, text[at], "", SCORE, DOUBLED_RULE))
    return out


def twice_read(text: str) -> list[Change]:
    """Changes of ``text`` that drop a syllable read twice about a space (see the module): a syllable with a mark
    (``ผู้``, ``เมื``) ending a token and starting the next, where the token is no word (``ให้ผู้``; a token that is
    the syllable alone: when the syllable is no word, ``เมื``). A word said twice stays (``ไม่มี ไม่มีเรื่อง``,
    ``ราย รายละเอียด``, ``แผนงาน งานจัดเก็บ``: the truths write these), as does a syllable without marks (``ทุกกอง
    กองทะเบียน``) and one ending a titled name (``(นายกิติศักดิ ศักดิเพชร``: a name's parts repeat a syllable, fresh
    standard seed 185 doc 19; a name is no word)."""
    out = []
    for m in _TWICE.finditer(text):
        syllable = m.group(1)
        start = text.rfind(" ", 0, m.end(1)) + 1  # the token that ends with it
        token = text[start : m.end(1)]
        if not _MARK.search(syllable):
            continue
        if token in known_words() or (token == syllable and all(w in known_words() for w in tokenize(syllable))):
            continue
        if token.lstrip("([{").startswith(titles()):
            continue
        out.append(Change(m.start(1), m.end(), text[m.start(1) : m.end()], "", TWICE_SCORE, TWICE_RULE))
    return out
