"""``python -m ocr_pipeline.synth OUTDIR --n 40 --seed 7 [--transcripts] [worn-scan options]``: generate
scanned reports with truth.

Worn-scan options (issue 14): ``--hard`` mixes them per document (dpi x copy cycling through all nine
pairs); each option given explicitly overrides the preset. Every document's truth records its conditions
(``synth.conditions``) and its condition key (``synth.condition``, e.g. ``200 dpi x thick``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from ocr_pipeline.synth.document import doc_seed, make_document
from ocr_pipeline.synth.fonts import FAMILIES, OTHER_FAMILIES
from ocr_pipeline.synth.garble import ALL_KINDS
from ocr_pipeline.synth.wear import COPIES, Conditions, hard_conditions
from ocr_pipeline.synth.write import write_document


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m ocr_pipeline.synth",
        description="Generate synthetic scanned Thai ITA reports with ground truth.",
    )
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--n", type=int, default=10, help="number of documents (default 10)")
    ap.add_argument("--seed", type=int, default=0, help="run seed; same seed, same files (default 0)")
    ap.add_argument("--start", type=int, default=0, help="index of the first document (default 0)")
    ap.add_argument("--transcripts", action="store_true", help="also write <stem>.md and <stem>.html")
    ap.add_argument(
        "--garble-rate",
        type=float,
        default=0.3,
        help="chance of each transcript garble kind per document (default 0.3)",
    )
    ap.add_argument(
        "--garble-rates",
        default="",
        metavar="KIND=RATE,...",
        help="per-kind rates overriding --garble-rate; kinds: " + ", ".join(ALL_KINDS),
    )
    ap.add_argument(
        "--clean-transcripts",
        action="store_true",
        help="write the truth as a correct transcript (<stem>.md, <stem>.html: no garbles, no quirks that "
        "lose text) and no scan: the benchmark's clean mode",
    )
    ap.add_argument("--dpi", type=int, default=None, help="force one resolution (default: 200-300 per document)")
    ap.add_argument("--clean", action="store_true", help="nearly clean scans (no skew, stains, noise)")
    worn = ap.add_argument_group("worn scans (issue 14)")
    worn.add_argument("--hard", action="store_true", help="the worn-archive preset: every condition below, mixed")
    worn.add_argument("--copy", choices=COPIES, default=None, help="photocopy the printed original first")
    worn.add_argument("--blur", type=float, default=None, help="scanner blur sigma, pixels at 300 dpi")
    worn.add_argument("--jpeg-quality", type=int, default=None, help="JPEG quality of the scan (e.g. 35-60)")
    worn.add_argument("--skew", type=float, default=None, help="largest skew in degrees (drawn within +-SKEW)")
    worn.add_argument("--dust", type=int, default=None, help="toner dust specks per page")
    worn.add_argument("--cell-specks", type=int, default=None, help="speck clusters inside table cells, per page")
    worn.add_argument("--bold", action="store_true", help="all text bold")
    worn.add_argument(
        "--font",
        choices=[*FAMILIES, *OTHER_FAMILIES],
        default=None,
        help="font family (" + ", ".join(OTHER_FAMILIES) + ": unlike the standard corpus's; the digit model "
        "never saw Noto Serif Thai)",
    )
    worn.add_argument(
        "--print",
        dest="engine",
        action="store_const",
        const="pango",
        default=None,
        help="set the text as a word processor prints it (Pango at 600 dpi, justified memo), then scan it",
    )
    ap.add_argument("-q", "--quiet", action="store_true")
    return ap


def conditions_for(args: argparse.Namespace, index: int) -> Conditions | None:
    """The document's conditions: the preset's draw, then every explicit option; None when none is set."""
    explicit = {
        "copy": args.copy,
        "blur": args.blur,
        "jpeg_quality": args.jpeg_quality,
        "skew": args.skew,
        "dust": args.dust,
        "cell_specks": args.cell_specks,
        "font": args.font,
        "engine": args.engine,
        "bold": True if args.bold else None,
    }
    explicit = {k: v for k, v in explicit.items() if v is not None}
    if not args.hard and not explicit:
        return None
    base = hard_conditions(args.seed, index) if args.hard else Conditions()
    return replace(base, **explicit, dpi=args.dpi or base.dpi)


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.n < 0 or not 0.0 <= args.garble_rate <= 1.0:
        ap.error("--n must be >= 0 and --garble-rate within 0..1")
    if args.jpeg_quality is not None and not 5 <= args.jpeg_quality <= 95:
        ap.error("--jpeg-quality must be within 5..95")
    rates: float | dict[str, float] = args.garble_rate
    if args.garble_rates:
        rates = dict.fromkeys(ALL_KINDS, args.garble_rate)
        for item in args.garble_rates.split(","):
            kind, _, value = item.partition("=")
            try:
                rates[kind.strip()] = float(value)
            except ValueError:
                ap.error(f"--garble-rates: {item!r} is not KIND=RATE")
            if kind.strip() not in ALL_KINDS or not 0.0 <= rates[kind.strip()] <= 1.0:
                ap.error(f"--garble-rates: unknown kind or rate outside 0..1 in {item!r}")
    try:
        import cv2

        cv2.setNumThreads(1)  # a shared 2-core machine
    except ImportError:  # pragma: no cover
        pass
    t0 = time.perf_counter()
    pages = 0
    for i in range(args.start, args.start + args.n):
        stem = f"doc-{args.seed:03d}-{i:04d}"
        try:
            doc = make_document(
                doc_seed(args.seed, i), stem, dpi=args.dpi, clean=args.clean, conditions=conditions_for(args, i)
            )
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 3
        write_document(
            args.outdir,
            doc,
            transcripts=args.transcripts,
            garble_rate=rates,
            clean_transcripts=args.clean_transcripts,
        )
        pages += len(doc.pages)
        if not args.quiet:
            print(
                f"{stem}: {len(doc.pages)} pages, {doc.dpi} dpi, {doc.family}, {doc.conditions.copy}", file=sys.stderr
            )
    if not args.quiet:
        print(
            f"{args.n} documents, {pages} pages in {time.perf_counter() - t0:.1f} s -> {args.outdir}", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
