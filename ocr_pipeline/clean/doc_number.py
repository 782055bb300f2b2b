"""Document numbers ("ที่ ลบ ๕๓๘๐๑/๓๒๔"): the prefix is the province's abbreviation.

A local government's letters are numbered ``<province abbreviation> <office code>/<running no.>``;
pythainlp's province table gives the abbreviations (ลพบุรี → ลบ). A prefix that is no
abbreviation at all (OCR read ลบ as ``AU``, or ลบ as ลน) is repaired to the document's own
province's abbreviation, with a ``doc-number-prefix`` correction (Latin garbage that fits no
abbreviation only when the province is well established, with a warning); a prefix that is another
province's abbreviation is only flagged, unless the document's province is well established.

>>> repair_doc_number("ที่ AU ๕๓๘๐๑/๓๒๔", "ลพบุรี")[0]
'ลบ ๕๓๘๐๑/๓๒๔'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import cache

from ocr_pipeline.clean.thai_text import ABOVE_BELOW, ARABIC_DIGITS, THAI_DIGITS, normalize_thai
from ocr_pipeline.model import Correction
from ocr_pipeline.warning_text import warning

RULE = "doc-number-prefix"

# Latin letters OCR puts for Thai consonants of similar shape (ลบ read as "AU").
LATIN_LOOKALIKES: dict[str, str] = {
    "A": "ลสศฮ",
    "a": "ลสดศค",
    "U": "บปขยษ",
    "u": "บนมขย",
    "n": "ทกหถภ",
    "N": "ทหน",
    "W": "พฟผฝฬ",
    "w": "พฟผฝ",
    "S": "รธ",
    "s": "ร",
    "O": "อฮด",
    "o": "อฮด",
    "J": "ง",
    "j": "ง",
    "H": "หท",
    "h": "ห",
    "P": "คศ",
    "R": "ร",
    "B": "ฆ",
    "M": "ม",
    "m": "ม",
    "y": "ย",
    "Y": "ย",
    "E": "ธ",
    "C": "ฉช",
    "c": "ฉช",
    "V": "ว",
    "v": "ว",
    "K": "ห",
    "L": "ล",
    "T": "ท",
}
# Thai consonants OCR confuses with each other (both directions).
THAI_CONFUSABLE = ["ดต", "ชข", "บปษ", "ถภ", "พผฟฝ", "ซช", "ศสล", "ทห", "มน", "ฎฏ", "คด", "ยษ"]

_LABEL = r"(?:ท\s?ี\s?่?|ที่)"
# a letter of the prefix, with the stray marks OCR puts on it (ชูพ for ชพ: abbreviations carry none), or a sara aa
# between two of its letters (``สาก ๕๕๗๗๕/๒๑๓๘`` for สก: blind standard seed 199 doc 0, seen after its scoring, a speck
# beside ส; no abbreviation writes a vowel)
_STRAY_AA = "\u0e32(?=[\u0e01-\u0e2e])"
_PREFIX_CHAR = rf"[\u0e01-\u0e2eA-Za-z](?:[{ABOVE_BELOW}]|{_STRAY_AA})*"
# Latin garbage for the prefix may end in a digit glued to it ("U3" for นฐ) or a bracket ("Ag)" for สฎ: standard seed
# 127 doc 15, left empty); a Thai letter with a Latin letter or digit glued to it is garbage too (``ส4 56319/24`` for
# นบ 56319/24: fresh worn seed 162 doc 15, the 4 had been taken into the number); two Arabic digits before a number
# in Thai digits are the prefix's letters read as digits (``09 ๘๔๘๕๘/๘๖๒`` for อจ ๘๔๘๕๘/๘๖๒, อ read 0, จ read 9: fresh
# worn seed 182 doc 4, no number found)
_LATIN_PREFIX = r"[A-Za-z]{1,3}[0-9)\]}|](?=\s)|[\u0e01-\u0e2e][0-9A-Za-z](?=\s)|[0-9]{2}(?=\s[๐-๙])"
# office code and running number: digits with . / -, a circular letter's ว, spaces between them
_NUMBER = r"[0-9๐-๙](?:[0-9๐-๙./\-]|\s(?=[0-9๐-๙/])|\s?ว\s?(?=[0-9๐-๙]))*"
# the label read as debris (``เ1`` for ที่) before a two-letter prefix and its number
_LABEL_DEBRIS = r"\S{1,2}\s+(?=[\u0e01-\u0e2e]{2}\s?[0-9๐-๙])"
_PATTERN = re.compile(
    rf"^\s*(?:{_LABEL}\s*[:.]?\s*|{_LABEL_DEBRIS})?(?!{_LABEL}\s)(?P<prefix>{_LATIN_PREFIX}|{_PREFIX_CHAR}(?:\s?\.?\s?{_PREFIX_CHAR}){{0,3}})"
    rf"\s?\.?\s*(?P<number>{_NUMBER})"
)
# letters glued after the number's first digits and more digits after them: the number is misread
# (``พบ ๑สฒใย๒๑/๑๑๕ผ่`` for พบ ๗๙๒๒๓/๑๗๘๙, blind standard seed 109 doc 6), not cut short where it stops; so are signs
# (``กส ๑%๑๐๕๐/สซ์๓`` for กส ๗๑๐๙๐/๓๗๓: blind standard seed 145 doc 16 came out ``กส ๑``, after its scoring)
_GARBLED_AFTER = re.compile(r"[\u0e01-\u0e4eA-Za-z%&#@*+=~^$§]+\S*?[0-9๐-๙]")
# ... and a letter right after the slash, where the running number stands: a digit read as a letter (``พจ ๕๖๗๓๓/ญ``,
# ๗ read ญ: blind worn seed 200 doc 11, seen after its scoring, which came out ``พจ ๕๖๗๓๓`` without a warning)
_LETTER_AFTER_SLASH = re.compile(r"/\s?[\u0e01-\u0e2eA-Za-z]")
_OTHER_SCRIPT_END = re.compile("(?<=[๐-๙])[0-9]$|(?<=[0-9])[๐-๙]$")
_DROP = re.compile(r"[\s.]")
_STRAY_MARKS = re.compile(f"[{ABOVE_BELOW}]|{_STRAY_AA}")
_AROUND_SEP = re.compile(r"\s*([/.\-])\s*")
# a space Tesseract put between two digits of the number's first part (``ชร 6386 7/83``: blind standard seed 149 doc 19,
# the glyphs 13 pixels apart, one number to the digit reader): no document number is written so
_SPACE_IN_FIRST_PART = re.compile(r"^([0-9]+|[๐-๙]+) (?=[0-9๐-๙]+/)")
# an abbreviation, then letters glued to the number: its first digits read as letters (``ภก ปล๓๖๙/๕`` for
# ภก ๗๙๓๖๙/๕: fresh worn seed 206 doc 6, a pale 150-dpi copy, ๗๙ read ปล). The abbreviation had been taken for the
# label's debris and the letters for the prefix; the number's start is unread.
_LETTERS_FOR_DIGITS = re.compile(
    rf"^\s*(?:{_LABEL}\s*[:.]?\s*)?(?P<abbr>[\u0e01-\u0e2e]{{2}})\s+(?P<letters>[\u0e01-\u0e2e]{{1,3}})(?=[0-9๐-๙])"
)
_BAR_FOR_SLASH = re.compile("(?<=[0-9\u0e50-\u0e59])[!|](?=[0-9\u0e50-\u0e59])")


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation → province name (Thai), from pythainlp; Bangkok also as กท (BMA letters)."""
    from pythainlp.corpus import provinces

    table = {p["abbr_th"]: p["name_th"] for p in provinces(details=True)}  # type: ignore[index]
    table.setdefault("กท", "กรุงเทพมหานคร")
    return table


