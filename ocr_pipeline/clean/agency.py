"""Agency names and place mentions: find them in OCR text, parse them, resolve them per document.

A local administrative organisation is written type + place name ("เทศบาลตำบลกกโก", "ทต.กกโก",
"นายกเทศมนตรีตำบลกกโก", "อบต.ท่าแค"); its address as level word + name ("อำเภอเมืองลพบุรี",
"อ.เมือง จ.ลพบุรี"). ``find_mentions`` locates both kinds, OCR-garbled type words included
(fuzzy, see ``KEYWORD_MIN_SCORE``). ``parse_agency`` reads one name; ``resolve_places`` resolves
all mentions of one document to one gazetteer entry and writes the resolved spelling back.

>>> p = parse_agency("เทศบาลตําบลกกโก")
>>> (p.agency_type, p.name)
('เทศบาลตำบล', 'กกโก')
>>> parse_agency("ทต.กกโก").agency_type
'เทศบาลตำบล'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ocr_pipeline.clean import gazetteer as g
from ocr_pipeline.clean.gazetteer import Level, name_key
from ocr_pipeline.clean.thai_text import COMBINING, normalize_thai
from ocr_pipeline.resources import load_list, load_table
from ocr_pipeline.warning_text import warning

Kind = Literal["agency", "province", "district", "subdistrict"]
KeywordKind = Kind | Literal["word"]  # word: holds a level word but names no place (not_place_words.txt)

KEYWORD_MIN_SCORE = 80.0  # fuzz.ratio of a garbled type/level word to its canonical form
SHORT_KEYWORD_MIN_SCORE = 75.0  # for four-letter words (ตำบล): one misread letter
MAX_NAME_LEN = 30
TRUNCATION_PENALTY = 10.0  # reading a name as the front of a longer glued token
JOIN_PENALTY = 2.0  # reading a name across one OCR space

# Which levels of place an agency of each type is named after, most usual first.
NAME_LEVELS: dict[str, tuple[Level, ...]] = {
    "เทศบาลตำบล": ("subdistrict", "district"),
    "องค์การบริหารส่วนตำบล": ("subdistrict", "district"),
    "เทศบาลเมือง": ("subdistrict", "district", "province"),
    "เทศบาลนคร": ("subdistrict", "district", "province"),
    "องค์การบริหารส่วนจังหวัด": ("province",),
}
ALL_LEVELS: tuple[Level, ...] = ("subdistrict", "district", "province")

_THAI = "\u0e00-\u0e7f"
_NAME_CHAR = re.compile("[\u0e01-\u0e4e]")  # Thai letters, vowels, marks, ฯ ๆ; not Thai digits
_COMBINING = set(COMBINING)


@dataclass(frozen=True)
class AgencyType:
    """A kind of local administrative organisation (from ``dictionaries/agency_types.tsv``)."""

    name: str  # "เทศบาลตำบล"
    abbreviation: str  # "ทต."

    @property
    def name_levels(self) -> tuple[Level, ...]:
        return NAME_LEVELS.get(self.name, ALL_LEVELS)


@cache
def agency_types() -> tuple[AgencyType, ...]:
    """Agency types, longest name first."""
    rows = load_table("agency_types.tsv")
    types = [AgencyType(normalize_thai(r[0]), normalize_thai(r[1])) for r in rows if len(r) >= 2]
    return tuple(sorted(types, key=lambda t: -len(t.name)))


@dataclass(frozen=True)
class _Keyword:
    text: str  # canonical spelling, as it is written back
    kind: KeywordKind
    agency_type: str | None  # for kind == "agency"
    fuzzy: bool
    pattern: re.Pattern | None = None  # exact forms (abbreviations, short level words)


def _abbr_pattern(abbr: str) -> re.Pattern:
    letters = [c for c in abbr if c != "."]
    body = r"\s?\.?\s?".join(map(re.escape, letters))
    tail = r"\s?\." if len(letters) <= 2 else r"(?:\s?\.)?"  # ทน/ทม/ทต are words: need their dot
    return re.compile(f"(?<![{_THAI}]){body}{tail}")


@cache
def keywords() -> tuple[_Keyword, ...]:
    """Type words (long, officer and short forms) and level words, as found in text; and the words of
    ``dictionaries/not_place_words.txt`` (kind ``word``), which hold a level word that names no place."""
    out: list[_Keyword] = []
    for t in agency_types():
        out.append(_Keyword(t.name, "agency", t.name, True))
        if t.name.startswith("เทศบาล"):  # นายกเทศมนตรีตำบล… names the municipality too
            out.append(_Keyword("เทศมนตรี" + t.name[len("เทศบาล") :], "agency", t.name, True))
        out.append(_Keyword(t.abbreviation, "agency", t.name, False, _abbr_pattern(t.abbreviation)))
    for prefix, level, canonical, fuzzy in load_table("place_prefixes.tsv"):
        prefix, canonical = normalize_thai(prefix), normalize_thai(canonical)
        is_fuzzy = fuzzy.strip().lower() == "yes"
        pattern = None
        if not is_fuzzy:
            letters = prefix.rstrip(".")
            dot = r"\s?\." if prefix.endswith(".") else ""
            if prefix.endswith(".") and len(letters) == 1:  # อ. ต. จ. with the dot lost: a letter alone
                dot = rf"(?:\s?\.|\s(?=[{_THAI}]))"
            pattern = re.compile(f"(?<![{_THAI}.]){re.escape(letters)}{dot}")
        out.append(_Keyword(canonical if is_fuzzy else prefix, level, None, is_fuzzy, pattern))  # type: ignore[arg-type]
    for word in load_list("not_place_words.txt"):  # พนักงานส่วนตำบล: its ตำบล names no place
        word = normalize_thai(word)
        out.append(_Keyword(word, "word", None, False, re.compile(re.escape(word))))
    return tuple(out)


@dataclass(frozen=True)
class NameOption:
    """One way to read where the name ends: [start, end) in the line's text."""

    start: int
    end: int
    key: str  # name_key of the text
    penalty: float  # 0 for the whole token


@dataclass
class Mention:
    """An agency or place named in one text item.

    ``prefix_*`` is the type or level word ("เทศบาลตำบล", "อ.", a garbled "เทศบาลตบล");
    ``name_*`` the place name after it; offsets index the text as given (after
    ``normalize_thai``, which the clean stage applies before this one).
    """

    page: int | None
    field: str
    kind: Kind
    agency_type: str | None
    prefix_start: int
    prefix_end: int
    prefix_text: str
    prefix_canonical: str
    prefix_score: float
    options: tuple[NameOption, ...]
    weight: float = 1.0
    text: str = dataclasses.field(default="", repr=False)  # the whole item text (for spans)

    @property
    def name(self) -> str:
        """The whole token read as the name."""
        o = self.options[0]
        return self.text[o.start : o.end]


@dataclass(frozen=True)
class ParsedAgency:
    """An agency name split into its type and the place it is named after."""

    agency_type: str | None  # canonical long form, e.g. "เทศบาลตำบล"
    name: str
    type_text: str  # as written
    type_score: float

    @property
    def canonical(self) -> str:
        return f"{self.agency_type or ''}{self.name}"


def _fuzzy_spans(line: str, kw: str, min_score: float) -> list[tuple[int, int, float]]:
    """Approximate occurrences of ``kw`` in ``line`` as (start, end, score)."""
    found: list[tuple[int, int, float]] = []
    todo = [(0, len(line))]
    while todo:
        lo, hi = todo.pop()
        if hi - lo < max(2, len(kw) - 3):
            continue
        al = fuzz.partial_ratio_alignment(kw, line[lo:hi], score_cutoff=min_score)
        if al is None:
            continue
        s, e = _refine(line, kw, lo + al.dest_start, lo + al.dest_end, lo, hi)
        sc = fuzz.ratio(kw, line[s:e])
        if sc >= min_score and s < e:
            found.append((s, e, sc))
        todo.append((lo, s))
        todo.append((max(e, s + 1), hi))
    return found


