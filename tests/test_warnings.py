"""Warnings are short (issue 15.9): field, value cut to 60 characters, reason, wherever they are made."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import garbled_transcripts

from ocr_pipeline.clean.date_repair import DateEvidence, repair_dates
from ocr_pipeline.ingest import open_input
from ocr_pipeline.pipeline import clean_and_extract, read_pages
from ocr_pipeline.warning_text import MAX_VALUE, differing, warning

QUOTED = re.compile(r"'([^']*)'")


def test_the_form_field_value_reason():
    long = "ขอรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม " * 5
    w = warning("page 1 document.subject", long, "date unreadable; left empty")
    assert w.startswith("page 1 document.subject: '") and w.endswith("' date unreadable; left empty")
    assert len(QUOTED.search(w).group(1)) == MAX_VALUE and QUOTED.search(w).group(1).endswith("…")
    assert warning("agency", None, "no agency name found") == "agency: no agency name found"
    assert warning("x", "a\n  b", "r") == "x: 'a b' r"  # one line
    assert differing("ประจำปี ๒๕๖๕ รอบ ๖ เดือน", "ประจำปี ๒๕๖๖ รอบ ๖ เดือน") == ("๒๕๖๕", "๒๕๖๖")


def test_a_date_warning_quotes_the_mention_cut_not_its_paragraph():
    paragraph = (
        "ด้วยสำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ โดยให้หน่วยงานจัดทำมาตรการส่งเสริมคุณธรรม ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๔๐"
    )
    r = repair_dates(
        [
            DateEvidence("fiscal_year", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖", 1, "document.subject"),
            DateEvidence("period", "ต.ค. ๒๕๖๕ - มี.ค. ๒๕๖๖", 2, "pages.text"),
            DateEvidence("period", paragraph, 1, "pages.text"),
        ]
    )
    assert r.fiscal_year_be == 2566 and r.warnings
    for w in r.warnings:
        assert len(w) < 160 and all(len(q) <= MAX_VALUE for q in QUOTED.findall(w)), w


@pytest.fixture(scope="module")
def garbled(tmp_path_factory) -> Path:
    """Generated reports as garbled VLM transcripts (every garble kind at a high rate)."""
    return garbled_transcripts(tmp_path_factory.mktemp("garbled"), seed=29, n=3, rate=0.9)


def test_every_warning_of_garbled_transcripts_is_short(garbled: Path):
    warnings = []
    for path in sorted(garbled.glob("*.md")):
        inp = open_input(path)
        warnings += clean_and_extract(inp, read_pages(inp, None)).warnings
    assert warnings  # garbled documents get warned about
    for w in warnings:
        assert ": " in w, w  # field first
        assert all(len(q) <= MAX_VALUE for q in QUOTED.findall(w)), w
        assert len(w) <= 240, w
