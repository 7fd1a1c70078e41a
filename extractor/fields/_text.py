"""Small text helpers shared by the field parsers."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["squash", "fold", "in_capitals", "title_case", "slug"]

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_SMALL_WORDS = frozenset({"and", "of", "the", "upon", "on", "with", "in", "for", "to"})


def squash(text: str) -> str:
    """``text`` with runs of whitespace (including non-breaking spaces) made one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def in_capitals(text: str, share: float = 1.0) -> bool:
    """True when at least ``share`` of the letters of ``text`` are capitals (0.75 allows an
    acronym such as "DfE" in a heading); False for text without letters."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= share * len(letters)


def fold(text: str) -> str:
    """A matching key: ASCII, lower case, ``&`` as "and", punctuation as single spaces.

    Apostrophes vanish rather than split a word ("Children's" → "childrens").
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    lowered = ascii_text.lower().replace("&", " and ").replace("'", "")
    return _NOT_WORD.sub(" ", lowered).strip()


def title_case(text: str) -> str:
    """Title case for text written in capitals, keeping small joining words lower case."""
    out = []
    for index, word in enumerate(squash(text).split(" ")):
        parts = word.lower().split("-")
        out.append("-".join(
            part if (index or position) and part in _SMALL_WORDS else part[:1].upper() + part[1:]
            for position, part in enumerate(parts)
        ))
    return " ".join(out)


def slug(text: str) -> str:
    """The snake_case slug of ``text`` ("Early Help & the Front Door" → early_help_and_…)."""
    return fold(text).replace(" ", "_")
