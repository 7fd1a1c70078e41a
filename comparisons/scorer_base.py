"""What every similarity scorer is: a pair score in [0, 1] and a matrix of scores for two lists."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

__all__ = ["Matrix", "Scorer", "ScoresPairsByMatrix", "cut"]

Matrix = NDArray[np.float64]


class Scorer(Protocol):
    """A similarity in [0, 1] for a pair, and the same for every pair of two lists."""

    def __call__(self, a: str, b: str, *, score_cutoff: float | None = None) -> float: ...

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix: ...


def cut(score: float, score_cutoff: float | None) -> float:
    """RapidFuzz's convention: a score below the cutoff is 0."""
    return 0.0 if score_cutoff is not None and score < score_cutoff else score


class ScoresPairsByMatrix(ABC):
    """A scorer whose pair score is its 1×1 matrix."""

    @abstractmethod
    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> Matrix:
        """Scores of every row against every column."""

    def __call__(self, a: str, b: str, *, score_cutoff: float | None = None) -> float:
        return cut(float(self.matrix([a], [b])[0, 0]), score_cutoff)
