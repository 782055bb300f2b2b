"""Extract: the memo's fields, its signatories and the measure rows, read from the cleaned pages.

Field values get their own last clean-ups here, recorded like any other correction: the unit part
of the ส่วนราชการ line, the subject's words across its line wraps, the document number's prefix,
signatories' names against their other mentions, measure and step numbers from their sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ocr_pipeline.clean.agency import PlaceResolution
from ocr_pipeline.clean.doc_number import repair_doc_number
from ocr_pipeline.clean.lexicon import (
    apply_changes,
    known_words,
    repair_position,
    repair_units,
    repair_words,
    to_corrections,
)
from ocr_pipeline.clean.names import fix_title, resolve_names
from ocr_pipeline.clean.spacing import word_spaces
from ocr_pipeline.clean.thai_text import ARABIC_DIGITS, DIGIT_RUN, THAI_CONSONANT, THAI_DIGITS, normalize_thai
from ocr_pipeline.extract.measures import rows_to_measures
from ocr_pipeline.extract.memo import (
    FieldHit,
    header_fields,
    round_numbers,
    subject_despecked,
    subject_opener,
    subject_phrase,
    subject_round_annual,
    subject_round_label,
    subject_round_month,
    subject_round_number,
    subject_round_tail,
    subject_year_phrase,
)
from ocr_pipeline.extract.signatures import (
    despeck,
    drop_edge_junk,
    head_restored,
    known_position,
    respaced_position,
    signature_blocks,
    with_agency,
    with_place,
)
from ocr_pipeline.model import Correction, Document, Measure, Page, Signatory
from ocr_pipeline.resources import load_list
from ocr_pipeline.understand import Roles
from ocr_pipeline.understand.labels import starts_with_position
from ocr_pipeline.understand.tables import TableRows
from ocr_pipeline.warning_text import warning

SPECK_SCORE = 90.0
TITLE_SCORE = 90.0
AGENCY_SCORE = 90.0  # a position's agency name as the gazetteer resolved it (spaces, a speck after it)
SPACING_SCORE = 95.0  # a space OCR put inside a word of a known position, dropped
REREAD_SCORE = 90.0  # a name or position line read again: a name line or known position where the page's reading is not
REQUIRED_FIELDS = ("agency", "doc_number", "doc_date", "subject", "fiscal_year_be", "period_start", "period_end")


@dataclass
class Extracted:
    """What extraction read, with the corrections and warnings of its own clean-ups."""

    document: Document
    measures: list[Measure]
    hits: dict[str, FieldHit]
    tables: list[TableRows]
    corrections: list[Correction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def measure_rows_of(pages: list[Page], roles: Roles) -> list[TableRows]:
    """The measure tables as they are on these pages (same places, cleaned cells)."""
    by_number = {p.number: p for p in pages}
    return [replace(tr, table=by_number[tr.table.page].tables[tr.index]) for tr in roles.measure_tables]


def extract_memo(pages: list[Page]) -> tuple[dict[str, FieldHit], str | None]:
    """The memo's labelled lines, and the subject's value with its words repaired across wraps
    (what the date resolution reads the fiscal year from)."""
    hits = header_fields(pages)
    subject = hits["subject"].value if "subject" in hits else None
    if subject:
        subject, _changes = repair_words(subject, open_brackets=True)
    return hits, subject


def extract(pages: list[Page], roles: Roles, places: PlaceResolution) -> Extracted:
    """Document fields (without the dates, which the date resolution settles) and measure rows."""
    doc = Document(
        agency=places.agency,
        agency_type=places.agency_type,
        subdistrict=places.subdistrict,
        district=places.district,
        province=places.province,
        geocode=places.geocode,
    )
    hits = header_fields(pages)
    tables = measure_rows_of(pages, roles)
    out = Extracted(doc, [], hits, tables)
    _division(out)
    _subject(out, pages)
    _addressee(out)
    _doc_number(out, pages, places)
    doc.signatories = _signatories(pages, out)
    measures, row_warnings, row_fixes = rows_to_measures(tables)
    out.measures = measures
    out.warnings += row_warnings
    out.corrections += row_fixes
    return out


def _correct(out: Extracted, page: int | None, field_name: str, before: str, after: str, rule: str, score: float):
    if before != after:
        out.corrections.append(Correction(page, field_name, before, after, rule, round(float(score), 1)))


def _division(out: Extracted) -> None:
    hit = out.hits.get("division")
    value = division_unit(hit.value) if hit else None
    if hit and value:
        value, changes = repair_units(value)
        out.corrections += to_corrections(changes, hit.page, "document.division")
    out.document.division = value


def _subject(out: Extracted, pages: list[Page]) -> None:
    """Its lines were repaired one by one: a word cut by the wrap is whole here. Its round's number, where it is no
    report's, as the document's other mentions of the round write it (``subject_round_number``)."""
    hit = out.hits.get("subject")
    value = hit.value if hit else None
    if hit and value:
        kept = subject_despecked(value)
        _correct(out, hit.page, "document.subject", value, kept, "speck", SPECK_SCORE)
        spaces = word_spaces(kept)  # the line wrap's join: ``ประจำปีงบประมาณพ.ศ.``
        out.corrections += to_corrections(spaces, hit.page, "document.subject")
        value, changes = repair_words(apply_changes(kept, spaces), open_brackets=True)
        out.corrections += to_corrections(changes, hit.page, "document.subject")
        opened = subject_opener(value)
        if opened is not None:
            _correct(out, hit.page, "document.subject", value, opened[0], "lexicon", opened[1])
            value = opened[0]
        label = subject_round_label(value)
        if label is not None:
            _correct(out, hit.page, "document.subject", value, label[0], "lexicon", label[1])
            value = label[0]
        for respell in (subject_round_month, subject_round_annual):  # the round's word, its bracketed ประจำปี
            respelt = respell(value)
            if respelt is not None:
                _correct(out, hit.page, "document.subject", value, respelt[0], "lexicon", respelt[1])
                value = respelt[0]
        rounds = round_numbers([p.text for p in pages])
        for respell_round in (subject_round_number, subject_round_tail):
            number = respell_round(value, rounds)
            if number is not None:
                _correct(out, hit.page, "document.subject", value, number[0], "round-number", number[1])
                value = number[0]
        for respell in (subject_year_phrase, subject_phrase):
            phrase = respell(value)
            if phrase is not None:
                _correct(out, hit.page, "document.subject", value, phrase[0], "lexicon", phrase[1])
                value = phrase[0]
    out.document.subject = value


def _addressee(out: Extracted) -> None:
    """The addressee (a position and its agency, one run of words) without a speck read as a short last word
    after a space (``นายกเทศมนตรีตำบลบ้านโฮ่ง ก๊``: fresh worn seed 108 doc 13), its position's words repaired
    against the positions' vocabulary (``repair_position``), without the spaces OCR put inside it when it is a known
    position without them, its place name as the gazetteer resolved the agency's when it was read with cheap
    confusions (``with_place``)."""
    hit = out.hits.get("addressee")
    value = hit.value if hit else None
    if hit and value:
        words = value.split()
        last = words[-1]
        if len(words) > 1 and len(THAI_CONSONANT.findall(last)) < 3 and last not in known_words():
            kept = " ".join(words[:-1])
            _correct(out, hit.page, "document.addressee", value, kept, "speck", SPECK_SCORE)
            value = kept
        kept = drop_edge_junk(value) or value  # a speck glued to its end (``ดอนศิลา.``: fresh worn seed 112 doc 15)
        _correct(out, hit.page, "document.addressee", value, kept, "speck", SPECK_SCORE)
        value = kept
        repaired = repair_position(value)  # its position's words misread (``นายก่องค์การ``: worn seed 22 doc 17)
        if repaired.changes:
            score = round(min(c.score for c in repaired.changes), 1)
            _correct(out, hit.page, "document.addressee", value, repaired.text, "lexicon", score)
            value = repaired.text
        doc = out.document
        place = _agency_place(doc)
        head, bar, tail = value.partition("|")
        if bar and len(THAI_CONSONANT.findall(tail)) < 3 and known_position(head.strip(), doc.agency, place):
            # a bar and a piece of the name read again glued after the whole addressee (``…ตำบลหนองไผ่|ผ่``: blind
            # worn seed 204 doc 18, seen after its scoring, a 150 dpi copy)
            _correct(out, hit.page, "document.addressee", value, head.strip(), "speck", SPECK_SCORE)
            value = head.strip()
        compact = "".join(value.split())
        if compact != value and known_position(with_place(compact, doc.agency, place), doc.agency, place):
            # spaces OCR put inside the position or its place (``นายกเทศมนตรีตำบ ลหนองไผ่``, ``…เมืองหัว ยข้าวกำ``: blind
            # worn seed 138 doc 0, standard 137 doc 15); an addressee is written without one (598 of 598 truths)
            _correct(out, hit.page, "document.addressee", value, compact, "spacing", SPACING_SCORE)
            value = compact
        placed = with_place(value, doc.agency, place)
        _correct(out, hit.page, "document.addressee", value, placed, "gazetteer", AGENCY_SCORE)
        value = placed
    out.document.addressee = value


def _doc_number(out: Extracted, pages: list[Page], places: PlaceResolution) -> None:
    hit = out.hits.get("doc_number")
    if hit is None:
        return
    number, fixes, warns = repair_doc_number(
        hit.value,
        places.province,
        province_confident=places.province_confident,
        place_settled=places.place_settled,
        page=hit.page,
    )
    out.corrections += fixes
    out.warnings += warns
    unclear = _unclear_number(number, next((p for p in pages if p.number == hit.page), None))
    if unclear:
        out.warnings.append(
            warning(f"page {hit.page} document.doc_number", number, f"digits unclear ('{unclear}' unread); left empty")
        )
        number = None
    elif number and _SLASHLESS.search(number) and "/" not in number:
        # a letter's number is its book's code, a slash and its running number: none of 1078 generated truths is
        # without, and a long run of digits without one is a slash read into a digit (``๖๕๔๐๗๘`` for ๖๕๔๐๓/๘, ๓/
        # touching: blind worn seed 158 doc 4, read after its scoring)
        out.warnings.append(
            warning(
                f"page {hit.page} document.doc_number",
                number,
                "no slash in the number: one may be read as a digit; left empty",
            )
        )
        number = None
    out.document.doc_number = number


_SLASHLESS = re.compile("[0-9\u0e50-\u0e59]{6,}")  # six digits or more in a row: the book's code and more


def _signatories(pages: list[Page], out: Extracted) -> list[Signatory]:
    """Signature blocks, with each name checked against its other readings and mentions and the
    name lists, and each position against the positions' vocabulary and its line read again."""
    blocks = []
    for block in signature_blocks(pages):
        name, page = block.signatory.name, block.page
        if block.page_reading:
            out.corrections.append(
                Correction(page, "document.signatories", block.page_reading, name, "line-reread", REREAD_SCORE)
            )
        kept = despeck(name) or ""
        if name and kept != name:
            _correct(out, page, "document.signatories", name, kept, "speck", SPECK_SCORE)
        position = _position(out, page, block.signatory.position, block.position_readings)
        if position and not _like_a_position(position, out.document):
            # the post's lines lost, something else read under the name (``ชุดต``: worn seed 178 doc 13, the only such
            # position of 1268 in 20 corpora's outputs at stop 44)
            out.warnings.append(
                warning(f"page {page} document.signatories", position, "is no known position; check the scan")
            )
        titled = fix_title(kept)
        _correct(out, page, "document.signatories", kept, titled, "name", TITLE_SCORE)
        blocks.append((Signatory(titled, position), page, list(block.readings)))
    names, fixes, warnings = resolve_names(
        [(page, "document.signatories", s.name) for s, page, _r in blocks], readings=[r for _s, _p, r in blocks]
    )
    out.corrections += fixes
    out.warnings += warnings
    return [Signatory(name=name, position=s.position) for (s, _page, _r), name in zip(blocks, names)]


