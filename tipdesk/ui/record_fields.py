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
from tipdesk.ui.widgets.fields import enum_label

_CONTEXT = "record_fields"


def _n(text: object) -> str:
    return str(text)


_LABELS: dict[str, str] = {
    # cases
    "case_number": _n(QT_TRANSLATE_NOOP("record_fields", "Case number")),
    "registered_on": _n(QT_TRANSLATE_NOOP("record_fields", "Registered on")),
    "offence_on": _n(QT_TRANSLATE_NOOP("record_fields", "Date of offence")),
    "district": _n(QT_TRANSLATE_NOOP("record_fields", "District")),
    "office": _n(QT_TRANSLATE_NOOP("record_fields", "Office")),
    "law": _n(QT_TRANSLATE_NOOP("record_fields", "Law")),
    "sections": _n(QT_TRANSLATE_NOOP("record_fields", "Sections")),
    "exploitation_forms": _n(QT_TRANSLATE_NOOP("record_fields", "Forms of exploitation")),
    "means": _n(QT_TRANSLATE_NOOP("record_fields", "Means")),
    "transnational": _n(QT_TRANSLATE_NOOP("record_fields", "Transnational")),
    "route_countries": _n(QT_TRANSLATE_NOOP("record_fields", "Countries on the route")),
    "stage": _n(QT_TRANSLATE_NOOP("record_fields", "Stage")),
    "closed_reason": _n(QT_TRANSLATE_NOOP("record_fields", "Reason closed")),
    "official_involvement": _n(QT_TRANSLATE_NOOP("record_fields", "Official involved")),
    "official_action": _n(QT_TRANSLATE_NOOP("record_fields", "Action taken against the official")),
    "investigating_officer": _n(QT_TRANSLATE_NOOP("record_fields", "Investigating officer")),
    "narrative": _n(QT_TRANSLATE_NOOP("record_fields", "What happened")),
    "dual_role_reviewed_by": _n(QT_TRANSLATE_NOOP("record_fields", "Dual role reviewed by")),
    # accused and victims
    "case_id": _n(QT_TRANSLATE_NOOP("record_fields", "Case (id)")),
    "name": _n(QT_TRANSLATE_NOOP("record_fields", "Name")),
    "father_name": _n(QT_TRANSLATE_NOOP("record_fields", "Father's name")),
    "cnic": _n(QT_TRANSLATE_NOOP("record_fields", "CNIC")),
    "gender": _n(QT_TRANSLATE_NOOP("record_fields", "Gender")),
    "age": _n(QT_TRANSLATE_NOOP("record_fields", "Age (years)")),
    "nationality": _n(QT_TRANSLATE_NOOP("record_fields", "Nationality")),
    "role": _n(QT_TRANSLATE_NOOP("record_fields", "Role")),
    "arrest_status": _n(QT_TRANSLATE_NOOP("record_fields", "Arrest")),
    "section": _n(QT_TRANSLATE_NOOP("record_fields", "Section charged")),
    "proceeded_on": _n(QT_TRANSLATE_NOOP("record_fields", "Proceeded against (challan) on")),
    "outcome": _n(QT_TRANSLATE_NOOP("record_fields", "Outcome")),
    "judgment_on": _n(QT_TRANSLATE_NOOP("record_fields", "Judgment date")),
    "court": _n(QT_TRANSLATE_NOOP("record_fields", "Court")),
    "imprisonment_months": _n(QT_TRANSLATE_NOOP("record_fields", "Imprisonment (months)")),
    "fine_pkr": _n(QT_TRANSLATE_NOOP("record_fields", "Fine (PKR)")),
    "appeal": _n(QT_TRANSLATE_NOOP("record_fields", "Appeal")),
    "dual_role_matches": _n(QT_TRANSLATE_NOOP("record_fields", "May be a victim of the case")),
    "dual_role_reviewed": _n(QT_TRANSLATE_NOOP("record_fields", "Overlaps reviewed")),
    "dual_role_reviewed_on": _n(QT_TRANSLATE_NOOP("record_fields", "Overlap reviewed on")),
    "dual_role_decision": _n(QT_TRANSLATE_NOOP("record_fields", "Overlap review decision")),
    "victim_code": _n(QT_TRANSLATE_NOOP("record_fields", "Victim code")),
    "phone": _n(QT_TRANSLATE_NOOP("record_fields", "Phone")),
    "address": _n(QT_TRANSLATE_NOOP("record_fields", "Address")),
    "date_of_birth": _n(QT_TRANSLATE_NOOP("record_fields", "Date of birth")),
    "identified_on": _n(QT_TRANSLATE_NOOP("record_fields", "Identified on")),
    "identified_by": _n(QT_TRANSLATE_NOOP("record_fields", "Identified by")),
    "indicators": _n(QT_TRANSLATE_NOOP("record_fields", "Indicators observed")),
    "consent_to_share": _n(QT_TRANSLATE_NOOP("record_fields", "Consents to sharing identity")),
    "protection_measures": _n(QT_TRANSLATE_NOOP("record_fields", "Protection measures")),
    "notes": _n(QT_TRANSLATE_NOOP("record_fields", "Notes")),
    # referrals
    "victim_id": _n(QT_TRANSLATE_NOOP("record_fields", "Victim (id)")),
    "service": _n(QT_TRANSLATE_NOOP("record_fields", "Service")),
    "provider": _n(QT_TRANSLATE_NOOP("record_fields", "Provider")),
    "referred_on": _n(QT_TRANSLATE_NOOP("record_fields", "Referred on")),
    "outcome_on": _n(QT_TRANSLATE_NOOP("record_fields", "Outcome date")),
    # trainings and campaigns
    "title": _n(QT_TRANSLATE_NOOP("record_fields", "Title")),
    "topics": _n(QT_TRANSLATE_NOOP("record_fields", "Topics")),
    "organiser": _n(QT_TRANSLATE_NOOP("record_fields", "Organising agency")),
    "partners": _n(QT_TRANSLATE_NOOP("record_fields", "Partners")),
    "start_on": _n(QT_TRANSLATE_NOOP("record_fields", "Start date")),
    "end_on": _n(QT_TRANSLATE_NOOP("record_fields", "End date")),
    "venue": _n(QT_TRANSLATE_NOOP("record_fields", "Venue")),
    "participants_total": _n(QT_TRANSLATE_NOOP("record_fields", "Total trained")),
    "participants_female": _n(QT_TRANSLATE_NOOP("record_fields", "Women trained")),
    "participants_male": _n(QT_TRANSLATE_NOOP("record_fields", "Men trained")),
    "participants_transgender": _n(QT_TRANSLATE_NOOP("record_fields", "Transgender trained")),
    "participants_by_agency": _n(QT_TRANSLATE_NOOP("record_fields", "Trained by agency")),
    "roster": _n(QT_TRANSLATE_NOOP("record_fields", "Roster")),
    "department": _n(QT_TRANSLATE_NOOP("record_fields", "Department")),
    "people_reached": _n(QT_TRANSLATE_NOOP("record_fields", "People reached")),
    "national_campaign": _n(QT_TRANSLATE_NOOP("record_fields", "National campaign")),
    # every kind
    "id": _n(QT_TRANSLATE_NOOP("record_fields", "Record id")),
    "created_at": _n(QT_TRANSLATE_NOOP("record_fields", "Created")),
    "created_by": _n(QT_TRANSLATE_NOOP("record_fields", "Created by")),
    "updated_at": _n(QT_TRANSLATE_NOOP("record_fields", "Last saved")),
    "updated_by": _n(QT_TRANSLATE_NOOP("record_fields", "Last saved by")),
    "origin_device": _n(QT_TRANSLATE_NOOP("record_fields", "Created on device")),
    "updated_device": _n(QT_TRANSLATE_NOOP("record_fields", "Last saved on device")),
    "version": _n(QT_TRANSLATE_NOOP("record_fields", "Version")),
    "deleted": _n(QT_TRANSLATE_NOOP("record_fields", "Deleted")),
    "owner": _n(QT_TRANSLATE_NOOP("record_fields", "Owner district")),
}
_KIND_LABELS: dict[tuple[str, str], str] = {
    ("case", "kind"): _n(QT_TRANSLATE_NOOP("record_fields", "Registered as")),
    ("campaign", "kind"): _n(QT_TRANSLATE_NOOP("record_fields", "Kind of campaign")),
}

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
    text = _KIND_LABELS.get((kind, name)) or _LABELS.get(name)
    return _tr(text) if text else name


