"""The fiscal year and round written in the document's lines made to agree with the settled values
(rule ``fiscal-consistency``): a line's own reading lost the evidence contest."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.thai_text import arabic_to_thai_digits, thai_to_arabic_digits
from ocr_pipeline.document_text import DocText, located, token_edits
from ocr_pipeline.model import Correction

FY_TOKEN = re.compile(r"(ปีงบประมาณ|ประจำปี(?!งบ))\s*((?:พ\.?\s?ศ\.?)?\s*)([^\s()\-–]{2,7})(?![^\s()\-–])(?!\s*[-–])")
ROUND_TOKEN = re.compile(r"(รอบ\s*)([^\s()]{0,3})(\s*เดือน)")
DIGITISH = re.compile(r"[0-9๐-๙]")
FISCAL_SCORE = 80.0
MAX_YEAR_EDITS = 3  # a written year further from the settled one is another year, not a misreading


def resolve_fiscal_mentions(doc: DocText, fiscal_year_be: int | None, months: int | None) -> list[Correction]:
    """Corrections of the fiscal year and round written in every line."""
    thai = writes_thai_digits([it.text for it in doc.items])
    out: list[Correction] = []
    for item in doc.items:
        if item.line is None:
            continue
        fixed = rewrite_fiscal_mentions(item.text, fiscal_year_be, months, thai)
        edits = token_edits(item.text, fixed)
        out += located(edits, item.key, item.page, item.audit_field, "fiscal-consistency", FISCAL_SCORE)
    return out


def rewrite_fiscal_mentions(text: str, fiscal_year_be: int | None, months: int | None, thai_digits: bool = True) -> str:
    """The fiscal year and round written in a subject or title line, made to agree with the
    document's settled values; numbers are written in the document's own digits."""

    def digits_like(value: str) -> str:
        return arabic_to_thai_digits(value) if thai_digits else value

    if fiscal_year_be is not None:

        def fy(m: re.Match) -> str:
            token, want = m.group(3), str(fiscal_year_be)
            folded = thai_to_arabic_digits(token)
            if folded == want or not DIGITISH.search(token) or Levenshtein.distance(folded, want) > MAX_YEAR_EDITS:
                return m.group(0)
            head = m.group(0)[: m.start(3) - m.start(0)]
            return head + ("" if head.endswith(" ") else " ") + digits_like(want)

        text = FY_TOKEN.sub(fy, text)
    if months in (6, 12):

        def rnd(m: re.Match) -> str:
            token = m.group(2)
            if len(token) > 2:
                return m.group(0)
            return m.group(1).rstrip() + " " + digits_like(str(months)) + " " + m.group(3).lstrip()

        text = ROUND_TOKEN.sub(rnd, text)
    return text


def writes_thai_digits(texts: list[str]) -> bool:
    """Does the document write its numbers in Thai digits (more Thai than Arabic digits)?"""
    joined = "".join(texts)
    thai = sum(1 for ch in joined if "๐" <= ch <= "๙")
    return thai >= sum(1 for ch in joined if ch.isascii() and ch.isdigit())
