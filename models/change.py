"""The change summary between two periods of one authority (schema 1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.rating import Rating
from models.report import SCHEMA_VERSION, Authority, Item, Period, Unit

__all__ = [
    "RatingChangeKind",
    "RatingChange",
    "ContinuingItem",
    "RiskChanges",
    "GoingWellChanges",
    "IndicatorPoint",
    "IndicatorChange",
    "ChangeSummary",
]

RatingChangeKind = Literal[
    "improved", "declined", "unchanged", "now_rated", "no_longer_rated", "new_area", "dropped_area"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RatingChange(_Model):
    area: str
    title: str
    from_: Rating | None = Field(default=None, alias="from")
    to: Rating | None = None
    change: RatingChangeKind


class ContinuingItem(_Model):
    from_: str = Field(alias="from")
    to: str
    similarity: float


class RiskChanges(_Model):
    new: list[Item] = Field(default_factory=list)
    resolved: list[Item] = Field(default_factory=list)
    continuing: list[ContinuingItem] = Field(default_factory=list)


class GoingWellChanges(_Model):
    new: list[Item] = Field(default_factory=list)
    dropped: list[Item] = Field(default_factory=list)


class IndicatorPoint(_Model):
    value: float
    month: str | None = None


class IndicatorChange(_Model):
    indicator: str | None = None
    label: str
    from_: IndicatorPoint = Field(alias="from")
    to: IndicatorPoint
    delta: float
    unit: Unit
    direction: Literal["up", "down", "flat"]
    assessment: Literal["better", "worse", "unclear"]
    target: float | None = None


class ChangeSummary(_Model):
    schema_version: str = SCHEMA_VERSION
    authority: Authority | None = None
    from_period: Period | None = None
    to_period: Period | None = None
    ratings: list[RatingChange] = Field(default_factory=list)
    risks: RiskChanges = Field(default_factory=RiskChanges)
    going_well: GoingWellChanges = Field(default_factory=GoingWellChanges)
    indicators: list[IndicatorChange] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract's JSON text."""
        return self.model_dump_json(indent=indent, by_alias=True)
