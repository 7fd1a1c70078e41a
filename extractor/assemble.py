"""Turn a document's Segments into a models.Report: parse fields, ratings and figures."""

from __future__ import annotations

from extractor.fields import (
    canonical_authority,
    clean_person,
    covered_period,
    find_authority_in_text,
    parse_month,
    parse_period,
    unique_area_keys,
)
from extractor.fields.labels import text_columns
from extractor.figures import TextPiece, find_entities, find_indicators
from extractor.nlp import pipe
from extractor.segment import AssessmentDraft, Segments, TextRun
from extractor.segment.items import bullet_items, text_runs
from extractor.template import Template
from models.report import Assessment, Authority, Item, NextUpdate, Period, Report, Source, Span

__all__ = ["assemble"]


def assemble(segments: Segments, template: Template, *, source: Source, text: str) -> Report:
    """The structured report; every gap in the metadata is None plus a line in ``warnings``."""
    warnings: list[str] = []
    fields = _field_texts(segments, template, warnings)
    period = _period(fields, segments, warnings)
    words = template.words_before_a_figure
    assessments, summary_runs = [], []
    areas = unique_area_keys([draft.title.text for draft in segments.assessments])
    for draft, area in zip(segments.assessments, areas, strict=True):
        runs = text_runs(draft.summary, words_before_a_figure=words)
        summary_runs.append((None if draft.summary_shared else area, runs))
        assessments.append(_assessment(draft, area, runs, words, warnings))
        if draft.summary_shared:
            warnings.append(f"assessment {draft.title.text!r}: its summary follows areas with "
                            "none (a table given column by column?); it may hold theirs too, "
                            "so its figures carry no area")
    pieces = [piece for run in segments.headline for piece in _pieces(run, None, text)]
    for key in ("going_well", "risks", "coming_up", "additional_info"):
        pieces += [p for run in segments.bullets.get(key, []) for p in _pieces(run, None, text)]
    for run_area, runs in summary_runs:
        pieces += [p for run in runs for p in _pieces(run, run_area, text)]
    docs = list(pipe(piece.text for piece in pieces))  # one spaCy pass for figures and names
    indicators, figure_warnings = find_indicators(
        pieces, period_start=period.start if period else None,
        period_end=period.end if period else None, docs=docs,
    )
    return Report(
        source=source,
        authority=_authority(fields, segments, warnings),
        period=period,
        adviser=_person(fields, "adviser", warnings),
        case_lead=_person(fields, "case_lead", warnings),
        next_update=_next_update(segments, period, warnings),
        headline="\n".join(run.text for run in segments.headline) or None,
        going_well=[Item(text=r.text, span=r.span) for r in segments.bullets.get("going_well", [])],
        risks=[Item(text=r.text, span=r.span) for r in segments.bullets.get("risks", [])],
        assessments=assessments,
        indicators=indicators,
        coming_up=[r.text for r in segments.bullets.get("coming_up", [])],
        additional_info=[r.text for r in segments.bullets.get("additional_info", [])],
        entities=find_entities(pieces, docs=docs),
        warnings=warnings + figure_warnings,
    )


def _assessment(draft: AssessmentDraft, area: str, summary: list[TextRun],
                words: frozenset[str], warnings: list[str]) -> Assessment:
    plan = bullet_items(draft.area_paragraphs, words_before_a_figure=words, lists_only=True)
    if draft.rating is None and draft.rating_text and not draft.placeholder:
        warnings.append(f"assessment {draft.title.text!r}: rating {draft.rating_text!r} "
                        "not recognised; left null")
    paragraphs = draft.paragraphs
    return Assessment(
        area=area,
        title=draft.title.text,
        plan_items=[run.text for run in plan],
        rating=draft.rating,
        rating_text=draft.rating_text,
        summary="\n".join(run.text for run in summary),
        span=Span(start=min(p.start for p in paragraphs), end=max(p.end for p in paragraphs),
                  page=draft.title.page),
    )


