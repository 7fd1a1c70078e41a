"""Score comparisons against the sample archive's answer keys and print markdown tables.

    python -m benchmarks.eval_compare               # compare the keys' own reports
    python -m benchmarks.eval_compare --extracted   # also compare the extracted reports
    python -m benchmarks.eval_compare --sweep       # precision/recall by alignment threshold
    python -m benchmarks.eval_compare --pairs DIR   # also a folder of pairs keyed by hand

For every consecutive pair of periods of every series, the truth comes from the keys: an item id
present in both periods is continuing, one only in the new period is new, one only in the old is
resolved (dropped for going well). Rating truth is the keys' ratings by area; indicator truth is
the keys' figures by catalogue key, the latest month standing for each measure.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from benchmarks.keyed_pairs import SECTIONS, KeyedPairs
from comparisons import compare
from comparisons.align import Alignment, align
from comparisons.indicators import latest_values
from comparisons.ratings import rating_change_kind
from comparisons.scorers import blended_scorer
from comparisons.settings import settings
from corpus.answer_key import SAMPLES_DIR, AnswerKey, iter_keys
from models import ChangeSummary, HighlightsError, Indicator, Item, Rating, Report

SWEEP = [round(0.15 + 0.025 * step, 3) for step in range(15)]


@dataclass(frozen=True)
class Case:
    """One consecutive pair of periods of a series: the keys and the reports to compare."""

    old_key: AnswerKey
    new_key: AnswerKey
    old: Report
    new: Report


def key_report(key: AnswerKey) -> Report:
    """The key's report with its expected figures as indicators (labelled by catalogue key)."""
    indicators = [Indicator(label=f.indicator or f.text, indicator=f.indicator, value=f.value,
                            unit=f.unit, month=f.month, target=f.target, area=f.area)
                  for f in key.figures]
    return key.report.model_copy(update={"indicators": indicators})


def consecutive_keys(keys: Iterable[AnswerKey]) -> list[tuple[AnswerKey, AnswerKey]]:
    """Pairs of consecutive periods per series (one document per period: the first by path)."""
    by_series: dict[str, dict[str, AnswerKey]] = defaultdict(dict)
    for key in keys:
        period = key.report.period
        month = (period.end or period.start or "") if period else ""
        by_series[key.series].setdefault(month, key)
    pairs = []
    for periods in by_series.values():
        ordered = [periods[month] for month in sorted(periods)]
        pairs += list(zip(ordered, ordered[1:], strict=False))
    return pairs


def _unique_ids(key: AnswerKey, field: str) -> list[str]:
    """The key's item ids; an item without one gets an id of its own (it continues nothing)."""
    return [value or f"{key.document}#{index}" for index, value in
            enumerate(getattr(key, field))]


def _ids_of(items: Sequence[Item], key_items: Sequence[Item], ids: Sequence[str]) -> list[str]:
    """The key id of each item, by the key text it matches best (exact for the keys' reports)."""
    choices = [item.text for item in key_items]
    found = []
    for item in items:
        match = process.extractOne(item.text, choices, scorer=fuzz.token_set_ratio,
                                   processor=utils.default_process, score_cutoff=80)
        found.append(ids[match[2]] if match else f"unknown:{item.text[:40]}")
    return found


def _score_sets(counts: Counter[str], name: str, predicted: set[str], truth: set[str]) -> None:
    counts[f"{name}.tp"] += len(predicted & truth)
    counts[f"{name}.fp"] += len(predicted - truth)
    counts[f"{name}.fn"] += len(truth - predicted)


def _score_alignment(counts: Counter[str], name: str, result: Alignment, old_ids: list[str],
                     new_ids: list[str], labels: tuple[str, str]) -> None:
    added, gone = labels
    truth_new = set(new_ids) - set(old_ids)
    truth_gone = set(old_ids) - set(new_ids)
    _score_sets(counts, f"{name}.{added}", {new_ids[j] for j in result.new_only}, truth_new)
    _score_sets(counts, f"{name}.{gone}", {old_ids[i] for i in result.old_only}, truth_gone)
    pairs = {(old_ids[p.old], new_ids[p.new]) for p in result.pairs}
    truth_pairs = {(i, i) for i in set(old_ids) & set(new_ids)}
    _score_sets(counts, f"{name}.continuing", {f"{a}>{b}" for a, b in pairs},
                {f"{a}>{b}" for a, b in truth_pairs})


