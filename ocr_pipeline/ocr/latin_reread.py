"""Re-read, with the Thai model alone, Thai text that ``tha+eng`` turned into Latin garbage.

With both models loaded Tesseract sometimes reads bold or thin Thai as Latin: วันที่ as "TUN",
ป as "1", ไ as "'.". English words in these reports (ITA, No Gift Policy, e-bidding) are read
with high confidence, garbage is not. Suspicious tokens (Latin letters or quotes with low
confidence, or glued to Thai) are cut out with their Thai neighbours, stacked on one canvas,
read once with ``tha`` and replaced where the Thai reading is confident (less so where it spells a
month: ``WA.`` re-read ``พ.ุค.``; the date clean-up respells it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np
from PIL import Image
from rapidfuzz import fuzz

from ocr_pipeline.clean.thai_text import SIGNS_ABOVE, THAI_CONSONANT, THAI_RUN, TONES, drop_stray_marks, without_marks
from ocr_pipeline.model import Correction, Line, Word, columns_shared, token_ranges, union_box
from ocr_pipeline.ocr.tesseract import line_text
from ocr_pipeline.resources import load_list, load_table

SUSPECT_CHARS = re.compile(r"[A-Za-z0-9'‘’\"`«»~©®|]")
THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
THAI_DIGIT = re.compile("[๐-๙]")
# a web or e-mail address (www.bangluang.go.th, saraban@dla.go.th, www,phonsai. with its dot read as a
# comma, go.th alone where the address wrapped, or o.th where it wrapped inside go: fresh worn seed 104 doc 2
# read it ๐.ป่า): Latin by nature, never re-read
WEB_ADDRESS = re.compile(
    r"^(?:https?://|www[.,])|[A-Za-z0-9]@[A-Za-z0-9]|[A-Za-z]{2,}\.(?:go|or|ac|co|in)\.th\b|^(?:go|or|ac|co|in|[ormc])\.th?$",
    re.I,
)
# a re-reading with Latin letters, Arabic digits or signs no Thai text writes still in it is garbage read again: over 12
# corpora's final outputs (stop 42) 46 such re-readings, none right (40 still wrong, 6 not found in the truth); but one
# that spells a month or words keeps them (``ต.ค. ๒๕๒»๒|``, ``๓๕ คน 3``: ``_words_read``)
STILL_GARBLED = re.compile(r"[A-Za-z0-9=~|«»©®]")
# Thai digits glued to Thai letters (``๒๕วญฒ``, ``ด๓.ใ๒``, ``๑อ``): print writes a number apart from its words; over
# 20 corpora's final outputs (stop 44) 81 re-readings held such a glue without spelling a month or words, none right
DIGITS_GLUED = re.compile(r"[๐-๙][\u0e01-\u0e2e\u0e40-\u0e44\u0e46]|[\u0e01-\u0e2e\u0e30-\u0e3a\u0e47-\u0e4e][๐-๙]")
ENGLISH_CONF = 92.0  # English words of these reports are read at 92+; garbage mostly lower
ACCEPT_CONF = 75.0
MONTH_CONF = 60.0  # a re-reading that spells a month name (marks and dots aside) or the era พ.ศ. needs less
ERA_KEY = "พศ"  # พ.ศ. as month_key writes it
GAP = 80
# a Thai consonant alone is no word but these (a speck re-read as ``ส`` or ``ฆ`` is not text either:
# standard seed 7, 8 lone-letter re-readings, none right)
ONE_LETTER_WORDS = frozenset("ณ")
INK = 140  # grey level under which a pixel is ink
MARK_GAP = 0.45  # a mark stands at most this share of the text's height above its consonant
MARK_REACH = 0.9  # ... and reaches at most this share above it
LINE_SHARE = 0.7  # a line above lower than this share of the text's height is a mark or a speck
CONTEXT_CHARS = 16  # characters of the line kept on each side of a change, for the benchmark's judge


@cache
def english_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("latin_words.txt"))


@cache
def month_keys() -> frozenset[str]:
    """Month names and abbreviations of ``months.tsv`` without dots, spaces and marks."""
    return frozenset(month_key(row[2]) for row in load_table("months.tsv") if len(row) > 2 and row[0].isdigit())


def month_key(text: str) -> str:
    """A month name as compared: dots, spaces and marks removed (``พ.ุค.`` -> ``พค``)."""
    return re.sub(r"[\s.\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", text)


@cache
def _abbreviations() -> dict[str, str]:
    """Month abbreviations (``months.tsv``) by ``month_key``, but for keys two months share (ม.ค. and มี.ค.: มค)."""
    keys: dict[str, set[str]] = {}
    for row in load_table("months.tsv"):
        if len(row) > 2 and row[0].isdigit() and row[1] == "abbr":
            keys.setdefault(month_key(row[2]), set()).add(row[2])
    return {key: forms.pop() for key, forms in keys.items() if len(forms) == 1}


def _month_spelt(words: list[Word]) -> list[Word]:
    """A re-reading's tokens that spell one month's abbreviation with its dots, a mark for one of them (``A.A.``
    re-read ``ตุค.`` for ต.ค., ``NU.`` ``กุย.`` for ก.ย.: fresh standard seed 155), written as the month is, one word:
    the marks are Tesseract's (the date clean-up respelt them next)."""
    out: list[Word] = []
    for a, b in token_ranges(words):
        token = words[a:b]
        text = "".join(w.text for w in token)
        form = _abbreviations().get(month_key(text))
        # not where a mark of the month's own is lost (``ม.ย.``: มิ.ย., or เม.ย. with its เ lost)
        if form is None or text == form or "." not in text or any(c not in text for c in _marks_of(form)):
            out += token
            continue
        out.append(Word(form, union_box([w.box for w in token]), min(w.conf for w in token), token[0].space_before))
    return out


def _marks_put_back(words: list[Word]) -> list[Word]:
    """A re-reading's Thai tokens spelt as the lexicon spells them where that changes marks alone (``ครัง`` -> ครั้ง,
    ``วันที`` -> วันที่: the Thai model drops tone marks as the first reading does; a word a mark short of a far more
    frequent one counts as the lexicon's clean-up counts it), one word each: the re-reading's change is then the whole
    repair, not garbage made into a word the clean-up respells next (over 20 corpora's final outputs at stop 44, 100
    re-readings were so judged wrong, the respelling after them right)."""
    from ocr_pipeline.clean.lexicon import repair_words

    out: list[Word] = []
    for a, b in token_ranges(words):
        token = words[a:b]
        text = "".join(w.text for w in token)
        spelt = repair_words(text)[0] if THAI_RUN.fullmatch(text) else text
        if spelt == text or without_marks(spelt) != without_marks(text):
            out += token
            continue
        out.append(Word(spelt, union_box([w.box for w in token]), min(w.conf for w in token), token[0].space_before))
    return out


def _marks_of(form: str) -> str:
    """The marks of a month's abbreviation (what ``month_key`` drops, dots aside: ิ of มิ.ย.)."""
    return "".join(c for c in form if c != "." and not month_key(c))