def _pieces(run: TextRun, area: str | None, text: str) -> list[TextPiece]:
    """A run as figure-finder pieces: parts that stand next to each other in the plain text form
    one piece (its offsets stay exact); a part elsewhere (a page-break spill) starts another."""
    pieces: list[TextPiece] = []
    every = run.every_part
    group = [every[0]]
    for part in every[1:]:
        if part.start == group[-1].end + 1:
            group.append(part)
        else:
            pieces.append(_piece(group, area, text))
            group = [part]
    pieces.append(_piece(group, area, text))
    return pieces


def _piece(group: list, area: str | None, text: str) -> TextPiece:
    start, end = group[0].start, group[-1].end
    return TextPiece(text=text[start:end].replace("\n", " "), start=start, page=group[0].page,
                     area=area)


# Lines before the first section that may hold the authority's name or the period unlabelled.
_OPENING = 12
# Headline paragraphs read for "This report covers March and April 2025".
_HEADLINE_RUNS = 2
# A line longer than this that mentions months is a sentence, not the period.
_MAX_PERIOD_LINE_WORDS = 10


def _field_texts(segments: Segments, template: Template, warnings: list[str]
                 ) -> dict[str, str]:
    """Each header field's value; one that runs into another field's label (a text conversion
    put two label | value pairs on a line) is cut there, with a warning."""
    values = {}
    for name, run in segments.fields.items():
        value = run.text.strip()
        cut = template.other_field_label_at(value, name)
        if cut is not None:
            warnings.append(f"{name}: {value!r} runs into another field's label; cut there")
            value = value[:cut].strip()
        if value:
            values[name] = value
    return values


def _authority(fields: dict[str, str], segments: Segments, warnings: list[str]
               ) -> Authority | None:
    name = fields.get("authority")
    if name and (any(c.isdigit() for c in name) or parse_period(name) is not None):
        warnings.append(f"authority: {name!r} is a date or period, not a name; not used")
        name = None
    authority = canonical_authority(name) if name else None
    opening = [p.text for p in segments.preamble[:_OPENING]]
    for line in ([] if authority else opening):  # a title block: the line that names it
        authority = find_authority_in_text(line)
        if authority is not None:
            break
    if authority is None and opening:
        authority = find_authority_in_text(" ".join(opening))
    if authority is None:
        warnings.append("authority: not found in the document")
    return authority


def _period(fields: dict[str, str], segments: Segments, warnings: list[str]) -> Period | None:
    label = fields.get("period")
    if label is None:  # the period a report date, a title-block or headline sentence covers
        texts = (fields.get("report_date", ""), *(p.text for p in segments.preamble[:_OPENING]),
                 *(run.text for run in segments.headline[:_HEADLINE_RUNS]))
        label = next((covered for text in texts
                      if (covered := covered_period(text)) is not None), None)
    if label is None:  # a title block: a short line (or column of one) that is a period
        label = next((column.strip() for p in segments.preamble[:_OPENING]
                      for column in text_columns(p.text)
                      if len(column.split()) <= _MAX_PERIOD_LINE_WORDS
                      and parse_period(column) is not None), None)
    if label is None:
        warnings.append("period: not found in the document")
        return None
    parsed = parse_period(label)
    if parsed is None:
        warnings.append(f"period: could not read {label!r} as months")
        return Period(label=label)
    return parsed


def _person(fields: dict[str, str], name: str, warnings: list[str]) -> str | None:
    text = fields.get(name)
    if text is None:
        warnings.append(f"{name}: not found in the document")
        return None
    reading = clean_person(text)
    if reading.redacted:
        warnings.append(f"{name}: redacted in the document ({text!r})")
    return reading.name


def _next_update(segments: Segments, period: Period | None,
                 warnings: list[str]) -> NextUpdate | None:
    if segments.next_update is None:
        warnings.append("next_update: not found in the document")
        return None
    label = segments.next_update.text.strip()
    month = parse_month(label, after=period.end if period else None)
    if month is None:
        warnings.append(f"next_update: could not read {label!r} as a month")
    return NextUpdate(label=label, month=month)
