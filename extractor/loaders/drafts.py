"""Blocks as loaders first read them, the clean-ups text conversions need, and the Layout emitter.

Loaders collect :class:`Para` and :class:`Row` drafts, repair what a conversion broke (a
paragraph cut by a page break, a table row cut in two) and hand the drafts to :func:`emit`,
the one place a :class:`~extractor.layout.LayoutBuilder` is driven.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from extractor.layout import Layout, LayoutBuilder, ParagraphKind
from extractor.loaders.config import config
from extractor.loaders.source import printable
from models.errors import UnreadableDocument
from models.report import DocumentFormat

__all__ = ["Para", "Cell", "Row", "RawRow", "emit", "ends_sentence", "join_broken", "stitch_rows"]

_TAG = re.compile(r"<[^>]*>")


@dataclass
class Para:
    """A paragraph draft; fields as in :class:`extractor.layout.Paragraph`."""

    text: str
    kind: ParagraphKind = "paragraph"
    level: int = 0
    marker: str | None = None
    bold: bool = False
    centered: bool = False


@dataclass
class Cell:
    """A cell draft: paragraphs, fill colour, and whether it is merged down from the row above
    (as in :class:`extractor.layout.Cell`)."""

    paras: list[Para] = field(default_factory=list)
    fill: str | None = None
    merged_above: bool = False


@dataclass
class Row:
    """A table-row draft. ``table`` numbers the document's tables from 0."""

    cells: list[Cell]
    table: int = 0
    continued: bool = False


@dataclass
class RawRow:
    """A table row of a text conversion whose cells are still unparsed markup."""

    cells: list[str]
    table: int = 0
    continued: bool = False
    first: bool = False  # known to start a table (a markdown header row)
    parsed: list[Cell] | None = None  # cells already read (an HTML table inside markdown)


_Block = TypeVar("_Block", bound=Para | Row | RawRow)


def emit(blocks: Iterable[Para | Row], format: DocumentFormat, path: Path) -> Layout:
    """Build the Layout of ``blocks``; raise UnreadableDocument("no text") if it has none."""
    builder = LayoutBuilder(format)
    for block in blocks:
        if isinstance(block, Para):
            _add(builder, block)
            continue
        builder.start_row(table=block.table, continued=block.continued)
        for cell in block.cells:
            builder.start_cell(fill=cell.fill, merged_above=cell.merged_above)
            for para in cell.paras:
                _add(builder, para)
            builder.end_cell()
        builder.end_row()
    layout = builder.build()
    if not layout.text.strip():
        raise UnreadableDocument("no text", path)
    return layout


def _add(builder: LayoutBuilder, para: Para) -> None:
    text = printable(para.text)
    if text.strip():
        builder.add_paragraph(
            text, kind=para.kind, level=para.level, marker=para.marker, bold=para.bold,
            centered=para.centered,
        )


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (closing quotes or brackets allowed)."""
    settings = config()["paragraphs"]
    stripped = text.rstrip().rstrip(settings["closers"])
    return not stripped or stripped[-1] in settings["sentence_end"]


def _continues(previous: Para, following: Para) -> bool:
    return (
        previous.kind != "heading"
        and following.kind == "paragraph"
        and following.text[:1].islower()
        and not ends_sentence(previous.text)
    )


def join_broken(blocks: Iterable[_Block]) -> list[_Block]:
    """Join each paragraph that a page break cut in two back into one.

    The first part ends without sentence punctuation and is not a heading; the second is a
    plain paragraph starting lower-case.
    """
    joined: list[_Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if isinstance(block, Para) and isinstance(previous, Para) and _continues(previous, block):
            previous.text = f"{previous.text.rstrip()} {block.text.lstrip()}"
            previous.bold = previous.bold and block.bold
            previous.centered = previous.centered and block.centered
        else:
            joined.append(block)
    return joined


def _is_continuation(row: RawRow) -> bool:
    """A row whose first cell is empty or starts lower-case continues the row before it."""
    first = _TAG.sub(" ", row.cells[0]).strip() if row.cells else ""
    return not first or first[:1].islower()


def stitch_rows(blocks: Iterable[Para | RawRow]) -> list[Para | RawRow]:
    """Number the tables, and mend rows that a page break cut in two.

    A continuation row right after its row is merged into it cell by cell (aligned on the right
    when it has fewer cells); one separated from it by paragraphs is marked ``continued``. A
    heading between rows starts a new table, as does a row marked ``first``; prose between rows
    is taken as spill-over.
    """
    stitched: list[Para | RawRow] = []
    table = -1
    last_row: RawRow | None = None
    new_table = True
    for block in blocks:
        if isinstance(block, Para):
            stitched.append(block)
            new_table = new_table or block.kind == "heading"
            continue
        adjacent = bool(stitched) and stitched[-1] is last_row
        if block.first:
            table += 1
        elif block.parsed is not None:
            pass  # a row of a real table: never a piece of the row before it
        elif last_row is not None and _is_continuation(block):
            if adjacent and len(block.cells) <= len(last_row.cells):
                offset = len(last_row.cells) - len(block.cells)
                for index, markup in enumerate(block.cells):
                    last_row.cells[offset + index] += " " + markup
                continue
            block.continued = True
        elif new_table or last_row is None:
            table += 1
        block.table = max(table, 0)
        stitched.append(block)
        last_row = block
        new_table = False
    return stitched
