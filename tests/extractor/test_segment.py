"""The segmenter on hand-built layouts: every rule in isolation, in several house styles."""

from __future__ import annotations

import pytest

from extractor.layout import Paragraph
from extractor.segment import is_highlight_report, segment
from extractor.segment.items import text_runs
from extractor.template import load_template
from models.rating import Rating
from tests.extractor.layouts import build

T = load_template()


def test_header_table_fields_and_label_lines_and_inline_labels() -> None:
    table = build(
        ("row", [["LOCAL AUTHORITY"], ["Northshire County Council"]]),
        ("row", [["REPORTING PERIOD"], ["April to June 2021"], ["ADVISER"], ["Sam Okafor"]]),
        ("p", "DfE case lead: Priya Shah"),
    )
    fields = {k: v.text for k, v in segment(table, T).fields.items()}
    assert fields == {"authority": "Northshire County Council", "period": "April to June 2021",
                      "adviser": "Sam Okafor", "case_lead": "Priya Shah"}

    lines = build("LOCAL AUTHORITY", "Eastmoor", "Reporting period", "Q3 2021/22",
                  "ADVISER", "Jo Bell")
    fields = {k: v.text for k, v in segment(lines, T).fields.items()}
    assert fields == {"authority": "Eastmoor", "period": "Q3 2021/22", "adviser": "Jo Bell"}


def test_a_heading_wrapped_onto_two_lines_is_one_heading() -> None:
    layout = build(("h", "HEADLINE MESSAGES FOR THE MINISTER"), "Progress is steady.",
                   ("h", "OVERVIEW OF IMPROVEMENT BY THE AUTHORITY OVER THIS REPORTING PERIOD AND"),
                   ("h", "RISKS TO THEIR IMPROVEMENT"),
                   "Risks and concerns:", ("b", "Court delays persist."))
    segments = segment(layout, T)
    assert [r.text for r in segments.headline] == ["Progress is steady."]
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays persist."]


def test_label_and_value_on_one_line_after_a_dash_or_a_run_of_spaces() -> None:
    lines = build("Local authority – Fenmouth City Council",
                  "REPORTING PERIOD        May to July 2022",
                  "ADVISER\tAde Lawal      DfE CASE LEAD    Kit Moran")
    fields = {k: v.text for k, v in segment(lines, T).fields.items()}
    assert fields == {"authority": "Fenmouth City Council", "period": "May to July 2022",
                      "adviser": "Ade Lawal", "case_lead": "Kit Moran"}


def test_header_values_written_before_their_labels_are_paired_with_the_right_label() -> None:
    """pdftotext writes a header table's rows value first."""
    flipped = build("Fenmouth City Council", "LOCAL AUTHORITY", "May to July 2022",
                    "REPORTING PERIOD", "Ade Lawal", "ADVISER", "Kit Moran", "DfE CASE LEAD",
                    ("h", "HEADLINE MESSAGES FOR THE MINISTER"), "Steady.")
    fields = {k: v.text for k, v in segment(flipped, T).fields.items()}
    assert fields == {"authority": "Fenmouth City Council", "period": "May to July 2022",
                      "adviser": "Ade Lawal", "case_lead": "Kit Moran"}
    # Labels first with the last value left blank reads the same way round as written.
    blank_last = build(("h", "LA INTERVENTION ADVISER HIGHLIGHT REPORT"), "LOCAL AUTHORITY",
                       "Fenmouth City Council", "REPORTING PERIOD", "May to July 2022",
                       "ADVISER", ("h", "HEADLINE MESSAGES FOR THE MINISTER"), "Steady.")
    fields = {k: v.text for k, v in segment(blank_last, T).fields.items()}
    assert fields == {"authority": "Fenmouth City Council", "period": "May to July 2022"}


def test_a_row_of_labels_over_a_row_of_values_pairs_them_by_column() -> None:
    """pdftotext -layout of a header laid out two fields across."""
    layout = build(("h", "LA INTERVENTION ADVISER HIGHLIGHT REPORT"),
                   ("h", "LOCAL AUTHORITY          REPORTING PERIOD"),
                   "Fenmouth City Council          May to July 2022",
                   ("h", "ADVISER            DfE CASE LEAD"), "Ade Lawal            Kit Moran",
                   ("h", "HEADLINE MESSAGES FOR THE MINISTER"), "Steady.", fmt="txt")
    fields = {k: v.text for k, v in segment(layout, T).fields.items()}
    assert fields == {"authority": "Fenmouth City Council", "period": "May to July 2022",
                      "adviser": "Ade Lawal", "case_lead": "Kit Moran"}


def test_a_block_of_labels_takes_a_block_of_values_only_when_they_pair_up() -> None:
    """A text conversion of a header table writes its labels, then its values, a line each."""
    labels = ("LOCAL AUTHORITY", "REPORTING PERIOD", "ADVISER", "DfE CASE LEAD")
    paired = build(*labels, "Fenmouth City Council", "May to July 2022", "Ade Lawal",
                   "Kit Moran", ("h", "HEADLINE MESSAGES FOR THE MINISTER"), "Steady.")
    fields = {k: v.text for k, v in segment(paired, T).fields.items()}
    assert fields == {"authority": "Fenmouth City Council", "period": "May to July 2022",
                      "adviser": "Ade Lawal", "case_lead": "Kit Moran"}
    # A value wrapped over two lines ("Fenmouth City" / "Council") breaks the pairing: the
    # fields of that block stay unread rather than shifted one along.
    wrapped = build("LOCAL AUTHORITY", "ADVISER", "Fenmouth City", "Council", "Ade Lawal",
                    "REPORTING PERIOD", "May to July 2022", ("h", "HEADLINE MESSAGES"), "Steady.")
    fields = {k: v.text for k, v in segment(wrapped, T).fields.items()}
    assert fields.get("adviser") is None
    assert fields.get("authority") in (None, "Fenmouth City Council")
    assert fields["period"] == "May to July 2022"


@pytest.mark.parametrize("going_well, risks", [
    ("Things that are going well:", "Risks and concerns:"),
    ("WHAT IS GOING WELL", "KEY RISKS AND CONCERNS"),
    ("Going well", "Risks & issues"),
])
def test_bullet_sections_under_heading_variants(going_well: str, risks: str) -> None:
    layout = build(
        ("h", "OVERVIEW OF IMPROVEMENT BY THE AUTHORITY OVER THIS REPORTING PERIOD"),
        ("p", "(Progress made by the authority; what's going well; and risks)"),
        ("p", going_well),
        ("b", "Ofsted recognised the pace of improvement:"),
        ("b", "stronger front door", 1),
        ("b", "fewer agency staff", 1),
        ("b", "A new Principal Social Worker is in post and leads the practice week as the"),
        ("p", "model for the service."),
        ("p", risks),
        ("b", "Placement sufficiency remains a risk."),
        ("b", "Recruitment of experienced social workers."),
    )
    bullets = segment(layout, T).bullets
    assert [r.text for r in bullets["going_well"]] == [
        "Ofsted recognised the pace of improvement: stronger front door fewer agency staff",
        "A new Principal Social Worker is in post and leads the practice week as the "
        "model for the service.",
    ]
    assert [r.text for r in bullets["risks"]] == [
        "Placement sufficiency remains a risk.", "Recruitment of experienced social workers.",
    ]


