"""The register import wizard for ``python -m tipdesk.ui.devtools.screenshots`` (importing this
module registers it): ``register-import-mapping``, the wizard's second page for a register kept
as an office keeps it: its own headers read as the register's columns, a header nobody knows
given its column by the user, a department named without its province and how it was read.
Synthetic data only.
"""

from __future__ import annotations

import datetime as dt

import openpyxl  # type: ignore[import-untyped]
from PySide6.QtWidgets import QWidget

from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.settings.page import SettingsView
from tipdesk.ui.pages.settings.register_import_wizard import RegisterImportWizard

_WAIT_ROUNDS = 200  # the file is checked on the store's thread


def _wait(wizard: RegisterImportWizard) -> None:
    for _ in range(_WAIT_ROUNDS):
        if wizard.plan is not None:
            break
        settle(1)
    settle()


def _mapping(shots: Shots) -> QWidget:
    window = shots.main_window()
    path = shots.tmp / "lahore-firs-2025.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FIRs"
    ws.append(["Register of FIRs, Anti Human Trafficking Circle Lahore, 2025"])
    ws.append([])
    ws.append(["S. No.", "Parcha No.", "Date of Registration", "District", "Status", "Remarks"])
    ws.append([1, "FIR 71/2025", dt.date(2025, 3, 1), "Lahore", "challan", "kiln"])
    campaigns = wb.create_sheet("Campaigns")
    campaigns.append(["S. No.", "District", "Organised By", "Type of Campaign", "Date",
                      "No. of Participants"])  # fmt: skip
    campaigns.append([1, "Lahore", "Social Welfare Department", "Walk", dt.date(2025, 4, 1), 300])
    wb.save(path)
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    wizard = page.import_register()
    shots.on_close(wizard.reject)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.check_button.click()
    _wait(wizard)
    wizard.next()
    settle()
    combo = wizard.mapping_page.header_combos["Parcha No."]
    combo.setCurrentIndex(combo.findData("case_number"))
    _wait(wizard)
    return wizard


register("register-import-mapping", _mapping)
