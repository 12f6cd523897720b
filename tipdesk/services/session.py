"""Setting up an install, signing in, and the signed-in session.

Contract:
- :func:`init_install` creates the key file and the encrypted store together; if anything
  fails half-way, both are removed so a retry starts clean.
- :func:`sign_in` unwraps the database key with the user's passphrase (Argon2id, see
  :mod:`tipdesk.store.keys`), opens the store, writes any pending failed-login entries and a
  login entry to the audit log. A wrong passphrase opens nothing.
- A :class:`Session` belongs to one thread (its store's). It knows the user, the role and the
  install, checks permissions (:meth:`Session.require`) and stamps writes (:meth:`actor`).
- Sign-in checks that the audit log ends at its recorded head before it logs. When it does
  not (entries were cut from the end), the session still opens, logs nothing, and says so:
  :attr:`Session.audit_status` (``ok``, ``problem``) and :attr:`Session.audit_broken`, for the
  app and the command line to show an administrator at once. Every write is refused until an
  administrator records the break (:func:`tipdesk.services.audit_log.acknowledge_break`).
- A user changes their own passphrase here (:func:`change_passphrase`); adding, disabling and
  enabling users is :mod:`tipdesk.services.users`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from tipdesk.core.clock import Clock, iso_timestamp
from tipdesk.core.codes import InstallRole, OfficeKind
from tipdesk.core.errors import (
    CorruptStore,
    InvalidInput,
    KnownError,
    PermissionDenied,
    StoreExists,
    StoreNotFound,
    WrongPassphrase,
)
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.passphrase import passphrase_messages, too_weak
from tipdesk.core.permissions import ADMIN_ROLE, Permission, UserRole, allowed
from tipdesk.core.reference import Reference
from tipdesk.core.validation import ValidationContext
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import leftovers, reference_updates, relay_setup
from tipdesk.store.audit import ChainStatus, NewEntry
from tipdesk.store.handover_store import HandoverStore
from tipdesk.store.keys import DEFAULT_KDF, KdfParams, KeyFile
from tipdesk.store.store import Actor, OfficeRow, Store, User


@dataclass(frozen=True, slots=True)
class Install:
    """What this install is: a district office or HQ, and its device identity."""

    role: InstallRole
    district: str
    office: str
    device_id: str

    @classmethod
    def from_store(cls, store: Store) -> Install:
        return cls(
            role=InstallRole(store.setting("install_role") or InstallRole.DISTRICT.value),
            district=store.setting("district", "") or "",
            office=store.setting("office", "") or "",
            device_id=store.setting("device_id", "") or "",
        )


class Session:
    """A signed-in user's access to one open store."""

    def __init__(
        self,
        store: Store,
        paths: Paths,
        user: User,
        install: Install,
        clock: Clock,
        reference: Reference,
    ) -> None:
        self.store = store
        self.paths = paths
        self.user = user
        self.role = UserRole(user.role)
        self.install = install
        self.clock = clock
        self.reference = reference
        self.on_close: list[Callable[[], None]] = []
        """Run when the session closes, before its store (e.g. a shared database pool)."""
        self.audit_status: ChainStatus = store.audit_status()
        """Whether the audit log ended at its recorded head when checked (at sign-in, and
        again at each unlock); see the module contract."""

    @property
    def audit_broken(self) -> bool:
        """True when the audit log does not end at its recorded head: show it to an
        administrator (``audit_status.problem`` says what is wrong)."""
        return not self.audit_status.ok

    def __repr__(self) -> str:
        return f"Session(user={self.user.name!r}, role={self.role.value})"

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        """Raise :class:`PermissionDenied` unless the user's role has ``permission``."""
        if not self.can(permission):
            raise PermissionDenied(
                say(
                    "Your role ({role}) does not allow this ({permission}).",
                    role=self.role.value.replace("_", " "),
                    permission=permission.value.replace("_", " "),
                )
            )

    def now(self) -> str:
        return iso_timestamp(self.clock.now())

    def actor(self) -> Actor:
        return Actor(self.user.name, self.install.device_id, self.now())

    def audit_entry(
        self, action: str, kind: str = "", record_id: str = "", **detail: object
    ) -> NewEntry:
        """An audit entry by the signed-in user, now, to be written with other changes."""
        a = self.actor()
        return NewEntry(a.at, a.user, a.device, action, kind, record_id, dict(detail))

    def audit(self, action: str, kind: str = "", record_id: str = "", **detail: object) -> None:
        self.store.log([self.audit_entry(action, kind, record_id, **detail)])

    def office_codes(self) -> frozenset[str]:
        return frozenset(o.code for o in self.store.offices())

    def _received_offices(self) -> frozenset[str]:
        if getattr(self.store, "on_postgres", False):  # an HQ's records in PostgreSQL
            offices: frozenset[str] = cast(Any, self.store).received_offices()
            return offices
        return HandoverStore(self.store).received_offices()

    def validation_context(self) -> ValidationContext:
        return ValidationContext(
            reference=self.reference,
            # A case handed over to this district keeps the sending office's code.
            offices=self.office_codes() | self._received_offices(),
            today=self.clock.now().date(),
            identity_detail=self.can(Permission.REVEAL_IDENTITY),
            # Keyed hashes: they work whether or not this user can read identities.
            person_key=self.store.vault.person,
        )

    def close(self) -> None:
        while self.on_close:
            self.on_close.pop()()
        self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc: object) -> None:
        """Closes the session (``with sign_in(...) as session:``), whatever happened."""
        self.close()


