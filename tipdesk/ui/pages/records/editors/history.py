"""A record's version history (who changed which field when) and restoring an earlier version.

Contract:
- :class:`HistoryDialog` lists every version of the record and of its people (a case's accused
  and victims, a victim's referrals), newest first, from
  :func:`tipdesk.services.history.history`: when, who, which part of the record, and the fields
  changed, named by the editors' labels (:func:`tipdesk.ui.record_fields.field_label`) with
  their values before and after as names (districts, codes, dates). A victim's identifying
  field is listed as changed, never with a value: the history does not hold one.
- "Restore this version…" (the ``edit`` permission; an earlier version whose values were
  kept) asks first, then :func:`tipdesk.services.history.restore` saves those values as a new
  version, validated and audited like any save; the dialog then lists the history again and
  :attr:`sig_restored` lets the editor read the record back. A refusal (validation) is shown
  in the dialog with every problem. Restoring is offered only when the editor has no unsaved
  changes (they would be overwritten).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import KnownError, ValidationFailed
from tipdesk.core.permissions import Permission
from tipdesk.services import history as history_service
from tipdesk.services.history import FieldChange, Version
from tipdesk.ui.errors import problem_text, said_text
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.record_fields import field_label, field_value, record_words
from tipdesk.ui.widgets.common import Banner
from tipdesk.ui.widgets.text_table import TextTableModel, select_row, table_view

_ACTIONS = {
    "created": QT_TRANSLATE_NOOP("HistoryDialog", "Created"),
    "changed": QT_TRANSLATE_NOOP("HistoryDialog", "Changed"),
    "deleted": QT_TRANSLATE_NOOP("HistoryDialog", "Deleted"),
    "restored": QT_TRANSLATE_NOOP("HistoryDialog", "Restored an earlier version"),
}


def confirm_restore(parent: QWidget, title: str, text: str) -> bool:
    """Ask before restoring (Yes restores). Tests replace it with ``monkeypatch.setattr``."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class HistoryDialog(QDialog):
    """The versions of one record (see the module contract)."""

    sig_restored = Signal()
    """A version was restored: the record changed in the store."""

    def __init__(
        self,
        ctx: RecordsContext,
        kind: str,
        record_id: str,
        title: str,
        *,
        unsaved: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.record_id = record_id
        self._unsaved = unsaved
        self.versions: list[Version] = []
        self._with_creation: dict[str, int] = {}
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of {title}").format(title=title))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Every version of this record and of its people, newest first. A victim's "
                "name, CNIC, phone and address are never kept in the history."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        self.problem = Banner("error", "")
        self.problem.setObjectName("historyProblem")
        layout.addWidget(self.problem)
        layout.addWidget(self._build_split(), 1)
        layout.addWidget(self._build_buttons())
        self.reload()

    @staticmethod
    def button(slot: Callable[[], object]) -> QPushButton:
        """The editors' "History…" button (hidden until the record is saved)."""
        translate = QCoreApplication.translate
        button = QPushButton(translate("HistoryDialog", "History…"))
        button.setObjectName("historyButton")
        button.setToolTip(
            translate(
                "HistoryDialog", "Who changed what and when; restore an earlier version (Ctrl+H)"
            )
        )
        button.clicked.connect(slot)
        button.setVisible(False)
        return button

    @classmethod
    def open_for(cls, editor: Any) -> HistoryDialog:
        """The history of ``editor``'s record (a saved one), over the editor; a restore makes
        the editor read the record again."""
        dialog = cls(
            editor.ctx,
            editor.kind,
            editor.record_id,
            editor.title(),
            unsaved=editor.has_unsaved_changes,
            parent=editor,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_restored.connect(editor.reload)
        dialog.open()
        return dialog

    # --- building -----------------------------------------------------------------------------
    def _build_split(self) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = TextTableModel(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Part"),
                self.tr("Version"),
                self.tr("What changed"),
            ],
            self,
        )
        self.table = table_view(self.model, "historyTable")
        for column, width in enumerate((140, 110, 210, 70)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        split.addWidget(self.table)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("historyDetail")
        self.detail.setOpenLinks(False)
        split.addWidget(self.detail)
        split.setSizes([360, 200])
        return split

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("Restore this version…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        return buttons

    # --- the versions -------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.runner.submit(
            partial(history_service.history, kind=self.kind, record_id=self.record_id),
            self._on_history,
            self._on_failed,
        )

    def _on_history(self, versions: list[Version]) -> None:
        # People entered with the record itself are part of its creation, not lines of their
        # own: the creation says how many came with it.
        created = next(
            (v for v in versions if v.record_id == self.record_id and v.action == "created"), None
        )
        self._with_creation = {}
        if created is not None:
            folded = [
                v for v in versions
                if v.record_id != self.record_id and v.action == "created" and v.at == created.at
            ]  # fmt: skip
            for v in folded:
                self._with_creation[v.kind] = self._with_creation.get(v.kind, 0) + 1
            versions = [v for v in versions if v not in folded]
        self.versions = versions
        self.model.set_rows([self._row(v) for v in versions])
        if versions:
            select_row(self.table, 0)
        self.table.setFocus()

    def _row(self, v: Version) -> list[str]:
        when = v.at[:16].replace("T", " ")
        what = QCoreApplication.translate("HistoryDialog", str(_ACTIONS.get(v.action, v.action)))
        if v.changes:
            what = "; ".join(field_label(v.kind, c.field) for c in v.changes)
        elif v.action == "changed":
            what = self.tr("Changed (the fields were not recorded then)")
        elif v.action == "created" and v.record_id == self.record_id and self._with_creation:
            what = self.tr("Created, with {people}").format(people=self._people())
        return [when, v.user, self._part(v), str(v.version), what]

    def _people(self) -> str:
        words = {
            "accused": self.tr("{n} accused"),
            "victim": self.tr("{n} victim(s)"),
            "referral": self.tr("{n} referral(s)"),
        }
        return ", ".join(
            words.get(kind, kind + " {n}").format(n=n) for kind, n in self._with_creation.items()
        )

    def _part(self, v: Version) -> str:
        if v.record_id == self.record_id:
            return {
                "case": self.tr("The case"),
                "victim": self.tr("The victim"),
                "training": self.tr("The training"),
                "campaign": self.tr("The campaign"),
            }.get(v.kind, v.kind)
        return record_words(v.kind, v.title or "?", self.ctx.reference)

    def current(self) -> Version | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        version = self.current()
        self.detail.setPlainText(self._detail(version) if version else "")
        can = (
            version is not None
            and version.restorable
            and self.ctx.can(Permission.EDIT)
            and not self._unsaved()
        )
        self.restore_button.setEnabled(can)
        if version is not None and version.restorable and self._unsaved():
            self.restore_button.setToolTip(self.tr("Save or discard your changes first"))
        elif version is not None and not version.restorable and not version.current:
            self.restore_button.setToolTip(
                self.tr("This version was saved before the history was kept")
            )
        else:
            self.restore_button.setToolTip("")

    def _detail(self, v: Version) -> str:
        head = self.tr("{part}, version {n}: saved {at} by {user}").format(
            n=v.version, part=self._part(v), at=v.at[:16].replace("T", " "), user=v.user or "?"
        )
        lines = [head, ""]
        if v.action == "created":
            lines.append(self.tr("Created."))
            if v.record_id == self.record_id and self._with_creation:
                lines.append(self.tr("Entered with {people}.").format(people=self._people()))
        elif v.action == "deleted":
            lines.append(self.tr("Deleted."))
        for change in v.changes:
            lines.append(self._change(v.kind, change))
        if v.action == "changed" and not v.changes:
            lines.append(self.tr("Saved before version history was kept: no details."))
        return "\n".join(lines)

    def _change(self, kind: str, c: FieldChange) -> str:
        label = field_label(kind, c.field)
        if c.hidden:
            return self.tr("{label}: changed (protected, not kept)").format(label=label)
        before = self._value(kind, c.field, c.before) or self.tr("(empty)")
        after = self._value(kind, c.field, c.after) or self.tr("(empty)")
        return f"{label}: {before} → {after}"

    def _value(self, kind: str, name: str, value: Any) -> str:
        offices = {code: o.name for code, o in self.ctx.reference.offices.items()}
        return field_value(kind, name, value, self.ctx.reference, offices)

    # --- restoring ----------------------------------------------------------------------------
    def ask_restore(self) -> None:
        version = self.current()
        if version is None or not version.restorable or self._unsaved():
            return
        text = self.tr(
            "Put back the values of version {n} of {part}? They are saved as a new version "
            "(checked like any save), and the restore is written to the audit log."
        ).format(n=version.version, part=self._part(version))
        if not confirm_restore(self, self.tr("Restore a version"), text):
            return
        self.restore(version)

    def restore(self, version: Version) -> None:
        self.problem.set_message("error", "")
        self.restore_button.setEnabled(False)
        self.ctx.runner.submit(
            partial(
                history_service.restore,
                kind=self.kind,
                record_id=self.record_id,
                row_kind=version.kind,
                row_id=version.record_id,
                version=version.version,
            ),
            lambda _changes: self._on_restored(),
            self._on_failed,
        )

    def _on_restored(self) -> None:
        self.sig_restored.emit()
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            lines = [problem_text(p)[:1].upper() + problem_text(p)[1:] for p in exc.problems]
            self.problem.set_message(
                "error", self.tr("Not restored: {problems}").format(problems="; ".join(lines))
            )
        elif isinstance(exc, KnownError):
            self.problem.set_message("error", said_text(exc))
        else:
            self.ctx.report(exc)
        self._on_selection(QItemSelection(), QItemSelection())
