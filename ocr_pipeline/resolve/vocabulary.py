"""Report vocabulary repaired in every item (``clean.lexicon``): units and positions as closed
sets, table headings whole, words in free text (after the leading vowels OCR read as a bracket,
``clean.vowel_brackets``, and the spaces OCR put inside its words, ``clean.spacing``);
month names and period words respelt where dates are written (rule ``date-words``)."""

from __future__ import annotations

from ocr_pipeline.clean.dates import date_word_spellings
from ocr_pipeline.clean.latin_phrases import address_head_repairs, latin_phrase_repairs
from ocr_pipeline.clean.lexicon import (
    Change,
    repair_heading,
    repair_position,
    repair_units,
    repair_words,
    unit_spaces,
)
from ocr_pipeline.clean.period_words import end_specks, period_dash_specks, period_word_spellings, whole_year_specks
from ocr_pipeline.clean.spacing import era_spaces, range_dash_spaces, spaced_word_gaps, word_spaces
from ocr_pipeline.clean.vowel_brackets import doubled_vowels, twice_read, vowel_brackets
from ocr_pipeline.document_text import DocText, Edit, Item, apply_to_text, in_sequence
from ocr_pipeline.model import Correction
from ocr_pipeline.understand.labels import split_label

LEXICON_BY_ROLE = {
    # the ส่วนราชการ line holds the agency and address too: words here, the unit part below
    "table.responsible": "units",
    "header.division": "words",
    "position": "position",
    "table.measure": "words",
    "table.step": "words",
    "table.result": "words",
    "subject": "words",
    "title": "words",
    "body": "words",
}
# where round brackets hold the report's own words, repaired like the rest (``(รอบ ๖ เดือน)``)
OPEN_BRACKETS = ("subject", "title")
# where month names and period words are respelt (the date parser reads them either way); a step or a result
# dates what was done (``เมื่อวันที่ ๒๐ กุพ. ๒๕๖๔``: fresh standard seed 115 doc 0)
DATE_WORD_ROLES = ("table.period_text", "table.step", "table.result", "header.doc_date", "subject", "body")
DATE_WORD_SCORE = 90.0
SPECK_SCORE = 90.0  # a speck read as a dash between a period cell's month and its year
# where a space lost inside a line beside a word always spaced off is put back (``clean.spacing.spaced_word_gaps``:
# ``dictionaries/sentence_openers.txt``, ``spaced_after_words.txt``)
SPACED_WORD_ROLES = ("table.measure", "table.step", "table.result")


