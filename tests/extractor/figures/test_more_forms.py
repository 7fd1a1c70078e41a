"""Forms a blind test found missing: money an overspend is "by", averages, durations after
verbs, a month after a bracket, word proportions, ranges (fictional LAs)."""

from __future__ import annotations

import pytest

from tests.extractor.figures.helpers import one, read, read_with_warnings, values


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Eastmoor overspent by £1.4m on external placements.", 1_400_000,
         "eastmoor overspent"),
        ("The placements budget is projected to overspend by £640k.", 640_000,
         "placements budget is projected to overspend"),
        ("Northshire's care budget was underspent by £120,000 in the year.", 120_000,
         "northshire's care budget was underspent"),
        ("Riverbridge is currently over-spending by £3 million.", 3_000_000,
         "riverbridge is currently over-spending"),
        ("Agency costs exceeded the budget by £900k in the year.", 900_000,
         "agency costs exceeded the budget"),
    ],
)
def test_money_an_overspend_is_by_is_its_level(text: str, value: float, label: str) -> None:
    fig = one(text)
    assert (fig.value, fig.unit, fig.label) == (value, "money", label)


@pytest.mark.parametrize(
    "text",
    [
        "Spending on agency staff rose by £400k.",
        "The overspend was reduced by £1m.",
        "Re-referrals were overspent by 4%.",
        "Eastmoor will overspend by £2m unless placements are reviewed.",
    ],
)
def test_other_money_or_units_by_stay_changes(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("In Eastmoor caseloads averaged 21 in November.", 21, None),
        ("The average caseload in the court team is 16 (was 19).", 16, 19),
        ("Average caseloads in Northshire were 24, up from 20.", 24, 20),
        ("Caseloads average 15 children a worker (was 17) in the assessment service.", 15, 17),
    ],
)
def test_average_caseloads(text: str, value: float, previous: float | None) -> None:
    fig = one(text)
    assert (fig.value, fig.unit, fig.indicator) == (value, "count", "caseload_average")
    assert (fig.previous.value if fig.previous else None) == previous


def test_was_in_brackets_is_the_previous_value() -> None:
    fig = one("Repeat plans were 14% (was 17%).")
    assert (fig.value, fig.previous and fig.previous.value) == (14, 17)


@pytest.mark.parametrize(
    "text",
    [
        "Caseload reviews are held with 12 team managers.",
        "Caseloads are high in the court team.",
        "Average caseload is high (was lower in 2021).",
    ],
)
def test_caseload_words_without_a_caseload_figure(text: str) -> None:
    assert [(f.value, f.indicator) for f in read(text) if f.indicator == "caseload_average"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("In Eastmoor, public law cases last 49 weeks on average.", 49, "weeks"),
        ("On average, Northshire's care proceedings last 38 weeks.", 38, "weeks"),
        ("Initial health assessments are completed in 31 working days on average.", 31, "days"),
        ("Return home interviews happen within 3 days on average.", 3, "days"),
    ],
)
def test_durations_after_verbs(text: str, value: float, unit: str) -> None:
    fig = one(text)
    assert (fig.value, fig.unit) == (value, unit)


def test_care_proceedings_after_a_verb_get_the_duration_key() -> None:
    fig = one("Riverbridge's care proceedings last 44 weeks on average.")
    assert (fig.value, fig.indicator) == (44, "care_proceedings_duration")


@pytest.mark.parametrize(
    "text",
    [
        "In the last 12 weeks the panel met twice.",
        "Over the summer and last 6 weeks the front door was reorganised.",
        "Last 8 weeks: the service was restructured.",
        "Strategy discussions are held within 2 days.",
        "Few proceedings conclude in 26 weeks.",
        "Proceedings took longer than 26 weeks on average.",
        "Hearings will last 20 weeks on average.",
    ],
)
def test_windows_and_timescales_stay_out(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "month", "target", "comparator", "previous"),
    [
        ("Eastmoor's repeat plans were 19% (target 15%) in October.", "2020-10", 15, None, None),
        ("Visits in time were 88% (England 91%) at the end of November.", "2020-11", None, 91,
         None),
        ("Timely reviews reached 74% (previously 70%) in September.", "2020-09", None, None,
         (70, None)),
        ("Re-referrals were 21% (statistical neighbours 20%, England 22%) in August.",
         "2020-08", None, 20, None),
        ("Riverbridge held 64% of its reviews in time (target 75%) in October.", "2020-10",
         75, None, None),
    ],
)
def test_month_after_a_bracket_of_qualifiers(
    text: str, month: str, target: float | None, comparator: float | None,
    previous: tuple[float, str | None] | None,
) -> None:
    fig = one(text)
    assert (fig.month, fig.target, fig.comparator) == (month, target, comparator)
    assert (fig.previous and (fig.previous.value, fig.previous.month)) == previous