def test_rag_key_and_bracketed_instructions_never_reach_a_section() -> None:
    layout = build(
        ("h", "HEADLINE MESSAGES FOR THE MINISTER"),
        ("p", "(Succinct 2-3 sentences intended to be used with the Minister)"),
        ("p", "The service is improving at pace."),
        ("h", "DETAILED ASSESSMENT"),
        ("p", "(Red) - little progress against the improvement plan."),
        ("p", "(Amber) - some progress against the improvement plan."),
    )
    segments = segment(layout, T)
    assert [r.text for r in segments.headline] == ["The service is improving at pace."]
    assert segments.assessments == []


def _assessments(*rows: object, fmt: str = "docx") -> list:
    layout = build(("h", "DETAILED ASSESSMENT"), *rows, fmt=fmt)
    return segment(layout, T).assessments


def test_assessment_rows_roles_from_header_and_rating_spellings() -> None:
    drafts = _assessments(
        ("row", [["KEY CHALLENGES FOR SERVICES (Please specify)"],
                 ["PROGRESS R / A / G (Against improvement plan)"], ["SUMMARY"]]),
        ("row", [["CHILDREN IN NEED OF HELP AND PROTECTION", ("b", "Improve the front door")],
                 ["Amber/Green"], ["Re-referrals fell to 22%."]]),
        ("row", [["Care leavers"], ["red"], ["Too few care leavers are in touch."]]),
    )
    assert [(d.area, d.rating, d.rating_text) for d in drafts] == [
        ("help_and_protection", Rating.AMBER_GREEN, "Amber/Green"),
        ("care_leavers", Rating.RED, "red"),
    ]
    assert [p.text for p in drafts[0].summary] == ["Re-referrals fell to 22%."]


def test_row_split_by_page_breaks_is_merged_and_spilled_text_rejoins_summary() -> None:
    drafts = _assessments(
        ("row", [["SOCIAL WORK PRACTICE", ("b", "To improve practice and"), ],
                 ["AMBER"], ["Auditing shows a recovery and this is a focused piece of"]]),
        ("row", [[("p", "performance improvement.")], [], ["work led by the Deputy Director."]]),
        ("p", "Supervision is above target."),
        ("row", [[], [], ["A third paragraph after another break."]]),
        ("row", [["LEADERSHIP, MANAGEMENT AND GOVERNANCE"], ["GREEN"], ["Strong grip."]]),
        fmt="txt",
    )
    assert [d.area for d in drafts] == ["social_work_practice", "leadership"]
    swp = drafts[0]
    assert [p.text for p in swp.summary] == [
        "Auditing shows a recovery and this is a focused piece of",
        "work led by the Deputy Director.", "Supervision is above target.",
        "A third paragraph after another break.",
    ]
    assert [p.text for p in swp.area_paragraphs] == [
        "To improve practice and", "performance improvement."]


def test_rating_from_fill_placeholder_and_rating_inside_summary() -> None:
    drafts = _assessments(
        ("row", [["ADOPTION PERFORMANCE"], ["Adoption was good at inspection.", "R/A/G"]]),
        ("row", [["Children in care"], {"fill": "#FFC000", "paras": []},
                 ["Placement stability is improving."]]),
        ("row", [["EXPERIENCE AND PROGRESS OF CARE LEAVERS"],
                 ["Pathway planning has been on a", "AMBER"]]),
        ("p", "downward trend since June."),
    )
    assert [(d.area, d.rating, d.rating_text) for d in drafts] == [
        ("adoption", None, "R/A/G"),
        ("children_in_care", Rating.AMBER, "fill:#FFC000"),
        ("care_leavers", Rating.AMBER, "AMBER"),
    ]
    assert [p.text for p in drafts[0].summary] == ["Adoption was good at inspection."]
    assert [p.text for p in drafts[2].summary] == [
        "Pathway planning has been on a", "downward trend since June."]


def test_heading_in_a_one_cell_table_and_heading_beside_its_content() -> None:
    layout = build(
        ("row", [["Headline messages"]]),
        ("p", "Leaders have a firm grip."),
        ("row", [["Risks and concerns"], [("b", "Court delays."), ("b", "Sufficiency.")]]),
    )
    segments = segment(layout, T)
    assert [r.text for r in segments.headline] == ["Leaders have a firm grip."]
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays.", "Sufficiency."]


def test_a_letter_is_not_a_highlight_report_but_a_sparse_report_is() -> None:
    letter = build("Dear Sir", "Thank you for your letter about the risks and concerns.",
                   "Yours faithfully")
    assert not is_highlight_report(segment(letter, T), T)
    report = build("LA INTERVENTION – 6 WEEKLY ADVISER HIGHLIGHT REPORT",
                   ("h", "HEADLINE MESSAGES"), "Good progress.")
    assert is_highlight_report(segment(report, T), T)


def test_other_house_styles_for_fields_and_sections() -> None:
    layout = build(
        ("row", [["Local authority"], ["Reporting period"], ["Adviser"], ["Case lead"]]),
        ("row", [["Riverbridge City Council"], ["Sept-Nov 2019"], ["Ann Lee"], ["Bo Chan"]]),
        ("p", "1. Headline messages for the Minister"),
        ("p", "Leaders are stable."),
        ("row", [["What is going well"], ["Risks and concerns"]]),
        ("row", [[("b", "Stable workforce.")], [("b", "Court delays."), ("b", "Sufficiency.")]]),
        ("p", "Date of next update: March 2020"),
    )
    segments = segment(layout, T)
    assert {k: v.text for k, v in segments.fields.items()} == {
        "authority": "Riverbridge City Council", "period": "Sept-Nov 2019",
        "adviser": "Ann Lee", "case_lead": "Bo Chan"}
    assert [r.text for r in segments.headline] == ["Leaders are stable."]
    assert [r.text for r in segments.bullets["going_well"]] == ["Stable workforce."]
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays.", "Sufficiency."]
    assert segments.next_update is not None and segments.next_update.text == "March 2020"


