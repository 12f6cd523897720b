"""Charts for the PDF report (reportlab graphics): the trend of registrations and convictions,
accused persons through the courts, and victims by gender and age group.

Contract: each function returns a reportlab ``Drawing`` of the given width; hidden (suppressed)
values are never drawn as numbers: a bar or point is left out and its label reads ``"<5"`` or
``"x"``, so a chart discloses no more than the tables.

Worded by a right-to-left :class:`~tipdesk.reports.localize.Wording` (Urdu), a chart is
mirrored as the app's charts are (:mod:`tipdesk.ui.widgets.charts`): months run from the
right, the value axis stands on the right, legends and bar labels read from the right; its
words (legends, category labels, month names, notes) are translated and drawn shaped in
Nastaliq by :func:`tipdesk.reports.rtl_text.draw_line` (reportlab's own graphics strings are
never shaped, so a :class:`ChartDrawing` draws them after the chart). In English the
drawings are what they always were.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.charts.linecharts import HorizontalLineChart  # type: ignore[import-untyped, unused-ignore]
from reportlab.graphics.shapes import Drawing, Rect, String  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.attrmap import AttrMap, AttrMapValue  # type: ignore[import-untyped, unused-ignore]

from tipdesk.reports import rtl_text
from tipdesk.reports.localize import ENGLISH, Wording
from tipdesk.reports.model import Cell, Report

BLUE = colors.HexColor("#1F4E79")
ORANGE = colors.HexColor("#C55A11")
# Dark enough for text on white (4.5:1 at least, WCAG AA): 7.0:1 here.
GREY = colors.HexColor("#595959")
SERIES = (BLUE, ORANGE, GREY)


def _num(cell: Cell) -> float | None:
    value = cell.value
    return None if cell.hidden or value is None else float(value)


def _label(cell: Cell) -> str:
    shown = cell.display
    return f"{shown:,}" if isinstance(shown, int) else str(shown if shown is not None else "")


#: The charts' titles (a translated PDF prints them above the chart, shaped: a drawing's own
#: strings are not shaped; see :func:`tipdesk.reports.pdf.to_pdf`).
TREND_TITLE = "Cases registered and accused convicted, by month"
FUNNEL_TITLE = "Accused persons through the courts (in the period; each by its own date)"
VICTIMS_TITLE = "Victims identified by gender and age group"


def _title(d: Any, text: str, width: float, height: float, shown: bool = True) -> None:
    if shown:
        d.add(String(0, height - 12, text, fontName="Helvetica-Bold", fontSize=10))


def trend_chart(
    report: Report,
    width: float,
    height: float = 190,
    title: bool = True,
    wording: Wording = ENGLISH,
) -> Any:
    """Monthly cases registered and accused convicted (a line each)."""
    if wording.rtl:
        return _trend_rtl(report, width, height, wording)
    table = report.tables["trend"]
    months = [str(r[0]) for r in table.rows]
    series = [[_num(r[i]) for r in table.rows if isinstance(r[i], Cell)] for i in (1, 2)]  # type: ignore[arg-type]
    d = Drawing(width, height)
    _title(d, TREND_TITLE, width, height, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 40
    chart.width, chart.height = width - 170, height - 75
    chart.data = [[v if v is not None else None for v in s] for s in series]
    chart.categoryAxis.categoryNames = _thin(months)
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(months) > 12 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 12 else "n"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for s in series for v in s if v is not None] or [1.0])
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    for i, colour in enumerate(SERIES[:2]):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.8
    d.add(chart)
    legend = _legend(width - 120, height - 40, ["Cases registered", "Accused convicted"])
    d.add(legend)
    hidden = sum(1 for r in table.rows for c in r[1:] if isinstance(c, Cell) and c.hidden)
    if hidden:
        d.add(
            String(
                width - 120, height - 90, f"{hidden} suppressed values", fontSize=7, fillColor=GREY
            )
        )
    return d


def _thin(labels: list[str]) -> list[str]:
    """Keep at most about 24 axis labels readable: blank out the rest."""
    step = max(1, (len(labels) + 23) // 24)
    return [lab if i % step == 0 else "" for i, lab in enumerate(labels)]


def _nice_max(top: float) -> float:
    """A round axis maximum at or above ``top`` (1, 2, 2.5 or 5 times a power of ten), 5 at
    least: the axis has five steps and counts are whole (a maximum of 1 labelled its ticks
    "0 0 0 1 1 1")."""
    top = max(top, 5.0)
    power = 1.0
    while power * 10 <= top:
        power *= 10
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= top:
            return m * power
    return 10 * power


def _legend(x: float, y: float, names: list[str]) -> Any:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = list(zip(SERIES, names, strict=False))
    legend.columnMaximum = 4
    return legend


def _stages(report: Report) -> list[tuple[str, Cell]]:
    h = report.headline
    return [
        ("Proceeded against (challan)", h["accused_proceeded_against"]),
        ("Convicted", h["accused_convicted"]),
        ("Acquitted", h["accused_acquitted"]),
    ]


def funnel_chart(
    report: Report,
    width: float,
    height: float = 150,
    title: bool = True,
    wording: Wording = ENGLISH,
) -> Any:
    """Accused persons through the courts in the period: proceeded against, convicted,
    acquitted. One unit (accused persons) per chart: cases registered count cases, not people,
    and are in the headline table, never drawn on the same scale."""
    if wording.rtl:
        return _funnel_rtl(report, width, height, wording)
    stages = _stages(report)
    d = Drawing(width, height)
    _title(d, FUNNEL_TITLE, width, height, title)
    top = max([_num(c) or 0 for _, c in stages] or [1]) or 1
    bar_area = width - 260
    row_h = (height - 30) / len(stages)
    for i, (label, cell) in enumerate(stages):
        y = height - 30 - (i + 1) * row_h + 4
        value = _num(cell)
        w = max(2.0, bar_area * (value or 0) / top) if value is not None else 0
        d.add(String(0, y + row_h / 2 - 6, label, fontSize=9))
        if w:
            d.add(Rect(170, y, w, row_h - 8, fillColor=SERIES[0], strokeColor=None))
        d.add(
            String(
                170 + w + 6,
                y + row_h / 2 - 6,
                _label(cell) + " accused",
                fontSize=9,
                fontName="Helvetica-Bold",
            )
        )
    return d


def victims_chart(
    report: Report,
    width: float,
    height: float = 190,
    title: bool = True,
    wording: Wording = ENGLISH,
) -> Any:
    """Victims identified by gender (groups) and age group (bars)."""
    if wording.rtl:
        return _victims_rtl(report, width, height, wording)
    table = report.tables["victims_by_gender_and_age_group"]
    genders = [str(r[0]) for r in table.rows]
    data = [[(_num(r[i]) or 0) for r in table.rows if isinstance(r[i], Cell)] for i in (1, 2, 3)]  # type: ignore[arg-type]
    d = Drawing(width, height)
    _title(d, VICTIMS_TITLE, width, height, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 170, height - 65
    chart.data = data
    chart.categoryAxis.categoryNames = [g.capitalize() for g in genders]
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for s in data for v in s] or [1.0]) or 1.0
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.barSpacing = 1
    chart.groupSpacing = 12
    for i, colour in enumerate(SERIES):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    d.add(chart)
    d.add(_legend(width - 120, height - 40, ["Child (under 18)", "Adult", "Age unknown"]))
    hidden = sum(1 for r in table.rows for c in r[1:4] if isinstance(c, Cell) and c.hidden)
    if hidden:
        d.add(
            String(
                width - 120,
                height - 100,
                f"{hidden} suppressed values not drawn",
                fontSize=7,
                fillColor=GREY,
            )
        )
    return d


# --- right to left (Urdu) ---------------------------------------------------------------

#: The words the charts ask their wording for (listed in ``localize.REPORT_TEXTS`` too).
TREND_SERIES = ("Cases registered", "Accused convicted")
AGE_SERIES = ("Child (under 18)", "Adult", "Age unknown")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ACCUSED_LABEL = "{n} accused"
SUPPRESSED_NOTE = "{n} suppressed values not drawn"
#: The font of a label's Latin pieces (figures, years); Urdu letters are in Nastaliq.
_LABEL_FONT = "Helvetica"


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A chart whose words are drawn shaped after the chart's own shapes: :meth:`label`
    records a line of text (any script) at a point of the drawing."""

    _attrMap = AttrMap(BASE=Drawing, shaped=AttrMapValue(None, desc="shaped labels to draw"))

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.shaped: list[tuple[str, float, float, float, str, Any]] = []

    def label(
        self, text: str, x: float, y: float, size: float, anchor: str = "end", colour: Any = None
    ) -> None:
        """``text`` with its baseline at ``y``; ``x`` is its right end (``"end"``), middle
        or left end (``"start"``)."""
        self.shaped.append((text, x, y, size, anchor, colour or colors.black))

    def draw(self, *args: Any, **kwargs: Any) -> None:
        super().draw(*args, **kwargs)
        canvas = self.canv
        for text, x, y, size, anchor, colour in self.shaped:
            canvas.saveState()
            canvas.setFillColor(colour)
            rtl_text.draw_line(canvas, text, x, y, font=_LABEL_FONT, size=size, anchor=anchor)
            canvas.restoreState()


