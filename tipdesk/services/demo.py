"""Realistic, deterministic synthetic data for demonstrations, training and load tests.

Contract:
- :func:`generate` builds records in memory from one ``random.Random(seed)``: the same seed and
  arguments give the same records field by field. Bookkeeping (:class:`Meta`) fields are left
  empty for the store to fill. Every record passes :func:`tipdesk.core.validation.validate` with
  the reference data it was generated from, the given offices and ``today``, and is already tidy
  (:func:`~tipdesk.core.validation.normalise` changes nothing).
- Everything is invented. Names are composed from lists of common Pakistani given names and
  family names, and combinations belonging to well-known people are refused. CNICs are random
  13-digit numbers with a district-like prefix; phone numbers use the unassigned ``039x``
  mobile prefix so no real subscriber is dialled by accident.
- Proportions follow the figures reported to the National Assembly for 2023-24 (3,458 cases,
  20,697 suspects proceeded against, 1,044 convicted): about 30% of accused are proceeded
  against (challan) and about 5% of those are convicted. Stages agree with the accused:
  ``registered``, ``investigation`` and ``closed`` cases have nobody proceeded against,
  ``challan`` cases have no outcome yet, ``trial`` cases have some accused still pending and
  ``decided`` cases have an outcome for every accused.
- :func:`fill` generates for a signed-in session's install (its district and offices; at HQ,
  spread over every district that has an office) and saves through
  :func:`tipdesk.services.records.save`, one transaction per batch.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tipdesk.core.ages import age_on
from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    InstallRole,
    OfficeKind,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import Permission
from tipdesk.core.records import (
    Accused,
    Campaign,
    Case,
    Record,
    Referral,
    Training,
    Victim,
)
from tipdesk.core.reference import District, Reference, SentenceLimit
from tipdesk.services import records as record_service
from tipdesk.services.session import Session

T = TypeVar("T")

DEFAULT_LAW = "tip_act_2018"
NATIONAL_CAMPAIGN = "Human Trafficking Awareness Week {year}"
#: Kinds :func:`fill` reports, in this order.
KINDS: tuple[str, ...] = ("case", "accused", "victim", "referral", "training", "campaign")

# --- proportions (see the module docstring) ---------------------------------------------------
P_CHALLAN = 0.58  # a case old enough reaches challan (someone proceeded against)
P_PROCEEDED = 0.52  # each accused of such a case is proceeded against (at least one is)
P_SUPPLEMENTARY = 0.15  # proceeded against later, in a supplementary challan
P_CLOSED = 0.16  # a case old enough without challan is closed
P_CONVICTED = 0.14  # an accused whose trial ended is convicted ...
P_DISCHARGED = 0.14  # ... discharged; the rest are acquitted
P_OFFICIAL = 0.03  # an official was involved
P_ENQUIRY = 0.3  # an FIA circle's case is an enquiry rather than an FIR
P_CONSENT = 0.3  # a victim consents to sharing identifying data
P_NATIONAL = 0.2  # a campaign is part of the national awareness week
ACCUSED_WEIGHTS = (0.22, 0.22, 0.18, 0.13, 0.1, 0.07, 0.05, 0.03)  # 1..8 accused
VICTIM_WEIGHTS = (0.08, 0.4, 0.25, 0.15, 0.12)  # 0..4 victims
REFERRAL_WEIGHTS = (0.22, 0.4, 0.26, 0.12)  # 0..3 referrals


@dataclass(slots=True)
class DemoData:
    """Generated records, not yet saved."""

    cases: list[Case] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    def records(self) -> list[Record]:
        """Every top-level record, in saving order (cases oldest first)."""
        return [*self.cases, *self.trainings, *self.campaigns]

    def counts(self) -> dict[str, int]:
        """Number of records of each kind, children included."""
        victims = [v for c in self.cases for v in c.victims]
        return {
            "case": len(self.cases),
            "accused": sum(len(c.accused) for c in self.cases),
            "victim": len(victims),
            "referral": sum(len(v.referrals) for v in victims),
            "training": len(self.trainings),
            "campaign": len(self.campaigns),
        }


# ---------------------------------------------------------------------------------------------
# Names. Given names and family names are common ones; a few combinations that name well-known
# people are refused (BLOCKED_NAMES), and family names tied to famous families are not used.

MALE_NAMES: tuple[str, ...] = (
    "Abdul Ghafoor", "Abdul Majeed", "Adnan", "Ahmed", "Akram", "Allah Ditta", "Allah Rakha",
    "Amjad", "Arshad", "Asghar", "Asif", "Aslam", "Bashir", "Bilal", "Dost Muhammad", "Fahad",
    "Faisal", "Farhan", "Ghulam Mustafa", "Ghulam Rasool", "Gul Muhammad", "Hafeez", "Hamid",
    "Haroon", "Irfan", "Ishfaq", "Jamil", "Javed", "Kashif", "Khalid", "Khuda Bakhsh", "Latif",
    "Majid", "Manzoor", "Mehboob", "Mukhtar", "Mumtaz", "Muhammad Asif", "Muhammad Boota",
    "Muhammad Iqbal", "Muhammad Rafiq", "Muhammad Saleem", "Nadeem", "Naeem", "Nasir",
    "Naveed", "Noor Muhammad", "Qasim", "Rashid", "Riaz", "Rizwan", "Sajid", "Saleem",
    "Sarfraz", "Shahzad", "Shakeel", "Sher Ali", "Tahir", "Tariq", "Usman", "Waheed", "Waqas",
    "Yasir", "Zahid", "Zubair", "Zulfiqar",
)  # fmt: skip
FEMALE_NAMES: tuple[str, ...] = (
    "Alishba", "Amna", "Anam", "Areeba", "Asma", "Ayesha", "Bushra", "Farzana", "Fatima",
    "Ghazala", "Hina", "Hira", "Iqra", "Jameela", "Kausar", "Khadija", "Kiran", "Laiba",
    "Mahnoor", "Mariam", "Mehwish", "Nadia", "Naila", "Nasreen", "Nazia", "Noreen", "Parveen",
    "Rabia", "Rani", "Razia", "Rukhsana", "Sadia", "Saima", "Samina", "Sana", "Shabana",
    "Shamim", "Shazia", "Sobia", "Sughra", "Sumaira", "Tahira", "Uzma", "Yasmeen", "Zahida",
    "Zainab", "Zubaida",
)  # fmt: skip
TRANSGENDER_NAMES: tuple[str, ...] = (
    "Chandni", "Gulabo", "Kajal", "Lalarukh", "Muskan", "Neelam", "Pari", "Roshni", "Sanam",
    "Shabnam", "Sitara", "Zoya",
)  # fmt: skip
FEMALE_SURNAMES: tuple[str, ...] = ("Bibi", "Begum", "Khatoon", "Kanwal")
FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "PB": (
        "Arain", "Awan", "Bhatti", "Butt", "Chaudhry", "Cheema", "Dogar", "Gondal", "Gujjar",
        "Khokhar", "Malik", "Mughal", "Rajput", "Rana", "Sial", "Tarar", "Warraich", "Ansari",
        "Qureshi", "Hashmi", "Siddiqui", "Joiya",
    ),
    "SD": (
        "Abro", "Brohi", "Chandio", "Jatoi", "Mahar", "Memon", "Mangi", "Panhwar", "Shaikh",
        "Solangi", "Soomro", "Khoso", "Lashari", "Kolhi", "Bheel", "Qureshi",
    ),
    "KP": (
        "Khattak", "Marwat", "Mohmand", "Shinwari", "Durrani", "Swati", "Jadoon", "Tanoli",
        "Orakzai", "Bangash", "Khan", "Yousaf",
    ),
    "BA": (
        "Baloch", "Kakar", "Rind", "Marri", "Zehri", "Jamali", "Lehri", "Mandokhel", "Tareen",
        "Brahui", "Notezai",
    ),
    "GB": ("Baig", "Shah", "Hunzai", "Balti", "Nagri", "Shigri"),
    "JK": ("Rathore", "Sudhan", "Chaudhry", "Mir", "Abbasi", "Awan"),
    "IS": ("Abbasi", "Awan", "Satti", "Qureshi", "Malik", "Janjua", "Khan"),
}  # fmt: skip
#: Lower-case full names of well-known people that composition must never produce.
BLOCKED_NAMES: frozenset[str] = frozenset(
    {
        "aamir khan", "amir khan", "ayub khan", "babar awan", "bushra bibi", "fawad chaudhry",
        "fawad khan", "iftikhar chaudhry", "imran khan", "javed chaudhry", "mahira khan",
        "riaz malik", "rana sanaullah", "rehman malik", "salman butt", "salman khan",
        "shahid abbasi", "shahid khan", "shoaib malik", "younis khan", "shadab khan",
        "moin khan", "nadeem abbasi", "zulfiqar bhutto", "liaquat khan", "tariq khan",
        "aslam raisani", "akhtar mengal", "hamid mir", "javed mir", "khalid khan",
    }
)  # fmt: skip

# CNICs start with a province digit (1 KP, 3 Punjab, 4 Sindh, 5 Balochistan, 6 Islamabad,
# 7 Gilgit-Baltistan, 8 AJK); the next digits are made up per district.
_PROVINCE_DIGIT = {"KP": "1", "PB": "3", "SD": "4", "BA": "5", "IS": "6", "GB": "7", "JK": "8"}
# Province code -> prefix of its agencies' codes in the reference (punjab_police...).
_AGENCY_PREFIX = {
    "PB": "punjab",
    "SD": "sindh",
    "KP": "kp",
    "BA": "balochistan",
    "IS": "islamabad",
    "GB": "gb",
    "JK": "ajk",
}


# ---------------------------------------------------------------------------------------------
# Scenarios: the kinds of case Pakistani officers meet, with who the victims usually are.


@dataclass(frozen=True, slots=True)
class _Scenario:
    key: str
    weight: float
    forms: tuple[str, ...]
    means: tuple[str, ...]
    female: float  # share of victims who are female ...
    transgender: float  # ... and transgender; the rest male
    children: float  # share of victims under 18
    child_ages: tuple[int, int]
    adult_ages: tuple[int, int]
    roles: tuple[str, ...]
    indicators: tuple[str, ...]
    stories: tuple[str, ...]  # domestic narratives
    abroad: float = 0.0  # share of cases that are transnational
    routes: tuple[tuple[str, ...], ...] = ()
    abroad_stories: tuple[str, ...] = ()
    amounts: tuple[int, int] = (50_000, 500_000)


SCENARIOS: tuple[_Scenario, ...] = (
    _Scenario(
        key="brick_kiln", weight=0.19, forms=("forced_labour",),
        means=("debt_bondage", "takes_earnings", "restricts_movement", "threats",
               "excessive_working_hours", "physical_abuse"),
        female=0.5, transgender=0.0, children=0.4, child_ages=(6, 17), adult_ages=(18, 60),
        roles=("exploiter", "recruiter", "harbourer", "facilitator"),
        indicators=("debt_bondage", "wages_withheld", "restricted_movement", "excessive_hours",
                    "threats", "degrading_conditions"),
        stories=(
            "{People} working at a brick kiln near {district} {were} kept in debt bondage over "
            "an advance of PKR {amount}; the kiln owner withheld wages and stopped the family "
            "from leaving.",
            "A family working at a brick kiln in {district} was made to keep working to repay a "
            "growing debt of PKR {amount}; the labour contractor threatened them when they "
            "asked to leave.",
            "A raid on a brick kiln in {district} found {people} kept in debt bondage, working "
            "long hours for a debt of PKR {amount} that never went down.",
        ),
        amounts=(40_000, 600_000),
    ),
    _Scenario(
        key="agriculture", weight=0.07, forms=("forced_labour",),
        means=("debt_bondage", "restricts_movement", "threats", "takes_earnings",
               "withholds_necessities"),
        female=0.5, transgender=0.0, children=0.3, child_ages=(7, 17), adult_ages=(18, 65),
        roles=("exploiter", "harbourer", "facilitator"),
        indicators=("debt_bondage", "restricted_movement", "wages_withheld", "threats",
                    "isolation"),
        stories=(
            "{People} on a landholding in {district} {were} held in debt bondage over loans of "
            "PKR {amount} and not allowed to leave the land.",
            "A tenant family in {district} was kept working on the fields without pay against a "
            "debt of PKR {amount}, under guard by the landowner's men.",
        ),
        amounts=(30_000, 400_000),
    ),
    _Scenario(
        key="overseas_job", weight=0.12, forms=("forced_labour",),
        means=("false_promises", "withholds_documents", "takes_earnings",
               "excessive_working_hours", "debt_bondage", "restricts_movement"),
        female=0.3, transgender=0.0, children=0.03, child_ages=(16, 17), adult_ages=(19, 48),
        roles=("recruiter", "document_forger", "facilitator", "transporter", "financier"),
        indicators=("deceived_about_work", "documents_withheld", "wages_withheld",
                    "excessive_hours", "isolation"),
        stories=(
            "{People} in {district} paid an unlicensed agent PKR {amount} for overseas jobs "
            "that did not exist and {were} then made to work for him without pay.",
        ),
        abroad=0.95,
        routes=(("PK", "SA"), ("PK", "AE"), ("PK", "QA"), ("PK", "OM"), ("PK", "KW"),
                ("PK", "BH"), ("PK", "MY"), ("PK", "AE", "SA")),
        abroad_stories=(
            "{People} from {district} {were} promised work in {country} for a fee of "
            "PKR {amount}; on arrival their passports were taken and their wages withheld.",
            "An unlicensed recruitment agent took PKR {amount} to send {people} to jobs in "
            "{country}, where they were held in forced labour with their documents withheld.",
            "{People} from {district} {were} sent to {country} as domestic workers on a fake "
            "work visa costing PKR {amount} and not allowed to leave the employer's house.",
        ),
        amounts=(150_000, 1_500_000),
    ),
    _Scenario(
        key="europe_route", weight=0.055, forms=("forced_labour",),
        means=("false_promises", "threats", "physical_abuse", "restricts_movement",
               "withholds_documents", "debt_bondage"),
        female=0.03, transgender=0.0, children=0.12, child_ages=(16, 17), adult_ages=(18, 35),
        roles=("recruiter", "transporter", "facilitator", "financier", "document_forger"),
        indicators=("deceived_about_work", "documents_withheld", "restricted_movement",
                    "physical_abuse", "threats"),
        stories=(
            "Agents in {district} collected PKR {amount} from {people} for travel to Europe "
            "and held them in a safe house until relatives paid more.",
        ),
        abroad=1.0,
        routes=(("PK", "IR", "TR"), ("PK", "IR", "TR", "GR"), ("PK", "IR", "TR", "IT"),
                ("PK", "AE", "LY", "IT"), ("PK", "IR", "TR", "BG")),
        abroad_stories=(
            "{People} from {district} paid agents PKR {amount} for passage to Europe through "
            "Iran; they were held in {country} and forced to work until relatives paid more.",
            "{People} from {district} {were} moved through Iran towards {country} by a network "
            "that took PKR {amount} and kept them under threat in safe houses.",
        ),
        amounts=(800_000, 3_500_000),
    ),
    _Scenario(
        key="child_domestic", weight=0.13, forms=("domestic_servitude", "child_labour"),
        means=("physical_abuse", "withholds_necessities", "restricts_movement",
               "excessive_working_hours", "psychological_abuse", "takes_earnings"),
        female=0.75, transgender=0.0, children=0.95, child_ages=(7, 15), adult_ages=(18, 24),
        roles=("exploiter", "recruiter", "harbourer"),
        indicators=("child_in_exploitation", "physical_abuse", "isolation", "excessive_hours",
                    "wages_withheld", "restricted_movement"),
        stories=(
            "{People}, {aged}, {were} placed as domestic help in a house in {district}, then "
            "beaten, not paid and kept from their family.",
            "{People}, {aged}, {were} found working day and night in a house in {district} for "
            "PKR {amount} a year paid to a middleman, with injuries from beatings.",
        ),
        amounts=(20_000, 120_000),
    ),
    _Scenario(
        key="sexual_exploitation", weight=0.14, forms=("sexual_exploitation",),
        means=("false_promises", "threats", "psychoactive_substances", "sexual_abuse",
               "restricts_movement", "physical_abuse", "takes_earnings"),
        female=0.85, transgender=0.1, children=0.3, child_ages=(13, 17), adult_ages=(18, 32),
        roles=("recruiter", "harbourer", "exploiter", "transporter", "facilitator"),
        indicators=("sexual_abuse", "deceived_about_work", "restricted_movement", "threats",
                    "controlled_communication", "fear_of_authorities"),
        stories=(
            "{People} {were} brought to {district} with offers of work in a beauty salon and "
            "forced into commercial sex by a network that kept them under threat.",
            "A house in {district} used for commercial sexual exploitation was raided; "
            "{people} had been kept there and their earnings taken.",
            "{People}, {aged}, {were} lured from home with the promise of a job and sold for "
            "PKR {amount} to a brothel keeper in {district}.",
        ),
        abroad=0.2,
        routes=(("PK", "AE"), ("PK", "OM"), ("PK", "BH"), ("PK", "IQ")),
        abroad_stories=(
            "{People} {were} recruited for salon jobs in {country} and forced into commercial "
            "sex after arrival; their documents were withheld.",
        ),
        amounts=(50_000, 800_000),
    ),
    _Scenario(
        key="forced_begging", weight=0.06, forms=("forced_begging",),
        means=("physical_abuse", "threats", "takes_earnings", "restricts_movement"),
        female=0.45, transgender=0.03, children=0.65, child_ages=(5, 15), adult_ages=(18, 70),
        roles=("exploiter", "harbourer", "transporter", "recruiter"),
        indicators=("child_in_exploitation", "wages_withheld", "physical_abuse", "threats",
                    "degrading_conditions"),
        stories=(
            "{People} {were} brought to {district} and forced to beg at traffic signals; a gang "
            "took the earnings and beat them if they did not collect enough.",
            "{People} {were} kept in a rented room in {district} and sent out to beg, with the "
            "organiser keeping everything collected.",
        ),
        abroad=0.25,
        routes=(("PK", "SA"), ("PK", "IQ"), ("PK", "AE")),
        abroad_stories=(
            "{People} from {district} {were} sent to {country} on pilgrim visas to beg, with "
            "the organisers taking the earnings and passports.",
        ),
        amounts=(20_000, 300_000),
    ),
    _Scenario(
        key="forced_marriage", weight=0.07, forms=("forced_marriage",),
        means=("false_promises", "threats", "restricts_movement", "withholds_documents",
               "psychological_abuse"),
        female=1.0, transgender=0.0, children=0.45, child_ages=(13, 17), adult_ages=(18, 26),
        roles=("recruiter", "facilitator", "harbourer", "exploiter", "document_forger"),
        indicators=("deceived_about_work", "restricted_movement", "isolation", "threats",
                    "controlled_communication"),
        stories=(
            "{People} from {district}, {aged}, {were} married against their will in return "
            "for PKR {amount} paid to a relative and kept confined after the marriage.",
        ),
        abroad=0.3,
        routes=(("PK", "CN"),),
        abroad_stories=(
            "Brokers took PKR {amount} to arrange marriages abroad for {people} from "
            "{district}, promising a good life in {country}; after travel they were confined "
            "and abused.",
        ),
        amounts=(100_000, 1_500_000),
    ),
    _Scenario(
        key="child_labour", weight=0.05, forms=("child_labour", "forced_labour"),
        means=("excessive_working_hours", "takes_earnings", "physical_abuse", "debt_bondage"),
        female=0.2, transgender=0.0, children=1.0, child_ages=(8, 16), adult_ages=(18, 18),
        roles=("exploiter", "recruiter"),
        indicators=("child_in_exploitation", "excessive_hours", "wages_withheld",
                    "degrading_conditions"),
        stories=(
            "{People}, {aged}, worked long hours without pay in a workshop in {district}; the "
            "owner kept the wages against an advance of PKR {amount} given to the parents.",
            "{People} {were} found weaving carpets in a closed room in {district} for twelve "
            "hours a day to pay off a family debt of PKR {amount}.",
        ),
        amounts=(10_000, 150_000),
    ),
    _Scenario(
        key="organ_removal", weight=0.015, forms=("organ_removal",),
        means=("false_promises", "debt_bondage", "threats"),
        female=0.3, transgender=0.0, children=0.0, child_ages=(18, 18), adult_ages=(20, 50),
        roles=("recruiter", "facilitator", "exploiter", "other"),
        indicators=("deceived_about_work", "debt_bondage", "degrading_conditions"),
        stories=(
            "{People} {were} lured to {district} with offers of work and paid PKR {amount} for "
            "a kidney removed at an illegal clinic.",
        ),
        amounts=(100_000, 400_000),
    ),
    _Scenario(
        key="forced_criminality", weight=0.015, forms=("forced_criminality",),
        means=("threats", "physical_abuse", "psychoactive_substances", "restricts_movement"),
        female=0.3, transgender=0.0, children=0.6, child_ages=(10, 17), adult_ages=(18, 30),
        roles=("exploiter", "harbourer", "recruiter"),
        indicators=("child_in_exploitation", "threats", "physical_abuse",
                    "fear_of_authorities"),
        stories=(
            "A gang in {district} kept {people} in a rented house and made them steal and "
            "carry drugs, threatening them with beatings.",
        ),
        amounts=(20_000, 200_000),
    ),
)  # fmt: skip

CLOSED_REASONS: tuple[str, ...] = (
    "Compromise between the parties; the complainant withdrew.",
    "Insufficient evidence after investigation.",
    "Allegation found false on enquiry.",
    "Transferred to another agency with jurisdiction.",
    "Complainant and victims could not be traced.",
    "Found to be a wage dispute; referred to the labour department.",
)
OFFICIAL_ACTIONS: tuple[str, ...] = (
    "Official suspended and departmental inquiry started.",
    "Official arrested and proceeded against with the other accused.",
    "Show-cause notice issued; inquiry pending.",
    "Official dismissed from service after departmental inquiry.",
    "Official transferred and inquiry ordered by the director.",
    "Major penalty imposed after departmental proceedings.",
)
IDENTIFIED_BY: tuple[str, ...] = (
    "Raid team of the investigating office",
    "FIA immigration, airport",
    "District police",
    "Child protection officer",
    "Labour inspector",
    "NGO outreach worker",
    "Complaint by a family member",
    "Helpline complaint",
)
_PROVIDERS: dict[str, tuple[str, ...]] = {
    "shelter": ("Dar-ul-Aman, {district}", "Women's crisis centre, {district}"),
    "medical": ("District Headquarters Hospital, {district}", "Rural Health Centre, {district}"),
    "psychosocial": ("Social Welfare counselling unit, {district}", "NGO counselling service"),
    "legal_aid": ("District Legal Empowerment Committee, {district}", "Legal aid NGO"),
    "child_protection": ("Child Protection Unit, {district}", "Child protection institution"),
    "return_repatriation": ("IOM return assistance", "Embassy and Overseas Pakistanis desk"),
    "livelihood": ("Vocational training centre, {district}", "Microfinance programme"),
    "other": ("Bait-ul-Maal financial assistance", "Community support group"),
}
_REFERRAL_OUTCOMES = (
    ReferralOutcome.PROVIDED,
    ReferralOutcome.DECLINED,
    ReferralOutcome.NOT_AVAILABLE,
    ReferralOutcome.PENDING,
)
_REFERRAL_OUTCOME_WEIGHTS = (0.68, 0.07, 0.1, 0.15)
# Sentences passed under the TIP Act: (months or PKR, weight); values over the rules' limits
# are never used.
_SENTENCE_MONTHS: tuple[tuple[int, float], ...] = (
    (6, 0.05), (12, 0.12), (18, 0.1), (24, 0.18), (36, 0.2), (48, 0.13), (60, 0.12), (84, 0.1),
)  # fmt: skip
_SENTENCE_FINES: tuple[tuple[int, float], ...] = (
    (25_000, 0.1), (50_000, 0.2), (100_000, 0.25), (200_000, 0.15), (300_000, 0.1),
    (500_000, 0.15), (1_000_000, 0.05),
)  # fmt: skip

_TRAININGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Victim identification and referral under the TIP Rules 2020",
     ("victim_identification", "referral", "non_criminalisation")),
    ("Investigating trafficking in persons cases", ("investigation", "legal_framework")),
    ("Prosecuting offences under the TIP Act 2018", ("prosecution", "legal_framework")),
    ("Adjudicating trafficking cases: victim-centred trials",
     ("adjudication", "victim_protection")),
    ("Financial investigation of trafficking networks",
     ("financial_investigation", "investigation")),
    ("Smuggling of migrants and document fraud", ("smuggling_of_migrants", "document_fraud")),
    ("Online recruitment and cyber evidence", ("cyber", "investigation")),
    ("Gender- and child-sensitive interviewing of victims",
     ("gender_child_sensitivity", "victim_identification")),
    ("International cooperation and mutual legal assistance",
     ("international_cooperation", "prosecution")),
    ("Protection of victims and witnesses", ("victim_protection", "referral")),
)  # fmt: skip
_TRAINING_VENUES: tuple[str, ...] = (
    "FIA Academy, Islamabad",
    "Police Training College, {district}",
    "District Police Lines, {district}",
    "Conference hall, {district}",
    "Judicial academy, {district}",
    "Hotel conference room, {district}",
)


@dataclass(frozen=True, slots=True)
class _CampaignKind:
    titles: tuple[str, ...]
    reached: tuple[int, int]  # people reached, low..high
    days: tuple[int, int]  # duration after the first day, low..high
    weight: float


_CAMPAIGNS: dict[str, _CampaignKind] = {
    "seminar": _CampaignKind(
        ("Seminar on safe migration and fake job offers",
         "Seminar on recognising trafficking in persons"), (40, 400), (0, 1), 0.16),
    "walk": _CampaignKind(
        ("Awareness walk against human trafficking",), (100, 1500), (0, 0), 0.1),
    "media": _CampaignKind(
        ("Radio and TV messages: beware of fake overseas job offers",
         "Local radio programme on bonded labour"), (5_000, 250_000), (6, 30), 0.06),
    "school_session": _CampaignKind(
        ("School session on child safety and trafficking",
         "Classroom talk on child labour and begging"), (30, 450), (0, 0), 0.22),
    "community_session": _CampaignKind(
        ("Community session on bonded labour and the law",
         "Village meeting on safe migration"), (20, 250), (0, 0), 0.24),
    "social_media": _CampaignKind(
        ("Social media drive: how to check an overseas employment promoter",),
        (1_000, 150_000), (6, 30), 0.06),
    "training_of_trainers": _CampaignKind(
        ("Training of community trainers on trafficking awareness",), (15, 40), (1, 3), 0.03),
    "street_theatre": _CampaignKind(
        ("Street theatre on forced begging and child labour",), (80, 800), (0, 1), 0.05),
    "printed_material": _CampaignKind(
        ("Leaflets on safe migration at the passport office",
         "Posters on the rights of brick kiln workers"), (500, 20_000), (3, 20), 0.06),
    "other": _CampaignKind(
        ("Awareness stall at a district festival",), (100, 2_000), (0, 2), 0.02),
}  # fmt: skip
# Department kinds (prefixed by the province's agency prefix unless national) and weights.
_DEPARTMENTS: tuple[tuple[str, float], ...] = (
    ("labour", 3.0),
    ("social_welfare", 2.5),
    ("child_protection", 2.5),
    ("police", 1.5),
    ("fia", 1.0),
    ("ngo", 1.0),
)
_NATIONAL_BODIES = frozenset({"fia", "ngo", "police"})
_CAMPAIGN_VENUES: tuple[str, ...] = (
    "Government High School, {district}",
    "District Council Hall, {district}",
    "Press Club, {district}",
    "General bus stand, {district}",
    "Union council community centre, {district}",
    "Passport office, {district}",
)


# ---------------------------------------------------------------------------------------------
# Generation


def generate(
    reference: Reference,
    *,
    seed: int,
    cases: int,
    district: str,
    offices: Sequence[str],
    today: dt.date,
    years: int = 3,
) -> DemoData:
    """Generate ``cases`` cases (with accused, victims and referrals), ``cases // 4`` trainings
    and ``cases // 2`` campaigns (at least 3 and 5) in ``district`` (code or name), spread over
    the ``years`` years up to ``today``. Cases belong to ``offices`` (office codes).

    Raises ``ValueError`` for an unknown district, no offices, or negative counts.
    """
    found = reference.district(district)
    if found is None:
        raise ValueError(f"{district!r} is not a district of the reference data")
    if not offices:
        raise ValueError("at least one office is needed")
    if cases < 0 or years < 1:
        raise ValueError("cases must be 0 or more and years at least 1")
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    gen = _Generator(reference, rng, found, list(offices), today, years)
    return DemoData(
        cases=gen.cases(cases),
        trainings=gen.trainings(max(3, cases // 4)),
        campaigns=gen.campaigns(max(5, cases // 2)),
    )


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for w in weights:
        total += w
        out.append(total)
    return out


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
_PLURALS = {
    "girl": "girls",
    "boy": "boys",
    "woman": "women",
    "man": "men",
    "transgender person": "transgender persons",
}


def _who(victim: Victim) -> str:
    child = victim.age is not None and victim.age < 18
    if victim.gender == Gender.TRANSGENDER:
        return "transgender person"
    if victim.gender == Gender.FEMALE:
        return "girl" if child else "woman"
    return "boy" if child else "man"


def _describe(victims: Sequence[Victim], children: bool) -> str:
    """Who the victims are, for a narrative: "a girl", "three women", "four people"..."""
    if not victims:
        return "several children" if children else "several people"
    kinds = [_who(v) for v in victims]
    n = len(kinds)
    if n == 1:
        return f"a {kinds[0]}"
    count = _NUMBER_WORDS.get(n, str(n))
    if len(set(kinds)) == 1:
        return f"{count} {_PLURALS[kinds[0]]}"
    if set(kinds) == {"girl", "woman"}:
        return f"{count} women and girls"
    if all(v.age is not None and v.age < 18 for v in victims):
        return f"{count} children"
    return f"{count} people"


class _Generator:
    """One generation run: the random source, the place, and what has been used already."""

    def __init__(
        self,
        ref: Reference,
        rng: random.Random,
        district: District,
        offices: list[str],
        today: dt.date,
        years: int,
    ) -> None:
        self.ref = ref
        self.rng = rng
        self.district = district
        self.district_name = district.name
        self.offices = offices
        self.today = today
        self.start = _years_before(today, years)
        self.span = (today - self.start).days
        self.province = district.province
        self.law = DEFAULT_LAW if DEFAULT_LAW in ref.laws() else ref.laws()[0]
        limit = ref.sentence_limit(self.law)
        if limit is None:  # pragma: no cover - laws() only lists known laws
            raise ValueError(f"no sentencing rules for {self.law}")
        self.limit: SentenceLimit = limit
        self.families = FAMILY_NAMES.get(self.province, FAMILY_NAMES["PB"])
        self.all_families = tuple(n for names in FAMILY_NAMES.values() for n in names)
        self.used_cnics: set[str] = set()
        self.case_numbers: dict[tuple[str, str, int], int] = {}
        self.victim_numbers: dict[int, int] = {}
        self.scenarios = [s for s in SCENARIOS if self._usable(s)] or list(SCENARIOS[:1])
        self.scenario_cum = _cumulative([s.weight for s in self.scenarios])
        self.accused_cum = _cumulative(ACCUSED_WEIGHTS)
        self.victim_cum = _cumulative(VICTIM_WEIGHTS)
        self.referral_cum = _cumulative(REFERRAL_WEIGHTS)
        self.roles = [r for r in ref.items("accused_roles") if r != "official"]
        self.services = list(ref.items("referral_services"))
        self.measures = list(ref.items("protection_measures"))
        self.cnic_prefixes = self._cnic_prefixes()
        self.office_kinds = {
            code: (ref.offices[code].kind if code in ref.offices else OfficeKind.OTHER.value)
            for code in offices
        }

    # --- small helpers ---------------------------------------------------------------------
    def _usable(self, s: _Scenario) -> bool:
        return all(self.ref.has("exploitation_forms", f) for f in s.forms)

    def pick(self, items: Sequence[T], cum: Sequence[float]) -> T:
        return self.rng.choices(items, cum_weights=cum)[0]

    def some(self, items: Sequence[T], low: int, high: int) -> list[T]:
        """Between ``low`` and ``high`` distinct items, in the order of ``items``."""
        k = min(len(items), self.rng.randint(low, high))
        chosen = set(self.rng.sample(range(len(items)), k))
        return [item for i, item in enumerate(items) if i in chosen]

    def codes(self, list_name: str, wanted: Sequence[str]) -> list[str]:
        """``wanted`` codes that exist in the reference list."""
        return [c for c in wanted if self.ref.has(list_name, c)]

    def date_in_window(self) -> dt.date:
        # Slightly more recent cases than old ones: reporting grows over time.
        u = self.rng.random()
        if self.rng.random() < 0.35:
            u = max(u, self.rng.random())
        return self.start + dt.timedelta(days=int(u * self.span))

    def after(self, day: dt.date, low: int, high: int) -> dt.date:
        """A date ``low``..``high`` days after ``day``, never after today."""
        room = (self.today - day).days
        if room <= low:
            return min(day + dt.timedelta(days=max(room, 0)), self.today)
        return day + dt.timedelta(days=self.rng.randint(low, min(high, room)))

    def amount(self, low: int, high: int) -> str:
        value = self.rng.randint(low, high)
        step = 10_000 if value < 200_000 else 50_000
        return f"{max(step, round(value / step) * step):,}"

    # --- people ----------------------------------------------------------------------------
    def _cnic_prefixes(self) -> list[str]:
        """Four-digit CNIC prefixes of the districts of this province, this district first."""
        digit = _PROVINCE_DIGIT.get(self.province, "3")
        out: list[str] = []
        for i, d in enumerate(self.ref.districts_of(self.province), start=1):
            division = zlib.crc32(d.code.encode()) % 9 + 1
            prefix = f"{digit}{division}{i % 100:02d}"
            if d.code == self.district.code:
                out.insert(0, prefix)
            else:
                out.append(prefix)
        return out or [f"{digit}520"]

    def cnic(self, gender: Gender) -> str:
        prefixes = self.cnic_prefixes
        while True:
            home = prefixes[0] if self.rng.random() < 0.8 else self.rng.choice(prefixes)
            last = self.rng.randrange(0, 10, 2) if gender == Gender.FEMALE else None
            if gender == Gender.MALE:
                last = self.rng.randrange(1, 10, 2)
            if last is None:
                last = self.rng.randint(0, 9)
            number = f"{home}{self.rng.randint(1, 4)}{self.rng.randint(0, 9_999_999):07d}{last}"
            if number not in self.used_cnics:
                self.used_cnics.add(number)
                return number

    def family(self) -> str:
        return self.rng.choice(self.families if self.rng.random() < 0.85 else self.all_families)

    def name(self, gender: Gender, family: str, taken: set[str]) -> str:
        """A new full name for ``gender``, not in ``taken`` (lower case) and not blocked."""
        for _ in range(50):
            if gender == Gender.MALE:
                name = f"{self.rng.choice(MALE_NAMES)} {family}"
            elif gender == Gender.TRANSGENDER:
                name = self.rng.choice(TRANSGENDER_NAMES)
                if self.rng.random() < 0.5:
                    name = f"{name} {self.rng.choice(FEMALE_SURNAMES)}"
            else:
                surname = family if self.rng.random() < 0.45 else self.rng.choice(FEMALE_SURNAMES)
                name = f"{self.rng.choice(FEMALE_NAMES)} {surname}"
            key = name.casefold()
            if key not in taken and key not in BLOCKED_NAMES:
                taken.add(key)
                return name
            family = self.family()
        raise RuntimeError("could not compose a new name")  # pragma: no cover

    def father(self, family: str, child: str) -> str:
        """A father's name in ``family``, different from the ``child``'s own name."""
        for _ in range(50):
            name = f"{self.rng.choice(MALE_NAMES)} {family}"
            if name.casefold() not in BLOCKED_NAMES and name != child:
                return name
        return f"Ghulam Rasool {family}"  # pragma: no cover

    def officer(self, office: str) -> str:
        fia = self.office_kinds.get(office) == OfficeKind.FIA_CIRCLE.value
        ranks = (
            ("Inspector", "Sub-Inspector", "Assistant Director", "Deputy Director")
            if fia
            else ("Sub-Inspector", "Inspector", "Assistant Sub-Inspector", "DSP")
        )
        gender = Gender.FEMALE if self.rng.random() < 0.12 else Gender.MALE
        return f"{self.rng.choice(ranks)} {self.name(gender, self.family(), set())}"

    # --- cases -----------------------------------------------------------------------------
    def cases(self, count: int) -> list[Case]:
        dates = sorted(self.date_in_window() for _ in range(count))
        return [self.case(day) for day in dates]

    def case_number(self, office: str, kind: CaseKind, year: int) -> str:
        key = (office, kind.value, year)
        last = self.case_numbers.get(key)
        number = self.rng.randint(1, 30) if last is None else last + self.rng.randint(1, 4)
        self.case_numbers[key] = number
        label = "FIR" if kind == CaseKind.FIR else "Enquiry"
        return f"{label} {number}/{year}"

    def case(self, registered: dt.date) -> Case:
        rng = self.rng
        s = self.pick(self.scenarios, self.scenario_cum)
        office = rng.choice(self.offices)
        fia = self.office_kinds[office] == OfficeKind.FIA_CIRCLE.value
        kind = CaseKind.ENQUIRY if rng.random() < (P_ENQUIRY if fia else 0.03) else CaseKind.FIR
        route: list[str] = []
        if s.routes and rng.random() < s.abroad:
            route = [c for c in rng.choice(s.routes) if self.ref.has("countries", c)]
            if not any(c != "PK" for c in route):
                route = []
        destination = self.ref.label("countries", route[-1]) if route else ""
        official = rng.random() < P_OFFICIAL
        case = Case(
            case_number=self.case_number(office, kind, registered.year),
            kind=kind,
            registered_on=registered,
            district=self.district.code,
            office=office,
            law=self.law,
            sections=[self.limit.section],
            means=self.codes("means", self.some(s.means, 1, 4)),
            transnational=bool(route),
            route_countries=route,
            official_involvement=official,
            official_action=rng.choice(OFFICIAL_ACTIONS) if official else "",
            investigating_officer=self.officer(office),
        )
        taken: set[str] = set()
        n_victims = self.pick(range(5), self.victim_cum)
        case.victims = [self.victim(s, case, taken) for _ in range(n_victims)]
        n_accused = self.pick(range(1, 9), self.accused_cum)
        case.accused = [self.accused(s, case, taken) for _ in range(n_accused)]
        if official:
            self.make_official(case.accused[rng.randrange(n_accused)])
        forms = list(s.forms)
        for v in case.victims:
            forms += [f for f in v.exploitation_forms if f not in forms]
        case.exploitation_forms = self.codes("exploitation_forms", forms)
        self.progress(case)
        case.narrative = self.narrative(s, case, destination)
        return case

    def narrative(self, s: _Scenario, case: Case, destination: str) -> str:
        stories = s.abroad_stories if destination and s.abroad_stories else s.stories
        victims = case.victims
        ages = [v.age for v in victims if v.age is not None]
        youngest = min(ages) if ages else self.rng.randint(*s.child_ages)
        people = _describe(victims, s.children >= 0.5)
        return self.rng.choice(stories).format(
            district=self.district_name,
            country=destination or "the Gulf",
            amount=self.amount(*s.amounts),
            people=people,
            People=people[0].upper() + people[1:],
            were="was" if len(victims) == 1 else "were",
            aged=f"aged {youngest}" if len(victims) == 1 else f"the youngest aged {youngest}",
        )

    def make_official(self, accused: Accused) -> None:
        if self.ref.has("accused_roles", "official"):
            accused.role = "official"
        accused.nationality = "PK"
        accused.age = self.rng.randint(28, 55)

    # --- accused and the course of the case ------------------------------------------------
    def accused(self, s: _Scenario, case: Case, taken: set[str]) -> Accused:
        rng = self.rng
        u = rng.random()
        gender = Gender.MALE if u < 0.86 else Gender.FEMALE if u < 0.99 else Gender.TRANSGENDER
        family = self.family()
        nationality = "PK"
        if case.route_countries and rng.random() < 0.06:
            nationality = rng.choice([c for c in case.route_countries if c != "PK"])
        elif rng.random() < 0.02 and self.ref.has("countries", "AF"):
            nationality = "AF"
        roles = [r for r in s.roles if self.ref.has("accused_roles", r)] or self.roles
        name = self.name(gender, family, taken)
        return Accused(
            name=name,
            father_name=self.father(family, name),
            cnic=self.cnic(gender) if nationality == "PK" and rng.random() < 0.9 else "",
            gender=gender,
            age=min(75, max(19, int(rng.gauss(38, 10)))),
            nationality=nationality,
            role=rng.choice(roles),
            section=self.limit.section,
        )

    def progress(self, case: Case) -> None:
        """Move the case and its accused along: challan, trial, judgments, or closure."""
        rng = self.rng
        assert case.registered_on is not None
        registered = case.registered_on
        age = (self.today - registered).days
        challan_chance = P_CHALLAN * min(1.0, age / 240) if age >= 20 else 0.0
        if rng.random() >= challan_chance:
            self.investigate(case, age)
            return
        challan = self.after(registered, 14, 270)
        accused = case.accused
        chosen = [rng.random() < P_PROCEEDED for _ in accused]
        if not any(chosen):
            chosen[rng.randrange(len(accused))] = True
        for a, proceeded in zip(accused, chosen, strict=True):
            if not proceeded:
                a.arrest_status = self.pick(
                    (ArrestStatus.ABSCONDING, ArrestStatus.PROCLAIMED_OFFENDER, ArrestStatus.BAIL),
                    _cumulative((0.5, 0.35, 0.15)),
                )
                continue
            a.proceeded_on = challan
            if rng.random() < P_SUPPLEMENTARY:
                a.proceeded_on = self.after(challan, 20, 200)
            a.arrest_status = ArrestStatus.ARRESTED if rng.random() < 0.45 else ArrestStatus.BAIL
        since = (self.today - challan).days
        trial_started = since >= rng.randint(30, 120)
        judged_chance = min(0.85, (since - 150) / 800) if since > 150 else 0.0
        if trial_started and rng.random() < judged_chance:
            judgment = self.after(challan, 150, since)
            for a in accused:
                if a.proceeded_on is not None and a.proceeded_on <= judgment:
                    self.judge(case, a, judgment)
        if all(a.outcome != Outcome.PENDING for a in accused):
            case.stage = Stage.DECIDED
        elif any(a.outcome != Outcome.PENDING for a in accused) or trial_started:
            case.stage = Stage.TRIAL
        else:
            case.stage = Stage.CHALLAN

    def investigate(self, case: Case, age: int) -> None:
        """A case nobody has been proceeded against in: registered, investigation or closed."""
        rng = self.rng
        if age >= 60 and rng.random() < P_CLOSED * min(1.0, age / 365):
            case.stage = Stage.CLOSED
            case.closed_reason = rng.choice(CLOSED_REASONS)
        elif age < 10 or (age < 45 and rng.random() < 0.4) or rng.random() < 0.03:
            case.stage = Stage.REGISTERED
        else:
            case.stage = Stage.INVESTIGATION
        statuses = (
            ArrestStatus.NOT_ARRESTED,
            ArrestStatus.ARRESTED,
            ArrestStatus.BAIL,
            ArrestStatus.ABSCONDING,
            ArrestStatus.PROCLAIMED_OFFENDER,
        )
        weights = _cumulative((0.3, 0.3, 0.2, 0.15, 0.05 if age > 90 else 0.0))
        for a in case.accused:
            a.arrest_status = self.pick(statuses, weights)

    def judge(self, case: Case, a: Accused, judgment: dt.date) -> None:
        rng = self.rng
        u = rng.random()
        sentence = self.sentence() if u < P_CONVICTED else None
        a.judgment_on = judgment
        a.court = f"Court of Sessions, {self.district_name}"
        if sentence is not None:
            a.outcome = Outcome.CONVICTED
            a.imprisonment_months, a.fine_pkr = sentence
            a.arrest_status = ArrestStatus.ARRESTED
            appeal_chance = 0.45
        elif u < P_CONVICTED + P_DISCHARGED:
            a.outcome = Outcome.DISCHARGED
            appeal_chance = 0.0
        else:
            a.outcome = Outcome.ACQUITTED
            appeal_chance = 0.08
        if rng.random() < appeal_chance:
            a.appeal = Appeal.FILED
            if (self.today - judgment).days > 365:
                v = rng.random()
                a.appeal = Appeal.UPHELD if v < 0.3 else Appeal.OVERTURNED if v < 0.45 else a.appeal

    def sentence(self) -> tuple[int | None, int | None] | None:
        """Imprisonment (months) and fine (PKR) within the rules' limits: mostly both, some
        imprisonment only, a few a fine only. ``None`` when the limits allow no sentence."""
        rng = self.rng
        top_months = self.limit.max_imprisonment_months
        top_fine = self.limit.max_fine_pkr
        terms = [
            (m, w) for m, w in _SENTENCE_MONTHS if m > 0 and (top_months is None or m <= top_months)
        ]
        fines = [
            (f, w) for f, w in _SENTENCE_FINES if f > 0 and (top_fine is None or f <= top_fine)
        ]
        u = rng.random()
        months = fine = None
        if terms and u < 0.95:
            months = self.pick([m for m, _ in terms], _cumulative([w for _, w in terms]))
        if fines and (u < 0.75 or months is None):
            fine = self.pick([f for f, _ in fines], _cumulative([w for _, w in fines]))
        if months is None and fine is None:
            return None
        return months, fine

    # --- victims ---------------------------------------------------------------------------
    def victim_code(self, year: int) -> str:
        number = self.victim_numbers.get(year, 0) + 1
        self.victim_numbers[year] = number
        return f"V-{self.district.code}-{year}-{number:04d}"

    def victim(self, s: _Scenario, case: Case, taken: set[str]) -> Victim:
        rng = self.rng
        assert case.registered_on is not None
        u = rng.random()
        gender = (
            Gender.FEMALE
            if u < s.female
            else Gender.TRANSGENDER
            if u < s.female + s.transgender
            else Gender.MALE
        )
        child = rng.random() < s.children
        age = rng.randint(*(s.child_ages if child else s.adult_ages))
        identified = max(
            self.start, min(self.today, case.registered_on + dt.timedelta(rng.randint(-3, 20)))
        )
        dob: dt.date | None = None
        if rng.random() < 0.35:
            dob = identified - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            age = age_on(dob, identified)
        family = self.family()
        forms = list(s.forms)
        if age < 18 and "forced_labour" in forms and "child_labour" not in forms:
            forms.append("child_labour")
        indicators = self.some(s.indicators, 1, 3)
        if age < 18 and "child_in_exploitation" not in indicators:
            indicators.append("child_in_exploitation")
        nationality = "PK"
        w = rng.random()
        if w < 0.04 and self.ref.has("countries", "AF"):
            nationality = "AF"
        elif w < 0.055 and self.ref.has("countries", "BD"):
            nationality = "BD"
        adult = age >= 18
        name = self.name(gender, family, taken)
        has_cnic = nationality == "PK" and rng.random() < (0.7 if adult else 0.3)  # or B-form
        has_phone = adult and rng.random() < 0.4
        victim = Victim(
            victim_code=self.victim_code(identified.year),
            district=self.district.code,
            name=name,
            father_name=self.father(family, name),
            cnic=self.cnic(gender) if has_cnic else "",
            phone=f"039{rng.randint(0, 9)}-{rng.randint(0, 9_999_999):07d}" if has_phone else "",
            address=self.address() if rng.random() < 0.6 else "",
            gender=gender,
            age=age,
            date_of_birth=dob,
            nationality=nationality,
            exploitation_forms=self.codes("exploitation_forms", forms),
            identified_on=identified,
            identified_by=rng.choice(IDENTIFIED_BY),
            indicators=self.codes("victim_indicators", indicators),
            consent_to_share=rng.random() < P_CONSENT,
            protection_measures=self.protection(age, case),
        )
        n = self.pick(range(4), self.referral_cum)
        victim.referrals = self.referrals(victim, case, n)
        return victim

    def address(self) -> str:
        rng = self.rng
        if self.province == "PB" and rng.random() < 0.5:
            return f"Chak No. {rng.randint(1, 600)}, {self.district_name}"
        if self.province == "SD" and rng.random() < 0.5:
            return f"Goth {self.family()}, {self.district_name}"
        return f"House {rng.randint(1, 999)}, Mohalla {rng.randint(1, 40)}, {self.district_name}"

    def protection(self, age: int, case: Case) -> list[str]:
        rng = self.rng
        wanted: list[str] = []
        if rng.random() < 0.35:
            wanted.append("identity_protection")
        if rng.random() < 0.25:
            wanted.append("shelter")
        if age < 18 and rng.random() < 0.4:
            wanted.append("in_camera_testimony")
        if case.official_involvement or rng.random() < 0.08:
            wanted.append("witness_protection")
        return [m for m in self.measures if m in wanted]

    def referrals(self, victim: Victim, case: Case, count: int) -> list[Referral]:
        rng = self.rng
        assert victim.identified_on is not None
        child = victim.age is not None and victim.age < 18
        likely = ["medical", "psychosocial", "legal_aid"]
        if child:
            likely = ["child_protection", *likely]
        if victim.gender != Gender.MALE or child:
            likely.append("shelter")
        if case.transnational:
            likely = ["return_repatriation", *likely]
        likely += ["livelihood", "other"]
        services = [c for c in likely if c in self.services][: max(count + 2, 3)]
        out = []
        for service in self.some(services, count, count):
            referred = self.after(victim.identified_on, 0, 21)
            outcome = self.pick(_REFERRAL_OUTCOMES, _cumulative(_REFERRAL_OUTCOME_WEIGHTS))
            room = (self.today - referred).days
            if room < 3 and rng.random() < 0.7:
                outcome = ReferralOutcome.PENDING
            provider = rng.choice(_PROVIDERS.get(service, _PROVIDERS["other"]))
            out.append(
                Referral(
                    service=service,
                    provider=provider.format(district=self.district_name),
                    referred_on=referred,
                    outcome=outcome,
                    outcome_on=None
                    if outcome == ReferralOutcome.PENDING
                    else self.after(referred, 0, 60),
                )
            )
        return out

    # --- trainings -------------------------------------------------------------------------
    def agency_code(self, kind: str, national: frozenset[str] = frozenset({"fia", "ngo"})) -> str:
        """``labour`` -> ``punjab_labour`` (in Punjab); ``national`` kinds keep their code."""
        if kind in national:
            return kind
        return f"{_AGENCY_PREFIX.get(self.province, '')}_{kind}"

    def agencies(self, kinds: Sequence[str]) -> list[str]:
        return self.codes("agencies", [self.agency_code(k) for k in kinds])

    def trainings(self, count: int) -> list[Training]:
        out = [self.training() for _ in range(count)]
        out.sort(key=lambda t: t.start_on or self.today)
        return out

    def training(self) -> Training:
        rng = self.rng
        title, topics = rng.choice(_TRAININGS)
        organisers = (
            self.agencies(("fia", "police", "prosecution", "judicial_academy"))
            or list(self.ref.items("agencies"))[:1]
        )
        organiser = self.pick(organisers, _cumulative([4, 3, 2, 1][: len(organisers)]))
        days = rng.choice((0, 1, 2, 2, 4))
        start = self.start + dt.timedelta(rng.randint(0, max(self.span - days, 0)))
        total = rng.randint(15, 45)
        female = sum(rng.random() < 0.2 for _ in range(total))
        transgender = 1 if total - female > 1 and rng.random() < 0.04 else 0
        male = total - female - transgender
        pool = self.agencies(
            ("fia", "police", "prosecution", "labour", "social_welfare", "child_protection", "ngo")
        )
        # Judges trained by an academy are not an agency of the list: count the others.
        first = [] if organiser.endswith("judicial_academy") else [organiser]
        others = [a for a in self.some(pool, 0 if first else 1, 3) if a not in first]
        groups = (first + others)[:total]
        by_agency = self.split(total, groups)
        partners = self.codes("partners", self.some(("unodc", "iom", "ilo", "unicef", "giz"), 0, 2))
        roster: list[str] = []
        if rng.random() < 0.15:
            taken: set[str] = set()
            for gender, n in ((Gender.FEMALE, female), (Gender.MALE, male),
                              (Gender.TRANSGENDER, transgender)):  # fmt: skip
                roster += [self.name(gender, self.family(), taken) for _ in range(n)]
        return Training(
            title=title,
            topics=self.codes("training_topics", topics),
            organiser=organiser,
            partners=partners,
            start_on=start,
            end_on=start + dt.timedelta(days),
            district=self.district.code,
            venue=rng.choice(_TRAINING_VENUES).format(district=self.district_name),
            participants_total=total,
            participants_female=female,
            participants_male=male,
            participants_transgender=transgender,
            participants_by_agency=by_agency,
            roster=roster,
        )

    def split(self, total: int, groups: Sequence[str]) -> dict[str, int]:
        """``total`` split over ``groups`` (the first gets the most), each at least 1."""
        if not groups:
            return {}
        cuts = sorted(self.rng.sample(range(1, total), len(groups) - 1)) if total > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        sizes.sort(reverse=True)
        return dict(zip(groups, sizes, strict=True))

    # --- campaigns -------------------------------------------------------------------------
    def campaigns(self, count: int) -> list[Campaign]:
        out = [self.campaign() for _ in range(count)]
        out.sort(key=lambda c: c.start_on or self.today)
        return out

    def national_weeks(self) -> list[tuple[int, dt.date]]:
        """(year, first day) of each awareness week (24-30 July) that started in the window."""
        weeks = []
        for year in range(self.start.year, self.today.year + 1):
            first = dt.date(year, 7, 24)
            if self.start <= first <= self.today:
                weeks.append((year, first))
        return weeks

    def campaign(self) -> Campaign:
        rng = self.rng
        kinds = [k for k in self.ref.items("campaign_kinds") if k in _CAMPAIGNS]
        if not kinds:
            kinds = list(self.ref.items("campaign_kinds"))[:1]
        fallback = _CampaignKind(
            (f"Awareness activity: {self.ref.label('campaign_kinds', kinds[0])}",),
            (50, 500),
            (0, 1),
            1.0,
        )
        specs = [_CAMPAIGNS.get(k, fallback) for k in kinds]
        i = self.pick(range(len(kinds)), _cumulative([spec.weight for spec in specs]))
        kind, spec = kinds[i], specs[i]
        national = ""
        weeks = self.national_weeks()
        if weeks and rng.random() < P_NATIONAL:
            year, first = rng.choice(weeks)
            start = first + dt.timedelta(rng.randint(0, min(6, (self.today - first).days)))
            national = NATIONAL_CAMPAIGN.format(year=year)
        else:
            start = self.start + dt.timedelta(rng.randint(0, self.span))
        end = min(start + dt.timedelta(rng.randint(*spec.days)), self.today)
        departments = [
            (code, weight)
            for kind_code, weight in _DEPARTMENTS
            if self.ref.has("departments", code := self.agency_code(kind_code, _NATIONAL_BODIES))
        ] or [(next(iter(self.ref.items("departments"))), 1.0)]
        if kind == "media":
            venue = "Local FM radio and cable TV"
        elif kind == "social_media":
            venue = "Online"
        else:
            venue = rng.choice(_CAMPAIGN_VENUES).format(district=self.district_name)
        partners = self.some(("iom", "unodc", "unicef", "ilo", "other_ngo"), 0, 2)
        return Campaign(
            title=rng.choice(spec.titles),
            department=self.pick(
                [c for c, _ in departments], _cumulative([w for _, w in departments])
            ),
            kind=kind,
            start_on=start,
            end_on=end,
            district=self.district.code,
            venue=venue,
            people_reached=rng.randint(*spec.reached),
            partners=self.codes("partners", partners),
            national_campaign=national,
        )


# ---------------------------------------------------------------------------------------------
# Filling a store


def _share(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing to ``total``."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def plan(session: Session, *, seed: int, cases: int) -> list[tuple[str, list[str], int, int]]:
    """(district code, office codes, cases, seed) for each district :func:`fill` generates for:
    the install's district, or at HQ every district with an office. Raises
    :class:`InvalidInput` when the install has no office to give cases to."""
    offices = session.store.offices()
    if session.install.role is InstallRole.HQ:
        by_district: dict[str, list[str]] = {}
        for o in sorted(offices, key=lambda o: (o.district, o.code)):
            if session.reference.district(o.district) is not None:
                by_district.setdefault(o.district, []).append(o.code)
        if not by_district:
            raise InvalidInput("This install has no offices in known districts.")
        rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
        districts = list(by_district)
        weights = [len(by_district[d]) * rng.uniform(0.6, 1.6) for d in districts]
        shares = _share(cases, weights)
        parts = [
            (d, by_district[d], n, seed * 1_000 + i)
            for i, (d, n) in enumerate(zip(districts, shares, strict=True))
        ]
        # Districts without cases get no trainings or campaigns either (unless none has cases).
        return [p for p in parts if p[2] > 0] or parts[:1]
    district = session.install.district
    codes = sorted(o.code for o in offices if o.district == district)
    if not codes and session.install.office:
        codes = [session.install.office]
    if not codes:
        raise InvalidInput("This install has no office in its district.")
    return [(district, codes, cases, seed)]


def fill(
    session: Session,
    *,
    seed: int,
    cases: int,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 500,
) -> dict[str, int]:
    """Generate demo data for the session's install and save it, ``batch`` records per
    transaction; call ``progress(done, total)`` (top-level records) after each batch. Returns
    the number of records saved per kind (:data:`KINDS`)."""
    session.require(Permission.EDIT)
    if cases < 0:
        raise InvalidInput("The number of demo cases must be 0 or more.")
    if any(session.store.count(kind) for kind in ("case", "victim", "training", "campaign")):
        # Synthetic records must never mix with real ones (nor collide with earlier demo data).
        raise InvalidInput(
            "Demo data goes into an empty store only; this store already holds records."
        )
    today = session.clock.now().date()
    data = DemoData()
    for district, offices, n, sub_seed in plan(session, seed=seed, cases=cases):
        part = generate(
            session.reference,
            seed=sub_seed,
            cases=n,
            district=district,
            offices=offices,
            today=today,
        )
        data.cases += part.cases
        data.trainings += part.trainings
        data.campaigns += part.campaigns
    data.cases.sort(key=lambda c: c.registered_on or today)
    records = data.records()
    total = len(records)
    step = max(1, batch)
    if progress is not None:
        progress(0, total)
    for i in range(0, total, step):
        record_service.save(session, records[i : i + step])
        if progress is not None:
            progress(min(i + step, total), total)
    counts = data.counts()
    return {kind: counts[kind] for kind in KINDS}
