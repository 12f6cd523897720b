"""The set-up wizard's choice of where an HQ keeps the records it imports: this computer's
encrypted store (a small HQ), or a PostgreSQL server (issue 20), with its URL and, over the
network, the CA certificate that signed the server's certificate.

Contract:
- :class:`DatabaseChoice` only collects the choice (:meth:`DatabaseChoice.choice`); nothing is
  checked or written on the GUI thread, and neither the services nor the PostgreSQL driver are
  imported here (the wizard must start light).
- :func:`check_choice` (the store's thread, before the store is created) refuses a URL or CA
  the HQ must not use, with the message ``tipdesk init --role hq --database URL --ca FILE``
  gives; :func:`link_database` (after the store exists) is that command's
  :func:`tipdesk.services.sync.hq_pg.configure`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.core.errors import InvalidInput
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import button, label

if TYPE_CHECKING:
    from tipdesk.services.session import Session

Choice = tuple[str, Path | None]
"""A PostgreSQL URL (no password) and the CA certificate file, if any."""


def check_choice(choice: Choice) -> None:
    """Refuse a URL or CA the HQ must not use, before anything is created (store's thread)."""
    from tipdesk.services.sync import hq_pg, hq_pg_tls

    url, ca = choice
    if not url:
        raise InvalidInput(
            "Give the PostgreSQL database's URL, or keep the records in this computer's store."
        )
    hq_pg.check_database_url(url, hq_pg_tls.read_ca(ca))


def link_database(session: Session, *, choice: Choice) -> None:
    """Make the new HQ install keep its records in the chosen database (store's thread)."""
    from tipdesk.services.sync import hq_pg

    url, ca = choice
    hq_pg.configure(session, url, ca)


class DatabaseChoice(QWidget):
    """The radio choice and, for a server, its URL and CA certificate (module contract)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.local_radio = QRadioButton(self.tr("This computer's encrypted store (a small HQ)"))
        self.local_radio.setObjectName("databaseLocal")
        self.server_radio = QRadioButton(
            self.tr("A PostgreSQL server (several analysts and the receiver at once)")
        )
        self.server_radio.setObjectName("databaseServer")
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.server_radio)
        self.local_radio.setChecked(True)
        box.addWidget(self.local_radio)
        box.addWidget(self.server_radio)
        self.server_box = QWidget()
        server = QVBoxLayout(self.server_box)
        server.setContentsMargins(24, 0, 0, 0)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("databaseUrl")
        # An address and a path read left to right in any language (as browsers keep their
        # address bar), so an Urdu window does not cut the URL's scheme off.
        self.url_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.url_edit.setPlaceholderText(
            self.tr("Database URL, e.g. postgresql:///tipdesk?host=/var/run/postgresql")
        )
        server.addWidget(self.url_edit)
        ca_row = QHBoxLayout()
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("databaseCa")
        self.ca_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.ca_edit.setReadOnly(True)
        self.ca_edit.setPlaceholderText(self.tr("CA certificate (a server over the network)"))
        self.ca_button = button(self.tr("Choose…"), "folder")
        self.ca_button.setObjectName("databaseCaButton")
        self.ca_button.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        server.addLayout(ca_row)
        server.addWidget(
            label(
                self.tr(
                    "Over the network: TLS verified against this CA certificate. A Unix socket "
                    "on this computer needs none."
                ),
                "hint",
                wrap=True,
            )
        )
        box.addWidget(self.server_box)
        self.server_radio.toggled.connect(self._on_toggled)
        self._on_toggled(False)

    def _on_toggled(self, server: bool) -> None:
        self.server_box.setEnabled(server)

    def _choose_ca(self) -> None:
        path = files.ask_open_file(
            self,
            self.tr("CA certificate"),
            Path.home(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path is not None:
            self.ca_edit.setText(str(path))

    def choice(self) -> Choice | None:
        """The server chosen (URL, CA file), or ``None`` for this computer's store."""
        if not self.server_radio.isChecked():
            return None
        ca = self.ca_edit.text().strip()
        return self.url_edit.text().strip(), Path(ca) if ca else None

    def summary(self) -> str:
        """One line for the wizard's summary."""
        if self.choice() is None:
            return self.tr("Records: this computer's encrypted store")
        return self.tr("Records: a PostgreSQL server")
