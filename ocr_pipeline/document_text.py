"""The document's text as addressable items, and corrections applied to them by item and span.

Every page line and table cell is an ``Item`` with a key unique in the document (``p1.l3``: line 3
of page 1; ``p2.t0.r3.c1``: table 0 of page 2, row 3, column 1) and a role (what kind of text it
is). Clean-up passes read a ``DocText`` and return corrections that name an item and a span;
``apply_corrections`` returns a new ``DocText`` with them made, and ``pages_with_text`` writes the
texts into new ``Page`` values. Nothing is changed in place, and nothing is replaced by searching
for a substring: a correction changes exactly the characters of its span.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ocr_pipeline.layout.reading_order import page_text
from ocr_pipeline.model import Cell, Correction, Page


@dataclass(frozen=True)
class Item:
    """One line or table cell of the document.

    ``role``: header.division | header.doc_number | header.doc_date | subject | addressee | position
    | title | body for lines, ``table.<field>`` (or ``table.c<n>`` outside a measure table's known
    columns) for cells. ``line`` is the index in ``page.lines``; ``table``/``cell`` the indexes in
    ``page.tables`` and ``table.cells``.
    """

    key: str
    page: int
    role: str
    text: str
    line: int | None = None
    table: int | None = None
    cell: int | None = None

    @property
    def audit_field(self) -> str:
        """The field name written to corrections.csv."""
        return "pages.text" if self.line is not None else self.role


def line_key(page: int, index: int) -> str:
    return f"p{page}.l{index}"


def cell_key(page: int, table: int, cell: Cell) -> str:
    return f"p{page}.t{table}.r{cell.row}.c{cell.col}"


@dataclass(frozen=True)
class DocText:
    """All items of a document, in reading order of collection (pages; lines, then tables)."""

    items: tuple[Item, ...]

    def get(self, key: str) -> Item:
        return self._index()[key]

    def __contains__(self, key: str) -> bool:
        return key in self._index()

    def _index(self) -> dict[str, Item]:
        index = self.__dict__.get("_by_key")
        if index is None:
            index = {it.key: it for it in self.items}
            object.__setattr__(self, "_by_key", index)
        return index

    def with_texts(self, texts: dict[str, str]) -> DocText:
        """A new DocText with the given items' texts replaced."""
        if not texts:
            return self
        return DocText(tuple(replace(it, text=texts[it.key]) if it.key in texts else it for it in self.items))


def collect_items(
    pages: Sequence[Page], cell_roles: dict[tuple[int, int], dict[int, str]], line_roles: dict[str, str]
) -> DocText:
    """Items of all pages: ``cell_roles`` maps (page, table index) -> grid column -> contract field,
    ``line_roles`` maps a line's key -> role (default ``body``)."""
    items: list[Item] = []
    for page in pages:
        for i, line in enumerate(page.lines):
            key = line_key(page.number, i)
            items.append(Item(key, page.number, line_roles.get(key, "body"), line.text, line=i))
        for t, table in enumerate(page.tables):
            roles = cell_roles.get((page.number, t), {})
            for k, cell in enumerate(table.cells):
                role = "table." + roles.get(cell.col, f"c{cell.col + 1}")
                items.append(Item(cell_key(page.number, t, cell), page.number, role, cell.text, table=t, cell=k))
    return DocText(tuple(items))


def pages_with_text(pages: Sequence[Page], doc: DocText) -> list[Page]:
    """New pages whose lines and cells carry the items' texts; each page's text recomposed."""
    by_page: dict[int, list[Item]] = {}
    for it in doc.items:
        by_page.setdefault(it.page, []).append(it)
    out = []
    for page in pages:
        line_text = {it.line: it.text for it in by_page.get(page.number, []) if it.line is not None}
        cell_text = {(it.table, it.cell): it.text for it in by_page.get(page.number, []) if it.table is not None}
        lines = [replace(ln, text=line_text.get(i, ln.text)) for i, ln in enumerate(page.lines)]
        tables = [
            replace(
                table,
                cells=[replace(c, text=cell_text.get((t, k), c.text)) for k, c in enumerate(table.cells)],
            )
            for t, table in enumerate(page.tables)
        ]
        out.append(replace(page, lines=lines, tables=tables, text=page_text(lines, tables)))
    return out


# ----------------------------------------------------------------------------- corrections by span