def _words_read(text: str) -> bool:
    """Does a re-reading spell a month, or only words of two letters or more (the lexicon's), its Thai letters aside
    from the garbage beside them (``๓๕ คน 3``: คน read right, the digits the digit reader's next; blind worn seed 188
    doc 8 lost it to a filter that looked at the garbage alone)?"""
    from ocr_pipeline.clean.lexicon import known_words

    if any(_spells_month(t) for t in text.split()):
        return True
    runs = THAI_RUN.findall(text)
    return bool(runs) and all(len(run) >= 2 and run in known_words() for run in runs)


_LEADING_DIGITS = re.compile("^[0-9๐-๙]+")


def _spells_month(token: str) -> bool:
    """Does ``token`` spell a month, also with its year glued after its last dot (``กุย.ว๓``: blind worn seed 192 doc 6's
    period ``๓๐ ก.ย. ๖๓``, read ``mo fi.8. bm``) or its day glued before it (``๒๕พ.ย.``: blind worn seed 196 doc 18's
    memo date ``๒๔ พ.ย. ๒๕๖๔``, read ``bE W.Y.``)? Both kept their month only so."""
    token = _LEADING_DIGITS.sub("", token)
    return month_key(token) in month_keys() or month_key(token[: token.rfind(".") + 1]) in month_keys()


def needed_conf(text: str) -> float:
    """The confidence a Thai re-reading spelling ``text`` needs to be taken: less for a month's name or the era
    read with its dots (``W. A,`` -> พ.ศ. at 69: fresh standard seed 139 doc 14), both closed lists."""
    key = month_key(text)
    return MONTH_CONF if key in month_keys() or (key == ERA_KEY and "." in text) else ACCEPT_CONF


@dataclass
class _Span:
    line: Line
    start: int  # word indices [start, end) in line.words
    end: int
    box: tuple[int, int, int, int]


def is_suspect(words: list[Word]) -> bool:
    """A token Tesseract may have read as Latin while it is Thai."""
    text = "".join(w.text for w in words)
    if not SUSPECT_CHARS.search(text):
        return False
    bare = text.strip("().,:;-\"'“”‘’")  # ``Policy)"`` (standard seed 127 doc 12: re-read as ``2๐น์๓/)"``)
    if bare.lower() in english_words() or WEB_ADDRESS.search(bare):
        return False
    if THAI_DIGIT.search(text) and all(ch.isdigit() for ch in SUSPECT_CHARS.findall(text)):
        # a Thai number with a Latin digit in it (``ฒ๒๓๕๕๒/๒9๒`` for ๗๒๙๕๒/๒๖๖, its ๗ read as ฒ): the
        # digit reader's business; read with ``tha`` it came out ``เฟ๒ณ๓๕๒/๒๒๒๐`` (worn seed 14 doc 10)
        return False
    if THAI_LETTER.search(text):
        return True  # Latin or quotes glued to Thai letters
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    if not letters:
        return False  # Arabic numbers and punctuation alone: the digit reader's business
    low = min(w.conf for w in words)
    # short capitals that are no known acronym ("NWA" for ม่วงดี) are garbage even when sure
    return low < ENGLISH_CONF or len(letters) <= 2 or (len(letters) <= 3 and "".join(letters).isupper())


_ABBREVIATION = re.compile(r"^[0-9A-Za-z]\.[0-9A-Za-z][)\]]?\.?$")  # 7.8. (also 7.8).)
_YEAR = re.compile(r"^(?:25|๒๕)[0-9๐-๙]{2,4}(?![0-9๐-๙])")  # the raw Thai model doubles digits: ๒๕๒๐๕


_LATIN_WORD = re.compile(r"^[A-Za-z]{2,}$")


def _month_shaped(text: str, following: str) -> bool:
    """Latin or Arabic characters in a month abbreviation's shape just before a year (``7.8. ๒๕๖๖`` for ก.ย.
    ๒๕๖๖): the month, read with the wrong model (standard seed 43: a whole table's period ends were left
    empty); or a Latin word no list knows, however sure the OCR was of it (``AIAN ๒๕๖๐`` for ตุลาคม ๒๕๖๐ at
    92.8, fresh standard seed 103 doc 5)."""
    if not _YEAR.match(following):
        return False
    unknown_word = _LATIN_WORD.match(text) is not None and text.lower() not in english_words()
    return bool(_ABBREVIATION.match(text)) or unknown_word


def suspect_spans(lines: list[Line]) -> list[_Span]:
    """Runs of suspect tokens per line (neighbouring suspect tokens form one span)."""
    spans: list[_Span] = []
    for at, line in enumerate(lines):
        run: list[tuple[int, int]] = []
        ranges = line.token_ranges()
        texts = ["".join(w.text for w in line.words[a:b]) for a, b in ranges] + [_next_line_start(lines, at)]
        for k, rng in enumerate([*ranges, None]):
            if (
                rng is not None
                and (is_suspect(line.words[rng[0] : rng[1]]) or _month_shaped(texts[k], texts[k + 1]))
                and not _in_web_address(texts, k)
            ):
                run.append(rng)
                continue
            if run:
                a, b = run[0][0], run[-1][1]
                boxes = [w.box for w in line.words[a:b]]
                spans.append(
                    _Span(line, a, b, (min(x[0] for x in boxes), line.box[1], max(x[2] for x in boxes), line.box[3]))
                )
            run = []
    return spans


_ADDRESS_START = re.compile(r"^(?:https?://)?www[.,]?$", re.I)
_ADDRESS_END = re.compile(r"^[.,]?(?:go|or|ac|co|in)\.t(?:h\b|$)", re.I)  # go.t: its h read as ท (worn seed 128 doc 18)
_LATIN_PART = re.compile(r"^[A-Za-z0-9.,-]+$")
# a web address whose last letter OCR set apart (``www.dongmonlocal.go.t h``: fresh worn seed 140 doc 12 lost the h as a
# speck); the clean-up joins it (``clean.spacing``)
_ADDRESS_CUT = re.compile(r"\.(?:go|or|ac|co|in)\.t$", re.I)


def _in_web_address(texts: list[str], k: int) -> bool:
    """Is token ``k`` a part of a web address OCR cut with spaces (``Www. phraekha. go.th``: fresh standard seed 91
    doc 13 read the middle ``เวทโลอ|ตกล.``): Latin between a ``www.`` before it and a ``go.th`` after it."""
    if not _LATIN_PART.match(texts[k]):
        return False
    starts = [j for j in range(k) if _ADDRESS_START.match(texts[j])]
    ends = [j for j in range(k + 1, len(texts)) if _ADDRESS_END.match(texts[j])]  # the last: the next line's start
    if not starts or not ends:
        return False
    return all(_LATIN_PART.match(texts[j]) for j in range(starts[-1], ends[0]))


def _next_line_start(lines: list[Line], at: int) -> str:
    """The first token of the line right under ``lines[at]`` (the same column, within a line's height):
    what follows the line's last token when its text wraps (``- 7.8.`` over ``๒๕๖๖`` in a cell)."""
    line = lines[at]
    if at + 1 >= len(lines) or not lines[at + 1].words:
        return ""
    nxt = lines[at + 1]
    height = line.box[3] - line.box[1]
    below = 0 <= nxt.box[1] - line.box[1] <= 2 * height and nxt.box[0] < line.box[2] and line.box[0] < nxt.box[2]
    if not below:
        return ""
    a, b = nxt.token_ranges()[0]
    return "".join(w.text for w in nxt.words[a:b])


