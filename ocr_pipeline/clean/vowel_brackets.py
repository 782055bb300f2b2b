"""ไ and ใ read as an opening bracket (rule ``vowel-bracket``): ``(ด้ดำเนินการ`` and ``[ด้ดำเนินการ`` for
ได้ดำเนินการ, ``(ม่พบ`` for ไม่พบ.

The two leading vowels are a tall curve that Tesseract's Thai model often writes as ``(`` or ``[`` on a worn
copy. A bracket is read so when it opens nothing (no closing bracket after it in the text), starts a word
glued before a Thai consonant, and the vowel makes a word of that consonant where there was none: ``ด้`` is no
word, ``ได้`` a frequent one (Thai National Corpus count ``MIN_FREQ`` or more) followed by another word. On the benchmark's outputs of
26 corpora (stop 27) such unclosed brackets before ด้, ม่, ห้ and ซต์ numbered about 180; none of the truths'
opening brackets is unclosed.
"""

from __future__ import annotations

import re

from ocr_pipeline.clean.lexicon import Change, known_words, tokenize, word_freqs

MIN_FREQ = 1000  # TNC count of the word the vowel makes (ได้, ไม่, ให้, ไซต์; not ไร of ``(รย`` in a speck's garble)
SCORE = 90.0
RULE = "vowel-bracket"
_OPEN = re.compile(r"(?<!\S)[(\[](?=[\u0e01-\u0e2e])")  # at a word's start (``ภร(รจ`` is a garble)
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")


def vowel_brackets(text: str) -> list[Change]:
    """Changes of ``text`` that write ไ or ใ for an opening bracket that opens nothing (see the module)."""
    out = []
    for m in _OPEN.finditer(text):
        closing = ")" if m.group() == "(" else "]"
        if closing in text[m.end() :]:
            continue
        run = _THAI_RUN.match(text, m.end())
        if run is None or tokenize(run.group())[0] in known_words():
            continue
        best = max((_made_word(vowel + run.group()), vowel) for vowel in "ไใ")
        if best[0] >= MIN_FREQ:
            out.append(Change(m.start(), m.end(), m.group(), best[1], SCORE, RULE))
    return out


def _made_word(run: str) -> int:
    """The TNC count of the first word of ``run`` when the word after it is a word too (``ไม่|พบ``), else 0:
    a speck's garble makes no second word (``ไร|ย`` of ``(รย``)."""
    words = tokenize(run)
    if len(words) > 1 and (len(words[1]) < 2 or words[1] not in known_words()):
        return 0
    return word_freqs().get(words[0], 0)
