"""Restoring a backup while the app is signed in.

:func:`tipdesk.services.backup.restore` expects no open connection to the store it replaces.
The app has one (its worker's session), so :func:`restore_over` closes it, restores, and
returns the new session; if the restore refuses the backup (wrong passphrase, damaged file,
no permission), the data folder is untouched and the old store is opened again in the same
:class:`Session` object before the error is re-raised, so the app carries on as before.

Runs on the store's thread. A ``progress`` callback is passed on to the restore; a cancel
(whatever it raises) is allowed only before the data folder is touched, and is handled like a
refusal: the old store is opened again and the exception re-raised.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tipdesk.core.permissions import Permission
from tipdesk.services import backup
from tipdesk.services.session import Session
from tipdesk.store.store import Store


def restore_over(
    session: Session,
    src: Path,
    *,
    user: str,
    passphrase: str,
    progress: Callable[[int, int], None] | None = None,
) -> Session:
    """Replace the open store with the backup ``src`` and sign in to it as ``user``.

    The replaced store is moved aside (``before-restore-<time>/``), never deleted."""
    session.require(Permission.MANAGE_SETTINGS)
    key = session.store.database_key()
    session.store.checkpoint()
    session.close()
    try:
        return backup.restore(
            session.paths, src, user=user, passphrase=passphrase, clock=session.clock,
            replace=True, authorised_by=session, progress=progress,
        )  # fmt: skip
    except BaseException:
        session.store = Store.open(session.paths.database, key)
        raise
