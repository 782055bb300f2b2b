"""``<stem>.ocr.pdf``: the original page images with an invisible layer of the cleaned text.

The text layer is drawn by OCRmyPDF's renderer (``ocrmypdf.fpdf_renderer``, fpdf2 underneath) from
an OCR element tree built here: one line per visual line of a page line or table cell, one word per
piece of cleaned text, on the OCR token's box (``pieces``). It is drawn in the prepared image's
coordinates and placed on the original page with one matrix (``geometry``) that undoes the deskew
and upscaling, as a Form XObject under the page's own content, with pikepdf. Nothing of the page's
own content changes: a PDF input keeps its page streams and images byte for byte; an image input
is embedded by img2pdf, as it is (JPEG, PNG, CCITT TIFF) or losslessly re-encoded (other TIFFs;
an alpha channel or 16-bit samples: the grayscale page the OCR read).

Thai is written without shaping: each character maps to one glyph in logical order, so text
extraction (pdftotext, a viewer's search and copy) gives back the cleaned text with its vowels and
tone marks in order; shaping would reorder sara am's parts and split words there. The text is
invisible, so the unshaped glyphs are never seen.

The file is saved as PDF/A-2b with ``pikepdf.pdfa.save``, which writes, reopens and validates it;
a document that does not pass (an input PDF with content PDF/A forbids) is saved as a plain PDF
and a warning says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import os
from pathlib import Path

import numpy as np
import pikepdf
from fpdf import FPDF
from fpdf.enums import TextMode
from pikepdf import Name
from PIL import Image, ImageOps

from ocr_pipeline.model import Page, Result
from ocr_pipeline.scan_outputs import geometry
from ocr_pipeline.scan_outputs.pieces import Item

PDFA_FLAVOUR = "2b"
TEXT_LANGUAGE = "tha"  # the renderer picks its font by language first


def searchable_pdf(result: Result, items: dict[int, list[Item]]) -> tuple[bytes, list[str]]:
    """The PDF's bytes and the warnings met making it; ``items`` are each page's (``page_items``)."""
    source = Path(result.source.path)
    base = pikepdf.open(source) if result.source.kind == "pdf" else _image_pdf(source, result.pages)
    scanned = [p for p in result.pages if p.geometry is not None]
    text_pdf = pikepdf.open(io.BytesIO(_text_layer(scanned, items)))
    for page, text_page in zip(scanned, text_pdf.pages):
        _graft(base, base.pages[page.number - 1], text_page, page)
    _describe(base, result)
    return _save(base, _stamp(result), result.source.kind)


def _image_pdf(path: Path, pages: list[Page]) -> pikepdf.Pdf:
    """The image file as a PDF, one page per frame at the resolution the pipeline read it with.

    JPEG, PNG and CCITT TIFF go in as they are; other TIFFs (deflate, LZW, packbits) must be
    re-encoded for PDF anyway, and are, losslessly, as PNG at zlib level 1 (img2pdf's own level 6
    costs 0.6 s a page on a noisy 200-dpi scan, level 1 a third of that for 15 % more bytes)."""
    import img2pdf

    dpi = next((p.geometry.dpi for p in pages if p.geometry), 300.0)
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    if _kept_as_is(path):
        try:
            return pikepdf.open(
                io.BytesIO(img2pdf.convert(str(path), layout_fun=layout, rotation=img2pdf.Rotation.ifvalid))
            )
        except (img2pdf.ImageOpenError, img2pdf.AlphaChannelError, ValueError, OSError):
            pass  # an alpha channel, 16-bit samples: the page as the OCR read it
    return pikepdf.open(io.BytesIO(img2pdf.convert(*_frames_as_png(path, len(pages)), layout_fun=layout)))


def _kept_as_is(path: Path) -> bool:
    if path.suffix.lower() not in (".tif", ".tiff"):
        return True
    with Image.open(path) as img:
        return img.info.get("compression") in ("group3", "group4")


def _frames_as_png(path: Path, n: int) -> list[bytes]:
    """Each frame upright (EXIF), losslessly as PNG; modes PDF cannot hold as the OCR read them."""
    from ocr_pipeline.ingest.images import load_image_page

    out = []
    for number in range(1, n + 1):
        with Image.open(path) as img:
            img.seek(number - 1)
            frame = ImageOps.exif_transpose(img) if img.mode in ("1", "L", "RGB") else None
            if frame is None:
                frame = load_image_page(path, number)[0]
            buf = io.BytesIO()
            frame.save(buf, format="PNG", compress_level=1)
        out.append(buf.getvalue())
    return out


def _text_layer(pages: list[Page], items: dict[int, list[Item]]) -> bytes:
    """One text-only page per scanned page, the size of its source image at its dpi."""
    from ocrmypdf.fpdf_renderer import Fpdf2PdfRenderer

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(auto=False)
    pdf.c_margin = 0
    pdf.text_mode = TextMode.INVISIBLE  # text shaping stays off: see the module's docstring
    fonts = _font_manager()
    registered: dict[str, str] = {}
    for page in pages:
        tree = ocr_tree(page, items.get(page.number, []))
        renderer = Fpdf2PdfRenderer(page=tree, dpi=geometry.page_geometry(page).dpi, multi_font_manager=fonts)
        # one embedded font for all pages, as OCRmyPDF's own multi-page renderer shares it
        renderer._registered_fonts = registered
        renderer.render_to_pdf(pdf)
    return bytes(pdf.output())


# The text layer's font: OCRmyPDF's glyphless Occulta (Apache-2.0; invisible text needs no
# outlines), cut down to the characters these reports use. Its full cmap of 65,536 characters
# costs fpdf2 0.6 s to load per document; a real Thai font 0.3 s to load and subset (and Noto Sans
# Thai has no Latin letters or digits, so OCRmyPDF's own choice embeds three or four fonts).
# Characters outside these ranges fall back to the full Occulta, which still extracts.
TEXT_FONT_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x0E00, 0x0E7F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x215F))


@functools.cache
def _font_manager():
    from ocrmypdf.font import MultiFontManager

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)  # its font notes are not the user's business
    return MultiFontManager(font_provider=_OneFont(_text_font()))


def _text_font() -> Path:
    """Occulta subset to ``TEXT_FONT_RANGES``, written once per process to a temporary folder."""
    import atexit
    import shutil
    import tempfile

    from fontTools import subset
    from ocrmypdf.font.font_provider import BuiltinFontProvider

    folder = Path(tempfile.mkdtemp(prefix="ocrp-font-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(BuiltinFontProvider().get_fallback_font().font_path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for a, b in TEXT_FONT_RANGES for u in range(a, b + 1)])
    subsetter.subset(font)
    path = folder / "OccultaThai.ttf"
    font.save(str(path))
    # fontTools reads the source lazily and keeps its file open: left to the garbage collector, the ``unclosed file``
    # warning came when the collector ran, and during the PDF/A check it counted as a content violation (a document
    # saved as a plain PDF or not by chance: standard seed 181 doc 9, two replays of the same reads)
    font.close()
    return path


class _OneFont:
    """An OCRmyPDF font provider that answers the names the renderer asks for (its Latin and Thai
    fonts) with one font, and falls back to OCRmyPDF's glyphless font."""

    def __init__(self, path: Path):
        from ocrmypdf.font import FontManager
        from ocrmypdf.font.font_provider import BuiltinFontProvider

        self.font = FontManager(path)
        self.builtin = BuiltinFontProvider()

    def get_font(self, font_name: str):
        return self.font if font_name in self.get_available_fonts() else None

    def get_available_fonts(self) -> list[str]:
        return ["NotoSans-Regular", "NotoSansThai-Regular"]

    def get_fallback_font(self):
        return self.builtin.get_fallback_font()


