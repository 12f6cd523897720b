"""HQ's overview on PostgreSQL (issue 20): the dashboard, ``tipdesk stats``, the districts'
coverage, the devices' status, data quality, linked cases and the HTCDS/CTDC exports give
the same answers from the same bundles whether HQ keeps its records in its SQLCipher store
or in PostgreSQL; ``tipdesk hq receipts`` writes receipt files from PostgreSQL that the
district takes. Synthetic data only."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sync_support import (
    DISTRICTS,
    case_for,
    clone_home,
    export,
    link,
    make_district,
    reopen,
    run_cli,
)

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Stage
from tipdesk.core.records import Case
from tipdesk.services import dashboard, data_quality, figures, records, reports, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg

PERIODS: tuple[tuple[dt.date | None, dt.date | None], ...] = (
    (None, None),  # everything up to today
    (dt.date(2024, 3, 17), dt.date(2025, 8, 9)),  # partial first and last months
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),  # whole months: the summaries serve
    (dt.date(2030, 1, 1), dt.date(2030, 2, 1)),  # nothing in it
)


def _twin_hqs(hq: Session, tmp_path: Path, clock: FixedClock) -> tuple[Session, Session]:
    """Two copies of ``hq`` (same keys, same registry): the first keeps its records in its
    own store, the second in PostgreSQL; neither has imported anything. The second's own
    store stays empty of records, so an answer read from it instead of PostgreSQL shows."""
    hq.close()
    twin = clone_home(hq.paths.home, tmp_path / "hq-pg")
    return reopen(hq.paths, clock), reopen(twin, clock)


def _import_into(hqs: tuple[Session, Session], bundle: Path) -> None:
    data = bundle.read_bytes()
    on_sqlite, on_pg = (sync.import_bundle_bytes(h, data) for h in hqs)
    assert (on_pg.status, on_pg.accepted) == (on_sqlite.status, on_sqlite.accepted)


def _quarantined_case(district: Session) -> None:
    """A case whose accused's sentence is over the 84-month maximum (saved as a district on
    older rules would have): HQ quarantines the unit, so data quality lists it."""
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96
    district.store.save([bad], district.actor())


def _linked_accused(lahore: Session, multan: Session) -> None:
    """The same accused (by CNIC) in a Lahore and a Multan case: a linked case."""
    here = case_for(lahore)
    there = case_for(multan)
    there.accused[0].cnic = here.accused[0].cnic
    records.save(lahore, [here])
    records.save(multan, [there])


def _spoil_on_both(hq: Session, pg_url: str) -> None:
    """One accused proceeded against in the future and one victim with neither gender nor
    age, written behind the rules' back in both HQ databases: data quality has something to
    find (the accused's problem names its place among its case's accused)."""
    ((accused,),) = hq.store.query(
        "SELECT a.id FROM accused AS a JOIN cases AS c ON c.id = a.case_id "
        "WHERE a.deleted = 0 AND c.deleted = 0 ORDER BY a.id LIMIT 1"
    )
    ((victim,),) = hq.store.query("SELECT id FROM victims WHERE deleted = 0 ORDER BY id LIMIT 1")
    spoil = (
        ("UPDATE accused SET proceeded_on = '2099-01-02' WHERE id = ?", accused),
        (
            "UPDATE victims SET gender = 'unknown', age = NULL, date_of_birth = NULL WHERE id = ?",
            victim,
        ),
    )
    with psycopg.connect(pg_url) as conn:
        for sql, rid in spoil:
            hq.store._conn.execute(sql, (rid,))
            conn.execute(sql.replace("?", "%s").encode(), (rid,))


def _standard_exports(hq: Session, folder: Path) -> list[list[list[str]]]:
    """The HTCDS and CTDC CSVs, whole and for a period, as rows; HTCDS's random per-export
    victim and case ids (first two columns) relabelled by first appearance, so two exports
    of the same records compare equal and a case's victims still share their case's id."""
    folder.mkdir(exist_ok=True)
    out = []
    for kind, period in itertools.product(("htcds", "ctdc"), ((None, None), PERIODS[1])):
        path = reports.export_standard(hq, kind, folder / f"{kind}.csv", *period)
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        if kind == "htcds":
            labels: dict[str, str] = {}
            for row in rows[1:]:
                row[0], row[1] = (labels.setdefault(x, str(len(labels))) for x in row[:2])
        out.append(rows)
    return out


def _overview(hq: Session, folder: Path) -> dict[str, Any]:
    """Everything the overview screens show, on whichever engine the HQ is set to."""
    quality = data_quality.data_quality(hq)
    return {
        "exports": _standard_exports(hq, folder),
        "dashboards": [dashboard.dashboard(hq, a, b) for a, b in PERIODS],
        "short": dashboard.dashboard(hq, None, dt.date(2025, 6, 30), months=3),
        "stats": [figures.stats(hq, a, b) for a, b in PERIODS],
        "coverage": reports.district_coverage(hq),
        "coverage_7": reports.district_coverage(hq, stale_days=7),
        "devices": sync.device_status(hq),
        "quality": dataclasses.replace(quality, overlaps=[]),
        "linked": data_quality.linked_cases(hq),
    }


def test_the_overview_is_the_same_on_both_engines(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    lahore, hq = svc_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    peshawar = make_district(tmp_path / "peshawar", svc_clock, which=2)
    link(multan, hq, tmp_path / "files")
    hqs = _twin_hqs(hq, tmp_path, svc_clock)
    on_sqlite_hq, on_pg_hq = hqs
    try:
        hq_pg.configure(on_pg_hq, pg_url)
        fill(lahore, seed=21, cases=30)
        fill(multan, seed=22, cases=20)
        _quarantined_case(lahore)
        _linked_accused(lahore, multan)
        for district in (lahore, multan):
            _import_into(hqs, export(district, tmp_path / "out"))
        # Later: a case deleted and one closed, weeks after the first bundles.
        svc_clock.advance(40 * 86400)
        cases = [r for r in lahore.store.page("case", limit=5) if isinstance(r, Case)]
        records.delete(lahore, "case", cases[0].id, "Entered twice")
        moved = lahore.store.get("case", cases[1].id)
        assert isinstance(moved, Case)
        moved.stage = Stage.CLOSED
        moved.closed_reason = "Compromise between the parties"
        records.save(lahore, [moved])
        _import_into(hqs, export(lahore, tmp_path / "out2"))
        # Registered at both after the last import (PostgreSQL's mirror of the registry has
        # not seen it): it never sent, and coverage says so on both.
        link(peshawar, on_sqlite_hq, tmp_path / "files")
        sync.register_device(
            on_pg_hq, tmp_path / "files" / f"device-{peshawar.install.device_id}.json"
        )
        assert on_pg_hq.store.query("SELECT count(*) FROM cases") == [(0,)]
        _spoil_on_both(on_sqlite_hq, pg_url)

        on_sqlite = _overview(on_sqlite_hq, tmp_path / "exports-sqlcipher")
        on_pg = _overview(on_pg_hq, tmp_path / "exports-pg")

        # Not vacuous: records, every kind of figure, a stale district, a device that never
        # sent, a quarantined unit, a quiet district.
        everything = on_sqlite["dashboards"][0]
        assert everything.record_counts["case"] >= 49
        assert everything.headline.victims_identified > 0
        assert sum(everything.cases_per_month) > 0 and sum(everything.trained_per_month) > 0
        assert dict(everything.funnel)["convicted"] > 0 and everything.closed > 0
        assert not any(on_sqlite["dashboards"][3].cases_per_month)
        statuses = {r.status.value for r in on_sqlite["coverage_7"].rows}
        assert {"stale", "never_sent"} <= statuses
        assert any(d.last_bundle for d in on_sqlite["devices"])
        assert any(d.last_bundle is None for d in on_sqlite["devices"])
        assert on_sqlite["quality"].quarantined and on_sqlite["quality"].quiet_districts
        assert on_sqlite["quality"].checked["case"] >= 49
        assert on_sqlite["quality"].failing and on_sqlite["quality"].unknown_victims_total
        assert on_sqlite["linked"]
        assert all(len(rows) > 10 for rows in on_sqlite["exports"])
        for key in on_sqlite:
            assert on_pg[key] == on_sqlite[key], key
    finally:
        multan.close()
        peshawar.close()
        for h in hqs:
            h.close()


def test_hq_coverage_and_devices_commands_read_postgresql(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``tipdesk hq coverage`` and ``hq devices`` on an HQ whose imports went to PostgreSQL
    (its own store holds no bundle): the district has been heard of, its device has sent."""
    lahore, hq = svc_linked
    fill(lahore, seed=23, cases=5)
    assert run_cli(monkeypatch, hq, "hq", "database", pg_url) == 0
    assert run_cli(monkeypatch, hq, "hq", "import", str(export(lahore, tmp_path / "out"))) == 0
    assert hq.store.query("SELECT count(*) FROM sync_bundles") == [(0,)]
    capsys.readouterr()
    assert run_cli(monkeypatch, hq, "hq", "coverage", "--json") == 0
    rows = {r["district"]: r for r in json.loads(capsys.readouterr().out)["districts"]}
    # The command's clock is the real one, the bundle's the test's: current or stale, but
    # heard of (on the install's empty store it would be "never_sent").
    assert rows[DISTRICTS[0][1]]["last_bundle"] is not None
    assert rows[DISTRICTS[0][1]]["status"] in ("current", "stale")
    assert run_cli(monkeypatch, hq, "hq", "devices", "--json") == 0
    (device,) = json.loads(capsys.readouterr().out)
    assert device["last_bundle"] == 1 and device["last_seen"]


