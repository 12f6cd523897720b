"""HQ's quarantine reasons name the fields as the editors word them (the command line's
wording, :mod:`tipdesk.core.field_paths`), in English and in Urdu: in the Sync screen's import
report, whose Details column wraps the reason whole, and in Reports -> Data quality ->
Quarantined. The receipt's and ``--json``'s machine path is unchanged. Synthetic data only.

With ``--basetemp`` the two screens are saved as PNG files under the test's folder."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sync_screens import import_at_hq, session

from tipdesk.core.languages import Language
from tipdesk.core.records import Case
from tipdesk.services import sync
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.language import apply_language

# Bidi isolates and marks around a message's arguments (in Urdu): not what is compared.
ISOLATES = re.compile("[\u2066-\u2069\u200e\u200f]")

# What each language shows for the two refused fields (the labels as the editors word them).
EXPECTED = {
    Language.ENGLISH: (
        "Registered on: 2099-01-01 is in the future",
        "Accused 1, Age (years): 130 is not a possible age",
    ),
    Language.URDU: ("تاریخِ اندراج: ", "ملزم 1، عمر (سال): "),
}


@pytest.fixture(params=[Language.ENGLISH, Language.URDU], ids=["en", "ur"])
def language(request: pytest.FixtureRequest) -> Iterator[Language]:
    app = QApplication.instance()
    apply_language(app, request.param)  # type: ignore[arg-type]
    try:
        yield request.param
    finally:
        apply_language(app, Language.ENGLISH)  # type: ignore[arg-type]


def _bundle_with_bad_fields(gui_config: AppConfig, out: Path) -> tuple[Path, str]:
    """A district whose case is registered in 2099 and whose first accused is 130 years old
    (saved past the checks, as an older version of the app could have): its bundle, and
    the case number."""
    district = session(gui_config.paths, gui_config.clock)
    try:
        first = str(district.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        case = district.store.get("case", first)
        assert isinstance(case, Case) and case.accused
        case.registered_on = dt.date(2099, 1, 1)
        case.accused[0].age = 130
        district.store.save([case], district.actor())
        out.mkdir()
        bundle = sync.export_bundle(district, out).path
        assert bundle is not None
        return bundle, case.case_number
    finally:
        district.close()


def test_quarantine_reasons_name_fields_by_their_labels(
    linked: None,
    language: Language,
    gui_config: AppConfig,
    hq_controller: AppController,
    tmp_path: Path,
) -> None:
    bundle, number = _bundle_with_bad_fields(gui_config, tmp_path / "usb")
    hq = import_at_hq(hq_controller, bundle)
    window = hq_controller.main_window
    assert window is not None and hq.report is not None
    # The whole case is held (its accused, victims and referrals each with the case's
    # reasons); the machine's path is kept as it was: what a receipt carries, --json prints.
    (held_case,) = [q for q in hq.report.quarantined if q["kind"] == "case"]
    fields = {p["field"] for p in held_case["problems"]}
    assert {"registered_on", "accused[0].age"} <= fields

    model, table = hq.report_view.problems_model, hq.report_view.problems_table
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    (held,) = [r for r, row in enumerate(rows) if number in row[1]]  # the case's row
    details = [ISOLATES.sub("", row[2]) for row in rows]
    for words in EXPECTED[language]:
        assert words in details[held]
    assert "registered_on" not in details[held] and "accused[0]" not in details[held]
    # The reason is wrapped whole in its row, not cut at the column's edge: once the window
    # has laid its columns out, the row is as tall as its text needs at the Details' width.
    QApplication.processEvents()
    assert table.wordWrap()
    assert table.rowHeight(held) == table.sizeHintForRow(held)
    assert table.rowHeight(held) > 3 * table.verticalHeader().defaultSectionSize()
    window.grab().save(str(tmp_path / f"import-report-{language.value}.png"))

    page: Any = window.show_page("reports")
    panel = page.show_tab("quality")
    panel.tabs.setCurrentIndex(1)
    rows = [
        [panel.quarantine_model.index(r, c).data() for c in range(5)]
        for r in range(panel.quarantine_model.rowCount())
    ]
    (reason,) = [ISOLATES.sub("", r[4]) for r in rows if number in r[3]]
    table = panel.quarantine_table
    QApplication.processEvents()
    held = next(r for r, row in enumerate(rows) if number in row[3])
    assert table.rowHeight(held) == table.sizeHintForRow(held)  # wrapped whole
    for words in EXPECTED[language]:
        assert words in reason
    window.grab().save(str(tmp_path / f"data-quality-{language.value}.png"))
