"""No fixed calendar: a correct report of any fiscal year B.E. 2500-2650 reads back exactly, through the
whole pipeline (transcript path: the real gazetteer, dictionaries and date repair), with no correction."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from ocr_pipeline.clean.dates import fiscal_year_bounds, format_thai_date
from ocr_pipeline.clean.thai_text import arabic_to_thai_digits
from ocr_pipeline.ingest import open_input
from ocr_pipeline.pipeline import process

MEMO = """บันทึกข้อความ
ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลบางบาล อำเภอบางบาล จังหวัดพระนครศรีอยุธยา
ที่ อย {number} วันที่ {doc_date}
เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {fy} (รอบ {months} เดือน)
เรียน นายกองค์การบริหารส่วนตำบลบางบาล
ตามที่องค์การบริหารส่วนตำบลบางบาลได้จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy} นั้น
บัดนี้ สำนักปลัดได้ดำเนินการตามมาตรการดังกล่าว ตั้งแต่วันที่ {start} ถึงวันที่ {end} เรียบร้อยแล้ว จึงขอรายงานผลการดำเนินงาน
จึงเรียนมาเพื่อโปรดทราบ
(นายสมชาย ใจดี)
ปลัดองค์การบริหารส่วนตำบลบางบาล

| มาตรการ/แนวทาง | ขั้นตอน/วิธีการดำเนินการ | ผู้รับผิดชอบ | ระยะเวลาดำเนินการ | ผลการดำเนินการ |
|---|---|---|---|---|
| {one}. มาตรการป้องกันการรับสินบน | {one}.{one} ประชุมชี้แจงแนวทางการป้องกันการรับสินบน | สำนักปลัด | {period1} | ดำเนินการแล้ว |
|  | {one}.{two} ประชาสัมพันธ์ผ่านเว็บไซต์ของหน่วยงาน | กองคลัง | {period2} | ดำเนินการแล้ว |
"""


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@settings(max_examples=examples(40), deadline=None)
@given(
    fy=st.integers(2500, 2650),
    six_months=st.booleans(),
    thai=st.booleans(),
    letter_after=st.integers(1, 60),
    style=st.sampled_from(["full", "abbr", "dateword"]),
    months=st.tuples(st.integers(0, 5), st.integers(0, 5)),
)
def test_a_correct_report_of_any_year_reads_back_exactly(
    tmp_path_factory, fy: int, six_months: bool, thai: bool, letter_after: int, style: str, months: tuple[int, int]
):
    digits = "thai" if thai else "arabic"
    start, year_end = fiscal_year_bounds(fy)
    end = date(year_end.year, 3, 31) if six_months else year_end
    doc_date = end + timedelta(days=letter_after)
    first = min(months)
    m1 = date(start.year + (start.month + first - 1) // 12, (start.month + first - 1) % 12 + 1, 1)
    m2 = _month_end(
        date(start.year + (start.month + max(months) - 1) // 12, (start.month + max(months) - 1) % 12 + 1, 1)
    )

    def num(value: object) -> str:
        return arabic_to_thai_digits(str(value)) if thai else str(value)

    text = MEMO.format(
        number="๗๘๑๐๑/๒๓๔" if thai else "78101/234",
        doc_date=format_thai_date(doc_date, style, digits),
        fy=num(fy),
        months=num(6 if six_months else 12),
        start=format_thai_date(start, "full", digits),
        end=format_thai_date(end, "full", digits),
        one=num(1),
        two=num(2),
        period1=f"{format_thai_date(m1, 'month_abbr_short', digits)} - {format_thai_date(m2, 'month_abbr_short', digits)}",
        period2=f"{format_thai_date(start, 'month_year', digits)} - {format_thai_date(end, 'month_year', digits)}",
    )
    path = Path(tmp_path_factory.mktemp("report")) / "report.md"
    path.write_text(text, encoding="utf-8")
    result = process(open_input(path), today=doc_date + timedelta(days=30))
    doc = result.document
    assert doc.fiscal_year_be == fy
    assert (doc.period_start, doc.period_end) == (start.isoformat(), end.isoformat())
    assert doc.doc_date == doc_date.isoformat()
    assert doc.report_round == ("6 months" if six_months else "12 months")
    assert [(m.period_start, m.period_end) for m in result.measures] == [
        (m1.isoformat(), m2.isoformat()),
        (start.isoformat(), end.isoformat()),
    ]
    assert result.corrections == []  # clean input is left alone
