"""HQ's record screens on PostgreSQL (issue 20): the lists (pages, keys, counts, rows), opening
a record and the records' pages read from PostgreSQL give what the SQLCipher HQ gives for the
same bundles; saves and deletes through ``records`` run the same checks there, refuse a stale
save with the store's message and write the audit and the kept versions. Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_support import case_for, export

from tipdesk.core.codes import Gender, Stage
from tipdesk.core.masking import MASK
from tipdesk.core.records import to_dict
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import lists, records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.lists import ListQuery
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING


@pytest.fixture
def hq_db(pg_url: str) -> Iterator[HqDatabase]:
    db = HqDatabase(pg_url, max_size=2)
    yield db
    db.close()


def _on_pg(hq: Session, url: str) -> None:
    """Route ``hq``'s records to its linked PostgreSQL database (as ``init --database``)."""
    hq.store.set_settings({DATABASE_SETTING: url}, hq.actor())


@pytest.fixture
def both(
    svc_linked: tuple[Session, Session], hq_db: HqDatabase, pg_url: str, tmp_path: Path
) -> tuple[Session, str]:
    """HQ holding the same demo bundle in its SQLCipher store and in PostgreSQL, still
    reading its store: (HQ, the database's URL)."""
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    fill(lahore, seed=21, cases=30)
    # Rows without a sort value (no age) come last either way, on both engines.
    for n in range(3):
        case = case_for(lahore, stage=Stage("investigation"))
        case.victims[0].age = None
        case.victims[0].gender = Gender("female" if n else "male")
        lahore.store.save([case], lahore.actor())
    data = export(lahore, tmp_path / "out").read_bytes()
    assert sync.import_bundle_bytes(hq, data).status == "imported"
    assert hq_pg.import_bundle_bytes(hq, hq_db, data).status == "imported"
    return hq, pg_url


def _all_pages(hq: Session, q: ListQuery, size: int) -> list[Any]:
    """Every page of ``q`` (rows, keys, matched) walked by keyset."""
    out: list[Any] = []
    after = None
    for _ in range(1000):
        page = lists.page(hq, q, after=after, limit=size)
        out.append((page.rows, page.next_key, page.matched))
        if page.next_key is None:
            return out
        after = page.next_key
    raise AssertionError("the pages never ended")


def _queries(hq: Session) -> list[ListQuery]:
    some = records.page(hq, "case", limit=3)
    officer = next(c.investigating_officer for c in some if c.investigating_officer)
    word = some[0].case_number.split()[0]
    out: list[ListQuery] = []
    for kind in ("case", "victim", "training", "campaign"):
        for sort in ["", *lists.sorts(kind)]:
            for descending in (True, False):
                out.append(ListQuery(kind, sort=sort, descending=descending))
    district = hq.reference.district("Lahore")
    assert district is not None
    out += [
        ListQuery("case", filters=(("stage", "investigation"),)),
        ListQuery("case", filters=(("investigating_officer", officer.upper()),)),
        ListQuery("case", date_from="2025-01-01", date_to="2025-12-31", sort="stage"),
        ListQuery("case", outcome="convicted", sort="case_number", descending=False),
        ListQuery("case", text=word, sort="entered"),
        ListQuery("case", text=some[1].case_number[:-2], sort="registered_on"),
        ListQuery("case", text="x"),  # one letter: does not narrow
        ListQuery("victim", filters=(("gender", "female"),), sort="age"),
        ListQuery("victim", text="V", sort="entered"),
        ListQuery("training", filters=(("district", district.code),), sort="title"),
    ]
    return out