def _like_a_position(text: str, doc: Document) -> bool:
    """Is ``text`` a known position, or does its first word start like one (a post no list has)?"""
    return known_position(text, doc.agency, _agency_place(doc)) or starts_with_position(text)


def _agency_place(doc: Document) -> str | None:
    """The place name the document's agency bears (``เทศบาลตำบลกกโก`` -> ``กกโก``), if the agency and its type are
    known."""
    return doc.agency[len(doc.agency_type) :] if doc.agency and doc.agency_type else None


def _position(out: Extracted, page: int, position: str | None, readings: tuple[str, ...]) -> str | None:
    """A signatory's position cleaned (``_clean_position``); replaced by the re-reading of its
    line when that is a known position (``known_position``) and the page's reading is not; the
    spaces OCR put inside its words dropped (``respaced_position``)."""
    doc = out.document
    fixes: list[Correction] = []
    value = _clean_position(position, page, doc.agency, fixes)
    place = _agency_place(doc)
    if value and not known_position(value, doc.agency, place):
        for reading in readings:
            again = _clean_position(normalize_thai(reading), page, doc.agency, [])
            if again and known_position(again, doc.agency, place):
                fixes.append(Correction(page, "document.signatories", value, again, "line-reread", REREAD_SCORE))
                value = again
                break
    if value and not known_position(value, doc.agency, place):
        kept = _without_glued_specks(value, doc.agency, place)
        if kept != value:
            fixes.append(Correction(page, "document.signatories", value, kept, "speck", SPECK_SCORE))
            value = kept
    if value and not known_position(value, doc.agency, place):
        # its first word's head lost under a scribble, on the page or in the re-reading of its line
        cleaned = [_clean_position(normalize_thai(r), page, doc.agency, []) or "" for r in readings]
        for text, rule in [(value, "lexicon")] + [(r, "line-reread") for r in cleaned if r]:
            whole = head_restored(text, doc.agency, place)
            if whole:
                fixes.append(Correction(page, "document.signatories", value, whole, rule, REREAD_SCORE))
                value = whole
                break
    if value:
        spaced = respaced_position(value, doc.agency, place)
        if spaced != value:
            fixes.append(Correction(page, "document.signatories", value, spaced, "lexicon", SPACING_SCORE))
            value = spaced
        # the place's last letters cut off the line (``นายกเทศมนตรีเมืองทุ่`` / ``งใหญ่`` read above it: blind
        # standard seed 141 doc 19) or read with cheap confusions: the place as the gazetteer resolved it
        placed = with_place(value, doc.agency, place)
        if placed != value:
            fixes.append(Correction(page, "document.signatories", value, placed, "gazetteer", AGENCY_SCORE))
            value = placed
    out.corrections += fixes
    return value


