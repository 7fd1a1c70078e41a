"""The archive regrouped for the site: each authority's reports by period, and their changes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from comparisons import compare
from corpus.changes import archive_texts
from corpus.store import StoredReport
from models.change import ChangeSummary
from models.report import Report

__all__ = ["AUTHORITIES", "AuthorityHistory", "histories", "slugify"]

UNKNOWN_AUTHORITY = "Unknown authority"
AUTHORITIES = "authorities"
"""The folder of the site holding one page per authority."""


@dataclass(frozen=True)
class AuthorityHistory:
    """One authority: its reports oldest first, their source files, and the change summaries
    of each consecutive pair (oldest pair first). ``slug`` names its page."""

    canonical: str
    name: str
    slug: str
    reports: tuple[Report, ...]
    sources: tuple[str, ...]
    changes: tuple[ChangeSummary, ...]

    @property
    def page(self) -> str:
        """Its page, relative to the site folder."""
        return f"{AUTHORITIES}/{self.slug}.html"

    @property
    def latest(self) -> Report:
        """The report of the latest period."""
        return self.reports[-1]

    @property
    def previous(self) -> Report | None:
        """The report of the period before the latest, if there is one."""
        return self.reports[-2] if len(self.reports) > 1 else None


def slugify(text: str) -> str:
    """``Eastmoor & Vale`` → ``eastmoor-vale``: lower-case ASCII letters, digits and dashes."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "authority"


def _period_order(stored: StoredReport) -> tuple[str, str]:
    period = stored.report.period
    return (period.start or period.end or "", period.end or "") if period else ("", "")


def histories(stored: Sequence[StoredReport]) -> list[AuthorityHistory]:
    """Group reports by authority (alphabetical), each oldest period first, with its changes.

    Items are aligned against the vocabulary of the whole archive, as ``highlights changes``
    does, so the site and the command agree.
    """
    context = archive_texts([item.report for item in stored])
    groups: dict[str, list[StoredReport]] = {}
    for item in stored:
        authority = item.report.authority
        canonical = authority.canonical if authority else UNKNOWN_AUTHORITY
        groups.setdefault(canonical.casefold(), []).append(item)
    result: list[AuthorityHistory] = []
    used: set[str] = set()
    for key in sorted(groups):
        members = sorted(groups[key], key=_period_order)
        reports = tuple(member.report for member in members)
        authority = reports[-1].authority
        canonical = authority.canonical if authority else UNKNOWN_AUTHORITY
        slug = base = slugify(canonical)
        suffix = 2
        while slug in used:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used.add(slug)
        result.append(AuthorityHistory(
            canonical=canonical,
            name=authority.name if authority else UNKNOWN_AUTHORITY,
            slug=slug,
            reports=reports,
            sources=tuple(member.path for member in members),
            changes=tuple(compare(old, new, context=context) for old, new in pairwise(reports)),
        ))
    return result
