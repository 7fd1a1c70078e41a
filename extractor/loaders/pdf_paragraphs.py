"""Text lines → paragraphs and bullet items, within one region (page body or table cell).

A new paragraph starts at a list marker, a wider-than-usual vertical gap, a change of weight
or size, a line that starts left of the paragraph, or after a line that stopped short of the
right edge although the next line's first word would have fitted on it (it was not wrapped).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from extractor.layout import ParagraphKind
from extractor.loaders.pdf_data import bullet_marker, is_strong_marker
from extractor.loaders.pdf_lines import TextLine

__all__ = ["Region", "ParaDraft", "build_paragraphs", "assign_levels", "maybe_wrapped",
           "wrapped"]

INDENT_TOL = 4.0  # points: x positions closer than this are the same indent
CENTRE_TOL = 3.0  # points: left and right margins this close make a centred line
SENTENCE_END = (".", "!", "?", ":")
HEADING_MAX_WORDS = 16
PARA_GAP = 2.0  # points beyond the usual line gap that separate two paragraphs


@dataclass(frozen=True)
class Region:
    """Where paragraphs live: text runs between ``left`` and ``right``; ``gap`` is the usual
    vertical gap between the lines of one paragraph; ``centre`` is where centred text is
    centred when that is not midway between ``left`` and ``right`` (the page's middle, for
    body text whose right edge is known only from ragged lines)."""

    left: float
    right: float
    gap: float
    centre: float | None = None


@dataclass
class ParaDraft:
    """A paragraph being built: its lines, list marker and the facts the Layout records."""

    lines: list[TextLine]
    page: int
    region: Region
    marker: str | None = None
    level: int = 0
    bold: bool = False
    centered: bool = False

    @property
    def marker_x(self) -> float:
        """Where the paragraph's first line starts (the marker of a bullet)."""
        return self.lines[0].x0

    @property
    def text_x(self) -> float:
        """Where continuation lines start: after the marker, or under the first line."""
        if self.marker is not None:
            return self.lines[0].rest_x0
        return self.lines[1].x0 if len(self.lines) > 1 else self.lines[0].x0

    @property
    def text(self) -> str:
        """The paragraph's text: lines joined, the marker stripped."""
        first = self.lines[0].text
        if self.marker is not None:
            first = first[len(self.lines[0].first):].lstrip()
        parts = [first]
        for line in self.lines[1:]:
            prev = parts[-1]
            joined = len(prev) > 1 and prev[-1] in "-/" and prev[-2].isalnum()
            parts.append(line.text if joined else " " + line.text)
        return "".join(parts)

    @property
    def kind(self) -> ParagraphKind:
        """``bullet`` with a marker, ``heading`` for short bold capitals, else ``paragraph``."""
        if self.marker is not None:
            return "bullet"
        text = self.text
        letters = [c for c in text if c.isalpha()]
        if (self.bold and len(letters) >= 2 and len(text.split()) <= HEADING_MAX_WORDS
                and sum(c.isupper() for c in letters) >= 0.85 * len(letters)):
            return "heading"
        return "paragraph"


def _marker(line: TextLine) -> str | None:
    """The list marker the line starts with, if the line has text after it."""
    if line.rest_x0 <= line.first_x1:
        return None
    return bullet_marker(line.first)


def _tabbed(line: TextLine) -> bool:
    """True when the line's first token is followed by a tab-sized gap, as a list marker is."""
    space = line.space or 0.25 * line.size
    return line.rest_x0 - line.first_x1 > 1.5 * space


def _family(marker: str) -> str:
    return "enumeration" if marker[-1] in ".)" else marker


def maybe_wrapped(marker: str | None, line: TextLine, para: ParaDraft) -> bool:
    """True when ``line``'s marker may be text that a wrap put first on the line: it is a dash,
    "o" or a number with no tab after it, and ``para`` is not an item of the same kind of list."""
    return (marker is not None and not is_strong_marker(marker) and not _tabbed(line)
            and (para.marker is None or _family(para.marker) != _family(marker)))


def _centred(line: TextLine, region: Region) -> bool:
    if line.x0 - region.left <= 2 * CENTRE_TOL:
        return False
    middle = (line.x0 + line.x1) / 2
    tolerance = CENTRE_TOL + 0.005 * (region.right - region.left - line.x1 + line.x0)
    centres = [(region.left + region.right) / 2]
    if region.centre is not None:
        centres.append(region.centre)
    return any(abs(middle - centre) <= tolerance for centre in centres)


def wrapped(para: ParaDraft, line: TextLine) -> bool:
    """True when ``line``'s first word would not have fitted at the end of ``para``."""
    prev = para.lines[-1]
    measured = [x.space for x in (prev, *para.lines, line) if x.space is not None]
    space = measured[0] if measured else 0.25 * line.size
    return prev.x1 + space + line.first_x1 - line.x0 > para.region.right - 1.0


def _starts_new(para: ParaDraft, prev: TextLine, line: TextLine, marker: str | None) -> bool:
    region = para.region
    if marker is not None or abs(line.size - prev.size) > 1.0 or prev.alone or line.alone:
        return True
    if line.bold != prev.bold and not wrapped(para, line):
        return True
    if line.top - prev.bottom > region.gap + max(PARA_GAP, 0.2 * line.size):
        return True
    if line.x0 < min(para.marker_x, para.text_x) - INDENT_TOL:
        return True
    if para.centered and _centred(line, region):
        return False
    return not wrapped(para, line)


def build_paragraphs(lines: list[TextLine], region: Region, page: int) -> list[ParaDraft]:
    """Group one region's lines (top to bottom) into paragraphs and bullet items."""
    paragraphs: list[ParaDraft] = []
    para: ParaDraft | None = None
    for line in lines:
        marker = _marker(line)
        if (para is not None and maybe_wrapped(marker, line, para)
                and not _starts_new(para, para.lines[-1], line, None)):
            marker = None
        if para is None or _starts_new(para, para.lines[-1], line, marker):
            centred = marker is None and _centred(line, region)
            para = ParaDraft([line], page, region, marker=marker, bold=line.bold,
                             centered=centred)
            paragraphs.append(para)
        else:
            para.lines.append(line)
            para.bold = para.bold and line.bold
            para.centered = para.centered and _centred(line, region)
    return paragraphs


def assign_levels(paragraphs: list[ParaDraft]) -> None:
    """Set each bullet's ``level`` from its marker's indent among the bullets given."""
    stops: list[float] = []
    for x in sorted(p.marker_x for p in paragraphs if p.marker is not None):
        if not stops or x - stops[-1] > INDENT_TOL:
            stops.append(x)
    for para in paragraphs:
        if para.marker is not None:
            para.level = bisect_right(stops, para.marker_x) - 1
