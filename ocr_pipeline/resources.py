"""Find and load the plain-text data files in ``dictionaries/`` (loaded once, cached).

In a source checkout the folder sits next to the package; an installed wheel puts it under
``<prefix>/share/ocr_pipeline/dictionaries``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_CANDIDATES = (
    Path(__file__).resolve().parent.parent / "dictionaries",
    Path(sys.prefix) / "share" / "ocr_pipeline" / "dictionaries",
)


@cache
def dictionaries_dir() -> Path:
    """The folder holding the dictionaries."""
    for path in _CANDIDATES:
        if path.is_dir():
            return path
    raise FileNotFoundError("dictionaries/ folder not found; reinstall ocr_pipeline")


def _data_lines(name: str) -> list[str]:
    text = (dictionaries_dir() / name).read_text(encoding="utf-8")
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
    """Rows of a tab-separated file; the first non-comment line is the header and is skipped."""
    rows = [tuple(col.strip() for col in ln.split("\t")) for ln in _data_lines(name)]
    return tuple(rows[1:])