def test_compared_with_in_a_bracket_before_a_month_is_dropped() -> None:
    fig = one("Timely reviews were 74% (compared to 70%) in September.")
    assert (fig.month, fig.previous) == ("2020-09", None)


def test_month_inside_the_bracket_stays_there() -> None:
    fig = one("Timely reviews were 74% in October (up from 70% in August).")
    assert fig.month == "2020-10"
    assert fig.previous is not None and (fig.previous.value, fig.previous.month) == (70, "2020-08")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Two in five Eastmoor care leavers are not in education, employment or training.",
         "Two in five"),
        ("Around one in every ten contacts becomes a referral.", "one in every ten"),
        ("In Northshire 3 in 10 assessments end in no further action.", "3 in 10"),
    ],
)
def test_proportions_are_skipped_with_a_warning(text: str, said: str) -> None:
    found, warnings = read_with_warnings(text)
    assert found == []
    assert len(warnings) == 1 and f"proportion {said!r}" in warnings[0]


@pytest.mark.parametrize(
    "text",
    ["Almost a third of Riverbridge's audits were good.",
     "One in, one out applies to agency staff.", "Two in the team have left."],
)
def test_vague_or_no_proportions_say_nothing(text: str) -> None:
    assert read_with_warnings(text) == ([], [])


@pytest.mark.parametrize(
    "text",
    ["In Eastmoor agency staffing stood at 27% in November.",
     "Agency use in the court team has come down to 12%."],
)
def test_agency_staffing_and_use_figures_get_the_agency_rate(text: str) -> None:
    assert one(text).indicator == "agency_rate"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Good practice in Eastmoor's audits was 40 to 45% in October.", "40 to 45%"),
        ("Repeat plans were 19% to 22% across the three localities.", "19% to 22%"),
        ("Re-referral rates ranged from 14% to 23% between teams.", "14% to 23%"),
        ("Vacancies are in the range 12% to 15%.", "12% to 15%"),
    ],
)
def test_more_ranges_are_skipped_with_a_warning(text: str, said: str) -> None:
    found, warnings = read_with_warnings(text)
    assert found == []
    assert len(warnings) == 1 and f"range {said!r}" in warnings[0]


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Repeat plans fell from 24% to 19% in Northshire.", 19, 24),
        ("Repeat plans rose by 3% to 22%.", 22, None),
    ],
)
def test_changes_with_to_are_not_ranges(text: str, value: float, previous: float | None) -> None:
    found, warnings = read_with_warnings(text)
    assert warnings == [] and len(found) == 1
    assert (found[0].value, found[0].previous and found[0].previous.value) == (value, previous)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Riverbridge is carrying a £640k overspend on transport.", "overspend on transport"),
        ("Eastmoor now expects a £1.5m deficit.", None),
        ("Northshire banked a £300,000 saving on agency staff.", "saving on agency staff"),
        ("External placements are £1.9m over budget.", "external placements over budget"),
    ],
)
def test_money_is_labelled_by_what_it_is(text: str, label: str | None) -> None:
    found = read(text)
    assert [f.label for f in found] == ([label] if label else [])


@pytest.mark.parametrize("text", ["Eastmoor's social workers average 19.",
                                  "Children in Riverbridge average 3 moves a year."])
