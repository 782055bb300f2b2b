"""The agency and its places resolved against the gazetteer from all their mentions at once
(``clean.agency``), as located corrections (rule ``gazetteer``)."""

from __future__ import annotations

from ocr_pipeline.clean.agency import PlaceResolution
from ocr_pipeline.clean.agency import resolve_places as resolve_agency
from ocr_pipeline.document_text import DocText, Edit, in_sequence
from ocr_pipeline.model import Correction


def item_name(role: str, key: str) -> str:
    """How an item is named to the gazetteer resolver (its role tells how much a mention weighs)."""
    return f"{role}#{key}"


def resolve_places(doc: DocText) -> tuple[PlaceResolution, list[Correction]]:
    """The document's agency and address, and the rewrites of its garbled mentions."""
    places = resolve_agency([(it.page, item_name(it.role, it.key), it.text) for it in doc.items])
    by_name = {item_name(it.role, it.key): it for it in doc.items}
    edits: dict[str, list[tuple[int, Edit, float]]] = {}
    for n, r in enumerate(places.rewrites):
        item = by_name[r.field]
        taken = edits.setdefault(item.key, [])
        if r.before == r.after or any(e.start < r.end and r.start < e.end for _, e, _ in taken):
            continue  # an overlapping rewrite of the same text: the first one stands
        taken.append((n, Edit(r.start, r.end, r.before, r.after), r.score))
    out: list[tuple[int, Correction]] = []
    for key, listed in edits.items():
        item = doc.get(key)
        for (n, _e, score), (edit, start) in zip(listed, in_sequence([e for _, e, _ in listed])):
            out.append(
                (
                    n,
                    Correction(
                        item.page,
                        item.audit_field,
                        edit.before,
                        edit.after,
                        "gazetteer",
                        round(float(score), 1),
                        item=key,
                        start=start,
                        end=start + len(edit.before),
                    ),
                )
            )
    located_fixes = [c for _, c in sorted(out, key=lambda nc: nc[0])]
    if places.voted and places.agency:
        # the name chosen by the vote of all its readings (clean.agency.vote_agency), listed once
        page = next((m.page for m in places.mentions if m.kind == "agency"), None)
        located_fixes.append(
            Correction(page, "document.agency", " / ".join(places.voted), places.agency, "gazetteer", places.vote_score)
        )
    return places, located_fixes
