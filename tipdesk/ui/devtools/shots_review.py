"""The Review page for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers it): ``review-queue``, two demo cases whose accused share a victim's name (a common
name in one, the victim's CNIC in the other: the stronger sign, listed first), waiting for a
supervisor. Synthetic data only; the cases are deleted again once the picture is taken, so the
other screens do not count them.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtWidgets import QWidget

from tipdesk.core.codes import Gender
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.services import records as record_service
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.review.page import ReviewView

_WAIT_ROUNDS = 200  # the saves and the list run on the store's thread


def _cases() -> list[Case]:
    day = dt.date(2026, 5, 20)
    by_name = Case(
        case_number="FIR 141/2026", registered_on=day, district="PB-LHR",
        office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
        accused=[
            Accused(name="Rashid Mehmood", gender=Gender.MALE),
            Accused(name="Sana Bibi", father_name="Nazir Ahmed", gender=Gender.FEMALE),
        ],
        victims=[
            Victim(victim_code="V-2026-0141", district="PB-LHR", name="Sana Bibi",
                   father_name="Nazir Ahmed", gender=Gender.FEMALE, identified_on=day),
        ],
    )  # fmt: skip
    by_cnic = Case(
        case_number="FIR 147/2026", registered_on=day, district="PB-LHR",
        office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["sexual_exploitation"],
        accused=[
            Accused(name="Nadia Parveen", cnic="3520212345672", gender=Gender.FEMALE),
        ],
        victims=[
            Victim(victim_code="V-2026-0147", district="PB-LHR", name="Nadia Perveen",
                   cnic="3520212345672", gender=Gender.FEMALE, identified_on=day),
        ],
    )  # fmt: skip
    return [by_name, by_cnic]


def _review_queue(shots: Shots) -> QWidget:
    window = shots.main_window()
    if window.locked:
        window.unlock()
    runner = window.ctx.runner
    saved: list[str] = []
    for case in _cases():

        def done(_changes: object, case_id: str = case.id) -> None:
            saved.append(case_id)

        runner.submit(partial(record_service.save_one, record=case), done)
    for _ in range(_WAIT_ROUNDS):
        if len(saved) == 2:
            break
        settle(1)

    def undo() -> None:
        for case_id in saved:
            runner.submit(
                partial(
                    record_service.delete, kind="case", record_id=case_id, reason="screenshot only"
                ),
                lambda _changes: None,
            )

    shots.after_this(undo)
    window.show_page("review")
    page = window.page("review")
    assert isinstance(page, ReviewView)
    page.refresh()
    for _ in range(_WAIT_ROUNDS):
        if len(page.items) == 2:
            break
        settle(1)
    page.table.selectRow(0)
    settle()
    return window


register("review-queue", _review_queue)
