"""Who syncs with whom: this install's keys as the app and ``tipdesk keys show`` show them,
HQ's enrolment file (written at HQ, installed at a district), the district's device file, and
HQ's registry of district devices (register, revoke, list).

Contract:
- Every function checks the permission and the install's role (district or HQ) first.
- Trust comes from the fingerprint: the caller shows the enrolment's or device file's
  fingerprint and gets it confirmed before :func:`enroll` or :func:`register_device`.
- Files are written atomically (:func:`tipdesk.fs.atomic_write_bytes`).
- Runs on the store's thread, like every service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tipdesk import __version__
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.services import pg_route, relay_setup
from tipdesk.services.session import Session
from tipdesk.services.sync.common import (
    own_identity,
    read_file,
    require_district,
    require_hq,
    sync_store,
)
from tipdesk.store.store import OfficeRow
from tipdesk.store.sync_store import DeviceRow, HqRow, to_json
from tipdesk.sync import age, identity
from tipdesk.sync.canonical import b64
from tipdesk.sync.errors import BadDocument


# --- identities and enrolment --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KeysInfo:
    device_id: str
    role: str
    fingerprint: str
    recipient: str
    hq_fingerprint: str | None = None
    backup_recipients: tuple[str, ...] = ()


def keys_info(session: Session) -> KeysInfo:
    """This install's public identity (made on first use) and, at a district, its HQ's."""
    session.require(Permission.VIEW)
    me = own_identity(session).public
    hq = sync_store(session).hq()
    backups = tuple(_backups(session)) if hq is None else hq.backup_recipients
    return KeysInfo(
        device_id=me.device_id,
        role=session.install.role.value,
        fingerprint=me.fingerprint,
        recipient=me.recipient,
        hq_fingerprint=hq.fingerprint if hq else None,
        backup_recipients=backups,
    )


_BACKUPS_SETTING = "sync_backup_recipients"


def _backups(session: Session) -> list[str]:
    value = session.store.settings_json(_BACKUPS_SETTING)
    return [str(r) for r in value] if isinstance(value, list) else []


def export_enrolment(
    session: Session, out: Path, backup_recipients: list[str] | None = None
) -> identity.Enrolment:
    """Write HQ's enrolment file to ``out``. ``backup_recipients`` (age recipients), when
    given, replace the saved list; every district bundle is also encrypted to them."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "keys export")
    if backup_recipients is not None:
        bad = [r for r in backup_recipients if not age.is_recipient(r)]
        if bad:
            raise InvalidInput(
                say("1 backup recipient is not an age X25519 recipient (they start with age1).")
                if len(bad) == 1
                else say(
                    "{n} backup recipients are not age X25519 recipients (they start with age1).",
                    n=len(bad),
                )
            )
        session.store.set_settings(
            {_BACKUPS_SETTING: to_json(sorted(set(backup_recipients)))}, session.actor()
        )
    me = own_identity(session)
    data = identity.enrolment_document(me, sorted(set(_backups(session))), session.now())
    atomic_write_bytes(out, data, mode=0o644)
    return identity.read_enrolment(data)


def read_enrolment(path: Path) -> identity.Enrolment:
    """Verify an enrolment file and read it (to show its fingerprint before enrolling)."""
    return identity.read_enrolment(read_file(path, "enrolment file", identity.MAX_DOCUMENT_BYTES))


def enroll(session: Session, path: Path) -> identity.Enrolment:
    """Install HQ's enrolment file: bundles go to HQ (and its backup recipients) from now on.
    The caller shows :attr:`Enrolment.hq`'s fingerprint and gets it confirmed first."""
    session.require(Permission.MANAGE_SETTINGS)
    require_district(session, "enroll")
    found = read_enrolment(path)
    if found.hq.device_id == session.install.device_id:
        raise BadDocument(say("That enrolment file is this install's own. Nothing was changed."))
    own_identity(session)
    sync_store(session).set_hq(
        HqRow(
            device_id=found.hq.device_id,
            signing_key=b64(found.hq.signing_key),
            recipient=found.hq.recipient,
            backup_recipients=found.backup_recipients,
            fingerprint=found.hq.fingerprint,
        ),
        session.actor(),
    )
    # Identities sealed from now on are sealed for HQ too; those sealed before get HQ's
    # copy now when this user holds the identity key, else at the next sign-in of one.
    relay_setup.ensure_recipients(session.store, session.actor())
    return found


