"""Rebuild ``ocr_pipeline/models/thai_digits.npz``, the glyph classifier of the Thai-digit reader.

Glyphs (Thai and Arabic digits, ``. / - ( ) : ,``, and Thai/Latin letters as "not a digit") are rendered
in every installed Thai font except the held-out Norasi family (fonts-thai-tlwg, fonts-noto-core), at
9-22 pt and 150-320 dpi, between neighbouring digits, then degraded (rotation, blur, resampling, noise,
stroke weight, bilevel threshold, JPEG), cut with the reader's own code (``digit_glyphs``) and fed to a
scikit-learn MLP. The weights are saved as float16 in a plain ``.npz``; inference needs numpy only.

    .venv/bin/python scripts/train_digit_reader.py            # train, evaluate, write the model
    .venv/bin/python scripts/train_digit_reader.py --eval-only  # evaluate the saved model

Evaluation: fresh samples (another seed) of the training fonts, and all Norasi styles (unseen font).
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocr_pipeline.ocr import digit_glyphs as dg  # noqa: E402

MODEL = ROOT / "ocr_pipeline" / "models" / "thai_digits.npz"
HELD_OUT = "Norasi"
FONT_GLOBS = ("/usr/share/fonts/truetype/tlwg/*.ttf", "/usr/share/fonts/truetype/noto/Noto*Thai*.ttf")

CONSONANTS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหอฮ"
VOWELS = "ะาเแโใไๆฯ"
MARKS = "\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e31\u0e48\u0e49\u0e47\u0e4c"
LATIN = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz"
FRAGMENT = "frag"  # a piece of a glyph cut in the wrong place: "not a digit"
BODY = "นกรม"  # neighbours of body height besides digits


@dataclass
class Font:
    path: str
    family: str
    has: set[str]

    def font(self, px: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.path, px)


def load_fonts() -> list[Font]:
    """Installed Thai fonts with the characters each really has (no .notdef boxes)."""
    fonts = []
    chars = set(dg.TARGETS + CONSONANTS + VOWELS + LATIN + BODY)
    for path in sorted(p for g in FONT_GLOBS for p in glob.glob(g)):
        f = ImageFont.truetype(path, 48)
        notdef = bytes(f.getmask("\uffff"))
        has = {c for c in chars if bytes(f.getmask(c)) != notdef and f.getmask(c).getbbox()}
        if not set(dg.THAI_DIGITS) <= has:
            continue
        fonts.append(Font(path, f.getname()[0], has))
    return fonts


def other_labels(font: Font, rng: np.random.Generator, n: int) -> list[str]:
    pool = [c for c in CONSONANTS + VOWELS + LATIN if c in font.has]
    out = []
    for _ in range(n):
        c = pool[rng.integers(len(pool))]
        text = c
        if c in CONSONANTS and rng.random() < 0.3:
            text += MARKS[rng.integers(len(MARKS))]
        out.append(text)
    return out


def degrade(img: np.ndarray, rng: np.random.Generator, digit_h: float) -> np.ndarray:
    """Scan-like damage on a float image (0 ink .. 255 paper)."""
    h, w = img.shape
    if rng.random() < 0.8:  # rotation, shear and width change: scan skew and unseen type designs
        ang = np.deg2rad(rng.uniform(-2.0, 2.0))
        sx, sh = rng.uniform(0.85, 1.15), rng.uniform(-0.15, 0.15)
        a = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]]) @ np.array([[sx, sh], [0, 1]])
        c = np.array([w / 2, h / 2])
        m = np.hstack([a, (c - a @ c)[:, None]])
        img = cv2.warpAffine(img, m, (w, h), borderValue=255.0, flags=cv2.INTER_LINEAR)
    if rng.random() < 0.25 and digit_h > 18:  # stroke weight
        k = np.ones((2, 2), np.uint8)
        img = cv2.erode(img, k) if rng.random() < 0.5 else cv2.dilate(img, k)
    sigma = rng.uniform(0, 0.05 * digit_h)
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    if rng.random() < 0.3:
        f = rng.uniform(0.6, 0.95)
        small = cv2.resize(img, (max(8, int(w * f)), max(8, int(h * f))), interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    paper, ink = rng.uniform(190, 255), rng.uniform(0, 90)
    img = ink + (paper - ink) * (img / 255.0)
    img = img + rng.normal(0, rng.uniform(0, 18), img.shape)
    if rng.random() < 0.3:  # bilevel scan with a jittered threshold
        thr = rng.uniform(0.35, 0.65) * (paper + ink)
        img = np.where(img > thr, 255.0, 0.0)
    img = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        buf = io.BytesIO()
        Image.fromarray(img).save(buf, format="JPEG", quality=int(rng.uniform(20, 90)))
        img = np.array(Image.open(buf).convert("L"))
    return img


def sample(font: Font, label: str, rng: np.random.Generator, fragment: bool = False) -> np.ndarray | None:
    """Render ``label`` (alone or between neighbours), degrade, cut; the feature row of its glyph."""
    pt, dpi = rng.uniform(9, 22), rng.uniform(150, 320)
    px = max(12, int(round(pt * dpi / 72)))
    f = font.font(px)
    body = f.getbbox("น", anchor="ls")
    body_h = body[3] - body[1]
    neigh_pool = [c for c in dg.THAI_DIGITS] * 4 + [c for c in dg.ARABIC_DIGITS + BODY if c in font.has]
    alone = rng.random() < 0.2
    parts = [label] if alone else [neigh_pool[rng.integers(len(neigh_pool))], label,
                                   neigh_pool[rng.integers(len(neigh_pool))]]
    target = 0 if alone else 1
    boxes, x = [], int(px * 0.6)
    base = int(px * 1.3)
    for i, s in enumerate(parts):
        l, t, r, b = f.getbbox(s, anchor="ls")
        if i:
            x += int(rng.uniform(0.06, 0.35) * px) - l
        boxes.append((x + l, base + t, x + r, base + b))
        x += r
    W, H = x + int(px * 0.6), int(px * 2.2)
    im = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(im)
    for s, bx in zip(parts, boxes):
        l, t, _r, _b = f.getbbox(s, anchor="ls")
        d.text((bx[0] - l, base), s, font=f, fill=0, anchor="ls")
    img = degrade(np.asarray(im, np.float32), rng, body_h)
    x0 = min(b[0] for b in boxes) - int(rng.uniform(0.02, 0.25) * px)
    x1 = max(b[2] for b in boxes) + int(rng.uniform(0.02, 0.25) * px)
    y0 = min(b[1] for b in boxes) - int(rng.uniform(0.02, 0.2) * px)
    y1 = max(b[3] for b in boxes) + int(rng.uniform(0.02, 0.2) * px)
    crop = img[max(0, y0) : y1, max(0, x0) : x1]
    ink = dg.ink_mask(crop)
    if ink is None:
        return None
    glyphs = dg.find_glyphs(ink)
    ox = max(0, x0)
    tb = boxes[target]
    mine = [g for g in glyphs if tb[0] - 2 <= (g.x0 + g.x1) / 2 + ox <= tb[2] + 2]
    if len(mine) != 1 or len(glyphs) != len(parts):
        return None
    ref = body_h * rng.uniform(0.9, 1.15) if alone else None
    band = dg.band_of(glyphs, ref)
    g = mine[0]
    if fragment:
        cols = dg.cut_columns(g)
        if not cols:
            return None
        pieces = dg.split_at(g, cols[rng.integers(len(cols))])
        if pieces is None:
            return None
        g = pieces[rng.integers(2)]
    return dg.features([g], band)[0]


def build(fonts: list[Font], n_target: int, n_other: int, n_frag: int, seed: int) -> tuple[np.ndarray, list[str]]:
    """Samples spread evenly over fonts: ``n_target`` per target class, ``n_other`` letters in all."""
    rng = np.random.default_rng(seed)
    X, y = [], []
    jobs: list[tuple[Font, str, bool]] = []
    for c in dg.TARGETS:
        able = [f for f in fonts if c in f.has]
        for i in range(n_target):
            jobs.append((able[i % len(able)], c, False))
    for i in range(n_other):
        f = fonts[i % len(fonts)]
        jobs.append((f, other_labels(f, rng, 1)[0], False))
    for i in range(n_frag):
        f = fonts[i % len(fonts)]
        jobs.append((f, dg.THAI_DIGITS[rng.integers(10)], True))
    for font, label, frag in jobs:
        for _attempt in range(4):
            row = sample(font, label, rng, frag)
            if row is not None:
                X.append(row)
                y.append(FRAGMENT if frag else label if len(label) == 1 else label[0] + "^")
                break
    return np.asarray(X, np.float32), y


def collapse(labels: list[str] | np.ndarray) -> np.ndarray:
    """Fine label -> what the reader outputs (a target character, or '' for "not a digit")."""
    return np.array([s if s in dg.TARGETS else "" for s in labels])


def predict(model: dict, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Numpy forward pass, as in ``ocr_pipeline.ocr.digits``: (collapsed label, probability)."""
    from ocr_pipeline.ocr.digits import GlyphClassifier

    clf = GlyphClassifier.from_arrays(model)
    return clf.predict(X)


