"""This install's sync identity, and the signed public documents that introduce it.

Each install has an Ed25519 signing key and an X25519 (age) encryption key (:func:`new_keys`),
made at ``init`` (or on first use in a store made before sync existed) and kept in the
encrypted store's ``sync_keys`` table (:mod:`tipdesk.services.sync.keys` stores and loads them;
nothing here touches the store). Two public documents carry the public halves, each signed by
the key it introduces (so a document that was altered in transit does not verify):

- the **enrolment file** HQ gives to districts: HQ's keys and the backup recipients every
  bundle is also encrypted to;
- the **device file** a district gives to HQ: its keys, district and office.

Trust comes from the **fingerprint** (SHA-256 over the signing key and the recipient, 100 bits
as five groups of four characters): the officer compares what ``tipdesk enroll`` shows with
what HQ reads out from ``tipdesk keys show``, over the phone or on paper.

Contract: secrets leave this module only as :class:`Identity` objects and, once, as the
:class:`KeyText` the store keeps; the repr of both hides them. Documents are canonical JSON.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from tipdesk.core.ids import is_id
from tipdesk.core.messages import Message, say, template
from tipdesk.sync import age
from tipdesk.sync.canonical import Malformed, b64, canonical, strict_loads, unb64
from tipdesk.sync.errors import BadDocument

SIGNING = "signing"
ENCRYPTION = "encryption"
ENROLMENT = "tipdesk-enrolment"
DEVICE = "tipdesk-device"
DOCUMENT_FORMAT = 1
_DOMAIN = b"tipdesk-sync v1 document\n"
_FINGERPRINT_DOMAIN = b"tipdesk-sync v1 fingerprint\n"
MAX_DOCUMENT_BYTES = 64 * 1024


def fingerprint(signing_key: bytes, recipient: str) -> str:
    """Five groups of four base32 characters (100 bits) naming a pair of public keys."""
    raw = hashlib.sha256(_FINGERPRINT_DOMAIN + signing_key + recipient.encode("ascii")).digest()
    text = base64.b32encode(raw).decode("ascii")[:20]
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True, slots=True)
class PublicIdentity:
    """The public half of an install's identity."""

    device_id: str
    signing_key: bytes
    recipient: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key, self.recipient)


class Identity:
    """An install's keys. Holds secrets: never log, print or put in an exception."""

    __slots__ = ("_age", "_signer", "public")

    def __init__(self, device_id: str, signer: Ed25519PrivateKey, age_identity: str) -> None:
        self._signer = signer
        self._age = age_identity
        raw = signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public = PublicIdentity(device_id, raw, age.recipient_of(age_identity))

    def __repr__(self) -> str:
        return f"Identity(device={self.public.device_id!r}, fingerprint={self.public.fingerprint})"

    @classmethod
    def from_secrets(cls, device_id: str, signing_secret: str, age_secret: str) -> Identity:
        """The identity whose secret halves the store keeps, as :func:`new_keys` wrote them."""
        return cls(device_id, Ed25519PrivateKey.from_private_bytes(unb64(signing_secret, 32)),
                   age_secret)  # fmt: skip

    @property
    def signer(self) -> Ed25519PrivateKey:
        return self._signer

    @property
    def age_identity(self) -> str:
        return self._age


@dataclass(frozen=True, slots=True)
class KeyText:
    """One new key as the store keeps it (:func:`new_keys`): its name (:data:`SIGNING` or
    :data:`ENCRYPTION`), its secret half and its public half, as text. Secret: the repr shows
    the name and the public half only."""

    name: str
    secret: str = field(repr=False)
    public: str


def new_keys() -> tuple[KeyText, KeyText]:
    """Fresh keys: an Ed25519 signing key and an age X25519 identity. Secret."""
    signer = Ed25519PrivateKey.generate()
    secret_age = age.new_identity()
    public_raw = signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    secret_raw = signer.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return (
        KeyText(SIGNING, b64(secret_raw), b64(public_raw)),
        KeyText(ENCRYPTION, secret_age, age.recipient_of(secret_age)),
    )


# --- signed public documents ---------------------------------------------------------------------


def _sign(identity: Identity, doc_type: str, body: dict[str, Any]) -> bytes:
    body = {
        **body,
        "device": identity.public.device_id,
        "recipient": identity.public.recipient,
        "signing_key": b64(identity.public.signing_key),
    }
    signature = identity.signer.sign(_DOMAIN + doc_type.encode("ascii") + b"\n" + canonical(body))
    doc = {"body": body, "format": DOCUMENT_FORMAT, "signature": b64(signature), "type": doc_type}
    return canonical(doc) + b"\n"


