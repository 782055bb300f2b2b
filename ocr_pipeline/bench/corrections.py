"""Each correction of an output judged against the truth: right, harmful or neutral (issue 15.2).

A correction says ``before -> after`` in a ``field`` on a ``page``; it is

- **right** when ``before`` differs from the truth there and ``after`` equals it (wrong -> right),
- **harmful** when ``before`` equals the truth there and ``after`` does not (right -> wrong),
- **neutral** otherwise: wrong -> still wrong (counted apart as ``closer`` when fewer edits from the truth
  than before: a re-reading that got part of a word right),
- **cosmetic** when folding undoes it (a digit written in the other script, a table rule's bar dropped):
  neither right nor wrong, left out of the right share,
- **ambiguous** when its text is found at several places whose truths give different verdicts (a lone
  digit, a repeated year) and the correction carries no location to pick one,
- **unlocated** when the scorer cannot tell where in the truth it applies (reported, never guessed).

Where "there" is comes from the correction's own text. Values are compared folded (``score.fold``:
Thai digits as Arabic, whitespace collapsed, Thai Unicode normalised; whitespace is then removed, and
every dash is a hyphen).

1. Measure and step numbers (``measures.measure_no`` / ``measures.step_no``): "there" is the set of
   numbers the truth's rows on that page carry. Right: ``after`` is one of them and ``before`` is not;
   harmful: ``before`` is and ``after`` is not; both or neither: neutral. A measure cell's text
   (``measures.period_text`` ...) is judged the same way against the truth rows' values of that column on
   the page (as substrings), when exactly one of ``before`` and ``after`` is found there; otherwise 2.
2. Text (page text, table cells, document fields): the correction is found in the output's page text,
   ``before`` in ``raw_text`` (the OCR text before clean-up) or else ``after`` in ``text``; when the
   correction carries a location (``item`` such as ``p1.l3`` or ``p2.t0.r3.c1`` with ``start``/``end``, or
   ``location: {item, start, end}``) and the output has that item's text (``items``: ``{id: text}``, each
   item's text before clean-up; the corrections of an item before this one are replayed on it, so the span
   indexes the text as it was when the correction was made), the span there is used and the search is
   skipped; a change made while reading (no item) that carries ``context: [left, right]`` (its line's text
   on either side) is placed by that context instead of a search: where it stands with that context in
   the page's ``raw_text``, aligned with the page's context there, else by the line's context alone (found
   there but aligned nowhere: unlocated, not searched for elsewhere on the page). The
   benchmark writes both beside each output it makes (``<stem>.bench.json``: ``items_as_read``,
   ``Page.read_context``). The span with 12 characters of context on each side is aligned to the truth
   page's text (rapidfuzz's best partial alignment, then a character alignment inside it), and the truth
   characters facing the span are the truth "there" (truth characters the alignment inserts at the span's
   edge count in, up to 3: more means the context was lost there; a side whose context is short, or
   whose neighbouring character the alignment does not match while the span is found, leaves that edge
   where the truth best fits the span; a boundary that, moved by one character, makes the truth there exactly
   the correction's before or after, of three characters or more, is moved: junk in the context can set it a
   letter off). A span found several times is judged at each place; places that disagree make the correction
   ambiguous.
3. Failing that, a document field's correction (``document.X``) is judged against the truth's value of
   X by containment (``before`` in it, ``after`` not: harmful; the reverse: right).

A deletion made while reading with its line's context (a speck, a letter read twice) is judged first by the seam it
leaves (``_deletion_seam``): the line's text on both sides standing in the truth page with nothing between makes
it right (a phrase the page repeats included: nowhere with the deleted text), standing there with the deleted text
between makes it harmful; a side the line's edge cuts short goes on into the neighbouring lines of the page as read
where that settles it; otherwise as above.

A page line the clean-up drops whole (rule ``noise``: a row of a line's marks read apart, ``A ๐ A 1 a``) leaves no
text of its line to align by: it is right when no line or cell of the truth page is its text, harmful when one is
(``_line_dropped_verdict``).

A correction of spaces alone (rule ``spacing``: a space OCR put inside a word taken out, one put back before
``พ.ศ.``) would fold to nothing; it is judged by the truth's spaces where its item's text stood
(``judge_spacing``). A dash written as an en dash or a hyphen (rule ``dash``) would fold to itself: it is judged
by the truth cell most like its item's text that has as many dashes, that cell's dash of the same rank
(``judge_dash``).

A signatory's name or position corrected as a whole (``document.signatories``: ``before`` or ``after`` is
one of the truth's names or positions) is judged against those values first: its line on the page may
have lost more than the alignment's slack (a position's first word read as separate specks).

The counts go per rule; the benchmark reports harmful corrections as a share of the truth's words and
the share of each rule's corrections that are right.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

VERDICTS = ("right", "harmful", "neutral", "cosmetic", "ambiguous", "unlocated")
CONTEXT = 12  # folded characters of context on each side of a span
SLACK = 3  # truth characters inserted at a span's edge that still count as facing it
MIN_ALIGNMENT = 60.0  # rapidfuzz partial_ratio below which a place is not taken as found
_ITEM = re.compile(r"^p(\d+)\.")


_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2212", "------")


def squeeze(text: str) -> str:
    """The folded text without whitespace and bars, every dash a hyphen: the space in which spans are
    aligned and compared (``|`` is never content in these reports: the page text joins table cells with
    `` | ``, and a bar the OCR reads is a table rule; OCR reads a period's en dash as a hyphen, and a
    correction beside it is not this dash's)."""
    return _dashed(text).translate(_DASHES)


def judge_all(truth: dict, output: dict) -> list[dict]:
    """Every correction of ``output`` with its ``verdict`` (and ``truth`` text where it was located)."""
    tpages = {p["number"]: squeeze(p.get("text", "")) for p in truth.get("pages", [])}
    cells = {p["number"]: _truth_cells(p.get("text", "")) for p in truth.get("pages", [])}
    spaced = {p["number"]: _spaced(p.get("text", "")) for p in truth.get("pages", [])}
    dashed = {p["number"]: [_dashed(piece) for piece in _pieces(p.get("text", ""))] for p in truth.get("pages", [])}
    opages = {p["number"]: p for p in output.get("pages", []) or []}
    numbers = _truth_numbers(truth)
    corrections = output.get("corrections", []) or []
    moments = _item_moments(corrections, output.get("items") or {})
    out = []
    for c, items in zip(corrections, moments):
        if c.get("rule") == SPACING_RULE:
            verdict, where = judge_spacing(c, spaced.get(c.get("page"), ""), items)
        elif c.get("rule") == DASH_RULE:
            verdict, where = judge_dash(c, dashed.get(c.get("page"), []), items)
        else:
            page_cells = cells.get(c.get("page"), [])
            edge = _line_dropped_verdict(c, page_cells, items) or _cell_edge_verdict(c, page_cells, items)
            verdict, where = edge or judge(c, tpages, opages, numbers, truth.get("document", {}) or {}, items)
        out.append({**c, "verdict": verdict, **where})
    return out


def _truth_cells(text: str) -> list[str]:
    """The truth page's table cells and lines, each squeezed (the page text joins cells with `` | ``)."""
    return [squeeze(piece) for piece in _pieces(text)]


def _pieces(text: str) -> list[str]:
    """The truth page's table cells and lines (the page text joins cells with `` | ``)."""
    return [piece for line in text.split("\n") for piece in line.split(" | ")]


DASH_RULE = "dash"  # an en dash told from a hyphen: judged by the truth cell's own dash (``judge_dash``)
DASH_ALIGNMENT = 70.0  # the least similarity (0-100) of the truth cell that judges a dash to the item's text
_DASH_CHARS = "-\u2013\u2014"


def _dashed(text: str) -> str:
    """The folded text without whitespace and bars, each dash as it is (``squeeze`` makes every dash a hyphen)."""
    from ocr_pipeline.bench.score import fold

    return "".join(fold(text).replace("|", " ").split())


def judge_dash(c: dict, cells: list[str], items: dict | None) -> tuple[str, dict]:
    """A dash written as an en dash or a hyphen (rule ``dash``; ``squeeze`` makes every dash a hyphen), judged by
    the truth cell most like the item's text (dashes aside; ``DASH_ALIGNMENT`` at least) that has as many dashes:
    right when its dash of the same rank is ``after``, harmful when it is ``before``; several equally like cells
    that disagree: ambiguous; none: unlocated."""
    item, start = c.get("item"), c.get("start")
    if not items or item not in items or start is None:
        return "unlocated", {}
    text = _dashed(items[item] or "")
    rank = sum(ch in _DASH_CHARS for ch in _dashed((items[item] or "")[:start]))
    count = sum(ch in _DASH_CHARS for ch in text)
    plain = text.translate(_DASHES)
    scored = [
        (Levenshtein.normalized_similarity(plain, cell.translate(_DASHES)) * 100, cell)
        for cell in cells
        if sum(ch in _DASH_CHARS for ch in cell) == count
    ]
    best = max((score for score, _cell in scored), default=0.0)
    if best < DASH_ALIGNMENT:
        return "unlocated", {}
    found = {[ch for ch in cell if ch in _DASH_CHARS][rank] for score, cell in scored if score == best}
    if len(found) != 1:
        return "ambiguous", {}
    truth = found.pop()
    before, after = (c.get("before") or "").strip(), (c.get("after") or "").strip()
    if truth == after != before:
        return "right", {"truth": truth}
    if truth == before != after:
        return "harmful", {"truth": truth}
    return "neutral", {"truth": truth}


CELL_CONTEXT = 6  # folded characters on each side of a cut inside a cell that must stand in a truth cell as they are
_TABLE_ITEM = re.compile(r"^p\d+\.t\d+\.r\d+\.c\d+$")


_LINE_ITEM = re.compile(r"p\d+\.l\d+$")


def _line_dropped_verdict(c: dict, lines: list[str], items: dict | None) -> tuple[str, dict] | None:
    """A page line dropped whole by the clean-up (a row of a line's marks read apart: ``A ๐ A 1 a``): right when no
    line or cell of the truth page is its text, harmful when one is. Its item holds nothing else to align it by, and
    its neighbour lines as read differ from the truth where their marks went into it. None for any other change."""
    located = _from_location(c, items)
    if c.get("after") or located is None or not _LINE_ITEM.match(str(c.get("item"))):
        return None
    _page, text, start, end = located
    if start != 0 or end != len(text) or not text:
        return None
    return ("harmful", {"truth": text}) if text in lines else ("right", {"truth": "", "why": "no such line"})


def _cell_edge_verdict(c: dict, cells: list[str], items: dict | None) -> tuple[str, dict] | None:
    """A change at a table cell's end or start (a speck cut after the last word: ``กองคลัง .``; ไ read as a bracket
    at its start: ``[ด้ดำเนินการ``): judged by the truth cells that hold the text it leaves beside it there. Aligned
    in the page's text the change would face the next cell's first characters (``ต.ค.`` after ``กองคลัง``), the
    bars between cells being no content. Right when such a truth cell has exactly the new text there (nothing, for
    a cut) and none the old, harmful the other way round. A change inside a cell (``ข่าวสารของ . ประชาชน``, fresh worn
    seed 112 doc 16) is right when a truth cell holds the six characters on each side (fewer where the cell's edge
    is nearer: then at the truth cell's edge too, ``ทุกส่วนราชการ . ทราบ``) with the new text between and none with
    the old, harmful the other way round. None otherwise (judged by ``judge``)."""
    located = _from_location(c, items)
    where = c.get("location")
    loc: dict = where if isinstance(where, dict) else c
    if located is None or not _TABLE_ITEM.match(str(loc.get("item") or "")):
        return None
    _page, text, start, end = located
    span, after = text[start:end], squeeze(c.get("after") or "")
    if not span or span == after:
        return None
    if end == len(text) and start >= 4:
        kept = text[max(0, start - CONTEXT) : start]
        faced = [cell[i + len(kept) :] for cell in cells for i in _finds(cell, kept)]
        new_in, old_in = after in faced, span in faced  # the truth cell's whole rest there
    elif start == 0 and len(text) - end >= 4:
        kept = text[end : end + CONTEXT]
        faced = [cell[:i] for cell in cells for i in _finds(cell, kept)]
        new_in, old_in = after in faced, span in faced  # the truth cell's whole head there
    elif 0 < start and end < len(text):  # inside the cell: both sides found verbatim (to the cell's edge if near)
        left, right = text[max(0, start - CELL_CONTEXT) : start], text[end : end + CELL_CONTEXT]
        if len(left) + len(right) < CELL_CONTEXT:
            return None
        edges = (start <= CELL_CONTEXT, len(text) - end <= CELL_CONTEXT)
        new_in = any(_holds(cell, left, after, right, *edges) for cell in cells)
        old_in = any(_holds(cell, left, span, right, *edges) for cell in cells)
    else:
        return None
    if new_in == old_in:
        return None
    return ("right", {"truth": after, "why": "a truth cell has it there"}) if new_in else ("harmful", {"truth": span})


def _holds(cell: str, left: str, middle: str, right: str, from_start: bool, to_end: bool) -> bool:
    """Does the truth cell hold ``left + middle + right``, at its start when ``left`` reaches the output cell's
    start and at its end when ``right`` reaches the output cell's end?"""
    whole = left + middle + right
    return any((not from_start or i == 0) and (not to_end or i + len(whole) == len(cell)) for i in _finds(cell, whole))


def _finds(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(part)})", text)] if part else []


