"""Struck-through text: deleted words a draft shows with its tracked changes, or withdrawn text.

A horizontal rule drawn across the middle of a glyph (between ``STRIKE_LOW`` and
``STRIKE_HIGH`` of its height from the top) strikes it out; underlines run at or below the
baseline and table borders around text, so neither touches a glyph there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from extractor.loaders.pdf_objects import PageObjects

__all__ = ["drop_struck"]

STRIKE_LOW = 0.3  # share of a glyph's height from its top where a strike may run ...
STRIKE_HIGH = 0.8  # ... and where it may not run any more (an underline sits lower)


def drop_struck(page: PageObjects) -> None:
    """Remove the glyphs a horizontal rule strikes through from ``page``."""
    rules = sorted((edge["top"], edge["x0"], edge["x1"]) for edge in page.edges
                   if edge["orientation"] == "h")
    if not rules:
        return
    heights = [rule[0] for rule in rules]
    kept = []
    for glyph in page.glyphs:
        height = glyph.bottom - glyph.top
        middle = (glyph.x0 + glyph.x1) / 2
        low = bisect_left(heights, glyph.top + STRIKE_LOW * height)
        high = bisect_right(heights, glyph.top + STRIKE_HIGH * height)
        if glyph.text.isspace() or not any(x0 <= middle <= x1 for _, x0, x1 in rules[low:high]):
            kept.append(glyph)
    page.glyphs = kept