def ocr_tree(page: Page, items: list[Item]):
    """OCRmyPDF's element tree of one page in source-image pixels: a line per visual line of an item,
    a word per piece.

    A line is drawn level, at the height where its words' centres land on the original image on
    average, and each word keeps its size, centred where its own centre lands. On a skewed page
    the ends of a long line are then a little above or below their ink (half the line's length
    times the skew's tangent: 20 px of 300 dpi at 1.3 degrees), but text extraction reads whole
    lines: a line turned by the skew, or words stepping up one by one, make poppler cut lines and
    words apart where the drift grows past its tolerance.
    """
    from ocrmypdf.hocrtransform import BoundingBox, OcrClass, OcrElement

    g = geometry.page_geometry(page)
    to_source = geometry.prepared_to_source(page)
    lines = []
    for item in items:
        rows: dict[int, list] = {}
        for piece in item.pieces:
            rows.setdefault(piece.row, []).append(piece)
        for pieces in rows.values():
            centres = geometry.points(
                [((p.box[0] + p.box[2]) / 2, (p.box[1] + p.box[3]) / 2) for p in pieces], to_source
            )
            level = sum(y for _, y in centres) / len(centres)
            boxes = []
            for piece, (cx, _) in zip(pieces, centres):
                x0, y0, x1, y1 = piece.box
                half_w, half_h = max(x1 - x0, 1) / g.scale / 2, max(y1 - y0, 1) / g.scale / 2
                boxes.append(BoundingBox(cx - half_w, level - half_h, cx + half_w, level + half_h))
            words = [OcrElement(ocr_class=OcrClass.WORD, bbox=b, text=p.text) for p, b in zip(pieces, boxes)]
            box = BoundingBox(min(b.left for b in boxes), boxes[0].top, max(b.right for b in boxes), boxes[0].bottom)
            lines.append(OcrElement(ocr_class=OcrClass.LINE, bbox=box, children=words, language=TEXT_LANGUAGE))
    return OcrElement(
        ocr_class=OcrClass.PAGE, bbox=BoundingBox(0, 0, g.source_width, g.source_height), children=lines, dpi=g.dpi
    )


