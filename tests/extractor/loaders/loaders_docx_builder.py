"""Build small DOCX packages from WordprocessingML snippets, for the loader tests.

Every package is written from scratch (content types, relationships, styles, numbering,
document), so a test states exactly the XML it exercises.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
_NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {_NAMESPACES}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
    <w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="SectionTitle"><w:name w:val="Section Title"/>
    <w:basedOn w:val="Heading1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Label"><w:name w:val="Label"/>
    <w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="RatingText"><w:name w:val="Rating Text"/>
    <w:basedOn w:val="Label"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/>
    <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListNoNumbering"><w:name w:val="List Bullet 3"/></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>
    <w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""

_BULLET_LEVELS = (
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
)
_NUMBER_LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    "</w:lvl>"
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="%1.%3"/></w:lvl>'
)
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {_NAMESPACES}>
  <w:abstractNum w:abstractNumId="0">{_BULLET_LEVELS}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">{_NUMBER_LEVELS}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def run(text: str, *, bold: bool | None = None, style: str | None = None) -> str:
    """A ``w:r`` with optional direct bold (``False`` writes ``w:b w:val="0"``) and char style."""
    properties = ""
    if style:
        properties += f'<w:rStyle w:val="{style}"/>'
    if bold is not None:
        properties += "<w:b/>" if bold else '<w:b w:val="0"/>'
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(
    text: str = "",
    *,
    style: str | None = None,
    num: str | None = None,
    ilvl: int = 0,
    jc: str | None = None,
    bold: bool | None = None,
    runs: str | None = None,
    extra_ppr: str = "",
) -> str:
    """A ``w:p``: one run of ``text`` (or the given ``runs`` XML) with paragraph properties."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        properties += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if jc:
        properties += f'<w:jc w:val="{jc}"/>'
    properties += extra_ppr
    ppr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{ppr}{runs if runs is not None else run(text, bold=bold)}</w:p>"


def cell(content: str, *, fill: str | None = None, span: int = 1, vmerge: str | None = None,
         shading: str | None = None) -> str:
    """A ``w:tc`` holding ``content`` (paragraph XML; a plain string becomes one paragraph)."""
    properties = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge is not None:
        properties += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if shading is not None:
        properties += shading
    elif fill is not None:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    body = content if content.lstrip().startswith("<") else para(content)
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{body or '<w:p/>'}</w:tc>"


def table(*rows: list[str]) -> str:
    """A ``w:tbl`` of rows of :func:`cell` XML."""
    body = "".join("<w:tr>" + "".join(cells) + "</w:tr>" for cells in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def build_docx(
    path: Path,
    body: str,
    *,
    content_type: str = DOCX_MAIN,
    document_prolog: str = "",
    styles: str | None = STYLES,
    numbering: str | None = NUMBERING,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """Write a DOCX whose body is ``body`` (WordprocessingML) to ``path`` and return the path."""
    overrides = f'<Override PartName="/word/document.xml" ContentType="{content_type}"/>'
    relationships = ""
    if styles is not None:
        overrides += (
            '<Override PartName="/word/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        )
        relationships += f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    if numbering is not None:
        overrides += (
            '<Override PartName="/word/numbering.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        )
        relationships += f'<Relationship Id="rId2" Type="{_REL}/numbering" Target="numbering.xml"/>'
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relationships}</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"{document_prolog}<w:document {_NAMESPACES}><w:body>{body}<w:sectPr/></w:body>"
            "</w:document>"
        ),
    }
    if styles is not None:
        members["word/styles.xml"] = styles
    if numbering is not None:
        members["word/numbering.xml"] = numbering
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path
