"""Receipts: what HQ tells a device about the bundles it received, signed by HQ and
encrypted to that device only.

A receipt's manifest (readable, signed) names HQ, the device it is for, its serial number
(per device, increasing) and when it was made. The payload holds the highest sequence number
received without gaps, the change-log position HQ holds everything up to, gaps, the results of
the bundles imported since the previous receipt, open quarantine entries with their reasons,
open conflicts, and HQ's reference-list and rules updates. It never holds record contents:
ids, field names, rule names and messages only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.ids import is_id
from tipdesk.sync import container
from tipdesk.sync.canonical import canonical
from tipdesk.sync.container import Envelope
from tipdesk.sync.errors import DamagedFile
from tipdesk.sync.identity import Identity
from tipdesk.sync.payload import loads_strict

EXTENSION = ".tipr"


@dataclass(frozen=True, slots=True)
class ReceiptManifest:
    hq: str
    device: str
    serial: int
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at,
            "device": self.device,
            "hq": self.hq,
            "serial": self.serial,
        }


@dataclass(frozen=True, slots=True)
class Receipt:
    """The contents of a receipt (see the module docstring)."""

    hq: str
    device: str
    serial: int
    issued_at: str
    highest_seq: int
    acked_change: int
    gaps: list[int] = field(default_factory=list)
    bundles: list[dict[str, Any]] = field(default_factory=list)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    updates: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "acked_change": self.acked_change,
            "bundles": self.bundles,
            "conflicts": self.conflicts,
            "device": self.device,
            "gaps": self.gaps,
            "highest_seq": self.highest_seq,
            "hq": self.hq,
            "issued_at": self.issued_at,
            "quarantined": self.quarantined,
            "serial": self.serial,
            "updates": self.updates,
        }


def seal_receipt(identity: Identity, receipt: Receipt, recipient: str) -> bytes:
    manifest = ReceiptManifest(receipt.hq, receipt.device, receipt.serial, receipt.issued_at)
    sealed = container.seal(
        "receipt", manifest.to_json(), canonical(receipt.to_json()), identity.signer, [recipient]
    )
    return bytes(sealed)  # receipts are small


def _damaged() -> DamagedFile:
    return DamagedFile(
        "The receipt is not in the expected form; ask HQ for a new one. Nothing was changed."
    )


def read_manifest(envelope: Envelope) -> ReceiptManifest:
    m = envelope.manifest
    if set(m) != {"created_at", "device", "hq", "payload", "serial"}:
        raise _damaged()
    if not (
        isinstance(m["hq"], str)
        and is_id(m["hq"])
        and isinstance(m["device"], str)
        and is_id(m["device"])
        and type(m["serial"]) is int
        and m["serial"] >= 1
        and isinstance(m["created_at"], str)
    ):
        raise _damaged()
    return ReceiptManifest(m["hq"], m["device"], m["serial"], m["created_at"])


def read_receipt(manifest: ReceiptManifest, plain: bytes) -> Receipt:
    doc = loads_strict(plain)
    keys = {
        "acked_change",
        "bundles",
        "conflicts",
        "device",
        "gaps",
        "highest_seq",
        "hq",
        "issued_at",
        "quarantined",
        "serial",
        "updates",
    }
    if not isinstance(doc, dict) or set(doc) != keys:
        raise _damaged()
    ok = (
        doc["hq"] == manifest.hq
        and doc["device"] == manifest.device
        and doc["serial"] == manifest.serial
        and type(doc["highest_seq"]) is int
        and type(doc["acked_change"]) is int
        and isinstance(doc["issued_at"], str)
        and isinstance(doc["gaps"], list)
        and all(type(g) is int for g in doc["gaps"])
        and all(isinstance(doc[k], list) for k in ("bundles", "quarantined", "conflicts"))
        and all(
            isinstance(x, dict) for k in ("bundles", "quarantined", "conflicts") for x in doc[k]
        )
        and isinstance(doc["updates"], dict)
    )
    if not ok:
        raise _damaged()
    return Receipt(
        hq=doc["hq"],
        device=doc["device"],
        serial=doc["serial"],
        issued_at=doc["issued_at"],
        highest_seq=doc["highest_seq"],
        acked_change=doc["acked_change"],
        gaps=doc["gaps"],
        bundles=doc["bundles"],
        quarantined=doc["quarantined"],
        conflicts=doc["conflicts"],
        updates=doc["updates"],
    )
