"""The register import wizard: pick a spreadsheet, see how its columns were read, fix or skip
problems, confirm.

Pages: (1) the file (XLSX or CSV; a CSV names its sheet) and "Check the file", which runs
:func:`tipdesk.services.register.plan_import` on the store's thread behind a progress dialog;
(2) the column mapping of every sheet, where a header TIPDesk did not recognise can be given
the register column it holds (a column map, as ``--map-column`` on the command line), the
departments named without their province and how they were resolved, and the offices the file
names that this install does not know (mapping a header or an office re-checks the file);
(3) every problem, the valid rows only being imported when there are errors (the box can be
unticked, to import nothing); (4) what will be created, updated or left unchanged, and
Confirm, which runs :func:`~tipdesk.services.register.commit_import` behind a progress
dialog and shows the result. Nothing is saved before Confirm. The services are imported
here, so screens import this module only when the wizard is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tipdesk.core.errors import KnownError
from tipdesk.services.register import (
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    ImportResult,
    commit_import,
    plan_import,
)
from tipdesk.services.register.columns import IGNORE, sheet_spec
from tipdesk.services.session import Session
from tipdesk.store.store import OfficeRow
from tipdesk.ui.context import AppContext
from tipdesk.ui.errors import message_text
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.runner import Progress
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import button, label
from tipdesk.ui.widgets.text_table import TextTableModel

SHEETS = ("Cases", "Accused", "Victims", "Training", "Campaigns")


# --- work for the store's thread (the services report progress by phase; Cancel stops them) ---
def _check(
    session: Session, progress: Progress, *, path: Path, options: ImportOptions
) -> ImportPlan:
    return plan_import(
        session,
        path,
        options,
        progress=lambda _phase, done, total: progress.update(done, total),
        cancelled=lambda: progress.cancelled,
    )


def _commit(
    session: Session, progress: Progress, *, plan: ImportPlan, valid_only: bool
) -> ImportResult:
    return commit_import(
        session,
        plan,
        valid_only=valid_only,
        progress=lambda _phase, done, total: progress.update(done, total),
        cancelled=lambda: progress.cancelled,
    )


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _clear(form: QFormLayout) -> None:
    """Empty ``form``. Its widgets are deleted later, never at once: the page is rebuilt when
    one of its own combo boxes changes (the file is checked again), and deleting the combo box
    inside its own signal would crash."""
    while form.rowCount():
        row = form.takeRow(0)
        for item in (row.labelItem, row.fieldItem):
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()


class FilePage(QWizardPage):
    """Page 1: the file, the CSV's sheet, and checking it."""

    def __init__(self, wizard: RegisterImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the register"))
        self.setSubTitle(
            self.tr(
                "An XLSX workbook made from the register template, or a CSV file holding one "
                "sheet. Nothing is saved until you confirm on the last page."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("registerPath")
        self.path_edit.setPlaceholderText(self.tr("register.xlsx or cases.csv"))
        self.path_edit.textChanged.connect(self._changed)
        self.browse_button = button(self.tr("Browse…"))
        self.browse_button.setObjectName("registerBrowse")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        form = QFormLayout()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("registerSheet")
        names = {
            "Cases": self.tr("Cases"),
            "Accused": self.tr("Accused"),
            "Victims": self.tr("Victims"),
            "Training": self.tr("Training"),
            "Campaigns": self.tr("Campaigns"),
        }
        for sheet in SHEETS:
            self.sheet_combo.addItem(names[sheet], sheet)
        self.sheet_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("The CSV file holds the sheet"), self.sheet_combo)
        layout.addLayout(form)
        self.check_button = button(self.tr("Check the file"), primary=True)
        self.check_button.setObjectName("registerCheck")
        self.check_button.clicked.connect(self.check)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = label("", "hint", wrap=True)
        self.status.setObjectName("registerStatus")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._changed()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def is_csv(self) -> bool:
        path = self.path()
        return path is not None and path.suffix.lower() in (".csv", ".txt", ".tsv")

    def browse(self) -> None:
        chosen = files.ask_open_file(
            self,
            self.tr("Choose a register"),
            Path.home(),
            self.tr("Registers (*.xlsx *.csv);;All files (*)"),
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def _changed(self) -> None:
        self.sheet_combo.setEnabled(self.is_csv())
        self.check_button.setEnabled(self.path() is not None)
        self.wiz.plan = None
        self.wiz.office_map = {}
        self.wiz.column_map = {}
        self.status.setText("")
        self.completeChanged.emit()

    def check(self) -> None:
        self.wiz.replan()

    def isComplete(self) -> bool:
        return self.wiz.plan is not None


class MappingPage(QWizardPage):
    """Page 2: the column mapping of each sheet, and the unknown offices."""

    def __init__(self, wizard: RegisterImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("How the columns were read"))
        self.setSubTitle(
            self.tr(
                "Columns are matched by their header (the register's names and the headers "
                "offices use), in any order; give the others a column below, or leave them "
                "ignored."
            )
        )
        layout = QVBoxLayout(self)
        self.model = TextTableModel(
            [self.tr("Sheet"), self.tr("Column found"), self.tr("Register field"), self.tr("Use")],
            self,
        )
        self.table = _table(self.model, "registerMapping")
        layout.addWidget(self.table, 1)
        self.headers_title = label(self.tr("Headers TIPDesk did not recognise"), "section")
        layout.addWidget(self.headers_title)
        self.headers_hint = label(
            self.tr(
                "Say which register column each holds, or leave it ignored; the file is "
                "checked again."
            ),
            "hint",
            wrap=True,
        )
        layout.addWidget(self.headers_hint)
        self.headers_box = QWidget()
        self.headers_form = QFormLayout(self.headers_box)
        layout.addWidget(self.headers_box)
        self.header_combos: dict[str, QComboBox] = {}
        self.resolved = label("", "hint", wrap=True)
        self.resolved.setObjectName("registerResolved")
        layout.addWidget(self.resolved)
        self.offices_title = label(self.tr("Offices this install does not know"), "section")
        layout.addWidget(self.offices_title)
        self.offices_hint = label(
            self.tr("Map each to one of this install's offices, or add the office in Settings."),
            "hint",
            wrap=True,
        )
        layout.addWidget(self.offices_hint)
        self.offices_box = QWidget()
        self.offices_form = QFormLayout(self.offices_box)
        layout.addWidget(self.offices_box)
        self.office_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        plan = self.wiz.plan
        rows: list[tuple[str, ...]] = []
        if plan is not None:
            for m in plan.sheets:
                rows += [(m.sheet, h, c, self.tr("read")) for h, c in m.columns]
                rows += [(m.sheet, h, "", self.tr("ignored")) for h in m.ignored]
                rows += [(m.sheet, h, "", self.tr("not a column")) for h in m.silent]
                rows += [(m.sheet, "", c, self.tr("missing")) for c in m.missing]
        self.model.set_rows(rows)
        self._header_rows(plan)
        resolved = plan.resolutions if plan is not None else []
        self.resolved.setText(
            self.tr("Departments named without their province, taken as the district's:")
            + "\n"
            + "\n".join(
                self.tr("“{written}” in {province} → {name} ({rows} rows)").format(
                    written=r.written, province=r.province, name=r.name, rows=r.rows
                )
                for r in resolved
            )
            if resolved
            else ""
        )
        self.resolved.setVisible(bool(resolved))
        _clear(self.offices_form)
        self.office_combos = {}
        unknown = {o.name: o for o in plan.unknown_offices} if plan is not None else {}
        names = sorted(set(unknown) | set(self.wiz.office_map))
        for name in names:
            combo = QComboBox()
            combo.setObjectName("officeMap")
            combo.addItem(self.tr("(not mapped: its rows are not imported)"), "")
            for office in self.wiz.offices:
                combo.addItem(f"{office.name} ({office.code})", office.code)
            found = combo.findData(self.wiz.office_map.get(name, ""))
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._mapped(n, c))
            rows_text = (
                self.tr("{name} ({rows} rows)").format(name=name, rows=unknown[name].rows)
                if name in unknown
                else name
            )
            self.offices_form.addRow(rows_text, combo)
            self.office_combos[name] = combo
        for widget in (self.offices_title, self.offices_hint, self.offices_box):
            widget.setVisible(bool(names))

    def _header_rows(self, plan: ImportPlan | None) -> None:
        """One choice per header no column took (and per header the user mapped), listing
        the columns of its sheet."""
        _clear(self.headers_form)
        self.header_combos = {}
        choices: dict[str, list[str]] = {}  # header -> the columns of its sheet
        for m in plan.sheets if plan is not None else []:
            spec = sheet_spec(m.target)
            columns = [c.name for c in spec.columns] if spec is not None else []
            mapped = [h for h, _c in m.columns if h in self.wiz.column_map]
            for header in [*m.ignored, *mapped]:
                choices.setdefault(header, columns)
        for header, columns in choices.items():
            combo = QComboBox()
            combo.setObjectName("columnMap")
            combo.addItem(self.tr("(ignored)"), IGNORE)
            for column in columns:
                combo.addItem(column, column)
            found = combo.findData(self.wiz.column_map.get(header, IGNORE))
            combo.setCurrentIndex(max(found, 0))
            combo.currentIndexChanged.connect(
                lambda _i, h=header, c=combo: self._column_mapped(h, c)
            )
            self.headers_form.addRow(header, combo)
            self.header_combos[header] = combo
        for widget in (self.headers_title, self.headers_hint, self.headers_box):
            widget.setVisible(bool(choices))

    def isComplete(self) -> bool:
        return self.wiz.plan is not None

    def _column_mapped(self, header: str, combo: QComboBox) -> None:
        column = str(combo.currentData() or IGNORE)
        column_map = dict(self.wiz.column_map)
        if column == IGNORE:
            column_map.pop(header, None)
        else:
            column_map[header] = column
        self.wiz.column_map = column_map
        self.wiz.replan(on_done=self.refresh)

    def _mapped(self, name: str, combo: QComboBox) -> None:
        code = str(combo.currentData() or "")
        office_map = dict(self.wiz.office_map)
        if code:
            office_map[name] = code
        else:
            office_map.pop(name, None)
        self.wiz.office_map = office_map
        self.wiz.replan(on_done=self.refresh)


class ProblemsPage(QWizardPage):
    """Page 3: every problem, and the choice to import the valid rows only."""

    def __init__(self, wizard: RegisterImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Problems in the register"))
        layout = QVBoxLayout(self)
        self.counts = label("", None, wrap=True)
        self.counts.setObjectName("problemCounts")
        layout.addWidget(self.counts)
        self.model = TextTableModel(
            [
                self.tr("Severity"),
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Column"),
                self.tr("Value"),
                self.tr("Expected"),
            ],
            self,
        )
        self.table = _table(self.model, "registerProblems")
        layout.addWidget(self.table, 1)
        self.valid_only = QCheckBox(self.tr("Import only the valid rows"))
        self.valid_only.setObjectName("validOnly")
        self.valid_only.toggled.connect(self.completeChanged)
        layout.addWidget(self.valid_only)

    def initializePage(self) -> None:
        plan = self.wiz.plan
        assert plan is not None
        severity = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        self.model.set_rows(
            [
                (
                    severity.get(p.severity, p.severity),
                    p.sheet,
                    "" if p.row is None else str(p.row),
                    p.column,
                    p.value,
                    message_text(p.template, p.args) if p.template else p.expected,
                )
                for p in plan.problems
            ]
        )
        errors, warnings = len(plan.errors), len(plan.warnings)
        if not plan.problems:
            text = self.tr("No problems: all {rows} rows can be imported.").format(
                rows=plan.rows_total
            )
        else:
            text = self.tr(
                "{errors} errors and {warnings} warnings. {valid} of {rows} rows can be imported."
            ).format(errors=errors, warnings=warnings, valid=plan.rows_valid, rows=plan.rows_total)
            if errors:
                text += " " + self.tr(
                    "Rows with errors are left out and the others imported; untick the box to "
                    "import nothing until the register is corrected."
                )
        self.counts.setText(text)
        self.valid_only.setEnabled(bool(plan.problems))
        # One bad row never refuses the whole register: the valid rows are offered at once.
        self.valid_only.setChecked(bool(plan.errors))

    def isComplete(self) -> bool:
        plan = self.wiz.plan
        return plan is not None and (plan.ok or self.valid_only.isChecked())


class SummaryPage(QWizardPage):
    """Page 4: what the import will do; Confirm saves it and shows the result."""

    def __init__(self, wizard: RegisterImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Confirm the import"))
        layout = QVBoxLayout(self)
        self.model = TextTableModel(
            [self.tr("Record"), self.tr("New"), self.tr("Updated"), self.tr("Unchanged")], self
        )
        self.table = _table(self.model, "registerSummary")
        layout.addWidget(self.table, 1)
        self.note = label("", "hint", wrap=True)
        layout.addWidget(self.note)
        self.confirm_button = button(self.tr("Confirm and import"), primary=True)
        self.confirm_button.setObjectName("registerConfirm")
        self.confirm_button.clicked.connect(self.wiz.commit)
        layout.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result_label = label("", None, wrap=True)
        self.result_label.setObjectName("registerResult")
        layout.addWidget(self.result_label)

    def initializePage(self) -> None:
        plan = self.wiz.plan
        assert plan is not None
        kinds = {
            "case": self.tr("Cases"),
            "accused": self.tr("Accused"),
            "victim": self.tr("Victims"),
            "referral": self.tr("Referrals"),
            "training": self.tr("Training sessions"),
            "campaign": self.tr("Campaigns"),
        }
        self.model.set_rows(
            [
                (
                    kinds.get(kind, kind),
                    str(c.get("create", 0)),
                    str(c.get("update", 0)),
                    str(c.get("unchanged", 0)),
                )
                for kind, c in plan.counts().items()
            ]
        )
        skipped = plan.rows_total - plan.rows_valid
        self.note.setText(
            self.tr("{skipped} rows with errors will be left out.").format(skipped=skipped)
            if skipped and self.wiz.valid_only()
            else self.tr("Every row of the register will be imported.")
        )
        self.confirm_button.setEnabled(self.wiz.import_result is None)

    def show_result(self, result: ImportResult) -> None:
        saved = sum(c.get("create", 0) + c.get("update", 0) for c in result.counts.values())
        self.result_label.setText(
            self.tr("Imported: {saved} records saved, {skipped} rows left out.").format(
                saved=saved, skipped=result.skipped_rows
            )
        )
        self.confirm_button.setEnabled(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.import_result is not None


class RegisterImportWizard(QWizard):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerImportWizard")
        self.setWindowTitle(self.tr("Import a register"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.resize(860, 560)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.office_map: dict[str, str] = {}
        self.column_map: dict[str, str] = {}
        self.offices: list[OfficeRow] = []
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.problems_page = ProblemsPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.problems_page, self.summary_page):
            self.addPage(page)
        ctx.runner.submit(lambda session: session.store.offices(), self._set_offices, ctx.report)

    def _set_offices(self, offices: list[OfficeRow]) -> None:
        self.offices = list(offices)

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        self.file_page.completeChanged.emit()
        self.mapping_page.completeChanged.emit()

    def valid_only(self) -> bool:
        return self.problems_page.valid_only.isChecked()

    def replan(self, on_done: Callable[[], None] | None = None) -> None:
        """Check the file again (with the office and column maps) behind a progress dialog."""
        path = self.file_page.path()
        if path is None:
            return
        sheet = self.file_page.sheet_combo.currentData() if self.file_page.is_csv() else None
        options = ImportOptions(
            sheet=sheet, office_map=dict(self.office_map), column_map=dict(self.column_map)
        )

        def done(plan: ImportPlan) -> None:
            self.set_plan(plan)
            self.file_page.status.setText(
                self.tr("{rows} rows read from {file}; {errors} errors. Press Next.").format(
                    rows=plan.rows_total, file=path.name, errors=len(plan.errors)
                )
            )
            if on_done is not None:
                on_done()

        self.set_plan(None)
        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Checking the register"),
            self.tr("Reading and checking every row…"),
            partial(_check, path=path, options=options),
            done,
            self._failed,
            on_cancelled=self._cancelled,
        )

    def commit(self) -> None:
        plan = self.plan
        if plan is None or self.import_result is not None:
            return
        valid_only = self.valid_only()

        def done(result: ImportResult) -> None:
            self.import_result = result
            self.summary_page.show_result(result)

        self.summary_page.confirm_button.setEnabled(False)
        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("Importing the register"),
            self.tr("Saving the records…"),
            partial(_commit, plan=plan, valid_only=valid_only),
            done,
            self._failed,
            on_cancelled=self._cancelled,
        )

    def _message(self, text: str) -> None:
        page = self.currentPage()
        if page is self.summary_page:
            self.summary_page.result_label.setText(text)
            self.summary_page.confirm_button.setEnabled(self.import_result is None)
        else:
            self.file_page.status.setText(text)

    def _cancelled(self) -> None:
        self._message(self.tr("Cancelled; nothing was imported."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            self._cancelled()
        elif isinstance(exc, KnownError):
            self._message(str(exc))
        else:
            self.ctx.report(exc)