def export_device_file(session: Session, out: Path) -> identity.DeviceFile:
    """Write this district device's registration file for HQ to ``out``."""
    session.require(Permission.SYNC)
    require_district(session, "device export")
    me = own_identity(session)
    office = next((o for o in session.store.offices() if o.code == session.install.office), None)
    office_json = {
        "code": session.install.office,
        "name": office.name if office else session.install.office,
        "district": office.district if office else session.install.district,
        "kind": office.kind if office else "other",
    }
    data = identity.device_document(
        me,
        district=session.install.district,
        office=office_json,
        created_at=session.now(),
        app_version=__version__,
    )
    atomic_write_bytes(out, data, mode=0o644)
    return identity.read_device_file(data)


def read_device_file(path: Path) -> identity.DeviceFile:
    return identity.read_device_file(read_file(path, "device file", identity.MAX_DOCUMENT_BYTES))


# --- HQ: device registry -------------------------------------------------------------------------
def register_device(session: Session, path: Path) -> DeviceRow:
    """Register a district device from its device file: its bundles are accepted from now on
    and its office joins HQ's offices. The caller shows the fingerprint and gets it confirmed."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "device register")
    found = read_device_file(path)
    store = sync_store(session)
    dev = found.device
    existing = store.device(dev.device_id)
    if existing is not None:
        if existing.revoked_at:
            raise BadDocument(
                say(
                    "That device was revoked; a revoked device cannot be registered again (the "
                    "district makes a new install). Nothing was changed."
                )
            )
        if existing.fingerprint != dev.fingerprint:
            raise BadDocument(
                say("A device with that id is registered with other keys. Nothing was changed.")
            )
        return existing
    if found.district not in session.reference.districts:
        raise BadDocument(
            say(
                "The device's district {district} is not in HQ's reference list. Nothing was "
                "changed.",
                district=repr(found.district),
            )
        )
    office = (
        OfficeRow(
            found.office_code,
            found.office_name,
            found.office_district or found.district,
            found.office_kind,
        )
        if found.office_code
        else None
    )
    row = DeviceRow(
        dev.device_id,
        found.district,
        found.office_code,
        b64(dev.signing_key),
        dev.recipient,
        dev.fingerprint,
    )
    store.add_device(row, office, session.actor())
    added = store.device(dev.device_id) or row
    if pg_route.routed(session):  # the other installs linked to HQ's database see it at once
        from tipdesk.services.sync import hq_pg_devices  # the PostgreSQL driver, only here

        hq_pg_devices.share(session, _shared(added))
    return added


def revoke_device(session: Session, device_id: str) -> DeviceRow:
    """Refuse every later bundle from a device (a lost or stolen laptop)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_hq(session, "device revoke")
    store = sync_store(session)
    wanted = device_id.strip().lstrip("…")
    matches = [
        d for d in store.devices() if d.device_id.startswith(wanted) or d.device_id.endswith(wanted)
    ]
    if not wanted or len(matches) != 1:
        raise InvalidInput(
            say("No single registered device matches {wanted}.", wanted=repr(wanted))
        )
    if matches[0].revoked_at:
        return matches[0]
    actor = session.actor()
    if pg_route.routed(session):
        # Shared first: a revocation is never held by this install alone (an importer on
        # another install would go on accepting the device's bundles).
        from tipdesk.services.sync import hq_pg_devices

        hq_pg_devices.share(session, _shared(matches[0], revoked_at=actor.at))
    store.revoke_device(matches[0].device_id, actor)
    return store.device(matches[0].device_id) or matches[0]


def _shared(
    device: DeviceRow, revoked_at: str | None = None
) -> tuple[str, str, str, str, str | None]:
    """The row of ``device`` HQ's PostgreSQL database keeps (no keys)."""
    return (
        device.device_id,
        device.district,
        device.office,
        device.registered_at,
        revoked_at or device.revoked_at,
    )


def list_devices(session: Session) -> list[DeviceRow]:
    session.require(Permission.VIEW)
    require_hq(session, "device list")
    return sync_store(session).devices()
