"""The charts of the Urdu PDF (issue 19): legends, category labels (months, genders, stages),
bar labels and notes in Urdu, drawn shaped; mirrored like the app's charts (the first month
and the first gender on the right, the value axis on the right); English charts unchanged."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics import renderPDF  # type: ignore[import-untyped, unused-ignore]
from test_urdu_output import _tool, needs_poppler

from tipdesk.reports import pdf_charts, rtl_text
from tipdesk.reports.model import Report
from tipdesk.reports.pdf_charts import funnel_chart, month_words, trend_chart, victims_chart
from tipdesk.reports.writers import render
from tipdesk.services.reports import report_wording

WIDTH = 770.0
#: What a chart may print in Latin letters or none: figures, years, the suppression marks.
FIGURES = re.compile(r"\u200f?[\d,.\s]*(?:<\d+|x)?[\d,.\s]*")


def _labels(drawing: Any) -> dict[str, tuple[float, float]]:
    """Each shaped label of a chart: its text -> (x, y)."""
    assert isinstance(drawing, pdf_charts.ChartDrawing)
    return {text: (x, y) for text, x, y, *_ in drawing.shaped}


def _chart_words(drawing: Any) -> list[str]:
    return [t for t in _labels(drawing) if not FIGURES.fullmatch(t)]


def test_every_word_of_the_urdu_charts_is_urdu(rep_report: Report) -> None:
    urdu = report_wording("ur")
    for chart in (trend_chart, funnel_chart, victims_chart):
        words = _chart_words(chart(rep_report, WIDTH, title=False, wording=urdu))
        assert words, chart.__name__
        latin_only = [w for w in words if not rtl_text.has_rtl(w)]
        assert latin_only == [], chart.__name__
    trend = _labels(trend_chart(rep_report, WIDTH, wording=urdu))
    assert {"جنوری", "دسمبر", "درج شدہ مقدمات", "سزا یافتہ ملزمان", "2025"} <= set(trend)
    victims = _labels(victims_chart(rep_report, WIDTH, wording=urdu))
    assert {"خاتون", "مرد", "خواجہ سرا", "بالغ", "عمر نامعلوم"} <= set(victims)
    funnel = _labels(funnel_chart(rep_report, WIDTH, wording=urdu))
    assert {"سزا یافتہ", "بری"} <= set(funnel)
    accused = [t for t in funnel if "ملزمان" in t and re.search(r"\d", t)]
    assert len(accused) == 3  # "4 ملزمان": the figure inside the Urdu words


def test_english_charts_have_no_shaped_labels(rep_report: Report) -> None:
    for chart in (trend_chart, funnel_chart, victims_chart):
        assert not isinstance(chart(rep_report, WIDTH), pdf_charts.ChartDrawing)


def test_month_words() -> None:
    urdu = report_wording("ur")
    assert month_words("2026-03", urdu) == ("مارچ", "2026")
    assert month_words("2026-13", urdu) == ("2026-13", "")
    assert month_words("2026-12", report_wording("en")) == ("December", "2026")


def test_urdu_charts_run_from_the_right(rep_report: Report) -> None:
    urdu = report_wording("ur")
    trend = _labels(trend_chart(rep_report, WIDTH, wording=urdu))
    assert trend["جنوری"][0] > trend["فروری"][0] > trend["دسمبر"][0]
    victims = _labels(victims_chart(rep_report, WIDTH, wording=urdu))
    assert victims["خاتون"][0] > victims["مرد"][0] > victims["درج نہیں"][0]
    funnel = _labels(funnel_chart(rep_report, WIDTH, wording=urdu))
    stage = funnel["سزا یافتہ"]  # the stage's name at the right edge, its figure left of it
    figure = next(xy for t, xy in funnel.items() if t.endswith("2 ملزمان"))
    assert stage[0] == WIDTH and figure[0] < stage[0]


def _numbers_x(drawing: Any, tmp_path: Path) -> list[float]:
    """Where the figures of a chart drawn alone stand (pdftotext's word boxes)."""
    html = _tool("pdftotext", renderPDF.drawToString(drawing), tmp_path, "-bbox")
    return [
        float(line.split('xMin="')[1].split('"')[0])
        for line in html.splitlines()
        if re.search(r">\d+</word>", line)
    ]


@needs_poppler
def test_the_value_axis_stands_on_the_right_in_urdu(rep_report: Report, tmp_path: Path) -> None:
    for chart in (trend_chart, victims_chart):
        english = _numbers_x(chart(rep_report, WIDTH), tmp_path)
        urdu = _numbers_x(chart(rep_report, WIDTH, wording=report_wording("ur")), tmp_path)
        assert english and max(english) < 60  # the value axis' ticks on the left
        # In Urdu on the right (the years under the months are numbers too: left of it).
        assert max(urdu) > WIDTH - 40 and min(english) < min(urdu)


@needs_poppler
def test_the_urdu_chart_page_renders_without_english_words(
    rep_report: Report, tmp_path: Path
) -> None:
    data = render(rep_report, "pdf", report_wording("ur"))
    pages = _tool("pdftotext", data, tmp_path).split("\f")
    charts = pages[2]  # title page, headline and courts chart, then the two charts
    for english in ("Cases registered", "Accused convicted", "Child", "Adult", "Female"):
        assert english not in charts and english not in pages[1]
    assert "Proceeded against" not in pages[1] and "accused" not in pages[1]
    assert re.search(r"\b2025\b", charts)  # the years under the month names
    if shutil.which("pdftoppm"):  # and the page rasterises (a broken text object fails)
        (tmp_path / "r.pdf").write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-f", "3", "-l", "3", "-r", "30", "-png", str(tmp_path / "r.pdf"),
             str(tmp_path / "p")], check=True, capture_output=True,
        )  # fmt: skip
        assert list(tmp_path.glob("p-*.png"))


@pytest.mark.parametrize("threshold", [5])
def test_suppressed_values_are_said_in_urdu(rep_report: Report, threshold: int) -> None:
    from tipdesk.reports.suppress import suppress

    suppress(rep_report, threshold)
    urdu = report_wording("ur")
    words = _chart_words(trend_chart(rep_report, WIDTH, wording=urdu))
    notes = [w for w in words if "چھپائی" in w]
    assert len(notes) == 1 and re.search(r"\d", notes[0])
    funnel = _labels(funnel_chart(rep_report, WIDTH, wording=urdu))
    assert any("<5" in t for t in funnel)  # hidden figures as their mark, never the value


def test_the_value_axis_counts_in_whole_steps() -> None:
    assert [pdf_charts._nice_max(v) for v in (0, 1, 4, 5, 6, 23, 101)] == [5, 5, 5, 5, 10, 25, 200]
