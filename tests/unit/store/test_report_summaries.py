"""Schema 3's report summaries (and schema 6's per law): whatever is written, in whatever
order, the report's figures read through the summaries equal the figures read from the record
rows (the ``_raw_*`` queries that define them), for whole months, partial months and any
district filter.

All data is synthetic and random (fixed seeds): names are made up, dates spread over 2023-2025.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.store import migrations
from tipdesk.store import report_queries as rq
from tipdesk.store.driver import Connection, connect, run_script, transaction
from tipdesk.store.rows import insert_sql, to_row
from tipdesk.store.store import Actor, Store

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
DISTRICTS = ("PB-LHR", "PB-FSD", "SD-KHS", "KP-PSH")
FORMS = ("forced_labour", "sexual_exploitation", "forced_begging")
ACTOR = Actor("test.clerk", "device-test-0001", "2025-07-01T10:00:00.000Z")
LATER = Actor("test.clerk", "device-test-0001", "2025-08-01T10:00:00.000Z")
SUMMARIES = ("report_cases", "report_proceeded", "report_judgments", "report_victims",
             "report_victim_forms", "report_law_cases", "report_law_accused")  # fmt: skip
LAWS = ("tip_act_2018", "psma_2018")
# What step 3 adds (to take a store back to schema 2).
SCHEMA_3 = {
    "TRIGGER": [f"report_{t}_{e}" for t in ("cases", "accused", "victims")
                for e in ("insert", "update", "delete")]
    + ["report_cases_insert_accused", "report_accused_insert_judgment"],
    "TABLE": list(SUMMARIES[:5]),
    "INDEX": ["referrals_report", "campaigns_report", "cases_updated", "victims_updated",
              "trainings_updated", "campaigns_updated"],
}  # fmt: skip
# What schema 4 (ownership, records back) adds, taken away again.
UNDO_SCHEMA_4 = [
    "DROP INDEX changes_owner",
    "DROP TABLE sync_notices",
    *(f"ALTER TABLE {t} DROP COLUMN owner" for t in ("cases", "victims", "trainings", "campaigns")),
    "ALTER TABLE changes DROP COLUMN owner",
    "ALTER TABLE changes DROP COLUMN device",
    "ALTER TABLE sync_devices DROP COLUMN back_confirmed",
    "ALTER TABLE sync_outbox DROP COLUMN back_through",
]
# What step 6 adds to the summaries (taken away too, with its column, to go back to schema 2).
SCHEMA_6 = {
    "TRIGGER": [f"report_law_{t}_{e}" for t in ("cases", "accused")
                for e in ("insert", "update", "delete")] + ["report_law_cases_insert_accused"],
    "TABLE": ["report_law_cases", "report_law_accused"],
}  # fmt: skip
Figure = Callable[[Store, rq.Scope], list[rq.Row]]
# (summary-backed function, its definition on the record rows, number of key columns)
FIGURES: list[tuple[Figure, Figure, int]] = [
    (rq.case_rows, rq._raw_case_rows, 3),
    (rq.accused_proceeded_rows, rq._raw_accused_proceeded_rows, 2),
    (rq.judgment_rows, rq._raw_judgment_rows, 4),
    (rq.victim_rows, rq._raw_victim_rows, 4),
    (rq.victim_form_rows, rq._raw_victim_form_rows, 3),
    (rq.law_case_rows, rq._raw_law_case_rows, 3),
    (rq.law_accused_rows, rq._raw_law_accused_rows, 5),
]


def _day(rng: random.Random) -> dt.date:
    return dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))


def _maybe_day(rng: random.Random) -> dt.date | None:
    return _day(rng) if rng.random() < 0.8 else None


def _accused(rng: random.Random) -> Accused:
    outcome = rng.choice(list(Outcome))
    return Accused(
        name="Testaccused Fakename",
        father_name="Testfather Fakename",
        gender=rng.choice([Gender.MALE, Gender.FEMALE, Gender.TRANSGENDER]),
        role=rng.choice(["recruiter", "official", "exploiter"]),
        proceeded_on=_maybe_day(rng),
        outcome=outcome,
        judgment_on=_maybe_day(rng),
        deleted=rng.random() < 0.1,
    )


def _victim(rng: random.Random) -> Victim:
    identified = _maybe_day(rng)
    born = None
    if identified is not None and rng.random() < 0.5:
        # The 18th birthday on the day of identification, the day before or after, or near.
        eighteen = identified.replace(year=identified.year - 18, day=min(identified.day, 28))
        born = eighteen + dt.timedelta(days=rng.choice([-1, 0, 0, 1, rng.randrange(-40, 40)]))
    forms = rng.choice([[], [FORMS[0]], [FORMS[1], FORMS[2]], [FORMS[0], FORMS[0]]])
    return Victim(
        victim_code=f"V-TEST-{rng.randrange(10**6):06d}",
        gender=rng.choice([Gender.MALE, Gender.FEMALE, Gender.UNKNOWN]),
        age=rng.choice([None, None, 12, 17, 18, 30]) if born is None else None,
        date_of_birth=born,
        nationality=rng.choice(["PK", "AF"]),
        identified_on=identified,
        exploitation_forms=list(forms),
        deleted=rng.random() < 0.1,
    )


def _case(rng: random.Random, n: int) -> Case:
    official = rng.random() < 0.3
    return Case(
        case_number=f"FIR {n}/2024",
        registered_on=_maybe_day(rng),
        district=rng.choice(DISTRICTS),
        office="FIA-AHTC-LHR",
        law=rng.choice(LAWS),
        stage=rng.choice(list(Stage)),
        official_involvement=official,
        official_action=rng.choice(["", "  ", "Suspended"]) if official else "",
        deleted=rng.random() < 0.05,
        accused=[_accused(rng) for _ in range(rng.randrange(4))],
        victims=[_victim(rng) for _ in range(rng.randrange(3))],
    )


def _fill(store: Store, seed: int, cases: int = 60) -> list[Case]:
    rng = random.Random(seed)
    saved = [_case(rng, n) for n in range(cases)]
    store.save(saved, ACTOR)
    return saved


def _edit(store: Store, saved: list[Case], seed: int) -> None:
    """Every kind of change the store makes: moved districts, new dates and outcomes, children
    removed (soft-deleted) and added, deleted cases, changed ages and forms."""
    rng = random.Random(seed)
    edited = []
    for case in saved[::3]:
        fresh = store.get("case", case.id, deleted=True)
        assert isinstance(fresh, Case)
        fresh.district = rng.choice(DISTRICTS)
        fresh.law = rng.choice(LAWS)
        fresh.stage = rng.choice(list(Stage))
        fresh.registered_on = _maybe_day(rng)
        if fresh.accused:
            fresh.accused[0].role = rng.choice(["official", "recruiter"])
            fresh.accused[0].outcome = Outcome.CONVICTED
            fresh.accused[0].judgment_on = _day(rng)
            fresh.accused[-1:] = [] if rng.random() < 0.5 else fresh.accused[-1:]
        fresh.accused.append(_accused(rng))
        for victim in fresh.victims:
            victim.date_of_birth = None
            victim.age = rng.choice([None, 10, 40])
            victim.exploitation_forms = [FORMS[2]]
            victim.district = rng.choice(DISTRICTS)
        fresh.deleted = rng.random() < 0.1
        edited.append(fresh)
    store.save(edited, LATER)


def _sorted(rows: list[rq.Row], keys: int) -> list[rq.Row]:
    return sorted((tuple(r) for r in rows), key=lambda r: rq._sort_key(r[:keys]))


def _scopes() -> Iterator[rq.Scope]:
    periods = [
        ("2023-01-01", "2025-12-31"),
        ("2024-01-01", "2024-12-31"),
        ("2024-01-15", "2024-03-10"),  # partial months at both ends
        ("2024-02-03", "2024-02-20"),  # within one month
        ("2024-02-01", "2024-02-29"),  # one whole (leap) month
        ("2023-12-31", "2025-01-01"),
        ("2024-03-01", "2024-05-17"),
        ("2024-03-02", "2024-05-31"),
        ("2024-06-01", "2024-05-31"),  # ends before it starts
    ]
    periods += [(f"{y}-{m:02d}-01", f"{y}-{m:02d}-28") for y in (2023, 2024) for m in (1, 2)]
    for start, end in periods:
        for districts in (None, ("PB-LHR",), ("PB-FSD", "SD-KHS"), ("XX-NONE",)):
            yield rq.Scope(start, end, districts)


def _assert_agree(store: Store) -> None:
    for scope in _scopes():
        for figure, raw, keys in FIGURES:
            assert _sorted(figure(store, scope), keys) == _sorted(raw(store, scope), keys), (
                figure.__name__,
                scope,
            )


def _summaries(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The summary rows that count something (rows at zero may stay behind)."""
    counts = {"report_cases": "cases", "report_law_cases": "cases"}
    return {
        table: store.query(
            f"SELECT * FROM {table} WHERE {counts.get(table, 'n')} != 0 ORDER BY 1, 2, 3, 4"  # noqa: S608
        )
        for table in SUMMARIES
    }


