"""The page cache, and the fingerprints that say when a page or a whole result can be reused.

A page's OCR result is stored under a key made of the file's content hash, the page number and
``reading_fingerprint``: the cache format, the package version, Tesseract's version and languages,
a hash of its language data, and a hash of the code, model and dictionaries that read a page (``ocr/``,
``layout/``, ``ingest/``, ``clean/`` (the lexicon reads lost first letters), the modules they import, ``models/``,
``dictionaries/``: ``READING_CODE``). Anything that could change a page's reading changes the key, so
an entry is never stale; an entry that no longer fits ``model.Page`` is a miss. Entries are gzip'd
JSON (``serial``), written atomically, so a run killed at any moment leaves none half written.

``result_fingerprint`` adds the whole package (code, dictionaries, model): the output folder's record of
a finished input holds it, and a later run with the same fingerprint and input skips that input.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import json
import os
import re
import secrets
import subprocess
from pathlib import Path

from ocr_pipeline import __version__

CACHE_FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
NOT_PIPELINE = {("bench",), ("synth",)}  # tools beside the pipeline: they change no result
# the code a page's reading runs (ocr/, layout/, ingest/ and every module they import: a test checks it)
# and the dictionaries it reads (digit look-alikes, month names, titles and positions for the name lines)
READING_CODE = (
    "ocr",
    "layout",
    "ingest",
    "model.py",
    "models",
    "serial.py",
    "workers.py",
    "clean",  # the lexicon's words tell a line's lost first letters (ocr/lost_starts.py), with what it imports
    "understand/labels.py",
    "understand/headings.py",
    "resources.py",
    "disjoint.py",
    "errors.py",
    "limits.py",
    "warning_text.py",
    "outdir.py",
    "dictionaries",
)


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/ocr_pipeline`` (``~/.cache/ocr_pipeline`` when it is not set)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ocr_pipeline"


class PageCache:
    """Pages read before, as JSON text; ``get`` gives None for a page never stored."""

    def __init__(self, root: Path, fingerprint: str):
        self.root = root / "pages"
        self.fingerprint = fingerprint
        self.hits = self.misses = 0

    def key(self, sha256: str, page: int) -> str:
        return hashlib.sha256(f"{self.fingerprint}:{sha256}:{page}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json.gz"

    def get(self, key: str) -> str | None:
        try:
            text = gzip.decompress(self._path(key).read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError):
            self.misses += 1
            return None
        self.hits += 1
        return text

    def put(self, key: str, text: str) -> None:
        """Store a page (a failure to write the cache never fails the run)."""
        path = self._path(key)
        tmp = path.with_name(f".{key}.{secrets.token_hex(4)}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=3))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


def reading_fingerprint(tesseract_version: str, langs: str, settings: dict) -> str:
    """What a page's reading depends on besides the file (see the module docstring)."""
    parts = {
        "cache_format": CACHE_FORMAT,
        "package": __version__,
        "tesseract": tesseract_version,
        "langs": langs,
        "langdata": language_data_hash(langs),
        "code": tree_hash(READING_CODE),
        "settings": settings,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def result_fingerprint(reading: str, settings: dict) -> str:
    """What a whole result depends on besides the file: the reading, all the code, the dictionaries."""
    parts = {"reading": reading, "code": tree_hash(("",)), "settings": settings}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@functools.cache
def tree_hash(parts: tuple[str, ...]) -> str:
    """A hash of the package files under ``parts`` (paths relative to the package; "" for all, with
    the dictionaries and the digit model, which are package data)."""
    h = hashlib.sha256()
    for part in parts:
        top = PACKAGE / part
        if top.is_file():
            files = [top]
        else:
            files = sorted(
                Path(folder) / name
                for folder, dirs, names in os.walk(top, followlinks=True)
                for name in names
                if "__pycache__" not in folder
                and not name.endswith(".pyc")
                and Path(folder).relative_to(PACKAGE).parts[:1] not in NOT_PIPELINE
            )
        for path in files:
            h.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.cache
def language_data_hash(langs: str) -> str:
    """A hash of the Tesseract language files used (tha.traineddata, eng.traineddata)."""
    h = hashlib.sha256()
    folder = tessdata_dir()
    for lang in langs.split("+"):
        path = folder / f"{lang}.traineddata" if folder else None
        h.update(lang.encode() + b"\0")
        if path and path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


@functools.cache
def tessdata_dir() -> Path | None:
    """Where Tesseract finds its languages (it says so in ``--list-langs``)."""
    import pytesseract

    try:
        out = subprocess.run(
            [pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r'"([^"]+)"', out.stdout + out.stderr)
    return Path(match.group(1)) if match else None
