"""``python -m ocr_pipeline.synth OUTDIR --n 40 --seed 7 [--transcripts]``: generate scanned reports with truth."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ocr_pipeline.synth.document import doc_seed, make_document
from ocr_pipeline.synth.write import write_document


def main(argv: list[str] | None = None) -> int:
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
    ap.add_argument("--dpi", type=int, default=None, help="force one resolution (default: 200-300 per document)")
    ap.add_argument("--clean", action="store_true", help="nearly clean scans (no skew, stains, noise)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.n < 0 or not 0.0 <= args.garble_rate <= 1.0:
        ap.error("--n must be >= 0 and --garble-rate within 0..1")
    try:
        import cv2

        cv2.setNumThreads(1)  # a shared 2-core machine
    except ImportError:  # pragma: no cover
        pass
    t0 = time.perf_counter()
    pages = 0
    for i in range(args.start, args.start + args.n):
        stem = f"doc-{args.seed:03d}-{i:04d}"
        doc = make_document(doc_seed(args.seed, i), stem, dpi=args.dpi, clean=args.clean)
        write_document(args.outdir, doc, transcripts=args.transcripts, garble_rate=args.garble_rate)
        pages += len(doc.pages)
        if not args.quiet:
            print(f"{stem}: {len(doc.pages)} pages, {doc.dpi} dpi, {doc.family}", file=sys.stderr)
    if not args.quiet:
        print(
            f"{args.n} documents, {pages} pages in {time.perf_counter() - t0:.1f} s -> {args.outdir}", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
