"""Find the figures of one sentence: numbers with a unit, minus everything that is not a figure.

A number is a figure when it is a percentage ("85%", "85 per cent"), money ("£1.2m"), a ratio
after the word "ratio", a duration in weeks, days or hours that is not a timescale, or a count:
a number followed by one of the count nouns of ``figure_patterns.toml`` ("88 agency workers",
"Eleven children"), or a bare number after such a noun and a verb of level or change ("Contacts
fell to 6,540"). Never figures: dates, years, named numbers ("Phase 2", "COVID-19"), ages,
thresholds ("3 or more"), timescales ("26-week", "within 48 hours"), list numbers, "1:1", parts
("75 of these cases"), bases ("per 10,000", "1 in 4", "100% of the 40 cases"), approximations
("just under 80%"), numbers in words other than counts, word fractions ("Half of", never
reported: not certain enough) and counts of anything not in the count-noun list. The rule for
"the 6 localities", "16 teams" or "98 posts": organisational units describe the service's
structure, not a measure, so their nouns are not count nouns and they are not reported.
Percentage ranges ("16/18%", "20-30%") and proportions ("1 in 4", "three in ten") are skipped
with a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from extractor.figures.patterns import FigurePatterns
from models.report import Month, PreviousValue, Unit

__all__ = ["Figure", "scan_sentence", "window"]


@dataclass
class Figure:
    """A figure inside one sentence; ``start``/``end`` index the sentence text (unit included).

    ``shown_end`` ends the characters reported as its span when they stop before ``end`` (a
    duration shows its number only: "44" of "44 weeks"). ``value`` is None for a word anchor
    ("Half of"), which holds qualifiers but is not reported.
    """

    value: float | None
    unit: Unit
    start: int
    end: int
    noun: str | None = None
    shown_end: int | None = None
    by_subject: bool = False
    role: str = "measure"
    owner: int | None = None
    month: Month | None = None
    label: str = ""
    context: str = ""
    target: float | None = None
    comparator: float | None = None
    previous: PreviousValue | None = None


def window(text: str, end: int, size: int = 80) -> str:
    """The ``size`` characters of ``text`` before ``end``: the left context a cue is read in."""
    return text[max(0, end - size):end]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


class _Blocked:
    """Character ranges no figure may touch, merged and sorted for quick look-up."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def touches(self, start: int, end: int) -> bool:
        """True when ``start``..``end`` overlaps a blocked range."""
        at = bisect_left(self._starts, end) - 1
        return at >= 0 and self._ends[at] > start


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _blocked_spans(text: str, pats: FigurePatterns) -> list[tuple[int, int]]:
    return [m.span() for name, rxs in pats.not_figures.items() for rx in rxs
            for m in rx.finditer(text)
            if name not in pats.ascending_only or _rises(m.group())]


def _rises(text: str) -> bool:
    """Do the numbers of ``text`` go up ("12 to 30"), as a range's do, not down ("31 to 22")?"""
    numbers = [_number(n) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]
    return all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def _special(text: str, pats: FigurePatterns) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Money and ratio figures, and the spans they take."""
    figures: list[Figure] = []
    for m in pats.money.finditer(text):
        mult = pats.multipliers.get((m.group("mult") or "").lower(), 1.0)
        amount = round(_number(m.group("num")) * mult, 2)  # pence at most: £4.1m is 4100000.0
        figures.append(Figure(amount, "money", m.start(), m.end()))
    for m in pats.ratio.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a and (a, b) != (1, 1):
            figures.append(Figure(b / a, "ratio", m.start("a"), m.end("b")))
    return figures, [(f.start, f.end) for f in figures]


def _unit_of(text: str, m: re.Match[str], pats: FigurePatterns) -> tuple[Unit, int] | None:
    """The unit after the number ``m`` and where the figure's text ends, if it has a unit."""
    rest = text[m.end():]
    for unit, rx in pats.units.items():
        um = rx.match(rest)
        if um:
            return unit, m.end() + um.end()  # type: ignore[return-value]
    cm = pats.count_noun.match(rest)
    if cm and not _in_parentheses(text, m.start(), m.end() + cm.end()):
        return "count", m.end()
    return None


# Units a bare number in brackets after a figure takes from it ("26% (target 24)")
_SHARED_UNITS = frozenset({"percent", "weeks", "days", "hours"})


