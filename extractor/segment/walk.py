"""Walk a Layout's blocks once and sort them into header fields and template sections.

Headings may stand as paragraphs or inside table cells (a one-cell row, or a "heading | content"
row); header fields as "label | value" cells, a label line followed by its value, or
"Label: value". Template instruction text is dropped here, so no later stage sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.layout import Cell, Layout, Paragraph, TableRow
from extractor.template import Template

__all__ = ["Unit", "Walked", "walk"]

Unit = Paragraph | TableRow


@dataclass
class Walked:
    """The blocks of a document sorted by where they belong."""

    fields: dict[str, list[Paragraph]] = field(default_factory=dict)
    sections: dict[str, list[Unit]] = field(default_factory=dict)
    preamble: list[Paragraph] = field(default_factory=list)
    opened: set[str] = field(default_factory=set)

    def add(self, section: str | None, unit: Unit) -> None:
        if section is None:
            if isinstance(unit, Paragraph):
                self.preamble.append(unit)
        else:
            self.sections.setdefault(section, []).append(unit)


class _Walker:
    def __init__(self, template: Template) -> None:
        self.template = template
        self.out = Walked()
        self.section: str | None = None
        self.container: str | None = None  # an open container section, e.g. the overview
        self.pending_label: str | None = None  # a field label line waiting for its value
        self.after_heading = False  # instruction text in brackets follows headings

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if not text:
            return
        if self._instruction(text):
            return
        if self.pending_label is not None:
            if self.template.match_field_label(text) is None:
                self.out.fields.setdefault(self.pending_label, []).append(paragraph)
                self.pending_label = None
                return
            self.pending_label = None
        heading = self.template.match_heading(text)
        if heading is not None and not self._inside_bullets(paragraph):
            self._open(heading.key, heading.kind)
            return
        if self._field(paragraph, text):
            return
        self.after_heading = False
        self.out.add(self.section, paragraph)

    def row(self, row: TableRow) -> None:
        cells = [c for c in row.cells if c.paragraphs]
        if not cells:
            if any(c.fill for c in row.cells) and self.section == "assessment":
                self.out.add(self.section, row)
            return
        if self._field_row(cells):
            return
        first = cells[0].text.strip()
        heading = self.template.match_heading(first) if len(cells[0].paragraphs) == 1 else None
        if heading is None and len(cells[0].paragraphs) > 1:
            heading = self.template.match_heading(cells[0].paragraphs[0].text)
            if heading is not None:  # "HEADLINE MESSAGES" + its text in one cell
                self._open(heading.key, heading.kind)
                for paragraph in cells[0].paragraphs[1:]:
                    self.paragraph(paragraph)
                for cell in cells[1:]:
                    self._cell_paragraphs(cell)
                return
        if heading is not None and heading.key != "assessment":
            self._open(heading.key, heading.kind)
            for cell in cells[1:]:
                self._cell_paragraphs(cell)
            return
        if len(cells) == 1 and len(row.cells) == 1:
            self._cell_paragraphs(cells[0])  # a one-cell table is a framed block of text
            return
        if heading is not None:  # an assessment table header or a section banner row
            self._open(heading.key, heading.kind)
        self.out.add(self.section, row)

    def _cell_paragraphs(self, cell: Cell) -> None:
        for paragraph in cell.paragraphs:
            self.paragraph(paragraph)

    def _open(self, key: str, kind: str) -> None:
        if kind == "container":
            self.container = key
        elif key not in ("going_well", "risks"):
            self.container = None
        self.section = key
        self.out.opened.add(key)
        self.after_heading = True
        self.pending_label = None

    def _inside_bullets(self, paragraph: Paragraph) -> bool:
        """A bullet inside a bullet section is an item, even if it reads like a heading."""
        return paragraph.kind == "bullet" and self.section in ("going_well", "risks")

    def _instruction(self, text: str) -> bool:
        bracketed = text.startswith("(") and text.endswith(")")
        return self.template.is_instruction(text) or (bracketed and self.after_heading)

    def _field(self, paragraph: Paragraph, text: str) -> bool:
        """A header-field label line ("ADVISER") or an inline "Adviser: Jo Bloggs"."""
        if self.section not in (None, "headline") or paragraph.kind == "bullet":
            return False
        label, sep, value = text.partition(":")
        name = self.template.match_field_label(label if sep else text)
        if name is None or name in self.out.fields:
            return False
        if sep and value.strip():
            start = paragraph.start + len(text) - len(value.lstrip())
            self.out.fields[name] = [
                Paragraph(kind="paragraph", text=value.strip(), start=start,
                          end=start + len(value.strip()), page=paragraph.page)
            ]
        else:
            self.pending_label = name
        return True

    def _field_row(self, cells: list[Cell]) -> bool:
        """Header-table rows: label | value (| label | value …)."""
        found = False
        for index, cell in enumerate(cells[:-1]):
            name = self.template.match_field_label(cell.text)
            if name is None or name in self.out.fields:
                continue
            value_cell = cells[index + 1]
            if self.template.match_field_label(value_cell.text) is None:
                self.out.fields[name] = list(value_cell.paragraphs)
                found = True
        return found


def walk(layout: Layout, template: Template) -> Walked:
    """Sort the layout's blocks into fields, sections and the preamble before any section."""
    walker = _Walker(template)
    for block in layout.blocks:
        if isinstance(block, TableRow):
            walker.row(block)
        else:
            walker.paragraph(block)
    return walker.out
