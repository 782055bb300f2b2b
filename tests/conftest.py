"""Shared test helpers: run the real CLI in a subprocess, paths of the bundled samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


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
