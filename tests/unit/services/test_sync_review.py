"""HQ's review of this work (issue 14), services and command line: a field-by-field merge of
a conflict that says what it discards before anything is written, full texts both sides, an
import report that counts what was already up to date, and an inbox whose imported files move
out of the way. HQ's side runs on both engines (``hq_linked``: the install's SQLCipher store,
or PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hq_engines import view
from sync_support import concurrent_edit, export, run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.records import Case
from tipdesk.services import records, sync
from tipdesk.services.session import Session

LONG = "A narrative longer than any list shows. " * 20


def _conflict(district: Session, hq: Session, out: Path, clock: FixedClock) -> sync.Conflict:
    case, _result = concurrent_edit(district, hq, out, clock)
    # HQ's register also holds a long narrative: full texts reach the reviewer.
    (found,) = sync.conflicts(hq)
    assert found.record_id == case.id
    return found


def test_conflicts_carry_every_difference_in_full(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = hq_linked
    case, _ = concurrent_edit(district, hq, tmp_path / "out", svc_clock)
    mine = district.store.get("case", case.id)
    assert isinstance(mine, Case)
    mine.narrative = LONG
    records.save(district, [mine])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    (found,) = sync.conflicts(hq)
    diffs = {d.field: d for d in found.differences}
    assert set(diffs) == {"investigating_officer", "narrative"}
    assert diffs["narrative"].incoming == LONG.strip()  # stored as saved: stripped, whole
    assert diffs["narrative"].local == "HQ's correction of the narrative."


def test_a_field_by_field_merge_keeps_hqs_correction_and_the_districts_change(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    """The analyst's walk-through: keeping the incoming version wholesale threw away HQ's own
    correction of another field. A merge keeps both, and says first what it discards."""
    district, hq = hq_linked
    found = _conflict(district, hq, tmp_path / "out", svc_clock)
    plan = sync.plan_resolution(hq, found.id, "local", {"investigating_officer": "incoming"})
    by_field = {c.field: c for c in plan.choices}
    assert by_field["investigating_officer"].keep == "incoming"
    assert by_field["investigating_officer"].kept == "Inspector Changedfake"
    assert by_field["narrative"].keep == "local"
    assert by_field["narrative"].discarded != "HQ's correction of the narrative."
    assert plan.outcome == "merged: local, incoming for investigating_officer"
    assert view(hq).open_conflicts() == 1  # planning wrote nothing
    kept = sync.resolve(hq, found.id, "local", {"investigating_officer": "incoming"})
    assert isinstance(kept, Case)
    assert kept.narrative == "HQ's correction of the narrative."
    assert kept.investigating_officer == "Inspector Changedfake"
    (closed,) = sync.conflicts(hq, include_closed=True)
    assert closed.status == "resolved" and closed.outcome == plan.outcome
    # The district gets the merge back, and says so.
    receipt = tmp_path / "r.tipr"
    receipt.write_bytes(sync.receipt_for(hq, district.install.device_id))
    result = sync.import_receipt(district, receipt)
    assert [c.line.split(": ", 1)[1] for c in result.records_back] == [
        "resolved conflict: merged field by field at HQ"
    ]


def test_a_merge_refuses_what_is_not_a_choice(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = hq_linked
    found = _conflict(district, hq, tmp_path / "out", svc_clock)
    with pytest.raises(InvalidInput, match="stage is not a field"):
        sync.plan_resolution(hq, found.id, "local", {"stage": "incoming"})
    with pytest.raises(InvalidInput, match="local or incoming"):
        sync.resolve(hq, found.id, "local", {"narrative": "both"})
    assert view(hq).open_conflicts() == 1


def test_the_resolve_command_shows_what_it_discards_and_merges(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    found = _conflict(district, hq, tmp_path / "out", svc_clock)
    args = [
        "hq",
        "resolve",
        found.id,
        "--keep",
        "local",
        "--field",
        "investigating_officer=incoming",
    ]
    assert run_cli(monkeypatch, hq, *args, "--dry-run") == 0
    shown = capsys.readouterr().out
    assert "Nothing was changed (--dry-run)." in shown
    assert "investigating_officer: keeps the district's version 'Inspector Changedfake'" in shown
    assert view(hq).open_conflicts() == 1
    assert run_cli(monkeypatch, hq, *args, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["resolved"] == found.id and data["version"] is not None
    assert {c["field"] for c in data["plan"]["choices"]} == {"investigating_officer", "narrative"}
    assert view(hq).open_conflicts() == 0
    assert run_cli(monkeypatch, hq, "hq", "resolve", found.id, "--keep", "local",
                   "--field", "narrative") == 1  # fmt: skip


def test_a_resent_bundle_reports_its_records_as_up_to_date(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = hq_linked
    records.save(district, case_for_count(district, 3))
    path = export(district, tmp_path / "out")
    first = sync.import_files(hq, [path])
    assert first.up_to_date == 0 and first.received == 12
    again = sync.import_files(hq, [path])
    assert again.received == 12 and again.up_to_date == 12 and again.accepted == {}
    # The same versions in a new bundle (the receipt was lost): up to date, not failures.
    svc_clock.advance(60)
    # Nothing acknowledged: the next bundle repeats the changes, with one more.
    mine = district.store.page("case", limit=1)[0]
    assert isinstance(mine, Case)
    full = district.store.get("case", mine.id)
    assert isinstance(full, Case)
    full.narrative += " One more change."
    records.save(district, [full])
    third = sync.import_files(hq, [export(district, tmp_path / "out")])
    assert third.accepted == {"case": 1} and third.up_to_date == 11


def case_for_count(district: Session, n: int) -> list[Case]:
    from sync_support import case_for

    return [case_for(district) for _ in range(n)]


def test_the_inbox_moves_imported_bundles_out_of_the_way(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    records.save(district, case_for_count(district, 1))
    inbox = hq.paths.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    bundle = export(district, inbox)
    (inbox / "broken.tipb").write_bytes(b"not a bundle")
    assert run_cli(monkeypatch, hq, "hq", "import", "--inbox") == 1
    out = capsys.readouterr()
    assert "already up to date 0" in out.out and "broken.tipb" in out.err
    assert not bundle.exists() and (inbox / "imported" / bundle.name).exists()
    assert (inbox / "broken.tipb").exists()  # refused: stays, with its reason
    (inbox / "broken.tipb").unlink()
    assert run_cli(monkeypatch, hq, "hq", "import", "--inbox") == 0
    assert "The inbox holds no new bundle." in capsys.readouterr().out


class _Stop(Exception):
    """What the app's Cancel raises from a progress report."""


def test_an_inbox_import_stopped_half_way_moves_what_it_imported(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    inbox = hq.paths.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    made = []
    for _ in range(3):
        records.save(district, case_for_count(district, 1))
        made.append(export(district, inbox))
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise _Stop

    with pytest.raises(_Stop):
        sync.import_inbox(hq, progress=stop_after_two)
    assert seen == [(0, 3), (1, 3), (2, 3)]
    moved = sorted(p.name for p in (inbox / "imported").iterdir())
    assert moved == sorted(p.name for p in made[:2])  # the two imported, in order
    assert [p.name for p in inbox.glob("*.tipb")] == [made[2].name]  # the third waits
    report = sync.import_inbox(hq)
    assert [Path(m).name for m in report.moved] == [made[2].name]
    assert report.accepted["case"] == 1
