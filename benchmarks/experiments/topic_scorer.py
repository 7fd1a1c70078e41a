"""How much does the scorer of the issue a bullet opens with help the alignment, by weight?

The experiment that chose ``opening = 0.10`` and threshold 0.26 in ``comparisons/data/
compare.toml`` (docs/COMPARE.md gives the outcome: adopted). A risk is mostly written "<topic>
<what is wrong with it>" ("Agency use is reducing but is still high …"): the opening scorer
(``comparisons.concepts.OpeningScorer``) is the concept scorer applied to the words before the
first verb or comma. For each weight W of it in the shipped blend and each threshold it prints
the alignment errors (false and missed new and resolved items, risks / going well) on the
samples' keys and on the hand-keyed pair folders:

    python -m benchmarks.experiments.topic_scorer
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import benchmarks.eval_compare as ec
from benchmarks.keyed_pairs import KeyedPairs
from comparisons.align import going_well_changes, risk_changes
from comparisons.concepts import ConceptScorer, OpeningScorer, PostConflict
from comparisons.scorers import (
    Blend,
    Scorer,
    TfidfScorer,
    expand_abbreviations,
    token_set,
    token_sort,
)
from comparisons.settings import settings
from models import Report

WEIGHTS = (0.0, 0.05, 0.1, 0.15)
THRESHOLDS = (0.25, 0.26, 0.275, 0.29)
PAIRS = (Path("tests/fixtures/compare_pairs"), Path("tests/fixtures/compare_pairs_2"),
         Path("tests/fixtures/compare_pairs_3"))
def scorer_with_topic(weight: float) -> Callable[[tuple[str, ...]], Blend]:
    """A replacement for ``blended_scorer`` with the opening scorer at ``weight``."""
    config = settings().align

    def build(corpus: tuple[str, ...]) -> Blend:
        expanded = [expand_abbreviations(text) for text in corpus]
        scorers: dict[str, Scorer] = {
            "token_set": token_set, "token_sort": token_sort,
            "tfidf_word": TfidfScorer(expanded, config.tfidf_word),
            "tfidf_char": TfidfScorer(expanded, config.tfidf_char),
            "concepts": ConceptScorer(expanded), "opening": OpeningScorer(expanded)}
        return Blend(scorers, {**config.weights, "opening": weight},
                     prepare=expand_abbreviations,
                     scale=PostConflict(config.post_conflict_factor).factors)

    return build


def _errors(counts: Counter[str], names: Sequence[str]) -> int:
    return sum(counts[f"{name}.fp"] + counts[f"{name}.fn"] for name in names)


def keyed_errors(keyed: KeyedPairs, build: Callable[[tuple[str, ...]], Blend],
                 threshold: float) -> tuple[int, int]:
    """(risk errors, going-well errors) of a hand-keyed folder at ``threshold``."""

    def changes(old: Report, new: Report) -> SimpleNamespace:
        scorer = build(tuple(i.text for r in (old, new) for i in (*r.risks, *r.going_well)))
        return SimpleNamespace(
            risks=risk_changes(old.risks, new.risks, scorer, threshold=threshold),
            going_well=going_well_changes(old.going_well, new.going_well, scorer,
                                          threshold=threshold))

    counts = keyed.item_counts(changes)
    return (_errors(counts, ("risks.new", "risks.resolved")),
            _errors(counts, ("going_well.new", "going_well.resolved")))


def main() -> None:
    """Print one markdown row per weight and threshold."""
    cases = ec.build_cases(ec.key_report)
    folders = [KeyedPairs(folder) for folder in PAIRS]
    print("| W | threshold | samples risk / going-well errors | "
          + " | ".join(folder.name for folder in PAIRS) + " |\n|---|---|---|"
          + "---|" * len(PAIRS))
    for weight in WEIGHTS:
        build = scorer_with_topic(weight)
        ec.blended_scorer = build  # type: ignore[assignment]  # score_items builds with it
        for threshold in THRESHOLDS:
            counts: Counter[str] = Counter()
            for case in cases:
                ec.score_items(case, counts, threshold)
            samples = (_errors(counts, ("risks.new", "risks.resolved")),
                       _errors(counts, ("going_well.new", "going_well.dropped")))
            keyed = [keyed_errors(folder, build, threshold) for folder in folders]
            cells = [f"{a} / {b}" for a, b in (samples, *keyed)]
            print(f"| {weight:g} | {threshold:g} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
