"""Keyset-paged list queries: orders (segments, missing dates last), filters, search as typed,
capped counts, and victims' identities kept out of list rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pg_store import list_count, list_page, list_row, store_on_both_engines

from tipdesk.core.codes import Gender, Stage
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.store import list_queries as lq
from tipdesk.store.list_queries import ListQuery
from tipdesk.store.store import Actor, Store

__all__ = ["store_on_both_engines"]  # the module's store tests run on both engines

STAGES = list(Stage)


def _cases(store: Store, actor: Actor, n: int = 23) -> list[Case]:
    cases = []
    for i in range(n):
        registered = None if i % 7 == 3 else dt.date(2025, 1, 1) + dt.timedelta(days=i % 9)
        cases.append(
            Case(
                case_number=f"FIR {i}/2025",
                registered_on=registered,
                district="PB-LHR" if i % 2 else "PB-FSD",
                office="FIA-AHTC-LHR",
                stage=STAGES[i % len(STAGES)],
                narrative=f"brick kiln {'bondage' if i % 3 == 0 else 'visa agent'} case{i}",
                accused=[Accused(name=f"Fakeaccused Number{i}", cnic=f"{9990000000000 + i}")],
            )
        )
    store.save(cases, actor)
    return cases


def _all(store: Store, q: ListQuery, limit: int = 4, **kw: Any) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    after = None
    while True:
        page = list_page(store, q, after=after, limit=limit, **kw)
        rows += page.rows
        if page.next_key is None:
            return rows
        assert len(page.rows) == limit
        after = page.next_key


def _col(name: str, kind: str = "case") -> int:
    return 1 + [c.name for c in lq.columns(kind)].index(name)


def test_pages_cover_every_row_once_newest_first_undated_last(store: Store, actor: Actor) -> None:
    cases = _cases(store, actor)
    rows = _all(store, ListQuery("case"))
    assert sorted(r[0] for r in rows) == sorted(c.id for c in cases)
    dates = [r[_col("registered_on")] for r in rows]
    dated = [d for d in dates if d is not None]
    assert dates[: len(dated)] == sorted(dated, reverse=True)
    assert all(d is None for d in dates[len(dated) :])
    ascending = _all(store, ListQuery("case", descending=False))
    up = [r[_col("registered_on")] for r in ascending]
    assert up[: len(dated)] == sorted(dated) and up[len(dated) :] == [None] * (len(up) - len(dated))


def test_stage_sort_follows_the_funnel(store: Store, actor: Actor) -> None:
    _cases(store, actor)
    rows = _all(store, ListQuery("case", sort="stage", descending=False), limit=5)
    order = [s.value for s in Stage]
    stages = [r[_col("stage")] for r in rows]
    assert stages == sorted(stages, key=order.index)
    rows = _all(store, ListQuery("case", sort="stage"), limit=5)
    assert [r[_col("stage")] for r in rows] == sorted(stages, key=order.index, reverse=True)


def test_filters_and_counts(store: Store, actor: Actor) -> None:
    _cases(store, actor)
    q = ListQuery("case", filters=(("district", "PB-LHR"),), date_from="2025-01-03")
    rows = _all(store, q)
    assert rows and all(r[_col("district")] == "PB-LHR" for r in rows)
    assert all(r[_col("registered_on")] >= "2025-01-03" for r in rows)
    assert list_count(store, q) == len(rows)
    assert list_count(store, ListQuery("case"), cap=10) == 11  # "more than 10"


def test_search_as_typed(store: Store, actor: Actor) -> None:
    _cases(store, actor)

    def numbers(text: str, sort: str = "entered") -> set[str]:
        rows = _all(store, ListQuery("case", text=text, sort=sort))
        return {r[_col("case_number")] for r in rows}

    assert numbers("FIR 12/2025") == {"FIR 12/2025"}
    assert numbers("Number1") == {f"FIR {i}/2025" for i in (1, *range(10, 20))}  # a prefix
    assert numbers("Number1", sort="") == numbers("Number1")  # any order finds the same
    assert numbers("kiln bond") == {f"FIR {i}/2025" for i in range(0, 23, 3)}
    assert len(numbers("k")) == 23  # a single letter does not narrow the list yet
    assert numbers("zzzz") == set()
    assert lq.list_match(store, "cases_fts", "!!!") is None
    assert list_count(store, ListQuery("case", text="bondage")) == 8


def test_every_column_a_sort_serves_pages_fully_in_order(store: Store, actor: Actor) -> None:
    cases = _cases(store, actor)
    for i, case in enumerate(cases):
        case.office = ("FIA-AHTC-LHR", "FIA-CC-LHR", "FIA-AHTC-FSD")[i % 3]
    store.save(cases, actor)
    for descending in (False, True):
        rows = _all(store, ListQuery("case", sort="office", descending=descending), limit=4)
        offices = [r[_col("office")] for r in rows]
        assert offices == sorted(offices, reverse=descending) and len(rows) == len(cases)
    victims = [
        Victim(
            victim_code=f"V-T-{i}",
            gender=list(Gender)[i % 4],
            age=None if i % 4 == 1 else 10 + i,
            district=("PB-LHR", "PB-FSD")[i % 2],
            identified_on=dt.date(2025, 3, 1 + i),
        )
        for i in range(11)
    ]
    store.save(victims, actor)
    ages = [r[_col("age", "victim")] for r in _all(store, ListQuery("victim", sort="age"))]
    known = [a for a in ages if a is not None]
    assert ages == sorted(known, reverse=True) + [None] * (len(ages) - len(known))  # none last
    up = [r[_col("age", "victim")] for r in _all(store, ListQuery("victim", sort="age",
                                                                   descending=False))]  # fmt: skip
    assert up == sorted(known) + [None] * (len(ages) - len(known))
    genders = [r[_col("gender", "victim")] for r in _all(
        store, ListQuery("victim", sort="gender", descending=False))]  # fmt: skip
    assert genders == sorted(genders, key=[g.value for g in Gender].index)
    districts = [r[_col("district", "victim")] for r in _all(
        store, ListQuery("victim", sort="district", descending=False))]  # fmt: skip
    assert districts == sorted(districts) and len(districts) == 11
    # Columns no index orders have no sort, and say so.
    assert lq.sort_of("case", "office") == "office"
    assert lq.sort_of("case", "accused") == "" and lq.sort_of("victim", "name") == ""
    assert lq.sort_of("training", "topics") == "" and lq.sort_of("training", "end_on")


def test_an_officers_cases_ignoring_case(store: Store, actor: Actor) -> None:
    cases = _cases(store, actor, 6)
    for i, case in enumerate(cases):
        case.investigating_officer = "SI Zubair Sial" if i % 2 else "ASI Rubina Kausar"
    store.save(cases, actor)
    q = ListQuery("case", filters=(("investigating_officer", "si zubair sial"),))
    rows = _all(store, q)
    assert {r[0] for r in rows} == {c.id for i, c in enumerate(cases) if i % 2}
    assert list_count(store, q) == 3


def test_a_search_says_what_it_matched(store: Store, actor: Actor) -> None:
    cases = _cases(store, actor, 4)
    cases[2].investigating_officer = "Inspector Fakhar Zaman"
    store.save([cases[2]], actor)
    page = list_page(store, ListQuery("case", text="Number3", sort="entered"))
    assert page.matched == {cases[3].id: ("accused", "Fakeaccused Number3")}
    page = list_page(store, ListQuery("case", text="fakhar", sort="entered"))
    assert page.matched == {cases[2].id: ("officer", "Inspector Fakhar Zaman")}
    page = list_page(store, ListQuery("case", text=str(9990000000001), sort="entered"))
    assert page.matched == {cases[1].id: ("accused", "Fakeaccused Number1")}
    page = list_page(store, ListQuery("case", text="visa agent", sort="entered"))
    assert set(page.matched.values()) == {("narrative", "")}
    assert list_page(store, ListQuery("case")).matched == {}


def test_victim_rows_carry_no_identity_and_identity_search_is_opt_in(
    store: Store, actor: Actor
) -> None:
    victim = Victim(
        victim_code="V-TEST-9",
        name="Secretname Fakeperson",
        cnic="9990044455566",
        gender=Gender.FEMALE,
        identified_on=dt.date(2025, 2, 1),
    )
    store.save([victim], actor)
    rows = _all(store, ListQuery("victim"))
    assert len(rows) == 1
    assert "Secretname Fakeperson" not in repr(rows) and "9990044455566" not in repr(rows)
    assert rows[0][_col("name", "victim")] == 1  # only whether a name is recorded
    hidden = list_page(store, ListQuery("victim", text="Secretname"))
    shown = list_page(store, ListQuery("victim", text="Secretname"), include_identity=True)
    assert hidden.rows == [] and len(shown.rows) == 1
    # What matched is the identity, named as such: never the name itself.
    assert shown.matched == {victim.id: ("identity", "")}
    assert "Secretname" not in repr(shown)
    by_code = list_page(store, ListQuery("victim", text="V-TEST-9"))
    assert by_code.rows and by_code.matched == {victim.id: ("code", "")}


def test_row_refreshes_one_record(store: Store, actor: Actor) -> None:
    cases = _cases(store, actor, 2)
    row = list_row(store, "case", cases[0].id)
    assert row is not None and row[_col("accused")] == 1
    assert list_row(store, "case", "no-such-id") is None
