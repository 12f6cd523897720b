"""The messages of core/services/store/cli (tipdesk.core.messages) as the command line reads
them from the .ts without Qt (tipdesk.catalogue.message_in): every template has a finished
Urdu translation, arguments that are messages are translated too, and a template without a
translation falls back to the English. See docs/translation.md."""

from __future__ import annotations

from tipdesk import catalogue
from tipdesk.core.messages import say
from tipdesk.ui.devtools import i18n


def test_every_message_template_has_an_urdu_translation() -> None:
    """Fails for a ``say``/``template`` sentence added to core, services, store or the CLI
    without its Urdu (``make lupdate``, then translate the entry in context ``messages``)."""
    templates = i18n.catalogue_texts()
    urdu = catalogue.translations("ur", ("messages",))
    missing = [t for t in templates if not urdu.get(t)]
    assert not missing, "no Urdu in tipdesk_ur.ts (context messages) for: " + repr(missing[:20])
    assert len(templates) > 200  # the sources were read


def test_a_message_is_rendered_in_urdu_with_its_arguments_translated() -> None:
    note = say(
        "{what} not known: imported all the same, counted as unknown in every figure split "
        "by gender or age, and listed in Data quality",
        what=say("{first} and {then}", first=say("{n:,} victims' gender", n=1200),
                 then=say("1 victim's age")),
    )  # fmt: skip
    urdu = catalogue.message_in("ur", note)
    assert "1,200 متاثرین کی جنس" in urdu
    assert "1 متاثرہ کی عمر" in urdu
    assert "ڈیٹا کا معیار" in urdu
    assert "not known" not in urdu
    assert catalogue.message_in("en", note) == str(note)
    assert str(note).startswith("1,200 victims' gender and 1 victim's age not known")


def test_a_template_without_a_translation_stays_english() -> None:
    unseen = say("A sentence no translator has seen ({n})", n=3)
    assert catalogue.message_in("ur", unseen) == "A sentence no translator has seen (3)"
    assert catalogue.message_in("fr", unseen) == "A sentence no translator has seen (3)"
