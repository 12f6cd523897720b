"""Restoring over an open session: the new session on success; on refusal the old store is
open again in the same session object and nothing in the data folder changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from svc_support import SVC_PASSPHRASE, svc_snapshot

from tipdesk.core.errors import WrongPassphrase
from tipdesk.services import backup
from tipdesk.services.maintenance import restore_over
from tipdesk.services.session import Session


def test_restore_over_an_open_session(district_session: Session, tmp_path: Path) -> None:
    file = backup.backup(district_session, tmp_path / "b.tipbak")
    district_session.audit("export", "bundle", "after-the-backup")
    new = restore_over(district_session, file, user="admin1", passphrase=SVC_PASSPHRASE)
    try:
        actions = [e.action for e in new.store.audit_entries(limit=10_000)]
        assert "export" not in actions and actions[-1] == "restore"
    finally:
        new.close()
    assert any(p.name.startswith("before-restore-") for p in district_session.paths.home.iterdir())


def test_a_refused_restore_keeps_the_session(district_session: Session, tmp_path: Path) -> None:
    file = backup.backup(district_session, tmp_path / "b.tipbak")
    before = svc_snapshot(district_session.paths.home)
    with pytest.raises(WrongPassphrase):
        restore_over(district_session, file, user="admin1", passphrase="wrong passphrase here")
    assert svc_snapshot(district_session.paths.home).keys() == before.keys()
    # The same session object works again.
    assert district_session.store.users()[0].name == "admin1"


def test_a_cancelled_restore_keeps_the_session(district_session: Session, tmp_path: Path) -> None:
    file = backup.backup(district_session, tmp_path / "b.tipbak")
    before = svc_snapshot(district_session.paths.home)

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        restore_over(
            district_session, file, user="admin1", passphrase=SVC_PASSPHRASE, progress=cancel
        )
    assert svc_snapshot(district_session.paths.home).keys() == before.keys()
    assert district_session.store.users()[0].name == "admin1"