# one to three bare consonants glued before a position, none a vowel's carrier or a cluster's second letter (อ ว ย ร
# ล ห): no position starts so
_GLUED_SPECKS = re.compile("^[\u0e01-\u0e2d](?<![อวยรลห])(?:[\u0e01-\u0e2d](?<![อวยรลห])){0,2}")


def _without_glued_specks(value: str, agency: str | None, place: str | None) -> str:
    """A position read with specks glued before it as bare consonants (``ขฆปปลัดองค์การบริหารส่วนตำบลลอ``: blind worn
    seed 184 doc 2, seen after its scoring), without them where the rest is a known position; else as read."""
    m = _GLUED_SPECKS.match(value)
    for k in range(1, m.end() + 1 if m else 1):
        if known_position(value[k:], agency, place):
            return value[k:]
    return value


def _clean_position(position: str | None, page: int, agency: str | None, fixes: list[Correction]) -> str | None:
    """A position without specks (also Latin letters or digits OCR made of specks at its ends),
    its words repaired against the positions' vocabulary (as the page's position lines are: here
    also when the line was not taken for one), its agency written as the gazetteer resolved it;
    ``fixes`` gets the corrections."""
    if not position:
        return position
    value = _despecked_position(position, agency)
    if value != position:
        fixes.append(Correction(page, "document.signatories", position, value or "", "speck", SPECK_SCORE))
    if not value:
        return None
    repaired = repair_position(value)
    if repaired.changes:  # one correction of the whole position: its words' changes may overlap
        score = min(c.score for c in repaired.changes)
        fixes.append(Correction(page, "document.signatories", value, repaired.text, "lexicon", round(score, 1)))
    placed = with_agency(repaired.text, agency) or ""
    if placed != repaired.text:
        fixes.append(Correction(page, "document.signatories", repaired.text, placed, "gazetteer", AGENCY_SCORE))
    return placed


