"""Tables without ruling lines, found by position: body lines cut into aligned columns.

Word and LibreOffice draw no lines for a borderless table (a header block "LOCAL AUTHORITY |
Northshire County Council"), so its cells arrive as body lines cut at wide gaps
(:func:`~extractor.loaders.pdf_lines.build_lines` with ``columns``). A run of at least two such
lines whose parts start at the same x positions is a table: each cut line starts a row unless
all its parts continue the lines above (they were wrapped), and a line of one part between two
cut lines, or wrapping on from the last one, belongs to the row above (a label wrapped in its
narrow column).
"""

from __future__ import annotations

from bisect import bisect_right

from extractor.loaders.pdf_lines import TextLine, rejoin
from extractor.loaders.pdf_tables import CellDraft, RowDraft, TableDraft

__all__ = ["find_borderless"]

ALIGN_TOL = 4.0  # points: parts starting this close are in the same column
MIN_ROWS = 2  # cut lines needed before a run of lines counts as a table
CELL_GAP = 1.0  # em: the padding between a column's text and the next column (both cells')


def _physical(lines: list[TextLine]) -> list[list[TextLine]]:
    """The parts of each printed line together (``segment`` restarts at 0 on a new line)."""
    rows: list[list[TextLine]] = []
    for line in lines:
        if line.segment == 0 or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


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
    physical = _physical(lines)
    right = max((line.x1 for line in lines), default=0.0)
    if sum(len(row) > 1 for row in physical) < MIN_ROWS:
        return [rejoin(row) for row in physical], []
    body: list[TextLine] = []
    tables: list[TableDraft] = []
    i = 0
    while i < len(physical):
        end = _block_end(physical, i)
        block = physical[i:end]
        columns = _columns(block)
        if end > i and len(columns) >= 2 and all(_aligned(columns, row) for row in block):
            end = _trailing_end(physical, i, end, columns, right)
            tables.append(_table(physical[i:end], columns, page, right))
            i = end
        else:
            body.append(rejoin(physical[i]))
            i += 1
    return body, tables


def _block_end(physical: list[list[TextLine]], start: int) -> int:
    """End of the run of lines from ``start`` that may form a table: cut lines, and single
    lines with a cut line after them; at least MIN_ROWS cut lines, else ``start``."""
    if len(physical[start]) < 2:
        return start
    end, cut = start, 0
    for j in range(start, len(physical)):
        if len(physical[j]) > 1:
            end, cut = j + 1, cut + 1
        elif j + 1 >= len(physical) or len(physical[j + 1]) < 2:
            break
    return end if cut >= MIN_ROWS else start


def _limits(block: list[list[TextLine]], columns: list[float], right: float) -> list[float]:
    """Where each column's text must stop: before the next column's padding, or at ``right``
    (the right edge of the page's text)."""
    size = max(part.size for row in block for part in row)
    return [x - CELL_GAP * size for x in columns[1:]] + [right]


def _wraps(above: TextLine, part: TextLine, limit: float) -> bool:
    """True when ``part``'s first word would not have fitted after ``above`` in its column."""
    space = above.space or part.space or 0.25 * part.size
    return above.x1 + space + part.first_x1 - part.x0 > limit - 1.0


def _trailing_end(physical: list[list[TextLine]], start: int, end: int,
                  columns: list[float], right: float) -> int:
    """Take in the single lines after the last cut line that wrap on from the line above in
    their column (the last row's long label), at the block's line spacing and weight."""
    block = physical[start:end]
    limits = _limits(block, columns, right)
    gaps = [b[0].top - a[0].bottom for a, b in zip(block, block[1:], strict=False)]
    while end < len(physical) and len(physical[end]) == 1:
        part = physical[end][0]
        column = _column_of(columns, part)
        above = next((p for p in physical[end - 1] if _column_of(columns, p) == column), None)
        if (above is None or not _aligned(columns, [part]) or above.bold != part.bold
                or part.x1 > limits[column] + ALIGN_TOL
                or part.top - above.bottom > max(gaps) + 0.5
                or not _wraps(above, part, limits[column])):
            break
        end += 1
    return end


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
    """True when every part of ``row`` is the wrapped rest of the line above it in its column."""
    for part in row:
        column = _column_of(columns, part)
        above = cells[column][-1] if cells[column] else None
        if above is None:
            return False
        if not _wraps(above, part, limits[column]):
            return False
    return True
