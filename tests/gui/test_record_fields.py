"""Field labels and values as people read them (the HQ conflict review)."""

from __future__ import annotations

import dataclasses

import pytest

from tipdesk.core.records import Accused, Campaign, Case, Referral, Training, Victim
from tipdesk.resources import load_reference
from tipdesk.ui.record_fields import field_label, field_value

_CHILDREN = {"accused", "victims", "referrals"}


@pytest.mark.parametrize("cls", [Case, Accused, Victim, Referral, Training, Campaign])
def test_every_field_has_a_label(cls: type) -> None:
    missing = [
        f.name
        for f in dataclasses.fields(cls)
        if f.name not in _CHILDREN and field_label(cls.KIND, f.name) == f.name
    ]
    assert missing == []


def test_kind_is_worded_for_its_record() -> None:
    assert field_label("case", "kind") == "Registered as"
    assert field_label("campaign", "kind") == "Kind of campaign"


def test_values_read_as_names() -> None:
    ref = load_reference()
    assert field_value("case", "stage", "challan", ref) == "Challan submitted"
    assert field_value("case", "transnational", True, ref) == "Yes"
    assert field_value("case", "district", "PB-LHR", ref) == "Lahore"
    assert field_value("case", "route_countries", ["PK", "AE"], ref) == (
        f"{ref.label('countries', 'PK')}, {ref.label('countries', 'AE')}"
    )
    assert field_value("case", "office", "X-1", ref, {"X-1": "Circle X"}) == "Circle X"
    assert field_value("accused", "fine_pkr", 500000, ref) == "500,000"
    assert field_value("accused", "age", 40, ref) == "40"
    assert field_value("case", "law", "tip_act_2018", ref) == "TIP Act 2018"
    assert field_value("case", "law", "unknown_law", ref) == "unknown_law"
    assert field_value("case", "closed_reason", "", ref) == ""
    assert field_value("accused", "role", "no-such-code", ref) == "no-such-code"
    by_agency = field_value("training", "participants_by_agency", {"fia": 12}, ref)
    assert by_agency == f"{ref.label('agencies', 'fia')}: 12"
