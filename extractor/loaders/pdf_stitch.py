"""Join what a page break cut: paragraphs, table rows and tables that run onto the next page.

A table continues when the next page starts with a table whose columns line up with it; a
repeated header row is dropped. Its first row continues the previous row when that row ran to
the bottom of the page (near the lowest text of any page, and within a bottom margin's reach of
the page's edge), is not the table's header row (its first row, short and bold), and the new
one does not open with a heading in its first cell nor start a capitalised text in a cell that
held a few words ending higher up the page (a title or rating that ended early was not cut;
a long text may end a line early when its next paragraph moved whole to the next page). A
paragraph continues when the next part is not a new item and either starts in lower case after
an unfinished sentence or follows a line that was full (wrapped).
"""

from __future__ import annotations

from collections import defaultdict

from extractor.loaders.pdf_page import PageDraft, TextRun
from extractor.loaders.pdf_paragraphs import (
    INDENT_TOL,
    SENTENCE_END,
    ParaDraft,
    assign_levels,
    maybe_wrapped,
    wrapped,
)
from extractor.loaders.pdf_tables import CellDraft, RowDraft, TableDraft

__all__ = ["stitch", "continues"]

Block = ParaDraft | RowDraft
COLUMN_TOL = 3.0  # points: column borders this close line up across pages
BOTTOM_TOL = 1.5  # × font size: a row ending this close to the lowest text ran off the page
# points: no bottom margin and footer are taller (2.5 in). A row ending higher up the page did not
# run off it, even when no page of a short document reaches lower (a page break before a table).
MAX_BOTTOM_MARGIN = 180.0
HEADER_CELL_WORDS = 6  # a header row's cells are no longer than this
CUT_CELL_GAP = 1.2  # × font size: a cell whose text ends higher above its foot was not cut


def continues(prev: ParaDraft, nxt: ParaDraft) -> bool:
    """True when ``nxt`` is the rest of ``prev``, cut from it by a page break."""
    weak = maybe_wrapped(nxt.marker, nxt.lines[0], prev)
    if (nxt.marker is not None and not weak) or nxt.bold != prev.bold:
        return False
    x = nxt.lines[0].x0
    if min(abs(x - prev.text_x), abs(x - prev.marker_x)) > INDENT_TOL:
        return False
    ending = prev.text.rstrip(" \"'’”)")
    if weak:
        return not ending.endswith(SENTENCE_END) and wrapped(prev, nxt.lines[0])
    if nxt.text[:1].islower() and not ending.endswith(SENTENCE_END):
        return True
    return wrapped(prev, nxt.lines[0])


def _join(prev: ParaDraft, nxt: ParaDraft) -> None:
    prev.lines.extend(nxt.lines)  # nxt's marker, if any, stays in its first line's text
    prev.centered = prev.centered and nxt.centered


def _add_paragraphs(target: list[ParaDraft], more: list[ParaDraft]) -> None:
    """Append ``more`` to ``target``, joining a paragraph cut by the page break."""
    if target and more and continues(target[-1], more[0]):
        _join(target[-1], more[0])
        more = more[1:]
    target.extend(more)


def _lines_up(a: list[float], b: list[float]) -> bool:
    if abs(a[0] - b[0]) > COLUMN_TOL or abs(a[-1] - b[-1]) > COLUMN_TOL:
        return False
    return all(any(abs(x - y) <= COLUMN_TOL for y in a) for x in b)


def _texts(row: RowDraft) -> list[str]:
    return [" ".join(p.text for p in cell.paragraphs) for cell in row.cells]


def _reads_as_header(row: RowDraft) -> bool:
    """Short cells set in bold throughout: a table's header row."""
    paragraphs = [p for cell in row.cells for p in cell.paragraphs]
    return bool(paragraphs) and all(p.bold for p in paragraphs) and all(
        len(text.split()) <= HEADER_CELL_WORDS for text in _texts(row))


def _opens_with_heading(row: RowDraft) -> bool:
    first = row.cells[0].paragraphs
    return bool(first) and first[0].kind == "heading"


def _short_and_uncut(cell: CellDraft) -> bool:
    """True when ``cell`` holds a few words ending more than a line above the cell's foot."""
    lines = [line for paragraph in cell.paragraphs for line in paragraph.lines]
    words = sum(len(paragraph.text.split()) for paragraph in cell.paragraphs)
    return (bool(lines) and words <= HEADER_CELL_WORDS
            and cell.bottom - lines[-1].bottom > CUT_CELL_GAP * lines[-1].size)


