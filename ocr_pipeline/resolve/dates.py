"""The document's dates settled together (``clean.date_repair``): fiscal year, report period, the
letter's date and every measure's period cell, each mention read in its role and repaired from the
others; repairs come back as corrections located in the items that hold the mention.

A mention taken from one item (a title line, a period cell) or from running text (the period
phrase of the memo's body, which may run over several lines) knows where each of its characters
sits; a mention of a field value the extraction built (the subject, the letter's date) is located
by finding the repaired token in that field's own lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ocr_pipeline.clean.date_repair import DateEvidence, DateRepair, repair_dates
from ocr_pipeline.clean.dates import find_date_mentions
from ocr_pipeline.document_text import DocText, Edit, cell_key, line_key, text_line_items, token_edits
from ocr_pipeline.extract.memo import FieldHit
from ocr_pipeline.model import Correction, Page
from ocr_pipeline.understand.tables import TableRows

FY_WORD = re.compile(r"งบประมาณ")
PERIOD_START = re.compile(r"ตั้งแต่|ตังแต่|ตั้งแด่|ระหว่าง|รอบระยะเวลา")
PERIOD_STOP = re.compile(r"เพื่อ|จึง|รายละเอียด|ดังนี้")
PERIOD_WINDOW = 90  # characters after the opening word that the period phrase may take
SUBJECT_LINES = 3  # the subject's label line and the lines it may wrap onto
# how the date repair models the digits it reads: "auto" judges each mention (a string the digit
# reader did not re-read is stock Tesseract, which cannot write ๔ ๖ ๗ ๘ ๙). On the dev corpus "auto"
# settles the report period in 80 % of documents, "full" (trust every digit) in 60 %.
DATE_READER = "auto"
# a date's digits read at least this sure (0-100: the digit reader's confidence from the pixels, or
# Tesseract's) are taken as written: a repair toward the rest of the document would be agreement only
SURE_CONFIDENCE = 97.0
_DIGIT = re.compile(r"[0-9๐-๙]")


@dataclass(frozen=True)
class Piece:
    """``length`` characters at ``at`` in a mention's text are those at ``item_at`` in item ``item``."""

    at: int
    item: str
    item_at: int
    length: int


@dataclass(frozen=True)
class Mention:
    """One date mention with where it sits: ``pieces`` map its text onto items; a mention built
    from a field value has none and is searched for in the ``lines`` of that field instead."""

    evidence: DateEvidence
    pieces: tuple[Piece, ...] = ()
    lines: tuple[str, ...] = ()


@dataclass
class SettledDates:
    """The settled values, each period cell's bounds by its text, and the located corrections."""

    repair: DateRepair
    corrections: list[Correction] = field(default_factory=list)
    periods: dict[str, tuple[date | None, date | None, str | None]] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        return self.repair.warnings


def resolve_dates(
    doc: DocText,
    pages: Sequence[Page],
    hits: dict[str, FieldHit],
    subject: str | None,
    tables: Sequence[TableRows],
) -> SettledDates:
    """Settle every date mention of the document; ``hits`` are the memo's labelled lines, ``subject``
    the subject's value as extracted, ``tables`` the measure tables with their body rows."""
    mentions = collect_mentions(pages, hits, subject, tables, {it.key: it.role for it in doc.items})
    # a transcript (lines without word boxes) comes from an engine that writes every Thai digit
    transcript = not any(ln.words for p in pages for ln in p.lines)
    repair = repair_dates([m.evidence for m in mentions], reader="full" if transcript else DATE_READER)
    settled = SettledDates(repair)
    repaired = [k for k, r in enumerate(repair.readings) if r.status == "repaired"]
    editor = _Editor(doc)
    for k, fix in zip(repaired, repair.corrections):  # one correction per repaired reading, in order
        mention, reading = mentions[k], repair.readings[k]
        for edit in token_edits(mention.evidence.text, reading.text or ""):
            editor.add(mention, edit, fix)
    settled.corrections = editor.corrections
    for reading in repair.readings:
        if reading.evidence.role == "measure_period":
            value = (reading.start, reading.end, reading.text)
            settled.periods.setdefault(reading.evidence.text, value)
            if reading.text:
                settled.periods.setdefault(reading.text, value)
    return settled


