"""Exit codes and the errors a user can act on.

``ExitCode`` is the one list of the command's exit statuses: the CLI's ``--help`` epilog is generated
from it and a test checks the README's exit-status table against it. Each ``PipelineError`` subclass
carries one of these codes and a one-line message that says what to do; the CLI prints
``<input>: error: <message>`` on stderr (no traceback unless ``--debug``) and goes on with the next input.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The command's exit status; with several failures, the code of the first one."""

    description: str

    def __new__(cls, value: int, description: str) -> ExitCode:
        member = int.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    OK = 0, "every input was processed"
    INTERNAL = 1, "unexpected internal error (rerun with `--debug` and report the traceback)"
    USAGE = 2, "wrong command-line usage"
    NOT_FOUND = 3, "input not found (or its path is too long to exist)"
    UNSUPPORTED = 4, "unsupported file type, or no supported file in the folders given"
    EMPTY = 5, "empty file (0 bytes)"
    CORRUPT = 6, "damaged or truncated file (PDF or image)"
    ENCRYPTED = 7, "encrypted PDF (remove the password, e.g. `qpdf --decrypt`)"
    NO_TEXT = 8, "no text found on any page (blank scan)"
    ENGINE_MISSING = 9, "Tesseract, its Thai language data, or poppler is not installed"
    OUTPUT = (
        10,
        "the output cannot be written (folder not writable or a file, disk full, another run writing there), or it would replace an input or a file this tool did not write",
    )
    OCR_FAILED = 11, "Tesseract failed on a page"
    OVER_LIMIT = 12, "a page or document is over a limit (`--max-pixels`, `--max-pages`, `--max-upscale`)"
    UNREADABLE = 13, "the input file or folder cannot be read (permission denied)"
    WORKER_DIED = 14, "the process reading a page died (out of memory, or killed)"
    CLUSTER = 15, "the Dask scheduler given with `--scheduler` cannot be reached"
    INTERRUPTED = 130, "interrupted (Ctrl-C, SIGINT): finished inputs are kept, a rerun goes on from there"
    TERMINATED = 143, "terminated (SIGTERM): finished inputs are kept, a rerun goes on from there"


def epilog_lines() -> list[str]:
    """The exit-status list of ``--help`` (plain text, one code a line)."""
    return [f"  {code.value:>3}  {code.description.replace('`', '')}" for code in ExitCode]


def markdown_table() -> str:
    """The README's exit-status table, as the test expects it."""
    rows = ["| code | meaning |", "| --- | --- |"]
    rows += [f"| {code.value} | {code.description} |" for code in ExitCode]
    return "\n".join(rows)


class PipelineError(Exception):
    """Base class: a known failure of one input."""

    exit_code: ExitCode = ExitCode.INTERNAL
    hint = ""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        text = str(self)
        if self.hint:
            text = f"{text}; {self.hint}"
        return " ".join(text.split())


class InputNotFound(PipelineError):
    exit_code = ExitCode.NOT_FOUND
    hint = "check the path"


class UnsupportedInput(PipelineError):
    exit_code = ExitCode.UNSUPPORTED
    hint = "give a PDF, PNG, JPEG, TIFF, .txt, .md or .html file, or a folder of them"


class EmptyInput(PipelineError):
    exit_code = ExitCode.EMPTY
    hint = "copy it again from its source"


class CorruptInput(PipelineError):
    exit_code = ExitCode.CORRUPT
    hint = "copy it again from its source or re-scan it"


class EncryptedInput(PipelineError):
    exit_code = ExitCode.ENCRYPTED
    hint = "remove the password first (for example: qpdf --decrypt --password=PW in.pdf out.pdf)"


class NoTextFound(PipelineError):
    exit_code = ExitCode.NO_TEXT
    hint = "no page has readable text: check that the scan is not blank and has at least 150 dpi"


class OcrEngineMissing(PipelineError):
    exit_code = ExitCode.ENGINE_MISSING
    hint = "install it with: apt-get install tesseract-ocr tesseract-ocr-tha tesseract-ocr-script-thai (or run scripts/setup.sh)"


class OutputError(PipelineError):
    exit_code = ExitCode.OUTPUT
    hint = "check that the output folder is writable and the disk is not full"


class OcrFailed(PipelineError):
    exit_code = ExitCode.OCR_FAILED
    hint = "Tesseract failed on this page: rerun with --debug to see its message"


class OverLimit(PipelineError):
    """A page or document over a configured limit; the message names the limit and its option."""

    exit_code = ExitCode.OVER_LIMIT
    hint = ""


class UnreadableInput(PipelineError):
    exit_code = ExitCode.UNREADABLE
    hint = "check the permissions of the file and its folders"


class WorkerDied(PipelineError):
    exit_code = ExitCode.WORKER_DIED
    hint = "if memory is short, lower --jobs or --max-pixels; the other inputs were processed"


class ClusterUnavailable(PipelineError):
    exit_code = ExitCode.CLUSTER
    hint = "check the address (tcp://HOST:8786) and that the scheduler and its workers are running"
