"""ไ and ใ read as an opening bracket (clean/vowel_brackets.py)."""

from __future__ import annotations

import pytest

from ocr_pipeline.clean.lexicon import apply_changes
from ocr_pipeline.clean.vowel_brackets import vowel_brackets


@pytest.mark.parametrize(
    "read, right",
    [
        ("(ด้ดำเนินการประชาสัมพันธ์", "ได้ดำเนินการประชาสัมพันธ์"),  # fresh worn seed 112 doc 12
        ("[ด้ดำเนินการเผยแพร่รายงาน", "ได้ดำเนินการเผยแพร่รายงาน"),  # doc 18
        ("(ม่มีเรื่องร้องเรียน", "ไม่มีเรื่องร้องเรียน"),
        ("ส่งเสริม (ห้พนักงาน", "ส่งเสริม ให้พนักงาน"),
        ("(รอบ ๖ เดือน)", "(รอบ ๖ เดือน)"),  # a bracket that opens something
        ("(รอบ ๖ เดือน", "(รอบ ๖ เดือน"),  # รอบ is a word: the closing bracket lost
        ("(ไตรมาสที่ ๑", "(ไตรมาสที่ ๑"),
        ("ภร(รจ", "ภร(รจ"),  # inside a garble
        ("(รย", "(รย"),  # ไร is a word, ย none after it
    ],
)
def test_a_leading_vowel_read_as_a_bracket(read, right):
    changes = vowel_brackets(read)
    assert apply_changes(read, changes) == right
    assert all(c.rule == "vowel-bracket" for c in changes)
