"""Handing a case over from one district to another through HQ (issue 14, part B): the
request travels in a bundle, HQ moves the owner, the receiving district gets the case (and
the victims' identities sealed for its device, which HQ cannot open) in its next receipt,
and the sending district keeps a read-only copy. Everything is synthetic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sync_support import DISTRICTS, case_for, link, make_district, make_hq

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, PermissionDenied, ValidationFailed
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Victim
from tipdesk.services import handover, records, sync
from tipdesk.services.session import Session
from tipdesk.store.sync_store import SyncStore

NAME, CNIC = "Shazia Handoverfake", "3520187654321"
UserMaker = Callable[[Session, str, UserRole], Session]
LHR, MLT = DISTRICTS[0][1], DISTRICTS[1][1]


def _folder(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir(exist_ok=True)
    return tmp_path / name


class World:
    """HQ, Lahore (A) and Multan (B), linked, each district with a bundle at HQ and HQ's
    receipt imported (so each knows the other's devices)."""

    def __init__(self, tmp_path: Path, clock: FixedClock) -> None:
        self.tmp, self.clock = tmp_path, clock
        self.hq = make_hq(tmp_path / "hq", clock)
        self.a = make_district(tmp_path / "lhr", clock, 0)
        self.b = make_district(tmp_path / "mlt", clock, 1)
        self._n = 0
        for d in (self.a, self.b):
            link(d, self.hq, tmp_path / "files")
            records.save(d, [case_for(d)])
        self.sync()

    def folder(self) -> Path:
        self._n += 1
        return _folder(self.tmp, f"x{self._n}")

    def send(self, d: Session) -> sync.ImportResult | None:
        result = sync.export_bundle(d, self.folder())
        if result.path is None:
            return None
        return sync.import_bundle_bytes(self.hq, result.path.read_bytes())

    def receive(self, d: Session) -> sync.ReceiptResult:
        paths = sync.write_receipts(self.hq, self.folder())
        short = d.install.device_id[-8:]
        (mine,) = [p for p in paths if short in p.name]
        return sync.import_receipt_bytes(d, mine.read_bytes())

    def sync(self) -> None:
        for d in (self.a, self.b):
            self.send(d)
        for d in (self.a, self.b):
            self.receive(d)
        self.clock.advance(60)

    def close(self) -> None:
        for s in (self.a, self.b, self.hq):
            s.close()


@pytest.fixture
def world(tmp_path: Path, svc_clock: FixedClock) -> World:
    w = World(tmp_path, svc_clock)
    yield w  # type: ignore[misc]
    w.close()


def _case_with_identity(d: Session) -> Case:
    case = case_for(d)
    case.victims[0].name, case.victims[0].cnic = NAME, CNIC  # no consent: HQ never reads it
    records.save(d, [case])
    return case


def test_a_handover_reaches_the_receiving_district_with_the_identities_hq_cannot_read(
    world: World,
) -> None:
    case = _case_with_identity(world.a)
    world.send(world.a)
    asked = handover.ask(world.a, case.id, MLT, "Accused arrested in Multan")
    assert asked.state == "asked" and asked.to_name == "Multan"
    # Read-only at once at the sending district.
    mine = world.a.store.get("case", case.id)
    assert isinstance(mine, Case)
    mine.narrative = "An edit after the handover."
    with pytest.raises(ValidationFailed) as refused:
        records.save(world.a, [mine])
    assert {p.rule for p in refused.value.problems} == {"owner.handed_over"}
    assert "handed over to Multan" in refused.value.problems[0].message
    imported = world.send(world.a)  # nothing else changed: a bundle for the handover alone
    assert imported is not None
    assert [(h["case_id"], h["state"]) for h in imported.handovers] == [(case.id, "moved")]
    at_hq = world.hq.store.get("case", case.id)
    assert isinstance(at_hq, Case) and at_hq.owner == MLT
    assert isinstance(v := at_hq.victims[0], Victim) and v.name == "" and v.cnic == ""
    got = world.receive(world.b)
    assert got.handovers["received"] == [case.id]
    assert got.handovers["identities"] == [case.victims[0].id]
    there = world.b.store.get("case", case.id)
    assert isinstance(there, Case) and there.owner == MLT
    assert (there.victims[0].name, there.victims[0].cnic) == (NAME, CNIC)
    (listed,) = handover.received(world.b)
    assert (listed.case_number, listed.from_name, listed.reason) == (
        case.case_number,
        "Lahore",
        "Accused arrested in Multan",
    )
    assert world.receive(world.a).handovers["moved"] == [case.id]
    banner = handover.of_case(world.a, case.id)
    assert banner is not None and banner.state == "moved" and banner.to_name == "Multan"
    # HQ relayed the identities sealed: nothing of them is readable in HQ's store.
    dump = "\n".join(str(r) for r in world.hq.store.query("SELECT * FROM handovers"))
    assert NAME not in dump and CNIC not in dump


def test_the_receiving_district_edits_it_and_hq_imports_without_a_conflict(
    world: World,
) -> None:
    case = _case_with_identity(world.a)
    world.send(world.a)
    handover.ask(world.a, case.id, MLT, "Jurisdiction")
    world.send(world.a)
    world.receive(world.b)
    there = world.b.store.get("case", case.id)
    assert isinstance(there, Case)
    there.investigating_officer = "Inspector Multanfake"
    records.save(world.b, [there])
    result = world.send(world.b)
    assert result is not None and result.conflicts == [] and result.quarantined == []
    at_hq = world.hq.store.get("case", case.id)
    assert isinstance(at_hq, Case) and at_hq.investigating_officer == "Inspector Multanfake"
    assert SyncStore(world.hq.store).conflicts() == []


def test_bad_handovers_are_refused_with_nothing_changed(world: World, svc_user: UserMaker) -> None:
    case = _case_with_identity(world.a)
    officer = svc_user(world.a, "officer1", UserRole.DISTRICT_OFFICER)
    with pytest.raises(PermissionDenied):
        handover.ask(officer, case.id, MLT, "why")
    with pytest.raises(InvalidInput, match="not a district"):
        handover.ask(world.a, case.id, "XX-NOPE", "why")
    with pytest.raises(InvalidInput, match="already belongs to Lahore"):
        handover.ask(world.a, case.id, LHR, "why")
    with pytest.raises(InvalidInput, match="Say why"):
        handover.ask(world.a, case.id, MLT, "   ")
    assert handover.listed(world.a) == []
    handover.ask(world.a, case.id, MLT, "why")
    with pytest.raises(InvalidInput, match="already being handed over"):
        handover.ask(world.a, case.id, MLT, "again")
    other = world.b.store.query("SELECT id FROM cases")[0][0]
    with pytest.raises(Exception, match=r"no case|belongs to"):
        handover.ask(world.a, str(other), MLT, "not ours")


def test_hq_moves_a_case_itself(world: World) -> None:
    case = _case_with_identity(world.a)
    world.send(world.a)
    moved = handover.hq_move(world.hq, case.id, MLT, "HQ's decision")
    assert moved.state == "moved" and moved.from_district == LHR
    # Lahore does not know yet: its edit comes to HQ anyway, and is quarantined.
    late = world.a.store.get("case", case.id)
    assert isinstance(late, Case)
    late.narrative = "Edited before the receipt came."
    records.save(world.a, [late])
    result = world.send(world.a)
    assert result is not None and result.quarantined
    (entry,) = [q for q in SyncStore(world.hq.store).quarantine() if q.record_id == case.id]
    assert entry.problems[0]["rule"] == "sync.owner"
    assert f"handed over to {MLT}" in entry.problems[0]["message"]
    assert world.receive(world.b).handovers["received"] == [case.id]
    there = world.b.store.get("case", case.id)
    assert isinstance(there, Case) and there.owner == MLT
    assert there.victims[0].name == ""  # HQ holds no identity without consent
    world.receive(world.a)
    mine = world.a.store.get("case", case.id)
    assert isinstance(mine, Case)
    mine.narrative = "Too late."
    with pytest.raises(ValidationFailed):
        records.save(world.a, [mine])