def collect_mentions(
    pages: Sequence[Page],
    hits: dict[str, FieldHit],
    subject: str | None,
    tables: Sequence[TableRows],
    roles: dict[str, str] | None = None,
) -> list[Mention]:
    """Every date mention of the document's own fields, with its role, in reading order: the subject's
    fiscal year and round, the letter's date, the report period of the body, the fiscal year and round
    of the titles over the measure table (``roles``: line roles by key; a line of running text on a
    table page names no field, whatever year it writes), and each period cell."""
    out: list[Mention] = []
    certain = certain_lines(pages)
    if subject:
        lines = _hit_lines(pages, hits.get("subject"), SUBJECT_LINES)
        sure = bool(lines) and all(k in certain for k in lines)
        out.append(Mention(DateEvidence("fiscal_year", subject, 1, "document.subject", sure), lines=lines))
        for m in find_date_mentions(subject):
            if m.kind == "round":
                out.append(Mention(DateEvidence("period", m.text, 1, "document.subject", sure), lines=lines))
    date_hit = hits.get("doc_date")
    if date_hit is not None and date_hit.value:
        lines = _hit_lines(pages, date_hit, 1)
        sure = bool(lines) and all(k in certain for k in lines)
        out.append(
            Mention(DateEvidence("doc_date", date_hit.value, date_hit.page, "document.doc_date", sure), lines=lines)
        )
    for page in pages:
        if page.tables:  # titles of the measure table: fiscal year and round
            for i, line in enumerate(page.lines):
                key = line_key(page.number, i)
                if roles is not None and roles.get(key) != "title":
                    continue
                sure = key in certain
                if FY_WORD.search(line.text):
                    piece = Piece(0, key, 0, len(line.text))
                    ev = DateEvidence("fiscal_year", line.text, page.number, "pages.text", sure)
                    out.append(Mention(ev, (piece,)))
                for m in find_date_mentions(line.text):
                    if m.kind == "round":
                        piece = Piece(0, key, m.start, m.end - m.start)
                        out.append(Mention(DateEvidence("period", m.text, page.number, "pages.text", sure), (piece,)))
            continue
        running, pieces = _running_text(page)
        found = period_phrase_span(running)
        if found:
            at, phrase = found
            clipped = _clip(pieces, at, len(phrase))
            sure = bool(clipped) and all(p.item in certain for p in clipped)
            out.append(Mention(DateEvidence("period", phrase, page.number, "pages.text", sure), clipped))
    seen: dict[str, list[Piece]] = {}
    for tr in tables:
        col = next((c for c, f in tr.cmap.columns.items() if f == "period_text"), None)
        if col is None:
            continue
        for r in tr.rows:
            cell = tr.table.cell_at(r, col)
            if cell is None or cell.row != r or not cell.text.strip():
                continue
            text, pieces = _one_line(cell.text, cell_key(tr.table.page, tr.index, cell))
            if text not in seen:
                seen[text] = []
                out.append(Mention(DateEvidence("measure_period", text, tr.table.page, "measures.period_text")))
            seen[text] += pieces
    # identical period texts are one piece of evidence whose repair goes to every cell that holds it
    return [
        Mention(m.evidence, tuple(seen[m.evidence.text])) if m.evidence.role == "measure_period" else m for m in out
    ]


def certain_lines(pages: Sequence[Page]) -> set[str]:
    """Keys of the lines whose every digit-bearing word was read with at least ``SURE_CONFIDENCE``
    (by the digit reader from the pixels, or by Tesseract): there the pixels leave no room for another
    reading. Lines without word boxes (transcripts) or without digits are not certain, nor is a word that
    still has a letter OCR writes over a digit among or after its digits (``๒๕๖อ``: the reader read three
    glyphs of ``๒๕ออ``, fresh standard seed 115 doc 7)."""
    out = set()
    for page in pages:
        for i, line in enumerate(page.lines):
            confs = [w.conf for w in line.words if _DIGIT.search(w.text)]
            left = any(_left_lookalike(token) for token in line.text.split())  # the reader's word may end before it
            if confs and min(confs) >= SURE_CONFIDENCE and not left:
                out.add(line_key(page.number, i))
    return out


def _left_lookalike(word: str) -> bool:
    """Does ``word`` have a Thai letter that stock Tesseract writes over a digit (``digit_lookalikes.tsv``)
    between two Thai digits or after one at its end?"""
    from ocr_pipeline.clean.digit_confusions import lookalike_letters

    letters = lookalike_letters()
    return any(
        word[k] in letters and "๐" <= word[k - 1] <= "๙" and (k + 1 == len(word) or "๐" <= word[k + 1] <= "๙")
        for k in range(1, len(word))
    )


def period_phrase(text: str) -> str | None:
    """The phrase of the memo's body that names the report period ("ตั้งแต่วันที่ … ถึง …")."""
    found = period_phrase_span(text)
    return found[1] if found else None


def period_phrase_span(text: str) -> tuple[int, str] | None:
    """(offset, phrase) of the report period phrase in running text, or None."""
    opening = PERIOD_START.search(text)
    if not opening:
        return None
    window = text[opening.start() : opening.start() + PERIOD_WINDOW]
    stop = PERIOD_STOP.search(window, 10)
    phrase = window[: stop.start()] if stop else window
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    return (opening.start() + lead, phrase) if re.search(r"[0-9๐-๙]", phrase) else None


