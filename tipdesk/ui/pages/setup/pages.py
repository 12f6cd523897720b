"""The set-up wizard's pages other than the settings page, and its steps panel.

Contract: each page holds its own widgets and says when it is complete; nothing here writes
anything (the wizard, :mod:`tipdesk.ui.pages.setup.wizard`, creates the store). Page ids are
the wizard's order: :data:`INTRO`, :data:`OFFICE`, :data:`USER`, :data:`OPTIONS`,
:data:`RECOVERY`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from tipdesk.core.codes import InstallRole
from tipdesk.core.passphrase import MAX_PASSPHRASE
from tipdesk.core.reference import Reference
from tipdesk.ui.context import AppConfig
from tipdesk.ui.language import current_language
from tipdesk.ui.style import render_svg, repolish
from tipdesk.ui.widgets.common import label
from tipdesk.ui.widgets.district import DistrictCombo, OfficeCombo
from tipdesk.ui.widgets.language import LanguageChooser
from tipdesk.ui.widgets.passphrase import PassphraseFields
from tipdesk.ui.widgets.recovery_key import RecoveryKeyPanel

if TYPE_CHECKING:
    from tipdesk.ui.pages.setup.wizard import SetupWizard

INTRO, OFFICE, USER, OPTIONS, RECOVERY = range(5)


class IntroPage(QWizardPage):
    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        box = page_layout(
            self,
            self.tr("Set up TIPDesk on this computer"),
            self.tr(
                "TIPDesk keeps its records encrypted on this computer. First, "
                "say what kind of office this is."
            ),
        )
        language_row = QHBoxLayout()
        language_row.addWidget(label(self.tr("Language"), ""))
        self.language = LanguageChooser(current_language())
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        box.addLayout(language_row)
        box.addSpacing(6)
        self.district_radio = QRadioButton(self.tr("A district office"))
        self.district_radio.setObjectName("districtRadio")
        self.hq_radio = QRadioButton(self.tr("Headquarters (HQ)"))
        self.hq_radio.setObjectName("hqRadio")
        group = QButtonGroup(self)
        group.addButton(self.district_radio)
        group.addButton(self.hq_radio)
        self.district_radio.setChecked(True)
        box.addWidget(self.district_radio)
        box.addWidget(
            label(
                self.tr(
                    "An FIA circle, a police station or a provincial department "
                    "that records its own cases, victims, training and "
                    "campaigns and sends them to HQ."
                ),
                "hint",
                wrap=True,
            )
        )
        box.addSpacing(6)
        box.addWidget(self.hq_radio)
        box.addWidget(
            label(
                self.tr("Receives the districts' data and prepares the national figures."),
                "hint",
                wrap=True,
            )
        )
        box.addStretch(1)
        box.addWidget(
            label(
                self.tr("Data folder: {folder}").format(folder=config.paths.home), "hint", wrap=True
            )
        )

    def role(self) -> InstallRole:
        return InstallRole.HQ if self.hq_radio.isChecked() else InstallRole.DISTRICT

    def nextId(self) -> int:
        return USER if self.hq_radio.isChecked() else OFFICE


class OfficePage(QWizardPage):
    def __init__(self, reference: Reference) -> None:
        super().__init__()
        box = page_layout(
            self,
            self.tr("Your district and office"),
            self.tr(
                "Records you create are registered to this office. More "
                "offices can be added later under Settings."
            ),
        )
        form = QFormLayout()
        box.addLayout(form)
        form.setSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.district = DistrictCombo(reference)
        self.district.setObjectName("districtCombo")
        self.office = OfficeCombo(reference)
        self.office.setObjectName("officeCombo")
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(
            "",
            label(
                self.tr(
                    "Pick your FIA circle from the list, or type the name of "
                    "your police station or department."
                ),
                "hint",
                wrap=True,
            ),
        )
        self.district.sig_district_changed.connect(self._on_district_changed)
        self.office.editTextChanged.connect(lambda _t: self.completeChanged.emit())

    def _on_district_changed(self, code: str) -> None:
        self.office.set_district(code)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.district.district_code()) and bool(self.office.office())


class UserPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        box = page_layout(
            self,
            self.tr("The first user"),
            self.tr(
                "This user is the administrator: they can add the other users. "
                "Choose a passphrase you can remember; a few unrelated words "
                "work well."
            ),
        )
        form = QFormLayout()
        box.addLayout(form)
        form.setSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("firstUser")
        self.user_edit.setMaxLength(64)
        self.user_edit.setPlaceholderText(self.tr("e.g. ayesha.khan"))
        form.addRow(self.tr("User name"), self.user_edit)
        self.passphrase = PassphraseFields(self.user_edit.text, form=form)
        self.passphrase.passphrase_edit.setMaxLength(MAX_PASSPHRASE)
        self.user_edit.textChanged.connect(lambda _t: self.passphrase.refresh())
        self.passphrase.sig_changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        name = self.user_edit.text().strip()
        return (
            bool(name) and "<" not in name and ">" not in name and self.passphrase.is_acceptable()
        )


class RecoveryPage(QWizardPage):
    """The recovery key, shown once (:class:`~tipdesk.ui.widgets.recovery_key.RecoveryKeyPanel`:
    the same panel as after a key rotation)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        box = page_layout(
            self,
            self.tr("Your recovery key"),
            self.tr(
                "If every passphrase is forgotten, this key is the only way "
                "into the records. It is shown only now."
            ),
        )
        self.setFinalPage(True)
        self.panel = RecoveryKeyPanel(wizard.report, self)
        self.panel.sig_confirmed.connect(lambda _on: self.completeChanged.emit())
        box.addWidget(self.panel, 1)
        # What the tests and the screenshot script reach by name.
        self.key_label = self.panel.key_label
        self.save_button = self.panel.save_button
        self.print_button = self.panel.print_button
        self.notice = self.panel.notice
        self.saved = self.panel.saved
        self.confirm_check = self.panel.confirm_check

    def initializePage(self) -> None:
        w = self._wizard
        signed = w.signed
        ident = signed.identity if signed else None
        if ident is None or not ident.office_name:
            where = self.tr("headquarters")
        else:
            where = f"{ident.office_name}, {ident.district_name}"
        self.panel.set_key(w.recovery_key, where, w.config.clock.now().strftime("%Y-%m-%d"))

    def isComplete(self) -> bool:
        return self.panel.is_confirmed()

    def save_to_file(self) -> Path | None:
        return self.panel.save_to_file()

    def print_key(self) -> None:
        self.panel.print_key()


