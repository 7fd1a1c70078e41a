"""One page's objects → its text runs and tables (ruled or borderless) in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.loaders.pdf_columns import find_borderless
from extractor.loaders.pdf_lines import TextLine, build_lines
from extractor.loaders.pdf_objects import Glyph, PageObjects
from extractor.loaders.pdf_paragraphs import ParaDraft
from extractor.loaders.pdf_tables import CellDraft, TableDraft, find_tables

__all__ = ["TextRun", "PageDraft", "draft_page"]


@dataclass
class TextRun:
    """Body lines between two tables (or page edges), and later their paragraphs."""

    lines: list[TextLine]
    paragraphs: list[ParaDraft] = field(default_factory=list)


@dataclass
class PageDraft:
    """A page as text runs and tables, top to bottom; ``ink`` counts its visible glyphs and
    ``unmapped`` those a font gave no Unicode for (pdfminer's "(cid:N)")."""

    number: int
    width: float
    height: float
    items: list[TextRun | TableDraft]
    ink: int = 0
    unmapped: int = 0


def draft_page(page: PageObjects) -> PageDraft:
    """Split the page's glyphs between table cells and body text, then make lines."""
    tables = find_tables(page)
    body: list[Glyph] = []
    in_cell: dict[int, list[Glyph]] = {}
    cells: dict[int, CellDraft] = {}
    for glyph in page.glyphs:
        x = (glyph.x0 + glyph.x1) / 2
        y = (glyph.top + glyph.bottom) / 2
        cell = None
        for table in tables:
            if table.top <= y <= table.bottom and table.x0 <= x <= table.x1:
                cell = table.cell_at(x, y)
                break
        if cell is None:
            body.append(glyph)
        else:
            in_cell.setdefault(id(cell), []).append(glyph)
            cells[id(cell)] = cell
    for key, glyphs in in_cell.items():
        cells[key].lines = build_lines(glyphs)
    tables = [t for t in tables if any(c.lines for row in t.rows for c in row.cells)]  # no charts
    lines, borderless = find_borderless(build_lines(body, columns=True), page.number)
    tables = sorted(tables + borderless, key=lambda table: table.top)
    items = _interleave(lines, tables)
    ink = [g.text for g in page.glyphs if not g.text.isspace()]
    unmapped = sum(text.startswith("(cid:") for text in ink)
    return PageDraft(page.number, page.width, page.height, items, len(ink), unmapped)


def _interleave(lines: list[TextLine], tables: list[TableDraft]) -> list[TextRun | TableDraft]:
    """Body lines and tables merged in order of their tops, lines grouped into runs."""
    items: list[TextRun | TableDraft] = []
    run: list[TextLine] = []
    pending = iter(tables)
    table = next(pending, None)
    for line in lines:
        while table is not None and table.top <= line.top:
            if run:
                items.append(TextRun(run))
                run = []
            items.append(table)
            table = next(pending, None)
        run.append(line)
    if run:
        items.append(TextRun(run))
    if table is not None:
        items.append(table)
    items.extend(pending)
    return items
