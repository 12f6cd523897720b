"""Printouts officers hand over: a case summary, a referral letter for a victim, the week's
cause list, as PDF bytes (:mod:`tipdesk.reports.printouts`), and writing them to a file.

Contract:
- Printing needs ``view``. Victims' identifying details come only through
  :mod:`tipdesk.services.records`: masked (``get``), or revealed for this printout
  (``reveal_victim``: the ``reveal_identity`` permission and a reason, audited per victim). A
  masked detail prints as "withheld" (case summary) or as a line to fill in by hand (letter).
- Every case summary and referral letter is audited (``print``: the document, the record, and
  whether identities were revealed; never the contents).
- :func:`save_pdf` writes atomically, readable by the user only (mode 0600).
- The texts are English for now; the fonts are chosen in one place
  (:mod:`tipdesk.reports.printouts.fonts`) for the Urdu font to come.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from tipdesk.core.ages import age_on
from tipdesk.core.errors import InvalidInput
from tipdesk.core.letters import filled
from tipdesk.core.masking import is_masked
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Accused, Case, Hearing, Referral, Victim
from tipdesk.fs import atomic_write_bytes
from tipdesk.reports.printouts.documents import (
    case_summary_pdf,
    cause_list_pdf,
    referral_letter_pdf,
)
from tipdesk.reports.printouts.model import (
    CaseSummary,
    CauseCourt,
    CauseListDoc,
    Footer,
    ReferralLetter,
    Table,
)
from tipdesk.services import diary, letterhead, records
from tipdesk.services.session import Session

WITHHELD = "(withheld)"
FILL_IN = "_" * 28


@dataclass(frozen=True, slots=True)
class Printout:
    """A printout's PDF and a file name to offer for it."""

    title: str
    file_name: str
    data: bytes


def long_date(day: dt.date | None) -> str:
    """``1 June 2026`` (or a dash)."""
    return f"{day.day} {day.strftime('%B %Y')}" if day else "–"


def _words(code: str) -> str:
    return code.replace("_", " ").capitalize() if code else "–"


def _footer(session: Session) -> Footer:
    local = session.clock.now().astimezone()
    return Footer(session.user.name, f"{long_date(local.date())}, {local.strftime('%H:%M')}")


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:60] or "printout"


def save_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, mode 0600 (see :mod:`tipdesk.fs`)."""
    atomic_write_bytes(path, data, mode=0o600)


# --- the case summary ------------------------------------------------------------------------


def _victims(session: Session, case: Case, reason: str | None) -> list[Victim]:
    """The case's victims, masked, or revealed for this printout (audited per victim)."""
    if reason is None:
        return case.victims  # records.get masked them
    session.require(Permission.REVEAL_IDENTITY)
    return [records.reveal_victim(session, v.id, reason) for v in case.victims]


def _shown(value: str) -> str:
    return WITHHELD if is_masked(value) else (value or "–")


def _age(v: Victim) -> str:
    if v.age is not None:
        return str(v.age)
    if v.date_of_birth and v.identified_on:
        return str(age_on(v.date_of_birth, v.identified_on))
    return "not known"


def _sentence(a: Accused) -> str:
    parts = []
    if a.imprisonment_months:
        parts.append(f"{a.imprisonment_months} months")
    if a.fine_pkr:
        parts.append(f"fine Rs {a.fine_pkr:,}")
    return ", ".join(parts) or "–"


def _accused_table(session: Session, case: Case) -> Table:
    ref = session.reference
    rows = []
    for a in case.accused:
        who = a.name + (f"\ns/o {a.father_name}" if a.father_name else "")
        if a.cnic:
            who += f"\nCNIC {a.cnic[:5]}-{a.cnic[5:12]}-{a.cnic[12:]}" if len(a.cnic) == 13 else ""
        outcome = _words(a.outcome.value)
        if a.judgment_on:
            outcome += f"\n{long_date(a.judgment_on)}"
        rows.append(
            (
                who,
                ref.label("accused_roles", a.role) if a.role else "–",
                _words(a.arrest_status.value),
                long_date(a.proceeded_on),
                outcome,
                a.court or "–",
                _sentence(a),
            )
        )
    return Table(
        ("Accused", "Role", "Arrest", "Challan (proceeded against)", "Outcome", "Court",
         "Sentence"),
        rows,
        (25, 12, 13, 13, 12, 13, 12),
        "No accused recorded.",
    )  # fmt: skip


def _hearings_table(case: Case, hearings: list[Hearing]) -> Table:
    names = {a.id: a.name for a in case.accused}
    rows = []
    for h in hearings:
        purpose = diary.PURPOSE_LABELS.get(h.purpose, h.purpose)
        if h.accused_id in names:
            purpose += f" ({names[h.accused_id]})"
        what = h.proceedings if h.done else "Not yet held"
        rows.append((long_date(h.hearing_on), h.court, purpose, what, long_date(h.next_on)))
    return Table(
        ("Date", "Court", "Purpose", "What happened", "Next date"),
        rows,
        (13, 19, 22, 32, 14),
        "No hearings recorded in the diary.",
    )


