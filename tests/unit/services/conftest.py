"""Fixtures for services tests: real installs (real key file, real encrypted store) made with a
tiny Argon2id cost so that each test can init and sign in in a few milliseconds.

Fixture names are prefixed (``svc_``, ``district_``, ``hq_``) so that other helpers' fixtures in
this folder do not collide. Helpers and records live in ``svc_support``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from hq_engines import ENGINES
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


@pytest.fixture(params=ENGINES)
def hq_engine(request: pytest.FixtureRequest) -> str:
    """The engine keeping HQ's records: ``sqlcipher`` (the install's store) or ``postgres``
    (a new database on the session's cluster, linked to the HQ install)."""
    return str(request.param)


@pytest.fixture
def hq_pg_urls(request: pytest.FixtureRequest) -> Iterator[Callable[[str | None], str]]:
    """Make new PostgreSQL databases on the session's cluster (dropped afterwards), empty or
    a copy of the named one (no one connected to it): one per HQ install a test links (a
    copy of an HQ install needs its own)."""
    made: list[str] = []

    def new(template: str | None = None) -> str:
        cluster = request.getfixturevalue("pg_cluster")
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            source = template or "template0"
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'.encode())
        made.append(name)
        return str(cluster.url(name))

    yield new
    if made:
        cluster = request.getfixturevalue("pg_cluster")
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())


@pytest.fixture
def hq_linked(
    tmp_path: Path,
    svc_clock: FixedClock,
    hq_engine: str,
    hq_pg_urls: Callable[[str | None], str],
) -> Iterator[tuple[Session, Session]]:
    """As ``svc_linked``, once per engine: on ``postgres`` the HQ install keeps its records
    in a new PostgreSQL database (``hq_pg.configure``, as ``init --role hq --database``
    does), so every import, receipt and report of the test goes there. Read HQ's records
    with :func:`hq_engines.view`."""
    from sync_support import link, make_district, make_hq

    from tipdesk.services.sync import hq_pg

    district = make_district(tmp_path / "lahore", svc_clock)
    hq = make_hq(tmp_path / "hq", svc_clock)
    link(district, hq, tmp_path / "files")
    if hq_engine == "postgres":
        hq_pg.configure(hq, hq_pg_urls(None))
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
