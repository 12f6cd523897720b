"""HQ's re-check of the quarantine: units held back because HQ's reference lists or offices did
not know something (a new police station, a new district, a changed rule) are applied as soon
as they pass, without the district saving each record again.

Contract:
- :func:`recheck` takes up every open quarantine entry of every registered device, one device
  per transaction, exactly as a later bundle of that device with no new row would
  (:meth:`tipdesk.services.sync.importer._Import.take_up`): ownership and date checks against
  what HQ holds now, then validation with HQ's current reference lists and offices. A unit
  that passes is written as the district sent it, audited like an import (``sync.create`` /
  ``sync.update`` with ``released`` naming what triggered the re-check), and its entries are
  closed ``accepted``; one that still fails stays in quarantine as it was. A failure rolls
  that device's transaction back whole (nothing half-released).
- Each run that released anything, or was asked for by a person, leaves one audit entry
  ``sync.quarantine.recheck`` with counts only (never record content).
- It runs by itself at HQ after an office is added (:func:`tipdesk.services.install_settings.
  add_office`) and after a reference update is installed
  (:func:`tipdesk.services.reference_updates.install_files`); :func:`recheck_quarantine` is the
  manual "re-check quarantine" (``tipdesk hq recheck``, the Sync screen's button).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.core.validation import ValidationContext
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync import importer
from tipdesk.services.sync.common import require_hq, sync_store
from tipdesk.services.sync.hq import hq_database
from tipdesk.services.sync.import_batch import ImportBatch
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.sync_store import BundleRow, DeviceRow, QuarantineRow
from tipdesk.sync import container
from tipdesk.sync.bundle import Manifest
from tipdesk.sync.payload import Payload


@dataclass(slots=True)
class Released:
    """What the re-check applied for one district (its devices' entries), by kind."""

    district: str
    district_name: str
    records: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.records.values())


@dataclass(slots=True)
class Recheck:
    """A re-check's summary: records released by district, entries still held after it."""

    trigger: str
    """What started it: ``manual``, ``office.add`` or ``reference.update``."""
    released: list[Released] = field(default_factory=list)
    still_held: int = 0
    """Open quarantine entries after the re-check (over every device)."""

    @property
    def total(self) -> int:
        return sum(r.total for r in self.released)

    def summary(self) -> str:
        """One sentence for people (the CLI and the Sync screen show it)."""
        if not self.released:
            head = "No quarantined record passes HQ's checks yet"
        else:
            parts = [f"{r.district_name} {r.total:,} ({_kinds(r.records)})" for r in self.released]
            head = (
                f"Released from quarantine and added to the register: {self.total:,} "
                f"record{'' if self.total == 1 else 's'}: " + "; ".join(parts)
            )
        held = (
            f"{self.still_held:,} quarantine entr{'y' if self.still_held == 1 else 'ies'} still "
            "held (the district must correct them)"
            if self.still_held
            else "nothing is held in quarantine"
        )
        return f"{head}; {held}."


