"""Text similarity scorers, all with one signature: ``(a, b, *, score_cutoff=None) -> float``.

Every scorer returns a similarity in [0, 1] (a score below ``score_cutoff`` becomes 0, as in
RapidFuzz) and also scores whole lists at once with ``matrix(rows, cols)``, which alignment uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

from comparisons.concepts import ConceptScorer, OpeningScorer, PostConflict
from comparisons.scorer_base import Matrix, Scorer, ScoresPairsByMatrix, cut
from comparisons.settings import TfidfSettings, settings

__all__ = ["Scorer", "Matrix", "FuzzScorer", "TfidfScorer", "Blend", "token_set", "token_sort",
           "expand_abbreviations", "blended_scorer"]


@dataclass(frozen=True)
class FuzzScorer:
    """A RapidFuzz ratio (0-100) as a 0-1 similarity, on case- and punctuation-folded text."""

    ratio: Callable[..., float]

    def __call__(self, a: str, b: str, *, score_cutoff: float | None = None) -> float:
        score = self.ratio(a, b, processor=utils.default_process) / 100.0
        return cut(score, score_cutoff)

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Scores of every row against every column (RapidFuzz ``cdist``, one thread)."""
        scores = process.cdist(rows, cols, scorer=self.ratio, processor=utils.default_process,
                               dtype=np.float64, workers=1)
        return np.asarray(scores, dtype=np.float64) / 100.0


token_set = FuzzScorer(fuzz.token_set_ratio)
token_sort = FuzzScorer(fuzz.token_sort_ratio)


class TfidfScorer(ScoresPairsByMatrix):
    """Cosine similarity of TF-IDF vectors fitted on ``corpus`` (word or character n-grams)."""

    def __init__(self, corpus: Sequence[str], config: TfidfSettings) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: import on use

        self._vectoriser: Any = TfidfVectorizer(
            analyzer=config.analyzer, ngram_range=(config.ngram_min, config.ngram_max),
            stop_words=config.stop_words, sublinear_tf=True, strip_accents="unicode",
        )
        try:
            self._vectoriser.fit(list(corpus))
        except ValueError:  # empty vocabulary: nothing in the corpus to learn from
            self._vectoriser = None

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Cosine of every row against every column (vectors are L2-normalised)."""
        if self._vectoriser is None or not rows or not cols:
            return np.zeros((len(rows), len(cols)))
        left = self._vectoriser.transform(rows)
        right = self._vectoriser.transform(cols)
        return np.clip((left @ right.T).toarray(), 0.0, 1.0)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


Scaling = Callable[[Sequence[str], Sequence[str]], Matrix]


class Blend(ScoresPairsByMatrix):
    """A weighted mean of several scorers; texts equal up to case and spacing score 1.

    ``prepare`` rewrites every text before the parts score it (e.g. expanding abbreviations);
    ``scale`` gives a factor in [0, 1] per pair of prepared texts that multiplies the mean (e.g.
    lowering pairs that name different posts).
    """

    def __init__(self, scorers: Mapping[str, Scorer], weights: Mapping[str, float], *,
                 prepare: Callable[[str], str] | None = None, scale: Scaling | None = None
                 ) -> None:
        self._parts = [(scorers[name], weight) for name, weight in weights.items() if weight]
        self._total = sum(weight for _, weight in self._parts)
        self._prepare = prepare
        self._scale = scale

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """The weighted mean of the parts' matrices."""
        blended = np.zeros((len(rows), len(cols)))
        if not rows or not cols:
            return blended
        prepared_rows, prepared_cols = rows, cols
        if self._prepare is not None:
            prepared_rows = [self._prepare(text) for text in rows]
            prepared_cols = [self._prepare(text) for text in cols]
        for scorer, weight in self._parts:
            blended += weight * scorer.matrix(prepared_rows, prepared_cols)
        blended /= self._total
        if self._scale is not None:
            blended *= self._scale(prepared_rows, prepared_cols)
        left = [_normalise(text) for text in rows]
        right = [_normalise(text) for text in cols]
        same = np.array([[a == b for b in right] for a in left], dtype=bool)
        blended[same] = 1.0
        return np.clip(blended, 0.0, 1.0)


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    names = sorted(settings().abbreviations, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")s?\b")


def expand_abbreviations(text: str) -> str:
    """Each known abbreviation followed by its words: ``the DCS (director of children's ...)``."""
    expansions = settings().abbreviations
    if not expansions:  # an empty alternation would match everywhere
        return text
    return _abbreviation_pattern().sub(
        lambda match: f"{match.group(0)} ({expansions[match.group(1)]})", text)


@lru_cache(maxsize=8)
def blended_scorer(corpus: tuple[str, ...]) -> Blend:
    """The packaged blend of token, TF-IDF and concept scorers, TF-IDF and concept weights
    fitted on ``corpus`` (cached); pairs naming different posts are scaled down.

    Abbreviations are expanded first, in the corpus and in every text scored.
    """
    config = settings().align
    expanded = [expand_abbreviations(text) for text in corpus]
    scorers: dict[str, Scorer] = {
        "token_set": token_set,
        "token_sort": token_sort,
        "tfidf_word": TfidfScorer(expanded, config.tfidf_word),
        "tfidf_char": TfidfScorer(expanded, config.tfidf_char),
        "concepts": ConceptScorer(expanded),
        "opening": OpeningScorer(expanded),
    }
    return Blend(scorers, config.weights, prepare=expand_abbreviations,
                 scale=PostConflict(config.post_conflict_factor).factors)
