"""The DOCX loader on packages built from WordprocessingML snippets and on the sample reports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from extractor.layout import Layout
from extractor.loaders import Limits, load, load_docx
from models.errors import UnreadableDocument
from tests.extractor.loaders.loaders_checks import assert_consistent, rows, top_level
from tests.extractor.loaders.loaders_docx_builder import (
    DOCM_MAIN,
    build_docx,
    cell,
    para,
    run,
    table,
)

SAMPLES = Path(__file__).resolve().parents[3] / "corpus" / "samples"


@pytest.fixture
def make(tmp_path):
    """Build a DOCX from body XML and load it."""

    def _make(body: str, **options) -> Layout:
        layout = load_docx(build_docx(tmp_path / "report.docx", body, **options))
        assert_consistent(layout)
        return layout

    return _make


def _shape(layout: Layout) -> list[tuple]:
    return [(p.kind, p.level, p.marker, p.text) for p in layout.paragraphs()]


# -- paragraphs --------------------------------------------------------------------------------
def test_body_order_interleaves_paragraphs_and_tables(make):
    layout = make(para("Before") + table([cell("In table")]) + para("After"))
    kinds = [type(block).__name__ for block in layout.blocks]
    assert kinds == ["Paragraph", "TableRow", "Paragraph"]
    assert layout.text == "Before\nIn table\nAfter\n"
    assert layout.format == "docx" and layout.pages is None


@pytest.mark.parametrize(
    "body",
    [
        para("Risks", style="Heading1"),
        para("Risks", style="SectionTitle"),  # based on Heading 1
        para("Risks", style="Title"),
        para("Risks", extra_ppr='<w:outlineLvl w:val="1"/>'),
    ],
)
def test_headings_from_styles_and_outline_levels(make, body):
    assert _shape(make(body)) == [("heading", 0, None, "Risks")]


def test_outline_level_nine_is_body_text(make):
    assert make(para("Body", extra_ppr='<w:outlineLvl w:val="9"/>')).blocks[0].kind == "paragraph"


def test_numbered_list_levels_markers_and_counters(make):
    body = (
        para("one", num="2") + para("sub a", num="2", ilvl=1) + para("sub b", num="2", ilvl=1)
        + para("deep", num="2", ilvl=2) + para("two", num="2") + para("sub again", num="2", ilvl=1)
        + para("restarted at five", num="3")
    )
    assert _shape(make(body)) == [
        ("bullet", 0, "1.", "one"),
        ("bullet", 1, "a)", "sub a"),
        ("bullet", 1, "b)", "sub b"),
        ("bullet", 2, "1.i", "deep"),
        ("bullet", 0, "2.", "two"),
        ("bullet", 1, "a)", "sub again"),
        ("bullet", 0, "5.", "restarted at five"),
    ]


def test_bullets_from_numbering_styles_and_typed_glyphs(make):
    body = (
        para("direct", num="1") + para("nested", num="1", ilvl=1)
        + para("style", style="ListBullet") + para("style two", style="ListBullet2")
        + para("list style without numbering", style="ListNoNumbering")
        + para("• typed glyph") + para("-\tdash and tab") + para("o letter o")
        + para(runs='<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>symbol</w:t></w:r>')
        + para("numbering removed", style="ListBullet", num="0")
    )
    assert _shape(make(body)) == [
        ("bullet", 0, "•", "direct"),
        ("bullet", 1, "•", "nested"),
        ("bullet", 0, "•", "style"),
        ("bullet", 1, "•", "style two"),
        ("bullet", 2, "•", "list style without numbering"),
        ("bullet", 0, "•", "typed glyph"),
        ("bullet", 0, "-", "dash and tab"),
        ("bullet", 0, "o", "letter o"),
        ("bullet", 0, "\uf0b7", "symbol"),
        ("paragraph", 0, None, "numbering removed"),
    ]


def test_typed_bullets_nest_by_indentation(make):
    def typed(text: str, left: int) -> str:
        return para(text, extra_ppr=f'<w:ind w:left="{left}" w:hanging="357"/>')

    body = (
        typed("• one", 357) + typed("– one.a", 714) + typed("– one.b", 714) + typed("• two", 357)
        + para("Break in the list.") + typed("– new list", 714)
    )
    assert [(p.level, p.marker) for p in make(body).paragraphs()] == [
        (0, "•"), (1, "–"), (1, "–"), (0, "•"), (0, None), (0, "–"),
    ]


def test_unknown_numbering_id_is_not_a_list(make):
    assert make(para("Plain", num="99")).blocks[0].kind == "paragraph"


def test_document_without_numbering_or_styles_parts(make):
    layout = make(para("Plain", num="1") + para("Heading?", style="Heading1"), styles=None,
                  numbering=None)
    assert _shape(layout) == [("paragraph", 0, None, "Plain"), ("paragraph", 0, None, "Heading?")]


@pytest.mark.parametrize(
    ("runs", "style", "bold"),
    [
        (run("All ", bold=True) + run("bold", bold=True), None, True),
        (run("Mixed ", bold=True) + run("weight"), None, False),
        (run("Bold ", bold=True) + run("  ") + run("spaces", bold=True), None, True),
        (run("From style"), "Label", True),
        (run("Style switched off", bold=False), "Label", False),
        (run("Character ", style="Strong") + run("style", bold=True), None, True),
        (run("Inherited through basedOn"), "RatingText", True),
    ],
)
def test_bold_when_every_run_is_bold(make, runs, style, bold):
    (paragraph,) = make(para(runs=runs, style=style)).blocks
    assert paragraph.bold is bold


@pytest.mark.parametrize(
    ("body", "centered"),
    [
        (para("Direct", jc="center"), True),
        (para("Style", style="RatingText"), True),
        (para("Overridden", style="RatingText", jc="left"), False),
        (para("Plain"), False),
    ],
)
def test_centred_from_alignment(make, body, centered):
    assert make(body).blocks[0].centered is centered


def test_tracked_changes_hyperlinks_fields_and_breaks(make):
    runs = (
        "<w:ins><w:r><w:t>kept </w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>"
        "<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>"
        "<w:r><w:br/><w:t>after break</w:t><w:tab/><w:t>tabbed</w:t></w:r>"
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:fldSimple w:instr="DATE"><w:r><w:t> 2031</w:t></w:r></w:fldSimple>'
    )
    assert make(para(runs=runs)).blocks[0].text == "kept link after break\ttabbed 2031"


def test_hidden_text_is_ignored(make):
    runs = (
        "<w:r><w:t>Shown</w:t></w:r>"
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (hidden guidance)</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> again</w:t></w:r>'
    )
    assert make(para(runs=runs)).text == "Shown again\n"


def test_a_raised_digit_is_a_footnote_mark_not_part_of_the_number(make):
    runs = (
        '<w:r><w:t xml:space="preserve">There were 29</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> agency workers, 10</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>th</w:t></w:r>'
    )
    assert make(para(runs=runs)).text == "There were 29 agency workers, 10th\n"


def test_content_controls_are_read_through(make):
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>" + para("Inside control") + table([cell("Cell")])
        + "</w:sdtContent></w:sdt>"
    )
    layout = make(body + "<w:sdt><w:sdtPr/></w:sdt>")  # a control without content is skipped
    assert [p.text for p in layout.paragraphs()] == ["Inside control", "Cell"]
    assert len(rows(layout)) == 1


def test_text_box_follows_its_paragraph_once(make):
    box = para("Box text")
    runs = (
        "<w:r><w:t>Host</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        f"<w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        f"{box}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    assert [p.text for p in make(para(runs=runs)).paragraphs()] == ["Host", "Box text"]


# -- tables ------------------------------------------------------------------------------------
def test_cells_fills_merges_and_nested_tables(make):
    body = table(
        [cell("AREA", fill="D9D9D9", span=2), cell("AMBER", fill="ffc000")],
        [cell("A", vmerge="restart"), cell("B", fill="auto"), cell("C", fill="FFFFFF")],
        [
            cell("", vmerge="continue", fill="FF0000"),
            cell(para("item", num="2") + table([cell("inner 1"), cell("inner 2")]) + para("end")),
            cell("solid", shading='<w:shd w:val="solid" w:color="00B050" w:fill="auto"/>'),
        ],
    )
    layout = make(body)
    first, second, third = rows(layout)
    assert [c.text for c in first.cells] == ["AREA", "AMBER"]
    assert [c.fill for c in first.cells] == ["#D9D9D9", "#FFC000"]
    assert [c.fill for c in second.cells] == [None, None, None]
    assert third.cells[0].paragraphs == [] and third.cells[0].fill == "#FF0000"
    assert [c.merged_above for c in (*second.cells, *third.cells)] == [
        False, False, False, True, False, False]
    assert [(p.kind, p.text) for p in third.cells[1].paragraphs] == [
        ("bullet", "item"), ("paragraph", "inner 1 | inner 2"), ("paragraph", "end"),
    ]
    assert third.cells[2].fill == "#00B050"
    assert {row.table for row in (first, second, third)} == {0}



def test_a_nested_label_and_value_row_is_one_line_other_nested_rows_a_line_a_cell(make):
    nested = (table([cell("This report"), cell("AMBER")], [cell("Q1"), cell("Q2"), cell("Q3")],
                    [cell("A label of more than four words"), cell("value")]))
    layout = make(table([cell(para("Adoption") + nested)]))
    (row,) = rows(layout)
    assert [p.text for p in row.cells[0].paragraphs] == [
        "Adoption", "This report | AMBER", "Q1", "Q2", "Q3", "A label of more than four words",
        "value"]


@pytest.mark.parametrize(
    ("content", "fill"),
    [
        (para("AMBER", extra_ppr='<w:shd w:val="clear" w:color="auto" w:fill="FFC000"/>'),
         "#FFC000"),
        (para(runs='<w:r><w:rPr><w:highlight w:val="green"/></w:rPr><w:t>GREEN</w:t></w:r>'),
         "#00FF00"),
        (para(runs='<w:r><w:rPr><w:shd w:val="clear" w:fill="FF0000"/></w:rPr><w:t>RED</w:t>'
                   '</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'), "#FF0000"),
        (para(runs='<w:r><w:rPr><w:highlight w:val="green"/></w:rPr><w:t>GREEN</w:t></w:r>'
                   "<w:r><w:t>/AMBER</w:t></w:r>"), None),
        (para("A longer summary paragraph that happens to be shaded throughout its length.",
              extra_ppr='<w:shd w:val="clear" w:fill="FFC000"/>'), None),
    ],
)
def test_rating_marked_by_shaded_or_highlighted_text(make, content, fill):
    (row,) = rows(make(table([cell(content)])))
    assert row.cells[0].fill == fill


def test_tables_are_numbered_in_order(make):
    layout = make(table([cell("one")]) + para("between") + table([cell("two")], [cell("three")]))
    assert [row.table for row in rows(layout)] == [0, 1, 1]


# -- packages python-docx writes ---------------------------------------------------------------
def test_python_docx_document_first_header_read_footer_ignored_lists_and_headings(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "OFFICIAL SENSITIVE header"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    document.add_heading("Eastmoor highlight report", level=1)
    document.add_paragraph("Risk one", style="List Bullet")
    document.add_paragraph("Risk one detail", style="List Bullet 2")
    document.add_paragraph("Step", style="List Number")
    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "RAG"
    path = tmp_path / "eastmoor.docx"
    document.save(str(path))
    layout = load(path)
    assert_consistent(layout)
    assert "footer" not in layout.text
    assert _shape(layout) == [
        ("paragraph", 0, None, "OFFICIAL SENSITIVE header"),  # the first page's header first
        ("heading", 0, None, "Eastmoor highlight report"),
        ("bullet", 0, "•", "Risk one"),
        ("bullet", 1, "•", "Risk one detail"),
        ("bullet", 0, "1.", "Step"),
        ("paragraph", 0, None, "RAG"),
    ]


def test_macro_enabled_document_loads(tmp_path):
    path = build_docx(tmp_path / "report.docm", para("Macro-enabled Northshire"),
                      content_type=DOCM_MAIN)
    assert load(path).text == "Macro-enabled Northshire\n"


# -- refusals ----------------------------------------------------------------------------------
def test_document_without_text(make):
    with pytest.raises(UnreadableDocument, match="no text"):
        make(para("") + table([cell("")]))


def test_dtd_and_entities_are_refused(tmp_path):
    prolog = '<!DOCTYPE w:document [<!ENTITY lol "lol">]>'
    path = build_docx(tmp_path / "report.docx", para("Entity &lol;"), document_prolog=prolog)
    with pytest.raises(UnreadableDocument, match="DTD"):
        load_docx(path)


def test_dtd_hidden_behind_a_long_comment_is_refused(tmp_path):
    prolog = "<!--" + "x" * 20000 + '--><!DOCTYPE w:document [<!ENTITY a "a">]>'
    path = build_docx(tmp_path / "report.docx", para("Text"), document_prolog=prolog)
    with pytest.raises(UnreadableDocument, match="DTD"):
        load_docx(path)


def test_zip_bomb_is_refused_from_the_central_directory(tmp_path):
    padding = {"word/media/padding.bin": bytes(2 * 1024 * 1024)}
    path = build_docx(tmp_path / "report.docx", para("Text"), extra=padding)
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(UnreadableDocument, match="unpack"):
        load_docx(path, limits=Limits(max_docx_uncompressed=1024 * 1024))
    assert load_docx(path).text == "Text\n"


def test_too_many_members_is_refused(tmp_path):
    extra = {f"customXml/item{i}.bin": b"x" for i in range(20)}
    path = build_docx(tmp_path / "report.docx", para("Text"), extra=extra)
    with pytest.raises(UnreadableDocument, match="zip members"):
        load(path, limits={"max_docx_members": 10})


def test_encrypted_zip_members_are_refused(tmp_path):
    name = b"word/secret.bin"
    path = build_docx(tmp_path / "report.docx", para("Text"), extra={name.decode(): b"secret"})
    data = bytearray(path.read_bytes())
    local, central = data.find(name), data.rfind(name)
    data[local - 30 + 6] |= 0x1  # general-purpose flag of the local header: encrypted
    data[central - 46 + 8] |= 0x1  # and of the central directory entry
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableDocument, match="password-protected"):
        load_docx(path)


def test_junk_attribute_values_are_tolerated(make):
    body = (
        para("level junk", num="2", ilvl="x")  # type: ignore[arg-type]
        + para("outline junk", extra_ppr='<w:outlineLvl w:val="-1"/>')
        + para(runs='<w:r><w:sym w:char="D800"/><w:sym w:char="zz"/><w:t>symbols</w:t></w:r>')
        + para("indent junk \u2022", extra_ppr='<w:ind w:left="wide"/>')
    )
    assert _shape(make(body)) == [
        ("bullet", 0, "1.", "level junk"),
        ("paragraph", 0, None, "outline junk"),
        ("paragraph", 0, None, "symbols"),
        ("paragraph", 0, None, "indent junk \u2022"),
    ]


@pytest.mark.parametrize(
    ("member", "data"),
    [
        ("word/document.xml", b"<w:document><w:body><w:p>"),
        ("word/_rels/document.xml.rels", b"not xml at all"),
        ("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                b'content-types"><Default ContentType="application/xml"/></Types>'),
        ("_rels/.rels", b"<Relationships/>"),
    ],
)
def test_corrupt_parts_are_corrupt_docx(tmp_path, member, data):
    source = build_docx(tmp_path / "good.docx", para("Text"))
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(source) as good, zipfile.ZipFile(path, "w") as bad:
        for item in good.infolist():
            bad.writestr(item.filename, data if item.filename == member else good.read(item))
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        load_docx(path)


def test_strict_open_xml_is_refused_with_a_reason(tmp_path):
    path = build_docx(tmp_path / "report.docx", para("Text"))
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            target.writestr(item.filename, data)
    with pytest.raises(UnreadableDocument, match="Strict Open XML"):
        load_docx(strict)


def test_not_a_zip_at_all(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 but nothing else")
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        load_docx(path)


# -- the sample reports ------------------------------------------------------------------------
SAMPLE_DOCX = sorted(SAMPLES.rglob("*.docx")) if SAMPLES.exists() else []


@pytest.mark.skipif(not SAMPLE_DOCX, reason="no sample DOCX reports under corpus/samples/")
@pytest.mark.parametrize("path", SAMPLE_DOCX, ids=lambda path: path.name)
def test_sample_reports_load_with_structure(path):
    layout = load(path)
    assert_consistent(layout)
    table_rows = rows(layout)
    assert table_rows, "a highlight report has assessment tables"
    assert max(len(row.cells) for row in table_rows) >= 3
    assert any(p.kind == "bullet" for p in top_level(layout))
    rating_cells = [c for row in table_rows if len(row.cells) >= 3 for c in row.cells[1:2]]
    assert any(c.fill or any(p.centered for p in c.paragraphs) for c in rating_cells)


def test_manual_line_breaks_part_lines_but_not_a_sentence(make):
    runs = ("<w:r><w:t>Local authority: Northby Vale</w:t><w:br/><w:t>Adviser: Jo Bell</w:t>"
            "<w:br/><w:t>Caseloads average 19 in the east and</w:t><w:br/>"
            "<w:t>22 in the west</w:t><w:br/><w:t>(target 18).</w:t></w:r>")
    assert [b.text for b in make(para(runs=runs)).blocks] == [
        "Local authority: Northby Vale", "Adviser: Jo Bell",
        "Caseloads average 19 in the east and 22 in the west (target 18)."]
