"""``--scheduler``: a real Dask scheduler and two worker processes on localhost read the pages; the
outputs are byte-identical to a local run's (issue 16, item 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, run_cli

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")


@pytest.fixture
def cluster(tmp_path):
    """``dask scheduler`` and ``dask worker --nworkers 2`` on 127.0.0.1; yields the scheduler's address."""
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = ["--no-dashboard"]
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(info), *common],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    workers = None
    try:
        _wait(lambda: info.is_file() and info.stat().st_size > 0, "the scheduler file")
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        workers = subprocess.Popen(
            [str(DASK), "worker", "--scheduler-file", str(info), "--nworkers", "2", "--nthreads", "1", *common],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=180)
        yield address
    finally:
        for proc in (workers, scheduler):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()


def _wait(condition, what, deadline=180.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_cluster_run_gives_the_local_run_s_bytes(tmp_path, cluster):
    inputs = [str(SAMPLES / "memo.png"), str(SAMPLES / "line.png"), str(SAMPLES / "report.md")]
    remote = run_cli(
        *inputs, "-o", str(tmp_path / "remote"), "--scheduler", cluster, "--log-file", str(tmp_path / "log")
    )
    assert remote.returncode == 0, remote.stderr
    assert f"reading pages on the Dask cluster at {cluster} (2 threads)" in (tmp_path / "log").read_text(
        encoding="utf-8"
    )
    local = run_cli(*inputs, "-o", str(tmp_path / "local"), "--jobs", "2")
    assert local.returncode == 0, local.stderr
    names = sorted(p.name for p in (tmp_path / "local").iterdir() if p.is_file() and p.name != "run-summary.json")
    assert len(names) == 18  # 6 files for each scan, 5 for the transcript (no PDF), and measures.csv
    for name in names:
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_unreachable_scheduler_is_one_line(tmp_path):
    proc = run_cli(
        str(SAMPLES / "line.png"),
        "-o",
        str(tmp_path / "out"),
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--scheduler-timeout",
        "2",
    )
    assert proc.returncode == 15, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if "error:" in ln]
    assert len(lines) == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in lines[0]
    assert "Traceback" not in proc.stderr
