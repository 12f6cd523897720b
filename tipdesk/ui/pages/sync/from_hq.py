"""What HQ sent back to a district, as the district's Sync screen lists it: the records the
last receipt brought back (HQ's corrections, conflicts HQ resolved, records new to this
install), each in words ("Case FIR 22/2026 — Corrected at HQ: Stage"), and HQ's notices
(an accused of one of this office's cases is also an accused in another district's case:
that district and its case number, nothing else of it).

Texts are the screen's own (translated), made from the services' plain data
(:class:`~tipdesk.services.sync.BackChange`, :class:`~tipdesk.services.sync.Notice`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tipdesk.core.reference import Reference
from tipdesk.services.sync import BackChange, Notice
from tipdesk.ui.pages.sync.common import TippedTableModel, when
from tipdesk.ui.record_fields import field_label, record_words

CONTEXT = "FromHq"
BACK_COLUMNS = (
    str(QT_TRANSLATE_NOOP("FromHq", "Record")),
    str(QT_TRANSLATE_NOOP("FromHq", "What HQ's version did here")),
)
NOTICE_COLUMNS = (
    str(QT_TRANSLATE_NOOP("FromHq", "Your case")),
    str(QT_TRANSLATE_NOOP("FromHq", "An accused is also an accused in")),
    str(QT_TRANSLATE_NOOP("FromHq", "Their case")),
    str(QT_TRANSLATE_NOOP("FromHq", "Since")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def back_words(change: BackChange) -> str:
    """What one version HQ sent back did here, in words (field names as the editors label
    them)."""
    fields = ", ".join(field_label(change.kind, f) for f in change.fields)
    if change.what == "new":
        return QCoreApplication.translate("FromHq", "Received from HQ (new to this install)")
    if change.what == "corrected":
        if fields:
            return QCoreApplication.translate("FromHq", "Corrected at HQ: {fields}").format(
                fields=fields
            )
        return QCoreApplication.translate("FromHq", "Corrected at HQ")
    if change.what == "resolved":
        if change.kept == "merged":
            return QCoreApplication.translate(
                "FromHq", "Conflict resolved at HQ: merged field by field"
            )
        if change.kept == "your":
            return QCoreApplication.translate(
                "FromHq", "Conflict resolved at HQ: your version kept"
            )
        return QCoreApplication.translate("FromHq", "Conflict resolved at HQ: HQ's version kept")
    if change.what == "conflict":
        text = _tr(
            "HQ changed it while you did: your version is kept and goes to HQ again for review"
        )
        return f"{text} ({fields})" if fields else text
    if change.what == "waiting":
        return QCoreApplication.translate(
            "FromHq", "Waits for its case or victim, which HQ sends later"
        )
    return QCoreApplication.translate("FromHq", "Could not be read; ask HQ to check it")


def back_record(change: BackChange, reference: Reference) -> str:
    """The record a change is about, by its title (``Case FIR 22/2026``)."""
    return record_words(change.kind, change.title or change.record_id, reference)


def _district(notice: Notice, reference: Reference) -> str:
    found = reference.districts.get(notice.other_district)
    return found.name if found else notice.other_district_name


def fill_back(model: TippedTableModel, changes: Sequence[BackChange], reference: Reference) -> None:
    model.set_rows(
        [[back_record(c, reference), back_words(c)] for c in changes],
        [f"{c.kind}:{c.record_id}" for c in changes],
        {i for i, c in enumerate(changes) if c.what in ("conflict", "unreadable")},
        [[f"{c.kind} {c.record_id}", _tip(c)] for c in changes],
    )


def _tip(change: BackChange) -> str:
    """The whole sentence (a narrow column cuts it) and the fields' stored names."""
    return "\n".join(filter(None, (back_words(change), ", ".join(change.fields))))


def fill_notices(model: TippedTableModel, notices: Sequence[Notice], reference: Reference) -> None:
    model.set_rows(
        [
            [
                record_words("case", n.case_number, reference),
                _district(n, reference),
                n.other_case_number,
                when(n.first_seen),
            ]
            for n in notices
        ],
        [n.case_id for n in notices],
        tips=[["", n.other_district, "", ""] for n in notices],
    )
