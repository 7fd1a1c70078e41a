"""The archive's tunable settings, read from ``corpus/data/archive.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = [
    "Settings", "IngestSettings", "SimilarSettings", "ThemeSettings", "DemoSettings", "settings",
]


@dataclass(frozen=True)
class IngestSettings:
    extensions: tuple[str, ...]
    skip_prefixes: tuple[str, ...]
    timeout_seconds: float
    max_tasks_per_child: int
    preload: tuple[str, ...]


@dataclass(frozen=True)
class SimilarSettings:
    threshold: float
    word_ngrams: tuple[int, int]
    char_ngrams: tuple[int, int]
    first_section: str
    candidates: int


@dataclass(frozen=True)
class ThemeSettings:
    min_k: int
    max_k: int
    terms_per_label: int
    random_state: int
    silhouette_sample: int
    stop_words: tuple[str, ...]


@dataclass(frozen=True)
class DemoSettings:
    searches: tuple[str, ...]
    limit: int


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings
    similar: SimilarSettings
    themes: ThemeSettings
    demo: DemoSettings


def _tuples(table: dict[str, Any]) -> dict[str, Any]:
    return {key: tuple(value) if isinstance(value, list) else value
            for key, value in table.items()}


@cache
def settings() -> Settings:
    """The settings in archive.toml (read once)."""
    text = files("corpus").joinpath("data", "archive.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return Settings(
        ingest=IngestSettings(**_tuples(data["ingest"])),
        similar=SimilarSettings(**_tuples(data["similar"])),
        themes=ThemeSettings(**_tuples(data["themes"])),
        demo=DemoSettings(**_tuples(data["demo"])),
    )
