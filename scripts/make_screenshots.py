"""The README's two pictures, made with the tools the tests use (run from the repository root):

    .venv/bin/python scripts/make_screenshots.py            # writes docs/review-page.png, docs/pdf-search.png

1. ``docs/review-page.png``: ``samples/report2.pdf``'s review page in headless Chromium (Selenium),
   a table correction chosen so that its place is marked on the scan.
2. ``docs/pdf-search.png``: ``samples/memo.pdf``'s searchable PDF rendered by pdfium (the engine of
   Chromium's PDF viewer, through pypdfium2), the corrected agency name searched with pdfium's own
   text search and every match painted as a viewer paints it; the caption quotes the text pdfium
   gives back for the matches (what a copy would paste).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

DOCS = ROOT / "docs"
SEARCH = "ตลาดโพธิ์"  # memo's agency: the OCR read ตลาดโพธิ, the gazetteer corrected it
CAPTION_FONT = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"  # Thai and Latin (fonts-thai-tlwg)


def run_pipeline(out: Path) -> None:
    inputs = [str(ROOT / "samples" / n) for n in ("report2.pdf", "memo.pdf")]
    subprocess.run([sys.executable, "-m", "ocr_pipeline", *inputs, "-o", str(out), "-q"], check=True, cwd=ROOT)


def review_screenshot(page: Path, target: Path, profile: Path) -> None:
    from selenium.webdriver.common.by import By
    from test_scan_outputs import chromium

    browser = chromium(profile)
    try:
        browser.set_window_size(1500, 1000)
        browser.get(page.as_uri())
        rows = browser.find_elements(By.CSS_SELECTOR, "#corrections tr.pick")
        row = next((r for r in rows if "ฝ่ายพัฒนารายได้" in r.text), rows[0])
        browser.execute_script("arguments[0].click();", row)
        browser.execute_script(
            "document.querySelector('figure#page-' + arguments[0].dataset.page + ' rect.mark')"
            ".scrollIntoView({block: 'center'});"
            "var aside = document.querySelector('aside');"
            "aside.scrollTop = document.getElementById('corrections').offsetTop - 8;"  # aside is positioned
            "var list = document.querySelector('#corrections .scroll');"
            "list.scrollTop = arguments[0].offsetTop - 60;",
            row,
        )
        png = browser.get_screenshot_as_png()
    finally:
        browser.quit()
    save_small(Image.open(__import__("io").BytesIO(png)), target)


def search_picture(pdf_path: Path, target: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    page = pdf[0]
    scale = 1.6
    image = page.render(scale=scale, grayscale=True).to_pil().convert("RGB")
    text = page.get_textpage()
    searcher = text.search(SEARCH, match_case=True)
    found, copied = [], []
    while (hit := searcher.get_next()) is not None:
        start, count = hit
        copied.append(text.get_text_range(start, count))
        found.append([text.get_charbox(i) for i in range(start, start + count)])
    height = page.get_height()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for boxes in found:
        left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
        box = (left * scale - 3, (height - top) * scale - 3, right * scale + 3, (height - bottom) * scale + 3)
        draw.rectangle(box, fill=(255, 200, 0, 110), outline=(230, 120, 0, 255), width=3)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    image = image.crop((0, 0, image.width, int(image.height * 0.5)))
    font = ImageFont.truetype(CAPTION_FONT, 22)
    same = all(c == SEARCH for c in copied)
    caption = f"pdfium search “{SEARCH}”: {len(found)} matches on page 1" + (
        f", each copied as “{SEARCH}”" if same else f"; copied: {' | '.join(copied)}"
    )
    framed = Image.new("RGB", (image.width, image.height + 44), "white")
    framed.paste(image, (0, 44))
    ImageDraw.Draw(framed).text((12, 8), caption, fill=(20, 20, 20), font=font)
    save_small(framed, target)
    print(caption)


def save_small(image: Image.Image, target: Path) -> None:
    """A PNG of 256 colours: screenshots of text stay sharp and small."""
    target.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    print(f"{target}: {target.stat().st_size // 1024} KB")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="screens-") as tmp:
        out = Path(tmp)
        run_pipeline(out)
        review_screenshot(out / "report2.review.html", DOCS / "review-page.png", out / "profile")
        search_picture(out / "memo.ocr.pdf", DOCS / "pdf-search.png")


if __name__ == "__main__":
    main()
