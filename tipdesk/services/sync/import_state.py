"""State of one HQ import: what happened (:class:`Outcome`), each incoming row's place in
the merge (:class:`RowState`), and the :class:`~tipdesk.sync.merge.Version` views of stored,
held and incoming versions the merge compares. Pure data; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.records import Record
from tipdesk.store.remote_apply import StoredRow
from tipdesk.store.store import Changes
from tipdesk.store.sync_rows import ConflictRow
from tipdesk.sync.anchor import AnchorCheck
from tipdesk.sync.codec import FIELDS, record_digest
from tipdesk.sync.merge import Decision, Version, digest, row_vv
from tipdesk.sync.payload import IncomingRow
from tipdesk.sync.units import Unit

NEW = "new"


@dataclass(slots=True)
class Outcome:
    """What an import did, for the report and the receipt (ids, counts and reasons only)."""

    status: str  # imported | duplicate
    accepted: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    superseded: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    anchor: AnchorCheck | None = None
    """What HQ found about the bundle's audit head (:mod:`tipdesk.sync.anchor`)."""
    handovers: list[dict[str, str]] = field(default_factory=list)
    """The bundle's handovers: moved or refused, with why (:mod:`.handovers`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "accepted": dict(self.accepted),
            "duplicates": self.duplicates,
            "superseded": self.superseded,
            "conflicts": list(self.conflicts),
            "quarantined": list(self.quarantined),
        }


@dataclass(slots=True)
class RowState:
    inc: IncomingRow
    stored: StoredRow | None
    held: list[ConflictRow]
    decision: Decision | str | None = None  # NEW for a record HQ never had
    unit: Unit = ("", "")
    pulled: str | None = None  # the quarantine entry this row was taken from


def stored_version(row: StoredRow, here: str) -> Version:
    r = row.record
    return Version(
        vv=row_vv(r.version, r.updated_device, row.synced),
        version=r.version,
        updated_at=r.updated_at,
        updated_device=r.updated_device,
        here=r.updated_device == here,
        ref="stored",
        digest_of=lambda: record_digest(r),
    )


def held_version(c: ConflictRow, here: str) -> Version:
    values = [c.record.get(f) for f in FIELDS[c.kind]]
    device = str(c.record.get("updated_device", ""))
    return Version(
        vv=dict(c.vv),
        version=c.version,
        updated_at=str(c.record.get("updated_at", "")),
        updated_device=device,
        here=device == here,
        ref=c.id,
        digest_of=lambda: digest(values),
    )


def incoming_version(inc: IncomingRow, record: Record, here: str) -> Version:
    return Version(
        vv=inc.vv,
        version=record.version,
        updated_at=record.updated_at,
        updated_device=record.updated_device,
        here=record.updated_device == here,
        ref="incoming",
        digest_of=lambda: inc.digest,
    )
