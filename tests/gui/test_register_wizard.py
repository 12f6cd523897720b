"""The register import wizard: check a file, see its columns and problems, import the valid
rows only, from the Settings page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from gui_support import sign_in

from tipdesk.resources import load_reference
from tipdesk.services.register import write_template
from tipdesk.ui.app import AppController
from tipdesk.ui.pages.settings.page import SettingsView
from tipdesk.ui.pages.settings.register_import_wizard import RegisterImportWizard
from tipdesk.ui.widgets import files


def _case(number: str, registered_on: Any) -> list[Any]:
    return [
        number,
        registered_on,
        "Lahore",
        "",
        "",
        "forced_labour",
        "challan",
        "no",
        "no",
        "Brick kiln workers held under an advance.",
    ]


def _register(path: Path) -> Path:
    write_template(path, load_reference())
    wb = openpyxl.load_workbook(path)
    wb["Cases"].append(_case("FIR 1/2025", dt.date(2025, 3, 1)))
    wb["Cases"].append(_case("FIR 2/2025", "31/02/2024"))  # an impossible date
    wb.save(path)
    return path


def test_the_wizard_imports_the_valid_rows_only(
    controller: AppController,
    make_install: Callable[..., str],
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_install()
    window = sign_in(controller)
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    register = _register(tmp_path / "register.xlsx")
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: register)

    wizard = page.import_register()
    assert isinstance(wizard, RegisterImportWizard)
    qtbot.waitExposed(wizard)
    file_page = wizard.file_page
    assert not file_page.isComplete()
    file_page.browse_button.click()
    assert file_page.path() == register
    assert not file_page.sheet_combo.isEnabled(), "an XLSX names its own sheets"
    file_page.check_button.click()
    assert wizard.plan is not None
    assert file_page.isComplete()

    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    mapping = wizard.mapping_page.model
    qtmodeltester.check(mapping)
    rows = [mapping.row(i) for i in range(mapping.rowCount())]
    assert ("Cases", "case_number", "case_number", "read") in rows
    assert not wizard.mapping_page.office_combos, "no unknown offices"

    wizard.next()
    problems_page = wizard.problems_page
    assert wizard.currentPage() is problems_page
    problems = problems_page.model
    qtmodeltester.check(problems)
    bad = [problems.row(i) for i in range(problems.rowCount())]
    assert any(r[1] == "Cases" and r[2] == "3" and r[3] == "registered_on" for r in bad), bad
    assert problems_page.valid_only.isEnabled()
    assert problems_page.valid_only.isChecked(), "the valid rows are offered at once"
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    problems_page.valid_only.setChecked(False)  # import nothing until it is corrected
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    problems_page.valid_only.setChecked(True)
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()

    wizard.next()
    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    qtmodeltester.check(summary.model)
    assert summary.model.row(0)[:2] == ("Cases", "1")
    assert not summary.isComplete()
    summary.confirm_button.click()
    assert wizard.import_result is not None
    assert wizard.import_result.counts["case"]["create"] == 1
    assert "1 records saved, 1 rows left out" in summary.result_label.text()
    assert summary.isComplete()
    assert not summary.confirm_button.isEnabled()

    counts: list[int] = []
    window.ctx.runner.submit(lambda s: s.store.count("case"), counts.append)
    assert counts == [1]
    wizard.accept()


def test_a_csv_without_errors_needs_no_choice(
    controller: AppController, make_install: Callable[..., str], tmp_path: Path, qtbot: Any
) -> None:
    make_install()
    window = sign_in(controller)
    path = tmp_path / "cases.csv"
    path.write_text(
        "case_number,registered_on,district,exploitation_forms,stage\n"
        "FIR 9/2025,2025-03-01,Lahore,forced_labour,challan\n",
        encoding="utf-8",
    )
    wizard = RegisterImportWizard(window.ctx, window)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.sheet_combo.isEnabled()
    wizard.file_page.check_button.click()
    assert wizard.plan is not None and wizard.plan.ok, [str(p) for p in wizard.plan.problems]
    wizard.next()
    wizard.next()
    # Only warnings (optional columns absent): nothing to skip, Next is open without the box.
    assert not wizard.plan.errors
    assert wizard.problems_page.valid_only.isEnabled() == bool(wizard.plan.problems)
    assert not wizard.problems_page.valid_only.isChecked()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_an_unreadable_file_is_reported_on_the_first_page(
    controller: AppController, make_install: Callable[..., str], tmp_path: Path, qtbot: Any
) -> None:
    make_install()
    window = sign_in(controller)
    path = tmp_path / "notes.xlsx"
    path.write_text("not a spreadsheet", encoding="utf-8")
    wizard = RegisterImportWizard(window.ctx, window)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.check_button.click()
    assert wizard.plan is None
    assert wizard.file_page.status.text()
    assert not wizard.file_page.isComplete()


def test_the_mapping_step_gives_an_unknown_header_its_column(
    controller: AppController, make_install: Callable[..., str], tmp_path: Path, qtbot: Any
) -> None:
    """An office's register whose case number is under 'Reg. No.': the sheet cannot be read
    until the user says which column that header holds; the departments named without their
    province are listed with how they were read."""
    make_install()
    window = sign_in(controller)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FIRs"
    ws.append(["Reg. No.", "Date of Registration", "District", "Sex of victim"])
    ws.append(["FIR 9/2025", dt.date(2025, 3, 1), "Lahore", "F"])
    campaigns = wb.create_sheet("Campaigns")
    campaigns.append(["District", "Organised By", "Type of Campaign", "Date"])
    campaigns.append(["Lahore", "Social Welfare Department", "walk", dt.date(2025, 4, 1)])
    path = tmp_path / "office.xlsx"
    wb.save(path)
    wizard = RegisterImportWizard(window.ctx, window)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.check_button.click()
    assert wizard.plan is not None and not wizard.plan.ok
    wizard.next()
    page = wizard.mapping_page
    assert set(page.header_combos) == {"Reg. No.", "Sex of victim"}
    assert "Social Welfare Department, Punjab" in page.resolved.text()
    combo = page.header_combos["Reg. No."]
    combo.setCurrentIndex(combo.findData("case_number"))  # re-checks the file
    assert wizard.column_map == {"Reg. No.": "case_number"}
    assert wizard.plan is not None and wizard.plan.ok, [str(p) for p in wizard.plan.errors]
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    assert ("FIRs", "Reg. No.", "case_number", "read") in rows
    assert page.header_combos["Reg. No."].currentData() == "case_number", "the choice stays"