def test_lists_records_and_pages_are_the_same_on_both_engines(
    both: tuple[Session, str],
) -> None:
    hq, url = both
    queries = _queries(hq)

    def read() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for q in queries:
            seen[repr(q)] = (_all_pages(hq, q, 7), lists.count(hq, q), lists.count(hq, q, cap=5))
        for kind in records.KINDS:
            pages = [records.page(hq, kind, limit=9)]
            last = pages[-1][-1]
            date = getattr(last, {"case": "registered_on", "victim": "identified_on"}.get(
                kind, "start_on"))  # fmt: skip
            pages.append(records.page(hq, kind, after=(str(date or ""), last.id), limit=500))
            seen[kind] = [[to_dict(r) for r in p] for p in pages]
            ids = [r.id for p in pages for r in p]
            seen[f"{kind}-rows"] = [lists.row(hq, kind, i) for i in ids]
            seen[f"{kind}-get"] = [to_dict(records.get(hq, kind, i)) for i in ids]
        seen["officer"] = lists.officer_name(hq)
        return seen

    on_sqlite = read()
    _on_pg(hq, url)
    assert hq_pg_database_routed(hq)
    on_pg = read()
    assert on_pg.keys() == on_sqlite.keys()
    for key in on_sqlite:
        assert on_pg[key] == on_sqlite[key], key
    # Not vacuous: the lists hold rows, pages follow keys and searches match.
    walked = on_sqlite[repr(ListQuery("case", sort="stage"))][0]
    assert len(walked) > 2 and all(len(p[0]) == 7 for p in walked[:-1])
    by_age = [r for p in on_pg[repr(ListQuery("victim", sort="age", descending=False))][0]
              for r in p[0]]  # fmt: skip
    assert by_age[-1][5] is None and by_age[0][5] is not None
    assert on_pg[repr(ListQuery("case", text="x"))][1] == on_pg[repr(ListQuery("case"))][1]
    total = on_pg[repr(ListQuery("case"))][1]
    assert 0 < on_pg[repr(queries[-6])][1] <= total  # a word
    assert 0 < on_pg[repr(queries[-5])][1] < total  # a case number's start
    names = [v["name"] for c in on_pg["case-get"] for v in c["victims"] if v["name"]]
    assert names and set(names) == {MASK}  # opened records keep identities masked


def hq_pg_database_routed(hq: Session) -> bool:
    from tipdesk.services.sync.hq import hq_database

    db = hq_database(hq)
    if db is None:
        return False
    db.close()
    return True


def test_list_exports_are_the_same_on_both_engines(
    both: tuple[Session, str], tmp_path: Path
) -> None:
    """A list's workbook pages through the same lists (services.lists), so it holds the
    same rows in the same order from PostgreSQL; the victims' list stays without names."""
    from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

    from tipdesk.services.list_export import ExportColumn, export_list

    hq, url = both
    wanted = {
        "case": [ExportColumn("case_number", "Case"), ExportColumn("stage", "Stage")],
        "victim": [ExportColumn("victim_code", "Code"), ExportColumn("gender", "Gender")],
    }

    def sheets(where: str) -> dict[str, list[list[str]]]:
        out = {}
        for kind, columns in wanted.items():
            dest = tmp_path / f"{where}-{kind}.xlsx"
            export_list(hq, ListQuery(kind, sort="district"), columns, dest)
            book = load_workbook(dest, read_only=True)
            out[kind] = [[str(v or "") for v in r] for r in book.active.iter_rows(values_only=True)]
        return out

    on_sqlite = sheets("sqlite")
    _on_pg(hq, url)
    # One case deleted in PostgreSQL only: a workbook read from the install's store would
    # still list it.
    gone = records.page(hq, "case", limit=1)[0]
    records.delete(hq, "case", gone.id, "entered twice")
    on_pg = sheets("pg")
    # The deleted case's victims went with it; the others keep their order.
    assert on_pg["victim"] == [r for r in on_sqlite["victim"] if r in on_pg["victim"]]
    assert len(on_sqlite["victim"]) > len(on_pg["victim"]) > 3
    assert on_pg["case"] == [r for r in on_sqlite["case"] if r[0] != gone.case_number]
    assert len(on_pg["case"]) == len(on_sqlite["case"]) - 1 > 30
