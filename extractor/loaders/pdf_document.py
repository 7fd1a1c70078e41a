"""Document-wide measures (margins, line gap, cell padding) and every region's paragraphs."""

from __future__ import annotations

from statistics import median

from extractor.loaders.pdf_lines import TextLine
from extractor.loaders.pdf_page import PageDraft, TextRun
from extractor.loaders.pdf_paragraphs import Region, build_paragraphs
from extractor.loaders.pdf_tables import CellDraft, TableDraft

__all__ = ["make_paragraphs"]


def make_paragraphs(pages: list[PageDraft]) -> None:
    """Build the paragraphs of every body run and table cell, measuring the document first."""
    runs = [(page, item) for page in pages for item in page.items if isinstance(item, TextRun)]
    cells = [(page, item.ruled, cell) for page in pages for item in page.items
             if isinstance(item, TableDraft) for row in item.rows for cell in row.cells]
    gap = _line_gap([run.lines for _, run in runs] + [cell.lines for _, _, cell in cells])
    pad = _cell_padding([cell for _, ruled, cell in cells if ruled])
    margins = _margins(runs)
    for page, run in runs:
        if run.column is None:
            left, right = margins[page.width]
            region = Region(left, right, gap, centre=page.width / 2)
        else:
            region = Region(*run.column, gap)
        run.paragraphs = build_paragraphs(run.lines, region, page.number)
    for page, ruled, cell in cells:
        inset = pad if ruled else 0.0  # a borderless cell's box is already its text's box
        right = max([cell.x1 - inset] + [line.x1 for line in cell.lines])
        region = Region(cell.x0 + inset, right, gap)
        cell.paragraphs = build_paragraphs(cell.lines, region, page.number)


def _line_gap(groups: list[list[TextLine]]) -> float:
    """The usual vertical gap between consecutive lines (of one paragraph, mostly)."""
    gaps = [b.top - a.bottom for lines in groups for a, b in zip(lines, lines[1:], strict=False)]
    return max(0.0, median(gaps)) if gaps else 0.0


def _cell_padding(cells: list[CellDraft]) -> float:
    """The usual space between a cell's left border and its text."""
    pads = [min(line.x0 for line in cell.lines) - cell.x0 for cell in cells if cell.lines]
    return max(0.0, median(pads)) if pads else 0.0


def _margins(runs: list[tuple[PageDraft, TextRun]]) -> dict[float, tuple[float, float]]:
    """Left and right text margins of the body, per page width (portrait and landscape);
    newspaper columns have their own."""
    found: dict[float, tuple[float, float]] = {}
    for page, run in runs:
        if run.column is not None:
            continue
        left = min(line.x0 for line in run.lines)
        right = max(line.x1 for line in run.lines)
        old = found.get(page.width, (left, right))
        found[page.width] = (min(old[0], left), max(old[1], right))
    return found
