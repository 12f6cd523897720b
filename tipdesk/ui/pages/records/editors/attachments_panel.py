"""The case editor's Files tab: the scanned papers and photos of a case and of its people.

The list shows every file of the saved case (kind, name, whose, type, size, when added, and
whether it goes to HQ); choosing one shows it on the right (images and PDF pages, from memory:
:class:`tipdesk.ui.widgets.file_preview.FilePreview`). A victim's file shows only after the
officer, holding the reveal permission, gives a reason (audited by the services).

Files are attached with **Attach files…** or by dropping them on the tab, to the case or to
one of its accused or victims (the "For" box) as the kind chosen; the services check the type
by content and the limits, and say why a file is refused. **Save a copy…** asks where to write
(the suggested name is the stored name, sanitised, with the extension of the real type; the
file written is the one the officer chose). **Send to HQ** and **Remove…** follow the
permissions. The list loads when the tab is first shown, so a case opens as fast with files as
without.

At HQ the tab is read only: it lists the files the districts described in their bundles; those
a district sent (**Send to HQ** there) show and save as at the district (a victim's file with
the reveal permission and a reason), the others say that they stay at the district.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from tipdesk.core import attachments as A
from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case
from tipdesk.services import attachments as files_service
from tipdesk.services.attachments import Attachment, Content
from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.pages.records.editors.dialogs import ReasonDialog
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import button, date_text, label
from tipdesk.ui.widgets.file_preview import FilePreview

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.pptx *.odt *.ods"


class AttachmentsPanel(QWidget):
    """See the module docstring. :meth:`set_case` names the saved case (and its people)."""

    def __init__(self, ctx: RecordsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.setAcceptDrops(True)
        self.ctx = ctx
        # The app's install info has a role; the timing tools' stand-ins (districts) do not.
        self.at_hq = getattr(ctx.identity.install, "role", None) is InstallRole.HQ
        self.case_id: str | None = None
        # False for a case this install cannot change (another district's, one handed over):
        # its files can be read and saved, not attached, removed or sent (the services refuse
        # those too; the buttons say it before a click).
        self.changeable = True
        self.items: list[Attachment] = []
        self.loaded = False
        self.shown_id: str | None = None
        self.dialog: ReasonDialog | None = None
        self.kind_names = {
            A.AttachmentKind.FIR: self.tr("FIR"),
            A.AttachmentKind.MEDICAL: self.tr("Medical report"),
            A.AttachmentKind.AGE_DETERMINATION: self.tr("Age determination"),
            A.AttachmentKind.COURT_ORDER: self.tr("Court order"),
            A.AttachmentKind.PHOTO: self.tr("Photo"),
            A.AttachmentKind.CHALLAN: self.tr("Challan"),
            A.AttachmentKind.OTHER: self.tr("Other"),
        }
        self.type_names = {
            A.PDF.media_type: self.tr("PDF document"),
            A.JPEG.media_type: self.tr("JPEG image"),
            A.PNG.media_type: self.tr("PNG image"),
            A.DOCX.media_type: self.tr("Word document"),
            A.XLSX.media_type: self.tr("Excel workbook"),
            A.PPTX.media_type: self.tr("PowerPoint presentation"),
            A.ODT.media_type: self.tr("OpenDocument text"),
            A.ODS.media_type: self.tr("OpenDocument spreadsheet"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_bar())
        self.info = label("", "hint", wrap=True)
        self.info.setObjectName("attachmentsInfo")
        layout.addWidget(self.info)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_table(), 1)
        self.details = label("", "hint", wrap=True)
        self.details.setObjectName("attachmentDetails")
        column.addWidget(self.details)
        split.addWidget(left)
        self.preview = FilePreview()
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 480])
        layout.addWidget(split, 1)
        self._update_buttons()
        self.info.setText(self.tr("Save the case first; then attach its papers here."))

    # --- building -------------------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.bar_labels = [label(self.tr("For")), label(self.tr("Kind"))]
        row.addWidget(self.bar_labels[0])
        self.whose = QComboBox()
        self.whose.setObjectName("attachFor")
        self.whose.setToolTip(self.tr("The case, or one of its accused or victims"))
        row.addWidget(self.whose)
        row.addWidget(self.bar_labels[1])
        self.kind = QComboBox()
        self.kind.setObjectName("attachKind")
        for kind, text in self.kind_names.items():
            self.kind.addItem(text, kind.value)
        row.addWidget(self.kind)
        self.attach_button = button(self.tr("Attach files…"), "plus", primary=True)
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setToolTip(self.tr("Choose files to attach (or drop them here)"))
        self.attach_button.clicked.connect(self.ask_files)
        row.addWidget(self.attach_button)
        row.addStretch(1)
        self.save_button = button(self.tr("Save a copy…"), "save")
        self.save_button.setObjectName("saveCopyButton")
        self.save_button.clicked.connect(self.save_copy)
        self.hq_button = button(self.tr("Send to HQ"))
        self.hq_button.setObjectName("sendToHqButton")
        self.hq_button.setToolTip(self.tr("Send this file to HQ with the next export"))
        self.hq_button.clicked.connect(self.send_to_hq)
        self.remove_button = button(self.tr("Remove…"), danger=True)
        self.remove_button.setObjectName("removeFileButton")
        self.remove_button.clicked.connect(self.remove)
        for widget in (self.save_button, self.hq_button, self.remove_button):
            row.addWidget(widget)
        # Hidden, never "shown" here: a widget shown before it has a parent becomes a window
        # (and takes the activation from the app's).
        for widget, permission in ((self.hq_button, Permission.SYNC),
                                   (self.remove_button, Permission.DELETE)):  # fmt: skip
            if not self.ctx.can(permission):
                widget.hide()
        if self.at_hq:
            # Read only: the files are the districts'; HQ receives them, never attaches.
            hidden: list[QWidget] = [self.whose, self.kind, self.attach_button, self.hq_button,
                                     self.remove_button, *self.bar_labels]  # fmt: skip
            for item in hidden:
                item.hide()
        return row

    def _build_table(self) -> QTableWidget:
        headers = [self.tr("Name"), self.tr("Kind"), self.tr("For"), self.tr("Size"),
                   self.tr("HQ")]  # fmt: skip
        table = QTableWidget(0, len(headers))
        table.setObjectName("attachmentsTable")
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # "For" can be long (an accused's name): a fixed share, elided, whole in its tooltip.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setWordWrap(False)
        table.itemSelectionChanged.connect(self._on_selected)
        self.table = table
        return table

    # --- the case -------------------------------------------------------------------------------
    def set_case(self, case: Case) -> None:
        """The saved case (after loading or saving): its people in "For"; the list reloads
        when it was shown already."""
        self.case_id = case.id
        current = self.whose.currentData()
        self.whose.clear()
        self.whose.addItem(self.tr("The case"), "case:")
        for n, accused in enumerate(case.accused, start=1):
            name = accused.name or self.tr("Accused {n}").format(n=n)
            self.whose.addItem(
                self.tr("Accused: {name}").format(name=name), f"accused:{accused.id}"
            )
        for victim in case.victims:
            self.whose.addItem(
                self.tr("Victim {code}").format(code=victim.victim_code), f"victim:{victim.id}"
            )
        index = self.whose.findData(current)
        self.whose.setCurrentIndex(max(index, 0))
        self._update_buttons()
        if self.loaded:
            self.refresh()

    def shown(self) -> None:
        """The tab became visible: load the list the first time."""
        if not self.loaded and self.case_id:
            self.loaded = True
            self.refresh()

    def refresh(self) -> None:
        if not self.case_id:
            return
        self.ctx.runner.submit(
            partial(files_service.list_for_case, case_id=self.case_id),
            self._guard(self._on_list),
            self._guard(self.ctx.report),
        )
        self.ctx.runner.submit(files_service.usage, self._guard(self._on_usage), lambda _exc: None)

    def _guard(self, fn: Any) -> Any:
        def call(value: Any) -> None:
            if isValid(self):
                fn(value)

        return call

    def _on_usage(self, usage: files_service.Usage) -> None:
        if self.at_hq:
            self.info.setText(
                self.tr(
                    "The files the district has described for this case (read only). A file "
                    "stays at its district until an officer there sends it to HQ; the ones "
                    "sent show here and can be saved (audited)."
                )
            )
            return
        self.info.setText(
            self.tr(
                "Drop files here or use Attach files… PDF, JPEG, PNG and office documents of "
                "at most {file_mb} MB each. All files: {used} of {store_mb} MB."
            ).format(
                file_mb=usage.limits.max_file_mb,
                used=A.size_text(usage.used),
                store_mb=usage.limits.max_store_mb,
            )
        )

    def _on_list(self, items: list[Attachment]) -> None:
        keep = self.shown_id
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            name = item.file_name if item.file_name is not None else self.tr("(withheld)")
            cells = [
                name,
                self.kind_names[item.kind],
                self._whose(item),
                A.size_text(item.size),
                self._hq_state(item),
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 2:
                    cell.setToolTip(text)
                if col == 0:
                    cell.setToolTip(
                        self.tr("{name}\n{type}, added {date} by {user}").format(
                            name=text, type=self._type(item),
                            date=date_text(item.added_at[:10]), user=item.added_by,
                        )
                    )  # fmt: skip
                self.table.setItem(row, col, cell)
        self.table.blockSignals(False)
        rows = [i for i, item in enumerate(items) if item.id == keep]
        if rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()
            self.shown_id = None
            self.preview.show_message(
                self.tr("No files yet.") if not items else self.tr("Choose a file to see it here.")
            )
        self._update_buttons()

    def _hq_state(self, item: Attachment) -> str:
        if self.at_hq:
            return self.tr("received") if item.held else self.tr("at the district")
        if item.hq_sent:
            return self.tr("sent")
        return self.tr("to send") if item.hq_requested else ""

    def _type(self, item: Attachment) -> str:
        return self.type_names.get(item.media_type, item.media_type)

    def _whose(self, item: Attachment) -> str:
        if item.about is A.About.CASE:
            return self.tr("The case")
        index = self.whose.findData(f"{item.about.value}:{item.record_id}")
        if index >= 0:
            return self.whose.itemText(index)
        # Not among the case's people as loaded (removed since): the record's kind.
        return self.tr("An accused") if item.about is A.About.ACCUSED else self.tr("A victim")

    def current(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def set_changeable(self, changeable: bool) -> None:
        """Whether files may be attached, removed or sent (see ``changeable``)."""
        self.changeable = changeable
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current()
        can = self.changeable
        self.attach_button.setEnabled(can and bool(self.case_id) and self.ctx.can(Permission.EDIT))
        self.whose.setEnabled(can and bool(self.case_id))
        self.kind.setEnabled(can and bool(self.case_id))
        self.save_button.setEnabled(item is not None and item.held)
        self.hq_button.setEnabled(can and item is not None and not item.hq_requested)
        self.remove_button.setEnabled(can and item is not None)

    # --- showing --------------------------------------------------------------------------------
    def _details(self, item: Attachment | None) -> str:
        if item is None:
            return ""
        text = self.tr("{kind}, {type} of {size}, added {date} by {user}.").format(
            kind=self.kind_names[item.kind], type=self._type(item), size=A.size_text(item.size),
            date=date_text(item.added_at[:10]), user=item.added_by,
        )  # fmt: skip
        if item.note:
            text += " " + self.tr("Note: {note}").format(note=item.note)
        return text

    def _on_selected(self) -> None:
        self._update_buttons()
        item = self.current()
        self.details.setText(self._details(item))
        if item is None or item.id == self.shown_id:
            return
        self.shown_id = item.id
        if not item.held:
            self.preview.show_message(
                self.tr(
                    "This file stays at its district: HQ has its description only. An officer "
                    "there can send it to HQ (Send to HQ); it comes with the next sync."
                )
            )
        elif not item.previewable:
            self.preview.show_message(
                self.tr(
                    "{type} files are not shown in TIPDesk: use Save a copy… to open it "
                    "in its own program."
                ).format(type=self._type(item))
            )
        elif item.sealed:
            self.preview.show_message(
                self.tr(
                    "This file belongs to a victim. Use Show… to see it (needs the reveal "
                    "permission and a reason, kept in the audit log)."
                )
                if self.ctx.can(Permission.REVEAL_IDENTITY)
                else self.tr(
                    "This file belongs to a victim: only users who may reveal "
                    "victims' identities can see it."
                )
            )
            if self.ctx.can(Permission.REVEAL_IDENTITY):
                self.ask_reason(
                    self.tr("Show a victim's file"),
                    self.tr("Show"),
                    lambda reason: self._load_content(item, reason),
                )
        else:
            self._load_content(item, None)

    def _load_content(self, item: Attachment, reason: str | None) -> None:
        self.preview.show_message(self.tr("Opening…"))
        self.ctx.runner.submit(
            partial(files_service.content, attachment_id=item.id, reason=reason),
            self._guard(self._on_content),
            self._guard(self._on_failed),
        )

    def _on_content(self, content: Content) -> None:
        if content.attachment.id == self.shown_id:
            self.preview.show_content(content.attachment.media_type, content.data)

    def _on_failed(self, exc: BaseException) -> None:
        self.preview.show_message(self.tr("The file could not be shown."))
        self.ctx.report(exc)

    def ask_reason(self, title: str, ok_text: str, then: Any) -> ReasonDialog:
        dialog = ReasonDialog(
            title,
            self.tr(
                "This file belongs to a victim. Why must you open it? The reason is kept "
                "in the audit log."
            ),
            ok_text,
            self,
        )
        dialog.accepted.connect(lambda: then(dialog.reason()))
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- attaching ------------------------------------------------------------------------------
    def ask_files(self) -> None:
        chosen = files.ask_open_files(
            self,
            self.tr("Attach files"),
            Path.home(),
            self.tr("Documents and images ({patterns})").format(patterns=FILE_FILTER),
        )
        if chosen:
            self.attach_files(chosen)

    def attach_files(self, paths: list[Path]) -> None:
        """Attach each file to what "For" names, as the chosen kind; refusals are reported
        one by one and the others are still attached."""
        if not self.case_id or not self.changeable or not self.ctx.can(Permission.EDIT):
            return
        # "case:", "accused:ID" or "victim:ID" (plain text: Qt compares it as it is).
        about, _colon, record_id = str(self.whose.currentData() or "case:").partition(":")
        accused_id = record_id if about == "accused" else None
        victim_id = record_id if about == "victim" else None
        kind = str(self.kind.currentData())
        self.info.setText(self.tr("Attaching…"))
        for path in paths:
            self.ctx.runner.submit(
                partial(
                    files_service.attach,
                    path=path,
                    case_id=self.case_id,
                    accused_id=accused_id,
                    victim_id=victim_id,
                    kind=kind,
                ),
                self._guard(self._on_attached),
                self._guard(self._on_attach_failed),
            )  # fmt: skip

    def _on_attached(self, item: Attachment) -> None:
        self.shown_id = None
        self.loaded = True
        self.refresh()

    def _on_attach_failed(self, exc: BaseException) -> None:
        self.refresh()
        self.ctx.report(exc)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.attach_button.isEnabled() and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach_files(paths)

    # --- saving, sending, removing --------------------------------------------------------------
    def save_copy(self) -> None:
        item = self.current()
        if item is None:
            return
        if item.sealed:
            self.ask_reason(
                self.tr("Save a copy of a victim's file"),
                self.tr("Choose where…"),
                lambda reason: self._save_copy(item, reason),
            )
        else:
            self._save_copy(item, None)

    def _save_copy(self, item: Attachment, reason: str | None) -> None:
        suggested = files_service.suggested_name(item)
        path = files.ask_save_file(
            self,
            self.tr("Save a copy"),
            Path.home() / suggested,
            self.tr("{type} (*{ext})").format(type=self._type(item), ext=Path(suggested).suffix),
        )
        if path is None:
            return
        self.ctx.runner.submit(
            partial(files_service.save_copy, attachment_id=item.id, dest=path, reason=reason),
            self._guard(
                lambda written: self.info.setText(
                    self.tr("Saved a copy to {path}.").format(path=str(written))
                )
            ),
            self._guard(self.ctx.report),
        )

    def send_to_hq(self) -> None:
        item = self.current()
        if item is None:
            return
        self.ctx.runner.submit(
            partial(files_service.send_to_hq, attachment_id=item.id),
            self._guard(lambda _item: self.refresh()),
            self._guard(self.ctx.report),
        )

    def remove(self) -> ReasonDialog | None:
        item = self.current()
        if item is None:
            return None
        dialog = ReasonDialog(
            self.tr("Remove a file"),
            self.tr("Remove {name}? Its content is destroyed; the list keeps that it was "
                    "removed, by whom and why.").format(name=item.file_name or item.kind_label),
            self.tr("Remove"),
            self,
        )  # fmt: skip

        def go() -> None:
            self.ctx.runner.submit(
                partial(files_service.remove, attachment_id=item.id, reason=dialog.reason()),
                self._guard(lambda _none: self.refresh()),
                self._guard(self.ctx.report),
            )

        dialog.accepted.connect(go)
        self.dialog = dialog
        dialog.open()
        return dialog