def store_exists(paths: Paths) -> bool:
    return paths.keyfile.exists() or paths.database.exists()


def check_passphrase(passphrase: str, user: str | None = None) -> None:
    """Refuse a weak passphrase (:class:`InvalidInput` naming every problem)."""
    problems = passphrase_messages(passphrase, user=user)
    if problems:
        raise InvalidInput(too_weak(problems))


def init_install(
    paths: Paths,
    *,
    role: InstallRole,
    user: str,
    passphrase: str,
    clock: Clock,
    district: str = "",
    office: str = "",
    kdf: KdfParams = DEFAULT_KDF,
    reference: Reference | None = None,
) -> tuple[Session, str]:
    """Create a new install in ``paths.home``; return the admin's session and the recovery key.

    For a district install, ``district`` and ``office`` are names or codes from the reference
    lists; an office not in the lists is added as the install's own office.
    """
    if store_exists(paths):
        raise StoreExists(
            say(
                "A TIPDesk store already exists in {folder}; nothing was changed.",
                folder=paths.home,
            )
        )
    ref = reference or load_reference()
    user = user.strip()
    if not user:
        raise InvalidInput(say("A user name is needed."))
    check_passphrase(passphrase)
    district_code = ""
    office_row: OfficeRow | None = None
    if role is InstallRole.DISTRICT:
        found = ref.district(district) if district else None
        if found is None:
            raise InvalidInput(
                say("{district} is not a district in the reference list.", district=repr(district))
            )
        district_code = found.code
        if not office.strip():
            raise InvalidInput(
                say("A district install needs its office (an FIA circle or station).")
            )
        office_row = _resolve_office(ref, office.strip(), district_code)
    created_home = not paths.home.exists()
    paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten_home(paths)
    try:
        keyfile, db_key, recovery = KeyFile.create(
            paths.keyfile, user=user, passphrase=passphrase, clock=clock, kdf=kdf
        )
        store = Store.create(paths.database, db_key)
        device_id = new_id()
        at = iso_timestamp(clock.now())
        actor = Actor(user, device_id, at)
        store.set_settings(
            {
                "install_role": role.value,
                "district": district_code,
                "office": office_row.code if office_row else "",
                "device_id": device_id,
                "created_at": at,
            },
            actor,
        )
        admin = ADMIN_ROLE[role]
        store.add_user(user, admin.value, actor)
        for o in _install_offices(ref, role, district_code, office_row):
            store.add_office(o, actor)
        # The sync identity (signing and encryption keys) is made with the install. Imported
        # here: tipdesk.services.sync imports this module (its use cases take a Session).
        from tipdesk.services.sync.keys import load_or_create

        load_or_create(store, device_id, actor)
        store.log([NewEntry(at, user, device_id, "init", detail={"role": role.value})])
        install = Install(role, district_code, office_row.code if office_row else "", device_id)
        session = Session(store, paths, store.user(user) or _missing(user), install, clock, ref)
        # The admin takes the new identity key out of escrow (and the recovery key gets it).
        settle_identity(session, keyfile, None)
    except BaseException:
        _remove_partial(paths, created_home)
        raise
    return session, recovery


