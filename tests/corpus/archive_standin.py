"""A stand-in for extractor.extract in archive tests: each file holds a report's JSON.

A file may start with one directive line: ``#broken <reason>`` (UnreadableDocument),
``#bug`` (an unexpected exception), ``#sleep <seconds>`` (slow, then the report),
``#hang`` (never returns), ``#die`` (the worker process exits at once, as on a crash). The
module is importable by worker processes by name.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from corpus.store import open_store
from models import Assessment, Authority, Item, Period, Rating, Report, UnreadableDocument

__all__ = ["fake_extract", "make_report", "write_report", "store_reports"]


def fake_extract(path: Path) -> Report:
    """Build the report a test file describes, or fail as its directive says."""
    text = Path(path).read_text(encoding="utf-8")
    directive, _, rest = text.partition("\n") if text.startswith("#") else ("", "", text)
    command, _, argument = directive.partition(" ")
    if command == "#broken":
        raise UnreadableDocument(argument or "corrupt", path)
    if command == "#bug":
        raise RuntimeError("a bug in the extractor")
    if command == "#die":
        os._exit(1)
    if command == "#hang":
        time.sleep(3600)
    if command == "#sleep":
        time.sleep(float(os.environ.get("STANDIN_SLEEP", argument or "0.1")))
    return Report.from_json(rest)


def make_report(authority: str, start: str, end: str, *, risks: tuple[str, ...] = (),
                going_well: tuple[str, ...] = (), headline: str | None = None,
                ratings: dict[str, tuple[str | None, str]] | None = None) -> Report:
    """A report of ``authority`` for ``start``..``end``; ratings map area to (rating, summary)."""
    return Report(
        authority=Authority(name=f"{authority} County Council", canonical=authority),
        period=Period(label=f"{start} to {end}", start=start, end=end),
        headline=headline,
        risks=[Item(text=text) for text in risks],
        going_well=[Item(text=text) for text in going_well],
        assessments=[Assessment(area=area, title=area.replace("_", " ").upper(),
                                rating=Rating(rating) if rating else None, rating_text=rating,
                                summary=summary)
                     for area, (rating, summary) in (ratings or {}).items()])


def write_report(path: Path, report: Report, *, directive: str = "") -> Path:
    """Write ``report`` (after an optional directive line) where fake_extract will read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = directive + "\n" if directive else ""
    path.write_text(prefix + report.to_json(), encoding="utf-8")
    return path


def store_reports(db: Path, reports: dict[str, Report]) -> Path:
    """Write ``reports`` (path -> report) straight into the archive at ``db``."""
    store = open_store(db, create=True)
    try:
        for path, report in reports.items():
            store.add_report(report, sha256=hashlib.sha256(path.encode()).hexdigest(), path=path)
    finally:
        store.close()
    return db
