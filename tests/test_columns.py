"""Measure-table columns typed from their cells and their header together (understand/columns.py,
understand/tables.py), steps written on one line, and specks read as a line in a cell
(understand/cell_noise.py)."""

from __future__ import annotations

from ocr_pipeline.clean.thai_text import join_wrapped
from ocr_pipeline.document_text import apply_corrections, collect_items
from ocr_pipeline.extract.measures import rows_to_measures, split_steps
from ocr_pipeline.model import Cell, Line, Page, Table, Word
from ocr_pipeline.understand.cell_noise import cell_noise_corrections, noise_lines
from ocr_pipeline.understand.columns import cell_fits, content_scores, is_period, is_unit, reads_as_words
from ocr_pipeline.understand.numbering import split_number
from ocr_pipeline.understand.tables import TableRows, measure_tables

HEADER = ["มาตรการ/แนวทาง", "ขั้นตอน/วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลการดำเนินการ"]
BODY = [
    ["๑. มาตรการป้องกันการรับสินบน", "๑) จัดทำแนวปฏิบัติการรับของขวัญ", "กองคลัง", "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖", "ดำเนินการแล้ว"],
    ["", "๒) ติดป้ายประชาสัมพันธ์", "สำนักปลัด/งานธุรการ", "ไตรมาสที่ ๑-๒", "ได้ติดป้าย จำนวน ๓ จุด"],
    ["๒. มาตรการประเมินความเสี่ยง", "๑) วิเคราะห์ความเสี่ยง", "ทุกส่วนราชการ", "มกราคม ๒๕๖๖", "ไม่พบความเสี่ยง"],
]
FIELDS = {0: "measure", 1: "step", 2: "responsible", 3: "period_text", 4: "result"}


