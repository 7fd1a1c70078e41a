"""Tables from ruling lines: cells, their fill colours, and which cell a point falls in.

Cell borders come from the page's lines and rect sides (Word and LibreOffice draw them either
way); pdfplumber's :class:`~pdfplumber.table.TableFinder` with the ``lines`` strategy turns them
into cells. It keeps only tables of two or more cells, so a lone box (a page border, a shaded
heading bar, a highlight behind words) stays body text. Two tables drawn one against the other
(a running header laid out as a table, straight above the page's table) come out of the finder
as one; they are parted where two rows share no inner border. Shading is the filled area lying
behind most of a cell.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from pdfplumber.table import TableFinder

from extractor.loaders.pdf_lines import TextLine
from extractor.loaders.pdf_objects import Fill, PageObjects

if TYPE_CHECKING:
    from extractor.loaders.pdf_paragraphs import ParaDraft

__all__ = ["CellDraft", "RowDraft", "TableDraft", "find_tables"]

SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
MIN_COVER = 0.6  # a fill colours a cell when it lies behind this share of the cell's area
MAX_FILL_SHARE = 0.5  # fills larger than this share of the page are backgrounds, not shading
BORDER_TOL = 2.0  # points: cell borders this close are one border
MAX_EDGES = 800  # beyond this many edges a page holds a drawing (a chart): filled areas are
# then not taken for cell borders, which keeps table finding fast


@dataclass
class CellDraft:
    """A cell's box, fill, text lines (first pass) and paragraphs (second pass)."""

    x0: float
    top: float
    x1: float
    bottom: float
    fill: str | None = None
    lines: list[TextLine] = field(default_factory=list)
    paragraphs: list[ParaDraft] = field(default_factory=list)
    merged_above: bool = False  # the place of a cell of a row above, merged down into this row


@dataclass
class RowDraft:
    """A table row on one page; ``table`` is set when tables are numbered across pages."""

    cells: list[CellDraft]
    page: int
    top: float
    bottom: float
    table: int = -1
    continued: bool = False


@dataclass
class TableDraft:
    """A table as found on one page, with the x positions of its column boundaries.

    ``ruled`` is False for a table found by the position of its text (no ruling lines); its
    cells' boxes are then the boxes its text may fill.
    """

    rows: list[RowDraft]
    columns: list[float]
    page: int
    ruled: bool = True
    _xs: list[float] = field(default_factory=list, repr=False)
    _ys: list[float] = field(default_factory=list, repr=False)
    _slots: dict[tuple[int, int], CellDraft] = field(default_factory=dict, repr=False)

    @property
    def top(self) -> float:
        return self.rows[0].top

    @property
    def bottom(self) -> float:
        return self.rows[-1].bottom

    @property
    def x0(self) -> float:
        return self.columns[0]

    @property
    def x1(self) -> float:
        return self.columns[-1]

    def cell_at(self, x: float, y: float) -> CellDraft | None:
        """The cell containing the point, or None."""
        xi = bisect_right(self._xs, x) - 1
        yi = bisect_right(self._ys, y) - 1
        return self._slots.get((xi, yi))


@dataclass
class _EdgeSource:
    """The part of a pdfplumber Page that the ``lines`` strategy reads."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


def find_tables(page: PageObjects) -> list[TableDraft]:
    """The ruled tables of a page, top to bottom, each cell with its fill colour."""
    if len(page.edges) < 4:
        return []
    edges = page.edges
    if len(edges) > MAX_EDGES:
        edges = [e for e in edges if e["object_type"] != "area_edge"]
    source = _EdgeSource(edges, (0.0, 0.0, page.width, page.height))
    finder = TableFinder(cast(Any, source), SETTINGS)
    page_area = page.width * page.height
    fills = [f for f in page.fills if _area(f) <= MAX_FILL_SHARE * page_area]
    tables: list[TableDraft] = []
    for table in finder.tables:
        slots = sorted({cell[0] for cell in table.cells})  # where the finder's row slots start
        right = max(cell[2] for cell in table.cells)
        tables.extend(_draft([_row_cells(row, slots, right) for row in rows], fills, page.number)
                      for rows in _parts(table.rows))
    return sorted((t for t in tables if t.rows), key=lambda t: t.top)


def _inner_borders(row: Any, left: float) -> list[float]:
    return [bbox[0] for bbox in row.cells if bbox is not None and bbox[0] > left + BORDER_TOL]


def _share_no_border(a: list[float], b: list[float]) -> bool:
    return bool(a and b) and all(abs(x - y) > BORDER_TOL for x in a for y in b)


def _parts(rows: list[Any]) -> list[list[Any]]:
    """``rows`` cut where two neighbouring rows both have inner borders and share none."""
    left = min((row.bbox[0] for row in rows), default=0.0)
    parts: list[list[Any]] = []
    for row in rows:
        if parts and not _share_no_border(_inner_borders(parts[-1][-1], left),
                                          _inner_borders(row, left)):
            parts[-1].append(row)
        else:
            parts.append([row])
    return parts


def _area(fill: Fill) -> float:
    return (fill.x1 - fill.x0) * (fill.bottom - fill.top)


def _row_cells(row: Any, xs: list[float], right: float) -> list[CellDraft]:
    """The row's cells (``xs``: where the table's cells start, as the finder's slots are);
    each slot that a cell of a row above covers (merged down into this row) is an empty cell,
    as Word keeps it, while a slot inside a cell of this row merged across is no cell."""
    boxes = [bbox for bbox in row.cells if bbox is not None]
    if not boxes:
        return []
    top, bottom = row.bbox[1], row.bbox[3]
    cells: list[CellDraft] = []
    for x, bbox in zip(xs, row.cells, strict=True):
        if bbox is not None:
            cells.append(CellDraft(*bbox))
        elif not any(b[0] + BORDER_TOL < x < b[2] - BORDER_TOL for b in boxes) and not (
                cells and cells[-1].x1 > x + BORDER_TOL):
            x1 = min((start for start in (*xs, *(b[0] for b in boxes))
                      if start > x + BORDER_TOL), default=right)
            cells.append(CellDraft(x, top, x1, bottom, merged_above=True))
    return cells


def _draft(rows: list[list[CellDraft]], fills: list[Fill], page: int) -> TableDraft:
    drafts = [RowDraft(cells=cells, page=page, top=min(c.top for c in cells),
                       bottom=max(c.bottom for c in cells)) for cells in rows if cells]
    cells = [cell for row in drafts for cell in row.cells]
    xs = sorted({v for c in cells for v in (c.x0, c.x1)})
    ys = sorted({v for c in cells for v in (c.top, c.bottom)})
    table = TableDraft(rows=drafts, columns=xs, page=page, _xs=xs, _ys=ys)
    for cell in cells:
        for xi in range(xs.index(cell.x0), xs.index(cell.x1)):
            for yi in range(ys.index(cell.top), ys.index(cell.bottom)):
                table._slots.setdefault((xi, yi), cell)  # a cell merged down keeps its text
        cell.fill = _fill_of(cell, fills)
    return table


def _fill_of(cell: CellDraft, fills: list[Fill]) -> str | None:
    """The colour of the topmost fill lying behind most of the cell."""
    area = (cell.x1 - cell.x0) * (cell.bottom - cell.top)
    colour = None
    for fill in fills:
        width = min(cell.x1, fill.x1) - max(cell.x0, fill.x0)
        height = min(cell.bottom, fill.bottom) - max(cell.top, fill.top)
        if width > 0 and height > 0 and width * height >= MIN_COVER * area:
            colour = fill.colour
    return colour
