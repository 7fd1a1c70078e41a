"""Segment a Layout into the parts of a highlight report, driven by a template (data)."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.layout import Layout, Paragraph, TableRow
from extractor.segment.assessments import AssessmentDraft, assessment_drafts
from extractor.segment.items import bullet_items, text_runs
from extractor.segment.runs import TextRun
from extractor.segment.walk import Unit, reads_as_sentence, walk
from extractor.template import Template

__all__ = ["AssessmentDraft", "Segments", "TextRun", "is_highlight_report", "segment"]

BULLET_SECTIONS = ("going_well", "risks", "coming_up", "additional_info")
_TITLE_CUTOFF = 90.0
# Formats whose loaders know every cell's boundaries: nothing spills out of their tables.
EXACT_TABLE_FORMATS = frozenset({"docx", "html"})


@dataclass
class Segments:
    """The parts of one report as runs of layout paragraphs, not yet parsed into fields."""

    fields: dict[str, TextRun] = field(default_factory=dict)
    headline: list[TextRun] = field(default_factory=list)
    bullets: dict[str, list[TextRun]] = field(default_factory=dict)
    next_update: TextRun | None = None
    assessments: list[AssessmentDraft] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    sections_found: frozenset[str] = frozenset()


def segment(layout: Layout, template: Template) -> Segments:
    """Find header fields, sections, bullet items and assessment rows in ``layout``."""
    walked = walk(layout, template)
    words = template.words_before_a_figure
    sections = walked.sections
    next_update = text_runs(
        _paragraphs(sections.get("next_update", [])), words_before_a_figure=words
    )
    return Segments(
        fields={name: TextRun(parts) for name, parts in walked.fields.items() if parts},
        headline=text_runs(_paragraphs(sections.get("headline", [])), words_before_a_figure=words),
        bullets={
            key: bullet_items(_list_paragraphs(sections.get(key, [])),
                              words_before_a_figure=words)
            for key in BULLET_SECTIONS
        },
        next_update=next_update[0] if next_update else None,
        assessments=assessment_drafts(sections.get("assessment", []), template,
                                      exact_tables=layout.format in EXACT_TABLE_FORMATS),
        preamble=walked.preamble,
        sections_found=frozenset(walked.opened),
    )


def is_highlight_report(segments: Segments, template: Template) -> bool:
    """Enough of the template's sections or header fields are present to call it a report."""
    sections = len(segments.sections_found - {"overview"})
    fields = len(segments.fields)
    title = template.title_score(" ".join(p.text for p in segments.preamble[:5]))
    return (
        sections >= 2
        or (fields >= 2 and sections >= 1)
        or (title >= _TITLE_CUTOFF and sections + fields >= 1)
    )


def _list_paragraphs(units: list[Unit]) -> list[Paragraph]:
    """The paragraphs of a list section. A table row of several cells is one item, its first
    cell that reads as a sentence ("Risk | Mitigation | Owner", "Theme | Risk"); a row with none
    (the header row) is no item."""
    out: list[Paragraph] = []
    for unit in units:
        filled = [c for c in unit.cells if c.paragraphs] if isinstance(unit, TableRow) else []
        if len(filled) < 2:
            out.extend(_paragraphs([unit]))
            continue
        item = next((c for c in filled if reads_as_sentence(c.text)), None)
        out.extend(item.paragraphs if item is not None else [])
    return out


def _paragraphs(units: list[Unit]) -> list[Paragraph]:
    """Every paragraph of the units in order, table cells included."""
    out: list[Paragraph] = []
    for unit in units:
        if isinstance(unit, TableRow):
            out.extend(unit.paragraphs)
        else:
            out.append(unit)
    return out
