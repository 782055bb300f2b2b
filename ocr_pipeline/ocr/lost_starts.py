"""Re-read the start of a line whose first letters Tesseract left out.

On bold or thick print Tesseract sometimes leaves a line's first cluster out of the line (``ณธรรมและ…`` for
คุณธรรมและ…, ``ลาคม`` for ตุลาคม: worn seed 22 docs 0 and 14, a subject's wrapped line and a period): its line
box starts right of ink that is plainly a glyph. That ink and the line's first token are read again with
``tha``; the letters the re-reading adds before the token are taken when its mean confidence is high and
they make a known word with the token's first letters (``คุ`` + ``ณธรรม``: คุณธรรม). The change is the first
token's (rule ``thai-reread``, like the re-reading of Latin garbage).

The same happens inside a line (``ส ปรายงาน`` for สรุปรายงาน: standard seed 7 doc 28, worn seeds 22 and 126): a
glyph-sized run of ink stands in the gap between two words, no word covers it, and one of the two reads as no word.
The two tokens are read again with the ink between them; the letters the re-reading adds between them are taken when
they make a known word with the letters on one side or both (``reread_lost_middles``).
"""

from __future__ import annotations

import re

import numpy as np

from ocr_pipeline.clean.thai_text import ABOVE_BELOW, TONES, normalize_thai, without_marks
from ocr_pipeline.model import Correction, Line, Word, union_box
from ocr_pipeline.ocr.latin_reread import ACCEPT_CONF, INK, THAI_LETTER, Anchor, context, read_images
from ocr_pipeline.ocr.tesseract import line_text

REACH = 2.0  # x line height: how far left of the first word unread ink is looked for
GAP = 0.35  # x line height: ink at most this far left of the first word belongs to the line
MIN_WIDTH = 0.2  # x line height: narrower ink is a speck
LETTER_GAP = 0.12  # x line height: ink columns this close are one run (the letters of a word)
MIN_HEIGHT = 0.3  # x line height: ink lower than this (a dot, a dash) is no lost glyph
MAX_ADDED = 3  # letters (marks aside) a re-reading may add before the line
ROW_INSET = 0.25  # x line height: another line's word whose middle lies this far inside the line's box is on its row
PAD = 6  # px around the re-read stretch
EDGE = 0.3  # x line height: a token's glyphs may reach this far beyond its words' boxes


def lost_start(gray: np.ndarray, line: Line) -> int | None:
    """The page column where ink left of the line's first word begins, when a glyph-sized run of ink stands
    right against it (at most ``GAP`` away, its columns joined across gaps narrower than ``LETTER_GAP``); else
    None."""
    words = [w for w in line.words if w.text.strip()]
    if not words or not THAI_LETTER.search(words[0].text):
        return None
    x0, y0, _x1, y1 = line.box
    h = y1 - y0
    left = max(0, int(x0 - REACH * h))
    if h <= 0 or x0 - left < 2:
        return None
    band = gray[y0:y1, left:x0] < INK
    ink = np.asarray(band.any(axis=0))
    if not ink.any():
        return None
    right = int(np.flatnonzero(ink)[-1])
    if band.shape[1] - 1 - right > GAP * h:
        return None
    start, step = right, max(2, int(LETTER_GAP * h))
    while start > 0 and ink[max(0, start - step) : start].any():
        start -= 1
    rows = np.flatnonzero(band[:, start : right + 1].any(axis=1))
    if right - start + 1 < MIN_WIDTH * h or rows[-1] - rows[0] + 1 < MIN_HEIGHT * h:
        return None
    return left + start


def reread_lost_starts(gray: np.ndarray, lines: list[Line], ocr, page: int, anchors: list[Anchor]) -> list[Correction]:
    """Put back the first letters Tesseract left out of ``lines`` (in place), read again from ``gray``;
    ``ocr`` as for ``latin_reread.reread_latin``; each correction's ``Anchor`` goes to ``anchors``."""
    todo = []
    for line in lines:
        start = lost_start(gray, line)
        if start is not None and line.words and not _read_elsewhere(line, start, lines):
            b = line.token_ranges()[0][1]
            x1 = max(w.box[2] for w in line.words[:b])
            todo.append((line, b, (start, line.box[1], x1, line.box[3])))
    if not todo:
        return []
    crops = [_padded(gray, box) for _line, _b, box in todo]
    corrections = []
    for (line, b, box), reading in zip(todo, read_images(crops, ocr, psm=6)):
        if reading is None:
            continue
        new, _dx, _dy = reading
        conf = sum(w.conf for w in new.words) / len(new.words)
        token = line_text(line.words[:b])
        added = _added_letters(line_text(new.words).replace(" ", ""), token)
        if conf < ACCEPT_CONF or added is None:
            continue
        added = _chosen_letters(added, token)
        if added is None:
            continue
        first = line.words[0]
        word = Word(added + first.text, union_box([first.box, box]), round(conf, 1), first.space_before)
        line.words[0] = word
        # the change is the whole first token's, which its letters join (``ณธรรมและ…`` -> ``คุณธรรมและ…``): the letters
        # alone before a letter that the line has elsewhere cannot be placed; the line before it is its left side
        anchors.append(Anchor(line, word, line.words[b - 1], True, context(line.words, 0, b), across_lines=True))
        corrections.append(
            Correction(page, "pages.text", token, line_text(line.words[:b]), "thai-reread", round(conf, 1))
        )
    return corrections


