"""The look: a calm light theme with one accent colour, readable fonts, icons from
``resources/icons`` (simple stroke SVGs drawn in the colour asked for), translations.

Contract: :func:`apply_style` and :func:`install_translations` are called once, on the GUI
thread, right after the ``QApplication`` exists. :func:`icon` caches per (name, colour).
Widgets pick styles by object name or by the dynamic properties used in the style
sheet below (``primary``, ``danger``, ``role``), never by hard-coded colours of their own.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from tipdesk.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon

# Start-up (the sign-in window) avoids what it does not need: every Qt class Python touches
# first costs its enums' creation, and SVG rendering, icons and translators wait until later.

ACCENT = "#1F6F8B"
ACCENT_DARK = "#17566C"
ACCENT_SOFT = "#E3EFF3"
BACKGROUND = "#F3F5F7"
SURFACE = "#FFFFFF"
BORDER = "#D5DBE1"
TEXT = "#1E2A36"
MUTED = "#5A6775"
DANGER = "#B42318"
DANGER_SOFT = "#FDECEA"
SUCCESS = "#1E7B4F"
SUCCESS_SOFT = "#E6F4EC"
WARNING = "#9A5B00"
WARNING_SOFT = "#FFF4E0"

#: Chart series colours: the accent first, then calm companions that stay apart in grey print.
SERIES = ("#1F6F8B", "#E08E45", "#6A9F58", "#8C6BB1", "#C45A6A", "#7F8C99")

BASE_POINT_SIZE = 10

#: A table cell's padding left and right (pixels): what a wrapped cell's text loses in width
#: (:func:`tipdesk.ui.widgets.text_table.wrap_column` measures rows at that width).
CELL_PADDING = 6


def style_sheet(icons: str) -> str:
    """The style sheet; ``icons`` is the icon folder as a URL path (forward slashes)."""
    return f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QWizard, #startWindow, #lockScreen {{ background: {BACKGROUND}; }}
QToolTip {{ color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; padding: 4px; }}

/* sidebar */
#sidebar {{ background: {SURFACE}; border: none; border-right: 1px solid {BORDER}; }}
#sidebar[rtl="true"] {{ border-right: none; border-left: 1px solid {BORDER}; }}
#brand {{ font-size: 13pt; font-weight: 600; color: {TEXT}; }}
#brandSub {{ color: {MUTED}; font-size: 9pt; }}
#nav {{ background: transparent; border: none; outline: none; }}
#nav::item {{ padding: 7px 10px; margin: 1px 8px; border-radius: 6px; color: {TEXT}; }}
#nav::item:hover {{ background: {BACKGROUND}; }}
#nav::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK}; font-weight: 600; }}

/* setup wizard */
#wizardSteps {{ background: {ACCENT}; }}
#wizardSteps QLabel {{ color: #D6E7ED; }}
#wizardSteps #wizardBrand {{ color: white; font-size: 14pt; font-weight: 600; }}
#wizardSteps QLabel[step="now"] {{ color: white; font-weight: 600; }}
#wizardSteps QLabel[step="done"] {{ color: #D6E7ED; font-weight: 400; }}
#wizardSteps QLabel[step="todo"] {{ color: #9EC3D0; font-weight: 400; }}
#wizardTitle {{ font-size: 15pt; font-weight: 600; }}
#wizardSteps QLabel[role="stepsHint"] {{ color: #B9D5DF; font-size: 9pt; }}

/* page header */
#pageHeader {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
#pageTitle {{ font-size: 15pt; font-weight: 600; }}
#pageSubtitle {{ color: {MUTED}; }}

/* cards and sections */
#card, QFrame[card="true"] {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
}}
QLabel[role="sectionTitle"] {{ font-size: 11pt; font-weight: 600; }}
QFrame#fieldFrame {{ border: 2px solid transparent; border-radius: 8px; }}
QFrame#fieldFrame[problem="true"] {{ border: 2px solid {DANGER}; background: {DANGER_SOFT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="figure"] {{ font-size: 20pt; font-weight: 600; color: {TEXT}; }}
QLabel[role="figureLabel"] {{ color: {MUTED}; }}
QLabel[role="figureDanger"] {{ font-size: 20pt; font-weight: 600; color: {DANGER}; }}
QLabel[role="hint"] {{ color: {MUTED}; font-size: 9pt; }}
QLabel[role="error"] {{ color: {DANGER}; }}
QLabel[role="mono"] {{ font-family: "DejaVu Sans Mono", "Consolas", monospace; }}

/* banners */
QFrame#overdueNotice {{ background: {WARNING_SOFT}; border-bottom: 1px solid {BORDER}; }}
QFrame#overdueNotice QLabel {{ color: {TEXT}; }}
QLabel[banner="info"] {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK};
    border: 1px solid #BCD8E2; border-radius: 6px; padding: 8px 10px; }}
QLabel[banner="ok"] {{ background: {SUCCESS_SOFT}; color: {SUCCESS};
    border: 1px solid #B7DEC8; border-radius: 6px; padding: 8px 10px; }}
QLabel[banner="warning"] {{ background: {WARNING_SOFT}; color: {WARNING};
    border: 1px solid #F1D3A1; border-radius: 6px; padding: 8px 10px; }}
QLabel[banner="error"] {{ background: {DANGER_SOFT}; color: {DANGER};
    border: 1px solid #F4C1BC; border-radius: 6px; padding: 8px 10px; }}

/* inputs */
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 5px 8px; selection-background-color: {ACCENT}; selection-color: white;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus,
QPlainTextEdit:focus, QTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QDateEdit:disabled {{
    background: {BACKGROUND}; color: {MUTED};
}}
QLineEdit[readOnly="true"] {{ background: {BACKGROUND}; }}
QComboBox, QDateEdit {{ padding-right: 26px; }}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{
    image: url({icons}/chevron-down.svg); width: 12px; height: 12px;
}}
QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{ image: none; }}
QSpinBox {{ padding-right: 22px; }}
QSpinBox::up-button, QSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; background: transparent;
}}
QSpinBox::up-button {{ subcontrol-position: top right; margin-top: 2px; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; margin-bottom: 2px; }}
QSpinBox::up-arrow {{ image: url({icons}/chevron-up.svg); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({icons}/chevron-down.svg); width: 10px; height: 10px; }}
QComboBox QAbstractItemView {{ background: {SURFACE}; border: 1px solid {BORDER};
    selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT}; outline: none; }}

/* buttons */
QPushButton {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 6px 14px; min-height: 20px;
}}
QPushButton:hover {{ background: #EEF2F5; }}
QPushButton:pressed {{ background: #E2E8ED; }}
QPushButton:focus {{ border: 1px solid {ACCENT}; }}
QPushButton:disabled {{ color: #98A2AD; background: {BACKGROUND}; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9DBCC7; border-color: #9DBCC7;
    color: #F3F7F8; }}
QPushButton[danger="true"] {{ color: {DANGER}; }}
QPushButton[flat="true"] {{ border: none; background: transparent; color: {ACCENT};
    padding: 4px 0; }}
QPushButton[flat="true"]:hover {{ text-decoration: underline; }}
QPushButton#sidebarLock, QPushButton#sidebarHelp {{
    text-align: left; padding: 7px 12px; margin: 0 8px;
}}
QListWidget#helpContents {{ padding: 8px 4px; }}
QListWidget#helpContents::item {{ padding: 5px 8px; }}

/* tables */
QTableView, QListView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    gridline-color: #EDF0F3; alternate-background-color: #F8FAFB;
    selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT};
}}
QTableView::item {{ padding-left: {CELL_PADDING}px; padding-right: {CELL_PADDING}px; }}
QHeaderView::section {{
    background: {BACKGROUND}; color: {MUTED}; border: none;
    border-bottom: 1px solid {BORDER}; padding: 6px 8px 6px 9px; font-weight: 600;
}}

QGroupBox {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
    margin-top: 14px; padding: 14px 12px 10px 12px; font-weight: 600; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {TEXT}; }}
QCheckBox, QRadioButton {{ spacing: 8px; }}

QProgressBar {{ border: 1px solid {BORDER}; border-radius: 5px; background: {SURFACE};
    text-align: center; min-height: 16px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 4px; }}
QProgressBar[strength="weak"]::chunk {{ background: {DANGER}; }}
QProgressBar[strength="fair"]::chunk {{ background: #D08A1E; }}
QProgressBar[strength="strong"]::chunk {{ background: {SUCCESS}; }}

QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
"""


