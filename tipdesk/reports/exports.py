"""Standard victim-level exports: an HTCDS 2.0-shaped CSV and a CTDC-style CSV (``ageBroad``).

Contract:
- One row per victim (deleted ones never), read with :func:`report_queries.export_victim_rows`
  which never selects an identifying field (name, father's name, CNIC, phone, address), nor
  the date of birth, notes or the victim code.
- Nothing in a row points back at a record or a day: the HTCDS victim and case ids are random
  (UUID version 4) and made afresh for each export (victims of one case share their case's
  id within that export only). The record ids are never written: they are UUIDv7, whose
  first 48 bits are the creation time to the millisecond, and they would link an export to
  the store and to other exports. Dates are months (``YYYY-MM``) or years, never days.
- Ages are CTDC ``ageBroad`` bands and the child/adult split (:mod:`tipdesk.core.ages`),
  never the exact age (CTDC's own published data carry only these bands). Columns are documented in
  ``docs/exports.md``; multi-valued fields become one 0/1 column per code plus a
  ``;``-separated list.
- The CSV is UTF-8 with a byte-order mark (Excel) and CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from tipdesk.core.ages import age_broad, age_group
from tipdesk.store import report_queries as rq
from tipdesk.store.store import Store

FORMS = (
    "forced_labour",
    "sexual_exploitation",
    "domestic_servitude",
    "child_labour",
    "forced_begging",
    "forced_marriage",
    "forced_criminality",
    "organ_removal",
    "other",
)
MEANS = (
    "debt_bondage",
    "takes_earnings",
    "threats",
    "physical_abuse",
    "sexual_abuse",
    "psychological_abuse",
    "false_promises",
    "psychoactive_substances",
    "restricts_movement",
    "withholds_documents",
    "excessive_working_hours",
    "withholds_necessities",
    "other",
)
SERVICES = (
    "shelter",
    "medical",
    "psychosocial",
    "legal_aid",
    "child_protection",
    "return_repatriation",
    "livelihood",
    "other",
)

HTCDS_COLUMNS: tuple[str, ...] = (
    "victim_id",
    "case_id",
    "admin_area",
    "month_identified",
    "year_identified",
    "gender",
    "age_broad",
    "is_minor",
    "citizenship",
    *(f"exploitation_{f}" for f in FORMS),
    "exploitation_types",
    *(f"means_{m}" for m in MEANS),
    "means_of_control",
    "is_transnational",
    "route_countries",
    *(f"referral_{s}" for s in SERVICES),
    "case_stage",
    "month_updated",
)

# CTDC's column names and codings (CTDC global synthetic dataset conventions).
_CTDC_FORMS = {
    "isForcedLabour": ("forced_labour", "domestic_servitude", "child_labour", "forced_begging"),
    "isSexualExploit": ("sexual_exploitation",),
    "isForcedMarriage": ("forced_marriage",),
    "isOrganRemoval": ("organ_removal",),
    "isOtherExploit": ("forced_criminality", "other"),
}
_CTDC_MEANS = {
    "meansOfControlDebtBondage": "debt_bondage",
    "meansOfControlTakesEarnings": "takes_earnings",
    "meansOfControlThreats": "threats",
    "meansOfControlPhysicalAbuse": "physical_abuse",
    "meansOfControlSexualAbuse": "sexual_abuse",
    "meansOfControlPsychologicalAbuse": "psychological_abuse",
    "meansOfControlFalsePromises": "false_promises",
    "meansOfControlPsychoactiveSubstances": "psychoactive_substances",
    "meansOfControlRestrictsMovement": "restricts_movement",
    "meansOfControlWithholdsDocuments": "withholds_documents",
    "meansOfControlExcessiveWorkingHours": "excessive_working_hours",
    "meansOfControlWithholdsNecessities": "withholds_necessities",
    "meansOfControlOther": "other",
}
CTDC_COLUMNS: tuple[str, ...] = (
    "yearOfRegistration",
    "Datasource",
    "gender",
    "ageBroad",
    "majorityStatus",
    "citizenship",
    *_CTDC_MEANS,
    *_CTDC_FORMS,
    "typeOfExploitConcatenated",
    "meansOfControlConcatenated",
    "CountryOfExploitation",
    "isAbroad",
    "admin1",
    "admin2",
)


def _list(text: Any) -> list[str]:
    if not text:
        return []
    value = json.loads(text)
    return [str(v) for v in value if v is not None] if isinstance(value, list) else []


def _flag(value: bool) -> int:
    return 1 if value else 0


class _Victim:
    """One exported row's fields, decoded once."""

    def __init__(self, row: tuple[Any, ...]) -> None:
        data = dict(zip(rq.EXPORT_VICTIM_COLUMNS, row, strict=True))
        self.id = str(data["id"])
        self.case_id = str(data["case_id"] or "")
        self.district = str(data["district"] or "")
        self.gender = str(data["gender"] or "unknown")
        self.age: int | None = int(data["age"]) if data["age"] is not None else None
        self.nationality = str(data["nationality"] or "")
        # The victim's own forms; the case's when none were recorded for the victim.
        self.forms = _list(data["exploitation_forms"]) or _list(data["case_forms"])
        self.means = _list(data["means"])
        self.route = _list(data["route_countries"])
        self.transnational = bool(data["transnational"])
        self.services = set(_list(data["referral_services"]))
        self.identified_on = str(data["identified_on"] or "")
        self.stage = str(data["stage"] or "")
        self.updated_at = str(data["updated_at"] or "")


