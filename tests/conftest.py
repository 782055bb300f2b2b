"""Shared test helpers: run the real CLI in a subprocess, paths of the bundled samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Property tests draw the same examples on every run (CI must not pass or fail by luck: a random draw
# once found fiscal year 2501 in CI only); HYPOTHESIS_PROFILE=explore draws new ones on each run,
# to look for new failures before a change lands (a failure found there becomes an @example).
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "repeatable")
settings.load_profile(PROFILE)


def garbled_transcripts(folder: Path, seed: int, n: int, rate: float) -> Path:
    """``n`` generated reports written into ``folder`` as garbled VLM transcripts (markdown and HTML)."""
    from ocr_pipeline.synth import doc_seed, make_document, write_document

    for i in range(n):
        write_document(folder, make_document(doc_seed(seed, i), f"g{i}"), transcripts=True, garble_rate=rate)
    return folder


def examples(n: int) -> int:
    """A property test's number of examples: ``n`` in the suite, five times as many when exploring."""
    return n * 5 if PROFILE == "explore" else n


def run_cli(*args: str, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python -m ocr_pipeline ARGS`` as a user runs it; its page cache is its own (a fresh
    ``XDG_CACHE_HOME``) unless ``env`` names one, so every test reads its pages with Tesseract."""
    with tempfile.TemporaryDirectory(prefix="ocrp-test-cache-") as cache:
        full_env = {**os.environ, "XDG_CACHE_HOME": cache, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "ocr_pipeline", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=full_env,
            timeout=timeout,
        )


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "out"
