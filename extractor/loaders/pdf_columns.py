"""Tables without ruling lines, found by position: body lines cut into aligned columns.

Word and LibreOffice draw no lines for a borderless table (a header block "LOCAL AUTHORITY |
Northshire County Council"), so its cells arrive as body lines cut at wide gaps
(:func:`~extractor.loaders.pdf_lines.build_lines` with ``columns``). A run of at least two such
lines whose parts start at the same x positions is a table: each cut line starts a row unless
all its parts continue the lines above (they were wrapped), and a line of one part that wraps
on inside its column from the line above belongs to the row above (a label wrapped in its
narrow column).
"""

from __future__ import annotations

from bisect import bisect_right

from extractor.loaders.pdf_lines import TextLine, physical_rows, rejoin
from extractor.loaders.pdf_tables import CellDraft, RowDraft, TableDraft

__all__ = ["find_borderless"]

ALIGN_TOL = 4.0  # points: parts starting this close are in the same column
MIN_ROWS = 2  # cut lines needed before a run of lines counts as a table
MAX_WRAPPED = 3  # single lines a cell's text may wrap onto between two cut lines
CELL_GAP = 1.5  # em: at least the padding between a column's text and the next column


def _columns(block: list[list[TextLine]]) -> list[float]:
    """Column starts: x positions where parts of at least two cut lines begin."""
    starts = sorted(part.x0 for row in block if len(row) > 1 for part in row)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= ALIGN_TOL:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [c[0] for c in clusters if len(c) >= 2]


def _column_of(columns: list[float], part: TextLine) -> int:
    return max(0, bisect_right(columns, part.x0 + ALIGN_TOL) - 1)


def _aligned(columns: list[float], row: list[TextLine]) -> bool:
    return all(abs(part.x0 - columns[_column_of(columns, part)]) <= ALIGN_TOL for part in row)


def find_borderless(lines: list[TextLine], page: int) -> tuple[list[TextLine], list[TableDraft]]:
    """Split body lines into those that stay body text (cut lines joined again) and the
    borderless tables they form."""
    physical = physical_rows(lines)
    right = max((line.x1 for line in lines), default=0.0)
    if sum(len(row) > 1 for row in physical) < MIN_ROWS:
        return [rejoin(row) for row in physical], []
    body: list[TextLine] = []
    tables: list[TableDraft] = []
    i = 0
    while i < len(physical):
        end, columns = _table_end(physical, i, right)
        if end > i:
            tables.append(_table(physical[i:end], columns, page, right))
            i = end
        else:
            body.append(rejoin(physical[i]))
            i += 1
    return body, tables


def _region_end(physical: list[list[TextLine]], start: int) -> int:
    """End of the cut lines from ``start`` and the few single lines between and after them."""
    end = start + 1  # just after the last cut line found
    j = end
    while j < len(physical) and j - end <= MAX_WRAPPED:  # j - end: single lines since then
        if len(physical[j]) > 1:
            end = j + 1
        j += 1
    return min(len(physical), end + MAX_WRAPPED)


def _table_end(physical: list[list[TextLine]], start: int,
               right: float) -> tuple[int, list[float]]:
    """End and column starts of the borderless table at ``start`` (end ``start``: none there).
    Its cut lines line up in columns and each single line wraps on inside its column."""
    if len(physical[start]) < 2:
        return start, []
    region = physical[start:_region_end(physical, start)]
    columns = _columns(region)
    if len(columns) < 2:
        return start, []
    limits = _limits(region, columns, right)
    gap = max((b[0].top - a[0].bottom for a, b in zip(region, region[1:], strict=False)
               if len(a) > 1 and len(b) > 1), default=None)
    end, cut = start, 0
    for offset, row in enumerate(region):
        if not _aligned(columns, row):
            break
        if len(row) > 1:
            end, cut = start + offset + 1, cut + 1
            continue
        part = row[0]
        column = _column_of(columns, part)
        above = next((p for p in region[offset - 1] if _column_of(columns, p) == column), None)
        following = columns[column + 1] if column + 1 < len(columns) else right + ALIGN_TOL
        if (above is None or above.bold != part.bold or part.x1 > following
                or (gap is not None and part.top - above.bottom > gap + 0.5)
                or not _wraps(above, part, limits[column])):
            break
        end = start + offset + 1
    return (end, columns) if cut >= MIN_ROWS else (start, [])


def _limits(block: list[list[TextLine]], columns: list[float], right: float) -> list[float]:
    """Where each column's text must stop: before the next column's padding, or at ``right``
    (the right edge of the page's text)."""
    size = max(part.size for row in block for part in row)
    return [x - CELL_GAP * size for x in columns[1:]] + [right]


def _wraps(above: TextLine, part: TextLine, limit: float) -> bool:
    """True when ``part``'s first word would not have fitted after ``above`` in its column."""
    space = above.space or part.space or 0.25 * part.size
    return above.x1 + space + part.first_x1 - part.x0 > limit - 1.0


def _table(block: list[list[TextLine]], columns: list[float], page: int,
           right: float) -> TableDraft:
    edges = columns + [max(part.x1 for row in block for part in row) + 1.0]
    limits = _limits(block, columns, right)
    rows: list[list[list[TextLine]]] = []
    for row in block:
        if not rows or (len(row) > 1 and not _continues(rows[-1], row, columns, limits)):
            rows.append([[] for _ in columns])
        for part in row:
            rows[-1][_column_of(columns, part)].append(part)
    drafts = []
    for cells in rows:
        top = min(p.top for cell in cells for p in cell)
        bottom = max(p.bottom for cell in cells for p in cell)
        drafts.append(RowDraft(
            [CellDraft(edges[c], top, limits[c], bottom, lines=cell)
             for c, cell in enumerate(cells)],
            page, top, bottom,
        ))
    return TableDraft(rows=drafts, columns=edges, page=page, ruled=False)


def _continues(cells: list[list[TextLine]], row: list[TextLine], columns: list[float],
               limits: list[float]) -> bool:
    """True when every part of ``row`` is the rest of the line above it in its column: wrapped
    there (its first word would not have fitted), or, when the first column goes on in lower
    case ("Local" / "authority"), starting with no capital ("November 2025 – January" / "2026":
    the last column's right edge is not known)."""
    first = row[0].text[:1].islower() and _column_of(columns, row[0]) == 0
    for part in row:
        column = _column_of(columns, part)
        above = cells[column][-1] if cells[column] else None
        if above is None:
            return False
        if not _wraps(above, part, limits[column]) and not (
                first and (part.text[:1].islower() or part.text[:1].isdigit())):
            return False
    return True
