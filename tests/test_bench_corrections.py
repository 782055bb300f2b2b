"""The benchmark's judge of corrections (bench/corrections.py), its per-condition grouping and the truth
of a transcript whose garbles changed the table (bench/score.py)."""

from __future__ import annotations

import copy

import pytest

from ocr_pipeline.bench.__main__ import by_condition, condition_markdown, find_documents, rules_markdown
from ocr_pipeline.bench.corrections import judge_all, tally
from ocr_pipeline.bench.score import condition_of, score_document, summarize, truth_for_input

TRUTH_TEXT = "ตามที่เทศบาลตำบลกกโกได้จัดทำมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖\nระหว่างวันที่ ๑ ตุลาคม ๒๕๖๕"
TRUTH = {
    "document": {"agency": "เทศบาลตำบลกกโก", "fiscal_year_be": 2566},
    "measures": [
        {"measure_no": 1, "step_no": 1, "measure": "ก", "step": "ข", "page": 2},
        {"measure_no": 4, "step_no": 1, "measure": "ค", "step": "ง", "page": 2},
    ],
    "pages": [{"number": 1, "text": TRUTH_TEXT}, {"number": 2, "text": "๑. ก | ข\n๔. ค | ง"}],
    "synth": {"condition": "200 dpi x thick", "dpi": 200},
}


def _output(raw: str, text: str, corrections: list[dict]) -> dict:
    return {
        "pages": [{"number": 1, "raw_text": raw, "text": text}, {"number": 2, "raw_text": "", "text": ""}],
        "corrections": corrections,
    }


def _c(before, after, rule="lexicon", field="pages.text", page=1, **extra) -> dict:
    return {"page": page, "field": field, "before": before, "after": after, "rule": rule, "score": 90, **extra}


def _verdicts(output: dict) -> list[str]:
    return [c["verdict"] for c in judge_all(TRUTH, output)]


def test_wrong_made_right_is_right_and_right_made_wrong_is_harmful():
    raw = TRUTH_TEXT.replace("กกโก", "กกโท")
    assert _verdicts(_output(raw, TRUTH_TEXT, [_c("กกโท", "กกโก", "gazetteer")])) == ["right"]
    wrong = TRUTH_TEXT.replace("จัดทำ", "จัดทา")
    assert _verdicts(_output(TRUTH_TEXT, wrong, [_c("จัดทำ", "จัดทา")])) == ["harmful"]


def test_a_short_before_inside_a_longer_right_word_is_judged_where_it_stands():
    """'ุณธรรม' is inside the right 'คุณธรรม': a substring test would call it harmless or harmful by luck."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ส่งเสริมคุณธรรมและความโปร่งใส"
    out = _output("ส่งเสริมคุณธรรมและความโปร่งใส", "ส่งเสริมคคุณธรรมและความโปร่งใส", [_c("ุณธรรม", "คุณธรรม")])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["harmful"]


def test_letters_put_back_before_a_line_face_the_truth_s_letters_there():
    """Worn seed 22 doc 14: ``ลาคม`` -> ``ตุลาคม``, the line's first letters that OCR left out put back (its left side
    the line before): right, not harmful for facing the truth's ``ลาคม``; one mark short of the truth (``อง`` ->
    ``เรือง`` for เรื่อง), no longer harmful either."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ในรอบระยะเวลาตั้งแต่วันที่ ๑\nตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙\nเรื่อง รายงานผล"
    raw = "ในรอบระยะเวลาตั้งแต่วันที่ ๑\nลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙\nอง รายงานผล"
    fixes = [
        _c("ลาคม", "ตุลาคม", "thai-reread", context=["ตั้งแต่วันที่ ๑", " ๒๕๖๘ - ๓๐ กันยาย"]),
        _c("อง", "เรือง", "thai-reread", context=["๓๐ กันยายน ๒๕๖๙", " รายงานผล"]),
    ]
    out = _output(raw, raw.replace("ลาคม", "ตุลาคม").replace("\nอง", "\nเรือง"), fixes)
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right", "neutral"]


