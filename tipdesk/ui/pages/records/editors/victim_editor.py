"""The victim form (used on its own and inside the case editor), its referrals, and the
victim editor.

Identity: a stored victim's name, father's name, CNIC, phone and address arrive masked
(``••••••``) and stay read-only until revealed. "Reveal identity…" is enabled only for roles
with the ``reveal_identity`` permission; it asks for a reason, calls
:func:`tipdesk.services.records.reveal_victim` (which writes the audit entry) and shows the
values. Saving with the mask still in place keeps the stored values (the service puts them
back). Revealing does not count as an unsaved change, and locking the app masks the revealed
values again (values the officer typed are kept).

A new victim gets the next victim code of the install's district and the year
(:func:`tipdesk.services.entry.next_victim_code`: ``V-PB-LHR-2026-0001``), which the officer
may change. The victim editor names the case the victim belongs to, with a button that opens
it (Ctrl+Shift+O), and Ctrl+Shift+R adds a referral.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from tipdesk.core.codes import Gender, ReferralOutcome
from tipdesk.core.errors import KnownError
from tipdesk.core.masking import MASK, is_masked
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Referral, Victim
from tipdesk.services import entry
from tipdesk.services import records as record_service
from tipdesk.ui.errors import said_text
from tipdesk.ui.language import code_name
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.dialogs import ReasonDialog
from tipdesk.ui.pages.records.editors.forms import ChildListSection, RecordForm
from tipdesk.ui.pages.records.editors.layout import columns, group, stack
from tipdesk.ui.pages.records.editors.printing import LetterButton, print_button_icon
from tipdesk.ui.widgets.district import DistrictField
from tipdesk.ui.widgets.fields import (
    CheckField,
    CnicField,
    CodeChecklist,
    CodeCombo,
    DateField,
    EnumCombo,
    IntField,
    NoteField,
    TextField,
    country_items,
    enum_label,
    reference_items,
)

translate = QCoreApplication.translate


class ReferralForm(RecordForm):
    record_type = Referral

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ref = ctx.reference
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        box, form = group(self.tr("Referral"))
        self.add_field(
            form,
            "service",
            self.tr("Ser&vice"),
            CodeCombo(reference_items(ref, "referral_services")),
        )
        self.add_field(
            form,
            "provider",
            self.tr("Provider"),
            TextField(placeholder=self.tr("e.g. Dar-ul-Aman Lahore")),
        )
        self.add_field(form, "referred_on", self.tr("Referred on"), DateField())
        self.add_field(form, "outcome", self.tr("O&utcome"), EnumCombo(ReferralOutcome))
        self.add_field(form, "outcome_on", self.tr("Outcome date"), DateField())
        self.add_field(form, "notes", self.tr("Notes"), NoteField(lines=2))
        layout.addWidget(box)

    def summary(self, reference: Any) -> list[str]:
        service = self.editor("service").value()
        return [
            code_name(reference.label("referral_services", service)) if service else "",
            self.editor("referred_on").state(),
            enum_label(self.editor("outcome").value(), ReferralOutcome),
        ]


ADD_REFERRAL_KEY = "Ctrl+Shift+R"
OPEN_CASE_KEY = "Ctrl+Shift+O"


def referral_section(ctx: RecordsContext) -> ChildListSection:
    ref = ctx.reference

    def item_label(i: int, form: Any) -> str:
        service = form.editor("service").value()
        name = code_name(ref.label("referral_services", service)) if service else ""
        base = translate("VictimForm", "Referral {n}").format(n=i + 1)
        return f"{base} ({name})" if name else base

    return ChildListSection(
        translate("VictimForm", "Referrals"),
        [
            translate("VictimForm", "Service"),
            translate("VictimForm", "Referred on"),
            translate("VictimForm", "Outcome"),
        ],
        lambda form: form.summary(ref),
        lambda parent: ReferralForm(ctx, parent),
        Referral,
        add_text=translate("VictimForm", "Add a referral"),
        remove_text=translate("VictimForm", "Remove referral"),
        empty_text=QCoreApplication.translate(
            "VictimForm",
            "No referral recorded. Use “Add a referral” (Ctrl+Shift+R) for shelter, medical "
            "care, legal aid and other services.",
        ),
        item_label=item_label,
        shortcut=ADD_REFERRAL_KEY,
    )


def suggest_victim_code(ctx: RecordsContext, form: RecordForm, taken: list[str]) -> None:
    """Fill ``form``'s empty victim code with the next free code of its district (the
    install's when blank) and the year it was identified (else this year); ``taken`` are the
    codes of other victims on screen."""
    code_field = form.editor("victim_code")
    if code_field.value():
        return
    district = form.editor("district").value() or ctx.identity.install.district
    identified = form.editor("identified_on").value()
    year = identified.year if identified is not None else ctx.clock.now().year

    def fill(code: str) -> None:
        if isValid(code_field) and not code_field.value():
            code_field.set_value(code)
            form.sig_edited.emit()

    ctx.runner.submit(
        partial(entry.next_victim_code, district=district, year=year, taken=taken),
        fill,
        lambda _exc: None,  # only a suggestion: the officer types a code instead
    )


class VictimForm(RecordForm):
    """A victim with identity (masked until revealed), identification and referrals."""

    record_type = Victim

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._revealed: dict[str, str] = {}
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        page.addWidget(self.banner)
        # The groups are placed before they are filled: each input then joins the form once
        # (placing a filled group moves and restyles every input again).
        ident, f1 = group(self.tr("Identification"))
        person, f2 = group(self.tr("The person"))
        identity, f3 = group(self.tr("Identity (protected)"))
        identity.setObjectName("identityGroup")
        care, f4 = group(self.tr("Exploitation and protection"))
        page.addLayout(columns(stack(ident, person), stack(identity, care)))
        refs, f5 = group(self.tr("Referrals to services"))
        page.addWidget(refs)
        page.addStretch(1)
        # In this order: the fields' order is the order problems and focus go through.
        self._build_identification(f1)
        self._build_person(f2)
        self._build_identity(f3)
        self._build_care(f4)
        section = self.add_section("referrals", referral_section(ctx))
        f5.addRow(section)

    # --- the groups -----------------------------------------------------------------------------
    def _build_identification(self, f1: QFormLayout) -> None:
        ref = self.ctx.reference
        self.add_field(
            f1,
            "victim_code",
            self.tr("Victim c&ode"),
            TextField(
                placeholder=self.tr("e.g. {code}").format(
                    code=entry.victim_code_prefix(
                        self.ctx.identity.install.district or "PB-LHR", self.ctx.clock.now().year
                    )
                    + "0001"
                )
            ),
        )
        self.add_field(f1, "identified_on", self.tr("&Identified on"), DateField())
        self.add_field(
            f1,
            "identified_by",
            self.tr("Identified b&y"),
            TextField(placeholder=self.tr("Officer or agency")),
        )
        self.add_field(f1, "district", self.tr("&District"), DistrictField(ref))
        self.add_field(
            f1,
            "indicators",
            self.tr("Indicators o&bserved"),
            CodeChecklist(reference_items(ref, "victim_indicators"), rows=5),
        )

    def _build_person(self, f2: QFormLayout) -> None:
        self.add_field(f2, "gender", self.tr("&Gender"), EnumCombo(Gender))
        self.add_field(f2, "age", self.tr("&Age (years)"), IntField())
        self.add_field(f2, "date_of_birth", self.tr("Date of bir&th"), DateField())
        self.add_field(
            f2,
            "nationality",
            self.tr("Nationality"),
            CodeCombo(country_items(self.ctx.reference), searchable=True, shared=True),
        )

    def _build_identity(self, f3: QFormLayout) -> None:
        """The identifying details, masked until revealed, and consent."""
        self.identity_hint = QLabel(
            self.tr("Hidden to protect the victim. Revealing is recorded in the audit log.")
        )
        self.identity_hint.setProperty("role", "hint")
        self.identity_hint.setWordWrap(True)
        f3.addRow(self.identity_hint)
        for name, label in (
            ("name", self.tr("&Name")),
            ("father_name", self.tr("&Father's name")),
            ("cnic", self.tr("&CNIC")),
            ("phone", self.tr("&Phone")),
            ("address", self.tr("Add&ress")),
        ):
            self.add_field(f3, name, label, CnicField() if name == "cnic" else TextField())
        self.reveal_button = QPushButton(self.tr("Reveal identity…"))
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.clicked.connect(self.ask_reveal)
        row = QHBoxLayout()
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        f3.addRow(row)
        self.add_field(
            f3,
            "consent_to_share",
            "",
            CheckField(self.tr("Consents to &sharing identifying details")),
        )

    def _build_care(self, f4: QFormLayout) -> None:
        ref = self.ctx.reference
        self.add_field(
            f4,
            "exploitation_forms",
            self.tr("Forms of e&xploitation"),
            CodeChecklist(reference_items(ref, "exploitation_forms"), rows=5),
        )
        self.add_field(
            f4,
            "protection_measures",
            self.tr("Protection &measures"),
            CodeChecklist(reference_items(ref, "protection_measures"), rows=4),
        )
        self.add_field(f4, "notes", self.tr("Not&es"), NoteField(lines=3))

    # --- identity -------------------------------------------------------------------------------
    def after_load(self) -> None:
        self._revealed = {}
        self._apply_masks()

    def _apply_masks(self) -> None:
        masked = False
        for name in Victim.IDENTIFYING:
            editor: TextField = self.editor(name)
            hidden = is_masked(editor.text())
            masked = masked or hidden
            if editor.isReadOnly() != hidden:
                editor.setReadOnly(hidden)
                # The grey of a read-only input comes from the style sheet's [readOnly]
                # rule, which Qt applies when it styles the input: style it again.
                editor.style().unpolish(editor)
                editor.style().polish(editor)
            editor.setToolTip(
                self.tr("Hidden. Use “Reveal identity…” to see or change it.") if hidden else ""
            )
        can_reveal = self.ctx.can(Permission.REVEAL_IDENTITY)
        self.reveal_button.setVisible(bool(self.record.id) and masked)
        self.reveal_button.setEnabled(can_reveal)
        self.reveal_button.setToolTip(
            "" if can_reveal else self.tr("Your role does not allow revealing identities.")
        )
        self.identity_hint.setVisible(masked)

    def ask_reveal(self) -> None:
        if not self.record.id or not self.ctx.can(Permission.REVEAL_IDENTITY):
            return
        dialog = ReasonDialog(
            self.tr("Reveal the victim's identity"),
            self.tr(
                "The name, CNIC, phone and address are protected. Say why you need to see them: "
                "the reason is written to the audit log with your name."
            ),
            self.tr("Reveal"),
            parent=self,
        )
        if dialog.exec() != ReasonDialog.DialogCode.Accepted:
            return
        self.reveal(dialog.reason())

    def reveal(self, reason: str) -> None:
        """Ask the services for the identity (audited with ``reason``) and show it."""
        victim_id = self.record.id
        self.reveal_button.setEnabled(False)
        self.ctx.runner.submit(
            partial(record_service.reveal_victim, victim_id=victim_id, reason=reason),
            lambda victim: self._on_revealed(victim) if isValid(self) else None,
            lambda exc: self._on_reveal_failed(exc) if isValid(self) else None,
        )

    def _on_revealed(self, victim: Victim) -> None:
        for name in Victim.IDENTIFYING:
            editor: TextField = self.editor(name)
            if is_masked(editor.text()):
                value = str(getattr(victim, name))
                editor.setText(value)
                self._revealed[name] = value
        self._apply_masks()
        self.identity_hint.setVisible(False)

    def _on_reveal_failed(self, exc: BaseException) -> None:
        self._apply_masks()
        if isinstance(exc, KnownError):
            self.add_record_problem(said_text(exc))
        else:
            self.ctx.report(exc)

    def mask_again(self) -> None:
        """Hide revealed values the officer has not changed (on lock)."""
        for name, value in list(self._revealed.items()):
            editor: TextField = self.editor(name)
            if editor.text() == value:
                editor.setText(MASK)
                del self._revealed[name]
        self._apply_masks()

    def state(self) -> dict[str, Any]:
        out = super().state()
        for name, value in self._revealed.items():
            if out.get(name) == value:
                out[name] = MASK  # revealing is not a change
        return out

    def summary(self) -> list[str]:
        age = self.editor("age").state()
        return [
            self.editor("victim_code").state(),
            enum_label(self.editor("gender").value(), Gender),
            age,
            str(len(self.sections["referrals"].forms)),
        ]


class VictimEditor(RecordEditor):
    kind = "victim"

    def build_body(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_case_line())
        holder = QWidget(body)
        layout.addWidget(holder, 1)
        self.place_form(holder, VictimForm(self.ctx))
        section = self.form.sections["referrals"]
        section.set_editable(self.ctx.can(Permission.EDIT))
        for keys, slot in ((ADD_REFERRAL_KEY, section.add), (OPEN_CASE_KEY, self.open_case)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _build_case_line(self) -> QHBoxLayout:
        """Which case the victim belongs to, and a button that opens it."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 6)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("victimCase")
        self.case_label.setProperty("role", "hint")
        self.open_case_button = QPushButton(self.tr("Open the case"), self)
        self.open_case_button.setObjectName("openCaseButton")
        self.open_case_button.setToolTip(self.tr("Open the victim's case (Ctrl+Shift+O)"))
        self.open_case_button.clicked.connect(self.open_case)
        self.open_case_button.setVisible(False)
        row.addWidget(self.case_label)
        row.addWidget(self.open_case_button)
        row.addStretch(1)
        return row

    def loaded(self, record: Any) -> None:
        case_id = str(getattr(record, "case_id", "") or "")
        self.open_case_button.setVisible(bool(case_id))
        if not case_id:
            self.case_label.setText(self.tr("Identified outside a case"))
            if not record.id:
                suggest_victim_code(self.ctx, self.form, [])
            return
        self.case_label.setText(self.tr("Victim of a case"))
        self.ctx.runner.submit(
            partial(entry.case_number, case_id=case_id),
            self.guard(self._on_case_number),
            lambda _exc: None,
        )

    def _on_case_number(self, number: str) -> None:
        if number:
            self.case_label.setText(self.tr("Victim of case {number}").format(number=number))

    def open_case(self) -> None:
        case_id = str(getattr(self.form.record, "case_id", "") or "")
        if case_id:
            self.ctx.events.sig_open_record.emit("case", case_id)

    def new_record(self) -> Any:
        today = self.ctx.clock.now().date()
        return Victim(district=self.ctx.identity.install.district, identified_on=today)

    def head_actions(self) -> list[QWidget]:
        self.letter_button = print_button_icon(LetterButton(self, self._services))
        return [self.letter_button]

    def after_load(self) -> None:
        self.letter_button.setEnabled(bool(self.record_id))

    def _services(self) -> list[str]:
        """The services the victim was referred to, latest first (the letter's first choice)."""
        record = self.form.record if self._loaded else None
        refs = sorted(getattr(record, "referrals", []) or [],
                      key=lambda r: r.referred_on or dt.date.min, reverse=True)  # fmt: skip
        return list(dict.fromkeys(r.service for r in refs if r.service))

    def title(self) -> str:
        code = str(self.form.record.victim_code) if self._loaded else ""
        if code:
            return self.tr("Victim {code}").format(code=code)
        return self.tr("New victim") if not self.record_id else self.tr("Victim")

    def lock(self) -> None:
        form = self.form
        assert isinstance(form, VictimForm)
        form.mask_again()
