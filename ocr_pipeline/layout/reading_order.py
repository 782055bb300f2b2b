"""Reading order of a page: running-text lines and tables, top to bottom.

Scans place them by their boxes; transcripts by line number (a table sits where its first row
was written). ``page_text`` serialises a page the same way for both: a table row per line,
cells joined by ' | '.
"""

from __future__ import annotations

from ocr_pipeline.model import Line, Table, TranscriptPage


def page_text(lines: list[Line], tables: list[Table]) -> str:
    """Lines and table rows in reading order (by the top of each block); a line the clean-up emptied (a row of marks
    read apart, ``understand.marks_rows``) is left out."""
    blocks: list[tuple[int, int, str]] = [(ln.box[1], 0, ln.text) for ln in lines if ln.text]
    for t in tables:
        blocks.append((t.box[1] if t.box else 0, 1, "\n".join(t.text_rows())))
    return "\n".join(text for _, _, text in sorted(blocks, key=lambda b: (b[0], b[1])))


def transcript_layout(page: TranscriptPage) -> tuple[list[Line], list[Table]]:
    """Split a transcript page's text into its running-text lines and its tables, each placed
    at its line number so that ``page_text`` gives the text back in the same order."""
    text_lines = page.text.split("\n")
    taken = [False] * len(text_lines)
    start = 0
    for table in page.tables:
        rows = table.text_rows()
        at = _find_rows(text_lines, rows, start)
        if at is None:
            at = len(text_lines)  # not found in the text: keep it after the text
        else:
            for k in range(at, at + len(rows)):
                taken[k] = True
            start = at + len(rows)
        table.box = (0, at, 0, at + len(rows))
    lines = [Line(text=t, box=(0, i, 0, i)) for i, t in enumerate(text_lines) if not taken[i] and t.strip()]
    return lines, page.tables


def _find_rows(text_lines: list[str], rows: list[str], start: int) -> int | None:
    for i in range(start, len(text_lines) - len(rows) + 1):
        if text_lines[i : i + len(rows)] == rows:
            return i
    return None
