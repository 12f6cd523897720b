"""Registrations and revocations made on one HQ install, shared at once with every install
linked to the same PostgreSQL database (issue 20; :mod:`tipdesk.hqstore.devices`).

Contract: :func:`share` writes one device's registry row to the database in its own
transaction (on the install's shared pool). A revocation is shared **before** the install's
own store records it (:func:`tipdesk.services.sync.enrolment.revoke_device`): when the
database cannot be reached the revocation is refused, nothing changed, and the
administrator tries again; it is never held by one install only. A registration is shared
after it is stored; should the database be unreachable then, the next import mirrors it.
"""

from __future__ import annotations

from tipdesk.hqstore import devices as pg_devices
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg_records import shared_database


def share(session: Session, row: pg_devices.DeviceRow) -> None:
    """Write ``row`` (``device_id, district, office, registered_at, revoked_at``) to the
    install's database (see the module contract)."""
    with shared_database(session).transaction() as conn:
        pg_devices.record(conn, row)
