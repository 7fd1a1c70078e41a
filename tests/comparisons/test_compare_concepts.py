"""The concept scorer: items about one issue in other words are alike; the catalogue is sound."""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib import resources

import pytest

from comparisons.align import risk_changes
from comparisons.concepts import (
    Catalogue,
    ConceptScorer,
    OpeningScorer,
    PostConflict,
    concept_catalogue,
    opening,
    post_catalogue,
)
from comparisons.scorers import blended_scorer, expand_abbreviations
from comparisons.settings import settings
from models import Item

DATA = tomllib.loads(resources.files("comparisons").joinpath("data", "concepts.toml")
                     .read_text("utf-8"))


@pytest.mark.parametrize(("table", "catalogue"), [("concepts", concept_catalogue),
                                                  ("posts", post_catalogue)])
def test_every_term_names_its_own_entry_and_no_term_is_listed_twice(table, catalogue) -> None:
    for name, terms in DATA[table].items():
        for term in terms:
            assert name in catalogue().named(f"We note {term.replace('*', 's')}."), term
    counts = Counter(term for terms in DATA[table].values() for term in terms)
    assert [term for term, count in counts.items() if count > 1] == []


@pytest.mark.parametrize(("text", "named"), [
    ("Recruitment of foster carers is slow.", {"workforce_stability", "placement_sufficiency"}),
    ("Visits stopped during COVID-19 restrictions.", {"pandemic"}),
    ("The multi-agency panel met twice.", {"partnerships"}),  # "agency" inside a compound
    ("Caseloads average 22 children per worker.", {"caseloads"}),
    ("Children were seen and the plan is clear.", set()),
])
def test_terms_match_whole_words_with_any_ending_where_starred(text: str, named: set[str]) -> None:
    assert concept_catalogue().named(text) == named


def test_one_issue_in_other_words_scores_above_two_issues() -> None:
    scorer = ConceptScorer()
    same = scorer("Too few foster carers locally, so children live far from home.",
                  "Placement sufficiency is still a concern.")
    other = scorer("Too few foster carers locally, so children live far from home.",
                   "Strategy discussions are not always held when they should be.")
    assert same > 0.5 and other == 0.0
    assert scorer("Nothing named here.", "Placement sufficiency is still a concern.") == 0.0


def test_a_concept_most_of_the_corpus_names_weighs_less() -> None:
    catalogue = Catalogue({"budget": ["budget*"], "court": ["court"]})
    corpus = ["The budget is tight.", "The budget is overspent.", "Budget savings are due.",
              "Court delays persist."]
    scorer = ConceptScorer(corpus, catalogue)
    both = "Budget pressure and court delays."
    assert scorer(both, "Court work is slow.") > scorer(both, "The budget is agreed.")


def test_a_reworded_risk_about_the_same_issue_continues() -> None:
    old = ["Too few local foster carers means some children are placed a long way from home.",
           "Strategy discussions do not always include the police.",
           "The MASH has a backlog of 90 contacts awaiting a decision."]
    new = ["Placement sufficiency remains a concern: three more children went out of area.",
           "Return home interviews after missing episodes are often late.",
           "Contacts now get a decision within a day at the front door."]
    scorer = blended_scorer(tuple(old + new))
    changes = risk_changes([Item(text=t) for t in old], [Item(text=t) for t in new], scorer,
                           threshold=settings().align.threshold)
    continuing = {(pair.from_, pair.to) for pair in changes.continuing}
    assert (old[0], new[0]) in continuing and (old[2], new[2]) in continuing
    assert [item.text for item in changes.new] == [new[1]]
    assert [item.text for item in changes.resolved] == [old[1]]


def test_abbreviations_are_expanded_before_concepts_are_read() -> None:
    assert "front_door" in concept_catalogue().named(expand_abbreviations("The MASH is busy."))


def test_items_naming_different_posts_are_scaled_and_others_are_not() -> None:
    conflict = PostConflict(0.5)
    texts = ["The Principal Social Worker post is vacant.",
             "The head of fostering post is vacant.",
             "The principal social worker has started a practice week.",
             "Caseloads are high."]
    factors = conflict.factors(texts, texts)
    assert factors[0, 1] == 0.5  # two posts, none in common
    assert factors[0, 2] == 1.0  # the same post
    assert factors[0, 3] == 1.0 and factors[3, 3] == 1.0  # a side that names no post
    assert (PostConflict(1.0).factors(texts, texts) == 1.0).all()


def test_a_vacancy_in_another_post_is_new_not_the_old_vacancy_continuing() -> None:
    old = ["The permanent director of children's services post is vacant; an interim covers it.",
           "Too few foster carers are approved each year for the children who need them."]
    new = ["The virtual school head post is vacant; a deputy is covering it.",
           "Recruitment of foster carers is still slower than the need for them."]
    scorer = blended_scorer(tuple(old + new))
    changes = risk_changes([Item(text=t) for t in old], [Item(text=t) for t in new], scorer,
                           threshold=settings().align.threshold)
    assert [(pair.from_, pair.to) for pair in changes.continuing] == [(old[1], new[1])]
    assert [item.text for item in changes.new] == [new[0]]
    assert [item.text for item in changes.resolved] == [old[0]]


@pytest.mark.parametrize(("text", "head"), [
    ("Too many social workers are temporary, and turnover hurts.", "Too many social workers"),
    ("Placement costs: the budget will overspend.", "Placement costs"),
    ("Caseloads continue to rise in the east.", "Caseloads"),
    ("Rising demand at the front door.", "Rising demand at the front door."),
])
def test_a_bullet_opens_with_the_words_before_its_first_verb_or_comma(text: str,
                                                                       head: str) -> None:
    assert opening(text) == head


def test_bullets_that_open_with_one_issue_score_alike_whatever_follows() -> None:
    old = ["High reliance on agency staff limits consistency and increases cost.",
           "The budget is forecast to overspend because of placement costs."]
    new = ["Agency use is reducing but is still high among team managers."]
    scores = OpeningScorer([*old, *new]).matrix(old, new)
    assert scores[0, 0] > 0.5 and scores[1, 0] == 0.0
