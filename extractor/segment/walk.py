"""Walk a Layout's blocks once and sort them into header fields and template sections.

Headings may stand as paragraphs, as "Heading: text" lines, or inside table cells (a one-cell
row, a "heading | content" row, or a row of headings over columns of content, such as going
well | risks side by side). Header fields may be "label | value" cells, a row of labels over a
row of values, a label line followed by its value, or a line of label and value ("Label: value",
"Label – value", "LABEL     value"). Template instruction text and a table of contents are
dropped here, so no later stage sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.fields import in_capitals
from extractor.fields.labels import (
    column_spans,
    read_bracketed_roles,
    read_label_line,
    read_name_role_line,
)
from extractor.layout import Cell, Layout, Paragraph, TableRow
from extractor.segment.mend import Unit, mend
from extractor.template import Section, Template, normalise_label

__all__ = ["Unit", "Walked", "walk"]


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


# A table cell of at least this many words holds a sentence, not a heading.
_SENTENCE_WORDS = 6
_CONTENTS_WORDS = 15  # a line of a table of contents is no longer than this
_PAGE_NUMBER = re.compile(r"[\s.…·_-]*\d{1,3}\s*$")  # "Headline messages ........ 3"
_CAPITALS_SHARE = 0.75  # of a heading's letters in capitals ("DfE CASE LEAD")
_NUMBER_MARKER = re.compile(r"\d+[.)]")  # a list marker that numbers ("3.", "4)")
# Where the blocks under a heading of no known section go (nothing reads them).
UNRECOGNISED = "unrecognised"


class _Walker:
    def __init__(self, template: Template) -> None:
        self.template = template
        self.out = Walked()
        self.section: str | None = None
        # Field label lines waiting for their values, and the value lines seen since: one label
        # takes the next line; a block of labels ("AUTHORITY / PERIOD / ADVISER", as a text
        # conversion writes a header table) takes a block of exactly as many values.
        self.pending_labels: list[str] = []
        self.label_values: list[Paragraph] = []
        self.labels_in_capitals = False  # so "Council", the rest of a wrapped value, is no label
        self.after_heading = False  # instruction text in brackets follows headings
        self.item_marker: str | None = None  # the marker of the section's last bullet
        self.contents: set[str] | None = None  # the entries of a table of contents being read
        # A table whose header row names fields or sections per column: table → column → name.
        self.column_fields: tuple[int, dict[int, str]] | None = None
        self.column_sections: tuple[int, dict[int, str]] | None = None
        # What a table of section columns inside the headline gave each section ("Positive |
        # Concerns" under the headline messages): dropped if a heading opens it later
        self.headline_table: tuple[int, dict[str, list[Unit]]] | None = None
        self.headed: set[str] = set()  # sections a heading opened

    # -- paragraphs -------------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if not text or self._instruction(text) or self._contents_entry(text):
            return
        if self.pending_labels and self._label_value(paragraph, text):
            return
        if self._field(paragraph, text):
            return
        if not self._inside_bullets(paragraph) and self._heading(paragraph, text):
            return
        self.after_heading = False
        self.out.add(self.section, paragraph)
        if paragraph.kind == "bullet":
            self.item_marker = paragraph.marker

    def _contents_entry(self, text: str) -> bool:
        """A "Contents" heading or a line of the list under it, up to the first line that is
        no short title ("Headline messages ..... 3") or repeats one (the body begins)."""
        if self.template.is_contents_heading(text):
            self.contents = set()
            return True
        if self.contents is None:
            return False
        entry = normalise_label(_PAGE_NUMBER.sub("", text))
        if (entry in self.contents or not entry or len(text.split()) > _CONTENTS_WORDS
                or text.endswith((".", "!", "?"))):
            self.contents = None
            return False
        self.contents.add(entry)
        return True

    def _heading(self, paragraph: Paragraph, text: str) -> bool:
        """Open the section this paragraph heads; "Heading: text" keeps the text as content,
        unless the whole line is a heading set as one ("Progress: what is going well")."""
        if self.section == "assessment" and self.template.is_column_heading(text):
            return False  # a rating table's header cell on a line of its own ("PROGRESS")
        styled = _styled_as_heading(paragraph, text)
        whole = self.template.match_heading(text, styled=True) if styled else None
        label, colon, rest = text.partition(":")
        # "Risks: …" in running text is not a heading; a longer label or a bold one is.
        if whole is None and colon and rest.strip() and (
                len(label.split()) > 1 or paragraph.bold):
            heading = self.template.match_heading(label)
            if heading is not None:
                self._open(heading)
                self.after_heading = False
                self.out.add(self.section, paragraph.part(len(label) + 1))
                return True
        heading = whole or self.template.match_heading(text, styled=styled)
        if heading is not None:
            self._open(heading)
            self.headed.add(heading.key)
            return True
        if (paragraph.kind == "heading" or (paragraph.bold and _in_capitals(text))) and (
                self._in_list_section()):
            # a heading of no section ends the list: "Document control", "Distribution"
            self._flush_labels()
            self.section = UNRECOGNISED
            return True
        return False

    def _in_list_section(self) -> bool:
        return self.section is not None and self.section != UNRECOGNISED and (
            self.template.section(self.section).kind == "bullets")

    def _field(self, paragraph: Paragraph, text: str) -> bool:
        """A header-field label line ("ADVISER") or an inline "Adviser: Jo Bloggs"."""
        if self.section not in (None, "headline") or paragraph.kind == "bullet":
            return False
        found = read_label_line(paragraph.text, self.template.match_field_label)
        in_sentence = False
        if not found and self.section is None:  # a title block: "Jo Bell, DfE Adviser"
            found = read_name_role_line(paragraph.text, self.template.match_field_label)
            if not found:  # "… prepared by Jo Bell (DfE adviser) for …"
                found = read_bracketed_roles(paragraph.text, self.template.match_field_label)
                in_sentence = bool(found)
        pairs = [pair for pair in found if pair.name not in self.out.fields
                 and not self.template.reads_as_title(paragraph.text[pair.start:pair.end])]
        if pairs:
            self._flush_labels()
            for pair in pairs:
                self.out.fields[pair.name] = [paragraph.part(pair.start, pair.end)]
            if in_sentence:  # the sentence may name the authority or the period as well
                self.out.add(self.section, paragraph)
            return True
        label, colon, value = text.partition(":")
        names = [self.template.match_field_label(label if colon else text)]
        if names[0] is None and not colon:  # a row of labels: "ADVISER      DfE CASE LEAD"
            names = [self.template.match_field_label(text[start:end].rstrip(":"))
                     for start, end in column_spans(text)]
        if (len(names) == 1 and value.strip()) or not all(
                name is not None and name not in self.out.fields for name in names):
            return False
        if self.label_values:
            self._flush_labels()
        if not self.pending_labels:
            self.labels_in_capitals = _in_capitals(text)
        self.pending_labels.extend(name for name in names if name is not None)
        return True

    def _label_value(self, paragraph: Paragraph, text: str) -> bool:
        """Take ``paragraph`` as the value of the waiting label(s), unless it is a label or a
        heading itself."""
        if self.template.match_field_label(text.partition(":")[0]) is not None and (
                not self.labels_in_capitals or _in_capitals(text)):
            return False
        if self.template.match_heading(text) is not None:
            return False
        if len(self.pending_labels) == 1 and not self.label_values:
            self.out.fields.setdefault(self.pending_labels.pop(), []).append(paragraph)
            return True
        spans = column_spans(paragraph.text)
        if not self.label_values and len(spans) == len(self.pending_labels) > 1:
            self.label_values = [paragraph.part(start, end) for start, end in spans]
            self._flush_labels()  # a row of values under a row of labels
            return True
        self.label_values.append(paragraph)
        return True

    def finish(self) -> None:
        """The document has ended: settle the labels still waiting, and drop what a table in
        the headline gave a section that a heading opened later (a summary of that section)."""
        self._flush_labels()
        if self.headline_table is not None:
            for key, units in self.headline_table[1].items():
                if key in self.headed:
                    dropped = {id(unit) for unit in units}
                    self.out.sections[key] = [u for u in self.out.sections.get(key, [])
                                              if id(u) not in dropped]

    def _flush_labels(self) -> None:
        """Pair a block of labels with its block of values, in order, when the counts agree;
        otherwise (a value wrapped over two lines, say) leave those fields unread: a wrong
        adviser is worse than none."""
        labels, values = self.pending_labels, self.label_values
        self.pending_labels, self.label_values = [], []
        if len(labels) == len(values):
            for name, value in zip(labels, values, strict=True):
                self.out.fields.setdefault(name, [value])
        else:
            for value in values:
                self.out.add(self.section, value)

    # -- table rows -------------------------------------------------------------------------

    def row(self, row: TableRow) -> None:
        self._flush_labels()
        self.contents = None
        cells = [c for c in row.cells if c.paragraphs]
        if not cells:
            if any(c.fill for c in row.cells) and self.section == "assessment":
                self.out.add(self.section, row)
            return
        if self._column_values(row) or self._field_row(row, cells):
            return
        if self._column_headings(row) or self._heading_row(row, cells):
            return
        if self.section is None:
            for cell in cells:  # a title block laid out as a table: read it as lines
                self._cell_paragraphs(cell)
            return
        if len(row.cells) == 1:
            self._cell_paragraphs(cells[0])  # a one-cell table is a framed block of text
            return
        if self.section != "assessment" and self._rating_table_header(row):
            self._open(self.template.section("assessment"))
        self.after_heading = False
        self.out.add(self.section, row)

    def _rating_table_header(self, row: TableRow) -> bool:
        """A header row naming a rating column and an area or summary column ("Area | RAG |
        Commentary") starts the assessment table, whatever heading came before it."""
        roles = {self.template.table_role(cell.text) for cell in row.cells if cell.paragraphs}
        return "rating" in roles and bool(roles & {"area", "summary"})

    def _heading_row(self, row: TableRow, cells: list[Cell]) -> bool:
        """A row that starts with a section heading: "HEADLINE MESSAGES | text" or a banner."""
        first = cells[0].paragraphs
        heading = self.template.match_heading(first[0].text)
        if heading is None or (len(first) == 1 and len(row.cells) > 1
                               and heading.kind == "assessments"):
            if heading is not None:  # a banner row over an assessment table
                self._open(heading)
            return False
        if self.section == "headline" and heading.key != "headline":  # "Positive | text"
            self.headline_table = (row.table, {})
        self._open(heading)
        if heading.kind == "bullets" and len(first) == 1 and not any(
                reads_as_sentence(c.text) for c in cells[1:]):
            return True  # the header row of a list table: "Risk | Mitigation | Owner"
        before = len(self.out.sections.get(heading.key, []))
        for paragraph in first[1:]:
            self.paragraph(paragraph)
        for cell in cells[1:]:
            self._cell_paragraphs(cell)
        self._note_headline_table(row.table, heading.key, before)
        return True

    def _column_headings(self, row: TableRow) -> bool:
        """A row of section headings over columns of content (going well | risks)."""
        active = self.column_sections
        if active is not None and active[0] == row.table:
            for index, cell in enumerate(row.cells):
                if index in active[1]:
                    key = active[1][index]
                    self._open(self.template.section(key))
                    before = len(self.out.sections.get(key, []))
                    self._cell_paragraphs(cell)
                    self._note_headline_table(row.table, key, before)
            return True
        headings = {
            i: self.template.match_heading(c.text) for i, c in enumerate(row.cells)
            if len(c.paragraphs) == 1
        }
        found = {i: h.key for i, h in headings.items() if h is not None}
        if len(found) < 2 or len(found) < len([c for c in row.cells if c.paragraphs]):
            return False
        self.column_sections = (row.table, found)
        if self.section == "headline":
            self.headline_table = (row.table, {})
        self._open(self.template.section(found[max(found)]))
        return True

    def _field_row(self, row: TableRow, cells: list[Cell]) -> bool:
        """Header-table rows: label | value (| label | value …), or a row of labels only."""
        if self._stacked_fields(cells):
            return True
        labels = {i: self.template.match_field_label(c.text) for i, c in enumerate(row.cells)}
        if len(cells) >= 2 and all(labels[i] for i, c in enumerate(row.cells) if c.paragraphs):
            self.column_fields = (row.table, {i: n for i, n in labels.items() if n})
            return True
        found = False
        for index, name in labels.items():
            if name is None or name in self.out.fields or index + 1 >= len(row.cells):
                continue
            value = row.cells[index + 1]
            if value.paragraphs and labels.get(index + 1) is None:
                self.out.fields[name] = list(value.paragraphs)
                found = True
        if found:  # other cells may hold a label and its value together ("Period: May 2025")
            paired = {i + step for i, name in labels.items() if name for step in (0, 1)}
            for index, cell in enumerate(row.cells):
                if index not in paired:
                    for paragraph in cell.paragraphs:
                        self._field(paragraph, paragraph.text)
        return found

    def _stacked_fields(self, cells: list[Cell]) -> bool:
        """Cells that each hold a label over its value ("Local authority" / "Penhallow ...")."""
        stacked = [(self.template.match_field_label(c.paragraphs[0].text), c) for c in cells
                   if len(c.paragraphs) >= 2]
        if len(stacked) < 2 or len(stacked) < len(cells) or not all(n for n, _ in stacked):
            return False
        for name, cell in stacked:
            assert name is not None
            self.out.fields.setdefault(name, list(cell.paragraphs[1:]))
        return True

    def _column_values(self, row: TableRow) -> bool:
        """The values row under a row of field labels."""
        active, self.column_fields = self.column_fields, None
        if active is None or active[0] != row.table:
            return False
        for index, name in active[1].items():
            if index < len(row.cells) and row.cells[index].paragraphs:
                self.out.fields.setdefault(name, list(row.cells[index].paragraphs))
        return True

    # -- helpers ----------------------------------------------------------------------------

    def _note_headline_table(self, table: int, key: str, before: int) -> None:
        """Remember the units a row of the headline's table gave section ``key`` (those after
        the first ``before``)."""
        if self.headline_table is not None and self.headline_table[0] == table:
            self.headline_table[1].setdefault(key, []).extend(
                self.out.sections.get(key, [])[before:])

    def _cell_paragraphs(self, cell: Cell) -> None:
        for paragraph in cell.paragraphs:
            self.paragraph(paragraph)

    def _open(self, section: Section) -> None:
        self._flush_labels()
        self.section = section.key
        self.out.opened.add(section.key)
        self.after_heading = True
        self.item_marker = None
        if self.column_sections and section.key not in self.column_sections[1].values():
            self.column_sections = None

    def _inside_bullets(self, paragraph: Paragraph) -> bool:
        """A bullet inside a bullet section is an item, even if it reads like a heading, unless
        it is set as one (capitals or bold: "3. DETAILED ASSESSMENT" numbered like a list) or
        numbered after items marked otherwise ("3. Detailed assessment" after "•" items: a
        text export keeps a numbered heading's number)."""
        if paragraph.kind != "bullet" or self.section not in ("going_well", "risks"):
            return False
        return not (paragraph.bold or in_capitals(paragraph.text)
                    or _numbered_apart(paragraph.marker, self.item_marker))

    def _instruction(self, text: str) -> bool:
        bracketed = text.startswith("(") and text.endswith(")")
        return self.template.is_instruction(text) or (bracketed and self.after_heading)


def _numbered_apart(marker: str | None, item_marker: str | None) -> bool:
    """A list marker that numbers ("3.") after items marked otherwise ("•")."""
    return (item_marker is not None and _NUMBER_MARKER.fullmatch(marker or "") is not None
            and _NUMBER_MARKER.fullmatch(item_marker) is None)


def reads_as_sentence(text: str) -> bool:
    """Words that make a sentence (a list item), not a label or a column heading."""
    words = len(text.split())
    return words >= _SENTENCE_WORDS or (words >= 3 and text.rstrip().endswith((".", "!", "?")))


def _in_capitals(text: str) -> bool:
    """Set in capitals, allowing an acronym such as "DfE"."""
    return in_capitals(text, _CAPITALS_SHARE)


def walk(layout: Layout, template: Template) -> Walked:
    """Sort the layout's blocks into fields, sections and the preamble before any section."""
    walker = _Walker(template)
    for block in mend(layout.blocks, template):
        if isinstance(block, TableRow):
            walker.row(block)
        else:
            walker.paragraph(block)
    walker.finish()
    return walker.out


def _styled_as_heading(paragraph: Paragraph, text: str) -> bool:
    """The document marks the paragraph as a heading: a heading style, or bold throughout and
    not a sentence (a PDF keeps no styles)."""
    return paragraph.kind == "heading" or (
        paragraph.bold and paragraph.kind == "paragraph" and not text.rstrip().endswith("."))
