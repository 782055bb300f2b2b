"""Every piece of text of a document (page lines and table cells) as addressable items.

Whole-document clean-up steps read all items, decide once, and write changed text back to the
line or cell it came from; corrections then name the item in words an auditor understands.
"""

from __future__ import annotations

from dataclasses import dataclass

from ocr_pipeline.model import Cell, Line, Page

ROLE_OF_LABEL = {
    "division": "header.division",
    "doc_number": "header.doc_number",
    "doc_date": "header.doc_date",
    "subject": "subject",
    "addressee": "addressee",
}


@dataclass
class TextItem:
    """One line or cell; ``key`` is unique in the document, ``role`` says what kind of text it is."""

    key: str
    page: int
    role: str  # header.division | subject | addressee | position | title | body | table.<field>
    target: Line | Cell

    @property
    def text(self) -> str:
        return self.target.text

    @text.setter
    def text(self, value: str) -> None:
        self.target.text = value

    @property
    def audit_field(self) -> str:
        """The field name written to corrections.csv."""
        return "pages.text" if isinstance(self.target, Line) else self.role


def collect_items(
    pages: list[Page], cell_roles: dict[int, dict[int, str]], line_roles: dict[int, str] | None = None
) -> list[TextItem]:
    """Items of all pages; ``cell_roles`` maps id(table) -> column -> contract field,
    ``line_roles`` maps id(line) -> role (defaults to 'body')."""
    items: list[TextItem] = []
    line_roles = line_roles or {}
    for page in pages:
        for i, line in enumerate(page.lines):
            items.append(TextItem(f"p{page.number}.l{i}", page.number, line_roles.get(id(line), "body"), line))
        for t, table in enumerate(page.tables):
            roles = cell_roles.get(id(table), {})
            for cell in table.cells:
                role = "table." + roles.get(cell.col, f"c{cell.col + 1}")
                items.append(TextItem(f"p{page.number}.t{t}.r{cell.row}.c{cell.col}", page.number, role, cell))
    return items
