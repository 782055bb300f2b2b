"""A checker of the output contract (docs/output-contract.md), derived from ``ocr_pipeline.schema``."""

from __future__ import annotations

import re

from ocr_pipeline.schema import CORRECTION, DOCUMENT, MEASURE, MEASURE_CSV_COLUMNS, SCHEMA_VERSION, SOURCE, Column

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_FIELDS = {"doc_date", "period_start", "period_end"}
__all__ = ["MEASURE_CSV_COLUMNS", "check_result_json"]


def _typed(value, col: Column, where: str) -> None:
    if value is None:
        assert col.nullable, f"{where} is null"
        return
    if col.type is float:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), where
    else:
        assert isinstance(value, col.type) and not isinstance(value, bool), f"{where}: {value!r}"
    if col.name in DATE_FIELDS:
        assert ISO.match(value), f"{where}: {value!r} is no ISO date"


def _check_object(data: dict, columns: tuple[Column, ...], where: str) -> None:
    for col in columns:
        assert col.name in data, f"{where}.{col.name} missing"
        _typed(data[col.name], col, f"{where}.{col.name}")


def check_result_json(data: dict) -> None:
    """Raise AssertionError where ``data`` breaks the contract."""
    assert data["schema_version"] == SCHEMA_VERSION
    src = data["source"]
    _check_object(src, SOURCE, "source")
    assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"]) and src["kind"] in ("pdf", "image", "transcript")
    assert src["pages"] >= 1
    doc = data["document"]
    _check_object(doc, tuple(c for c in DOCUMENT if c.name != "signatories"), "document")
    assert isinstance(doc["signatories"], list)
    for s in doc["signatories"]:
        assert set(s) >= {"name", "position"} and isinstance(s["name"], str)
    for m in data["measures"]:
        _check_object(m, MEASURE, "measures[]")
        assert m["confidence"] is None or 0.0 <= m["confidence"] <= 1.0
    for c in data["corrections"]:
        assert set(c) == {col.name for col in CORRECTION}
        _check_object(c, CORRECTION, "corrections[]")
        assert c["before"] != c["after"]
        if c["item"] is not None:
            assert c["end"] - c["start"] == len(c["before"])
    assert all(isinstance(w, str) for w in data["warnings"])
    assert len(data["pages"]) == src["pages"]
    for i, p in enumerate(data["pages"], start=1):
        assert p["number"] == i and isinstance(p["text"], str) and isinstance(p["raw_text"], str)
        assert p["mean_confidence"] is None or 0 <= p["mean_confidence"] <= 100
