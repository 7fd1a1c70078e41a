"""Words and numbers of a change summary as a reader sees them; shared by every renderer."""

from __future__ import annotations

from datetime import date

from comparisons.settings import RagStyle, settings
from models.change import ChangeSummary, IndicatorChange, IndicatorPoint, RatingChange
from models.rating import Rating
from models.report import Period

__all__ = ["plural", "headline", "title", "period_label", "month_label", "rating_label",
           "rag_style", "change_label", "value_label", "point_label", "delta_label"]

def plural(count: int, noun: str) -> str:
    """``1 risk``, ``3 new risks``: the count, then the noun in its number."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def headline(summary: ChangeSummary) -> str:
    """One line: ratings improved/declined; new/resolved risks; indicators moved/for the better."""
    kinds = [change.change for change in summary.ratings]
    moved = [change for change in summary.indicators if change.direction != "flat"]
    better = sum(change.assessment == "better" for change in moved)
    return (f"{plural(kinds.count('improved'), 'rating')} improved, "
            f"{kinds.count('declined')} declined; "
            f"{plural(len(summary.risks.new), 'new risk')}, "
            f"{len(summary.risks.resolved)} resolved; "
            f"{plural(len(moved), 'indicator')} moved, {better} for the better")


def period_label(period: Period | None) -> str:
    """The period as the report names it."""
    return period.label if period else "unknown period"


def title(summary: ChangeSummary) -> str:
    """``Northshire: July to December 2020 → January to March 2021``."""
    name = summary.authority.canonical if summary.authority else "Unknown authority"
    return f"{name}: {period_label(summary.from_period)} → {period_label(summary.to_period)}"


def month_label(month: str | None) -> str:
    """``2020-10`` → ``Oct 2020``; anything unparsable is shown as given."""
    if not month:
        return ""
    try:
        return date.fromisoformat(f"{month}-01").strftime("%b %Y")
    except ValueError:
        return month


def rating_label(rating: Rating | None) -> str:
    """``Amber/Green``; an unrated area is ``not rated``."""
    return rag_style(rating).label if rating else "not rated"


def rag_style(rating: Rating | None) -> RagStyle:
    """The label and colours a rating is shown with (an unrated area is plain)."""
    if rating is None:
        return RagStyle(label="not rated", background="#ffffff", foreground="#000000")
    return settings().rag[rating.value]


def change_label(change: RatingChange) -> str:
    """The kind of rating change in words."""
    return settings().words.change[change.change]


def value_label(value: float, unit: str) -> str:
    """``85%``, ``26 weeks``, ``£1,200``, ``88``."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "money":
        return f"£{number}"
    return f"{number}{settings().words.unit_suffix.get(unit, '')}"


def point_label(point: IndicatorPoint, unit: str) -> str:
    """``85% (Oct 2020)``."""
    value, month = value_label(point.value, unit), month_label(point.month)
    return f"{value} ({month})" if month else value


def delta_label(change: IndicatorChange) -> str:
    """``+3 pp``, ``-12``, ``+2 weeks``, ``0 pp``: percentage changes are in percentage points."""
    sign = "+" if change.delta > 0 else "-" if change.delta < 0 else ""
    if change.unit == "percent":
        return f"{sign}{value_label(abs(change.delta), 'count')} pp"
    return sign + value_label(abs(change.delta), change.unit)
