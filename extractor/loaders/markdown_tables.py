"""Pandoc's own Markdown tables (``pandoc -t markdown``): grid tables, bordered with ``+---+``
lines, and the dashed simple and multiline tables, read into rows of cell markup.

A grid table's columns lie between the ``+`` of its first border line and a row runs from one
border line to the next (``+===+`` ends the header row). A dashed table's columns are the dash
runs of its rule (under the header, or around a headerless table); a simple table has a row a
line, a multiline table rows parted by blank lines between full-width dash lines.

Pandoc wraps a cell's text to its column and chops a word longer than the column into pieces
counted from the word's END, so that every piece but the first fills the column: "**Am" /
"ber**", "**R" / "ed/Am" / "ber**". A line that is one token filling its column, after a line
that is one token, is such a piece and is glued on without a space, unless the token before is
a known word on its own and the glued one is not ("and" / "governance**" in a column 12 wide
are two words; see :func:`_joins`). Known words are those of the document's prose and
``[markdown_tables] words`` of ``loaders.toml``.

A cell is returned as markup: its paragraphs (parted by a blank line, or by a line starting
with a list marker) each in a ``<p>``, inline markdown left for the caller to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.loaders.config import config
from extractor.loaders.markers import leading_marker

__all__ = ["is_grid_border", "known_words", "read_dashed", "read_grid"]

_GRID_BORDER = re.compile(r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$")
_DASH_RULE = re.compile(r"^ {0,3}-{3,}(?: +-{3,})*[ \t]*$")
_DASH_RUN = re.compile(r"-+")
_LETTERS = re.compile(r"[^\W\d_]+")


def known_words(lines: Iterable[str]) -> frozenset[str]:
    """Words a chopped table cell may be checked against: the data file's list and the words of
    the document's prose (lines outside grid tables of at least ``prose_min_words`` words)."""
    settings = config()["markdown_tables"]
    prose = (
        line for line in lines
        if not line.lstrip().startswith(("|", "+"))
        and len(line.split()) >= settings["prose_min_words"]
    )
    found = {word.lower() for line in prose for word in _LETTERS.findall(line)}
    return frozenset(found | set(settings["words"]))


def is_grid_border(line: str) -> bool:
    """True for a grid table's border line, such as ``+------+-----+`` or ``+:===+===:+``."""
    return _GRID_BORDER.match(line) is not None


