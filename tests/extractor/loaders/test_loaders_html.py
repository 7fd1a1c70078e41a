"""The HTML loader: headings, paragraphs, nested lists, tables with fills, bold, centring."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.loaders import load, load_html
from extractor.loaders.drafts import Para, Row
from extractor.loaders.html import parse_fragment, parse_html
from extractor.loaders.html_css import css_colour
from tests.extractor.loaders.loaders_checks import assert_consistent, row_starting, top_level

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"


def _paras(markup: str) -> list[Para]:
    return [block for block in parse_html(markup) if isinstance(block, Para)]


def _rows(markup: str) -> list[Row]:
    return [block for block in parse_html(markup) if isinstance(block, Row)]


def test_headings_paragraphs_and_dropped_content():
    paras = _paras(
        "<head><title>T</title><style>p{}</style></head><body><h2>Risks</h2>"
        "<script>var x = '<p>no</p>';</script><p>One  <i>two</i>\n three</p><div>Four</div>"
        "<noscript>no</noscript></body>"
    )
    assert [(p.kind, p.text) for p in paras] == [
        ("heading", "Risks"),
        ("paragraph", "One two three"),
        ("paragraph", "Four"),
    ]


def test_body_text_is_kept_when_the_head_is_not_closed():
    paras = _paras("<html><head><title>T</title><body><p>Northshire</p></body></html>")
    assert [p.text for p in paras] == ["Northshire"]


def test_nested_lists_levels_and_markers():
    paras = _paras(
        "<ul><li>one<ol type='i'><li>first</li><li>second<ul><li>deep</li></ul></li></ol></li>"
        "<li>two</li></ul><ol start='4'><li>four</li><li value='9'>nine</li></ol>"
    )
    assert [(p.level, p.marker, p.text) for p in paras] == [
        (0, "•", "one"),
        (1, "i.", "first"),
        (1, "ii.", "second"),
        (2, "•", "deep"),
        (0, "•", "two"),
        (0, "4.", "four"),
        (0, "9.", "nine"),
    ]


def test_huge_list_numbers_are_written_in_decimal():
    first, second = _paras(
        '<ol type="i"><li value="99999999">far</li><li value="' + "9" * 5000 + '">junk</li></ol>'
    )
    assert (first.marker, second.marker) == ("99999999.", "100000000.")


def test_typed_marker_in_an_unstyled_list_item_is_used():
    (para,) = _paras('<ol style="list-style-type: none"><li>b) Visiting</li></ol>')
    assert (para.marker, para.text) == ("b)", "Visiting")


def test_word_web_page_list_paragraphs():
    def item(level: int, glyph: str, text: str) -> str:
        return (
            f"<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level{level} lfo1'>"
            "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>"
            f"{glyph}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span>"
            f"</span></span><![endif]>{text}</p>"
        )

    paras = _paras(item(1, "·", "Top") + item(2, "o", "Nested") + item(1, "·", "Top again")
                   + "<p class=MsoNormal>Plain</p>")
    assert [(p.kind, p.level, p.marker, p.text) for p in paras] == [
        ("bullet", 0, "·", "Top"),
        ("bullet", 1, "o", "Nested"),
        ("bullet", 0, "·", "Top again"),
        ("paragraph", 0, None, "Plain"),
    ]


def test_class_rules_from_style_sheets_like_google_docs_exports():
    markup = (
        "<html><head><style>/* export */ .c1{font-weight:700} .c2,td.c9{background-color:#ffc000}"
        " .c3{text-align:center} p.c4{color:red}</style></head><body>"
        '<p class="c4"><span class="c1">Risks and concerns:</span></p>'
        '<ul class="lst-kix_abc-0 start"><li>Top</li></ul>'
        '<ul class="lst-kix_abc-1 start"><li>Nested</li></ul>'
        '<ul class="lst-kix_abc-0"><li>Top again</li></ul>'
        '<table><tr><td class="c9"><p class="c3"><span>AMBER</span></p></td>'
        '<td class="c2" style="background-color:#00b050">GREEN</td></tr></table></body></html>'
    )
    blocks = parse_html(markup)
    label, *bullets, row = blocks
    assert isinstance(label, Para) and label.bold and label.text == "Risks and concerns:"
    assert [(p.level, p.text) for p in bullets] == [(0, "Top"), (1, "Nested"), (0, "Top again")]
    assert isinstance(row, Row)
    assert [c.fill for c in row.cells] == ["FFC000", "00B050"]  # the inline style wins
    assert row.cells[0].paras[0].centered


def test_bold_only_when_all_text_is_bold():
    paras = _paras(
        "<p><b>All</b> <strong>bold</strong></p><p><b>Part</b> bold</p>"
        "<p><span style='font-weight: 700'>Styled</span></p>"
    )
    assert [p.bold for p in paras] == [True, False, True]


def test_centring_from_style_align_and_center_inherits():
    paras = _paras(
        "<p style='text-align:center'>a</p><p align='center'>b</p><center><p>c</p></center>"
        "<div style='text-align: center'><p>d</p></div><p>e</p>"
    )
    assert [p.centered for p in paras] == [True, True, True, True, False]


def test_table_rows_cells_fills_and_nested_tables():
    (header, row) = _rows(
        "<table><tr><th>Area</th><th>RAG</th></tr>"
        "<tr><td>ADOPTION<table><tr><td>inner one</td><td>inner two</td></tr></table>"
        "<p>after inner</p></td><td bgcolor='#ffc000'>AMBER</td>"
        "<td style='background: rgb(146, 208, 80) none'>GREEN</td><td bgcolor='white'>W</td>"
        "</tr></table>"
    )
    assert [p.bold for c in header.cells for p in c.paras] == [True, True]
    assert [p.text for p in row.cells[0].paras] == ["ADOPTION", "inner one", "inner two",
                                                    "after inner"]
    assert [c.fill for c in row.cells] == [None, "FFC000", "92D050", "FFFFFF"]
    layout_fills = [c.fill for c in load_layout_cells(row)]
    assert layout_fills == [None, "#FFC000", "#92D050", None]


def load_layout_cells(row: Row):
    """The row's cells as the Layout stores them (fills normalised by the builder)."""
    from extractor.loaders.drafts import emit

    layout = emit([row], "html", Path("x.html"))
    return layout.blocks[0].cells  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#FC0", "FFCC00"),
        ("#ffc000", "FFC000"),
        ("rgb(255, 0, 0)", "FF0000"),
        ("rgba(0,176,80,0.5)", "00B050"),
        ("Amber", "FFC000"),
        ("00B050", "00B050"),
        ("url(x.png)", None),
        ("", None),
        (None, None),
    ],
)
def test_css_colours(value, expected):
    assert css_colour(value) == expected


