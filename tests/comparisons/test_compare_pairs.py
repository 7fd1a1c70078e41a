"""compare on consecutive pairs written blind and keyed by hand (tests/fixtures/compare_pairs*):
risks and going-well items aligned, ratings changed, against keys written before the tool ran.

Set 1 is carried forward the way advisers usually do; set 2 is adversarial (heavy rewording and
decoys) and set 3 has risks that split, merge and cluster around one issue, so only their
ratings are held here: their item scores are measured, not asserted (``python -m
benchmarks.eval_compare --pairs tests/fixtures/compare_pairs_2 --pairs
tests/fixtures/compare_pairs_3``, docs/COMPARE.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from benchmarks.keyed_pairs import KeyedPairs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = ("compare_pairs", "compare_pairs_2", "compare_pairs_3")


@cache
def keyed(name: str) -> KeyedPairs:
    return KeyedPairs(FIXTURES / name)


@pytest.mark.parametrize("name", ["risks.new", "risks.resolved", "going_well.new",
                                  "going_well.resolved"])
def test_new_and_resolved_items_are_found_and_only_those(name: str) -> None:
    counts = keyed("compare_pairs").item_counts()
    tp, fp, fn = (counts[f"{name}.{k}"] for k in ("tp", "fp", "fn"))
    assert tp + fn >= 5  # the keys hold enough cases for the ratios to mean something
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, (tp, fp, fn)


@pytest.mark.parametrize(("folder", "pair"), [
    (folder, pair) for folder in SETS for pair in keyed(folder).key["pairs"]])
def test_every_ofsted_rating_change_is_right(folder: str, pair: str) -> None:
    key = keyed(folder).key
    old_report, new_report = (key["reports"][key["pairs"][pair][side]] for side in ("old", "new"))
    old, new = old_report["ratings"], new_report["ratings"]
    rows = {row.area: (row.from_, row.to) for row in keyed(folder).summary(pair).ratings}
    assert {area: rows.get(area) for area in old} == {
        area: (old[area], new[area]) for area in old}
    priorities = {*old_report.get("priority_ratings", {}), *new_report.get("priority_ratings", {})}
    assert len(rows) == len(old) + len(priorities)  # one row per area, no stray rows
