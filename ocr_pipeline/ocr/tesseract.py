"""Tesseract through pytesseract: one run gives the text (with Tesseract's own spacing) and the
TSV boxes; both are joined into ``Line`` objects whose words carry boxes and confidences.

Tesseract splits Thai into one TSV "word" per character cluster (tesseract#2702), so word
boundaries come from the text output, not from the TSV.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from functools import cache
from pathlib import Path

import pytesseract
from PIL import Image

from ocr_pipeline.errors import OcrEngineMissing, OcrFailed
from ocr_pipeline.model import Line, Word, union_box

LANGS = "tha+eng"
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one single-threaded Tesseract per worker process
# another Tesseract binary can be named in the environment (TESSDATA_PREFIX picks its data)
pytesseract.pytesseract.tesseract_cmd = os.environ.get("OCR_PIPELINE_TESSERACT", "tesseract")


@cache
def check_tesseract(langs: str = LANGS) -> str:
    """Tesseract's version; raises OcrEngineMissing if the program or a language is missing."""
    try:
        version = str(pytesseract.get_tesseract_version())
        available = set(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrEngineMissing("Tesseract is not installed") from exc
    missing = [lang for lang in langs.split("+") if lang not in available]
    if missing:
        raise OcrEngineMissing(
            f"Tesseract language data missing: {', '.join(missing)}",
            "install it with: apt-get install " + " ".join(f"tesseract-ocr-{m}" for m in missing),
        )
    return version


def ocr_lines(image: Image.Image, psm: int = 3, langs: str = LANGS, dpi: int = 300) -> list[Line]:
    """Read an image; returns its text lines in Tesseract's reading order."""
    with tempfile.TemporaryDirectory(prefix="ocrp-") as tmp:
        src = Path(tmp) / "in.png"
        image.save(src, dpi=(dpi, dpi))
        base = str(Path(tmp) / "out")
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
        text = Path(base + ".txt").read_text(encoding="utf-8")
        tsv = Path(base + ".tsv").read_text(encoding="utf-8")
    return join_text_and_boxes(text, tsv)


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
