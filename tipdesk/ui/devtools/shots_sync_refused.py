"""The Sync screens showing a refusal, for ``python -m tipdesk.ui.devtools.screenshots``
(importing this module registers them; with ``--lang ur`` they show the Urdu of issue 19):
``sync-district-refused`` (the message the district sees for a receipt altered on the way)
and ``sync-hq-refused`` (HQ's import report listing a bundle altered on the way as refused).
They reuse the demo district and HQ of :mod:`tipdesk.ui.devtools.shots_sync`. Synthetic data
only.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tipdesk.ui.devtools import shots_sync
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.errors import ErrorReporter
from tipdesk.ui.pages.sync import district


def _altered(source: Path, dest: Path) -> Path:
    """A copy of ``source`` with one byte changed in its middle (as a bad USB stick does)."""
    data = bytearray(source.read_bytes())
    data[len(data) // 2] ^= 0x01
    dest.write_bytes(bytes(data))
    return dest


def _sync_district_refused(shots: Shots) -> QWidget:
    state = shots_sync._prepare(shots)
    shots_sync._sync_district(shots)
    window = state.window
    bad = _altered(state.receipt, shots.tmp / f"altered-{state.receipt.name}")
    failures: list[BaseException] = []
    # As the Import a receipt button does, without the file question.
    window.ctx.runner.submit(partial(district._import_receipt, path=bad), lambda _: None,
                             failures.append)  # fmt: skip
    assert failures, "the altered receipt was accepted"
    reporter = ErrorReporter(None, lambda: window)
    shots.on_close(reporter.deleteLater)
    reporter.report(failures[0])
    settle()
    dialog = reporter.last_dialog
    assert dialog is not None
    return dialog


def _sync_hq_refused(shots: Shots) -> QWidget:
    window = shots_sync._hq_window(shots)
    state = shots_sync._prepare(shots)
    assert state.second is not None
    bad = _altered(state.second, shots.tmp / f"altered-{state.second.name}")
    panel = shots_sync._hq_panel(window)
    panel.import_paths([bad])
    settle()
    panel.tabs.setCurrentIndex(panel.report_tab)
    settle()
    return window


register("sync-district-refused", _sync_district_refused)
register("sync-hq-refused", _sync_hq_refused)
