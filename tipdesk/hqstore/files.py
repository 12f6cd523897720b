"""Case files (``.tipf``) in the PostgreSQL HQ database, with no plaintext of a file, its name
or note in any table (issue 20, branch pgfiles; ``docs/security.md``, "Case files").

Design: the chunks are the SQLCipher store's (:mod:`tipdesk.store.file_chunks`: AES-256-GCM
per chunk under the file's own data key, the same associated data). PostgreSQL is not
encrypted, so here **every** data key is wrapped by the app:

- a victim's file key is sealed (HPKE) to HQ's identity public key, as at the SQLCipher HQ;
- a case's or an accused's file key is wrapped (AES-256-GCM, :func:`tipdesk.store.keywrap.wrap`,
  associated data: a label and the file's id) under the **file wrapping key**
  (:func:`wrapping_key`), derived by HKDF-SHA256 from the HQ install's identity index key,
  which never goes into PostgreSQL (:mod:`tipdesk.hqstore.keys`): a copy of the database, its
  files or a dump open no file without the HQ install's own store;
- every file's name and note are ``e1:`` tokens sealed under its data key (the table's checks
  refuse anything else), so a description holds no plaintext either: a description of a
  case's or an accused's file still at its district (from a bundle) has its name and note
  sealed under a key of its own, wrapped the same way (a victim's has neither, as at the
  SQLCipher HQ).

Contract: one :class:`PgFiles` per transaction's connection; it offers the methods of
:class:`~tipdesk.store.attachments.AttachmentStore` the HQ's services call (listing, reading,
removing, adding a district's file with its audit entry in PostgreSQL's chained audit, the
descriptions of a bundle, the receipts' list). A role that may not read victims' file keys
(the analysts: only the views ``case_file_keys`` and ``case_file_chunks``) lists victims'
files without name or note and cannot open them. It never logs or raises a file's content,
name, note or key; it neither sniffs nor checks permissions or limits (the services do).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

import psycopg
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.core.errors import CorruptStore, NotFound, PermissionDenied
from tipdesk.core.messages import say
from tipdesk.hqstore.batch import LOG_LOCK, append_audit
from tipdesk.store import audit, file_chunks, keywrap
from tipdesk.store.attachments import AttachmentRow, Described, NewAttachment
from tipdesk.store.store import Actor

Conn = psycopg.Connection[tuple[object, ...]]

_WRAP_INFO = b"tipdesk pg case-file wrapping key v1"
_WRAP_AAD = b"tipdesk pg attachment key v1|"
STORED_COLUMNS = (
    "id, about, record_id, case_id, kind, note, file_name, media_type, size, sha256, chunks, "
    "data_key, key_sealed, created_at, created_by, origin, removed_at, removed_by"
)
"""The SQLCipher store's ``attachments`` columns :meth:`PgFiles.copy_stored` takes."""
StoredRow = tuple[Any, ...]
_COLUMNS = (
    "a.id, a.about, a.record_id, a.case_id, a.kind, a.note, a.file_name, a.media_type, a.size, "
    "a.sha256, a.chunks, a.key_sealed, a.created_at, a.created_by, a.origin, a.removed_at, "
    "a.removed_by, k.data_key"
)


def _bytes(value: object) -> bytes:
    """A ``bytea`` value as bytes (psycopg gives ``bytes``)."""
    return bytes(cast(bytes, value))


def wrapping_key(index_key: bytes) -> bytes:
    """The key wrapping cases' and accused's file keys: HKDF-SHA256 of the HQ install's
    identity index key under a label of its own (never stored anywhere)."""
    return keywrap.hkdf(index_key, b"", _WRAP_INFO)


def wrap_key(wrapping: bytes, attachment_id: str, key: bytes) -> bytes:
    """A case's or an accused's file key as stored: nonce and AES-256-GCM ciphertext."""
    nonce, wrapped = keywrap.wrap(wrapping, key, _WRAP_AAD + attachment_id.encode())
    return nonce + wrapped


def unwrap_key(wrapping: bytes, attachment_id: str, stored: bytes) -> bytes:
    """What :func:`wrap_key` made; :class:`CorruptStore` when it does not open (damaged, or
    the database of another HQ install)."""
    key = keywrap.unwrap(
        wrapping, stored[: file_chunks.NONCE], stored[file_chunks.NONCE :],
        _WRAP_AAD + attachment_id.encode(),
    )  # fmt: skip
    if key is None:
        raise CorruptStore(say("A case file's key does not open with this HQ install's keys."))
    return key


