"""Worker processes (issue 16 rows 8, 9, 10, 19): Ctrl-C and SIGTERM end the run in one line with
130/143 and no process left; kill -9 of the main process takes the workers and their Tesseract
with it; a worker killed from outside fails only its own document; --jobs is capped.

Real runs on the bundled scans; every wait polls for a condition with a generous deadline, so a
loaded machine makes them slower, not flaky.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, load_json

pytestmark = pytest.mark.slow
DEADLINE = 240.0  # seconds to wait for a condition on a busy machine


def _start(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMPDIR": str(_tmp(tmp_path))}
    return subprocess.Popen(
        [sys.executable, "-m", "ocr_pipeline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group, as a shell job is: Ctrl-C reaches the group
        preexec_fn=_as_a_shell_job,
    )


def _as_a_shell_job() -> None:
    """SIGINT as a shell's foreground job starts with it (the default), whatever the test process inherited: a
    child inherits an ignored SIGINT across exec, and the pipeline then rightly keeps ignoring it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _tmp(tmp_path: Path) -> Path:
    path = tmp_path / "tmp"
    path.mkdir(exist_ok=True)
    return path


def _processes() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, state, command name) of every process, from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), fields[0], name)
    return table


def _descendants(pid: int) -> dict[int, str]:
    table = _processes()
    found, frontier = {}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, (ppid, _state, name) in table.items():
            if ppid == parent and child not in found:
                found[child] = name
                frontier.append(child)
    return found


def _alive(pids) -> list[int]:
    table = _processes()
    return [p for p in pids if p in table and table[p][1] != "Z"]  # a zombie is dead, only not reaped


def _wait_for(condition, what: str, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _tesseract_running(proc: subprocess.Popen) -> dict[int, str]:
    def check():
        tree = _descendants(proc.pid)
        return tree if "tesseract" in tree.values() else None

    return _wait_for(check, "a Tesseract under the workers")


@pytest.mark.parametrize(
    "signum, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_signal_ends_the_run_in_one_line_and_no_process_is_left(tmp_path, signum, code, word):
    proc = _start(
        tmp_path, str(SAMPLES / "scan.tif"), str(SAMPLES / "report2.pdf"), "-o", str(tmp_path / "out"), "--jobs", "2"
    )
    tree = _tesseract_running(proc)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # Ctrl-C: the whole foreground group
    else:
        os.kill(proc.pid, signum)  # kill PID: the main process alone
    _out, err = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == code, err
    assert "Traceback" not in err and "Error" not in err, err
    lines = [ln for ln in err.splitlines() if " page " not in ln]  # page lines came before the signal
    assert len(lines) == 1 and lines[0].startswith(f"{word}: 0 of 2 input(s) finished"), err
    _wait_for(lambda: not _alive(tree), f"the workers and Tesseract ({tree}) to end", 30)
    assert not list(_tmp(tmp_path).glob("ocrp-*")), "the run's scratch folder is removed"


def test_kill_9_of_the_main_process_takes_the_workers_with_it(tmp_path):
    proc = _start(
        tmp_path, str(SAMPLES / "report2.pdf"), str(SAMPLES / "scan.tif"), "-o", str(tmp_path / "out"), "--jobs", "2"
    )
    tree = _tesseract_running(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=DEADLINE)
    _wait_for(lambda: not _alive(tree), f"the orphans {tree} to end", 30)
    # the next run cleans what the killed one left and goes on
    again = _start(tmp_path, str(SAMPLES / "line.png"), "-o", str(tmp_path / "out"))
    _out, err = again.communicate(timeout=DEADLINE)
    assert again.returncode == 0, err
    assert not list(_tmp(tmp_path).glob("ocrp-*")) and not list((tmp_path / "out").glob(".ocrp-*"))


def test_a_killed_worker_fails_only_its_own_document(tmp_path):
    """Two documents, two workers: the worker reading the first one is killed as the OOM killer would."""
    first = tmp_path / "in" / "a.tif"
    first.parent.mkdir()
    first.write_bytes((SAMPLES / "scan.tif").read_bytes())
    proc = _start(tmp_path, str(first), str(SAMPLES / "memo.png"), "-o", str(tmp_path / "out"), "--jobs", "2")

    def worker_reading_first():
        # the first document's two pages are the first tasks: both workers start on them
        table = _processes()
        workers = [pid for pid, (ppid, _s, name) in table.items() if ppid == proc.pid and name.startswith("python")]
        busy = [w for w in workers if any(pp == w and n == "tesseract" for pp, _s, n in table.values())]
        return busy[0] if busy else None

    victim = _wait_for(worker_reading_first, "a worker reading a page")
    os.kill(victim, signal.SIGKILL)
    _out, err = proc.communicate(timeout=DEADLINE)
    assert proc.returncode == 14, err
    errors = [ln for ln in err.splitlines() if "error:" in ln]
    assert len(errors) == 1 and errors[0].startswith(f"{first}: error: the process reading page"), err
    assert "killed by SIGKILL" in errors[0] and "Traceback" not in err
    assert load_json(tmp_path / "out" / "memo.json")["source"]["pages"] == 1, "the other document is read"
    assert not (tmp_path / "out" / "a.json").exists()


def test_jobs_are_capped_at_the_pages(tmp_path):
    proc = _start(
        tmp_path,
        str(SAMPLES / "line.png"),
        "-o",
        str(tmp_path / "out"),
        "--jobs",
        "100",
        "--log-file",
        str(tmp_path / "log"),
    )
    most = 0
    while proc.poll() is None:
        # workers reading: python processes under the run with Tesseract running under them (pebble may fork a
        # replacement for a worker the pool's stop has just ended, which reads nothing: CI saw 2 once)
        table = _processes()
        found = _descendants(proc.pid)
        reading = {table[t][0] for t, name in found.items() if name == "tesseract" and t in table}
        most = max(most, sum(1 for pid, name in found.items() if name.startswith("python") and pid in reading))
        time.sleep(0.05)
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert most == 1, f"{most} worker processes reading one page"
    assert "reading pages with 1 worker process(es)" in (tmp_path / "log").read_text(encoding="utf-8")
