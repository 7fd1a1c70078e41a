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


def _any_word(text: str) -> str | None:
    """An FTS5 query matching passages that share a content word with ``text``."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = dict.fromkeys(w for w in re.findall(r"[^\W\d_]{3,}", text.lower())
                          if w not in ENGLISH_STOP_WORDS)
    return " OR ".join(f'"{word}"' for word in words) or None


def similar(db: str | Path, text: str, *, authority: str | None = None,
            section: str | None = None, area: str | None = None,
            rating: str | Rating | None = None, since: str | None = None,
            until: str | None = None, limit: int = 20, threshold: float | None = None
            ) -> SearchResult:
    """Passages of the current reports whose TF-IDF cosine similarity to ``text`` passes the
    threshold (default from archive.toml): risks first, then by similarity.

    The candidates are the passages sharing the most (stemmed) words with ``text``, found by
    the full-text index (at most ``candidates`` of archive.toml), so the cost does not grow with
    the archive. The text itself, where it stands in the archive word for word, is not a hit.
    """
    config = settings().similar
    where = passage_filter(authority=authority, section=section, area=area, rating=rating,
                           since=since, until=until)
    query = _any_word(text)
    if query is None:
        return SearchResult(query=text, total=0)
    store = open_store(db)
    try:
        _, found = store.search(query, where, limit=config.candidates)
    finally:
        store.close()
    passages = [p for p in found if _normal(p.text) != _normal(text)]
    if not passages:
        return SearchResult(query=text, total=0)
    vectors = vectorise([p.text for p in passages] + [text]).matrix
    scores = (vectors[:-1] @ vectors[-1].T).toarray().ravel()
    cutoff = config.threshold if threshold is None else threshold
    ranked = sorted((index for index, score in enumerate(scores) if score >= cutoff),
                    key=lambda i: (passages[i].section != config.first_section, -scores[i],
                                   passages[i].source, passages[i].text))
    return SearchResult(query=text, total=len(ranked), hits=[
        hit_of(passages[i], score=float(scores[i])) for i in ranked[:limit]])
