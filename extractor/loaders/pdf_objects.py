"""One pass over a parsed PDF page: glyphs, ruling edges and filled areas.

The loader reads pdfminer's layout objects (``page.layout``) directly instead of pdfplumber's
per-object dictionaries: the page is parsed once and every later stage (text, tables, colours)
works from what this pass collects. Coordinates follow pdfplumber: ``top``/``bottom`` measured
down from the top of the page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTPage, LTRect

from extractor.loaders.pdf_colours import to_hex
from extractor.loaders.pdf_data import is_bold_font

__all__ = ["Glyph", "Fill", "PageObjects", "collect"]


MIN_AREA = 1.5  # points: a filled rect thinner than this is a line (a border), not an area


class Glyph(NamedTuple):
    """One character with its box, font size and boldness."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    bold: bool
    size: float


class Fill(NamedTuple):
    """A filled area (cell shading) and its colour as ``#RRGGBB``."""

    x0: float
    top: float
    x1: float
    bottom: float
    colour: str


@dataclass
class PageObjects:
    """What the text, table and colour stages need from one page."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)


def _edge(x0: float, top: float, x1: float, bottom: float, kind: str) -> dict[str, Any]:
    """An edge in the shape pdfplumber's table finder expects."""
    horizontal = bottom - top < 0.01
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top,
        "orientation": "h" if horizontal else "v", "object_type": kind,
    }


def _box_edges(x0: float, top: float, x1: float, bottom: float, kind: str) -> list[dict[str, Any]]:
    """The four sides of a box, as pdfplumber's ``rect_to_edges`` makes them."""
    return [
        _edge(x0, top, x1, top, kind),
        _edge(x0, bottom, x1, bottom, kind),
        _edge(x0, top, x0, bottom, kind),
        _edge(x1, top, x1, bottom, kind),
    ]


def collect(layout: LTPage, *, number: int) -> PageObjects:
    """Collect glyphs, edges and fills from a pdfminer page layout in one walk.

    Coordinates are those of the page as displayed (pdfminer has applied its rotation and
    moved the origin to the corner of its media box).
    """
    page = PageObjects(number=number, width=layout.width, height=layout.height)
    dx = -layout.x0
    flip = layout.y1
    glyphs = page.glyphs
    bold_cache: dict[str, bool] = {}
    stack: list[Any] = [iter(layout)]
    while stack:
        for obj in stack[-1]:
            if isinstance(obj, LTChar):
                font = obj.fontname
                bold = bold_cache.get(font)
                if bold is None:
                    bold = bold_cache[font] = is_bold_font(str(font))
                text = obj.get_text()
                if "\ufb00" <= text <= "\ufb06":  # a ligature glyph: "ﬁ" → "fi"
                    text = unicodedata.normalize("NFKC", text)
                glyphs.append(Glyph(obj.x0 + dx, obj.x1 + dx, flip - obj.y1, flip - obj.y0,
                                    text, bold, obj.size))
            elif isinstance(obj, LTCurve):
                _add_path(page, obj, dx, flip)
            elif isinstance(obj, LTContainer):
                stack.append(iter(obj))
                break
        else:
            stack.pop()
    return page


def _add_path(page: PageObjects, obj: LTCurve, dx: float, flip: float) -> None:
    """Edges of a rect, line or axis-aligned curve, and its fill colour when filled."""
    x0, x1, top, bottom = obj.x0 + dx, obj.x1 + dx, flip - obj.y1, flip - obj.y0
    if isinstance(obj, LTRect):
        # a filled area (shading, a chart's bar) rather than a border drawn as a thin rect
        kind = "area_edge" if obj.fill and min(x1 - x0, bottom - top) > MIN_AREA else "rect_edge"
        page.edges.extend(_box_edges(x0, top, x1, bottom, kind))
    elif isinstance(obj, LTLine):
        if x1 - x0 < 0.01 or bottom - top < 0.01:
            page.edges.append(_edge(x0, top, x1, bottom, "line"))
    else:
        points = [(x + dx, flip - y) for x, y in obj.pts]
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            if abs(ax - bx) < 0.01 or abs(ay - by) < 0.01:
                page.edges.append(
                    _edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), "curve_edge")
                )
    if obj.fill and min(x1 - x0, bottom - top) > MIN_AREA:
        colour = to_hex(obj.non_stroking_color)
        if colour is not None:
            page.fills.append(Fill(x0, top, x1, bottom, colour))
