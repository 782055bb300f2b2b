"""Fuzzy look-up of Thai provinces, districts and subdistricts (geothai) for OCR-garbled names.

geothai's own ``search``/``match`` are exact; this module scores every candidate with
``fuzz.ratio`` on Thai-normalised keys (never ``rapidfuzz.utils.default_process``, which deletes
Thai vowels and tone marks), plus a "skeleton" comparison that forgives the confusions OCR makes
most (tone marks dropped, ด/ต, ข/ช, บ/ป, ...) at a small cost. Candidates can be blocked to one
province or district. Every match carries the runner-up's score: accept only with a threshold
AND a margin (``Match.accepted``).

>>> m = match_subdistrict("กกโค", within="16")
>>> (m.place.name, m.place.code, m.score >= 75)
('กกโก', '160103', True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import geothai
import numpy as np
from rapidfuzz import fuzz, process

from ocr_pipeline.clean.thai_text import TONES, normalize_thai

Level = Literal["province", "district", "subdistrict"]
LEVELS: tuple[Level, ...] = ("province", "district", "subdistrict")

SKELETON_PENALTY = 4.0  # a match found only by forgiving confusable characters scores this much less
DEFAULT_THRESHOLD = 75.0
DEFAULT_MARGIN = 6.0

_DROP = re.compile(r"[\s.\-'\"()\[\]ฯ]")
_PAREN = re.compile(r"\s*\(([^)]*)\)")
# Tone marks, thanthakhat and maitaikhu vanish in OCR; long and short upper vowels swap.
_SKEL_DROP = re.compile(f"[\u0e47{TONES}\u0e4c\u0e4d]")  # mai taikhu, tones, thanthakhat, nikhahit
_SKEL_MAP = str.maketrans(
    {
        "ด": "ต",
        "ข": "ช",
        "ฃ": "ช",
        "ซ": "ช",
        "ป": "บ",
        "ภ": "ถ",
        "ผ": "พ",
        "ฝ": "ฟ",
        "ฏ": "ฎ",
        "ศ": "ส",
        "ษ": "ส",
        "ฅ": "ค",
        "ฆ": "ม",
        "ี": "ิ",
        "ื": "ึ",
        "ฬ": "ห",
    }
)


def name_key(text: str) -> str:
    """The form names are compared in: Thai-normalised, without spaces, dots, hyphens, brackets.

    >>> name_key(" ท่า  วุ้ง ")
    'ท่าวุ้ง'
    """
    return _DROP.sub("", normalize_thai(text))


def key_of_normalised(text: str) -> str:
    """``name_key`` for text that is already ``normalize_thai``-ed (skips the costly part)."""
    return _DROP.sub("", text)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A name key with OCR-confusable characters folded together and tone marks removed.

    >>> skeleton("ดอนโพธิ์") == skeleton("ตอนโพธิ")
    True
    """
    return _SKEL_DROP.sub("", key).translate(_SKEL_MAP)


@dataclass(frozen=True)
class Place:
    """One administrative area."""

    level: Level
    code: str  # DOPA code: 2 digits (province), 4 (district), 6 (subdistrict)
    name: str  # Thai name as written after its level word (Bangkok's "เขต" removed)

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def district_code(self) -> str | None:
        return self.code[:4] if len(self.code) >= 4 else None


@dataclass(frozen=True)
class Match:
    """Best candidate for a name, with the best candidate of a different name as runner-up.

    ``tied`` holds every place whose name is as good as the best one (subdistrict names repeat):
    ``place`` is None when more than one place ties.
    """

    query: str
    level: Level
    place: Place | None
    score: float
    runner_up: Place | None
    runner_up_score: float
    tied: tuple[Place, ...] = ()

    def accepted(self, threshold: float = DEFAULT_THRESHOLD, margin: float = DEFAULT_MARGIN) -> bool:
        """True when the best is unique, scores at least ``threshold`` and beats the runner-up by ``margin``."""
        return self.place is not None and self.score >= threshold and self.score - self.runner_up_score >= margin


@dataclass(frozen=True)
class _LevelIndex:
    places: tuple[Place, ...]
    keys: tuple[str, ...]  # one per entry; a place may have several entries (aliases)
    skels: tuple[str, ...]
    owner: np.ndarray  # entry -> index into places
    by_area: dict[str, np.ndarray]  # province / district code -> entry indices


def _make_level(places: list[Place], aliases: dict[str, list[str]]) -> _LevelIndex:
    keys: list[str] = []
    owner: list[int] = []
    by_area: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        own: set[str] = set()
        for alias in [p.name, *aliases.get(p.code, [])]:
            k = name_key(alias)
            if not k or k in own:
                continue
            own.add(k)
            e = len(keys)
            keys.append(k)
            owner.append(i)
            for area in {p.code[:2], p.code[:4]} if p.level != "province" else ():
                by_area.setdefault(area, []).append(e)
    return _LevelIndex(
        places=tuple(places),
        keys=tuple(keys),
        skels=tuple(skeleton(k) for k in keys),
        owner=np.array(owner, dtype=np.int32),
        by_area={a: np.array(v, dtype=np.int32) for a, v in by_area.items()},
    )