def _refine(line: str, kw: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen/narrow a window by up to two characters each side to the best ratio."""
    # fewest edits, then the length closest to the keyword's (a misread last letter stays in)
    best = (-OSA.distance(kw, line[s:e]), -abs((e - s) - len(kw)), s, e)
    for ds in range(-2, 3):
        for de in range(-2, 3):
            s2, e2 = s + ds, e + de
            if s2 < lo or e2 > hi or e2 - s2 < 2:
                continue
            cand = (-OSA.distance(kw, line[s2:e2]), -abs((e2 - s2) - len(kw)), s2, e2)
            if cand[:2] > best[:2]:
                best = cand
    # never start on a combining mark or end before one
    s, e = best[2], best[3]
    while e < hi and line[e] in _COMBINING:
        e += 1
    while s > lo and line[s] in _COMBINING:
        s -= 1
    return s, e


# sara am's ring read as a tone mark before its sara aa (``อ๊าเภอเชียงคำ``: blind worn seed 150 doc 9, the district's
# word lost, its name left out, the agency's place ambiguous between two เวียง of พะเยา)
_RING_AS_TONE = re.compile("[\u0e48-\u0e4b]\u0e32")


def _ring_read_as_tone(text: str) -> tuple[str, list[int]]:
    """``text`` with each tone mark before sara aa read as sara am, and where each of its positions (and its end) stands
    in ``text``."""
    out, at, i = [], [], 0
    while i < len(text):
        at.append(i)
        if _RING_AS_TONE.match(text, i):
            out.append("\u0e33")
            i += 2
        else:
            out.append(text[i])
            i += 1
    at.append(len(text))
    return "".join(out), at


@lru_cache(maxsize=8192)
def _keyword_spans(text: str) -> tuple[tuple[int, int, float, _Keyword], ...]:
    """Non-overlapping keyword occurrences: agency type words first, then level words. Cached: a line is looked at
    by the gazetteer and again by the word repair (``lexicon.place_spans``), and lines recur across documents."""
    cands: list[tuple[int, int, float, _Keyword]] = []
    ringed, at = _ring_read_as_tone(text) if _RING_AS_TONE.search(text) else ("", [])
    for kw in keywords():
        if kw.pattern is not None:
            for m in kw.pattern.finditer(text):
                cands.append((m.start(), m.end(), 100.0, kw))
        elif kw.fuzzy:
            thr = SHORT_KEYWORD_MIN_SCORE if len(kw.text) <= 4 else KEYWORD_MIN_SCORE
            for s, e, sc in _fuzzy_spans(text, kw.text, thr):
                cands.append((s, e, sc, kw))
            if "\u0e33" in kw.text and ringed:
                for s, e, sc in _fuzzy_spans(ringed, kw.text, thr):
                    cands.append((at[s], at[e], min(sc, 99.0), kw))  # not as written: rewritten
    # agency words win over level words inside them (ตำบล in เทศบาลตำบล), as do words naming no place (พนักงาน
    # ส่วนตำบล); then score, then length
    cands.sort(key=lambda c: (c[3].kind not in ("agency", "word"), -c[2], -(c[1] - c[0])))
    taken: list[tuple[int, int, float, _Keyword]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    return tuple(sorted(taken, key=lambda c: c[0]))


@cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(w for w in thai_words() if len(w) >= 2)


def _is_word(s: str) -> bool:
    return s in _dictionary()


# Words that follow an agency's name in running text when no space separates them
# ("เทศบาลตำบลกกโกได้ดำเนินการ"). Only these end a name early: ordinary words (หลวง, ใหม่,
# ทอง ...) are parts of names.
FOLLOWING_WORDS = (
    "ได้",
    "จึง",
    "ขอ",
    "ประจำ",
    "ซึ่ง",
    "และ",
    "เพื่อ",
    "โดย",
    "มี",
    "เป็น",
    "ให้",
    "ร่วม",
    "ว่า",
    "ดำเนิน",
    "จัด",
    "กำหนด",
    "ประกาศ",
    "แล้ว",
    "ไม่",
    "ต่อ",
    "กับ",
    "จะ",
    "ยัง",
    "หรือ",
    "เรื่อง",
    "ตาม",
    "ของ",
    "เห็น",
    "พิจารณา",
    "ทราบ",
    "อนุมัติ",
    "รายงาน",
    "ที่",
    "ทั้ง",
    "อำเภอ",
    "จังหวัด",
)


def _starts_with_following_word(s: str) -> bool:
    return s.startswith(FOLLOWING_WORDS)


def _name_options(text: str, start: int, stop: int) -> tuple[NameOption, ...]:
    """Readings of the name that begins at ``start`` (``stop``: next keyword or end)."""
    i = start
    while i < stop and i - start < 2 and text[i] in " \t":
        i += 1
    j = i
    while (
        j < stop
        and j - i < MAX_NAME_LEN
        and (
            _NAME_CHAR.match(text[j])
            or (text[j] == "-" and j > i and j + 1 < stop and _NAME_CHAR.match(text[j + 1]))  # สุไหงโก-ลก
        )
    ):
        j += 1
    if j < len(text) and text[j] == ".":  # a name written with dots (จ.ป.ร., ระนอง)
        dotted = next((n for n in _dotted_names() if text.startswith(n, i)), None)
        if dotted is not None:
            return (NameOption(i, i + len(dotted), g.key_of_normalised(dotted), 0.0),)
    if j - i < 2:
        return ()
    if j < len(text) and text[j] == "." and j - i <= 2:
        return ()  # an abbreviation chain such as ต.ค. or ม.ค., not a name
    opts = [NameOption(i, j, g.key_of_normalised(text[i:j]), 0.0)]
    # an OCR space inside the name: "กก โก"
    if j < stop and text[j] == " " and j - i <= 12:
        k = j + 1
        while k < stop and k - j <= 6 and _NAME_CHAR.match(text[k]):
            k += 1
        if 1 < k - j - 1 <= 5:
            opts.append(NameOption(i, k, g.key_of_normalised(text[i:k]), JOIN_PENALTY))
    # the name glued to the next word: "กกโกได้ดำเนินการ"
    token = text[i:j]
    cuts = 0
    for c in range(2, min(len(token) - 1, 20)):
        if token[c] in _COMBINING or token[c - 1] in "\u0e40\u0e41\u0e42\u0e43\u0e44":
            continue
        if _starts_with_following_word(token[c:]):
            opts.append(NameOption(i, i + c, g.key_of_normalised(token[:c]), TRUNCATION_PENALTY))
            cuts += 1
            if cuts >= 10:
                break
    return tuple(opts)


@cache
def _dotted_names() -> tuple[str, ...]:
    """The gazetteer's names written with dots (the subdistrict จ.ป.ร. of ระนอง, blind standard seed 157 docs 2 and 6:
    its agency came out as ``…ตำบลองค์การบริหาร``), Thai-normalised, longest first."""
    names = {normalize_thai(p.name) for level in g.index().values() for p in level.places if "." in p.name}
    return tuple(sorted(names, key=len, reverse=True))


def _complete_keyword(line: str, s: int, e: int, score: float, word: str, stop: int) -> tuple[int, float]:
    """The end of a type or level word whose last letters OCR cut off with a space (``ตำบ ลปางตาไว``):
    the letters after it that bring it closer to ``word`` are its own, not the name's."""
    best = (e, score)
    for end in range(e + 1, min(e + 3, stop) + 1):
        piece = line[s:end]
        if piece.count(" ") > line[s:e].count(" ") + 1 or line[end - 1] == " ":
            continue
        sc = fuzz.ratio(word, piece.replace(" ", ""))
        if sc > best[1] and line[e:end].strip() and word.endswith(line[e:end].strip()):
            best = (end, sc)
    return best


