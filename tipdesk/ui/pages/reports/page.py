"""The Reports screen (HQ and district): the national report for a period and an area, with
its breakdowns, charts and exports; plus the linked-cases and data-quality reviews.

The report comes from :func:`tipdesk.services.reports.build_report`, run on the store's thread
behind a progress dialog when "Build" is pressed; exports reuse the report on screen
(:func:`~tipdesk.services.reports.export_report`, which writes the file atomically and audits
it). Needs the ``reports`` permission; other roles see a note.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.reports import sentences
from tipdesk.reports.localize import Wording
from tipdesk.reports.model import Cell, Report, ReportParams
from tipdesk.services.reports import build_report, export_report
from tipdesk.services.session import Session
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.reports.coverage import CoveragePanel
from tipdesk.ui.pages.reports.models import (
    HeadlineModel,
    ReportTableModel,
    report_wording,
    table_text,
)
from tipdesk.ui.pages.reports.review_tabs import (
    DataQualityPanel,
    LinkedCasesPanel,
    fit_columns,
    new_table,
)
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.runner import Progress
from tipdesk.ui.widgets import charts
from tipdesk.ui.widgets.common import (
    Banner,
    Card,
    PageHeader,
    button,
    date_text,
    label,
    number,
    scroll_area,
)

translate = QCoreApplication.translate

PRESETS = ("this_year", "last_year", "last_quarter")
FORMATS = ("json", "csv", "xlsx", "pdf")
SUFFIX = {"json": ".json", "csv": ".zip", "xlsx": ".xlsx", "pdf": ".pdf"}
# The breakdown tabs, in order (keys of Report.tables; "coverage" is the report's coverage).
BREAKDOWNS = (
    "by_province",
    "by_district",
    "by_law",
    "victims_by_form_gender_age",
    "victims_by_gender_and_age_group",
    "victims_by_nationality",
    "accused_by_gender_and_outcome",
    "persons_trained_by_agency",
    "persons_trained_by_gender",
    "campaigns_by_department",
    "referrals_by_service",
    "official_involvement",
    "trend",
)


def preset_dates(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The inclusive period of a preset: this year (to today), last year, last full quarter."""
    if preset == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if preset == "last_quarter":
        first_month = (today.month - 1) // 3 * 3 + 1  # this quarter's first month
        end = dt.date(today.year, first_month, 1) - dt.timedelta(days=1)
        start = dt.date(end.year, (end.month - 1) // 3 * 3 + 1, 1)
        return start, end
    return dt.date(today.year, 1, 1), today


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# --- work for the store's thread ----------------------------------------------------------------
def _build(session: Session, progress: Progress, *, params: ReportParams) -> Report:
    return build_report(session, params, lambda done, total, _step: progress.update(done, total))


def _export(
    session: Session, progress: Progress, *, params: ReportParams, fmt: str, dest: Path,
    report: Report, wording: Wording,
) -> Path:  # fmt: skip
    progress.update(0, 0)
    return export_report(session, params, fmt, dest, report=report, wording=wording)


def _num(cell: Cell | str) -> int:
    """A chart value: hidden and missing values are left out (drawn as 0)."""
    if isinstance(cell, Cell) and not cell.hidden and isinstance(cell.value, int | float):
        return int(cell.value)
    return 0


class ReportPanel(QWidget):
    """Filters, Build, exports, the headline, breakdown tabs and charts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPanel")
        self.ctx = ctx
        self.report: Report | None = None
        self.last_export: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)
        outer.addLayout(self._build_filters())
        self.banner = Banner("info")
        self.banner.setObjectName("reportBanner")
        outer.addWidget(self.banner)
        self.banner.set_message("info", self.tr("Choose a period and an area, then press Build."))

        self.sections = QTabWidget()
        self.sections.setObjectName("reportSections")
        self.sections.setDocumentMode(True)
        outer.addWidget(self.sections, 1)
        self.sections.addTab(self._build_overview(), self.tr("Overview"))
        self.sections.addTab(self._build_breakdowns(), self.tr("Breakdowns"))
        self.sections.addTab(self._build_charts(), self.tr("Charts"))
        self._set_export_enabled(False)

    # --- building the widgets ----------------------------------------------------------------
    def _build_breakdowns(self) -> QTabWidget:
        self.breakdown_tabs = QTabWidget()
        self.breakdown_tabs.setObjectName("breakdownTabs")
        self.breakdown_tabs.setUsesScrollButtons(True)
        self.table_models: dict[str, ReportTableModel] = {}
        self.table_views: dict[str, QTableView] = {}
        self.table_notes: dict[str, QLabel] = {}
        for key in BREAKDOWNS:
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(0, 8, 0, 0)
            note = label("", "hint", wrap=True)
            note.hide()
            model = ReportTableModel(self)
            view = new_table(model, f"table_{key}")
            box.addWidget(note)
            box.addWidget(view, 1)
            self.table_models[key] = model
            self.table_views[key] = view
            self.table_notes[key] = note
            self.breakdown_tabs.addTab(page, key)
        self.coverage_panel = CoveragePanel(self)
        self.coverage_model = self.coverage_panel.model
        self.coverage_view = self.coverage_panel.view
        self.breakdown_tabs.addTab(self.coverage_panel, self.tr("Coverage"))
        return self.breakdown_tabs

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        today = self.ctx.clock.now().date()
        self.from_edit = self._date_edit("fromDate")
        self.to_edit = self._date_edit("toDate")
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("presetBox")
        self.preset_box.addItem(self.tr("Custom period"), "")
        for key, text in zip(
            PRESETS,
            (self.tr("This year"), self.tr("Last year"), self.tr("Last quarter")),
            strict=True,
        ):
            self.preset_box.addItem(text, key)
        self.preset_box.currentIndexChanged.connect(lambda _i: self.apply_preset())
        self.province_box = QComboBox()
        self.province_box.setObjectName("provinceBox")
        self.province_box.setMinimumWidth(130)
        self.province_box.addItem(self.tr("All provinces"), "")
        for code, province in sorted(self.ctx.reference.provinces.items(), key=lambda p: p[1].name):
            self.province_box.addItem(province.name, code)
        self.district_box = QComboBox()
        self.district_box.setObjectName("districtBox")
        self.district_box.setMinimumWidth(130)
        self.province_box.currentIndexChanged.connect(lambda _i: self._fill_districts())
        self._fill_districts()
        self.suppress_check = QCheckBox(self.tr("Hide small counts below"))
        self.suppress_check.setObjectName("suppressCheck")
        self.threshold = QSpinBox()
        self.threshold.setObjectName("suppressThreshold")
        self.threshold.setRange(2, 50)
        self.threshold.setValue(5)
        self.threshold.setEnabled(False)
        self.suppress_check.toggled.connect(self.threshold.setEnabled)

        self._build_actions()

        row1 = QHBoxLayout()
        row1.setSpacing(8)
        row1.addWidget(self.preset_box)
        row1.addSpacing(4)
        for text, field in (
            (self.tr("From"), self.from_edit),
            (self.tr("To"), self.to_edit),
            (self.tr("Province"), self.province_box),
            (self.tr("District"), self.district_box),
        ):
            row1.addWidget(label(text, "muted"))
            row1.addWidget(field)
            row1.addSpacing(4)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.setSpacing(8)
        row2.addWidget(self.suppress_check)
        row2.addWidget(self.threshold)
        row2.addSpacing(12)
        row2.addWidget(self.build_button)
        row2.addStretch(1)
        row2.addWidget(label(self.tr("Export"), "muted"))
        for widget in self.export_buttons.values():
            row2.addWidget(widget)
        grid.addLayout(row1, 0, 0)
        grid.addLayout(row2, 1, 0)
        self.preset_box.setCurrentIndex(self.preset_box.findData("this_year"))
        start, end = preset_dates("this_year", today)
        self._set_period(start, end)
        return grid

    def _build_actions(self) -> None:
        """Build, and one export button per format."""
        self.build_button = button(self.tr("Build"), "reports", primary=True)
        self.build_button.setObjectName("buildButton")
        self.build_button.clicked.connect(self.build)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, text in (
            ("json", self.tr("JSON")),
            ("csv", self.tr("CSV")),
            ("xlsx", self.tr("XLSX")),
            ("pdf", self.tr("PDF")),
        ):
            widget = button(text)
            widget.setObjectName(f"export_{fmt}")
            widget.setToolTip(self.tr("Save the report on screen as {format}").format(format=text))
            widget.clicked.connect(lambda _c=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = widget

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setMinimumWidth(140)
        edit.dateChanged.connect(lambda _d: self._custom_period())
        return edit

    def _build_overview(self) -> QWidget:
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 8, 0, 8)
        box.setSpacing(12)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.headline_card = Card(self.tr("Headline figures"))
        self.headline_model = HeadlineModel(self)
        self.headline_view = new_table(self.headline_model, "headlineTable")
        self.headline_view.setMinimumHeight(11 * 28 + 8)
        self.headline_card.body.addWidget(self.headline_view)
        row.addWidget(self.headline_card, 2)
        self.funnel_card = Card(self.tr("Accused persons through the courts"))
        self.funnel_view = charts.new_chart_view()
        self.funnel_card.body.addWidget(self.funnel_view)
        row.addWidget(self.funnel_card, 1)
        box.addLayout(row)
        box.addStretch(1)
        return scroll_area(body)

    def _build_charts(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setSpacing(12)
        self.trend_card = Card(self.tr("Cases registered and accused convicted per month"))
        self.victims_card = Card(self.tr("Victims identified by gender and age"))
        self.trend_view = charts.new_chart_view()
        self.victims_view = charts.new_chart_view()
        self.trend_card.body.addWidget(self.trend_view)
        self.victims_card.body.addWidget(self.victims_view)
        grid.addWidget(self.trend_card, 0, 0)
        grid.addWidget(self.victims_card, 1, 0)
        self.suppressed_note = label("", "hint", wrap=True)
        self.suppressed_note.hide()
        grid.addWidget(self.suppressed_note, 2, 0)
        return scroll_area(page)

    # --- filters -----------------------------------------------------------------------------
    def _fill_districts(self) -> None:
        province = self.province_box.currentData() or ""
        current = self.district_box.currentData()
        self.district_box.blockSignals(True)
        self.district_box.clear()
        self.district_box.addItem(self.tr("All districts"), "")
        districts = sorted(
            (d for d in self.ctx.reference.districts.values()
             if not province or d.province == province),
            key=lambda d: d.name,
        )  # fmt: skip
        for district in districts:
            self.district_box.addItem(district.name, district.code)
        self.district_box.setCurrentIndex(max(self.district_box.findData(current), 0))
        self.district_box.blockSignals(False)

    def apply_preset(self) -> None:
        preset = self.preset_box.currentData()
        if preset:
            start, end = preset_dates(str(preset), self.ctx.clock.now().date())
            self._set_period(start, end)

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _custom_period(self) -> None:
        self.preset_box.blockSignals(True)
        self.preset_box.setCurrentIndex(0)
        self.preset_box.blockSignals(False)

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Choose a custom period (tests, and the screenshot)."""
        self._set_period(start, end)
        self._custom_period()

    def params(self) -> ReportParams:
        return ReportParams(
            date_from=_pydate(self.from_edit.date()),
            date_to=_pydate(self.to_edit.date()),
            province=self.province_box.currentData() or None,
            district=self.district_box.currentData() or None,
            suppress_below=self.threshold.value() if self.suppress_check.isChecked() else None,
        )

    # --- build -------------------------------------------------------------------------------
    def build(self) -> None:
        params = self.params()
        if params.date_from > params.date_to:
            self.banner.set_message("warning", self.tr("The period ends before it starts."))
            return
        self.build_button.setEnabled(False)

        run_with_progress(
            self.ctx.runner, self, self.tr("Building the report"),
            self.tr("Counting cases, accused, victims, training and campaigns…"),
            partial(_build, params=params), self._on_built, self._on_failed,
            on_cancelled=self._on_cancelled,
        )  # fmt: skip

    def _on_failed(self, exc: BaseException) -> None:
        self.build_button.setEnabled(True)
        self._set_export_enabled(self.report is not None)
        self.ctx.report(exc)

    def _on_cancelled(self) -> None:
        self.build_button.setEnabled(True)
        self._set_export_enabled(self.report is not None)
        self.banner.set_message("info", self.tr("Cancelled."))

    def _on_built(self, report: Report) -> None:
        self.build_button.setEnabled(True)
        self.show_report(report)

    def _set_export_enabled(self, on: bool) -> None:
        for widget in self.export_buttons.values():
            widget.setEnabled(on)

    # --- showing -----------------------------------------------------------------------------
    def show_report(self, report: Report) -> None:
        self.report = report
        self._set_export_enabled(True)
        start, end = report.period
        prev_start, prev_end = report.previous_period
        text = self.tr("{scope}: {start} to {end}, beside {pstart} to {pend}.").format(
            scope=sentences.scope(report, report_wording()),
            start=date_text(start),
            end=date_text(end),
            pstart=date_text(prev_start),
            pend=date_text(prev_end),
        )
        if report.suppression:
            text += " " + self.tr(
                "Counts below {n} are shown as <{n}; x hides a value that could be worked out."
            ).format(n=report.suppression.get("threshold", ""))
        cov = report.coverage
        words = self.coverage_panel.coverage_text(report)
        text += f" {words}" if words else ""
        attention = bool(cov.stale or cov.never_sent or cov.no_device or cov.quarantine)
        self.banner.set_message("warning" if attention else "ok", text)
        self.headline_model.set_report(report)
        fit_columns(self.headline_view)
        head = self.headline_view.horizontalHeader()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i, key in enumerate(BREAKDOWNS):
            table = report.tables.get(key)
            self.table_models[key].set_table(table)
            title = table_text(table.title) if table else key
            self.breakdown_tabs.setTabText(i, _short_title(key, self))
            self.breakdown_tabs.setTabToolTip(i, title)
            note = self.table_notes[key]
            note.setText(title + (" — " + table_text(table.note) if table and table.note else ""))
            note.show()
            fit_columns(self.table_views[key])
        self.coverage_panel.show_report(report)
        self._show_charts(report)

    def _fresh_views(self) -> None:
        """New chart views for a new report: a reused chart kept drawing the old category
        axis's labels under the new ones."""
        for card, attr in (
            (self.funnel_card, "funnel_view"),
            (self.trend_card, "trend_view"),
            (self.victims_card, "victims_view"),
        ):
            old = getattr(self, attr)
            new = charts.new_chart_view()
            card.body.replaceWidget(old, new)
            old.hide()
            old.deleteLater()
            setattr(self, attr, new)

    def _show_charts(self, report: Report) -> None:
        self._fresh_views()
        h = report.headline
        # One unit per chart: accused persons (cases registered count cases, and are in the
        # headline table beside it).
        charts.show_funnel(
            self.funnel_view,
            [
                self.tr("Proceeded against"),
                self.tr("Convicted"),
                self.tr("Acquitted"),
            ],
            [
                _num(h["accused_proceeded_against"]),
                _num(h["accused_convicted"]),
                _num(h["accused_acquitted"]),
            ],
            self.tr("Accused persons"),
            highlight_last=False,
        )
        self.funnel_card.set_hint(
            self.tr("Accused persons in the period, each counted by its own date.")
        )
        trend = report.tables["trend"]
        months = [str(r[0]) for r in trend.rows]
        step = max(1, (len(months) + 17) // 18)
        # Thinned labels stay unique (a category axis needs distinct names).
        labels = [m if i % step == 0 else "\u200b" * (i + 1) for i, m in enumerate(months)]
        charts.show_grouped_bars(
            self.trend_view,
            labels,
            [
                (self.tr("Cases registered"), [_num(r[1]) for r in trend.rows]),
                (self.tr("Accused convicted"), [_num(r[2]) for r in trend.rows]),
            ],
        )
        ages = report.tables["victims_by_gender_and_age_group"]
        charts.show_stacked_bars(
            self.victims_view,
            [table_text(str(r[0])) for r in ages.rows],
            [
                (self.tr("Child (under 18)"), [_num(r[1]) for r in ages.rows]),
                (self.tr("Adult"), [_num(r[2]) for r in ages.rows]),
                (self.tr("Age unknown"), [_num(r[3]) for r in ages.rows]),
            ],
        )
        hidden = sum(
            1 for t in (trend, ages) for r in t.rows for c in r if isinstance(c, Cell) and c.hidden
        )
        self.suppressed_note.setText(
            self.tr("{n} suppressed values are left out of the charts.").format(n=number(hidden))
        )
        self.suppressed_note.setVisible(bool(hidden))

    # --- export ------------------------------------------------------------------------------
    def choose_file(self, fmt: str) -> Path | None:
        """Ask where to save (tests replace this)."""
        params = self.params()
        name = f"tip-report-{params.date_from.isoformat()}-{params.date_to.isoformat()}"
        start = str(Path.home() / (name + SUFFIX[fmt]))
        filters = {
            "json": self.tr("JSON (*.json)"),
            "csv": self.tr("CSV files in a zip (*.zip)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "pdf": self.tr("PDF (*.pdf)"),
        }
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), start, filters[fmt]
        )
        if not path:
            return None
        dest = Path(path)
        return dest if dest.suffix else dest.with_suffix(SUFFIX[fmt])

    def export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        dest = self.choose_file(fmt)
        if dest is None:
            return
        params = report.params
        self._set_export_enabled(False)

        run_with_progress(
            self.ctx.runner, self, self.tr("Exporting the report"),
            self.tr("Writing {file}…").format(file=dest.name),
            partial(
                _export, params=params, fmt=fmt, dest=dest, report=report,
                wording=report_wording(),
            ),
            self._on_exported, self._on_failed, cancellable=False,
        )  # fmt: skip

    def _on_exported(self, path: Path) -> None:
        self._set_export_enabled(True)
        self.last_export = path
        self.banner.set_message("ok", self.tr("Saved {file}.").format(file=str(path)))


def _short_title(key: str, widget: QWidget) -> str:
    titles = {
        "by_province": translate("ReportsView", "By province"),
        "by_district": translate("ReportsView", "By district"),
        "by_law": translate("ReportsView", "By Act"),
        "victims_by_form_gender_age": QCoreApplication.translate(
            "ReportsView", "Victims: form × gender × age"
        ),
        "victims_by_gender_and_age_group": QCoreApplication.translate(
            "ReportsView", "Victims: gender × age"
        ),
        "victims_by_nationality": translate("ReportsView", "Nationality"),
        "accused_by_gender_and_outcome": translate("ReportsView", "Accused"),
        "persons_trained_by_agency": translate("ReportsView", "Trained by agency"),
        "persons_trained_by_gender": translate("ReportsView", "Trained by gender"),
        "campaigns_by_department": translate("ReportsView", "Campaigns"),
        "referrals_by_service": translate("ReportsView", "Referrals"),
        "official_involvement": translate("ReportsView", "Official involvement"),
        "trend": translate("ReportsView", "By month"),
    }
    return titles.get(key, key)


class ReportsView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        at_hq = ctx.identity.install.role is InstallRole.HQ
        self.header = PageHeader(
            self.tr("Reports"),
            self.tr("The national report, linked cases and data quality.")
            if at_hq
            else self.tr("This district's report, linked cases and data quality."),
        )
        outer.addWidget(self.header)
        body = QVBoxLayout()
        body.setContentsMargins(24, 8, 24, 16)
        body.setSpacing(8)
        outer.addLayout(body, 1)
        self.allowed = ctx.can(Permission.REPORTS)
        self.report_panel: ReportPanel | None = None
        self.linked_panel: LinkedCasesPanel | None = None
        self.quality_panel: DataQualityPanel | None = None
        if not self.allowed:
            self.note = Banner(
                "info",
                self.tr(
                    "Your role does not include reports. A district officer, a supervisor or "
                    "an HQ analyst can build them."
                ),
            )
            body.addWidget(self.note)
            body.addStretch(1)
            return
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        self.report_panel = ReportPanel(ctx)
        self.tabs.addTab(self.report_panel, self.tr("Report"))
        if ctx.can(Permission.VIEW):
            self.linked_panel = LinkedCasesPanel(ctx)
            self.tabs.addTab(self.linked_panel, self.tr("Linked cases"))
        self.quality_panel = DataQualityPanel(ctx)
        self.tabs.addTab(self.quality_panel, self.tr("Data quality"))
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        body.addWidget(self.tabs, 1)

    def _load_current(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, LinkedCasesPanel | DataQualityPanel):
            current.ensure_loaded()

    def show_tab(self, name: str) -> QWidget:
        """Switch to ``report``, ``linked`` or ``quality`` (loading it if needed)."""
        panel = {
            "report": self.report_panel,
            "linked": self.linked_panel,
            "quality": self.quality_panel,
        }[name]
        assert panel is not None
        self.tabs.setCurrentWidget(panel)
        self._load_current()
        return panel


__all__ = ["ReportPanel", "ReportsView", "preset_dates"]
