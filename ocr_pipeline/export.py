"""The files of the output contract.

``result_files`` gives the files of one input by name; ``outdir.OutputDir.commit`` writes them all or
none (temporary names, then renames, undone when one fails).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ocr_pipeline.model import Result
from ocr_pipeline.outdir import OutputDir, Payload
from ocr_pipeline.schema import (
    COMBINED_SOURCE_COLUMN,
    CORRECTION_CSV_COLUMNS,
    DOCUMENT_COLUMNS_IN_MEASURES,
    MEASURE_CSV_COLUMNS,
    integer_columns,
)

RESULT_SUFFIXES = (".json", ".measures.csv", ".txt", ".corrections.csv")  # the files of one input
COMBINED_MEASURES = "measures.csv"  # with several inputs: all their rows
RUN_SUMMARY = "run-summary.json"


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


def result_files(result: Result, name: str) -> dict[str, Payload]:
    """The files of one input, by path relative to the output folder (``name`` may hold a subfolder)."""
    return {
        f"{name}.json": json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n",
        f"{name}.measures.csv": _csv_writer(measures_frame(result)),
        f"{name}.txt": "\f".join(p.text for p in result.pages) + "\n",
        f"{name}.corrections.csv": _csv_writer(corrections_frame(result)),
    }


def combined_measures_files(results: list[tuple[str, Result]]) -> dict[str, Payload]:
    """``measures.csv``: every document's rows, with a leading ``source`` column."""
    frames = []
    for source, result in results:
        frame = measures_frame(result)
        frame.insert(0, COMBINED_SOURCE_COLUMN, source)
        frames.append(frame)
    empty = pd.DataFrame(columns=[COMBINED_SOURCE_COLUMN, *MEASURE_CSV_COLUMNS])
    combined = pd.concat(frames, ignore_index=True) if frames else empty
    return {COMBINED_MEASURES: _csv_writer(combined)}


def write_result(result: Result, out_dir: Path, stem: str) -> list[Path]:
    """Write ``<stem>.json``, ``.measures.csv``, ``.txt`` and ``.corrections.csv`` together; returns the paths."""
    files = result_files(result, stem)
    record = {"name": stem, "input": result.source.path, "sha256": result.source.sha256, "files": list(files)}
    with OutputDir.open(out_dir) as out:
        return out.commit(files, record)


def write_combined_measures(results: list[tuple[str, Result]], out_dir: Path) -> Path:
    with OutputDir.open(out_dir) as out:
        return out.commit(combined_measures_files(results))[0]


def _csv_writer(frame: pd.DataFrame):
    """CSV files are UTF-8 with a byte-order mark, so that Excel shows Thai."""
    return lambda path: frame.to_csv(path, index=False, encoding="utf-8-sig")
