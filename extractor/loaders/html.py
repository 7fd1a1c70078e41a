"""HTML: whole documents (``.html``) and the HTML fragments inside text-conversion table cells.

Uses the standard library's ``html.parser`` (no network, no scripts run): h1–h6 → headings,
p/div/br → paragraphs, ul/ol/li → bullets with levels and markers, table/tr/td/th → rows and
cells (``bgcolor`` / ``background`` → fill; nested tables flattened into the cell), b/strong →
bold, ``text-align: center`` / ``align=center`` → centered. Script and style content is dropped.
Numbered items written inside a list without ``<li>`` ("<ol> 1. … 2. … <ol> a. …") are split
at their markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from extractor.layout import Layout
from extractor.loaders.config import config
from extractor.loaders.drafts import Cell, Para, Row, emit
from extractor.loaders.html_css import StyleSheet, class_list_level, css_colour
from extractor.loaders.limits import Limits
from extractor.loaders.markers import (
    ListState,
    Marker,
    format_ordinal,
    integer,
    leading_marker,
    split_inline,
)
from extractor.loaders.source import read_text

__all__ = ["load_html", "parse_html", "parse_fragment"]

_SPACE = re.compile(r"\s+")
_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
# Word's "Save as Web Page" writes list paragraphs as <p style="mso-list:l0 level2 lfo1">.
_MSO_LIST = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.IGNORECASE)
_NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
# A cell's leading all-capitals title run into the sentence after it ("SOCIAL WORK PRACTICE To …").
_CAPS_TITLE = re.compile(
    r"^((?:[A-Z][A-Z0-9'’&,./-]*|[&/])(?:\s+(?:[A-Z][A-Z0-9'’&,./-]*|[&/]))+|[A-Z]{5,})"
    r"\s+(?=[A-Z][a-z]|\()"
)
_OL_STYLES = {"1": "decimal", "a": "lower", "A": "upper", "i": "roman", "I": "ROMAN"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ALIGNING = _HEADINGS | {"td", "th", "li"}
_SCAN = 64  # open elements an end tag looks through for its start tag
_VOID = {"br", "hr"}


@dataclass
class _List:
    ordered: bool
    style: str
    counter: int
    hide_marker: bool
    level: int  # nesting level of its items


# The largest spans HTML allows (the HTML standard's limits): a bigger value is read as these.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534

class _Parser(HTMLParser):
    """Collects Para and Row drafts from HTML, flattening nested tables into their cell."""

    def __init__(self, *, split_titles: bool) -> None:
        super().__init__(convert_charrefs=True)
        settings = config()["html"]
        self._dropped_tags = set(settings["dropped"])
        self._block_tags = set(settings["blocks"])
        self._bold_tags = set(settings["bold"])
        self._split_titles = split_titles
        self.blocks: list[Para | Row] = []
        self._pieces: list[tuple[str, bool]] = []
        self._dropped = 0
        self._bold: list[str] = []
        self._align: list[tuple[str, bool | None]] = []
        self._heading = 0
        self._lists: list[_List] = []
        self._item: tuple[int, str | None] | None = None  # level and marker of the open <li>
        self._word_level: int | None = None  # list level of a Word-exported list paragraph
        self._state = ListState()
        self._sheet = StyleSheet()
        self._css: list[str] | None = None  # text of the <style> element being read
        self._tables = 0
        self._table_depth = 0
        self._row: Row | None = None
        self._column = 0  # where the next cell of the row starts, counting spanned columns
        self._spanned: dict[int, int] = {}  # column -> rows still covered by a rowspan above
        self._cell: Cell | None = None

    # -- tags ---------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        style = attributes["style"] = self._sheet.style(attributes)
        if tag in self._dropped_tags:
            self._dropped += 1
            if tag == "style":
                self._css = []
            return
        if tag == "body":  # the head ends here even when </head> was left out
            self._dropped = 0
        if tag == "br" and self._item is not None:  # a line break inside a list item
            self._pieces.append((" ", False))
            return
        if tag in self._bold_tags or (tag == "span" and _BOLD_STYLE.search(style)):
            self._bold.append(tag)
        if tag == "table":
            self._start_table()
        elif tag == "tr":
            self._start_row()
        elif tag in ("td", "th"):
            self._start_cell(attributes)
        elif tag in ("ul", "ol"):
            self._flush()
            self._start_list(tag, attributes)
        elif tag == "li":
            self._start_item(attributes)
        elif tag in _HEADINGS or tag in self._block_tags:
            self._flush()
            self._heading += tag in _HEADINGS
            word_list = _MSO_LIST.search(style)
            self._word_level = int(word_list.group(1)) - 1 if word_list else None
        if tag in _ALIGNING or tag in self._block_tags and tag not in _VOID:
            align = attributes.get("align", "").lower()
            centered = bool(_CENTER.search(style)) or align == "center" or tag == "center"
            self._align.append((tag, True if centered else None))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._dropped_tags:
            self._dropped = max(0, self._dropped - 1)
            if tag == "style" and self._css is not None:
                self._sheet.add("".join(self._css))
                self._css = None
            return
        if tag in self._bold_tags or tag == "span":
            _cut_at_last(self._bold, tag)
        if tag in _HEADINGS or tag in self._block_tags or tag in ("td", "th", "li", "ul", "ol"):
            self._flush()
        _cut_at_last(self._align, tag)
        if tag in _HEADINGS:
            self._heading = max(0, self._heading - 1)
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            self._item = None
        elif tag == "li":
            self._item = None
        elif tag in ("td", "th") and self._table_depth == 1:
            self._end_cell()
        elif tag == "tr" and self._table_depth == 1:
            self._end_row()
        elif tag == "table":
            self._end_table()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._block_tags and tag not in _VOID:  # an empty <p/>
            self._flush()
        else:
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._css is not None:
            self._css.append(data)
        elif not self._dropped:
            self._pieces.append((data, bool(self._bold)))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Skip a ``<![…]>`` section the standard parser does not know (it would assert)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def close(self) -> None:
        super().close()
        self._flush()
        self._table_depth = min(self._table_depth, 1)
        self._end_table()

    # -- tables -------------------------------------------------------------------------------
    def _start_table(self) -> None:
        self._flush()
        self._table_depth += 1
        if self._table_depth == 1:
            self._tables += 1
            self._spanned = {}

    def _end_table(self) -> None:
        self._flush()
        if self._table_depth == 1:
            self._end_row()
        self._table_depth = max(0, self._table_depth - 1)

    def _start_row(self) -> None:
        self._flush()
        if self._table_depth == 1:
            self._end_row()
            self._row = Row(cells=[], table=max(self._tables - 1, 0))
            self._column = 0

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self._merged_down()
            self.blocks.append(self._row)
            self._row = None

    def _merged_down(self) -> None:
        """Put an empty merged cell (as Word keeps it) in each column from here on that a cell
        of a row above covers (``rowspan``), up to the first column it does not."""
        assert self._row is not None
        while self._spanned.get(self._column, 0) > 0:
            self._spanned[self._column] -= 1
            self._row.cells.append(Cell(merged_above=True))
            self._column += 1

    def _start_cell(self, attributes: dict[str, str]) -> None:
        self._flush()
        if self._table_depth != 1:
            return
        self._end_cell()
        if self._row is None:
            self._start_row()
        self._merged_down()
        columns = min(max(integer(attributes.get("colspan"), 1), 1), _MAX_COLSPAN)
        rows = min(max(integer(attributes.get("rowspan"), 1), 1), _MAX_ROWSPAN)
        for column in range(self._column, self._column + columns):
            self._spanned[column] = rows - 1
        self._column += columns
        background = _BACKGROUND.search(attributes.get("style", ""))
        colour = attributes.get("bgcolor") or (background.group(1) if background else None)
        self._cell = Cell(fill=css_colour(colour))
        self._state = ListState()

    def _end_cell(self) -> None:
        self._flush()
        if self._cell is not None and self._row is not None:
            self._row.cells.append(self._cell)
        self._cell = None

    # -- lists --------------------------------------------------------------------------------
    def _start_list(self, tag: str, attributes: dict[str, str]) -> None:
        start = attributes.get("start")
        level = class_list_level(attributes.get("class", ""))
        self._lists.append(
            _List(
                ordered=tag == "ol",
                style=_OL_STYLES.get(attributes.get("type", "1"), "decimal"),
                counter=integer(start, 1) - 1,
                hide_marker=bool(_NO_MARKER.search(attributes.get("style", ""))),
                level=len(self._lists) if level is None else level,
            )
        )

    def _start_item(self, attributes: dict[str, str]) -> None:
        self._flush()
        if not self._lists:
            self._lists.append(
                _List(ordered=False, style="decimal", counter=0, hide_marker=False, level=0)
            )
        current = self._lists[-1]
        value = attributes.get("value")
        current.counter = integer(value, current.counter + 1)
        marker: str | None = None
        if not current.hide_marker:
            marker = (
                format_ordinal(current.counter, current.style) + "."
                if current.ordered
                else config()["markers"]["html_bullet"]
            )
        self._item = (current.level, marker)

    # -- paragraphs ---------------------------------------------------------------------------
    def _flush(self) -> None:
        pieces, self._pieces = self._pieces, []
        text = _SPACE.sub(" ", "".join(piece for piece, _ in pieces)).strip()
        if not text:
            return
        bold = all(is_bold for piece, is_bold in pieces if piece.strip())
        centered = next((value for _, value in reversed(self._align) if value is not None), False)
        sink = self._cell.paras if self._cell is not None else self.blocks
        for para in self._paras(text):
            para.bold, para.centered = bold, centered
            sink.append(para)
        self._word_level = None

    def _paras(self, text: str) -> list[Para]:
        """``text`` as a heading, a list item, list items run together, or plain paragraphs."""
        if self._heading:
            return [Para(text, kind="heading")]
        if self._item is not None:
            level, shown = self._item
            self._item = (level, None)  # later paragraphs of the item carry no marker
            typed = leading_marker(text)
            if typed is not None:
                return [Para(typed[1], kind="bullet", level=level, marker=typed[0].text)]
            return [Para(text, kind="bullet", level=level, marker=shown)]
        if self._lists:
            return [_bullet(piece, found, depth)
                    for found, depth, piece in split_inline(text, self._state)]
        typed = leading_marker(text)
        if typed is not None:
            marker, rest = typed
            depth = self._state.place(marker) if marker.candidates else 0
            return [_bullet(rest, marker, self._word_level or depth or 0)]
        if self._word_level is not None:
            return [Para(text, kind="bullet", level=self._word_level)]
        title = _CAPS_TITLE.match(text) if self._split_titles else None
        if title:
            return [Para(title.group(1)), Para(text[title.end() :])]
        return [Para(text)]


def _cut_at_last(stack: list[str] | list[tuple[str, bool | None]], tag: str) -> None:
    """Drop the innermost open ``tag`` (an entry, or an entry's first item) and all above it.

    Only the top ``_SCAN`` entries are searched, so that deeply nested markup and floods of
    stray end tags stay linear (an element open deeper than that simply stays open).
    """
    for index in range(len(stack) - 1, max(-1, len(stack) - 1 - _SCAN), -1):
        entry = stack[index]
        if (entry if isinstance(entry, str) else entry[0]) == tag:
            del stack[index:]
            return


def _bullet(text: str, marker: Marker | None, level: int) -> Para:
    if marker is None:
        return Para(text)
    return Para(text, kind="bullet", level=level, marker=marker.text)


def parse_html(markup: str, *, split_titles: bool = False) -> list[Para | Row]:
    """Para and Row drafts of an HTML document or fragment, in document order."""
    parser = _Parser(split_titles=split_titles)
    parser.feed(markup)
    parser.close()
    return parser.blocks


def parse_fragment(markup: str) -> list[Para]:
    """The paragraphs of an HTML fragment such as a text-conversion table cell.

    Tables inside are flattened into the paragraphs; an all-capitals title run into the next
    sentence ("SOCIAL WORK PRACTICE To deliver …") becomes its own paragraph.
    """
    paras: list[Para] = []
    for block in parse_html(markup, split_titles=True):
        if isinstance(block, Row):
            paras.extend(para for cell in block.cells for para in cell.paras)
        else:
            paras.append(block)
    return paras


def load_html(path: Path, *, limits: Limits | None = None) -> Layout:
    """Load an HTML report into a Layout (pages: None)."""
    path = Path(path)
    return emit(parse_html(read_text(path, Limits.resolve(limits))), "html", path)


