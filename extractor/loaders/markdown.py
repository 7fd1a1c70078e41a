"""Markdown reports (``.md``): ATX and setext headings, nested bullet and numbered lists, pipe
tables whose cells may hold ``<br>`` and HTML fragments, HTML tables (pandoc writes a table
with several paragraphs in a cell as ``<table>``), pandoc's grid, simple and multiline tables
(markdown_tables.py), ``**bold**`` paragraphs, HTML blocks.

Not a full CommonMark parser: it reads the constructs report conversions produce. Like the text
loader it mends table rows and paragraphs cut by page breaks.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractor.layout import Layout
from extractor.loaders.config import config
from extractor.loaders.drafts import Para, RawRow, Row, emit
from extractor.loaders.html import parse_fragment, parse_html
from extractor.loaders.limits import Limits
from extractor.loaders.markdown_tables import is_grid_border, known_words, read_dashed, read_grid
from extractor.loaders.markers import IndentLevels, leading_marker
from extractor.loaders.source import read_text
from extractor.loaders.text import mend, parse_row

__all__ = ["load_markdown", "parse_markdown", "markdown_to_html"]

_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_TABLE_START = re.compile(r"^ {0,3}<table\b", re.I)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.I)
_HTML_BLOCK = re.compile(r"^ {0,3}</?(?:p|div|table|ul|ol|li|h[1-6]|br|center|section)\b", re.I)
_ESCAPED_PIPE = "\x00"
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link → its text
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"<b>\1</b>"),
    (re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),
    (re.compile(r"(?<=[\w\s])---(?=[\w\s])"), "\u2014"),  # pandoc's ASCII em dash ...
    (re.compile(r"(?<=\s)--(?=\s)"), "\u2013"),  # ... and en dash between words
)


def markdown_to_html(text: str) -> str:
    """Markdown inline markup as HTML: bold → ``<b>``, links and images → their text."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def _split_cells(line: str) -> list[str]:
    line = line.strip().replace("\\|", _ESCAPED_PIPE)
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") else line
    return [cell.replace(_ESCAPED_PIPE, "|").strip() for cell in line.split("|")]


class _Reader:
    """Turns markdown lines into Para and RawRow drafts."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self.blocks: list[Para | RawRow] = []
        self._open: Para | None = None
        self._raw: list[str] = []
        self._indents = IndentLevels()
        self._known = known_words(lines)

    def read(self) -> list[Para | RawRow]:
        index = 0
        while index < len(self._lines):
            index = self._line(index)
        self._flush()
        return self.blocks

    def _line(self, index: int) -> int:
        line = self._lines[index]
        following = self._lines[index + 1] if index + 1 < len(self._lines) else ""
        stripped = line.strip()
        if "|" in line and "|" in following and _DELIMITER.match(following):
            return self._table(index)
        if is_grid_border(line) and following.lstrip().startswith("|"):
            self._flush()
            return self._pandoc_table(*read_grid(self._lines, index, self._known))
        dashed = read_dashed(self._lines, index, self._known) if self._open is None else None
        if dashed is not None:
            return self._pandoc_table(*dashed)
        if _FENCE.match(line):
            return self._fence(index)
        if _HTML_TABLE_START.match(line):
            return self._html_table(index)
        heading = _ATX.match(line)
        if heading:
            self._flush()
            self._indents.reset()
            self._add(Para(heading.group(1) or "", kind="heading"))
        elif not stripped or _RULE.match(line):
            if self._open is not None and self._open.kind == "paragraph" and _SETEXT.match(line):
                self._open.kind = "heading"
            self._flush()
        elif _SETEXT.match(line) and self._open is not None and self._open.kind == "paragraph":
            self._open.kind = "heading"
            self._flush()
        elif _HTML_BLOCK.match(line):
            self._flush()
            self.blocks.extend(parse_fragment(markdown_to_html(stripped)))
        elif (typed := leading_marker(stripped)) is not None:
            self._flush()
            marker, rest = typed
            expanded = line.expandtabs(4)
            level = self._indents.level(len(expanded) - len(expanded.lstrip()))
            self._open = Para("", kind="bullet", level=level, marker=marker.text)
            self._raw = [rest]
        elif self._open is not None:
            self._raw.append(stripped)
            if line.endswith("  ") or line.rstrip().endswith("\\"):
                self._flush()
        else:
            self._indents.reset()
            self._open = Para("")
            self._raw = [stripped]
            if line.endswith("  ") or line.rstrip().endswith("\\"):
                self._flush()
        return index + 1

    def _table(self, index: int) -> int:
        self._flush()
        self.blocks.append(RawRow(cells=_split_cells(self._lines[index]), first=True))
        index += 2
        while index < len(self._lines) and "|" in self._lines[index] and self._lines[index].strip():
            self.blocks.append(RawRow(cells=_split_cells(self._lines[index])))
            index += 1
        return index

    def _pandoc_table(self, rows: list[list[str]], end: int) -> int:
        """Rows of a grid, simple or multiline table, their cells read as pipe-table cells are;
        returns ``end``, the index of the line after the table."""
        for number, cells in enumerate(rows):
            row = parse_row(RawRow(cells=cells), markdown_to_html)
            self.blocks.append(RawRow(cells=[], first=number == 0, parsed=row.cells))
        return end

    def _html_table(self, index: int) -> int:
        """An HTML table block, read whole (to its ``</table>``) as the HTML loader reads one."""
        self._flush()
        end = index
        while end < len(self._lines) and not _HTML_TABLE_END.search(self._lines[end]):
            end += 1
        markup = "\n".join(self._lines[index:end + 1])
        first_of_table: set[int] = set()
        for block in parse_html(markdown_to_html(markup)):
            if isinstance(block, Row):
                first = block.table not in first_of_table
                first_of_table.add(block.table)
                self.blocks.append(RawRow(cells=[], first=first, parsed=block.cells))
            else:
                self.blocks.append(block)
        return end + 1

    def _fence(self, index: int) -> int:
        self._flush()
        fence = _FENCE.match(self._lines[index])
        assert fence is not None
        index += 1
        while index < len(self._lines) and not self._lines[index].lstrip().startswith(
            fence.group(1)
        ):
            if self._lines[index].strip():
                self.blocks.append(Para(self._lines[index].strip()))
            index += 1
        return index + 1

    def _flush(self) -> None:
        current, raw = self._open, self._raw
        self._open, self._raw = None, []
        if current is not None:
            current.text = " ".join(part.rstrip("\\").strip() for part in raw)
            self._add(current)

    def _add(self, para: Para) -> None:
        """Append ``para`` with its inline markup resolved; a short all-bold paragraph heads."""
        found = parse_fragment(markdown_to_html(para.text)) if para.text.strip() else []
        if not found:
            return
        text = " ".join(part.text for part in found)
        bold = all(part.bold for part in found)
        kind = para.kind
        if kind == "paragraph" and bold:
            short = len(text.split()) <= config()["paragraphs"]["bold_heading_max_words"]
            kind = "heading" if short else "paragraph"
        self.blocks.append(Para(text, kind=kind, level=para.level, marker=para.marker, bold=bold))


def parse_markdown(text: str) -> list[Para | Row]:
    """Para and Row drafts of a markdown document, in document order."""
    return mend(_Reader(text.splitlines()).read(), markdown_to_html)


def load_markdown(path: Path, *, limits: Limits | None = None) -> Layout:
    """Load a markdown report into a Layout (pages: None)."""
    path = Path(path)
    return emit(parse_markdown(read_text(path, Limits.resolve(limits))), "md", path)
