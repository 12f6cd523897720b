"""The app's screens, one package each, and the sidebar's pages in order (:func:`default_pages`).

Each folder below holds one screen: its page (``page.py``), the models and dialogs only it
uses, and the work it sends to the store's thread. ``dashboard``, ``diary``, ``records``
(cases, victims, training, campaigns), ``review`` (the non-criminalisation queue), ``sync``,
``reports``, ``audit``, ``settings`` and ``users`` are the sidebar's pages; ``unlock``
(sign-in and the lock screen) and ``setup`` (the first-run wizard) are the start windows.
What several screens share lives in :mod:`tipdesk.ui.widgets`.

A page factory is ``Callable[[AppContext], QWidget]`` (a page class taking the context is one).
:func:`lazy` names a class as ``"module:Class"`` so that its module, and the services it
imports at its top, are imported only when the page is first opened: never before sign-in.
The main window only reads this list; adding a page is a line here.

Pages may implement any of these optional hooks (duck-typed; see :class:`PageHooks`):

- ``lock()`` / ``unlock()``: the app is locking (hide anything sensitive this page shows in
  windows of its own, stop timers) or was unlocked. Pages are never destroyed on lock, so unsaved
  input in their fields is kept as it is.
- ``activated()``: the page became the current one (refresh what may have changed).
- ``focus_search() -> bool``: Ctrl+F; put the focus in the page's search field.
- ``new_record() -> bool``: Ctrl+N; start a new record of the page's kind.
- ``confirm_close() -> bool``: the app is about to quit; ask about unsaved changes, return
  ``False`` to stay.
- ``has_unsaved_changes() -> bool``: asked instead of ``confirm_close`` when the app is closed
  while locked (no dialog may show then); ``True`` keeps the app open until it is unlocked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from tipdesk.ui.context import AppContext

PageFactory = Callable[[AppContext], QWidget]
CONTEXT = "pages"


class PageHooks(Protocol):
    """The optional hooks a page may implement (documentation; nothing checks the type)."""

    def lock(self) -> None: ...
    def unlock(self) -> None: ...
    def activated(self) -> None: ...
    def focus_search(self) -> bool: ...
    def new_record(self) -> bool: ...
    def confirm_close(self) -> bool: ...
    def has_unsaved_changes(self) -> bool: ...


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    """Source text, translated in the ``pages`` context (mark it with QT_TRANSLATE_NOOP)."""
    icon: str
    """Name of an SVG under ``resources/icons``."""
    factory: PageFactory

    @property
    def translated_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


def lazy(target: str) -> PageFactory:
    """A factory that imports ``"package.module:Class"`` on first use and calls it."""
    module_name, _, attr = target.partition(":")

    def build(ctx: AppContext) -> QWidget:
        factory: Any = getattr(importlib.import_module(module_name), attr)
        widget: QWidget = factory(ctx)
        return widget

    build.__qualname__ = f"lazy({target})"
    return build


def _n(marked: object) -> str:
    """A source text marked with QT_TRANSLATE_NOOP (which lupdate reads), typed as ``str``."""
    return str(marked)


def default_pages() -> list[PageSpec]:
    """The sidebar, top to bottom."""
    t = {key: _n(text) for key, text in (
        ("dashboard", QT_TRANSLATE_NOOP("pages", "Dashboard")),
        ("diary", QT_TRANSLATE_NOOP("pages", "Diary")),
        ("cases", QT_TRANSLATE_NOOP("pages", "Cases")),
        ("victims", QT_TRANSLATE_NOOP("pages", "Victims")),
        ("trainings", QT_TRANSLATE_NOOP("pages", "Training")),
        ("campaigns", QT_TRANSLATE_NOOP("pages", "Campaigns")),
        ("review", QT_TRANSLATE_NOOP("pages", "Review")),
        ("sync", QT_TRANSLATE_NOOP("pages", "Sync")),
        ("reports", QT_TRANSLATE_NOOP("pages", "Reports")),
        ("audit", QT_TRANSLATE_NOOP("pages", "Audit")),
        ("settings", QT_TRANSLATE_NOOP("pages", "Settings")),
        ("users", QT_TRANSLATE_NOOP("pages", "Users")),
    )}  # fmt: skip
    return [
        PageSpec("dashboard", t["dashboard"], "dashboard",
                 lazy("tipdesk.ui.pages.dashboard.page:DashboardView")),
        PageSpec("diary", t["diary"], "diary", lazy("tipdesk.ui.pages.diary.page:DiaryView")),
        PageSpec("cases", t["cases"], "cases", lazy("tipdesk.ui.pages.records.cases:CasesView")),
        PageSpec("victims", t["victims"], "victims",
                 lazy("tipdesk.ui.pages.records.victims:VictimsView")),
        PageSpec("trainings", t["trainings"], "training",
                 lazy("tipdesk.ui.pages.records.trainings:TrainingsView")),
        PageSpec("campaigns", t["campaigns"], "campaigns",
                 lazy("tipdesk.ui.pages.records.campaigns:CampaignsView")),
        PageSpec("review", t["review"], "check", lazy("tipdesk.ui.pages.review.page:ReviewView")),
        PageSpec("sync", t["sync"], "sync", lazy("tipdesk.ui.pages.sync.page:SyncView")),
        PageSpec("reports", t["reports"], "reports",
                 lazy("tipdesk.ui.pages.reports.page:ReportsView")),
        PageSpec("audit", t["audit"], "audit", lazy("tipdesk.ui.pages.audit.page:AuditView")),
        PageSpec("settings", t["settings"], "settings",
                 lazy("tipdesk.ui.pages.settings.page:SettingsView")),
        PageSpec("users", t["users"], "users", lazy("tipdesk.ui.pages.users.page:UsersView")),
    ]  # fmt: skip
