"""Fixtures for services tests: real installs (real key file, real encrypted store) made with a
tiny Argon2id cost so that each test can init and sign in in a few milliseconds.

Fixture names are prefixed (``svc_``, ``district_``, ``hq_``) so that other helpers' fixtures in
this folder do not collide. Helpers and records live in ``svc_support``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from svc_support import SVC_OTHER_PASSPHRASE, SVC_START, svc_init

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services import users
from tipdesk.services.session import Session


@pytest.fixture
def svc_clock() -> FixedClock:
    return FixedClock(SVC_START)


@pytest.fixture
def svc_paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "svc-home")


@pytest.fixture
def svc_sessions() -> Iterator[list[Session]]:
    """Sessions to close at the end of the test (closing twice is harmless)."""
    opened: list[Session] = []
    yield opened
    for s in opened:
        s.close()


@pytest.fixture
def district_install(
    svc_paths: Paths, svc_clock: FixedClock, svc_sessions: list[Session]
) -> tuple[Session, str]:
    """A fresh Lahore district install: (the admin's session, the recovery key)."""
    session, recovery = svc_init(svc_paths, svc_clock)
    svc_sessions.append(session)
    return session, recovery


@pytest.fixture
def district_session(district_install: tuple[Session, str]) -> Session:
    """The district admin (``admin1``, role district_admin) signed in."""
    return district_install[0]


@pytest.fixture
def hq_session(tmp_path: Path, svc_clock: FixedClock, svc_sessions: list[Session]) -> Session:
    """The admin of a fresh HQ install (role hq_admin)."""
    session, _recovery = svc_init(Paths(tmp_path / "svc-hq"), svc_clock, role=InstallRole.HQ)
    svc_sessions.append(session)
    return session


@pytest.fixture
def svc_linked(tmp_path: Path, svc_clock: FixedClock) -> Iterator[tuple[Session, Session]]:
    """A Lahore district enrolled with a fresh HQ that registered its device: (district, HQ),
    both signed in as their admins, closed after the test."""
    from sync_support import link, make_district, make_hq

    district = make_district(tmp_path / "lahore", svc_clock)
    hq = make_hq(tmp_path / "hq", svc_clock)
    link(district, hq, tmp_path / "files")
    yield district, hq
    district.close()
    hq.close()


@pytest.fixture
def svc_user(svc_sessions: list[Session]) -> Callable[[Session, str, UserRole], Session]:
    """Add a user with ``admin``'s session and return that user's own signed-in session."""

    def make(admin: Session, name: str, role: UserRole) -> Session:
        users.add_user(admin, name, role, SVC_OTHER_PASSPHRASE)
        s = session_service.sign_in(
            admin.paths, user=name, passphrase=SVC_OTHER_PASSPHRASE, clock=admin.clock
        )
        svc_sessions.append(s)
        return s

    return make
