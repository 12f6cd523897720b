"""The application shell: the crash handler and known-problem messages, `tipdesk` with no
arguments, translations and right-to-left layouts, the sidebar's pages."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import message_boxes, sign_in
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication

import tipdesk.__main__ as entry
from tipdesk.core.errors import DiskFull, Problem, ValidationFailed
from tipdesk.ui import app as app_module
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.errors import ErrorReporter
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages import default_pages
from tipdesk.ui.pages.setup.wizard import SetupWizard
from tipdesk.ui.style import install_translations

SECRET = "Sana Bibi 35202-7654321-2"


def _fail_with_record_contents() -> None:
    raise RuntimeError(f"while saving the victim {SECRET}")


def test_a_bug_shows_the_crash_dialog_and_saves_a_report_without_contents(
    tmp_path: Path, qtbot: Any
) -> None:
    from tipdesk.paths import Paths

    paths = Paths(tmp_path / "home")
    reporter = ErrorReporter(paths)
    try:
        _fail_with_record_contents()
    except RuntimeError as exc:
        reporter.report(exc)
    box = reporter.last_dialog
    assert box is not None and box.objectName() == "crashDialog"
    assert box.isVisible()
    assert "This is a bug" in box.text()
    assert reporter.last_report is not None
    report = Path(reporter.last_report).read_text(encoding="utf-8")
    assert report.startswith("TIPDesk ")
    assert "builtins.RuntimeError" in report
    assert "_fail_with_record_contents" in report  # where, not what
    assert "Sana" not in report and "35202" not in report
    for text in (box.text(), box.informativeText(), box.detailedText()):
        assert "Sana" not in text and "35202" not in text
    assert str(paths.logs) in box.informativeText()
    quit_requests: list[bool] = []
    reporter.sig_quit_requested.connect(lambda: quit_requests.append(True))
    quit_button = next(b for b in box.buttons() if b.text() == "Quit TIPDesk")
    quit_button.click()
    assert quit_requests == [True]


def test_known_problems_are_messages_naming_the_problem(qtbot: Any) -> None:
    reporter = ErrorReporter(None)
    reporter.report(DiskFull("The disk is full: the change was not saved."))
    box = reporter.last_dialog
    assert box is not None and box.objectName() == "knownErrorBox"
    assert box.windowTitle() == "The disk is full"
    assert box.text() == "The disk is full: the change was not saved."
    box.close()
    problems = [
        Problem("age", "age.range", "Age must be 0 to 120."),
        Problem("cnic", "cnic.format", "The CNIC has 13 digits."),
    ]
    reporter.report(ValidationFailed(problems))
    box = reporter.last_dialog
    assert box is not None
    assert box.text().splitlines() == [
        "Please correct the following:", "• Age must be 0 to 120.", "• The CNIC has 13 digits."
    ]  # fmt: skip


def test_an_ordinary_os_error_is_one_message_naming_it_and_no_crash_report(
    tmp_path: Path, qtbot: Any
) -> None:
    from tipdesk.paths import Paths

    paths = Paths(tmp_path / "home")
    reporter = ErrorReporter(paths)
    target = tmp_path / "gone" / "cases.csv"  # its folder vanished
    with pytest.raises(OSError) as caught:
        target.write_text("x", encoding="utf-8")
    reporter.report(caught.value)
    box = reporter.last_dialog
    assert box is not None and box.objectName() == "knownErrorBox"
    assert box.windowTitle() == "Could not finish"
    assert box.text() == f"{target} does not exist (or a folder on its way does not)."
    assert [b.objectName() for b in message_boxes()] == ["knownErrorBox"]
    assert reporter.last_report is None
    assert not paths.logs.exists()  # no crash report was written
    box.close()
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "tipdesk.db"))
    reporter.report(full)
    box = reporter.last_dialog
    assert box is not None
    assert box.windowTitle() == "The disk is full"
    assert box.text() == f"The disk is full: {tmp_path / 'tipdesk.db'} was not completed."
    box.close()
    reporter.report(PermissionError(errno.EACCES, "Permission denied", "/media/usb/export"))
    box = reporter.last_dialog
    assert box is not None and box.text() == "Permission denied: /media/usb/export."
    assert reporter.last_report is None and not paths.logs.exists()


def test_uncaught_exceptions_go_to_the_reporter(tmp_path: Path, qtbot: Any) -> None:
    from tipdesk.paths import Paths

    reporter = ErrorReporter(Paths(tmp_path / "home"))
    old_hook = sys.excepthook
    try:
        reporter.install()
        try:
            _fail_with_record_contents()
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old_hook
    assert reporter.last_report is not None
    assert [b.objectName() for b in message_boxes()] == ["crashDialog"]


def test_tipdesk_without_arguments_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(app_module, "main", lambda argv: calls.append(list(argv)) or 0)
    monkeypatch.setattr(app_module, "cannot_start_reason", lambda: None)
    assert entry.main([]) == 0
    assert len(calls) == 1


def test_without_a_display_tipdesk_shows_the_overview(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    if sys.platform.startswith("linux"):
        assert app_module.cannot_start_reason() is not None
    shown: list[bool] = []
    monkeypatch.setattr("tipdesk.cli.overview.show_overview", lambda: shown.append(True) or 0)
    monkeypatch.setattr(app_module, "cannot_start_reason", lambda: "no display")
    assert entry.main([]) == 0
    assert shown == [True]
    assert "cannot start here (no display)" in capsys.readouterr().err


def test_without_qt_tipdesk_shows_the_overview(tmp_path: Path) -> None:
    # PySide6 made unimportable in a fresh interpreter: `tipdesk` falls back to the overview.
    script = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import tipdesk.cli.overview as o; o.show_overview = lambda: print('OVERVIEW') or 0\n"
        "from tipdesk.__main__ import main; sys.exit(main([]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={"TIPDESK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "OVERVIEW"
    assert "Qt (PySide6) is not available" in proc.stderr


_FIRST_WINDOW = """
import sys
from pathlib import Path
from tipdesk.paths import Paths
from tipdesk.ui.app import AppController, make_application
from tipdesk.ui.context import AppConfig

