"""Bad input: one clear line on stderr, a documented exit code, no traceback, no output file
for that input, and the rest of the batch still processed (real CLI, real Tesseract)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli
from PIL import Image
from pypdf import PdfWriter

GOOD = SAMPLES / "line.png"  # a small real scan, quick to read


def _one_error_line(stderr: str, name: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr
    errors = [ln for ln in lines if name in ln and "error:" in ln]
    assert len(errors) == 1, stderr
    return errors[0]


def _blank_pdf(path: Path) -> Path:
    Image.new("L", (1240, 1754), 255).save(path, resolution=150)
    return path


def _make(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "nowhere.pdf"
    if kind == "unsupported":
        p = tmp_path / "report.docx"
        p.write_bytes(b"PK\x03\x04 not really a docx")
        return p
    if kind == "empty":
        p = tmp_path / "empty.pdf"
        p.write_bytes(b"")
        return p
    if kind == "corrupt":
        p = tmp_path / "corrupt.pdf"
        p.write_bytes(b"%PDF-1.4\n this is not a real pdf body\n%%EOF\n")
        return p
    if kind == "truncated":
        good = _blank_pdf(tmp_path / "whole.pdf").read_bytes()
        p = tmp_path / "truncated.pdf"
        p.write_bytes(good[: len(good) // 2])
        return p
    if kind == "encrypted":
        src = _blank_pdf(tmp_path / "plain.pdf")
        writer = PdfWriter(clone_from=str(src))
        writer.encrypt("secret")
        p = tmp_path / "locked.pdf"
        with p.open("wb") as fh:
            writer.write(fh)
        return p
    if kind == "blank":
        return _blank_pdf(tmp_path / "blank.pdf")
    if kind == "broken_image":
        p = tmp_path / "broken.png"
        data = GOOD.read_bytes()
        p.write_bytes(data[: len(data) // 3])
        return p
    raise ValueError(kind)


CASES = [
    ("missing", 3, "no such file"),
    ("unsupported", 4, "unsupported file type"),
    ("empty", 5, "empty"),
    ("corrupt", 6, "cannot be read"),
    ("truncated", 6, "truncated"),
    ("encrypted", 7, "encrypted"),
    ("blank", 8, "no text"),
    ("broken_image", 6, "cannot be decoded"),
]


@pytest.mark.parametrize("kind, code, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_fails_alone_and_batch_goes_on(tmp_path, out_dir, kind, code, words):
    bad = _make(tmp_path, kind)
    before = bad.read_bytes() if bad.exists() else None
    proc = run_cli(str(bad), str(GOOD), "-o", str(out_dir))
    assert proc.returncode == code, proc.stderr
    line = _one_error_line(proc.stderr, bad.name)
    assert words in line.lower()
    assert ";" in line  # what is wrong; what to do
    assert not list(out_dir.glob(f"{bad.stem}.*")), "no output for the failed input"
    assert (out_dir / "line.json").is_file(), "the good input of the batch was still processed"
    assert not list(out_dir.glob(".*.tmp")), "no temporary files left behind"
    if before is not None:
        assert bad.read_bytes() == before, "input files are never modified"


def test_debug_shows_traceback(tmp_path, out_dir):
    proc = run_cli(str(_make(tmp_path, "corrupt")), "-o", str(out_dir), "--debug")
    assert proc.returncode == 6
    assert "Traceback" in proc.stderr


def test_tesseract_not_installed(tmp_path, out_dir):
    transcript = tmp_path / "note.txt"
    transcript.write_text("บันทึกข้อความ\nส่วนราชการ สำนักปลัด เทศบาลตำบลกกโก\n", encoding="utf-8")
    proc = run_cli(
        str(GOOD), str(transcript), "-o", str(out_dir), env={"OCR_PIPELINE_TESSERACT": str(tmp_path / "no-tesseract")}
    )
    assert proc.returncode == 9
    line = _one_error_line(proc.stderr, GOOD.name)
    assert "tesseract is not installed" in line.lower() and "apt-get install" in line
    assert (out_dir / "note.json").is_file(), "transcripts need no OCR and are still processed"


def test_thai_language_data_missing(tmp_path, out_dir):
    empty = tmp_path / "tessdata"
    empty.mkdir()
    proc = run_cli(str(GOOD), "-o", str(out_dir), env={"TESSDATA_PREFIX": str(empty)})
    assert proc.returncode == 9
    line = _one_error_line(proc.stderr, GOOD.name)
    assert "tesseract-ocr-tha" in line


def test_thai_script_model_missing(tmp_path, out_dir):
    """The Thai script model (which reads signature names again) is needed like the tha model."""
    from ocr_pipeline.cache import tessdata_dir

    partial = tmp_path / "tessdata"
    partial.mkdir()
    for lang in ("tha", "eng"):
        (partial / f"{lang}.traineddata").symlink_to(Path(tessdata_dir()) / f"{lang}.traineddata")
    proc = run_cli(str(GOOD), "-o", str(out_dir), env={"TESSDATA_PREFIX": str(partial)})
    assert proc.returncode == 9
    line = _one_error_line(proc.stderr, GOOD.name)
    assert "missing: Thai;" in line and "tesseract-ocr-script-thai" in line


def test_no_supported_files_in_folder(tmp_path, out_dir):
    (tmp_path / "notes.docx").write_bytes(b"x")
    proc = run_cli(str(tmp_path), "-o", str(out_dir))
    assert proc.returncode == 4
    assert "no supported files" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_errors_exit_2(out_dir):
    assert run_cli().returncode == 2
    assert run_cli("x.pdf", "--jobs", "0").returncode == 2
