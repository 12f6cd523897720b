"""Showing failures: a message for a problem the user can act on, a crash dialog for a bug.

Contract:
- :meth:`ErrorReporter.report` is the one place errors become dialogs. A
  :class:`~tipdesk.core.errors.KnownError` becomes a message box naming the problem (its
  message never holds record contents, passphrases or keys); validation problems are listed
  one per line. :class:`~tipdesk.ui.runner.Cancelled` is not an error and shows nothing.
- An ``OSError`` is a failure of the surroundings, not a bug (a full disk, a folder that is
  not writable, a file that vanished): one message naming the path and the reason
  (:func:`tipdesk.crash.ordinary_error`, as the command line says it), and no crash report.
- Anything else is a bug: a crash report with the exception type and code locations only
  (:mod:`tipdesk.crash`) is saved under the data folder's ``logs/`` and the crash dialog says
  where. The dialog never shows the exception's message (it could quote a record).
- :meth:`ErrorReporter.install` makes ``sys.excepthook`` (exceptions escaping Qt slots and
  event handlers) and ``threading.excepthook`` go through :meth:`report`.
- Dialogs are opened non-blocking (``open()``), so a report never nests an event loop inside
  the handler that failed. Must be called on the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from tipdesk.core import errors as E
from tipdesk.core import field_paths
from tipdesk.core.messages import Message, render
from tipdesk.crash import crash_report_text, disk_full, ordinary_error, save_crash_report
from tipdesk.paths import Paths
from tipdesk.ui.language import current_language
from tipdesk.ui.runner import Cancelled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def _title(exc: E.KnownError) -> str:
    if isinstance(exc, E.WrongPassphrase | E.LoginThrottled):
        return QApplication.translate("errors", "Not unlocked")
    if isinstance(exc, E.PermissionDenied):
        return QApplication.translate("errors", "Not allowed")
    if isinstance(exc, E.ValidationFailed):
        return QApplication.translate("errors", "Not saved")
    if isinstance(exc, E.DiskFull):
        return QApplication.translate("errors", "The disk is full")
    if isinstance(exc, E.CorruptStore):
        return QApplication.translate("errors", "Damaged file")
    if isinstance(exc, E.StoreBusy):
        return QApplication.translate("errors", "Store busy")
    if isinstance(exc, E.AuditChainBroken):
        return QApplication.translate("errors", "Not saved: the audit log is broken")
    return QApplication.translate("errors", "Could not finish")


def message_text(template: str, args: Iterable[tuple[str, Any]]) -> str:
    """A message of ``core``/``services`` (:mod:`tipdesk.core.messages`) in the interface's
    language: its template translated (context ``messages``), then filled; arguments that are
    messages themselves (a field's label, an outcome's word) are translated the same way."""
    filled = {
        key: message_text(value.template, value.args.items())
        if isinstance(value, Message)
        else value
        for key, value in args
    }
    return render(QCoreApplication.translate("messages", template), filled)


def sentence_text(sentence: Message | str) -> str:
    """A sentence that may be a translatable message, in the interface's language."""
    if isinstance(sentence, Message):
        return message_text(sentence.template, sentence.args.items())
    return sentence


def field_path_text(kind: str, path: str) -> str:
    """A problem's field path (``accused[0].age`` of a ``kind`` record) in the interface's
    language: "Accused 1, Age (years)", each field by its translated label
    (:func:`tipdesk.core.field_paths.path_words`, as the command line words it)."""
    return field_paths.path_words(
        kind,
        path,
        label=lambda english: QCoreApplication.translate("record_fields", english),
        message=lambda m: message_text(m.template, m.args.items()),
        separator=field_paths.comma(current_language().value),
    )


def kept_problem_text(field: str, sentence: Message | str, kind: str = "") -> str:
    """A kept problem (:func:`tipdesk.core.errors.problem_said`) as ``field: sentence``, the
    sentence in the interface's language; no stray colon without a field. With the record's
    ``kind`` the field is worded by its labels (:func:`field_path_text`), else shown as kept."""
    shown = field_path_text(kind, field) if kind else field
    return f"{shown}: {sentence_text(sentence)}".strip(": ")


def received_problem_text(problem: Mapping[str, Any]) -> str:
    """A problem another machine kept (HQ's quarantine reason in a receipt) in the interface's
    language when its template is one of this app's translated messages; otherwise the
    English it carries (``message``, else ``rule``): a template from elsewhere is never
    filled in here."""
    _field, sentence = E.problem_said(problem)
    if isinstance(sentence, Message) and _ours(sentence):
        return message_text(sentence.template, sentence.args.items())
    return str(problem.get("message") or problem.get("rule") or "")


def _ours(message: Message) -> bool:
    """Whether ``message``'s template, and each of its arguments' that is a message, is one
    this app translates (the translation file knows it)."""
    if QCoreApplication.translate("messages", message.template) == message.template:
        return False
    return all(_ours(v) for v in message.args.values() if isinstance(v, Message))


