"""The real CLI on the bundled samples with the real Tesseract, poppler and gazetteer:
the four files per input, their content, and the JSON against the output contract."""

from __future__ import annotations

import hashlib
import json
import shutil

import pandas as pd
import pytest
from conftest import SAMPLES, load_json, run_cli
from contract import MEASURE_CSV_COLUMNS, check_result_json

from ocr_pipeline.schema import CORRECTION_CSV_COLUMNS

INPUTS = {"report2": "report2.pdf", "memo": "memo.png", "report": "report.md"}
HEADINGS = ["มาตรการ", "วิธีการ", "รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินการ"]  # as report2 words them


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One run over a PDF report, the PNG memo and the markdown transcript."""
    out = tmp_path_factory.mktemp("out")
    inputs = [SAMPLES / name for name in INPUTS.values()]
    proc = run_cli(*map(str, inputs), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out, proc


def _files(out, stem):
    return [out / f"{stem}{ext}" for ext in (".json", ".measures.csv", ".txt", ".corrections.csv")]


@pytest.mark.parametrize("stem", ["report2", "memo", "report"])
def test_four_files_per_input_and_valid_json(batch, stem):
    out, _ = batch
    for path in _files(out, stem):
        assert path.is_file() and path.stat().st_size > 0, path
    data = load_json(out / f"{stem}.json")
    check_result_json(data)
    source = SAMPLES / INPUTS[stem]
    assert data["source"]["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()


def test_pdf_report_has_agency_and_table_headings(batch):
    out, _ = batch
    data = load_json(out / "report2.json")
    truth = load_json(SAMPLES / "report2.truth.json")
    assert data["source"]["kind"] == "pdf" and data["source"]["pages"] == 3
    text = "\n".join(p["text"] for p in data["pages"])
    assert truth["document"]["agency"] in text
    for heading in HEADINGS:
        assert heading in text.replace(" ", ""), heading
    assert data["document"]["agency"] == truth["document"]["agency"]
    assert data["document"]["province"] == truth["document"]["province"]
    assert len(data["measures"]) == len(truth["measures"])
    for p in data["pages"]:
        assert p["raw_text"].strip() and p["mean_confidence"] > 50


def test_png_memo_fields(batch):
    out, _ = batch
    data = load_json(out / "memo.json")
    truth = load_json(SAMPLES / "memo.truth.json")
    assert data["source"]["kind"] == "image" and data["source"]["pages"] == 1
    assert truth["document"]["agency"] in data["pages"][0]["text"]
    for name in ("agency", "district", "province", "addressee"):
        assert data["document"][name] == truth["document"][name], name
    assert data["measures"] == []


def test_transcript_measures_match_truth(batch):
    out, _ = batch
    data = load_json(out / "report.json")
    truth = load_json(SAMPLES / "report.truth.json")
    assert data["source"]["kind"] == "transcript"
    got = [(m["measure_no"], m["step_no"]) for m in data["measures"]]
    want = [(m["measure_no"], m["step_no"]) for m in truth["measures"]]
    assert got == want
    assert [m["responsible"] for m in data["measures"]][1:3] == [m["responsible"] for m in truth["measures"]][1:3]


def test_csv_files_open_in_pandas_and_excel(batch):
    out, _ = batch
    raw = (out / "report2.measures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark for Excel"
    frame = pd.read_csv(out / "report2.measures.csv", encoding="utf-8-sig")
    assert list(frame.columns) == list(MEASURE_CSV_COLUMNS)
    assert frame["measure_no"].dtype.kind == "i", "numbers stay integers (1, not 1.0)"
    combined = pd.read_csv(out / "measures.csv", encoding="utf-8-sig")
    assert list(combined.columns) == ["source", *MEASURE_CSV_COLUMNS]
    assert set(combined["source"]) == {str(SAMPLES / "report2.pdf"), str(SAMPLES / "report.md")}
    corrections = pd.read_csv(out / "report2.corrections.csv", encoding="utf-8-sig")
    assert list(corrections.columns) == list(CORRECTION_CSV_COLUMNS)


def test_text_file_separates_pages_with_form_feeds(batch):
    out, _ = batch
    text = (out / "report2.txt").read_text(encoding="utf-8")
    assert text.count("\f") == 2
    assert "\u0e4d\u0e32" not in text, "sara am is normalised in the cleaned text"


def test_raw_text_is_kept_as_read(batch):
    out, _ = batch
    data = load_json(out / "report2.json")
    assert any("\u0e4d\u0e32" in p["raw_text"] for p in data["pages"]), (
        "Tesseract writes sara am as nikhahit + aa; raw_text keeps it for audit"
    )


def test_single_line_image_is_read_as_one_line(out_dir):
    proc = run_cli(str(SAMPLES / "line.png"), "-o", str(out_dir))
    assert proc.returncode == 0, proc.stderr
    data = load_json(out_dir / "line.json")
    assert len(data["pages"][0]["text"].strip().splitlines()) == 1
    assert "วันที่" in data["pages"][0]["text"]


def test_multipage_tiff_and_low_resolution_scan(out_dir):
    proc = run_cli(str(SAMPLES / "scan.tif"), str(SAMPLES / "lowres.png"), "-o", str(out_dir), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    tif = load_json(out_dir / "scan.json")
    assert tif["source"]["pages"] == 2 and len(tif["pages"]) == 2
    low = load_json(out_dir / "lowres.json")
    truth = load_json(SAMPLES / "lowres.truth.json")
    assert truth["document"]["agency"] in low["pages"][0]["text"], "150-dpi scan upscaled and read"


def test_folder_input_is_recursive_and_sorted(tmp_path, out_dir):
    nested = tmp_path / "in" / "sub"
    nested.mkdir(parents=True)
    shutil.copy(SAMPLES / "report.md", tmp_path / "in" / "b.md")
    shutil.copy(SAMPLES / "report.html", nested / "a.html")
    (tmp_path / "in" / "notes.json").write_text("{}", encoding="utf-8")  # not an input: ignored
    proc = run_cli(str(tmp_path / "in"), "-o", str(out_dir))
    assert proc.returncode == 0, proc.stderr
    # results mirror the folder given: in/sub/a.html -> out/sub/a.json
    assert (out_dir / "sub" / "a.json").is_file() and (out_dir / "b.json").is_file()
    assert not (out_dir / "notes.json").exists()
    sources = pd.read_csv(out_dir / "measures.csv", encoding="utf-8-sig")["source"].unique().tolist()
    assert sources == sorted(sources)  # sorted by path: in/b.md before in/sub/a.html
    check_result_json(json.loads((out_dir / "sub" / "a.json").read_text(encoding="utf-8")))


def test_help_and_version():
    proc = run_cli("--help")
    assert proc.returncode == 0
    for words in ("OUTDIR", "measures.csv", "exit status", "--jobs", "corrections"):
        assert words in proc.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("ocr-pipeline ")


def _scan_of(path, image):
    image.save(path, dpi=(300, 300))
    return path


def test_borderless_table_falls_back_to_word_columns(tmp_path, out_dir):
    """samples/table.pdf with its rules erased: columns come from word positions, with a warning."""
    from pathlib import Path

    import cv2
    import numpy as np
    from PIL import Image

    from ocr_pipeline.ingest.pdf import render_pdf_page
    from ocr_pipeline.layout.grid import find_grids
    from ocr_pipeline.layout.preprocess import prepare_page

    gray, dpi, _ = prepare_page(render_pdf_page(Path(SAMPLES / "table.pdf"), 1), 300)
    [grid] = find_grids(gray, dpi)
    gray[cv2.dilate(grid.line_mask, np.ones((5, 5), np.uint8)) > 0] = 255
    scan = _scan_of(tmp_path / "borderless.png", Image.fromarray(gray))
    proc = run_cli(str(scan), "-o", str(out_dir))
    assert proc.returncode == 0, proc.stderr
    data = load_json(out_dir / "borderless.json")
    truth = load_json(SAMPLES / "table.truth.json")
    assert any("without rules" in w for w in data["warnings"])
    assert len(truth["measures"]) - 1 <= len(data["measures"]) <= len(truth["measures"])
    got = {(m["measure_no"], m["responsible"]) for m in data["measures"]}
    assert (1, truth["measures"][0]["responsible"]) in got


def test_a_table_that_is_no_measure_table_goes_to_tables(tmp_path, out_dir):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", 60)
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    draw.text((300, 300), "บัญชีรายชื่อผู้เข้าร่วมประชุม", font=font, fill=0)
    xs, ys = [300, 600, 1500, 2100], [500, 650, 800, 950]
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=4)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=4)
    rows = [["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง"], ["๑", "นายสมชาย ใจดี", "ปลัด"], ["๒", "นางสมหญิง ดีมาก", "ครู"]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text((xs[c] + 30, ys[r] + 40), text, font=font, fill=0)
    scan = _scan_of(tmp_path / "attendance.png", page)
    proc = run_cli(str(scan), "-o", str(out_dir))
    assert proc.returncode == 0, proc.stderr
    data = load_json(out_dir / "attendance.json")
    assert data["measures"] == []
    [table] = data["tables"]
    assert table["page"] == 1 and len(table["rows"]) == 3 and len(table["box"]) == 4
    assert "ตำแหน่ง" in table["rows"][0][2]
    assert any("not a measure table" in w for w in data["warnings"])


def test_output_files_are_ordinary_files(batch):
    import os

    out, _ = batch
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "report2.json").stat().st_mode & 0o777 == 0o666 & ~umask
