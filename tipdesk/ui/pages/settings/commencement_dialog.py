"""Asking HQ for the commencement date of an amendment of the sentencing rules before it is
installed (the versions of ``rules/sentences.json`` dated ``"commencement"``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.widgets.common import Banner, label


class CommencementDialog(QDialog):
    """The date the amendment took effect, as HQ confirms it. Accepting only closes the dialog;
    the settings screen installs the files with the date."""

    def __init__(self, waiting: int, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commencementDialog")
        self.setWindowTitle(self.tr("Commencement of the amendment"))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 18, 20, 16)
        box.setSpacing(12)
        box.addWidget(label(self.tr("When did the amendment take effect?"), "sectionTitle"))
        box.addWidget(
            label(
                self.tr(
                    "The sentencing rules in this folder hold {n} new version(s) waiting for "
                    "their commencement date. Give the date the amended law took effect, as "
                    "notified in the Gazette."
                ).format(n=waiting),
                wrap=True,
            )
        )
        box.addWidget(
            Banner(
                "warning",
                self.tr(
                    "Offences from that date are checked against the new limits; earlier "
                    "offences keep the limits before (penal law is not retroactive)."
                ),
            )
        )
        form = QFormLayout()
        form.setSpacing(10)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("commencementDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumWidth(170)
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("In force from"), self.date_edit)
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        install = buttons.addButton(self.tr("Install"), QDialogButtonBox.ButtonRole.AcceptRole)
        install.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def date(self) -> dt.date:
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())
