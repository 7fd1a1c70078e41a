"""Rating changes: every assessment area of either report once, lined up by its ``area`` key."""

from __future__ import annotations

from models.change import RatingChange, RatingChangeKind
from models.rating import Rating
from models.report import Assessment, Report

__all__ = ["rating_change_kind", "rating_changes"]


def rating_change_kind(old: Rating | None, new: Rating | None) -> RatingChangeKind:
    """How a rating moved between two reports that both assess the area (ordinal scale)."""
    if old is None or new is None:
        if old is None and new is not None:
            return "now_rated"
        if old is not None and new is None:
            return "no_longer_rated"
        return "unchanged"
    if new > old:
        return "improved"
    if new < old:
        return "declined"
    return "unchanged"


def _by_area(report: Report) -> dict[str, Assessment]:
    """One assessment per area, in document order; a rated row wins over an unrated duplicate."""
    rows: dict[str, Assessment] = {}
    for row in report.assessments:
        if row.area not in rows or (rows[row.area].rating is None and row.rating is not None):
            rows[row.area] = row
    return rows


def _change(row: Assessment, old: Rating | None, new: Rating | None,
            kind: RatingChangeKind) -> RatingChange:
    return RatingChange.model_validate(
        {"area": row.area, "title": row.title, "from": old, "to": new, "change": kind})


def rating_changes(old: Report, new: Report) -> list[RatingChange]:
    """Every area in either report once: the new report's areas in its order, dropped ones last."""
    before, after = _by_area(old), _by_area(new)
    changes = [
        _change(row, None, row.rating, "new_area") if area not in before
        else _change(row, before[area].rating, row.rating,
                     rating_change_kind(before[area].rating, row.rating))
        for area, row in after.items()
    ]
    changes.extend(_change(row, row.rating, None, "dropped_area")
                   for area, row in before.items() if area not in after)
    return changes
