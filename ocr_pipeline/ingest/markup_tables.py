"""Tables, and the text around them, in the markup that other OCR engines emit.

- ``clean_fragment``: a piece of markdown (or HTML) to plain lines: ``<br>`` starts a new line, tags,
  emphasis, code, links, images and superscript marks are removed, backslash escapes and HTML
  entities decoded, runs of spaces collapsed.
- ``split_pipe_row`` / ``is_delimiter_row`` / ``pipe_table``: GitHub-style pipe tables as VLM OCR
  writes them (with or without outer pipes, ragged rows, no ``|---|`` line, ``\\|`` inside a cell).
- ``read_html``: HTML to a stream of text lines, ``GAP`` (paragraph ends), ``Break`` (page break
  found in the markup) and ``Table`` (rowspan/colspan placed on the grid as a browser would).

Tables come back with ``page=0``; the caller sets the page number.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ocr_pipeline.clean.thai_text import join_wrapped
from ocr_pipeline.model import Cell, Table


@dataclass(frozen=True)
class Break:
    """A page break found in the markup: ``start`` opens a page, ``sep`` stands between two pages."""

    kind: str


class _Gap:
    def __repr__(self) -> str:
        return "GAP"


GAP = _Gap()  # end of a paragraph (becomes at most one blank line in the page text)

Item = str | Table | Break | _Gap

# --- inline clean-up -----------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAK = "\u2029"  # paragraph separator: never in OCR text
_BR = re.compile(r"<br\s*/?\s*>|</br\s*>", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|tfoot|section|article|header|footer|blockquote"
    r"|pre|figure|figcaption|caption|dd|dt|dl|hr|page_number|page_header|page_footer)\b[^<>]*>",
    re.I,
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9_:.-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PROTECTED = re.compile("[\ue000-\ue07f]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>", re.I)
_CODE = re.compile(r"(`+)\s?(.+?)\s?\1")
_SUPER = (re.compile(r"\^\{([^{}]*)\}"), re.compile(r"\^([^\s^]+)\^"))
_EMPHASIS = (
    re.compile(r"(?<!\*)\*\*\*(?![\s*])(.+?)(?<![\s*])\*\*\*(?!\*)"),
    re.compile(r"(?<!\*)\*\*(?![\s*])(.+?)(?<![\s*])\*\*(?!\*)"),
    re.compile(r"(?<!_)__(?![\s_])(.+?)(?<![\s_])__(?!_)"),
    re.compile(r"(?<!\*)\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)"),  # may sit inside a word (Thai)
    re.compile(r"(?<![_\w])_(?![\s_])(.+?)(?<![\s_])_(?![_\w])"),
    re.compile(r"~~(?!\s)(.+?)(?<!\s)~~"),
)


def collapse(text: str) -> str:
    """Runs of spaces (tabs, no-break spaces...) to one space, ends stripped."""
    return _SPACES.sub(" ", text).strip()


def _protect_escapes(text: str) -> str:
    # "\*" -> a private-use stand-in, so that escaped characters never count as markup.
    return _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)


def _restore_escapes(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - 0xE000), text)


def strip_markdown_inline(text: str) -> str:
    """Remove inline markdown (emphasis, code, strike, links, images, superscript marks, escapes).

    >>> strip_markdown_inline(r"**ผล** `ok` [ดู](http://x) 10^{2} a\\*b")
    'ผล ok ดู 102 a*b'
    """
    text = _protect_escapes(text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\2", text)
    for pattern in _SUPER:
        text = pattern.sub(r"\1", text)
    for _ in range(4):  # nested emphasis: **a *b* c**
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
        if text == before:
            break
    return _restore_escapes(text)


def clean_fragment(raw: str, markdown: bool = True) -> list[str]:
    """Plain, non-empty lines of a markdown/HTML fragment (``<br>`` and block tags end a line).

    >>> clean_fragment("**ก** &amp; ข<br>ค&nbsp;&nbsp;ง")
    ['ก & ข', 'ค ง']
    """
    text = _COMMENT.sub("", raw)
    if markdown:
        text = _protect_escapes(text)
        text = _AUTOLINK.sub(r"\1", text)
    text = _BR.sub(_LINE_BREAK, text)  # a placeholder, so that **bold** may span <br>
    text = _BLOCK_TAG.sub(_LINE_BREAK, text)
    text = _TAG.sub("", text)
    if markdown:
        text = strip_markdown_inline(text)  # also puts the escaped characters back
    text = html.unescape(text).replace(_LINE_BREAK, "\n")
    return [line for line in (collapse(part) for part in text.split("\n")) if line]


# --- pipe tables ---------------------------------------------------------------------------------

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r":?-+:?")


def has_pipe(line: str) -> bool:
    """True when the line holds a pipe that is not escaped."""
    return bool(_PIPE.search(line))


def split_pipe_row(line: str) -> list[str]:
    """Cells of a pipe-table row as written (outer pipes optional, ``\\|`` stays inside a cell).

    >>> split_pipe_row(r"| a | b \\| c || d |")
    ['a', 'b \\\\| c', '', 'd']
    """
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in _PIPE.split(text)]


def is_delimiter_row(cells: list[str]) -> bool:
    """``|---|:---:|``: every non-empty cell is dashes with optional alignment colons."""
    filled = [c.replace(" ", "") for c in cells if c.strip()]
    return bool(filled) and all(_DELIMITER_CELL.fullmatch(c) for c in filled)


def pipe_table(lines: list[str], markdown: bool = True) -> Table | None:
    """A ``Table`` from pipe-table lines; delimiter rows are dropped, ragged rows kept as written.

    A row with fewer cells than the widest row simply has no ``Cell`` at the missing positions
    (``Table.grid()`` shows them as ""). ``markdown=False`` (plain text) only trims spaces and
    un-escapes ``\\|``.
    """
    cells: list[Cell] = []
    row = 0
    for line in lines:
        raw_cells = split_pipe_row(line)
        if is_delimiter_row(raw_cells):
            continue
        for col, raw in enumerate(raw_cells):
            if markdown:
                text = join_wrapped(clean_fragment(raw, markdown=True))
            else:
                text = collapse(raw.replace("\\|", "|"))
            cells.append(Cell(row=row, col=col, text=text, raw_text=raw))
        row += 1
    if not cells:
        return None
    return Table(page=0, cells=cells, box=None, source="markdown")


# --- HTML ----------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP = {"script", "style", "title", "template", "noscript"}
_PARAGRAPH = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "figure",
    "hr",
    "address",
    "form",
    "fieldset",
    "details",
    "body",
    "html",
    "center",
}
_LINE = {"li", "dt", "dd", "figcaption", "summary", "page_number", "page_header", "page_footer", "caption"}
_MAX_SPAN = 1000  # the HTML limit for colspan

PAGE_START_COMMENT = re.compile(
    r"<!--\s*(?:page|หน้า(?:ที่)?)\s*[:#]?\s*(?:\d+|[๐-๙]+)(?:\s*(?:of|/|จาก)\s*(?:\d+|[๐-๙]+))?\s*-->",
    re.I,
)
PAGE_SEP_COMMENT = re.compile(r"<!--\s*(?:page[\s_-]*break|new[\s_-]*page)\s*-->", re.I)
# Azure Document Intelligence keeps the running header/footer/page number in comments.
AZURE_COMMENT = re.compile(r"<!--\s*Page(?:Header|Footer|Number)\s*=\s*\"(.*?)\"\s*-->", re.I | re.S)


def _span(value: str | None) -> int:
    """rowspan/colspan as browsers read them: leading digits, 0 kept (= to the end), else 1."""
    match = re.match(r"\s*(\d+)", value or "")
    if not match:
        return 1
    return min(int(match.group(1)), _MAX_SPAN)


@dataclass
class _CellSpec:
    rowspan: int
    colspan: int
    start: int
    text: list[str] = field(default_factory=list)
    raw: str = ""


class _TableBuilder:
    """Rows and cells of one ``<table>`` while it is being read."""

    def __init__(self) -> None:
        self.body: list[list[_CellSpec]] = []
        self.foot: list[list[_CellSpec]] = []
        self.row: list[_CellSpec] | None = None
        self.cell: _CellSpec | None = None
        self.section: str | None = None
        self.caption: list[str] = []
        self.in_caption = False
        self.stray: list[str] = []
        self.nested = 0

    def start_row(self, pos: int, source: str) -> None:
        self.end_row(pos, source)
        self.row = []
        (self.foot if self.section == "tfoot" else self.body).append(self.row)

    def end_row(self, pos: int, source: str) -> None:
        self.end_cell(pos, source)
        self.row = None

    def start_cell(self, rowspan: int, colspan: int, start: int, source: str) -> None:
        self.end_cell(start, source)
        if self.row is None:
            self.start_row(start, source)
        self.cell = _CellSpec(rowspan, colspan, start)

    def end_cell(self, pos: int, source: str) -> None:
        if self.cell is None:
            return
        self.cell.raw = source[self.cell.start : pos].strip()
        assert self.row is not None
        self.row.append(self.cell)
        self.cell = None

    def target(self) -> list[str]:
        if self.cell is not None:
            return self.cell.text
        if self.in_caption:
            return self.caption
        return self.stray

    def build(self, markdown: bool) -> Table | None:
        """Place cells on the grid: a cell skips positions taken by rowspans from rows above."""
        rows = self.body + self.foot
        taken: dict[int, set[int]] = {}
        cells: list[Cell] = []
        r = 0
        for i, row in enumerate(rows):
            if not row and not taken.get(r):
                continue  # an empty <tr> that no rowspan reaches adds no row
            c = 0
            for spec in row:
                while c in taken.get(r, ()):
                    c += 1
                # rowspan=0 and spans past the last row end at the last row; the rows a span
                # covers are never skipped as empty, so counting raw rows is exact
                rowspan = min(spec.rowspan or len(rows), len(rows) - i)
                colspan = max(spec.colspan, 1)
                for rr in range(r, r + rowspan):
                    taken.setdefault(rr, set()).update(range(c, c + colspan))
                text = join_wrapped(_clean_lines(spec.text, markdown))
                cells.append(Cell(row=r, col=c, text=text, rowspan=rowspan, colspan=colspan, raw_text=spec.raw))
                c += colspan
            r += 1
        if not cells:
            return None
        return Table(page=0, cells=cells, box=None, source="html")


def _clean_lines(pieces: list[str], markdown: bool) -> list[str]:
    lines = []
    for part in "".join(pieces).split("\n"):
        line = collapse(part)
        if line and markdown:
            line = collapse(strip_markdown_inline(line))
        if line:
            lines.append(line)
    return lines


class _HtmlReader(HTMLParser):
    """Turns HTML into ``Item``s; see ``read_html``."""

    def __init__(self, source: str, markdown: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.markdown = markdown
        self.items: list[Item] = []
        self.line: list[str] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, break after it, inside a nested table)
        self.tables: list[_TableBuilder] = []
        self.skip = self.figure = self.figcaption = self.pre = 0
        self.line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self.line_starts.append(i + 1)

    # positions -----------------------------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # output --------------------------------------------------------------------------------------
    def _flush_line(self) -> None:
        self.items.extend(_clean_lines(self.line, self.markdown))
        self.line = []

    def _boundary(self, gap: bool) -> None:
        if self.tables:
            self.tables[-1].target().append("\n")
            return
        self._flush_line()
        if gap:
            self.items.append(GAP)

    def _break(self, kind: str) -> None:
        if self.tables:
            return  # a table is never cut in two
        self._flush_line()
        self.items.append(Break(kind))

    def _add_text(self, text: str) -> None:
        if not self.pre:
            text = re.sub(r"\s+", " ", text)
        (self.tables[-1].target() if self.tables else self.line).append(text)

    # tables --------------------------------------------------------------------------------------
    def _open_table(self) -> bool:
        """Start a table; True when it is nested inside another one (then it is read as text)."""
        if self.tables:
            self.tables[-1].nested += 1
            self.tables[-1].target().append("\n")
            return True
        self._flush_line()
        self.items.append(GAP)
        self.tables.append(_TableBuilder())
        return False

    def _close_table(self, pos: int, nested: bool) -> None:
        builder = self.tables[-1]
        if nested:
            builder.nested -= 1
            builder.target().append("\n")
            return
        builder.end_row(pos, self.source)
        self.tables.pop()
        self.items.extend(_clean_lines(builder.stray, self.markdown))
        self.items.extend(_clean_lines(builder.caption, self.markdown))
        table = builder.build(self.markdown)
        if table is not None:
            self.items.append(table)
        self.items.append(GAP)

    def _close_open(self, tags: set[str]) -> None:
        """Close an open element of ``tags`` of the current table (HTML's implied end tags)."""
        stop = {"table"} if "tbody" in tags else {"table", "thead", "tbody", "tfoot"}
        for i in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[i][0]
            if tag in stop:
                return
            if tag in tags:
                self._pop_to(i, self._pos())
                return

    # parser events -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        style = attr.get("style", "").lower().replace(" ", "")
        classes = attr.get("class", "").lower().split()
        if "page-break-before:always" in style or "break-before:page" in style:
            self._break("start")
        elif tag in ("div", "section", "article") and "page" in classes:
            self._break("start")  # marker: <div class="page" data-page-id="0">
        if tag == "hr" and {"pagebreak", "page-break", "page_break"} & set(classes):
            self._break("sep")
        break_after = "page-break-after:always" in style or "break-after:page" in style

        builder = self.tables[-1] if self.tables else None
        inner = bool(builder and builder.nested)
        if tag == "table":
            inner = self._open_table()
        elif builder and inner and tag in ("tr", "td", "th", "caption"):
            builder.target().append("\n" if tag == "tr" else " ")
        elif builder and tag in ("td", "th"):
            self._close_open({"td", "th"})
            start = self._pos() + len(self.get_starttag_text() or "")
            builder.start_cell(_span(attr.get("rowspan")), _span(attr.get("colspan")), start, self.source)
        elif builder and tag == "tr":
            self._close_open({"td", "th", "tr"})
            builder.start_row(self._pos(), self.source)
        elif builder and tag in ("thead", "tbody", "tfoot"):
            self._close_open({"td", "th", "tr", "thead", "tbody", "tfoot"})
            builder.section = tag
        elif builder and tag == "caption":
            builder.in_caption = True
        elif tag == "br":
            if self.tables:
                self.tables[-1].target().append("\n")
            else:
                self._flush_line()
        elif tag in _PARAGRAPH:
            self._boundary(gap=True)
        elif tag in _LINE:
            self._boundary(gap=False)

        if tag in _SKIP:
            self.skip += 1
        elif tag == "figure":
            self.figure += 1
        elif tag == "figcaption":
            self.figcaption += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _VOID:
            if break_after:
                self._break("sep")
        else:
            self.stack.append((tag, break_after, inner))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                self._pop_to(i, self._pos())
                return
        if tag == "br":  # </br> is read as <br>
            self.handle_starttag("br", [])

    def _pop_to(self, index: int, pos: int) -> None:
        while len(self.stack) > index:
            tag, break_after, inner = self.stack.pop()
            self._on_close(tag, inner, pos)
            if break_after:
                self._break("sep")

    def _on_close(self, tag: str, inner: bool, pos: int) -> None:
        builder = self.tables[-1] if self.tables else None
        if tag == "table" and builder:
            self._close_table(pos, inner)
        elif builder and inner and tag in ("td", "th"):
            builder.target().append(" ")
        elif builder and inner and tag == "tr":
            builder.target().append("\n")
        elif builder and tag in ("td", "th"):
            builder.end_cell(pos, self.source)
        elif builder and tag == "tr":
            builder.end_row(pos, self.source)
        elif builder and tag in ("thead", "tbody", "tfoot"):
            builder.end_row(pos, self.source)
            builder.section = None
        elif builder and tag == "caption":
            builder.in_caption = False
        elif tag in _PARAGRAPH:
            self._boundary(gap=True)
        elif tag in _LINE:
            self._boundary(gap=False)
        if tag in _SKIP:
            self.skip -= 1
        elif tag == "figure":
            self.figure -= 1
        elif tag == "figcaption":
            self.figcaption -= 1
        elif tag == "pre":
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.figure and not self.figcaption and not self.tables:
            return  # a VLM's description of a picture, not text of the page
        for i, part in enumerate(data.split("\f")):
            if i:
                self._break("sep")
            self._add_text(part)

    def handle_comment(self, data: str) -> None:
        comment = f"<!--{data}-->"
        if PAGE_SEP_COMMENT.fullmatch(comment):
            self._break("sep")
        elif PAGE_START_COMMENT.fullmatch(comment):
            self._break("start")
        elif (match := AZURE_COMMENT.fullmatch(comment)) and not self.tables:
            self._flush_line()
            self.items.extend(_clean_lines([html.unescape(match.group(1))], self.markdown))

    def finish(self) -> list[Item]:
        self.close()
        self._pop_to(0, len(self.source))
        while self.tables:  # <table> never closed (a VLM that ran out of tokens)
            self._close_table(len(self.source), nested=False)
        self._flush_line()
        return self.items


def read_html(source: str, markdown: bool = False) -> list[Item]:
    """Text lines, ``GAP``s, ``Break``s and ``Table``s of an HTML document or fragment, in order.

    Tables: ``<thead>/<tbody>/<tfoot>`` rows (``<tfoot>`` last), ``<td>``/``<th>`` with
    rowspan/colspan, end tags optional; a table nested in a cell becomes part of that cell's text.
    Text: block elements end a line, ``<br>`` too; ``<script>``, ``<style>``, ``<title>`` and the
    text of a ``<figure>`` (other than its ``<figcaption>`` and tables) are dropped. Page breaks:
    ``<!-- page N -->``, ``<!-- page break -->``, ``<div class="page">`` (marker),
    ``page-break-before/after`` styles, ``<hr class="page-break">`` and form feeds.
    ``markdown=True`` also strips markdown inline markup from the text (HTML inside a .md file).
    """
    reader = _HtmlReader(source, markdown)
    reader.feed(source)
    return reader.finish()
