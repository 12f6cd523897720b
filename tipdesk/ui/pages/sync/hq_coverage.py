"""HQ's Coverage tab: every district of the reference list, whether a device is registered for
it, whether it ever sent a bundle and when, and the records of it held in quarantine
(:func:`tipdesk.services.reports.district_coverage`, the national report's own coverage as of
today). A district that sent nothing is listed and says why; districts to act on (registered
but silent, stale, records held) are highlighted and listed first.

"Re-check quarantine" validates the held records again with HQ's offices and reference lists
as they are now and applies those that pass (:func:`tipdesk.services.sync.recheck_quarantine`);
the banner says what was released. HQ does the same by itself after adding an office or
installing a reference update.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from tipdesk.core.permissions import Permission
from tipdesk.reports.model import Coverage, CoverageStatus
from tipdesk.services import sync
from tipdesk.services.sync import Recheck
from tipdesk.ui.context import AppContext
from tipdesk.ui.pages.sync.common import TippedTableModel, when
from tipdesk.ui.widgets.common import button, counted, label, number
from tipdesk.ui.widgets.text_table import table_view

CONTEXT = "CoverageTab"
COLUMNS = (
    str(QT_TRANSLATE_NOOP("CoverageTab", "District")),
    str(QT_TRANSLATE_NOOP("CoverageTab", "Province")),
    str(QT_TRANSLATE_NOOP("CoverageTab", "Devices")),
    str(QT_TRANSLATE_NOOP("CoverageTab", "Last bundle")),
    str(QT_TRANSLATE_NOOP("CoverageTab", "Status")),
    str(QT_TRANSLATE_NOOP("CoverageTab", "Held in quarantine")),
)
# The order districts are listed in: those to act on first.
_ORDER = {
    CoverageStatus.NEVER_SENT: 0,
    CoverageStatus.STALE: 1,
    CoverageStatus.CURRENT: 2,
    CoverageStatus.NO_DEVICE: 3,
}
Message = Callable[[str, str], None]


class CoverageTab(QWidget):
    """See the module docstring. ``message`` is the Sync screen's banner; ``changed`` asks the
    screen to reload after a re-check."""

    def __init__(
        self,
        ctx: AppContext,
        message: Message,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coverageTab")
        self.ctx = ctx
        self._message = message
        self._changed = changed
        self.model = TippedTableModel(COLUMNS, self, context=CONTEXT)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        top = QHBoxLayout()
        self.summary = label("", wrap=True)
        self.summary.setObjectName("coverageSummary")
        top.addWidget(self.summary, 1)
        self.recheck_button = button(self.tr("Re-check quarantine"), "refresh")
        self.recheck_button.setObjectName("recheckButton")
        self.recheck_button.setToolTip(
            self.tr(
                "Validate the records held in quarantine again with HQ's offices and reference "
                "lists as they are now, and add those that pass to the register."
            )
        )
        self.recheck_button.clicked.connect(self.recheck)
        self.recheck_button.setEnabled(ctx.can(Permission.SYNC))
        top.addWidget(self.recheck_button)
        box.addLayout(top)
        self.table = table_view(self.model, "coverageTable")
        for col, width in enumerate((170, 130, 80, 150, 190)):
            self.table.setColumnWidth(col, width)
        box.addWidget(self.table, 1)

    def summary_text(self, cov: Coverage) -> str:
        n, total = len(cov.included), len(cov.rows)
        parts = [
            self.tr("Data from {n} of {total} districts.").format(n=number(n), total=number(total))
        ]
        if cov.never_sent:
            parts.append(
                self.tr("{n} registered but never sent data: call them.").format(
                    n=number(len(cov.never_sent))
                )
            )
        if cov.no_device:
            parts.append(
                self.tr("{n} have no device registered.").format(n=number(len(cov.no_device)))
            )
        if cov.stale:
            parts.append(
                self.tr("{n} sent nothing since {date}.").format(
                    n=number(len(cov.stale)), date=when(cov.stale_before)
                )
            )
        if cov.quarantine:
            parts.append(
                self.tr("{n} held in quarantine (in no figure until they pass).").format(
                    n=counted(
                        cov.quarantined_records,
                        self.tr("{n} record is"),
                        self.tr("{n} records are"),
                    )
                )
            )
        return " ".join(parts)

    def show_coverage(self, cov: Coverage | None) -> None:
        if cov is None:
            self.summary.setText("")
            self.model.set_rows([])
            return
        statuses = {
            CoverageStatus.CURRENT: self.tr("Up to date"),
            CoverageStatus.STALE: self.tr("Stale"),
            CoverageStatus.NEVER_SENT: self.tr("Registered, never sent"),
            CoverageStatus.NO_DEVICE: self.tr("No device registered"),
        }
        held = {q.district: q for q in cov.quarantine}
        ordered = sorted(
            cov.rows,
            key=lambda r: (
                0 if r.district in held else 1,
                _ORDER[r.status],
                r.province,
                r.district_name,
            ),
        )
        rows, tips, flagged = [], [], set()
        for i, r in enumerate(ordered):
            q = held.get(r.district)
            rows.append(
                [
                    r.district_name,
                    r.province_name or r.province,
                    number(r.devices),
                    when(r.last_bundle) if r.last_bundle else self.tr("never"),
                    statuses[r.status],
                    number(q.records) if q else "",
                ]
            )
            tips.append(
                [
                    r.district,
                    "",
                    "",
                    "",
                    "",
                    ", ".join(f"{kind} {number(n)}" for kind, n in q.by_kind.items()) if q else "",
                ]
            )
            if q or r.stale:
                flagged.add(i)
        self.model.set_rows(rows, [r.district for r in ordered], flagged, tips)
        self.summary.setText(self.summary_text(cov))
        self.recheck_button.setEnabled(self.ctx.can(Permission.SYNC) and bool(cov.quarantine))

    def recheck(self) -> None:
        self.recheck_button.setEnabled(False)

        def done(found: Recheck) -> None:
            self._message("ok" if found.total else "info", self.recheck_text(found))
            self._changed()

        def failed(exc: BaseException) -> None:
            self.recheck_button.setEnabled(True)
            self.ctx.report(exc)

        self.ctx.runner.submit(sync.recheck_quarantine, done, failed)

    def recheck_text(self, found: Recheck) -> str:
        if found.released:
            head = self.tr("Released from quarantine and added to the register: {list}.").format(
                list="; ".join(
                    self.tr("{district}: {n} records").format(
                        district=r.district_name, n=number(r.total)
                    )
                    for r in found.released
                )
            )
        else:
            head = self.tr("No record held in quarantine passes HQ's checks yet.")
        tail = (
            self.tr("{n} still held: the districts must correct them.").format(
                n=counted(found.still_held, self.tr("{n} entry is"), self.tr("{n} entries are"))
            )
            if found.still_held
            else self.tr("Nothing is held in quarantine now.")
        )
        return f"{head} {tail}"
