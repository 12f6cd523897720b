"""HQ accepts a device's changes only for records its district owns, as HQ knows the
ownership (issue 14): crafted bundles, signed with a registered device's own key, that change
another district's records, inject records for another district or carry far-future times
are quarantined with the reason, named in the receipt, and change nothing else. Format 1
bundles (older installs) are still read."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hq_engines import receipt_file, view
from sync_support import case_for, export, link, make_district

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case, to_dict
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync.common import own_identity
from tipdesk.store.store import Actor
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import bundle, container, payload
from tipdesk.sync.canonical import canonical

FUTURE = "2099-01-01T00:00:00.000Z"


@pytest.fixture
def multan(tmp_path: Path, svc_clock: FixedClock, hq_linked: tuple[Session, Session]):  # type: ignore[no-untyped-def]
    """A second district (Multan) linked to the same HQ."""
    _lahore, hq = hq_linked
    session = make_district(tmp_path / "multan", svc_clock, which=1)
    link(session, hq, tmp_path / "files")
    yield session
    session.close()


def _their_case_at_hq(multan: Session, hq: Session, out: Path) -> Case:
    case = case_for(multan)
    records.save(multan, [case])
    result = sync.import_bundle_bytes(hq, export(multan, out).read_bytes())
    assert result.quarantined == [] and result.accepted["case"] == 1
    stored = view(hq).get("case", case.id)
    assert isinstance(stored, Case) and stored.owner == "PB-MLT"
    return stored


def _hostile_save(district: Session, found: list[Any], at: str | None = None) -> None:
    """What a tampered district laptop can put in its own change log: records saved straight
    into its store (no service checks), so its own signed bundle carries them."""
    actor = district.actor()
    district.store.save(found, Actor(actor.user, actor.device, at or actor.at))


def test_changes_to_another_districts_case_are_quarantined_and_change_nothing(
    hq_linked: tuple[Session, Session], multan: Session, tmp_path: Path
) -> None:
    lahore, hq = hq_linked
    theirs = _their_case_at_hq(multan, hq, tmp_path / "m")
    before = to_dict(view(hq).get("case", theirs.id))
    # Lahore's laptop: Multan's case with another stage and narrative (a version of its own),
    # their accused deleted, a new case "for" Multan, and one honest case of its own.
    forged = dataclasses.replace(theirs, stage=theirs.stage, narrative="Overwritten at Lahore.")
    forged.accused = [dataclasses.replace(a, deleted=True) for a in theirs.accused]
    forged.victims = [dataclasses.replace(v) for v in theirs.victims]
    forged.version = 0
    for child in (*forged.accused, *forged.victims):
        child.version = 0
    injected = case_for(multan)  # Multan's district and office, made on Lahore's laptop
    _hostile_save(lahore, [forged, injected])
    honest = case_for(lahore)
    records.save(lahore, [honest])
    cases_before = view(hq).count("case")
    result = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
    assert result.accepted == {"case": 1, "accused": 1, "victim": 1, "referral": 1}
    refused = {(q["kind"], q["record_id"]) for q in result.quarantined}
    assert ("case", theirs.id) in refused and ("case", injected.id) in refused
    assert ("accused", theirs.accused[0].id) in refused
    for q in result.quarantined:
        assert {"field": "owner", "rule": "sync.owner",
                "message": "not this device's district"} in q["problems"]  # fmt: skip
    assert to_dict(view(hq).get("case", theirs.id)) == before
    assert not view(hq).exists("case", injected.id)
    assert view(hq).open_conflicts() == 0
    assert view(hq).count("case") == cases_before + 1  # Lahore's own case only
    # The receipt names what was refused and why.
    told = sync.import_receipt(lahore, receipt_file(hq, lahore, tmp_path / "r"))
    reasons = {p["message"] for q in told.quarantined for p in q["problems"]}
    assert "not this device's district" in reasons
    # Multan's own next edit of its case is applied as usual.
    mine = multan.store.get("case", theirs.id)
    assert isinstance(mine, Case)
    mine.narrative = "Multan's own update."
    records.save(multan, [mine])
    again = sync.import_bundle_bytes(hq, export(multan, tmp_path / "m").read_bytes())
    assert again.quarantined == [] and again.conflicts == []
    now = view(hq).get("case", theirs.id)
    assert isinstance(now, Case) and now.narrative == "Multan's own update."


def test_a_quarantined_foreign_change_is_never_taken_up_by_the_owners_bundle(
    hq_linked: tuple[Session, Session], multan: Session, tmp_path: Path
) -> None:
    """Quarantined rows come back only with their own device's later bundles: Multan's next
    bundle for its case does not bring in what Lahore was refused."""
    lahore, hq = hq_linked
    theirs = _their_case_at_hq(multan, hq, tmp_path / "m")
    extra = dataclasses.replace(theirs.accused[0], id="", name="Planted Accusedfake", version=0)
    forged = dataclasses.replace(theirs, accused=[*theirs.accused, extra], victims=[])
    _hostile_save(lahore, [forged])
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
    mine = multan.store.get("case", theirs.id)
    assert isinstance(mine, Case)
    mine.stage = mine.stage
    mine.narrative = "Multan again."
    records.save(multan, [mine])
    result = sync.import_bundle_bytes(hq, export(multan, tmp_path / "m").read_bytes())
    assert result.quarantined == []
    held = view(hq).get("case", theirs.id)
    assert isinstance(held, Case)
    assert [a.name for a in held.accused] == [a.name for a in theirs.accused]


def test_far_future_versions_are_quarantined(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    lahore, hq = hq_linked
    early = case_for(lahore)
    _hostile_save(lahore, [early], at=FUTURE)
    honest = case_for(lahore)
    records.save(lahore, [honest])
    result = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
    assert result.accepted["case"] == 1
    (q, *_rest) = [q for q in result.quarantined if q["kind"] == "case"]
    assert q["record_id"] == early.id
    assert {p["rule"] for p in q["problems"]} == {"sync.future"}
    assert not view(hq).exists("case", early.id)


def test_a_deletion_with_a_future_time_of_another_districts_accused_changes_nothing(
    hq_linked: tuple[Session, Session], multan: Session, tmp_path: Path
) -> None:
    """The attack of the issue: a deletion of another district's accused dated 2099."""
    lahore, hq = hq_linked
    theirs = _their_case_at_hq(multan, hq, tmp_path / "m")
    before = to_dict(view(hq).get("case", theirs.id))
    forged = dataclasses.replace(theirs, victims=[], version=0)
    forged.accused = [dataclasses.replace(a, deleted=True, version=0) for a in theirs.accused]
    _hostile_save(lahore, [forged], at=FUTURE)
    result = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
    rules = {p["rule"] for q in result.quarantined for p in q["problems"]}
    assert rules == {"sync.owner", "sync.future"}
    assert result.accepted == {}
    assert to_dict(view(hq).get("case", theirs.id)) == before


