"""Disabling a user or rotating the keys re-keys the store (threat: "Disabling a user or
changing a passphrase revokes nothing"): a copy of an older key file with a passphrase that
was right for it opens nothing current, the old recovery key neither; a kill at any step of
the rotation leaves a store the remaining users still open."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from svc_support import SVC_ADMIN, SVC_OTHER_PASSPHRASE, SVC_PASSPHRASE, SVC_START, svc_case

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import CorruptStore, WrongPassphrase
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.services import records, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KeyFile
from tipdesk.store.store import Store


def _old_key_opens_current_db(old_keyfile: Path, user: str, passphrase: str, db: Path) -> bool:
    key = KeyFile.load(old_keyfile).unlock(user, passphrase, FixedClock(SVC_START))
    try:
        Store.open(db, key).close()
    except CorruptStore:
        return False
    return True


def test_a_disabled_officer_with_an_old_key_file_opens_nothing(
    district_install: tuple[Session, str],
    svc_user: object,
    svc_paths: Paths,
    svc_clock: FixedClock,
    tmp_path: Path,
) -> None:
    admin, old_recovery = district_install
    assert callable(svc_user)
    svc_user(admin, "officer1", UserRole.DISTRICT_OFFICER).close()
    case = svc_case()
    records.save_one(admin, case)
    old_keys = tmp_path / "keys-from-an-old-backup.json"
    shutil.copy(svc_paths.keyfile, old_keys)

    rotation = users.disable_user(admin, "officer1")
    admin.close()

    db = svc_paths.database
    assert not _old_key_opens_current_db(old_keys, "officer1", SVC_OTHER_PASSPHRASE, db)
    assert not _old_key_opens_current_db(old_keys, SVC_ADMIN, SVC_PASSPHRASE, db)
    with pytest.raises(WrongPassphrase):
        KeyFile.load(svc_paths.keyfile).unlock_with_recovery(old_recovery, svc_clock)
    new_key = KeyFile.load(svc_paths.keyfile).unlock_with_recovery(rotation.recovery_key, svc_clock)
    Store.open(db, new_key).close()
    with session_service.sign_in(
        svc_paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    ) as again:
        assert records.get(again, "case", case.id).id == case.id
        assert "keys.rotate" in [e.action for e in again.store.audit_entries(limit=1000)]
        assert again.store.verify_audit().ok


def test_rotate_keys_leaves_the_remaining_users_their_access(
    district_session: Session, svc_user: object, svc_paths: Paths, svc_clock: FixedClock
) -> None:
    assert callable(svc_user)
    svc_user(district_session, "supervisor1", UserRole.DISTRICT_SUPERVISOR).close()
    old = district_session.store.database_key()
    rotation = users.rotate_keys(district_session, reason="laptop lost")
    assert district_session.store.database_key() != old
    assert rotation.dropped == ()
    district_session.close()
    session_service.sign_in(
        svc_paths, user="supervisor1", passphrase=SVC_OTHER_PASSPHRASE, clock=svc_clock
    ).close()


def _rotate_and_die(home: str, where: str) -> None:
    """In a child process: a rotation killed (os._exit, as kill -9) just before or just after
    the database is re-keyed (the key file is written before; the old key is forgotten after)."""
    session = session_service.sign_in(
        Paths(Path(home)), user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=FixedClock(SVC_START)
    )
    real = Store.rekey

    def rekey_and_die(store: Store, key: bytes) -> None:
        if where == "before":
            os._exit(9)
        real(store, key)
        os._exit(9)

    Store.rekey = rekey_and_die  # type: ignore[method-assign]
    users.rotate_keys(session, reason="test")


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_rotation_killed_before_or_after_the_rekey_leaves_a_store_that_opens(
    where: str,
    district_session: Session,
    svc_paths: Paths,
    svc_clock: FixedClock,
    tmp_path: Path,
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    district_session.close()
    old_keys = tmp_path / "old-keys.json"
    shutil.copy(svc_paths.keyfile, old_keys)
    child = multiprocessing.get_context("fork").Process(
        target=_rotate_and_die, args=(str(svc_paths.home), where)
    )
    child.start()
    child.join(120)
    assert child.exitcode == 9

    with session_service.sign_in(
        svc_paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    ) as again:
        assert records.get(again, "case", case.id).id == case.id
    # The interrupted rotation was finished at that sign-in: the old key opens nothing.
    assert not KeyFile.load(svc_paths.keyfile).rotation_pending
    assert not _old_key_opens_current_db(old_keys, SVC_ADMIN, SVC_PASSPHRASE, svc_paths.database)
