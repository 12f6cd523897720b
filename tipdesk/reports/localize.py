"""The wording of a report's exports (PDF, XLSX) in the report's language (issue 19).

Contract:
- :class:`Wording` carries a ``tr`` callable (English source text -> text in the report's
  language) and whether the language is written right to left. :data:`ENGLISH` leaves every
  text as it is; the writers' output in English is byte for byte what it was.
- The reports layer never imports Qt: the UI passes ``tr`` built on
  ``QCoreApplication.translate`` (contexts ``ReportTables`` then ``codes``), the CLI one read
  from the same ``.ts`` file (:mod:`tipdesk.core.catalogue`).
- :func:`localized_table` translates a table's title, note, column labels and the label
  cells of its text columns; proper names (provinces, districts, offices, countries) and
  codes stay as the reference gives them (:data:`KEPT_COLUMNS`), figures stay numbers.
- Every text the exports can ask for is in :data:`REPORT_TEXTS`, which ``make lupdate``
  extracts into context ``ReportTables``; a test builds a report and fails when a text is
  asked for that the list (and so the ``.ts``) does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tipdesk.reports.model import Cell, Column, ColumnKind, Table

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Wording:
    """How an export is worded: ``tr`` translates an English text; ``rtl`` lays it out right
    to left (the PDF's tables mirrored, the workbook's sheets right to left)."""

    tr: Translate = field(default=_same)
    rtl: bool = False

    def __call__(self, text: str) -> str:
        if not text:
            return text
        period = _PERIOD.fullmatch(text)
        if period:  # a period's dates need no words: "2025-01-01 – 2025-12-31"
            return f"{period[1]} – {period[2]}"
        return self.tr(text)


def latin(text: str) -> str:
    """``text`` kept left to right inside a right-to-left line of the PDF (a date, a time, an
    English name): wrapped in a left-to-right isolate, which the bidi ordering honours and
    never prints (without it "2025-12-31" would print "31-12-2025")."""
    return f"\u2066{text}\u2069"


_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})")


ENGLISH = Wording()

#: Text columns holding proper names or codes: printed as the reference spells them.
KEPT_COLUMNS = frozenset(
    {
        "province",
        "province_name",
        "district",
        "district_name",
        "office",
        "office_name",
        "nationality",
        "country",
        "agency",
        "department",
        "law",
        "section",
        "month",
    }
)


#: Tables whose note is a sentence made from the data (coverage, quarantine): worded when the
#: table is made (tipdesk.reports.sentences), kept as it is here.
DATA_NOTES = frozenset({"coverage", "quarantine"})

#: Every English text the PDF and XLSX writers ask ``tr`` for (``make lupdate`` puts them in
#: context ``ReportTables`` of the ``.ts``; the Reports screen's tables use the same entries).
REPORT_TEXTS: tuple[str, ...] = (
    "{title} · {scope} · {start} to {end} · generated {at}",
    "TIPDesk national report",
    "Scope",
    "Period",
    "Compared with",
    "Generated at",
    "Coverage",
    "Small-cell suppression",
    "none",
    "Human trafficking: cases, prosecutions, victims, training and awareness",
    "Each figure is counted by its own event date (registration, date proceeded against, judgment, identification, session end, campaign start); the definitions are on the last page of this report. Deleted records never count.",  # noqa: E501 - one entry a line, as the .ts holds it
    "Headline figures",
    "Change: per cent of the earlier figure for counts; percentage points (pts) for the conviction rate.",  # noqa: E501 - one entry a line, as the .ts holds it
    "Figure",
    "Change",
    "Cases registered (probed)",
    "Accused proceeded against (challan)",
    "Accused convicted",
    "Accused acquitted",
    "Conviction rate (convicted / (convicted + acquitted))",
    "Victims identified",
    "Persons trained",
    "Training sessions",
    "Awareness campaigns",
    "People reached by campaigns",
    "By province",
    "Province code",
    "Province",
    "Cases registered",
    "Accused proceeded against",
    "Conviction rate",
    "Campaigns",
    "People reached",
    "By district",
    "District code",
    "District",
    "Victims identified by gender",
    "Gender",
    "Victims",
    "Female",
    "Male",
    "Transgender",
    "Not recorded",
    "Total",
    "Victims identified by age group (child: under 18)",
    "Age group",
    "Child (under 18)",
    "Adult",
    "Age unknown",
    "Victims identified by gender and age group",
    "Victims by form of exploitation, gender and age group (SDG 16.2.2)",
    "A victim counts under every form of exploitation recorded: rows can add up to more than the victims identified (shares over people with information).",  # noqa: E501 - one entry a line, as the .ts holds it
    "Form of exploitation",
    "Female, child (under 18)",
    "Female, adult",
    "Female, age unknown",
    "Male, child (under 18)",
    "Male, adult",
    "Male, age unknown",
    "Transgender, child (under 18)",
    "Transgender, adult",
    "Transgender, age unknown",
    "Not recorded, child (under 18)",
    "Not recorded, adult",
    "Not recorded, age unknown",
    "Victims with this form",
    "Forced labour",
    "Domestic servitude",
    "Forced begging",
    "Child labour",
    "Forced criminality",
    "Forced marriage",
    "Organ removal",
    "Other",
    "Sexual exploitation",
    "Victims identified by nationality",
    "Nationality",
    "Country",
    "Accused by gender: proceeded against (by date proceeded against) and judgments (by judgment date)",  # noqa: E501 - one entry a line, as the .ts holds it
    "Proceeded against",
    "Convicted",
    "Acquitted",
    "Discharged",
    "By Act (trafficking in persons, smuggling of migrants): cases registered; accused proceeded against and convicted, and the officials among them",  # noqa: E501 - one entry a line, as the .ts holds it
    "Cases by registration date; accused proceeded against by the date proceeded against; convictions by judgment date. Officials: accused whose role is official. TIP Act 2018: Prevention of Trafficking in Persons Act, 2018; PSMA 2018: Prevention of Smuggling of Migrants Act, 2018",  # noqa: E501 - one entry a line, as the .ts holds it
    "Code",
    "Act",
    "Cases",
    "Officials among them",
    "Officials convicted",
    "TIP Act 2018",
    "PSMA 2018",
    "Referrals of victims by service and outcome (by referral date)",
    "Service",
    "Referrals",
    "Provided",
    "Pending",
    "Declined",
    "Not available",
    "Shelter",
    "Medical care",
    "Psychosocial support",
    "Legal aid",
    "Child protection",
    "Return and repatriation",
    "Livelihood support",
    "Cases registered in the period by stage: alleged involvement of officials and action taken",
    "Stage",
    "Official involved",
    "Action taken recorded",
    "No action recorded yet",
    "Registered",
    "Investigation",
    "Challan submitted",
    "Trial",
    "Decided",
    "Closed",
    "Persons trained by agency (by session end date)",
    "Agency",
    "Persons trained by gender (by session end date)",
    "Awareness campaigns by organising department (by start date)",
    "Department",
    "Cases registered and accused convicted by month",
    "Month",
    "Coverage: which districts' data the figures hold",
    "Last record change",
    "Status",
    "Up to date",
    "Definitions",
    "Cases (FIR or enquiry) registered in the period, by date of registration.",
    "Accused persons against whom a challan was submitted in the period, by that date.",
    "Accused convicted / acquitted",
    "Accused persons whose judgment in the period convicted or acquitted them, by judgment date.",
    "Convicted divided by (convicted + acquitted) in the period: the share of decided trials ending in conviction. Its change is in percentage points (pts).",  # noqa: E501 - one entry a line, as the .ts holds it
    "Victims identified in the period, by identification date; a child is under 18.",
    "Participants of training sessions ending in the period (a person trained twice counts twice).",
    "Awareness campaigns, people reached",
    "Campaigns starting in the period and the people they report reaching.",
    "Which districts' data the figures hold: at HQ, every district of the reference list, with its registered devices and its last bundle. A district with no device, or whose device never sent data, adds nothing to the figures.",  # noqa: E501 - one entry a line, as the .ts holds it
    "Quarantine",
    "Records a district sent that failed HQ's checks (for example a police station HQ does not know yet). They are in no figure until they pass.",  # noqa: E501 - one entry a line, as the .ts holds it
    "Page {n}",
    "About",
    "nothing",
    "Stale districts",
    "Registered, never sent data",
    "Held in quarantine",
    "Sheet",
    "Table",
    "Key (JSON, CSV)",
    "Victims by gender",
    "Victims by age group",
    "Victims by gender and age",
    "Victims by form (SDG 16.2.2)",
    "Victims by nationality",
    "Accused by gender and outcome",
    "By Act",
    "Referrals by service",
    "Official involvement",
    "Persons trained by agency",
    "Persons trained by gender",
    "Campaigns by department",
    "By month",
    "TIPDesk district report",
    "TIPDesk provincial report",
    "Stale",
    "Registered, never sent",
    "No device registered",
    "Devices registered",
    "Last bundle received",
    "Held in quarantine at HQ: records not in these figures",
    "Accused",
    "Records held",
    "No device registered and no data ({n} districts):",
    "Cases registered and accused convicted, by month",
    "Accused persons through the courts (in the period; each by its own date)",
    # The charts' words (tipdesk/reports/pdf_charts.py): bar labels, notes, month names.
    "Proceeded against (challan)",
    "{n} accused",
    "{n} suppressed values not drawn",
    # The sentences made from the data (tipdesk/reports/sentences.py).
    "{district} district ({province}), this install's records",
    "{district}, this install's records",
    "{district} district ({province})",
    "{province} province",
    "Pakistan (all provinces and districts)",
    "Data from {n} of {total} district",
    "Data from {n} of {total} districts",
    "Data from {n} district (this install's records)",
    "Data from {n} districts (this install's records)",
    "{n} with no device registered",
    "{n} registered but never sent data",
    "{n} stale (nothing newer than {date})",
    "none of those with data is stale (all newer than {date})",
    "no data at all",
    "; ",
    "{text}.",
    "Stale: nothing newer than {date} ({days} days before the end of the period).",
    "Source: the bundles HQ received from each district's registered devices.",
    "Source: this install's record changes (HQ's report uses the bundles it received).",
    "Not in these figures: {records} records received from the districts are held in quarantine at HQ ({kinds}) because they failed HQ's checks; by district: {places}. They count once the district corrects them or HQ's reference lists accept them.",  # noqa: E501 - one entry a line, as the .ts holds it
    ", ",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def localized_table(table: Table, wording: Wording) -> Table:
    """``table`` worded for ``wording`` (a new table sharing the same cells; ``table`` is
    unchanged)."""
    if wording is ENGLISH:
        return table
    labels = [
        i
        for i, c in enumerate(table.columns)
        if c.kind is ColumnKind.TEXT and c.key not in KEPT_COLUMNS
    ]

    def row_of(row: list[Cell | str], total: bool = False) -> list[Cell | str]:
        out = list(row)
        for i in range(len(out)) if total else labels:  # "Total" sits in a name column too
            if isinstance(out[i], str):
                out[i] = wording(str(out[i]))
        return out

    return replace(
        table,
        title=wording(table.title),
        note=table.note if table.key in DATA_NOTES else wording(table.note),
        columns=[Column(c.key, wording(c.label), c.kind) for c in table.columns],
        rows=[row_of(r) for r in table.rows],
        total=row_of(table.total, total=True) if table.total else table.total,
    )
