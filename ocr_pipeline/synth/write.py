"""Write a synthetic document's files: ``<stem>.pdf``, ``<stem>.truth.json`` and, on request,
the ``<stem>.md`` / ``<stem>.html`` transcripts; or, for the benchmark's clean mode, the truth written as
a correct transcript twice, ``<stem>.md`` and ``<stem>-html.html``, each with its own truth and no scan.
Each file is written atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ocr_pipeline.synth.document import SynthDoc
from ocr_pipeline.synth.transcript import CLEAN_QUIRKS, make_transcripts
from ocr_pipeline.synth.truth import truth_json


def write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def dump_json(obj: dict) -> bytes:
    """Stable JSON bytes (Thai kept as is, two-space indent, trailing newline)."""
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_document(
    outdir: Path,
    doc: SynthDoc,
    *,
    transcripts: bool = False,
    garble_rate: float | dict[str, float] = 0.3,
    quirks: dict | None = None,
    clean_transcripts: bool = False,
) -> list[Path]:
    """Write ``doc`` into ``outdir``; returns the paths written. ``quirks`` overrides transcript quirks."""
    outdir.mkdir(parents=True, exist_ok=True)
    if clean_transcripts:
        return write_clean_transcripts(outdir, doc)
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


def write_clean_transcripts(outdir: Path, doc: SynthDoc) -> list[Path]:
    """The truth as a correct transcript: ``<stem>.md`` and ``<stem>-html.html``, each with its truth."""
    md, ht, rec = make_transcripts(doc.report, doc.pages, doc.seed, 0.0, CLEAN_QUIRKS, kinds=())
    written = []
    for stem, ext, text in ((doc.stem, "md", md), (f"{doc.stem}-html", "html", ht)):
        data = text.encode("utf-8")
        path = outdir / f"{stem}.{ext}"
        write_bytes(path, data)
        synth = doc.synth_info()
        synth["garbles"] = []
        synth["transcript"] = {"garble_rate": 0.0, "quirks": rec["quirks"], "clean": True}
        synth["condition"] = f"clean transcript ({ext})"
        truth = truth_json(doc.report, doc.pages, path.name, data, "transcript", synth)
        write_bytes(outdir / f"{stem}.truth.json", dump_json(truth))
        written += [path, outdir / f"{stem}.truth.json"]
    return written
