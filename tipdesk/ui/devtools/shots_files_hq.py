"""HQ's Files tab for ``python -m tipdesk.ui.devtools.screenshots`` (``hq-case-files``): the
demo district attaches a scanned FIR and a photo to the case HQ corrected, sends the FIR to
HQ and exports; HQ imports the bundle and the sealed file from its inbox and opens the case:
the FIR received (shown), the photo's description only ("at the district"). Importing this
module registers the screen.

Made through the real sync services (the files are synthetic, drawn by
:mod:`tipdesk.ui.devtools.shots_files`); the district's files are removed again once the
picture is taken, so the other screens do not show them.
"""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tipdesk.core.records import Case
from tipdesk.services import attachments, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync.district import ExportResult
from tipdesk.ui.devtools import shots_sync
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.devtools.shots_files import _photo, _scan_pdf
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor


def _attach_and_send(session: Session, *, case_id: str, folder: Path, out: Path) -> tuple[
        list[str], ExportResult]:  # fmt: skip
    """At the district: two files on the case, the FIR marked for HQ, the case touched (its
    bundle carries the files' descriptions), the export."""
    fir = attachments.attach(
        session, _scan_pdf(folder / "FIR 118-2026 scan.pdf"), case_id=case_id, kind="fir",
        note="Typed copy received from the police station",
    )  # fmt: skip
    photo = attachments.attach(
        session, _photo(folder / "kiln-site.png"), case_id=case_id, kind="photo"
    )
    attachments.send_to_hq(session, fir.id)
    case = session.store.get("case", case_id)
    assert isinstance(case, Case)
    case.narrative += " The FIR scan is attached."
    records.save(session, [case])
    return [fir.id, photo.id], sync.export_bundle(session, out)


def _hq_case_files(shots: Shots) -> QWidget:
    hq_window = shots_sync._hq_window(shots)
    state = shots_sync._prepare(shots)
    district = state.window
    if district.locked:
        district.unlock()
    folder, out = shots.tmp / "hq-case-files", shots.tmp / "usb-files"
    folder.mkdir(exist_ok=True)
    out.mkdir(exist_ok=True)
    added, exported = shots_sync._run(
        district, partial(_attach_and_send, case_id=state.case_id, folder=folder, out=out)
    )

    def undo() -> None:
        for attachment_id in added:
            shots_sync._run(
                district,
                partial(attachments.remove, attachment_id=attachment_id, reason="screenshot only"),
            )

    shots.after_this(undo)
    inbox = state.hq_config.paths.inbox
    for path in [*(f.path for f in exported.files), *(f.path for f in exported.case_files)]:
        shutil.copy(path, inbox / path.name)
    shots_sync._hq_panel(hq_window).import_inbox()
    settle()
    page = hq_window.show_page("cases")
    assert isinstance(page, CasesView)
    editor = page.open_record(state.case_id)
    assert isinstance(editor, CaseEditor)
    settle()
    panel = editor.show_files()
    panel.refresh()
    settle()
    panel.table.selectRow(0)
    settle()
    hq_window.resize(*shots.size)
    settle()
    return hq_window


register("hq-case-files", _hq_case_files)
