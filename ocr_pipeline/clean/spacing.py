"""Spaces OCR put inside a Thai word taken out (rule ``spacing``): ``ประ ชาสัมพันธ์``, ``ประจำปีงบประ มาณ``,
``บุค ลากร``.

Tesseract writes a space where a word's letters stand apart (a worn copy, a justified line); Thai puts
spaces between phrases, never inside a word. A space between two Thai letters goes when

- the text joined there has a dictionary word of four letters or more across it
  (``lexicon.tokenize``: pythainlp's newmm with the report's own words),
- that word takes in a whole side beside it that is no word: a piece no dictionary has, or of three letters
  or fewer (``คุณธรรม จริยธรรม`` stays, although คุณธรรมจริยธรรม is a word; so does ``สวนราชการ กองคลง``, whose
  ``การก`` across cuts both), and
- the joined words are more likely than the two sides' (a unigram model of the Thai National Corpus
  counts, ``lexicon.word_freqs``) by ``MIN_GAIN``: ``มี ผล`` stays (มี and ผล are far more common than
  มีผล).

A space after a word that binds to the next (``dictionaries/bound_words.txt``: ``คุณธรรมและ ความโปร่งใส``) goes too.

Never before ๆ (``ต่าง ๆ``: the space is the rule) nor an abbreviation (``ประมาณ พ.ศ.``: มาณพ is a word),
nor inside a person's or a place's name. Measured on the truth of 22 generated corpora: none of 118387
spaces is taken out (17 without the names' and places' protection); on the benchmark's outputs of 22 scan
corpora (stop 26) 440 spaces the truth has not, and none it has.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

from ocr_pipeline.clean.lexicon import Change, known_words, name_spans, place_spans, tokenize, word_freqs
from ocr_pipeline.clean.thai_text import THAI_RUN
from ocr_pipeline.resources import load_list, load_table

MIN_GAIN = 3.0  # natural-log likelihood by which the joined words must beat the two sides'
MIN_WORD = 4  # letters of the word across the space
SHORT_SIDE = 3  # a side's word this short may be a piece of a longer one (ประ, ระ, สะ)
_THAI = "\u0e01-\u0e45\u0e47-\u0e4e"  # Thai letters and marks, ๆ aside
_SPACE = re.compile(f"(?<=[{_THAI}]) (?=[{_THAI}])")
_RUN = re.compile(f"[{_THAI}]+")
_ABBREVIATION = re.compile(r"[\u0e01-\u0e2e]\.")
_ERA = re.compile(r"(?<![\u0e01-\u0e2e]\.)[พค]\.( )ศ\.")  # พ. ศ. for พ.ศ.
_GLUED_ERA = re.compile(r"[\u0e01-\u0e4e](?=[พค]\. ?ศ\.)")  # ประมาณพ.ศ.: the era is always spaced off
# the era's last dot lost or read as another sign before a space (``พ.ศ ๒๕๖๓``, ``พ.ศ: ๒๕๖๒``: fresh standard seed
# 115 doc 8, worn 116): none of the generated truths' eras lacks it
_ERA_END = re.compile(r"(?<![\u0e01-\u0e4e.])[พค]\.ศ([:;,]?)(?=\s)")
# a word or number glued before an opening bracket (``๒๕๖๙(รอบ ๖ เดือน)``: worn seeds 22, 62): a space always
# stands there (none of 4145 brackets of the generated truths, none of the THND odd half's, is glued)
_GLUED_BRACKET = re.compile(r"[\u0e01-\u0e4e0-9\u0e50-\u0e59](?=\()")
# a year glued to the round after it (``ประจำปี ๒๕๖๕รอบ ๑๒ เดือน``: fresh worn seed 120 doc 11, the line wrapped
# before the year): none of the generated truths' years is glued to รอบ (a year glued to another word is: ๒๕๔๐ผ่าน)
_GLUED_ROUND = re.compile(r"[0-9\u0e50-\u0e59]{4}(?=รอบ)")
# spaces OCR put inside a web address (``www. taopun.go.th``, ``go.t h``: fresh worn seed 140 docs 2, 12); no generated
# truth's nor the THND odd half's address has one
_ADDRESS_SPACE = re.compile(
    r"(?i)(?<![A-Za-z0-9])www[.,]( )(?=[a-z0-9])|(?<=[a-z0-9])\.( )(?=(?:go|or|ac|co|in)\.th\b)"
    r"|\.(?:go|or|ac|co|in)\.t( )h\b"
)
# a space after a hyphen glued to a word, before the next (``การยืม- คืนพัสดุ``, ``e- Service``: standard seeds 133, 139,
# worn 140): a hyphen joins two words (``ยืม-คืน``), spaced on neither side; no generated truth's text has it spaced on one
_HYPHEN_SPACE = re.compile(r"(?<=[\u0e01-\u0e4eA-Za-z])-( )(?=[\u0e01-\u0e4eA-Za-z])")
# a hyphen of a Latin word read twice about a space (``e- -Service``: 4 result cells of standard 169, worn 170, clean
# renders 31): none in the truths
_DOUBLED_HYPHEN = re.compile(r"(?<=[A-Za-z])(- -)(?=[A-Za-z])")
# a space after an opening quote (``ประชาสัมพันธ์ " ไม่รับของขวัญ"``: fresh worn seed 140 docs 9, 12): none in the truths
_QUOTE_SPACE = re.compile(r"(?:(?<=\s)|^)[\"“]( )(?=[\u0e01-\u0e4e])")
ERA_SCORE = 95.0
BOUND_SCORE = 90.0
SPACED_SCORE = 90.0


@cache
def _glued_month() -> re.Pattern[str]:
    """A month's abbreviation (``months.tsv``) glued to the number before or after it (``1ต.ค.63``): Thai typing puts a
    space between a date's day, month and year (none of the generated truths' 2751 abbreviated months is glued)."""
    forms = sorted(
        {row[2] for row in load_table("months.tsv") if len(row) > 2 and row[1] == "abbr"}, key=len, reverse=True
    )
    month = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"[0-9\u0e50-\u0e59](?=(?:{month}))|(?:{month})(?=[0-9\u0e50-\u0e59])")  # a space after it


@cache
def _date_labels() -> frozenset[str]:
    """The memo's วันที่ label and its misreadings (``memo_labels.tsv``)."""
    return frozenset(
        form
        for field, label, variants in load_table("memo_labels.tsv")
        if field == "doc_date"
        for form in (label, *variants.split(","))
    )


