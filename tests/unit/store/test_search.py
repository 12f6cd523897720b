"""Full-text search: safe queries for any input, what is found, and what must not be."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pg_store import store_on_both_engines

from tipdesk.core.records import Case, Victim
from tipdesk.store.search import fts_query
from tipdesk.store.store import Actor, Store

__all__ = ["store_on_both_engines"]  # the module's store tests run on both engines

ACTOR = Actor("test.clerk", "device-test-0001", "2025-07-01T10:00:00.000Z")

# --- fts_query -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "---", '"', "()*:^", "\t\n", "+-/"])
def test_no_words_is_no_query(text: str) -> None:
    assert fts_query(text) is None


def test_words_are_quoted_and_the_last_one_is_a_prefix() -> None:
    # Folded (lower case, Urdu letters made one: tipdesk.core.folding), as the index holds
    # words; a word typed otherwise is an alternative, for rows indexed before folding.
    assert fts_query('FIR 12/2024 "NEAR(a b)"') == '"fir" "12" "2024" "near" "a" "b"*'
    assert fts_query("علي 12") == '("علی" OR "علي") AND "12"*'
    assert fts_query("V-001", "code") == 'code : ("v" "001"*)'
    assert fts_query("snake_case") == '"snake" "case"*'


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory, make: Any) -> Iterator[Store]:
    """A store with a little of everything, shared by the generated-input tests."""
    s = Store.create(tmp_path_factory.mktemp("search") / "t.db", os.urandom(32))
    solo = make.victim(victim_code="V-SOLO")
    s.save([make.case(), make.training(), make.campaign(), solo], ACTOR)
    yield s
    s.close()


FTS_SYNTAX = st.sampled_from(
    ['"', "*", "^", ":", "(", ")", "-", "+", "AND", "OR", "NOT", "NEAR", "{", "}", "'", "\x00"]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=40) | st.lists(FTS_SYNTAX | st.text(max_size=6), max_size=8).map(" ".join)
)
@example("0_0")  # one regex word, but two FTS tokens: a phrase query
@example("snake_case_word FIR_17")
@example("x\u0301y ǅ ⅷ ² ﹍ a‿b")
@example('"unbalanced (quote* NEAR(a b) AND OR NOT ^col: {x}')
def test_no_input_is_an_fts_error(searchable: Store, text: str) -> None:
    for include_identity in (True, False):
        hits = searchable.search(text, include_identity=include_identity)
        assert isinstance(hits, list)


@settings(max_examples=50, deadline=None)
@given(text=st.text(alphabet=st.characters(categories=["L", "N", "M", "Pc"]), min_size=1))
def test_unicode_words_are_safe(searchable: Store, text: str) -> None:
    q = fts_query(text)
    assert q is None or q.count('"') % 2 == 0
    searchable.search(text, include_identity=True)


# --- what is found -------------------------------------------------------------------------------


def _kinds_ids(hits: list[Any]) -> set[tuple[str, str]]:
    return {(h.kind, h.id) for h in hits}


def _case_ids(store: Store, text: str, *, identity: bool = False) -> set[str]:
    return {h.id for h in store.search(text, include_identity=identity) if h.kind == "case"}


def _victim_ids(store: Store, text: str, *, identity: bool) -> set[str]:
    return {h.id for h in store.search(text, include_identity=identity) if h.kind == "victim"}


@pytest.fixture
def two_cases(store: Store, make: Any, actor: Actor) -> tuple[Case, Case]:
    a = make.case(
        case_number="FIR 17/2024",
        narrative="Xylophonic brickkiln bondage of fictional workers",
        investigating_officer="Inspector Quillfeather",
        accused=[make.accused(name="Qwertyman Fakeaccused", cnic="9990011122233")],
        victims=[
            make.victim(
                victim_code="V-LHR-0042",
                name="Zarqawina Testvictim",
                father_name="Plumbago Testfather",
                cnic="9990044455566",
                phone="03001234567",
            )
        ],
    )
    b = make.case(
        case_number="FIR 23/2025",
        narrative="Another synthetic narrative about a factory",
        accused=[make.accused(name="Otherman Fakeaccused", cnic="8880011122233")],
        victims=[make.victim(victim_code="V-KHI-0007", name="Otherwoman Testvictim", cnic="")],
    )
    store.save([a, b], actor)
    return a, b


def test_cases_by_case_number(store: Store, two_cases: tuple[Case, Case]) -> None:
    a, b = two_cases
    assert _case_ids(store, "FIR 17/2024") == {a.id}
    assert _case_ids(store, "23/2025") == {b.id}
    assert _case_ids(store, "FIR") == {a.id, b.id}
    assert _case_ids(store, "FIR 55/2024") == set()


def test_cases_by_accused_name_prefix(store: Store, two_cases: tuple[Case, Case]) -> None:
    a, _b = two_cases
    assert _case_ids(store, "Qwertyman") == {a.id}
    assert _case_ids(store, "qwerty") == {a.id}
    assert _case_ids(store, "Qwertyman Fakeacc") == {a.id}
    assert _case_ids(store, "Qwer Fakeaccused") == set()  # only the last word is a prefix
    assert _case_ids(store, "Fakeaccused") == {a.id, _b.id}
    assert _case_ids(store, "wertyman") == set()  # prefixes, not infixes


@pytest.mark.parametrize("cnic", ["9990011122233", "99900-1112223-3", "9990011"])
def test_cases_by_accused_cnic(store: Store, two_cases: tuple[Case, Case], cnic: str) -> None:
    a, _b = two_cases
    assert _case_ids(store, cnic) == {a.id}


def test_cases_by_narrative_words(store: Store, two_cases: tuple[Case, Case]) -> None:
    a, b = two_cases
    assert _case_ids(store, "xylophonic") == {a.id}
    assert _case_ids(store, "Brickkiln Xylo") == {a.id}
    assert _case_ids(store, "factory") == {b.id}
    assert _case_ids(store, "Quillfeather") == {a.id}  # the investigating officer
    assert _case_ids(store, "xylophonic factory") == set()  # every word must match


def test_victims_by_code_always(store: Store, two_cases: tuple[Case, Case]) -> None:
    a, _b = two_cases
    victim_id = a.victims[0].id
    for identity in (False, True):
        assert _victim_ids(store, "V-LHR-0042", identity=identity) == {victim_id}
        assert _victim_ids(store, "LHR 0042", identity=identity) == {victim_id}
    assert a.id in _case_ids(store, "V-LHR-0042")  # cases index their victims' codes


@pytest.mark.parametrize(
    "identity_text",
    ["Zarqawina", "Zarqawina Testvictim", "Plumbago", "9990044455566", "99900-4445556-6",
     "03001234567"],
)  # fmt: skip
def test_victims_by_identity_only_when_allowed(
    store: Store, two_cases: tuple[Case, Case], identity_text: str
) -> None:
    a, _b = two_cases
    victim_id = a.victims[0].id
    assert _victim_ids(store, identity_text, identity=True) == {victim_id}
    assert store.search(identity_text, include_identity=False) == []


def test_hits_carry_no_identity(store: Store, two_cases: tuple[Case, Case]) -> None:
    hits = store.search("Zarqawina", include_identity=True)
    assert len(hits) == 1
    assert hits[0].label == "V-LHR-0042"
    assert "Zarqawina" not in f"{hits[0].label} {hits[0].detail}"


def test_trainings_and_campaigns(store: Store, make: Any, actor: Actor) -> None:
    t = make.training(title="Quasar investigation course", roster=["Trainee Vexillum"])
    c = make.campaign(title="Nebula awareness walk", notes="Notes mention Zephyrine")
    store.save([t, c], actor)
    assert _kinds_ids(store.search("Quasar", include_identity=False)) == {("training", t.id)}
    assert _kinds_ids(store.search("Vexillum", include_identity=False)) == {("training", t.id)}
    assert _kinds_ids(store.search("nebula", include_identity=False)) == {("campaign", c.id)}
    assert _kinds_ids(store.search("Zephyrine", include_identity=False)) == {("campaign", c.id)}


def test_diacritics_are_ignored(store: Store, make: Any, actor: Actor) -> None:
    case = make.case(narrative="Café Zoë in the fictional bazaar")
    store.save([case], actor)
    assert _case_ids(store, "cafe zoe") == {case.id}
    assert _case_ids(store, "CAFÉ") == {case.id}


def test_limit(store: Store, make: Any, actor: Actor) -> None:
    store.save([make.case(case_number=f"FIR {i}/2024", victims=[]) for i in range(30)], actor)
    assert len(store.search("FIR", include_identity=False, limit=7)) == 7
    assert len(store.search("FIR", include_identity=False)) == 30


# --- what must no longer be found ----------------------------------------------------------------


def test_a_deleted_case_is_not_found(
    store: Store, two_cases: tuple[Case, Case], actor: Actor
) -> None:
    a, b = two_cases
    a.deleted = True
    store.save([a], actor)
    assert _case_ids(store, "FIR 17/2024") == set()
    assert _case_ids(store, "Qwertyman") == set()
    assert _case_ids(store, "xylophonic") == set()
    assert _case_ids(store, "FIR") == {b.id}


def test_the_victims_of_a_deleted_case_are_not_found(
    store: Store, two_cases: tuple[Case, Case], actor: Actor
) -> None:
    a, _b = two_cases
    a.deleted = True
    store.save([a], actor)
    assert _victim_ids(store, "V-LHR-0042", identity=True) == set()
    assert _victim_ids(store, "Zarqawina", identity=True) == set()


def test_a_deleted_victim_is_not_found(store: Store, make: Any, actor: Actor) -> None:
    v = make.victim(victim_code="V-SOLO-9", name="Solitaria Testvictim")
    store.save([v], actor)
    assert _victim_ids(store, "V-SOLO-9", identity=False) == {v.id}
    v.deleted = True
    store.save([v], actor)
    assert _victim_ids(store, "V-SOLO-9", identity=True) == set()
    assert _victim_ids(store, "Solitaria", identity=True) == set()


def test_a_victim_removed_from_its_case_is_not_found(
    store: Store, two_cases: tuple[Case, Case], actor: Actor
) -> None:
    a, _b = two_cases
    a.victims = []
    store.save([a], actor)
    assert _victim_ids(store, "Zarqawina", identity=True) == set()
    assert _victim_ids(store, "V-LHR-0042", identity=True) == set()
    assert _case_ids(store, "V-LHR-0042") == set()


def test_deleted_trainings_and_campaigns_are_not_found(
    store: Store, make: Any, actor: Actor
) -> None:
    t = make.training(title="Quasar course")
    c = make.campaign(title="Quasar walk")
    store.save([t, c], actor)
    t.deleted = True
    c.deleted = True
    store.save([t, c], actor)
    assert store.search("Quasar", include_identity=True) == []


def test_an_updated_case_is_found_by_its_new_text_only(
    store: Store, two_cases: tuple[Case, Case], actor: Actor
) -> None:
    a, _b = two_cases
    a.narrative = "Rewritten account mentioning a vineyard"
    store.save([a], actor)
    assert _case_ids(store, "xylophonic") == set()
    assert _case_ids(store, "brickkiln") == set()
    assert _case_ids(store, "vineyard") == {a.id}
    assert _case_ids(store, "FIR 17/2024") == {a.id}


def test_a_removed_accused_no_longer_finds_the_case(
    store: Store, two_cases: tuple[Case, Case], actor: Actor, make: Any
) -> None:
    a, _b = two_cases
    a.accused = [make.accused(name="Replacement Fakeperson", cnic="7770011122233")]
    store.save([a], actor)
    assert _case_ids(store, "Qwertyman") == set()
    assert _case_ids(store, "9990011122233") == set()
    assert _case_ids(store, "Replacement") == {a.id}


def test_an_updated_victim_is_found_by_its_new_identity_only(
    store: Store, two_cases: tuple[Case, Case], actor: Actor
) -> None:
    a, _b = two_cases
    stored = store.get("case", a.id)
    assert isinstance(stored, Case)
    victim = stored.victims[0]
    assert isinstance(victim, Victim)
    victim.name = "Renamed Personofinterest"
    store.save([victim], actor)
    assert _victim_ids(store, "Zarqawina", identity=True) == set()
    assert _victim_ids(store, "Personofinterest", identity=True) == {victim.id}