def _starts_new_row(last: RowDraft, row: RowDraft) -> bool:
    """True when ``row`` starts capitalised text in a short cell of ``last`` that was not cut."""
    return len(last.cells) == len(row.cells) and any(
        _short_and_uncut(before) and after.paragraphs and after.paragraphs[0].text[:1].isupper()
        for before, after in zip(last.cells, row.cells, strict=True))


class _Stitcher:
    """Walks the pages in order, emitting blocks and joining across each page break."""

    def __init__(self, pages: list[PageDraft]) -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self.columns: dict[int, list[float]] = {}
        self.headers: dict[int, list[str]] = {}
        self.lowest: dict[float, float] = {}  # per page height: the lowest text on any page
        for page in pages:
            for item in page.items:
                bottom = item.bottom if isinstance(item, TableDraft) else item.lines[-1].bottom
                self.lowest[page.height] = max(self.lowest.get(page.height, 0.0), bottom)
        self.previous_height = 0.0  # height of the page before the current one

    def add_run(self, run: TextRun, *, page_start: bool) -> None:
        paragraphs = run.paragraphs
        last = self.blocks[-1] if self.blocks else None
        if (page_start and isinstance(last, ParaDraft) and paragraphs
                and continues(last, paragraphs[0])):
            _join(last, paragraphs[0])
            paragraphs = paragraphs[1:]
        self.blocks.extend(paragraphs)

    def add_table(self, table: TableDraft, *, page_start: bool) -> None:
        last = self.blocks[-1] if self.blocks else None
        rows = list(table.rows)
        if (page_start and isinstance(last, RowDraft)
                and _lines_up(self.columns[last.table], table.columns)):
            number = last.table
            if rows and _texts(rows[0]) == self.headers[number]:
                rows = rows[1:]
            # a header row left alone at the foot of a page is no row the next one continues
            alone = _texts(last) == self.headers[number] and _reads_as_header(last)
            if rows and not alone and self._runs_on(last, rows[0]):
                self._join_rows(last, rows.pop(0))
        else:
            number = self.tables
            self.tables += 1
            self.columns[number] = table.columns
            self.headers[number] = _texts(rows[0])
        for row in rows:
            row.table = number
            self.blocks.append(row)

    def _runs_on(self, last: RowDraft, row: RowDraft) -> bool:
        size = max((line.size for c in row.cells for p in c.paragraphs for line in p.lines),
                   default=10.0)
        lowest = self.lowest.get(self.previous_height, 0.0)
        reaches = max(lowest - BOTTOM_TOL * size, self.previous_height - MAX_BOTTOM_MARGIN)
        return last.bottom >= reaches and not _starts_new_row(last, row) and not (
            _opens_with_heading(row) and last.cells[0].paragraphs
        )

    def _join_rows(self, last: RowDraft, row: RowDraft) -> None:
        if len(last.cells) != len(row.cells):
            row.continued = True
            row.table = last.table
            self.blocks.append(row)
            return
        for cell, more in zip(last.cells, row.cells, strict=True):
            _add_paragraphs(cell.paragraphs, more.paragraphs)
            cell.fill = cell.fill or more.fill
        last.bottom = row.bottom


def stitch(pages: list[PageDraft]) -> list[Block]:
    """The document's blocks in order, with page-break cuts joined and tables numbered."""
    stitcher = _Stitcher(pages)
    for page in pages:
        for index, item in enumerate(page.items):
            if isinstance(item, TextRun):
                stitcher.add_run(item, page_start=index == 0)
            else:
                stitcher.add_table(item, page_start=index == 0)
        stitcher.previous_height = page.height
    _levels(stitcher.blocks)
    return stitcher.blocks


def _levels(blocks: list[Block]) -> None:
    """Bullet levels from indents: body bullets of pages with the same margins together, cell
    bullets per table column."""
    groups: dict[tuple[int, int], list[ParaDraft]] = defaultdict(list)
    for block in blocks:
        if isinstance(block, ParaDraft):
            groups[(-1, round(block.region.left))].append(block)
        else:
            for column, cell in enumerate(block.cells):
                groups[(block.table, column)].extend(cell.paragraphs)
    for paragraphs in groups.values():
        assign_levels(paragraphs)
