"""HQ's Sync screen (issue 16 and the audit anchors): the Coverage tab lists every district,
the one whose records wait in quarantine first, and "Re-check quarantine" says what it
released; a device whose audit log went backwards or forked is a red row in the Devices tab
whose tool tip says what to do, and the import report lists it. Synthetic data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, sign_in
from PySide6.QtCore import Qt

# The linked district and HQ installs (fixtures linked, hq_controller) come from sync_screens.
from sync_screens import import_at_hq
from sync_screens import sync_panel as _panel

from tipdesk.services.sync import DeviceStatus, ImportReport, ImportResult
from tipdesk.services.sync.anchors import AnchorProblem
from tipdesk.sync.anchor import AnchorCheck
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.sync.hq import SyncHqPanel

STATION = "Police Station Model Town"


def _bundle_with_a_new_station(gui_config: AppConfig, out: Path) -> Path:
    """The district opens a police station HQ does not know and registers a case there."""
    import dataclasses

    from tipdesk.core.ids import new_id
    from tipdesk.core.records import Case
    from tipdesk.services import install_settings, records, sync
    from tipdesk.services.session import sign_in as open_session

    session = open_session(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        station = install_settings.add_office(session, STATION, "Lahore", "police_station")
        first = session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0]
        case = session.store.get("case", str(first))
        assert isinstance(case, Case)
        fresh = dataclasses.replace(
            case, id=new_id(), case_number="FIR 77/2026", office=station.code, accused=[],
            victims=[], version=1,
        )  # fmt: skip
        records.save(session, [fresh])
        out.mkdir()
        result = sync.export_bundle(session, out)
        assert result.path is not None
        return result.path
    finally:
        session.close()


def test_coverage_tab_and_the_quarantine_recheck(
    linked: None,
    gui_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
    qtmodeltester: Any,
) -> None:
    hq = import_at_hq(hq_controller, _bundle_with_a_new_station(gui_config, tmp_path / "usb"))
    assert hq.report is not None and len(hq.report.quarantined) == 1
    coverage = hq.coverage_view
    model = coverage.model
    total = len(hq.ctx.reference.districts)
    assert model.rowCount() == total  # every district, sent or not
    assert model.text(0, 0) == "Lahore" and model.text(0, 5) == "1"  # held records first
    assert model.highlighted(0)
    assert model.text(1, 4) == "No device registered" and model.text(1, 3) == "never"
    summary = coverage.summary.text()
    assert summary.startswith(f"Data from 1 of {total} districts.")
    assert "1 record is held in quarantine" in summary
    assert coverage.recheck_button.isEnabled()
    # HQ does not know the station yet: the re-check releases nothing and says so.
    coverage.recheck_button.click()
    assert hq.result.kind == "info"
    assert hq.result.text().startswith("No record held in quarantine passes HQ's checks yet.")
    assert "1 entry is still held: the districts must correct them." in hq.result.text()
    qtmodeltester.check(model, force_py=True)
    # HQ adds the station in Settings: the case goes into the register by itself, and the
    # message says so; the Coverage tab holds nothing any more.
    window = hq_controller.main_window
    assert window is not None
    settings: Any = window.show_page("settings")
    settings.office_name.setText(STATION)
    settings.office_district.set_district("Lahore")
    settings.office_kind.setCurrentIndex(settings.office_kind.findData("police_station"))
    settings.add_office_button.click()
    assert settings.message.kind == "ok", settings.message.text()
    assert (
        "1 record held in quarantine for it passes now and is in the register."
        in settings.message.text()
    )
    hq = _panel(window)
    hq.refresh()
    assert coverage.model.text(0, 5) == "" and not coverage.recheck_button.isEnabled()
    assert "held in quarantine" not in coverage.summary.text()


def _device(**changes: Any) -> DeviceStatus:
    values: dict[str, Any] = {
        "device_id": "d" * 64,
        "district": "PB-LHR",
        "office": "FIA-AHTC-LHR",
        "fingerprint": "AAAA-BBBB",
        "revoked_at": None,
        "last_bundle": 3,
        "last_bundle_at": "2026-06-01T10:00:00.000Z",
        "last_seen": "2026-06-01T11:00:00.000Z",
        "highest_seq": 3,
        "contiguous_seq": 3,
        "acked_change": 40,
        "gaps": [],
        "open_conflicts": 0,
        "open_quarantine": 0,
        "audit_head": [12, "ab" * 32],
    }
    return DeviceStatus(**(values | changes))


@pytest.mark.parametrize(
    ("problem", "flag", "meaning"),
    [
        ("backwards", "⚠ Backwards, bundle 3", "restored from an old backup"),
        ("fork", "⚠ Forked, bundle 3", "another copy of the install"),
    ],
)
def test_a_flagged_audit_log_shows_in_devices_and_the_import_report(
    linked: None,
    hq_controller: AppController,
    problem: str,
    flag: str,
    meaning: str,
) -> None:
    hq = _panel(sign_in(hq_controller))
    assert isinstance(hq, SyncHqPanel)
    flagged = AnchorProblem(3, problem, "the audit log changed", "2026-06-01T11:00:00.000Z")
    hq.devices_view.show_devices([_device(), _device(anchor_problems=[flagged])], {})
    devices = hq.devices_model
    assert devices.text(0, 8) == "up to entry 12" and not devices.has_problem(0)
    assert devices.text(1, 8) == flag and devices.has_problem(1)
    tip = str(devices.data(devices.index(1, 0), Qt.ItemDataRole.ToolTipRole))
    assert meaning in tip and "Call the district" in tip  # what it means, what to do

    check = AnchorCheck((12, "ab" * 32), problem, "the audit log changed")
    result = ImportResult("b.tipb", "d" * 64, "PB-LHR", 3, "imported", {"case": 1},
                          accepted={"case": 1}, district_name="Lahore", anchor=check)  # fmt: skip
    hq.show_report(ImportReport(results=[result]), {})
    rows = [hq.problems_model.row(r) for r in range(hq.problems_model.rowCount())]
    what = "Audit log went backwards" if problem == "backwards" else "Audit log forked"
    assert rows[0][:2] == (what, "Lahore, bundle 3")
    assert "call the district" in rows[0][2]
    assert hq.result.kind == "warning" and "Lahore" in hq.result.text()


def _bundle_with_a_newer_code(gui_config: AppConfig, out: Path) -> Path:
    """The district holds a case with a code HQ's lists do not have yet (written as its store
    holds it: a district with a newer code list)."""
    import dataclasses

    from tipdesk.core.ids import new_id
    from tipdesk.core.records import Case
    from tipdesk.services import sync
    from tipdesk.services.session import sign_in as open_session

    session = open_session(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        first = session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0]
        case = session.store.get("case", str(first))
        assert isinstance(case, Case)
        fresh = dataclasses.replace(
            case, id=new_id(), case_number="FIR 78/2026", accused=[], victims=[], version=1,
            exploitation_forms=[NEW_CODE],
        )  # fmt: skip
        session.store.save([fresh], session.actor())
        out.mkdir()
        result = sync.export_bundle(session, out)
        assert result.path is not None
        return result.path
    finally:
        session.close()


NEW_CODE = "organ_removal_synthetic"


def test_a_reference_update_in_settings_says_what_it_released(
    linked: None,
    gui_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    from tipdesk.paths import resources_dir
    from tipdesk.ui.widgets import files

    hq = import_at_hq(hq_controller, _bundle_with_a_newer_code(gui_config, tmp_path / "usb"))
    assert hq.report is not None and len(hq.report.quarantined) == 1
    # HQ installs the code list that has the district's code, from Settings.
    doc = json.loads((resources_dir() / "reference" / "codes.json").read_text("utf-8"))
    doc["exploitation_forms"].append({"code": NEW_CODE, "name": "Organ removal (synthetic)"})
    folder = tmp_path / "update"
    folder.mkdir()
    (folder / "codes.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(files, "ask_folder", lambda *_a: folder)
    window = hq_controller.main_window
    assert window is not None
    settings: Any = window.show_page("settings")
    settings.install_reference()
    assert settings.message.kind == "ok", settings.message.text()
    text = settings.message.text()
    assert text.startswith("Reference update 1 installed (reference/codes.json)")
    assert "1 record held in quarantine passes now and is in the register." in text