def find_mentions(text: str, page: int | None = None, field_name: str = "", weight: float = 1.0) -> list[Mention]:
    """Agency and place mentions in one text item (``normalize_thai``-ed), in reading order.

    >>> [(m.kind, m.name) for m in find_mentions("เทศบาลตำบลกกโก อ.เมือง จ.ลพบุรี")]
    [('agency', 'กกโก'), ('district', 'เมือง'), ('province', 'ลพบุรี')]
    """
    out: list[Mention] = []
    for line_start, line in _lines(text):
        spans = _keyword_spans(line)
        for n, (s, e, sc, kw) in enumerate(spans):
            stop = spans[n + 1][0] if n + 1 < len(spans) else len(line)
            if kw.kind == "word":  # a level word inside a word that names no place: it only ends the name before it
                continue
            if kw.fuzzy:
                e, sc = _complete_keyword(line, s, e, sc, kw.text, stop)
            opts = _name_options(line, e, stop)
            if not opts:
                continue
            opts = tuple(NameOption(o.start + line_start, o.end + line_start, o.key, o.penalty) for o in opts)
            out.append(
                Mention(
                    page=page,
                    field=field_name,
                    kind=kw.kind,
                    agency_type=kw.agency_type,
                    prefix_start=s + line_start,
                    prefix_end=e + line_start,
                    prefix_text=line[s:e],
                    prefix_canonical=kw.text,
                    prefix_score=sc,
                    options=opts,
                    weight=weight,
                    text=text,
                )
            )
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def parse_agency(text: str) -> ParsedAgency | None:
    """Split an agency name into type and place name; None when no type word is found.

    >>> parse_agency("องค์การบริหารส่วนตำบถท่าแค").agency_type
    'องค์การบริหารส่วนตำบล'
    """
    text = normalize_thai(text)
    for m in find_mentions(text):
        if m.kind == "agency":
            return ParsedAgency(m.agency_type, m.name, m.prefix_text, m.prefix_score)
    return None


# --------------------------------------------------------------------------- whole document

ACCEPT_SCORE = 75.0  # weighted mean similarity of the readings that support the chosen place
SUPPORT_MIN = 60.0  # a reading this close to a place supports it
FLOOR = 40.0  # a reading about something else ("ทุกตำบลในเขต") costs every candidate the same
AGENCY_MIN_SCORE = 85.0  # mean similarity of the agency's readings for its name to be resolved ...
AGENCY_EXACT_SCORE = 90.0  # ... or one reading this close (the front of a glued token included)
AGENCY_LOW_SCORE = 70.0  # ... or the address names the same place plainly, with the mean at least this
EXACT_PLACE = 95.0  # a ตำบล/อำเภอ/จังหวัด reading this close to a real place is taken as written
MARGIN = 5.0  # over the best place that is not the chosen one, its parent or its child
PROVINCE_MARGIN = 15.0  # over any place in another province, for "the province is certain"
CLUSTER_MIN = 60.0  # two agency mentions this similar name the same agency
EXTRA_WORD_SCORE = 50.0  # a reading that is a place's name plus a whole word
REWRITE_MIN = 60.0  # an agency name is written back only when this close to the resolved name
PLACE_REWRITE_MIN = 70.0  # the same for a ตำบล/อำเภอ/จังหวัด name
TRUNCATED_REWRITE_MIN = 80.0  # the same for the front of a glued token (penalty included)
CONFLICT_ALT_MIN = 90.0  # a mention this close to another real place ...
CONFLICT_GAP = 10.0  # ... and this much closer to it than to the consensus is a conflict
AREA_MIN = 70.0  # province/district readings this good block the candidates
KIND_WEIGHT: dict[str, float] = {"agency": 1.0, "subdistrict": 1.0, "district": 0.8, "province": 0.8}
LEVEL_PENALTY = 1.0  # per step away from the usual level an agency type is named after
LEVEL_ORDER = {"subdistrict": 0, "district": 1, "province": 2}


@dataclass(frozen=True)
class Rewrite:
    """Replace ``text[start:end]`` (``before``) of one text item with ``after``."""

    page: int | None
    field: str
    start: int
    end: int
    before: str
    after: str
    score: float


@dataclass
class PlaceResolution:
    """One document's agency and address, resolved from all its mentions.

    ``named_after`` is the level of the place the agency is named after. ``geocode`` is the
    subdistrict's 6-digit DOPA code; when only a district (or province) is known it is that code
    padded with zeros ("160100", "160000"), DOPA's convention for a whole area, with a warning.
    """

    agency: str | None = None
    agency_type: str | None = None
    agency_name: str | None = None
    named_after: Level | None = None
    subdistrict: str | None = None
    district: str | None = None
    province: str | None = None
    geocode: str | None = None
    score: float = 0.0
    runner_up_score: float = 0.0
    margin: float = 0.0
    province_margin: float = 0.0
    corrections: list = field(default_factory=list)  # list[Correction]
    warnings: list[str] = field(default_factory=list)
    rewrites: list[Rewrite] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    voted: tuple[str, ...] = ()  # the agency's readings that chose its name by vote (``vote_agency``)
    vote_score: float = 0.0

    @property
    def place_settled(self) -> bool:
        """The agency's subdistrict is resolved, with no rival place near it (``MARGIN``)."""
        return self.subdistrict is not None and self.score >= 80.0 and self.margin >= MARGIN

    @property
    def province_confident(self) -> bool:
        """The province is resolved and no place in another province comes near (for doc numbers)."""
        return self.province is not None and self.score >= 80.0 and self.province_margin >= PROVINCE_MARGIN

    def apply(self, page: int | None, field_name: str, text: str) -> str:
        """The item's text (``normalize_thai``-ed) with this document's rewrites applied."""
        text = normalize_thai(text)
        for r in sorted((r for r in self.rewrites if r.page == page and r.field == field_name), key=lambda r: -r.start):
            if text[r.start : r.end] == r.before:
                text = text[: r.start] + r.after + text[r.end :]
        return text


@dataclass
class _Evidence:
    kind: Kind
    keys: tuple[str, ...]
    penalties: np.ndarray
    weight: float
    levels: tuple[Level, ...]  # agency: levels of place it may be named after
    gen: tuple[str, ...]  # keys used to generate candidates (no truncations)


DOC_NUMBER_WEIGHT = 0.5
_DOC_NUMBER_LINE = re.compile(r"^\s*ที่\s*[\u0e01-\u0e2e]")


def _doc_number_evidence(texts: list[tuple[int | None, str, str]]) -> list[_Evidence]:
    """A valid province abbreviation at the start of the document number ("ที่ ลบ ๕๓๘๐๑/…")."""
    from ocr_pipeline.clean.doc_number import province_from_doc_number

    out: list[_Evidence] = []
    for _, fname, text in texts:
        for line in text.split("\n"):
            if "doc_number" in fname or _DOC_NUMBER_LINE.match(line):
                prov = province_from_doc_number(line)
                if prov:
                    key = name_key(prov)
                    out.append(_Evidence("province", (key,), np.zeros(1, np.float32), DOC_NUMBER_WEIGHT, (), (key,)))
    return out


PLACE_LIKE_MIN = 60.0


def _place_like(e: _Evidence) -> bool:
    """A level word followed by something that is a place name at all ("ทุกตำบลในเขต" is not)."""
    if e.kind == "district" and "เมือง" in e.keys:
        return True
    found = g.top_places_for_keys(list(e.keys), list(e.penalties), e.kind, None, 1)  # type: ignore[arg-type]
    return bool(found) and found[0][1] >= PLACE_LIKE_MIN


def field_weight(field_name: str) -> float:
    """How much a mention counts, by where it stands: header lines more than body text."""
    f = field_name.lower()
    if any(w in f for w in ("agency", "ส่วนราชการ", "division", "header")):
        return 3.0
    if any(w in f for w in ("addressee", "เรียน", "signat", "position", "subject", "title", "เรื่อง")):
        return 2.0
    return 1.0


def _option_similarity(a: Mention, b: Mention) -> float:
    m = g.score_keys([o.key for o in a.options], [o.key for o in b.options])
    pa = np.array([o.penalty for o in a.options])[:, None]
    pb = np.array([o.penalty for o in b.options])[None, :]
    return float((m - pa - pb).max())


