"""The PostgreSQL HQ's analysts at 1,000,000 cases, beside the SQLCipher HQ (issue 20).

Part of ``python -m bench hq_pg`` (:func:`run`, given the bench's HQ install, its two bundles
and the PostgreSQL server). Builds (not measured) the report benchmark's synthetic HQ
(:mod:`bench.report_data`: ``BENCH_HQ_PG_CASES`` cases, default 1,000,000, five accused each,
one victim each, referrals, campaigns, trainings) twice from the **same rows**: into a new
SQLCipher store (with its FTS5 rows) and with ``COPY`` straight into a new PostgreSQL database
(with its search rows; secondary indexes built and the report summaries computed after the
load, then ``ANALYZE``). Then times:

- the national report for 2024 and for the whole five years on each engine (goal: under 2 s on
  PostgreSQL), and says whether the figures are the same (the JSON but coverage);
- search (the records search: :func:`tipdesk.hqstore.search.search` and the SQLCipher
  store's FTS5 search) for words found in every case, a case number, a CNIC and its parts,
  rare prefixes and a word found nowhere: p50 and p95 of each engine (goal: p95 under 100 ms
  on PostgreSQL), and whether both engines find the same records;
- the same searches and a list's first page (the newest 200 cases, with a district filter and
  without) on PostgreSQL **while the bench's two bundles are imported** into the same
  database by two importer processes: p95 (goal under 100 ms). The SQLCipher HQ has no such
  measure (one process holds its store).

``BENCH_HQ_PG_SQLITE=0`` skips the SQLCipher store (PostgreSQL figures only).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from bench.report_data import Batch, Size, batches, build
from tipdesk.core.folding import fold
from tipdesk.hqstore import migrations, summaries
from tipdesk.hqstore import search as pg_search
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports import writers
from tipdesk.reports.build import build_report, build_report_from
from tipdesk.reports.model import ReportParams
from tipdesk.resources import load_reference
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.store import report_queries as rq
from tipdesk.store.driver import Connection
from tipdesk.store.rows import MAPPINGS, TABLES
from tipdesk.store.store import Store

AT = "2026-01-31T00:00:00Z"
YEAR = ReportParams(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
ALL = ReportParams(dt.date(2021, 1, 1), dt.date(2026, 1, 31))
_KINDS = ("case", "accused", "victim", "referral", "training", "campaign")


class _Index:
    """Each batch's search texts (the SQLCipher store's index texts: case number, officer,
    narrative, accused names and CNICs, victim codes; titles, venues...), with the rowids both
    engines give the rows (the same: both number them in insertion order from 1)."""

    def __init__(self) -> None:
        self.next = dict.fromkeys(_KINDS, 1)
        self.sample_cnics: list[str] = []

    def texts(self, batch: Batch) -> dict[str, list[tuple[int, str]]]:
        col = {k: {c: i for i, c in enumerate(MAPPINGS[k].columns)} for k in _KINDS}
        out: dict[str, list[tuple[int, str]]] = {}
        by_case: dict[str, list[str]] = {}
        a = col["accused"]
        for row in batch.get("accused", []):
            cnic = str(row[a["cnic"]] or "")
            if len(cnic) == 13:
                cnic = f"{cnic} {cnic[:5]}-{cnic[5:12]}-{cnic[12]}"
            words = [str(row[a["name"]] or ""), str(row[a["father_name"]] or ""), cnic]
            by_case.setdefault(str(row[a["case_id"]]), []).extend(words)
        v = col["victim"]
        codes: dict[str, list[str]] = {}
        for row in batch.get("victim", []):
            codes.setdefault(str(row[v["case_id"]]), []).append(str(row[v["victim_code"]]))
        c = col["case"]
        cases = out.setdefault("cases", [])
        for row in batch.get("case", []):
            cid = str(row[c["id"]])
            parts = [row[c["case_number"]], row[c["investigating_officer"]], row[c["narrative"]]]
            parts += [*by_case.get(cid, []), *codes.get(cid, [])]
            cases.append((self._rowid("case"), " ".join(str(p) for p in parts if p)))
        victims = out.setdefault("victims", [])
        for row in batch.get("victim", []):
            victims.append((self._rowid("victim"), str(row[v["victim_code"]])))
        for kind, table, fields in (
            ("training", "trainings", ("title", "venue")),
            ("campaign", "campaigns", ("title", "venue", "national_campaign", "notes")),
        ):
            rows = out.setdefault(table, [])
            for row in batch.get(kind, []):
                text = " ".join(str(row[col[kind][f]]) for f in fields if row[col[kind][f]])
                rows.append((self._rowid(kind), text))
        for kind in ("accused", "referral"):
            self.next[kind] += len(batch.get(kind, []))
        if batch.get("accused"):
            self.sample_cnics.append(str(batch["accused"][-1][a["cnic"]]))
        return out

    def _rowid(self, kind: str) -> int:
        n = self.next[kind]
        self.next[kind] = n + 1
        return n


def _fts(conn: Connection, texts: dict[str, list[tuple[int, str]]]) -> None:
    """The SQLCipher store's FTS5 rows for a batch (folded, as the store indexes)."""
    for table, rows in texts.items():
        if table == "victims":
            conn.executemany(
                "INSERT INTO victims_fts(rowid, code, identity) VALUES (?, ?, '')",
                [(r, fold(t)) for r, t in rows],
            )
        else:
            conn.executemany(
                f"INSERT INTO {table}_fts(rowid, text) VALUES (?, ?)",
                [(r, fold(t)) for r, t in rows],
            )