def test_a_boundary_set_a_letter_off_by_junk_in_the_context_is_moved_to_the_correction():
    """Fresh standard seed 129 doc 4: ``๑๕ะ WE. ๒๕๒๐๓`` -> ``พ.ย.`` against ``๑๕ พ.ย. ๒๕๖๓``: the alignment faced
    the junk ``ะ`` with the truth's space and the space with พ, so the span faced ``.ย.`` (neutral); one boundary moved
    by a letter makes it the correction's result exactly. A letter or two found so beside anything is not taken."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ที่ ลป ๕๐๑๗๖/๕๗๗ วันที่ ๑๕ พ.ย. ๒๕๖๓\nเรื่อง รายงานผลการดำเนินการ"
    raw = "ท ลป ๕๐๑ฆ่๒/๕๑ งนท ๑๕ะ WE. ๒๕๒๐๓\nเรื่อง รายงานผลการดำเนินการ"
    out = _output(raw, raw.replace("WE.", "พ.ย."), [_c("WE.", "พ.ย.", "thai-reread")])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]
    truth["pages"][0]["text"] = "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓\nระยะเวลา"
    raw = "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓ะ\nระยะเวลา"
    out = _output(raw, raw.replace("ะ\n", "\n"), [_c("ะ", "", "noise")])
    assert [c["verdict"] for c in judge_all(truth, out)] != ["harmful"]


def test_wrong_to_still_wrong_is_neutral_and_folded_equal_is_cosmetic():
    raw = TRUTH_TEXT.replace("๒๕๖๖", "๒๕๒๕")
    assert _verdicts(_output(raw, raw, [_c("๒๕๒๕", "๒๕๐๕", "date-confusion")])) == ["neutral"]
    assert _verdicts(_output(TRUTH_TEXT, TRUTH_TEXT, [_c("๒๕๖๖", "2566", "digit-reader")])) == ["cosmetic"]


def test_a_year_repeated_with_different_truths_is_ambiguous():
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ปีงบประมาณ ๒๕๖๖ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    raw = "ปีงบประมาณ ๒๕๖๕ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    (judged,) = judge_all(truth, _output(raw, raw, [_c("๒๕๖๕", "๒๕๖๖", "fiscal-consistency")]))
    assert judged["verdict"] == "ambiguous"


def test_a_location_picks_the_occurrence():
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ปีงบประมาณ ๒๕๖๖ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    raw = "ปีงบประมาณ ๒๕๖๕ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    items = {"p1.l0": raw}
    second = raw.rindex("๒๕๖๕")
    first = raw.index("๒๕๖๕")
    out = _output(raw, raw, [_c("๒๕๖๕", "๒๕๖๖", "fiscal-consistency", item="p1.l0", start=second, end=second + 4)])
    out["items"] = items
    assert [c["verdict"] for c in judge_all(truth, out)] == ["harmful"]
    out["corrections"][0].update(start=first, end=first + 4)
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]


def test_a_space_taken_out_or_put_in_is_judged_by_the_truth_s_spaces():
    """Rule ``spacing`` (whitespace alone, which the other verdicts fold away): right where the truth has the
    spacing of ``after``, harmful where it has that of ``before``; a line break of the truth is no evidence."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "บอร์ดประชาสัมพันธ์ และเว็บไซต์ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ผู้บริหาร\nสมาชิกสภา"
    raw = "บอร์ดประ ชาสัมพันธ์ และเว็บไซต์ ประจำปีงบประมาณพ.ศ. ๒๕๖๖ ผู้บริหาร สมาชิกสภา"
    items = {"p1.l0": raw}
    inside, era, wrap = raw.index(" ชา"), raw.index("ณพ.ศ."), raw.index(" สมาชิก")
    out = _output(raw, raw, [])
    out["items"] = items
    out["corrections"] = [  # the era's first: the space inside ประชาสัมพันธ์ stands before it
        _c("ณ", "ณ ", "spacing", item="p1.l0", start=era, end=era + 1),
        _c(" ", "", "spacing", item="p1.l0", start=inside, end=inside + 1),
    ]
    assert _verdicts_of(truth, out) == ["right", "right"]
    harmful = raw.index(" และ")
    out["corrections"] = [_c(" ", "", "spacing", item="p1.l0", start=harmful, end=harmful + 1)]
    assert _verdicts_of(truth, out) == ["harmful"]
    out["corrections"] = [_c(" ", "", "spacing", item="p1.l0", start=wrap, end=wrap + 1)]
    assert _verdicts_of(truth, out) == ["unlocated"]


def test_a_space_whose_context_was_misread_is_placed_by_alignment():
    """Around the space, letters the OCR misread (สกา for สภา, ชีแจง for ชี้แจง): no exact context, so the
    context is aligned to the truth's text like any correction's, and the truth's space there decides."""
    from ocr_pipeline.bench.corrections import _spaced, judge_spacing

    truth = _spaced("ประชุมชี้แจงแก่ผู้บริหาร สมาชิกสภา และพนักงานส่วนตำบล ทุกคน")
    text = "ประชุมชีแจงแก่ผู้บริหาร สมาชิกสกา และพนักงานส่วนตำบล"
    at = text.index(" และ")
    assert judge_spacing({"before": " ", "after": "", "item": "x", "start": at, "end": at + 1}, truth, {"x": text})[
        0
    ] == ("harmful")
    glued = text.replace(" และ", "และ")
    at = glued.index("กาและ") + 1
    assert (
        judge_spacing({"before": "า", "after": "า ", "item": "x", "start": at, "end": at + 1}, truth, {"x": glued})[0]
        == "right"
    )


def _verdicts_of(truth: dict, output: dict) -> list[str]:
    return [c["verdict"] for c in judge_all(truth, output)]


def test_measure_numbers_are_judged_against_the_rows_of_the_page():
    out = _output(TRUTH_TEXT, TRUTH_TEXT, [])
    out["corrections"] = [
        _c("4", "2", "number-sequence", "measures.measure_no", page=2),  # 1 and 4 present, 2 absent
        _c("", "4", "number-sequence", "measures.measure_no", page=2),
        _c("3", "5", "number-sequence", "measures.measure_no", page=2),
    ]
    assert _verdicts(out) == ["harmful", "right", "neutral"]