def test_four_column_table_and_rating_first_column() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Improvement plan priorities"], ["RAG"], ["Commentary"]]),
        ("row", [["Children in care"], [("b", "Sufficiency strategy")], ["A/G"],
                 ["Stability improved."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs], [p.text for p in d.summary])
            for d in drafts] == [("children_in_care", Rating.AMBER_GREEN,
                                  ["Sufficiency strategy"], ["Stability improved."])]
    drafts = _assessments(
        ("row", [["GREEN"], ["ADOPTION PERFORMANCE"], ["Timeliness is good."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Timeliness is good."])]


@pytest.mark.parametrize(("area_header", "plan_header"), [
    ("Ofsted judgement", "Improvement plan actions"),
    ("Theme", "Key areas from the improvement plan"),
    ("", "Priority actions"),
])
def test_four_column_headers_in_other_words(area_header: str, plan_header: str) -> None:
    drafts = _assessments(
        ("row", [[area_header], [plan_header], ["Overall RAG"], ["Adviser commentary"]]),
        ("row", [["Care leavers"], ["Staying close offer", "Local offer refresh"], ["Red"],
                 ["Too few care leavers are in touch."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs], [p.text for p in d.summary])
            for d in drafts] == [("care_leavers", Rating.RED,
                                  ["Staying close offer", "Local offer refresh"],
                                  ["Too few care leavers are in touch."])]


def test_areas_written_as_paragraphs_without_a_table() -> None:
    drafts = _assessments(
        ("h", "Children who need help and protection"),
        ("b", "Strengthen the front door"),
        ("p", "RAG rating: Red/Amber"),
        ("p", "Re-referrals rose to 25%."),
        ("h", "EARLY HELP"),
        ("p", "GREEN"),
        ("p", "Early help assessments doubled."),
    )
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs], [p.text for p in d.summary])
            for d in drafts] == [
        ("help_and_protection", Rating.RED_AMBER, ["Strengthen the front door"],
         ["Re-referrals rose to 25%."]),
        ("early_help", Rating.GREEN, [], ["Early help assessments doubled."]),
    ]


def test_exact_tables_keep_text_between_tables_out_of_summaries() -> None:
    rows = (
        ("row", [["SOCIAL WORK PRACTICE"], ["AMBER"], ["Audits improved and work is led by the"]]),
        ("p", "Deputy Director."),
        ("p", "OFSTED JUDGEMENT AREAS"),
        ("p", "A note placed between the tables by the adviser."),
        ("row", [["Care leavers"], ["GREEN"], ["Most are in touch."]]),
    )
    docx = _assessments(*rows, fmt="docx")
    assert [[p.text for p in d.summary] for d in docx] == [
        ["Audits improved and work is led by the"], ["Most are in touch."]]
    text = _assessments(*rows, fmt="txt")
    assert [[p.text for p in d.summary] for d in text] == [
        ["Audits improved and work is led by the", "Deputy Director.",
         "A note placed between the tables by the adviser."], ["Most are in touch."]]


@pytest.mark.parametrize("glued, title, area", [
    ("SOCIAL WORK PRACTICE To deliver good services:", "SOCIAL WORK PRACTICE",
     "social_work_practice"),
    ("CHILDREN IN NEED OF HELP & PROTECTION Improve the front door",
     "CHILDREN IN NEED OF HELP & PROTECTION", "help_and_protection"),
    ("CARE LEAVERS (EXPERIENCE AND PROGRESS) See above", "CARE LEAVERS (EXPERIENCE AND PROGRESS)",
     "care_leavers"),
])
def test_title_glued_to_the_text_after_it(glued: str, title: str, area: str) -> None:
    drafts = _assessments(("row", [[glued], ["AMBER"], ["Summary."]]))
    assert [(d.title.text, d.area) for d in drafts] == [(title, area)]
    assert drafts[0].area_paragraphs[0].text == glued[len(title):].strip()


@pytest.mark.parametrize("cell, title, area", [
    ("Care leavers Pathway plans are reviewed monthly by the service.", "Care leavers",
     "care_leavers"),
    ("Children looked after Stable homes for every child, a plan priority.",
     "Children looked after", "children_in_care"),
])
def test_an_ofsted_title_run_into_a_sentence_in_sentence_case_starts_a_row(
        cell: str, title: str, area: str) -> None:
    drafts = _assessments(
        ("row", [["Leadership"], ["GREEN"], ["Settled."]]),
        ("row", [[cell], ["AMBER"], ["Summary."]]),
    )
    assert [(d.title.text, d.area) for d in drafts][1] == (title, area)
    assert [p.text for p in drafts[1].area_paragraphs] == [cell[len(title):].strip()]
    assert drafts[0].summary[0].text == "Settled."


@pytest.mark.parametrize("kind", ["h", "bold"])
def test_a_long_heading_marked_as_a_heading_opens_its_section(kind: str) -> None:
    heading = "Detailed assessment of progress against the plan and the Ofsted areas"
    block = ("h", heading) if kind == "h" else ("p", heading)
    layout = build(("p", "Risks and concerns"), ("b", "Court delays persist."), block,
                   ("row", [["Care leavers"], ["AMBER"], ["Most are in touch."]]))
    if kind == "bold":
        next(b for b in layout.blocks if isinstance(b, Paragraph) and b.text == heading
             ).bold = True
    result = segment(layout, T)
    assert [r.text for r in result.bullets["risks"]] == ["Court delays persist."]
    assert [d.area for d in result.assessments] == ["care_leavers"]


def test_a_long_plain_sentence_is_not_taken_for_a_heading() -> None:
    sentence = "Detailed assessment of progress against the plan and the Ofsted areas is due"
    assert T.match_heading(sentence) is None
    assert T.match_heading(sentence, styled=True) is not None
    assert T.match_heading("Areas of strength").key == "going_well"


def test_a_numbered_heading_after_bullets_is_a_heading_not_an_item() -> None:
    layout = build(
        ("h", "Risks and concerns"),
        ("b", "Court delays."),
        ("b", "3. DETAILED ASSESSMENT"),
        ("row", [["LEADERSHIP"], ["GREEN"], ["Strong grip."]]),
    )
    segments = segment(layout, T)
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays."]
    assert [d.area for d in segments.assessments] == ["leadership"]


def test_placeholder_left_in_a_shaded_cell_takes_the_shading() -> None:
    drafts = _assessments(
        ("row", [["ADOPTION PERFORMANCE"], {"fill": "#00B050", "paras": ["R/A/G"]}, ["Good."]]),
        ("row", [["CARE LEAVERS"], ["R / A / G"], ["Not rated this time."]]),
    )
    assert [(d.rating, d.rating_text) for d in drafts] == [
        (Rating.GREEN, "fill:#00B050"), (None, "R / A / G")]


def test_list_items_in_a_summary_stay_apart_and_a_cut_paragraph_joins() -> None:
    layout = build("Caseloads fell in", "the assessment teams.", ("b", "two new teams started"),
                   ("b", "the academy has a new cohort"))
    runs = text_runs([b for b in layout.blocks if isinstance(b, Paragraph)],
                     words_before_a_figure=T.words_before_a_figure)
    assert [r.text for r in runs] == ["Caseloads fell in the assessment teams.",
                                      "two new teams started", "the academy has a new cohort"]


def test_a_flattened_table_header_is_not_an_area() -> None:
    drafts = _assessments("AREA        IMPROVEMENT PLAN        RAG        COMMENTARY", "ACTIONS",
                          "CHILDREN IN CARE", "AMBER", "Stability improved.", fmt="txt")
    assert [(d.area, d.rating) for d in drafts] == [("children_in_care", Rating.AMBER)]


def test_an_area_title_wrapped_over_lines_is_one_title() -> None:
    drafts = _assessments("CHILDREN WHO NEED", "HELP AND", "PROTECTION", "AMBER", "Steady.",
                          "LEADERSHIP, MANAGEMENT AND", "GOVERNANCE", "GREEN", "Stable.",
                          "ADOPTION", "CARE LEAVERS", "RED", "Too few in touch.", fmt="txt")
    assert [(d.area, d.rating) for d in drafts] == [
        ("help_and_protection", Rating.AMBER), ("leadership", Rating.GREEN),
        ("adoption", None), ("care_leavers", Rating.RED)]


def test_an_area_title_cut_from_its_row_by_a_page_break_starts_its_own_area() -> None:
    drafts = _assessments(
        ("row", [["KEY CHALLENGES"], ["RAG"], ["SUMMARY"]]),
        ("row", [["SOCIAL WORK PRACTICE", ("b", "Embed the practice model")], ["AMBER"],
                 ["Audits improved."]]),
        ("h", "EARLY HELP"),
        ("row", [[("b", "Open the family hubs"), ("b", "Train the partners")], ["RED"],
                 ["Two hubs are open."]]),
        fmt="txt",
    )
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs]) for d in drafts] == [
        ("social_work_practice", Rating.AMBER, ["Embed the practice model"]),
        ("early_help", Rating.RED, ["Open the family hubs", "Train the partners"])]