def _padded(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, tuple[int, int]]:
    """The page's stretch ``box`` with ``PAD`` pixels around it, and where it starts on the page (for ``read_images``)."""
    x0, y0, x1, y1 = box
    return gray[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD], (max(0, x0 - PAD), max(0, y0 - PAD))


def _read_elsewhere(line: Line, start: int, lines: list[Line], end: int | None = None) -> bool:
    """Do words of another line stand over the ink before ``line`` (from column ``start``), on its row (their middle
    well inside its box)? Tesseract read it as lines of its own (``ผู้`` / ``ขบ`` beside ``วยนักวิเคราะห์…``: fresh worn
    seed 124 doc 8), not lost it. A line above whose words reach down (``จัดทำรายงานการ`` over ``ช้จ่าย…`` in a cell:
    fresh worn seed 124 doc 11) is no such line."""
    x0, y0, _x1, y1 = line.box
    end = x0 if end is None else end
    for other in lines:
        if other is line:
            continue
        for w in other.words:
            bx0, by0, bx1, by1 = w.box
            if (
                bx0 < end
                and bx1 > start
                and y0 + ROW_INSET * (y1 - y0) <= (by0 + by1) / 2 <= y1 - ROW_INSET * (y1 - y0)
            ):
                return True
    return False


def _added_letters(read: str, token: str) -> str | None:
    """What ``read`` has before the letters of ``token`` (marks aside), with its marks: the letters a re-reading
    adds before the line's first token; None when it does not end in them or adds none or too many."""
    bare_read, bare_token = without_marks(read), without_marks(token)
    if not bare_token or not bare_read.endswith(bare_token):
        return None
    n = len(bare_read) - len(bare_token)
    if not 0 < n <= MAX_ADDED:
        return None
    starts = [i for i, ch in enumerate(read) if ch not in ABOVE_BELOW]  # where each letter stands
    added = read[: starts[n]]
    return added if THAI_LETTER.search(added) else None


_NO_TONES = str.maketrans("", "", TONES)
# letters of the token a word made with the added letters' marks changed must take in: ``ที่`` + ``นบ`` (the label ที่
# before a document number's prefix, read apart) made ทิน with sara ii read as sara i (worn seed 22 doc 12)
VARIANT_REACH = 3
_VOWEL_TWINS = str.maketrans("\u0e34\u0e35", "\u0e35\u0e34")  # sara i and sara ii


def _mark_readings(added: str) -> list[str]:
    """The added letters as read, then without their tone marks, then with sara i and sara ii swapped too: marks on
    bold or thick print are the re-reading's least sure part (``ปิ่`` + ``งบประมาณ`` for ปีงบประมาณ: fresh worn seed 134
    doc 4, a subject's wrapped line)."""
    bare = added.translate(_NO_TONES)
    return list(dict.fromkeys([added, bare, bare.translate(_VOWEL_TWINS)]))


def _chosen_letters(added: str, token: str) -> str | None:
    """The reading of the added letters (as read, or with their marks changed: ``_mark_readings``) whose known word
    reaches furthest into the token (ปีงบประมาณ, not ปิง); a changed reading only when its word takes in
    ``VARIANT_REACH`` letters of the token or more; None when none makes a word."""
    readings = _mark_readings(added)
    reach = {a: n for a in readings if (n := _word_reach(a, token)) and (a == readings[0] or n >= VARIANT_REACH)}
    return max(reach, key=lambda a: reach[a]) if reach else None