PROVINCE_ALIASES = {"10": ["กรุงเทพ", "กรุงเทพฯ", "กทม", "กรุงเทพมหานคร"], "14": ["อยุธยา"]}


@cache
def index() -> dict[Level, _LevelIndex]:
    """The gazetteer, built once: 77 provinces, 928 districts, 7,436 subdistricts."""
    provinces = [Place("province", p.code, p.name_th) for p in geothai.provinces()]
    districts: list[Place] = []
    subdistricts: list[Place] = []
    sub_aliases: dict[str, list[str]] = {}
    dist_aliases: dict[str, list[str]] = {}
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            name = d.name_th[3:] if p.code == "10" and d.name_th.startswith("เขต") else d.name_th
            districts.append(Place("district", d.code, name))
            for s in geothai.subdistricts(d.code):
                main = _PAREN.sub("", s.name_th).strip()
                subdistricts.append(Place("subdistrict", s.code, main))
                sub_aliases[s.code] = _PAREN.findall(s.name_th)
    for code, name in _extra_places():
        levels: dict[int, Level] = {2: "province", 4: "district", 6: "subdistrict"}
        level = levels[len(code)]
        (sub_aliases if level == "subdistrict" else dist_aliases).setdefault(code, []).append(name)
    return {
        "province": _make_level(provinces, PROVINCE_ALIASES),
        "district": _make_level(districts, dist_aliases),
        "subdistrict": _make_level(subdistricts, sub_aliases),
    }


PLACE_NAME_MIN = 4  # letters: shorter names (ปง, ตาก) are too often part of other words to be told apart


@cache
def all_place_names() -> tuple[frozenset[str], int]:
    """Every province's, district's and subdistrict's name (Thai-normalised, short ones too) and the longest one's
    length: how far what follows an agency's type is a place's name (``lexicon.place_spans``)."""
    names = frozenset(normalize_thai(p.name) for level in index().values() for p in level.places)
    return names, max(len(n) for n in names)


@cache
def place_names() -> tuple[frozenset[str], int]:
    """Every province's, district's and subdistrict's name of ``PLACE_NAME_MIN`` letters or more and the longest
    one's length: words the spelling repair must not take for a misread common word."""
    names = frozenset(n for n in all_place_names()[0] if len(n) >= PLACE_NAME_MIN)
    return names, max(len(n) for n in names)


def _extra_places() -> list[tuple[str, str]]:
    """Alias names from ``dictionaries/extra_places.tsv`` (code, name), when that file exists."""
    from ocr_pipeline.resources import data_file, load_table

    if not data_file("extra_places.tsv").is_file():
        return []
    return [(r[0], r[1]) for r in load_table("extra_places.tsv") if len(r) >= 2]


@cache
def _by_code() -> dict[str, Place]:
    return {p.code: p for lv in index().values() for p in lv.places}


def place(code: str) -> Place | None:
    """The place with this DOPA code (2, 4 or 6 digits), or None."""
    return _by_code().get(code)


def parents(p: Place) -> tuple[Place | None, Place | None, Place | None]:
    """(subdistrict, district, province) for a place; the levels above it filled in."""
    sub = p if p.level == "subdistrict" else None
    dist = p if p.level == "district" else (place(p.code[:4]) if sub else None)
    return sub, dist, place(p.code[:2])


def capital_district(province_code: str) -> Place | None:
    """The province's capital district (code XX01, "เมือง…"); Bangkok has none."""
    return None if province_code == "10" else place(province_code + "01")


def entries(level: Level, within: str | None = None) -> np.ndarray:
    """Entry indices of a level, blocked to a province (2 digits) or district (4 digits) code."""
    ix = index()[level]
    if within is None or level == "province":
        return np.arange(len(ix.keys), dtype=np.int32)
    return ix.by_area.get(within, np.zeros(0, dtype=np.int32))


@cache
def _block(level: Level, within: str | None) -> tuple[np.ndarray, list[str], list[str]]:
    ent = entries(level, within)
    ix = index()[level]
    return ent, [ix.keys[e] for e in ent], [ix.skels[e] for e in ent]


def score_keys(queries: Sequence[str], choices: Sequence[str]) -> np.ndarray:
    """The same score for any keys: shape (len(queries), len(choices))."""
    if not queries or not choices:
        return np.zeros((len(queries), len(choices)), dtype=np.float32)
    return _combine(list(queries), list(choices), [skeleton(c) for c in choices])


def _combine(queries: list[str], choices: list[str], choice_skels: list[str], cutoff: float = 0.0) -> np.ndarray:
    raw = process.cdist(queries, choices, scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cutoff)
    sk = process.cdist(
        [skeleton(q) for q in queries], choice_skels, scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cutoff
    )
    return np.maximum(raw, sk - SKELETON_PENALTY)


