"""Write one report as a Word document in the DfE highlight report template's layout."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from corpus.generator.markup import plain
from corpus.generator.numbering import new_list, set_list_level
from corpus.generator.spec import (
    AreaPlan,
    AssessmentSpec,
    Bullet,
    HouseStyle,
    ReportSpec,
    SeriesSpec,
)
from corpus.generator.text import OFSTED_AREAS, line, nested, paragraphs

__all__ = ["write_docx"]

_COLUMN_WIDTHS = (Cm(5.0), Cm(2.8), Cm(9.2))
_HEADER_WIDTHS = (Cm(5.0), Cm(12.0))
_LIST_STYLES = ("List Bullet", "List Bullet 2")
_FIELD_XML = (
    '<w:fldChar {ns} w:fldCharType="begin"/>',
    '<w:instrText {ns} xml:space="preserve"> {code} </w:instrText>',
    '<w:fldChar {ns} w:fldCharType="end"/>',
)


def _shade(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def _widths(table: Table, widths: tuple[Length, ...]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _heading(doc: Document, text: str, style: HouseStyle) -> None:
    if style.heading_mode == "word":
        doc.add_heading(text, level=2)
        return
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.add_run(text).bold = True


def _instruction(doc: Document, text: str | None) -> None:
    if text:
        doc.add_paragraph().add_run(text).italic = True


def _bullets(doc: Document, bullets: list[Bullet], style: HouseStyle) -> None:
    for bullet in bullets:
        for level, text in nested(bullet.text, bullet.sub):
            if style.typed_bullets:
                paragraph = doc.add_paragraph(f"{style.typed_bullets[level]}\t{line(plain(text))}")
                paragraph.paragraph_format.left_indent = Cm(0.63 * (level + 1))
                paragraph.paragraph_format.first_line_indent = Cm(-0.63)
            else:
                doc.add_paragraph(line(plain(text)), style=_LIST_STYLES[level])


def _field(paragraph: Paragraph, code: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laid out."""
    for xml in _FIELD_XML:
        paragraph.add_run()._r.append(parse_xml(xml.format(ns=nsdecls("w"), code=code)))


def _furniture(doc: Document, style: HouseStyle) -> None:
    section = doc.sections[0]
    if style.marking:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(style.marking).bold = True
    if style.page_numbers:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")


def _setup(doc: Document, style: HouseStyle) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = style.font
    normal.font.size = Pt(style.font_size)
    normal.paragraph_format.space_after = Pt(4)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _header_table(doc: Document, spec: ReportSpec, series: SeriesSpec, style: HouseStyle) -> None:
    values = [series.name, spec.period["label"], spec.printed_adviser, spec.case_lead or ""]
    pairs = list(zip(style.labels, values, strict=True))
    if style.header_layout == "rows":
        table = doc.add_table(rows=2, cols=len(pairs))
        cells = [(table.cell(0, i), table.cell(1, i)) for i in range(len(pairs))]
    else:
        table = doc.add_table(rows=len(pairs), cols=2)
        cells = [(table.cell(i, 0), table.cell(i, 1)) for i in range(len(pairs))]
        _widths(table, _HEADER_WIDTHS)
    table.style = "Table Grid"
    for (label_cell, value_cell), (label, value) in zip(cells, pairs, strict=True):
        label_cell.paragraphs[0].add_run(label).bold = True
        value_cell.paragraphs[0].add_run(value)
        if style.label_fill:
            _shade(label_cell, style.label_fill)


def _fill_plan(doc: Document, cell: _Cell, plan: AreaPlan) -> None:
    cell.paragraphs[0].add_run(plan.title).bold = True
    if plan.intro:
        cell.add_paragraph(line(plan.intro))
    if plan.numbering == "none":
        for item in plan.items:
            cell.add_paragraph(line(item.text))
        return
    num_id = new_list(doc, plan.numbering)
    for item in plan.items:
        for level, text in nested(item.text, item.sub):
            paragraph = cell.add_paragraph(line(text), style="List Paragraph")
            set_list_level(paragraph, num_id, level)


