"""Word documents (``.docx``) read with python-docx, walking the body in document order.

Paragraphs and tables come interleaved as in the document. Style-based headings (Heading N,
Title, outline levels) become headings; numbered paragraphs (``w:numPr`` on the paragraph or its
style, "List Bullet"/"List Number" styles) and paragraphs starting with a typed bullet become
bullets with their level and rendered marker. Table cells keep their paragraphs and shading
(read from ``w:tcPr/w:shd``, which python-docx does not expose); a horizontally merged cell
appears once, a vertically merged continuation cell is empty, nested tables are flattened into
their cell, content controls are read through, text boxes follow their paragraph. The first
page's header comes first (some advisers put the authority, period and names there); other
headers, footers and deleted (tracked) text are ignored.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from extractor.layout import Layout, ParagraphKind
from extractor.loaders.config import config
from extractor.loaders.docx_numbering import Numbering
from extractor.loaders.docx_package import check_package
from extractor.loaders.docx_styles import (
    StyleInfo,
    Styles,
    left_indent,
    numbering_of,
    on,
    outline_heading,
    q,
)
from extractor.loaders.drafts import Cell, Para, Row, emit, ends_sentence
from extractor.loaders.limits import Limits
from extractor.loaders.markers import IndentLevels, leading_marker
from extractor.loaders.source import read_bytes
from models.errors import UnreadableDocument

__all__ = ["load_docx"]

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT = "{http://purl.oclc.org/ooxml/"  # ISO 29500 Strict namespaces, which python-docx lacks
_FALLBACK = f"{{{_MC}}}Fallback"
# Inline containers whose runs are part of the paragraph's text.
_CONTAINERS = frozenset(
    q(tag) for tag in ("ins", "hyperlink", "smartTag", "fldSimple", "customXml", "sdt",
                       "sdtContent", "moveTo", "dir", "bdo")
)
_SKIPPED = frozenset(q(tag) for tag in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr"))
_HEX_CODE = re.compile(r"[0-9A-Fa-f]{1,4}")
_CHARACTERS = {q("tab"): "\t", q("br"): "\n", q("cr"): "\n", q("noBreakHyphen"): "-"}
# A cell with no more text than this may be a rating marked by shaded or highlighted text.
_SHORT_CELL = 40
# What python-docx raises on a damaged package (its XML classes raise AttributeError and
# TypeError when a part's root element is not what they expect).
_ERRORS = (
    PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, etree.LxmlError,
    OSError, AttributeError, TypeError,
)


def _broken_lines(text: str) -> list[str]:
    """A paragraph's lines at its manual line breaks ("Local authority: X" / "Adviser: Y",
    "Care leavers" / "Amber"), a line that breaks off mid-sentence ("… placements and" /
    "external costs", "… 391 days" / "(England 448).") joined to the next."""
    lines: list[str] = []
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        if lines and (line[0].islower() or line[0] in "(0123456789") and not ends_sentence(
                lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines or [""]


def load_docx(path: Path, *, limits: Limits | None = None) -> Layout:
    """Load a Word report into a Layout (pages: None).

    Raises UnreadableDocument for a corrupt, encrypted or over-large package and for a document
    without text.
    """
    path = Path(path)
    limits = Limits.resolve(limits)
    data = read_bytes(path, limits)
    check_package(data, path, limits)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type not in config()["docx"]["main_content_types"]:
            raise UnreadableDocument(f"not a Word document ({part.content_type})", path)
        root = getattr(part, "element", None)
        if root is None:  # a macro-enabled document or template: python-docx leaves it unparsed
            root = parse_xml(part.blob)
        styles, numbering = _related(part, RT.STYLES), _related(part, RT.NUMBERING)
    except _ERRORS as exc:
        raise UnreadableDocument(f"corrupt DOCX: {exc}", path) from exc
    body = root.find(q("body"))
    if body is None and str(root.tag).startswith(_STRICT):
        raise UnreadableDocument("Strict Open XML DOCX: save it as a standard Word document", path)
    if body is None:
        raise UnreadableDocument("corrupt DOCX: the document has no body", path)
    walker = _Walker(Styles(styles), Numbering(numbering))
    try:
        header = _first_page_header(part, body)
    except _ERRORS:  # a damaged header costs the header, never the document
        header = None
    blocks = walker.body(header) if header is not None else []
    return emit([*blocks, *walker.body(body)], "docx", path)


def _first_page_header(part: Any, body: Any) -> Any | None:
    """The ``w:hdr`` shown on the first page: the first section's "first" header when it has a
    distinct first page, else its default one; None when there is none or it cannot be read."""
    section = body.find(f"{q('p')}/{q('pPr')}/{q('sectPr')}")
    if section is None:
        section = body.find(q("sectPr"))
    if section is None:
        return None
    kinds = {ref.get(q("type")): ref.get(f"{{{_R}}}id") for ref in section.findall(
        q("headerReference"))}
    wanted = "first" if section.find(q("titlePg")) is not None else "default"
    target = kinds.get(wanted) or kinds.get("default")
    related = part.related_parts.get(target) if target else None
    if related is None:
        return None
    element = getattr(related, "element", None)
    return element if element is not None else parse_xml(related.blob)


def _related(part: Any, relationship: str) -> Any | None:
    """The parsed XML of the part related to ``part`` by ``relationship``, or None."""
    try:
        related = part.part_related_by(relationship)
    except KeyError:
        return None
    element = getattr(related, "element", None)
    return element if element is not None else parse_xml(related.blob)


def _children(element: Any) -> Iterator[Any]:
    """Children of ``element``, reading through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == q("sdt"):
            content = child.find(q("sdtContent"))
            yield from _children(content) if content is not None else ()
        elif child.tag in (q("customXml"), q("sdtContent")):
            yield from _children(child)
        else:
            yield child


