"""The national report's figures from the PostgreSQL HQ database.

Contract: :class:`PgFigures` answers what :class:`tipdesk.reports.build.Figures` asks, value
for value and row for row what :mod:`tipdesk.store.report_queries` gives on the SQLCipher
store for the same records (the report built on either engine is byte-identical; the tests
compare them). Counting rules are that module's (the definitions of
``docs/report-definitions.md``): these queries are its ``_raw_*`` definitions, written with
:data:`~tipdesk.hqstore.dialect.POSTGRES` where the engines differ, and read the record rows
for the whole period in their ``raw_*`` form; the report reads cases, accused and victims of
whole months from the per-month summary tables (:mod:`tipdesk.hqstore.summaries`), as the
SQLCipher store does.

Rows come back in the order SQLite's ``GROUP BY`` gives them (group columns ascending, NULL
first, the ``C`` collation), every count and sum as a Python ``int``. Read only; thread-safe
(each call borrows a pooled connection).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.store.report_queries import Row, Scope
from tipdesk.store.report_queries import _merge as merge_parts
from tipdesk.store.report_queries import _split as split_period

D = POSTGRES


def _age() -> str:
    years = D.years_between("date_of_birth", "identified_on")
    return (
        "coalesce(age, CASE WHEN date_of_birth IS NOT NULL AND identified_on IS NOT NULL "
        f"THEN {years} END)"
    )


AGE_GROUP = (
    f"CASE WHEN {_age()} IS NULL THEN 'unknown' WHEN {_age()} < 18 THEN 'child' ELSE 'adult' END"
)


_ACTION = D.count_true("official_involvement = 1 AND trim(official_action) <> ''")


def _order(n: int) -> str:
    return "ORDER BY " + ", ".join(f"{i} NULLS FIRST" for i in range(1, n + 1))


def _int(value: Any) -> Any:
    # sum() of bigint is numeric in PostgreSQL (Decimal in Python): SQLite's is an integer.
    return int(value) if value is not None and not isinstance(value, (str, int)) else value


def _in(col: str, values: Sequence[str]) -> tuple[str, list[Any]]:
    return f"{col} = ANY(%s)", [list(values)]


class PgFigures:
    """The report's figures from one HQ database (see the module contract)."""

    def __init__(self, db: HqDatabase | None = None, conn: Conn | None = None) -> None:
        """Read through ``db``'s pool, or through ``conn`` (a transaction's own state: a
        copy being proved before it commits)."""
        self._db = db
        self._conn = conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        query = D.params(sql).encode()
        if self._conn is not None:
            rows = self._conn.execute(query, tuple(params)).fetchall()
        else:
            assert self._db is not None
            with self._db.connection() as conn:
                rows = conn.execute(query, tuple(params)).fetchall()
                conn.rollback()
        return [tuple(_int(v) for v in r) for r in rows]

    @staticmethod
    def _where(scope: Scope, date_col: str, district_col: str | None) -> tuple[str, list[Any]]:
        sql = f"{date_col} BETWEEN ? AND ?"
        params: list[Any] = [scope.date_from, scope.date_to]
        if scope.districts is not None and district_col is not None:
            sql += f" AND {district_col} = ANY(?)"
            params.append(list(scope.districts))
        return sql, params

    @staticmethod
    def _district_filter(col: str, scope: Scope) -> tuple[str, list[Any]]:
        if scope.districts is None:
            return "", []
        return f"WHERE {col} = ANY(?)", [list(scope.districts)]

    # --- the report's figures ----------------------------------------------------------------
    # Cases, accused and victims: the whole months of the period from the summary tables
    # (:mod:`tipdesk.hqstore.summaries`), the days of a partial first or last month from the
    # record rows (the ``raw_*`` definitions), merged group by group as the SQLCipher store's
    # report_queries does.
    def _by_month(
        self, scope: Scope, raw: Callable[[Scope], list[Row]], summary: str, keys: int
    ) -> list[Row]:
        months, edges = split_period(scope)
        parts = [raw(e) for e in edges]
        if months is not None:
            cond, params = self._where(
                Scope(months[0], months[1], scope.districts), "month", "district"
            )
            parts.append(self._rows(summary.format(cond=cond) + " " + _order(keys), params))
        return merge_parts(parts, keys)

    def case_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_case_rows,
            "SELECT district, stage, month, cases, official, action FROM report_cases "
            "WHERE {cond} AND cases > 0",
            3,
        )

    def accused_proceeded_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_accused_proceeded_rows,
            "SELECT district, gender, CAST(sum(n) AS bigint) FROM report_proceeded "
            "WHERE {cond} GROUP BY district, gender HAVING sum(n) > 0",
            2,
        )

    def judgment_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_judgment_rows,
            "SELECT district, gender, outcome, month, n FROM report_judgments "
            "WHERE {cond} AND n > 0",
            4,
        )

    def law_case_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_law_case_rows,
            "SELECT district, law, month, cases FROM report_law_cases WHERE {cond} AND cases > 0",
            3,
        )

    def law_accused_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_law_accused_rows,
            "SELECT district, law, official, event, month, n FROM report_law_accused "
            "WHERE {cond} AND n > 0",
            5,
        )

    def victim_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_victim_rows,
            "SELECT district, gender, age_group, nationality, CAST(sum(n) AS bigint) "
            "FROM report_victims WHERE {cond} "
            "GROUP BY district, gender, age_group, nationality HAVING sum(n) > 0",
            4,
        )

    def victim_form_rows(self, scope: Scope) -> list[Row]:
        return self._by_month(
            scope,
            self.raw_victim_form_rows,
            "SELECT gender, age_group, CASE WHEN no_form = 1 THEN NULL ELSE form END AS f, "
            "CAST(sum(n) AS bigint) FROM report_victim_forms WHERE {cond} "
            "GROUP BY gender, age_group, no_form, form HAVING sum(n) > 0",
            3,
        )

    def raw_case_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._where(scope, "registered_on", "district")
        return self._rows(
            f"SELECT district, stage, {D.month('registered_on')} AS month, count(*), "  # noqa: S608
            "CAST(sum(official_involvement) AS bigint), "
            f"{_ACTION} "
            f"FROM cases WHERE deleted = 0 AND {cond} GROUP BY district, stage, month {_order(3)}",
            params,
        )

    def raw_accused_proceeded_rows(self, scope: Scope) -> list[Row]:
        own, own_params = self._where(Scope(scope.date_from, scope.date_to), "proceeded_on", None)
        district = self._district_filter("c.district", scope)
        return self._rows(
            "SELECT c.district, a.gender, CAST(sum(a.n) AS bigint) FROM ("  # noqa: S608
            "SELECT case_id, gender, count(*) AS n "
            f"FROM accused WHERE deleted = 0 AND {own} GROUP BY case_id, gender) AS a "
            f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
            f"GROUP BY c.district, a.gender {_order(2)}",
            [*own_params, *district[1]],
        )

    def raw_judgment_rows(self, scope: Scope) -> list[Row]:
        own, own_params = self._where(Scope(scope.date_from, scope.date_to), "judgment_on", None)
        district = self._district_filter("c.district", scope)
        return self._rows(
            "SELECT c.district, a.gender, a.outcome, a.month, CAST(sum(a.n) AS bigint) FROM ("  # noqa: S608
            f"SELECT case_id, gender, outcome, {D.month('judgment_on')} AS month, count(*) AS n "
            f"FROM accused WHERE deleted = 0 AND outcome <> 'pending' AND {own} "
            "GROUP BY case_id, gender, outcome, month) AS a "
            f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
            f"GROUP BY c.district, a.gender, a.outcome, a.month {_order(4)}",
            [*own_params, *district[1]],
        )

    def raw_law_case_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._where(scope, "registered_on", "district")
        return self._rows(
            f"SELECT district, law, {D.month('registered_on')} AS month, count(*) "  # noqa: S608
            f"FROM cases WHERE deleted = 0 AND {cond} GROUP BY district, law, month {_order(3)}",
            params,
        )

    def raw_law_accused_rows(self, scope: Scope) -> list[Row]:
        whole = Scope(scope.date_from, scope.date_to)
        proceeded, p_params = self._where(whole, "proceeded_on", None)
        judged, j_params = self._where(whole, "judgment_on", None)
        district = self._district_filter("c.district", scope)
        official = D.as_int("role = 'official'")
        return self._rows(
            "SELECT c.district, c.law, a.official, a.event, a.month, CAST(sum(a.n) AS bigint) "  # noqa: S608
            f"FROM (SELECT case_id, {official} AS official, 'proceeded' AS event, "
            f"{D.month('proceeded_on')} AS month, count(*) AS n FROM accused "
            f"WHERE deleted = 0 AND {proceeded} GROUP BY 1, 2, 3, 4 "
            "UNION ALL "
            f"SELECT case_id, {official}, outcome, {D.month('judgment_on')}, count(*) "
            f"FROM accused WHERE deleted = 0 AND outcome <> 'pending' AND {judged} "
            "GROUP BY 1, 2, 3, 4) AS a "
            f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
            f"GROUP BY c.district, c.law, a.official, a.event, a.month {_order(5)}",
            [*p_params, *j_params, *district[1]],
        )

    def raw_victim_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._where(scope, "identified_on", "district")
        return self._rows(
            f"SELECT district, gender, {AGE_GROUP} AS grp, nationality, count(*) "  # noqa: S608
            f"FROM victims WHERE deleted = 0 AND {cond} "
            f"GROUP BY district, gender, grp, nationality {_order(4)}",
            params,
        )

    def raw_victim_form_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._where(scope, "identified_on", "district")
        return self._rows(
            f"SELECT gender, {AGE_GROUP} AS grp, f.value AS form, count(*) "  # noqa: S608
            f"FROM victims LEFT JOIN LATERAL {D.json_array('victims.exploitation_forms', 'f')} "
            f"ON true WHERE deleted = 0 AND {cond} GROUP BY gender, grp, form {_order(3)}",
            params,
        )

    def referral_rows(self, scope: Scope) -> list[Row]:
        if scope.districts is None:
            cond, params = self._where(scope, "r.referred_on", None)
            join = ""
        else:
            cond, params = self._where(scope, "r.referred_on", "v.district")
            join = "JOIN victims AS v ON v.id = r.victim_id"
        return self._rows(
            "SELECT r.service, r.outcome, count(*) "  # noqa: S608
            f"FROM referrals AS r {join} WHERE r.deleted = 0 AND {cond} "
            f"GROUP BY r.service, r.outcome {_order(2)}",
            params,
        )

    @staticmethod
    def _training_where(scope: Scope) -> tuple[str, list[Any]]:
        params: list[Any] = [scope.date_from, scope.date_to] * 2
        sql = (
            "(deleted = 0 AND (end_on BETWEEN ? AND ? OR "
            "(end_on IS NULL AND start_on BETWEEN ? AND ?)))"
        )
        if scope.districts is not None:
            sql += " AND district = ANY(?)"
            params.append(list(scope.districts))
        return sql, params

    def training_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._training_where(scope)
        return self._rows(
            "SELECT district, count(*), CAST(sum(participants_total) AS bigint), "  # noqa: S608
            "CAST(sum(participants_female) AS bigint), CAST(sum(participants_male) AS bigint), "
            "CAST(sum(participants_transgender) AS bigint) "
            f"FROM trainings WHERE {cond} GROUP BY district {_order(1)}",
            params,
        )

    def training_agency_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._training_where(scope)
        return self._rows(
            "SELECT a.key, CAST(sum(a.value) AS bigint) FROM trainings "  # noqa: S608
            f"CROSS JOIN LATERAL {D.json_object('trainings.participants_by_agency', 'a')} "
            f"WHERE {cond} GROUP BY a.key {_order(1)}",
            params,
        )

    def campaign_rows(self, scope: Scope) -> list[Row]:
        cond, params = self._where(scope, "start_on", "district")
        return self._rows(
            "SELECT district, department, count(*), CAST(sum(people_reached) AS bigint) "  # noqa: S608
            f"FROM campaigns WHERE deleted = 0 AND {cond} GROUP BY district, department "
            f"{_order(2)}",
            params,
        )

    def headline_counts(self, scope: Scope) -> dict[str, int]:
        out: dict[str, int] = {
            "cases_registered": sum(int(r[3]) for r in self.case_rows(scope)),
            "accused_proceeded_against": sum(int(r[2]) for r in self.accused_proceeded_rows(scope)),
            "accused_convicted": 0,
            "accused_acquitted": 0,
            "victims_identified": sum(int(r[4]) for r in self.victim_rows(scope)),
        }
        for _district, _gender, outcome, _month, n in self.judgment_rows(scope):
            if outcome in ("convicted", "acquitted"):
                out[f"accused_{outcome}"] += int(n)
        cond, params = self._training_where(scope)
        sessions, trained = self._rows(
            f"SELECT count(*), sum(participants_total) FROM trainings WHERE {cond}",  # noqa: S608
            params,
        )[0]
        out["training_sessions"], out["persons_trained"] = int(sessions or 0), int(trained or 0)
        cond, params = self._where(scope, "start_on", "district")
        campaigns, reached = self._rows(
            "SELECT count(*), sum(people_reached) FROM campaigns "  # noqa: S608
            f"WHERE deleted = 0 AND {cond}",
            params,
        )[0]
        out["awareness_campaigns"], out["people_reached"] = int(campaigns or 0), int(reached or 0)
        return out

    # --- coverage ------------------------------------------------------------------------
    def latest_update_by_district(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for table in ("cases", "victims", "trainings", "campaigns"):
            t = identifier(table)
            # One district at a time from the (district, updated_at) index, the next being
            # the smallest after the last (as the SQLCipher store reads it): the cost grows
            # with the districts, where a GROUP BY reads every row of the table.
            rows = self._rows(
                "WITH RECURSIVE d(x) AS ("  # noqa: S608 (table names are ours)
                f"SELECT (SELECT min(district) FROM {t}) UNION ALL "
                f"SELECT (SELECT min(district) FROM {t} WHERE district > d.x) "
                "FROM d WHERE d.x IS NOT NULL) "
                f"SELECT x, (SELECT max(updated_at) FROM {t} WHERE district = d.x) "
                "FROM d WHERE x IS NOT NULL"
            )
            for district, at in rows:
                if district and at is not None:
                    key, value = str(district), str(at)
                    out[key] = max(out.get(key, value), value)
        return out

    def bundle_dates(self) -> dict[str, str] | None:
        rows = self._rows(
            "SELECT d.district, max(b.created_at) FROM sync_bundles AS b "
            "JOIN sync_devices AS d ON d.device_id = b.device_id GROUP BY d.district"
        )
        return {str(d): str(t) for d, t in rows if d and t}

    def devices(self) -> dict[str, int] | None:
        rows = self._rows(
            "SELECT district, count(*) FROM sync_devices WHERE revoked_at IS NULL GROUP BY district"
        )
        return {str(d): int(n) for d, n in rows if d}

    def quarantine(self) -> dict[str, dict[str, int]] | None:
        rows = self._rows(
            "SELECT d.district, q.kind, count(DISTINCT q.record_id) FROM sync_quarantine AS q "
            "JOIN sync_devices AS d ON d.device_id = q.device_id WHERE q.status = 'open' "
            "GROUP BY d.district, q.kind"
        )
        out: dict[str, dict[str, int]] = {}
        for district, kind, n in rows:
            out.setdefault(str(district), {})[str(kind)] = int(n)
        return out