def _cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Agency mentions grouped by name (single linkage); heaviest group first."""
    clusters: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: -m.weight):
        near = [c for c in clusters if any(_option_similarity(x, m) >= CLUSTER_MIN for x in c)]
        if not near:
            clusters.append([m])
            continue
        for c in near[1:]:
            near[0].extend(c)
            clusters.remove(c)
        near[0].append(m)
    return sorted(clusters, key=lambda c: -sum(m.weight for m in c))


def _evidence(mentions: list[Mention], levels: tuple[Level, ...]) -> list[_Evidence]:
    merged: dict[tuple, _Evidence] = {}
    for m in mentions:
        keys = tuple(o.key for o in m.options)
        lv = levels if m.kind == "agency" else ()
        k = (m.kind, keys, lv)
        w = m.weight * KIND_WEIGHT[m.kind]
        if k in merged:
            merged[k].weight += w
        else:
            merged[k] = _Evidence(
                m.kind,
                keys,
                np.array([o.penalty for o in m.options], dtype=np.float32),
                w,
                lv,
                tuple(o.key for o in m.options if o.penalty <= JOIN_PENALTY),
            )
    return list(merged.values())


class _Scorer:
    """Similarity of evidence to places, cached per document."""

    def __init__(self) -> None:
        self._area: dict[tuple[int, str, str], float] = {}

    @staticmethod
    def sims(e: _Evidence, places: list[g.Place]) -> np.ndarray:
        keys: list[str] = []
        owner: list[int] = []
        for i, p in enumerate(places):
            for k in g.alias_keys(p):
                keys.append(k)
                owner.append(i)
        out = np.zeros(len(places), dtype=np.float32)
        if not keys:
            return out
        best = name_scores(e.keys, e.penalties, keys).max(axis=0)
        np.maximum.at(out, np.array(owner), best)
        if e.kind == "district" and "เมือง" in e.keys:  # "อ.เมือง": the capital district
            pen = float(e.penalties[e.keys.index("เมือง")])
            for i, p in enumerate(places):
                if p.code.endswith("01") and not p.code.startswith("10") and len(p.code) == 4:
                    out[i] = max(out[i], 100.0 - pen)
        return out

    def area_best(self, e: _Evidence, ei: int, level: Level, area: str) -> float:
        k = (ei, level, area)
        if k not in self._area:
            places = g.within(level, area)
            self._area[k] = float(self.sims(e, places).max()) if places else 0.0
        return self._area[k]


def _parent(p: g.Place, level: Level) -> g.Place:
    n = {"province": 2, "district": 4, "subdistrict": 6}[level]
    return g.place(p.code[:n]) or p


def _compatible(a: g.Place, b: g.Place) -> bool:
    return a.code.startswith(b.code) or b.code.startswith(a.code)


def _candidates(evidence: list[_Evidence], hint: str | None) -> dict[str, g.Place]:
    """Places the document may name: best matches of every reading, globally and inside the
    provinces and districts that the document's own readings point to."""
    hyps: dict[str, g.Place] = {}
    limits = {"subdistrict": 8, "district": 5, "province": 3}

    def add(e: _Evidence, level: Level, within: str | None, limit: int, all_keys: bool = False) -> list:
        if all_keys:
            keys, pens = list(e.keys), list(e.penalties)
        else:
            keys, pens = list(e.gen), [0.0] * len(e.gen)
        found = g.top_places_for_keys(keys, pens, level, within, limit)
        for p, s, _ in found:
            if s >= 40:
                hyps[p.code] = p
        return found

    provinces: set[str] = {hint} if hint else set()
    districts: set[str] = set()
    for e in evidence:
        if e.kind == "agency":
            for lv in e.levels:
                add(e, lv, None, limits[lv])
        elif e.kind == "subdistrict":
            add(e, "subdistrict", None, 8)
        elif e.kind == "district":
            districts.update(p.code for p, s, _ in add(e, "district", None, 3) if s >= AREA_MIN)
        else:
            provinces.update(p.code for p, s, _ in add(e, "province", None, 2) if s >= AREA_MIN)
    for e in evidence:  # district readings inside the provinces read elsewhere ("อ.เมือง")
        if e.kind == "district":
            for pc in provinces:
                if "เมือง" in e.keys and g.capital_district(pc):
                    districts.add(pc + "01")
                districts.update(p.code for p, s, _ in add(e, "district", pc, 2) if s >= AREA_MIN)
    areas = sorted(districts) + sorted(provinces)
    for e in evidence:
        if e.kind not in ("agency", "subdistrict"):
            continue
        levels = e.levels if e.kind == "agency" else ("subdistrict",)
        for area in areas:
            for lv in levels:
                if lv == "province" or (lv == "district" and len(area) == 4):
                    continue
                add(e, lv, area, 3, all_keys=True)
    for code in areas:  # the address alone, when nothing names a finer place
        p = g.place(code)
        if p is not None:
            hyps.setdefault(code, p)
    return hyps


def _score(hyps: list[g.Place], evidence: list[_Evidence], scorer: _Scorer) -> np.ndarray:
    """Similarity of each piece of evidence to each candidate place: shape (evidence, places)."""
    sims = np.zeros((len(evidence), len(hyps)), dtype=np.float32)
    by_level: dict[str, list[int]] = {}
    for i, h in enumerate(hyps):
        by_level.setdefault(h.level, []).append(i)
    for ei, e in enumerate(evidence):
        s = sims[ei]
        for lv, idx in by_level.items():
            places = [hyps[i] for i in idx]
            if e.kind == "agency":
                if lv in e.levels:
                    s[idx] = scorer.sims(e, places) - LEVEL_PENALTY * e.levels.index(lv)
            elif e.kind == "province":
                s[idx] = scorer.sims(e, [_parent(p, "province") for p in places])
            elif LEVEL_ORDER[lv] <= LEVEL_ORDER[e.kind]:
                s[idx] = scorer.sims(e, [_parent(p, e.kind) for p in places])
            else:
                s[idx] = [scorer.area_best(e, ei, e.kind, p.code) for p in places]
    return sims


@dataclass
class _Outcome:
    best: g.Place | None = None
    score: float = 0.0  # weighted mean similarity of all evidence (each at least FLOOR)
    quality: float = 0.0  # weighted mean similarity of the evidence that supports best
    runner_up: float = 0.0  # the same for the best place that is not best's parent or child
    margin: float = 0.0  # mean advantage over the closest rival, on the evidence where they differ
    agency: float = 0.0  # weighted mean similarity of the agency readings alone
    agency_max: float = 0.0  # the closest single agency reading
    contradicted: bool = False  # exact address readings name other places more than this one
    corroborated: bool = False  # an address reading of the same level names this place exactly
    tied: list[g.Place] = field(default_factory=list)  # rivals within the margin
    province_margin: float = 100.0  # the same margin over the closest rival in another province

    @property
    def ok(self) -> bool:
        return self.best is not None and self.quality >= ACCEPT_SCORE and self.margin >= MARGIN