def test_average_after_other_nouns_is_no_count_of_them(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Eastmoor's MASH makes decisions within one working day in 81% of cases.",
         "Eastmoor's MASH makes decisions within one working day"),
        ("Management oversight was evident in 58% of cases audited.",
         "management oversight was evident"),
        ("In 85% of cases, visits were on time.", "cases"),
    ],
)
def test_a_figure_of_cases_is_labelled_by_its_clause(text: str, label: str) -> None:
    assert one(text).label == label


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Eastmoor expects to overspend by between £600k and £900k.", "between £600k and £900k"),
        ("The placements overspend is £1-1.5m.", "£1-1.5m"),
        ("Riverbridge's savings gap is £2m–£3m.", "£2m–£3m"),
        ("The in-year deficit was £400,000 to £500,000.", "£400,000 to £500,000"),
    ],
)
def test_money_ranges_are_skipped_with_a_warning(text: str, said: str) -> None:
    found, warnings = read_with_warnings(text)
    assert found == []
    assert len(warnings) == 1 and f"range {said!r}" in warnings[0]


def test_money_from_to_is_a_change_not_a_range() -> None:
    found, warnings = read_with_warnings("Northshire's overspend grew from £1.1m to £1.6m.")
    assert warnings == [] and len(found) == 1
    assert found[0].value == 1_600_000
    assert found[0].previous is not None and found[0].previous.value == 1_100_000


@pytest.mark.parametrize(
    ("text", "value", "target"),
    [
        ("Eastmoor has 388 children in care (target 360).", 388, 360),
        ("The average caseload in Northshire is 21 (local target: 18).", 21, 18),
        ("Riverbridge has 388 children in care (statistical neighbours 72).", 388, None),
    ],
)
def test_a_count_takes_a_target_in_brackets(text: str, value: float, target: float | None) -> None:
    fig = one(text)
    assert (fig.value, fig.target, fig.comparator) == (value, target, None)


def test_a_month_taken_after_one_figure_is_not_the_next_figures() -> None:
    found = read("Eastmoor's repeat plans were 17% to September and 21% to November.")
    assert [(f.value, f.month) for f in found] == [(17, "2020-09"), (21, "2020-11")]


def test_a_second_figure_with_only_its_month_measures_the_same() -> None:
    found = read("Northshire's repeat plans were 21% in November, 18% in September and 16% in "
                 "July.")
    assert [(f.value, f.indicator, f.month) for f in found] == [
        (21, "repeat_cp_plans", "2020-11"), (18, "repeat_cp_plans", "2020-09"),
        (16, "repeat_cp_plans", "2020-07")]


def test_a_second_figure_with_its_own_words_keeps_them() -> None:
    found = read("Repeat plans were 21% in November and re-referrals 25% in October.")
    assert [(f.value, f.indicator) for f in found] == [(21, "repeat_cp_plans"),
                                                        (25, "re_referrals")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Recruitment has stalled and Eastmoor's agency rate was 31% in November.",
         "eastmoor's agency rate"),
        ("Morale is low and there is a forecast overspend of £2.1m.", "forecast overspend"),
        ("Visits to children in care and care leavers were 85%.",
         "visits to children in care and care leavers"),
        ("Adoption is a strength: the time from care to moving in with adopters is 410 days.",
         "time from care to moving in with adopters"),
    ],
)
def test_and_between_two_clauses_starts_the_figures_clause(text: str, label: str) -> None:
    assert one(text).label == label


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("In Northshire proceedings concluded in 39 weeks on average.",
         "care_proceedings_duration"),
        ("Pre-proceedings take 14 weeks on average in Eastmoor.", None),
    ],
)
def test_proceedings_after_a_verb(text: str, key: str | None) -> None:
    assert one(text).indicator == key


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Just under half (48%) were visited within the timescale.", 48,
         "were visited within the timescale"),
        ("Roughly two-thirds (64%) have a pathway plan.", 64, "have a pathway plan"),
    ],
)
def test_a_percentage_in_brackets_after_a_word_fraction_is_read(text: str, value: float,
                                                                label: str) -> None:
    fig = one(text)
    assert (fig.value, fig.unit, fig.label) == (value, "percent", label)


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Strategy discussions rose from 96 in Q1 to 131 in Q2.", 131, 96),
        ("Repeat referrals went from 31% in Q3 to 27% in Q4.", 27, 31),
    ],
)
def test_from_one_quarter_to_the_next_reads_the_later_value(text: str, value: float,
                                                            previous: float) -> None:
    fig = one(text)
    assert (fig.value, fig.previous.value if fig.previous else None) == (value, previous)


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Legal costs came to £860k last year.", 860_000, None),
        ("Visits in time were 71% in Q3 and 78% in Q4.", 78, 71),
    ],
)
def test_a_sentence_of_earlier_values_reports_its_latest(text: str, value: float,
                                                          previous: float | None) -> None:
    fig = one(text)
    assert (fig.value, fig.previous.value if fig.previous else None) == (value, previous)


