"""Measure tables on worn scans, end to end on rendered pages: the generator's table page (real fonts,
photocopy and scanner models), the real Tesseract, the whole pipeline; the truth from the generator."""

from __future__ import annotations

import dataclasses

import pytest
from rapidfuzz.distance import Levenshtein

from ocr_pipeline.bench.score import align_rows, fold
from ocr_pipeline.model import Source
from ocr_pipeline.ocr.page_reader import read_page_image
from ocr_pipeline.pipeline import build_result
from ocr_pipeline.synth.document import doc_seed, make_document
from ocr_pipeline.synth.truth import measures as truth_measures
from ocr_pipeline.synth.wear import Conditions, hard_conditions


def _read(doc):
    """The truth's measure rows of the document's one table page, and the pipeline's result."""
    truth = truth_measures(doc.report, doc.pages, {p.number: i for i, p in enumerate(doc.pages, start=1)})
    page = read_page_image(doc.scans[0], doc.dpi, 1)
    return truth, build_result(Source(path="t.pdf", sha256="0", kind="pdf", pages=1), [page])


def _similarity(truth, measures, field: str) -> float:
    rows = [dataclasses.asdict(m) for m in measures]
    pairs = align_rows([dataclasses.asdict(t) for t in truth], rows)
    return sum(
        Levenshtein.normalized_similarity(fold(getattr(truth[t], field)), fold(rows[o][field]) if o is not None else "")
        for t, o in pairs
    ) / len(truth)


@pytest.mark.slow
def test_the_table_of_a_pale_copy_is_read():
    """A 300-dpi pale photocopy: rules lighter than the text (Otsu breaks them into dashes), no ink
    darker than mid-grey. Before: no table found, no measure row."""
    conditions = dataclasses.replace(hard_conditions(14, 17), font=None)  # a Debian font (Garuda)
    doc = make_document(doc_seed(14, 17), "pale", parts=("table",), max_table_pages=1, conditions=conditions)
    assert doc.synth_info()["condition"] == "300 dpi x pale"
    truth, result = _read(doc)
    assert len(result.measures) == len(truth) == 4
    assert [m.measure_no for m in result.measures] == [m.measure_no for m in truth]
    for field in ("responsible", "period_text"):
        assert _similarity(truth, result.measures, field) > 0.9, field


@pytest.mark.slow
def test_specks_in_cells_are_dropped_with_located_noise_corrections():
    """Specks in the empty bands of body cells, read as lines of symbols and letters: dropped from
    the cells (each with a noise correction naming its cell and span); the rows are the truth's."""
    doc = make_document(
        doc_seed(15, 3), "specks", parts=("table",), max_table_pages=1, dpi=300, conditions=Conditions(cell_specks=3)
    )
    truth, result = _read(doc)
    assert len(result.measures) == len(truth)
    located = [c for c in result.corrections if c.rule == "noise" and c.item is not None]
    assert located and all(c.item.startswith("p1.t0.r") and c.after == "" for c in located)
    for field in ("step", "responsible", "period_text", "result"):
        assert _similarity(truth, result.measures, field) > 0.95, field
