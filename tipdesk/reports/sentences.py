"""The report's sentences made from its data (issue 19): the scope, the coverage summary and
the coverage table's note, the quarantine note, as translatable templates with arguments.

Contract: each function gives the sentence worded by a :class:`~tipdesk.reports.localize.Wording`
(English: exactly the text the JSON, CSV and English exports always had). A template is a
literal listed in ``localize.REPORT_TEXTS`` (context ``ReportTables`` of the ``.ts``); its
arguments are figures, dates, codes and proper names (districts, provinces), never words of
another sentence, so a translation may put them anywhere. In a right-to-left wording, names
and dates are wrapped in left-to-right isolates (:func:`~tipdesk.reports.localize.latin`):
"Lahore (3)" keeps its brackets and order inside an Urdu line.
"""

from __future__ import annotations

from collections.abc import Callable

from tipdesk.reports.localize import ENGLISH, Wording, latin
from tipdesk.reports.model import Coverage, Report

# --- templates (each also in localize.REPORT_TEXTS) ---------------------------------------
SCOPES = (
    "{district} district ({province}), this install's records",
    "{district}, this install's records",
    "{district} district ({province})",
    "{province} province",
    "Pakistan (all provinces and districts)",
)
DATA_FROM = ("Data from {n} of {total} district", "Data from {n} of {total} districts")
DATA_HERE = (
    "Data from {n} district (this install's records)",
    "Data from {n} districts (this install's records)",
)
NO_DEVICE = "{n} with no device registered"
NEVER_SENT = "{n} registered but never sent data"
STALE = "{n} stale (nothing newer than {date})"
NONE_STALE = "none of those with data is stale (all newer than {date})"
NO_DATA = "no data at all"
SEPARATOR = "; "
SENTENCE = "{text}."
COVERAGE_STALE = "Stale: nothing newer than {date} ({days} days before the end of the period)."
SOURCE_BUNDLES = "Source: the bundles HQ received from each district's registered devices."
SOURCE_RECORDS = "Source: this install's record changes (HQ's report uses the bundles it received)."
QUARANTINE = (
    "Not in these figures: {records} records received from the districts are held in "
    "quarantine at HQ ({kinds}) because they failed HQ's checks; by district: {places}. They "
    "count once the district corrects them or HQ's reference lists accept them."
)
LIST_SEPARATOR = ", "
QUARANTINE_COUNT = "{name} ({n})"

QUARANTINE_KINDS = ("case", "accused", "victim", "referral", "training", "campaign")
QUARANTINE_KIND_LABELS = {
    "case": "Cases",
    "accused": "Accused",
    "victim": "Victims",
    "referral": "Referrals",
    "training": "Training sessions",
    "campaign": "Campaigns",
}
QUARANTINE_KIND_ONE = {
    "case": "Case",
    "accused": "Accused",
    "victim": "Victim",
    "referral": "Referral",
    "training": "Training session",
    "campaign": "Campaign",
}


def _keep(tr: Wording) -> Callable[[str], str]:
    """Names and dates as they are; isolated left to right in a right-to-left wording."""
    return latin if tr.rtl else str


def scope(report: Report, tr: Wording = ENGLISH) -> str:
    """The area the figures cover (``report.scope_label`` in English)."""
    template, args = report.scope_words
    if tr is ENGLISH or not template:
        return report.scope_label
    keep = _keep(tr)
    return tr(template).format(**{k: keep(v) for k, v in args.items()})


def coverage_summary(cov: Coverage, tr: Wording = ENGLISH) -> str:
    """One sentence: how many districts' data the figures hold and which are missing or old
    (never "none stale" when most districts sent nothing)."""
    keep = _keep(tr)
    n, total = len(cov.included), len(cov.rows)
    if cov.source == "records":
        parts = [tr(DATA_HERE[n != 1]).format(n=n)]
    else:
        parts = [tr(DATA_FROM[total != 1]).format(n=n, total=total)]
    if cov.no_device:
        parts.append(tr(NO_DEVICE).format(n=len(cov.no_device)))
    if cov.never_sent:
        parts.append(tr(NEVER_SENT).format(n=len(cov.never_sent)))
    if cov.stale:
        parts.append(tr(STALE).format(n=len(cov.stale), date=keep(cov.stale_before)))
    elif n:
        parts.append(tr(NONE_STALE).format(date=keep(cov.stale_before)))
    else:
        parts.append(tr(NO_DATA))
    return tr(SENTENCE).format(text=tr(SEPARATOR).join(parts))


def coverage_note(report: Report, tr: Wording = ENGLISH) -> str:
    """The coverage table's note: the summary, what "stale" means here, where dates come from."""
    cov = report.coverage
    stale = tr(COVERAGE_STALE).format(
        date=_keep(tr)(cov.stale_before), days=report.params.stale_days
    )
    source = tr(SOURCE_BUNDLES if cov.source == "bundles" else SOURCE_RECORDS)
    return f"{coverage_summary(cov, tr)} {stale} {source}"


def quarantine_note(report: Report, tr: Wording = ENGLISH) -> str:
    """One sentence on what quarantine keeps out of the figures ("" when nothing)."""
    held = report.coverage.quarantine
    if not held:
        return ""
    keep = _keep(tr)
    total: dict[str, int] = {}
    for q in held:
        for k, n in q.by_kind.items():
            total[k] = total.get(k, 0) + n
    kinds = tr(LIST_SEPARATOR).join(
        f"{n:,} {_kind_word(k, n, tr)}"
        for k, n in sorted(total.items(), key=lambda kv: _order(kv[0]))
    )
    places = tr(LIST_SEPARATOR).join(
        keep(QUARANTINE_COUNT.format(name=q.district_name, n=f"{q.records:,}")) for q in held
    )
    return tr(QUARANTINE).format(
        records=f"{report.coverage.quarantined_records:,}", kinds=kinds, places=places
    )


def _kind_word(kind: str, n: int, tr: Wording) -> str:
    labels = QUARANTINE_KIND_LABELS if n != 1 else QUARANTINE_KIND_ONE
    label = labels.get(kind, kind)
    return label.lower() if tr is ENGLISH else tr(QUARANTINE_KIND_LABELS.get(kind, kind))


def _order(kind: str) -> int:
    return QUARANTINE_KINDS.index(kind) if kind in QUARANTINE_KINDS else len(QUARANTINE_KINDS)
