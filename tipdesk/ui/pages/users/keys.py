"""Re-keying the store from the Users page: disabling a user and "Rotate keys…" both re-encrypt
the whole database with a new key (:func:`tipdesk.services.users.rotate_keys`; disabling calls
it) and issue a new recovery key.

Contract: the work runs on the store's thread behind a busy dialog (no Cancel: SQLCipher's
re-key is one transaction; the window keeps repainting); afterwards the new recovery key is
shown once in :class:`~tipdesk.ui.widgets.recovery_key.RecoveryKeyDialog`, which cannot be
closed before the administrator confirms keeping it. The key is never kept by the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tipdesk.services.session import Session
from tipdesk.services.users import KeyRotation
from tipdesk.ui.context import AppContext
from tipdesk.ui.progress import ProgressDialog, run_with_progress
from tipdesk.ui.runner import Failed
from tipdesk.ui.widgets.reason import ReasonDialog
from tipdesk.ui.widgets.recovery_key import RecoveryKeyDialog

CONTEXT = "UserKeys"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def rekey_explained() -> str:
    """What re-keying does, for the questions before disabling and before rotating."""
    return _tr(
        "The whole database is re-encrypted with a new key: on a large store (100,000 cases) "
        "this takes a few minutes, and TIPDesk cannot be used meanwhile. The other users keep "
        "their passphrases. A new recovery key is shown once at the end: have paper or a USB "
        "stick ready. The old recovery key and every older copy of the key file stop opening "
        "this store; old backups still open with the keys they were made with (see "
        "docs/security.md), so keep them locked away as before."
    )


def rotate_question() -> str:
    """The explanation in the "Rotate keys" dialog."""
    return "<p>{}</p><p>{}</p><p>{}</p>".format(
        _tr(
            "Rotate the keys after a laptop or a USB stick with a backup was lost, or when a "
            "passphrase or the recovery key may have been seen by someone else."
        ),
        rekey_explained(),
        QCoreApplication.translate(
            "UserKeys", "Close TIPDesk on any other window that has this data folder open first."
        ),
    )


def ask_rotation_reason(parent: QWidget) -> ReasonDialog:
    """The "Rotate keys" question (opened by the caller); its reason goes to the audit log."""
    return ReasonDialog(
        QCoreApplication.translate("UserKeys", "Rotate the keys"),
        rotate_question(),
        QCoreApplication.translate("UserKeys", "Rotate keys"),
        QCoreApplication.translate("UserKeys", "e.g. laptop of the Saddar office lost on 2 June"),
        parent,
        danger=True,
    )


def duration(seconds: float) -> str:
    """``0.4`` -> ``under a second``, ``75`` -> ``1 min 15 s``."""
    if seconds < 1:
        return QCoreApplication.translate("UserKeys", "under a second")
    whole = round(seconds)
    if whole < 60:
        return QCoreApplication.translate("UserKeys", "{n} s").format(n=whole)
    return QCoreApplication.translate("UserKeys", "{m} min {s} s").format(
        m=whole // 60, s=whole % 60
    )


def rotated_intro(rotation: KeyRotation, what: str) -> str:
    """The text above the new recovery key: ``what`` happened, how long the re-key took, and
    the users who must be given a new passphrase."""
    parts = [
        what,
        _tr(
            "The store was re-encrypted in {time}. The old recovery key no longer opens it: "
            "this new key replaces it and is shown only now."
        ).format(time=duration(rotation.seconds)),
    ]
    if rotation.dropped:
        parts.append(
            _tr(
                "These users could not be given the new key (they have not signed in since "
                "the last upgrade): disable and enable them with a new passphrase: {names}."
            ).format(names=", ".join(rotation.dropped))
        )
    return "\n\n".join(parts)


def run_rekey(
    ctx: AppContext,
    parent: QWidget,
    title: str,
    work: Callable[[Session], KeyRotation],
    on_done: Callable[[KeyRotation], None],
    on_error: Failed,
) -> ProgressDialog:
    """``work`` (a re-key) on the store's thread behind a busy dialog."""
    return run_with_progress(
        ctx.runner,
        parent,
        title,
        QCoreApplication.translate(
            "UserKeys", "Re-encrypting the database with a new key… This can take a few minutes."
        ),
        lambda session, _progress: work(session),
        on_done,
        on_error,
        cancellable=False,
    )


def show_new_key(ctx: AppContext, parent: QWidget, intro: str, key: str) -> RecoveryKeyDialog:
    """The new recovery key, once (window-modal, opened without blocking)."""
    ident = ctx.identity
    where = (
        f"{ident.office_name}, {ident.district_name}"
        if ident.office_name and ident.district_name
        else ident.office_name or QCoreApplication.translate("UserKeys", "headquarters")
    )
    created = ctx.clock.now().strftime("%Y-%m-%d")
    dialog = RecoveryKeyDialog(intro, key, where, created, ctx.report, parent)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    return dialog
