"""One signatory's name read several times: the page's reading and the re-readings of its cropped
line (``ocr/name_lines.py``). The name chosen is the one that explains all readings most cheaply.

OCR loses marks far more often than it adds them, and each reader loses different ones: of
``ปินทอง``, ``ปิ่นทอง`` and ``ปืนทอง`` the second explains the others (a lost mai ek; ``ิ่`` read as
``ื``). Each part (given name, family name) is chosen on its own: the candidates are the readings,
the readings with a confusion of ``dictionaries/name_confusions.tsv`` undone, and the known names
(pythainlp's lists) with the same skeleton; a candidate costs the weighted edit distances
(``lexicon.wdist``) from it to every reading, less a bonus when it is a known name. A part is changed
only when its reading costs ``READING_MARGIN`` more than the best candidate; a candidate no reading
wrote (a known name alone) needs ``LIST_READINGS`` readings that agree. A part the page read as no
known name takes the one known name that the readings unlike the page's give (``_known_reading``):
the page's and the ``tha`` model's reading again share their errors (``สศิริเพ็ญ`` twice), the
Thai script model's ``ศิริเพ็ญ`` is the list's.

>>> from ocr_pipeline.clean.names import KnownNames, parse_name
>>> known = KnownNames(frozenset({"วณิชชา"}), frozenset({"ปิ่นทอง"}))
>>> choice = choose_reading(parse_name("นางสาววณิชชา ปินทอง"), ["นางสาววณิชชา ปืนทอง", "นางสาววณิชชา ปิ่นทอง"], known)
>>> choice.name.text()
'นางสาววณิชชา ปิ่นทอง'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.lexicon import skeleton, wdist
from ocr_pipeline.clean.names import KnownNames, ParsedName, fix_title, known_one_misreading_away, parse_name
from ocr_pipeline.clean.thai_text import COMBINING, normalize_thai, without_marks
from ocr_pipeline.resources import load_table

KNOWN_BONUS = 1.0  # a known name's cost is lowered by this much
READING_MARGIN = 0.2  # a part as read is changed when it costs this much more than the best candidate
LIST_READINGS = 3  # a candidate that no reading wrote needs this many readings (a known name alone)
MAX_PART_COST = 1.6  # a candidate further than this from most readings (by weight) is not considered
FIRST_WEIGHT = 1.3  # the page's reading counts this many times (the re-readings share one crop)
LETTERS_NEED_KNOWN = True  # a part whose letters (marks aside) change must become a known name
KNOWN_READING_COST = 1.6  # a part read as no known name takes the known name another reading gives this close
SKELETON_COST = 0.5  # a reading stands for a known name of its skeleton this close (the only one)
TITLE_EDITS = 1  # a garbled title (``น่าย``) is recognised within this many edits of another reading's


@dataclass(frozen=True)
class NameChoice:
    """The name chosen from a mention's readings; ``score`` (0-100) grows with the margin by which
    it beat the name as read; ``changed``: the parts that differ from the first reading."""

    name: ParsedName
    score: float
    changed: tuple[str, ...]


@cache
def _confusions() -> tuple[tuple[str, str, float], ...]:
    """(read, true, cost) of ``dictionaries/name_confusions.tsv``: what OCR writes for a cluster of marks."""
    return tuple((normalize_thai(r), normalize_thai(t), float(c)) for r, t, c in load_table("name_confusions.tsv"))


def _undone(value: str) -> list[tuple[str, float]]:
    """``value`` with one confusion of the table undone, at each place it may be, with its cost."""
    out = []
    for read, true, cost in _confusions():
        at = value.find(read)
        while at >= 0:
            out.append((value[:at] + true + value[at + len(read) :], cost))
            at = value.find(read, at + 1)
    return out


def reading_cost(read: str, true: str) -> float:
    """What it costs to read ``true`` as ``read``: the weighted edit distance, or that of a known
    confusion of marks plus its cost (``ปืน`` for ``ปิ่น``).

    >>> reading_cost("ปืน", "ปิ่น") < reading_cost("ปืน", "ปิน")
    True
    """
    best = wdist(read, true)
    for undone, cost in _undone(read):
        best = min(best, cost + wdist(undone, true))
    return best


# specks read before a name line's bracket (``. (นายมาวิณหุ้ น้อมศิริ)``: standard seed 147 doc 8)
_LEADING_SPECKS = re.compile(r"^[\s.,:;'`|\-_~*]+(?=\()")


def align_reading(text: str, like: ParsedName) -> ParsedName | None:
    """A reading of a name line's group parsed like ``like`` (the page's reading): its title
    recognised even when garbled, its given and family name cut where ``like`` cuts them when its
    own spaces are missing or too many (the Thai script model spaces every glyph)."""
    p = parse_name(fix_title(_LEADING_SPECKS.sub("", text)))
    body = p.given + (" " + p.family if p.family else "")
    title = p.title
    if title != like.title and like.title:
        compact = "".join((p.title + p.sep + body).split())
        target = like.title.replace(" ", "")
        lengths = range(max(1, len(target) - TITLE_EDITS), len(target) + TITLE_EDITS + 1)
        cut = min(lengths, key=lambda n: (Levenshtein.distance(compact[:n], target), abs(n - len(target))))
        if Levenshtein.distance(compact[:cut], target) > TITLE_EDITS:
            return None
        title, body = like.title, compact[cut:]
    words = body.split()
    if not words:
        return None
    if len(words) == 2 and like.family:
        given, family = words
    else:
        given, family = _cut_like("".join(words), like)
    return ParsedName(title, like.sep, given, family)


def _titled_like(first: ParsedName, others: list[str]) -> ParsedName:
    """``first`` with the title the other readings agree on, when OCR garbled it so that no title
    was recognised (``น่ายสมชาย``, ``ว่าทร้อยตรภาคภูเบศ``): its start is that title when it has the
    title's skeleton (``lexicon.skeleton``: cheaply lost marks aside)."""
    if first.title or not others:
        return first
    title = _agreed_title(others)
    if not title:
        return first
    target = skeleton(title.replace(" ", ""))
    fits = [n for n in range(1, len(first.given)) if skeleton(first.given[:n]) == target]
    if not fits:
        fits = _misread_title_cut(first.given, title, [p for t in others if (p := parse_name(fix_title(t))).title])
    if not fits:
        return first
    n = min(fits, key=lambda n: (Levenshtein.distance(first.given[:n], title), n))
    return ParsedName(title, "", first.given[n:], first.family)


