"""Every sample document, in every format, against the answer key its generator wrote."""

from __future__ import annotations

import pytest

from benchmarks.accuracy import Scores, evaluate, score_structure
from corpus.answer_key import SAMPLES_DIR, AnswerKey, iter_keys
from extractor import extract

KEYS = list(iter_keys())


@pytest.mark.parametrize("key", KEYS, ids=[k.document for k in KEYS])
def test_structure_matches_the_answer_key(key: AnswerKey) -> None:
    scores = Scores()
    score_structure(scores, key, extract(SAMPLES_DIR / key.document))
    assert scores.mismatches == []


def test_figures_precision_and_recall_over_the_archive() -> None:
    scores = evaluate(KEYS)
    assert scores.figures.recall >= 0.95
    assert scores.figures.precision >= 0.95
    for name, pr in scores.qualifiers.items():
        assert pr.precision >= 0.9, name
        assert pr.recall >= 0.9, name
