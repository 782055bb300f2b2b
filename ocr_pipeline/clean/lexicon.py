"""Repair OCR-garbled report vocabulary: closed-set fields (units, positions, table headings) and
domain words in free text.

Distances are weighted edit distances (``wdist``): the costs in ``dictionaries/ocr_confusions.tsv``
make the edits Tesseract's Thai model really makes (a dropped tone mark or upper vowel, ด for ต,
ข for ช, า for ำ, a doubled glyph) cheaper than arbitrary ones. A candidate is found through its
*skeleton* (the text with the cheapest confusions folded together) and one or two more edits, then
scored exactly. Every rewrite needs a score threshold AND a margin over the runner-up; text that is
not vocabulary (an agency name after a position, digits, Latin, bracketed names, protected spans)
is kept as read.

>>> repair_units("กองคลัง / กองข่าง")[0]
'กองคลัง / กองช่าง'
>>> r = repair_position("ปลัดเทศบาลตําบถกกโก")
>>> (r.position, r.agency)
('ปลัดเทศบาลตำบล', 'กกโก')
>>> repair_words("เผยแพรข้อมูลข่าวสารผ่านเว็บไซต")[0]
'เผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import (
    ABOVE_BELOW,
    COMBINING,
    LEADING_VOWELS,
    TONES,
    marks_only,
    normalize_thai,
    without_marks,
)
from ocr_pipeline.model import Correction
from ocr_pipeline.resources import load_list, load_table

# ----------------------------------------------------------------------------- weighted distance

# Marks and following vowels: no word starts with one.
_NO_START = frozenset(COMBINING)
EMPTY = "-"  # in ocr_confusions.tsv: "no character" (a deletion or an insertion)
DEFAULT_COST = 1.0
DOUBLED_COST = 0.5  # OCR writing a glyph twice
SKELETON_COST = 0.5  # confusions at most this cheap are folded into the skeleton
SPACE_COST = 0.1  # a space OCR put inside a word (or dropped)


@dataclass(frozen=True)
class Confusions:
    """Edit costs: ``sub[(true, read)]``, ``dele[true]`` (OCR lost it), ``ins[read]`` (OCR added it)."""

    sub: dict[tuple[str, str], float]
    dele: dict[str, float]
    ins: dict[str, float]


@cache
def confusions() -> Confusions:
    """The confusion table, loaded once; rows ``true, read, cost, symmetric``."""
    sub: dict[tuple[str, str], float] = {}
    dele: dict[str, float] = {" ": SPACE_COST}
    ins: dict[str, float] = {" ": SPACE_COST}
    for row in load_table("ocr_confusions.tsv"):
        true, read, cost = row[0], row[1], float(row[2])
        both = len(row) > 3 and row[3].lower() == "yes"
        pairs = [(true, read)] + ([(read, true)] if both else [])
        for t, r in pairs:
            if t == EMPTY:
                ins[r] = min(cost, ins.get(r, DEFAULT_COST))
            elif r == EMPTY:
                dele[t] = min(cost, dele.get(t, DEFAULT_COST))
            else:
                sub[(t, r)] = min(cost, sub.get((t, r), DEFAULT_COST))
    return Confusions(sub, dele, ins)


@cache
def _sub_by_true() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for (t, r), cost in confusions().sub.items():
        out.setdefault(t, {})[r] = cost
    return out


def _last_row(true: str, read: str, cf: Confusions) -> list[float]:
    """Cost of reading all of ``true`` as ``read[:j]``, for every j (one DP row per true char)."""
    dele, ins, subs = cf.dele, cf.ins, _sub_by_true()
    n = len(read)
    ins_cost = [DOUBLED_COST if j and read[j] == read[j - 1] else ins.get(read[j], DEFAULT_COST) for j in range(n)]
    row = [0.0] * (n + 1)
    for j in range(n):
        row[j + 1] = row[j] + ins_cost[j]
    for t in true:
        d = dele.get(t, DEFAULT_COST)
        sub_t = subs.get(t, {})
        new = [row[0] + d]
        prev = new[0]
        for j in range(n):
            r = read[j]
            best = row[j] + (0.0 if r == t else sub_t.get(r, DEFAULT_COST))
            up = row[j + 1] + d
            if up < best:
                best = up
            left = prev + (DOUBLED_COST if r == t and j and read[j - 1] == t else ins_cost[j])
            if left < best:
                best = left
            new.append(best)
            prev = best
        row = new
    return row


@lru_cache(maxsize=65536)
def wdist(read: str, true: str) -> float:
    """Weighted edit distance from what the document says (``true``) to what OCR ``read``.

    >>> wdist("ขอมูล", "ข้อมูล") < wdist("ขอมูล", "ขนมูล")
    True
    """
    return _last_row(true, read, confusions())[-1]


def wdist_fast(read: str, true: str) -> float:
    """The weighted cost of one plain (unit-cost) alignment: never below ``wdist``, usually equal
    for close strings, and ten times faster (rapidfuzz finds the alignment)."""
    cf = confusions()
    cost = 0.0
    for edit in Levenshtein.editops(true, read):
        op, i, j = edit.tag, edit.src_pos, edit.dest_pos
        if op == "replace":
            cost += cf.sub.get((true[i], read[j]), DEFAULT_COST)
        elif op == "delete":
            cost += cf.dele.get(true[i], DEFAULT_COST)
        else:
            r = read[j]
            doubled = (j and read[j - 1] == r) or (j + 1 < len(read) and read[j + 1] == r)
            cost += DOUBLED_COST if doubled else cf.ins.get(r, DEFAULT_COST)
    return cost


def similarity(read: str, true: str) -> float:
    """0-100: 100 minus the weighted distance as a percentage of ``true``'s length."""
    if not true:
        return 0.0
    return max(0.0, 100.0 * (1.0 - wdist(read, true) / len(true)))


MAX_COST_BASE = 1.0  # a rewrite must be explainable by at most this much weighted editing ...
MAX_COST_PER_CHAR = 0.06  # ... plus this per character of the entry
MAX_EDIT_RUN = 2  # and by no more than this many misread characters in a row
WIDE_MARGIN = 20.0  # a closed-set match this far ahead of its runner-up may be read more loosely:
WIDE_COST_PER_CHAR = 0.15  # (per character of the entry)


def plausible_misreading(read: str, true: str, per_char: float = MAX_COST_PER_CHAR) -> bool:
    """Could OCR have read ``true`` as ``read``? Few edits in all (MAX_COST_BASE + ``per_char``
    per character), and none that replace a whole word (a run of more than MAX_EDIT_RUN edited
    characters).

    >>> plausible_misreading("กองข่าง", "กองช่าง"), plausible_misreading("งานคลัง", "งานทั่วไป")
    (True, False)
    """
    if wdist(read, true) > MAX_COST_BASE + per_char * len(true):
        return False
    touched = sorted({edit.src_pos for edit in Levenshtein.editops(true, read)})
    run = longest = 0
    prev = -2
    for i in touched:
        run = run + 1 if i <= prev + 1 else 1
        longest = max(longest, run)
        prev = i
    return longest <= MAX_EDIT_RUN


@cache
def _fold() -> dict[int, str | None]:
    """Translation table of the skeleton: cheap losses removed, cheap confusions folded."""
    cf = confusions()
    drop = {c for c, cost in cf.dele.items() if cost <= SKELETON_COST}
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for (t, r), cost in sorted(cf.sub.items()):
        if cost <= SKELETON_COST and t not in drop and r not in drop:
            a, b = find(t), find(r)
            if a != b:
                parent[max(a, b)] = min(a, b)
    table: dict[int, str | None] = {ord(c): None for c in drop}
    table.update({ord(c): find(c) for c in parent})
    return table


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """``text`` with cheaply confused characters folded and cheaply lost marks removed.

    >>> skeleton("ทุจริต") == skeleton("ทจรีด")
    True
    """
    return text.translate(_fold())


# ----------------------------------------------------------------------------- vocabulary index


def key(text: str) -> str:
    """The comparison form: Thai-normalised, all whitespace removed."""
    return "".join(normalize_thai(text).split())


class Match(NamedTuple):
    """Best vocabulary entry for a string and the runner-up (a different entry)."""

    entry: str | None
    score: float
    runner_up: str | None
    runner_up_score: float

    def accepted(self, threshold: float, margin: float) -> bool:
        return self.entry is not None and self.score >= threshold and self.score - self.runner_up_score >= margin


_VOCABS: list[Vocabulary] = []  # every vocabulary built, by ``vid`` (for the prefix-match and candidate caches)


