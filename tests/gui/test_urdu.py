"""The app in Urdu: choosing the language (settings, setup wizard, sign-in), the window shown
again in it without losing the session or unsaved input, right to left, the Nastaliq font,
and a sweep of every page for words left in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, message_boxes, sign_in
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabBar,
    QWidget,
)
from records_support import answer_next_dialog, click_message_button

from tipdesk.core.languages import Language
from tipdesk.services import session as session_service
from tipdesk.services import user_prefs
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.language import (
    URDU_FAMILY,
    apply_language,
    current_language,
    last_language,
)
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.settings.page import SettingsView
from tipdesk.ui.pages.setup.wizard import SetupWizard

RLM = "\u200f"  # a right-to-left mark: Urdu sentences starting with a Latin word
URDU_LETTER = re.compile(r"[\u0600-\u06FF]")


def _settings(window: MainWindow) -> SettingsView:
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    return page


def _choose(window: MainWindow, language: Language) -> None:
    chooser = _settings(window).language_card.chooser
    chooser.set_language(language)
    chooser.activated.emit(chooser.currentIndex())  # as a user's pick does


def _stored_language(controller: AppController) -> Language | None:
    found: list[Language | None] = []
    controller.runner.submit(user_prefs.user_language, found.append)
    return found[0]


@pytest.fixture
def urdu_window(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> Iterator[MainWindow]:
    """Signed in with demo data, then switched to Urdu in the settings."""
    make_install(demo_cases=20)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    _choose(window, Language.URDU)
    urdu = controller.main_window
    assert isinstance(urdu, MainWindow)
    yield urdu


def test_choosing_urdu_in_the_settings_shows_the_window_again_in_urdu(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    english = sign_in(controller)
    runner = controller.runner
    _choose(english, Language.URDU)
    window = controller.main_window
    assert isinstance(window, MainWindow) and window is not english
    assert current_language() is Language.URDU
    # The same session (no sign-in again), on the same page, all of it in Urdu, right to left.
    assert controller.runner is runner and window.ctx.identity.user == GUI_ADMIN
    assert window.current_key() == "settings"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.nav.item(0).text() == "ڈیش بورڈ"
    assert window.lock_button.text() == "مقفل کریں"
    assert QApplication.font().families()[0] == URDU_FAMILY
    assert _settings(window).language_card.chooser.language() is Language.URDU
    # The choice is the user's, in the store, and this computer's next sign-in screen's.
    assert _stored_language(controller) is Language.URDU
    assert last_language(controller.config.paths) is Language.URDU
    _choose(window, Language.ENGLISH)
    back = controller.main_window
    assert isinstance(back, MainWindow)
    assert back.nav.item(0).text() == "Dashboard"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert _stored_language(controller) is Language.ENGLISH


def test_unsaved_input_is_never_lost_to_a_language_change(
    main_window: MainWindow, controller: AppController
) -> None:
    page = main_window.show_page("cases")
    assert isinstance(page, CasesView)
    page.new_record()
    editor = page.current_editor()
    assert editor is not None
    editor.case_form.editor("case_number").setText("FIR 5/2026")  # type: ignore[attr-defined]
    editor.case_form.sig_edited.emit()  # type: ignore[attr-defined]
    assert controller.unsaved_pages() == ["cases"]
    _choose(main_window, Language.URDU)
    # The window stays, with the input; the user is told why; the choice waits for next time.
    assert controller.main_window is main_window
    assert current_language() is Language.ENGLISH
    assert editor.case_form.editor("case_number").text() == "FIR 5/2026"  # type: ignore[attr-defined]
    assert [b.objectName() for b in message_boxes()] == ["languageLaterBox"]
    assert _stored_language(controller) is Language.URDU
    # Done: discard the input, so that closing the window asks nothing.
    answer_next_dialog(click_message_button(QMessageBox.StandardButton.Discard))
    assert page.confirm_close() is True


def test_signing_in_shows_the_users_own_language(
    controller: AppController, make_install: Callable[..., str], gui_config: AppConfig
) -> None:
    make_install()
    session = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        user_prefs.set_user_language(session, Language.URDU)
    finally:
        session.close()
    start = controller.start()
    assert "sign in" in start.windowTitle()  # nobody signed in yet: this computer's default
    window = sign_in(controller)
    assert window.nav.item(0).text() == "ڈیش بورڈ"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The next start on this computer shows the sign-in screen in the language last used.
    assert last_language(gui_config.paths) is Language.URDU
    apply_language(QApplication.instance(), Language.ENGLISH)  # type: ignore[arg-type]
    second = AppController(gui_config)
    try:
        assert second.start().windowTitle().lstrip(RLM) == "TIPDesk — سائن اِن"
    finally:
        second.shutdown()


def test_the_setup_wizard_offers_the_language_first(controller: AppController, qtbot: Any) -> None:
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    chooser = wizard.intro.language
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["English", "اردو"]
    chooser.setCurrentIndex(1)
    chooser.activated.emit(1)
    urdu = controller.start_window
    assert isinstance(urdu, SetupWizard) and urdu is not wizard
    assert urdu.isVisible() and not wizard.isVisible()
    assert urdu.windowTitle() == RLM + "TIPDesk قائم کریں"
    assert urdu.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert urdu.intro.language.language() is Language.URDU


def test_the_wizard_gives_a_weak_passphrases_reasons_in_urdu(
    controller: AppController, qtbot: Any
) -> None:
    """The user page in Urdu: every reason a passphrase is refused reads in Urdu (the
    reasons are made in core, without Qt), with no English word left."""
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    wizard.intro.language.setCurrentIndex(1)
    wizard.intro.language.activated.emit(1)
    urdu = controller.start_window
    assert isinstance(urdu, SetupWizard)
    fields = urdu.user_page.passphrase
    urdu.user_page.user_edit.setText("rashid")
    fields.passphrase_edit.setText("rashid")
    shown = re.sub("[\u2066-\u2069\u200f]", "", fields.problems_label.text())
    lines = shown.splitlines()
    assert len(lines) == 2  # too short, and the user name
    assert all(URDU_LETTER.search(line) for line in lines), shown
    assert "کم از کم 10 حروف" in shown and "صارف نام" in shown
    assert english_words(shown, []) == []
    fields.passphrase_edit.setText("password12")
    assert "password" in fields.problems_label.text()  # the word quoted stays as it is
    assert URDU_LETTER.search(fields.problems_label.text())


# --- the sweep: no word left in English -------------------------------------------------------

#: Latin words an Urdu screen keeps: names of things officers use in Latin letters.
ALLOWED = {
    "TIPDesk", "FIR", "CNIC", "HQ", "FIA", "NGO", "PDF", "CSV", "XLSX", "JSON", "USB", "Excel",
    "Ctrl", "Shift", "Alt", "Esc", "Tab", "Enter", "Down", "YYYY", "MM", "DD", "TIP",
    "tipdesk", "sync", "upload", "imported", "before", "restore", "register", "xlsx", "csv",
    "cases", "json", "tipr", "tipb", "tipbak", "txt", "zip", "pdf", "ayesha", "khan",
}  # fmt: skip
#: Record codes and case numbers (V-PB-LHR-2026-0001, FIR 12/2025) are data, not words.
CODES = re.compile(r"\b[A-Z]{1,4}(?:-[A-Z0-9]+)+\b")


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what a person sees of ``widget`` and its visible children."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget.window()):
            continue
        name = f"{type(child).__name__}#{child.objectName()}"
        if isinstance(child, QLabel):
            yield name, child.text()
        elif isinstance(child, QAbstractButton):
            yield name, child.text()
            yield name + " tooltip", child.toolTip()
        elif isinstance(child, QGroupBox):
            yield name, child.title()
        elif isinstance(child, QLineEdit):
            yield name + " placeholder", child.placeholderText()
        elif isinstance(child, QTabBar):
            for i in range(child.count()):
                yield name, child.tabText(i)
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            if isinstance(child, QListWidget):  # the sidebar
                for row in range(child.count()):
                    yield name, child.item(row).text()
                continue
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield name + " header", str(header or "")


def english_words(text: str, data: list[str]) -> list[str]:
    for value in data:
        text = text.replace(value, " ")
    text = CODES.sub(" ", re.sub(r"<[^>]+>", " ", text))
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def test_every_page_in_urdu_has_no_english_words_left(urdu_window: MainWindow, qtbot: Any) -> None:
    identity = urdu_window.ctx.identity
    data = [identity.office_name, identity.district_name, identity.user, "Punjab",
            str(urdu_window.ctx.paths.home), identity.install.device_id]  # fmt: skip
    left: list[str] = []
    urdu_texts = 0
    for key in urdu_window.pages:
        page = urdu_window.show_page(key)
        QCoreApplication.processEvents()
        for where, text in _texts(page):
            urdu_texts += bool(URDU_LETTER.search(text))
            words = english_words(text, data)
            if words:
                left.append(f"{key}: {where}: {text!r}")
    assert urdu_texts > 60  # the sweep saw the pages' texts (84 when written)
    # The window's own chrome too (sidebar, status bar, title).
    for where, text in [("title", urdu_window.windowTitle()), *_texts(urdu_window)]:
        if english_words(text, data):
            left.append(f"window: {where}: {text!r}")
    assert not sorted(set(left)), "\n".join(sorted(set(left)))


def test_urdu_text_is_laid_out_in_nastaliq(urdu_window: MainWindow) -> None:
    from PySide6.QtGui import QFontInfo

    label = urdu_window.findChild(QLabel, "pageTitle")
    assert label is not None and URDU_LETTER.search(label.text())
    assert QFontInfo(label.font()).family() == URDU_FAMILY
    # Nastaliq rises high above its baseline: the label is tall enough for its whole line.
    assert label.height() >= label.fontMetrics().height()


def test_charts_are_mirrored_right_to_left(qtbot: Any) -> None:
    """Months run from the right and the value axis stands on the right in Urdu."""
    from tipdesk.ui.widgets import charts

    for direction, months, side in (
        (
            Qt.LayoutDirection.LeftToRight,
            ["2026-01", "2026-02", "2026-03"],
            Qt.AlignmentFlag.AlignLeft,
        ),
        (
            Qt.LayoutDirection.RightToLeft,
            ["2026-03", "2026-02", "2026-01"],
            Qt.AlignmentFlag.AlignRight,
        ),
    ):
        view = charts.new_chart_view()
        qtbot.addWidget(view)
        view.setLayoutDirection(direction)
        charts.show_grouped_bars(view, ["2026-01", "2026-02", "2026-03"], [("cases", [1, 2, 3])])
        chart = view.chart()
        category = chart.axes(Qt.Orientation.Horizontal)[0]
        assert category.categories() == months
        bars = chart.series()[0].barSets()[0]
        assert [bars.at(i) for i in range(3)] == (
            [1, 2, 3] if months[0] == "2026-01" else [3, 2, 1]
        )
        assert chart.axes(Qt.Orientation.Vertical)[0].alignment() == side


def test_a_long_step_name_right_to_left_is_cut_at_its_end_not_its_start(qtbot: Any) -> None:
    """Right to left, a step name wider than its room ran off the chart's edge and lost its
    first word; there the axis cuts it with "…" at its end (left to right it spills into the
    margin, as before), and the bar's tooltip still names it in full."""
    from tipdesk.ui.widgets import charts

    steps = ["جن کے خلاف کارروائی ہوئی", "سزا یافتہ", "بری"]
    for direction, cut in ((Qt.LayoutDirection.LeftToRight, False),
                           (Qt.LayoutDirection.RightToLeft, True)):  # fmt: skip
        view = charts.new_chart_view()
        qtbot.addWidget(view)
        view.setLayoutDirection(direction)
        view.resize(320, 260)
        charts.show_funnel(view, steps, [164, 22, 71], "accused")
        axis = view.chart().axes(Qt.Orientation.Vertical)[0]
        assert axis.truncateLabels() is cut
        assert axis.alignment() == (
            Qt.AlignmentFlag.AlignRight if cut else Qt.AlignmentFlag.AlignLeft
        )


