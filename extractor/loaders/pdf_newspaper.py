"""Newspaper columns: a block of body lines split by a vertical gutter, read column by column.

A Word section set in two columns comes out of LibreOffice with the columns' lines side by
side, and :func:`~extractor.loaders.pdf_lines.build_lines` makes each row of them one printed
line across the page. A block of consecutive rows is set in columns when an x band (the gutter)
is free of text in every one of them and the text either side reads as a column of prose: one
run of words a row, wide, and mostly wrapped full. Its left column is then read top to bottom,
then its right column, before the rows under it; the other rows stay as they were.

Tables are no blocks: a ruled table's text is not body text and a block never runs past one; a
borderless table's label or rating column is narrow or short, and its rows hold more than one
run of words on a side. Thresholds: ``[newspaper]`` in ``extractor/data/pdf_layout.toml``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from statistics import median
from typing import Any

from extractor.loaders.pdf_data import bullet_marker, settings
from extractor.loaders.pdf_lines import TextLine, build_lines, physical_rows
from extractor.loaders.pdf_objects import Glyph

__all__ = ["Flow", "read_flows"]

Row = list[TextLine]
Span = tuple[float, float]  # top and bottom of a row or a rule


@dataclass(frozen=True)
class _Limits:
    """The ``[newspaper]`` thresholds (see the data file)."""

    min_gutter_em: float
    max_hole_em: float
    apart_em: float
    min_lines: int
    min_column_lines: int
    min_column_em: float
    full_em: float
    full_share: float
    line_slack_em: float


@cache
def _limits() -> _Limits:
    return _Limits(**settings("newspaper"))


@dataclass
class Flow:
    """Body lines read as one stream, top to bottom: across the page (``column`` None), or down
    one newspaper column (``column``: the left and right edges of its text)."""

    lines: list[TextLine]
    column: tuple[float, float] | None = None


@dataclass
class _Band:
    """A gutter candidate: ``x0``..``x1`` is free of text in rows ``start`` to ``end``
    (exclusive; -1 while it lasts); ``size`` is the font size of its first row."""

    x0: float
    x1: float
    start: int
    size: float
    end: int = -1


def read_flows(lines: list[TextLine], glyphs: list[Glyph], edges: list[dict[str, Any]],
               table_tops: list[float]) -> list[Flow]:
    """The page's body ``lines`` (from ``glyphs``, cut at column gaps) as flows in reading
    order: one across the page unless a block of rows is set in newspaper columns, which then
    gives a flow for each of its columns. A block never runs past a ruled table's top; a
    vertical rule in ``edges`` drawn down the gutter keeps the rows it reaches in the block."""
    rows = physical_rows(lines)
    tops = [min(part.top for part in row) for row in rows]
    cuts = {bisect_left(tops, top) for top in table_tops}
    flows: list[Flow] = []
    done = 0
    for start, end, band in _blocks(rows, cuts, edges):
        if start > done:
            flows.append(Flow([p for row in rows[done:start] for p in row]))
        flows.extend(_columns(rows[start:end], glyphs, band))
        done = end
    if done < len(rows) or not flows:
        flows.append(Flow([p for row in rows[done:] for p in row]))
    return flows


def _blocks(rows: list[Row], cuts: set[int], edges: list[dict[str, Any]]
            ) -> list[tuple[int, int, _Band]]:
    """Blocks of rows set in columns, top to bottom, as (first row, end row, gutter)."""
    found: list[tuple[int, int, _Band]] = []
    for band in _bands(rows, cuts):
        block = _block(rows, band, cuts, edges)
        if block is not None and all(block[0] >= end or block[1] <= start
                                     for start, end, _ in found):
            found.append((*block, band))
    return sorted(found, key=lambda block: block[0])


def _bands(rows: list[Row], cuts: set[int]) -> list[_Band]:
    """Every x band free of text from a row with text on both sides of it down as far as it
    stays free (and no ruled table starts), wide enough for a gutter all the way."""
    limits = _limits()
    found: list[_Band] = []
    active: list[_Band] = []
    for index, row in enumerate(rows):
        if index in cuts:
            _close(active, index, found)
            active = []
        kept: list[_Band] = []
        ended: list[_Band] = []
        for band in active:
            (kept if _narrow(band, row, limits.min_gutter_em) else ended).append(band)
        _close(ended, index, found)
        size = max(part.size for part in row)
        for left, right in zip(row, row[1:], strict=False):
            if right.x0 - left.x1 >= limits.min_gutter_em * size and not any(
                    band.x0 < right.x0 and left.x1 < band.x1 for band in kept):
                kept.append(_Band(left.x1, right.x0, index, size))
        active = kept
    _close(active, len(rows), found)
    return [band for band in found if band.end - band.start >= limits.min_column_lines]


def _close(bands: list[_Band], end: int, found: list[_Band]) -> None:
    """End ``bands`` before row ``end`` and add them to ``found``."""
    for band in bands:
        band.end = end
        found.append(band)


def _narrow(band: _Band, row: Row, min_em: float) -> bool:
    """Narrow ``band`` to stay clear of ``row``'s text; False (and ``band`` left as it was)
    when too little of it would be left."""
    x0, x1 = band.x0, band.x1
    for part in row:
        if part.x0 < x1 and x0 < part.x1:
            if part.x0 - x0 >= x1 - part.x1:
                x1 = part.x0
            else:
                x0 = part.x1
    if x1 - x0 < min_em * band.size:
        return False
    band.x0, band.x1 = x0, x1
    return True


def _free(row: Row, band: _Band) -> bool:
    return all(part.x1 <= band.x0 or part.x0 >= band.x1 for part in row)


def _sides(row: Row, band: _Band) -> tuple[Row, Row]:
    """The row's parts left and right of the gutter."""
    return [p for p in row if p.x1 <= band.x0], [p for p in row if p.x0 >= band.x1]