_UNITS = {
    "case": "SELECT owner, id FROM cases WHERE id = %s AND deleted = 0",
    "accused": "SELECT c.owner, c.id FROM accused AS a JOIN cases AS c ON c.id = a.case_id "
    "WHERE a.id = %s AND a.deleted = 0 AND c.deleted = 0",
    "victim": "SELECT coalesce(c.owner, v.owner), c.id FROM victims AS v "
    "LEFT JOIN cases AS c ON c.id = nullif(v.case_id, '') AND c.deleted = 0 "
    "WHERE v.id = %s AND v.deleted = 0 AND (nullif(v.case_id, '') IS NULL OR c.id IS NOT NULL)",
}


def unit_of(conn: Conn, about: str, record_id: str) -> tuple[str, str | None] | None:
    """The owner district and case of the live record a file is about (a victim outside a
    case: its own owner and ``None``), as :func:`tipdesk.services.sync.files_in` places a
    file at the SQLCipher HQ; ``None`` when the database holds no such live record."""
    sql = _UNITS.get(about)
    if sql is None:
        return None
    row = conn.execute(sql.encode(), (record_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    return str(row[0]), None if row[1] is None else str(row[1])


class PgFiles:
    """One transaction's case files in the PostgreSQL HQ database (see the module contract).
    ``private``: the identity private key, given only for a user who may open victims' files."""

    def __init__(
        self, conn: Conn, *, wrapping: bytes, public: bytes, private: bytes | None = None
    ) -> None:
        self._conn = conn
        self._wrapping = wrapping
        self._public = public
        self._private = private
        self._victim_keys: bool | None = None

    # --- keys ------------------------------------------------------------------------------
    def _reads_victim_keys(self) -> bool:
        if self._victim_keys is None:
            row = self._conn.execute(
                "SELECT has_column_privilege('attachments', 'data_key', 'SELECT') "
                "AND has_table_privilege('attachment_chunks', 'SELECT')"
            ).fetchone()
            self._victim_keys = bool(row and row[0])
        return self._victim_keys

    def _victim_key(self, attachment_id: str) -> bytes | None:
        if self._private is None or not self._reads_victim_keys():
            return None
        row = self._conn.execute(
            "SELECT data_key FROM attachments WHERE id = %s", (attachment_id,)
        ).fetchone()
        return None if row is None or row[0] is None else _bytes(row[0])

    def _aead(self, attachment_id: str, stored: bytes | None, sealed: bool) -> AESGCM | None:
        """The file's AEAD, or ``None`` when it cannot be opened here (a victim's file without
        the identity key or the role's right to its key; a removed file)."""
        if not sealed:
            if stored is None:
                return None
            return AESGCM(unwrap_key(self._wrapping, attachment_id, stored))
        sealed_key = self._victim_key(attachment_id)
        if sealed_key is None or self._private is None:
            return None
        return AESGCM(file_chunks.open_key(self._private, attachment_id, sealed_key))

    def _stored_key(self, attachment_id: str, key: bytes, sealed: bool) -> bytes:
        if sealed:
            return file_chunks.seal_key(self._public, attachment_id, key)
        return wrap_key(self._wrapping, attachment_id, key)

    def _log(self, entries: Sequence[audit.NewEntry]) -> None:
        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
        append_audit(self._conn, entries)

    # --- writing ---------------------------------------------------------------------------
    def add(
        self,
        new: NewAttachment,
        content: Iterable[bytes],
        actor: Actor,
        *,
        max_bytes: int,
        also_log: Sequence[audit.NewEntry] = (),
        received: Described | None = None,
    ) -> AttachmentRow:
        """As :meth:`tipdesk.store.attachments.AttachmentStore.add`, in the caller's
        transaction (a raise, a digest that does not match, rolls it back): the chunks, the
        row (name and note sealed) and the ``attachment.receive`` (or ``.add``) audit entry."""
        key = AESGCM.generate_key(bit_length=256)
        aead = AESGCM(key)
        digest = hashlib.sha256()
        size = n = 0
        created_at, created_by = (received.created_at, received.created_by) if received else (
            actor.at, actor.user)  # fmt: skip
        conn = self._conn
        with conn.transaction():
            for piece, last in file_chunks.rechunk(content):
                size += len(piece)
                if size > max_bytes:
                    raise ValueError("the file is larger than the limit")
                digest.update(piece)
                conn.execute(
                    "INSERT INTO attachment_chunks (attachment_id, n, data) VALUES (%s, %s, %s)",
                    (new.id, n, file_chunks.encrypt_chunk(aead, new.id, n, last, piece)),
                )
                n += 1
            conn.execute(
                "INSERT INTO attachments (id, about, record_id, case_id, kind, note, file_name, "
                "media_type, size, sha256, chunks, data_key, key_sealed, created_at, created_by, "
                "origin) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
                # A description of the same device's file (content not yet come) gives way;
                # anything else leaves it as it is and the chunks' key check fails the commit.
                "ON CONFLICT (id) DO UPDATE SET about = EXCLUDED.about, "
                "record_id = EXCLUDED.record_id, case_id = EXCLUDED.case_id, "
                "kind = EXCLUDED.kind, note = EXCLUDED.note, file_name = EXCLUDED.file_name, "
                "media_type = EXCLUDED.media_type, size = EXCLUDED.size, "
                "sha256 = EXCLUDED.sha256, chunks = EXCLUDED.chunks, "
                "data_key = EXCLUDED.data_key, key_sealed = EXCLUDED.key_sealed, "
                "created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by "
                "WHERE attachments.origin = EXCLUDED.origin AND attachments.chunks = 0 "
                "AND attachments.removed_at IS NULL",
                (new.id, new.about, new.record_id, new.case_id, new.kind,
                 file_chunks.encrypt_text(aead, new.id, "note", new.note),
                 file_chunks.encrypt_text(aead, new.id, "file_name", new.file_name),
                 new.media_type, size, digest.hexdigest(), n,
                 self._stored_key(new.id, key, new.sealed), int(new.sealed), created_at,
                 created_by, new.origin),
            )  # fmt: skip
            action = "attachment.receive" if received else "attachment.add"
            entry = audit.NewEntry(
                actor.at, actor.user, actor.device, action, "attachment", new.id,
                {"about": new.about, "record_id": new.record_id, "kind": new.kind,
                 "size": size},
            )  # fmt: skip
            self._log([entry, *also_log])
        return self.get(new.id)

    def copy_stored(self, row: StoredRow, chunks: Iterable[bytes]) -> None:
        """``migrate-to-postgres``: one file of the SQLCipher HQ as stored there (its row,
        :data:`STORED_COLUMNS`, and its encrypted chunks in order), its chunks copied as they
        are (same key, same associated data). A victim's file is copied as it is (its key is
        sealed to the same identity key, its name and note sealed under it); a case's or an
        accused's file gets its key wrapped and its name and note sealed (see the module
        contract). A removed file comes without key, name or note; a description's name and
        note are sealed as :meth:`describe` seals them."""
        (id_, about, record_id, case_id, kind, note, name, media, size, sha, _count, key, sealed,
         created_at, created_by, origin, removed_at, removed_by) = row  # fmt: skip
        n = 0
        for data in chunks:
            self._conn.execute(
                "INSERT INTO attachment_chunks (attachment_id, n, data) VALUES (%s, %s, %s)",
                (id_, n, data),
            )
            n += 1
        if removed_at is not None or (key is None and (sealed or not (note or name))):
            stored, note, name = None, "", ""
        elif key is None:  # a description: its name and note under a key of its own
            own = AESGCM.generate_key(bit_length=256)
            note = file_chunks.encrypt_text(AESGCM(own), id_, "note", note or "")
            name = file_chunks.encrypt_text(AESGCM(own), id_, "file_name", name or "")
            stored = wrap_key(self._wrapping, id_, own)
        elif sealed:
            stored = bytes(key)
        else:
            aead = AESGCM(bytes(key))
            note = file_chunks.encrypt_text(aead, id_, "note", note or "")
            name = file_chunks.encrypt_text(aead, id_, "file_name", name or "")
            stored = wrap_key(self._wrapping, id_, bytes(key))
        self._conn.execute(
            "INSERT INTO attachments (id, about, record_id, case_id, kind, note, file_name, "
            "media_type, size, sha256, chunks, data_key, key_sealed, created_at, created_by, "
            "origin, removed_at, removed_by) "
            "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
            (id_, about, record_id, case_id, kind, note, name, media, size, sha, n, stored,
             int(sealed), created_at, created_by, origin, removed_at, removed_by),
        )  # fmt: skip

    def remove(self, attachment_id: str, actor: Actor, reason: str) -> None:
        """Destroy a file's key and chunks (its name and note, sealed under that key, go too),
        keeping its description, with an ``attachment.remove`` audit entry. PostgreSQL keeps
        the old row versions in its files until ``VACUUM`` (docs/security.md)."""
        with self._conn.transaction():
            row = self._conn.execute(
                "SELECT removed_at FROM attachments WHERE id = %s FOR UPDATE", (attachment_id,)
            ).fetchone()
            if row is None or row[0] is not None:
                raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
            self._conn.execute(
                "DELETE FROM attachment_chunks WHERE attachment_id = %s", (attachment_id,)
            )
            self._conn.execute(
                "UPDATE attachments SET data_key = NULL, note = '', file_name = '', "
                "removed_at = %s, removed_by = %s WHERE id = %s",
                (actor.at, actor.user, attachment_id),
            )
            self._log(
                [audit.NewEntry(actor.at, actor.user, actor.device, "attachment.remove",
                                "attachment", attachment_id, {"reason": reason})]
            )  # fmt: skip

    def describe(self, rows: Sequence[Described]) -> int:
        """A bundle's descriptions of files still at their district (no chunks), as the
        SQLCipher store keeps them: a new description replaces one of the same device's while
        no content came; others stay. A case's or an accused's file's name and note are sealed
        under a key of the description's own, wrapped as a file key (replaced when the file
        comes); a victim's file's description has neither (as at the SQLCipher HQ)."""
        written = 0
        for d in rows:
            found = self._conn.execute(
                "SELECT origin, chunks = 0 AND removed_at IS NULL FROM attachments "
                "WHERE id = %s FOR UPDATE",
                (d.id,),
            ).fetchone()
            if found is not None and not (found[0] == d.origin and found[1]):
                continue
            victim = d.about == "victim"
            note = name = ""
            stored: bytes | None = None
            if not victim and (d.note or d.file_name):
                key = AESGCM.generate_key(bit_length=256)
                aead = AESGCM(key)
                note = file_chunks.encrypt_text(aead, d.id, "note", d.note)
                name = file_chunks.encrypt_text(aead, d.id, "file_name", d.file_name)
                stored = wrap_key(self._wrapping, d.id, key)
            self._conn.execute(
                "INSERT INTO attachments (id, about, record_id, case_id, kind, note, file_name, "
                "media_type, size, sha256, chunks, data_key, key_sealed, created_at, created_by, "
                "origin) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,0,%s,%s,%s,%s,%s) "
                "ON CONFLICT (id) DO UPDATE "
                "SET about = EXCLUDED.about, record_id = EXCLUDED.record_id, "
                "case_id = EXCLUDED.case_id, kind = EXCLUDED.kind, note = EXCLUDED.note, "
                "file_name = EXCLUDED.file_name, media_type = EXCLUDED.media_type, "
                "size = EXCLUDED.size, sha256 = EXCLUDED.sha256, data_key = EXCLUDED.data_key, "
                "created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by",
                (d.id, d.about, d.record_id, d.case_id, d.kind, note, name, d.media_type,
                 d.size, d.sha256, stored, int(victim), d.created_at, d.created_by, d.origin),
            )  # fmt: skip
            written += 1
        return written

    def received_from(self, origin: str, most: int) -> list[str]:
        """The ids of the newest ``most`` files of device ``origin`` whose content HQ holds."""
        found = self._conn.execute(
            "SELECT id FROM attachments WHERE origin = %s AND data_key IS NOT NULL "
            "AND chunks > 0 AND removed_at IS NULL ORDER BY id DESC LIMIT %s",
            (origin, most),
        ).fetchall()
        return [str(r[0]) for r in found]

    # --- reading ---------------------------------------------------------------------------
    def _rows(self, where: str, params: Sequence[Any]) -> list[AttachmentRow]:
        found = self._conn.execute(
            f"SELECT {_COLUMNS} FROM attachments AS a "  # noqa: S608 (fixed fragments)
            f"LEFT JOIN case_file_keys AS k ON k.id = a.id WHERE {where}",
            tuple(params),
        ).fetchall()
        return [self._row(r) for r in found]

    def _row(self, r: Sequence[Any]) -> AttachmentRow:
        (id_, about, record_id, case_id, kind, note, name, media, size, sha, chunks, sealed,
         created_at, created_by, origin, removed_at, removed_by, key) = r  # fmt: skip
        held = int(chunks) > 0 or removed_at is not None
        readable = True
        if removed_at is not None or (int(chunks) == 0 and not sealed and key is None):
            note = name = ""
        elif int(chunks) == 0 and sealed:  # a victim's file still at its district: as the
            readable = False  # SQLCipher HQ, it has no name or note here
            note = name = None
        else:
            aead = self._aead(id_, None if key is None else bytes(key), bool(sealed))
            if aead is None:
                readable = False
                note = name = None
            else:
                note = file_chunks.decrypt_text(aead, id_, "note", note)
                name = file_chunks.decrypt_text(aead, id_, "file_name", name)
        return AttachmentRow(
            id_, about, record_id, case_id, kind, note, name, media, int(size), sha,
            int(chunks), bool(sealed), created_at, created_by, origin, removed_at, removed_by,
            None, None, None, readable, held,
        )  # fmt: skip

    def get(self, attachment_id: str) -> AttachmentRow:
        found = self._rows("a.id = %s", (attachment_id,))
        if not found:
            raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
        return found[0]

    def of_case(self, case_id: str, *, removed: bool = False) -> list[AttachmentRow]:
        """The files of a case and of its accused and victims, oldest first."""
        gone = "" if removed else " AND a.removed_at IS NULL"
        return self._rows(f"a.case_id = %s{gone} ORDER BY a.created_at, a.id", (case_id,))

    def of_record(self, record_id: str, *, removed: bool = False) -> list[AttachmentRow]:
        """The files of one case, accused or victim, oldest first."""
        gone = "" if removed else " AND a.removed_at IS NULL"
        return self._rows(f"a.record_id = %s{gone} ORDER BY a.created_at, a.id", (record_id,))

    def of_records(self, record_ids: Sequence[str]) -> list[AttachmentRow]:
        """The files (not removed) of any of ``record_ids``, oldest first per record."""
        return self._rows(
            "a.record_id = ANY(%s) AND a.removed_at IS NULL "
            "ORDER BY a.record_id, a.created_at, a.id",
            (list(dict.fromkeys(record_ids)),),
        )

    def count_of_case(self, case_id: str) -> int:
        row = self._conn.execute(
            "SELECT count(*) FROM attachments WHERE case_id = %s AND removed_at IS NULL",
            (case_id,),
        ).fetchone()
        return int(str(row[0])) if row else 0

    def used_bytes(self) -> int:
        """The size of every file held (what HQ's store limit counts)."""
        row = self._conn.execute(
            "SELECT coalesce(sum(size), 0) FROM attachments WHERE removed_at IS NULL AND chunks > 0"
        ).fetchone()
        return int(str(row[0])) if row else 0

    def waiting_for_hq(self) -> list[AttachmentRow]:
        """Nothing: HQ sends no file to HQ."""
        return []

    def content(self, attachment_id: str) -> Iterator[bytes]:
        """As :meth:`tipdesk.store.attachments.AttachmentStore.content`: the bytes chunk by
        chunk, each checked, the whole against its SHA-256; read them inside the transaction."""
        row = self.get(attachment_id)
        if row.removed:
            raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
        if not row.held:
            raise NotFound(
                say(
                    "This case file stays at its district: HQ has its description only (the "
                    "district sends a file with Send to HQ)."
                )
            )
        key = None
        if not row.sealed:
            found = self._conn.execute(
                "SELECT data_key FROM case_file_keys WHERE id = %s", (attachment_id,)
            ).fetchone()
            key = None if found is None else _bytes(found[0])
        aead = self._aead(attachment_id, key, row.sealed)
        if aead is None:
            raise PermissionDenied(
                say(
                    "This file belongs to a victim: only users who may reveal victims' identities "
                    "can open it."
                )
            )
        table = "attachment_chunks" if row.sealed else "case_file_chunks"
        return self._chunks(attachment_id, aead, row.chunks, row.sha256, table)

    def _chunks(
        self, attachment_id: str, aead: AESGCM, count: int, sha: str, table: str
    ) -> Iterator[bytes]:
        digest = hashlib.sha256()
        for n in range(count):
            found = self._conn.execute(
                f"SELECT data FROM {table} WHERE attachment_id = %s AND n = %s",  # noqa: S608
                (attachment_id, n),
            ).fetchone()
            if found is None:
                raise CorruptStore(say("A case file is damaged: part of it is missing."))
            plain = file_chunks.decrypt_chunk(aead, attachment_id, n, count, _bytes(found[0]))
            digest.update(plain)
            yield plain
        if digest.hexdigest() != sha:
            raise CorruptStore(
                say("A case file is damaged: its content does not match its checksum.")
            )

    def read_all(self, attachment_id: str) -> bytes:
        """The whole file in memory (previews: the caller bounds the size)."""
        return b"".join(self.content(attachment_id))
