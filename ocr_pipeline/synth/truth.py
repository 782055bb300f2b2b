"""Ground truth in the output contract's JSON shape (schema version 1) for a synthetic document.

A field is filled only when the included text states it (evidence), so a memo-only page, a table-only page
or a single cropped line gets exactly the values a reader could take from it, and null for the rest.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import date

from ocr_pipeline.model import Document, Measure, Page, Result, Signatory, Source
from ocr_pipeline.synth.content import Report
from ocr_pipeline.synth.layout import PageLayout, TableBlock, body_index
from ocr_pipeline.synth.thaidate import format_date, thai_num


def _fold(text: str) -> str:
    return "".join(text.split())


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def document_fields(report: Report, text: str) -> Document:
    """The memo fields that ``text`` (all included page text) gives evidence for."""
    t = _fold(text)
    has = lambda *options: any(_fold(o) in t for o in options)  # noqa: E731
    a = report.agency
    doc = Document()
    if has(a.name):
        doc.agency, doc.agency_type, doc.subdistrict = a.name, a.type, a.place
    if has(f"ส่วนราชการ {report.division}"):
        doc.division = report.division
    if has(f"อำเภอ{a.district}", f"อ.{a.district}"):
        doc.district = a.district
    if has(f"จังหวัด{a.province}", f"จ.{a.province}"):
        doc.province = a.province
    if doc.agency and doc.district and doc.province:
        doc.geocode = a.geocode
    if has(report.doc_number):
        doc.doc_number = report.doc_number
    if has(report.doc_date_text):
        doc.doc_date = report.doc_date.isoformat()
    if has(report.subject):
        doc.subject = report.subject
    if has(f"เรียน {report.addressee}"):
        doc.addressee = report.addressee
    fy = thai_num(report.fiscal_year)
    if has(f"ปีงบประมาณ พ.ศ. {fy}", f"ปีงบประมาณ {fy}", f"ประจำปี {fy}", f"ประจำปี พ.ศ. {fy}"):
        doc.fiscal_year_be = report.fiscal_year
    if has(report.round_text):
        doc.report_round = report.report_round
    period_text = _period_sentence_in(report, t)
    if period_text or (doc.fiscal_year_be and doc.report_round):
        doc.period_start, doc.period_end = _iso(report.period_start), _iso(report.period_end)
    doc.signatories = [Signatory(s.name, s.position) for s in report.signatures if has(f"({s.name})")]
    return doc


def _period_sentence_in(report: Report, folded: str) -> bool:
    a, b = format_date(report.period_start, "full"), format_date(report.period_end, "full")
    return _fold(a) in folded and _fold(b) in folded


def measures(report: Report, pages: list[PageLayout], page_numbers: dict[int, int]) -> list[Measure]:
    """One Measure per step shown in the table, in table order; ``page`` is where its row starts."""
    out = []
    for page in pages:
        for block in page.blocks:
            if not isinstance(block, TableBlock):
                continue
            for rb in block.rows:
                row = report.rows[body_index(rb)]
                m = report.measures[row.measure]
                shown = report.measures[row.measure].steps[row.steps[0]]
                for si in row.steps:
                    s = m.steps[si]
                    out.append(
                        Measure(
                            measure_no=m.no,
                            measure=m.text,
                            step_no=s.no,
                            step=s.text,
                            responsible=" ".join(shown.responsible.split("\n")),
                            period_text=shown.period_text,
                            period_start=_iso(shown.period_start),
                            period_end=_iso(shown.period_end),
                            result=" ".join(shown.result.split("\n")),
                            page=page_numbers[page.number],
                            confidence=1.0,
                        )
                    )
    return out


def truth_json(
    report: Report,
    pages: list[PageLayout],
    file_name: str,
    data: bytes,
    kind: str,
    synth: dict,
    page_texts: list[str] | None = None,
) -> dict:
    """The truth object for a file made of ``pages`` (numbered 1.. in the file).

    ``page_texts`` overrides the page texts (a cropped line); measures then come only from tables in it.
    """
    texts = page_texts if page_texts is not None else [p.text() for p in pages]
    numbers = {p.number: i for i, p in enumerate(pages, start=1)}
    result = Result(
        source=Source(path=file_name, sha256=hashlib.sha256(data).hexdigest(), kind=kind, pages=len(texts)),
        document=document_fields(report, "\n".join(texts)),
        measures=measures(report, pages, numbers) if page_texts is None else [],
        corrections=[],
        warnings=[],
        pages=[Page(number=i, raw_text=t, text=t, mean_confidence=None) for i, t in enumerate(texts, start=1)],
    )
    out = result.to_json()
    out["document"] = asdict(result.document)  # keep every contract field, report_round included
    out.pop("tables", None)
    out["synth"] = synth
    return out