def resolve_vocabulary(doc: DocText, header_cells: set[str]) -> list[Correction]:
    """Corrections of every item's words; ``header_cells``: keys of the measure tables' header cells."""
    out: list[Correction] = []
    for k, item in enumerate(doc.items):
        if not item.text.strip():
            continue
        text = item.text
        heading = item.key in header_cells
        dated_from = _memo_date_start(text) if item.role == "header.doc_number" else None
        if (item.role in DATE_WORD_ROLES or dated_from is not None) and not heading:
            spellings = [
                Change(s, e, a, b, DATE_WORD_SCORE, "date-words")
                for s, e, a, b in date_word_spellings(text)
                if dated_from is None or s >= dated_from
            ]
            text = _take(item, spellings, text, out)
            if item.role == "table.period_text":
                # ``ต.ก.``, ``ตลอคปีงบประมาณ``: what the parser cannot read, after what it can (``ปีงบประมา: ๒๕๖๗`` is
                # ปีงบประมาณ with its ณ read as the colon, standard seed 137 doc 11: not ปีงบประมาณ + a colon)
                words = [
                    Change(s, e, a, b, DATE_WORD_SCORE, "date-words") for s, e, a, b in period_word_spellings(text)
                ]
                text = _take(item, words, text, out)
                # a dash read between a month (spelt right by now: ``มกราคบ``) and its year, digits read between
                # ตลอด and ปีงบประมาณ (``ตลอด ๕4 ปีงบประมาณ``), a Latin or Arabic speck after its last Thai number
                specks = period_dash_specks(text) + whole_year_specks(text) + end_specks(text)
                speck_fixes = [Change(s, e, a, b, SPECK_SCORE, "speck") for s, e, a, b in specks]
                text = _take(item, speck_fixes, text, out)
                text = _take(item, range_dash_spaces(text), text, out)
            if item.role not in LEXICON_BY_ROLE:  # a period cell, the memo's date: the era, not the words
                eras = [c for c in era_spaces(text) if dated_from is None or c.start >= dated_from]
                text = _take(item, eras, text, out)
        if heading:
            _new, _field, changes = repair_heading(text)
        else:
            kind = LEXICON_BY_ROLE.get(item.role)
            if kind == "units":
                _new, changes = repair_units(text)
                text = _take(item, changes, text, out)
                changes = unit_spaces(text)  # units OCR joined at a wrap
            elif kind == "position":
                changes = repair_position(text).changes
            elif kind == "words":
                # ``(ด้ดำเนินการ``, ``ใไห้``, ``ให้ผู้ ผู้บริหาร``
                after = _next_line(doc.items, k)
                text = _take(
                    item, _apart(vowel_brackets(text, after) + doubled_vowels(text) + twice_read(text)), text, out
                )
                # ``(NO Gift Policy)``, ``wwyw.lao.go.th``
                text = _take(item, _apart(latin_phrase_repairs(text) + address_head_repairs(text)), text, out)
                text = _take(item, word_spaces(text), text, out)
                if item.role in SPACED_WORD_ROLES:
                    text = _take(item, spaced_word_gaps(text), text, out)
                _new, changes = repair_words(text, open_brackets=item.role in OPEN_BRACKETS)
                if changes:  # the words beside a repair read again with it in place (``ทั้งนี่`` after a repair)
                    text = _take(item, changes, text, out)
                    _new, again = repair_words(text, open_brackets=item.role in OPEN_BRACKETS)
                    # the vocabulary's words only: a general word's guess built on a guess (``ตอ`` made ต่อ, then
                    # ``ต่อเป`` ต่อไป, where the print said เพื่อเป็น: standard 167 doc 9) is not taken
                    changes = [c for c in again if c.rule == "lexicon"]
            else:
                continue
        out += _located(item, changes)
    return out


def _take(item: Item, changes: list[Change], text: str, out: list[Correction]) -> str:
    """``changes`` of ``item``'s ``text`` as it stands, located and added to ``out``; the text with them applied."""
    fixes = _located(item, changes)
    out += fixes
    return apply_to_text(text, fixes)


def _apart(changes: list[Change]) -> list[Change]:
    """``changes`` left to right, each that overlaps one before it left out."""
    out: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if not out or c.start >= out[-1].end:
            out.append(c)
    return out


def _memo_date_start(text: str) -> int | None:
    """Where the memo date of a document-number line begins (``ที่ นศ ๕๖๓๒๕/๓๐ วันที่ ๓๐ พพฤษภาคม พ.ศ. ๒๕๖๓``: the
    usual memo puts both on one line, whose role is the number's), else None; the number itself is not dated
    (a province code such as มค is no month)."""
    dated = [value for field, value, _score in split_label(text) if field == "doc_date" and value]
    at = text.rfind(dated[-1]) if dated else -1
    return at if at >= 0 else None


def _located(item: Item, changes: list[Change]) -> list[Correction]:
    """Changes of one base text as corrections made one after another (each its own rule and score)."""
    kept = [c for c in changes if c.before != c.after]
    return [
        Correction(
            item.page,
            item.audit_field,
            c.before,
            c.after,
            c.rule,
            round(c.score, 1),
            item=item.key,
            start=start,
            end=start + len(c.before),
        )
        for c, (_e, start) in zip(kept, in_sequence([Edit(c.start, c.end, c.before, c.after) for c in kept]))
    ]


def _next_line(items: tuple[Item, ...], k: int) -> str:
    """The text of the page's line after item ``k``, when both are lines of the page's text (``p1.l7``, ``p1.l8``); else
    empty (a table's cell holds all its lines)."""
    here, there = items[k], items[k + 1] if k + 1 < len(items) else None
    if here.line is None or there is None or there.page != here.page or there.line != here.line + 1:
        return ""
    return there.text
