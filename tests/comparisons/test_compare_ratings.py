"""Rating changes: every change kind, order, and area lining up by key."""

from __future__ import annotations

import pytest

from comparisons.ratings import rating_change_kind, rating_changes
from models import Rating
from tests.comparisons.builders import report

R, RA, A, AG, G = (Rating.RED, Rating.RED_AMBER, Rating.AMBER, Rating.AMBER_GREEN, Rating.GREEN)


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        (R, RA, "improved"), (A, G, "improved"), (RA, AG, "improved"),
        (G, AG, "declined"), (AG, R, "declined"), (A, RA, "declined"),
        (A, A, "unchanged"), (None, None, "unchanged"),
        (None, A, "now_rated"), (G, None, "no_longer_rated"),
    ],
)
def test_change_kind_follows_the_ordinal_scale(old, new, kind) -> None:
    assert rating_change_kind(old, new) == kind


def test_every_area_once_new_order_then_dropped_last() -> None:
    old = report(ratings={"leadership": "AMBER", "gone_priority": "RED", "adoption": None,
                          "care_leavers": "GREEN"})
    new = report(ratings={"social_work_practice": "AMBER", "care_leavers": "AMBER_GREEN",
                          "leadership": "GREEN", "adoption": "GREEN"})
    changes = rating_changes(old, new)
    assert [(c.area, c.change) for c in changes] == [
        ("social_work_practice", "new_area"),
        ("care_leavers", "declined"),
        ("leadership", "improved"),
        ("adoption", "now_rated"),
        ("gone_priority", "dropped_area"),
    ]
    dropped = changes[-1]
    assert (dropped.from_, dropped.to) == (Rating.RED, None)
    assert (changes[0].from_, changes[0].to) == (None, Rating.AMBER)


def test_renamed_heading_with_same_area_key_lines_up() -> None:
    old = report(ratings={"children_in_care": "AMBER"})
    new = report(ratings={"children_in_care": "AMBER"})
    new.assessments[0].title = "CHILDREN LOOKED AFTER AND ACHIEVING PERMANENCE"
    [change] = rating_changes(old, new)
    assert change.change == "unchanged"
    assert change.title == "CHILDREN LOOKED AFTER AND ACHIEVING PERMANENCE"


def test_duplicate_area_rows_count_once_preferring_the_rated_row() -> None:
    old = report(ratings={"leadership": "AMBER"})
    new = report(ratings={"leadership": None})
    new.assessments.append(new.assessments[0].model_copy(update={"rating": Rating.GREEN}))
    [change] = rating_changes(old, new)
    assert (change.to, change.change) == (Rating.GREEN, "improved")


def test_no_assessments_gives_no_rows() -> None:
    assert rating_changes(report(), report()) == []


def test_an_own_priority_whose_title_gained_a_tail_lines_up_with_its_old_key() -> None:
    old = report(ratings={"placement_sufficiency": "RED", "edge_of_care": "AMBER",
                          "edge_of_care_and_family": "GREEN", "court_work": "RED"})
    new = report(ratings={"placement_sufficiency_local_priority_more_homes": "AMBER",
                          "edge_of_care_and_family_help": "AMBER", "court": "AMBER"})
    assert [(c.area, c.from_, c.to, c.change) for c in rating_changes(old, new)] == [
        ("placement_sufficiency_local_priority_more_homes", R, A, "improved"),
        ("edge_of_care_and_family_help", None, A, "new_area"),  # two old keys fit: unknown
        ("court", None, A, "new_area"),  # one word is too little to go on
        ("edge_of_care", A, None, "dropped_area"),
        ("edge_of_care_and_family", G, None, "dropped_area"),
        ("court_work", R, None, "dropped_area"),
    ]