def field_value(
    kind: str, name: str, value: Any, reference: Reference, offices: dict[str, str] | None = None
) -> str:
    """``value`` of field ``name`` of a ``kind`` record as text for people."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
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
            f"{reference.label(code_list, str(k)) if code_list else k}: {v:,}"
            if isinstance(v, int)
            else f"{k}: {v}"
            for k, v in value.items()
        )
    if isinstance(value, list):
        return ", ".join(reference.label(code_list, str(v)) if code_list else str(v) for v in value)
    if code_list is not None:
        return reference.label(code_list, str(value))
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
        title = reference.label("referral_services", title)
    tr = QCoreApplication.translate
    words = {
        "case": tr("record_fields", "Case {title}"),
        "accused": tr("record_fields", "Accused {title}"),
        "victim": tr("record_fields", "Victim {title}"),
        "referral": tr("record_fields", "Referral to {title}"),
        "training": tr("record_fields", "Training: {title}"),
        "campaign": tr("record_fields", "Campaign: {title}"),
    }
    return words.get(kind, kind + " {title}").format(title=title)


def kind_words(kind: str) -> str:
    """A record kind as a heading for its count: ``case`` -> ``Cases``."""
    tr = QCoreApplication.translate
    words = {
        "case": tr("record_fields", "Cases"),
        "accused": tr("record_fields", "Accused"),
        "victim": tr("record_fields", "Victims"),
        "referral": tr("record_fields", "Referrals"),
        "training": tr("record_fields", "Trainings"),
        "campaign": tr("record_fields", "Campaigns"),
    }
    return words.get(kind, kind)
