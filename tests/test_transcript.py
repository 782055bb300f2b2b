"""read_transcript: .txt/.md/.html transcripts from other OCR engines -> pages, text and tables."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ocr_pipeline.errors import CorruptInput, EmptyInput, InputNotFound, NoTextFound, UnsupportedInput
from ocr_pipeline.ingest.markup_tables import clean_fragment, read_html, split_pipe_row
from ocr_pipeline.ingest.transcript import decode_text, read_transcript
from ocr_pipeline.model import Table

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def md(tmp_path: Path, content: str, **kw):
    return read_transcript(write(tmp_path, "t.md", content), **kw)


def spans(table: Table) -> list[tuple]:
    return [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells]


# --- markdown pipe tables ------------------------------------------------------------------------


def test_ragged_rows_keep_cells_as_written(tmp_path):
    [page] = md(tmp_path, "| ก | ข | ค |\n|---|---|---|\n| 1 | 2 |\n| 3 | 4 | 5 | 6 |\n")
    [table] = page.tables
    assert table.grid() == [["ก", "ข", "ค", ""], ["1", "2", "", ""], ["3", "4", "5", "6"]]
    assert table.cell_at(1, 2) is None  # a short row has no cell there, it is not invented
    assert page.text == "ก | ข | ค | \n1 | 2 |  | \n3 | 4 | 5 | 6"
    assert (table.source, table.page, table.box) == ("markdown", 1, None)


def test_table_without_separator_or_outer_pipes(tmp_path):
    [page] = md(tmp_path, "ก่อน\n\nมาตรการ | ผล\n๑. เผยแพร่ | แล้ว\n\nหลัง")
    [table] = page.tables
    assert table.grid() == [["มาตรการ", "ผล"], ["๑. เผยแพร่", "แล้ว"]]
    assert page.text == "ก่อน\n\nมาตรการ | ผล\n๑. เผยแพร่ | แล้ว\n\nหลัง"


def test_single_line_without_outer_pipes_is_text(tmp_path):
    [page] = md(tmp_path, "ที่ ลบ ๕๓๘๐๑ | ๓๒๔")
    assert page.tables == []
    assert page.text == "ที่ ลบ ๕๓๘๐๑ | ๓๒๔"


def test_header_wider_than_body(tmp_path):
    text = "| มาตรการ | ขั้นตอน | ผู้รับผิดชอบ | ระยะเวลา | ผล | หมายเหตุ |\n| --- | --- |\n| ๑. | จัดทำ |\n"
    [page] = md(tmp_path, text)
    [table] = page.tables
    assert (table.n_rows, table.n_cols) == (2, 6)
    assert table.grid()[1] == ["๑.", "จัดทำ", "", "", "", ""]
    assert page.text.split("\n")[1] == "๑. | จัดทำ |  |  |  | "


def test_br_cells_join_wrapped_lines_and_keep_raw(tmp_path):
    text = "| ขั้นตอน | ผล |\n|---|---|\n| ๑) จัดทำ<br>๒) เผยแพร่<br/>๓) รายงาน | ครบ<br />แล้ว |\n"
    [page] = md(tmp_path, text)
    cell = page.tables[0].cell_at(1, 0)
    assert cell.text == "๑) จัดทำ\n๒) เผยแพร่\n๓) รายงาน"  # numbered items keep their lines
    assert cell.raw_text == "๑) จัดทำ<br>๒) เผยแพร่<br/>๓) รายงาน"
    assert page.text == "ขั้นตอน | ผล\n๑) จัดทำ ๒) เผยแพร่ ๓) รายงาน | ครบแล้ว"


def test_escaped_pipe_stays_in_its_cell(tmp_path):
    [page] = md(tmp_path, "| a \\| b | c |\n|:--|--:|\n")
    [table] = page.tables
    assert spans(table) == [(0, 0, 1, 1, "a | b"), (0, 1, 1, 1, "c")]
    assert table.cells[0].raw_text == "a \\| b"
    assert split_pipe_row("x|y||z|") == ["x", "y", "", "z"]


def test_inline_markup_stripped_from_cells_and_kept_raw(tmp_path):
    row = (
        "| **หนา** *เอียง* __ขีด__ _เอน_ `code` ~~ลบ~~ | [เว็บไซต์](https://www.example.go.th) "
        "![logo](x.png) | ๑๐^{๒} ม^2^ | \\*ไม่ใช่\\* |"
    )
    [page] = md(tmp_path, row + "\n|---|---|---|---|\n")
    table = page.tables[0]
    assert table.grid() == [["หนา เอียง ขีด เอน code ลบ", "เว็บไซต์", "๑๐๒ ม2", "*ไม่ใช่*"]]
    assert table.cells[0].raw_text == "**หนา** *เอียง* __ขีด__ _เอน_ `code` ~~ลบ~~"
    assert table.cells[1].raw_text == "[เว็บไซต์](https://www.example.go.th) ![logo](x.png)"


def test_entities_decoded_in_markdown_cells_and_text(tmp_path):
    [page] = md(tmp_path, "ข้อ&nbsp;๑ &amp; ข้อ &#3650;&#x0E01;\n\n| &lt;ก&gt; | A&amp;B |\n|---|---|\n")
    assert page.text == "ข้อ ๑ & ข้อ โก\n\n<ก> | A&B"
    assert page.tables[0].cells[1].raw_text == "A&amp;B"


def test_underscore_blank_fields_are_not_emphasis():
    assert clean_fragment("ลงชื่อ______นายก______ผู้รายงาน") == ["ลงชื่อ______นายก______ผู้รายงาน"]
    assert clean_fragment("ลงชื่อ.......... __นาย ก__") == ["ลงชื่อ.......... นาย ก"]


def test_separator_rows_inside_a_table_are_dropped(tmp_path):
    [page] = md(tmp_path, "| ก | ข |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n")
    assert page.tables[0].grid() == [["ก", "ข"], ["1", "2"], ["3", "4"]]


# --- markdown text -------------------------------------------------------------------------------


def test_headings_bullets_quotes_stripped_numbers_kept(tmp_path):
    text = (
        "# **บันทึกข้อความ** #\n## ส่วนราชการ\n- รายการ\n* อีกรายการ\n+ สาม\n> อ้างถึง\n"
        "1. มาตรการแรก\n๑. มาตรการไทย\n- ๒ -\n#1 ไม่ใช่หัวข้อ\n"
    )
    [page] = md(tmp_path, text)
    assert page.text == (
        "บันทึกข้อความ\nส่วนราชการ\nรายการ\nอีกรายการ\nสาม\nอ้างถึง\n1. มาตรการแรก\n๑. มาตรการไทย\n- ๒ -\n#1 ไม่ใช่หัวข้อ"
    )
    [page] = md(tmp_path, text, keep_list_numbers=False)
    assert page.text.split("\n")[6:8] == ["มาตรการแรก", "๑. มาตรการไทย"]


def test_rules_and_fences_are_not_text_and_not_page_breaks(tmp_path):
    pages = md(tmp_path, "```markdown\nหน้าแรก\n\n---\n\nยังหน้าแรก\n===\n```\n")
    assert len(pages) == 1
    assert pages[0].text == "หน้าแรก\n\nยังหน้าแรก"


def test_html_comments_and_images_removed_azure_comments_kept(tmp_path):
    text = (
        '<!-- PageHeader="เทศบาลตำบลกกโก" -->\nข้อความ <!-- image --> ต่อ\n![ตราครุฑ](garuda.png)\n'
        '<!-- PageNumber="- ๒ -" -->\n<!-- PageBreak -->\nหน้าสอง'
    )
    pages = md(tmp_path, text)
    assert [p.text for p in pages] == ["เทศบาลตำบลกกโก\nข้อความ ต่อ\n- ๒ -", "หน้าสอง"]


def test_typhoon_json_answer_is_unwrapped(tmp_path):
    [page] = md(tmp_path, '{"natural_text": "# เรื่อง\\n| ก | ข |\\n|---|---|", "primary_language": "th"}')
    assert page.text == "เรื่อง\n\nก | ข"


# --- HTML ----------------------------------------------------------------------------------------


def test_html_rowspan_colspan_exact_grid_placement(tmp_path):
    source = """<table>
