"""The dashboard shows the office's figures from the dashboard service, with four charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from gui_support import sign_in
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import Qt

from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.dashboard.page import DashboardView, period_dates


def _dashboard(window: MainWindow) -> DashboardView:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardView)
    return page


def test_the_dashboard_renders_with_demo_data(main_window: MainWindow, qtbot: Any) -> None:
    page = _dashboard(main_window)
    figures = page.figures
    assert figures is not None
    headline = figures.headline
    assert page.cards["cases"].value.text() == f"{headline.cases_registered:,}"
    assert page.cards["trained"].value.text() == f"{headline.persons_trained:,}"
    assert page.banner.text() == "" or not page.banner.isVisible()
    # The funnel runs from registered to convicted; every chart has its series.
    steps = [step for step, _n in figures.funnel]
    assert steps == ["registered", "investigation", "challan", "trial", "decided", "convicted"]
    counts = [n for _step, n in figures.funnel[:-1]]
    assert counts == sorted(counts, reverse=True)  # a funnel narrows
    # One unit per chart: the stage chart draws cases only (accused convicted are a card).
    (axis,) = page.funnel_view.chart().axes(Qt.Orientation.Vertical)
    assert isinstance(axis, QBarCategoryAxis)
    assert axis.categories()[::-1] == [
        "Registered", "Investigation", "Challan", "Trial", "Decided"
    ]  # fmt: skip
    for view in (page.funnel_view, page.monthly_view, page.victims_view, page.activity_view):
        assert isinstance(view, QChartView)
        assert view.chart().series(), view
        assert view.isVisible()
    assert len(figures.months) == 12
    image = page.grab()
    assert image.width() > 600 and image.height() > 400
    assert "FIA Anti-Human Trafficking Circle, Lahore" in page.header.subtitle_label.text()


def test_changing_the_period_reloads(main_window: MainWindow) -> None:
    page = _dashboard(main_window)
    everything = page.figures
    assert everything is not None
    page.period_box.setCurrentIndex(page.period_box.findData("all"))
    assert page.figures is not None and page.figures.period_from is None
    assert page.figures.headline.cases_registered == page.figures.record_counts["case"]


def test_an_empty_store_says_how_to_start(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install()
    window = sign_in(controller)
    page = _dashboard(window)
    assert page.banner.isVisible()
    assert "No records yet" in page.banner.text()
    assert page.cards["cases"].value.text() == "0"


def test_period_dates() -> None:
    today = dt.date(2026, 6, 15)
    assert period_dates("last12", today) == (dt.date(2025, 7, 1), today)
    assert period_dates("year", today) == (dt.date(2026, 1, 1), today)
    assert period_dates("all", today) == (None, today)
    assert period_dates("last12", dt.date(2026, 12, 31))[0] == dt.date(2026, 1, 1)
