"""Page layouts: draw operations (in pixels) plus the structure the truth and transcripts need; and the
portrait cover memo (บันทึกข้อความ). The landscape measure table is in ``table_layout``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ocr_pipeline.synth.content import Report, Signature
from ocr_pipeline.synth.fonts import FontSet
from ocr_pipeline.synth.wrap import text_width, wrap

MM_PER_INCH = 25.4


@dataclass
class TextOp:
    x: float
    y: float  # baseline
    text: str
    pt: float
    bold: bool = False
    justify: float = 0.0  # > 0: the line is stretched to this width (print engine only)


@dataclass
class RuleOp:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    dotted: bool = False


@dataclass
class FillOp:
    box: tuple[float, float, float, float]
    fill: int


@dataclass
class MarkOp:
    kind: str  # emblem | signature
    box: tuple[float, float, float, float]


Op = TextOp | RuleOp | FillOp | MarkOp


@dataclass
class CellBlock:
    text: str  # logical text (truth)
    paras: list[str]  # hard-broken paragraphs
    lines: list[str]  # as rendered (wrapped)


@dataclass
class RowBlock:
    cells: list[CellBlock]
    row_index: int | None  # index into Report.rows; None for the header
    span: int = 1  # rows covered by the first cell when merged (0: covered by a cell above)


def body_index(row: RowBlock) -> int:
    """The Report.rows index of a body row (a header row has none)."""
    if row.row_index is None:
        raise ValueError("a header row has no measure row")
    return row.row_index


@dataclass
class TableBlock:
    header: RowBlock | None
    rows: list[RowBlock]


@dataclass
class CellBox:
    """Where a body cell of a ruled table lies, and the band its text lines take (pixels)."""

    row_index: int  # index into Report.rows
    col: int
    box: tuple[float, float, float, float]
    text_top: float  # top of the first line's marks (the box's top when the cell is empty)
    text_bottom: float  # bottom of the last line's descenders


@dataclass
class PageLayout:
    number: int
    width: int
    height: int
    landscape: bool
    ops: list[Op] = field(default_factory=list)
    blocks: list[str | TableBlock] = field(default_factory=list)  # text lines and tables in order
    cells: list[CellBox] = field(default_factory=list)  # body cells of the table, for cell specks

    def truth_lines(self) -> list[str]:
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, str):
                out.append(b)
                continue
            for row in ([b.header] if b.header else []) + b.rows:
                out.append(" | ".join(c.text for c in row.cells))
        return out

    def text(self) -> str:
        return "\n".join(self.truth_lines())


def mm(value: float, dpi: int) -> float:
    return value * dpi / MM_PER_INCH


# ----------------------------------------------------------------------------- memo


@dataclass
class MemoStyle:
    pitch: float  # line pitch in em
    pairs: bool  # later signature blocks two by two
    dotted: bool  # dotted leader lines under the header fields
    emblem: bool
    para_gap: float  # extra space between paragraphs, in lines
    indent_mm: float


def memo_style(rng: random.Random) -> MemoStyle:
    return MemoStyle(
        pitch=rng.uniform(1.45, 1.6),
        pairs=rng.random() < 0.35,
        dotted=rng.random() < 0.5,
        emblem=rng.random() < 0.85,
        para_gap=rng.uniform(0.15, 0.45),
        indent_mm=rng.uniform(22, 27),
    )


def layout_memo(report: Report, fonts: FontSet, rng: random.Random, number: int = 1) -> PageLayout:
    """The memo page; spacing shrinks until everything fits on one A4 page."""
    style = memo_style(rng)
    for _attempt in range(12):
        page = _memo_attempt(report, fonts, style)
        if page is not None:
            page.number = number
            report.style["memo"] = {
                "pitch": round(style.pitch, 3),
                "pairs": style.pairs,
                "dotted": style.dotted,
                "emblem": style.emblem,
                "signatures": len(report.signatures),
            }
            return page
        if not style.pairs:
            style.pairs = True
        elif style.pitch > 1.3:
            style.pitch = max(1.3, style.pitch - 0.07)
            style.para_gap = max(0.0, style.para_gap - 0.15)
        elif len(report.signatures) > 3:
            del report.signatures[1]  # the supervisor's block goes
        elif any(s.comment for s in report.signatures):
            for s in report.signatures:
                s.comment = None
        else:
            style.pitch -= 0.05
    raise RuntimeError("memo does not fit on one page")


def _memo_attempt(report: Report, fonts: FontSet, st: MemoStyle) -> PageLayout | None:
    dpi = fonts.dpi
    w, h = round(mm(210, dpi)), round(mm(297, dpi))
    page = PageLayout(1, w, h, False)
    left, right = mm(30, dpi), w - mm(20, dpi)
    bottom = h - mm(15, dpi)
    em = fonts.em(16)
    pitch = em * st.pitch
    body = fonts.font(16)
    label_font = fonts.font(20, bold=True)
    y_top = mm(12, dpi)
    if st.emblem:
        size = mm(15, dpi)
        page.ops.append(MarkOp("emblem", (left, y_top, left + size * 0.95, y_top + size)))
    title = "บันทึกข้อความ"
    title_font = fonts.font(29, bold=True)
    tw = text_width(title_font, title)
    ty = y_top + mm(13, dpi)
    page.ops.append(TextOp((left + right) / 2 - tw / 2, ty, title, 29, True))
    page.blocks.append(title)
    y = ty + fonts.em(20) * 1.55

    head_pitch = max(pitch, fonts.em(20) * 1.3)

    gap = mm(2.5, dpi)
    justify = fonts.engine == "pango"  # a word processor's justified (Thai distributed) paragraphs

    def labelled(
        label: str, value: str, x_label: float, x_end: float, y: float, nowrap: bool = False
    ) -> tuple[list[str], float]:
        """Bold 20 pt label then the 16 pt value, wrapped back to the left margin; returns lines and new y."""
        page.ops.append(TextOp(x_label, y, label, 20, True))
        vx = x_label + text_width(label_font, label) + gap
        lines = [value] if nowrap else wrap(value, body, x_end - left, first_width=x_end - vx)
        out = []
        for i, line in enumerate(lines):
            x = vx if i == 0 else left
            stretch = x_end - x if justify and i < len(lines) - 1 else 0.0
            page.ops.append(TextOp(x, y, line, 16, justify=stretch))
            if st.dotted:
                page.ops.append(RuleOp(x, y + em * 0.12, x_end, y + em * 0.12, 1.0, dotted=True))
            out.append(f"{label} {line}" if i == 0 else line)
            y += head_pitch if i == len(lines) - 1 else pitch
        return out, y

    lines, y = labelled("ส่วนราชการ", report.sender_line, left, right, y)
    page.blocks.extend(lines)
    date_w = text_width(label_font, "วันที่") + gap + text_width(body, report.doc_date_text)
    mid = min(left + (right - left) * 0.47, right - date_w - mm(1, dpi))
    no_lines, _ = labelled("ที่", report.doc_number, left, mid - mm(3, dpi), y, nowrap=True)
    date_lines, y = labelled("วันที่", report.doc_date_text, mid, right, y, nowrap=True)
    page.blocks.append(no_lines[0] + " " + date_lines[0])
    lines, y = labelled("เรื่อง", report.subject, left, right, y)
    page.blocks.extend(lines)
    y += pitch * 0.35
    page.ops.append(TextOp(left, y, "เรียน", 16))
    page.ops.append(TextOp(left + text_width(body, "เรียน") + mm(3, dpi), y, report.addressee, 16))
    page.blocks.append(f"เรียน {report.addressee}")
    y += pitch * (1.0 + st.para_gap)
    indent = mm(st.indent_mm, dpi)
    for para in report.paragraphs:
        lines = wrap(para, body, right - left, first_width=right - left - indent)
        for i, line in enumerate(lines):
            x = left + (indent if i == 0 else 0)
            stretch = right - x if justify and i < len(lines) - 1 else 0.0
            page.ops.append(TextOp(x, y, line, 16, justify=stretch))
            page.blocks.append(line)
            y += pitch
        y += pitch * st.para_gap
    y += pitch * 0.6
    y = _signatures(page, report.signatures, fonts, st, left, right, y, pitch)
    return page if y - pitch + em * 0.45 <= bottom else None


def _sig_lines(sig: Signature) -> list[tuple[str, str | None]]:
    """Roles and texts of a block: comment (may be None), signature space, name, position lines."""
    return [("comment", sig.comment), ("sign", None), ("name", f"({sig.name})")] + [
        ("position", p) for p in sig.position_lines
    ]


def _signatures(
    page: PageLayout,
    sigs: list[Signature],
    fonts: FontSet,
    st: MemoStyle,
    left: float,
    right: float,
    y: float,
    pitch: float,
) -> float:
    width = right - left
    body = fonts.font(16)
    groups: list[list[tuple[Signature, float]]] = [[(sigs[0], left + width * 0.62)]]
    rest = sigs[1:]

    def fits_half(s: Signature) -> bool:
        texts = [f"({s.name})"] + s.position_lines
        return max(text_width(body, t) for t in texts) <= width * 0.47

    if st.pairs:
        i = 0
        while i < len(rest):
            pair = rest[i : i + 2]
            if len(pair) == 2 and all(fits_half(s) for s in pair):
                groups.append(list(zip(pair, [left + width * 0.25, left + width * 0.75])))
                i += 2
            else:
                groups.append([(rest[i], left + width * 0.62)])
                i += 1
    else:
        groups.extend([[(s, left + width * 0.62)] for s in rest])
    for group in groups:
        blocks = [(_sig_lines(s), cx) for s, cx in group]
        n_rows = max(len(b) for b, _ in blocks)
        for r in range(n_rows):
            row_texts = []
            any_line = False
            for lines, cx in blocks:
                if r >= len(lines):
                    continue
                role, text = lines[r]
                if role == "comment":
                    if text:
                        x = cx - width * (0.22 if len(group) == 2 else 0.3)
                        page.ops.append(TextOp(x, y, text, 16))
                        row_texts.append(text)
                        any_line = True
                elif role == "sign":
                    any_line = True
                    sw = width * 0.2
                    page.ops.append(MarkOp("signature", (cx - sw / 2, y - pitch * 0.7, cx + sw / 2, y + pitch * 0.1)))
                elif text is not None:
                    tw = text_width(body, text)
                    page.ops.append(TextOp(cx - tw / 2, y, text, 16))
                    row_texts.append(text)
                    any_line = True
            if row_texts:
                page.blocks.append(" ".join(row_texts))
            if any_line:
                y += pitch
        y += pitch * 0.5
    return y