def test_a_rating_table_after_an_unknown_heading_is_the_assessment_table() -> None:
    layout = build(
        ("h", "Issues and concerns"),
        ("b", "Court delays persist."),
        ("h", "Where each area stands"),
        ("row", [["Area"], ["Previous rating"], ["Current rating"], ["Direction"],
                 ["Summary"]]),
        ("row", [["Care leavers"], ["RED"], ["AMBER"], ["↑"], ["Most are in touch."]]),
    )
    result = segment(layout, T)
    assert [r.text for r in result.bullets["risks"]] == ["Court delays persist."]
    assert [(d.area, d.summary[0].text) for d in result.assessments] == [
        ("care_leavers", "Most are in touch.")]
    assert T.table_role("Previous rating") == "ignore" and T.table_role("Direction") == "ignore"


def test_a_table_of_risks_without_a_rating_column_stays_in_the_risks() -> None:
    layout = build(
        ("h", "Concerns and challenges"),
        ("row", [["Issue"], ["Action being taken"], ["Lead"]]),
        ("row", [["Agency use is 30%."], ["A recruitment drive."], ["DCS"]]),
    )
    assert segment(layout, T).assessments == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rows_with_a_sentence_case_title_and_their_own_rating_are_areas(fmt: str) -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG"], ["Commentary"]]),
        ("row", [["Priority one: keeping children safe at home"], ["AMBER"], ["Better."]]),
        ("row", [["Priority two: quality of supervision and oversight"], ["RED"], ["Worse."]]),
        ("row", [["Recruitment of foster carers"], [], ["Continued from above."]]),
        fmt=fmt,
    )
    assert [(d.title.text, d.rating) for d in drafts] == [
        ("Priority one: keeping children safe at home", Rating.AMBER),
        ("Priority two: quality of supervision and oversight", Rating.RED)]
    assert [p.text for p in drafts[1].summary] == ["Worse.", "Continued from above."]


def test_a_list_written_as_a_table_gives_one_item_per_row() -> None:
    layout = build(
        ("h", "Issues and risks"),
        ("row", [["Risk"], ["Likelihood"], ["Mitigation"]]),
        ("row", [["Court work drifts past 26 weeks."], ["High"],
                 ["A weekly legal gateway is planned."]]),
        ("row", [["Workforce"], ["Agency use has reached a third of all posts."], ["DCS"]]),
        ("h", "Positives"),
        ("row", [["Visits are timely in 95% of cases."], ["Audits agree."]]),
    )
    bullets = segment(layout, T).bullets
    assert [r.text for r in bullets["risks"]] == [
        "Court work drifts past 26 weeks.", "Agency use has reached a third of all posts."]
    assert [r.text for r in bullets["going_well"]] == ["Visits are timely in 95% of cases."]


def test_a_summary_that_opens_with_its_rating_rates_the_row() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Commentary"]]),
        ("row", [["Care leavers"], ["RAG: Amber/Green (improving). Most young people are in "
                                    "touch."]]),
        ("row", [["Adoption"], ["Adoption: a strength. Six children were placed."]]),
    )
    assert [(d.area, d.rating) for d in drafts] == [
        ("care_leavers", Rating.AMBER_GREEN), ("adoption", None)]


def test_areas_as_numbered_title_lines_with_the_rating_in_brackets() -> None:
    drafts = _assessments(
        ("p", "4.1 Quality of supervision (RED)"), ("p", "Supervision is irregular."),
        ("p", "4.2 Children in care [Amber/Green]"), ("p", "Placements are more stable."),
    )
    assert [(d.title.text, d.area, d.rating) for d in drafts] == [
        ("Quality of supervision", "quality_of_supervision", Rating.RED),
        ("Children in care", "children_in_care", Rating.AMBER_GREEN)]
    assert [p.text for p in drafts[1].summary] == ["Placements are more stable."]


