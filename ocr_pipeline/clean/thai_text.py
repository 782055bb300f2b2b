"""Thai Unicode normalisation of OCR text (applied to ``text``, never to ``raw_text``).

Fixes what OCR engines and PDF text layers get wrong in the encoding, not in the reading:
sara am written as nikhahit + sara aa, tone marks and vowels in the wrong order or doubled,
zero-width characters, and spaces that fall inside a syllable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ocr_pipeline.resources import load_list

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
# Thai marks and vowels by where they sit; every other module builds its sets from these.
TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
DASHES = "-–—"  # hyphen, en dash, em dash: what print and OCR write between a range's two ends
VOWELS_ABOVE_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47"  # ั ิ ี ึ ื ุ ู ฺ ็
SIGNS_ABOVE = "\u0e4c\u0e4d\u0e4e"  # ์ ํ ๎
# Marks that sit above or below a consonant: none can start a word, OCR drops and adds them.
ABOVE_BELOW = VOWELS_ABOVE_BELOW + TONES + SIGNS_ABOVE
FOLLOWING_VOWELS = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
COMBINING = FOLLOWING_VOWELS + ABOVE_BELOW  # what follows a consonant inside its cluster
LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"

THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")  # a Thai consonant (ก to ฮ)
THAI_RUN = re.compile("[\u0e01-\u0e4e]+")  # a run of Thai letters, vowels, marks, ฯ and ๆ; no Thai digit
DIGIT_RUN = re.compile("[0-9๐-๙]+")  # a run of Arabic or Thai digits
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_MARK = re.compile(f"(?<=[\u0e01-\u0e2e]) +(?=[{ABOVE_BELOW}{FOLLOWING_VOWELS}])")
_SPACE_AFTER_LEADING = re.compile(f"(?<=[{LEADING_VOWELS}]) +(?=[\u0e01-\u0e2e])")
_NIKHAHIT_AA = re.compile(f"\u0e4d([{TONES}]?)\u0e32")
_TONE_BEFORE_NIKHAHIT = re.compile(f"([{TONES}])\u0e4d\u0e32")
_DOUBLE_MARK = re.compile(f"([{ABOVE_BELOW}])\\1+")
# a tone mark or thanthakhat typed before the vowel it sits on: vowel first, as Unicode wants
_MARK_BEFORE_VOWEL = re.compile(f"([{TONES}\u0e4c])([{VOWELS_ABOVE_BELOW}])")
_SARA_E_TWICE = re.compile("\u0e40\u0e40")


@lru_cache(maxsize=65536)
def normalize_thai(text: str) -> str:
    """Normalise Thai text line by line; line breaks are kept (cached: every stage calls it).

    >>> normalize_thai("น\u0e49\u0e4d\u0e32 ท ี่ดิน\u200b")
    'น้ำ ที่ดิน'
    """
    return "\n".join(_normalize_line(line) for line in text.split("\n"))


def _normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = _ZERO_WIDTH.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    line = _SPACE_BEFORE_MARK.sub("", line)
    line = _SPACE_AFTER_LEADING.sub("", line)
    line = _SARA_E_TWICE.sub("\u0e41", line)
    # sara am: nikhahit + (tone) + sara aa -> (tone) + sara am
    line = _TONE_BEFORE_NIKHAHIT.sub("\\1\u0e33", line)
    line = _NIKHAHIT_AA.sub("\\1\u0e33", line)
    line = _MARK_BEFORE_VOWEL.sub("\\2\\1", line)
    line = _DOUBLE_MARK.sub("\\1", line)
    return line


# a line that starts a new item inside a cell (numbered step, bullet, a short bracketed number
# OCR garbled like "(lo)") stays on its own line
NEW_ITEM = re.compile(
    r"^\s*(?:\(?[0-9๐-๙]{1,2}(?:[.)][0-9๐-๙]{0,2}|ะ[0-9๐-๙]{1,2})+\)?|[0-9๐-๙]:[0-9๐-๙](?=\s)"
    r"|\([^\s()]{1,3}\)|[^\s()]{1,2}\)(?=\s)|[-•*]|ข้อ\s*[0-9๐-๙])"
)  # a step's dot read as a colon (``๑:๒ วิเคราะห์…``: blind worn seed 180 doc 0), one digit each side: no time of day
# a step number whose dot OCR lost (``๒๒ พัฒนา…`` for ๒.๒): a new line too; whether it is a step the
# measure table decides (extract/measures.py)
GLUED_ITEM = re.compile(r"^\s*[0-9๐-๙]{2}\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")  # letters, vowels and marks; not Thai digits
# a step's number read as one or two Latin glyphs and its dot, at a line's start in a cell whose first line starts with a
# numbering (``๔.๑,ให้ผู้ที่…`` / ``é. จัดทำรายงาน…`` for ๔.๒: fresh worn seed 216 doc 16, a pale 200-dpi copy; the
# step was joined to the one before and lost)
# the letters Tesseract's eng model writes over a worn Thai glyph: Latin, Latin-1 and Latin Extended (``é``), as a
# character class's body
LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
_LATIN_NUMBERING = re.compile(rf"^\s*[{LATIN_LETTERS}0-9]{{1,2}}\.\s+(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


@cache
def lookalike_step_number() -> re.Pattern[str]:
    """A step's number read as Thai letters at a line's start: ``ตา.ดา จัดทำ…`` for ๓.๓ (blind standard seed 175 doc 2,
    seen after its scoring, joined to the step before), each number a letter Tesseract writes over a digit
    (``digit_lookalikes.tsv``) and a vowel at most; an abbreviation ends in a dot (``ต.ค.``), this in a space."""
    from ocr_pipeline.clean.digit_confusions import lookalike_letters

    letters = "".join(sorted(lookalike_letters()))
    return re.compile(rf"^\s*[{letters}][\u0e30-\u0e4e]?\.[{letters}][\u0e30-\u0e4e]?\s+(?=[\u0e01-\u0e4e])")


_ABBREVIATION_START = re.compile("[\u0e01-\u0e2e]\\.[\u0e01-\u0e2e]\\.")  # ``พ.ศ.``, ``ต.ค.``: typed after a space
_WRAPPED_AFTER_DASH = re.compile(r"[\u0e01-\u0e4e๐-๙0-9.]-$")  # ``๒๕๖๒-``, ``ตุลาคม-``, ``ต.ค.-``


def join_wrapped(lines: list[str]) -> str:
    r"""The text of one cell or paragraph from its visual lines.

    Thai wraps at word boundaries that mostly carry no space, so two Thai letters join directly,
    as does a slash at either end; anything else (Latin, digits, brackets) joins with a space. A
    line that starts a numbered item (also one whose dot was lost: ``๒๒ พัฒนา``) starts a new line.
    A line that ends in a dash glued to its last word wrapped after the dash (a range written
    ``ตุลาคม ๒๕๖๒-มีนาคม``): the next joins it directly; after a dash standing apart, with a space. An
    abbreviation at a line's start (``พ.ศ.``, ``ต.ค.``) is typed after a space, and so is a word a report always
    spaces off (``dictionaries/spaced_words.txt``: ``… ของราชการ`` / ``จำนวน ๒ ครั้ง``); see ``_spaced_at_wrap``.

    >>> join_wrapped(["ได้รับฟังความคิดเห็นของ", "ประชาชน (e-bidding)", "(๒) ประชุม"])
    'ได้รับฟังความคิดเห็นของประชาชน (e-bidding)\n(๒) ประชุม'
    >>> join_wrapped(["ตุลาคม ๒๕๖๒-", "มีนาคม ๒๕๖๓"]), join_wrapped(["ต.ค. ๒๕๖๒ -", "มี.ค. ๒๕๖๓"])
    ('ตุลาคม ๒๕๖๒-มีนาคม ๒๕๖๓', 'ต.ค. ๒๕๖๒ - มี.ค. ๒๕๖๓')
    >>> join_wrapped(["ปีงบประมาณ", "พ.ศ. ๒๕๖๑"]), join_wrapped(["จำนวน ๓ ครั้ง", "ผู้เข้าร่วม"])
    ('ปีงบประมาณ พ.ศ. ๒๕๖๑', 'จำนวน ๓ ครั้ง ผู้เข้าร่วม')
    """
    out = ""
    texts = [t for t in (line.strip() for line in lines) if t]
    for k, text in enumerate(texts):
        if not out:
            out = text
        elif (
            NEW_ITEM.match(text)
            or GLUED_ITEM.match(text)
            or lookalike_step_number().match(text)
            or (_LATIN_NUMBERING.match(text) and NEW_ITEM.match(texts[0]))
        ):
            out += "\n" + text
        else:
            ahead = text + "".join(texts[k + 1 : k + 3])  # a unit's name may go on over the next line too
            glued = (
                (_THAI_LETTER.match(text[0]) and _THAI_LETTER.match(out[-1]) and not _spaced_at_wrap(out, text, ahead))
                or "/" in (out[-1], text[0])
                or _WRAPPED_AFTER_DASH.search(out) is not None
            )
            out += ("" if glued else " ") + text
    return out


_NUMBER_END = re.compile(r"[0-9\u0e50-\u0e59]$")


def _spaced_at_wrap(before: str, text: str, ahead: str = "") -> bool:
    """Was there a space where a Thai line (``before``) wrapped before ``text``? Thai writes spaces between phrases,
    not words: where typing puts one (the Royal Institute's หลักเกณฑ์การเว้นวรรค) and a word stays whole across the wrap:
    before an abbreviation or a word of ``spaced_words.txt`` (``จำนวน ๒ ครั้ง``, ``เช่น``); after a word of
    ``spaced_after_words.txt`` written apart (``ติดประกาศ ณ`` / ``จุดให้บริการ``); after a number and its classifier
    (``counters.txt``: ``จำนวน ๒๑ คน`` / ``รายละเอียด…``); before a conjunction of ``list_conjunctions.txt`` after a
    list's item, one word written apart (``เว็บไซต์ เฟซบุ๊ก`` / ``และบอร์ด…``), unless a unit's name goes on across it
    (``กองการศึกษา ศาสนา`` / ``และวัฒนธรรม``). Measured (before the units' guard) on the word boundaries of 20
    generated corpora's table cells: of 9307 with a space, 32 % caught by the abbreviation and spaced words alone,
    53 % by all; 48 false spaces in 86281 boundaries without one; on the THND odd half's real lines 1 -> 5 of 56, no
    false space added. Also where the wrap falls on a unit's or a fixed phrase's own space (``กองการศึกษา`` /
    ``ศาสนาและวัฒนธรรม``, also when the name goes on over the lines after: ``ahead``, ``text`` and the next two lines
    glued, ``ศาสนาและ`` / ``วัฒนธรรม`` in fresh standard seed 181 doc 8's narrow column; ``งดให้`` / ``งดรับ``) and
    before a list's item written apart ahead of its conjunction
    (``_list_item_follows``): with คิดเป็น among the spaced words, on the cells' word boundaries of standard seeds 7,
    115 and worn 114 (looked at) 810 -> 938 spaces found, and of eight other corpora (standard 121, 131, 135, 139, worn
    122, 132, 136, 140) 1564 -> 1759, no false space added in either, whether the next line is cut short or not
    (``scripts/eval_wrap_spaces.py``). ``และ`` before a verb after a noun is spelt both ways there (``…รายไตรมาส
    และเผยแพร่``, ``ความเข้าใจและถือปฏิบัติ``): left as it joins."""
    if _ABBREVIATION_START.match(text) or starts_spaced_word(text) or _vocabulary_space(before, ahead or text):
        return True
    if _list_item_follows(text) and not _unit_across(before, text):
        return True
    head, sep, tail = before.rpartition(" ")
    if not sep or not tail:
        return False
    if tail in load_list("spaced_after_words.txt"):
        return True
    from pythainlp.tokenize import word_tokenize

    def first_word(joined: str) -> str:
        return word_tokenize(normalize_thai(joined[:30]), engine="newmm", keep_whitespace=False)[0]

    if tail in load_list("counters.txt") and _NUMBER_END.search(head.rstrip()):
        return first_word(tail + text) == tail  # the classifier stays a word (``๓ ปี`` / ``งบประมาณ``: ปีงบประมาณ)
    joiner = first_word(text)
    if joiner in load_list("list_conjunctions.txt") and first_word(tail) == tail:
        return not any(tail + joiner in unit for unit in load_list("units.txt"))
    return False


@cache
def _spaced_names() -> tuple[tuple[str, str], ...]:
    """(left, right) of each space inside a unit's name (``units.txt``: ``กองการศึกษา ศาสนาและวัฒนธรรม``) or a fixed
    phrase of the reports (``spaced_phrases.txt``: ``งดให้ งดรับ``)."""
    names = load_list("units.txt") + load_list("spaced_phrases.txt")
    return tuple((name[:k], name[k + 1 :]) for name in names for k, ch in enumerate(name) if ch == " ")


def _vocabulary_space(before: str, text: str) -> bool:
    """Does the wrap fall on a space a unit's name or a fixed phrase is written with (``กองการศึกษา`` /
    ``ศาสนาและวัฒนธรรม``, ``มาตรการงดให้`` / ``งดรับของขวัญ…``)?"""
    return any(before.endswith(left) and text.startswith(right) for left, right in _spaced_names())


def _unit_across(before: str, text: str) -> bool:
    """Does a unit's name (``units.txt``) run on across the wrap (``สำนัก`` / ``ปลัด และงาน…``, ``กองวิชาการและ`` /
    ``แผนงาน และ…``)?"""
    joined, at = before + text, len(before)
    for unit in load_list("units.txt"):
        start = joined.find(unit, max(0, at - len(unit) + 1))
        if 0 <= start < at < start + len(unit):
            return True
    return False


NOUN_TAGS = ("NCMN", "NPRP", "NTTL")  # ORCHID: common, proper and title nouns
VERB_TAGS = ("VACT", "VSTA", "XVBM", "XVAM")  # ORCHID: active and stative verbs, auxiliaries
COMMON_VERB = 1000  # Thai National Corpus count of a compound's first part to be taken for a verb
LIST_CONJUNCTIONS = 2  # the first entries of list_conjunctions.txt that join a list's last item (และ, หรือ)


def _list_item_follows(text: str) -> bool:
    """Does ``text`` (after a wrap) start with one word written apart and then a list's conjunction before a noun
    (``สมาชิกสภา และพนักงาน…``, ``เฟซบุ๊ก และบอร์ด…``)? That word is a list's item and Thai spaces off a list's items:
    so was the one before the wrap (``ผู้บริหาร`` / ``สมาชิกสภา และ…``). Not before a verb (``ประชาชน และนำมาปรับปรุง``:
    a clause joined) nor after one (``ติดตาม`` / ``ตรวจสอบ และเฝ้าระวัง``: a list of verbs glues its first items, THND
    odd half's line 101), as pythainlp's part-of-speech tagger (ORCHID tags) reads the words; nor two words or more
    before the conjunction: the first may be a list's first item, glued (``ผ่าน`` / ``เว็บไซต์ เฟซบุ๊ก และ…``)."""
    from pythainlp.tag import pos_tag
    from pythainlp.tokenize import word_tokenize

    first, sep, rest = text.partition(" ")
    conjunction = next((c for c in load_list("list_conjunctions.txt")[:LIST_CONJUNCTIONS] if rest.startswith(c)), None)
    if not sep or conjunction is None:
        return False
    if len(word_tokenize(normalize_thai(first), engine="newmm", keep_whitespace=False)) != 1:
        return False
    after = word_tokenize(normalize_thai(rest[len(conjunction) :][:30]), engine="newmm", keep_whitespace=False)
    tags = pos_tag([conjunction, *after[:3]], engine="perceptron", corpus="orchid")
    if len(tags) < 2 or tags[1][1] not in NOUN_TAGS or _verb_compound(conjunction, after[0]):
        return False
    # tagged apart: before the item, the tagger reads the words after the conjunction otherwise (``ราชการ และแจ้ง``: a noun)
    return pos_tag([normalize_thai(first), conjunction], engine="perceptron", corpus="orchid")[0][1] in NOUN_TAGS


def _verb_compound(conjunction: str, word: str) -> bool:
    """Is ``word`` two dictionary words the first of which is a common verb (``ติดประกาศ``: ติด + ประกาศ)? The tagger
    takes a compound it does not know, alone on a line after the conjunction, for a noun. A rare first part is no
    verb there (พนัก of พนักงาน, tagged one: 247 in the Thai National Corpus against ติด's 16121)."""
    from pythainlp.corpus import thai_words
    from pythainlp.tag import pos_tag

    from ocr_pipeline.clean.lexicon import word_freqs

    words = thai_words()
    for k in range(2, len(word) - 1):
        if word[:k] in words and word[k:] in words and word_freqs().get(word[:k], 0) >= COMMON_VERB:
            if pos_tag([conjunction, word[:k], word[k:]], engine="perceptron", corpus="orchid")[1][1] in VERB_TAGS:
                return True
    return False


@cache
def _spaced_words() -> tuple[str, ...]:
    return load_list("spaced_words.txt")


def starts_spaced_word(text: str) -> bool:
    """Does ``text`` start with a word a report always writes after a space (``spaced_words.txt``), as a whole
    word (``ณ วันที่``, not the ณ of ``ณัฐ``): one or more of the dictionary's words that end where it ends
    (``ปัญหาอุปสรรค`` is ปัญหา + อุปสรรค to pythainlp: specks seed 15 doc 6 glued it to the result before)? Also as
    OCR reads it with its tone marks lost or its sara am read as mai tho and sara aa (``เมือวันที``, ``จ้านวน``: see
    ``_spaced_word_misread``)."""
    head = normalize_thai(text[:30])  # as read, sara am may be nikhahit + sara aa (``จํานวน``)
    if head.strip() in _spaced_words():
        return False  # a word alone on the line is the tail of one the wrap cut (``ปีงบประมา`` / ``ณ``)
    if not head.startswith(_spaced_words()):
        return _spaced_word_misread(head)
    ends = _word_ends(head)
    return any(head.startswith(word) and len(word) in ends for word in _spaced_words())


def _word_ends(text: str) -> set[int]:
    """Where pythainlp's words of ``text`` end (the reading's cells join here: pythainlp's own dictionary)."""
    from pythainlp.tokenize import word_tokenize

    ends, at = set(), 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        at += len(token)
        ends.add(at)
    return ends


def _as_read(text: str) -> str:
    """``text`` as OCR may read it: sara am as mai tho and sara aa (``word_twins.tsv``), no tone marks."""
    return re.sub(f"[{TONES}\u0e4d]", "", text.replace("\u0e49\u0e32", "\u0e33"))


def _spaced_word_misread(head: str) -> bool:
    """Does ``head`` start with a word of ``spaced_words.txt`` read with its tone marks lost or its sara am read as
    mai tho and sara aa (``เมือวันที ๑๕`` for เมื่อวันที่, ``จ้านวน ๒๘๑ คน``: fresh standard seed 177 docs 0, 4, standard
    173 docs 3, 4, 8, 13, 18, worn 174 docs 6, 11, 12, 18, the space before them lost where a cell's line wrapped)? The
    word written back must end at a word's end, and the reading must not begin with a longer word of the dictionary
    (``เมืองโรงช้าง``, whose เมือ is เมื่อ without its mai ek)."""
    from pythainlp.corpus import thai_words

    first: int | None = None  # where the reading's longest dictionary word from its start ends
    for word in _spaced_words():
        key = _as_read(word)
        if len(key) < 2 or not _as_read(head[: len(word) + 2]).startswith(key):
            continue
        cut = next(
            (n for n in range(1, len(head) + 1) if _as_read(head[:n]) == key and head[n : n + 1] not in ABOVE_BELOW),
            None,
        )
        if cut is None or (cut < len(head) and head[cut] in "\u0e32\u0e33"):
            continue
        if first is None:
            first = max((e for e in _word_ends(head) if head[:e] in thai_words()), default=0)
        if first > cut:
            continue
        if len(word) in _word_ends(word + head[cut:]):
            return True
    return False


# a mark above or below with nothing to sit on: after a dot, a digit or a following vowel (``ต.ุค.`` for
# ต.ค., ``๒๕๑๓่``); after a space or at the start it may belong to the word before, and is left
_STRAY_MARKS = re.compile(f"(?<=[^\\s\u0e01-\u0e2e{ABOVE_BELOW}])[{ABOVE_BELOW}]+")


def drop_stray_marks(text: str) -> str:
    """``text`` without the marks that no consonant carries (no Thai spelling has them).

    >>> drop_stray_marks("ต.ุค. ๒๕๑๓่ ที่")
    'ต.ค. ๒๕๑๓ ที่'
    """
    return _STRAY_MARKS.sub("", text)


_ANY_MARK = re.compile(f"[{ABOVE_BELOW}]")


def without_marks(text: str) -> str:
    """``text`` without the marks that sit above or below a consonant (``ABOVE_BELOW``): what is left when
    OCR lost or misread only marks (``ขันตอน`` and ``ขั้นตอน`` are both ``ขนตอน``)."""
    return _ANY_MARK.sub("", text)


def marks_only(text: str) -> bool:
    """Is ``text`` one or more marks that sit above or below a consonant (``ABOVE_BELOW``), and nothing
    else: a tone mark or vowel sign that OCR read, or boxed, on its own?"""
    return bool(text) and all(ch in ABOVE_BELOW for ch in text)


def thai_to_arabic_digits(text: str) -> str:
    """'๒๕๖๖' -> '2566'; other characters unchanged."""
    return text.translate(TO_ARABIC)


def arabic_to_thai_digits(text: str) -> str:
    """'2566' -> '๒๕๖๖'; other characters unchanged."""
    return text.translate(TO_THAI)


def fold_for_compare(text: str) -> str:
    """Thai digits as Arabic, whitespace collapsed, normalised: for comparing values, not for output."""
    return " ".join(thai_to_arabic_digits(normalize_thai(text)).split())
