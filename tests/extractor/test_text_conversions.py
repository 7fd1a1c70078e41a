"""extract on text conversions in the seed's own format, written blind and keyed by hand
(tests/fixtures/text_conversions): every header field, item, area, rating and keyed figure."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from extractor import extract
from models import Indicator, Report

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "text_conversions"
KEYS: dict[str, dict] = json.loads((FOLDER / "key.json").read_text(encoding="utf-8"))


@cache
def _report(name: str) -> Report:
    return extract(FOLDER / name)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


@pytest.mark.parametrize("name", list(KEYS))
def test_header_fields(name: str) -> None:
    key, report = KEYS[name], _report(name)
    assert report.authority is not None and report.period is not None
    assert (report.authority.name, report.authority.canonical) == (key["name"], key["canonical"])
    assert (report.period.start, report.period.end) == (key["start"], key["end"])
    assert (report.adviser, report.case_lead) == (key["adviser"], key["case_lead"])
    assert report.next_update is not None and report.next_update.month == key["next"]


@pytest.mark.parametrize("name", list(KEYS))
def test_going_well_and_risks_word_for_word(name: str) -> None:
    key, report = KEYS[name], _report(name)
    for section in ("going_well", "risks"):
        assert [_norm(i.text) for i in getattr(report, section)] == [
            _norm(t) for t in key[section]], section


@pytest.mark.parametrize("name", list(KEYS))
def test_every_area_its_rating_and_plan_items(name: str) -> None:
    key, report = KEYS[name], _report(name)
    assert [a.area for a in report.assessments] == [a["area"] for a in key["areas"]]
    for got, want in zip(report.assessments, key["areas"], strict=True):
        texts = want["rating_text"] if isinstance(want["rating_text"], list) else [
            want["rating_text"]]
        assert (got.rating, got.rating_text in texts, len(got.plan_items) in want["plan_items"]
                ) == (want["rating"], True, True), got.area


def _found(report: Report, figure: dict) -> Indicator:
    matches = [i for i in report.indicators if _norm(figure["snip"]) in _norm(i.sentence)
               and abs(i.value - figure["value"]) < 1e-6]
    assert matches, figure["snip"]
    return matches[0]


@pytest.mark.parametrize("name", list(KEYS))
def test_keyed_figures_with_their_month_target_comparator_and_previous(name: str) -> None:
    key, report = KEYS[name], _report(name)
    for figure in key["figures"]:
        got = _found(report, figure)
        previous = [got.previous.value, got.previous.month] if got.previous else None
        assert (got.unit, got.month, got.target, got.comparator, previous) == (
            figure["unit"], figure["month"], figure["target"], figure["comparator"],
            figure["previous"]), figure["snip"]


def test_figures_of_a_summary_that_follows_several_areas_carry_no_area(tmp_path: Path) -> None:
    """pdftotext gives a rating table column by column: titles and ratings, then summaries."""
    lines = ["LA INTERVENTION ADVISER HIGHLIGHT REPORT", "LOCAL AUTHORITY: Wexcombe Council",
             "REPORTING PERIOD: May to July 2024", "", "DETAILED ASSESSMENT", "",
             "ADOPTION", "", "GREEN", "", "CARE LEAVERS", "", "AMBER", "", "LEADERSHIP", "",
             "RED", "", "Adoption orders rose to 91% in July.", "",
             "Care leavers in touch were 88% in July."]
    path = tmp_path / "wexcombe.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = extract(path)
    assert [(a.area, a.rating.value if a.rating else None) for a in report.assessments] == [
        ("adoption", "GREEN"), ("care_leavers", "AMBER"), ("leadership", "RED")]
    assert sorted(i.value for i in report.indicators) == [88, 91]
    assert all(i.area is None for i in report.indicators)
    assert any("column by column" in warning for warning in report.warnings)
