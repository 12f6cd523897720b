"""Aggregate queries for figures and reports. Read-only; each takes an open :class:`Store`.

Counting rules (see ``docs/report-definitions.md``): deleted records never count; each figure
is dated by its own event date (registration, challan, judgment, identification, session end,
campaign start); periods are inclusive ISO dates.
"""

from __future__ import annotations

from typing import Any

from tipdesk.store.store import Store

# Age at identification: the recorded age, else computed from the date of birth.
AGE_AT_IDENTIFICATION = (
    "coalesce(age, CASE WHEN date_of_birth IS NOT NULL AND identified_on IS NOT NULL THEN "
    "(CAST(strftime('%Y', identified_on) AS INTEGER) - CAST(strftime('%Y', date_of_birth) "
    "AS INTEGER)) - (strftime('%m-%d', identified_on) < strftime('%m-%d', date_of_birth)) END)"
)
AGE_GROUP = (
    f"CASE WHEN {AGE_AT_IDENTIFICATION} IS NULL THEN 'unknown' "
    f"WHEN {AGE_AT_IDENTIFICATION} < 18 THEN 'child' ELSE 'adult' END"
)


def _one(store: Store, sql: str, params: tuple[Any, ...]) -> int:
    value = store.query(sql, params)[0][0]
    return int(value or 0)


def headline(store: Store, date_from: str, date_to: str) -> dict[str, Any]:
    """The headline figures for an inclusive period of ISO dates."""
    p = (date_from, date_to)
    out: dict[str, Any] = {
        "cases_registered": _one(
            store,
            "SELECT count(*) FROM cases WHERE deleted = 0 AND registered_on BETWEEN ? AND ?",
            p,
        ),
        "accused_proceeded_against": _one(
            store,
            "SELECT count(*) FROM accused WHERE deleted = 0 AND proceeded_on BETWEEN ? AND ?",
            p,
        ),
        "accused_convicted": _one(
            store,
            "SELECT count(*) FROM accused WHERE deleted = 0 AND outcome = 'convicted' "
            "AND judgment_on BETWEEN ? AND ?",
            p,
        ),
    }
    rows = store.query(
        f"SELECT gender, {AGE_GROUP} AS grp, count(*) FROM victims "  # noqa: S608
        "WHERE deleted = 0 AND identified_on BETWEEN ? AND ? GROUP BY gender, grp",
        p,
    )
    by_gender: dict[str, int] = {}
    by_age: dict[str, int] = {"child": 0, "adult": 0, "unknown": 0}
    by_both: dict[str, dict[str, int]] = {}
    for gender, group, n in rows:
        by_gender[gender] = by_gender.get(gender, 0) + int(n)
        by_age[group] += int(n)
        by_both.setdefault(gender, {})[group] = int(n)
    out["victims_identified"] = sum(by_gender.values())
    out["victims_by_gender"] = dict(sorted(by_gender.items()))
    out["victims_by_age_group"] = by_age
    out["victims_by_gender_and_age_group"] = dict(sorted(by_both.items()))
    trained = store.query(
        "SELECT count(*), sum(participants_total) FROM trainings WHERE deleted = 0 "
        "AND coalesce(end_on, start_on) BETWEEN ? AND ?",
        p,
    )[0]
    out["training_sessions"] = int(trained[0] or 0)
    out["persons_trained"] = int(trained[1] or 0)
    camp = store.query(
        "SELECT count(*), sum(people_reached) FROM campaigns WHERE deleted = 0 "
        "AND start_on BETWEEN ? AND ?",
        p,
    )[0]
    out["awareness_campaigns"] = int(camp[0] or 0)
    out["people_reached"] = int(camp[1] or 0)
    return out