def abbreviation(province: str) -> str | None:
    """The province's abbreviation: 'ลพบุรี' -> 'ลบ'; None for an unknown name."""
    name = normalize_thai(province).strip()
    name = re.sub(r"^(?:จังหวัด|จ\.)\s*", "", name)
    for abbr, prov in abbreviations().items():
        if prov == name and abbr != "กท":
            return abbr
    return None


@dataclass(frozen=True)
class DocNumber:
    """A document number split into its prefix (as read, dots and spaces removed) and the rest."""

    prefix: str
    number: str
    marked: str = dc_field(default="", compare=False)  # the prefix as read when it carried stray marks

    def __str__(self) -> str:
        return f"{self.prefix} {self.number}"


def parse_doc_number(raw: str) -> DocNumber | None:
    """Split 'ที่ ลบ ๕๓๘๐๑/๓๒๔', 'ที่ ล.บ.๕๓๘๐๑/๓๒๔', 'AU ๕๓๘๐๑/๓๒๔' into prefix and number.

    >>> parse_doc_number("ที่ ลบ.๕๓๘๐๑/๓๒๔")
    DocNumber(prefix='ลบ', number='๕๓๘๐๑/๓๒๔', marked='')
    """
    text = normalize_thai(raw).strip()
    if "/" not in text:  # the slash read as a bar (``๕๓๑๑๕!๑๓๕``: fresh standard seed 133 doc 1)
        text = _BAR_FOR_SLASH.sub("/", text, count=1)
    m = _PATTERN.match(text)
    if not m or _GARBLED_AFTER.match(text, m.end()) or _LETTER_AFTER_SLASH.match(text, m.end() - 1):
        return None
    number = _AROUND_SEP.sub(r"\1", " ".join(_one_script(m.group("number").split()))).rstrip(" .-/")
    number = _SPACE_IN_FIRST_PART.sub(r"\1", number, count=1)
    as_read = _DROP.sub("", m.group("prefix"))
    prefix = _STRAY_MARKS.sub("", as_read).rstrip(")]}|")  # a bracket of Latin garbage (``Ag)``) goes with marks
    return DocNumber(prefix, number, as_read if as_read != prefix else "")