def _block(rows: list[Row], band: _Band, cuts: set[int], edges: list[dict[str, Any]]
           ) -> tuple[int, int] | None:
    """The rows ``band`` splits into two columns (first, end), or None when they are no
    newspaper columns. The first and last rows with text in both columns are no part of it
    when they stand apart from the columns' other lines (a running header or footer); rows
    where only one column has text, above where the other starts or below where it ends,
    belong to it while they go on at the usual line gap. A rule drawn down the gutter keeps
    every row it reaches. A block whose gutter goes on above or below it, only
    narrower, is part of something else (a table's cells, ragged), and so no block."""
    low, high = _piece(rows, band, cuts)
    start = band.start
    while start > low and _free(rows[start - 1], band):
        start -= 1
    sides = [_sides(row, band) for row in rows[start:min(band.end, high)]]
    columns = [{i: _span(pair[k]) for i, pair in enumerate(sides) if pair[k]} for k in (0, 1)]
    if not columns[0] or not columns[1]:
        return None
    first, last = max(min(c) for c in columns), min(max(c) for c in columns)
    if first > last:
        return None
    limit = _usual_gap(columns, first, last) + _limits().line_slack_em * band.size
    rules = _rules(edges, band)
    apart = _limits().apart_em * band.size
    while last > first and not _near(columns, last, -1, apart, rules):
        last -= 1  # a footer across both columns
    while first < last and not _near(columns, first, 1, apart, rules):
        first += 1  # a running header
    top = _reach(columns, range(first - 1, -1, -1), limit, rules, first)
    bottom = _reach(columns, range(last + 1, len(sides)), limit, rules, last)
    block = sides[top:bottom + 1]
    begin, end = start + top, start + bottom + 1
    if (not _columns_of_prose(block, band.size) or _table_rows(block)
            or any(low <= i < high and _narrower(rows[i], band) for i in (begin - 1, end))):
        return None
    return begin, end


def _piece(rows: list[Row], band: _Band, cuts: set[int]) -> tuple[int, int]:
    """The rows round the band's first one (first, end) that no ruled table and no blank wider
    than ``max_hole_em`` part from it."""
    hole = _limits().max_hole_em * band.size

    def parted(index: int) -> bool:  # rows ``index - 1`` and ``index`` are parted
        above, below = _span(rows[index - 1]), _span(rows[index])
        return index in cuts or below[0] - above[1] > hole

    low = band.start
    while low > 0 and not parted(low):
        low -= 1
    high = band.start + 1
    while high < len(rows) and not parted(high):
        high += 1
    return low, high


def _narrower(row: Row, band: _Band) -> bool:
    """True when ``row``'s text reaches into ``band`` but leaves a gap across part of it: the
    same gutter going on, only narrower."""
    return not _free(row, band) and any(
        left.x1 < band.x1 and band.x0 < right.x0 for left, right in zip(row, row[1:], strict=False))


