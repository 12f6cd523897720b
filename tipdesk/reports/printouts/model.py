"""What a printout shows, as plain data the services fill in (no store, no session here).

Every text is final: victims' identifying details are either revealed for this printout (the
service did so through :func:`tipdesk.services.records.reveal_victim`, which audits it) or
already replaced by a "withheld" word. The writers print exactly what they are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tipdesk.core.letters import LetterTemplate


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The office's letterhead (Settings), printed at the top of every page one."""

    office_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    officer_name: str = ""
    officer_designation: str = ""
    district: str = ""

    def contact_line(self) -> str:
        parts = [self.address]
        if self.phone:
            parts.append(f"Tel: {self.phone}")
        if self.email:
            parts.append(self.email)
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Footer:
    """Who printed the document, when, and how it must be handled."""

    printed_by: str
    printed_at: str
    """Local date and time, as people write it."""
    marking: str = "CONFIDENTIAL"


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header texts and rows of texts (already formatted)."""

    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    widths: tuple[float, ...]
    """Relative column widths (any scale)."""
    empty: str = "None recorded."


@dataclass(frozen=True, slots=True)
class CaseSummary:
    letterhead: Letterhead
    footer: Footer
    reference: str
    date: str
    title: str
    details: list[tuple[str, str]]
    narrative: str
    accused: Table
    hearings: Table
    victims: Table
    referrals: Table
    identity_note: str
    """Says whether victims' identities are shown, and on whose decision."""


@dataclass(frozen=True, slots=True)
class ReferralLetter:
    letterhead: Letterhead
    footer: Footer
    reference: str
    date: str
    letter: LetterTemplate
    """The template, filled in."""


@dataclass(frozen=True, slots=True)
class CauseCourt:
    court: str
    rows: Sequence[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class CauseListDoc:
    letterhead: Letterhead
    footer: Footer
    reference: str
    date: str
    period: str
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    courts: list[CauseCourt] = field(default_factory=list)
