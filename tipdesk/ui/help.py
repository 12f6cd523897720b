"""The user guide in the app: ``docs/user-guide.md`` (shipped as ``help/`` in the packaged app:
:func:`tipdesk.paths.help_dir`), shown part by part in a window of its own. F1 opens the part
about the screen on view.

Contract:
- :func:`read_guide` splits the guide at its ``## `` headings. A part belongs to the screens
  named in the HTML comment above its heading (``<!-- help: cases -->``: page keys of the
  sidebar, or ``unlock`` for signing in and the lock screen); the comment is not shown. A
  screen no part names opens the guide at its start.
- A guide in the user's language (``user-guide.ur.md``) is used when it exists; otherwise
  the English one.
- The text is Markdown, rendered by :class:`QTextBrowser`; pictures are looked up beside the
  guide (``screenshots/…``) and drawn at most :data:`IMAGE_WIDTH` pixels wide. Links to web
  pages are not followed (the app works offline); a link to another part (``#sync``) opens it.
- A guide that cannot be read shows a message saying which file is missing, never an error
  dialog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QImageReader, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from tipdesk.paths import help_dir

GUIDE = "user-guide"
IMAGE_WIDTH = 720
_MARK = re.compile(r"^<!--\s*help:\s*(?P<keys>[^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Part:
    """One part of the guide: its title, the screens it is about and its Markdown."""

    title: str
    keys: tuple[str, ...]
    markdown: str

    @property
    def anchor(self) -> str:
        """``Sending your work to HQ (sync)`` -> ``sending-your-work-to-hq-sync``."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


def guide_file(folder: Path | None = None, language: str | None = None) -> Path:
    """The guide in ``language`` (the user's, by default) when there is one, else English."""
    folder = folder or help_dir()
    language = language or QLocale().name().split("_")[0]
    translated = folder / f"{GUIDE}.{language}.md"
    return translated if language != "en" and translated.is_file() else folder / f"{GUIDE}.md"


def read_guide(text: str) -> list[Part]:
    """The guide's parts (see the module contract); the text before the first ``## `` heading
    is the first part, titled by the ``# `` heading."""
    parts: list[Part] = []
    title = ""
    keys: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    lines: list[str] = []
    for line in text.splitlines():
        mark = _MARK.match(line.strip())
        if mark:
            pending = tuple(mark.group("keys").split())
            continue
        if line.startswith("## ") or (line.startswith("# ") and not title and not lines):
            if title or lines:
                parts.append(Part(title, keys, "\n".join(lines).strip()))
            title, keys, pending = line.lstrip("#").strip(), pending, ()
            lines = [f"# {title}"]
            continue
        lines.append(line)
    if title or lines:
        parts.append(Part(title, keys, "\n".join(lines).strip()))
    return parts


class HelpWindow(QWidget):
    """See the module docstring. ``show_for(key)`` shows the part about a screen."""

    def __init__(self, parent: QWidget | None = None, guide: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("TIPDesk help"))
        self.resize(1000, 720)
        self.guide = guide or guide_file()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Parts of the guide"))
        self.contents.setFixedWidth(260)
        self.contents.setSpacing(2)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setWordWrap(True)
        row.addWidget(self.contents)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)  # offline: web links are not followed
        self.browser.anchorClicked.connect(self._link)
        self.browser.setSearchPaths([str(self.guide.parent)])
        self.browser.document().setDocumentMargin(18)
        row.addWidget(self.browser, 1)
        try:
            self.parts = read_guide(self.guide.read_text(encoding="utf-8"))
        except OSError:
            self.parts = [
                Part(
                    self.tr("Help"),
                    (),
                    self.tr("The user guide is missing from this install ({file}).").format(
                        file=self.guide
                    ),
                )
            ]
        for part in self.parts:
            QListWidgetItem(part.title, self.contents)
        self.contents.currentRowChanged.connect(self._show_part)
        self.contents.setCurrentRow(0)

    def part_for(self, key: str) -> int:
        """The index of the part about screen ``key`` (0: the start of the guide)."""
        return next((i for i, p in enumerate(self.parts) if key in p.keys), 0)

    def show_for(self, key: str) -> None:
        """Show the part about screen ``key`` and bring the window up."""
        self.contents.setCurrentRow(self.part_for(key))
        self.show()
        self.raise_()
        self.activateWindow()

    @property
    def current(self) -> Part:
        return self.parts[max(0, self.contents.currentRow())]

    def _show_part(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            return
        self.browser.setMarkdown(self.parts[row].markdown)
        _fit_images(self.browser.document(), self.guide.parent, IMAGE_WIDTH)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _link(self, url: QUrl) -> None:
        fragment = url.fragment() if url.hasFragment() else ""
        if fragment and not url.scheme():
            for i, part in enumerate(self.parts):
                if part.anchor == fragment or fragment in part.keys:
                    self.contents.setCurrentRow(i)
                    return


def _fit_images(document: QTextDocument, folder: Path, width: int) -> None:
    """Draw every picture at most ``width`` pixels wide (the screenshots are 1280 wide)."""
    block = document.begin()
    cursor = QTextCursor(document)
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if not fmt.isImageFormat():
                continue
            image = fmt.toImageFormat()
            size = QImageReader(str(folder / image.name())).size()
            if not size.isValid() or size.width() <= width:
                continue
            image.setWidth(width)
            image.setHeight(size.height() * width / size.width())
            cursor.setPosition(fragment.position())
            cursor.setPosition(
                fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(image)
        block = block.next()
