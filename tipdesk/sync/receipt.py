"""Receipts: what HQ tells a device about the bundles it received, signed by HQ and
encrypted to that device only.

A receipt's manifest (readable, signed) names HQ, the device it is for, its serial number
(per device, increasing) and when it was made. The payload holds the highest sequence number
received without gaps, the change-log position HQ holds everything up to, gaps, the results of
the bundles imported since the previous receipt, open quarantine entries with their reasons,
open conflicts, and HQ's reference-list and rules updates. Those never hold record contents:
ids, field names, rule names and messages only.

Format 2 adds **records back** (``docs/bundle-format.md``): one page of the record versions
HQ holds for the addressee's district that the device does not (HQ's corrections, conflict
resolutions, records of the district from its other devices; later, cases handed over to it),
in the bundle payload's ``records`` form, with the page's range in HQ's change log (``back``),
how each resolved conflict was settled (``resolved``), and HQ's notices (``notices``: an
accused of one of the district's cases is also an accused in another district's case, named
by that district and case number only). Those records are the district's own, encrypted to
its device only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.ids import is_id
from tipdesk.core.messages import say
from tipdesk.sync import container
from tipdesk.sync.canonical import canonical
from tipdesk.sync.codec import MAX_NUMBER
from tipdesk.sync.container import Envelope
from tipdesk.sync.errors import DamagedFile
from tipdesk.sync.identity import Identity
from tipdesk.sync.payload import check_handovers, loads_strict

EXTENSION = ".tipr"
MAX_FILES = 10_000
"""Case file ids a receipt names at most (the newest HQ holds from the device)."""


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
    back: dict[str, Any] = field(default_factory=dict)
    """Format 2: ``{"from": a, "through": t, "more": bool}``: ``records`` holds the current
    version of every record of the district changed in HQ's change log after ``a`` up to
    ``t`` that the device does not hold; ``more`` when another page follows."""
    records: dict[str, Any] = field(default_factory=dict)
    resolved: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    anchor: list[Any] = field(default_factory=list)
    """Format 2: HQ's highest trusted anchor of the device's audit log, ``[entry, sha256]``
    (``[]`` while HQ holds none): the district proves its chain still holds it in its next
    bundle, and ``tipdesk audit verify`` compares the chain with it
    (:mod:`tipdesk.sync.anchor`)."""
    handovers: list[dict[str, Any]] = field(default_factory=list)
    """Format 2, optional: HQ's handovers from and to the device's district (moved or
    refused), as bundles carry them (:func:`tipdesk.sync.payload.check_handovers`)."""
    directory: dict[str, list[str]] = field(default_factory=dict)
    """Format 2, optional: every district's registered devices' age recipients (a district
    seals a handed-over case's identities for the receiving district's devices)."""
    files: list[str] = field(default_factory=list)
    """Format 2, optional: the ids of the device's case files HQ holds (the newest
    :data:`MAX_FILES`); the district marks those it sent as sent."""
    format: int = container.FORMAT

    def to_json(self) -> dict[str, Any]:
        out = self._json()
        if self.format >= 2:
            out |= {
                "anchor": list(self.anchor),
                "back": self.back,
                "notices": self.notices,
                "records": self.records,
                "resolved": self.resolved,
            }
            if self.handovers:
                out["handovers"] = self.handovers
            if self.directory:
                out["directory"] = self.directory
            if self.files:
                out["files"] = list(self.files)
        return out

    def _json(self) -> dict[str, Any]:
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
        "receipt",
        manifest.to_json(),
        canonical(receipt.to_json()),
        identity.signer,
        [recipient],
        receipt.format,
    )
    return bytes(sealed)  # receipts are small


def _damaged() -> DamagedFile:
    return DamagedFile(
        say("The receipt is not in the expected form; ask HQ for a new one. Nothing was changed.")
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
        and 1 <= m["serial"] <= MAX_NUMBER
        and isinstance(m["created_at"], str)
    ):
        raise _damaged()
    return ReceiptManifest(m["hq"], m["device"], m["serial"], m["created_at"])


_BACK = frozenset({"from", "through", "more"})


def _anchor(value: list[Any]) -> bool:
    """``[entry, sha256 hex]`` of an audit log entry."""
    return (
        len(value) == 2
        and _number(value[0])
        and value[0] > 0
        and isinstance(value[1], str)
        and len(value[1]) == 64
    )


def _number(value: Any) -> bool:
    """A counter or position: a whole number from 0 to :data:`MAX_NUMBER`."""
    return type(value) is int and 0 <= value <= MAX_NUMBER


def read_receipt(manifest: ReceiptManifest, plain: bytes, fmt: int = container.FORMAT) -> Receipt:
    """The receipt in ``plain`` (format ``fmt``), checked against its manifest. The records
    back stay in their payload form (:func:`tipdesk.sync.payload.decode_records` reads them)."""
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
    if fmt >= 2:
        keys |= {"back", "notices", "records", "resolved"}
    optional = {"anchor", "handovers", "directory", "files"} if fmt >= 2 else set()
    if not isinstance(doc, dict) or set(doc) - optional != keys:
        raise _damaged()
    anchor = doc.get("anchor", [])
    if not isinstance(anchor, list) or (anchor and not _anchor(anchor)):
        raise _damaged()
    ok = (
        doc["hq"] == manifest.hq
        and doc["device"] == manifest.device
        and doc["serial"] == manifest.serial
        and _number(doc["highest_seq"])
        and _number(doc["acked_change"])
        and isinstance(doc["issued_at"], str)
        and isinstance(doc["gaps"], list)
        and all(_number(g) for g in doc["gaps"])
        and all(isinstance(doc[k], list) for k in ("bundles", "quarantined", "conflicts"))
        and all(
            isinstance(x, dict) for k in ("bundles", "quarantined", "conflicts") for x in doc[k]
        )
        and isinstance(doc["updates"], dict)
    )
    if ok and fmt >= 2:
        back = doc["back"]
        ok = (
            isinstance(back, dict)
            and set(back) == _BACK
            and _number(back["from"])
            and _number(back["through"])
            and back["from"] <= back["through"]
            and type(back["more"]) is bool
            and isinstance(doc["records"], dict)
            and all(isinstance(doc[k], list) for k in ("notices", "resolved"))
            and all(isinstance(x, dict) for k in ("notices", "resolved") for x in doc[k])
        )
    directory = doc.get("directory", {})
    if ok and fmt >= 2:
        ok = isinstance(directory, dict) and all(
            isinstance(v, list) and all(isinstance(r, str) for r in v) for v in directory.values()
        )
        try:
            check_handovers(doc.get("handovers", []))
        except DamagedFile:
            ok = False
    files = doc.get("files", [])
    if ok:
        ok = (
            isinstance(files, list)
            and len(files) <= MAX_FILES
            and all(isinstance(f, str) and is_id(f) for f in files)
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
        back=doc.get("back", {}),
        records=doc.get("records", {}),
        resolved=doc.get("resolved", []),
        notices=doc.get("notices", []),
        anchor=list(anchor),
        handovers=doc.get("handovers", []),
        directory=directory,
        files=files,
        format=fmt,
    )
