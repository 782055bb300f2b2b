"""Where on the page a correction was made: the line or cell and the span of its cleaned text.

A correction that names its place (``item`` like ``p1.l3`` or ``p2.t0.r3.c1`` and a ``start``,
``end`` span in that item's text) is taken at its word. Until the clean-up records that, the place
is searched: the first line or cell of the correction's page whose cleaned text holds its ``after``
and that no earlier correction with the same ``after`` took (table fields look in cells first,
page text in lines first). A correction that removed text (``after`` empty) has no place.
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
    taken: set[tuple[str, int]] = set()
    return [locate(c, items, by_key, taken) for c in corrections]


def locate(c: Correction, items: list[Item], by_key: dict[str, Item], taken: set[tuple[str, int]]) -> Place | None:
    """One correction's place; ``taken`` holds (item, start) already given to an earlier one."""
    key = getattr(c, "item", None)
    if key in by_key and getattr(c, "start", None) is not None:
        item = by_key[key]
        return Place(key, item.page, c.start, c.end, item.boxes_of(c.start, c.end), exact=True)
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
