"""Signature blocks: a line "(name)" over a position line, alone or side by side.

With blocks side by side, one line holds several "(name)" groups and the line below holds their
positions; on a scan each position word goes to the name above it (by x position), in a
transcript the position line is cut where a known position starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.lexicon import wdist
from ocr_pipeline.clean.thai_text import (
    ABOVE_BELOW,
    LEADING_VOWELS,
    THAI_CONSONANT,
    THAI_RUN,
    normalize_thai,
    without_marks,
)
from ocr_pipeline.model import Line, Page, Signatory, union_box
from ocr_pipeline.resources import load_list, load_table
from ocr_pipeline.understand.labels import (
    DIGIT_AFTER_TITLE,
    NAME_GROUP,
    bare_name_groups,
    name_groups,
    names_side_by_side,
    position_start_score,
    split_label,
    titled_names,
)

MEMO_TITLE = "บันทึกข้อความ"


@dataclass(frozen=True)
class SignatureBlock:
    """A signature block found on a page; ``readings``: other readings of its name (the name line
    read again from its pixels, ``Line.readings``), despecked, for the names' clean-up."""

    signatory: Signatory
    page: int
    readings: tuple[str, ...] = ()
    position_readings: tuple[str, ...] = ()  # the position line read again (one position only)
    page_reading: str | None = None  # the name line as the page read it, when that was no name line


def find_signatories(pages: list[Page]) -> list[tuple[Signatory, int]]:
    """(Signatory, page number) for every signature block, in reading order."""
    return [(b.signatory, b.page) for b in signature_blocks(pages)]


def signature_blocks(pages: list[Page]) -> list[SignatureBlock]:
    """Every signature block with the other readings of its name, in reading order."""
    found: list[SignatureBlock] = []
    for page in pages:
        if page.tables and MEMO_TITLE not in page.text.replace(" ", "")[:400]:
            continue  # table pages carry no signature blocks in these reports
        lines = sorted((ln for ln in page.lines if ln.text.strip()), key=lambda ln: ln.box[1])
        start = _after_addressee(lines)
        for i, line in enumerate(lines[start:], start=start):
            names, readings, garbled = name_groups(line.text), line.readings, None
            side = names_side_by_side(line.text)
            if not names and not readings and not titled_names(line.text) and not side:
                continue  # no name line: the position under it is not looked for
            below = _position_line(lines, i)
            if not names:
                names = bare_name_groups(line.text, below.text if below else None)
            if not names:
                names, readings = _names_read_again(line)
                garbled = line.text
            if len(side) > len(names):  # a name its closing bracket lost on the page, the readings lost too
                names, readings, garbled = side, line.readings, line.text
            if not names:
                continue
            positions = split_positions(line, below, len(names)) if below else [None] * len(names)
            others = other_readings(names, readings)
            again = tuple(below.readings) if below is not None and len(names) == 1 else ()
            for name, position, other in zip(names, positions, others):
                signatory = Signatory(name=name, position=position)
                found.append(SignatureBlock(signatory, page.number, other, again, garbled))
    return found


HEADER_LINES = 12  # a memo's header (title, division, number and date, subject, addressee) fits in these


def _after_addressee(lines: list[Line]) -> int:
    """Index of the first line after the memo's addressee line (เรียน … under เรื่อง …), 0 when
    there is none: a memo is signed under its body, so a bracketed line of its header is no name
    (the subject's ``(รอบ ๖ เดือน)`` with ๖ read ``เจ``, blind worn seed 110 doc 16). Only a
    header's lines count: an endorsement under a signature may start with เรียน too."""
    subject = False
    for i, line in enumerate(lines[:HEADER_LINES]):
        field = next(iter(split_label(line.text)), ("",))[0]
        subject = subject or field == "subject"
        if subject and field == "addressee":
            return i + 1
    return 0


def _names_read_again(line: Line) -> tuple[list[str], list[str]]:
    """(names, other readings) of a line whose page reading is no name line but whose reading
    again is (``ocr/name_lines.py`` reads lines with a bracket and a title again): the first such
    reading gives the names."""
    for k, reading in enumerate(line.readings):
        names = name_groups(normalize_thai(reading))
        if names:
            return names, line.readings[:k] + line.readings[k + 1 :]
    return [], []