class Vocabulary:
    """Entries of a closed vocabulary with their skeletons (for fast candidate search)."""

    def __init__(self, entries: Iterable[str]):
        seen: dict[str, str] = {}
        for e in entries:
            e = " ".join(normalize_thai(e).split())
            k = e.replace(" ", "")
            if k and k not in seen:
                seen[k] = e
        self.vid = len(_VOCABS)
        _VOCABS.append(self)
        self.text: dict[str, str] = seen  # key -> entry as written back
        self.keys: list[str] = list(seen)
        self.skels: list[str] = [skeleton(k) for k in self.keys]
        self.letters: dict[str, int] = {k: len(without_marks(k)) for k in self.keys}  # each key's length, marks aside
        self._by_skel: dict[str, list[str]] = {}
        by_len: dict[int, list[int]] = {}
        for i, (k, sk) in enumerate(zip(self.keys, self.skels)):
            self._by_skel.setdefault(sk, []).append(k)
            by_len.setdefault(len(sk), []).append(i)
        self._by_len = {n: ([self.keys[i] for i in ix], [self.skels[i] for i in ix]) for n, ix in by_len.items()}

    def __contains__(self, k: str) -> bool:
        return k in self.text

    def candidates(self, k: str, edits: int | None = None) -> list[str]:
        """Entry keys whose skeleton is within ``edits`` (default 1, 2 from 8 characters, 3 from 20)
        plain edits of the skeleton of ``k``."""
        if edits is None:
            edits = 1 if len(k) < 8 else 2 if len(k) < 20 else 3
        return list(_skeleton_candidates(self.vid, skeleton(k), edits))

    def skeleton_candidates(self, sk: str, edits: int) -> tuple[str, ...]:
        """Entry keys whose skeleton is within ``edits`` plain edits of the skeleton ``sk``."""
        out: list[str] = []
        for n in range(len(sk) - edits, len(sk) + edits + 1):
            keys, skels = self._by_len.get(n, ((), ()))
            if keys:
                hits = process.extract(sk, skels, scorer=Levenshtein.distance, score_cutoff=edits, limit=None)
                out += [keys[i] for _s, _d, i in hits]
        return tuple(out)

    def exact_skeleton(self, k: str) -> list[str]:
        return self._by_skel.get(skeleton(k), [])

    def match(self, k: str, pool: Iterable[str] | None = None, exact: int = 2) -> Match:
        """Best entry for key ``k`` among ``pool`` (default: the skeleton candidates).

        The pool is ranked with ``wdist_fast``; the first ``exact`` are scored with ``wdist``."""
        pool = list(dict.fromkeys(self.candidates(k) if pool is None else pool))
        if len(pool) > exact:
            pool.sort(key=lambda c: wdist_fast(k, c) / len(c))
            pool = pool[:exact]
        scored = sorted(((similarity(k, c), c) for c in pool), reverse=True)
        if not scored:
            return Match(None, 0.0, None, 0.0)
        best = scored[0]
        second = scored[1] if len(scored) > 1 else (0.0, None)
        return Match(best[1], best[0], second[1], second[0])

    def fuzzy_pool(self, k: str, cutoff: float = 55.0, limit: int = 8) -> list[str]:
        """Entries whose plain ``fuzz.ratio`` to ``k`` is at least ``cutoff`` (fast prefilter)."""
        return [c for c, _s, _i in process.extract(k, self.keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]


# ----------------------------------------------------------------------------- changes


class Change(NamedTuple):
    """One rewrite: ``text[start:end]`` was ``before`` and is now ``after``."""

    start: int
    end: int
    before: str
    after: str
    score: float
    rule: str = "lexicon"


def to_corrections(changes: Sequence[Change], page: int | None, field_name: str) -> list[Correction]:
    """The changes as ``Correction`` records of one field."""
    return [Correction(page, field_name, c.before, c.after, c.rule, round(c.score, 1)) for c in changes]


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """``text`` with the (non-overlapping) changes made."""
    out, pos = [], 0
    for c in sorted(changes, key=lambda c: c.start):
        out.append(text[pos : c.start])
        out.append(c.after)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


# ----------------------------------------------------------------------------- closed sets

UNIT_THRESHOLD = 80.0  # similarity a segment needs to be rewritten to a vocabulary entry
UNIT_MARGIN = 8.0  # over the best other entry on the same span
CANDIDATE_MIN = 65.0  # segments scoring less are not even considered vocabulary
UNMATCHED_COST = 0.45  # per character left as read: below any insertion, so a match never swallows its neighbour
CONNECTORS = ("และ", "หรือ", "ร่วมกับ", "โดย")


def ranks() -> tuple[str, ...]:
    """Rank suffixes of civil-service positions (``dictionaries/position_ranks.txt``)."""
    return load_list("position_ranks.txt")


def position_links() -> tuple[str, ...]:
    """Words that join two positions in a signature (``dictionaries/position_links.tsv``)."""
    return tuple(row[0] for row in load_table("position_links.tsv"))


_SEPARATORS = re.compile(r"\s*[/,;|]\s*|\s*\+\s*")


@cache
def unit_vocabulary() -> Vocabulary:
    """Units and positions (a responsible cell may name either)."""
    return Vocabulary([*load_list("units.txt"), *load_list("positions.txt"), *ranks()])


@cache
def position_vocabulary() -> Vocabulary:
    return Vocabulary([*load_list("positions.txt"), *ranks(), *position_links()])


@cache
def heading_vocabulary() -> Vocabulary:
    return Vocabulary(row[1] for row in load_table("measure_columns.tsv"))


@dataclass(frozen=True)
class _Seg:
    start: int  # key offsets
    end: int
    entry: str | None  # entry key, None for text left as read
    cost: float


def _segment(k: str, starts: set[int], vocab: Vocabulary) -> list[_Seg]:
    """Cover key ``k`` with vocabulary entries and unmatched stretches at the least total cost.

    Entries may start at ``starts`` (after a space or separator), at the end of another entry or
    after a connector word, never at a vowel or mark but at the text's start (its first letters misread:
    ``าวหน้า…`` for หัวหน้า…); unmatched text runs to the next such start.
    """
    n = len(k)
    best: list[tuple[float, int, _Seg | None] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, None)
    open_starts = set(starts) | {0}
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        cost_i, nseg, _ = here

        def relax(j: int, seg: _Seg) -> None:
            cand = (cost_i + seg.cost, nseg + 1, seg)  # noqa: B023 (called within this iteration)
            cur = best[j]
            if cur is None or (cand[0], cand[1]) < (cur[0], cur[1]):
                best[j] = cand
                open_starts.add(j)

        nxt = min([s for s in open_starts | set(starts) if s > i] + [n])
        relax(nxt, _Seg(i, nxt, None, UNMATCHED_COST * (nxt - i)))
        for conn in CONNECTORS:
            if k.startswith(conn, i):
                relax(i + len(conn), _Seg(i, i + len(conn), None, 0.0))
        if i not in open_starts or (k[i] in _NO_START and i > 0):  # at the text's start: its first letter misread
            continue
        for e, j, c in _prefix_matches(k[i:], vocab):
            relax(i + j, _Seg(i, i + j, e, c))
    segs: list[_Seg] = []
    j = n
    while j > 0:
        seg = best[j][2]  # type: ignore[index]
        segs.append(seg)  # type: ignore[arg-type]
        j = seg.start  # type: ignore[union-attr]
    return segs[::-1]


PREFIX_CANDIDATES = 3  # entries per start position scored exactly (the best by plain fuzz.ratio)


@lru_cache(maxsize=8192)
def _prefix_matches_cached(rest: str, vocab_id: int) -> tuple[tuple[str, int, float], ...]:
    vocab = _VOCABS[vocab_id]
    cf = confusions()
    ranked = []
    for e in vocab.keys:
        if fuzz.ratio(e, rest[: len(e)]) < 60 and fuzz.ratio(e, rest[: len(e) + 2]) < 60:
            continue
        # a read as short as the entry's letters: OCR lost its marks (``งานการเจาหนาท``, four marks lost: fresh worn
        # seed 140 docs 2, 8)
        ends = range(min(len(rest), max(1, vocab.letters[e] - 2)), min(len(rest), len(e) + 2) + 1)
        best = min(wdist_fast(rest[:j], e) / max(len(e), j) for j in ends)
        ranked.append((best, e))
    ranked.sort()
    out = []
    for _r, e in ranked[:PREFIX_CANDIDATES]:
        row = _last_row(e, rest[: len(e) + 3], cf)
        for j in range(max(1, vocab.letters[e] - 3), len(row)):
            if 100.0 * (1.0 - row[j] / max(len(e), j)) >= CANDIDATE_MIN:
                out.append((e, j, row[j]))
    return tuple(out)


@lru_cache(maxsize=65536)
def _skeleton_candidates(vocab_id: int, sk: str, edits: int) -> tuple[str, ...]:
    """``Vocabulary.skeleton_candidates`` of a vocabulary by its ``vid``. Cached: every window of free text looks its
    skeleton up, and the same words recur in a document's cells and across documents."""
    return _VOCABS[vocab_id].skeleton_candidates(sk, edits)


def _prefix_matches(rest: str, vocab: Vocabulary) -> tuple[tuple[str, int, float], ...]:
    """(entry key, length of ``rest`` it covers, cost) for entries that match a prefix of ``rest``."""
    return _prefix_matches_cached(rest[:80], vocab.vid)


def _key_map(text: str) -> tuple[str, list[int], set[int]]:
    """Key of ``text`` (whitespace removed), key offset -> text offset, and key offsets after a space."""
    chars: list[str] = []
    where: list[int] = []
    starts: set[int] = set()
    for pos, ch in enumerate(text):
        if ch.isspace():
            starts.add(len(chars))
            continue
        chars.append(ch)
        where.append(pos)
    return "".join(chars), where, starts


def _repair_closed(
    text: str, vocab: Vocabulary, threshold: float, margin: float
) -> tuple[str, list[Change], list[tuple[int, int, str | None]]]:
    """Segment ``text`` (already normalised) into vocabulary entries; rewrite the sure ones.

    Returns the new text, the changes, and the segments as (start, end, entry) in the NEW text
    (entry None for text that is no vocabulary; a segment close to an entry but not sure enough
    to rewrite keeps its reading and its entry).
    """
    changes: list[Change] = []
    parts: list[tuple[int, int, str | None]] = []
    pos = 0
    chunks = []
    for m in _SEPARATORS.finditer(text):
        chunks.append((pos, m.start()))
        pos = m.end()
    chunks.append((pos, len(text)))
    for c0, c1 in chunks:
        chunk = text[c0:c1]
        k, where, starts = _key_map(chunk)
        if not k:
            continue
        for seg in _segment(k, starts, vocab):
            t0, t1 = c0 + where[seg.start], c0 + where[seg.end - 1] + 1
            span = text[t0:t1]
            if seg.entry is None:
                parts.append((t0, t1, None))
                continue
            entry_text = vocab.text[seg.entry]
            if span == entry_text:
                parts.append((t0, t1, seg.entry))
                continue
            sk = k[seg.start : seg.end]
            if sk != seg.entry:  # (when only spaces differ, that is layout, not a misreading)
                pool = {*vocab.fuzzy_pool(sk, cutoff=50.0), *vocab.candidates(sk), seg.entry}
                hit = vocab.match(sk, pool)
                wide = hit.score - hit.runner_up_score >= WIDE_MARGIN
                per_char = WIDE_COST_PER_CHAR if wide else MAX_COST_PER_CHAR
                if (
                    hit.entry == seg.entry
                    and hit.accepted(threshold, margin)
                    and plausible_misreading(sk, seg.entry, per_char)
                ):
                    changes.append(Change(t0, t1, span, entry_text, hit.score))
            parts.append((t0, t1, seg.entry))
    new_text = apply_changes(text, changes)
    # shift part offsets into the new text
    shifted, delta, ci = [], 0, 0
    ordered = sorted(changes, key=lambda c: c.start)
    for t0, t1, e in parts:
        while ci < len(ordered) and ordered[ci].end <= t0:
            delta += len(ordered[ci].after) - (ordered[ci].end - ordered[ci].start)
            ci += 1
        if ci < len(ordered) and ordered[ci].start == t0:
            shifted.append((t0 + delta, t0 + delta + len(ordered[ci].after), e))
        else:
            shifted.append((t0 + delta, t1 + delta, e))
    return new_text, changes, shifted


def repair_units(text: str, threshold: float = UNIT_THRESHOLD, margin: float = UNIT_MARGIN) -> tuple[str, list[Change]]:
    """Repair a responsible cell or a division line: one or several units (or positions).

    Separators (/ , ;), connector words and text that is no unit are kept as read.

    >>> repair_units("สำนักปลด งานประชาสัมพันธ")[0]
    'สำนักปลัด งานประชาสัมพันธ์'
    """
    new, changes, _ = _repair_closed(normalize_thai(text), unit_vocabulary(), threshold, margin)
    return new, changes


UNIT_SPACE_SCORE = 90.0


def unit_spaces(text: str) -> list[Change]:
    """The spaces a responsible cell's units lost where OCR joined its lines (``กองช่างงานป้องกันและบรรเทา…``,
    ``สำนักปลัดสำนักปลัด``, ``…สิ่งแวดล้อมและกองวิชาการ…``: fresh standard seed 119), as ``spacing`` changes of
    ``text``: two units of ``units.txt`` glued get a space between them, a glued และ joining two units one before it.
    The generated truths' 296 responsible cells write units apart (a space 88 times, a slash 89) and และ after a
    space (76), never glued.

    >>> apply_changes("งานนิติการกองคลัง", unit_spaces("งานนิติการกองคลัง"))
    'งานนิติการ กองคลัง'
    """
    _new, _changes, parts = _repair_closed(text, unit_vocabulary(), float("inf"), 0.0)
    out = []
    for k, (_a, b, entry) in enumerate(parts[:-1]):
        a2, b2, entry2 = parts[k + 1]
        joins = entry2 is None and text[a2:b2] == "และ" and k + 2 < len(parts) and parts[k + 2][2] is not None
        if entry is not None and b == a2 and b > 0 and (entry2 is not None or joins):
            out.append(Change(b - 1, b, text[b - 1], text[b - 1] + " ", UNIT_SPACE_SCORE, "spacing"))
    return out


@dataclass
class PositionRepair:
    """A signatory's position line, repaired and split.

    ``position`` is the vocabulary part (position, rank, links), ``agency`` the text after it
    (usually the agency's place name, left for the gazetteer), both in the repaired text.
    """

    text: str
    position: str
    agency: str
    changes: list[Change] = field(default_factory=list)


def repair_position(text: str, threshold: float = UNIT_THRESHOLD, margin: float = UNIT_MARGIN) -> PositionRepair:
    """Repair a position line; an agency name after the position is split off and kept as read.

    >>> repair_position("นักวิเคราะห์นโยบายและแผนชำนาญการ").changes
    []
    """
    norm = normalize_thai(text)
    new, changes, parts = _repair_closed(norm, position_vocabulary(), threshold, margin)
    last = max((i for i, p in enumerate(parts) if p[2] is not None), default=-1)
    if last < 0:
        return PositionRepair(new, "", new.strip(), changes)
    cut = parts[last][1]
    return PositionRepair(new, new[:cut].strip(), new[cut:].strip(), changes)


def repair_heading(
    text: str, threshold: float = UNIT_THRESHOLD, margin: float = 5.0
) -> tuple[str, str | None, list[Change]]:
    """Repair a measure-table heading cell as a whole: (text, field of the heading or None, changes).

    The field is returned when the best and the runner-up heading agree on it even if the text is
    not sure enough to rewrite.

    >>> repair_heading("ผูรับผิดขอบ")[:2]
    ('ผู้รับผิดชอบ', 'responsible')
    """
    norm = normalize_thai(text)
    vocab = heading_vocabulary()
    fields = _heading_fields()
    k = key(norm)
    if k in vocab:
        return norm, fields[k], []
    m = vocab.match(k, {*vocab.fuzzy_pool(k, cutoff=50.0), *vocab.candidates(k)})
    if m.entry is None or m.score < threshold:
        return norm, None, []
    field_name = fields[m.entry]
    mark_slip = without_marks(k) == without_marks(m.entry)  # ขันตอน…: ขัน and ตอน are words too
    if all_words(k) and not mark_slip:  # another wording of the heading (ห้วงเวลาดำเนินการ), not a misreading
        return norm, field_name, []
    if not m.accepted(threshold, margin):
        same = m.runner_up is not None and fields[m.runner_up] == field_name
        return norm, field_name if same else None, []
    after = vocab.text[m.entry]
    return after, field_name, [Change(0, len(norm), norm, after, m.score)]


@cache
def _heading_fields() -> dict[str, str]:
    return {key(h): f for f, h in load_table("measure_columns.tsv")}


# ----------------------------------------------------------------------------- free text

WORD_THRESHOLD = 80.0  # similarity of a garbled span to a domain word/phrase
WORD_MARGIN = 8.0  # over the runner-up entry for the same span
KNOWN_SPAN_COST_PER_CHAR = 0.06  # a span of real words is rewritten only for this cheap an edit ...
KNOWN_SPAN_MAX_COST = 1.0  # (per character of the entry, capped) ...
KNOWN_SPAN_MIN_LEN = 5  # ... to a domain entry at least this long
# ... or, when only marks were lost (two at most), to an entry at least MARKS_ONLY_MIN_LEN long: ``รวมทังสิน`` for
# รวมทั้งสิ้น (รวม, ทัง and สิน are words; cost 0.8 against 0.66 for its 11 letters): 23 result cells of nine corpora kept
# ``ทั้งสิน`` (the spell pass put back ทัง's mark alone)
KNOWN_MARKS_MAX_COST = 1.0
MARKS_ONLY_MIN_LEN = 8
# a span of real words this long is compared with domain entries as long by edits too, not only by skeleton
# (``ผลการคำเนินงาน``: คำ and เนิน are words; ค for ด costs 0.6, under KNOWN_SPAN_COST_PER_CHAR x 14)
LONG_KNOWN_SPAN = 12
MAX_WINDOW = 5  # tokens per span
COVER_SLACK = 1.0  # a wider candidate scoring this little less than the one it covers is taken instead
REFINE = 2  # span ends are moved up to this many characters to fit the entry
# General words ("spell" rule): regions of non-words (and rare words) are re-read as a sequence of
# frequent words (TNC counts) that differ from the text by cheap confusions only; a real word is
# replaced only when it is another word minus marks and SHADOW_RATIO times rarer than it.
COMMON_MAX_COST = 0.5
COMMON_MIN_FREQ = 20  # Thai National Corpus count for a word to be a candidate
SHADOW_RATIO = 50.0
CHANNEL_WEIGHT = 8.0  # nats per unit of weighted edit distance (vs. -ln p(word))
UNKNOWN_CHAR_COST = 12.0  # a character read as no word at all
MAX_PIECE = 12
AMBIGUOUS_NATS = 2.0  # two replacements this close: leave the piece as read
RARE_FREQ = 20  # a real word this rare in the TNC is looked at like a non-word
SPELL_MAX_COST = 1.0  # pythainlp "pn" suggestions (optional) must be this close (weighted)
# a common-word repair is made only when it puts back marks OCR dropped (ที -> ที่) and is this close:
# on the standard scans (seed 11) repairs under 90 were 1 in 37 right, those changing a letter 0 in 2
# (seeds 7 and 11 with main's rule: 0 of 13 at 90 and over, บริ -> ปริ, รัป -> รับ ...) except the
# one vowel OCR swaps (ไ for ใ: ไช้ -> ใช้ right 8 times of 8, at 86.7)
SPELL_MIN_SCORE = 90.0
# a read of this many characters or more that is a word with only marks lost (``ทังนี`` for ทั้งนี้: two tone marks,
# fresh worn seed 140, worn 22, standard 7) makes it a candidate up to this weighted cost (COMMON_MAX_COST otherwise);
# a shorter read so taken cut longer words apart (``มนา`` of มนาคม read มิน่า)
MINUS_MARKS_MIN_LEN = 5
MINUS_MARKS_MAX_COST = 1.0
MINUS_MARKS_MIN_SCORE = 85.0  # ... and is taken at this similarity (SPELL_MIN_SCORE otherwise)
# TNC count of a word a non-word is with a tone mark a speck made (``ต่าม`` for ตาม): on the cells and lines of 18
# corpora, 23 such repairs right, none harmful; rarer words were as often another word misread (``อิ่ง`` for ยิ่ง,
# not อิง: 983). A sara u or uu under a letter too (``ตามู``, ``ปูระมาณ``, ``ทูรัพย์``): 6 more right, none wrong.
TONE_SPECK_MIN_FREQ = 2000
SPECK_MARKS = TONES + "\u0e38\u0e39"  # the marks a speck over or under a letter is read as (ู: ปูระมาณ, ตามู)
SWAPPED_VOWELS = str.maketrans("ใ", "ไ")
SINGLE_CHAR_WORDS = frozenset("ณฯๆ")
_THAI_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\"[^\"]*\"|“[^”]*”")
_ROUND = re.compile(r"\(\s*([^()]*)\)")
_MARKS = frozenset(ABOVE_BELOW) - {"\u0e3a", "\u0e4e"}  # phinthu and yamakkan are no OCR slips


