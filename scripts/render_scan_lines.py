"""Render line images that look like the THND test set's real scans, with their truth, for tuning.

Real scanned lines of Thai government letters (the THND OCR test set) are 96-dpi JPEG crops of TH Sarabun
text at 16 pt (x-height 6-12 px), some bold, some pale, some photocopied with thickened strokes. Only
half of that set may be looked at, and it is small (55 lines, 126 Thai digits), so the digit reader is
tuned on lines like these too: TH Sarabun New, TH Sarabun PSK, Google's Sarabun in four weights and
Debian's Laksaman (metric-compatible with TH Sarabun), drawn at 4x the scan resolution, thickened or
thinned, downsampled to 55-200 dpi (most under 110), blurred, paled, noised and JPEG-compressed; lines of the kind found in
the letters (dates, years, document and phone numbers, sections, numbered items) with Thai digits.

    .venv/bin/python scripts/render_scan_lines.py DIR [--n 300] [--seed 1]
    .venv/bin/python -m ocr_pipeline.bench real-lines DIR

Writes ``NNN.jpg`` (96 dpi in its metadata, as the THND files) and ``NNN.gt.txt``. The fonts come from
``scripts/fetch_training_fonts.sh`` (``.cache/training-fonts``) and Debian's fonts-thai-tlwg.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / ".cache" / "training-fonts"
FACES = (  # (file, weight factor of the draw: >1 adds a faux-bold stroke)
    (FONTS / "THSarabunNew.ttf", 1.0),
    (FONTS / "THSarabunNew.ttf", 1.6),  # TH Sarabun New Bold is not on PyPI: drawn with a stroke
    (FONTS / "THSarabun.ttf", 1.0),
    (FONTS / "Sarabun-Regular.ttf", 1.0),
    (FONTS / "Sarabun-Medium.ttf", 1.0),
    (FONTS / "Sarabun-SemiBold.ttf", 1.0),
    (FONTS / "Sarabun-Bold.ttf", 1.0),
    (Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf"), 1.0),
    (Path("/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf"), 1.0),
)
SMALL_BODY, BODY_EM = 0.44, 0.57  # a face whose body (น) is under 0.44 em is designed small: drawn larger,
# as documents set it (scripts/train_digit_reader.py does the same)
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ("มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม").split()
ABBR = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()
WORDS = (
    "ตามที่ คณะรัฐมนตรี ในการประชุม เมื่อวันที่ มีมติ เห็นชอบ การแต่งตั้ง จึงแต่งตั้ง ให้ยกเลิก คำสั่ง "
    "คณะกรรมการ จังหวัด ตั้งแต่วันที่ ถึงวันที่ ลงวันที่ ประกาศ ณ วันที่ ตามความใน มาตรา แห่งพระราชบัญญัติ "
    "ข้อ วรรคหนึ่ง ระเบียบ สำนักนายกรัฐมนตรี ว่าด้วย พ.ศ. หนังสือ ที่ อ้างถึง สิ่งที่ส่งมาด้วย โทร. โทรสาร "
    "ต่อ ประจำปีการศึกษา ปีงบประมาณ รอบ เดือน ครั้งที่ จำนวน ราย ฉบับ หน้า เรื่อง การประชุม ศูนย์ปฏิบัติการ "
    "ผู้ว่าราชการจังหวัด นายอำเภอ เทศบาล องค์การบริหารส่วนตำบล ดังนั้น นั้น และ หรือ เพื่อ"
).split()


def thai(n: int | str) -> str:
    return str(n).translate(THAI)


def line_text(rng: np.random.Generator) -> str:
    """A line of a government letter holding Thai digits."""
    y = int(rng.integers(2540, 2571))
    d, m = int(rng.integers(1, 32)), int(rng.integers(12))
    w = lambda k: " ".join(WORDS[int(i)] for i in rng.integers(len(WORDS), size=k))  # noqa: E731
    kind = int(rng.integers(10))
    if kind == 0:
        return f"{w(2)} {thai(d)} {MONTHS[m]} {thai(y)} {w(1)}"
    if kind == 1:
        return f"{w(1)}ที่ {thai(int(rng.integers(1, 999)))}/{thai(y)} {w(2)}"
    if kind == 2:
        return f"ตั้งแต่วันที่ {thai(d)} {MONTHS[m]} {thai(y)} ถึงวันที่ {thai(int(rng.integers(1, 32)))} {MONTHS[m]}"
    if kind == 3:
        return f"มาตรา {thai(int(rng.integers(1, 99)))} และมาตรา {thai(int(rng.integers(1, 99)))} {w(2)}"
    if kind == 4:
        a, b = int(rng.integers(10**6, 10**7)), int(rng.integers(100, 999))
        return f"โทร. ๐{thai(int(rng.integers(2, 9)))} - {thai(a)} ต่อ {thai(b)} โทรสาร ๐๒-{thai(a + 1)}"
    if kind == 5:
        return f"{thai(int(rng.integers(1, 20)))}. {w(3)}"
    if kind == 6:
        return f"{w(1)} ข้อ {thai(int(rng.integers(1, 20)))} {w(1)} ({thai(int(rng.integers(1, 10)))}) {w(1)}"
    if kind == 7:
        parts = [thai(int(rng.integers(10 ** (k - 1), 10**k))) for k in rng.integers(1, 6, size=4)]
        return "-".join(parts)
    if kind == 8:
        return f"ประจำปีการศึกษา {thai(y)} ในวันที่ {thai(d)}-{thai(d + 1)} {MONTHS[m]} {thai(y - 1)} {w(1)}"
    return f"{ABBR[m]} {thai(y - 1)} - {ABBR[int(rng.integers(12))]} {thai(y)} {w(2)}"


def scale(face: Path) -> float:
    """Point-size factor of a face: TH Sarabun and its like are set at 16 pt where others are at 12."""
    f = ImageFont.truetype(str(face), 48)
    body = f.getbbox("น", anchor="ls")
    body_em = (body[3] - body[1]) / 48
    return BODY_EM / body_em if body_em < SMALL_BODY else 1.0


def render(text: str, face: Path, weight: float, rng: np.random.Generator) -> np.ndarray:
    """The line drawn at 4x, then scanned: stroke change, downsampling, blur, paleness, noise, JPEG."""
    scan_dpi = rng.uniform(55, 110) if rng.random() < 0.7 else rng.uniform(110, 200)  # most are small
    pt = rng.uniform(10.5, 12.5) * scale(face)
    px = int(round(pt * 4 * scan_dpi / 72))
    font = ImageFont.truetype(str(face), px)
    left, top, right, bottom = font.getbbox(text)
    pad = int(rng.uniform(0.08, 0.35) * px)
    im = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 255)
    stroke = int(round((weight - 1) * px * 0.025))
    ImageDraw.Draw(im).text((pad - left, pad - top), text, font=font, fill=0, stroke_width=stroke, stroke_fill=0)
    img = np.asarray(im, np.float32)
    k = int(rng.integers(0, 4))  # photocopy: thicker strokes (erode the paper) or thinner
    if k and rng.random() < 0.5:
        kernel = np.ones((k * 2 + 1, k * 2 + 1), np.uint8)
        img = cv2.erode(img, kernel) if rng.random() < 0.7 else cv2.dilate(img, np.ones((3, 3), np.uint8))
    w, h = max(8, img.shape[1] // 4), max(8, img.shape[0] // 4)
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    sigma = rng.uniform(0.0, 0.7)
    if sigma > 0.25:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    paper, ink = rng.uniform(200, 250), rng.uniform(10, 110)  # pale copies: grey ink
    img = ink + (paper - ink) * (img / 255.0)
    img = img + rng.normal(0, rng.uniform(0, 8), img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    faces = [(p, wt) for p, wt in FACES if p.is_file()]
    if not faces:
        print(f"error: no fonts in {FONTS}; run: bash scripts/fetch_training_fonts.sh", file=sys.stderr)
        return 2
    rng = np.random.default_rng(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    width = len(str(args.n))
    for i in range(1, args.n + 1):
        face, weight = faces[int(rng.integers(len(faces)))]
        text = line_text(rng)
        name = f"{i:0{max(3, width)}d}"
        img = Image.fromarray(render(text, face, weight, rng)).convert("RGB")
        img.save(args.out / f"{name}.jpg", dpi=(96, 96), quality=int(rng.uniform(40, 92)))
        (args.out / f"{name}.gt.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{args.n} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
