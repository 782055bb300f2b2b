"""The output folder: one run at a time, one input's files committed together or not at all.

``OutputDir.open`` checks the folder before any work (it must be a folder we can write), takes a lock
(a second run into the same folder is refused), finishes or undoes a commit that a killed run left
half done, and removes temporary files such a run left behind.

``commit`` writes every file of one input under a short temporary name, keeps a hard link to each file
it replaces, writes a journal, then renames. A rename that fails puts the old files back; a run killed
between two renames is completed by the next ``open`` from the journal. So a reader sees either the old
result set or the new one, never a mix. The journal also carries a record of the files written
(``.ocr-pipeline/done/``): a later run reads it to skip finished inputs and to know which files in a
folder this tool wrote.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from ocr_pipeline.errors import OutputError

STATE_DIR = ".ocr-pipeline"
TEMP_PREFIX = ".ocrp-"
# ours (.ocrp-<hex>.tmp / .bak) and those of earlier versions (.<name>.<mkstemp's 8 characters>.tmp)
_STALE = re.compile(r"^(\.ocrp-[0-9a-f]+\.(tmp|bak)|\..+\.[a-z0-9_]{8}\.tmp)$")

Payload = str | bytes | Callable[[Path], None]


class OutputDir:
    """An output folder opened for one run (see the module docstring)."""

    def __init__(self, root: Path):
        self.root = root
        self.state = root / STATE_DIR
        self._lock_fd: int | None = None

    @classmethod
    def open(cls, root: Path) -> OutputDir:
        """Check, lock and tidy the folder; raises OutputError at once when it cannot be used."""
        out = cls(root)
        if root.exists() and not root.is_dir():
            raise OutputError(f"the output folder {root} is a file", "give a folder with -o OUTDIR")
        try:
            for sub in ("journal", "done"):
                (out.state / sub).mkdir(parents=True, exist_ok=True)
            out._lock()
            out.recover()
            out.remove_stale_files()
        except OSError as exc:
            out.close()
            raise OutputError(f"cannot write to the output folder {root}: {_reason(exc)}") from exc
        return out

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> OutputDir:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _lock(self) -> None:
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise OutputError(
                f"another ocr-pipeline run (pid {holder}) is writing to {self.root}",
                "wait for it to finish, or give another folder with -o",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd

    # --- committing ------------------------------------------------------------------------------

    def commit(self, files: dict[str, Payload], record: dict | None = None) -> list[Path]:
        """Write ``files`` (path relative to the folder -> text, bytes or a writer) all or none.

        ``record`` (a JSON object) is stored as the done record of ``record["name"]`` in the same commit.
        """
        token = secrets.token_hex(6)
        moves: list[tuple[Path, Path, Path | None]] = []
        try:
            try:
                for rel, payload in files.items():
                    final = self.root / rel
                    final.parent.mkdir(parents=True, exist_ok=True)
                    if final.is_dir():
                        raise OutputError(f"{final} is a folder", "remove or rename it, or give another -o")
                    tmp = final.parent / f"{TEMP_PREFIX}{token}{len(moves)}.tmp"
                    moves.append((tmp, final, None))
                    _write(tmp, payload)
                for i, (tmp, final, _) in enumerate(moves):
                    if final.exists():
                        backup = final.parent / f"{TEMP_PREFIX}{token}{i}.bak"
                        _keep_copy(final, backup)
                        moves[i] = (tmp, final, backup)
                journal = {"moves": [[str(t), str(f), str(b) if b else None] for t, f, b in moves], "record": record}
                self._write_json(self.state / "journal" / f"{token}.json", journal)
            except BaseException:
                for tmp, _final, kept in moves:
                    tmp.unlink(missing_ok=True)
                    if kept:
                        kept.unlink(missing_ok=True)
                raise
            done = 0
            try:
                for tmp, final, _ in moves:
                    os.replace(tmp, final)
                    done += 1
            except OSError:
                _roll_back(moves, done)
                (self.state / "journal" / f"{token}.json").unlink(missing_ok=True)
                raise
            self._finish(token, moves, record)
        except OSError as exc:
            raise OutputError(f"cannot write results to {self.root}: {_reason(exc)}") from exc
        return [final for _, final, _ in moves]

    def _finish(self, token: str, moves, record: dict | None) -> None:
        if record is not None:
            self._write_json(self.done_path(record["name"]), record)
        for _tmp, _final, backup in moves:
            if backup:
                backup.unlink(missing_ok=True)
        (self.state / "journal" / f"{token}.json").unlink(missing_ok=True)

    def recover(self) -> None:
        """Complete the commits a killed run left in the journal (or undo one that cannot complete)."""
        for journal in sorted((self.state / "journal").glob("*.json")):
            try:
                entry = json.loads(journal.read_text(encoding="utf-8"))
                moves = [(Path(t), Path(f), Path(b) if b else None) for t, f, b in entry["moves"]]
            except (OSError, ValueError, KeyError, TypeError):
                journal.unlink(missing_ok=True)  # written atomically, so never half: not ours
                continue
            try:
                for tmp, final, _ in moves:
                    if tmp.exists():
                        os.replace(tmp, final)
            except OSError:
                _roll_back(moves, len(moves))
                for tmp, _, _ in moves:
                    tmp.unlink(missing_ok=True)
                journal.unlink(missing_ok=True)
                continue
            self._finish(journal.stem, moves, entry.get("record"))

    def remove_stale_files(self) -> list[Path]:
        """Delete temporary and backup files that killed runs left (never while a journal needs them)."""
        removed = []
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = [d for d in dirs if d != STATE_DIR]
            for name in names:
                if _STALE.match(name):
                    path = Path(folder) / name
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
        return removed

    # --- records of finished inputs ------------------------------------------------------------

    def done_path(self, name: str) -> Path:
        return self.state / "done" / f"{hashlib.sha1(name.encode()).hexdigest()}.json"

    def done_record(self, name: str) -> dict | None:
        try:
            record = json.loads(self.done_path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) and record.get("name") == name else None

    def forget(self, name: str) -> None:
        self.done_path(name).unlink(missing_ok=True)

    def _write_json(self, path: Path, obj: dict) -> None:
        tmp = path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp")
        _write(tmp, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
        os.replace(tmp, path)


def written_files(root: Path) -> set[Path]:
    """Files the done records of output folder ``root`` list (absolute), for folder expansion to skip."""
    found: set[Path] = set()
    for record in iter_records(root):
        for rel in record.get("files", []):
            found.add(root / rel)
    return found


def iter_records(root: Path) -> Iterator[dict]:
    done = root / STATE_DIR / "done"
    if not done.is_dir():
        return
    for path in done.glob("*.json"):
        with contextlib.suppress(OSError, ValueError):
            record = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(record, dict):
                yield record


def _write(path: Path, payload: Payload) -> None:
    if callable(payload):
        payload(path)
    else:
        data = payload.encode("utf-8") if isinstance(payload, str) else payload
        with open(path, "wb") as fh:
            fh.write(data)
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    os.chmod(path, 0o666 & ~_umask())  # results are ordinary files, whatever the writer made


def _keep_copy(final: Path, backup: Path) -> None:
    """A hard link to the file about to be replaced (a copy where the file system has none)."""
    try:
        os.link(final, backup)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        shutil.copy2(final, backup)


def _roll_back(moves: list[tuple[Path, Path, Path | None]], done: int) -> None:
    """Undo the first ``done`` renames: old files back from their backups, new files removed."""
    for tmp, final, backup in moves[:done]:
        with contextlib.suppress(OSError):
            if backup is not None and backup.exists():
                os.replace(backup, final)
            elif not tmp.exists():
                final.unlink(missing_ok=True)
    for tmp, _final, backup in moves:
        tmp.unlink(missing_ok=True)
        if backup is not None:
            backup.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