def _agreed_title(others: list[str]) -> str:
    """The title most of the other readings have, "" when they do not agree: the page lost its title with the given
    name's start, which the readings gave (``(งัฐวว อ่อนอิม)`` read again ``(นางรัฐวีร์ อ่อนอิม)``: specks seed 15
    doc 1 came out without นาง)."""
    titles = Counter(parse_name(fix_title(t)).title for t in others)
    title, count = titles.most_common(1)[0] if titles else ("", 0)
    return title if title and count * 2 > len(others) else ""


def _misread_title_cut(given: str, title: str, titled: list[ParsedName]) -> list[int]:
    """Where a title misread beyond its marks ends in ``given`` (``หายขวัดวัทน์`` for นายชวัลวัทน์: worn seed 130
    doc 2, น read ห): one letter edit from the title, and what follows it is within one edit of the given name
    a titled re-reading has (a name that merely starts like a title is not one its re-readings read apart)."""
    return [
        n
        for n in range(max(1, len(title) - 1), min(len(given) - 1, len(title) + 1) + 1)
        if Levenshtein.distance(given[:n], title) <= 1
        and any(Levenshtein.distance(given[n:], p.given) <= 1 for p in titled if p.title == title)
    ]


def _cut_like(glued: str, like: ParsedName) -> tuple[str, str]:
    """``glued`` (a name whose space was lost) cut into given and family name where they are closest to
    ``like``'s; never before a mark or a following vowel (standard seed 91 doc 14: ``บวรกิตติ์ทับลา`` cut as
    บวรกิตติ + ์ทับลา, a tie, lost the known บวรกิตติ์)."""
    if not like.family or len(glued) < 2:
        return glued, ""
    cuts = [c for c in range(1, len(glued)) if glued[c] not in COMBINING] or list(range(1, len(glued)))
    cut = min(
        cuts,
        key=lambda c: Levenshtein.distance(glued[:c], like.given) + Levenshtein.distance(glued[c:], like.family),
    )
    return glued[:cut], glued[cut:]


def choose_reading(first: ParsedName, others: list[str], known: KnownNames | None = None) -> NameChoice:
    """The name that explains ``first`` (the page's reading) and ``others`` (re-readings of the
    same group of the same line) best; ``first`` itself when nothing beats it clearly."""
    known = known or KnownNames.default()
    as_read = first
    first = _titled_like(first, others)
    readings = [first] + [r for r in (align_reading(t, first) for t in others) if r is not None]
    whole = _known_whole(first, readings[1:], known)
    if whole is not None:
        name = ParsedName(first.title, first.sep, whole.given, whole.family)
        changed = tuple(p for p in ("title", "given", "family") if getattr(name, p) != getattr(as_read, p))
        return NameChoice(name, WHOLE_SCORE, changed)
    parts = {}
    scores = []
    for part in ("given", "family"):
        values = [getattr(r, part) for r in readings]
        value, margin = _choose_part(values, part, known)
        parts[part] = value
        if value != values[0]:
            scores.append(margin)
    title = first.title or (_agreed_title(others) if parts["given"] != first.given else "")
    name = ParsedName(title, first.sep, parts["given"], parts["family"])
    changed = tuple(p for p in ("title", "given", "family") if getattr(name, p) != getattr(as_read, p))
    if first.title != as_read.title:
        scores.append(2.0)  # the title every other reading has: a clear case
    score = min((_margin_score(m) for m in scores), default=100.0)
    return NameChoice(name, score, changed)


