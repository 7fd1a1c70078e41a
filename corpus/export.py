"""Tidy CSV of the archive: one row per authority x period x area / indicator / item."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from corpus.store import StoredReport, open_store

__all__ = ["ExportKind", "COLUMNS", "safe_cell", "export", "export_file"]

ExportKind = Literal["ratings", "indicators", "items"]

_PERIOD = ["authority", "period_start", "period_end", "period_label"]
COLUMNS: dict[str, list[str]] = {
    "ratings": [*_PERIOD, "area", "title", "rating", "rating_text", "source"],
    "indicators": [*_PERIOD, "label", "indicator", "value", "unit", "month", "target",
                   "comparator", "previous_value", "previous_month", "area", "sentence",
                   "span_start", "span_end", "page", "source"],
    "items": [*_PERIOD, "section", "area", "text", "source"],
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _base(stored: StoredReport) -> dict[str, Any]:
    report = stored.report
    period = report.period
    return {
        "authority": report.authority.canonical if report.authority else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "period_label": period.label if period else None,
        "source": stored.path,
    }


def _ratings(stored: StoredReport) -> Iterator[dict[str, Any]]:
    for row in stored.report.assessments:
        yield {**_base(stored), "area": row.area, "title": row.title,
               "rating": row.rating.value if row.rating else None,
               "rating_text": row.rating_text}


def _indicators(stored: StoredReport) -> Iterator[dict[str, Any]]:
    for figure in stored.report.indicators:
        fields = figure.model_dump(exclude={"previous", "span"})
        previous, span = figure.previous, figure.span
        yield {**_base(stored), **fields,
               "previous_value": previous.value if previous else None,
               "previous_month": previous.month if previous else None,
               "span_start": span.start if span else None,
               "span_end": span.end if span else None,
               "page": span.page if span else None}


def _items(stored: StoredReport) -> Iterator[dict[str, Any]]:
    report, base = stored.report, _base(stored)
    if report.headline:
        yield {**base, "section": "headline", "area": None, "text": report.headline}
    for section in ("going_well", "risks"):
        for item in getattr(report, section):
            yield {**base, "section": section, "area": None, "text": item.text}
    for row in report.assessments:
        if row.summary:
            yield {**base, "section": "assessment", "area": row.area, "text": row.summary}
    for section in ("coming_up", "additional_info"):
        for text in getattr(report, section):
            yield {**base, "section": section, "area": None, "text": text}


_ROWS: dict[str, Callable[[StoredReport], Iterator[dict[str, Any]]]] = {
    "ratings": _ratings, "indicators": _indicators, "items": _items,
}


def export(db: str | Path, what: ExportKind, out: IO[str]) -> int:
    """Write the CSV of ``what`` (header first) to ``out``; return the number of data rows."""
    columns = COLUMNS[what]
    store = open_store(db)  # first: a missing archive writes nothing, not a lone header
    try:
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        count = 0
        for stored in store.reports():
            for row in _ROWS[what](stored):
                writer.writerow({key: safe_cell(row.get(key)) for key in columns})
                count += 1
    finally:
        store.close()
    return count


def export_file(db: str | Path, what: ExportKind, path: Path) -> int:
    """:func:`export` into the file ``path``, which appears only once it is complete: a
    failure leaves an existing file as it was and creates none."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed before the rename)
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=f".{path.name}.",
        suffix=".part", delete=False)
    try:
        with handle:
            count = export(db, what, handle)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count
