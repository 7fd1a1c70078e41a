"""The PDF loader's stages on hand-made inputs: colours, markers, lines, paragraphs, furniture."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extractor.loaders.markers import leading_marker
from extractor.loaders.pdf_colours import to_hex
from extractor.loaders.pdf_columns import find_borderless
from extractor.loaders.pdf_data import bullet_marker, is_bold_font, is_page_number
from extractor.loaders.pdf_document import make_paragraphs
from extractor.loaders.pdf_furniture import drop_furniture
from extractor.loaders.pdf_lines import TextLine, build_lines
from extractor.loaders.pdf_objects import Glyph, PageObjects, _box_edges, _edge
from extractor.loaders.pdf_page import PageDraft, TextRun, draft_page
from extractor.loaders.pdf_paragraphs import Region, assign_levels, build_paragraphs
from extractor.loaders.pdf_stitch import continues, stitch
from extractor.loaders.pdf_strike import drop_struck
from extractor.loaders.pdf_tables import CellDraft, RowDraft, TableDraft, find_tables

CHAR = 5.0  # width of every hand-made glyph
SIZE = 10.0
PITCH = 12.0  # line pitch: glyphs are 10 high, so lines are 2 apart
REGION = Region(left=72.0, right=372.0, gap=2.0)  # 60 glyphs to a full line


def glyphs(text: str, x: float, top: float, *, bold: bool = False) -> list[Glyph]:
    return [Glyph(x + i * CHAR, x + (i + 1) * CHAR, top, top + SIZE, c, bold, SIZE)
            for i, c in enumerate(text)]


def line(text: str, x: float = 72.0, row: int = 0, *, bold: bool = False) -> TextLine:
    (built,) = build_lines(glyphs(text, x, 100.0 + row * PITCH, bold=bold))
    return built


def test_a_raised_small_digit_after_text_is_a_footnote_mark_and_left_out() -> None:
    base = glyphs("were 29", 72.0, 100.0)
    end = base[-1].x1
    mark = Glyph(end, end + 3.0, 97.0, 104.0, "2", False, 6.5)  # smaller, raised
    rest = glyphs(" agency", end + 3.0, 100.0)
    (built,) = build_lines([*base, mark, *rest])
    assert built.text == "were 29 agency"
    same_size = Glyph(end, end + CHAR, 100.0, 100.0 + SIZE, "2", False, SIZE)
    (plain,) = build_lines([*base, same_size])
    assert plain.text == "were 292"


# colours


def test_colour_spaces_convert_to_the_same_hex() -> None:
    assert to_hex((1.0, 0.75, 0.0)) == "#FFBF00"
    assert to_hex((0.0, 0.25, 1.0, 0.0)) == "#FFBF00"
    assert to_hex((0.5,)) == to_hex(0.5) == "#808080"
    assert to_hex((0.0, 0.0, 0.0, 1.0)) == "#000000"


@given(st.one_of(st.none(), st.text(), st.tuples(st.floats(), st.floats())))
def test_colours_without_rgb_meaning_give_none(colour: object) -> None:
    assert to_hex(colour) is None


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=4)
       .filter(lambda c: len(c) != 2))
def test_every_gray_rgb_or_cmyk_colour_is_a_hex_triplet(colour: list[float]) -> None:
    assert re.fullmatch(r"#[0-9A-F]{6}", to_hex(tuple(colour)) or "")


# markers, fonts, page numbers


def test_list_markers_and_words() -> None:
    assert bullet_marker("\uf0b7") == "•" and bullet_marker("•") == "•"
    assert bullet_marker("\uf0a7") == bullet_marker("§") == "▪"  # Wingdings, mapped or not
    assert [bullet_marker(t) for t in ("1.", "12)", "a.", "(ii)", "(c)", "-", "IV.")] == [
        "1.", "12)", "a.", "(ii)", "(c)", "-", "IV."]
    assert [bullet_marker(t) for t in ("The", "2020.", "85%", "(Against", "e.g.")] == [None] * 5


def test_every_glyph_that_starts_a_typed_bullet_starts_a_pdf_bullet() -> None:
    typed = ["•", "►", "➤", "‣", "⁃", "▫", "\uf076", "✓", "□"]
    for glyph in typed:
        assert leading_marker(f"{glyph} Caseloads remain high") is not None, glyph
        assert bullet_marker(glyph) is not None, glyph
    assert bullet_marker("►") == bullet_marker("➤") == "➢"


def test_bold_fonts_by_name() -> None:
    assert is_bold_font("ABCDEF+Arial-BoldMT") and is_bold_font("Calibri,Bold")
    assert not is_bold_font("TimesNewRomanPSMT") and not is_bold_font("DejaVuSerif-Italic")


def test_page_numbers() -> None:
    assert all(map(is_page_number, ["7", "Page 3 of 12", "page 3", "3/12", "- 4 -"]))
    assert not any(map(is_page_number, ["2020 figures", "Page", "OFFICIAL", "12 teams"]))


# lines


def test_glyphs_become_words_and_lines_in_reading_order() -> None:
    found = build_lines(glyphs("second line", 72, 112) + glyphs("First", 72, 100)
                        + glyphs("words", 72 + 6 * CHAR, 100.5))
    assert [x.text for x in found] == ["First words", "second line"]
    first = found[0]
    assert (first.first, first.first_x1, first.rest_x0) == ("First", 72 + 5 * CHAR, 72 + 6 * CHAR)


@given(st.permutations(glyphs("Risks and concerns", 72, 100) + glyphs("- Ransomware", 72, 112)))
def test_line_building_does_not_depend_on_glyph_order(shuffled: list[Glyph]) -> None:
    assert [x.text for x in build_lines(shuffled)] == ["Risks and concerns", "- Ransomware"]


def test_a_glyph_drawn_twice_is_read_once() -> None:
    doubled = glyphs("Bold", 72, 100) + glyphs("Bold", 72.3, 100)
    assert [x.text for x in build_lines(doubled)] == ["Bold"]


# paragraphs


def _full(words: str) -> str:
    return (words + " ") * 20


def test_a_short_line_ends_a_paragraph_only_if_the_next_word_would_have_fitted() -> None:
    full = _full("wrapped")[:60].rstrip()
    short = "tiny " + "x" * 47  # 8 glyphs of room left: the next word needs more
    long_word = "Longwordthatwouldnotfitonthepreviousline"
    lines = [line(full), line("end.", row=1), line("Next paragraph", row=2),
             line(short, row=3), line(long_word, row=4)]
    texts = [p.text for p in build_paragraphs(lines, REGION, 1)]
    assert texts == [full + " end.", "Next paragraph", f"{short} {long_word}"]


def test_bullets_with_wrapped_lines_and_levels() -> None:
    text = _full("item")[:56].rstrip()
    lines = [line("• " + text), line(text, x=72 + 2 * CHAR, row=1), line("end", x=82, row=2),
             line("o sub item", x=100, row=3), line("• next", row=4)]
    paragraphs = build_paragraphs(lines, REGION, 3)
    assign_levels(paragraphs)
    assert [(p.kind, p.marker, p.level, p.text) for p in paragraphs] == [
        ("bullet", "•", 0, f"{text} {text} end"),
        ("bullet", "o", 1, "sub item"),
        ("bullet", "•", 0, "next"),
    ]
    assert all(p.page == 3 for p in paragraphs)


def test_a_wider_gap_or_a_change_to_bold_starts_a_paragraph() -> None:
    full = _full("text")[:60].rstrip()
    lines = [line("HEADING", bold=True), line(full, row=1), line(full, row=2)]
    lines.append(line(full, row=4))  # one blank line between
    paragraphs = build_paragraphs(lines, REGION, 1)
    assert [p.kind for p in paragraphs] == ["heading", "paragraph", "paragraph"]
    assert paragraphs[0].bold and not paragraphs[1].bold


def test_centred_lines() -> None:
    (title,) = build_paragraphs([line("TITLE", x=222 - 2.5 * CHAR, bold=True)], REGION, 1)
    assert title.centered and title.kind == "heading"
    (left,) = build_paragraphs([line("TITLE", bold=True)], REGION, 1)
    assert not left.centered


# page-break joins


def _para(*texts: str, x: float = 72.0, start: int = 0):  # noqa: ANN202
    lines = [line(t, x=x, row=start + i) for i, t in enumerate(texts)]
    (paragraph,) = build_paragraphs(lines, REGION, 1)
    return paragraph


def test_a_paragraph_cut_by_a_page_break_continues() -> None:
    unfinished = _para("and this is a focused piece of")
    assert continues(unfinished, _para("improvement work led by the Deputy Director."))
    finished = _para("This sentence ends here.")
    assert not continues(finished, _para("Another paragraph starts here."))
    assert not continues(unfinished, _para("• a new bullet"))
    assert not continues(unfinished, _para("improvement work", x=150))


def test_a_full_last_line_continues_even_at_a_sentence_end() -> None:
    full = _para("x" * 57 + " ok.")
    assert continues(full, _para("Sentence on the next page."))


# running headers and footers


def _page(number: int, *texts: tuple[str, float]) -> PageDraft:
    lines = [line(t, row=0) for t, _ in texts]
    for built, (_, top) in zip(lines, texts, strict=True):
        built.top, built.bottom = top, top + SIZE
    return PageDraft(number, 595.0, 842.0, [TextRun(lines)])


def test_running_text_and_page_numbers_are_dropped_and_body_text_kept() -> None:
    """The first page keeps its running header (it may hold the authority and period); every
    other copy, every footer and every page number goes."""
    body = [f"Body text about {topic}" for topic in "ABCDEFGHIJKL"]
    pages = [_page(n, ("OFFICIAL - SENSITIVE", 30), (text, 80), ("Northshire report", 780),
                   (f"Page {n} of 12", 800))
             for n, text in enumerate(body, start=1)]
    drop_furniture(pages)
    kept = [x.text for p in pages for run in p.items if isinstance(run, TextRun)
            for x in run.lines]
    assert kept == ["OFFICIAL - SENSITIVE", *body]


def test_a_lone_page_has_only_its_number_dropped() -> None:
    pages = [_page(1, ("Northshire report", 30), ("Body", 300), ("1", 810))]
    drop_furniture(pages)
    kept = [x.text for run in pages[0].items if isinstance(run, TextRun) for x in run.lines]
    assert kept == ["Northshire report", "Body"]


def test_a_dash_or_number_at_the_start_of_a_wrapped_line_is_text_not_a_marker() -> None:
    full = "x" * 52 + " 'Lauren'"  # 61 glyphs: nothing more fits
    lines = [line(full), line("– relating to exploitation.", row=1)]
    (paragraph,) = build_paragraphs(lines, REGION, 1)
    assert paragraph.text == full + " – relating to exploitation." and paragraph.marker is None
    fell = "y" * 50 + " fell to"
    (numbered,) = build_paragraphs([line(fell), line("2. This is new.", row=1)], REGION, 1)
    assert numbered.text.endswith("fell to 2. This is new.")


def test_a_tab_after_a_dash_or_a_list_of_the_same_kind_makes_a_new_item() -> None:
    full = "x" * 61
    tab = glyphs("-", 72, 112) + glyphs("next item", 72 + 4 * CHAR, 112)
    paragraphs = build_paragraphs([line(full)] + build_lines(tab), REGION, 1)
    assert [(p.marker, p.text) for p in paragraphs] == [(None, full), ("-", "next item")]
    items = build_paragraphs([line("1. " + "z" * 58), line("2. second", row=1)], REGION, 1)
    assert [(p.marker, p.text) for p in items] == [("1.", "z" * 58), ("2.", "second")]


def test_a_dash_at_the_top_of_a_page_continues_an_unfinished_paragraph() -> None:
    assert continues(_para("x" * 52 + " 'Lauren'"), _para("– relating to exploitation."))
    assert not continues(_para("- first item"), _para("- second item"))


# rows and tables across page breaks


def _row(page: int, top: float, bottom: float, *cells: str, bold: bool = False) -> RowDraft:
    drafts = []
    for i, text in enumerate(cells):
        cell = CellDraft(72.0 + 150 * i, top, 222.0 + 150 * i, bottom)
        if text:
            region = Region(cell.x0 + 5, cell.x1 - 5, 2.0)
            cell.paragraphs = build_paragraphs([line(text, x=cell.x0 + 5, bold=bold and i == 0)],
                                               region, page)
        drafts.append(cell)
    return RowDraft(drafts, page, top, bottom)


def _table_page(number: int, *rows: RowDraft) -> PageDraft:
    columns = [72.0, 222.0, 372.0]
    return PageDraft(number, 595.0, 842.0, [TableDraft(list(rows), columns, number)])


def _rows(pages: list[PageDraft]) -> list[tuple[int, list[list[str]]]]:
    return [(b.table, [[p.text for p in c.paragraphs] for c in b.cells])
            for b in stitch(pages) if isinstance(b, RowDraft)]


def test_a_row_running_off_the_page_is_continued_and_a_repeated_header_dropped() -> None:
    pages = [
        _table_page(1, _row(1, 100, 120, "AREA", "SUMMARY", bold=True),
                    _row(1, 120, 770, "Practice", "the rate rose to")),
        _table_page(2, _row(2, 72, 92, "AREA", "SUMMARY", bold=True),
                    _row(2, 92, 300, "", "eighty per cent."), _row(2, 300, 400, "Care", "Fine.")),
    ]
    assert _rows(pages) == [(0, [["AREA"], ["SUMMARY"]]),
                            (0, [["Practice"], ["the rate rose to eighty per cent."]]),
                            (0, [["Care"], ["Fine."]])]


def test_a_row_that_ended_above_the_bottom_or_a_new_heading_is_a_new_row() -> None:
    short = [_table_page(1, _row(1, 100, 400, "Practice", "Done."), _row(1, 400, 600, "A", "B")),
             _table_page(2, _row(2, 72, 200, "", "more text"), _row(2, 200, 770, "C", "D"))]
    assert len(_rows(short)) == 4
    heading = [_table_page(1, _row(1, 100, 770, "Practice", "Done.")),
               _table_page(2, _row(2, 72, 200, "LEADERSHIP", "Next area.", bold=True))]
    assert [texts for _, texts in _rows(heading)] == [[["Practice"], ["Done."]],
                                                      [["LEADERSHIP"], ["Next area."]]]


# tables without ruling lines


def _cut(*parts: tuple[str, float], row: int, bold: bool = False) -> list[Glyph]:
    return [g for text, x in parts for g in glyphs(text, x, 100.0 + row * PITCH, bold=bold)]


BODY = "Body text after the table runs to the right margin of the page"  # 62 glyphs


def test_lines_cut_into_aligned_columns_become_a_borderless_table() -> None:
    found = build_lines(
        _cut(("LOCAL", 72), ("Northshire County Council", 150), row=0)
        + _cut(("AUTHORITY", 72), row=1)
        + _cut(("PERIOD", 72), ("April to June 2024", 150), row=2)
        + _cut((BODY, 72), row=4),
        columns=True,
    )
    body, tables = find_borderless(found, 1)
    assert [x.text for x in body] == [BODY]
    (table,) = tables
    assert [[[x.text for x in c.lines] for c in r.cells] for r in table.rows] == [
        [["LOCAL", "AUTHORITY"], ["Northshire County Council"]],
        [["PERIOD"], ["April to June 2024"]],
    ]


def test_a_wide_gap_without_aligned_columns_stays_one_line() -> None:
    found = build_lines(_cut(("DATE OF NEXT UPDATE", 72), ("MARCH 2025", 250), row=0)
                        + _cut(("spread", 72), ("out", 200), row=1)
                        + _cut(("text", 72), ("here", 230), row=2), columns=True)
    body, tables = find_borderless(found, 1)
    assert tables == []
    assert [x.text for x in body] == ["DATE OF NEXT UPDATE MARCH 2025", "spread out", "text here"]
    assert [x.segment for x in body] == [0, 0, 0]


def test_a_bullet_and_its_tab_are_not_two_columns() -> None:
    found = build_lines(_cut(("•", 72), ("First item", 108), row=0)
                        + _cut(("•", 72), ("Second item", 108), row=1), columns=True)
    body, tables = find_borderless(found, 1)
    assert tables == [] and [x.text for x in body] == ["• First item", "• Second item"]


def test_a_continuation_with_other_cells_is_flagged_not_merged() -> None:
    merged = RowDraft([CellDraft(72.0, 72.0, 372.0, 200.0)], 2, 72.0, 200.0)
    merged.cells[0].paragraphs = build_paragraphs([line("spanning both columns", x=77)],
                                                  Region(77, 367, 2.0), 2)
    pages = [_table_page(1, _row(1, 100, 770, "Practice", "the rate rose to")),
             _table_page(2, merged, _row(2, 200, 300, "Care", "Fine."))]
    rows = [b for b in stitch(pages) if isinstance(b, RowDraft)]
    assert [(r.table, r.continued, len(r.cells)) for r in rows] == [
        (0, False, 2), (0, True, 1), (0, False, 2)]


def test_a_label_wrapped_over_three_lines_stays_in_its_cell() -> None:
    found = build_lines(
        _cut(("SAFEGUARDING", 72), ("Eastmoor Borough Council", 150), row=0)
        + _cut(("PARTNERSHIP", 72), row=1) + _cut(("ARRANGEMENTS", 72), row=2)
        + _cut(("PERIOD", 72), ("2024", 150), row=3) + _cut((BODY, 72), row=4),
        columns=True,
    )
    body, (table,) = find_borderless(found, 1)
    assert [[x.text for x in r.cells[0].lines] for r in table.rows] == [
        ["SAFEGUARDING", "PARTNERSHIP", "ARRANGEMENTS"], ["PERIOD"]]
    assert [x.text for x in body] == [BODY]


def test_body_text_between_two_label_lines_is_not_swallowed() -> None:
    found = build_lines(
        _cut(("DATE", 72), ("March 2025", 150), row=0)
        + _cut((BODY, 72), row=1)
        + _cut(("NEXT", 72), ("June 2025", 150), row=2),
        columns=True,
    )
    body, tables = find_borderless(found, 1)
    assert tables == [] and [x.text for x in body] == ["DATE March 2025", BODY, "NEXT June 2025"]


# properties: nothing lost, nothing reordered, whatever the geometry

_WORDS = st.sampled_from(["•", "-", "1.", "a.", "(ii)", "Risks", "rose", "to", "85%.", "OFSTED",
                          "the", "Council", "o", "§", "improved"])
_LINE = st.tuples(st.lists(_WORDS, min_size=1, max_size=8), st.integers(0, 40),
                  st.sampled_from([1.0, 5.0, 30.0]), st.booleans())


@given(st.lists(_LINE, min_size=1, max_size=12))
def test_lines_paragraphs_and_columns_keep_every_word_in_order(spec: list) -> None:
    found: list[Glyph] = []
    for row, (words, indent, gap, bold) in enumerate(spec):
        x = 72.0 + indent * 2
        for word in words:
            found += glyphs(word, x, 100.0 + row * PITCH, bold=bold)
            x += (len(word) + 1) * CHAR + gap
    words = [w for words, _, _, _ in spec for w in words]
    lines = build_lines(found, columns=True)
    body, tables = find_borderless(lines, 1)
    assert sorted(" ".join(x.text for x in body + [
        p for t in tables for r in t.rows for c in r.cells for p in c.lines]).split()) == sorted(
        words)
    paragraphs = build_paragraphs(body, REGION, 1)
    assert [x for p in paragraphs for x in p.lines] == body
    rebuilt = " ".join((p.lines[0].first + " " if p.marker else "") + p.text for p in paragraphs)
    assert rebuilt.split() == " ".join(x.text for x in body).split()


def test_a_header_row_alone_at_the_foot_of_a_page_is_not_continued() -> None:
    header = _row(1, 740, 770, "AREA", "RAG")
    for cell in header.cells:
        for paragraph in cell.paragraphs:
            paragraph.bold = True
    pages = [_table_page(1, header),
             _table_page(2, _row(2, 72, 200, "Practice", "AMBER"), _row(2, 200, 300, "Care",
                                                                           "GREEN"))]
    assert _rows(pages) == [(0, [["AREA"], ["RAG"]]), (0, [["Practice"], ["AMBER"]]),
                            (0, [["Care"], ["GREEN"]])]


def test_a_row_ending_at_the_foot_by_chance_is_not_continued_by_the_next_pages_row() -> None:
    """A cut cell runs to the foot of the page; a title or rating that ended a line higher was
    not cut, so capitalised text in its column opens a new row. A long text that ended a line
    early (its next paragraph moved whole) may still go on with a capital."""
    by_chance = [_table_page(1, _row(1, 500, 770, "Adoption", "GREEN")),
                 _table_page(2, _row(2, 72, 200, "Care leavers", "AMBER"))]
    for row in by_chance[0].items[0].rows:  # type: ignore[union-attr]
        row.cells[1].paragraphs[0].lines[0].bottom = 768.0  # the tallest cell fills the row
    assert [texts for _, texts in _rows(by_chance)] == [[["Adoption"], ["GREEN"]],
                                                        [["Care leavers"], ["AMBER"]]]
    long_text = "Timeliness improved over the quarter and the service is stable now"
    cut = [_table_page(1, _row(1, 500, 770, "", long_text)),
           _table_page(2, _row(2, 72, 200, "", "Practice rated good rose."))]
    assert [texts for _, texts in _rows(cut)] == [
        [[], [long_text + " Practice rated good rose."]]]


def test_a_running_header_table_is_dropped_after_the_first_page() -> None:
    def header(number: int) -> TableDraft:
        return TableDraft([_row(number, 30, 50, "Wexcombe Council", "Period: May 2025")],
                          [72.0, 222.0, 372.0], number)

    pages = [PageDraft(n, 595.0, 842.0, [header(n), *_page(n, (f"Body {n}", 400)).items])
             for n in (1, 2, 3)]
    drop_furniture(pages)
    assert [[type(item).__name__ for item in page.items] for page in pages] == [
        ["TableDraft", "TextRun"], ["TextRun"], ["TextRun"]]


def test_two_tables_drawn_against_each_other_are_found_as_two() -> None:
    edges = [*_box_edges(72, 30, 300, 50, "rect_edge"), *_box_edges(300, 30, 523, 50, "rect_edge")]
    for top, bottom in ((50, 90), (90, 140)):
        for x0, x1 in ((72, 200), (200, 260), (260, 523)):
            edges += _box_edges(x0, top, x1, bottom, "rect_edge")
    tables = find_tables(PageObjects(1, 595.0, 842.0, edges=edges))
    assert [(len(t.rows), len(t.columns)) for t in tables] == [(1, 3), (2, 4)]


def test_a_cell_merged_down_leaves_an_empty_cell_a_cell_merged_across_none() -> None:
    edges = [*_box_edges(72, 100, 150, 180, "rect_edge")]  # "Group" merged down two rows
    for top, bottom in ((100, 140), (140, 180)):
        edges += [*_box_edges(150, top, 300, bottom, "rect_edge"),
                  *_box_edges(300, top, 523, bottom, "rect_edge")]
    edges += _box_edges(72, 180, 523, 220, "rect_edge")  # a row merged across the table
    (table,) = find_tables(PageObjects(1, 595.0, 842.0, edges=edges))
    assert [[(round(c.x0), round(c.x1)) for c in row.cells] for row in table.rows] == [
        [(72, 150), (150, 300), (300, 523)], [(72, 150), (150, 300), (300, 523)], [(72, 523)]]
    assert [[c.merged_above for c in row.cells] for row in table.rows] == [
        [False, False, False], [True, False, False], [False]]


def test_two_cells_merged_down_side_by_side_leave_an_empty_cell_each() -> None:
    edges = [*_box_edges(72, 100, 150, 180, "rect_edge"),  # "Area" and "Commentary" over
             *_box_edges(150, 100, 300, 180, "rect_edge"),  # two header rows
             *_box_edges(300, 100, 523, 140, "rect_edge")]  # "Assessment" over two columns
    edges += [*_box_edges(300, 140, 400, 180, "rect_edge"),
              *_box_edges(400, 140, 523, 180, "rect_edge")]
    (table,) = find_tables(PageObjects(1, 595.0, 842.0, edges=edges))
    assert [[(round(c.x0), round(c.x1), c.merged_above) for c in row.cells]
            for row in table.rows][1] == [
        (72, 150, True), (150, 300, True), (300, 400, False), (400, 523, False)]


def test_a_table_nested_in_a_cell_gives_its_rows_to_that_cell_as_lines() -> None:
    edges = [*_box_edges(72, 100, 200, 200, "rect_edge"), *_box_edges(200, 100, 523, 200,
                                                                        "rect_edge")]
    for top in (110, 130):
        edges += [*_box_edges(210, top, 300, top + 20, "rect_edge"),
                  *_box_edges(300, top, 500, top + 20, "rect_edge")]
    text = [*glyphs("Header", 80, 110), *glyphs("Period", 215, 115), *glyphs("May 2025", 305, 115),
            *glyphs("Adviser", 215, 135), *glyphs("Jo Bell", 305, 135), *glyphs("Notes", 215, 160)]
    page = draft_page(PageObjects(1, 595.0, 842.0, glyphs=text, edges=edges))
    (table,) = [item for item in page.items if isinstance(item, TableDraft)]
    assert [[line.text for line in cell.lines] for cell in table.rows[0].cells] == [
        ["Header"], ["Period | May 2025", "Adviser | Jo Bell", "Notes"]]


def test_struck_through_glyphs_are_dropped_and_underlined_ones_kept() -> None:
    text = [*glyphs("two", 72, 100), *glyphs("three", 92, 100), *glyphs("teams", 120, 100)]
    edges = [_edge(72, 106, 87, 106, "line"),  # through the middle of "two"
             _edge(92, 110, 117, 110, "line"),  # under "three"
             *_box_edges(60, 95, 200, 115, "rect_edge")]  # a cell's border round them all
    page = PageObjects(1, 595.0, 842.0, glyphs=text, edges=edges)
    drop_struck(page)
    assert "".join(g.text for g in page.glyphs) == "threeteams"


def test_a_borderless_row_whose_label_goes_on_in_lower_case_takes_the_rest_of_its_values() -> None:
    found = build_lines(
        _cut(("Local", 72), ("Wexcombe", 150), ("Period", 250), ("May", 330), row=0)
        + _cut(("authority", 72), ("2025", 330), row=1)
        + _cut(("Adviser", 72), ("Jo Bell", 150), ("DfE lead", 250), ("Ann Bee", 330), row=2)
        + _cut((BODY, 72), row=3),
        columns=True,
    )
    _, (table,) = find_borderless(found, 1)
    assert [[" ".join(x.text for x in c.lines) for c in r.cells] for r in table.rows] == [
        ["Local authority", "Wexcombe", "Period", "May 2025"],
        ["Adviser", "Jo Bell", "DfE lead", "Ann Bee"]]


# newspaper columns

LEFT = ["Going well", "The new front door team now answers", "most contacts within a day, and its",
        "managers check each one.", "Audits of case files show plans that",
        "are clearer for children, with fewer", "cases drifting than in the autumn."]
RIGHT = ["Risks", "Too many older children live in homes", "far from the borough, and the plan",
         "to open homes is late.", "Agency staff fill a quarter of posts",
         "in the assessment teams this month."]
UNDER = "Ratings follow in the table below, one row for each area of the plan in turn here."


def _texts(page: PageDraft) -> list[list[str]]:
    return [[x.text for x in item.lines] if isinstance(item, TextRun) else ["TABLE"]
            for item in page.items]


def test_two_newspaper_columns_are_read_left_column_first() -> None:
    rows = [*zip(LEFT[:-1], RIGHT, strict=True), (LEFT[-1], None)]
    text = [g for row, (left, right) in enumerate(rows)
            for g in glyphs(left, 72, 100 + row * PITCH) + (
                glyphs(right, 300, 100 + row * PITCH) if right else [])]
    text += glyphs(UNDER, 72, 100 + (len(rows) + 1) * PITCH)
    page = draft_page(PageObjects(1, 595.0, 842.0, glyphs=text))
    assert _texts(page) == [LEFT, RIGHT, [UNDER]]
    assert [getattr(item, "column", None) for item in page.items] == [
        (72.0, 72.0 + max(map(len, LEFT)) * CHAR), (300.0, 300.0 + max(map(len, RIGHT)) * CHAR),
        None]
    make_paragraphs([page])
    assert [[p.text for p in item.paragraphs] for item in page.items
            if isinstance(item, TextRun)] == [
        [LEFT[0], " ".join(LEFT[1:4]), " ".join(LEFT[4:])], [RIGHT[0], " ".join(RIGHT[1:4]),
                                                              " ".join(RIGHT[4:])], [UNDER]]


def test_a_label_value_block_stays_a_table_and_a_short_two_part_line_one_line() -> None:
    rows = [("Authority", "Wexcombe Borough Council in the south west"),
            ("Period", "March to May 2025, the second report of the year"),
            ("Adviser", "Jo Bell, with visits in March and in April"),
            ("DfE lead", "Ann Bee, who chairs the improvement board"),
            ("Next", "The next report is due in the autumn term"),
            ("Status", "Improvement notice, reviewed every six months"),
            ("Board", "Meets monthly with the lead member present")]
    text = [g for row, (label, value) in enumerate(rows)
            for g in _cut((label, 72), (value, 160), row=row)]
    page = draft_page(PageObjects(1, 595.0, 842.0, glyphs=text))
    assert _texts(page) == [["TABLE"]]
    body = [_full("word")[:60].rstrip()] * 7
    text = [g for row, words in enumerate(body) for g in glyphs(words, 72, 100 + row * PITCH)]
    text += _cut(("Page 1 of 3", 72), ("OFFICIAL", 330), row=8)
    page = draft_page(PageObjects(1, 595.0, 842.0, glyphs=text))
    assert _texts(page) == [[*body, "Page 1 of 3 OFFICIAL"]]


def test_two_columns_of_a_borderless_table_are_not_newspaper_columns() -> None:
    """A shorter cell leaves its column blank for rows while the other goes on; then both
    start again on one row: a table's rows, not columns of text."""
    rows: list[tuple[str | None, str]] = []
    for area in range(3):
        rows += [(LEFT[1], RIGHT[1]), (LEFT[2], RIGHT[2])] + [(None, RIGHT[3 + area % 2])] * 3
    text = [g for row, (left, right) in enumerate(rows)
            for g in (glyphs(left, 72, 100 + row * PITCH) if left else [])
            + glyphs(right, 300, 100 + row * PITCH)]
    page = draft_page(PageObjects(1, 595.0, 842.0, glyphs=text))
    assert all(item.column is None for item in page.items if isinstance(item, TextRun))
