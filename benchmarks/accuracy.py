"""Score extraction against every sample's answer key and print per-field accuracy.

    python -m benchmarks.accuracy            # the table
    python -m benchmarks.accuracy --details  # plus every mismatch

Structural fields (metadata, ratings, bullet counts and texts) are compared after whitespace
normalisation; figures are matched one-to-one on (value, unit, area), then their month, target,
comparator and previous are scored as precision/recall of the qualifier.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from corpus.answer_key import SAMPLES_DIR, AnswerKey, ExpectedFigure, iter_keys
from extractor import extract
from models import HighlightsError, Indicator, Report

QUALIFIERS = ("month", "target", "comparator", "previous")


def norm(text: str | None) -> str:
    """Whitespace-normalised text; typographic quotes and dashes folded."""
    if text is None:
        return ""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def score(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scores:
    fields: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    figures: PR = field(default_factory=PR)
    qualifiers: dict[str, PR] = field(default_factory=lambda: defaultdict(PR))
    mismatches: list[str] = field(default_factory=list)

    def check(self, doc: str, name: str, expected: object, got: object) -> None:
        ok = expected == got
        self.fields[name].add(ok)
        if not ok:
            self.mismatches.append(f"{doc}: {name}: expected {expected!r}, got {got!r}")


def score_structure(scores: Scores, key: AnswerKey, got: Report) -> None:
    """Metadata, headline, bullets and assessments of one document."""
    exp, doc = key.report, key.document
    check = scores.check
    check(doc, "authority.name", exp.authority and exp.authority.name,
          got.authority and got.authority.name)
    check(doc, "authority.canonical", exp.authority and exp.authority.canonical,
          got.authority and got.authority.canonical)
    for part in ("start", "end"):
        check(doc, f"period.{part}", getattr(exp.period, part, None),
              getattr(got.period, part, None))
    check(doc, "adviser", exp.adviser, got.adviser)
    check(doc, "case_lead", exp.case_lead, got.case_lead)
    check(doc, "next_update.month", exp.next_update and exp.next_update.month,
          got.next_update and got.next_update.month)
    check(doc, "headline", norm(exp.headline), norm(got.headline))
    for section in ("going_well", "risks", "coming_up", "additional_info"):
        want = [norm(getattr(i, "text", i)) for i in getattr(exp, section)]
        have = [norm(getattr(i, "text", i)) for i in getattr(got, section)]
        check(doc, f"{section}.count", len(want), len(have))
        for index, text in enumerate(want):
            check(doc, f"{section}.text", text, have[index] if index < len(have) else None)
    check(doc, "assessments.areas", [a.area for a in exp.assessments],
          [a.area for a in got.assessments])
    by_area = {a.area: a for a in got.assessments}
    for a in exp.assessments:
        found = by_area.get(a.area)
        check(doc, "assessments.rating", (a.area, a.rating), (a.area, found and found.rating))
        check(doc, "assessments.title", norm(a.title), norm(found and found.title))
        check(doc, "assessments.plan_items", [norm(p) for p in a.plan_items],
              [norm(p) for p in found.plan_items] if found else None)
        check(doc, "assessments.summary", norm(a.summary), norm(found and found.summary))


def score_figures(scores: Scores, key: AnswerKey, got: Report) -> None:
    """Figures matched one-to-one on (value, unit, area); then their qualifiers."""
    pool = list(got.indicators)
    for figure in key.figures:
        match = _best_match(figure, pool)
        if match is None:
            scores.figures.fn += 1
            scores.mismatches.append(f"{key.document}: figure missed: {figure.text} "
                                     f"({figure.indicator}, {figure.area})")
            continue
        pool.remove(match)
        scores.figures.tp += 1
        for name in QUALIFIERS:
            _score_qualifier(scores, key.document, name, figure, match)
    if key.figures_complete:
        scores.figures.fp += len(pool)
        scores.mismatches += [
            f"{key.document}: extra figure: {f.value:g} {f.unit} ({f.label!r}, {f.area})"
            for f in pool
        ]


def _best_match(figure: ExpectedFigure, pool: list[Indicator]) -> Indicator | None:
    candidates = [f for f in pool if abs(f.value - figure.value) < 1e-6 and f.unit == figure.unit
                  and f.area == figure.area]
    candidates.sort(key=lambda f: (f.month != figure.month, f.indicator != figure.indicator))
    return candidates[0] if candidates else None


def _qualifier(obj: ExpectedFigure | Indicator, name: str) -> object:
    value = getattr(obj, name)
    if name == "previous" and value is not None:
        return (value.value, value.month)
    return value


def _score_qualifier(scores: Scores, doc: str, name: str, expected: ExpectedFigure,
                     got: Indicator) -> None:
    want, have = _qualifier(expected, name), _qualifier(got, name)
    tally = scores.qualifiers[name]
    if want == have:
        tally.tp += want is not None
        return
    if want is not None:
        tally.fn += 1
    if have is not None:
        tally.fp += 1
    scores.mismatches.append(f"{doc}: {expected.text} {name}: expected {want!r}, got {have!r}")


def evaluate(keys: Iterable[AnswerKey], extract_fn: Callable[..., Report] = extract) -> Scores:
    """Extract every key's document and score it."""
    scores = Scores()
    for key in keys:
        try:
            got = extract_fn(SAMPLES_DIR / key.document)
        except HighlightsError as error:
            scores.check(key.document, "extracted", True, str(error))
            continue
        scores.check(key.document, "extracted", True, True)
        score_structure(scores, key, got)
        score_figures(scores, key, got)
    return scores


def render(scores: Scores) -> str:
    """The README's tables."""
    lines = ["| field | right | total | accuracy |", "|---|---:|---:|---:|"]
    for name, tally in scores.fields.items():
        lines.append(f"| {name} | {tally.right} | {tally.total} | {tally.score:.1%} |")
    lines += ["", "| figures | precision | recall |", "|---|---:|---:|"]
    lines.append(f"| value, unit, area | {scores.figures.precision:.3f} | "
                 f"{scores.figures.recall:.3f} |")
    for name in QUALIFIERS:
        pr = scores.qualifiers[name]
        lines.append(f"| {name} | {pr.precision:.3f} | {pr.recall:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every mismatch")
    parser.add_argument("--only", default=None, help="regex on the document path")
    args = parser.parse_args()
    keys = [k for k in iter_keys() if not args.only or re.search(args.only, k.document)]
    scores = evaluate(keys)
    print(f"{len(keys)} documents\n")
    print(render(scores))
    if args.details:
        print("\n" + "\n".join(scores.mismatches))


if __name__ == "__main__":
    main()