def _despecked_position(position: str, agency: str | None) -> str | None:
    """The position without specks (``despeck``) and without junk at its ends (``drop_edge_junk``), except a
    head taken for a lone-letter speck that the position's words need: ``ก ดการงานทั่วไปปฏิบัติการ`` repairs
    to a known position, ``ดการงานทั่วไปปฏิบัติการ`` to none (fresh worn seed 112 doc 6)."""
    kept = despeck(position)
    dropped = drop_edge_junk(kept)
    if (
        kept
        and dropped
        and dropped != kept
        and not known_position(repair_position(dropped).text, agency)
        and known_position(repair_position(kept).text, agency)
    ):
        return kept
    return dropped


def _unclear_number(value: str | None, page: Page | None) -> str | None:
    """The digit reader's flagged text whose digits the value's number is made of, or that holds the value's
    digits, if any: the OCR's own digits there are a guess (stock Tesseract cannot write ๔ ๖ ๗ ๘ ๙; ``๕๓๑๑๕!๑๓๕``
    flagged, the number cut at its misread slash to ``๕๓๑๑๕``: fresh standard seed 133 doc 1)."""
    if not value or page is None:
        return None
    have = _digits(value)
    # a flagged text inside one run: across the slash its digits meet by chance (``๒๕๓`` flagged elsewhere on the page
    # read into ``พบ ๕๑๔๓๒/๕๓``'s ๒/๕๓: fresh worn seed 168 doc 4, a right number left empty)
    runs = DIGIT_RUN.findall(value)
    for text in page.unclear_digits:
        digits = _digits(text)
        if len(digits) >= 3 and (any(digits in run for run in runs) or (len(have) >= 3 and have in digits)):
            return text
        if any(_SLASHED.fullmatch(core) and core in value for core in _script_cores(text)):
            return text
    return None


