"""Real Word list numbering (numbering.xml) for lists python-docx's styles cannot restart."""

from __future__ import annotations

from typing import Literal

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

__all__ = ["ListKind", "new_list", "set_list_level"]

ListKind = Literal["decimal", "bullet"]

_LEVELS: dict[ListKind, list[tuple[str, str]]] = {
    "decimal": [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")],
    "bullet": [("bullet", "\u2022"), ("bullet", "o"), ("bullet", "\u25aa")],
}


def _level_xml(index: int, fmt: str, text: str) -> str:
    indent = 360 * (index + 1)
    return (
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>'
    )


def new_list(document: Document, kind: ListKind) -> int:
    """Add a fresh list definition (numbering starts at 1) and return its ``numId``."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in abstracts]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(_level_xml(i, fmt, text) for i, (fmt, text) in enumerate(_LEVELS[kind]))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def set_list_level(paragraph: Paragraph, num_id: int, level: int) -> None:
    """Make ``paragraph`` an item of list ``num_id`` at nesting ``level`` (0 = top)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
