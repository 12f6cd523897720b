"""A full case (2 accused, 2 victims, a referral) entered with real key events through the
real editor takes fewer than 50 navigation keys (issue 17's walk-through took ~110): the
driver of ``bench/keystrokes.py``, which also checks every value was saved."""

from __future__ import annotations

from typing import Any

from records_support import RecordsApp, empty_app

from tipdesk.ui.devtools.keystrokes import enter_full_case

FIXTURES = (empty_app,)


def test_a_full_case_takes_fewer_than_50_navigation_keys(qtbot: Any, empty_app: RecordsApp) -> None:
    entry = enter_full_case(empty_app.session)
    assert entry.case is not None  # the driver checked the saved values
    assert entry.keys.navigation < 50, entry.keys.log
    # None spent working around the app: every navigation key is a Tab, an arrow, Space or
    # a shortcut; no Escape, Backspace or Delete to undo what the app did.
    assert not any(k.endswith(("Escape", "Backspace", "Delete")) for k in entry.keys.log)