class _PgLoad:
    """COPY of each batch (records with explicit rowids, and their search rows)."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)
        migrations.migrate(self.conn)
        tables = [TABLES[k] for k in _KINDS] + [f"{t}_search" for t in pg_search.TABLES.values()]
        self.indexes = [
            (str(name), str(sql))
            for name, sql in self.conn.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
                (tables,),
            )
        ]
        for name, _sql in self.indexes:
            self.conn.execute(f'DROP INDEX "{name}"'.encode())
        # A bulk load, not an import: the summaries are computed once at the end.
        for table in ("cases", "accused", "victims"):
            self.conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER".encode())
        self.conn.execute("BEGIN")

    def write(self, batch: Batch, texts: dict[str, list[tuple[int, str]]], index: _Index) -> None:
        with self.conn.cursor() as cur:
            for kind in _KINDS:
                rows = batch.get(kind, [])
                if not rows:
                    continue
                cols = ", ".join(("rowid", *MAPPINGS[kind].columns))
                first = index.next[kind] - len(rows) if kind in ("accused", "referral") else None
                with cur.copy(f"COPY {TABLES[kind]} ({cols}) FROM STDIN".encode()) as copy:
                    if first is None:
                        rowids = [r for r, _t in texts[TABLES[kind]]]
                    else:
                        rowids = list(range(first, first + len(rows)))
                    for rowid, row in zip(rowids, rows, strict=True):
                        copy.write_row((rowid, *row))
            for table, items in texts.items():
                with cur.copy(f"COPY {table}_search (rowid, words, body) FROM STDIN".encode()) as c:
                    for rowid, text in items:
                        words = pg_search.text_words(text)
                        c.write_row(
                            (rowid, pg_search.vector_text(words), pg_search.body_text(words))
                        )

    def finish(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.execute("SET maintenance_work_mem = '512MB'")
        for _name, sql in self.indexes:
            self.conn.execute(sql.encode())
        self.conn.execute(summaries.BACKFILL.encode())
        for table in ("cases", "accused", "victims"):
            self.conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER".encode())
        for kind in _KINDS:
            self.conn.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'rowid'), "
                f"(SELECT coalesce(max(rowid), 0) + 1 FROM {TABLES[kind]}), false)".encode(),
                (TABLES[kind],),
            )
        self.conn.execute("VACUUM ANALYZE")
        self.conn.close()


def _fill(url: str, cases: int, tmp: Path, with_sqlite: bool) -> tuple[Store | None, list[str]]:
    size = Size(cases=cases, accused_per_case=5, campaigns=cases // 5, trainings=cases // 50)
    reference = load_reference()
    index = _Index()
    pg = _PgLoad(url)
    t0 = time.perf_counter()

    def both(conn: Connection | None, batch: Batch) -> None:
        texts = index.texts(batch)
        if conn is not None:
            _fts(conn, texts)
        pg.write(batch, texts, index)

    store = None
    if with_sqlite:
        key = os.urandom(32)
        build(tmp / "hq1m.db", key, reference, size, also=both)
        store = Store.open(tmp / "hq1m.db", key)
    else:
        for batch in batches(reference, size, random.Random(5)):
            both(None, batch)
    pg.finish()
    print(f"built {cases:,} cases, {5 * cases:,} accused, {cases:,} victims on "
          f"{'both engines' if store else 'PostgreSQL'} in {time.perf_counter() - t0:.0f} s "
          "(not measured)")  # fmt: skip
    return store, index.sample_cnics


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = work()
    return time.perf_counter() - t0, out


def _figures(report: Any) -> dict[str, Any]:
    """The report's JSON document but its coverage (the bench's PostgreSQL database also
    holds the registry of the devices whose bundles it imports; the SQLCipher store none)."""
    return {k: v for k, v in writers.report_dict(report).items() if k != "coverage"}


def _reports(store: Store | None, db: HqDatabase) -> None:
    reference = load_reference()
    for label, params in (("2024", YEAR), ("five years", ALL)):
        pg_s, pg_report = _timed(
            lambda p=params: build_report_from(PgFigures(db), reference, p, generated_at=AT)
        )
        line = f"national report, {label:<10}: PostgreSQL {pg_s:6.2f} s (goal < 2 s)"
        if store is not None:
            lite_s, lite_report = _timed(
                lambda p=params: build_report(
                    store,
                    reference,
                    p,
                    generated_at=AT,
                    bundle_dates=rq.last_bundle_by_district,
                    devices=rq.devices_by_district,
                    quarantine=rq.quarantine_by_district,
                )
            )
            same = _figures(pg_report) == _figures(lite_report)
            line += (f"; SQLCipher {lite_s:6.2f} s (summary tables; "
                     f"{pg_s / lite_s:.1f}x); same figures: {same}")  # fmt: skip
        print(line)


def _queries(cnics: list[str]) -> list[tuple[str, str]]:
    cnic = cnics[len(cnics) // 2]
    return [
        ("word in every case", "bench accused"),
        ("one letter", "b"),
        ("case number", "FIR 777777/2024"),
        ("case number prefix", "fir 77777"),
        ("CNIC", cnic),
        ("CNIC dashed", f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}"),
        ("CNIC middle part", cnic[5:12]),
        ("rare CNIC prefix", cnic[:9]),
        ("rare code prefix", "v 0000012"),
        ("rare number prefix", "99999"),
        ("nowhere", "zzqxv"),
        ("nowhere prefix", "zz"),
    ]


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _pg_search(db: HqDatabase, text: str) -> list[Any]:
    with db.connection() as conn:
        hits = pg_search.search(conn, text, identity_terms=None, limit=50)
        conn.rollback()
    return hits


def _searches(store: Store | None, db: HqDatabase, queries: list[tuple[str, str]]) -> None:
    runs = 15
    all_pg: list[float] = []
    all_lite: list[float] = []
    same = True
    for label, text in queries:
        pg_times = [_timed(lambda t=text: _pg_search(db, t))[0] for _ in range(runs)]
        all_pg += pg_times
        hits = _pg_search(db, text)
        line = f"  {label:<20} {text[:22]!r:<25} {len(hits):>3} hits  PostgreSQL p95 "
        line += f"{_p(pg_times, 0.95) * 1000:6.1f} ms"
        if store is not None:
            lite_times = [
                _timed(lambda t=text: store.search(t, include_identity=False))[0]
                for _ in range(runs)
            ]
            all_lite += lite_times
            lite = store.search(text, include_identity=False)
            same = same and lite == hits
            line += f"; SQLCipher p95 {_p(lite_times, 0.95) * 1000:6.1f} ms"
            line += "" if lite == hits else "  DIFFERENT HITS"
        print(line)
    line = f"search p95 over all: PostgreSQL {_p(all_pg, 0.95) * 1000:.1f} ms (goal < 100 ms)"
    if store is not None:
        line += f"; SQLCipher {_p(all_lite, 0.95) * 1000:.1f} ms; same hits: {same}"
    print(line)


def _first_page(db: HqDatabase, district: str | None) -> int:
    where, params = ("AND district = %s", (district,)) if district else ("", ())
    with db.connection() as conn:
        rows = conn.execute(
            "SELECT id, case_number, district, stage, registered_on FROM cases "
            f"WHERE deleted = 0 {where} ORDER BY registered_on DESC, id DESC LIMIT 200".encode(),
            params,
        ).fetchall()
        conn.rollback()
    return len(rows)


_OPENED: list[hq_pg.OpenedBundle] = []


def _import_child(url: str, index: int, queue: Any) -> None:
    db = HqDatabase(url, max_size=1)
    try:
        result = hq_pg.apply_opened(db, _OPENED[index])
        queue.put(sum(result.accepted.values()))
    finally:
        db.close()


def _while_importing(
    hq: Session, url: str, db: HqDatabase, datas: list[bytes], queries: list[tuple[str, str]]
) -> None:
    global _OPENED
    _OPENED = [hq_pg.open_bundle(hq, d) for d in datas]
    fork = multiprocessing.get_context("fork")
    queue = fork.Queue()
    procs = [fork.Process(target=_import_child, args=(url, i, queue)) for i in range(len(datas))]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    search_times: list[float] = []
    list_times: list[float] = []
    while any(p.is_alive() for p in procs):
        for _label, text in queries:
            search_times.append(_timed(lambda t=text: _pg_search(db, t))[0])
        list_times.append(_timed(lambda: _first_page(db, None))[0])
        list_times.append(_timed(lambda: _first_page(db, "PB-LHR"))[0])
    accepted = sum(int(queue.get(timeout=600)) for _ in procs)
    for p in procs:
        p.join()
    took = time.perf_counter() - t0
    print(f"while two importers applied {accepted:,} records ({took:.1f} s): search p95 "
          f"{_p(search_times, 0.95) * 1000:.1f} ms over {len(search_times)} searches, list "
          f"first page p95 {_p(list_times, 0.95) * 1000:.1f} ms over {len(list_times)} pages "
          "(goal < 100 ms each)")  # fmt: skip


def run(hq: Session, url: str, datas: list[bytes]) -> None:
    """The measures of the module docstring, in the (new, empty) database at ``url``."""
    cases = int(os.environ.get("BENCH_HQ_PG_CASES", "1000000"))
    with_sqlite = os.environ.get("BENCH_HQ_PG_SQLITE", "1") != "0"
    with tempfile.TemporaryDirectory() as tmp_name:
        store, cnics = _fill(url, cases, Path(tmp_name), with_sqlite)
        db = HqDatabase(url, max_size=2)
        try:
            hq_pg.link(hq, db)
            _reports(store, db)
            queries = _queries(cnics)
            print(f"search at {cases:,} cases (limit 50; p95 of 15 runs each):")
            _searches(store, db, queries)
            _while_importing(hq, url, db, datas, queries)
        finally:
            db.close()
            if store is not None:
                store.close()