def _resolve(evidence: list[_Evidence], hint: str | None) -> _Outcome:
    """Score every candidate place against all evidence; pick the best and measure its margin.

    The margin is taken on the evidence where best and rival differ: readings both explain
    equally (the shared province, say) do not dilute the difference between two subdistricts.
    """
    hyps = list(_candidates(evidence, hint).values())
    if not hyps:
        return _Outcome()
    raw = _score(hyps, evidence, _Scorer())
    sims = np.maximum(raw, FLOOR)
    w = np.array([e.weight for e in evidence], dtype=np.float32)
    total = (w @ sims) / max(float(w.sum()), 1e-9)
    is_ag = np.array([e.kind == "agency" for e in evidence])
    agency = (w[is_ag] @ raw[is_ag]) / max(float(w[is_ag].sum()), 1e-9) if is_ag.any() else np.zeros(len(hyps))
    order = sorted(range(len(hyps)), key=lambda i: (-total[i], LEVEL_ORDER[hyps[i].level]))
    b = order[0]
    for i in order[1:]:  # the most specific of compatible near-ties (subdistrict ท่าวุ้ง over district ท่าวุ้ง)
        if total[i] < total[b] - 0.5:
            break
        if _compatible(hyps[i], hyps[b]) and LEVEL_ORDER[hyps[i].level] < LEVEL_ORDER[hyps[b].level]:
            b = i
    own = np.array([e.kind == "agency" for e in evidence])
    while True:  # a place no reading of its own level names is only as sure as its parent area
        own_level = own | np.array([e.kind == hyps[b].level for e in evidence])
        if not own_level.any() or raw[own_level, b].max() >= ACCEPT_SCORE:
            break
        coarser = [i for i in order if _compatible(hyps[i], hyps[b]) and len(hyps[i].code) < len(hyps[b].code)]
        if not coarser:
            break
        b = coarser[0]
    rivals = [i for i in order if not _compatible(hyps[i], hyps[b])]
    support = raw[:, b] >= SUPPORT_MIN
    quality = float(w[support] @ raw[support, b] / w[support].sum()) if support.any() else 0.0
    out = _Outcome(
        hyps[b], float(total[b]), quality, float(total[rivals[0]]) if rivals else 0.0, 100.0, float(agency[b])
    )
    out.agency_max = float(raw[is_ag, b].max()) if is_ag.any() else 0.0
    out.contradicted = _contradicted(evidence, raw[:, b])
    out.corroborated = any(e.kind == hyps[b].level and raw[k, b] >= EXACT_PLACE for k, e in enumerate(evidence))
    for i in rivals:
        if total[i] < total[b] - PROVINCE_MARGIN:
            break
        diff = sims[:, b] - sims[:, i]
        differ = np.abs(diff) > 0.5
        adv = float(w[differ] @ diff[differ] / w[differ].sum()) if differ.any() else 0.0
        if hyps[i].code[:2] != hyps[b].code[:2]:
            out.province_margin = min(out.province_margin, adv)
        if total[i] < total[b] - MARGIN:
            continue
        out.margin = min(out.margin, adv)
        if adv < MARGIN:
            out.tied.append(hyps[i])
    return out


def _ambiguous(out: _Outcome) -> str:
    if out.best is None or out.quality < ACCEPT_SCORE:
        return "agency: agency and address not found in the gazetteer"
    places = "; ".join(_describe(p) for p in [out.best, *out.tied][:3])
    return warning("geocode", places, f"place ambiguous (score {out.score:.0f}, margin {out.margin:.0f})")


def _contradicted(evidence: list[_Evidence], sims_b: np.ndarray) -> bool:
    """True when readings of ตำบล/อำเภอ/จังหวัด that are exact names of real places disagree
    with the chosen place more (by weight) than they agree: "อำเภอเวียงสา" written plainly
    outweighs an agency name that only resembles a subdistrict of another district."""
    agree = disagree = 0.0
    for e, s in zip(evidence, sims_b):
        if e.kind == "agency":
            continue
        found = g.top_places_for_keys(list(e.gen), [0.0] * len(e.gen), e.kind, None, 1)
        if not found or found[0][1] < EXACT_PLACE:
            continue
        if s >= EXACT_PLACE:
            agree += e.weight
        else:
            disagree += e.weight
    return disagree > agree


def _name_ok(out: _Outcome) -> bool:
    """The agency's readings fit the chosen place's name well enough to write it back."""
    if out.best is None or out.contradicted:
        return False
    return out.agency >= AGENCY_MIN_SCORE or (
        out.agency >= AGENCY_LOW_SCORE and (out.agency_max >= AGENCY_EXACT_SCORE or out.corroborated)
    )


def _same_name(out: _Outcome) -> bool:
    """True when every rival within the margin bears the best place's own name."""
    if out.best is None:
        return False
    keys = set(g.alias_keys(out.best))
    return all(keys & set(g.alias_keys(p)) for p in out.tied)


def _common_area(out: _Outcome) -> g.Place | None:
    """The smallest area holding the best place and all its near-rivals (their shared province)."""
    if out.best is None or out.quality < ACCEPT_SCORE or not out.tied:
        return None
    codes = [out.best.code, *(p.code for p in out.tied)]
    for n in (4, 2):
        if len({c[:n] for c in codes}) == 1:
            return g.place(codes[0][:n])
    return None


def _finer(evidence: list[_Evidence], level: Level, area: str) -> g.Place | None:
    """The place of ``level`` inside ``area`` that the readings of that level agree on, if clear."""
    ev = [e for e in evidence if e.kind == level]
    if not ev:
        return None
    places = g.within(level, area)
    if not places:
        return None
    sc = np.asarray(sum(e.weight * _Scorer.sims(e, places) for e in ev)) / sum(e.weight for e in ev)
    order = np.argsort(-sc)
    best = float(sc[order[0]])
    runner = float(sc[order[1]]) if len(order) > 1 else 0.0
    return places[order[0]] if best >= 80.0 and best - runner >= MARGIN else None


def _where(m: Mention) -> str:
    return f"page {m.page} {m.field}".strip() if m.page is not None else (m.field or "text")


def name_scores(keys: Sequence[str], penalties: np.ndarray, targets: Sequence[str]) -> np.ndarray:
    """Similarity of readings (minus their penalties) to place names: shape (readings, names).

    A reading that is a name plus a whole word ("เขวาไร่ใหม่", "บ้านปึกเตียน" against เขวาไร่,
    ปึกเตียน) names another place, not a misread one: it scores at most ``EXTRA_WORD_SCORE``.
    """
    m = g.score_keys(list(keys), list(targets)) - np.asarray(penalties, dtype=np.float32)[:, None]
    words = _dictionary()
    for i, k in enumerate(keys):
        for j, t in enumerate(targets):
            if m[i, j] <= EXTRA_WORD_SCORE or k == t:
                continue
            short, long_ = (k, t) if len(k) < len(t) else (t, k)
            if long_.startswith(short):
                extra = long_[len(short) :]
            elif long_.endswith(short):
                extra = long_[: -len(short)]
            else:
                continue
            if len(extra) >= 2 and extra in words:
                m[i, j] = EXTRA_WORD_SCORE
    return m


def _best_option(m: Mention, target: g.Place) -> tuple[NameOption, float]:
    """The reading of the mention closest to ``target``; the front of a glued token only when it
    fits clearly better than the whole token (or the token joined across one space), or when it
    fits better at all and the whole would lose the word after it (``เขียงใหม่ที่``: the ที่ of
    ``ที่ ๕๓/๒๕๖๔`` is no part of เชียงใหม่)."""
    pens = np.array([o.penalty for o in m.options], dtype=np.float32)
    sc = name_scores([o.key for o in m.options], pens, g.alias_keys(target)).max(axis=1)
    whole = [i for i, o in enumerate(m.options) if o.penalty < TRUNCATION_PENALTY]
    i = max(whole, key=lambda i: sc[i])
    j = int(np.argmax(sc))
    if sc[j] >= sc[i] + TRUNCATION_PENALTY:  # the front of the token is clearly the name
        i = j
    elif j != i and sc[j] + m.options[j].penalty > sc[i] and m.options[j].start == m.options[i].start:
        i = j  # the front fits the name better than the whole token: the rest is the next word
    return m.options[i], float(sc[i])


def _alternative(key: str, levels: tuple[Level, ...], target: g.Place) -> tuple[g.Place | None, float]:
    """The best real place (other than ``target``'s name) this reading matches."""
    best: tuple[g.Place | None, float] = (None, 0.0)
    tkeys = set(g.alias_keys(target))
    for lv in levels:
        for p, s, k in g.top_places(key, lv, None, limit=3):
            if k not in tkeys and s > best[1]:
                best = (p, s)
    return best


def _describe(p: g.Place) -> str:
    sub, dist, prov = g.parents(p)
    parts = [f"{lv} {x.name}" for lv, x in (("ตำบล", sub), ("อำเภอ", dist), ("จังหวัด", prov)) if x]
    return " ".join(parts)


