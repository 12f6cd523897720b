"""Accused whose register rows would mark them proceeded against or convicted while they may be
a victim of the same case (an overlap the supervisors have not reviewed): the marks are held
back (non-criminalisation safeguard), the rest of the row is imported.

Contract: used by :mod:`.planner` only; it changes the built case in memory (the accused's
marks go back to their stored values, or to none) and returns what the dry run says at each
such accused's row. Importing the register again after the review brings the marks in.
"""

from __future__ import annotations

from tipdesk.core import dual_role
from tipdesk.core.messages import Message, say
from tipdesk.core.records import Accused
from tipdesk.core.validation import ValidationContext
from tipdesk.services import overlaps
from tipdesk.services.register.matching import BuiltCase, CaseGroup
from tipdesk.services.session import Session

# What marks an accused proceeded against (the first) and judged (the rest): held back
# together while the accused's overlap with a victim is open (see hold_marks).
_MARK_FIELDS = (
    "proceeded_on",
    "outcome",
    "judgment_on",
    "imprisonment_months",
    "fine_pkr",
    "appeal",
)


def hold_marks(session: Session, built: BuiltCase, group: CaseGroup) -> dict[int, list[str]]:
    """Accused who may be a victim of the case (an open overlap) and whose rows would mark
    them proceeded against or convicted: the row is imported without the marks (the
    overlap goes to the review queue; importing the register again after the review brings
    them in). Returns the positions of such accused with the fields held back."""
    case, old = built.case, group.stored
    overlaps.stamp(session, case, old)
    stored = {a.id: a for a in (old.accused if old is not None else []) if a.id}
    held: dict[int, list[str]] = {}
    for i, a in enumerate(case.accused):
        if a.deleted or not dual_role.open_matches(a):
            continue
        before = stored.get(a.id) if a.id else None
        marked = dual_role.marks(a, before)
        if not marked:
            continue
        fields = _MARK_FIELDS if "proceeded_on" in marked else _MARK_FIELDS[1:]
        blank = Accused()
        for name in fields:
            setattr(a, name, getattr(before if before is not None else blank, name))
        held[i] = [f for f in fields if getattr(a, f) != getattr(blank, f) or f in marked]
    return held


def held_messages(
    ctx: ValidationContext, built: BuiltCase, held: dict[int, list[str]]
) -> dict[int, Message]:
    """What the dry run says at each held accused's row (translatable messages)."""
    detail = ctx.identity_detail
    out: dict[int, Message] = {}
    for i in held:
        pairs = dual_role.open_pairs(built.case, built.case.accused[i])
        victims = dual_role.victim_words(pairs, detail)
        if detail:
            out[i] = say(
                "imported without the date proceeded against and the outcome: the accused "
                "appears to be the same person as {victims} of this case, and a supervisor "
                "must review that first (review queue); import the register again after the "
                "review to bring them in",
                victims=victims,
            )
        else:
            out[i] = say(
                "imported without the date proceeded against and the outcome: the accused "
                "may be the same person as {victims} of this case, and a supervisor must "
                "review that first (review queue); import the register again after the "
                "review to bring them in",
                victims=victims,
            )
    return out
