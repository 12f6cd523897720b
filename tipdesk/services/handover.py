"""Handing a case over to another district (issue 14, part B): the use cases.

- :func:`ask` (a district's supervisor or admin, ``tipdesk case handover``): the case is
  read-only here from now on; the next bundle carries the request, with the victims'
  identities sealed for the receiving district's devices (HQ relays them and cannot open
  them: ``docs/security.md``); HQ moves the owner when it imports the bundle.
- :func:`hq_move` (HQ's admin, ``tipdesk hq handover``): HQ moves the owner itself. The
  receiving district gets what HQ holds: the consenting victims' identities only. On an HQ
  keeping its records in PostgreSQL the case moves there
  (:mod:`tipdesk.services.sync.hq_pg_handovers`), and :func:`listed` lists its handovers.
- :func:`received` ("Handed over to you") and :func:`of_case` (the read-only banner).

The sync side (bundles, HQ's import, receipts) is :mod:`tipdesk.services.sync.handovers`.

Contract: every function checks the permission and the install's role first; bad input is
refused with a message naming the problem, and nothing is written then. The reason is
required (at most :data:`MAX_REASON` characters); the audit log records its length only.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput, NotFound
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case, Victim
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync.common import require_district, require_hq
from tipdesk.store import identity_relay
from tipdesk.store.handover_store import ASKED, MOVED, RECEIVED, HandoverRow, HandoverStore
from tipdesk.sync import age

if TYPE_CHECKING:
    from tipdesk.hqstore.pool import HqDatabase

MAX_REASON = 1000
DIRECTORY_KEY = "sync_directory"
"""``settings`` at a district: HQ's list of each district's device recipients (from receipts)."""


@dataclass(frozen=True, slots=True)
class Handover:
    """A handover as people see it."""

    id: str
    case_id: str
    case_number: str
    from_district: str
    from_name: str
    to_district: str
    to_name: str
    reason: str
    asked_by: str
    asked_at: str
    state: str
    moved_at: str

    @classmethod
    def of(cls, session: Session, row: HandoverRow) -> Handover:
        try:
            case = session.store.get("case", row.case_id, deleted=True)
            number = case.case_number if isinstance(case, Case) else ""
        except NotFound:
            number = ""  # not arrived yet (the receipt's next page brings it)
        return cls(
            row.id,
            row.case_id,
            number,
            row.from_district,
            district_name(session, row.from_district),
            row.to_district,
            district_name(session, row.to_district),
            row.reason,
            row.asked_by,
            row.asked_at,
            row.state,
            row.moved_at,
        )


def _case(session: Session, case_id: str) -> Case:
    found = session.store.get("case", case_id.strip())
    if not isinstance(found, Case):
        raise NotFound(say("There is no case with id {id}.", id=case_id))
    return found


def _checked(session: Session, case: Case, to: str, reason: str) -> tuple[str, str]:
    to, reason = to.strip(), reason.strip()
    if to not in session.reference.districts:
        raise InvalidInput(
            say(
                "{district} is not a district of the reference list (see `tipdesk reference "
                "districts`). Nothing was changed.",
                district=repr(to),
            )
        )
    if to == case.owner:
        raise InvalidInput(
            say(
                "The case already belongs to {district}. Nothing was changed.",
                district=district_name(session, to),
            )
        )
    if not reason:
        raise InvalidInput(say("Say why the case is handed over (--reason). Nothing was changed."))
    if len(reason) > MAX_REASON:
        raise InvalidInput(
            say(
                "The reason is {n} characters long; at most {most} are kept. Nothing was changed.",
                n=len(reason),
                most=MAX_REASON,
            )
        )
    pending = HandoverStore(session.store).of_cases([case.id]).get(case.id)
    if pending is not None and pending.state == ASKED:
        to_name = district_name(session, pending.to_district)
        raise InvalidInput(
            say(
                "This case is already being handed over to {district} (asked on {day}); HQ has "
                "not moved it yet. Nothing was changed.",
                district=to_name,
                day=pending.asked_at[:10],
            )
        )
    return to, reason


def ask(session: Session, case_id: str, to: str, reason: str) -> Handover:
    """Hand a case of this district over to district ``to`` (see the module contract)."""
    session.require(Permission.HANDOVER)
    require_district(session, "case handover")
    case = _case(session, case_id)
    own = session.install.district
    if case.owner != own:
        raise InvalidInput(
            say(
                "This case belongs to {district}; only its owner district hands it over. "
                "Nothing was changed.",
                district=district_name(session, case.owner),
            )
        )
    to, reason = _checked(session, case, to, reason)
    sealed = _sealed_for(session, case, to)
    row = HandoverRow(
        new_id(), case.id, own, to, reason, session.user.name, session.now(), ASKED,
        sealed=json.dumps(sealed, sort_keys=True) if sealed else "",
    )  # fmt: skip
    HandoverStore(session.store).ask(row, session.actor())
    return Handover.of(session, row)


def _sealed_for(session: Session, case: Case, to: str) -> dict[str, object]:
    """The case's victims' identities sealed for every device of district ``to`` (from the
    directory HQ's receipts bring); {} when the case has no identity to carry."""
    victims = [v for v in case.victims if not v.deleted]
    values = {v.id: {n: str(getattr(v, n)) for n in Victim.IDENTIFYING} for v in victims}
    values = {k: {n: x for n, x in v.items() if x} for k, v in values.items()}
    if not any(values.values()):
        return {}
    if not session.store.vault.is_open:
        raise InvalidInput(
            say(
                "The victims' identities cannot be opened in this session (the identity key is "
                "not here yet): sign in again, then hand the case over. Nothing was changed."
            )
        )
    directory = session.store.settings_json(DIRECTORY_KEY)
    recipients = directory.get(to) if isinstance(directory, dict) else None
    if not recipients:
        raise InvalidInput(
            say(
                "HQ has not told this install which devices {district} has (its receipts list "
                "them): import HQ's latest receipt, or ask HQ to register that district's "
                "device first. Nothing was changed.",
                district=district_name(session, to),
            )
        )
    return {str(r): identity_relay.seal_for(age.recipient_key(str(r)), values) for r in recipients}


def hq_move(session: Session, case_id: str, to: str, reason: str) -> Handover:
    """Move a case to district ``to`` at HQ (see the module contract)."""
    session.require(Permission.HANDOVER)
    require_hq(session, "hq handover")
    db = _hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_handovers  # the PostgreSQL driver, when used

        with db:
            case = hq_pg_handovers.case_of(session, db, case_id)
            row = _moved_row(session, case, to, reason)
            hq_pg_handovers.move(session, db, row)
        return dataclasses.replace(Handover.of(session, row), case_number=case.case_number)
    case = _case(session, case_id)
    row = _moved_row(session, case, to, reason)
    HandoverStore(session.store).move_now(row, session.actor())
    return Handover.of(session, row)


def _moved_row(session: Session, case: Case, to: str, reason: str) -> HandoverRow:
    to, reason = _checked(session, case, to, reason)
    now = session.now()
    return HandoverRow(
        new_id(), case.id, case.owner, to, reason, session.user.name, now, MOVED, moved_at=now
    )


def _hq_database(session: Session) -> HqDatabase | None:
    """The HQ's PostgreSQL database when it keeps its records there (issue 20), else None."""
    if session.install.role is not InstallRole.HQ:
        return None
    from tipdesk.services.sync.hq import hq_database  # services.sync imports this module

    return hq_database(session)


def received(session: Session) -> list[Handover]:
    """Cases handed over to this district ("Handed over to you"), newest first."""
    session.require(Permission.VIEW)
    if session.install.role is InstallRole.HQ:
        return []
    return [Handover.of(session, r) for r in HandoverStore(session.store).all((RECEIVED,))]


def of_case(session: Session, case_id: str) -> Handover | None:
    """The handover that makes this case read-only here (handed over by this district, asked
    or moved), or None."""
    session.require(Permission.VIEW)
    if session.install.role is InstallRole.HQ:
        return None
    row = HandoverStore(session.store).of_cases([case_id]).get(case_id)
    if row is None or row.from_district != session.install.district:
        return None
    return Handover.of(session, row)


def listed(session: Session) -> list[Handover]:
    """Every handover this install knows (``tipdesk case handovers``), newest first."""
    session.require(Permission.VIEW)
    db = _hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_handovers

        with db:
            found = hq_pg_handovers.listed(db)
        return [
            dataclasses.replace(Handover.of(session, r), case_number=number) for r, number in found
        ]
    return [Handover.of(session, r) for r in HandoverStore(session.store).all()]
