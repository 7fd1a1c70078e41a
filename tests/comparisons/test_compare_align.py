"""Alignment of risks and going-well items: by meaning, one-to-one, with a threshold."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.align import align, assign, going_well_changes, risk_changes
from comparisons.scorers import blended_scorer
from comparisons.settings import settings as compare_settings
from models import Item

THRESHOLD = compare_settings().align.threshold

OLD_RISKS = [
    "The IT provider suffered a ransomware attack in October, delaying performance reporting.",
    "Concerns about the fostering service have led to an independent review.",
    "High numbers of contacts to the front door result in no further action.",
    "Sickness levels are low for now but remain a risk to workforce capacity.",
]
NEW_RISKS = [
    "Workforce capacity remains at risk if sickness rises, though levels stay low.",
    "Court delays mean many care proceedings exceed the 26-week timescale.",
    "The independent review of the fostering service has reported concerns about carers.",
]


def scorer_for(*lists: list[str]):
    return blended_scorer(tuple(text for items in lists for text in items))


def test_reworded_risks_continue_and_unrelated_do_not_pair() -> None:
    changes = risk_changes([Item(text=t) for t in OLD_RISKS], [Item(text=t) for t in NEW_RISKS],
                           scorer_for(OLD_RISKS, NEW_RISKS), threshold=THRESHOLD)
    continuing = {(pair.from_, pair.to) for pair in changes.continuing}
    assert continuing == {(OLD_RISKS[3], NEW_RISKS[0]), (OLD_RISKS[1], NEW_RISKS[2])}
    assert [item.text for item in changes.new] == [NEW_RISKS[1]]
    assert [item.text for item in changes.resolved] == [OLD_RISKS[0], OLD_RISKS[2]]
    assert all(THRESHOLD <= pair.similarity <= 1 for pair in changes.continuing)


def test_going_well_new_and_dropped() -> None:
    old = ["Strong political support for children's services.", "The academy trains new staff."]
    new = ["The academy continues to train newly qualified staff.", "Adoption timeliness improved."]
    changes = going_well_changes([Item(text=t) for t in old], [Item(text=t) for t in new],
                                 scorer_for(old, new), threshold=THRESHOLD)
    assert [item.text for item in changes.new] == [new[1]]
    assert [item.text for item in changes.dropped] == [old[0]]


def test_assignment_prefers_more_pairs_over_one_strong_pair() -> None:
    similarity = np.array([[0.9, 0.6], [0.6, 0.1]])
    result = assign(similarity, 0.5)
    assert {(p.old, p.new) for p in result.pairs} == {(0, 1), (1, 0)}


def test_pairs_below_threshold_never_displace_a_pair_above_it() -> None:
    similarity = np.array([[0.5, 0.45], [0.44, 0.0]])
    result = assign(similarity, 0.45)
    assert [(p.old, p.new) for p in result.pairs] == [(0, 0)]
    assert result.old_only == [1] and result.new_only == [1]


def test_empty_sides() -> None:
    scorer = scorer_for(OLD_RISKS)
    assert align([], OLD_RISKS, scorer, threshold=THRESHOLD).new_only == [0, 1, 2, 3]
    assert align(OLD_RISKS, [], scorer, threshold=THRESHOLD).old_only == [0, 1, 2, 3]


texts = st.lists(st.text(min_size=1, max_size=60), min_size=0, max_size=6)


@settings(max_examples=60, deadline=None)
@given(old=texts, new=texts)
def test_alignment_is_one_to_one_and_partitions_both_sides(old, new) -> None:
    result = align(old, new, scorer_for(old, new), threshold=THRESHOLD)
    olds = [p.old for p in result.pairs] + result.old_only
    news = [p.new for p in result.pairs] + result.new_only
    assert sorted(olds) == list(range(len(old)))
    assert sorted(news) == list(range(len(new)))
    assert all(THRESHOLD <= p.similarity <= 1 for p in result.pairs)


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=6, unique=True))
def test_identical_lists_align_fully(items) -> None:
    result = align(items, items, scorer_for(items), threshold=THRESHOLD)
    assert len(result.pairs) == len(items)
    assert all(p.similarity == 1.0 for p in result.pairs)


@settings(max_examples=40, deadline=None)
@given(old=texts, new=texts)
def test_alignment_is_symmetric_in_the_number_of_pairs(old, new) -> None:
    scorer = scorer_for(old, new)
    forward = align(old, new, scorer, threshold=THRESHOLD)
    backward = align(new, old, scorer, threshold=THRESHOLD)
    assert len(forward.pairs) == len(backward.pairs)
