"""A problem's field path in words (tipdesk.core.field_paths): labels as the editors word them,
children by kind and number, what it does not know kept whole; the translators it is given
decide the language (the app's screens and the command line pass their own)."""

from __future__ import annotations

from tipdesk.core import field_paths
from tipdesk.core.messages import Message


def test_english_names_fields_by_their_labels_and_children_by_number() -> None:
    assert field_paths.path_words("case", "registered_on") == "Registered on"
    assert field_paths.path_words("case", "accused[0].age") == "Accused 1, Age (years)"
    assert (
        field_paths.path_words("case", "victims[2].referrals[0].referred_on")
        == "Victim 3, Referral 1, Referred on"
    )
    assert field_paths.path_words("campaign", "kind") == "Kind of campaign"


def test_a_case_units_member_labels_its_cases_fields() -> None:
    # An accused held with its case carries the case's paths: "kind" is the case's.
    assert field_paths.path_words("accused", "kind") == "Registered as"
    assert field_paths.path_words("accused", "age") == "Age (years)"


def test_what_it_does_not_know_stays_whole() -> None:
    assert field_paths.path_words("case", "") == ""
    assert field_paths.path_words("case", "no_such_field") == "no_such_field"
    assert field_paths.path_words("case", "accused[x].age") == "accused[x], Age (years)"
    assert field_paths.path_words("case", "accused.age") == "accused, Age (years)"


def test_the_callers_translators_and_separator_are_used() -> None:
    seen: list[Message] = []

    def message(m: Message) -> str:
        seen.append(m)
        return f"<{m.template.format(**m.args)}>"

    words = field_paths.path_words(
        "case",
        "accused[1].age",
        label=lambda english: english.upper(),
        message=message,
        separator=field_paths.comma("ur"),
    )
    assert words == "<Accused 2>، AGE (YEARS)"
    assert [m.template for m in seen] == ["Accused {n}"]
    assert field_paths.comma("en") == ", "
