"""Backups of the PostgreSQL HQ database, encrypted to HQ's age recipients before they touch a
disk: ``tipdesk hq backup FILE`` and ``tipdesk hq restore-database FILE URL``.

Contract:
- :func:`backup` dumps the HQ's database (:func:`tipdesk.hqstore.dump.dump`), encrypts the dump
  with age to HQ's own recipient and its backup recipients (the same keys districts encrypt
  bundles to) and writes the file atomically; plaintext exists only in memory. Identities in
  it are the sealed tokens of the tables: even the decrypted dump holds no identity.
- :func:`restore` decrypts a backup with HQ's age identity and loads it into an empty
  database (its URL checked as for :func:`tipdesk.services.sync.hq_pg.configure`); it does not
  switch the install to that database (``tipdesk hq database URL`` does, once checked).
- The dump is held in memory whole (a first slice: an HQ of 1,000,000 cases dumps to some
  hundreds of MB); streaming it through age is left for later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.hqstore import dump as pg_dump
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_tls
from tipdesk.services.sync.common import own_identity, require_hq
from tipdesk.services.sync.enrolment import keys_info
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.sync import age

SUFFIX = ".pgdump.age"


@dataclass(frozen=True, slots=True)
class BackupWritten:
    path: Path
    bytes: int
    recipients: int


def backup(session: Session, out: Path) -> BackupWritten:
    """Dump, encrypt and write the HQ database to ``out`` (see the module contract)."""
    session.require(Permission.BACKUP)
    require_hq(session, "hq backup")
    url = session.store.setting(DATABASE_SETTING)
    if not url:
        raise InvalidInput(
            say("This HQ keeps its records in its own store: back it up with `tipdesk backup`.")
        )
    info = keys_info(session)
    recipients = [info.recipient, *(r for r in info.backup_recipients if r != info.recipient)]
    sealed = age.encrypt(pg_dump.dump(hq_pg_tls.connection_url(session, url)), recipients)
    atomic_write_bytes(out, sealed)
    return BackupWritten(out, len(sealed), len(recipients))


def restore(session: Session, backup_file: Path, url: str, ca: Path | None = None) -> None:
    """Decrypt ``backup_file`` with HQ's key and load it into the empty database ``url``
    (reached as :func:`tipdesk.services.sync.hq_pg.configure` reaches one: ``ca``, the CA
    certificate file of a server over the network)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "hq restore-database")
    ca_pem = hq_pg_tls.read_ca(ca)
    hq_pg_tls.check(url, ca_pem)
    try:
        sealed = backup_file.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            say(
                "{backup_file} could not be read: {strerror}.",
                backup_file=backup_file,
                strerror=exc.strerror,
            )
        ) from None
    try:
        plain = age.decrypt(sealed, own_identity(session).age_identity)
    except Exception:
        raise KnownError(
            say(
                "{name} does not open with this HQ's key: it is not a backup of this HQ's "
                "database, or it is damaged. Nothing was changed.",
                name=backup_file.name,
            )
        ) from None
    pg_dump.restore(hq_pg_tls.url_with_ca(session, url, ca_pem), plain)