<tr><th rowspan="3">A</th><th>B</th><th rowspan="2">C</th><th>D</th></tr>
<tr><td>E</td><td rowspan="2" colspan="1">F</td></tr>
<tr><td colspan="2">G</td></tr>
<tr><td>H</td><td colspan="3">I</td></tr>
</table>"""
    [page] = read_transcript(write(tmp_path, "t.html", source))
    [table] = page.tables
    assert spans(table) == [
        (0, 0, 3, 1, "A"),
        (0, 1, 1, 1, "B"),
        (0, 2, 2, 1, "C"),
        (0, 3, 1, 1, "D"),
        (1, 1, 1, 1, "E"),
        (1, 3, 2, 1, "F"),  # E skips column 0 (A), F skips column 2 (C)
        (2, 1, 1, 2, "G"),  # A still covers column 0, F covers column 3
        (3, 0, 1, 1, "H"),
        (3, 1, 1, 3, "I"),
    ]
    assert table.grid() == [["A", "B", "C", "D"], ["", "E", "", "F"], ["", "G", "", ""], ["H", "I", "", ""]]
    assert table.cell_at(2, 3).text == "F" and table.cell_at(2, 2).text == "G"
    assert (table.source, table.page) == ("html", 1)


def test_html_rowspan_past_the_last_row_is_clamped_and_empty_rows_skipped():
    source = (
        "<table><tr><td>X</td></tr><tr></tr><tr><td rowspan=9>A</td><td>B</td></tr>"
        "<tr><td>C</td><td rowspan=0>D</td></tr><tr></tr></table>"
    )
    [table] = [i for i in read_html(source) if isinstance(i, Table)]
    assert spans(table) == [
        (0, 0, 1, 1, "X"),
        (1, 0, 3, 1, "A"),
        (1, 1, 1, 1, "B"),
        (2, 1, 1, 1, "C"),
        (2, 2, 2, 1, "D"),
    ]
    assert table.grid() == [["X", "", ""], ["A", "B", ""], ["", "C", "D"], ["", "", ""]]


def test_html_implied_end_tags_sections_and_tfoot_last():
    source = (
        "<table><thead><tr><th>h1<th>h2</thead><tfoot><tr><td>f1<td>f2</tfoot>"
        "<tbody><tr><td>a<td>b<tr><td>c<td colspan=0>d</tbody></table>"
    )
    [table] = [i for i in read_html(source) if isinstance(i, Table)]
    assert table.grid() == [["h1", "h2"], ["a", "b"], ["c", "d"], ["f1", "f2"]]


def test_html_cell_markup_entities_br_and_raw_text(tmp_path):
    source = "<table><tr><td> <b>ผล</b>&nbsp;การ<br>ดำเนินการ &amp; <i>สรุป</i> &#3585; </td></tr></table>"
    [page] = read_transcript(write(tmp_path, "t.html", source))
    cell = page.tables[0].cells[0]
    assert cell.text == "ผล การดำเนินการ & สรุป ก"  # wrapped Thai lines join without a space
    assert cell.raw_text == "<b>ผล</b>&nbsp;การ<br>ดำเนินการ &amp; <i>สรุป</i> &#3585;"


def test_html_nested_table_becomes_cell_text():
    source = (
        "<table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td></tr></table>"
    )
    tables = [i for i in read_html(source) if isinstance(i, Table)]
    assert len(tables) == 1
    assert tables[0].grid() == [["a", "x y z"]]


def test_html_text_blocks_and_skipped_parts(tmp_path):
    source = """<html><head><title>scan.pdf</title><style>p {color: red}</style></head><body>