def test_unplaceable_corrections_are_unlocated_and_tallied_per_rule():
    out = _output(TRUTH_TEXT, TRUTH_TEXT, [_c("ไม่มีที่ไหน", "เลย", "spell"), _c("กกโท", "กกโก", "gazetteer")])
    out["corrections"][1]["field"] = "document.agency"
    judged = judge_all(TRUTH, out)
    assert [c["verdict"] for c in judged] == ["unlocated", "right"]
    assert tally(judged) == {"spell": {"unlocated": 1}, "gazetteer": {"right": 1}}


def test_summary_gives_right_share_and_harmful_per_word_per_rule():
    out = _output(TRUTH_TEXT, TRUTH_TEXT, [])
    out.update(document=TRUTH["document"], measures=TRUTH["measures"])
    raw = TRUTH_TEXT.replace("กกโก", "กกโท")
    out["pages"][0]["raw_text"] = raw
    out["corrections"] = [_c("กกโท", "กกโก", "gazetteer"), _c("จัดทำ", "จัดทา")]
    score = score_document("d", TRUTH, out)
    s = summarize([score])
    assert s.corrections == 2 and s.corrections_right_share == 0.5
    assert s.corrections_by_rule["lexicon"]["harmful"] == 1
    assert s.harmful_corrections_rate == 1 / score.truth_words
    assert "| `lexicon` | 1 | 0 | 1 | 0 (0) | 0 | 0 | 0 |" in rules_markdown(s)


def test_documents_are_grouped_by_condition():
    other = copy.deepcopy(TRUTH)
    other["synth"] = {"dpi": 300}
    assert condition_of(TRUTH) == "200 dpi x thick" and condition_of(other) == "300 dpi x none"
    scores = [score_document("a", TRUTH, None), score_document("b", other, None), score_document("c", TRUTH, None)]
    groups = by_condition(scores)
    assert list(groups) == ["200 dpi x thick", "300 dpi x none"]
    assert groups["200 dpi x thick"].documents == 2
    table = condition_markdown(summarize(scores), groups)
    assert table.splitlines()[0] == "| measure | overall | 200 dpi x thick | 300 dpi x none |"


def test_a_transcript_is_scored_against_what_it_says():
    truth = copy.deepcopy(TRUTH)
    truth["synth"]["garbles"] = [
        {"kind": "measures_skipped", "truth_view": {"drop_measure_no": [4]}},
        {"kind": "period_repeated", "truth_view": {"set_all": {"period_text": "ตลอดปี"}}},
    ]
    view = truth_for_input(truth, "transcript")
    assert [m["measure_no"] for m in view["measures"]] == [1]
    assert view["measures"][0]["period_text"] == "ตลอดปี"
    assert truth_for_input(truth, "pdf") is truth and len(truth["measures"]) == 2


def test_find_documents_takes_the_input_asked_for(tmp_path):
    for name in ("a.truth.json", "a.pdf", "a.md", "a.html", "a-html.html", "a-html.truth.json"):
        (tmp_path / name).write_text("x")
    assert [p.name for p, _ in find_documents(tmp_path)] == ["a-html.html", "a.pdf"]
    assert [p.name for p, _ in find_documents(tmp_path, "md")] == ["a-html.html", "a.md"]
    assert [p.name for p, _ in find_documents(tmp_path, "html")] == ["a-html.html", "a.html"]


def test_a_signatory_corrected_as_a_whole_is_judged_against_the_truth_signatories():
    truth = copy.deepcopy(TRUTH)
    truth["document"]["signatories"] = [{"name": "นายวิภาค คงไชย", "position": "ผู้ช่วยนักวิเคราะห์นโยบายและแผน"}]
    truth["pages"][0]["text"] += "\n(นายวิภาค คงไชย)\nผู้ช่วยนักวิเคราะห์นโยบายและแผน"
    raw = truth["pages"][0]["text"].replace("ผู้ช่วยนัก", "วยนัก").replace("คงไชย", "คงไซย")
    field = "document.signatories"
    output = _output(
        raw,
        raw,
        [
            _c("วยนักวิเคราะห์นโยบายและแผน", "ผู้ช่วยนักวิเคราะห์นโยบายและแผน", "line-reread", field),
            _c("นายวิภาค คงไชย", "นายวิภาค คงไซย", "name", field),
            _c("นายวิภาค คงไซย", "นายวิภาด คงไซย", "name", field),
        ],
    )
    verdicts = [c["verdict"] for c in judge_all(truth, output)]
    assert verdicts[:2] == ["right", "harmful"] and verdicts[2] != "right"  # the last: wrong -> wrong


def test_a_field_value_corrected_is_judged_against_the_truth_value_before_the_page_text():
    """The prefix ``ลท`` -> ``สท`` is right: ``ลท`` also stands in the page's text (``ผลท…``), which must
    not make it look like the truth there."""
    truth = copy.deepcopy(TRUTH)
    truth["document"]["doc_number"] = "สท ๘๙๘๗๐/๘๙๖"
    truth["pages"][0]["text"] = "ที่ สท ๘๙๘๗๐/๘๙๖\nผลทางการเงิน"
    raw = "ที่ลท ๘๙๘๗๐/๘๙๖\nผลทางการเงิน"
    output = _output(raw, raw, [_c("ลท", "สท", "doc-number-prefix", "document.doc_number")])
    assert [c["verdict"] for c in judge_all(truth, output)] == ["right"]


