"""The case editor: details, accused (proceedings and outcome), victims (with referrals),
official involvement and the narrative, one tab each.

Each accused and each victim has its own form beside the table that sums them up, so a
problem such as ``accused[2].imprisonment_months`` shows under that accused's imprisonment
field (and the accused's row turns red; the tab's title counts the problems it holds).

Keys: Ctrl+Shift+A adds an accused and Ctrl+Shift+V a victim from anywhere in the case (the
tab switches and the new person's first input takes the focus); Ctrl+Tab moves between tabs.
A new case is registered today (the app's clock) in the install's district and office; a new
accused is charged under the case's first section; a new victim is identified on the case's
registration date, with the next victim code suggested. Alt and the underlined letter of a
label go to its input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import Appeal, ArrestStatus, CaseKind, Gender, Outcome, Stage
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.core.reference import Reference
from tipdesk.services import handover, lists
from tipdesk.services.handover import Handover
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.attachments_panel import AttachmentsPanel
from tipdesk.ui.pages.records.editors.base import RecordEditor
from tipdesk.ui.pages.records.editors.forms import (
    ChildListSection,
    RecordForm,
    Segments,
    parse_path,
)
from tipdesk.ui.pages.records.editors.layout import columns, group, scroll_page
from tipdesk.ui.pages.records.editors.printing import CasePrintButton, print_button_icon
from tipdesk.ui.pages.records.editors.victim_editor import (
    ADD_REFERRAL_KEY,
    VictimForm,
    suggest_victim_code,
)
from tipdesk.ui.pages.records.handover import HandoverDialog, banner_text
from tipdesk.ui.widgets.district import DistrictField
from tipdesk.ui.widgets.fields import (
    CheckField,
    CnicField,
    CodeChecklist,
    CodeCombo,
    DateField,
    EnumCombo,
    IntField,
    ListTextField,
    NoteField,
    TextField,
    country_items,
    enum_label,
    reference_items,
)

ADD_ACCUSED_KEY = "Ctrl+Shift+A"
ADD_VICTIM_KEY = "Ctrl+Shift+V"


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseEditor", text)


def _law_short(ref: Reference, code: str) -> str:
    """A law as the case form lists it (``PTPA 2018``); its code when the rules lack it."""
    return ref.law_short(code)


class AccusedForm(RecordForm):
    record_type = Accused

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        ref = ctx.reference
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        page.addWidget(self.banner)
        person, f1 = group(self.tr("The accused"))
        court, f2 = group(self.tr("Proceedings and outcome"))
        # Placed before they are filled: each input then joins the form once.
        page.addLayout(columns(person, court))
        self.add_field(f1, "name", self.tr("&Name"), TextField())
        self.add_field(f1, "father_name", self.tr("&Father's name"), TextField())
        self.add_field(f1, "cnic", self.tr("&CNIC"), CnicField())
        self.add_field(f1, "gender", self.tr("&Gender"), EnumCombo(Gender))
        self.add_field(f1, "age", self.tr("&Age (years)"), IntField())
        self.add_field(
            f1,
            "nationality",
            self.tr("Nationality"),
            CodeCombo(country_items(ref), searchable=True, shared=True),
        )
        self.add_field(
            f1, "role", self.tr("&Role"), CodeCombo(reference_items(ref, "accused_roles"))
        )
        self.add_field(f1, "arrest_status", self.tr("Arr&est"), EnumCombo(ArrestStatus))
        self.add_field(
            f2, "section", self.tr("&Section charged"), TextField(placeholder=self.tr("e.g. 3(2)"))
        )
        self.add_field(f2, "proceeded_on", self.tr("&Proceeded against (challan) on"), DateField())
        self.add_field(f2, "outcome", self.tr("&Outcome"), EnumCombo(Outcome))
        self.add_field(f2, "judgment_on", self.tr("&Judgment date"), DateField())
        self.add_field(f2, "court", self.tr("Co&urt"), TextField())
        self.add_field(
            f2,
            "imprisonment_months",
            self.tr("&Imprisonment (months)"),
            IntField(placeholder=self.tr("months")),
        )
        self.add_field(
            f2, "fine_pkr", self.tr("Fine (P&KR)"), IntField(placeholder=self.tr("rupees"))
        )
        self.add_field(f2, "appeal", self.tr("Appea&l"), EnumCombo(Appeal))

    def summary(self, reference: Any) -> list[str]:
        role = self.editor("role").value()
        months = self.editor("imprisonment_months").state()
        return [
            self.editor("name").state() or tr("(no name)"),
            reference.label("accused_roles", role) if role else "",
            enum_label(self.editor("arrest_status").value(), ArrestStatus),
            enum_label(self.editor("outcome").value(), Outcome),
            tr("{months} months").format(months=months) if months else "",
        ]


class CaseForm(RecordForm):
    """All of a case; its parts are laid out on the editor's tabs (see :class:`CaseEditor`)."""

    record_type = Case

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.tab_of: dict[str, int] = {}
        # In this order: the fields' order is the order problems and focus go through.
        # Only the first tab is built before the case paints; the others (a quarter of the
        # form's widgets) right after, or at once when one of their inputs is needed.
        details = QWidget()
        self._add_tab(details, self.tr("Details"), "details")
        self._build_details(details)
        self._lazy_tab("accused", self.tr("Accused"), self._build_accused,
                       ["accused", "dual_role_review"])  # fmt: skip
        self._lazy_tab("victims", self.tr("Victims"), self._build_victims, ["victims"])
        self._lazy_tab("official", self.tr("Official involvement"), self._build_official,
                       ["official_involvement", "official_action"])  # fmt: skip
        self._lazy_tab("narrative", self.tr("Narrative"), self._build_narrative, ["narrative"])
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self.tab_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # --- the tabs -------------------------------------------------------------------------------
    def _build_details(self, details: QWidget) -> None:
        ref = self.ctx.reference
        page = QVBoxLayout(details)
        page.setContentsMargins(0, 12, 0, 0)
        reg, f1 = group(self.tr("Registration"))
        what, f3 = group(self.tr("Exploitation and route"))
        # The groups are placed before they are filled: each input then joins the page once
        # (placing a filled group moves every input again, see layout.columns).
        page.addLayout(columns(reg, what, stretch=(3, 2)))
        page.addStretch(1)
        self.add_field(
            f1,
            "case_number",
            self.tr("Case &number"),
            TextField(placeholder=self.tr("e.g. FIR 101/2025")),
        )
        self.add_field(f1, "kind", self.tr("Registered &as"), EnumCombo(CaseKind))
        self.add_field(f1, "registered_on", self.tr("&Registered on"), DateField())
        offence = DateField()
        # Sentences are checked against the law in force on this date (not retroactive).
        offence.line.setPlaceholderText(self.tr("registration date"))
        offence.setToolTip(
            self.tr(
                "The date of the offence (the FIR's date of occurrence): sentences are checked "
                "against the law in force on it. Empty: the registration date."
            )
        )
        self.add_field(f1, "offence_on", self.tr("Date of offenc&e"), offence)
        self.add_field(f1, "district", self.tr("&District"), DistrictField(ref))
        # The registration column is the wider one (see _build_details), so that the longest
        # office name ("FIA Anti-Human Trafficking Circle, Gujranwala") shows whole at the
        # app's size; the box's tooltip has the whole name at any size.
        self.offices = CodeCombo([], searchable=False)
        self.add_field(f1, "office", self.tr("O&ffice"), self.offices)
        laws = [(code, _law_short(ref, code)) for code in ref.laws()]
        self.add_field(f1, "law", self.tr("&Law"), CodeCombo(laws, blank=None))
        self.add_field(
            f1,
            "sections",
            self.tr("&Sections"),
            ListTextField(placeholder=self.tr("e.g. 3(1), 3(2)")),
        )
        self.add_field(f1, "investigating_officer", self.tr("&Investigating officer"), TextField())
        self.add_field(f1, "stage", self.tr("S&tage"), EnumCombo(Stage))
        self.add_field(
            f1,
            "closed_reason",
            self.tr("Reason for &closing"),
            TextField(placeholder=self.tr("Only when the case is closed")),
        )
        self.add_field(
            f3,
            "exploitation_forms",
            self.tr("Forms of e&xploitation"),
            CodeChecklist(reference_items(ref, "exploitation_forms"), rows=5),
        )
        self.add_field(
            f3, "means", self.tr("&Means of control"), CodeChecklist(reference_items(ref, "means"))
        )
        self.add_field(
            f3, "transnational", "", CheckField(self.tr("Transnational (crossed a &border)"))
        )
        self.add_field(
            f3,
            "route_countries",
            self.tr("Co&untries on the route"),
            CodeChecklist(country_items(ref), rows=5),
        )

    def _build_accused(self) -> QWidget:
        accused_page = QWidget()
        acc = QVBoxLayout(accused_page)
        acc.setContentsMargins(0, 12, 0, 0)
        section = self.add_section("accused", accused_section(self.ctx))
        section.after_add = self._on_accused_added
        acc.addWidget(section)
        review = CheckField(
            self.tr("A supervisor reviewed that a victim of this case is also recorded as accused")
        )
        self.add_field(None, "dual_role_review", self.tr("Reviewed"), review)
        self.review_box = self.fields["dual_role_review"]
        acc.addWidget(self.review_box)
        review.setEnabled(self.ctx.can(Permission.REVIEW_DUAL_ROLE))
        self.review_note = QLabel()
        self.review_note.setProperty("role", "hint")
        acc.addWidget(self.review_note)
        return accused_page

    def _build_victims(self) -> QWidget:
        victims_page = QWidget()
        vic = QVBoxLayout(victims_page)
        vic.setContentsMargins(0, 12, 0, 0)
        section = self.add_section("victims", victims_section(self.ctx))
        section.after_add = self._on_victim_added
        vic.addWidget(section)
        return victims_page

    def _on_accused_added(self, form: RecordForm) -> None:
        """A new accused is charged under the case's first section (the officer may change
        it)."""
        sections = self.editor("sections").value()
        if sections and not form.editor("section").value():
            form.editor("section").set_value(sections[0])

    def _on_victim_added(self, form: RecordForm) -> None:
        """A new victim is identified on the case's registration date (else today), and gets
        the next victim code."""
        registered = self.editor("registered_on").value()
        if registered is not None:
            form.editor("identified_on").set_value(registered)
        others = [f.editor("victim_code").value() for f in self.sections["victims"].forms]
        suggest_victim_code(self.ctx, form, [c for c in others if c])

    def _build_official(self) -> QWidget:
        official = QWidget()
        off = QVBoxLayout(official)
        off.setContentsMargins(0, 12, 0, 0)
        box, f4 = group(self.tr("Official involvement"))
        hint = QLabel(
            self.tr(
                "Record whether a public official is alleged to be involved and the action taken "
                "against them. A decided or closed case with an official involved needs the action."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        f4.addRow(hint)
        self.add_field(
            f4,
            "official_involvement",
            "",
            CheckField(self.tr("A public &official is alleged to be involved")),
        )
        self.add_field(f4, "official_action", self.tr("Action &taken"), NoteField(lines=4))
        off.addWidget(box)
        off.addStretch(1)
        return official

    def _build_narrative(self) -> QWidget:
        story = QWidget()
        sto = QVBoxLayout(story)
        sto.setContentsMargins(0, 12, 0, 0)
        box2, f5 = group(self.tr("Narrative"))
        self.add_field(f5, "narrative", self.tr("What &happened"), NoteField(lines=14))
        sto.addWidget(box2)
        sto.addStretch(1)
        return story

    def _add_tab(self, widget: QWidget, title: str, key: str) -> None:
        self.tab_of[key] = self.tabs.addTab(scroll_page(widget), title)

    def _lazy_tab(
        self, key: str, title: str, build: Callable[[], QWidget], names: list[str]
    ) -> None:
        """A tab whose inputs ``names`` are built later (see :meth:`RecordForm.add_part`)."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.tab_of[key] = self.tabs.addTab(holder, title)
        self.add_part(key, names, lambda: box.addWidget(scroll_page(build())))

    def _on_tab_shown(self, index: int) -> None:
        for key, i in self.tab_of.items():
            if i == index:
                self.build_part(key)

    def after_part(self, key: str) -> None:
        if key == "accused":
            self._show_review()

    def set_offices(self, offices: list[tuple[str, str, str]]) -> None:
        self.offices.set_items([(code, name) for code, name, _district in offices])

    def after_load(self) -> None:
        if "dual_role_review" in self.fields:  # the Accused tab is built
            self._show_review()
        if self.offices.findData(self.record.office) < 0 and self.record.office:
            self.offices.set_value(self.record.office)

    def _show_review(self) -> None:
        reviewer = str(self.record.dual_role_reviewed_by)
        review: CheckField = self.editor("dual_role_review")
        review.set_value(bool(reviewer))
        self.review_note.setText(
            self.tr("Reviewed by {user}.").format(user=reviewer) if reviewer else ""
        )
        self.review_note.setVisible(bool(reviewer))

    def before_build(self, record: Any) -> None:
        if self.editor("dual_role_review").value():
            # The service records the signed-in supervisor's name.
            record.dual_role_reviewed_by = (
                self.record.dual_role_reviewed_by or self.ctx.identity.user
            )
        else:
            record.dual_role_reviewed_by = ""

    def tab_key(self, segments: Segments) -> str:
        if not segments:
            return "details"
        name = segments[0][0]
        if name in ("accused", "dual_role_review", "dual_role_reviewed_by"):
            return "accused"
        if name == "victims":
            return "victims"
        if name.startswith("official"):
            return "official"
        if name == "narrative":
            return "narrative"
        return "details"


def accused_section(ctx: RecordsContext) -> ChildListSection:
    ref = ctx.reference

    def item_label(i: int, form: Any) -> str:
        name = form.editor("name").value()
        base = tr("Accused {n}").format(n=i + 1)
        return f"{base} ({name})" if name else base

    return ChildListSection(
        tr("Accused"),
        [tr("Name"), tr("Role"), tr("Arrest"), tr("Outcome"), tr("Imprisonment")],
        lambda form: form.summary(ref),
        lambda parent: AccusedForm(ctx, parent),
        Accused,
        add_text=tr("Add an accused"),
        remove_text=tr("Remove accused"),
        empty_text=tr(
            "No accused recorded yet. Use “Add an accused” (Ctrl+Shift+A) for each suspect."
        ),
        item_label=item_label,
        shortcut=ADD_ACCUSED_KEY,
        confirm_remove=_ask(
            tr("Remove accused"),
            tr("Remove this accused from the case? The record is deleted when you save."),
        ),
    )


def victims_section(ctx: RecordsContext) -> ChildListSection:
    district = ctx.identity.install.district

    def item_label(i: int, form: Any) -> str:
        code = form.editor("victim_code").value()
        base = tr("Victim {n}").format(n=i + 1)
        return f"{base} ({code})" if code else base

    return ChildListSection(
        tr("Victims"),
        [tr("Victim code"), tr("Gender"), tr("Age"), tr("Referrals")],
        lambda form: form.summary(),
        lambda parent: VictimForm(ctx, parent),
        lambda: Victim(district=district),
        add_text=tr("Add a victim"),
        remove_text=tr("Remove victim"),
        empty_text=tr("No victim recorded in this case yet. “Add a victim” (Ctrl+Shift+V)."),
        item_label=item_label,
        shortcut=ADD_VICTIM_KEY,
        confirm_remove=_ask(
            tr("Remove victim"),
            tr("Remove this victim from the case? The record is deleted when you save."),
        ),
    )


def _ask(title: str, question: str) -> Callable[[Any], bool]:
    """A confirmation before a child record is removed: Yes removes it."""

    def ask(_record: Any) -> bool:
        answer = QMessageBox.question(None, title, question)
        return answer == QMessageBox.StandardButton.Yes

    return ask


class CaseEditor(RecordEditor):
    kind = "case"

    def build_body(self, body: QWidget) -> None:
        self.place_form(body, CaseForm(self.ctx, body), scroll=False)  # each tab scrolls on its own
        # The case's files: not a part of the form (they are saved as they are attached). The
        # tab is built when first shown (it would cost a fifth of the first paint) and its
        # list loads then.
        tabs = self.case_form.tabs
        holder = QWidget()
        self._files_box = QVBoxLayout(holder)
        self._files_box.setContentsMargins(0, 0, 0, 0)
        self._files_panel: AttachmentsPanel | None = None
        self._files_case: Case | None = None
        self.files_tab = tabs.addTab(holder, self.tr("Files"))
        tabs.currentChanged.connect(self._on_tab_changed)
        self.ctx.runner.submit(lists.offices, self.guard(self._on_offices), lambda _exc: None)
        if self.ctx.can(Permission.EDIT):
            # The sections are built with their tabs: the keys ask for them when pressed.
            self._shortcut(ADD_ACCUSED_KEY, lambda: self.case_form.sections["accused"].add())
            self._shortcut(ADD_VICTIM_KEY, lambda: self.case_form.sections["victims"].add())
            self._shortcut(ADD_REFERRAL_KEY, self.add_referral)

    def part_built(self, names: list[str]) -> None:
        editable = self.ctx.can(Permission.EDIT)
        for name in names:
            section = self.case_form.sections.get(name)
            if section is not None:
                section.set_editable(editable)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        key = QShortcut(QKeySequence(keys), self)
        key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        key.activated.connect(slot)

    def add_referral(self) -> None:
        """Ctrl+Shift+R: a referral for the victim shown on the Victims tab."""
        victims = self.case_form.sections["victims"]
        row = victims.current_row()
        if 0 <= row < len(victims.forms):
            victims.forms[row].sections["referrals"].add()

    def _on_offices(self, offices: list[tuple[str, str, str]]) -> None:
        self.case_form.set_offices(offices)

    @property
    def case_form(self) -> CaseForm:
        form = self.form
        assert isinstance(form, CaseForm)
        return form

    def new_record(self) -> Any:
        install = self.ctx.identity.install
        today = self.ctx.clock.now().date()
        return Case(district=install.district, office=install.office, registered_on=today)

    def title(self) -> str:
        number = str(self.form.record.case_number) if self._loaded else ""
        if number:
            return self.tr("Case {number}").format(number=number)
        return self.tr("New case") if not self.record_id else self.tr("Case")

    def head_actions(self) -> list[QWidget]:
        self.print_button = print_button_icon(CasePrintButton(self))
        self.handover_button = QPushButton(self.tr("Hand over…"))
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.setToolTip(self.tr("Hand this case over to another district"))
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_button.setVisible(False)
        return [self.handover_button, self.print_button]

    def after_load(self) -> None:
        self.print_button.setEnabled(bool(self.record_id))
        record = self.form.record
        if self.record_id and isinstance(record, Case):
            self._files_case = record
            if self._files_panel is not None:
                self._files_panel.set_case(record)
        self.handover_button.setVisible(False)
        if self.record_id and not self.ctx.identity.install.district:
            # HQ moves any case itself.
            self.handover_button.setVisible(self.ctx.can(Permission.HANDOVER))
        elif self.record_id:
            self.ctx.runner.submit(
                partial(handover.of_case, case_id=self.record_id),
                self.guard(self.show_handover),
                lambda _exc: None,
            )

    def show_handover(self, found: Handover | None) -> None:
        """A case this district handed over is read-only, with a banner saying to whom,
        when and why; else supervisors and admins may hand over one of this district's."""
        if found is not None:
            self.owner_banner.set_message("warning", banner_text(found))
            self.handover_button.setVisible(False)
            self.make_read_only()
            return
        own = self.ctx.identity.install.district
        self.handover_button.setVisible(
            self.ctx.can(Permission.HANDOVER)
            and not self.read_only
            and str(self.form.record.owner) == own
        )

    def hand_over(self) -> None:
        if self.has_unsaved_changes():
            QMessageBox.information(
                self,
                self.tr("Hand over"),
                self.tr("Save or discard the changes first: the case is handed over as saved."),
            )
            return
        owner = str(self.form.record.owner)
        dialog = HandoverDialog(self.ctx, self.record_id or "", self.title(), self, owner)
        if not dialog.exec() or dialog.done_handover is None:
            return
        if self.ctx.identity.install.district:
            self.show_handover(dialog.done_handover)
        else:
            self.reload()  # HQ: the case has a new owner and version

    @property
    def files_panel(self) -> AttachmentsPanel:
        """The Files tab's panel, built on first use."""
        if self._files_panel is None:
            holder = self._files_box.parentWidget()
            self._files_panel = AttachmentsPanel(self.ctx, holder)
            self._files_panel.set_changeable(not self.read_only)
            self._files_box.addWidget(self._files_panel)
            if self._files_case is not None:
                self._files_panel.set_case(self._files_case)
        return self._files_panel

    def make_read_only(self) -> None:
        super().make_read_only()
        if self._files_panel is not None:
            self._files_panel.set_changeable(False)

    def _on_tab_changed(self, index: int) -> None:
        if index == self.files_tab:
            self.files_panel.shown()

    def show_files(self) -> AttachmentsPanel:
        """Switch to the Files tab (its list loads the first time)."""
        self.case_form.tabs.setCurrentIndex(self.files_tab)
        self.files_panel.shown()
        return self.files_panel

    def section_of(self, segments: Segments) -> str:
        form = self.case_form
        return form.tab_titles[form.tab_of[form.tab_key(segments)]]

    def after_problems(self) -> None:
        form = self.case_form
        counts = Counter(form.tab_key(parse_path(p.field)) for p in self.last_problems)
        for key, index in form.tab_of.items():
            title = form.tab_titles[index]
            n = counts.get(key, 0)
            form.tabs.setTabText(index, f"{title} ({n})" if n else title)

    def lock(self) -> None:
        victims = self.case_form.sections.get("victims")  # None: the tab is not built yet
        for victim_form in victims.forms if victims is not None else []:
            assert isinstance(victim_form, VictimForm)
            victim_form.mask_again()
