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
from extractor.loaders.drafts import (
    Cell,
    Para,
    RawRow,
    Row,
    emit,
    ends_sentence,
    join_broken,
    stitch_rows,
)
from extractor.loaders.html import parse_fragment
from extractor.loaders.limits import Limits
from extractor.loaders.markdown_tables import is_grid_border, known_words, read_grid
from extractor.loaders.markers import IndentLevels, leading_marker, lone_marker
from extractor.loaders.source import read_text
from extractor.loaders.text_fixed import fixed_width_tables

__all__ = ["load_text", "parse_text", "is_caps_heading", "parse_row", "mend"]

_SEPARATOR = re.compile(r"^[\s|+:]*(?:[-=_~*—–][\s|+:]*){3,}$|^(?:\s*-{2,}\s*\t)+\s*-*\s*$")
_TAG = re.compile(r"</?(?:p|ol|ul|li|br|div|table|tr|td|span|b|strong)\b[^>]*>", re.IGNORECASE)
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*[:.]?$")
_BOLD_PAIR = re.compile(r"\*\*(.+?)\*\*")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
# The line breaks of str.splitlines but the form feed, which fixed_width_tables reads as a page
# break; once it has, a form feed breaks the line as splitlines would have.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\x1c-\x1e\x85\u2028\u2029]")
# A document is hard-wrapped when it has at least this many prose lines and ...
_MIN_WRAPPED_LINES = 12
# ... nearly all (this percentile of) them ...
_WIDTH_PERCENTILE = 0.95
# ... are no longer than this; that length is its wrap width.
_WRAP_WIDTH = 120


@dataclass
class _Open:
    """The paragraph being read: its lines and what it is ("bold": inside a ``**…**`` pair)."""

    lines: list[str] = field(default_factory=list)
    kind: str = "paragraph"
    level: int = 0
    marker: str | None = None


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


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip() and "\t" not in line)
    if len(lengths) < _MIN_WRAPPED_LINES:
        return None
    width = lengths[int(_WIDTH_PERCENTILE * (len(lengths) - 1))]
    return width if width <= _WRAP_WIDTH else None


