"""extract(): load → segment → fields → figures."""

from __future__ import annotations

from pathlib import Path

from models.report import Report

__all__ = ["extract"]


def extract(path: str | Path) -> Report:
    """Parse the report at ``path``.

    Raises :class:`models.UnreadableDocument` when the file cannot be read and
    :class:`models.NotAHighlightReport` when it is not a highlight report.
    """
    raise NotImplementedError("extract is being built")
