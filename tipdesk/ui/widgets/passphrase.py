"""A new passphrase, typed twice, with a strength meter and the policy's reasons shown as the
user types (:mod:`tipdesk.core.passphrase`: pure logic, so it runs on the GUI thread).

The widget never logs or echoes the passphrase; :meth:`PassphraseFields.clear` wipes both
fields once the passphrase was used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.passphrase import passphrase_messages, strength_hint
from tipdesk.ui.errors import message_text
from tipdesk.ui.style import repolish
from tipdesk.ui.widgets.common import label

_LEVEL = {"weak": 1, "fair": 2, "strong": 3}


class PassphraseFields(QWidget):
    """Passphrase + confirmation + strength meter + reasons. :meth:`is_acceptable` says whether
    the pair may be used."""

    sig_changed = Signal()
    """The passphrase, its confirmation or the user name it is checked against changed."""

    def __init__(
        self,
        user_name: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
        *,
        form: QFormLayout | None = None,
    ) -> None:
        super().__init__(parent)
        self._user_name = user_name
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("newPassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(
            self.tr("At least 10 characters; a few words work well")
        )
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirmPassphrase")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setPlaceholderText(self.tr("Type it again"))
        self.show_check = QCheckBox(self.tr("Show"))
        pass_row = QHBoxLayout()
        pass_row.setContentsMargins(0, 0, 0, 0)
        pass_row.addWidget(self.passphrase_edit, 1)
        pass_row.addWidget(self.show_check)
        meter_box = self._build_meter()
        own = form is None
        layout = form if form is not None else QFormLayout()
        layout.addRow(self.tr("Passphrase"), _wrap(pass_row))
        layout.addRow("", _wrap(meter_box))
        layout.addRow(self.tr("Confirm passphrase"), self.confirm_edit)
        if own:
            layout.setContentsMargins(0, 0, 0, 0)
            self.setLayout(layout)

        self.passphrase_edit.textChanged.connect(self.refresh)
        self.confirm_edit.textChanged.connect(self.refresh)
        self.show_check.toggled.connect(self._on_show_toggled)
        self.refresh()

    def _build_meter(self) -> QVBoxLayout:
        """The strength meter, its word, and the problems under it."""
        self.meter = QProgressBar()
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.strength_label = label("", "hint")
        self.strength_label.setObjectName("strengthLabel")
        self.problems_label = label("", "hint", wrap=True)
        self.problems_label.setObjectName("passphraseProblems")
        meter_box = QVBoxLayout()
        meter_box.setContentsMargins(0, 0, 0, 0)
        meter_box.setSpacing(4)
        meter_row = QHBoxLayout()
        meter_row.setSpacing(10)
        # Qt's namespace is fine here: this widget is never on the first window at start-up.
        from PySide6.QtCore import Qt

        middle = Qt.AlignmentFlag.AlignVCenter
        meter_row.addWidget(self.meter, 1, middle)
        meter_row.addWidget(self.strength_label, 0, middle)
        meter_box.addLayout(meter_row)
        meter_box.addWidget(self.problems_label)
        return meter_box

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def problems(self) -> list[str]:
        text = self.passphrase()
        found = [
            message_text(m.template, m.args.items())
            for m in (passphrase_messages(text, user=self._user_name() or None) if text else [])
        ]
        if text and self.confirm_edit.text() and self.confirm_edit.text() != text:
            found.append(self.tr("The two passphrases differ."))
        return found

    def is_acceptable(self) -> bool:
        text = self.passphrase()
        return bool(text) and text == self.confirm_edit.text() and not self.problems()

    def refresh(self) -> None:
        text = self.passphrase()
        level = strength_hint(text) if text else ""
        if level == "weak" or self._user_name_problem():
            level = "weak"
        self.meter.setValue(_LEVEL.get(level, 0))
        self.meter.setProperty("strength", level or "none")
        repolish(self.meter)
        words = {
            "weak": self.tr("Too weak"),
            "fair": self.tr("Fair: a longer passphrase is stronger"),
            "strong": self.tr("Strong"),
        }
        self.strength_label.setText(words.get(level, ""))
        problems = self.problems()
        self.problems_label.setText("\n".join(f"• {p}" for p in problems))
        self.problems_label.setVisible(bool(problems))
        self.sig_changed.emit()

    def _user_name_problem(self) -> bool:
        text = self.passphrase()
        return bool(text) and bool(passphrase_messages(text, user=self._user_name() or None))

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.confirm_edit.clear()

    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)


def _wrap(layout: QHBoxLayout | QVBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
