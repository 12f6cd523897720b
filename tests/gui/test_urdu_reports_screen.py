"""The Reports screen in Urdu (issue 19): the tables' row labels and headers worded as the
Urdu PDF words them (one source: ``localized_table``), proper names and codes kept, right to
left; the banner's scope in Urdu."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from test_reports_view import _build, _reports, reports_window  # noqa: F401 (a fixture)

from tipdesk.core.languages import Language
from tipdesk.reports import rtl_text
from tipdesk.reports.localize import KEPT_COLUMNS, localized_table
from tipdesk.services.reports import report_wording
from tipdesk.ui.language import apply_language
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.reports.page import BREAKDOWNS

ISOLATES = re.compile("[\u2066-\u2069\u200e\u200f]")


@pytest.fixture
def urdu(reports_window: MainWindow) -> Iterator[MainWindow]:  # noqa: F811
    app = QApplication.instance()
    apply_language(app, Language.URDU)  # type: ignore[arg-type]
    try:
        yield reports_window
    finally:
        apply_language(app, Language.ENGLISH)  # type: ignore[arg-type]


def test_row_labels_are_the_urdu_pdfs(urdu: MainWindow) -> None:
    page = _reports(urdu)
    _build(page)
    panel = page.report_panel
    assert panel is not None and panel.report is not None
    pdf_words = report_wording("ur")  # the command line's wording, read from the .ts
    labels = 0
    for key in BREAKDOWNS:
        model = panel.table_models[key]
        table = panel.report.tables[key]
        expected = localized_table(table, pdf_words)
        heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert heads == [c.label for c in expected.columns], key
        rows = [*expected.rows, *([expected.total] if expected.total else [])]
        for r, row in enumerate(rows):
            for c, column in enumerate(expected.columns):
                if not isinstance(row[c], str) or not row[c]:
                    continue
                shown = model.index(r, c).data()
                assert shown == row[c], (key, r, c)  # the same words as the PDF
                if column.key not in KEPT_COLUMNS and column.kind.name == "TEXT":
                    labels += 1
                    words = re.findall(r"[A-Za-z]{2,}", ISOLATES.sub("", shown))
                    # Acts' short names and codes stay Latin; everything else reads in Urdu.
                    assert rtl_text.has_rtl(shown) or column.key == "code" or words == [], shown
        assert model.index(model.rowCount() - 1, 0).data() != "Total", key
    assert labels > 40  # genders, age groups, forms, services, outcomes, stages...
    gender = panel.table_models["victims_by_gender_and_age_group"]
    assert [gender.index(r, 0).data() for r in range(2)] == ["خاتون", "مرد"]
    view = panel.table_views["victims_by_gender_and_age_group"]
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft  # first column on the right


def test_the_banner_names_the_scope_in_urdu(urdu: MainWindow) -> None:
    page = _reports(urdu)
    _build(page)
    panel = page.report_panel
    assert panel is not None
    text = ISOLATES.sub("", panel.banner.text())
    assert "پاکستان (تمام صوبے اور اضلاع)" in text
    assert "Pakistan" not in text and "provinces" not in text


def test_english_row_labels_are_unchanged(reports_window: MainWindow) -> None:  # noqa: F811
    page = _reports(reports_window)
    _build(page)
    panel = page.report_panel
    assert panel is not None
    gender = panel.table_models["victims_by_gender_and_age_group"]
    assert gender.index(0, 0).data() == "Female"
    assert gender.headerData(0, Qt.Orientation.Horizontal) == "Gender"
    assert "Pakistan (all provinces and districts)" in panel.banner.text()
    assert QModelIndex().isValid() is False
