"""The markdown loader: headings, nested lists, pipe tables with HTML cells, bold, repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.loaders import load, load_markdown
from extractor.loaders.drafts import Para, Row
from extractor.loaders.markdown import markdown_to_html, parse_markdown
from tests.extractor.loaders.loaders_checks import assert_consistent, row_starting, rows, top_level

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"


def _paras(text: str) -> list[Para]:
    return [block for block in parse_markdown(text) if isinstance(block, Para)]


def _rows(text: str) -> list[Row]:
    return [block for block in parse_markdown(text) if isinstance(block, Row)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Northshire", "Northshire"),
        ("### Risks and concerns ###", "Risks and concerns"),
        ("Headline messages\n=================", "Headline messages"),
        ("Going well\n----------", "Going well"),
        ("**RISKS AND CONCERNS**", "RISKS AND CONCERNS"),
    ],
)
def test_headings(text, expected):
    (para,) = _paras(text)
    assert (para.kind, para.text) == ("heading", expected)


def test_a_rule_after_a_blank_line_is_not_a_setext_heading():
    paras = _paras("Closing words.\n\n---\n\nNext part.")
    assert [(p.kind, p.text) for p in paras] == [
        ("paragraph", "Closing words."),
        ("paragraph", "Next part."),
    ]


def test_nested_bullets_and_numbers_with_lazy_continuation():
    text = "- one\n  - one.a\n    1. first\n    2. second\n  more of second\n- two\n"
    paras = _paras(text)
    assert [(p.level, p.marker, p.text) for p in paras] == [
        (0, "-", "one"),
        (1, "-", "one.a"),
        (2, "1.", "first"),
        (2, "2.", "second more of second"),
        (0, "-", "two"),
    ]


def test_soft_breaks_join_and_hard_breaks_split():
    paras = _paras("**Adviser:** Ada Fictional  \n**Case lead:** Bo Example\nstill case lead\n")
    assert [p.text for p in paras] == [
        "Adviser: Ada Fictional",
        "Case lead: Bo Example still case lead",
    ]
    assert not any(p.bold for p in paras)


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("**bold** and __strong__", "<b>bold</b> and <b>strong</b>"),
        ("[the plan](https://example.org/plan)", "the plan"),
        ("![logo](logo.png) text", "logo text"),
        ("`code` *italic* _em_ snake_case_name", "code italic em snake_case_name"),
        ("2 * 3 * 4", "2 * 3 * 4"),
    ],
)
def test_inline_markup(markdown, html):
    assert markdown_to_html(markdown) == html


def test_pipe_table_cells_with_br_html_bold_and_escaped_pipes():
    text = (
        "| Area | RAG | Summary |\n"
        "|:-----|:---:|--------:|\n"
        "| **ADOPTION**<br>1. Match sooner<br>2. Support | <p align=center>GREEN</p> |"
        " 40% \\| 50% |\n"
    )
    header, row = _rows(text)
    assert [c.paras[0].text for c in header.cells] == ["Area", "RAG", "Summary"]
    area, rating, summary = row.cells
    assert [(p.kind, p.marker, p.text, p.bold) for p in area.paras] == [
        ("paragraph", None, "ADOPTION", True),
        ("bullet", "1.", "Match sooner", False),
        ("bullet", "2.", "Support", False),
    ]
    assert rating.paras[0].centered
    assert summary.paras[0].text == "40% | 50%"


def test_an_html_table_block_keeps_its_rows_and_multi_paragraph_cells():
    """Pandoc writes a table whose cells hold several paragraphs as an HTML block."""
    text = (
        "Intro line.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "<table>\n<thead>\n<tr class=\"header\">\n<th><strong>AREA</strong></th>\n"
        "<th>RAG</th>\n</tr>\n</thead>\n<tbody>\n<tr class=\"odd\">\n"
        "<td><p><strong>CARE LEAVERS</strong></p>\n<p>Pathway plans are\nup to date.</p></td>\n"
        "<td><strong>RED</strong></td>\n</tr>\n<tr>\n<td>adoption</td><td>GREEN</td></tr>\n"
        "</tbody>\n</table>\n\nAfter the table.\n"
    )
    blocks = parse_markdown(text)
    table = [b for b in blocks if isinstance(b, Row) and b.table == 1]
    assert [[[p.text for p in c.paras] for c in row.cells] for row in table] == [
        [["AREA"], ["RAG"]],
        [["CARE LEAVERS", "Pathway plans are up to date."], ["RED"]],
        [["adoption"], ["GREEN"]],
    ]
    assert [b.text for b in blocks if isinstance(b, Para)] == ["Intro line.", "After the table."]


def test_setext_heading_with_a_pipe_is_not_a_table():
    (para,) = _paras("Risks | concerns\n---")
    assert (para.kind, para.text) == ("heading", "Risks | concerns")


def test_separate_tables_are_numbered_apart():
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert [row.table for row in _rows(table + "\nBetween.\n\n" + table)] == [0, 0, 1, 1]


def test_fenced_code_lines_are_plain_text():
    paras = _paras("```\n# Not a heading\n- Not a bullet\n```\n")
    assert [(p.kind, p.text) for p in paras] == [
        ("paragraph", "# Not a heading"),
        ("paragraph", "- Not a bullet"),
    ]


def test_fixture_report():
    layout = load_markdown(FIXTURES / "eastmoor_report.md")
    assert_consistent(layout)
    assert layout.format == "md"
    headings = [p.text for p in top_level(layout) if p.kind == "heading"]
    assert "Headline messages" in headings and "Risks and concerns" in headings
    going_well = [p for p in top_level(layout) if p.kind == "bullet" and p.marker in ("-", "1.")]
    assert [p.level for p in going_well] == [0, 1, 2, 0]
    row = row_starting(layout, "CHILDREN IN CARE")
    assert row.cells[1].text == "AMBER/GREEN"
    leavers = row_starting(layout, "Care leavers")
    assert leavers.cells[2].paragraphs[-1].text.endswith("recovered from the cyber incident.")
    assert len(rows(layout)) == 3


def test_load_detects_markdown_by_extension_and_content(tmp_path):
    path = tmp_path / "report"
    path.write_text("## Eastmoor\n\n- a risk\n", encoding="utf-8")
    assert load(path).format == "md"
    assert load(FIXTURES / "eastmoor_report.md").format == "md"


def _cells(row: Row) -> list[list[str]]:
    return [[p.text for p in cell.paras] for cell in row.cells]


# pandoc -t markdown chops a word longer than its column from the word's end: "**F" /
# "ostering", "*" / "*Re" / "d/A" / "mbe" / "r**"; "and" / "panels**" is a line wrap.
_GRID = """\
Fostering and adoption panels met monthly across the county this term.

