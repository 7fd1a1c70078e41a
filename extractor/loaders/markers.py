"""List markers: typed at the start of a paragraph ("• ", "1. ", "(a) ") or run together inline.

Text conversions often lose list structure: "1. Reduce … 2. Improve … a. Supervision b. …" is
one line. :class:`ListState` follows the numbering sequences seen so far, so a marker is accepted
only where it continues a sequence or starts a new one, and its nesting level follows from which
sequence it continues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.loaders.config import config

__all__ = [
    "Marker", "ListState", "IndentLevels", "leading_marker", "lone_marker", "split_inline",
    "format_ordinal", "integer",
]

_ENUM = r"\d{1,2}|[ivx]{1,5}|[IVX]{1,5}|[a-zA-Z]"
_LEADING_ENUM = re.compile(rf"^(\(?)({_ENUM})([.)])\s+(?=\S)")
_INLINE_ENUM = re.compile(rf"(?:^|(?<=\s))(\(?)({_ENUM})([.)])\s+(?=\S)")
# A paragraph number of several levels typed before a tab ("2.1<TAB>The new DCS ..."): only
# the tab tells it from a figure ("2.5 FTE posts")
_LEADING_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3}\.?)\t+(?=\S)")
_ROMAN = {"i": 1, "v": 5, "x": 10}
_MAX_ROMAN = 4000  # larger numbers are written in decimal


@dataclass(frozen=True)
class Marker:
    """A list marker as typed (``text``), with its numbering candidates ``(style, ordinal)``.

    Styles: ``decimal``, ``lower``, ``upper``, ``roman``, ``ROMAN``; a bullet glyph has none.
    """

    text: str
    candidates: tuple[tuple[str, int], ...] = ()


@cache
def _glyphs() -> re.Pattern[str]:
    glyphs = "".join(re.escape(glyph) for glyph in config()["markers"]["glyphs"])
    return re.compile(rf"^([{glyphs}])\s+(?=\S)")


def _roman_value(token: str) -> int | None:
    values = [_ROMAN[char] for char in token.lower()]
    total = sum(
        -value if index + 1 < len(values) and value < values[index + 1] else value
        for index, value in enumerate(values)
    )
    return total if format_ordinal(total, "roman") == token.lower() else None


def _candidates(token: str) -> tuple[tuple[str, int], ...]:
    if token.isdigit():
        return (("decimal", int(token)),)
    found: list[tuple[str, int]] = []
    if len(token) == 1:
        found.append(("lower" if token.islower() else "upper", ord(token.lower()) - 96))
    roman = _roman_value(token) if set(token.lower()) <= set(_ROMAN) else None
    if roman is not None:
        found.append(("roman" if token.islower() else "ROMAN", roman))
    return tuple(found)


def _enum_marker(match: re.Match[str]) -> Marker:
    opening, token, closing = match.groups()
    return Marker(f"{opening}{token}{closing}", _candidates(token))


def leading_marker(text: str) -> tuple[Marker, str] | None:
    """The marker typed at the start of ``text`` and the text after it, or None."""
    match = _glyphs().match(text)
    if match:
        return Marker(match.group(1)), text[match.end() :]
    match = _LEADING_ENUM.match(text)
    if match and (match.group(1) != "(" or match.group(3) == ")"):
        return _enum_marker(match), text[match.end() :]
    match = _LEADING_PARAGRAPH_NUMBER.match(text)
    if match:
        return Marker(match.group(1)), text[match.end() :]
    return None


def lone_marker(text: str) -> Marker | None:
    """The bullet glyph when ``text`` is nothing else (a conversion split it from its item)."""
    text = text.strip()
    return Marker(text) if text in config()["markers"]["glyphs"] else None


class ListState:
    """The numbering sequences open in one flow of text, outermost first."""

    def __init__(self) -> None:
        self._stack: list[list[object]] = []  # [style, last ordinal] per level

    def place(self, marker: Marker, *, strict: bool = False) -> int | None:
        """The level of ``marker``, updating the state; None (strict only) when out of sequence.

        A marker continues the deepest sequence it is next in, else opens a new level when it
        is the first of a style not yet open. Otherwise, unless ``strict``, it restarts the
        level of its style or opens a new level.
        """
        for level in range(len(self._stack) - 1, -1, -1):
            style, last = self._stack[level]
            for candidate, ordinal in marker.candidates:
                if candidate == style and ordinal == last + 1:  # type: ignore[operator]
                    return self._set(level, style, ordinal)
        open_styles = {entry[0] for entry in self._stack}
        for candidate, ordinal in marker.candidates:
            if ordinal == 1 and candidate not in open_styles:
                return self._set(len(self._stack), candidate, ordinal)
        if strict or not marker.candidates:
            return None
        style, ordinal = marker.candidates[0]
        for level, entry in enumerate(self._stack):
            if entry[0] == style:
                return self._set(level, style, ordinal)
        return self._set(len(self._stack), style, ordinal)

    def _set(self, level: int, style: object, ordinal: int) -> int:
        del self._stack[level:]
        self._stack.append([style, ordinal])
        return level


class IndentLevels:
    """Nesting levels of typed list items from their indentation.

    A deeper indent than the current item's opens a level; a shallower one goes back to the
    deepest open level not deeper than it. :meth:`reset` when the list ends.
    """

    def __init__(self) -> None:
        self._indents: list[int] = []

    def level(self, indent: int) -> int:
        """The level of an item indented by ``indent`` (any unit, compared only)."""
        while self._indents and self._indents[-1] > indent:
            self._indents.pop()
        if not self._indents or self._indents[-1] < indent:
            self._indents.append(indent)
        return len(self._indents) - 1

    def reset(self) -> None:
        """Forget the open levels: the next item is at level 0."""
        self._indents.clear()


def split_inline(text: str, state: ListState) -> list[tuple[Marker | None, int, str]]:
    """Split ``text`` at list markers that continue or open a sequence of ``state``.

    Returns ``(marker, level, text)`` pieces in order; text before the first marker comes with
    marker None and level 0.
    """
    pieces: list[tuple[Marker | None, int, str]] = []
    marker: Marker | None = None
    level = 0
    start = 0
    for match in _INLINE_ENUM.finditer(text):
        if match.group(1) == "(" and match.group(3) != ")":
            continue
        candidate = _enum_marker(match)
        placed = state.place(candidate, strict=True)
        if placed is None:
            continue
        pieces.append((marker, level, text[start : match.start()]))
        marker, level, start = candidate, placed, match.end()
    pieces.append((marker, level, text[start:]))
    return [(m, lvl, piece.strip()) for m, lvl, piece in pieces if piece.strip() or m]


def format_ordinal(number: int, style: str) -> str:
    """``number`` written in a list style: decimal, lower/upper letter, lower/upper roman.

    Numbers that a style cannot write (roman beyond 3999, letters below 1) come out decimal.
    """
    if style in ("lower", "upper") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(97 + rest) + letters
        return letters if style == "lower" else letters.upper()
    if style in ("roman", "ROMAN") and 0 < number < _MAX_ROMAN:
        numerals = ""
        for value, numeral in (
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ):
            count, number = divmod(number, value)
            numerals += numeral * count
        return numerals if style == "roman" else numerals.upper()
    return str(number)


def integer(value: str | None, default: int) -> int:
    """``value`` as an int when it is a plain, short integer (as list numbers are), else
    ``default``: markup attributes may hold anything."""
    if value and len(value) < 10 and value.lstrip("-").isdigit():
        return int(value)
    return default
