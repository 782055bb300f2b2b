"""The role of each page line: a labelled memo header line, a signature's position, a title over
a table, or running text."""

from __future__ import annotations

from ocr_pipeline.document_text import line_key
from ocr_pipeline.model import Page
from ocr_pipeline.understand.labels import name_groups, split_label

ROLE_OF_LABEL = {
    "division": "header.division",
    "doc_number": "header.doc_number",
    "doc_date": "header.doc_date",
    "subject": "subject",
    "addressee": "addressee",
}


def line_roles(pages: list[Page]) -> dict[str, str]:
    """Role of each line that is not running text (``body``), by line key."""
    roles: dict[str, str] = {}
    for page in pages:
        lines = page.lines
        for i, line in enumerate(lines):
            labels = split_label(line.text)
            if labels:
                roles[line_key(page.number, i)] = ROLE_OF_LABEL.get(labels[0][0], "body")
            elif name_groups(line.text) and i + 1 < len(lines):
                roles[line_key(page.number, i + 1)] = "position"
        boxed = [t.box for t in page.tables if t.box]
        if page.tables and lines:
            top = min(b[1] for b in boxed) if boxed else 0
            # a title stands between the memo (its labels and signature) and the table: a memo and its
            # table on one page (a transcript) keep their running text as body
            memo = [i for i in range(len(lines)) if line_key(page.number, i) in roles]
            after_memo = max(memo) + 1 if memo else 0
            for i, line in enumerate(lines[after_memo:], start=after_memo):
                key = line_key(page.number, i)
                if line.box[1] < top and key not in roles:
                    roles[key] = "title"
    return roles
