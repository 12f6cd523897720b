"""Settings: the letterhead printouts carry (office name, address, telephone, e-mail, the
signing officer and designation). Read when the settings page refreshes; saved with
:func:`tipdesk.services.letterhead.save` (the ``manage_settings`` permission; audited)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QWidget

from tipdesk.core.errors import KnownError
from tipdesk.core.permissions import Permission
from tipdesk.services import letterhead
from tipdesk.services.letterhead import LetterheadFields
from tipdesk.services.session import Session
from tipdesk.ui.context import AppContext
from tipdesk.ui.errors import said_text
from tipdesk.ui.widgets.common import Banner, Card, button
from tipdesk.ui.widgets.fields import NoteField, TextField


def _read(session: Session) -> tuple[LetterheadFields, str]:
    """The saved fields and the office's name (what a blank office name prints)."""
    return letterhead.stored(session), letterhead.default_office_name(session)


class LetterheadCard(Card):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Letterhead"), parent)
        self.setObjectName("letterheadCard")
        self.ctx = ctx
        self.set_hint(
            self.tr("Printed at the top of case summaries, referral letters and cause lists, "
                    "with the officer who signs them.")
        )  # fmt: skip
        form = QFormLayout()
        form.setSpacing(6)
        self.edits: dict[str, TextField | NoteField] = {}
        for key, text in (
            ("office_name", self.tr("Office")),
            ("address", self.tr("Address")),
            ("phone", self.tr("Telephone")),
            ("email", self.tr("E-mail")),
            ("officer_name", self.tr("Signing officer")),
            ("officer_designation", self.tr("Designation")),
        ):
            edit: TextField | NoteField = NoteField(lines=2) if key == "address" else TextField()
            edit.setObjectName(f"letterhead_{key}")
            if isinstance(edit, TextField):
                edit.setMaxLength(letterhead.LIMITS[key])
            else:
                edit.setMaximumHeight(64)
                edit.setTabChangesFocus(True)
            self.edits[key] = edit
            form.addRow(text, edit)
        self.body.addLayout(form)
        self.message = Banner("ok")
        self.message.setObjectName("letterheadMessage")
        self.body.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = button(self.tr("Save letterhead"), "save")
        self.save_button.setObjectName("saveLetterhead")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        editable = ctx.can(Permission.MANAGE_SETTINGS)
        for widget in (*self.edits.values(), self.save_button):
            widget.setEnabled(editable)

    def refresh(self) -> None:
        self.ctx.runner.submit(_read, self._on_read, self.ctx.report)

    def _on_read(self, found: tuple[LetterheadFields, str]) -> None:
        fields, office = found
        for key, edit in self.edits.items():
            edit.set_value(getattr(fields, key))
        office_edit = self.edits["office_name"]
        if isinstance(office_edit, TextField):
            office_edit.setPlaceholderText(office)

    def fields(self) -> LetterheadFields:
        return LetterheadFields(**{key: edit.value() for key, edit in self.edits.items()})

    def save(self) -> None:
        self.message.set_message("ok", "")
        self.ctx.runner.submit(
            partial(letterhead.save, fields=self.fields()), self._on_saved, self._on_failed
        )

    def _on_saved(self, _saved: LetterheadFields) -> None:
        self.message.set_message("ok", self.tr("The letterhead was saved."))
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.message.set_message("error", said_text(exc))
        else:
            self.ctx.report(exc)
