"""The office's diary: court hearings and the deadlines the rules derive, and marking them done.

Contract:
- Reading needs ``view``; adding and changing hearings and marking items done need ``edit``;
  deleting a hearing needs ``delete``. Every write is validated first (all problems at once,
  nothing written otherwise) and audited by the store.
- A *diary item* is an open hearing (not yet recorded as held) or a deadline derived from the
  rules in force (``session.reference.diary``): an investigation or challan due date, a
  referral's follow-up. Deadlines are computed on every read, never stored; an officer's
  "done" mark hides one, or moves it to the next date the officer gives.
- Recording what happened at a hearing with a next date makes the next hearing in the same
  transaction (same case, accused and court unless said otherwise; ``follows_id`` names the
  hearing it continues). Changing that next date later moves the next hearing while it is not
  yet held; taking it away deletes that next hearing.
- An item's key is ``<rule>:<record id>`` (``hearing:<id>`` for a hearing); the command line
  and the app pass it back to mark the item done.
- Hearings stay at the install: they are never in a sync bundle (``docs/bundle-format.md``).
- At an HQ keeping its records in PostgreSQL (issue 20) the reads run there, in one
  transaction per call, with the same statements (:mod:`tipdesk.hqstore.diary_reads`); the
  done marks stay the install's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, cast

from tipdesk.core.codes import HearingPurpose
from tipdesk.core.deadlines import CaseDeadline, FollowUp
from tipdesk.core.errors import (
    InvalidInput,
    NotFound,
    Problem,
    ValidationFailed,
    no_record,
)
from tipdesk.core.ids import is_id, new_id
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case, Hearing
from tipdesk.core.validation import normalise, validate
from tipdesk.services import records
from tipdesk.services.session import Session
from tipdesk.store import diary_queries as q
from tipdesk.store.diary_queries import CAP, DueRow, Scope
from tipdesk.store.store import Store

WEEK_DAYS = 7
""""This week" in the diary: the days after today up to a week ahead."""

PURPOSE_LABELS: dict[str, str] = {
    HearingPurpose.REMAND: "Remand / production of accused",
    HearingPurpose.BAIL: "Bail application",
    HearingPurpose.CHARGE: "Framing of charge",
    HearingPurpose.EVIDENCE: "Prosecution evidence",
    HearingPurpose.ARGUMENTS: "Final arguments",
    HearingPurpose.JUDGMENT: "Judgment",
    HearingPurpose.OTHER: "Hearing",
}
"""English names of the hearing purposes (the command line and printouts; the app translates
its own)."""


@dataclass(frozen=True, slots=True)
class DiaryItem:
    """One thing due: what, when, for which case (plain data for any thread)."""

    key: str
    """``<rule>:<record id>``: what :func:`mark_done` and :func:`record_outcome` take."""
    rule: str
    kind: str
    """``hearing``, ``deadline`` (a case's or an accused's) or ``follow_up`` (a referral's)."""
    record_id: str
    due_on: dt.date
    title: str
    """The hearing's purpose, or the rule's title as HQ wrote it."""
    case_id: str
    case_number: str
    officer: str
    office: str
    subject: str
    """The accused's name, the victim's code (never a victim's name), or empty."""
    court: str
    purpose: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class Section:
    """Items of one part of the diary, at most the limit asked, and how many there are."""

    items: list[DiaryItem]
    total: int
    more: bool
    """True when ``total`` is a lower bound: matches are counted up to about :data:`CAP` a
    part (then the rest is "or more"), and not at all for a first paint."""


@dataclass(frozen=True, slots=True)
class Diary:
    """The diary as the app's page opens on it."""

    today: dt.date
    overdue: Section
    """Due before today, latest first."""
    due_today: Section
    week: Section
    """Due after today, up to :data:`WEEK_DAYS` days ahead, soonest first."""


@dataclass(frozen=True, slots=True)
class OfficerLoad:
    """What one investigating officer has due (counts up to :data:`CAP` per source)."""

    officer: str
    overdue: int
    today: int
    week: int


# --- reading ---------------------------------------------------------------------------------


def _routed(session: Session) -> AbstractContextManager[Session] | None:
    """A session over HQ's PostgreSQL database for one transaction, or ``None`` when the
    records are in the install's own store (or the session is routed already)."""
    return records._on_postgres(session)


def _store(session: Session) -> Store:
    """Where the diary's statements run: the store, or for a session routed to PostgreSQL
    (an HQ keeping its records there) :class:`tipdesk.hqstore.diary_reads.PgDiaryStore`,
    the same statements over PostgreSQL's records and the install's own marks."""
    if not getattr(session.store, "on_postgres", False):
        return session.store
    from tipdesk.hqstore.diary_reads import PgDiaryStore  # the driver, only when used

    view = cast(Any, session.store)
    return cast(Store, PgDiaryStore(view.conn, view))


def _today(session: Session) -> dt.date:
    return session.clock.now().date()


def _record_kind(rule: CaseDeadline | FollowUp) -> str:
    if isinstance(rule, FollowUp):
        return "referral"
    return "case" if rule.anchor == "registration" else "accused"


def _item(session: Session, row: DueRow, today: dt.date) -> DiaryItem:
    due = dt.date.fromisoformat(row.due_on)
    if row.rule == "hearing":
        kind, title = "hearing", PURPOSE_LABELS.get(row.purpose, row.purpose)
    else:
        rule = session.reference.diary.rule(row.rule)
        kind = "follow_up" if isinstance(rule, FollowUp) else "deadline"
        title = rule.title if rule is not None else row.rule
    return DiaryItem(
        key=f"{row.rule}:{row.record_id}",
        rule=row.rule,
        kind=kind,
        record_id=row.record_id,
        due_on=due,
        title=title,
        case_id=row.case_id,
        case_number=row.case_number,
        officer=row.officer,
        office=row.office,
        subject=row.subject,
        court=row.court,
        purpose=row.purpose,
        overdue=due < today,
    )


def _sources(
    session: Session, scope: Scope, limit: int, newest_first: bool, budget: list[int]
) -> Iterable[tuple[list[DueRow], int, bool]]:
    """Every source of items in ``scope``: rows (at most ``limit``), their count and whether it
    was counted. ``budget[0]`` is how many more matches may be counted: once a part holds
    :data:`CAP` items its total is "CAP or more", so the next sources are read, not counted."""
    store = _store(session)

    def now() -> Scope:
        return dataclasses.replace(scope, counted=scope.counted and budget[0] > 0)

    current = now()
    found = q.hearings(store, current, limit=limit, newest_first=newest_first)
    yield found.rows, found.count, current.counted
    rescheduled = q.any_rescheduled(store)
    for rule in session.reference.diary.rules:
        current = now()
        if isinstance(rule, CaseDeadline):
            read = q.registration_deadlines if rule.anchor == "registration" else q.arrest_deadlines
            found = read(
                store,
                current,
                rule.code,
                rule.days,
                sorted(rule.stages),
                limit=limit,
                newest_first=newest_first,
            )
        else:
            found = q.follow_ups(
                store,
                current,
                rule.code,
                rule.service,
                rule.after,
                rule.days,
                limit=limit,
                newest_first=newest_first,
            )
        yield found.rows, found.count, current.counted
        if rescheduled:
            rows, count = _rescheduled(session, current, rule, newest_first)
            yield rows, count, True


def _rescheduled(
    session: Session, scope: Scope, rule: CaseDeadline | FollowUp, newest_first: bool
) -> tuple[list[DueRow], int]:
    """Items of ``rule`` marked done with a next date in ``scope`` that still apply."""
    kind = _record_kind(rule)
    found = q.rescheduled(
        _store(session), scope, rule.code, kind, limit=CAP, newest_first=newest_first
    )
    if not found.rows:
        return [], 0
    stages = sorted(rule.stages) if isinstance(rule, CaseDeadline) else []
    outcome = None
    if isinstance(rule, FollowUp):
        outcome = "pending" if rule.after == "referral" else "provided"
    ids = [r.record_id for r in found.rows]
    keep = q.still_open(_store(session), kind, ids, stages, outcome)
    rows = [r for r in found.rows if r.record_id in keep]
    return rows, len(rows)


def _section(
    session: Session, scope: Scope, limit: int, *, newest_first: bool, today: dt.date
) -> Section:
    rows: list[DueRow] = []
    total, more = 0, False
    budget = [CAP]
    for found, count, counted in _sources(session, scope, limit, newest_first, budget):
        rows += found
        total += count
        budget[0] -= count
        more = more or count >= CAP or (not counted and len(found) >= limit)
    rows.sort(key=lambda r: (r.due_on, r.case_number, r.rule, r.record_id), reverse=newest_first)
    return Section([_item(session, r, today) for r in rows[:limit]], total, more)


def _scope(
    lo: dt.date | None,
    hi: dt.date,
    office: str | None,
    officer: str | None,
    counted: bool = True,
) -> Scope:
    return Scope(
        lo.isoformat() if lo else None, hi.isoformat(), office or None, officer or None, counted
    )


def items(
    session: Session,
    *,
    date_from: dt.date | None,
    date_to: dt.date,
    office: str | None = None,
    officer: str | None = None,
    limit: int = 200,
    newest_first: bool = False,
    counted: bool = True,
) -> Section:
    """Items due from ``date_from`` (``None``: however long ago) to ``date_to``, inclusive,
    soonest first (latest first with ``newest_first``). Without ``counted`` the totals are
    what was read (``more`` says when there may be more): see :class:`Scope`."""
    session.require(Permission.VIEW)
    if limit < 1:
        raise InvalidInput(say("The number of items to show must be at least 1."))
    pg = _routed(session)
    if pg is not None:  # an HQ keeping its records in PostgreSQL: one transaction there
        with pg as routed:
            return items(
                routed, date_from=date_from, date_to=date_to, office=office, officer=officer,
                limit=limit, newest_first=newest_first, counted=counted,
            )  # fmt: skip
    scope = _scope(date_from, date_to, office, officer, counted)
    return _section(session, scope, limit, newest_first=newest_first, today=_today(session))


def overdue(
    session: Session,
    *,
    office: str | None = None,
    officer: str | None = None,
    limit: int = 200,
    counted: bool = True,
) -> Section:
    """Items due before today, latest first."""
    yesterday = _today(session) - dt.timedelta(days=1)
    return items(
        session,
        date_from=None,
        date_to=yesterday,
        office=office,
        officer=officer,
        limit=limit,
        newest_first=True,
        counted=counted,
    )


def diary(
    session: Session,
    *,
    office: str | None = None,
    officer: str | None = None,
    limit: int = 200,
    counted: bool = True,
) -> Diary:
    """Overdue, today's and this week's items (see :class:`Diary`). Without ``counted``, the
    totals are what was read, with ``more`` where there may be more: a first paint reads that,
    then the counts (``diary(..., limit=1)``)."""
    session.require(Permission.VIEW)
    pg = _routed(session)
    if pg is not None:  # one PostgreSQL transaction for the three sections
        with pg as routed:
            return diary(routed, office=office, officer=officer, limit=limit, counted=counted)
    today = _today(session)
    scope_today = _scope(today, today, office, officer, counted)
    week = _scope(
        today + dt.timedelta(days=1), today + dt.timedelta(days=WEEK_DAYS), office, officer,
        counted,
    )  # fmt: skip
    return Diary(
        today=today,
        overdue=overdue(session, office=office, officer=officer, limit=limit, counted=counted),
        due_today=_section(session, scope_today, limit, newest_first=False, today=today),
        week=_section(session, week, limit, newest_first=False, today=today),
    )


def by_officer(session: Session, *, office: str | None = None) -> list[OfficerLoad]:
    """Per investigating officer, the number of items overdue, due today and this week (a
    case without an officer counts under ""). Counts stop at :data:`CAP` per source."""
    session.require(Permission.VIEW)
    pg = _routed(session)
    if pg is not None:
        with pg as routed:
            return by_officer(routed, office=office)
    today = _today(session)
    parts = {
        "overdue": (None, today - dt.timedelta(days=1)),
        "today": (today, today),
        "week": (today + dt.timedelta(days=1), today + dt.timedelta(days=WEEK_DAYS)),
    }
    counts: dict[str, Counter[str]] = {}
    for name, (lo, hi) in parts.items():
        scope = _scope(lo, hi, office, None)
        counter: Counter[str] = Counter()
        for rows, _count, _counted in _sources(session, scope, CAP, False, [0]):
            counter.update(r.officer for r in rows)
        counts[name] = counter
    names = sorted(set().union(*counts.values()), key=lambda n: (n == "", n.casefold()))
    return [
        OfficerLoad(n, counts["overdue"][n], counts["today"][n], counts["week"][n]) for n in names
    ]


def officers(session: Session, *, office: str | None = None) -> list[str]:
    """The investigating officers named on cases (for the diary's officer filter)."""
    session.require(Permission.VIEW)
    pg = _routed(session)
    if pg is not None:
        with pg as routed:
            return officers(routed, office=office)
    return q.officers(_store(session), office or None)


# --- hearings --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseChoice:
    """A case a hearing can be added to: its accused, and the court of its latest hearing."""

    case_id: str
    case_number: str
    office: str
    accused: list[tuple[str, str]]
    """(accused id, name) of the accused not deleted."""
    last_court: str


def cases_numbered(session: Session, case_number: str) -> list[CaseChoice]:
    """The cases (not deleted) with this number, the install's own office first."""
    session.require(Permission.VIEW)
    number = " ".join(case_number.split())
    if not number:
        return []
    rows = session.store.query(
        "SELECT id FROM cases WHERE deleted = 0 AND case_number = ? COLLATE NOCASE "
        "ORDER BY office != ?, registered_on DESC LIMIT 20",
        (number, session.install.office),
    )
    out: list[CaseChoice] = []
    for (case_id,) in rows:
        case = session.store.get("case", str(case_id))
        if not isinstance(case, Case):  # pragma: no cover - the store returns its kind
            continue
        last = session.store.query(
            "SELECT court FROM hearings WHERE case_id = ? AND deleted = 0 "
            "ORDER BY hearing_on DESC LIMIT 1",
            (case.id,),
        )
        out.append(
            CaseChoice(
                case.id,
                case.case_number,
                case.office,
                [(a.id, a.name) for a in case.accused],
                str(last[0][0]) if last else "",
            )
        )
    return out


def get_hearing(session: Session, hearing_id: str) -> Hearing:
    session.require(Permission.VIEW)
    record = session.store.get("hearing", hearing_id)
    if not isinstance(record, Hearing):  # pragma: no cover - the store returns its kind
        raise NotFound(say("There is no hearing with id {id}.", id=hearing_id))
    return record


def hearings_of_case(session: Session, case_id: str) -> list[Hearing]:
    """Every hearing of a case (not deleted), by date."""
    session.require(Permission.VIEW)
    rows = session.store.page("hearing", filters={"case_id": case_id}, limit=10_000)
    found = [r for r in rows if isinstance(r, Hearing)]
    return sorted(found, key=lambda h: (h.hearing_on or dt.date.min, h.created_at))


def _store_problems(session: Session, hearing: Hearing) -> list[Problem]:
    """The rules that need the store: the case exists; the accused is one of its accused."""
    if not hearing.case_id:
        return []
    try:
        case = session.store.get("case", hearing.case_id)
    except NotFound:
        return [Problem("case_id", "reference.case", "there is no such case (or it was deleted)")]
    if not isinstance(case, Case):  # pragma: no cover - the store returns its kind
        return []
    if hearing.accused_id and hearing.accused_id not in {a.id for a in case.accused}:
        return [
            Problem(
                "accused_id",
                "reference.accused",
                f"is not an accused of case {case.case_number}",
            )
        ]
    return []


def _follower(session: Session, hearing_id: str) -> Hearing | None:
    """The hearing made from ``hearing_id``'s next date, if any (not deleted)."""
    rows = session.store.query(
        "SELECT id FROM hearings WHERE follows_id = ? AND deleted = 0 ORDER BY created_at LIMIT 1",
        (hearing_id,),
    )
    if not rows:
        return None
    found = session.store.get("hearing", str(rows[0][0]))
    return found if isinstance(found, Hearing) else None


def check_hearing(session: Session, hearing: Hearing) -> list[Problem]:
    """Normalise ``hearing`` in place and return every problem :func:`save_hearing` would
    report for it alone (not those of the next hearing its next date makes)."""
    session.require(Permission.VIEW)
    normalise(hearing)
    return validate(hearing, session.validation_context()) + _store_problems(session, hearing)


@dataclass(frozen=True, slots=True)
class Saved:
    """A hearing as stored, and the next hearing its next date made or moved (if any)."""

    hearing: Hearing
    next_hearing: Hearing | None


def save_hearing(
    session: Session,
    hearing: Hearing,
    *,
    next_purpose: HearingPurpose | None = None,
    next_court: str | None = None,
) -> Saved:
    """Add or change a hearing (see the module contract for its next date). Raises
    :class:`ValidationFailed` with every problem; nothing is written then."""
    session.require(Permission.EDIT)
    if hearing.deleted:
        session.require(Permission.DELETE)
    normalise(hearing)
    ctx = session.validation_context()
    problems = validate(hearing, ctx) + _store_problems(session, hearing)
    follower = _follower(session, hearing.id) if hearing.id else None
    to_save: list[Hearing] = [hearing]
    if hearing.next_on is not None and not hearing.deleted:
        if follower is None:
            follower = Hearing(
                case_id=hearing.case_id,
                accused_id=hearing.accused_id,
                hearing_on=hearing.next_on,
                court=(next_court or hearing.court).strip(),
                purpose=next_purpose or hearing.purpose,
                follows_id=hearing.id,  # set again below when the hearing is new
            )
            to_save.append(follower)
        elif follower.done:
            if follower.hearing_on != hearing.next_on:
                problems.append(
                    Problem(
                        "next_on",
                        "hearing.next_held",
                        "the next hearing is already recorded as held on "
                        f"{follower.hearing_on.isoformat() if follower.hearing_on else '?'}; "
                        "change its date there",
                    )
                )
        else:
            follower.hearing_on = hearing.next_on
            if next_purpose is not None:
                follower.purpose = next_purpose
            if next_court:
                follower.court = next_court.strip()
            to_save.append(follower)
    elif follower is not None and not follower.done:
        follower.deleted = True  # the next date was taken away (or the hearing deleted)
        to_save.append(follower)
    if len(to_save) > 1:
        next_one = to_save[1]
        problems += [
            dataclasses.replace(p, field=f"next.{p.field}")
            for p in validate(next_one, ctx)
            if not next_one.deleted
        ]
    if problems:
        raise ValidationFailed(problems, "hearing")
    if not hearing.id:
        # Made here, not by the store, so that the next hearing can name it.
        hearing.id = new_id()
        for other in to_save[1:]:
            other.follows_id = hearing.id
    session.store.save(to_save, session.actor())
    return Saved(hearing, to_save[1] if len(to_save) > 1 and not to_save[1].deleted else None)


def record_outcome(
    session: Session,
    hearing_id: str,
    *,
    version: int | None,
    proceedings: str,
    next_on: dt.date | None = None,
    next_purpose: HearingPurpose | None = None,
    next_court: str | None = None,
) -> Saved:
    """Record what happened at a hearing (it becomes held) and the next date the court gave,
    which makes (or moves) the next hearing. ``version`` is the one the officer saw (``None``:
    the stored one); a hearing changed since is refused (:class:`StaleRecord`)."""
    session.require(Permission.EDIT)
    hearing = get_hearing(session, hearing_id)
    if version is not None:
        hearing.version = version
    hearing.proceedings = proceedings
    hearing.done = True
    hearing.next_on = next_on
    return save_hearing(session, hearing, next_purpose=next_purpose, next_court=next_court)


def delete_hearing(session: Session, hearing_id: str, reason: str) -> None:
    """Delete a hearing (and the next hearing its next date made, while not held); audited
    with the reason. Needs ``delete``."""
    session.require(Permission.DELETE)
    if not reason.strip():
        raise InvalidInput(say("Give a reason for deleting the hearing."))
    hearing = get_hearing(session, hearing_id)
    hearing.deleted = True
    save_hearing(session, hearing)
    session.audit("delete.reason", "hearing", hearing_id, reason=reason.strip())


# --- done marks ------------------------------------------------------------------------------


def parse_key(key: str) -> tuple[str, str]:
    """``(rule, record id)`` of an item key; :class:`InvalidInput` when it is not one."""
    rule, sep, record_id = key.strip().partition(":")
    if not sep or not rule or not record_id or not is_id(record_id):
        raise InvalidInput(
            say(
                "{key} is not a diary item (they look like investigation:<id>; `tipdesk diary "
                "list` shows them).",
                key=repr(key[:80]),
            )
        )
    return rule, record_id


def _deadline_rule(session: Session, rule_code: str) -> CaseDeadline | FollowUp:
    rule = session.reference.diary.rule(rule_code)
    if rule is None:
        known = ", ".join(sorted(session.reference.diary.titles)) or "none"
        raise InvalidInput(
            say(
                "{rule} is not a deadline rule in force (known: {known}).",
                rule=repr(rule_code),
                known=known,
            )
        )
    return rule


def _must_exist(session: Session, kind: str, record_id: str) -> None:
    """NotFound unless the record is stored (in PostgreSQL at an HQ keeping records there;
    the mark itself is the install's own, in its store)."""
    pg = _routed(session)
    if pg is not None:
        with pg as routed:
            _must_exist(routed, kind, record_id)
            return
    try:
        session.store.get(kind, record_id)
    except NotFound:
        raise no_record(kind, record_id) from None


def mark_done(session: Session, key: str, *, next_on: dt.date | None = None) -> tuple[str, str]:
    """Mark a deadline done today (it leaves the diary), or done with the next date it is due
    again (a follow-up the officer schedules). Returns ``(rule, record id)``. A hearing is
    recorded with :func:`record_outcome` instead."""
    session.require(Permission.EDIT)
    rule_code, record_id = parse_key(key)
    if rule_code == "hearing":
        raise InvalidInput(
            say(
                "A hearing is done when what happened is recorded: give what happened (and the "
                "next date, if the court gave one)."
            )
        )
    rule = _deadline_rule(session, rule_code)
    kind = _record_kind(rule)
    _must_exist(session, kind, record_id)
    today = _today(session)
    if next_on is not None and next_on <= today:
        raise InvalidInput(
            say(
                "The next date ({next}) must be after today ({today}).",
                next=next_on.isoformat(),
                today=today.isoformat(),
            )
        )
    q.DiaryMarks(session.store).mark(
        rule_code,
        record_id,
        kind,
        today.isoformat(),
        next_on.isoformat() if next_on else None,
        session.actor(),
    )
    return rule_code, record_id


def reopen(session: Session, key: str) -> bool:
    """Take an officer's done mark away (the deadline counts again); False when unmarked."""
    session.require(Permission.EDIT)
    rule_code, record_id = parse_key(key)
    rule = _deadline_rule(session, rule_code)
    return q.DiaryMarks(session.store).reopen(
        rule_code, record_id, _record_kind(rule), session.actor()
    )


# --- the cause list --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CauseEntry:
    hearing_id: str
    hearing_on: dt.date
    case_number: str
    accused: str
    purpose: str
    officer: str
    done: bool


@dataclass(frozen=True, slots=True)
class CauseList:
    """The hearings of one week, court by court (courts by name, then date and case)."""

    date_from: dt.date
    date_to: dt.date
    courts: list[tuple[str, list[CauseEntry]]]

    @property
    def count(self) -> int:
        return sum(len(entries) for _court, entries in self.courts)


def cause_list(session: Session, week_from: dt.date, *, office: str | None = None) -> CauseList:
    """The cause list of the seven days from ``week_from``."""
    session.require(Permission.VIEW)
    pg = _routed(session)
    if pg is not None:
        with pg as routed:
            return cause_list(routed, week_from, office=office)
    date_to = week_from + dt.timedelta(days=WEEK_DAYS - 1)
    rows = q.cause_list(_store(session), week_from.isoformat(), date_to.isoformat(), office or None)
    done = {
        str(r[0])
        for r in session.store.query(
            "SELECT id FROM hearings WHERE done = 1 AND deleted = 0 AND hearing_on BETWEEN ? AND ?",
            (week_from.isoformat(), date_to.isoformat()),
        )
    }
    courts: dict[str, list[CauseEntry]] = {}
    for r in rows:
        courts.setdefault(r.court, []).append(
            CauseEntry(
                r.record_id,
                dt.date.fromisoformat(r.due_on),
                r.case_number,
                r.subject,
                PURPOSE_LABELS.get(r.purpose, r.purpose),
                r.officer,
                r.record_id in done,
            )
        )
    ordered = sorted(courts.items(), key=lambda kv: kv[0].casefold())
    return CauseList(week_from, date_to, ordered)
