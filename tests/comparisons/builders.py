"""Small report builders for the comparison tests (fictional authorities only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models import Assessment, Authority, Indicator, Item, Period, Report


@dataclass(frozen=True)
class FakeMeasure:
    label: str
    polarity: str


MEASURES = {
    "re_referrals": FakeMeasure("Re-referrals within 12 months", "lower_is_better"),
    "care_leavers_eet": FakeMeasure("Care leavers in EET", "higher_is_better"),
    "children_in_care": FakeMeasure("Children in care", "neutral"),
}


def measures(key: str) -> FakeMeasure | None:
    """A stand-in for the indicator catalogue's lookup."""
    return MEASURES.get(key)


class FakeCatalogue:
    """Quacks like ``extractor.catalogue.load_catalogue()``: ``get(key)`` → entry or None."""

    def get(self, key: str) -> FakeMeasure | None:
        return measures(key)


def report(authority: str = "Northshire", *, start: str | None = "2021-01",
           end: str | None = "2021-03", risks: list[str] | None = None,
           going_well: list[str] | None = None,
           ratings: dict[str, str | None] | None = None,
           indicators: list[dict[str, Any]] | None = None, path: str | None = None) -> Report:
    """A report of ``authority`` for the period ``start``-``end``."""
    source = ({"path": path, "sha256": "0" * 64, "format": "pdf"} if path else None)
    return Report(
        source=source,
        authority=Authority(name=f"{authority} County Council", canonical=authority),
        period=Period(label=f"{start} to {end}", start=start, end=end),
        risks=[Item(text=text) for text in risks or []],
        going_well=[Item(text=text) for text in going_well or []],
        assessments=[Assessment(area=area, title=area.replace("_", " ").upper(), rating=rating)
                     for area, rating in (ratings or {}).items()],
        indicators=[Indicator(**{"unit": "percent", **fields}) for fields in indicators or []],
    )


def use_fake_catalogue(monkeypatch: Any) -> None:
    """Make compare() read measures from :class:`FakeCatalogue`, not the real catalogue."""
    monkeypatch.setattr("comparisons.indicators._catalogue", FakeCatalogue)
