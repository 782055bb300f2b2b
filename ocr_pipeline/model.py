"""The typed values that flow from one pipeline stage to the next.

ingest -> ``PageImage`` / ``TranscriptPage``; ocr + layout -> ``Page`` (lines, words, tables);
clean + extract -> ``Result`` (document fields, measures, corrections, warnings).
Boxes are ``(x0, y0, x1, y1)`` in pixels of the page image the OCR read.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any

Box = tuple[int, int, int, int]


def out(doc: str, default: Any = None, *, factory: Any = None, csv: bool = True) -> Any:
    """A field of the output contract with its description (``schema`` reads both); ``csv``: also a
    column of the CSV files where the dataclass is a CSV row."""
    meta = {"doc": doc, "csv": csv}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


def union_box(boxes) -> Box:
    """The smallest box holding all ``boxes``."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def columns_shared(a: Box, b: Box) -> int:
    """Pixel columns two boxes share (0 when they stand side by side)."""
    return max(0, min(a[2], b[2]) - max(a[0], b[0]))


@dataclass
class Word:
    """One OCR word (Tesseract often splits Thai into character clusters)."""

    text: str
    box: Box
    conf: float  # 0-100, as Tesseract reports it
    space_before: bool = False  # a word gap precedes this word on its line


@dataclass
class Line:
    """A line of text in reading order, built from word boxes."""

    text: str
    box: Box
    words: list[Word] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)  # other readings of its pixels (a signature's name line)

    @property
    def conf(self) -> float:
        confs = [w.conf for w in self.words if w.conf >= 0]
        return sum(confs) / len(confs) if confs else -1.0

    def token_ranges(self) -> list[tuple[int, int]]:
        """Word index ranges [start, end) of the line's space-separated tokens (see ``token_ranges``)."""
        return token_ranges(self.words)


def copy_lines(lines: list[Line]) -> list[Line]:
    """Copies of ``lines`` to change freely: new lines, words and reading lists (a word two lines share
    stays shared), the same immutable texts and boxes; what ``copy.deepcopy`` gives, a third of its time."""
    words: dict[int, Word] = {}
    out = []
    for ln in lines:
        twin = copy.copy(ln)
        twin.words = [words.setdefault(id(w), copy.copy(w)) for w in ln.words]
        twin.readings = list(ln.readings)
        out.append(twin)
    return out


def token_ranges(words: list[Word]) -> list[tuple[int, int]]:
    """Word index ranges [start, end) of space-separated tokens (Tesseract gives Thai one word per
    character cluster; its spaces mark the real word gaps)."""
    ranges, start = [], 0
    for i, w in enumerate(words):
        if i and w.space_before:
            ranges.append((start, i))
            start = i
    if words:
        ranges.append((start, len(words)))
    return ranges


@dataclass
class Cell:
    """One table cell. ``row``/``col`` are grid positions; spans count grid units."""

    row: int
    col: int
    text: str
    box: Box | None = None
    rowspan: int = 1
    colspan: int = 1
    raw_text: str = ""
    conf: float = -1.0  # 0-100, mean word confidence, -1 when unknown
    lines: list[Line] = field(default_factory=list)  # scans: the OCR lines read in the cell, in page pixels