def test_areas_as_titles_with_label_rows_or_a_rating_line_after_a_table() -> None:
    drafts = _assessments(
        ("row", [["Priority"], ["Rating"], ["Commentary"]]),
        ("row", [["Timely assessments"], ["RA"], ["Too slow."]]),
        ("h", "Family support hubs"),
        ("row", [["Progress rating"], ["Amber/Green"]]),
        ("row", [["Direction of travel"], ["Improving"]]),
        ("p", "Three hubs are open."),
        ("p", "The experiences and progress of care leavers"),
        ("p", "RAG: Red"),
        ("p", "Too few are in education or work."),
    )
    assert [(d.title.text, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("Timely assessments", Rating.RED_AMBER, ["Too slow."]),
        ("Family support hubs", Rating.AMBER_GREEN, ["Three hubs are open."]),
        ("The experiences and progress of care leavers", Rating.RED,
         ["Too few are in education or work."])]


def test_a_rating_a_narrow_cell_wrapped_at_its_dash() -> None:
    drafts = _assessments(("row", [["Adoption"], ["Red-", "Amber"], ["Matching is slow."]]),
                          fmt="pdf")
    assert [d.rating for d in drafts] == [Rating.RED_AMBER]


def test_a_bold_capitals_line_of_no_section_ends_a_list_and_a_number_column_is_no_item() -> None:
    layout = build(
        ("h", "Concerns"),
        ("row", [["No."], ["Concern"]]),
        ("row", [["1"], ["Placement costs have risen by a fifth this year."]]),
        ("p", "OWN PRIORITIES"),
        ("p", "Ratings: R = Red, A = Amber, G = Green."),
    )
    next(b for b in layout.blocks if isinstance(b, Paragraph) and b.text == "OWN PRIORITIES"
         ).bold = True
    assert [r.text for r in segment(layout, T).bullets["risks"]] == [
        "Placement costs have risen by a fifth this year."]


def test_a_bold_heading_with_a_colon_in_it_and_areas_for_development() -> None:
    layout = build(("p", "Progress: what is going well"), ("b", "Visits are timely."),
                   ("p", "Areas for development"), ("b", "Plans are weak."))
    for block in layout.blocks:
        if isinstance(block, Paragraph) and block.kind == "paragraph":
            block.bold = True
    bullets = segment(layout, T).bullets
    assert [r.text for r in bullets["going_well"]] == ["Visits are timely."]
    assert [r.text for r in bullets["risks"]] == ["Plans are weak."]


def test_an_actions_table_after_the_ratings_and_a_caption_over_a_table_are_no_areas() -> None:
    layout = build(
        ("h", "DETAILED ASSESSMENT"),
        ("p", "Own improvement priorities"),
        ("row", [["Area"], ["Plan item"], ["RAG"], ["Summary"]]),
        ("row", [["Early help"], ["Open the hubs"], ["AMBER"], ["Two are open."]]),
        ("row", [[], ["Train partners"], [], ["Training has begun."]]),
        ("h", "Actions agreed"),
        ("row", [["Action"], ["Lead"], ["By when"]]),
        ("row", [["Publish the sufficiency strategy"], ["Director"], ["October"]]),
    )
    next(b for b in layout.blocks if isinstance(b, Paragraph)
         and b.text == "Own improvement priorities").bold = True
    drafts = segment(layout, T).assessments
    assert [(d.area, d.rating) for d in drafts] == [("early_help", Rating.AMBER)]
    assert [p.text for p in drafts[0].summary] == ["Two are open.", "Training has begun."]


def test_areas_in_one_column_boxes_with_the_rating_after_a_dash_in_the_title() -> None:
    drafts = _assessments(
        ("row", [["Priority A – Front door – Red-Amber ↓"]]),
        ("row", [["Contacts wait too long."]]),
        ("row", [["Children in care - AMBER"]]), ("row", [["Reviews are on time."]]),
        ("row", [["Care leavers – Not rated"]]), ("row", [["First report."]]),
    )
    assert [(d.title.text, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("Priority A – Front door", Rating.RED_AMBER, ["Contacts wait too long."]),
        ("Children in care", Rating.AMBER, ["Reviews are on time."]),
        ("Care leavers", None, ["First report."]),
    ]


def test_a_column_of_the_last_reports_rating_is_not_the_rating() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Rating at last report"], ["Rating now"], ["Commentary"]]),
        ("row", [["Ofsted area 2 – Adoption"], ["Red"], ["Green (improved)"], ["Timely."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Timely."])]


def test_rating_lines_under_the_title_in_the_area_cell_rate_the_row() -> None:
    drafts = _assessments(
        ("row", [["Area and rating"], ["Adviser's commentary"]]),
        ("row", [["Children in care", "Last report | RED", "This report | Amber/Green"],
                 ["Stable placements."]]),
        ("row", [["Fostering sufficiency", "Rating now: Red", "Improve recruitment",
                  "Now: recruit carers"], ["Too few carers."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs]) for d in drafts] == [
        ("children_in_care", Rating.AMBER_GREEN, []),
        ("fostering_sufficiency", Rating.RED, ["Improve recruitment", "Now: recruit carers"])]


def test_a_table_given_column_by_column_pairs_titles_and_ratings_in_order() -> None:
    """pdftotext's reading order: the header cells, titles wrapped over lines, then the ratings
    of two rows one after the other, a rating wrapped after "TO"."""
    layout = build(("h", "DETAILED ASSESSMENT"), ("h", "KEY CHALLENGES"), ("h", "PROGRESS"),
                   ("h", "R/A/G"), ("h", "CARE PROCEEDINGS"), ("h", "CHILDREN IN NEED"),
                   ("h", "OF HELP AND PROTECTION"), ("h", "RED"), ("h", "AMBER TO"),
                   ("h", "GREEN"), ("h", "SUMMARY"), ("p", "Court work is slow."),
                   ("h", "LEADERSHIP,"), ("h", "MANAGEMENT AND GOVERNANCE"), ("h", "AMBER/"),
                   ("h", "GREEN"), fmt="txt")
    segments = segment(layout, T)
    assert [(d.title.text, d.rating) for d in segments.assessments] == [
        ("CARE PROCEEDINGS", Rating.RED),
        ("CHILDREN IN NEED OF HELP AND PROTECTION", Rating.AMBER_GREEN),
        ("LEADERSHIP, MANAGEMENT AND GOVERNANCE", Rating.AMBER_GREEN)]
    assert "going_well" not in segments.sections_found


def test_under_a_column_of_earlier_ratings_the_rating_in_the_current_place_is_read() -> None:
    """Two rating lines for a title: the second, as "Rating now" is the second rating column;
    one line alone could be either column's and is not read."""
    drafts = _assessments("Area", "Rating at last report", "Rating now", "Commentary",
                          "CHILDREN IN CARE", "RED", "AMBER", "Stability improved.",
                          "ADOPTION", "GREEN", "Timely.", fmt="txt")
    assert [(d.area, d.rating) for d in drafts] == [("children_in_care", Rating.AMBER),
                                                    ("adoption", None)]


def test_a_target_rating_column_after_the_current_one_is_not_read() -> None:
    drafts = _assessments("Area", "Summary", "Rating now", "Target rating (March 2027)",
                          "CARE LEAVERS", "More are in suitable homes.", "Amber", "Green",
                          "ADOPTION", "Adopters are waiting.", "Green", "Green", fmt="txt")
    assert [(d.area, d.rating) for d in drafts] == [("care_leavers", Rating.AMBER),
                                                    ("adoption", Rating.GREEN)]


def test_a_summary_after_areas_with_none_may_be_theirs_too() -> None:
    drafts = _assessments("ADOPTION", "GREEN", "CARE LEAVERS", "AMBER", "LEADERSHIP", "RED",
                          "Adoption is timely.", "Care leavers are in touch.", fmt="txt")
    assert [(d.area, d.summary_shared) for d in drafts] == [
        ("adoption", False), ("care_leavers", False), ("leadership", True)]
    apart = _assessments("ADOPTION", "GREEN", "Timely.", "LEADERSHIP", "RED", "Stable.",
                         fmt="txt")
    assert not any(d.summary_shared for d in apart)


def test_a_table_of_contents_opens_no_section() -> None:
    layout = build(("h", "LA INTERVENTION ADVISER HIGHLIGHT REPORT"), ("h", "Contents"),
                   "Summary for the Minister ........ 2", "Risks and concerns ........ 3",
                   "Progress against the improvement plan and the Ofsted areas ........ 4",
                   "Forward plan ........ 6",
                   ("row", [["Local authority"], ["Wexcombe Council"]]),
                   ("row", [["Chief executive"], ["Pat Doe"]]),
                   ("h", "Summary for the Minister"), "Steady progress.",
                   ("h", "Risks and concerns"), ("b", "Caseloads are high."))
    segments = segment(layout, T)
    assert segments.fields["authority"].text == "Wexcombe Council"
    assert [r.text for r in segments.headline] == ["Steady progress."]
    assert [r.text for r in segments.bullets["risks"]] == ["Caseloads are high."]
    assert segments.assessments == []


def test_a_key_to_the_colours_is_no_area_and_a_next_steps_column_no_summary() -> None:
    drafts = _assessments(
        ("row", [["Red"], ["Red/Amber"], ["Amber"], ["Amber/Green"], ["Green"]]),
        ("row", [["Area"], ["RAG"], ["Progress this period"], ["Next steps"]]),
        ("row", [["Adoption"], ["GREEN"], ["Timely matches."], ["Keep monitoring."]]),
    )
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Timely matches."])]


def test_a_change_of_rating_wrapped_over_two_lines_of_a_cell_is_read_from_the_fill() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG"], ["Summary"]]),
        ("row", [["Care leavers"], {"fill": "#92D050", "paras": ["Amber →", "Green"]},
                 ["More are in touch."]]))
    assert [(d.area, d.rating) for d in drafts] == [("care_leavers", Rating.AMBER_GREEN)]


def test_a_column_of_changes_is_read_on_the_rating_after_the_arrow() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG (last → now)"], ["Summary"]]),
        ("row", [["Care leavers"], ["Amber →", "Green"], ["More are in touch."]]),
        ("row", [["Adoption"], ["Green → Amber"], ["Matches are slower."]]),
        ("row", [["Children in care"], ["Red-Amber →"], ["Plans are late."]]))
    assert [(d.area, d.rating) for d in drafts] == [
        ("care_leavers", Rating.GREEN), ("adoption", Rating.AMBER), ("children_in_care", None)]


def test_a_rating_line_with_a_note_in_brackets_and_an_assessment_column() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Assessment"]]),
        ("row", [["Adoption"], ["RAG: Green (was Amber in June)", "Matches are quicker."]]))
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Matches are quicker."])]


def _titles_and_ratings(*lines: str) -> list[tuple[str, Rating | None]]:
    return [(d.title.text, d.rating) for d in _assessments(*lines, fmt="txt")]


def test_a_table_exported_a_cell_a_line_titles_rows_before_their_rating() -> None:
    """A text export's header lines name the area column, then the ratings: each plain line
    straight before a row's rating lines is its title (a column of arrows after them aside)."""
    assert _titles_and_ratings(
        "Improvement plan priority", "RAG", "Trend", "Adviser commentary",
        "Sub-heading row for the partnership priorities",
        "Youth offending and diversion", "Red", "↑", "First-time entrants fell to 41.",
        "Court orders were served on time.",
        "Children in care", "Amber", "→", "Placement moves are fewer.",
    ) == [("Youth offending and diversion", Rating.RED), ("Children in care", Rating.AMBER)]


def test_a_table_exported_a_cell_a_line_titles_rows_after_the_ratings_that_end_them() -> None:
    """When the ratings end each row (Area / Commentary / Rating now / Target rating), the line
    after a row's ratings is the next row's title, and the first line after the header the
    first's; the current rating is the one in its column's place."""
    assert _titles_and_ratings(
        "Area", "Commentary", "Rating now", "Target rating (May 2027)",
        "Priority one: sufficiency of local homes", "Two homes opened in the autumn.",
        "Amber", "Green",
        "Priority two: school attendance of children in care", "Absence is still high.",
        "It rose in the spring term.", "Red", "Amber",
        "Adoption", "Matches are quick.", "Green", "Green",
        "Next steps",
    ) == [("Priority one: sufficiency of local homes", Rating.AMBER),
          ("Priority two: school attendance of children in care", Rating.RED),
          ("Adoption", Rating.GREEN)]


def test_a_table_exported_a_cell_a_line_with_plan_items_titles_rows_with_their_first_line(
) -> None:
    """Plan items between the area and its rating: the title is the first of the short lines
    before the rating, after the last row's summary sentence."""
    assert _titles_and_ratings(
        "Area", "Improvement plan", "RAG", "Summary",
        "Placement stability", "Recruit more foster carers", "Open a local home", "Amber",
        "Fewer children moved three times.",
        "Missing children", "Offer every return interview", "Red",
        "Only half were offered in time.",
    ) == [("Placement stability", Rating.AMBER), ("Missing children", Rating.RED)]


def test_a_plain_line_before_a_labelled_rating_line_is_a_title() -> None:
    assert _titles_and_ratings(
        "Priority C: Private fostering awareness", "Rating: AMBER", "Notifications doubled.",
        "Adoption", "Rating: GREEN", "Timely.",
    ) == [("Priority C: Private fostering awareness", Rating.AMBER), ("Adoption", Rating.GREEN)]


def test_a_plain_line_before_a_bare_rating_is_no_title_without_a_header_naming_columns(
) -> None:
    """pdftotext's running header before a rating line, or header lines out of order (the
    rating column's before the area's), make no row-ordered table: no line is taken for a
    title by its place."""
    assert _titles_and_ratings(
        "Wexcombe highlight report, page 2", "Green", "Fostering enquiries rose.",
        "Adoption", "Amber", "Matches slowed.",
    ) == [("Adoption", Rating.AMBER)]
    assert _titles_and_ratings(
        "Summary", "Area", "RAG", "Fostering enquiries rose.",
        "Kinship care support", "Green", "Adoption", "Amber",
    ) == [("Adoption", Rating.AMBER)]


def test_a_numbered_heading_after_bullet_items_in_a_text_export_opens_its_section() -> None:
    """A text export keeps a Word heading's list number: "4. Detailed assessment" after "•"
    items is the heading, not another item."""
    layout = build(("h", "Risks and concerns"), ("b", "Caseloads are high."),
                   ("b", "Detailed assessment", 0, "4."), "Area", "RAG", "Commentary",
                   "Kinship care", "Green", "Carers are supported.", fmt="txt")
    segments = segment(layout, T)
    assert [r.text for r in segments.bullets["risks"]] == ["Caseloads are high."]
    assert [(d.title.text, d.rating) for d in segments.assessments] == [
        ("Kinship care", Rating.GREEN)]


def test_ratings_in_words_of_progress_read_by_the_report_s_own_key() -> None:
    drafts = _assessments(
        ("p", "Key: Strong progress = green; Steady progress = amber; Slow progress = red."),
        ("row", [["Area"], ["Progress"], ["Commentary"]]),
        ("row", [["Adoption"], ["Strong progress"], ["Timely matches."]]),
        ("row", [["Care leavers"], ["Slow progress"], ["Few in work."]]),
        ("row", [["Leadership"], ["Too soon to say"], ["A new DCS."]]))
    assert [(d.area, d.rating) for d in drafts] == [
        ("adoption", Rating.GREEN), ("care_leavers", Rating.RED), ("leadership", None)]


def test_a_rating_line_under_the_title_when_the_table_has_no_rating_column() -> None:
    drafts = _assessments(
        ("row", [["Area (and RAG)"], ["Progress this period"]]),
        ("row", [["Care leavers", "Amber/Green"], ["More are in touch."]]),
        ("row", [["Adoption", "Green"], ["Matches are quicker."]]))
    assert [(d.area, d.rating) for d in drafts] == [("care_leavers", Rating.AMBER_GREEN),
                                                    ("adoption", Rating.GREEN)]


def test_a_list_table_s_item_column_is_the_one_most_rows_name_their_item_in() -> None:
    layout = build(("h", "What is going well"),
                   ("row", [["Strength"], ["Evidence"]]),
                   ("row", [["The front door is quicker and safer."], ["94% screened in time."]]),
                   ("row", [["Steadier staffing"], ["Agency rate down to 14% from 22%."]]),
                   ("row", [["Adoption remains strong for older children."], ["Nine matches."]]))
    items = segment(layout, T).bullets["going_well"]
    assert [(r.text, [p.text for p in r.details]) for r in items] == [
        ("The front door is quicker and safer.", ["94% screened in time."]),
        ("Steadier staffing", ["Agency rate down to 14% from 22%."]),
        ("Adoption remains strong for older children.", ["Nine matches."])]


def test_an_unbulleted_paragraph_after_an_item_is_its_details() -> None:
    layout = build(("h", "Risks and concerns"), ("b", "Caseloads are too high."),
                   ("p", "In the east they average 24."), ("b", "Agency use is rising."))
    items = segment(layout, T).bullets["risks"]
    assert [(r.text, [p.text for p in r.details]) for r in items] == [
        ("Caseloads are too high.", ["In the east they average 24."]),
        ("Agency use is rising.", [])]


def test_a_title_run_into_its_rating_when_the_table_has_no_rating_column() -> None:
    drafts = _assessments(
        ("row", [["Area (and RAG)"], ["Progress this period"]]),
        ("row", [["Leadership, management and governance Amber/Green"], ["A new DCS."]]),
        ("row", [["Children in care"], ["Plans are late."]]))
    assert [(d.title.text, d.rating) for d in drafts] == [
        ("Leadership, management and governance", Rating.AMBER_GREEN),
        ("Children in care", None)]


def test_a_row_a_page_break_cut_mid_title_and_mid_sentence_is_one_area() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG"], ["Summary"]]),
        ("row", [["EXPERIENCE AND PROGRESS OF CARE"], ["GREEN"],
                 ["Most are in touch, and the forum and the council meet"]]),
        ("row", [["LEAVERS"], [], ["every month."]]),
        ("row", [["ADOPTION"], ["AMBER"], ["Matches are slower."]]))
    assert [(d.area, d.title.text, d.rating) for d in drafts] == [
        ("care_leavers", "EXPERIENCE AND PROGRESS OF CARE LEAVERS", Rating.GREEN),
        ("adoption", "ADOPTION", Rating.AMBER)]


def test_a_rag_summary_table_then_commentary_under_each_area_s_title() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Rating"]]),
        ("row", [["Adoption"], ["Green"]]),
        ("row", [["Care leavers"], ["Amber"]]),
        ("h", "Adoption"), ("p", "Matches are quick."),
        ("h", "Care leavers"), ("p", "Few are in work."))
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Matches are quick."]),
        ("care_leavers", Rating.AMBER, ["Few are in work."])]


