"""The one place that chooses the printouts' fonts.

Today every printout uses the PDF standard Helvetica family (built into every PDF reader, no
file to ship), which covers English. Names and narratives in Urdu need an embedded font with
Arabic-script shaping: when it comes, it is registered here (``reportlab.pdfbase.ttfonts``)
and :func:`fonts` returns it, and every printout follows. Nothing else names a font.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fonts:
    regular: str
    bold: str
    italic: str


_STANDARD = Fonts(regular="Helvetica", bold="Helvetica-Bold", italic="Helvetica-Oblique")


def fonts() -> Fonts:
    """The fonts every printout uses."""
    return _STANDARD