def table(rows: list[list[str]], page: int = 2, source: str = "grid") -> Table:
    cells = [Cell(row=r, col=c, text=t, conf=90.0) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(page=page, cells=cells, box=(0, 0, 10, 10), source=source)


def _continuing(first_row: list[str]) -> TableRows:
    """The measure table of a page whose first row is ``first_row`` over ``BODY``, continuing a headed table."""
    found, _, _ = measure_tables([table([HEADER] + BODY), table([first_row] + BODY, page=3)])
    return found[1]


def test_cells_say_what_they_hold():
    assert is_unit("กองคลัง/งานพัสดุ") and is_unit("หน่วยตรวจสอบ\nภายใน") and not is_unit("จัดทำแผนงาน")
    assert is_period("ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖") and is_period("ตลอดปีงบประมาณ")
    assert not is_period("ได้จัดอบรม เมื่อวันที่ ๑๕ มีนาคม ๒๕๖๘ มีผู้เข้าร่วม จำนวน ๔๐ คน")
    assert cell_fits("๑.๒ จัดประชุม") == {"step": 1.0}
    assert cell_fits("๓. มาตรการเปิดเผยข้อมูล") == {"measure": 1.0}
    assert cell_fits("ได้ดำเนินการ จำนวน ๒ ครั้ง")["result"] == 1.0
    assert content_scores(["", "กองคลัง", "ต.ค. ๖๕"]) == {"responsible": 0.5, "period_text": 0.5}


def test_a_header_that_names_a_column_that_is_not_there():
    """A transcript's second table: six header cells over five columns of cells and an empty sixth
    (issue 15): the fields come from the cells; the header's extra name is kept under 'tables'."""
    wrong = ["มาตรการ/แนวทาง", "โครงการ/กิจกรรม", "ขั้นตอน/วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินการ"]
    t = table([wrong] + [row + [""] for row in BODY], source="markdown")
    found, others, warnings = measure_tables([t])
    assert len(found) == 1 and found[0].cmap.columns == FIELDS
    assert [o.grid() for o in others] == [[["ผลการดำเนินการ"], [""], [""], [""]]]
    measures, _, _ = rows_to_measures(found)
    assert [(m.step, m.responsible, m.period_text) for m in measures][1] == (
        "ติดป้ายประชาสัมพันธ์",
        "สำนักปลัด/งานธุรการ",
        "ไตรมาสที่ ๑-๒",
    )
    assert any("headed 'step' but its cells are responsible" in w for w in warnings)


def test_swapped_headings_do_not_swap_the_fields():
    """The unit under a heading that says period, the dates under one that says responsible."""
    swapped = [HEADER[0], HEADER[1], HEADER[3], HEADER[2], HEADER[4]]
    found, _, _ = measure_tables([table([swapped] + BODY)])
    measures, _, _ = rows_to_measures(found)
    assert (measures[0].responsible, measures[0].period_text) == ("กองคลัง", "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖")


def test_an_unreadable_header_is_a_header_and_the_cells_make_the_table():
    """A shaded header photocopied into speckle reads as garbage: the table is still a measure
    table and the garbage row no measure row."""
    garbage = ["“te ม ——", "mitten แอิน5 ลแฟ", "๒พ แซร“ ก,", "", "ผ"]
    found, others, _ = measure_tables([table([garbage] + BODY)])
    assert not others and found[0].cmap.columns == FIELDS and found[0].rows == [1, 2, 3]
    assert len(rows_to_measures(found)[0]) == 3


def test_a_header_with_two_headings_read_and_the_rest_garbled_or_empty_is_no_measure_row():
    """Worn seed 62 doc 13: the header's step and measure headings read, its unit and period headings unread, its
    result heading garbled (``ผลการดํจเนินคาร (รอบ ๑๒*. “3 ”``, text that fits a result's column as any text
    does); it had become a measure row. A named heading now asks the row's other cells to fit their columns
    surely before the row is a body row."""
    header = ["มาตรฏาร/แน่วทาง", "ขั้นตอน์วิธีการดำเนินการ 5 จะ * 4 ม", "", "", "ผลการดํจเนินคาร (รอบ ๑๒*. “3 ” ได ๓ ie ณ์ลี"]
    found, others, _ = measure_tables([table([header] + BODY)])
    assert not others and found[0].rows == [1, 2, 3]
    assert len(rows_to_measures(found)[0]) == 3


def test_a_speckled_header_whose_cells_do_not_read_as_words_is_no_measure_row():
    """Fresh worn seed 108 doc 12: a shaded header under toner dust, no heading named; its measure heading read
    ``เมาตโการ7เด๊ะวตจิฒาร`` (whose first letters fit a measure's ``มาตรการ``) and its result heading as text long
    enough for a result: the row had become a measure row. Cells that do not read as words fit no text column."""
    header = [
        "เมาตโการ7เด๊ะวตจิฒาร , ซีวเนินตาร” สุ",
        "ก ๓7»วิธิกคัตำเนี่นถาง 6 a * ๕2 ๕ - ณ์",
        "- ค Plone",
        "Perey REN",
        "© ผัลการดำเป๒ เร (รอบ ๒ .” จ 9 # จ.",
    ]
    found, others, _ = measure_tables([table([header] + BODY)])
    assert not others and found[0].rows == [1, 2, 3]
    assert not reads_as_words(header[0]) and reads_as_words(BODY[0][0]) and reads_as_words("๑)")


def test_a_speckled_header_whose_one_heading_reads_as_a_result_is_no_measure_row():
    """Fresh worn seed 198 doc 13 (a shaded header on a thick 200 dpi copy): its result heading read as text that fits
    a result's column (``เดือ…``), its other headings garbage or empty: the row had become a measure row without a
    number. Most filled cells of the row fitting nothing make it a header; a continued table's first row whose
    only filled cell is a result stays a body row."""
    header = ["% “¢ รรจรภัต์เน แวสจลัต ง «>.* แนะทพ", "", "เณณ์ซ์ 4", ",F™ me งญ jel", '. -แรหริทเนินตรติ 6. ผู" (== 3 เดือมรัง:']
    found, others, _ = measure_tables([table([header] + BODY)])
    assert not others and found[0].rows == [1, 2, 3]
    tail = ["", "", "", "", "ได้ดำเนินการแล้ว จำนวน ๓ ครั้ง"]
    assert _continuing(tail).rows == [0, 1, 2, 3]
    # blind worn seed 196 doc 8: a continued table's first row on a pale copy, its period read, the rest garbled
    pale = ["", "เผยแพร่ประกาศโชิญชวน ฯ ©", "กอ:คลัง (งานพัส", "ไตรมาสที่ ๑-๒", "ดำเนิน: «"]
    continued = _continuing(pale)
    assert continued.rows == [0, 1, 2, 3] and continued.cmap.columns == FIELDS


def test_an_unnumbered_measure_heading_over_numbered_measures_opens_the_first_table():
    """Fresh worn seed 130 doc 5: the document's first measure table, its shaded header under toner dust, the measure
    heading read ``.. มาตรก้าร7” t ค “นใหคทางะ`` (it fits a measure's column by its word มาตรการ), the unit, period
    and result headings read empty: the row had become a first measure without a number. A table that continues an
    earlier one keeps such a first row (the tail of the measure above)."""
    header = [".. มาตรก้าร7” t ค “นใหคทางะ", "ค สูวธิกร ลรเล่ Sa tian.” ” *", "", "", ""]
    found, others, _ = measure_tables([table([header] + BODY)])
    assert not others and found[0].rows == [1, 2, 3]
    tail = ["มาตรการป้องกันผลประโยชน์ทับซ้อน", "๓) เผยแพร่ประมวลจริยธรรม", "กองคลัง", "มกราคม ๒๕๖๖", "ดำเนินการแล้ว"]
    assert _continuing(tail).rows == [0, 1, 2, 3]


def test_a_table_without_a_header_at_the_start_is_typed_from_its_cells():
    found, others, _ = measure_tables([table(BODY)])
    assert not others and found[0].cmap.columns == FIELDS and found[0].rows == [0, 1, 2]


def test_a_continued_table_s_first_row_is_a_body_row_though_a_cell_is_like_a_heading():
    """Page 3 of a standard report (seed 7, doc 0): no header, its first row the third step of the
    measure above, whose result ``ดำเนินการแล้ว`` reads like the heading ``ผลการดำเนินการ``. Before,
    the row was taken for a header and the step was lost."""
    first = [
        "",
        "๓) เผยแพร่ประมวลจริยธรรม",
        "กองช่าง/งานเทคโนโลยีสารสนเทศ",
        "ตุลาคม ๒๕๖๒ - มีนาคม ๒๕๖๓",
        "ดำเนินการแล้ว จำนวน ๖ ครั้ง",
    ]
    header = table([HEADER] + BODY)
    found, _, _ = measure_tables([header, table([first] + BODY, page=3)])
    assert found[1].rows == [0, 1, 2, 3]
    measures, _, _ = rows_to_measures(found)
    assert [(m.measure_no, m.step_no) for m in measures][3] == (2, 3)


def test_a_number_alone_on_a_line_of_a_step_cell_is_no_step():
    """Worn seed 14 doc 8: ``๑.๑๑`` (debris) on a line of its own under step ๑.๑ had become a step of its own, a row
    too many; it stays with the step it stands under."""
    assert split_steps("๑.๑ เผยแพร่ประกาศเชิญชวน และบอร์ด\n๑.๑๑") == ["๑.๑ เผยแพร่ประกาศเชิญชวน และบอร์ด ๑.๑๑"]
    assert split_steps("๑) จัดทำแผน\n๒) ตรวจสอบ") == ["๑) จัดทำแผน", "๒) ตรวจสอบ"]


def test_a_bullet_read_with_a_speck_opens_a_step():
    """Blind worn seed 110 doc 5: the second ``-`` of a step cell read ``-,`` glued to its step; the two steps had
    become one row. A dash glued to a digit (``-5 คน``) is no bullet."""
    cell = "- แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบรับเรื่องร้องเรียนและติดตามผล\n-,จัดทำคู่มือการปฏิบัติงานเรื่องร้องเรียน"
    assert [split_number(s).text for s in split_steps(cell, bullets=True)] == [
        "แต่งตั้งเจ้าหน้าที่ผู้รับผิดชอบรับเรื่องร้องเรียนและติดตามผล",
        "จัดทำคู่มือการปฏิบัติงานเรื่องร้องเรียน",
    ]
    assert split_number("-5 คน").text == "-5 คน"


def test_a_list_of_staff_is_no_measure_table():
    """Positions and dates in columns do not make a measure table without steps or measures."""
    staff = [
        ["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "วันที่"],
        ["๑", "นายสมชาย ใจดี", "ปลัดเทศบาล", "๑ ต.ค. ๒๕๖๕"],
        ["๒", "นางสมศรี ใจงาม", "ผู้อำนวยการกองคลัง", "๑ พ.ย. ๒๕๖๕"],
    ]
    t = table(staff)
    found, others, _ = measure_tables([t])
    assert found == [] and others == [t]


def test_steps_written_on_one_line_are_split():
    assert split_steps("๑) จัดทำทะเบียน ๒) ตรวจสอบพัสดุ") == ["๑) จัดทำทะเบียน", "๒) ตรวจสอบพัสดุ"]
    assert split_steps("๑.๑ จัดทำ ๑.๒ ประชุม ๒) ไม่") == ["๑.๑ จัดทำ", "๑.๒ ประชุม ๒) ไม่"]
    assert split_steps("๑) จัดอบรม จำนวน ๓) ครั้ง") == ["๑) จัดอบรม จำนวน ๓) ครั้ง"]  # not the next number
    two = "เปิดเผยผลการประเมินผลการปฏิบัติงาน - ส่งบุคลากรเข้ารับการฝึกอบรม"
    assert split_steps(two, bullets=True) == ["เปิดเผยผลการประเมินผลการปฏิบัติงาน", "- ส่งบุคลากรเข้ารับการฝึกอบรม"]
    assert split_steps(two) == [two]  # a table whose steps are not marked '-'
    assert split_steps("จัดทำทะเบียนยืม - คืนพัสดุ", bullets=True) == ["จัดทำทะเบียนยืม - คืนพัสดุ"]


def _line(text: str, top: int, height: int) -> Line:
    return Line(text, (100, top, 700, top + height), [Word(text, (100, top, 700, top + height), 80.0)])


def _cell(row: int, col: int, lines: list[Line]) -> Cell:
    text = "\n".join(ln.text for ln in lines)
    return Cell(row=row, col=col, text=text, raw_text=text, conf=80.0, lines=lines)


def _wrapped_cell(row: int, col: int, lines: list[Line]) -> Cell:
    """A cell of several lines with its text as the page reader joins them (``join_wrapped``)."""
    text = join_wrapped([ln.text for ln in lines])
    return Cell(row=row, col=col, text=text, raw_text=text, conf=80.0, lines=lines)


def test_a_speck_read_as_a_line_in_a_cell_is_dropped_with_a_located_correction():
    """``ฉ7 1 a`` (a line a third as high as the cell's lines) above a step would be a step of its
    own, and in the empty first cell of a continuation row it would open a measure."""
    cells = [_cell(0, c, [_line(h, 10, 80)]) for c, h in enumerate(HEADER)]
    rows = [
        ["๑. มาตรการป้องกันการรับสินบน", "๑) จัดทำแนวปฏิบัติ", "กองคลัง", "ต.ค. ๒๕๖๕", "ดำเนินการแล้ว"],
        ["", "๒) ติดป้ายประกาศ", "กองคลัง", "ต.ค. ๒๕๖๕", "ดำเนินการแล้ว"],
    ]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            lines = [_line(text, 200 * r, 80)] if text else []
            if (r, c) in ((1, 1), (2, 0)):
                lines.insert(0, _line("ฉ7 1 a", 200 * r - 40, 25))  # specks, above the text
            cells.append(_cell(r, c, lines))
    page = Page(2, raw_text="", text="", tables=[Table(page=2, cells=cells, box=(0, 0, 3000, 800))])
    assert sorted(noise_lines(page.tables[0]).values()) == [[0], [0]]
    found, _, _ = measure_tables(page.tables)
    doc = collect_items([page], {(2, 0): dict(found[0].cmap.columns)}, {})
    fixes = cell_noise_corrections([page], doc)
    assert [(c.item, c.before.strip(), c.after, c.rule, c.start) for c in fixes] == [
        ("p2.t0.r1.c1", "ฉ7 1 a", "", "noise", 0),
        ("p2.t0.r2.c0", "ฉ7 1 a", "", "noise", 0),
    ]
    cleaned = apply_corrections(doc, fixes)
    assert cleaned.get("p2.t0.r2.c0").text == "" and cleaned.get("p2.t0.r1.c1").text == "๑) จัดทำแนวปฏิบัติ"


def test_a_low_line_of_a_short_word_or_a_number_is_no_speck():
    cells = [_cell(0, 0, [_line("ตลอดปีงบประมา", 10, 80), _line("ณ", 95, 34)]), _cell(0, 1, [_line("๑-๔", 10, 30)])]
    cells += [_cell(1, c, [_line("กองคลัง", 200, 80)]) for c in range(2)]
    assert noise_lines(Table(page=1, cells=cells)) == {}


def test_a_number_lower_than_any_digit_is_a_speck():
    """Fresh worn seed 178 doc 4: a speck 14 pixels high read ``๑`` in the empty first cell of a continuation row (the
    table's lines 80) opened a measure ``๑``; no digit is that low (a lone ``๑.`` measures 0.38 of a line or more)."""
    cells = [_cell(0, 0, [_line("๑", 10, 14)]), _cell(0, 1, [_line("๑.", 10, 31)])]
    cells += [_cell(r, c, [_line("กองคลัง", 200 * r, 80)]) for r in (1, 2) for c in range(2)]
    assert noise_lines(Table(page=1, cells=cells)) == {0: [0]}


def test_a_low_line_of_thai_and_arabic_digits_is_a_speck():
    """Fresh worn seed 206 doc 17: two dots of toner under ``ทุกส่วนราชการ`` read ``๑ 9`` at 0.31 of the table's line
    height, kept as a number and glued to the unit. No number mixes Thai and Arabic digits; one script at that height
    stays (``๑๑``)."""
    cells = [_cell(0, 0, [_line("ทุกส่วนราชการ", 10, 80), _line("๑ 9", 120, 25)]), _cell(0, 1, [_line("๑๑", 10, 25)])]
    cells += [_cell(r, c, [_line("กองคลัง", 200 * r, 80)]) for r in (1, 2) for c in range(2)]
    assert noise_lines(Table(page=1, cells=cells)) == {0: [1]}


def test_a_dot_of_dust_read_as_a_token_after_a_word_is_dropped():
    """``กองคลัง 3``: the ``3`` is a box of three pixels, no glyph."""
    words = [Word("กองคลัง", (100, 200, 400, 280), 95.0), Word("3", (420, 270, 424, 273), 60.0, space_before=True)]
    unit = Cell(
        row=1,
        col=2,
        text="กองคลัง 3",
        raw_text="กองคลัง 3",
        conf=80.0,
        lines=[Line("กองคลัง 3", (100, 200, 424, 280), words)],
    )
    cells = [_cell(1, c, [_line("ข้อความ", 200, 80)]) for c in (0, 1)] + [unit]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    doc = collect_items([page], {}, {})
    [fix] = cell_noise_corrections([page], doc)
    assert (fix.item, fix.before, fix.after, fix.rule) == ("p1.t0.r1.c2", " 3", "", "noise")


def test_a_one_letter_word_whose_box_is_a_sliver_is_no_speck():
    """Fresh worn seed 140 doc 7: ``ติดประกาศ ณ จุดให้บริการ``, Tesseract's box of ณ one pixel wide and three high
    (its box of จ as narrow): the ณ went as dust. A box that narrow tells nothing of the glyph; a letter so boxed
    ending the line is a speck's (worn seed 22 doc 9: ``…เงินเดือน ก``)."""

    def noise(first: str, letter: str, last: str | None) -> list[str]:
        words = [Word(first, (100, 200, 400, 280), 95.0), Word(letter, (420, 270, 421, 273), 90.0, space_before=True)]
        words += [Word(last, (440, 200, 700, 280), 95.0, space_before=True)] if last else []
        read = " ".join(w.text for w in words)
        step = Cell(row=1, col=1, text=read, raw_text=read, conf=90.0, lines=[Line(read, (100, 200, 700, 280), words)])
        cells = [_cell(1, c, [_line("ข้อความ", 200, 80)]) for c in (0, 2)] + [step]
        page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
        return [c.before.strip() for c in cell_noise_corrections([page], collect_items([page], {}, {}))]

    assert noise("ติดประกาศ", "ณ", "จุดให้บริการ") == []
    assert noise("การเลื่อนขั้นเงินเดือน", "ก", None) == ["ก"]


def test_a_number_ending_a_responsible_cell_s_line_is_a_speck():
    """Fresh standard seed 139, worn 134 and 140: ``สำนักปลัด 1``, ``สำนักปลัด 21`` (a speck read as a digit, glyph-sized):
    no unit's name has a number. A number in a step stays."""
    unit = _wrapped_cell(1, 2, [_line("สำนักปลัด 1", 200, 80)])
    cells = [_cell(1, 0, [_line("ข้อ ๑ มาตรการ", 200, 80)]), _cell(1, 1, [_line("จัดทำ ๒ ครั้ง", 200, 80)]), unit]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    roles = {(1, 0): {0: "measure", 1: "step", 2: "responsible"}}
    fixes = cell_noise_corrections([page], collect_items([page], roles, {}))
    assert [(f.item, f.before, f.after) for f in fixes] == [("p1.t0.r1.c2", " 1", "")]


def test_a_number_alone_on_a_responsible_cell_s_line_is_a_speck():
    """Fresh worn seed 210 doc 6: ``ทุกส่วนราชการ`` / ``๑๒``, a speck the digit reader read as a number, on a line of its own
    a third of a line high. A number alone in a step cell's line stays."""
    unit = _wrapped_cell(1, 2, [_line("ทุกส่วนราชการ", 200, 80), _line("๑๒", 290, 25)])
    step = _wrapped_cell(1, 1, [_line("จัดทำรายงาน", 200, 80), _line("๑๒", 290, 25)])
    cells = [_cell(1, 0, [_line("ข้อ ๑ มาตรการ", 200, 80)]), step, unit]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    roles = {(1, 0): {0: "measure", 1: "step", 2: "responsible"}}
    fixes = cell_noise_corrections([page], collect_items([page], roles, {}))
    assert [(f.item, f.before, f.after) for f in fixes] == [("p1.t0.r1.c2", " ๑๒", "")]


def test_a_closing_square_bracket_none_opens_ending_a_text_cell_is_a_speck():
    """Fresh worn seed 210 doc 16: ``… พ.ศ. ๒๕๔๐]``, a speck beside the year read as a bracket; a bracket the cell opens
    stays."""
    period = _wrapped_cell(1, 3, [_line("ตุลาคม – มีนาคม ๒๕๖๑", 200, 80)])
    step = _wrapped_cell(1, 1, [_line("ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐]", 200, 80)])
    assert [(f.before, f.after) for f in _row_noise(step, period)[1]] == [("]", "")]
    kept = _wrapped_cell(1, 1, [_line("ตามระเบียบ [ฉบับที่ ๒]", 200, 80)])
    assert _row_noise(kept, period)[1] == []


def test_a_colon_glued_to_a_text_cell_s_last_word_is_a_speck():
    """Standard seeds 7, 139, worn 134: ``มาตรการป้องกันการรับสินบน:``, ``ร้อยละ ๙๕:`` (no cell's text ends with a colon);
    a colon inside the text stays."""
    step = _wrapped_cell(1, 1, [_line("จัดทำมาตรการป้องกันการรับสินบน:", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ตุลาคม – มีนาคม ๒๕๖๑", 200, 80)])
    _doc, fixes = _row_noise(step, period)
    assert [(f.item, f.before, f.after) for f in fixes] == [("p1.t0.r1.c1", ":", "")]
    kept = _wrapped_cell(1, 1, [_line("ปัญหาอุปสรรค: ไม่มี", 200, 80)])
    assert _row_noise(kept, period)[1] == []
    # spaced off the cell's last word (fresh worn seed 144 doc 16); not after a label whose value may be empty
    step = _wrapped_cell(1, 1, [_line("จัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ :", 200, 80)])
    assert [(f.before, f.after) for f in _row_noise(step, period)[1]] == [(" :", "")]
    kept = _wrapped_cell(1, 1, [_line("ปัญหาอุปสรรค :", 200, 80)])
    assert _row_noise(kept, period)[1] == []


def _row_noise(step: Cell, period: Cell):
    """(items, noise corrections) of a measure row holding ``step`` and ``period`` (columns 1 and 3)."""
    cells = [_cell(1, 0, [_line("ข้อ ๑ มาตรการ", 200, 80)]), step, _cell(1, 2, [_line("กองคลัง", 200, 80)]), period]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    roles = {(1, 0): {0: "measure", 1: "step", 2: "responsible", 3: "period_text"}}
    doc = collect_items([page], roles, {})
    return doc, cell_noise_corrections([page], doc)


def test_a_lone_sign_ending_a_cell_line_is_a_speck_and_the_wrapped_words_join():
    """Fresh worn seed 112 doc 15: ``๑) ส่งเสริมให้บุคลากรในสังกัด —`` over ``ปฏิบัติตามหลักปรัชญา``; the dash a speck at the
    line's end, the step's words joined as Thai wraps. A dash ending a period's line is the period's (doc 19: its en
    dash read as a long one)."""
    step = _wrapped_cell(1, 1, [_line("๑) ส่งเสริมให้บุคลากรในสังกัด —", 200, 80), _line("ปฏิบัติตามหลักปรัชญา", 290, 80)])
    period = _wrapped_cell(1, 3, [_line("ตุลาคม ๒๕๖๖ —", 200, 80), _line("มีนาคม ๒๕๖๗", 290, 80)])
    doc, [fix] = _row_noise(step, period)
    assert (fix.item, fix.before, fix.after, fix.rule) == ("p1.t0.r1.c1", " — ", "", "noise")
    assert apply_corrections(doc, [fix]).get("p1.t0.r1.c1").text == "๑) ส่งเสริมให้บุคลากรในสังกัดปฏิบัติตามหลักปรัชญา"
    # fresh worn seed 116 doc 4: a copyright sign ending the step
    step = _wrapped_cell(1, 1, [_line("- ส่งบุคลากรเข้ารับการฝึกอบรมตามแผนพัฒนาบุคลากร ©", 200, 80)])
    _doc, [fix] = _row_noise(step, period)
    assert (fix.before, fix.after) == (" ©", "")


def test_a_sign_no_text_cell_writes_standing_alone_between_words_is_a_speck():
    """Fresh standard seed 135 doc 16, worn 136 doc 15: ``ผู้เข้าร่วมมีความรู้เพิ่มขึ้น § ร้อยละ ๙๐``."""
    step = _wrapped_cell(1, 1, [_line("๑) ผู้เข้าร่วมมีความรู้เพิ่มขึ้น § ร้อยละ ๙๐", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗", 200, 80)])
    doc, [fix] = _row_noise(step, period)
    assert (fix.item, fix.rule) == ("p1.t0.r1.c1", "noise")
    assert apply_corrections(doc, [fix]).get("p1.t0.r1.c1").text == "๑) ผู้เข้าร่วมมีความรู้เพิ่มขึ้น ร้อยละ ๙๐"


def test_an_abbreviation_s_dot_ending_a_cell_line_stays():
    """Standard seed 105 doc 18: the period ``ต.ค. ๒๕๖๐`` / ``- โก.ย .`` / ``๒๕๖๑``; the dot apart from ``โก.ย`` is its
    abbreviation's (ก.ย.), not a speck. A dot apart from a word ending a step's line goes."""
    period = _wrapped_cell(1, 3, [_line("ต.ค. ๒๕๖๐", 200, 80), _line("- โก.ย .", 290, 80), _line("๒๕๖๑", 380, 80)])
    step = _wrapped_cell(1, 1, [_line("แจ้งเวียนให้ทุกส่วนราชการ .", 200, 80), _line("ทราบ", 290, 80)])
    _doc, [fix] = _row_noise(step, period)
    assert (fix.item, fix.before, fix.after) == ("p1.t0.r1.c1", " . ", "")


def test_a_dot_or_quote_glued_to_a_word_in_a_text_cell_is_a_speck():
    """Fresh standard seed 115 docs 2, 19, worn 116 docs 2, 4, 11: ``.จัดทำรายงาน``, ``การทุจริตใน. กระบวนงาน`` (the space
    OCR put after the dot goes with it), ``และติดตาม .ผลการดำเนินงาน``, ``ผ่านเว็บไซต์' เฟซบุ๊ก``; none of the generated
    truths' cells has one. A dot before a word always spaced off keeps the space (``ความรู้. จำนวน``); an abbreviation's
    dot (``อบต.``: no known word) and a number's stay."""
    step = _wrapped_cell(
        1, 1, [_line(".จัดทำรายงานความเสี่ยงการทุจริตใน. กระบวนงาน", 200, 80), _line("ผ่านเว็บไซต์' เฟซบุ๊ก", 290, 80)]
    )
    period = _wrapped_cell(1, 3, [_line("ต.ค. ๒๕๖๐ - ก.ย. ๒๕๖๑", 200, 80)])
    doc, fixes = _row_noise(step, period)
    assert {(f.item, f.rule) for f in fixes} == {("p1.t0.r1.c1", "noise")}
    cleaned = apply_corrections(doc, fixes).get("p1.t0.r1.c1").text
    assert cleaned == "จัดทำรายงานความเสี่ยงการทุจริตในกระบวนงานผ่านเว็บไซต์ เฟซบุ๊ก"
    from ocr_pipeline.understand.cell_noise import without_glued_signs

    assert without_glued_signs("และติดตาม .ผลการดำเนินงาน") == "และติดตาม ผลการดำเนินงาน"
    assert without_glued_signs("ให้ความรู้. จำนวน ๑๐ ครั้ง") == "ให้ความรู้ จำนวน ๑๐ ครั้ง"
    assert without_glued_signs("มีการยืมทรัพย์สินของราชการ, จำนวน ๗ ครั้ง") == "มีการยืมทรัพย์สินของราชการ จำนวน ๗ ครั้ง"
    assert without_glued_signs("ได้จัดท\u0e4d\u0e32. แผน") == "ได้จัดท\u0e4d\u0e32แผน"  # sara am as read
    # a comma ending a line after a word of two letters (the next line's mark: standard seeds 7 and 133, fresh worn 140);
    # a dot there may be an abbreviation's, wrapped (``มี.`` / ``ค.``), and stays
    assert without_glued_signs("ความเสี่ยงการทุจริตใน,") == "ความเสี่ยงการทุจริตใน"
    assert without_glued_signs("ผ่านช่องทางมี.") == "ผ่านช่องทางมี."
    # fresh worn seed 136 doc 4: an opening quote glued after a line's last word, or before a web address none closes
    assert without_glued_signs("มาตรการกำกับติดตามการใช้จ่ายงบประมาณ“") == "มาตรการกำกับติดตามการใช้จ่ายงบประมาณ"
    assert without_glued_signs("ผ่านเว็บไซต์ ‘www.chairitcity.go.th") == "ผ่านเว็บไซต์ www.chairitcity.go.th"
    assert without_glued_signs("ผ่านเว็บไซต์ ‘www.a.go.th’") == "ผ่านเว็บไซต์ ‘www.a.go.th’"
    # a responsible unit starts with no numbering (fresh standard seed 123 doc 2); a step may (``ตา.`` for ๓.)
    assert without_glued_signs("ทุก. ส่วนราชการ", numbered=False) == "ทุกส่วนราชการ"
    assert without_glued_signs("ทุก. ส่วนราชการ") == "ทุก. ส่วนราชการ"
    # a measure's number with its dot set apart (worn seed 148 doc 19: dropped, ``๕ มาตรการ…`` was no numbering); a dot
    # after a step's number (which has none) or in a cell no numbering starts is a speck
    assert without_glued_signs("๕ . มาตรการส่งเสริมการเข้าถึงข้อมูล") == "๕ . มาตรการส่งเสริมการเข้าถึงข้อมูล"
    assert without_glued_signs("๑.๒ . จัดทำรายงาน") == "๑.๒ จัดทำรายงาน"
    assert without_glued_signs("๕ . ส่วนราชการ", numbered=False) == "๕ ส่วนราชการ"
    # a month's abbreviation with a mark misread goes on after its dot (standard seed 117 doc 5: ``พู. ย. ๒๕๖๒``)
    assert without_glued_signs("พู. ย. ๒๕๖๒ มีผู้เข้าร่วม", numbered=False) == "พู. ย. ๒๕๖๒ มีผู้เข้าร่วม"
    # worn seed 22 docs 9, 10: a month garbled to a word before its year, a numbering garbled to a word
    for kept in (
        "กองคลัง อบต.",
        "ร้อยละ ๘๐.๕",
        "งบประมาณ ๕๐,๐๐๐ บาท",
        "ต.ค. ๒๕๖๓",
        "e-Service.",
        "เมื่อวันที่ ๒๖ กุด. ๒๕๖๒",
        "ตา. มาตรการ",
    ):
        assert without_glued_signs(kept) == kept


def test_one_latin_letter_among_signs_is_a_speck_however_tall():
    """Fresh worn seed 116 doc 7: ``a,`` as tall as the text in the empty first cell of a continuation row opened a
    measure of its own. ``(No`` (of No Gift Policy) and a dash stay."""
    cells = [_cell(0, c, [_line(h, 10, 80)]) for c, h in enumerate(HEADER)]
    cells += [_cell(1, 0, [_line("a,", 200, 80)]), _cell(1, 1, [_line("๒) ติดป้ายประกาศ", 200, 80)])]
    cells += [_cell(1, 2, [_line("(No", 200, 80)]), _cell(1, 3, [_line("-", 200, 80)])]
    assert noise_lines(Table(page=1, cells=cells)) == {len(HEADER): [0]}


def test_a_sign_glued_to_a_period_cell_s_last_word_is_a_speck():
    """Fresh standard seed 115 doc 2: the period ``ตลอดปีงบประมาณ:``; no truth period ends with a sign."""
    step = _wrapped_cell(1, 1, [_line("๑) จัดทำรายงาน", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ตลอดปีงบประมาณ:", 200, 80)])
    doc, [fix] = _row_noise(step, period)
    assert (fix.item, fix.before, fix.after, fix.rule) == ("p1.t0.r1.c3", ":", "", "noise")


def test_specks_no_period_has_are_dropped_from_a_period_cell():
    """Fresh worn seed 120: signs opening a period, a dot after its dash or glued to a month's abbreviation, a
    day's dot before one, a number after the year that ends a line (the table's rule read ``11``), a guillemet at
    the end; none of the 538 truth periods of the generated corpora has one. A wrapped abbreviation's dot stays."""
    from ocr_pipeline.understand.cell_noise import period_despecked

    cases = {
        ". ตุลาคม – กันยายน ๒๕๖๒": "ตุลาคม – กันยายน ๒๕๖๒",
        "., ตลอดปีงบประมาณ": "ตลอดปีงบประมาณ",
        "ต.ค. ๒๕๖๓ - . มี.ค. ๒๕๖๔": "ต.ค. ๒๕๖๓ - มี.ค. ๒๕๖๔",
        "๑ ต.ค. ๖๑-๓๑ .มี.ค. ๖๒": "๑ ต.ค. ๖๑-๓๑ มี.ค. ๖๒",
        "๑ ต.ค. ๖๑-๓๑. มี.ค. ๖๒": "๑ ต.ค. ๖๑-๓๑ มี.ค. ๖๒",
        "ปีงบประมาณ ๒๕๖๔ ๑๑": "ปีงบประมาณ ๒๕๖๔",
        "มกราคม ๒๕๖๙.": "มกราคม ๒๕๖๙",  # fresh standard seed 123 doc 2: a dot after the year, a colon before it
        "มกราคม: ๒๕๖๙": "มกราคม ๒๕๖๙",
        "ตุลาคม ๒๕๖๐ . -กันยายน ๒๕๖๑": "ตุลาคม ๒๕๖๐ -กันยายน ๒๕๖๑",  # worn seed 128 doc 5: a dot after the year
        "ตุลาคม ๒๕๖๐. - กันยายน ๒๕๖๑": "ตุลาคม ๒๕๖๐ - กันยายน ๒๕๖๑",
        # fresh worn seed 140 doc 2: a dash doubled, a quote glued before the year
        "ตุลาคม -- มีนาคม ๒๕๖๓": "ตุลาคม - มีนาคม ๒๕๖๓",
        "ตุลาคม - มีนาคม '๒๕๖๓": "ตุลาคม - มีนาคม ๒๕๖๓",
        # worn seed 134 doc 15: a dash between a month and its year beside the range's own, a quote after a month
        "ธันวาคม - ๒๕๖๕-มีนาคม ๒๕๖๖": "ธันวาคม ๒๕๖๕-มีนาคม ๒๕๖๖",
        "ธันวาคม' ๒๕๖๕-มีนาคม ๒๕๖๖": "ธันวาคม ๒๕๖๕-มีนาคม ๒๕๖๖",
        "มิ.ย. ๒.๕๖๓": "มิ.ย. ๒๕๖๓",  # worn seed 22 doc 6: a dot inside the year
        "ตลอด] ปีงบประมาณ": "ตลอด ปีงบประมาณ",  # worn seed 130 doc 4: a bracket after a word
        "ต.ค. ๒๕๖๓ – มี.ค. = ๒๕๖๔": "ต.ค. ๒๕๖๓ – มี.ค. ๒๕๖๔",  # worn seed 22 doc 3: a sign alone
        "(ไตรมาสที่ ๑-๔": "ไตรมาสที่ ๑-๔",  # fresh worn seed 144 docs 3, 7: a bracket no bracket closes
        "๑ ต.ค. ๖๐ - ๓๐ ก.ย. ๖๑ wats": "๑ ต.ค. ๖๐ - ๓๐ ก.ย. ๖๑",  # doc 15: Latin letters after the period
        "ต.ค. ๒๕๖๗่-ก.ย. ๒๕๖๘": "ต.ค. ๒๕๖๗-ก.ย. ๒๕๖๘",  # fresh worn seed 148 doc 7: a tone mark on a digit
        "[ตรมาสที :๑-๒": "[ตรมาสที ๑-๒",  # doc 5: a colon glued before the number (the quarter word is respelt later)
    }
    for read, kept in cases.items():
        assert period_despecked([read]) == [kept]
    assert period_despecked(["ต.ค. ๒๕๖๓ -", ". มี.ค. ๒๕๖๔"]) == ["ต.ค. ๒๕๖๓ -", "มี.ค. ๒๕๖๔"]
    # fresh standard seed 143 doc 9: the quote after the month ends its line, the year on the next (two periods empty)
    assert period_despecked(["ตุลาคม'", "๒๕๖๘ -", "กันยายน", "๒๕๖๙"]) == ["ตุลาคม", "๒๕๖๘ -", "กันยายน", "๒๕๖๙"]
    assert period_despecked(["ตุลาคม -.", "มีนาคม ๒๕๖๓"]) == ["ตุลาคม -", "มีนาคม ๒๕๖๓"]  # the dot ending the line (doc 2)
    assert period_despecked(["ต.ค. ๒๕๖๓ - มี", ".ค. ๒๕๖๔"]) == ["ต.ค. ๒๕๖๓ - มี", ".ค. ๒๕๖๔"]
    # the same dots where the line wrapped (fresh worn seed 120 doc 15)
    assert period_despecked(["๑ ต.ค. ๖๑-๓๑", ".มี.ค. ๖๒"]) == ["๑ ต.ค. ๖๑-๓๑", "มี.ค. ๖๒"]
    assert period_despecked(["๑ ต.ค. ๖๑-๓๑.", "มี.ค. ๖๒"]) == ["๑ ต.ค. ๖๑-๓๑", "มี.ค. ๖๒"]
    assert period_despecked(["ปีงบประมาณ", "๒๕๖๔", "๑๑"]) == ["ปีงบประมาณ", "๒๕๖๔"]  # doc 16: the rule's own line
    assert period_despecked(["ไตรมาสที่ ๑ -", "๒"]) == ["ไตรมาสที่ ๑ -", "๒"]
    # the colon of worn seed 148 doc 5 at the start of the quarter's number wrapped apart (read so at stop 48)
    assert period_despecked(["[ตรมาสที", ":๑-๒"]) == ["[ตรมาสที", "๑-๒"]
    for kept in (
        "(ไตรมาสที่ ๑-๔)",
        "(ตรมาสที ๑-๒",
        "ม.ค.-ก.พ. ๒๕๖๑",
        "ก.พ. - มี.ค. ๒๕๖๐",
        "๑ ต.ค. ๖๑ - ๓๑ มี.ค. ๖๒",
        "ไตรมาสที่ ๑-๒",
        "ตุลาคม - ๒๕๖๕",
    ):
        assert period_despecked([kept]) == [kept]
    step = _wrapped_cell(1, 1, [_line("๑) จัดทำรายงาน", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ตุลาคม – มีนาคม ๒๕๖๑ «", 200, 80)])
    doc, [fix] = _row_noise(step, period)
    assert (fix.item, fix.before, fix.after, fix.rule) == ("p1.t0.r1.c3", " «", "", "noise")


def test_a_measure_number_whose_dot_was_read_as_a_comma():
    """Fresh standard seed 119 doc 9: ``5, มาตรการลดขั้นตอน…`` kept its number in the measure's text."""
    numbered = split_number("5, มาตรการลดขั้นตอนและระยะเวลาการให้บริการประชาชน")
    assert (numbered.first, numbered.text) == (5, "มาตรการลดขั้นตอนและระยะเวลาการให้บริการประชาชน")
    assert split_number("๕, ๖ ครั้ง").text == "ครั้ง"  # ๕,๖: a step number (a dot read as comma), as before


def test_the_marks_over_a_cell_line_read_as_digits_are_noise():
    """Fresh standard seed 119 docs 11, 16: Tesseract split the row of tone marks and upper vowels off a line and
    read it ``๑4 6`` (half the line's height, so no speck by height alone) or ``6 1``, which joined the measure's
    text; it lies over the next line's letters, above the top of their body. A number on that body stays."""
    from ocr_pipeline.understand.cell_noise import is_noise

    def glyphs(text: str, top: int, body_top: int, bottom: int) -> Line:
        # letters with ascenders (top) among letters whose body starts at body_top
        words = [
            Word(ch, (200 + 30 * i, top if i % 4 == 0 else body_top, 225 + 30 * i, bottom), 90.0)
            for i, ch in enumerate(text)
        ]
        return Line(text, (200, top, 200 + 30 * len(text), bottom), words)

    letters = glyphs("วัฒนธรรมองค์กรที", 961, 987, 1048)
    marks = Line(
        "๑4 6", (206, 957, 654, 993), [Word("๑4", (206, 957, 238, 993), 92.0), Word("6", (533, 963, 555, 984), 92.0)]
    )
    assert is_noise(marks, 72, [letters])
    number = Line("๒๓", (300, 990, 340, 1024), [Word("๒๓", (300, 990, 340, 1024), 95.0)])
    assert not is_noise(number, 72, [letters])
    assert not is_noise(marks, 72, [])  # alone in its cell: a number
    day = Line("๒๒", (206, 900, 260, 937), [Word("๒๒", (206, 900, 260, 937), 99.0)])
    assert not is_noise(day, 72, [letters])  # the line above (std 119 doc 16: ``๒๒`` / ``กุมภาพันธ์``)
    # fresh standard seed 193 doc 11: ``6 ๕๕2 ฆ``, a letter's top read as a lone consonant among the marks
    tops = Line(
        "6 ๕๕2 ฆ", (206, 957, 654, 990), [Word("6", (206, 961, 228, 984), 86.0), Word("ฆ", (630, 965, 654, 983), 76.0)]
    )
    assert is_noise(tops, 72, [letters])
    word = Line("๕ ครั้ง", (206, 957, 654, 990), [Word("๕", (206, 961, 228, 984), 86.0)])
    assert not is_noise(word, 72, [letters])  # a word after the number: text


def test_what_is_left_of_a_measure_number_read_as_signs_or_latin_letters():
    """Fresh worn seed 120: ``ใ23) มาตรการ…`` (doc 17) and ``lo, มาตรการ…`` (doc 14) kept the number's residue in
    the measure's text. An English word opening a step stays."""
    assert split_number("ใ23) มาตรการจัดการเรื่องร้องเรียน").text == "มาตรการจัดการเรื่องร้องเรียน"
    assert split_number("lo, มาตรการจัดการเรื่องร้องเรียน").text == "มาตรการจัดการเรื่องร้องเรียน"
    for kept in ("No Gift Policy", "ITA ประเมินผล", "e-Service ผ่านเว็บไซต์"):
        assert split_number(kept).text == kept


def test_a_step_number_read_as_an_accented_latin_letter_starts_the_next_step():
    """Fresh worn seed 216 doc 16 (a pale 200-dpi copy): step ๔.๒ read ``é.`` at its line's start, in a cell whose first
    line opens with ๔.๑: the step was joined to the one before and lost (a row short). Its line starts a step now, its
    number given by the sequence."""
    from ocr_pipeline.clean.thai_text import join_wrapped
    from ocr_pipeline.extract.measures import split_steps

    lines = ["๔.๑,ให้ผู้ที่เกี่ยวข้องกับการ", "ลงนามในแบบแสดงความบริสุทธิ์ใจ", "é. จัดทำรายงานสรุปผลการ", "จัดซื้อจัดจ้างประจำเดือน"]
    text = join_wrapped(lines)
    assert text == "๔.๑,ให้ผู้ที่เกี่ยวข้องกับการลงนามในแบบแสดงความบริสุทธิ์ใจ\né. จัดทำรายงานสรุปผลการจัดซื้อจัดจ้างประจำเดือน"
    steps = split_steps(text)
    assert len(steps) == 2 and split_number(steps[1]).lost and split_number(steps[1]).text.startswith("จัดทำ")
    # in a cell that opens with no numbering, such a line is the text's own
    assert "\n" not in join_wrapped(["ผู้บริหารได้ลงนาม", "é. จัดทำรายงาน"])


def test_a_dash_alone_between_a_measure_s_words_is_a_speck_unless_it_joins_a_date_range():
    """Fresh worn seed 120 doc 12: ``มาตรการ - ตรวจสอบการใช้ดุลพินิจ`` in four rows."""
    from ocr_pipeline.understand.cell_noise import without_lone_dash

    assert without_lone_dash("มาตรการ - ตรวจสอบการใช้ดุลพินิจ") == "มาตรการ ตรวจสอบการใช้ดุลพินิจ"
    for kept in ("ระหว่างเดือนตุลาคม - มีนาคม ๒๕๖๔", "ต.ค. - มี.ค.", "ผ่านระบบ e-Service ของหน่วยงาน"):
        assert without_lone_dash(kept) == kept
    step = _wrapped_cell(1, 1, [_line("๑) มาตรการ - ตรวจสอบการใช้ดุลพินิจ", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ต.ค. ๒๕๖๐ - ก.ย. ๒๕๖๑", 200, 80)])
    doc, fixes = _row_noise(step, period)
    assert [(f.item, f.before, f.after, f.rule) for f in fixes] == [("p1.t0.r1.c1", " -", "", "noise")]


def test_an_opening_bracket_that_opens_nothing_before_a_known_word_is_a_speck():
    """Fresh worn seed 120 docs 8, 7: ``(ให้บริการประชาชน…``, ``ประชาสัมพันธ์[ให้พนักงาน…``. Closed on a later line
    of the cell, or before a piece that is no word (ไ read as a bracket: ``(ด้ดำเนินการ``), it stays."""
    from ocr_pipeline.understand.cell_noise import without_stray_brackets

    assert without_stray_brackets(["(ให้บริการประชาชนในช่วงพักเที่ยง"]) == ["ให้บริการประชาชนในช่วงพักเที่ยง"]
    assert without_stray_brackets(["ประชาสัมพันธ์[ให้พนักงาน"]) == ["ประชาสัมพันธ์ให้พนักงาน"]
    for kept in (["(ด้ดำเนินการแล้ว"], ["ประชุม (ครั้งที่", "๑)"], ["จัดซื้อ (e-bidding)"]):
        assert without_stray_brackets(kept) == kept


def test_a_word_s_first_letters_read_apart_before_it_are_dropped():
    """Fresh worn seed 120 docs 0, 5: ``ให้ความรู้ จํ จำนวน ๑๒ ครั้ง``: Tesseract's first try at จำ read apart
    (nikhahit for sara am). A word before a word it starts (``ผู้ ผู้บริหาร``) and a letter alone stay."""
    from ocr_pipeline.understand.cell_noise import without_false_starts

    assert without_false_starts("ให้ความรู้ จํ จำนวน ๑๒ ครั้ง") == "ให้ความรู้ จำนวน ๑๒ ครั้ง"
    assert without_false_starts("เพิ่มขึ้น ร ร้อยละ ๙๐") == "เพิ่มขึ้น ร้อยละ ๙๐"  # fresh worn seed 136 doc 1
    for kept in ("ผู้ ผู้บริหาร", "ณ ณัฐพล", "ที่ ที่ได้รับ"):
        assert without_false_starts(kept) == kept


def test_letters_of_no_word_glued_after_a_responsible_cell_s_unit_are_a_speck():
    """Fresh worn seed 144 doc 14: ``สำนักปลัดด์`` for สำนักปลัด (none of the generated truths' 6149 responsible lines
    changes). A unit's longer name, its abbreviation sign and a word after it stay."""
    from ocr_pipeline.understand.cell_noise import without_unit_tail

    assert without_unit_tail("สำนักปลัดด์") == "สำนักปลัด"
    for kept in ("สำนักปลัดฯ", "สำนักปลัดเทศบาล", "กองคลัง", "สำนักปลัด งานธุรการ"):
        assert without_unit_tail(kept) == kept
    step = _wrapped_cell(1, 1, [_line("จัดทำรายงาน", 200, 80)])
    period = _wrapped_cell(1, 3, [_line("ตุลาคม – มีนาคม ๒๕๖๑", 200, 80)])
    cells = [_cell(1, 0, [_line("ข้อ ๑ มาตรการ", 200, 80)]), step, _cell(1, 2, [_line("สำนักปลัดด์", 200, 80)]), period]
    page = Page(1, raw_text="", text="", tables=[Table(page=1, cells=cells)])
    roles = {(1, 0): {0: "measure", 1: "step", 2: "responsible", 3: "period_text"}}
    fixes = cell_noise_corrections([page], collect_items([page], roles, {}))
    assert [(f.item, f.before, f.after, f.rule) for f in fixes] == [("p1.t0.r1.c2", "ด์", "", "noise")]


def test_a_mark_after_a_month_s_dot_stays_for_the_date_rules():
    """Fresh standard seed 143 doc 5: ``๓๑ ม.ุค.๖๕`` is มี.ค. with its sara ii put after the dot; dropped as a mark no
    consonant carries it made ม.ค., two wrong bounds (stop 35's first final run). Only a mark on a digit goes."""
    from ocr_pipeline.understand.cell_noise import period_despecked

    assert period_despecked(["๑ ต.ค. ๖๔ - ๓๑ ม.ุค.๖๕"]) == ["๑ ต.ค. ๖๔ - ๓๑ ม.ุค.๖๕"]
    assert period_despecked(["ต.ค. ๒๕๖๗่-ก.ย. ๒๕๖๘"]) == ["ต.ค. ๒๕๖๗-ก.ย. ๒๕๖๘"]


def test_a_period_cell_s_wrapped_month_is_no_speck():
    """Fresh worn seed 202 doc 7: period cells ``ต.ค. ๒๕๖๗`` / ``- ก.ย.`` / ``๒๕๖๘``: the middle line (a dash and x-height
    letters, 0.45 of the table's median line height) was dropped as a speck, and so was ``- A.`` (the same month read
    as a Latin letter, one letter among signs): two periods left empty. A line of months and dashes is a period's
    piece, and a dash with one Latin letter and its dot beside a cell's date is left for the column's twins to read
    (``A.`` read ก.ย. from the other rows); a line of signs and stray letters that low is still a speck."""
    from ocr_pipeline.understand.cell_noise import is_noise

    def line(text: str, box: tuple[int, int, int, int]) -> Line:
        return Line(text, box, [Word(t, box, 90.0) for t in text.split()])

    year = line("๒๕๖๘", (2178, 832, 2346, 895))
    assert not is_noise(line("- ก.ย.", (2176, 763, 2317, 800)), 83, [year])
    assert not is_noise(line("- A.", (2178, 355, 2317, 393)), 83, [year])
    assert is_noise(line("- A.", (2178, 355, 2317, 393)), 83, [])  # alone in its cell: a speck
    assert is_noise(line("ฉ7 1 a", (2176, 763, 2317, 795)), 83, [year])


def test_a_cell_line_of_words_with_a_dot_glued_on_is_no_speck():
    """Fresh worn seed 202 doc 10: a measure's first line ``.มาตรการลดการ`` (its number lost, its dot left; x-height
    letters, 0.49 of the median line height) lay within the taller next line's box and was dropped as a speck: the
    measure lost its first words. Known words with a dot glued on are words; stray letters with one are not."""
    from ocr_pipeline.understand.cell_noise import is_noise

    def line(text: str, box: tuple[int, int, int, int]) -> Line:
        return Line(text, box, [Word(t, box, 90.0) for t in text.split()])

    below = line("ใช้ดุลพินิจในการ", (193, 513, 620, 654))
    assert not is_noise(line(".มาตรการลดการ", (236, 511, 688, 549)), 78, [below])
    assert is_noise(line(".ฆฉ ซฌ", (236, 511, 688, 549)), 78, [below])
