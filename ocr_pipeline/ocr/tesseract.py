"""Tesseract through pytesseract: one run gives the text (with Tesseract's own spacing) and the
TSV boxes; both are joined into ``Line`` objects whose words carry boxes and confidences.

Tesseract splits Thai into one TSV "word" per character cluster (tesseract#2702), so word
boundaries come from the text output, not from the TSV.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytesseract
from PIL import Image

from ocr_pipeline.errors import OcrEngineMissing, OcrFailed
from ocr_pipeline.model import Line, Word, union_box

LANGS = "tha+eng"
REQUIRED_LANGS = LANGS + "+Thai"  # Thai: the Thai script model, which reads signature names again
PACKAGES = {"Thai": "tesseract-ocr-script-thai"}  # Debian packages of languages not named tesseract-ocr-<lang>
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one single-threaded Tesseract per worker process
# another Tesseract binary can be named in the environment (TESSDATA_PREFIX picks its data)
pytesseract.pytesseract.tesseract_cmd = os.environ.get("OCR_PIPELINE_TESSERACT", "tesseract")


@cache
def check_tesseract(langs: str = REQUIRED_LANGS) -> str:
    """Tesseract's version; raises OcrEngineMissing if the program or a language is missing."""
    try:
        version = str(pytesseract.get_tesseract_version())
        available = _languages()
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrEngineMissing("Tesseract is not installed") from exc
    missing = [lang for lang in langs.split("+") if lang not in available]
    if missing:
        raise OcrEngineMissing(
            f"Tesseract language data missing: {', '.join(missing)}",
            "install it with: apt-get install " + " ".join(PACKAGES.get(m, f"tesseract-ocr-{m}") for m in missing),
        )
    return version


def _languages() -> set[str]:
    """The languages Tesseract lists (``pytesseract.get_languages`` skips capitalised script
    models such as ``Thai``)."""
    listed = subprocess.run(
        [pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True, text=True, timeout=60
    )
    return {ln.strip() for ln in listed.stdout.splitlines()[1:] if ln.strip() and " " not in ln.strip()}


def _run_tesseract(src: Path, base: str, psm: int, langs: str, dpi: int) -> None:
    """Tesseract on ``src`` (an image, or a list file of images), writing ``base``.txt and ``base``.tsv;
    its failures as this project's errors."""
    try:
        pytesseract.pytesseract.run_tesseract(
            str(src),
            base,
            extension="txt tsv",
            lang=langs,
            config=f"--psm {psm} --dpi {dpi} -c tessedit_create_tsv=1",
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrEngineMissing("Tesseract is not installed") from exc
    except pytesseract.TesseractError as exc:
        raise OcrFailed(f"Tesseract failed: {exc.message.strip().splitlines()[-1:]}") from exc


# Tesseract's input is written uncompressed: the same pixels as a PNG, without the compression (a 300-dpi grey page
# took Pillow 0.2-1.3 s to write as PNG, 11-14 ms uncompressed; Tesseract reads either at once)
INPUT_SUFFIX = ".tif"


def _write_input(image: Image.Image, path: Path, dpi: int) -> None:
    """``image`` as an uncompressed TIFF with its resolution, for Tesseract to read."""
    image.save(path, format="TIFF", compression="raw", dpi=(dpi, dpi))


def ocr_lines(image: Image.Image, psm: int = 3, langs: str = LANGS, dpi: int = 300) -> list[Line]:
    """Read an image; returns its text lines in Tesseract's reading order."""
    with tempfile.TemporaryDirectory(prefix="ocrp-") as tmp:
        src = Path(tmp) / f"in{INPUT_SUFFIX}"
        _write_input(image, src, dpi)
        base = str(Path(tmp) / "out")
        _run_tesseract(src, base, psm, langs, dpi)
        text = Path(base + ".txt").read_text(encoding="utf-8")
        tsv = Path(base + ".tsv").read_text(encoding="utf-8")
    return join_text_and_boxes(text, tsv)


def ocr_images(images: list[Image.Image], psm: int = 7, langs: str = LANGS, dpi: int = 300) -> list[list[Line]]:
    """Read several small images in one Tesseract run (the model is loaded once): their text lines,
    image by image. Tesseract reads a list file as a multi-page document."""
    if not images:
        return []
    with tempfile.TemporaryDirectory(prefix="ocrp-") as tmp:
        paths = []
        for k, image in enumerate(images):
            paths.append(Path(tmp) / f"{k}{INPUT_SUFFIX}")
            _write_input(image, paths[-1], dpi)
        listing = Path(tmp) / "list.txt"
        listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
        base = str(Path(tmp) / "out")
        _run_tesseract(listing, base, psm, langs, dpi)
        texts = Path(base + ".txt").read_text(encoding="utf-8").split("\f")
        tsv = Path(base + ".tsv").read_text(encoding="utf-8").splitlines()
    header, rows = tsv[:1], tsv[1:]
    pages: list[list[str]] = [[] for _ in images]
    for row in rows:
        page = row.split("\t", 2)[1] if row.count("\t") >= 2 else ""
        if page.isdigit() and 1 <= int(page) <= len(images):
            pages[int(page) - 1].append(row)
    return [
        join_text_and_boxes(texts[k] if k < len(texts) else "", "\n".join(header + pages[k]))
        for k in range(len(images))
    ]


def join_text_and_boxes(text: str, tsv: str) -> list[Line]:
    """Pair each TSV line (word boxes) with the matching line of the text output (spacing)."""
    tsv_lines = _tsv_lines(tsv)
    text_lines = [ln for ln in text.splitlines() if ln.strip()]
    lines: list[Line] = []
    ti = 0
    for words in tsv_lines:
        joined = "".join(w.text for w in words)
        spaced = None
        # the text line whose non-space characters equal the TSV line's characters
        for k in range(ti, min(ti + 3, len(text_lines))):
            if text_lines[k].replace(" ", "") == joined:
                spaced, ti = text_lines[k], k + 1
                break
        _mark_spaces(words, spaced)
        lines.append(Line(text=line_text(words), box=union_box(w.box for w in words), words=words))
    return lines


def line_text(words: list[Word]) -> str:
    """A line's text from its words and their ``space_before`` flags."""
    parts = []
    for i, w in enumerate(words):
        if i and w.space_before:
            parts.append(" ")
        parts.append(w.text)
    return "".join(parts)


def _tsv_lines(tsv: str) -> list[list[Word]]:
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    grouped: dict[tuple[int, int, int, int], list[Word]] = {}
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        if not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        box = (left, top, left + int(row["width"]), top + int(row["height"]))
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        grouped.setdefault(key, []).append(Word(text=text, box=box, conf=float(row["conf"])))
    return list(grouped.values())


def _mark_spaces(words: list[Word], spaced: str | None) -> None:
    """Set ``space_before`` from the text output, or from box gaps when no text line matched."""
    if spaced is not None:
        pos = 0
        for w in words:
            w.space_before = pos < len(spaced) and spaced[pos] == " "
            while pos < len(spaced) and spaced[pos] == " ":
                pos += 1
            pos += len(w.text)
        return
    height = max((w.box[3] - w.box[1] for w in words), default=0)
    for prev, w in zip(words, words[1:]):
        w.space_before = (w.box[0] - prev.box[2]) > 0.4 * height