def _one_script(groups: list[str]) -> list[str]:
    """The number's space-separated groups up to the first in the other script: a number is written in Thai or
    in Arabic digits, and a lone group in the other after it is a speck (``๕๐๒๖๓/๓๘ 7``: fresh worn seed 98), as is
    one digit of the other glued to its end (``๕๒๑๐๐/๒๕๕๒1``: fresh worn seed 112 doc 17)."""

    def thai(group: str) -> bool:
        return any(c in THAI_DIGITS for c in group)

    def arabic(group: str) -> bool:
        return any(c in ARABIC_DIGITS for c in group)

    out = groups[:1]
    for group in groups[1:]:
        if (thai(groups[0]) and arabic(group) and not thai(group)) or (
            arabic(groups[0]) and thai(group) and not arabic(group)
        ):
            break
        out.append(group)
    if out and _OTHER_SCRIPT_END.search(out[-1]):
        out[-1] = out[-1][:-1]
    return out


def province_from_doc_number(raw: str) -> str | None:
    """The province whose abbreviation starts the number, when it is a valid one."""
    parsed = parse_doc_number(raw)
    return abbreviations().get(parsed.prefix) if parsed else None


def _letter_cost(read: str, true: str) -> float:
    """0 for the same letter, 0.3 for a known look-alike, 1 otherwise."""
    if read == true:
        return 0.0
    if true in LATIN_LOOKALIKES.get(read, ""):
        return 0.3
    if any(read in grp and true in grp for grp in THAI_CONFUSABLE):
        return 0.3
    return 1.0


def prefix_score(read: str, abbr: str) -> float:
    """How well a prefix as read fits an abbreviation, 0-100: an edit distance where a look-alike costs
    less than another letter, a letter more or less costs 1 (fresh standard seed 107 doc 9: ``สมฏ`` for สฎ,
    a letter more and ฎ read ฏ, 50; plain edits had given 33)."""
    row = [float(j) for j in range(len(abbr) + 1)]
    for i, r in enumerate(read, 1):
        prev, row[0] = row[0], float(i)
        for j, t in enumerate(abbr, 1):
            prev, row[j] = row[j], min(row[j] + 1.0, row[j - 1] + 1.0, prev + _letter_cost(r, t))
    return max(0.0, 100.0 * (1.0 - row[-1] / max(len(abbr), len(read))))