def _write_back(
    res: PlaceResolution,
    mentions: list[Mention],
    targets: dict[str, g.Place],
    agency_levels: tuple[Level, ...],
    rewrite_conflicts: bool,
) -> None:
    from ocr_pipeline.model import Correction

    for m in mentions:
        target = targets.get(m.kind)
        if target is None:
            continue
        if m.kind == "district" and m.options[0].key == "เมือง" and target.code.endswith("01"):
            continue  # "อ.เมือง" is how the capital district is written
        opt, sim = _best_option(m, target)
        text = m.text
        opt = _with_split_rest(text, opt, target)
        before = text[opt.start : opt.end]
        if m.kind != "agency" and (sim < PLACE_REWRITE_MIN or _is_word(before)):
            continue  # "ทุกตำบลในเขต": a level word before an ordinary word
        if opt.penalty >= TRUNCATION_PENALTY and sim < TRUNCATED_REWRITE_MIN:
            continue  # where a glued name ends is itself a guess: only near-exact fronts are rewritten
        if sim < REWRITE_MIN:
            if m.kind == "agency":
                res.warnings.append(
                    warning(_where(m), before, f"differs from the agency's name {target.name}; left as read")
                )
            continue
        edits: list[tuple[int, int, str, float]] = []
        if opt.key not in g.alias_keys(target) or (" " in before and before != target.name):
            levels = agency_levels if m.kind == "agency" else (m.kind,)
            alt, alt_score = _alternative(opt.key, levels, target)
            # the reading is itself a real place's name, and not merely the consensus with a tone
            # mark or vowel dropped (the commonest Thai OCR error: บ้านเสี้ยว read บ้านเสียว)
            exact_other = alt_score >= 99.9 and _bare(before) != _bare(target.name)
            if (
                alt is not None
                and (exact_other or (alt_score >= CONFLICT_ALT_MIN and alt_score - sim >= CONFLICT_GAP))
                and not _likelier_misread(before, target, alt)
            ):
                res.warnings.append(
                    warning(
                        _where(m),
                        before,
                        f"is the real place {_describe(alt)} rather than {target.name}; "
                        + ("rewritten to the document's consensus" if rewrite_conflicts else "left as read"),
                    )
                )
                if not rewrite_conflicts:
                    continue
            edits.append((opt.start, opt.end, target.name, sim))
        if m.prefix_score < 100.0 and m.prefix_text != m.prefix_canonical and not _wrapped_front(m):
            edits.append((m.prefix_start, m.prefix_end, m.prefix_canonical, m.prefix_score))
        for start, end, after, score in edits:
            res.rewrites.append(Rewrite(m.page, m.field, start, end, text[start:end], after, round(score, 1)))
            res.corrections.append(Correction(m.page, m.field, text[start:end], after, "gazetteer", round(score, 1)))


def _likelier_misread(reading: str, target: g.Place, alt: g.Place) -> bool:
    """Is ``reading`` likelier OCR's reading of ``target``'s name than of ``alt``'s, by the OCR-aware similarity
    (``lexicon.similarity``: marks lost cost little)? ``น้าคำ`` keys as นาคำ, a real place, but is น้ำคำ with its
    nikhahit lost rather than นาคำ with a tone mark gained (blind worn seed 122 doc 5); a reading that is
    ``alt``'s name as written never is."""
    from ocr_pipeline.clean.lexicon import similarity

    return reading != alt.name and similarity(reading, target.name) > similarity(reading, alt.name)


def _with_split_rest(text: str, opt: NameOption, target: g.Place) -> NameOption:
    """A name OCR split with a space (``ด่านมะ ขามเตี้ย`` for ด่านมะขามเตี้ย) is rewritten whole: the
    reading is widened over the space to the rest of the place's name, also when the letter before the space is
    read again after it (``ปลายโ โพงพาง`` for ปลายโพงพาง: fresh worn seed 130 doc 6)."""
    front = text[opt.start : opt.end]
    if not (target.name.startswith(front) and len(front) < len(target.name)) or text[opt.end : opt.end + 1] != " ":
        return opt
    for again in (0, 1):
        rest = target.name[len(front) - again :]
        if again <= len(front) and text.startswith(rest, opt.end + 1):
            return NameOption(opt.start, opt.end + 1 + len(rest), g.name_key(target.name), opt.penalty)
    return opt


HEADER_LINES = 4  # the first lines of a document's first page: its ส่วนราชการ line and its wrap


def _district_named_bare(places: list[g.Place], texts: list[tuple[int | None, str, str]]) -> g.Place | None:
    """The one of ``places`` (which bear the same name) whose district's name the document's header writes as a
    word of its own without its level word (``… หนองลาด a.`` / ``วาริชภูมิ จ.สกลนคร``: blind worn seed 126 doc 8, อ.
    read as Latin ``a.``); None when none or several are."""
    words: set[str] = set()
    for _page, fname, text in texts:
        m = _LINE_KEY.search(fname)
        if fname.startswith("header.") or (m and int(m.group(1)) == 1 and int(m.group(2)) <= HEADER_LINES):
            words.update(re.split(r"[^\u0e01-\u0e4e]+", text))
    found = {p.code: p for p in places if (d := g.parents(p)[1]) is not None and d.name in words}
    return next(iter(found.values())) if len(found) == 1 else None


def _address_settles(places: list[g.Place], place_ev: list[_Evidence], hint: str | None) -> g.Place | None:
    """The one of ``places`` (which bear the same name) inside the place the document's address readings alone
    settle (``อำเภอบ้านคา จังหวัดราชบุรี``: the subdistrict บ้านบึง of บ้านคา, not the district บ้านบึง of ชลบุรี, fresh
    worn seed 190 doc 2, where the agency's many readings outweighed the address in the margin); None when the address
    settles nothing, or holds none or several of them."""
    if not place_ev:
        return None
    address = _resolve(place_ev, hint)
    if not address.ok or address.best is None:
        return None
    inside = [p for p in places if _compatible(p, address.best)]
    return inside[0] if len(inside) == 1 else None


def _wrapped_front(m: Mention) -> bool:
    """A type word whose front ended the line before: ``…โดยให้องค์`` / ``การบริหารส่วนตำบล…`` starts
    its line with the rest of the word, which is no misreading of the whole."""
    at_line_start = m.prefix_start == 0 or m.text[m.prefix_start - 1] == "\n"
    return at_line_start and len(m.prefix_text) < len(m.prefix_canonical) and m.prefix_canonical.endswith(m.prefix_text)


def _bare(name: str) -> str:
    """A name without its tone marks and upper/lower vowels."""
    return "".join(ch for ch in name if ch not in _COMBINING or ch in "\u0e30\u0e32\u0e33\u0e45")


_LINE_KEY = re.compile(r"#p(\d+)\.l(\d+)$")


# a speck read at a line's front, before its first word (``. หนองห่าน จังหวัดอุดรธานี``: fresh worn seed 202 doc 2), also
# glued to it (``อ.บาง`` / ``.สะพานน้อย จ.ประจวบคีรีขันธ์``: fresh worn seed 218 doc 2, dust under a 300-dpi line's first letter)
_SPECK_FRONT = re.compile(r"^\s*[.,'`|:;]{1,2}\s*(?=[\u0e01-\u0e4e])")


def _wrapped_mentions(texts: list[tuple[int | None, str, str]]) -> list[Mention]:
    """Places whose level word ends one line and whose name starts the next (``… อำเภอ`` / ``ปางศิลาทอง
    จังหวัด…``, an address wrapped in the memo header): evidence only, never rewritten, weighted as the
    line the level word stands on."""
    out: list[Mention] = []
    for (page, fname, text), (_, next_name, next_text) in zip(texts, texts[1:]):
        if not _next_line(fname, next_name):
            continue
        tail, head = text.rstrip().rsplit(" ", 1)[-1], _SPECK_FRONT.sub("", next_text).strip().split(" ", 1)[0]
        if not head:
            continue
        for m in find_mentions(f"{tail} {head}", page, fname, field_weight(fname)):
            if m.kind != "agency" and m.prefix_start < len(tail) < m.options[0].start:  # name on the next line
                out.append(m)
        if _THAI_WORD_PIECE.fullmatch(head):  # ... or the name cut by the wrap (``อำเภอหนองม่วง`` / ``ไข่ จังหวัดแพร่``)
            for m in find_mentions(f"{tail}{head}", page, fname, field_weight(fname)):
                if m.kind != "agency" and m.prefix_start < len(tail) and max(o.end for o in m.options) > len(tail):
                    out.append(m)
    return out


