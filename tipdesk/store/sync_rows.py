"""Row types of the sync tables (schema step 2) and small SQL helpers shared by
:mod:`tipdesk.store.sync_store` and :mod:`tipdesk.store.remote_apply`.

Contract: plain frozen dataclasses; structured values (counts, vectors, records, problems)
are decoded from the compact JSON the tables keep (:func:`to_json`). No I/O here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tipdesk.store.identity import IdentityVault

_CHUNK = 500
_ENCODE = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode


def to_json(value: Any) -> str:
    """Compact sorted JSON text, as the sync tables store structured values."""
    return _ENCODE(value)


@dataclass(frozen=True, slots=True)
class KeyRow:
    name: str
    secret: str
    public: str
    created_at: str

    def __repr__(self) -> str:  # never show the secret
        return f"KeyRow(name={self.name!r}, public={self.public!r})"


@dataclass(frozen=True, slots=True)
class HqRow:
    device_id: str
    signing_key: str
    recipient: str
    backup_recipients: tuple[str, ...]
    fingerprint: str
    enrolled_at: str = ""
    enrolled_by: str = ""


@dataclass(frozen=True, slots=True)
class OutboxRow:
    seq: int
    file_name: str
    from_change: int
    to_change: int
    counts: dict[str, int]
    sha256: str
    created_at: str
    acked_at: str | None = None
    back_through: int = 0
    """How far in HQ's change log this district had applied HQ's versions when it made the
    bundle (what the bundle confirms to HQ)."""


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    serial: int
    hq_device: str
    issued_at: str
    imported_at: str
    highest_seq: int
    acked_change: int
    summary: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DeviceRow:
    device_id: str
    district: str
    office: str
    signing_key: str
    recipient: str
    fingerprint: str
    registered_at: str = ""
    registered_by: str = ""
    revoked_at: str | None = None
    revoked_by: str | None = None
    receipt_serial: int = 0
    back_confirmed: int = 0
    """How far in HQ's change log the device confirmed applying HQ's versions (records back)."""


@dataclass(frozen=True, slots=True)
class BundleRow:
    device_id: str
    seq: int
    sha256: str
    from_change: int
    to_change: int
    created_at: str
    imported_at: str
    result: dict[str, Any]
    receipt_serial: int | None = None


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """A version held back by a conflict: ``record`` is the full record (``to_dict``)."""

    id: str
    kind: str
    record_id: str
    status: str  # open | resolved | superseded | promoted
    version: int
    vv: dict[str, int]
    record: dict[str, Any]
    device_id: str
    bundle_seq: int
    detected_at: str
    closed_at: str | None = None
    closed_by: str | None = None
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class QuarantineRow:
    """An incoming version refused by validation, in full, with every problem."""

    id: str
    device_id: str
    bundle_seq: int
    kind: str
    record_id: str
    version: int
    vv: dict[str, int]
    record: dict[str, Any]
    problems: list[dict[str, str]]
    received_at: str
    status: str  # open | superseded | accepted


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """A notice from HQ kept at the district (schema 4): an accused of the district's case
    ``case_id`` (number ``case_number``) is also an accused in case ``other_case_number`` of
    ``other_district``. Nothing else of the other case is ever carried."""

    id: str
    kind: str  # linked_accused
    case_id: str
    case_number: str
    other_district: str
    other_case_number: str
    first_seen: str = ""
    receipt_serial: int = 0


def _record(kind: str, record_id: str, text: str, vault: IdentityVault | None) -> Any:
    """A stored version's JSON; a victim's identity opened with ``vault`` (sealed by
    :meth:`IdentityVault.seal_json` when it was kept)."""
    record = json.loads(text)
    if vault is not None and kind == "victim" and isinstance(record, dict):
        return vault.open_json(record_id, record)
    return record


def conflict_from_row(r: Sequence[Any], vault: IdentityVault | None = None) -> ConflictRow:
    return ConflictRow(
        r[0],
        r[1],
        r[2],
        r[3],
        int(r[4]),
        json.loads(r[5]),
        _record(r[1], r[2], r[6], vault),
        r[7],
        int(r[8]),
        r[9],
        r[10],
        r[11],
        r[12],
    )


def quarantine_from_row(r: Sequence[Any], vault: IdentityVault | None = None) -> QuarantineRow:
    return QuarantineRow(
        r[0],
        r[1],
        int(r[2]),
        r[3],
        r[4],
        int(r[5]),
        json.loads(r[6]),
        _record(r[3], r[4], r[7], vault),
        json.loads(r[8]),
        r[9],
        r[10],
    )


CONFLICT_COLUMNS = (
    "id, kind, record_id, status, version, vv, record, device_id, bundle_seq, detected_at, "
    "closed_at, closed_by, outcome"
)
VERSIONS_SQL = "SELECT record_id, version, vv FROM sync_versions WHERE kind = ? AND record_id IN "
QUARANTINE_COLUMNS = (
    "id, device_id, bundle_seq, kind, record_id, version, vv, record, problems, received_at, status"
)


def chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    return ", ".join("?" * n)
