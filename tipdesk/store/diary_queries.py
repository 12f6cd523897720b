"""The diary's reads and its done marks: open hearings and the deadlines due in a date range.

Contract:
- Read-only queries take an open :class:`Store` and a :class:`Scope` (a range of *due* dates,
  an office and an investigating officer, both optional) and return :class:`DueRow` s, at most
  ``limit`` of them, with the number of matches counted up to ``cap`` (a diary with thousands
  of old deadlines still answers at once). Deleted records never appear; neither do the
  records of a deleted case or victim.
- Every query is one indexed range (schema step 7): hearings by date (``hearings_open``),
  cases by office, stage and registration date (``cases_diary``), referrals by service,
  outcome and date (``referrals_diary``, ``referrals_diary_outcome``), remand hearings by
  date and by accused (``hearings_remand_on``, ``hearings_remand``) and done marks by rule
  and next date (``diary_marks_next``).
  A due date is the anchor date plus the rule's days, so a range of due dates is a range of
  anchor dates shifted back by those days.
- The deadline rules themselves come from the caller (:mod:`tipdesk.core.deadlines`); this
  module knows only anchors and days. A done mark (:class:`DiaryMarks`) hides a deadline, or
  moves it to the next date the officer set.
- :class:`DiaryMarks` writes in one transaction with its audit entry, on the store's thread.
- The read statements run on PostgreSQL too, rewritten by
  :func:`tipdesk.hqstore.diary_reads.postgres_sql` (an HQ keeping its records there): keep
  to what it rewrites (``?``, ``INDEXED BY``, ``date(x, '+N days')``, the counted
  sub-select); the cross-engine test (``test_hq_pg_screens_reads``) shows a new SQLite-only
  spelling.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.store import audit
from tipdesk.store.driver import Connection, transaction, translated
from tipdesk.store.store import Actor, Store

CAP = 1000
"""Matches are counted up to this many; the diary says "1,000 or more" beyond."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Which items: due from ``lo`` (``None``: no earlier limit) to ``hi``, both inclusive
    ISO dates; of one office and one investigating officer when given."""

    lo: str | None
    hi: str
    office: str | None = None
    officer: str | None = None
    counted: bool = True
    """Count the matches (up to :data:`CAP`); without it a source with ``limit`` rows or more
    reports ``limit`` (a first paint that must not wait for thousands of old items)."""


@dataclass(frozen=True, slots=True)
class DueRow:
    """One item of the diary as stored: what is due, when, and the case it belongs to."""

    rule: str
    """``hearing`` or a deadline rule's code."""
    record_id: str
    """The hearing, case, accused or referral the item is about."""
    due_on: str
    case_id: str
    case_number: str
    officer: str
    office: str
    subject: str
    """The accused's name (a hearing of one accused, a challan), the victim's code (a
    referral), or empty."""
    court: str = ""
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Found:
    rows: list[DueRow]
    count: int
    """Matches, counted up to :data:`CAP`."""


def _back(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()


def _where_case(scope: Scope, alias: str = "c") -> tuple[str, list[Any]]:
    sql, params = "", []
    if scope.office is not None:
        sql += f" AND {alias}.office = ?"
        params.append(scope.office)
    if scope.officer is not None:
        sql += f" AND {alias}.investigating_officer = ?"
        params.append(scope.officer)
    return sql, params


def _range(column: str, scope: Scope, days: int = 0) -> tuple[str, list[Any]]:
    hi = _back(scope.hi, days)
    if scope.lo is None:
        return f" AND {column} <= ?", [hi]
    return f" AND {column} BETWEEN ? AND ?", [_back(scope.lo, days), hi]


def _found(
    store: Store,
    columns: str,
    body: str,
    params: Sequence[Any],
    order: str,
    limit: int,
    make: Any,
    counted: bool = True,
) -> Found:
    # Every piece of SQL here is this module's own text; values are bound parameters.
    rows = store.query(f"SELECT {columns} {body} ORDER BY {order} LIMIT {int(limit)}", params)
    if len(rows) < limit or not counted:  # all of them (or no count asked)
        return Found([make(r) for r in rows], len(rows))
    count_sql = f"SELECT count(*) FROM (SELECT 1 {body} LIMIT {CAP})"  # noqa: S608 (see above)
    count = store.query(count_sql, params)[0][0]
    return Found([make(r) for r in rows], int(count))


def hearings(store: Store, scope: Scope, *, limit: int, newest_first: bool = False) -> Found:
    """Hearings not yet recorded as held, by date (then case number)."""
    where, params = _range("h.hearing_on", scope)
    case_where, case_params = _where_case(scope)
    body = (
        "FROM hearings AS h INDEXED BY hearings_open JOIN cases AS c ON c.id = h.case_id "
        "LEFT JOIN accused AS a ON a.id = h.accused_id "
        f"WHERE h.deleted = 0 AND h.done = 0 AND c.deleted = 0{where}{case_where}"
    )
    # The index's own order (date, case), so that a LIMIT stops the scan early.
    order = "h.hearing_on DESC, h.case_id DESC" if newest_first else "h.hearing_on, h.case_id"
    return _found(
        store,
        "h.id, h.hearing_on, c.id, c.case_number, c.investigating_officer, c.office, "
        "coalesce(a.name, ''), h.court, h.purpose",
        body,
        [*params, *case_params],
        order,
        limit,
        lambda r: DueRow("hearing", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]),
        counted=scope.counted,
    )