def _victims_tables(session: Session, victims: list[Victim]) -> tuple[Table, Table]:
    ref = session.reference
    people, referrals = [], []
    for v in victims:
        people.append(
            (
                v.victim_code,
                _shown(v.name),
                _shown(v.father_name),
                _words(v.gender.value),
                _age(v),
                ref.label("countries", v.nationality) if v.nationality else "–",
                long_date(v.identified_on),
            )
        )
        for r in v.referrals:
            referrals.append(
                (
                    v.victim_code,
                    ref.label("referral_services", r.service),
                    r.provider or "–",
                    long_date(r.referred_on),
                    _words(r.outcome.value),
                    long_date(r.outcome_on),
                )
            )
    return (
        Table(
            ("Code", "Name", "Father's name", "Gender", "Age", "Nationality", "Identified on"),
            people,
            (18, 18, 18, 10, 7, 13, 16),
            "No victims recorded.",
        ),
        Table(
            ("Victim", "Service", "Provider", "Referred on", "Outcome", "Outcome on"),
            referrals,
            (18, 17, 23, 14, 12, 14),
            "No referrals recorded.",
        ),
    )


def _details(session: Session, case: Case) -> list[tuple[str, str]]:
    ref = session.reference
    offices = {o.code: o.name for o in session.store.offices()}
    district = ref.districts.get(case.district)
    limit = ref.sentence_limit(case.law)
    law = limit.law_short if limit else case.law
    sections = ", ".join(case.sections) or (limit.section if limit else "")
    stage = _words(case.stage.value)
    if case.closed_reason:
        stage += f": {case.closed_reason}"
    route = ", ".join(ref.label("countries", c) for c in case.route_countries)
    official = "Yes" if case.official_involvement else "No"
    if case.official_involvement and case.official_action:
        official += f": {case.official_action}"
    return [
        ("Case number", case.case_number),
        ("Registered as", "FIR" if case.kind.value == "fir" else "Enquiry"),
        ("Registered on", long_date(case.registered_on)),
        ("District", district.name if district else case.district),
        ("Office", offices.get(case.office, case.office)),
        ("Law and sections", f"{law}, s. {sections}" if sections else law),
        ("Stage", stage),
        ("Forms of exploitation",
         ", ".join(ref.label("exploitation_forms", f) for f in case.exploitation_forms)),
        ("Means of control", ", ".join(ref.label("means", m) for m in case.means)),
        ("Transnational", f"Yes ({route})" if case.transnational else "No"),
        ("Investigating officer", case.investigating_officer),
        ("Public official involved", official),
    ]  # fmt: skip


def case_summary(session: Session, case_id: str, *, reveal_reason: str | None = None) -> Printout:
    """The case summary PDF; victims masked unless ``reveal_reason`` is given (it needs the
    ``reveal_identity`` permission; each victim's reveal is audited with it)."""
    session.require(Permission.VIEW)
    case = records.get(session, "case", case_id)
    if not isinstance(case, Case):  # pragma: no cover - records.get returns its kind
        raise InvalidInput("Not a case.")
    reason = reveal_reason.strip() if reveal_reason is not None else None
    victims = _victims(session, case, reason)
    people, referrals = _victims_tables(session, victims)
    today = session.clock.now().astimezone().date()
    if reason is None:
        note = (
            "Victims' names and other identifying details are withheld in this printout. An "
            "officer permitted to reveal them can print them, with the reason recorded in "
            "TIPDesk's audit log."
        )
    else:
        note = (
            f"Victims' identifying details are shown in this printout at the request of "
            f"{session.user.name}; the reason is recorded in TIPDesk's audit log. Keep and file "
            "this document as confidential."
        )
    summary = CaseSummary(
        letterhead=letterhead.letterhead(session),
        footer=_footer(session),
        reference=f"{case.office}/CS/{_safe_name(case.case_number)}/{today:%Y%m%d}",
        date=long_date(today),
        title=f"Case summary: {case.case_number}",
        details=_details(session, case),
        narrative=case.narrative,
        accused=_accused_table(session, case),
        hearings=_hearings_table(case, diary.hearings_of_case(session, case.id)),
        victims=people,
        referrals=referrals,
        identity_note=note,
    )
    data = case_summary_pdf(summary)
    session.audit("print", "case", case.id, document="case_summary", revealed=reason is not None)
    return Printout(summary.title, f"case-summary-{_safe_name(case.case_number)}.pdf", data)


# --- the referral letter ---------------------------------------------------------------------