@cache
def domain_entries() -> tuple[str, ...]:
    """Domain words and phrases: ita_terms.txt, units, positions, rank words, agency types."""
    rows = [*load_list("ita_terms.txt"), *load_list("units.txt"), *load_list("positions.txt"), *ranks()]
    rows += [r[0] for r in load_table("agency_types.tsv")]
    return tuple(dict.fromkeys(" ".join(normalize_thai(r).split()) for r in rows))


@cache
def word_vocabulary() -> Vocabulary:
    return Vocabulary(domain_entries())


@cache
def _tokenizer_dict():
    from pythainlp.corpus import thai_words

    return _word_set_trie(frozenset(thai_words()) | {e.replace(" ", "") for e in domain_entries()})


def _word_set_trie(words: frozenset[str]):
    """pythainlp's ``Trie`` for newmm, over a set of words: ``prefixes`` gives the same words in the
    same order (shortest first) as the node trie, which took 0.6 s of every process to build (60,000
    words added letter by letter); this one takes milliseconds. Words of three letters or more are
    looked up only at the lengths that words starting with the text's first three letters have.

    >>> t = _word_set_trie(frozenset({"ก", "กา", "กาก", "ขา"}))
    >>> t.prefixes("กากบาท"), t.prefixes("ขาว", 0), "กา" in t, len(t)
    (['ก', 'กา', 'กาก'], ['ขา'], True, 4)
    """
    from pythainlp.util import Trie

    class WordSetTrie(Trie):
        def __init__(self, words: frozenset[str]) -> None:  # no nodes: the set is the dictionary
            self.words = frozenset(w.strip() for w in words if w.strip())
            lengths: dict[str, set[int]] = {}
            for w in self.words:
                if len(w) > 2:
                    lengths.setdefault(w[:3], set()).add(len(w))
            self.lengths = {c: sorted(ns) for c, ns in lengths.items()}  # by first three letters, shortest first
            self._word_count = len(self.words)

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            words, rest = self.words, len(text) - start
            out: list[str] = []
            if rest > 0 and text[start] in words:
                out.append(text[start])
            if rest > 1 and text[start : start + 2] in words:
                out.append(text[start : start + 2])
            for n in self.lengths.get(text[start : start + 3], ()):  # longer words: only the lengths that start so
                if n > rest:
                    break
                if text[start : start + n] in words:
                    out.append(text[start : start + n])
            return out

        def __contains__(self, key: str) -> bool:
            return key in self.words

        def __iter__(self):
            return iter(self.words)

        def add(self, word: str) -> None:
            raise TypeError("a WordSetTrie is read-only")

        def remove(self, word: str) -> None:
            raise TypeError("a WordSetTrie is read-only")

    return WordSetTrie(words)


