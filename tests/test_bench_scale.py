"""The scale benchmark's parts (the full measurement runs for minutes: `python -m ocr_pipeline.bench scale`)."""

from __future__ import annotations

import subprocess
import sys

from pypdf import PdfReader

from ocr_pipeline.bench.scale import PssSampler, build_pdf, report


def test_scan_of_n_pages_from_the_samples(tmp_path):
    pdf = build_pdf(tmp_path / "scan.pdf", 11)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 11
    assert reader.pages[9].mediabox == reader.pages[0].mediabox  # the samples' pages in turn (9 of them)


def test_pss_of_a_process_tree_counts_the_children(tmp_path):
    code = "import subprocess, sys, time; c = subprocess.Popen([sys.executable, '-c', 'x = bytearray(80 << 20); import time; time.sleep(3)']); time.sleep(3); c.wait()"
    proc = subprocess.Popen([sys.executable, "-c", code])
    with PssSampler(proc.pid, interval=0.05) as sampler:
        proc.wait(timeout=60)
    assert sampler.peak_processes == 2
    assert sampler.peak_kb > 80 * 1024, "the child's 80 MB are in the sum"


def test_report_says_which_targets_are_met():
    figures = {
        "pages": 100,
        "jobs": 2,
        "cores": 2,
        "load_average_at_end": 0.5,
        "pages_per_minute": 61.0,
        "bare_tesseract_seconds_per_page": 3.0,
        "bare_tesseract_pages": 100,
        "ratio_to_bare_tesseract": 0.33,
        "peak_pss_mb": 500.0,
        "processes_at_peak": 5,
        "rerun_seconds": 2.0,
        "rerun_share": 0.02,
        "targets": {
            "pages_per_minute": 60.0,
            "ratio_to_bare_tesseract": 0.3,
            "peak_pss_mb": 600.0,
            "rerun_share": 0.05,
        },
    }
    text = report(figures)
    assert "61.0  (meets" in text and "0.330  (MISSES" in text and "2.0 % of the first run  (meets" in text
