"""Convergence (hypothesis): three district devices and HQ make random edits; bundles reach
copies of HQ in random orders, duplicated, lost and resent. Every copy ends in the same state
(records, version vectors, open conflicts, quarantine, coverage), every change is applied at
most once, and every district version is held at HQ (in the register or as a conflict).
Both ways (records back, issue 14): districts also hand cases over to each other (and back);
once everyone has synced, every district holds exactly HQ's version of every record it owns,
and the national report counts every case once.

HQ's own corrections are made at the same point of every schedule (after the first round of
bundles), so that they are the same edits in every copy; the districts then edit the same
records concurrently, which makes conflicts.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from svc_support import SVC_START, svc_training
from sync_support import (
    DISTRICTS,
    case_for,
    hq_state,
    link,
    make_district,
    make_hq,
    reopen,
)

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.records import Case, Referral, Training, Victim, to_dict
from tipdesk.paths import Paths
from tipdesk.reports.model import Cell, ReportParams
from tipdesk.services import handover, records, reports, sync
from tipdesk.services.session import Session
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import merge
from tipdesk.sync.bundle import short_device

N_DISTRICTS = 3
OPS = ("case", "training", "edit_case", "edit_accused", "add_referral", "edit_training",
       "delete_training")  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HQ and three districts, enrolled and registered, closed (copied for every example)."""
    root = tmp_path_factory.mktemp("sync-template")
    clock = FixedClock(SVC_START)
    hq = make_hq(root / "hq", clock)
    districts = [make_district(root / f"d{i}", clock, which=i) for i in range(N_DISTRICTS)]
    for d in districts:
        link(d, hq, root / "files")
    for s in (hq, *districts):
        s.close()
    return root


def _ids(session: Session, kind: str) -> list[str]:
    rows = session.store.query(f"SELECT id FROM {kind}s WHERE deleted = 0 ORDER BY id")  # noqa: S608
    return [r[0] for r in rows]


def _own_cases(session: Session) -> list[str]:
    """The cases this district may change: it owns them and has not handed them over."""
    own = session.install.district
    rows = session.store.query(
        "SELECT id FROM cases WHERE deleted = 0 AND owner = ? ORDER BY id", (own,)
    )
    return [r[0] for r in rows if handover.of_case(session, r[0]) is None]


def _edit(session: Session, op: str, pick: int, n: int) -> None:
    """One random edit at a district (every edit leaves valid records)."""
    cases, trainings = _own_cases(session), _ids(session, "training")
    if op == "handover":
        others = [c for _n, c, _o in DISTRICTS[:2] if c != session.install.district]
        if cases and others:
            try:
                handover.ask(session, cases[pick % len(cases)], others[0], f"Handover {n}.")
                return
            except InvalidInput:
                pass  # no receipt brought the other district's device yet: edit instead
        op = "edit_case"
    if op == "case" or (op in ("edit_case", "edit_accused", "add_referral") and not cases):
        records.save(session, [case_for(session)])
    elif op == "training" or not trainings:
        records.save(session, [svc_training(district=session.install.district, title=f"T{n}")])
    elif op == "edit_case":
        case = session.store.get("case", cases[pick % len(cases)])
        assert isinstance(case, Case)
        case.narrative = f"Narrative, edit {n} at {session.install.district}."
        records.save(session, [case])
    elif op == "edit_accused":
        case = session.store.get("case", cases[pick % len(cases)])
        assert isinstance(case, Case)
        case.accused[0].court = f"Sessions Court {n}"
        records.save(session, [case])
    elif op == "add_referral":
        case = session.store.get("case", cases[pick % len(cases)])
        assert isinstance(case, Case)
        case.victims[0].referrals.append(
            Referral(service="medical", referred_on=dt.date(2025, 3, 1 + n % 27))
        )
        records.save(session, [case])
    elif op == "edit_training":
        training = session.store.get("training", trainings[pick % len(trainings)])
        assert isinstance(training, Training)
        training.venue = f"Venue {n}"
        records.save(session, [training])
    else:
        records.delete(session, "training", trainings[pick % len(trainings)], "cancelled")


def _round(data: st.DataObject, districts: list[Session], clocks: list[FixedClock],
           out: Path, counter: list[int], ops: tuple[str, ...] = OPS) -> list[Path]:  # fmt: skip
    """Random edits at every district, each followed by zero or more exports."""
    bundles: list[Path] = []
    for d, clock in zip(districts, clocks, strict=True):
        for _ in range(data.draw(st.integers(1, 3), label="exports")):
            for _ in range(data.draw(st.integers(1, 3), label="edits")):
                counter[0] += 1
                clock.advance(data.draw(st.integers(1, 90), label="seconds"))
                op = data.draw(st.sampled_from(ops), label="op")
                _edit(d, op, data.draw(st.integers(0, 50), label="pick"), counter[0])
            result = sync.export_bundle(d, out)
            if result.path is not None:
                bundles.append(result.path)
    return bundles