+----------+-----+---------------------------+
| *        | **  | **Notes**                 |
| *Theme** | Sta |                           |
|          | tus |                           |
|          | no  |                           |
|          | w** |                           |
+==========+=====+===========================+
| **F      | *   | Panel waits fell to 6     |
| ostering | *Re | weeks.                    |
| and      | d/A |                           |
| panels** | mbe | Two panel chairs left.    |
|          | r** |                           |
|          |     | -   recruit chairs        |
|          |     | -   train members         |
+----------+-----+---------------------------+
| Kinship  | Red | Assessments restarted.    |
|          | /Gr |                           |
|          | een |                           |
+----------+-----+---------------------------+
"""


def test_a_grid_table_glues_chopped_words_and_keeps_wrapped_ones_apart():
    header, row, last = _rows(_GRID)
    assert _cells(header) == [["Theme"], ["Status now"], ["Notes"]]
    assert all(cell.paras[0].bold for cell in header.cells)
    assert _cells(row)[:2] == [["Fostering and panels"], ["Red/Amber"]]
    assert _cells(last)[:2] == [["Kinship"], ["Red/Green"]]  # cut at the slash


def test_a_grid_cell_keeps_its_paragraphs_and_list_items():
    _, row, _ = _rows(_GRID)
    assert [(p.kind, p.marker, p.text) for p in row.cells[2].paras] == [
        ("paragraph", None, "Panel waits fell to 6 weeks."),
        ("paragraph", None, "Two panel chairs left."),
        ("bullet", "-", "recruit chairs"),
        ("bullet", "-", "train members"),
    ]


def test_grid_rows_form_one_table_between_paragraphs():
    blocks = parse_markdown(_GRID + "\nAfter the grid.\n")
    assert [type(b).__name__ for b in blocks] == ["Para", "Row", "Row", "Row", "Para"]
    assert {b.table for b in blocks if isinstance(b, Row)} == {0}


def test_a_multiline_table_of_label_and_value_pairs():
    text = (
        "  ---------------------------------------------\n"
        "  **Lead            Wren Halloway-Stiles\n"
        "  officer**         \n"
        "  ---------------- ----------------------------\n"
        "  **Quarter**       Q3 2024/25\n"
        "\n"
        "  **Panel chair**   Odile Brack\n"
        "  ---------------------------------------------\n"
        "\nAfter.\n"
    )
    assert [_cells(row) for row in _rows(text)] == [
        [["Lead officer"], ["Wren Halloway-Stiles"]],
        [["Quarter"], ["Q3 2024/25"]],
        [["Panel chair"], ["Odile Brack"]],
    ]
    assert _paras(text)[-1].text == "After."


@pytest.mark.parametrize(
    "text",
    [
        "  Team    Vacancies\n  ------- -----------\n  North   4\n  South   7\n",
        "  ------- ---\n  Team    Vacancies\n  North   4\n  South   7\n  ------- ---\n",
    ],
)
def test_simple_tables_with_and_without_a_header(text):
    assert [_cells(row) for row in _rows(text)] == [
        [["Team"], ["Vacancies"]], [["North"], ["4"]], [["South"], ["7"]]]


def test_rules_around_a_paragraph_are_not_a_table():
    paras = _paras("Before.\n\n---\n\nBetween rules.\n\n---\n\nAfter.\n")
    assert [p.text for p in paras] == ["Before.", "Between rules.", "After."]
    assert not _rows("Before.\n\n---\n\nBetween rules.\n\n---\n\nAfter.\n")


def test_pandoc_ascii_dashes_between_words():
    assert markdown_to_html("Local priority -- Front door") == "Local priority \u2013 Front door"
    assert markdown_to_html("one---two <!-- note -->") == "one\u2014two <!-- note -->"