def test_a_change_made_while_reading_is_placed_by_its_context():
    """A lone digit read again from the pixels (no item): searched, it is ambiguous; its line's text
    on either side (what the benchmark writes in <stem>.bench.json) places it."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ข้อ ๒ มาตรการ และ ข้อ ๖ แนวทาง"
    raw = "ข้อ ๒ มาตรการ และ ข้อ ๒ แนวทาง"
    fix = _c("๒", "๖", "digit-reader")
    assert _verdicts_of(truth, _output(raw, raw, [dict(fix)])) == ["ambiguous"]
    out = _output(raw, raw, [dict(fix, context=["มาตรการ และ ข้อ", "แนวทาง"])])
    assert _verdicts_of(truth, out) == ["right"]
    out = _output(raw, raw, [dict(fix, context=["ข้อ", "มาตรการ และ"])])
    assert _verdicts_of(truth, out) == ["harmful"]


def test_an_items_earlier_corrections_are_replayed_before_it_is_placed():
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ประจำปีงบประมาณ ๒๕๖๖ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    raw = "ประจำปงบประมาณ ๒๕๖๕ อ้างถึงคำสั่ง ปี ๒๕๖๕"
    first = _c("ประจำปงบประมาณ", "ประจำปีงบประมาณ", "date-words", item="p1.l0", start=0, end=14)
    second = raw.index("๒๕๖๕") + 1  # offsets in the text after the first correction
    out = _output(
        raw, raw, [first, _c("๒๕๖๕", "๒๕๖๖", "fiscal-consistency", item="p1.l0", start=second, end=second + 4)]
    )
    out["items"] = {"p1.l0": raw}
    assert _verdicts_of(truth, out) == ["right", "right"]


def test_a_span_ending_its_line_faces_the_truth_closest_to_it():
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ปลัดเทศบาลตำบลบ้านเสี้ยวได้สร้างมาตรการ"
    item = "ปลัดเทศบาลตำบลบ้ามเสียร"
    out = _output(item, item, [_c("บ้ามเสียร", "บ้านเสี้ยว", "gazetteer", item="p1.l0", start=14, end=23)])
    out["items"] = {"p1.l0": item}
    assert _verdicts_of(truth, out) == ["right"]


def test_a_digit_ending_its_line_faces_the_truth_right_after_its_left_context():
    """``(รอบ ๐`` ends its line, ``เดือน)`` the next: the character alignment tied the ๐ with the truth's last letter
    (the น of ``เรียน``) and judged the right reading ๖ neutral (fresh standard seed 161: 4 such verdicts)."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๐ (รอบ ๖\nเดือน)\nเรียน นายกเทศมนตรีตำบลท่าศาลา"
    raw = "ความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๒๐ (รอบ ๐\nเดือน)\nเรียน นายกเทศมนตรีตำบลท่าศาลา"
    out = _output(raw, raw, [_c("๐", "๖", "digit-reader", context=["ประมาณ ๒๕๖๐ (รอบ", ""])])
    assert [(c["verdict"], c["truth"]) for c in judge_all(truth, out)] == [("right", "6")]


