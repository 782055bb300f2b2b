"""Signatory names: parsing and whole-document repair."""

from __future__ import annotations

import pytest

from ocr_pipeline.clean import names as nm


@pytest.mark.parametrize(
    "text, title, given, family",
    [
        ("นายวิภาค คงไชย", "นาย", "วิภาค", "คงไชย"),
        ("( นางสาวสุดา  ใจดี )", "นางสาว", "สุดา", "ใจดี"),
        ("ว่าที่ร้อยตรี ดร.สมชาย ใจดี", "ว่าที่ร้อยตรี ดร.", "สมชาย", "ใจดี"),
        ("นางมาลี", "นาง", "มาลี", ""),
        ("สมชาย ใจดี", "", "สมชาย", "ใจดี"),
    ],
)
def test_parse_name(text, title, given, family):
    p = nm.parse_name(text)
    assert (p.title, p.given, p.family) == (title, given, family)


def test_garbled_reading_fixed_from_a_known_reading_in_the_document():
    names, corr, warn = nm.resolve_names([(1, "signatory", "นายวิภาค คงไชย"), (3, "body", "นายวิภาด คงไชย")])
    assert names == ["นายวิภาค คงไชย", "นายวิภาค คงไชย"]
    assert [(c.page, c.field, c.before, c.after, c.rule) for c in corr] == [
        (3, "body", "นายวิภาด คงไชย", "นายวิภาค คงไชย", "name")
    ]
    assert 0 < corr[0].score <= 100 and warn == []


def test_majority_of_unknown_readings_wins():
    # family name not in pythainlp's list: two readings against one
    mentions = [
        (1, "signatory", "นางสาวสุดา พรหมวิเศษกุล"),
        (2, "signatory", "นางสาวสุดา พรหมวิเศษกุล"),
        (2, "body", "นางสาวสุดา พรหมวิเศมกุล"),
    ]
    names, corr, _ = nm.resolve_names(mentions)
    assert names == ["นางสาวสุดา พรหมวิเศษกุล"] * 3
    assert len(corr) == 1 and corr[0].page == 2


def test_reading_that_lost_a_mark_follows_the_one_that_kept_it():
    names, _, _ = nm.resolve_names([(1, "s", "นางบุษบา ฉ่ำสันเทียะ"), (2, "s", "นางบุษบา ฉำสันเทียะ")])
    assert names == ["นางบุษบา ฉ่ำสันเทียะ"] * 2


def test_single_readings_and_different_people_are_left_alone():
    mentions = [(1, "s", "นายอธิบ มุกตรี"), (1, "s", "นางสาวสุดา รักษ์ไทย"), (2, "s", "นายสมชาย ใจดี")]
    names, corr, warn = nm.resolve_names(mentions)
    assert names == [m[2] for m in mentions]
    assert corr == [] and warn == []


def test_two_known_readings_are_a_conflict_not_a_correction():
    names, corr, warn = nm.resolve_names([(1, "s", "นายสมชาย ใจดี"), (2, "s", "นายสมชาติ ใจดี")])
    assert names == ["นายสมชาย ใจดี", "นายสมชาติ ใจดี"]
    assert corr == []
    assert warn and "สมชาติ" in warn[0]


def test_lost_space_between_given_and_family_name():
    names, corr, _ = nm.resolve_names([(1, "s", "นายวิภาค คงไชย"), (2, "s", "นายวิภาคคงไชย")])
    assert names == ["นายวิภาค คงไชย"] * 2
    assert corr[0].before == "นายวิภาคคงไชย"


def test_titles_are_kept():
    names, _, _ = nm.resolve_names([(1, "s", "ว่าที่ร้อยตรีวิภาค คงไชย"), (2, "s", "นายวิภาด คงไชย")])
    assert names == ["ว่าที่ร้อยตรีวิภาค คงไชย", "นายวิภาค คงไชย"]


def test_custom_known_lists():
    known = nm.KnownNames(frozenset({"อรุณี"}), frozenset())
    names, corr, _ = nm.resolve_names([(1, "s", "นางอรุณี แสงทอง"), (2, "s", "นางอรุนี แสงทอง")], known)
    assert names == ["นางอรุณี แสงทอง"] * 2 and len(corr) == 1


def test_find_names_in_body_text():
    text = "มอบหมายให้นายวิภาค คงไชย ตำแหน่งเจ้าพนักงานธุรการ รายงานต่อนายกเทศมนตรีตำบลกกโก"
    assert nm.find_names(text) == [(10, 24, "นายวิภาค คงไชย")]