# digits on both sides of a slash: a flagged text that holds the number's slash stands where the number does
_SLASHED = re.compile("[0-9๐-๙]+/[0-9๐-๙]+")


def _script_cores(text: str) -> tuple[str, str]:
    """A flagged text's Thai digits and slashes, and its Arabic ones: ``๐/๒9`` (๐/๖, its ๖ read ``๒9``: fresh worn seed
    206 doc 4, a thick 200-dpi copy) is ``๐/๒`` in a number whose speck-like Latin 9 was dropped (``ชร ๓๒๕๓๐/๒``)."""
    return (
        "".join(ch for ch in text if ch in THAI_DIGITS or ch == "/"),
        "".join(ch for ch in text if ch in ARABIC_DIGITS or ch == "/"),
    )


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# (a quote too: ``สำนักปลัดเทศบาล' เทศบาลตำบล…``, blind worn seed 220 doc 6, seen after its scoring, a speck after the unit)
_AFTER_UNIT = ("", " ", ":", ";", ".", ",", "'", "’", "`")


def _unit_ends(after: str) -> bool:
    """Does a unit's name end before ``after`` (the next two characters): a space, a sign, or a dash standing alone
    (``กองคลัง-พัสดุ`` names another unit than กองคลัง)?"""
    return after[:1] in _AFTER_UNIT or (after[:1] in "-–" and after[1:2] in ("", " "))


def division_unit(value: str) -> str | None:
    """The unit part of the ส่วนราชการ line: a unit of ``units.txt`` it starts with as a word of its own
    (``สำนักปลัดองค์การบริหารส่วนตำบล องค์การ…``), else what comes before the agency's name."""
    # a sign may stand glued after it (``กองยุทธศาสตร์และงบประมาณ: เทศบาล…``: blind worn seed 114 doc 8; a speck's
    # dot, ``สำนักปลัด. เทศบาล…``: fresh standard seed 119 doc 16; a speck read as a dash before the space,
    # ``สำนักปลัด- องค์การ…``: fresh worn seed 174 doc 16)
    units = [u for u in load_list("units.txt") if value.startswith(u) and _unit_ends(value[len(u) : len(u) + 2])]
    if units:
        return max(units, key=len)
    for marker in ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "องค์การบริหารส่วน", "อบต", "ทต.", "ทม."):
        at = value.find(marker)
        if at > 0:
            head = value[:at].split()
            # the marker's front ending the line, written again whole after the wrap (``… องค์`` / ``องค์การ…``:
            # blind worn seed 126 doc 1, the agency's name put right on the next line)
            if len(head) > 1 and marker.startswith(head[-1]):
                head = head[:-1]
            return " ".join(head) or None
    return value.split()[0] if value.split() else None
