"""One page's objects → its text runs and tables (ruled or borderless) in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extractor.loaders.config import config
from extractor.loaders.pdf_columns import find_borderless
from extractor.loaders.pdf_lines import TextLine, build_lines
from extractor.loaders.pdf_newspaper import Flow, read_flows
from extractor.loaders.pdf_objects import Glyph, PageObjects
from extractor.loaders.pdf_paragraphs import ParaDraft
from extractor.loaders.pdf_tables import CellDraft, TableDraft, find_tables

__all__ = ["TextRun", "PageDraft", "draft_page"]


@dataclass
class TextRun:
    """Body lines between two tables (or page edges), and later their paragraphs; ``column``
    is the left and right edge of the newspaper column they are in, None across the page."""

    lines: list[TextLine]
    paragraphs: list[ParaDraft] = field(default_factory=list)
    column: tuple[float, float] | None = None


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
    """Split the page's glyphs between table cells and body text, then make lines. A table
    nested in another's cell gives its text to that cell, a label row as "label | value"."""
    tables = find_tables(page)
    hosts = _hosts(tables)
    body: list[Glyph] = []
    in_cell: dict[int, list[Glyph]] = {}
    cells: dict[int, CellDraft] = {}
    for glyph in page.glyphs:
        x = (glyph.x0 + glyph.x1) / 2
        y = (glyph.top + glyph.bottom) / 2
        cell = None
        for table in sorted(tables, key=lambda t: id(t) not in hosts):  # nested tables first
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
    for table in tables:
        if id(table) in hosts:
            host = hosts[id(table)]
            host.lines = sorted(host.lines + _nested_lines(table), key=lambda line: line.top)
    tables = [t for t in tables if id(t) not in hosts
              and any(c.lines for row in t.rows for c in row.cells)]  # no charts
    flows = read_flows(build_lines(body, columns=True), body, page.edges,
                       [table.top for table in tables])
    items: list[TextRun | TableDraft] = []
    for flow, ruled in zip(flows, _share(tables, flows), strict=True):
        lines, borderless = find_borderless(flow.lines, page.number)
        items += _interleave(lines, sorted(ruled + borderless, key=lambda table: table.top),
                             flow.column)
    ink = [g.text for g in page.glyphs if not g.text.isspace()]
    unmapped = sum(text.startswith("(cid:") for text in ink)
    return PageDraft(page.number, page.width, page.height, items, len(ink), unmapped)


def _hosts(tables: list[TableDraft]) -> dict[int, CellDraft]:
    """The cell each table nested in another table lies in, by the nested table's id."""
    hosts: dict[int, CellDraft] = {}
    for inner in tables:
        for outer in tables:
            if outer is not inner and (outer.x0 < inner.x0 and inner.x1 < outer.x1
                                       and outer.top <= inner.top and inner.bottom <= outer.bottom):
                host = outer.cell_at((inner.x0 + inner.x1) / 2, (inner.top + inner.bottom) / 2)
                if host is not None:
                    hosts[id(inner)] = host
    return hosts


def _nested_lines(table: TableDraft) -> list[TextLine]:
    """A nested table's lines, row by row, each a paragraph of its own; a row of a short label
    and its value is one line "label | value"."""
    lines: list[TextLine] = []
    label_words = config()["nested_tables"]["label_max_words"]
    for row in table.rows:
        parts = [cell.lines for cell in row.cells]
        label = " ".join(line.text for line in parts[0]) if len(parts) == 2 else ""
        if parts[1:] and parts[1] and 0 < len(label.split()) <= label_words:
            first, value = parts[0][0], parts[1]
            lines.append(replace(first, text=f"{label} | {' '.join(v.text for v in value)}",
                                 x1=value[-1].x1, top=min(first.top, value[0].top),
                                 bottom=max(parts[0][-1].bottom, value[-1].bottom),
                                 bold=all(line.bold for part in parts for line in part),
                                 alone=True))
        else:
            lines.extend(replace(line, alone=True) for part in parts for line in part)
    return lines


def _share(tables: list[TableDraft], flows: list[Flow]) -> list[list[TableDraft]]:
    """The ruled tables each flow of body text takes: a table goes to the first flow with a
    line at or below its top, the last flow takes the rest."""
    shares: list[list[TableDraft]] = [[] for _ in flows]
    for table in tables:
        index = next((i for i, flow in enumerate(flows)
                      if any(line.top >= table.top for line in flow.lines)), len(flows) - 1)
        shares[index].append(table)
    return shares


def _interleave(lines: list[TextLine], tables: list[TableDraft],
                column: tuple[float, float] | None) -> list[TextRun | TableDraft]:
    """Body lines and tables merged in order of their tops, lines grouped into runs (in
    ``column``, if the lines are a newspaper column's)."""
    items: list[TextRun | TableDraft] = []
    run: list[TextLine] = []
    pending = iter(tables)
    table = next(pending, None)
    for line in lines:
        while table is not None and table.top <= line.top:
            if run:
                items.append(TextRun(run, column=column))
                run = []
            items.append(table)
            table = next(pending, None)
        run.append(line)
    if run:
        items.append(TextRun(run, column=column))
    if table is not None:
        items.append(table)
    items.extend(pending)
    return items