SPACING_RULE = "spacing"  # corrections of whitespace alone: judged by the truth's spaces (``judge_spacing``)
SPACING_CONTEXT = 6  # characters (spaces aside) on each side of a space that place it in the truth


def _spaced(text: str) -> str:
    """The folded text with its spaces kept as single spaces and its line breaks as they are, bars dropped,
    every dash a hyphen."""
    from ocr_pipeline.bench.score import fold

    return "\n".join(" ".join(fold(ln).translate(_DASHES).replace("|", " ").split()) for ln in text.split("\n"))


def judge_spacing(c: dict, truth_text: str, items: dict | None) -> tuple[str, dict]:
    """A correction that only adds or removes spaces (rule ``spacing``): right when the truth has the
    spacing of ``after`` where the correction's item text stood, harmful when it has that of ``before``.
    The place is found by ``SPACING_CONTEXT`` characters of the item's text on each side, in the truth's
    text with any spaces between them; several places that disagree: ambiguous; none: unlocated."""
    before, after = c.get("before") or "", c.get("after") or ""
    item, start, end = c.get("item"), c.get("start"), c.get("end")
    if not items or item not in items or start is None or end is None:
        return "unlocated", {}
    text = items[item]
    left, right = squeeze(text[:start])[-SPACING_CONTEXT:], squeeze(text[end:])[:SPACING_CONTEXT]
    core = squeeze(before)
    if not left or not right:
        return "unlocated", {}
    pattern = _spaced_pattern(left + core, right)
    gaps = [m.group(1) for m in pattern.finditer(truth_text)] if pattern else []
    found = {g == " " for g in gaps if g != "\n"}  # a line break of the truth says nothing of a space there
    if not gaps:  # context misread: aligned as the others are
        gap = _aligned_gap(squeeze(text[:start]), core, squeeze(text[end:]), truth_text)
        found = {gap == " "} if gap in (" ", "") else set()
    if not found:
        return "unlocated", {}
    if len(found) > 1:
        return "ambiguous", {}
    truth_spaced = found.pop()
    b_spaced, a_spaced = " " in before, " " in after  # the space taken out (" " -> ""), or put in ("ณ" -> "ณ ")
    if a_spaced == truth_spaced and b_spaced != truth_spaced:
        return "right", {"truth": "spaced" if truth_spaced else "joined"}
    if b_spaced == truth_spaced and a_spaced != truth_spaced:
        return "harmful", {"truth": "spaced" if truth_spaced else "joined"}
    return "neutral", {}


