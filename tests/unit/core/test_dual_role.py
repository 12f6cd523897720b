"""Which accused of a case match its victims, which matches a review covers, and what marks an
accused proceeded against or convicted while a match is open."""

from __future__ import annotations

import copy
import datetime as dt

from tipdesk.core.codes import Outcome
from tipdesk.core.dual_role import (
    case_matches,
    covered,
    marking_problems,
    marks,
    open_matches,
    open_pairs,
    person,
    same_person,
)
from tipdesk.core.records import Accused, Case, Victim


def _case() -> Case:
    """Accused a1 matches victim v1 by name and father's name; a2 matches nobody; a3 matches
    v2 by CNIC."""
    return Case(
        id="c1",
        accused=[
            Accused(id="a1", name="Sana  bibi", father_name="Nazir Ahmed"),
            Accused(id="a2", name="Akram Khan", cnic="35202-1234567-1"),
            Accused(id="a3", name="Third Person", cnic="35202-7654321-2"),
        ],
        victims=[
            Victim(id="v1", victim_code="V-1", name="Sana Bibi", father_name="nazir ahmed"),
            Victim(id="v2", victim_code="V-2", name="Other Girl", cnic="35202-7654321-2"),
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


def test_case_matches_name_each_victim_by_id_and_sign() -> None:
    assert case_matches(_case()) == {0: ["v1:name"], 2: ["v2:cnic"]}


def test_deleted_people_match_nobody() -> None:
    case = _case()
    case.accused[0].deleted = True
    case.victims[1].deleted = True
    assert case_matches(case) == {}


def test_a_review_covers_the_same_sign_and_a_cnic_review_covers_a_name_match() -> None:
    assert covered("v1:name", ["v1:name"])
    assert covered("v1:name", ["v1:cnic"])
    assert not covered("v1:cnic", ["v1:name"])  # the stronger sign is looked at again
    assert not covered("v1:name", ["v2:name", "v2:cnic"])
    accused = Accused(dual_role_matches=["v1:name", "v2:cnic"], dual_role_reviewed=["v1:name"])
    assert open_matches(accused) == ["v2:cnic"]


def test_marking_is_proceeding_or_convicting_in_this_save() -> None:
    old = Accused(id="a1")
    now = copy.deepcopy(old)
    assert marks(now, old) == []
    now.proceeded_on = dt.date(2025, 1, 2)
    assert marks(now, old) == ["proceeded_on"]
    assert marks(now, copy.deepcopy(now)) == []  # already proceeded against: no new mark
    now.outcome = Outcome.CONVICTED
    assert marks(now, None) == ["proceeded_on", "outcome"]  # a new accused marks what it holds
    acquitted = copy.deepcopy(now)
    acquitted.outcome = Outcome.ACQUITTED
    assert marks(now, acquitted) == ["outcome"]


def test_an_open_match_refuses_only_the_marking() -> None:
    old = _case()
    for a, found in zip(old.accused, (["v1:name"], [], ["v2:cnic"]), strict=True):
        a.dual_role_matches = found
    case = copy.deepcopy(old)
    case.narrative = "an edit that marks nobody"
    assert marking_problems(case, old) == []
    case.accused[0].proceeded_on = dt.date(2025, 3, 1)  # open: refused
    case.accused[1].proceeded_on = dt.date(2025, 3, 1)  # no match: fine
    case.accused[2].outcome = Outcome.CONVICTED  # open, by CNIC
    case.accused[2].proceeded_on = dt.date(2025, 3, 1)
    found = marking_problems(case, old)
    assert [(p.field, p.rule) for p in found] == [
        ("accused[0].proceeded_on", "dual_role"),
        ("accused[2].proceeded_on", "dual_role"),
        ("accused[2].outcome", "dual_role"),
    ]
    assert "victim 1 (same name)" in found[0].message
    assert "victim 2 (same CNIC, a strong sign)" in found[1].message
    assert "cannot be marked convicted" in found[2].message
    blind = marking_problems(case, old, detail=False)
    assert "victim V-2 of this case" in blind[1].message and "CNIC" not in blind[1].message
    # Reviewed: nothing is refused.
    for a in case.accused:
        a.dual_role_reviewed = list(a.dual_role_matches)
    assert marking_problems(case, old) == []


def test_matches_of_a_victim_no_longer_in_the_case_are_not_open_pairs() -> None:
    case = _case()
    case.accused[0].dual_role_matches = ["v1:name", "gone:cnic"]
    assert [(p.victim.id, p.sign) for p in open_pairs(case, case.accused[0])] == [("v1", "name")]
    case.victims[0].deleted = True
    assert open_pairs(case, case.accused[0]) == []
