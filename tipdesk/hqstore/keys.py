"""Which HQ install a PostgreSQL HQ database belongs to, without any secret key in it.

PostgreSQL has no SQLCipher: whatever a table holds is readable by whoever reads the table,
its files or a dump. So the identity **index key** (the HMAC key of the victims' blind index,
:mod:`tipdesk.store.identity`) never goes into PostgreSQL; it stays in the HQ install's own
SQLCipher store and is passed to the import at run time (:class:`tipdesk.hqstore.vault.PgVault`).

Contract:
- ``settings`` holds the identity **public** key (public by nature) and the index key's
  **fingerprint** (:func:`fingerprint`: HMAC-SHA256 of a fixed label under the key, through the
  ``cryptography`` library): it identifies the key without revealing it.
- :func:`link` records both for a database that has none, accepts the same install again, and
  refuses another install's keys with :class:`LinkedElsewhere` ("this database was linked to
  another HQ install"), changing nothing. A database linked before the key left PostgreSQL
  (its clear key in ``settings``) is moved by the schema step
  (:func:`tipdesk.hqstore.migrations`, "keys out"): :func:`move_clear_key`.
- :func:`check` refuses a mismatched install before an import writes anything.
Nothing here logs or puts a key in a message.
"""

from __future__ import annotations

import base64
import binascii
import hmac as std_hmac

import psycopg
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY

Conn = psycopg.Connection[tuple[object, ...]]

FINGERPRINT = "identity_index_fingerprint"
"""The settings key of the index key's fingerprint."""

_LABEL = b"tipdesk-index-fingerprint"


class LinkedElsewhere(KnownError):
    """The database belongs to another HQ install (other identity keys)."""

    def __init__(self) -> None:
        super().__init__(
            "This database was linked to another HQ install (its identity keys differ); "
            "nothing was changed. Use an empty database for this HQ, or this database from "
            "the HQ install it belongs to."
        )


def fingerprint(index_key: bytes) -> str:
    """The index key's fingerprint: HMAC-SHA256(index_key, label), hex. Equal fingerprints
    mean equal keys; the fingerprint reveals nothing of the key."""
    mac = crypto_hmac.HMAC(index_key, hashes.SHA256())
    mac.update(_LABEL)
    return mac.finalize().hex()


def _setting(conn: Conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = %s", (key,)).fetchone()
    return None if row is None else str(row[0])


def move_clear_key(conn: Conn, index_key: bytes | None) -> None:
    """Replace a clear index key left in ``settings`` by an earlier TIPDesk with its
    fingerprint, after checking it is ``index_key`` (the HQ install's); refuse
    (:class:`LinkedElsewhere`) when it is not, and when the install's key was not given,
    leaving the row as it is. A database without a clear key is left alone."""
    clear = _setting(conn, INDEX_KEY)
    if clear is None:
        return
    if index_key is None:
        raise KnownError(
            say(
                "This HQ database still holds its identity index key in a table (linked by an "
                "earlier TIPDesk). Link it again from its HQ install (`tipdesk hq database URL`): "
                "the key is checked and removed from the database. Nothing was changed."
            )
        )
    try:
        held = base64.b64decode(clear, validate=True)
    except (binascii.Error, ValueError):
        held = b""
    if not std_hmac.compare_digest(held, index_key):
        raise LinkedElsewhere()
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
        (FINGERPRINT, fingerprint(index_key)),
    )
    conn.execute("DELETE FROM settings WHERE key = %s", (INDEX_KEY,))


def link(conn: Conn, public_key: str, index_key: bytes) -> None:
    """Give the database this HQ install's public key and index fingerprint (see the module
    contract); :class:`LinkedElsewhere` when it holds another install's."""
    move_clear_key(conn, index_key)
    for key, value in ((PUBLIC_KEY, public_key), (FINGERPRINT, fingerprint(index_key))):
        held = _setting(conn, key)
        if held is None:
            conn.execute("INSERT INTO settings (key, value) VALUES (%s, %s)", (key, value))
        elif not std_hmac.compare_digest(held.encode(), value.encode()):
            raise LinkedElsewhere()


def matches(conn: Conn, public_key: str, index_key: bytes) -> None:
    """Read only: refuse (:class:`LinkedElsewhere`) a database holding another install's
    public key or index fingerprint, and one never linked (:class:`KnownError`); what a login
    that may not write ``settings`` checks before it joins (:func:`link` writes)."""
    check(conn, index_key)
    held = _setting(conn, PUBLIC_KEY)
    if held is None or not std_hmac.compare_digest(held.encode(), public_key.encode()):
        raise LinkedElsewhere()


def check(conn: Conn, index_key: bytes) -> None:
    """Refuse (:class:`LinkedElsewhere`) when the database's fingerprint is not
    ``index_key``'s, or when the database was never linked (:class:`KnownError`)."""
    held = _setting(conn, FINGERPRINT)
    if held is None:
        raise KnownError(
            say(
                "This HQ database is not linked to this HQ install (or was linked by an earlier "
                "TIPDesk): run `tipdesk hq database URL` first. Nothing was changed."
            )
        )
    if not std_hmac.compare_digest(held.encode(), fingerprint(index_key).encode()):
        raise LinkedElsewhere()


def install_index_key(value: object) -> bytes:
    """The index key as the HQ install's ``settings`` keeps it (base64 text), as bytes."""
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise KnownError(say("This HQ install's identity index key setting is damaged.")) from None


def holds_clear_key(conn: Conn) -> bool:
    """Whether ``settings`` still holds a clear index key (a database linked by an earlier
    TIPDesk, before the schema step moving it)."""
    row = conn.execute("SELECT to_regclass('settings') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return False
    return _setting(conn, INDEX_KEY) is not None


def rewrite_settings(conn: Conn) -> None:
    """Rewrite ``settings`` into new files (``VACUUM FULL``), so the deleted clear key's row
    no longer lies in the table's pages. Old WAL segments and earlier backups may still hold
    it (docs/security.md). ``conn`` must be outside a transaction."""
    autocommit = conn.autocommit
    conn.autocommit = True
    try:
        conn.execute("VACUUM FULL settings")
    finally:
        conn.autocommit = autocommit
