"""An en dash told from a hyphen by its width (understand/dashes.py)."""

from __future__ import annotations

from ocr_pipeline.document_text import apply_corrections, collect_items
from ocr_pipeline.model import Cell, Line, Page, Table, Word
from ocr_pipeline.understand.dashes import dash_corrections


def _period(row: int, tokens: list[tuple[str, int, int]]) -> Cell:
    """A period cell of one line: (text, width, height) per word, set left to right; a number's digits 40 wide."""
    words, x = [], 100
    for i, (text, width, height) in enumerate(tokens):
        top = 240 - height if height < 20 else 200
        words.append(Word(text, (x, top, x + width, top + height), 90.0, space_before=i > 0))
        x += width + 15
    text = " ".join(t for t, _w, _h in tokens)
    return Cell(row=row, col=3, text=text, raw_text=text, conf=90.0, lines=[Line(text, (100, 200, x, 245), words)])


def test_a_dash_as_wide_as_a_digit_is_an_en_dash_and_a_third_of_one_a_hyphen():
    """Fresh standard seed 115 docs 0, 2, 10 (``ต.ค. ๒๕๖๓ – มี.ค. ๒๕๖๔`` read with a hyphen): hyphens measure 0.38-0.50 of
    a digit, en dashes 0.71-0.95. A long dash read for one is one; a dash whose box took in other ink stays."""
    cells = [
        _period(1, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("-", 32, 5), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
        _period(2, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("-", 17, 5), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
        _period(3, [("ตุลาคม", 150, 45), ("—", 42, 4), ("มีนาคม", 150, 45), ("๒๕๖๔", 160, 45)]),
        _period(4, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("-", 33, 57), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
        # between them (Angsana New's hyphens, 0.57-0.61 of its narrow digits: fresh worn seed 124 doc 1): as read
        _period(5, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("-", 24, 5), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
    ]
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells)])
    doc = collect_items([page], {(2, 0): {3: "period_text"}}, {})
    fixes = dash_corrections([page], doc)
    assert [(c.item, c.before, c.after, c.rule) for c in fixes] == [
        ("p2.t0.r1.c3", "-", "–", "dash"),
        ("p2.t0.r3.c3", "—", "–", "dash"),
    ]
    cleaned = apply_corrections(doc, fixes)
    assert cleaned.get("p2.t0.r1.c3").text == "ต.ค. ๒๕๖๓ – มี.ค. ๒๕๖๔"
    assert cleaned.get("p2.t0.r2.c3").text == "ต.ค. ๒๕๖๓ - มี.ค. ๒๕๖๔"
    assert cleaned.get("p2.t0.r4.c3").text == "ต.ค. ๒๕๖๓ - มี.ค. ๒๕๖๔"


def test_a_table_with_too_few_numbers_has_no_measure_of_a_digit():
    cells = [_period(1, [("ตลอดปี", 150, 45), ("-", 32, 5), ("งบประมาณ", 200, 45)])]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    doc = collect_items([page], {(1, 0): {3: "period_text"}}, {})
    assert dash_corrections([page], doc) == []