@pytest.mark.parametrize("junk", ["<![if !x]>", "<![ijk>", "<![", "<!", "</", "<![CDATA[x"])
def test_junk_declarations_do_not_crash(junk):
    paras = _paras(f"<p>Before</p>{junk}<p>After</p>")
    assert paras[0].text == "Before"
    assert any("After" in p.text for p in paras)


def test_unclosed_tags_and_stray_cells_do_not_crash():
    first, second, row = parse_html("<td>orphan cell<p>para<table><tr><td>x")
    assert isinstance(first, Para) and isinstance(second, Para) and isinstance(row, Row)
    assert [first.text, second.text] == ["orphan cell", "para"]
    assert [p.text for cell in row.cells for p in cell.paras] == ["x"]


def test_fragment_splits_a_capitals_title_from_the_sentence_after_it():
    paras = parse_fragment("LEADERSHIP, MANAGEMENT AND GOVERNANCE The plan is focused.")
    assert [p.text for p in paras] == [
        "LEADERSHIP, MANAGEMENT AND GOVERNANCE",
        "The plan is focused.",
    ]
    assert len(parse_fragment("NHS trusts report delays.")) == 1
    assert len(parse_fragment("AMBER TO GREEN")) == 1


def test_fixture_report():
    layout = load_html(FIXTURES / "riverbridge_report.html")
    assert_consistent(layout)
    assert layout.format == "html"
    assert "never text" not in layout.text and "Ignored title" not in layout.text
    paras = top_level(layout)
    assert paras[0].kind == "heading"
    assert [p.level for p in paras if p.kind == "bullet"] == [0, 1, 0, 0, 0]
    adoption = row_starting(layout, "ADOPTION")
    assert (adoption.cells[1].fill, adoption.cells[1].paragraphs[0].centered) == ("#92D050", True)
    assert row_starting(layout, "CARE LEAVERS").cells[1].fill == "#FFC000"


def test_load_detects_html_by_content(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("<!doctype html><p>Eastmoor</p>", encoding="utf-8")
    assert load(path).format == "html"


def test_cells_under_a_rowspan_are_kept_as_empty_merged_cells() -> None:
    rows = _rows("<table><tr><td>Area</td><td>RAG</td><td>Commentary</td></tr>"
                 "<tr><td>Adoption</td><td rowspan='3'>Green</td><td rowspan='2'>Quick.</td></tr>"
                 "<tr><td>Early permanence</td></tr>"
                 "<tr><td>Fostering</td><td>Few carers.</td></tr></table>")
    assert [[(c.paras[0].text if c.paras else "", c.merged_above) for c in r.cells]
            for r in rows[1:]] == [
        [("Adoption", False), ("Green", False), ("Quick.", False)],
        [("Early permanence", False), ("", True), ("", True)],
        [("Fostering", False), ("", True), ("Few carers.", False)]]
