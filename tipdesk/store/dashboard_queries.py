"""Aggregate queries for the dashboard's charts. Read-only; each takes an open :class:`Store`.

Same counting rules as :mod:`tipdesk.store.queries`: deleted records never count, each figure is
dated by its own event date, periods are inclusive ISO dates (text compares as dates). Months
are ``YYYY-MM`` strings. Every query is one indexed aggregate: cheap enough to run on every
refresh, but never on the GUI thread (the store belongs to the worker thread).
"""

from __future__ import annotations

from tipdesk.core.codes import Stage
from tipdesk.store.queries import AGE_GROUP
from tipdesk.store.store import Store


def cases_by_stage(store: Store, date_from: str, date_to: str) -> dict[str, int]:
    """Cases registered in the period, by their current stage (every stage present, 0 if none)."""
    rows = store.query(
        "SELECT stage, count(*) FROM cases WHERE deleted = 0 "
        "AND registered_on BETWEEN ? AND ? GROUP BY stage",
        (date_from, date_to),
    )
    found = {str(stage): int(n) for stage, n in rows}
    return {s.value: found.get(s.value, 0) for s in Stage}


def convicted_accused_of_cases(store: Store, date_from: str, date_to: str) -> int:
    """Accused convicted in the cases registered in the period (the funnel's last step)."""
    rows = store.query(
        "SELECT count(*) FROM accused a JOIN cases c ON c.id = a.case_id "
        "WHERE a.deleted = 0 AND c.deleted = 0 AND a.outcome = 'convicted' "
        "AND c.registered_on BETWEEN ? AND ?",
        (date_from, date_to),
    )
    return int(rows[0][0] or 0)


def _monthly(store: Store, sql: str, first_day: str, last_day: str) -> dict[str, int]:
    return {str(m): int(n or 0) for m, n in store.query(sql, (first_day, last_day)) if m}


def cases_per_month(store: Store, first_day: str, last_day: str) -> dict[str, int]:
    """Cases registered per month (months without cases are absent)."""
    return _monthly(
        store,
        "SELECT substr(registered_on, 1, 7) AS m, count(*) FROM cases WHERE deleted = 0 "
        "AND registered_on BETWEEN ? AND ? GROUP BY m",
        first_day,
        last_day,
    )


def convictions_per_month(store: Store, first_day: str, last_day: str) -> dict[str, int]:
    """Accused convicted per month of judgment."""
    return _monthly(
        store,
        "SELECT substr(judgment_on, 1, 7) AS m, count(*) FROM accused WHERE deleted = 0 "
        "AND outcome = 'convicted' AND judgment_on BETWEEN ? AND ? GROUP BY m",
        first_day,
        last_day,
    )


def trained_per_month(store: Store, first_day: str, last_day: str) -> dict[str, int]:
    """People trained per month in which their session ended (or started, without an end)."""
    return _monthly(
        store,
        "SELECT substr(coalesce(end_on, start_on), 1, 7) AS m, sum(participants_total) "
        "FROM trainings WHERE deleted = 0 AND coalesce(end_on, start_on) BETWEEN ? AND ? "
        "GROUP BY m",
        first_day,
        last_day,
    )


def campaigns_per_month(store: Store, first_day: str, last_day: str) -> dict[str, int]:
    """Awareness campaigns per month in which they started."""
    return _monthly(
        store,
        "SELECT substr(start_on, 1, 7) AS m, count(*) FROM campaigns WHERE deleted = 0 "
        "AND start_on BETWEEN ? AND ? GROUP BY m",
        first_day,
        last_day,
    )


def victims_by_gender_and_age(
    store: Store, date_from: str, date_to: str
) -> dict[str, dict[str, int]]:
    """Victims identified in the period: gender -> {"child", "adult", "unknown"} -> count."""
    rows = store.query(
        f"SELECT gender, {AGE_GROUP} AS grp, count(*) FROM victims "  # noqa: S608
        "WHERE deleted = 0 AND identified_on BETWEEN ? AND ? GROUP BY gender, grp",
        (date_from, date_to),
    )
    out: dict[str, dict[str, int]] = {}
    for gender, group, n in rows:
        out.setdefault(str(gender), {"child": 0, "adult": 0, "unknown": 0})[str(group)] = int(n)
    return out


def record_counts(store: Store) -> dict[str, int]:
    """How many live records of each top-level kind the store holds (is it empty?)."""
    return {kind: store.count(kind) for kind in ("case", "victim", "training", "campaign")}
