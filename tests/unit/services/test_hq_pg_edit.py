"""HQ's analysts' edits on the PostgreSQL HQ (issue 20): a save checks the version it read; of
two analysts racing on the same version one wins and the other is refused with the store's
stale-save message, nothing of it written; a refused or invalid save changes nothing; a
masked victim keeps its sealed identity; the search index, the summaries, the change log and
the audit chain follow. Synthetic data only."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export

from tipdesk.core.codes import Stage
from tipdesk.core.errors import StaleRecord, ValidationFailed
from tipdesk.core.masking import MASK
from tipdesk.core.records import Case
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.edits import PgRecords
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_edit, hq_pg_read

STALE = "was changed elsewhere"


@pytest.fixture
def hq_db(pg_url: str) -> Iterator[HqDatabase]:
    db = HqDatabase(pg_url, max_size=3)
    yield db
    db.close()


@pytest.fixture
def imported(
    svc_linked: tuple[Session, Session], hq_db: HqDatabase, tmp_path: Path
) -> tuple[Session, Case]:
    """HQ with a PostgreSQL database holding one Lahore case (accused, victim, referral)."""
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    case = case_for(lahore)
    case.victims[0].consent_to_share = True
    case.victims[0].name = "Gulnaz Edit-Synthetic"
    lahore.store.save([case], lahore.actor())
    data = export(lahore, tmp_path / "out").read_bytes()
    assert hq_pg.import_bundle_bytes(hq, hq_db, data).status == "imported"
    return hq, case


def _stored(db: HqDatabase, sql: str, *params: object) -> list[tuple[object, ...]]:
    with db.connection() as conn:
        rows = conn.execute(sql.encode(), params).fetchall()
        conn.rollback()
    return rows


def test_an_analyst_edits_a_case_and_everything_follows(
    imported: tuple[Session, Case], hq_db: HqDatabase
) -> None:
    hq, case = imported
    opened = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(opened, Case) and opened.version == 1
    assert opened.victims[0].name == MASK  # the analyst's view
    changes_before = _stored(hq_db, "SELECT count(*) FROM changes")[0][0]
    opened.stage = Stage("trial")
    opened.narrative = "Zafarwal synthetic correction"
    opened.accused[0].name = "Corrected Accused-Synthetic"
    hq_pg_edit.save(hq, hq_db, [opened])
    again = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(again, Case)
    assert (again.version, again.stage, again.accused[0].version) == (2, Stage("trial"), 2)
    assert again.victims[0].version == 1  # unchanged: not rewritten
    assert [h.id for h in hq_pg_read.search(hq, hq_db, "zafarwal")] == [case.id]
    assert _stored(
        hq_db, "SELECT stage, sum(cases) FROM report_cases GROUP BY stage HAVING sum(cases) > 0"
    ) == [("trial", 1)]
    assert _stored(hq_db, "SELECT count(*) FROM changes")[0][0] == int(str(changes_before)) + 2
    # The masked victim kept its sealed identity (PostgreSQL holds only tokens).
    names = _stored(hq_db, "SELECT name FROM victims")
    assert names and all(str(n[0]).startswith("s1:") for n in names)
    with psycopg.connect(hq_db_url(hq_db)) as conn:
        ok, _n = verify_audit(conn)
        assert ok
        actions = [str(r[0]) for r in conn.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-1] == "update"


def hq_db_url(db: HqDatabase) -> str:
    with db.connection() as conn:
        info = conn.info
        return f"postgresql:///{info.dbname}?host={info.host}&user={info.user}"


def test_a_stale_save_is_refused_with_the_stores_message_and_writes_nothing(
    imported: tuple[Session, Case], hq_db: HqDatabase
) -> None:
    hq, case = imported
    first = hq_pg_edit.get(hq, hq_db, "case", case.id)
    second = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(first, Case) and isinstance(second, Case)
    first.stage = Stage("trial")
    hq_pg_edit.save(hq, hq_db, [first])
    second.stage = Stage("challan")
    second.narrative = "Khairpur stale synthetic"
    with pytest.raises(StaleRecord, match=STALE):
        hq_pg_edit.save(hq, hq_db, [second])
    stored = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(stored, Case)
    assert (stored.stage, stored.version) == (Stage("trial"), 2)
    assert not hq_pg_read.search(hq, hq_db, "khairpur")
    # Reopened, the change applies.
    second = stored
    second.stage = Stage("challan")
    hq_pg_edit.save(hq, hq_db, [second])
    # An invalid save names the problem and changes nothing.
    bad = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(bad, Case)
    bad.accused[0].imprisonment_months = 960
    with pytest.raises(ValidationFailed):
        hq_pg_edit.save(hq, hq_db, [bad])
    assert _stored(hq_db, "SELECT version FROM cases WHERE id = %s", case.id) == [(3,)]


def test_two_analysts_racing_on_one_version_one_wins_the_other_is_told(
    imported: tuple[Session, Case], hq_db: HqDatabase
) -> None:
    hq, case = imported
    key = hq_pg.install_index_key(hq)
    with hq_db.connection() as conn:
        a = PgRecords(conn, index_key=key).get("case", case.id)
        b = PgRecords(conn, index_key=key).get("case", case.id)
        conn.rollback()
    assert isinstance(a, Case) and isinstance(b, Case)
    a.stage, b.stage = Stage("trial"), Stage("decided")
    holding = threading.Event()
    outcome: dict[str, object] = {}

    def second() -> None:
        holding.wait(10)
        try:
            with hq_db.transaction() as conn:
                PgRecords(conn, index_key=key).save([b], hq.actor())
            outcome["b"] = "saved"
        except StaleRecord as exc:
            outcome["b"] = str(exc)

    thread = threading.Thread(target=second)
    thread.start()
    with hq_db.transaction() as conn:
        PgRecords(conn, index_key=key).save([a], hq.actor())
        holding.set()
        # B is now waiting on A's locks (or about to); A commits at the end of this block.
        thread.join(0.5)
        assert thread.is_alive()
    thread.join(30)
    assert STALE in str(outcome["b"]) and "(version 1)" in str(outcome["b"])
    assert _stored(hq_db, "SELECT stage, version FROM cases WHERE id = %s", case.id) == [
        ("trial", 2)
    ]


def test_an_import_after_the_analyst_opened_the_record_makes_the_save_stale(
    svc_linked: tuple[Session, Session],
    imported: tuple[Session, Case],
    hq_db: HqDatabase,
    tmp_path: Path,
) -> None:
    lahore, _hq = svc_linked
    hq, case = imported
    opened = hq_pg_edit.get(hq, hq_db, "case", case.id)
    assert isinstance(opened, Case)
    at_district = lahore.store.get("case", case.id)
    assert isinstance(at_district, Case)
    at_district.stage = Stage("challan")
    lahore.store.save([at_district], lahore.actor())
    data = export(lahore, tmp_path / "out2").read_bytes()
    assert hq_pg.import_bundle_bytes(hq, hq_db, data).status == "imported"
    opened.stage = Stage("trial")
    with pytest.raises(StaleRecord, match=STALE):
        hq_pg_edit.save(hq, hq_db, [opened])
    assert _stored(hq_db, "SELECT stage FROM cases WHERE id = %s", case.id) == [("challan",)]
