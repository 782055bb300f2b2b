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
        frame.insert(0, "source", source)
        frames.append(frame)
    combined = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["source", *MEASURE_COLUMNS])
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
