"""Database roles per duty on the PostgreSQL HQ (issue 20, security): each role signs in to the
test cluster and is shown what works and what is refused (PostgreSQL's "permission denied",
as the store's clear error). Synthetic data only."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hq_engines import pg_digest
from sync_support import case_for, clone_home, export, reopen, run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, PermissionDenied
from tipdesk.core.masking import MASK
from tipdesk.core.records import Victim
from tipdesk.hqstore import roles
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.keys import LinkedElsewhere
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports import writers
from tipdesk.reports.model import ReportParams
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_roles
from tipdesk.services.sync.hq import DATABASE_SETTING

NAME = "Shabana Rolecheck-Synthetic"
PERIOD = ReportParams(dt.date(2020, 1, 1), dt.date(2026, 12, 31))


def as_role(pg_url: str, login: str) -> str:
    """The test database's URL signing in as ``login`` (trust authentication on the socket)."""
    assert "user=postgres" in pg_url
    return pg_url.replace("user=postgres", f"user={login}")


def login(pg_url: str, name: str, group: str) -> str:
    """A LOGIN role ``name`` holding ``group`` (made once per cluster), and its URL."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE ROLE "{name}" LOGIN'.encode())
        conn.execute(f'GRANT "{group}" TO "{name}"'.encode())
    return as_role(pg_url, name)


def refused(url: str, sql: str) -> None:
    """``sql`` run as the URL's role is refused with the store's permission message."""
    with (
        HqDatabase(url, max_size=1) as db,
        pytest.raises(PermissionDenied, match="may not do this"),
        db.transaction() as conn,
    ):
        conn.execute(sql.encode())


@pytest.fixture
def hq_with_victim(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Session, Session, str]]:
    """An HQ on PostgreSQL holding one consenting victim named :data:`NAME`, roles applied
    by ``tipdesk hq database-roles --apply``."""
    lahore, hq = svc_linked
    fill(lahore, seed=71, cases=6)
    shared = case_for(lahore, case_number="FIR 9710/2019")
    shared.victims[0].consent_to_share = True
    shared.victims[0].name = NAME
    records.save(lahore, [shared])
    hq_pg.configure(hq, pg_url)
    assert sync.import_bundle_bytes(hq, export(lahore, tmp_path / "b1").read_bytes()).accepted
    assert run_cli(monkeypatch, hq, "hq", "database-roles", "--apply") == 0
    yield lahore, hq, shared.victims[0].id


def test_the_script_prints_without_signing_in_and_names_every_role(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tipdesk.cli import main as cli_main

    assert cli_main.run(["hq", "database-roles"]) == 0
    script = capsys.readouterr().out
    for role in roles.ROLES:
        assert role in script
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON public.audit" in script


def test_the_analyst_reads_records_and_the_report_but_no_identity(
    hq_with_victim: tuple[Session, Session, str], pg_url: str
) -> None:
    _lahore, hq, victim_id = hq_with_victim
    url = login(pg_url, "t_analyst", roles.ANALYST)
    with HqDatabase(pg_url, max_size=1) as owner, HqDatabase(url, max_size=1) as analyst:
        expected = writers.to_json(hq_pg.build_report(hq, owner, PERIOD))
        assert writers.to_json(hq_pg.build_report(hq, analyst, PERIOD)) == expected
        with analyst.transaction() as conn:
            row = conn.execute(
                "SELECT district, gender, age FROM victims WHERE id = %s", (victim_id,)
            ).fetchone()
            assert row is not None
    for sql in (
        "SELECT name FROM victims",
        "SELECT * FROM victims",
        "SELECT cnic FROM victims",
        "SELECT record FROM sync_quarantine",
        "SELECT * FROM victim_terms",
        "SELECT * FROM victim_keys",
        "SELECT * FROM identity_keys",
        "UPDATE cases SET narrative = 'x'",
        "UPDATE audit SET detail = '{}'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        f"SELECT tipdesk_reveal('{victim_id}', 'name', 'a good reason', 'x', 'y')",
    ):
        refused(url, sql)


def test_the_identity_officer_reveals_through_the_audited_function_only(
    hq_with_victim: tuple[Session, Session, str], pg_url: str
) -> None:
    _lahore, hq, victim_id = hq_with_victim
    url = login(pg_url, "t_identity", roles.IDENTITY)
    with HqDatabase(pg_url, max_size=1) as owner, owner.transaction() as conn:
        (before,) = conn.execute("SELECT count(*) FROM audit").fetchone() or (0,)
    with HqDatabase(url, max_size=1) as officer:
        shown = hq_pg_roles.reveal_victim(
            hq, officer, victim_id, "Court summons for the trial", ("name", "cnic")
        )
        assert shown["name"] == NAME
        with pytest.raises(InvalidInput, match="reason"):
            hq_pg_roles.reveal_victim(hq, officer, victim_id, "no", ("name",))
        with pytest.raises(InvalidInput, match="No victim"):
            hq_pg_roles.reveal_victim(hq, officer, "no-such-victim", "Court summons", ("name",))
    for sql in ("SELECT name FROM victims", "DELETE FROM audit", "UPDATE victims SET age = 1"):
        refused(url, sql)
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]  # the function's entries chain as the app's do
        entries = conn.execute(
            "SELECT user_name, action, kind, record_id, detail FROM audit WHERE seq > %s "
            "ORDER BY seq",
            (before,),
        ).fetchall()
    assert [(e[1], e[2], e[3]) for e in entries] == [("reveal", "victim", victim_id)] * 2
    details = [json.loads(str(e[4])) for e in entries]
    assert [d["field"] for d in details] == ["name", "cnic"]
    assert {d["db_role"] for d in details} == {"t_identity"}
    assert {d["reason"] for d in details} == {"Court summons for the trial"}
    assert {str(e[0]) for e in entries} == {hq.user.name}
    assert all(NAME not in str(e) for e in entries)


def test_the_importer_imports_and_may_not_change_the_audit_or_settings(
    hq_with_victim: tuple[Session, Session, str], pg_url: str, tmp_path: Path
) -> None:
    lahore, hq, _victim = hq_with_victim
    url = login(pg_url, "t_importer", roles.IMPORTER)
    records.save(lahore, [case_for(lahore, case_number="FIR 9711/2019")])
    with HqDatabase(url, max_size=1) as importer:
        data = export(lahore, tmp_path / "b2").read_bytes()
        result = hq_pg.import_bundle_bytes(hq, importer, data)
        assert result.status == "imported" and result.accepted
    for sql in (
        "UPDATE audit SET detail = '{}'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "UPDATE settings SET value = 'x'",
        "DELETE FROM cases",
        "SELECT tipdesk_reveal('x', 'name', 'a good reason', 'x', 'y')",
    ):
        refused(url, sql)
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]
        # Refused by the privileges themselves, not only by the audit table's triggers
        # (which raise the same SQLSTATE).
        for role in (*roles.ROLES, "t_importer"):
            for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
                (held,) = conn.execute(
                    "SELECT has_table_privilege(%s, 'public.audit', %s)", (role, privilege)
                ).fetchone() or (True,)
                assert held is False, (role, privilege)
            (appends,) = conn.execute(
                "SELECT has_table_privilege(%s, 'public.audit', 'INSERT')", (role,)
            ).fetchone() or (False,)
            assert appends is (role != roles.RECEIVER), role


def test_the_receiver_may_insert_into_the_inbox_only(
    hq_with_victim: tuple[Session, Session, str], pg_url: str
) -> None:
    _lahore, hq, _victim = hq_with_victim
    url = login(pg_url, "t_receiver", roles.RECEIVER)
    for sql in (
        "SELECT * FROM cases",
        "INSERT INTO audit (seq) VALUES (0)",
        "SELECT 1 FROM settings",
    ):
        refused(url, sql)
    # The inbox table (PostgreSQL schema step 5, the receiver's part of issue 20) is there:
    # the receiver may add a bundle to it, and nothing more.
    assert roles.INBOX_TABLE == "sync_inbox"
    assert hq_pg_roles.apply_roles(hq) is True
    with HqDatabase(url, max_size=1) as receiver, receiver.transaction() as conn:
        conn.execute(
            "INSERT INTO sync_inbox (device_id, seq, sha256, device_lock, data, received_at) "
            "VALUES ('d', 1, 'x', 0, 'x', 't')"
        )
    refused(url, "SELECT * FROM sync_inbox")
    refused(url, "DELETE FROM sync_inbox")


def test_analysts_see_victims_columns_added_by_a_later_step_after_a_rerun(
    hq_with_victim: tuple[Session, Session, str], pg_url: str
) -> None:
    """The script grants on the columns that exist when it runs (and never an identifying
    one), so running it again after an upgrade covers new columns."""
    _lahore, hq, _victim = hq_with_victim
    url = login(pg_url, "t_analyst", roles.ANALYST)
    with psycopg.connect(pg_url) as conn:
        conn.execute("ALTER TABLE victims ADD COLUMN later_step ctext")
    refused(url, "SELECT later_step FROM victims")
    hq_pg_roles.apply_roles(hq)
    with HqDatabase(url, max_size=1) as analyst, analyst.transaction() as conn:
        conn.execute("SELECT later_step FROM victims").fetchall()
    assert set(Victim.IDENTIFYING) == set(roles.IDENTIFYING)


def test_an_analysts_computer_links_its_copy_of_the_install_through_its_own_login(
    hq_with_victim: tuple[Session, Session, str],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    """An analyst's (or editor's) computer: a copy of the HQ install's data folder, pointed at
    the database through the analyst's own login. The login may not change the schema nor the
    database's settings: linking only checks that the owner linked these keys, writes
    nothing, and the copy then reads and saves through that login."""
    _lahore, hq, victim_id = hq_with_victim
    home = hq.paths.home
    hq.close()
    editor_url = login(pg_url, "t_editor", roles.EDITOR)
    before = pg_digest(pg_url)
    copy = reopen(clone_home(home, tmp_path / "analyst"), svc_clock)
    try:
        linked = hq_pg.configure(copy, editor_url)
        assert linked.found == linked.version and linked.devices == 0
        assert pg_digest(pg_url) == before  # nothing written by linking
        victim = records.get(copy, "victim", victim_id)
        assert isinstance(victim, Victim) and victim.name in ("", MASK)  # no identity columns
        case = records.get(copy, "case", str(victim.case_id))
        case.narrative = "Corrected on an analyst's computer"  # type: ignore[union-attr]
        records.save_one(copy, case)
        with psycopg.connect(pg_url) as conn:
            row = conn.execute(
                "SELECT narrative, version FROM cases WHERE id = %s", (case.id,)
            ).fetchone()
            assert row == ("Corrected on an analyst's computer", 2)
            assert verify_audit(conn)[0]
    finally:
        copy.close()


def test_another_hqs_install_cannot_join_through_a_login(
    hq_with_victim: tuple[Session, Session, str],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    from sync_support import make_hq

    analyst_url = login(pg_url, "t_analyst", roles.ANALYST)
    before = pg_digest(pg_url)
    other = make_hq(tmp_path / "other-hq", svc_clock)
    try:
        with pytest.raises(LinkedElsewhere):
            hq_pg.configure(other, analyst_url)
        assert other.store.setting(DATABASE_SETTING) in (None, "")
    finally:
        other.close()
    assert pg_digest(pg_url) == before
