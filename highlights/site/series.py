"""Indicator series over time: one per catalogue indicator (and unit) of an authority's reports."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.catalogue import load_catalogue
from models.report import Report

__all__ = ["Point", "Series", "indicator_series"]

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Point:
    """One value of a measure for a month (``YYYY-MM``), with the target stated beside it."""

    month: str
    value: float
    target: float | None = None


@dataclass(frozen=True)
class Series:
    """A catalogue indicator's values, oldest month first. ``label`` is the catalogue's name of
    the measure (else the reports' most used wording); ``polarity`` the catalogue's
    ``higher_is_better`` / ``lower_is_better`` / ``neutral``, None when it has no entry."""

    indicator: str
    label: str
    unit: str
    points: tuple[Point, ...]
    polarity: str | None = None


def _series(indicator: str, unit: str, wordings: Counter[str], by_month: dict[str, Point]
            ) -> Series:
    entry = load_catalogue().get(indicator)
    label = entry.label if entry else wordings.most_common(1)[0][0]
    return Series(indicator, label, unit, tuple(by_month[month] for month in sorted(by_month)),
                  entry.polarity if entry else None)


def indicator_series(reports: Sequence[Report], *, min_points: int = 2) -> list[Series]:
    """Series of every catalogue indicator with at least ``min_points`` distinct months.

    A figure's month is the one the text gives, else the end of its report's period; where
    several reports give a value for the same month, the later report's value stands.
    Series come in order of the indicator's first appearance.
    """
    points: dict[tuple[str, str], dict[str, Point]] = {}
    labels: dict[tuple[str, str], Counter[str]] = {}
    for report in reports:
        fallback = report.period.end if report.period else None
        for figure in report.indicators:
            month = figure.month or fallback
            if figure.indicator is None or month is None or not _MONTH.fullmatch(month):
                continue
            key = (figure.indicator, figure.unit)
            points.setdefault(key, {})[month] = Point(month, figure.value, figure.target)
            labels.setdefault(key, Counter())[" ".join(figure.label.split())] += 1
    return [_series(indicator, unit, labels[(indicator, unit)], by_month)
            for (indicator, unit), by_month in points.items() if len(by_month) >= min_points]