def test_a_speck_deleted_from_a_garbled_line_is_not_judged_by_a_letter_elsewhere():
    """Worn seed 148 doc 13: a lone ``a`` of a garbled table header (150 dpi) dropped as noise; the alignment faced the
    ``a`` of the page's web address and called the drop harmful. Its line's text stands nowhere beside it in the truth:
    unlocated. A dot deleted where its line's text stands beside it in the truth is harmful."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "วิธีการ | ห้วงเวลา | เว็บไซต์ www.maeinglocal.go.th\nประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    raw = "2 7 a en 6 รักตรกวร/แนวทลง\nเว็บไซต์ www.maeinglocal.go.th\nประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    out = _output(raw, raw, [_c("a", "", "noise", context=["", "en"])])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["unlocated"]
    out = _output(raw, raw, [_c(".", "", "noise", context=["ประจำปีงบประมาณ พ", "ศ. ๒๕๖๖"])])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["harmful"]


def test_a_bar_is_cosmetic_and_a_partial_rereading_is_neutral_but_closer():
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "บัดนี้ สำนักปลัดได้ดำเนินการทุกเรื่อง"
    raw = "บัดนี้ | สำนักปลัดได้ดำเนินการ wn เรื่อง"
    fixes = [
        _c("|", "", "noise", context=["บัดนี้", "สำนักปลัด"]),
        _c("wn", "ทก", "thai-reread", context=["ได้ดำเนินการ", "เรื่อง"]),
    ]
    judged = judge_all(truth, _output(raw, raw, fixes))
    assert [c["verdict"] for c in judged] == ["cosmetic", "neutral"] and judged[1].get("closer")
    counts = tally(judged)
    assert counts["thai-reread"]["closer"] == 1 and counts["noise"]["cosmetic"] == 1


def test_a_step_number_written_with_its_measure_is_judged_on_the_step():
    out = _output("", "", [_c("๔๑", "๔.๑", "step-number", field="measures.step_no", page=2)])
    assert _verdicts(out) == ["right"]


@pytest.mark.slow
def test_the_benchmark_notes_place_every_change_of_a_real_scan(tmp_path):
    """samples/memo.png read by real Tesseract: every change made while reading has its line's context,
    found in the page's cleaned text, and the items before clean-up replay into the final texts."""
    import json

    from conftest import SAMPLES

    from ocr_pipeline.bench.__main__ import read_bench_notes, write_bench_notes
    from ocr_pipeline.document_text import apply_to_text, collect_items
    from ocr_pipeline.ingest import open_input
    from ocr_pipeline.model import Correction
    from ocr_pipeline.pipeline import clean_and_extract, read_pages

    inp = open_input(SAMPLES / "memo.png")
    pages = read_pages(inp, None)
    result = clean_and_extract(inp, pages)
    assert all(len(p.read_context) == len(p.corrections) for p in pages)
    write_bench_notes(result, pages, tmp_path / "memo.bench.json")
    output = read_bench_notes({"corrections": [vars(c) for c in result.corrections]}, tmp_path / "memo.bench.json")
    read_fixes = [c for c in output["corrections"] if c["item"] is None and c["rule"] in ("digit-reader", "noise")]
    assert read_fixes and all("context" in c for c in read_fixes)
    squeezed = "".join(result.pages[0].text.split())
    for c in read_fixes:
        left, right = ("".join(x.split()) for x in c["context"])
        assert left[-4:] in squeezed and right[:4] in squeezed
    final = {it.key: it.text for it in collect_items(result.pages, {}, {}).items}
    for key, text in output["items"].items():
        mine = [Correction(**c) for c in output["corrections"] if c.get("item") == key]
        assert apply_to_text(text, mine) == final[key]
    assert json.loads((tmp_path / "memo.bench.json").read_text())["items"]


def test_unmatched_context_holds_no_boundary():
    """Garbage before a span ('“in') can tie the character alignment so that it faces the truth's first
    letters: the boundary is set where the truth fits the span, not where the garbage fell."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "บันทึกข้อความ\nส่วนราชการ สำนักปลัด"
    raw = "“in บนทึกข้อความ"
    out = _output(raw, "“in บันทึกข้อความ", [_c("บนทึกข้อความ", "บันทึกข้อความ", item="p1.l0", start=4, end=16)])
    out["items"] = {"p1.l0": raw}
    judged = judge_all(truth, out)
    assert [c["verdict"] for c in judged] == ["right"]
    assert judged[0]["truth"] == "บันทึกข้อความ"


def test_a_change_made_while_reading_is_placed_by_its_line_in_the_page():
    """A short line ('an ร', a speck read as letters) gives too little context to align alone: it is
    found in the page's text before clean-up and aligned with the page's context there."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = (
        "(Integrity and Transparency Assessment : ITA) นั้น\nจึงเรียนมาเพื่อโปรดทราบ\nต่อไป\n(นางสาวศรีสุดา มองช่อบิดร)"
    )
    raw = truth["pages"][0]["text"].replace("ต่อไป\n", "ต่อไป\nan ร\n")
    out = _output(raw, raw.replace("an ร", "ร"), [_c("an", "", "noise", context=["", "ร"])])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]


def test_a_change_found_in_its_line_but_not_in_the_truth_is_unlocated():
    """Its line is in the page's raw text but too garbled to align: the same letter elsewhere on the page
    (Transparency's n) is no place to judge it."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "(Integrity and Transparency Assessment : ITA) นั้น\nที่ ปจ ๕๓๙๕๔/๔๙๘ วันที่ ๖ พฤษภาคม"
    raw = "(Integrity and Transparency Assessment : ITA) นั้น\nxq ๑4 ๕-9 QV\nn ปจ ๕๓๕๕๕/๕ฒ๕่ วั\ni o jf ๑4 a 1 ๐"
    out = _output(raw, raw.replace("n ปจ", "ที ปจ"), [_c("n", "ที", "thai-reread", context=["", "ปจ ๕๓๕๕๕/๕ฒ๕่ วั"])])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["unlocated"]


def test_a_year_before_an_en_dash_read_as_a_hyphen_faces_the_year():
    """``ต.ค. ๒๕๒๐๕ -`` for ``ต.ค. ๒๕๖๘ – มี.ค.``: OCR writes the period's en dash as a hyphen, which
    left the dash out of the alignment and judged the year's right reading wrong (standard seed 7 doc 5)."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ทุกส่วนราชการ | ต.ค. ๒๕๖๘ – มี.ค. ๒๕๖๙ | มีการรายงานผล"
    raw = "ทุกส่วนราชการ | ต.ค. ๒๕๒๐๕ - มค. ๒๕๒๑ | มีการรายงานผล"
    out = _output(raw, raw.replace("๒๕๒๐๕", "๒๕๖๘"), [_c("๒๕๒๐๕", "๒๕๖๘", "digit-reader", context=["ต.ค.", "-"])])
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]


