"""Seeded generator of realistic scanned Thai ITA reports with ground truth.

``python -m ocr_pipeline.synth OUTDIR --n 40 --seed 7 [--transcripts]`` writes ``<stem>.pdf`` (grayscale
JPEG pages at 200-300 dpi), ``<stem>.truth.json`` (the output contract's JSON plus a ``synth`` record) and,
with ``--transcripts``, ``<stem>.md`` / ``<stem>.html`` as a VLM OCR engine would transcribe the report.
``python -m ocr_pipeline.synth.samples`` rebuilds ``samples/``.

Modules: ``content`` (what the report says, from ``dictionaries/synth/`` templates), ``layout`` and ``wrap``
(where it goes), ``render`` and ``fonts`` (Pillow drawing), ``degrade`` (scanner), ``pdfwrite``, ``truth``,
``tmodel``/``garble``/``transcript`` (transcripts), ``document`` (one document from one seed), ``write``.

In code (writes files, so not a doctest)::

    from ocr_pipeline.synth import make_document, doc_seed, write_document
    write_document(Path("out"), make_document(doc_seed(7, 0), "doc-007-0000"), transcripts=True)
"""

from ocr_pipeline.synth.document import SynthDoc, doc_seed, make_document
from ocr_pipeline.synth.write import write_document

__all__ = ["SynthDoc", "doc_seed", "make_document", "write_document"]
