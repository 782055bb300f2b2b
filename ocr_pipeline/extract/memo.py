"""The memo (บันทึกข้อความ) header: labelled lines (ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน).

Labels are matched fuzzily (OCR writes เรือง for เรื่อง, งนท for วันที่), also when glued to their
value or when two labels share a line (ที่ ... วันที่ ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocr_pipeline.clean.thai_text import (
    ABOVE_BELOW,
    LATIN_LETTERS,
    THAI_CONSONANT,
    THAI_DIGITS,
    TO_ARABIC,
    TO_THAI,
    without_marks,
)
from ocr_pipeline.model import Page
from ocr_pipeline.resources import load_list
from ocr_pipeline.understand.labels import leading_label, split_label

HEADER_LINES = 14  # the labelled header sits in the first lines of the memo page


@dataclass
class FieldHit:
    """A labelled value found on a page line."""

    field: str
    value: str
    page: int
    line: int
    label_score: float


def header_fields(pages: list[Page]) -> dict[str, FieldHit]:
    """The first hit of each memo label in the header area of the memo page."""
    hits: dict[str, FieldHit] = {}
    for page in pages[:2]:
        lines = page.text.split("\n")
        for i, line in enumerate(lines[: HEADER_LINES + 6]):
            for field, value, score in split_label(line):
                if (field in hits and not _above_earlier_labels(field, hits)) or (
                    field == "doc_number" and not value.strip()
                ):
                    continue  # a ที่ label alone on its line: the number is found by its shape
                if field == "addressee" and score < EXACT_LABEL and _PHONE.search(value):
                    continue  # the ส่วนราชการ line's wrap, its first word like เรียน (``เรียง จังหวัด… โทร. …``)
                value = tidy_value(_with_continuation(field, value, lines, i), keep_start=field == "doc_number")
                hits[field] = FieldHit(field, value, page.number, i, score)
            if "addressee" in hits:
                break  # the body starts: "วันที่ ๓๐ กันยายน" there is no label of the header
        if hits and ("doc_number" not in hits or not DOC_NUMBER.search(hits["doc_number"].value)):
            # no ที่ label, or one that took another line's start for it (``ทวี จ.สงขลา โทร. …``, the district นาทวี
            # wrapped: blind standard seed 153 doc 19, whose number line read ``n สข …``): a line of the number's shape
            _number_line_without_label(lines[:HEADER_LINES], page.number, hits)
        elif "doc_number" in hits and "doc_date" not in hits:
            _date_after_number(hits)
        if hits and "doc_date" not in hits:
            _date_label_inside(lines, page.number, hits)
        if hits and "subject" not in hits and "addressee" in hits:
            _subject_without_label(lines, page.number, hits)
        if hits:
            break
    return hits


EXACT_LABEL = 100.0
# a phone number's word: the ส่วนราชการ line's address, never an addressee (fresh worn seed 166 doc 4: ``อำเภอภู`` /
# ``เรียง จังหวัดขอนแก่น โทร. …``, the district ภูเรียง wrapped, taken for the เรียน line: the subject was lost)
_PHONE = re.compile("โทร")

# the order of the header's labels: ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน
LABEL_ORDER = ("division", "doc_number", "doc_date", "subject", "addressee")


def _above_earlier_labels(field: str, hits: dict[str, FieldHit]) -> bool:
    """Was ``field``'s hit found above a label that comes before it in the header (``LABEL_ORDER``)? Then it was no
    label: ``เรื่องนนทบุรี จ.นนทบุรี โทร. …`` is the ส่วนราชการ line's ``อ.เมืองนนทบุรี`` wrapped, its เมือง read
    เรื่อง, above the ที่ line (blind standard seed 117 doc 5), and the real เรื่อง line below takes its place."""
    if field not in LABEL_ORDER:
        return False
    rank = LABEL_ORDER.index(field)
    return any(f in LABEL_ORDER and LABEL_ORDER.index(f) < rank and h.line > hits[field].line for f, h in hits.items())


def _subject_without_label(lines: list[str], page: int, hits: dict[str, FieldHit]) -> None:
    """When OCR garbled the เรื่อง label beyond recognition ("อง", "เว อง"), the subject is still the
    text between the letter's number/date line and the เรียน line (what is left of the label, short
    tokens or tokens without a Thai letter before the text, is dropped: ``(304 รายงานผล…``, fresh worn seed 162
    doc 3)."""
    end = hits["addressee"].line
    start = max((h.line for f, h in hits.items() if f in ("doc_number", "doc_date")), default=None)
    if start is None:
        return
    for i in range(start + 1, end):
        tokens = tidy_value(lines[i]).split()
        while len(tokens) > 1 and (len(tokens[0]) <= 3 or not THAI_CONSONANT.search(tokens[0])):
            tokens.pop(0)
        value = " ".join(tokens)
        if len(THAI_CONSONANT.findall(value)) >= 10:
            value = tidy_value(_with_continuation("subject", value, lines[:end], i))
            hits["subject"] = FieldHit("subject", value, page, i, 0.0)
            return


LEADING_SPECK = re.compile("^[.,'`‘’]+(?=[\u0e01-\u0e4e])")
_LONE_SIGN = re.compile(r"\s+[—–“”«»•~]+(?=\s|$)")  # a sign standing alone between words or at the end
# a last word of vowels, marks and signs only, no letter, digit or bracket (``… (รอบ ๑๒ เดือน) เ-``: worn seed 106)
_LAST_SPECK = re.compile(r"\s+[\u0e30-\u0e3a\u0e40-\u0e4e.,:;'`\-—–|_~*©®°•]+$")  # ©: blind worn seed 114 doc 5
# a dot after the year before the round's bracket or at the end (``ประมาณ ๒๕๖๓. (รอบ``: fresh worn seed 120 doc 8)
_DOT_AFTER_YEAR = re.compile(r"(?<=[0-9\u0e50-\u0e59]{4})\.(?=\s*\(|$)")
# ... or read for the space before รอบ (``พ.ศ. ๒๕๖๙.รอบ ๑๒ เดือน``: fresh worn seed 198 doc 12, a thick 150 dpi copy)
_DOT_FOR_SPACE_BEFORE_ROUND = re.compile(r"(?<=[0-9\u0e50-\u0e59]{4})[.,](?=รอบ)")
# a consonant glued to รอบ before its number, and a dot or comma glued after the number, before เดือน (``รอบป ๖.
# เดือน``: fresh standard seed 197 doc 10, specks of a 300 dpi page): no word is รอบ and a letter before a number
_ROUND_LETTER = re.compile(r"(?<=รอบ)[\u0e01-\u0e2e](?=\s*[0-9\u0e50-\u0e59]{1,2}[.,]?\s*เดือน)")
_ROUND_NUMBER_DOT = re.compile(r"(?<=รอบ)(\s*[0-9\u0e50-\u0e59]{1,2})[.,](?=\s*เดือน)")
# a digit or sign after the round's closing bracket at the end (``(รอบ ๖ เดือน) ๐``: fresh worn seed 120 doc 12)
# ... or glued to it (``(รอบ ๖ เดือน):``: blind worn seed 138 doc 7), not a bracket (``(ประจำปี))``)
_AFTER_CLOSING = re.compile(r"(?<=\))\s*[^\s\u0e01-\u0e2e()]{1,2}$")
# a mark and Latin letters or Arabic digits glued to a Thai year (``๒๕๖๑่0 (รอบ``: blind worn seed 138 doc 13): no number
# is written in two scripts
_AFTER_YEAR = re.compile(r"(?<=[\u0e52][\u0e55][\u0e50-\u0e59]{2})[\u0e31-\u0e4e]*[0-9A-Za-z]{1,2}(?=\s|$)")
# the closing bracket of a subject's last words read as signs and a lone mark glued to them (``(ประจำปี-ี``: fresh worn
# seed 124 doc 6)
_CLOSING_AS_SIGNS = re.compile(
    r"(\([^()]*[\u0e01-\u0e2e\u0e30-\u0e4e0-9\u0e50-\u0e59])[-–—~|.,:;'`_]+[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*$"
)
# a consonant alone before the era (``ประจำปีงบประมาณ ห พ. A, ๒๕๖๔``: blind standard seed 117 doc 10), not ณ
_LETTER_BEFORE_ERA = re.compile(r"(?<=\s)[\u0e01-\u0e12\u0e14-\u0e2e]\s+(?=[พค]\.)")
_GLUED_TAIL = re.compile(r"([\u0e01-\u0e2e]?)([0-9A-Za-z]{1,2})$")  # ``รอบ ๑๒ เดือนจ7``: standard seed 127 doc 11
_COLON_AFTER_NUMBER = re.compile(r"(?<=[0-9\u0e50-\u0e59]):(?=\s*[\u0e01-\u0e2e\u0e40-\u0e44])")  # รอบ ๑๒: เดือน
# a quote glued to a word or an opening bracket, the subject's only quote (``ประมาณ' พ.ศ.``, ``"(รอบ``: fresh standard
# seed 129 doc 3, worn 130 doc 6): a speck, no quotation
# an opening bracket that opens nothing, another opening after it (``(รอบ ๑๒ เดือน ( (ประจำปี)``: blind worn seed 126
# doc 9), where the subject has more opening brackets than closing ones
_BRACKET_BEFORE_BRACKET = re.compile(r"\(\s*(?=\()")
# the round's number glued to รอบ, a dot or comma glued before a word or a number after a space (``(รอบ๖ .เดือน)``:
# fresh worn seed 134 doc 6; ``ประมาณ .๒๕๖๖`` where the line wrapped: fresh worn seed 148 doc 15)
_ROUND_GLUED = re.compile(r"รอบ[\u0e48-\u0e4b]?(?=[0-9\u0e50-\u0e59])")
# ... and glued to เดือน (``รอบ๖เดือน``: blind worn seed 208 doc 6, seen after its scoring, a pale 150-dpi copy); the
# generated truths' subjects write their 1146 rounds spaced so (``รอบ ๖ เดือน``), none glued
# ... or a quote or colon read between them (``(รอบ ๖“เดือน)``: blind worn seed 224 doc 14, seen after its scoring, a thick
# 300-dpi copy)
_ROUND_NUMBER_GLUED = re.compile(r"(?<=รอบ )([0-9\u0e50-\u0e59]{1,2})(?:[\"'“”‘’`:;]+\s*)?(?=เดือน)")
_ROUND_MARKED = re.compile(r"(?<=รอบ)[\u0e48-\u0e4b](?=\s)")  # ``(รอบ่ ๖ เดือน)``: standard seed 119 doc 2
# signs glued to รอบ or before its number (``(รอบ' '๑๒ เดือน)``, ``รอบ: ๑๒ เดือน``: blind worn seed 142 docs 6, 8); no
# generated truth's subject has a quote or a colon
_ROUND_SIGNS = re.compile(
    r"(?<=รอบ)[':;‘’`.]+|(?<=\s)['‘’`]+(?=[0-9\u0e50-\u0e59]{1,2}\s*เดือน)"
)  # ``รอบ. ๖``: worn 150
_SIGN_BEFORE_WORD = re.compile(
    r"(?:(?<=\s)|^)[.,'`]+(?=[\u0e01-\u0e2e\u0e40-\u0e44\u0e50-\u0e590-9(])"
)  # ``.(รอบ``: worn 166; or before the subject's first word (``'สรุปรายงาน``: fresh worn seed 222 doc 14)
_SLASH_BEFORE_WORD = re.compile(r"(?<=[\u0e01-\u0e4e])\s+/(?=([\u0e01-\u0e2e\u0e40-\u0e44]\S*))")
# a dash glued between a word and one a subject writes after a space (``หน่วยงาน-ประจำปีงบประมาณ``: blind worn seed 188
# doc 8, seen after its scoring, a speck where the space stood); a subject's range's dash stands between spaces or
# digits (``ต.ค. ๖๕ - มี.ค. ๖๖``)
_DASH_BEFORE_WORD = re.compile(r"(?<=[\u0e01-\u0e4e])[-–—](?=([\u0e01-\u0e2e\u0e40-\u0e44]\S*))")
# an opening bracket read as sara e before รอบ and its months, in a subject that closes more brackets than it opens
# (``พ.ศ. ๒๕๖๔ เรอบ ๑๒ เดือน (ประจำปี))``: blind standard seed 187 doc 1, seen after its scoring)
# ... or as sara ai mai malai, a mai han-akat speck over รอบ's letters with it (``พ.ศ. ๒๕๖๐ ไรอับ ๖ เดือน)``: fresh worn
# seed 210 doc 13, a thick 200 dpi copy): no Thai word is รอับ, and the subject's round always opens a bracket
_BRACKET_AS_SARA_E = re.compile(r"(?<=\s)[เไใ](?=ร\u0e31?อ\u0e31?บ\s*[0-9\u0e50-\u0e59]{1,2}\s*เดือน)")
_ROUND_SPECKED = re.compile(r"(?<=\()ร\u0e31?อ\u0e31?บ(?=\s*[0-9\u0e50-\u0e59]{1,2}\s*เดือน)")
# ... or รอบ read as Latin letters inside the round's brackets (``(JOU ๑๒ เดือน)``: fresh worn seed 216 doc 14, a thick
# 300-dpi copy): no subject writes a Latin word there
_ROUND_AS_LATIN = re.compile(rf"(?<=\()\s*[{LATIN_LETTERS}]{{2,4}}\s*(?=[0-9\u0e50-\u0e59]{{1,2}}\s*เดือน\s*\))")
# the era's dots lost or read as commas or spaces, the year glued to it (``พ.ศ๒๕๖๒``, ``พ ศ. ๒๕๖๒``: blind worn seed
# 126 doc 12, standard seed 7 doc 33)
_THAI_ERA_LETTERS = r"พ ?[.,]? ?ศ"  # the era's letters, its first dot lost, read as a comma or spaced
# ... or a speck read as a sign alone between the era and its year (``พ.ศ. , ๒๕๖๓``: blind standard seed 183 doc 2, seen
# after its scoring)
_ERA_LOOSE = re.compile(
    rf"(?<![\u0e01-\u0e4e]){_THAI_ERA_LETTERS} ?[.,]?(?: +[.,'`])? *(?=[0-9\u0e50-\u0e59]{{4}}(?![0-9\u0e50-\u0e59]))"
)
_QUOTES = "'\"“”‘’`"
# ... with a colon or semicolon read beside it (``ส่วนตำบล': ประจำปี``: fresh worn seed 152 doc 15), or glued after the
# year (``พ.ศ. ๒๕๖๖“ (รอบ``: blind worn seed 196 doc 5, seen after its scoring, a thick 300 dpi copy)
_GLUED_QUOTE = re.compile(f"(?<=[\u0e01-\u0e4e0-9\u0e50-\u0e59])[{_QUOTES}][:;]?(?=\\s|$)|(?<=\\s)[{_QUOTES}](?=\\()")
_UNOPENED = re.compile(r"(?<=[\u0e01-\u0e4e])\]")
_LONE_CLOSING = re.compile(r"(?<=\))\s+\)$")  # a closing bracket alone after the last one, more closing than opening
# ... or after the last word, where none opens (``ประจำปี ๒๕๖๘ รอบ ๑๒ เดือน )``: blind worn seed 204 doc 14, seen after
# its scoring)
_LONE_LAST_CLOSING = re.compile(r"(?<=[\u0e01-\u0e4e0-9\u0e50-\u0e59])\s+\)$")
# a colon ending the subject after its last word (``… รอบ ๖ เดือน:``: blind worn seed 212 doc 17, seen after its scoring, a
# pale 300-dpi copy): no subject ends with one
_END_COLON = re.compile(r"(?<=[\u0e01-\u0e4e0-9\u0e50-\u0e59)])\s*[:;]+$")
# the closing bracket of a bracket never closed read as sara aa after an upper vowel, which no Thai writes
# (``(ประจำปีา``: blind worn seed 204 doc 7, seen after its scoring, a pale 200 dpi copy)
_CLOSING_AS_AA = re.compile(r"(\([^()]*[\u0e34-\u0e37])\u0e32$")
_UNCLOSED = re.compile(r"\[(?=[\u0e01-\u0e4e])")
_VOWEL_ON_NUMBER = re.compile("(?<![\u0e01-\u0e4e])[\u0e40-\u0e44](?=[0-9\u0e50-\u0e59])")  # ไ๒๕๖๐: no Thai
# ประมาณ. พ.ศ.: a word, no abbreviation, before it; also glued to the next word where the line wrapped
# (``คุณธรรม.`` / ``และความโปร่งใส``: fresh standard seed 115 doc 17)
_DOT_AFTER_WORD = re.compile(r"([\u0e01-\u0e4e]{4,})\.(?=\s|[\u0e01-\u0e2e\u0e40-\u0e44](?!\.))")
# a dot read between a word and its number (``รอบ.๑๒ เดือน``: fresh standard seed 115 doc 16)
_DOT_BEFORE_NUMBER = re.compile(r"([\u0e01-\u0e4e]{3,})\.(?=[0-9\u0e50-\u0e59])")


def subject_despecked(text: str) -> str:
    """A subject without the specks OCR read as signs: a dash, quote or guillemet standing alone between words or
    at the end (``คุณธรรม — และ``, ``รอบ ๖ เดือน —``: fresh worn seed 104, worn 14), a square bracket without its
    partner glued to a word (``ประจำปีงบประมาณ] พ.ศ.``: fresh standard seed 103, worn 41, specks seed 15). A
    hyphen stays (``ต.ค. ๖๕ - มี.ค. ๖๖``), as does a quotation glued to its words. Also a leading vowel glued
    before a number (``ไ๒๕๖๐``) and a dot after a word of four letters or more that the dictionary knows (``ประมาณ.
    พ.ศ.``: fresh worn seed 108 doc 6); an abbreviation's dot follows one to three letters (``พ.ศ.``, ``อบต.``).
    And a last word with no letter, digit or bracket (``(รอบ ๑๒ เดือน) เ-``: worn seed 106 doc 4), a digit or sign
    after the closing bracket at the end (``(รอบ ๖ เดือน) ๐``), the closing bracket read as signs glued to the last
    word of a bracket never closed (``(ประจำปี-ี``), one or two Latin letters or digits glued to its last word
    (``เดือนจ7``), a colon after a number before a word (``รอบ ๑๒: เดือน``:
    standard seed 7 doc 34), a dot after the year (``๒๕๖๓. (รอบ``) or for the space after it (``๒๕๖๙.รอบ``), a consonant
    glued to รอบ before its number and a dot after the number (``รอบป ๖. เดือน``), a consonant
    alone before the era (``ประมาณ ห พ.ศ.``), the subject's only quote glued after a word or before its bracket
    (``ประมาณ' พ.ศ.``, ``"(รอบ``), an opening bracket before another that closes alone (``เดือน ( (ประจำปี)``), a closing bracket
    standing alone after the last one where more close than open (``(รอบ ๑๒ เดือน) )``) and the second closing bracket of
    a bracket in a bracket (``(รอบ ๑๒ เดือน (ประจำปี)``: 32 of 336 truths end ``(ประจำปี))``); and
    the era's lost dots put back before its year (``พ.ศ๒๕๖๒``, ``พ ศ. ๒๕๖๒``), the space after รอบ before its number
    and a dot glued before a word or a number after a space taken out (``(รอบ๖ .เดือน)``, ``ประมาณ .๒๕๖๖``), a slash so glued with its space
    (``และ /ความ``; ``_without_slash_speck``), a dash so glued where a space stood (``หน่วยงาน-ประจำปี``), an
    opening bracket read as sara e before รอบ where more brackets close than open (``เรอบ ๑๒ เดือน``), a tone mark read
    over รอบ
    (``(รอบ่ ๖ เดือน)``); Latin letters read for the era before a year written พ.ศ. (``ประมาณ wa. ๒๕๖๓``). A closing
    bracket alone after the last word where none opens (``เดือน )``) goes, and one read as sara aa after an upper vowel
    in a bracket never closed (``(ประจำปีา``) is a bracket again."""
    text = _LONE_SIGN.sub("", text)
    text = _CLOSING_AS_SIGNS.sub(r"\1)", text.rstrip())
    text = _LAST_SPECK.sub("", text)
    text = _AFTER_YEAR.sub("", _AFTER_CLOSING.sub("", text))
    text = _LETTER_BEFORE_ERA.sub("", text)
    text = _DOT_FOR_SPACE_BEFORE_ROUND.sub(" ", _DOT_AFTER_YEAR.sub("", text))
    text = _ROUND_NUMBER_DOT.sub(r"\1", _ROUND_LETTER.sub("", text))
    text = _COLON_AFTER_NUMBER.sub("", text)
    text = _VOWEL_ON_NUMBER.sub("", text)
    text = _DOT_AFTER_WORD.sub(_word_without_dot, text)
    text = _DOT_BEFORE_NUMBER.sub(_word_spaced_from_number, text)
    text = _without_glued_tail(text)
    if text.count(")") > text.count("("):
        text = _ROUND_SPECKED.sub("รอบ", _BRACKET_AS_SARA_E.sub("(", text))
    if text.count("(") > text.count(")"):
        text = _BRACKET_BEFORE_BRACKET.sub("", text)
        if text.count("(") == text.count(")") + 1 and text.rstrip().endswith(")"):
            text = text.rstrip() + ")"  # a bracket in a bracket closed once at the end: ``(ประจำปี))`` lost one
    text = _ERA_LOOSE.sub("พ.ศ. ", _ERA_BEFORE_YEAR.sub("พ.ศ.", text))
    text = _SIGN_BEFORE_WORD.sub("", _ROUND_GLUED.sub("รอบ ", _ROUND_MARKED.sub("", _ROUND_SIGNS.sub("", text))))
    text = _ROUND_NUMBER_GLUED.sub(r"\1 ", _ROUND_AS_LATIN.sub("รอบ ", text))
    text = _SLASH_BEFORE_WORD.sub(_without_slash_speck, text)
    text = _DASH_BEFORE_WORD.sub(_spaced_before_word, text)
    if sum(text.count(q) for q in _QUOTES) == 1:
        text = _GLUED_QUOTE.sub("", text)
    if text.count(")") > text.count("(") and _LONE_CLOSING.search(text):
        text = _LONE_CLOSING.sub("", text)  # ``(รอบ ๑๒ เดือน) )``: fresh worn seed 168 doc 4
    if "(" not in text and text.count(")") == 1:
        text = _LONE_LAST_CLOSING.sub("", text)
    if text.count("(") > text.count(")"):
        text = _CLOSING_AS_AA.sub(r"\1)", text.rstrip())
    if "[" not in text:
        text = _UNOPENED.sub("", text)
    if "]" not in text:
        text = _UNCLOSED.sub("", text)
    return " ".join(_END_COLON.sub("", text.rstrip()).split())


def _unspaced(text: str) -> tuple[str, list[int]]:
    """``text`` without its spaces, and where each of its characters stands in ``text``."""
    at = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in at), at


OPENER_SLACK = 2  # letters more or fewer than an opener's that the read start of a subject may have
OPENER_MARGIN = 0.5  # the nearest opener is this much nearer than any other (weighted edits)


def subject_opener(subject: str) -> tuple[str, float] | None:
    """The subject with its first words respelt as the opener of ``dictionaries/subject_openers.txt`` they are a
    plausible OCR misreading of, its first letter kept (``ข้อรายงานผล…`` -> ``ขอรายงานผล…``), and the similarity;
    None when it starts with an opener, or its start is near none or near two alike (``ส ปรายงานผล``: สรุปรายงานผล
    or ส่งรายงานผล)."""
    from ocr_pipeline.clean.lexicon import plausible_misreading, similarity, wdist

    openers = load_list("subject_openers.txt")
    if not subject or subject.startswith(openers):
        return None
    compact, at = _unspaced(subject)
    found: dict[str, tuple[float, int]] = {}
    for opener in openers:
        if compact[0] != opener[0]:
            continue  # a first letter lost or added: which opener it was is a guess (``ปรายงานผล``: รายงานผล? สรุป…?)
        for n in range(max(1, len(opener) - OPENER_SLACK), min(len(compact), len(opener) + OPENER_SLACK) + 1):
            read = compact[:n]
            if plausible_misreading(read, opener):
                cost = wdist(read, opener)
                if opener not in found or cost < found[opener][0]:
                    found[opener] = (cost, n)
    if not found:
        return None
    ranked = sorted((cost, opener, n) for opener, (cost, n) in found.items())
    cost, opener, n = ranked[0]
    if len(ranked) > 1 and ranked[1][0] - cost < OPENER_MARGIN:
        return None
    end = at[n - 1] + 1
    return opener + subject[end:], similarity(subject[:end].replace(" ", ""), opener)


ROUND_WORD = "เดือน"
ROUND_WORD_COST = 2.0  # weighted edits: a round's word read this far from เดือน is it
LATIN_ROUND_SCORE = 50.0  # the score of เดือน written where Latin letters stood
_ROUND = re.compile(r"(รอบ\s*[0-9\u0e50-\u0e59]{1,2}\s*)([\u0e01-\u0e4e]+|[A-Za-z]{2,5}(?![A-Za-z]))")


def subject_round_month(subject: str) -> tuple[str, float] | None:
    """The subject with the word after its round's number respelt เดือน (a report's round is counted in months: 318
    subjects of the benchmark's outputs read ``รอบ ๖ เดือน`` or ``รอบ ๑๒ เดือน``), when OCR misread it within
    ``ROUND_WORD_COST`` (``รอบ ๑๒ เคดื่อน``: fresh worn seed 130 doc 9, a speck read as ค and a tone mark) or read as
    Latin letters (``รอบ ๒ fou``), and the similarity (50 for Latin); None when it reads เดือน or is farther."""
    from ocr_pipeline.clean.lexicon import similarity, wdist

    m = _ROUND.search(subject or "")
    if m is None or m.group(2) == ROUND_WORD:
        return None
    read = m.group(2)
    if read.isascii():  # Latin garbage where the round's word stands (``รอบ ๒ fou``: blind worn seed 132 doc 3)
        score = LATIN_ROUND_SCORE
    elif wdist(read, ROUND_WORD) <= ROUND_WORD_COST:
        score = similarity(read, ROUND_WORD)
    else:
        return None
    return subject[: m.start(2)] + ROUND_WORD + subject[m.end(2) :], score


ROUND_LABEL = "รอบ"
ROUND_LABEL_COST = 0.5  # weighted edits: a word this close to รอบ before a number of months is it (a look-alike)
# a word right after an opening bracket or a space, before a number and เดือน: the round's label
# (its three letters may carry a stray mark: ``รอับ ๑๒ เดือน``, blind worn seed 180 doc 17, seen after its scoring)
_ROUND_LABEL = re.compile(
    rf"(?:(?<=\()|(?<=\s))((?:[\u0e01-\u0e2e][{ABOVE_BELOW}]?){{3}})(?=\s*[0-9\u0e50-\u0e59]{{1,2}}\s*เดือน)"
)


def subject_round_label(subject: str) -> tuple[str, float] | None:
    """The subject with the word before its round's number of months respelt รอบ, when OCR read it with a look-alike
    letter (``(รอป ๑๒ เดือน`` for (รอบ: fresh worn seed 166 doc 1, บ read ป on a 200 dpi copy), and the similarity;
    None when it reads รอบ or is farther."""
    from ocr_pipeline.clean.lexicon import similarity, wdist

    m = _ROUND_LABEL.search(subject or "")
    if m is None or m.group(1) == ROUND_LABEL:
        return None
    if wdist(m.group(1), ROUND_LABEL) > ROUND_LABEL_COST and without_marks(m.group(1)) != ROUND_LABEL:
        return None
    return subject[: m.start(1)] + ROUND_LABEL + subject[m.end(1) :], similarity(m.group(1), ROUND_LABEL)


ROUND_ANNUAL = "ประจำปี"
# the word bracketed after a round of months (``(รอบ ๑๒ เดือน (ประจำปี))``), its first four letters read: its tail garbled
_ROUND_ANNUAL = re.compile(r"(?<=เดือน)(\s*\()(ประจ[\u0e01-\u0e4e]{1,5})(?=\))")


def subject_round_annual(subject: str) -> tuple[str, float] | None:
    """The subject with the bracketed word after its round of months respelt ประจำปี when it starts ประจ and OCR
    garbled its tail (``(รอบ ๑๒ เดือน (ประจ๊าขิ))``: fresh worn seed 186 doc 16, a pale 200 dpi copy), and the
    similarity; None when it reads ประจำปี or stands elsewhere (a longer word: ``ประจำเดือน``)."""
    from ocr_pipeline.clean.lexicon import similarity

    m = _ROUND_ANNUAL.search(subject or "")
    if m is None or m.group(2) == ROUND_ANNUAL:
        return None
    return subject[: m.start(2)] + ROUND_ANNUAL + subject[m.end(2) :], similarity(m.group(2), ROUND_ANNUAL)


REPORT_ROUNDS = (3, 6, 9, 12)  # months a report's round counts (the ITA reports: 6 and 12; quarterly ones 3 and 9)
ROUND_NUMBER_SCORE = 80.0
_ROUND_NUMBER = re.compile(r"รอบ\s*([0-9\u0e50-\u0e59]{1,2})\s*เดือน")
# ... or a sign where its one digit stood (``(รอบ . เดือน)``: blind standard seed 157 doc 7, read after its scoring)
_ROUND_SIGN = re.compile(r"รอบ\s+([.,:;'`])\s*เดือน")


def round_numbers(texts: list[str]) -> list[int]:
    """The month counts of every ``รอบ N เดือน`` in ``texts``."""
    return [int(m.group(1).translate(TO_ARABIC)) for t in texts for m in _ROUND_NUMBER.finditer(t)]


def subject_round_number(subject: str, others: list[int]) -> tuple[str, float] | None:
    """The subject with its round's number as the document's other mentions of its round write it, where the subject's
    is no round a report has (``REPORT_ROUNDS``), or a sign, and the others agree on one of the same number of digits
    (worn seed 142 doc 7, a 200 dpi pale copy: ``(รอบ ๓๒ เดือน)``, the table's title ``รอบ ๑๒ เดือน``); None otherwise."""
    m = _ROUND_NUMBER.search(subject or "") or _ROUND_SIGN.search(subject or "")
    if m is None or (m.group(1).isdigit() and int(m.group(1).translate(TO_ARABIC)) in REPORT_ROUNDS):
        return None
    number = _agreed_round(others)
    if number is None or len(number) != len(m.group(1)):
        return None
    if m.group(1)[0] in THAI_DIGITS or (not m.group(1).isdigit() and any(c in THAI_DIGITS for c in subject)):
        number = number.translate(TO_THAI)
    return subject[: m.start(1)] + number + subject[m.end(1) :], ROUND_NUMBER_SCORE


ROUND_TAIL_SCORE = 60.0
# the subject's last bracket opened at รอบ, its number and เดือน read as a few letters of garbage (``(รอบเวงาม``)
_ROUND_TAIL = re.compile(r"\(รอบ\s*([^\s()0-9\u0e50-\u0e59]{1,8})$")


def subject_round_tail(subject: str, others: list[int]) -> tuple[str, float] | None:
    """The subject whose last bracket opens at รอบ and ends in a few letters of garbage where its number of months
    and เดือน stood (``(รอบเวงาม``: blind worn seed 188 doc 8, seen after its scoring, a pale 300 dpi copy), ended as
    the document's other mentions of its round write it, where they agree on one a report has (the table's title:
    ``(รอบ ๑๒ เดือน)``), and the score; None otherwise (a subject that reads เดือน there is the other rules')."""
    m = _ROUND_TAIL.search(subject or "")
    number = _agreed_round(others)
    if m is None or m.group(1).startswith(ROUND_WORD) or number is None:
        return None
    if any(c in THAI_DIGITS for c in subject) or not any(c.isdigit() for c in subject):
        number = number.translate(TO_THAI)  # Arabic only in a subject that writes its numbers so
    return subject[: m.start()] + f"(รอบ {number} {ROUND_WORD})", ROUND_TAIL_SCORE


def _agreed_round(others: list[int]) -> str | None:
    """The one round a report has (``REPORT_ROUNDS``) that the document's other mentions of its round agree on, as
    Arabic digits; None where they name none or several."""
    agreed = {n for n in others if n in REPORT_ROUNDS}
    return str(agreed.pop()) if len(agreed) == 1 else None


YEAR_PHRASE_TOKENS = 3  # a subject's phrase before its year is looked for in at most this many words before it
_BEFORE_YEAR = re.compile(r"(?:\s+พ\.ศ\.)?\s+[0-9\u0e50-\u0e59]{4}(?![0-9\u0e50-\u0e59])")


def subject_year_phrase(subject: str) -> tuple[str, float] | None:
    """The subject with the words before its fiscal year (and era) respelt as the phrase of
    ``dictionaries/subject_year_phrases.txt`` they are a plausible OCR misreading of, first letter kept (``ประ จำป
    ๒๕๖๕`` -> ``ประจำปี ๒๕๖๕``: fresh worn seed 136 doc 6), and the similarity; None when they read a phrase, or none
    (the fewest words that make one are taken: ``ภายในหน่วยงาน`` stays)."""
    from ocr_pipeline.clean.lexicon import plausible_misreading, similarity, wdist

    m = _BEFORE_YEAR.search(subject or "")
    if m is None:
        return None
    head = subject[: m.start()]
    tokens = head.split(" ")
    phrases = load_list("subject_year_phrases.txt")
    for k in range(1, min(YEAR_PHRASE_TOKENS, len(tokens)) + 1):
        read = "".join(tokens[-k:])
        if read in phrases and k == 1:
            return None
        if read in phrases:  # a space put inside the phrase (``ประ จำปี ๒๕๖๔``: fresh worn seed 140 doc 0)
            near = [(0.0, read)]
        else:
            near = sorted((wdist(read, p), p) for p in phrases if read[:1] == p[:1] and plausible_misreading(read, p))
        if near:
            phrase = near[0][1]
            start = len(" ".join(tokens[:-k])) + (1 if len(tokens) > k else 0)
            return subject[:start] + phrase + subject[m.start() :], similarity(read, phrase)
    return None


PHRASE_SLACK = 2  # letters more or fewer than a subject phrase's that its misreading may have


def subject_phrase(subject: str) -> tuple[str, float] | None:
    """The subject with a stretch that is a plausible OCR misreading of a phrase of ``dictionaries/subject_phrases.txt``
    respelt as it, first letter kept (``ตามมาต่รการส่งเสริม…`` -> ``ตามมาตรการส่งเสริม…``: blind worn seed 138 doc 12),
    spaces OCR put inside it taken out (``ส่งเสริม คุณธรรม``: fresh standard seed 139 doc 11), and the similarity; None
    when the subject holds the phrase, or no stretch is near it."""
    from ocr_pipeline.clean.lexicon import plausible_misreading, similarity, wdist

    compact, at = _unspaced(subject or "")
    for phrase in load_list("subject_phrases.txt"):
        if not subject or phrase in subject:
            continue
        found: list[tuple[float, int, int]] = []
        for i, ch in enumerate(compact):
            if ch != phrase[0]:
                continue
            for n in range(len(phrase) - PHRASE_SLACK, len(phrase) + PHRASE_SLACK + 1):
                read = compact[i : i + n]
                if len(read) == n and plausible_misreading(read, phrase):
                    found.append((wdist(read, phrase), i, n))
        if found:
            _cost, i, n = min(found)
            start, end = at[i], at[i + n - 1] + 1
            return subject[:start] + phrase + subject[end:], similarity(compact[i : i + n], phrase)
    return None


def _without_slash_speck(m: re.Match[str]) -> str:
    """A slash glued before a subject's word after a space is a speck, and the space Tesseract put before it goes too
    (``คุณธรรมและ /ความโปร่งใส``: fresh worn seed 136 doc 16), unless the word is one a subject writes after a space
    (``subject_spaced_words.txt``: ``หน่วยงาน /ประจำปี``)."""
    return " " if _spaced_word_follows(m) else ""


def _spaced_before_word(m: re.Match[str]) -> str:
    """A dash glued before a word a subject writes after a space (``subject_spaced_words.txt``) is a speck where the
    space stood; before any other word it stays (``e-Service``, a name's hyphen)."""
    return " " if _spaced_word_follows(m) else m.group(0)


def _spaced_word_follows(m: re.Match[str]) -> bool:
    """Does the word after the sign ``m`` matched (its group 1) start with one a subject writes after a space?"""
    return m.group(1).startswith(load_list("subject_spaced_words.txt"))


def _without_glued_tail(text: str) -> str:
    """``text`` without one or two Latin letters or Arabic digits glued to its last Thai word, and a consonant before
    them, when what is left ends in a known word of three letters or more (``เดือนจ7``: a speck read at the end)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    m = _GLUED_TAIL.search(text)
    if m is None or not re.search("[\u0e01-\u0e4e]$", text[: m.start(2)]):
        return text
    for cut in (m.start(1), m.start(2)):  # with the consonant first: it is no word's end then
        kept = text[:cut]
        last = tokenize(kept.split()[-1])[-1] if kept.split() else ""
        if len(last) >= 3 and last in known_words() and re.search("[\u0e01-\u0e4e]$", kept):
            return kept
    return text


def _word_without_dot(m: re.Match[str]) -> str:
    """The word of a ``_DOT_AFTER_WORD`` match without its dot when its last word is a known one of four letters,
    or one that binds to the next (``คุณธรรมและ. ความโปร่งใส``: fresh worn seed 116 doc 7)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize
    from ocr_pipeline.clean.spacing import bound_words

    last = tokenize(m.group(1))[-1]
    known = last in bound_words() or (len(last) >= 4 and last in known_words())
    return m.group(1) if known else m.group(0)


def _word_spaced_from_number(m: re.Match[str]) -> str:
    """The word of a ``_DOT_BEFORE_NUMBER`` match and a space for the dot, when its last word is a known one
    of three letters or more (an abbreviation is no word: ``อบต.๑``)."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    last = tokenize(m.group(1))[-1]
    return m.group(1) + " " if len(last) >= 3 and last in known_words() else m.group(0)


# a document number: province abbreviation, office code / running number; the prefix with stray marks: ชูพ; a letter
# and a digit for it: ``ส4``; two digits before Thai ones: ``09`` (see clean.doc_number)
DOC_NUMBER = re.compile(
    rf"(?:(?:[\u0e01-\u0e2eA-Za-z][{ABOVE_BELOW}]*){{2,3}}|[\u0e01-\u0e2e][0-9A-Za-z](?=\s)|[0-9]{{2}}(?=\s[๐-๙]))\.?\s?"
    r"[0-9๐-๙][0-9๐-๙ .]{2,7}/\s?[0-9๐-๙]{1,5}"
)


def _number_line_without_label(lines: list[str], page: int, hits: dict[str, FieldHit]) -> None:
    """When OCR lost the ที่ label, the document number is still recognisable by its shape; the
    letter's date follows it on the same line."""
    for i, line in enumerate(lines):
        m = DOC_NUMBER.search(line)
        if not m:
            continue
        hits["doc_number"] = FieldHit("doc_number", m.group(0).strip(), page, i, 0.0)
        tail = _date_tail(line[m.end() :])
        if tail and "doc_date" not in hits:
            hits["doc_date"] = FieldHit("doc_date", tail, page, i, 0.0)
        return


def _date_after_number(hits: dict[str, FieldHit]) -> None:
    """When OCR garbled the วันที่ label beyond recognition (``งวงนท``), the letter's date is still what
    follows the document number on its line, when it holds a digit (fresh worn seed 92 doc 4); and the number ends
    where the date begins (``นศ ๕๗๐๕๔/๓๒ ๑๙ พฤศจิกายน``: the day is no more of it, fresh worn seed 136 doc 1)."""
    number = hits["doc_number"]
    m = DOC_NUMBER.search(number.value)
    tail = _date_tail(number.value[m.end() :]) if m else ""
    if m and any(c.isdigit() for c in tail):
        hits["doc_date"] = FieldHit("doc_date", tail, number.page, number.line, 0.0)
        number.value = number.value[: m.end()]


def _date_label_inside(lines: list[str], page: int, hits: dict[str, FieldHit]) -> None:
    """A วันที่ label inside a header line whose own label OCR lost (``ii ชุย ๕๕๓๓๓ญ์/ใ๒ วันที่ ๑๑ พฤษภาคม ๒๕๖๙``:
    fresh worn seed 98 doc 13), before the subject's line: the letter's date is what follows it, when that
    holds a digit."""
    end = min([HEADER_LINES] + [h.line for f, h in hits.items() if f in ("subject", "addressee")])
    for i, line in enumerate(lines[:end]):
        tokens = line.split()
        for k, token in enumerate(tokens[1:], start=1):
            label = leading_label(token)
            if label is None or label[0] != "doc_date":
                continue
            tail = _date_tail(" ".join(tokens[k:]))
            if any(c.isdigit() for c in tail):
                hits["doc_date"] = FieldHit("doc_date", tail, page, i, 0.0)
                return


def _date_tail(text: str) -> str:
    """The text after a document number without the specks and the date label before the date."""
    tail = text.split()
    while tail and PUNCT_TOKEN.match(tail[0]):
        tail.pop(0)  # a speck between the number and the date label
    if tail:
        label = leading_label(tail[0])
        if label and label[0] == "doc_date":
            tail = ([tail[0][label[1] :]] if label[1] < len(tail[0]) else []) + tail[1:]
    return " ".join(t for t in tail if t)


PUNCT_TOKEN = re.compile(r"^[.,:;'`‘’|_~-]+$")
STRAY_TOKEN = re.compile(r"^[|!'\"“”‘’`~*_=«»]+$")
STRAY_END = re.compile(r"^(?:[\u0e01-\u0e2e]|[A-Za-z]{1,2}|[.,:;])$")


def tidy_value(text: str, keep_start: bool = False) -> str:
    """A field value without specks: tokens of quotes or bars anywhere, and a lone letter or
    sign at either end (what a stain or the dotted leader leaves); with ``keep_start`` the first
    token stays (a document number's prefix, however garbled, is evidence).

    >>> tidy_value("นายกเทศมนตรีตำบลชายนา ก")
    'นายกเทศมนตรีตำบลชายนา'
    """
    tokens = [t for t in text.split() if not STRAY_TOKEN.match(t)]
    while tokens and STRAY_END.match(tokens[-1]):
        tokens.pop()
    while tokens and STRAY_END.match(tokens[0]) and not keep_start:
        tokens.pop(0)
    return " ".join(tokens)


# the era read as Latin letters (``wa``, ``wa.``, ``WA.``: clean render seed 31 docs 0 and 3) before a year
_LATIN_ERA = r"(?:[A-Za-z]{1,2}\.?|[A-Za-z]\.[A-Za-z]\.?)"  # not three letters undotted: ``ITA ๒๕๖๓``
_ERA_BEFORE_YEAR = re.compile(rf"(?<!\S){_LATIN_ERA}(?=\s*[0-9\u0e50-\u0e59]{{4}}(?![0-9\u0e50-\u0e59]))")
# the era at a line's end, its dots lost (``ประจำปีงบประมาณ พ ศ`` / ``๒๕๖๕ รอบ ๖ เดือน``: fresh standard seed 135 doc 19)
_THAI_ERA_UNDOTTED = _THAI_ERA_LETTERS + "[.,]?"
_ERA_AT_END = re.compile(rf"(?<!\S)(?:{_LATIN_ERA}|{_THAI_ERA_UNDOTTED})$")
_YEAR_START = re.compile("^[0-9\u0e50-\u0e59]{4}(?![0-9\u0e50-\u0e59])")


def _era_before_wrapped_year(value: str, after: list[str]) -> str:
    """A subject line ending in Latin letters read for พ.ศ. (``ประจำปีงบประมาณ wa``) or in its letters without their
    dots (``พ ศ``), its year starting the next line that is no speck: the era, which ``tidy_value`` would drop as a
    speck."""
    m = _ERA_AT_END.search(value.rstrip())
    nxt = next((t for raw in after if (t := LEADING_SPECK.sub("", tidy_value(raw))) and not _speck_line(t)), "")
    return value.rstrip()[: m.start()] + "พ.ศ." if m and _YEAR_START.match(nxt) else value


def _with_continuation(field: str, value: str, lines: list[str], index: int) -> str:
    """The subject (เรื่อง) and the ส่วนราชการ line may wrap onto a next line without a label."""
    if field not in ("subject", "division"):
        return value
    following = lines[index + 1 : index + 1 + CONTINUATION_LINES + SPECK_LINES]
    if field == "subject":
        value = _era_before_wrapped_year(value, following)
    value = tidy_value(value)  # a speck at the end would keep the wrapped word apart
    taken = 0
    for at, raw in enumerate(following):
        if field == "subject" and _ROUND_CLOSED.search(value) and value.count("(") == value.count(")"):
            break  # the round's bracket closes a subject (``(รอบ ๖ เดือน)`` / ``«io 9จ7``: fresh worn seed 134 doc 19)
        nxt = LEADING_SPECK.sub("", tidy_value(raw))
        if (not nxt and raw.strip()) or _speck_line(nxt) or (field == "subject" and _junk_line(raw)):
            continue  # a line of specks between the wrapped lines (``รอบ`` / ``a`` / ``๖ เดือน``: worn seed 96 doc 3)
        if field == "subject":  # a wrapped line may end in the era too (fresh standard seed 135 doc 19)
            nxt = LEADING_SPECK.sub("", tidy_value(_era_before_wrapped_year(raw, following[at + 1 :])))
        if not nxt or split_label(nxt) or DOC_NUMBER.search(nxt):
            break  # the next labelled line (its label may be lost: the number's shape tells)
        if _LINE_END_DIGIT.search(value) and _thai_start(nxt) and not nxt.startswith(load_list("counters.txt")):
            value = _LINE_END_DIGIT.sub("", value)  # a speck at the wrap (``คุณธรรมและ 4`` / ``ความโปร่งใส``)
        glued = (_thai_end(value) or _speck_dot_end(value)) and _thai_start(nxt)
        if field == "subject" and nxt.startswith(load_list("subject_spaced_words.txt")):
            glued = False  # ``…ส่วนตำบล`` / ``ประจำปี ๒๕๖๑``: standard seed 7 doc 16
        value += nxt if glued else " " + nxt
        taken += 1
        if taken == CONTINUATION_LINES and not (field == "subject" and _ERA_END.search(value)):
            break
        if taken > CONTINUATION_LINES:
            break
    return value


# a subject that ends with the era has its year on the next line, also past ``CONTINUATION_LINES`` (worn seed 146 doc
# 5, a 300 dpi thick copy: ``…ภายในหน่วยงาน ประจำ`` / ``ปีงบประมาณ พ.ศ.`` / ``๒๕๖๖ (รอบ ๖ เดือน)``, the year and round lost)
_ERA_END = re.compile(r"พ\.ศ\.?$")


_ROUND_CLOSED = re.compile(r"\([^()]*(?:เดือน|ประจำปี)\)+$")
JUNK_LINE = 6  # characters (spaces aside): a line this short with no word, no number of its own, is specks
_ABBREVIATION_DOT = re.compile("[\u0e01-\u0e2e][.]")
_SPECK_SIGN = re.compile("[«»©®°•§¶~^*=<>|@]")
_YEAR_IN = re.compile("[0-9\u0e50-\u0e59]{4}")


def _junk_line(text: str) -> bool:
    """A short line (``JUNK_LINE``) of specks read as a few signs, digits and letters that make no word of two letters
    or more and no number alone (``' ‘ ๖๘ al``, ``ง`` between ``…ประมาณ พ.ศ.`` and ``๒๕๖๘ รอบ ๖ เดือน``: fresh worn seed
    134 doc 1); a number alone (``๖``, ``๒๕๖๔``), a word (``รอบ``) or an abbreviation (``พ.ศ.``) is no junk."""
    from ocr_pipeline.clean.lexicon import known_words, tokenize

    compact = text.replace(" ", "")
    if not compact or len(compact) > JUNK_LINE or _ABBREVIATION_DOT.search(compact):
        return False
    if re.fullmatch("[0-9\u0e50-\u0e59]+", compact):
        return False
    if re.fullmatch("[\u0e01-\u0e4e]{2,}", compact):
        return False  # Thai letters alone: a short word the lists lack (a place's ``ผือ`` wrapped) may end a subject
    words = [t for run in re.findall("[\u0e01-\u0e4e]+", text) for t in tokenize(run)]  # ``ง ง ๐๑``: no งง
    # with a sign no subject writes, a word of two letters is a speck's too (``1 «ซี``: blind worn seed 142 doc 5)
    least = 3 if _SPECK_SIGN.search(compact) and not _YEAR_IN.search(compact) else 2
    return not any(len(t) >= least and t in known_words() for t in words)


# a lone Arabic digit ending a wrapped line (fresh worn seed 112 doc 6), unless a counter starts the next one
# (``dictionaries/counters.txt``)
_LINE_END_DIGIT = re.compile(r"(?<=[\u0e01-\u0e4e])\s+[0-9]$")
CONTINUATION_LINES = 2  # lines a subject or a ส่วนราชการ line wraps onto
SPECK_LINES = 2  # lines of specks alone passed over among them (fresh standard seed 115 doc 15: two)
_THAI_LETTER_OR_RUN = re.compile(r"[\u0e01-\u0e4e]|[0-9\u0e50-\u0e59A-Za-z]{3}")
_NOT_DIGIT = re.compile(r"[^\s0-9\u0e50-\u0e59]")


def _speck_line(text: str) -> bool:
    """A line of what OCR makes of specks: no Thai letter, no run of three digits or letters, something besides
    digits (``' 6” az 1 ๐ ๐``, ``r— |``: fresh standard seed 115 doc 15), or a digit and a consonant alone (``๕ง``);
    a year (``๒๕๖๖``) or a number alone on its line is no speck."""
    return (_THAI_LETTER_OR_RUN.search(text) is None and _NOT_DIGIT.search(text) is not None) or bool(
        _DIGIT_AND_LETTER.fullmatch(text.replace(" ", ""))
    )


# a digit and a consonant alone (``๕ง`` between ``…ประจำ`` and ``ปีงบประมาณ…``: worn seed 22 doc 0), no word of a wrap
_DIGIT_AND_LETTER = re.compile("[0-9\u0e50-\u0e59][\u0e01-\u0e2e]|[\u0e01-\u0e2e][0-9\u0e50-\u0e59]")


_WRAP_DOT = re.compile(r"([\u0e01-\u0e4e]{4,})\.$")


def _speck_dot_end(text: str) -> bool:
    """Ends in a dot that ``subject_despecked`` drops (after a known word): the wrapped words join as Thai words
    wrap (``ส่งเสริม.`` / ``คุณธรรม…``: fresh worn seed 116 doc 6)."""
    m = _WRAP_DOT.search(text)
    return m is not None and _word_without_dot(m) == m.group(1)


def _thai_end(text: str) -> bool:
    """Ends in a Thai letter or mark (Thai words wrap without a space; a number stands apart)."""
    return bool(text) and "\u0e01" <= text[-1] <= "\u0e4e"


def _thai_start(text: str) -> bool:
    return bool(text) and "\u0e01" <= text[0] <= "\u0e4e"
