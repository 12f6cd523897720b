"""What the record screens (lists and editors) need, as a small protocol.

:class:`~tipdesk.ui.context.AppContext` satisfies it, so a page factory can pass the app's
context straight in (``CasesView(ctx)``); tests and the screenshot script may pass any object
with these members. The screens reach the store only through ``runner``; ``can`` answers from
the signed-in role (plain data, safe on the GUI thread); ``report`` shows an error the way the
app does (a message for a known problem, the crash dialog for a bug); ``events`` carries the
requests that cross pages (open a victim's case).
"""

from __future__ import annotations

from typing import Protocol

from tipdesk.core.clock import Clock
from tipdesk.core.permissions import Permission
from tipdesk.core.reference import Reference
from tipdesk.ui.events import AppEvents
from tipdesk.ui.runner import Runner


class InstallInfo(Protocol):
    @property
    def district(self) -> str: ...
    @property
    def office(self) -> str: ...


class IdentityInfo(Protocol):
    @property
    def user(self) -> str: ...
    @property
    def install(self) -> InstallInfo: ...


class RecordsContext(Protocol):
    @property
    def runner(self) -> Runner: ...
    @property
    def reference(self) -> Reference: ...
    @property
    def identity(self) -> IdentityInfo: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def events(self) -> AppEvents: ...

    def can(self, permission: Permission) -> bool: ...

    def report(self, exc: BaseException) -> None: ...
