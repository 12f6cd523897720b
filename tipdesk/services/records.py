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
- Marking a case's victim/accused overlap as reviewed (``dual_role_reviewed_by``) needs the
  ``review_dual_role`` permission; the reviewer's name is the signed-in user's.
- A review covers the overlaps the case held when it was given. A save that adds one (a new
  accused or victim, a name or CNIC changed to match) keeps the review only when the saver may
  review (the save is then their review, stamped with their name); otherwise the review is
  withdrawn and the save refused with the overlap named, until a supervisor reviews it.
- A victim of a case saved on its own must not come to match one of the case's accused: that
  overlap can only be reviewed with the case, so the save is refused with a message saying so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from tipdesk.core import dual_role
from tipdesk.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    Problem,
    ValidationFailed,
)
from tipdesk.core.masking import masked, unmask_from
from tipdesk.core.names import describe_district, resolve_names
from tipdesk.core.permissions import Permission
from tipdesk.core.records import (
    Campaign,
    Case,
    Record,
    Training,
    Victim,
)
from tipdesk.core.validation import ValidationContext, advise, normalise, validate
from tipdesk.services import overlap_guard, ownership
from tipdesk.services.session import Session
from tipdesk.store.audit import NewEntry
from tipdesk.store.search import SearchHit
from tipdesk.store.store import Changes

KINDS = ("case", "victim", "training", "campaign")


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


def _prepare_case(session: Session, case: Case) -> tuple[str, list[int]]:
    """Check permissions, put masked identities back and settle the dual-role review. Returns
    the reviewer whose review this save withdrew and the accused whose overlaps it did not
    cover (see :func:`_outdated_review`), or ``("", [])``."""
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
    added = _outdated_review(
        case, old if isinstance(old, Case) else None, session.store.vault.person
    )
    if not added:
        return "", []
    if session.can(Permission.REVIEW_DUAL_ROLE):
        case.dual_role_reviewed_by = session.user.name  # the save is the saver's own review
        return "", []
    withdrawn, case.dual_role_reviewed_by = case.dual_role_reviewed_by, ""
    return withdrawn, added


def _outdated_review(
    case: Case, old: Case | None, key: dual_role.PersonKey | None = None
) -> list[int]:
    """The accused of ``case`` (positions) matching a victim in a way the stored review did not
    cover, when ``case`` keeps that review: a review covers the overlaps the case held when it
    was given. Empty when the review stands (or there is none)."""
    reviewer = case.dual_role_reviewed_by
    if not reviewer or old is None or reviewer != old.dual_role_reviewed_by:
        return []
    return dual_role.added(case, old, key=key)


def _withdrawn(problems: list[Problem], reviewer: str, added: list[int]) -> list[Problem]:
    """``problems`` of a case whose review was withdrawn: the dual-role problems of the accused
    at ``added`` say why the review does not cover them; the others were reviewed, and go."""
    note = (
        f"; the review by {reviewer} was given before this overlap was added, so a supervisor "
        "must review it again"
    )
    fields = {f"accused[{i}]" for i in added}
    return [
        dataclasses.replace(p, message=p.message + note) if p.rule == "dual_role" else p
        for p in problems
        if p.rule != "dual_role" or p.field in fields
    ]


def outdated_review_problems(
    case: Case, old: Case | None, ctx: ValidationContext | None = None
) -> list[Problem]:
    """The ``dual_role`` problems of the overlaps ``case`` adds under the stored review of
    ``old`` (see :func:`_outdated_review`), whoever saves: for a save that is nobody's review,
    such as a register import. ``ctx`` gives the keys and the detail (see
    :class:`ValidationContext`)."""
    key = ctx.person_key if ctx else None
    added = _outdated_review(case, old, key)
    if not added:
        return []
    victims = [(j, v) for j, v in enumerate(case.victims) if not v.deleted]
    found = dual_role.problems(
        [(i, case.accused[i]) for i in added],
        victims,
        detail=ctx.identity_detail if ctx else True,
        key=key,
    )
    return _withdrawn(found, case.dual_role_reviewed_by, added)


def _victim_overlaps(session: Session, victim: Victim, old: Record | None) -> list[Problem]:
    """A victim of a case saved on its own that comes to match one of the case's accused."""
    if not victim.case_id or victim.deleted:
        return []
    try:
        case = session.store.get("case", victim.case_id)
    except NotFound:
        return []
    if not isinstance(case, Case):
        return []
    of = session.store.vault.person  # keyed hashes: they work for every user
    now = of(victim)
    # A match the victim already had with this case's accused was reviewable in the case; a
    # victim coming from elsewhere (new, or moved from another case) brings every match anew.
    stayed = isinstance(old, Victim) and old.case_id == victim.case_id
    before = of(old) if stayed and isinstance(old, Victim) else None
    for accused in case.accused:
        key = of(accused)
        why = dual_role.same_person(key, now)
        if why is None or (before is not None and dual_role.same_person(key, before)):
            continue
        return [
            Problem(
                "cnic" if why == "same CNIC" else "name",
                "dual_role",
                f"this victim appears to be an accused of case {case.case_number} ({why}); a "
                "victim must not also be an accused (non-criminalisation). Record the change "
                "within the case, where a supervisor can review it",
            )
        ]
    return []


