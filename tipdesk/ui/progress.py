"""Long work (demo data, backup, restore) on the store's thread with a progress dialog.

The work runs on the store's thread (see :mod:`tipdesk.ui.runner`); the GUI thread only polls
the shared :class:`~tipdesk.ui.runner.Progress` every 100 ms, so the window keeps repainting and
answering. Cancel sets the flag; the work raises :class:`~tipdesk.ui.runner.Cancelled` at its
next progress update, and ``on_cancelled`` is called instead of ``on_done``. Work that cannot
report progress shows a busy bar and no Cancel button (``cancellable=False``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from tipdesk.ui.runner import Cancelled, Failed, Progress, Runner

if TYPE_CHECKING:
    from tipdesk.services.session import Session

T = TypeVar("T")


class ProgressDialog(QProgressDialog):
    """Shows a :class:`Progress` (polled) and turns Cancel into :meth:`Progress.cancel`."""

    def __init__(
        self, parent: QWidget | None, title: str, text: str, *, cancellable: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setLabelText(text)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(300)
        self.setMinimumWidth(420)
        self.setRange(0, 0)
        if not cancellable:
            self.setCancelButton(None)
        else:
            self.setCancelButtonText(self.tr("Cancel"))
        self.progress = Progress()
        self.canceled.connect(self._on_canceled)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.finished_work = False

    def poll(self) -> None:
        done, total = self.progress.snapshot()
        if total > 0:
            if self.maximum() != total:
                self.setRange(0, total)
            self.setValue(min(done, total))

    def _on_canceled(self) -> None:
        self.progress.cancel()
        self.setLabelText(self.tr("Cancelling… (the step under way finishes first)"))
        if not self.isVisible():
            self.show()

    def finish(self) -> None:
        self.finished_work = True
        self._timer.stop()
        self.poll()
        self.reset()
        self.close()
        self.deleteLater()


def run_with_progress(
    runner: Runner,
    parent: QWidget | None,
    title: str,
    text: str,
    work: Callable[[Session, Progress], T],
    on_done: Callable[[T], None],
    on_error: Failed,
    *,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
) -> ProgressDialog:
    """Run ``work(session, progress)`` on the runner behind a progress dialog."""
    dialog = ProgressDialog(parent, title, text, cancellable=cancellable)
    progress = dialog.progress

    def done(value: T) -> None:
        dialog.finish()
        on_done(value)

    def failed(exc: BaseException) -> None:
        dialog.finish()
        if isinstance(exc, Cancelled):
            if on_cancelled is not None:
                on_cancelled()
            return
        on_error(exc)

    runner.submit(lambda session: work(session, progress), done, failed)
    return dialog
