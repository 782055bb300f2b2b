"""The plain-text data files of ``dictionaries/`` (package data, loaded with ``importlib.resources``,
read once and cached).

Lists have one entry per line; tables are tab-separated with a header line; ``#`` starts a comment
line. ``ocr_pipeline/dictionaries`` is a link to the top-level ``dictionaries/`` folder, so the files
are edited in one place and installed with the package.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(name: str) -> Traversable:
    """A file of the dictionaries (``name`` may hold a sub-folder: ``synth/grammar.tsv``)."""
    return files("ocr_pipeline").joinpath("dictionaries", *name.split("/"))


def _data_lines(name: str) -> list[str]:
    text = data_file(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a one-entry-per-line file.

    >>> "กองคลัง" in load_list("units.txt")
    True
    """
    return tuple(ln.strip() for ln in _data_lines(name))


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file; the first non-comment line is the header and is skipped.

    >>> load_table("measure_columns.tsv")[0]
    ('measure', 'มาตรการ/แนวทาง')
    """
    rows = [tuple(col.strip() for col in ln.split("\t")) for ln in _data_lines(name)]
    return tuple(rows[1:])
