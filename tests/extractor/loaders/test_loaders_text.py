"""The text-conversion loader, on small fictional inputs and on the real seed conversion."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.loaders import load, load_text
from extractor.loaders.drafts import Para, Row
from extractor.loaders.text import is_caps_heading, parse_text
from tests.conftest import SEED_TXT
from tests.extractor.loaders.loaders_checks import assert_consistent, row_starting, rows, top_level

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"
SEED = SEED_TXT


def _paras(text: str) -> list[Para]:
    return [block for block in parse_text(text) if isinstance(block, Para)]


def _rows(text: str) -> list[Row]:
    return [block for block in parse_text(text) if isinstance(block, Row)]


# -- headings, labels and bold -----------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    ["ADVISER", "DfE CASE LEAD", "DATE OF NEXT UPDATE", "WHAT'S COMING UP / ADVISER ACTIVITY"],
)
def test_short_capitals_lines_are_headings(line):
    assert is_caps_heading(line)
    assert _paras(line)[0].kind == "heading"


@pytest.mark.parametrize(
    "line",
    ["Things that are going well:", "Claire Example", "A", "12 34", "THE " * 20 + "END"],
)
def test_other_lines_are_not_caps_headings(line):
    assert not is_caps_heading(line)


def test_bold_label_broken_over_two_lines_is_one_bold_heading():
    paras = _paras("**LOCAL\nAUTHORITY**\n\nEastmoor Borough Council\n")
    assert [(p.text, p.kind, p.bold) for p in paras] == [
        ("LOCAL AUTHORITY", "heading", True),
        ("Eastmoor Borough Council", "paragraph", False),
    ]


def test_bold_markers_inside_a_line_are_stripped():
    (para,) = _paras("The **new** model is in place.")
    assert para.text == "The new model is in place."
    assert not para.bold


def test_a_long_bold_line_stays_a_bold_paragraph():
    text = "**" + " ".join(["word"] * 40) + "**"
    (para,) = _paras(text)
    assert para.kind == "paragraph" and para.bold


# -- bullets -----------------------------------------------------------------------------------
def test_bullets_nest_by_leading_spaces():
    paras = _paras("- one\n - one.a\n   - one.a.i\n - one.b\n- two\n")
    assert [(p.text, p.level, p.marker) for p in paras] == [
        ("one", 0, "-"),
        ("one.a", 1, "-"),
        ("one.a.i", 2, "-"),
        ("one.b", 1, "-"),
        ("two", 0, "-"),
    ]
    assert {p.kind for p in paras} == {"bullet"}


@pytest.mark.parametrize("marker", ["•", "o", "*", "1.", "a)", "(iv)", "▪"])
def test_typed_markers_make_bullets(marker):
    (para,) = _paras(f"{marker} Placement sufficiency")
    assert (para.kind, para.marker, para.text) == ("bullet", marker, "Placement sufficiency")


@pytest.mark.parametrize("line", ["e.g. this is prose", "2020 was a hard year", "-5% is a fall"])
def test_things_that_look_like_markers_are_not(line):
    (para,) = _paras(line)
    assert para.kind == "paragraph"


# -- paragraphs cut by page breaks ---------------------------------------------------------------
def test_paragraph_cut_by_a_page_break_is_joined_into_its_bullet():
    paras = _paras("- Consultants are scoping the social work\n\nmodel for Northshire.\n\n- Next.")
    assert [p.text for p in paras] == [
        "Consultants are scoping the social work model for Northshire.",
        "Next.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The first sentence ends.\n\nlower-case start stays separate.",
        "RISKS\n\nlower-case after a heading.",
        "A part without a stop\n\nUpper-case start stays separate.",
        "A part without a stop\n\n- a bullet stays separate",
    ],
)
def test_only_true_page_break_cuts_are_joined(text):
    assert len(_paras(text)) == 2


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    sentence = "The service has made steady progress with its plan this quarter and "
    text = "\n".join([sentence] * 12) + "ends here.\n\nRISKS\n\n"
    text += "- one item that wraps onto\n  a second line\n"
    paras = _paras(text)
    assert [p.kind for p in paras] == ["paragraph", "heading", "bullet"]
    assert paras[0].text.endswith("and ends here.")
    assert paras[2].text == "one item that wraps onto a second line"


def test_wrapped_text_keeps_short_label_lines_apart():
    prose = (
        "The summary wraps at the width the converter chose for the page, and the\n"
        "second line goes on, in lower case.\n"
    )
    text = "Local authority: Riverbridge City Council\nAdviser: Imogen Example\n" + prose * 6
    paras = _paras(text)
    assert [p.text for p in paras[:3]] == [
        "Local authority: Riverbridge City Council",
        "Adviser: Imogen Example",
        "The summary wraps at the width the converter chose for the page, and the second line"
        " goes on, in lower case.",
    ]
    assert len(paras) == 8


def test_a_value_under_a_name_is_its_own_line_but_a_figure_after_a_word_continues():
    prose = (
        "The summary wraps at the width the converter chose for the page, and the\n"
        "second line goes on, in lower case.\n"
    )
    text = ("Westcombe Borough Council\n1 April to 12 May 2025\nJo Bell\n\n"
            "Re-referrals fell to\n21% in April.\n\n" + prose * 6)
    assert [p.text for p in _paras(text)[:4]] == [
        "Westcombe Borough Council", "1 April to 12 May 2025", "Jo Bell",
        "Re-referrals fell to 21% in April."]


def test_bullet_glyphs_on_lines_of_their_own_mark_the_items_after_them():
    # as pdftotext writes a PDF's bullets: the glyphs first, then the wrapped items
    text = (
        "Things that are going well:\n\uf0b7\n\n\uf0b7\n\n"
        "Re-referrals fell again this quarter and the front door is steadier than in\n"
        "the spring.\nThe academy has recruited twelve newly qualified social workers.\n\n"
        "Closing paragraph after the list, which is not a bullet.\n"
    ) + "A long line of prose that fills the width the converter wrapped the text at.\n" * 8
    paras = _paras(text)
    assert [(p.kind, p.marker) for p in paras[:4]] == [
        ("paragraph", None), ("bullet", "\uf0b7"), ("bullet", "\uf0b7"), ("paragraph", None),
    ]
    assert paras[1].text.endswith("than in the spring.")


def test_words_hyphenated_at_a_wrap_keep_the_hyphen_only():
    line = "A line of prose long enough to have been wrapped by the converter at the self-\n"
    filler = line.replace("self-", "end.") * 12
    text = line + "evaluation and a dash -\nwhich stays spaced.\n" + filler
    assert _paras(text)[0].text.endswith("the self-evaluation and a dash - which stays spaced.")


def test_unwrapped_lines_stay_separate_paragraphs():
    long = "A paragraph written on one long line, as a word processor saves plain text. " * 3
    paras = _paras(f"{long}\n{long}\nShort closing line.")
    assert len(paras) == 3


# -- tables ------------------------------------------------------------------------------------
def test_tab_separated_row_cells_are_split_into_paragraphs_and_bullets():
    line = (
        "ADOPTION Timely matching: <ol> 1. Approve adopters 2. Match sooner <ol> a. sibling groups"
        " b. older children 3. Support\t<p style=\"text-align: center;\">AMBER</p>\t<p>Up 4%.</p>"
        " <p>Second.</p>"
    )
    (row,) = _rows(line)
    first, rating, summary = row.cells
    assert [(p.kind, p.level, p.marker, p.text) for p in first.paras] == [
        ("paragraph", 0, None, "ADOPTION"),
        ("paragraph", 0, None, "Timely matching:"),
        ("bullet", 0, "1.", "Approve adopters"),
        ("bullet", 0, "2.", "Match sooner"),
        ("bullet", 1, "a.", "sibling groups"),
        ("bullet", 1, "b.", "older children"),
        ("bullet", 0, "3.", "Support"),
    ]
    assert [(p.text, p.centered) for p in rating.paras] == [("AMBER", True)]
    assert [p.text for p in summary.paras] == ["Up 4%.", "Second."]


def test_separator_lines_are_dropped():
    text = "A\tB\n--\t--\n---\n===\nC\tD\n"
    assert [[c.paras[0].text for c in row.cells] for row in _rows(text)] == [["A", "B"], ["C", "D"]]
    assert _paras(text) == []


def test_row_cut_by_a_page_break_is_stitched_cell_by_cell():
    text = (
        "CARE LEAVERS\t<p>RED</p>\t<p>Pathway plans are late for</p>\n\n"
        "\t\t<p>most young people.</p> <p>A new plan starts.</p>\n"
    )
    (row,) = _rows(text)
    assert [cell.paras[-1].text for cell in row.cells][:2] == ["CARE LEAVERS", "RED"]
    assert [p.text for p in row.cells[2].paras] == [
        "Pathway plans are late for most young people.",
        "A new plan starts.",
    ]


def test_continuation_with_fewer_cells_aligns_on_the_right():
    text = "AREA\tRED\t<p>Summary begins and</p>\n\t<p>carries on.</p>\n"
    (row,) = _rows(text)
    assert row.cells[1].paras[0].text == "RED"
    assert row.cells[2].paras[0].text == "Summary begins and carries on."


def test_continuation_after_prose_is_marked_continued_in_the_same_table():
    text = "AREA\tRED\t<p>Summary.</p>\n\nSpill-over prose.\n\n\t\t<p>more summary.</p>\n"
    blocks = parse_text(text)
    assert [type(block).__name__ for block in blocks] == ["Row", "Para", "Row"]
    first, second = blocks[0], blocks[2]
    assert isinstance(first, Row) and isinstance(second, Row)
    assert second.continued and second.table == first.table
    assert not first.continued


def test_a_heading_between_rows_starts_a_new_table():
    text = "A\tB\n\nOFSTED CATEGORIES\n\nC\tD\n\nprose between rows.\n\nE\tF\n"
    assert [row.table for row in _rows(text)] == [0, 1, 1]


def test_tabs_in_prose_without_cells_are_not_rows():
    assert _rows("\tIndented prose.\n") == []


# -- whole files -------------------------------------------------------------------------------
def test_fixture_report_structure():
    layout = load_text(FIXTURES / "northshire_report.txt")
    assert_consistent(layout)
    assert layout.format == "txt" and layout.pages is None
    headings = [p.text for p in top_level(layout) if p.kind == "heading"]
    assert headings[:3] == [
        "LA INTERVENTION – ADVISER HIGHLIGHT REPORT", "LOCAL AUTHORITY", "ADVISER"
    ]
    row = row_starting(layout, "CARE LEAVERS")
    assert len(row.cells) == 3
    bullets = [p for p in row.cells[0].paragraphs if p.kind == "bullet"]
    assert [p.level for p in bullets] == [0, 0, 1, 1, 0]
    assert bullets[-1].text == "Education, employment and training"
    assert row.cells[2].paragraphs[-1].text.endswith("improving month on month.")
    assert [r.continued for r in rows(layout)] == [False, False, False, True]


def test_crlf_and_form_feeds_are_line_breaks():
    paras = _paras("RISKS\r\n\r\n- one\r\n\f- two\r\n")
    assert [p.text for p in paras] == ["RISKS", "one", "two"]


def test_load_dispatches_txt():
    assert load(FIXTURES / "northshire_report.txt").format == "txt"


# -- the real seed conversion ------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"seed text conversion not found at {SEED}")
    return load(SEED)


def test_seed_offsets_are_exact(seed):
    assert_consistent(seed)


def test_seed_header_labels_and_values_are_separate_paragraphs(seed):
    texts = [p.text for p in top_level(seed)]
    for label, value in [
        ("LOCAL AUTHORITY", "Gloucestershire County Council"),
        ("REPORTING PERIOD", "July to December 2020"),
        ("ADVISER", "Claire Burgess"),
        ("DfE CASE LEAD", "Kellie Knott"),
    ]:
        assert texts[texts.index(label) + 1] == value


def _bullets_between(layout, start: str, end: str):
    paras = top_level(layout)
    texts = [p.text for p in paras]
    return [p for p in paras[texts.index(start) + 1 : texts.index(end)] if p.kind == "bullet"]


def test_seed_going_well_bullets_and_nesting(seed):
    bullets = _bullets_between(seed, "Things that are going well:", "Risks and concerns:")
    assert sum(p.level == 0 for p in bullets) == 14
    assert [p.level for p in bullets[:5]] == [0, 0, 1, 1, 1]
    assert bullets[1].text.endswith("reiterated:")


def test_seed_page_broken_going_well_bullet_is_joined(seed):
    bullets = _bullets_between(seed, "Things that are going well:", "Risks and concerns:")
    joined = [p for p in bullets if "as the social work model for Gloucestershire" in p.text]
    assert len(joined) == 1
    assert not any(p.text.startswith("model for Gloucestershire") for p in seed.paragraphs())


def test_seed_social_work_practice_row(seed):
    row = row_starting(seed, "SOCIAL WORK PRACTICE")
    assert len(row.cells) == 3
    plan = [p for p in row.cells[0].paragraphs if p.kind == "bullet"]
    assert {p.level for p in plan} == {0, 1}
    assert [p.marker for p in plan if p.level == 0] == ["1.", "2.", "3.", "4.", "5."]
    assert [p.marker for p in plan if p.level == 1] == ["a.", "b.", "c.", "d.", "e."]
    assert row.cells[1].text == "AMBER"
    summary = row.cells[2].paragraphs
    assert any("focused piece of improvement work" in p.text for p in summary)


def test_seed_care_leavers_rating_is_a_centred_paragraph(seed):
    row = row_starting(seed, "EXPERIENCE AND PROGRESS OF CARE LEAVERS")
    centred = [p for cell in row.cells for p in cell.paragraphs if p.centered]
    assert [p.text for p in centred] == ["AMBER"]


def test_seed_rows_cut_by_page_breaks_are_marked_or_stitched(seed):
    assert not any(p.text.startswith("performance improvements") for p in seed.paragraphs())
    assert any(row.continued for row in rows(seed))
    first_cells = [row.cells[0].text for row in rows(seed) if not row.continued]
    assert all(text[:1].isupper() for text in first_cells)


def test_a_fixed_width_table_becomes_rows_across_a_page_break():
    """pdftotext -layout: columns at fixed offsets, header cells wrapped, a row cut by a page
    break with the header repeated, a rating wrapped at its slash."""
    lines = [
        "KEY CHALLENGES          PROGRESS   SUMMARY",
        "FOR SERVICES            R/A/G      (Brief",
        "(Please specify)        (Against   commentary)",
        "                        plan)",
        "EARLY HELP               AMBER     Early help is growing and",
        "Embed the hubs                     hubs are busy.",
        "",
        "                                                  Page 1",
        "\fKEY CHALLENGES          PROGRESS   SUMMARY",
        "FOR SERVICES            R/A/G      (Brief",
        "Reduce repeat contacts             Repeat contacts fell.",
        "ADOPTION                 AMBER/    Timely matches.",
        "                         GREEN",
        "",
        "NEXT STEPS",
    ]
    rows_ = [b for b in parse_text("\n".join(lines)) if isinstance(b, Row)]
    assert [[" / ".join(p.text for p in c.paras) for c in r.cells] for r in rows_] == [
        ["KEY CHALLENGES FOR SERVICES / (Please specify)", "PROGRESS R/A/G / (Against plan)",
         "SUMMARY / (Brief commentary)"],
        ["EARLY HELP Embed the hubs Reduce repeat contacts", "AMBER",
         "Early help is growing and hubs are busy. Repeat contacts fell."],
        ["ADOPTION", "AMBER/ GREEN", "Timely matches."],
    ]


def test_prose_and_a_two_column_header_are_no_fixed_width_table():
    text = ("LOCAL AUTHORITY          REPORTING PERIOD\nWexcombe Council          May 2025\n\n"
            "The service improved.   Caseloads fell.   Staff stayed.\n" * 3)
    assert not any(isinstance(b, Row) for b in parse_text(text))


def _cells(text: str) -> list[list[str]]:
    return [[" / ".join(p.text for p in c.paras) for c in r.cells] for r in _rows(text)]


def test_fixed_width_cells_centred_or_shifted_under_their_header_are_read():
    """Ratings centred under a short header cell, wrapped plan lines indented, the summary a
    character left of its header: each piece goes to the column whose span holds it."""
    lines = [
        "Theme                  Plan steps                 RAG     Notes",
        "Front door             • Triage within a day       R/A   Triage is quicker than in",
        "                           and record reasons            spring.",
        "Fostering              • Recruit carers             G    Nine households joined.",
        "                       • Keep carers                    Retention is steady.",
        "Care leavers           • Widen the offer            A    More leavers are in work.",
    ]
    assert _cells("\n".join(lines)) == [
        ["Theme", "Plan steps", "RAG", "Notes"],
        ["Front door", "Triage within a day and record reasons", "R/A",
         "Triage is quicker than in spring."],
        ["Fostering", "Recruit carers / Keep carers", "G",
         "Nine households joined. Retention is steady."],
        ["Care leavers", "Widen the offer", "A", "More leavers are in work."],
    ]


def test_fixed_width_table_goes_on_under_its_header_spaced_otherwise_on_the_next_page():
    """The footer and running header around the page break are skipped, the header repeated
    with other spacing gives the new columns, and a rating column may come first."""
    lines = [
        "Grade        Topic                   Comment",
        "Amber-       Youth justice           Remands fell in the",
        "  Green                              quarter.",
        " Red         Early                   Waiting lists grew",
        "",
        "                    Wexcombe update, page 1",
        "\f                                          RESTRICTED",
        "",
        "Grade    Topic             Comment",
        "         support           again in June.",
        " Green   Adoption          Matches are quick.",
        "",
    ]
    assert _cells("\n".join(lines)) == [
        ["Grade", "Topic", "Comment"],
        ["Amber- Green", "Youth justice", "Remands fell in the quarter."],
        ["Red", "Early support", "Waiting lists grew again in June."],
        ["Green", "Adoption", "Matches are quick."],
    ]


def test_a_rating_squeezed_into_the_first_column_span_goes_to_the_rating_column():
    lines = [
        "Topic and aims             RAG        Comment",
        "Youth justice              Amber      Remands fell.",
        "Early support              Green      Lists are short.",
        "Short one   Red                       Visits are late.",
        "Fostering                  Amber      Nine households.",
    ]
    assert [row[:2] for row in _cells("\n".join(lines))[1:]] == [
        ["Youth justice", "Amber"], ["Early support", "Green"], ["Short one", "Red"],
        ["Fostering", "Amber"]]


def test_rows_after_a_heading_that_fit_the_table_above_are_a_table_without_header():
    lines = [
        "TOPIC                 RAG       COMMENT",
        "Youth justice         AMBER     Remands fell.",
        "Early support         GREEN     Lists are short.",
        "Fostering             AMBER     Nine households.",
        "Kinship care          RED       Assessments are late.",
        "",
        "STATUTORY AREAS",
        "Adoption              GREEN     Matches are quick.",
        "Care leavers          AMBER     More are in work.",
        "Governance            AMBER     The board is effective.",
        "Front door            RED       Contacts wait too long.",
        "",
        "Next steps",
        "•   Board meeting in May, with the summary moved to June.",
    ]
    blocks = parse_text("\n".join(lines))
    heading = next(i for i, b in enumerate(blocks) if isinstance(b, Para)
                   and b.text == "STATUTORY AREAS")
    after = [b for b in blocks[heading + 1:] if isinstance(b, Row)]
    assert [[c.paras[0].text for c in r.cells[:2]] for r in after] == [
        ["Adoption", "GREEN"], ["Care leavers", "AMBER"], ["Governance", "AMBER"],
        ["Front door", "RED"]]
    assert any(isinstance(b, Para) and b.kind == "bullet" and b.text.startswith("Board")
               for b in blocks)


def test_typed_markers_in_fixed_width_cells_start_list_items():
    lines = [
        "Area                Plan                     RAG     Notes",
        "1. Staffing         - Hire managers           A      Two joined.",
        "                    - Cut agency use                 Agency use fell.",
        "2. Audit            - Moderate grades         G      Grades hold.",
        "                      monthly",
    ]
    rows_ = _rows("\n".join(lines))
    staffing = rows_[1].cells
    assert [(p.kind, p.marker, p.text) for p in staffing[0].paras] == [
        ("bullet", "1.", "Staffing")]
    assert [p.text for p in staffing[1].paras] == ["Hire managers", "Cut agency use"]
    assert [p.text for p in rows_[2].cells[1].paras] == ["Moderate grades monthly"]


@pytest.mark.parametrize("text", [
    # justified prose under a line of three short phrases: no column of ratings
    "Area one      Area two      Area three\n"
    "The service  improved    and caseloads   fell.\n"
    "Managers     now record  their reasons   well.\n"
    "Two teams    still wait  for permanent   staff.\n"
    "Audits       found most  plans were      weak.\n"
    "The board    asked for   a new report    soon.\n",
    # a header then lines that run across its columns
    "Topic          RAG          Comment\n" + "The review found that plans are weak and that "
    "managers do not record their oversight of the work.\n" * 5,
])
def test_prose_under_a_header_like_line_is_no_fixed_width_table(text):
    assert not _rows(text)


def test_a_rating_change_wrapped_after_its_arrow_stays_in_its_row():
    lines = [
        "AREA                 SUMMARY                         RAG (LAST → NOW)",
        "Adoption             Matches are quicker than        Amber →",
        "performance          last year.                      Green",
        "Care leavers         More are in touch.              Green → Green",
        "Leadership           The board is sharper.           Amber",
        "Quality of practice  Audits are better.              Red",
    ]
    assert [row[0] for row in _cells("\n".join(lines))[1:]] == [
        "Adoption performance", "Care leavers", "Leadership", "Quality of practice"]


def test_a_grid_table_of_a_plain_text_conversion_becomes_rows():
    text = ("Progress against the plan\n\n"
            "+------------+---------+----------------------+\n"
            "| Area       | Rating  | Summary              |\n"
            "+============+=========+======================+\n"
            "| Care       | Amber   | More young people    |\n"
            "| leavers    |         | are in work.         |\n"
            "+------------+---------+----------------------+\n"
            "| Adoption   | Green   | Matches are quick.   |\n"
            "+------------+---------+----------------------+\n")
    assert _cells(text) == [["Area", "Rating", "Summary"],
                            ["Care leavers", "Amber", "More young people are in work."],
                            ["Adoption", "Green", "Matches are quick."]]