def apply_style(app: QApplication, *, fusion_set: bool = False) -> None:
    """Fusion, a light palette with the accent, the bundled fonts and the style sheet.

    ``fusion_set``: the application was made with ``-style fusion`` (cheaper at start-up than
    setting the style from Python, which loads the QStyle class's many enums)."""
    if not fusion_set:
        app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: "#F8FAFB",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: SURFACE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: SURFACE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#8A95A1",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#98A2AD"))
    app.setPalette(palette)
    # The shipped fonts (Noto Nastaliq Urdu, 0.6 MB) are registered when Urdu is applied, or
    # once the first window is up (app.AppController): 10 ms less before the first paint.
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(style_sheet((resources_dir() / "icons").as_posix()))


def set_window_icon(app: QApplication) -> None:
    """The app's icon (called once the first window is up: rendering it costs start-up)."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(render_svg("logo", 64, None, ratio=1.0)))


_REPOLISH = "/* repolish */"


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property of ``widget`` changed.

    Changing the widget's own style sheet makes Qt re-polish it in C++; calling
    ``QStyle.unpolish``/``polish`` from Python would load the whole Qt namespace (~45 ms),
    which start-up avoids (the sign-in screen uses banners)."""
    sheet = widget.styleSheet()
    widget.setStyleSheet(
        sheet[: -len(_REPOLISH)] if sheet.endswith(_REPOLISH) else sheet + _REPOLISH
    )


