"""Which numbers are figures, their units, values, spans, months and labels (fictional LAs)."""

from __future__ import annotations

import pytest

from extractor.figures import TextPiece, find_indicators, pieces_from_text
from extractor.figures.months import resolve_month
from tests.extractor.figures.helpers import one, read, read_with_warnings, values


@pytest.mark.parametrize(
    "text",
    [
        "Working Together 2018 sets out the duties of partners in Northshire.",
        "The Phase 2 work and the Essentials 3 programme start in January.",
        "Since COVID-19, 1:1 coaching for team managers has continued.",
        "The daily huddle starts at 09:30 and the panel at 14:15.",
        "Young people aged 16+ and care leavers (16 – 20) are eligible.",
        "The 11+ action plan was agreed on 9.10.20.",
        "The serious case review was published on 14 Dec 20.",
        "18 of these cases exceeded the 26-week timescale.",
        "Decisions on contacts are made within 48 hours.",
        "Just under 80% of workers hold fewer than 18 children.",
        "Around 40% of contacts come from the police.",
        "1. To reduce the number of children in care.",
        "The 6 localities each have 3 teams.",
        "In 2019 Ofsted judged the service in Eastmoor inadequate.",
        "Most workers hold 22 children or fewer.",
        "In the previous 12 months Riverbridge recruited staff from abroad.",
        "Section 47 enquiries and S47 timeliness are a focus for 2020/21.",
        "A third of the assessments are overdue.",
    ],
)
def test_not_figures(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "shown"),
    [
        ("Re-referrals stood at 23 per cent in November.", 23, "percent", "23 per cent"),
        ("Only 0.5% of contacts came from schools.", 0.5, "percent", "0.5%"),
        ("Between June and November 1,447 contacts were received.", 1447, "count", "1,447"),
        ("The average duration of care proceedings was 41 weeks in December.", 41, "weeks",
         "41"),
        ("The DfE grant of £1.2m funds the edge of care team.", 1_200_000, "money", "£1.2m"),
        ("The average caseload ratio is 1:18 in the assessment teams.", 18, "ratio", "1:18"),
        ("The A1 adoption measure was 420 days for Riverbridge.", 420, "days", "420"),
    ],
)
def test_forms_and_spans(text: str, value: float, unit: str, shown: str) -> None:
    fig = one(text)
    assert (fig.value, fig.unit) == (value, unit)
    assert fig.span is not None
    assert text[fig.span.start:fig.span.end] == shown


@pytest.mark.parametrize(
    "text", ["Between 20% and 30% of the workforce will be accredited.",
             "Inadequate work rose to between 16/18% in November.",
             "We expect 20-30% of social workers to take part."],
)
def test_ranges_are_skipped_with_a_warning(text: str) -> None:
    found, warnings = read_with_warnings(text)
    assert found == []
    assert len(warnings) == 1 and "range" in warnings[0]


def test_counts_need_a_count_noun() -> None:
    found = read("At the end of November there were 412 children in care and 37 agency social "
                 "workers, across 14 teams and 98 posts.")
    assert [(f.value, f.label, f.indicator, f.month) for f in found] == [
        (412, "children in care", "children_in_care", "2020-11"),
        (37, "agency social workers", "agency_workers", "2020-11"),
    ]


def test_number_in_brackets_after_number() -> None:
    fig = one("Most open assessments are in timescale but a small number (41) in November were "
              "overdue.")
    assert (fig.value, fig.unit, fig.month, fig.indicator) == (
        41, "count", "2020-11", "assessments_overdue")


def test_counts_with_a_predicate_do_not_take_the_bare_key() -> None:
    fig = one("In Eastmoor 212 contacts were closed with no further action.")
    assert fig.value == 212 and fig.indicator is None


@pytest.mark.parametrize(
    ("month", "year", "end", "expected"),
    [
        (10, None, "2020-12", "2020-10"),
        (12, None, "2020-12", "2020-12"),
        (2, None, "2020-12", "2020-02"),
        (11, None, "2021-03", "2020-11"),
        (1, None, "2021-03", "2021-01"),
        (6, 20, "2021-03", "2020-06"),
        (2, 21, "2020-12", "2021-02"),
        (10, 2019, "2020-12", "2019-10"),
        (10, None, None, None),
    ],
)
def test_resolve_month(month: int, year: int | None, end: str | None, expected: str | None) -> None:
    assert resolve_month(month, year, end) == expected


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("In November, 64% of single assessments were completed in timescale.", "2020-11"),
        ("Single assessments in timescale were 64% in Nov.", "2020-11"),
        ("In September and October 64% of care leavers were seen.", "2020-10"),
        ("Between June and November 64% of care leavers were seen.", None),
        ("Since June 2020 the rate of timely visits has been 64%.", None),
        ("Timely visits were 64% in June 20.", "2020-06"),
        ("From October 19 to October 20 Northshire was in touch with 64% of care leavers.",
         "2020-10"),
        ("Funding covers 40 social worker posts and a campaign launched in October.", None),
        ("Timely visits were 64%; there may be more by January.", None),
        ("Timely visits were 64% in February 2021.", "2021-02"),
    ],
)
def test_months(text: str, month: str | None) -> None:
    assert one(text).month == month


