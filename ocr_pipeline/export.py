"""The files of the output contract, written atomically.

All files of one input are first written under temporary names and renamed only when every one
of them is complete, so a failure never leaves a partial result behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ocr_pipeline.errors import OutputError
from ocr_pipeline.model import Result
from ocr_pipeline.schema import (
    COMBINED_SOURCE_COLUMN,
    CORRECTION_CSV_COLUMNS,
    DOCUMENT_COLUMNS_IN_MEASURES,
    MEASURE_CSV_COLUMNS,
    integer_columns,
)


def measures_frame(result: Result) -> pd.DataFrame:
    """One row per measure step, with the document columns repeated for analysts."""
    doc = asdict(result.document)
    repeated = {name: doc[name] for name in DOCUMENT_COLUMNS_IN_MEASURES}
    rows = [{**asdict(m), **repeated} for m in result.measures]
    return _typed(pd.DataFrame(rows, columns=list(MEASURE_CSV_COLUMNS)))


def corrections_frame(result: Result) -> pd.DataFrame:
    """One row per correction."""
    rows = [asdict(c) for c in result.corrections]
    return _typed(pd.DataFrame(rows, columns=list(CORRECTION_CSV_COLUMNS)))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for col in integer_columns(frame.columns):
        frame[col] = pd.array(frame[col], dtype="Int64")  # 1, not 1.0, with empty cells allowed
    return frame


def write_result(result: Result, out_dir: Path, stem: str, pdf: bool = True, review: bool = True) -> list[Path]:
    """Write ``<stem>.json``, ``.measures.csv``, ``.txt``, ``.corrections.csv`` and, unless turned
    off, the searchable ``.ocr.pdf`` (scans) and the ``.review.html`` page; returns the paths."""
    from ocr_pipeline.scan_outputs import archive_files

    extra = archive_files(result, stem, pdf=pdf, review=review) if pdf or review else {}
    payloads = {
        f"{stem}.json": json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n",
        f"{stem}.measures.csv": measures_frame(result),
        f"{stem}.txt": "\f".join(p.text for p in result.pages) + "\n",
        f"{stem}.corrections.csv": corrections_frame(result),
        **extra,
    }
    return write_atomically(out_dir, payloads)


def write_combined_measures(results: list[tuple[str, Result]], out_dir: Path) -> Path:
    """``measures.csv``: every document's rows, with a leading ``source`` column."""
    frames = []
    for source, result in results:
        frame = measures_frame(result)
        frame.insert(0, COMBINED_SOURCE_COLUMN, source)
        frames.append(frame)
    empty = pd.DataFrame(columns=[COMBINED_SOURCE_COLUMN, *MEASURE_CSV_COLUMNS])
    combined = pd.concat(frames, ignore_index=True) if frames else empty
    return write_atomically(out_dir, {"measures.csv": combined})[0]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(out_dir: Path, payloads: dict[str, object]) -> list[Path]:
    """Write every payload (str, bytes or DataFrame) to a temporary file, then rename them all."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        temps: list[tuple[Path, Path]] = []
        try:
            for name, payload in payloads.items():
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
                os.close(fd)
                tmp_path = Path(tmp)
                temps.append((tmp_path, out_dir / name))
                if isinstance(payload, pd.DataFrame):
                    payload.to_csv(tmp_path, index=False, encoding="utf-8-sig")
                elif isinstance(payload, bytes):
                    tmp_path.write_bytes(payload)
                else:
                    tmp_path.write_text(str(payload), encoding="utf-8")
            mode = 0o666 & ~_umask()  # mkstemp makes 0600 files; results are ordinary files
            for tmp_path, final in temps:
                os.chmod(tmp_path, mode)
                os.replace(tmp_path, final)
        finally:
            for tmp_path, _ in temps:
                tmp_path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write results to {out_dir}: {exc.strerror or exc}") from exc
    return [final for _, final in temps]