@pytest.mark.parametrize("text", ["That compares with 64% last year.",
                                  "It was 64% in the previous quarter.",
                                  "Visits were less timely than the 64% of last year."])
def test_an_earlier_value_that_refers_back_is_not_reported(text: str) -> None:
    assert read(text) == []


def test_a_year_before_the_measure_is_not_its_label() -> None:
    fig = one("The 2024/25 placements budget of £9.3 million is under pressure.")
    assert (fig.value, fig.label) == (9_300_000, "placements budget")


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("The average caseload in the duty team is now 21, down from 26.", 21,
         "average caseload in the duty team"),
        ("Foster carers approved: 9 in 2023/24, against 6 the year before.", 9,
         "foster carers approved"),
    ],
)
def test_a_count_after_its_noun_reads_past_now_and_a_financial_year(
        text: str, value: float, label: str) -> None:
    fig = next(f for f in read(text) if f.unit == "count")
    assert (fig.value, fig.label) == (value, label)


def test_a_count_after_a_month_is_no_two_digit_year() -> None:
    found = read("At the end of March 27 children were in residential homes, and the average "
                 "weekly cost was £4,800.", ("2024-01", "2024-03"))
    assert [(f.value, f.unit, f.month) for f in found] == [
        (27, "count", "2024-03"), (4800, "money", "2024-03")]


def test_a_month_after_a_number_in_words_is_that_numbers() -> None:
    found = read("There are 9 children in secure homes, up from three in June, and 31% live "
                 "outside the county.", ("2024-07", "2024-09"))
    assert [(f.value, f.month) for f in found] == [(9, None), (31, None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Thirteen children are living in homes that are not registered.", [13]),
        ("Only six new foster carers were approved this quarter.", [6]),
        ("Two in five children were seen within a week.", []),
        ("Almost twenty children are waiting for an assessment.", []),
        ("Thirty-two children are placed out of area.", [32]),
        ("Twenty one-bedroom flats are planned.", []),
        ("The two teams were merged in the spring.", []),
        ("Five of the teams have a permanent manager.", []),
    ],
)
def test_a_number_in_words_is_read_only_as_a_count(text: str, found: list[float]) -> None:
    assert [(f.value, f.unit) for f in read(text)] == [(value, "count") for value in found]


def test_after_an_earlier_figure_a_clause_after_a_comma_keeps_its_whole_subject() -> None:
    found = read("Seven children were adopted, and the average time from entering care to "
                 "moving in with an adoptive family was 402 days.")
    assert [(f.value, f.label) for f in found] == [
        (7, "children were adopted"),
        (402, "average time from entering care to moving in with an adoptive family")]


@pytest.mark.parametrize("text", ["The loss of one or two experienced staff is felt at once.",
                                  "Between three to five children go missing each week."])
def test_a_number_in_words_in_a_choice_is_no_count(text: str) -> None:
    assert read(text) == []


def test_a_month_past_a_semicolon_is_not_the_figures() -> None:
    found = read("A new team manager started in August; 4 agency social workers left in "
                 "September.", ("2024-07", "2024-09"))
    assert [(f.value, f.month) for f in found] == [(4, "2024-09")]


def test_a_percentage_a_measure_is_up_by_is_no_level() -> None:
    assert values("Referrals from schools are up 12% on the spring term.") == []
    assert values("Agency staff make up 31% of the workforce.") == [31]
