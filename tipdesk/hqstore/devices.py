"""The device registry's state every HQ install linked to one PostgreSQL database shares
(issue 20: several analysts, the receiver and the importer workers, each with a copy of the
HQ install's data folder).

The registry itself (the devices' keys) stays in each install's store; PostgreSQL's
``sync_devices`` holds each device's district, office, registration and **revocation**.
Contract:
- :func:`record` writes one device's row at once (a registration or revocation made on any
  install), so the other installs' imports see it before their own registry does.
- A revocation, once in PostgreSQL, stays: neither :func:`record` nor the import's mirror
  (:func:`tipdesk.hqstore.batch.mirror_devices`) clears it, so an install copied before the
  revocation cannot bring the device back.
- :func:`sender_state` reads, in the import's transaction, what PostgreSQL knows of a
  sending device: its revocation and the highest bundle number held, which the import
  checks before it writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from tipdesk.hqstore.pool import Conn

DeviceRow = tuple[str, str, str, str, str | None]
"""``(device_id, district, office, registered_at, revoked_at)``."""

UPSERT = (
    "INSERT INTO sync_devices (device_id, district, office, registered_at, revoked_at) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE SET "
    "district = excluded.district, office = excluded.office, "
    "registered_at = excluded.registered_at, "
    "revoked_at = coalesce(sync_devices.revoked_at, excluded.revoked_at)"
)
"""Insert or update device rows; a revocation already held is kept (module contract)."""


def merged(held: DeviceRow | None, local: DeviceRow) -> DeviceRow:
    """What the row becomes when ``local`` (an install's registry row) is written over
    ``held`` (PostgreSQL's): the install's, with PostgreSQL's revocation kept."""
    if held is None or held[4] is None:
        return local
    return (*local[:4], held[4])


def record(conn: Conn, row: DeviceRow) -> None:
    """Write one device's row (see the module contract)."""
    conn.execute(UPSERT, row)


@dataclass(frozen=True)
class SenderState:
    """What PostgreSQL knows of a sending device."""

    revoked_at: str | None
    highest_bundle: int


def sender_state(conn: Conn, device_id: str) -> SenderState:
    """The device's revocation (``None``: not revoked, or not known here yet) and the highest
    bundle number held from it (0 for none)."""
    row = conn.execute(
        "SELECT (SELECT revoked_at FROM sync_devices WHERE device_id = %s), "
        "(SELECT coalesce(max(seq), 0) FROM sync_bundles WHERE device_id = %s)",
        (device_id, device_id),
    ).fetchone()
    if row is None:
        return SenderState(None, 0)
    return SenderState(None if row[0] is None else str(row[0]), int(str(row[1])))
