"""Indicator series and their SVG trend charts; the site palette's contrast."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparisons.view import value_label
from highlights.site.charts import SVG_NS, chart_description, trend_svg
from highlights.site.search_index import script_json
from highlights.site.series import Point, Series, indicator_series
from highlights.site.settings import settings
from tests.site.archive import report

NS = {"svg": SVG_NS}

months = st.tuples(st.integers(1990, 2060), st.integers(1, 12)).map(
    lambda pair: f"{pair[0]:04d}-{pair[1]:02d}")
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
points = st.lists(st.tuples(months, values, st.none() | values), min_size=2, max_size=12,
                  unique_by=lambda item: item[0])


def _series(raw: list[tuple[str, float, float | None]], label: str = "re-referral rate",
            unit: str = "percent") -> Series:
    return Series("re_referrals", label, unit,
                  tuple(Point(m, v, t) for m, v, t in sorted(raw)))


@given(points, st.text(max_size=40), st.sampled_from(["percent", "count", "weeks", "money"]))
def test_svg_is_well_formed_with_a_text_alternative_and_one_dot_per_point(
        raw: list[tuple[str, float, float | None]], label: str, unit: str) -> None:
    series = _series(raw, label, unit)
    root = ET.fromstring(trend_svg(series, ident="c1"))
    assert root.tag == f"{{{SVG_NS}}}svg" and root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    if label.isprintable():
        assert " ".join(label.split()) in (title.text or "")
    assert len(root.findall("svg:circle", NS)) == len(series.points)
    has_target = any(p.target is not None for p in series.points)
    assert (root.find("*[@class='target']") is not None) == has_target
    chart = settings().chart
    for dot in root.findall("svg:circle", NS):
        assert 0 <= float(dot.get("cx", "-1")) <= chart.width
        assert 0 <= float(dot.get("cy", "-1")) <= chart.height


def test_target_is_a_dashed_line_and_values_rise_upwards() -> None:
    series = _series([("2021-03", 27.0, 22.0), ("2021-06", 25.0, 22.0),
                      ("2021-09", 30.0, 22.0)])
    root = ET.fromstring(trend_svg(series, ident="c"))
    target = root.find("svg:line[@class='target']", NS)
    assert target is not None and target.get("stroke-dasharray")
    ys = [float(dot.get("cy", "0")) for dot in root.findall("svg:circle", NS)]
    xs = [float(dot.get("cx", "0")) for dot in root.findall("svg:circle", NS)]
    assert ys[2] < ys[0] < ys[1]  # 30 drawn highest, 25 lowest (SVG y grows downwards)
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])
    assert float(target.get("y1", "0")) > max(ys)  # the 22% target sits below every value


def test_changing_targets_are_drawn_through_each_point() -> None:
    series = _series([("2021-03", 27.0, 22.0), ("2021-06", 25.0, 20.0), ("2021-09", 24.0, None)])
    root = ET.fromstring(trend_svg(series, ident="c"))
    target = root.find("svg:polyline[@class='target']", NS)
    assert target is not None and len(target.get("points", "").split()) == 2
    assert "targets" in chart_description(series)


def test_description_names_every_value_and_the_target() -> None:
    series = _series([("2021-03", 27.0, 22.0), ("2021-06", 25.5, 22.0)])
    text = chart_description(series)
    for point in series.points:
        assert value_label(point.value, "percent") in text
    assert f"target {value_label(22.0, 'percent')}" in text


def test_series_keeps_catalogue_indicators_with_two_months_later_report_wins() -> None:
    first = report("Northshire", "2021-01", "2021-03", ratings={}, indicators=[
        {"indicator": "re_referrals", "value": 27.0, "month": "2021-03"},
        {"indicator": "cp_plans", "value": 500, "unit": "count"},
        {"indicator": "once_only", "value": 3.0, "month": "2021-02"}])
    second = report("Northshire", "2021-04", "2021-06", ratings={}, indicators=[
        {"indicator": "re_referrals", "value": 26.0, "month": "2021-03"},  # restated, revised
        {"indicator": "re_referrals", "value": 24.0, "month": "2021-06"},
        {"indicator": "cp_plans", "value": 480, "unit": "count"},
        {"indicator": "cp_plans", "value": 48.0, "unit": "percent", "month": "2021-06"}])
    second.indicators.append(second.indicators[0].model_copy(update={"indicator": None}))
    found = {(s.indicator, s.unit): s for s in indicator_series([first, second])}
    assert set(found) == {("re_referrals", "percent"), ("cp_plans", "count")}
    assert [(p.month, p.value) for p in found[("re_referrals", "percent")].points] == [
        ("2021-03", 26.0), ("2021-06", 24.0)]
    assert [p.month for p in found[("cp_plans", "count")].points] == ["2021-03", "2021-06"]


def test_series_skips_figures_without_a_usable_month() -> None:
    reports = [report("Eastmoor", "2021-01", "2021-03", ratings={}, indicators=[
        {"indicator": "x", "value": 1.0, "month": "March 2021"}]),
        report("Eastmoor", "2021-04", "2021-06", ratings={}, indicators=[
            {"indicator": "x", "value": 2.0, "month": "2021-13"}])]
    assert indicator_series(reports) == []


@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_script_json_never_closes_the_script_and_round_trips(data: object) -> None:
    text = str(script_json(data))
    assert not set("<>&") & set(text)
    assert json.loads(text) == data


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("rating", list(settings().rag))
def test_rag_colours_meet_wcag_aa_contrast(rating: object) -> None:
    colours = settings().rag[rating]  # type: ignore[index]
    light, dark = sorted((_luminance(colours.background), _luminance(colours.foreground)),
                         reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5
