"""The Review page: accused who may be a victim of their own case, listed for a supervisor,
resolved with a note; officers read it (victims by code) without the buttons; the dashboard
says how many wait and opens the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, GUI_PASSPHRASE
from records_support import RecordsApp, open_app

from tipdesk.core.codes import Gender
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.services import records as record_service
from tipdesk.services import session as session_service
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.review.page import ReviewView


def _overlap(config: AppConfig) -> Case:
    """A case whose second accused has the victim's name (saved by the admin)."""
    admin = session_service.sign_in(
        config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=config.clock
    )
    try:
        case = Case(
            case_number="FIR 9/2026", registered_on=dt.date(2026, 1, 5), district="PB-LHR",
            office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
            accused=[
                Accused(name="Akram Khan", gender=Gender.MALE),
                Accused(name="Sana Bibi", father_name="Nazir Ahmed", gender=Gender.FEMALE),
            ],
            victims=[
                Victim(
                    victim_code="V-9", district="PB-LHR", name="Sana Bibi",
                    father_name="Nazir Ahmed", gender=Gender.FEMALE,
                    identified_on=dt.date(2026, 1, 5),
                )
            ],
        )  # fmt: skip
        record_service.save_one(admin, case)
        return case
    finally:
        admin.close()


@pytest.fixture
def overlap_app(gui_config: AppConfig, make_install: Callable[..., str]) -> tuple[AppConfig, Case]:
    make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    return gui_config, _overlap(gui_config)


def _page(qtbot: Any, app: RecordsApp) -> ReviewView:
    page = ReviewView(app.ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.activated()
    return page


def test_a_supervisor_reviews_an_overlap(
    qtbot: Any, overlap_app: tuple[AppConfig, Case], monkeypatch: pytest.MonkeyPatch
) -> None:
    config, case = overlap_app
    app = open_app(config)
    try:
        page = _page(qtbot, app)
        assert page.model.row_count() == 1
        assert page.model.row(0)[:5] == ("FIR 9/2026", "Lahore", "Sana Bibi", "V-9", "Same name")
        assert "1 accused to review" in page.banner.text()
        assert not page.different_button.isEnabled()  # nothing selected yet
        page.table.selectRow(0)
        assert page.different_button.isEnabled() and page.same_button.isEnabled()
        opened: list[tuple[str, str]] = []
        app.ctx.events.sig_open_record.connect(lambda kind, rid: opened.append((kind, rid)))
        page.open_button.click()
        assert opened == [("case", case.id)]

        notes: list[str] = []

        def ask(decision: str, item: Any) -> str:
            notes.append(decision)
            return "different father's name, checked with the IO"

        monkeypatch.setattr(page, "ask_note", ask)
        page.different_button.click()
        assert notes == ["different"]
        assert page.model.row_count() == 0
        assert page.banner.text() == "Nothing to review."
        page.show_box.setCurrentIndex(1)  # reviewed ones too
        assert page.model.row(0)[5] == "Two people, by admin1"
        stored = app.session.store.get("case", case.id)
        assert isinstance(stored, Case)
        assert stored.accused[1].dual_role_decision == "different"
    finally:
        app.runner.close()
    assert app.errors.seen == []


def test_an_officer_reads_the_queue_without_signs_or_buttons(
    qtbot: Any, overlap_app: tuple[AppConfig, Case]
) -> None:
    config, _case = overlap_app
    app = open_app(config, "bilal", GUI_OTHER_PASSPHRASE)
    try:
        page = _page(qtbot, app)
        assert page.model.row(0)[3:5] == ("V-9", "")  # the code, never which field matched
        assert not page.different_button.isVisible() and not page.same_button.isVisible()
        assert "A supervisor reviews them." in page.banner.text()
    finally:
        app.runner.close()
    assert app.errors.seen == []


def test_the_dashboard_says_how_many_wait_and_opens_the_queue(
    qtbot: Any, overlap_app: tuple[AppConfig, Case]
) -> None:
    config, _case = overlap_app
    app = open_app(config, "bilal", GUI_OTHER_PASSPHRASE)
    try:
        page = DashboardView(app.ctx)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert page.review_notice.isVisible()
        assert page.review_banner.text().startswith("1 accused may be a victim")
        shown: list[str] = []
        app.ctx.events.sig_show_page.connect(shown.append)
        page.review_button.click()
        assert shown == ["review"]
    finally:
        app.runner.close()
    assert app.errors.seen == []
