"""Rows of a line's marks read apart on a page's running text (``understand/marks_rows.py``)."""

import pytest

from ocr_pipeline.document_text import collect_items
from ocr_pipeline.layout.reading_order import page_text
from ocr_pipeline.model import Line, Page, Word
from ocr_pipeline.understand.marks_rows import is_marks_row, marks_row_corrections


def _line(text: str, box: tuple[int, int, int, int], pieces: int = 0) -> Line:
    """A line whose words (its tokens, or ``pieces`` glyph boxes) split its box evenly, each as tall as the line but
    for its top: ``box[1] + 20``."""
    tokens = text.split() if not pieces else [text[k::pieces] for k in range(pieces)]
    x0, y0, x1, y1 = box
    step = (x1 - x0) // max(1, len(tokens))
    words = [Word(t, (x0 + k * step, y0 + 20, x0 + (k + 1) * step, y1), 90.0) for k, t in enumerate(tokens)]
    return Line(text, box, words)


# fresh standard seed 197 doc 16, page 1, boxes as Tesseract gave them: the subject's wrap with two rows of marks
SUBJECT = [
    _line("ความโปร่งใสภายในองค์การบริหารส่วนตำบล ประจำปี ๒๕๖๐ รอบ", (355, 738, 2185, 825)),
    _line("1 6 a 1 ๐ ๐", (604, 744, 1781, 771)),
    _line("๕", (486, 831, 521, 863)),
    _line("๑๒ เดือน", (358, 846, 612, 913), pieces=5),  # Tesseract's five boxes
    _line("เรียน นายกองค์การบริหารส่วนตำบลบางวัน", (359, 965, 1586, 1063)),
    _line("ตามที่องค์การบริหารส่วนตำบลบางวันได้ประกาศ", (654, 1050, 2004, 1151)),
]


def test_rows_of_marks_over_a_line_are_dropped_with_a_noise_correction():
    text = "\n".join(ln.text for ln in SUBJECT)
    page = Page(number=1, raw_text=text, text=text, lines=SUBJECT, width=2480, height=3508)
    doc = collect_items([page], {}, {})
    fixes = marks_row_corrections([page], doc)
    assert [(f.before, f.after, f.rule, f.item) for f in fixes] == [
        ("1 6 a 1 ๐ ๐", "", "noise", "p1.l1"),
        ("๕", "", "noise", "p1.l2"),
    ]
    kept = [ln for ln in SUBJECT if ln.text not in ("1 6 a 1 ๐ ๐", "๕")]
    emptied = [Line("" if ln not in kept else ln.text, ln.box, ln.words) for ln in SUBJECT]
    assert page_text(emptied, []).split("\n")[:2] == [SUBJECT[0].text, "๑๒ เดือน"]


def test_the_page_text_s_lines_and_their_items_stay_in_step_past_an_emptied_line():
    """Fresh worn seed 202 doc 1: a row of marks emptied over the memo left ``page_text`` one line shorter than the
    items listed per line (``text_line_items``), so a field's lines were looked for one line too high: the subject's
    year repaired (``๒๕๖ฒ`` for ๒๕๖๙) was not found on its lines and stayed as read."""
    from ocr_pipeline.document_text import text_line_items

    emptied = [Line("" if ln.text in ("1 6 a 1 ๐ ๐", "๕") else ln.text, ln.box, ln.words) for ln in SUBJECT]
    page = Page(number=1, raw_text="", text="", lines=emptied, width=2480, height=3508)
    shown = page_text(emptied, []).split("\n")
    keys = text_line_items(page)
    assert len(keys) == len(shown) == 4
    assert keys[1] == ("p1.l3",) and shown[1] == "๑๒ เดือน"


@pytest.mark.parametrize(
    "text, box",
    [
        ("๑๙๘ ๔๑๐๑๓", (358, 800, 700, 850)),  # a wrapped phone number's end, close over the next line
        ("- ๒ -", (1200, 800, 1300, 850)),  # a page's number
        ("ณ", (358, 800, 400, 850)),  # ... over no line
    ],
)
def test_numbers_and_lines_over_no_text_are_no_rows_of_marks(text, box):
    below = _line("ตามที่องค์การบริหารส่วนตำบลบางวันได้ประกาศ", (354, 840, 2004, 940))
    others = [below] if text != "ณ" else []
    assert not is_marks_row(_line(text, box), 94, others)


def test_a_row_boxed_apart_from_the_line_under_it_is_found_on_its_top():
    """Fresh standard seed 197 doc 16: ``a ๑ A a`` shares ten pixels of its 35 with the number and date line's box."""
    row = _line("a ๑ A a", (366, 539, 1719, 574))
    below = _line("ท พง ๘๓๘๓๐/๒ 2. ์ในพท ๑๘ พฤศจกายน ๒๕๖๐", (356, 564, 2077, 648))
    assert is_marks_row(row, 94, [below])