def tighten_home(paths: Paths) -> None:
    """Make an existing data folder private to its owner: the folder and its ``logs/`` 0700,
    the files directly in them 0600 (a folder made by hand, or by an older TIPDesk, may have
    been readable by other accounts). Files that cannot be changed are left as they are."""
    if os.name == "nt":  # Windows folders inherit the profile's ACL; chmod has no effect
        return
    for folder in (paths.home, paths.logs):
        if not folder.is_dir() or folder.is_symlink():
            continue
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        for item in folder.iterdir():
            with contextlib.suppress(OSError):
                if item.is_file() and not item.is_symlink():
                    item.chmod(0o600)
                elif item.is_dir() and not item.is_symlink():
                    item.chmod(0o700)


def _missing(user: str) -> User:
    raise KnownError(f"The user {user!r} is missing from the store.")


def _resolve_office(ref: Reference, office: str, district: str) -> OfficeRow:
    key = office.casefold()
    for o in ref.offices.values():
        if key in (o.code.casefold(), o.name.casefold()):
            return OfficeRow(o.code, o.name, o.district, o.kind)
    code = "OFF-" + "".join(ch for ch in office.upper() if ch.isalnum())[:24]
    kind = OfficeKind.POLICE_STATION if "police" in key else OfficeKind.OTHER
    return OfficeRow(code, office, district, kind.value)


def _install_offices(
    ref: Reference, role: InstallRole, district: str, own: OfficeRow | None
) -> list[OfficeRow]:
    """The offices an install starts with: its own, and the FIA circles of the reference list
    (in its district for a district install; all of them at HQ)."""
    rows = {
        o.code: OfficeRow(o.code, o.name, o.district, o.kind)
        for o in ref.offices.values()
        if role is InstallRole.HQ or o.district == district
    }
    if own is not None:
        rows[own.code] = own
    return list(rows.values())


def _remove_partial(paths: Paths, created_home: bool) -> None:
    for p in (paths.keyfile, paths.database, Path(f"{paths.database}-wal"),
              Path(f"{paths.database}-shm")):  # fmt: skip
        p.unlink(missing_ok=True)
    if created_home:
        shutil.rmtree(paths.home, ignore_errors=True)


def sign_in(
    paths: Paths,
    *,
    user: str,
    passphrase: str,
    clock: Clock,
    reference: Reference | None = None,
) -> Session:
    """Unlock the store as ``user``. Wrong passphrase: :class:`WrongPassphrase`, nothing opened."""
    if not paths.keyfile.exists():
        raise StoreNotFound(
            say(
                "No TIPDesk store in {folder}. Run `tipdesk init` (or start the app) to set one "
                "up.",
                folder=paths.home,
            )
        )
    # Files a killed backup left (0600, noted in the data folder) go at the next start.
    leftovers.clean(paths)
    # The key file's lock is held from reading the failure counter to writing the audit
    # entries and dropping the failures they hold: parallel attempts queue up here.
    with KeyFile.locked(paths.keyfile) as keyfile:
        db_key, identity = keyfile.unlock_keys(user, passphrase, clock)
        name = keyfile.canonical_name(user) or user
        return _open(paths, keyfile, db_key, name, clock, reference, "login", identity)


def sign_in_with_recovery(
    paths: Paths,
    *,
    recovery_key: str,
    user: str,
    new_passphrase: str,
    clock: Clock,
    reference: Reference | None = None,
) -> Session:
    """Unlock with the recovery key and set a new passphrase for ``user``.

    Whoever holds the recovery key can open the whole store (it is shown once, at ``init``, to
    the install's first admin), so it may reset any active user's passphrase.
    """
    check_passphrase(new_passphrase, user)
    with KeyFile.locked(paths.keyfile) as keyfile:
        db_key = keyfile.unlock_with_recovery(recovery_key, clock)
        identity = keyfile.recovery_identity(recovery_key)
        user = keyfile.canonical_name(user) or user
        session = _open(paths, keyfile, db_key, user, clock, reference, "login.recovery", identity)
        try:
            keyfile.reset_passphrase(
                user, new_passphrase, db_key, identity=session.store.vault.private_key()
            )
            if not session.audit_broken:  # else nothing can be logged until it is recorded
                session.audit("passphrase.reset", "user", user)
        except BaseException:
            session.close()
            raise
    return session


