"""Signatories' names: parse "นายวิภาค คงไชย" into title, given and family name, and repair OCR
garbles with whole-document evidence.

The same person is named in a signature block and sometimes in the body or another block. A name
part is changed only on strong evidence: another reading of the same person in the document that
is a known name (pythainlp's ``thai_male_names``/``thai_female_names``/``thai_family_names``) and
within a small weighted edit distance; a clear majority of readings; or, of two unknown readings,
the one that explains the other by the marks OCR usually loses (ฉ่ำ read as ฉำ). A single known
name close to a name read only once is used on request only (``single_known``). Titles are kept
as read. Conflicts are left as read and reported as warnings. A mention whose line was read again
from the pixels (``ocr/name_lines.py``) is first chosen from its readings
(``name_readings.choose_reading``).

>>> names, corr, warn = resolve_names([(1, "signatory", "นายวิภาค คงไชย"), (2, "body", "นายวิภาด คงไชย")])
>>> names[1], corr[0].rule
('นายวิภาค คงไชย', 'name')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ocr_pipeline.clean.lexicon import WIDE_COST_PER_CHAR, plausible_misreading, similarity, skeleton, wdist
from ocr_pipeline.clean.thai_text import COMBINING, TONES, normalize_thai
from ocr_pipeline.disjoint import DisjointSets
from ocr_pipeline.model import Correction
from ocr_pipeline.resources import load_list, load_table


def titles() -> tuple[str, ...]:
    """Titles and ranks written before a name, longest first (``dictionaries/titles.txt``)."""
    return load_list("titles.txt")


SAME_PERSON = 70.0  # similarity of both name parts for two mentions to name one person
DOC_MAX_COST = 1.6  # a reading is corrected to another reading of the same person this close ...
SINGLE_MAX_COST = 0.5  # ... or (``single_known``) with no other reading, to a known name this close
SINGLE_MARGIN = 0.5  # the next known name must be this much farther
DIRECTION_MARGIN = 0.2  # reading A -> B when B explains A this much more cheaply than A explains B
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ParsedName:
    """A personal name as read: ``title`` (may be ""), ``sep`` (what stood between title and given
    name: "" or " "), ``given``, ``family`` ("" when OCR lost the space between the two)."""

    title: str
    sep: str
    given: str
    family: str

    def text(self) -> str:
        out = self.title + self.sep + self.given
        return out + " " + self.family if self.family else out


THANTHAKHAT = "\u0e4c"
_DROPPED = TONES + "\u0e47" + THANTHAKHAT  # the marks OCR drops from a title (tones, mai taikhu, thanthakhat)
_MARKS = str.maketrans("", "", _DROPPED)
_STRAY_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39"  # vowels above and below


def fix_title(name: str) -> str:
    """A title whose tone marks OCR dropped, written right: 'ว่าทีร้อยตรีชวโรจน์' -> 'ว่าที่ร้อยตรีชวโรจน์';
    a title OCR cut in two with a space (``_title_unspaced``) or set apart from the name (``_title_joined``).

    Only titles of five letters or more are matched this way (นาย/นาง are too short to tell from
    the start of a given name)."""
    name = _short_title_marked(_title_joined(_title_unspaced(name)))
    for title in titles():
        bare = title.translate(_MARKS)
        if len(bare) < 5 or name.startswith(title):
            continue
        # a vowel the title has not is a speck OCR read over it (``นางสาิว``: worn seed 98 doc 13)
        stray = "".join(v for v in _STRAY_VOWELS if v not in bare)
        drop = str.maketrans("", "", _DROPPED + stray)
        consumed, k = "", 0
        while k < len(name) and len(consumed) < len(bare):
            consumed += name[k].translate(drop)
            k += 1
        if consumed == bare and name[k : k + 1] not in _DROPPED + stray:
            # a space after the title so mended is OCR's too (``น่างสาว รุจีพัชร แวเด``: stop 45's blind standard 195
            # doc 0, its bracket joined to the line since ``row_fragments.SIMILAR`` 0.5)
            return _title_joined(title + name[k:])
    return _long_title_misread(_title_letter_misread(name))


MID_TITLE = 6  # letters: a title this long (นางสาว) read with one letter changed is told from a name's start


def _title_letter_misread(name: str) -> str:
    """A title of ``MID_TITLE`` letters or more read with one letter changed, where the name starts with no title
    (``นจงสาวธนิษฐา`` for นางสาวธนิษฐา: blind worn seed 142 doc 12, after its scoring), written right; a name that
    starts with a title (``นายสาวิตรี``) stays."""
    if name.startswith(titles()):
        return name
    for title in titles():
        if len(title) < MID_TITLE or " " in title:
            continue
        if _one_letter_off(name, title) and _NAME_START.match(name[len(title)]):
            return title + name[len(title) :]
    return name


LONG_TITLE = 8  # letters (marks not counted): a title this long is told from a name's start by edits too
_NAME_START = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")


def _long_title_misread(name: str) -> str:
    """A long title OCR misread beyond its marks (``ว่าทรอยตว`` for ว่าที่ร้อยตรี, blind worn seed 110
    doc 8: ี lost twice, ร read ว), written right: the name's start is a plausible misreading of
    the title (the loose closed-set bound of ``lexicon.plausible_misreading``: titles are few and
    long) and a given name starts after it. The cheapest such title and cut wins."""
    if name.startswith(titles()):
        return name
    best: tuple[float, str, int] | None = None
    for title in titles():
        if len(title.translate(_MARKS)) < LONG_TITLE:
            continue
        for k in range(len(title) - 4, len(title) + 3):
            if not _NAME_START.match(name[k : k + 1]):
                continue
            read = name[:k]
            if plausible_misreading(read, title, WIDE_COST_PER_CHAR):
                cost = wdist(read, title)
                if best is None or cost < best[0]:
                    best = (cost, title, k)
    return best[1] + name[best[2] :] if best else name


def _title_unspaced(name: str) -> str:
    """``นาง สาวบัสมะห์`` -> ``นางสาวบัสมะห์``: a space OCR put inside a title whose first part is a title too
    (fresh standard seed 91 doc 3), taken out when the name after the whole title is a known given name and
    the name after its first part is not (``นาง สาวิตรี`` is นาง + สาวิตรี); ``นา ยสมชาย`` -> ``นายสมชาย``: a
    first part that is no title, when a known given name follows the whole title."""
    known = KnownNames.default()
    for title in titles():
        for k in range(1, len(title)):
            head, tail = title[:k], title[k:]
            if not name.startswith(f"{head} {tail}"):
                continue
            rest = name[len(head) + 1 + len(tail) :]
            if not known.contains("given", rest.lstrip(" ").split(" ")[0]):
                continue
            if head not in titles() or not known.contains("given", (tail + rest).split(" ")[0]):
                return title + rest
    return name


def _short_title_marked(name: str) -> str:
    """``น่างแวรอยฮัน`` -> ``นางแวรอยฮัน``: a speck read as a tone mark over a short title (blind standard seed 125
    doc 15), taken out when a known given name follows the title (``fix_title`` leaves titles under five letters
    alone: their letters alone start names too)."""
    known = KnownNames.default()
    for title in titles():
        if len(title.translate(_MARKS)) >= 5 or name.startswith(title):
            continue
        consumed, k = "", 0
        while k < len(name) and len(consumed) < len(title):
            if name[k] not in TONES or name[k] in title:
                consumed += name[k]
            k += 1
        rest = name[k:]
        if consumed == title and rest and known.contains("given", rest.split(" ")[0]):
            return title + rest
    return name


def _title_joined(name: str) -> str:
    """``นางสาว ยามีละห์`` -> ``นางสาวยามีละห์``: a space OCR read between a title and the name (fresh standard seed 129
    doc 0; a memo writes them as one word, like the output contract's ``นายวิภาค คงไชย``), taken out when the joined
    name still starts with that title and no longer one (``นาง สาวิตรี`` stays: joined it would read นางสาว + ิตรี)."""
    for title in titles():
        if name.startswith(title + " "):
            joined = title + name[len(title) + 1 :]
            if parse_name(joined).title == title:
                return joined
            return name
    return name


def parse_name(text: str) -> ParsedName:
    """Split a name into title(s), given name and family name.

    >>> parse_name("( นางสาวสุดา  ใจดี )")
    ParsedName(title='นางสาว', sep='', given='สุดา', family='ใจดี')
    """
    s = _SPACES.sub(" ", normalize_thai(text)).strip().strip("()[]{}").strip()
    title, sep = "", ""
    while True:
        for t in titles():
            if s.startswith(t) and len(s) > len(t):
                title = (title + sep + t) if title else t
                rest = s[len(t) :]
                sep = " " if rest.startswith(" ") else ""
                s = rest.strip()
                break
        else:
            break
    parts = s.split(" ")
    if len(parts) >= 3 and _given_name_tail(parts[0], parts[1], "".join(parts[2:])):
        parts = [parts[0] + parts[1], *parts[2:]]
    return ParsedName(title, sep, parts[0], "".join(parts[1:]))


GIVEN_TAIL_MAX = 5  # letters of a given name's tail that OCR spaced off (``ญจน์``)


def _given_name_tail(first: str, second: str, rest: str) -> bool:
    """Of three words after the title, is the second the tail of the given name OCR spaced off (``นางจิรกา ญจน์
    เจริญวดี``: fresh standard seed 119 doc 18, which became จิรกาญจน์ ญจน์เจริญวดี)? So when the two make a
    known given name, or the second is a short piece ending in a thanthakhat, as given names end, unless the first is a
    known given name and the second the head of a known family name with the ``rest`` (``นางสาวจุฑารัตน์ พงษ์ สวัสดิ์``:
    fresh standard seed 193 doc 18)."""
    given, family = _known()
    if first + second in given:
        return True
    head_of_family = first in given and second + rest in family
    return second.endswith(THANTHAKHAT) and len(second) <= GIVEN_TAIL_MAX and not head_of_family


@cache
def _given_lists() -> tuple[frozenset[str], frozenset[str]]:
    """pythainlp's men's and women's given names (the lists are clean Unicode already: normalize_thai on 22k names
    would cost 0.6 s)."""
    from pythainlp.corpus import thai_female_names, thai_male_names

    return frozenset(thai_male_names()), frozenset(thai_female_names())


@cache
def _known() -> tuple[frozenset[str], frozenset[str]]:
    from pythainlp.corpus import thai_family_names

    men, women = _given_lists()
    return men | women, frozenset(thai_family_names())


@dataclass(frozen=True)
class KnownNames:
    """Lists of known given and family names, indexed by skeleton."""

    given: frozenset[str]
    family: frozenset[str]

    @classmethod
    def default(cls) -> KnownNames:
        return _default_known()

    def contains(self, part: str, value: str) -> bool:
        return value in (self.given if part == "given" else self.family)

    def same_skeleton(self, part: str, value: str) -> list[str]:
        return _skeleton_index(self.given if part == "given" else self.family).get(skeleton(value), [])


@cache
def _default_known() -> KnownNames:
    g, f = _known()
    return KnownNames(g, f)


@lru_cache(maxsize=8)
def _skeleton_index(names: frozenset[str]) -> dict[str, list[str]]:
    """The names by skeleton (keyed by the set itself: an ``id`` is reused once a set is gone)."""
    idx: dict[str, list[str]] = {}
    for n in names:
        idx.setdefault(skeleton(n), []).append(n)
    return idx


def _sym_sim(a: str, b: str) -> float:
    if not a or not b:
        return 100.0 if a == b else 0.0
    return 100.0 * (1.0 - min(wdist(a, b), wdist(b, a)) / max(len(a), len(b)))


def _cluster(parsed: list[ParsedName]) -> list[list[int]]:
    """Mentions of one person: both parts similar (single link)."""
    sets = DisjointSets(len(parsed))
    for i in range(len(parsed)):
        for j in range(i):
            a, b = parsed[i], parsed[j]
            if _sym_sim(a.given, b.given) >= SAME_PERSON and _sym_sim(a.family, b.family) >= SAME_PERSON:
                sets.union(i, j)
    return sets.groups()


def _resolve_part(
    readings: list[str], part: str, known: KnownNames, single_known: bool
) -> tuple[dict[str, tuple[str, float]], list[str]]:
    """Map each reading of one name part to its repaired form (with a score); warnings."""
    counts = Counter(r for r in readings if r)
    fix: dict[str, tuple[str, float]] = {}
    warnings: list[str] = []
    if not counts:
        return fix, warnings
    is_known = {r: known.contains(part, r) for r in counts}
    known_readings = [r for r in counts if is_known[r]]
    for r in counts:
        if is_known[r]:
            continue
        one = _one_of_two_vowels(r, part, known)
        if one is None and not known_readings:
            one = known_one_misreading_away(r, part, known) or _ending_written(r, part, known)
        if one is not None:
            fix[r] = (one, similarity(r, one))
            continue
        target: str | None = None
        # another reading of the same person that is a known name, close to this one
        close = sorted((wdist(r, k), k) for k in known_readings if wdist(r, k) <= DOC_MAX_COST)
        if close and (len(close) == 1 or close[1][0] - close[0][0] >= SINGLE_MARGIN):
            target = close[0][1]
        elif not known_readings:
            # a clear majority of unknown readings
            (top, n_top), *rest = counts.most_common()
            if (
                top != r
                and n_top >= 2
                and n_top >= 2 * counts[r]
                and (not rest or n_top > rest[0][1])
                and wdist(r, top) <= DOC_MAX_COST
            ):
                target = top
            else:
                # OCR drops marks far more often than it adds them: of two readings, the one that
                # explains the other by cheap losses is the better guess
                direct = sorted(
                    (wdist(r, c), c)
                    for c in counts
                    if c != r
                    and counts[c] >= counts[r]
                    and wdist(r, c) <= DOC_MAX_COST
                    and wdist(c, r) - wdist(r, c) >= DIRECTION_MARGIN
                )
                if len(direct) == 1:
                    target = direct[0][1]
        value = target or r
        if single_known and not known_readings and not known.contains(part, value):
            # no known reading in the document: a unique known name differing by cheap confusions only
            cands = sorted((wdist(value, k), k) for k in known.same_skeleton(part, value) if k != value)
            if (
                cands
                and cands[0][0] <= SINGLE_MAX_COST
                and (len(cands) == 1 or cands[1][0] - cands[0][0] >= SINGLE_MARGIN)
            ):
                target = cands[0][1]
        if target is not None and target != r:
            fix[r] = (target, similarity(r, target))
    if len(known_readings) > 1:
        warnings.append(f"{part} name read as {' / '.join(sorted(known_readings))}; kept as read")
    return fix, warnings


@cache
def _name_endings() -> tuple[tuple[str, str, bool], ...]:
    return tuple((read, written, family == "yes") for read, written, family in load_table("name_endings.tsv"))


def _ending_written(reading: str, part: str, known: KnownNames) -> str | None:
    """A given name no list has, read ending without the thanthakhat its ending carries almost always
    (``dictionaries/name_endings.tsv``: ``วิรุทธิ`` -> วิรุทธิ์); a family name so where its ``family`` says so and the
    name with it is listed (``เนินสวัสดิ`` -> เนินสวัสดิ์: an unlisted family name so written is more often another
    misreading, ``สามิบัดิ`` for สามิบัติ); None otherwise."""
    for read, written, family in _name_endings():
        if reading.endswith(read) and len(reading) > len(read):
            name = reading[: len(reading) - len(read)] + written
            if part == "given" or (family and known.contains(part, name)):
                return name
    # an ending no table row names, a consonant and sara i, that the lists write with the thanthakhat and never without
    # it (``วัชระพลศิ`` for วัชระพลศิ์: clean render seed 31 doc 3; no listed name ends ศิ), where the name so written is
    # listed
    name = reading + THANTHAKHAT
    if _SARA_I_END.search(reading) and known.contains(part, name) and not _bare_endings().get(reading[-2], 0):
        return name
    return None


_SARA_I_END = re.compile("[\u0e01-\u0e2e]\u0e34$")


@cache
def _bare_endings() -> dict[str, int]:
    """Consonant -> how many names of the name lists (``KnownNames.default``) end with it and sara i, no thanthakhat
    after: ต 261, ร 106, ธ 34, ด 3, ศ none (against ศิ์ once, ดิ์ 265 times)."""
    known = KnownNames.default()
    return dict(Counter(n[-2] for n in known.given | known.family if _SARA_I_END.search(n)))


_TWO_VOWELS = re.compile("[\u0e38\u0e39]{2}|[\u0e31\u0e34-\u0e37]{2}")  # two below, or two above, vowels


def _one_of_two_vowels(reading: str, part: str, known: KnownNames) -> str | None:
    """A reading with two vowels on one consonant where Thai has one (``พวงนุูช``: ุ and ู, both OCR's): the
    one known name that keeps either of them, if exactly one does (standard seed 83 doc 4: พวงนุช)."""
    m = _TWO_VOWELS.search(reading)
    if m is None:
        return None
    a, b = m.start(), m.end()
    options = {reading[:a] + reading[a + 1 :], reading[: a + 1] + reading[b:]}
    found = [o for o in options if known.contains(part, o)]
    return found[0] if len(found) == 1 else None


# the tone marks, mai taikhu and sara uu: a name differs by one only where OCR lost it (ู: สรรพภัญญ for สรรพภัญญู,
# worn seed 62; the name test: 2 more names repaired, 1 more correct one changed)
# sara ue and sara uee lost too (stop 35: scripts/eval_lexicon.py's name test, seeds 1-5, one more name repaired on each
# and none more changed); sara ii and mai han-akat repaired more on seeds 1-4 but changed 2 and 3 more right names on
# seed 5, sara i and sara u more on seeds 2 and 3: left out
_TONE_MARKS = TONES + "\u0e47\u0e39\u0e36\u0e37"


_SPECK_END = re.compile("(?<=[\u0e01-\u0e2e])[\u0e38\u0e39]$")  # ``ควรสมทบู``
# ``รัต์น์``; or between two consonants, the second with its vowel (``ธารธ์ชา`` for ธารธชา: fresh worn seed 152 doc 4).
# Names write it there too (จันทร์ทิพย์: 667 of pythainlp's), so this is a candidate only for a reading no list has,
# taken where the reading without it is a listed name
_SPECK_THANTHAKHAT = re.compile(
    "\u0e4c(?=[\u0e01-\u0e2e]\u0e4c)|(?<=[\u0e01-\u0e2e])\u0e4c(?=[\u0e01-\u0e2e][\u0e30-\u0e39])"
)
# a sara u or uu under the consonant of a leading vowel (``ประไพูเพ็ชร``: fresh worn seed 148 doc 8): no Thai syllable
# writes one there, and none of pythainlp's 21218 names or its word list has one
_SPECK_AFTER_LEADING = re.compile("(?<=[\u0e40-\u0e44][\u0e01-\u0e2e])[\u0e38\u0e39]")


# a sara i over the consonant before one with a thanthakhat (``พัฒิน์ขจร`` for พัฒน์ขจร: fresh worn seed 162 doc 14, a
# 300 dpi thick copy): 10 of pythainlp's 21218 names write one there, and none of them without it is another listed name
_SPECK_SARA_I = re.compile("\u0e34(?=[\u0e01-\u0e2e]\u0e4c)")


def _speck_mark_less(reading: str) -> list[str]:
    """``reading`` without a mark no name writes there (``_SPECK_END``, ``_SPECK_THANTHAKHAT``,
    ``_SPECK_AFTER_LEADING``, ``_SPECK_SARA_I``)."""
    return [
        reading[: m.start()] + reading[m.end() :]
        for rx in (_SPECK_END, _SPECK_THANTHAKHAT, _SPECK_AFTER_LEADING, _SPECK_SARA_I)
        for m in rx.finditer(reading)
    ]


@lru_cache(maxsize=8)
def _by_one_mark_less(names: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each name with one of its tone marks (or mai taikhu) taken out -> the names that give it."""
    out: dict[str, set[str]] = {}
    for n in names:
        for i, c in enumerate(n):
            if c in _TONE_MARKS:
                out.setdefault(n[:i] + n[i + 1 :], set()).add(n)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _twins() -> tuple[tuple[str, str], ...]:
    """(what Tesseract writes, what the name has) for each twin of ``dictionaries/name_twins.tsv``, both ways
    round where its ``both`` says so (else its second letter read for its first): one letter for another, or a
    letter for two (ฤ read ``ถุ``)."""
    rows = load_table("name_twins.tsv")
    return tuple((a, b) for x, y, both in rows for a, b in ((y, x), (x, y))[: 2 if both == "yes" else 1])


def known_one_misreading_away(reading: str, part: str, known: KnownNames) -> str | None:
    """An unknown reading one cheap misreading away from exactly one known name: the name without one of its
    tone marks, its sara uu, sara ue or sara uee (``มิงขวัญ`` for มิ่งขวัญ, ``สรรพภัญญ`` for สรรพภัญญู), or with one letter read as
    its twin (``name_twins.tsv``: ``จุมพฎ`` for จุมพฏ, ``ถาวรถุทธิพล`` for ถาวรฤทธิพล); that name. Tesseract makes these over names. Not the
    thanthakhat (but ``_ending_written``): names come with and without it (ณัฐพัชร / ณัฐพัชร์, จิรภัทร / จิรภัทร์). With 30 % of given
    and 70 % of family names hidden from the lists (``scripts/eval_lexicon.py``, seeds 1-5, 8463 mentions):
    tone marks repaired 24 more names and changed 3 more correct ones, twins 22 more and none, sara uu 2 more
    and 1; restoring the thanthakhat too would have repaired 20 more and changed 15 more correct names. Where nothing
    is one misreading away, a reading without any tone mark may be the one known name with two (``_by_marks_less``)."""
    names = known.given if part == "given" else known.family
    found = set(_by_one_mark_less(names).get(reading, frozenset()))
    found.update(twin for twin, _end in _twin_readings(reading) if twin in names)
    # a thanthakhat lost inside the name, over a sara i before another letter (``ศักดิสง่า`` for ศักดิ์สง่า: clean render
    # seed 31 doc 0): at its end names come both ways (``_ending_written``), inside one ``ดิ`` + consonant rarely does
    found.update(
        c
        for i, ch in enumerate(reading[:-1])
        if ch == "\u0e34" and "\u0e01" <= reading[i + 1] <= "\u0e2e"
        for c in [reading[: i + 1] + THANTHAKHAT + reading[i + 1 :]]
        if c in names
    )
    # a mark a speck made where no name has one: a sara u or uu under the name's last letter, a thanthakhat on the
    # letter before another one's (``ควรสมทบู`` for ควรสมทบ, ``กัณญรัต์น์`` for กัณญรัตน์: blind worn seed 138 docs 17,
    # 12); inside a name a mark more or less makes another name (พันธุ์ / พันธ์, พงษ์ธร / พงษธร, สุรเดช / สรเดช)
    found.update(c for c in _speck_mark_less(reading) if c in names)
    if not found:
        found.update(_two_twins_away(reading, names))
    if not found and not any(c in _TONE_MARKS for c in reading):
        found.update(
            n for n in _by_marks_less(names).get(reading, frozenset()) if sum(c in _TONE_MARKS for c in n) == 2
        )
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8)
def _by_marks_less(names: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each name with all its tone marks (and mai taikhu) taken out -> the names that give it: two marks lost together
    (``ทังถิน`` for ทั่งถิ่น: fresh worn seed 206 doc 4, a thick 200-dpi copy), tried where nothing nearer is found."""
    out: dict[str, set[str]] = {}
    for n in names:
        out.setdefault("".join(c for c in n if c not in _TONE_MARKS), set()).add(n)
    return {k: frozenset(v) for k, v in out.items()}


def _twin_readings(reading: str, start: int = 0) -> list[tuple[str, int]]:
    """``reading`` with one letter (from ``start`` on) put back as its twin (``_twins``): (that text, where the twin ends)."""
    return [
        (reading[: m.start()] + meant + reading[m.end() :], m.start() + len(meant))
        for read, meant in _twins()
        for m in re.finditer(re.escape(read), reading)
        if m.start() >= start
    ]


def _two_twins_away(reading: str, names: frozenset[str]) -> set[str]:
    """The names two twins away from ``reading`` (``name_twins.tsv``, at two places): a rare letter and its partner
    read wrong together, ฎ read ฏ and ฐ read จ (``จิตติณัฏจ์`` for จิตติณัฎฐ์: worn seed 164 doc 9), ฏ read ภ and ฐ
    read จ (``พลเสภจ์`` for พลเสฏฐ์: blind worn seed 196 doc 18). Tried only where no name is one misreading away."""
    return {
        two
        for one, end in _twin_readings(reading)
        for two, _end in _twin_readings(one, end)
        if two in names and two != reading
    }


SHORT_TITLES = ("นาย", "นาง")


def _speck_after_title(p: ParsedName, known: KnownNames) -> ParsedName:
    """A mark read between the title and the name (``นางสาวักฤติกาน``: fresh worn seed 166 doc 4, a speck over the title's
    ว), where the name without it is a known given name and the name as read is none: that name. A letter lost before
    the mark (``นางสาวุจิษยา`` for รุจิษยา) is the name repair's, when no known name is left without the mark."""
    if not p.title or not p.given[:1] or p.given[0] not in COMBINING or known.contains("given", p.given):
        return p
    rest = p.given.lstrip(COMBINING)
    return ParsedName(p.title, p.sep, rest, p.family) if known.contains("given", rest) else p


def _short_title_misread(p: ParsedName, known: KnownNames, readings: Sequence[str] = ()) -> ParsedName:
    """A name read with no title, whose first three letters are นาย or นาง with one letter misread and whose rest is a
    known given name (the whole is none): that title and that name (fresh worn seed 148 doc 3: ``มายพิฆเนตร``, a
    signatory's นาย on a 150 dpi thick copy). ``fix_title`` leaves titles this short alone: without the name list's
    word a name's start is as likely (มายา, นางฟ้า). The known name may come from another reading of the line instead,
    with the same title misread, its rest starting with a known given name (``นวยภูเนศน์`` read again ``นวยภูเบศน์ศรีวงน์``
    by the Thai script model: fresh worn seed 162 doc 13); the name's parts are then chosen from the readings."""
    if p.title or known.contains("given", p.given):
        return p
    heads = [t for t in SHORT_TITLES if _one_letter_off(p.given, t)]
    if len(heads) == 2:  # นาล: นาย or นาง, as the name after it is a man's or a woman's (fresh worn seed 194 doc 5)
        heads = [t for t in heads if _gender_fits(t, p.given[len(t) :])]
    if len(heads) != 1:
        return p
    rest = p.given[len(heads[0]) :]
    if not known.contains("given", rest) and not any(_known_after_title(r, heads[0], known) for r in readings):
        return p
    return ParsedName(heads[0], "", rest, p.family)


MIN_GIVEN = 3  # letters of the shortest given name taken from the start of a reading


@cache
def _given_by_gender() -> tuple[frozenset[str], frozenset[str]]:
    """pythainlp's men's and women's given names, each without the names both lists hold."""
    men, women = _given_lists()
    return men - women, women - men


def _gender_fits(title: str, given: str) -> bool:
    """Is ``given`` a name only men bear after นาย, or only women after นาง?"""
    men, women = _given_by_gender()
    return given in (men if title == "นาย" else women)


def _one_letter_off(given: str, title: str) -> bool:
    """Does ``given`` start with ``title`` read with exactly one letter changed?"""
    return len(given) > len(title) and sum(a != b for a, b in zip(given[: len(title)], title)) == 1


def _known_after_title(reading: str, title: str, known: KnownNames) -> bool:
    """Is ``reading`` (a name line's group read again) ``title`` misread by one letter, then a known given name?"""
    q = parse_name(reading)
    if q.title or not _one_letter_off(q.given, title):
        return False
    rest = q.given[len(title) :]
    return any(known.contains("given", rest[:k]) for k in range(MIN_GIVEN, len(rest) + 1))


GLUED_READ_APART = 80.0  # similarity at least of a name read glued to the re-readings' name read apart


def _read_apart(p: ParsedName, readings: Sequence[str], known: KnownNames) -> ParsedName | None:
    """The name every re-reading of the line gives, given and family name apart and both known, for a name the page
    read glued into one word with a letter or two lost (``(นายทองน้อยเทศกจ)``, read again ``(นายทองน้อย เทศกิจ)`` twice:
    blind worn seed 204 doc 7, seen after its scoring, a pale 200 dpi copy); None when the readings differ, a part is
    unknown, the title differs or the letters are not near (``GLUED_READ_APART``)."""
    apart = {parse_name(r) for r in readings}
    if len(apart) != 1:
        return None
    (name,) = apart
    both_known = known.contains("given", name.given) and known.contains("family", name.family)
    if not (name.family and name.title == p.title and both_known):
        return None
    return name if similarity(p.given, name.given + name.family) >= GLUED_READ_APART else None


def resolve_names(
    mentions: list[tuple[int | None, str, str]],
    known: KnownNames | None = None,
    single_known: bool = False,
    readings: list[list[str]] | None = None,
) -> tuple[list[str], list[Correction], list[str]]:
    """Repair the names of one document's people from all their mentions.

    ``mentions``: (page, field, name as read); ``readings``: for each mention, other readings of
    it (its line read again from the pixels), weighed first (``name_readings.choose_reading``).
    Returns the names (same order, titles kept), one ``Correction`` (rule "name") per changed
    mention, and warnings. ``single_known`` also rewrites a name read once to the one known name
    that differs only by cheap confusions: off by default, because Thai names come in such
    variants (ณัฐพัชร/ณัฐพัชร์, อธิป/อธิบ) and in scripts/eval_lexicon.py it changed 1.7 % of
    correctly read names for 1.3 points of exact names.
    """
    from ocr_pipeline.clean.name_readings import choose_reading

    known = known or KnownNames.default()
    parsed = [parse_name(text) for _p, _f, text in mentions]
    out = [p.text() for p in parsed]
    # as read, so that the words parse_name joins (a family name OCR spaced: ``พงษ์ สวัสดิ์``) are a correction too
    as_read = [" ".join(normalize_thai(text).split()).strip("()[]{} ") for _p, _f, text in mentions]
    titled = [
        _speck_after_title(_short_title_misread(p, known, readings[i] if readings and i < len(readings) else []), known)
        for i, p in enumerate(parsed)
    ]
    first_scores: dict[int, float] = {
        i: similarity(parsed[i].given, t.title + t.given) for i, t in enumerate(titled) if t is not parsed[i]
    }
    parsed = titled
    parsed = [_split_glued(p, parsed, known) if not p.family else p for p in parsed]
    for i, others in enumerate(readings or []):
        if others and parsed[i].family:
            choice = choose_reading(parsed[i], others, known)
            if choice.changed:
                parsed[i], first_scores[i] = choice.name, min(choice.score, first_scores.get(i, 100.0))
        elif others and (whole := _read_apart(parsed[i], others, known)) is not None:
            parsed[i], first_scores[i] = (
                whole,
                min(similarity(parsed[i].text(), whole.text()), first_scores.get(i, 100.0)),
            )
    corrections: list[Correction] = []
    warnings: list[str] = []
    for group in _cluster(parsed):
        new = {i: parsed[i] for i in group}
        scores: dict[int, list[float]] = {i: [first_scores[i]] if i in first_scores else [] for i in group}
        for part in ("given", "family"):
            fix, warn = _resolve_part([getattr(parsed[i], part) for i in group], part, known, single_known)
            label = parsed[group[0]].text()
            warnings += [f"{label}: {w}" for w in warn]
            for i in group:
                value = getattr(parsed[i], part)
                if value in fix:
                    target, score = fix[value]
                    new[i] = (
                        ParsedName(new[i].title, new[i].sep, target, new[i].family)
                        if part == "given"
                        else ParsedName(new[i].title, new[i].sep, new[i].given, target)
                    )
                    scores[i].append(score)
        for i in group:
            after = new[i].text()
            if after != out[i] or after != as_read[i]:
                page, field_name, before = mentions[i]
                corrections.append(
                    Correction(page, field_name, before, after, "name", round(min(scores[i], default=100.0), 1))
                )
                out[i] = after
    return out, corrections, warnings


def _split_glued(p: ParsedName, others: list[ParsedName], known: KnownNames) -> ParsedName:
    """Given and family name read as one word (OCR lost the space): split it like another
    mention of the same person, or where a known given name meets a known family name."""
    glued = p.given
    best: tuple[float, int] = (0.0, 0)
    for o in others:
        if not o.family:
            continue
        whole = o.given + o.family
        if _sym_sim(glued, whole) < 85.0:
            continue
        for cut in range(2, len(glued) - 1):
            score = _sym_sim(glued[:cut], o.given) + _sym_sim(glued[cut:], o.family)
            if score > best[0]:
                best = (score, cut)
    if not best[1]:
        cuts = [
            c
            for c in range(2, len(glued) - 1)
            if known.contains("given", glued[:c]) and known.contains("family", glued[c:])
        ]
        if len(cuts) == 1:
            best = (200.0, cuts[0])
    if not best[1]:
        return p
    return ParsedName(p.title, p.sep, glued[: best[1]], glued[best[1] :])


_BODY_NAME = re.compile(r"(?:นางสาว|นาง|นาย)\s?([\u0e01-\u0e4e]{2,20})\s([\u0e01-\u0e4e]{2,25})")


def find_names(text: str, known: KnownNames | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of titled names in body text whose given name is a known name.

    >>> find_names("โดยนายวิภาค คงไชย ตำแหน่งเจ้าพนักงานธุรการ")
    [(3, 17, 'นายวิภาค คงไชย')]
    """
    known = known or KnownNames.default()
    out = []
    for m in _BODY_NAME.finditer(text):
        if known.contains("given", m.group(1)):
            out.append((m.start(), m.end(), m.group(0)))
    return out
