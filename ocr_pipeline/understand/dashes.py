"""An en dash told from a hyphen by its width (rule ``dash``): ``ต.ค. ๒๕๖๓ – มี.ค. ๒๕๖๔`` against ``… - …``.

Tesseract writes both as ``-`` (now and then an en dash as ``—``), so a period cell's range lost its en dash. The
glyphs differ in length: an en dash is as wide as a digit (half an em), a hyphen about a third of an em. A dash
standing as a word of its own in a period cell is measured against the median width of a digit in the table's
numbers (words of two to four digits): at least ``EN_DASH`` of it is an en dash, less than ``HYPHEN`` a hyphen,
between them it stays as read. Measured on the
fresh standard corpus 115 and worn 116 (every dpi and copy, eight fonts): hyphens 0.38-0.50 of a digit, en dashes
0.71-0.95; an en dash read as two hyphens in one word (``ตุลาคม -- มีนาคม``: fresh standard seed 147 doc 9, 1.36 of
a narrow Arabic digit) is measured as one; a dash whose box is tall (more than ``THIN`` of a digit's height: it took in a rule or a mark) is no
measure and stays as read, as does a dash glued to a word (its width is not its own).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from ocr_pipeline.clean.thai_text import DASHES
from ocr_pipeline.document_text import DocText, Edit, cell_key, located
from ocr_pipeline.model import Correction, Page, Table

EN_DASH = 0.70  # x a digit's width: an en dash is at least this long (0.65 until stop 35: Angsana New's bold hyphens
# beside its narrow Arabic digits measure 0.65-0.68, fresh worn seed 148 doc 8, three hyphens made en dashes) ...
HYPHEN = 0.55  # ... a hyphen shorter than this; between them a dash stays as read (Angsana New's narrow digits put
# its hyphens at 0.57-0.61: fresh worn seed 124 docs 1, four hyphens made en dashes)
# between them, a dash this many times as long as the table's longest sure hyphen is an en dash (an en dash is half an
# em, a hyphen about a third: standard seed 7 doc 19, Laksaman, an en dash measured 0.65 beside hyphens of 0.29 and 0.42)
EN_OVER_HYPHEN = 1.5
EM_DASH = 1.4  # ... an em dash at least this long (none in the reports: a long dash read for an en dash is one)
THIN = 0.35  # x a digit's height: a dash's box no taller than this is the dash alone
DIGITS = 3  # numbers a table must have for a digit's width to be known
SCORE = 90.0
RULE = "dash"
_NUMBER = re.compile(r"[0-9๐-๙]{2,4}")
# what a period cell's dash is read as: also an equals sign (a thick copy's en dash: ``๑ ต.ค. ๖๒ = ๓๐ ก.ย. ๖๓``, fresh
# worn seed 218 doc 5; never content in a period cell), measured like a dash
READ_DASHES = DASHES + "="


def _digit_size(table: Table) -> tuple[float, float] | None:
    """(median width of one digit, median height of a number) over the table's numbers, or None with fewer than
    ``DIGITS``."""
    words = [w for c in table.cells for ln in c.lines for w in ln.words if _NUMBER.fullmatch(w.text)]
    if len(words) < DIGITS:
        return None
    width = statistics.median((w.box[2] - w.box[0]) / len(w.text) for w in words)
    height = statistics.median(w.box[3] - w.box[1] for w in words)
    return (width, height) if width > 0 and height > 0 else None


def _longest_hyphen(table: Table, size: tuple[float, float]) -> float | None:
    """The longest sure hyphen (a lone dash under ``HYPHEN`` of a digit, as thin as a stroke) of the table's cells, in
    digits; None without one."""
    ratios = [
        (w.box[2] - w.box[0]) / size[0]
        for c in table.cells
        for ln in c.lines
        for w in ln.words
        if len(w.text) == 1 and w.text in DASHES and w.box[3] - w.box[1] <= THIN * size[1]
    ]
    sure = [r for r in ratios if r < HYPHEN]
    return max(sure) if sure else None


def dash_corrections(pages: Sequence[Page], doc: DocText) -> list[Correction]:
    """``dash`` corrections of the dashes of every measure table's period cells (see the module), located in the
    cells' items: the n-th dash of a cell's words is the n-th dash of its item's text."""
    out: list[Correction] = []
    for page in pages:
        for t, table in enumerate(page.tables):
            size = _digit_size(table)
            if size is None:
                continue
            hyphen = _longest_hyphen(table, size)
            for cell in table.cells:
                key = cell_key(page.number, t, cell)
                if key not in doc or doc.get(key).role != "table.period_text":
                    continue
                item = doc.get(key)
                read = [ch for ln in cell.lines for w in ln.words for ch in w.text if ch in READ_DASHES]
                at = [k for k, ch in enumerate(item.text) if ch in READ_DASHES]
                if not at or len(at) != len(read):
                    continue  # the text is no longer its words'
                dashes = iter(at)
                edits = []
                for w in (w for ln in cell.lines for w in ln.words if any(ch in READ_DASHES for ch in w.text)):
                    spots = [next(dashes) for ch in w.text if ch in READ_DASHES]
                    doubled = len(w.text) == 2 == len(spots) and spots[1] == spots[0] + 1
                    if (len(w.text) != 1 and not doubled) or w.box[3] - w.box[1] > THIN * size[1]:
                        continue
                    ratio = (w.box[2] - w.box[0]) / size[0]
                    # (an equals sign between the two lengths is a dash all the same: a range's, as OCR writes it)
                    between = w.text if w.text != "=" else "-" if ratio < EN_DASH else "–"
                    want = "–" if EN_DASH <= ratio < EM_DASH else "-" if ratio < HYPHEN else between
                    if HYPHEN <= ratio < EN_DASH and hyphen and ratio >= EN_OVER_HYPHEN * hyphen:
                        want = "–"  # between, but much longer than the table's sure hyphens
                    k, n = spots[0], len(spots)
                    if doubled and want != "–":
                        continue  # two dashes read for one: only an en dash's length says which
                    if item.text[k : k + n] != want:
                        edits.append(Edit(k, k + n, item.text[k : k + n], want))
                out += located(edits, key, page.number, item.audit_field, RULE, SCORE)
    return out
