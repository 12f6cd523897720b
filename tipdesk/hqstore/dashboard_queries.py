"""The dashboard's and ``tipdesk stats``' figures from the PostgreSQL HQ database (issue 20).

Contract: :class:`PgDashboardQueries` answers what :mod:`tipdesk.store.dashboard_queries` and
:func:`tipdesk.store.queries.headline` answer on the SQLCipher store, value for value for the
same records (the tests import the same bundles into both engines and compare): deleted
records never count, each figure is dated by its own event date, periods are inclusive ISO
dates, months ``YYYY-MM``.

Where they serve, the figures come from the report's per-month summary tables
(:mod:`tipdesk.hqstore.summaries`, through :class:`~tipdesk.hqstore.figures.PgFigures`, which
adds the days of a partial first or last month from the record rows): cases registered (by
stage and by month), accused proceeded against and convicted, victims by gender and age
group. The rest are direct aggregates over indexed columns: the funnel's convicted accused of
the period's cases (it joins a case's registration date to its accused's outcome, which no
summary keeps), trainings and campaigns (no summary), and the count of live records.

Read only; thread-safe when reading through the pool (each call borrows a pooled connection
and ends its transaction); over a connection the caller holds, as safe as that connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tipdesk.core.codes import Stage
from tipdesk.hqstore.dialect import POSTGRES as D
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.store.report_queries import Scope

_FIRST_DAY = "0001-01-01"
"""The first real date: an open period starts there (the SQLCipher store's ``0000-01-01`` is
the same bound as text, but not a date, and the split into whole months needs one)."""

_KIND_TABLES = {
    "case": "cases",
    "victim": "victims",
    "training": "trainings",
    "campaign": "campaigns",
}


def _start(date_from: str) -> str:
    return max(date_from, _FIRST_DAY)


def _real_day(date_to: str) -> str:
    """``date_to``, or the month's last day when it is a month's end written ``YYYY-MM-31``
    (the dashboard's series end so): stored dates are real dates, so no record falls
    between the two, and a real date lets the summaries serve the whole last month."""
    try:
        dt.date.fromisoformat(date_to)
    except ValueError:
        if len(date_to) == 10 and date_to.endswith("-31"):
            first = dt.date.fromisoformat(date_to[:8] + "01")
            following = (first + dt.timedelta(days=31)).replace(day=1)
            return (following - dt.timedelta(days=1)).isoformat()
    return date_to


class PgDashboardQueries:
    """The dashboard's figures from one HQ database (see the module contract)."""

    def __init__(self, db: HqDatabase | None = None, conn: Conn | None = None) -> None:
        """Read through ``db``'s pool (a connection per query), or all through ``conn`` (one
        transaction the caller holds and ends: the dashboard's twenty-odd queries then cost
        one borrowing and one rollback)."""
        self._db = db
        self._conn = conn
        self._figures = PgFigures(db, conn)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        query = D.params(sql).encode()
        if self._conn is not None:
            return self._conn.execute(query, tuple(params)).fetchall()
        assert self._db is not None
        with self._db.connection() as conn:
            rows = conn.execute(query, tuple(params)).fetchall()
            conn.rollback()
        return rows

    def _scope(self, date_from: str, date_to: str) -> Scope:
        return Scope(_start(date_from), _real_day(date_to))

    # --- headline (tipdesk stats) ----------------------------------------------------------
    def headline(self, date_from: str, date_to: str) -> dict[str, Any]:
        """What :func:`tipdesk.store.queries.headline` gives for the period."""
        scope = self._scope(date_from, date_to)
        f = self._figures
        convicted = sum(int(r[4]) for r in f.judgment_rows(scope) if r[2] == "convicted")
        out: dict[str, Any] = {
            "cases_registered": sum(int(r[3]) for r in f.case_rows(scope)),
            "accused_proceeded_against": sum(int(r[2]) for r in f.accused_proceeded_rows(scope)),
            "accused_convicted": convicted,
        }
        by_both = self.victims_by_gender_and_age(date_from, date_to)
        by_gender = {g: sum(groups.values()) for g, groups in by_both.items()}
        by_age = {"child": 0, "adult": 0, "unknown": 0}
        for groups in by_both.values():
            for group, n in groups.items():
                by_age[group] += n
        out["victims_identified"] = sum(by_gender.values())
        out["victims_by_gender"] = dict(sorted((g, n) for g, n in by_gender.items() if n))
        out["victims_by_age_group"] = by_age
        # As the SQLCipher store's: only the groups that occur, per gender.
        out["victims_by_gender_and_age_group"] = dict(
            sorted(
                (g, {k: n for k, n in groups.items() if n})
                for g, groups in by_both.items()
                if any(groups.values())
            )
        )
        sessions, trained = self._rows(
            "SELECT count(*), sum(participants_total) FROM trainings WHERE deleted = 0 "
            "AND coalesce(end_on, start_on) BETWEEN ? AND ?",
            (date_from, date_to),
        )[0]
        out["training_sessions"], out["persons_trained"] = int(sessions or 0), int(trained or 0)
        campaigns, reached = self._rows(
            "SELECT count(*), sum(people_reached) FROM campaigns WHERE deleted = 0 "
            "AND start_on BETWEEN ? AND ?",
            (date_from, date_to),
        )[0]
        out["awareness_campaigns"], out["people_reached"] = int(campaigns or 0), int(reached or 0)
        return out

    # --- the dashboard (tipdesk.store.dashboard_queries' functions) -----------------------
    def cases_by_stage(self, date_from: str, date_to: str) -> dict[str, int]:
        """Cases registered in the period, by current stage (every stage, 0 if none)."""
        found: dict[str, int] = {}
        for _district, stage, _month, n, *_ in self._figures.case_rows(
            self._scope(date_from, date_to)
        ):
            found[str(stage)] = found.get(str(stage), 0) + int(n)
        return {s.value: found.get(s.value, 0) for s in Stage}

    def convicted_accused_of_cases(self, date_from: str, date_to: str) -> int:
        """Accused convicted in the cases registered in the period (the funnel's last step)."""
        rows = self._rows(
            "SELECT count(*) FROM accused AS a JOIN cases AS c ON c.id = a.case_id "
            "WHERE a.deleted = 0 AND c.deleted = 0 AND a.outcome = 'convicted' "
            "AND c.registered_on BETWEEN ? AND ?",
            (date_from, date_to),
        )
        return int(rows[0][0] or 0)

    def cases_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        """Cases registered per month (months without cases are absent)."""
        out: dict[str, int] = {}
        for _district, _stage, month, n, *_ in self._figures.case_rows(
            self._scope(first_day, last_day)
        ):
            if month and int(n):
                out[str(month)] = out.get(str(month), 0) + int(n)
        return out

    def convictions_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        """Accused convicted per month of judgment."""
        out: dict[str, int] = {}
        for _district, _gender, outcome, month, n in self._figures.judgment_rows(
            self._scope(first_day, last_day)
        ):
            if outcome == "convicted" and month and int(n):
                out[str(month)] = out.get(str(month), 0) + int(n)
        return out

    def _monthly(self, sql: str, first_day: str, last_day: str) -> dict[str, int]:
        return {str(m): int(n or 0) for m, n in self._rows(sql, (first_day, last_day)) if m}

    def trained_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        """People trained per month in which their session ended (or started, without one)."""
        return self._monthly(
            "SELECT substr(coalesce(end_on, start_on), 1, 7) AS m, sum(participants_total) "
            "FROM trainings WHERE deleted = 0 AND coalesce(end_on, start_on) BETWEEN ? AND ? "
            "GROUP BY m",
            first_day,
            last_day,
        )

    def campaigns_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        """Awareness campaigns per month in which they started."""
        return self._monthly(
            "SELECT substr(start_on, 1, 7) AS m, count(*) FROM campaigns WHERE deleted = 0 "
            "AND start_on BETWEEN ? AND ? GROUP BY m",
            first_day,
            last_day,
        )

    def victims_by_gender_and_age(self, date_from: str, date_to: str) -> dict[str, dict[str, int]]:
        """Victims identified in the period: gender -> {"child", "adult", "unknown"} -> count."""
        out: dict[str, dict[str, int]] = {}
        for _district, gender, group, _nationality, n in self._figures.victim_rows(
            self._scope(date_from, date_to)
        ):
            if not int(n):
                continue
            counts = out.setdefault(str(gender), {"child": 0, "adult": 0, "unknown": 0})
            counts[str(group)] += int(n)
        return out

    def record_counts(self) -> dict[str, int]:
        """How many live records of each top-level kind the database holds."""
        sql = " UNION ALL ".join(
            f"SELECT '{kind}', count(*) FROM {table} WHERE deleted = 0"  # noqa: S608 (our names)
            for kind, table in _KIND_TABLES.items()
        )
        return {str(kind): int(n) for kind, n in self._rows(sql)}
