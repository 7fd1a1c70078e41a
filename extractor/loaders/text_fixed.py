"""Tables a text conversion laid out in fixed-width columns (``pdftotext -layout``).

A header line of three or more short cells, spaced apart, gives the columns. A piece of a later
line is in the column whose span (from its header cell's start to the next one's) holds it; a
piece that runs over into the next span, as a cell centred or shifted under a centred header
does, is in the column whose header cell's centre is nearest its own, when it starts clear of
the header cell before. The lines whose every piece is in a column are the table, across page
breaks: page numbers and the running header and footer around a page break are skipped, and
the header repeated on the next page (spaced otherwise there, too) gives that page's columns.
The header runs on while its lines are capitals, brackets or a cell's wrapped rest ("KEY
CHALLENGES FOR" / "SERVICES" / "(Please …)", "Area and" / "plan items"); a body row starts at
each line with text in the rating column (a column of short pieces that use a handful of
words: a table without one is none), and the lines before the first such line continue the row
a page break cut; a cell's line that starts with a typed marker ("1.", "•") starts a list item.
A heading ends the table; when the lines after it fit the same columns, they are a second table
without a header row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.fields import in_capitals
from extractor.loaders.drafts import Cell, Para, RawRow, ends_sentence
from extractor.loaders.markers import leading_marker

__all__ = ["fixed_width_tables"]

_GAP = re.compile(r"\S+(?: \S+)*")  # pieces of a line: text between runs of 2+ spaces
_PAGE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.IGNORECASE)
_BREAK = "\f"
_WORD = re.compile(r"[^\W\d_]+")
ALIGN = 3  # characters: a piece starting this close before a column's start is in that column
SEPARATION = 2  # characters: a piece starts this far past the header cell before its column
MIN_COLUMNS = 3
MAX_HEADER_WORDS = 5  # a header cell is no longer than this
MAX_RATING_WORDS = 3  # pieces of the rating column are no longer than this
RATING_SCALE = 6  # different words in the rating column ("red", "amber", "green", "to")
MIN_BODY_LINES = 4
FURNITURE_LINES = 2  # a running header or footer has at most this many lines
_CUT_RATING_ENDS = ("/", "-", " to", "\u2192", "->", "=>")  # a rating wrapped after these
CAPITALS = 0.75  # share of a header line's letters in capitals ("R/A/G", "DfE")

_Pieces = list[tuple[int, str]]


def _pieces(line: str) -> _Pieces:
    return [(m.start(), m.group()) for m in _GAP.finditer(line)]


@dataclass(frozen=True)
class _Columns:
    """A header line's cells: where each starts and ends, and their texts."""

    spans: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]

    @classmethod
    def of(cls, line: str) -> _Columns | None:
        """The columns ``line`` names, or None when it is no header line."""
        pieces = _pieces(line)
        if len(pieces) < MIN_COLUMNS or any(
                len(text.split()) > MAX_HEADER_WORDS or text.endswith(".") for _, text in pieces):
            return None
        return cls(tuple((start, start + len(text)) for start, text in pieces),
                   tuple(text for _, text in pieces))

    def repeated(self, line: str) -> _Columns | None:
        """This header again, as a later page spaced it, or None."""
        again = _Columns.of(line)
        return again if again is not None and again.texts == self.texts else None

    def column(self, start: int, end: int) -> int | None:
        """The column of a piece from ``start`` to ``end``, or None when it fits none."""
        starts = [begin for begin, _ in self.spans]
        spanned = max((i for i, begin in enumerate(starts) if begin - ALIGN <= start), default=0)
        if self._within(spanned, start, end, starts[spanned] - ALIGN if spanned else 0):
            return spanned
        centre = (start + end) / 2
        nearest = min(range(len(starts)), key=lambda i: abs(sum(self.spans[i]) / 2 - centre))
        clear = self.spans[nearest - 1][1] + SEPARATION if nearest else 0
        return nearest if self._within(nearest, start, end, clear) else None

    def _within(self, column: int, start: int, end: int, lowest: int) -> bool:
        following = self.spans[column + 1][0] if column + 1 < len(self.spans) else None
        return start >= lowest and (following is None or end < following)

    def place(self, line: str) -> _Pieces | None:
        """``line``'s pieces as (column, text), or None when one of them fits no column.

        A second piece in one column goes to the next when that is empty on the line and the
        piece ends before the column after it (pdftotext squeezed a short line leftwards)."""
        placed: _Pieces = []
        pieces = _pieces(line)
        for number, (start, text) in enumerate(pieces):
            column = self.column(start, start + len(text))
            if column is None:
                return None
            if (placed and placed[-1][0] == column and self._free(column + 1, pieces[number + 1:])
                    and self._within(column + 1, start, start + len(text), start)):
                column += 1
            placed.append((column, text))
        return placed

    def _free(self, column: int, rest: list[tuple[int, str]]) -> bool:
        """True when ``column`` exists and none of the pieces ``rest`` is in it."""
        return column < len(self.spans) and all(
            self.column(start, start + len(text)) != column for start, text in rest)


