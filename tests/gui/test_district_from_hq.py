"""What HQ sends back, on the district's Sync screen: the records the last receipt changed, in
words ("Case FIR …: Corrected at HQ: Stage"), and HQ's notices (a linked accused in another
district: that district's name and case number only); and a record owned by another district
opens read-only, with a banner saying whose it is."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import sign_in
from PySide6.QtCore import Qt
from records_support import open_app
from sync_screens import session as _session
from sync_screens import sync_panel as _panel

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Stage
from tipdesk.core.records import Case, from_dict, to_dict
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.sync.district import SyncDistrictPanel
from tipdesk.ui.widgets import files


def _karachi_copy(case: Case, number: str) -> Case:
    """A Karachi case (made at HQ) whose first accused has the same CNIC as ``case``'s."""
    values = to_dict(case)
    values.update(id="", case_number=number, district="SD-KHS", office="FIA-AHTC-KHI",
                  owner="", victims=[], version=0)  # fmt: skip
    values["accused"] = [dict(values["accused"][0], id="", case_id="", version=0)]
    made, problems = from_dict(Case, values)
    assert not problems, problems
    return made


def _hq_sends_back(gui_config: AppConfig, hq_cfg: AppConfig, tmp_path: Path) -> dict[str, Any]:
    """The district's bundle reaches HQ; HQ corrects one case's stage and records a Karachi
    case sharing an accused with another; HQ's receipt. Returns what the test checks."""
    from tipdesk.services import records, sync

    clock = gui_config.clock
    assert isinstance(clock, FixedClock)
    out = tmp_path / "out"
    out.mkdir()
    district = _session(gui_config.paths, clock)
    hq = _session(hq_cfg.paths, clock)
    try:
        ids = [str(r[0]) for r in district.store.query("SELECT id FROM cases ORDER BY id")]
        with_cnic = district.store.get("case", ids[1])
        assert isinstance(with_cnic, Case) and with_cnic.accused
        with_cnic.accused[0].cnic = "3520212345678"
        records.save(district, [with_cnic])
        first = sync.export_bundle(district, out).path
        assert first is not None
        sync.import_files(hq, [first])
        corrected = hq.store.get("case", ids[0])
        linked_case = hq.store.get("case", ids[1])
        assert isinstance(corrected, Case) and isinstance(linked_case, Case)
        assert linked_case.accused and linked_case.accused[0].cnic
        new_stage = next(s for s in Stage if s != corrected.stage and s.value != "closed")
        corrected.stage = new_stage
        records.save(hq, [corrected])
        records.save(hq, [_karachi_copy(linked_case, "FIR 901/2026")])
        clock.advance(60)
        (receipt,) = sync.write_receipts(hq, tmp_path)
    finally:
        district.close()
        hq.close()
    return {
        "receipt": receipt,
        "corrected": corrected.case_number,
        "linked": linked_case.case_number,
    }


def test_the_receipt_lists_what_came_back_and_hqs_notices(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    sent = _hq_sends_back(gui_config, hq_config, tmp_path)
    district = _panel(sign_in(controller))
    assert isinstance(district, SyncDistrictPanel)
    assert district.back_model.rowCount() == 0
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: sent["receipt"])
    district.receipt_button.click()
    assert district.result.kind == "ok", district.result.text()
    assert district.tabs.currentIndex() == district.back_tab

    back = district.back_model
    rows = {back.text(r, 0): back.text(r, 1) for r in range(back.rowCount())}
    assert rows[f"Case {sent['corrected']}"] == "Corrected at HQ: Stage"
    assert "changed 1 record here" in district.details.text()
    assert "brought back 1 record" in district.values["receipt"].text()
    assert district.tabs.tabText(district.back_tab) == "Back from HQ (1)"

    notices = district.notices_model
    assert notices.rowCount() == 1
    assert [notices.text(0, c) for c in range(3)] == [
        f"Case {sent['linked']}",
        "Karachi South",
        "FIR 901/2026",
    ]
    tip = notices.data(notices.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == "SD-KHS"
    assert district.tabs.tabText(district.notices_tab) == "HQ's notices (1)"
    for model in (back, notices, district.outbox_model, district.receipts_model):
        qtmodeltester.check(model, force_py=True)

    # Signed in again later: the last receipt's list is still there.
    district.refresh()
    assert district.back_model.rowCount() == 1


def test_another_districts_record_opens_read_only_with_a_banner(
    qtbot: Any, gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    make_install(demo_cases=2)
    app = open_app(gui_config)
    try:
        session = app.session
        case_id = str(session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        case = session.store.get("case", case_id)
        assert isinstance(case, Case)
        # As a copy handed over to Karachi South would stay here: owned by that district.
        handed = dataclasses.replace(case, owner="SD-KHS", narrative=case.narrative + " (copy)")
        session.store.save([handed], session.actor())
        other = str(session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET 1")[0][0])
        view = CasesView(app.ctx)
        qtbot.addWidget(view)
        editor = view.open_record(case_id)
        assert editor.owner_banner.read_only and not editor.owner_banner.isHidden()
        text = editor.owner_banner.text()
        assert "belongs to Karachi South" in text and "Lahore's records only" in text
        assert not editor.save_button.isEnabled()
        # The banner says what the services do: such a save is refused.
        from tipdesk.core.errors import ValidationFailed
        from tipdesk.services import records

        stored = session.store.get("case", case_id)
        assert isinstance(stored, Case)
        stored.narrative += " edited here"
        with pytest.raises(ValidationFailed, match="belongs to Karachi South"):
            records.save_one(session, stored)
        assert editor.delete_button.isHidden()
        own = view.open_record(other)
        assert not own.owner_banner.read_only and own.owner_banner.isHidden()
        assert own.save_button.isEnabled()
    finally:
        app.runner.close()
