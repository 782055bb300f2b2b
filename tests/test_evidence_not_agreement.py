"""Evidence, not agreement (issue 15.4): only the document's own field dates are repaired toward
consistency, only where the digits read are a known confusion of the consistent ones; a year in running
text that names another year is never changed; measure numbers that skip are kept. Whole pipeline on
transcripts (real gazetteer, dictionaries, date repair)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ocr_pipeline.clean.dates import fiscal_year_bounds, format_thai_date
from ocr_pipeline.clean.digit_confusions import confusion_pairs, is_misreading
from ocr_pipeline.clean.thai_text import arabic_to_thai_digits
from ocr_pipeline.extract.measures import repair_numbering
from ocr_pipeline.ingest import open_input
from ocr_pipeline.model import Measure, Result
from ocr_pipeline.pipeline import process

MEMO = """บันทึกข้อความ
ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลบางบาล อำเภอบางบาล จังหวัดพระนครศรีอยุธยา
ที่ อย ๗๘๑๐๑/๒๓๔ วันที่ {doc_date}
เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {subject_fy} (รอบ ๖ เดือน)
เรียน นายกองค์การบริหารส่วนตำบลบางบาล
ตามที่สำนักงาน ป.ป.ช. ได้ประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {other} โดยให้หน่วยงานจัดทำมาตรการ
ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. {law} และคำสั่งที่ ๑๒/{other} นั้น
บัดนี้ สำนักปลัดได้ดำเนินการตามมาตรการดังกล่าว ตั้งแต่วันที่ {start} ถึงวันที่ {end} เรียบร้อยแล้ว
จึงเรียนมาเพื่อโปรดทราบ
(นายสมชาย ใจดี)
ปลัดองค์การบริหารส่วนตำบลบางบาล

รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. {title_fy}

| มาตรการ/แนวทาง | ขั้นตอน/วิธีการดำเนินการ | ผู้รับผิดชอบ | ระยะเวลาดำเนินการ | ผลการดำเนินการ |
|---|---|---|---|---|
| ๑. มาตรการป้องกันการรับสินบน | ๑.๑ ประชุมชี้แจงแนวทาง | สำนักปลัด | {period} | ดำเนินการแล้ว |
| ๔. มาตรการเผยแพร่ข้อมูล | ๔.๑ ประชาสัมพันธ์ผ่านเว็บไซต์ | กองคลัง | {period} | ดำเนินการแล้ว |
"""


def thai(n: int) -> str:
    return arabic_to_thai_digits(str(n))


def run(tmp: Path, fy: int, other: int, law: int, subject_fy: str | None = None, title_fy: str | None = None) -> Result:
    start, _end = fiscal_year_bounds(fy)
    end = date(start.year + 1, 3, 31)
    text = MEMO.format(
        doc_date=format_thai_date(end + timedelta(days=20), "full", "thai"),
        subject_fy=subject_fy or thai(fy),
        title_fy=title_fy or thai(fy),
        other=thai(other),
        law=thai(law),
        start=format_thai_date(start, "full", "thai"),
        end=format_thai_date(end, "full", "thai"),
        period=f"{format_thai_date(start, 'month_year', 'thai')} - {format_thai_date(end, 'month_year', 'thai')}",
    )
    path = tmp / "report.md"
    path.write_text(text, encoding="utf-8")
    return process(open_input(path), today=end + timedelta(days=60))


def body_lines(result: Result) -> list[str]:
    return [ln for p in result.pages for ln in p.text.split("\n") if "ป.ป.ช." in ln or "พระราชบัญญัติ" in ln]


@settings(max_examples=10, deadline=None)
@given(fy=st.integers(2500, 2650), back=st.integers(1, 40), law=st.integers(2500, 2650))
def test_years_in_running_text_are_never_changed(tmp_path_factory, fy: int, back: int, law: int):
    """Last year's assessment, a law's พ.ศ., an earlier order: whatever years the body names, they stay
    as written, the document's fields are its own, and the clean report gets no correction."""
    other = fy - back
    result = run(Path(tmp_path_factory.mktemp("r")), fy, other, law)
    assert result.document.fiscal_year_be == fy
    body = body_lines(result)
    assert any(f"ประจำปีงบประมาณ พ.ศ. {thai(other)} โดยให้" in ln for ln in body)
    assert any(f"พ.ศ. {thai(law)} และคำสั่งที่ ๑๒/{thai(other)}" in ln for ln in body)
    assert result.corrections == []
    assert [m.measure_no for m in result.measures] == [1, 4]  # measures that skip are the document's own


def _misreadings(year: str) -> list[str]:
    """The year with one digit replaced by a listed OCR confusion of it (๖ read ๒ or ๒๐, ๔ read ๕...)."""
    out = []
    for k, ch in enumerate(year):
        for observed, true in sorted(confusion_pairs()):
            if true == ch and observed and all("๐" <= c <= "๙" for c in observed):
                out.append(year[:k] + observed + year[k + 1 :])
    return out


