"""Plain-text conversions of reports (``.txt``), such as a PDF or Word document saved as text.

Headings are short all-capitals lines or ``**bold**`` lines (a label broken over two lines
inside one ``**…**`` pair is one paragraph). Bullets are lines starting with a typed marker
("- ", "• ", "1. "), nested by leading white space. Table rows are lines of TAB-separated cells
whose cells may hold HTML fragments; a row cut in two by a page break is mended, and separator
lines such as ``--\\t--\\t--`` are dropped. Hard-wrapped lines are joined into paragraphs, and a
paragraph cut in two by a page break is joined back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.layout import Layout
from extractor.loaders.config import config
from extractor.loaders.drafts import Cell, Para, RawRow, Row, emit, join_broken, stitch_rows
from extractor.loaders.html import parse_fragment
from extractor.loaders.limits import Limits
from extractor.loaders.markers import IndentLevels, leading_marker
from extractor.loaders.source import decode_text, read_bytes
from models.errors import UnreadableDocument

__all__ = ["load_text", "parse_text", "is_caps_heading", "parse_row"]

_SEPARATOR = re.compile(r"^[\s|+:]*(?:[-=_~*—–][\s|+:]*){3,}$|^(?:\s*-{2,}\s*\t)+\s*-*\s*$")
_TAG = re.compile(r"</?(?:p|ol|ul|li|br|div|table|tr|td|span|b|strong)\b[^>]*>", re.IGNORECASE)
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[:.]?$")
_BOLD_PAIR = re.compile(r"\*\*(.+?)\*\*")
# A document is hard-wrapped when no prose line is longer than this ...
_WRAP_WIDTH = 120
# ... and at least this share of its prose lines are long enough to have been wrapped.
_WRAPPED_SHARE = 0.3


@dataclass
class _Open:
    """The paragraph being read: its lines and what it is."""

    lines: list[str] = field(default_factory=list)
    kind: str = "paragraph"
    level: int = 0
    marker: str | None = None
    bold: bool = False


def is_caps_heading(line: str) -> bool:
    """True for a short line written (almost) all in capitals, such as ``DfE CASE LEAD``."""
    settings = config()["paragraphs"]
    letters = [char for char in line if char.isalpha()]
    if len(letters) < 2 or len(line.split()) > settings["heading_max_words"]:
        return False
    upper = sum(char.isupper() for char in letters)
    return upper >= settings["heading_min_upper_ratio"] * len(letters)


def _is_row(line: str) -> bool:
    cells = line.split("\t")
    return len([cell for cell in cells if cell.strip()]) >= 2 or bool(_TAG.search(line))


def _hard_wrapped(lines: list[str]) -> bool:
    prose = [line for line in lines if line.strip() and "\t" not in line]
    if not prose or any(len(line) > _WRAP_WIDTH for line in prose):
        return False
    return sum(len(line) >= _WRAP_WIDTH // 2 for line in prose) >= _WRAPPED_SHARE * len(prose)


class _Reader:
    """Turns lines into Para and RawRow drafts."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._wrapped = _hard_wrapped(lines)
        self.blocks: list[Para | RawRow] = []
        self._open: _Open | None = None
        self._indents = IndentLevels()

    def read(self) -> list[Para | RawRow]:
        for line in self._lines:
            self._line(line)
        self._flush()
        return self.blocks

    def _line(self, line: str) -> None:
        if self._open is not None and self._open.kind == "bold":
            self._open.lines.append(line)
            if line.rstrip().endswith("**"):
                self._flush()
            return
        if not line.strip() or _SEPARATOR.match(line):
            self._flush()
            return
        if "\t" in line and _is_row(line):
            self._flush()
            self.blocks.append(RawRow(cells=line.split("\t")))
            return
        expanded = line.expandtabs(4)
        stripped = expanded.strip()
        typed = leading_marker(stripped)
        if typed is not None:
            self._flush()
            marker, rest = typed
            level = self._indents.level(len(expanded) - len(expanded.lstrip()))
            self._open = _Open([rest], kind="bullet", level=level, marker=marker.text)
        elif stripped.startswith("**") and stripped.count("**") % 2 == 1:
            self._flush()
            self._open = _Open([stripped], kind="bold")
        elif _BOLD_LINE.match(stripped) or is_caps_heading(stripped):
            self._flush()
            self._indents.reset()
            self.blocks.append(_heading(stripped))
        elif _TAG.search(stripped):
            self._flush()
            self.blocks.extend(parse_fragment(stripped))
        elif self._open is not None and self._wrapped:
            self._open.lines.append(stripped)
        else:
            self._flush()
            self._indents.reset()
            self._open = _Open([stripped])

    def _flush(self) -> None:
        current, self._open = self._open, None
        if current is None:
            return
        text = " ".join(line.strip() for line in current.lines)
        if current.kind == "bold":
            self.blocks.append(_heading(text))
        elif current.kind == "bullet":
            self.blocks.append(
                Para(_BOLD_PAIR.sub(r"\1", text), kind="bullet", level=current.level,
                     marker=current.marker)
            )
        else:
            self.blocks.append(Para(_BOLD_PAIR.sub(r"\1", text)))


def _heading(line: str) -> Para:
    """A heading from a caps line or a ``**bold**`` line (a long bold line stays a paragraph)."""
    match = _BOLD_LINE.match(line.strip()) or re.match(r"^\*\*(.+?)\*\*$", line.strip(), re.S)
    if match is None:
        return Para(_BOLD_PAIR.sub(r"\1", line), kind="heading")
    text = match.group(1).strip()
    short = len(text.split()) <= config()["paragraphs"]["bold_heading_max_words"]
    return Para(text, kind="heading" if short else "paragraph", bold=True)


def parse_row(row: RawRow, convert: Callable[[str], str] = str.strip) -> Row:
    """A Row draft from a text-conversion row: each cell's HTML fragment split into paragraphs.

    ``convert`` turns a cell's own markup (markdown, say) into HTML first.
    """
    cells = [Cell(paras=join_broken(parse_fragment(convert(markup)))) for markup in row.cells]
    return Row(cells=cells, table=row.table, continued=row.continued)


def parse_text(text: str) -> list[Para | Row]:
    """Para and Row drafts of a text conversion, in document order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")
    stitched = stitch_rows(_Reader(lines).read())
    return join_broken(parse_row(block) if isinstance(block, RawRow) else block
                       for block in stitched)


def load_text(path: Path, *, limits: Limits | None = None) -> Layout:
    """Load a plain-text report into a Layout (pages: None)."""
    path = Path(path)
    text = decode_text(read_bytes(path, Limits.resolve(limits)))
    if text is None:
        raise UnreadableDocument("binary file of unknown type", path)
    return emit(parse_text(text), "txt", path)
