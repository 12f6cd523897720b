"""Urdu (and any right-to-left) text in the PDFs: shaped, in Nastaliq, in the right order.

reportlab's own paragraphs neither join Arabic-script letters (their shaping needs uharfbuzz,
and their right-to-left ordering needs ``rlbidi``, which is not published for our platforms)
nor order mixed Urdu/English lines: a name would print as isolated letters, words reversed.
:class:`BidiParagraph` does it with maintained engines instead of hand-made rules:

- the Unicode bidi algorithm (``python-bidi``) gives each wrapped line's visual order; the
  paragraph's direction is that of its first strong letter (an English label followed by an
  Urdu name stays left to right; an Urdu narrative is right to left and right-aligned);
- HarfBuzz (``uharfbuzz``, through reportlab's ``shapeStr``) shapes each run of Urdu letters
  in the bundled Noto Nastaliq Urdu (joined forms, marks placed, Nastaliq's sloping words);
- everything else (Latin words, digits, punctuation) keeps the style's font.

Contract: :func:`paragraph` returns reportlab's ``Paragraph`` for text without right-to-left
letters (byte-for-byte what the writers produced before) and a :class:`BidiParagraph`
otherwise; markup in such text (``<b>``) is dropped, the words are kept. Lines are taller for
Nastaliq (it needs about twice Latin text's height). Bidi control marks (FSI, PDI, RLM...) are
honoured by the ordering and never printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from bidi import get_display  # type: ignore[import-untyped, unused-ignore]
from bidi.mirror import MIRRORED  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont, shapeStr  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, Paragraph  # type: ignore[import-untyped, unused-ignore]

from tipdesk.paths import resources_dir

URDU_FONT = "NotoNastaliqUrdu"
#: Nastaliq's line height and baseline, in multiples of the font size (its letters climb
#: well above and hang below Latin text's).
NASTALIQ_LEADING = 2.1
NASTALIQ_BASELINE = 1.3
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Dates, times and numbers with separators ("2025-12-31", "10:00", "123/2026"): isolated left
# to right before ordering (python-bidi prints "2025-12-31" in an Urdu line as "31-12-2025").
_NUMBER_RUNS = re.compile(r"\d+(?:[-/.:]\d+)+")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Urdu, Arabic, Persian, Hebrew...)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@cache
def urdu_font() -> str:
    """Register the bundled Noto Nastaliq Urdu with reportlab (shaped by HarfBuzz), once;
    returns its name."""
    path = resources_dir() / "fonts" / "NotoNastaliqUrdu-Regular.ttf"
    pdfmetrics.registerFont(TTFont(URDU_FONT, str(path), shapable=True))
    return URDU_FONT


def _is_arabic_letter(ch: str) -> bool:
    """A letter or mark of an Arabic-script word (shaped together), not a digit or sign."""
    code = ord(ch)
    in_script = 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF or ch in "\u200c\u200d"
    return in_script and unicodedata.bidirectional(ch) in ("AL", "R", "NSM", "BN")


@dataclass(frozen=True, slots=True)
class _Chunk:
    """A piece of a line in visual order: text to draw, its font and width."""

    text: Any  # str, or reportlab's ShapedStr (glyphs already in visual order)
    font: str
    width: float
    actual: str = ""  # a shaped run's letters in reading order (what copying gives back)


def _levels(line: str, direction: str) -> list[int]:
    """Each character's resolved embedding level, by the Unicode bidi algorithm
    (python-bidi returns its levels with ``debug=True``: one per UTF-8 byte, in a
    ``levels: [Level(n), ...]`` list)."""
    info = get_display(line, base_dir=direction, debug=True)
    section = info[info.index("levels: [") : info.index("paragraphs:")]
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", section)]
    if len(per_byte) != len(line.encode("utf-8")):
        raise ValueError("python-bidi gave no level for each character")  # a format change
    out: list[int] = []
    at = 0
    for ch in line:
        out.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return out


def _visual(line: str, direction: str) -> str:
    """One line (reading order) in display order, brackets of right-to-left runs mirrored.

    python-bidi resolves the levels (isolates, bracket pairs and all) but its
    ``get_display`` leaves mirroring (rule L4) to the renderer, and a PDF has no renderer
    that mirrors: so the line is ordered here from those levels (rules L1 and L2) and each
    character at a right-to-left (odd) level is drawn as its mirror (L4, the library's own
    table), "(" facing the Urdu words it encloses and a Latin isolate's brackets untouched.
    """
    base = 1 if direction == "R" else 0
    levels = _levels(line, direction)
    # L1: spaces and isolate controls at the line's end at the paragraph's level (a wrapped
    # line has no tabs or paragraph breaks inside).
    for k in range(len(line) - 1, -1, -1):
        if unicodedata.bidirectional(line[k]) not in ("WS", "BN", "LRI", "RLI", "FSI", "PDI"):
            break
        levels[k] = base
    # L2: from the highest level down to the lowest odd one, reverse each run at or above it.
    order = list(range(len(line)))
    odd = [lv for lv in levels if lv % 2]
    for level in range(max(levels, default=0), min(odd, default=1) - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] < level:
                k += 1
                continue
            j = k
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[k:j] = order[k:j][::-1]
            k = j
    return "".join(MIRRORED.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in order)


class _Measure:
    """Shapes and measures text pieces for one font size."""

    def __init__(self, latin: str, size: float) -> None:
        self.latin, self.size, self.urdu = latin, size, urdu_font()

    def chunks(self, visual: str) -> list[_Chunk]:
        """``visual`` (one line, in display order) cut into Urdu-letter runs and the rest."""
        out: list[_Chunk] = []
        for run in re.finditer(r"[^\s]+|\s+", visual):
            for part in _split_script(run.group(0)):
                out.append(self._chunk(part))
        return out

    def _chunk(self, part: str) -> _Chunk:
        if _is_arabic_letter(part[0]):
            # The line is in display order; HarfBuzz wants the letters in reading order and
            # gives its glyphs back in display order.
            shaped = shapeStr(part[::-1], self.urdu, self.size, force=True)
            data = getattr(shaped, "__shapeData__", None) or []
            width = sum(d.x_advance for d in data) * self.size / 1000
            return _Chunk(shaped, self.urdu, width, actual=part[::-1])
        font = self.urdu if any(0x0600 <= ord(c) <= 0x06FF for c in part) else self.latin
        return _Chunk(part, font, pdfmetrics.stringWidth(part, font, self.size))

    def width(self, word: str) -> float:
        """A word's width, in reading order (for wrapping)."""
        return sum(c.width for c in self.chunks(_CONTROLS.sub("", get_display(word))))


