"""The searchable PDF and the review page (issue 17): cleaned text cut onto OCR boxes, the map back
onto the original page, correction places, and the real CLI's files checked with poppler, pikepdf
and a real browser: Debian's headless Chromium driven by chromedriver (Selenium). The setup
installs ``chromium`` and ``chromium-driver``; without them the browser test fails, it is never
skipped."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess

import cv2
import numpy as np
import pikepdf
import pytest
from conftest import SAMPLES, load_json, run_cli
from PIL import Image

from ocr_pipeline.clean.thai_text import join_wrapped
from ocr_pipeline.layout.preprocess import deskew, upscale_to_target
from ocr_pipeline.model import Cell, Correction, Document, Line, Page, PageGeometry, Result, Source, Word
from ocr_pipeline.ocr.page_reader import page_geometry
from ocr_pipeline.scan_outputs import archive_files, geometry
from ocr_pipeline.scan_outputs.pieces import Item, Piece, cell_tokens, page_items
from ocr_pipeline.scan_outputs.places import final_spans, locate_all


def _words(*tokens: str, y: int = 100) -> list[Word]:
    """Words of one line, one per character cluster as Tesseract gives Thai, tokens space-separated."""
    words, x = [], 10
    for t, token in enumerate(tokens):
        for k, ch in enumerate(token):
            words.append(Word(ch, (x, y, x + 20, y + 40), 90.0, space_before=(t > 0 and k == 0)))
            x += 20
        x += 30
    return words


def _line(cleaned: str, *tokens: str) -> Line:
    words = _words(*tokens)
    return Line(text=cleaned, box=(words[0].box[0], 100, words[-1].box[2], 140), words=words)


def test_cleaned_text_cut_at_the_ocr_word_gaps():
    """A mark put in at a token's end, a token rewritten longer, sara am composed: each piece is the
    cleaned text of one OCR token, and the pieces are spans of the cleaned text."""
    cleaned = "ที่ องค์การบริหารส่วนตำบลตลาดโพธิ์ ประจำปี"
    line = _line(cleaned, "ที", "การบริหารส่วนตําบลตลาดโพธิ", "ประจําปี")
    page = Page(number=1, raw_text="", lines=[line])
    (item,) = page_items(page)
    assert [p.text for p in item.pieces] == ["ที่", "องค์การบริหารส่วนตำบลตลาดโพธิ์", "ประจำปี"]
    for p in item.pieces:
        assert cleaned[p.start : p.end] == p.text
    assert item.key == "p1.l0"
    assert item.pieces[0].box[0] == 10  # on the first token's words
    assert item.boxes_of(cleaned.index("ตลาด"), len(cleaned) - 8) == [item.pieces[1].box]


def test_cell_lines_joined_as_join_wrapped_joins_them():
    first, second = "ประชาสัมพันธ์ให้พนักงานส่วน", "ตำบลและพนักงาน (e-bidding)"
    lines = []
    for row, text in enumerate((first, second)):
        words = _words(*text.split(" "), y=100 + 50 * row)
        lines.append(Line(text=text, box=(0, 0, 1, 1), words=words))
    cell = Cell(row=1, col=1, text=join_wrapped([first, second]), lines=lines)
    tokens, seps = cell_tokens(cell)
    assert seps == ["", "", " "]  # Thai letters glued across the wrap
    assert "".join(s + t.text for s, t in zip(seps, tokens)) == cell.text
    page = Page(number=2, raw_text="", tables=[_table(cell)])
    (item,) = page_items(page)
    assert item.key == "p2.t0.r1.c1"
    assert [(p.text, p.row) for p in item.pieces] == [(first, 0), ("ตำบลและพนักงาน", 1), ("(e-bidding)", 1)]


def test_cells_of_a_table_without_rules_carry_their_words():
    """Columns inferred from word positions: each cell keeps its visual lines, so its cleaned text
    has boxes for the searchable PDF and the review page."""
    from ocr_pipeline.layout.columns import Token, table_from_columns
    from ocr_pipeline.model import Table

    rows = [
        [
            Token("๑.", (10, 100, 30, 130), 90.0),
            Token("มาตรการ", (40, 100, 200, 130), 80.0),
            Token("สำนักปลัด", (400, 100, 560, 130), 95.0),
        ],
        [Token("ป้องกัน", (40, 140, 180, 170), 70.0)],
    ]
    table = table_from_columns(rows, [300.0], 1, ["มาตรการ", "ผู้รับผิดชอบ"])
    assert isinstance(table, Table)
    first = next(c for c in table.cells if (c.row, c.col) == (1, 0))
    assert first.text == "๑. มาตรการป้องกัน" and first.box == (10, 100, 200, 170)
    (item,) = [it for it in page_items(Page(number=1, raw_text="", tables=[table])) if it.key == "p1.t0.r1.c0"]
    assert [(p.text, p.row) for p in item.pieces] == [("๑.", 0), ("มาตรการ", 0), ("ป้องกัน", 1)]


def _table(*cells):
    from ocr_pipeline.model import Table

    return Table(page=1, cells=list(cells), box=(0, 0, 10, 10))


def test_prepared_pixels_map_back_onto_the_original_page():
    """The pipeline's own upscaling (150 -> 300 dpi) and deskewing, undone by the recorded geometry."""
    original = np.full((1200, 900), 255, np.uint8)
    cv2.rectangle(original, (600, 250), (700, 300), 0, -1)
    big, dpi_used = upscale_to_target(original, 150)
    prepared = deskew(big, 2.5)
    ys, xs = np.nonzero(prepared < 128)
    centre = ((xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2)
    geo = page_geometry(Image.fromarray(original), prepared, 150, dpi_used, 2.5)
    assert geo.scale == 2.0 and geo.source_width == 900
    page = Page(number=1, raw_text="", width=prepared.shape[1], height=prepared.shape[0], geometry=geo)
    ((x, y),) = geometry.points([centre], geometry.prepared_to_source(page))
    assert abs(x - 650) < 2 and abs(y - 275) < 2


@pytest.mark.parametrize(("rotate", "top_left"), [(0, (10, 810)), (90, (10, 10)), (180, (610, 10)), (270, (610, 810))])
def test_source_pixels_land_on_the_displayed_page(rotate, top_left):
    """The upright render's top-left corner is the displayed page's top-left, whatever /Rotate says
    (MediaBox 10 10 610 810)."""
    size = (800, 600) if rotate in (90, 270) else (600, 800)
    matrix = geometry.source_to_pdf(size, (10, 10, 610, 810), rotate)
    ((x, y),) = geometry.points([(0, 0)], matrix)
    assert (round(x), round(y)) == top_left


def test_corrections_find_their_line_or_cell():
    def item(key, kind, text):
        return Item(key, 1, kind, text, (0, 0, 9, 9), 90.0, [Piece(text, 0, len(text), (1, 2, 3, 4), 90.0, 0)])

    items = [item("p1.l0", "line", "ปี ๒๕๖๔ ถึง ๒๕๖๔"), item("p1.t0.r1.c2", "cell", "สำนักปลัด ๒๕๖๔")]
    corrections = [
        Correction(1, "pages.text", "๒๕๒๕", "๒๕๖๔", "digit-reader", 100.0),
        Correction(1, "pages.text", "๒๕๐๕", "๒๕๖๔", "digit-reader", 100.0),
        Correction(1, "table.responsible", "สำนักปลด", "สำนักปลัด", "lexicon", 97.0),
        Correction(1, "pages.text", "~z", "", "noise", 10.0),
        Correction(2, "pages.text", "x", "สำนักปลัด", "lexicon", 97.0),
    ]
    places = locate_all(corrections, items)
    assert [(p.item, p.start) for p in places[:3]] == [("p1.l0", 3), ("p1.l0", 12), ("p1.t0.r1.c2", 0)]
    assert places[3] is None and places[4] is None  # removed text; another page
    exact = Correction(1, "table.responsible", "a", "๒๕๖๔", "lexicon", 100.0, item="p1.t0.r1.c2", start=10, end=11)
    (place,) = locate_all([exact], items)
    assert place.exact and (place.item, place.start, place.end) == ("p1.t0.r1.c2", 10, 14)


def test_located_corrections_follow_the_later_edits_of_their_item():
    """สวนราชการ -> ส่วนราชการ at 3, then ที -> ที่ at 0: the first one's text ends up at 4."""
    read = "ที สวนราชการ สํานักปลด"
    fixes = [
        Correction(1, "pages.text", "สวนราชการ", "ส่วนราชการ", "lexicon", 97.5, item="p1.l0", start=3, end=12),
        Correction(1, "pages.text", "ที", "ที่", "spell", 91.7, item="p1.l0", start=0, end=2),
        Correction(
            1, "pages.text", "ส่วนราชการ สํานักปลด", "ส่วนราชการ สํานักปลัด", "lexicon", 90.0, item="p1.l0", start=4, end=24
        ),
    ]
    from ocr_pipeline.document_text import apply_to_text

    final = apply_to_text(read, fixes)
    spans = final_spans(fixes)
    assert final[spans[1][1] : spans[1][2]] == "ที่"
    assert final[spans[2][1] : spans[2][2]] == fixes[2].after
    assert spans[0] == ("p1.l0", 4, 25)  # swallowed by the third, which covers it


def test_a_source_that_cannot_be_read_again_gives_warnings_not_files(tmp_path):
    page = Page(number=1, raw_text="x", text="x", lines=[_line("ปี", "ปี")], width=100, height=100)
    page.geometry = PageGeometry(source_width=100, source_height=100, dpi=300.0)
    source = Source(path=str(tmp_path / "gone.pdf"), sha256="0" * 64, kind="pdf", pages=1)
    result = Result(source, Document(), [], [], [], [page])
    assert archive_files(result, "gone") == {}
    assert [w.split(":")[0] for w in result.warnings] == ["searchable PDF", "review page"]
    assert all(w.endswith(" not written") for w in result.warnings)


def test_tiff_pages_go_in_losslessly(tmp_path):
    """A deflate TIFF is re-encoded pixel for pixel; a CCITT G4 TIFF goes in as it is."""
    from ocr_pipeline.scan_outputs.searchable_pdf import _image_pdf

    rng = np.random.default_rng(7)
    frames = [Image.fromarray(rng.integers(0, 256, (300, 200), dtype=np.uint8)) for _ in range(2)]
    tif = tmp_path / "scan.tif"
    frames[0].save(tif, compression="tiff_adobe_deflate", save_all=True, append_images=frames[1:], dpi=(200, 200))
    pages = [Page(number=n, raw_text="", geometry=PageGeometry(200, 300, 200.0)) for n in (1, 2)]
    with _image_pdf(tif, pages) as pdf:
        for frame, page in zip(frames, pdf.pages):
            (image,) = page.get_images().values()
            assert np.array_equal(np.asarray(pikepdf.PdfImage(image).as_pil_image()), np.asarray(frame))
            assert abs(float(page.mediabox[2]) - 200 * 72 / 200) < 0.1
    g4 = tmp_path / "bitonal.tif"
    frames[0].point(lambda v: 255 if v > 128 else 0).convert("1").save(g4, compression="group4")
    with _image_pdf(g4, pages[:1]) as pdf:
        (image,) = pdf.pages[0].get_images().values()
        assert "/CCITTFaxDecode" in [str(f) for f in pikepdf.PdfImage(image).filters]


# ---- the real CLI on a PNG memo, a one-page PDF table and a markdown transcript ----------------

INPUTS = {"memo": "memo.png", "table": "table.pdf", "report": "report.md"}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan_outputs")
    proc = run_cli(*(str(SAMPLES / name) for name in INPUTS.values()), "-o", str(folder))
    assert proc.returncode == 0, proc.stderr
    return folder


def _pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
def test_one_pdf_per_scan_and_a_review_page_per_input(out):
    for stem in INPUTS:
        assert (out / f"{stem}.review.html").stat().st_size > 1000
    assert (out / "memo.ocr.pdf").is_file() and (out / "table.ocr.pdf").is_file()
    assert not (out / "report.ocr.pdf").exists()  # a transcript has no page image
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["memo", "table"])
def test_pdftotext_gives_the_cleaned_text_back_in_reading_order(out, stem):
    """Every cleaned line and table cell, Thai marks and vowels in order, in the reading order of
    <stem>.txt (pdftotext -raw follows the order the text was written)."""
    data = load_json(out / f"{stem}.json")
    pdf = out / f"{stem}.ocr.pdf"
    for page in data["pages"]:
        extracted = _flat(_pdftotext(pdf, "-raw", "-f", str(page["number"]), "-l", str(page["number"])))
        pieces = [_flat(p) for line in page["text"].split("\n") for p in line.split(" | ") if _flat(p)]
        missing = [p for p in pieces if p not in extracted]
        assert not missing, missing
        at, in_order = 0, 0
        for p in pieces:
            found = extracted.find(p, at)
            if found >= 0:
                in_order, at = in_order + 1, found + len(p)
        assert in_order >= 0.9 * len(pieces)


