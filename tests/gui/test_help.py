"""The user guide in the app: F1 opens the part about the screen on view (the lock screen's
while locked), every screen of the sidebar has a part, every picture the guide shows exists
and is drawn no wider than the window allows, a missing guide is a message, not an error."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from tipdesk.paths import help_dir
from tipdesk.ui.help import IMAGE_WIDTH, HelpWindow, guide_file, read_guide
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages import default_pages

GUIDE = help_dir() / "user-guide.md"


def test_every_screen_has_its_part_and_every_picture_exists() -> None:
    parts = read_guide(GUIDE.read_text(encoding="utf-8"))
    keys = {k for p in parts for k in p.keys}
    screens = {spec.key for spec in default_pages()}
    assert screens - keys == set(), "screens the guide says nothing about"
    assert "unlock" in keys
    assert all("<!--" not in p.markdown for p in parts)
    for name in re.findall(r"\]\((screenshots/[^)\s]+)\)", GUIDE.read_text(encoding="utf-8")):
        assert (GUIDE.parent / name).is_file(), name


def test_read_guide_splits_at_headings_and_keeps_the_marks_out() -> None:
    text = "# Guide\n\nIntro.\n\n<!-- help: cases victims -->\n## Cases\n\nA case.\n\n## Other\n"
    parts = read_guide(text)
    assert [(p.title, p.keys) for p in parts] == [
        ("Guide", ()),
        ("Cases", ("cases", "victims")),
        ("Other", ()),
    ]
    assert parts[1].markdown == "# Cases\n\nA case." and parts[1].anchor == "cases"


def test_f1_opens_the_part_about_the_screen(main_window: MainWindow, qtbot: Any) -> None:
    main_window.show_page("sync")
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    window = main_window.help_window
    assert window is not None and window.isVisible()
    assert window.windowTitle() == "TIPDesk help"
    assert "sync" in window.current.keys
    assert "Upload now" in window.browser.toPlainText()
    main_window.show_page("victims")
    main_window.help_button.click()
    assert "victims" in window.current.keys and "Reveal identity" in window.browser.toPlainText()
    window.contents.setCurrentRow(window.part_for("reports"))
    assert window.browser.toPlainText().startswith("Reports")


def test_f1_on_the_lock_screen_opens_signing_in(main_window: MainWindow) -> None:
    main_window.lock()
    window = main_window.show_help()
    assert window.current.keys == ("unlock",)
    assert window.isVisible()
    main_window.unlock()


def test_pictures_are_drawn_within_the_window(qtbot: Any) -> None:
    window = HelpWindow(guide=GUIDE)
    qtbot.addWidget(window)
    window.show_for("sync")
    widths = _image_widths(window.browser.document())
    assert widths and max(widths) <= IMAGE_WIDTH


def _image_widths(document: QTextDocument) -> list[float]:
    out: list[float] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                out.append(fmt.toImageFormat().width())
            it += 1
        block = block.next()
    return out


def test_a_missing_guide_is_a_message(tmp_path: Path, qtbot: Any) -> None:
    window = HelpWindow(guide=tmp_path / "user-guide.md")
    qtbot.addWidget(window)
    assert "missing" in window.browser.toPlainText()
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]


def test_a_guide_in_the_users_language_is_preferred(tmp_path: Path) -> None:
    (tmp_path / "user-guide.md").write_text("# Guide\n", encoding="utf-8")
    assert guide_file(tmp_path, "ur") == tmp_path / "user-guide.md"
    (tmp_path / "user-guide.ur.md").write_text("# رہنما\n", encoding="utf-8")
    assert guide_file(tmp_path, "ur") == tmp_path / "user-guide.ur.md"
    assert guide_file(tmp_path, "en") == tmp_path / "user-guide.md"