def score_items(case: Case, counts: Counter[str], threshold: float) -> None:
    """Alignment of risks and going-well items against the keys' ids."""
    scorer = blended_scorer(tuple(item.text for report in (case.old, case.new)
                                  for item in (*report.risks, *report.going_well)))
    sections = (("risks", "risk_ids", ("new", "resolved")),
                ("going_well", "going_well_ids", ("new", "dropped")))
    for name, ids, labels in sections:
        old_items: list[Item] = getattr(case.old, name)
        new_items: list[Item] = getattr(case.new, name)
        old_ids = _ids_of(old_items, getattr(case.old_key.report, name),
                          _unique_ids(case.old_key, ids))
        new_ids = _ids_of(new_items, getattr(case.new_key.report, name),
                          _unique_ids(case.new_key, ids))
        result = align([i.text for i in old_items], [i.text for i in new_items], scorer,
                       threshold=threshold)
        _score_alignment(counts, name, result, old_ids, new_ids, labels)


def score_ratings(case: Case, summary: ChangeSummary, counts: Counter[str]) -> None:
    """Each area of the keys: is its (from, to, change) row right?"""
    old = {row.area: row.rating for row in case.old_key.report.assessments}
    new = {row.area: row.rating for row in case.new_key.report.assessments}
    rows = {row.area: row for row in summary.ratings}
    for area in old.keys() | new.keys():
        truth: tuple[Rating | None, Rating | None, str]
        if area not in new:
            truth = (old[area], None, "dropped_area")
        elif area not in old:
            truth = (None, new[area], "new_area")
        else:
            truth = (old[area], new[area], rating_change_kind(old[area], new[area]))
        row = rows.get(area)
        counts["ratings.total"] += 1
        counts["ratings.right"] += row is not None and (row.from_, row.to, row.change) == truth


def score_indicators(case: Case, summary: ChangeSummary, counts: Counter[str]) -> None:
    """Recall of the keys' moved measures, and whether their deltas and assessments are right."""
    old = {i.indicator: i for i in latest_values(key_report(case.old_key).indicators)}
    new = {i.indicator: i for i in latest_values(key_report(case.new_key).indicators)}
    found = {change.indicator: change for change in summary.indicators if change.indicator}
    truth = compare(key_report(case.old_key), key_report(case.new_key), force=True)
    truth_by_key = {change.indicator: change for change in truth.indicators}
    for key in old.keys() & new.keys():
        if key is None or old[key].value == new[key].value or old[key].unit != new[key].unit:
            continue
        counts["indicators.moved"] += 1
        change = found.get(key)
        if change is None:
            continue
        counts["indicators.found"] += 1
        counts["indicators.delta_right"] += abs(change.delta - truth_by_key[key].delta) < 1e-6
        counts["indicators.assessment_right"] += (
            change.assessment == truth_by_key[key].assessment)


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.1%}" if denominator else "n/a"


def _pr(counts: Counter[str], name: str) -> tuple[str, str]:
    tp, fp, fn = counts[f"{name}.tp"], counts[f"{name}.fp"], counts[f"{name}.fn"]
    return _ratio(tp, tp + fp), _ratio(tp, tp + fn)


def evaluate(cases: list[Case], threshold: float) -> Counter[str]:
    """Every metric's counts over all cases."""
    counts: Counter[str] = Counter()
    for case in cases:
        summary = compare(case.old, case.new, force=True)
        score_ratings(case, summary, counts)
        score_items(case, counts, threshold)
        score_indicators(case, summary, counts)
    counts["pairs"] = len(cases)
    return counts


