"""Cache and resume (issue 16, item 5): a run killed at any moment and started again redoes only what
is missing; outputs are byte-identical whatever --jobs, resume or cache; a finished batch is skipped."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLES, run_cli

from ocr_pipeline.cache import PageCache, reading_fingerprint

INPUTS = [str(SAMPLES / "scan.tif"), str(SAMPLES / "line.png")]  # three pages


def _files(out):
    return {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and ".ocr-pipeline" not in p.parts and p.name != "run-summary.json"
    }


@pytest.mark.slow
def test_killed_run_resumes_and_every_way_gives_the_same_bytes(tmp_path):
    cache = tmp_path / "cache"
    first = run_cli(*INPUTS, "-o", str(tmp_path / "a"), "--jobs", "2", "--cache-dir", str(cache))
    assert first.returncode == 0, first.stderr
    reference = _files(tmp_path / "a")
    assert len(reference) == 13  # 6 files for each scan (searchable PDF and review page included), measures.csv

    plain = run_cli(*INPUTS, "-o", str(tmp_path / "b"), "--jobs", "1", "--no-cache")
    assert plain.returncode == 0, plain.stderr
    assert _files(tmp_path / "b") == reference, "--jobs 1 without the cache: the same bytes"

    # killed as soon as one page is in its cache, then started again
    cache2 = tmp_path / "cache2"
    command = [
        sys.executable,
        "-m",
        "ocr_pipeline",
        *INPUTS,
        "-o",
        str(tmp_path / "c"),
        "--jobs",
        "2",
        "--cache-dir",
        str(cache2),
    ]
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    end = time.monotonic() + 300
    while time.monotonic() < end and not list(cache2.rglob("*.json.gz")) and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    stored = len(list(cache2.rglob("*.json.gz")))
    assert 1 <= stored < 3, "killed between the first page and the last"
    again = subprocess.run(
        [*command, "--log-file", str(tmp_path / "log")], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 0, again.stderr
    log = (tmp_path / "log").read_text(encoding="utf-8")
    assert len(re.findall(r"page \d/\d read in", log)) == 3 - stored, "only the pages not cached are read"
    assert _files(tmp_path / "c") == reference, "killed and resumed: the same bytes"

    # a finished batch again: nothing is read or written, a few percent of the first run's time
    started = time.monotonic()
    rerun = run_cli(*INPUTS, "-o", str(tmp_path / "a"), "--cache-dir", str(cache))
    assert rerun.returncode == 0 and rerun.stdout.count("unchanged, kept") == 2, rerun.stdout
    assert _files(tmp_path / "a") == reference
    summary = json.loads((tmp_path / "a" / "run-summary.json").read_text(encoding="utf-8"))
    assert summary["skipped_unchanged"] == 2 and summary["processed"] == 0
    assert time.monotonic() - started < 30


def test_cache_keys_change_with_what_the_reading_depends_on(tmp_path):
    one = reading_fingerprint("5.3.0", "tha+eng", {})
    assert one == reading_fingerprint("5.3.0", "tha+eng", {})
    assert one != reading_fingerprint("5.3.1", "tha+eng", {})
    assert one != reading_fingerprint("5.3.0", "tha", {})
    cache = PageCache(tmp_path, one)
    assert cache.key("ab" * 32, 1) != cache.key("ab" * 32, 2)
    key = cache.key("ab" * 32, 1)
    assert cache.get(key) is None
    cache.put(key, '{"number": 1}')
    assert cache.get(key) == '{"number": 1}'
    path = next(tmp_path.rglob("*.json.gz"))
    path.write_bytes(gzip.compress(b"x")[:5])  # a damaged entry is a miss, not a failure
    assert cache.get(key) is None


def test_a_stale_entry_that_no_longer_fits_the_model_is_read_again(tmp_path):
    """An entry whose fields do not fit model.Page is a miss: the page is read with Tesseract."""
    line = str(SAMPLES / "line.png")
    cache = tmp_path / "cache"
    assert run_cli(line, "-o", str(tmp_path / "a"), "--cache-dir", str(cache)).returncode == 0
    [entry] = cache.rglob("*.json.gz")
    page = json.loads(gzip.decompress(entry.read_bytes()))
    del page["number"]
    entry.write_bytes(gzip.compress(json.dumps(page).encode()))
    proc = run_cli(line, "-o", str(tmp_path / "b"), "--cache-dir", str(cache), "--log-file", str(tmp_path / "log"))
    assert proc.returncode == 0, proc.stderr
    assert "page 1/1 read in" in (tmp_path / "log").read_text(encoding="utf-8")
    assert (tmp_path / "b" / "line.json").read_bytes() == (tmp_path / "a" / "line.json").read_bytes()


def test_the_reading_fingerprint_covers_every_module_the_reading_imports():
    """A module the page reading imports (``understand/labels.py`` picks the name lines read again) but the
    fingerprint leaves out would let a changed reading come back from the cache unchanged."""
    import ast

    from ocr_pipeline.cache import PACKAGE, READING_CODE

    def covered(rel: str) -> bool:
        return any(rel == part or rel.startswith(part + "/") for part in READING_CODE)

    todo = [
        p
        for part in READING_CODE
        for p in ((PACKAGE / part).rglob("*.py") if (PACKAGE / part).is_dir() else [PACKAGE / part])
        if p.suffix == ".py"
    ]
    seen: set[str] = set()
    missing: set[str] = set()
    while todo:
        path = todo.pop()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if not name.startswith("ocr_pipeline."):
                    continue
                rel = name.split(".", 1)[1].replace(".", "/")
                target = (
                    PACKAGE / (rel + ".py") if (PACKAGE / (rel + ".py")).exists() else PACKAGE / rel / "__init__.py"
                )
                key = str(target.relative_to(PACKAGE))
                if key in seen or not target.exists():
                    continue
                seen.add(key)
                if not covered(key) and not covered(rel):
                    missing.add(key)
                todo.append(target)
    assert not missing, f"imported by the reading but not in READING_CODE: {sorted(missing)}"