#: The documents :func:`_verify` reads, as words of a message (translated with it).
_WORDS = {"enrolment file": template("enrolment file"), "device file": template("device file")}


def _bad(what: str, why: Message | str) -> BadDocument:
    return BadDocument(
        say(
            "This is not a usable TIPDesk {what} ({why}). Nothing was changed.",
            what=say(_WORDS[what]) if what in _WORDS else what,
            why=why,
        )
    )


def _verify(data: bytes, doc_type: str, what: str) -> tuple[dict[str, Any], PublicIdentity]:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _bad(what, say("too large"))
    try:
        doc = strict_loads(data)
    except Malformed:
        raise _bad(what, say("not valid JSON")) from None
    if not isinstance(doc, dict) or doc.get("type") != doc_type:
        raise _bad(what, say("it is another kind of file"))
    if doc.get("format") != DOCUMENT_FORMAT or set(doc) != {"body", "format", "signature", "type"}:
        raise _bad(what, say("an unknown version"))
    body = doc["body"]
    if not isinstance(body, dict):
        raise _bad(what, say("no contents"))
    try:
        signing_key = unb64(body.get("signing_key"), 32)
        signature = unb64(doc["signature"], 64)
    except Malformed as exc:
        raise _bad(what, str(exc)) from None
    device, recipient = body.get("device"), body.get("recipient")
    if not isinstance(device, str) or not is_id(device):
        raise _bad(what, say("no valid device id"))
    if not isinstance(recipient, str) or not age.is_recipient(recipient):
        raise _bad(what, say("no valid encryption key"))
    try:
        Ed25519PublicKey.from_public_bytes(signing_key).verify(
            signature, _DOMAIN + doc_type.encode("ascii") + b"\n" + canonical(body)
        )
    except InvalidSignature:
        raise _bad(what, say("its signature does not verify: it was altered")) from None
    return body, PublicIdentity(device, signing_key, recipient)


@dataclass(frozen=True, slots=True)
class Enrolment:
    """HQ's public identity and the backup recipients, from a verified enrolment file."""

    hq: PublicIdentity
    backup_recipients: tuple[str, ...]
    created_at: str


def enrolment_document(identity: Identity, backups: Sequence[str], created_at: str) -> bytes:
    return _sign(
        identity, ENROLMENT, {"backup_recipients": list(backups), "created_at": created_at}
    )


def read_enrolment(data: bytes) -> Enrolment:
    """Verify and read an enrolment file (:class:`BadDocument` when it cannot be used)."""
    what = "enrolment file"
    body, public = _verify(data, ENROLMENT, what)
    if set(body) != {"backup_recipients", "created_at", "device", "recipient", "signing_key"}:
        raise _bad(what, say("unexpected contents"))
    backups = body["backup_recipients"]
    if not isinstance(backups, list) or not all(
        isinstance(r, str) and age.is_recipient(r) for r in backups
    ):
        raise _bad(what, say("a backup recipient is not a valid age recipient"))
    if not isinstance(body["created_at"], str):
        raise _bad(what, say("no date"))
    return Enrolment(public, tuple(backups), body["created_at"])


@dataclass(frozen=True, slots=True)
class DeviceFile:
    """A district device's public identity and place, from a verified device file."""

    device: PublicIdentity
    district: str
    office_code: str
    office_name: str
    office_district: str
    office_kind: str
    created_at: str
    app_version: str


def device_document(
    identity: Identity, *, district: str, office: dict[str, str], created_at: str, app_version: str
) -> bytes:
    return _sign(
        identity,
        DEVICE,
        {
            "app_version": app_version,
            "created_at": created_at,
            "district": district,
            "office": office,
        },
    )


def read_device_file(data: bytes) -> DeviceFile:
    """Verify and read a device file (:class:`BadDocument` when it cannot be used)."""
    what = "device file"
    body, public = _verify(data, DEVICE, what)
    keys = {"app_version", "created_at", "device", "district", "office", "recipient", "signing_key"}
    if set(body) != keys:
        raise _bad(what, say("unexpected contents"))
    office = body["office"]
    if not isinstance(office, dict) or set(office) != {"code", "name", "district", "kind"}:
        raise _bad(what, say("no office"))
    texts = [body["district"], body["created_at"], body["app_version"], *office.values()]
    if not all(isinstance(t, str) for t in texts) or not body["district"]:
        raise _bad(what, say("a field is not text"))
    return DeviceFile(
        device=public,
        district=body["district"],
        office_code=office["code"],
        office_name=office["name"],
        office_district=office["district"],
        office_kind=office["kind"],
        created_at=body["created_at"],
        app_version=body["app_version"],
    )
