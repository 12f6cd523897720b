"""Case files kept inside the store, encrypted in chunks under a key of their own.

Design (``docs/security.md``, "Case files"; the encryption is :mod:`tipdesk.store.file_chunks`,
shared with the PostgreSQL HQ):

- A file's content is cut into chunks of :data:`CHUNK` bytes; each chunk is encrypted with
  AES-256-GCM under the file's own random **data key** (random 96-bit nonce; associated data:
  the file's id, the chunk's number and whether it is the last, as age's STREAM does, so a
  chunk cannot be moved, reordered or dropped unnoticed) and stored as one row of
  ``attachment_chunks``. Writing and reading go chunk by chunk: memory stays at a few chunks
  whatever the file's size.
- The data key of a case's or an accused's file is kept as it is in ``attachments`` (the
  database is encrypted by SQLCipher; the key of its own lets a removed file be destroyed by
  dropping one value). The data key of a **victim's** file is sealed (HPKE) to the store's
  identity public key (:mod:`tipdesk.store.identity`), and the file's name and note are
  encrypted under it too: only a holder of the identity key (users who may reveal identities,
  the recovery key) can open them; everyone can add one.
- A file is written in one transaction, with its audit entry: a crash leaves the whole file or
  nothing. The write-ahead log is truncated after each add and removal.
- Removal keeps the description (who removed it, when) and drops the key and every chunk
  with ``secure_delete`` on, so the freed pages are overwritten with zeros, then truncates
  the write-ahead log; the description of a victim's file loses its (encrypted) name and note.

Contract: one :class:`AttachmentStore` per open :class:`~tipdesk.store.store.Store`, on its
thread. The store neither sniffs types nor checks permissions or limits: the services do. It
never logs or raises a file's content, name or note.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.core.errors import CorruptStore, NotFound, PermissionDenied
from tipdesk.core.messages import say
from tipdesk.store import audit, file_chunks
from tipdesk.store.driver import Connection, transaction, translated
from tipdesk.store.file_chunks import CHUNK, decrypt_text, encrypt_text, rechunk
from tipdesk.store.store import Actor, Store

__all__ = ["CHUNK", "AttachmentRow", "AttachmentStore", "Described", "NewAttachment"]


COLUMNS = (
    "id, about, record_id, case_id, kind, note, file_name, media_type, size, sha256, chunks, "
    "key_sealed, created_at, created_by, origin, removed_at, removed_by, hq_requested_at, "
    "hq_requested_by, hq_sent_at"
)


@dataclass(frozen=True, slots=True)
class NewAttachment:
    """What the services decided about a file before it is stored."""

    id: str
    about: str
    record_id: str
    case_id: str | None
    kind: str
    note: str
    file_name: str
    media_type: str
    sealed: bool
    """Seal the data key to the identity key (a victim's file)."""
    origin: str


@dataclass(frozen=True, slots=True)
class Described:
    """HQ: a district's file as its description says (see :meth:`AttachmentStore.describe`)."""

    id: str
    about: str
    record_id: str
    case_id: str | None
    kind: str
    media_type: str
    size: int
    sha256: str
    created_at: str
    created_by: str
    origin: str
    file_name: str = ""
    note: str = ""
    """A case's or an accused's file's name and note (a victim's file's are kept once its
    content comes, sealed with it)."""


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    """A stored file's description. ``file_name`` and ``note`` of a sealed file read as ``None``
    for a store without the identity key (:attr:`readable` is then false)."""

    id: str
    about: str
    record_id: str
    case_id: str | None
    kind: str
    note: str | None
    file_name: str | None
    media_type: str
    size: int
    sha256: str
    chunks: int
    sealed: bool
    created_at: str
    created_by: str
    origin: str
    removed_at: str | None
    removed_by: str | None
    hq_requested_at: str | None
    hq_requested_by: str | None
    hq_sent_at: str | None
    readable: bool
    held: bool = True
    """The content is in this store. At HQ, a district's file whose content stays at the
    district is a description only (no key, no chunks)."""

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class AttachmentStore:
    """Adding, listing, reading and removing one store's case files."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: Connection = store._conn  # the store's own connection and thread

    # --- keys ------------------------------------------------------------------------------
    def _key_of(self, attachment_id: str, stored: bytes | None, sealed: bool) -> AESGCM | None:
        """The file's AEAD, or ``None`` when it is sealed and this store lacks the identity
        key (or the file was removed)."""
        if stored is None:
            return None
        if not sealed:
            return AESGCM(bytes(stored))
        private = self._store.vault.private_key()
        if private is None:
            return None
        return AESGCM(file_chunks.open_key(private, attachment_id, bytes(stored)))

    def _stored_key(self, attachment_id: str, key: bytes, sealed: bool) -> bytes:
        if not sealed:
            return key
        return file_chunks.seal_key(self._store.vault.public_key(), attachment_id, key)

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
        """Store ``content`` (the file's bytes, in pieces of any size) as one file, in one
        transaction with an ``attachment.add`` audit entry and ``also_log``. Refuses (rolls
        back, :class:`ValueError`) content longer than ``max_bytes``: a file that grew after
        it was checked. ``received`` (HQ): a district's file that came to HQ, stored with the
        district's attaching time and user, in place of its description (audited as
        ``attachment.receive``); an error raised by ``content`` (its digest does not match)
        rolls everything back."""
        key = AESGCM.generate_key(bit_length=256)
        aead = AESGCM(key)
        digest = hashlib.sha256()
        size = 0
        created_at, created_by = (received.created_at, received.created_by) if received else (
            actor.at, actor.user)  # fmt: skip
        with transaction(self._conn) as conn:
            if received is not None:
                conn.execute(
                    "DELETE FROM attachments WHERE id = ? AND origin = ? AND data_key IS NULL "
                    "AND removed_at IS NULL",
                    (new.id, new.origin),
                )
            # The chunks go first (the row needs their count and digest): check their foreign
            # key at commit.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            n = 0
            for piece, last in rechunk(content):
                size += len(piece)
                if size > max_bytes:
                    raise ValueError("the file is larger than the limit")
                digest.update(piece)
                data = file_chunks.encrypt_chunk(aead, new.id, n, last, piece)
                conn.execute(
                    "INSERT INTO attachment_chunks(attachment_id, n, data) VALUES (?, ?, ?)",
                    (new.id, n, data),
                )
                n += 1
            note, name = new.note, new.file_name
            if new.sealed:
                note = encrypt_text(aead, new.id, "note", note)
                name = encrypt_text(aead, new.id, "file_name", name)
            conn.execute(
                "INSERT INTO attachments(id, about, record_id, case_id, kind, note, file_name, "
                "media_type, size, sha256, chunks, data_key, key_sealed, created_at, created_by, "
                "origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new.id, new.about, new.record_id, new.case_id, new.kind, note, name,
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
            audit.append(conn, [entry, *also_log])
        self._truncate_wal()
        return self.get(new.id)

    def remove(self, attachment_id: str, actor: Actor, reason: str) -> None:
        """Destroy a file's content and key (see the module contract), in one transaction
        with an ``attachment.remove`` audit entry holding the reason."""
        with self._secure_delete(), transaction(self._conn) as conn:
            row = conn.execute(
                "SELECT key_sealed, removed_at FROM attachments WHERE id = ?", (attachment_id,)
            ).fetchone()
            if row is None or row[1] is not None:
                raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
            conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,))
            blank = ", note = '', file_name = ''" if row[0] else ""
            conn.execute(
                f"UPDATE attachments SET data_key = NULL, removed_at = ?, removed_by = ?{blank} "  # noqa: S608
                "WHERE id = ?",
                (actor.at, actor.user, attachment_id),
            )
            audit.append(
                conn,
                [audit.NewEntry(actor.at, actor.user, actor.device, "attachment.remove",
                                "attachment", attachment_id, {"reason": reason})],
            )  # fmt: skip
        self._truncate_wal()

    def request_for_hq(self, attachment_id: str, actor: Actor) -> None:
        """Mark a file to be sent to HQ (audited); marking it again changes nothing."""
        with transaction(self._conn) as conn:
            cur = conn.execute(
                "UPDATE attachments SET hq_requested_at = ?, hq_requested_by = ? "
                "WHERE id = ? AND removed_at IS NULL AND hq_requested_at IS NULL",
                (actor.at, actor.user, attachment_id),
            )
            if cur.rowcount:
                audit.append(
                    conn,
                    [audit.NewEntry(actor.at, actor.user, actor.device, "attachment.send",
                                    "attachment", attachment_id, {})],
                )  # fmt: skip

    def mark_sent(self, attachment_ids: Sequence[str], actor: Actor) -> list[str]:
        """Note that HQ confirmed holding files this store marked for it (a receipt named
        them), with an ``attachment.sent`` audit entry each; ids of files not marked, or
        already confirmed, change nothing. The ids marked now come back."""
        done: list[str] = []
        with transaction(self._conn) as conn:
            for i in attachment_ids:
                cur = conn.execute(
                    "UPDATE attachments SET hq_sent_at = ? WHERE id = ? AND hq_sent_at IS NULL "
                    "AND hq_requested_at IS NOT NULL",
                    (actor.at, i),
                )
                if cur.rowcount:
                    done.append(i)
            audit.append(
                conn,
                [audit.NewEntry(actor.at, actor.user, actor.device, "attachment.sent",
                                "attachment", i, {}) for i in done],
            )  # fmt: skip
        return done

    def describe(self, rows: Sequence[Described]) -> int:
        """HQ: keep the descriptions of a district's files whose content stays there (no key,
        no chunks). A description replaces an earlier one of the same file from the same
        device while HQ holds no content of it; a file HQ holds, or one another device
        described, is left as it is. Returns how many were written."""
        written = 0
        with transaction(self._conn) as conn:
            for d in rows:
                victim = d.about == "victim"
                found = conn.execute(
                    "SELECT origin, data_key IS NULL AND removed_at IS NULL FROM attachments "
                    "WHERE id = ?",
                    (d.id,),
                ).fetchone()
                if found is not None and not (found[0] == d.origin and found[1]):
                    continue
                conn.execute(
                    "INSERT OR REPLACE INTO attachments(id, about, record_id, case_id, kind, "
                    "note, file_name, media_type, size, sha256, chunks, data_key, key_sealed, "
                    "created_at, created_by, origin) VALUES (?,?,?,?,?,?,?,?,?,?,0,NULL,?,?,?,?)",
                    (d.id, d.about, d.record_id, d.case_id, d.kind,
                     "" if victim else d.note, "" if victim else d.file_name, d.media_type,
                     d.size, d.sha256, int(victim), d.created_at, d.created_by, d.origin),
                )  # fmt: skip
                written += 1
        return written

    def received_from(self, origin: str, most: int) -> list[str]:
        """HQ: the ids of the newest ``most`` files of device ``origin`` whose content HQ
        holds (a receipt names them, so the district marks them sent)."""
        with translated():
            found = self._conn.execute(
                "SELECT id FROM attachments WHERE origin = ? AND data_key IS NOT NULL "
                "ORDER BY id DESC LIMIT ?",
                (origin, most),
            ).fetchall()
        return [str(r[0]) for r in found]

    # --- reading ---------------------------------------------------------------------------
    def _rows(self, where: str, params: Sequence[Any]) -> list[AttachmentRow]:
        with translated():
            found = self._conn.execute(
                f"SELECT {COLUMNS}, data_key FROM attachments WHERE {where}",  # noqa: S608
                params,
            ).fetchall()
        return [self._row(r) for r in found]

    def _row(self, r: Sequence[Any]) -> AttachmentRow:
        (id_, about, record_id, case_id, kind, note, name, media, size, sha, chunks, sealed,
         created_at, created_by, origin, removed_at, removed_by, req_at, req_by, sent_at,
         key) = r  # fmt: skip
        readable = True
        if sealed:
            aead = self._key_of(id_, key, True) if key is not None else None
            if aead is None:
                readable = key is None and removed_at is not None
                note = name = None if not readable else ""
            else:
                note = decrypt_text(aead, id_, "note", note)
                name = decrypt_text(aead, id_, "file_name", name)
        return AttachmentRow(
            id_, about, record_id, case_id, kind, note, name, media, int(size), sha,
            int(chunks), bool(sealed), created_at, created_by, origin, removed_at, removed_by,
            req_at, req_by, sent_at, readable, key is not None or removed_at is not None,
        )  # fmt: skip

    def get(self, attachment_id: str) -> AttachmentRow:
        found = self._rows("id = ?", (attachment_id,))
        if not found:
            raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
        return found[0]

    def of_case(self, case_id: str, *, removed: bool = False) -> list[AttachmentRow]:
        """The files of a case and of its accused and victims, oldest first."""
        gone = "" if removed else " AND removed_at IS NULL"
        return self._rows(f"case_id = ?{gone} ORDER BY created_at, id", (case_id,))

    def of_record(self, record_id: str, *, removed: bool = False) -> list[AttachmentRow]:
        """The files of one case, accused or victim, oldest first."""
        gone = "" if removed else " AND removed_at IS NULL"
        return self._rows(f"record_id = ?{gone} ORDER BY created_at, id", (record_id,))

    def of_records(self, record_ids: Sequence[str]) -> list[AttachmentRow]:
        """The files (not removed) of any of ``record_ids``, oldest first per record."""
        out: list[AttachmentRow] = []
        ids = list(dict.fromkeys(record_ids))
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            out += self._rows(
                f"record_id IN ({marks}) AND removed_at IS NULL ORDER BY record_id, created_at, id",
                part,
            )
        return out

    def count_of_case(self, case_id: str) -> int:
        with translated():
            row = self._conn.execute(
                "SELECT count(*) FROM attachments WHERE case_id = ? AND removed_at IS NULL",
                (case_id,),
            ).fetchone()
        return int(row[0])

    def waiting_for_hq(self) -> list[AttachmentRow]:
        """Files marked for HQ and not yet written for it, oldest mark first."""
        return self._rows(
            "hq_requested_at IS NOT NULL AND hq_sent_at IS NULL AND removed_at IS NULL "
            "ORDER BY hq_requested_at, id",
            (),
        )

    def used_bytes(self) -> int:
        """The size of every file still held (what the store limit counts)."""
        with translated():
            row = self._conn.execute(
                "SELECT coalesce(sum(size), 0) FROM attachments WHERE removed_at IS NULL "
                "AND data_key IS NOT NULL"
            ).fetchone()
        return int(row[0])

    def content(self, attachment_id: str) -> Iterator[bytes]:
        """The file's bytes, chunk by chunk, each checked; the whole checked against its
        SHA-256 at the end. :class:`PermissionDenied` for a victim's file without the
        identity key; :class:`CorruptStore` for a damaged file. Read the chunks on the
        store's thread, one after the other (each is a query)."""
        with translated():
            row = self._conn.execute(
                "SELECT data_key, key_sealed, chunks, sha256, removed_at FROM attachments "
                "WHERE id = ?",
                (attachment_id,),
            ).fetchone()
        if row is None or row[4] is not None:
            raise NotFound(say("There is no case file with id {id}.", id=attachment_id))
        if row[0] is None:
            raise NotFound(
                say(
                    "This case file stays at its district: HQ has its description only (the "
                    "district sends a file with Send to HQ)."
                )
            )
        aead = self._key_of(attachment_id, row[0], bool(row[1]))
        if aead is None:
            raise PermissionDenied(
                say(
                    "This file belongs to a victim: only users who may reveal victims' identities "
                    "can open it."
                )
            )
        return self._chunks(attachment_id, aead, int(row[2]), str(row[3]))

    def _chunks(self, attachment_id: str, aead: AESGCM, count: int, sha: str) -> Iterator[bytes]:
        digest = hashlib.sha256()
        for n in range(count):
            with translated():
                found = self._conn.execute(
                    "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND n = ?",
                    (attachment_id, n),
                ).fetchone()
            if found is None:
                raise CorruptStore(say("A case file is damaged: part of it is missing."))
            plain = file_chunks.decrypt_chunk(aead, attachment_id, n, count, bytes(found[0]))
            digest.update(plain)
            yield plain
        if digest.hexdigest() != sha:
            raise CorruptStore(
                say("A case file is damaged: its content does not match its checksum.")
            )

    def read_all(self, attachment_id: str) -> bytes:
        """The whole file in memory (previews: the caller bounds the size)."""
        return b"".join(self.content(attachment_id))

    # --- housekeeping ----------------------------------------------------------------------
    @contextmanager
    def _secure_delete(self) -> Iterator[None]:
        with translated():
            self._conn.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            with translated():
                self._conn.execute("PRAGMA secure_delete = OFF")

    def _truncate_wal(self) -> None:
        """Fold the write-ahead log into the database and cut it to nothing: a file's pages
        (added or zeroed) do not stay in it, and it does not stay at the file's size. Another
        connection reading at the time makes this a partial checkpoint; SQLite's own
        checkpoints and the next add or removal finish it."""
        with translated():
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
