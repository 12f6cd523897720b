"""Checking an editor's record again as the officer fixes its problems.

Contract: once a save showed problems, :meth:`LiveCheck.run` (called on every edit) builds the
record from the form and runs the save's check through the runner, one check at a time (an edit
during a check runs one more after it, with the latest input). Of the problems found, only those
of inputs that already showed one are shown: a fixed problem leaves its input, the summary's
count and the tab titles at once, and typing into a fresh input never turns it red under the
officer's fingers (its problems wait for the next save). It never saves anything.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tipdesk.core.errors import KnownError, Problem
from tipdesk.services import editing

if TYPE_CHECKING:  # the editor makes its live check
    from tipdesk.ui.pages.records.editors.base import RecordEditor


class LiveCheck:
    """The live checks of one editor (see the module contract)."""

    def __init__(self, editor: RecordEditor) -> None:
        self._editor = editor
        self._checking = False  # a check is with the runner
        self._again = False  # an edit came while it was

    def run(self) -> None:
        """Check what is on screen and show which of the shown problems remain."""
        if self._checking:
            self._again = True
            return
        editor = self._editor
        self._checking = True
        editor.form.finish_loading()
        record, local = editor.form.build()
        editor.ctx.runner.submit(
            partial(editing.check, record=record),
            editor.guard(lambda found: self._on_checked(local, found)),
            editor.guard(self._on_failed),
        )

    def _on_checked(self, local: list[Problem], found: list[Problem]) -> None:
        self._checking = False
        if self._again:
            self._again = False
            self.run()
            return
        editor = self._editor
        if editor.saving or not editor.last_problems:
            return
        unreadable = {p.field for p in local}
        current = local + [p for p in found if p.field not in unreadable]
        shown = {p.field for p in editor.last_problems}
        remaining = [p for p in current if p.field in shown]
        if [(p.field, p.message) for p in remaining] == [
            (p.field, p.message) for p in editor.last_problems
        ]:
            return
        if remaining:
            editor.show_problems(remaining, focus=False)
        else:
            editor.clear_problems()
            editor.set_status(editor.tr("Every problem is fixed: save when ready (Ctrl+S)"))

    def _on_failed(self, exc: BaseException) -> None:
        self._checking = self._again = False
        if not isinstance(exc, KnownError):  # a known one shows again at the next save
            self._editor.ctx.report(exc)
