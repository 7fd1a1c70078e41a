"""The main job on the bundled sample archive, in a temporary archive, as one markdown text."""

from __future__ import annotations

import tempfile
from importlib.resources import as_file, files
from pathlib import Path

from corpus.changes import archive_changes
from corpus.ingest import Progress, ingest
from corpus.render import hits_markdown, ingest_lines, themes_markdown
from corpus.search import search
from corpus.settings import settings
from corpus.similar import similar
from corpus.store import PassageFilter, open_store
from corpus.themes import themes

__all__ = ["SAMPLE_REPORTS", "run_demo"]

SAMPLE_REPORTS = ("samples", "reports")


def _first_risk(db: Path) -> str | None:
    store = open_store(db)
    try:
        return next((p.text for p in store.passages(PassageFilter(section="risks"))), None)
    finally:
        store.close()


def run_demo(*, progress: Progress | None = None, jobs: int | None = None) -> str:
    """Ingest ``corpus/samples/reports`` into a temporary archive and report on it (markdown):
    the change summaries, a few searches, a similar-risk search and the themes.
    """
    from comparisons import render_changes

    config = settings().demo
    with as_file(files("corpus").joinpath(*SAMPLE_REPORTS)) as reports, \
            tempfile.TemporaryDirectory(prefix="highlights-demo-") as folder:
        db = Path(folder) / "demo.db"
        result = ingest([reports], db=db, jobs=jobs, progress=progress)
        parts = ["# highlights demo: the bundled sample archive",
                 "\n".join(f"- {line}" for line in ingest_lines(result)),
                 render_changes(archive_changes(db), "markdown")]
        parts += [hits_markdown(search(db, query, limit=config.limit), f"Search: {query}")
                  for query in config.searches]
        risk = _first_risk(db)
        if risk:
            parts.append(hits_markdown(similar(db, risk, limit=config.limit),
                                       f"Risks like: {risk[:80]}…"))
        parts.append(themes_markdown(themes(db)))
    return "\n\n".join(parts)
