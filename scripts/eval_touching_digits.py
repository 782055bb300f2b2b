"""How the digit reader copes with digits pressed together: random Thai digit strings (3-5 digits, half
with a slash and 1-3 more digits) drawn glyph by glyph with negative spacing in eight installed Thai
fonts, half of them thickened (ink spread), given to the reader as one OCR word read "๒๕๒".

    .venv/bin/python scripts/eval_touching_digits.py [--n 240] [--seed 5]

Prints the share read exactly, flagged (left as read, low confidence: the honest outcome) and read
wrong (a silent error).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_digits import glyph_boxes  # noqa: E402  (the tests' renderer: one glyph at a time)

from ocr_pipeline.model import Word  # noqa: E402
from ocr_pipeline.ocr import digit_glyphs as dg  # noqa: E402
from ocr_pipeline.ocr.digits import DigitReader  # noqa: E402

FONTS = ["Garuda", "Laksaman", "Waree", "Loma", "Norasi", "Kinnari", "Umpush", "Sawasdee"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    reader = DigitReader()
    seen: Counter[str] = Counter()
    for _ in range(args.n):
        text = "".join(rng.choice(dg.THAI_DIGITS) for _ in range(rng.randint(3, 5)))
        if rng.random() < 0.5:
            text += "/" + "".join(rng.choice(dg.THAI_DIGITS) for _ in range(rng.randint(1, 3)))
        font, gap, bold = rng.choice(FONTS), rng.choice([-0.08, -0.06, -0.04, -0.02, 0.0]), rng.random() < 0.5
        img, boxes = glyph_boxes(text, font=font, gap=gap)
        if bold:
            img = cv2.erode(img, np.ones((3, 3), np.uint8))
        box = (boxes[0][0], min(b[1] for b in boxes), boxes[-1][2], max(b[3] for b in boxes))
        new, _readings = reader.reread(img, [Word("๒๕๒", box, 60.0)])
        out = "".join(w.text for w in new)
        seen["exact" if out == text else "flagged" if out == "๒๕๒" else "wrong"] += 1
    print("  ".join(f"{k} {100 * seen[k] / args.n:.1f} %" for k in ("exact", "flagged", "wrong")))


if __name__ == "__main__":
    main()
