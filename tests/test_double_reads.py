"""Letters Tesseract read twice over one glyph go (``ocr.double_reads``)."""

from ocr_pipeline.model import Line, Word
from ocr_pipeline.ocr.double_reads import drop_double_reads
from ocr_pipeline.ocr.latin_reread import Anchor
from ocr_pipeline.ocr.tesseract import line_text


def _line(spec: list[tuple[str, tuple[int, int], bool]]) -> Line:
    words = [Word(t, (x0, 2313, x1, 2357), 93.0, space) for t, (x0, x1), space in spec]
    return Line(line_text(words), (words[0].box[0], 2291, words[-1].box[2], 2401), words)


def test_a_letter_read_again_over_its_own_ink_goes():
    """Fresh worn seed 156 doc 7: ``ศิรินั นัย`` for ศิรินัย (the boxes as read): the second น's box over the first's,
    with the same mark after it."""
    line = _line(
        [
            ("ศิ", (1659, 1705), True),
            ("ร", (1704, 1727), False),
            ("ิ", (1726, 1750), False),
            ("น", (1749, 1778), False),
            ("ั", (1777, 1801), False),
            ("น", (1760, 1792), True),
            ("ั", (1791, 1813), False),
            ("ย", (1813, 1839), False),
            (")", (1848, 1866), False),
        ]
    )
    anchors: list[Anchor] = []
    fixes = drop_double_reads([line], 1, anchors)
    assert line_text(line.words) == "ศิรินัย)"
    assert [(c.before, c.after, c.rule) for c in fixes] == [("นั", "", "double-read")]
    assert anchors[0].context() == ("ศิรินั", "ย)")


def test_the_same_letter_twice_side_by_side_stays():
    """``นน`` of a real word (สนน, two glyphs side by side) and a repeated letter starting a new word both stay:
    their boxes do not lie over each other."""
    line = _line([("ส", (100, 130), True), ("น", (132, 160), False), ("น", (162, 190), True), ("ั", (175, 190), False)])
    assert drop_double_reads([line], 1) == []
    assert line_text(line.words) == "สน นั"


def test_a_letter_over_another_letter_stays():
    """A box over the word before it, with another letter (loose boxes of a worn print), is no double read."""
    line = _line([("น", (100, 130), True), ("ั", (128, 140), False), ("ม", (105, 135), True), ("ั", (133, 140), False)])
    assert drop_double_reads([line], 1) == []


def test_a_mark_read_again_as_a_letter_above_the_line_goes():
    """Fresh worn seed 156 doc 18: ``จึงเรียนมาเพื พื่อโปรดทราบ`` (the boxes as read): the sara uee read twice, once as a
    พ boxed wholly above the line's letters; the lexicon then wrote ``เพื เพื่อโปรดทราบ``. The letter and the repeated
    mark go."""
    spec = [
        ("จ", (614, 1951, 644, 2018), False),
        ("ึ", (655, 1976, 672, 2018), False),
        ("ง", (671, 1947, 695, 2037), False),
        ("เร", (694, 1951, 743, 2018), False),
        ("ี", (750, 1976, 779, 2018), False),
        ("ย", (778, 1947, 807, 2037), False),
        ("น", (806, 1976, 831, 2018), False),
        ("ม", (836, 1976, 858, 2018), False),
        ("า", (878, 1976, 892, 2018), False),
        ("เพ", (891, 1947, 928, 2037), False),
        ("ื", (947, 1976, 972, 2018), False),
        ("พ", (941, 1936, 970, 1972), True),
        ("ื", (982, 1976, 997, 2018), False),
        ("่", (996, 1932, 1023, 2037), False),
        ("อ", (1022, 1947, 1041, 2019), False),
        ("โป", (1048, 1956, 1108, 2019), False),
        ("ร", (1107, 1932, 1141, 2037), False),
        ("ด", (1140, 1976, 1158, 2018), False),
    ]
    words = [Word(t, box, 93.0, space) for t, box, space in spec]
    line = Line(line_text(words), (614, 1932, 1158, 2037), words)
    fixes = drop_double_reads([line], 1)
    assert line_text(line.words) == "จึงเรียนมาเพื่อโปรด"
    assert [(c.before, c.rule) for c in fixes] == [("พื", "double-read")]
    # the same letter on the line's base (a real word after the mark: ``มาเพื พ…`` as printed) stays
    words = [Word(t, box, 93.0, space) for t, box, space in spec]
    words[11] = Word("พ", (941, 1976, 970, 2018), 93.0, True)
    line = Line(line_text(words), (614, 1932, 1158, 2037), words)
    assert drop_double_reads([line], 1) == []


