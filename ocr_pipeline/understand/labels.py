"""What a line is, from its own text: a memo header line (its label: ส่วนราชการ, ที่, วันที่,
เรื่อง, เรียน, matched fuzzily, also glued to the value or two on one line) or a signature's name
line ("(name)", alone or several side by side; without brackets when the line under it starts
with a position)."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from ocr_pipeline.clean.thai_text import THAI_CONSONANT
from ocr_pipeline.resources import load_list, load_table

LABEL_SCORE = 80.0  # similarity a token needs to be read as a memo label


@cache
def _labels() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for field, label, variants in load_table("memo_labels.tsv"):
        forms = (label,) + tuple(v for v in variants.split(",") if v and v != "-")
        rows.append((field, label, forms))
    return rows


def match_label(token: str) -> tuple[str, float] | None:
    """The field whose label ``token`` is (fuzzily), with the score; None below the threshold."""
    best: tuple[str, float] | None = None
    for field, _label, forms in _labels():
        # a label garbled by OCR keeps about its length; a longer word only starts alike
        score = max(
            100.0 if token == f else fuzz.ratio(token, f) if abs(len(token) - len(f)) <= 2 else 0.0 for f in forms
        )
        if score >= LABEL_SCORE and (best is None or score > best[1]):
            best = (field, score)
    return best


_GLUED_NUMBER_LABEL = re.compile("(ที่|ที|ท่|ท)[\u0e01-\u0e2e]{2,3}\\.?$")


def split_label(line: str) -> list[tuple[str, str, float]]:
    """(field, value, score) for each label on a line; [] when the line starts with no label."""
    tokens = line.split()
    if not tokens:
        return []
    first = leading_label(tokens[0])
    if first is None and len(tokens) > 1 and len(tokens[0]) <= 4:
        # OCR split the label where it lost a mark: "เร อง" for เรื่อง, "เวรี อง" (its mark read as a letter and a
        # vowel: fresh standard seed 123 doc 12, whose subject began with it)
        joined = leading_label(tokens[0] + tokens[1])
        if joined is not None and joined[1] == len(tokens[0] + tokens[1]):
            tokens = [tokens[0] + tokens[1]] + tokens[2:]
            first = joined
    if first is None and len(tokens) > 2 and len(tokens[0]) <= 3 and not THAI_CONSONANT.search(tokens[0]):
        # a speck or the label's lost head read as signs before the rest of the label (``(3 ยน นายกเทศมนตรี…`` for เรียน:
        # blind worn seed 220 doc 11, seen after its scoring, whose subject took in the addressee): the label as written
        # (เรื่อง and เรียน only: ที่ and วันที่ are words a line may start with after a number)
        hit = leading_label(tokens[1])
        if hit is not None and hit[2] == 100.0 and hit[1] == len(tokens[1]) and hit[0] in ("subject", "addressee"):
            tokens, first = tokens[1:], hit
    if first is None and len(tokens) > 1 and tokens[1][:1].isdigit():
        glued = _GLUED_NUMBER_LABEL.match(tokens[0])  # ``ที่มห ๕๓๖๔๙/๓๑๖``: the space lost
        if glued:
            first = ("doc_number", glued.end(1), 90.0)
    if first is None:
        return []
    field, label_len, score = first
    rest_tokens = [tokens[0][label_len:]] + tokens[1:] if label_len < len(tokens[0]) else tokens[1:]
    rest_tokens = [t for t in rest_tokens if t]
    if field == "doc_date" and score < 100 and _date_label_in(rest_tokens):
        # a line has one วันที่: a doubtful one before it is the ที่ of the document number (``un กส ๘๔๐๙๖/๑๓๕๑
        # วันที ๒๓ เมษายน``, un fuzzily TUN: fresh standard seed 139 doc 4 lost its date)
        field = "doc_number"
    if field == "doc_number":  # ที่ ... วันที่ ... share a line
        for i, tok in enumerate(rest_tokens):
            second = leading_label(tok)
            if second and second[0] == "doc_date":
                _f2, len2, score2 = second
                tail = ([tok[len2:]] if len2 < len(tok) else []) + rest_tokens[i + 1 :]
                return [(field, " ".join(rest_tokens[:i]), score), ("doc_date", " ".join(t for t in tail if t), score2)]
    return [(field, " ".join(rest_tokens), score)]


def _date_label_in(tokens: list[str]) -> bool:
    """Does a token of ``tokens`` start with the วันที่ label?"""
    return any((hit := leading_label(tok)) is not None and hit[0] == "doc_date" for tok in tokens)


_GLUED_DIGITS = re.compile(r"[0-9\u0e50-\u0e59]+$")


def leading_label(token: str) -> tuple[str, int, float] | None:
    """Label at the start of ``token`` (whole token, or glued to its value): (field, length, score). Digits ending the
    token are its value, no part of a label (``วันที่๑ พฤษภาคม``: blind worn seed 138 doc 4 lost its day)."""
    digits = _GLUED_DIGITS.search(token)
    if digits and digits.start() > 0:
        hit = match_label(token[: digits.start()])
        if hit:
            return hit[0], digits.start(), hit[1]
    hit = match_label(token)
    if hit:
        return hit[0], len(token), hit[1]
    for field, _label, forms in _labels():
        for form in forms:
            if len(token) > len(form) + 1 and token.startswith(form) and len(form) >= 4:
                return field, len(form), 100.0
    return None


NAME_GROUP = re.compile(r"[(\[{]\s*([^()\[\]{}]{3,60}?)\s*[)\]}]")
_TITLE = r"(?:นางสาว|นาง|นาย|ว่าที่|ดร\.)"  # the titles a bracket may be lost before
_TITLED = rf"({_TITLE}[^()\[\]{{}}]{{3,60}}?)"
# one bracket of the pair lost: "(นายอภิชาญ นามโคตร" or "นายอภิชาญ นามโคตร)"
HALF_BRACKETED = re.compile(rf"^(?:[(\[{{]\s*{_TITLED}|{_TITLED}\s*[)\]}}])$")


# the opening bracket of a lone titled name read as a letter or a bar, after specks: ``. ไนางประภากร เงินถม)``
# (fresh worn seed 112 doc 11); no word starts ไนาย or ไนาง
_OPENING_READ_AS_LETTER = re.compile(rf"^[\s.,'`]*[ไ|lI1]\s*(?={_TITLE}[^()\[\]{{}}]{{3,60}}[)\]}}]\s*$)")

# a speck read as letters glued before a titled name whose opening bracket OCR lost (``แซสนายอัตถพงศ์ หมัดโส๊ะ)``, its
# bracket read as a line of its own: blind worn seed 142 doc 1 lost its last signatory), or the bracket read as a digit
# (``9 นายธำมรงค์ สุขทิพย์)``: blind worn seed 146 doc 4 lost its last signatory)
_JUNK_BEFORE_TITLE = re.compile(
    rf"^[\s.,'`]*[\u0e01-\u0e4eA-Za-z0-9\u0e50-\u0e59|]{{1,3}}\s*(?={_TITLE}[^()\[\]{{}}]{{3,60}}[)\]}}]$)"
)

# a Latin digit glued after a title: a stroke of the signature above read into the name (``(นาง6 สาวจุฑารัตน์ …)``: fresh
# standard seed 193 doc 18 lost its second signatory); ``despeck`` drops it
DIGIT_AFTER_TITLE = re.compile(r"^(นาง|นาย)[0-9](?=\s*[\u0e01-\u0e4e])")

# a titled name's closing bracket lost before the next name's opening one on a line of names side by side
# (``(นายชาติตระการ ศิริผลา (นายชัยนันต์ นามประกาย)``: fresh worn seed 140 doc 5 lost its second signatory)
_UNCLOSED_BEFORE_OPENING = re.compile(rf"([(\[{{]\s*{_TITLE}[^()\[\]{{}}]{{3,60}}?)\s+(?=[(\[{{]\s*{_TITLE})")


def name_groups(text: str) -> list[str]:
    """Names in brackets when the line holds nothing else (a signature's name line); a bracket OCR
    lost is allowed when the name starts with a title: "นายอภิชาญ นามโคตร)"."""
    text = _OPENING_READ_AS_LETTER.sub("(", text)
    groups = NAME_GROUP.findall(text)
    rest = NAME_GROUP.sub(" ", text)
    if not groups:
        half = HALF_BRACKETED.match(text.strip()) or HALF_BRACKETED.match(_JUNK_BEFORE_TITLE.sub("", text.strip()))
        if not half:
            return []
        groups, rest = [half.group(1) or half.group(2)], ""
    if re.search(r"[\u0e01-\u0e2e A-Za-z0-9]{3,}", rest.replace(" ", "")):
        return []
    names = [" ".join(g.split()) for g in groups]
    return names if all(_looks_like_name(n) for n in names) else []


def names_side_by_side(text: str) -> list[str]:
    """``name_groups`` of a line of names side by side, a name's closing bracket put back where OCR lost it before
    the next name's opening one (``(นายชาติตระการ ศิริผลา (นายชัยนันต์ นามประกาย)``: fresh worn seed 140 doc 5
    lost its second signatory); the line's readings again come first, this is the last resort."""
    closed = _UNCLOSED_BEFORE_OPENING.sub(r"\1) ", text)
    return name_groups(closed) if closed != text else []


