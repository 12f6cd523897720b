"""The settings' card where the signed-in user chooses their interface language.

The choice is the user's own (kept in the store by :mod:`tipdesk.services.user_prefs`, so it
follows them to any window they sign in to on this install); once stored, the app shows its
window again in the new language, in the same session and on the same page
(``ctx.events.sig_language_changed``). The app refuses to rebuild the window while a page
holds unsaved input; the choice then takes effect at the next sign-in.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tipdesk.core.languages import Language
from tipdesk.services import user_prefs
from tipdesk.ui.language import current_language
from tipdesk.ui.widgets.common import Card, label
from tipdesk.ui.widgets.language import LanguageChooser

if TYPE_CHECKING:
    from tipdesk.ui.context import AppContext


class LanguageCard(Card):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.title_label.setText(self.tr("Language"))
        self.title_label.setVisible(True)
        self.ctx = ctx
        self.chooser = LanguageChooser(current_language())
        self.chooser.sig_chosen.connect(self.choose)
        self.body.addWidget(self.chooser)
        self.body.addWidget(
            label(
                self.tr(
                    "The language of your own screens, menus and messages. Records keep "
                    "the language they were written in."
                ),
                "hint",
                wrap=True,
            )
        )

    def choose(self, language: Language) -> None:
        """Store ``language`` as the user's, then let the app show itself in it."""
        self.ctx.runner.submit(
            partial(user_prefs.set_user_language, language=language),
            self.ctx.events.sig_language_changed.emit,
            self.ctx.report,
        )
