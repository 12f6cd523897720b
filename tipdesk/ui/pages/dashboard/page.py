"""The dashboard: the office's headline figures, what is due (the diary's Due panel) and four
charts.

Figures come from :func:`tipdesk.services.dashboard.dashboard`, run on the store's thread each
time the page is shown (or the period changes); the page keeps showing the last figures until
the new ones arrive, and never asks twice at once.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.codes import Gender
from tipdesk.services.dashboard import Dashboard, dashboard
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.dashboard.due_panel import DuePanel
from tipdesk.ui.pages.records.handover import HandedOverPanel
from tipdesk.ui.widgets import charts
from tipdesk.ui.widgets.common import (
    Banner,
    Card,
    PageHeader,
    button,
    date_text,
    label,
    locale,
    number,
    scroll_area,
)

PERIODS = ("last12", "year", "all")


def period_dates(period: str, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """The inclusive period for a choice of the period box."""
    if period == "year":
        return dt.date(today.year, 1, 1), today
    if period == "all":
        return None, today
    # The last 12 months, from the first day of the month eleven months back.
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 1), today


class FigureCard(Card):
    """One headline number with its label and a small note under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(14, 10, 14, 10)
        self.body.setSpacing(0)
        self.caption = label(title, "figureLabel")
        self.value = label("–", "figure")
        self.note = label("", "hint")
        self.body.addWidget(self.caption)
        self.body.addWidget(self.value)
        self.body.addWidget(self.note)

    def set(self, value: int, note: str = "") -> None:
        self.value.setText(number(value))
        self.note.setText(note)
        self.setToolTip(f"{self.caption.text()}: {number(value)} {note}".strip())