def context(words: list[Word], start: int, end: int) -> tuple[str, str]:
    """The line's text on each side of ``words[start:end]`` (``CONTEXT_CHARS`` each)."""
    return line_text(words[:start])[-CONTEXT_CHARS:], line_text(words[end:])[:CONTEXT_CHARS]


@dataclass
class Anchor:
    """Where a change made while reading stands: the first and last new words it wrote in ``line``
    (``inside``), or the words on either side of what it removed. ``context`` gives the line's text
    on either side once reading is done (the benchmark's judge places the change by it)."""

    line: Line
    first: Word | None
    last: Word | None
    inside: bool
    fallback: tuple[str, str]  # the context when the change was made
    across_lines: bool = False  # a side the line does not give comes from the neighbouring lines, on a page too

    def context(self, lines: list[Line] | None = None) -> tuple[str, str]:
        """The line's text on either side; a side the change's line does not give (a number alone in a
        table cell, a month opening a cell's second line) takes the text of the neighbouring ``lines`` of
        the same reading instead (given for table cells, whose reading keeps the page text's order)."""
        left, right = self._in_line()
        placed = self.first is not None and any(w is self.first for w in self.line.words)
        if (left and right) or not lines or not placed:
            return left, right
        at = next((k for k, ln in enumerate(lines) if ln is self.line), None)
        if at is None:
            return left, right
        if not left:
            left = " ".join(t for ln in lines[:at] if (t := line_text(ln.words)))[-CONTEXT_CHARS:]
        if not right:
            right = " ".join(t for ln in lines[at + 1 :] if (t := line_text(ln.words)))[:CONTEXT_CHARS]
        return left, right

    def _in_line(self) -> tuple[str, str]:
        ids = [id(w) for w in self.line.words]
        first = ids.index(id(self.first)) if self.first is not None and id(self.first) in ids else None
        last = ids.index(id(self.last)) if self.last is not None and id(self.last) in ids else None
        if self.inside and first is not None and last is not None:
            return context(self.line.words, first, last + 1)
        if not self.inside and (first is not None or self.first is None) and (last is not None or self.last is None):
            at = first + 1 if first is not None else (last if last is not None else 0)
            return context(self.line.words, at, at)
        return self.fallback


