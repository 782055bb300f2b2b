"""Numbers that lead a measure's or a step's text: ``๑.``, ``(๑)``, ``๑.๒``, ``ข้อ ๑``, bullets, and
what is left of a number whose digits OCR lost."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ocr_pipeline.clean.digit_confusions import lookalike_letters
from ocr_pipeline.clean.thai_text import LATIN_LETTERS, thai_to_arabic_digits

_NUM = r"[0-9๐-๙]{1,2}"
# OCR adds specks before a number ("@๑)") and doubles its brackets ("(๑))")
_SPECK = r"[@©®#*>«»'‘’`]?"
LEADING_NUMBER = re.compile(
    rf"""^\s*{_SPECK}\s*(?:
        ข้อ(?:ที่)?\s*(?P<k>{_NUM})(?:\s*[.)])?                  # ข้อ ๑
      | \(\s*(?P<p1>{_NUM})(?:\s*\.\s*(?P<p2>{_NUM}))?\s*\)+    # (๑) (๑.๑)
      | (?P<n1>{_NUM})\s*[.,:ะ]\s*(?P<n2>{_NUM})\s*[.)]?\)*        # ๑.๑ ๑.๑. ๑.๑) (๑,๑ 1:1 ๓ะ๓: the dot misread)
      | (?P<d1>{_NUM})\s*(?:[.)\]]|,(?=\s*[\u0e01-\u0e4e]))\)*        # ๑. ๑) (๕, มาตรการ: a dot read as comma; ๑]: worn 222)
    )(?:\s*[,.'`‘’]{{1,3}}(?=\s*[\u0e01-\u0e4e]))?     # specks after it (๒., มาตรการ, ๕.,. : fresh 136 doc 2, 135 doc 18)
    \s*""",
    re.VERBOSE,
)
# a bullet; a speck read as a comma or a dot beside it (``-,จัดทำ…``: blind worn seed 110 doc 5) is part of it
BULLET = re.compile(r"^\s*[-–•*▪●](?:\s+|[,.'`]\s*(?=[\u0e01-\u0e4e]))")
# a step number whose dot OCR lost: "๒๒ จัดทำ" for "๒.๒ จัดทำ" (told apart by the measure's number)
GLUED_STEP = re.compile(r"^\s*(?P<m>[0-9๐-๙])(?P<s>[0-9๐-๙])\s+(?=[\u0e01-\u0e4e])")
# what is left of a number whose digits OCR lost: "(", ")", "()" or ".)" before the text
# (``ใ23)``, three signs before the bracket: fresh worn seed 120 doc 17), or a number read as Latin letters with its dot
# read as a comma (``lo, มาตรการ…``: doc 14)
NUMBER_RESIDUE = re.compile(
    r"^\s*(?:\(\s*[^\s()]{0,3}\s*\)|[^\s()]{1,3}\)(?=\s)|\(\s*[@©®#*>«]?|[(.]?\s*\)"
    rf"|[{LATIN_LETTERS}]{{1,2}}[.,](?=\s))"
    r"(?=\s*[\u0e01-\u0e4e])\s*"
)


@dataclass
class Numbered:
    """Text with its leading number(s) split off."""

    text: str
    first: int | None = None  # ๑ of "๑." or of "๑.๒"
    second: int | None = None  # ๒ of "๑.๒"
    lost: bool = False  # a number was written but its digits were not read
    residue: str = ""  # what OCR wrote for a lost number ("ตา." for "๓.")


def split_number(text: str) -> Numbered:
    """'๑.๒ ประชุม' -> Numbered('ประชุม', 1, 2); bullets are dropped; text without a leading
    number is kept whole."""
    m = LEADING_NUMBER.match(text)
    if m and m.end() < len(text.rstrip()):
        groups = m.groupdict()
        first = groups["k"] or groups["p1"] or groups["n1"] or groups["d1"]
        second = groups["p2"] or groups["n2"]
        if to_int(first) == 0:
            # no measure is numbered 0: its digits were read as zeros (``0.0`` for ๓.๑, ``0,0`` for ๑.๑: fresh standard
            # seed 221 doc 16, worn 222 doc 1), a number lost
            return Numbered(text[m.end() :].strip(), lost=True, residue=m.group(0).strip())
        return Numbered(text[m.end() :].strip(), to_int(first), to_int(second))
    bullet = BULLET.match(text)
    if bullet:
        return Numbered(text[bullet.end() :].strip())
    residue = NUMBER_RESIDUE.match(text) or lookalike_number().match(text)
    if residue and residue.end() < len(text.rstrip()):
        return Numbered(text[residue.end() :].strip(), lost=True, residue=residue.group(0).strip())
    return Numbered(text.strip())


@cache
def lookalike_number() -> re.Pattern[str]:
    """A number read as Thai letters, with its dot: "ตา. มาตรการ…" for "๓. มาตรการ…" (a letter
    stock Tesseract writes over a digit, ``digit_lookalikes.tsv``, and at most one more); a step's two numbers so:
    "ตา.ดา จัดทำ…" for "๓.๓ จัดทำ…" (blind standard seed 175 doc 2, seen after its scoring)."""
    letters = "".join(sorted(lookalike_letters()))
    return re.compile(
        rf"^\s*[{letters}][\u0e01-\u0e4e]?\s*\.(?:[{letters}][\u0e30-\u0e4e]?(?=\s))?\s+(?=[\u0e01-\u0e4e])"
    )


def number_style(text: str) -> str | None:
    """The shape of a leading number with digits as '#': '(#)', '#)', '#.', '#.#', 'ข้อ #'."""
    m = LEADING_NUMBER.match(text)
    if not m:
        return None
    return re.sub(r"[0-9๐-๙]+", "#", re.sub(r"\s+", "", m.group(0))).replace(",", ".")  # ๔,๓: a dot read as comma


def to_int(value: str | None) -> int | None:
    return int(thai_to_arabic_digits(value)) if value else None