@cache
def _alias_keys() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for lv in index().values():
        for e, key in enumerate(lv.keys):
            out.setdefault(lv.places[int(lv.owner[e])].code, []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def alias_keys(p: Place) -> tuple[str, ...]:
    """Every key the place is known by (its name first, then aliases such as กทม)."""
    found = _alias_keys().get(p.code)
    return found if found is not None else (name_key(p.name),)


def within(level: Level, area: str) -> list[Place]:
    """Places of ``level`` inside a province (2 digits) or district (4 digits) code."""
    ix = index()[level]
    seen: dict[int, None] = {}
    for e in entries(level, area):
        seen.setdefault(int(ix.owner[e]), None)
    return [ix.places[o] for o in seen]


def similarity(a: str, b: str) -> float:
    """The same score for two names (keys or raw text)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    return max(fuzz.ratio(ka, kb), fuzz.ratio(skeleton(ka), skeleton(kb)) - SKELETON_PENALTY)


def top_places(text: str, level: Level, within: str | None = None, limit: int = 5) -> list[tuple[Place, float, str]]:
    """The ``limit`` best places (each once, by its best alias) as (place, score, matched key)."""
    key = name_key(text)
    return top_places_for_keys([key], [0.0], level, within, limit) if key else []


def top_places_for_keys(
    keys: Sequence[str],
    penalties: Sequence[float],
    level: Level,
    within: str | None = None,
    limit: int = 5,
) -> list[tuple[Place, float, str]]:
    """Like ``top_places`` for several readings of one name (already ``name_key``-ed), each
    with a penalty subtracted from its score; a place scores by its best reading."""
    return list(_top_cached(tuple(keys), tuple(float(p) for p in penalties), level, within, limit))


TOP_CUTOFF = 35.0  # scores below this are not computed exactly (reported as 0)


@lru_cache(maxsize=8192)
def _top_cached(
    keys: tuple[str, ...], penalties: tuple[float, ...], level: Level, within: str | None, limit: int
) -> tuple[tuple[Place, float, str], ...]:
    ent, choices, skels = _block(level, within if level != "province" else None)
    if not keys or len(ent) == 0:
        return ()
    m = _combine(list(keys), choices, skels, TOP_CUTOFF) - np.asarray(penalties, dtype=np.float32)[:, None]
    sc = m.max(axis=0)
    ix = index()[level]
    k = min(len(sc), 3 * limit + 8)  # enough entries for ``limit`` places after aliases
    part = np.argpartition(-sc, k - 1)[:k] if k < len(sc) else np.arange(len(sc))
    order = part[np.lexsort((part, -sc[part]))]
    out: list[tuple[Place, float, str]] = []
    seen: set[int] = set()
    for j in order:
        o = int(ix.owner[ent[j]])
        if o in seen:
            continue
        seen.add(o)
        out.append((ix.places[o], float(sc[j]), ix.keys[ent[j]]))
        if len(out) >= limit:
            break
    return tuple(out)


def match(text: str, level: Level, within: str | None = None) -> Match:
    """Best place of ``level`` for ``text`` (blocked to ``within`` when given), with runner-up.

    Places that share the best name all go to ``tied``; the runner-up is the best other name.
    """
    ranked = top_places(text, level, within, limit=40)
    if not ranked:
        return Match(text, level, None, 0.0, None, 0.0)
    best, best_score, best_key = ranked[0]
    tied = tuple(p for p, s, k in ranked if s == best_score and k == best_key)
    runner = next(((p, s) for p, s, k in ranked if k != best_key), (None, 0.0))
    return Match(
        query=text,
        level=level,
        place=best if len(tied) == 1 else None,
        score=best_score,
        runner_up=runner[0],
        runner_up_score=runner[1],
        tied=tied,
    )


def match_province(text: str) -> Match:
    """Best province for a name ("ลพบุรี", "จ.ลพบุรี", "กทม" ...)."""
    return match(strip_level_word(text), "province")


def match_district(text: str, province_code: str | None = None) -> Match:
    """Best district, optionally within a province. "เมือง" alone is the province's capital district."""
    name = strip_level_word(text)
    if province_code and name_key(name) == "เมือง":
        cap = capital_district(province_code)
        if cap is not None:
            return Match(text, "district", cap, 100.0, None, 0.0, (cap,))
    return match(name, "district", province_code)


def match_subdistrict(text: str, within: str | None = None) -> Match:
    """Best subdistrict, optionally within a province (2 digits) or district (4 digits)."""
    return match(strip_level_word(text), "subdistrict", within)


_LEVEL_WORD = re.compile(r"^\s*(?:จังหวัด|กิ่งอำเภอ|อำเภอ|ตำบล|แขวง|เขต|(?:จ|อ|ต)\s*\.)\s*")


def strip_level_word(text: str) -> str:
    """'อ.เมือง' -> 'เมือง'; 'จังหวัดลพบุรี' -> 'ลพบุรี'."""
    return _LEVEL_WORD.sub("", normalize_thai(text))
