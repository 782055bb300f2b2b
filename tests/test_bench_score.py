"""The benchmark's scorer: perfect output 100 %, empty 0 %, CER moves by the right amount, a
missing output file is a failure and not a crash."""

from __future__ import annotations

import copy
import json

import pytest

from ocr_pipeline.bench.__main__ import score_all
from ocr_pipeline.bench.score import DOC_FIELDS, score_document, summarize, text_errors

TRUTH = {
    "schema_version": 1,
    "document": {
        "agency": "เทศบาลตำบลกกโก",
        "agency_type": "เทศบาลตำบล",
        "division": "สำนักปลัด",
        "subdistrict": "กกโก",
        "district": "เมืองลพบุรี",
        "province": "ลพบุรี",
        "geocode": "160103",
        "doc_number": "ลบ ๕๓๘๐๑/๓๒๔",
        "doc_date": "2023-04-10",
        "subject": "รายงานผลการดำเนินงาน",
        "addressee": "นายกเทศมนตรีตำบลกกโก",
        "fiscal_year_be": 2566,
        "period_start": "2022-10-01",
        "period_end": "2023-03-31",
        "signatories": [{"name": "นายวิภาค คงไชย", "position": "เจ้าพนักงานธุรการ"}],
    },
    "measures": [
        {
            "measure_no": 1,
            "measure": "เผยแพร่ข้อมูลข่าวสาร",
            "step_no": 1,
            "step": "จัดทำประกาศ",
            "responsible": "สำนักปลัด",
            "period_text": "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖",
            "period_start": "2022-10-01",
            "period_end": "2023-03-31",
            "result": "ดำเนินการแล้ว",
            "page": 2,
        },
        {
            "measure_no": 1,
            "measure": "เผยแพร่ข้อมูลข่าวสาร",
            "step_no": 2,
            "step": "ติดประกาศ",
            "responsible": "กองคลัง",
            "period_text": "ตลอดปีงบประมาณ",
            "period_start": "2022-10-01",
            "period_end": "2023-09-30",
            "result": "ดำเนินการแล้ว",
            "page": 2,
        },
    ],
    "pages": [{"number": 1, "text": "ที่ ลบ ๕๓๘๐๑/๓๒๔ วันที่ ๑๐ เมษายน ๒๕๖๖", "raw_text": "", "mean_confidence": None}],
}


def _as_output(truth: dict) -> dict:
    out = copy.deepcopy(truth)
    for page in out["pages"]:
        page["raw_text"] = page["text"]
    return out


def test_perfect_output_scores_100():
    s = summarize([score_document("d", TRUTH, _as_output(TRUTH))])
    assert s.overall_field_accuracy == 1.0
    assert all(v == 1.0 for v in s.field_accuracy.values())
    assert s.rows_right_share == 1.0 and s.cell_exact == 1.0 and s.cell_similarity == 1.0
    assert s.cer_clean == 0.0 and s.cer_raw == 0.0 and s.thai_digit_error == 0.0


def test_empty_output_scores_0():
    empty = {"document": {}, "measures": [], "pages": []}
    s = summarize([score_document("d", TRUTH, empty)])
    assert s.overall_field_accuracy == 0.0
    assert s.rows_right_share == 0.0 and s.cell_exact == 0.0 and s.cell_similarity == 0.0
    assert s.cer_clean == 1.0 and s.thai_digit_error == 1.0


def test_one_character_change_moves_cer_by_one_over_length():
    out = _as_output(TRUTH)
    text = TRUTH["pages"][0]["text"]
    out["pages"][0]["text"] = text.replace("เมษายน", "เมษายบ")
    s = summarize([score_document("d", TRUTH, out)])
    assert s.cer_clean == pytest.approx(1 / len(text))
    assert s.cer_raw == 0.0


def test_thai_digit_errors_and_arabic_equivalence():
    truth = "พ.ศ. ๒๕๖๖"
    assert text_errors(truth, "พ.ศ. 2566")[:1] == (0,)  # Arabic digits count as right
    distance, length, wrong, digits = text_errors(truth, "พ.ศ. ๒๕๒๐๒๐")
    assert digits == 4 and wrong == 2 and distance == 4 and length == len(truth)


def test_field_comparison_folds_digits_and_spaces():
    out = _as_output(TRUTH)
    out["document"]["doc_number"] = "ลบ  53801/324"
    assert score_document("d", TRUTH, out).fields["doc_number"]
    out["document"]["doc_number"] = "ลบ ๕๓๘๐๑/๓๒๕"
    assert not score_document("d", TRUTH, out).fields["doc_number"]


def test_missing_row_counts_against_cells_and_row_count():
    out = _as_output(TRUTH)
    out["measures"] = out["measures"][:1]
    s = score_document("d", TRUTH, out)
    assert not s.rows_right
    assert s.cells_exact == 9  # first row right (9 cells), second missing
    assert s.cells_total == 18


def test_missing_output_file_is_a_failure_not_a_crash(tmp_path):
    (tmp_path / "doc.truth.json").write_text(json.dumps(TRUTH, ensure_ascii=False), encoding="utf-8")
    src = tmp_path / "doc.pdf"
    scores = score_all([(src, tmp_path / "doc.truth.json")], tmp_path / "no-output-here")
    s = summarize(scores)
    assert s.outputs_found == 0 and s.overall_field_accuracy == 0.0 and s.cer_clean == 1.0
    assert set(scores[0].fields) == set(DOC_FIELDS)


def test_a_right_word_made_wrong_is_counted():
    out = _as_output(TRUTH)
    out["corrections"] = [
        {"page": 1, "field": "pages.text", "before": "เมษายน", "after": "เมษายบ", "rule": "lexicon", "score": 90},
        {"page": 1, "field": "pages.text", "before": "เมษายบ", "after": "เมษายน", "rule": "lexicon", "score": 90},
        {"page": 1, "field": "pages.text", "before": "oo", "after": "๑๐", "rule": "digit-reader", "score": 90},
    ]
    s = score_document("d", TRUTH, out)
    assert s.harmful == 1 and s.truth_words > 3
    assert summarize([s]).harmful_word_rate == pytest.approx(1 / s.truth_words)


def test_cells_are_also_scored_column_by_column():
    """A column wrong in every row (a period's end month) shows as that column's share, not only as a
    slightly lower share of all cells."""
    out = _as_output(TRUTH)
    for m in out["measures"]:
        m["period_end"] = "2000-01-31"
    s = summarize([score_document("d", TRUTH, out)])
    assert s.cell_exact_by_field["period_end"] == 0.0
    assert s.cell_exact_by_field["step"] == 1.0
    assert 0.0 < s.cell_exact < 1.0