def _open(
    paths: Paths,
    keyfile: KeyFile,
    db_key: bytes,
    user: str,
    clock: Clock,
    reference: Reference | None,
    action: str,
    identity: bytes | None = None,
) -> Session:
    store = open_store(paths, keyfile, db_key)
    try:
        row = store.user(user)
        if row is None or not row.active:
            raise WrongPassphrase(say("Wrong user name or passphrase."))
        install = Install.from_store(store)
        # HQ's reference update, when one was installed, on top of the app's own files.
        ref = reference or reference_updates.effective_reference(store)
        session = Session(store, paths, row, install, clock, ref)
        granted = settle_identity(session, keyfile, identity)
        log_with_failures(session, keyfile, action)
        if granted and not session.audit_broken:
            session.audit("identity.grant", users=granted)
    except BaseException:
        store.close()
        raise
    return session


def settle_identity(session: Session, keyfile: KeyFile, identity: bytes | None) -> list[str]:
    """Put the identity key where it belongs at sign-in (the caller holds the key file's
    lock); return the users it was granted to now.

    - A user who may reveal identities gets it into the store (``identity``, from their key
      file entry; or, the first time after the upgrade, from the escrow).
    - Such a session then seals it to every active user whose role may reveal and who lacks
      it (users added or upgraded since), and to the recovery key; the escrow is deleted once
      the key file holds it.
    - A user whose role may not reveal never gets it; one who still holds it loses it."""
    vault = session.store.vault
    if not session.can(Permission.REVEAL_IDENTITY):
        if identity is not None:
            keyfile.revoke_identity(session.user.name)
        return []
    escrow = vault.escrow()
    identity = identity or escrow
    if identity is None:
        return []  # granted later by a holder (this user signed in before any holder did)
    vault.unlock(identity)
    granted = [
        u.name
        for u in session.store.users()
        if u.active
        and allowed(UserRole(u.role), Permission.REVEAL_IDENTITY)
        and keyfile.grant_identity(u.name, identity)
    ]
    keyfile.grant_recovery_identity(identity)
    # Identities sealed before enrolment get HQ's copy now, and the consenting victims who
    # waited for it go in the next bundle (tipdesk.store.identity_relay).
    relay_setup.ensure_recipients(session.store, session.actor())
    if escrow is not None and keyfile.identity_holders():
        vault.drop_escrow()
        session.store.checkpoint()
    return granted


def open_store(paths: Paths, keyfile: KeyFile, db_key: bytes) -> Store:
    """Open the store with ``db_key``, finishing a key rotation a crash interrupted: the key
    file already holds the new key (and the old one wrapped under it) but the database may
    not have been re-keyed yet; it is then opened with the old key and re-keyed now. The
    caller holds the key file's lock."""
    previous = keyfile.previous_key(db_key)
    if previous is None:
        return Store.open(paths.database, db_key)
    try:
        store = Store.open(paths.database, db_key)
    except CorruptStore:
        store = Store.open(paths.database, previous)
        try:
            store.rekey(db_key)
        except BaseException:
            store.close()
            raise
    keyfile.finish_rotation()
    return store


def log_with_failures(session: Session, keyfile: KeyFile, action: str) -> None:
    """Audit the failed sign-ins the key file kept (``login.failed``) and the attempts it
    refused during a wait (``login.throttled``), then ``action`` by the session's user, in one
    transaction; then drop them from the key file. Entries a crash left in the key file after
    they were logged are not logged twice. The caller holds the key file's lock.

    When the audit log does not end at its recorded head, nothing is logged (appending would
    be refused): the session's :attr:`~Session.audit_status` says so, and the failures stay
    in the key file for the sign-in after the break is recorded."""
    session.audit_status = session.store.audit_status()
    if session.audit_broken:
        return
    kept = [(at, who, "login.failed") for at, who in keyfile.pending_failures()]
    kept += [(at, who, "login.throttled") for at, who in keyfile.pending_refusals()]
    kept.sort()
    logged = session.store.logged_login_failures([at for at, _, _ in kept]) if kept else set()
    device = session.install.device_id
    entries = [
        NewEntry(at, who, device, what) for at, who, what in kept if (at, who, what) not in logged
    ]
    a = session.actor()
    entries.append(NewEntry(a.at, a.user, a.device, action))
    session.store.log(entries)
    if kept:
        keyfile.forget_failures([(at, who) for at, who, _ in kept])


def change_passphrase(session: Session, old: str, new: str) -> None:
    """Re-wrap the database key for the signed-in user; the database is not re-encrypted."""
    check_passphrase(new)
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        keyfile.change_passphrase(session.user.name, old, new, session.clock)
    session.audit("passphrase.change", "user", session.user.name)
