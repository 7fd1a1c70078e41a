"""Tell measured figures from targets, comparators and previous values, and link them.

Cue words live in ``figure_patterns.toml`` ``[roles]``. A target, comparator or previous value is
given to a measured figure of the same unit and is never reported on its own: a "for X" inside
a target clause picks the measure whose label shares X's words ("12% is the target set for
inadequate practice"); "from N to M" gives N to M; otherwise the nearest measure before it,
else the nearest after it. "compared to N" is a previous value when N has an earlier month of
its own or an earlier year or period follows it ("in 2023/24"), a comparator when a comparator
word follows, and is dropped otherwise. Changes ("increased by 5%", "a 10% reduction") and
forecasts ("expects 120 children to ...") are dropped: they are not the level of a measure;
money an over- or underspend is "by" ("overspent by £2.3m") is the overspend's level and is
kept. "(was N)" is an earlier value.
"""

from __future__ import annotations

import re

from extractor.figures.candidates import Figure
from extractor.figures.patterns import FigurePatterns
from models.report import PreviousValue

__all__ = ["classify_roles", "attach_qualifiers", "words"]


def words(text: str, pats: FigurePatterns) -> set[str]:
    """Content words of ``text``, lower-cased, for overlap scores."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in pats.stop_words}


def _role(text: str, figures: list[Figure], i: int, pats: FigurePatterns) -> tuple[str, int | None]:
    fig = figures[i]
    left = text[figures[i - 1].end if i else 0: fig.start]
    right = text[fig.end:]
    nxt = figures[i + 1] if i + 1 < len(figures) else None
    if fig.value is None:
        return "measure", None
    level_by = fig.unit == "money" and pats.money_level_left.search(left)
    if (
        (pats.change_left.search(left) and not level_by)
        or pats.change_amount_right.match(right)
        or pats.hypothetical_left.search(left)
        or pats.hypothetical_right.match(right)
    ):
        return "dropped", None
    if any(rx.search(left) for rx in pats.target_left) or any(
        rx.match(right) for rx in pats.target_right
    ):
        return "target", None
    if any(rx.search(left) for rx in pats.comparator_left) or any(
        rx.match(right) for rx in pats.comparator_right
    ):
        return "comparator", None
    if nxt and nxt.unit == fig.unit and pats.change_right.match(text[fig.end: nxt.start]):
        return "previous", i + 1
    if i and figures[i - 1].owner == i:  # the M of "from N in Q3 to M in Q4" is the level
        return "measure", None
    if any(rx.search(left) for rx in pats.previous_left) or pats.previous_right.match(right):
        return "previous", None
    if pats.compared_left.search(left):
        return "compared", None
    prev = figures[i - 1] if i else None
    if (
        prev is not None
        and prev.role == "target"
        and pats.coordinated_between.search(left)
        and pats.coordinated_right.match(right)
    ):
        return "target", None
    return "measure", None


def classify_roles(text: str, figures: list[Figure], pats: FigurePatterns) -> None:
    """Set ``role`` (and ``owner`` for 'from N to M') on each figure of sentence ``text``."""
    for i, fig in enumerate(figures):
        fig.role, fig.owner = _role(text, figures, i, pats)
    for fig in figures:
        if fig.role == "compared":
            earlier = fig.month or pats.compared_earlier_right.match(text[fig.end:])
            fig.role = "previous" if earlier else "dropped"
    _latest_stands(text, figures, pats)


def _latest_stands(text: str, figures: list[Figure], pats: FigurePatterns) -> None:
    """In a sentence with no measure, the last earlier value of each unit is the level it
    reports ("Spending was £2.1m last year"; "28% in Q1 and 24% in Q2": 24%), unless the
    sentence refers back ("This compares with 31% last year")."""
    if pats.anaphoric_start.match(text) or any(
            fig.role == "measure" and fig.value is not None for fig in figures):
        return
    last: dict[str, Figure] = {}
    for fig in figures:
        if fig.role == "previous" and fig.owner is None:
            last[fig.unit] = fig
    for fig in last.values():
        if not pats.restated_left.search(text[:fig.start]):
            fig.role = "measure"


def _slot(fig: Figure, role: str) -> bool:
    """True when ``fig`` has no value yet for qualifier ``role``."""
    return getattr(fig, role) is None


def _by_words(what: str, candidates: list[Figure], pats: FigurePatterns) -> Figure | None:
    """The candidate whose label shares most of ``what``'s distinctive words, if one stands out."""
    want = words(what, pats)
    label_words = [words(c.label, pats) for c in candidates]
    counts: dict[str, int] = {}
    for ws in label_words:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    scores = [sum(1 / counts[w] for w in want & ws) for ws in label_words]
    best = max(scores, default=0.0)
    if best <= 0 or scores.count(best) > 1:
        return None
    return candidates[scores.index(best)]


def _owner(text: str, figures: list[Figure], i: int, pats: FigurePatterns) -> Figure | None:
    fig = figures[i]
    if fig.owner is not None:
        return figures[fig.owner]
    candidates = [f for f in figures if f.role == "measure" and f.unit == fig.unit
                  and _slot(f, fig.role)]
    if fig.role == "target":
        stop = figures[i + 1].start if i + 1 < len(figures) else len(text)
        clause = pats.clause_breakers.split(text[fig.end:stop], maxsplit=1)[0]
        for_match = pats.target_for.search(clause)
        chosen = _by_words(for_match.group("what"), candidates, pats) if for_match else None
        if chosen is not None:
            return chosen
    before = [f for f in candidates if f.end <= fig.start]
    if before:
        return before[-1]
    after = next((f for f in candidates if f.start >= fig.end), None)
    if after is None or pats.no_forward.search(text[fig.end:after.start]):
        return None
    return after


def attach_qualifiers(text: str, figures: list[Figure], pats: FigurePatterns) -> list[Figure]:
    """Give each qualifier to its measure; return the qualifiers left without one."""
    orphans: list[Figure] = []
    for i, fig in enumerate(figures):
        if fig.role not in ("target", "comparator", "previous") or fig.value is None:
            continue
        owner = _owner(text, figures, i, pats)
        if owner is None or not _slot(owner, fig.role):
            orphans.append(fig)
        elif fig.role == "previous":
            owner.previous = PreviousValue(value=fig.value, month=fig.month)
        else:
            setattr(owner, fig.role, fig.value)
    return orphans
