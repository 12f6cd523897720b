"""The Sync screen: a district exports a bundle to a folder (a USB stick) and sees its name; HQ
imports it through its screen and the import report shows the counts; HQ's receipt is
imported back at the district; a conflict is shown side by side and resolving it records the
choice; every model passes qtmodeltester."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import sign_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sync_screens import new_hq
from sync_screens import session as _session
from sync_screens import sync_panel as _panel

from tipdesk.core.clock import FixedClock
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.sync.district import SyncDistrictPanel
from tipdesk.ui.pages.sync.hq import SyncHqPanel
from tipdesk.ui.widgets import files


def _check_models(qtmodeltester: Any, panel: Any, names: tuple[str, ...]) -> None:
    for name in names:
        qtmodeltester.check(getattr(panel, name), force_py=True)


DISTRICT_MODELS = ("outbox_model", "receipts_model")
HQ_MODELS = ("inbox_model", "counts_model", "problems_model", "devices_model", "conflicts_model")


def test_export_import_report_and_receipt(
    linked: None,
    controller: AppController,
    hq_controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    district = _panel(sign_in(controller))
    assert isinstance(district, SyncDistrictPanel)
    assert "Enrolled with HQ" in district.values["hq"].text()
    assert not district.enroll_button.isVisible()
    assert "not configured" in district.values["upload"].text()

    monkeypatch.setattr(files, "ask_folder", lambda *_a: usb)
    district.export_button.click()
    (bundle,) = usb.glob("*.tipb")
    assert bundle.name in district.result.text()
    assert district.result.kind == "ok"
    assert district.outbox_model.rowCount() == 1
    assert district.outbox_model.text(0, 5) == bundle.name
    assert district.last_export is not None
    exported = dict(district.last_export.counts)
    assert exported.get("case") == 4

    district.export_button.click()  # nothing new since
    assert district.result.kind == "info" and "Nothing new" in district.result.text()
    assert len(list(usb.glob("*.tipb"))) == 1

    # HQ: the bundle arrives in the inbox and is imported through the screen.
    inbox = hq_controller.config.paths.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundle, inbox / bundle.name)
    hq_controller.start()
    hq = _panel(sign_in(hq_controller))
    assert isinstance(hq, SyncHqPanel)
    assert hq.inbox_model.rowCount() == 1 and hq.inbox_model.text(0, 0) == bundle.name
    assert hq.devices_model.rowCount() == 1
    hq.inbox_button.click()
    assert hq.report is not None
    assert hq.tabs.currentIndex() == hq.report_tab
    summary = hq.report_summary.text()
    assert "1 imported, 0 imported before, 0 refused" in summary
    assert "moved to the inbox's “imported” folder" in summary
    counts = {
        hq.counts_model.key(r): (hq.counts_model.text(r, 1), hq.counts_model.text(r, 2))
        for r in range(hq.counts_model.rowCount())
    }
    assert counts["case"] == ("4", "4")
    assert hq.counts_model.text(0, 0) == "Cases"  # the record types read as words
    assert set(counts) == set(exported)
    assert hq.devices_model.text(0, 3).startswith("1 ")  # last bundle
    assert hq.devices_model.text(0, 5) == "none"  # no gaps
    # Devices by names, the codes and the whole device id in tool tips.
    devices = hq.devices_model
    assert devices.text(0, 0) == "Lahore" and devices.tip(0, 0) == "PB-LHR"
    assert devices.text(0, 1) == "FIA Anti-Human Trafficking Circle, Lahore"
    assert devices.tip(0, 1) == "FIA-AHTC-LHR"
    device_id = hq.state.devices[0].device_id
    assert devices.text(0, 2) == "…" + device_id[-8:]
    tip = devices.data(devices.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert device_id in tip and "fingerprint" in tip
    assert devices.text(0, 8).startswith("up to entry ")  # the audit anchor's place
    # The imported file is done: out of the inbox, counted as done.
    assert not (inbox / bundle.name).exists()
    assert (inbox / "imported" / bundle.name).exists()
    assert hq.inbox_model.rowCount() == 0
    assert "1 bundle imported before are done" in hq.inbox_hint.text()
    hq.inbox_button.click()
    assert hq.result.kind == "info" and "no new bundle" in hq.result.text()

    # The same bundle sent again: not a failure, in words.
    shutil.copy(bundle, inbox / bundle.name)
    hq.refresh()
    hq.inbox_button.click()
    total = sum(exported.values())
    assert hq.result.kind == "ok", hq.result.text()
    assert f"Nothing new: HQ already had every record in them ({total} records)" in (
        hq.report_summary.text()
    )
    assert "0 imported, 1 imported before" in hq.report_summary.text()
    assert hq.problems_model.text(0, 0) == "Imported before"
    assert hq.problems_model.text(0, 1).startswith("Lahore, bundle 1")
    assert f"Already up to date at HQ: {total}" in hq.report_view.up_to_date.text()

    # HQ installs amended rules (Settings); its receipt carries them to the district.
    hq_window = hq_controller.main_window
    assert isinstance(hq_window, MainWindow)
    settings = hq_window.show_page("settings")
    monkeypatch.setattr(files, "ask_folder", lambda *_a: _amended_rules(tmp_path))
    settings.reference_button.click()
    assert settings.ctx.reference.sentence_limit("tip_act_2018", "3").max_imprisonment_months == 120
    hq_window.show_page("sync")

    # HQ's receipt goes back to the district.
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    monkeypatch.setattr(files, "ask_folder", lambda *_a: receipts)
    hq.receipts_button.click()
    (receipt,) = receipts.glob("*.tipr")
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: receipt)
    district.receipt_button.click()
    assert district.result.kind == "ok", district.result.text()
    assert "1 bundle acknowledged" in district.result.text()
    assert district.receipts_model.rowCount() == 1
    assert district.outbox_model.text(0, 4) != "waiting"
    assert "updated reference lists and rules" in district.details.text()
    limit = district.ctx.reference.sentence_limit("tip_act_2018", "3")
    assert limit.max_imprisonment_months == 120  # editors opened from now on use HQ's rules

    _check_models(qtmodeltester, district, DISTRICT_MODELS)
    _check_models(qtmodeltester, hq, HQ_MODELS)


def _amended_rules(tmp_path: Path) -> Path:
    """A folder with a synthetic amendment: s.3 of the TIP Act allows 120 months."""
    import json

    from tipdesk.paths import resources_dir

    folder = tmp_path / "amended"
    folder.mkdir(exist_ok=True)
    rules = json.loads((resources_dir() / "rules/sentences.json").read_text(encoding="utf-8"))
    version = rules["laws"]["tip_act_2018"]["sections"]["3(1)"]["versions"][0]
    version["max_imprisonment_months"] = 120
    (folder / "sentences.json").write_text(json.dumps(rules), encoding="utf-8")
    return folder


HQ_NARRATIVE = "HQ's correction of the narrative, checked at the review meeting. " * 12
"""Longer than any table cell: the review must show it whole."""


def _make_conflict(
    gui_config: AppConfig, hq_config: AppConfig, tmp_path: Path
) -> tuple[str, Any, dict[tuple[str, str], str]]:
    """HQ corrects a case's narrative while the district changes its officer: HQ holds the
    district's version as a conflict. Returns the case id, and the report and titles of the
    import that found the conflict."""
    from tipdesk.core.records import Case
    from tipdesk.services import records, sync

    clock = gui_config.clock
    assert isinstance(clock, FixedClock)
    out = tmp_path / "out"
    out.mkdir()
    district = _session(gui_config.paths, clock)
    hq = _session(hq_config.paths, clock)
    try:
        first = sync.export_bundle(district, out).path
        assert first is not None
        sync.import_files(hq, [first])
        case_id = str(district.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        at_hq = hq.store.get("case", case_id)
        assert isinstance(at_hq, Case)
        at_hq.narrative = HQ_NARRATIVE
        records.save(hq, [at_hq])
        clock.advance(60)
        at_district = district.store.get("case", case_id)
        assert isinstance(at_district, Case)
        at_district.investigating_officer = "Inspector Changedfake"
        records.save(district, [at_district])
        second = sync.export_bundle(district, out).path
        assert second is not None
        report = sync.import_files(hq, [second])
        assert len(report.conflicts) == 1
        titles = sync.report_titles(hq, report)
    finally:
        district.close()
        hq.close()
    return case_id, report, titles


def test_conflict_merged_field_by_field_with_confirmation_by_keyboard(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
) -> None:
    case_id, report, titles = _make_conflict(gui_config, hq_config, tmp_path)
    window = sign_in(hq_controller)
    hq = _panel(window)
    assert isinstance(hq, SyncHqPanel)
    view = hq.conflicts_view
    assert hq.conflicts_model.rowCount() == 1
    case_number = hq.state.conflicts[0].title
    assert case_number and hq.conflicts_model.text(0, 0) == f"Case {case_number}"
    # Where the held version came from: the district's name, its code in the tool tip.
    assert hq.conflicts_model.text(0, 1) == "Lahore"
    tip = hq.conflicts_model.data(hq.conflicts_model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "PB-LHR" in tip
    assert hq.conflicts_model.text(0, 3) == "Investigating officer, What happened"
    hq.show_report(report, titles)  # the import's report names the record as the list does
    assert [hq.problems_model.text(0, c) for c in range(3)] == [
        "Conflict",
        f"Case {case_number}",
        "held for review on the Conflicts tab",
    ]
    # One conflict among records HQ already had reads as such, not as a failure.
    assert hq.result.kind == "info"
    assert "1 conflict to review" in hq.report_summary.text()
    assert f"{report.up_to_date} already up to date at HQ" in hq.report_summary.text()
    _check_models(qtmodeltester, hq, HQ_MODELS)

    # The merge: each differing field with both values in full, HQ's kept by default.
    hq.tabs.setCurrentIndex(hq.conflicts_tab)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # focus needs an active window
    qtbot.waitUntil(window.isActiveWindow)
    merge = view.merge
    assert view.review is not None
    assert [r.field for r in view.review.differing] == ["investigating_officer", "narrative"]
    assert merge.choices() == {"investigating_officer": "local", "narrative": "local"}
    local_narrative, _incoming = merge.sides["narrative"]
    assert local_narrative.value.text() == HQ_NARRATIVE.strip()  # whole, never cut
    assert local_narrative.value.wordWrap()
    _local, officer_incoming = merge.sides["investigating_officer"]
    assert officer_incoming.value.text() == "Inspector Changedfake"
    same = {r.label: r.local for r in view.review.same}
    assert same["District"] == "Lahore" and same["Owner district"] == "Lahore"

    # By keyboard: the first field's choice, Right arrow takes the district's value; Tab goes
    # on to the next field, whose choice stays HQ's.
    first = merge.first_choice()
    assert first is not None
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert merge.choices()["investigating_officer"] == "incoming"
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is merge.sides["narrative"][0].radio
    assert view.choice_label.text() == "1 from HQ, 1 from the district"

    # Resolve… names what will be discarded; Enter (Cancel is the default) writes nothing.
    view.resolve_button.setFocus()
    qtbot.keyClick(view.resolve_button, Qt.Key.Key_Space)
    dialog = view.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    assert set(dialog.discarded_labels) == {"investigating_officer", "narrative"}
    assert "(HQ's)" in dialog.discarded_labels["investigating_officer"]
    assert "(the district's)" in dialog.discarded_labels["narrative"]
    assert HQ_NARRATIVE.strip() not in dialog.discarded_text()  # HQ's correction is kept
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert hq.conflicts_model.rowCount() == 1  # nothing resolved

    view.resolve()
    dialog = view.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.resolve_button.setFocus()
    qtbot.keyClick(dialog.resolve_button, Qt.Key.Key_Space)
    assert hq.result.kind == "ok", hq.result.text()
    assert f"Case {case_number}" in hq.result.text()
    assert "merged field by field (1 from the district" in hq.result.text()
    assert "goes back to Lahore" in hq.result.text()
    assert hq.conflicts_model.rowCount() == 0
    assert not view.resolve_button.isEnabled()

    found: list[Any] = []
    hq.ctx.runner.submit(
        lambda s: (s.store.audit_entries(action="sync.resolve"), s.store.get("case", case_id)),
        found.append,
    )
    entries, case = found[0]
    assert [e.detail["outcome"] for e in entries] == [
        "merged: local, incoming for investigating_officer"
    ]
    assert case.investigating_officer == "Inspector Changedfake"  # the district's change
    assert case.narrative == HQ_NARRATIVE.strip()  # and HQ's correction, both kept


def test_keeping_every_field_of_the_district_keeps_its_version(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
) -> None:
    case_id, _report, _titles = _make_conflict(gui_config, hq_config, tmp_path)
    hq = _panel(sign_in(hq_controller))
    view = hq.conflicts_view
    view.all_incoming_button.click()
    assert set(view.merge.choices().values()) == {"incoming"}
    view.resolve()
    dialog = view.confirm_dialog
    assert dialog is not None
    assert HQ_NARRATIVE.strip() in dialog.discarded_text()  # said before it is thrown away
    dialog.resolve_button.click()
    assert "the district's version is kept" in hq.result.text()
    found: list[Any] = []
    hq.ctx.runner.submit(lambda s: s.store.get("case", case_id), found.append)
    assert found[0].narrative != HQ_NARRATIVE.strip()


def test_a_receipt_names_the_records_in_conflict_as_officers_know_them(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tipdesk.services import sync

    case_id, _report, _titles = _make_conflict(gui_config, hq_config, tmp_path)
    clock = gui_config.clock
    assert isinstance(clock, FixedClock)
    hq = _session(hq_config.paths, clock)
    try:
        (receipt,) = sync.write_receipts(hq, tmp_path)
        number = hq.store.get("case", case_id).case_number
    finally:
        hq.close()
    district = _panel(sign_in(controller))
    assert isinstance(district, SyncDistrictPanel)
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: receipt)
    district.receipt_button.click()
    assert district.result.kind == "ok", district.result.text()
    details = district.details.text()
    assert f"In conflict at HQ: Case {number} (bundle 2); HQ decides." in details
    assert case_id not in details


def test_hq_data_quality_lists_quarantined_records_by_title(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
    qtmodeltester: Any,
) -> None:
    from tipdesk.core.records import Case
    from tipdesk.services import sync

    clock = gui_config.clock
    assert isinstance(clock, FixedClock)
    out = tmp_path / "out"
    out.mkdir()
    district = _session(gui_config.paths, clock)
    hq = _session(hq_config.paths, clock)
    try:
        case_id = str(district.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        case = district.store.get("case", case_id)
        assert isinstance(case, Case) and case.accused
        case.registered_on = dt.date(2099, 1, 1)  # in the future: HQ refuses it
        district.store.save([case], district.actor())  # as a district with a wrong clock would
        bundle = sync.export_bundle(district, out).path
        assert bundle is not None
        sync.import_files(hq, [bundle])
    finally:
        district.close()
        hq.close()
    window = sign_in(hq_controller)
    page = window.show_page("reports")
    panel = page.show_tab("quality")
    rows = [
        [panel.quarantine_model.index(r, c).data() for c in range(5)]
        for r in range(panel.quarantine_model.rowCount())
    ]
    named = [r for r in rows if r[3] == f"Case {case.case_number}"]
    assert len(named) == 1 and named[0][1] == "Lahore" and named[0][2] == "1"
    assert "Registered on: 2099-01-01 is in the future" in named[0][4]  # the editors' label
    assert panel.tabs.tabText(1) == f"Quarantined ({len(rows)})"
    qtmodeltester.check(panel.quarantine_model)
    panel.tabs.setCurrentIndex(1)
    window.grab().save(str(tmp_path / "quarantine.png"))


def test_the_device_file_for_hq_is_written_from_the_sync_screen(
    make_install: Callable[..., str],
    controller: AppController,
    hq_config: AppConfig,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A district officer without the command line can give HQ the device file, and HQ
    registers it (after a restore, this is how the new device reaches HQ)."""
    from tipdesk.services import sync

    make_install()
    usb = tmp_path / "usb"
    usb.mkdir()
    district = _panel(sign_in(controller))
    assert district.device_button.isEnabled()
    monkeypatch.setattr(files, "ask_folder", lambda *_a: usb)
    district.device_button.click()
    (device_file,) = usb.glob("*.json")
    assert device_file.name.startswith("PB-LHR-device-")
    assert district.result.kind == "ok"
    assert str(device_file) in district.result.text()
    hq = new_hq(hq_config.paths, hq_config.clock)
    try:
        registered = sync.register_device(hq, device_file)
    finally:
        hq.close()
    assert registered.fingerprint in district.result.text()


