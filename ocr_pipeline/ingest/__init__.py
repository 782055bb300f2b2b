"""Ingest: turn an input path into pages (images to OCR, or transcript text).

``expand_inputs`` lists the files of a batch (folders searched recursively, the output folder and the
files this tool wrote left out); ``open_input`` checks one file up front (exists, readable, not empty,
supported, within the limits) so that a bad input fails with one clear error before any work is done.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ocr_pipeline.errors import EmptyInput, InputNotFound, PipelineError, UnreadableInput, UnsupportedInput
from ocr_pipeline.limits import Limits, PageSize
from ocr_pipeline.outdir import STATE_DIR, written_files

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TRANSCRIPT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES | TRANSCRIPT_SUFFIXES


@dataclass(frozen=True)
class InputFile:
    """A checked input: its kind (pdf | image | transcript), page count, content hash, page sizes."""

    path: Path
    kind: str
    pages: int
    sha256: str
    sizes: tuple[PageSize, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Found:
    """A file of the batch and the folder given on the command line it was found in (None: named itself)."""

    path: Path
    base: Path | None = None


def kind_of(path: Path) -> str:
    """pdf | image | transcript, from the file name; raises UnsupportedInput."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in TRANSCRIPT_SUFFIXES:
        return "transcript"
    raise UnsupportedInput(f"unsupported file type '{suffix or '(none)'}'")


def expand_inputs(
    paths: list[Path], skip_dirs: tuple[Path, ...] = ()
) -> tuple[list[Found], list[tuple[Path, PipelineError]]]:
    """Files named directly, plus every supported file under named folders (recursive, sorted).

    Left out: the folders in ``skip_dirs`` (the output folder), output folders' own records, and the
    files an earlier run of this tool wrote (listed in the records of their output folder). Returns
    the files and the folders that could not be read (each with its error).
    """
    skip = {_real(d) for d in skip_dirs}
    found: list[Found] = []
    problems: list[tuple[Path, PipelineError]] = []
    for path in paths:
        if not _is_dir(path):
            found.append(Found(path))
            continue
        if _real(path) in skip:
            continue
        written = set().union(*(_written_by_us(a) for a in (path.resolve(), *path.resolve().parents)))
        files: list[Path] = []

        def failed(exc: OSError, top: Path = path) -> None:
            problems.append((Path(exc.filename or top), _typed(exc, "folder")))

        seen: set[tuple[int, int]] = set()
        for folder, dirs, names in os.walk(path, onerror=failed, followlinks=True):
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:  # a link back up the tree
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            here = Path(folder)
            if STATE_DIR in dirs:
                written |= _written_by_us(here.resolve())
            dirs[:] = [d for d in dirs if d != STATE_DIR and _real(here / d) not in skip]
            for name in names:
                p = here / name
                if p.suffix.lower() in SUPPORTED_SUFFIXES and p.resolve() not in written and _is_file(p):
                    files.append(p)
        found.extend(Found(p, path) for p in sorted(files))
    return found, problems


def open_input(path: Path, limits: Limits | None = None) -> InputFile:
    """Check an input file and count its pages; raises a PipelineError subclass when unusable."""
    st = stat_input(path)
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedInput("not a regular file")
    kind = kind_of(path)
    if st.st_size == 0:
        raise EmptyInput("the file is empty (0 bytes)")
    digest = _sha256(path)
    sizes: list[PageSize] = []
    if kind == "pdf":
        from ocr_pipeline.ingest.pdf import pdf_page_count, pdf_page_sizes

        pages = pdf_page_count(path)
        (limits or Limits()).check_pages(pages)
        sizes = pdf_page_sizes(path, pages)
    elif kind == "image":
        from ocr_pipeline.ingest.images import check_image_decodes, image_page_sizes

        sizes = image_page_sizes(path)
        pages = len(sizes)
    else:
        pages = 0  # counted when the transcript is read
    if sizes:
        (limits or Limits()).check(sizes)
    if kind == "image":
        check_image_decodes(path, pages)
    return InputFile(path=path, kind=kind, pages=pages, sha256=digest, sizes=tuple(sizes))


def stat_input(path: Path) -> os.stat_result:
    """``os.stat`` with its failures as the user's errors (not found, too long, permission denied)."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise _typed(exc, "file") from exc


def _typed(exc: OSError, what: str) -> PipelineError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadableInput(f"the {what} cannot be read (permission denied)")
    if exc.errno == errno.ENAMETOOLONG:
        return InputNotFound(
            "no such file: the path is longer than the file system allows (255 bytes a name, 4096 a path)"
        )
    if exc.errno == errno.ELOOP:
        return InputNotFound("no such file: the path is a loop of symbolic links")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputNotFound("no such file")
    return UnreadableInput(f"the {what} cannot be read ({exc.strerror or exc})")


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False  # open_input reports why


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # listed, so that open_input reports why it cannot be read


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _written_by_us(folder: Path) -> set[Path]:
    """Files the records of output folder ``folder`` list (none when it is not one)."""
    try:
        return {p.resolve() for p in written_files(folder)}
    except OSError:
        return set()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise _typed(exc, "file") from exc
    return h.hexdigest()
