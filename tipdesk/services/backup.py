"""Encrypted backup and restore of a whole store.

A backup is one file (a zip container, see ``docs/security.md``) holding ``manifest.json``, the
key file and a consistent copy of the encrypted database: every record stays encrypted with
the database key, and that key stays wrapped by the users' passphrases and the recovery key.
So a backup opens with the same passphrases (or the recovery key) as the store it came from.

Contract:
- :func:`backup` writes atomically; an interrupted backup leaves no partial file behind.
- Both take an optional ``progress(done, total)`` callback, called between steps. Whatever it
  raises (the GUI's ``Cancelled``) propagates: a cancelled backup writes no file (the temporary
  folder is removed; once the file is written the backup is complete and a late cancel is
  ignored), and a restore can only be cancelled before the data folder is touched.
- :func:`restore` checks the whole backup (container, manifest, key file, that the passphrase
  unlocks it, that the database opens and its audit chain verifies) before touching the data
  folder. An existing store is moved aside into ``before-restore-<time>/``, never deleted.
- A district store comes back as a *new sync device* (new device id and keys, empty outbox):
  the laptop the backup came from may have sent HQ bundles after the backup was taken, and
  their numbers must not be used again. HQ registers the new device file before it accepts its
  bundles; changes HQ lacks are collected again from the change log. HQ keeps its identity
  (the districts are enrolled to it). :func:`is_new_device` tells the caller to say so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from tipdesk import __version__
from tipdesk.core.clock import Clock, iso_timestamp
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import (
    CorruptStore,
    InvalidInput,
    PermissionDenied,
    StoreExists,
    WrongPassphrase,
)
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission, UserRole, allowed
from tipdesk.fs import replace_durably
from tipdesk.paths import Paths
from tipdesk.services import leftovers
from tipdesk.services.session import Session, sign_in, store_exists
from tipdesk.services.sync import keys as sync_keys
from tipdesk.store.keys import KeyFile
from tipdesk.store.store import Actor, Store

FORMAT = "tipdesk-backup"
FORMAT_VERSION = 1
_MEMBERS = {"manifest.json", "keys.json", "tipdesk.db"}
_MAX_SMALL_MEMBER = 4 * 1024 * 1024  # the manifest and the key file
_CHUNK = 1024 * 1024

ProgressFn = Callable[[int, int], None]
_BACKUP_STEPS = 4
_RESTORE_STEPS = 3


def _step(progress: ProgressFn | None, done: int, total: int) -> None:
    """Report a step; the callback may raise to cancel (the exception propagates)."""
    if progress is not None:
        progress(done, total)


def _final_step(progress: ProgressFn | None, total: int) -> None:
    """Report completion once the work can no longer be undone: a cancel arriving now is too
    late, so whatever the callback raises is ignored and the work counts as done."""
    if progress is not None:
        with contextlib.suppress(Exception):  # a late cancel: the work is already complete
            progress(total, total)


def _private_temp(folder: Path, prefix: str) -> Path:
    """An empty temporary file in ``folder``, mode 0600 (``mkstemp``), for the caller to fill."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def backup(session: Session, dest: Path, progress: ProgressFn | None = None) -> Path:
    """Write a backup of the open store to ``dest`` (a file path); return it.

    The database copy (in the data folder) and the container (beside ``dest``) are temporary
    files, 0600 from their creation, streamed to disk rather than built in memory; they are
    noted in the data folder, so a backup killed half-way leaves nothing readable by others
    and its leftovers are removed at the next sign-in (:mod:`tipdesk.services.leftovers`).
    ``progress(done, total)`` is called between steps; if it raises, the backup stops, nothing
    is written and the exception propagates."""
    session.require(Permission.BACKUP)
    dest = dest.expanduser().resolve()
    if dest.is_dir():
        raise InvalidInput(say("{path} is a folder; give the backup a file name.", path=dest))
    _step(progress, 0, _BACKUP_STEPS)
    dest.parent.mkdir(parents=True, exist_ok=True)
    db_copy = _private_temp(session.paths.home, ".backup-db-")
    try:
        container = _private_temp(dest.parent, ".tipdesk-backup-")
    except BaseException:
        db_copy.unlink(missing_ok=True)
        raise
    with leftovers.tracked(session.paths, [db_copy, container]):
        session.store.export_copy(db_copy)
        _step(progress, 1, _BACKUP_STEPS)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "app_version": __version__,
            "created_at": session.now(),
            "device_id": session.install.device_id,
            "install_role": session.install.role.value,
            "schema_version": session.store.schema_version,
            "database_sha256": _sha256_file(db_copy),
        }
        with container.open("wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
                zf.write(session.paths.keyfile, "keys.json")
                zf.write(db_copy, "tipdesk.db")
            handle.flush()
            os.fsync(handle.fileno())
        _step(progress, 2, _BACKUP_STEPS)
        _step(progress, 3, _BACKUP_STEPS)  # the last chance to cancel: nothing written yet
        replace_durably(container, dest)
    # Logged once the file is complete: a failed backup is not recorded as made.
    session.audit("backup", detail_file=dest.name)
    _final_step(progress, _BACKUP_STEPS)
    return dest


def _copy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> str:
    """Stream one member to ``dest`` (created 0600) in chunks, never more than its declared
    size; return the SHA-256 of what was written."""
    digest = hashlib.sha256()
    left = info.file_size
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, zf.open(info) as member:
        while left > 0 and (chunk := member.read(min(_CHUNK, left))):
            digest.update(chunk)
            out.write(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def _check_members(src: Path, zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The three members by name, refusing anything a TIPDesk backup never holds: other or
    repeated names, a compressed member (backups store their members as they are; the
    database is encrypted and would not compress), or a declared size that is not the stored
    size or that the archive cannot hold."""
    infos = zf.infolist()
    found = {i.filename: i for i in infos}
    if len(infos) != len(_MEMBERS) or set(found) != _MEMBERS:
        raise CorruptStore(
            say("{file} is not a TIPDesk backup (unexpected contents).", file=src.name)
        )
    archive = src.stat().st_size
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED:
            raise CorruptStore(
                say(
                    "{file} is not a TIPDesk backup: {member} is compressed (TIPDesk stores the "
                    "members of a backup as they are).",
                    file=src.name,
                    member=info.filename,
                )
            )
        if info.file_size != info.compress_size or info.file_size > archive:
            raise CorruptStore(
                say("{file} is damaged ({member} has a wrong size).", file=src.name,
                    member=info.filename)
            )  # fmt: skip
    for name in ("manifest.json", "keys.json"):
        if found[name].file_size > _MAX_SMALL_MEMBER:
            raise CorruptStore(
                say("{file} is not a TIPDesk backup ({member} is too large).", file=src.name,
                    member=name)
            )  # fmt: skip
    return found


def _read_backup(src: Path, into: Path) -> dict[str, object]:
    """Check and unpack a backup into the folder ``into``; return its manifest. The database
    is streamed to disk and hashed as it is read: memory stays small whatever the file holds."""
    if not src.is_file():
        raise InvalidInput(say("{path} is not a file.", path=src))
    try:
        with zipfile.ZipFile(src) as zf:
            found = _check_members(src, zf)
            manifest = json.loads(zf.read(found["manifest.json"]))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise CorruptStore(say("{file} is not a TIPDesk backup.", file=src.name))
            if int(manifest.get("version", 0)) > FORMAT_VERSION:
                raise CorruptStore(
                    say(
                        "{file} was written by a newer TIPDesk; install it to restore this backup.",
                        file=src.name,
                    )
                )
            digest = _copy_member(zf, found["tipdesk.db"], into / "tipdesk.db")
            if digest != manifest.get("database_sha256"):
                raise CorruptStore(
                    say("{file} is damaged (the database copy does not match).", file=src.name)
                )
            _copy_member(zf, found["keys.json"], into / "keys.json")
    except (zipfile.BadZipFile, json.JSONDecodeError, KeyError, ValueError, EOFError) as exc:
        raise CorruptStore(
            say("{file} is not a TIPDesk backup or is damaged.", file=src.name)
        ) from exc
    return dict(manifest)


def restore(
    paths: Paths,
    src: Path,
    *,
    user: str,
    passphrase: str,
    clock: Clock,
    replace: bool = False,
    authorised_by: Session | None = None,
    progress: ProgressFn | None = None,
) -> Session:
    """Restore ``src`` into ``paths.home`` and sign in as ``user``; return the session.

    If a store already exists, ``replace`` must be true, and the replacing is authorised by
    the *current* store, never by the backup: ``authorised_by`` (the app's signed-in session
    on this data folder) or else a sign-in to the current store with ``user`` and
    ``passphrase`` (audited there as usual); either must have ``manage_settings``. The existing
    files are then moved aside. ``progress(done, total)`` is called between steps; it may
    raise to cancel only until the backup is checked (before any file of the data folder is
    moved), and the exception propagates with the data folder unchanged.
    """
    if store_exists(paths) and not replace:
        raise StoreExists(
            say(
                "A store already exists in {folder}. Restore with --replace to move it aside "
                "(it is kept in a before-restore folder); nothing was changed.",
                folder=paths.home,
            )
        )
    _step(progress, 0, _RESTORE_STEPS)
    paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.home, prefix=".restore-") as tmp:
        staging = Paths(Path(tmp))
        _read_backup(src, staging.home)
        _step(progress, 1, _RESTORE_STEPS)
        # Prove the backup opens with these credentials before the data folder is touched.
        key = KeyFile.load(staging.keyfile).unlock(user, passphrase, clock)
        probe = Store.open(staging.database, key)
        try:
            result = probe.verify_audit()
            # Refuse here, not after the data folder was replaced: the user must be able to
            # sign in to the restored store and be allowed to restore.
            row = probe.user(user)
            if row is None or not row.active:
                raise WrongPassphrase(say("Wrong user name or passphrase."))
            if not allowed(UserRole(row.role), Permission.MANAGE_SETTINGS):
                raise PermissionDenied(
                    say(
                        "Your role ({role}) does not allow restoring a backup.",
                        role=row.role.replace("_", " "),
                    )
                )
            if result.ok and probe.setting("install_role") == InstallRole.DISTRICT.value:
                previous = probe.setting("device_id", "") or ""
                device = new_id()
                actor = Actor(user, device, iso_timestamp(clock.now()))
                sync_keys.become_new_device(probe, device, actor, previous=previous)
            probe.checkpoint()
        finally:
            probe.close()
        if not result.ok:
            raise CorruptStore(
                say("The backup's audit log does not verify: {problem}.", problem=result.problem)
            )
        # The last chance to cancel: from here on the data folder is changed.
        _step(progress, 2, _RESTORE_STEPS)
        if store_exists(paths):
            # The backup checked out; now the current store's own user must allow replacing it.
            _authorise_replace(paths, authorised_by, user, passphrase, clock)
            stamp = iso_timestamp(clock.now()).replace(":", "").replace(".", "")
            aside = paths.home / f"before-restore-{stamp}"
            aside.mkdir(mode=0o700)
            for p in _store_files(paths):
                if p.exists():
                    shutil.move(str(p), aside / p.name)
        for p in _store_files(staging):
            if p.exists():
                p.replace(paths.home / p.name)
    session = sign_in(paths, user=user, passphrase=passphrase, clock=clock)
    session.audit("restore", detail_file=src.name)
    _final_step(progress, _RESTORE_STEPS)
    return session


def _authorise_replace(
    paths: Paths, by: Session | None, user: str, passphrase: str, clock: Clock
) -> None:
    """Check that the current store's own user allows replacing it (see :func:`restore`)."""
    if by is not None:
        if by.paths.home.resolve() != paths.home.resolve():
            raise PermissionDenied(say("Only a user signed in to this data folder may replace it."))
        by.require(Permission.MANAGE_SETTINGS)
        return
    current = sign_in(paths, user=user, passphrase=passphrase, clock=clock)
    try:
        current.require(Permission.MANAGE_SETTINGS)
    finally:
        current.close()


def is_new_device(session: Session) -> bool:
    """Whether a restore just made this install a new sync device (a district): the user must
    then send HQ the device file (``tipdesk device export``) for HQ to register."""
    return session.install.role is InstallRole.DISTRICT


def _store_files(paths: Paths) -> list[Path]:
    db = paths.database
    return [paths.keyfile, db, Path(f"{db}-wal"), Path(f"{db}-shm")]
