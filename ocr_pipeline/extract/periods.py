"""The document's dates settled together: fiscal year, report period, the letter's date and
every measure's period cell, each mention read in its role and repaired from the others
(``clean.date_repair``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ocr_pipeline.clean.date_repair import DateEvidence, DateRepair, repair_dates
from ocr_pipeline.clean.dates import find_date_mentions
from ocr_pipeline.model import Measure, Page

FY_WORD = re.compile(r"งบประมาณ")
PERIOD_START = re.compile(r"ตั้งแต่|ตังแต่|ตั้งแด่|ระหว่าง|รอบระยะเวลา")
PERIOD_STOP = re.compile(r"เพื่อ|จึง|รายละเอียด|ดังนี้")
PERIOD_WINDOW = 90  # characters after the opening word that the period phrase may take


@dataclass
class DateContext:
    """What the memo extraction found that carries dates."""

    subject: str | None
    doc_date_text: str | None
    doc_date_page: int | None


def collect_evidence(pages: list[Page], ctx: DateContext, measures: list[Measure]) -> list[DateEvidence]:
    """Every date mention of the document with its role, in reading order."""
    evidence: list[DateEvidence] = []
    if ctx.subject:
        evidence.append(DateEvidence("fiscal_year", ctx.subject, 1, "document.subject"))
        for m in find_date_mentions(ctx.subject):
            if m.kind == "round":
                evidence.append(DateEvidence("period", m.text, 1, "document.subject"))
    if ctx.doc_date_text:
        evidence.append(DateEvidence("doc_date", ctx.doc_date_text, ctx.doc_date_page, "document.doc_date"))
    for page in pages:
        running = " ".join(ln.text for ln in page.lines)
        if page.tables:  # titles of the measure table: fiscal year and round
            for line in page.lines:
                if FY_WORD.search(line.text):
                    evidence.append(DateEvidence("fiscal_year", line.text, page.number, "pages.text"))
                for m in find_date_mentions(line.text):
                    if m.kind == "round":
                        evidence.append(DateEvidence("period", m.text, page.number, "pages.text"))
            continue
        phrase = period_phrase(running)
        if phrase:
            evidence.append(DateEvidence("period", phrase, page.number, "pages.text"))
    seen = set()
    for m in measures:
        if m.period_text and m.period_text not in seen:
            seen.add(m.period_text)
            evidence.append(DateEvidence("measure_period", m.period_text, m.page, "measures.period_text"))
    return evidence


def period_phrase(text: str) -> str | None:
    """The phrase of the memo's body that names the report period ("ตั้งแต่วันที่ … ถึง …")."""
    opening = PERIOD_START.search(text)
    if not opening:
        return None
    window = text[opening.start() : opening.start() + PERIOD_WINDOW]
    stop = PERIOD_STOP.search(window, 10)
    phrase = window[: stop.start()] if stop else window
    return phrase.strip() if re.search(r"[0-9๐-๙]", phrase) else None


def settle_dates(pages: list[Page], ctx: DateContext, measures: list[Measure], reader: str = "auto") -> DateRepair:
    """Repair and settle all date mentions; fills each measure's period_start/period_end.

    ``reader``: "full" when the digits come from this project's digit reader (it writes every
    Thai digit), "auto" for transcripts of unknown engines (see ``repair_dates``)."""
    evidence = collect_evidence(pages, ctx, measures)
    repair = repair_dates(evidence, reader=reader)
    by_cell: dict[str, tuple] = {}
    for reading in repair.readings:
        if reading.evidence.role == "measure_period":
            by_cell[reading.evidence.text] = (reading.text, reading.start, reading.end)
    for m in measures:
        if m.period_text in by_cell:
            text, start, end = by_cell[m.period_text]
            if text:
                m.period_text = text
            m.period_start = start.isoformat() if start else None
            m.period_end = end.isoformat() if end else None
    return repair


FY_TOKEN = re.compile(r"(ปีงบประมาณ|ประจำปี(?!งบ))\s*((?:พ\.?\s?ศ\.?)?\s*)([^\s()\-–]{2,7})(?![^\s()\-–])(?!\s*[-–])")
ROUND_TOKEN = re.compile(r"(รอบ\s*)([^\s()]{0,3})(\s*เดือน)")
DIGITISH = re.compile(r"[0-9๐-๙]")


def rewrite_fiscal_mentions(text: str, fiscal_year_be: int | None, months: int | None, thai_digits: bool = True) -> str:
    """The fiscal year and round written in a subject or title line, made to agree with the
    document's settled values (the line's own reading lost the evidence contest); numbers are
    written in the document's own digits."""

    def digits_like(_token: str, value: str) -> str:
        return value.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai_digits else value

    if fiscal_year_be is not None:

        def fy(m: re.Match) -> str:
            token, want = m.group(3), str(fiscal_year_be)
            folded = token.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            if folded == want or not DIGITISH.search(token) or Levenshtein.distance(folded, want) > 3:
                return m.group(0)
            head = m.group(0)[: m.start(3) - m.start(0)]
            return head + ("" if head.endswith(" ") else " ") + digits_like(token, want)

        text = FY_TOKEN.sub(fy, text)
    if months in (6, 12):

        def rnd(m: re.Match) -> str:
            token = m.group(2)
            if len(token) > 2:
                return m.group(0)
            return m.group(1).rstrip() + " " + digits_like(token, str(months)) + " " + m.group(3).lstrip()

        text = ROUND_TOKEN.sub(rnd, text)
    return text


def writes_thai_digits(texts: list[str]) -> bool:
    """Does the document write its numbers in Thai digits (more Thai than Arabic digits)?"""
    joined = "".join(texts)
    thai = sum(1 for ch in joined if "๐" <= ch <= "๙")
    return thai >= sum(1 for ch in joined if ch.isascii() and ch.isdigit())


def report_round(start, end) -> str | None:
    """'6 months' or '12 months' from the report period's length; None otherwise."""
    if start is None or end is None:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return {6: "6 months", 12: "12 months"}.get(months)
