"""Start-up in Urdu (issue 19): the first window is right to left, in Nastaliq and in Urdu,
without what made start-up in Urdu slow (the ``Qt`` namespace, whose enums Python builds on
first use, and the record fields' module); a later change of language still translates the
code lists again. ``make bench`` (``bench/gui_startup.py``) measures the time itself."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tipdesk.core.codes import Stage
from tipdesk.core.languages import Language
from tipdesk.paths import Paths
from tipdesk.ui.context import AppConfig
from tipdesk.ui.language import (
    LAST_LANGUAGE_FILE,
    URDU_FAMILY,
    apply_language,
    last_language,
    remember_language,
)

URDU_LETTER = re.compile(r"[\u0600-\u06FF]")

_FIRST_WINDOW = """
import json, sys
from pathlib import Path
import PySide6.QtCore as QtCore
from tipdesk.paths import Paths
from tipdesk.ui.app import AppController, make_application
from tipdesk.ui.context import AppConfig

app = make_application(["tipdesk-test"])
window = AppController(AppConfig(paths=Paths(Path(sys.argv[1])))).start()
print(json.dumps({
    "window": type(window).__name__,
    "right_to_left": window.isRightToLeft(),
    "font": app.font().families()[0],
    "title": window.windowTitle(),
    # PySide6 builds a class on first use and only then puts it in the module's namespace.
    "qt_namespace": "Qt" in QtCore.__dict__,
    "fields": "tipdesk.ui.widgets.fields" in sys.modules,
}))
"""


@pytest.mark.parametrize("chosen", ["last used here", "TIPDESK_LANG"])
@pytest.mark.parametrize("store", [True, False], ids=["sign-in", "setup wizard"])
def test_the_first_window_in_urdu(
    store: bool, chosen: str, gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    """Right to left, in Nastaliq and in Urdu, chosen either way; the sign-in window without
    the Qt namespace or the fields module. In a fresh interpreter, so that what other tests
    loaded does not count."""
    home = gui_config.paths.home
    if store:
        make_install()
    env = {k: v for k, v in os.environ.items() if k != "TIPDESK_LANG"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if chosen == "TIPDESK_LANG":
        env["TIPDESK_LANG"] = "ur"
    else:
        home.mkdir(parents=True, exist_ok=True)
        (home / LAST_LANGUAGE_FILE).write_text("ur\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW, str(home)],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    assert shown["window"] == ("StartWindow" if store else "SetupWizard")
    assert shown["right_to_left"] is True
    assert shown["font"] == URDU_FAMILY
    assert URDU_LETTER.search(shown["title"]), shown["title"]
    if store:  # the sign-in window (the setup wizard, shown once, builds more of Qt)
        assert shown["qt_namespace"] is False
        assert shown["fields"] is False


def test_the_first_window_in_english_is_left_to_right(
    gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    make_install()
    env = {k: v for k, v in os.environ.items() if k != "TIPDESK_LANG"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW, str(gui_config.paths.home)],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    assert (shown["right_to_left"], shown["title"]) == (False, "TIPDesk — sign in")
    assert shown["font"] != URDU_FAMILY
    assert shown["qt_namespace"] is False


def test_a_change_of_language_translates_the_code_lists_again(qapp: QApplication) -> None:
    """Once the record fields are loaded, their cached names follow the language."""
    from tipdesk.ui.widgets.fields import enum_labels

    apply_language(qapp, Language.ENGLISH)
    assert enum_labels()[Stage]["registered"] == "Registered"
    try:
        apply_language(qapp, Language.URDU)
        assert qapp.isRightToLeft()
        assert URDU_LETTER.search(enum_labels()[Stage]["registered"])
    finally:
        apply_language(qapp, Language.ENGLISH)
    assert not qapp.isRightToLeft()
    assert enum_labels()[Stage]["registered"] == "Registered"


def test_the_last_language_is_written_only_when_it_changes(tmp_path: Path) -> None:
    """Every start in a chosen language remembers it: the file is not rewritten each time."""
    paths = Paths(tmp_path / "home")
    remember_language(paths, Language.URDU)
    kept = paths.home / LAST_LANGUAGE_FILE
    os.utime(kept, (1_000_000_000, 1_000_000_000))
    remember_language(paths, Language.URDU)
    assert kept.stat().st_mtime == 1_000_000_000
    assert last_language(paths) is Language.URDU
    remember_language(paths, Language.ENGLISH)
    assert last_language(paths) is Language.ENGLISH
