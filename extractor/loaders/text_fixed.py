"""Tables a text conversion laid out in fixed-width columns (``pdftotext -layout``).

A header line of three or more short cells, spaced apart, gives the columns' starts. The lines
after it whose every piece starts at one of those starts (and stops before the next) are the
table, across page breaks (page numbers and the repeated header are skipped). The header runs
on while its lines are capitals or brackets ("KEY CHALLENGES FOR" / "SERVICES" / "(Please …)");
a body row starts at each line with text in the rating column (the column, after the first,
whose pieces are all short), and the lines before the first such line continue the row a page
break cut.
"""

from __future__ import annotations

import re

from extractor.loaders.drafts import Cell, Para, RawRow

__all__ = ["fixed_width_tables"]

_GAP = re.compile(r"\S+(?: \S+)*")  # pieces of a line: text between runs of 2+ spaces
_PAGE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$|^\f", re.IGNORECASE)
ALIGN = 3  # characters: a piece starting this close to a column's start is in that column
MIN_COLUMNS = 3
MAX_HEADER_WORDS = 5  # a header cell is no longer than this
MAX_RATING_WORDS = 3  # pieces of the rating column are no longer than this
MIN_BODY_LINES = 4
CAPITALS = 0.75  # share of a header line's letters in capitals ("R/A/G", "DfE")


def _pieces(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _GAP.finditer(line)]


def _column(starts: list[int], position: int) -> int | None:
    return next((i for i, start in enumerate(starts) if abs(start - position) <= ALIGN), None)


def _fits(starts: list[int], line: str) -> bool:
    """Every piece of ``line`` starts at a column start and ends before the next column."""
    pieces = _pieces(line)
    for position, text in pieces:
        column = _column(starts, position)
        if column is None or (column + 1 < len(starts)
                              and position + len(text) > starts[column + 1] - 1):
            return False
    return bool(pieces)


def _header_starts(line: str) -> list[int] | None:
    pieces = _pieces(line)
    if len(pieces) < MIN_COLUMNS or any(
            len(text.split()) > MAX_HEADER_WORDS or text.endswith(".") for _, text in pieces):
        return None
    return [position for position, _ in pieces]


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= CAPITALS * len(letters)


def _in_header(pieces: list[tuple[int, str]], open_brackets: set[int], starts: list[int]) -> bool:
    """Header lines are capitals or bracketed notes ("(Against" / "improvement" / "plan)")."""
    return all(_in_capitals(text) or text.startswith("(") or _column(starts, position)
               in open_brackets for position, text in pieces)


def fixed_width_tables(lines: list[str]) -> list[str | RawRow]:
    """``lines`` with each fixed-width rating table replaced by its rows (RawRow, cells read)."""
    out: list[str | RawRow] = []
    index = 0
    while index < len(lines):
        starts = _header_starts(lines[index])
        end = _table_end(lines, index, starts) if starts else index
        if starts is None or end - index < MIN_BODY_LINES:
            out.append(lines[index])
            index += 1
            continue
        out.extend(_rows(lines[index:end], starts))
        index = end
    return out


def _table_end(lines: list[str], start: int, starts: list[int]) -> int:
    """Where the table ends: at a line that does not fit its columns, or at a heading after a
    blank line (one piece in the first column, in capitals: "NEXT STEPS")."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _PAGE.match(lines[end])
                                or _fits(starts, lines[end])):
        pieces = _pieces(lines[end])
        if (len(pieces) == 1 and not lines[end - 1].strip() and _column(starts, pieces[0][0]) == 0
                and _in_capitals(pieces[0][1])):
            break
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _rows(block: list[str], starts: list[int]) -> list[RawRow]:
    header_text = block[0].strip()
    header: list[list[str]] = [[] for _ in starts]
    body: list[list[tuple[int, str]]] = []
    in_header, open_brackets = True, set[int]()
    for line in block:
        if not line.strip() or _PAGE.match(line):
            continue
        found = _pieces(line)
        pieces = [(column, text) for position, text in found
                  if (column := _column(starts, position)) is not None]
        if line.strip() == header_text:
            in_header, open_brackets = True, set()
        elif not (in_header and _in_header(found, open_brackets, starts)):
            in_header = False
            body.append(pieces)
            continue
        for column, text in pieces:
            if not body:  # not the header repeated on a later page
                header[column].append(text)
            if "(" in text and ")" not in text:
                open_brackets.add(column)
            elif ")" in text:
                open_brackets.discard(column)
    return [RawRow(cells=[], parsed=[_header_cell(texts) for texts in header], first=True),
            *_body_rows(body, len(starts))]


def _body_rows(body: list[list[tuple[int, str]]], columns: int) -> list[RawRow]:
    """A row at each line with text in the rating column, unless the rating above it was cut
    at a slash, dash or "to" ("AMBER/" / "GREEN")."""
    rating = _rating_column(body, columns)
    rows: list[RawRow] = []
    cells: list[list[str]] = []
    for pieces in body:
        rated = [text for column, text in pieces if column == rating]
        cut = rating is not None and bool(cells) and bool(cells[rating]) and (
            cells[rating][-1].lower().endswith(("/", "-", " to")))
        if not cells or (rated and not cut):
            cells = [[] for _ in range(columns)]
            rows.append(RawRow(cells=[]))
        for column, text in pieces:
            cells[column].append(text)
        rows[-1].parsed = [Cell(paras=[Para(" ".join(texts))] if texts else []) for texts in cells]
    return rows


def _rating_column(body: list[list[tuple[int, str]]], columns: int) -> int | None:
    """The column after the first whose pieces are all short (the ratings)."""
    for column in range(1, columns):
        texts = [text for pieces in body for c, text in pieces if c == column]
        if texts and all(len(text.split()) <= MAX_RATING_WORDS for text in texts):
            return column
    return None


def _header_cell(texts: list[str]) -> Cell:
    """A header cell's lines as one paragraph, a bracketed note after them as a second."""
    text = " ".join(texts)
    head, bracket, rest = text.partition(" (")
    paras = [Para(head)] + ([Para(bracket.strip() + rest)] if bracket else [])
    return Cell(paras=[p for p in paras if p.text])
