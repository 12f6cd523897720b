"""Recording and reading cases, victims, trainings and campaigns, with the rules applied.

Contract:
- Every write checks the permission, normalises (CNICs, whitespace), turns names into codes
  (a district's name or alias, a country's name...: :func:`tipdesk.core.names.resolve_names`),
  validates with the core rules and raises :class:`ValidationFailed` with every problem at once;
  nothing is written unless the whole record is valid. Warnings (:func:`warnings`) never
  refuse a save; callers show them with it.
- Owner districts are set and checked by :mod:`tipdesk.services.ownership`: a district install
  creates and changes (and deletes) only its own district's records.
- Victims' identifying fields come back masked unless :func:`reveal_victim` is used, which
  needs the ``reveal_identity`` permission and a reason and writes an audit entry. A masked value
  saved back keeps the stored value.
- The non-criminalisation safeguard never refuses a record: an accused who may be a victim of
  the same case is saved and goes to the review queue (:mod:`tipdesk.services.overlaps` sets
  the matches on every save, and keeps the reviews as stored). What is refused is *marking*
  such an accused proceeded against or convicted while the overlap is open (rule
  ``dual_role``, :func:`tipdesk.core.dual_role.marking_problems`). A victim saved on its own
  that comes to match an accused updates that accused in the same save.
- At an HQ keeping its records in PostgreSQL (issue 20), every function here runs the same
  rules over PostgreSQL's records, in one transaction per call
  (:mod:`tipdesk.services.sync.hq_pg_records`); a stale save is refused with the store's
  message. Revealing a victim there goes through the database's audited function.
- Ticking the case's "Reviewed" box (``dual_role_reviewed_by``) needs the
  ``review_dual_role`` permission; the reviewer's name is the signed-in user's, and it reviews
  every overlap the case holds.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from tipdesk.core import dual_role
from tipdesk.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    Problem,
    TransactionAborted,
    ValidationFailed,
)
from tipdesk.core.masking import masked, unmask_from
from tipdesk.core.messages import say
from tipdesk.core.names import describe_district, resolve_names
from tipdesk.core.permissions import Permission
from tipdesk.core.records import (
    Campaign,
    Case,
    Record,
    Training,
    Victim,
)
from tipdesk.core.validation import advise, normalise, validate
from tipdesk.services import overlap_guard, overlaps, ownership, pg_route
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import hq_database
from tipdesk.store.audit import NewEntry
from tipdesk.store.search import SearchHit
from tipdesk.store.store import Changes

KINDS = ("case", "victim", "training", "campaign")
PG_ATTEMPTS = 3
"""Runs of a save on HQ's PostgreSQL database that a deadlock or serialisation failure
aborted, before the user is told the database is busy."""


def _on_postgres(session: Session) -> AbstractContextManager[Session] | None:
    """A session whose records are in HQ's PostgreSQL database for one transaction (the
    ``with`` block), or ``None`` when they are in the install's own store (or the session is
    already routed there)."""
    if not pg_route.routed(session):
        return None
    from tipdesk.services.sync import hq_pg_records  # the PostgreSQL driver, only when used

    return hq_pg_records.session_on(session)


def _stored(session: Session, kind: str, record_id: str) -> Record | None:
    """The stored version of a record (with its children), or ``None`` for a new one."""
    if not record_id:
        return None
    try:
        return session.store.get(kind, record_id)
    except NotFound:
        return None


def _prepare_victim(session: Session, victim: Victim, old: Record | None) -> None:
    """Put masked identity fields back from ``old``; dropping a stored referral needs
    ``delete`` (saving a victim without it deletes it)."""
    if not isinstance(old, Victim):
        return
    unmask_from(victim, old)
    kept = {r.id for r in victim.referrals if not r.deleted}
    if {r.id for r in old.referrals} - kept:
        session.require(Permission.DELETE)


def _prepare_case(session: Session, case: Case) -> Case | None:
    """Check permissions and put masked identities back; returns the stored case (``None``
    for a new one)."""
    old = _stored(session, "case", case.id)
    stored_reviewer = ""
    old_victims: dict[str, Victim] = {}
    if isinstance(old, Case):
        stored_reviewer = old.dual_role_reviewed_by
        old_victims = {v.id: v for v in old.victims}
        # Leaving a stored accused or victim out of the list deletes it.
        kept = {r.id for r in (*case.accused, *case.victims) if not r.deleted}
        stored = {r.id for r in (*old.accused, *old.victims)}
        kept_refs = {r.id for v in case.victims for r in v.referrals if not r.deleted}
        stored_refs = {r.id for v in old.victims for r in v.referrals}
        if stored - kept or stored_refs - kept_refs:
            session.require(Permission.DELETE)
    for v in case.victims:
        # The case's stored victims came with it; a victim attached from elsewhere is read.
        stored_victim = old_victims.get(v.id) or _stored(session, "victim", v.id)
        if isinstance(stored_victim, Victim):
            unmask_from(v, stored_victim)
    if case.dual_role_reviewed_by and case.dual_role_reviewed_by != stored_reviewer:
        session.require(Permission.REVIEW_DUAL_ROLE)
        case.dual_role_reviewed_by = session.user.name
    return old if isinstance(old, Case) else None


def check(session: Session, record: Record) -> list[Problem]:
    """Normalise ``record`` in place and return every validation problem (empty if valid),
    as :func:`save` would report them."""
    pg = _on_postgres(session)
    if pg is not None:
        with pg as routed:
            return check(routed, record)
    normalise(record)
    resolve_names(record, session.reference)
    ctx = session.validation_context()
    found = validate(record, ctx)
    if isinstance(record, Case):
        old = _stored(session, "case", record.id)
        trial = copy.deepcopy(record)
        overlaps.stamp(session, trial, old if isinstance(old, Case) else None)
        found += dual_role.marking_problems(
            trial, old if isinstance(old, Case) else None, detail=ctx.identity_detail
        )
        overlap_guard.note_hits(
            session, overlaps.new_open(trial, old if isinstance(old, Case) else None), "check"
        )
    return found + _duplicates(session, record, {})


def _claim(seen: dict[tuple[str, ...], str], key: tuple[str, ...], owner: Record) -> bool:
    """Note that ``owner`` uses ``key``; True when another record of the same save did."""
    me = owner.id or f"new-{id(owner)}"
    return seen.setdefault(key, me) != me


def _duplicates(
    session: Session, record: Record, seen: dict[tuple[str, ...], str]
) -> list[Problem]:
    """Case numbers (per district and office) and victim codes must be unique, in the store
    and among the records saved together (``seen`` collects their keys)."""
    problems: list[Problem] = []
    if isinstance(record, Case) and record.case_number and not record.deleted:
        stored = session.store.find_case_number(record.case_number, record.district, record.office)
        key = ("case", record.case_number, record.district, record.office)
        if (stored is not None and stored != record.id) or _claim(seen, key, record):
            problems.append(
                Problem(
                    "case_number",
                    "unique.case_number",
                    f"{record.case_number} is already used by another case of this office",
                )
            )
    if isinstance(record, Case):
        victims = [(f"victims[{i}].victim_code", v) for i, v in enumerate(record.victims)]
    elif isinstance(record, Victim):
        victims = [("victim_code", record)]
    else:
        victims = []
    for field, v in victims:
        if not v.victim_code or v.deleted:
            continue
        taken = session.store.victim_code_exists(v.victim_code, exclude_id=v.id)
        if _claim(seen, ("victim", v.victim_code), v) or taken:
            problems.append(
                Problem(
                    field,
                    "unique.victim_code",
                    f"{v.victim_code} is already used by another victim",
                )
            )
    return problems


def save(
    session: Session, records: Sequence[Record], *, also_log: Sequence[NewEntry] = ()
) -> Changes:
    """Validate and save records in one transaction (all or nothing); ``also_log`` audit
    entries commit with them."""
    session.require(Permission.EDIT)
    if pg_route.routed(session):
        # A deadlock or serialisation failure rolled everything back (the records were
        # given back as they were): the whole save runs again, checks included.
        for attempt in range(1, PG_ATTEMPTS + 1):
            pg = _on_postgres(session)
            assert pg is not None
            try:
                with pg as routed:
                    return save(routed, records, also_log=also_log)
            except TransactionAborted:
                if attempt == PG_ATTEMPTS:
                    raise
    problems: list[Problem] = []
    many = len(records) > 1
    ctx = session.validation_context()
    seen: dict[tuple[str, ...], str] = {}
    # Names become codes first: a district typed by its name is the install's own district.
    for record in records:
        resolve_names(record, session.reference)
    # Owners are set first (bookkeeping), and another district's records refused.
    owned = ownership.claim(session, records)
    following: list[Case] = []  # cases whose accused a victim saved alone comes to match
    hits = 0
    for i, record in enumerate(records):
        found: list[Problem] = []
        if record.deleted:
            session.require(Permission.DELETE)
        normalise(record)
        if isinstance(record, Case):
            old_case = _prepare_case(session, record)
            overlaps.stamp(session, record, old_case)
            found += dual_role.marking_problems(record, old_case, detail=ctx.identity_detail)
            hits += overlaps.new_open(record, old_case)
        elif isinstance(record, Victim):
            old = _stored(session, "victim", record.id)
            _prepare_victim(session, record, old)
            following += overlaps.follow_victim(
                session, record, old if isinstance(old, Victim) else None
            )
        found = owned[i] + validate(record, ctx) + found + _duplicates(session, record, seen)
        problems += [dataclasses.replace(p, field=f"[{i}].{p.field}") if many else p for p in found]
    hits += sum(overlaps.new_open(c, _stored_case(session, c.id)) for c in following)
    overlap_guard.note_hits(session, hits, "save")
    if problems:
        raise ValidationFailed(problems, records[0].KIND if records else "record")
    # The cases a victim's save changes are written first: they hold the victim as stored.
    return session.store.save([*following, *records], session.actor(), also_log=also_log)


def _stored_case(session: Session, case_id: str) -> Case | None:
    found = _stored(session, "case", case_id)
    return found if isinstance(found, Case) else None


def save_one(session: Session, record: Record) -> Changes:
    return save(session, [record])


def warnings(session: Session, records: Sequence[Record]) -> list[Problem]:
    """The warnings about ``records`` (severity ``warning``, paths as :func:`save` gives
    them): shown to the officer with a save, never a reason to refuse one."""
    ctx = session.validation_context()
    many = len(records) > 1
    out: list[Problem] = []
    for i, record in enumerate(records):
        found = advise(normalise(record), ctx)
        out += [dataclasses.replace(p, field=f"[{i}].{p.field}") if many else p for p in found]
    return out


def get(session: Session, kind: str, record_id: str) -> Record:
    """One record with its children; victims' identities masked."""
    session.require(Permission.VIEW)
    _check_kind(kind)
    pg = _on_postgres(session)
    if pg is not None:
        with pg as routed:
            return get(routed, kind, record_id)
    record = session.store.get(kind, record_id)
    if isinstance(record, Case):
        record.victims = [masked(v) for v in record.victims]
    elif isinstance(record, Victim):
        record = masked(record)
    return record