# a date label and the day after it: the space before it parts the document number from the date (``…๑ด่ วนท ๒๖
# เมษายน``, a number's garbage before it: fresh standard seed 197 doc 2, joined as ด่วน + ท, the date was lost)
_DAY_AFTER = re.compile(r"\s*[0-9\u0e50-\u0e59]")


@cache
def bound_words() -> frozenset[str]:
    """Words never followed by a space (``dictionaries/bound_words.txt``: และ, ความ)."""
    return frozenset(load_list("bound_words.txt"))


@cache
def _total() -> int:
    return sum(word_freqs().values())


def _likelihood(words: Iterable[str]) -> float:
    """Log-likelihood of a word sequence under the corpus' unigram counts (a dictionary word no count has
    counts 1, a piece no dictionary has 0; 0.1 is added to every count)."""
    freqs, total, known = word_freqs(), _total(), known_words()
    return sum(math.log((freqs.get(w, 1 if w in known else 0) + 0.1) / total) for w in words)


def _across(left: str, right: str) -> tuple[str | None, float]:
    """(the word across the join of ``left`` and ``right``, the likelihood gained by joining them)."""
    lt, rt, joined = tokenize(left), tokenize(right), tokenize(left + right)
    pos, word = 0, None
    for w in joined:
        if pos < len(left) < pos + len(w):
            word = w
            break
        pos += len(w)
    known = known_words()
    # a word's first letter stranded before the space (``ทรัพย์สินข องราชการ``: ของ split, 14 cells of seven documents
    # over eight corpora) makes a word of three letters across it
    stranded = word is not None and len(word) == MIN_WORD - 1 and pos == len(left) - 1
    if word is None or word not in known or (len(word) < MIN_WORD and not stranded):
        return None, 0.0
    # the word across takes in a whole piece beside the space (ประ of ประ|ชาสัมพันธ์); one that cuts both
    # neighbours is the tokenizer's guess (สวนราช|การก|องคลง for สวนราชการ กองคลง: standard seed 101 doc 7)
    piece = [w not in known or len(w) <= SHORT_SIDE for w in (lt[-1], rt[0])]
    takes_left = pos <= len(left) - len(lt[-1]) and piece[0]
    takes_right = pos + len(word) >= len(left) + len(rt[0]) and piece[1]
    if not (takes_left or takes_right):
        return None, 0.0
    return word, _likelihood(joined) - _likelihood(lt) - _likelihood(rt)