@dataclass
class _Runs:
    """What a paragraph's runs hold: ``(text, bold)`` pieces and anchored text boxes."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)


class _Walker:
    """Walks a document body into Para and Row drafts."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self._styles = styles
        self._numbering = numbering
        self._tables = 0
        self._typed = IndentLevels()  # levels of typed bullets, from their indents

    def body(self, body: Any) -> list[Para | Row]:
        """The drafts of ``w:body``'s paragraphs and tables, in document order."""
        blocks: list[Para | Row] = []
        for child in _children(body):
            if child.tag == q("p"):
                blocks.extend(self._paragraph(child))
            elif child.tag == q("tbl"):
                blocks.extend(self._table(child))
        return blocks

    # -- tables -------------------------------------------------------------------------------
    def _table(self, table: Any) -> list[Row]:
        index = self._tables
        self._tables += 1
        rows = []
        for row in _children(table):
            if row.tag == q("tr"):
                cells = [self._cell(cell) for cell in _children(row) if cell.tag == q("tc")]
                rows.append(Row(cells=cells, table=index))
        return rows

    def _cell(self, cell: Any) -> Cell:
        properties = cell.find(q("tcPr"))
        merge = properties.find(q("vMerge")) if properties is not None else None
        result = Cell(fill=_fill(properties))
        if merge is not None and merge.get(q("val"), "continue") == "continue":
            result.merged_above = True
            return result
        self._typed.reset()
        result.paras = self._flatten(cell)
        self._typed.reset()
        if result.fill is None and sum(len(p.text) for p in result.paras) <= _SHORT_CELL:
            result.fill = _text_colour(cell)
        return result

    def _flatten(self, container: Any) -> list[Para]:
        """The paragraphs of a cell, with nested tables flattened in document order: a nested
        row of a short label and its value becomes one line ("This report | AMBER"), so the two
        stay paired."""
        paras: list[Para] = []
        for child in _children(container):
            if child.tag == q("p"):
                paras.extend(self._paragraph(child))
            elif child.tag == q("tbl"):
                for row in _children(child):
                    cells = [self._flatten(c) for c in _children(row) if c.tag == q("tc")]
                    paras.extend(_label_line(cells) or [p for cell in cells for p in cell])
        return paras

    # -- paragraphs ---------------------------------------------------------------------------
    def _paragraph(self, paragraph: Any) -> list[Para]:
        """The paragraph as a draft, followed by the paragraphs of any text box it anchors."""
        properties = paragraph.find(q("pPr"))
        style_element = properties.find(q("pStyle")) if properties is not None else None
        style = self._styles.get(style_element.get(q("val")) if style_element is not None else None)
        found = _Runs()
        self._runs(paragraph, style.bold, found)
        text = "".join(piece for piece, _ in found.pieces).strip()
        bold = all(is_bold for part, is_bold in found.pieces if part.strip())
        para = Para(text, bold=bool(text) and bold)
        justify = properties.find(q("jc")) if properties is not None else None
        centered = style.centered if justify is None else justify.get(q("val")) == "center"
        para.centered = bool(centered)
        if style.heading or outline_heading(properties):
            para.kind = "heading"
        else:
            self._list_item(para, properties, style)
        if para.kind != "bullet" and text:
            self._typed.reset()
        paras = [para] if text else []
        if "\n" in para.text:  # manual line breaks: each line a paragraph, as printed
            first, *rest = _broken_lines(para.text)
            para.text = first
            kind: ParagraphKind = "heading" if para.kind == "heading" else "paragraph"
            paras += [Para(line, bold=para.bold, kind=kind) for line in rest]
        for box in found.boxes:
            paras.extend(self._flatten(box))
        return paras

    def _list_item(self, para: Para, properties: Any, style: StyleInfo) -> None:
        """Make ``para`` a bullet when it is numbered, in a list style or starts with a marker."""
        num_id, ilvl = numbering_of(properties)
        num_id = style.num_id if num_id is None else num_id
        ilvl = style.ilvl if ilvl is None else ilvl
        if num_id in self._numbering and num_id is not None:
            # "List Bullet 2" often points at a one-level list: its name carries the nesting
            para.kind, para.level = "bullet", max(ilvl or 0, style.list_level or 0)
            para.marker = self._numbering.marker(num_id, ilvl or 0)
            return
        typed = leading_marker(para.text)
        if typed is not None:
            para.kind, para.marker, para.text = "bullet", typed[0].text, typed[1]
            indent = left_indent(properties)
            depth = self._typed.level((style.indent or 0) if indent is None else indent)
            para.level = max(style.list_level or 0, depth)
        elif style.list_level is not None and num_id != "0":
            para.kind, para.level = "bullet", style.list_level
            para.marker = str(config()["markers"]["word_bullet"])

    def _runs(self, element: Any, style_bold: bool | None, found: _Runs) -> None:
        """Collect ``(text, bold)`` per run in reading order, and text boxes into ``boxes``."""
        for child in element:
            tag = child.tag
            if tag == q("r"):
                self._run(child, style_bold, found)
            elif tag in _CONTAINERS:
                self._runs(child, style_bold, found)

    def _run(self, run: Any, style_bold: bool | None, found: _Runs) -> None:
        properties = run.find(q("rPr"))
        if properties is not None and on(properties.find(q("vanish"))):
            return  # hidden text: Word does not show or print it
        bold = on(properties.find(q("b"))) if properties is not None else None
        if bold is None and properties is not None:
            character = properties.find(q("rStyle"))
            if character is not None:
                bold = self._styles.get(character.get(q("val"))).bold
        if bold is None:
            bold = style_bold if style_bold is not None else self._styles.default_bold
        parts: list[str] = []
        for child in run:
            if child.tag == q("t"):
                parts.append(child.text or "")
            elif child.tag in _CHARACTERS:
                parts.append(_CHARACTERS[child.tag])
            elif child.tag == q("sym"):  # a symbol-font character, such as a typed bullet
                parts.append(_symbol(child.get(q("char"), "")))
            elif child.tag not in _SKIPPED:
                found.boxes.extend(
                    box for box in child.iter(q("txbxContent"))
                    if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors())
                )
        text = "".join(parts)
        if text.isdigit() and _superscript(properties):
            return  # a footnote mark typed as a raised digit: never part of a number ("29²")
        if parts:
            found.pieces.append((text, bool(bold)))


