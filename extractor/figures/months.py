"""Months named in a sentence, resolved against the report's period, and given to figures.

A figure takes the month written straight after it ("63% in October", "85% in June 2020"), or
after a bracket of its own qualifiers ("26% (target 24%) in March"); otherwise a month of its
own clause, or the one free month of its sentence. Months in a range ("in September and
October", "from October 19 to October 20") make the month unknown; months after "since", "by",
"until", "from" are not when the figure was measured. A month without a year falls in the year
of the period's end, or the year before when it would come after the period's end; without a
period it stays unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from extractor.figures.candidates import Figure, window
from extractor.figures.patterns import FigurePatterns
from models.report import Month

__all__ = [
    "MonthMention", "find_months", "resolve_month", "claim_adjacent", "lift_bracket_months",
    "assign_months", "date_previous",
]


@dataclass
class MonthMention:
    """A month named at ``start``..``end`` of a sentence; ``month`` is None if unresolved.

    ``kind`` is "month", "range" (not the last month of a range), "since" ("since June") or
    "excluded" ("by March", "until June").
    """

    start: int
    end: int
    month: Month | None
    kind: str = "month"
    owner: int | None = None

    @property
    def usable(self) -> bool:
        return self.kind == "month"


def resolve_month(number: int, year: int | None, period_end: str | None) -> Month | None:
    """``YYYY-MM`` of a month, taking a missing year from the period's end."""
    if year is None:
        bound = re.match(r"(\d{4})-(\d{2})", period_end or "")
        if not bound:
            return None
        end_year, end_month = int(bound.group(1)), int(bound.group(2))
        year = end_year if number <= end_month else end_year - 1
    elif year < 100:
        year += 2000
    return f"{year:04d}-{number:02d}"


def find_months(text: str, pats: FigurePatterns, period_end: str | None) -> list[MonthMention]:
    """Every month named in ``text``, with ranges and 'since/by' months marked unusable."""
    ranges = [m.span() for m in pats.month_range.finditer(text)]
    found = list(pats.month_mention.finditer(text))
    # a range ("in September and October") stands for its last month, unless "between"
    range_ends = {max((m.start() for m in found if s <= m.start() < e), default=-1)
                  for s, e in ranges if not pats.between.search(window(text, s))}
    mentions: list[MonthMention] = []
    for m in found:
        number = pats.months[m.group("name").lower()]
        year = int(m.group("year")) if m.group("year") else None
        kind = "month"
        if m.start() not in range_ends and any(s <= m.start() < e for s, e in ranges):
            kind = "range"
        elif pats.since_month.search(window(text, m.start())):
            kind = "since"
        elif pats.not_measure_month.search(window(text, m.start())):
            kind = "excluded"
        mentions.append(MonthMention(m.start(), m.end(), resolve_month(number, year, period_end),
                                     kind))
    return mentions


def claim_adjacent(text: str, figures: list[Figure], mentions: list[MonthMention],
                   pats: FigurePatterns) -> None:
    """Give each figure the month written straight after it ("63% in October")."""
    starts = [m.start for m in mentions]
    for i, fig in enumerate(figures):
        at = bisect_left(starts, fig.end)
        if at == len(mentions):
            continue
        mention = mentions[at]
        if pats.month_after_figure.match(text[fig.end:mention.start]):
            mention.owner = i
            if mention.usable:
                fig.month = mention.month


_QUALIFIERS = ("target", "comparator", "previous")


def lift_bracket_months(text: str, figures: list[Figure], mentions: list[MonthMention],
                        pats: FigurePatterns) -> None:
    """"Re-referrals were 26% (target 24%) in March": the month written after a bracket of
    qualifiers belongs to the measure before the bracket, not to the last qualifier in it (after
    :func:`classify_roles`). A "compared with N" that so loses its month is dropped."""
    for mention in mentions:
        j = mention.owner
        if j is None or not mention.usable or figures[j].role not in _QUALIFIERS:
            continue
        i = j - 1
        while i >= 0 and figures[i].role in _QUALIFIERS:
            i -= 1
        if i < 0 or figures[i].role != "measure" or figures[i].month is not None:
            continue
        outer = figures[i]
        if not pats.month_after_bracket.match(text[outer.end:mention.start]):
            continue
        mention.owner, outer.month = i, mention.month
        inner = figures[j]
        inner.month = None
        if inner.role == "previous" and pats.compared_left.search(text[outer.end:inner.start]):
            inner.role = "dropped"


def assign_months(text: str, figures: list[Figure], mentions: list[MonthMention],
                  pats: FigurePatterns) -> None:
    """Set ``month`` on the measured figures from their clause (after :func:`claim_adjacent`).

    The nearest free month before the figure (back to the previous measure, not past a
    semicolon; not one an earlier measure took as the month after it), else the first after it
    in the same clause, else the one month named earlier in the sentence (free or of an earlier
    measure, never a target's or previous value's).
    """
    measures = [i for i, f in enumerate(figures) if f.role == "measure"]
    owners = {m.owner for m in mentions}
    free = [m for m in mentions if m.owner is None and m.usable]
    free_starts = [m.start for m in free]
    earlier = _single_months([m for m in mentions if m.usable and (
        m.owner is None or figures[m.owner].role == "measure")])
    for pos, i in enumerate(measures):
        fig = figures[i]
        if fig.month or i in owners:
            continue
        lo = figures[measures[pos - 1]].end if pos else 0
        hi = figures[measures[pos + 1]].start if pos + 1 < len(measures) else len(text)
        before = [m for m in free[bisect_left(free_starts, lo):bisect_left(free_starts, fig.start)]
                  if m.end <= fig.start and m.owner is None
                  and not pats.month_sentence_break.search(text, m.end, fig.start)]
        at = bisect_left(free_starts, fig.end)
        after = free[at] if at < len(free) and free[at].start < hi else None
        if after and pats.month_clause_break.search(text[fig.end:after.start]):
            after = None
        if before:
            fig.month = before[-1].month
        elif after:
            fig.month, after.owner = after.month, i  # not the next measure's month before it
        else:
            fig.month = earlier(fig.start)


def _single_months(mentions: list[MonthMention]) -> Callable[[int], Month | None]:
    """A lookup: the one month among ``mentions`` ending by a position, or None (none or many)."""
    ordered = sorted(mentions, key=lambda m: m.end)
    ends = [m.end for m in ordered]
    seen: set[Month | None] = set()
    single: list[Month | None] = []
    for m in ordered:
        seen.add(m.month)
        single.append(m.month if len(seen) == 1 else None)

    def lookup(position: int) -> Month | None:
        count = bisect_right(ends, position)
        return single[count - 1] if count else None

    return lookup


def date_previous(figures: list[Figure], mentions: list[MonthMention]) -> None:
    """Give an earlier value without a month the sentence's one "since" month, if any."""
    since = {m.month for m in mentions if m.kind == "since"}
    if len(since) != 1:
        return
    month = since.pop()
    for fig in figures:
        if fig.previous is not None and fig.previous.month is None:
            fig.previous = fig.previous.model_copy(update={"month": month})
