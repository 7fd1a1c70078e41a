"""TextPiece: one paragraph of a report with where it stands, and a splitter for plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TextPiece", "pieces_from_text"]

# a blank line or an HTML tag ends a piece (text conversions of PDFs keep table cells as HTML)
_BREAK = re.compile(r"\n[ \t]*\n|<[^<>\n]{1,200}>|\t")


@dataclass(frozen=True)
class TextPiece:
    """A paragraph of the report with where it stands.

    ``start`` is the offset of ``text[0]`` in the report's plain text (``Layout.text``),
    ``page`` the 1-based page or None, ``area`` the assessment area key when the piece is in an
    assessment row, else None.
    """

    text: str
    start: int
    page: int | None = None
    area: str | None = None


def pieces_from_text(text: str, *, page: int | None = None) -> list[TextPiece]:
    """Cut plain ``text`` into pieces at blank lines, tabs and HTML tags, offsets kept exact."""
    pieces: list[TextPiece] = []
    pos = 0
    for cut in [*_BREAK.finditer(text), None]:
        end = cut.start() if cut else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            pieces.append(TextPiece(stripped, pos + chunk.index(stripped), page))
        pos = cut.end() if cut else end
    return pieces