def _service(session: Session, service: str) -> str:
    code = session.reference.lookup("referral_services", service.strip())
    if code is None:
        known = ", ".join(session.reference.items("referral_services"))
        raise InvalidInput(
            say(
                "{service} is not a referral service (use one of: {known}).",
                service=repr(service[:40]),
                known=known,
            )
        )
    return code


def _referral(victim: Victim, service: str) -> Referral | None:
    """The victim's latest referral to ``service``, if one is recorded."""
    found = [r for r in victim.referrals if r.service == service and not r.deleted]
    found.sort(key=lambda r: (r.referred_on or dt.date.min, r.created_at))
    return found[-1] if found else None


def referral_letter(
    session: Session, victim_id: str, service: str, *, reveal_reason: str | None = None
) -> Printout:
    """A referral letter for a victim to a service, from the template HQ set for it (or the
    default one). The victim's name and father's name print only when ``reveal_reason`` is
    given (the reveal is audited); otherwise the letter leaves a line to fill in by hand."""
    session.require(Permission.VIEW)
    code = _service(session, service)
    templates = session.reference.letters
    template = templates.get(code) or templates.get("default")
    if template is None:
        raise InvalidInput(say("No referral letter templates are installed."))
    reason = reveal_reason.strip() if reveal_reason is not None else None
    if reason is None:
        victim = records.get(session, "victim", victim_id)
    else:
        session.require(Permission.REVEAL_IDENTITY)
        victim = records.reveal_victim(session, victim_id, reason)
    if not isinstance(victim, Victim):  # pragma: no cover - records.get returns its kind
        raise InvalidInput("Not a victim.")
    case_number = ""
    if victim.case_id:
        case = records.get(session, "case", victim.case_id)
        case_number = case.case_number if isinstance(case, Case) else ""
    referral = _referral(victim, code)
    head = letterhead.letterhead(session)
    today = session.clock.now().astimezone().date()
    service_name = session.reference.label("referral_services", code)
    reference = f"{session.install.office or 'HQ'}/{victim.victim_code}/REF-{today:%Y%m%d}"
    ref = session.reference
    values = {
        "date": long_date(today),
        "reference": reference,
        "office_name": head.office_name,
        "office_address": head.address,
        "office_phone": head.phone,
        "office_email": head.email,
        "officer_name": head.officer_name,
        "officer_designation": head.officer_designation,
        "district": head.district,
        "case_number": case_number or "–",
        "victim_code": victim.victim_code,
        "victim_name": FILL_IN if is_masked(victim.name) or not victim.name else victim.name,
        "father_name": (
            FILL_IN if is_masked(victim.father_name) or not victim.father_name
            else victim.father_name
        ),
        "gender": _words(victim.gender.value),
        "age": _age(victim),
        "nationality": ref.label("countries", victim.nationality) if victim.nationality else "–",
        "service": service_name[:1].lower() + service_name[1:],
        "provider": referral.provider if referral and referral.provider else "",
        "referred_on": long_date(referral.referred_on if referral else today),
    }  # fmt: skip
    letter = ReferralLetter(
        letterhead=head,
        footer=_footer(session),
        reference=reference,
        date=long_date(today),
        letter=filled(template, values),
    )
    data = referral_letter_pdf(letter)
    session.audit(
        "print", "victim", victim.id, document="referral_letter", service=code,
        revealed=reason is not None,
    )  # fmt: skip
    name = f"referral-{_safe_name(victim.victim_code)}-{code}.pdf"
    return Printout(f"{letter.letter.title}: {victim.victim_code}", name, data)


# --- the cause list --------------------------------------------------------------------------


def cause_list(session: Session, week_from: dt.date, *, office: str | None = None) -> Printout:
    """The cause list of the seven days from ``week_from``, court by court."""
    found = diary.cause_list(session, week_from, office=office)
    courts = [
        CauseCourt(
            court,
            [
                (
                    str(n),
                    f"{e.hearing_on:%a} {e.hearing_on.day} {e.hearing_on:%b}",
                    e.case_number,
                    e.accused or "–",
                    e.purpose,
                    e.officer or "–",
                    "Held" if e.done else "",
                )
                for n, e in enumerate(entries, start=1)
            ],
        )
        for court, entries in found.courts
    ]
    today = session.clock.now().astimezone().date()
    doc = CauseListDoc(
        letterhead=letterhead.letterhead(session),
        footer=_footer(session),
        reference=f"{session.install.office or 'HQ'}/CL/{week_from:%Y%m%d}",
        date=long_date(today),
        period=f"Hearings from {long_date(found.date_from)} to {long_date(found.date_to)}",
        headers=("No.", "Date", "Case", "Accused", "Purpose", "Investigating officer", "Status"),
        widths=(6, 12, 17, 15, 20, 20, 9),
        courts=courts,
    )
    title = f"Cause list from {long_date(found.date_from)}"
    return Printout(title, f"cause-list-{week_from:%Y-%m-%d}.pdf", cause_list_pdf(doc))