make_application(["tipdesk-test"])
window = AppController(AppConfig(paths=Paths(Path(sys.argv[1])))).start()
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] == "sqlcipher3" or name.startswith(("tipdesk.services", "sqlite_utils"))
)
print(type(window).__name__, loaded)
"""


@pytest.mark.parametrize("store", [True, False], ids=["sign-in", "setup wizard"])
def test_the_first_window_loads_no_services_and_no_database_driver(
    store: bool, gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    """Start-up shows its first window before the services (and SQLCipher) are imported: the
    store's thread imports them once the window is up. In a fresh interpreter, so that what
    other tests imported does not count."""
    if store:
        make_install()
    proc = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW, str(gui_config.paths.home)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    shown = "StartWindow" if store else "SetupWizard"
    assert proc.stdout.strip() == f"{shown} []"


def test_the_sidebar_pages(main_window: MainWindow) -> None:
    keys = [s.key for s in default_pages()]
    assert keys == ["dashboard", "diary", "cases", "victims", "trainings", "campaigns", "review",
                    "sync", "reports", "audit", "settings", "users"]  # fmt: skip
    texts = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert texts == ["Dashboard", "Diary", "Cases", "Victims", "Training", "Campaigns", "Review",
                     "Sync", "Reports", "Audit", "Settings", "Users"]  # fmt: skip
    sync_page = main_window.show_page("sync")
    assert main_window.page_stack.currentWidget() is sync_page
    assert main_window.current_key() == "sync"
    # Pages are built when first shown, once.
    assert main_window.page("sync") is sync_page


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_layouts_survive_right_to_left(
    right_to_left: None, controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install(demo_cases=5)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    side = window.nav.parentWidget()
    assert side is not None
    # The sidebar moves to the right-hand side, the pages to the left.
    side_x = side.mapTo(window, QPoint(0, 0)).x()
    stack_x = window.page_stack.mapTo(window, QPoint(0, 0)).x()
    assert side_x > stack_x
    for key in ("dashboard", "audit", "settings", "users"):
        page = window.show_page(key)
        assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert page.isVisible()
        # Nothing of the page sticks out of the window.
        top_left = page.mapTo(window, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.x() + page.width() <= window.width()
    wizard_config_home = controller.config.paths.home.parent / "rtl-wizard"
    from dataclasses import replace

    from tipdesk.paths import Paths
    from tipdesk.resources import load_reference
    from tipdesk.ui.runner import InlineRunner

    wizard = SetupWizard(replace(controller.config, paths=Paths(wizard_config_home)),
                         InlineRunner(), controller.reporter.report, load_reference())  # fmt: skip
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.steps.mapTo(wizard, QPoint(0, 0)).x() > wizard.width() // 2


def test_an_urdu_translation_is_picked_up(
    tmp_path: Path, qapp: QApplication, controller: AppController,
    make_install: Callable[..., str], qtbot: Any,
) -> None:  # fmt: skip
    ts = tmp_path / "tipdesk_ur.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="ur_PK">\n'
        "<context><name>pages</name>\n"
        "<message><source>Dashboard</source><translation>ڈیش بورڈ</translation></message>\n"
        "</context>\n"
        "<context><name>MainWindow</name>\n"
        "<message><source>Lock</source><translation>لاک</translation></message>\n"
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "tipdesk_ur.qm")],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    default_locale = QLocale()
    translators = install_translations(qapp, "ur_PK", folder=tmp_path)
    try:
        assert translators
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        make_install()
        window = sign_in(controller)
        assert window.nav.item(0).text() == "ڈیش بورڈ"
        assert window.lock_button.text() == "لاک"
        assert QCoreApplication.translate("pages", "Cases") == "Cases"  # untranslated: English
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(default_locale)


def test_one_app_per_data_folder(tmp_path: Path, qtbot: Any) -> None:
    from tipdesk.paths import Paths

    paths = Paths(tmp_path / "home")
    first = app_module.instance_lock(paths)
    assert first is not None and paths.lockfile.exists()
    assert app_module.instance_lock(paths) is None  # a second app on the same folder
    assert app_module.instance_lock(Paths(tmp_path / "other")) is not None  # another folder
    first.unlock()
    again = app_module.instance_lock(paths)
    assert again is not None
    again.unlock()


def test_a_lock_left_by_a_killed_app_is_taken_over(tmp_path: Path, qtbot: Any) -> None:
    """A crash must not lock officers out of their own data."""
    from tipdesk.paths import Paths

    paths = Paths(tmp_path / "home")
    holder = subprocess.Popen(  # a process that takes the lock and is killed holding it
        [sys.executable, "-c",
         "import sys, time\n"
         "from pathlib import Path\n"
         "from tipdesk.paths import Paths\n"
         "from tipdesk.ui.app import instance_lock\n"
         "lock = instance_lock(Paths(Path(sys.argv[1])))\n"
         "print('held' if lock else 'busy', flush=True)\n"
         "time.sleep(60)\n",
         str(paths.home)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        assert app_module.instance_lock(paths) is None
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    taken = app_module.instance_lock(paths)
    assert taken is not None
    taken.unlock()


def test_a_second_app_says_the_first_is_open_and_exits(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tipdesk.paths import Paths
    from tipdesk.ui.context import AppConfig

    paths = Paths(tmp_path / "home")
    held = app_module.instance_lock(paths)
    assert held is not None
    shown: list[str] = []
    monkeypatch.setattr(
        app_module.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    try:
        assert app_module.main([], config=AppConfig(paths=paths)) == 1
    finally:
        held.unlock()
    assert len(shown) == 1 and "already open for this data folder" in shown[0]