def apply_corrections(doc: DocText, corrections: Iterable[Correction]) -> DocText:
    """``doc`` with every located correction made, in order: ``text[start:end]`` must be
    ``before`` at that moment (a correction whose text has changed under it is an error)."""
    texts: dict[str, str] = {}
    for c in corrections:
        if c.item is None or c.item not in doc:
            continue
        text = texts.get(c.item, doc.get(c.item).text)
        assert c.start is not None and c.end is not None
        if text[c.start : c.end] != c.before:
            raise ValueError(f"correction {c.before!r} -> {c.after!r} does not match {c.item} at {c.start}")
        texts[c.item] = text[: c.start] + c.after + text[c.end :]
    return doc.with_texts(texts)


def apply_to_text(text: str, corrections: Iterable[Correction]) -> str:
    """One text with the corrections (located in it) made in order."""
    for c in corrections:
        assert c.start is not None and c.end is not None
        if text[c.start : c.end] != c.before:
            raise ValueError(f"correction {c.before!r} -> {c.after!r} does not match at {c.start}")
        text = text[: c.start] + c.after + text[c.end :]
    return text


@dataclass(frozen=True)
class Edit:
    """``text[start:end]`` of a base text becomes ``after`` (offsets index the base text)."""

    start: int
    end: int
    before: str
    after: str


def in_sequence(edits: Sequence[Edit]) -> list[tuple[Edit, int]]:
    """Non-overlapping edits of one base text, each with its start in the text as it is when the
    edits are made one after another in the given order."""
    out = []
    for i, e in enumerate(edits):
        shift = sum(len(p.after) - (p.end - p.start) for p in edits[:i] if p.end <= e.start)
        out.append((e, e.start + shift))
    return out


def located(
    edits: Sequence[Edit], item: str, page: int | None, field: str, rule: str, score: float
) -> list[Correction]:
    """Corrections of one item from edits of its base text (same rule and score)."""
    return [
        Correction(page, field, e.before, e.after, rule, score, item=item, start=s, end=s + len(e.before))
        for e, s in in_sequence(edits)
        if e.before != e.after
    ]


def token_edits(before: str, after: str) -> list[Edit]:
    """The changed stretches between two versions of a text, each widened to whole
    whitespace-separated tokens (``ปีงบประมาณ ๒๕๒๐๒๐`` -> ``ปีงบประมาณ ๒๕๖๖``: one edit
    ``๒๕๒๐๒๐`` -> ``๒๕๖๖``).

    >>> token_edits("ปีงบประมาณ ๒๕๒๐๒๐ และ ๒๕๖๖", "ปีงบประมาณ ๒๕๖๖ และ ๒๕๖๖")
    [Edit(start=11, end=17, before='๒๕๒๐๒๐', after='๒๕๖๖')]
    """
    if before == after:
        return []
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    spans: list[list[int]] = []  # [a0, a1, b0, b1] per changed stretch, widened to tokens
    for tag, a0, a1, b0, b1 in ops:
        if tag == "equal":
            continue
        while a0 > 0 and b0 > 0 and not before[a0 - 1].isspace() and before[a0 - 1] == after[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(before) and b1 < len(after) and not before[a1].isspace() and before[a1] == after[b1]:
            a1, b1 = a1 + 1, b1 + 1
        if spans and a0 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(spans[-1][1], a1), max(spans[-1][3], b1)
        else:
            spans.append([a0, a1, b0, b1])
    return [Edit(a0, a1, before[a0:a1], after[b0:b1]) for a0, a1, b0, b1 in spans]


def text_line_items(page: Page) -> list[tuple[str, ...]]:
    """For each line of ``page_text(page.lines, page.tables)``, the keys of the items it shows (one
    line, or the cells of one table row); a line the clean-up emptied is left out, as there (fresh worn seed 202
    doc 1: a row of marks dropped over the memo put every line after it one off, and the subject's year repaired
    was looked for in the lines above it)."""
    blocks: list[tuple[int, int, list[tuple[str, ...]]]] = [
        (ln.box[1], 0, [(line_key(page.number, i),)]) for i, ln in enumerate(page.lines) if ln.text
    ]
    for t, table in enumerate(page.tables):
        rows: list[tuple[str, ...]] = [
            tuple(cell_key(page.number, t, c) for c in table.cells if c.row == r) for r in range(table.n_rows)
        ] or [()]  # an empty table still takes one (empty) line
        blocks.append((table.box[1] if table.box else 0, 1, rows))
    return [keys for _, _, rows in sorted(blocks, key=lambda b: (b[0], b[1])) for keys in rows]
