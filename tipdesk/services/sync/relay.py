"""Consenting victims' identities in bundles, whoever exports them (issue 14's regression fix).

District offices are run by officers, who cannot open identities (they do not hold the identity
key). So a bundle carries a consenting victim's identifying fields as the district's store keeps
them, sealed (tokens ``s1:<data key>:...``), and the payload carries each data key they need
sealed to HQ's recipients (:mod:`tipdesk.store.identity_relay`, ``docs/security.md``). HQ opens
the keys with its own X25519 key, the tokens with the keys, and seals the values again in its own
vault as it writes them; no plaintext identity is ever written at either end outside a vault.

Contract:
- :func:`relay_identities` (district) puts the tokens into consenting victims (in memory, the
  records about to be encoded) and returns the sealed keys by data key and recipient, and the
  ids of consenting victims whose data key has no copy for HQ yet: those wait (the exporter
  leaves them out and says so) until a user who holds the identity key signs in, which seals
  the copies and queues them again. Nothing else is ever held back.
- :func:`open_identities` (HQ) replaces every token of an incoming victim by its value; a token
  that does not open puts a problem on its row (rule ``sync.identity``), which quarantines the
  row's unit with the token, never a value.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.core.errors import Problem
from tipdesk.core.records import Record, Victim
from tipdesk.store import identity_relay
from tipdesk.store.relay_store import RelayStore
from tipdesk.store.store import Store
from tipdesk.store.sync_store import HqRow
from tipdesk.sync import age
from tipdesk.sync.payload import IncomingRow

RULE = "sync.identity"


def recipient_keys(hq: HqRow) -> list[str]:
    """HQ's bundle recipients as the relay names them (base64 raw X25519 public keys)."""
    names = [hq.recipient, *hq.backup_recipients]
    return sorted({identity_relay.b64(age.recipient_key(r)) for r in names})


@dataclass(slots=True)
class Relayed:
    """What :func:`relay_identities` found."""

    keys: dict[int, dict[str, bytes]] = field(default_factory=dict)
    """Data key id -> recipient (base64 public key) -> the data key sealed to it."""
    waiting: list[Victim] = field(default_factory=list)
    """Consenting victims left out: their identity's data key has no copy for HQ yet."""


def relay_identities(store: Store, records: Iterable[Record], hq: HqRow) -> Relayed:
    """Put the stored tokens into the consenting victims among ``records`` (in place) and
    gather the sealed data keys they need (see the module contract)."""
    victims = [r for r in records if isinstance(r, Victim) and r.consent_to_share]
    out = Relayed()
    if not victims:
        return out
    relay = RelayStore(store)
    tokens = relay.tokens([v.id for v in victims])
    wanted = recipient_keys(hq)
    main = identity_relay.b64(age.recipient_key(hq.recipient))
    needed = {
        k
        for t in tokens.values()
        for v in t.values()
        if (k := identity_relay.key_id_of(v)) is not None
    }
    sealed = {r: relay.copies(needed, r) for r in wanted}
    for victim in victims:
        mine = tokens.get(victim.id, {})
        ids = {k for v in mine.values() if (k := identity_relay.key_id_of(v)) is not None}
        if any(k not in sealed[main] for k in ids):
            out.waiting.append(victim)
            continue
        for name in Victim.IDENTIFYING:
            setattr(victim, name, mine.get(name, ""))
        for k in ids:
            out.keys[k] = {r: sealed[r][k] for r in wanted if k in sealed[r]}
    return out


def keys_json(keys: Mapping[int, Mapping[str, bytes]]) -> dict[str, dict[str, str]]:
    """The payload's ``identity_keys`` (``docs/bundle-format.md``)."""
    return {
        str(k): {r: identity_relay.b64(s) for r, s in sorted(by.items())}
        for k, by in sorted(keys.items())
    }


def open_identities(
    rows: Sequence[IncomingRow], keys: Mapping[str, Mapping[str, str]], age_identity: str
) -> int:
    """Replace the tokens of incoming victims by their values (HQ); the number of rows that
    could not be opened (each given a problem)."""
    private = age.identity_key(age_identity)
    mine = identity_relay.b64(age.recipient_key(age.recipient_of(age_identity)))
    opened: dict[int, AESGCM | None] = {}
    failed = 0
    for row in rows:
        record = row.record
        if not isinstance(record, Victim):
            continue
        bad: list[str] = []
        values: dict[str, str] = {}
        for name in Victim.IDENTIFYING:
            token = getattr(record, name)
            if not token.startswith("s1:"):
                continue
            key_id = identity_relay.key_id_of(token)
            if key_id is not None and key_id not in opened:
                raw_key = _open_key(keys, key_id, mine, private)
                opened[key_id] = identity_relay.data_cipher(raw_key) if raw_key else None
            key = opened.get(key_id) if key_id is not None else None
            value = identity_relay.open_token(key, record.id, name, token) if key else None
            if value is None:
                bad.append(name)
            else:
                values[name] = value
        if values:
            row.set_texts(values)
        if bad:
            failed += 1
            row.problems.append(
                Problem(
                    ", ".join(bad),
                    RULE,
                    "The victim's identity could not be opened with HQ's key (it was sealed "
                    "for another HQ, or damaged): ask the district to enrol with this HQ "
                    "and export again.",
                )
            )
            row.record = None
    return failed


def _open_key(
    keys: Mapping[str, Mapping[str, str]], key_id: int, mine: str, private: bytes
) -> bytes | None:
    by_recipient = keys.get(str(key_id)) or {}
    sealed = by_recipient.get(mine)
    if not isinstance(sealed, str):
        return None
    try:
        raw = base64.b64decode(sealed, validate=True)
    except (binascii.Error, ValueError):
        return None
    return identity_relay.open_copy(private, key_id, raw)
