"""Saving and deleting records at an HQ keeping them in PostgreSQL, through the same services
as the SQLCipher HQ (issue 20): the version is checked (a stale save gets the store's message
and writes nothing), the checks that read other records run over PostgreSQL's records
(duplicate case numbers, the non-criminalisation marks), the audit chain and the kept
versions follow. Synthetic data only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export, run_cli

from tipdesk.core.codes import Outcome, Stage
from tipdesk.core.errors import NotFound, StaleRecord, StoreBusy, ValidationFailed
from tipdesk.core.masking import MASK
from tipdesk.core.records import Accused, Case, Training, Victim, to_dict
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import editing, lists, records
from tipdesk.services.lists import ListQuery
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING

STALE = "was changed elsewhere"


@pytest.fixture
def hq_db(pg_url: str) -> Iterator[HqDatabase]:
    db = HqDatabase(pg_url, max_size=2)
    yield db
    db.close()


@pytest.fixture
def on_pg(
    svc_linked: tuple[Session, Session], hq_db: HqDatabase, pg_url: str, tmp_path: Path
) -> tuple[Session, Case]:
    """HQ reading and writing its records in PostgreSQL, holding one Lahore case imported
    from the district (its victim named, consenting)."""
    lahore, hq = svc_linked
    hq_pg.link(hq, hq_db)
    case = case_for(lahore)
    case.victims[0].consent_to_share = True
    case.victims[0].name = "Shazia Pgedit-Synthetic"
    case.victims[0].father_name = "Bashir Pgedit-Synthetic"
    lahore.store.save([case], lahore.actor())
    assert (
        hq_pg.import_bundle_bytes(hq, hq_db, export(lahore, tmp_path / "out").read_bytes()).status
        == "imported"
    )
    hq.store.set_settings({DATABASE_SETTING: pg_url}, hq.actor())
    return hq, case


def _rows(url: str, sql: str, *params: object) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return list(conn.execute(sql.encode(), params).fetchall())


def test_a_save_through_the_services_is_version_checked_audited_and_kept(
    on_pg: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = on_pg
    assert not hq.store.count("case")  # nothing in the install's own store
    opened = records.get(hq, "case", case.id)
    stale = records.get(hq, "case", case.id)  # another window opened the same version
    assert isinstance(opened, Case) and opened.victims[0].name == MASK
    opened.stage = Stage("trial")
    opened.narrative = "Sangla synthetic correction"
    assert editing.check(hq, opened) == []
    records.save_one(hq, opened)
    again = records.get(hq, "case", case.id)
    assert isinstance(again, Case) and (again.version, again.stage) == (2, Stage("trial"))
    assert not hq.store.count("case")
    # The masked victim kept its sealed identity; the list row shows the new stage.
    assert all(str(n[0]).startswith("s1:") for n in _rows(pg_url, "SELECT name FROM victims"))
    row = lists.row(hq, "case", case.id)
    assert row is not None and row[3] == "trial"
    # The replaced version is kept, with no identity; the audit chain verifies.
    kept = _rows(pg_url, "SELECT version, user_name, data, changed FROM record_versions")
    assert [(k[0], k[1]) for k in kept] == [(1, case.created_by)]
    assert json.loads(str(kept[0][3])) == ["narrative", "stage"]
    assert "Pgedit" not in str(kept)
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]
    actions = _rows(pg_url, "SELECT action, user_name FROM audit ORDER BY seq DESC LIMIT 1")
    assert actions == [("update", hq.user.name)]
    # A stale copy (opened before that save) is refused with the store's message.
    assert isinstance(stale, Case)
    stale.narrative = "Mandi stale synthetic"
    with pytest.raises(StaleRecord, match=STALE):
        records.save_one(hq, stale)
    assert _rows(pg_url, "SELECT version, narrative FROM cases WHERE id = %s", case.id) == [
        (2, "Sangla synthetic correction")
    ]


def test_duplicate_case_numbers_are_refused_over_postgresqls_records(
    on_pg: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = on_pg
    copy = case_for(hq, case_number=case.case_number, district=case.district, office=case.office)
    with pytest.raises(ValidationFailed) as refused:
        records.save_one(hq, copy)
    assert [p.rule for p in refused.value.problems] == ["unique.case_number"]
    assert _rows(pg_url, "SELECT count(*) FROM cases") == [(1,)]
    # Another number is saved, with its owner set by the ownership rules.
    fresh = case_for(hq, district=case.district, office=case.office)
    records.save_one(hq, fresh)
    assert _rows(pg_url, "SELECT owner FROM cases WHERE id = %s", fresh.id) == [(case.district,)]
    assert lists.count(hq, ListQuery("case")) == 2


def test_an_accused_who_is_a_victim_of_the_case_is_marked_on_postgresql(
    on_pg: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = on_pg
    opened = records.get(hq, "case", case.id)
    assert isinstance(opened, Case)
    same = Accused(name="Shazia Pgedit-Synthetic", father_name="Bashir Pgedit-Synthetic")
    opened.accused.append(same)
    records.save_one(hq, opened)
    again = records.get(hq, "case", case.id)
    assert isinstance(again, Case)
    marked = [a for a in again.accused if a.name == same.name]
    assert marked and marked[0].dual_role_matches  # matched through PostgreSQL's keyed hashes
    # Marking that accused convicted while the overlap is open is refused, nothing written.
    marked[0].outcome = Outcome.CONVICTED
    before = _rows(pg_url, "SELECT id, version, outcome FROM accused ORDER BY id")
    with pytest.raises(ValidationFailed) as refused:
        records.save_one(hq, again)
    assert "dual_role" in [p.rule for p in refused.value.problems]
    assert _rows(pg_url, "SELECT id, version, outcome FROM accused ORDER BY id") == before
    assert len(before) == 2


def test_a_deletion_with_its_reason_goes_to_postgresql(
    on_pg: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = on_pg
    training = Training(
        title="Pgedit synthetic workshop", district=case.district, organiser="fia",
        start_on=case.registered_on, end_on=case.registered_on,
    )  # fmt: skip
    records.save_one(hq, training)
    assert lists.count(hq, ListQuery("training")) == 1
    records.delete(hq, "case", case.id, "entered twice (synthetic)")
    with pytest.raises(NotFound):
        records.get(hq, "case", case.id)
    assert lists.row(hq, "case", case.id) is None
    assert lists.count(hq, ListQuery("case")) == 0
    assert _rows(pg_url, "SELECT deleted FROM accused") == [(1,)]
    entries = _rows(pg_url, "SELECT action, record_id, detail FROM audit ORDER BY seq DESC LIMIT 2")
    assert [e[:2] for e in entries] == [("delete.reason", case.id), ("delete", case.id)]
    assert "entered twice" in str(entries[0][2])
    assert not hq.store.query("SELECT 1 FROM audit WHERE action = 'delete.reason'")
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]


def test_revealing_a_victim_goes_through_postgresqls_audited_function(
    on_pg: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = on_pg
    victim_id = case.victims[0].id
    shown = records.reveal_victim(hq, victim_id, "court order (synthetic)")
    assert (shown.name, shown.father_name) == (
        "Shazia Pgedit-Synthetic",
        "Bashir Pgedit-Synthetic",
    )
    masked = records.get(hq, "victim", victim_id)
    assert masked.name == MASK  # type: ignore[attr-defined]
    audited = _rows(
        pg_url, "SELECT detail FROM audit WHERE action = 'reveal' AND record_id = %s", victim_id
    )
    assert audited and all("court order" in str(d[0]) for d in audited)
    with pytest.raises(NotFound, match="no victim"):
        records.reveal_victim(hq, "no-such-victim", "court order (synthetic)")


def test_a_victim_saved_on_its_own_on_postgresql(on_pg: tuple[Session, Case], pg_url: str) -> None:
    hq, case = on_pg
    victim = records.get(hq, "victim", case.victims[0].id)
    assert isinstance(victim, Victim) and victim.referrals and victim.name == MASK
    victim.age = 17
    victim.referrals = []  # leaving a stored referral out deletes it
    records.save_one(hq, victim)
    assert _rows(pg_url, "SELECT age, version, name LIKE 's1:%%' FROM victims") == [(17, 2, True)]
    assert _rows(pg_url, "SELECT deleted FROM referrals") == [(1,)]
    assert records.get(hq, "victim", victim.id).referrals == []  # type: ignore[attr-defined]


def test_the_command_line_adds_lists_and_shows_records_on_postgresql(
    on_pg: tuple[Session, Case],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hq, case = on_pg
    shown = records.get(hq, "case", case.id)
    data = to_dict(shown)
    data["narrative"] = "Corrected from the command line (synthetic)"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), "utf-8")
    capsys.readouterr()
    assert run_cli(monkeypatch, hq, "case", "add", "--file", str(edited), "--json") == 0
    assert json.loads(capsys.readouterr().out)["saved"] == [case.id]
    assert _rows(pg_url, "SELECT version, narrative FROM cases") == [
        (2, "Corrected from the command line (synthetic)")
    ]
    # The same file again is a stale save: refused with the store's message.
    assert run_cli(monkeypatch, hq, "case", "add", "--file", str(edited)) != 0
    assert STALE in capsys.readouterr().err
    assert run_cli(monkeypatch, hq, "case", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["version"]) for c in listed] == [(case.id, 2)]
    assert run_cli(monkeypatch, hq, "case", "show", case.id, "--json") == 0
    assert json.loads(capsys.readouterr().out)["victims"][0]["name"] == MASK


def _deadlocking_audit(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    """Make the first ``times`` saves' audit append (the last step of a save, after its rows
    were written) fail as PostgreSQL's deadlock detector aborts a transaction."""
    from tipdesk.hqstore import edits

    real = edits.append_audit
    calls: list[int] = []

    def append(conn: object, entries: object) -> int:
        calls.append(1)
        if len(calls) <= times:
            raise psycopg.errors.DeadlockDetected("deadlock detected (synthetic)")
        return real(conn, entries)  # type: ignore[arg-type]

    monkeypatch.setattr(edits, "append_audit", append)
    return calls