def test_an_area_in_a_second_table_adds_to_the_first_keeping_its_rating() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Rating"]]),
        ("row", [["Adoption"], ["Green"]]),
        ("h", "Detail"),
        ("row", [["Area"], ["RAG"], ["Commentary"]]),
        ("row", [["Adoption"], ["G"], ["Matches are quick."]]),
        ("row", [["Adoption – early permanence"], ["A"], ["Few carers."]]))
    assert [(d.title.text, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("Adoption", Rating.GREEN, ["Matches are quick."]),
        ("Adoption – early permanence", Rating.AMBER, ["Few carers."])]


def test_a_key_to_the_ratings_laid_out_a_rating_a_row_is_no_area() -> None:
    drafts = _assessments(
        ("row", [["R"], ["Red – no progress on most of the plan."]]),
        ("row", [["A/G"], ["Amber/Green: most actions on track."]]),
        ("row", [["Area"], ["RAG"], ["Commentary"]]),
        ("row", [["Care leavers"], ["A/G"], ["More are in work."]]),
        ("row", [["Adoption"], ["Green"]]))
    assert [(d.area, d.rating) for d in drafts] == [
        ("care_leavers", Rating.AMBER_GREEN), ("adoption", Rating.GREEN)]


MERGED: dict = {"merged": True, "paras": []}


def test_rows_under_a_rating_merged_down_are_plan_items_of_the_area_above() -> None:
    drafts = _assessments(
        ("row", [["Area and plan item"], ["Rating"], ["Commentary"]]),
        ("row", [["Children in care"], ["Red-Amber"], ["Too many moves."]]),
        ("row", [["Sufficiency strategy"], MERGED, MERGED]),
        ("row", [["Care leavers"], MERGED, MERGED]),  # a second area sharing the merged cell
        ("row", [["Local offer"], ["Amber"], ["Refreshed in May."]]))
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs]) for d in drafts] == [
        ("children_in_care", Rating.RED_AMBER, ["Sufficiency strategy"]),
        ("care_leavers", Rating.RED_AMBER, []),
        ("local_offer", Rating.AMBER, [])]


