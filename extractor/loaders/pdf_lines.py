"""Glyphs → text lines: one sort and one sweep over a region's characters."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.loaders.pdf_data import bullet_marker
from extractor.loaders.pdf_objects import Glyph

__all__ = ["TextLine", "build_lines", "physical_rows", "rejoin"]

SPACE_GAP = 0.18  # a horizontal gap wider than this × font size separates two words
SAME_LINE = 0.45  # glyph midpoints closer than this × font size share a line
COLUMN_GAP = 1.2  # a gap wider than this × font size may separate two columns of text
# A digit this much smaller than the glyph before it and raised this far (× that glyph's size)
# is a footnote mark ("29²"): it is left out, so it never joins the number before it ("292").
SUPERSCRIPT_SIZE = 0.8
SUPERSCRIPT_RISE = 0.15


@dataclass(slots=True)
class TextLine:
    """One line of text with its box, font facts and where its first token ends.

    ``first`` is the first space-separated token (a possible list marker), ``first_x1`` its right
    edge and ``rest_x0`` where the next token starts (the text indent after a marker).
    ``bold`` is True when every glyph is bold; ``space`` is the narrowest gap between two of
    its words (the font's space width), None for a one-word line. ``alone`` marks a line that
    is a paragraph of its own (a row of a nested table).
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space: float | None
    first: str
    first_x1: float
    rest_x0: float
    segment: int = 0
    alone: bool = False


def build_lines(glyphs: list[Glyph], *, columns: bool = False) -> list[TextLine]:
    """Group glyphs into lines (by vertical midpoint), each read left to right, top to bottom.

    With ``columns``, a line is also cut where a gap wider than ``COLUMN_GAP`` em separates
    two runs of words (a table without ruling lines, a tab stop); each part is a TextLine and
    ``segment`` numbers the parts of one line from 0.
    """
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: g.top + g.bottom)
    lines: list[TextLine] = []
    group = [ordered[0]]
    mid = ordered[0].top + ordered[0].bottom
    for glyph in ordered[1:]:
        if glyph.top + glyph.bottom - mid > 2 * SAME_LINE * glyph.size:
            _append_line(lines, group, columns)
            group = [glyph]
            mid = glyph.top + glyph.bottom
        else:
            group.append(glyph)
    _append_line(lines, group, columns)
    return lines


def _append_line(lines: list[TextLine], group: list[Glyph], columns: bool) -> None:
    """Read one line's glyphs left to right into TextLines (none if it is all blank)."""
    group.sort(key=lambda g: g.x0)
    parts = _split(group) if columns else [group]
    for index, part in enumerate(parts):
        line = _read(part, index)
        if line is not None:
            lines.append(line)


def _split(group: list[Glyph]) -> list[list[Glyph]]:
    """Cut a line at column gaps, except after a lone list marker (a bullet and its tab)."""
    parts: list[list[Glyph]] = [[]]
    end: float | None = None
    for glyph in group:
        if glyph.text.isspace() or not glyph.text:
            parts[-1].append(glyph)
            continue
        if end is not None and glyph.x0 - end > COLUMN_GAP * glyph.size:
            token = "".join(g.text for g in parts[-1]).strip()
            if len(parts) > 1 or " " in token or bullet_marker(token) is None:
                parts.append([])
        parts[-1].append(glyph)
        end = glyph.x1
    return parts


def _footnote_mark(glyph: Glyph, prev: Glyph) -> bool:
    return (glyph.text.isdigit() and glyph.size <= SUPERSCRIPT_SIZE * prev.size
            and glyph.bottom < prev.bottom - SUPERSCRIPT_RISE * prev.size)


def _read(group: list[Glyph], segment: int) -> TextLine | None:
    """One run of glyphs (sorted by x) as a TextLine, or None when it holds no ink."""
    parts: list[str] = []
    space = False
    prev: Glyph | None = None
    ink: list[Glyph] = []
    first_end = -1
    space_width = float("inf")
    for glyph in group:
        text = glyph.text
        if text.isspace() or not text:
            space = True
            continue
        if prev is not None:
            if text == prev.text and glyph.x0 - prev.x0 < 0.3 * (prev.x1 - prev.x0):
                continue  # the same glyph drawn twice (fake bold, shadow)
            if _footnote_mark(glyph, prev):
                continue
            if space or glyph.x0 - prev.x1 > SPACE_GAP * glyph.size:
                parts.append(" ")
                space_width = min(space_width, glyph.x0 - prev.x1)
                if first_end < 0:
                    first_end = len(ink)
        space = False
        parts.append(text)
        ink.append(glyph)
        prev = glyph
    if not ink:
        return None
    text = "".join(parts)
    first_len = text.find(" ")
    if first_end < 0:
        first_end = len(ink)
        first_len = len(text)
    return TextLine(
        text=text,
        x0=ink[0].x0,
        x1=ink[-1].x1,
        top=min(g.top for g in ink),
        bottom=max(g.bottom for g in ink),
        size=max(g.size for g in ink),
        bold=all(g.bold for g in ink),
        space=space_width if space_width < float("inf") else None,
        first=text[:first_len],
        first_x1=ink[first_end - 1].x1,
        rest_x0=ink[first_end].x0 if first_end < len(ink) else ink[-1].x1,
        segment=segment,
    )


def physical_rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """The parts of each printed line together (``segment`` restarts at 0 on a new line)."""
    rows: list[list[TextLine]] = []
    for line in lines:
        if line.segment == 0 or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def rejoin(parts: list[TextLine]) -> TextLine:
    """One line again from the parts :func:`build_lines` cut it into (no table was there)."""
    first, last = parts[0], parts[-1]
    spaces = [p.space for p in parts if p.space is not None]
    one_word = first.first == first.text
    return TextLine(
        text=" ".join(p.text for p in parts),
        x0=first.x0,
        x1=last.x1,
        top=min(p.top for p in parts),
        bottom=max(p.bottom for p in parts),
        size=max(p.size for p in parts),
        bold=all(p.bold for p in parts),
        space=min(spaces) if spaces else None,
        first=first.first,
        first_x1=first.first_x1,
        rest_x0=parts[1].x0 if one_word and len(parts) > 1 else first.rest_x0,
    )
