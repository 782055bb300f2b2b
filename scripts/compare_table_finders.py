"""Compare the project's ruled-table finder (OpenCV morphology, ocr_pipeline.layout.grid) with
img2table 2.0 (``Image(...).extract_tables(ocr=None)``) on the table pages of a generated corpus.

    .venv/bin/pip install img2table        # only for this comparison; not a dependency
    .venv/bin/python scripts/compare_table_finders.py bench-corpus --pages 60

For each table page: is the grid's row count and column count that of the truth (one truth
text line per grid row, cells joined by ' | '), and how long each finder takes on the same
deskewed 300-dpi page image.
"""

from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path

import numpy as np
from PIL import Image

from ocr_pipeline.ingest.pdf import render_pdf_page
from ocr_pipeline.layout.grid import find_grids
from ocr_pipeline.layout.preprocess import prepare_page


def truth_tables(truth: dict) -> dict[int, tuple[int, int]]:
    """page -> (rows, columns) of its table, from the truth text."""
    found = {}
    for page in truth["pages"]:
        rows = [ln for ln in page["text"].split("\n") if " | " in ln]
        if rows:
            found[page["number"]] = (len(rows), max(ln.count(" | ") + 1 for ln in rows))
    return found


def ours(gray: np.ndarray) -> tuple[int, int]:
    grids = find_grids(gray)
    if not grids:
        return 0, 0
    g = max(grids, key=lambda g: (g.box[2] - g.box[0]) * (g.box[3] - g.box[1]))
    return len(g.ys) - 1, len(g.xs) - 1


def theirs(gray: np.ndarray) -> tuple[int, int]:
    from img2table.document import Image as I2TImage

    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, format="PNG")
    tables = I2TImage(src=buffer.getvalue()).extract_tables(ocr=None, implicit_rows=False, borderless_tables=False)
    if not tables:
        return 0, 0
    t = max(tables, key=lambda t: (t.bbox.x2 - t.bbox.x1) * (t.bbox.y2 - t.bbox.y1))
    rows = len(t.content)
    cols = max((len(r) for r in t.content.values()), default=0)
    return rows, cols


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    stats = {"ours": [0, 0, 0.0], "img2table": [0, 0, 0.0]}  # rows right, cols right, seconds
    n = 0
    for truth_path in sorted(args.corpus.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = truth_path.with_name(truth_path.name.replace(".truth.json", ".pdf"))
        for number, (rows, cols) in truth_tables(truth).items():
            if n >= args.pages:
                break
            gray, _dpi, _angle = prepare_page(render_pdf_page(pdf, number), 300)
            for name, finder in (("ours", ours), ("img2table", theirs)):
                started = time.perf_counter()
                got = finder(gray)
                stats[name][2] += time.perf_counter() - started
                stats[name][0] += got[0] == rows
                stats[name][1] += got[1] == cols
            n += 1
    print(f"{n} table pages of {args.corpus}")
    for name, (r, c, s) in stats.items():
        print(
            f"{name:<10} rows right {100 * r / n:5.1f} %   columns right {100 * c / n:5.1f} %   "
            f"{1000 * s / n:6.0f} ms per page"
        )


if __name__ == "__main__":
    main()
