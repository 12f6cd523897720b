"""Case files at an HQ keeping its records in PostgreSQL (issue 20, branch pgfiles).

Contract: :func:`files_of` gives, for a session routed to PostgreSQL
(:func:`tipdesk.services.sync.hq_pg_records.session_on`), the case files of that session's
transaction (:class:`tipdesk.hqstore.files.PgFiles`): the file wrapping key is derived from the
HQ install's identity index key (read from its own SQLCipher store, never put in
PostgreSQL); victims' files open only for a user who may reveal identities and holds the
identity key in the install's store, and only when the database role may read their sealed
keys (:mod:`tipdesk.hqstore.roles`: not the analysts). The services
(:mod:`tipdesk.services.attachments`, :mod:`tipdesk.services.sync.files_in`) call it in place
of :class:`~tipdesk.store.attachments.AttachmentStore`; the receipts call
:func:`received_from` on their own connection, an import :func:`keep_descriptions` in its
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.hqstore.files import Conn, PgFiles, unit_of, wrapping_key
from tipdesk.services.session import Session
from tipdesk.services.sync import files_in
from tipdesk.sync.file_descriptions import Description


def _index_key(session: Session) -> bytes:
    from tipdesk.services.sync.hq_pg import install_index_key  # hq_pg imports this module

    return install_index_key(session)


def files_of(session: Session) -> PgFiles:
    """The case files of ``session``'s PostgreSQL transaction (see the module contract)."""
    view: Any = session.store  # a PgView: its connection and the install's store
    vault = view.install_store.vault
    may = session.can(Permission.REVEAL_IDENTITY) and vault.is_open
    return PgFiles(
        view.conn,
        wrapping=wrapping_key(_index_key(session)),
        public=vault.public_key(),
        private=vault.private_key() if may else None,
    )


def received_from(session: Session, conn: Conn, origin: str, most: int) -> list[str]:
    """The ids of the newest ``most`` files of device ``origin`` HQ's database holds (the
    receipts name them, so the district marks them sent)."""
    files = PgFiles(conn, wrapping=b"", public=b"")  # ids only: no key is used
    return files.received_from(origin, most)


def keep_descriptions(
    conn: Conn, origin: str, district: str, found: Sequence[Description], index_key: bytes
) -> int:
    """Keep an imported bundle's descriptions of its district's files, in the import's
    transaction, as :func:`tipdesk.services.sync.files_in.keep_descriptions` does at the
    SQLCipher HQ (the records of device ``origin``'s ``district`` only, read in PostgreSQL;
    names and notes sealed: :mod:`tipdesk.hqstore.files`); how many were left out.
    ``index_key``: the HQ install's, which the file wrapping key is derived from."""
    if not found:
        return 0
    kept = [
        files_in.described(d, origin)
        for d in found
        if unit_of(conn, d.about, d.record_id) == (district, d.case_id)
    ]
    PgFiles(conn, wrapping=wrapping_key(index_key), public=b"").describe(kept)
    return len(found) - len(kept)