def era_spaces(text: str) -> list[Change]:
    """The era's abbreviation written whole and spaced off (``พ. ศ.``, ``พ.ศ ๒๕๖๓``, ``ประมาณพ.ศ.``), a space
    before an opening bracket glued to a word (``๒๕๖๙(รอบ``) or before a round (``๒๕๖๕รอบ``), a month's abbreviation
    spaced off its day and year (``1ต.ค.63``), and a web address written whole (``www. taopun.go.th``, ``go.t h``), as
    changes of ``text`` (rule ``spacing``); also where the words' spaces are not looked at (a period cell:
    ``ปีงบประมาณพ.ศ. ๒๕๖๓``, fresh standard seed 115 doc 8)."""
    changes = [Change(m.start(1), m.end(1), " ", "", ERA_SCORE, "spacing") for m in _ERA.finditer(text)]
    changes += [
        Change(m.start(), m.end(), m.group(0), m.group(0) + " ", ERA_SCORE, "spacing")
        for m in _glued_month().finditer(text)
    ]
    changes += [
        Change(m.start(g), m.end(g), " ", "", ERA_SCORE, "spacing")
        for m in _ADDRESS_SPACE.finditer(text)
        for g in (1, 2, 3)
        if m.group(g)
    ]
    changes += [Change(m.start(1), m.end(1), m.group(1), ".", ERA_SCORE, "spacing") for m in _ERA_END.finditer(text)]
    changes += [
        Change(m.start(), m.end(), m.group(0), m.group(0) + " ", ERA_SCORE, "spacing")
        for m in (*_GLUED_ERA.finditer(text), *_GLUED_BRACKET.finditer(text), *_GLUED_ROUND.finditer(text))
    ]
    return sorted(changes, key=lambda c: c.start)


# a range's dash spaced on one side only (``ตุลาคม ๒๕๖๗ -กันยายน``, ``เม.ย.- พ.ค.``): a report writes a range's dash spaced
# on both sides or on neither; OCR lost the other space (stop 49: of eight such period cells in six corpora' outputs, the
# truth spaced seven, glued one: ``ตุลาคม ๒๕๖๖- มีนาคม`` for ๒๕๖๖-มีนาคม, a year's dash, which stays as read)
_ONE_SIDED_DASH = re.compile(r"(?<=\S) ([-–—])(?=\S)|(?<=[^\s0-9\u0e50-\u0e59])([-–—]) (?=\S)")


def range_dash_spaces(text: str) -> list[Change]:
    """The space a range's dash lost on one side put back (``_ONE_SIDED_DASH``), as changes of a period cell's ``text``
    (rule ``spacing``)."""
    out = []
    for m in _ONE_SIDED_DASH.finditer(text):
        if m.group(1):  # spaced before it: a space after
            at = m.start(1)
            out.append(Change(at, at + 1, text[at], text[at] + " ", SPACED_SCORE, "spacing"))
        else:
            at = m.start(2)
            out.append(Change(at, at + 1, text[at], " " + text[at], SPACED_SCORE, "spacing"))
    return out


