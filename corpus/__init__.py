"""The archive: ingestion, storage, search and exports.

    from corpus import ingest, search
    ingest(["reports/"], db="highlights.db")
    print(search("highlights.db", "placement sufficiency").to_json())
"""

from corpus.changes import archive_changes
from corpus.demo import run_demo
from corpus.export import export
from corpus.ingest import DuplicatePeriod, Failure, IngestResult, ingest
from corpus.search import search
from corpus.similar import similar
from corpus.store import ArchiveStore, PassageFilter, open_store
from corpus.themes import Theme, ThemeItem, themes

__all__ = [
    "ArchiveStore",
    "DuplicatePeriod",
    "Failure",
    "IngestResult",
    "PassageFilter",
    "Theme",
    "ThemeItem",
    "archive_changes",
    "export",
    "ingest",
    "open_store",
    "run_demo",
    "search",
    "similar",
    "themes",
]
