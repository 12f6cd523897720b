"""Deleting the last audit entries must be detected (threat: "Deleting the last audit entries
is never detected"): appends chain from the recorded head and refuse when the log's last entry
is not it, sign-in checks the head before it logs, and the break is shown to an administrator
at once, until one records it."""

from __future__ import annotations

import pytest
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, svc_campaign
from sync_support import run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import AuditChainBroken
from tipdesk.paths import Paths
from tipdesk.services import audit_log, records
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.driver import connect
from tipdesk.store.keys import KeyFile

CUT = 3


def _cut_the_tail(paths: Paths, clock: FixedClock) -> int:
    """What an attacker holding the database key does: drop the append-only triggers and
    delete the last entries. Returns the seq of the entry the log now ends at."""
    key = KeyFile.load(paths.keyfile).unlock(SVC_ADMIN, SVC_PASSPHRASE, clock)
    conn = connect(paths.database, key)
    try:
        conn.execute("DROP TRIGGER audit_no_delete")
        last = int(conn.execute("SELECT max(seq) FROM audit").fetchone()[0])
        conn.execute("DELETE FROM audit WHERE seq > ?", (last - CUT,))
    finally:
        conn.close()
    return last - CUT


def _sign_in(paths: Paths, clock: FixedClock) -> Session:
    return session_service.sign_in(paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=clock)


@pytest.fixture
def cut(district_session: Session, svc_paths: Paths, svc_clock: FixedClock) -> int:
    for title in ("one", "two", "three", "four"):
        records.save(district_session, [svc_campaign(title=f"Campaign {title}")])
    district_session.close()
    return _cut_the_tail(svc_paths, svc_clock)


def test_a_cut_tail_is_still_reported_after_the_next_sign_in(
    cut: int, svc_paths: Paths, svc_clock: FixedClock
) -> None:
    with _sign_in(svc_paths, svc_clock) as admin:
        # The sign-in did not paper over the cut (it used to chain its entry from the last
        # row and overwrite the head): verify still names it.
        result = audit_log.verify(admin)
        assert not result.ok
        assert f"ends at #{cut}" in result.problem
        assert admin.audit_broken
        assert "deleted" in admin.audit_status.problem
        # Nothing is appended after the cut until an administrator records it.
        with pytest.raises(AuditChainBroken):
            records.save(admin, [svc_campaign(title="Campaign five")])
        assert admin.store.audit_status().last_seq == cut


def test_an_admin_records_the_break_and_it_stays_visible(
    cut: int, svc_paths: Paths, svc_clock: FixedClock
) -> None:
    with _sign_in(svc_paths, svc_clock) as admin:
        audit_log.acknowledge_break(admin, "laptop returned from repair; reported to HQ")
        assert admin.store.audit_status().ok
        records.save(admin, [svc_campaign(title="Campaign five")])
        result = audit_log.verify(admin)
    assert result.ok
    assert len(result.breaks) == 1
    assert f"ends at #{cut}" in result.breaks[0]
    assert SVC_ADMIN in result.breaks[0]


def test_the_command_line_warns_an_admin_at_sign_in(
    cut: int,
    svc_paths: Paths,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _sign_in(svc_paths, svc_clock) as admin:
        capsys.readouterr()
        assert run_cli(monkeypatch, admin, "user", "list") == 0
    err = capsys.readouterr().err
    assert "AUDIT LOG IS BROKEN" in err
    assert err.count("\n") == 1