def test_a_speck_cut_from_a_cell_is_judged_by_the_truth_cells():
    """Fresh worn seed 112 doc 6: ``กองคลัง .`` with the speck cut; in the page's text (bars are no content) the cut
    faced the next cell's ``ต.ค.`` and was called harmful. The truth cell ends after กองคลัง: right. A cut of
    what the truth cell goes on with is harmful."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][1]["text"] = " | ๒.๒ เผยแพร่งบแสดงฐานะการเงิน | กองคลัง | ต.ค. ๒๕๖๐-มี.ค. ๒๕๖๑ | ดำเนินการแล้ว"
    out = _output("", "", [])
    out["items"] = {"p2.t0.r1.c2": "กองคลัง .", "p2.t0.r1.c1": "๒.๒ เผยแพร่งบแสดงฐานะการเงิน"}
    out["corrections"] = [
        _c(" .", "", "noise", "table.responsible", 2, item="p2.t0.r1.c2", start=7, end=9),
        _c("การเงิน", "", "noise", "table.step", 2, item="p2.t0.r1.c1", start=22, end=29),
    ]
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right", "harmful"]
    # inside a cell (doc 16: ``ข่าวสารของ . ประชาชน``, aligned in the page's text to the dot of ``๑.๑`` after it): the text
    # on both sides joined in a truth cell
    truth["pages"][1]["text"] = (
        "๑. มาตรการส่งเสริมการเข้าถึงข้อมูลข่าวสารของประชาชน | ๑.๑ ประชาสัมพันธ์ข้อมูลการจัดซื้อจัดจ้างผ่านเว็บไซต์ของหน่วยงาน"
        " | สำนักปลัด | ธ.ค. ๒๕๖๕"
    )
    out["items"] = {"p2.t0.r1.c0": "๑. มาตรการส่งเสริมการเข้าถึงข้อมูลข่าวสารของ . ประชาชน"}
    out["corrections"] = [_c(" . ", "", "noise", "table.measure", 2, item="p2.t0.r1.c0", start=44, end=47)]
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]


def test_a_change_at_a_cell_start_is_judged_by_the_truth_cells():
    """Worn seed 14 doc 4: ``กองข่างกองพัสดุและ …`` with กองข่าง repaired to กองช่าง at the cell's start; aligned in the
    page's text it had no context on its left and faced what ended the cell before. The truth cell starts with
    กองช่าง before the rest: right; another unit there would not be."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][1]["text"] = (
        "| ๑.๒ ประชาสัมพันธ์ข่าวและกิจกรรมของหน่วยงานผ่านเว็บไซต์และเฟซบุ๊กของหน่วยงาน | กองช่าง กองพัสดุและทรัพย์สิน"
        " | ต.ค. ๒๕๖๘ | ดำเนินการแล้ว"
    )
    out = _output("", "", [])
    out["items"] = {"p2.t0.r3.c2": "กองข่างกองพัสดุและทรัพย์สิน"}  # its specks cut before
    out["corrections"] = [_c("กองข่าง", "กองช่าง", "lexicon", "table.responsible", 2, item="p2.t0.r3.c2", start=0, end=7)]
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]
    out["corrections"] = [_c("กองข่าง", "กองคลัง", "lexicon", "table.responsible", 2, item="p2.t0.r3.c2", start=0, end=7)]
    assert [c["verdict"] for c in judge_all(truth, out)] != ["right"]


def test_a_cut_near_a_cell_s_edge_is_judged_by_the_truth_cell_s_edge():
    """Worn seed 14 doc 4: ``…และแจ้งเวียนให้ทุกส่วนราชการ . ทราบ`` with the speck cut four letters before the cell's
    end; the truth cell ends ``…ราชการทราบ``. The page's alignment had faced the dot of the next row's ``๓.``."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][1]["text"] = (
        "๒. มาตรการป้องกันการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน | (๑) ประชาสัมพันธ์แนวปฏิบัติการใช้ทรัพย์สิน"
        "ของราชการให้พนักงานเทศบาลและพนักงานจ้างทราบ | งานพัสดุ | ต.ค. ๒๕๖๘ - ก.ย. ๒๕๖๙ | จัดทำแนวปฏิบัติการใช้"
        "ทรัพย์สินของราชการ และแจ้งเวียนให้ทุกส่วนราชการทราบ\n๓. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ | (๑) ประชาสัมพันธ์"
    )
    out = _output("", "", [])
    out["items"] = {"p2.t0.r2.c4": "จัดทำแนวปฏิบัติการใช้ทรัพย์สินของราชการ และแจ้งเวียนให้ทุกส่วนราชการ . ทราบ"}
    out["corrections"] = [_c(" . ", "", "noise", "table.result", 2, item="p2.t0.r2.c4", start=68, end=71)]
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]


def test_a_dash_is_judged_by_the_truth_cell_s_own_dash():
    """Rule ``dash`` (an en dash told from a hyphen): the judge folds every dash to a hyphen, so these are judged by
    the truth cell most like the item's text that has as many dashes, its dash of the same rank."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][1]["text"] = "๑. ก | ข | ต.ค. ๒๕๖๓ – มี.ค. ๒๕๖๔\n๔. ค | ง | ตุลาคม - มีนาคม ๒๕๖๔"
    items = {"p2.t0.r1.c3": "ต.ค. ๒๕๖๓ - มี.ค. ๒๕๖๔", "p2.t0.r2.c3": "ตุลาคม - มีนาคม ๒๕๖๔"}
    fixes = [
        _c("-", "–", "dash", "table.period_text", 2, item="p2.t0.r1.c3", start=10, end=11),
        _c("-", "–", "dash", "table.period_text", 2, item="p2.t0.r2.c3", start=7, end=8),
    ]
    out = {**_output("", "", fixes), "items": items}
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right", "harmful"]