def check(session: Session, record: Record) -> list[Problem]:
    """Normalise ``record`` in place and return every validation problem (empty if valid),
    as :func:`save` would report them."""
    normalise(record)
    resolve_names(record, session.reference)
    ctx = session.validation_context()
    if isinstance(record, Case):
        old = _stored(session, "case", record.id)
        added = _outdated_review(
            record, old if isinstance(old, Case) else None, session.store.vault.person
        )
        if added and not session.can(Permission.REVIEW_DUAL_ROLE):
            unreviewed = dataclasses.replace(record, dual_role_reviewed_by="")
            problems = _withdrawn(validate(unreviewed, ctx), record.dual_role_reviewed_by, added)
            overlap_guard.note_hits(session, overlap_guard.count(problems), "check")
            return problems + _duplicates(session, record, {})
    overlaps: list[Problem] = []
    if isinstance(record, Victim):
        overlaps = _victim_overlaps(session, record, _stored(session, "victim", record.id))
    found = validate(record, ctx)
    overlap_guard.note_hits(session, overlap_guard.count(found), "check")
    return found + overlaps + _duplicates(session, record, {})


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
    problems: list[Problem] = []
    many = len(records) > 1
    ctx = session.validation_context()
    seen: dict[tuple[str, ...], str] = {}
    # Names become codes first: a district typed by its name is the install's own district.
    for record in records:
        resolve_names(record, session.reference)
    # Owners are set first (bookkeeping), and another district's records refused.
    owned = ownership.claim(session, records)
    for i, record in enumerate(records):
        withdrawn: str = ""
        added: list[int] = []
        overlaps: list[Problem] = []
        if isinstance(record, Case):
            withdrawn, added = _prepare_case(session, record)
        elif isinstance(record, Victim):
            old = _stored(session, "victim", record.id)
            _prepare_victim(session, record, old)
            overlaps = _victim_overlaps(session, record, old)
        if record.deleted:
            session.require(Permission.DELETE)
        normalise(record)
        found = owned[i] + validate(record, ctx) + overlaps + _duplicates(session, record, seen)
        if withdrawn:
            found = _withdrawn(found, withdrawn, added)
        problems += [dataclasses.replace(p, field=f"[{i}].{p.field}") if many else p for p in found]
    if problems:
        overlap_guard.note_hits(session, overlap_guard.count(problems), "save")
        raise ValidationFailed(problems, records[0].KIND if records else "record")
    return session.store.save(records, session.actor(), also_log=also_log)


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
        raise InvalidInput("Give a reason (at least a few words) for revealing the identity.")
    if not session.store.vault.is_open:
        # Identities are sealed (tipdesk.store.identity); the key is granted at the next
        # sign-in of a user who holds it.
        raise PermissionDenied(
            "Your copy of the identity key has not been granted yet: it is given when an "
            "administrator (or another supervisor) signs in. Try again after that."
        )
    victim = session.store.get("victim", victim_id)
    if not isinstance(victim, Victim):
        raise InvalidInput("Not a victim record.")
    session.audit("reveal", "victim", victim_id, reason=reason.strip())
    return victim


def delete(session: Session, kind: str, record_id: str, reason: str) -> Changes:
    """Soft-delete a record (its children go with it). Needs the ``delete`` permission."""
    session.require(Permission.DELETE)
    _check_kind(kind)
    if not reason.strip():
        raise InvalidInput("Give a reason for deleting the record.")
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
    district = (filters or {}).get("district")
    if isinstance(district, str) and district not in session.reference.districts:
        found = session.reference.district(district)
        if found is None:
            message = describe_district(session.reference, district)
            raise InvalidInput(message[:1].upper() + message[1:] + ".")
        filters = {**(filters or {}), "district": found.code}
    rows = session.store.page(
        kind, filters=filters, date_from=date_from, date_to=date_to, after=after, limit=limit
    )
    return [masked(r) if isinstance(r, Victim) else r for r in rows]


def search(session: Session, text: str, limit: int = 50) -> list[SearchHit]:
    """Full-text search; identities are searched only for users who may reveal them."""
    session.require(Permission.VIEW)
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
    "outdated_review_problems",
    "page",
    "reveal_victim",
    "save",
    "save_one",
    "search",
]
