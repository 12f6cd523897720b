"""Reference look-ups and sentencing rules, on small synthetic data (no files)."""

from __future__ import annotations

from typing import Any

import pytest

from tipdesk.core.reference import CODE_LISTS, Reference, SentenceLimit


def _data() -> dict[str, Any]:
    codes: dict[str, Any] = {name: [{"code": "other", "name": "Other"}] for name in CODE_LISTS}
    codes["exploitation_forms"] = [
        {"code": "forced_labour", "name": "Forced labour"},
        {"code": "other", "name": "Other"},
    ]
    codes["countries"] = [
        {"code": "PK", "name": "Pakistan"},
        {"code": "AE", "name": "United Arab Emirates"},
    ]
    return {
        "geography": {
            "provinces": [
                {
                    "code": "AA",
                    "name": "Alpha Province",
                    "districts": [
                        {"code": "AA-ONE", "name": "Alpha One"},
                        {"code": "AA-TWO", "name": "Alpha  Two"},
                    ],
                },
                {
                    "code": "BB",
                    "name": "Beta Province",
                    "districts": [{"code": "BB-ONE", "name": "Beta One"}],
                },
            ]
        },
        "offices": {
            "offices": [
                {"code": "OFF-1", "name": "Circle One", "district": "AA-ONE", "kind": "fia_circle"}
            ]
        },
        "organisations": {
            "agencies": [{"code": "fia", "name": "Federal Investigation Agency (FIA)"}],
            "departments": [{"code": "police", "name": "Police"}],
            "partners": [{"code": "unodc", "name": "UNODC"}],
        },
        "codes": codes,
        "sentences": {
            "_comment": "ignored",
            "laws": {
                "_note": {"not": "a law"},
                "act_one": {
                    "title": "The First Act",
                    "short": "Act 1",
                    "default_section": "3",
                    "sections": {
                        "_comment": "ignored too",
                        "3": {"max_imprisonment_months": 84, "max_fine_pkr": 1000000},
                        "4": {"max_imprisonment_months": 120},
                    },
                },
            },
        },
    }


@pytest.fixture
def ref() -> Reference:
    return Reference(**_data())


def test_geography(ref: Reference) -> None:
    assert set(ref.provinces) == {"AA", "BB"}
    assert [d.code for d in ref.districts_of("AA")] == ["AA-ONE", "AA-TWO"]
    assert ref.districts["BB-ONE"].province == "BB"
    assert ref.districts_of("ZZ") == []


@pytest.mark.parametrize(
    "text", ["Alpha One", "alpha one", "ALPHA ONE", "  alpha   one ", "aa-one"]
)
def test_district_lookup_is_case_and_space_insensitive(ref: Reference, text: str) -> None:
    district = ref.district(text)
    assert district is not None
    assert district.code == "AA-ONE"


def test_district_lookup_normalises_stored_names_too(ref: Reference) -> None:
    district = ref.district("alpha two")
    assert district is not None
    assert district.code == "AA-TWO"


def test_unknown_district_is_none(ref: Reference) -> None:
    assert ref.district("Nowhere") is None
    assert ref.district("") is None


def test_offices(ref: Reference) -> None:
    office = ref.offices["OFF-1"]
    assert (office.district, office.kind) == ("AA-ONE", "fia_circle")


def test_list_lookup_accepts_name_or_code_any_case(ref: Reference) -> None:
    assert ref.lookup("exploitation_forms", "FORCED LABOUR") == "forced_labour"
    assert ref.lookup("exploitation_forms", "Forced_Labour") == "forced_labour"
    assert ref.lookup("countries", "pakistan") == "PK"
    assert ref.lookup("countries", "ae") == "AE"
    assert ref.lookup("agencies", "federal investigation agency (fia)") == "fia"
    assert ref.lookup("countries", "Atlantis") is None


def test_has_items_and_label(ref: Reference) -> None:
    assert ref.has("partners", "unodc")
    assert not ref.has("partners", "UNODC")  # codes are exact; lookup() is the forgiving one
    assert set(ref.items("departments")) == {"police"}
    assert ref.label("countries", "AE") == "United Arab Emirates"
    assert ref.label("countries", "XX") == "XX"


def test_sentence_limit_for_known_section(ref: Reference) -> None:
    limit = ref.sentence_limit("act_one", "3")
    assert limit == SentenceLimit("act_one", "Act 1", "3", 84, 1000000)
    assert limit.citation == "Act 1 s.3"


def test_sentence_limit_missing_values_are_none(ref: Reference) -> None:
    limit = ref.sentence_limit("act_one", "4")
    assert limit is not None
    assert (limit.max_imprisonment_months, limit.max_fine_pkr) == (120, None)


def test_sentence_limit_blank_section_is_the_default(ref: Reference) -> None:
    limit = ref.sentence_limit("act_one", "")
    assert limit is not None
    assert limit.section == "3"
    assert limit.max_imprisonment_months == 84


@pytest.mark.parametrize("section", ["99", "_comment", "3(1)"])
def test_sentence_limit_unknown_section_is_none_never_the_default(
    ref: Reference, section: str
) -> None:
    assert ref.sentence_limit("act_one", section) is None


@pytest.mark.parametrize("written", ["3", " 3 ", "s.3", "S. 3", "Section 3", "sec.3"])
def test_sentence_limit_accepts_the_ways_officers_write_a_section(
    ref: Reference, written: str
) -> None:
    limit = ref.sentence_limit("act_one", written)
    assert limit is not None and limit.section == "3"


def test_unknown_law_is_none(ref: Reference) -> None:
    assert ref.sentence_limit("no_such_act", "3") is None


def test_underscore_keys_are_comments_not_laws(ref: Reference) -> None:
    assert ref.laws() == ["act_one"]
    assert ref.sentence_limit("_note") is None
