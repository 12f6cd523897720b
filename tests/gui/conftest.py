"""Qt settings and fixtures for the GUI tests (pytest-qt, offscreen).

Every Qt setting lives here, not in pyproject.toml, so that a run without PySide6 still works:
the offscreen platform is chosen before Qt is imported, and a Qt warning, critical or fatal
message logged during a test fails it. Stores are made with a tiny Argon2id cost and the
synchronous runner (widget tests are deterministic); one test covers the threaded worker.
"""

from __future__ import annotations

import importlib.util
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYTEST_QT_API", "pyside6")

if importlib.util.find_spec("PySide6") is None:  # pragma: no cover - no Qt: skip this folder
    collect_ignore_glob = ["*.py"]
else:
    from gui_support import (  # noqa: F401 (fixtures)
        _close_windows,
        _fail_on_qt_warnings,
        _tipdesk_look,
        controller,
        fake_time,
        gui_clock,
        gui_config,
        main_window,
        make_install,
    )
    from sync_screens import (  # noqa: F401 (fixtures of the Sync screen tests)
        hq_config,
        hq_controller,
        linked,
        linked_on_pg,
    )