def report(model: dict, X: np.ndarray, y: list[str], name: str) -> dict:
    pred, prob = predict(model, X)
    truth = collapse(y)
    tgt = truth != ""
    digit = np.isin(truth, list(dg.THAI_DIGITS + dg.ARABIC_DIGITS))
    thai = np.isin(truth, list(dg.THAI_DIGITS))
    res = {
        "set": name,
        "n": int(len(y)),
        "glyph_accuracy_all": float((pred == truth).mean()),
        "accuracy_targets": float((pred[tgt] == truth[tgt]).mean()),
        "accuracy_thai_digits": float((pred[thai] == truth[thai]).mean()),
        "accuracy_digits": float((pred[digit] == truth[digit]).mean()),
        "letters_read_as_digit_or_punct": float((pred[~tgt] != "").mean()) if (~tgt).any() else None,
        "n_letters": int((~tgt).sum()),
    }
    errs: dict[str, int] = {}
    for t, p in zip(truth, pred):
        if t != p:
            key = f"{t or 'other'}->{p or 'other'}"
            errs[key] = errs.get(key, 0) + 1
    res["top_confusions"] = sorted(errs.items(), key=lambda kv: -kv[1])[:12]
    return res


def train(X: np.ndarray, y: list[str], seed: int) -> dict:
    from sklearn.neural_network import MLPClassifier

    mean, std = X.mean(0), X.std(0) + 1e-3
    clf = MLPClassifier(hidden_layer_sizes=(256, 128), alpha=3e-4, batch_size=256, learning_rate_init=1e-3,
                        max_iter=40, early_stopping=True, validation_fraction=0.05, n_iter_no_change=5,
                        random_state=seed)
    clf.fit((X - mean) / std, y)
    arrays = {"mean": mean, "std": std, "labels": np.array(clf.classes_, dtype=str)}
    for i, (w, b) in enumerate(zip(clf.coefs_, clf.intercepts_)):
        arrays[f"W{i}"] = w.astype(np.float16)
        arrays[f"b{i}"] = b.astype(np.float16)
    arrays["n_layers"] = np.array(len(clf.coefs_))
    arrays["size"] = np.array(dg.SIZE)
    return arrays


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--per-class", type=int, default=2600, help="training samples per target class")
    ap.add_argument("--others", type=int, default=40000, help="training samples of letters")
    ap.add_argument("--fragments", type=int, default=4000, help="training samples of mis-cut pieces")
    ap.add_argument("--eval-per-class", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--report", type=Path, help="write the evaluation as JSON here")
    args = ap.parse_args()

    fonts = load_fonts()
    train_fonts = [f for f in fonts if f.family != HELD_OUT]
    test_fonts = [f for f in fonts if f.family == HELD_OUT]
    print(f"fonts: {len(train_fonts)} training styles, {len(test_fonts)} held-out {HELD_OUT} styles", flush=True)
    t0 = time.time()
    if args.eval_only:
        model = dict(np.load(args.out))
    else:
        X, y = build(train_fonts, args.per_class, args.others, args.fragments, args.seed)
        print(f"training set: {len(y)} glyphs, {len(set(y))} labels, {time.time() - t0:.0f} s", flush=True)
        t1 = time.time()
        model = train(X, y, args.seed)
        print(f"trained in {time.time() - t1:.0f} s", flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(args.out, **model)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)", flush=True)
    n_eval_other = args.eval_per_class * 10
    results = []
    for name, fs, seed in (("training fonts, new samples", train_fonts, args.seed + 1000),
                           (f"held-out {HELD_OUT}", test_fonts, args.seed + 2000)):
        Xe, ye = build(fs, args.eval_per_class, n_eval_other, 0, seed)
        results.append(report(model, Xe, ye, name))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    print(f"total {time.time() - t0:.0f} s")
    if args.report:
        args.report.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
