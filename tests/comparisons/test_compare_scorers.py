"""Scorers: one signature, scores in [0, 1], symmetric, cutoffs as in RapidFuzz."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.concepts import ConceptScorer, OpeningScorer
from comparisons.scorers import (
    Blend,
    TfidfScorer,
    blended_scorer,
    expand_abbreviations,
    token_set,
    token_sort,
)
from comparisons.settings import TfidfSettings
from comparisons.settings import settings as compare_settings

CORPUS = ("Court delays affect care proceedings.", "Sickness is low but a capacity risk.",
          "The fostering review reports in January.")
WORD = TfidfSettings(analyzer="word", ngram_min=1, ngram_max=2, stop_words="english")
CHAR = TfidfSettings(analyzer="char_wb", ngram_min=3, ngram_max=5)
SCORERS = {
    "token_set": token_set,
    "token_sort": token_sort,
    "tfidf_word": TfidfScorer(CORPUS, WORD),
    "tfidf_char": TfidfScorer(CORPUS, CHAR),
    "concepts": ConceptScorer(CORPUS),
    "opening": OpeningScorer(CORPUS),
    "blend": blended_scorer(CORPUS),
}


@pytest.mark.parametrize("name", SCORERS)
@settings(max_examples=40, deadline=None)
@given(a=st.text(max_size=80), b=st.text(max_size=80))
def test_scores_are_in_unit_range_and_symmetric(name, a, b) -> None:
    scorer = SCORERS[name]
    score = scorer(a, b)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(scorer(b, a), abs=1e-9)


@pytest.mark.parametrize("name", SCORERS)
def test_cutoff_zeroes_scores_below_it(name) -> None:
    scorer = SCORERS[name]
    a, b = "Court delays affect care proceedings.", "Care proceedings cost more in court."
    score = scorer(a, b)
    assert 0.0 < score < 1.0
    assert scorer(a, b, score_cutoff=score + 0.01) == 0.0
    assert scorer(a, b, score_cutoff=score - 0.01) == score


@pytest.mark.parametrize("name", SCORERS)
def test_matrix_agrees_with_pairwise_scores(name) -> None:
    scorer = SCORERS[name]
    rows, cols = list(CORPUS), ["The fostering service review", "capacity risk from sickness"]
    matrix = scorer.matrix(rows, cols)
    assert matrix.shape == (3, 2)
    expected = [[scorer(a, b) for b in cols] for a in rows]
    assert np.allclose(matrix, expected)


def test_tfidf_with_an_empty_vocabulary_scores_zero() -> None:
    scorer = TfidfScorer(("the and of",), WORD)
    assert scorer("court delays", "court delays") == 0.0


def test_blend_scores_identical_text_one_whatever_the_case_and_spacing() -> None:
    assert blended_scorer(CORPUS)("Court  delays.", "court delays.") == 1.0


def test_abbreviations_are_expanded_as_whole_words_keeping_the_original() -> None:
    text = "The DCS met two SWs at the MASH; CPA and la are not abbreviations here."
    expanded = expand_abbreviations(text)
    assert "DCS (director of children's services)" in expanded
    assert "SWs (social worker)" in expanded
    assert "multi-agency safeguarding hub" in expanded
    assert "CPA and la are" in expanded


def test_abbreviation_and_its_words_score_closer_with_expansion() -> None:
    short = "The DCS has set out a three-year strategy."
    long = "The Director of Children's Services has set out a three-year strategy."
    corpus = (short, long)
    config = compare_settings().align
    parts = {"token_set": token_set, "token_sort": token_sort,
             "tfidf_word": TfidfScorer(corpus, config.tfidf_word),
             "tfidf_char": TfidfScorer(corpus, config.tfidf_char),
             "concepts": ConceptScorer(corpus), "opening": OpeningScorer(corpus)}
    assert blended_scorer(corpus)(short, long) > Blend(parts, config.weights)(short, long)
