"""A report as rows of the archive tables (plain dicts keyed by column name)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from models.report import Assessment, Period, Report, Span

__all__ = [
    "Row", "period_key", "document_row", "assessment_row", "summary_row", "item_rows",
    "indicator_rows",
]

Row = dict[str, Any]

_ITEM_SECTIONS = ("going_well", "risks", "coming_up", "additional_info")


def period_key(period: Period | None) -> str | None:
    """What makes two reports "of the same period": start..end, else the normalised label."""
    if period is None:
        return None
    if period.start and period.end:
        return f"{period.start}..{period.end}"
    label = re.sub(r"\s+", " ", period.label).strip().lower()
    return label or None


def _span(span: Span | None) -> Row:
    return {"span_start": span.start if span else None, "span_end": span.end if span else None,
            "page": span.page if span else None}


def document_row(report: Report, *, sha256: str, path: str) -> Row:
    """The ``documents`` row of an ok report (``is_current`` is decided by the store)."""
    authority, period = report.authority, report.period
    return {
        "sha256": sha256,
        "path": path,
        "format": report.source.format if report.source else None,
        "authority": authority.canonical if authority else None,
        "authority_name": authority.name if authority else None,
        "period_label": period.label if period else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "period_key": period_key(period),
        "status": "ok",
        "error": None,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "report_json": report.to_json(indent=None),
    }


def assessment_row(assessment: Assessment, *, document_id: int, position: int) -> Row:
    """The ``assessments`` row of one assessment-table row."""
    rating = assessment.rating
    return {
        "document_id": document_id,
        "position": position,
        "area": assessment.area,
        "title": assessment.title,
        "plan_items": json.dumps(assessment.plan_items, ensure_ascii=False),
        "rating": rating.value if rating else None,
        "rating_rank": rating.rank if rating else None,
        "rating_text": assessment.rating_text,
        "summary": assessment.summary,
        **_span(assessment.span),
    }


def summary_row(assessment: Assessment, *, document_id: int, position: int,
                assessment_id: int) -> Row | None:
    """The ``items`` row of an assessment's summary (section ``assessment``), if it has one."""
    if not assessment.summary.strip():
        return None
    return {"document_id": document_id, "section": "assessment", "area": assessment.area,
            "position": position, "text": assessment.summary, "assessment_id": assessment_id,
            **_span(None)}


def item_rows(report: Report, *, document_id: int) -> Iterator[Row]:
    """The ``items`` rows of the headline and of every bullet (assessment summaries excluded)."""
    base = {"document_id": document_id, "area": None, "assessment_id": None}
    if report.headline and report.headline.strip():
        yield {**base, "section": "headline", "position": 0, "text": report.headline,
               **_span(None)}
    for section in _ITEM_SECTIONS:
        for position, entry in enumerate(getattr(report, section)):
            text, span = (entry, None) if isinstance(entry, str) else (entry.text, entry.span)
            if text.strip():
                yield {**base, "section": section, "position": position, "text": text,
                       **_span(span)}


def indicator_rows(report: Report, *, document_id: int) -> Iterator[Row]:
    """The ``indicators`` rows, one per figure."""
    for position, figure in enumerate(report.indicators):
        previous = figure.previous
        yield {
            "document_id": document_id,
            "position": position,
            "label": figure.label,
            "indicator": figure.indicator,
            "value": figure.value,
            "unit": figure.unit,
            "month": figure.month,
            "target": figure.target,
            "comparator": figure.comparator,
            "previous_value": previous.value if previous else None,
            "previous_month": previous.month if previous else None,
            "area": figure.area,
            "sentence": figure.sentence,
            **_span(figure.span),
        }
