"""English phrases an ITA report prints in Latin letters, written whole where OCR garbled one word (rule ``lexicon``).

``dictionaries/latin_phrases.txt`` lists them (``No Gift Policy``). A run of as many tokens as a phrase has words, all
but one of which are its words (any case), is the phrase: the odd token, if short (OCR's garble of a word: ``เง0``,
``2010ฯ``) or a longer one a couple of edits off (``lntegrity``), and any word read in another case (``NO``) are
written as the phrase has them; brackets and signs at a token's edges stay, but for an opening bracket the phrase's
closing one calls for (``_opening_lost``). Two or more odd tokens leave the run as read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.lexicon import Change
from ocr_pipeline.resources import load_list

SCORE = 90.0
GARBLE_MAX = 7  # characters of a token OCR garbled from one of the phrase's words ...
NEAR_EDITS = 2  # ... or edits of a longer one from it (``lntegrity``)
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[A-Za-z]+")
_CORE = re.compile(r"^([(\[\"“‘']*)(.*?)([)\]\"”’'.,:;]*)$")


@cache
def _phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in load_list("latin_phrases.txt"))


def latin_phrase_repairs(text: str) -> list[Change]:
    """Changes of ``text`` that write a listed phrase whole (see the module), left to right."""
    tokens = [(m.start(), m.end(), _CORE.match(m.group()).groups()) for m in _TOKEN.finditer(text)]  # type: ignore[union-attr]
    changes: list[Change] = []
    for words in _phrases():
        n = len(words)
        for i in range(len(tokens) - n + 1):
            run = tokens[i : i + n]
            cores = [core for _s, _e, (_a, core, _z) in run]
            odd = [k for k, (core, word) in enumerate(zip(cores, words)) if core.lower() != word.lower()]
            if len(odd) > 1 or n - len(odd) < 2:
                continue
            if odd and (len(cores[odd[0]]) > GARBLE_MAX or _WORD.fullmatch(cores[odd[0]])):
                # a long token, or one of Latin letters alone (another word: ``Thai Gift``), must be near the word
                if Levenshtein.distance(cores[odd[0]].lower(), words[odd[0]].lower()) > NEAR_EDITS:
                    continue
            opened = _opening_lost(text, run)
            for k, (start, end, (head, core, tail)) in enumerate(run):
                if k == 0 and opened:
                    head = "(" + head.lstrip("[{")
                if core != words[k] or text[start:end] != head + core + tail:
                    changes.append(Change(start, end, text[start:end], head + words[k] + tail, SCORE))
    return sorted(changes, key=lambda c: c.start)


def _opening_lost(text: str, run: Sequence[tuple[int, int, tuple[str | Any, ...]]]) -> bool:
    """Does the phrase's run close a bracket no bracket before it opens (``หน้าที่ No Gift Policy)``: fresh standard seed
    143 doc 6, its four measure cells; ``[No Gift Policy)``)? OCR lost or misread the opening one, before the phrase."""
    first_head, last_tail = run[0][2][0], run[-1][2][2]
    if ")" not in last_tail or "(" in first_head:
        return False
    before = text[: run[0][0]]
    return before.rfind("(") <= before.rfind(")")
