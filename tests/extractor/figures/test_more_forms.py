"""Forms a blind test found missing: money an overspend is "by", averages, durations after
verbs, a month after a bracket, word proportions, ranges (fictional LAs)."""

from __future__ import annotations

import pytest

from tests.extractor.figures.helpers import one, read


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Eastmoor overspent by £1.4m on external placements.", 1_400_000,
         "eastmoor overspent"),
        ("The placements budget is projected to overspend by £640k.", 640_000,
         "placements budget is projected to overspend"),
        ("Northshire's care budget was underspent by £120,000 in the year.", 120_000,
         "northshire's care budget was underspent"),
        ("Riverbridge is currently over-spending by £3 million.", 3_000_000,
         "riverbridge is currently over-spending"),
    ],
)
def test_money_an_overspend_is_by_is_its_level(text: str, value: float, label: str) -> None:
    fig = one(text)
    assert (fig.value, fig.unit, fig.label) == (value, "money", label)


@pytest.mark.parametrize(
    "text",
    [
        "Spending on agency staff rose by £400k.",
        "The overspend was reduced by £1m.",
        "Re-referrals were overspent by 4%.",
        "Eastmoor will overspend by £2m unless placements are reviewed.",
    ],
)
def test_other_money_or_units_by_stay_changes(text: str) -> None:
    assert read(text) == []