@cache
def known_words() -> frozenset[str]:
    """Words that are not suspicious: pythainlp's dictionary, domain entries and their tokens."""
    from pythainlp.corpus import thai_words

    words = set(thai_words())
    for e in domain_entries():
        k = e.replace(" ", "")
        words.add(k)
        words.update(tokenize(k))
    return frozenset(words)


def all_words(text: str) -> bool:
    """Is ``text`` (Thai, no spaces) made wholly of known words of two letters or more?

    >>> all_words("ห้วงเวลาดำเนินการ"), all_words("ระยะเวลาดำเนนการ")
    (True, False)
    """
    tokens = tokenize(text)
    known = known_words()
    return bool(tokens) and all(len(t) >= 2 and t in known for t in tokens)


@cache
def word_freqs() -> dict[str, int]:
    """Thai National Corpus counts of the words in pythainlp's dictionary."""
    from pythainlp.corpus import thai_words, tnc

    words = thai_words()
    return {w: f for w, f in tnc.word_freqs() if w in words}


@cache
def _common_index() -> dict[str, list[tuple[str, int]]]:
    idx: dict[str, list[tuple[str, int]]] = {}
    for w, f in word_freqs().items():
        if f >= COMMON_MIN_FREQ:
            idx.setdefault(skeleton(w), []).append((w, f))
    return idx


def tokenize(text: str) -> list[str]:
    """newmm tokens of a Thai run (pythainlp dictionary + domain words)."""
    return list(_tokenize(text))