def _split_script(text: str) -> list[str]:
    """``text`` cut where it passes between Urdu letters and anything else."""
    parts: list[str] = []
    for ch in text:
        if parts and _is_arabic_letter(ch) == _is_arabic_letter(parts[-1][-1]):
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


def _base_dir(text: str) -> str:
    """The paragraph's direction: that of its first strong letter (Unicode's rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return "L"


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of plain text with right-to-left words, shaped and ordered (see module)."""

    def __init__(self, text: str, style: ParagraphStyle, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = _NUMBER_RUNS.sub("\u2066\\g<0>\u2069", text)  # controls are kept for ordering
        self.style = style
        self.direction = _base_dir(text)
        self._given_lines = lines
        self.lines: list[str] = lines or []
        size = float(style.fontSize)
        self._measure = _Measure(style.fontName, size)
        self.line_height = max(float(style.leading), size * NASTALIQ_LEADING)
        self.width = 0.0
        self.height = 0.0

    def _wrap_lines(self, width: float) -> list[str]:
        out: list[str] = []
        space = pdfmetrics.stringWidth(" ", self.style.fontName, self.style.fontSize)
        for block in self.text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in block.split():
                w = self._measure.width(word)
                if line and used + space + w > width:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0.0) + w
                line.append(word)
            out.append(" ".join(line))
        return out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if self._given_lines is None:
            self.lines = self._wrap_lines(avail_width)
        self.height = len(self.lines) * self.line_height
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.line_height)
        if fits <= 0 or fits >= len(self.lines):
            return [] if fits <= 0 else [self]
        return [
            BidiParagraph(self.text, self.style, self.lines[:fits]),
            BidiParagraph(self.text, self.style, self.lines[fits:]),
        ]

    def visual_chunks(self, line: str) -> list[_Chunk]:
        """One wrapped line as drawn, left to right."""
        return _visual_chunks(line, self.direction, self._measure)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.style.textColor)
        size = float(self.style.fontSize)
        align = self.style.alignment
        for n, line in enumerate(self.lines):
            chunks = self.visual_chunks(line)
            used = sum(c.width for c in chunks)
            if align == TA_CENTER:
                x = (self.width - used) / 2
            elif align == TA_RIGHT or (self.direction == "R" and align in (TA_LEFT, TA_JUSTIFY)):
                x = self.width - used
            else:
                x = 0.0
            y = self.height - n * self.line_height - size * NASTALIQ_BASELINE
            _draw_chunks(canvas, chunks, x, y, size)
        canvas.restoreState()


