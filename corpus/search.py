"""Ranked full-text search over the archive (FTS5, bm25)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field

from corpus.query import to_fts_query
from corpus.store import Passage, PassageFilter, open_store
from models.errors import QuerySyntaxError
from models.rating import Rating
from models.search import SECTIONS, SearchHit, SearchResult

__all__ = ["RankedHit", "passage_filter", "hit_of", "search"]

_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class RankedHit(SearchHit):
    """A search hit plus its snippet for the table view (never serialised)."""

    snippet: str = Field(default="", exclude=True)


def _rating(text: str) -> Rating:
    key = re.sub(r"[^A-Z]+", "_", text.upper()).strip("_").replace("_TO_", "_")
    try:
        return Rating(key)
    except ValueError:
        names = ", ".join(rating.value for rating in Rating)
        raise QuerySyntaxError(f"unknown rating {text!r} (one of {names})") from None


def _month(option: str, value: str) -> str:
    if not _MONTH.match(value):
        raise QuerySyntaxError(f"{option} must be a month as YYYY-MM, not {value!r}")
    return value


def passage_filter(*, authority: str | None = None, section: str | None = None,
                   area: str | None = None, rating: str | Rating | None = None,
                   since: str | None = None, until: str | None = None) -> PassageFilter:
    """Validated filters; a bad value raises :class:`QuerySyntaxError`."""
    if section is not None and section not in SECTIONS:
        raise QuerySyntaxError(f"unknown section {section!r} (one of {', '.join(SECTIONS)})")
    if isinstance(rating, str):
        rating = _rating(rating)
    return PassageFilter(
        authority=authority, section=section, area=area, rating=rating,
        since=_month("--since", since) if since else None,
        until=_month("--until", until) if until else None)


def hit_of(passage: Passage, *, score: float) -> RankedHit:
    """A passage as a contract search hit with the given score."""
    return RankedHit(authority=passage.authority, period=passage.period,
                     section=passage.section,  # type: ignore[arg-type]
                     area=passage.area, text=passage.text, score=float(f"{score:.4g}"),
                     source=passage.source, snippet=passage.snippet)


def search(db: str | Path, query: str, *, authority: str | None = None,
           section: str | None = None, area: str | None = None,
           rating: str | Rating | None = None, since: str | None = None,
           until: str | None = None, limit: int = 20) -> SearchResult:
    """Search the latest report of each authority and period; best matches first.

    ``query`` is FTS5 syntax (phrases in quotes, AND/OR/NOT, ``prefix*``); plain words are all
    required. Scores are bm25, positive, higher is better. Raises :class:`QuerySyntaxError`
    for a query or filter that cannot be parsed, :class:`ArchiveError` for a missing archive.
    """
    where = passage_filter(authority=authority, section=section, area=area, rating=rating,
                           since=since, until=until)
    fts_query = to_fts_query(query)
    store = open_store(db)
    try:
        total, passages = store.search(fts_query, where, limit=limit)
    finally:
        store.close()
    return SearchResult(query=query, total=total,
                        hits=[hit_of(passage, score=passage.score) for passage in passages])