def _fill_rating(cell: _Cell, row: AssessmentSpec, style: HouseStyle) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if row.rating is not None:
        _shade(cell, style.rating_fills[row.rating])
    if style.rating_display == "fill" and row.rating is not None:
        return
    text = row.rating_text or (style.rating_words[row.rating] if row.rating else "")
    if text:
        paragraph.add_run(text).bold = True


def _table(doc: Document, rows: list[AssessmentSpec], series: SeriesSpec, style: HouseStyle,
           *, header: bool) -> None:
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, style.table_header, strict=True):
            title, _, rest = text.partition(" (")
            cell.paragraphs[0].add_run(title).bold = True
            if rest:
                cell.paragraphs[0].add_run(f" ({rest}")
            if style.header_fill:
                _shade(cell, style.header_fill)
    for row in rows:
        cells = table.add_row().cells
        _fill_plan(doc, cells[0], series.plan_for(row))
        _fill_rating(cells[1], row, style)
        texts = paragraphs(plain(row.summary))
        cells[2].paragraphs[0].add_run(texts[0] if texts else "")
        for text in texts[1:]:
            cells[2].add_paragraph(text)
    _widths(table, _COLUMN_WIDTHS)


def _assessments(doc: Document, spec: ReportSpec, series: SeriesSpec, style: HouseStyle) -> None:
    own = [row for row in spec.assessments if row.area not in OFSTED_AREAS]
    ofsted = [row for row in spec.assessments if row.area in OFSTED_AREAS]
    if style.ofsted_heading and own:
        _table(doc, own, series, style, header=True)
        _heading(doc, style.ofsted_heading, style)
        _table(doc, ofsted, series, style, header=False)
    else:
        _table(doc, spec.assessments, series, style, header=True)


def write_docx(spec: ReportSpec, series: SeriesSpec, path: Path) -> None:
    """Write ``spec`` as a .docx at ``path`` in the series' house style."""
    style = series.style_for(spec)
    doc = docx.Document()
    _setup(doc, style)
    _furniture(doc, style)
    written = datetime.strptime(spec.period["end"], "%Y-%m").replace(day=28, tzinfo=UTC)
    props = doc.core_properties
    props.author, props.title, props.created, props.modified = (
        "Department for Education", style.title, written, written
    )
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(style.title)
    run.bold, run.font.size = True, Pt(style.font_size + 3)
    _header_table(doc, spec, series, style)
    _heading(doc, style.headline_heading, style)
    _instruction(doc, style.headline_instruction)
    for text in paragraphs(plain(spec.headline)):
        doc.add_paragraph(text)
    _heading(doc, style.overview_heading, style)
    _instruction(doc, style.overview_instruction)
    doc.add_paragraph().add_run(style.going_well_heading).bold = True
    _bullets(doc, spec.going_well, style)
    doc.add_paragraph().add_run(style.risks_heading).bold = True
    _bullets(doc, spec.risks, style)
    _heading(doc, style.assessment_heading, style)
    _instruction(doc, style.assessment_instruction)
    for text in style.rag_key:
        doc.add_paragraph(text)
    _assessments(doc, spec, series, style)
    for heading, instruction, bullets in (
        (style.coming_up_heading, style.coming_up_instruction, spec.coming_up),
        (style.additional_heading, style.additional_instruction, spec.additional_info),
    ):
        _heading(doc, heading, style)
        _instruction(doc, instruction)
        _bullets(doc, bullets, style)
    _heading(doc, style.next_update_heading, style)
    doc.add_paragraph(spec.next_update["label"])
    path.parent.mkdir(parents=True, exist_ok=True)
    _save_reproducibly(doc, path)


def _save_reproducibly(doc: Document, path: Path) -> None:
    """Save with fixed zip timestamps so that regenerating leaves unchanged files unchanged."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, source.read(item.filename))
