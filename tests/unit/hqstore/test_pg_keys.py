"""Keys out of PostgreSQL (issue 20, security): the database keeps the identity public key and
the index key's fingerprint only; another install is refused; a database linked by an earlier
TIPDesk (clear key in ``settings``) is moved by the schema step, checked first. Synthetic keys."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import psycopg
import pytest

from tipdesk.core.errors import KnownError
from tipdesk.hqstore import keys, migrations
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY

MINE = bytes(range(32))
THEIRS = bytes(range(1, 33))
PUBLIC = base64.b64encode(b"synthetic public key of HQ").decode()


@pytest.fixture
def conn(pg_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(pg_url) as c:
        yield c


def _settings(conn: psycopg.Connection[tuple[object, ...]]) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM settings")}


def _before_keys_step(
    conn: psycopg.Connection[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch, key: bytes
) -> None:
    """A database as an earlier TIPDesk linked it: the steps before "keys out", and the
    index key in clear in ``settings``."""
    at = [step for _n, step in migrations.STEPS].index(migrations._step_keys_out)
    with monkeypatch.context() as m:
        m.setattr(migrations, "STEPS", migrations.STEPS[:at])
        migrations.migrate(conn)
    with conn.transaction():
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (%s, %s), (%s, %s)",
            (PUBLIC_KEY, PUBLIC, INDEX_KEY, base64.b64encode(key).decode()),
        )


def test_the_fingerprint_names_the_key_without_holding_it() -> None:
    mine = keys.fingerprint(MINE)
    assert mine == keys.fingerprint(bytes(MINE))
    assert mine != keys.fingerprint(THEIRS)
    assert len(mine) == 64
    assert MINE.hex() not in mine


def test_link_keeps_the_public_key_and_fingerprint_and_refuses_another_install(
    conn: psycopg.Connection[tuple[object, ...]],
) -> None:
    migrations.migrate(conn)
    with conn.transaction():
        keys.link(conn, PUBLIC, MINE)
    held = _settings(conn)
    assert held == {PUBLIC_KEY: PUBLIC, keys.FINGERPRINT: keys.fingerprint(MINE)}
    with conn.transaction():
        keys.link(conn, PUBLIC, MINE)  # the same install again: accepted
        keys.check(conn, MINE)
    with pytest.raises(keys.LinkedElsewhere, match="linked to another HQ install"):
        keys.link(conn, PUBLIC, THEIRS)
    conn.rollback()
    with pytest.raises(keys.LinkedElsewhere, match="linked to another HQ install"):
        keys.check(conn, THEIRS)
    conn.rollback()
    assert _settings(conn) == held


def test_an_import_into_an_unlinked_database_is_refused(
    conn: psycopg.Connection[tuple[object, ...]],
) -> None:
    migrations.migrate(conn)
    with pytest.raises(KnownError, match="not linked to this HQ install"):
        keys.check(conn, MINE)


def test_the_settings_table_refuses_a_secret_key(
    conn: psycopg.Connection[tuple[object, ...]],
) -> None:
    migrations.migrate(conn)
    for secret in (INDEX_KEY, "identity_escrow"):
        with pytest.raises(psycopg.errors.CheckViolation), conn.transaction():
            conn.execute("INSERT INTO settings (key, value) VALUES (%s, 'x')", (secret,))


def test_the_step_moves_a_clear_key_only_after_checking_it_is_the_installs(
    conn: psycopg.Connection[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _before_keys_step(conn, monkeypatch, MINE)
    before = migrations.version(conn)
    held = _settings(conn)
    # Without the install's key (e.g. a copy target) or with another install's: refused,
    # nothing changed.
    with pytest.raises(KnownError, match="still holds its identity index key"):
        migrations.migrate(conn)
    with pytest.raises(keys.LinkedElsewhere):
        migrations.migrate(conn, index_key=THEIRS)
    assert migrations.version(conn) == before
    assert _settings(conn) == held
    # With the install's own key: the clear key is gone, its fingerprint stays.
    migrations.migrate(conn, index_key=MINE)
    assert migrations.version(conn) == migrations.LATEST
    assert _settings(conn) == {PUBLIC_KEY: PUBLIC, keys.FINGERPRINT: keys.fingerprint(MINE)}
    with conn.transaction():
        keys.check(conn, MINE)
        keys.link(conn, PUBLIC, MINE)
    assert keys.holds_clear_key(conn) is False


def test_link_rewrites_the_settings_table_after_moving_a_clear_key(
    conn: psycopg.Connection[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _before_keys_step(conn, monkeypatch, MINE)
    assert keys.holds_clear_key(conn)
    (file_before,) = conn.execute("SELECT pg_relation_filenode('settings')").fetchone() or ("",)
    conn.commit()
    migrations.migrate(conn, index_key=MINE)
    keys.rewrite_settings(conn)
    (file_after,) = conn.execute("SELECT pg_relation_filenode('settings')").fetchone() or ("",)
    assert file_after != file_before  # new files: the deleted row's page is gone
    assert not keys.holds_clear_key(conn)
