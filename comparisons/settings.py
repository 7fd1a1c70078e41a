"""Tuning and presentation settings of comparisons, read from ``data/*.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["AlignSettings", "TfidfSettings", "IndicatorSettings", "RagStyle", "Words",
           "Settings", "settings"]


@dataclass(frozen=True)
class TfidfSettings:
    """One TF-IDF vectoriser: ``analyzer`` is ``word`` or ``char_wb``."""

    analyzer: str = "word"
    ngram_min: int = 1
    ngram_max: int = 1
    stop_words: str | None = None


@dataclass(frozen=True)
class AlignSettings:
    """How risks and going-well items are aligned."""

    threshold: float = 0.4
    weights: dict[str, float] = field(default_factory=dict)
    post_conflict_factor: float = 1.0
    tfidf_word: TfidfSettings = field(default_factory=TfidfSettings)
    tfidf_char: TfidfSettings = field(default_factory=TfidfSettings)

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"align threshold must be in [0, 1], not {self.threshold}")
        if not 0.0 <= self.post_conflict_factor <= 1.0:
            raise ValueError("align post_conflict_factor must be in [0, 1], "
                             f"not {self.post_conflict_factor}")
        if any(weight < 0 for weight in self.weights.values()) or not sum(self.weights.values()):
            raise ValueError("align weights must be non-negative and not all zero")


@dataclass(frozen=True)
class IndicatorSettings:
    """How indicators are paired and their deltas rounded."""

    label_threshold: float = 0.8
    label_weights: dict[str, float] = field(default_factory=dict)
    max_decimals: int = 2


@dataclass(frozen=True)
class RagStyle:
    """How one rating is shown: a label (so it reads in greyscale) and cell colours."""

    label: str
    background: str
    foreground: str


@dataclass(frozen=True)
class Words:
    """How the renderers word rating changes and units."""

    change: dict[str, str] = field(default_factory=dict)
    unit_suffix: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """Everything ``data/compare.toml`` holds."""

    align: AlignSettings
    indicators: IndicatorSettings
    rag: dict[str, RagStyle]
    words: Words
    abbreviations: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any], abbreviations: dict[str, str] | None = None
                  ) -> Settings:
        """Build and validate settings from the TOML documents' dictionaries."""
        align = dict(data.get("align", {}))
        for name in ("tfidf_word", "tfidf_char"):
            align[name] = TfidfSettings(**align.get(name, {}))
        return cls(
            align=AlignSettings(**align),
            indicators=IndicatorSettings(**data.get("indicators", {})),
            rag={key: RagStyle(**style) for key, style in data.get("rag", {}).items()},
            words=Words(**data.get("words", {})),
            abbreviations=dict(abbreviations or {}),
        )


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("comparisons").joinpath("data", name).read_text("utf-8"))


@cache
def settings() -> Settings:
    """The packaged settings: ``compare.toml`` and ``abbreviations.toml`` (read once)."""
    return Settings.from_dict(_data("compare.toml"), _data("abbreviations.toml")["expansions"])
