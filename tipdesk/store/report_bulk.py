"""Report summaries for rows inserted in bulk (an HQ import): added set by set, not row by row.

Contract (:func:`summarised_inserts`):
- Used inside the caller's write transaction, around INSERTs into ``cases``, ``accused`` and
  ``victims`` (and any other table). On entry it notes the highest rowid of those three tables
  and drops the summaries' INSERT triggers (:data:`INSERT_TRIGGERS`); on a normal exit it adds
  the rows inserted meanwhile (rowid above the noted ones) to the summaries with eight grouped
  statements, then creates the triggers again from their own stored SQL. The summaries end
  exactly as the row triggers would have left them (``tests/unit/store/test_report_bulk.py``).
- Only INSERTs of those tables may run inside: their UPDATE and DELETE triggers stay in place,
  so updates and deletes of rows that existed before are summarised as usual, but a row
  inserted inside and then changed inside would be counted as it ends, not as it began.
- Everything is part of the caller's transaction: on an exception nothing is added, and the
  caller's rollback brings the triggers back with the rest.

Why: an HQ import inserts tens of thousands of rows at once; each row's trigger ran two or
three upserts (with a look-up of the case, an age computation and a JSON walk), about 40% of
the import's time in SQLite (measured at 100,000 records). Grouped, the same additions take a
few hundredths of that.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tipdesk.store.driver import Connection, StoreBug

INSERT_TRIGGERS = (
    "report_cases_insert",
    "report_cases_insert_accused",
    "report_accused_insert",
    "report_accused_insert_judgment",
    "report_victims_insert",
    "report_law_cases_insert",
    "report_law_cases_insert_accused",
    "report_law_accused_insert",
)
"""The schema's triggers that summarise inserted rows (schemas 3 and 6)."""

# The age group at identification, as the triggers compute it (schema 3's ``_AGE_GROUP_3``).
_AGE = (
    "coalesce(v.age, CASE WHEN v.date_of_birth IS NOT NULL AND v.identified_on IS NOT NULL "
    "THEN (CAST(strftime('%Y', v.identified_on) AS INTEGER) - CAST(strftime('%Y', "
    "v.date_of_birth) AS INTEGER)) - (strftime('%m-%d', v.identified_on) < "
    "strftime('%m-%d', v.date_of_birth)) END)"
)
_AGE_GROUP = (
    f"CASE WHEN {_AGE} IS NULL THEN 'unknown' WHEN {_AGE} < 18 THEN 'child' ELSE 'adult' END"
)

# :c, :a and :v are the highest rowids of cases, accused and victims before the inserts. An
# accused counts under its case's district once both rows exist, so a pair counts when either
# of its rows is new (the triggers add it when the later of the two is inserted).
_ADD_INSERTED = (
    """
    INSERT INTO report_cases(month, district, stage, cases, official, action)
    SELECT substr(registered_on, 1, 7), district, stage, count(*), sum(official_involvement),
        sum(official_involvement = 1 AND trim(official_action) != '')
    FROM cases WHERE rowid > :c AND deleted = 0 AND registered_on IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT(month, district, stage) DO UPDATE SET cases = cases + excluded.cases,
        official = official + excluded.official, action = action + excluded.action
    """,
    """
    INSERT INTO report_proceeded(month, district, gender, n)
    SELECT substr(a.proceeded_on, 1, 7), c.district, a.gender, count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE (a.rowid > :a OR c.rowid > :c) AND a.deleted = 0 AND a.proceeded_on IS NOT NULL
    GROUP BY 1, 2, 3
    ON CONFLICT(month, district, gender) DO UPDATE SET n = n + excluded.n
    """,
    """
    INSERT INTO report_judgments(month, district, gender, outcome, n)
    SELECT substr(a.judgment_on, 1, 7), c.district, a.gender, a.outcome, count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE (a.rowid > :a OR c.rowid > :c) AND a.deleted = 0 AND a.outcome != 'pending'
        AND a.judgment_on IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT(month, district, gender, outcome) DO UPDATE SET n = n + excluded.n
    """,
    f"""
    INSERT INTO report_victims(month, district, gender, age_group, nationality, n)
    SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {_AGE_GROUP}, v.nationality,
        count(*)
    FROM victims AS v WHERE v.rowid > :v AND v.deleted = 0 AND v.identified_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT(month, district, gender, age_group, nationality) DO UPDATE SET n = n + excluded.n
    """,  # noqa: S608 (a literal template)
    f"""
    INSERT INTO report_victim_forms(month, district, gender, age_group, no_form, form, n)
    SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {_AGE_GROUP},
        f.value IS NULL, coalesce(f.value, ''), count(*)
    FROM victims AS v LEFT JOIN json_each(v.exploitation_forms) AS f
    WHERE v.rowid > :v AND v.deleted = 0 AND v.identified_on IS NOT NULL
        AND json_valid(v.exploitation_forms)
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT(month, district, gender, age_group, no_form, form)
        DO UPDATE SET n = n + excluded.n
    """,  # noqa: S608 (a literal template)
    # Schema 6: the figures per law (``migrations._step_5_to_6``).
    """
    INSERT INTO report_law_cases(month, district, law, cases)
    SELECT substr(registered_on, 1, 7), district, law, count(*)
    FROM cases WHERE rowid > :c AND deleted = 0 AND registered_on IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT(month, district, law) DO UPDATE SET cases = cases + excluded.cases
    """,
    """
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.proceeded_on, 1, 7), c.district, c.law, a.role = 'official', 'proceeded',
        count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE (a.rowid > :a OR c.rowid > :c) AND a.deleted = 0 AND a.proceeded_on IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n
    """,
    """
    INSERT INTO report_law_accused(month, district, law, official, event, n)
    SELECT substr(a.judgment_on, 1, 7), c.district, c.law, a.role = 'official', a.outcome,
        count(*)
    FROM accused AS a JOIN cases AS c ON c.id = a.case_id
    WHERE (a.rowid > :a OR c.rowid > :c) AND a.deleted = 0 AND a.outcome != 'pending'
        AND a.judgment_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT(month, district, law, official, event) DO UPDATE SET n = n + excluded.n
    """,
)


def _max_rowid(conn: Connection, table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()  # noqa: S608
    return int(row[0])


@contextmanager
def summarised_inserts(conn: Connection) -> Iterator[None]:
    """Inserts inside the block are summarised together at its end (see the module contract)."""
    marks = {
        "c": _max_rowid(conn, "cases"),
        "a": _max_rowid(conn, "accused"),
        "v": _max_rowid(conn, "victims"),
    }
    names = ", ".join("?" * len(INSERT_TRIGGERS))
    stored = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})",  # noqa: S608
        INSERT_TRIGGERS,
    ).fetchall()
    if len(stored) != len(INSERT_TRIGGERS):
        raise StoreBug("the report summaries' insert triggers are not all in the schema")
    for name, _sql in stored:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for sql in _ADD_INSERTED:
        conn.execute(sql, marks)
    for _name, sql in sorted(stored):
        conn.execute(sql)
