"""Is a number as read a known OCR misreading of another? (``dictionaries/digit_confusions.tsv``)

A repair toward consistency is evidence only where the digits read are a confusion the OCR is known to
make of the digits the rest of the document expects (issue 15.4): ๕ for ๔ or ๘, ๒ or ๐ for ๖, ๗ dropped,
a digit written twice. Any other difference (๔ where ๒ is expected, ๒๕๖๓ where ๒๕๖๖ is) is another
number, not a misreading, and is kept.

>>> is_misreading("๕", "๔"), is_misreading("๔", "๒"), is_misreading("๒๕๒๐๒๐", "๒๕๖๖")
(True, False, True)
>>> is_misreading("4", "2"), is_misreading("๒๕๖๓", "๒๕๖๖")
(False, False)
>>> is_misreading("๒๕๖6", "๒๕๖๙"), is_misreading("2566", "๒๕๖๙")  # a Latin digit inside a Thai number
(True, False)
"""

from __future__ import annotations

from functools import cache

from ocr_pipeline.clean.thai_text import ARABIC_DIGITS, THAI_DIGITS
from ocr_pipeline.resources import load_table

# kinds of rows that name a specific confusion (the generic rows stand for any digit: no evidence)
SPECIFIC_KINDS = ("tha", "digit")


@cache
def confusion_pairs() -> frozenset[tuple[str, str]]:
    """(observed, true) pairs of the specific confusions; '' where a digit is dropped or added."""
    out = set()
    for row in load_table("digit_confusions.tsv"):
        observed, true, _cost, _cost_full, kind = row[:5]
        if kind in SPECIFIC_KINDS:
            out.add(("" if observed == "-" else observed, "" if true == "-" else true))
    return frozenset(out)


@cache
def lookalike_pairs() -> frozenset[tuple[str, str]]:
    """(letter, digit): Thai letters stock Tesseract writes over a Thai digit (``digit_lookalikes.tsv``)."""
    out: set[tuple[str, str]] = set()
    for row in load_table("digit_lookalikes.tsv"):
        if len(row) >= 2 and row[0] != "char":
            out.update((row[0], digit) for digit in row[1].split())
    return frozenset(out)


@cache
def lookalike_letters() -> frozenset[str]:
    """The Thai letters of ``lookalike_pairs``: those stock Tesseract writes over some Thai digit."""
    return frozenset(letter for letter, _digit in lookalike_pairs())


def is_misreading(read: str, true: str, doubled: bool = True, letters: bool = False, extra: bool = False) -> bool:
    """Whether ``true`` turns into ``read`` by listed confusions only (each at most two characters on
    either side) and, when ``doubled``, digits written twice; with ``letters``, also a Thai letter the
    OCR writes over that digit (``รอบ ง เดือน`` for ๖); with ``extra``, a digit added or lost (the
    table's generic rows: ``๑๗`` for ``๑``). A Latin digit inside a number of Thai digits is a misreading
    of any Thai digit (the table's ``L`` row). Equal strings are no misreading.

    >>> is_misreading("ง", "๖", letters=True), is_misreading("ง", "๖"), is_misreading("", "๖")
    (True, False, True)
    """
    if read == true:
        return False
    pairs = confusion_pairs() | (lookalike_pairs() if letters else frozenset())
    added, lost = extra and len(read) > len(true), extra and len(read) < len(true)  # never both: no swap
    thai_number = any(c in THAI_DIGITS for c in read)
    n, m = len(read), len(true)
    ok = [[False] * (m + 1) for _ in range(n + 1)]
    ok[0][0] = True
    for i in range(n + 1):
        for j in range(m + 1):
            if ok[i][j]:
                continue
            if i and j and read[i - 1] == true[j - 1] and ok[i - 1][j - 1]:
                ok[i][j] = True
            elif (
                thai_number
                and i
                and j
                and ok[i - 1][j - 1]
                and read[i - 1] in ARABIC_DIGITS
                and true[j - 1] in THAI_DIGITS
            ):
                ok[i][j] = True
            elif doubled and i >= 2 and read[i - 1] == read[i - 2] and ok[i - 1][j]:
                ok[i][j] = True
            elif added and i and ok[i - 1][j] and read[i - 1].isdigit():
                ok[i][j] = True
            elif lost and j and ok[i][j - 1] and true[j - 1].isdigit():
                ok[i][j] = True
            else:
                ok[i][j] = any(
                    ok[i - lo][j - lt] and (read[i - lo : i], true[j - lt : j]) in pairs
                    for lo in range(min(i, 2) + 1)
                    for lt in range(min(j, 2) + 1)
                    if lo + lt
                )
    return ok[n][m]