def _table_rows(sides: list[tuple[Row, Row]]) -> bool:
    """True when one side has no text for two rows or more while the other goes on, then both
    start on one row again: a table's rows (a cell shorter than the one beside it), where a
    column of text would go on at its own line pitch."""
    alone, side = 0, -1
    for left, right in sides:
        if left and right:
            if alone >= 2:
                return True
            alone, side = 0, -1
        else:
            alone = alone + 1 if side == bool(left) else 1
            side = bool(left)
    return False


def _span(parts: Row) -> Span:
    return min(p.top for p in parts), max(p.bottom for p in parts)


def _usual_gap(columns: list[dict[int, Span]], first: int, last: int) -> float:
    """The median gap between consecutive lines of one column in rows ``first``..``last``."""
    gaps = []
    for column in columns:
        lines = [span for index, span in sorted(column.items()) if first <= index <= last]
        gaps += [b[0] - a[1] for a, b in zip(lines, lines[1:], strict=False)]
    return median(gaps) if gaps else 0.0


def _rules(edges: list[dict[str, Any]], band: _Band) -> list[Span]:
    """The vertical spans of lines drawn down the gutter."""
    return [(e["top"], e["bottom"]) for e in edges
            if e["orientation"] == "v" and band.x0 < e["x0"] < band.x1]


def _reach(columns: list[dict[int, Span]], order: range, limit: float, rules: list[Span],
           edge: int) -> int:
    """The last row, going out from row ``edge`` through ``order``, that belongs to the block
    (is near the block's lines)."""
    for index in order:
        if not _near(columns, index, -order.step, limit, rules):
            break
        edge = index
    return edge


def _near(columns: list[dict[int, Span]], index: int, back: int, limit: float,
          rules: list[Span]) -> bool:
    """True when a line of row ``index`` is at most ``limit`` from its column's next line
    in direction ``back`` (towards the block), or a rule drawn down the gutter reaches it."""
    for column in columns:
        if index not in column:
            continue
        top, bottom = column[index]
        if any(a <= top and bottom <= b for a, b in rules):
            return True
        stop = max(column) + 1 if back > 0 else min(column) - 1
        near = next((column[j] for j in range(index + back, stop, back) if j in column), None)
        if near is not None and (near[0] - bottom if back > 0 else top - near[1]) <= limit:
            return True
    return False


def _columns_of_prose(sides: list[tuple[Row, Row]], size: float) -> bool:
    """True when the block is tall enough and each side of it reads as a column of prose."""
    return len(sides) >= _limits().min_lines and all(
        _prose([pair[k] for pair in sides if pair[k]], size) for k in (0, 1))


def _prose(column: list[Row], size: float) -> bool:
    """True for enough rows of one run of words each (after a list marker), together wide, and
    most of them running to the right edge (wrapped), as a column of text is and a table's
    label or rating column is not."""
    limits = _limits()
    if len(column) < limits.min_column_lines or not all(map(_one_run, column)):
        return False
    left = min(parts[0].x0 for parts in column)
    right = max(parts[-1].x1 for parts in column)
    full = sum(parts[-1].x1 >= right - limits.full_em * size for parts in column)
    return right - left >= limits.min_column_em * size and full >= limits.full_share * len(column)


def _one_run(parts: Row) -> bool:
    """One run of words, or a list marker and its tab before one."""
    return len(parts) == 1 or (len(parts) == 2 and parts[0].first == parts[0].text
                               and bullet_marker(parts[0].text) is not None)


def _columns(rows: list[Row], glyphs: list[Glyph], band: _Band) -> list[Flow]:
    """The block's glyphs split at the gutter into two columns, each made into lines anew (a
    column's lines need not share the other's baselines)."""
    top = min(p.top for row in rows for p in row)
    bottom = max(p.bottom for row in rows for p in row)
    middle = band.x0 + band.x1
    halves: tuple[list[Glyph], list[Glyph]] = ([], [])
    for glyph in glyphs:
        if top <= (glyph.top + glyph.bottom) / 2 <= bottom:
            halves[glyph.x0 + glyph.x1 > middle].append(glyph)
    return [_flow(build_lines(half, columns=True)) for half in halves]


def _flow(lines: list[TextLine]) -> Flow:
    return Flow(lines, (min(line.x0 for line in lines), max(line.x1 for line in lines)))