def _updates(url: str, case_id: str) -> int:
    sql = "SELECT count(*) FROM audit WHERE record_id = %s AND action = 'update'"
    return int(str(_rows(url, sql, case_id)[0][0]))


def test_a_save_a_deadlock_aborted_runs_again_and_lands_once(
    on_pg: tuple[Session, Case], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hq, case = on_pg
    calls = _deadlocking_audit(monkeypatch, times=1)
    opened = records.get(hq, "case", case.id)
    opened.narrative = "Saved once after a synthetic deadlock"  # type: ignore[union-attr]
    records.save_one(hq, opened)
    assert len(calls) == 2  # aborted once, run again whole
    again = records.get(hq, "case", case.id)
    assert isinstance(again, Case) and again.version == 2
    assert again.narrative == "Saved once after a synthetic deadlock"
    assert _updates(pg_url, case.id) == 1
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]


def test_a_save_aborted_every_time_says_the_database_is_busy_and_writes_nothing(
    on_pg: tuple[Session, Case], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hq, case = on_pg
    calls = _deadlocking_audit(monkeypatch, times=99)
    opened = records.get(hq, "case", case.id)
    opened.narrative = "Never saved"  # type: ignore[union-attr]
    with pytest.raises(StoreBusy, match="busy"):
        records.save_one(hq, opened)
    assert len(calls) == records.PG_ATTEMPTS
    assert opened.version == 1  # given back as it was: saving it later is not "stale"
    assert records.get(hq, "case", case.id).version == 1
    assert _updates(pg_url, case.id) == 0
    monkeypatch.undo()
    records.save_one(hq, opened)
    assert records.get(hq, "case", case.id).version == 2
