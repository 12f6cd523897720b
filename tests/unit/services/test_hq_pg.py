"""HQ on PostgreSQL (issue 20, first slice): the same bundles imported into the SQLCipher HQ
and into a PostgreSQL HQ give a byte-identical national report; identities are sealed; a
re-sent bundle is a duplicate; the audit chain verifies. Synthetic data only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg_cluster import Cluster
from sync_support import case_for, export, link, make_district, run_cli

from tipdesk.cli import main as cli_main
from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.masking import MASK
from tipdesk.core.records import Case
from tipdesk.hqstore import dump as pg_dump
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports import writers
from tipdesk.reports.model import ReportParams
from tipdesk.services import records, reports, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_backup, hq_pg_copy
from tipdesk.services.sync.common import own_identity
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.sync import age

PERIODS = (
    ReportParams(dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
    ReportParams(dt.date(2024, 3, 17), dt.date(2025, 8, 9)),  # partial first and last months
    ReportParams(dt.date(2024, 1, 1), dt.date(2025, 12, 31), province="Punjab"),
    ReportParams(dt.date(2024, 1, 1), dt.date(2025, 12, 31), district="Multan"),
)


@pytest.fixture
def hq_db(pg_url: str) -> Iterator[HqDatabase]:
    db = HqDatabase(pg_url, max_size=2)
    yield db
    db.close()


@pytest.fixture
def two_districts(
    svc_linked: tuple[Session, Session], hq_db: HqDatabase, tmp_path: Path, svc_clock: FixedClock
) -> Iterator[tuple[Session, Session, Session]]:
    """Lahore and Multan registered at an HQ whose PostgreSQL database (``hq_db``) is linked
    (:func:`hq_pg.link`: both devices mirrored), the SQLCipher HQ kept for comparison:
    (Lahore, Multan, HQ). Multan is closed after the test."""
    lahore, hq = svc_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    try:
        link(multan, hq, tmp_path / "files")
        assert hq_pg.link(hq, hq_db).devices == 2
        yield lahore, multan, hq
    finally:
        multan.close()


def _both(hq: Session, db: HqDatabase, bundle: Path) -> tuple[str, str]:
    data = bundle.read_bytes()
    on_sqlite = sync.import_bundle_bytes(hq, data)
    on_pg = hq_pg.import_bundle_bytes(hq, db, data)
    assert (on_pg.status, on_pg.accepted, on_pg.duplicates, on_pg.superseded) == (
        on_sqlite.status,
        on_sqlite.accepted,
        on_sqlite.duplicates,
        on_sqlite.superseded,
    )
    assert len(on_pg.quarantined) == len(on_sqlite.quarantined)
    return on_sqlite.status, on_pg.status


def _same_reports(hq: Session, db: HqDatabase) -> None:
    """The report JSON of every period and scope of :data:`PERIODS`, byte for byte."""
    for params in PERIODS:
        on_sqlite = writers.to_json(reports.build_report(hq, params))
        on_pg = writers.to_json(hq_pg.build_report(hq, db, params))
        assert b'"cases_registered"' in on_sqlite
        assert on_pg == on_sqlite, params


def _saved_over_the_limit(district: Session) -> Case:
    """A case whose accused's sentence is over the 84-month maximum, saved as a district on
    older rules would have (as in test_sync_hq): HQ quarantines the whole unit."""
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96
    # Shared with HQ (consent), so its identity reaches HQ and the quarantine row.
    bad.victims[0].consent_to_share = True
    bad.victims[0].name = "Zarmina Quarantined-Synthetic"
    district.store.save([bad], district.actor())
    return bad


def test_same_bundles_give_a_byte_identical_national_report(
    two_districts: tuple[Session, Session, Session],
    hq_db: HqDatabase,
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    lahore, multan, hq = two_districts
    peshawar = make_district(tmp_path / "peshawar", svc_clock, which=2)
    try:
        link(peshawar, hq, tmp_path / "files")  # registered, never sends: coverage says so
        linked = hq_pg.link(hq, hq_db)  # linked again: the new device is mirrored
        assert linked.devices == 3
        fill(lahore, seed=11, cases=40)
        fill(multan, seed=12, cases=25)
        bad = _saved_over_the_limit(lahore)  # HQ quarantines this unit, victim included
        for district in (lahore, multan):
            assert _both(hq, hq_db, export(district, tmp_path / "out")) == ("imported",) * 2
        held = reports.build_report(hq, PERIODS[0]).coverage.quarantine
        assert held and held[0].by_kind.get("victim") == 1
        _same_reports(hq, hq_db)
        # Later edits: the quarantined case is fixed and taken up, another case changes.
        svc_clock.advance(60)
        fixed = lahore.store.get("case", bad.id)
        assert isinstance(fixed, Case)
        fixed.accused[0].imprisonment_months = 60
        records.save(lahore, [fixed])
        assert _edit_some(lahore)
        bundle = export(lahore, tmp_path / "out2")
        assert _both(hq, hq_db, bundle) == ("imported",) * 2
        assert _both(hq, hq_db, bundle) == ("duplicate",) * 2  # re-sent: nothing changes
        assert not reports.build_report(hq, PERIODS[0]).coverage.quarantine
        _same_reports(hq, hq_db)
        # Non-trivial: the figures are there, in both.
        national = reports.build_report(hq, PERIODS[0])
        assert national.headline["cases_registered"].value >= 60
        assert national.headline["victims_identified"].value > 0

        with psycopg.connect(pg_url) as conn:
            assert verify_audit(conn)[0]
            names = [str(r[0]) for r in conn.execute("SELECT name FROM victims")]
            assert [n for n in names if n] and all(n.startswith("s1:") for n in names if n)
            (held_victim,) = conn.execute(
                "SELECT record FROM sync_quarantine WHERE kind = 'victim'"
            ).fetchall()
            assert '"name":"s1:' in str(held_victim[0])
        plain = {v.name for v in _victims(lahore) if v.name and v.name != MASK}
        assert "Zarmina Quarantined-Synthetic" in plain
        with psycopg.connect(pg_url) as conn:
            dump = "\n".join(
                str(row)
                for table in ("victims", "sync_quarantine", "sync_conflicts", "audit", "changes")
                for row in conn.execute(f"SELECT * FROM {table}")  # noqa: S608
            )
        assert not [n for n in plain if n in dump]
    finally:
        peshawar.close()


def _victims(session: Session) -> list[object]:
    from tipdesk.core.records import Victim
    from tipdesk.store.rows import from_row, select_columns

    out = []
    for row in session.store.query(f"SELECT {select_columns('victim')} FROM victims"):  # noqa: S608
        victim = from_row("victim", row)
        assert isinstance(victim, Victim)
        out.append(session.store.opened(victim))
    return out


def _edit_some(session: Session) -> int:
    """Change a few of the district's records: a case's stage moves on, one case is deleted."""
    from tipdesk.core.records import Case
    from tipdesk.store.rows import from_row, select_columns

    rows = session.store.query(
        f"SELECT {select_columns('case')} FROM cases ORDER BY id LIMIT 3"  # noqa: S608
    )
    changed = []
    for i, row in enumerate(rows):
        case = from_row("case", row)
        assert isinstance(case, Case)
        if i == 0:
            changed.append(dataclasses.replace(case, narrative=case.narrative + " Updated."))
    if changed:
        records.save(session, changed)
    return len(changed)


def test_two_importers_at_once_give_what_one_writer_gives_and_no_plaintext_on_disk(
    two_districts: tuple[Session, Session, Session],
    hq_db: HqDatabase,
    pg_url: str,
    pg_cluster: Cluster,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    lahore, multan, hq = two_districts
    fill(lahore, seed=21, cases=30)
    fill(multan, seed=22, cases=30)
    shared = case_for(lahore)
    shared.victims[0].consent_to_share = True
    shared.victims[0].name = "Gulnaz Ondisk-Synthetic"
    records.save(lahore, [shared])
    datas = [export(d, tmp_path / f"out{i}").read_bytes() for i, d in enumerate((lahore, multan))]
    for data in datas:
        sync.import_bundle_bytes(hq, data)
    opened = [hq_pg.open_bundle(hq, data) for data in datas]
    results: list[object] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(opened))

    def run(item: hq_pg.OpenedBundle) -> None:
        try:
            start.wait(10)
            results.append(hq_pg.apply_opened(hq_db, item))
        except BaseException as exc:  # reported below, never lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(o,)) for o in opened]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == [] and len(results) == 2
    _same_reports(hq, hq_db)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert verify_audit(conn)[0]
        (n,) = conn.execute("SELECT count(*) FROM sync_bundles").fetchone() or (0,)
        assert n == 2
        conn.execute("CHECKPOINT")
    found = [
        str(p)
        for p in pg_cluster.data.rglob("*")
        if p.is_file() and b"Gulnaz Ondisk-Synthetic" in p.read_bytes()
    ]
    assert found == []
    # The name did reach HQ (sealed): the scan looked for something that was there.
    assert "Gulnaz Ondisk-Synthetic" in {v.name for v in _victims(lahore)}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("postgresql://hq:pw-synthetic@db.example/tipdesk?sslmode=verify-full", "password"),
        ("postgresql://hq@db.example/tipdesk", "verify-full"),
        ("postgresql://hq@db.example/tipdesk?sslmode=require", "verify-full"),
        ("postgresql://hq@/tipdesk?hostaddr=10.0.0.5", "verify-full"),
        ("not a url ===", "could not be read"),
    ],
)
def test_database_urls_hq_must_not_use_are_refused(url: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as caught:
        hq_pg.check_database_url(url)
    assert "pw-synthetic" not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql:///tipdesk?host=/run/postgresql",
        "postgresql:///tipdesk",
    ],
)
def test_socket_and_verified_tls_urls_are_accepted(url: str) -> None:
    hq_pg.check_database_url(url)


def test_init_refuses_a_database_for_a_district_or_a_bad_url_before_creating_anything(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TIPDESK_PASSPHRASE", "synthetic passphrase for a test")
    home = tmp_path / "new-hq"
    common = ["init", "--home", str(home), "--user", "admin1"]
    district = [*common, "--role", "district", "--district", "Lahore", "--office", "FIA-AHTC-LHR"]
    assert cli_main.run([*district, "--database", "postgresql:///x"]) != 0
    assert cli_main.run([*common, "--role", "hq", "--database", "postgresql://a:b@h/x"]) != 0
    assert not (home.exists() and any(home.iterdir()))


def test_an_hq_with_a_database_imports_into_it_and_reports_from_it(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq = svc_linked
    fill(lahore, seed=31, cases=12)
    bundle = export(lahore, tmp_path / "out")
    assert run_cli(monkeypatch, hq, "hq", "database", pg_url) == 0
    assert hq.store.setting(DATABASE_SETTING) == pg_url
    assert run_cli(monkeypatch, hq, "hq", "import", str(bundle)) == 0
    assert hq.store.query("SELECT count(*) FROM cases") == [(0,)]  # not in the SQLCipher store
    with psycopg.connect(pg_url) as conn:
        (in_pg,) = conn.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone() or (0,)
    assert in_pg >= 12
    out = tmp_path / "national.json"
    period = ["--from", "2020-01-01", "--to", "2026-12-31"]
    assert run_cli(monkeypatch, hq, "report", *period, "--format", "json", "--out", str(out)) == 0
    from_cli = json.loads(out.read_text(encoding="utf-8"))
    # The same bundle imported into the SQLCipher store gives the same report.
    hq.store.set_settings({DATABASE_SETTING: ""}, hq.actor())
    sync.import_bundle_bytes(hq, bundle.read_bytes())
    params = ReportParams(
        dt.date.fromisoformat(from_cli["period"]["from"]),
        dt.date.fromisoformat(from_cli["period"]["to"]),
    )
    on_sqlite = writers.report_dict(reports.build_report(hq, params))
    on_sqlite = json.loads(json.dumps(on_sqlite, ensure_ascii=False))
    for doc in (from_cli, on_sqlite):
        doc.pop("generated_at")
    assert from_cli == on_sqlite
    assert in_pg and str(in_pg) in json.dumps(from_cli)


def test_the_app_and_the_command_line_start_without_the_postgresql_driver() -> None:
    """psycopg takes about 0.2 s to import: only an HQ with a database pays for it."""
    code = (
        "import sys, tipdesk.cli.main, tipdesk.services.reports, tipdesk.services.sync.hq; "
        "print('psycopg' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_migrate_to_postgres_copies_proves_and_carries_on(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq = svc_linked
    fill(lahore, seed=41, cases=15)
    _saved_over_the_limit(lahore)  # a quarantined unit, identity included, goes along
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    before = [writers.to_json(reports.build_report(hq, p)) for p in PERIODS]
    monkeypatch.setattr(hq_pg_copy, "PAGE", 7)  # many pages per table: the paging is tested
    assert run_cli(monkeypatch, hq, "hq", "migrate-to-postgres", pg_url) == 0
    assert hq.store.setting(DATABASE_SETTING) == pg_url
    # The reports now come from PostgreSQL, and are the same.
    assert [writers.to_json(reports.build_report(hq, p)) for p in PERIODS] == before
    # Imports carry on there: numbers continue, the chain still verifies.
    svc_clock.advance(60)
    assert _edit_some(lahore)
    result = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out2").read_bytes())
    assert result.status == "imported" and result.accepted
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]
        held = conn.execute("SELECT record FROM sync_quarantine WHERE kind = 'victim'").fetchall()
        assert held and '"name":"s1:' in str(held[0][0])
    # A second copy into a database holding an HQ is refused, and changes nothing.
    hq.store.set_settings({DATABASE_SETTING: ""}, hq.actor())
    with pytest.raises(KnownError, match="empty database only"):
        hq_pg_copy.migrate_to_postgres(hq, pg_url)
    assert hq.store.setting(DATABASE_SETTING) == ""


def test_backup_is_encrypted_holds_no_identity_and_restores_to_the_same_report(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    pg_cluster: Cluster,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq = svc_linked
    fill(lahore, seed=51, cases=10)
    shared = case_for(lahore)
    shared.victims[0].consent_to_share = True
    shared.victims[0].name = "Rukhsana Backupcheck-Synthetic"
    records.save(lahore, [shared])
    hq_pg.configure(hq, pg_url)
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    before = [writers.to_json(reports.build_report(hq, p)) for p in PERIODS]
    out = tmp_path / "hq.pgdump.age"
    assert run_cli(monkeypatch, hq, "hq", "backup", str(out)) == 0
    sealed = out.read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1")
    assert b"Rukhsana" not in sealed and b"PB-LHR" not in sealed
    plain = age.decrypt(sealed, own_identity(hq).age_identity)
    as_sql = subprocess.run(  # the dump (compressed) as SQL text, to read what it holds
        [pg_dump.tool("pg_restore"), "--file=-"], input=plain, capture_output=True, check=True
    ).stdout
    assert b"PB-LHR" in as_sql  # the records are there, readable with HQ's key ...
    assert b"Rukhsana Backupcheck-Synthetic" not in as_sql  # ... their identities sealed
    assert b"s1:" in as_sql
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute('CREATE DATABASE "restored_copy" TEMPLATE template0')
    try:
        restored = pg_cluster.url("restored_copy")
        assert run_cli(monkeypatch, hq, "hq", "restore-database", str(out), restored) == 0
        # The restored database already holds this HQ's keys: linking it again is accepted.
        assert run_cli(monkeypatch, hq, "hq", "database", restored) == 0
        assert [writers.to_json(reports.build_report(hq, p)) for p in PERIODS] == before
        with psycopg.connect(restored) as conn:
            assert verify_audit(conn)[0]
    finally:
        with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "restored_copy" WITH (FORCE)')
    # Someone else's file is refused, with nothing changed.
    (tmp_path / "other.age").write_bytes(
        age.encrypt(b"not ours", [age.recipient_of(age.new_identity())])
    )
    with pytest.raises(KnownError, match="does not open with this HQ's key"):
        hq_pg_backup.restore(hq, tmp_path / "other.age", pg_url)


def _rows_of(query: Any, kind: str) -> list[tuple[Any, ...]]:
    """A kind's stored rows, identity tokens left out (sealed with other nonces per engine)."""
    from tipdesk.store.identity import FIELDS
    from tipdesk.store.rows import MAPPINGS

    cols = [c for c in MAPPINGS[kind].columns if not (kind == "victim" and c in FIELDS)]
    table = MAPPINGS[kind].table
    return [tuple(r) for r in query(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id")]  # noqa: S608


def test_bundles_out_of_order_and_repeated_leave_the_same_rows_on_both_engines(
    two_districts: tuple[Session, Session, Session],
    hq_db: HqDatabase,
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    lahore, multan, hq = two_districts
    fill(lahore, seed=61, cases=12)
    fill(multan, seed=62, cases=9)
    first = [export(d, tmp_path / f"a{i}") for i, d in enumerate((lahore, multan))]
    svc_clock.advance(3600)
    assert _edit_some(lahore)
    records.save(multan, [case_for(multan)])
    second = [export(d, tmp_path / f"b{i}") for i, d in enumerate((lahore, multan))]
    # Lahore's second bundle before its first (its versions arrive before their origins),
    # and bundles sent twice.
    order = [second[0], first[1], second[1], first[0], second[0], first[1]]
    for bundle in order:
        _both(hq, hq_db, bundle)
    svc_clock.advance(3600)  # then in order: stored rows are updated
    assert _edit_some(lahore)
    _both(hq, hq_db, export(lahore, tmp_path / "c"))
    with psycopg.connect(pg_url) as conn:

        def on_pg(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in conn.execute(sql.encode()).fetchall()]

        def on_lite(sql: str) -> list[tuple[Any, ...]]:
            return hq.store.query(sql)

        for kind in ("case", "accused", "victim", "referral", "training", "campaign"):
            assert _rows_of(on_pg, kind) == _rows_of(on_lite, kind), kind
        for sql in (
            "SELECT kind, record_id, version, vv FROM sync_versions ORDER BY kind, record_id",
            "SELECT device_id, seq, sha256, from_change, to_change FROM sync_bundles "
            "ORDER BY device_id, seq",
            "SELECT id, kind, record_id, status, version FROM sync_conflicts ORDER BY id",
            "SELECT id, kind, record_id, status, version FROM sync_quarantine ORDER BY id",
            "SELECT DISTINCT kind, record_id, version FROM changes ORDER BY 1, 2, 3",
        ):
            assert on_pg(sql) == on_lite(sql), sql
        assert on_lite("SELECT count(*) FROM sync_bundles") == [(5,)]
    _same_reports(hq, hq_db)
