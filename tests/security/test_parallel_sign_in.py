"""Parallel sign-in attempts must not bypass the wait (threat: "Parallel sign-in attempts
bypass the wait"): the failure counter is read, checked and written under one lock, so
attempts queue up, those made during a wait are refused, and every attempt reaches the audit
log."""

from __future__ import annotations

import threading

from svc_support import SVC_ADMIN, SVC_PASSPHRASE

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import LoginThrottled, WrongPassphrase
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import THROTTLE_FREE_FAILURES, KeyFile

ATTEMPTS = 8


def _attempt(paths: Paths, clock: FixedClock, start: threading.Barrier, out: list[str]) -> None:
    start.wait()
    try:
        session_service.sign_in(paths, user=SVC_ADMIN, passphrase="wrong guess 12345", clock=clock)
    except WrongPassphrase:
        out.append("tried")
    except LoginThrottled:
        out.append("refused")
    else:  # pragma: no cover - a wrong passphrase never opens the store
        out.append("opened")


def test_eight_parallel_wrong_attempts_queue_and_are_all_audited(
    district_session: Session, svc_paths: Paths, svc_clock: FixedClock
) -> None:
    district_session.close()
    outcomes: list[str] = []
    start = threading.Barrier(ATTEMPTS)
    threads = [
        threading.Thread(target=_attempt, args=(svc_paths, svc_clock, start, outcomes))
        for _ in range(ATTEMPTS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert len(outcomes) == ATTEMPTS
    # The clock does not move: after the free failures every attempt falls in the wait.
    assert outcomes.count("tried") == THROTTLE_FREE_FAILURES
    assert outcomes.count("refused") == ATTEMPTS - THROTTLE_FREE_FAILURES
    keyfile = KeyFile.load(svc_paths.keyfile)
    assert len(keyfile.pending_failures()) == THROTTLE_FREE_FAILURES

    # The next sign-in (after the wait) writes every attempt into the audit log.
    later = FixedClock(svc_clock.now().replace(hour=svc_clock.now().hour + 1))
    with session_service.sign_in(
        svc_paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=later
    ) as admin:
        actions = [e.action for e in admin.store.audit_entries(limit=10_000)]
    assert actions.count("login.failed") == THROTTLE_FREE_FAILURES
    assert actions.count("login.throttled") == ATTEMPTS - THROTTLE_FREE_FAILURES