<h1>บันทึก   ข้อความ</h1><p>ส่วนราชการ <span>กองคลัง</span><br>โทร ๐๓๖</p>
<ul><li>หนึ่ง</li><li>สอง</li></ul><script>var x = 1;</script>
<figure><img src="a.png">คำบรรยายภาพจากโมเดล<figcaption>ภาพที่ ๑</figcaption></figure></body></html>"""
    [page] = read_transcript(write(tmp_path, "t.html", source))
    assert page.text == "บันทึก ข้อความ\n\nส่วนราชการ กองคลัง\nโทร ๐๓๖\n\nหนึ่ง\nสอง\n\nภาพที่ ๑"


def test_html_table_inside_markdown_with_markdown_in_cells(tmp_path):
    text = (
        "ก่อนตาราง <table><tr><td>**๑.** มาตรการ</td><td>ผล&amp;สรุป</td></tr></table> หลังตาราง\n"
        "<figure>คำอธิบายภาพ</figure>\nจบ"
    )
    [page] = md(tmp_path, text)
    [table] = page.tables
    assert table.source == "html"
    assert table.grid() == [["๑. มาตรการ", "ผล&สรุป"]]
    assert table.cells[0].raw_text == "**๑.** มาตรการ"
    assert page.text == "ก่อนตาราง\n\n๑. มาตรการ | ผล&สรุป\n\nหลังตาราง\n\nจบ"  # a figure ends a paragraph


def test_unclosed_html_table_runs_to_the_end_of_its_page(tmp_path):
    text = "<table><tr><td>ก</td><td>ข</td></tr><tr><td>ค\n<!-- page 2 -->\nหน้าสอง"
    pages = md(tmp_path, text)
    assert [p.tables[0].grid() if p.tables else None for p in pages] == [[["ก", "ข"], ["ค", ""]], None]
    assert pages[1].text == "หน้าสอง"


# --- pages ---------------------------------------------------------------------------------------


def test_form_feeds_split_pages_final_one_closes_the_last_page(tmp_path):
    pages = read_transcript(write(tmp_path, "t.txt", "หน้า ๑\f\fหน้า ๓\f"))
    assert [(p.number, p.text) for p in pages] == [(1, "หน้า ๑"), (2, ""), (3, "หน้า ๓")]


def test_page_comment_markers(tmp_path):
    text = "<!-- page 1 -->\nหนึ่ง\n<!-- Page 2 -->\nสอง\n<!-- page: 3 of 4 -->\nสาม<!-- หน้า ๔ -->สี่"
    assert [p.text for p in md(tmp_path, text)] == ["หนึ่ง", "สอง", "สาม", "สี่"]


def test_text_before_first_marker_is_a_page_only_if_not_blank(tmp_path):
    assert [p.text for p in md(tmp_path, "\n\n<!-- page 1 -->\nก\n<!-- page 2 -->\nข")] == ["ก", "ข"]
    assert [p.text for p in md(tmp_path, "หัว\n<!-- page 2 -->\nข")] == ["หัว", "ข"]


def test_blank_page_between_start_markers_is_kept(tmp_path):
    pages = md(tmp_path, "<!-- page 1 -->\nก\n<!-- page 2 -->\n\n<!-- page 3 -->\nค")
    assert [(p.number, p.text) for p in pages] == [(1, "ก"), (2, ""), (3, "ค")]


def test_form_feed_next_to_a_marker_counts_once(tmp_path):
    pages = md(tmp_path, "<!-- page 1 -->\nก\n\f\n<!-- page 2 -->\nข\f")
    assert [p.text for p in pages] == ["ก", "ข"]


def test_marker_paginated_fixture():
    pages = read_transcript(FIXTURES / "marker_paginated.md")
    assert [p.number for p in pages] == [1, 2]
    first, second = pages
    assert first.text == (
        "รายงานผลการดำเนินงาน\n\n"
        "มาตรการ | ผู้รับผิดชอบ | ผลการดำเนินการ\n"
        "๑. การเปิดเผยข้อมูล | สำนักปลัด | ดำเนินการแล้วร้อยละ ๑๐๐\n"
        "๒. การป้องกันการทุจริต | ผลประโยชน์ทับซ้อน | กองคลัง | "
    )
    assert first.tables[0].cell_at(2, 0).text == "๒. การป้องกันการทุจริต | ผลประโยชน์ทับซ้อน"
    assert first.tables[0].cell_at(2, 2).text == ""
    assert second.text == "๓. การรับเรื่องร้องเรียน | กองช่าง | อยู่ระหว่างดำเนินการ\n\nลงชื่อ นายวิภาค คงไชย"
    assert [t.page for t in second.tables] == [2]


def test_script_separators(tmp_path):
    text = "ก\n--- Page 2 ---\nข\n=== หน้า ๓ ===\nค\n## Page 4\nง\n[Page 5]\nจ"
    assert [p.text for p in md(tmp_path, text)] == ["ก", "ข", "ค", "ง", "จ"]


def test_typhoon_fixture_html_table_figure_and_page_number():
    first, second = read_transcript(FIXTURES / "typhoon_two_pages.md")
    assert first.text == (
        "- ๑ -\n\nบันทึกข้อความ\n\nส่วนราชการ สำนักปลัด เทศบาลตำบลกกโก\n"
        "ที่ ลบ ๕๓๘๐๑/๓๒๔ วันที่ ๑๐ เมษายน ๒๕๖๖\n"
        "เรื่อง รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    )
    assert first.tables == []
    [table] = second.tables
    assert (table.source, table.page, table.n_rows, table.n_cols) == ("html", 2, 3, 5)
    assert spans(table)[5:] == [
        (1, 0, 2, 1, "๑. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"),
        (1, 1, 1, 1, "๑) จัดทำประกาศ\n๒) เผยแพร่ทางเว็บไซต์"),
        (1, 2, 2, 1, "สำนักปลัด"),
        (1, 3, 1, 1, "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖"),
        (1, 4, 1, 1, "ดำเนินการแล้ว"),
        (2, 1, 1, 1, "๓) รายงานผล & สรุป"),
        (2, 3, 1, 2, "ทุกไตรมาส"),
    ]
    assert second.text.split("\n")[2] == " | ๓) รายงานผล & สรุป |  | ทุกไตรมาส | "


def test_html_fixture_pages_from_marker_divs():
    first, second = read_transcript(FIXTURES / "report.html")
    assert first.text == "บันทึกข้อความ\n\nส่วนราชการ กองคลัง เทศบาลตำบลกกโก\n\nเรื่อง รายงานผล\nรอบ ๖ เดือน"
    assert second.text == (
        "แบบรายงาน\n\nมาตรการ | การดำเนินการ | \n | ขั้นตอน | ผล\n๑. เผยแพร่ | จัดทำ กข | แล้วเสร็จ\n\n(นายวิภาค คงไชย)"
    )
    assert second.tables[0].cell_at(2, 1).raw_text == "จัดทำ &#3585;&#x0E02;"


def test_html_style_page_breaks_and_form_feed(tmp_path):
    source = (
        '<p>ก</p><p style="page-break-after: always">ข</p><p>ค</p>'
        '<div style="break-before: page">ง</div><hr class="page-break"><p>จ\fฉ</p>'
    )
    pages = read_transcript(write(tmp_path, "t.htm", source))
    assert [p.text for p in pages] == ["ก\n\nข", "ค", "ง", "จ", "ฉ"]


# --- plain text ----------------------------------------------------------------------------------


def test_txt_fixture_keeps_markup_and_parses_only_obvious_tables():
    first, second = read_transcript(FIXTURES / "tesseract_pages.txt")
    assert first.text == "บันทึกข้อความ\nส่วนราชการ สำนักปลัด\n\nเรื่อง รายงานผล **ไม่ใช่ markdown**"
    assert second.text == "# ๑ มาตรการ\n| ก | ข |\n\nค | ง\nจ | ฉ"
    assert [t.grid() for t in second.tables] == [[["ค", "ง"], ["จ", "ฉ"]]]


def test_txt_two_unframed_pipe_lines_are_not_a_table_but_a_separator_makes_one(tmp_path):
    [page] = read_transcript(write(tmp_path, "t.txt", "a | b\nc | d"))
    assert page.tables == []
    [page] = read_transcript(write(tmp_path, "t.txt", "a | b\n--|--\nc | d"))
    assert page.tables[0].grid() == [["a", "b"], ["c", "d"]]


# --- encodings and bad files ---------------------------------------------------------------------

THAI = "บันทึกข้อความ ที่ ลบ ๕๓๘๐๑/๓๒๔ “ข่าวสาร” น้ำ"


@pytest.mark.parametrize(
    "data",
    [
        THAI.encode("utf-8"),
        b"\xef\xbb\xbf" + THAI.encode("utf-8"),
        THAI.encode("utf-16"),  # with BOM
        b"\xfe\xff" + THAI.encode("utf-16-be"),
        THAI.encode("utf-16-le"),  # no BOM: accepted only because it decodes to plausible text
        THAI.encode("cp874"),
        THAI.replace("“", '"').replace("”", '"').encode("tis-620"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "cp874", "tis620"],
)
def test_encodings(tmp_path, data):
    [page] = read_transcript(write(tmp_path, "t.txt", data))
    assert page.text.replace('"', "“", 1).replace('"', "”", 1) == THAI


def test_bom_is_not_kept_in_the_text(tmp_path):
    [page] = read_transcript(write(tmp_path, "t.md", b"\xef\xbb\xbf# \xe0\xb8\x81"))
    assert page.text == "ก"


def test_latin1_is_not_mistaken_for_thai():
    with pytest.raises(CorruptInput):
        decode_text("café crème brûlée".encode("latin-1"))


def test_empty_file(tmp_path):
    with pytest.raises(EmptyInput):
        read_transcript(write(tmp_path, "t.md", b""))


@pytest.mark.parametrize("content", [" \n\t\n  \r\n", "\f\f\n", "| | |\n|---|---|\n<!-- image -->\n---\n"])
def test_no_text(tmp_path, content):
    with pytest.raises(NoTextFound):
        read_transcript(write(tmp_path, "t.md", content))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(400),
        random.Random(2).randbytes(1000),
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
        b"text\x00with\x00nuls\x00" * 10,
        b"\xef\xbb\xbf" + b"\xff\xfe\x00garbage",
    ],
    ids=["png", "random", "pdf-like", "nuls", "bad-after-bom"],
)
def test_binary_garbage(tmp_path, data):
    with pytest.raises(CorruptInput):
        read_transcript(write(tmp_path, "t.txt", data))


def test_unsupported_and_missing(tmp_path):
    with pytest.raises(UnsupportedInput):
        read_transcript(write(tmp_path, "t.csv", "a,b"))
    with pytest.raises(InputNotFound):
        read_transcript(tmp_path / "missing.md")
