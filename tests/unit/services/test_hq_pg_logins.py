"""The PostgreSQL HQ's receiver and importer workers under their own database logins (issue
20, database roles): the receiver stores bundles and tells duplicates, and cannot read a
record, a bundle's bytes or the audit; the importer imports and builds receipts, and cannot
read the audit or reveal an identity; the audit chain still verifies. Synthetic data only."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export, reopen, run_cli
from test_hq_pg_roles import hq_with_victim, login, refused

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.hqstore import roles
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.logins import as_login
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_inbox, hq_pg_logins, hq_pg_receipts
from tipdesk.services.sync import server as sync_server

__all__ = ["hq_with_victim"]  # the fixture, shared with the roles' tests

AT = "2026-01-01T00:00:00Z"


def _user(side: sync_server.StoreWorker, which: str) -> str:
    db = side.inbox_database if which == "inbox" else side.database
    assert db is not None
    with db.connection() as conn:
        row = conn.execute("SELECT current_user").fetchone()
        conn.rollback()
    return str(row[0]) if row else ""


def test_the_receiver_and_the_workers_sign_in_as_their_own_roles(
    hq_with_victim: tuple[Session, Session, str],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq, _victim = hq_with_victim
    receiver_url = login(pg_url, "t_recv", roles.RECEIVER)
    importer_url = login(pg_url, "t_imp", roles.IMPORTER)
    records.save(lahore, [case_for(lahore, case_number="FIR 9712/2019")])
    data = export(lahore, tmp_path / "b2").read_bytes()
    device = lahore.install.device_id

    side = sync_server.StoreWorker(
        lambda: reopen(hq.paths, svc_clock), receiver_login="t_recv", importer_login="t_imp"
    )
    try:
        assert (_user(side, "inbox"), _user(side, "database")) == ("t_recv", "t_imp")
        assert side.inbox_database is not None and side.database is not None
        manifest = side.call(lambda s: sync.check_bundle_bytes(s, data))
        # The receiver stores the upload and tells the same bytes sent again.
        first = hq_inbox.receive(side.inbox_database, data, manifest, AT)
        again = hq_inbox.receive(side.inbox_database, data, manifest, AT)
        assert (first["status"], again["status"]) == ("stored", "duplicate")
    finally:
        side.close()

    # `tipdesk hq import-worker` signed in as the importer imports it...
    assert run_cli(monkeypatch, hq, "hq", "import-worker", "--importer-login", "t_imp",
                   "--once") == 0  # fmt: skip
    side = sync_server.StoreWorker(lambda: reopen(hq.paths, svc_clock), importer_login="t_imp")
    try:
        db = side.database
        assert db is not None and side.inbox_database is db
        # ...the receiver, asked again, knows it imported, and the importer builds receipts.
        manifest = side.call(lambda s: sync.check_bundle_bytes(s, data))
        assert hq_inbox.receive(db, data, manifest, AT)["status"] == "duplicate"
        assert side.call(lambda s: hq_pg_receipts.receipt_if_any(s, db, device)) is not None
    finally:
        side.close()
    with psycopg.connect(pg_url) as conn:
        (status,) = conn.execute(
            "SELECT status FROM sync_inbox WHERE device_id = %s", (device,)
        ).fetchone() or ("",)
        assert status == "imported"
        assert conn.execute(
            "SELECT count(*) FROM cases WHERE case_number = 'FIR 9712/2019'"
        ).fetchone() == (1,)
        assert verify_audit(conn)[0]

    for sql in (
        "SELECT * FROM cases",
        "SELECT id FROM victims",
        "SELECT * FROM changes",
        "SELECT data FROM sync_inbox",
        "SELECT * FROM sync_bundles",
        "SELECT * FROM audit",
        "SELECT * FROM tipdesk_audit_head()",
        "UPDATE sync_inbox SET status = 'waiting'",
    ):
        refused(receiver_url, sql)
    for sql in (
        "SELECT * FROM audit",
        "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1",
        "SELECT tipdesk_reveal('x', 'name', 'a good reason', 'x', 'y')",
        "UPDATE audit SET detail = '{}'",
    ):
        refused(importer_url, sql)


def test_a_login_is_a_role_name_and_for_a_postgresql_hq_only(
    hq_with_victim: tuple[Session, Session, str],
) -> None:
    lahore, _hq, _victim = hq_with_victim
    url = "postgresql:///tipdesk?host=/run/postgresql&user=tipdesk"
    assert "user=t_imp" in as_login(url, "t_imp")
    for bad in ("", "a b", "x;DROP", "x' OR '1", "é", "n" * 64):
        with pytest.raises(InvalidInput, match="not a database login name"):
            as_login(url, bad)
    with pytest.raises(InvalidInput, match="keeps them in its own store"):
        hq_pg_logins.database_as(lahore, "t_imp")
