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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.core.ids import is_id
from tipdesk.core.messages import say
from tipdesk.sync import container
from tipdesk.sync.codec import KIND_ORDER, MAX_NUMBER
from tipdesk.sync.container import Envelope
from tipdesk.sync.errors import DamagedFile, RangeMismatch
from tipdesk.sync.identity import Identity
from tipdesk.sync.payload import Payload

EXTENSION = ".tipb"


def short_device(device_id: str) -> str:
    """The last 8 characters of a device id: its random part (UUIDv7 ids begin with their
    creation time, so devices set up in the same minute share a prefix)."""
    return device_id[-8:]


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def is_safe_code(text: str) -> bool:
    """A district (or office) code that may be part of a file name: letters, digits, ``-`` and
    ``_`` only, never a path (``..``, ``/``, ``\\``) nor a hidden name."""
    return _CODE.fullmatch(text) is not None


def bundle_file_name(district: str, device_id: str, seq: int) -> str:
    """``<district>-<last 8 characters of the device id>-<seq, 6 digits>.tipb``. Callers pass
    the district and device *as registered* (never what a bundle from elsewhere claims);
    anything that is not a plain code or id is a bug here, refused with ``ValueError``."""
    if not is_safe_code(district) or not is_id(device_id) or seq < 1:
        raise ValueError("a bundle file name needs a district code, a device id and a number")
    return f"{district}-{short_device(device_id)}-{seq:06d}{EXTENSION}"


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
        """The file name of a bundle this install made (its own district and device). HQ
        names a received bundle from its registry instead (``bundle_file_name``)."""
        return bundle_file_name(self.district or "district", self.device, self.seq)


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
        say(
            "The bundle's manifest is not in the expected form; it was refused. Nothing was "
            "changed."
        )
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
        and 1 <= m["seq"] <= MAX_NUMBER
        and isinstance(changes, dict)
        and set(changes) == {"after", "through"}
        and type(changes["after"]) is int
        and type(changes["through"]) is int
        and changes["through"] <= MAX_NUMBER
        # Format 2: a bundle may carry no change, only the confirmation of HQ's records back.
        and 0 <= changes["after"] <= changes["through"]
        and (envelope.format >= 2 or changes["after"] < changes["through"])
        and type(back) is int
        and 0 <= back <= MAX_NUMBER
        and isinstance(counts, dict)
        and set(counts) <= set(KIND_ORDER)
        and all(type(n) is int and 0 <= n <= MAX_NUMBER for n in counts.values())
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
    """The decrypted payload must be the one the manifest describes: same device, number and
    counts, and (format 2) the range of changes it claims must be the one its records show
    (:func:`check_range`)."""
    if (
        payload.device != manifest.device
        or payload.seq != manifest.seq
        or payload.counts() != {k: n for k, n in manifest.counts.items() if n}
    ):
        raise DamagedFile(
            say(
                "The bundle's contents do not match its manifest (it may have been re-signed by "
                "another device); it was refused. Nothing was changed."
            )
        )
    if manifest.format >= 2:
        check_range(manifest, payload)


def check_range(manifest: Manifest, payload: Payload) -> None:
    """A format 2 bundle holds every change after ``after`` up to ``through`` of its sender's
    change log, and says where each record's latest change is (and which changes of the range
    it leaves out: HQ's own versions). HQ acknowledges the range, so it must be the one the
    payload shows: the payload's range is the manifest's, every record has its position,
    every position lies in the range and belongs to one record only, and the range ends at
    the last of them (a bundle with no change has an empty range). Otherwise the bundle is
    refused (:class:`RangeMismatch`): a crafted "through 1,000,000" acknowledges nothing."""
    after, through = manifest.after_change, manifest.through_change
    claim = say("the changes after {after:,} up to {through:,}", after=after, through=through)
    changes = payload.changes
    if changes is None:
        raise RangeMismatch(
            say(
                "The bundle claims {claim} but does not say where its records are in that "
                "range; it was refused. Nothing was changed.",
                claim=claim,
            )
        )
    if (changes.after, changes.through) != (after, through):
        raise RangeMismatch(
            say(
                "The bundle's manifest claims {claim}, its contents the changes after "
                "{after:,} up to {through:,}; it was refused. Nothing was changed.",
                claim=claim,
                after=changes.after,
                through=changes.through,
            )
        )
    counts = payload.counts()
    if {k: len(v) for k, v in changes.positions.items() if v} != counts:
        raise RangeMismatch(
            say(
                "The bundle does not give a change position for each of its records; it was "
                "refused. Nothing was changed."
            )
        )
    every = [p for kind in KIND_ORDER for p in changes.positions.get(kind, ())]
    every += changes.not_sent
    if not every:
        if after != through:
            raise RangeMismatch(
                say(
                    "The bundle claims {claim} but holds no change; it was refused. Nothing "
                    "was changed.",
                    claim=claim,
                )
            )
        return
    low, high = min(every), max(every)
    if low <= after or high > through or len(set(every)) != len(every):
        raise RangeMismatch(
            say(
                "The bundle claims {claim} but its records lie elsewhere (changes {low:,} to "
                "{high:,}, or one change twice); it was refused. Nothing was changed.",
                claim=claim,
                low=low,
                high=high,
            )
        )
    if high != through:
        raise RangeMismatch(
            say(
                "The bundle claims {claim} but holds changes up to {high:,} only; it was "
                "refused. Nothing was changed.",
                claim=claim,
                high=high,
            )
        )