def test_validation_messages_are_shown_in_urdu(qtbot: Any) -> None:
    """A problem made in core (no Qt there) reads in Urdu, its label argument translated
    too; in English it is the English sentence."""
    from tipdesk.core.errors import Problem
    from tipdesk.core.messages import say
    from tipdesk.ui.errors import problem_text

    problem = Problem.of(
        "case_number", "required", say("{label} is required", label=say("the case number"))
    )
    future = Problem.of(
        "registered_on",
        "date.future",
        say("{value} is in the future (today is {today})", value="2027-01-02", today="2026-06-01"),
    )
    app = QApplication.instance()
    apply_language(app, Language.URDU)  # type: ignore[arg-type]
    try:
        shown = re.sub("[\u2066-\u2069\u200f]", "", problem_text(problem))
        assert shown == "مقدمہ نمبر لازمی ہے"
        assert "2027-01-02" in problem_text(future) and URDU_LETTER.search(problem_text(future))
    finally:
        apply_language(app, Language.ENGLISH)  # type: ignore[arg-type]
    assert problem_text(problem) == "the case number is required"


def test_a_refused_case_file_is_explained_in_urdu(qtbot: Any) -> None:
    """The Files tab's refusals (file type, size limit) are made in services without Qt and
    shown in Urdu, their arguments (a program's kind, a size) translated too; the file's
    name stays as it is."""
    import io

    from tipdesk.core import attachments as A
    from tipdesk.core.errors import InvalidInput
    from tipdesk.services import file_types
    from tipdesk.ui.errors import known_error_text, message_text

    with pytest.raises(InvalidInput) as refused:
        file_types.sniff(io.BytesIO(b"MZ" + bytes(62)), "challan.pdf")
    too_big = A.limit_problem(3 * A.MB, 0, A.Limits(max_file_mb=2, max_store_mb=10))
    assert too_big is not None
    app = QApplication.instance()
    apply_language(app, Language.URDU)  # type: ignore[arg-type]
    try:
        shown = known_error_text(refused.value)
        limit = message_text(too_big.template, too_big.args.items())
    finally:
        apply_language(app, Language.ENGLISH)  # type: ignore[arg-type]
    assert "challan.pdf" in shown and "Windows" in shown
    assert "منسلک نہیں کی جا سکتی" in shown and "پروگرام" in shown
    assert english_words(shown, ["challan.pdf", "Windows"]) == []
    assert "3.0" in limit and english_words(limit, ["MB"]) == []
    assert known_error_text(refused.value) == str(refused.value)


