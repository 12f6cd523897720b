"""Case files in ``tipdesk hq migrate-to-postgres`` (issue 20, branch pgfiles): copied from the
HQ install's SQLCipher store into the PostgreSQL copy, in the copy's transaction, and proven.

Contract:
- :func:`copy_files` copies every file row and its encrypted chunks as they are
  (:meth:`tipdesk.hqstore.files.PgFiles.copy_stored`: no content is decrypted; a case's or an
  accused's file key is wrapped under the file wrapping key derived from the install's index
  key, its name and note sealed; a victim's file goes as it is, sealed to the same identity key).
  One chunk is in memory at a time.
- :func:`prove_files` checks the copy before it is committed: as many files and chunks as the
  store holds, and every held file of a case or an accused read back from PostgreSQL (each
  chunk decrypted, the whole checked against its SHA-256) with the store's name and note; a
  victim's file too when the user holds the identity key. A difference raises
  :class:`~tipdesk.core.errors.KnownError` and the caller rolls the copy back.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.hqstore.files import STORED_COLUMNS, Conn, PgFiles, wrapping_key
from tipdesk.services.session import Session
from tipdesk.store.attachments import AttachmentStore


def _pg_files(session: Session, conn: Conn, index_key: bytes) -> PgFiles:
    vault = session.store.vault
    may = session.can(Permission.REVEAL_IDENTITY) and vault.is_open
    return PgFiles(
        conn,
        wrapping=wrapping_key(index_key),
        public=vault.public_key(),
        private=vault.private_key() if may else None,
    )


def _ids(session: Session) -> list[str]:
    return [str(r[0]) for r in session.store.query("SELECT id FROM attachments ORDER BY id")]


def copy_files(session: Session, conn: Conn, index_key: bytes) -> int:
    """Copy every case file into ``conn``'s transaction (see the module contract); how many."""
    files = _pg_files(session, conn, index_key)
    ids = _ids(session)
    for attachment_id in ids:
        row = session.store.query(
            f"SELECT {STORED_COLUMNS} FROM attachments WHERE id = ?",  # noqa: S608
            (attachment_id,),
        )[0]
        count = int(session.store.query(
            "SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?", (attachment_id,)
        )[0][0])  # fmt: skip
        chunks = (
            bytes(
                session.store.query(
                    "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND n = ?",
                    (attachment_id, n),
                )[0][0]
            )
            for n in range(count)
        )
        files.copy_stored(tuple(row), chunks)
    return len(ids)


_COUNTS = ("SELECT count(*) FROM attachments", "SELECT count(*) FROM attachment_chunks")


def _count(rows: Sequence[Sequence[object]]) -> int:
    return int(str(rows[0][0])) if rows else 0


def _differs() -> KnownError:
    return KnownError(
        say("The copy differs in {tables}; it was rolled back.", tables="attachments")
    )


def prove_files(session: Session, conn: Conn, index_key: bytes) -> int:
    """Check the copied files (see the module contract); how many were read back whole."""
    files = _pg_files(session, conn, index_key)
    store = AttachmentStore(session.store)
    counts = [(_count(session.store.query(sql)), _count(conn.execute(sql.encode()).fetchall()))
              for sql in _COUNTS]  # fmt: skip
    if any(mine != theirs for mine, theirs in counts):
        raise _differs()
    read = 0
    for attachment_id in _ids(session):
        mine, theirs = store.get(attachment_id), files.get(attachment_id)
        if (mine.size, mine.sha256, mine.held, mine.removed) != (
            theirs.size,
            theirs.sha256,
            theirs.held,
            theirs.removed,
        ):
            raise _differs()
        if mine.removed or not (mine.readable and theirs.readable):
            continue
        if (mine.file_name, mine.note) != (theirs.file_name, theirs.note):
            raise _differs()
        if not mine.held:
            continue
        try:
            for _piece in files.content(attachment_id):
                pass
        except KnownError:
            raise _differs() from None
        read += 1
    return read