def _visual_chunks(line: str, direction: str, measure: _Measure) -> list[_Chunk]:
    """One line (reading order, bidi controls kept) as drawn, left to right."""
    return measure.chunks(_CONTROLS.sub("", _visual(line, direction)))


def _draw_chunks(canvas: Any, chunks: list[_Chunk], x: float, y: float, size: float) -> None:
    """Draw ``chunks`` left to right from ``(x, y)`` (the baseline); a shaped run cluster by
    cluster (:func:`_clusters`), each marked with its letters."""
    for chunk in chunks:
        pieces = _clusters(chunk, size) if chunk.actual else [(chunk.text, chunk.width, "")]
        for glyphs, width, letters in pieces:
            if letters:
                canvas.addLiteral(f"/Span <</ActualText {_pdf_text(letters)}>> BDC")
            text = canvas.beginText(x, y)
            text.setFont(chunk.font, size)
            text.textOut(glyphs)
            canvas.drawText(text)
            if letters:
                canvas.addLiteral("EMC")
            x += width


def _clusters(chunk: _Chunk, size: float) -> list[tuple[Any, float, str]]:
    """A shaped run as (glyphs, width, letters) per HarfBuzz cluster, left to right.

    The joined forms' glyphs have no letter of their own (reportlab's ToUnicode map gives
    them private-use code points), and no glyph-to-letter map can give them one: Nastaliq
    draws the letters of a family (ب ت ث پ) with one shared shape plus dots. So each cluster
    is marked content whose ``/ActualText`` is the letters it was shaped from (PDF 1.5; read
    by text selection, search and extraction). Marked per cluster, in the order drawn, as
    a glyph's own letter would be: readers put a right-to-left line in reading order
    themselves (poppler reverses a whole run's ActualText if given in one span).
    """
    data = chunk.text.__shapeData__
    starts = sorted({d.cluster for d in data})
    ends = dict(zip(starts, [*starts[1:], len(chunk.actual)], strict=True))
    pieces: list[tuple[Any, float, str]] = []
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j].cluster == data[i].cluster:
            j += 1
        width = sum(d.x_advance for d in data[i:j]) * size / 1000
        letters = chunk.actual[data[i].cluster : ends[data[i].cluster]]
        pieces.append((chunk.text[i:j], width, letters))
        i = j
    return pieces


def _pdf_text(text: str) -> str:
    """``text`` as a PDF text string: UTF-16BE with its byte-order mark, in hex (no escaping
    to get wrong)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _line_chunks(text: str, font: str, size: float) -> list[_Chunk]:
    line = _NUMBER_RUNS.sub("\u2066\\g<0>\u2069", text)
    return _visual_chunks(line, _base_dir(text), _Measure(font, size))


def line_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` drawn as one line by :func:`draw_line`."""
    return sum(c.width for c in _line_chunks(text, font, size))


def draw_line(
    canvas: Any, text: str, x: float, y: float, *, font: str, size: float, anchor: str = "start"
) -> float:
    """Draw ``text`` as one line on ``canvas``, ordered and shaped as a :class:`BidiParagraph`
    line (Latin pieces in ``font``, Urdu letters in Nastaliq), its baseline at ``y``;
    ``anchor``: ``x`` is the line's left end (``"start"``), middle or right end (``"end"``).
    For the labels of charts, whose own strings reportlab draws unshaped. Returns the width."""
    chunks = _line_chunks(text, font, size)
    width = sum(c.width for c in chunks)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    _draw_chunks(canvas, chunks, left, y, size)
    return width


def paragraph(text: str, style: ParagraphStyle, markup: str | None = None) -> Flowable:
    """A flowable for ``text``: reportlab's ``Paragraph`` (of ``markup`` when given, else of
    the escaped text) when it has no right-to-left letter, else a :class:`BidiParagraph`."""
    if has_rtl(text):
        return BidiParagraph(text, style)
    if markup is None:
        markup = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        markup = markup.replace("\n", "<br/>")
    return Paragraph(markup, style)
