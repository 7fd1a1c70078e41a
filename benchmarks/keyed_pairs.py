"""Score ``compare`` on a folder of consecutive report pairs keyed by hand (``key.json``).

The format (``tests/fixtures/compare_pairs*/``): ``reports`` maps a name to its ``path`` and its
``risks`` / ``going_well`` as ``[id, text]`` lists; ``pairs`` maps ``OLD__NEW`` to the indices
that are ``new`` (in NEW) and ``resolved`` (in OLD) per section. Each report is extracted from
its file, so this measures the whole pipeline, extraction included.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparisons import compare
from extractor import extract
from models import ChangeSummary, Report

__all__ = ["KeyedPairs", "SECTIONS"]

# (section, the key's word for an item that is gone, the summary's word for it)
SECTIONS = (("risks", "resolved", "resolved"), ("going_well", "resolved", "dropped"))


@dataclass
class KeyedPairs:
    """One keyed folder: its key, and the extracted reports and summaries, made once each."""

    folder: Path
    key: dict[str, Any] = field(init=False)
    _reports: dict[str, Report] = field(init=False, default_factory=dict)
    _summaries: dict[str, ChangeSummary] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.key = json.loads((self.folder / "key.json").read_text(encoding="utf-8"))

    def report(self, name: str) -> Report:
        """The extracted report ``name`` of the key."""
        if name not in self._reports:
            self._reports[name] = extract(self.folder / self.key["reports"][name]["path"])
        return self._reports[name]

    def summary(self, pair: str) -> ChangeSummary:
        """``compare`` of the pair ``OLD__NEW``."""
        if pair not in self._summaries:
            spec = self.key["pairs"][pair]
            self._summaries[pair] = compare(self.report(spec["old"]), self.report(spec["new"]))
        return self._summaries[pair]

    def item_counts(self, summarise: Callable[[Report, Report], Any] | None = None
                    ) -> Counter[str]:
        """``<section>.<new|resolved>.<tp|fp|fn>`` over every pair, of ``compare`` or of
        ``summarise(old, new)`` (anything with ``risks`` and ``going_well`` changes)."""
        counts: Counter[str] = Counter()
        for pair, spec in self.key["pairs"].items():
            old, new = (self.key["reports"][spec[side]] for side in ("old", "new"))
            changes_of = (self.summary(pair) if summarise is None else
                          summarise(self.report(spec["old"]), self.report(spec["new"])))
            for section, gone, summary_gone in SECTIONS:
                changes = getattr(changes_of, section)
                found = {
                    "new": {_index(i.text, new[section]) for i in changes.new},
                    gone: {_index(i.text, old[section]) for i in getattr(changes, summary_gone)},
                }
                for kind, predicted in found.items():
                    truth = set(spec[section][kind])
                    counts[f"{section}.{kind}.tp"] += len(predicted & truth)
                    counts[f"{section}.{kind}.fp"] += len(predicted - truth)
                    counts[f"{section}.{kind}.fn"] += len(truth - predicted)
        return counts


def _index(text: str, items: list[list[str]]) -> int:
    """The key index of an item the tool printed (its text as extracted)."""
    wanted = " ".join(text.split())
    found = [i for i, (_, item) in enumerate(items) if " ".join(item.split()) == wanted]
    if len(found) != 1:
        raise ValueError(f"no single key item for {text[:60]!r}")
    return found[0]
