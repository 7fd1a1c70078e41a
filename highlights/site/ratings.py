"""The site's rating tables: the RAG matrix (authorities × areas) and each authority's timeline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from highlights.site.history import AuthorityHistory
from highlights.site.settings import settings
from models.rating import Rating
from models.report import Assessment, Period, Report

__all__ = ["Column", "Cell", "MatrixRow", "Matrix", "TimelineRow", "Timeline", "area_columns",
           "rag_matrix", "timeline"]


@dataclass(frozen=True)
class Column:
    """One assessment area as a table column (or row) heading."""

    area: str
    name: str


@dataclass(frozen=True)
class Cell:
    """One area's rating in one report. ``reported`` is False when the report has no such row;
    ``change`` is the kind of change since ``since`` (the previous period) where it is marked."""

    rating: Rating | None = None
    reported: bool = False
    change: str | None = None
    since: Period | None = None


@dataclass(frozen=True)
class MatrixRow:
    """One authority's latest ratings, one cell per matrix column."""

    history: AuthorityHistory
    period: Period | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    """Authorities × areas, latest period of each authority."""

    columns: tuple[Column, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class TimelineRow:
    """One area's ratings across an authority's periods (oldest first)."""

    column: Column
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Timeline:
    """An authority's ratings per area (rows) across all its periods (columns)."""

    periods: tuple[Period | None, ...]
    rows: tuple[TimelineRow, ...]


def _area_name(assessment: Assessment) -> str:
    known = settings().area_names.get(assessment.area)
    if known:
        return known
    title = " ".join(assessment.title.split())
    if not title:
        return assessment.area.replace("_", " ").capitalize()
    return title.capitalize() if title.isupper() else title


def area_columns(reports: Iterable[Report]) -> tuple[Column, ...]:
    """Every area of ``reports``: the Ofsted areas first in their set order, then the rest in
    order of first appearance, named as the latest report that has them titles them."""
    names: dict[str, str] = {}  # insertion order is first appearance; the latest title wins
    for report in reports:
        for assessment in report.assessments:
            names[assessment.area] = _area_name(assessment)
    order = list(settings().area_names)
    ranked = sorted(names, key=lambda area: order.index(area) if area in order else len(order))
    return tuple(Column(area, names[area]) for area in ranked)


def _cell(report: Report, area: str) -> Cell:
    for assessment in report.assessments:
        if assessment.area == area:
            return Cell(assessment.rating, reported=True)
    return Cell()


def _latest_cells(history: AuthorityHistory, columns: Sequence[Column]) -> tuple[Cell, ...]:
    last_change = history.changes[-1] if history.changes else None
    kinds = {change.area: change.change for change in last_change.ratings} if last_change else {}
    marked = settings().changes
    cells = []
    for column in columns:
        cell = _cell(history.latest, column.area)
        kind = kinds.get(column.area)
        if cell.reported and kind in marked and last_change is not None:
            cell = replace(cell, change=kind, since=last_change.from_period)
        cells.append(cell)
    return tuple(cells)


def rag_matrix(histories: Sequence[AuthorityHistory]) -> Matrix:
    """The RAG matrix: one row per authority (its latest report), one column per area."""
    columns = area_columns(history.latest for history in histories)
    rows = tuple(MatrixRow(history, history.latest.period, _latest_cells(history, columns))
                 for history in histories)
    return Matrix(columns, rows)


def timeline(history: AuthorityHistory) -> Timeline:
    """The authority's ratings per area across all its periods."""
    columns = area_columns(history.reports)
    rows = tuple(TimelineRow(column, tuple(_cell(report, column.area)
                                           for report in history.reports))
                 for column in columns)
    return Timeline(tuple(report.period for report in history.reports), rows)