def test_a_deletion_is_judged_by_the_seam_it_leaves():
    """Fresh standard seed 159 docs 4 and 11: ``บัดนี นี้ ได้ดำเนินการ``, a letter read twice; removing the second copy
    leaves บัดนี้, but aligned alone its span faced the first copy's letters in the truth and was judged harmful. Where
    the line's text on both sides stands in the truth with nothing between (and nowhere with the span), the deletion
    is right, also where the page repeats the phrase (blind worn seed 158 doc 16: ``นายกเทศมนตรีเมื มือง…``); the other
    way round, harmful."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ที่ผ่านมา บัดนี้ ได้ดำเนินการตามมาตรการ"
    raw = "ที่ผ่านมา บัดนี นี้ ได้ดำเนินการตามมาตรการ"
    twice = _c("นี", "", "double-read", context=["ที่ผ่านมา บัดนี", "้ ได้ดำเนินการต"])
    assert [c["verdict"] for c in judge_all(truth, _output(raw, raw, [twice]))] == ["right"]
    real = _c("นี", "", "noise", context=["ที่ผ่านมา บัด", "้ ได้ดำเนินการต"])
    assert [c["verdict"] for c in judge_all(truth, _output(raw, raw, [real]))] == ["harmful"]
    truth["pages"][0]["text"] = "บัดนี้ ได้ดำเนินการ บัดนี้ ได้ดำเนินการ"
    from ocr_pipeline.bench.corrections import _deletion_seam, squeeze

    repeated = _c("นี", "", "double-read", context=["บัดนี", "้ ได้ดำเนินการ"])
    assert _deletion_seam(repeated, "นี", "", {1: squeeze(truth["pages"][0]["text"])}) == (
        "right",
        {"truth": "", "why": "the seam stands in the truth"},
    )


def test_a_deletion_at_a_line_s_edge_is_judged_by_the_seam_across_the_neighbouring_lines():
    """Standard seed 7 doc 2 and six more: ``บัด`` / ``นี`` / ``นี้ ได้ดำเนินการ``, a syllable read twice at a line's start:
    the line gives three letters on the left, too few for a seam, and the span aligned alone was judged neutral. The
    page as read goes on into the line before; where that settles the seam, it judges. A line before that OCR garbled
    settles nothing: the line's own context judges, its short side taken where the other gives a whole ``CONTEXT``
    (fresh worn seed 218 doc 5: judged harmful by alignment); where that long side stands nowhere, nothing is settled."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "ปรับปรุงการดำเนินงานให้มีประสิทธิภาพยิ่งขึ้น นั้น\nบัดนี้ ได้ดำเนินการตามมาตรการ"
    raw = "ปรับปรุงการดำเนินงานให้มีประสิทธิภาพยิ่งขึ้น นั้น\nบัดนี นี้ ได้ดำเนินการตามมาตรการ"
    twice = _c("นี", "", "double-read", context=["บัด", "นี้ ได้ดำเนินการต"])
    assert [c["verdict"] for c in judge_all(truth, _output(raw, raw, [twice]))] == ["right"]
    garbled = "ปรับปรุงการดำเนินงานให้มีประสิทธิภาพยิ่งขึ้น vat\nบัดนี นี้ ได้ดำเนินการตามมาตรการ"
    assert [c["verdict"] for c in judge_all(truth, _output(garbled, garbled, [twice]))] == ["right"]
    short = _c("นี", "", "double-read", context=["บัด", "นี้ ได้ดำ"])  # both sides short: no seam
    assert [c["verdict"] for c in judge_all(truth, _output(garbled, garbled, [short]))] != ["right"]


