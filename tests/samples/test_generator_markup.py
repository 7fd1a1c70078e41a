"""Figure markup: printed text, expected figures and month resolution."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.generator import figures, plain, resolve_month
from models import Period

H2 = Period(label="July to December 2020", start="2020-07", end="2020-12")
Q4 = Period(label="Q4 2021/22", start="2022-01", end="2022-03")


def test_plain_prints_only_the_figure() -> None:
    text = "rate was {26%|re_referrals|m=10|t=24} against {1,447|contacts} contacts {not a mark}"
    assert plain(text) == "rate was 26% against 1,447 contacts {not a mark}"


def test_figures_read_value_unit_and_context() -> None:
    marked = "{85 per cent|case_supervision|m=10|p=79@6|c=81.5} and {77|-|u=weeks}"
    first, second = figures(marked, H2, "leadership")
    assert (first.value, first.unit, first.month) == (85, "percent", "2020-10")
    assert first.comparator == 81.5
    assert first.previous is not None and first.previous.month == "2020-06"
    assert (first.area, second.area) == ("leadership", "leadership")
    assert (second.indicator, second.unit, second.value, second.month) == (None, "weeks", 77, None)


@pytest.mark.parametrize(
    ("token", "period", "month"),
    [("10", H2, "2020-10"), ("6", H2, "2020-06"), ("12", Q4, "2021-12"), ("2", Q4, "2022-02"),
     ("2019-10", H2, "2019-10")],
)
def test_bare_months_resolve_to_the_latest_such_month_up_to_the_period_end(
    token: str, period: Period, month: str
) -> None:
    assert resolve_month(token, period) == month


def test_unknown_options_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown figure options"):
        figures("{26%|re_referrals|x=1}", H2)


@given(st.integers(min_value=1, max_value=12))
def test_resolved_month_never_falls_after_the_period_end(month: int) -> None:
    resolved = resolve_month(str(month), Q4)
    assert resolved <= "2022-03" and int(resolved[5:]) == month