_THAI_WORD = re.compile(r"^[\u0e01-\u0e4e.]+$")
POSITION_START = 80.0  # a line starts with a position when its first word starts this much like one


def bare_name_groups(text: str, below: str | None) -> list[str]:
    """Titled names with no brackets (``titled_names``) when the line ``below`` starts with a
    position: OCR read a signature's brackets as a line of their own
    ("นางสุคนธ์ตรี ใจเย็น นางสาวฐาณัตดา อุทัยเรือง" over "ปลัดเทศบาล… นายกเทศมนตรี…")."""
    return titled_names(text) if below and starts_with_position(below) else []


def starts_with_position(text: str) -> bool:
    """Does the line's first word start like a known position (``POSITION_START``)?"""
    words = text.split()
    return bool(words) and position_start_score(words[0]) >= POSITION_START


def titled_names(text: str) -> list[str]:
    """One to three titled names when the line holds nothing else: each a title glued to the given
    name (or apart from it) and one family name; a position that starts like a title
    ("นายกเทศมนตรี…") is no name.

    >>> titled_names("นางสุคนธ์ตรี ใจเย็น นาย สมชาย ใจดี")
    ['นางสุคนธ์ตรี ใจเย็น', 'นาย สมชาย ใจดี']
    """
    tokens = text.split()
    titles = _titles()
    names: list[str] = []
    k = 0
    while k < len(tokens):
        title = next((t for t in titles if tokens[k].startswith(t)), None)
        if title is None or tokens[k].startswith(_positions()):
            return []
        take = 3 if tokens[k] == title else 2  # "นาย สมชาย ใจดี" or "นายสมชาย ใจดี"
        group = tokens[k : k + take]
        if len(group) < take or any(t.startswith(titles) or not _THAI_WORD.match(t) for t in group[1:]):
            return []
        names.append(" ".join(group))
        k += take
    return names if 1 <= len(names) <= 3 and all(_looks_like_name(n) for n in names) else []


