"""Warnings in one short form: field, value (cut to ``MAX_VALUE`` characters), reason (issue 15.9).

>>> warning("page 1 document.doc_date", "๑๖ เมษายน ๒๕๖๖", "unreadable or inconsistent; left empty")
"page 1 document.doc_date: '๑๖ เมษายน ๒๕๖๖' unreadable or inconsistent; left empty"
>>> len(warning("subject", "ก" * 200, "ambiguous"))
81
"""

from __future__ import annotations

MAX_VALUE = 60  # characters of a value quoted in a warning


def short_value(value: object) -> str:
    """The value on one line (whitespace runs as one space), cut to ``MAX_VALUE`` characters with ``…``."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def warning(field: str, value: object, reason: str) -> str:
    """``field: 'value' reason`` (no value: ``field: reason``)."""
    if value is None or str(value).strip() == "":
        return f"{field}: {reason}"
    return f"{field}: '{short_value(value)}' {reason}"
