"""Victims' identities relayed to someone who does not hold this store's identity key: HQ
(a consenting victim's identity in a bundle) and, through HQ, another district (a case handed
over to it).

Identities are sealed under data keys (:mod:`tipdesk.store.identity`) that only the identity
key opens, and district offices are run by officers, who do not hold it. So, at a district
enrolled with HQ, every data key is also sealed (HPKE, as the identity key seals it) to the
X25519 public key of each of HQ's bundle recipients (HQ and its backup recipients), in
``identity_relay``. A bundle then carries the victim's stored tokens as they are, with the
data keys sealed for HQ: HQ opens them with its own key and seals the values again in its
own vault. Nothing here ever holds a plaintext identity of its own accord.

- A data key made after enrolment gets its copies when it is made (:meth:`copy_new_key`,
  called by :class:`~tipdesk.store.identity.IdentityVault`).
- A data key made before enrolment (or before HQ's recipients changed) gets them when a
  user who holds the identity key enrols the install or signs in (:func:`reseal`); until
  then a consenting victim whose identity needs it waits (the exporter leaves it out and
  says so), and :func:`reseal` queues those victims for the next bundle again.
- What the copies expose: with HQ's private key *and* this store's database key one could
  read every identity sealed here, consenting or not; a bundle carries only consenting
  victims' tokens, so HQ alone reads only those (``docs/security.md``).

Handovers use a fresh data key per handover instead (:func:`seal_for` / :func:`open_sealed`):
the victims' values sealed under it, the key sealed to the receiving district's device.

Contract: functions take the store's connection and run inside the caller's transaction
where they write; nothing here logs a value or a key.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.store import keywrap, settings_table
from tipdesk.store.driver import Connection
from tipdesk.store.sync_rows import chunks, marks

RECIPIENTS_KEY = "identity_relay_recipients"
"""``settings``: the base64 X25519 public keys data keys are sealed to (HQ's recipients)."""
_INFO = b"tipdesk identity data key relayed v1"
_HANDOVER_INFO = b"tipdesk identity handover key v1"
_PREFIX = "s1:"
FIELDS = ("name", "father_name", "cnic", "phone", "address")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def recipients(conn: Connection) -> list[str]:
    """The public keys (base64) data keys are relayed to; empty before enrolment."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (RECIPIENTS_KEY,)).fetchone()
    if row is None:
        return []
    value = json.loads(row[0])
    return [str(v) for v in value] if isinstance(value, list) else []


def set_recipients(conn: Connection, publics: Sequence[bytes]) -> None:
    """Relay data keys to ``publics`` from now on (enrolment). Copies for other keys stay
    (harmless: they are sealed to keys HQ holds or held)."""
    settings_table.put(conn, {RECIPIENTS_KEY: json.dumps(sorted({b64(p) for p in publics}))})


def copy_new_key(conn: Connection, key_id: int, key: bytes) -> None:
    """Seal a data key just made to every relay recipient."""
    wanted = recipients(conn)
    if not wanted:
        return  # not enrolled (or a schema step before this table existed)
    rows = [(key_id, r, keywrap.seal(base64.b64decode(r), key, _info(key_id))) for r in wanted]
    conn.executemany(
        "INSERT OR REPLACE INTO identity_relay(key_id, recipient, sealed) VALUES (?,?,?)", rows
    )


def _info(key_id: int) -> bytes:
    # The key's id is bound in: a copy cannot be passed off as another key's.
    return _INFO + b"|" + str(key_id).encode("ascii")


def missing(conn: Connection) -> list[int]:
    """Data keys that lack a copy for some relay recipient."""
    wanted = recipients(conn)
    if not wanted:
        return []
    out: list[int] = []
    for (key_id,) in conn.execute("SELECT id FROM identity_keys ORDER BY id").fetchall():
        have = {
            r[0]
            for r in conn.execute(
                "SELECT recipient FROM identity_relay WHERE key_id = ?", (key_id,)
            ).fetchall()
        }
        if not set(wanted) <= have:
            out.append(int(key_id))
    return out


def reseal(conn: Connection, open_key: Any, at: str) -> int:
    """Give every data key its missing copies (``open_key(key_id)``: the data key's bytes,
    from the open vault, or None), and queue again for the next bundle the victims whose
    tokens use a key that had none (they waited). The number of data keys sealed again."""
    done = 0
    for key_id in missing(conn):
        key = open_key(key_id)
        if key is None:
            continue
        copy_new_key(conn, key_id, key)
        like = f"{_PREFIX}{key_id}:%"
        conn.execute(_REQUEUE, (at, *([like] * len(FIELDS))))
        done += 1
    return done


_REQUEUE = (
    "INSERT INTO changes(kind, record_id, version, at) SELECT 'victim', id, version, ? "
    "FROM victims WHERE consent_to_share AND (" + " OR ".join(f"{f} LIKE ?" for f in FIELDS) + ")"
)


def stored_tokens(conn: Connection, victim_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """The sealed identity values of ``victim_ids`` as stored (tokens, '' when empty)."""
    out: dict[str, dict[str, str]] = {}
    for part in chunks(list(victim_ids)):
        rows = conn.execute(
            f"SELECT id, {', '.join(FIELDS)} FROM victims WHERE id IN ({marks(len(part))})",  # noqa: S608
            part,
        ).fetchall()
        for r in rows:
            out[r[0]] = {f: r[i + 1] or "" for i, f in enumerate(FIELDS)}
    return out


def key_id_of(token: str) -> int | None:
    """The data key a token was sealed under (None for a value that is not a token)."""
    if not token.startswith(_PREFIX):
        return None
    part = token[len(_PREFIX) :].split(":", 1)[0]
    return int(part) if part.isdigit() else None


def copies(conn: Connection, key_ids: Iterable[int], recipient: str) -> dict[int, bytes]:
    """The copies of ``key_ids`` sealed for ``recipient`` (base64 public key) that exist."""
    out: dict[int, bytes] = {}
    for key_id in sorted(set(key_ids)):  # a few: one per session that wrote identities
        row = conn.execute(
            "SELECT sealed FROM identity_relay WHERE recipient = ? AND key_id = ?",
            (recipient, key_id),
        ).fetchone()
        if row is not None:
            out[key_id] = bytes(row[0])
    return out


# --- the receiving side (no store involved) ----------------------------------------------------


def data_cipher(key: bytes) -> AESGCM:
    """The cipher of a data key (made once per key: an import opens many values with it)."""
    return AESGCM(key)


def open_copy(private: bytes, key_id: int, sealed: bytes) -> bytes | None:
    """A relayed data key opened with the recipient's X25519 private key (None if not)."""
    return keywrap.open_sealed(private, sealed, _info(key_id))


def open_token(key: AESGCM, victim_id: str, name: str, token: str) -> str | None:
    """The value of a token sealed under data ``key`` (:func:`data_cipher`) for this victim
    and field (None when it does not open: another victim's or field's value, damaged, or
    another key)."""
    try:
        raw = base64.b64decode(token[len(_PREFIX) :].split(":", 1)[1], validate=True)
        plain = key.decrypt(raw[:12], raw[12:], f"{victim_id}|{name}".encode())
        return plain.decode("utf-8")
    except (IndexError, ValueError, binascii.Error, InvalidTag, UnicodeDecodeError):
        return None


# --- handovers: a fresh key for one receiving district -------------------------------------------


def seal_for(public: bytes, victims: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """Victims' identity values (victim id -> field -> plaintext) sealed for the holder of
    the X25519 ``public`` key: a fresh data key sealed to it, each value under that key
    (AES-256-GCM, the victim's id and the field's name as associated data)."""
    key = secrets.token_bytes(32)
    aead = AESGCM(key)
    values: dict[str, dict[str, str]] = {}
    for victim_id, fields in victims.items():
        sealed: dict[str, str] = {}
        for name, value in fields.items():
            if value:
                nonce = secrets.token_bytes(12)
                ct = aead.encrypt(nonce, value.encode("utf-8"), f"{victim_id}|{name}".encode())
                sealed[name] = b64(nonce + ct)
        values[victim_id] = sealed
    return {"key": b64(keywrap.seal(public, key, _HANDOVER_INFO)), "values": values}


def open_sealed(private: bytes, doc: Mapping[str, Any]) -> dict[str, dict[str, str]] | None:
    """What :func:`seal_for` sealed, opened with the matching private key (None when it is
    not for this key or damaged)."""
    try:
        key = keywrap.open_sealed(private, base64.b64decode(doc["key"], validate=True),
                                  _HANDOVER_INFO)  # fmt: skip
        if key is None:
            return None
        aead = AESGCM(key)
        out: dict[str, dict[str, str]] = {}
        for victim_id, fields in doc["values"].items():
            out[victim_id] = {}
            for name, data in fields.items():
                raw = base64.b64decode(data, validate=True)
                plain = aead.decrypt(raw[:12], raw[12:], f"{victim_id}|{name}".encode())
                out[victim_id][name] = plain.decode("utf-8")
        return out
    except (KeyError, TypeError, AttributeError, ValueError, binascii.Error, InvalidTag):
        return None