def other_readings(names: list[str], readings: list[str]) -> list[tuple[str, ...]]:
    """For each name of a name line, its group in each other reading of the line: the group at
    the same place when a reading has as many groups, else the most similar one. A reading that lost
    one bracket of its pair (``(นางอธิกัญญ์ อุ่นศิริ``, fresh standard seed 107 doc 5) is a group too."""
    out: list[list[str]] = [[] for _ in names]
    for reading in readings:
        text = normalize_thai(reading)
        found = NAME_GROUP.findall(text) or titled_names(text) or name_groups(text) or OPENED_NAME.findall(text)
        groups = [g for g in (despeck(" ".join(g.split())) for g in found) if g]
        if not groups:
            continue
        for k, name in enumerate(names):
            if len(groups) == len(names):
                out[k].append(groups[k])
            else:
                best = max(groups, key=lambda g: fuzz.ratio(g, name))
                if fuzz.ratio(best, name) >= OTHER_READING_SIMILARITY:
                    out[k].append(best)
    return [tuple(o) for o in out]


OTHER_READING_SIMILARITY = 60.0  # a group of another reading with fewer or more groups is this name's
# a titled name after an opening bracket whose closing one is lost in the ink of the signature beside it, junk after
# it (``อ (นายธีระศักดิ์ งอยผาลา ใด กกง``: blind standard seed 191 doc 15, whose page reading lost the name's marks)
OPENED_NAME = re.compile(r"[(\[{]\s*((?:นางสาว|นาง|นาย)\s?[\u0e01-\u0e4e]{2,}\s[\u0e01-\u0e4e]{2,})(?=\s|$)")


SPECK = re.compile(
    r"(?:(?<=\s)|^)[.,:;'`‘’|_~]+(?=[\u0e01-\u0e4e])|^[.,:;'`‘’|_~\s\[]+"
    # a token of signs alone after a word; a slash only beside another sign (``…วัดโบสถ์ /. ปฏิบัติหน้าที่…``, the seam of
    # a post's two lines: fresh worn seed 174 doc 6; a slash alone may join two posts)
    r"|(?<=[\u0e01-\u0e4e])\s+/?[.,:;'`‘’|_~]+/?(?=\s|$)"
    # square brackets at the ends: names and posts are bracketed round (``นายก…แหลมงอบ]``: blind standard seed 153 doc 10)
    r"|[,:;'`‘’|_~\s\]]+$"
    # glued to a word's end before a space (not a dot: ดร. keeps it): ``นายบุญมี, พลเรือง`` (worn seed 98)
    r"|(?<=[\u0e01-\u0e4e])[,:;'`‘’|_~]+(?=\s)"
)


