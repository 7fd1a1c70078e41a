"""compare(): guards, warnings, and the summary as a whole."""

from __future__ import annotations

import pytest

from comparisons import compare
from models import ChangeSummary, DifferentAuthorities
from tests.comparisons.builders import report, use_fake_catalogue


@pytest.fixture(autouse=True)
def _catalogue(monkeypatch) -> None:
    use_fake_catalogue(monkeypatch)


def test_different_authorities_are_refused_naming_both() -> None:
    old = report("Northshire", path="reports/northshire-2020-12.pdf")
    new = report("Eastmoor", path="reports/eastmoor-2021-03.pdf")
    with pytest.raises(DifferentAuthorities) as caught:
        compare(old, new)
    message = str(caught.value)
    for part in ("Northshire", "Eastmoor", "northshire-2020-12.pdf", "eastmoor-2021-03.pdf"):
        assert part in message
    assert "\n" not in message


def test_authorities_match_case_insensitively() -> None:
    summary = compare(report("Northshire", end="2020-12"), report("NORTHSHIRE"))
    assert summary.warnings == []


def test_force_compares_different_authorities_with_a_warning() -> None:
    summary = compare(report("Northshire", end="2020-12"), report("Riverbridge"), force=True)
    assert len(summary.warnings) == 1
    assert "Northshire" in summary.warnings[0] and "Riverbridge" in summary.warnings[0]


@pytest.mark.parametrize(("old_end", "new_end"), [("2021-03", "2021-03"), ("2021-06", "2021-03")])
def test_new_not_later_than_old_is_a_warning(old_end, new_end) -> None:
    summary = compare(report(start=None, end=old_end), report(start=None, end=new_end))
    assert any("not later" in warning for warning in summary.warnings)


def test_missing_period_is_a_warning_not_a_crash() -> None:
    summary = compare(report(start=None, end=None), report())
    assert any("period" in warning for warning in summary.warnings)


def test_summary_carries_both_periods_and_validates_against_the_model() -> None:
    old = report(start="2020-07", end="2020-12", risks=["Court delays in care proceedings."],
                 ratings={"leadership": "AMBER"},
                 indicators=[{"label": "re-referrals", "indicator": "re_referrals", "value": 26,
                              "month": "2020-10"}])
    new = report(start="2021-01", end="2021-03", risks=["Court delays in care proceedings."],
                 ratings={"leadership": "GREEN"},
                 indicators=[{"label": "re-referrals", "indicator": "re_referrals", "value": 23,
                              "month": "2021-02"}])
    summary = compare(old, new)
    assert (summary.from_period.end, summary.to_period.end) == ("2020-12", "2021-03")
    assert summary.ratings[0].change == "improved"
    assert [pair.similarity for pair in summary.risks.continuing] == [1.0]
    assert summary.indicators[0].assessment == "better"
    assert ChangeSummary.model_validate_json(summary.to_json()) == summary


def test_context_fits_the_vocabulary() -> None:
    old = report(end="2020-12", risks=["Sickness is low but a risk to capacity."])
    new = report(risks=["Capacity is at risk if sickness rises."])
    own_items = [old.risks[0].text, new.risks[0].text]
    archive = ["Sickness absence and capacity in the workforce."] * 3 + ["Court delays."]
    default = compare(old, new)
    assert compare(old, new, context=own_items) == default
    [pair] = default.risks.continuing
    [archive_pair] = compare(old, new, context=archive).risks.continuing
    assert archive_pair.similarity != pair.similarity
