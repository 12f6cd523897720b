"""Unlocking a locked session: the passphrase again, throttled and audited like signing in."""

from __future__ import annotations

import pytest
from svc_support import SVC_OTHER_PASSPHRASE, SVC_PASSPHRASE, svc_actions

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, LoginThrottled, WrongPassphrase
from tipdesk.paths import Paths
from tipdesk.services import lock
from tipdesk.services.session import Session, sign_in


def test_unlock_with_the_passphrase(district_session: Session) -> None:
    with pytest.raises(WrongPassphrase):
        lock.unlock(district_session, "not my passphrase")
    lock.unlock(district_session, SVC_PASSPHRASE)
    actions = svc_actions(district_session)
    assert actions[-2:] == ["login.failed", "unlock"]


def test_unlock_is_throttled(district_session: Session, svc_clock: FixedClock) -> None:
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            lock.unlock(district_session, "wrong again and again")
    with pytest.raises(LoginThrottled):
        lock.unlock(district_session, SVC_PASSPHRASE)
    hint = lock.login_hint(district_session.paths, svc_clock)
    assert hint == lock.LoginHint(store_exists=True, wait_seconds=1.0)
    svc_clock.advance(1)
    lock.unlock(district_session, SVC_PASSPHRASE)


def test_unlock_with_the_recovery_key(
    district_install: tuple[Session, str], svc_clock: FixedClock
) -> None:
    session, recovery = district_install
    with pytest.raises(InvalidInput):
        lock.unlock_with_recovery(session, recovery, "short")
    lock.unlock_with_recovery(session, recovery, SVC_OTHER_PASSPHRASE)
    assert svc_actions(session)[-2:] == ["unlock.recovery", "passphrase.reset"]
    sign_in(session.paths, user="admin1", passphrase=SVC_OTHER_PASSPHRASE, clock=svc_clock).close()


def test_login_hint_without_a_store(tmp_path: object, svc_clock: FixedClock) -> None:
    from pathlib import Path

    hint = lock.login_hint(Paths(Path(str(tmp_path)) / "nothing"), svc_clock)
    assert hint == lock.LoginHint(False, 0.0)
