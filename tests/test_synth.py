"""Tests of the synthetic report generator (ocr_pipeline.synth)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import geothai
import pytest
from pypdf import PdfReader
from pythainlp.corpus import provinces

from ocr_pipeline.synth.content import make_report
from ocr_pipeline.synth.document import doc_seed, make_document
from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.thaidate import fiscal_bounds, period_cell
from ocr_pipeline.synth.tmodel import joiners_for
from ocr_pipeline.synth.wrap import text_width, wrap
from ocr_pipeline.synth.write import write_document

ROOT = Path(__file__).resolve().parent.parent
TOP = {"schema_version", "source", "document", "measures", "corrections", "warnings", "pages", "synth"}
SOURCE = {"path", "sha256", "kind", "pages"}
DOCUMENT = {
    "agency",
    "agency_type",
    "division",
    "subdistrict",
    "district",
    "province",
    "geocode",
    "doc_number",
    "doc_date",
    "subject",
    "addressee",
    "fiscal_year_be",
    "period_start",
    "period_end",
    "report_round",
    "signatories",
}
MEASURE = {
    "measure_no",
    "measure",
    "step_no",
    "step",
    "responsible",
    "period_text",
    "period_start",
    "period_end",
    "result",
    "page",
    "confidence",
}
PAGE = {"number", "text", "raw_text", "mean_confidence"}
SEEDS = [doc_seed(7, i) for i in (0, 3, 5, 8)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[tuple[dict, Path]]:
    """Four full documents with transcripts (garbles at a high rate): (truth, pdf path)."""
    out = tmp_path_factory.mktemp("synth")
    docs = []
    for k, seed in enumerate(SEEDS):
        doc = make_document(seed, f"doc-{k}")
        write_document(out, doc, transcripts=True, garble_rate=0.9)
        docs.append((json.loads((out / f"doc-{k}.truth.json").read_text("utf-8")), out / f"doc-{k}.pdf"))
    return docs


def test_same_seed_same_bytes_in_fresh_processes(tmp_path):
    """Two runs of the CLI with different hash seeds give byte-identical PDFs, truths and transcripts."""
    for run in ("a", "b"):
        env = {**os.environ, "PYTHONHASHSEED": "1" if run == "a" else "977"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ocr_pipeline.synth",
                str(tmp_path / run),
                "--n",
                "1",
                "--seed",
                "3",
                "--start",
                "4",
                "--transcripts",
                "-q",
            ],
            check=True,
            env=env,
            cwd=ROOT,
        )
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["doc-003-0004.html", "doc-003-0004.md", "doc-003-0004.pdf", "doc-003-0004.truth.json"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_different_seeds_differ():
    a, b = make_report(doc_seed(7, 0)), make_report(doc_seed(7, 1))
    assert (a.agency.name, a.doc_number) != (b.agency.name, b.doc_number)


def test_truth_has_exactly_the_contract_fields(generated):
    for truth, pdf in generated:
        assert set(truth) == TOP
        assert truth["schema_version"] == 1
        assert set(truth["source"]) == SOURCE
        assert truth["source"]["kind"] == "pdf" and truth["source"]["path"] == pdf.name
        assert set(truth["document"]) == DOCUMENT
        assert truth["measures"] and all(set(m) == MEASURE for m in truth["measures"])
        assert truth["corrections"] == [] and truth["warnings"] == []
        assert all(
            set(p) == PAGE and p["raw_text"] == p["text"] and p["mean_confidence"] is None for p in truth["pages"]
        )
        assert all(m["confidence"] == 1.0 for m in truth["measures"])
        # a full report gives evidence for every document field
        assert all(v not in (None, []) for v in truth["document"].values()), truth["document"]
        for key in ("font", "dpi", "skew_deg", "degradations", "garbles"):
            assert key in truth["synth"]


def test_truth_values_are_consistent(generated):
    abbr = {p["name_th"]: p["abbr_th"] for p in provinces(details=True)}
    for truth, _pdf in generated:
        d = truth["document"]
        addr = geothai.address(d["geocode"])
        assert (addr.subdistrict.name_th, addr.district.name_th, addr.province.name_th) == (
            d["subdistrict"],
            d["district"],
            d["province"],
        )
        assert d["agency"] == d["agency_type"] + d["subdistrict"]
        assert d["doc_number"].split()[0] == abbr[d["province"]]
        assert re.fullmatch(r"[ก-ฮ]{2,3} [๐-๙0-9]{5}/[๐-๙0-9]{1,4}", d["doc_number"])
        assert 2560 <= d["fiscal_year_be"] <= 2569
        fy0, fy1 = fiscal_bounds(d["fiscal_year_be"])
        start, end, when = (date.fromisoformat(d[k]) for k in ("period_start", "period_end", "doc_date"))
        assert start == fy0 and end == (fy1 if d["report_round"] == "12 months" else date(fy1.year, 3, 31))
        assert end < when
        assert all(s["name"].startswith(("นาย", "นาง", "ว่าที่")) and s["position"] for s in d["signatories"])
        for m in truth["measures"]:
            if m["period_start"]:
                assert fy0.isoformat() <= m["period_start"] <= m["period_end"] <= fy1.isoformat()


def _rows(truth: dict) -> list[tuple[int, list[str]]]:
    return [
        (p["number"], line.split(" | "))
        for p in truth["pages"]
        for line in p["text"].split("\n")
        if line.count(" | ") == 4
    ]


def test_measures_match_the_table_text(generated):
    """Every measure row is a table row of its page; continuation rows inherit the measure above."""
    to_arabic = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    for truth, _pdf in generated:
        rows = _rows(truth)
        steps = {m["step"] for m in truth["measures"]}
        ptr, current = 0, None
        for m in truth["measures"]:
            while not (rows[ptr][0] == m["page"] and m["step"] in rows[ptr][1][1]):
                if rows[ptr][1][0] and any(s in rows[ptr][1][1] for s in steps):
                    current = rows[ptr][1][0]
                ptr += 1
            cells = rows[ptr][1]
            if cells[0]:
                current = cells[0]
            assert current.endswith(m["measure"])
            assert int(re.search(r"\d+", current.translate(to_arabic)).group()) == m["measure_no"]
            assert cells[2:] == [m["responsible"], m["period_text"], m["result"]]
        body = [r for r in rows if any(s in r[1][1] for s in steps)]
        assert len(body) <= len(truth["measures"])


def test_page_counts_and_geometry_match_the_pdf(generated):
    for truth, pdf in generated:
        reader = PdfReader(pdf)
        assert len(reader.pages) == truth["source"]["pages"] == len(truth["pages"]) >= 2
        dpi = truth["synth"]["dpi"]
        for i, page in enumerate(reader.pages):
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            assert (w < h) == (i == 0)  # memo portrait, table pages landscape
            (img,) = page.images
            assert img.image.mode == "L"
            assert abs(img.image.width - w * dpi / 72) < 1.5
        assert {m["page"] for m in truth["measures"]} <= set(range(2, len(reader.pages) + 1))
        assert len(truth["synth"]["skew_deg"]) == len(reader.pages)
        assert all(abs(s) <= 2.4 for s in truth["synth"]["skew_deg"])


def test_sha256_is_the_pdf(generated):
    import hashlib

    for truth, pdf in generated:
        assert truth["source"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()


class _TagCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = {"table": 0, "tr": 0}
        self.ok = True
        self.rowspans = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1
        self.rowspans += any(k == "rowspan" for k, _ in attrs)

    def handle_endtag(self, tag):
        if tag in self.depth:
            self.depth[tag] -= 1
            self.ok &= self.depth[tag] >= 0


def test_transcripts_have_the_pages_and_record_every_garble(generated):
    kinds = set()
    for truth, pdf in generated:
        md = pdf.with_suffix(".md").read_text("utf-8")
        html = pdf.with_suffix(".html").read_text("utf-8")
        n = truth["source"]["pages"]
        assert md.count("\f") == html.count("\f") == n - 1
        assert "|---|" in md and "<table>" in html
        parser = _TagCounter()
        parser.feed(html)
        assert parser.ok and parser.depth == {"table": 0, "tr": 0}
        truth_text = "\n".join(p["text"] for p in truth["pages"])
        for g in truth["synth"]["garbles"]:
            kinds.add(g["kind"])
            if "line" not in g:
                continue  # structural garbles: test_vlm_garbles
            assert g["before"] != g["after"]
            assert g["line"] in md.replace("<br>", "") or g["after"] in md
            assert g["after"] in html
            assert g["line"] not in truth_text  # the truth stays the true document
    assert {"agency_misspelt", "fiscal_year_off", "year_extra_digit"} <= kinds


def test_memo_only_and_table_only_documents_fill_only_what_they_show(tmp_path):
    memo = make_document(doc_seed(9, 1), "m", parts=("memo",))
    write_document(tmp_path, memo)
    t = json.loads((tmp_path / "m.truth.json").read_text("utf-8"))
    assert t["source"]["pages"] == 1 and t["measures"] == []
    assert t["document"]["doc_number"] and t["document"]["signatories"] and t["document"]["period_end"]

    table = make_document(doc_seed(9, 2), "t", parts=("table",), max_table_pages=1)
    write_document(tmp_path, table)
    t = json.loads((tmp_path / "t.truth.json").read_text("utf-8"))
    assert t["source"]["pages"] == 1 and len(PdfReader(tmp_path / "t.pdf").pages) == 1
    d = t["document"]
    assert d["doc_number"] is None and d["doc_date"] is None and d["signatories"] == []
    assert d["agency"] and d["fiscal_year_be"] and t["measures"]
    assert {m["page"] for m in t["measures"]} == {1}


def test_wrap_keeps_the_text_and_the_width():
    font = FontSet("Laksaman", 300).font(16)
    text = make_report(doc_seed(2, 2)).paragraphs[0]
    for width in (600, 1100, 1900):
        lines = wrap(text, font, width)
        assert all(text_width(font, ln) <= width for ln in lines)
        joined = lines[0] + "".join(j + ln for j, ln in zip(joiners_for(text, lines), lines[1:]))
        assert joined == " ".join(text.split())


def test_period_cells_lie_in_the_fiscal_year():
    rng = random.Random(5)
    for fy in range(2560, 2570):
        fy0, fy1 = fiscal_bounds(fy)
        for end in (date(fy1.year, 3, 31), fy1):
            for _ in range(40):
                text, a, b = period_cell(rng, fy, fy0, end)
                assert text and (a is None) == (b is None)
                if a:
                    assert fy0 <= a <= b <= fy1, text
                assert not re.search("[0-9]", text)


def test_tesseract_reads_the_memo():
    """A scanned memo stays readable: stock Tesseract gets most characters (digits aside)."""
    import pytesseract
    from rapidfuzz.distance import Levenshtein

    from ocr_pipeline.clean.thai_text import normalize_thai

    doc = make_document(doc_seed(7, 2), "ocr", parts=("memo",))
    os.environ["OMP_THREAD_LIMIT"] = "1"
    got = pytesseract.image_to_string(doc.scans[0], lang="tha+eng", config="--psm 6")
    fold = lambda s: re.sub(r"[๐-๙0-9]", "#", "".join(normalize_thai(s).split()))  # noqa: E731
    want = fold(doc.pages[0].text())
    cer = Levenshtein.distance(fold(got), want) / len(want)
    assert cer < 0.15, cer


def test_committed_samples_match_their_truth():
    """samples/: each truth names its file, with the file's sha256 and page count; at most 15 MB in all."""
    import hashlib

    from PIL import Image

    samples = ROOT / "samples"
    truths = sorted(samples.glob("*.truth.json"))
    assert len(truths) >= 7
    for path in truths:
        truth = json.loads(path.read_text("utf-8"))
        src = samples / truth["source"]["path"]
        assert hashlib.sha256(src.read_bytes()).hexdigest() == truth["source"]["sha256"], src.name
        if src.suffix == ".pdf":
            n = len(PdfReader(src).pages)
        else:
            with Image.open(src) as im:
                n = getattr(im, "n_frames", 1)
                assert round(im.info["dpi"][0]) == truth["synth"]["dpi"]
        assert n == truth["source"]["pages"] == len(truth["pages"]), src.name
    html = (samples / "report.html").read_text("utf-8")
    assert "rowspan=" in html and "colspan=" in html
    assert (samples / "report.md").read_text("utf-8").count("\f") == 3
    assert sum(p.stat().st_size for p in samples.iterdir()) < 15e6
