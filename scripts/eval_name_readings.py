"""Evaluate the signatories' names read several times (ocr/name_lines.py + clean/name_readings.py).

For every generated report of a corpus (``python -m ocr_pipeline.synth DIR``) the memo page (page 1:
the generator puts the signature blocks there) is read as the pipeline reads it, and each signature
block's name is compared with the truth: as the page read it, and as chosen from all its readings,
first with pythainlp's name lists as they are (the generator draws every name from them), then with
the document's own given and family names taken out of the lists ("held out"), which is what a real
signatory whose name is in no list looks like. ``harmful``: a name the page read right, made wrong.

    .venv/bin/python scripts/eval_name_readings.py DIR [DIR ...] [--limit N] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402

from ocr_pipeline.bench.score import fold  # noqa: E402
from ocr_pipeline.clean.name_readings import choose_reading  # noqa: E402
from ocr_pipeline.clean.names import KnownNames, fix_title, parse_name  # noqa: E402
from ocr_pipeline.extract.signatures import despeck, signature_blocks  # noqa: E402
from ocr_pipeline.ocr.page_reader import PageTask, read_page_task  # noqa: E402
from ocr_pipeline.pipeline import normalise_page  # noqa: E402


def evaluate(corpus: Path, limit: int, verbose: bool) -> dict[str, float]:
    base = KnownNames.default()
    counts = dict.fromkeys(("names", "page", "lists", "lists_harmful", "held_out", "held_out_harmful"), 0)
    seconds = 0.0
    truths = sorted(corpus.glob("*.truth.json"))[: limit or None]
    for truth_path in truths:
        stem = truth_path.name[: -len(".truth.json")]
        pdf = corpus / f"{stem}.pdf"
        if not pdf.exists():
            continue
        truth = [s["name"] for s in json.loads(truth_path.read_text())["document"]["signatories"]]
        page = read_page_task(PageTask(pdf, "pdf", 1))
        seconds += page.seconds.get("name_reread", 0.0)
        for block in signature_blocks([normalise_page(page)]):
            read = fix_title(despeck(block.signatory.name) or "")
            want = max(truth, key=lambda t: fuzz.ratio(t, read), default="")
            first = parse_name(read)
            if not want or not first.family:
                continue
            wanted = parse_name(want)
            held = KnownNames(base.given - {wanted.given}, base.family - {wanted.family})
            ok_page = fold(read) == fold(want)
            counts["names"] += 1
            counts["page"] += ok_page
            for key, known in (("lists", base), ("held_out", held)):
                chosen = choose_reading(first, list(block.readings), known).name.text()
                ok = fold(chosen) == fold(want)
                counts[key] += ok
                counts[f"{key}_harmful"] += ok_page and not ok
                if verbose and not ok:
                    print(f"  {stem} [{key}] truth {want} | page {read} | chosen {chosen} | {list(block.readings)}")
    counts["reread_s_per_document"] = round(seconds / max(len(truths), 1), 3)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each corpus")
    ap.add_argument("-v", action="store_true", help="print every name still wrong")
    a = ap.parse_args()
    for corpus in a.corpora:
        started = time.perf_counter()
        c = evaluate(corpus, a.limit, a.v)
        n = c["names"] or 1
        print(
            f"{corpus}: {c['names']} names; exact as the page read them {c['page']} ({100 * c['page'] / n:.1f} %); "
            f"chosen from all readings {c['lists']} ({100 * c['lists'] / n:.1f} %, {c['lists_harmful']} made wrong); "
            f"names held out of the lists {c['held_out']} ({100 * c['held_out'] / n:.1f} %, "
            f"{c['held_out_harmful']} made wrong); reading again {c['reread_s_per_document']} s per document "
            f"({time.perf_counter() - started:.0f} s in all)"
        )


if __name__ == "__main__":
    main()
