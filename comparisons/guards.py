"""Checks before two reports are compared: same authority, and NEW later than OLD."""

from __future__ import annotations

from models.errors import DifferentAuthorities
from models.report import Period, Report

__all__ = ["check_authorities", "period_warnings"]


def _name(report: Report) -> str:
    return report.authority.canonical if report.authority else "unknown authority"


def _source(report: Report, fallback: str) -> str:
    return report.source.path if report.source else fallback


def check_authorities(old: Report, new: Report, *, force: bool = False) -> list[str]:
    """Raise :class:`DifferentAuthorities` unless both reports are of one authority or ``force``.

    Returns the warnings to record: the mismatch when forced, a missing authority otherwise.
    """
    if old.authority is None or new.authority is None:
        return ["authority missing: cannot check both reports are of one authority"]
    if old.authority.canonical.casefold() == new.authority.canonical.casefold():
        return []
    reason = (f"different authorities: OLD is {_name(old)}, NEW is {_name(new)}"
              " (use --force to compare anyway)")
    if not force:
        paths = f"{_source(old, 'OLD')} and {_source(new, 'NEW')}"
        raise DifferentAuthorities(reason, paths)
    return [f"compared reports of different authorities: OLD is {_name(old)}, "
            f"NEW is {_name(new)}"]


def _label(period: Period | None) -> str:
    return period.label if period else "unknown period"


def _last_month(period: Period | None) -> str | None:
    return (period.end or period.start) if period else None


def period_warnings(old: Report, new: Report) -> list[str]:
    """A warning when NEW's period is not later than OLD's, or when either period is unknown."""
    old_end, new_end = _last_month(old.period), _last_month(new.period)
    if old_end is None or new_end is None:
        return ["reporting period missing: cannot check NEW is later than OLD"]
    if new_end <= old_end:
        return [f"NEW ({_label(new.period)}) is not later than OLD ({_label(old.period)})"]
    return []
