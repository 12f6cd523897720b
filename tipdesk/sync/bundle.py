"""Bundles: the manifest, sealing a payload into a bundle file, and reading one back.

The manifest is the signed, readable part of a bundle (``docs/bundle-format.md``): format
version, sender device, district and office, the per-device sequence number, the range of
change-log entries it covers, the number of rows per record type, when it was made and the
payload's digest. It never holds record contents.

Contract: :func:`read_manifest` checks a manifest's shape and nothing else; the caller looks up
the sender, :func:`~tipdesk.sync.container.verify`\\ s the signature with the sender's key and
only then decrypts (:func:`~tipdesk.sync.container.open_payload`) and decodes
(:func:`tipdesk.sync.payload.decode`), then :func:`check_payload` ties the payload to the
manifest, so a bundle re-signed by another device is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.core.ids import is_id
from tipdesk.sync import container
from tipdesk.sync.codec import KIND_ORDER
from tipdesk.sync.container import Envelope
from tipdesk.sync.errors import DamagedFile
from tipdesk.sync.identity import Identity
from tipdesk.sync.payload import Payload

EXTENSION = ".tipb"


def short_device(device_id: str) -> str:
    """The last 8 characters of a device id: its random part (UUIDv7 ids begin with their
    creation time, so devices set up in the same minute share a prefix)."""
    return device_id[-8:]


@dataclass(frozen=True, slots=True)
class Manifest:
    device: str
    district: str
    office: str
    seq: int
    after_change: int
    through_change: int
    counts: dict[str, int]
    created_at: str
    app_version: str
    back: int = 0
    """Format 2: how far in HQ's change log the district applied the versions HQ sent back
    (``docs/bundle-format.md``, records back); it confirms that page to HQ."""
    format: int = container.FORMAT

    def to_json(self) -> dict[str, Any]:
        out = self._json()
        if self.format >= 2:
            out["back"] = self.back
        return out

    def _json(self) -> dict[str, Any]:
        return {
            "app_version": self.app_version,
            "changes": {"after": self.after_change, "through": self.through_change},
            "counts": dict(self.counts),
            "created_at": self.created_at,
            "device": self.device,
            "district": self.district,
            "office": self.office,
            "seq": self.seq,
        }

    def file_name(self) -> str:
        return (
            f"{self.district or 'district'}-{short_device(self.device)}-{self.seq:06d}{EXTENSION}"
        )


def seal_bundle(
    identity: Identity, manifest: Manifest, payload_json: bytes, recipients: Sequence[str]
) -> bytearray:
    """A bundle file: ``payload_json`` sealed for ``recipients`` and signed by ``identity``
    (in the manifest's format)."""
    return container.seal(
        "bundle", manifest.to_json(), payload_json, identity.signer, recipients, manifest.format
    )


def _damaged() -> DamagedFile:
    return DamagedFile(
        "The bundle's manifest is not in the expected form; it was refused. Nothing was changed."
    )


def read_manifest(envelope: Envelope) -> Manifest:
    m = envelope.manifest
    keys = {
        "app_version",
        "changes",
        "counts",
        "created_at",
        "device",
        "district",
        "office",
        "payload",
        "seq",
    }
    if envelope.format >= 2:
        keys.add("back")
    if set(m) != keys:
        raise _damaged()
    changes, counts = m["changes"], m["counts"]
    back = m.get("back", 0)
    ok = (
        isinstance(m["device"], str)
        and is_id(m["device"])
        and all(isinstance(m[k], str) for k in ("district", "office", "created_at", "app_version"))
        and type(m["seq"]) is int
        and m["seq"] >= 1
        and isinstance(changes, dict)
        and set(changes) == {"after", "through"}
        and type(changes["after"]) is int
        and type(changes["through"]) is int
        # Format 2: a bundle may carry no change, only the confirmation of HQ's records back.
        and 0 <= changes["after"] <= changes["through"]
        and (envelope.format >= 2 or changes["after"] < changes["through"])
        and type(back) is int
        and back >= 0
        and isinstance(counts, dict)
        and set(counts) <= set(KIND_ORDER)
        and all(type(n) is int and n >= 0 for n in counts.values())
    )
    if not ok:
        raise _damaged()
    return Manifest(
        device=m["device"],
        district=m["district"],
        office=m["office"],
        seq=m["seq"],
        after_change=changes["after"],
        through_change=changes["through"],
        counts=dict(counts),
        created_at=m["created_at"],
        app_version=m["app_version"],
        back=back,
        format=envelope.format,
    )


def check_payload(manifest: Manifest, payload: Payload) -> None:
    """The decrypted payload must be the one the manifest describes."""
    if (
        payload.device != manifest.device
        or payload.seq != manifest.seq
        or payload.counts() != {k: n for k, n in manifest.counts.items() if n}
    ):
        raise DamagedFile(
            "The bundle's contents do not match its manifest (it may have been re-signed by "
            "another device); it was refused. Nothing was changed."
        )
