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


def test_an_en_dash_read_as_two_hyphens_in_one_word_is_measured_as_one():
    """Fresh standard seed 147 doc 9: ``ตุลาคม -- มีนาคม 2567`` (an en dash read as two hyphens, 1.36 of a narrow
    Arabic digit): one en dash. Two dashes as short as a hyphen stay as read: only an en dash's length says which."""
    cells = [
        _period(1, [("ตุลาคม", 150, 45), ("--", 30, 5), ("มีนาคม", 150, 45), ("๒๕๖๗", 160, 45)]),
        _period(2, [("ตุลาคม", 150, 45), ("--", 17, 5), ("มีนาคม", 150, 45), ("๒๕๖๗", 160, 45)]),
        _period(3, [("ต.ค.", 90, 45), ("๒๕๖๖", 160, 45), ("-", 32, 5), ("มี.ค.", 90, 45), ("๒๕๖๗", 160, 45)]),
    ]
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells)])
    doc = collect_items([page], {(2, 0): {3: "period_text"}}, {})
    fixes = dash_corrections([page], doc)
    assert [(c.item, c.before, c.after) for c in fixes] == [("p2.t0.r1.c3", "--", "–"), ("p2.t0.r3.c3", "-", "–")]
    cleaned = apply_corrections(doc, fixes)
    assert cleaned.get("p2.t0.r1.c3").text == "ตุลาคม – มีนาคม ๒๕๖๗"
    assert cleaned.get("p2.t0.r2.c3").text == "ตุลาคม -- มีนาคม ๒๕๖๗"


def test_a_dash_boxed_as_tall_as_its_line_gets_the_box_of_its_ink():
    """Fresh standard seed 147 doc 17: an en dash ending a period cell's line boxed 66 pixels tall (its ink 4), so
    ``dash_corrections`` could not measure it. Its box shrinks to its ink; a box as thin as its stroke stays."""
    import numpy as np

    from ocr_pipeline.ocr.page_reader import _dashes_to_their_ink

    img = np.full((100, 200), 255, np.uint8)
    img[50:54, 40:71] = 0  # a dash 31 wide, 4 tall
    img[20:24, 120:150] = 0
    tall = Word("-", (35, 10, 73, 80), 90.0)
    thin = Word("-", (118, 19, 152, 25), 90.0)
    _dashes_to_their_ink(img, [Line("-", (35, 10, 73, 80), [tall]), Line("-", (118, 19, 152, 25), [thin])])
    assert tall.box == (40, 50, 71, 54) and thin.box == (118, 19, 152, 25)


def test_a_bold_hyphen_beside_narrow_digits_is_no_en_dash():
    """Fresh worn seed 148 doc 8 (Angsana New, bold, Arabic digits): hyphens measured 0.65-0.68 of a digit and were made
    en dashes; en dashes measure 0.71 or more."""
    cells = [
        _period(1, [("กรกฎาคม", 150, 45), ("-", 27, 5), ("สิงหาคม", 150, 45), ("2565", 160, 45)]),
        _period(2, [("ต.ค.", 90, 45), ("2564", 160, 45), ("-", 30, 5), ("ก.ย.", 90, 45), ("2565", 160, 45)]),
    ]
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells)])
    doc = collect_items([page], {(2, 0): {3: "period_text"}}, {})
    assert [(c.item, c.after) for c in dash_corrections([page], doc)] == [("p2.t0.r2.c3", "–")]