def _superscript(properties: Any) -> bool:
    align = properties.find(q("vertAlign")) if properties is not None else None
    return align is not None and align.get(q("val")) == "superscript"


def _symbol(code: str) -> str:
    """The character a ``w:sym/@w:char`` code (hex) stands for; "" for junk or surrogates."""
    if not _HEX_CODE.fullmatch(code):
        return ""
    character = chr(int(code, 16))
    return "" if "\ud800" <= character <= "\udfff" else character


def _text_colour(cell: Any) -> str | None:
    """The one shading or highlight colour behind every run of text in ``cell``, or None.

    Some reports mark a rating by shading its paragraph or highlighting its text rather than
    filling the cell.
    """
    highlights: dict[str, str] = config()["docx"]["highlights"]
    colours = set()
    for paragraph in cell.iter(q("p")):
        behind = _fill(paragraph.find(q("pPr")))
        for run in paragraph.iter(q("r")):
            if not any((text.text or "").strip() for text in run.iter(q("t"))):
                continue
            properties = run.find(q("rPr"))
            highlight = properties.find(q("highlight")) if properties is not None else None
            named = highlight.get(q("val"), "") if highlight is not None else ""
            colours.add(_fill(properties) or highlights.get(named) or behind)
    return colours.pop() if len(colours) == 1 else None


def _fill(properties: Any) -> str | None:
    """A cell's shading colour: ``w:shd/@w:fill``, or ``@w:color`` for a solid pattern."""
    shading = properties.find(q("shd")) if properties is not None else None
    if shading is None:
        return None
    fill = shading.get(q("fill"))
    if shading.get(q("val")) == "solid" and shading.get(q("color"), "auto") != "auto":
        fill = shading.get(q("color"))
    return None if not fill or fill == "auto" else fill


def _label_line(cells: list[list[Para]]) -> list[Para]:
    """A nested row of two cells, a short label and a one-line value, as one "label | value"
    paragraph; an empty list for any other row."""
    if len(cells) != 2 or len(cells[0]) != 1 or len(cells[1]) != 1:
        return []
    label, value = cells[0][0], cells[1][0]
    if (len(label.text.split()) > config()["nested_tables"]["label_max_words"]
            or label.kind != "paragraph"):
        return []
    return [Para(f"{label.text.strip()} | {value.text.strip()}")]