SPACING_ALIGNMENT = 75.0  # a context with misread letters: the least rapidfuzz alignment score that places it


def _aligned_gap(left: str, core: str, right: str, truth_text: str) -> str | None:
    """What the truth has (``" "``, ``""`` or a line break) where ``left + core`` meets ``right``, found by
    aligning the context to the truth's text as ``_align`` does; None when the alignment is weak or the
    characters on either side of the junction are not matched."""
    gaps: list[str] = []  # for each character of the squeezed truth, the whitespace before it
    chars: list[str] = []
    pending = ""
    for ch in truth_text:
        if ch in " \n":
            pending = "\n" if "\n" in (pending, ch) else " "
            continue
        chars.append(ch)
        gaps.append(pending)
        pending = ""
    truth = "".join(chars)
    window = left[-CONTEXT:] + core + right[:CONTEXT]
    junction = len(left[-CONTEXT:]) + len(core)
    hit = fuzz.partial_ratio_alignment(window, truth) if window and truth else None
    if hit is None or hit.score < SPACING_ALIGNMENT or not 0 < junction < len(window):
        return None
    lo = max(0, hit.dest_start - CONTEXT)
    region = truth[lo : min(len(truth), hit.dest_end + CONTEXT)]
    matched = _matched(window, region)
    first, last = _boundaries(window, region)
    if junction - 1 not in matched or junction not in matched or first[junction] != last[junction]:
        return None
    at = lo + first[junction]
    return gaps[at] if at < len(gaps) else None


