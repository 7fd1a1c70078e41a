"""RAG ratings from cell text ("AMBER TO GREEN", "A/G", "Red-Amber") and from cell shading.

Spellings, fillers, placeholders and reference colours live in ``data/ratings.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractor.fields._colour import Lab, delta_e, parse_hex, to_lab
from extractor.fields._data import load_toml
from extractor.fields._text import squash
from models.rating import Rating

__all__ = ["RatingReading", "parse_rating", "find_rating_line", "rating_from_fill"]

_TAGS = re.compile(r"<[^>]*>")
_TOKEN = re.compile(r"[A-Z]+|[/\\&+-]|[^\sA-Z]")
_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_BREAK = "|"
_MAX_LINE = 60


@dataclass(frozen=True)
class RatingReading:
    """What a rating text says: a rating, or the unfilled template placeholder, or neither.

    ``text`` is the text as read (markup dropped, whitespace squashed).
    """

    rating: Rating | None
    is_placeholder: bool = False
    text: str = ""


@dataclass(frozen=True)
class _Words:
    colours: dict[str, frozenset[str]]
    pairs: dict[frozenset[str], Rating]
    joiners: frozenset[str]
    fillers: frozenset[str]
    placeholders: frozenset[str]


@cache
def _words() -> _Words:
    data = load_toml("ratings.toml")
    colours = {w: frozenset({name}) for name, words in data["colours"].items() for w in words}
    colours.update({w: frozenset(names) for w, names in data["combined"].items()})
    pairs = {frozenset(names): Rating(name) for name, names in data["pairs"].items()}
    pairs.update({frozenset({name}): Rating(name) for name in data["colours"]})
    return _Words(
        colours=colours,
        pairs=pairs,
        joiners=frozenset(data["words"]["joiners"]),
        fillers=frozenset(data["words"]["fillers"]),
        placeholders=frozenset(_key(_tokens(p)) for p in data["words"]["placeholders"]),
    )


def _tokens(text: str) -> list[str]:
    """Upper-case words and joining symbols; any other punctuation becomes a break."""
    flat = text.upper().replace("\u2013", "-").replace("\u2014", "-")
    return [t if t.isalpha() or t in "/\\&+-" else _BREAK for t in _TOKEN.findall(flat)]


def _key(tokens: list[str]) -> str:
    return " ".join(t for t in tokens if t.isalpha())


def _phrase(tokens: list[str], words: _Words) -> tuple[frozenset[str], int, bool] | None:
    """The colour phrase at the start of ``tokens`` (after fillers): its colours, the index
    after it, and whether it used single-letter colours. None when no phrase starts there."""
    index = 0
    while index < len(tokens) and (tokens[index] in words.fillers or not tokens[index].isalpha()):
        index += 1
    colours: set[str] = set()
    letters, end = False, index
    while index < len(tokens) and tokens[index] in words.colours:
        colours |= words.colours[tokens[index]]
        letters = letters or len(tokens[index]) == 1
        end = index = index + 1
        while index < len(tokens) and tokens[index] in words.joiners:
            index += 1
    return (frozenset(colours), end, letters) if colours else None


def _ends_cleanly(rest: list[str], words: _Words) -> bool:
    """Nothing follows the phrase, or a break, or a qualifier word ("AMBER improving")."""
    return not rest or not rest[0].isalpha() or rest[0] in words.fillers


def _read(text: str, *, strict: bool) -> RatingReading:
    clean = squash(_TAGS.sub(" ", text or ""))
    words = _words()
    tokens = _tokens(clean)
    if _key(tokens) in words.placeholders:
        return RatingReading(None, is_placeholder=True, text=clean)
    known = words.fillers | words.joiners | words.colours.keys()
    if strict and any(t.isalpha() and t not in known for t in tokens):
        return RatingReading(None, text=clean)
    outside = _tokens(_BRACKETED.sub(" | ", clean))
    inside = [_tokens(a or b) for a, b in _BRACKETED.findall(clean)]
    for candidate in (outside, *inside):
        found = _phrase(candidate, words)
        if found is None:
            continue
        colours, end, letters = found
        rest = candidate[end:]
        if letters and rest and rest[0].isalpha() and rest[0] not in words.fillers:
            continue  # "A good start": a lone letter followed by a word is not a rating
        if not _ends_cleanly(rest, words):
            continue
        if len(colours) == 3:
            return RatingReading(None, is_placeholder=True, text=clean)
        return RatingReading(words.pairs.get(colours), text=clean)
    return RatingReading(None, text=clean)


def parse_rating(text: str) -> RatingReading:
    """The rating a rating cell states ("AMBER TO GREEN" → AMBER_GREEN, "R/A" → RED_AMBER).

    A qualifier after the rating or in brackets is ignored ("AMBER (improving)" → AMBER);
    "R / A / G" is the placeholder; blank or anything else is no rating. Never raises.
    """
    return _read(text, strict=False)


def find_rating_line(text: str) -> RatingReading | None:
    """The reading of a paragraph that is *only* a rating phrase (or the placeholder), such as
    a centred "AMBER" at the end of a summary cell; None for any other paragraph."""
    if not text or len(squash(_TAGS.sub(" ", text))) > _MAX_LINE:
        return None
    reading = _read(text, strict=True)
    return reading if reading.rating is not None or reading.is_placeholder else None


@cache
def _references() -> tuple[float, tuple[tuple[str, Lab], ...]]:
    fill: dict[str, Any] = load_toml("ratings.toml")["fill"]
    references = tuple(
        (name, to_lab(rgb))
        for name, colours in fill["references"].items()
        for rgb in (parse_hex(c) for c in colours)
        if rgb is not None
    )
    return float(fill["max_distance"]), references


def rating_from_fill(hex_colour: str | None) -> Rating | None:
    """The RAG rating a cell's shading shows (``"#FFC000"`` → AMBER), or None for white,
    greys, header blues, pale tints and any colour far from every RAG colour."""
    rgb = parse_hex(hex_colour)
    return None if rgb is None else _nearest_rating(rgb)


@lru_cache(maxsize=4096)
def _nearest_rating(rgb: tuple[int, int, int]) -> Rating | None:
    lab = to_lab(rgb)
    max_distance, references = _references()
    distance, name = min((delta_e(lab, ref), name) for name, ref in references)
    if distance > max_distance or name not in Rating.__members__:
        return None
    return Rating(name)
