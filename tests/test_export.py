"""Export: the four files of one result, their columns and types from the schema, written all
together or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from ocr_pipeline.errors import OutputError
from ocr_pipeline.export import corrections_frame, measures_frame, write_result
from ocr_pipeline.model import Correction, Document, Measure, Page, Result, Source
from ocr_pipeline.schema import CORRECTION_CSV_COLUMNS, MEASURE_CSV_COLUMNS


def result() -> Result:
    return Result(
        source=Source("scan.pdf", "a" * 64, "pdf", 2),
        document=Document(agency="เทศบาลตำบลกกโก", province="ลพบุรี", fiscal_year_be=2566, doc_date="2023-04-10"),
        measures=[
            Measure(
                1, "มาตรการหนึ่ง", 1, "ประชุม", "สำนักปลัด", "ต.ค. ๒๕๖๕", "2022-10-01", "2022-10-31", "ดำเนินการแล้ว", 2, 0.9
            ),
            Measure(None, "ไม่มีเลข", None, "", page=2),
        ],
        corrections=[Correction(1, "pages.text", "ลอกโก", "กกโก", "gazetteer", 83.3, "p1.l2", 10, 15)],
        warnings=["page 2: table row 3 has an empty step cell"],
        pages=[Page(1, "ราว", "แรก"), Page(2, "ราวสอง", "สอง")],
    )


def test_measure_rows_repeat_the_document_fields_and_keep_integers():
    frame = measures_frame(result())
    assert list(frame.columns) == list(MEASURE_CSV_COLUMNS)
    assert frame["agency"].tolist() == ["เทศบาลตำบลกกโก"] * 2
    assert str(frame["measure_no"].dtype) == "Int64" and pd.isna(frame["measure_no"][1])
    assert str(frame["fiscal_year_be"].dtype) == "Int64"


def test_corrections_carry_where_they_were_made():
    frame = corrections_frame(result())
    assert list(frame.columns) == list(CORRECTION_CSV_COLUMNS)
    row = frame.iloc[0]
    assert (row["item"], row["start"], row["end"]) == ("p1.l2", 10, 15)


def test_the_four_files_are_written(tmp_path: Path):
    paths = write_result(result(), tmp_path, "scan")
    assert sorted(p.name for p in paths) == ["scan.corrections.csv", "scan.json", "scan.measures.csv", "scan.txt"]
    assert (tmp_path / "scan.txt").read_text(encoding="utf-8") == "แรก\fสอง\n"
    data = json.loads((tmp_path / "scan.json").read_text(encoding="utf-8"))
    assert data["document"]["agency"] == "เทศบาลตำบลกกโก" and len(data["measures"]) == 2
    raw = (tmp_path / "scan.measures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Thai text
    back = pd.read_csv(tmp_path / "scan.measures.csv")
    assert back["measure_no"].tolist()[0] == 1 and back["measure"].tolist()[1] == "ไม่มีเลข"
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_output_folder_that_is_a_file_is_an_output_error(tmp_path: Path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(OutputError) as err:
        write_result(result(), blocker, "scan")  # the writing machinery is outdir.OutputDir (tests/test_outdir.py)
    assert err.value.exit_code == 10