def _not_marked(rule: str, column: str) -> tuple[str, list[Any]]:
    return (
        " AND NOT EXISTS (SELECT 1 FROM diary_marks AS m WHERE m.rule = ? AND m.record_id = "  # noqa: S608 (a column name of this module)
        f"{column})",
        [rule],
    )


def _stages(stages: Sequence[str]) -> tuple[str, list[Any]]:
    return f" IN ({', '.join('?' for _ in stages)})", list(stages)


def registration_deadlines(
    store: Store,
    scope: Scope,
    rule: str,
    days: int,
    stages: Sequence[str],
    *,
    limit: int,
    newest_first: bool = False,
) -> Found:
    """Cases at one of ``stages`` whose deadline (registration + ``days``) falls in the scope,
    not marked done for ``rule``. One indexed range per stage (in the index's order, so that
    a LIMIT stops the scan early), merged."""
    rows: list[DueRow] = []
    count = 0
    for stage in stages:
        found = _registered_at_stage(store, scope, rule, days, stage, limit, newest_first)
        rows += found.rows
        count += found.count
    rows.sort(key=lambda r: r.due_on, reverse=newest_first)
    return Found(rows[:limit], count)


def _registered_at_stage(
    store: Store, scope: Scope, rule: str, days: int, stage: str, limit: int, newest_first: bool
) -> Found:
    where, params = _range("c.registered_on", scope, days)
    case_where, case_params = _where_case(scope)
    unmarked, mark_params = _not_marked(rule, "c.id")
    body = f"FROM cases AS c WHERE c.deleted = 0 AND c.stage = ?{where}{case_where}{unmarked}"
    order = "c.registered_on DESC" if newest_first else "c.registered_on"
    return _found(
        store,
        f"c.id, date(c.registered_on, '+{int(days)} days'), c.case_number, "
        "c.investigating_officer, c.office",
        body,
        [stage, *params, *case_params, *mark_params],
        order,
        limit,
        lambda r: DueRow(rule, r[0], r[1], r[0], r[2], r[3], r[4], ""),
        counted=scope.counted,
    )


# An accused's arrest, as the diary knows it: the first remand hearing (see
# tipdesk.core.deadlines). A remand hearing in the range counts when no remand hearing of the
# same accused comes before it (an index lookup): a range over remand hearings by date.
_FIRST_REMAND = (
    "r.deleted = 0 AND r.purpose = 'remand' AND r.accused_id != '' AND NOT EXISTS (SELECT 1 "
    "FROM hearings AS e INDEXED BY hearings_remand WHERE e.deleted = 0 AND e.purpose = 'remand' "
    "AND e.accused_id != '' AND e.accused_id = r.accused_id AND (e.hearing_on < r.hearing_on "
    "OR (e.hearing_on = r.hearing_on AND e.id < r.id)))"
)


def arrest_deadlines(
    store: Store,
    scope: Scope,
    rule: str,
    days: int,
    stages: Sequence[str],
    *,
    limit: int,
    newest_first: bool = False,
) -> Found:
    """Accused not yet proceeded against, of cases at one of ``stages``, whose deadline
    (arrest + ``days``) falls in the scope, not marked done for ``rule``."""
    in_stages, stage_params = _stages(stages)
    where, params = _range("r.hearing_on", scope, days)
    case_where, case_params = _where_case(scope)
    unmarked, mark_params = _not_marked(rule, "a.id")
    body = (
        "FROM hearings AS r INDEXED BY hearings_remand_on JOIN accused AS a "
        "ON a.id = r.accused_id JOIN cases AS c ON c.id = a.case_id "
        f"WHERE {_FIRST_REMAND}{where} AND a.deleted = 0 AND c.deleted = 0 "
        "AND a.proceeded_on IS NULL AND a.outcome = 'pending' "
        f"AND c.stage{in_stages}{case_where}{unmarked}"
    )
    order = "r.hearing_on DESC, r.accused_id DESC" if newest_first else "r.hearing_on, r.accused_id"
    return _found(
        store,
        f"a.id, date(r.hearing_on, '+{int(days)} days'), c.id, c.case_number, "
        "c.investigating_officer, c.office, a.name",
        body,
        [*params, *stage_params, *case_params, *mark_params],
        order,
        limit,
        lambda r: DueRow(rule, r[0], r[1], r[2], r[3], r[4], r[5], r[6]),
        counted=scope.counted,
    )


