"""The bounded soak of the PostgreSQL HQ (issue 20): the HTTPS receiver on 127.0.0.1 takes
bundles from 160 district devices at once, two importer workers import them while four
analyst threads read the national report, list cases, reveal identities through the vault
search and save cases (version-checked, through the services on PostgreSQL); then every
bundle was imported exactly once, the audit chain verifies, the report's figures equal raw
counts, no record was lost and no update was lost: every acknowledged save is in the final
record or in a version a later acknowledged save replaced, and every refused save was refused
with the store's stale-save message. Synthetic data only.

Bounded: each device sends one bundle of one case (four records), at most :data:`SENDERS`
uploads in flight at once; the devices are copies of three enrolled district installs, each
given a new device identity (as a district restored from a backup is), so that setting up 160
devices costs little. Analysts save among the few newest cases, so their saves meet."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from hq_https_support import hq_serving, make_cert
from svc_support import SVC_START
from sync_support import case_for, link, make_district, make_hq, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import StaleRecord
from tipdesk.core.ids import new_id
from tipdesk.core.records import Case, Victim
from tipdesk.hqstore import inbox as pg_inbox
from tipdesk.hqstore import search as pg_search
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.paths import Paths
from tipdesk.reports.build import build_report_from
from tipdesk.reports.model import ReportParams
from tipdesk.services import records, sync
from tipdesk.services.session import Install, Session
from tipdesk.services.sync import hq_inbox, hq_pg, hq_pg_outbox
from tipdesk.services.sync import keys as sync_keys
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload

DEVICES = 160
SENDERS = 32
"""Uploads in flight at any moment (a bounded test on a 2-core machine; the receiver's
limits are HQ's settings)."""
ANALYSTS = 4
ANALYST_PAUSE = 0.1
"""Seconds between an analyst's rounds."""
PERIOD = ReportParams(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


SAVED_AMONG = 6
"""An analyst saves one of this many newest cases: few, so that saves meet."""
STALE = "was changed elsewhere"
"""The store's stale-save message (:class:`StaleRecord`)."""


@dataclass
class Saves:
    """What the analysts' saves did (thread-safe through :meth:`add`): ``acked`` (case id,
    version written, the narrative saved), ``refused`` (the refusal's message)."""

    acked: list[tuple[str, int, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    reveals: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, acked: tuple[str, int, str] | None = None, refused: str | None = None) -> None:
        with self._lock:
            if acked is not None:
                self.acked.append(acked)
            if refused is not None:
                self.refused.append(refused)

    def revealed(self) -> None:
        with self._lock:
            self.reveals += 1


class Analyst:
    """What an analyst does against the PostgreSQL HQ while it imports, with an HQ session
    of its own (opened on the analyst's thread: the services route its record reads and
    saves to PostgreSQL)."""

    def __init__(self, db: HqDatabase, session: Session, saves: Saves, name: str) -> None:
        self.db, self.session, self.reference = db, session, session.reference
        self.saves, self.name = saves, name
        self.rounds = 0

    def report(self) -> None:
        report = build_report_from(PgFigures(self.db), self.reference, PERIOD, generated_at="t")
        assert report.headline["cases_registered"].value >= 0

    def list_cases(self) -> None:
        with self.db.connection() as conn:
            rows = conn.execute(
                "SELECT id, case_number, district FROM cases WHERE deleted = 0 "
                "ORDER BY updated_at DESC, id LIMIT 50"
            ).fetchall()
            conn.rollback()
        assert all(r[1] for r in rows)

    def reveal(self) -> None:
        """Reveal the newest consenting victim's identity as the identity officer does:
        through the services, so through the database's audited function."""
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT id FROM victims WHERE name IS NOT NULL AND name != '' "
                "ORDER BY rowid DESC LIMIT 1"
            ).fetchone()
            conn.rollback()
        if row is None:
            return
        shown = records.reveal_victim(self.session, str(row[0]), "soak test (synthetic)")
        assert isinstance(shown, Victim) and shown.name.startswith("Soak Victim-Synthetic")
        self.saves.revealed()

    def save(self) -> None:
        """Correct one of the newest cases (version-checked), then save a copy opened before
        that save: the copy must be refused (a save meeting another analyst's is refused
        the same way). Each save's outcome is noted for the final check."""
        with self.db.connection() as conn:
            ids = [
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM cases WHERE deleted = 0 ORDER BY rowid DESC LIMIT %s",
                    (SAVED_AMONG,),
                ).fetchall()
            ]
            conn.rollback()
        if not ids:
            return
        case_id = ids[self.rounds % len(ids)]
        opened = records.get(self.session, "case", case_id)
        stale = records.get(self.session, "case", case_id)  # another window, same version
        assert isinstance(opened, Case) and isinstance(stale, Case)
        first = self._save(opened, f"{self.name} round {self.rounds} synthetic")
        second = self._save(stale, f"{self.name} round {self.rounds} stale synthetic")
        assert not (first and second), "two saves of one opened version were both taken"

    def _save(self, case: Case, narrative: str) -> bool:
        case.narrative = narrative
        try:
            records.save_one(self.session, case)
        except StaleRecord as exc:
            self.saves.add(refused=str(exc))
            return False
        self.saves.add(acked=(case.id, case.version, narrative))
        return True

    def search(self) -> None:
        """Find the newest case by its case number (its search row is written in the
        transaction that imports it: a case seen is a case found), then a word of every case
        (ended by the probe of the first rows, while imports add rows)."""
        with self.db.connection() as conn:
            row = conn.execute(
                "SELECT id, case_number FROM cases WHERE deleted = 0 ORDER BY rowid DESC LIMIT 1"
            ).fetchone()
            if row is not None:
                hits = pg_search.search(conn, str(row[1]), identity_terms=None, limit=50)
                assert str(row[0]) in {h.id for h in hits}, row[1]
                common = pg_search.search(conn, "fir", identity_terms=None, limit=10)
                assert [h.kind for h in common] == ["case"] * len(common) and common
            conn.rollback()


ANALYST_ACTIONS: list[Callable[[Analyst], None]] = [
    Analyst.report,
    Analyst.list_cases,
    Analyst.reveal,
    Analyst.search,
    Analyst.save,
]
"""The analysts' round."""


def _no_lost_update(conn: psycopg.Connection[tuple[object, ...]], saves: Saves) -> None:
    """Every acknowledged save is the case as it is now or a version a later acknowledged
    save replaced (kept in ``record_versions``): for each saved case the versions written
    follow one another from the imported one, none twice, and the narratives kept are the
    ones acknowledged, in that order."""
    by_case: dict[str, list[tuple[int, str]]] = {}
    for case_id, version, narrative in saves.acked:
        by_case.setdefault(case_id, []).append((version, narrative))
    for case_id, acked in by_case.items():
        acked.sort()
        versions = [v for v, _ in acked]
        assert versions == list(range(2, 2 + len(acked))), (case_id, versions)
        now = conn.execute(
            "SELECT version, narrative FROM cases WHERE id = %s", (case_id,)
        ).fetchone()
        assert now == acked[-1], (case_id, now)
        kept = conn.execute(
            "SELECT version, data FROM record_versions WHERE kind = 'case' AND record_id = %s "
            "ORDER BY version",
            (case_id,),
        ).fetchall()
        # Version 1 is the import; each later kept version is an acknowledged save's.
        assert [int(str(k[0])) for k in kept] == list(range(1, len(acked) + 1))
        narratives = [json.loads(str(k[1]))["narrative"] for k in kept[1:]]
        assert narratives == [n for _, n in acked[:-1]], case_id


@dataclass
class Device:
    """A district device of the soak: its home, the case it saved, and its upload's network
    part, ready to send (:meth:`sync_upload.UploadRun.send` needs no session)."""

    home: Paths
    case_id: str
    run: sync_upload.UploadRun
    out: sync_upload.Outgoing


def _devices(tmp: Path, hq: Session, clock: FixedClock, url: str, ca: Path) -> list[Device]:
    """``DEVICES`` district devices, each registered at HQ with one new consenting case saved
    and its bundle exported into its outbox."""
    templates = []
    for which in range(3):
        t = make_district(tmp / f"template{which}", clock, which=which)
        link(t, hq, tmp / "files")
        t.close()
        templates.append(t.paths.home)
    out = []
    for i in range(DEVICES):
        home = tmp / f"device{i:03d}"
        shutil.copytree(templates[i % 3], home)
        d = reopen(Paths(home), clock)
        try:
            sync_keys.become_new_device(d.store, new_id(), d.actor(), previous=d.install.device_id)
            d.install = Install.from_store(d.store)
            sync.export_device_file(d, tmp / "files" / f"device{i}.json")
            sync.register_device(hq, tmp / "files" / f"device{i}.json")
            case = case_for(d)
            case.victims[0].consent_to_share = True
            case.victims[0].name = f"Soak Victim-Synthetic {i}"
            records.save(d, [case])
            run = sync_upload.UploadRun(url, ca, attempts=5, budget=60, timeout=30)
            out.append(Device(Paths(home), case.id, run, run.prepare(d)))
        finally:
            d.close()
    return out


@pytest.mark.slow
def test_160_devices_with_workers_and_analysts_at_once(tmp_path: Path, pg_url: str) -> None:
    clock = FixedClock(SVC_START)
    hq = make_hq(tmp_path / "hq", clock)
    tls = make_cert(tmp_path / "tls", "hq")
    # HQ's choice for a national receiver: many uploads at once from one address.
    config = sync_server.ServerConfig(
        rate=1000, burst=1000, max_uploads=SENDERS, max_connections=SENDERS + 16
    )
    errors: list[BaseException] = []
    try:
        hq_pg.configure(hq, pg_url)
        with hq_serving(lambda: reopen(hq.paths, clock), tls, config) as url:
            devices = _devices(tmp_path, hq, clock, url, tls[0])
            side = sync_server.StoreWorker(lambda: reopen(hq.paths, clock))
            assert side.database is not None
            db = side.database

            def importers() -> hq_inbox.ImportWorkers:
                return hq_inbox.ImportWorkers(
                    db,
                    lambda data: side.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
                    lambda: side.call(lambda s: s.now()),
                    workers=2,
                    poll=0.05,
                    # The workers build each device's receipt after its import, as in `hq
                    # serve`; the passes over receipts the saves made out of date are few
                    # (the saves go on while the last importers run).
                    receipts=lambda device: hq_pg_outbox.refresh(db, side.call, device),
                    once_sweeps=1,
                )

            saves = Saves()
            rounds: list[int] = []
            uploading, stopped = threading.Event(), threading.Event()
            uploading.set()

            def analyse(n: int) -> None:
                try:
                    session = reopen(hq.paths, clock)  # the analyst's own sign-in
                    try:
                        analyst = Analyst(db, session, saves, f"analyst {n}")
                        while uploading.is_set():
                            for action in ANALYST_ACTIONS:
                                action(analyst)
                            analyst.rounds += 1
                            # An analyst reads, then looks at what was read: a pause between
                            # rounds (the receiver shares this test's two cores).
                            stopped.wait(ANALYST_PAUSE)
                        rounds.append(analyst.rounds)
                    finally:
                        session.close()
                except BaseException as exc:  # reported below, never lost in the thread
                    errors.append(exc)

            workers = importers()
            workers.start()
            analysts = [threading.Thread(target=analyse, args=(n,)) for n in range(ANALYSTS)]
            try:
                for t in analysts:
                    t.start()
                with ThreadPoolExecutor(SENDERS) as pool:
                    answers = list(pool.map(lambda dev: dev.run.send(dev.out), devices))
                # Every bundle is in: the workers stop after the bundle in hand, and two
                # more import what still waits, the analysts going on meanwhile.
                workers.stop()
                rest = importers().run_once()
            finally:
                uploading.clear()
                stopped.set()
                workers.stop()
                for t in analysts:
                    t.join(60)
                side.close()
            done = [*workers.stats.done, *rest.done]
            # A device's next upload brings the receipt acknowledging its bundle.
            d = reopen(devices[0].home, clock)
            try:
                again = sync_upload.upload(d, url, tls[0])
                assert again.receipt is not None and again.receipt.acknowledged == (1,)
                assert again.waiting == 0
            finally:
                d.close()
        assert errors == []
        assert all(a.reachable and not a.errors for a in answers)
        assert [s["status"] for a in answers for s in a.sent] == ["stored"] * DEVICES
        assert workers.stats.failures == rest.failures == 0
        assert len(rounds) == ANALYSTS and all(r > 0 for r in rounds)
        # Saves met: some were taken, some refused, each refusal with the store's message.
        assert saves.acked and saves.refused and saves.reveals > 0
        assert all(STALE in message for message in saves.refused)
        # Every bundle imported exactly once.
        assert sorted((i.device_id, i.seq, i.status) for i in done) == sorted(
            (dev.out.device_id, 1, "imported") for dev in devices
        )
        with psycopg.connect(pg_url) as conn:
            (bundles, distinct) = conn.execute(
                "SELECT count(*), count(DISTINCT (device_id, seq)) FROM sync_bundles"
            ).fetchone() or (0, 0)
            assert bundles == distinct == DEVICES
            (imports,) = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'sync.import'"
            ).fetchone() or (0,)
            assert imports == DEVICES
            assert pg_inbox.counts(conn) == {"imported": DEVICES}
            ok, entries = verify_audit(conn)
            assert ok and entries > DEVICES
            # No record lost: every case the devices saved is there, and nothing else.
            held = {str(r[0]) for r in conn.execute("SELECT id FROM cases WHERE deleted = 0")}
            assert held == {dev.case_id for dev in devices}
            _no_lost_update(conn, saves)
            (reveals,) = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'reveal'"
            ).fetchone() or (0,)
            assert reveals == saves.reveals * len(Victim.IDENTIFYING)
            (raw_cases,) = conn.execute(
                "SELECT count(*) FROM cases WHERE deleted = 0 AND registered_on BETWEEN %s AND %s",
                (PERIOD.date_from.isoformat(), PERIOD.date_to.isoformat()),
            ).fetchone() or (0,)
        with HqDatabase(pg_url, max_size=1) as db:
            report = build_report_from(PgFigures(db), hq.reference, PERIOD, generated_at="t")
        assert report.headline["cases_registered"].value == raw_cases == DEVICES
    finally:
        hq.close()