def _spaced_pattern(left: str, right: str) -> re.Pattern[str] | None:
    """``left`` then ``right`` with an optional space or line break between all their characters; group 1:
    what stands between the two."""
    if not left or not right:
        return None
    gap = "[ \n]?"
    body = gap.join(re.escape(ch) for ch in left) + "([ \n]?)" + gap.join(re.escape(ch) for ch in right)
    return re.compile(body)


def _item_moments(corrections: list[dict], items: dict) -> list[dict | None]:
    """For each correction, ``{item: its text when the correction was made}`` (the item's text before
    clean-up with the item's earlier corrections replayed), or None when it names no known item."""
    texts = dict(items)
    out: list[dict | None] = []
    for c in corrections:
        located = c.get("location")
        loc: dict = located if isinstance(located, dict) else c
        item, start, end = loc.get("item") or loc.get("id"), loc.get("start"), loc.get("end")
        if not item or item not in texts or start is None or end is None:
            out.append(None)
            continue
        text = texts[item] or ""
        out.append({item: text})
        if text[start:end] == (c.get("before") or ""):
            texts[item] = text[:start] + (c.get("after") or "") + text[end:]
    return out


def items_as_read(final: dict[str, str], corrections: list[dict]) -> dict[str, str]:
    """Each item's text before clean-up, from its final text with its located corrections undone
    (last first); an item whose text does not allow the undoing is left out."""
    texts = dict(final)
    broken: set[str] = set()
    for c in reversed(corrections):
        item, start = c.get("item"), c.get("start")
        if item not in texts or start is None:
            continue
        after, text = c.get("after") or "", texts[item]
        if text[start : start + len(after)] != after:
            broken.add(item)
            continue
        texts[item] = text[:start] + (c.get("before") or "") + text[start + len(after) :]
    return {k: v for k, v in texts.items() if k not in broken}


def judge(
    c: dict, tpages: dict[int, str], opages: dict[int, dict], numbers: dict, tdoc: dict, items: dict | None = None
) -> tuple[str, dict]:
    """(verdict, details) of one correction; see the module docstring."""
    before, after = squeeze(c.get("before") or ""), squeeze(c.get("after") or "")
    field = c.get("field") or ""
    if before == after:
        return "cosmetic", {"why": "equal when folded"}
    name = field.split(".", 1)[1] if field.startswith("measures.") else None
    if name in ("measure_no", "step_no"):
        have = numbers.get((name, c.get("page")), set()) or numbers.get((field, None), set())
        if name == "step_no":  # a step written with its measure's number (๓.๒, ๓๒ glued): the step's part
            before, after = before.rsplit(".", 1)[-1], after.rsplit(".", 1)[-1]
        return _by_membership(before, after, have), {"truth": sorted(have)}
    if name and (name, c.get("page")) in numbers:  # a cell's text: the truth rows' values on that page
        values = numbers[(name, c.get("page"))]
        b_in = bool(before) and any(before in v for v in values)
        a_in = bool(after) and any(after in v for v in values)
        if a_in != b_in:
            return ("right" if a_in else "harmful"), {"truth": sorted(values)[:3]}
    if field == "document.signatories":
        verdict = _signatory_verdict(before, after, tdoc.get("signatories") or [])
        if verdict:
            return verdict, {"truth": "signatories"}
    key = field.split(".", 1)[1] if field.startswith("document.") else None
    value = squeeze(str(tdoc[key])) if key and tdoc.get(key) not in (None, "", []) else None
    if value is not None and c.get("item") is None:
        # a field's value corrected (no page item): its truth value decides when it holds one side
        # only (a two-letter prefix such as ``ลท`` is found anywhere in the page's text)
        b_in, a_in = (before in value) if before else False, (after in value) if after else False
        if a_in != b_in:
            return ("right" if a_in else "harmful"), {"truth": value}
    seam = _deletion_seam(_with_item_context(c, after, items), before, after, tpages, opages)
    if seam is not None:
        return seam
    spans = _truth_spans(c, before, after, tpages, opages, items)
    if spans:
        verdicts = {_compare_changed(before, after, t) for t in spans}
        if len(verdicts) == 1:
            verdict = verdicts.pop()
            if verdict == "harmful" and _speck_without_its_line(c, before, after, tpages):
                return "unlocated", {"truth": spans[0], "why": "a short deletion whose line the truth does not hold"}
            closer = verdict == "neutral" and _closer(before, after, spans[0])
            return verdict, {"truth": spans[0], **({"closer": True} if closer else {})}
        return "ambiguous", {"truth": spans[0]}
    if value is not None:
        b_in, a_in = (before in value) if before else False, (after in value) if after else False
        if a_in and not b_in:
            return "right", {"truth": value}
        if b_in and not a_in:
            return "harmful", {"truth": value}
        return "neutral", {"truth": value}
    return "unlocated", {}


SEAM_SIDE = 4  # folded characters of a deletion's line a side must give at the least (a line's first word: ``บัดนี``)
SEAM_CONTEXT = 6  # ... and the two sides ``SEAM_SIDE`` more than this together (10 characters)
# ... or a side this short where the other gives its whole ``CONTEXT`` (``บัด`` | ``นี้`` | ``นี้ สำนักปลัดได``: the line's first
# word, the line before it read as garbage; fresh worn seed 218 doc 5, a right deletion judged harmful by alignment)
SEAM_SHORT_SIDE = 2


