"""``copy_lines``: copies of OCR lines that the re-readers change without touching Tesseract's own reading."""

import copy

from ocr_pipeline.model import Line, Word, copy_lines


def _lines() -> list[Line]:
    shared = Word("๒๕๖๖", (50, 0, 90, 20), 71.0, True)
    first = Line("มาตรการ ๒๕๖๖", (0, 0, 90, 20), [Word("มาตรการ", (0, 0, 45, 20), 90.0), shared], ["มาตรการ ๒๕๖๖"])
    second = Line("๒๕๖๖", (50, 0, 90, 20), [shared])
    return [first, second]


def test_copies_equal_a_deep_copy_and_keep_a_shared_word_shared() -> None:
    lines = _lines()
    twins = copy_lines(lines)
    assert twins == copy.deepcopy(lines)
    assert twins[0].words[1] is twins[1].words[0] and twins[0].words[1] is not lines[0].words[1]


def test_changing_a_copy_leaves_the_reading_as_it_was() -> None:
    lines = _lines()
    twins = copy_lines(lines)
    twins[0].words[0].text = "มาตราการ"
    twins[0].words.append(Word("x", (95, 0, 99, 20), 10.0))
    twins[0].readings.append("other")
    twins[1].text = ""
    assert lines == _lines()