def test_a_row_whose_other_cells_are_one_merged_down_cell_belongs_to_the_area_above() -> None:
    drafts = _assessments(  # as a PDF gives it: the merged rating and summary are one place
        ("row", [["Adoption"], ["Green"], ["Matches are quick."]]),
        ("row", [["Early permanence"], MERGED]), fmt="pdf")
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Early permanence"])]


def test_a_header_row_cell_holding_a_label_and_its_value_after_a_label_value_pair() -> None:
    layout = build(("row", [["Local authority:"], ["Westering Borough Council"],
                            ["Reporting period: Jan–Feb 2026"]]),
                   ("row", [["Adviser:"], ["Ruth Amble"], ["DfE case lead: Tom Reyes"]]))
    fields = {k: v.text for k, v in segment(layout, T).fields.items()}
    assert fields == {"authority": "Westering Borough Council", "period": "Jan–Feb 2026",
                      "adviser": "Ruth Amble", "case_lead": "Tom Reyes"}


def test_a_second_header_row_under_a_rating_header_names_the_current_column() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG rating"], ["Summary"]]),
        ("row", [[], ["Previous"], ["Current"], []]),
        ("row", [["Adoption"], ["Green"], ["Amber/Green"], ["Fewer matches."]]))
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.AMBER_GREEN, ["Fewer matches."])]