@lru_cache(maxsize=8192)
def _tokenize(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", custom_dict=_tokenizer_dict(), keep_whitespace=True))


def _suspicious(tok: str) -> bool:
    if len(tok) == 1:
        return tok not in SINGLE_CHAR_WORDS
    return tok not in known_words()


def _kept_in_brackets(text: str, open_brackets: bool) -> bool:
    """Bracketed or quoted text left as read; with ``open_brackets`` (a subject, a table's title) round brackets
    hold the report's own words (``(รอบ ๖ เดือน)``, ``(ประจำปี)``: fresh worn seed 92, six subjects kept
    ``เคือน``, ``ประจำปิ``) unless they hold a name. Elsewhere they hold dates (``(๙ กันวาคม)``: ``วา`` became
    ว่า) and signatories' names (``ยีลูมา``) as often, and stay as read."""
    m = _ROUND.fullmatch(text)
    if m is None or not open_brackets:
        return True
    from ocr_pipeline.clean.names import fix_title, titles

    return fix_title(m.group(1)).startswith(titles())


def _protected_mask(text: str, protect: Iterable[tuple[int, int]], open_brackets: bool = False) -> list[bool]:
    mask = [False] * len(text)
    brackets = [m.span() for m in _BRACKETS.finditer(text) if _kept_in_brackets(m.group(), open_brackets)]
    spans = list(protect) + brackets
    for a, b in spans:
        for i in range(max(0, a), min(len(text), b)):
            mask[i] = True
    return mask


@dataclass(frozen=True)
class _Cand:
    start: int  # offsets in the normalised text
    end: int
    entry: str  # entry key
    score: float
    runner_up: float
    cost: float
    known: bool  # the span was all real words
    by_edits: bool = False  # ... found among long entries by edits, not by its skeleton (``LONG_KNOWN_SPAN``)


def _refine(run: str, a: int, b: int, entry: str, cuts: frozenset[int]) -> tuple[int, int, float]:
    """Move the span's ends up to REFINE characters (to positions in ``cuts``) to fit ``entry``
    best: garbled text tokenises across word boundaries. Ties keep the token boundary, then the
    wider span."""
    best = (wdist_fast(run[a:b], entry), 0, -(b - a), a, b)
    for a2 in range(max(0, a - REFINE), min(b - 1, a + REFINE) + 1):
        if a2 != a and a2 not in cuts:
            continue
        for b2 in range(max(a2 + 1, b - REFINE), min(len(run), b + REFINE) + 1):
            if (a2, b2) == (a, b) or b2 not in cuts:
                continue
            cand = (wdist_fast(run[a2:b2], entry), 1, -(b2 - a2), a2, b2)
            if cand < best:
                best = cand
    return best[3], best[4], wdist(run[best[3] : best[4]], entry)


def _cuts(run: str, toks: list[tuple[int, int, str]], sus: list[bool]) -> frozenset[int]:
    """Where a repaired span may start or end: token boundaries, and inside suspicious or short
    tokens (garbled text breaks into short pseudo-words), never before a mark or following vowel
    (they cannot start a word)."""
    cuts = {0, len(run)}
    for (a, b, _t), s in zip(toks, sus):
        cuts.update(range(a, b + 1) if s or b - a <= 3 else (a, b))
    return frozenset(c for c in cuts if c == len(run) or run[c] not in _NO_START)


@lru_cache(maxsize=8192)
def _run_candidates(run: str, vocab_id: int) -> tuple[tuple[tuple[int, int, str], ...], tuple[_Cand, ...]]:
    """(tokens, candidate repairs) of a Thai run of free text, offsets in the run. Cached: the same runs recur in a
    document's cells and across documents."""
    toks, pos = [], 0
    for t in tokenize(run):
        toks.append((pos, pos + len(t), t))
        pos += len(t)
    return tuple(toks), tuple(_window_candidates(run, toks, _VOCABS[vocab_id]))


def _window_candidates(run: str, toks: list[tuple[int, int, str]], vocab: Vocabulary) -> list[_Cand]:
    out: list[_Cand] = []
    sus = [_suspicious(t) for _a, _b, t in toks]
    if not any(sus) and len(toks) < 2:
        return out
    cuts = _cuts(run, toks, sus)
    sus_chars = [False] * len(run)
    for (a, b, _t), s in zip(toks, sus):
        if s:
            sus_chars[a:b] = [True] * (b - a)
    seen: set[tuple[int, int, str]] = set()
    for i in range(len(toks)):
        for w in range(1, MAX_WINDOW + 1):
            j = i + w
            if j > len(toks):
                break
            a, b = toks[i][0], toks[j - 1][1]
            span = run[a:b]
            any_sus = any(sus[i:j])
            if len(span) < 3 or span in vocab or (not any_sus and w == 1):
                continue
            pool = vocab.candidates(span) if any_sus else vocab.exact_skeleton(span)
            if not pool and not any_sus and w > 1:
                b, pool = _glued_end(run, a, toks[j - 1], vocab)
                span = run[a:b]
            long_known = not pool and not any_sus and w > 1 and len(span) >= LONG_KNOWN_SPAN
            if long_known:  # real words that are a long entry misread (ผลการคำเนินงาน): judged as real words
                pool = [c for c in vocab.candidates(span) if len(c) >= LONG_KNOWN_SPAN]
            ranked = sorted((wdist_fast(span, c) / len(c), c) for c in pool)
            if any_sus and w > 1 and not sus[j - 1]:  # also with no entry near the whole window (its last token long)
                b, span, ranked = _glued_end_of_garble(run, a, b, toks[j - 1], vocab, ranked)
            if not ranked:
                continue
            fast_cost, entry = ranked[0]
            if 100.0 * (1.0 - fast_cost) < WORD_THRESHOLD - 10:
                continue
            a2, b2, cost = _refine(run, a, b, entry, cuts)
            score = 100.0 * (1.0 - cost / len(entry))
            if cost == 0 or score < WORD_THRESHOLD or (a2, b2, entry) in seen:
                continue
            seen.add((a2, b2, entry))
            span2 = run[a2:b2]
            runner = max((similarity(span2, c) for _f, c in ranked[1:3]), default=0.0)
            known = (
                long_known
                or not any(sus_chars[a2:b2])
                or all(t in known_words() and len(t) > 1 for t in tokenize(span2))
            )
            out.append(_Cand(a2, b2, entry, score, runner, cost, known, long_known))
    return out


def _glued_end(run: str, start: int, last: tuple[int, int, str], vocab: Vocabulary) -> tuple[int, list[str]]:
    """(end, entries) of a window of real words whose last token glues the entry's end to the next
    word (``รายงานผลการดาเน้น|การตาม``: the tokenizer's ``การตาม``): the window cut before a known word
    that ends that token, where the cut window has entries of its skeleton; ``(last end, [])`` if none."""
    a, b, token = last
    for k in _known_tail_cuts(token):
        pool = vocab.exact_skeleton(run[start : a + k])
        if pool:
            return a + k, pool
    return b, []


@lru_cache(maxsize=8192)
def _known_tail_cuts(token: str) -> tuple[int, ...]:
    """Where ``token`` may be cut before known words of two letters or more that end it (``การ|ตาม``; a phrase of the
    lists, ``การ|เปิดเผยข้อมูล``, before two: fresh worn seed 148 doc 8's ``มา|คร|การเปิดเผยข้อมูล`` for มาตรการ).
    Cached: every window that ends at a token asks again."""
    return tuple(k for k in range(1, len(token)) if len(token[k:]) > 1 and all_words(token[k:]))


def _glued_end_of_garble(
    run: str, a: int, b: int, last: tuple[int, int, str], vocab: Vocabulary, ranked: list[tuple[float, str]]
) -> tuple[int, str, list[tuple[float, str]]]:
    """(end, span, ranked entries) of a window with garbled tokens whose last, known token glues the entry's end
    to the next word (``ดำ|เน็น|การตาม`` for ดำเนินการ ตาม: fresh worn seed 104 doc 13's subject, ``การตาม`` being a
    word of pythainlp's list): the window cut before a known word ending that token where that fits an entry
    better; the window as it was otherwise."""
    ta, _tb, token = last
    best = (b, run[a:b], ranked)
    # with no entry near the whole window, a cut takes two letters or more of the token into it, never one: ``ทราบ`` cut
    # ``ท|ราบ`` made ``ผู้บริหาทราบ`` ผู้บริหาร + ราบ (worn seed 146 doc 6), where ผู้บริหา lost its ร
    head = 1 if ranked else 2
    for k in _known_tail_cuts(token):
        if k < head:
            continue
        span = run[a : ta + k]
        pool = vocab.candidates(span)
        if pool:
            cut = sorted((wdist_fast(span, c) / len(c), c) for c in pool)
            if not best[2] or cut[0] < best[2][0]:
                best = (ta + k, span, cut)
    return best


def _word_cost(w: str) -> float:
    """-ln p(w) from Thai National Corpus counts (add-one smoothed)."""
    freqs, total = word_freqs(), _total_freq()
    return math.log(total / (freqs.get(w, 0) + 1))


@cache
def _total_freq() -> int:
    return sum(word_freqs().values()) + len(word_freqs())


def _piece_options(piece: str) -> list[tuple[float, str | None]]:
    """Ways to read one piece of a suspicious region: (cost, replacement or None for as read)."""
    out: list[tuple[float, str | None]] = []
    known = piece in known_words()
    if known:
        out.append((_word_cost(piece), None))
    own = word_freqs().get(piece, 0)
    reps: list[tuple[float, str | None]] = []
    for w, f in _common_index().get(skeleton(piece), ()):
        if w == piece:
            continue
        d = wdist_fast(piece, w)
        if d > (
            MINUS_MARKS_MAX_COST if len(piece) >= MINUS_MARKS_MIN_LEN and _is_minus_marks(piece, w) else COMMON_MAX_COST
        ):
            continue
        if known and (f < SHADOW_RATIO * max(own, 1) or not _is_minus_marks(piece, w)):
            continue
        reps.append((_word_cost(w) + CHANNEL_WEIGHT * d, w))
    meant = _short_misreads().get(piece)
    if meant is not None and not known:  # ``ทิ`` for ที่ (``short_misreads.tsv``): one cheap confusion
        reps.append((_word_cost(meant) + CHANNEL_WEIGHT * TWIN_COST, meant))
    if not known:  # a tone mark a speck over a letter made (``ต่าม`` for ตาม), dearer than COMMON_MAX_COST allows; not
        # one before the first letter, the word's before it (``[ด ้ร่วม`` for ได้ร่วม: blind worn seed 138 doc 6)
        for w in _one_mark_less(piece, SPECK_MARKS):
            if len(w) >= 3 and word_freqs().get(w, 0) >= TONE_SPECK_MIN_FREQ and all(r[1] != w for r in reps):
                reps.append((_word_cost(w) + CHANNEL_WEIGHT * wdist_fast(piece, w), w))
    reps.sort()
    if len(reps) > 1 and reps[1][0] - reps[0][0] < AMBIGUOUS_NATS:
        return out  # ใช -> ใช้ or ใช่: no context to decide, keep as read
    return out + reps[:1]


@lru_cache(maxsize=8192)
def _general_region(region: str) -> tuple[tuple[int, int, str, float], ...]:
    """Best reading of a region of non-words as frequent words (noisy channel, unigram prior).

    Returns (start, end, replacement, score) for the pieces that change. Cached: the same regions recur in a
    document's cells and across documents."""
    _cost, pieces = _likeliest_reading(region, _piece_options)
    return tuple((i, j, rep, similarity(region[i:j], rep)) for i, j, rep in pieces if rep is not None)


def _likeliest_reading(
    region: str,
    options: Callable[[str], Sequence[tuple[float, str | None]]],
    repair: bool = True,
    starts: frozenset[str] | None = None,
) -> tuple[float, list[tuple[int, int, str | None]]]:
    """(cost, pieces) of the likeliest reading of ``region`` as a sequence of pieces, each read as ``options``
    allows ((cost, None) as read, (cost, word) as another word; without ``repair`` as read only): (start, end,
    the word it is read as, None for as read); a character no piece takes is a piece of its own and costs
    ``UNKNOWN_CHAR_COST``. ``starts``: the beginnings, marks left out, of every piece ``options`` reads at all;
    a piece that begins otherwise is not asked about, nor any longer one from the same start."""
    n = len(region)
    best: list[tuple[float, int, str | None] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, None)
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        bare, live = "", True
        for j in range(i + 1, min(n, i + MAX_PIECE) + 1):
            piece = region[i:j]
            if starts is not None:  # the piece's letters so far, marks left out
                bare += "" if piece[-1] in ABOVE_BELOW else piece[-1]
                live = not bare or bare in starts
            opts = options(piece) if live and (j - i > 1 or piece in SINGLE_CHAR_WORDS) else ()
            if j == i + 1:
                opts = (*opts, (UNKNOWN_CHAR_COST, None))
            for cost, rep in opts:
                if rep is not None and not repair:
                    continue
                total = here[0] + cost
                there = best[j]
                if there is None or total < there[0]:
                    best[j] = (total, i, rep)
            if not live:
                break
    pieces: list[tuple[int, int, str | None]] = []
    j = n
    while j > 0:
        _c, i, rep = best[j]  # type: ignore[misc]
        pieces.append((i, j, rep))
        j = i
    return best[n][0], pieces[::-1]  # type: ignore[index]


def _is_minus_marks(tok: str, word: str) -> bool:
    """``tok`` is ``word`` with some tone marks / upper or lower vowels left out."""
    it = iter(tok)
    pending = next(it, None)
    for ch in word:
        if ch == pending:
            pending = next(it, None)
        elif ch not in _MARKS:
            return False
    return pending is None


# Real words that are a frequent word misread (the second common-word pass, ``_reread_run``): OCR that loses a mark
# often leaves real words (``ชีแจง`` is ชี + แจง, ``ข้อมล`` ข้อ + มล, ``ไน`` a word), which the first pass, looking at
# non-words and rare words only, never sees. A run of real words is read again as the likeliest sequence of
# words (the same unigram noisy channel) where a piece may be a word with marks OCR dropped or with a vowel read as
# its twin (ใ read ไ, ``dictionaries/word_twins.tsv``: ำ read ้า, ึ read ื);
# taken when that reading beats the run as read by RUN_MARGIN nats and each new word is this common.
RUN_MARGIN = 2.0
RUN_MAX_COST = 1.0  # weighted edits from the piece to the word (``บริสุทธิใจ``: the thanthakhat, 0.4)
TWIN_COST = 0.3  # weighted edits of a twin reading (ocr_confusions.tsv's cheapest substitutions)
RUN_WORD_MIN_FREQ = 100  # TNC count: เปิ่น (42) of ``ประเปิน`` for ประเมิน is no repair


@cache
def _bare_index() -> dict[str, tuple[str, ...]]:
    """Frequent words (``RUN_WORD_MIN_FREQ``) by their letters without marks (``without_marks``)."""
    idx: dict[str, list[str]] = {}
    for w, f in word_freqs().items():
        if f >= RUN_WORD_MIN_FREQ:
            idx.setdefault(without_marks(w), []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=65536)
def _run_piece_options(piece: str) -> tuple[tuple[float, str | None], ...]:
    """Ways to read one piece of a run of real words: as read (when a word), or as the one frequent word it is
    with marks dropped or a vowel read as its twin (a known piece only when that word is ``SHADOW_RATIO`` times
    more frequent); two such words within ``AMBIGUOUS_NATS``: as read only."""
    known = piece in known_words()
    own = word_freqs().get(piece, 0)
    out: list[tuple[float, str | None]] = [(_word_cost(piece), None)] if known else []
    words = [w for w in _bare_index().get(without_marks(piece), ()) if w != piece and _is_minus_marks(piece, w)]
    table_twins = _table_twin_readings(piece)
    twins = [w for w in table_twins | _sara_u_less(piece) if word_freqs().get(w, 0) >= RUN_WORD_MIN_FREQ]
    reps: list[tuple[float, str | None]] = []
    for w in words + twins:
        if known and word_freqs().get(w, 0) < SHADOW_RATIO * max(own, 1):
            continue
        # a twin of the table is what Tesseract writes for the word's vowel (``word_twins.tsv``): one cheap confusion,
        # whatever the edits (``ขืน`` for ขึ้น: ื for ึ and the tone mark with it); a sara u dropped is not (``สลุด``, a
        # place's name, is no สลด)
        d = min(wdist_fast(piece, w), TWIN_COST) if w in table_twins else wdist_fast(piece, w)
        if d <= RUN_MAX_COST:
            reps.append((_word_cost(w) + CHANNEL_WEIGHT * d, w))
    reps.sort()
    if len(reps) > 1 and reps[1][0] - reps[0][0] < AMBIGUOUS_NATS:
        return tuple(out)
    return tuple(out + reps[:1])


@cache
def _run_piece_starts() -> frozenset[str]:
    """Every beginning, marks left out (``without_marks``) and up to ``MAX_PIECE`` letters, of the pieces
    ``_run_piece_options`` has a reading for: a known word, or a frequent word with marks dropped or a sara u or uu
    added (the same letters), or with a vowel written as its twin (``_word_twins``, each place it may stand)."""
    read = {without_marks(w) for w in known_words()}
    for w, f in word_freqs().items():
        if f < RUN_WORD_MIN_FREQ:
            continue
        read.add(without_marks(w))
        for twin, true, _least in _word_twins():
            at = w.find(true)
            while at >= 0:
                read.add(without_marks(w[:at] + twin + w[at + len(true) :]))
                at = w.find(true, at + 1)
    return frozenset(r[:n] for r in read for n in range(1, min(len(r), MAX_PIECE) + 1))


@cache
def _short_misreads() -> dict[str, str]:
    """What Tesseract writes for a frequent short word, as a piece that is no word (``dictionaries/short_misreads.tsv``)."""
    return {read: word for read, word in load_table("short_misreads.tsv")}


@cache
def _word_twins() -> tuple[tuple[str, str, int], ...]:
    """(as OCR wrote it, as the word has it, the least TNC count of a word it makes) of ``dictionaries/word_twins.tsv``,
    and ไ for ใ."""
    rows = load_table("word_twins.tsv")
    return (("ไ", "ใ", 0), *((row[0], row[1], int(row[2]) if len(row) > 2 and row[2] else 0) for row in rows))


def _table_twin_readings(piece: str) -> set[str]:
    """``piece`` with one of its letters written back as the word's twin of it (``_word_twins``): ``ไน`` -> ใน,
    ``จ้านวน`` -> จำนวน, ``ขืน`` -> ขึ้น."""
    return {
        word
        for read, true, least in _word_twins()
        if (read == "ไ" or len(piece) >= 3) and read in piece  # ``รื`` for ๔ is no word's garble
        for m in re.finditer(re.escape(read), piece)
        for word in [piece[: m.start()] + true + piece[m.end() :]]
        if word_freqs().get(word, 0) >= least
    }


def _twin_readings(piece: str) -> set[str]:
    """``_table_twin_readings`` and ``_sara_u_less``."""
    return _table_twin_readings(piece) | _sara_u_less(piece)


def _sara_u_less(piece: str) -> set[str]:
    """``piece`` without a sara u or uu a speck under a letter made (``ลุงนาม`` for ลงนาม), in a piece of four characters
    or more; not one before the first letter, the piece before's (``การ|ุดำเนินงาน``)."""
    return _one_mark_less(piece, "\u0e38\u0e39") if len(piece) >= 4 else set()


@lru_cache(maxsize=8192)
def _reread_run(region: str, odd: frozenset[int] = frozenset()) -> tuple[tuple[int, int, str, float], ...]:
    """(start, end, word, score) for each piece of a run of real words read as another frequent word, when the
    run's likeliest reading beats the run as read by ``RUN_MARGIN`` nats: marks put back at ``SPELL_MIN_SCORE``
    (``ชีแจง`` -> ชี้แจง, ``กระบวนงานทีสำคัญ`` -> ที่), or a vowel's twin written back (``ไน`` -> ใน, ``จ้านวน`` -> จำนวน). ``odd``: offsets of the run's
    non-words' letters; a piece that takes in part of a non-word or stands beside one is a garbled word's piece
    (``ประเปิน`` for ประเมิน: ``ปิน`` -> ปิ่น; ``ดตัง`` for ดัง: ``ตัง`` -> ตั้ง) and stays as read, as does one that
    leaves a letter no word takes beside it. Cached: the same runs recur in a document's cells and across documents.

    >>> [rep for _i, _j, rep, _s in _reread_run("ประชุมชีแจงแนวทาง")]
    ['ชี้แจง']
    """
    starts = _run_piece_starts()
    cost, pieces = _likeliest_reading(region, _run_piece_options, starts=starts)
    if all(rep is None for _i, _j, rep in pieces):
        return ()
    if _likeliest_reading(region, _run_piece_options, repair=False, starts=starts)[0] - cost < RUN_MARGIN:
        return ()
    out = _run_rereadings(region, pieces, odd)
    # a non-word's letters that a re-read piece takes in are explained: its neighbour is read again too (``เปิดไอกาสไห้``:
    # ไอ|กา|ส read โอกาส, then ไห้ beside it ให้; fresh standard seed 177 doc 15's steps kept ไห้)
    explained = odd - {x for i, j, _rep, _s in out for x in range(i, j)}
    if out and explained != odd:
        out = _run_rereadings(region, pieces, frozenset(explained))
    return tuple(out)


def _run_rereadings(
    region: str, pieces: list[tuple[int, int, str | None]], odd: frozenset[int]
) -> list[tuple[int, int, str, float]]:
    """The pieces of ``_reread_run``'s reading that are taken, ``odd`` the letters of non-words still unexplained."""
    out = []
    for k, (i, j, rep) in enumerate(pieces):
        if rep is None:
            continue
        if {i - 1, j} & odd or region[i] in COMBINING or (j < len(region) and region[j] in COMBINING):
            continue  # beside a non-word's letters (a piece of a garbled word), or cutting a cluster (``สดุ|ประจำ``)
        beside = pieces[max(0, k - 1) : k] + pieces[k + 1 : k + 2]
        if any(_stray_letter(region, p) or odd.intersection(range(p[0], p[1])) for p in beside):
            continue  # a letter left over beside it (``ไซตี้`` read ไ + ซิตี้: clean render seed 31 doc 0), or a
            # neighbour taking part of a non-word (``แนบท้ำย์`` read แน่ + บท + …: worn seed 22 doc 16)
        read, score = region[i:j], similarity(region[i:j], rep)
        if (_is_minus_marks(read, rep) and score >= SPELL_MIN_SCORE) or rep in _twin_readings(read):
            out.append((i, j, rep, score))
    return out


def _stray_letter(region: str, piece: tuple[int, int, str | None]) -> bool:
    """Is the piece one character that is no word (the reading left it over)?"""
    i, j, rep = piece
    return rep is None and j - i == 1 and region[i] not in SINGLE_CHAR_WORDS


def _word_runs(tokens: list[tuple[int, int, str]], taken: list[bool]) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, offsets of its non-words' letters) of each run of consecutive Thai tokens (no space inside)
    that no change has taken."""
    out: list[tuple[int, int, set[int]]] = []
    for a, b, t in tokens:
        if any(taken[a:b]) or not _THAI_RUN.fullmatch(t):
            continue
        odd = set(range(a, b)) if _suspicious(t) else set()
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b, out[-1][2] | odd)
        else:
            out.append((a, b, odd))
    return [(a, b, frozenset(x - a for x in odd)) for a, b, odd in out if b - a >= 2]


@lru_cache(maxsize=4096)
def place_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The names of agency and place mentions in ``text`` (as ``agency.find_mentions`` finds them,
    OCR-garbled ones included): spans the word repair must leave to the gazetteer. The type or
    level word before a name (องค์การบริหารส่วนตำบล, อำเภอ) is vocabulary and stays repairable."""
    from ocr_pipeline.clean.agency import find_mentions

    out = []
    for m in find_mentions(text):
        if not m.options:
            continue
        end = max(o.end for o in m.options)
        named = _named_end(text, m.prefix_end, end)
        if named is not None:
            out.append((m.prefix_end, named))
        elif not _all_words(text[m.prefix_end : end]):
            out.append((m.prefix_end, end))  # a name no gazetteer has, or garbled
    return tuple(out)


def _named_end(text: str, start: int, end: int) -> int | None:
    """Where the longest gazetteer name that ``text[start:end]`` starts with ends, or None: what follows an agency's
    type is its name only as far as a name goes; words after a type that name nothing no gazetteer has are words
    (``ขององค์การบริหารส่วนตำบลผ่านช่องทางทีหลากหลาย``, fresh standard seed 119 doc 13, was left unrepaired)."""
    from ocr_pipeline.clean.gazetteer import all_place_names

    names, longest = all_place_names()
    for n in range(min(end - start, longest), 0, -1):
        if text[start : start + n] in names:
            return start + n
    return None


def _all_words(text: str) -> bool:
    """Is ``text`` all dictionary words, more than a name's ``NAME_WORDS`` (``ผ่านช่องทางทีหลากหลาย``: no name;
    ``ทับซอน`` may be one)?"""
    tokens = [t for t in tokenize(text) if not t.isspace()]
    return len(tokens) > NAME_WORDS and all(t in known_words() for t in tokens)


NAME_WORDS = 2  # dictionary words a place's name is made of, at most, when the gazetteer does not know it


# consonants alone before a number: an abbreviation (a document number's "มห ๘๕๔๗๐/๒๒๘๑"), no word;
# also glued to the memo's ที่ label when OCR lost the space (``ท่มห ๕๓๖๔๙/๓๑๖``)
_ABBREV_BEFORE_NUMBER = re.compile(
    r"(?:(?<![\u0e01-\u0e4e])|(?<=^ท)|(?<=^ที)|(?<=^ท\u0e48)|(?<=^ที\u0e48))"
    r"([\u0e01-\u0e2e]{2,3}\.?)\s?(?=[0-9\u0e50-\u0e59])"
)


# letters before a dot: an abbreviation (พ.ย., a month read พุย.), no word to spell
_ABBREVIATION = re.compile(r"(?<![\u0e01-\u0e4e])([\u0e01-\u0e4e]{1,4})\.")


def _cuts_cluster(text: str, start: int, end: int) -> bool:
    """Would a rewrite of ``text[start:end]`` cut a Thai character cluster (a span that starts with a
    vowel or mark, or stops before one)? ``ส่งเสริมค|ุณธรรม`` is no garbled ``คุณธรรม``."""
    return (start < len(text) and text[start] in _NO_START) or (end < len(text) and text[end] in _NO_START)


def repair_words(
    text: str,
    protect: Iterable[tuple[int, int]] = (),
    threshold: float = WORD_THRESHOLD,
    margin: float = WORD_MARGIN,
    common: bool = True,
    pn: bool = False,
    places: bool = True,
    open_brackets: bool = False,
) -> tuple[str, list[Change]]:
    """Repair garbled words in free text (measure, step, result cells; the subject line).

    Domain words and phrases are repaired first (rule "lexicon"), then, with ``common``, non-words
    that are a frequent word with a dropped mark or a cheap confusion (rule "spell"); ``pn`` also
    asks pythainlp's ``pn`` spell checker about what is left (rule "spell"; off by default: after
    the common-word pass it adds about one point of repaired words, see scripts/eval_lexicon.py). The text is Thai-normalised first; ``protect`` spans
    index that normalised text and are never changed, nor are digits, Latin text, anything in
    brackets or quotes (with ``open_brackets``, round brackets are repaired unless they hold a name: a
    subject's ``(รอบ ๖ เดือน)``), or (``places``) agency and place names found by ``place_spans``.

    >>> repair_words("ประชุมชี้แจงเรื่องผลประโยชน์ทับซอน")[0]
    'ประชุมชี้แจงเรื่องผลประโยชน์ทับซ้อน'
    """
    norm = normalize_thai(text)
    abbrevs = [m.span(1) for m in _ABBREV_BEFORE_NUMBER.finditer(norm)]
    abbrevs += [m.span(1) for m in _ABBREVIATION.finditer(norm)]
    mask = _protected_mask(norm, [*protect, *abbrevs, *(place_spans(norm) if places else ())], open_brackets)
    vocab = word_vocabulary()
    cands: list[_Cand] = []
    tokens: list[tuple[int, int, str]] = []
    for m in _THAI_RUN.finditer(norm):
        s = m.start()
        while s < m.end():  # cut the run at protected characters
            while s < m.end() and mask[s]:
                s += 1
            e = s
            while e < m.end() and not mask[e]:
                e += 1
            if e > s:
                toks, found = _run_candidates(norm[s:e], vocab.vid)
                cands += [replace(c, start=s + c.start, end=s + c.end) for c in found]
                tokens += [(s + a, s + b, t) for a, b, t in toks]
            s = e
    changes: list[Change] = []
    taken = [False] * len(norm)
    _take_candidates(norm, cands, vocab, mask, threshold, margin, taken, changes)
    for run_end, at in _cut_tokens(changes, tokens):
        # a repair that ended inside a token: the rest of its run is tokenized again without the repaired letters
        # (``ประชาสัมพันธันไยบาย``: ธัน straddled both words, so นไยบาย was no candidate; standard 7, 161, 163)
        _toks, found = _run_candidates(norm[at:run_end], vocab.vid)
        rest = [replace(c, start=at + c.start, end=at + c.end) for c in found]
        _take_candidates(norm, rest, vocab, mask, threshold, margin, taken, changes)
    if common:
        held = _spell_held(norm)
        for a, b in _regions(tokens, taken):
            for i, j, rep, score in _general_region(norm[a:b]):
                if not _spell_evidence(norm[a + i : a + j], rep, score):
                    continue  # only marks OCR dropped are put back: a letter changed is another word
                if _spell_kept(norm, held, a + i, a + j):
                    continue
                changes.append(Change(a + i, a + j, norm[a + i : a + j], rep, score, "spell"))
                for k in range(a + i, a + j):
                    taken[k] = True
        for a, b, odd in _word_runs(tokens, taken):
            for i, j, rep, score in _reread_run(norm[a:b], odd):
                if not _spell_kept(norm, held, a + i, a + j):
                    changes.append(Change(a + i, a + j, norm[a + i : a + j], rep, score, "spell"))
    if pn:
        changes += _pn_changes([t for t in tokens if len(t[2]) > 1 and _suspicious(t[2])], taken)
    return apply_changes(norm, changes), sorted(changes, key=lambda c: c.start)


def _take_candidates(
    norm: str,
    cands: list[_Cand],
    vocab: Vocabulary,
    mask: list[bool],
    threshold: float,
    margin: float,
    taken: list[bool],
    changes: list[Change],
) -> None:
    """Make the repairs of ``cands`` that pass every check, best first, on letters no repair has ``taken`` yet. A
    wider candidate covering a better one and scoring at most ``COVER_SLACK`` less is taken in its place: a short
    entry inside a longer misread phrase (``ประจำปชีงบประมาณ``: ประจำป → ประจำปี left ชี; worn seed 218 doc 4)."""

    def end_if_taken(c: _Cand) -> int | None:
        if c.score < threshold or c.score - c.runner_up < margin:
            return None
        if not plausible_misreading(norm[c.start : c.end], c.entry):
            return None
        if c.by_edits and (norm[c.start], norm[c.end - 1]) != (c.entry[0], c.entry[-1]):
            return None  # such a span keeps its ends: a letter of the word beside it is no part of it (เสนอ|ู)
        if c.known and (
            c.cost > _known_span_limit(norm[c.start : c.end], vocab.text[c.entry]) or len(c.entry) < KNOWN_SPAN_MIN_LEN
        ):
            return None
        if any(taken[c.start : c.end]) or _cuts_cluster(norm, c.start, c.end):
            return None
        if _edge_deletion(norm[c.start : c.end], vocab.text[c.entry]) or _runs_on(norm, c.start, c.end, c.entry):
            return None
        if _nearer_common_word(norm[c.start : c.end], c.entry):
            return None
        if _vowel_read_as_bracket(norm, c.start, vocab.text[c.entry]):
            return None
        end = c.end + 1 if _mark_for_next_letter(norm, c.start, c.end, vocab.text[c.entry], mask) else c.end
        return None if taken[end - 1] else end

    for c in sorted(cands, key=lambda c: (-c.score, -(c.end - c.start))):
        end = end_if_taken(c)
        if end is None:
            continue
        for d in cands:
            if d.start <= c.start and d.end >= c.end and d.end - d.start > c.end - c.start:
                if d.score >= c.score - COVER_SLACK and (d_end := end_if_taken(d)) is not None:
                    c, end = d, d_end
                    break
        for i in range(c.start, end):
            taken[i] = True
        changes.append(Change(c.start, end, norm[c.start : end], vocab.text[c.entry], c.score))


def _cut_tokens(changes: list[Change], tokens: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(end of the token run, where the rest starts) for each repair that ends inside a token of a run of
    tokens, the run's tokens touching each other (a Thai run between spaces and protected letters)."""
    out = []
    for ch in changes:
        k = next((k for k, (a, b, _t) in enumerate(tokens) if a < ch.end < b), None)
        if k is None:
            continue
        end = tokens[k][1]
        while k + 1 < len(tokens) and tokens[k + 1][0] == end:
            k += 1
            end = tokens[k][1]
        out.append((end, ch.end))
    return out


def _known_span_limit(read: str, entry: str) -> float:
    """The dearest edit a span of real words may be repaired by to ``entry``: ``KNOWN_SPAN_COST_PER_CHAR`` per letter of
    the entry up to ``KNOWN_SPAN_MAX_COST``; ``KNOWN_MARKS_MAX_COST`` where ``read`` is a long entry with marks lost."""
    limit = min(KNOWN_SPAN_MAX_COST, KNOWN_SPAN_COST_PER_CHAR * len(entry))
    if len(entry) >= MARKS_ONLY_MIN_LEN and _is_minus_marks(read, entry):
        return max(limit, KNOWN_MARKS_MAX_COST)
    return limit


def _vowel_read_as_bracket(text: str, start: int, entry: str) -> bool:
    """Does the entry put a leading vowel before a span that an opening bracket glued to it stands for (``(ม่พบ`` is
    ไม่พบ with its ไ read as the bracket: the ``vowel-bracket`` rule's; the lexicon's ไม่พบ left ``(ไม่พบ``, worn seeds
    142 doc 9 and 144 docs 3, 14)?"""
    return (
        start > 0 and text[start - 1] in "([{" and entry[:1] in LEADING_VOWELS and text[start : start + 1] != entry[:1]
    )


# a date's day, month and year: the month slot is the date rules' (จั้นวาคม is no ว่า)
_MONTH_SLOT = re.compile(
    r"(?<![0-9\u0e50-\u0e59])[0-9\u0e50-\u0e59]{1,2} ?([\u0e01-\u0e4e]+) ?[0-9\u0e50-\u0e59]{4}(?![0-9\u0e50-\u0e59])"
)


def _spell_kept(text: str, held: list[bool], start: int, end: int) -> bool:
    """Does a common-word repair of ``text[start:end]`` stay unmade: a date's month (``held``), a word OCR split
    (``_word_goes_on``), a name's word (อุทัยเรือง is no เรื่อง), a piece of a place's name (หนองกุงศรี, a district, is
    no กุ้ง: worn seed 14 doc 11, its อำเภอ on the line above)?"""
    return (
        any(held[start:end])
        or _word_goes_on(text, start, end)
        or _in_name(text, start, end)
        or _in_place_name(text, start, end)
    )


def _spell_held(text: str) -> list[bool]:
    """Characters the common-word pass leaves alone: the month of a written date."""
    held = [False] * len(text)
    for m in _MONTH_SLOT.finditer(text):
        held[m.start(1) : m.end(1)] = [True] * (m.end(1) - m.start(1))
    return held


def _in_place_name(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie inside a longer place's name written in ``text`` (``gazetteer.place_names``)?
    A word that is a whole name itself is no evidence: เรือง, a subdistrict, is mostly a misread เรื่อง."""
    from ocr_pipeline.clean.gazetteer import place_names

    names, longest = place_names()
    for s in range(max(0, end - longest), start + 1):
        for e in range(max(end, s + 1), min(len(text), s + longest) + 1):
            if (s, e) != (start, end) and text[s:e] in names:
                return True
    return False


def _in_name(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a real word inside a person's name (its marks are the name's)?"""
    return text[start:end] in known_words() and any(a <= start and end <= b for a, b in name_spans(text))


@cache
def _name_re() -> re.Pattern[str]:
    titles = sorted(load_list("titles.txt"), key=len, reverse=True)
    head = "|".join(re.escape(t) for t in titles)
    return re.compile(f"(?:^|(?<=[\\s(]))(?:{head}) ?([\u0e01-\u0e4e]+ [\u0e01-\u0e4e]+)")


def name_spans(text: str) -> list[tuple[int, int]]:
    """Given name and family name after each title (``titles.txt``) in ``text``.

    >>> t = "นางสาวฐาณัตดา อทัยเรือง"
    >>> [t[a:b] for a, b in name_spans(t)]
    ['ฐาณัตดา อทัยเรือง']
    """
    return [m.span(1) for m in _name_re().finditer(text)]


def _word_goes_on(text: str, start: int, end: int) -> bool:
    """Does the piece ``text[start:end]`` run on across a space into a known word (``บุค ลากร`` is
    บุคลากร split by OCR, no บุ๊ค)? Its marks are not missing then."""
    piece = text[start:end]
    before, after = _across_spaces(text, start, end)
    if after:
        first = tokenize(piece + after)[0]
        if len(first) > len(piece) and first in known_words():
            return True
    if before:
        last = tokenize(before + piece)[-1]
        if len(last) > len(piece) and last in known_words():
            return True
    return False


def _across_spaces(text: str, start: int, end: int) -> tuple[str, str]:
    """The run of Thai just before the space in front of ``text[start:end]`` and the one just after
    the space behind it ("" where no space and Thai stand there)."""
    after = m.group() if text[end : end + 1] == " " and (m := _THAI_RUN.match(text, end + 1)) else ""
    ahead = start >= 2 and text[start - 1] == " "
    before = m.group() if ahead and (m := _THAI_RUN_END.search(text, 0, start - 1)) else ""
    return before, after


_THAI_RUN_END = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+$")


def _edge_deletion(read: str, entry: str) -> bool:
    """Would the repair only drop letters at an end of the span (``ผูลผู้ชนะ``: the ล is ผล's, not
    noise before ผู้ชนะ)? The span then took in a neighbour's letters. Dropping a stray mark alone
    (``เดือนุ`` -> ``เดือน``) is a repair."""
    if read == entry:
        return False
    if read.startswith(entry):
        return not marks_only(read[len(entry) :])
    if read.endswith(entry):
        return not marks_only(read[: len(read) - len(entry)])
    return False


def _runs_on(text: str, start: int, end: int, entry: str) -> bool:
    """Does ``entry`` fit the span better with the letters right after it (``เดือ|นุ``) or a few
    letters across a space next to it (``วิเคราะ หั``: วิเคราะห์ split by OCR, whose ห์ is not missing)?"""
    read = text[start:end]
    cost = wdist(read, entry)
    # the letters right after the span belong to the entry (``เดือ|นุ``: เดือน would write น twice)
    if any(wdist(read + text[end : end + k], entry) < cost for k in range(1, REFINE + 1) if end + k <= len(text)):
        return True
    before, after = _across_spaces(text, start, end)
    if any(wdist(read + after[:k], entry) < cost for k in range(1, min(REFINE, len(after)) + 1)):
        return True
    return any(wdist(before[-k:] + read, entry) < cost for k in range(1, min(REFINE, len(before)) + 1))


def _mark_for_next_letter(text: str, start: int, end: int, entry: str, mask: list[bool]) -> bool:
    """Is the span's last character a mark OCR read for a speck by a consonant, where ``entry`` writes the letter
    that comes right after the span (``รายงานผู|ลการ`` for รายงานผล: ู read under ผ; respelling ู as ล would write ล
    twice: fresh worn seed 140 docs 2, 4)? The span then takes in that letter and the mark goes."""
    read = text[start:end]
    return (
        bool(read) and end < len(text) and not mask[end] and read[-1] in ABOVE_BELOW and read[:-1] + text[end] == entry
    )


def _spell_evidence(read: str, word: str, score: float) -> bool:
    """A common-word repair the reading supports: marks OCR dropped put back at ``SPELL_MIN_SCORE``
    (ที -> ที่), ไ read for ใ in a word of three letters or more (ไช้ -> ใช้), one tone mark a speck over a
    letter made taken off a word of three letters or more (``ต่าม`` -> ตาม, ``หลั้ง`` -> หลัง: fresh worn seed 140), or a
    short piece as Tesseract writes a frequent word (``short_misreads.tsv``: ``ทิ`` -> ที่)."""
    if _short_misreads().get(read) == word:
        return True
    if _is_minus_marks(read, word):
        return score >= (MINUS_MARKS_MIN_SCORE if len(read) >= MINUS_MARKS_MIN_LEN else SPELL_MIN_SCORE)
    if _is_plus_speck_mark(read, word):
        return len(word) >= 3
    return len(read) >= 3 and read != word and read.translate(SWAPPED_VOWELS) == word.translate(SWAPPED_VOWELS)


def _is_plus_speck_mark(read: str, word: str) -> bool:
    """``read`` is ``word`` with one mark more of those a speck by a letter is read as (``SPECK_MARKS``)."""
    return len(read) == len(word) + 1 and word in _one_mark_less(read, SPECK_MARKS, start=0)


def _one_mark_less(piece: str, marks: str, start: int = 1) -> set[str]:
    """``piece`` without one of its ``marks``, each in turn from position ``start`` on (by default not one before the
    first letter: that one sits on the letter of the piece before)."""
    return {piece[:i] + piece[i + 1 :] for i in range(start, len(piece)) if piece[i] in marks}


def _regions(tokens: list[tuple[int, int, str]], taken: list[bool]) -> list[tuple[int, int]]:
    """Character ranges of consecutive suspicious or rare tokens (with short neighbours) that the
    domain pass left alone."""
    freqs, domain = word_freqs(), _domain_tokens()
    flag = []
    shadowed = _shadowed()
    for a, b, t in tokens:
        rare = t in known_words() and t not in domain and freqs.get(t, 0) < RARE_FREQ and len(t) > 1
        odd = _suspicious(t) or rare or t in shadowed
        flag.append(odd and not any(taken[a:b]) and not t.isspace())
    out: list[tuple[int, int]] = []
    for i, (a, b, t) in enumerate(tokens):
        near = any(flag[k] for k in (i - 1, i + 1) if 0 <= k < len(tokens))
        keep = flag[i] or (near and len(t) <= 2 and not t.isspace() and not any(taken[a:b]))
        if not keep:
            continue
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a, b) for a, b in out if any(flag[k] for k, (x, y, _t) in enumerate(tokens) if a <= x < b)]


def _nearer_common_word(span: str, entry: str) -> bool:
    """Is ``span`` a frequent word with its marks misread, its letters all kept, where the domain ``entry`` would
    change a letter? ``เมื่อง`` is เมือง with a tone mark, not เรื่อง with ม for ร (blind standard seed 117 doc 5,
    ``อ.เมืองนนทบุรี`` wrapped): the domain pass leaves it to the common-word pass."""
    letters = without_marks(span)
    if letters == without_marks(entry) or span in known_words():
        return False
    own = wdist(span, entry)
    return any(
        without_marks(w) == letters and wdist(span, w) < own for w, _f in _common_index().get(skeleton(span), ())
    )


@cache
def _shadowed() -> frozenset[str]:
    """Real words that are far more often a frequent word with its marks lost (ที for ที่)."""
    out = set()
    for group in _common_index().values():
        if len(group) < 2:
            continue
        top = max(f for _w, f in group)
        for t, g in group:
            if top >= SHADOW_RATIO * g and any(
                f >= SHADOW_RATIO * g and _is_minus_marks(t, w) for w, f in group if w != t
            ):
                out.add(t)
    return frozenset(out - _domain_tokens())


@cache
def _domain_tokens() -> frozenset[str]:
    return frozenset(e.replace(" ", "") for e in domain_entries())


def _pn_changes(leftovers: list[tuple[int, int, str]], taken: list[bool]) -> list[Change]:
    from pythainlp.spell import spell as pn_spell

    out = []
    for a, b, tok in leftovers:
        if any(taken[a:b]):
            continue
        sugg = [s for s in pn_spell(tok, engine="pn")[:3] if s != tok]
        scored = sorted((wdist(tok, s), s) for s in sugg)
        if not scored or scored[0][0] > SPELL_MAX_COST or (len(scored) > 1 and scored[1][0] - scored[0][0] < 0.3):
            continue
        out.append(Change(a, b, tok, scored[0][1], similarity(tok, scored[0][1]), "spell"))
    return out