class RandomIds:
    """A random id (UUID version 4) for each record id, the same one each time it is asked
    for again; a new ``RandomIds`` per export, so no two exports share an id."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}

    def __call__(self, record_id: str) -> str:
        if not record_id:
            return ""
        if record_id not in self._ids:
            self._ids[record_id] = str(uuid.uuid4())
        return self._ids[record_id]


def _month(iso: str) -> str:
    """``YYYY-MM`` of an ISO date or timestamp (empty when there is none)."""
    return iso[:7]


def htcds_rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[Any]]:
    victim_ids, case_ids = RandomIds(), RandomIds()
    for raw in rows:
        v = _Victim(raw)
        group = age_group(v.age)
        yield [
            victim_ids(v.id),
            case_ids(v.case_id),
            v.district,
            _month(v.identified_on),
            v.identified_on[:4],
            v.gender,
            age_broad(v.age),
            "" if group == "unknown" else _flag(group == "child"),
            v.nationality,
            *(_flag(f in v.forms) for f in FORMS),
            ";".join(v.forms),
            *(_flag(m in v.means) for m in MEANS),
            ";".join(v.means),
            "" if not v.case_id else _flag(v.transnational),
            ";".join(v.route),
            *(_flag(s in v.services) for s in SERVICES),
            v.stage,
            _month(v.updated_at),
        ]


def ctdc_rows(rows: Iterable[tuple[Any, ...]], province_of: dict[str, str]) -> Iterator[list[Any]]:
    for raw in rows:
        v = _Victim(raw)
        group = age_group(v.age)
        abroad = [c for c in v.route if c != "PK"]
        yield [
            v.identified_on[:4],
            "Case Management",
            v.gender.capitalize(),
            age_broad(v.age),
            {"child": "Minor", "adult": "Adult"}.get(group, "Unknown"),
            v.nationality,
            *(_flag(code in v.means) if v.means else "" for code in _CTDC_MEANS.values()),
            *(
                _flag(any(f in v.forms for f in fs)) if v.forms else ""
                for fs in _CTDC_FORMS.values()
            ),
            ";".join(v.forms),
            ";".join(v.means),
            # Where the exploitation happened is not recorded; a transnational case's last
            # foreign route country is the best available sign, else Pakistan.
            abroad[-1] if v.transnational and abroad else "PK",
            _flag(bool(v.transnational and abroad)),
            province_of.get(v.district, ""),
            v.district,
        ]


def write_csv(columns: Iterable[str], rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(list(columns))
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def htcds_csv(store: Store, scope: rq.Scope | None = None) -> bytes:
    """The HTCDS 2.0-shaped CSV of victims (see ``docs/exports.md``)."""
    return write_csv(HTCDS_COLUMNS, htcds_rows(rq.export_victim_rows(store, scope)))


def ctdc_csv(store: Store, province_of: dict[str, str], scope: rq.Scope | None = None) -> bytes:
    """The CTDC-style CSV of victims with ``ageBroad`` bands (see ``docs/exports.md``)."""
    return write_csv(CTDC_COLUMNS, ctdc_rows(rq.export_victim_rows(store, scope), province_of))