def reread_latin(
    gray: np.ndarray, lines: list[Line], ocr, page: int, anchors: list[Anchor] | None = None
) -> list[Correction]:
    """Replace confident Thai re-readings of suspect spans in ``lines`` (in place).

    ``ocr(image, psm, langs)`` reads an image into lines (``ocr.tesseract.ocr_lines``); ``anchors``,
    when given, gets each correction's ``Anchor`` (same order).
    """
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines)
    typical = heights[len(heights) // 2] if heights else 0
    # a span taller than a text line is a picture or a scribble, not text: by its words' boxes, not its line's
    # (the memo's ``ที่ … วันที่`` line is as tall as its bold labels with their marks: ``W.8.`` for พ.ย. there
    # was never re-read, worn seed 14 doc 14)
    spans = [sp for sp in suspect_spans(lines) if _words_height(sp) <= 1.6 * typical]
    january, marks = _january_as_read(gray, lines, ocr, page)
    readings = _read_crops(gray, [sp.box for sp in spans], ocr) if spans else []
    marks += _march_for_january(gray, lines, spans, readings, ocr)
    _marks_restored(gray, lines, spans, readings, ocr)
    corrections: list[tuple[Correction, Anchor]] = []
    for sp, reading in reversed(list(zip(spans, readings))):  # right to left keeps indices valid
        if reading is None:
            continue
        new, dx, dy = reading  # _read_crops gives no reading without words
        conf = sum(w.conf for w in new.words) / len(new.words)
        start, end = _covered(sp.line.words, sp.start, sp.end, sp.box)
        before_words = sp.line.words[start:end]
        before = line_text(before_words)
        # the re-read words, with their boxes back on the page (the digit reader works on them next), without
        # the marks that no consonant carries: Tesseract's, not the print's (``ต.ุค.`` for ต.ค.)
        words = [
            Word(
                spelt,
                (w.box[0] + dx, w.box[1] + dy, w.box[2] + dx, w.box[3] + dy),
                w.conf,
                before_words[0].space_before if i == 0 else w.space_before,
            )
            for i, (spelt, w) in enumerate(zip(_without_stray_marks(new.words), new.words))
            if spelt
        ]
        text = line_text(words)
        if conf < needed_conf(text) or not THAI_LETTER.search(text) or _thai_letters(text) == _thai_letters(before):
            continue  # no Thai read, or the same Thai letters with other punctuation: nothing gained
        if (STILL_GARBLED.search(text) or DIGITS_GLUED.search(text)) and not _words_read(text):
            # garbage read again as garbage (``ฆม =``, ``จ๑๑4 ๕๑``, ``๒๕วญฒ``): left to the digit reader and the noise rule
            continue
        if not _letters_kept(before, text):
            continue
        if _lone_letter(text) and not _era_between_month_and_year(sp.line.words, start, end, text):
            continue
        if _neighbour_read_again(text, sp.line, lines):
            continue
        words = _marks_put_back(_month_spelt(_brackets_kept(_numbers_kept(words, before_words), before_words)))
        start, end, words = _trimmed(sp.line.words, start, end, words)
        before, text = line_text(sp.line.words[start:end]), line_text(words)
        if _in_a_years_place(sp.line.words, start, before, text):
            continue  # judged on what changes: the span is cut out with its neighbours (``ต.ค. Ded``)
        anchor = Anchor(sp.line, words[0], words[-1], True, context(sp.line.words, start, end))
        sp.line.words[start:end] = words
        corrections.append((Correction(page, "pages.text", before, text, "thai-reread", round(conf, 1)), anchor))
    corrections = january + corrections[::-1]
    for mark in marks:  # the ี of มี.ค. that Tesseract read as a line of its own: now in its word
        text = line_text(mark.words)
        corrections.append(
            (Correction(page, "pages.text", text, "", "noise", 100.0), Anchor(mark, None, None, False, ("", "")))
        )
        mark.words = []
    if anchors is not None:
        anchors.extend(anchor for _c, anchor in corrections)
    return [c for c, _around in corrections]


def _march_for_january(
    gray: np.ndarray, lines: list[Line], spans: list[_Span], readings: list[tuple[Line, int, int] | None], ocr
) -> list[Line]:
    """มี.ค. read ม.ค.: a garbage word's box leaves out the marks above it, so a reading of January is made
    again with the ink right above the box, each crop alone as one line (read as a block, a mark standing
    apart becomes a line of its own: ``-.``); where that says มี.ค., the reading's ม becomes มี. Returns the
    lines that were such a mark, read apart."""
    marks: list[Line] = []
    found = [(k, w) for k, first in enumerate(readings) if first is not None and (w := _month_word(first[0], False))]
    marches = _read_as_march_all(gray, [spans[k].box for k, _w in found], lines, ocr)
    for (k, word), march in zip(found, marches):
        if march is None:
            continue
        word.text = word.text.replace("ม", "มี", 1)
        marks += _mark_lines(lines, spans[k].line, spans[k].box, march[0])
    return marks


def _read_as_march_all(
    gray: np.ndarray, boxes: list[tuple[int, int, int, int]], lines: list[Line], ocr, least_growth: int = 0
) -> list[tuple[tuple[int, int, int, int], Line] | None]:
    """For each box: (the box grown over the ink right above it, the reading) when that crop, read alone as one line,
    says มี.ค.; None otherwise, or when the box grows less than ``least_growth`` pixels (no ink above to read). The
    crops are read in one Tesseract run where ``ocr`` can (its ``many``: each crop an image of its own, the model
    loaded once; a run per crop cost 40-50 ms, about 0.07 s of a page's three seconds on standard seed 7)."""
    grown = [_with_marks_above(gray, box, lines) for box in boxes]
    todo = [k for k, (box, g) in enumerate(zip(boxes, grown)) if box[1] - g[1] >= least_growth]
    read = _read_each(gray, [grown[k] for k in todo], ocr, psm=7)
    out: list[tuple[tuple[int, int, int, int], Line] | None] = [None] * len(boxes)
    for k, again in zip(todo, read):
        if again is not None and _month_word(again[0], marked=True) is not None:
            out[k] = (grown[k], again[0])
    return out


def _read_each(
    gray: np.ndarray, boxes: list[tuple[int, int, int, int]], ocr, psm: int
) -> list[tuple[Line, int, int] | None]:
    """``_read_crops`` of each box alone (on a canvas of its own), in one run where ``ocr`` has ``many``."""
    return _read_alone([(_crop(gray, b), _origin(b)) for b in boxes], ocr, psm)


def _read_alone(
    crops_at: list[tuple[np.ndarray, tuple[int, int]]], ocr, psm: int
) -> list[tuple[Line, int, int] | None]:
    """``read_images`` of each crop alone (on a canvas of its own), all in one Tesseract run where ``ocr`` has ``many``
    (each an image of its own, the model loaded once), else one run each."""
    many = getattr(ocr, "many", None)
    if many is None or len(crops_at) < 2:
        return [read_images([c], ocr, psm)[0] for c in crops_at]
    canvases = [_canvas([crop]) for crop, _o in crops_at]
    reads = many([Image.fromarray(canvas) for canvas, _bands in canvases], psm=psm, langs="tha")
    out: list[tuple[Line, int, int] | None] = []
    for read, (_image, bands), (_crop_image, origin) in zip(reads, canvases, crops_at):
        [(got, dx, dy)] = _in_bands(read, bands, [origin])
        out.append(_largest(got, dx, dy))
    return out


def _mark_lines(
    lines: list[Line], own: Line, box: tuple[int, int, int, int], grown: tuple[int, int, int, int]
) -> list[Line]:
    """The lines between ``grown``'s top and ``box`` (a box grown over the marks above it), within its width,
    lower than a text line and without a Thai letter: a mark Tesseract read as a line of its own (``-.``)."""
    h = box[3] - box[1]
    return [
        ln
        for ln in lines
        if ln is not own
        and ln.words
        and ln.box[3] - ln.box[1] < LINE_SHARE * h
        and grown[1] - 2 <= ln.box[1]
        and ln.box[3] <= box[1] + 2
        and box[0] <= ln.box[0]
        and ln.box[2] <= box[2]
        and all(not THAI_LETTER.search(w.text) for w in ln.words)
    ]


def _january_as_read(
    gray: np.ndarray, lines: list[Line], ocr, page: int
) -> tuple[list[tuple[Correction, Anchor]], list[Line]]:
    """มี.ค. that Tesseract itself read ม.ค. (the ี faint, or read as a line of its own): where ink stands
    right above the token, it is read again over it as one line; where that says มี.ค., the ม becomes มี
    (standard seed 7: periods that end in March had ended in January). Returns the corrections and the
    lines that were the mark, read apart."""
    out: list[tuple[Correction, Anchor]] = []
    marks: list[Line] = []
    found: list[tuple[Line, int, int]] = []
    for line in lines:
        for a, b in line.token_ranges():
            text = "".join(w.text for w in line.words[a:b])
            if month_key(text) == _JANUARY_KEY and text.startswith("ม") and not text.startswith("มี"):
                found.append((line, a, b))
    boxes = [union_box(w.box for w in line.words[a:b]) for line, a, b in found]
    marches = _read_as_march_all(gray, boxes, lines, ocr, least_growth=MARKS_GROWN)
    for (line, a, b), box, march in zip(found, boxes, marches):
        if march is None:
            continue
        grown, again = march
        words = line.words[a:b]
        before = line_text(words)
        conf = sum(w.conf for w in again.words) / len(again.words)
        words[0].text = words[0].text.replace("ม", "มี", 1)
        anchor = Anchor(line, words[0], words[-1], True, context(line.words, a, b))
        out.append((Correction(page, "pages.text", before, line_text(words), "thai-reread", round(conf, 1)), anchor))
        marks += _mark_lines(lines, line, box, grown)
    return out, marks


UPPER_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47" + TONES + SIGNS_ABOVE  # what sits above a consonant
_UPPER = re.compile(f"[{UPPER_MARKS}]")
MARKS_GROWN = 2  # pixels: a box grown at least this much over ink above it may have left out marks


def _marks_restored(
    gray: np.ndarray, lines: list[Line], spans: list[_Span], readings: list[tuple[Line, int, int] | None], ocr
) -> None:
    """A garbage word's box leaves out the marks above it, so its reading lacks them (ครัง for ครั้ง, นัน
    for นั้น). Where ink stands right above the box, the span is read again over it as one line (``--psm
    7``: a mark stays with its consonant), alone, then the crops still unread side by side; a reading that
    differs from the first only by marks above the letters, and has more of them, replaces it (in
    ``readings``)."""
    todo: list[tuple[int, tuple[int, int, int, int], np.ndarray]] = []
    for k, first in enumerate(readings):
        if first is None or _month_word(first[0], marked=False) is not None:
            continue  # ม.ค.: _march_for_january's
        box = spans[k].box
        grown, crop = _marks_kept(gray, box, _with_marks_above(gray, box, lines)[1])
        if box[1] - grown[1] >= MARKS_GROWN:
            todo.append((k, grown, crop))
    left = []
    alone = _read_alone([(crop, _origin(grown)) for _k, grown, crop in todo], ocr, psm=7)  # each alone, one run
    for (k, grown, crop), again in zip(todo, alone):
        if again is not None and _marks_added(readings[k], again):
            readings[k] = again
        else:
            left.append((k, crop, grown))
    if left:  # the rest side by side: Tesseract reads some crops better among others
        for (k, _c, _g), again in zip(left, _read_side_by_side([(c, g) for _k, c, g in left], ocr)):
            if again is not None and _marks_added(readings[k], again):
                readings[k] = again


MARK_HEIGHT = 0.35  # a mark above a letter is at most this share of the text's height tall


def _marks_kept(
    gray: np.ndarray, box: tuple[int, int, int, int], top: int
) -> tuple[tuple[int, int, int, int], np.ndarray]:
    """``box`` grown up to ``top`` over the marks above its letters only, and its crop (``_crop``) in which
    the ink between ``top`` and the box that is no mark is whitened: a piece cut by the crop's top (the line
    above, whose descenders reach down between the marks), one standing higher than ``MARK_GAP`` of the
    text's height above the box, or one taller than a mark."""
    x0, y0, x1, y1 = box
    if top >= y0:
        return box, _crop(gray, box)
    h = max(y1 - y0, 1)
    band_top, left = max(top - 3, 0), max(x0 - 10, 0)
    band = gray[band_top : y1 + 3, left : x1 + 10].copy()
    region = band[top - band_top : y0 - band_top]  # a view: whitening it whitens the band
    n, labels, stats, _ = cv2.connectedComponentsWithStats((region < INK).astype(np.uint8), connectivity=8)
    kept_top, keep = y0, np.zeros(region.shape, dtype=np.uint8)
    for i in range(1, n):
        y, height = int(stats[i, cv2.CC_STAT_TOP]), int(stats[i, cv2.CC_STAT_HEIGHT])  # plain ints: boxes are saved
        bottom = top + y + height
        touches_body = bottom >= y0 - 1
        mark = y > 0 and height <= MARK_HEIGHT * h and bottom >= y0 - MARK_GAP * h
        if touches_body or mark:
            kept_top = min(kept_top, top + y)
            keep[labels == i] = 1
    halo = cv2.dilate(keep, np.ones((5, 5), np.uint8)).astype(bool)  # the grey edge of the ink kept
    region[~halo] = 255
    band[: max(top - band_top, 0)] = 255  # the margin over the region: the line above's
    grown = (x0, kept_top, x1, y1)
    return grown, band[max(kept_top - 3, 0) - band_top :]


def _marks_added(first: tuple[Line, int, int] | None, again: tuple[Line, int, int]) -> bool:
    """Does ``again`` read the same letters, digits and signs as ``first``, with more marks above them, and
    surely enough to be taken (``ACCEPT_CONF``)?"""
    if first is None or sum(w.conf for w in again[0].words) < ACCEPT_CONF * len(again[0].words):
        return False
    old, new = line_text(first[0].words), line_text(again[0].words)
    if _UPPER.sub("", old) != _UPPER.sub("", new) or len(_UPPER.findall(new)) <= len(_UPPER.findall(old)):
        return False
    return not _words_unmade(old, new)


def _words_unmade(old: str, new: str) -> bool:
    """Does ``new`` spell as no words Thai that ``old`` spelt as words (``lexicon.all_words``)? A quotation mark's ink
    stands where marks do: read over it, ``"ไม่รับของขวัญ"`` gained a mai tho, ``รั้บ`` (standard seed 7 doc 13; worn
    148 doc 18 and blind worn 188 doc 11 likewise, ``รั้บ``, ``รับ์``)."""
    from ocr_pipeline.clean.lexicon import all_words

    runs_old, runs_new = THAI_RUN.findall(old), THAI_RUN.findall(new)
    return all(all_words(r) for r in runs_old) and not all(all_words(r) for r in runs_new)


def _crop(gray: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """A box's crop with the margin ``_read_crops`` gives it (10 px left and right, 3 above and below)."""
    x0, y0, x1, y1 = box
    return gray[max(y0 - 3, 0) : y1 + 3, max(x0 - 10, 0) : x1 + 10]


def _read_side_by_side(
    crops_and_boxes: list[tuple[np.ndarray, tuple[int, int, int, int]]], ocr
) -> list[tuple[Line, int, int] | None]:
    """Each crop (``_crop`` of its box) read with ``tha`` as one text line: the crops stand side by side on one
    canvas, their bottoms level, far apart, read in one call (``--psm 7``); each gets the words that fall in
    its stretch, with the shift of their boxes back onto the page."""
    crops = [c for c, _b in crops_and_boxes]
    boxes = [b for _c, b in crops_and_boxes]
    tallest = max(c.shape[0] for c in crops)
    width = sum(c.shape[1] + GAP for c in crops) + GAP
    canvas = np.full((tallest + 2 * GAP, width), 255, dtype=np.uint8)
    places, x = [], GAP
    for c, box in zip(crops, boxes):
        top = GAP + tallest - c.shape[0]
        canvas[top : top + c.shape[0], x : x + c.shape[1]] = c
        ox, oy = _origin(box)
        places.append((x, x + c.shape[1], ox - x, oy - top))
        x += c.shape[1] + GAP
    read = [w for ln in ocr(Image.fromarray(canvas), psm=7, langs="tha") for w in ln.words]
    out: list[tuple[Line, int, int] | None] = []
    for left, right, dx, dy in places:
        got = [w for w in read if left - GAP / 2 <= (w.box[0] + w.box[2]) / 2 < right + GAP / 2]
        if not got:
            out.append(None)
            continue
        got[0] = Word(got[0].text, got[0].box, got[0].conf, False)
        out.append((Line(text=line_text(got), box=union_box(w.box for w in got), words=got), dx, dy))
    return out


def _read_crops(
    gray: np.ndarray, boxes: list[tuple[int, int, int, int]], ocr, psm: int = 6
) -> list[tuple[Line, int, int] | None]:
    """Each box's crop read with ``tha`` (all on one canvas, one call, in page segmentation mode ``psm``): the
    biggest line read in it (fragments of the neighbouring lines may come along) with the shift of its boxes
    back onto the page."""
    return read_images([(_crop(gray, b), _origin(b)) for b in boxes], ocr, psm)


def _origin(box: tuple[int, int, int, int]) -> tuple[int, int]:
    """Where ``_crop`` of ``box`` starts on the page."""
    return max(box[0] - 10, 0), max(box[1] - 3, 0)


def read_images(
    crops_at: list[tuple[np.ndarray, tuple[int, int]]], ocr, psm: int
) -> list[tuple[Line, int, int] | None]:
    """``_read_crops`` of crops already cut, each with its origin on the page: the largest line read in each crop."""
    return [_largest(got, dx, dy) for got, dx, dy in read_image_lines(crops_at, ocr, psm)]


def _largest(got: list[Line], dx: int, dy: int) -> tuple[Line, int, int] | None:
    """The largest of a crop's lines with its shift back onto the page (fragments of the neighbouring lines may come
    along), or None without any."""
    new = max(got, key=lambda ln: (ln.box[2] - ln.box[0]) * (ln.box[3] - ln.box[1])) if got else None
    return (new, dx, dy) if new is not None else None


def read_image_lines(
    crops_at: list[tuple[np.ndarray, tuple[int, int]]], ocr, psm: int
) -> list[tuple[list[Line], int, int]]:
    """Crops already cut, each with its origin on the page, read in one call on one canvas: the lines with words read
    in each crop, from the top, and the offset from the canvas to the page."""
    canvas, bands = _canvas([c for c, _o in crops_at])
    read = ocr(Image.fromarray(canvas), psm=psm, langs="tha")
    return _in_bands(read, bands, [o for _c, o in crops_at])


def _canvas(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The crops stacked on one white canvas, ``GAP`` apart and around, and the band (top, bottom) of each."""
    width = max(c.shape[1] for c in crops) + 2 * GAP
    height = sum(c.shape[0] + GAP for c in crops) + GAP
    canvas = np.full((height, width), 255, dtype=np.uint8)
    bands, y = [], GAP
    for c in crops:
        canvas[y : y + c.shape[0], GAP : GAP + c.shape[1]] = c
        bands.append((y, y + c.shape[0]))
        y += c.shape[0] + GAP
    return canvas, bands


def _in_bands(
    read: list[Line], bands: list[tuple[int, int]], origins: list[tuple[int, int]]
) -> list[tuple[list[Line], int, int]]:
    """The lines read on a canvas, band by band (``_canvas``), with each band's offset from the canvas to the page."""
    out: list[tuple[list[Line], int, int]] = []
    for (top, bottom), (ox, oy) in zip(bands, origins):
        got = [ln for ln in read if ln.words and top - GAP / 2 <= (ln.box[1] + ln.box[3]) / 2 < bottom + GAP / 2]
        out.append((sorted(got, key=lambda ln: ln.box[1]), ox - GAP, oy - top))
    return out


_JANUARY_KEY = "มค"  # ม.ค. and มี.ค. without marks and dots: the one pair of months a lost mark confuses


def _month_word(line: Line, marked: bool) -> Word | None:
    """The first word of the token of ``line`` that spells ม.ค. (``marked``: มี.ค.), if any (Tesseract may
    part ``ม.`` from ``ค.``)."""
    for a, b in line.token_ranges():
        text = "".join(w.text for w in line.words[a:b])
        if month_key(text) == _JANUARY_KEY and text.startswith("มี") == marked:
            return line.words[a]
    return None


def _with_marks_above(gray: np.ndarray, box: tuple[int, int, int, int], lines: list[Line]) -> tuple[int, int, int, int]:
    """``box`` grown upward over the ink that stands right above it (a mark the word's box left out), up
    to the line above and ``MARK_REACH`` of the box's height at most."""
    x0, y0, x1, y1 = box
    h = max(y1 - y0, 1)
    # the line above, not a mark or a speck read as a line of its own (a worn ี came out as ``-.``); where its
    # letters stand, not where its lowest box ends (Tesseract boxes a dot down to the next line: fresh worn seed
    # 92 doc 13, ต.ค.'s dot over มี.ค. left no room for the ี)
    above = [
        int(np.median([w.box[3] for w in ln.words]))
        for ln in lines
        if ln.words
        and ln.box[3] <= y0
        and ln.box[0] < x1
        and ln.box[2] > x0
        and ln.box[3] - ln.box[1] >= LINE_SHARE * h
    ]
    limit = max([y0 - int(MARK_REACH * h), 0, *above])
    ink = [int(n) > 0 for n in np.count_nonzero(gray[limit:y0, x0:x1] < INK, axis=1)]
    top = y0
    for y in range(y0 - 1, limit - 1, -1):
        if ink[y - limit]:
            top = y
        elif top - y > MARK_GAP * h:
            break
    return x0, top, x1, y1


NUMBER_WORD = re.compile(r"^[(-]?[0-9๐-๙]+(?:[./:-][0-9๐-๙]*)*[)-]?$")


def _numbers_kept(words: list[Word], before_words: list[Word]) -> list[Word]:
    """The re-read ``words`` with each number put back as first read, where a Thai number stood under
    it: the span only came for the Latin garbage beside it, and digits are the digit reader's, which
    reads them next from the pixels (``A.A. ๒๕๒๕`` re-read ``ต.ค. ๒๕๐๕``: the year is not this rule's).
    A number is the run of digit words glued together as first read (one word per digit): a Thai number the
    OCR wrote a Latin digit into (``๒๕5๐``) is one too, whichever of its words a re-read digit stands over
    (standard seed 7 doc 37: ``๒๕5๐`` re-read ``๒๕๐๐`` where the re-read ๐ stood over the 5 alone)."""
    numbers: list[list[Word]] = []
    for b in before_words:
        if not NUMBER_WORD.match(b.text):
            numbers.append([])
        elif numbers and numbers[-1] and not b.space_before:
            numbers[-1].append(b)
        else:
            numbers.append([b])
    numbers = [n for n in numbers if any(THAI_DIGIT.search(b.text) for b in n)]
    out: list[Word] = []
    used: set[int] = set()
    for w in words:
        under = [k for k, n in enumerate(numbers) if any(_overlaps(w.box, b.box) for b in n)]
        if not NUMBER_WORD.match(w.text) or not under:
            out.append(w)
            continue
        for k in under:
            if k not in used:
                used.add(k)
                out += [
                    Word(b.text, b.box, b.conf, w.space_before if i == 0 else b.space_before)
                    for i, b in enumerate(numbers[k])
                ]
    return out


BRACKET_WIDE = 1.5  # a glyph this many times as wide as the reading's typical one holds a bracket too


def _brackets_kept(words: list[Word], before_words: list[Word]) -> list[Word]:
    """The re-read ``words`` with the bracket that opened (closed) the first reading put back, where the re-reading
    dropped it and its first (last) glyph's box is wide enough to hold the bracket beside the letter: the crop's
    reading took the bracket into the letter's box (fresh standard seed 147 doc 17: ``(sau`` re-read ``รอบ``, the ร 65
    pixels wide beside the อ and บ's 31 and 35; the subject lost its opening bracket). A bracket the first reading
    made of a letter's stroke (``(A`` re-read ``ได้``, the ได no wider than two letters) is not put back."""
    if len(words) < 2:
        return words
    widths = sorted((w.box[2] - w.box[0]) / max(len(_BASE_LETTER.findall(w.text)), 1) for w in words)
    typical = widths[len(widths) // 2]
    out = list(words)
    for k, bracket, held in ((0, "(", before_words[0].text.startswith), (-1, ")", before_words[-1].text.endswith)):
        w = out[k]
        if not held(bracket) or bracket in line_text(out) or len(_BASE_LETTER.findall(w.text)) != 1:
            continue
        if w.box[2] - w.box[0] >= BRACKET_WIDE * typical:
            out[k] = Word(bracket + w.text if k == 0 else w.text + bracket, w.box, w.conf, w.space_before)
    return out


def _trimmed(line_words: list[Word], start: int, end: int, words: list[Word]) -> tuple[int, int, list[Word]]:
    """The span [start, end) of ``line_words`` and its new ``words`` without the words at either end that
    the reading left as they were (a number kept as first read): a correction holds only what it changed
    (``A.A.`` -> ``ต.ค.``, not ``A.A. ๒๕๒๕`` -> ``ต.ค. ๒๕๒๕``)."""
    first_space = words[0].space_before
    while len(words) > 1 and end - start > 1 and words[-1].text == line_words[end - 1].text:
        words, end = words[:-1], end - 1
    while len(words) > 1 and end - start > 1 and words[0].text == line_words[start].text:
        words, start = words[1:], start + 1
        first_space = line_words[start].space_before
    words[0] = Word(words[0].text, words[0].box, words[0].conf, first_space)
    return start, end, words


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two boxes that share at least half the narrower one's width."""
    shared = columns_shared(a, b)
    return shared > 0 and 2 * shared >= min(a[2] - a[0], b[2] - b[0])


def _without_stray_marks(words: list[Word]) -> list[str]:
    """Each word's text without the marks that no consonant carries, looking across an unspaced word
    boundary (``ต.`` + ``ุค.``)."""
    out: list[str] = []
    for w in words:
        before = out[-1][-1:] if out and out[-1] and not w.space_before else " "
        out.append(drop_stray_marks(before + w.text)[1:])
    return out


def _lone_letter(text: str) -> bool:
    """A reading that is one Thai consonant standing alone, and no one-letter word."""
    bare = text.strip()
    return len(bare) == 1 and "\u0e01" <= bare <= "\u0e2e" and bare not in ONE_LETTER_WORDS


ERA_LETTER = "\u0e28"  # ศ: what is left of พ.ศ. when its พ and dots are lost
_YEAR_AFTER = re.compile("^\\s*[๐-๙0-9]{4}")


def _era_between_month_and_year(words: list[Word], start: int, end: int, text: str) -> bool:
    """Is the lone letter ``text``, read for ``words[start:end]``, the era's ศ between a month's name and a year (``พฤษภาคม
    WA ๒๕๖๔`` re-read ``ศ``, พ.ศ.'s พ lost: fresh standard seed 143 doc 6's memo date)? The only word written there."""
    if text.strip() != ERA_LETTER:
        return False
    before = line_text(words[:start]).rsplit(" ", 1)[-1]
    return month_key(before) in month_keys() and _YEAR_AFTER.match(line_text(words[end:])) is not None


def _in_a_years_place(words: list[Word], start: int, before: str, text: str) -> bool:
    """Is a re-reading of Latin garbage right after a month's abbreviation Thai letters that spell neither a month nor
    the era? A year stands there: ``๑ ต.ค. Ded`` (๖๗) re-read ``เข่ง``, ``๓๐ ก.ย. oe`` (๖๙) re-read ``เขคง`` (fresh
    standard seed 221 doc 11, worn 222 doc 8); left as read, the digit reader reads it (``Ded`` -> ๖๗ in the next cell)."""
    previous = next(("".join(w.text for w in words[a:b]) for a, b in token_ranges(words) if b == start), "")
    if THAI_LETTER.search(before) or "." not in previous:  # the month's token: Tesseract gives ``ต.`` + ``ค.``
        return False
    if not _spells_month(previous) or any(_spells_month(t) for t in text.split()):
        return False
    return month_key(text) != ERA_KEY


def _words_height(sp: _Span) -> int:
    words = sp.line.words[sp.start : sp.end]
    return max(w.box[3] for w in words) - min(w.box[1] for w in words)


def _thai_letters(text: str) -> str:
    return "".join(THAI_LETTER.findall(text))


_BASE_LETTER = re.compile("[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e44]")  # consonants and vowels on the line
_NOT_THAI_WORD = re.compile("[0-9๐-๙A-Za-z]")


def _letters_kept(before: str, after: str) -> bool:
    """Does a re-reading keep, in order, the consonants and vowels of the first reading's Thai words (tokens
    without a digit or a Latin letter: a letter glued to a number, ``๒๕“ว``, is garbage)? The rule reads Latin
    garbage as Thai; Thai that ``tha+eng`` read is right more often than the crop's re-reading (``"ไม``
    re-read ``"(ม``, ``|ด้`` re-read ``ต้``): in 19 corpora such re-readings were 6 harmful, 5 right and 11
    neither (stop 25); two of the right ones dropped a letter read twice, which stays allowed."""
    kept = [ch for tok in before.split() if not _NOT_THAI_WORD.search(tok) for ch in _BASE_LETTER.findall(tok)]
    read = _BASE_LETTER.findall(after)
    it = iter(read)
    if all(ch in it for ch in kept):
        return True
    # ... or drops one of a letter read twice (``ไ"ไม`` re-read ``"ไม``, ``ผู้ ผู`` re-read ``ผู``: both right)
    return any(kept[i] == kept[i + 1] and kept[:i] + kept[i + 1 :] == read for i in range(len(kept) - 1))


NEIGHBOUR_LETTERS = 10  # Thai letters at least of a re-reading that may be its neighbour line's read again
NEIGHBOUR_SHARE = 0.5  # ... whose box shares at least this share of the lower box's height with its line's
NEIGHBOUR_LIKE = 80.0  # rapidfuzz partial ratio of the two lines' Thai letters at which it is


def _neighbour_read_again(text: str, line: Line, lines: list[Line]) -> bool:
    """Is a re-reading the text of a line its line's box runs into, read again (fresh worn seed 170 doc 2: the marks
    over ``เรียน นายกเทศมนตรีตำบลซึ้ง`` read as ``a alo``, a line whose box reached half-way down the text, re-read
    as ``เรียน นายกเทศมนตรีตํ``: a second addressee line, and the one the memo took)? Such a line holds no text of its
    own: it stays as read, for the noise rules."""
    letters = _thai_letters(text)
    if len(letters) < NEIGHBOUR_LETTERS:
        return False
    for other in lines:
        if other is line or not other.words:
            continue
        shared = min(line.box[3], other.box[3]) - max(line.box[1], other.box[1])
        if shared < NEIGHBOUR_SHARE * min(line.box[3] - line.box[1], other.box[3] - other.box[1]):
            continue  # a line above or below it (lines' boxes touch where their marks reach)
        if not _overlaps(line.box, other.box):
            continue  # a line beside it (a table's next cell)
        if fuzz.partial_ratio(letters, _thai_letters(other.text)) >= NEIGHBOUR_LIKE:
            return True
    return False


def _covered(words: list[Word], start: int, end: int, box) -> tuple[int, int]:
    """The span [start, end) widened to the neighbouring words whose centre lies inside its box:
    Tesseract sometimes gives a garbage word a box over the whole line, and the re-reading of that
    box then holds those words too."""

    def inside(w: Word) -> bool:
        return box[0] <= (w.box[0] + w.box[2]) / 2 <= box[2]

    while start > 0 and inside(words[start - 1]):
        start -= 1
    while end < len(words) and inside(words[end]):
        end += 1
    return start, end


NOISE_CONF = 45.0
_NUMBERED = re.compile(r"[0-9๐-๙][0-9๐-๙.]*/[0-9๐-๙]")  # a document number after its prefix
# shapes of text, not of specks: a bracket, an abbreviation with its dots (a month read as ``7.8.``), an
# item number (``4.``); on the standard scans (seed 11) such removals took real text 7 times in 8
_TEXT_SHAPE = re.compile(r"[()]|^[0-9A-Za-z]\.[0-9A-Za-z]\.?$|^[0-9]{1,2}\.$")


SPECK_HEIGHT = 0.25  # a mark under this share of the text's height is a speck (dust, a dot)
PICTURE_HEIGHT = 1.4  # one over this share is a picture, a stamp or a signature, not a line of text


def _text_sized(words: list[Word], text_height: int) -> bool:
    """A token as tall as text: Latin garbage there is mostly text the scan destroyed, and dropping
    it as a speck claims what is not so (standard scans seed 11, lines and cells: 12 of 29 such drops
    faced no truth text; specks and pictures: 22 of 27). None is text-sized when the page has no Thai
    to measure."""
    if not text_height:
        return False
    height = max(w.box[3] for w in words) - min(w.box[1] for w in words)
    return SPECK_HEIGHT * text_height <= height <= PICTURE_HEIGHT * text_height


SARA_A = "\u0e30"  # ะ


def _doubled_sara_a(line: Line, page: int, anchors: list[Anchor] | None) -> list[Correction]:
    """Tesseract sometimes writes a word's ะ twice, breaking the word after it (``และ ะความ`` for และความ,
    ``ระยะ ะเวลา`` for ระยะเวลา): a word that is a lone ะ after a space, right after a ะ, goes, and the
    word after it joins the one before (no Thai word starts with ะ)."""
    out: list[Correction] = []
    k = 1
    while k < len(line.words) - 1:
        w, prev, nxt = line.words[k], line.words[k - 1], line.words[k + 1]
        if w.text == SARA_A and w.space_before and prev.text.endswith(SARA_A) and not nxt.space_before:
            out.append(Correction(page, "pages.text", SARA_A, "", "noise", round(w.conf, 1)))
            if anchors is not None:
                around = (line_text(line.words[:k])[-CONTEXT_CHARS:], line_text(line.words[k + 1 :])[:CONTEXT_CHARS])
                anchors.append(Anchor(line, prev, nxt, False, around))
            del line.words[k]
            continue
        k += 1
    return out


_DAY_OR_YEAR = re.compile(r"^[0-9๐-๙]{1,4}$")


def _dated_start(lines: list[Line], at: int, text_height: int) -> str:
    """The first token of the next line under ``lines[at]`` (overlapping it, its top below this line's and within
    two text heights of its bottom) where it is a month, a day or a year: a period written ``ตุลาคม ๒๕๖๖`` / ``-`` /
    ``กันยายน ๒๕๖๗`` down its cell, whose dash alone on its line is the range's (it went as a speck in six worn
    documents of seeds 22 to 104); "" otherwise."""
    line = lines[at]
    for nxt in lines[at + 1 :]:
        if not nxt.words or not (nxt.box[0] < line.box[2] and line.box[0] < nxt.box[2]):
            continue
        if not (nxt.box[1] > line.box[1] and nxt.box[1] - line.box[3] <= 2 * text_height):
            return ""  # Thai boxes overlap: the next line's top may stand above this one's bottom
        a, b = nxt.token_ranges()[0]
        start = "".join(w.text for w in nxt.words[a:b])
        return start if month_key(start) in month_keys() or _DAY_OR_YEAR.match(start) else ""
    return ""


_SIGN = re.compile(r"[.,:;'`]")


def _sliver_letter(words: list[Word], text: str, text_height: int) -> bool:
    """A Thai letter and a sign Tesseract doubts (every character under ``NOISE_CONF``) on ink narrower than a speck's
    share of the text's height: no letter is that thin (``ก.`` at 7 % on 3 pixels after the addressee's place: fresh
    worn seed 136 doc 8). A letter alone stays: a worn ``ร`` or ``น`` can come out as thin (worn seed 124 docs 7, 12)."""
    width = max(w.box[2] for w in words) - min(w.box[0] for w in words)
    return (
        bool(text_height)
        and THAI_CONSONANT.search(text) is not None
        and _SIGN.search(text) is not None
        and len(_BASE_LETTER.findall(text)) <= 2
        and max(w.conf for w in words) < NOISE_CONF
        and width < SPECK_HEIGHT * text_height
    )


MARK_LINE = 0.6  # x the page's Thai glyph height: a line of digits or signs lower than this over a line of text


def drop_mark_lines(lines: list[Line], page: int, anchors: list[Anchor] | None = None) -> list[Correction]:
    """Drop (rule ``noise``) each line of digits or signs, no Thai consonant in it, lower than ``MARK_LINE`` of the
    text's height and standing right over a line of text, most of its words within that line's columns: the marks of
    that line read apart (``๐ ๕ . | .`` over ``ระจําป ๒๕๒๐๑ รอบ``, the vowels of ประจำปี: fresh worn seed 152 doc 15, where
    the digit reader made it ``๐๘`` and the subject took it in). Run before the digits are read."""
    heights = sorted(w.box[3] - w.box[1] for ln in lines for w in ln.words if THAI_CONSONANT.search(w.text))
    text_height = heights[len(heights) // 2] if heights else 0
    corrections: list[Correction] = []
    for line in lines:
        if not line.words or not text_height or any(THAI_CONSONANT.search(w.text) for w in line.words):
            continue
        y0, y1 = min(w.box[1] for w in line.words), max(w.box[3] for w in line.words)
        if y1 - y0 >= MARK_LINE * text_height:
            continue
        under = [
            ln
            for ln in lines
            if ln is not line
            and (ln.box[1] + ln.box[3]) / 2 > y1
            and ln.box[1] <= y1 + text_height // 2
            and 2 * sum(ln.box[0] <= (w.box[0] + w.box[2]) / 2 <= ln.box[2] for w in line.words) >= len(line.words)
            and any(THAI_CONSONANT.search(w.text) for w in ln.words)
        ]
        if not under:
            continue
        text = line_text(line.words)
        corrections.append(Correction(page, "pages.text", text, "", "noise", round(max(w.conf for w in line.words), 1)))
        if anchors is not None:  # placed before the line whose marks they are, the line above on its left
            below = min(under, key=lambda ln: ln.box[1])
            head = line_text(below.words)[:CONTEXT_CHARS]
            anchors.append(Anchor(below, None, below.words[0], False, ("", head), across_lines=True))
        line.words = []
    return corrections


def drop_noise(
    lines: list[Line], page: int, anchors: list[Anchor] | None = None, cells: bool = False
) -> list[Correction]:
    """Remove specks read as text: short tokens of Latin letters, Arabic digits or symbols that
    Tesseract itself doubts (every character under 45 % confidence), that are no known word and that
    are far smaller or taller than the page's text (dust; a stamp, a picture), a doubted Thai letter with a sign
    on ink thinner than a speck (``_sliver_letter``), and lone bars (a
    ruling's remnant; ' | ' separates table cells in the page text). In table ``cells`` (a canvas of
    cut cells) a doubtful token of any size goes: specks there sit in the cells' empty margins. A token right
    before a number with a slash stays: it is the document number's prefix read as Latin letters
    (``ที่ UZ ๗๐๘๗๙/๒`` for นฐ), which the clean-up repairs from the province. ``anchors``, when
    given, gets each correction's ``Anchor`` (same order)."""
    corrections: list[Correction] = []
    heights = sorted(w.box[3] - w.box[1] for ln in lines for w in ln.words if THAI_LETTER.search(w.text))
    text_height = heights[len(heights) // 2] if heights else 0
    for at, line in enumerate(lines):
        corrections += _doubled_sara_a(line, page, anchors)
        keep: list[Word] = []
        ranges = line.token_ranges()
        texts = ["".join(w.text for w in line.words[a:b]) for a, b in ranges] + [_dated_start(lines, at, text_height)]
        for k, (a, b) in enumerate(ranges):
            words = line.words[a:b]
            text, after = texts[k], texts[k + 1]
            noise = (
                set(text) <= {"|"}
                or _sliver_letter(words, text, text_height)
                or (  # a bar: a rule remnant
                    len(text) <= 4
                    and all(ch.isascii() for ch in text)
                    and max(w.conf for w in words) < NOISE_CONF
                    and text.strip("().,:;-").lower() not in english_words()
                    and not _NUMBERED.match(after)
                    and not _TEXT_SHAPE.search(text)
                    and not (text == "-" and after)  # a range's dash or a bullet before the text it leads
                    and not (k and _ADDRESS_CUT.search(texts[k - 1]) and text.lower() == "h")
                    and (cells or not _text_sized(words, text_height))
                )
            )
            if noise:
                corrections.append(
                    Correction(page, "pages.text", text, "", "noise", round(max(w.conf for w in words), 1))
                )
                if anchors is not None:
                    around = (line_text(keep)[-CONTEXT_CHARS:], line_text(line.words[b:])[:CONTEXT_CHARS])
                    nxt = line.words[b] if b < len(line.words) else None
                    anchors.append(Anchor(line, keep[-1] if keep else None, nxt, False, around))
            else:
                keep.extend(words)
        if keep:
            keep[0].space_before = False
        line.words = keep
    return corrections
