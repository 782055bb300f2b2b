"""One page image -> one ``Page``: clean-up, ruled tables, OCR, Thai-digit re-reading, signature
names read again (``ocr/name_lines.py``).

This is the unit of parallel work: a worker process loads its own page (so only pages being
read are in memory), reads it and returns plain data; the image is dropped here.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ocr_pipeline.layout.cells import assign_lines, build_table, compose_canvas, unread_cells
from ocr_pipeline.layout.grid import find_grids
from ocr_pipeline.layout.preprocess import erase_underlines, pad_line, prepare_page, single_line, whiten_rows
from ocr_pipeline.layout.reading_order import page_text
from ocr_pipeline.model import Correction, Line, Page, PageGeometry, Word, columns_shared, copy_lines
from ocr_pipeline.ocr import digit_glyphs as dg
from ocr_pipeline.ocr.double_reads import drop_double_reads
from ocr_pipeline.ocr.latin_reread import Anchor, context, drop_mark_lines, drop_noise, reread_latin
from ocr_pipeline.ocr.lost_lines import reread_lost_lines
from ocr_pipeline.ocr.lost_starts import reread_lost_middles, reread_lost_starts
from ocr_pipeline.ocr.month_marks import reread_month_marks
from ocr_pipeline.ocr.name_lines import reread_name_lines
from ocr_pipeline.ocr.row_fragments import join_row_fragments
from ocr_pipeline.ocr.tesseract import line_text, ocr_images, ocr_lines
from ocr_pipeline.warning_text import warning

PAGE_PSM = 3  # the page's running text (tables masked) is read with page segmentation
CELL_PSM = 4  # the canvas of a table's cut cells is read as one column of lines
UNREAD_CELL_PSM = 6  # cells that reading gave no line, read again as one uniform block (``unread_cells``)


@dataclass(frozen=True)
class PageTask:
    """What a worker needs to load and read one page."""

    path: Path
    kind: str  # pdf | image
    number: int


def load_page(task: PageTask) -> tuple[Image.Image, float | None]:
    if task.kind == "pdf":
        from ocr_pipeline.ingest.pdf import RENDER_DPI, render_pdf_page

        return render_pdf_page(task.path, task.number), RENDER_DPI
    from ocr_pipeline.ingest.images import load_image_page

    return load_image_page(task.path, task.number)


def read_page_task(task: PageTask) -> Page:
    image, dpi = load_page(task)
    return read_page_image(image, dpi, task.number)


def read_page_image(image: Image.Image, dpi: float | None, number: int) -> Page:
    """OCR one page image (tables cell by cell, the rest as running text)."""
    started = time.perf_counter()
    gray, dpi_used, angle = prepare_page(image, dpi)
    ocr = _PageOcr(dpi_used, number)
    ocr.seconds["prepare"] = time.perf_counter() - started
    ocr.geometry = page_geometry(image, gray, dpi, dpi_used, angle)
    line = single_line(gray, dpi_used)
    if line is not None:
        gray = whiten_rows(gray, line[1])  # fragments of the lines above and below, cut by the crop
        gray = erase_underlines(gray, line[0])
        padded, margin = pad_line(gray, line[0])
        raw_lines, lines = ocr.read(padded, psm=7)
        _shift(raw_lines + lines, -margin, gray.shape)  # boxes back on the page image
        return _page(number, gray, raw_lines, lines, [], [], ocr)

    started = time.perf_counter()
    grids = find_grids(gray, dpi_used)
    ocr.seconds["grid"] = time.perf_counter() - started
    masked = gray.copy()
    for g in grids:
        x0, y0, x1, y1 = g.box
        masked[max(y0 - 6, 0) : y1 + 6, max(x0 - 6, 0) : x1 + 6] = 255
    raw_lines, lines = ocr.read(masked, psm=3)
    ocr.reread_names(masked, lines)
    raw_tables, tables = [], []
    for g in grids:
        canvas, placed = compose_canvas(gray, g)
        raw_cells, cell_lines = ocr.read(canvas, psm=CELL_PSM) if placed else ([], [])
        raw_by, by = assign_lines(raw_cells, placed), assign_lines(cell_lines, placed)
        heights = sorted(ln.box[3] - ln.box[1] for ln in raw_cells)
        missed = unread_cells(gray, g, placed, raw_by, heights[len(heights) // 2] if heights else 0)
        if missed:  # read again on a canvas of their own, as one block: their lines replace the empty ones
            again, placed_again = compose_canvas(gray, g, only=missed)
            raw_again, lines_again = ocr.read(again, psm=UNREAD_CELL_PSM, cells=True)
            n = len(placed)
            placed = placed + placed_again
            raw_by.update({n + k: v for k, v in assign_lines(raw_again, placed_again).items()})
            by.update({n + k: v for k, v in assign_lines(lines_again, placed_again).items()})
        raw_tables.append(build_table(g, number, placed, raw_by))
        tables.append(build_table(g, number, placed, by))
    return _page(number, gray, raw_lines, lines, raw_tables, tables, ocr)


def page_geometry(image: Image.Image, gray: np.ndarray, dpi: float | None, dpi_used: int, angle: float) -> PageGeometry:
    """How the prepared image ``gray`` maps back onto the loaded page ``image`` (see PageGeometry)."""
    scale = gray.shape[1] / image.width
    return PageGeometry(
        source_width=image.width,
        source_height=image.height,
        dpi=float(dpi) if dpi else dpi_used / scale,
        scale=round(scale, 6),
        skew=float(angle),
    )


def _shift(lines: list[Line], d: int, shape: tuple[int, int]) -> None:
    """Move the lines' and their words' boxes by ``d`` pixels right and down (each object once), kept
    inside an image of ``shape`` (Tesseract's boxes of Thai may reach into the margin)."""
    if not d:
        return
    height, width = shape
    seen: set[int] = set()
    objs: list[Line | Word] = [*lines, *(w for ln in lines for w in ln.words)]
    for obj in objs:
        if id(obj) not in seen:
            seen.add(id(obj))
            x0, y0, x1, y1 = obj.box
            x0, x1 = (min(max(v + d, 0), width) for v in (x0, x1))
            y0, y1 = (min(max(v + d, 0), height) for v in (y0, y1))
            obj.box = (x0, y0, x1, y1)


DASHES = frozenset("-–—")
LOOSE = 3  # a dash's box this many times as tall as its ink is loose


def _dashes_to_their_ink(img: np.ndarray, lines: list[Line]) -> None:
    """Each word that is one dash, boxed ``LOOSE`` times as tall as its ink or more, gets the box of its ink: Tesseract
    gives a dash at a line's end the line's height (fresh standard seed 147 doc 17: period cells' en dashes boxed 1.4-1.5
    digits tall, 38 pixels wide for 31 of ink), and ``understand.dashes`` measures no dash whose box is taller than a
    stroke. The ink is its box's dark pixels (Otsu); a box with other ink in it (a rule, a mark) keeps that ink's
    extent, and stays too tall to measure. A box as thin as its stroke stays as Tesseract drew it (the widths
    ``understand.dashes`` was measured on)."""
    for ln in lines:
        for w in ln.words:
            if w.text not in DASHES:
                continue
            x0, y0, x1, y1 = w.box
            ink = dg.ink_mask(np.ascontiguousarray(img[y0:y1, x0:x1]))
            if ink is None or not ink.any():
                continue
            rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            if LOOSE * (int(rows[-1]) + 1 - int(rows[0])) <= y1 - y0:
                w.box = (x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1)


# a dash after a four-digit number (a year) stands apart when the gap before it is this many times the number's height:
# on 20 corpora's stored reads such gaps Tesseract wrote as a space measured 0.4-0.9 (531 of 612 at a line's end), those
# it glued in print (``๒๕๖๒-มีนาคม``) under 0.3 (163); 15 under a worn copy's line end measured 0.40-0.55 with no space
DASH_SPACE = 0.4
_YEAR = re.compile(r"[0-9๐-๙]{4}")


def _space_before_dashes(lines: list[Line]) -> None:
    """A dash after a year, at a line's end, standing as far from it as a space and written glued gets its space
    (fresh worn seed 178 doc 7: ``ต.ค. ๒๕๖๒-`` / ``กุย. ๒๕๖๓`` on a pale copy, the year's dash 21 pixels off a 43-pixel
    year as in the rows above it, read glued: the wrapped cell joined ``๒๕๖๒-กุย.``; ``thai_text.join_wrapped`` spaces
    a dash standing apart)."""
    for ln in lines:
        if len(ln.words) < 2:
            continue
        year, dash = ln.words[-2], ln.words[-1]
        if dash.text not in DASHES or dash.space_before or not _YEAR.fullmatch(year.text):
            continue
        if dash.box[0] - year.box[2] >= DASH_SPACE * (year.box[3] - year.box[1]):
            dash.space_before = True


class CropReader:
    """Tesseract at the page's resolution, as the re-readers call it: ``reader(image, psm, langs)`` reads one image
    into lines, ``reader.many(images, psm, langs)`` several, each alone, in one run (the model loaded once)."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi

    def __call__(self, image: Image.Image, psm: int, langs: str) -> list[Line]:
        return ocr_lines(image, psm=psm, langs=langs, dpi=self.dpi)

    def many(self, images: list[Image.Image], psm: int, langs: str) -> list[list[Line]]:
        return ocr_images(images, psm=psm, langs=langs, dpi=self.dpi)


class _PageOcr:
    """Tesseract plus the Thai-digit re-reader for one page; collects their corrections."""

    def __init__(self, dpi: int, page: int):
        self.dpi, self.page = dpi, page
        self.reader = _digit_reader()
        self.corrections: list[Correction] = []
        self.contexts: list[tuple[str, str]] = []  # where each correction stands in its line
        self.anchors: list[Anchor] = []  # the same while a read is under way
        self.warnings: list[str] = []
        self.unclear: list[str] = []  # OCR text of the digit readings below the confidence bar
        self.seconds: dict[str, float] = {"tesseract": 0.0, "thai_reread": 0.0, "digit_reader": 0.0}
        self.geometry: PageGeometry | None = None
        self.crops = CropReader(dpi)  # how the re-readers read their crops

    def read(self, img: np.ndarray, psm: int, cells: bool | None = None) -> tuple[list[Line], list[Line]]:
        """(lines as Tesseract read them, lines after Thai and digit re-reading); ``cells``: ``img`` is a canvas of
        table cells (by default, when read as ``CELL_PSM``)."""
        cells = psm == CELL_PSM if cells is None else cells
        started = time.perf_counter()
        raw = ocr_lines(Image.fromarray(img), psm=psm, dpi=self.dpi)
        lines = copy_lines(raw)
        read_done = time.perf_counter()
        self.anchors = []
        self.corrections += drop_double_reads(lines, self.page, self.anchors)  # letters read twice over one glyph
        for reread in (
            reread_latin,
            reread_lost_starts,
            reread_lost_middles,
            reread_month_marks,
        ):  # Thai read again where tha+eng made Latin, or left letters out; มี.ค.'s vowel settled by its ink
            self.corrections += reread(img, lines, self.crops, self.page, self.anchors)
        if psm == PAGE_PSM:  # a page's lines left out, or read as garbage
            self.corrections += reread_lost_lines(img, lines, self.crops, self.page, self.anchors, self.dpi)
        reread_done = time.perf_counter()
        if psm == PAGE_PSM:  # before their marks read as digits; in a table's cells the cell's speck lines go later,
            # placed in their cell (``understand``'s noise rule)
            self.corrections += drop_mark_lines(lines, self.page, self.anchors)
        bodies = sorted(b for ln in lines if (b := self.reader.body_height(ln.words)) is not None)
        page_body = bodies[len(bodies) // 2] if bodies else None
        for line in lines:  # digits first: Latin garbage over a number is read, not dropped as a speck
            self._reread(img, line, page_body)
        self.corrections += drop_noise(lines, self.page, self.anchors, cells=cells)
        # a change alone on its line takes the neighbouring lines' text as its context in a table's cells,
        # read in the page text's order; a page's lines may come in another order than the print's
        self.contexts += [a.context(lines if cells or a.across_lines else None) for a in self.anchors]
        lines = [ln for ln in lines if ln.words]
        if psm == PAGE_PSM:  # a printed line Tesseract cut in two pieces, listed apart (a signature's name)
            lines = join_row_fragments(lines)
        _dashes_to_their_ink(img, lines)
        _space_before_dashes(lines)
        for line in lines:
            line.text = line_text(line.words)
        self.seconds["tesseract"] += read_done - started
        self.seconds["thai_reread"] += reread_done - read_done
        self.seconds["digit_reader"] += time.perf_counter() - reread_done
        return raw, lines

    def reread_names(self, img: np.ndarray, lines: list[Line]) -> None:
        """Signature name lines read again from their pixels, into ``Line.readings``."""
        started = time.perf_counter()
        for index, readings in reread_name_lines(img, lines, self.dpi).items():
            lines[index].readings = readings
        self.seconds["name_reread"] = self.seconds.get("name_reread", 0.0) + time.perf_counter() - started

    def _reread(self, img: np.ndarray, line: Line, page_body: float | None = None) -> None:
        words, readings = self.reader.reread(img, line.words, page_body)
        for r in readings:
            if r.confidence < self.reader.min_confidence:
                self.unclear.append(r.before)
                self.warnings.append(
                    warning(
                        f"page {self.page} pages.text",
                        r.before,
                        f"digits unclear (reader confidence {r.confidence:.2f})",
                    )
                )
            elif not r.after:  # a digit read over a speck: dropped, like other specks read as text
                self.corrections.append(Correction(self.page, "pages.text", r.before, "", "noise", 100.0))
                k = sum((w.box[0] + w.box[2]) / 2 < (r.box[0] + r.box[2]) / 2 for w in words)
                before, after = words[k - 1] if k else None, words[k] if k < len(words) else None
                self.anchors.append(Anchor(line, before, after, False, context(words, k, k)))
            elif r.after != r.before:
                self.corrections.append(
                    Correction(self.page, "pages.text", r.before, r.after, "digit-reader", round(100 * r.confidence, 1))
                )
                if r.doubtful:  # applied, and still a guess: the fields leave its number out
                    self.unclear.append(r.after)
                    self.warnings.append(
                        warning(f"page {self.page} pages.text", r.after, f"digits unclear ({r.doubtful})")
                    )
                at = _written_at(words, r.box, r.after)
                word = words[at] if at is not None else None
                around = context(words, at, at + 1) if at is not None else ("", "")
                self.anchors.append(Anchor(line, word, word, True, around))
        line.words = words
        line.text = line_text(words)


def _written_at(words: list[Word], box: tuple[int, int, int, int], text: str) -> int | None:
    """The index of the word the digit reader wrote for a reading of ``box``: that text, across the
    most of the box's width (the reader fits the word's box to its ink, so its top and bottom move)."""
    shared, at = max(
        ((columns_shared(w.box, box), k) for k, w in enumerate(words) if w.text == text), default=(0, None)
    )
    return at if shared > 0 else None


def _page(number, gray, raw_lines, lines, raw_tables, tables, ocr: _PageOcr) -> Page:
    confs = [w.conf for ln in raw_lines for w in ln.words if w.conf >= 0]
    confs += [c.conf for t in raw_tables for c in t.cells if c.conf >= 0]
    return Page(
        number=number,
        raw_text=page_text(raw_lines, raw_tables),
        text=page_text(lines, tables),
        mean_confidence=round(sum(confs) / len(confs), 1) if confs else None,
        lines=lines,
        tables=tables,
        width=gray.shape[1],
        height=gray.shape[0],
        corrections=ocr.corrections,
        read_context=ocr.contexts,
        warnings=ocr.warnings,
        seconds=ocr.seconds,
        unclear_digits=ocr.unclear,
        geometry=ocr.geometry,
    )


@functools.cache
def _digit_reader():
    """The Thai-digit reader, loaded once per worker process."""
    from ocr_pipeline.ocr.digits import DigitReader

    return DigitReader()
