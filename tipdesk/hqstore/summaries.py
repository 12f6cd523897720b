"""The national report's per-month summary tables on PostgreSQL, kept by statement-level
triggers (PostgreSQL schema step 4; the SQLCipher store's schema steps 3 and 6 keep the same
tables with row-level triggers).

Contract:
- ``report_cases``, ``report_law_cases``, ``report_proceeded``, ``report_judgments``,
  ``report_law_accused``, ``report_victims`` and ``report_victim_forms`` hold, per calendar
  month of each figure's own date and the columns the report groups by, the counts of the
  record rows that are not deleted, exactly as the raw queries of
  :class:`tipdesk.hqstore.figures.PgFigures` count them (an accused under its case's current
  district and law; a victim once per form, or once with no form).
- They are kept equal to the record rows by ``AFTER ... FOR EACH STATEMENT`` triggers on
  ``cases``, ``accused`` and ``victims`` reading the statement's transition tables: one
  aggregated upsert per summary and statement, whatever the number of rows (a bundle's COPY
  included), and whatever the order of the rows in a transaction (an accused counts once both
  it and its case exist; a case moved to another district or law moves its accused). No DDL
  ever runs during an import (it would lock every analyst out).
- Key columns may be NULL (unique ``NULLS NOT DISTINCT``), so a group is a group of the raw
  query's ``GROUP BY``. Rows whose counts fall to zero stay (readers skip them).
- :data:`STEP` is frozen once released (a later change is a new schema step).
"""

from __future__ import annotations

from tipdesk.hqstore.dialect import POSTGRES as D


def _age(v: str) -> str:
    years = D.years_between(f"{v}.date_of_birth", f"{v}.identified_on")
    return (
        f"coalesce({v}.age, CASE WHEN {v}.date_of_birth IS NOT NULL AND {v}.identified_on "
        f"IS NOT NULL THEN {years} END)"
    )


def _age_group(v: str) -> str:
    a = _age(v)
    return f"CASE WHEN {a} IS NULL THEN 'unknown' WHEN {a} < 18 THEN 'child' ELSE 'adult' END"


# Summary table -> (key columns, count columns).
SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "report_cases": (("month", "district", "stage"), ("cases", "official", "action")),
    "report_law_cases": (("month", "district", "law"), ("cases",)),
    "report_proceeded": (("month", "district", "gender"), ("n",)),
    "report_judgments": (("month", "district", "gender", "outcome"), ("n",)),
    "report_law_accused": (("month", "district", "law", "official", "event"), ("n",)),
    "report_victims": (("month", "district", "gender", "age_group", "nationality"), ("n",)),
    "report_victim_forms": (
        ("month", "district", "gender", "age_group", "no_form", "form"),
        ("n",),
    ),
}
_INT_KEYS = {"official", "no_form"}


def _case_parts(src: str, s: int) -> dict[str, str]:
    """Contributions of the case rows of ``src`` (sign ``s``), by summary."""
    live = f"FROM {src} AS c WHERE c.deleted = 0 AND c.registered_on IS NOT NULL"
    action = D.as_int("c.official_involvement = 1 AND trim(c.official_action) <> ''")
    return {
        "report_cases": (
            f"SELECT substr(c.registered_on, 1, 7), c.district, c.stage, {s}, "
            f"{s} * c.official_involvement, {s} * {action} {live}"
        ),
        "report_law_cases": f"SELECT substr(c.registered_on, 1, 7), c.district, c.law, {s} {live}",
    }


def _accused_parts(accused: str, cases: str, s: int) -> dict[str, str]:
    """Contributions of the accused of ``accused`` joined to their case in ``cases``."""
    join = f"FROM {accused} AS a JOIN {cases} AS c ON c.id = a.case_id WHERE a.deleted = 0"
    proceeded = f"{join} AND a.proceeded_on IS NOT NULL"
    judged = f"{join} AND a.outcome <> 'pending' AND a.judgment_on IS NOT NULL"
    official = D.as_int("a.role = 'official'")
    return {
        "report_proceeded": (
            f"SELECT substr(a.proceeded_on, 1, 7), c.district, a.gender, {s} {proceeded}"
        ),
        "report_judgments": (
            f"SELECT substr(a.judgment_on, 1, 7), c.district, a.gender, a.outcome, {s} {judged}"
        ),
        "report_law_accused": (
            f"SELECT substr(a.proceeded_on, 1, 7), c.district, c.law, {official}, "
            f"'proceeded', {s} {proceeded} UNION ALL "
            f"SELECT substr(a.judgment_on, 1, 7), c.district, c.law, {official}, a.outcome, "
            f"{s} {judged}"
        ),
    }


def _victim_parts(src: str, s: int) -> dict[str, str]:
    live = "v.deleted = 0 AND v.identified_on IS NOT NULL"
    group = _age_group("v")
    return {
        "report_victims": (
            f"SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {group}, "  # noqa: S608 (our literal templates)
            f"v.nationality, {s} FROM {src} AS v WHERE {live}"
        ),
        "report_victim_forms": (
            f"SELECT substr(v.identified_on, 1, 7), v.district, v.gender, {group}, "  # noqa: S608 (our literal templates)
            f"{D.as_int('f.value IS NULL')}, coalesce(f.value, ''), {s} FROM {src} AS v "
            f"LEFT JOIN LATERAL {D.json_array('v.exploitation_forms', 'f')} ON true "
            f"WHERE {live}"
        ),
    }