@settings(max_examples=8, deadline=None)
@given(fy=st.integers(2540, 2650).filter(lambda y: _misreadings(thai(y))), pick=st.integers(0, 50))
def test_a_misread_subject_year_is_repaired_from_the_document(tmp_path_factory, fy: int, pick: int):
    options = _misreadings(thai(fy))
    misread = options[pick % len(options)]
    result = run(Path(tmp_path_factory.mktemp("r")), fy, fy - 1, 2540, subject_fy=misread)
    assert result.document.fiscal_year_be == fy
    assert thai(fy) in (result.document.subject or "")
    fixes = [c for c in result.corrections if misread in c.before]
    assert fixes and all(c.rule in ("date-confusion", "fiscal-consistency") for c in fixes)
    assert all(thai(fy - 1) in ln for ln in body_lines(result) if "ป.ป.ช." in ln)  # the body's year untouched


@settings(max_examples=8, deadline=None)
@given(fy=st.integers(2500, 2650), shift=st.sampled_from([-3, -2, 2, 3]))
def test_a_subject_year_that_is_no_misreading_is_kept_and_flagged(tmp_path_factory, fy: int, shift: int):
    """Two or three years off is another year, not a misreading: kept as written, with a short warning;
    the fiscal year still comes from the document's other evidence."""
    written = thai(fy + shift)
    if is_misreading(written, thai(fy)):
        return
    result = run(Path(tmp_path_factory.mktemp("r")), fy, fy - 1, 2540, subject_fy=written)
    assert result.document.fiscal_year_be == fy
    assert written in (result.document.subject or "")
    assert not any(written in c.before for c in result.corrections)
    assert any(written in w and len(w) < 200 for w in result.warnings)


def test_a_misread_title_year_is_repaired_and_the_body_left_alone(tmp_path):
    result = run(tmp_path, 2566, 2565, 2540, title_fy="๒๕๒๐๒๐")
    title = next(ln for p in result.pages for ln in p.text.split("\n") if ln.startswith("รายงานผลการดำเนินงาน"))
    assert title.endswith("พ.ศ. ๒๕๖๖")
    assert [(c.before, c.after) for c in result.corrections] == [("๒๕๒๐๒๐", "๒๕๖๖")]
    assert any("พ.ศ. ๒๕๖๕ โดยให้" in ln for ln in body_lines(result))


def test_measure_numbers_that_skip_are_kept_unless_misread():
    def m(no: int, text: str) -> Measure:
        return Measure(measure_no=no, measure=text, step_no=1, step="s")

    rows = [m(1, "ก"), m(4, "ข")]  # measures 2 and 3 are not in the transcript
    assert repair_numbering(rows) == [] and [r.measure_no for r in rows] == [1, 4]
    rows = [m(1, "ก"), m(2, "ข"), m(5, "ค"), m(4, "ง")]  # ๕ for ๓? no confusion: kept
    assert repair_numbering(rows) == [] and [r.measure_no for r in rows] == [1, 2, 5, 4]
    rows = [m(1, "ก"), m(2, "ข"), m(3, "ค"), m(5, "ง"), m(5, "จ")]  # ๕ read for ๔ between ๓ and ๕
    fixes = repair_numbering(rows)
    assert [r.measure_no for r in rows] == [1, 2, 3, 4, 5] and [(f.before, f.after) for f in fixes] == [("5", "4")]
    rows = [
        Measure(measure_no=None, measure="", step_no=1, step="a"),
        Measure(measure_no=None, measure="", step_no=1, step="b"),
    ]
    assert repair_numbering(rows) == []  # rows whose measure column was lost are no one measure's steps


def test_a_round_number_lost_at_the_subject_s_wrap_is_put_back_from_the_report_period(tmp_path):
    """``… พ.ศ. ๒๕๖๕ (รอบ`` / ``เดือน)`` (fresh standard seed 119 doc 1): the ๖ at the wrap's start was lost; the
    period (October to March) settles a six-month round, which the subject gets back with its correction."""
    two_pages = MEMO.replace("\n\nรายงานผลการดำเนินงาน", "\n\f\nรายงานผลการดำเนินงาน")  # the memo's own page
    text = two_pages.replace("(รอบ ๖ เดือน)", "(รอบ\nเดือน)").format(
        doc_date="๒๐ เมษายน ๒๕๖๖",
        subject_fy="๒๕๖๖",
        title_fy="๒๕๖๖",
        other="๒๕๖๕",
        law="๒๕๔๐",
        start="๑ ตุลาคม ๒๕๖๕",
        end="๓๑ มีนาคม ๒๕๖๖",
        period="ตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖",
    )
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    result = process(open_input(path), today=date(2026, 12, 1))
    assert result.document.subject is not None and result.document.subject.endswith("(รอบ ๖ เดือน)")
    fix = [c for c in result.corrections if c.field == "document.subject" and c.rule == "fiscal-consistency"]
    assert [(c.before, c.after) for c in fix] == [("รอบเดือน", "รอบ ๖ เดือน")]
