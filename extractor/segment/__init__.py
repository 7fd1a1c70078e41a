"""Segment a Layout into the parts of a highlight report, driven by a template (data)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractor.layout import Layout, Paragraph, TableRow
from extractor.segment.assessments import AssessmentDraft, assessment_drafts, colour_key
from extractor.segment.items import bullet_items, text_runs
from extractor.segment.runs import TextRun
from extractor.segment.walk import Unit, reads_as_sentence, walk
from extractor.template import TITLE_CUTOFF, Template

__all__ = ["AssessmentDraft", "Segments", "TextRun", "is_highlight_report", "segment"]

BULLET_SECTIONS = ("going_well", "risks", "coming_up", "additional_info")
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
        bullets={key: _list_items(sections.get(key, []), words) for key in BULLET_SECTIONS},
        next_update=next_update[0] if next_update else None,
        assessments=assessment_drafts(sections.get("assessment", []), template,
                                      exact_tables=layout.format in EXACT_TABLE_FORMATS,
                                      colours=colour_key(layout.blocks)),
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
        or (title >= TITLE_CUTOFF and sections + fields >= 1)
    )


def _list_items(units: list[Unit], words: frozenset[str]) -> list[TextRun]:
    """The items of a list section. A table row of several cells is one item: the cell in the
    table's item column (:func:`_item_columns`: "Risk | Mitigation | Owner", "Theme | Risk",
    "Strength | Evidence" with a short strength), else its first cell that reads as a sentence;
    the row's other cells are the item's details (their figures are read, the item's text is
    its cell's). A row with no cell that reads as a sentence (the header row) is no item."""
    columns = _item_columns(units)
    paragraphs: list[Paragraph] = []
    others: dict[int, list[Paragraph]] = {}  # id of an item cell's first paragraph → the rest
    for unit in units:
        filled = [c for c in unit.cells if c.paragraphs] if isinstance(unit, TableRow) else []
        if len(filled) < 2 or not isinstance(unit, TableRow):
            paragraphs.extend(_paragraphs([unit]))
            continue
        own = _sentence_column(unit)
        column = columns.get(unit.table, own)
        if own is None or column is None or column >= len(unit.cells):
            continue
        item = [p for p in unit.cells[column].paragraphs if p.text]
        if item:
            paragraphs.extend(item)
            others[id(item[0])] = [p for i, cell in enumerate(unit.cells) if i != column
                                   for p in cell.paragraphs if p.text]
    items = bullet_items(paragraphs, words_before_a_figure=words)
    for run in items:
        run.details.extend(others.get(id(run.parts[0]), []))
    return items


def _sentence_column(row: TableRow) -> int | None:
    """The index of a row's first cell that reads as a sentence, if any."""
    return next((i for i, c in enumerate(row.cells) if c.paragraphs
                 and reads_as_sentence(c.text)), None)


def _item_columns(units: list[Unit]) -> dict[int, int]:
    """The item column of each list table where more than half of its rows read a sentence
    first in one column; in the others each row's own first sentence is its item."""
    votes: dict[int, Counter[int]] = {}
    for unit in units:
        if isinstance(unit, TableRow) and (column := _sentence_column(unit)) is not None:
            votes.setdefault(unit.table, Counter())[column] += 1
    columns = {}
    for table, counts in votes.items():
        column, count = counts.most_common(1)[0]
        if count * 2 > counts.total():
            columns[table] = column
    return columns


def _paragraphs(units: list[Unit]) -> list[Paragraph]:
    """Every paragraph of the units in order, table cells included."""
    out: list[Paragraph] = []
    for unit in units:
        if isinstance(unit, TableRow):
            out.extend(unit.paragraphs)
        else:
            out.append(unit)
    return out