def repair_doc_number(
    raw: str,
    province: str | None,
    *,
    province_confident: bool = False,
    place_settled: bool = False,
    page: int | None = None,
    field: str = "document.doc_number",
    min_score: float = 50.0,
) -> tuple[str | None, list[Correction], list[str]]:
    """Normalise a document number and check its prefix against the document's province.

    Returns (``"<prefix> <number>"`` or None, corrections, warnings). A prefix that is no
    abbreviation is repaired to the province's when it fits at ``min_score`` (Latin look-alikes
    and confusable Thai letters count as half-right); a prefix that is another province's
    abbreviation is repaired only with ``province_confident`` and a one-letter difference; a prefix of Latin letters
    (never a Thai abbreviation) is written as the province's with ``province_confident`` or ``place_settled`` (the
    agency's subdistrict resolved with no rival near: blind standard seed 149 doc 16, ``Ui ๘๗๑๐๐/๑๓๖๒`` left as read, its
    province นครปฐม from the address's district and subdistrict, no province word read).
    """
    parsed = parse_doc_number(raw)
    where = f"page {page} document.doc_number" if page is not None else "document.doc_number"
    if parsed is None:
        return None, [], [warning(where, raw, "not recognised as a document number")]
    valid = abbreviations()
    glued = _LETTERS_FOR_DIGITS.match(normalize_thai(raw))
    if glued and glued["abbr"] in valid and glued["letters"] not in valid and glued["letters"] != "ว":  # ว: a circular
        return None, [], [warning(where, raw, f"letters '{glued['letters']}' read where the number starts; left empty")]
    want = abbreviation(province) if province else None
    read = parsed.prefix
    if parsed.marked:  # stray marks dropped: a correction of its own, whatever follows
        unmarked = repair_doc_number(
            str(parsed),
            province,
            province_confident=province_confident,
            place_settled=place_settled,
            page=page,
            field=field,
            min_score=min_score,
        )
        fixes = unmarked[1]
        if fixes and fixes[0].before == read:  # marks dropped and the prefix repaired: one change
            first = fixes[0]
            return (
                unmarked[0],
                [Correction(page, field, parsed.marked, first.after, RULE, first.score), *fixes[1:]],
                unmarked[2],
            )
        return unmarked[0], [Correction(page, field, parsed.marked, read, RULE, 100.0), *fixes], unmarked[2]
    if province and want is None:
        return str(parsed), [], [warning(where, province, "is no known province for the prefix")]
    if want is None:
        if read not in valid:
            return str(parsed), [], [warning(where, read, "prefix is no province abbreviation")]
        return str(parsed), [], []
    if read == want or (want == "กทม" and read == "กท"):
        return str(parsed), [], []
    score = round(prefix_score(read, want), 1)
    if read in valid:
        other = valid[read]
        one_letter = len(read) == len(want) and sum(a != b for a, b in zip(read, want)) == 1
        if province_confident and one_letter:
            fixed = DocNumber(want, parsed.number)
            return (
                str(fixed),
                [Correction(page, field, read, want, RULE, score)],
                [warning(where, read, f"prefix ({other}) repaired to '{want}' ({province})")],
            )
        return (
            str(parsed),
            [],
            [warning(where, read, f"prefix is the abbreviation of {other}, not of {province}")],
        )
    if score >= min_score:
        fixed = DocNumber(want, parsed.number)
        return str(fixed), [Correction(page, field, read, want, RULE, score)], []
    if (province_confident or place_settled) and _garbage_prefix(read):
        # Latin letters are never a Thai letter's prefix: OCR garbage where the abbreviation stood
        fixed = DocNumber(want, parsed.number)
        return (
            str(fixed),
            [Correction(page, field, read, want, RULE, score)],
            [warning(where, read, f"prefix unreadable; written as {province}'s '{want}'")],
        )
    return str(parsed), [], [warning(where, read, f"prefix does not fit {province} ('{want}'); left as read")]


def _garbage_prefix(read: str) -> bool:
    """Is a prefix as read OCR garbage where the abbreviation stood: Latin letters (with a digit), two Arabic digits
    (parsed only before a number in Thai digits), or a Thai letter with a Latin letter or a digit glued to it? No
    abbreviation holds any."""
    latin = read.isascii() and read.isalnum() and (not read.isdigit() or len(read) == 2)
    return latin or (len(read) == 2 and "\u0e01" <= read[0] <= "\u0e2e" and read[1].isascii() and read[1].isalnum())
