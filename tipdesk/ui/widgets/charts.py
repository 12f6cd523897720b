"""Charts for the dashboard (QtCharts), styled to match the app: no chart titles (the card has
one), muted axes, the accent colour first, value labels where they help reading.

Each function returns a ``QChartView``; :func:`update_*` helpers are not needed because the
dashboard rebuilds a chart's series when new figures arrive (a dozen bars: cheap).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from tipdesk.ui.style import BORDER, MUTED, SERIES, TEXT

T = TypeVar("T")


def _font(size: float = 9, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _style_axis(axis: QAbstractAxis) -> None:
    axis.setTruncateLabels(False)
    axis.setLabelsFont(_font(8.5))
    axis.setLabelsColor(QColor(MUTED))
    axis.setLinePen(QPen(QColor(BORDER)))
    axis.setGridLineColor(QColor("#EDF0F3"))
    axis.setShadesVisible(False)


def _value_axis(maximum: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    top = max(4, int(maximum * 1.15) + 1)
    axis.setRange(0, top)
    axis.setTickCount(5)
    axis.applyNiceNumbers()
    _style_axis(axis)
    return axis


def _bar_set(name: str, values: Sequence[float], colour: str) -> QBarSet:
    bars = QBarSet(name)
    bars.append([float(v) for v in values])
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.setLabelColor(QColor(TEXT))
    bars.setLabelFont(_font(8.5))
    return bars


def new_chart_view() -> QChartView:
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(_font(9))
    chart.legend().setLabelColor(QColor(MUTED))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(205)
    view.setStyleSheet("background: transparent;")
    view.setBackgroundBrush(QBrush(Qt.GlobalColor.transparent))
    return view


def _reset(view: QChartView) -> QChart:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    return chart


def _tooltips(series: QAbstractBarSeries, categories: Sequence[str]) -> None:
    """Hovering a bar shows its category, series and value (labels cannot fit everywhere)."""

    def show(status: bool, index: int, bars: QBarSet) -> None:
        if not status or not 0 <= index < len(categories):
            QToolTip.hideText()
            return
        QToolTip.showText(
            QCursor.pos(), f"{categories[index]} · {bars.label()}: {int(bars.at(index)):,}"
        )

    series.hovered.connect(show)


def _mirrored(view: QChartView) -> bool:
    """Right to left (Urdu): months run from the right, value axes stand on the right."""
    return view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _start(view: QChartView) -> Qt.AlignmentFlag:
    """Where a value axis stands: the reading start (left, or right in right to left)."""
    return Qt.AlignmentFlag.AlignRight if _mirrored(view) else Qt.AlignmentFlag.AlignLeft


def _end(view: QChartView) -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignLeft if _mirrored(view) else Qt.AlignmentFlag.AlignRight


def _in_order(view: QChartView, values: Sequence[T]) -> list[T]:
    """``values`` (categories, or a series' values) in reading order: reversed right to left."""
    return list(values)[::-1] if _mirrored(view) else list(values)


def _category_axis(categories: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(categories))
    _style_axis(axis)
    axis.setGridLineVisible(False)
    return axis


def show_funnel(view: QChartView, labels: Sequence[str], values: Sequence[int],
                series_name: str, *, highlight_last: bool = True) -> None:  # fmt: skip
    """Horizontal bars, first step on top, values after the bars (dark text on the page's
    background, never on a bar's colour); ``highlight_last``: the last step in the second
    colour (the dashboard's, whose last step counts people, not cases)."""
    chart = _reset(view)
    # Bars are drawn bottom-up: reverse so the first step is on top.
    order = list(range(len(values)))[::-1]
    names = [labels[i] for i in order]
    bars = _bar_set(series_name, [values[i] for i in order], SERIES[0])
    if highlight_last:
        bars.setSelectedColor(QColor(SERIES[1]))
        bars.selectBar(0)  # the last step, now at the bottom
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.66)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_y = _category_axis(names)
    # Right to left, a step's name longer than the room beside the bars ran off the chart's
    # edge, cutting the word a reader starts with: there it is cut with "…" at its end instead
    # (the tooltip names it in full). Left to right it keeps the margin it spills into.
    axis_y.setTruncateLabels(_mirrored(view))
    axis_y.setLabelsFont(_font(9))
    axis_y.setLabelsColor(QColor(TEXT))
    # Room after the longest bar for its value, so the label is drawn outside it.
    axis_x = _value_axis(max(values) * 1.1 if values else 0)
    axis_x.setReverse(_mirrored(view))  # bars grow from the reading start
    chart.addAxis(axis_y, _start(view))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setVisible(False)
    _tooltips(series, names)


def show_grouped_bars(view: QChartView, categories: Sequence[str],
                      sets: Sequence[tuple[str, Sequence[int]]]) -> None:  # fmt: skip
    """Side-by-side bars per category (cases and convictions per month)."""
    chart = _reset(view)
    categories = _in_order(view, categories)
    series = QBarSeries()
    top = 0
    for i, (name, values) in enumerate(sets):
        series.append(_bar_set(name, _in_order(view, values), SERIES[i % len(SERIES)]))
        top = max(top, *values) if values else top
    series.setBarWidth(0.78)
    chart.addSeries(series)
    axis_x = _category_axis(categories)
    axis_y = _value_axis(top)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, _start(view))
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    _tooltips(series, categories)


def show_stacked_bars(view: QChartView, categories: Sequence[str],
                      sets: Sequence[tuple[str, Sequence[int]]]) -> None:  # fmt: skip
    """Stacked bars per category (victims by gender, split child / adult / unknown)."""
    chart = _reset(view)
    categories = _in_order(view, categories)
    series = QStackedBarSeries()
    totals = [0] * len(categories)
    for i, (name, values) in enumerate(sets):
        ordered = _in_order(view, values)
        series.append(_bar_set(name, ordered, SERIES[i % len(SERIES)]))
        totals = [t + v for t, v in zip(totals, ordered, strict=True)]
    series.setBarWidth(0.55)
    chart.addSeries(series)
    axis_x = _category_axis(categories)
    axis_y = _value_axis(max(totals) if totals else 0)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, _start(view))
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    _tooltips(series, categories)


def show_bars_and_line(view: QChartView, categories: Sequence[str],
                       bars: tuple[str, Sequence[int]],
                       line: tuple[str, Sequence[int]]) -> None:  # fmt: skip
    """Bars on the left axis and a line on the right axis (people trained; campaigns)."""
    chart = _reset(view)
    categories = _in_order(view, categories)
    bars = (bars[0], _in_order(view, bars[1]))
    line = (line[0], _in_order(view, line[1]))
    bar_series = QBarSeries()
    bar_series.append(_bar_set(bars[0], bars[1], SERIES[0]))
    bar_series.setBarWidth(0.6)
    chart.addSeries(bar_series)
    line_series = QLineSeries()
    line_series.setName(line[0])
    for i, value in enumerate(line[1]):
        line_series.append(float(i), float(value))
    pen = QPen(QColor(SERIES[1]))
    pen.setWidthF(2.5)
    line_series.setPen(pen)
    line_series.setPointsVisible(True)
    chart.addSeries(line_series)
    axis_x = _category_axis(categories)
    left = _value_axis(max(bars[1]) if bars[1] else 0)
    right = _value_axis(max(line[1]) if line[1] else 0)
    right.setGridLineVisible(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, _start(view))
    chart.addAxis(right, _end(view))
    bar_series.attachAxis(axis_x)
    bar_series.attachAxis(left)
    line_series.attachAxis(axis_x)
    line_series.attachAxis(right)
    _tooltips(bar_series, categories)
