"""A full case entered from the keyboard alone, for ``bench/keystrokes.py``.

Drives the real Cases page and case editor on a signed-in install (synchronous runner) with
real key events (:class:`~tipdesk.ui.devtools.keys.Keyboard`): a new case with its details,
two accused and two victims (one with a referral), the narrative, saved with Ctrl+S. The
officer reaches each input the way the screen allows, taking the shorter: Tab when it is the
next input, else Alt and the label's underlined letter (its mnemonic), else Tab and
Shift+Tab until the focus is there (:func:`_go_to` counts every press); the shortcuts for
adding people and saving, Ctrl+Tab between tabs, arrows and Space in tick lists. Values are
typed, and choices in drop-down lists are made by typing their first letters, as one does.
Every step checks where the focus is, and the end checks what was saved, so a change that
costs keys shows here.

Nothing here is used by the app itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tipdesk.core.records import Case
from tipdesk.services.session import Session
from tipdesk.ui.devtools.keys import Keyboard
from tipdesk.ui.devtools.list_timing import _Ctx
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.editors.forms import RecordForm
from tipdesk.ui.style import apply_style

TAB = Qt.Key.Key_Tab
NO_MOD = Qt.KeyboardModifier.NoModifier


@dataclass
class Entry:
    """What entering the case cost, and the case saved."""

    keys: Keyboard
    steps: list[tuple[str, int]] = field(default_factory=list)
    """(step, navigation keys it took)."""
    case: Case | None = None


def _inside(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _tab_to(keys: Keyboard, widget: QWidget, limit: int = 40) -> None:
    """Tab (or Shift+Tab when the input is behind) until the focus is in ``widget``."""
    if _inside(widget):
        return
    forward = _before(QApplication.focusWidget(), widget)
    key = TAB if forward else Qt.Key.Key_Backtab
    mods = NO_MOD if forward else Qt.KeyboardModifier.ShiftModifier
    for _ in range(limit):
        keys.press(key, mods)
        if _inside(widget):
            return
    raise AssertionError(f"Tab never reached {widget.objectName()!r}")


def _before(focused: QWidget | None, widget: QWidget) -> bool:
    """Whether ``widget`` comes after ``focused`` in the focus chain."""
    if focused is None:
        return True
    probe: QWidget | None = focused.nextInFocusChain()
    for _ in range(2000):
        if probe is None or probe is focused:
            break
        if probe is widget or widget.isAncestorOf(probe):
            return True
        probe = probe.nextInFocusChain()
    return False


def _input(form: RecordForm, name: str) -> QWidget:
    editor: QWidget = form.fields[name].editor
    return editor


def _next_focus(focused: QWidget | None) -> QWidget | None:
    """Where Tab would go from ``focused``: the next widget in the chain that takes the
    focus by Tab and is shown and enabled."""
    if focused is None:
        return None
    probe: QWidget | None = focused.nextInFocusChain()
    while probe is not None and probe is not focused:
        takes = bool(probe.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes and probe.isVisible() and probe.isEnabled() and probe.focusProxy() is None:
            return probe
        probe = probe.nextInFocusChain()
    return None


def _mnemonic(form: RecordForm, name: str) -> str:
    """``Alt+G`` for a label "&Gender" (or a tick box's own text), or ""."""
    caption = form.captions.get(name)
    text = caption.text() if caption is not None else ""
    if not text:
        widget = form.fields[name].editor
        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    found = text.find("&")
    if 0 <= found < len(text) - 1 and text[found + 1] != "&":
        return f"Alt+{text[found + 1].upper()}"
    return ""


def _go_to(keys: Keyboard, form: RecordForm, name: str) -> None:
    """Put the focus in input ``name`` with the fewest keys (see the module docstring)."""
    target = _input(form, name)
    if _inside(target):
        return
    upcoming = _next_focus(QApplication.focusWidget())
    if upcoming is not None and (upcoming is target or target.isAncestorOf(upcoming)):
        keys.press(TAB)
        return
    mnemonic = _mnemonic(form, name)
    if mnemonic:
        keys.shortcut(mnemonic)
        if _inside(target):
            return
    _tab_to(keys, target)


def _type_into(keys: Keyboard, form: RecordForm, name: str, text: str) -> None:
    _go_to(keys, form, name)
    keys.type(text)


def _tick(keys: Keyboard, form: RecordForm, name: str, wanted: list[str]) -> None:
    """Tick ``wanted`` (codes) in a tick list: arrows to each line, Space."""
    checklist = form.editor(name)
    _go_to(keys, form, name)
    _tab_to(keys, checklist.list)
    codes = checklist.codes()
    for code in wanted:
        target = codes.index(code)
        row = checklist.list.currentIndex().row()
        if row < 0:
            keys.press(Qt.Key.Key_Down)  # the first line becomes current
            row = checklist.list.currentIndex().row()
        step = Qt.Key.Key_Down if target > row else Qt.Key.Key_Up
        keys.press(step, times=abs(target - row))
        keys.press(Qt.Key.Key_Space)
    assert sorted(checklist.value()) == sorted(wanted), checklist.value()


def enter_full_case(session: Session) -> Entry:
    """Enter the case (see the module docstring); return the keys it took and the case."""
    app = QApplication.instance() or QApplication(["tipdesk-keys", "-style", "fusion"])
    assert isinstance(app, QApplication)
    apply_style(app, fusion_set=True)
    ctx = _Ctx(session)
    view = CasesView(ctx)
    view.resize(1280, 800)
    view.show()
    handle = view.windowHandle()
    if handle is not None:
        handle.requestActivate()
    for _ in range(200):
        app.processEvents()
        if view.isActiveWindow():
            break
    keys = Keyboard()
    entry = Entry(keys)
    mark = [0]

    def step(name: str) -> None:
        entry.steps.append((name, keys.navigation - mark[0]))
        mark[0] = keys.navigation

    # Ctrl+N is the main window's; on the page alone it is the page's new_record (one key).
    view.new_record()
    keys.navigation += 1
    keys.log.append("Ctrl+N")
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    assert _inside(_input(form, "case_number"))
    keys.type("FIR 41/2026")
    _type_into(keys, form, "registered_on", "2026-05-20")
    _type_into(keys, form, "sections", "3")
    _type_into(keys, form, "investigating_officer", "SI Zubair Sial")
    _type_into(keys, form, "stage", "In")  # Investigation, by its first letters
    _tick(keys, form, "exploitation_forms", ["forced_labour"])
    _tick(keys, form, "means", ["debt_bondage", "threats"])
    step("details")

    for name, father, cnic, age in (
        ("Akram Khan", "Gul Khan", "35202-1234567-1", "41"),
        ("Bashir Ahmed", "Nazir Ahmed", "35202-7654321-3", "35"),
    ):
        keys.shortcut("Ctrl+Shift+A")
        accused = form.sections["accused"].forms[-1]
        assert _inside(_input(accused, "name"))
        keys.type(name)
        _type_into(keys, accused, "father_name", father)
        _type_into(keys, accused, "cnic", cnic)
        _type_into(keys, accused, "gender", "M")
        _type_into(keys, accused, "age", age)
        _type_into(keys, accused, "role", "Rec")
        _type_into(keys, accused, "arrest_status", "Ar")
        assert accused.editor("section").value() == "3"  # the case's section, prefilled
    step("two accused")

    for district, gender, age, name in (
        ("", "F", "16", "Sana Bibi"),
        ("D.G. Khan", "F", "19", "Rani Bibi"),  # identified elsewhere: a district's short form
    ):
        keys.shortcut("Ctrl+Shift+V")
        victim = form.sections["victims"].forms[-1]
        assert _inside(_input(victim, "victim_code"))  # suggested: kept as it is
        if district:
            _type_into(keys, victim, "district", district)
        _type_into(keys, victim, "gender", gender)
        _type_into(keys, victim, "age", age)
        _type_into(keys, victim, "name", name)
        _tick(keys, victim, "exploitation_forms", ["forced_labour"])
    keys.shortcut("Ctrl+Shift+R")  # a referral of the second victim
    referral = form.sections["victims"].forms[-1].sections["referrals"].forms[-1]
    assert _inside(_input(referral, "service"))
    keys.type("Sh")  # Shelter
    _type_into(keys, referral, "referred_on", "2026-05-21")
    step("two victims and a referral")

    keys.shortcut("Ctrl+Tab")  # Official involvement
    keys.shortcut("Ctrl+Tab")  # Narrative
    narrative = _input(form, "narrative")
    _tab_to(keys, narrative)
    keys.type("Two girls found working in a brick kiln to repay an advance.")
    step("narrative")

    keys.shortcut("Ctrl+S")
    step("save")
    assert editor.last_problems == [], [p.message for p in editor.last_problems]
    assert editor.record_id
    stored = session.store.get("case", editor.record_id)
    assert isinstance(stored, Case)
    entry.case = stored
    _check(stored)
    view.close()
    return entry


def _check(case: Case) -> None:
    """What was typed is what was saved."""
    assert (case.case_number, case.registered_on) == ("FIR 41/2026", dt.date(2026, 5, 20))
    assert (case.district, case.sections, case.stage.value) == ("PB-LHR", ["3"], "investigation")
    assert (case.exploitation_forms, sorted(case.means)) == (
        ["forced_labour"],
        ["debt_bondage", "threats"],
    )
    assert sorted(a.name for a in case.accused) == ["Akram Khan", "Bashir Ahmed"]
    assert all(a.role == "recruiter" and a.arrest_status.value == "arrested" for a in case.accused)
    districts = sorted(v.district for v in case.victims)
    assert districts == ["PB-DGK", "PB-LHR"], districts
    assert sorted(v.victim_code for v in case.victims) == [
        "V-PB-LHR-2026-0001",
        "V-PB-LHR-2026-0002",
    ]
    assert sum(len(v.referrals) for v in case.victims) == 1
    assert case.narrative.startswith("Two girls")
