"""The typed values that flow from one pipeline stage to the next.

ingest -> ``PageImage`` / ``TranscriptPage``; ocr + layout -> ``Page`` (lines, words, tables);
clean + extract -> ``Result`` (document fields, measures, corrections, warnings).
Boxes are ``(x0, y0, x1, y1)`` in pixels of the page image the OCR read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Box = tuple[int, int, int, int]


def union_box(boxes) -> Box:
    """The smallest box holding all ``boxes``."""
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


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

    @property
    def conf(self) -> float:
        confs = [w.conf for w in self.words if w.conf >= 0]
        return sum(confs) / len(confs) if confs else -1.0

    def token_ranges(self) -> list[tuple[int, int]]:
        """Word index ranges [start, end) of the line's space-separated tokens (see ``token_ranges``)."""
        return token_ranges(self.words)


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
    """One change the clean-up made, for audit."""

    page: int | None
    field: str
    before: str
    after: str
    rule: str
    score: float


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
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # time per reading step, for the benchmark
    unclear_digits: list[str] = field(default_factory=list)  # text the digit reader flagged, left as read
    geometry: PageGeometry | None = None  # scans only: how the boxes map onto the original page image


@dataclass
class Signatory:
    name: str
    position: str | None = None


@dataclass
class Document:
    """The memo's fields; ``None`` means the document gives no evidence for the value."""

    agency: str | None = None
    agency_type: str | None = None
    division: str | None = None
    subdistrict: str | None = None
    district: str | None = None
    province: str | None = None
    geocode: str | None = None
    doc_number: str | None = None
    doc_date: str | None = None
    subject: str | None = None
    addressee: str | None = None
    fiscal_year_be: int | None = None
    period_start: str | None = None
    period_end: str | None = None
    report_round: str | None = None  # "6 months" | "12 months"
    signatories: list[Signatory] = field(default_factory=list)


@dataclass
class Measure:
    """One row of the measure table: one step of one measure."""

    measure_no: int | None
    measure: str
    step_no: int | None
    step: str
    responsible: str = ""
    period_text: str = ""
    period_start: str | None = None
    period_end: str | None = None
    result: str = ""
    page: int | None = None
    confidence: float | None = None


@dataclass
class Source:
    path: str
    sha256: str
    kind: str  # pdf | image | transcript
    pages: int


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