def report_round(start: date | None, end: date | None) -> str | None:
    """'6 months' or '12 months' from the report period's length; None otherwise."""
    if start is None or end is None:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return {6: "6 months", 12: "12 months"}.get(months)


# ----------------------------------------------------------------------------- where a mention sits


def _running_text(page: Page) -> tuple[str, list[Piece]]:
    """The page's lines joined by spaces, and where each line sits in it."""
    pieces, pos = [], 0
    for i, line in enumerate(page.lines):
        pieces.append(Piece(pos, line_key(page.number, i), 0, len(line.text)))
        pos += len(line.text) + 1
    return " ".join(ln.text for ln in page.lines), pieces


def _clip(pieces: list[Piece], at: int, length: int) -> tuple[Piece, ...]:
    """The pieces of ``[at, at + length)``, with offsets relative to ``at``."""
    out = []
    for p in pieces:
        lo, hi = max(p.at, at), min(p.at + p.length, at + length)
        if lo < hi:
            out.append(Piece(lo - at, p.item, p.item_at + lo - p.at, hi - lo))
    return tuple(out)


def _one_line(text: str, key: str) -> tuple[str, list[Piece]]:
    """A cell's text on one line (whitespace runs as one space) and where its stretches sit in the
    cell: tokens separated by exactly one space stay one piece."""
    out = ""
    pieces: list[list[int]] = []
    for m in re.finditer(r"\S+", text):
        if pieces and text[m.start() - 1 : m.start()] == " " and m.start() - 1 == pieces[-1][1]:
            pieces[-1][1] = m.end()
            out += " " + m.group()
            continue
        if out:
            out += " "
        pieces.append([m.start(), m.end(), len(out)])
        out += m.group()
    return out, [Piece(at, key, s, e - s) for s, e, at in pieces]


def _hit_lines(pages: Sequence[Page], hit: FieldHit | None, count: int) -> tuple[str, ...]:
    """Keys of the lines a memo field was read from: its labelled line and ``count - 1`` after it."""
    if hit is None:
        return ()
    page = next((p for p in pages if p.number == hit.page), None)
    if page is None:
        return ()
    rows = text_line_items(page)
    return tuple(k for keys in rows[hit.line : hit.line + count] for k in keys)


class _Editor:
    """Located corrections of one pass; offsets are kept in each item's text before the pass and
    turned into offsets at the moment each correction is made."""

    def __init__(self, doc: DocText) -> None:
        self.doc = doc
        self.done: dict[str, list[Edit]] = {}
        self.corrections: list[Correction] = []

    def add(self, mention: Mention, edit: Edit, fix: Correction) -> None:
        for item, start in self._places(mention, edit):
            self._record(item, Edit(start, start + len(edit.before), edit.before, edit.after), fix)

    def _places(self, mention: Mention, edit: Edit) -> list[tuple[str, int]]:
        inside = [
            (p.item, p.item_at + edit.start - p.at)
            for p in mention.pieces
            if p.at <= edit.start and edit.end <= p.at + p.length
        ]
        if inside or mention.pieces:
            return inside
        return self._search(mention, edit)

    def _search(self, mention: Mention, edit: Edit) -> list[tuple[str, int]]:
        """The one place among the field's lines where the edited token stands with its context."""
        text = mention.evidence.text
        for width in (12, 6, 3, 0):
            left = text[max(0, edit.start - width) : edit.start]
            right = text[edit.end : edit.end + width]
            for needle, shift in ((left + edit.before + right, len(left)), (left + edit.before, len(left))):
                found = [
                    (key, m.start() + shift)
                    for key in mention.lines
                    if key in self.doc
                    for m in re.finditer(re.escape(needle), self.doc.get(key).text)
                ]
                if len(found) == 1:
                    return found
        return []

    def _record(self, key: str, edit: Edit, fix: Correction) -> None:
        done = self.done.setdefault(key, [])
        if any(e.start < edit.end and edit.start < e.end for e in done):
            return  # the same characters were repaired for another mention
        if self.doc.get(key).text[edit.start : edit.end] != edit.before:
            return
        shift = sum(len(e.after) - (e.end - e.start) for e in done if e.end <= edit.start)
        done.append(edit)
        item = self.doc.get(key)
        start = edit.start + shift
        self.corrections.append(
            Correction(
                item.page,
                item.audit_field,
                edit.before,
                edit.after,
                fix.rule,
                fix.score,
                item=key,
                start=start,
                end=start + len(edit.before),
            )
        )