def _recomputed(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The summaries computed afresh from the record rows by the migration's own SQL."""
    for table in _summaries(store):
        store.query(f"DELETE FROM {table}")  # noqa: S608
    with transaction(store._conn):
        age_group = migrations._AGE_GROUP_3.format(p="v")
        run_script(store._conn, migrations._BACKFILL_3.format(age_group=age_group))
        run_script(store._conn, migrations._LAW_BACKFILL_6)
    return _summaries(store)


def test_saved_records_give_the_same_figures(store: Store) -> None:
    _fill(store, seed=1)
    _assert_agree(store)


def test_edited_records_give_the_same_figures(store: Store) -> None:
    saved = _fill(store, seed=2)
    _edit(store, saved, seed=3)
    _assert_agree(store)
    kept = _summaries(store)
    assert kept == _recomputed(store)


def test_any_row_order_and_hard_deletes(store: Store, tmp_path: Path) -> None:
    """Accused written before their case (sync may order rows so), a case moved to another
    district by SQL alone, and rows removed outright: the summaries still agree."""
    _fill(store, seed=4, cases=20)
    rng = random.Random(5)
    case = _case(rng, 900)
    case.registered_on = dt.date(2024, 2, 10)
    case.deleted = False
    case.id = "0190a000-0000-7000-8000-000000000900"
    kids = [_accused(rng) for _ in range(4)]
    for n, acc in enumerate(kids):
        acc.id, acc.case_id = f"0190a000-0000-7000-8000-00000000091{n}", case.id
        acc.proceeded_on, acc.deleted = dt.date(2024, 3, n + 1), False
    for rec in (case, *kids):
        rec.created_at = rec.updated_at = ACTOR.at
        rec.created_by = rec.updated_by = ACTOR.user
        rec.origin_device = rec.updated_device = ACTOR.device
        rec.version = 1
    conn = store._conn
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.executemany(insert_sql("accused"), [to_row(a) for a in kids])
        conn.execute(insert_sql("case"), to_row(case))
    _assert_agree(store)
    with transaction(conn):
        conn.execute("UPDATE cases SET district = 'KP-PSH' WHERE id = ?", (case.id,))
    _assert_agree(store)
    with transaction(conn):
        conn.execute("UPDATE cases SET law = 'psma_2018' WHERE id = ?", (case.id,))
        conn.execute("UPDATE accused SET role = 'official' WHERE id = ?", (kids[1].id,))
    _assert_agree(store)
    with transaction(conn):
        conn.execute("DELETE FROM accused WHERE id = ?", (kids[0].id,))
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("DELETE FROM cases WHERE id = ?", (case.id,))
        conn.execute("DELETE FROM accused WHERE case_id = ?", (case.id,))
        conn.execute("DELETE FROM victims WHERE rowid IN (SELECT rowid FROM victims LIMIT 3)")
    _assert_agree(store)
    assert _summaries(store) == _recomputed(store)


def test_upgrading_a_schema_2_store_summarises_its_rows(tmp_path: Path) -> None:
    """A store filled at schema 2 (no triggers yet) gets its summaries at the upgrade."""
    key = os.urandom(32)
    path = tmp_path / "old.db"
    conn = connect(path, key, create=True)
    with transaction(conn):
        for step in migrations.STEPS[:2]:
            step(conn)
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    # Write through a store of today, then take the summaries away and go back to schema 2.
    store = Store.open(path, key)
    _fill(store, seed=6)
    store.close()
    conn = connect(path, key)
    with transaction(conn):
        for kind, names in SCHEMA_6.items():
            for name in names:
                conn.execute(f"DROP {kind} {name}")
        conn.execute("ALTER TABLE cases DROP COLUMN offence_on")
        conn.execute("DROP INDEX accused_dual_role")  # step 10, the overlap review queue
        for column in ("matches", "reviewed", "reviewed_by", "reviewed_on", "decision"):
            conn.execute(f"ALTER TABLE accused DROP COLUMN dual_role_{column}")
        for sql in UNDO_SCHEMA_4:
            conn.execute(sql)
        for kind, names in SCHEMA_3.items():
            for name in names:
                conn.execute(f"DROP {kind} {name}")
        # ... and what the later steps made (the sealed identities' tables and keys).
        for table in ("identity_keys", "victim_keys", "victim_terms"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM settings WHERE key LIKE 'identity_%'")
        # What the later steps added goes too, so that they can run again.
        for kind, name in _added_after_schema_3(conn, tmp_path):
            conn.execute(f"DROP {kind} IF EXISTS {name}")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    store = Store.open(path, key)  # migrates to the newest schema
    try:
        assert store.schema_version == migrations.LATEST
        assert all(_summaries(store).values())
        _assert_agree(store)
    finally:
        store.close()


def _added_after_schema_3(conn: Connection, tmp_path: Path) -> list[tuple[str, str]]:
    """(kind, name) of the tables, indexes and triggers the steps after 3 add: triggers and
    indexes first, then tables."""
    ref = connect(tmp_path / "schema-3.db", os.urandom(32), create=True)
    with transaction(ref):
        for step in migrations.STEPS[:3]:
            step(ref)
    sql = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    known = {tuple(r) for r in ref.execute(sql)}
    ref.close()
    now = [tuple(r) for r in conn.execute(sql)]
    order = {"trigger": 0, "index": 1, "table": 2}
    added = [(str(t), str(n)) for t, n in now if (t, n) not in known and t in order]
    return [(t.upper(), n) for t, n in sorted(added, key=lambda r: order[r[0]])]


def test_the_golden_schema_2_store_upgrades_with_its_figures(tmp_path: Path) -> None:
    golden = GOLDEN / "schema-2"
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    shutil.copyfile(golden / "tipdesk.db", tmp_path / "tipdesk.db")
    store = Store.open(tmp_path / "tipdesk.db", key)
    try:
        assert store.schema_version == migrations.LATEST
        scope = rq.Scope("2024-01-01", "2025-12-31")
        assert rq.case_rows(store, scope) == rq._raw_case_rows(store, scope)
        assert sum(r[3] for r in rq.case_rows(store, scope)) == 2
        assert rq.judgment_rows(store, scope) == [("PB-LHR", "male", "convicted", "2025-02", 1)]
        _assert_agree(store)
    finally:
        store.close()


def test_the_golden_schema_3_store_upgrades_without_inventing_offence_dates(
    tmp_path: Path,
) -> None:
    """Step 6 leaves every stored case without an offence date (the registration date stands
    in for it) and summarises the stored cases and accused by law."""
    golden = GOLDEN / "schema-3"
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    shutil.copyfile(golden / "tipdesk.db", tmp_path / "tipdesk.db")
    store = Store.open(tmp_path / "tipdesk.db", key)
    try:
        assert store.query("SELECT count(*), count(offence_on) FROM cases")[0][1] == 0
        scope = rq.Scope("2020-01-01", "2026-12-31")
        by_law = rq.law_case_rows(store, scope)
        assert by_law == rq._raw_law_case_rows(store, scope)
        assert sum(r[3] for r in by_law) == sum(r[3] for r in rq.case_rows(store, scope)) > 0
        _assert_agree(store)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("start", "end", "months", "edges"),
    [
        ("2024-01-01", "2024-12-31", ("2024-01", "2024-12"), []),
        ("2024-01-15", "2024-03-10", ("2024-02", "2024-02"),
         [("2024-01-15", "2024-01-31"), ("2024-03-01", "2024-03-10")]),
        ("2024-02-03", "2024-02-20", None, [("2024-02-03", "2024-02-20")]),
        ("2023-02-01", "2023-02-28", ("2023-02", "2023-02"), []),
        ("2024-02-01", "2024-02-28", None, [("2024-02-01", "2024-02-28")]),
        ("2024-12-02", "2025-01-31", ("2025-01", "2025-01"), [("2024-12-02", "2024-12-31")]),
        ("2024-05-01", "2024-04-30", None, []),
    ],
)  # fmt: skip
def test_a_period_splits_into_whole_months_and_edges(
    start: str, end: str, months: tuple[str, str] | None, edges: list[tuple[str, str]]
) -> None:
    got_months, got_edges = rq._split(rq.Scope(start, end, ("PB-LHR",)))
    assert got_months == months
    assert [(e.date_from, e.date_to) for e in got_edges] == edges
    assert all(e.districts == ("PB-LHR",) for e in got_edges)


def test_coverage_reads_one_district_at_a_time(store: Store) -> None:
    _fill(store, seed=7, cases=10)
    sql = "SELECT max(updated_at) FROM cases WHERE district = ?"
    assert any("cases_updated" in line for line in rq.explain(store, sql, ("PB-LHR",)))
    latest = rq.latest_update_by_district(store)
    expected = store.query(
        "SELECT district, max(at) FROM (SELECT district, updated_at AS at FROM cases UNION ALL "
        "SELECT district, updated_at FROM victims UNION ALL "
        "SELECT district, updated_at FROM trainings UNION ALL "
        "SELECT district, updated_at FROM campaigns) GROUP BY district"
    )
    assert latest == {str(d): str(at) for d, at in expected}


def test_a_district_scope_never_reads_through_the_coverage_indexes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A province's report reads a period's rows by their date, never every record of its
    districts through the ``(district, updated_at)`` indexes (a Punjab month once took 11 s on
    a 1,000,000-case store, 0.04 s nationally): every query a scoped report runs, partial
    months included, is planned without them."""
    _fill(store, seed=11, cases=20)
    asked: list[tuple[str, tuple[Any, ...]]] = []
    query = store.query

    def spy(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        asked.append((sql, tuple(params)))
        return query(sql, params)

    monkeypatch.setattr(store, "query", spy)
    scope = rq.Scope("2024-06-05", "2024-08-20", DISTRICTS[:2])
    for figure, raw, _keys in FIGURES:
        figure(store, scope)
        raw(store, scope)
    rq.referral_rows(store, scope)
    rq.campaign_rows(store, scope)
    rq.training_rows(store, scope)
    rq.headline_counts(store, scope)
    monkeypatch.setattr(store, "query", query)
    scoped = [(sql, params) for sql, params in asked if "IN (" in sql]
    assert len(scoped) >= len(FIGURES) * 2
    for sql, params in scoped:
        plan = rq.explain(store, sql, params)
        assert not [line for line in plan if "_updated" in line], (sql, plan)


def _stamped(*records: Any) -> None:
    for rec in records:
        rec.created_at = rec.updated_at = ACTOR.at
        rec.created_by = rec.updated_by = ACTOR.user
        rec.origin_device = rec.updated_device = ACTOR.device
        rec.version = 1


def _bulk_rows(store: Store, seed: int) -> dict[str, list[tuple[Any, ...]]]:
    """New cases with accused and victims, and new accused and victims of cases already
    stored, as the rows an HQ import inserts (ids given, bookkeeping filled in)."""
    rng = random.Random(seed)
    old_ids = [r[0] for r in store.query("SELECT id FROM cases ORDER BY rowid")]
    rows: dict[str, list[tuple[Any, ...]]] = {"case": [], "accused": [], "victim": []}
    for n in range(40):
        case = _case(rng, 1000 + n)
        case.id = f"0190b000-0000-7000-8000-{n:012d}"
        _stamped(case)
        rows["case"].append(to_row(case))
        parents = [case.id, case.id, rng.choice(old_ids)]
        for m, acc in enumerate(_accused(rng) for _ in range(rng.randrange(5))):
            acc.id, acc.case_id = f"0190b001-0000-7000-8000-{n:06d}{m:06d}", parents[m % 3]
            _stamped(acc)
            rows["accused"].append(to_row(acc))
        for m, vic in enumerate(_victim(rng) for _ in range(rng.randrange(4))):
            vic.id, vic.case_id = f"0190b002-0000-7000-8000-{n:06d}{m:06d}", parents[m % 3]
            _stamped(vic)
            row = list(to_row(vic))
            if m == 3:  # a forms value that is not JSON: left out of the forms summary
                row[insert_sql("victim").split("(")[1].split(", ").index("exploitation_forms")] = (
                    "not json"
                )
            rows["victim"].append(tuple(row))
    return rows


@pytest.mark.parametrize("seed", [7, 8])
def test_bulk_inserts_summarise_as_the_row_triggers_do(
    store: Store, tmp_path: Path, seed: int
) -> None:
    """Rows inserted inside ``summarised_inserts`` (an HQ import) leave the summaries exactly
    as the row triggers leave them for the same rows inserted one by one."""
    from tipdesk.store.report_bulk import summarised_inserts

    _fill(store, seed=seed, cases=30)
    store.export_copy(tmp_path / "twin.db")  # the same store, before the inserts
    twin = Store.open(tmp_path / "twin.db", store.database_key())
    try:
        rows = _bulk_rows(store, seed)
        triggers = store.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        with transaction(store._conn), summarised_inserts(store._conn):
            for kind in ("case", "accused", "victim"):
                store._conn.executemany(insert_sql(kind), rows[kind])
        with transaction(twin._conn):
            twin._conn.execute("PRAGMA defer_foreign_keys = ON")
            for kind in ("victim", "accused", "case"):  # children first: the order must not matter
                twin._conn.executemany(insert_sql(kind), rows[kind])
        assert _summaries(store) == _summaries(twin)
        assert sorted(triggers) == sorted(
            store.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        )
        _assert_agree(store)
        assert _summaries(store) == _recomputed(store)
    finally:
        twin.close()


def test_bulk_inserts_know_every_insert_trigger(store: Store) -> None:
    """A later schema that adds or renames an insert trigger of the summarised tables must
    update ``report_bulk`` (which drops exactly these for the bulk)."""
    from tipdesk.store.report_bulk import INSERT_TRIGGERS

    names = {
        r[0]
        for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            "('cases', 'accused', 'victims') AND upper(sql) LIKE '%AFTER INSERT ON%'"
        )
    }
    assert names == set(INSERT_TRIGGERS)


def test_a_failed_bulk_insert_leaves_summaries_and_triggers(store: Store) -> None:
    from tipdesk.store.report_bulk import summarised_inserts

    _fill(store, seed=9, cases=10)
    before = _summaries(store)
    schema = store.query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    rows = _bulk_rows(store, 9)
    with pytest.raises(RuntimeError), transaction(store._conn), summarised_inserts(store._conn):
        store._conn.executemany(insert_sql("case"), rows["case"])
        raise RuntimeError("the import stops half way")
    assert _summaries(store) == before
    assert store.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert store.query("SELECT count(*) FROM cases WHERE id LIKE '0190b000-%'") == [(0,)]