def _schedule(data: st.DataObject, bundles: list[Path]) -> list[Path]:
    """A delivery order: shuffled, some delivered twice, some lost (and some of those resent
    later). A lost bundle is never its device's last one: a later bundle covers its changes."""
    last_of_device: dict[str, Path] = {}
    for b in bundles:
        last_of_device[b.name.rsplit("-", 1)[0]] = b
    order = data.draw(st.permutations(bundles), label="order")
    out: list[Path] = []
    lost: list[Path] = []
    for b in order:
        if b not in last_of_device.values() and data.draw(st.booleans(), label="lose"):
            lost.append(b)
            continue
        out.append(b)
        if data.draw(st.booleans(), label="twice"):
            out.insert(data.draw(st.integers(0, len(out)), label="where"), b)
    for b in lost:
        if data.draw(st.booleans(), label="resend"):
            out.insert(data.draw(st.integers(0, len(out)), label="resend at"), b)
    return out


def _hq_corrections(hq: Session) -> None:
    """The same corrections in every copy of HQ (same records, same clock)."""
    for case_id in _ids(hq, "case")[:2]:
        case = hq.store.get("case", case_id)
        assert isinstance(case, Case)
        case.narrative = "Narrative as corrected at HQ."
        records.save(hq, [case])
    for training_id in _ids(hq, "training")[:1]:
        training = hq.store.get("training", training_id)
        assert isinstance(training, Training)
        training.title = "Title as corrected at HQ"
        records.save(hq, [training])


def _each_change_once(hq: Session, districts: list[Session]) -> None:
    repeated = hq.store.query(
        "SELECT kind, record_id, version FROM changes GROUP BY 1, 2, 3 HAVING count(*) > 1"
    )
    assert repeated == []
    state = hq_state(hq)
    held = {(c[1], c[2]): c for c in state["conflicts"]}
    for d in districts:
        for kind in ("case", "accused", "victim", "referral", "training"):
            table = {"accused": "accused"}.get(kind, f"{kind}s")
            for record_id, version, device in d.store.query(
                f"SELECT id, version, updated_device FROM {table}"  # noqa: S608
            ):
                found = hq.store.query(
                    f"SELECT version, updated_device FROM {table} WHERE id = ?",  # noqa: S608
                    (record_id,),
                )
                assert found, (kind, record_id)
                synced = hq.store.query(
                    "SELECT version, vv FROM sync_versions WHERE kind = ? AND record_id = ?",
                    (kind, record_id),
                )
                hq_vv = merge.row_vv(found[0][0], found[0][1], synced[0] if synced else None)
                in_register = merge.compare(hq_vv, {device: version}) in (
                    merge.Order.EQUAL, merge.Order.AFTER)  # fmt: skip
                assert in_register or (kind, record_id) in held, (kind, record_id, version)