@dataclass
class Table:
    """A table found on a page (ruled grid, word columns, or markup in a transcript)."""

    page: int
    cells: list[Cell]
    box: Box | None = None
    source: str = "grid"  # grid | columns | markdown | html

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[str]]:
        """Rows of cell text; a spanned cell's text sits at its top-left position only."""
        rows = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            rows[c.row][c.col] = c.text
        return rows

    def text_rows(self) -> list[str]:
        """One line per grid row, cells joined by ' | ' (a cell's own line breaks as spaces)."""
        return [" | ".join(cell.replace("\n", " ") for cell in row) for row in self.grid()]

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col), spans included."""
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None


@dataclass
class PageImage:
    """A page image ready for OCR (from a PDF page or an image file)."""

    number: int
    image: Any  # PIL.Image.Image, mode "L"
    dpi: int
    single_line: bool = False


@dataclass
class TranscriptPage:
    """A page of an OCR transcript (text, markdown or HTML) with its parsed tables."""

    number: int
    text: str
    tables: list[Table] = field(default_factory=list)


@dataclass
class Correction:
    """One change the clean-up made, for audit.

    ``item`` names the text it changed (``p1.l3``: line 3 of page 1; ``p2.t0.r3.c1``: a table cell;
    ``document.subject``: a document field) and ``start``/``end`` the span of ``before`` in that
    text at the moment the correction was made (corrections of one item are made in list order).
    Changes made while reading a page (digits re-read from the pixels, specks dropped) have no item.
    """

    page: int | None = out("the page the change was made on")
    field: str = out("what was changed: pages.text (a page line), table.<column> (a cell), document.<field>", "")
    before: str = out("the text as read", "")
    after: str = out("the text as corrected", "")
    rule: str = out("the clean-up rule that made the change (README: correction rules)", "")
    score: float = out("how sure the rule was, 0-100", 0.0)
    item: str | None = out("the line (p1.l3), cell (p2.t0.r3.c1) or field changed; none for changes made while reading")
    start: int | None = out("where before starts in that item's text, when the change was made")
    end: int | None = out("where before ends")


@dataclass
class PageGeometry:
    """Where the prepared image the OCR read (``Page`` boxes) lies on the page image as loaded
    (a PDF page rendered at ``dpi``, an image file's frame after its EXIF rotation).

    Prepared pixels -> source pixels: rotate back by ``skew`` degrees about the prepared image's
    centre, then divide by ``scale``. Export uses it to place text and boxes on the original page.
    """

    source_width: int
    source_height: int
    dpi: float  # of the source image
    scale: float = 1.0  # prepared pixels per source pixel (low-resolution scans are upscaled)
    skew: float = 0.0  # degrees the page was turned to deskew it (positive: its text rose to the right)


@dataclass
class Page:
    """One page after OCR/layout, then after text clean-up (``text``)."""

    number: int
    raw_text: str
    text: str = ""
    mean_confidence: float | None = None
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    width: int = 0
    height: int = 0
    corrections: list[Correction] = field(default_factory=list)
    # where each of ``corrections`` stands: its line's text on either side (the benchmark's judge uses it)
    read_context: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # time per reading step, for the benchmark
    unclear_digits: list[str] = field(default_factory=list)  # text the digit reader flagged, left as read
    geometry: PageGeometry | None = None  # scans only: how the boxes map onto the original page image


@dataclass
class Signatory:
    name: str = out("the name as the signature block writes it, title included")
    position: str | None = out("the position line under the name")


@dataclass
class Document:
    """The memo's fields; ``None`` means the document gives no evidence for the value."""

    agency: str | None = out("the agency's full name as resolved in the gazetteer, e.g. เทศบาลตำบลกกโก")
    agency_type: str | None = out("เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, องค์การบริหารส่วนตำบล or องค์การบริหารส่วนจังหวัด")
    division: str | None = out("the unit that wrote the memo (ส่วนราชการ), e.g. สำนักปลัด")
    subdistrict: str | None = out("the agency's subdistrict (ตำบล), from the gazetteer")
    district: str | None = out("its district (อำเภอ)")
    province: str | None = out("its province (จังหวัด)")
    geocode: str | None = out("6-digit DOPA code of the subdistrict (a district or province padded with zeros)")
    doc_number: str | None = out("the memo's number (ที่), prefix and number as written, e.g. ลบ ๕๓๘๐๑/๓๒๔")
    doc_date: str | None = out("the memo's date (วันที่), ISO YYYY-MM-DD, Gregorian")
    subject: str | None = out("the memo's subject (เรื่อง)")
    addressee: str | None = out("to whom the memo is addressed (เรียน)")
    fiscal_year_be: int | None = out(
        "the Thai fiscal year reported on, Buddhist Era (FY 2566: 2022-10-01 to 2023-09-30)"
    )
    period_start: str | None = out("first day of the report period, ISO")
    period_end: str | None = out("last day of the report period, ISO")
    report_round: str | None = out("'6 months' or '12 months', from the report period")
    signatories: list[Signatory] = out("names and positions of the signature blocks", factory=list, csv=False)


@dataclass
class Measure:
    """One row of the measure table: one step of one measure."""

    measure_no: int | None = out("the measure's number (its leading number, split off)")
    measure: str = out("the measure's text, without its number; continuation rows repeat it", "")
    step_no: int | None = out("the step's number within its measure")
    step: str = out("the step's text, without its number", "")
    responsible: str = out("the responsible unit or position", "")
    period_text: str = out("the time frame as written", "")
    period_start: str | None = out("first day of the time frame, ISO")
    period_end: str | None = out("last day of the time frame, ISO")
    result: str = out("the result reported", "")
    page: int | None = out("the page the row is on")
    confidence: float | None = out("mean OCR confidence of the row's cells, 0-1 (None for transcripts)")


@dataclass
class Source:
    path: str = out("the input file as given")
    sha256: str = out("SHA-256 of the input file", "")
    kind: str = out("pdf, image or transcript", "")
    pages: int = out("number of pages", 0)


@dataclass
class Result:
    """Everything written for one input."""

    source: Source
    document: Document
    measures: list[Measure]
    corrections: list[Correction]
    warnings: list[str]
    pages: list[Page]
    tables: list[Table] = field(default_factory=list)  # tables that are not measure tables
    seconds: dict[str, float] = field(default_factory=dict)  # clean-up stages (benchmark only, not written)

    def to_json(self) -> dict:
        """The output contract's JSON object (schema version 1)."""
        return {
            "schema_version": 1,
            "source": asdict(self.source),
            "document": asdict(self.document),
            "measures": [asdict(m) for m in self.measures],
            "corrections": [asdict(c) for c in self.corrections],
            "warnings": list(self.warnings),
            "pages": [
                {
                    "number": p.number,
                    "text": p.text,
                    "raw_text": p.raw_text,
                    "mean_confidence": p.mean_confidence,
                }
                for p in self.pages
            ],
            "tables": [
                {
                    "page": t.page,
                    "box": list(t.box) if t.box else None,
                    "source": t.source,
                    "rows": t.grid(),
                }
                for t in self.tables
            ],
        }
