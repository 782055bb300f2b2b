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


def differing(a: str, b: str, width: int = 20) -> tuple[str, str]:
    """Where two readings of one text differ (their common front and back left out), each cut to
    ``width`` characters: the part a warning needs to quote.

    >>> differing("ตั้งแต่วันที่ ๑ ต.ค. ๒๕๖๕ ถึง ๓๑ มี.ค. ๒๕๖๖", "ตั้งแต่วันที่ ๑ ต.ค. ๒๕๖๕ ถึง ๓๑ มี.ค. ๒๕๖๗")
    ('๒๕๖๖', '๒๕๖๗')
    """
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    q = 0
    while q < min(len(a), len(b)) - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    # whole whitespace-separated words
    while p and not a[p - 1].isspace():
        p -= 1
    while q and not a[len(a) - q].isspace():
        q -= 1
    return short_value(a[p : len(a) - q])[:width], short_value(b[p : len(b) - q])[:width]