def spaced_word_gaps(text: str) -> list[Change]:
    """The space OCR lost inside a line before a label or a sentence opener (``dictionaries/sentence_openers.txt``:
    ``รอบการรายงานปัญหาอุปสรรค``, fresh standard seed 119 doc 1), or after a word always spaced off the next
    (``dictionaries/spaced_after_words.txt``: ``ติดประกาศ ณจุดให้บริการ``, fresh worn seed 120) standing after a
    space, as ``spacing`` changes of ``text``, where the report's tokenizer reads it as a word of its own; a cell's
    wraps get theirs when its lines join (``thai_text.join_wrapped``).

    >>> [(c.before, c.after) for c in spaced_word_gaps("ไม่พบเรื่องร้องเรียนปัญหาอุปสรรค : ไม่มี")]
    [('น', 'น ')]
    """
    words, after = load_list("sentence_openers.txt"), load_list("spaced_after_words.txt")
    held = [*place_spans(text), *name_spans(text)]
    out = []
    for m in THAI_RUN.finditer(text):
        at = m.start()
        tokens = tokenize(m.group())
        for k, token in enumerate(tokens):
            if at > m.start() and token in words and not any(a < at < b for a, b in held):
                out.append(Change(at - 1, at, text[at - 1], text[at - 1] + " ", SPACED_SCORE, "spacing"))
            end = at + len(token)
            if k == 0 and token in after and end < m.end() and tokens[1] in known_words():
                out.append(Change(end - 1, end, token[-1], token[-1] + " ", SPACED_SCORE, "spacing"))  # ``ณจุด``
            at = end
    return out


def word_spaces(text: str, protect: Iterable[tuple[int, int]] = ()) -> list[Change]:
    """The spaces of ``text`` that stand inside a word or the era's abbreviation (``พ. ศ.``), and the one
    missing before the era (``ประมาณพ.ศ.``: the generated reports' truth has none of 4356 glued) or before an
    opening bracket (``๒๕๖๙(รอบ``), and the era's last dot (``พ.ศ ๒๕๖๓``), as changes
    of ``text`` (rule ``spacing``), left to right; ``protect``: spans whose spaces stay (besides the names and
    places found in ``text``). A space's score is 50 + 2 x the likelihood gained (at most 99); the era's 95."""
    held = [*protect, *place_spans(text), *name_spans(text)]
    changes = era_spaces(text)
    changes += [Change(m.start(1), m.end(1), " ", "", SPACED_SCORE, "spacing") for m in _HYPHEN_SPACE.finditer(text)]
    changes += [
        Change(m.start(1), m.end(1), "- -", "-", SPACED_SCORE, "spacing") for m in _DOUBLED_HYPHEN.finditer(text)
    ]
    changes += [
        Change(m.start(1), m.end(1), " ", "", SPACED_SCORE, "spacing")
        for m in _QUOTE_SPACE.finditer(text)
        if text[: m.start()].count('"') % 2 == 0  # an opening quote: a closing one may stand after a space
    ]
    joined = text  # the text with the spaces found so far taken out
    shift = 0
    for m in _SPACE.finditer(text):
        at = m.start()
        if any(a <= at < b for a, b in held) or _ABBREVIATION.match(text, at + 1):
            continue
        here = at - shift
        head = _RUN.match(joined[here - 1 :: -1])
        tail = _RUN.match(joined, here + 1)
        if head is None or tail is None:
            continue
        right = tail.group(0)[:-1] if joined[tail.end() : tail.end() + 1] == "." else tail.group(0)  # มาณ|พ.ศ.
        if not right:
            continue
        left = head.group(0)[::-1]
        if right in _date_labels() and _DAY_AFTER.match(joined, tail.end()):
            continue
        if tokenize(left)[-1] in bound_words():
            score = BOUND_SCORE  # ``คุณธรรมและ ความโปร่งใส``: และ binds to the word after it
        else:
            word, gain = _across(left, right)
            if word is None or gain < MIN_GAIN:
                continue
            score = round(min(99.0, 50.0 + 2.0 * gain), 1)
        changes.append(Change(at, at + 1, " ", "", score, "spacing"))
        joined = joined[:here] + joined[here + 1 :]
        shift += 1
    return sorted(changes, key=lambda c: c.start)