def test_hq_installs_a_reference_update_from_settings(
    hq_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HQ staff without the command line install amended rules once (Settings); the card
    shows the revision in use."""
    import json

    from tipdesk.paths import resources_dir
    from tipdesk.ui.pages.settings.page import SettingsView

    hq = new_hq(hq_config.paths, hq_config.clock)
    hq.close()
    hq_controller.start()
    window = sign_in(hq_controller)
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    assert page.reference_button.isVisible() and page.reference_button.isEnabled()
    assert "shipped with this TIPDesk" in page.reference_status.text()
    amended = tmp_path / "amended"
    amended.mkdir()
    rules = json.loads((resources_dir() / "rules/sentences.json").read_text(encoding="utf-8"))
    version = rules["laws"]["tip_act_2018"]["sections"]["3(1)"]["versions"][0]
    version["max_imprisonment_months"] = 120
    (amended / "sentences.json").write_text(json.dumps(rules), encoding="utf-8")
    monkeypatch.setattr(files, "ask_folder", lambda *_a: amended)
    page.reference_button.click()
    assert page.message.kind == "ok" and "Reference update 1 installed" in page.message.text()
    assert "Update 1 is in use" in page.reference_status.text()
    assert "rules/sentences.json" in page.reference_status.text()

    # The 2025 amendments wait for their commencement date: HQ is asked for it; cancelling
    # installs nothing, a date installs the amendment from that day.
    example = resources_dir() / "rules" / "examples" / "amendments-2025"
    monkeypatch.setattr(files, "ask_folder", lambda *_a: example)
    asked: list[int] = []

    def cancel(waiting: int) -> dt.date | None:
        asked.append(waiting)
        return None

    page.ask_commencement = cancel
    page.reference_button.click()
    assert asked == [4] and "Update 1 is in use" in page.reference_status.text()
    page.ask_commencement = lambda _waiting: dt.date(2025, 9, 1)
    page.reference_button.click()
    assert page.message.kind == "ok" and "Reference update 2 installed" in page.message.text()
    for day, months in ((dt.date(2025, 8, 31), 120), (dt.date(2025, 9, 1), 168)):
        limit = page.ctx.reference.sentence_limit("tip_act_2018", "3(2)", day)
        assert limit is not None and limit.max_imprisonment_months == months