@pytest.mark.slow
def test_search_finds_the_corrected_values(out):
    """The agency name as the gazetteer corrected it (ตลาดโพธิ read, ตลาดโพธิ์ written) in the text
    a viewer searches (pdftotext's layout analysis), and the table's corrected words: all in the
    text as written, nearly all in the layout analysis (a word cut by a cell's line wrap is not)."""
    data = load_json(out / "memo.json")
    text = _flat(_pdftotext(out / "memo.ocr.pdf"))
    assert data["document"]["agency"] == "องค์การบริหารส่วนตำบลตลาดโพธิ์"
    assert _flat(data["document"]["agency"]) in text
    assert any(c["rule"] == "gazetteer" and c["after"] == "ตลาดโพธิ์" for c in data["corrections"])
    table = load_json(out / "table.json")
    layout, raw = _flat(_pdftotext(out / "table.ocr.pdf")), _flat(_pdftotext(out / "table.ocr.pdf", "-raw"))
    fixed = [_flat(c["after"]) for c in table["corrections"] if c["field"].startswith("table.") and c["after"]]
    assert len(fixed) >= 5 and all(a in raw for a in fixed)
    assert sum(a in layout for a in fixed) >= 0.8 * len(fixed)


@pytest.mark.slow
def test_page_images_are_kept_as_they_were(out):
    with pikepdf.open(SAMPLES / "table.pdf") as src, pikepdf.open(out / "table.ocr.pdf") as ocr:
        for a, b in zip(src.pages, ocr.pages):
            raw = [hashlib.sha256(im.read_raw_bytes()).hexdigest() for im in a.get_images().values()]
            new = [hashlib.sha256(im.read_raw_bytes()).hexdigest() for im in b.get_images().values()]
            assert raw and raw == new and a.mediabox == b.mediabox
    with pikepdf.open(out / "memo.ocr.pdf") as ocr:
        (image,) = ocr.pages[0].get_images().values()
        embedded = np.asarray(pikepdf.PdfImage(image).as_pil_image().convert("L"))
    assert np.array_equal(embedded, np.asarray(Image.open(SAMPLES / "memo.png").convert("L")))


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["memo", "table"])
def test_searchable_pdf_is_pdfa_2b(out, stem):
    with pikepdf.open(out / f"{stem}.ocr.pdf") as pdf:
        report = pikepdf.pdfa.check(pdf, "2b")
        assert report.passed, report.findings
        with pdf.open_metadata() as meta:
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        layers = [k for p in pdf.pages for k in p.Resources.XObject.keys() if k.startswith("/OcrText")]
        assert len(layers) == len(pdf.pages)  # the text layer: a form drawn under each page's content