_DOT_FOR_SPACE = re.compile(r"(?<=[\u0e01-\u0e4e]{4})(?:\.|,[\u0e38\u0e39]?)(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


def _dot_for_space(text: str) -> str:
    """A dot OCR read for the space between a given and a family name (``นายสุธิกาญจน์.น้อยภู่``: worn seed 96), or a
    comma, with a speck's sara u under it (``นางลำไพ,ุภิรมย์ตระกูล``: blind worn seed 188 doc 12); not an abbreviation's
    dot (``ร.ต.สมชาย``): the only dot or comma of its token, after four letters or more."""
    out = []
    for token in text.split(" "):
        m = _DOT_FOR_SPACE.search(token)
        one = token.count(".") + token.count(",") == 1
        out.append(token[: m.start()] + " " + token[m.end() :] if m and one else token)
    return " ".join(out)


def despeck(text: str | None) -> str | None:
    """A name or position without the specks a stain or the signature leaves at a word's edge:
    ". ปลัดเทศบาล" -> "ปลัดเทศบาล", "นายทรงชัย .พฤฒิสาร" -> "นายทรงชัย พฤฒิสาร" (ดร. keeps its dot)."""
    if text is None:
        return None
    text = DIGIT_AFTER_TITLE.sub(r"\1", text.strip())
    before = None
    while before != text:  # a speck may hide another: "ตำบลต้า ' ."
        before, text = text, " ".join(SPECK.sub("", text).split())
    return _dot_for_space(text)


def with_agency(position: str | None, agency: str | None) -> str | None:
    """A position that ends with the document's agency name written apart or with a speck after
    it, the agency written as the gazetteer resolved it: "นายกองค์การบริหารส่วนตำบล ไผ่วง" ->
    "นายกองค์การบริหารส่วนตำบลไผ่วง", "ปลัดเทศบาลตำบลต้า." -> "ปลัดเทศบาลตำบลต้า"."""
    if not position or not agency:
        return position
    compact = position.replace(" ", "").rstrip(".,'`")
    tail = _agency_tail(compact, agency)
    if tail is None or position.endswith(" " + agency):
        return position
    start, seen = len(position), 0
    head = len(compact) - tail  # letters before the agency name
    for i, ch in enumerate(position):
        if ch == " ":
            continue
        if seen == head:
            start = i
            break
        seen += 1
    return position[:start] + agency


# sara am's circle read as a tone mark before its sara aa (``ลำป๊า`` for ลำปำ: fresh worn seed 210 doc 2, a clean 300-dpi copy)
_AM_READ_AS_TONE = re.compile("[\u0e48-\u0e4b]\u0e32")


def with_place(text: str, agency: str | None, place: str | None) -> str:
    """A position whose last letters are the agency's place name read with cheap confusions or with its marks lost or
    moved, written with the name as the gazetteer resolved it, when that makes it a known position (an addressee
    ``นายกเทศมนตรีตำบลบ้านต้อง`` for บ้านฆ้อง: fresh standard seed 115 doc 5); else ``text`` as it is."""
    if not agency or not place or len(place) < PLACE_LEAST or text.endswith(place):
        return text
    for size in (len(place), len(place) - 1, len(place) + 1):
        read, head = text[-size:], text[:-size]
        # or with its marks lost or moved, the same letters (``หัวยข้าวกำ`` for ห้วยข้าวก่ำ: blind standard seed 137 doc 15)
        near = (
            wdist(read, place) <= AGENCY_COST
            or without_marks(read) == without_marks(place)
            or _AM_READ_AS_TONE.sub("\u0e33", read) == place
        )
        if " " not in read and near and known_position(head + place, agency, place):
            return head + place
    # the place's last cluster cut off the line's end (``นายกเทศมนตรีตำบลกะ`` for …กะทู้: blind standard seed 131 doc
    # 19, worn 132 doc 18, the cluster read as a line of its own): the position ends in the place's front
    for size in range(len(place) - 1, PREFIX_LEAST - 1, -1):
        head = text[: len(text) - size]
        if text.endswith(place[:size]) and known_position(head, agency, place) and not _ends_in_place(head):
            return head + place
    # the place's front as printed and its rest read apart with confusions, as many letters of Thai (``ปลัดเทศบาลตำบลชะ
    # เน`` for …ชะไว: fresh standard seed 193 doc 1)
    front, _space, last = text.rpartition(" ")
    for size in range(len(place) - 1, PREFIX_LEAST - 1, -1):
        head, rest = front[: len(front) - size], place[size:]
        if (
            front.endswith(place[:size])
            and len(last) == len(rest)
            and THAI_RUN.fullmatch(last)
            and known_position(head, agency, place)
            and not _ends_in_place(head)
        ):
            return head + place
    return text


PREFIX_LEAST = 2  # letters of the place's front that must stand at the position's end


def _ends_in_place(head: str) -> bool:
    """Does the position ``head`` end in a place name already (a cut place then is no cut-off front)? Its last word
    is a level or type word (ตำบล, เทศบาลตำบล, …) when it does not."""
    return not head.endswith(("ตำบล", "เมือง", "นคร", "จังหวัด"))


def _agency_tail(compact: str, agency: str) -> int | None:
    """How many of the last letters of ``compact`` (a position without spaces) are the agency's name: as
    written, read one letter off (``ตุมใหญ่`` for ตูมใหญ่) or by cheap confusions of a few (``น่าคำ`` for น้ำคำ:
    worn seed 102 doc 3); None when it does not end with it."""
    if compact.endswith(agency):
        return len(agency)
    for size in (len(agency), len(agency) - 1, len(agency) + 1):
        read = compact[-size:]
        if size >= AGENCY_LEAST and (Levenshtein.distance(read, agency) <= 1 or wdist(read, agency) <= AGENCY_COST):
            return size
    return None


AGENCY_LEAST = 8  # letters: a shorter agency name is not matched one letter off
AGENCY_COST = 1.0  # weighted edits (``lexicon.wdist``) of an agency name read with cheap confusions
PLACE_LEAST = 4  # letters: a shorter place name is not matched by cheap confusions

_SPECK = rf"0-9A-Za-z.,:;'`|_~={ABOVE_BELOW}\-»«—–•*\"“”‘’"  # what OCR makes of a speck (``»``, ``—``: worn seed 98;
# ``=``: fresh worn seed 166 doc 13)
EDGE_JUNK = re.compile(
    # (at the front a Thai digit too: ``๑ . นายกองค์การบริหารส่วนตำบลดอนยาง``, fresh worn seed 218 doc 4; not at the end,
    # where an older report's post may carry its level: ``เจ้าพนักงานธุรการ ๔``)
    rf"^(?:[{_SPECK}\u0e50-\u0e59]{{1,3}}\s+|[{LEADING_VOWELS}][.,'`]?\s+|[ก-ฮ]\s+)+"
    rf"|(?:\s+[{_SPECK}]{{1,3}}|\s+[ก-ฮ])+$"
    # glued to the last word: a bracket with no pair, or a dot after a word no abbreviation (``ชำนาญการ.``,
    # ``ปลัดเทศบาล]``: fresh worn seed 112 docs 15, 10; ``นายก อบต.`` keeps its dot)
    r"|(?<=[\u0e01-\u0e4e]{6})[.\]\[|]+$"
    # glued to the first word: a dash or a sign (``-นายกองค์การบริหารส่วนตำบล…``: blind worn seed 158 doc 15)
    r"|^[-–—~_.,'`]+(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)  # a mark, a leading vowel with nothing after it (``เ.``) or a consonant (``น ปลัด…``, worn seed 96) alone: a speck


def drop_edge_junk(text: str | None) -> str | None:
    """A position without the short tokens of Latin letters, digits or lone marks OCR made of a speck
    at its ends ("6 นักวิเคราะห์นโยบายและแผน", "ปลัดเทศบาล 0", "์ รองปลัดเทศบาล -"); a position line has none."""
    if text is None or not THAI_CONSONANT.search(text):
        return text
    out = EDGE_JUNK.sub("", text)
    return out if THAI_CONSONANT.search(out) else text


def known_position(text: str, agency: str | None = None, place: str | None = None) -> bool:
    """Is ``text`` (spaces aside) made of positions, ranks and links of the vocabulary and the
    agency's name or place name only? ("นายกองค์การบริหารส่วนตำบลไผ่วง", "รองปลัดเทศบาล ปฏิบัติหน้าที่ปลัดเทศบาล")"""
    return _position_pieces(text, agency, place) is not None


def respaced_position(text: str, agency: str | None = None, place: str | None = None) -> str:
    """A known position (``known_position``) without the spaces OCR put inside one of its words:
    "ผู้ช่ว ยนักวิเคราะห์นโยบายและแผน" -> "ผู้ช่วยนักวิเคราะห์นโยบายและแผน"; a space between two
    words ("รองปลัดเทศบาล ปฏิบัติหน้าที่ปลัดเทศบาล") is kept, not one before the agency's place name
    ("นายกเทศมนตรีตำบล เขาน้อย") nor one before the rank that ends it ("นักประชาสัมพันธ์ ชำนาญการ"). Anything else is
    returned as it is."""
    from ocr_pipeline.clean.lexicon import ranks

    text = " ".join(text.split())
    pieces = _position_pieces(text, agency, place)
    if pieces is None or " " not in text:
        return text
    ends = set(pieces)
    compact = "".join(text.split())
    if place and compact.endswith(place):
        ends.discard(len(compact) - len(place))  # the place's name is written onto its post (worn seed 110 doc 8)
    for rank in ranks():  # and its rank (``นักประชาสัมพันธ์ ชำนาญการ``: blind worn seed 204 doc 2, seen after its
        if compact.endswith(rank):  # scoring; none of 753 truths' ranks is spaced)
            ends.discard(len(compact) - len(rank))
    out, seen = [], 0
    for ch in text:
        if ch == " ":
            if seen in ends:
                out.append(ch)
            continue
        out.append(ch)
        seen += 1
    return "".join(out)


def _position_pieces(text: str, agency: str | None, place: str | None) -> list[int] | None:
    """Where the vocabulary pieces of ``text`` (spaces aside) end, as offsets in its letters,
    preferring the cover with the fewest pieces; None when no cover exists."""
    from ocr_pipeline.clean.lexicon import position_vocabulary

    pieces = set(position_vocabulary().keys) | {p for p in (agency, place) if p}
    compact = "".join(normalize_thai(text).split())
    if not compact:
        return None
    longest = max(len(p) for p in pieces)
    # best[i]: (pieces, previous end) of the cover of compact[:i] with the fewest pieces
    best: dict[int, tuple[int, int]] = {0: (0, -1)}
    for i in range(1, len(compact) + 1):
        ways = [(best[j][0] + 1, j) for j in best if i - j <= longest and compact[j:i] in pieces]
        if ways:
            best[i] = min(ways)
    if len(compact) not in best:
        return None
    ends, at = [], len(compact)
    while at > 0:
        ends.append(at)
        at = best[at][1]
    return sorted(ends)


LOST_HEAD = 4  # characters a position's first word may have lost at its start (``ผู้`` of ผู้ช่วย, marks and all)


def head_restored(text: str, agency: str | None = None, place: str | None = None) -> str | None:
    """A position read without the first letters of its first word (``ช่วยนักวิเคราะห์นโยบายและแผน``: a signature's
    scribble over ``ผู้``, fresh standard seed 185 doc 0) with them put back, where exactly one vocabulary word so
    completes it into a known position (``known_position``); None otherwise (also for a known position)."""
    from ocr_pipeline.clean.lexicon import position_vocabulary

    compact = "".join(normalize_thai(text).split())
    if not compact or known_position(compact, agency, place):
        return None
    found = {
        piece[:j] + compact
        for piece in position_vocabulary().keys
        for j in range(1, min(LOST_HEAD, len(piece) - 1) + 1)
        if compact.startswith(piece[j:]) and known_position(piece[:j] + compact, agency, place)
    }
    return found.pop() if len(found) == 1 else None


@cache
def _continuations() -> tuple[str, ...]:
    """Words that open a second position line: acting for another post (``position_links.tsv``)."""
    return tuple(word for word, second in load_table("position_links.tsv") if second == "yes")


CONTINUATION_EDITS = 2  # a second position line starts with a continuation word read this many edits off
CONTINUATION_LETTER_EDITS = 1  # ... or its letters (marks aside) this many edits off
POSITION_LINE_GAP = 4  # lines of specks a second position line may stand below the first (a stamp, a scribble)


def _continues(text: str) -> bool:
    """Does ``text`` start with a word that continues a post (``ปฏิบัติหน้าที่``, also read
    ``ปฏิบัติหน้าทิ``: OCR drops marks; specks before it aside, ``, .ปฏิบัติหน้าที่…``: worn seed 92 doc 5)? Marks
    lost or changed cost nothing when the letters are within an edit (``ปฏิบัติหนาทิ``: three marks read wrong,
    fresh worn seed 140 doc 13)."""
    compact = "".join(normalize_thai(despeck(text) or "").split())
    letters = without_marks(compact)
    return any(
        Levenshtein.distance(compact[: len(word)], word) <= CONTINUATION_EDITS
        or _letters_near(letters, without_marks(word))
        for word in _continuations()
        if len(compact) > len(word)
    )


def _letters_near(letters: str, word: str) -> bool:
    """Does ``letters`` start with ``word`` within ``CONTINUATION_LETTER_EDITS``, its start cut a letter short or long
    (a letter read twice: ``ปฏิบั วัติหน้าที่…``, blind worn seed 204 doc 18, seen after its scoring)?"""
    return any(
        Levenshtein.distance(letters[:n], word) <= CONTINUATION_LETTER_EDITS
        for n in (len(word) - 1, len(word), len(word) + 1)
    )


@cache
def _endorsements() -> tuple[str, ...]:
    return tuple(load_list("endorsements.txt"))


def _endorsement(text: str) -> bool:
    """Does the line start with a superior's decision (``dictionaries/endorsements.txt``: ทราบ, อนุญาต …)?"""
    compact = "".join(normalize_thai(drop_edge_junk(text) or "").split())
    return compact.startswith(_endorsements())


def _position_line(lines: list[Line], index: int) -> Line | None:
    """The first line under a name line that reads as a position (within three lines): Thai
    text, not another name line nor a superior's decision (``ทราบ``); specks and scribbles read as Latin are
    passed over. A second line that continues the post ("ปฏิบัติหน้าที่ …") is joined to it."""
    for k in range(index + 1, min(index + 4, len(lines))):
        nxt = lines[k]
        if name_groups(nxt.text) or _endorsement(nxt.text):
            return None
        if len(THAI_CONSONANT.findall(nxt.text)) >= 3:
            if _scribble_over_position(nxt, lines[k + 1 : index + 4]):
                continue
            # the next line with Thai words, lines of specks passed over (``e 6 a 1``, ``, a '`` between
            # รองปลัด… and ปฏิบัติหน้าที่…: fresh worn seed 140 doc 14)
            # (a line Tesseract cut off the front of the second one, in its band, is passed over too: ``ปภิบัติ นาท``
            # over ``ฏิบัติหน้าที่ปลัด…``, a clean 300-dpi render, fresh seed 33 doc 1)
            later = _before_next_name(lines[k + 1 : k + 1 + POSITION_LINE_GAP])
            thai = [ln for ln in later if len(THAI_CONSONANT.findall(ln.text)) >= 3 and not _speck_letters(ln.text)]
            after = [ln for ln in thai if _continues(ln.text)][:1]
            if after:
                more = drop_edge_junk(despeck(after[0].text.strip())) or ""
                return Line(
                    text=(drop_edge_junk(nxt.text.strip()) or "") + " " + more,
                    box=nxt.box,
                    words=nxt.words + after[0].words,
                    readings=[r + " " + more for r in nxt.readings],
                )
            return nxt
    return None


def _before_next_name(lines: list[Line]) -> list[Line]:
    """``lines`` up to the next name line or superior's decision: the lines a position may go on over."""
    for n, line in enumerate(lines):
        if name_groups(line.text) or _endorsement(line.text):
            return lines[:n]
    return lines


SPECK_LETTERS = 6  # Thai letters: a line with fewer, no word of three letters or more among them, is specks


def _speck_letters(text: str) -> bool:
    """A short line of letters specks and a stamp made (``รอ 9/ สด`` between ``รองปลัด…`` and ``ปฏิบัติหน้าที่…``: blind worn
    seed 146 doc 13 lost the acting post): fewer than ``SPECK_LETTERS`` Thai letters and no known word of three letters
    or more."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    if len(THAI_CONSONANT.findall(text)) >= SPECK_LETTERS:
        return False
    words = known_words()
    return not any(len(t) >= 3 and t in words for t in tokenize("".join(normalize_thai(text).split())))


POSITION_START = 80.0  # a token starting a known position this well makes a line read as a position
POSITION_HINT = 70.0  # a line with no token starting a position this well may be a scribble


def _scribble_over_position(line: Line, later: list[Line]) -> bool:
    """Is ``line`` a signature or stamp read as text (``ฆ yy ๐ og, รจรณ``) with the real position
    line under it? Only when no token of ``line`` starts a known position and a later line of the
    block (before another name line) has one that does."""
    if _position_hint(line.text) >= POSITION_HINT:
        return False
    for other in later:
        if name_groups(other.text):
            return False
        if _position_hint(other.text) >= POSITION_START:
            return True
    return False


def _position_hint(text: str) -> float:
    """How well the best token of ``text`` starts a known position."""
    return max((position_start_score(tok) for tok in normalize_thai(text).split()), default=0.0)


def split_positions(name_line: Line, position_line: Line, count: int) -> list[str | None]:
    """The position line cut into ``count`` positions, one per name of the name line."""
    text = " ".join(position_line.text.split())
    if count == 1:
        return [text]
    if _has_geometry(name_line) and _has_geometry(position_line):
        by_x = _split_by_x(name_line, position_line, count)
        if by_x:
            return by_x
    return _split_by_vocabulary(text, count)


def _has_geometry(line: Line) -> bool:
    return bool(line.words) and line.box[2] > line.box[0]


def _tokens(line: Line) -> list[tuple[str, float]]:
    """Space-separated tokens of an OCR line with their x centres."""
    tokens = []
    for a, b in line.token_ranges():
        box = union_box(w.box for w in line.words[a:b])
        tokens.append((normalize_thai("".join(w.text for w in line.words[a:b])), (box[0] + box[2]) / 2))
    return tokens


def _split_by_x(name_line: Line, position_line: Line, count: int) -> list[str | None] | None:
    """Each token of the position line goes to the name whose bracket is nearest; the words as
    read give the places, the line's cleaned text (corrections applied) gives the text."""
    centres = [x for tok, x in _tokens(name_line) if "(" in tok or "[" in tok]
    if len(centres) != count:
        return None
    tokens = _tokens(position_line)
    owners = [min(range(count), key=lambda k: abs(centres[k] - x)) for _tok, x in tokens]
    pieces = _cleaned_tokens(position_line, [tok for tok, _x in tokens])
    parts: list[list[str]] = [[] for _ in range(count)]
    for piece, owner in zip(pieces, owners):
        if piece:
            parts[owner].append(piece)
    return [" ".join(p) or None for p in parts]


def _cleaned_tokens(line: Line, raw_tokens: list[str]) -> list[str]:
    """The line's cleaned text cut where its raw tokens start (aligned character by character)."""
    raw = " ".join(raw_tokens)
    clean = " ".join(line.text.split())
    if raw == clean:
        return raw_tokens
    starts, at = [], 0
    for tok in raw_tokens:
        starts.append(at)
        at += len(tok) + 1
    mapped = _map_offsets(raw, clean, starts[1:])
    cuts = [0] + [_at_space(clean, m) for m in mapped] + [len(clean)]
    return [clean[a:b].strip() for a, b in zip(cuts, cuts[1:])]


def _map_offsets(src: str, dst: str, offsets: list[int]) -> list[int]:
    """Where each offset of ``src`` falls in ``dst`` after aligning the two."""
    out = []
    ops = Levenshtein.opcodes(src, dst)
    for off in offsets:
        for op in ops:
            if op.src_start <= off < op.src_end or (op.src_start == op.src_end == off):
                if op.tag == "equal":
                    out.append(op.dest_start + off - op.src_start)
                else:
                    out.append(op.dest_start if off == op.src_start else op.dest_end)
                break
        else:
            out.append(len(dst))
    return sorted(out)


def _at_space(text: str, at: int) -> int:
    """The space nearest to ``at`` (a cut between two tokens), or ``at`` when there is none near."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    near = min(spaces, key=lambda i: abs(i - at), default=None)
    return near if near is not None and abs(near - at) <= 3 else at


def _split_by_vocabulary(text: str, count: int) -> list[str | None]:
    tokens = text.split()
    if len(tokens) < count:
        return [text] + [None] * (count - 1)
    if len(tokens) == count:
        return list(tokens)
    starts = sorted(range(1, len(tokens)), key=lambda k: -position_start_score(tokens[k]))[: count - 1]
    cuts = [0] + sorted(starts) + [len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in zip(cuts, cuts[1:])]
