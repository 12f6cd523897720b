"""The main window: wires the sidebar, the pages, the lock screen, the status bar and the
shortcuts together. It holds no business logic and reaches into no page; pages come from
:mod:`tipdesk.ui.pages` and talk to the store through the context's runner.

Locking: the central stack switches from the workspace (sidebar and pages) to the lock screen,
so no record widget stays visible; every created page gets ``lock()`` and other top-level
windows of the app are hidden until unlock. Pages are never destroyed on lock, so unsaved
input survives. Auto-lock after the idle time from the store's settings.

The status bar also carries the automatic upload to HQ (:mod:`tipdesk.ui.autosync`): it
starts at sign-in (this window is made then) and stops when the window closes.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.autosync import AutoUpload, UploadState, state_text
from tipdesk.ui.context import AppContext
from tipdesk.ui.help import HelpWindow
from tipdesk.ui.idle import IdleWatch
from tipdesk.ui.pages import PageSpec
from tipdesk.ui.pages.audit.broken_notice import AuditBrokenNotice
from tipdesk.ui.pages.unlock.page import UnlockView
from tipdesk.ui.style import ACCENT_DARK, MUTED, icon, render_svg
from tipdesk.ui.widgets.common import button, label

PAGE_OF_KIND = {"case": "cases", "victim": "victims"}
"""The page a record kind opens on (:meth:`MainWindow.open_record`)."""


class MainWindow(QMainWindow):
    """See the module docstring."""

    sig_locked = Signal(bool)
    """True when the app locked, False when it was unlocked."""
    sig_closed = Signal()
    """The window closed (the app should close the store and quit)."""

    def __init__(
        self,
        ctx: AppContext,
        pages: Sequence[PageSpec],
        idle_lock_minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.specs = list(pages)
        self.pages: dict[str, QWidget] = {}
        self._hidden_windows: list[QWidget] = []
        self._locked = False
        self.help_window: HelpWindow | None = None
        ident = ctx.identity
        where = ident.office_name or self.tr("Headquarters")
        self.setWindowTitle(self.tr("TIPDesk — {place}").format(place=where))
        self.resize(1280, 800)

        self.root = QStackedWidget()
        self.root.setObjectName("rootStack")
        self.setCentralWidget(self.root)
        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # Notices over every page (the audit log's state; what is overdue, after sign-in).
        self.notices = QVBoxLayout()
        self.notices.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.notices)
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("pageStack")
        column.addWidget(self.page_stack, 1)
        row.addLayout(column, 1)
        self.root.addWidget(self.workspace)

        self.lock_screen = UnlockView(ctx.config, ctx.runner, ctx.report, locked_user=ident.user)
        self.lock_screen.sig_unlocked.connect(self._on_lock_screen_unlocked)
        self.root.addWidget(self.lock_screen)

        self._build_status_bar()
        self._build_actions()
        self._build_audit_notice()
        self.idle = IdleWatch(
            idle_lock_minutes, ctx.config.monotonic, ctx.config.idle_check_ms, self
        )
        self.idle.sig_idle.connect(self.lock)
        ctx.events.sig_open_record.connect(self.open_record)
        ctx.events.sig_show_page.connect(self._show_page_asked)
        self.nav.setCurrentRow(0)
        self.autosync.start()  # signing in: upload now and every N minutes, when configured

    # --- building -----------------------------------------------------------------------------
    def _build_sidebar(self) -> QWidget:
        side = QFrame()
        side.setObjectName("sidebar")
        side.setProperty("rtl", self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        side.setFixedWidth(216)
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 16, 0, 14)
        box.setSpacing(4)
        brand = QHBoxLayout()
        brand.setContentsMargins(18, 0, 12, 10)
        brand.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(render_svg("logo", 30, None))
        brand.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        title = label("TIPDesk")
        title.setObjectName("brand")
        names.addWidget(title)
        sub = label(self.ctx.identity.district_name or self.tr("Headquarters"))
        sub.setObjectName("brandSub")
        names.addWidget(sub)
        brand.addLayout(names, 1)
        box.addLayout(brand)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon, MUTED, ACCENT_DARK), spec.translated_title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 38))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        box.addWidget(self.nav, 1)

        self.lock_button = button(self.tr("Lock"), "lock")
        self.lock_button.setObjectName("sidebarLock")
        self.lock_button.setToolTip(self.tr("Lock TIPDesk now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock)
        self.help_button = button(self.tr("Help"), "info")
        self.help_button.setObjectName("sidebarHelp")
        self.help_button.setToolTip(self.tr("The user guide, at the part about this screen (F1)"))
        self.help_button.clicked.connect(self.show_help)
        box.addWidget(self.help_button)
        box.addWidget(self.lock_button)
        return side

    def _build_status_bar(self) -> None:
        ident = self.ctx.identity
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.user_label = QLabel(self.tr("Signed in: {user}").format(user=ident.user))
        self.user_label.setObjectName("statusUser")
        self.role_label = QLabel(self.tr("Role: {role}").format(role=ident.role_label))
        self.role_label.setObjectName("statusRole")
        office = ident.office_name or self.tr("Headquarters")
        if ident.district_name:
            office = f"{office} · {ident.district_name}"
        self.office_label = QLabel(office)
        self.office_label.setObjectName("statusOffice")
        # The upload to HQ, in one quiet line (district installs; hidden while it is off).
        self.upload_label = QLabel()
        self.upload_label.setObjectName("statusUpload")
        self.upload_label.hide()
        for widget in (self.upload_label, self.user_label, self.role_label, self.office_label):
            bar.addPermanentWidget(widget)
        self.autosync = AutoUpload(self.ctx, self)
        self.autosync.sig_state.connect(self._show_upload_state)
        # "last contact 5 minutes ago" ages while nothing happens.
        self._upload_clock = QTimer(self)
        self._upload_clock.setInterval(60_000)
        self._upload_clock.timeout.connect(lambda: self._show_upload_state(self.autosync.state))
        self._upload_clock.start()

    def _show_upload_state(self, state: UploadState) -> None:
        text = state_text(state, self.ctx.clock.now())
        self.upload_label.setText(text)
        self.upload_label.setToolTip(state.detail)
        self.upload_label.setProperty("state", state.kind)
        self.upload_label.setVisible(bool(text))

    def _build_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | str, slot: object, name: str) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.lock_action = action(self.tr("Lock"), "Ctrl+L", self.lock, "lockAction")
        self.search_action = action(
            self.tr("Search"),
            QKeySequence(QKeySequence.StandardKey.Find),
            self.focus_search,
            "searchAction",
        )
        self.new_action = action(
            self.tr("New"), QKeySequence(QKeySequence.StandardKey.New), self.new_record, "newAction"
        )
        # F1 stays on while locked: the guide's part about signing in holds no record.
        self.help_action = action(
            self.tr("Help"),
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            self.show_help,
            "helpAction",
        )
        self.page_actions = [
            action(spec.translated_title, f"Ctrl+{i + 1}", _select(self, i), f"page{i + 1}Action")
            for i, spec in enumerate(self.specs[:9])
        ]

    def _build_audit_notice(self) -> None:
        """The red notice over every page while the audit log is broken (checked at sign-in
        and at each unlock)."""
        self.audit_notice = AuditBrokenNotice(self.ctx)
        self.audit_notice.sig_open_audit.connect(self._open_audit)
        self.audit_notice.sig_acknowledged.connect(self._on_audit_acknowledged)
        self.notices.addWidget(self.audit_notice)
        self.sig_locked.connect(lambda locked: None if locked else self.audit_notice.refresh())
        self.audit_notice.refresh()

    def _open_audit(self) -> None:
        if not self._locked and any(s.key == "audit" for s in self.specs):
            self.show_page("audit")

    def _on_audit_acknowledged(self) -> None:
        self.statusBar().showMessage(
            self.tr("The break is recorded in the audit log; changes can be saved again."), 10_000
        )
        page = self.pages.get("audit")
        if page is not None:
            _hook(page, "activated")  # the new entries

    # --- pages --------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page ``key``, built on first use."""
        widget = self.pages.get(key)
        if widget is None:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.factory(self.ctx)
            widget.setObjectName(widget.objectName() or f"page_{key}")
            self.pages[key] = widget
            self.page_stack.addWidget(widget)
        return widget

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def current_page(self) -> QWidget | None:
        key = self.current_key()
        return self.pages.get(key) if key else None

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.nav.setCurrentRow(row)
        return self.page(key)

    def add_notice(self, widget: QWidget) -> None:
        """Show ``widget`` above the pages, on every page, until it closes itself. It never
        takes the keyboard (a window of its own would); the lock screen hides it with the
        pages."""
        self.notices.addWidget(widget)
        widget.show()

    def _show_page_asked(self, key: str) -> None:
        if not self._locked and any(s.key == key for s in self.specs):
            self.show_page(key)

    def open_record(self, kind: str, record_id: str) -> QWidget | None:
        """Show the page of ``kind`` and open the record there (its ``open_record`` hook)."""
        key = PAGE_OF_KIND.get(kind)
        if self._locked or key is None or not any(s.key == key for s in self.specs):
            return None
        page = self.show_page(key)
        opener = getattr(page, "open_record", None)
        if callable(opener):
            opener(record_id)
        return page

    def _on_nav_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        widget = self.page(self.specs[row].key)
        self.page_stack.setCurrentWidget(widget)
        _hook(widget, "activated")

    # --- shortcuts ----------------------------------------------------------------------------
    def focus_search(self) -> bool:
        page = self.current_page()
        return bool(not self._locked and page is not None and _hook(page, "focus_search"))

    def new_record(self) -> bool:
        page = self.current_page()
        return bool(not self._locked and page is not None and _hook(page, "new_record"))

    # --- help ---------------------------------------------------------------------------------
    def show_help(self) -> HelpWindow:
        """The user guide, at the part about the screen on view (the lock screen's: signing
        in)."""
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_for("unlock" if self._locked else self.current_key())
        return self.help_window

    # --- locking ------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        """Hide every record behind the lock screen (see the module docstring)."""
        if self._locked:
            return
        self._locked = True
        self.idle.pause()
        for page in self.pages.values():
            _hook(page, "lock")
        self._hide_other_windows()
        self.lock_screen.reset()
        self.root.setCurrentWidget(self.lock_screen)
        for act in (self.search_action, self.new_action, self.lock_action, *self.page_actions):
            act.setEnabled(False)
        self.statusBar().showMessage(self.tr("Locked"))
        self.lock_screen.passphrase_edit.setFocus()
        self.sig_locked.emit(True)

    def _hide_other_windows(self) -> None:
        self._hidden_windows = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            widget.hide()
            self._hidden_windows.append(widget)

    def _on_lock_screen_unlocked(self, _value: object) -> None:
        self.unlock()

    def unlock(self) -> None:
        """Show the workspace again (after the lock screen checked the passphrase)."""
        if not self._locked:
            return
        self._locked = False
        self.root.setCurrentWidget(self.workspace)
        for act in (self.search_action, self.new_action, self.lock_action, *self.page_actions):
            act.setEnabled(True)
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget):  # it may have been deleted while hidden
                widget.show()
        self._hidden_windows = []
        for page in self.pages.values():
            _hook(page, "unlock")
        self.statusBar().clearMessage()
        self.idle.poke()
        self.sig_locked.emit(False)

    def set_idle_lock_minutes(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)

    # --- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            if self._locked:
                # No questions while locked (they could show a record): a page with unsaved
                # input keeps the app open until someone unlocks it.
                if _hook(page, "has_unsaved_changes", default=False) is True:
                    self.statusBar().showMessage(
                        self.tr("Locked with unsaved changes: unlock to close TIPDesk.")
                    )
                    event.ignore()
                    return
            elif _hook(page, "confirm_close", default=True) is False:
                event.ignore()
                return
        self.idle.stop()
        self.autosync.stop()  # an upload under way: its bundle stays in the outbox
        event.accept()
        self.sig_closed.emit()


def _hook(widget: QWidget, name: str, *, default: object = None) -> object:
    """Call the page hook ``name`` if the page has it (see :mod:`tipdesk.ui.pages`)."""
    method = getattr(widget, name, None)
    return method() if callable(method) else default


def _select(window: MainWindow, row: int) -> object:
    return lambda: None if window.locked else window.nav.setCurrentRow(row)
