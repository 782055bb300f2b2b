"""Worn scans, the word-processor rendering, cell specks, clean transcripts and the VLM transcript garbles
of the generator (synth/wear.py, synth/pango_text.py, synth/garble.py, synth/write.py)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from ocr_pipeline.bench.score import fold
from ocr_pipeline.ingest.transcript import read_transcript
from ocr_pipeline.synth.__main__ import _parser, conditions_for
from ocr_pipeline.synth.document import doc_seed, make_document
from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.garble import VLM_KINDS
from ocr_pipeline.synth.wear import HARD_COPIES, HARD_DPIS, Conditions, hard_conditions, photocopy
from ocr_pipeline.synth.write import write_document


def _ink(img) -> float:
    """Share of dark pixels."""
    return float((np.asarray(img) < 128).mean())


def _printed_line() -> np.ndarray:
    """A line of 16 pt Noto Serif Thai as printed at 600 dpi (grey levels, float32)."""
    import cairocffi as cairo

    face = FontSet("Noto Serif Thai", 600, "pango").font(16)
    surface = cairo.ImageSurface(cairo.FORMAT_A8, 1800, 260)
    face.draw(cairo.Context(surface), 40, 180, "ตามที่ได้จัดทำ ๑๒๓๔๕๖๗๘๙๐ พ.ศ. ๒๕๖๖")
    surface.flush()
    cover = np.ndarray((260, surface.get_stride()), np.uint8, surface.get_data())[:, :1800]
    return 255.0 - cover.astype(np.float32)


def test_photocopies_thicken_or_starve_the_strokes():
    """A thick copy has more ink than a clean one, a pale copy less and lighter ink."""
    line = _printed_line()
    ink = {kind: _ink(np.clip(photocopy(line, kind, 5)[0], 0, 255)) for kind in ("clean", "thick", "pale")}
    assert ink["thick"] > ink["clean"] * 1.15 and ink["pale"] < ink["clean"] * 0.85, ink
    assert photocopy(line, "none", 5)[0] is line


@pytest.mark.slow
def test_a_worn_document_is_sampled_at_its_dpi_and_records_its_conditions():
    conditions = Conditions(copy="pale", dpi=150, engine="pango", font="Noto Serif Thai", bold=True)
    doc = make_document(doc_seed(21, 3), "w", parts=("memo",), conditions=conditions)
    assert doc.scans[0].size == (round(210 / 25.4 * 150), round(297 / 25.4 * 150))
    info = doc.synth_info()
    assert info["condition"] == "150 dpi x pale" and info["dpi"] == 150
    assert info["conditions"]["font"] == "Noto Serif Thai" and info["conditions"]["bold"]
    assert doc.applied[0]["copy"] == "pale" and info["font"] == "Noto Serif Thai"


def test_justified_lines_reach_their_width():
    """A word processor's justified line ends at the margin; the natural one does not."""
    import cairocffi as cairo

    face = FontSet("Noto Serif Thai", 600, "pango").font(16)
    text = "ตามที่เทศบาลตำบลกกโกได้จัดทำมาตรการส่งเสริมคุณธรรม"
    natural = face.getlength(text)
    width = natural * 1.06
    extents = []
    for justify in (0.0, width):
        surface = cairo.ImageSurface(cairo.FORMAT_A8, int(width) + 200, 300)
        face.draw(cairo.Context(surface), 50, 200, text, justify)
        surface.flush()
        a = np.ndarray((300, surface.get_stride()), np.uint8, surface.get_data())
        cols = np.nonzero(a.max(axis=0) > 128)[0]
        extents.append(cols[-1] - cols[0])
    assert abs(extents[0] - natural) < natural * 0.03
    assert abs(extents[1] - width) < natural * 0.02


