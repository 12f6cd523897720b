"""Case files at an HQ keeping its records in PostgreSQL (issue 20, branch pgfiles).

Contract: :func:`files_of` gives, for a session routed to PostgreSQL
(:func:`tipdesk.services.sync.hq_pg_records.session_on`), the case files of that session's
transaction (:class:`tipdesk.hqstore.files.PgFiles`): the file wrapping key is derived from the
HQ install's identity index key (read from its own SQLCipher store, never put in
PostgreSQL); victims' files open only when the session's PostgreSQL vault holds the identity
key (a user who may reveal identities, with a role reading identities). The services
(:mod:`tipdesk.services.attachments`, :mod:`tipdesk.services.sync.files_in`) call it in place
of :class:`~tipdesk.store.attachments.AttachmentStore`; the receipts call
:func:`received_from` on their own connection.
"""

from __future__ import annotations

from typing import Any

from tipdesk.hqstore.files import Conn, PgFiles, wrapping_key
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg import install_index_key


def files_of(session: Session) -> PgFiles:
    """The case files of ``session``'s PostgreSQL transaction (see the module contract)."""
    view: Any = session.store  # a PgView: its connection and PostgreSQL vault
    vault = view.vault
    return PgFiles(
        view.conn,
        wrapping=wrapping_key(install_index_key(session)),
        public=vault.public_key(),
        private=vault.private_key(),
    )


def received_from(session: Session, conn: Conn, origin: str, most: int) -> list[str]:
    """The ids of the newest ``most`` files of device ``origin`` HQ's database holds (the
    receipts name them, so the district marks them sent)."""
    files = PgFiles(conn, wrapping=b"", public=b"")  # ids only: no key is used
    return files.received_from(origin, most)
