"""How records read for people: a record named by its title where a screen would show an id
(:func:`record_words`), record kinds as headings (:func:`kind_words`), and for screens that show
a record field by field (the HQ conflict review) each field's label, as the editors word it, and
its value as a name.

Contract: :func:`field_label` gives every field of every kind a translated label (a test checks
that none is missing); :func:`field_value` turns a stored value (as
:func:`tipdesk.core.records.to_dict` gives it: codes, ISO dates, booleans, lists) into text:
codes become their reference-list or code-list names, booleans Yes/No, lists names joined by
commas. An unknown code is shown as it is. Victims' identifying fields are the caller's to hide.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tipdesk.core import field_labels
from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.reference import Reference
from tipdesk.ui.language import code_name
from tipdesk.ui.widgets.fields import enum_label

_CONTEXT = "record_fields"


_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("case", "kind"): CaseKind,
    ("case", "stage"): Stage,
    ("accused", "gender"): Gender,
    ("victim", "gender"): Gender,
    ("accused", "arrest_status"): ArrestStatus,
    ("accused", "outcome"): Outcome,
    ("accused", "appeal"): Appeal,
    ("referral", "outcome"): ReferralOutcome,
}
_CODE_LISTS: dict[tuple[str, str], str] = {
    ("case", "exploitation_forms"): "exploitation_forms",
    ("case", "means"): "means",
    ("case", "route_countries"): "countries",
    ("accused", "nationality"): "countries",
    ("accused", "role"): "accused_roles",
    ("victim", "nationality"): "countries",
    ("victim", "exploitation_forms"): "exploitation_forms",
    ("victim", "indicators"): "victim_indicators",
    ("victim", "protection_measures"): "protection_measures",
    ("referral", "service"): "referral_services",
    ("training", "topics"): "training_topics",
    ("training", "organiser"): "agencies",
    ("training", "partners"): "partners",
    ("training", "participants_by_agency"): "agencies",
    ("campaign", "department"): "departments",
    ("campaign", "kind"): "campaign_kinds",
    ("campaign", "partners"): "partners",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(kind: str, name: str) -> str:
    """The label of field ``name`` of a ``kind`` record (the name itself if unknown)."""
    text = field_labels.label(kind, name)
    return _tr(text) if text else name


def field_value(
    kind: str, name: str, value: Any, reference: Reference, offices: dict[str, str] | None = None
) -> str:
    """``value`` of field ``name`` of a ``kind`` record as text for people."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("record_fields", "Yes")
            if value
            else QCoreApplication.translate("record_fields", "No")
        )
    enum = _ENUMS.get((kind, name))
    if enum is not None:
        return enum_label(str(value), enum)
    if name in ("district", "owner"):
        found = reference.districts.get(str(value))
        return found.name if found else str(value)
    if name == "office" and offices:
        return offices.get(str(value), str(value))
    if name == "law":
        return reference.law_short(str(value))
    code_list = _CODE_LISTS.get((kind, name))
    if isinstance(value, dict):
        return ", ".join(
            f"{code_name(reference.label(code_list, str(k))) if code_list else k}: {v:,}"
            if isinstance(v, int)
            else f"{k}: {v}"
            for k, v in value.items()
        )
    if isinstance(value, list):
        return ", ".join(
            code_name(reference.label(code_list, str(v))) if code_list else str(v) for v in value
        )
    if code_list is not None:
        return code_name(reference.label(code_list, str(value)))
    if isinstance(value, int):
        return f"{value:,}" if name not in ("age", "version") else str(value)
    return str(value)


QT_TRANSLATE_NOOP("record_fields", "Yes")
QT_TRANSLATE_NOOP("record_fields", "No")


Titles = dict[tuple[str, str], str]
"""Records' titles by (kind, id), as :mod:`tipdesk.services.titles` looks them up."""


def named(kind: str, record_id: str, titles: Titles, reference: Reference) -> str:
    """A record by its title when ``titles`` has it (:func:`record_words`), else by kind and
    id (a record this install does not hold)."""
    title = titles.get((kind, record_id))
    if not title:
        return f"{kind} {record_id}".strip()
    return record_words(kind, title, reference)


def record_words(kind: str, title: str, reference: Reference) -> str:
    """``Case FIR 12/2025``, ``Victim V-LHR-2025-001``, ``Referral to Shelter``: a record named
    by its title (:func:`tipdesk.services.titles.record_title`)."""
    if kind == "referral":
        title = code_name(reference.label("referral_services", title))
    translate = QCoreApplication.translate
    words = {
        "case": translate("record_fields", "Case {title}"),
        "accused": translate("record_fields", "Accused {title}"),
        "victim": translate("record_fields", "Victim {title}"),
        "referral": translate("record_fields", "Referral to {title}"),
        "training": translate("record_fields", "Training: {title}"),
        "campaign": translate("record_fields", "Campaign: {title}"),
    }
    return words.get(kind, kind + " {title}").format(title=title)


def kind_words(kind: str) -> str:
    """A record kind as a heading for its count: ``case`` -> ``Cases``."""
    translate = QCoreApplication.translate
    words = {
        "case": translate("record_fields", "Cases"),
        "accused": translate("record_fields", "Accused"),
        "victim": translate("record_fields", "Victims"),
        "referral": translate("record_fields", "Referrals"),
        "training": translate("record_fields", "Trainings"),
        "campaign": translate("record_fields", "Campaigns"),
    }
    return words.get(kind, kind)
