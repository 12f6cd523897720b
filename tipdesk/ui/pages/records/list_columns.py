"""The columns each record list shows: headers, widths, and how codes become names.

Codes are shown by their reference-list names; lists of codes (forms of exploitation, topics)
as names joined by commas; a victim's recorded name only as the mask (the list never receives
it). Sortable columns are the ones the store can sort quickly (see
:mod:`tipdesk.store.list_queries`); :func:`matched_text` words what a search matched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from tipdesk.core.codes import Gender, Stage
from tipdesk.core.masking import MASK
from tipdesk.core.reference import Reference
from tipdesk.ui.pages.records.list_model import ListColumn
from tipdesk.ui.widgets.fields import enum_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("lists", text)


def _code_names(reference: Reference, list_name: str) -> Callable[[Any], str]:
    def fmt(value: Any) -> str:
        try:
            codes = json.loads(value) if isinstance(value, str) else list(value)
        except ValueError:
            return str(value)
        return ", ".join(reference.label(list_name, str(c)) for c in codes)

    return fmt


def _code_name(reference: Reference, list_name: str) -> Callable[[Any], str]:
    return lambda value: reference.label(list_name, str(value))


def _district(reference: Reference) -> Callable[[Any], str]:
    def fmt(value: Any) -> str:
        d = reference.districts.get(str(value))
        return d.name if d else str(value)

    return fmt


def _number(value: Any) -> str:
    return f"{int(value):,}"


def _count(value: Any) -> str:
    return str(int(value)) if value else ""


def case_columns(reference: Reference, offices: dict[str, str] | None = None) -> list[ListColumn]:
    office_names = offices or {}
    return [
        ListColumn("case_number", _tr("Case number"), 150, sort="case_number"),
        ListColumn("registered_on", _tr("Registered"), 105, sort="registered_on"),
        ListColumn("stage", _tr("Stage"), 135, lambda v: enum_label(v, Stage), sort="stage"),
        ListColumn("district", _tr("District"), 130, _district(reference), sort="district"),
        ListColumn(
            "office",
            _tr("Office"),
            270,
            lambda v: _office_name(reference, office_names, str(v)),
            sort="office",
            tooltip=True,
        ),
        ListColumn("accused", _tr("Accused"), 85, _count, numeric=True),
        ListColumn("victims", _tr("Victims"), 80, _count, numeric=True),
        ListColumn(
            "exploitation_forms",
            _tr("Forms of exploitation"),
            220,
            _code_names(reference, "exploitation_forms"),
            tooltip=True,
        ),
    ]


def _office_name(reference: Reference, extra: dict[str, str], code: str) -> str:
    if code in extra:
        return extra[code]
    office = reference.offices.get(code)
    return office.name if office else code


def victim_columns(reference: Reference) -> list[ListColumn]:
    return [
        ListColumn("victim_code", _tr("Victim code"), 170, sort="victim_code"),
        ListColumn("identified_on", _tr("Identified"), 105, sort="identified_on"),
        ListColumn("name", _tr("Name"), 90, lambda v: MASK if v else ""),
        ListColumn("gender", _tr("Gender"), 100, lambda v: enum_label(v, Gender), sort="gender"),
        ListColumn("age", _tr("Age"), 55, str, sort="age", numeric=True),
        ListColumn("district", _tr("District"), 130, _district(reference), sort="district"),
        ListColumn("case_number", _tr("Case"), 140),
        ListColumn(
            "exploitation_forms",
            _tr("Forms of exploitation"),
            200,
            _code_names(reference, "exploitation_forms"),
            tooltip=True,
        ),
        ListColumn("referrals", _tr("Referrals"), 80, _count, numeric=True),
    ]


def training_columns(reference: Reference) -> list[ListColumn]:
    return [
        ListColumn("title", _tr("Title"), 260, sort="title", tooltip=True),
        ListColumn("start_on", _tr("Start"), 105, sort="start_on"),
        ListColumn("end_on", _tr("End"), 105, sort="end_on"),
        ListColumn("district", _tr("District"), 130, _district(reference), sort="district"),
        ListColumn(
            "organiser",
            _tr("Organised by"),
            200,
            _code_name(reference, "agencies"),
            sort="organiser",
            tooltip=True,
        ),
        ListColumn(
            "participants_total",
            _tr("Trained"),
            80,
            _number,
            sort="participants_total",
            numeric=True,
        ),
        ListColumn(
            "participants_female",
            _tr("Women"),
            75,
            _number,
            sort="participants_female",
            numeric=True,
        ),
        ListColumn(
            "topics", _tr("Topics"), 240, _code_names(reference, "training_topics"), tooltip=True
        ),
    ]


def campaign_columns(reference: Reference) -> list[ListColumn]:
    return [
        ListColumn("title", _tr("Title"), 260, sort="title", tooltip=True),
        ListColumn("start_on", _tr("Start"), 105, sort="start_on"),
        ListColumn("district", _tr("District"), 130, _district(reference), sort="district"),
        ListColumn(
            "department",
            _tr("Department"),
            220,
            _code_name(reference, "departments"),
            sort="department",
            tooltip=True,
        ),
        ListColumn("kind", _tr("Kind"), 140, _code_name(reference, "campaign_kinds"), sort="kind"),
        ListColumn(
            "people_reached",
            _tr("People reached"),
            135,
            _number,
            sort="people_reached",
            numeric=True,
        ),
        ListColumn(
            "national_campaign",
            _tr("National campaign"),
            220,
            sort="national_campaign",
            tooltip=True,
        ),
    ]


def matched_text(found: tuple[str, str]) -> str:
    """What a search matched in a row, for the list's "Matched" column: ``Accused: Javed
    Iqbal``, ``Officer: SI Zubair Sial``, ``Narrative``, ``Name, CNIC or phone`` (a victim's
    identity: never its value)."""
    what, text = found
    words = {
        "accused": _tr("Accused: {text}"),
        "officer": _tr("Officer: {text}"),
        "victim_code": _tr("Victim: {text}"),
        "trainee": _tr("Trainee: {text}"),
        "venue": _tr("Venue: {text}"),
        "national_campaign": _tr("National campaign: {text}"),
        "case_number": _tr("Case number"),
        "narrative": _tr("Narrative"),
        "code": _tr("Victim code"),
        "identity": _tr("Name, CNIC or phone"),
        "title": _tr("Title"),
        "notes": _tr("Notes"),
    }
    return words.get(what, what).format(text=text)
