"""Which accused of a case match its victims, and which matches a stored review did not cover."""

from __future__ import annotations

import copy

from tipdesk.core.dual_role import added, person, same_person
from tipdesk.core.records import Accused, Case, Victim


def _case() -> Case:
    """Accused a1 matches victim v1 by name and father's name; a2 matches nobody."""
    return Case(
        id="c1",
        accused=[
            Accused(id="a1", name="Sana  bibi", father_name="Nazir Ahmed"),
            Accused(id="a2", name="Akram Khan", cnic="35202-1234567-1"),
        ],
        victims=[
            Victim(id="v1", name="Sana Bibi", father_name="nazir ahmed", cnic=""),
            Victim(id="v2", name="Other Girl", cnic="35202-7654321-2"),
        ],
    )


def test_matching_rules() -> None:
    def why(a: Accused, v: Victim) -> str | None:
        return same_person(person(a), person(v))

    assert why(Accused(cnic="3520212345671"), Victim(cnic="35202-1234567-1")) == "same CNIC"
    # Two different valid CNICs are two people, whatever their names.
    assert (
        why(Accused(name="A B", cnic="3520212345671"), Victim(name="A B", cnic="3520212345672"))
        is None
    )
    assert why(Accused(name="A B", father_name="C"), Victim(name="a  b")) == "same name"
    assert why(Accused(name="A B", father_name="C"), Victim(name="A B", father_name="D")) is None
    assert why(Accused(name=""), Victim(name="")) is None


def test_nothing_is_added_against_itself_or_for_a_case_without_matches() -> None:
    case = _case()
    assert added(case, copy.deepcopy(case)) == []
    assert added(Case(accused=[Accused(name="X")], victims=[Victim(name="Y")]), None) == []


def test_every_match_is_added_against_no_stored_case() -> None:
    assert added(_case(), None) == [0]


def test_a_new_accused_or_a_changed_cnic_is_added() -> None:
    old = _case()
    case = copy.deepcopy(old)
    case.accused.append(Accused(name="New One", cnic="35202-7654321-2"))  # not saved: no id
    case.accused[1].cnic = "35202-7654321-2"
    assert added(case, old) == [1, 2]


def test_a_reviewed_match_that_changes_its_reason_is_not_added() -> None:
    old = _case()
    case = copy.deepcopy(old)
    case.accused[0].cnic = case.victims[0].cnic = "35202-0000000-1"
    assert added(case, old) == []


def test_deleted_people_match_nobody() -> None:
    old = _case()
    old.accused[0].deleted = True
    case = copy.deepcopy(old)
    assert added(case, old) == []
    case.accused[0].deleted = False  # restored: the match is back, and new to the review
    assert added(case, old) == [0]
    case.victims[0].deleted = True
    assert added(case, old) == []