WHOLE_SCORE = 75.0  # a whole name taken from a re-reading (``_known_whole``)


def _known_whole(first: ParsedName, others: list[ParsedName], known: KnownNames) -> ParsedName | None:
    """The one re-reading whose given and family names are both known names, its given name the page's letters with
    other marks, where the page's reading has neither part known: its ink (a signature over the line) spoilt the
    page's reading (``นายธระศกด พทวิ`` read again ``นายธีระศักดิ์ งอยผาลา``: blind standard seed 191 doc 15)."""
    if not first.given or known.contains("given", first.given) or known.contains("family", first.family):
        return None
    whole = {
        (r.given, r.family)
        for r in others
        if known.contains("given", r.given)
        and known.contains("family", r.family)
        and without_marks(r.given) == without_marks(first.given)
    }
    if len(whole) != 1:
        return None
    given, family = whole.pop()
    return ParsedName(first.title, first.sep, given, family)


def _margin_score(margin: float) -> float:
    """0-100 from the margin a chosen part had over the part as read (READING_MARGIN gives 60)."""
    return round(min(99.0, 60.0 + 40.0 * (margin - READING_MARGIN) / (2.0 - READING_MARGIN)), 1)


def _choose_part(values: list[str], part: str, known: KnownNames) -> tuple[str, float]:
    """(chosen value, its margin over the first value) of one name part from its readings."""
    first = values[0]
    thai = [v for v in values[1:] if v and not _LATIN.search(v)]
    if first and _LATIN.search(first) and thai and all(v == thai[0] for v in thai):
        # Latin letters in a Thai name are a misreading (``Heลูลืม``: fresh worn seed 116 doc 8): the re-readings
        # that agree on a Thai reading are the page's reading of it
        return thai[0], 2.0
    observed = [v for v in values if v]
    if not first or not observed:
        return first, 0.0
    candidates = set(observed)
    for v in observed:
        candidates.update(u for u, _cost in _undone(v))
        candidates.update(known.same_skeleton(part, v))
    counts: dict[str, float] = {}
    for v in observed:
        counts[v] = counts.get(v, 0.0) + 1.0
    counts[first] += FIRST_WEIGHT - 1.0

    def cost(candidate: str) -> float:
        total = sum(n * reading_cost(v, candidate) for v, n in counts.items())
        return total - (KNOWN_BONUS if known.contains(part, candidate) else 0.0)

    first_known = known.contains(part, first)

    total = sum(counts.values())

    def allowed(c: str) -> bool:
        near = sum(n for v, n in counts.items() if reading_cost(v, c) <= MAX_PART_COST)
        if 2 * near <= total or (c not in counts and len(observed) < LIST_READINGS):
            return False
        if first_known and not known.contains(part, c):
            # the page read a known name: the re-readings (one crop, its neighbours' ink as well) do not make it one
            # no list has (all three such changes in the benchmark's outputs of stops 28-30 were harmful:
            # ``สรรสมบัติ`` -> ``สรรุสมบัติ``, fresh standard seed 123 doc 0; ``พงศ์ฉบับนุภา``; ``กฤษณ์กมลู``)
            return False
        # the re-readings share one cut: letters (not marks) they change need a known name
        return (
            not LETTERS_NEED_KNOWN
            or without_marks(c) == without_marks(first)
            or (known.contains(part, c) and not first_known)
        )

    if not first_known:
        target = _known_reading([v for v in values[1:] if v != first], part, known)
        if target is not None and target != first and reading_cost(first, target) <= KNOWN_READING_COST:
            return target, max(READING_MARGIN, cost(first) - cost(target))
    ranked = sorted((cost(c), c) for c in candidates if allowed(c))
    if not ranked:
        return first, 0.0
    best_cost, best = ranked[0]
    margin = cost(first) - best_cost
    if best == first or margin < READING_MARGIN:
        return first, 0.0
    return best, margin


def _known_reading(others: list[str], part: str, known: KnownNames) -> str | None:
    """The one known name the other readings of a part (those unlike the page's) give: a reading
    that is a known name, or the only known name a reading differs from by cheap confusions
    (``ภูวณัฏฐ์`` for ``ภูวณัฎฐ์``). Readings that agree with the page are no evidence for a name of
    the list that none of them wrote."""
    found = set()
    for v in others:
        if not v:
            continue
        if known.contains(part, v):
            found.add(v)
            continue
        near = [k for k in known.same_skeleton(part, v) if wdist(v, k) <= SKELETON_COST]
        if len(near) == 1:
            found.add(near[0])
        elif (twin := known_one_misreading_away(v, part, known)) is not None:
            found.add(twin)  # one misreading Tesseract makes over names away (``มาวิณหุ้`` for มาวิณหุ์)
    return found.pop() if len(found) == 1 else None


_LATIN = re.compile("[A-Za-z]")
