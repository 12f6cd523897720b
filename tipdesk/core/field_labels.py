"""Each record field's label as the editors word it ("Case number"), in English, without Qt:
the app shows them translated (context ``record_fields``:
:func:`tipdesk.ui.record_fields.field_label`), and a problem's field path is worded by them
(:mod:`tipdesk.core.field_paths`: the command line's refusals in Urdu, HQ's quarantine
reasons on its screens).
``make lupdate`` extracts them from here.

Contract: :data:`LABELS` maps a field's name to its label for every kind;
:data:`KIND_LABELS` overrides it for a (kind, field) whose label differs; :func:`label` is the
lookup (``None`` for a field without a label)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # cases
    "case_number": "Case number",
    "registered_on": "Registered on",
    "offence_on": "Date of offence",
    "district": "District",
    "office": "Office",
    "law": "Law",
    "sections": "Sections",
    "exploitation_forms": "Forms of exploitation",
    "means": "Means",
    "transnational": "Transnational",
    "route_countries": "Countries on the route",
    "stage": "Stage",
    "closed_reason": "Reason closed",
    "official_involvement": "Official involved",
    "official_action": "Action taken against the official",
    "investigating_officer": "Investigating officer",
    "narrative": "What happened",
    "dual_role_reviewed_by": "Dual role reviewed by",
    # accused and victims
    "case_id": "Case (id)",
    "name": "Name",
    "father_name": "Father's name",
    "cnic": "CNIC",
    "gender": "Gender",
    "age": "Age (years)",
    "nationality": "Nationality",
    "role": "Role",
    "arrest_status": "Arrest",
    "section": "Section charged",
    "proceeded_on": "Proceeded against (challan) on",
    "outcome": "Outcome",
    "judgment_on": "Judgment date",
    "court": "Court",
    "imprisonment_months": "Imprisonment (months)",
    "fine_pkr": "Fine (PKR)",
    "appeal": "Appeal",
    "dual_role_matches": "May be a victim of the case",
    "dual_role_reviewed": "Overlaps reviewed",
    "dual_role_reviewed_on": "Overlap reviewed on",
    "dual_role_decision": "Overlap review decision",
    "victim_code": "Victim code",
    "phone": "Phone",
    "address": "Address",
    "date_of_birth": "Date of birth",
    "identified_on": "Identified on",
    "identified_by": "Identified by",
    "indicators": "Indicators observed",
    "consent_to_share": "Consents to sharing identity",
    "protection_measures": "Protection measures",
    "notes": "Notes",
    # referrals
    "victim_id": "Victim (id)",
    "service": "Service",
    "provider": "Provider",
    "referred_on": "Referred on",
    "outcome_on": "Outcome date",
    # trainings and campaigns
    "title": "Title",
    "topics": "Topics",
    "organiser": "Organising agency",
    "partners": "Partners",
    "start_on": "Start date",
    "end_on": "End date",
    "venue": "Venue",
    "participants_total": "Total trained",
    "participants_female": "Women trained",
    "participants_male": "Men trained",
    "participants_transgender": "Transgender trained",
    "participants_by_agency": "Trained by agency",
    "roster": "Roster",
    "department": "Department",
    "people_reached": "People reached",
    "national_campaign": "National campaign",
    # every kind
    "id": "Record id",
    "created_at": "Created",
    "created_by": "Created by",
    "updated_at": "Last saved",
    "updated_by": "Last saved by",
    "origin_device": "Created on device",
    "updated_device": "Last saved on device",
    "version": "Version",
    "deleted": "Deleted",
    "owner": "Owner district",
}
KIND_LABELS: dict[tuple[str, str], str] = {
    ("case", "kind"): "Registered as",
    ("campaign", "kind"): "Kind of campaign",
}


def label(kind: str, name: str) -> str | None:
    """The English label of field ``name`` of a ``kind`` record (None when it has none)."""
    return KIND_LABELS.get((kind, name)) or LABELS.get(name)


def texts() -> list[str]:
    """Every label once (for ``make lupdate``)."""
    return list(dict.fromkeys([*LABELS.values(), *KIND_LABELS.values()]))
