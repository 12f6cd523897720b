"""Tables for the demo data generator: pure data, no generator logic.

Constants and proportions (see the package docstring of :mod:`tipdesk.services.demo`), the
given and family name lists with the names that must never be produced, CNIC and agency
prefixes, the case scenarios, closure reasons, official actions, referral providers and
outcomes, sentences, training courses and venues, and the campaign kinds with their small
dataclasses (:class:`_Scenario`, :class:`_CampaignKind`).
"""

from __future__ import annotations

from dataclasses import dataclass

from tipdesk.core.codes import ReferralOutcome

DEFAULT_LAW = "tip_act_2018"
NATIONAL_CAMPAIGN = "Human Trafficking Awareness Week {year}"
#: Kinds :func:`fill` reports, in this order.
KINDS: tuple[str, ...] = ("case", "accused", "victim", "referral", "training", "campaign")

# --- proportions (see the package docstring) --------------------------------------------------
P_CHALLAN = 0.58  # a case old enough reaches challan (someone proceeded against)
P_PROCEEDED = 0.52  # each accused of such a case is proceeded against (at least one is)
P_SUPPLEMENTARY = 0.15  # proceeded against later, in a supplementary challan
P_CLOSED = 0.16  # a case old enough without challan is closed
P_CONVICTED = 0.14  # an accused whose trial ended is convicted ...
P_DISCHARGED = 0.14  # ... discharged; the rest are acquitted
P_OFFICIAL = 0.03  # an official was involved
P_SMUGGLING = 0.3  # an FIA circle's cross-border case is smuggling of migrants (PSMA 2018)
SMUGGLING_LAW = "psma_2018"
P_ENQUIRY = 0.3  # an FIA circle's case is an enquiry rather than an FIR
P_CONSENT = 0.3  # a victim consents to sharing identifying data
P_NATIONAL = 0.2  # a campaign is part of the national awareness week
ACCUSED_WEIGHTS = (0.22, 0.22, 0.18, 0.13, 0.1, 0.07, 0.05, 0.03)  # 1..8 accused
VICTIM_WEIGHTS = (0.08, 0.4, 0.25, 0.15, 0.12)  # 0..4 victims
REFERRAL_WEIGHTS = (0.22, 0.4, 0.26, 0.12)  # 0..3 referrals


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