def test_a_dash_between_the_measures_is_an_en_dash_when_much_longer_than_the_table_s_hyphens():
    """Standard seed 7 doc 19 (Laksaman): an en dash measured 0.65 of a digit, hyphens of the same table 0.29 and 0.42:
    half an em against a third, it is an en dash. Without a sure hyphen beside it a dash that long stays as read (Angsana
    New's bold hyphens measure 0.65-0.68)."""
    cells = [
        _period(1, [("ต.ค.", 90, 45), ("๒๕๕๙", 160, 45), ("-", 26, 1), ("มี.ค.", 90, 45), ("๒๕๖๐", 160, 45)]),
        _period(2, [("ตุลาคม", 150, 45), ("-", 17, 3), ("มีนาคม", 150, 45), ("๒๕๖๐", 160, 45)]),
    ]
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells)])
    doc = collect_items([page], {(2, 0): {3: "period_text"}}, {})
    assert [(c.item, c.after) for c in dash_corrections([page], doc)] == [("p2.t0.r1.c3", "–")]
    alone = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells[:1])])
    doc = collect_items([alone], {(2, 0): {3: "period_text"}}, {})
    assert dash_corrections([alone], doc) == []


def test_a_year_s_dash_at_a_line_s_end_standing_apart_gets_its_space():
    """Fresh worn seed 178 doc 7 (a pale copy): ``ต.ค. ๒๕๖๒-`` / ``กุย. ๒๕๖๓``, the dash 21 pixels off the 43-pixel year
    as in the rows above it where Tesseract wrote the space; read glued, the cell joined ``๒๕๖๒-กุย.`` and its text
    missed. A dash glued in print (4 pixels off), one after a word that is no year, or one inside the line stays."""
    from ocr_pipeline.ocr.page_reader import _space_before_dashes
    from ocr_pipeline.ocr.tesseract import line_text

    def line(*words: Word) -> Line:
        return Line("", (0, 0, 500, 50), list(words))

    apart = line(Word("๒๕๖๒", (222, 502, 373, 545), 90.0), Word("-", (394, 522, 412, 529), 90.0))
    glued = line(Word("๒๕๖๒", (222, 502, 373, 545), 90.0), Word("-", (377, 522, 395, 529), 90.0))
    phone = line(Word("โทร.", (100, 502, 200, 545), 90.0), Word("-", (230, 522, 248, 529), 90.0))
    inside = line(
        Word("๒๕๖๒", (222, 502, 373, 545), 90.0),
        Word("-", (394, 522, 412, 529), 90.0),
        Word("ก.ย.", (440, 502, 520, 545), 90.0),
    )
    _space_before_dashes([apart, glued, phone, inside])
    assert [line_text(ln.words) for ln in (apart, glued, phone)] == ["๒๕๖๒ -", "๒๕๖๒-", "โทร.-"]
    assert not inside.words[1].space_before


def test_an_equals_sign_read_for_a_period_s_dash_is_measured_as_one():
    """Fresh worn seed 218 doc 5 (a thick 300-dpi copy): ``๑ ต.ค. ๖๒ = ๓๐ ก.ย. ๖๓``, an en dash read as an equals sign;
    the period was left empty. As wide as a digit: an en dash; between the two lengths: a hyphen (a range's dash all
    the same); boxed as tall as its line: as read. The period's bounds are read through it (clean/dates.py)."""
    from ocr_pipeline.clean.dates import parse_period

    cells = [
        _period(1, [("๑", 40, 45), ("ต.ค.", 90, 45), ("๖๒", 80, 45), ("=", 32, 8), ("๓๐", 80, 45), ("ก.ย.", 90, 45)]),
        _period(2, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("=", 24, 8), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
        _period(3, [("ต.ค.", 90, 45), ("๒๕๖๓", 160, 45), ("=", 32, 57), ("มี.ค.", 90, 45), ("๒๕๖๔", 160, 45)]),
    ]
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells)])
    doc = collect_items([page], {(2, 0): {3: "period_text"}}, {})
    fixes = dash_corrections([page], doc)
    assert [(c.item, c.before, c.after) for c in fixes] == [("p2.t0.r1.c3", "=", "–"), ("p2.t0.r2.c3", "=", "-")]
    assert parse_period("๑ ต.ค. ๖๒ = ๓๐ ก.ย. ๖๓", 2563) == parse_period("๑ ต.ค. ๖๒ – ๓๐ ก.ย. ๖๓", 2563)
    assert parse_period("๑ ต.ค. ๖๒ = ๓๐ ก.ย. ๖๓", 2563)[0] is not None
