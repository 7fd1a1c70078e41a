"""Rating changes: every assessment area of either report once, lined up by its ``area`` key."""

from __future__ import annotations

from models.change import RatingChange, RatingChangeKind
from models.rating import Rating
from models.report import Assessment, Report

__all__ = ["rating_change_kind", "rating_changes"]

_MIN_SHARED_WORDS = 2  # words of a key another must start with to continue it


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


def _words_extend(short: str, long: str) -> bool:
    """Do the words of key ``long`` start with all the words (two or more) of ``short``?"""
    head, words = short.split("_"), long.split("_")
    return len(head) >= _MIN_SHARED_WORDS and words[:len(head)] == head


def _renamed(before: dict[str, Assessment], after: dict[str, Assessment]) -> dict[str, str]:
    """The old key each area of the new report alone continues, when exactly one area of the
    old report alone has a key whose words one of the two keys starts with: an own priority
    whose title gained or lost a tail ("Sufficiency of placements" / "Sufficiency of placements
    Local priority: enough good local homes")."""
    olds = [key for key in before if key not in after]
    found: dict[str, str] = {}
    for key in (key for key in after if key not in before):
        matches = [o for o in olds if o not in found.values()
                   and (_words_extend(o, key) or _words_extend(key, o))]
        if len(matches) == 1:
            found[key] = matches[0]
    return found


def rating_changes(old: Report, new: Report) -> list[RatingChange]:
    """Every area in either report once: the new report's areas in its order, dropped ones last.
    Areas line up by key, and an own priority whose title gained or lost a tail by the key its
    words start with (:func:`_renamed`)."""
    before, after = _by_area(old), _by_area(new)
    renamed = _renamed(before, after)
    changes = []
    for area, row in after.items():
        was = before.get(renamed.get(area, area))
        changes.append(_change(row, None, row.rating, "new_area") if was is None else _change(
            row, was.rating, row.rating, rating_change_kind(was.rating, row.rating)))
    continued = set(renamed.values())
    changes.extend(_change(row, row.rating, None, "dropped_area")
                   for area, row in before.items() if area not in after and area not in continued)
    return changes