def _kinds(records: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {kind}" for kind, n in sorted(records.items()))


def recheck_quarantine(session: Session) -> Recheck:
    """The manual re-check (see the module contract): needs ``sync`` at HQ."""
    session.require(Permission.SYNC)
    require_hq(session, "hq recheck")
    return recheck(session, "manual")


def after_reference_change(session: Session, trigger: str) -> Recheck | None:
    """The re-check that follows a change of HQ's offices or reference lists (``trigger``:
    ``office.add`` or ``reference.update``); ``None`` on a district install or when nothing
    is held. Runs under the permission of the change that triggered it."""
    if session.install.role is not InstallRole.HQ:
        return None
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_release  # the PostgreSQL driver, when used

        with db:
            if not hq_pg_release.held(db):
                return None
            return hq_pg_release.recheck(session, db, trigger)
    if not sync_store(session).quarantine():
        return None
    return recheck(session, trigger)


def recheck(session: Session, trigger: str) -> Recheck:
    """Take up every device's open quarantine entries again (see the module contract), in
    whichever engine keeps HQ's records (PostgreSQL: :mod:`.hq_pg_release`)."""
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_release

        with db:
            return hq_pg_release.recheck(session, db, trigger)
    store = sync_store(session)
    held = store.quarantine()
    devices = {d.device_id: d for d in store.devices()}
    by_device: dict[str, list[QuarantineRow]] = {}
    for q in held:
        by_device.setdefault(q.device_id, []).append(q)
    released: dict[str, dict[str, int]] = {}
    ctx = session.validation_context()
    for device_id in sorted(by_device):
        device = devices.get(device_id)
        if device is None:  # pragma: no cover - quarantine rows reference registered devices
            continue
        manifest = manifest_for(device, store.bundles(device_id), session.now())
        actor = session.actor()
        with remote_batch(session.store, actor) as b:
            accepted = release_in(b, manifest, ctx, session.install.device_id, trigger)
        add_released(released, device.district, accepted)
    return summarise(session, trigger, released, len(store.quarantine()))


def manifest_for(device: DeviceRow, bundles: Sequence[BundleRow], now: str) -> Manifest:
    """The manifest a re-check takes a device's quarantine up under: that of a bundle with
    no new row after the device's latest (dates are checked as that bundle checked them)."""
    last = max(bundles, key=lambda b: b.seq) if bundles else None
    return Manifest(
        device=device.device_id,
        district=device.district,
        office=device.office,
        seq=last.seq if last else 0,
        after_change=0,
        through_change=0,
        counts={},
        created_at=last.created_at if last else now,
        app_version="",
        format=container.FORMAT,
    )


class ReleaseBatch(ImportBatch, Protocol):
    """An apply-remote batch of either engine, with the device's quarantine."""

    def quarantine_of_device(self, device_id: str) -> list[QuarantineRow]: ...


def release_in(
    b: ReleaseBatch, manifest: Manifest, ctx: ValidationContext, here: str, trigger: str
) -> dict[str, int]:
    """Take up the device's open quarantine entries in the open batch ``b`` (see the module
    contract); what was released, by kind. The caller commits."""
    job = importer._Import(
        b,
        manifest,
        Payload(manifest.device, manifest.seq, {}),
        ctx,
        here,
        manifest.district,
        b.actor.at,
    )
    job.audit_extra = {"released": trigger}
    entries = b.quarantine_of_device(manifest.device)
    job.take_up(entries, _case_ids(b, entries))
    job.check_sender()
    job.validate_units()
    job.write()
    return dict(job.out.accepted)


def add_released(
    released: dict[str, dict[str, int]], district: str, accepted: dict[str, int]
) -> None:
    """Add one device's released records (by kind) to its district's counts."""
    if accepted:
        counts = released.setdefault(district, {})
        for kind, n in accepted.items():
            counts[kind] = counts.get(kind, 0) + n


def summarise(
    session: Session, trigger: str, released: dict[str, dict[str, int]], still_held: int
) -> Recheck:
    """The re-check's summary, audited when it released anything or a person asked for it
    (``sync.quarantine.recheck``, counts only, in the HQ install's audit log)."""
    out = Recheck(trigger)
    out.released = [
        Released(code, district_name(session, code), dict(sorted(counts.items())))
        for code, counts in sorted(released.items())
    ]
    out.still_held = still_held
    if out.released or trigger == "manual":
        session.audit(
            "sync.quarantine.recheck",
            trigger=trigger,
            released={r.district: r.records for r in out.released},
            still_held=out.still_held,
        )
    return out


def _case_ids(b: ImportBatch, entries: list[QuarantineRow]) -> list[str]:
    """The cases the entries belong to: their own ids, their accused's and victims' case, and
    the case of a referral's victim when HQ holds the victim (its unit is that case)."""
    cases: set[str] = set()
    victims: set[str] = set()
    for q in entries:
        if q.kind == "case":
            cases.add(q.record_id)
        elif q.kind in ("accused", "victim") and isinstance(q.record.get("case_id"), str):
            cases.add(str(q.record["case_id"]))
        elif q.kind == "referral" and isinstance(q.record.get("victim_id"), str):
            victims.add(str(q.record["victim_id"]))
    for row in b.stored("victim", sorted(victims)).values():
        case_id = getattr(row.record, "case_id", None)
        if case_id:
            cases.add(case_id)
    return sorted(c for c in cases if c)
