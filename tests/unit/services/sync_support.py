"""Helpers for the sync services tests: linked district and HQ installs (fast KDF), quiet
sessions that write nothing when they open (for byte-for-byte checks), synthetic records for
several districts, and a comparable snapshot of HQ's state. Everything is synthetic."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from svc_support import (
    SVC_ADMIN,
    SVC_PASSPHRASE,
    svc_accused,
    svc_case,
    svc_init,
    svc_snapshot,
    svc_victim,
)

from tipdesk.cli import main as cli_main
from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.records import Case, Referral
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import records, sync
from tipdesk.services.session import Install, Session, sign_in
from tipdesk.store.keys import KeyFile
from tipdesk.store.rows import TABLES
from tipdesk.store.store import Store

# (district name, district code, office) of the synthetic district installs.
DISTRICTS = (
    ("Lahore", "PB-LHR", "FIA-AHTC-LHR"),
    ("Multan", "PB-MLT", "FIA-AHTC-MLT"),
    ("Peshawar", "KP-PSH", "FIA-AHTC-PSH"),
)
_serial = itertools.count(1)


def make_hq(home: Path, clock: FixedClock) -> Session:
    session, _recovery = svc_init(Paths(home), clock, role=InstallRole.HQ)
    return session


def make_district(home: Path, clock: FixedClock, which: int = 0) -> Session:
    name, _code, office = DISTRICTS[which]
    session, _recovery = svc_init(Paths(home), clock, district=name, office=office)
    return session


def link(district: Session, hq: Session, files: Path) -> None:
    """HQ's enrolment installed at the district, the district's device registered at HQ."""
    files.mkdir(parents=True, exist_ok=True)
    enrolment = files / "hq-enrolment.json"
    if not enrolment.exists():
        sync.export_enrolment(hq, enrolment)
    sync.enroll(district, enrolment)
    device_file = files / f"device-{district.install.device_id}.json"
    sync.export_device_file(district, device_file)
    sync.register_device(hq, device_file)


def export(district: Session, out: Path) -> Path:
    """The next bundle's path (the test expects there is one)."""
    out.mkdir(parents=True, exist_ok=True)
    result = sync.export_bundle(district, out)
    assert result.path is not None, "nothing new to export"
    return result.path


def case_for(session: Session, **changes: Any) -> Case:
    """A valid case (one accused, one victim with a referral) in the session's district."""
    code, office = session.install.district, session.install.office
    n = next(_serial)
    victim = svc_victim(
        victim_code=f"V-{code}-{n:05d}",
        district=code,
        cnic="",
        referrals=[Referral(service="shelter", referred_on=svc_victim().identified_on)],
    )
    values: dict[str, Any] = {
        # Far above the demo filler's numbers (fill), which tests mix with these cases.
        "case_number": f"FIR {90000 + n}/2025",
        "district": code,
        "office": office,
        "accused": [svc_accused(cnic=f"{3520212345670 + n}")],
        "victims": [victim],
    }
    return svc_case(**(values | changes))


def run_cli(monkeypatch: pytest.MonkeyPatch, session: Session, *args: str) -> int:
    """Run ``tipdesk ARGS`` in this process on ``session``'s store, as its admin."""
    monkeypatch.setenv("TIPDESK_PASSPHRASE", SVC_PASSPHRASE)
    return cli_main.run([*args, "--home", str(session.paths.home), "--user", SVC_ADMIN])


def concurrent_edit(
    district: Session, hq: Session, out: Path, clock: FixedClock
) -> tuple[Case, sync.ImportResult]:
    """A case both sides changed after HQ had it (HQ corrected the narrative, then the
    district the investigating officer), and HQ's import of the district's change: one open
    conflict. Returns the case as the district first saved it, and that import's result."""
    case = case_for(district)
    records.save(district, [case])
    sync.import_bundle_bytes(hq, export(district, out).read_bytes())
    at_hq = records.get(hq, "case", case.id)
    assert isinstance(at_hq, Case)
    at_hq.narrative = "HQ's correction of the narrative."
    records.save(hq, [at_hq])
    clock.advance(60)
    at_district = district.store.get("case", case.id)
    assert isinstance(at_district, Case)
    at_district.investigating_officer = "Inspector Changedfake"
    records.save(district, [at_district])
    return case, sync.import_bundle_bytes(hq, export(district, out).read_bytes())


def quiet_session(paths: Paths, clock: FixedClock, user: str = SVC_ADMIN) -> Session:
    """A session opened without the sign-in audit entry: nothing is written by opening it,
    so a test can hash the store's files around one operation."""
    key = KeyFile.load(paths.keyfile).unlock(user, SVC_PASSPHRASE, clock)
    store = Store.open(paths.database, key)
    found = store.user(user)
    assert found is not None
    return Session(store, paths, found, Install.from_store(store), clock, load_reference())


def files_of(home: Path) -> dict[str, str]:
    """Digest of every file in a data folder (the session must be closed)."""
    return svc_snapshot(home)


def clone_home(src: Path, dest: Path) -> Paths:
    """A copy of a (closed) install's data folder: same keys, same device, same records."""
    shutil.copytree(src, dest)
    return Paths(dest)


def reopen(paths: Paths, clock: FixedClock) -> Session:
    return sign_in(paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=clock)


def hq_state(session: Session) -> dict[str, Any]:
    """Every record row, version vector, open conflict and open quarantine entry: what must
    be the same after any delivery order. Import times and audit entries are left out."""
    out: dict[str, Any] = {}
    for kind, table in TABLES.items():
        out[kind] = session.store.query(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
    out["versions"] = session.store.query(
        "SELECT kind, record_id, version, vv FROM sync_versions ORDER BY kind, record_id"
    )
    out["conflicts"] = session.store.query(
        "SELECT id, kind, record_id, version, vv, record FROM sync_conflicts "
        "WHERE status = 'open' ORDER BY id"
    )
    out["quarantine"] = session.store.query(
        "SELECT id, kind, record_id, version, vv, problems FROM sync_quarantine "
        "WHERE status = 'open' ORDER BY id"
    )
    out["coverage"] = {
        d.device_id: (d.acked_change, d.contiguous_seq, d.gaps) for d in sync.device_status(session)
    }
    return out


def replaced(record: Any, **changes: Any) -> Any:
    return dataclasses.replace(record, **changes)
