"""compare(): two reports of one authority → a :class:`models.ChangeSummary`."""

from __future__ import annotations

from collections.abc import Sequence

from comparisons.align import going_well_changes, risk_changes
from comparisons.guards import check_authorities, period_warnings
from comparisons.indicators import indicator_changes
from comparisons.ratings import rating_changes
from comparisons.scorers import blended_scorer
from comparisons.settings import settings
from models.change import ChangeSummary
from models.report import Report

__all__ = ["compare"]


def _item_texts(*reports: Report) -> tuple[str, ...]:
    return tuple(item.text for report in reports for item in (*report.risks, *report.going_well))


def compare(old: Report, new: Report, *, force: bool = False,
            context: Sequence[str] | None = None) -> ChangeSummary:
    """What changed from ``old`` to ``new``: ratings, risks, going well, indicators.

    ``context`` holds the texts of the whole archive, to fit the TF-IDF vocabulary; without it
    the vocabulary is fitted on the two reports' items. Raises
    :class:`models.DifferentAuthorities` for two authorities unless ``force``.
    """
    warnings = check_authorities(old, new, force=force) + period_warnings(old, new)
    scorer = blended_scorer(tuple(context) if context is not None else _item_texts(old, new))
    threshold = settings().align.threshold
    return ChangeSummary(
        authority=new.authority or old.authority,
        from_period=old.period,
        to_period=new.period,
        ratings=rating_changes(old, new),
        risks=risk_changes(old.risks, new.risks, scorer, threshold=threshold),
        going_well=going_well_changes(old.going_well, new.going_well, scorer,
                                      threshold=threshold),
        indicators=indicator_changes(old, new),
        warnings=warnings,
    )