@pytest.mark.slow
def test_cell_specks_lie_inside_body_cells():
    doc = make_document(
        doc_seed(22, 1), "s", parts=("table",), max_table_pages=1, dpi=200, conditions=Conditions(cell_specks=3)
    )
    specks = doc.applied[0]["cell_specks"]
    assert len(specks) == 3
    scan = np.asarray(doc.scans[0])
    for s in specks:
        x0, y0, x1, y1 = s["box"]
        assert scan[max(0, y0 - 6) : y1 + 6, x0 - 6 : x1 + 6].min() < 150  # something dark is there
        assert s["row"] is not None and 0 <= s["col"] < 5


def test_hard_preset_covers_every_dpi_and_copy_and_explicit_options_win():
    drawn = [hard_conditions(14, i) for i in range(9)]
    assert {(c.dpi, c.copy) for c in drawn} == {(d, c) for d in HARD_DPIS for c in HARD_COPIES}
    assert all(35 <= c.jpeg_quality <= 60 and c.skew == 2.5 and c.engine == "pango" for c in drawn)
    assert hard_conditions(14, 5) == hard_conditions(14, 5)
    args = _parser().parse_args(["out", "--hard", "--seed", "14", "--copy", "pale", "--dpi", "300"])
    c = conditions_for(args, 0)
    assert (c.copy, c.dpi, c.preset) == ("pale", 300, "hard")
    assert conditions_for(_parser().parse_args(["out"]), 0) is None


def test_clean_transcripts_read_back_as_the_truth(tmp_path):
    """The clean mode's transcripts are the truth: read by the transcript path, every page's text is the
    truth's page text (folded), and there is no scan."""
    doc = make_document(doc_seed(23, 2), "doc-x")
    written = write_document(tmp_path, doc, clean_transcripts=True)
    assert sorted(p.name for p in written) == [
        "doc-x-html.html",
        "doc-x-html.truth.json",
        "doc-x.md",
        "doc-x.truth.json",
    ]
    for name in ("doc-x.md", "doc-x-html.html"):
        truth = json.loads(
            (tmp_path / name.replace(".md", "").replace(".html", "")).with_suffix(".truth.json").read_text()
        )
        assert truth["source"]["kind"] == "transcript" and truth["synth"]["garbles"] == []
        pages = read_transcript(tmp_path / name)
        assert len(pages) == len(truth["pages"])
        for page, tp in zip(pages, truth["pages"]):
            got = "".join(fold(page.text.replace("# ", "")).split())
            assert got == "".join(fold(tp["text"]).split()), name


def test_vlm_garbles_do_what_they_say(tmp_path):
    doc = make_document(doc_seed(7, 1), "v")
    write_document(tmp_path, doc, transcripts=True, garble_rate=dict.fromkeys(VLM_KINDS, 1.0))
    truth = json.loads((tmp_path / "v.truth.json").read_text())
    md = (tmp_path / "v.md").read_text()
    html = (tmp_path / "v.html").read_text()
    g = {x["kind"]: x for x in truth["synth"]["garbles"]}
    assert set(g) == set(VLM_KINDS), set(g)
    assert re.search(r"\^\{.\}", md) and all(m["after"] in md for m in g["superscript"]["marks"])
    mentions = [m["after"] for m in g["agency_varied"]["mentions"]]
    assert len(set(mentions)) == len(mentions) >= 2 and truth["document"]["subdistrict"] not in mentions
    assert g["second_table_header"]["spurious"] in md and g["second_table_header"]["spurious"] in html
    assert g["title_year_misread"]["after"] in md
    assert md.count(g["period_repeated"]["text"]) >= 2  # (other garbles may touch some of its copies)
    skipped = g["measures_skipped"]["measures"]
    kept = {m["measure_no"] for m in truth["measures"]} - set(skipped)
    assert min(kept) < min(skipped) and max(kept) > max(skipped)  # a gap in the numbering
    for m in truth["measures"]:
        if m["measure_no"] in skipped:
            assert m["step"] not in md  # its rows are gone from the transcript
