"""Names people write (districts, aliases, countries, list items, laws) become codes; what is
not found stays for validation to name, in words and never as a code."""

from __future__ import annotations

from typing import Any

from tipdesk import catalogue
from tipdesk.core.errors import SHOWN_MAX
from tipdesk.core.names import describe_district, resolve_names
from tipdesk.core.records import Referral
from tipdesk.core.reference import Reference
from tipdesk.core.validation import ValidationContext, validate


def test_a_case_written_with_names_is_resolved_to_codes_and_valid(
    build: Any, reference: Reference, ctx: ValidationContext
) -> None:
    case = build.case(
        district="lahore",
        law="TIP Act 2018",
        exploitation_forms=["Forced Labour", "forced_begging"],
        means=["Threats"],
        route_countries=["Pakistan", "afghanistan"],
        transnational=True,
        accused=[build.accused(nationality="Pakistan", role="Recruiter")],
        victims=[
            build.victim(
                district="Lyallpur",  # an alias of Faisalabad
                nationality="PK",
                referrals=[Referral(service="Shelter", referred_on=build.victim().identified_on)],
            )
        ],
    )
    resolve_names(case, reference)
    assert case.district == "LHR"
    assert case.law == "tip_act_2018"
    assert case.exploitation_forms == ["forced_labour", "forced_begging"]
    assert case.means == ["threats"]
    assert case.route_countries == ["PK", "AF"]
    assert (case.accused[0].nationality, case.accused[0].role) == ("PK", "recruiter")
    assert case.victims[0].district == "FSD"
    assert case.victims[0].referrals[0].service == "shelter"
    assert validate(case, ctx) == []


def test_trainings_and_campaigns_too(build: Any, reference: Reference) -> None:
    training = build.training(
        district="Karachi",
        organiser="Fia",
        partners=["Unodc"],
        topics=["Investigation"],
        participants_by_agency={"Fia": 10, "fia": 5, "police": 3},
    )
    resolve_names(training, reference)
    assert (training.district, training.organiser) == ("KHI", "fia")
    assert (training.partners, training.topics) == (["unodc"], ["investigation"])
    assert training.participants_by_agency == {"fia": 15, "police": 3}
    campaign = build.campaign(district="faisalabad", department="Labour", kind="Walk")
    resolve_names(campaign, reference)
    assert (campaign.district, campaign.department, campaign.kind) == ("FSD", "labour", "walk")


def test_what_is_not_found_is_left_for_validation_to_name_in_words(
    build: Any, reference: Reference, ctx: ValidationContext
) -> None:
    case = build.case(district="Lahor", means=["Threts"], route_countries=["Narnia"])
    resolve_names(case, reference)
    assert (case.district, case.means, case.route_countries) == ("Lahor", ["Threts"], ["Narnia"])
    messages = [p.message for p in validate(case, ctx)]
    assert "'Lahor' is not a district we know (did you mean Lahore?)" in messages
    assert "'Threts' is not a known means of control (did you mean Threats?)" in messages
    assert "'Narnia' is not a known country" in messages
    # No message asks for a code.
    assert not any("code" in m or "LHR" in m for m in messages)


def test_describe_district_words_every_case(reference: Reference) -> None:
    assert str(describe_district(reference, "Lahor")) == (
        "'Lahor' is not a district we know (did you mean Lahore?)"
    )
    assert str(describe_district(reference, "Zzz")) == (
        "'Zzz' is not a district we know: write the district's name, e.g. Lahore"
    )
    assert str(describe_district(reference, "Fa")) == (
        "'Fa' is not a district we know (did you mean Faisalabad?)"
    )


def test_describe_district_is_a_message_the_app_shows_in_urdu(reference: Reference) -> None:
    """The hint is a translatable message: Urdu around the names, which stay as written."""
    urdu = catalogue.message_in("ur", describe_district(reference, "Lahor"))
    assert "کوئی معلوم ضلع نہیں" in urdu
    assert "'Lahor'" in urdu
    assert "Lahore" in urdu
    assert "did you mean" not in urdu
    long_text = "x" * (SHOWN_MAX + 1)
    assert str(describe_district(reference, long_text)) == (
        f"a text of {SHOWN_MAX + 1:,} characters is not a district we know: "
        "write the district's name"
    )
