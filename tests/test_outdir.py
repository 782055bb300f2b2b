"""The output folder: all-or-nothing commits (a failing rename rolls back, a killed commit is
finished by the next run), stale temporary files removed, one run at a time (issue 16 rows 4, 11)."""

from __future__ import annotations

import json
import os

import pytest

from ocr_pipeline import outdir as outdir_module
from ocr_pipeline.errors import OutputError
from ocr_pipeline.outdir import OutputDir

FILES = {"r.json": "new json", "r.measures.csv": "new measures", "r.txt": "new text", "r.corrections.csv": "new corr"}


def _old(root):
    root.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        (root / name).write_text("old", encoding="utf-8")


def _leftovers(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".ocrp-"))


def test_commit_writes_all_files_and_record(tmp_path):
    with OutputDir.open(tmp_path / "out") as out:
        paths = out.commit(FILES, {"name": "r", "files": list(FILES)})
        assert [p.read_text(encoding="utf-8") for p in paths] == list(FILES.values())
        assert out.done_record("r")["files"] == list(FILES)
    assert _leftovers(tmp_path / "out") == []
    assert not list((tmp_path / "out" / ".ocr-pipeline" / "journal").iterdir())


def test_a_rename_failing_midway_puts_the_old_files_back(tmp_path, monkeypatch):
    root = tmp_path / "out"
    _old(root)
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.extend([dst] if os.path.basename(dst) in FILES else [])
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    with OutputDir.open(root) as out:
        monkeypatch.setattr(outdir_module.os, "replace", failing_replace)
        with pytest.raises(OutputError, match="No space left"):
            out.commit(FILES, {"name": "r", "files": list(FILES)})
        monkeypatch.setattr(outdir_module.os, "replace", real_replace)
        assert out.done_record("r") is None
    assert {n: (root / n).read_text(encoding="utf-8") for n in FILES} == dict.fromkeys(FILES, "old")
    assert _leftovers(root) == []


def test_a_new_set_failing_midway_leaves_nothing(tmp_path, monkeypatch):
    root = tmp_path / "out"
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.extend([dst] if os.path.basename(dst) in FILES else [])
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        return real_replace(src, dst)

    with OutputDir.open(root) as out:
        monkeypatch.setattr(outdir_module.os, "replace", failing_replace)
        with pytest.raises(OutputError):
            out.commit(FILES)
    assert not any((root / n).exists() for n in FILES)
    assert _leftovers(root) == []


def test_a_commit_killed_between_renames_is_finished_by_the_next_run(tmp_path, monkeypatch):
    root = tmp_path / "out"
    _old(root)
    real_replace = os.replace
    calls = []

    def killed(src, dst):
        calls.extend([dst] if os.path.basename(dst) in FILES else [])
        if len(calls) == 3:
            raise SystemExit("killed")  # nothing after this point runs, as with kill -9
        return real_replace(src, dst)

    out = OutputDir.open(root)
    monkeypatch.setattr(outdir_module.os, "replace", killed)
    with pytest.raises(SystemExit):
        out.commit(FILES, {"name": "r", "files": list(FILES)})
    monkeypatch.setattr(outdir_module.os, "replace", real_replace)
    out.close()
    mixed = {n: (root / n).read_text(encoding="utf-8") for n in FILES}
    assert set(mixed.values()) == {"old", "new json", "new measures"}, "the situation a kill leaves"
    with OutputDir.open(root) as again:
        assert again.done_record("r") is not None
    assert {n: (root / n).read_text(encoding="utf-8") for n in FILES} == FILES
    assert _leftovers(root) == []


def test_stale_temporary_files_are_removed_at_start(tmp_path):
    root = tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    stale = [
        root / ".report.json.k3j_x9a2.tmp",  # what earlier versions left (mkstemp)
        root / "sub" / ".ocrp-0a1b2c3d4e5f0.tmp",
        root / ".ocrp-0a1b2c3d4e5f1.bak",
    ]
    for path in stale:
        path.write_text("half", encoding="utf-8")
    keep = [root / "notes.tmp", root / ".hidden", root / "sub" / "report.json"]
    for path in keep:
        path.write_text("mine", encoding="utf-8")
    OutputDir.open(root).close()
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)


def test_second_run_into_the_same_folder_is_refused(tmp_path):
    with OutputDir.open(tmp_path / "out"):
        with pytest.raises(OutputError, match=f"another ocr-pipeline run \\(pid {os.getpid()}\\)"):
            OutputDir.open(tmp_path / "out")
    OutputDir.open(tmp_path / "out").close()  # free again


def test_output_folder_that_is_a_file_is_refused_at_once(tmp_path):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file"):
        OutputDir.open(tmp_path / "out")


def test_a_result_that_is_a_folder_is_refused_and_nothing_changes(tmp_path):
    root = tmp_path / "out"
    (root / "r.txt").mkdir(parents=True)
    (root / "r.corrections.csv").write_text("old", encoding="utf-8")
    with OutputDir.open(root) as out, pytest.raises(OutputError, match="is a folder"):
        out.commit(FILES)
    assert (root / "r.corrections.csv").read_text(encoding="utf-8") == "old"
    assert not (root / "r.json").exists()
    assert _leftovers(root) == []


def test_journal_that_is_not_ours_is_dropped(tmp_path):
    root = tmp_path / "out"
    OutputDir.open(root).close()
    (root / ".ocr-pipeline" / "journal" / "junk.json").write_text(json.dumps({"x": 1}), encoding="utf-8")
    OutputDir.open(root).close()
    assert not (root / ".ocr-pipeline" / "journal" / "junk.json").exists()