def test_a_header_cell_wrapped_over_lines_names_its_column() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Commentary"], [("p", "This"), ("p", "period")], ["Direction"]]),
        ("row", [["Care leavers"], ["More are in work."], ["Red/", "Amber"], ["Improving"]]),
        fmt="pdf")
    assert [(d.area, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("care_leavers", Rating.RED_AMBER, ["More are in work."])]


def test_a_table_in_the_headline_gives_way_to_the_report_s_own_sections() -> None:
    summary = build(("h", "HEADLINE MESSAGES FOR THE MINISTER"),
                    ("row", [["Positives"], ["Concerns"]]),
                    ("row", [["Leaders are stable."], ["Courts are slow."]]),
                    ("h", "What is going well"), ("b", "Leaders are stable and visible."),
                    ("h", "Risks and concerns"), ("b", "Court delays persist."))
    segments = segment(summary, T)
    assert [r.text for r in segments.bullets["going_well"]] == ["Leaders are stable and visible."]
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays persist."]
    only = build(("h", "HEADLINE MESSAGES FOR THE MINISTER"),
                 ("row", [["Positives"], ["Concerns"]]),
                 ("row", [["Leaders are stable."], ["Courts are slow."]]))
    segments = segment(only, T)
    assert [r.text for r in segments.bullets["risks"]] == ["Courts are slow."]


def test_a_line_introducing_a_list_with_a_colon_is_no_item() -> None:
    layout = build(("h", "Risks and concerns"),
                   "My assessment of the risks that might affect improvement:",
                   ("b", "Court delays persist."), ("b", "Placements are scarce."))
    assert [r.text for r in segment(layout, T).bullets["risks"]] == [
        "Court delays persist.", "Placements are scarce."]


def test_a_dfe_contact_is_the_case_lead_and_issues_for_dfe_are_risks() -> None:
    layout = build("DfE contact: Tom Reyes, Case Lead, Intervention Unit",
                   ("h", "Issues requiring DfE attention"), ("b", "Court delays persist."))
    segments = segment(layout, T)
    assert segments.fields["case_lead"].text.startswith("Tom Reyes")
    assert [r.text for r in segments.bullets["risks"]] == ["Court delays persist."]


def test_an_area_without_a_rating_column_takes_the_rating_its_commentary_states() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Commentary"]]),
        ("row", [["Adoption"], ["Matches are quick.", "Overall this area is rated Green."]]),
        ("row", [["Care leavers"], ["I rated this Red last time.", "More are in work."]]))
    assert [(d.area, d.rating) for d in drafts] == [
        ("adoption", Rating.GREEN), ("care_leavers", None)]


def test_an_area_a_small_table_of_label_and_value_rows() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["Adoption"]]), ("row", [["Plan items"], ["Regional agency"]]),
        ("row", [["Rating"], ["Green"]]), ("row", [["Summary"], ["Matches are quick."]]),
        ("row", [["Area"], ["Care leavers"]]), ("row", [["Commentary"], ["More in work."]]),
        ("row", [["RAG rating"], ["Amber+"]]))
    assert [(d.area, d.rating, [p.text for p in d.area_paragraphs],
             [p.text for p in d.summary]) for d in drafts] == [
        ("adoption", Rating.GREEN, ["Regional agency"], ["Matches are quick."]),
        ("care_leavers", Rating.AMBER, [], ["More in work."])]


def test_a_title_row_over_label_and_value_rows_and_title_lines_with_their_rating() -> None:
    drafts = _assessments(
        ("row", [[("h", "Priority 1: Front door")]]), ("row", [["RAG rating"], ["A/R"]]),
        ("row", [["Plan priorities"], ["Fewer re-referrals"]]),
        ("row", [["Commentary"], ["Contacts rose."]]))
    assert [(d.title.text, d.rating, [p.text for p in d.summary]) for d in drafts] == [
        ("Priority 1: Front door", Rating.RED_AMBER, ["Contacts rose."])]
    drafts = _assessments(("p", "Adoption – Rating: Green / Amber"), ("p", "Matches are quick."),
                          ("p", "Care leavers – Rating: Amber"), ("p", "More are in work."))
    assert [(d.area, d.rating) for d in drafts] == [
        ("adoption", Rating.AMBER_GREEN), ("care_leavers", Rating.AMBER)]


def test_a_title_line_with_a_dash_is_no_header_field() -> None:
    layout = build("DfE Intervention Adviser – Highlight Report", "Adviser: Ruth Amble")
    assert segment(layout, T).fields["adviser"].text == "Ruth Amble"


def test_a_column_of_rating_and_direction_is_read_on_the_rating() -> None:
    drafts = _assessments(
        ("row", [["Area"], ["RAG / direction"], ["Commentary"]]),
        ("row", [["Adoption"], ["Green ↓"], ["Fewer matches."]]))
    assert [(d.area, d.rating) for d in drafts] == [("adoption", Rating.GREEN)]


def test_sub_headings_in_an_area_s_commentary_are_part_of_it() -> None:
    drafts = _assessments(("h", "Adoption"), ("p", "Rating: Green"), ("h", "Impact"),
                          ("p", "Children wait less."), ("h", "Next steps"),
                          ("p", "Recruit adopters."), ("h", "Care leavers"),
                          ("p", "Rating: Amber"), ("p", "More in work."))
    assert [(d.area, d.rating) for d in drafts] == [
        ("adoption", Rating.GREEN), ("care_leavers", Rating.AMBER)]
    assert {"Children wait less.", "Recruit adopters."} <= {p.text for p in drafts[0].summary}


def test_shades_read_by_the_report_s_own_colour_key_wherever_it_stands() -> None:
    layout = build(("h", "DETAILED ASSESSMENT"),
                   ("row", [["Area"], ["Summary"], ["RAG"]]),
                   ("row", [["Adoption"], ["Matches are quick."],
                            {"fill": "#C5E0B3", "paras": []}]),
                   ("h", "Colour key"),
                   ("row", [{"fill": "#C5E0B3", "paras": []}, ["Amber/Green – good progress"]]),
                   ("row", [{"fill": "#FF0000", "paras": []}, ["Red – little progress"]]))
    assert [(d.area, d.rating) for d in segment(layout, T).assessments] == [
        ("adoption", Rating.AMBER_GREEN)]