def test_hq_receipts_for_a_stick_come_from_postgresql(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The stick's round trip on a PostgreSQL HQ: the district exports, HQ imports the
    bundle (``hq import``), ``hq receipts`` writes a receipt the district imports, and its
    bundle is acknowledged; the serial and the audit entry are PostgreSQL's."""
    lahore, hq = svc_linked
    fill(lahore, seed=24, cases=4)
    assert run_cli(monkeypatch, hq, "hq", "database", pg_url) == 0
    bundle = export(lahore, tmp_path / "stick")
    assert [b.seq for b in sync.status(lahore).outbox] == [1]
    assert run_cli(monkeypatch, hq, "hq", "import", str(bundle)) == 0
    out = tmp_path / "receipts"
    out.mkdir()
    assert run_cli(monkeypatch, hq, "hq", "receipts", "--out", str(out)) == 0
    (receipt,) = out.iterdir()
    assert receipt.name.endswith("-000001.tipr")
    result = sync.import_receipt(lahore, receipt)
    assert 1 in result.acknowledged
    assert sync.status(lahore).outbox == ()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT receipt_serial FROM sync_bundles").fetchall() == [(1,)]
        issued = conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'sync.receipt.issue'"
        ).fetchone()
        assert issued == (1,)
    # Nothing new: the next receipt still goes out (the district learns it is up to date),
    # with the next serial, and acknowledges nothing new.
    again = tmp_path / "receipts2"
    again.mkdir()
    assert run_cli(monkeypatch, hq, "hq", "receipts", "--out", str(again)) == 0
    (second,) = again.iterdir()
    assert second.name.endswith("-000002.tipr")
    assert sync.import_receipt(lahore, second).acknowledged == ()