def follow_ups(
    store: Store,
    scope: Scope,
    rule: str,
    service: str,
    after: str,
    days: int,
    *,
    limit: int,
    newest_first: bool = False,
) -> Found:
    """Referrals to ``service`` whose follow-up (``days`` after the referral while pending, or
    after the outcome once provided) falls in the scope, not marked done for ``rule``. A
    victim outside any case has no office or officer: it is left out when either is asked."""
    column = "r.referred_on" if after == "referral" else "r.outcome_on"
    outcome = "pending" if after == "referral" else "provided"
    index = "referrals_diary" if after == "referral" else "referrals_diary_outcome"
    where, params = _range(column, scope, days)
    case_where, case_params = _where_case(scope)
    unmarked, mark_params = _not_marked(rule, "r.id")
    body = (
        f"FROM referrals AS r INDEXED BY {index} JOIN victims AS v ON v.id = r.victim_id "
        "LEFT JOIN cases AS c ON c.id = v.case_id "
        "WHERE r.deleted = 0 AND v.deleted = 0 AND coalesce(c.deleted, 0) = 0 "
        f"AND r.service = ? AND r.outcome = ?{where}{case_where}{unmarked}"
    )
    order = f"{column} DESC" if newest_first else column  # the index's order
    return _found(
        store,
        f"r.id, date({column}, '+{int(days)} days'), coalesce(c.id, ''), "
        "coalesce(c.case_number, ''), coalesce(c.investigating_officer, ''), "
        "coalesce(c.office, ''), v.victim_code",
        body,
        [service, outcome, *params, *case_params, *mark_params],
        order,
        limit,
        lambda r: DueRow(rule, r[0], r[1], r[2], r[3], r[4], r[5], r[6]),
        counted=scope.counted,
    )


def rescheduled(
    store: Store, scope: Scope, rule: str, kind: str, *, limit: int, newest_first: bool = False
) -> Found:
    """The items of ``rule`` an officer marked done with a next date in the scope. ``kind`` is
    what the rule's record is: ``case``, ``accused`` or ``referral``. Whether the item still
    applies (the case's stage, the referral's outcome) is the caller's to check."""
    where, params = _range("m.next_on", scope)
    case_where, case_params = _where_case(scope)
    if kind == "case":
        joins, subject = "JOIN cases AS c ON c.id = m.record_id", "''"
    elif kind == "accused":
        joins = "JOIN accused AS a ON a.id = m.record_id JOIN cases AS c ON c.id = a.case_id"
        subject = "a.name"
    else:
        joins = (
            "JOIN referrals AS r ON r.id = m.record_id JOIN victims AS v ON v.id = r.victim_id "
            "LEFT JOIN cases AS c ON c.id = v.case_id"
        )
        subject = "v.victim_code"
    body = (
        f"FROM diary_marks AS m INDEXED BY diary_marks_next {joins} "
        f"WHERE m.rule = ? AND m.next_on IS NOT NULL AND coalesce(c.deleted, 0) = 0"
        f"{where}{case_where}"
    )
    order = "m.next_on DESC, m.record_id" if newest_first else "m.next_on, m.record_id"
    return _found(
        store,
        "m.record_id, m.next_on, coalesce(c.id, ''), coalesce(c.case_number, ''), "
        f"coalesce(c.investigating_officer, ''), coalesce(c.office, ''), {subject}",
        body,
        [rule, *params, *case_params],
        order,
        limit,
        lambda r: DueRow(rule, r[0], r[1], r[2], r[3], r[4], r[5], r[6]),
        counted=scope.counted,
    )


def any_rescheduled(store: Store) -> bool:
    """Whether any done mark carries a next date (else no rescheduled item needs reading)."""
    return bool(store.query("SELECT 1 FROM diary_marks WHERE next_on IS NOT NULL LIMIT 1"))


