"""Word styles (``styles.xml``) resolved through their ``basedOn`` chains.

python-docx does not resolve inherited formatting, so this reads the XML: whether a paragraph
style makes a heading or a list, its numbering, and whether it makes text bold or centred.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from extractor.loaders.config import config
from extractor.loaders.markers import integer

__all__ = [
    "W", "q", "on", "numbering_of", "outline_heading", "left_indent", "StyleInfo",
    "Styles",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def q(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute: ``q("p")`` → ``{…/main}p``."""
    return f"{{{W}}}{tag}"


def on(toggle: Any) -> bool | None:
    """The value of a toggle property element such as ``<w:b/>`` (None when absent)."""
    if toggle is None:
        return None
    return toggle.get(q("val"), "true").lower() not in ("0", "false", "off", "none")


def numbering_of(properties: Any | None) -> tuple[str | None, int | None]:
    """``(numId, ilvl)`` set in paragraph properties' ``w:numPr``; None for what is not set.

    The level is clamped to Word's 0–8.
    """
    numbering = properties.find(q("numPr")) if properties is not None else None
    if numbering is None:
        return None, None
    num, level = numbering.find(q("numId")), numbering.find(q("ilvl"))
    return (
        num.get(q("val")) if num is not None else None,
        min(max(integer(level.get(q("val")), 0), 0), 8) if level is not None else None,
    )


def outline_heading(properties: Any | None) -> bool:
    """True when paragraph properties set an outline level 0–8 (9 is body text)."""
    outline = properties.find(q("outlineLvl")) if properties is not None else None
    return outline is not None and 0 <= integer(outline.get(q("val")), 9) < 9


@dataclass(frozen=True)
class StyleInfo:
    """What a paragraph or character style contributes, inheritance resolved."""

    name: str = ""
    heading: bool = False
    list_level: int | None = None  # a "List Bullet N" / "List Number N" style
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    centered: bool | None = None
    indent: int | None = None  # left indent in twips


class Styles:
    """Look up resolved :class:`StyleInfo` by style id."""

    def __init__(self, root: Any | None) -> None:
        self._elements: dict[str, Any] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self._default_paragraph: str | None = None
        self.default_bold: bool | None = None
        if root is None:
            return
        for style in root.iter(q("style")):
            style_id = style.get(q("styleId"))
            if style_id:
                self._elements[style_id] = style
                if style.get(q("type")) == "paragraph" and on(style.find(q("default"))):
                    self._default_paragraph = style_id
        defaults = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        if defaults is not None:
            self.default_bold = on(defaults.find(q("b")))

    def get(self, style_id: str | None) -> StyleInfo:
        """The resolved style ``style_id`` (the default paragraph style when None)."""
        style_id = style_id or self._default_paragraph
        if not style_id or style_id not in self._elements:
            return StyleInfo()
        if style_id not in self._resolved:
            self._resolved[style_id] = StyleInfo()  # guards against basedOn cycles
            self._resolved[style_id] = self._resolve(self._elements[style_id])
        return self._resolved[style_id]

    def _resolve(self, style: Any) -> StyleInfo:
        based = style.find(q("basedOn"))
        parent = self.get(based.get(q("val"))) if based is not None else StyleInfo()
        name_element = style.find(q("name"))
        name = (name_element.get(q("val"), "") if name_element is not None else "").lower()
        settings = config()["docx"]
        ppr = style.find(q("pPr"))
        rpr = style.find(q("rPr"))
        heading = (
            name in settings["heading_styles"]
            or (name.startswith(settings["heading_prefix"]) and name[-1:].isdigit())
            or outline_heading(ppr)
        )
        style_level = parent.list_level
        for prefix in settings["list_style_prefixes"]:
            if name.startswith(prefix):
                style_level = max(integer(name[len(prefix) :].strip(), 1) - 1, 0)
        num_id, ilvl = numbering_of(ppr)
        justify = ppr.find(q("jc")) if ppr is not None else None
        indent = left_indent(ppr)
        bold = on(rpr.find(q("b"))) if rpr is not None else None
        return StyleInfo(
            name=name,
            heading=heading or parent.heading,
            list_level=style_level,
            num_id=parent.num_id if num_id is None else num_id,
            ilvl=parent.ilvl if ilvl is None else ilvl,
            bold=parent.bold if bold is None else bold,
            centered=parent.centered if justify is None else justify.get(q("val")) == "center",
            indent=parent.indent if indent is None else indent,
        )


def left_indent(properties: Any | None) -> int | None:
    """The left indent (twips) set in paragraph properties ``w:pPr/w:ind``, or None."""
    indent = properties.find(q("ind")) if properties is not None else None
    if indent is None:
        return None
    value = indent.get(q("left")) or indent.get(q("start"))
    return integer(value, 0) if value else None
