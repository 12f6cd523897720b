"""Consenting victims' identities reach HQ whoever exports the bundle (an officer cannot open
identities): the bundle carries them sealed for HQ, HQ opens and seals them again in its own
vault; an identity whose data key has no copy for HQ waits, and the rest of the bundle goes.
Everything is synthetic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hq_engines import view
from sync_support import case_for

from tipdesk.core.errors import NotFound
from tipdesk.core.masking import MASK
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Victim
from tipdesk.services import install_settings, records, sync
from tipdesk.services.session import Session
from tipdesk.store.relay_store import RelayStore
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.sync_store import ConflictRow, QuarantineRow, SyncStore

NAME, CNIC, PHONE = "Gulbano Relayfake", "4220112345671", "0300-1234567"
FATHER, ADDRESS = "Sher Relayfake", "House 7, Street Fake, Lahore"
UserMaker = Callable[[Session, str, UserRole], Session]


def _folder(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir(exist_ok=True)
    return tmp_path / name


def _consenting_case(session: Session, consent: bool = True) -> Case:
    case = case_for(session)
    v = case.victims[0]
    v.name, v.cnic, v.phone, v.father_name, v.address = NAME, CNIC, PHONE, FATHER, ADDRESS
    v.consent_to_share = consent
    return case


def _identity(v: object) -> tuple[str, ...]:
    assert isinstance(v, Victim)
    return (v.name, v.father_name, v.cnic, v.phone, v.address)


def test_an_officer_exports_a_consenting_victims_identity_and_hq_reads_it_intact(
    hq_linked: tuple[Session, Session], svc_user: UserMaker, tmp_path: Path
) -> None:
    district, hq = hq_linked
    sharing, private = _consenting_case(district), _consenting_case(district, consent=False)
    records.save(district, [sharing, private])
    officer = svc_user(district, "officer1", UserRole.DISTRICT_OFFICER)
    seen = officer.store.get("victim", sharing.victims[0].id)
    assert _identity(seen)[0] == MASK  # the officer cannot open it...
    result = sync.export_bundle(officer, _folder(tmp_path, "out"))  # ...and exports it all the same
    assert result.path is not None and result.waiting == ()
    assert NAME.encode() not in result.path.read_bytes()
    imported = sync.import_bundle_bytes(hq, result.path.read_bytes())
    assert imported.quarantined == [] and imported.status == "imported"
    at_hq = view(hq).get("victim", sharing.victims[0].id)
    assert _identity(at_hq) == (NAME, FATHER, CNIC, PHONE, ADDRESS)
    withheld = view(hq).get("victim", private.victims[0].id)
    assert _identity(withheld) == ("",) * 5  # no consent: never leaves the district
    # HQ sealed it in its own vault: the row holds no plaintext.
    raw = view(hq).raw("SELECT name, cnic FROM victims WHERE id = ?", (sharing.victims[0].id,))
    assert raw and all(NAME not in str(v) and CNIC not in str(v) for v in raw[0])


def test_an_identity_without_hqs_copy_waits_and_goes_once_a_supervisor_signs_in(
    hq_linked: tuple[Session, Session], svc_user: UserMaker, tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _consenting_case(district)
    records.save(district, [case])
    # As in a district enrolled before the relay existed: no recipients, no copy for HQ.
    district.store.query("DELETE FROM identity_relay")
    district.store.query("DELETE FROM settings WHERE key = 'identity_relay_recipients'")
    assert RelayStore(district.store).recipients() == []
    officer = svc_user(district, "officer1", UserRole.DISTRICT_OFFICER)
    first = sync.export_bundle(officer, _folder(tmp_path, "out"))
    assert first.path is not None
    assert RelayStore(officer.store).waiting_keys()  # recipients set; only a revealer seals
    assert [v.victim_code for v in first.waiting] == [case.victims[0].victim_code]
    sync.import_bundle_bytes(hq, first.path.read_bytes())
    assert view(hq).get("case", case.id) is not None  # the rest of the bundle went
    with pytest.raises(NotFound):
        view(hq).get("victim", case.victims[0].id)
    sync.import_receipt_bytes(officer, sync.receipt_for(hq, officer.install.device_id))
    assert sync.export_bundle(officer, _folder(tmp_path, "out2")).path is None  # nothing new yet
    supervisor = svc_user(district, "super1", UserRole.DISTRICT_SUPERVISOR)
    assert RelayStore(supervisor.store).waiting_keys() == []  # sealed at sign-in
    second = sync.export_bundle(officer, _folder(tmp_path, "out3"))
    assert second.path is not None and second.waiting == ()
    sync.import_bundle_bytes(hq, second.path.read_bytes())
    assert _identity(view(hq).get("victim", case.victims[0].id)) == (
        NAME,
        FATHER,
        CNIC,
        PHONE,
        ADDRESS,
    )


def test_hq_keeps_a_victims_identity_sealed_in_conflicts_and_quarantine(
    svc_linked: tuple[Session, Session], svc_user: UserMaker
) -> None:
    _district, hq = svc_linked
    victim = {"id": "v-1", "name": NAME, "cnic": CNIC, "phone": "", "victim_code": "V-1"}
    with remote_batch(hq.store, hq.actor()) as batch:
        batch.add_quarantine(
            QuarantineRow("q-1", "dev", 1, "victim", "v-1", 1, {"dev": 1}, victim, [], "t", "open")
        )
        batch.add_conflict(
            ConflictRow("c-1", "victim", "v-1", "open", 1, {"dev": 1}, victim, "dev", 1, "t")
        )
    for table in ("sync_quarantine", "sync_conflicts"):
        (text,) = hq.store.query(f"SELECT record FROM {table}")[0]  # noqa: S608
        assert NAME not in text and CNIC not in text and '"victim_code":"V-1"' in text
    (kept,) = SyncStore(hq.store).quarantine()
    (held,) = SyncStore(hq.store).conflicts()
    assert kept.record == held.record == victim  # HQ's admin holds the identity key
    analyst = svc_user(hq, "analyst1", UserRole.HQ_ANALYST)
    (masked,) = SyncStore(analyst.store).quarantine()
    assert masked.record["name"] == MASK and masked.record["victim_code"] == "V-1"


def test_a_consenting_victim_released_from_quarantine_keeps_her_identity(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
) -> None:
    """Held in quarantine (a police station HQ did not know), the identity is kept sealed
    there; HQ's re-check, once the station is added, writes the values, not the tokens."""
    district, hq = hq_linked
    station = install_settings.add_office(district, "Police Station Relayfake", "Lahore",
                                          "police_station")  # fmt: skip
    case = case_for(district, office=station.code)
    v = case.victims[0]
    v.name, v.cnic, v.phone, v.father_name, v.address = NAME, CNIC, PHONE, FATHER, ADDRESS
    v.consent_to_share = True
    records.save(district, [case])
    made = sync.export_bundle(district, _folder(tmp_path, "out"))
    assert made.path is not None
    held = sync.import_bundle_bytes(hq, made.path.read_bytes())
    assert held.quarantined
    (text,) = view(hq).raw(
        "SELECT record FROM sync_quarantine WHERE kind = 'victim' AND record_id = ?", (v.id,)
    )[0]
    assert NAME not in str(text) and CNIC not in str(text)
    install_settings.add_office(hq, "Police Station Relayfake", "Lahore", "police_station")
    assert _identity(view(hq).get("victim", v.id)) == (NAME, FATHER, CNIC, PHONE, ADDRESS)