# the front of a line that may end an agency's name the line before cut (``…ตำบลคอน`` / ``สวรรค์ อำเภอ…``)
_NAME_PIECE = re.compile("[\u0e01-\u0e4e]{1,8}")


def _wrapped_agencies(texts: list[tuple[int | None, str, str]], mentions: list[Mention]) -> dict[int, Mention]:
    """Agency names a wrap cut (a header line full to its end: ``ส่วนราชการ กองคลัง องค์การบริหารส่วนตำบลคอน`` /
    ``สวรรค์ อำเภอคอนสวรรค์ …``, standard seed 155 doc 2, where the cut name outweighed its four whole mentions):
    each such mention (by ``id``) read again over the line's end and the next line's first word, which the name
    then may or may not take in (the resolver weighs both readings). Evidence only: the joined text is no item's,
    so it is never rewritten."""
    following = {
        (page, fname): next_text
        for (page, fname, _), (next_page, next_name, next_text) in zip(texts, texts[1:])
        if next_page == page and _next_line(fname, next_name)
    }
    out: dict[int, Mention] = {}
    for m in mentions:
        line = m.text.rstrip()
        nxt = following.get((m.page, m.field))
        if m.kind != "agency" or nxt is None or "\n" in line or max(o.end for o in m.options) != len(line):
            continue
        head = nxt.strip().split(" ", 1)[0]
        if not _NAME_PIECE.fullmatch(head):
            continue
        joined = [
            j
            for j in find_mentions(line + head, m.page, m.field, m.weight)
            if j.kind == "agency" and j.prefix_start == m.prefix_start and max(o.end for o in j.options) > len(line)
        ]
        if joined:
            out[id(m)] = dataclasses.replace(joined[0], options=joined[0].options + m.options)
    return out


def _next_line(name: str, next_name: str) -> bool:
    """Do two items' names (``role#p1.l3``) say the second is the line right after the first?"""
    a, b = _LINE_KEY.search(name), _LINE_KEY.search(next_name)
    return bool(a and b and a.group(1) == b.group(1) and int(b.group(2)) == int(a.group(2)) + 1)


# the front of a line that may end a place name the line before cut (standard seed 149 doc 13: ``อำเภอหนองม่วง`` / ``ไข่
# จังหวัดแพร่``, read as หนองม่วง of ลพบุรี against the province แพร่ written plainly: the place came out in ลพบุรี; blind
# worn seed 200 doc 1: ``อำเภอค่าย`` / ``บางระจัน จังหวัด…``, the district ค่ายบางระจัน, eight letters on the next line),
# never a level word of its own
_THAI_WORD_PIECE = re.compile("(?!จังหวัด|อำเภอ|ตำบล|กิ่งอำเภอ)[\u0e01-\u0e4e]{1,10}")


def resolve_places(
    texts: list[tuple[int | None, str, str]],
    province_hint: str | None = None,
    rewrite_conflicts: bool = False,
) -> PlaceResolution:
    """Resolve one document's agency and address from all its (page, field, text) items.

    Mentions of the agency are clustered; the heaviest cluster (header fields weigh more, see
    ``field_weight``) is the document's agency. Its readings and every ตำบล/อำเภอ/จังหวัด reading
    are scored together against each candidate place; the best is accepted only with
    ``ACCEPT_SCORE`` and a ``MARGIN`` over the best place that is not its parent or child; the
    agency's name is written back only when its readings fit (``_name_ok``) and no plainly
    written address contradicts the place. ``province_hint`` (a 2-digit code, e.g. from the document number) blocks
    candidates like a province reading. Texts should already be ``normalize_thai``-ed; rewrite
    offsets index the normalised text.
    """
    res = PlaceResolution()
    texts = [(page, fname, normalize_thai(text)) for page, fname, text in texts]
    for page, fname, text in texts:
        res.mentions.extend(find_mentions(text, page, fname, field_weight(fname)))
    wrapped = _wrapped_mentions(texts)
    joined = _wrapped_agencies(texts, res.mentions)
    agency_mentions = [joined.get(id(m), m) for m in res.mentions if m.kind == "agency"]
    place_mentions = [m for m in res.mentions if m.kind != "agency"]
    cluster: list[Mention] = []
    levels: tuple[Level, ...] = ALL_LEVELS
    if agency_mentions:
        cluster = _cluster(agency_mentions)[0]
        votes: dict[str, float] = {}
        for m in cluster:
            votes[m.agency_type or ""] = votes.get(m.agency_type or "", 0.0) + m.weight
        res.agency_type = max(votes, key=lambda t: votes[t]) or None
        if len(votes) > 1:
            res.warnings.append(
                warning("agency_type", ", ".join(sorted(votes)), "the agency is written as different types")
            )
        levels = NAME_LEVELS.get(res.agency_type or "", ALL_LEVELS)
    else:
        res.warnings.append("agency: no agency name (เทศบาล…/อบต./อบจ.) found in the document")
    mention_ev = [e for e in _evidence(place_mentions + wrapped, ()) if _place_like(e)]
    place_ev = mention_ev + _doc_number_evidence(texts)
    evidence = _evidence(cluster, levels) + place_ev
    named: g.Place | None = None
    best: g.Place | None = None
    if evidence:
        out = _resolve(evidence, province_hint)
        name_ok = bool(cluster) and _name_ok(out)
        if name_ok and out.ok:
            named = best = out.best
        elif name_ok and _same_name(out) and out.quality >= ACCEPT_SCORE and out.best is not None:
            named, best = out.best, _common_area(out)  # the name is clear, its place is not
            bare = _district_named_bare([out.best, *out.tied], texts) or _address_settles(
                [out.best, *out.tied], place_ev, province_hint
            )
            if bare is not None:
                named = best = bare
            else:
                res.warnings.append(
                    warning(
                        "geocode",
                        out.best.name,
                        f"{len(out.tied) + 1} places bear this name, the document does not say which: "
                        + "; ".join(_describe(p) for p in [out.best, *out.tied][:3]),
                    )
                )
        else:
            unresolved = None
            if name_ok:
                unresolved = _ambiguous(out)  # unless the vote in the address's district settles it
            elif cluster and out.best is not None and out.ok and out.agency >= REWRITE_MIN:
                unresolved = (
                    f"agency: the name best matches {out.best.name} at {out.agency:.0f}"
                    + (" against the document's address" if out.contradicted else "")
                    + ": not resolved"
                )
            if cluster and place_ev:
                out = _resolve(place_ev, province_hint)
            if not cluster or place_ev:
                best = out.best if out.ok else _common_area(out)
                if best is None:
                    res.warnings.append(_ambiguous(out))
            # the readings vote among the places of the district the address settles, also when the name is clear
            # but ambiguous among places of other districts (blind worn seed 122 doc 5: น้าคำ between นาคำ of
            # คำเขื่อนแก้ว and น้ำคำ of ไทยเจริญ, the district the address names)
            # (worn seed 148 doc 3: the address settles only the province, its district readings agreeing on
            # คลองหาด, where the agency's five readings คลองหาค vote for the subdistrict คลองหาด)
            area = best
            if cluster and best is not None and best.level == "province":
                area = _finer(evidence, "district", best.code)
            if cluster and area is not None and area.level != "province":
                vote = vote_agency(cluster, area.code[:4], levels)
                if vote.winner is not None:
                    named, unresolved = vote.winner, None
                    best = vote.winner if vote.winner.level == "subdistrict" else best
                    res.voted, res.vote_score = vote.readings, round(vote.score, 1)
                elif vote.readings:
                    res.warnings.append(vote.why)
            if unresolved:
                res.warnings.append(unresolved)
        res.score, res.runner_up_score = round(out.score, 1), round(out.runner_up, 1)
        res.margin, res.province_margin = round(out.margin, 1), round(out.province_margin, 1)
    sub, dist, prov = _fill(res, best, named, evidence, cluster)
    if prov is not None and named is None and not mention_ev:
        res.warnings.append(warning("province", prov.name, "rests on the document number's prefix alone"))
    targets = {k: v for k, v in (("agency", named), ("subdistrict", sub), ("district", dist), ("province", prov)) if v}
    # every agency mention close to the resolved name is the document's agency, clustered or not
    others = [m for m in agency_mentions if m not in cluster]
    near = [m for m in others if named is not None and _best_option(m, named)[1] >= CLUSTER_MIN]
    for m in others:
        if m not in near:
            res.warnings.append(
                warning(_where(m), m.prefix_canonical + m.name, "another agency, not taken as the document's")
            )
    others = near
    read_across = {id(m) for m in joined.values()}  # no item's text: evidence only
    written = [m for m in cluster + others if id(m) not in read_across]
    _write_back(res, written + place_mentions, targets, levels, rewrite_conflicts)
    return res


