"""The fictional series' data files: every measure is marked, and the stories change over time."""

from __future__ import annotations

import re

import pytest

from corpus.generator import figures, load_all_series
from corpus.generator.markup import MARK
from corpus.generator.spec import ReportSpec, SeriesSpec
from models import Period

FICTIONAL = [s for s in load_all_series() if s.figures_complete]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Numbers that do not report a measure: years, ages, dates, statutory timescales, names.
NOT_MEASURES = re.compile(
    r"(19|20)\d\d(/\d\d)?\b|COVID-19|\d+-year-old|\d+ (working )?days?\b|\d+ hours|\d+ months"
    r"|\d+-week|\d+ weeks|[Ss]ection 47|[Aa]ge \d+|day \d+|\d+ to \d+\b|\d+ (" + MONTHS + ")"
)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _blocks(report: ReportSpec) -> list[str]:
    bullets = [*report.going_well, *report.risks, *report.coming_up, *report.additional_info]
    texts = [report.headline, *(t for b in bullets for t in (b.text, *b.sub))]
    return texts + [row.summary for row in report.assessments]


def _restated(block: str, period: Period) -> set[float]:
    """Targets, comparators and previous values of the block's marked figures."""
    values: set[float] = set()
    for figure in figures(block, period):
        values |= {v for v in (figure.target, figure.comparator) if v is not None}
        if figure.previous:
            values.add(figure.previous.value)
    return values


def _unmarked_measures(report: ReportSpec) -> list[str]:
    period = Period.model_validate(report.period)
    found = []
    for block in _blocks(report):
        bare = NOT_MEASURES.sub("", MARK.sub("", block))
        restated = _restated(block, period)
        for match in NUMBER.finditer(bare):
            if float(match.group(0).replace(",", "")) not in restated:
                found.append(bare[max(0, match.start() - 30) : match.end() + 20])
    return found


@pytest.mark.parametrize("series", FICTIONAL, ids=lambda s: s.slug)
def test_every_number_that_reports_a_measure_is_marked(series: SeriesSpec) -> None:
    for report in series.reports:
        assert _unmarked_measures(report) == [], report.stem


@pytest.mark.parametrize("series", FICTIONAL, ids=lambda s: s.slug)
def test_a_figures_month_target_comparator_and_previous_are_in_its_sentence(
    series: SeriesSpec,
) -> None:
    names = MONTHS.split("|")
    for report in series.reports:
        period = _period(report)
        for block in _blocks(report):
            for sentence in re.split(r"(?<=\.)\s+(?=[A-Z{(0-9£])", " ".join(block.split())):
                bare = MARK.sub("", sentence)
                printed = {float(n.replace(",", "")) for n in NUMBER.findall(bare)}
                for figure in figures(sentence, period):
                    where = f"{report.stem}: {figure.text}"
                    if figure.month:
                        assert names[int(figure.month[5:]) - 1] in sentence, where
                    previous = figure.previous.value if figure.previous else None
                    qualifiers = {figure.target, figure.comparator, previous} - {None}
                    assert qualifiers <= printed, where


@pytest.mark.parametrize("series", FICTIONAL, ids=lambda s: s.slug)
def test_each_series_changes_period_on_period(series: SeriesSpec) -> None:
    assert len(series.reports) >= 4
    for old, new in zip(series.reports, series.reports[1:], strict=False):
        old_risks = {b.id for b in old.risks}
        new_risks = {b.id for b in new.risks}
        assert new_risks - old_risks or old_risks - new_risks, f"{new.stem}: no new/resolved risk"
        reworded = [
            b.id for b in new.risks for a in old.risks if a.id == b.id and a.text != b.text
        ]
        assert reworded, f"{new.stem}: no continuing risk reworded"
        old_ratings = {a.area: a.rating for a in old.assessments}
        assert any(old_ratings.get(a.area) != a.rating for a in new.assessments), new.stem
        moved = {
            f.indicator
            for f in (f for row in new.assessments for f in figures(row.summary, _period(new)))
        } & {f.indicator for row in old.assessments for f in figures(row.summary, _period(old))}
        assert len(moved - {None}) >= 5, f"{new.stem}: fewer than five indicators move"


def _period(report: ReportSpec) -> Period:
    return Period.model_validate(report.period)


def test_canonical_names_drop_the_council_type() -> None:
    affixes = re.compile(
        r"^(London Borough of|Royal Borough of) | (Metropolitan Borough|County|City|Borough)? ?"
        r"Council$"
    )
    assert len(FICTIONAL) >= 3
    for series in FICTIONAL:
        assert affixes.sub("", series.name) == series.canonical