def reveal_victim(session: Session, victim_id: str, reason: str) -> Victim:
    """The victim with identifying details visible; audited with the reason."""
    session.require(Permission.REVEAL_IDENTITY)
    if len(reason.strip()) < 5:
        raise InvalidInput(say("Give a reason (at least a few words) for revealing the identity."))
    if not session.store.vault.is_open:
        # Identities are sealed (tipdesk.store.identity); the key is granted at the next
        # sign-in of a user who holds it.
        raise PermissionDenied(
            say(
                "Your copy of the identity key has not been granted yet: it is given when an "
                "administrator (or another supervisor) signs in. Try again after that."
            )
        )
    if pg_route.routed(session):
        from tipdesk.services.sync import hq_pg_records  # the PostgreSQL driver, only when used

        return hq_pg_records.reveal_victim(session, victim_id, reason.strip())
    victim = session.store.get("victim", victim_id)
    if not isinstance(victim, Victim):
        raise InvalidInput(say("Not a victim record."))
    session.audit("reveal", "victim", victim_id, reason=reason.strip())
    return victim


def delete(session: Session, kind: str, record_id: str, reason: str) -> Changes:
    """Soft-delete a record (its children go with it). Needs the ``delete`` permission."""
    session.require(Permission.DELETE)
    _check_kind(kind)
    if not reason.strip():
        raise InvalidInput(say("Give a reason for deleting the record."))
    pg = _on_postgres(session)
    if pg is not None:
        with pg as routed:  # the record, its deletion and the reason in one transaction
            return delete(routed, kind, record_id, reason)
    record = session.store.get(kind, record_id)
    refused = ownership.check_change(session, record)
    if refused:
        raise ValidationFailed(refused, kind)
    record.deleted = True
    if isinstance(record, Case):
        for child in (*record.accused, *record.victims):
            child.deleted = True
    changes = session.store.save([record], session.actor())
    session.audit("delete.reason", kind, record_id, reason=reason.strip())
    return changes


