"""Items of the archive that say the same thing as a text, in other words."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.search import hit_of, passage_filter
from corpus.settings import settings
from corpus.store import open_store
from corpus.vectors import vectorise
from models.rating import Rating
from models.search import SearchResult

__all__ = ["similar"]


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def similar(db: str | Path, text: str, *, authority: str | None = None,
            section: str | None = None, area: str | None = None,
            rating: str | Rating | None = None, since: str | None = None,
            until: str | None = None, limit: int = 20, threshold: float | None = None
            ) -> SearchResult:
    """Passages of the current reports whose TF-IDF cosine similarity to ``text`` passes the
    threshold (default from archive.toml): risks first, then by similarity.

    The text itself, where it stands in the archive word for word, is not a hit.
    """
    config = settings().similar
    where = passage_filter(authority=authority, section=section, area=area, rating=rating,
                           since=since, until=until)
    store = open_store(db)
    try:
        passages = [p for p in store.passages(where) if _normal(p.text) != _normal(text)]
    finally:
        store.close()
    if not passages or not text.strip():
        return SearchResult(query=text, total=0)
    vectors = vectorise([p.text for p in passages] + [text]).matrix
    scores = (vectors[:-1] @ vectors[-1].T).toarray().ravel()
    cutoff = config.threshold if threshold is None else threshold
    ranked = sorted((index for index, score in enumerate(scores) if score >= cutoff),
                    key=lambda i: (passages[i].section != config.first_section, -scores[i], i))
    return SearchResult(query=text, total=len(ranked), hits=[
        hit_of(passages[i], score=float(scores[i])) for i in ranked[:limit]])
