"""Choosing a district (searchable, grouped by province) and an office of that district (the
reference list's offices, or any name typed in), and the District input of the record forms.

The reference lists are read-only plain data, so these widgets use them on the GUI thread.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from tipdesk.core.codes import OfficeKind
from tipdesk.core.reference import Reference
from tipdesk.ui.widgets.fields import CodeCombo, Suggestions, district_items

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def district_model(reference: Reference) -> QStandardItemModel:
    """Province headings (not selectable) each followed by its districts, sorted by name."""
    model = QStandardItemModel()
    bold = QFont()
    bold.setBold(True)
    for province in sorted(reference.provinces.values(), key=lambda p: p.name):
        heading = QStandardItem(province.name)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setFont(bold)
        heading.setData("", CODE_ROLE)
        model.appendRow(heading)
        for district in sorted(reference.districts_of(province.code), key=lambda d: d.name):
            item = QStandardItem("    " + district.name)
            item.setData(district.code, CODE_ROLE)
            item.setData(f"{district.name} ({province.name})", Qt.ItemDataRole.ToolTipRole)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            model.appendRow(item)
    return model


class DistrictCombo(QComboBox):
    """A searchable district picker. :meth:`district_code` is ``""`` until a district is picked
    (typing a district's name picks it)."""

    sig_district_changed = Signal(str)
    """The chosen district's code ("" for none)."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.setEditable(True)
        self.edit = QLineEdit(self)
        self.setLineEdit(self.edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setModel(district_model(reference))
        self.setMaxVisibleItems(16)
        self.edit.setPlaceholderText(self.tr("Type to search, e.g. Lahore"))
        # The completer searches district names anywhere in the text, ignoring the headings.
        names = QStandardItemModel(self)
        for d in sorted(reference.districts.values(), key=lambda d: d.name):
            province = reference.provinces[d.province].name
            item = QStandardItem(d.name)
            item.setData(d.code, CODE_ROLE)
            item.setData(province, Qt.ItemDataRole.ToolTipRole)
            names.appendRow(item)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self._code = ""
        self.currentIndexChanged.connect(self._on_index_changed)
        self.edit.textEdited.connect(self._on_text_edited)
        completer.activated.connect(self.set_district)

    def district_code(self) -> str:
        return self._code

    def set_district(self, name_or_code: str) -> None:
        found = self._reference.district(name_or_code.strip())
        if found is None:
            return
        for row in range(self.count()):
            if self.itemData(row, CODE_ROLE) == found.code:
                self.setCurrentIndex(row)
                self.setEditText(found.name)
                break
        self._set_code(found.code)

    def _on_index_changed(self, row: int) -> None:
        code = str(self.itemData(row, CODE_ROLE) or "") if row >= 0 else ""
        if code:
            self.setEditText(self._reference.districts[code].name)
        self._set_code(code)

    def _on_text_edited(self, text: str) -> None:
        found = self._reference.district(text.strip())
        self._set_code(found.code if found else "")

    def _set_code(self, code: str) -> None:
        if code != self._code:
            self._code = code
            self.sig_district_changed.emit(code)


class OfficeCombo(QComboBox):
    """The offices of one district from the reference list (FIA circles first), or any name
    typed in. :meth:`office` is what ``init_install`` takes: a code for a listed office, else
    the typed name."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.setEditable(True)
        self.edit = QLineEdit(self)
        self.setLineEdit(self.edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.edit.setPlaceholderText(self.tr("Choose an FIA circle or type the office's name"))
        self.set_district("")

    def set_district(self, district_code: str) -> None:
        self.clear()
        offices = [o for o in self._reference.offices.values() if o.district == district_code]
        offices.sort(key=lambda o: (o.kind != OfficeKind.FIA_CIRCLE.value, o.name))
        for office in offices:
            self.addItem(office.name, office.code)
        self.setCurrentIndex(0 if offices else -1)
        if not offices:
            self.setEditText("")

    def office(self) -> str:
        text = self.currentText().strip()
        row = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if row >= 0 and self.itemData(row):
            return str(self.itemData(row))
        return text


_IN_BRACKETS = re.compile(r"^(?P<head>.*?)\s*\([^()]*\)\s*$")
_WORDS: dict[tuple[tuple[str, str], ...], QStandardItemModel] = {}


def _words_model(reference: Reference) -> QStandardItemModel:
    """What the District box suggests: every district's name ("Lahore (Punjab)") and alias
    ("D.G. Khan (Dera Ghazi Khan)"), by name; built once per list (every victim's form has a
    District box), kept for the life of the app."""
    key = tuple(reference.district_words())
    words = _WORDS.get(key)
    if words is None:
        words = QStandardItemModel()
        for word, code in key:
            district = reference.districts[code]
            province = reference.provinces.get(district.province)
            place = district.name if word != district.name else (province.name if province else "")
            item = QStandardItem(f"{word} ({place})" if place else word)
            item.setData(code, CODE_ROLE)
            words.appendRow(item)
        words.sort(0)
        _WORDS[key] = words
    return words


class DistrictField(CodeCombo):
    """The District input of the record forms: the districts as "Lahore (Punjab)", and the
    district's name or a common short form typed in ("Lahore", "lahore", "D.G. Khan",
    "Pindi": the reference data's aliases).

    The suggestions list names and aliases containing the typed text. Enter or leaving the
    box settles the text: a name, alias or code becomes that district, and the start of one
    district's name ("Mul") completes to it; anything else stays as typed, for validation to
    name (``value()`` is then the text itself, which the services also resolve)."""

    def __init__(self, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(district_items(reference), parent, searchable=True, shared=True)
        self._reference = reference
        completer = Suggestions(_words_model(reference), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        # The index overload of QCompleter.activated; the stubs do not type signal overloads.
        completer.activated[QModelIndex].connect(self._on_completed)  # type: ignore[index]
        line = self.lineEdit()
        if line is not None:  # editable: always
            line.editingFinished.connect(self.settle)
            line.setPlaceholderText(self.tr("Type the district's name, e.g. Lahore"))

    def _code_of(self, text: str) -> str:
        """The district ``text`` stands for ("" when none): an item's text, a name, an alias
        or a code, with or without the "(Province)" the list adds."""
        text = text.strip()
        if not text:
            return ""
        row = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if row >= 0 and self.itemData(row):
            return str(self.itemData(row))
        found = self._reference.district(text)
        if found is None:
            m = _IN_BRACKETS.match(text)
            found = self._reference.district(m["head"]) if m else None
        return found.code if found else ""

    def value(self) -> str:
        text = self.currentText()
        row = self.currentIndex()
        if row >= 0 and self.itemText(row) == text:
            return str(self.itemData(row) or "")
        return self._code_of(text) or text.strip()

    def _on_completed(self, index: QModelIndex) -> None:
        code = str(index.data(CODE_ROLE) or "")
        if code:
            self._choose(code)

    def settle(self) -> None:
        """Enter or leaving the box: the typed text becomes its district when it names one,
        or is the start of exactly one district's name or alias."""
        text = self.currentText().strip()
        if not text:
            return
        code = self._code_of(text)
        if not code:
            found = self._reference.districts_starting(text)
            code = found[0].code if len(found) == 1 else ""
        if code:
            self._choose(code)

    def _choose(self, code: str) -> None:
        before = self.value()
        row = self.findData(code)
        if row < 0:
            return
        if row != self.currentIndex() or self.currentText() != self.itemText(row):
            self.setCurrentIndex(row)
            self.setEditText(self.itemText(row))
        if code != before:
            self.sig_edited.emit()
