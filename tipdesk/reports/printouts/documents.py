"""The three printouts: :func:`case_summary_pdf`, :func:`referral_letter_pdf` and
:func:`cause_list_pdf`. Each takes its plain model (:mod:`.model`) and returns PDF bytes; the
look is :mod:`.layout`'s."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    CondPageBreak,
    KeepTogether,
    Spacer,
)

from tipdesk.reports.printouts import layout
from tipdesk.reports.printouts.layout import para
from tipdesk.reports.printouts.model import (
    CaseSummary,
    CauseListDoc,
    ReferralLetter,
    Table,
)

LONG_TABLE = 12
"""Rows beyond which a table may start on the page its heading is on and go on over pages."""


def _head(doc: CaseSummary | ReferralLetter | CauseListDoc) -> list[Any]:
    return [*layout.letterhead(doc.letterhead), layout.reference_line(doc.reference, doc.date)]


def _section(heading: str, body: Any, rows: int = 0) -> list[Any]:
    """A heading and what it heads. A short part stays on one page; a long table starts where
    at least a few of its rows fit under the heading, and continues over the pages with its
    header row repeated (never a heading alone at the foot of a page)."""
    if rows <= LONG_TABLE:
        return [KeepTogether([para(heading, "heading"), body]), Spacer(1, 4)]
    return [CondPageBreak(45 * mm), para(heading, "heading"), body, Spacer(1, 4)]


def case_summary_pdf(doc: CaseSummary) -> bytes:
    """Case details, the narrative, accused and proceedings, hearings, victims, referrals."""
    story: list[Any] = [*_head(doc), layout.title(doc.title)]
    story += _section("Case details", layout.details(doc.details))
    if doc.narrative:
        story += _section("What happened", para(doc.narrative, "justified"))
    for heading, table in (
        ("Accused and proceedings", doc.accused),
        ("Court hearings", doc.hearings),
        ("Victims", doc.victims),
        ("Referrals of the victims", doc.referrals),
    ):
        story += _section(heading, layout.grid(table), len(table.rows))
    story += [Spacer(1, 4), para(doc.identity_note, "small"), layout.signature(doc.letterhead)]
    return layout.build(story, doc.footer, doc_title=doc.title, subject=doc.reference)


def referral_letter_pdf(doc: ReferralLetter) -> bytes:
    """The letter: addressee, subject, salutation, paragraphs with the particulars after the
    first, closing lines, signature."""
    letter = doc.letter
    story: list[Any] = [*_head(doc), layout.title(letter.title)]
    story += [para("To,"), Spacer(1, 2)]
    story += [para(line) for line in letter.to if line.strip()]
    story += [
        Spacer(1, 8),
        layout.labelled("Subject:", letter.subject, underline=True),
        Spacer(1, 8),
        para(letter.salutation),
        Spacer(1, 4),
    ]  # fmt: skip
    body = list(letter.body)
    if body:
        story += [para(body[0], "justified"), Spacer(1, 6)]
    if letter.particulars:
        story += [layout.details(list(letter.particulars)), Spacer(1, 8)]
    for paragraph in body[1:]:
        story += [para(paragraph, "justified"), Spacer(1, 6)]
    story += [para(line) for line in letter.closing]
    story.append(layout.signature(doc.letterhead))
    return layout.build(story, doc.footer, doc_title=letter.title, subject=doc.reference)


def cause_list_pdf(doc: CauseListDoc) -> bytes:
    """The week's hearings, court by court."""
    story: list[Any] = [*_head(doc), layout.title("Cause list"), para(doc.period, "contact")]
    story.append(Spacer(1, 6))
    if not doc.courts:
        story.append(para("No hearings are recorded for this week.", "body"))
    for court in doc.courts:
        table = Table(doc.headers, court.rows, doc.widths)
        story += _section(f"{court.court} ({len(court.rows)})", layout.grid(table), len(table.rows))
    return layout.build(story, doc.footer, doc_title="Cause list", subject=doc.period)
