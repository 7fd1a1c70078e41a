"""Presentation settings of the briefing site, read from ``data/site.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from comparisons.settings import RagStyle
from comparisons.settings import settings as comparison_settings
from models.rating import Rating

__all__ = ["ChangeMark", "ChartSettings", "SiteSettings", "settings"]


@dataclass(frozen=True)
class ChangeMark:
    """How one kind of rating change is marked: a visible symbol, the words read instead, and
    the symbol's meaning in the key."""

    symbol: str
    text: str
    legend: str


@dataclass(frozen=True)
class ChartSettings:
    """Size, margins and colours of a trend chart, in SVG user units."""

    width: int
    height: int
    margin_left: int
    margin_right: int
    margin_top: int
    margin_bottom: int
    line: str
    target: str
    axis: str


@dataclass(frozen=True)
class SiteSettings:
    """Everything the site shows that is data rather than code."""

    title: str
    rag: dict[Rating, RagStyle]
    area_names: dict[str, str]
    changes: dict[str, ChangeMark]
    sections: dict[str, str]
    polarities: dict[str, str]
    chart: ChartSettings

    def __post_init__(self) -> None:
        missing = set(Rating) - set(self.rag)
        if missing:
            names = sorted(rating.value for rating in missing)
            raise ValueError(f"compare.toml gives no colours for {names}")


def _parse(raw: dict[str, Any]) -> SiteSettings:
    return SiteSettings(
        title=raw["site"]["title"],
        rag={Rating(key): style for key, style in comparison_settings().rag.items()},
        area_names={area["key"]: area["name"] for area in raw["areas"]},
        changes={kind: ChangeMark(**value) for kind, value in raw["changes"].items()},
        sections=dict(raw["sections"]),
        polarities=dict(raw["polarities"]),
        chart=ChartSettings(**raw["chart"]),
    )


@cache
def settings() -> SiteSettings:
    """The site settings (read once)."""
    text = files("highlights.site").joinpath("data", "site.toml").read_text(encoding="utf-8")
    return _parse(tomllib.loads(text))
