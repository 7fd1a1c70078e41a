"""Running headers, footers and page numbers: found and dropped from the body text.

A line near the top or bottom edge is furniture when the same text (digits ignored) sits at
the same height on at least half of the pages, or when it is a lone page number
("7", "Page 3 of 12") near the edge; so is a table (a header laid out as one) that lies wholly
within the edge band and repeats the same way. The first page keeps its running header (as a
Word document's first-page header is read): some advisers put the authority, period and names
there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from extractor.loaders.pdf_data import is_page_number
from extractor.loaders.pdf_lines import TextLine
from extractor.loaders.pdf_page import PageDraft, TextRun
from extractor.loaders.pdf_tables import TableDraft

__all__ = ["drop_furniture"]

EDGE_BAND = 0.15  # share of the page height, at top and bottom, where running text sits
NUMBER_BAND = 0.10  # share of the page height where a lone number is a page number
BUCKET = 3.0  # points: heights within a bucket count as the same position
MIN_SHARE = 0.5  # share of pages a running header must appear on

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

Key = tuple[str, int, str]


Edge = tuple[TextLine | TableDraft, str, float]


def _edge_lines(page: PageDraft, band: float) -> Iterator[Edge]:
    """Body lines starting, and tables lying wholly, within ``band`` of the top or bottom, with
    their side and distance to it."""
    limit = band * page.height
    for item in page.items:
        if isinstance(item, TableDraft):
            if item.bottom < limit:
                yield item, "top", item.top
            elif page.height - item.top < limit:
                yield item, "bottom", page.height - item.bottom
            continue
        for line in item.lines:
            if line.top < limit:
                yield line, "top", line.top
            elif page.height - line.bottom < limit:
                yield line, "bottom", page.height - line.bottom


def _text(thing: TextLine | TableDraft) -> str:
    if isinstance(thing, TextLine):
        return thing.text
    return " | ".join(line.text for row in thing.rows for cell in row.cells for line in cell.lines)


def _key(thing: TextLine | TableDraft, side: str, distance: float) -> Key:
    text = _SPACES.sub(" ", _DIGITS.sub("#", _text(thing).lower())).strip()
    return side, round(distance / BUCKET), text


def drop_furniture(pages: list[PageDraft]) -> None:
    """Remove running headers, footers and page numbers from every page's body."""
    counts: Counter[Key] = Counter()
    for page in pages:
        counts.update({_key(*found) for found in _edge_lines(page, EDGE_BAND)})
    needed = max(2, round(MIN_SHARE * len(pages)))
    for number, page in enumerate(pages):
        furniture = {id(thing) for thing, side, distance in _edge_lines(page, EDGE_BAND)
                     if _repeated(counts, _key(thing, side, distance), needed)
                     and (number > 0 or side == "bottom")}
        furniture |= {id(thing) for thing, _, _ in _edge_lines(page, NUMBER_BAND)
                      if isinstance(thing, TextLine) and is_page_number(thing.text)}
        if not furniture:
            continue
        for item in page.items:
            if isinstance(item, TextRun):
                item.lines = [line for line in item.lines if id(line) not in furniture]
        page.items = [i for i in page.items if id(i) not in furniture
                      and (not isinstance(i, TextRun) or i.lines)]


def _repeated(counts: Counter[Key], key: Key, needed: int) -> bool:
    side, bucket, text = key
    return sum(counts[(side, b, text)] for b in (bucket - 1, bucket, bucket + 1)) >= needed