@cache
def _titles() -> tuple[str, ...]:
    """Titles of ``dictionaries/titles.txt``, longest first."""
    return tuple(sorted(load_list("titles.txt"), key=len, reverse=True))


@cache
def _positions() -> tuple[str, ...]:
    """Positions of ``dictionaries/positions.txt``, longest first."""
    return tuple(sorted(load_list("positions.txt"), key=len, reverse=True))


def position_start_score(token: str) -> float:
    """How well a token starts a known position (prefix match, fuzzy)."""
    best = 0.0
    for pos in _positions():
        head = token[: len(pos)]
        if len(head) >= 3:
            best = max(best, fuzz.ratio(head, pos))
    return best


def _looks_like_name(text: str) -> bool:
    """Mostly Thai letters, no digits, a title or a space between given and family name; a name
    that starts with a title may carry some OCR garbage ("นายธนวัต NWA"). A known position is no name, though it
    starts like a title and a speck after it reads as a closing bracket (blind standard seed 153 doc 10: the mayor's
    post ``นายกองค์การบริหารส่วนตำบลแหลมงอบ]`` became a fourth signatory); nor is one word split by a space or a speck
    without a title (``(ประ :จำปี) ตั้งแต่วันที่ …``: blind worn seed 204 doc 18, seen after its scoring, a body line
    that became a signatory)."""
    compact = DIGIT_AFTER_TITLE.sub(r"\1", text.strip()).replace(" ", "")
    thai = sum("\u0e00" <= ch <= "\u0e7f" for ch in compact)
    titled = compact.startswith(load_list("titles.txt"))
    return (
        len(compact) >= 4
        and not compact.startswith(_positions())  # a post read with a closing bracket (``นายก…แหลมงอบ]``)
        and (titled or not _one_word(compact))
        and thai >= (0.6 if titled else 0.8) * len(compact)
        and not any(ch.isdigit() for ch in compact)
        and (titled or " " in text.strip())
    )


_NOT_LETTERS = re.compile(r"[^\u0e01-\u0e4e]")


def _one_word(compact: str) -> bool:
    """Are ``compact``'s Thai letters, signs and specks aside, one word of the dictionary?"""
    from ocr_pipeline.clean.lexicon import known_words

    return _NOT_LETTERS.sub("", compact) in known_words()
