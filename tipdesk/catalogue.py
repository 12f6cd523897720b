"""Translations for the parts of TIPDesk that must not import Qt (the command line's report
exports), read from the same ``.ts`` file the interface's ``.qm`` is compiled from.

Contract: :func:`translations` returns ``{English source: translation}`` for the finished
entries of the given contexts of ``resources/translations/tipdesk_<language>.ts`` (the first
context listed wins when a text is in several). English, or a language without a ``.ts``,
gives an empty mapping: callers fall back to the English text. A ``.ts`` that is not
well-formed XML raises :class:`~tipdesk.core.errors.InvalidInput` naming the file.
:func:`message_in` renders a message of ``core``/``services`` in a language the same way.
"""

from __future__ import annotations

import functools

# The .ts is our own file, shipped with the app (resources/), never input from outside:
# the standard library's parser is enough (S314 warns about untrusted XML).
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import Message, render
from tipdesk.paths import resources_dir


def translations(language: str, contexts: Sequence[str]) -> dict[str, str]:
    """The finished translations of ``contexts`` into ``language`` (see the module contract)."""
    path = resources_dir() / "translations" / f"tipdesk_{language}.ts"
    if language == "en" or not path.is_file():
        return {}
    try:
        root = ET.parse(path).getroot()  # noqa: S314 - our own shipped file (see above)
    except ET.ParseError as exc:
        raise InvalidInput(f"The translation file {path.name} cannot be read: {exc}.") from None
    found: dict[str, dict[str, str]] = {name: {} for name in contexts}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        if name not in found:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if (
                source
                and translation is not None
                and translation.text
                and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            ):
                found[name].setdefault(source, translation.text)
    out: dict[str, str] = {}
    for name in reversed(contexts):  # the first context listed wins
        out.update(found[name])
    return out


def message_in(language: str, message: Message) -> str:
    """``message`` (:mod:`tipdesk.core.messages`) in ``language``, for callers without Qt (the
    command line's error lines): its template translated (context ``messages``), arguments
    that are messages translated the same way, then filled. A template without a finished
    translation, English, or a language without a ``.ts`` give the English (``str()``)."""
    return _rendered(message, _message_texts(language))


@functools.lru_cache(maxsize=4)
def _message_texts(language: str) -> Mapping[str, str]:
    # The shipped .ts does not change while the process runs: read it once per language.
    return MappingProxyType(translations(language, ("messages",)))


def _rendered(message: Message, texts: Mapping[str, str]) -> str:
    args = {
        key: _rendered(value, texts) if isinstance(value, Message) else value
        for key, value in message.args.items()
    }
    return render(texts.get(message.template, message.template), args)


#: The messages of Python's ``argparse`` a user of the command line reads (its usage and help
#: headings, its refusals of the arguments), as ``argparse`` writes them (``%`` placeholders);
#: translated in the ``.ts``'s context ``argparse`` (:mod:`tipdesk.cli.argparse_language`).
#: Its ``"%(prog)s: error: %(message)s"`` line is left out: the prefix stays English for
#: scripts, as the command line's own error lines keep it.
ARGPARSE_TEXTS = (
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "show program's version number and exit",
    "the following arguments are required: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "unrecognized arguments: %s",
    "argument %(argument_name)s: %(message)s",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "expected %s argument",
    "expected %s arguments",
    "invalid %(type)s value: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s",
    "not allowed with argument %s",
    "one of the arguments %s is required",
    "ignored explicit argument %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
)
