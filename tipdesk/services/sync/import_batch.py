"""What a bundle import needs of the HQ store it writes to, whatever its engine.

:class:`ImportBatch` is the interface :mod:`tipdesk.services.sync.importer` drives: one
transaction's reads and buffered writes. Two implementations: the SQLCipher store's
:class:`tipdesk.store.remote_apply.RemoteBatch` (the one-laptop HQ, and districts taking HQ's
records back) and PostgreSQL's :class:`tipdesk.hqstore.batch.PgRemoteBatch` (the HQ server).
Both keep the contract of :mod:`tipdesk.store.remote_apply`.

:class:`HqBookkeeping` is what the import does beside the records on HQ's side: the device's
audit anchors, the cursor of HQ's records back to it, and the handovers it carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from tipdesk.core.records import Case, Record
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.audit import NewEntry
from tipdesk.store.handover_store import HandoverRow
from tipdesk.store.remote_apply import StoredRow
from tipdesk.store.store import Actor, Changes
from tipdesk.store.sync_rows import BundleRow, ConflictRow, QuarantineRow


class ImportBatch(Protocol):
    """One apply-remote transaction (contract: :mod:`tipdesk.store.remote_apply`)."""

    actor: Actor
    changes: Changes

    def handed_over(self, case_ids: Sequence[str]) -> dict[str, HandoverRow]: ...
    def stored(self, kind: str, ids: Sequence[str]) -> dict[str, StoredRow]: ...
    def children(self, kind: str, parent_ids: Sequence[str]) -> dict[str, list[StoredRow]]: ...
    def open_conflicts(self, kind: str, ids: Sequence[str]) -> dict[str, list[ConflictRow]]: ...
    def has_open_quarantine(self) -> bool: ...
    def open_quarantine(self, kind: str, ids: Sequence[str]) -> dict[str, list[QuarantineRow]]: ...
    def quarantine_of_units(
        self, case_ids: Sequence[str], victim_ids: Sequence[str], device_id: str
    ) -> list[QuarantineRow]: ...
    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]: ...
    def max_change(self) -> int: ...
    def bundle(self, device_id: str, seq: int) -> str | None: ...
    def write(
        self,
        record: Record,
        vv: dict[str, int],
        *,
        rowid: int | None,
        row: tuple[Any, ...] | None = None,
        owner: str = "",
    ) -> int: ...
    def insert_new(
        self,
        kind: str,
        items: Sequence[tuple[Record, dict[str, int], Sequence[Any] | None]],
        owners: Sequence[str] | str = "",
    ) -> list[int]: ...
    def index_case(self, case: Case, rowid: int, *, new: bool) -> None: ...
    def add_conflict(self, row: ConflictRow) -> None: ...
    def close_conflict(self, conflict_id: str, status: str, outcome: str) -> None: ...
    def add_quarantine(self, row: QuarantineRow) -> None: ...
    def close_quarantine(self, quarantine_id: str, status: str) -> None: ...
    def add_bundle(self, row: BundleRow) -> None: ...
    def audit(self, entry: NewEntry) -> None: ...


class HqBookkeeping(Protocol):
    """HQ's records of a device that an import updates in the import's transaction."""

    def anchors(self, device_id: str) -> list[AnchorRow]:
        """The device's recorded audit heads, oldest bundle first."""
        ...

    def add_anchor(self, row: AnchorRow) -> None:
        """Record (or replace) one bundle's audit head."""
        ...

    def confirm_back(self, device_id: str, through: int) -> None:
        """The device applied HQ's records back up to change ``through``."""
        ...

    def apply_handovers(
        self, requests: Sequence[dict[str, Any]], device_district: str
    ) -> list[dict[str, str]]:
        """Move the cases the bundle hands over to another district (after the bundle's
        own records are written); what was done, per handover."""
        ...
