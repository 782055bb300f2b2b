"""A checker of the output contract (docs: ../shared/docs/output-contract.md), used by the tests."""

from __future__ import annotations

import re

DOC_FIELDS = {
    "agency": str,
    "agency_type": str,
    "division": str,
    "subdistrict": str,
    "district": str,
    "province": str,
    "geocode": str,
    "doc_number": str,
    "doc_date": str,
    "subject": str,
    "addressee": str,
    "fiscal_year_be": int,
    "period_start": str,
    "period_end": str,
}
MEASURE_FIELDS = {
    "measure_no": int,
    "measure": str,
    "step_no": int,
    "step": str,
    "responsible": str,
    "period_text": str,
    "period_start": str,
    "period_end": str,
    "result": str,
    "page": int,
    "confidence": float,
}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MEASURE_CSV_COLUMNS = [
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
    "agency",
    "province",
    "fiscal_year_be",
    "doc_date",
]


def _typed(value, kind, where: str) -> None:
    if value is None:
        return
    if kind is float:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), where
    else:
        assert isinstance(value, kind) and not isinstance(value, bool), f"{where}: {value!r}"


def check_result_json(data: dict) -> None:
    """Raise AssertionError where ``data`` breaks the contract (schema version 1)."""
    assert data["schema_version"] == 1
    src = data["source"]
    assert set(src) >= {"path", "sha256", "kind", "pages"}
    assert re.fullmatch(r"[0-9a-f]{64}", src["sha256"]) and src["kind"] in ("pdf", "image", "transcript")
    assert isinstance(src["pages"], int) and src["pages"] >= 1
    doc = data["document"]
    for name, kind in DOC_FIELDS.items():
        assert name in doc, f"document.{name} missing"
        _typed(doc[name], kind, f"document.{name}")
    for name in ("doc_date", "period_start", "period_end"):
        assert doc[name] is None or ISO.match(doc[name]), name
    assert isinstance(doc["signatories"], list)
    for s in doc["signatories"]:
        assert set(s) >= {"name", "position"} and isinstance(s["name"], str)
    for m in data["measures"]:
        for name, kind in MEASURE_FIELDS.items():
            assert name in m, f"measures[].{name} missing"
            _typed(m[name], kind, f"measures[].{name}")
        assert m["confidence"] is None or 0.0 <= m["confidence"] <= 1.0
        for name in ("period_start", "period_end"):
            assert m[name] is None or ISO.match(m[name])
    for c in data["corrections"]:
        assert set(c) == {"page", "field", "before", "after", "rule", "score"}
        assert c["before"] != c["after"] and isinstance(c["score"], (int, float))
    assert all(isinstance(w, str) for w in data["warnings"])
    assert len(data["pages"]) == src["pages"]
    for i, p in enumerate(data["pages"], start=1):
        assert p["number"] == i and isinstance(p["text"], str) and isinstance(p["raw_text"], str)
        assert p["mean_confidence"] is None or 0 <= p["mean_confidence"] <= 100
