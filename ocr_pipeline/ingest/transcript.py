"""Read OCR transcripts written by other OCR engines (.txt, .md, .html), page by page.

``read_transcript(path)`` returns ``TranscriptPage``s: the page text in reading order with the markup
removed (a table as one line per row, cells joined with " | " exactly as ``Table.grid()`` rows) and
the parsed ``Table``s. Markdown/HTML parsing itself lives in ``markup_tables``.

Page breaks recognised (pages are numbered 1, 2, ... in file order; numbers inside markers are not used):

- form feed ``\\f`` (Tesseract, pdftotext, this project's own ``<stem>.txt``); a final one ends the
  last page, it does not open an empty one;
- ``<!-- page 2 -->``, ``<!-- Page 2 of 5 -->``, ``<!-- page: 2 -->``, ``<!-- หน้า ๒ -->`` (each opens a
  page; what comes before the first is a page only if it has text), and ``<!-- page break -->``,
  ``<!-- PageBreak -->`` (Azure Document Intelligence; docling's ``page_break_placeholder`` as it is
  usually set) between pages;
- marker's ``--paginate_output``: ``{0}------------------------------------------------`` on a line
  of its own (opens a page; the 0-based id is ignored) and, in its HTML, ``<div class="page">``;
- separators written by scripts, alone on a line: ``--- Page 2 ---``, ``=== หน้า ๒ ===``, ``[Page 2]``,
  and in markdown ``## Page 2`` / ``### หน้า 2``;
- in HTML also ``page-break-before/after: always`` styles and ``<hr class="page-break">``.

Not page breaks: a ``---`` line (a markdown rule; LlamaParse's default page separator is one, so set
it to ``\\f`` or ``<!-- page break -->`` there); Typhoon OCR's ``<page_number>`` (its text is printed
on the page, so it stays as a line). olmOCR's markdown has no page marks at all (page spans exist
only in its JSONL), so such a file reads as one page. Azure's ``<!-- PageHeader="..." -->``,
``PageFooter`` and ``PageNumber`` comments become text lines; other comments are dropped.
Typhoon OCR v1 output saved as JSON ``{"natural_text": "..."}`` is unwrapped.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import unicodedata
from pathlib import Path

from ocr_pipeline.errors import CorruptInput, EmptyInput, InputNotFound, NoTextFound, UnsupportedInput
from ocr_pipeline.ingest.markup_tables import (
    AZURE_COMMENT,
    GAP,
    PAGE_SEP_COMMENT,
    PAGE_START_COMMENT,
    Break,
    Item,
    clean_fragment,
    has_pipe,
    is_delimiter_row,
    pipe_table,
    read_html,
    split_pipe_row,
)
from ocr_pipeline.model import Table, TranscriptPage

KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mmd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

# --- decoding ------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
# above/below marks: mai han-akat, sara i..phinthu, maitaikhu..yamakkan
_THAI_MARKS = {"\u0e31"} | {chr(c) for c in range(0x0E34, 0x0E3B)} | {chr(c) for c in range(0x0E47, 0x0E4F)}
_THAI_LEADING = set("\u0e40\u0e41\u0e42\u0e43\u0e44")
_CP874_PUNCT = set("\u20ac\u2026\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u00a0")


def _is_consonant(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def _looks_like_text(text: str) -> bool:
    """No NUL and at most 1 % other control characters (binary data has many)."""
    if "\x00" in text:
        return False
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls <= len(text) * 0.01


def _plausible_thai(text: str) -> bool:
    """Legacy-decoded text: non-ASCII is Thai (or cp874 punctuation) and Thai marks sit on consonants."""
    thai = bad = 0
    for i, ch in enumerate(text):
        if ch < "\x80" or ch in _CP874_PUNCT:
            continue
        if not "\u0e00" <= ch <= "\u0e7f":
            return False
        thai += 1
        if ch in _THAI_MARKS:
            prev = text[i - 1] if i else ""
            if not (_is_consonant(prev) or prev in _THAI_MARKS or prev == "\u0e2f"):
                bad += 1
        elif ch in _THAI_LEADING:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not _is_consonant(nxt):
                bad += 1
    return bad <= thai * 0.05


def _known_scripts(text: str) -> bool:
    """UTF-16 read without a BOM: 95 % of it is ASCII, Latin-1, Thai or common punctuation (the
    wrong byte order gives CJK or Latin Extended letters instead)."""
    known = sum(1 for ch in text if ch < "\u0100" or "\u0e00" <= ch <= "\u0e7f" or "\u2000" <= ch <= "\u206f")
    return known >= len(text) * 0.95


def decode_text(data: bytes) -> str:
    """Text of a transcript file: UTF-8/16/32 by BOM, else UTF-8, else TIS-620/cp874 Thai.

    UTF-16 without a BOM is accepted only when it decodes to plausible text. Raises ``EmptyInput``
    for 0 bytes and ``CorruptInput`` when no encoding gives text.
    """
    if not data:
        raise EmptyInput("empty file (0 bytes)")
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise CorruptInput(f"starts with a {name} byte-order mark but is not valid {name}") from None
            if not _looks_like_text(text):
                raise CorruptInput(f"not a text file (binary data after a {name} byte-order mark)")
            return text
    try:
        text = data.decode("utf-8")
        if _looks_like_text(text):
            return text
    except UnicodeDecodeError:
        try:
            text = data.decode("cp874")
            if _looks_like_text(text) and _plausible_thai(text):
                return text
        except UnicodeDecodeError:
            pass
    if len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _known_scripts(text):
                return text
    raise CorruptInput("not a text file: neither UTF-8, UTF-16 nor Thai TIS-620/cp874 text")


def _unwrap_json(text: str) -> str:
    """Typhoon OCR v1 answers ``{"natural_text": "..."}``; a file saved as is holds that JSON."""
    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        try:
            obj = json.loads(stripped)
        except ValueError:
            return text
        if isinstance(obj, dict) and isinstance(obj.get("natural_text"), str):
            return obj["natural_text"]
    return text


# --- page markers --------------------------------------------------------------------------------

_NUM = r"(?:\d+|[๐-๙]+)"
_OF = rf"(?:\s*(?:of|/|จาก)\s*{_NUM})?"
_PAGE_WORD = r"(?:page|หน้า(?:ที่)?)"
_MARKER_PAGINATE = re.compile(r"\{\d+\}-{3,}")
_DECORATED = re.compile(rf"(?:-{{2,}}|={{2,}})\s*{_PAGE_WORD}\s*{_NUM}{_OF}\s*(?:-{{2,}}|={{2,}})", re.I)
_BRACKETED = re.compile(rf"\[\s*page\s*{_NUM}{_OF}\s*\]", re.I)
_HEADING_PAGE = re.compile(rf"#{{1,6}}\s+{_PAGE_WORD}\s*{_NUM}{_OF}\s*#*", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def _marker_kind(line: str, markdown: bool) -> str | None:
    """``start`` / ``sep`` when the stripped line is a page marker, else None."""
    if line == "\f" or PAGE_SEP_COMMENT.fullmatch(line):
        return "sep"
    if (
        PAGE_START_COMMENT.fullmatch(line)
        or _MARKER_PAGINATE.fullmatch(line)
        or _DECORATED.fullmatch(line)
        or _BRACKETED.fullmatch(line)
        or (markdown and _HEADING_PAGE.fullmatch(line))
    ):
        return "start"
    return None


# --- markdown and plain text ---------------------------------------------------------------------

_QUOTE = re.compile(r"^(?:>\s?)+")
_FENCE = re.compile(r"^(?:```|~~~)")
_HRULE = re.compile(r"([-*_=])(?:\s*\1){2,}")
_CENTRED_NUMBER = re.compile(r"[-–—]\s*\S{1,8}\s*[-–—]")  # "- ๒ -": a printed page number
_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_BULLET = re.compile(r"^[-*+](?:\s+|$)")
_ORDERED = re.compile(r"^[0-9]{1,3}[.)](?:\s+|$)")
_HTML_BLOCK = re.compile(r"<(table|figure)\b", re.I)


def _markdown_line(line: str, keep_list_numbers: bool) -> list[Item]:
    if _HRULE.fullmatch(line):
        return [GAP]  # thematic break or setext underline
    if not _CENTRED_NUMBER.fullmatch(line):
        line = _CLOSING_HASHES.sub("", line) if _HEADING.match(line) else line
        line = _HEADING.sub("", line)
        line = _BULLET.sub("", line)
        if not keep_list_numbers:
            line = _ORDERED.sub("", line)
    if line.endswith("\\") and not line.endswith("\\\\"):
        line = line[:-1]  # hard line break
    return list(clean_fragment(line, markdown=True))


def _is_table(run: list[str], markdown: bool) -> bool:
    """Markdown: any run of pipe lines with a |---| row, two or more lines, or one |framed| line.
    Plain text: only "obvious" tables: a |---| row, or two or more |framed| lines."""
    delimiter = any(is_delimiter_row(split_pipe_row(line)) for line in run)
    framed = all(line.startswith("|") and line.endswith("|") for line in run)
    if markdown:
        return delimiter or len(run) >= 2 or framed
    return delimiter or (len(run) >= 2 and framed)


def _text_items(lines: list[str], markdown: bool, keep_list_numbers: bool) -> list[Item]:
    items: list[Item] = []

    def prepared(line: str) -> str:
        line = line.strip()
        return _QUOTE.sub("", line).strip() if markdown else line

    i = 0
    while i < len(lines):
        line = prepared(lines[i])
        if not line:
            items.append(GAP)
            i += 1
            continue
        if markdown and _FENCE.match(line):
            i += 1
            continue
        if has_pipe(line):
            run: list[str] = []
            while i + len(run) < len(lines):
                candidate = prepared(lines[i + len(run)])
                if not candidate or not has_pipe(candidate):
                    break
                run.append(candidate)
            if _is_table(run, markdown):
                table = pipe_table(run, markdown=markdown)
                if table is not None:
                    items.extend([GAP, table, GAP])
                i += len(run)
                continue
        items.extend(_markdown_line(line, keep_list_numbers) if markdown else [line])
        i += 1
    return items


def _split_html_blocks(text: str) -> list[tuple[bool, str]]:
    """(is_html, part) pieces of markdown: ``<table>``/``<figure>`` blocks (an unclosed one runs to
    the end of the page, as when a VLM stopped mid-table) and the markdown between them."""
    parts: list[tuple[bool, str]] = []
    pos = 0
    while match := _HTML_BLOCK.search(text, pos):
        tag = match.group(1).lower()
        depth, end = 0, len(text)
        for token in re.finditer(rf"<(/?){tag}\b[^>]*>", text[match.start() :], re.I):
            depth += -1 if token.group(1) else 1
            if depth == 0:
                end = match.start() + token.end()
                break
        parts.append((False, text[pos : match.start()]))
        parts.append((True, text[match.start() : end]))
        pos = end
    parts.append((False, text[pos:]))
    return parts


def _segment_items(text: str, markdown: bool, keep_list_numbers: bool) -> list[Item]:
    text = _COMMENT.sub("", text)
    if not markdown:
        return _text_items(text.split("\n"), False, keep_list_numbers)
    items: list[Item] = []
    for is_html, part in _split_html_blocks(text):
        if is_html:
            items.extend(read_html(part, markdown=True))
        else:
            items.extend(_text_items(part.split("\n"), True, keep_list_numbers))
    return items


def _on_own_line(pattern: re.Pattern, text: str, value=lambda m: m.group()) -> str:
    """Put each match (or ``value(match)``) on a line of its own, adding no blank lines."""

    def sub(match: re.Match) -> str:
        before = "" if match.start() == 0 or text[match.start() - 1] == "\n" else "\n"
        after = "" if match.end() == len(text) or text[match.end()] == "\n" else "\n"
        return before + value(match) + after

    return pattern.sub(sub, text)


def _line_items(text: str, markdown: bool, keep_list_numbers: bool) -> list[Item]:
    """Items of a .md or .txt transcript: markers become ``Break``s, the rest is parsed per page."""
    text = _unwrap_json(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _on_own_line(re.compile("\f"), text)
    text = _on_own_line(AZURE_COMMENT, text, lambda m: html.unescape(m.group(1)))
    for pattern in (PAGE_START_COMMENT, PAGE_SEP_COMMENT):
        text = _on_own_line(pattern, text)
    items: list[Item] = []
    segment: list[str] = []
    for line in text.split("\n"):
        kind = _marker_kind(line.strip(" \t"), markdown)
        if kind is None:
            segment.append(line)
            continue
        items.extend(_segment_items("\n".join(segment), markdown, keep_list_numbers))
        items.append(Break(kind))
        segment = []
    items.extend(_segment_items("\n".join(segment), markdown, keep_list_numbers))
    return items


# --- pages ---------------------------------------------------------------------------------------


def _blank(segment: list[Item]) -> bool:
    return not any(isinstance(item, (str, Table)) for item in segment)


def _page_text(segment: list[Item]) -> tuple[str, list[Table]]:
    lines: list[str] = []
    tables: list[Table] = []
    gap = False
    for item in segment:
        if item is GAP:
            gap = bool(lines)
        elif isinstance(item, Table):
            tables.append(item)
            if lines:
                lines.append("")
            lines.extend(item.text_rows())
            gap = True
        elif isinstance(item, str):
            if gap and lines:
                lines.append("")
            gap = False
            lines.append(item)
    return "\n".join(lines), tables


def paginate(items: list[Item]) -> list[TranscriptPage]:
    """Cut the item stream at ``Break``s into numbered pages.

    A ``start`` marker next to a ``sep`` (only blank between) counts once; blank text before the
    first ``start`` marker and after a final ``sep`` is not a page; other blank pages are kept.
    """
    segments: list[list[Item]] = [[]]
    kinds: list[str | None] = [None]
    for item in items:
        if isinstance(item, Break):
            if _blank(segments[-1]) and kinds[-1] is not None and {kinds[-1], item.kind} == {"start", "sep"}:
                kinds[-1] = "start"
                continue
            segments.append([])
            kinds.append(item.kind)
        else:
            segments[-1].append(item)
    if len(segments) > 1 and _blank(segments[0]) and kinds[1] == "start":
        segments.pop(0)
        kinds.pop(0)
    if len(segments) > 1 and _blank(segments[-1]) and kinds[-1] == "sep":
        segments.pop()
    pages = []
    for number, segment in enumerate(segments, start=1):
        text, tables = _page_text(segment)
        for table in tables:
            table.page = number
        pages.append(TranscriptPage(number=number, text=text, tables=tables))
    return pages


def read_transcript(path: Path, *, keep_list_numbers: bool = True) -> list[TranscriptPage]:
    """Pages of a .txt/.md/.html transcript.

    Raises ``EmptyInput`` for an empty file, ``CorruptInput`` when it is not text (UTF-8, UTF-8 or
    UTF-16/32 with BOM, TIS-620/cp874 Thai), ``NoTextFound`` when no page has any letter or digit,
    ``UnsupportedInput`` for another extension, ``InputNotFound`` when the file is missing.
    Markdown: ``#`` headings, ``-``/``*``/``+`` bullets and ``>`` quotes are stripped from text lines;
    ordered-list numbers (``1.``, ``๑.``) are kept, since in a transcript they are the numbers printed
    on the page (``keep_list_numbers=False`` strips Arabic ``1.`` / ``1)``; Thai digits always stay).
    Plain text: lines as written, only obvious pipe tables parsed, no markup removed.
    """
    path = Path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnsupportedInput(f"not a transcript file type: {path.suffix or 'no extension'}")
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise InputNotFound(f"no such file: {path}") from None
    text = decode_text(data)
    if kind == "html":
        items = read_html(text.replace("\r\n", "\n").replace("\r", "\n"))
    else:
        items = _line_items(text, kind == "md", keep_list_numbers)
    pages = paginate(items)
    if not any(ch.isalnum() for page in pages for ch in page.text):
        raise NoTextFound("the transcript has no text")
    return pages