def _graft(pdf: pikepdf.Pdf, target: pikepdf.Page, text_page: pikepdf.Page, page: Page) -> None:
    """Put the text page under ``target``'s content, scaled onto the original page image."""
    form = pdf.copy_foreign(text_page.as_form_xobject())
    taken = set(target.resources.get(Name.XObject, {}).keys()) if Name.Resources in target.obj else set()
    free = next(f"/OcrText{k or ''}" for k in range(len(taken) + 1) if f"/OcrText{k or ''}" not in taken)
    name = target.add_resource(form, Name.XObject, Name(free), replace_existing=False)  # a stable name: same bytes
    g = geometry.page_geometry(page)
    px_per_pt = g.dpi / 72.0
    text_to_source = np.array([[px_per_pt, 0, 0], [0, -px_per_pt, g.source_height], [0, 0, 1]])
    x0, y0, x1, y1 = (float(v) for v in target.mediabox)
    mediabox = (x0, y0, x1, y1)
    rotate = int(target.obj.get(Name.Rotate, 0))
    matrix = geometry.source_to_pdf((g.source_width, g.source_height), mediabox, rotate) @ text_to_source
    target.contents_add(f"q {geometry.pdf_cm(matrix)} {name} Do Q\n".encode(), prepend=True)


def _describe(pdf: pikepdf.Pdf, result: Result) -> None:
    """Title and language for viewers and archives (PDF/A keeps them in XMP)."""
    pdf.Root.Lang = pikepdf.String("th")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = result.document.subject or Path(result.source.path).stem
        meta["xmp:CreatorTool"] = "ocr_pipeline (text layer: OCRmyPDF renderer)"


def _stamp(result: Result) -> str:
    """The date written into the PDF's metadata: ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds' convention), else the scan's own modification time, so that the same input always gives
    the same bytes (reruns, resumed runs, any --jobs)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        seconds = int(epoch) if epoch else os.stat(result.source.path).st_mtime
    except (OSError, ValueError):
        seconds = 0
    return dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc).isoformat()


def _save(pdf: pikepdf.Pdf, stamp: str, result_kind: str) -> tuple[bytes, list[str]]:
    from pikepdf.pdfa import PdfaError, prepare, save

    out = io.BytesIO()
    if result_kind == "image" and Name.ID in pdf.trailer:
        del pdf.trailer[Name.ID]  # img2pdf's identifier is new on every run; the content's is stable
    try:
        prepare(pdf, PDFA_FLAVOUR)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                meta[key] = stamp  # (prepare writes the time of the run: not reproducible)
        save(pdf, out, PDFA_FLAVOUR, repair=False, deterministic_id=True)
        return out.getvalue(), []
    except PdfaError as exc:
        reason = "; ".join(str(f) for f in list(exc.report.findings)[:2]) if exc.report else str(exc)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue(), [f"searchable PDF: not PDF/A-{PDFA_FLAVOUR} ({reason}); written as a plain PDF"]
