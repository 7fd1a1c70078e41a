"""Period-on-period change summaries of the archive's authorities."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby, pairwise
from pathlib import Path

from corpus.store import StoredReport, open_store
from models.change import ChangeSummary
from models.errors import ArchiveError
from models.report import Report

__all__ = ["archive_texts", "archive_changes"]


def archive_texts(reports: Sequence[Report]) -> list[str]:
    """Every risk and going-well text of ``reports``: the vocabulary for comparing items."""
    return [item.text for report in reports for item in (*report.risks, *report.going_well)]


def _period_order(stored: StoredReport) -> tuple[str, str]:
    period = stored.report.period
    return (period.start or "", period.end or "") if period else ("", "")


def archive_changes(db: str | Path, authority: str | None = None) -> list[ChangeSummary]:
    """One summary per pair of consecutive periods, oldest first, grouped by authority.

    ``authority`` (canonical or full name, any case) limits it to one authority; reports
    without a period start cannot be placed in order and are left out. Raises
    :class:`ArchiveError` when the archive holds no report of ``authority``.
    """
    from comparisons import compare

    store = open_store(db)
    try:
        stored = list(store.reports(authority=authority))
    finally:
        store.close()
    if authority and not stored:
        raise ArchiveError(f"no reports of {authority!r} in the archive", db)
    context = archive_texts([s.report for s in stored])
    dated = [s for s in stored if s.report.period and s.report.period.start]
    summaries = []
    for _, series in groupby(dated, key=lambda s: s.report.authority.canonical
                             if s.report.authority else ""):
        ordered = sorted(series, key=_period_order)
        summaries += [compare(old.report, new.report, context=context)
                      for old, new in pairwise(ordered)]
    return summaries