def _word_reach(added: str, token: str) -> int:
    """How many of the token's letters the known word the added letters start takes in (0: none, or no word)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    joined = tokenize(normalize_thai(added + token))
    if not joined or joined[0] not in known_words():
        return 0
    return max(0, len(joined[0]) - len(normalize_thai(added)))


def lost_middle(gray: np.ndarray, line: Line, k: int) -> tuple[int, int] | None:
    """The page columns of a glyph-sized run of ink in the gap before ``line.words[k]`` (a token's first word), with
    Thai letters on both sides; else None."""
    words = line.words
    left, right = words[k - 1], words[k]
    if not (THAI_LETTER.search(left.text) and THAI_LETTER.search(right.text)):
        return None
    _x0, y0, _x1, y1 = line.box
    h = y1 - y0
    gx0, gx1 = left.box[2], right.box[0]
    if h <= 0 or gx1 - gx0 < MIN_WIDTH * h:
        return None
    band = gray[y0:y1, gx0:gx1] < INK
    cols = np.flatnonzero(band.any(axis=0))
    if not len(cols):
        return None
    rows = np.flatnonzero(band[:, cols[0] : cols[-1] + 1].any(axis=1))
    if cols[-1] - cols[0] + 1 < MIN_WIDTH * h or rows[-1] - rows[0] + 1 < MIN_HEIGHT * h:
        return None
    return gx0 + int(cols[0]), gx0 + int(cols[-1]) + 1


def reread_lost_middles(gray: np.ndarray, lines: list[Line], ocr, page: int, anchors: list[Anchor]) -> list[Correction]:
    """Put back the letters Tesseract left out between two words of ``lines`` (in place), read again from ``gray``
    with the two tokens around them; arguments as for ``reread_lost_starts``."""
    from ocr_pipeline.clean.lexicon import all_words

    todo = []
    for line in lines:
        ranges = line.token_ranges()
        for (ls, k), (_k, re_) in zip(ranges, ranges[1:]):
            sides = [normalize_thai(line_text(line.words[i:j])) for i, j in ((ls, k), (k, re_))]
            if all(all_words(side) for side in sides) or not all(without_marks(side) for side in sides):
                continue  # both sides read as words: nothing is missing between them
            ink = lost_middle(gray, line, k)
            if ink is None or _read_elsewhere(line, ink[0], lines, ink[1]):
                continue
            # Tesseract's box of a token's first glyph may start inside it: the crop reaches back towards the word before
            h = line.box[3] - line.box[1]
            x0 = min(w.box[0] for w in line.words[ls:k]) - int(EDGE * h)
            x0 = max(x0, line.words[ls - 1].box[2] + 1) if ls else x0
            x1 = max(w.box[2] for w in line.words[k:re_]) + int(EDGE * h)
            todo.append((line, ls, k, re_, ink, (x0, line.box[1], x1, line.box[3])))
    if not todo:
        return []
    crops = [_padded(gray, box) for *_rest, box in todo]
    corrections = []
    done: set[int] = set()
    for (line, ls, k, re_, ink, _box), reading in zip(todo, read_images(crops, ocr, psm=6)):
        if reading is None or id(line) in done:
            continue  # one gap a line: the indexes of the others move with it
        new = reading[0]
        conf = sum(w.conf for w in new.words) / len(new.words)
        left, right = line_text(line.words[ls:k]), line_text(line.words[k:re_])
        added = _added_between(line_text(new.words).replace(" ", ""), left.replace(" ", ""), right.replace(" ", ""))
        if conf < ACCEPT_CONF or added is None:
            continue
        joins = _joins(left.replace(" ", ""), added, right.replace(" ", ""))
        if joins is None:
            continue
        before = line_text(line.words[ls:re_])
        word = Word(added, (ink[0], line.box[1], ink[1], line.box[3]), round(conf, 1), not joins[0])
        line.words[k].space_before = not joins[1]
        line.words.insert(k, word)
        done.add(id(line))
        anchors.append(Anchor(line, line.words[ls], line.words[re_], True, context(line.words, ls, re_ + 1)))
        corrections.append(
            Correction(page, "pages.text", before, line_text(line.words[ls : re_ + 1]), "thai-reread", round(conf, 1))
        )
    return corrections


def _added_between(read: str, left: str, right: str) -> str | None:
    """What ``read`` has between the letters of ``left`` and ``right`` (marks aside), with its marks: the letters a
    re-reading adds between two tokens; None when it does not start and end with them or adds none or too many."""
    if THAI_LETTER.match(left):  # the crop's edges may take in a sign beside the tokens (``|สรุปรายงาน``)
        read = re.sub("^[^\u0e01-\u0e4e]+", "", read)
    if THAI_LETTER.match(right[-1:]) or right[-1:] in ABOVE_BELOW:
        read = re.sub("[^\u0e01-\u0e4e]+$", "", read)
    bare, bl, br = without_marks(read), without_marks(left), without_marks(right)
    if not bl or not br or not bare.startswith(bl) or not bare.endswith(br):
        return None
    n = len(bare) - len(bl) - len(br)
    if not 0 < n <= MAX_ADDED:
        return None
    starts = [i for i, ch in enumerate(read) if ch not in ABOVE_BELOW]  # where each letter stands
    added = read[starts[len(bl)] : starts[len(bl) + n]]
    # the marks over the left token's last letter are its own, not the added letters'
    return added if THAI_LETTER.match(added) else None


def _joins(left: str, added: str, right: str) -> tuple[bool, bool] | None:
    """Do the added letters make a known word with the letters on their left, their right (which sides), the text
    around them reading as words? None when they make none (``ส`` + ``รุ`` + ``ปรายงาน``: สรุป, both sides)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    a, b = len(normalize_thai(left)), len(normalize_thai(left + added))
    text = normalize_thai(left + added + right)
    at = 0
    for token in tokenize(text):
        end = at + len(token)
        if at < b and end > a:  # the word the added letters stand in
            if token not in known_words() or at > a or end < b or (at, end) == (a, b):
                return None  # no word, one that leaves some of the added letters out, or the added letters alone
            return at < a, end > b
        at = end
    return None
