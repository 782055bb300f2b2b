"""Where on the page a correction was made: the line or cell and the span of its cleaned text.

A correction of the clean-up names its place: ``item`` (``p1.l3``, ``p2.t0.r3.c1``) and the span
``start``-``end`` of ``before`` in that item's text when it was made. Its ``after`` then lies at
``start`` in the text of that moment; the corrections made later on the same item, in list order,
move it (``final_spans`` replays them), so the place is found in the item's final, cleaned text.

Changes made while reading a page (digits re-read from the pixels, Latin re-read as Thai) and
corrections of document fields name no line or cell: their place is searched, the first line or
cell of the correction's page whose cleaned text holds its ``after`` and that no earlier correction
with the same ``after`` took (table fields look in cells first, page text in lines first). A
one-digit reading may so be put on the wrong digit of its page. A removal (``after`` empty, a speck
dropped) has no place.
"""

from __future__ import annotations

from dataclasses import dataclass

from ocr_pipeline.model import Box, Correction
from ocr_pipeline.scan_outputs.pieces import Item


@dataclass
class Place:
    item: str
    page: int
    start: int
    end: int
    boxes: list[Box]  # prepared-image pixels of the page
    exact: bool  # named by the correction itself, not searched


def locate_all(corrections: list[Correction], items: list[Item]) -> list[Place | None]:
    """The place of each correction, in order (None where it has none)."""
    by_key = {it.key: it for it in items}
    spans = final_spans(corrections)
    taken: set[tuple[str, int]] = set()
    places: list[Place | None] = []
    for k, c in enumerate(corrections):
        if k in spans and spans[k][0] in by_key:
            key, start, end = spans[k]
            item = by_key[key]
            places.append(Place(key, item.page, start, end, item.boxes_of(start, end), exact=True))
        else:
            places.append(search(c, items, taken))
    return places


def final_spans(corrections: list[Correction]) -> dict[int, tuple[str, int, int]]:
    """For each located correction (by its index), where its ``after`` lies in its item's text once
    every correction is made: each later correction of the same item shifts it by its change of
    length when it lies before it, or widens it to cover both when the two overlap."""
    spans: dict[int, tuple[str, int, int]] = {}
    made: dict[str, list[int]] = {}
    for k, c in enumerate(corrections):
        if c.item is None or c.start is None or c.end is None:
            continue
        start, end, grown = c.start, c.end, len(c.after) - (c.end - c.start)
        for j in made.get(c.item, []):
            _, a, b = spans[j]
            if a >= end:
                spans[j] = (c.item, a + grown, b + grown)
            elif b > start:
                spans[j] = (c.item, min(a, start), max(b + grown, start + len(c.after)))
        spans[k] = (c.item, start, start + len(c.after))
        made.setdefault(c.item, []).append(k)
    return spans


def search(c: Correction, items: list[Item], taken: set[tuple[str, int]]) -> Place | None:
    """The place of a correction that names none; ``taken`` holds (item, start) given earlier."""
    if not c.after:
        return None
    found = None
    for item in _candidates(c, items):
        at = item.text.find(c.after)
        while at >= 0 and (item.key, at) in taken:
            at = item.text.find(c.after, at + 1)
        if at >= 0:
            found = (item, at)
            break
        if found is None and c.after in item.text:
            found = (item, item.text.find(c.after))  # every occurrence taken: share the first
    if found is None:
        return None
    item, at = found
    taken.add((item.key, at))
    end = at + len(c.after)
    return Place(item.key, item.page, at, end, item.boxes_of(at, end), exact=False)


def _candidates(c: Correction, items: list[Item]) -> list[Item]:
    on_page = [it for it in items if c.page is None or it.page == c.page]
    cells_first = c.field.startswith(("table.", "measures."))
    return sorted(on_page, key=lambda it: (it.kind == "line") if cells_first else (it.kind == "cell"))


def find_text(value: str, items: list[Item], page: int | None = None) -> Place | None:
    """The first line or cell (of ``page``, if given) whose cleaned text holds ``value``; a long
    value that a line break cut is looked for by its first line."""
    value = value.strip()
    for probe in dict.fromkeys((value, value.split("\n")[0][:40])):
        if len(probe) < 2:
            continue
        for item in items:
            if page is not None and item.page != page:
                continue
            at = item.text.find(probe)
            if at >= 0:
                end = at + len(probe)
                return Place(item.key, item.page, at, end, item.boxes_of(at, end), exact=False)
    return None


def mean_confidence(place: Place, items_by_key: dict[str, Item]) -> float | None:
    """Mean OCR confidence (0-100) of the pieces under a place, None when unknown."""
    item = items_by_key.get(place.item)
    if item is None:
        return None
    confs = [p.conf for p in item.pieces if p.start < place.end and place.start < p.end and p.conf >= 0]
    return sum(confs) / len(confs) if confs else None
