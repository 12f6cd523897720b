"""Victims' identities sealed under the identity key, and the keyed hashes everyone may use.

The identifying fields of a victim (``name``, ``father_name``, ``cnic``, ``phone``,
``address``) are stored sealed, so that holding the database key (every user has it) is not
enough to read them:

- The **identity key** is an X25519 key pair. Its public half is in ``settings``
  (``identity_public``); its private half is sealed (HPKE) in the key file only for users whose
  role may reveal identities, and for the recovery key (:mod:`tipdesk.store.keys`).
- Each open store that writes an identity makes one random 256-bit **data key**, seals it to
  the public half (HPKE) in ``identity_keys`` and encrypts each value with AES-256-GCM under it
  (random 96-bit nonce; associated data: the victim's id and the field's name, so a value
  cannot be moved to another victim or field). A value is stored as the text
  ``s1:<data key id>:<base64 of nonce and ciphertext>``. Anyone can seal; only a holder of the
  identity key can open (:meth:`IdentityVault.unlock`).
- For the victim/accused overlap check, which every user runs, ``victim_keys`` holds keyed
  hashes (HMAC-SHA256 under ``identity_index_key``, a random key in ``settings``) of the
  normalised CNIC, name and father's name; ``victim_terms`` holds keyed hashes of the words of
  name, father's name, CNIC and phone, for searching by identity. **What they leak**: whoever
  holds the database key can confirm a guess (does any victim have this CNIC, this name, this
  name word, and which record), and can tell victims with equal values apart from the others;
  they cannot read a value they cannot guess. Guessing is the oracle the app itself throttles
  (:mod:`tipdesk.services.overlap_guard`).
- Until a user who may reveal identities signs in after the upgrade (schema step), the
  private half waits in ``settings`` (``identity_escrow``), readable with the database key;
  the first such sign-in takes it into the key file and deletes it.

Contract: :class:`IdentityVault` belongs to one :class:`~tipdesk.store.store.Store` (its
connection, its thread). Reading returns plaintext with the identity key, else
:data:`~tipdesk.core.masking.MASK` for a non-empty value; writing a value equal to ``MASK``
keeps the stored one. Nothing here logs a value or a key.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
import secrets
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.core.cnic import normalise_cnic
from tipdesk.core.dual_role import name_key
from tipdesk.core.errors import CorruptStore
from tipdesk.core.folding import fold
from tipdesk.core.masking import MASK
from tipdesk.core.messages import say
from tipdesk.core.records import Accused, Victim
from tipdesk.store import identity_relay, keywrap, settings_table
from tipdesk.store.driver import Connection

FIELDS = Victim.IDENTIFYING
PUBLIC_KEY = "identity_public"
ESCROW_KEY = "identity_escrow"
INDEX_KEY = "identity_index_key"
_PREFIX = "s1:"
_DATA_KEY_INFO = b"tipdesk identity data key v1"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_COUNT_CAP = 1000  # ordering terms by rarity needs no exact count past this

Person = tuple[str | None, str, str]
"""Keyed hashes of a person's normalised CNIC (``None`` without a valid one), name and
father's name ("" when empty): what the overlap check compares (see
:mod:`tipdesk.core.dual_role`)."""


def _name_key(text: str) -> str:
    return name_key(text)


def words(text: str) -> list[str]:
    """The searchable words of ``text``: folded as every search folds
    (:func:`tipdesk.core.folding.fold`), split at anything not a letter or digit."""
    return _WORD.findall(fold(text))


def identity_terms(victim: Victim) -> set[str]:
    """The words a victim is found by: name, father's name, CNIC (13 digits and the three
    dashed parts) and phone (its groups, and all its digits together)."""
    found = set(words(victim.name)) | set(words(victim.father_name))
    cnic = normalise_cnic(victim.cnic)
    if cnic:
        found |= {cnic, cnic[:5], cnic[5:12], cnic[12]}
    phone_digits = "".join(ch for ch in victim.phone if ch.isdigit())
    if phone_digits:
        found |= set(words(victim.phone)) | {phone_digits}
    return found


def create_keys(conn: Connection) -> None:
    """Make the identity key pair and the index key of a store that has none (the schema step
    and a new store): the public half and the index key in ``settings``, the private half in
    escrow there until a user who may reveal identities takes it (see the module contract)."""
    private, public = keywrap.new_key_pair()
    settings_table.put(
        conn,
        {
            PUBLIC_KEY: base64.b64encode(public).decode(),
            ESCROW_KEY: base64.b64encode(private).decode(),
            INDEX_KEY: base64.b64encode(secrets.token_bytes(32)).decode(),
        },
    )


def _setting_bytes(conn: Connection, key: str) -> bytes | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        return base64.b64decode(row[0], validate=True)
    except (binascii.Error, ValueError):
        raise CorruptStore(say("The store's {key} setting is damaged.", key=key)) from None


class IdentityVault:
    """Sealing, opening and keyed hashing of one store's victims' identities."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._public: bytes | None = None
        self._index_key: bytes | None = None
        self._private: bytes | None = None
        self._writing: tuple[int, AESGCM] | None = None
        self._readers: dict[int, AESGCM | None] = {}

    def __repr__(self) -> str:
        return f"IdentityVault(open={self.is_open})"

    # --- keys ------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Whether identities can be read (the identity key was given)."""
        return self._private is not None

    def public_key(self) -> bytes:
        if self._public is None:
            self._public = _setting_bytes(self._conn, PUBLIC_KEY)
            if self._public is None:
                raise CorruptStore(say("The store has no identity key (its schema is too old)."))
        return self._public

    def _index(self) -> bytes:
        if self._index_key is None:
            self._index_key = _setting_bytes(self._conn, INDEX_KEY)
            if self._index_key is None:
                raise CorruptStore(say("The store has no identity index key."))
        return self._index_key

    def escrow(self) -> bytes | None:
        """The private half while it waits in escrow (see the module contract), else None."""
        return _setting_bytes(self._conn, ESCROW_KEY)

    def drop_escrow(self) -> None:
        """Delete the escrowed private half (it is in the key file now). Zeroed on disk:
        ``secure_delete`` is on for the statement, and the caller checkpoints."""
        self._conn.execute("PRAGMA secure_delete = ON")
        try:
            self._conn.execute("DELETE FROM settings WHERE key = ?", (ESCROW_KEY,))
        finally:
            self._conn.execute("PRAGMA secure_delete = OFF")

    def unlock(self, private: bytes) -> None:
        """Give the identity key (from the key file or the escrow); :class:`CorruptStore` when
        it is not this store's."""
        if keywrap.key_pair_from(private)[1] != self.public_key():
            raise CorruptStore(
                say("The identity key in the key file does not belong to this store.")
            )
        self._private = private
        self._readers.clear()

    def private_key(self) -> bytes | None:
        """The identity key when this store holds it (to grant it to another user)."""
        return self._private

    # --- keyed hashes ----------------------------------------------------------------------
    def _mac(self, text: str) -> str:
        return hmac.digest(self._index(), text.encode("utf-8"), "sha256").hex()

    def person_of(self, cnic: str, name: str, father: str) -> Person:
        norm = normalise_cnic(cnic)
        n, f = _name_key(name), _name_key(father)
        return (
            self._mac("cnic:" + norm) if norm else None,
            self._mac("name:" + n) if n else "",
            self._mac("name:" + f) if f else "",
        )

    def person(self, p: Accused | Victim) -> Person:
        """The overlap keys of ``p``; a victim's masked fields take the stored keys."""
        if isinstance(p, Victim) and p.id and MASK in (p.cnic, p.name, p.father_name):
            stored = self.stored_person(p.id)
            plain = self.person_of(
                "" if p.cnic == MASK else p.cnic,
                "" if p.name == MASK else p.name,
                "" if p.father_name == MASK else p.father_name,
            )
            return (
                stored[0] if p.cnic == MASK else plain[0],
                stored[1] if p.name == MASK else plain[1],
                stored[2] if p.father_name == MASK else plain[2],
            )
        return self.person_of(p.cnic, p.name, p.father_name)

    def stored_person(self, victim_id: str) -> Person:
        row = self._conn.execute(
            "SELECT cnic_key, name_key, father_key FROM victim_keys WHERE victim_id = ?",
            (victim_id,),
        ).fetchone()
        if row is None:
            return (None, "", "")
        return (row[0] or None, row[1] or "", row[2] or "")

    def search_terms(self, text: str) -> list[str]:
        """The keyed hashes to look up for what a user typed (every word must match), the
        rarest first (so :func:`terms_query` starts from the fewest rows)."""
        terms = {self._mac("term:" + w) for w in words(text)}
        counted = []
        for term in terms:
            row = self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM victim_terms WHERE term = ? LIMIT ?)",
                (term, _COUNT_CAP),
            ).fetchone()
            counted.append((int(row[0]), term))
        return [term for _n, term in sorted(counted)]

    # --- sealing -----------------------------------------------------------------------------
    def _data_key(self) -> tuple[int, AESGCM]:
        """The data key values are sealed with, made (and its sealed copy inserted) on first
        use. Its row commits with the first transaction that seals: a writer whose transaction
        rolls back calls :meth:`forget_data_key`, so no value is sealed under a lost key."""
        if self._writing is None:
            key = secrets.token_bytes(32)
            sealed = keywrap.seal(self.public_key(), key, _DATA_KEY_INFO)
            cur = self._conn.execute("INSERT INTO identity_keys(sealed) VALUES (?)", (sealed,))
            key_id = int(cur.lastrowid)
            # At a district enrolled with HQ, HQ's copy too: a bundle can then carry the
            # identities of consenting victims whoever exports it (identity_relay).
            identity_relay.copy_new_key(self._conn, key_id, key)
            self._writing = (key_id, AESGCM(key))
            if self._private is not None:
                self._readers[key_id] = self._writing[1]
        return self._writing

    def data_key(self, key_id: int) -> bytes | None:
        """A data key's bytes, opened with the identity key (None without it): to seal it
        again for a relay recipient (:func:`tipdesk.store.identity_relay.reseal`)."""
        row = self._conn.execute(
            "SELECT sealed FROM identity_keys WHERE id = ?", (key_id,)
        ).fetchone()
        if row is None or self._private is None:
            return None
        return keywrap.open_sealed(self._private, bytes(row[0]), _DATA_KEY_INFO)

    def forget_data_key(self) -> None:
        """Drop the writing key (a rolled-back transaction may have lost its row)."""
        self._writing = None

    def seal(
        self, victim_id: str, name: str, value: str, key: tuple[int, AESGCM] | None = None
    ) -> str:
        if not value:
            return ""
        key_id, aead = key or self._data_key()
        nonce = secrets.token_bytes(12)
        ct = aead.encrypt(nonce, value.encode("utf-8"), f"{victim_id}|{name}".encode())
        return f"{_PREFIX}{key_id}:{base64.b64encode(nonce + ct).decode()}"

    def _reader(self, key_id: int) -> AESGCM | None:
        if key_id not in self._readers:
            row = self._conn.execute(
                "SELECT sealed FROM identity_keys WHERE id = ?", (key_id,)
            ).fetchone()
            opened = (
                keywrap.open_sealed(self._private, bytes(row[0]), _DATA_KEY_INFO)
                if row is not None and self._private is not None
                else None
            )
            self._readers[key_id] = AESGCM(opened) if opened is not None else None
        return self._readers[key_id]

    def open(self, victim_id: str, name: str, token: str) -> str:
        """The value of a stored token: plaintext with the identity key, else :data:`MASK`."""
        if not token:
            return ""
        if self._private is None or not token.startswith(_PREFIX):
            return MASK
        try:
            key_part, data = token[len(_PREFIX) :].split(":", 1)
            raw = base64.b64decode(data, validate=True)
            aead = self._reader(int(key_part))
            if aead is None:
                return MASK
            plain = aead.decrypt(raw[:12], raw[12:], f"{victim_id}|{name}".encode())
        except (ValueError, binascii.Error, InvalidTag):
            return MASK
        return plain.decode("utf-8")

    # --- rows ----------------------------------------------------------------------------------
    def open_victim(self, victim: Victim) -> Victim:
        """Turn a victim read from its row (tokens) into plaintext or masks, in place."""
        for name in FIELDS:
            setattr(victim, name, self.open(victim.id, name, getattr(victim, name)))
        return victim

    def seal_values(
        self, victim: Victim, values: Sequence[Any], columns: Sequence[str]
    ) -> tuple[Any, ...]:
        """``values`` (a victim's row in ``columns`` order, plaintext identities) with each
        identifying value sealed; a masked value is replaced by the stored token."""
        out = list(values)
        stored: dict[str, str] | None = None
        key = (
            self._data_key()
            if any(values[i] for i, c in enumerate(columns) if c in FIELDS)
            else None
        )
        for i, col in enumerate(columns):
            if col not in FIELDS:
                continue
            value = out[i] or ""
            if value == MASK:
                if stored is None:
                    stored = self._stored_tokens(victim.id)
                out[i] = stored.get(col, "")
            else:
                out[i] = self.seal(victim.id, col, value, key)
        return tuple(out)

    def seal_json(self, victim_id: str, record: dict[str, Any]) -> dict[str, Any]:
        """A victim as a field -> value mapping (a conflict's or a quarantined version, kept
        as JSON) with its identifying values sealed, so only holders of the identity key read
        them there too. A value that is not text is kept as it is (the quarantine keeps what
        came, to name the problem)."""
        out = dict(record)
        names = [n for n in FIELDS if isinstance(out.get(n), str) and out[n]]
        if names:
            key = self._data_key()
            for name in names:
                out[name] = self.seal(victim_id, name, out[name], key)
        return out

    def open_json(self, victim_id: str, record: dict[str, Any]) -> dict[str, Any]:
        """What :meth:`seal_json` sealed, opened (plaintext with the identity key, else
        :data:`MASK`); a mapping stored before values were sealed reads as it is."""
        out = dict(record)
        for name in FIELDS:
            value = out.get(name)
            if isinstance(value, str) and value.startswith(_PREFIX):
                out[name] = self.open(victim_id, name, value)
        return out

    def _stored_tokens(self, victim_id: str) -> dict[str, str]:
        row = self._conn.execute(
            f"SELECT {', '.join(FIELDS)} FROM victims WHERE id = ?",  # noqa: S608
            (victim_id,),
        ).fetchone()
        return dict(zip(FIELDS, row, strict=True)) if row else {}

    def index(self, victims: Iterable[Victim], new: Collection[str] = ()) -> None:
        """Rewrite the overlap keys and search terms of ``victims`` from their values in
        memory (plaintext; a masked field keeps its stored key, and its stored terms).
        ``new``: ids of victims inserted in this transaction (no stored terms to drop)."""
        keys: list[tuple[Any, ...]] = []
        drop_terms: list[tuple[str]] = []
        terms: list[tuple[str, str]] = []
        for victim in victims:
            rowid = victim.id
            person = self.person(victim)
            keys.append((victim.id, person[0], person[1] or None, person[2] or None))
            searched = ("name", "father_name", "cnic", "phone")
            if any(getattr(victim, f) == MASK for f in searched):
                # The words of masked fields are unknown here: the stored terms stay, and
                # those of the fields typed now are added.
                u = _unmasked(victim, searched)
                typed = Victim(
                    name=u["name"], father_name=u["father_name"], cnic=u["cnic"], phone=u["phone"]
                )
                terms += [(self._mac("term:" + w), rowid) for w in identity_terms(typed)]
                continue
            if rowid not in new:
                drop_terms.append((rowid,))
            if not victim.deleted:
                terms += [(self._mac("term:" + w), rowid) for w in identity_terms(victim)]
        self._conn.executemany(
            "INSERT INTO victim_keys(victim_id, cnic_key, name_key, father_key) VALUES "
            "(?,?,?,?) ON CONFLICT(victim_id) DO UPDATE SET cnic_key = excluded.cnic_key, "
            "name_key = excluded.name_key, father_key = excluded.father_key",
            keys,
        )
        self._conn.executemany("DELETE FROM victim_terms WHERE victim_id = ?", drop_terms)
        self._conn.executemany(
            "INSERT OR IGNORE INTO victim_terms(term, victim_id) VALUES (?, ?)", terms
        )


def _unmasked(victim: Victim, names: Sequence[str]) -> dict[str, str]:
    """The text fields ``names`` of ``victim``, a masked one as empty."""
    return {n: "" if getattr(victim, n) == MASK else str(getattr(victim, n)) for n in names}


def terms_query(count: int) -> str:
    """SQL giving the ids of victims holding all of ``count`` terms (the parameters, rarest
    first: :meth:`IdentityVault.search_terms`): the rows of the first, each checked for the
    others by a primary-key look-up, so it reads no more rows than the rarest term has."""
    others = (
        " AND EXISTS (SELECT 1 FROM victim_terms AS y "
        "WHERE y.term = ? AND y.victim_id = x.victim_id)"
    )
    return "SELECT x.victim_id FROM victim_terms AS x WHERE x.term = ?" + others * (count - 1)
