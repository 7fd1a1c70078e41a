"""Indicator changes: pairing, latest month, percentage-point deltas, polarity and targets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.indicators import (
    assess,
    indicator_changes,
    latest_values,
    pair_indicators,
    rounded_delta,
)
from models import Indicator
from tests.comparisons.builders import MEASURES, measures, report


def figure(label: str, value: float, **fields) -> dict:
    return {"label": label, "value": value, **fields}


def test_latest_month_wins_then_the_last_mention() -> None:
    values = [
        Indicator(label="re-referrals", indicator="re_referrals", value=20, unit="percent",
                  month="2021-02"),
        Indicator(label="re-referrals", indicator="re_referrals", value=25, unit="percent",
                  month="2020-11"),
        Indicator(label="agency workers", value=80, unit="count"),
        Indicator(label="Agency  Workers", value=75, unit="count"),
    ]
    assert [v.value for v in latest_values(values)] == [20, 75]


def test_pairs_by_catalogue_key_whatever_the_label() -> None:
    old = report(indicators=[figure("re-referral rate", 26, indicator="re_referrals",
                                    month="2020-10")])
    new = report(indicators=[figure("children referred again within 12 months", 23,
                                    indicator="re_referrals", month="2021-02", target=24)])
    [change] = indicator_changes(old, new, measures=measures)
    assert change.indicator == "re_referrals"
    assert change.label == MEASURES["re_referrals"].label
    assert (change.from_.value, change.from_.month) == (26, "2020-10")
    assert (change.to.value, change.to.month) == (23, "2021-02")
    assert (change.delta, change.direction, change.assessment) == (-3.0, "down", "better")
    assert change.target == 24


def test_unkeyed_figures_pair_by_fuzzy_label_only_within_one_area_and_unit() -> None:
    old = report(indicators=[
        figure("care leavers in touch", 95, area="care_leavers"),
        figure("agency workers", 88, unit="count", area="leadership"),
        figure("agency workers", 12, unit="count", area="help_and_protection"),
    ])
    new = report(indicators=[
        figure("care leavers we are in touch with", 97, area="care_leavers"),
        figure("agency workers", 80, unit="count", area="leadership"),
        figure("agency workers", 10, unit="percent", area="help_and_protection"),
    ])
    changes = indicator_changes(old, new, measures=measures)
    assert [(c.label, c.from_.value, c.to.value) for c in changes] == [
        ("care leavers we are in touch with", 95, 97),
        ("agency workers", 88, 80),
    ]


def test_different_catalogue_keys_never_pair_even_with_equal_labels() -> None:
    old = [Indicator(label="rate", indicator="re_referrals", value=20, unit="percent")]
    new = [Indicator(label="rate", indicator="care_leavers_eet", value=50, unit="percent")]
    assert pair_indicators(old, new) == []


def test_an_older_month_in_the_new_report_is_not_a_change() -> None:
    old = report(indicators=[figure("EET", 50, indicator="care_leavers_eet", month="2021-02")])
    new = report(indicators=[figure("EET", 44, indicator="care_leavers_eet", month="2020-10")])
    assert indicator_changes(old, new, measures=measures) == []
    revised = report(indicators=[figure("EET", 48, indicator="care_leavers_eet",
                                        month="2021-02")])
    [change] = indicator_changes(old, revised, measures=measures)
    assert (change.delta, change.assessment) == (-2.0, "worse")


def test_a_figure_restated_for_the_same_month_is_left_out_but_flat_values_stay() -> None:
    old = report(indicators=[figure("EET", 50, indicator="care_leavers_eet", month="2020-10"),
                             figure("re-referrals", 22, indicator="re_referrals",
                                    month="2020-10")])
    new = report(indicators=[figure("EET", 50, indicator="care_leavers_eet", month="2020-10"),
                             figure("re-referrals", 22, indicator="re_referrals",
                                    month="2021-01")])
    [change] = indicator_changes(old, new, measures=measures)
    assert (change.indicator, change.delta, change.direction, change.assessment) == (
        "re_referrals", 0.0, "flat", "unclear")


@pytest.mark.parametrize(
    ("old", "new", "delta"),
    [(0.1, 0.3, 0.2), (85.0, 94.0, 9.0), (16.7, 18.2, 1.5), (1447, 1500, 53), (26.0, 26.0, 0.0),
     (33.33, 30.1, -3.23), (1 / 3, 2 / 3, 0.33)],
)
def test_deltas_are_rounded_to_the_inputs_precision(old, new, delta) -> None:
    result = rounded_delta(old, new)
    assert result == delta
    assert str(result) == str(float(delta))


@pytest.mark.parametrize(
    ("old", "new", "polarity_", "target", "expected"),
    [
        (40, 45, "higher_is_better", None, "better"),
        (40, 35, "higher_is_better", 30, "worse"),
        (20, 25, "lower_is_better", 10, "worse"),
        (20, 15, "lower_is_better", None, "better"),
        (20, 20, "higher_is_better", 30, "unclear"),
        (80, 85, None, 90, "better"),
        (80, 75, None, 90, "worse"),
        (30, 26, None, 24, "better"),
        (94, 85, None, 90, "worse"),
        (30, 35, "neutral", 24, "worse"),
        (30, 35, "neutral", None, "unclear"),
        (30, 35, None, None, "unclear"),
        (28, 32, None, 30, "unclear"),
    ],
)
def test_assessment_from_polarity_then_target(old, new, polarity_, target, expected) -> None:
    assert assess(old, new, polarity=polarity_, target=target) == expected


def test_newer_target_wins_and_older_target_is_used_when_none_is_new() -> None:
    old = report(indicators=[figure("pathway plans", 94, target=85, area="care_leavers"),
                             figure("visits", 70, target=80, area="care_leavers")])
    new = report(indicators=[figure("pathway plans", 85, target=90, area="care_leavers"),
                             figure("visits", 75, area="care_leavers")])
    changes = indicator_changes(old, new, measures=measures)
    assert [(c.target, c.assessment) for c in changes] == [(90, "worse"), (80, "better")]


@settings(max_examples=200, deadline=None)
@given(old=st.floats(-1e6, 1e6, allow_nan=False), new=st.floats(-1e6, 1e6, allow_nan=False))
def test_rounded_delta_keeps_the_sign_and_stays_within_rounding(old, new) -> None:
    delta = rounded_delta(old, new)
    assert abs(delta - (new - old)) <= 0.005 + 1e-9 * max(abs(old), abs(new), 1)
    if delta:
        assert (delta > 0) == (new > old)
