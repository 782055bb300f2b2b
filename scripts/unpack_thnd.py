"""Unpack the odd half of the THND OCR test set (real scanned Thai lines) from a local copy of its repository.

The THND OCR test set (``copninixh/TH-National-Document-OCR-Part-II`` on GitHub) holds 110 line images cut
from real scanned Thai government documents (``testset/01.jpg`` ... ``110.jpg``, 96 dpi, TH Sarabun) and
their truth, the ``Sentences`` column of ``report_performace_final.csv`` (at the repository's root at commit
``1b887b9``, under ``05 testingg/`` at later ones): the n-th line with text is image n. The CSV has one wholly
blank line between two batches of rows; it is skipped.

Only the odd-numbered images (01, 03, ..., 109) are ours to look at, measure and tune on: the even ones are
kept for acceptance, so this script never extracts an even image nor reads an even truth row beyond
counting the rows. It writes ``NN.jpg`` and ``NN.gt.txt`` (the truth line, UTF-8) into the output folder
(``thnd-odd/`` by default, git-ignored), for ``python -m ocr_pipeline.bench real-lines DIR``.

The repository has no licence file, so neither its images nor its truth are committed here.

    git clone https://github.com/copninixh/TH-National-Document-OCR-Part-II thnd
    .venv/bin/python scripts/unpack_thnd.py thnd [--commit 1b887b9] [--out thnd-odd]

Exit status: 0 done; 2 the copy, the commit or a file in it was not found, or the truth is not as expected.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from pathlib import Path

COMMIT = "1b887b9"
N_IMAGES = 110
TRUTH_PATHS = ("report_performace_final.csv", "05 testingg/report_performace_final.csv")


class UnpackError(Exception):
    """The copy of the repository is not as expected (message says what to do)."""


def git_show(repo: Path, commit: str, path: str) -> bytes:
    """A file of ``commit`` in the local repository ``repo`` (a work tree or a bare repository)."""
    done = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True)
    if done.returncode:
        raise UnpackError(f"{path} not found at {commit} in {repo}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def odd_truth(csv_bytes: bytes) -> dict[int, str]:
    """Image number -> truth line, for the odd images only (the n-th row with text is image n)."""
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    if not rows or "Sentences" not in rows[0]:
        raise UnpackError("the truth CSV has no 'Sentences' column")
    col = rows[0].index("Sentences")
    data = [r for r in rows[1:] if any(field.strip() for field in r)]  # one blank line between batches
    if len(data) != N_IMAGES:
        raise UnpackError(f"the truth CSV has {len(data)} rows with text, expected {N_IMAGES}")
    return {n: data[n - 1][col].strip() for n in range(1, N_IMAGES + 1, 2)}


def find_truth(repo: Path, commit: str) -> bytes:
    for path in TRUTH_PATHS:
        try:
            return git_show(repo, commit, path)
        except UnpackError:
            continue
    raise UnpackError(f"no truth CSV ({' or '.join(TRUTH_PATHS)}) at {commit} in {repo}")


def unpack(repo: Path, commit: str, out: Path) -> int:
    """Write the odd images and their truth into ``out``; returns how many lines were written."""
    truth = odd_truth(find_truth(repo, commit))
    out.mkdir(parents=True, exist_ok=True)
    for n, text in truth.items():
        if not text:
            raise UnpackError(f"image {n:02d} has an empty truth row")
        (out / f"{n:02d}.jpg").write_bytes(git_show(repo, commit, f"testset/{n:02d}.jpg"))
        (out / f"{n:02d}.gt.txt").write_text(text + "\n", encoding="utf-8")
    return len(truth)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("repo", type=Path, help="local copy of the THND repository (work tree or bare)")
    ap.add_argument("--commit", default=COMMIT, help=f"commit to read (default {COMMIT})")
    ap.add_argument("--out", type=Path, default=Path("thnd-odd"), help="output folder (default thnd-odd)")
    args = ap.parse_args(argv)
    try:
        n = unpack(args.repo, args.commit, args.out)
    except UnpackError as exc:
        print(f"{args.repo}: error: {exc}; check the path and the commit", file=sys.stderr)
        return 2
    print(f"{n} odd-numbered lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