def month_words(month: str, wording: Wording) -> tuple[str, str]:
    """A trend row's month (``"2026-03"``) as the month's name in ``wording`` and its year;
    anything else as it is (and no year)."""
    year, _, number = month.partition("-")
    if number.isdigit() and 1 <= int(number) <= 12:
        return wording(MONTHS[int(number) - 1]), year
    return month, ""


def _legend_rtl(d: ChartDrawing, right: float, top: float, names: list[str]) -> None:
    """Swatches on the right, each name read leftwards from it; one row each (Nastaliq's
    height)."""
    for i, (colour, name) in enumerate(zip(SERIES, names, strict=False)):
        y = top - i * 17
        d.add(Rect(right - 8, y, 8, 8, fillColor=colour, strokeColor=None))
        d.label(name, right - 13, y + 1, 8)


def _mirror_value_axis(axis: Any) -> None:
    """The value axis on the chart's right, its tick labels right of it."""
    axis.joinAxisMode = "right"
    axis.tickLeft, axis.tickRight = 0, 5
    axis.labels.boxAnchor = "w"
    axis.labels.dx = 8


def _trend_rtl(report: Report, width: float, height: float, tr: Wording) -> Any:
    table = report.tables["trend"]
    months = [str(r[0]) for r in table.rows]
    series = [[_num(r[i]) for r in table.rows if isinstance(r[i], Cell)] for i in (1, 2)]  # type: ignore[arg-type]
    d = ChartDrawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 130, 40
    chart.width, chart.height = width - 170, height - 75
    chart.data = series
    chart.categoryAxis.categoryNames = [""] * len(months)
    chart.categoryAxis.reverseDirection = 1  # the first month on the right
    chart.categoryAxis.visibleLabels = 0  # drawn shaped below
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for s in series for v in s if v is not None] or [1.0])
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    _mirror_value_axis(chart.valueAxis)
    for i, colour in enumerate(SERIES[:2]):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.8
    d.add(chart)
    # Month names need more room than "2026-03": at most 12 labels, the year under each.
    step = max(1, (len(months) + 11) // 12)
    band = chart.width / max(len(months), 1)
    for i, month in enumerate(months):
        if i % step:
            continue
        x = chart.x + chart.width - (i + 0.5) * band
        name, year = month_words(month, tr)
        d.label(name, x, chart.y - 16, 7, "middle")
        if year:
            d.label(year, x, chart.y - 26, 6.5, "middle", GREY)
    _legend_rtl(d, 110, height - 40, [tr(n) for n in TREND_SERIES])
    hidden = sum(1 for r in table.rows for c in r[1:] if isinstance(c, Cell) and c.hidden)
    if hidden:
        d.label(tr(SUPPRESSED_NOTE).format(n=hidden), 110, height - 90, 7, colour=GREY)
    return d


def _funnel_rtl(report: Report, width: float, height: float, tr: Wording) -> Any:
    stages = _stages(report)
    d = ChartDrawing(width, height)
    top = max([_num(c) or 0 for _, c in stages] or [1]) or 1
    bar_area = width - 260
    row_h = (height - 30) / len(stages)
    start = width - 170  # bars grow leftwards from here; their labels stand right of it
    for i, (label, cell) in enumerate(stages):
        y = height - 30 - (i + 1) * row_h + 4
        value = _num(cell)
        w = max(2.0, bar_area * (value or 0) / top) if value is not None else 0
        d.label(tr(label), width, y + row_h / 2 - 6, 9)
        if w:
            d.add(Rect(start - w, y, w, row_h - 8, fillColor=SERIES[0], strokeColor=None))
        d.label(tr(ACCUSED_LABEL).format(n=_label(cell)), start - w - 6, y + row_h / 2 - 6, 9)
    return d


def _victims_rtl(report: Report, width: float, height: float, tr: Wording) -> Any:
    table = report.tables["victims_by_gender_and_age_group"]
    genders = [str(r[0]) for r in table.rows]
    data = [[(_num(r[i]) or 0) for r in table.rows if isinstance(r[i], Cell)] for i in (1, 2, 3)]  # type: ignore[arg-type]
    d = ChartDrawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 130, 30
    chart.width, chart.height = width - 170, height - 65
    chart.data = data[::-1]  # in each group the first age group on the right too
    chart.categoryAxis.categoryNames = [""] * len(genders)
    chart.categoryAxis.reverseDirection = 1  # the first gender on the right
    chart.categoryAxis.visibleLabels = 0  # drawn shaped below
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for s in data for v in s] or [1.0]) or 1.0
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    _mirror_value_axis(chart.valueAxis)
    chart.barSpacing = 1
    chart.groupSpacing = 12
    for i, colour in enumerate(SERIES[::-1]):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    d.add(chart)
    band = chart.width / max(len(genders), 1)
    for i, gender in enumerate(genders):
        d.label(tr(gender), chart.x + chart.width - (i + 0.5) * band, chart.y - 16, 8, "middle")
    _legend_rtl(d, 110, height - 40, [tr(n) for n in AGE_SERIES])
    hidden = sum(1 for r in table.rows for c in r[1:4] if isinstance(c, Cell) and c.hidden)
    if hidden:
        d.label(tr(SUPPRESSED_NOTE).format(n=hidden), 110, height - 100, 7, colour=GREY)
    return d