def _count_before(text: str, m: re.Match[str], last_count: int | None,
                  pats: FigurePatterns) -> bool:
    """A bare number counting the noun before it ("Contacts fell to 6,540"), the earlier value of
    a change written before the later one ("fell from 331 to 297"), or the earlier value, target
    or comparator of the count just before it ("fallen to 118 from 212", "(target 400)")."""
    found = pats.count_before.search(window(text, m.start(), 120))
    earlier = found is not None and found.group().rstrip().lower().endswith("from")
    if pats.count_before_not_after.match(text[m.end():]) and not earlier:
        return False
    if last_count is not None and pats.count_qualifier.match(text[last_count:m.start()]):
        return True
    return found is not None


def _glued(text: str, start: int, end: int) -> bool:
    """True when the number is a piece of a longer token such as ``1.2.3`` or ``4,5``."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    return bool(re.fullmatch(r"\d[.,/]", before) or re.fullmatch(r"[.,/]\d", after))


def _in_parentheses(text: str, start: int, end: int) -> bool:
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def _counts_in_words(text: str, blocked: _Blocked, pats: FigurePatterns) -> list[Figure]:
    """Numbers in words straight before a count noun ("Eleven children are ..."), outside
    proportions ("three in ten children"), approximations ("nearly twenty children") and
    choices ("one or two experienced staff")."""
    figures = []
    for m in pats.word_number.finditer(text):
        if (blocked.touches(*m.span()) or pats.approximate.search(window(text, m.start()))
                or pats.word_choice_left.search(window(text, m.start(), 20))):
            continue
        found = _unit_of(text, m, pats)
        if found and found[0] == "count":
            figures.append(Figure(pats.word_numbers[m.group().lower()], "count", *m.span()))
    return figures


def scan_sentence(text: str, pats: FigurePatterns) -> tuple[list[Figure], list[str]]:
    """The figures of ``text`` in order, and warnings about figures deliberately skipped."""
    ranges: list[tuple[int, int]] = []
    warnings: list[str] = []
    for rx in pats.ranges:
        part = "range" if "range" in rx.groupindex else 0
        for m in rx.finditer(text):
            if not _overlaps(*m.span(part), ranges):
                ranges.append(m.span(part))
                warnings.append(f"skipped the range {m.group(part).strip()!r}: "
                                f"{text.strip()[:120]}")
    figures = [f for f in _special(text, pats)[0] if not _overlaps(f.start, f.end, ranges)]
    taken = ranges + [(f.start, f.end) for f in figures]
    proportions = list(pats.proportions.finditer(text))
    warnings.extend(f"skipped the proportion {m.group().strip()!r}: {text.strip()[:120]}"
                    for m in proportions)
    blocked = _Blocked(taken + _blocked_spans(text, pats))
    claimed: list[tuple[int, int]] = []  # "(64)" after "number": counted once
    for m in pats.parenthesised_count.finditer(text):
        span = m.span("num")
        if not blocked.touches(*span):
            noun = m.group("noun") or ""
            figures.append(Figure(_number(m.group("num")), "count", *span, noun=noun))
            claimed.append(span)
    last_count: int | None = None
    for m in pats.number.finditer(text):
        if (
            blocked.touches(*m.span())
            or _overlaps(*m.span(), claimed)
            or _glued(text, *m.span())
            or pats.approximate.search(window(text, m.start()))
        ):
            continue
        found = _unit_of(text, m, pats)
        if found:
            shown = m.end() if found[0] in ("weeks", "days", "hours") else None
            figures.append(Figure(_number(m.group()), found[0], m.start(), found[1],
                                  shown_end=shown))
        elif _count_before(text, m, last_count, pats):
            figures.append(Figure(_number(m.group()), "count", *m.span(), by_subject=True))
        elif (figures and figures[-1].unit in _SHARED_UNITS
              and pats.bracket_qualifier.match(text[figures[-1].end:m.start()])):
            figures.append(Figure(_number(m.group()), figures[-1].unit, *m.span()))
        else:
            continue
        last_count = m.end() if figures[-1].unit == "count" else None
    figures += _counts_in_words(text, _Blocked(taken + [m.span() for m in proportions]), pats)
    for m in pats.anchors.finditer(text):
        if not blocked.touches(*m.span()):
            figures.append(Figure(None, "percent", m.start(), m.end()))
    figures.sort(key=lambda f: f.start)
    return figures, warnings
