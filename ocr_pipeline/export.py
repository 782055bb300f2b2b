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

MEASURE_COLUMNS = [
    "measure_no",
    "measure",
    "step_no",
    "step",
    "responsible",
    "period_text",
    "period_start",
    "period_end",
    "result",
    "page",
    "confidence",
    "agency",
    "province",
    "fiscal_year_be",
    "doc_date",
]
CORRECTION_COLUMNS = ["page", "field", "before", "after", "rule", "score"]
INTEGER_COLUMNS = ["measure_no", "step_no", "page", "fiscal_year_be"]
RESULT_SUFFIXES = (".json", ".measures.csv", ".txt", ".corrections.csv")  # the files of one input
COMBINED_MEASURES = "measures.csv"  # with several inputs: all their rows
RUN_SUMMARY = "run-summary.json"


def measures_frame(result: Result) -> pd.DataFrame:
    """One row per measure step, with the document columns repeated for analysts."""
    doc = result.document
    rows = [
        {
            **asdict(m),
            "agency": doc.agency,
            "province": doc.province,
            "fiscal_year_be": doc.fiscal_year_be,
            "doc_date": doc.doc_date,
        }
        for m in result.measures
    ]
    frame = pd.DataFrame(rows, columns=MEASURE_COLUMNS)
    for col in INTEGER_COLUMNS:
        frame[col] = pd.array(frame[col], dtype="Int64")  # 1, not 1.0, with empty cells allowed
    return frame


def corrections_frame(result: Result) -> pd.DataFrame:
    return pd.DataFrame([asdict(c) for c in result.corrections], columns=CORRECTION_COLUMNS).astype({"page": "Int64"})


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
        frame.insert(0, "source", source)
        frames.append(frame)
    combined = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["source", *MEASURE_COLUMNS])
    return {COMBINED_MEASURES: _csv_writer(combined)}


def write_result(result: Result, out_dir: Path, stem: str) -> list[Path]:
    """Write ``<stem>.json``, ``.measures.csv``, ``.txt`` and ``.corrections.csv`` together; returns the paths."""
    with OutputDir.open(out_dir) as out:
        return out.commit(result_files(result, stem))


def write_combined_measures(results: list[tuple[str, Result]], out_dir: Path) -> Path:
    with OutputDir.open(out_dir) as out:
        return out.commit(combined_measures_files(results))[0]


def _csv_writer(frame: pd.DataFrame):
    """CSV files are UTF-8 with a byte-order mark, so that Excel shows Thai."""
    return lambda path: frame.to_csv(path, index=False, encoding="utf-8-sig")
