"""Errors a user can act on: each has an exit code and a one-line message that says what to do.

The CLI prints ``<input>: <message>`` on stderr (no traceback unless ``--debug``) and goes on
with the next input. The exit code table is documented in the README.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class: a known failure of one input."""

    exit_code = 1
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
    exit_code = 3
    hint = "check the path"


class UnsupportedInput(PipelineError):
    exit_code = 4
    hint = "give a PDF, PNG, JPEG, TIFF, .txt, .md or .html file, or a folder of them"


class EmptyInput(PipelineError):
    exit_code = 5
    hint = "copy it again from its source"


class CorruptInput(PipelineError):
    exit_code = 6
    hint = "copy it again from its source or re-scan it"


class EncryptedInput(PipelineError):
    exit_code = 7
    hint = "remove the password first (for example: qpdf --decrypt --password=PW in.pdf out.pdf)"


class NoTextFound(PipelineError):
    exit_code = 8
    hint = "no page has readable text: check that the scan is not blank and has at least 150 dpi"


class OcrEngineMissing(PipelineError):
    exit_code = 9
    hint = "install it with: apt-get install tesseract-ocr tesseract-ocr-tha (or run scripts/setup.sh)"


class OutputError(PipelineError):
    exit_code = 10
    hint = "check that the output folder is writable and the disk is not full"