def test_a_syllable_read_again_with_other_marks_goes():
    """Fresh standard seed 173 doc 4 (the boxes as read): ``ให้ผู้ ผู้บริหารทราบ``, the second ผู's box half over the
    first's; standard seed 161 doc 4: ``มี มีผู้มา``, the second ม over the first's ี (the first ม boxed one pixel wide).
    The first reading goes and the second joins the word the syllable ended."""
    line = _line(
        [
            ("ให", (1060, 1094), True),
            ("้", (1094, 1110), False),
            ("ผู", (1109, 1152), False),
            ("้", (1151, 1164), False),
            ("ผู", (1131, 1172), True),
            ("้", (1172, 1192), False),
            ("บ", (1198, 1217), False),
        ]
    )
    anchors: list[Anchor] = []
    fixes = drop_double_reads([line], 1, anchors)
    assert line_text(line.words) == "ให้ผู้บ"
    assert [(c.before, c.after, c.rule) for c in fixes] == [("ผู้", "", "double-read")]
    assert anchors[0].context() == ("ให้", "ผู้บ")
    line = _line(
        [
            ("ร", (2979, 2994), False),
            ("ม", (3030, 3031), True),
            ("ี", (3061, 3088), False),
            ("ม", (3059, 3080), True),
            ("ี", (3079, 3098), False),
            ("ผู", (3099, 3132), False),
        ]
    )
    assert [c.before for c in drop_double_reads([line], 1)] == ["มี"]
    assert line_text(line.words) == "ร มีผู"


def test_a_word_starting_with_the_syllable_before_it_stays():
    """The same consonant starting the next word, side by side (``ให้ผู้ ผู้บริหาร`` as printed with its space), or over
    another consonant's ink, is no double read."""
    line = _line([("ผู", (100, 140), False), ("้", (140, 150), False), ("ผู", (160, 200), True), ("้", (200, 210), False)])
    assert drop_double_reads([line], 1) == []
    line = _line([("มา", (100, 140), False), ("ก", (120, 150), True), ("ว", (150, 170), False)])
    assert drop_double_reads([line], 1) == []


def test_the_reading_with_fewer_marks_goes():
    """Worn seed 164 doc 1 (the boxes as read): ``ยิ่งขึ้น นั้ นัน`` for นั้น, the second reading without the tone mark: it
    goes, and the rest of its word joins the first."""
    line = _line(
        [
            ("น", (883, 908), False),
            ("น", (931, 948), True),
            ("ั", (947, 964), False),
            ("้", (963, 983), False),
            ("น", (938, 967), True),
            ("ั", (966, 988), False),
            ("น", (993, 1025), False),
        ]
    )
    fixes = drop_double_reads([line], 1)
    assert line_text(line.words) == "น นั้น"
    assert [(c.before, c.rule) for c in fixes] == [("นั", "double-read")]


def test_a_second_reading_with_another_vowel_stays():
    """Worn seed 170 doc 13: ``มู มาตรการ`` for มาตรการ: the second reading's า is no mark the first has; the first goes."""
    line = _line(
        [("ม", (100, 130), True), ("ู", (110, 128), False), ("ม", (105, 133), True), ("า", (133, 150), False)]
        + [("ต", (150, 175), False)]
    )
    fixes = drop_double_reads([line], 1)
    assert line_text(line.words) == "มาต" and [c.before for c in fixes] == ["มู"]