class DashboardView(QWidget):
    """See the module docstring."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.ctx = ctx
        self.figures: Dashboard | None = None
        self._loading = False
        self._again = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        body = QWidget()
        outer.addWidget(scroll_area(body), 1)
        box = QVBoxLayout(body)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(12)
        self.banner = Banner("info")
        self.banner.setObjectName("dashboardBanner")
        box.addWidget(self.banner)
        box.addWidget(self._build_review_notice())
        box.addLayout(self._build_cards())
        self.due_panel = DuePanel(ctx)
        box.addWidget(self.due_panel)
        self.handed_over = HandedOverPanel(ctx)
        box.addWidget(self.handed_over)
        box.addLayout(self._build_charts())
        box.addStretch(1)

    # --- building -----------------------------------------------------------------------------
    def _build_header(self) -> PageHeader:
        where = self.ctx.identity.office_name or self.tr("Headquarters: all districts")
        self.header = PageHeader(self.tr("Dashboard"), where)
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        for key, text in zip(
            PERIODS,
            (self.tr("Last 12 months"), self.tr("This year"), self.tr("All time")),
            strict=True,
        ):
            self.period_box.addItem(text, key)
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = button(self.tr("Refresh"), "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.header.action_bar.addWidget(label(self.tr("Period"), "muted"))
        self.header.action_bar.addWidget(self.period_box)
        self.header.action_bar.addWidget(self.refresh_button)
        return self.header

    def _build_review_notice(self) -> QWidget:
        """How many accused may be a victim of their own case and wait for a supervisor."""
        self.review_notice = QWidget()
        self.review_notice.setObjectName("reviewNotice")
        row = QHBoxLayout(self.review_notice)
        row.setContentsMargins(0, 0, 0, 0)
        self.review_banner = Banner("warning")
        self.review_banner.setObjectName("reviewBanner")
        row.addWidget(self.review_banner, 1)
        self.review_button = button(self.tr("Open the review queue"))
        self.review_button.setObjectName("reviewOpen")
        self.review_button.clicked.connect(lambda: self.ctx.events.sig_show_page.emit("review"))
        row.addWidget(self.review_button)
        self.review_notice.hide()
        return self.review_notice

    def _build_cards(self) -> QHBoxLayout:
        cards = QHBoxLayout()
        cards.setSpacing(12)
        self.cards = {
            "cases": FigureCard(self.tr("Cases registered")),
            "proceeded": FigureCard(self.tr("Proceeded against")),
            "convicted": FigureCard(self.tr("Convicted")),
            "victims": FigureCard(self.tr("Victims identified")),
            "trained": FigureCard(self.tr("People trained")),
            "campaigns": FigureCard(self.tr("Campaigns")),
        }
        for key, card in self.cards.items():
            card.setObjectName(f"figure_{key}")
            cards.addWidget(card, 1)
        return cards

    def _build_charts(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        self.funnel_card = Card(self.tr("Cases by stage"))
        self.monthly_card = Card(self.tr("Cases registered and accused convicted per month"))
        self.victims_card = Card(self.tr("Victims by gender and age"))
        self.activity_card = Card(self.tr("People trained and campaigns per month"))
        self.funnel_view = charts.new_chart_view()
        self.monthly_view = charts.new_chart_view()
        self.victims_view = charts.new_chart_view()
        self.activity_view = charts.new_chart_view()
        pairs = (
            (self.funnel_card, self.funnel_view),
            (self.monthly_card, self.monthly_view),
            (self.victims_card, self.victims_view),
            (self.activity_card, self.activity_view),
        )
        for i, (chart_card, view) in enumerate(pairs):
            chart_card.body.addWidget(view)
            grid.addWidget(chart_card, i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    # --- page hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    # --- loading ------------------------------------------------------------------------------
    def period(self) -> str:
        return str(self.period_box.currentData())

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.due_panel.refresh()
        self.handed_over.refresh()
        date_from, date_to = period_dates(self.period(), self.ctx.clock.now().date())
        self.ctx.runner.submit(
            partial(dashboard, date_from=date_from, date_to=date_to),
            self._on_loaded,
            self._on_failed,
        )

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        self.ctx.report(exc)

    def _finish(self) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()

    def _on_loaded(self, figures: Dashboard) -> None:
        self.figures = figures
        self.show_figures(figures)
        self._finish()

    # --- showing ------------------------------------------------------------------------------
    def show_figures(self, f: Dashboard) -> None:
        h = f.headline
        if f.empty:
            self.banner.set_message(
                "info",
                self.tr(
                    "No records yet. Record cases, victims, training sessions and campaigns from "
                    "the sidebar; on a training install, Settings can add demo data."
                ),
            )
        else:
            self.banner.set_message("info", "")
        self.review_banner.set_message(
            "warning",
            self.tr(
                "{n} accused may be a victim of the same case: a supervisor reviews them before "
                "they can be proceeded against."
            ).format(n=number(f.overlaps_open))
            if f.overlaps_open
            else "",
        )
        self.review_notice.setVisible(bool(f.overlaps_open))
        until = date_text(f.period_to)
        since = date_text(f.period_from) if f.period_from else self.tr("the first record")
        self.header.set_subtitle(
            self.tr("{office} · from {start} to {end}").format(
                office=self.ctx.identity.office_name or self.tr("All districts"),
                start=since,
                end=until,
            )
        )
        ages = h.victims_by_age_group
        self.cards["cases"].set(h.cases_registered, self.tr("FIRs and enquiries"))
        self.cards["proceeded"].set(h.accused_proceeded_against, self.tr("accused, by challan"))
        self.cards["convicted"].set(h.accused_convicted, self.tr("accused, by judgment"))
        self.cards["victims"].set(
            h.victims_identified,
            self.tr("{children} children").format(children=number(ages.get("child", 0))),
        )
        self.cards["trained"].set(
            h.persons_trained,
            self.tr("in {n} sessions").format(n=number(h.training_sessions)),
        )
        self.cards["campaigns"].set(
            h.awareness_campaigns, self.tr("{n} reached").format(n=number(h.people_reached))
        )

        names = {
            "registered": self.tr("Registered"),
            "investigation": self.tr("Investigation"),
            "challan": self.tr("Challan"),
            "trial": self.tr("Trial"),
            "decided": self.tr("Decided"),
        }
        # One unit per chart: the funnel's last step counts accused convicted, not cases; it
        # is the Convicted card above and the orange bars beside, never a bar among cases.
        steps = [(step, n) for step, n in f.funnel if step in names]
        charts.show_funnel(
            self.funnel_view,
            [names[step] for step, _n in steps],
            [n for _step, n in steps],
            self.tr("Cases"),
            highlight_last=False,
        )
        self.funnel_card.set_hint(
            self.tr(
                "Cases registered in the period by how far they have got ({closed} closed "
                "early count as registered)."
            ).format(closed=number(f.closed))
        )
        months = [_month_label(m) for m in f.months]
        charts.show_grouped_bars(
            self.monthly_view,
            months,
            [
                (self.tr("Cases registered"), f.cases_per_month),
                (self.tr("Accused convicted"), f.convictions_per_month),
            ],
        )
        genders = [g.value for g in Gender]
        gender_names = {
            "female": self.tr("Female"),
            "male": self.tr("Male"),
            "transgender": self.tr("Transgender"),
            "unknown": self.tr("Not recorded"),
        }
        present = [g for g in genders if g in f.victims] or genders[:2]
        charts.show_stacked_bars(
            self.victims_view,
            [gender_names[g] for g in present],
            [
                (
                    self.tr("Child (under 18)"),
                    [f.victims.get(g, {}).get("child", 0) for g in present],
                ),
                (self.tr("Adult"), [f.victims.get(g, {}).get("adult", 0) for g in present]),
                (self.tr("Age unknown"), [f.victims.get(g, {}).get("unknown", 0) for g in present]),
            ],
        )
        charts.show_bars_and_line(
            self.activity_view,
            months,
            (self.tr("People trained"), f.trained_per_month),
            (self.tr("Campaigns"), f.campaigns_per_month),
        )


def _month_label(month: str) -> str:
    """``2026-01`` -> ``Jan`` (the locale's short month name; the period is in the header)."""
    return locale().monthName(int(month[5:7]), QLocale.FormatType.ShortFormat)
