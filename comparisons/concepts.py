"""Which issues of children's social care a text names, and how alike two texts are in that.

The catalogue (``data/concepts.toml``) lists each issue with the words that name it, so two items
about one issue ("not enough local homes for children" / "residential sufficiency remains a
risk") are alike even when they share almost no words.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

import numpy as np

from comparisons.scorer_base import Matrix, ScoresPairsByMatrix

__all__ = ["ConceptScorer", "PostConflict", "compile_catalogue", "concept_catalogue",
           "post_catalogue", "concepts_named"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _term_pattern(term: str) -> str:
    """A catalogue term as a regex: whole words, any spacing, ``*`` for any ending (``covid*``:
    COVID-19)."""
    words = term.casefold().translate(_QUOTES).split()
    body = r"\s+".join(re.escape(word.rstrip("*")) + (r"[\w-]*" if word.endswith("*") else "")
                       for word in words)
    return rf"(?<![\w-]){body}(?![\w-])"


def compile_catalogue(terms_by_concept: Mapping[str, Sequence[str]]) -> dict[str, re.Pattern[str]]:
    """One case-folded pattern per concept, matching any of its terms."""
    return {name: re.compile("|".join(_term_pattern(term) for term in terms))
            for name, terms in terms_by_concept.items() if terms}


@cache
def _catalogue_data() -> dict[str, dict[str, list[str]]]:
    data = resources.files("comparisons").joinpath("data", "concepts.toml").read_text("utf-8")
    return tomllib.loads(data)


@cache
def concept_catalogue() -> dict[str, re.Pattern[str]]:
    """The packaged issues, compiled (read once)."""
    return compile_catalogue(_catalogue_data()["concepts"])


@cache
def post_catalogue() -> dict[str, re.Pattern[str]]:
    """The packaged named posts (DCS, head of fostering, ...), compiled (read once)."""
    return compile_catalogue(_catalogue_data()["posts"])


def concepts_named(text: str, catalogue: Mapping[str, re.Pattern[str]]) -> frozenset[str]:
    """The concepts whose terms occur in ``text``."""
    folded = text.casefold().translate(_QUOTES)
    return frozenset(name for name, pattern in catalogue.items() if pattern.search(folded))


class ConceptScorer(ScoresPairsByMatrix):
    """Cosine similarity of the concepts two texts name (0 when either names none), each concept
    weighted by its rarity in ``corpus`` (smoothed IDF, as scikit-learn's), so an issue that most
    items of the corpus name is weak evidence that two of them are one item."""

    def __init__(self, corpus: Sequence[str] = (),
                 catalogue: Mapping[str, re.Pattern[str]] | None = None) -> None:
        self._catalogue = concept_catalogue() if catalogue is None else catalogue
        self._index = {name: position for position, name in enumerate(self._catalogue)}
        named = self._indicators(corpus)
        self._idf = np.log((1 + len(corpus)) / (1 + named.sum(axis=0))) + 1.0

    def _indicators(self, texts: Sequence[str]) -> Matrix:
        """1 where a text (row) names a concept (column)."""
        found = np.zeros((len(texts), len(self._index)))
        for row, text in enumerate(texts):
            for name in concepts_named(text, self._catalogue):
                found[row, self._index[name]] = 1.0
        return found

    def _vectors(self, texts: Sequence[str]) -> Matrix:
        vectors = self._indicators(texts) * self._idf
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Cosine of every row's concepts against every column's."""
        return np.clip(self._vectors(rows) @ self._vectors(cols).T, 0.0, 1.0)


class PostConflict:
    """Two texts that each name a post but no post in common ("the head of fostering post is
    vacant" / "the permanent DCS post is vacant") are about different posts: their factor is
    ``factor``; every other pair's is 1."""

    def __init__(self, factor: float,
                 catalogue: Mapping[str, re.Pattern[str]] | None = None) -> None:
        self._factor = factor
        self._catalogue = post_catalogue() if catalogue is None else catalogue

    def factors(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """The factor of every row against every column."""
        scaled = np.ones((len(rows), len(cols)))
        if self._factor == 1.0:
            return scaled
        left = [concepts_named(text, self._catalogue) for text in rows]
        right = [concepts_named(text, self._catalogue) for text in cols]
        for i, posts in enumerate(left):
            for j, others in enumerate(right):
                if posts and others and not posts & others:
                    scaled[i, j] = self._factor
        return scaled