def page(
    session: Session,
    kind: str,
    *,
    filters: dict[str, Any] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    after: tuple[str, str] | None = None,
    limit: int = 200,
) -> list[Record]:
    """A page of records (no children), newest first; victims masked. A ``district`` filter
    may name the district (its name or an alias) instead of giving its code."""
    session.require(Permission.VIEW)
    _check_kind(kind)
    pg = _on_postgres(session)
    if pg is not None:
        with pg as routed:
            return page(
                routed, kind, filters=filters, date_from=date_from, date_to=date_to,
                after=after, limit=limit,
            )  # fmt: skip
    district = (filters or {}).get("district")
    if isinstance(district, str) and district not in session.reference.districts:
        found = session.reference.district(district)
        if found is None:
            message = describe_district(session.reference, district)
            text = str(message)
            if text[:1].islower():  # "a text of N characters ...": a sentence starts upper case
                raise InvalidInput(text[:1].upper() + text[1:] + ".")
            raise InvalidInput(say("{problem}.", problem=message))
        filters = {**(filters or {}), "district": found.code}
    rows = session.store.page(
        kind, filters=filters, date_from=date_from, date_to=date_to, after=after, limit=limit
    )
    return [masked(r) if isinstance(r, Victim) else r for r in rows]


def search(session: Session, text: str, limit: int = 50) -> list[SearchHit]:
    """Full-text search; identities are searched only for users who may reveal them."""
    session.require(Permission.VIEW)
    db = hq_database(session)
    if db is not None:  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_read  # the PostgreSQL driver, only when used

        with db:
            return hq_pg_read.search(session, db, text, limit)
    return session.store.search(
        text, include_identity=session.can(Permission.REVEAL_IDENTITY), limit=limit
    )


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f"Unknown record kind {kind!r}; use one of: {', '.join(KINDS)}.")


__all__ = [
    "Campaign",
    "Case",
    "Training",
    "Victim",
    "delete",
    "get",
    "page",
    "reveal_victim",
    "save",
    "save_one",
    "search",
]
