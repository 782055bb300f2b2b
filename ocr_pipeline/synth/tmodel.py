"""An editable copy of a document's text for transcripts: paragraphs of wrapped lines, and tables.

Garbles edit single lines here; paragraphs re-join from their lines, so every output format sees the
same edits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ocr_pipeline.synth.content import Report
from ocr_pipeline.synth.layout import PageLayout


@dataclass
class TPara:
    """A paragraph as wrapped lines; ``joiners[k]`` is what stood between line k and k+1 (' ' or '')."""

    lines: list[str]
    joiners: list[str] = field(default_factory=list)
    role: str = "text"  # text | title | label

    def text(self) -> str:
        out = self.lines[0] if self.lines else ""
        for j, line in zip(self.joiners, self.lines[1:]):
            out += j + line
        return out


@dataclass
class TRow:
    cells: list[list[TPara]]
    header: bool = False
    span: int = 1  # first cell rowspan when merged in the image (0: covered)
    row_index: int | None = None  # index into Report.rows (None for a header)


@dataclass
class TTable:
    rows: list[TRow]


TItem = TPara | TTable


def joiners_for(text: str, lines: list[str]) -> list[str]:
    """How ``lines`` (a wrap of ``text``) were split: ' ' where a space fell at the break, else ''."""
    out, pos = [], 0
    squeezed = " ".join(text.split())
    for line in lines[:-1]:
        pos = squeezed.find(line, pos) + len(line)
        out.append(" " if pos < len(squeezed) and squeezed[pos] == " " else "")
        if out[-1]:
            pos += 1
    return out


def _cell(paras: list[str], lines: list[str], wrap_lines: bool) -> list[TPara]:
    """Split a cell's rendered lines back into its paragraphs."""
    if not wrap_lines:
        return [TPara([p]) for p in paras if p]
    out, k = [], 0
    for p in paras:
        if not p:
            continue
        taken, acc = [], ""
        while k < len(lines) and len(acc.replace(" ", "")) < len(p.replace(" ", "")):
            taken.append(lines[k])
            acc += lines[k]
            k += 1
        out.append(TPara(taken, joiners_for(p, taken)))
    return out


def from_layout(pages: list[PageLayout], report: Report, reflow_memo: bool) -> list[list[TItem]]:
    """Transcript items per page: rendered lines (or memo paragraphs when ``reflow_memo``) and tables."""
    out: list[list[TItem]] = []
    for page in pages:
        if reflow_memo and not page.landscape:
            out.append(_memo_paragraphs(report))
            continue
        items: list[TItem] = []
        for b in page.blocks:
            if isinstance(b, str):
                items.append(TPara([b]))
                continue
            out_rows = [TRow([_cell(c.paras, c.lines, True) for c in b.header.cells], header=True)] if b.header else []
            out_rows += [
                TRow([_cell(c.paras, c.lines, True) for c in r.cells], span=r.span, row_index=r.row_index)
                for r in b.rows
            ]
            items.append(TTable(out_rows))
        if items and isinstance(items[0], TPara) and page.number == 1 and not page.landscape:
            items[0].role = "title"
        out.append(items)
    return out


def _memo_paragraphs(report: Report) -> list[TItem]:
    """The memo as a VLM reflows it: one line per field, paragraph and signature line."""
    items: list[TItem] = [
        TPara(["บันทึกข้อความ"], role="title"),
        TPara([f"ส่วนราชการ {report.sender_line}"], role="label"),
        TPara([f"ที่ {report.doc_number} วันที่ {report.doc_date_text}"], role="label"),
        TPara([f"เรื่อง {report.subject}"], role="label"),
        TPara([f"เรียน {report.addressee}"]),
    ]
    items += [TPara([p]) for p in report.paragraphs]
    for s in report.signatures:
        if s.comment:
            items.append(TPara([s.comment]))
        items.append(TPara([f"({s.name})"]))
        items += [TPara([p]) for p in s.position_lines]
    return items


def strings(pages: list[list[TItem]]) -> Iterator[tuple[int, list[str], int]]:
    """Every editable line: (page number, the list holding it, index in that list)."""
    for n, items in enumerate(pages, start=1):
        for it in items:
            paras = [it] if isinstance(it, TPara) else [p for r in it.rows for c in r.cells for p in c]
            for p in paras:
                for i in range(len(p.lines)):
                    yield n, p.lines, i
