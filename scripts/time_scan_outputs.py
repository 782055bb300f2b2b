"""Seconds per page of the searchable PDF and the review page, apart from the OCR.

    .venv/bin/python scripts/time_scan_outputs.py samples/*.pdf corpus-dir/*.pdf

Each input is read and cleaned once (not timed), then both files are made three times in this
process and the median is kept: the first document of a run also pays for one-time work (imports,
the text layer's font subset), reported on its own line as the first call.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from ocr_pipeline.ingest import open_input
from ocr_pipeline.pipeline import process
from ocr_pipeline.scan_outputs import archive_files


def main(paths: list[str]) -> None:
    total_pages, pdf_s, review_s = 0, 0.0, 0.0
    for name in paths:
        result = process(open_input(Path(name)))
        runs = []
        for attempt in range(3):
            result.seconds.clear()
            warnings = len(result.warnings)
            started = time.perf_counter()
            archive_files(result, Path(name).stem)
            runs.append((time.perf_counter() - started, dict(result.seconds)))
            del result.warnings[warnings:]
            if attempt == 0 and total_pages == 0:
                print(f"first call (one-time work included): {runs[0][0]:.2f} s")
        pages = len(result.pages)
        median = statistics.median(r[0] for r in runs)
        pdf = statistics.median(r[1].get("searchable_pdf", 0.0) for r in runs)
        review = statistics.median(r[1].get("review_page", 0.0) for r in runs)
        total_pages, pdf_s, review_s = total_pages + pages, pdf_s + pdf, review_s + review
        print(
            f"{name}: {pages} page(s), both {median / pages:.3f} s/page (pdf {pdf / pages:.3f}, review {review / pages:.3f})"
        )
    print(
        f"all: {total_pages} pages, both {(pdf_s + review_s) / total_pages:.3f} s/page "
        f"(searchable PDF {pdf_s / total_pages:.3f}, review page {review_s / total_pages:.3f})"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