def test_overlap_notices_diary_items_and_report_words_are_shown_in_urdu(qtbot: Any) -> None:
    """The dual-role notice (made in core), a shipped follow-up's title in the diary and the
    report's export words read in Urdu; in English they are unchanged."""
    import datetime as dt

    from tipdesk.core import dual_role
    from tipdesk.core.errors import Problem
    from tipdesk.core.messages import say
    from tipdesk.core.records import Victim
    from tipdesk.services.diary import DiaryItem
    from tipdesk.ui.errors import problem_text
    from tipdesk.ui.pages.diary import labels
    from tipdesk.ui.pages.reports.models import report_wording

    pairs = [
        dual_role.Pair(0, Victim(victim_code="V-1"), dual_role.CNIC, "same CNIC"),
        dual_role.Pair(1, Victim(victim_code="V-2"), dual_role.NAME, "same name"),
    ]
    notice = Problem.of(
        "accused[0]",
        "dual_role",
        say(
            "this accused appears to be the same person as {victims} of this case; a "
            "victim must not be treated as an offender (non-criminalisation): a supervisor "
            "reviews it in the review queue, and until then the accused cannot be marked "
            "proceeded against or convicted",
            victims=dual_role.victim_words(pairs, True),
        ),
    )
    item = DiaryItem(
        "medical_follow_up:r1", "medical_follow_up", "follow_up", "r1", dt.date(2026, 5, 31),
        "Medical referral: follow up", "c1", "FIR 131/2026", "", "", "V-1", "", "", False,
    )  # fmt: skip
    english = problem_text(notice)
    assert english.startswith("this accused appears to be the same person as victim 1 (same")
    assert "victim 1 (same CNIC, a strong sign) and victim 2 (same name)" in english
    assert labels.what(item) == "Medical referral: follow up"
    app = QApplication.instance()
    apply_language(app, Language.URDU)  # type: ignore[arg-type]
    try:
        shown = problem_text(notice)
        assert URDU_LETTER.search(shown) and "victim" not in shown and "CNIC" in shown
        assert labels.what(item) == "طبی ریفرل: پیروی کریں"
        wording = report_wording()
        assert wording.rtl and wording("Victims identified by gender").startswith("شناخت")
    finally:
        apply_language(app, Language.ENGLISH)  # type: ignore[arg-type]
    assert report_wording()("District") == "District"
