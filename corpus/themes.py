"""The current risks of every authority, grouped into labelled themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from corpus.settings import settings
from corpus.store import Passage, PassageFilter, open_store
from corpus.vectors import vectorise
from models.report import Period

__all__ = ["ThemeItem", "Theme", "current_risks", "themes"]


class ThemeItem(BaseModel):
    """One risk of a theme, with its authority and period."""

    authority: str | None
    period: Period | None
    text: str


class Theme(BaseModel):
    """A group of risks that say similar things, labelled by its distinguishing terms; its
    items run from the most typical of the group to the least."""

    label: str
    terms: list[str]
    size: int
    items: list[ThemeItem]
    authorities: list[str]


def current_risks(db: str | Path) -> list[Passage]:
    """The risks of the latest period of each authority."""
    store = open_store(db)
    try:
        risks = list(store.passages(PassageFilter(section="risks")))
    finally:
        store.close()
    latest: dict[str | None, tuple[str, str, str]] = {}
    for risk in risks:
        latest[risk.authority] = max(latest.get(risk.authority, _recency(risk)), _recency(risk))
    return [risk for risk in risks if _recency(risk) == latest[risk.authority]]


def _recency(passage: Passage) -> tuple[str, str, str]:
    """Sorts a passage's report by period end, then start (then file, to break ties)."""
    period = passage.period
    return (period.end or "", period.start or "", passage.source) if period else (
        "", "", passage.source)


def _choose_k(matrix: Any, count: int) -> list[int]:
    """Cluster labels for the k (by silhouette, cosine) that separates the texts best."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    config = settings().themes
    best: tuple[float, list[int]] = (-2.0, [0] * count)
    for k in range(config.min_k, min(config.max_k, count - 1) + 1):
        model = KMeans(n_clusters=k, random_state=config.random_state, n_init=10)
        labels = model.fit_predict(matrix).tolist()
        if len(set(labels)) < 2:
            continue
        score = float(silhouette_score(matrix, labels, metric="cosine", sample_size=min(
            count, config.silhouette_sample), random_state=config.random_state))
        if score > best[0]:
            best = (score, labels)
    return best[1]


def _top_terms(words: Any, members: list[int], vocabulary: tuple[str, ...], n: int) -> list[str]:
    """Terms whose weight in the members most exceeds their weight overall; a phrase only
    where two members share it (a pair of words from one risk labels nothing)."""
    import numpy as np

    group = words[members]
    lift = np.asarray(group.mean(axis=0)).ravel() - np.asarray(words.mean(axis=0)).ravel()
    shared = np.asarray((group > 0).sum(axis=0)).ravel()
    chosen: list[str] = []
    for index in np.argsort(-lift, kind="stable"):
        if lift[index] <= 0 or len(chosen) == n:
            break
        if " " not in vocabulary[index] or shared[index] >= 2:
            _add_term(chosen, vocabulary[index])
    return chosen


def _by_typicality(matrix: Any, members: list[int]) -> list[int]:
    """``members`` ordered by cosine similarity to their centroid, most typical first."""
    import numpy as np

    centroid = np.asarray(matrix[members].mean(axis=0)).ravel()
    scores = matrix[members] @ centroid
    return [members[i] for i in np.argsort(-scores, kind="stable")]


def _add_term(chosen: list[str], term: str) -> None:
    """Add ``term`` unless a chosen phrase holds it; a phrase replaces the words it holds."""
    words = set(term.split())
    if any(words <= set(other.split()) for other in chosen):
        return
    held = [i for i, other in enumerate(chosen) if set(other.split()) <= words]
    if not held:
        chosen.append(term)
        return
    first = held[0]
    chosen[:] = [*chosen[:first], term, *(o for i, o in enumerate(chosen) if i > first
                                          and i not in held)]


def themes(db: str | Path, *, terms: int = 6) -> list[Theme]:
    """Group the current risks (TF-IDF, k-means with k chosen by silhouette), largest first.

    Deterministic: the same archive always gives the same themes.
    """
    config = settings().themes
    risks = current_risks(db)
    if not risks:
        return []
    names = {word for risk in risks for word in (risk.authority or "").lower().split()}
    vectors = vectorise([r.text for r in risks], stop_words=[*config.stop_words, *names])
    labels = _choose_k(vectors.matrix, len(risks)) if len(risks) > config.min_k else [0] * len(
        risks)
    found = []
    for cluster in sorted(set(labels)):
        members = _by_typicality(vectors.matrix, [i for i, lab in enumerate(labels)
                                                  if lab == cluster])
        top = _top_terms(vectors.words, members, vectors.vocabulary, terms)
        found.append(Theme(
            label=", ".join(top[:config.terms_per_label]) or "other",
            terms=top, size=len(members),
            items=[ThemeItem(authority=risks[i].authority, period=risks[i].period,
                             text=risks[i].text) for i in members],
            authorities=sorted({name for i in members if (name := risks[i].authority)})))
    return sorted(found, key=lambda theme: (-theme.size, theme.label))
