"""RAG ratings from cell text ("AMBER TO GREEN", "A/G", "Red-Amber") and from cell shading.

Spellings, fillers, placeholders and reference colours live in ``data/ratings.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extractor.fields._colour import Lab, delta_e, parse_hex, to_hsl, to_lab
from extractor.fields._data import load_toml
from extractor.fields._text import squash
from models.rating import Rating

__all__ = ["RatingReading", "parse_rating", "find_rating_line", "rating_from_fill",
           "names_a_change", "rating_after_change", "read_legend", "legend_rating",
           "stated_rating"]

_TAGS = re.compile(r"<[^>]*>")
_TOKEN = re.compile(r"[A-Z]+|[/\\&+-]|[^\sA-Z]")
_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_BREAK = "|"
_ARROW = "\u2192"
_MAX_LINE = 60


@dataclass(frozen=True)
class RatingReading:
    """What a rating text says: a rating, or the unfilled template placeholder, or neither.

    ``text`` is the text as read (markup dropped, whitespace squashed); ``is_transition`` says
    it names two ratings with an arrow between them ("Amber → Green"), which is no rating.
    """

    rating: Rating | None
    is_placeholder: bool = False
    text: str = ""
    is_transition: bool = False


@dataclass(frozen=True)
class _Words:
    colours: dict[str, frozenset[str]]
    pairs: dict[frozenset[str], Rating]
    joiners: frozenset[str]
    fillers: frozenset[str]
    placeholders: frozenset[str]
    arrows: tuple[str, ...]


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
        arrows=tuple(sorted(data["words"]["arrows"], key=len, reverse=True)),
    )


def _marked_arrows(text: str, arrows: tuple[str, ...]) -> str:
    """``text`` with every arrow spelling ("->", "=>", "➔") written as one arrow, spaced."""
    for arrow in arrows:
        text = text.replace(arrow, f" {_ARROW} ")
    return text


def _tokens(text: str, arrows: tuple[str, ...] = ()) -> list[str]:
    """Upper-case words and joining symbols; any arrow ("->", "→") becomes one arrow token;
    any other punctuation becomes a break."""
    flat = _marked_arrows(text, arrows).upper().replace("\u2013", "-").replace("\u2014", "-")
    return [t if t.isalpha() or t in "/\\&+-" + _ARROW else _BREAK
            for t in _TOKEN.findall(flat)]


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


def _arrow_to_another(rest: list[str], colours: frozenset[str], words: _Words) -> bool:
    """An arrow from the phrase to a different colour ("Amber → Green"): it may mean the
    grade between them, where the rating is heading or what it changed to, so it is read as
    no rating at all (the assembler warns)."""
    index = 0
    while index < len(rest) and rest[index] != _ARROW and (
            not rest[index].isalpha() or rest[index] in words.fillers):
        index += 1
    if index >= len(rest) or rest[index] != _ARROW:
        return False
    after = _phrase(rest[index + 1:], words)
    return after is not None and after[0] != colours


def _read(text: str, *, strict: bool) -> RatingReading:
    clean = squash(_TAGS.sub(" ", text or ""))
    words = _words()
    tokens = _tokens(clean, words.arrows)
    if _key(tokens) in words.placeholders:
        return RatingReading(None, is_placeholder=True, text=clean)
    known = words.fillers | words.joiners | words.colours.keys()
    outside = _tokens(_BRACKETED.sub(" | ", clean), words.arrows)
    if strict and any(t.isalpha() and t not in known for t in outside):  # brackets qualify
        return RatingReading(None, text=clean)
    inside = [_tokens(a or b, words.arrows) for a, b in _BRACKETED.findall(clean)]
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
        if _arrow_to_another(rest, colours, words):
            return RatingReading(None, text=clean, is_transition=True)
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


def names_a_change(text: str) -> bool:
    """Does ``text`` (a column header, "RAG (last → now)") hold an arrow?"""
    return _ARROW in _tokens(text or "", _words().arrows)


def rating_after_change(text: str) -> RatingReading:
    """The rating a cell of a column of changes ends on: "Amber → Green" is GREEN; a cell cut
    after its arrow ("Red-Amber →") is no rating; a cell without an arrow reads as it is."""
    clean = squash(_TAGS.sub(" ", text or ""))
    _, arrow, after = _marked_arrows(clean, _words().arrows).rpartition(_ARROW)
    if not arrow:
        return parse_rating(clean)
    reading = parse_rating(after) if after.strip() else RatingReading(None)
    return RatingReading(reading.rating, reading.is_placeholder, clean)


# "Good progress = green", "Some progress – amber", "Limited progress (red)"
_LEGEND_ENTRY = re.compile(
    r"^\s*(?P<words>[A-Za-z][\w ,'\u2019/-]{1,50}?)\s*(?:=|:|\u2013|\u2014|-)\s*"
    r"(?P<colour>[^=:]+?)\s*$"
    r"|^\s*(?P<words2>[A-Za-z][\w ,'\u2019/-]{1,50}?)\s*\((?P<colour2>[^()]+)\)\s*$")
_MIN_LEGEND = 2  # entries: one alone is no key to a scale


def _legend_words(text: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)|[^\w\s/]", " ", text.lower()).split())


def read_legend(text: str) -> dict[str, Rating]:
    """The words a key line gives each rating ("Progress key: Good progress = green; Some
    progress = amber; Limited progress = red"), folded; {} for any other line."""
    body = text.split(":", 1)[1] if re.match(r"^[^:;=]{0,30}\bkey\s*:", text, re.I) else text
    legend: dict[str, Rating] = {}
    for part in re.split(r"[;\n]", body):
        match = _LEGEND_ENTRY.match(part.strip().rstrip("."))
        if match is None:
            continue
        words, colour = (match.group("words") or match.group("words2"),
                         match.group("colour") or match.group("colour2"))
        if find_rating_line(colour) is None:  # the colour first: "Red – little progress"
            words, colour = colour, words
        reading = find_rating_line(colour)
        if reading is not None and reading.rating is not None and parse_rating(
                words).rating is None:
            legend[_legend_words(words)] = reading.rating
    return legend if len(legend) >= _MIN_LEGEND else {}


def legend_rating(text: str, legend: dict[str, Rating]) -> Rating | None:
    """The rating a cell's words have in a report's own key (:func:`read_legend`), or None."""
    return legend.get(_legend_words(text)) if legend else None


def find_rating_line(text: str) -> RatingReading | None:
    """The reading of a paragraph that is *only* a rating phrase (or the placeholder), such as
    a centred "AMBER" at the end of a summary cell, with any words in brackets after it
    ("Amber (was Red-Amber in May)"); None for any other paragraph."""
    if not text or len(squash(_TAGS.sub(" ", text))) > _MAX_LINE:
        return None
    reading = _read(text, strict=True)
    return reading if reading.rating is not None or reading.is_placeholder else None


@dataclass(frozen=True)
class _Reference:
    name: str
    lab: Lab
    hsl: tuple[float, float, float]


@dataclass(frozen=True)
class _Fills:
    max_distance: float
    references: tuple[_Reference, ...]
    max_hue: float
    max_saturation: float
    min_saturation: float
    min_lightness: float


@cache
def _fills() -> _Fills:
    fill: dict[str, Any] = load_toml("ratings.toml")["fill"]
    references = tuple(
        _Reference(name, to_lab(rgb), to_hsl(rgb))
        for name, colours in fill["references"].items()
        for rgb in (parse_hex(c) for c in colours)
        if rgb is not None
    )
    shades = fill["shades"]
    return _Fills(
        max_distance=float(fill["max_distance"]),
        references=references,
        max_hue=float(shades["max_hue"]),
        max_saturation=float(shades["max_saturation"]),
        min_saturation=float(shades["min_saturation"]),
        min_lightness=float(shades["min_lightness"]),
    )


def rating_from_fill(hex_colour: str | None) -> Rating | None:
    """The RAG rating a cell's shading shows (``"#FFC000"`` → AMBER), or None for white,
    greys, header blues, pale tints and any colour far from every RAG colour.

    The nearest reference colour (CIEDE2000) decides when it is near enough; otherwise a
    darker shade of a reference (same hue and saturation, less light: Word's "Darker 50%")
    takes its name.
    """
    rgb = parse_hex(hex_colour)
    return None if rgb is None else _nearest_rating(rgb)


@lru_cache(maxsize=4096)
def _nearest_rating(rgb: tuple[int, int, int]) -> Rating | None:
    fills = _fills()
    lab = to_lab(rgb)
    distance, name = min((delta_e(lab, ref.lab), ref.name) for ref in fills.references)
    if distance > fills.max_distance:
        name = _shade_of(rgb, fills) or "none"
    return Rating(name) if name in Rating.__members__ else None


def _shade_of(rgb: tuple[int, int, int], fills: _Fills) -> str | None:
    """The reference ``rgb`` is a darker shade of (neutral ones included), or None for greys,
    near-black and colours of no reference's hue and saturation.

    Candidates are the references lighter than it within the hue and saturation tolerances;
    the nearest wins, counting the hue and saturation gaps (as fractions of their tolerances)
    and the lightness gap, so a shade goes to its own full colour rather than to a paler tint
    or a neighbouring hue.
    """
    hue, saturation, lightness = to_hsl(rgb)
    if saturation < fills.min_saturation or lightness < fills.min_lightness:
        return None
    family = []
    for ref in fills.references:
        ref_hue, ref_saturation, ref_lightness = ref.hsl
        hue_gap, saturation_gap = _hue_gap(ref_hue, hue), abs(ref_saturation - saturation)
        if (ref_lightness > lightness and hue_gap <= fills.max_hue
                and saturation_gap <= fills.max_saturation):
            gap = (hue_gap / fills.max_hue + saturation_gap / fills.max_saturation
                   + ref_lightness - lightness)
            family.append((gap, ref.name))
    return min(family)[1] if family else None


def _hue_gap(first: float, second: float) -> float:
    gap = abs(first - second) % 360
    return min(gap, 360 - gap)


_STATED_RATING = r"(?P<rating>[A-Za-z]+(?:\s*[/-]\s*[A-Za-z]+|\s+to\s+[A-Za-z]+)?)"


@cache
def _stated() -> tuple[re.Pattern[str], ...]:
    patterns = load_toml("ratings.toml")["stated"]["patterns"]
    return tuple(re.compile(p.replace("{RATING}", _STATED_RATING), re.IGNORECASE)
                 for p in patterns)


def stated_rating(text: str) -> RatingReading | None:
    """The rating a sentence of commentary gives its area in words ("Overall this area is
    rated Amber.", "I have moved it to Red/Amber this period"); None when ``text`` states none,
    or several that differ."""
    found = {parse_rating(m.group("rating")) for pattern in _stated()
             for m in pattern.finditer(text or "")}
    ratings = {reading.rating for reading in found if reading.rating is not None}
    return next(r for r in found if r.rating is not None) if len(ratings) == 1 else None
