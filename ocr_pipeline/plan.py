"""The batch plan: the inputs, where each one's results go, and what would be lost (decided before any work).

Output names mirror each input's path relative to the folder given on the command line
(``archive/2566/a/x.pdf`` given as ``archive/2566`` -> ``OUTDIR/a/x.json``); a file named directly is
``OUTDIR/<stem>``. Names are distinct whatever the batch holds: inputs whose names would clash get
their path relative to their common folder (``x/report``, ``y/report``), then their suffix too
(``report.md``, ``report.pdf``); a name too long for the file system is cut and given a hash. An input
whose result would overwrite an input, a folder, or a file this tool did not write is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ocr_pipeline.errors import OutputError, PipelineError
from ocr_pipeline.export import COMBINED_MEASURES, RESULT_SUFFIXES, RUN_SUMMARY
from ocr_pipeline.ingest import Found, expand_inputs
from ocr_pipeline.outdir import written_files

NAME_MAX = 255  # bytes in one file name (ext4, XFS, btrfs, NTFS in characters)
LONGEST_SUFFIX = 24  # room for the longest result suffix (".corrections.csv") and some to come
RESERVED = {Path(RUN_SUMMARY).stem.casefold(), Path(COMBINED_MEASURES).stem.casefold()}


@dataclass
class Job:
    """One input of the batch and the name its results get (relative to OUTDIR, no suffix)."""

    path: Path
    name: str
    error: PipelineError | None = None  # refused before any work

    def files(self) -> list[str]:
        return [f"{self.name}{suffix}" for suffix in RESULT_SUFFIXES]


def plan_batch(inputs: list[Path], out: Path) -> list[Job]:
    """Every input in order (folders expanded), named and checked against what it would overwrite."""
    found, problems = expand_inputs(inputs, skip_dirs=(out,))
    unique: list[Found] = []
    seen: set[Path] = set()
    for item in found:
        real = _real(item.path)
        if real not in seen:  # a file named twice, or also found in a folder given: read once
            seen.add(real)
            unique.append(item)
    names = distinct_names(unique)
    jobs = [Job(item.path, name) for item, name in zip(unique, names)]
    jobs += [Job(path, "", error) for path, error in problems]
    check_targets(jobs, out)
    return jobs


def first_name(item: Found) -> str:
    """The name before clashes are resolved: the path under the folder given, or the stem."""
    if item.base is not None:
        rel = item.path.relative_to(item.base)
        return "/".join(_fit(p) for p in rel.with_suffix("").parts)
    return _fit(item.path.stem)


def distinct_names(items: list[Found]) -> list[str]:
    names = [first_name(item) for item in items]
    for style in ("relative", "suffix", "hash"):
        groups: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(names):
            groups[name.casefold()].append(i)
        clashes = [g for key, g in groups.items() if len(g) > 1 or key in RESERVED]
        if not clashes:
            break
        for group in clashes:
            paths = [_real(items[i].path) for i in group]
            common = Path(os.path.commonpath([str(p.parent) for p in paths]))
            for i, path in zip(group, paths):
                rel = path.relative_to(common)
                if style == "relative":
                    parts = rel.with_suffix("").parts
                elif style == "suffix":
                    parts = rel.parts
                else:
                    digest = hashlib.sha1(str(path).encode()).hexdigest()[:8]
                    parts = (*rel.parts[:-1], f"{rel.name}-{digest}")
                names[i] = "/".join(_fit(p) for p in parts)
    return names


def check_targets(jobs: list[Job], out: Path) -> None:
    """Refuse (``job.error``) an input whose result would overwrite an input, a folder or a file this
    tool did not write."""
    inputs: dict[Path, Path] = {}
    identities: dict[tuple[int, int], Path] = {}
    for job in jobs:
        inputs[_real(job.path)] = job.path
        try:
            found = os.stat(job.path)
            identities[(found.st_dev, found.st_ino)] = job.path
        except OSError:
            pass
    ours = {_real(p) for p in written_files(out)}
    for job in jobs:
        if job.error is not None:
            continue
        if _earlier_result(out / f"{job.name}{RESULT_SUFFIXES[0]}", job.path):
            ours.update(_real(out / rel) for rel in job.files())
        for rel in job.files():
            target = out / rel
            real = _real(target)
            st: os.stat_result | None
            try:
                st = os.stat(target)
            except OSError:
                st = None
            hit = inputs.get(real) or (identities.get((st.st_dev, st.st_ino)) if st else None)
            if hit is not None:
                job.error = OutputError(
                    f"its result {target} would overwrite the input {hit}",
                    "give an output folder of its own with -o OUTDIR",
                )
            elif st is not None and os.path.isdir(target):
                job.error = OutputError(f"its result {target} is a folder", "remove or rename it, or give another -o")
            elif st is not None and real not in ours:
                job.error = OutputError(
                    f"its result {target} would replace a file this tool did not write",
                    "move that file away, or give another output folder with -o",
                )
            if job.error is not None:
                break


def _earlier_result(json_path: Path, source: Path) -> bool:
    """A result JSON of this input written by a version of the tool that kept no records."""
    try:
        if json_path.stat().st_size > 256 << 20:
            return False
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "schema_version" in data and data.get("source", {}).get("path") == str(source)


def _fit(part: str) -> str:
    """A path component short enough to take the longest result suffix (cut, plus a hash)."""
    raw = part.encode("utf-8", "surrogateescape")
    if len(raw) + LONGEST_SUFFIX <= NAME_MAX:
        return part
    digest = hashlib.sha1(raw).hexdigest()[:8]
    cut = raw[: NAME_MAX - LONGEST_SUFFIX - 9].decode("utf-8", "ignore")  # "ignore" drops a cut character
    return f"{cut}-{digest}"


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
