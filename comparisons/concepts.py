"""Which issues of children's social care, and which posts, a text names.

``data/concepts.toml`` lists each issue with the words that name it, so two items about one
issue ("not enough local homes for children" / "residential sufficiency remains a risk") are
alike even when they share almost no words (:class:`ConceptScorer`); and each post (DCS, head of
fostering, ...), so two items about different posts are told apart (:class:`PostConflict`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from comparisons.scorer_base import Matrix, ScoresPairsByMatrix

__all__ = ["Catalogue", "ConceptScorer", "OpeningScorer", "PostConflict", "concept_catalogue",
           "opening", "post_catalogue"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# A word: letters, digits, apostrophes and inner hyphens ("multi-agency" is one word, not "agency").
_WORD = re.compile(r"[\w'][\w'-]*")

Word = tuple[str, bool]  # the word, and whether any ending may follow it ("recruit*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().translate(_QUOTES))


class Catalogue:
    """Named entries (concepts, posts), each with terms matched as whole words, case-folded; a
    trailing ``*`` on a word matches any ending (``covid*``: COVID-19). A starred first word
    needs three letters or more (terms are looked up by their first three)."""

    def __init__(self, terms_by_name: Mapping[str, Sequence[str]]) -> None:
        self.names = tuple(name for name, terms in terms_by_name.items() if terms)
        # terms by the first three letters of their first word (a token can only match a term
        # whose first word it starts with)
        self._by_start: dict[str, list[tuple[str, tuple[Word, ...]]]] = {}
        for name, terms in terms_by_name.items():
            for term in terms:
                words = _term_words(term)
                self._by_start.setdefault(words[0][0][:3], []).append((name, words))

    def named(self, text: str) -> frozenset[str]:
        """The entries whose terms occur in ``text``."""
        words = _words(text)
        found: set[str] = set()
        for index, word in enumerate(words):
            for name, term in self._by_start.get(word[:3], ()):
                if name not in found and _matches_at(words, index, term):
                    found.add(name)
        return frozenset(found)


def _term_words(term: str) -> tuple[Word, ...]:
    """A catalogue term as words; a word written with a trailing ``*`` is a prefix."""
    words: list[Word] = []
    for raw in term.split():
        parts = _words(raw.rstrip("*"))
        words += [(part, False) for part in parts[:-1]]
        words.append((parts[-1], raw.endswith("*")))
    return tuple(words)


def _matches_at(words: Sequence[str], index: int, term: tuple[Word, ...]) -> bool:
    if index + len(term) > len(words):
        return False
    return all(words[index + offset] == word or (prefix and words[index + offset].startswith(word))
               for offset, (word, prefix) in enumerate(term))


@cache
def _catalogue_data() -> dict[str, dict[str, Any]]:
    data = resources.files("comparisons").joinpath("data", "concepts.toml").read_text("utf-8")
    return tomllib.loads(data)


@cache
def concept_catalogue() -> Catalogue:
    """The packaged issues (read once)."""
    return Catalogue(_catalogue_data()["concepts"])


@cache
def post_catalogue() -> Catalogue:
    """The packaged named posts (DCS, head of fostering, ...) (read once)."""
    return Catalogue(_catalogue_data()["posts"])


class ConceptScorer(ScoresPairsByMatrix):
    """Cosine similarity of the concepts two texts name (0 when either names none), each concept
    weighted by its rarity in ``corpus`` (smoothed IDF, as scikit-learn's), so an issue that most
    items of the corpus name is weak evidence that two of them are one item."""

    def __init__(self, corpus: Sequence[str] = (),
                 catalogue: Catalogue | None = None) -> None:
        self._catalogue = concept_catalogue() if catalogue is None else catalogue
        self._index = {name: position for position, name in enumerate(self._catalogue.names)}
        named = self._indicators(corpus)
        self._idf = np.log((1 + len(corpus)) / (1 + named.sum(axis=0))) + 1.0

    def _indicators(self, texts: Sequence[str]) -> Matrix:
        """1 where a text (row) names a concept (column)."""
        found = np.zeros((len(texts), len(self._index)))
        for row, text in enumerate(texts):
            for name in self._catalogue.named(text):
                found[row, self._index[name]] = 1.0
        return found

    def _vectors(self, texts: Sequence[str]) -> Matrix:
        vectors = self._indicators(texts) * self._idf
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Cosine of every row's concepts against every column's."""
        return np.clip(self._vectors(rows) @ self._vectors(cols).T, 0.0, 1.0)


@cache
def _opening_rule() -> tuple[re.Pattern[str], int]:
    data = _catalogue_data()["opening"]
    verbs = "|".join(re.escape(v.rstrip("*")) + (r"\w*" if v.endswith("*") else "")
                     for v in data["verbs"])
    return re.compile(rf"[,;:]|\b(?:{verbs})\b", re.IGNORECASE), int(data["max_words"])


def opening(text: str) -> str:
    """The issue a bullet opens with: its words before the first comma or verb of
    ``[opening]`` ("High reliance on agency staff, …" → "High reliance on agency staff")."""
    stop, max_words = _opening_rule()
    first = re.match(r"\s*\S+", text)  # a verb only after the first word: "Rising demand …"
    found = stop.search(text, first.end() if first else 0)
    return " ".join((text[:found.start()] if found else text).split()[:max_words])


class OpeningScorer(ConceptScorer):
    """The concept scorer on two bullets' openings (:func:`opening`): "High reliance on agency
    staff …" and "Agency use is reducing …" open with one issue, "The budget …" with another."""

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Cosine of every row's opening concepts against every column's."""
        return super().matrix([opening(t) for t in rows], [opening(t) for t in cols])


class PostConflict:
    """Two texts that each name a post but no post in common ("the head of fostering post is
    vacant" / "the permanent DCS post is vacant") are about different posts: their factor is
    ``factor``; every other pair's is 1."""

    def __init__(self, factor: float, catalogue: Catalogue | None = None) -> None:
        self._factor = factor
        self._catalogue = post_catalogue() if catalogue is None else catalogue

    def factors(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """The factor of every row against every column."""
        scaled = np.ones((len(rows), len(cols)))
        if self._factor == 1.0:
            return scaled
        left = [self._catalogue.named(text) for text in rows]
        right = [self._catalogue.named(text) for text in cols]
        for i, posts in enumerate(left):
            for j, others in enumerate(right):
                if posts and others and not posts & others:
                    scaled[i, j] = self._factor
        return scaled