# No shrinking: each example builds four stores, so shrinking a failure would take minutes;
# the failing draws are printed in full instead.
@pytest.mark.slow
@settings(max_examples=6, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(data=st.data())
def test_every_schedule_converges(template: Path, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory(prefix="tipdesk-converge-") as tmp_name:
        _run(template, Path(tmp_name), data)


def _run(template: Path, tmp: Path, data: st.DataObject) -> None:
    clocks = [FixedClock(SVC_START) for _ in range(N_DISTRICTS)]
    districts = [reopen(_copy(template / f"d{i}", tmp / f"d{i}"), c) for i, c in enumerate(clocks)]
    hq_paths = [_copy(template / "hq", tmp / f"hq{k}") for k in range(3)]
    out = tmp / "out"
    out.mkdir()
    counter = [0]
    try:
        first = _round(data, districts, clocks, out, counter)
        copies = [reopen(p, FixedClock(SVC_START + dt.timedelta(days=1))) for p in hq_paths]
        try:
            schedules = [list(first)] + [_schedule(data, first) for _ in copies[1:]]
            for hq, schedule in zip(copies, schedules, strict=True):
                _deliver(hq, schedule)
            receipts = sync.write_receipts(copies[0], tmp)
            for d in districts:
                mine = [r for r in receipts if short_device(d.install.device_id) in r.name]
                for r in mine:
                    sync.import_receipt(d, r)
            for hq in copies:
                _hq_corrections(hq)
            for c in clocks:
                c.advance(3600)
            second = _round(data, districts, clocks, out, counter)
            schedules = [list(second)] + [_schedule(data, second) for _ in copies[1:]]
            for hq, schedule in zip(copies, schedules, strict=True):
                _deliver(hq, schedule)
            states = [hq_state(hq) for hq in copies]
            assert states[1] == states[0]
            assert states[2] == states[0]
            _each_change_once(copies[0], districts)
        finally:
            for hq in copies:
                hq.close()
    finally:
        for d in districts:
            d.close()


def _copy(src: Path, dest: Path) -> Paths:
    shutil.copytree(src, dest)
    return Paths(dest)


def _deliver(hq: Session, schedule: list[Path]) -> None:
    for path in schedule:
        result = sync.import_bundle_bytes(hq, path.read_bytes())
        assert result.quarantined == [], result.quarantined


# --- both ways: records back (issue 14) -------------------------------------------------------
HQ_OPS = ("correct_case", "correct_training", "correct_accused", "resolve", "none")


def _hq_turn(data: st.DataObject, hq: Session, n: int) -> None:
    """A random correction or resolution at HQ."""
    op = data.draw(st.sampled_from(HQ_OPS), label="hq op")
    pick = data.draw(st.integers(0, 50), label="hq pick")
    cases, trainings = _ids(hq, "case"), _ids(hq, "training")
    if op == "resolve":
        open_ = sync.conflicts(hq)
        if not open_:
            return
        found = open_[pick % len(open_)]
        keep = data.draw(st.sampled_from(("local", "incoming")), label="keep")
        fields: dict[str, str] = {}
        if len(found.differences) > 1 and data.draw(st.booleans(), label="merge"):
            other = "incoming" if keep == "local" else "local"
            fields[found.differences[0].field] = other
        sync.resolve(hq, found.id, keep, fields)
    elif op in ("correct_case", "correct_accused") and cases:
        case = hq.store.get("case", cases[pick % len(cases)])
        assert isinstance(case, Case)
        if op == "correct_case":
            case.narrative = f"Corrected at HQ ({n})."
        elif case.accused:
            case.accused[0].court = f"High Court {n}"
        records.save(hq, [case])
    elif op == "correct_training" and trainings:
        training = hq.store.get("training", trainings[pick % len(trainings)])
        assert isinstance(training, Training)
        training.venue = f"HQ venue {n}"
        records.save(hq, [training])


def _lossy(data: st.DataObject, items: list[Path], label: str) -> list[Path]:
    """``items`` shuffled, some twice, some lost."""
    out: list[Path] = []
    for item in data.draw(st.permutations(items), label=f"{label} order"):
        if data.draw(st.booleans(), label=f"{label} lost"):
            continue
        out.append(item)
        if data.draw(st.booleans(), label=f"{label} twice"):
            out.insert(data.draw(st.integers(0, len(out)), label=f"{label} where"), item)
    return out


def _import_receipts(districts: list[Session], receipts: list[Path]) -> None:
    for d in districts:
        for r in receipts:
            if short_device(d.install.device_id) in r.name:
                sync.import_receipt(d, r)


def _settle(hq: Session, districts: list[Session], out: Path, folder: Path) -> None:
    """What every district does after a while: export, HQ imports in order, resolves what is
    open, answers with receipts, and the districts import them, until nothing moves."""
    for _ in range(8):
        moved = False
        for d in districts:
            result = sync.export_bundle(d, out)
            for path in sync.outbox_files(d):
                sync.import_bundle_bytes(hq, path.read_bytes())
            moved |= result.path is not None
        for c in sync.conflicts(hq):
            sync.resolve(hq, c.id, "local")
            moved = True
        folder.mkdir(exist_ok=True)
        receipts = sync.write_receipts(hq, folder)
        for d in districts:
            for r in receipts:
                if short_device(d.install.device_id) in r.name:
                    moved |= bool(sync.import_receipt(d, r).records_back)
        shutil.rmtree(folder)
        if not moved:
            return
    raise AssertionError("sync did not settle")


_TABLES = {"case": "cases", "accused": "accused", "victim": "victims", "referral": "referrals",
           "training": "trainings"}  # fmt: skip


def _handed_away(district: Session) -> dict[str, set[str]]:
    """The records of the cases this district handed over and HQ moved (its read-only
    copies), by kind."""
    cases = [
        r[0]
        for r in district.store.query("SELECT DISTINCT case_id FROM handovers")
        if (h := handover.of_case(district, r[0])) is not None and h.state == "moved"
    ]
    out: dict[str, set[str]] = {k: set() for k in _TABLES}
    for case_id in cases:
        case = district.store.get("case", case_id, deleted=True)
        assert isinstance(case, Case)
        out["case"].add(case.id)
        out["accused"] |= {a.id for a in case.accused}
        out["victim"] |= {v.id for v in case.victims}
        out["referral"] |= {r.id for v in case.victims for r in v.referrals}
    return out


def _holds_hqs_versions(hq: Session, district: Session) -> None:
    """Every record the district owns at HQ is exactly HQ's version at the district (contents,
    bookkeeping and version vector), and the district holds nothing of its own HQ lacks; what
    else it holds is the read-only copy of a case it handed over, owned elsewhere at HQ."""
    own = district.install.district
    away = _handed_away(district)
    for kind, table in _TABLES.items():
        ids = [r[0] for r in hq.store.query(f"SELECT id FROM {table}")]  # noqa: S608
        owners = hq.store.unit_owners(kind, ids)
        mine = sorted(i for i, (owner, _d) in owners.items() if owner == own)
        local = {r[0] for r in district.store.query(f"SELECT id FROM {table}")}  # noqa: S608
        assert local - away[kind] == set(mine), kind
        assert all(owners[i][0] != own for i in away[kind] if i in owners), kind
        for record_id in mine:
            at_hq = to_dict(hq.store.get(kind, record_id, deleted=True), children=False)
            here = to_dict(district.store.get(kind, record_id, deleted=True), children=False)
            if kind == "victim" and not here["consent_to_share"]:
                for name in Victim.IDENTIFYING:  # never leaves the district without consent
                    assert at_hq.pop(name) == ""  # (a handover seals it for the receiver)
                    here.pop(name)
            assert here == at_hq, (kind, record_id)
            vv = [
                merge.row_vv(
                    rec.version,
                    rec.updated_device,
                    (s.versions(kind, [record_id]) or {}).get(record_id),
                )
                for s, rec in (
                    (SyncStore(hq.store), hq.store.get(kind, record_id, deleted=True)),
                    (SyncStore(district.store), district.store.get(kind, record_id, deleted=True)),
                )
            ]
            assert merge.compare(vv[0], vv[1]) is merge.Order.EQUAL, (kind, record_id, vv)


BOTH_WAYS_OPS = (*OPS, "handover", "handover")
"""Handovers twice as likely as another edit: a district can hand over only once a receipt
brought the other district's device, so the first round never does."""


def _counted_once(hq: Session) -> None:
    """The national report counts every case once, whichever district owns it now: its
    cases registered (all time) are HQ's cases, and the districts' figures add up to them."""
    params = ReportParams(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
    report = reports.build_report(hq, params)
    cases = hq.store.query("SELECT count(*) FROM cases WHERE deleted = 0")[0][0]
    assert report.headline["cases_registered"].value == cases
    table = report.table("by_district")
    column = [c.key for c in table.columns].index("cases_registered")
    total = 0
    for row in table.rows:
        cell = row[column]
        assert isinstance(cell, Cell)
        total += int(cell.value or 0)
    assert total == cases


@pytest.mark.slow
@settings(max_examples=6, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(data=st.data())
def test_every_district_ends_with_hqs_version_of_what_it_owns(
    template: Path, data: st.DataObject
) -> None:
    """Random district edits, HQ corrections and resolutions (field by field too), bundles
    and receipts delivered in random order, duplicated and lost; once everyone has synced,
    every district holds exactly HQ's version of every record it owns."""
    with tempfile.TemporaryDirectory(prefix="tipdesk-both-ways-") as tmp_name:
        tmp = Path(tmp_name)
        clock = FixedClock(SVC_START)
        districts = [reopen(_copy(template / f"d{i}", tmp / f"d{i}"), clock) for i in range(2)]
        hq = reopen(_copy(template / "hq", tmp / "hq"), clock)
        out, folder = tmp / "out", tmp / "receipts"
        out.mkdir()
        counter = [0]
        pool: list[Path] = []
        try:
            for round_ in range(data.draw(st.integers(2, 3), label="rounds")):
                pool += _round(data, districts, [clock] * 2, out, counter, BOTH_WAYS_OPS)
                for path in _lossy(data, pool, "bundles"):
                    sync.import_bundle_bytes(hq, path.read_bytes())
                for _ in range(data.draw(st.integers(1, 3), label="hq turns")):
                    counter[0] += 1
                    clock.advance(30)
                    _hq_turn(data, hq, counter[0])
                sent: list[Path] = []
                for k in range(data.draw(st.integers(1, 2), label="receipt rounds")):
                    clock.advance(5)
                    batch = tmp / f"r{round_}-{k}"
                    batch.mkdir()
                    sent += sync.write_receipts(hq, batch)
                _import_receipts(districts, _lossy(data, sent, "receipts"))
                clock.advance(60)
            _settle(hq, districts, out, folder)
            assert sync.conflicts(hq) == []
            for d in districts:
                _holds_hqs_versions(hq, d)
                # Every handover was settled: none still waits for HQ.
                assert d.store.query("SELECT 1 FROM handovers WHERE state = 'asked'") == []
            _counted_once(hq)
        finally:
            for s in (hq, *districts):
                s.close()