def table(title: str, counts: Counter[str]) -> str:
    """The metrics of one run as a markdown table."""
    rows = [("rating changes right", _ratio(counts["ratings.right"], counts["ratings.total"]),
             f"{counts['ratings.total']} areas")]
    for name in ("risks.new", "risks.resolved", "risks.continuing", "going_well.new",
                 "going_well.dropped", "going_well.continuing"):
        precision, recall = _pr(counts, name)
        rows.append((f"{name} precision / recall", f"{precision} / {recall}",
                     f"{counts[name + '.tp'] + counts[name + '.fn']} true"))
    moved, found = counts["indicators.moved"], counts["indicators.found"]
    rows += [("moved indicators recall", _ratio(found, moved), f"{moved} moved"),
             ("deltas right (of found)", _ratio(counts["indicators.delta_right"], found), ""),
             ("assessments right (of found)",
              _ratio(counts["indicators.assessment_right"], found), "")]
    lines = [f"### {title} ({counts['pairs']} pairs)", "", "| metric | score | n |",
             "|---|---|---|"]
    lines += [f"| {name} | {score} | {n} |" for name, score, n in rows]
    return "\n".join(lines)


def sweep(cases: list[Case]) -> str:
    """Precision/recall of new and resolved risks and going-well items by threshold."""
    lines = ["| threshold | risks new P / R | risks resolved P / R | risks continuing P / R "
             "| going well new P / R | going well dropped P / R |", "|---|---|---|---|---|---|"]
    for threshold in SWEEP:
        counts: Counter[str] = Counter()
        for case in cases:
            score_items(case, counts, threshold)
        cells = [" / ".join(_pr(counts, name)) for name in
                 ("risks.new", "risks.resolved", "risks.continuing", "going_well.new",
                  "going_well.dropped")]
        lines.append(f"| {threshold:.3f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def build_cases(reader: Callable[[AnswerKey], Report | None], samples: Path = SAMPLES_DIR
                ) -> list[Case]:
    """A case for every consecutive pair whose two reports ``reader`` could produce."""
    cases = []
    for old_key, new_key in consecutive_keys(iter_keys(samples / "keys")):
        old, new = reader(old_key), reader(new_key)
        if old is not None and new is not None:
            cases.append(Case(old_key, new_key, old, new))
    return cases


def extracted_report(key: AnswerKey, samples: Path = SAMPLES_DIR) -> Report | None:
    """The extractor's reading of the key's document, or None (said on stdout) if it fails."""
    from extractor import extract

    try:
        return extract(samples / key.document)
    except (HighlightsError, NotImplementedError) as error:
        print(f"- skipped {key.document}: {error}")
        return None


def keyed_table(folder: Path) -> str:
    """New and resolved items of a hand-keyed folder of pairs, as a markdown table."""
    keyed = KeyedPairs(folder)
    counts = keyed.item_counts()
    lines = [f"### {folder} ({len(keyed.key['pairs'])} pairs, extracted)", "",
             "| metric | precision / recall | true |", "|---|---|---|"]
    for section, gone, _ in SECTIONS:
        for kind in ("new", gone):
            name = f"{section}.{kind}"
            precision, recall = _pr(counts, name)
            lines.append(f"| {name} | {precision} / {recall} | "
                         f"{counts[name + '.tp'] + counts[name + '.fn']} |")
    return "\n".join(lines)


def main() -> None:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extracted", action="store_true", help="also score extracted reports")
    parser.add_argument("--sweep", action="store_true", help="P/R by alignment threshold")
    parser.add_argument("--pairs", type=Path, action="append", default=[],
                        help="a folder of pairs keyed by hand (key.json); may be repeated")
    parser.add_argument("--samples", type=Path, default=SAMPLES_DIR,
                        help="sample archive folder (documents, and their keys under keys/)")
    args = parser.parse_args()
    threshold = settings().align.threshold
    key_cases = build_cases(key_report, args.samples)
    print(table(f"Keys' reports, threshold {threshold:g}", evaluate(key_cases, threshold)))
    if args.sweep:
        print("\n### Alignment by threshold (keys' reports)\n")
        print(sweep(key_cases))
    if args.extracted:
        print()
        cases = build_cases(partial(extracted_report, samples=args.samples), args.samples)
        print(table(f"Extracted reports, threshold {threshold:g}", evaluate(cases, threshold)))
    for folder in args.pairs:
        print()
        print(keyed_table(folder))


if __name__ == "__main__":
    main()
