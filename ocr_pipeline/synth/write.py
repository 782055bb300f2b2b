"""Write a synthetic document's files: ``<stem>.pdf``, ``<stem>.truth.json`` and, on request,
the ``<stem>.md`` / ``<stem>.html`` transcripts. Each file is written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ocr_pipeline.synth.document import SynthDoc
from ocr_pipeline.synth.transcript import make_transcripts
from ocr_pipeline.synth.truth import truth_json


def write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def dump_json(obj: dict) -> bytes:
    """Stable JSON bytes (Thai kept as is, two-space indent, trailing newline)."""
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_document(
    outdir: Path, doc: SynthDoc, *, transcripts: bool = False, garble_rate: float = 0.3, quirks: dict | None = None
) -> list[Path]:
    """Write ``doc`` into ``outdir``; returns the paths written. ``quirks`` overrides transcript quirks."""
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = doc.pdf()
    synth = doc.synth_info()
    written = []
    if transcripts:
        md, ht, rec = make_transcripts(doc.report, doc.pages, doc.seed, garble_rate, quirks)
        synth["garbles"] = rec["garbles"]
        synth["transcript"] = {"garble_rate": garble_rate, "quirks": rec["quirks"]}
        for ext, text in (("md", md), ("html", ht)):
            p = outdir / f"{doc.stem}.{ext}"
            write_bytes(p, text.encode("utf-8"))
            written.append(p)
    pdf_path = outdir / f"{doc.stem}.pdf"
    write_bytes(pdf_path, pdf)
    truth = truth_json(doc.report, doc.pages, pdf_path.name, pdf, "pdf", synth)
    truth_path = outdir / f"{doc.stem}.truth.json"
    write_bytes(truth_path, dump_json(truth))
    return [pdf_path, truth_path] + written
