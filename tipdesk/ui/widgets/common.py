"""Small building blocks shared by the screens: banners, section titles, cards, headers.

Everything here is styled through :mod:`tipdesk.ui.style` by object name or dynamic property.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tipdesk.ui.style import icon, repolish


def locale() -> QLocale:
    """The locale for numbers and dates: the system's, or English when it is the bare "C"
    locale (which would print 566276 without separators)."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.Pakistan)
    return loc


def number(value: int) -> str:
    """``566276`` -> ``566,276`` (in the user's locale)."""
    return locale().toString(value)


def counted(n: int, one: str, many: str) -> str:
    """``n`` with the right noun: ``one`` or ``many`` (texts already translated, with ``{n}``
    in them), the number in the user's locale: ``1 bundle``, ``1,204 records``."""
    return (one if n == 1 else many).format(n=number(n))


def date_text(iso: str) -> str:
    """``2026-06-01`` -> ``1 Jun 2026`` (month name in the user's locale)."""
    date = QDate.fromString(iso[:10], "yyyy-MM-dd")
    return locale().toString(date, "d MMM yyyy") if date.isValid() else iso


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def button(
    text: str,
    icon_name: str | None = None,
    *,
    primary: bool = False,
    danger: bool = False,
    flat: bool = False,
) -> QPushButton:
    widget = QPushButton(text)
    if icon_name:
        widget.setIcon(icon(icon_name, "#FFFFFF" if primary else None if flat else "#3D4A57"))
    if primary:
        widget.setProperty("primary", True)
    if danger:
        widget.setProperty("danger", True)
    if flat:
        widget.setProperty("flat", True)
    return widget


def scroll_area(content: QWidget | None, *, framed: bool = False) -> QScrollArea:
    """``content`` in a scroll area that keeps it as wide as the area (frameless unless
    ``framed``): a page or tab taller than the window. ``None``: the content is given later
    (``setWidget``), once the area is in place: giving it a filled widget styles all of it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    if not framed:
        area.setFrameShape(QFrame.Shape.NoFrame)
    if content is not None:
        area.setWidget(content)
    return area


class Banner(QLabel):
    """A one-paragraph message in a tinted box: ``info``, ``ok``, ``warning`` or ``error``."""

    def __init__(self, kind: str = "info", text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.set_message(kind, text)

    def set_message(self, kind: str, text: str) -> None:
        self.setProperty("banner", kind)
        self.setText(text)
        self.setVisible(bool(text))
        # A dynamic property changed: re-apply the style sheet to this widget.
        repolish(self)

    @property
    def kind(self) -> str:
        return str(self.property("banner"))


class Card(QFrame):
    """A white rounded panel with an optional title; put content in :attr:`body`."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 14)
        outer.setSpacing(8)
        self.title_label = label(title, "sectionTitle")
        self.title_label.setVisible(bool(title))
        outer.addWidget(self.title_label)
        self.hint_label = label("", "hint", wrap=True)
        self.hint_label.hide()
        outer.addWidget(self.hint_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body)

    def set_hint(self, text: str) -> None:
        """A small line under the title."""
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))


class PageHeader(QFrame):
    """The strip at the top of a page: a title, a subtitle and room for action buttons."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageHeader")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 24, 14)
        row.setSpacing(10)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title_label = label(title)
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = label(subtitle)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setVisible(bool(subtitle))
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)
        row.addLayout(texts, 1)
        self.action_bar = QHBoxLayout()
        self.action_bar.setSpacing(8)
        row.addLayout(self.action_bar)

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))