def test_a_double_read_s_deletion_is_judged_by_fit_where_its_line_has_other_misreadings():
    """Fresh standard seed 173 doc 4: ``ความเสีย งให้ผู้ ผู้บริหารทราบ`` (เสี่ยง lost its tone mark): the line's text on
    either side of the deleted copy stands nowhere in the truth exactly, and the span aligned alone faced the truth's
    ผู้: judged harmful. The line without the copy fits the truth better by more than half the copy's length: right. A
    speck's deletion is not judged so (its letters may fit a stretch of the page by chance)."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "รายงานผลการบริหารความเสี่ยงให้ผู้บริหารทราบ สำนักปลัด"
    raw = "รายงานผลการบริหารความเสีย งให้ผู้ ผู้บริหารทราบ สำนักปลัด"
    twice = _c("ผู้", "", "double-read", context=["บริหารความเสีย งให้", "ผู้บริหารทราบ สำนัก"])
    assert [c["verdict"] for c in judge_all(truth, _output(raw, raw, [twice]))] == ["right"]
    speck = _c("ผู้", "", "noise", context=["บริหารความเสีย งให้", "ผู้บริหารทราบ สำนัก"])
    assert [c["verdict"] for c in judge_all(truth, _output(raw, raw, [speck]))] != ["right"]


def test_a_clean_up_deletion_placed_by_its_item_is_judged_by_the_seam_it_leaves():
    """The clean-up's ``double-read`` of ``ให้ผู้ ผู้บริหารทราบ`` (standard seed 173 doc 4): aligned alone, the deleted
    ``ผู้`` faced the truth's own ผู้ and came out harmful; its item's text on either side is its context, as for a
    deletion made while reading, and the seam stands in the truth: right. A deletion of text the truth has is harmful."""
    truth = copy.deepcopy(TRUTH)
    truth["pages"][0]["text"] = "รายงานผลการบริหารความเสี่ยงให้ผู้บริหารทราบ สำนักปลัด"
    raw = "รายงานผลการบริหารความเสี่ยงให้ผู้ ผู้บริหารทราบ สำนักปลัด"
    at = raw.index("ผู้ ")
    out = _output(raw, raw.replace("ผู้ ", "", 1), [_c("ผู้ ", "", "double-read", item="p1.l0", start=at, end=at + 4)])
    out["items"] = {"p1.l0": raw}
    assert [c["verdict"] for c in judge_all(truth, out)] == ["right"]
    right = "รายงานผลการบริหารความเสี่ยงให้ผู้บริหารทราบ สำนักปลัด"
    at = right.index("บริหารทราบ")
    out = _output(right, right, [_c("บริหาร", "", "double-read", item="p1.l0", start=at, end=at + 6)])
    out["items"] = {"p1.l0": right}
    assert [c["verdict"] for c in judge_all(truth, out)] == ["harmful"]


def test_a_page_line_dropped_whole_is_judged_by_the_truth_page_s_lines():
    """A row of a line's marks read apart (``A ๐ A 1 a``) dropped with its whole item has no text of its own line to
    align by: right when the truth page has no such line, harmful when it has (``๒๕๖๖``-like numbers a line holds)."""
    raw = "A ๐ A 1 a\n" + TRUTH_TEXT
    out = _output(raw, TRUTH_TEXT, [_c("A ๐ A 1 a", "", "noise", item="p1.l0", start=0, end=9)])
    out["items"] = {"p1.l0": "A ๐ A 1 a"}
    assert _verdicts(out) == ["right"]
    line = "ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๕"
    out = _output(TRUTH_TEXT, TRUTH_TEXT, [_c(line, "", "noise", item="p1.l1", start=0, end=len(line))])
    out["items"] = {"p1.l1": line}
    assert _verdicts(out) == ["harmful"]
    part = _c("a", "", "noise", item="p1.l0", start=8, end=9)  # part of a line: judged as before
    out = _output(raw, TRUTH_TEXT, [part])
    out["items"] = {"p1.l0": "A ๐ A 1 a"}
    assert judge_all(TRUTH, out)[0].get("why") != "no such line"


def test_a_number_read_all_wrong_or_repeated_elsewhere_faces_the_truth_between_its_contexts():
    """Fresh worn seed 222 doc 7: ``lomo`` read for ๒๓๑๖ (no letter of it matches: the alignment set its ends in
    ``ต่อ ๑``) and ``๑๒๓`` -> ``๑๒๗`` ending its line (matched to the ``๑๒๓`` of the next line's ``๑๑๒๓``): both right."""
    truth = copy.deepcopy(TRUTH)
    head = "บันทึกข้อความ\nส่วนราชการ สำนักปลัด เทศบาลเมืองเหล่าอ้อย อำเภอร่องคำ\n"
    truth["pages"][0]["text"] = head + "จังหวัดกาฬสินธุ์ โทร. ๐ ๖๙๖๑ ๒๓๑๖ ต่อ ๑๒๗\nที่ กส ๗๕๗๒๓/๑๑๒๓ วันที่ ๑๕ ตุลาคม ๒๕๖๗"
    raw = "จังหวัดกาฬสินธุ์ 5 โทร. ๐ ๖๙๖๑ lomo , เตื่อ ๑๒๓\nที่ กส ๗๕๗๒๓/๑๑๒๓ วันที่ ๑๕ ตุลาคม ๒๕๖๗"
    fixes = [
        _c("lomo", "๒๓๑๖", "digit-reader", context=["ุ์ 5 โทร. ๐ ๖๙๖๑", ", เตื่อ ๑๒๗"]),
        _c("๑๒๓", "๑๒๗", "digit-reader", context=["๙๖๑ ๒๓๑๖ , เตื่อ", ""]),
    ]
    judged = judge_all(truth, _output(raw, raw, fixes))
    assert [(c["verdict"], c["truth"]) for c in judged] == [("right", "2316"), ("right", "127")]
