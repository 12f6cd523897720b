"""App-wide notifications between screens that do not know each other.

Not a general "data changed" bus (every write returns what changed, and the screen that wrote
refreshes what it shows); only the few app-level events below. Lives on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    upload_state: object = None
    """The automatic upload's latest :class:`~tipdesk.ui.autosync.UploadState` (None before
    the first): for a page built after it was sent."""

    sig_idle_lock_changed = Signal(int)
    """The idle-lock time (minutes) was changed in the settings."""
    sig_session_replaced = Signal(object)
    """A restore replaced the store; carries the new :class:`~tipdesk.ui.context.SignedIn`.
    The app rebuilds the main window for it."""
    sig_show_page = Signal(str)
    """Show a page of the sidebar by its key (the dashboard's Due panel opening the Diary)."""
    sig_open_record = Signal(str, str)
    """Open a record (kind, id) on its page: the Diary opening a case, a victim's editor its
    case. The main window shows the page and calls its ``open_record`` hook."""
    sig_record_saved = Signal()
    """A record was saved in an editor (the automatic upload to HQ follows shortly)."""
    sig_upload_now = Signal()
    """The user asked to upload to HQ now (the Sync page's button)."""
    sig_upload_state = Signal(object)
    """The automatic upload's state changed; carries an
    :class:`~tipdesk.ui.autosync.UploadState`."""
    sig_upload_minutes_changed = Signal(int)
    """The time between automatic uploads (minutes) was changed in the settings."""
