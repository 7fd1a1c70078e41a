"""The indicator catalogue: stable keys for the measures the reports quote.

Each entry of ``extractor/data/indicators.toml`` has a label, a unit, a polarity (whether a
higher value is better) and aliases: phrases the reports use. An alias may hold ``...`` for a
gap ("assessments ... overdue"). Matching compares lower-cased, de-pluralised words, so
"Re-referrals" matches "re referral"; the longest alias wins and a tie between two keys is no
match (a wrong key is worse than none).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, cast

__all__ = ["Polarity", "CatalogueEntry", "Catalogue", "load_catalogue", "normalise"]

Polarity = Literal["higher_is_better", "lower_is_better", "neutral"]
_POLARITIES = ("higher_is_better", "lower_is_better", "neutral")


@dataclass(frozen=True)
class CatalogueEntry:
    """One measure of the catalogue. ``excludes``: phrases that rule this entry out;
    ``partial``: a whole-label match may leave words of the label over."""

    key: str
    label: str
    unit: str
    polarity: Polarity
    aliases: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    partial: bool = False


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def normalise(text: str) -> list[str]:
    """Lower-cased, de-pluralised words of ``text`` ("Re-referrals" -> ["re", "referral"])."""
    text = re.sub(r"['’]s\b", "", text.lower())
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", text)]


def _find(words: list[str], segments: list[list[str]]) -> list[int] | None:
    """Positions of the words matched by ``segments`` in order (gaps between them), or None."""
    pos, hits = 0, list[int]()
    for seg in segments:
        n = len(seg)
        at = next((i for i in range(pos, len(words) - n + 1) if words[i:i + n] == seg), None)
        if at is None:
            return None
        hits.extend(range(at, at + n))
        pos = at + n
    return hits


class Catalogue:
    """The catalogue entries, looked up by key or matched from a measure phrase."""

    def __init__(
        self, entries: list[CatalogueEntry], fillers: frozenset[str] = frozenset()
    ) -> None:
        self._fillers = fillers
        self._entries = {e.key: e for e in entries}
        self._aliases = [
            (e, segments, frozenset(w for seg in segments for w in seg))
            for e in entries
            for alias in (e.label, *e.aliases)
            for segments in [[normalise(part) for part in alias.split("...")]]
        ]
        self._excludes = {e.key: [normalise(x) for x in e.excludes] for e in entries}

    def get(self, key: str) -> CatalogueEntry | None:
        """The entry with ``key``, or None."""
        return self._entries.get(key)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def match(self, label: str, *, unit: str | None = None, whole: bool = False) -> str | None:
        """Catalogue key for a measure phrase, or None.

        ``unit`` keeps only entries of that unit; ``whole`` asks the alias to cover every word
        of ``label`` but the catalogue's fillers ("contacts" is not "contacts were signposted").
        """
        words = normalise(label)
        present = set(words)
        best: dict[str, int] = {}
        for entry, segments, needed in self._aliases:
            if (unit is not None and entry.unit != unit) or not needed <= present:
                continue
            hits = _find(words, segments)
            if hits is None or any(_find(words, [x]) for x in self._excludes[entry.key]):
                continue
            leftover = (w for i, w in enumerate(words) if i not in hits)
            if whole and not entry.partial and any(w not in self._fillers for w in leftover):
                continue
            best[entry.key] = max(best.get(entry.key, 0), len(hits))
        if not best:
            return None
        top = max(best.values())
        keys = [k for k, score in best.items() if score == top]
        return keys[0] if len(keys) == 1 else None


def _entry(key: str, raw: dict[str, object]) -> CatalogueEntry:
    polarity = str(raw["polarity"])
    if polarity not in _POLARITIES:
        raise ValueError(f"indicators.toml: {key}: unknown polarity {polarity!r}")
    return CatalogueEntry(
        key=key,
        label=str(raw["label"]),
        unit=str(raw["unit"]),
        polarity=cast(Polarity, polarity),
        aliases=tuple(cast(list[str], raw.get("aliases", []))),
        excludes=tuple(cast(list[str], raw.get("excludes", []))),
        partial=bool(raw.get("partial", False)),
    )


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue of ``extractor/data/indicators.toml`` (read once per process)."""
    text = resources.files("extractor").joinpath("data/indicators.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    entries = [_entry(key, value) for key, value in raw.items() if isinstance(value, dict)]
    return Catalogue(entries, frozenset(raw.get("fillers", [])))
