"""The archive store interface: what ingestion and search need from a database.

:class:`ArchiveStore` is the seam for a future server database; :func:`open_store` returns the
embedded SQLite implementation (``corpus.sqlite_store.SQLiteStore``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from models.rating import Rating
from models.report import Period, Report

__all__ = [
    "PassageFilter",
    "Passage",
    "StoredReport",
    "AddOutcome",
    "ArchiveStore",
    "open_store",
]


@dataclass(frozen=True)
class PassageFilter:
    """Which passages to look at. ``None`` means no restriction; months are ``YYYY-MM``.

    ``since`` keeps periods ending on or after it, ``until`` periods starting on or before it.
    """

    authority: str | None = None
    section: str | None = None
    area: str | None = None
    rating: Rating | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Passage:
    """One searchable passage of a current report, with where it came from."""

    authority: str | None
    period: Period | None
    section: str
    area: str | None
    text: str
    source: str
    score: float = 0.0
    snippet: str = ""


@dataclass(frozen=True)
class StoredReport:
    """An ok report of the archive, with the file it came from."""

    report: Report
    path: str
    sha256: str


@dataclass
class AddOutcome:
    """What writing one report did.

    ``status`` is ``added``, or ``already`` when another writer stored the same content first.
    ``same_period`` lists the paths of other reports of the same authority and period;
    ``replaced`` those of them deleted because ``replace`` was asked.
    """

    status: Literal["added", "already"]
    same_period: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)


class ArchiveStore(Protocol):
    """The operations ingestion, search and the reports over the archive use."""

    def known(self, hashes: Iterable[str]) -> set[str]:
        """The hashes among ``hashes`` already stored as ok reports."""
        ...

    def add_report(self, report: Report, *, sha256: str, path: str, replace: bool = False
                   ) -> AddOutcome:
        """Store one report in one transaction."""
        ...

    def add_failure(self, *, sha256: str, path: str, reason: str) -> None:
        """Record a file that could not be ingested (unless its content is stored ok)."""
        ...

    def search(self, fts_query: str, where: PassageFilter, *, limit: int
               ) -> tuple[int, list[Passage]]:
        """Full-text matches among current reports, best first, and how many there are."""
        ...

    def passages(self, where: PassageFilter) -> Iterator[Passage]:
        """Every passage of the current reports that passes ``where``."""
        ...

    def reports(self, *, authority: str | None = None) -> Iterator[StoredReport]:
        """Current ok reports, by authority then period."""
        ...

    def close(self) -> None:
        """Release the database."""
        ...


def open_store(db: str | Path, *, create: bool = False) -> ArchiveStore:
    """Open the archive at ``db`` (creating it only when ``create``), migrated to the latest schema.

    Raises :class:`models.ArchiveError` when it cannot be opened or is not an archive.
    """
    from corpus.sqlite_store import SQLiteStore

    return SQLiteStore(Path(db), create=create)
