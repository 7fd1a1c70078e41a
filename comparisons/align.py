"""One-to-one alignment of old and new bullets by meaning, not position.

The similarity of every old item to every new item comes from a :class:`~comparisons.scorers.
Scorer`; the assignment is solved with ``scipy.optimize.linear_sum_assignment``. Pairs below the
threshold are masked out first and every pair above it earns a bonus, so the solver first
maximises the number of continuing items, then their total similarity: a reworded item is never
displaced by a weaker pairing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from comparisons.scorers import Matrix, Scorer
from models.change import ContinuingItem, GoingWellChanges, RiskChanges
from models.report import Item

__all__ = ["Pair", "Alignment", "assign", "align", "risk_changes", "going_well_changes"]


@dataclass(frozen=True)
class Pair:
    """Old item ``old`` continues as new item ``new`` with ``similarity`` in [0, 1]."""

    old: int
    new: int
    similarity: float


@dataclass(frozen=True)
class Alignment:
    """Pairs, then the indices left over on each side, all in ascending order."""

    pairs: list[Pair]
    old_only: list[int]
    new_only: list[int]


def assign(similarity: Matrix, threshold: float) -> Alignment:
    """The one-to-one pairing of rows with columns that keeps most pairs at or above threshold."""
    rows_count, cols_count = similarity.shape
    eligible = similarity >= threshold
    weights = np.where(eligible, similarity + 1.0, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    pairs = [Pair(int(r), int(c), float(similarity[r, c]))
             for r, c in zip(rows, cols, strict=True) if eligible[r, c]]
    paired_old = {pair.old for pair in pairs}
    paired_new = {pair.new for pair in pairs}
    return Alignment(
        pairs=sorted(pairs, key=lambda pair: pair.new),
        old_only=[i for i in range(rows_count) if i not in paired_old],
        new_only=[j for j in range(cols_count) if j not in paired_new],
    )


def align(old: Sequence[str], new: Sequence[str], scorer: Scorer, *, threshold: float
          ) -> Alignment:
    """Align two lists of texts one-to-one by ``scorer`` similarity."""
    return assign(scorer.matrix(old, new), threshold)


def risk_changes(old: Sequence[Item], new: Sequence[Item], scorer: Scorer, *, threshold: float
                 ) -> RiskChanges:
    """New, resolved and continuing risks."""
    result = align([item.text for item in old], [item.text for item in new], scorer,
                   threshold=threshold)
    return RiskChanges(
        new=[new[j] for j in result.new_only],
        resolved=[old[i] for i in result.old_only],
        continuing=[ContinuingItem.model_validate(
            {"from": old[p.old].text, "to": new[p.new].text, "similarity": round(p.similarity, 3)})
            for p in result.pairs],
    )


def going_well_changes(old: Sequence[Item], new: Sequence[Item], scorer: Scorer, *,
                       threshold: float) -> GoingWellChanges:
    """Going-well items that are new, and those no longer reported (dropped)."""
    result = align([item.text for item in old], [item.text for item in new], scorer,
                   threshold=threshold)
    return GoingWellChanges(new=[new[j] for j in result.new_only],
                            dropped=[old[i] for i in result.old_only])
