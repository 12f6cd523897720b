"""``argparse``'s own messages in the command line's language: "the following arguments are
required", "invalid choice", the usage and help headings.

Contract: :func:`speaking` is a context manager; inside it, ``argparse`` writes the texts of
:data:`tipdesk.catalogue.ARGPARSE_TEXTS` in :func:`tipdesk.cli.language.current`'s language
(``TIPDESK_LANG``: the arguments are read before anyone signs in), from the ``.ts``'s context
``argparse``; a text without a translation, and English, stay as ``argparse`` wrote them.
``argparse`` looks its texts up through the module's own ``_``/``ngettext`` (the ``gettext``
functions it imported), so those two names are pointed at a :class:`gettext.NullTranslations`
holding our catalogue for the duration, and given back afterwards, even on ``SystemExit``.
Parsers must be built inside it too: their "options" headings are made when a parser is.
"""

from __future__ import annotations

import argparse
import functools
import gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from tipdesk import catalogue
from tipdesk.cli import language
from tipdesk.core.languages import Language


class CatalogueTranslation(gettext.NullTranslations):
    """A gettext translation whose texts come from the ``.ts`` (English where there is none)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def gettext(self, message: str) -> str:
        return self._texts.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@functools.lru_cache(maxsize=4)
def translation(code: str) -> CatalogueTranslation:
    """The ``argparse`` texts in the language ``code`` (read from the ``.ts`` once)."""
    return CatalogueTranslation(catalogue.translations(code, ("argparse",)))


@contextmanager
def speaking() -> Iterator[None]:
    """``argparse`` in the command line's language while the block runs."""
    chosen = language.current()
    if chosen is Language.ENGLISH:
        yield
        return
    found = translation(chosen.value)
    module = vars(argparse)
    before = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = found.gettext, found.ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = before
