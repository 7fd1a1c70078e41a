"""The exceptions every layer of highlights raises.

    HighlightsError                 base class; ``path`` names the file when there is one
    ├── UnreadableDocument          missing, unreadable, corrupt, encrypted, empty, no text layer,
    │                               unsupported type, too large (CLI exit 3)
    ├── NotAHighlightReport         read fine but not a highlight report (CLI exit 4)
    ├── DifferentAuthorities        compare of two authorities without --force (CLI exit 3)
    ├── ArchiveError                the archive database cannot be opened or written
    └── QuerySyntaxError            a search query the search syntax cannot parse (CLI exit 2)

The library raises these; only the CLI turns them into exit codes and one line on stderr.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "HighlightsError",
    "UnreadableDocument",
    "NotAHighlightReport",
    "DifferentAuthorities",
    "ArchiveError",
    "QuerySyntaxError",
]


class HighlightsError(Exception):
    """Base class. ``str(error)`` is one line: ``<path>: <reason>`` when a path is known."""

    exit_code = 1

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class UnreadableDocument(HighlightsError):
    """The input could not be read or parsed."""

    exit_code = 3


class NotAHighlightReport(HighlightsError):
    """The input was read but is not recognisable as a highlight report."""

    exit_code = 4


class DifferentAuthorities(HighlightsError):
    """Two reports of different authorities were asked to be compared."""

    exit_code = 3


class ArchiveError(HighlightsError):
    """The archive database could not be opened, migrated or written."""

    exit_code = 3


class QuerySyntaxError(HighlightsError):
    """A search query that the search syntax cannot parse."""

    exit_code = 2