def _furniture(lines: list[str]) -> set[int]:
    """The lines of running footers and headers around each page break (form feed): one-piece
    lines between a blank line and the break, and the lines after it up to a header line."""
    skipped: set[int] = set()
    for index, line in enumerate(lines):
        if _BREAK not in line:
            continue
        before = index
        while index - before < FURNITURE_LINES and before > 0 and len(
                _pieces(lines[before - 1])) == 1:
            before -= 1
        if before > 0 and not lines[before - 1].strip():
            skipped.update(range(before, index))
        after = next((i for i in range(index, min(index + FURNITURE_LINES + 1, len(lines)))
                      if _Columns.of(lines[i].replace(_BREAK, " "))), None)
        if after is not None and all(len(_pieces(lines[i])) <= 1 for i in range(index, after)):
            skipped.update(range(index, after))
    return skipped


@dataclass
class _Table:
    """What a table's lines were read as: header cells, header line texts, body lines."""

    columns: _Columns
    header: list[list[str]]
    header_lines: list[tuple[str, ...]] = field(default_factory=list)
    body: list[_Pieces] = field(default_factory=list)
    lines: int = 0  # lines read, trailing blank ones not counted
    ends_at_heading: bool = False

    def rows(self, with_header: bool) -> list[RawRow]:
        head = [RawRow(cells=[], parsed=[_header_cell(t) for t in self.header], first=True)]
        return (head if with_header else []) + _body_rows(self.body, len(self.header))


def _read(lines: list[str], skipped: set[int], start: int, columns: _Columns,
          known: _Table | None = None) -> _Table:
    """The table whose header is ``lines[start]`` (or, with ``known``, whose rows start there
    under that table's columns), read up to the first line that does not fit it."""
    table = _Table(columns, [[] for _ in columns.spans]) if known is None else _Table(
        known.columns, [list(texts) for texts in known.header], list(known.header_lines))
    in_header: int | None = 0 if known is None else None  # header lines read on this page
    open_brackets: set[int] = set()
    index = start
    while index < len(lines):
        line = lines[index].replace(_BREAK, " ")
        if index in skipped or not line.strip() or _PAGE.match(line):
            index += 1
            continue
        again = table.columns.repeated(line) if index > start or known else None
        if again is not None or (index == start and known is None):
            table.columns, in_header = again or table.columns, 0
        placed = table.columns.place(line)
        if placed is None:
            break
        if table.body and _is_heading(lines, index, placed):
            table.ends_at_heading = True
            break
        if in_header is not None and _continues_header(table, in_header, placed, open_brackets):
            if not table.body:
                table.header_lines.append(tuple(text for _, text in placed))
                for column, text in placed:
                    table.header[column].append(text)
            _track_brackets(placed, open_brackets)
            in_header += 1
        else:
            in_header = None
            table.body.append(placed)
        index += 1
        table.lines = index - start
    return table


def _continues_header(table: _Table, line_number: int, placed: _Pieces,
                      open_brackets: set[int]) -> bool:
    """True for the header line itself and the lines of its cells' wrapped rest: on a later
    page the lines read there the first time, on the first capitals, brackets, or text that
    runs on in lower case."""
    if line_number == 0:
        return True
    texts = tuple(text for _, text in placed)
    if table.body:
        return line_number < len(table.header_lines) and table.header_lines[line_number] == texts
    return all(in_capitals(text, CAPITALS) or text.startswith("(") or column in open_brackets
               or (text[:1].islower() and not ends_sentence(text)
                   and len(text.split()) <= MAX_HEADER_WORDS)
               for column, text in placed)


