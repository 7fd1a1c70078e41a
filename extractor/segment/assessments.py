"""Assessment rows (area + plan items | RAG | summary) from the assessment section's units.

Column roles come from the table's header row where there is one, else from the cells
themselves (the rating cell is the short one that reads as a rating or is only shaded). A row
that a page break split (empty first cell, or a first cell that does not start with a title) is
merged into the row it continues, and paragraphs that a text conversion spilled out of a table
are put back at the end of the last row's summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.fields import (
    RatingReading,
    area_key,
    find_rating_line,
    parse_rating,
    rating_from_fill,
)
from extractor.layout import Cell, Paragraph, TableRow
from extractor.segment.walk import Unit
from extractor.template import Template
from models.rating import Rating

__all__ = ["AssessmentDraft", "assessment_drafts"]

OFSTED_AREAS = frozenset(
    {"help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership"}
)
_MAX_TITLE_WORDS = 14
_MAX_RATING_WORDS = 5
# "SOCIAL WORK PRACTICE To deliver …": a capitalised title run glued to the text after it.
_GLUED_TITLE = re.compile(r"^((?:[A-Z][A-Z'’&,/-]*\s+){1,12}?[A-Z][A-Z'’&,/-]+)\s+(?=[A-Z][a-z])")


@dataclass
class AssessmentDraft:
    """One area's row as read: its cells' paragraphs, before any field is parsed."""

    title: Paragraph
    area_paragraphs: list[Paragraph] = field(default_factory=list)
    summary: list[Paragraph] = field(default_factory=list)
    rating: Rating | None = None
    rating_text: str | None = None
    rating_seen: bool = False
    placeholder: bool = False

    @property
    def area(self) -> str:
        return area_key(self.title.text)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [self.title, *self.area_paragraphs, *self.summary]


def assessment_drafts(units: Sequence[Unit], template: Template) -> list[AssessmentDraft]:
    """Every assessment row of the section, in document order."""
    drafts: list[AssessmentDraft] = []
    roles: dict[int, str] | None = None
    for unit in units:
        if isinstance(unit, TableRow):
            header = _header_roles(unit, template)
            if header is not None:
                roles = header
                continue
            _read_row(unit, roles, drafts, template)
        elif drafts and not template.match_heading(unit.text):
            _spill(drafts[-1], unit, template)
    return [d for d in drafts if d.title.text]


def _header_roles(row: TableRow, template: Template) -> dict[int, str] | None:
    roles = {i: template.table_role(c.paragraphs[0].text) if c.paragraphs else None
             for i, c in enumerate(row.cells)}
    found = {i: r for i, r in roles.items() if r is not None}
    return found if len(found) >= 2 else None


def _read_row(row: TableRow, roles: dict[int, str] | None, drafts: list[AssessmentDraft],
              template: Template) -> None:
    area_cell, rating_cell, summary_cells = _split_roles(row, roles)
    area_paragraphs = list(area_cell.paragraphs) if area_cell else []
    continuing = drafts and (row.continued or not area_paragraphs
                             or not _starts_with_title(area_paragraphs[0]))
    if continuing:
        draft = drafts[-1]
        draft.area_paragraphs.extend(p for p in area_paragraphs if p.text)
    else:
        if not area_paragraphs:
            return
        title, rest = _split_title(area_paragraphs[0])
        draft = AssessmentDraft(title=title, area_paragraphs=[*rest, *area_paragraphs[1:]])
        drafts.append(draft)
    if rating_cell is not None:
        _read_rating_cell(draft, rating_cell)
    for cell in summary_cells:
        for paragraph in cell.paragraphs:
            _spill(draft, paragraph, template)


def _split_roles(row: TableRow, roles: dict[int, str] | None
                 ) -> tuple[Cell | None, Cell | None, list[Cell]]:
    """(area cell, rating cell, summary cells) of a row."""
    cells = row.cells
    if roles and max(roles) < len(cells):
        by_role: dict[str, list[Cell]] = {}
        for index, cell in enumerate(cells):
            by_role.setdefault(roles.get(index, "summary"), []).append(cell)
        area = by_role.get("area", [cells[0]])[0]
        rating = by_role.get("rating", [None])[0]
        summary = [c for c in by_role.get("summary", []) if c is not area]
        return area, rating, summary
    if not cells:
        return None, None, []
    rest = cells[1:]
    rating = next((c for c in rest if _reads_as_rating_cell(c)), None)
    if rating is None and len(rest) >= 2 and _is_short(rest[0]):
        rating = rest[0]
    return cells[0], rating, [c for c in rest if c is not rating]


def _reads_as_rating_cell(cell: Cell) -> bool:
    text = cell.text.strip()
    if not text:
        return cell.fill is not None
    reading = parse_rating(text)
    return len(text.split()) <= _MAX_RATING_WORDS and (
        reading.rating is not None or reading.is_placeholder
    )


def _is_short(cell: Cell) -> bool:
    return len(cell.text.split()) <= _MAX_RATING_WORDS


def _read_rating_cell(draft: AssessmentDraft, cell: Cell) -> None:
    if draft.rating_seen and not cell.text.strip() and cell.fill is None:
        return
    for paragraph in cell.paragraphs:
        reading = parse_rating(paragraph.text)
        if reading.rating is not None or reading.is_placeholder:
            _set_rating(draft, reading, paragraph.text)
            return
    if not draft.rating_seen and cell.fill is not None:
        draft.rating = rating_from_fill(cell.fill)
        draft.rating_text = f"fill:{cell.fill}" if draft.rating is not None else None
        draft.rating_seen = draft.rating is not None
    if not draft.rating_seen and cell.text.strip():
        draft.rating_text = cell.text.strip()


def _set_rating(draft: AssessmentDraft, reading: RatingReading, text: str) -> None:
    draft.rating, draft.rating_text = reading.rating, text.strip()
    draft.placeholder = reading.is_placeholder
    draft.rating_seen = True


def _spill(draft: AssessmentDraft, paragraph: Paragraph, template: Template) -> None:
    """Add a summary paragraph; a paragraph that is only a rating is the row's rating."""
    if template.is_instruction(paragraph.text):
        return
    if not draft.rating_seen:
        reading = find_rating_line(paragraph.text)
        if reading is not None:
            _set_rating(draft, reading, paragraph.text)
            return
    if paragraph.text:
        draft.summary.append(paragraph)


