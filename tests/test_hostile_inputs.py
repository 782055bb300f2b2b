"""Issue 16's table of hostile inputs and situations, row by row, through the real CLI: nothing is
lost or overwritten, every failure is one line with a documented exit code, the batch goes on."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, load_json, run_cli
from PIL import Image
from pypdf import PdfWriter

REPORT = SAMPLES / "report.md"  # a transcript: the whole pipeline without OCR
NOTE_TEXT = "บันทึกข้อความ\nส่วนราชการ สำนักปลัด เทศบาลตำบลกกโก\n"  # a tiny transcript: quicker still


@pytest.fixture
def note(tmp_path) -> Path:
    path = tmp_path / "notes" / "report.md"
    path.parent.mkdir()
    path.write_text(NOTE_TEXT, encoding="utf-8")
    return path


def _errors(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [ln for ln in stderr.splitlines() if "error:" in ln]


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)
    return dst


def test_row1_output_over_its_own_input_is_refused(tmp_path, note):
    scan = _copy(note, tmp_path / "t" / "scan.txt")
    proc = run_cli(str(scan), "-o", str(tmp_path / "t"))
    assert proc.returncode == 10
    [line] = _errors(proc.stderr)
    assert "would overwrite the input" in line and "-o" in line
    assert scan.read_bytes() == note.read_bytes(), "the input is untouched"


@pytest.mark.slow
def test_row2_output_folder_inside_the_input_folder_is_not_read_again(tmp_path):
    src = tmp_path / "ri"
    _copy(REPORT, src / "report.md")
    first = run_cli(str(src), "-o", str(src / "out"))
    assert first.returncode == 0, first.stderr
    good = (src / "out" / "report.json").read_bytes()
    assert len(load_json(src / "out" / "report.json")["measures"]) == 10
    second = run_cli(str(src), "-o", str(src / "out"), "--no-cache")
    assert second.returncode == 0, second.stderr
    assert (src / "out" / "report.json").read_bytes() == good
    assert not (src / "out" / "out").exists() and "out/report.txt" not in second.stdout
    # and an earlier run's results beside the inputs are not inputs either
    third = run_cli(str(src / "report.md"), "-o", str(src))
    assert third.returncode == 0, third.stderr
    assert (src / "report.txt").is_file()
    fourth = run_cli(str(src), "-o", str(tmp_path / "elsewhere"))
    assert fourth.returncode == 0, fourth.stderr
    assert sorted(p.name for p in (tmp_path / "elsewhere").glob("*.json")) == ["report.json", "run-summary.json"]


def test_row3_same_stems_get_distinct_names(tmp_path, note):
    x = _copy(note, tmp_path / "sc" / "x" / "report.md")
    y = _copy(note, tmp_path / "sc" / "y" / "report.html")
    lit = _copy(note, tmp_path / "sc" / "report-2.md")
    out = tmp_path / "sco"
    proc = run_cli(str(x), str(y), str(lit), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    for name, src in (("x/report", x), ("y/report", y), ("report-2", lit)):
        assert load_json(out / f"{name}.json")["source"]["path"] == str(src)
    assert proc.stdout.count("report-2.json") == 1


def test_row4_a_result_path_that_is_a_folder_changes_nothing(tmp_path, note):
    out = tmp_path / "ps"
    (out / "report.txt").mkdir(parents=True)
    (out / "report.corrections.csv").write_text("old\n", encoding="utf-8")
    proc = run_cli(str(note), "-o", str(out))
    assert proc.returncode == 10
    [line] = _errors(proc.stderr)
    assert "is a folder" in line
    assert not (out / "report.json").exists() and not (out / "report.measures.csv").exists()
    assert (out / "report.corrections.csv").read_text(encoding="utf-8") == "old\n"


def test_row5_a_name_over_the_limit_fails_alone(tmp_path, note):
    long_name = "/tmp/" + "z" * 300 + ".md"
    proc = run_cli(long_name, str(note), "-o", str(tmp_path / "out"))
    assert proc.returncode == 3
    [line] = _errors(proc.stderr)
    assert "longer than the file system allows" in line
    assert (tmp_path / "out" / "report.json").is_file()


def _as_unprivileged(*args: str) -> list[str]:
    command = [sys.executable, "-m", "ocr_pipeline", *args]
    if os.geteuid() == 0:  # root reads everything: drop the capabilities, as the issue does
        command = ["setpriv", "--bounding-set", "-all", "--inh-caps", "-all", *command]
    return command


def test_row6_unreadable_file_and_folder_fail_alone(tmp_path, note):
    locked_file = _copy(note, tmp_path / "locked.md")
    locked_dir = tmp_path / "tree" / "locked"
    _copy(note, locked_dir / "a.md")
    _copy(note, tmp_path / "tree" / "ok.md")
    locked_file.chmod(0)
    locked_dir.chmod(0)
    try:
        proc = subprocess.run(
            _as_unprivileged(str(locked_file), str(tmp_path / "tree"), "-o", str(tmp_path / "out")),
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
    finally:
        locked_dir.chmod(0o755)
        locked_file.chmod(0o644)
    assert proc.returncode == 13, proc.stderr
    lines = _errors(proc.stderr)
    assert len(lines) == 2 and all("permission denied" in ln for ln in lines)
    assert "locked.md" in lines[0] and "tree/locked" in lines[1]
    assert (tmp_path / "out" / "ok.json").is_file()


@pytest.mark.slow
def test_row7_closed_or_full_stdout_does_not_stop_the_batch(tmp_path, note):
    command = [sys.executable, "-m", "ocr_pipeline", str(note), str(_copy(note, note.with_suffix(".html")))]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    closed = subprocess.Popen(
        [*command, "-o", str(tmp_path / "a")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    closed.stdout.close()  # as `| true` does
    err = closed.stderr.read().decode()
    assert closed.wait(timeout=300) == 0, err
    assert "Traceback" not in err and "standard output cannot be written" in err
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*command, "-o", str(tmp_path / "b")], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
        )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    for out in ("a", "b"):
        assert (tmp_path / out / "report.md.json").is_file() and (tmp_path / out / "report.html.json").is_file()


def test_row11_stale_temp_files_and_scratch_folders_are_removed(tmp_path, note):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".report.json.abcd1234.tmp"
    stale.write_text("{", encoding="utf-8")
    tmp = tmp_path / "tmp"
    dead_run = tmp / "ocrp-run-99999-abc"
    dead_run.mkdir(parents=True)
    (dead_run / ".lock").write_text("", encoding="utf-8")
    old_call = tmp / "ocrp-k3j9x0"
    old_call.mkdir()
    os.utime(old_call, (0, 0))
    proc = run_cli(str(note), "-o", str(out), env={"TMPDIR": str(tmp)})
    assert proc.returncode == 0, proc.stderr
    assert not stale.exists() and not dead_run.exists() and not old_call.exists()
    assert not list(tmp.glob("ocrp-*")), "this run's own scratch folder is gone too"


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that says it is width x height (nothing past the header is ever decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\0" + b"\xff" * 100
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row)) + chunk(b"IEND", b"")
    )
    return path


def test_row12_decompression_bomb_is_over_the_pixel_limit(tmp_path, note):
    bomb = _png_header_only(tmp_path / "bomb.png", 60000, 60000)
    proc = run_cli(str(bomb), str(note), "-o", str(tmp_path / "out"))
    assert proc.returncode == 12
    [line] = _errors(proc.stderr)
    assert "60000x60000" in line and "--max-pixels 3600M" in line
    assert (tmp_path / "out" / "report.json").is_file()


def test_row13_a_huge_pdf_page_is_over_the_pixel_limit(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=20000, height=20000)
    pdf = tmp_path / "poster.pdf"
    with pdf.open("wb") as fh:
        writer.write(fh)
    proc = run_cli(str(pdf), "-o", str(tmp_path / "out"))
    assert proc.returncode == 12
    [line] = _errors(proc.stderr)
    assert "--max-pixels" in line and "83333x83333" in line


def test_row14_a_one_pixel_image_is_a_blank_page(tmp_path):
    Image.new("L", (1, 1), 255).save(tmp_path / "dot.png")
    proc = run_cli(str(tmp_path / "dot.png"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 8
    [line] = _errors(proc.stderr)
    assert "no text found" in line and "cv2" not in proc.stderr


@pytest.mark.slow
def test_row15_a_35_dpi_tag_on_a_big_image_is_over_the_upscale_limit(tmp_path):
    Image.new("L", (3000, 3000), 255).save(tmp_path / "tagged.png", dpi=(35, 35))
    proc = run_cli(str(tmp_path / "tagged.png"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 12
    [line] = _errors(proc.stderr)
    assert "x8.6" in line and "--max-upscale 9" in line
    raised = run_cli(str(tmp_path / "tagged.png"), "-o", str(tmp_path / "out"), "--max-upscale", "9")
    assert raised.returncode == 12 and "--max-pixels 662M" in raised.stderr, "then the pixel limit still holds"


def test_row17_long_input_names_get_results(tmp_path, note):
    name226 = _copy(note, tmp_path / ("ร" * 74 + "abcd.md"))  # 226 bytes
    assert len(name226.name.encode()) == 229 and len(name226.stem.encode()) == 226
    name250 = _copy(note, tmp_path / ("x" * 250 + ".md"))
    proc = run_cli(str(name226), str(name250), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / f"{name226.stem}.corrections.csv").is_file()
    [cut] = [p for p in (tmp_path / "out").glob("x*.json")]
    assert len(cut.name.encode()) < 255 and load_json(cut)["source"]["path"] == str(name250)


@pytest.mark.slow
def test_row18_a_corrupt_tiff_page_is_one_line_of_ours(tmp_path):
    page = Image.open(SAMPLES / "line.png").convert("L")
    good = tmp_path / "good.tif"
    page.save(good, save_all=True, append_images=[page, page], compression="tiff_adobe_deflate", dpi=(300, 300))
    data = bytearray(good.read_bytes())
    with Image.open(good) as img:
        img.seek(1)
        offset, length = img.tag_v2[273][0], img.tag_v2[279][0]
    data[offset + 10 : offset + length - 10] = b"\x55" * (length - 20)
    bad = tmp_path / "bad.tif"
    bad.write_bytes(bytes(data))
    proc = run_cli(str(bad), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert proc.returncode == 6
    [line] = _errors(proc.stderr)
    assert line.startswith(f"{bad}: error: page 2 of the image cannot be decoded") and "libtiff: " in line
    assert [ln for ln in proc.stderr.splitlines() if "Decod" in ln] == [line], "libtiff's own line is not printed"


def test_row20_output_folder_that_is_a_file_is_found_before_any_ocr(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    proc = run_cli(str(SAMPLES / "report2.pdf"), "-o", str(tmp_path / "afile"))
    assert proc.returncode == 10
    assert proc.stderr.strip().splitlines() == [
        f"error: the output folder {tmp_path / 'afile'} is a file; give a folder with -o OUTDIR"
    ]


@pytest.mark.slow
def test_results_are_ours_to_replace_but_not_a_users_file(tmp_path, note):
    out = tmp_path / "out"
    assert run_cli(str(note), "-o", str(out)).returncode == 0
    assert run_cli(str(note), "-o", str(out), "--no-cache").returncode == 0, "our own results are replaced"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.txt").write_text("my notes\n", encoding="utf-8")
    proc = run_cli(str(note), "-o", str(mine))
    assert proc.returncode == 10 and "would replace a file this tool did not write" in proc.stderr
    assert (mine / "report.txt").read_text(encoding="utf-8") == "my notes\n"
    assert not (mine / "report.json").exists()


def test_quiet_prints_errors_only_and_the_summary_file_has_the_reasons(tmp_path, note):
    missing = tmp_path / "nowhere.pdf"
    proc = run_cli(str(note), str(missing), "-o", str(tmp_path / "out"), "-q")
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"{missing}: error: no such file; check the path"]
    summary = load_json(tmp_path / "out" / "run-summary.json")
    assert summary["processed"] == 1 and summary["failed"] == 1 and summary["exit_status"] == 3
    assert summary["failures"] == [{"input": str(missing), "exit_status": 3, "reason": "no such file; check the path"}]
    done = summary["documents"][0]
    assert done["status"] == "done" and done["pages"] == 1 and "corrections" in done and "warnings" in done


def test_progress_bar_on_a_terminal(tmp_path, note):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ocr_pipeline",
            str(note),
            str(_copy(note, note.with_suffix(".html"))),
            "-o",
            str(tmp_path / "out"),
        ],
        stdout=subprocess.PIPE,
        stderr=slave,
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end is closed
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    assert proc.wait(timeout=300) == 0
    text = screen.decode(errors="replace")
    assert "2/2" in text and "pages/min" in text and "doc" in text, text
    assert proc.stdout.read().decode().count("-> ") == 2, "results still go to stdout, one line each"
