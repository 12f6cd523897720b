"""The PostgreSQL HQ's report summaries (statement-level triggers, schema step 4) equal the
raw counts after inserts in any order, COPY, corrections, moves to another district or law,
soft and hard deletes, and when they are created over rows already stored. The oracle is
:class:`PgFigures`' ``raw_*`` definitions read over the record rows. Synthetic data only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from tipdesk.hqstore import migrations
from tipdesk.hqstore.figures import PgFigures
from tipdesk.store.report_queries import Scope

Conn = psycopg.Connection[tuple[object, ...]]

FIGURES = (
    "case_rows",
    "accused_proceeded_rows",
    "judgment_rows",
    "law_case_rows",
    "law_accused_rows",
    "victim_rows",
    "victim_form_rows",
)
SCOPES = (
    Scope("2024-01-01", "2025-12-31"),  # whole months only: summaries alone
    Scope("2024-02-01", "2024-02-29"),
    Scope("2024-01-15", "2025-03-10"),  # partial first and last months
    Scope("2024-01-01", "2025-12-31", ("PB-LHR",)),
    Scope("2024-01-01", "2025-12-31", ("PB-MLT", "SD-KHI")),
)


@pytest.fixture
def conn(pg_url: str) -> Iterator[Conn]:
    with psycopg.connect(pg_url, autocommit=True) as c:
        migrations.migrate(c)
        yield c


def _case(
    i: int, district: str, law: str, day: str, stage: str = "investigation"
) -> dict[str, Any]:
    return {
        "id": f"c{i}", "version": 1, "district": district, "law": law, "registered_on": day,
        "stage": stage, "transnational": 0, "official_involvement": i % 3 == 0,
        "official_action": "suspended" if i % 2 else " ",
    }  # fmt: skip


def _accused(i: int, case: str, day: str | None, outcome: str = "pending") -> dict[str, Any]:
    return {
        "id": f"a{i}", "version": 1, "case_id": case, "gender": ("male", "female")[i % 2],
        "role": ("recruiter", "official")[i % 2], "proceeded_on": day, "outcome": outcome,
        "judgment_on": None if outcome == "pending" else day,
    }  # fmt: skip


def _victim(i: int, district: str, day: str, forms: list[str]) -> dict[str, Any]:
    return {
        "id": f"v{i}", "version": 1, "district": district, "identified_on": day,
        "gender": ("female", "male", "transgender")[i % 3], "consent_to_share": 0,
        "age": None if i % 4 == 0 else 10 + i,
        "date_of_birth": "2010-06-15" if i % 4 == 0 else None,
        "nationality": "PK", "exploitation_forms": json.dumps(forms),
    }  # fmt: skip


def _insert(conn: Conn, table: str, rows: list[dict[str, Any]]) -> None:
    """One statement for all ``rows`` (a multi-row insert: one trigger run)."""
    cols = list(rows[0])
    marks = ", ".join("(" + ", ".join(["%s"] * len(cols)) + ")" for _ in rows)
    values = [int(v) if isinstance(v, bool) else v for r in rows for v in r.values()]
    conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES {marks}".encode(), values)  # noqa: S608


def _agree(conn: Conn) -> int:
    """Every figure of every scope from the summaries equals the raw rows; returns how many
    rows were compared (so the test knows the figures are not all empty)."""
    figures = PgFigures(conn=conn)
    compared = 0
    for scope in SCOPES:
        for name in FIGURES:
            summed = getattr(figures, name)(scope)
            raw = getattr(figures, f"raw_{name}")(scope)
            assert summed == raw, (name, scope)
            compared += len(raw)
    return compared


DAYS = ["2024-01-20", "2024-02-01", "2024-02-29", "2024-07-04", "2025-03-09", "2025-12-31"]
DISTRICTS = ["PB-LHR", "PB-MLT", "SD-KHI"]


def test_summaries_equal_the_raw_counts_through_every_kind_of_change(conn: Conn) -> None:
    # Accused inserted before their cases (in one transaction, as a bundle may order them).
    with conn.transaction():
        _insert(conn, "accused", [
            _accused(i, f"c{i % 12}", DAYS[i % 6] if i % 5 else None,
                     ("pending", "convicted", "acquitted", "discharged")[i % 4])
            for i in range(40)
        ])  # fmt: skip
        _insert(conn, "cases", [
            _case(i, DISTRICTS[i % 3], ("tip_act_2018", "psma_2018")[i % 2], DAYS[i % 6])
            for i in range(12)
        ])  # fmt: skip
    _insert(conn, "victims", [
        _victim(i, DISTRICTS[i % 3], DAYS[(i + 1) % 6],
                [["forced_labour"], [], ["forced_labour", "begging"], ["begging"]][i % 4])
        for i in range(20)
    ])  # fmt: skip
    assert _agree(conn) > 40
    # COPY (as a bundle's flush writes): the statement trigger sees all its rows.
    with (
        conn.cursor() as cur,
        cur.copy(
            "COPY cases (id, version, district, law, registered_on, stage, transnational, "
            "official_involvement, official_action) FROM STDIN"
        ) as copy,
    ):
        for i in range(12, 20):
            c = _case(i, DISTRICTS[i % 3], "tip_act_2018", DAYS[i % 6])
            copy.write_row([int(v) if isinstance(v, bool) else v for v in c.values()])
    _insert(conn, "accused", [_accused(i, f"c{i - 30}", DAYS[i % 6]) for i in range(42, 50)])
    _agree(conn)
    # Corrections: a case moves district and law (its accused move with it), stages change,
    # judgments are recorded, a victim's forms and age change.
    conn.execute("UPDATE cases SET district = 'PB-MLT', law = 'psma_2018' WHERE id = 'c0'")
    conn.execute("UPDATE cases SET stage = 'trial' WHERE id IN ('c1', 'c2', 'c3')")
    conn.execute("UPDATE cases SET registered_on = '2025-03-01' WHERE id = 'c4'")
    conn.execute(
        "UPDATE accused SET outcome = 'convicted', judgment_on = '2025-03-02' "
        "WHERE id IN ('a1', 'a2', 'a3')"
    )
    conn.execute("UPDATE accused SET case_id = 'c5' WHERE id = 'a12'")
    conn.execute(
        "UPDATE victims SET exploitation_forms = '[\"sexual_exploitation\"]', age = 30 "
        "WHERE id IN ('v1', 'v2')"
    )
    conn.execute("UPDATE victims SET district = 'SD-KHI' WHERE id = 'v3'")
    conn.execute("UPDATE cases SET narrative = 'nothing counted changes'")  # nets to zero
    _agree(conn)
    # Soft deletes (as sync and HQ write them) and hard deletes.
    conn.execute("UPDATE cases SET deleted = 1 WHERE id = 'c6'")
    conn.execute("UPDATE accused SET deleted = 1 WHERE id IN ('a7', 'a8')")
    conn.execute("UPDATE victims SET deleted = 1 WHERE id = 'v4'")
    with conn.transaction():
        conn.execute("DELETE FROM accused WHERE case_id = 'c7'")
        conn.execute("DELETE FROM cases WHERE id = 'c7'")
    with conn.transaction():
        conn.execute("DELETE FROM cases WHERE id = 'c8'")  # its accused stay until commit
        _agree(conn)
        conn.execute("DELETE FROM accused WHERE case_id = 'c8'")
    conn.execute("DELETE FROM victims WHERE id = 'v5'")
    assert _agree(conn) > 40
    # A rolled-back change leaves the summaries as they were.
    before = conn.execute("SELECT * FROM report_cases ORDER BY 1, 2, 3").fetchall()
    with pytest.raises(psycopg.errors.UniqueViolation), conn.transaction():
        conn.execute("UPDATE cases SET stage = 'decided'")
        _insert(conn, "cases", [_case(1, "PB-LHR", "tip_act_2018", DAYS[0])])
    assert conn.execute("SELECT * FROM report_cases ORDER BY 1, 2, 3").fetchall() == before


def test_summaries_created_over_rows_already_stored_equal_the_raw_counts(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (migrations.MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE schema_version (version integer PRIMARY KEY, "
                "applied_at timestamptz NOT NULL DEFAULT now())"
            )
            # The steps before the summaries' (those after it need it: the migration below
            # applies them all).
            at = [step for _n, step in migrations.STEPS].index(migrations._step_summaries)
            before = migrations.STEPS[:at]
            for number, step in before:
                step(conn)
                conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (number,))
        _insert(conn, "cases", [_case(i, DISTRICTS[i % 3], "tip_act_2018", DAYS[i % 6])
                                for i in range(9)])  # fmt: skip
        _insert(conn, "accused", [_accused(i, f"c{i % 9}", DAYS[i % 6], "convicted")
                                  for i in range(20)])  # fmt: skip
        _insert(conn, "victims", [_victim(i, "PB-LHR", DAYS[i % 6], ["forced_labour"])
                                  for i in range(6)])  # fmt: skip
        assert migrations.migrate(conn) == before[-1][0]
        assert conn.execute("SELECT count(*) FROM report_cases").fetchone() != (0,)
        assert _agree(conn) > 10