def _starts_with_title(paragraph: Paragraph) -> bool:
    """Does an area cell begin with an area title (so the row is not a continuation)?"""
    text = paragraph.text.strip()
    if not text or not text[0].isalpha() or text[0].islower():
        return False
    if _GLUED_TITLE.match(text):
        return True
    words = text.rstrip(":").split()
    if len(words) > _MAX_TITLE_WORDS or text.endswith("."):
        return False
    letters = [c for c in text if c.isalpha()]
    if area_key(text) in OFSTED_AREAS or paragraph.bold or paragraph.kind == "heading":
        return True
    if all(c.isupper() for c in letters):
        return True
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    return capitalised >= max(1, len([w for w in words if len(w) > 3]) - 1)


def _split_title(paragraph: Paragraph) -> tuple[Paragraph, list[Paragraph]]:
    """Split "SOCIAL WORK PRACTICE To deliver …" into the title and the rest."""
    match = _GLUED_TITLE.match(paragraph.text)
    if not match:
        return _clean_title(paragraph), []
    title_text = match.group(1)
    rest_text = paragraph.text[match.end():]
    title = Paragraph(kind="heading", text=title_text, start=paragraph.start,
                      end=paragraph.start + len(title_text), page=paragraph.page, bold=True)
    rest_start = paragraph.start + match.end()
    rest = Paragraph(kind="paragraph", text=rest_text, start=rest_start,
                     end=rest_start + len(rest_text), page=paragraph.page)
    return title, [rest]


def _clean_title(paragraph: Paragraph) -> Paragraph:
    text = paragraph.text.rstrip().rstrip(":").rstrip()
    if text == paragraph.text:
        return paragraph
    return Paragraph(kind=paragraph.kind, text=text, start=paragraph.start,
                     end=paragraph.start + len(text), page=paragraph.page, level=paragraph.level,
                     marker=paragraph.marker, bold=paragraph.bold, centered=paragraph.centered)