def _columns(rule: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each dash run (or run between ``+``) of a rule line."""
    return [(run.start(), run.end()) for run in re.finditer(r"[-=:]+", rule)]


def read_grid(lines: list[str], index: int, known: frozenset[str]) -> tuple[list[list[str]], int]:
    """The rows of the grid table whose first border line is ``lines[index]``, each a list of
    cell markup, and the index of the line after the table."""
    columns = _columns(lines[index])
    rows: list[list[str]] = []
    body: list[str] = []
    index += 1
    while index < len(lines) and lines[index].lstrip().startswith(("|", "+")):
        line = lines[index]
        if is_grid_border(line):
            rows.append(_row(body, columns, known, pad=1))
            body = []
        else:
            body.append(line)
        index += 1
    if body:
        rows.append(_row(body, columns, known, pad=1))
    return rows, index


def _dash_rule(line: str) -> list[tuple[int, int]] | None:
    """The columns of a dashed rule line, or None when ``line`` is not one."""
    if not _DASH_RULE.match(line):
        return None
    return [(run.start(), run.end()) for run in _DASH_RUN.finditer(line)]


def _is_columns_rule(line: str) -> bool:
    """True for a dashed rule of two or more columns."""
    return len(_dash_rule(line) or []) >= 2


def read_dashed(
    lines: list[str], index: int, known: frozenset[str]
) -> tuple[list[list[str]], int] | None:
    """The rows of the simple or multiline table starting at ``lines[index]`` (its header line,
    or the dash line above it) and the index of the line after it; None when none starts
    there."""
    rule = _dash_rule(lines[index])
    if rule is None:
        return _under_header(lines, index, known)
    end = _closing_line(lines, index)
    return None if end is None else _between_rules(lines[index + 1:end], rule, end + 1, known)


def _under_header(
    lines: list[str], index: int, known: frozenset[str]
) -> tuple[list[list[str]], int] | None:
    """A simple table whose header line is ``lines[index]``: a line a row to a blank line."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    rule = _dash_rule(following)
    if not lines[index].strip() or rule is None or not _is_columns_rule(following):
        return None
    end = next((at for at in range(index + 2, len(lines)) if not lines[at].strip()), len(lines))
    return [_row([line], rule, known) for line in [lines[index], *lines[index + 2:end]]], end


def _between_rules(
    body: list[str], rule: list[tuple[int, int]], end: int, known: frozenset[str]
) -> tuple[list[list[str]], int] | None:
    """A table between two equal dash lines: a multiline table when the first is one run of
    dashes (header lines, then the columns' rule), else a headerless one of ``rule``'s
    columns."""
    header: list[list[str]] = []
    if len(rule) == 1:
        inner = next((at for at, line in enumerate(body) if _is_columns_rule(line)), 0)
        if not inner:  # no columns' rule, or no header line above it
            return None
        rule = _dash_rule(body[inner]) or rule
        header, body = [_row(body[:inner], rule, known)], body[inner + 1:]
    return header + [_row(group, rule, known) for group in _row_groups(body)], end


def _closing_line(lines: list[str], index: int) -> int | None:
    """The index of the dash line that repeats ``lines[index]`` and closes its table (before
    two blank lines in a row), or None."""
    blank = False
    for at in range(index + 1, len(lines)):
        line = lines[at]
        if line.rstrip() == lines[index].rstrip():
            return at
        if not line.strip() and blank:
            return None
        blank = not line.strip()
    return None


def _row_groups(body: list[str]) -> list[list[str]]:
    """A dashed table's body as rows: parted by blank lines (multiline), else a line each."""
    if all(line.strip() for line in body):
        return [[line] for line in body]
    groups: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _row(
    lines: list[str], columns: list[tuple[int, int]], known: frozenset[str], *, pad: int = 0
) -> list[str]:
    """Cell markup of one row from its ``lines``: each column's slice of every line.

    A grid cell's text starts ``pad`` characters after its ``+`` and leaves as many before the
    next; a dashed table's cell is its dash run, reaching on to the next column's start.
    """
    cells = []
    for number, (start, end) in enumerate(columns):
        following = columns[number + 1][0] if number + 1 < len(columns) else None
        stop = end - pad if pad else following
        pieces = [line[start + pad:stop].rstrip() for line in lines]
        cells.append(_markup(_glued(pieces, end - start - 2 * pad, known)))
    return cells


def _is_piece(before: str, line: str, width: int) -> bool:
    """True when ``line`` may be a piece of a chopped word that ``before`` starts: both are
    one token, and ``line`` fills its column from its first character to its last."""
    token = before.strip()
    return bool(token) and " " not in token and len(line) == width and " " not in line


def _joins(before: str, piece: str, known: frozenset[str]) -> bool:
    """True when ``piece`` continues the word ``before`` ends.

    It does when the cut falls next to punctuation or emphasis ("Red/" / "Amber", "**" /
    "Rating**"), when the glued word is known, when ``before`` is not a known word on its own
    ("Impr" / "oving"), or when the piece brings a single letter ("no" / "w**"); otherwise
    ``before`` is a whole word and ``piece`` a word of its own ("and" / "governance**").
    """
    left = re.search(r"[^\W\d_]*$", before)
    right = re.match(r"[^\W\d_]*", piece)
    head = left.group(0).lower() if left else ""
    tail = right.group(0).lower() if right else ""
    if not head or not tail:
        return True
    whole = before.strip().strip("*_").lower()
    return head + tail in known or whole not in known or len(tail) == 1


def _glued(lines: list[str], width: int, known: frozenset[str]) -> list[str]:
    """A cell's lines with the pieces of each chopped word glued back together."""
    glued: list[str] = []
    for line in lines:
        if glued and _is_piece(glued[-1], line, width) and _joins(glued[-1], line, known):
            glued[-1] = glued[-1].rstrip() + line
        else:
            glued.append(line)
    return glued


def _markup(lines: list[str]) -> str:
    """A cell's lines as markup: one ``<p>`` a paragraph, a list item starting a paragraph."""
    paragraphs: list[list[str]] = []
    fresh = True
    for line in (line.strip() for line in lines):
        if not line:
            fresh = True
            continue
        if fresh or leading_marker(line) is not None:
            paragraphs.append([])
        paragraphs[-1].append(line)
        fresh = False
    return "".join(f"<p>{' '.join(paragraph)}</p>" for paragraph in paragraphs)
