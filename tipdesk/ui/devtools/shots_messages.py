"""Screens showing messages of the services, for ``python -m tipdesk.ui.devtools.screenshots``
(importing this module registers them; with ``--lang ur`` they show the Urdu of issue 19):
``register-import-problems`` (the register wizard's problems page for a register with a date
that does not exist, an unknown district, a totals row and missing columns),
``case-editor-law-warning`` (a case whose offence predates the Act: the law check's warning)
``unlock-refused`` (the sign-in screen after a wrong passphrase) and
``wizard-weak-passphrase`` (the set-up wizard's user page with a passphrase too short and
based on a common word: the reasons, from ``tipdesk.core.passphrase``).
Synthetic data only.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from tipdesk.services import records as record_service
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.devtools.shots_records import _reset, _view
from tipdesk.ui.devtools.shots_registers import _wait
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.settings.page import SettingsView
from tipdesk.ui.pages.unlock.page import UnlockView

# A register as offices send it, with the mistakes the problems page lists.
_REGISTER = (
    "case_number,district,office,registered_on,offence_on,stage,law,exploitation_forms,"
    "official_involvement,transnational,summary\n"
    "FIR 301/2026,Lahore,FIA-AHTC-LHR,14/01/2026,06/01/2026,investigation,TIP Act 2018,"
    "forced labour,no,no,Brick kiln\n"
    "FIR 302/2026,Lahroe,FIA-AHTC-LHR,31/02/2026,,investigation,TIP Act 2018,forced labour,"
    "no,no,Brick kiln\n"
    "FIR 303/2026,Lahore,FIA-AHTC-LHR,2026-02-10,2026-02-01,trail,TIP Act 2018,begging,"
    "maybe,no,Street begging\n"
    "Total,,,,,,,,,,\n"
)


def _register_problems(shots: Shots) -> QWidget:
    window = shots.main_window()
    path = shots.tmp / "cases-2026.csv"
    path.write_text(_REGISTER, encoding="utf-8")
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    wizard = page.import_register()
    wizard.resize(*shots.size)
    shots.on_close(wizard.reject)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.check_button.click()
    _wait(wizard)
    wizard.next()  # the columns as read
    settle()
    wizard.next()  # the problems
    settle()
    return wizard


def _case_editor_law_warning(shots: Shots) -> QWidget:
    """A new case whose offence predates the TIP Act 2018, as the editor shows it after
    checking: the law check's warning. Not saved (the demo data stays as it is)."""
    view, window = _view(shots, "cases")
    _reset(view)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    today = shots.clock.now().date()
    form.editor("case_number").setText("FIR 17/2018")
    form.editor("registered_on").set_value(today.replace(year=2018, month=5, day=20))
    form.editor("offence_on").set_value(today.replace(year=2018, month=5, day=2))
    form.editor("sections").set_value(["3(1)"])
    form.editor("stage").set_value("investigation")
    form.editor("exploitation_forms").set_checked("forced_labour")
    record, _local = form.build()
    view.ctx.runner.submit(partial(record_service.warnings, records=[record]), editor.show_warnings)
    settle()
    return window


def _unlock_refused(shots: Shots) -> QWidget:
    window = shots.build("unlock")
    view = window.findChild(UnlockView)
    assert view is not None
    view.user_edit.setText(shots.user)
    view.passphrase_edit.setText("not the passphrase")
    view.attempt()
    settle()
    return window


def _wizard_weak_passphrase(shots: Shots) -> QWidget:
    wizard = shots._wizard_window("wizard-weak")
    wizard.next()
    wizard.office_page.district.set_district("Lahore")
    wizard.next()
    page = wizard.user_page
    page.user_edit.setText(shots.user)
    page.passphrase.passphrase_edit.setText("password")
    settle()
    return wizard


register("register-import-problems", _register_problems)
register("case-editor-law-warning", _case_editor_law_warning)
register("unlock-refused", _unlock_refused)
register("wizard-weak-passphrase", _wizard_weak_passphrase)
