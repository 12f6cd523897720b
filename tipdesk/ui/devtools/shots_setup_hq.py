"""The HQ set-up wizard's database choice for ``python -m tipdesk.ui.devtools.screenshots``
(importing this module registers it): ``wizard-hq-database``, the last page of an HQ's set-up
with a PostgreSQL server over verified TLS chosen (synthetic address; nothing is created)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle


def _wizard_hq_database(shots: Shots) -> QWidget:
    wizard = shots._wizard_window("wizard-hq")
    wizard.intro.hq_radio.setChecked(True)
    wizard.next()
    page = wizard.user_page
    page.user_edit.setText(shots.user)
    page.passphrase.passphrase_edit.setText(shots.passphrase)
    page.passphrase.confirm_edit.setText(shots.passphrase)
    wizard.next()  # the last settings page; Create is not pressed
    choice = wizard.options_page.database
    choice.server_radio.setChecked(True)
    choice.url_edit.setText("postgresql://tipdesk_hq@db.hq.example/tipdesk?sslmode=verify-full")
    choice.ca_edit.setText("/media/usb/hq-db-ca.pem")
    wizard.options_page.initializePage()
    settle()
    return wizard


register("wizard-hq-database", _wizard_hq_database)
