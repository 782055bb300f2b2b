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
from typing import NamedTuple

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


class _Token(NamedTuple):
    """A space-separated token of the text: its span, and its core word between the brackets and signs at its edges."""

    start: int
    end: int
    head: str
    core: str
    tail: str


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text):
        head, core, tail = _CORE.match(m.group()).groups()  # type: ignore[union-attr]  # _CORE matches any token
        out.append(_Token(m.start(), m.end(), head, core, tail))
    return out


def latin_phrase_repairs(text: str) -> list[Change]:
    """Changes of ``text`` that write a listed phrase whole (see the module), left to right."""
    tokens = _tokens(text)
    changes: list[Change] = []
    for words in _phrases():
        n = len(words)
        for i in range(len(tokens) - n + 1):
            run = tokens[i : i + n]
            cores = [t.core for t in run]
            odd = [k for k, (core, word) in enumerate(zip(cores, words)) if core.lower() != word.lower()]
            if len(odd) > 1 or n - len(odd) < 2:
                continue
            if odd and (len(cores[odd[0]]) > GARBLE_MAX or _WORD.fullmatch(cores[odd[0]])):
                # a long token, or one of Latin letters alone (another word: ``Thai Gift``), must be near the word
                if Levenshtein.distance(cores[odd[0]].lower(), words[odd[0]].lower()) > NEAR_EDITS:
                    continue
            opened = _opening_lost(text, run)
            for k, t in enumerate(run):
                head = "(" + t.head.lstrip("[{") if k == 0 and opened else t.head
                if t.core != words[k] or head != t.head:
                    changes.append(Change(t.start, t.end, text[t.start : t.end], head + words[k] + t.tail, SCORE))
    return sorted(changes, key=lambda c: c.start)


def _opening_lost(text: str, run: Sequence[_Token]) -> bool:
    """Does the phrase's run close a bracket no bracket before it opens (``หน้าที่ No Gift Policy)``: fresh standard seed
    143 doc 6, its four measure cells; ``[No Gift Policy)``)? OCR lost or misread the opening one, before the phrase."""
    if ")" not in run[-1].tail or "(" in run[0].head:
        return False
    before = text[: run[0].start]
    return before.rfind("(") <= before.rfind(")")


ADDRESS_SCORE = 90.0
# a web address's ``www`` read with a letter more, fewer or in capitals, or its dot read as a comma (``wwyw.``, ``yww.``,
# ``Www.``, ``www,``: worn seed 148 docs 13, 14, fresh worn 186 doc 8, standard 7 doc 9), before a name and a Thai
# domain; no truth's address starts otherwise
_ADDRESS_HEAD = re.compile(r"(?<![A-Za-z0-9.])([wWyYvV]{2,5})([.,])(?=[a-z0-9-]+\.(?:go|or|ac|co|in)\.th\b)")


def address_head_repairs(text: str) -> list[Change]:
    """Changes of ``text`` that write a web address's garbled ``www.`` right (see ``_ADDRESS_HEAD``), left to right."""
    return [
        Change(m.start(), m.end(), m.group(), "www.", ADDRESS_SCORE, "lexicon")
        for m in _ADDRESS_HEAD.finditer(text)
        if m.group() != "www." and m.group(1).lower().count("w") >= 2
    ]
