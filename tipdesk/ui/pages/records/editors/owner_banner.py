"""The banner of an editor showing a record that another district owns: the services refuse
every change to it at a district install (:mod:`tipdesk.services.ownership`), so the editor
says so before anyone types, and offers no Save or Delete. HQ may change any record: no
banner there."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from tipdesk.ui.pages.records.context import RecordsContext
from tipdesk.ui.widgets.common import Banner


class OwnerBanner(Banner):
    """Hidden unless :meth:`show_for` is given another district's record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("info", "", parent)
        self.setObjectName("ownerBanner")
        self.read_only = False

    def show_for(self, ctx: RecordsContext, record: Any) -> bool:
        """Show the banner when ``record`` belongs to another district than this install's;
        return whether it is read-only here."""
        own = ctx.identity.install.district
        owner = str(getattr(record, "owner", "") or "")
        self.read_only = bool(own and owner and owner != own)
        if not self.read_only:
            self.set_message("info", "")
            return False
        found = ctx.reference.districts.get(owner)
        name = found.name if found is not None else owner
        found_own = ctx.reference.districts.get(own)
        own_name = found_own.name if found_own is not None else own
        self.set_message(
            "warning",
            self.tr(
                "Read only: this record belongs to {owner}. This install changes {own}'s "
                "records only; {owner}'s office (or HQ) keeps it up to date, and its changes "
                "reach you through HQ."
            ).format(owner=name, own=own_name),
        )
        self.setToolTip(owner)
        return True
