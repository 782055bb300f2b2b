"""The output schema is declared once: the contract document, the README and the JSON follow it."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

from ocr_pipeline import schema
from ocr_pipeline.model import Correction, Document, Measure, Result, Source

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "docs" / "output-contract.md"
README = ROOT / "README.md"


def test_every_output_field_is_described():
    for columns in (schema.DOCUMENT, schema.MEASURE, schema.CORRECTION, schema.SOURCE):
        for col in columns:
            assert len(col.doc) > 10, f"{col.name} has no description"


def test_the_contract_document_is_generated_from_the_schema():
    text = CONTRACT.read_text(encoding="utf-8")
    assert schema.fill_sections(text) == text, "run: python -m ocr_pipeline.schema docs/output-contract.md"
    for name in schema.generated_sections():
        assert schema.BEGIN.format(name=name) in text, f"section {name} missing from the contract"


def test_the_contract_example_names_every_document_field_and_no_other():
    text = CONTRACT.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1).replace("…", "x"))
    assert set(example["document"]) == {c.name for c in schema.DOCUMENT}
    assert set(example["measures"][0]) == {c.name for c in schema.MEASURE}
    assert set(example["corrections"][0]) == {c.name for c in schema.CORRECTION}
    assert set(example["source"]) == {c.name for c in schema.SOURCE}


def test_the_readme_lists_the_csv_columns_of_the_schema():
    text = README.read_text(encoding="utf-8")
    assert schema.fill_sections(text) == text, "run: python -m ocr_pipeline.schema README.md"
    assert schema.BEGIN.format(name="measures-csv") in text
    assert schema.BEGIN.format(name="corrections-csv") in text


def test_the_json_keys_are_the_schema_fields():
    result = Result(
        source=Source("a.pdf", "0" * 64, "pdf", 1),
        document=Document(),
        measures=[Measure(1, "m", 1, "s")],
        corrections=[Correction(1, "pages.text", "a", "b", "lexicon", 90.0)],
        warnings=[],
        pages=[],
    )
    data = result.to_json()
    assert data["schema_version"] == schema.SCHEMA_VERSION
    assert list(data["document"]) == [c.name for c in schema.DOCUMENT]
    assert list(data["measures"][0]) == [c.name for c in schema.MEASURE]
    assert list(data["corrections"][0]) == [c.name for c in schema.CORRECTION]
    assert list(asdict(result.source)) == [c.name for c in schema.SOURCE]


def test_csv_columns_are_the_csv_fields_plus_the_repeated_document_fields():
    measure_fields = [c.name for c in schema.MEASURE]
    assert list(schema.MEASURE_CSV_COLUMNS) == measure_fields + list(schema.DOCUMENT_COLUMNS_IN_MEASURES)
    assert set(schema.DOCUMENT_COLUMNS_IN_MEASURES) <= {c.name for c in schema.DOCUMENT}
    assert schema.integer_columns(schema.MEASURE_CSV_COLUMNS) == ["measure_no", "step_no", "page", "fiscal_year_be"]