def still_open(
    store: Store, kind: str, ids: Sequence[str], stages: Sequence[str], outcome: str | None
) -> set[str]:
    """Which of ``ids`` (cases, accused or referrals) a rescheduled item still applies to: a
    case at one of ``stages``; an accused not proceeded against in such a case; a referral
    whose outcome is ``outcome``; none deleted."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    if kind == "case":
        in_stages, stage_params = _stages(stages)
        sql = f"SELECT id FROM cases WHERE deleted = 0 AND stage{in_stages} AND id IN ({marks})"  # noqa: S608 (placeholders)
        params = [*stage_params, *ids]
    elif kind == "accused":
        in_stages, stage_params = _stages(stages)
        sql = (
            "SELECT a.id FROM accused AS a JOIN cases AS c ON c.id = a.case_id WHERE "  # noqa: S608 (placeholders)
            "a.deleted = 0 AND c.deleted = 0 AND a.proceeded_on IS NULL "
            f"AND a.outcome = 'pending' AND c.stage{in_stages} "
            f"AND a.id IN ({marks})"
        )
        params = [*stage_params, *ids]
    else:
        sql = f"SELECT id FROM referrals WHERE deleted = 0 AND outcome = ? AND id IN ({marks})"  # noqa: S608 (placeholders)
        params = [outcome, *ids]
    return {str(r[0]) for r in store.query(sql, params)}


def cause_list(store: Store, date_from: str, date_to: str, office: str | None) -> list[DueRow]:
    """Every hearing (held or not) from ``date_from`` to ``date_to``, by court, date and case
    number: the week's cause list."""
    case_where, case_params = _where_case(Scope(None, date_to, office))
    rows = store.query(
        "SELECT h.id, h.hearing_on, c.id, c.case_number, c.investigating_officer, c.office, "  # noqa: S608 (a filter of this module)
        "coalesce(a.name, ''), h.court, h.purpose FROM hearings AS h INDEXED BY hearings_on "
        "JOIN cases AS c ON c.id = h.case_id LEFT JOIN accused AS a ON a.id = h.accused_id "
        f"WHERE h.deleted = 0 AND c.deleted = 0 AND h.hearing_on BETWEEN ? AND ?{case_where} "
        "ORDER BY h.court, h.hearing_on, c.case_number",
        [date_from, date_to, *case_params],
    )
    return [DueRow("hearing", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]


def officers(store: Store, office: str | None) -> list[str]:
    """The investigating officers named on cases not deleted (of ``office`` when given)."""
    where, params = ("AND office = ?", [office]) if office else ("", [])
    rows = store.query(
        "SELECT DISTINCT investigating_officer FROM cases WHERE deleted = 0 "  # noqa: S608
        f"AND investigating_officer != '' {where} ORDER BY 1",
        params,
    )
    return [str(r[0]) for r in rows]


@dataclass(frozen=True, slots=True)
class Mark:
    """An officer's "done" on one deadline of one record."""

    rule: str
    record_id: str
    done_on: str
    next_on: str | None
    done_by: str
    done_at: str


class DiaryMarks:
    """The ``diary_marks`` table of one open store (its connection, its thread)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: Connection = store._conn

    def get(self, rule: str, record_id: str) -> Mark | None:
        with translated():
            row = self._conn.execute(
                "SELECT rule, record_id, done_on, next_on, done_by, done_at FROM diary_marks "
                "WHERE rule = ? AND record_id = ?",
                (rule, record_id),
            ).fetchone()
        return Mark(*row) if row else None

    def mark(
        self, rule: str, record_id: str, kind: str, done_on: str, next_on: str | None, actor: Actor
    ) -> None:
        """Mark ``rule`` done for ``record_id`` (replacing an earlier mark), with the next date
        it is due again, if any; audited (the rule, the record, the next date)."""
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO diary_marks(rule, record_id, done_on, next_on, done_by, done_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(rule, record_id) DO UPDATE SET "
                "done_on = excluded.done_on, next_on = excluded.next_on, "
                "done_by = excluded.done_by, done_at = excluded.done_at",
                (rule, record_id, done_on, next_on, actor.user, actor.at),
            )
            detail: dict[str, Any] = {"rule": rule, "done_on": done_on}
            if next_on:
                detail["next_on"] = next_on
            audit.append(
                conn,
                [audit.NewEntry(actor.at, actor.user, actor.device, "diary.done", kind,
                                record_id, detail)],
            )  # fmt: skip

    def reopen(self, rule: str, record_id: str, kind: str, actor: Actor) -> bool:
        """Take the mark away (the deadline counts again); False when there was none."""
        with transaction(self._conn) as conn:
            cur = conn.execute(
                "DELETE FROM diary_marks WHERE rule = ? AND record_id = ?", (rule, record_id)
            )
            if cur.rowcount == 0:
                return False
            audit.append(
                conn,
                [audit.NewEntry(actor.at, actor.user, actor.device, "diary.reopen", kind,
                                record_id, {"rule": rule})],
            )  # fmt: skip
        return True
