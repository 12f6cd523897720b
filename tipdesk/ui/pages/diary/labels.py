"""The diary's words shared by its page, the dashboard's Due panel and the sign-in notice:
hearing purposes and how an item reads in a table (all translated)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tipdesk.core.codes import HearingPurpose
from tipdesk.services.diary import DiaryItem
from tipdesk.ui.widgets.common import date_text

CONTEXT = "diary"

_PURPOSES: dict[str, str] = {
    HearingPurpose.REMAND: str(QT_TRANSLATE_NOOP("diary", "Remand / production of accused")),
    HearingPurpose.BAIL: str(QT_TRANSLATE_NOOP("diary", "Bail application")),
    HearingPurpose.CHARGE: str(QT_TRANSLATE_NOOP("diary", "Framing of charge")),
    HearingPurpose.EVIDENCE: str(QT_TRANSLATE_NOOP("diary", "Prosecution evidence")),
    HearingPurpose.ARGUMENTS: str(QT_TRANSLATE_NOOP("diary", "Final arguments")),
    HearingPurpose.JUDGMENT: str(QT_TRANSLATE_NOOP("diary", "Judgment")),
    HearingPurpose.OTHER: str(QT_TRANSLATE_NOOP("diary", "Hearing")),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def purpose_items() -> list[tuple[str, str]]:
    """(code, translated name) of every hearing purpose, in order."""
    return [(p.value, tr(_PURPOSES[p])) for p in HearingPurpose]


def purpose_label(code: str) -> str:
    return tr(_PURPOSES[code]) if code in _PURPOSES else code


def what(item: DiaryItem) -> str:
    """What is due: a hearing's purpose, or the rule's title (translated: the shipped rules'
    titles are in the ``.ts`` under ``codes``; a title HQ wrote itself stays as written)."""
    if item.kind == "hearing":
        return purpose_label(item.purpose)
    return QCoreApplication.translate("codes", item.title)


def row(item: DiaryItem) -> list[str]:
    """The cells of an item in the diary's tables (see :data:`HEADERS`)."""
    return [
        date_text(item.due_on.isoformat()),
        what(item),
        item.case_number or "–",
        item.subject or "–",
        item.court or "–",
        item.officer or "–",
    ]


HEADERS: tuple[str, ...] = tuple(
    str(h)
    for h in (
        QT_TRANSLATE_NOOP("diary", "Due"),
        QT_TRANSLATE_NOOP("diary", "What"),
        QT_TRANSLATE_NOOP("diary", "Case"),
        QT_TRANSLATE_NOOP("diary", "Accused / victim"),
        QT_TRANSLATE_NOOP("diary", "Court"),
        QT_TRANSLATE_NOOP("diary", "Investigating officer"),
    )
)
"""Source texts of the diary tables' headers (translated by the model, context ``diary``)."""
