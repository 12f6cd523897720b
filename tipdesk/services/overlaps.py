"""The non-criminalisation review queue: an accused who may be a victim of the same case is
recorded all the same, and a supervisor reviews the overlap.

Why: the safeguard used to refuse the record (and a whole register) until a supervisor signed
in on the same laptop, while common names are common. Now recording is never blocked; the
safeguard holds where it matters: an accused with an open overlap cannot be *marked*
proceeded against (challan) or convicted until a supervisor reviewed it
(:func:`tipdesk.core.dual_role.marking_problems`).

Contract:
- :func:`stamp` runs in every save of a case (:func:`tipdesk.services.records.save`, so the
  editors, the command line and the register import alike): it sets each accused's
  ``dual_role_matches`` from the case as saved (keyed hashes: it works for every user), and
  keeps the review fields as stored: a save never writes a review, whatever the record holds.
  At HQ, where victims' identities are blank unless they consented to share them, the matches
  the district found are kept (the union with what HQ finds). A case reviewed before the
  queue existed (``Case.dual_role_reviewed_by``) carries that review to the matches its
  stored version held, on the accused's first save; the case editor's "Reviewed" box, ticked
  by a supervisor, reviews every match the case holds.
- :func:`follow_victim`: a victim saved on its own that comes to match an accused of its case
  (or stops matching, or moves between cases) updates those accused in the same save.
- :func:`queue` lists the accused with matches (open first), :func:`resolve` records a
  supervisor's review (``review_dual_role``; audited with the note; another district's case
  is refused) and :func:`count_open` counts the open ones (the dashboard). Users who may not
  reveal identities see each victim by its code only: never whether the CNIC or the name
  matched (an accused's CNIC is visible to them, so the sign would tell a victim's).
- Reviews travel to HQ with the accused (a record field, like the matches); HQ's data quality
  lists the open ones (:mod:`tipdesk.services.data_quality`).
- Everything runs on the store's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tipdesk.core import dual_role
from tipdesk.core.codes import InstallRole, Outcome
from tipdesk.core.errors import InvalidInput, NotFound, ValidationFailed
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Accused, Case, Record, Victim
from tipdesk.services import ownership
from tipdesk.services.session import Session
from tipdesk.store import review_queries as rq
from tipdesk.store.store import Changes

if TYPE_CHECKING:
    from tipdesk.hqstore.pool import HqDatabase

DECISIONS = ("different", "same")
"""What :func:`resolve` takes: two different people, or the same person (proceeding against
them was reviewed and may go on)."""
NOTE_MAX = 2_000


def _clear_review(a: Accused) -> None:
    a.dual_role_reviewed = []
    a.dual_role_reviewed_by = ""
    a.dual_role_reviewed_on = None
    a.dual_role_decision = ""


def _copy_review(a: Accused, stored: Accused) -> None:
    a.dual_role_reviewed = list(stored.dual_role_reviewed)
    a.dual_role_reviewed_by = stored.dual_role_reviewed_by
    a.dual_role_reviewed_on = stored.dual_role_reviewed_on
    a.dual_role_decision = stored.dual_role_decision


def stamp(session: Session, case: Case, old: Case | None) -> None:
    """Set the matches and keep the stored reviews of ``case``'s accused (see the module
    contract). Victims not saved yet get their id now, so that a match can name them."""
    for v in case.victims:
        if not v.id:
            v.id = new_id()
    key = session.store.vault.person
    at_hq = session.install.role is InstallRole.HQ
    stored = {a.id: a for a in (old.accused if old is not None else []) if a.id}
    legacy = old.dual_role_reviewed_by if old is not None else ""
    legacy_matches: dict[str, list[str]] = {}
    if old is not None and legacy:
        legacy_matches = {
            old.accused[i].id: found for i, found in dual_role.case_matches(old, key).items()
        }
    live = {v.id for v in case.victims if not v.deleted}
    found = dual_role.case_matches(case, key)
    for i, a in enumerate(case.accused):
        before = stored.get(a.id) if a.id else None
        if before is None:
            _clear_review(a)
        else:
            _copy_review(a, before)
            if legacy and not before.dual_role_matches and not before.dual_role_reviewed:
                carried = legacy_matches.get(a.id, [])
                if carried:  # reviewed before the queue existed: that review covered these
                    a.dual_role_reviewed = sorted(carried)
                    a.dual_role_reviewed_by = legacy
                    a.dual_role_decision = "reviewed"
        if a.deleted:
            a.dual_role_matches = list(before.dual_role_matches) if before else []
            continue
        matches = set(found.get(i, []))
        if at_hq and before is not None:
            matches |= {m for m in before.dual_role_matches if dual_role.parse(m)[0] in live}
        a.dual_role_matches = sorted(matches)
    if case.dual_role_reviewed_by and case.dual_role_reviewed_by != legacy:
        # The case editor's "Reviewed" box, newly ticked (records.save checked the permission
        # and put the signed-in supervisor's name in it): a review of every match.
        today = session.clock.now().date()
        for a in case.accused:
            if not a.deleted and dual_role.open_matches(a):
                _review(a, case.dual_role_reviewed_by, today, "reviewed")


def _review(a: Accused, user: str, day: object, decision: str) -> None:
    a.dual_role_reviewed = sorted(set(a.dual_role_reviewed) | set(a.dual_role_matches))
    a.dual_role_reviewed_by = user
    a.dual_role_reviewed_on = day  # type: ignore[assignment]
    a.dual_role_decision = decision


def new_open(case: Case, old: Case | None) -> int:
    """How many open matches ``case`` (stamped) holds that its stored version did not: the
    overlap notices a save shows (:mod:`tipdesk.services.overlap_guard` counts them)."""
    stored = {a.id: set(a.dual_role_matches) for a in (old.accused if old else []) if a.id}
    return sum(
        1
        for a in case.accused
        if not a.deleted
        for m in dual_role.open_matches(a)
        if m not in stored.get(a.id, set())
    )


def follow_victim(session: Session, victim: Victim, old: Victim | None) -> list[Case]:
    """The stored cases whose accused's matches change when ``victim`` (saved on its own) is
    saved: its case, and the case it leaves. Each is returned as stored with only its accused's
    matches changed, to be written before the victim in the same save; empty when nothing
    changes."""
    ids: set[str] = {victim.case_id or "", (old.case_id or "") if old is not None else ""}
    ids.discard("")
    out: list[Case] = []
    if ids and not victim.id:
        victim.id = new_id()  # so that a match can name it
    for case_id in sorted(ids):
        try:
            case = session.store.get("case", case_id)
        except NotFound:
            continue
        if not isinstance(case, Case):
            continue
        view = Case(
            accused=case.accused,
            victims=[v for v in case.victims if v.id != victim.id]
            + ([victim] if victim.case_id == case_id and not victim.deleted else []),
        )
        key = session.store.vault.person
        at_hq = session.install.role is InstallRole.HQ
        live = {v.id for v in view.victims if not v.deleted}
        found = dual_role.case_matches(view, key)
        changed = False
        for i, a in enumerate(case.accused):
            matches = set(found.get(i, []))
            if at_hq:  # the district's findings stand (HQ may not hold the identities)
                matches |= {m for m in a.dual_role_matches if dual_role.parse(m)[0] in live}
            if sorted(matches) != sorted(a.dual_role_matches):
                a.dual_role_matches = sorted(matches)
                changed = True
        if changed:
            out.append(case)
    return out


# --- the queue ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverlapVictim:
    """A victim an accused may be: its code, and the sign (``cnic``, the stronger, or
    ``name``); the sign is empty for users who may not reveal identities."""

    victim_id: str
    code: str
    sign: str


@dataclass(frozen=True, slots=True)
class OverlapItem:
    """An accused of the queue. ``open`` lists the matches no review covers; ``reviewed``
    the ones a review covered (with who, when and the decision). ``strong`` is true when an
    open match is on the CNIC (``None`` for users who may not see that). ``marked`` says the
    accused is already proceeded against or convicted (a victim added to the case after
    the challan, or a record from before the queue): look at it first."""

    accused_id: str
    accused_name: str
    case_id: str
    case_number: str
    district: str
    district_name: str
    office: str
    open: tuple[OverlapVictim, ...]
    reviewed: tuple[OverlapVictim, ...]
    strong: bool | None
    marked: bool
    reviewed_by: str
    reviewed_on: str | None
    decision: str
    updated_at: str

    @property
    def is_open(self) -> bool:
        return bool(self.open)

    def to_json(self) -> dict[str, object]:
        return {
            "accused_id": self.accused_id,
            "accused_name": self.accused_name,
            "case_id": self.case_id,
            "case_number": self.case_number,
            "district": self.district,
            "office": self.office,
            "status": "open" if self.open else "reviewed",
            "open": [{"victim": v.code, "sign": v.sign} for v in self.open],
            "reviewed": [{"victim": v.code, "sign": v.sign} for v in self.reviewed],
            "strong": self.strong,
            "marked": self.marked,
            "reviewed_by": self.reviewed_by,
            "reviewed_on": self.reviewed_on,
            "decision": self.decision,
        }


def _matched(session: Session) -> tuple[list[rq.MatchedAccused], dict[str, str]]:
    """The accused with matches and victim id -> code of the live victims they name, from
    whichever engine keeps the records (an HQ's PostgreSQL database: issue 20)."""
    db = _hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_review  # the PostgreSQL driver, when used

        with db:
            return hq_pg_review.matched(db)
    rows = rq.accused_with_matches(session.store)
    wanted = [dual_role.parse(m)[0] for r in rows for m in r.matches]
    return rows, rq.live_victim_codes(session.store, wanted)


def _hq_database(session: Session) -> HqDatabase | None:
    if session.install.role is not InstallRole.HQ:
        return None
    from tipdesk.services.sync.hq import hq_database  # services.sync imports this module

    return hq_database(session)


def _items(session: Session) -> list[OverlapItem]:
    detail = session.can(Permission.REVEAL_IDENTITY)
    rows, codes = _matched(session)
    out: list[OverlapItem] = []
    for r in rows:
        live = [m for m in r.matches if dual_role.parse(m)[0] in codes]
        open_ = [m for m in live if not dual_role.covered(m, r.reviewed)]
        done = [m for m in live if m not in open_]
        if not live:
            continue

        def shown(entries: list[str]) -> tuple[OverlapVictim, ...]:
            out_v = []
            for m in entries:
                vid, found = dual_role.parse(m)
                out_v.append(OverlapVictim(vid, codes[vid], found if detail else ""))
            return tuple(out_v)

        strong = any(dual_role.parse(m)[1] == dual_role.CNIC for m in open_)
        out.append(
            OverlapItem(
                accused_id=r.accused_id,
                accused_name=r.name,
                case_id=r.case_id,
                case_number=r.case_number,
                district=r.district,
                district_name=ownership.district_name(session, r.district),
                office=r.office,
                open=shown(open_),
                reviewed=shown(done),
                strong=strong if detail else None,
                marked=r.proceeded_on is not None or r.outcome == Outcome.CONVICTED.value,
                reviewed_by=r.reviewed_by,
                reviewed_on=r.reviewed_on,
                decision=r.decision,
                updated_at=r.updated_at,
            )
        )
    return out


def queue(session: Session, *, include_reviewed: bool = False) -> list[OverlapItem]:
    """The accused of the queue: open ones first (already marked, then CNIC matches, then
    the rest; by district and case number), then, with ``include_reviewed``, the reviewed
    ones. Needs ``review_dual_role`` or ``reports`` (HQ's analysts read it in data quality)."""
    if not (session.can(Permission.REVIEW_DUAL_ROLE) or session.can(Permission.REPORTS)):
        session.require(Permission.REVIEW_DUAL_ROLE)
    items = _items(session)
    open_items = sorted(
        (i for i in items if i.is_open),
        key=lambda i: (not i.marked, not i.strong, i.district_name, i.case_number),
    )
    if not include_reviewed:
        return open_items
    return open_items + [i for i in items if not i.is_open]


def count_open(session: Session) -> int:
    """How many accused have an open overlap (the dashboard's count; needs ``view``)."""
    session.require(Permission.VIEW)
    rows, live = _matched(session)
    codes = set(live)
    return sum(
        1
        for r in rows
        if any(
            dual_role.parse(m)[0] in codes and not dual_role.covered(m, r.reviewed)
            for m in r.matches
        )
    )


def find(session: Session, accused_id: str) -> OverlapItem:
    """The queue's item of one accused (an id, or a unique start of one of 8 characters or
    more, as ``tipdesk review list`` prints them)."""
    items = queue(session, include_reviewed=True)
    hits = [i for i in items if i.accused_id == accused_id]
    if not hits and len(accused_id) >= 8:
        hits = [i for i in items if i.accused_id.startswith(accused_id)]
    if not hits:
        raise NotFound(say("No accused of the review queue has the id {id}.", id=repr(accused_id)))
    if len(hits) > 1:
        raise InvalidInput(
            say("{id} starts several ids of the queue; give more of it.", id=repr(accused_id))
        )
    return hits[0]


def resolve(session: Session, accused_id: str, decision: str, note: str) -> Changes:
    """A supervisor's review of an accused's open overlaps: ``decision`` is ``different``
    (two people) or ``same`` (the same person; proceeding against them was reviewed), with a
    note saying why. Covers every match the accused holds now; audited (``dual_role.review``,
    with the note, which stays in this install's audit log)."""
    session.require(Permission.REVIEW_DUAL_ROLE)
    if decision not in DECISIONS:
        raise InvalidInput(
            say("The decision is one of: {decisions}.", decisions=", ".join(DECISIONS))
        )
    note = " ".join(note.split())
    if len(note) < 5:
        raise InvalidInput(say("Say in a few words why (the note is kept in the audit log)."))
    if len(note) > NOTE_MAX:
        raise InvalidInput(
            say(
                "The note is {n:,} characters long; at most {most:,}.",
                n=len(note),
                most=NOTE_MAX,
            )
        )
    item = find(session, accused_id)
    if not item.open:
        raise InvalidInput(
            say(
                "The accused of case {case} has no open overlap: it was reviewed by {who}.",
                case=item.case_number,
                who=item.reviewed_by or say("a supervisor"),
            )
        )
    db = _hq_database(session)
    if db is not None:
        with db:
            return _review_case(session, item, decision, note, db)
    return _review_case(session, item, decision, note, None)


def _review_case(
    session: Session, item: OverlapItem, decision: str, note: str, db: HqDatabase | None
) -> Changes:
    """Write the review of :func:`resolve` into the case, in the store or in the HQ's
    PostgreSQL database ``db`` (version-checked there: :mod:`.sync.hq_pg_review`)."""
    if db is not None:
        from tipdesk.services.sync import hq_pg_review

        case: Case | Record | None = hq_pg_review.case_of(session, db, item.case_id)
    else:
        case = session.store.get("case", item.case_id)
    if not isinstance(case, Case):
        raise NotFound(say("The case is no longer there."))
    refused = ownership.check_change(session, case)
    if refused:
        raise ValidationFailed(refused, "case")
    accused = next(a for a in case.accused if a.id == item.accused_id)
    _review(accused, session.user.name, session.clock.now().date(), decision)
    entry = session.audit_entry(
        "dual_role.review",
        "accused",
        accused.id,
        case=case.id,
        case_number=case.case_number,
        decision=decision,
        victims=[v.code for v in item.open],
        note=note,
    )
    # The stored case as it is, with only this accused's review added: not a save of the
    # officer's kind (no validation of the rest of the case can refuse a review).
    if db is not None:
        from tipdesk.services.sync import hq_pg_review

        return hq_pg_review.save_review(session, db, case, entry)
    return session.store.save([case], session.actor(), also_log=[entry])


__all__ = [
    "DECISIONS",
    "OverlapItem",
    "OverlapVictim",
    "count_open",
    "find",
    "follow_victim",
    "new_open",
    "queue",
    "resolve",
    "stamp",
]
