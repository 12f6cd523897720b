"""Fixtures shared by every test. Tests never touch the real home folder."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster
from pg_cluster import start as start_cluster


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the interface's translations (``.ts`` -> ``.qm``) when missing or older, as
    ``make translations`` does: the app loads the ``.qm`` files, which are not in the repo."""
    from tipdesk.ui.devtools.i18n import release

    release()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "tipdesk-home"
    monkeypatch.setenv("TIPDESK_HOME", str(home))
    monkeypatch.delenv("TIPDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("TIPDESK_LANG", raising=False)  # the CLI's language (tipdesk.cli.language)
    yield home


# --- PostgreSQL (the HQ server's engine, tipdesk.hqstore) -----------------------------------
# One throwaway cluster per test process (each xdist worker has its own), started the first
# time a test asks for it and stopped at the end of the session, failures included. When it
# cannot start, the tests that need it fail with the reason: they never skip.


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """A libpq URL of a new, empty database on the session's cluster (dropped afterwards)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield pg_cluster.url(name)
    finally:
        with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