def _deletion_seam(
    c: dict, before: str, after: str, tpages: dict[int, str], opages: dict[int, dict] | None = None
) -> tuple[str, dict] | None:
    """A deletion made while reading (``after`` empty, its line's ``context`` given), judged by the seam it leaves:
    right when the truth page holds the line's ``CONTEXT`` characters on each side (``SEAM_SIDE`` at the least,
    ``SEAM_CONTEXT + SEAM_SIDE`` in all) with nothing between and nowhere with ``before`` between; harmful the other
    way round; None otherwise. A letter read twice (``บัดนี นี้``) leaves บัดนี้ whichever copy goes: aligned alone,
    the span faces the first copy's letters in the truth. A side the line's edge cuts short (``บัด`` | ``นี`` |
    ``นี้ ได้…``: the line's first word) goes on into the lines before or after it on the page as read
    (``_across_lines``) where that settles the seam either way; the line's own context judges otherwise."""
    sides = _deletion_sides(c, before, after, CONTEXT)
    if sides is None:
        return None
    left, right = sides
    truth = tpages.get(int(c.get("page") or 0), "")
    if opages and truth and min(len(left), len(right)) < CONTEXT:
        wide_left, wide_right = _across_lines(c, before, left, right, opages)
        joined, kept = _seam_in(truth, wide_left, before, wide_right)
        # only a seam the wider context settles on both sides (its neighbour lines may be garbled)
        if min(len(wide_left), len(wide_right)) >= SEAM_SIDE and joined != kept:
            return _seam_verdict(joined, before)
    short_ok = min(len(left), len(right)) >= SEAM_SHORT_SIDE and max(len(left), len(right)) >= CONTEXT
    if (min(len(left), len(right)) < SEAM_SIDE and not short_ok) or len(left + right) < SEAM_CONTEXT + SEAM_SIDE:
        return None
    if not truth:
        return None
    joined, kept = _seam_in(truth, left, before, right)
    if joined == kept:
        return None if joined or c.get("rule") != "double-read" else _seam_by_fit(left, before, right, truth)
    return _seam_verdict(joined, before)


def _seam_in(truth: str, left: str, before: str, right: str) -> tuple[bool, bool]:
    """Does ``truth`` hold the seam (``left`` + ``right``), and does it hold them with ``before`` between?"""
    return left + right in truth, left + before + right in truth


def _seam_verdict(joined: bool, before: str) -> tuple[str, dict]:
    """Right where the truth holds the seam (and not the deleted text there), harmful the other way round."""
    return ("right", {"truth": "", "why": "the seam stands in the truth"}) if joined else ("harmful", {"truth": before})


def _across_lines(c: dict, before: str, left: str, right: str, opages: dict[int, dict]) -> tuple[str, str]:
    """``left`` and ``right`` (a deletion's line's context) carried on to ``CONTEXT`` characters each into the page's
    text as read (its ``raw_text``, lines joined) where the line's context with or without ``before`` between stands
    there once; as given otherwise."""
    raw = squeeze((opages.get(int(c.get("page") or 0)) or {}).get("raw_text") or "")
    for middle in (before, ""):
        whole = left + middle + right
        if raw.count(whole) == 1:
            at = raw.index(whole)
            end = at + len(whole)
            return raw[max(at + len(left) - CONTEXT, 0) : at + len(left)], raw[
                end - len(right) : end - len(right) + CONTEXT
            ]
    return left, right


