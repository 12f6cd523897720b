"""Layout helpers shared by the editors: scrolling pages, titled groups, two columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.pages.records.editors.forms import new_form_layout
from tipdesk.ui.widgets.common import scroll_area


def scroll_page(content: QWidget | None) -> QScrollArea:
    """An editor's page in a frameless scroll area that never scrolls sideways (``None``:
    the page is given later, see :func:`~tipdesk.ui.widgets.common.scroll_area`)."""
    area = scroll_area(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def group(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    form = new_form_layout()
    box.setLayout(form)
    return box, form


def columns(
    *items: QWidget | QLayout, stretch_last: bool = True, stretch: tuple[int, ...] = ()
) -> QHBoxLayout:
    """Side by side, top-aligned; each column a vertical stack of ``items`` groups, sharing
    the width by ``stretch`` (equal shares when not given)."""
    row = QHBoxLayout()
    row.setSpacing(16)
    for i, item in enumerate(items):
        col = QVBoxLayout()
        col.setSpacing(12)
        if isinstance(item, QWidget):
            col.addWidget(item)
        else:
            col.addLayout(item)
        col.addStretch(1)
        row.addLayout(col, stretch[i] if i < len(stretch) else 1)
    return row


def stack(*widgets: QWidget) -> QVBoxLayout:
    col = QVBoxLayout()
    col.setSpacing(12)
    for w in widgets:
        col.addWidget(w)
    return col
