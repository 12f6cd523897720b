"""The PostgreSQL HQ store's own parts: schema steps, error translation, the audit table's
append-only rule, the pool, locks and the dialect helper. Synthetic data only."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import psycopg
import pytest

from tipdesk.core.errors import KnownError, StoreBusy, StoreNotFound, StoreTooNew
from tipdesk.hqstore import keys, migrations
from tipdesk.hqstore.batch import append_audit, import_batch, lock_key, verify_audit
from tipdesk.hqstore.dialect import POSTGRES, SQLITE, identifier
from tipdesk.hqstore.errors import classify
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.store.audit import NewEntry
from tipdesk.store.driver import StoreBug
from tipdesk.store.store import Actor

INDEX_KEY = bytes(range(32))  # a synthetic index key (the HQ install's, in real use)


@pytest.fixture
def db(pg_url: str) -> Iterator[HqDatabase]:
    database = HqDatabase(pg_url, max_size=3)
    with database.connection() as conn:
        migrations.migrate(conn)
        with conn.transaction():
            keys.link(conn, "c3ludGhldGljIHB1YmxpYyBrZXk=", INDEX_KEY)
    yield database
    database.close()


def test_migrate_applies_every_step_once(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert migrations.migrate(conn) == 0
        assert migrations.migrate(conn) == migrations.LATEST
        assert migrations.version(conn) == migrations.LATEST
        tables = {
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        }
    assert {"cases", "accused", "victims", "referrals", "trainings", "campaigns"} <= tables
    assert {"audit", "changes", "sync_bundles", "sync_quarantine", "identity_keys"} <= tables


def test_a_newer_schema_is_refused_and_left_alone(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        migrations.migrate(conn)
        with conn.transaction():
            conn.execute(
                "INSERT INTO schema_version(version) VALUES (%s)", (migrations.LATEST + 1,)
            )
        with pytest.raises(StoreTooNew, match="Update TIPDesk"):
            migrations.migrate(conn)
        assert migrations.version(conn) == migrations.LATEST + 1


def test_the_audit_table_refuses_update_delete_and_truncate(db: HqDatabase) -> None:
    entry = NewEntry("2025-01-01T00:00:00Z", "admin", "dev", "sync.import", "bundle", "x#1", {})
    with db.transaction() as conn:
        append_audit(conn, [entry, entry])
    for sql in ("UPDATE audit SET at = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
        with pytest.raises(KnownError, match="may not do this"), db.transaction() as conn:
            conn.execute(sql.encode())
    with db.connection() as conn:
        assert verify_audit(conn) == (True, 2)


def test_a_changed_audit_entry_breaks_the_chain(db: HqDatabase) -> None:
    entry = NewEntry("2025-01-01T00:00:00Z", "admin", "dev", "sync.import", "bundle", "x#1", {})
    with db.transaction() as conn:
        append_audit(conn, [entry, entry, entry])
        # The superuser can drop the rule; the chain still tells.
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change")
        conn.execute("UPDATE audit SET detail = '{\"x\":1}' WHERE seq = 2")
        assert verify_audit(conn) == (False, 2)


def test_errors_are_translated_by_sqlstate_without_the_values(db: HqDatabase) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'Secret-Synthetic-Value')")
    with pytest.raises(StoreBug) as caught, db.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'Secret-Synthetic-Value')")
    assert "23505" in str(caught.value) and "Secret" not in str(caught.value)
    with pytest.raises(StoreBug) as caught, db.transaction() as conn:
        conn.execute("SELECT CAST('Secret-Synthetic-Value' AS integer)")
    assert "22P02" in str(caught.value) and "Secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("state", "kind"),
    [("40001", StoreBusy), ("40P01", StoreBusy), ("55P03", StoreBusy), ("3D000", StoreNotFound)],
)
def test_classify_maps_states(state: str, kind: type[Exception]) -> None:
    exc = psycopg.errors.lookup(state)()
    assert isinstance(classify(exc), kind)


def test_a_missing_database_says_so_without_the_url(pg_url: str) -> None:
    url = pg_url.replace("/t_", "/missing_").replace("user=postgres", "user=postgres&password=pw-x")
    with pytest.raises(StoreNotFound) as caught:
        HqDatabase(url, timeout=5)
    assert "pw-x" not in str(caught.value) and "missing_" not in str(caught.value)


def test_run_retries_a_deadlock_then_succeeds(db: HqDatabase) -> None:
    calls: list[int] = []

    def work(conn: psycopg.Connection[tuple[object, ...]]) -> int:
        calls.append(1)
        if len(calls) < 3:
            raise psycopg.errors.DeadlockDetected()
        return int(str(conn.execute("SELECT 7").fetchone()[0]))  # type: ignore[index]

    assert db.run(work) == 7 and len(calls) == 3


def test_run_gives_up_after_its_attempts(db: HqDatabase) -> None:
    def work(_conn: object) -> None:
        raise psycopg.errors.SerializationFailure()

    with pytest.raises(StoreBusy):
        db.run(work, attempts=2)


def test_a_device_lock_holds_a_second_import_until_the_first_commits(db: HqDatabase) -> None:
    key = lock_key("device:D1")
    order: list[str] = []
    first_has_it = threading.Event()

    def first() -> None:
        with db.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (key,))
            first_has_it.set()
            with db.connection() as probe:
                # The second cannot take it while this transaction is open.
                row = probe.execute("SELECT pg_try_advisory_xact_lock(%s)", (key,)).fetchone()
                probe.rollback()
            order.append(f"first (other could lock: {row[0] if row else None})")

    thread = threading.Thread(target=first)
    thread.start()
    first_has_it.wait(10)
    thread.join(10)
    with db.transaction() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (key,))
        order.append("second")
    assert order == ["first (other could lock: False)", "second"]


def test_dialect_spells_the_known_traps() -> None:
    assert SQLITE.params("a = ? AND b LIKE 'x%'") == "a = ? AND b LIKE 'x%'"
    assert POSTGRES.params("a = ? AND b LIKE 'x%'") == "a = %s AND b LIKE 'x%%'"
    assert POSTGRES.count_true("x = 1") == "sum(CASE WHEN x = 1 THEN 1 ELSE 0 END)"
    assert SQLITE.count_true("x = 1") == "sum(x = 1)"
    assert "jsonb_array_elements_text" in POSTGRES.json_array("c", "f")
    assert identifier("cases") == "cases"
    with pytest.raises(ValueError, match="identifier"):
        identifier("cases; DROP TABLE audit")


def test_dialect_ages_agree_with_sqlite(db: HqDatabase) -> None:
    import sqlite3

    pairs = [
        ("2000-02-29", "2018-02-28", 17),
        ("2000-02-29", "2018-03-01", 18),
        ("2007-12-31", "2025-12-31", 18),
        ("2008-01-01", "2025-12-31", 17),
    ]
    lite = sqlite3.connect(":memory:")
    for born, seen, age in pairs:
        expected = lite.execute(
            f"SELECT {SQLITE.years_between('b', 's')} FROM (SELECT ? AS b, ? AS s)",  # noqa: S608
            (born, seen),
        ).fetchone()
        pg_sql = f"SELECT {POSTGRES.years_between('b', 's')} FROM (SELECT %s AS b, %s AS s) AS t"  # noqa: S608
        with db.connection() as conn:
            got = conn.execute(pg_sql.encode(), (born, seen)).fetchone()
        assert got == expected == (age,), (born, seen)


def _actor() -> Actor:
    return Actor("importer", "hq-device", "2025-06-01T00:00:00Z")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("D1", ["r-1", "r-2"]), ("D2", ["r-2", "r-3"])),  # a shared record, not yet stored
        (("D1", ["r-1"]), ("D1", ["r-9"])),  # the same device
    ],
)
def test_an_import_waits_for_another_holding_its_device_or_records(
    pg_url: str, db: HqDatabase, first: tuple[str, list[str]], second: tuple[str, list[str]]
) -> None:
    quick = "-c lock_timeout=100"  # ms: how long the second waits before giving up
    with psycopg.connect(pg_url) as holder, psycopg.connect(pg_url, options=quick) as other:
        with (
            import_batch(holder, _actor(), first[0], first[1], None, index_key=INDEX_KEY),
            pytest.raises(psycopg.errors.LockNotAvailable),
            import_batch(other, _actor(), second[0], second[1], None, index_key=INDEX_KEY),
        ):
            pass
        # Once the first commits, the second goes through.
        with import_batch(other, _actor(), second[0], second[1], None, index_key=INDEX_KEY) as b:
            assert b.max_change() == 0


def test_imports_of_other_devices_and_records_do_not_wait(pg_url: str, db: HqDatabase) -> None:
    patient = "-c lock_timeout=30000"  # a wait would fail the test instead of hanging it
    with (
        psycopg.connect(pg_url) as holder,
        psycopg.connect(pg_url, options=patient) as other,
        import_batch(holder, _actor(), "D1", ["r-1", "r-2"], None, index_key=INDEX_KEY),
        import_batch(other, _actor(), "D2", ["r-3"], None, index_key=INDEX_KEY) as b,
    ):
        assert b.bundle("D2", 1) is None
