"""SQL pieces for the archive's FTS5 index and filters (schema version 4).

The index ``passages_fts`` holds current passages only; its ``tags`` column carries each
passage's section, area, authority, rating and first and last month as one word each, so every
filter is part of the MATCH expression and a search joins nothing. For :func:`filter_sql` (the
passages listing) the filters are SQL conditions over ``items i`` and ``documents d``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpus.store import PassageFilter

__all__ = ["RANK", "tag_phrase", "month_phrase", "period_queries", "match_expression",
           "filter_sql"]

RANK = "bm25(passages_fts, 1.0, 0.0)"  # the text column ranks; tags only filter


# Characters the ``passages`` view (schema.sql, version 3) removes from a tag value.
_TAG_DROPPED = (" ", "-", "'", ".", ",", "&", "_")


def tag_phrase(kind: str, value: str) -> str:
    """The FTS5 phrase that matches one tag of the ``passages`` view (``sectionrisks``)."""
    word = kind + value
    for character in _TAG_DROPPED:
        word = word.replace(character, "")
    return '"' + word.replace('"', '""') + '"'


def month_phrase(kind: str, month: str) -> str:
    """The FTS5 phrase of a period tag (``periodend202103``), as the ``passages`` view writes
    it: ``kind`` is ``periodstart`` or ``periodend``, ``month`` a stored ``YYYY-MM``."""
    return '"' + (kind + month.replace("-", "")).replace('"', '""') + '"'


def period_queries(where: PassageFilter) -> list[tuple[str, str, list[Any]]]:
    """For ``--since`` and ``--until``: the tag kind and the SQL (with its parameters) that
    lists the stored months of current reports the filter keeps (through an index)."""
    queries: list[tuple[str, str, list[Any]]] = []
    if where.since:
        queries.append(("periodend", "SELECT DISTINCT period_end FROM documents "
                        "WHERE is_current = 1 AND period_end >= ?", [where.since]))
    if where.until:
        queries.append(("periodstart", "SELECT DISTINCT period_start FROM documents "
                        "WHERE is_current = 1 AND period_start <= ?", [where.until]))
    return queries


def match_expression(fts_query: str, where: PassageFilter, authorities: Sequence[str] = (),
                     periods: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """``fts_query`` on the text column, ANDed with the section, area, rating, authority and
    period tags.

    ``authorities`` are the canonical names the ``where.authority`` filter resolved to;
    ``periods`` the months each of :func:`period_queries` found, by tag kind (each must list
    at least one month).
    """
    parts = [f"text : ({fts_query})"]
    if where.section:
        parts.append(f"tags : {tag_phrase('section', where.section)}")
    if where.area:
        parts.append(f"tags : {tag_phrase('area', where.area)}")
    if where.rating:
        parts.append(f"tags : {tag_phrase('rating', where.rating.value)}")
    if authorities:
        either = " OR ".join(tag_phrase("authority", name) for name in authorities)
        parts.append(f"tags : ({either})")
    for kind, months in periods:
        either = " OR ".join(month_phrase(kind, month) for month in months)
        parts.append(f"tags : ({either})")
    return " AND ".join(parts)


def filter_sql(where: PassageFilter, *, indexed: bool = False) -> tuple[str, list[Any]]:
    """SQL conditions over ``i`` (items) and ``d`` (documents), ANDed, and their parameters.

    With ``indexed`` the conditions the FTS index already applies (current reports, section,
    area, authority, rating, period) are left out.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if not indexed:
        clauses.append("d.is_current = 1")
        if where.authority:
            clauses.append(
                "(d.authority = ? COLLATE NOCASE OR d.authority_name = ? COLLATE NOCASE)")
            params += [where.authority, where.authority]
        if where.section:
            clauses.append("i.section = ?")
            params.append(where.section)
        if where.area:
            clauses.append("i.area = ?")
            params.append(where.area)
        if where.rating:
            clauses.append("i.assessment_id IN (SELECT id FROM assessments WHERE rating = ?)")
            params.append(where.rating.value)
    if where.since and not indexed:
        clauses.append("d.period_end >= ?")
        params.append(where.since)
    if where.until and not indexed:
        clauses.append("d.period_start <= ?")
        params.append(where.until)
    return " AND ".join(clauses), params
