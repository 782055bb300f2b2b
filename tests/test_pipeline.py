"""The pipeline's stages on real transcripts (and recorded OCR pages): values in, new values out,
and corrections that are local: made in order, each item's corrections turn its normalised text
into its cleaned text."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import SAMPLES, garbled_transcripts

from ocr_pipeline.clean.thai_text import normalize_thai
from ocr_pipeline.document_text import apply_to_text, collect_items, token_edits
from ocr_pipeline.ingest import open_input
from ocr_pipeline.model import Line, Page
from ocr_pipeline.pipeline import clean_and_extract, normalise_page, page_tasks, read_pages
from ocr_pipeline.understand import understand

TRANSCRIPTS = ["report.md", "report.html"]


@pytest.fixture(scope="module")
def garbled(tmp_path_factory) -> Path:
    """Four generated reports as garbled VLM transcripts (every garble kind at a high rate)."""
    return garbled_transcripts(tmp_path_factory.mktemp("garbled"), seed=23, n=4, rate=0.8)


def cleaned(name: str, folder: Path = SAMPLES):
    inp = open_input(folder / name)
    pages = read_pages(inp, None)
    before = copy.deepcopy(pages)
    return pages, before, clean_and_extract(inp, pages)


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_stages_do_not_change_the_pages_they_are_given(name: str):
    pages, before, _result = cleaned(name)
    assert pages == before


def test_every_item_is_its_corrections_applied_to_its_text_as_read(garbled: Path):
    for name in TRANSCRIPTS:
        check_local_edits(*cleaned(name))
    for path in sorted(garbled.glob("*.md")) + sorted(garbled.glob("*.html")):
        check_local_edits(*cleaned(path.name, garbled))


def check_local_edits(pages, _before, result) -> None:
    norm = [normalise_page(p) for p in pages]
    norm, roles, _ = understand(norm)
    start = {it.key: it.text for it in collect_items(norm, roles.cell_roles(), roles.lines).items}
    final = {it.key: it.text for it in collect_items(result.pages, {}, {}).items}
    located = [c for c in result.corrections if c.item is not None]
    assert located, "the sample has located corrections"
    for key, text in start.items():
        mine = [c for c in located if c.item == key]
        assert apply_to_text(text, mine) == final[key], key
    untouched = set(start) - {c.item for c in located}
    assert all(start[k] == final[k] for k in untouched)


def test_normalising_a_page_returns_a_new_page():
    page = Page(1, raw_text="กํา", text="กํา", lines=[Line("ทํางาน", (0, 0, 1, 1))])
    new = normalise_page(page)
    assert new.lines[0].text == normalize_thai("ทํางาน") != "ทํางาน"
    assert page.lines[0].text == "ทํางาน"


def test_a_scan_is_one_task_per_page():
    inp = open_input(SAMPLES / "report2.pdf")
    tasks = page_tasks(inp)
    assert [t.number for t in tasks] == list(range(1, inp.pages + 1))
    assert all(t.kind == "pdf" and t.path == Path(SAMPLES / "report2.pdf") for t in tasks)


def test_token_edits_name_only_the_changed_tokens():
    assert [(e.before, e.after) for e in token_edits("รอบ ๒ เดือน ปี ๒๕๒๕", "รอบ ๖ เดือน ปี ๒๕๖๕")] == [
        ("๒", "๖"),
        ("๒๕๒๕", "๒๕๖๕"),
    ]
    assert token_edits("เหมือนเดิม", "เหมือนเดิม") == []
