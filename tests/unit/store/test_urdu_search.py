"""Urdu in the records: search finds Urdu names and narratives by any word, whatever marks
and variant letters the officer typed or the record holds; the identity hashes (victims found
by name) and the dual-role check fold names the same way."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tipdesk.core import dual_role
from tipdesk.core.records import Case
from tipdesk.store.store import Actor, Store

# Synthetic names and narrative, stored with marks and Arabic variant letters.
NAME = "مُحَمَّد علي"  # pesh, zabar, shadda; Arabic yeh
FATHER = "عبدالله كريم"  # Arabic heh and kaf
NARRATIVE = "ملزمان نے بھٹہ خشت پر مزدوروں کو قرض کے بدلے قید رکھا (FIR ۱۲/۲۰۲۵)"


def _case_ids(store: Store, text: str) -> set[str]:
    return {h.id for h in store.search(text, include_identity=False) if h.kind == "case"}


def _victim_ids(store: Store, text: str) -> set[str]:
    return {h.id for h in store.search(text, include_identity=True) if h.kind == "victim"}


@pytest.fixture
def urdu_case(store: Store, make: Any, actor: Actor) -> Case:
    case = make.case(
        narrative=NARRATIVE,
        accused=[make.accused(name=NAME, father_name=FATHER, cnic="")],
        victims=[make.victim(victim_code="V-LHR-0901", name=NAME, father_name=FATHER, cnic="")],
    )
    store.save([case], actor)
    return case


@pytest.mark.parametrize("typed", ["محمد", "علی", "محمد علی", "علی محمد", "مُحمّد", "علي"])
def test_an_accused_is_found_by_either_word_with_or_without_marks(
    store: Store, urdu_case: Case, typed: str
) -> None:
    assert _case_ids(store, typed) == {urdu_case.id}


@pytest.mark.parametrize("typed", ["عبداللہ", "کریم", "عبدالله", "كريم"])
def test_kaf_and_heh_variants_match_both_ways(store: Store, urdu_case: Case, typed: str) -> None:
    assert _case_ids(store, typed) == {urdu_case.id}


def test_the_narrative_is_found_by_its_words_and_a_word_start(
    store: Store, urdu_case: Case
) -> None:
    assert _case_ids(store, "بھٹہ خشت") == {urdu_case.id}
    assert _case_ids(store, "مزدور") == {urdu_case.id}  # the last word typed may be half
    assert _case_ids(store, "12/2025") == {urdu_case.id}  # Urdu digits in the text
    assert _case_ids(store, "بہٹہ") == set()  # do-chashmi heh is not heh goal


@pytest.mark.parametrize("typed", ["محمد علی", "عبداللہ", "مُحَمَّد"])
def test_a_victim_is_found_by_name_through_the_identity_hashes(
    store: Store, urdu_case: Case, typed: str
) -> None:
    assert _victim_ids(store, typed) == {urdu_case.victims[0].id}


def test_the_dual_role_keys_agree_with_the_stores(store: Store, urdu_case: Case) -> None:
    """The same person typed with other marks and letters is the same name to the check,
    on plaintext and through the store's keyed hashes alike."""
    accused = urdu_case.accused[0]
    retyped = dataclasses.replace(accused, name="محمد علی", father_name="عبداللہ کریم")
    assert dual_role.person(retyped) == dual_role.person(accused)
    vault = store.vault
    assert vault.person_of("", "محمد علی", "عبداللہ کریم") == vault.person_of("", NAME, FATHER)
