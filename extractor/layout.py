"""The Layout: every loader turns its format into this one shape.

A Layout is an ordered list of blocks, each either a :class:`Paragraph` (heading, paragraph or
bullet) or a :class:`TableRow` (cells, each holding its own paragraphs and fill colour), plus one
plain-text string. Every paragraph knows its character range in that string and its page, so
anything found in a paragraph can be traced back to the page.

Loaders build a Layout only through :class:`LayoutBuilder`, which owns the plain text and offsets:
each paragraph is written as its own line (``text + "\\n"``); nothing else is added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from models.report import DocumentFormat

__all__ = ["ParagraphKind", "Paragraph", "Cell", "TableRow", "Block", "Layout", "LayoutBuilder"]

ParagraphKind = Literal["heading", "paragraph", "bullet"]


@dataclass
class Paragraph:
    """A run of text. ``start``/``end`` index :attr:`Layout.text`; ``page`` is 1-based or None.

    ``level`` is the bullet nesting depth (0 = top level). ``marker`` is the list marker the
    loader stripped from the text ("•", "-", "1.", "a.", ...), or None. ``bold`` is True when the
    whole paragraph is bold (a hint for headings and labels).
    """

    kind: ParagraphKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int = 0
    marker: str | None = None
    bold: bool = False
    centered: bool = False

    def part(self, begin: int, end: int | None = None, **changes: Any) -> Paragraph:
        """The paragraph's ``text[begin:end]`` (outer spaces trimmed) as a paragraph of its own,
        with offsets into the layout text kept exact."""
        end = len(self.text) if end is None else end
        piece = self.text[begin:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        start = self.start + begin + lead
        return replace(self, text=piece, start=start, end=start + len(piece), **changes)


@dataclass
class Cell:
    """A table cell: its paragraphs in order and its fill colour as ``#RRGGBB`` (or None).

    ``merged_above`` marks the place of a cell merged down from the row above (Word's
    "vertically merged" continuation, a PDF cell spanning rows): it holds nothing of its own.
    """

    paragraphs: list[Paragraph] = field(default_factory=list)
    fill: str | None = None
    merged_above: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def start(self) -> int | None:
        return self.paragraphs[0].start if self.paragraphs else None

    @property
    def end(self) -> int | None:
        return self.paragraphs[-1].end if self.paragraphs else None


@dataclass
class TableRow:
    """One row of a table. ``table`` numbers the tables of the document from 0.

    ``continued`` is True when the loader knows this row continues the previous row of the same
    table (a row cut by a page break that it could not stitch itself).
    """

    cells: list[Cell]
    table: int
    page: int | None = None
    continued: bool = False

    @property
    def paragraphs(self) -> Iterator[Paragraph]:
        for cell in self.cells:
            yield from cell.paragraphs


Block = Paragraph | TableRow


@dataclass
class Layout:
    """A loaded document: ordered blocks over one plain-text string."""

    text: str
    blocks: list[Block]
    format: DocumentFormat
    pages: int | None = None

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in document order, those inside table cells included."""
        for block in self.blocks:
            if isinstance(block, TableRow):
                yield from block.paragraphs
            else:
                yield block


class LayoutBuilder:
    """Builds a Layout block by block, keeping the plain text and every offset consistent.

    >>> b = LayoutBuilder("txt")
    >>> _ = b.add_paragraph("Risks and concerns:", kind="heading")
    >>> b.start_row(table=0); b.start_cell(fill="#FFC000")
    >>> _ = b.add_paragraph("AMBER")
    >>> b.end_cell(); b.end_row()
    >>> layout = b.build()
    >>> layout.text
    'Risks and concerns:\\nAMBER\\n'
    """

    def __init__(self, format: DocumentFormat, *, pages: int | None = None) -> None:
        self._format = format
        self._pages = pages
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._row: TableRow | None = None
        self._cell: Cell | None = None

    def add_paragraph(
        self,
        text: str,
        *,
        kind: ParagraphKind = "paragraph",
        page: int | None = None,
        level: int = 0,
        marker: str | None = None,
        bold: bool = False,
        centered: bool = False,
    ) -> Paragraph:
        """Append a paragraph to the open cell if there is one, else to the document."""
        text = text.replace("\n", " ").strip()
        paragraph = Paragraph(
            kind=kind, text=text, start=self._length, end=self._length + len(text), page=page,
            level=level, marker=marker, bold=bold, centered=centered,
        )
        self._parts.append(text + "\n")
        self._length += len(text) + 1
        if self._cell is not None:
            self._cell.paragraphs.append(paragraph)
        elif self._row is not None:
            raise ValueError("add_paragraph inside a row needs start_cell first")
        else:
            self._blocks.append(paragraph)
        return paragraph

    def start_row(self, *, table: int, page: int | None = None, continued: bool = False) -> None:
        if self._row is not None:
            raise ValueError("start_row while a row is open")
        self._row = TableRow(cells=[], table=table, page=page, continued=continued)

    def start_cell(self, *, fill: str | None = None, merged_above: bool = False) -> None:
        if self._row is None or self._cell is not None:
            raise ValueError("start_cell needs an open row and no open cell")
        self._cell = Cell(fill=normalise_fill(fill), merged_above=merged_above)

    def end_cell(self) -> None:
        if self._row is None or self._cell is None:
            raise ValueError("end_cell without an open cell")
        self._row.cells.append(self._cell)
        self._cell = None

    def end_row(self) -> None:
        if self._row is None or self._cell is not None:
            raise ValueError("end_row needs an open row and no open cell")
        self._blocks.append(self._row)
        self._row = None

    def build(self) -> Layout:
        if self._row is not None:
            raise ValueError("build with a row still open")
        return Layout(
            text="".join(self._parts), blocks=self._blocks, format=self._format, pages=self._pages
        )


def normalise_fill(fill: str | None) -> str | None:
    """``"ffc000"``, ``"#FFC000"`` → ``"#FFC000"``; ``None``, ``"auto"``, white → None."""
    if not fill:
        return None
    value = fill.strip().lstrip("#").upper()
    if len(value) != 6 or any(c not in "0123456789ABCDEF" for c in value) or value == "FFFFFF":
        return None
    return "#" + value