def _track_brackets(placed: _Pieces, open_brackets: set[int]) -> None:
    for column, text in placed:
        if "(" in text and ")" not in text:
            open_brackets.add(column)
        elif ")" in text:
            open_brackets.discard(column)


def _is_heading(lines: list[str], index: int, placed: _Pieces) -> bool:
    """One piece in the first column after a blank line ("NEXT STEPS", "Next steps")."""
    return (len(placed) == 1 and placed[0][0] == 0 and index > 0
            and not lines[index - 1].replace(_BREAK, " ").strip())


def fixed_width_tables(lines: list[str]) -> list[str | RawRow]:
    """``lines`` with each fixed-width rating table replaced by its rows (RawRow, cells read)."""
    skipped = _furniture(lines)
    out: list[str | RawRow] = []
    index = 0
    last: _Table | None = None  # the table a heading ended, until the next non-blank line
    while index < len(lines):
        columns = _Columns.of(lines[index])
        if columns is not None:
            table = _read(lines, skipped, index, columns)
            if _is_table(table):
                out.extend(table.rows(with_header=True))
                index, last = index + table.lines, table
                continue
        elif last is not None and last.ends_at_heading and lines[index].strip():
            table = _read(lines, skipped, index + 1, last.columns, last)
            if _is_table(table):
                out.extend([lines[index], *table.rows(with_header=False)])
                index, last = index + 1 + table.lines, table
                continue
        out.append(lines[index])
        last = last if not lines[index].strip() else None
        index += 1
    return out


def _is_table(table: _Table) -> bool:
    return len(table.body) >= MIN_BODY_LINES and _rating_column(
        table.body, len(table.header)) is not None


def _body_rows(body: list[_Pieces], columns: int) -> list[RawRow]:
    """A row at each line with text in the rating column, unless the rating above it was cut
    at a slash, dash, "to" or arrow ("AMBER/" / "GREEN", "Amber →" / "Green")."""
    rating = _rating_column(body, columns)
    rows: list[RawRow] = []
    cells: list[list[str]] = []
    for pieces in body:
        rated = [text for column, text in pieces if column == rating]
        cut = rating is not None and bool(cells) and bool(cells[rating]) and (
            cells[rating][-1].lower().endswith(_CUT_RATING_ENDS))
        if not cells or (rated and not cut):
            cells = [[] for _ in range(columns)]
            rows.append(RawRow(cells=[]))
        for column, text in pieces:
            cells[column].append(text)
        rows[-1].parsed = [Cell(paras=_paragraphs(texts)) for texts in cells]
    return rows


def _paragraphs(texts: list[str]) -> list[Para]:
    """A body cell's lines as paragraphs: a line that starts with a typed marker ("1.", "•")
    starts a list item, and the other lines run on."""
    paras: list[Para] = []
    for text in texts:
        typed = leading_marker(text)
        if typed is not None:
            paras.append(Para(typed[1], kind="bullet", marker=typed[0].text))
        elif paras:
            paras[-1].text += " " + text
        else:
            paras.append(Para(text))
    return paras


def _rating_column(body: list[_Pieces], columns: int) -> int | None:
    """The column of ratings: its pieces are all short, none ends a sentence, and, ratings being
    a small scale, they use at most RATING_SCALE different words; of several, the one with the
    fewest, the first after the first column on a tie."""
    found: list[tuple[int, int]] = []  # (different words, order)
    for order, column in enumerate([*range(1, columns), 0]):
        texts = [text for pieces in body for c, text in pieces if c == column]
        words = {word for text in texts for word in _WORD.findall(text.lower())}
        if texts and len(words) <= RATING_SCALE and all(
                len(text.split()) <= MAX_RATING_WORDS and not ends_sentence(text)
                for text in texts):
            found.append((len(words), order))
    return [*range(1, columns), 0][min(found)[1]] if found else None


def _header_cell(texts: list[str]) -> Cell:
    """A header cell's lines as one paragraph, a bracketed note after them as a second."""
    text = " ".join(texts)
    head, bracket, rest = text.partition(" (")
    paras = [Para(head)] + ([Para(bracket.strip() + rest)] if bracket else [])
    return Cell(paras=[p for p in paras if p.text])
