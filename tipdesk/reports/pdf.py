"""PDF writer (reportlab): a printable report on landscape A4.

Contract: page 1 is the title page (the report's title, which says "national" only for the
whole country at HQ; scope, period, comparison period, generated-at time, coverage summary
naming the stale districts and those whose device never sent data, the quarantine note,
suppression note); then the headline table with the accused chart; the trend and victims
charts; then every table (long tables continue on the next page with their header repeated),
coverage and quarantine last, and a page of definitions in words. Every page carries a
footer with the title, the period, the generated-at time and the page number. Hidden cells
print as ``"<5"``/``"x"`` (never their values). Output is deterministic for the same report
(reportlab's invariant mode: fixed ids and dates).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from tipdesk.reports import rtl_text, sentences
from tipdesk.reports.localize import ENGLISH, Wording, latin, localized_table
from tipdesk.reports.model import Cell, ColumnKind, CoverageRow, CoverageStatus, Report, Table
from tipdesk.reports.pdf_charts import (
    BLUE,
    FUNNEL_TITLE,
    TREND_TITLE,
    VICTIMS_TITLE,
    funnel_chart,
    trend_chart,
    victims_chart,
)
from tipdesk.reports.writers import (
    coverage_table,
    headline_table,
    quarantine_note,
    quarantine_table,
)

PAGE = landscape(A4)
MARGIN = 14 * mm
WIDTH = PAGE[0] - 2 * MARGIN
_styles = getSampleStyleSheet()
TITLE = ParagraphStyle("t", parent=_styles["Title"], fontSize=26, leading=32, spaceAfter=14)
H1 = ParagraphStyle("h1", parent=_styles["Heading2"], textColor=BLUE, spaceBefore=6)
BODY = ParagraphStyle("b", parent=_styles["BodyText"], fontSize=10, leading=13)
# Notes and footers in a grey dark enough to read (7.0:1 on white; WCAG AA asks 4.5:1).
NOTE_GREY = colors.HexColor("#595959")
SMALL = ParagraphStyle("s", parent=BODY, fontSize=8, leading=10, textColor=NOTE_GREY)
HEAD = ParagraphStyle(
    "hd", parent=BODY, fontSize=7.5, leading=9, textColor=colors.white, fontName="Helvetica-Bold"
)
CELL = ParagraphStyle("c", parent=BODY, fontSize=8, leading=9.5)


def _fmt(value: Any, kind: ColumnKind) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) or (kind is ColumnKind.RATE and isinstance(value, int)):
        return f"{value:.1%}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _col_widths(table: Table) -> list[float]:
    """Text columns get room for their longest entry (within limits); figures share the rest."""
    n = len(table.columns)
    text_cols = [
        i for i, c in enumerate(table.columns) if c.kind in (ColumnKind.TEXT, ColumnKind.DATE)
    ]
    widths = [0.0] * n
    for i in text_cols:
        longest = max(
            [len(str(r[i])) for r in [*table.rows, *([table.total] if table.total else [])]]
            + [len(table.columns[i].label)]
        )
        widths[i] = min(max(longest * 5.2 + 10, 45), 190)
    rest = WIDTH - sum(widths)
    figures = n - len(text_cols)
    for i in range(n):
        if i not in text_cols:
            widths[i] = min(max(rest / max(figures, 1), 40), 95)
    if sum(widths) > WIDTH:  # shrink everything in proportion rather than run off the page
        scale = WIDTH / sum(widths)
        widths = [w * scale for w in widths]
    elif figures == 0 or n <= 4:  # small tables need not span the page
        widths = [min(w, 220) for w in widths]
    return widths


def pdf_table(table: Table, change_col: str | None = None, wording: Wording = ENGLISH) -> list[Any]:
    """A table as flowables: heading, the table (header repeated on every page), its note;
    worded by ``wording``, its columns mirrored (the first on the right) when right to left."""
    table = localized_table(table, wording)
    header = [rtl_text.paragraph(c.label, HEAD) for c in table.columns]
    body: list[list[Any]] = []
    rows = [*table.rows, *([table.total] if table.total else [])]
    for row in rows:
        cells: list[Any] = []
        for col, v in zip(table.columns, row, strict=True):
            shown = v.display if isinstance(v, Cell) else v
            if col.key == change_col and isinstance(shown, float):
                cells.append(f"{shown:+.1%}" if round(shown, 3) else "0.0%")
            elif col.kind is ColumnKind.TEXT and isinstance(shown, str) and len(shown) > 30:
                cells.append(rtl_text.paragraph(shown, CELL))
            elif isinstance(shown, str) and rtl_text.has_rtl(shown):
                cells.append(rtl_text.paragraph(shown, CELL))  # an Urdu name, shaped
            else:
                cells.append(_fmt(shown, col.kind))
        body.append(cells)
    widths = _col_widths(table)
    figures = [
        i for i, c in enumerate(table.columns) if c.kind in (ColumnKind.COUNT, ColumnKind.RATE)
    ]
    if wording.rtl:  # right to left: the first column on the right, the table at the right
        n = len(table.columns)
        header, body, widths = header[::-1], [r[::-1] for r in body], widths[::-1]
        figures = [n - 1 - i for i in figures]
    t = LongTable(
        [header, *body], colWidths=widths, repeatRows=1, hAlign="RIGHT" if wording.rtl else "LEFT"
    )
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), BLUE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTSIZE", (0, 1), (-1, -1), 8),
        ("LEADING", (0, 1), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#BFBFBF")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F2F2")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in figures:
        style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if table.total:
        style += [
            ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    t.setStyle(TableStyle(style))
    out: list[Any] = [rtl_text.paragraph(table.title, H1), Spacer(1, 2), t]
    if table.note:
        out += [Spacer(1, 3), rtl_text.paragraph(table.note, SMALL)]
    out.append(Spacer(1, 10))
    # Short tables stay on one page with their heading; long ones split with the header row
    # repeated (the heading is kept with the first rows at least).
    return [KeepTogether(out)] if len(rows) <= 25 else [KeepTogether(out[:3]), *out[3:]]


def _coverage_pages(report: Report, wording: Wording = ENGLISH) -> list[Any]:
    """The coverage table without the districts that have no device and no data (170 rows
    would fill six pages): those are named in one paragraph after it. The other formats list
    every district."""
    table = coverage_table(report, wording)
    quiet = {
        r.district
        for r in report.coverage.rows
        if r.status is CoverageStatus.NO_DEVICE and not r.last_update
    }
    if not quiet:
        return pdf_table(table, wording=wording)
    code = [c.key for c in table.columns].index("district")
    table.rows = [row for row in table.rows if row[code] not in quiet]
    names = [r.district_name for r in report.coverage.rows if r.district in quiet]
    if wording is not ENGLISH:
        quiet_note = rtl_text.paragraph(
            wording(QUIET_NOTE).format(n=len(names)) + " " + latin(", ".join(names)), SMALL
        )
    else:
        quiet_note = Paragraph(
            f"<b>No device registered and no data</b> ({len(names)} districts): "
            + _esc(", ".join(names))
            + ".",
            SMALL,
        )
    return [*pdf_table(table, wording=wording), quiet_note, Spacer(1, 10)]


QUIET_NOTE = "No device registered and no data ({n} districts):"


def _names(rows: list[CoverageRow], limit: int = 40) -> str:
    names = [r.district_name for r in rows]
    more = len(names) - limit
    return ", ".join(names[:limit]) + (
        f" and {more} more (see the coverage table)" if more > 0 else ""
    )


SUBTITLE = "Human trafficking: cases, prosecutions, victims, training and awareness"
COUNTING_NOTE = (
    "Each figure is counted by its own event date (registration, date proceeded against, "
    "judgment, identification, session end, campaign start); the definitions are on "
    "the last page of this report. Deleted records never count."
)


def _worded_title_page(report: Report, tr: Wording) -> list[Any]:
    """The title page in a translated wording: labels and the sentences made from the data
    translated (:mod:`tipdesk.reports.sentences`), names and dates as the report gives them."""
    from tipdesk.reports.xlsx import _suppression_text

    cov = report.coverage
    lines = [
        (tr("Scope"), sentences.scope(report, tr)),
        (tr("Period"), f"{latin(report.period[0])} – {latin(report.period[1])}"),
        (
            tr("Compared with"),
            f"{latin(report.previous_period[0])} – {latin(report.previous_period[1])}",
        ),
        (tr("Generated at"), latin(report.generated_at)),
        (tr("Coverage"), sentences.coverage_summary(cov, tr)),
        (tr("Small-cell suppression"), _suppression_text(report, tr)),
    ]
    if cov.quarantine:
        lines.append((tr("Held in quarantine"), quarantine_note(report, tr)))
    out: list[Any] = [
        Spacer(1, 24 * mm),
        rtl_text.paragraph(tr(report.title), TITLE),
        rtl_text.paragraph(tr(SUBTITLE), H1),
        Spacer(1, 6 * mm),
    ]
    out += [rtl_text.paragraph(f"{label}: {value}", BODY) for label, value in lines]
    out += [Spacer(1, 6 * mm), rtl_text.paragraph(tr(COUNTING_NOTE), SMALL), PageBreak()]
    return out


def _title_page(report: Report) -> list[Any]:
    cov = report.coverage
    stale = [r for r in cov.rows if r.stale and r.status is not CoverageStatus.NEVER_SENT]
    silent = [r for r in cov.rows if r.status is CoverageStatus.NEVER_SENT]
    supp = report.suppression
    lines = [
        f"<b>Scope:</b> {_esc(report.scope_label)}",
        f"<b>Period:</b> {report.period[0]} to {report.period[1]}",
        f"<b>Compared with:</b> {report.previous_period[0]} to {report.previous_period[1]}",
        f"<b>Generated at:</b> {report.generated_at}",
        f"<b>Coverage:</b> {_esc(cov.summary())}",
    ]
    if stale:
        lines.append(
            f"<b>Stale districts</b> (nothing newer than {cov.stale_before}): "
            f"{_esc(_names(stale))}."
        )
    if silent:
        lines.append(
            "<b>Registered but never sent data</b> (call them): " + _esc(_names(silent)) + "."
        )
    if cov.quarantine:
        lines.append(f"<b>Quarantine:</b> {_esc(quarantine_note(report))}")
    lines.append(
        "<b>Small cells:</b> "
        + (
            f"counts of 1 to {supp['threshold'] - 1} are shown as &lt;{supp['threshold']}; "
            "x hides a count of any size (small ones too) so that no hidden count can be "
            "worked out from the others."
            if supp
            else "not suppressed: this report is for internal use."
        )
    )
    out: list[Any] = [
        Spacer(1, 24 * mm),
        rtl_text.paragraph(report.title, TITLE),
        Paragraph(SUBTITLE, H1),
        Spacer(1, 6 * mm),
    ]
    out += [Paragraph(line, BODY) for line in lines]
    out += [
        Spacer(1, 6 * mm),
        Paragraph(COUNTING_NOTE, SMALL),
        PageBreak(),
    ]
    return out


# What each headline figure counts, for readers of the printed report (the same definitions
# as docs/report-definitions.md, in words).
DEFINITIONS = (
    (
        "Cases registered (probed)",
        "Cases (FIR or enquiry) registered in the period, by date of registration.",
    ),
    (
        "Accused proceeded against (challan)",
        "Accused persons against whom a challan was submitted in the period, by that date.",
    ),
    (
        "Accused convicted / acquitted",
        "Accused persons whose judgment in the period convicted "
        "or acquitted them, by judgment date.",
    ),
    (
        "Conviction rate",
        "Convicted divided by (convicted + acquitted) in the period: the share "
        "of decided trials ending in conviction. Its change is in percentage points (pts).",
    ),
    (
        "Victims identified",
        "Victims identified in the period, by identification date; a child is under 18.",
    ),
    (
        "Persons trained",
        "Participants of training sessions ending in the period (a person "
        "trained twice counts twice).",
    ),
    (
        "Awareness campaigns, people reached",
        "Campaigns starting in the period and the people they report reaching.",
    ),
    (
        "Coverage",
        "Which districts' data the figures hold: at HQ, every district of the "
        "reference list, with its registered devices and its last bundle. A district with no "
        "device, or whose device never sent data, adds nothing to the figures.",
    ),
    (
        "Quarantine",
        "Records a district sent that failed HQ's checks (for example a police "
        "station HQ does not know yet). They are in no figure until they pass.",
    ),
)


def _definitions(tr: Wording = ENGLISH) -> list[Any]:
    out: list[Any] = [PageBreak(), rtl_text.paragraph(tr("Definitions"), H1), Spacer(1, 2)]
    for term, text in DEFINITIONS:
        if tr is ENGLISH:
            out.append(Paragraph(f"<b>{_esc(term)}:</b> {_esc(text)}", BODY))
        else:
            out.append(rtl_text.paragraph(f"{tr(term)}: {tr(text)}", BODY))
        out.append(Spacer(1, 3))
    return out


FOOTER = "{title} · {scope} · {start} to {end} · generated {at}"


def to_pdf(report: Report, wording: Wording = ENGLISH) -> bytes:
    """The report as PDF bytes (see the module contract), worded by ``wording``."""
    buf = io.BytesIO()
    tr = wording
    keep = (lambda text: text) if tr is ENGLISH else latin
    footer = tr(FOOTER).format(
        title=tr(report.title),
        scope=sentences.scope(report, tr),
        start=keep(report.period[0]),
        end=keep(report.period[1]),
        at=keep(report.generated_at),
    )

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(NOTE_GREY)
        page = tr("Page {n}").format(n=doc.page)
        if tr is ENGLISH:
            canvas.drawString(MARGIN, 8 * mm, footer)
            canvas.drawRightString(PAGE[0] - MARGIN, 8 * mm, page)
        else:  # Urdu needs shaping: the footer as a paragraph, the page number on the left
            for text, x, width in (
                (footer, PAGE[0] / 3, PAGE[0] * 2 / 3 - MARGIN),
                (page, MARGIN, 60),
            ):
                para = rtl_text.paragraph(text, SMALL)
                para.wrapOn(canvas, width, 20 * mm)
                para.drawOn(canvas, x, 6 * mm)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        title=tr(report.title),
        author="TIPDesk",
        subject=f"{report.period[0]} to {report.period[1]}",
        invariant=1,
    )
    story = _title_page(report) if tr is ENGLISH else _worded_title_page(report, tr)
    story += pdf_table(headline_table(report), change_col="change", wording=tr)
    if tr is ENGLISH:
        story += [funnel_chart(report, WIDTH), PageBreak()]
        story += [trend_chart(report, WIDTH), Spacer(1, 8), victims_chart(report, WIDTH)]
    else:  # the titles shaped above the charts (a chart's words are drawn by the chart)
        story += [rtl_text.paragraph(tr(FUNNEL_TITLE), H1)]
        story += [funnel_chart(report, WIDTH, title=False, wording=tr), PageBreak()]
        story += [rtl_text.paragraph(tr(TREND_TITLE), H1)]
        story += [trend_chart(report, WIDTH, title=False, wording=tr), Spacer(1, 8)]
        story += [rtl_text.paragraph(tr(VICTIMS_TITLE), H1)]
        story += [victims_chart(report, WIDTH, title=False, wording=tr)]
    story.append(PageBreak())
    for table in report.tables.values():
        if table.key != "trend":
            story += pdf_table(table, wording=tr)
    story += pdf_table(report.tables["trend"], wording=tr)
    story += _coverage_pages(report, tr)
    held = quarantine_table(report, tr)
    if held is not None:
        story += pdf_table(held, wording=tr)
    story += _definitions(tr)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