def _seam_by_fit(left: str, before: str, right: str, truth: str) -> tuple[str, dict] | None:
    """A double read's deletion whose line's context stands in the truth page with other misreadings of its own
    (``ความเสียงให้`` for เสี่ยง, the seam of ``ให้ผู้ ผู้บริหาร``): judged by which side fits the truth better, the line
    without the deleted copy or with it, by at least half the deleted text's length in edits (the best-matching stretch
    of the page). Only a double read's: a speck's deleted letters may fit a stretch of the page by chance (``Co``)."""
    need = max(1, (len(before) + 1) // 2)
    joined, kept = _fit(left + right, truth), _fit(left + before + right, truth)
    if kept - joined >= need:
        return "right", {"truth": "", "why": "the seam fits the truth better without it"}
    if joined - kept >= need:
        return "harmful", {"truth": before, "why": "the seam fits the truth better with it"}
    return None


def _fit(text: str, truth: str) -> int:
    """Edits between ``text`` and the stretch of ``truth`` it matches best."""
    at = fuzz.partial_ratio_alignment(text, truth)
    return Levenshtein.distance(text, truth[at.dest_start : at.dest_end]) if at is not None else len(text)


def _with_item_context(c: dict, after: str, items: dict | None) -> dict:
    """A deletion made by the clean-up (``after`` empty, placed by its item and span) with its item's text on either
    side as its ``context``, like a deletion made while reading: judged by the seam it leaves (``ให้ผู้ ผู้บริหาร``:
    aligned alone, the deleted ``ผู้`` faced the truth's own ผู้ and came out harmful)."""
    located = None if after or c.get("context") else _from_location(c, items)
    if located is None:
        return c
    _page, text, start, end = located
    return {**c, "context": [text[:start], text[end:]]}


def _deletion_sides(c: dict, before: str, after: str, size: int) -> tuple[str, str] | None:
    """(left, right): ``size`` squeezed characters of a deletion's line on each side (its ``context``), when the
    correction is a deletion made while reading; None otherwise."""
    around = c.get("context")
    if after or not before or not isinstance(around, (list, tuple)) or len(around) != 2:
        return None
    return squeeze(around[0] or "")[-size:], squeeze(around[1] or "")[:size]


SPECK_SPAN = 2  # folded characters: a deletion this short is placed by its line's context, not by its own letters


def _speck_without_its_line(c: dict, before: str, after: str, tpages: dict[int, str]) -> bool:
    """A deletion made while reading of at most ``SPECK_SPAN`` characters (a speck read as ``a``, ``0``, ``.``) whose
    line's context does not stand beside the deleted text in the truth page on either side (``SEAM_SIDE`` characters):
    the alignment found the letter elsewhere (a lone ``a`` of a garbled header row faced the ``a`` of a web address:
    worn seed 148 doc 13), which is no evidence the truth has it there."""
    sides = _deletion_sides(c, before, after, SEAM_SIDE)
    if sides is None or len(before) > SPECK_SPAN:
        return False
    left, right = sides
    truth = tpages.get(int(c.get("page") or 0), "")
    beside = (len(left) == SEAM_SIDE and left + before in truth) or (
        len(right) == SEAM_SIDE and before + right in truth
    )
    return not beside


def _signatory_verdict(before: str, after: str, signatories: list[dict]) -> str | None:
    """A signatory's name or position corrected as a whole: judged against the truth's names and
    positions (the page text may have lost more around it than the alignment's slack allows).
    None when neither ``before`` nor ``after`` is one of them (a part of a value: judged in the text)."""
    values = {squeeze(s.get(k) or "") for s in signatories for k in ("name", "position")} - {""}
    b_in, a_in = before in values, after in values
    if a_in and not b_in:
        return "right"
    if b_in and not a_in:
        return "harmful"
    return None


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common front and back of two texts, cut where no Thai mark is parted from its
    consonant (``ที`` and ``ที่`` share nothing: the mark's consonant is changed too)."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    while p and not (_whole(a, p) and _whole(b, p)):
        p -= 1
    q = 0
    while q < min(len(a), len(b)) - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    while q and not (_whole(a, len(a) - q) and _whole(b, len(b) - q)):
        q -= 1
    return p, q


def _compare_changed(before: str, after: str, truth: str) -> str:
    """The verdict on what the correction changed: ``before`` and ``after`` without their common
    front and back, against the part of ``truth`` facing that part of ``after`` (``AA. ๒๕๒๕`` ->
    ``ต.ค. ๒๕๒๕`` is right where the truth reads ``ต.ค. ๒๕๖๘``: the year is another rule's)."""
    p, q = _common_ends(before, after)
    if not p and not q:
        return _compare(before, after, truth)
    first, last = _boundaries(after, truth)
    a, b = p, len(after) - q
    start = first[a] if last[a] - first[a] <= SLACK else last[a]
    end = last[b] if last[b] - first[b] <= SLACK else first[b]
    return _compare(before[p : len(before) - q], after[a:b], truth[start : max(start, end)])


def _closer(before: str, after: str, truth: str) -> bool:
    """A neutral correction that still took the text closer to the truth (fewer edits away)."""
    return Levenshtein.distance(after, truth) < Levenshtein.distance(before, truth)


def _compare(before: str, after: str, truth: str) -> str:
    if after == truth:
        return "right"
    if before == truth:
        return "harmful"
    return "neutral"


def _by_membership(before: str, after: str, have: set[str]) -> str:
    b_in, a_in = before in have, after in have
    if a_in and not b_in:
        return "right"
    if b_in and not a_in:
        return "harmful"
    return "neutral"


def _truth_numbers(truth: dict) -> dict:
    """(field, page) -> the measure or step numbers the truth's rows on that page carry; (field, None):
    all pages."""
    out: dict = {}
    for m in truth.get("measures", []) or []:
        for name in ("measure_no", "step_no"):
            if m.get(name) is None:
                continue
            for key in ((name, m.get("page")), ("measures." + name, None)):
                out.setdefault(key, set()).add(str(m[name]))
        for name in ("measure", "step", "responsible", "period_text", "result"):
            if m.get(name):
                out.setdefault((name, m.get("page")), set()).add(squeeze(m[name]))
    return out


def _truth_spans(
    c: dict, before: str, after: str, tpages: dict[int, str], opages: dict[int, dict], items: dict | None
) -> list[str]:
    """The truth text facing the correction at each place it is found in the output."""
    page = c.get("page")
    numbers = [page] if page in tpages else list(tpages)
    located = _from_location(c, items)
    around = c.get("context")
    if located is None and isinstance(around, (list, tuple)) and len(around) == 2 and (around[0] or around[1]):
        left, right = squeeze(around[0] or ""), squeeze(around[1] or "")
        seen, placed = _in_raw_text(left, before, right, after, numbers, tpages, opages)
        placed = placed or [t for n in numbers for t in [_align(left, before, right, tpages[n], after)] if t][:1]
        if placed or seen:
            return placed  # found in its line but not in the truth: unlocated, not searched for elsewhere
    if located is not None:
        item_page, text, start, end = located
        pages = [item_page] if item_page in tpages else numbers
        # a transcript may break its pages elsewhere than the scan: then the other pages are tried
        for group in (pages, [n for n in tpages if n not in pages]):
            found = [
                t
                for n in group
                for t in [_align(text[:start], text[start:end], text[end:], tpages[n], after)]
                if t is not None
            ][:1]
            if found:
                return found
        return []
    out = []
    for n in numbers:
        op = opages.get(n, {})
        for source, span in ((op.get("raw_text", "") or "", before), (op.get("text", "") or "", after)):
            flat = squeeze(source)
            if not span or span not in flat:
                continue
            for m in re.finditer(re.escape(span), flat):
                t = _align(
                    flat[: m.start()], span, flat[m.end() :], tpages.get(n, ""), after if span == before else before
                )
                if t is not None:
                    out.append(t)
            break  # found in the raw text: the cleaned text is not searched
        if out and page in tpages:
            break
    return out


def _in_raw_text(
    left: str, span: str, right: str, other: str, numbers: list, tpages: dict[int, str], opages: dict[int, dict]
) -> tuple[bool, list[str]]:
    """(whether it is there, the truth facing ``span``) where its line's text on either side (``left``,
    ``right``) puts it in the page's text before clean-up, aligned with the page's context there (more
    than its line may give)."""
    seen, out = False, []
    for n in numbers:
        flat = squeeze(opages.get(n, {}).get("raw_text", "") or "")
        for m in re.finditer(re.escape(left + span + right), flat) if span else ():
            seen = True
            a = m.start() + len(left)
            found = _align(flat[:a], span, flat[a + len(span) :], tpages[n], other)
            if found is not None:
                out.append(found)
        if out:
            break
    return seen, out


def _from_location(c: dict, items: dict | None) -> tuple[int | None, str, int, int] | None:
    """(page, squeezed item text, span start, end) from a correction's location, when the output has it."""
    located = c.get("location")
    loc: dict = located if isinstance(located, dict) else c
    item, start, end = loc.get("item") or loc.get("id"), loc.get("start"), loc.get("end")
    if not item or start is None or end is None or not items or item not in items:
        return None
    text = items[item] or ""
    m = _ITEM.match(item)
    # squeeze the pieces separately so the span keeps its place
    head, span, tail = squeeze(text[:start]), squeeze(text[start:end]), squeeze(text[end:])
    return (int(m.group(1)) if m else None, head + span + tail, len(head), len(head) + len(span))


def _align(left: str, span: str, right: str, truth: str, other: str = "") -> str | None:
    """The part of ``truth`` facing ``span`` when ``left + span + right`` is aligned to it.

    Where a boundary is loose (truth characters inserted there, or no context on that side: the span
    ends its line), it is set where the truth piece is closest to ``span`` or to ``other`` (the
    correction's other side): ``บ้ามเสียร`` ending a line faces ``บ้านเสี้ยว`` of ``บ้านเสี้ยวได้สร``.
    """
    left, right = left[-CONTEXT:], right[:CONTEXT]
    window = left + span + right
    if not window or not truth:
        return None
    hit = fuzz.partial_ratio_alignment(window, truth)
    if hit is None or hit.score < MIN_ALIGNMENT:
        return None
    lo = max(0, hit.dest_start - CONTEXT)
    hi = min(len(truth), hit.dest_end + CONTEXT)
    region = truth[lo:hi]
    first, last = _boundaries(window, region)
    a, b = len(left), len(left) + len(span)
    # truth characters inserted at a boundary belong to the span, unless there are many (context lost)
    start = first[a] if last[a] - first[a] <= SLACK else last[a]
    end = last[b] if last[b] - first[b] <= SLACK else first[b]
    versions = [v for v in (span, other) if v]
    # the truth may part a mark from its consonant only where the output's text does
    cut_front, cut_back = span[:1] in _MARKS, right[:1] in _MARKS
    if versions:
        reach = max(len(v) for v in versions) + SLACK
        # context the alignment does not match holds no boundary, where the span itself is found
        matched = _matched(window, region)
        found = 2 * len(matched.intersection(range(a, b))) >= b - a > 0
        open_left = len(left) < EDGE or (found and a - 1 not in matched)
        open_right = len(right) < EDGE or (found and b not in matched)
        if _split_by_context(span, other, found, left, right):
            # none of the span's own letters matched (a number read all wrong, ``lomo`` for ๒๓๑๖), or a number whose
            # digits the truth holds in many places (``๑๒๓`` -> ``๑๒๗`` at a line's end matched the ``๑๒๓`` of the
            # next line's ``๑๑๒๓``): the character alignment places its ends by chance; the truth is split where the
            # contexts fit best around it (fresh worn seed 222 doc 7, a right reading judged harmful)
            start, end = _split_between(left, right, region, versions, first[a], last[b], reach)
        else:
            if open_left and not open_right:
                starts = range(max(0, end - reach), end + 1)
            elif open_right and not open_left:  # the span ends its line: it starts where its left context ends (truth
                # inserted there belongs after it: ``(รอบ ๐`` ending a line faces ๖ of ``(รอบ ๖เดือน)``, not the น)
                starts = range(first[a], min(len(region), first[a] + SLACK) + 1)
            else:
                starts = _loose(start, first[a], last[a], open_left, reach, len(region))
            ends = _loose(end, first[b], last[b], False, reach, len(region))
            start, end = min(
                (
                    (s, e)
                    for s in starts
                    for e in (range(s, min(len(region), s + reach) + 1) if open_right else ends)
                    if s <= e and (cut_front or _whole(region, s)) and (cut_back or _whole(region, e))
                ),
                key=lambda se: (
                    min(Levenshtein.distance(v, region[se[0] : se[1]]) for v in versions),
                    abs(se[1] - se[0] - len(other)),  # a tie: the truth there holds the correction's result
                    abs(se[0] - start) + abs(se[1] - end),
                ),
                default=(start, end),
            )
    # letters a correction puts back before or after the span (``ลาคม`` -> ``ตุลาคม``: the first letters of a line
    # that OCR left out) face the truth's letters there when the truth has them, or letters near them (``อง`` ->
    # ``เรือง`` faces ``เรื่อง``, the correction one mark short): the truth inserted at that boundary belongs to the
    # span as much as the correction's letters do; only when the truth so taken is nearer the correction
    put_back = other and len(other) > len(span) and (other.endswith(span) or other.startswith(span))
    front = bool(other) and other.endswith(span)
    k = len(other) - len(span)
    # ... unless the output has them there already (the context's own letters: ``ุณธรรม`` -> ``คุณธรรม`` after ``ค``)
    if put_back and not (left.endswith(other[:k]) if front else right.startswith(other[-k:])):
        options = [(start - n, end) if front else (start, end + n) for n in (k, k - 1, k + 1) if n > 0]
        options = [
            (s0, e0)
            for s0, e0 in options
            if 0 <= s0 <= e0 <= len(region)
            and Levenshtein.distance(region[s0:start] if front else region[end:e0], other[:k] if front else other[-k:])
            <= max(1, k // 2)
        ]
        best = min(options, key=lambda se: Levenshtein.distance(region[se[0] : se[1]], other), default=(start, end))
        if Levenshtein.distance(region[best[0] : best[1]], other) < Levenshtein.distance(region[start:end], other):
            start, end = best
    while not cut_front and 0 < start < len(region) and not _whole(region, start):
        start -= 1  # a mark stays with its consonant
    while not cut_back and end < len(region) and not _whole(region, end):
        end += 1
    return _shifted_to_a_version(region, start, end, versions)


def _split_by_context(span: str, other: str, found: bool, left: str, right: str) -> bool:
    """Is a span placed by ``_split_between``: a change (not a deletion) of a span the alignment did not find, or of
    a number, with context on one side at the least."""
    return (
        bool(span and other)
        and (not found or bool(_DIGITS_ONLY.fullmatch(span + other)))
        and (max(len(left), len(right)) >= EDGE)
    )


def _split_between(
    left: str, right: str, region: str, versions: list[str], first: int, last: int, reach: int
) -> tuple[int, int]:
    """(start, end) of the truth facing a span between ``left`` and ``right`` in ``region``: the split where the
    context before it, the span (as read or as corrected, the nearer; its misfit counted twice, so that letters the
    context lacks are not taken into it) and the context after it fit the truth best, anywhere in the region, the span
    at most ``reach`` long; ties go to the length of the correction's side, then to the alignment's ends ``first`` and
    ``last``."""
    best: tuple[int, int, int, int, int] | None = None
    for s0 in range(len(region) + 1):
        before = Levenshtein.distance(left, region[max(0, s0 - len(left)) : s0])
        for e0 in range(s0, min(len(region), s0 + reach) + 1):
            if not (_whole(region, s0) and _whole(region, e0)):
                continue
            cost = before + 2 * min(Levenshtein.distance(v, region[s0:e0]) for v in versions)
            cost += Levenshtein.distance(right, region[e0 : e0 + len(right)])
            key = (cost, abs(e0 - s0 - len(versions[-1])), abs(s0 - first) + abs(e0 - last), s0, e0)
            if best is None or key < best:
                best = key
    return (best[3], best[4]) if best else (first, last)


def _shifted_to_a_version(region: str, start: int, end: int, versions: list[str]) -> str:
    """``region[start:end]``, or where one boundary moved by ``SHIFT`` character makes it exactly one of the
    correction's sides: a boundary the alignment set one character off where the context's junk faces a truth
    letter (``๑๕ะ WE.`` -> ``พ.ย.`` against ``๑๕ พ.ย.`` faced ``.ย.``). Two sides so found (or none): as set."""
    here = region[start : max(start, end)]
    if here in versions:
        return here
    found = {
        region[s:e]
        for s, e in ((start - SHIFT, end), (start + SHIFT, end), (start, end - SHIFT), (start, end + SHIFT))
        if 0 <= s < e <= len(region)
        and _whole(region, s)
        and _whole(region, e)
        and region[s:e] in versions
        and e - s >= SHIFT_LEAST  # a letter or two is found beside anything (``ะ``)
    }
    return found.pop() if len(found) == 1 else here


SHIFT = 1  # characters a span's boundary may move to make it exactly the correction's before or after
SHIFT_LEAST = 3  # characters: a shorter side is not looked for so


_DIGITS_ONLY = re.compile(r"[0-9๐-๙/.,-]+")  # a number's characters, folded
EDGE = 3  # fewer context characters than this on a side leave that boundary loose
_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def _matched(a: str, b: str) -> set[int]:
    """Positions of ``a`` the character alignment to ``b`` matches with an equal character."""
    out: set[int] = set()
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            out.update(range(op.src_start, op.src_end))
    return out


def _whole(text: str, at: int) -> bool:
    """A boundary that does not cut a Thai mark from its consonant (``ที|่``)."""
    return at >= len(text) or text[at] not in _MARKS


def _loose(at: int, first: int, last: int, open_side: bool, reach: int, size: int) -> range:
    """The boundary positions to try: ``at`` alone, the inserted stretch ``first..last`` when short,
    or ``reach`` either side when the side has no context (both sides open)."""
    if open_side:
        return range(max(0, at - reach), min(size, at + reach) + 1)
    if last - first <= SLACK:
        return range(first, last + 1)
    return range(at, at + 1)


def _boundaries(a: str, b: str) -> tuple[list[int], list[int]]:
    """For each boundary i of ``a`` (0..len), the first and the last boundary of ``b`` it faces in the
    character alignment (truth characters inserted at a boundary lie between the two)."""
    first: list[int | None] = [None] * (len(a) + 1)
    last: list[int | None] = [None] * (len(a) + 1)

    def put(i: int, j: int) -> None:
        f, la = first[i], last[i]
        first[i] = j if f is None else min(f, j)
        last[i] = j if la is None else max(la, j)

    for op in Levenshtein.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "insert":
            put(i1, j1)
            put(i1, j2)
            continue
        n, m = i2 - i1, j2 - j1
        for k in range(n + 1):
            put(i1 + k, j1 + (k * m) // n)
    return [0 if v is None else v for v in first], [0 if v is None else v for v in last]


def tally(judged: list[dict]) -> dict[str, Counter]:
    """rule -> Counter of verdicts."""
    out: dict[str, Counter] = {}
    for c in judged:
        counts = out.setdefault(c.get("rule") or "?", Counter())
        counts[c["verdict"]] += 1
        if c.get("closer"):
            counts["closer"] += 1  # neutral, but closer to the truth: not a verdict of its own
    return out
