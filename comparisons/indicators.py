"""Indicator changes: the same measure in two reports, its delta, direction and whether it is good.

Pairing: first by catalogue key (``Indicator.indicator``) and unit, then the rest by fuzzy label
within the same area and unit (never two different catalogue keys). Where a report gives several
values of one measure, the latest month stands for it (then the last in the document).

Every pair goes in, unchanged values as ``flat`` (``assessment: unclear``), except where the new
report has no newer measurement: the same value for the same month (a figure restated), or a
month earlier than the old report's (an old baseline quoted again). Neither is news.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any, Literal, Protocol

import numpy as np

from comparisons.align import assign
from comparisons.scorers import Blend, token_set, token_sort
from comparisons.settings import settings
from models.change import IndicatorChange, IndicatorPoint
from models.report import Indicator, Report

__all__ = ["Measure", "MeasureLookup", "catalogue_measure", "latest_values", "pair_indicators",
           "rounded_delta", "assess", "indicator_changes"]


class Measure(Protocol):
    """What the catalogue knows of a measure: its name and polarity."""

    @property
    def label(self) -> str: ...

    @property
    def polarity(self) -> str: ...


MeasureLookup = Callable[[str], Measure | None]
"""Catalogue key → the measure (``polarity``: higher_is_better / lower_is_better / neutral)."""

Direction = Literal["up", "down", "flat"]
Assessment = Literal["better", "worse", "unclear"]


def _catalogue() -> Any:
    from extractor.catalogue import load_catalogue  # the extractor's indicator catalogue

    return load_catalogue()


def catalogue_measure(key: str) -> Measure | None:
    """The project's indicator catalogue entry of ``key``, or None if it has none."""
    entry: Measure | None = _catalogue().get(key)
    return entry


@cache
def _label_scorer() -> Blend:
    return Blend({"token_set": token_set, "token_sort": token_sort},
                 settings().indicators.label_weights)


def _group_key(indicator: Indicator) -> tuple[str | None, ...]:
    if indicator.indicator:
        return ("key", indicator.indicator, indicator.unit)
    return ("label", indicator.area, indicator.unit, " ".join(indicator.label.casefold().split()))


def latest_values(indicators: Sequence[Indicator]) -> list[Indicator]:
    """One figure per measure: its latest month, then its last mention; in document order."""
    best: dict[tuple[str | None, ...], tuple[str, int]] = {}
    for position, indicator in enumerate(indicators):
        rank = (indicator.month or "", position)
        key = _group_key(indicator)
        if key not in best or rank >= best[key]:
            best[key] = rank
    return [indicators[position] for _, position in sorted(best.values(), key=lambda r: r[1])]


def _label_compatible(a: Indicator, b: Indicator) -> bool:
    keys_clash = bool(a.indicator and b.indicator and a.indicator != b.indicator)
    return a.area == b.area and a.unit == b.unit and not keys_clash


def pair_indicators(old: Sequence[Indicator], new: Sequence[Indicator]
                    ) -> list[tuple[Indicator, Indicator]]:
    """Pairs of (old, new) figures of one measure, in the new report's order."""
    old_by_key = {_group_key(item): i for i, item in enumerate(old) if item.indicator}
    pairs = {j: old_by_key[_group_key(item)] for j, item in enumerate(new)
             if item.indicator and _group_key(item) in old_by_key}
    old_rest = sorted(set(range(len(old))) - set(pairs.values()))
    new_rest = [j for j in range(len(new)) if j not in pairs]
    if old_rest and new_rest:
        similarity = _label_scorer().matrix([old[i].label for i in old_rest],
                                            [new[j].label for j in new_rest])
        compatible = np.array([[_label_compatible(old[i], new[j]) for j in new_rest]
                               for i in old_rest], dtype=bool)
        matched = assign(np.where(compatible, similarity, 0.0),
                         settings().indicators.label_threshold)
        pairs.update({new_rest[p.new]: old_rest[p.old] for p in matched.pairs})
    return [(old[pairs[j]], new[j]) for j in sorted(pairs)]


def _decimals(value: float, most: int) -> int:
    """Decimal places of ``value`` as written (its shortest repr), at most ``most``."""
    exponent = Decimal(repr(value)).as_tuple().exponent
    return min(most, max(0, -exponent)) if isinstance(exponent, int) else most


def rounded_delta(old: float, new: float) -> float:
    """``new - old`` rounded to the inputs' own precision (at most the configured decimals)."""
    most = settings().indicators.max_decimals
    places = max(_decimals(old, most), _decimals(new, most))
    return round(new - old, places) + 0.0  # + 0.0 turns -0.0 into 0.0


def assess(old_value: float, new_value: float, *, polarity: str | None,
           target: float | None) -> Assessment:
    """Better or worse by the measure's polarity; without one, by moving towards the target."""
    if new_value == old_value:
        return "unclear"
    if polarity == "higher_is_better":
        better = new_value > old_value
    elif polarity == "lower_is_better":
        better = new_value < old_value
    elif target is not None and abs(new_value - target) != abs(old_value - target):
        better = abs(new_value - target) < abs(old_value - target)
    else:
        return "unclear"
    return "better" if better else "worse"


def _change(old: Indicator, new: Indicator, measures: MeasureLookup) -> IndicatorChange:
    delta = rounded_delta(old.value, new.value)
    direction: Direction = "up" if delta > 0 else "down" if delta < 0 else "flat"
    target = new.target if new.target is not None else old.target
    key = new.indicator or old.indicator
    measure = measures(key) if key else None
    return IndicatorChange.model_validate({
        "indicator": key, "label": measure.label if measure else new.label,
        "from": IndicatorPoint(value=old.value, month=old.month),
        "to": IndicatorPoint(value=new.value, month=new.month),
        "delta": delta, "unit": new.unit, "direction": direction,
        "assessment": "unclear" if direction == "flat" else assess(
            old.value, new.value, polarity=measure.polarity if measure else None, target=target),
        "target": target,
    })


def _newer_measurement(old: Indicator, new: Indicator) -> bool:
    if old.month is None or new.month is None:
        return True
    return new.month > old.month or (new.month == old.month and new.value != old.value)


def indicator_changes(old: Report, new: Report, *,
                      measures: MeasureLookup = catalogue_measure) -> list[IndicatorChange]:
    """The change of every measure both reports give, in the new report's order.

    A measure the catalogue knows is named by the catalogue's label and judged by its polarity.
    """
    pairs = pair_indicators(latest_values(old.indicators), latest_values(new.indicators))
    return [_change(a, b, measures) for a, b in pairs if _newer_measurement(a, b)]
