"""Read-only aggregate queries behind the national report, the standard exports, linked cases
and data quality. Definitions: ``docs/report-definitions.md``.

Contract:
- Read only: nothing here writes.
- Speed (schema 3, ``migrations._step_2_to_3``; the split by law, schema 6): cases, accused and
  victims are counted from per-month summary tables that triggers keep equal to the record
  rows; a period's whole months come from them and only its partial first and last months
  from the record rows (the ``_raw_*`` functions, which define the figures). Referrals and
  campaigns are read from covering indexes; coverage's latest change per district from
  ``(district, updated_at)`` indexes, one district at a time.
- Aggregation happens in SQL: each function returns grouped rows (a few hundred at most for a
  national report), never one row per record, except the streaming export iterators.
- Counting rules are those of :func:`tipdesk.store.queries.headline`: deleted records never
  count; each figure is dated by its own event date; periods are inclusive ISO dates. Summing a
  breakdown's rows gives the headline figure, because both come from the same rows.
- A :class:`Scope` with ``districts`` restricts every figure to records of those districts
  (accused through their case's district, referrals through their victim's district).
- Tables that other parts of TIPDesk add later (sync's bundles and quarantine) are looked up in
  ``sqlite_master`` first: a store without them answers ``None``, never an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.store.queries import AGE_AT_IDENTIFICATION, AGE_GROUP
from tipdesk.store.store import Store

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Scope:
    """The records a report covers: an inclusive period of ISO dates (``YYYY-MM-DD``) and,
    when ``districts`` is not ``None``, only those districts (codes)."""

    date_from: str
    date_to: str
    districts: tuple[str, ...] | None = None

    def where(self, date_col: str, district_col: str | None) -> tuple[str, list[Any]]:
        """SQL condition (after ``WHERE``) and its parameters for this scope.

        The district test is written ``+district IN (...)``: the unary plus keeps SQLite from
        reading the rows through a ``(district, updated_at)`` index (coverage's). Without
        statistics the planner takes an ``IN`` on an index for more selective than a date
        range, and read every record of a province's districts (all years) to count one
        month: a Punjab month took 11 s on a 1,000,000-case store, against 0.04 s nationally."""
        sql = f"{date_col} BETWEEN ? AND ?"
        params: list[Any] = [self.date_from, self.date_to]
        if self.districts is not None and district_col is not None:
            sql += f" AND +{district_col} IN ({', '.join('?' for _ in self.districts)})"
            params += list(self.districts)
        return sql, params


def _month(col: str) -> str:
    return f"substr({col}, 1, 7)"


# --- the report's figures ------------------------------------------------------------------
#
# Each figure of cases, accused and victims is read from its summary table for the whole
# calendar months of the period and from the record rows (``_raw_*``) for the days of a partial
# first or last month; the parts are merged group by group. The summaries hold exactly the
# counts the ``_raw_*`` queries give for a whole month (see ``migrations._step_2_to_3``), so
# the result is the same as reading the record rows for the whole period.


def _split(scope: Scope) -> tuple[tuple[str, str] | None, list[Scope]]:
    """The whole months of ``scope`` (first and last ``YYYY-MM``, or ``None``) and the scopes
    of the days before and after them (none when the period starts on a 1st and ends on the
    last day of a month)."""
    try:
        start = dt.date.fromisoformat(scope.date_from)
        end = dt.date.fromisoformat(scope.date_to)
    except ValueError:
        return None, [scope]
    if end < start:
        return None, []
    first = start if start.day == 1 else _next_month(start)
    after = _next_month(end)  # the 1st of the month after the period's last month
    last = end if end + dt.timedelta(days=1) == after else end.replace(day=1) - dt.timedelta(days=1)
    if first > last:
        return None, [scope]
    edges = []
    if start < first:
        edges.append(
            Scope(scope.date_from, (first - dt.timedelta(days=1)).isoformat(), scope.districts)
        )
    if last < end:
        edges.append(
            Scope((last + dt.timedelta(days=1)).isoformat(), scope.date_to, scope.districts)
        )
    return (first.isoformat()[:7], last.isoformat()[:7]), edges


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months_where(months: tuple[str, str], scope: Scope) -> tuple[str, list[Any]]:
    return Scope(months[0], months[1], scope.districts).where("month", "district")


def _sort_key(values: Sequence[Any]) -> tuple[tuple[int, str, Any], ...]:
    # GROUP BY order, with None first and values of different types kept apart.
    return tuple((0, "", 0) if v is None else (1, type(v).__name__, v) for v in values)


def _merge(parts: list[list[Row]], keys: int) -> list[Row]:
    """Rows of several parts of a period, with the counts (the columns after the first
    ``keys``) of the same group added up, in group order. One part is returned as it is."""
    if len(parts) == 1:
        return parts[0]
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for rows in parts:
        for row in rows:
            key = tuple(row[:keys])
            found = groups.get(key)
            if found is None:
                groups[key] = list(row[keys:])
            else:
                for i, value in enumerate(row[keys:]):
                    found[i] += value
    return [(*k, *v) for k, v in sorted(groups.items(), key=lambda kv: _sort_key(kv[0]))]


def _by_month(
    store: Store, scope: Scope, raw: Callable[[Store, Scope], list[Row]], summary: str, keys: int
) -> list[Row]:
    """A figure's rows for ``scope``: its whole months from the summary table (``summary``,
    a query whose ``{cond}`` selects months and districts), the days of a partial first or
    last month from the record rows (``raw``), the counts after the first ``keys`` columns of
    the same group added up."""
    months, edges = _split(scope)
    parts = [raw(store, e) for e in edges]
    if months is not None:
        cond, params = _months_where(months, scope)
        parts.append(store.query(summary.format(cond=cond), params))
    return _merge(parts, keys)


def case_rows(store: Store, scope: Scope) -> list[Row]:
    """Cases registered in the period: ``(district, stage, month, cases, with official
    involvement, of which with an action recorded)``."""
    return _by_month(
        store,
        scope,
        _raw_case_rows,
        (
            "SELECT district, stage, month, cases, official, action "
            "FROM report_cases WHERE {cond} AND cases > 0"
        ),
        3,
    )


def accused_proceeded_rows(store: Store, scope: Scope) -> list[Row]:
    """Accused proceeded against (challan) in the period, by the date proceeded against:
    ``(district of the case, gender, accused)``."""
    return _by_month(
        store,
        scope,
        _raw_accused_proceeded_rows,
        (
            "SELECT district, gender, sum(n) FROM report_proceeded "
            "WHERE {cond} GROUP BY district, gender HAVING sum(n) > 0"
        ),
        2,
    )


def judgment_rows(store: Store, scope: Scope) -> list[Row]:
    """Judgments in the period, by judgment date: ``(district of the case, gender, outcome,
    month, accused)`` for outcomes convicted, acquitted and discharged."""
    return _by_month(
        store,
        scope,
        _raw_judgment_rows,
        ("SELECT district, gender, outcome, month, n FROM report_judgments WHERE {cond} AND n > 0"),
        4,
    )


def victim_rows(store: Store, scope: Scope) -> list[Row]:
    """Victims identified in the period: ``(district, gender, age group, nationality,
    victims)``; the age group is child, adult or unknown at identification."""
    return _by_month(
        store,
        scope,
        _raw_victim_rows,
        (
            "SELECT district, gender, age_group, nationality, sum(n) "
            "FROM report_victims WHERE {cond} "
            "GROUP BY district, gender, age_group, nationality HAVING sum(n) > 0"
        ),
        4,
    )


def victim_form_rows(store: Store, scope: Scope) -> list[Row]:
    """Victims identified in the period by form of exploitation: ``(gender, age group, form or
    None, victims)``. A victim counts once under each form recorded (the shares may add up to
    more than 100%) and once under ``None`` when no form is recorded."""
    return _by_month(
        store,
        scope,
        _raw_victim_form_rows,
        (
            "SELECT gender, age_group, CASE WHEN no_form THEN NULL ELSE form END, "
            "sum(n) FROM report_victim_forms WHERE {cond} "
            "GROUP BY gender, age_group, no_form, form HAVING sum(n) > 0"
        ),
        3,
    )


def law_case_rows(store: Store, scope: Scope) -> list[Row]:
    """Cases registered in the period by law (schema 6): ``(district, law, month, cases)``."""
    return _by_month(
        store,
        scope,
        _raw_law_case_rows,
        "SELECT district, law, month, cases FROM report_law_cases WHERE {cond} AND cases > 0",
        3,
    )


def law_accused_rows(store: Store, scope: Scope) -> list[Row]:
    """Accused proceeded against (by the date proceeded against) and judged (by the judgment
    date) in the period, by their case's law and whether they are officials (schema 6):
    ``(district, law, official (0/1), event, month, accused)``, where ``event`` is
    ``proceeded`` or the outcome (``convicted``, ``acquitted``, ``discharged``)."""
    return _by_month(
        store,
        scope,
        _raw_law_accused_rows,
        (
            "SELECT district, law, official, event, month, n FROM report_law_accused "
            "WHERE {cond} AND n > 0"
        ),
        5,
    )


# The figures' definitions: the record rows of a period (any period; used for the days of
# partial months, and by the tests as the reference the summaries must agree with).


def _raw_law_case_rows(store: Store, scope: Scope) -> list[Row]:
    """Cases registered in the period by law: ``(district, law, month, cases)``."""
    cond, params = scope.where("registered_on", "district")
    return store.query(
        f"SELECT district, law, {_month('registered_on')} AS month, count(*) "  # noqa: S608
        f"FROM cases WHERE deleted = 0 AND {cond} GROUP BY district, law, month",
        params,
    )


def _raw_law_accused_rows(store: Store, scope: Scope) -> list[Row]:
    """Accused proceeded against and judged in the period by their case's law and whether
    they are officials: ``(district, law, official, event, month, accused)``."""
    proceeded, p_params = Scope(scope.date_from, scope.date_to).where("proceeded_on", None)
    judged, j_params = Scope(scope.date_from, scope.date_to).where("judgment_on", None)
    district = _district_filter("c.district", scope)
    return store.query(
        "SELECT c.district, c.law, a.official, a.event, a.month, sum(a.n) FROM ("  # noqa: S608
        f"SELECT case_id, role = 'official' AS official, 'proceeded' AS event, "
        f"{_month('proceeded_on')} AS month, count(*) AS n FROM accused "
        f"WHERE deleted = 0 AND {proceeded} GROUP BY case_id, official, month "
        "UNION ALL "
        f"SELECT case_id, role = 'official', outcome, {_month('judgment_on')}, count(*) "
        f"FROM accused WHERE deleted = 0 AND outcome != 'pending' AND {judged} "
        "GROUP BY 1, 2, 3, 4) AS a "
        f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
        "GROUP BY c.district, c.law, a.official, a.event, a.month",
        [*p_params, *j_params, *district[1]],
    )


def _raw_case_rows(store: Store, scope: Scope) -> list[Row]:
    """Cases registered in the period: ``(district, stage, month, cases, with official
    involvement, of which with an action recorded)``."""
    cond, params = scope.where("registered_on", "district")
    return store.query(
        f"SELECT district, stage, {_month('registered_on')} AS month, count(*), "  # noqa: S608
        "sum(official_involvement), "
        "sum(official_involvement = 1 AND trim(official_action) != '') "
        f"FROM cases WHERE deleted = 0 AND {cond} GROUP BY district, stage, month",
        params,
    )


def _raw_accused_proceeded_rows(store: Store, scope: Scope) -> list[Row]:
    """Accused proceeded against (challan) in the period, by the date proceeded against:
    ``(district of the case, gender, accused)``.

    The accused are first grouped by case, so the case is looked up once per case rather than
    once per accused (five accused per case is common)."""
    own, own_params = Scope(scope.date_from, scope.date_to).where("proceeded_on", None)
    district = _district_filter("c.district", scope)
    return store.query(
        "SELECT c.district, a.gender, sum(a.n) FROM ("  # noqa: S608
        "SELECT case_id, gender, count(*) AS n "
        f"FROM accused WHERE deleted = 0 AND {own} GROUP BY case_id, gender) AS a "
        f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
        "GROUP BY c.district, a.gender",
        [*own_params, *district[1]],
    )


def _raw_judgment_rows(store: Store, scope: Scope) -> list[Row]:
    """Judgments in the period, by judgment date: ``(district of the case, gender, outcome,
    month, accused)`` for outcomes convicted, acquitted and discharged."""
    own, own_params = Scope(scope.date_from, scope.date_to).where("judgment_on", None)
    district = _district_filter("c.district", scope)
    return store.query(
        "SELECT c.district, a.gender, a.outcome, a.month, sum(a.n) FROM ("  # noqa: S608
        f"SELECT case_id, gender, outcome, {_month('judgment_on')} AS month, count(*) AS n "
        f"FROM accused WHERE deleted = 0 AND outcome != 'pending' AND {own} "
        "GROUP BY case_id, gender, outcome, month) AS a "
        f"JOIN cases AS c ON c.id = a.case_id {district[0]} "
        "GROUP BY c.district, a.gender, a.outcome, a.month",
        [*own_params, *district[1]],
    )


def _district_filter(col: str, scope: Scope) -> tuple[str, list[Any]]:
    if scope.districts is None:
        return "", []
    # ``+``: see Scope.where (the case is found by its id, never by its district).
    return f"WHERE +{col} IN ({', '.join('?' for _ in scope.districts)})", list(scope.districts)


def _raw_victim_rows(store: Store, scope: Scope) -> list[Row]:
    """Victims identified in the period: ``(district, gender, age group, nationality,
    victims)``; the age group is child, adult or unknown at identification."""
    cond, params = scope.where("identified_on", "district")
    return store.query(
        f"SELECT district, gender, {AGE_GROUP} AS grp, nationality, count(*) "  # noqa: S608
        f"FROM victims WHERE deleted = 0 AND {cond} GROUP BY district, gender, grp, nationality",
        params,
    )


def _raw_victim_form_rows(store: Store, scope: Scope) -> list[Row]:
    """Victims identified in the period by form of exploitation: ``(gender, age group, form or
    None, victims)``. A victim counts once under each form recorded (the shares may add up to
    more than 100%) and once under ``None`` when no form is recorded."""
    cond, params = scope.where("identified_on", "district")
    return store.query(
        f"SELECT gender, {AGE_GROUP} AS grp, f.value AS form, count(*) "  # noqa: S608
        "FROM victims LEFT JOIN json_each(victims.exploitation_forms) AS f "
        f"WHERE deleted = 0 AND {cond} GROUP BY gender, grp, form",
        params,
    )


def referral_rows(store: Store, scope: Scope) -> list[Row]:
    """Referrals made in the period, by referral date: ``(service, outcome, referrals)``."""
    if scope.districts is None:
        cond, params = scope.where("r.referred_on", None)
        join = ""
    else:
        cond, params = scope.where("r.referred_on", "v.district")
        join = "JOIN victims AS v ON v.id = r.victim_id"
    return store.query(
        "SELECT r.service, r.outcome, count(*) "  # noqa: S608
        f"FROM referrals AS r {join} WHERE r.deleted = 0 AND {cond} "
        "GROUP BY r.service, r.outcome",
        params,
    )


# Training sessions are dated by their end date, or the start date when no end is recorded;
# written as an OR (not coalesce) so both date indexes can be used.
_TRAINING_DATE = (
    "(deleted = 0 AND (end_on BETWEEN ? AND ? OR (end_on IS NULL AND start_on BETWEEN ? AND ?)))"
)


def _training_where(scope: Scope) -> tuple[str, list[Any]]:
    params: list[Any] = [scope.date_from, scope.date_to] * 2
    sql = _TRAINING_DATE
    if scope.districts is not None:
        sql += f" AND +district IN ({', '.join('?' for _ in scope.districts)})"  # see Scope.where
        params += list(scope.districts)
    return sql, params


def training_rows(store: Store, scope: Scope) -> list[Row]:
    """Training sessions ended in the period: ``(district, sessions, persons trained,
    female, male, transgender)``."""
    cond, params = _training_where(scope)
    return store.query(
        "SELECT district, count(*), sum(participants_total), sum(participants_female), "  # noqa: S608
        "sum(participants_male), sum(participants_transgender) "
        f"FROM trainings WHERE {cond} GROUP BY district",
        params,
    )


def training_agency_rows(store: Store, scope: Scope) -> list[Row]:
    """Persons trained in the period by the agency they come from (the sessions' breakdown by
    agency): ``(agency, persons)``. Sessions without a breakdown are not in these rows."""
    cond, params = _training_where(scope)
    return store.query(
        "SELECT a.key, sum(a.value) FROM trainings, "  # noqa: S608
        f"json_each(trainings.participants_by_agency) AS a WHERE {cond} GROUP BY a.key",
        params,
    )


def campaign_rows(store: Store, scope: Scope) -> list[Row]:
    """Awareness campaigns started in the period: ``(district, department, campaigns, people
    reached)``."""
    cond, params = scope.where("start_on", "district")
    return store.query(
        "SELECT district, department, count(*), sum(people_reached) "  # noqa: S608
        f"FROM campaigns WHERE deleted = 0 AND {cond} GROUP BY district, department",
        params,
    )


def headline_counts(store: Store, scope: Scope) -> dict[str, int]:
    """The headline counts alone (no breakdowns), for the comparison period: the totals of
    the same rows the breakdown functions above give."""
    out: dict[str, int] = {
        "cases_registered": sum(int(r[3]) for r in case_rows(store, scope)),
        "accused_proceeded_against": sum(int(r[2]) for r in accused_proceeded_rows(store, scope)),
        "accused_convicted": 0,
        "accused_acquitted": 0,
        "victims_identified": sum(int(r[4]) for r in victim_rows(store, scope)),
    }
    for _district, _gender, outcome, _month, n in judgment_rows(store, scope):
        if outcome in ("convicted", "acquitted"):
            out[f"accused_{outcome}"] += int(n)
    cond, params = _training_where(scope)
    sessions, trained = store.query(
        f"SELECT count(*), sum(participants_total) FROM trainings WHERE {cond}",  # noqa: S608
        params,
    )[0]
    out["training_sessions"], out["persons_trained"] = int(sessions or 0), int(trained or 0)
    cond, params = scope.where("start_on", "district")
    campaigns, reached = store.query(
        "SELECT count(*), sum(people_reached) FROM campaigns "  # noqa: S608
        f"WHERE deleted = 0 AND {cond}",
        params,
    )[0]
    out["awareness_campaigns"], out["people_reached"] = int(campaigns or 0), int(reached or 0)
    return out


# --- coverage -------------------------------------------------------------------------------


def latest_update_by_district(store: Store) -> dict[str, str]:
    """District -> the latest ``updated_at`` of its cases, victims, trainings and campaigns
    (deleted ones included: a deletion is news from the district too).

    Accused and referrals are left out: they change with their case or victim in the same save
    at the district, and scanning them would double the cost for little news. Each table is
    read one district at a time from its ``(district, updated_at)`` index (the next district
    is the smallest one after the last), so the cost grows with the number of districts, not
    of records."""
    out: dict[str, str] = {}
    for table in ("cases", "victims", "trainings", "campaigns"):
        rows = store.query(
            "WITH RECURSIVE d(x) AS ("  # noqa: S608 (table names are ours)
            f"SELECT (SELECT min(district) FROM {table}) UNION ALL "
            f"SELECT (SELECT min(district) FROM {table} WHERE district > d.x) "
            "FROM d WHERE d.x IS NOT NULL) "
            f"SELECT x, (SELECT max(updated_at) FROM {table} WHERE district = d.x) "
            "FROM d WHERE x IS NOT NULL"
        )
        for district, at in rows:
            if district and at is not None:
                key, value = str(district), str(at)
                out[key] = max(out.get(key, value), value)
    return out


def table_exists(store: Store, name: str) -> bool:
    """Whether the store has a table called ``name`` (for tables added by later features)."""
    return bool(
        store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
    )


def _columns(store: Store, table: str) -> list[str]:
    return [str(r[1]) for r in store.query(f"PRAGMA table_info({table})")]  # table name is ours


# Where sync (issue 3) keeps received bundles: ``sync_bundles(device_id, seq, created_at,
# imported_at, ...)`` with the sending device's district in ``sync_devices``. Looked up by name
# and columns at run time, so this module works with and without sync's migration. The date
# used is the bundle's creation at the district (how fresh its data is), else its import.
BUNDLE_TABLES = ("sync_bundles",)
DEVICE_TABLES = ("sync_devices",)
BUNDLE_TIME_COLUMNS = ("created_at", "imported_at", "received_at")


def last_bundle_by_district(store: Store) -> dict[str, str] | None:
    """District -> the time of the latest bundle received from it, or ``None`` when this store
    has no bundle table (sync not installed, or a store from before sync's migration)."""
    for table in BUNDLE_TABLES:
        if not table_exists(store, table):
            continue
        cols = _columns(store, table)
        at = next((c for c in BUNDLE_TIME_COLUMNS if c in cols), None)
        if at is None:
            continue
        if "district" in cols:
            return _dates(
                store.query(
                    f"SELECT district, max({at}) FROM {table} GROUP BY district"  # noqa: S608
                )
            )
        for devices in DEVICE_TABLES:
            if (
                "device_id" in cols
                and table_exists(store, devices)
                and ("district" in _columns(store, devices))
            ):
                return _dates(
                    store.query(
                        f"SELECT d.district, max(b.{at}) FROM {table} AS b "  # noqa: S608
                        f"JOIN {devices} AS d ON d.device_id = b.device_id GROUP BY d.district"
                    )
                )
    return None


def devices_by_district(store: Store) -> dict[str, int] | None:
    """District -> how many devices HQ registered for it and has not revoked, or ``None`` when
    this store has no device table (a store from before sync's migration). Coverage uses it
    to tell a district with no device from one whose device never sent anything."""
    if not table_exists(store, "sync_devices"):
        return None
    rows = store.query(
        "SELECT district, count(*) FROM sync_devices WHERE revoked_at IS NULL GROUP BY district"
    )
    return {str(d): int(n) for d, n in rows if d}


def quarantine_by_district(store: Store) -> dict[str, dict[str, int]] | None:
    """District of the sending device -> kind -> distinct records with an open quarantine
    entry at HQ (refused, so in no figure), or ``None`` without sync's tables."""
    if not (table_exists(store, "sync_quarantine") and table_exists(store, "sync_devices")):
        return None
    rows = store.query(
        "SELECT d.district, q.kind, count(DISTINCT q.record_id) FROM sync_quarantine AS q "
        "JOIN sync_devices AS d ON d.device_id = q.device_id WHERE q.status = 'open' "
        "GROUP BY d.district, q.kind"
    )
    out: dict[str, dict[str, int]] = {}
    for district, kind, n in rows:
        out.setdefault(str(district), {})[str(kind)] = int(n)
    return out


def _dates(rows: list[Row]) -> dict[str, str]:
    return {str(d): str(t) for d, t in rows if d and t}


# --- data quality ---------------------------------------------------------------------------


def victims_not_recorded(
    store: Store, limit: int
) -> tuple[int, list[tuple[str, str, str, bool, bool]]]:
    """Live victims whose gender is ``unknown`` or who have neither an age nor a date of
    birth: how many, and the first ``limit`` as ``(id, victim code, district, gender unknown,
    age unknown)`` by district and code."""
    cond = "deleted = 0 AND (gender = 'unknown' OR (age IS NULL AND date_of_birth IS NULL))"
    total = int(store.query(f"SELECT count(*) FROM victims WHERE {cond}")[0][0])  # noqa: S608
    rows = store.query(
        "SELECT id, victim_code, district, gender = 'unknown', "  # noqa: S608
        f"age IS NULL AND date_of_birth IS NULL FROM victims WHERE {cond} "
        "ORDER BY district, victim_code LIMIT ?",
        (int(limit),),
    )
    return total, [(str(a), str(b), str(c), bool(d), bool(e)) for a, b, c, d, e in rows]


# --- linked cases ---------------------------------------------------------------------------


def linked_accused_rows(store: Store, limit: int = 1000) -> list[Row]:
    """Accused CNICs found in cases of more than one district: one row per (CNIC, case):
    ``(cnic, case id, case number, district, registered on, stage, accused name, outcome)``,
    ordered by CNIC then registration date; at most ``limit`` CNICs.

    CNICs that occur more than once are found first from the CNIC index alone (no table
    rows read), so the cost is a scan of one index plus the few repeated CNICs."""
    return store.query(
        "WITH repeated AS (SELECT cnic FROM accused WHERE cnic != '' GROUP BY cnic "
        "HAVING count(*) > 1), "
        "hits AS (SELECT a.cnic, c.id AS case_id, c.case_number, c.district, c.registered_on, "
        "c.stage, a.name, a.outcome FROM repeated AS r JOIN accused AS a ON a.cnic = r.cnic "
        "JOIN cases AS c ON c.id = a.case_id WHERE a.deleted = 0 AND c.deleted = 0), "
        "linked AS (SELECT cnic FROM hits GROUP BY cnic HAVING count(DISTINCT district) > 1 "
        "ORDER BY cnic LIMIT ?) "
        "SELECT h.* FROM hits AS h JOIN linked USING (cnic) "
        "ORDER BY h.cnic, h.registered_on, h.case_number",
        (int(limit),),
    )


# --- exports: one row per victim, streamed --------------------------------------------------

EXPORT_VICTIM_COLUMNS = (
    "id",
    "district",
    "gender",
    "age",
    "nationality",
    "exploitation_forms",
    "identified_on",
    "case_id",
    "transnational",
    "route_countries",
    "means",
    "case_forms",
    "stage",
    "referral_services",
    "updated_at",
)


def export_victim_rows(
    store: Store, scope: Scope | None = None, batch: int = 5000
) -> Iterator[Row]:
    """Victims (no identifying field is ever selected) with their case's route, means and
    stage and the services they were referred to, in :data:`EXPORT_VICTIM_COLUMNS` order,
    keyset-paged by id so memory stays flat at any size. ``age`` is the age at
    identification (from the date of birth when no age is recorded)."""
    cond, params = ("1", []) if scope is None else scope.where("v.identified_on", "v.district")
    after = ""
    while True:
        rows = store.query(
            f"SELECT v.id, v.district, v.gender, {_qualified_age('v')}, "  # noqa: S608
            "v.nationality, v.exploitation_forms, v.identified_on, v.case_id, "
            "c.transnational, c.route_countries, c.means, c.exploitation_forms, c.stage, "
            "(SELECT json_group_array(DISTINCT r.service) FROM referrals AS r "
            " WHERE r.victim_id = v.id AND r.deleted = 0), v.updated_at "
            "FROM victims AS v LEFT JOIN cases AS c ON c.id = v.case_id "
            f"WHERE v.deleted = 0 AND v.id > ? AND {cond} ORDER BY v.id LIMIT ?",
            [after, *params, int(batch)],
        )
        yield from rows
        if len(rows) < batch:
            return
        after = str(rows[-1][0])


def _qualified_age(alias: str) -> str:
    expr = AGE_AT_IDENTIFICATION
    for col in ("date_of_birth", "identified_on"):
        expr = expr.replace(col, f"{alias}.{col}")
    return expr.replace("coalesce(age,", f"coalesce({alias}.age,")


# --- query plans ---------------------------------------------------------------------------


def index_names(store: Store) -> list[str]:
    """Names of the store's indexes (to check which plan a query can use)."""
    return [str(r[0]) for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")]


def explain(store: Store, sql: str, params: Sequence[Any] = ()) -> list[str]:
    """``EXPLAIN QUERY PLAN`` lines, for tests that pin a query to an index."""
    return [str(r[-1]) for r in store.query(f"EXPLAIN QUERY PLAN {sql}", params)]
