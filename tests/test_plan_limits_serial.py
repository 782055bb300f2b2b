"""Batch plan (distinct, stable output names; refusals), limits, plain values of the model, and the
one ExitCode list behind --help and the README (issues 16 and 18)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, run_cli
from hypothesis import given
from hypothesis import strategies as st

from ocr_pipeline import serial
from ocr_pipeline.errors import ExitCode, OverLimit, markdown_table
from ocr_pipeline.ingest import Found, open_input
from ocr_pipeline.limits import Limits, PageSize, pixel_count
from ocr_pipeline.model import Cell, Correction, Line, Page, Table, Word
from ocr_pipeline.plan import NAME_MAX, distinct_names, plan_batch

# --- names ---------------------------------------------------------------------------------------


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_same_stem_in_two_folders_gets_the_folders(tmp_path):
    """Row 3: x/report.md, y/report.html and a literal report-2.md: three distinct result sets."""
    a, b, c = (_touch(tmp_path / p) for p in ("x/report.md", "y/report.html", "report-2.md"))
    assert distinct_names([Found(a), Found(b), Found(c)]) == ["x/report", "y/report", "report-2"]


def test_same_stem_in_one_folder_keeps_the_suffix(tmp_path):
    a, b = _touch(tmp_path / "report.md"), _touch(tmp_path / "report.pdf")
    assert distinct_names([Found(a), Found(b)]) == ["report.md", "report.pdf"]


def test_folder_inputs_mirror_their_path(tmp_path):
    files = [_touch(tmp_path / "in" / p) for p in ("a/x.pdf", "b/x.pdf", "x.pdf")]
    names = distinct_names([Found(f, tmp_path / "in") for f in files])
    assert names == ["a/x", "b/x", "x"]


def test_names_are_stable_whatever_the_order(tmp_path):
    files = [_touch(tmp_path / p) for p in ("x/report.md", "y/report.md", "report.pdf", "z/report.md")]
    forward = dict(zip(files, distinct_names([Found(f) for f in files])))
    backward = dict(zip(reversed(files), distinct_names([Found(f) for f in reversed(files)])))
    assert forward == backward
    assert len(set(forward.values())) == len(files)


def test_run_summary_is_a_reserved_name(tmp_path):
    assert distinct_names([Found(_touch(tmp_path / "run-summary.pdf"))]) == ["run-summary.pdf"]


def test_a_long_thai_name_is_cut_with_a_hash():
    stem = "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส" * 2  # 360 bytes
    other = stem[:-1] + "ก"
    names = distinct_names([Found(Path(f"/x/{stem}.pdf")), Found(Path(f"/x/{other}.pdf"))])
    assert names[0] != names[1]
    for name in names:
        assert len((name + ".corrections.csv").encode()) <= NAME_MAX
        assert name.startswith("รายงานผล") and re.search(r"-[0-9a-f]{8}$", name)


def test_plan_refuses_an_output_over_an_input_and_skips_the_output_folder(tmp_path):
    """Rows 1 and 2 at plan level."""
    src = tmp_path / "t"
    _touch(src / "scan.txt")
    _touch(src / "out" / "report.txt")  # the output folder inside the input folder
    jobs = plan_batch([src], src / "out")
    assert [j.path.name for j in jobs] == ["scan.txt"]
    [job] = plan_batch([src / "scan.txt"], src)
    assert job.error is not None and "would overwrite the input" in job.error.one_line()


def test_plan_refuses_to_replace_a_file_it_did_not_write(tmp_path):
    _touch(tmp_path / "in" / "scan.md")
    _touch(tmp_path / "out" / "scan.txt")  # the user's own notes
    [job] = plan_batch([tmp_path / "in" / "scan.md"], tmp_path / "out")
    assert "did not write" in job.error.one_line()


# --- limits --------------------------------------------------------------------------------------


def test_limits_name_the_option_that_raises_them():
    limits = Limits(max_pixels=60_000_000, max_pages=10, max_upscale=4)
    with pytest.raises(OverLimit, match="--max-pages 11"):
        limits.check_pages(11)
    with pytest.raises(OverLimit, match=r"x8\.6 .*--max-upscale 9"):
        limits.check_page(1, PageSize(3000, 3000, 35))  # row 15
    with pytest.raises(OverLimit, match="--max-pixels 3600M"):
        limits.check_page(1, PageSize(60000, 60000, 300))  # row 12
    limits.check_page(1, PageSize(2480, 3508, 300))  # an A4 page at 300 dpi passes
    assert PageSize(1, 1, None).too_small and not PageSize(2480, 3508, 300).too_small
    assert pixel_count("60M") == 60_000_000 and pixel_count("2.5G") == 2_500_000_000


def test_pdf_with_bytes_after_eof_is_read(tmp_path):
    """Row 16: 8 KB appended after %%EOF (pdfinfo reads it) is not 'truncated'."""
    pdf = tmp_path / "padded.pdf"
    pdf.write_bytes((SAMPLES / "memo.pdf").read_bytes() + b"\0" * 8192)
    inp = open_input(pdf)
    assert inp.pages == 1 and inp.sizes[0].width > 2000


# --- plain values --------------------------------------------------------------------------------

words = st.builds(
    Word,
    text=st.text(min_size=1, max_size=5),
    box=st.tuples(*[st.integers(0, 5000)] * 4),
    conf=st.floats(-1, 100, allow_nan=False),
    space_before=st.booleans(),
)
pages = st.builds(
    Page,
    number=st.integers(1, 500),
    raw_text=st.text(max_size=30),
    text=st.text(max_size=30),
    mean_confidence=st.none() | st.floats(0, 100, allow_nan=False),
    lines=st.lists(
        st.builds(
            Line, text=st.text(max_size=9), box=st.tuples(*[st.integers(0, 99)] * 4), words=st.lists(words, max_size=3)
        ),
        max_size=3,
    ),
    tables=st.lists(
        st.builds(
            Table,
            page=st.integers(1, 9),
            cells=st.lists(
                st.builds(Cell, row=st.integers(0, 5), col=st.integers(0, 5), text=st.text(max_size=5)), max_size=4
            ),
            box=st.none() | st.tuples(*[st.integers(0, 99)] * 4),
        ),
        max_size=2,
    ),
    corrections=st.lists(
        st.builds(
            Correction,
            page=st.none() | st.integers(1, 9),
            field=st.just("pages.text"),
            before=st.text(max_size=4),
            after=st.text(max_size=4),
            rule=st.just("noise"),
            score=st.floats(0, 100),
        ),
        max_size=2,
    ),
    warnings=st.lists(st.text(max_size=10), max_size=2),
    seconds=st.dictionaries(st.sampled_from(["tesseract", "prepare"]), st.floats(0, 10)),
)


@given(pages)
def test_pages_round_trip_through_json(page):
    assert serial.loads(Page, serial.dumps(page)) == page


def test_a_field_added_to_the_model_later_is_a_clean_miss_or_default():
    plain = serial.to_plain(Page(number=1, raw_text="x"))
    del plain["warnings"]  # an entry written before a field existed: its default
    assert serial.from_plain(Page, plain).warnings == []
    del plain["number"]  # a required field missing: a miss, never a guess
    with pytest.raises(serial.SerialError):
        serial.from_plain(Page, plain)
    with pytest.raises(serial.SerialError):
        serial.from_plain(Word, {"text": "a", "box": [1, 2, 3], "conf": 1.0})


# --- exit codes ----------------------------------------------------------------------------------


def test_readme_exit_status_table_is_the_enum():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "README's exit-status table differs from errors.ExitCode: paste markdown_table()"


def test_help_lists_every_exit_code():
    out = run_cli("--help").stdout
    for code in ExitCode:
        assert re.search(rf"^\s+{code.value}\s+\S", out, re.M), code
    assert "--max-pixels" in out and "--scheduler" in out and "--no-cache" in out


def test_every_error_class_has_a_documented_code():
    from ocr_pipeline import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.PipelineError)]
    assert len(classes) >= 13
    for cls in classes:
        assert isinstance(cls.exit_code, ExitCode), cls


def test_no_exit_code_is_defined_outside_errors():
    for path in (ROOT / "ocr_pipeline").rglob("*.py"):
        if path.name == "errors.py":
            continue
        assert not re.search(r"exit_code\s*=\s*\d", path.read_text(encoding="utf-8")), path


def test_results_of_an_earlier_version_without_records_may_be_replaced(tmp_path):
    src = _touch(tmp_path / "in" / "scan.md")
    out = tmp_path / "out"
    _touch(out / "scan.txt")
    (out / "scan.json").write_text(json.dumps({"schema_version": 1, "source": {"path": str(src)}}), encoding="utf-8")
    [job] = plan_batch([src], out)
    assert job.error is None
    (out / "scan.json").write_text(json.dumps({"schema_version": 1, "source": {"path": "other.pdf"}}), encoding="utf-8")
    [job] = plan_batch([src], out)
    assert job.error is not None, "another input's result is not this input's to replace"