def size_shown(size: int) -> str:
    """A file size in the interface's language (:func:`tipdesk.core.attachments.size_message`)."""
    from tipdesk.core.attachments import size_message

    message = size_message(size)
    return message_text(message.template, message.args.items())


def problem_text(problem: E.Problem) -> str:
    """A validation problem's sentence, translated when it was made translatable."""
    if not problem.template:
        return problem.message
    return message_text(problem.template, problem.args)


def _ordinary_title(exc: BaseException) -> str:
    if disk_full(exc):
        return QApplication.translate("errors", "The disk is full")
    return QApplication.translate("errors", "Could not finish")


def said_text(exc: E.KnownError) -> str:
    """An error's own sentence in the interface's language when it was raised as a
    translatable message (:attr:`~tipdesk.core.errors.KnownError.said`), else as raised."""
    if exc.said is None:
        return exc.message
    return message_text(exc.said.template, exc.said.args.items())


def known_error_text(exc: E.KnownError) -> str:
    """The sentence(s) to show for ``exc``: validation problems one per line."""
    if isinstance(exc, E.ValidationFailed) and exc.problems:
        lines = "\n".join(f"• {problem_text(p)}" for p in exc.problems)
        return QApplication.translate("errors", "Please correct the following:") + "\n" + lines
    if isinstance(exc, E.AuditChainBroken):
        # The store's message names the command-line tools; in the app, say where to act.
        return QApplication.translate(
            "errors",
            "Nothing was saved. The audit log of this install is broken (entries at its end "
            "were removed or changed), and TIPDesk saves nothing more until an administrator "
            "has reviewed the log and recorded the break (the red notice at the top of the "
            "window: Acknowledge…). Your changes are still on the screen: tell your "
            "administrator, and save again afterwards.",
        )
    return said_text(exc)


class ErrorReporter(QObject):
    """Turns exceptions into dialogs (see the module contract)."""

    sig_quit_requested = Signal()
    """The user chose Quit in the crash dialog."""

    def __init__(
        self,
        paths: Paths | None,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._parent_widget = parent_widget
        self._in_crash = False
        self.last_dialog: QMessageBox | None = None
        self.last_report: str | None = None

    # --- the one entry point ------------------------------------------------------------------
    def report(self, exc: BaseException, parent: QWidget | None = None) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, E.KnownError):
            self.show_message(_title(exc), known_error_text(exc), parent)
            return
        ordinary = ordinary_error(exc, lambda text: QApplication.translate("crash", text))
        if ordinary is not None:
            self.show_message(_ordinary_title(exc), ordinary, parent)
            return
        self.crash(exc, parent)

    def show_message(self, title: str, text: str, parent: QWidget | None = None) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox  # not at start-up: its enums are costly

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            parent or self._parent_widget(),
        )
        box.setObjectName("knownErrorBox")
        _delete_on_close(box)
        box.open()
        self.last_dialog = box
        return box

    def crash(self, exc: BaseException, parent: QWidget | None = None) -> None:
        if self._in_crash:  # a failure while showing the crash dialog: do not loop
            return
        self._in_crash = True
        from PySide6.QtWidgets import QMessageBox

        try:
            path = save_crash_report(self._paths, exc)
            self.last_report = str(path) if path else None
            box = QMessageBox(parent or self._parent_widget())
            box.setObjectName("crashDialog")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QApplication.translate("errors", "TIPDesk: unexpected problem"))
            box.setText(
                QApplication.translate(
                    "errors",
                    "Something went wrong inside TIPDesk. This is a bug, not your mistake.",
                )
            )
            if path:
                where = QApplication.translate(
                    "errors", "A report without any record contents was saved to:\n{path}"
                ).format(path=path)
            else:
                where = QApplication.translate("errors", "The crash report could not be saved.")
            box.setInformativeText(
                where
                + "\n\n"
                + QApplication.translate(
                    "errors",
                    "Records saved earlier are safe. Please send the report to your "
                    "TIPDesk support contact.",
                )
            )
            box.setDetailedText(crash_report_text(exc))
            box.addButton(
                QApplication.translate("errors", "Continue"), QMessageBox.ButtonRole.AcceptRole
            )
            quit_button = box.addButton(
                QApplication.translate("errors", "Quit TIPDesk"), QMessageBox.ButtonRole.RejectRole
            )
            _delete_on_close(box)
            box.finished.connect(
                lambda _r: (
                    self.sig_quit_requested.emit() if box.clickedButton() is quit_button else None
                )
            )
            box.open()
            self.last_dialog = box
        finally:
            self._in_crash = False

    # --- hooks --------------------------------------------------------------------------------
    def install(self) -> None:
        """Route uncaught exceptions (GUI thread and other threads) through :meth:`report`."""
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def _excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.report(exc)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        exc = args.exc_value
        if exc is None:
            return
        # Dialogs belong to the GUI thread: hand the exception over.
        QTimer.singleShot(0, self, lambda: self.report(exc))


def _delete_on_close(box: QMessageBox) -> None:
    # Imported here: the Qt namespace costs ~45 ms to load and the first window needs none of it.
    from PySide6.QtCore import Qt

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
