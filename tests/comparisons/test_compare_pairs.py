"""compare on six consecutive pairs written blind (tests/fixtures/compare_pairs): risks and
going-well items aligned, ratings changed, against keys written before the tool was run."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from comparisons import compare
from extractor import extract
from models import ChangeSummary, Report

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "compare_pairs"
KEY = json.loads((PAIRS / "key.json").read_text(encoding="utf-8"))


@cache
def _report(name: str) -> Report:
    return extract(PAIRS / KEY["reports"][name]["path"])


@cache
def _summary(pair: str) -> ChangeSummary:
    spec = KEY["pairs"][pair]
    return compare(_report(spec["old"]), _report(spec["new"]))


def _index(text: str, items: list[list[str]]) -> int:
    """The key index of an item the tool printed (its text as extracted)."""
    wanted = " ".join(text.split())
    found = [i for i, (_, item) in enumerate(items) if " ".join(item.split()) == wanted]
    assert len(found) == 1, f"no single key item for {text[:60]!r}"
    return found[0]


def _counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for pair, spec in KEY["pairs"].items():
        summary = _summary(pair)
        old, new = (KEY["reports"][spec[side]] for side in ("old", "new"))
        for part, gone in (("risks", "resolved"), ("going_well", "dropped")):
            changes = getattr(summary, part)
            found = {
                "new": {_index(i.text, new[part]) for i in changes.new},
                "resolved": {_index(i.text, old[part]) for i in getattr(changes, gone)},
            }
            for kind, predicted in found.items():
                truth = set(spec[part][kind])
                counts[f"{part}.{kind}.tp"] += len(predicted & truth)
                counts[f"{part}.{kind}.fp"] += len(predicted - truth)
                counts[f"{part}.{kind}.fn"] += len(truth - predicted)
    return counts


@pytest.mark.parametrize("name", ["risks.new", "risks.resolved", "going_well.new",
                                  "going_well.resolved"])
def test_new_and_resolved_items_are_found_and_only_those(name: str) -> None:
    counts = _counts()
    tp, fp, fn = (counts[f"{name}.{k}"] for k in ("tp", "fp", "fn"))
    assert tp + fn >= 5  # the keys hold enough cases for the ratios to mean something
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, (tp, fp, fn)


@pytest.mark.parametrize("pair", list(KEY["pairs"]))
def test_every_rating_change_is_right(pair: str) -> None:
    spec = KEY["pairs"][pair]
    old, new = (KEY["reports"][spec[side]]["ratings"] for side in ("old", "new"))
    rows = {row.area: (row.from_, row.to) for row in _summary(pair).ratings}
    assert rows == {area: (old[area], new[area]) for area in old}