def test_months_need_a_period_unless_the_year_is_written() -> None:
    assert one("In October 55% of reviews were on time.", (None, None)).month is None
    assert one("In October 2020 55% of reviews were on time.", (None, None)).month == "2020-10"


def test_a_later_figure_shares_the_month_of_an_earlier_measure() -> None:
    found = read("The agency rate was 31% in June and there are 46 vacant social worker posts.")
    assert [(f.value, f.month) for f in found] == [(31, "2020-06"), (46, "2020-06")]


def test_the_month_of_a_previous_value_is_not_shared() -> None:
    found = read("Care leavers in work are up from 43% in June, with those aged 18 being 49%.")
    assert [(f.value, f.month, f.previous) for f in found] == [(49, None, None)]


def test_this_was_makes_the_dated_figure_before_a_previous_value() -> None:
    fig = one("The rate of good audits was 60% in August, and in October this was 18%.")
    assert (fig.value, fig.month, fig.label) == (18, "2020-10", "rate of good audits")
    assert fig.previous is not None and (fig.previous.value, fig.previous.month) == (60, "2020-08")


def test_each_figure_takes_the_month_after_it() -> None:
    found = read("Visits were 60% in August and assessments were 18% in October.")
    assert [(f.value, f.month) for f in found] == [(60, "2020-08"), (18, "2020-10")]


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("Case supervision performance was above target in October (85%).",
         "case supervision performance", "case_supervision"),
        ("The re-referral rate for Riverbridge in October was 26%.", "re-referral rate",
         "re_referrals"),
        ("Initial visits within timescale continued at 87% and timeliness of strategy "
         "discussions was 74%.", "initial visits within timescale",
         "initial_visits_in_timescale"),
        ("83% of single assessments were completed within timescale.",
         "single assessments were completed within timescale", "assessments_in_timescale"),
        ("Eastmoor was in touch with 91% of its care leavers.", "care leavers",
         "care_leavers_in_touch"),
    ],
)
def test_labels_and_keys(text: str, label: str, key: str) -> None:
    fig = read(text)[0]
    assert (fig.label, fig.indicator) == (label, key)


def test_second_clause_has_its_own_label() -> None:
    found = read("Initial visits within timescale continued at 87% and timeliness of strategy "
                 "discussions was 74%.")
    assert [(f.label, f.indicator) for f in found][1] == (
        "timeliness of strategy discussions", "strategy_discussions_in_timescale")


def test_figures_without_a_measure_are_dropped() -> None:
    assert values("95% for nearly eight months.") == []
    assert values("Northshire also reported 56% of") == []


def test_spans_are_in_report_coordinates_with_page_and_area() -> None:
    text = "Heading\n\nIn October 30% of audits were good.\n"
    piece = pieces_from_text(text)[1]
    placed = TextPiece(piece.text, piece.start, page=4, area="social_work_practice")
    (fig,), _ = find_indicators([placed], period_start="2020-07", period_end="2020-12")
    assert fig.span is not None and text[fig.span.start:fig.span.end] == "30%"
    assert (fig.span.page, fig.area) == (4, "social_work_practice")
    assert fig.sentence == "In October 30% of audits were good."


def test_pieces_from_text_keeps_offsets() -> None:
    text = "<p>One para.</p> <p>Two\tthree</p>\n\n  Four  \n"
    pieces = pieces_from_text(text)
    assert [p.text for p in pieces] == ["One para.", "Two", "three", "Four"]
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in pieces)


def test_empty_input() -> None:
    assert find_indicators([], period_start=None, period_end=None) == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "Re-referrals increased by 5% on last year.",
        "There was an increase of 12% in contacts from schools.",
        "Northshire saw a 10% reduction in agency staff.",
        "The rate of children in need is 420 per 10,000 children.",
        "1 in 4 children in care had 3 or more placements.",
    ],
)
def test_changes_and_rate_bases_are_not_levels(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize("text", ["Re-referrals moved -5% on the quarter.",
                                  "Contacts were +12% on last year."])
def test_signed_numbers_are_changes(text: str) -> None:
    assert read(text) == []


def test_hyphenated_per_cent() -> None:
    fig = one("Timely visits were 77 per-cent in October.")
    assert (fig.value, fig.unit, fig.month) == (77, "percent", "2020-10")