def _format_1_bundle(district: Session, seq: int) -> bytes:
    """The district's next changes as a format 1 bundle (no owner, no ``back``): what an
    install not yet upgraded sends."""
    sync_store = SyncStore(district.store)
    me = own_identity(district)
    hq = sync_store.hq()
    assert hq is not None
    changed = sync_store.changed_after(0)
    from tipdesk.services.sync.exporter import blank_identity, with_vectors

    found = {kind: with_vectors(sync_store, kind, ids) for kind, ids in changed.items()}
    for record, _vv in found.get("victim", []):
        blank_identity(record)  # type: ignore[arg-type]
    data, counts = payload.encode(me.public.device_id, seq, found)
    doc = json.loads(data)
    for block in doc["records"].values():
        if "owner" in block["fields"]:
            at = block["fields"].index("owner")
            del block["fields"][at]
            del block["columns"][at]
    manifest = bundle.Manifest(
        device=me.public.device_id,
        district=district.install.district,
        office=district.install.office,
        seq=seq,
        after_change=0,
        through_change=sync_store.max_change(),
        counts=counts,
        created_at=district.now(),
        app_version="0.9",
        format=1,
    )
    return bytes(bundle.seal_bundle(me, manifest, canonical(doc), [hq.recipient]))


def test_format_1_bundles_are_read_with_the_owner_hq_knows(
    hq_linked: tuple[Session, Session], multan: Session, tmp_path: Path
) -> None:
    lahore, hq = hq_linked
    case = case_for(lahore)
    records.save(lahore, [case])
    data = _format_1_bundle(lahore, 100)
    assert container.read(data).format == 1
    result = sync.import_bundle_bytes(hq, data)
    assert result.quarantined == [] and result.accepted["case"] == 1
    stored = view(hq).get("case", case.id)
    assert isinstance(stored, Case) and stored.owner == "PB-LHR"
    assert [v.owner for v in stored.victims] == [""]
    # The same bundle again is a duplicate; the same versions in format 2 are up to date.
    assert sync.import_bundle_bytes(hq, data).status == "duplicate"
    again = sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
    assert again.accepted == {} and again.conflicts == []
    # A format 1 bundle cannot hand Multan's case to Lahore either.
    theirs = _their_case_at_hq(multan, hq, tmp_path / "m")
    forged = dataclasses.replace(theirs, narrative="Format 1 forgery.", version=0,
                                 accused=[], victims=[])  # fmt: skip
    _hostile_save(lahore, [forged])
    result = sync.import_bundle_bytes(hq, _format_1_bundle(lahore, 101))
    assert ("case", theirs.id) in {(q["kind"], q["record_id"]) for q in result.quarantined}
    held = view(hq).get("case", theirs.id)
    assert isinstance(held, Case) and held.narrative != "Format 1 forgery."
