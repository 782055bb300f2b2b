"""The fiscal year and round written in the document's own field lines made to agree with the settled
values (rule ``fiscal-consistency``), where the line's reading is a misreading of them.

Evidence, not agreement (issue 15.4): only the lines that state the document's fields are looked at
(the subject and the lines it wraps onto, the titles over the measure table), never running text (a
sentence about last year's assessment or a law's year names another year on purpose); and a year or
round is rewritten only where the digits read are a known OCR confusion of the settled ones
(``dictionaries/digit_confusions.tsv``) and the line's digits were not read with certainty. Otherwise
the line keeps what it says and a warning names the disagreement.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ocr_pipeline.clean.digit_confusions import is_misreading
from ocr_pipeline.clean.thai_text import arabic_to_thai_digits, thai_to_arabic_digits
from ocr_pipeline.document_text import DocText, Item, located, token_edits
from ocr_pipeline.model import Correction
from ocr_pipeline.warning_text import warning

# ``^`` ends a year as a space does: ``๒๕๖๖^{๑}`` is the year and a superscript after it
FY_TOKEN = re.compile(r"(ปีงบประมาณ|ประจำปี(?!งบ))\s*((?:พ\.?\s?ศ\.?)?\s*)([^\s()\-–^]{2,7})(?![^\s()\-–^])(?!\s*[-–])")
ROUND_TOKEN = re.compile(r"(รอบ\s*)([^\s()]{0,3})(\s*เดือน)")
DIGITISH = re.compile(r"[0-9๐-๙]")
FISCAL_SCORE = 80.0
FY_DIGITS_WITH_LETTER = 3  # digits a year must show for a look-alike letter in it to be read as a digit
FIELD_ROLES = ("subject", "title")
SUBJECT_WRAP = 2  # lines of running text after the subject's line that may still be the subject


def resolve_fiscal_mentions(
    doc: DocText, fiscal_year_be: int | None, months: int | None, certain: Collection[str] = ()
) -> tuple[list[Correction], list[str]]:
    """Corrections of the fiscal year and round written in the document's field lines, and warnings
    for those that disagree and are left as written; ``certain``: keys of lines whose digits were read
    with certainty (``resolve.dates.certain_lines``)."""
    thai = writes_thai_digits([it.text for it in doc.items])
    out: list[Correction] = []
    warnings: list[str] = []
    for item in field_lines(doc):
        fixed, kept = rewrite_fiscal_mentions(item.text, fiscal_year_be, months, thai, item.key in certain)
        edits = token_edits(item.text, fixed)
        out += located(edits, item.key, item.page, item.audit_field, "fiscal-consistency", FISCAL_SCORE)
        where = f"page {item.page} {'title' if item.role == 'title' else 'subject'}"
        warnings += [
            warning(where, token, f"differs from the document's {what}; kept as written") for token, what in kept
        ]
    return out, warnings


def field_lines(doc: DocText) -> list[Item]:
    """The lines that state the document's fields: subject and title lines, and the running-text lines
    right after a subject line (where it wraps), in order."""
    lines = [it for it in doc.items if it.line is not None]
    out: list[Item] = []
    for k, it in enumerate(lines):
        if it.role in FIELD_ROLES:
            out.append(it)
        elif it.role == "body" and any(
            prev.role == "subject" and prev.page == it.page and all(x.role == "body" for x in lines[j + 1 : k])
            for j, prev in enumerate(lines[max(0, k - SUBJECT_WRAP) : k], start=max(0, k - SUBJECT_WRAP))
        ):
            out.append(it)
    return out


def rewrite_fiscal_mentions(
    text: str, fiscal_year_be: int | None, months: int | None, thai_digits: bool = True, certain: bool = False
) -> tuple[str, list[tuple[str, str]]]:
    """The fiscal year and round written in a subject or title line, made to agree with the
    document's settled values where the reading is a misreading of them (numbers are written in the
    document's own digits), and the (token, what) pairs that disagree and are kept as written.

    >>> rewrite_fiscal_mentions("ประจำปีงบประมาณ พ.ศ. ๒๕๒๐๒๐ รอบ ๒ เดือน", 2566, 6)
    ('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน', [])
    >>> rewrite_fiscal_mentions("ประจำปีงบประมาณ พ.ศ. ๒๕๖๓", 2566, 6)
    ('ประจำปีงบประมาณ พ.ศ. ๒๕๖๓', [('๒๕๖๓', 'fiscal year 2566')])
    """
    kept: list[tuple[str, str]] = []

    def digits_like(value: str) -> str:
        return arabic_to_thai_digits(value) if thai_digits else value

    if fiscal_year_be is not None:

        def fy(m: re.Match) -> str:
            token, want = m.group(3), str(fiscal_year_be)
            folded = thai_to_arabic_digits(token)
            if folded == want or not DIGITISH.search(token):
                return m.group(0)
            # a letter the OCR writes over a digit, among three digits or more (``๒๕๖อ``: fresh standard 115 doc 7)
            if certain or not _misread(token, want, letters=len(DIGITISH.findall(token)) >= FY_DIGITS_WITH_LETTER):
                kept.append((token, f"fiscal year {want}"))
                return m.group(0)
            head = m.group(0)[: m.start(3) - m.start(0)]
            return head + ("" if head.endswith(" ") else " ") + digits_like(want)

        text = FY_TOKEN.sub(fy, text)
    if months in (6, 12):

        def rnd(m: re.Match) -> str:
            token, want = m.group(2), str(months)
            if len(token) > 2 or thai_to_arabic_digits(token) == want:
                return m.group(0)
            if certain or not _misread(token, want, letters=True):
                kept.append((token, f"round of {want} months"))
                return m.group(0)
            return _round_written(m, digits_like(want))

        text = ROUND_TOKEN.sub(rnd, text)
    return text, kept


def wrapped_round(subject: str, months: int | None) -> tuple[str, list[tuple[str, str]]]:
    """The subject's round with its number put back where it was lost at the line wrap (``(รอบ`` / ``เดือน)``:
    fresh standard seed 119 doc 1), from the round the report period settled, and the (before, after) of each
    round written; the lines' own pass (``rewrite_fiscal_mentions``) never sees a round split over two lines.
    Only a round that shows no digit (nothing, or a known misreading of the number in letters) is written; a
    digit read stays as read.

    >>> wrapped_round("ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ (รอบเดือน)", 6)
    ('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ (รอบ ๖ เดือน)', [('รอบเดือน', 'รอบ ๖ เดือน')])
    """
    if months not in (6, 12):
        return subject, []
    thai = writes_thai_digits([subject])
    written: list[tuple[str, str]] = []

    def rnd(m: re.Match) -> str:
        if DIGITISH.search(m.group(2)) or not _misread(m.group(2), str(months), letters=True):
            return m.group(0)
        number = arabic_to_thai_digits(str(months)) if thai else str(months)
        written.append((m.group(0), _round_written(m, number)))
        return written[-1][1]

    return ROUND_TOKEN.sub(rnd, subject), written


def _round_written(m: re.Match, number: str) -> str:
    """A ``ROUND_TOKEN`` match with ``number`` for its number, spaced: ``รอบ ๖ เดือน``."""
    return m.group(1).rstrip() + " " + number + " " + m.group(3).lstrip()


def _misread(token: str, want: str, letters: bool = False) -> bool:
    """Is ``token`` a known misreading of the number ``want`` (in the token's own digits)?"""
    thai = any("๐" <= ch <= "๙" for ch in token) or (letters and not any(ch.isdigit() for ch in token))
    return is_misreading(token, arabic_to_thai_digits(want) if thai else want, letters=letters)


def writes_thai_digits(texts: list[str]) -> bool:
    """Does the document write its numbers in Thai digits (more Thai than Arabic digits)?"""
    joined = "".join(texts)
    thai = sum(1 for ch in joined if "๐" <= ch <= "๙")
    return thai >= sum(1 for ch in joined if ch.isascii() and ch.isdigit())