class _Reader:
    """Turns lines into Para and RawRow drafts."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = [part for line in grid_tables(fixed_width_tables(lines)) for part in (
            line.split("\f") if isinstance(line, str) else [line])]
        self._width = _wrap_width([line for line in self._lines if isinstance(line, str)])
        self.blocks: list[Para | RawRow] = []
        self._open: _Open | None = None
        self._indents = IndentLevels()
        self._glyphs: list[str] = []  # bullet glyphs a conversion put on lines of their own
        self._heading_line: str | None = None  # the caps heading on the line just read

    def read(self) -> list[Para | RawRow]:
        for line in self._lines:
            if isinstance(line, RawRow):  # a row of a fixed-width table, its cells read
                self._flush()
                self.blocks.append(line)
            else:
                self._line(line)
        self._flush()
        return self.blocks

    def _line(self, line: str) -> None:
        heading_line, self._heading_line = self._heading_line, None
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
        lone = lone_marker(stripped)
        if lone is not None:
            self._flush()
            self._glyphs.append(lone.text)
        elif typed is not None:
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
            self._glyphs.clear()
            previous = self.blocks[-1] if self.blocks else None
            wrapped = heading_line is not None and self._wrapped(heading_line, stripped)
            if wrapped and isinstance(previous, Para):
                previous.text += " " + stripped  # a long heading wrapped onto a second line
            else:
                self.blocks.append(_heading(stripped))
            self._heading_line = stripped
        elif _TAG.search(stripped):
            self._flush()
            self.blocks.extend(parse_fragment(stripped))
        elif self._continues(stripped):
            assert self._open is not None
            self._open.lines.append(stripped)
        elif self._glyphs:
            self._flush()
            self._open = _Open([stripped], kind="bullet", marker=self._glyphs.pop(0))
        else:
            self._flush()
            self._indents.reset()
            self._open = _Open([stripped])

    def _wrapped(self, line: str, following: str) -> bool:
        """True when ``following``'s first word would not have fitted at the end of ``line``:
        the converter broke the line there because it was full."""
        words = following.split()
        room = len(line.strip()) + 1 + (len(words[0]) if words else 0)
        return self._width is not None and room > self._width

    def _continues(self, line: str) -> bool:
        """True when ``line`` is the next wrapped line of the open paragraph.

        It is when the text is hard-wrapped and the open paragraph's last line was broken for
        lack of room, or stops mid-sentence before a line that starts with no capital, nor with
        a digit after a capitalised word (narrow table columns wrap short; a name over a date,
        "Borough Council" / "1 February to 15 March 2024", are two values). A sentence end
        before a queued bullet glyph starts the next item.
        """
        if self._open is None or self._width is None:
            return False
        last = self._open.lines[-1]
        if self._glyphs and ends_sentence(last):
            return False
        if self._wrapped(last, line) or ends_sentence(last):
            return self._wrapped(last, line)
        first = line[:1]
        return not first.isupper() and not (first.isdigit() and last.split()[-1][:1].isupper())

    def _flush(self) -> None:
        current, self._open = self._open, None
        if current is None:
            return
        text = _join_lines(current.lines)
        if current.kind == "bold":
            self.blocks.append(_heading(text))
        elif current.kind == "bullet":
            self.blocks.append(
                Para(_BOLD_PAIR.sub(r"\1", text), kind="bullet", level=current.level,
                     marker=current.marker)
            )
        else:
            self.blocks.append(Para(_BOLD_PAIR.sub(r"\1", text)))


def _join_lines(lines: list[str]) -> str:
    """Wrapped lines as one paragraph; a word hyphenated at a line end ("self-" "evaluation")
    keeps its hyphen and loses the space."""
    text = ""
    for line in (line.strip() for line in lines):
        hyphenated = _HYPHEN_END.search(text) is not None and line[:1].islower()
        text += line if hyphenated or not text else " " + line
    return text


def _heading(line: str) -> Para:
    """A heading from a caps line or a ``**bold**`` line (a long bold line stays a paragraph)."""
    match = _BOLD_LINE.match(line.strip()) or re.match(r"^\*\*(.+?)\*\*$", line.strip(), re.S)
    if match is None:
        return Para(_BOLD_PAIR.sub(r"\1", line), kind="heading")
    text = match.group(1).strip()
    short = len(text.split()) <= config()["paragraphs"]["bold_heading_max_words"]
    return Para(text, kind="heading" if short else "paragraph", bold=True)


def grid_tables(lines: list[str | RawRow]) -> list[str | RawRow]:
    """``lines`` with pandoc's grid tables (``pandoc -t plain`` writes them too) as rows of
    cell markup (:func:`~extractor.loaders.markdown_tables.read_grid`)."""
    known: frozenset[str] | None = None  # read only once a grid table is found
    out: list[str | RawRow] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if not (isinstance(line, str) and isinstance(following, str) and is_grid_border(line)
                and following.lstrip().startswith("|")):
            out.append(line)
            index += 1
            continue
        end = index
        while end < len(lines) and isinstance(lines[end], str):
            end += 1
        text_lines = [str(text) for text in lines[index:end]]
        if known is None:
            known = known_words(text for text in lines if isinstance(text, str))
        rows, after = read_grid(text_lines, 0, known)
        out += [RawRow(cells=cells, first=number == 0) for number, cells in enumerate(rows)]
        index += after
    return out


def parse_row(row: RawRow, convert: Callable[[str], str] = str.strip) -> Row:
    """A Row draft from a text-conversion row: each cell's HTML fragment split into paragraphs.

    ``convert`` turns a cell's own markup (markdown, say) into HTML first.
    """
    cells = row.parsed if row.parsed is not None else [
        Cell(paras=join_broken(parse_fragment(convert(markup)))) for markup in row.cells]
    return Row(cells=cells, table=row.table, continued=row.continued)


def mend(
    blocks: list[Para | RawRow], convert: Callable[[str], str] = str.strip
) -> list[Para | Row]:
    """Stitch rows cut by page breaks, parse their cells (``convert`` as in :func:`parse_row`)
    and join paragraphs cut in two."""
    return join_broken(
        parse_row(block, convert) if isinstance(block, RawRow) else block
        for block in stitch_rows(blocks)
    )


def parse_text(text: str) -> list[Para | Row]:
    """Para and Row drafts of a text conversion, in document order."""
    lines = _LINE_BREAK.split(text)
    return mend(_Reader(lines[:-1] if lines and not lines[-1] else lines).read())


def load_text(path: Path, *, limits: Limits | None = None) -> Layout:
    """Load a plain-text report into a Layout (pages: None)."""
    path = Path(path)
    return emit(parse_text(read_text(path, Limits.resolve(limits))), "txt", path)