def _upserts(parts: list[dict[str, str]]) -> str:
    """One aggregated upsert per summary of the contributions ``parts`` (groups netting to
    zero are skipped: an update that changes nothing a summary counts writes nothing)."""
    out = []
    for table, (keys, counts) in SHAPES.items():
        selects = [p[table] for p in parts if table in p]
        if not selects:
            continue
        names = ", ".join((*keys, *counts))
        sums = ", ".join(f"CAST(sum({c}) AS bigint)" for c in counts)
        nonzero = " OR ".join(f"sum({c}) <> 0" for c in counts)
        sets = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in counts)
        out.append(
            f"INSERT INTO {table} ({names}) SELECT {', '.join(keys)}, {sums} "  # noqa: S608 (our literal templates)
            f"FROM ({' UNION ALL '.join(selects)}) AS d ({names}) "
            f"GROUP BY {', '.join(keys)} HAVING {nonzero} "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets};"
        )
    return "\n".join(out)


def _moved(old: str, new: str, pick: str) -> str:
    """The rows (of ``pick``: ``o`` or ``n``) of cases whose district or law changed."""
    return (
        f"(SELECT {pick}.* FROM {old} AS o JOIN {new} AS n ON n.id = o.id "  # noqa: S608 (our literal templates)
        "WHERE o.district IS DISTINCT FROM n.district OR o.law IS DISTINCT FROM n.law)"
    )


def _function(name: str, body: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN\n"
        f"{body}\nRETURN NULL; END $fn$"
    )


def _tables() -> list[str]:
    out = []
    for table, (keys, counts) in SHAPES.items():
        cols = [f"{k} {'integer' if k in _INT_KEYS else 'ctext'}" for k in keys]
        cols += [f"{c} bigint NOT NULL" for c in counts]
        out.append(
            f"CREATE TABLE {table} ({', '.join(cols)}, "
            f"UNIQUE NULLS NOT DISTINCT ({', '.join(keys)}))"
        )
    return out


BACKFILL = _upserts(
    [
        _case_parts("cases", 1),
        _accused_parts("accused", "cases", 1),
        _victim_parts("victims", 1),
    ]
)
"""The summaries of every stored row, added to what the tables hold (empty tables: the
summaries of the database; a bulk load with the triggers disabled, as bench/hq_pg_scale.py
does, runs it once after)."""


def _step() -> list[str]:
    """Statements of the schema step: tables, the existing rows summarised, functions and
    triggers."""
    statements = [*_tables(), BACKFILL]
    old_new = "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
    for name, when, referencing, body in (
        (
            "report_cases_insert",
            "INSERT ON cases",
            "REFERENCING NEW TABLE AS new_rows",
            _upserts([_case_parts("new_rows", 1), _accused_parts("accused", "new_rows", 1)]),
        ),
        (
            "report_cases_update",
            "UPDATE ON cases",
            old_new,
            _upserts(
                [
                    _case_parts("old_rows", -1),
                    _case_parts("new_rows", 1),
                    _accused_parts("accused", _moved("old_rows", "new_rows", "o"), -1),
                    _accused_parts("accused", _moved("old_rows", "new_rows", "n"), 1),
                ]
            ),
        ),
        (
            "report_cases_delete",
            "DELETE ON cases",
            "REFERENCING OLD TABLE AS old_rows",
            _upserts([_case_parts("old_rows", -1), _accused_parts("accused", "old_rows", -1)]),
        ),
        (
            "report_accused_insert",
            "INSERT ON accused",
            "REFERENCING NEW TABLE AS new_rows",
            _upserts([_accused_parts("new_rows", "cases", 1)]),
        ),
        (
            "report_accused_update",
            "UPDATE ON accused",
            old_new,
            _upserts(
                [_accused_parts("old_rows", "cases", -1), _accused_parts("new_rows", "cases", 1)]
            ),
        ),
        (
            "report_accused_delete",
            "DELETE ON accused",
            "REFERENCING OLD TABLE AS old_rows",
            _upserts([_accused_parts("old_rows", "cases", -1)]),
        ),
        (
            "report_victims_insert",
            "INSERT ON victims",
            "REFERENCING NEW TABLE AS new_rows",
            _upserts([_victim_parts("new_rows", 1)]),
        ),
        (
            "report_victims_update",
            "UPDATE ON victims",
            old_new,
            _upserts([_victim_parts("old_rows", -1), _victim_parts("new_rows", 1)]),
        ),
        (
            "report_victims_delete",
            "DELETE ON victims",
            "REFERENCING OLD TABLE AS old_rows",
            _upserts([_victim_parts("old_rows", -1)]),
        ),
    ):
        statements.append(_function(name, body))
        statements.append(
            f"CREATE TRIGGER {name} AFTER {when} {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    return statements


STEP: tuple[str, ...] = tuple(_step())
"""The statements of PostgreSQL schema step 7 (frozen once released)."""
