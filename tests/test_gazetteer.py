"""Fuzzy gazetteer over geothai: blocking, runner-up margins, Thai-safe scoring."""

from ocr_pipeline.clean import gazetteer as g


def test_index_holds_every_area_once():
    ix = g.index()
    assert len(ix["province"].places) == 77
    assert len(ix["district"].places) == 928
    assert len(ix["subdistrict"].places) == 7436


def test_bangkok_districts_are_named_without_khet_and_match_with_it():
    assert g.place("1001").name == "พระนคร"
    m = g.match_district("เขตพระนคร")
    assert m.place is not None and m.place.code == "1001" and m.score == 100


def test_garbled_subdistrict_blocked_by_province_is_accepted_with_margin():
    m = g.match_subdistrict("กกโค", within="16")
    assert m.place is not None and m.place.code == "160103"
    assert m.score >= 75 and m.accepted(threshold=70, margin=10)
    assert m.runner_up is not None and m.runner_up_score < m.score


def test_confusable_letters_cost_less_than_other_letters():
    # ด for ต is an OCR confusion: scored above a plain one-letter substitution
    assert g.similarity("ดะลุง", "ตะลุง") > g.similarity("ปะลุง", "ตะลุง")
    m = g.match_subdistrict("ดะลุง", within="16")
    assert m.place is not None and m.place.name == "ตะลุง" and m.score >= 90


def test_thai_vowels_and_tone_marks_count():
    # default_process would strip these and call the names equal
    assert g.name_key("นาดี") != g.name_key("นาดี้")
    assert g.similarity("ท่าแค", "ท่าแค") == 100
    assert g.similarity("ท่าแค", "ท่าแก") < 100
    assert g.name_key(" ท่า  วุ้ง. ") == "ท่าวุ้ง"


def test_repeated_subdistrict_names_tie_until_blocked():
    m = g.match_subdistrict("วังทอง")
    assert m.place is None and len(m.tied) == 9 and m.score == 100
    assert not m.accepted()
    blocked = g.match_subdistrict("วังทอง", within="65")
    assert blocked.place is not None and blocked.place.code == "650801"


def test_capital_district_written_as_mueang():
    m = g.match_district("อ.เมือง", province_code="16")
    assert m.place is not None and m.place.code == "1601" and m.place.name == "เมืองลพบุรี"


def test_province_aliases_and_level_words():
    assert g.match_province("กทม").place.code == "10"
    assert g.match_province("จ.ลพบรี").place.code == "16"
    assert g.strip_level_word("จังหวัดลพบุรี") == "ลพบุรี"


def test_bracketed_second_name_is_an_alias():
    # "ปอภาร (ปอพาน)" in Roi Et: its other name ties with the real ปอพาน in Maha Sarakham
    m = g.match_subdistrict("ปอพาน")
    assert {p.code for p in m.tied} == {"440706", "450109"} and m.place is None
    assert g.place("450109").name == "ปอภาร"


def test_parents_and_within():
    sub, dist, prov = g.parents(g.place("160103"))
    assert (sub.name, dist.name, prov.name) == ("กกโก", "เมืองลพบุรี", "ลพบุรี")
    assert {p.code for p in g.within("district", "16")} >= {"1601", "1611"}
    assert all(p.code.startswith("1601") for p in g.within("subdistrict", "1601"))


def test_top_places_for_keys_applies_penalties():
    found = g.top_places_for_keys(["กกโก", "กก"], [0.0, 50.0], "subdistrict", "16", 2)
    assert found[0][0].code == "160103" and found[0][1] == 100 and found[0][2] == "กกโก"