@functools.cache
def ensure_fonts() -> tuple[str, ...]:
    """Register the shipped fonts once per process (see :func:`load_fonts`)."""
    return tuple(load_fonts())


def load_fonts(folder: Path | None = None) -> list[str]:
    """Register the fonts shipped under ``resources/fonts`` (an Urdu font can be added there);
    returns the families found."""
    root = folder or resources_dir() / "fonts"
    families: list[str] = []
    if root.is_dir():
        from PySide6.QtGui import QFontDatabase

        for path in sorted(root.glob("*.[ot]tf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


@functools.cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@functools.cache
def icon(name: str, colour: str | None = MUTED, selected: str | None = None) -> QIcon:
    """The icon ``name`` drawn in ``colour`` (``None``: as drawn), and in ``selected`` for the
    selected state when given."""
    from PySide6.QtGui import QIcon

    result = QIcon()
    for mode_colour, state in ((colour, QIcon.Mode.Normal), (selected, QIcon.Mode.Selected)):
        if state is QIcon.Mode.Selected and selected is None:
            continue
        for size in (16, 20, 24, 32, 48):
            result.addPixmap(render_svg(name, size, mode_colour), state)
    if colour is not None:
        result.addPixmap(render_svg(name, 24, "#A7B0BA"), QIcon.Mode.Disabled)
    return result


def render_svg(name: str, size: int, colour: str | None, ratio: float = 2.0) -> QPixmap:
    """The SVG ``name`` as a ``size`` x ``size`` pixmap (drawn at ``ratio`` for sharp HiDPI)."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    text = _svg(name)
    if colour is not None:
        text = text.replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    pixels = int(size * ratio)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def logo(size: int) -> QPixmap:
    """The app's mark at ``size`` px (2x for HiDPI): ``resources/icons/logo-<2*size>.png`` when
    shipped (the sign-in screen's, rendered from logo.svg: no SVG renderer at start-up), else
    drawn from the SVG."""
    png = resources_dir() / "icons" / f"logo-{2 * size}.png"
    if png.is_file():
        pixmap = QPixmap(str(png))
        if not pixmap.isNull():
            pixmap.setDevicePixelRatio(2.0)
            return pixmap
    return render_svg("logo", size, None)


def install_translations(
    app: QApplication, language: str | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Load the translations of ``language`` (a code such as ``ur`` or ``ur_PK``; default
    ``TIPDESK_LANG``, else English) from ``folder`` (default ``resources/translations``): see
    :func:`tipdesk.ui.language.apply_language`. Returns the translators installed."""
    from tipdesk.core.languages import DEFAULT_LANGUAGE, parse_language
    from tipdesk.ui.language import apply_language, env_language

    chosen = parse_language(language) if language else env_language() or DEFAULT_LANGUAGE
    return apply_language(app, chosen, folder)