@pytest.mark.slow
def test_review_page_is_self_contained_and_lists_everything(out):
    page = (out / "table.review.html").read_text(encoding="utf-8")
    data = load_json(out / "table.json")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)|url\((?!data:)""", page)
    assert page.count('<image href="data:image/jpeg;base64,') == 1
    assert page.count('class="word ') > 50 and page.count('class="cell ') > 20
    assert page.count("</tr>") >= len(data["corrections"]) + len(data["measures"])
    for c in data["corrections"]:
        assert f'<span class="before">{c["before"]}</span>' in page.replace("&#x27;", "'")
    assert "src: url(data:font/ttf;base64," in page  # Noto Sans Thai embedded


@pytest.mark.slow
def test_text_layer_follows_a_rotated_page(out, tmp_path):
    """A PDF page stored sideways and turned upright by /Rotate 90: its words land where the same
    page's words land when stored upright (poppler's boxes are in the page as displayed)."""
    import img2pdf

    sideways = io.BytesIO()
    Image.open(SAMPLES / "memo.png").rotate(90, expand=True).save(sideways, format="PNG", dpi=(300, 300))
    rotated = tmp_path / "turned.pdf"
    rotated.write_bytes(img2pdf.convert(sideways.getvalue(), rotation=img2pdf.Rotation["90"]))
    proc = run_cli(str(rotated), "-o", str(tmp_path), "--no-review")
    assert proc.returncode == 0, proc.stderr

    def boxes(pdf):
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
            _pdftotext(pdf, "-bbox"),
        )
        return {text: (float(x), float(y)) for x, y, text in words if "ตลาดโพธิ์" in text}

    upright, turned = boxes(out / "memo.ocr.pdf"), boxes(tmp_path / "turned.ocr.pdf")
    assert upright and upright.keys() == turned.keys()
    for text, (x, y) in upright.items():
        assert abs(turned[text][0] - x) < 2 and abs(turned[text][1] - y) < 2, text


@pytest.mark.slow
def test_transcript_review_page_has_no_images(out):
    page = (out / "report.review.html").read_text(encoding="utf-8")
    assert "<image" not in page and "no page image (transcript)" in page
    assert load_json(out / "report.json")["document"]["agency"] in page


@pytest.mark.slow
def test_flags_turn_the_files_off(tmp_path):
    proc = run_cli(str(SAMPLES / "line.png"), str(SAMPLES / "report.md"), "-o", str(tmp_path), "--no-pdf")
    assert proc.returncode == 0, proc.stderr
    assert not list(tmp_path.glob("*.ocr.pdf")) and len(list(tmp_path.glob("*.review.html"))) == 2
    proc = run_cli(str(SAMPLES / "report.md"), "-o", str(tmp_path / "b"), "--no-review")
    assert proc.returncode == 0 and not list((tmp_path / "b").glob("*.review.html"))
    assert (tmp_path / "b" / "report.json").is_file()


@pytest.mark.slow
def test_review_images_are_small(out):
    page = (out / "memo.review.html").read_text(encoding="utf-8")
    (uri,) = re.findall(r'href="data:image/jpeg;base64,([^"]+)"', page)
    import base64

    image = Image.open(io.BytesIO(base64.b64decode(uri)))
    assert max(image.size) == 1400 and len(uri) < 400_000


# ---- the review page in Chromium -------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # runs as root here
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


def chromium(profile_dir):
    """A headless Chromium with a fresh profile (the machine's network is closed)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver, "chromium and chromium-driver are missing: run scripts/setup.sh"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.mark.slow
def test_review_page_in_chromium(out, tmp_path):
    """It loads without script errors, shows the measure table and every correction, and choosing
    a correction marks a box over the corrected word on the page image."""
    from selenium.webdriver.common.by import By

    page, data = out / "table.review.html", load_json(out / "table.json")
    browser = chromium(tmp_path / "profile")
    try:
        browser.get(page.as_uri())
        assert browser.title == "table – review"
        measures = browser.find_elements(By.CSS_SELECTOR, "#measures tbody tr")
        assert len(measures) == len(data["measures"]) > 0
        assert browser.find_element(By.CSS_SELECTOR, "#measures").is_displayed()
        rows = browser.find_elements(By.CSS_SELECTOR, "#corrections tbody tr")
        assert len(rows) == len(data["corrections"]) > 0
        assert browser.find_elements(By.CSS_SELECTOR, "figure.page svg image")
        assert not browser.find_elements(By.CSS_SELECTOR, "rect.mark")

        fix = next(c for c in data["corrections"] if c["rule"] == "lexicon")
        row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#corrections tr.pick") if fix["after"] in r.text)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
        row.click()
        marks = browser.find_elements(By.CSS_SELECTOR, "figure#page-1 g.marks rect.mark")
        assert marks and "selected" in row.get_attribute("class")
        box = [float(marks[0].get_attribute(k)) for k in ("x", "y", "width", "height")]
        words = browser.execute_script(
            "return Array.from(document.querySelectorAll('figure#page-1 rect.word')).map("
            "r => [r.textContent, +r.getAttribute('x'), +r.getAttribute('y'), +r.getAttribute('width'), +r.getAttribute('height')])"
        )
        under = [w[0].split(" (confidence")[0] for w in words if _inside(w[1:], box)]
        assert any(text and (text in fix["after"] or fix["after"] in text) for text in under), under  # on the word
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        browser.quit()


def _inside(inner, outer) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def test_review_images_render_each_page_as_one_at_a_time(monkeypatch):
    """Pages rendered by one poppler run per batch are the pages rendered one by one, in their places."""
    from ocr_pipeline.scan_outputs import page_images

    pdf = SAMPLES / "report.pdf"
    alone = {n: page_images.review_images(pdf, "pdf", [n])[n] for n in (1, 2, 3)}
    monkeypatch.setattr(page_images, "RENDER_BATCH", 2)
    together = page_images.review_images(pdf, "pdf", [3, 1, 2])
    assert together == alone and len(set(alone.values())) == 3
    assert page_images.review_images(pdf, "pdf", [2]) == {2: alone[2]}


def test_the_text_layer_s_font_leaves_no_file_open():
    """The text layer's font is cut from OCRmyPDF's Occulta with fontTools, which keeps its source file open: left to the
    garbage collector, the ``unclosed file`` warning came whenever the collector ran, and during the PDF/A check it
    counted as a violation (standard seed 181 doc 9 saved as a plain PDF in one replay of the same reads, PDF/A in
    another). A fresh process builds the font and collects its garbage with every ResourceWarning shown."""
    import sys

    script = (
        "import gc\nfrom ocr_pipeline.scan_outputs.searchable_pdf import _font_manager\n_font_manager()\ngc.collect()\n"
    )
    run = subprocess.run(
        [sys.executable, "-W", "always::ResourceWarning", "-c", script], capture_output=True, text=True, check=True
    )
    assert "unclosed file" not in run.stderr, run.stderr