VOTE_MIN = 55.0  # mean OCR-aware similarity of the readings to the winner (lexicon.similarity, 0-100)
VOTE_MARGIN = 20.0  # over the runner-up
VOTE_SHARE = 2 / 3  # of the readings' weight nearest to the winner


@dataclass(frozen=True)
class Vote:
    """The outcome of ``vote_agency``: the best place, whether it wins clearly, the runner-up, the
    readings that voted."""

    top: g.Place | None
    clear: bool
    score: float
    runner_up: g.Place | None
    runner_up_score: float
    readings: tuple[str, ...]

    @property
    def winner(self) -> g.Place | None:
        return self.top if self.clear else None

    @property
    def why(self) -> str:
        top = f"{self.top.name if self.top else '?'}"
        rival = f"{self.runner_up.name} {self.runner_up_score:.0f}" if self.runner_up else "no other"
        return warning(
            "agency",
            " / ".join(self.readings),
            f"readings vote for no clear place of the district (best {top} {self.score:.0f}, {rival}); kept as read",
        )


def vote_agency(cluster: list[Mention], district: str, levels: tuple[Level, ...]) -> Vote:
    """Every reading of the agency's name votes among the places of ``district`` it may be named after
    (its subdistricts, and the district itself where the agency type is named after districts; a
    municipality bears one of these names), weighted by where it stands and by its OCR-aware similarity
    (``lexicon.similarity``: tone marks lost and look-alike letters cost little). The winner is taken
    when the readings' mean similarity to it is at least ``VOTE_MIN``, ``VOTE_MARGIN`` over the
    runner-up, and ``VOTE_SHARE`` of the readings' weight is nearest to it (issue 15.5: a document that
    names its agency four garbled ways, each one to three edits from one subdistrict)."""
    from ocr_pipeline.clean.lexicon import similarity

    readings = tuple(dict.fromkeys(m.name for m in cluster))
    places = list(g.within("subdistrict", district)) if "subdistrict" in levels else []
    if "district" in levels and g.place(district) is not None:
        places.append(g.place(district))  # type: ignore[arg-type]
    if len(cluster) < 2 or not places:
        return Vote(None, False, 0.0, None, 0.0, readings if len(cluster) >= 2 else ())
    sims = np.array(
        [
            [max(similarity(m.text[o.start : o.end], p.name) - o.penalty for o in m.options) for p in places]
            for m in cluster
        ],
        dtype=np.float32,
    )
    w = np.array([m.weight for m in cluster], dtype=np.float32)
    mean = (w @ sims) / float(w.sum())
    order = np.argsort(-mean, kind="stable")
    top = int(order[0])
    # a place bearing the top's name (the district named after its first subdistrict) is no rival
    rivals = [int(i) for i in order[1:] if places[int(i)].name != places[top].name]
    runner = rivals[0] if rivals else None
    runner_score = float(mean[runner]) if runner is not None else 0.0
    same = np.array([p.name == places[top].name for p in places])
    nearest = float(w[same[sims.argmax(axis=1)]].sum()) / float(w.sum())
    clear = mean[top] >= VOTE_MIN and mean[top] - runner_score >= VOTE_MARGIN and nearest >= VOTE_SHARE
    # each mention's reading as it voted for the top place (a name glued to the next word: its front)
    readings = tuple(
        dict.fromkeys(
            m.text[o.start : o.end]
            for m in cluster
            for o in [max(m.options, key=lambda o: similarity(m.text[o.start : o.end], places[top].name) - o.penalty)]
        )
    )
    return Vote(
        places[top],
        bool(clear),
        float(mean[top]),
        places[runner] if runner is not None else None,
        runner_score,
        readings,
    )


def _segments_into_words(s: str) -> bool:
    """True when ``s`` splits wholly into dictionary words ("บ้านมิตรภาพ"; a garble rarely does)."""
    words = _dictionary()
    ok = [True] + [False] * len(s)
    for i in range(len(s)):
        if ok[i]:
            for j in range(i + 2, min(len(s), i + 20) + 1):
                if s[i:j] in words:
                    ok[j] = True
    return ok[len(s)]


def _consensus_reading(cluster: list[Mention]) -> tuple[str, dict[str, float]]:
    """The agency name as the document most likely writes it, when no gazetteer name fits.

    Each mention reads one name (a glued mention its front, when another mention reads just
    that); the reading closest to all others, by weight, wins (OCR garbles differ from the
    truth more than from each other); a reading made of dictionary words breaks near-ties.
    """
    readings: dict[str, float] = {}
    for m in cluster:
        others = {x.name for x in cluster if x is not m}
        fronts = [m.text[o.start : o.end] for o in m.options if m.text[o.start : o.end] in others]
        r = m.name if m.name in others or not fronts else max(fronts, key=len)
        readings[r] = readings.get(r, 0.0) + m.weight
    names = list(readings)
    sims = g.score_keys([g.key_of_normalised(r) for r in names], [g.key_of_normalised(r) for r in names])
    w = np.array([readings[r] for r in names], dtype=np.float32)
    support = sims @ w
    bonus = 0.03 * 100.0 * float(w.sum())
    support += np.array([bonus if _segments_into_words(r) else 0.0 for r in names], dtype=np.float32)
    return names[int(np.argmax(support))], readings


def _fill(
    res: PlaceResolution,
    best: g.Place | None,
    named: g.Place | None,
    evidence: list[_Evidence],
    cluster: list[Mention],
) -> tuple[g.Place | None, g.Place | None, g.Place | None]:
    """Set the address fields, geocode and agency text; return (subdistrict, district, province)."""
    if cluster and named is None:
        reading, readings = _consensus_reading(cluster)
        res.agency_name = reading
        res.agency = f"{res.agency_type or ''}{reading}" if res.agency_type else None
        res.warnings.append(
            warning("agency", reading, "kept as read: not matched to one gazetteer place")
            + (f" ({len(readings)} readings)" if len(readings) > 1 else "")
        )
    if named is not None:
        res.agency_name = named.name
        res.named_after = named.level
        res.agency = f"{res.agency_type or ''}{named.name}" if res.agency_type else None
    if best is None:
        return None, None, None
    sub, dist, prov = g.parents(best)
    if dist is None and prov is not None:
        dist = _finer(evidence, "district", prov.code)
    if sub is None and (dist or prov) is not None:
        sub = _finer(evidence, "subdistrict", (dist or prov).code)  # type: ignore[union-attr]
        if sub is not None and dist is None:
            dist = g.place(sub.code[:4])
    res.subdistrict = sub.name if sub else None
    res.district = dist.name if dist else None
    res.province = prov.name if prov else None
    if sub is not None:
        res.geocode = sub.code
    elif dist is not None:
        res.geocode = dist.code + "00"
        res.warnings.append(warning("geocode", res.geocode, "is the district's: no subdistrict for the agency"))
    elif prov is not None:
        res.geocode = prov.code + "0000"
        res.warnings.append(warning("geocode", res.geocode, "is the province's: no district for the agency"))
    return sub, dist, prov
