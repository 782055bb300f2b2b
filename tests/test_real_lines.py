"""The real-lines yardstick: its scores, and the unpacking of the THND test set's odd half (on a small
repository made here: CI cannot reach the THND repository, and its files have no licence to be copied)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr_pipeline.bench import real_lines as rl
from ocr_pipeline.bench.__main__ import main as bench_main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import unpack_thnd  # noqa: E402

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"


def test_line_cer_normalises_thai_and_spaces() -> None:
    # sara am written as nikhahit + aa, and doubled spaces, are no errors
    assert rl.line_cer("คำสั่ง  ที่ ๑", "ค\u0e4d\u0e32สั่ง ที่ ๑") == (0, 0.0)
    d, cer = rl.line_cer("ปีที่ ๑", "ปีที ๑")
    assert d == 1 and cer == pytest.approx(1 / 7)


def test_thai_digit_errors_count_arabic_and_missing_digits() -> None:
    assert rl.thai_digit_errors("วันที่ ๑๗ มีนาคม ๒๕๖๔", "วันที่ ๑๗ มีนาคม ๒๕๖๔") == 0
    assert rl.thai_digit_errors("วันที่ ๑๗ มีนาคม ๒๕๖๔", "วันที่ ๑9 มีนาคม ๒๕๒๕") == 3  # Latin 9, two wrong
    assert rl.thai_digit_errors("ปีที่ ๑ และ", "ปีที่ และ") == 1  # lost
    assert rl.thai_digit_errors("หน้าที่ ให้", "๐ 1๒ หน้าที่ ให้") == 3  # made up


def test_the_truths_arabic_numbers_are_set_aside() -> None:
    truth = "โคโรนา 2019 หรือโรคโควิด 19 ข้อ ๓"
    assert rl.thai_digit_errors(truth, "โคโรนา 2019 หรือโรคโควิด 19 ข้อ ๓") == 0
    assert rl.thai_digit_errors(truth, "โคโรนา 2019 หรือโรคโควิด 19 ข้อ ๓", set_arabic_aside=False) == 6
    assert rl.thai_digit_errors(truth, "โคโรนา 2019 หรือโรคโควิด 19 ข้อ ๕") == 1


def test_latin_inside_a_thai_number_is_counted() -> None:
    assert rl.latin_in_thai_numbers("ตั้งแต่วันที่ ๑9 มีนาคม ๒๕o๓") == 2
    assert rl.latin_in_thai_numbers("ฝุ่นละออง PM2.5 และ ๑๐/๒๕๖๔ COVID 19") == 0
    assert rl.latin_in_thai_numbers("เลขที่ ๑๒/ab") == 2


def _line_image(path: Path, text: str) -> None:
    font = ImageFont.truetype(FONT, 40)
    img = Image.new("L", (40 + int(font.getlength(text)), 70), 255)
    ImageDraw.Draw(img).text((20, 5), text, font=font, fill=0)
    img.save(path, dpi=(300, 300))


@pytest.mark.slow
def test_real_lines_bench_reads_and_scores_a_folder(tmp_path: Path, capsys) -> None:
    """The bench end to end on two rendered lines: the real pipeline and the real Tesseract."""
    for name, text in (("01", "ประจำปีการศึกษา ๒๕๖๔ ในวันที่ ๑๐ ตุลาคม"), ("03", "ตามนัยมาตรา ๑๐ (๒)")):
        _line_image(tmp_path / f"{name}.png", text)
        (tmp_path / f"{name}.gt.txt").write_text(text + "\n", encoding="utf-8")
    assert bench_main(["real-lines", str(tmp_path), "--json", "--split", "1"]) == 0
    out = __import__("json").loads(capsys.readouterr().out)
    assert set(out["figures"]) == {"all", "<= 1", "> 1"}
    pipeline = out["figures"]["all"]["pipeline"]
    assert pipeline["lines"] == 2 and pipeline["thai_digits"] == 9
    assert pipeline["line_cer"] < 10.0  # crisp 300-dpi renders: the pipeline reads them nearly exactly
    assert [line["name"] for line in out["lines"]] == ["01", "03"]
    assert set(out["lines"][0]["scores"]) == {"pipeline", "tesseract"}


def test_real_lines_bench_says_what_to_do_with_an_empty_folder(tmp_path: Path, capsys) -> None:
    assert bench_main(["real-lines", str(tmp_path)]) == 3
    assert "unpack_thnd.py" in capsys.readouterr().err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _fake_thnd(repo: Path, truth_path: str) -> str:
    """A repository shaped like THND's: 110 images and a truth CSV with a blank line between batches."""
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "testset").mkdir()
    for n in range(1, 111):
        Image.new("L", (8, 4), n).save(repo / "testset" / f"{n:02d}.jpg")
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["", "Sentences", "Tesseract (tha)"])
    for n in range(1, 111):
        if n == 29:
            w.writerow(["", "", ""])  # the blank line the real file has
        w.writerow([(n - 1) % 2, f"บรรทัด {n}", "x"])
    (repo / truth_path).parent.mkdir(parents=True, exist_ok=True)
    (repo / truth_path).write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "fake")
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.parametrize("truth_path", ["report_performace_final.csv", "05 testingg/report_performace_final.csv"])
def test_unpack_takes_only_the_odd_images_and_their_rows(tmp_path: Path, truth_path: str) -> None:
    commit = _fake_thnd(tmp_path / "repo", truth_path)
    out = tmp_path / "odd"
    assert unpack_thnd.main([str(tmp_path / "repo"), "--commit", commit, "--out", str(out)]) == 0
    images = sorted((p.name for p in out.glob("*.jpg")), key=lambda name: int(name[:-4]))
    assert images == [f"{n:02d}.jpg" for n in range(1, 111, 2)]
    # row n-1 (blank line skipped) is image n: image 31 after the blank line still gets its own row
    for n in (1, 27, 29, 31, 109):
        assert (out / f"{n:02d}.gt.txt").read_text(encoding="utf-8") == f"บรรทัด {n}\n"
        assert Image.open(out / f"{n:02d}.jpg").getpixel((0, 0)) == pytest.approx(n, abs=3)


def test_unpack_reports_a_missing_commit(tmp_path: Path, capsys) -> None:
    _fake_thnd(tmp_path / "repo", "report_performace_final.csv")
    assert unpack_thnd.main([str(tmp_path / "repo"), "--commit", "0" * 40, "--out", str(tmp_path / "o")]) == 2
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