def page_layout(page: QWizardPage, title: str, subtitle: str) -> QVBoxLayout:
    """The page's own heading (the wizard draws none: the steps panel runs full height)."""
    box = QVBoxLayout(page)
    box.setContentsMargins(8, 4, 14, 0)
    box.setSpacing(10)
    heading = label(title)
    heading.setObjectName("wizardTitle")
    box.addWidget(heading)
    box.addWidget(label(subtitle, "muted", wrap=True))
    box.addSpacing(8)
    return box


class StepsPanel(QFrame):
    """The wizard's left column: the app's mark and the steps, the current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardSteps")
        self.setFixedWidth(210)
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 26, 18, 22)
        box.setSpacing(10)
        logo = label()
        logo.setPixmap(render_svg("logo-white", 44, None))
        box.addWidget(logo)
        name = label("TIPDesk")
        name.setObjectName("wizardBrand")
        box.addWidget(name)
        box.addSpacing(18)
        self.labels: dict[int, QLabel] = {}
        for page_id, text in ((INTRO, self.tr("Kind of office")),
                              (OFFICE, self.tr("District and office")),
                              (USER, self.tr("First user")),
                              (OPTIONS, self.tr("Create the store")),
                              (RECOVERY, self.tr("Recovery key"))):  # fmt: skip
            item = label(text)
            item.setProperty("step", "todo")
            item.setProperty("text_plain", text)
            self.labels[page_id] = item
            box.addWidget(item)
        box.addStretch(1)
        box.addWidget(label(self.tr("Everything stays on this computer, encrypted."), "stepsHint",
                            wrap=True))  # fmt: skip

    def show_step(self, current: int, skip: set[int]) -> None:
        order = list(self.labels)
        here = order.index(current) if current in order else 0
        for i, (page_id, item) in enumerate(self.labels.items()):
            item.setVisible(page_id not in skip)
            state = "done" if i < here else "now" if i == here else "todo"
            item.setProperty("step", state)
            item.setText(("✓  " if state == "done" else "") + str(item.property("text_plain")))
            repolish(item)
