"""Store write throughput against bare SQLCipher, and full-text search latency.

Writes N cases with 5 accused and 1 victim each through TIPDesk's store (change log, audit
chain and full-text index included) and the same rows through bare sqlcipher3 into the same
schema, in the same run, in transactions of the same size. Prints both times and the ratio
(goal: at most 2x), then the p95 latency of full-text searches at that size (goal: < 50 ms;
Latin queries, identity words, and Urdu names and words typed with diacritics or Arabic letter
forms, a third of the cases being written in Urdu script),
then the time a key rotation takes to re-encrypt that database (SQLCipher ``rekey``).

Environment: BENCH_CASES (default 100000), BENCH_BATCH (default 1000).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import sqlcipher3

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.ids import new_id
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.store.driver import connect, transaction
from tipdesk.store.migrations import migrate
from tipdesk.store.rows import insert_sql, to_row
from tipdesk.store.store import Actor, Store

FIRST = ["Ahmed", "Bilal", "Imran", "Kashif", "Naveed", "Sajid", "Tariq", "Usman", "Zahid"]
LAST = ["Khan", "Butt", "Chaudhry", "Malik", "Qureshi", "Sheikh", "Siddiqui", "Awan"]
WORDS = [
    "brick", "kiln", "debt", "bondage", "overseas", "job", "visa", "agent", "domestic",
    "servitude", "begging", "marriage", "farm", "factory", "Dubai", "Oman", "Iran",
]  # fmt: skip
# Every third case is recorded in Urdu script (names and narrative), as police stations write
# them (issue 19): searched below as officers type them, with and without diacritics and with
# the Arabic forms of kaf, yeh and heh that many keyboards produce.
UR_FIRST = ["محمد", "علی", "عمران", "کاشف", "نوید", "ساجد", "طارق", "عثمان", "زاہد"]
UR_LAST = ["خان", "بٹ", "چوہدری", "ملک", "قریشی", "شیخ", "صدیقی", "اعوان"]
UR_WORDS = [
    "بھٹہ", "قرض", "بیرون", "ملازمت", "ویزا", "ایجنٹ", "گھریلو", "بھیک", "شادی", "فیکٹری",
    "دبئی", "عمان", "ایران",
]  # fmt: skip
UR_TYPED = [
    "محمد", "مُحمّد", "علی", "علي", "عمران", "كاشف", "نوید", "طارق", "عثمان", "زاہد", "زاهد",
    "خان", "ملک", "ملك", "قریشی", "قريشي", "محمد علی", "بھٹہ", "ایجنٹ", "ويزا", "شادی",
]  # fmt: skip
"""Urdu queries as typed: plain, with zer/zabar/pesh/shadda, with Arabic kaf/yeh/heh."""


def _cases(rng: random.Random, start: int, count: int) -> list[Case]:
    out = []
    base = dt.date(2021, 1, 1)
    for n in range(start, start + count):
        reg = base + dt.timedelta(days=rng.randrange(1400))
        urdu = n % 3 == 0
        first, last, words = (UR_FIRST, UR_LAST, UR_WORDS) if urdu else (FIRST, LAST, WORDS)
        accused = [
            Accused(
                name=f"{rng.choice(first)} {rng.choice(last)}",
                father_name=f"{rng.choice(first)} {rng.choice(last)}",
                cnic=f"{rng.randrange(10**12, 10**13)}",
                gender=Gender.MALE,
                age=rng.randrange(20, 60),
                role="recruiter",
                proceeded_on=reg + dt.timedelta(days=30),
                outcome=Outcome.PENDING,
            )
            for _ in range(5)
        ]
        victim = Victim(
            victim_code=f"V-LHR-{n:07d}",
            name=f"{rng.choice(first)} {'بی بی' if urdu else 'Bibi'}",
            gender=Gender.FEMALE,
            age=rng.randrange(8, 40),
            identified_on=reg,
            exploitation_forms=["forced_labour"],
        )
        out.append(
            Case(
                case_number=f"FIR {n}/{reg.year}",
                registered_on=reg,
                district="PB-LHR",
                office="FIA-AHTC-LHR",
                sections=["3"],
                exploitation_forms=["forced_labour"],
                stage=Stage.CHALLAN,
                narrative=" ".join(rng.choice(words) for _ in range(25)),
                accused=accused,
                victims=[victim],
            )
        )
    return out


def _bare_rows(cases: list[Case], at: str) -> tuple[list[tuple[object, ...]], ...]:
    """The rows the store would write, with ids and bookkeeping filled in the same way."""
    c_rows, a_rows, v_rows = [], [], []
    for case in cases:
        for rec in (case, *case.accused, *case.victims):
            rec.id = new_id()
            rec.created_at = rec.updated_at = at
            rec.created_by = rec.updated_by = "bench"
            rec.origin_device = rec.updated_device = "dev"
            rec.version = 1
        for a in case.accused:
            a.case_id = case.id
        for v in case.victims:
            v.case_id, v.district = case.id, case.district
        c_rows.append(to_row(case))
        a_rows += [to_row(a) for a in case.accused]
        v_rows += [to_row(v) for v in case.victims]
    return c_rows, a_rows, v_rows


def main() -> None:
    total = int(os.environ.get("BENCH_CASES", "100000"))
    batch = int(os.environ.get("BENCH_BATCH", "1000"))
    at = "2026-01-01T00:00:00.000Z"
    key = os.urandom(32)
    with tempfile.TemporaryDirectory() as tmp:
        # Bare sqlcipher3: same schema, same pragmas, same transaction size.
        bare_path = Path(tmp) / "bare.db"
        conn = connect(bare_path, key, create=True)
        migrate(conn)
        rng = random.Random(7)
        bare_s = 0.0
        for start in range(0, total, batch):
            rows = _bare_rows(_cases(rng, start, min(batch, total - start)), at)
            t0 = time.perf_counter()
            with transaction(conn):
                conn.executemany(insert_sql("case"), rows[0])
                conn.executemany(insert_sql("accused"), rows[1])
                conn.executemany(insert_sql("victim"), rows[2])
            bare_s += time.perf_counter() - t0
        conn.close()
        assert isinstance(conn, sqlcipher3.Connection)

        store = Store.create(Path(tmp) / "tipdesk.db", key)
        actor = Actor("bench", "dev", at)
        rng = random.Random(7)
        store_s = 0.0
        for start in range(0, total, batch):
            cases = _cases(rng, start, min(batch, total - start))
            t0 = time.perf_counter()
            store.save(cases, actor)
            store_s += time.perf_counter() - t0
        rows = total * 7
        print(f"cases written: {total:,} ({rows:,} rows: 5 accused and 1 victim per case)")
        print(f"bare sqlcipher3:   {bare_s:8.2f} s  {rows / bare_s:>10,.0f} rows/s")
        print(f"TIPDesk store:     {store_s:8.2f} s  {rows / store_s:>10,.0f} rows/s")
        print(f"ratio store/bare:  {store_s / bare_s:8.2f}x  (goal: at most 2x)")

        rng = random.Random(11)
        queries = []
        for _ in range(200):
            kind = rng.randrange(4)
            if kind == 0:
                queries.append(f"FIR {rng.randrange(total)}")
            elif kind == 1:
                queries.append(rng.choice(FIRST)[:4])
            elif kind == 2:
                queries.append(f"{rng.choice(WORDS)} {rng.choice(WORDS)}")
            else:
                queries.append(f"V-LHR-{rng.randrange(total):07d}")
        times = []
        for q in queries:
            t0 = time.perf_counter()
            store.search(q, include_identity=True, limit=50)
            times.append((time.perf_counter() - t0) * 1000)
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"search at {total:,} cases: p50 {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms  (goal: p95 < 50 ms)"
        )
        # Searching victims by identity (users who may reveal): keyed hashes of whole words
        # (tipdesk.store.identity), one victim per case here.
        times = []
        for _ in range(200):
            q = rng.choice(FIRST) + (" Bibi" if rng.random() < 0.5 else "")
            t0 = time.perf_counter()
            store.search(q, include_identity=True, limit=50)
            times.append((time.perf_counter() - t0) * 1000)
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"identity search at {total:,} victims: p50 {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms  (goal: p95 < 50 ms)"
        )
        # Urdu names and narratives (a third of the cases), typed as officers type them.
        times, empty = [], 0
        for _ in range(200):
            q = rng.choice(UR_TYPED)
            t0 = time.perf_counter()
            hits = store.search(q, include_identity=True, limit=50)
            times.append((time.perf_counter() - t0) * 1000)
            empty += not hits  # a variant the folding missed would find nothing
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"Urdu search at {total:,} cases ({total // 3 + (total % 3 > 0):,} in Urdu script): "
            f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms  (goal: p95 < 50 ms); "
            f"queries finding nothing: {empty} of 200"
        )
        store.checkpoint()
        size_mb = (Path(tmp) / "tipdesk.db").stat().st_size / 1e6
        t0 = time.perf_counter()
        store.rekey(os.urandom(32))  # what `tipdesk user rotate-keys` spends on the database
        print(
            f"key rotation at {total:,} cases: re-key {time.perf_counter() - t0:.2f} s "
            f"({size_mb:,.0f} MB)"
        )
        store.close()
