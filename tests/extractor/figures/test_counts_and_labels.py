"""Counts written before or after their noun, elided labels and cue words (fictional LAs)."""

from __future__ import annotations

import pytest

from tests.extractor.figures.helpers import one, read, values

PERIOD = ("2021-07", "2021-09")


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Contacts fell to 6,540 in the quarter.", 6540, "contacts"),
        ("The number of children in care increased slightly to 1,061.", 1061, "children_in_care"),
        ("The number of families in pre-proceedings fell to 57.", 57, "pre_proceedings"),
        ("Referrals rose to 902 in the quarter.", 902, "referrals"),
        ("There are 305 children on plans.", 305, "cp_plans"),
        ("The average caseload is 22.4 children.", 22.4, "caseload_average"),
        ("There are 46 vacant social worker posts.", 46, "vacancies"),
        ("7 new fostering households were approved in the quarter.", 7, "foster_carer_approvals"),
    ],
)
def test_counts(text: str, value: float, key: str) -> None:
    fig = one(text, PERIOD)
    assert (fig.value, fig.unit, fig.indicator) == (value, "count", key)


def test_count_and_its_earlier_value() -> None:
    fig = one("The backlog of overdue assessments has fallen to 118 from 212 in July.", PERIOD)
    assert (fig.value, fig.indicator) == (118, "assessments_overdue")
    assert fig.previous is not None and (fig.previous.value, fig.previous.month) == (212, "2021-07")


def test_elided_count_takes_the_month_of_its_sentence() -> None:
    found = read("The agency rate fell to 28% in September and vacancies to 39.", PERIOD)
    assert [(f.value, f.unit, f.indicator, f.month) for f in found] == [
        (28, "percent", "agency_rate", "2021-09"), (39, "count", "vacancies", "2021-09")]


@pytest.mark.parametrize(
    "text",
    [
        "Contacts from schools were 3 times higher than last year.",
        "The council's children's budget was 45 in the plan.",
        "Children were seen within 5 working days.",
        "Eastmoor has 12 localities and 40 teams.",
    ],
)
def test_not_counts(text: str) -> None:
    assert values(text, PERIOD) == []


def test_noun_label_when_the_clause_says_there_are() -> None:
    found = read("The average caseload is 24 children and there are 74 agency social workers.",
                 PERIOD)
    assert [(f.value, f.label, f.indicator) for f in found] == [
        (24, "average caseload", "caseload_average"),
        (74, "agency social workers", "agency_workers")]


def test_count_label_stops_at_and() -> None:
    found = read("There are 118 agency social workers and staff turnover over the last year was "
                 "31%.", PERIOD)
    assert [(f.value, f.label, f.indicator) for f in found] == [
        (118, "agency social workers", "agency_workers"),
        (31, "staff turnover over the last year", "staff_turnover")]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Audits in the quarter found 16% of practice good or better and 36% inadequate.",
         "audits_good_or_better", "audits_inadequate"),
        ("26% of audits in August rated practice good or better and 22% inadequate.",
         "audits_good_or_better", "audits_inadequate"),
        ("Only 14% of audits in August rated practice as good or better, against a target of "
         "35% by March, and 38% were inadequate.", "audits_good_or_better", "audits_inadequate"),
        ("81% of care leavers are in suitable accommodation and 49% are in education, "
         "employment or training.", "care_leavers_suitable_accommodation", "care_leavers_eet"),
        ("There were 6,388 contacts, of which 31% resulted in no further action.", "contacts",
         "contacts_nfa"),
    ],
)
def test_elided_second_figure(text: str, first: str, second: str) -> None:
    found = read(text, PERIOD)
    assert [f.indicator for f in found] == [first, second]


def test_comparator_named_by_a_region() -> None:
    fig = one("Short-term placement stability is 11%, slightly worse than London (10%).", PERIOD)
    assert (fig.value, fig.comparator) == (11, 10)


def test_last_month_inside_a_measure_is_not_a_previous_cue() -> None:
    fig = one("Supervision recorded within the last month was 48% in August, against a target of "
              "90%.", PERIOD)
    assert (fig.value, fig.month, fig.target, fig.previous) == (48, "2021-08", 90, None)


def test_a_word_between_comparison_and_figure_breaks_the_comparator_cue() -> None:
    found = read("There are 512 children on plans, a rate above statistical neighbours, and 24% "
                 "of plans were repeat plans.", PERIOD)
    assert [(f.value, f.comparator) for f in found] == [(512, None), (24, None)]


@pytest.mark.parametrize(
    ("text", "value", "label", "key"),
    [
        ("Two-thirds (66%) of children had an up-to-date plan.", 66,
         "children had an up-to-date plan", None),
        ("Of 1,204 contacts received in July, 412 (34%) progressed to referral.", 34,
         "progressed to referral", None),
        ("Just over half of assessments (52%) were completed within 45 working days.", 52,
         "assessments were completed within 45 working days", "assessments_in_timescale"),
    ],
)
def test_bracketed_figures_restating_their_clause(text: str, value: float, label: str,
                                                  key: str | None) -> None:
    fig = next(f for f in read(text, PERIOD) if f.unit == "percent")
    assert (fig.value, fig.label, fig.indicator) == (value, label, key)


def test_with_joins_an_elided_figure() -> None:
    found = read("Overall, 67% of audits were graded requires improvement, with 9% good and 24% "
                 "inadequate.", PERIOD)
    assert [(f.value, f.indicator) for f in found] == [
        (67, "audits_requires_improvement"), (9, None), (24, "audits_inadequate")]


def test_forecasts_are_not_measures() -> None:
    assert values("The council expects 120 children to enter care this year.", PERIOD) == []
    assert values("The new hub could potentially see 30% of contacts diverted.", PERIOD) == []
    assert values("Numbers are expected to reach 45% by March.", PERIOD) == []


def test_a_survey_answer_with_would_is_a_measure() -> None:
    fig = one("In the staff survey 71% of social workers would recommend Westby as a place to "
              "work.", PERIOD)
    assert (fig.value, fig.unit) == (71, "percent")
    assert values("A further 12 children would be reviewed in May.", PERIOD) == []


def test_an_expected_standard_is_no_forecast() -> None:
    fig = one("Visits within the expected timescale: 83% in October (target 90%).", PERIOD)
    assert (fig.value, fig.target) == (83, 90)


def test_a_projected_overspend_is_a_figure() -> None:
    fig = one("There is a projected overspend of £4.2m in children's social care.", PERIOD)
    assert (fig.value, fig.unit) == (4_200_000, "money")


@pytest.mark.parametrize(("amount", "value"), [("£4.1m", 4_100_000.0), ("£8.3m", 8_300_000.0),
                                              ("£0.7bn", 700_000_000.0), ("£12.35k", 12_350.0)])
def test_money_in_millions_is_exact_to_the_penny(amount: str, value: float) -> None:
    fig = one(f"The forecast overspend is {amount}.", PERIOD)
    assert repr(fig.value) == repr(value)


def test_the_base_of_a_percentage_is_not_a_count() -> None:
    found = read("The audit found that 100% of the 40 cases audited had a plan.", PERIOD)
    assert [(f.value, f.unit) for f in found] == [(100, "percent")]


def test_count_with_an_earlier_value_up_from() -> None:
    fig = one("There are 14 children placed in unregistered provision, up from 9 in July.", PERIOD)
    assert fig.previous is not None and (fig.value, fig.previous.value) == (14, 9)


def test_count_after_a_comma() -> None:
    fig = one("The backlog of overdue assessments is reducing, to 141, but it remains large.",
              PERIOD)
    assert (fig.value, fig.indicator) == (141, "assessments_overdue")


def test_dated_range_between_days_has_no_month() -> None:
    assert one("Between 1 July and 30 September there were 245 referrals.", PERIOD).month is None


def test_a_target_clause_in_the_next_sentence_is_not_anaphoric() -> None:
    found = read("In August, 1,030 contacts were received, of which 22% led to a referral. Around "
                 "18% of staff are agency workers, with a target of 15% by March 2022.", PERIOD)
    assert [(f.value, f.target) for f in found] == [(1030, None), (22, None)]


@pytest.mark.parametrize(
    ("text", "value", "key", "previous"),
    [
        ("Children in care: 412 (up from 398 at the end of July).", 412, "children_in_care",
         (398, "2021-07")),
        ("CP plans – 233.", 233, "cp_plans", None),
        ("The LA now has 62 in-house foster carers.", 62, None, None),
    ],
)
def test_kpi_list_counts(text: str, value: float, key: str | None,
                         previous: tuple[float, str] | None) -> None:
    fig = one(text, PERIOD)
    assert (fig.value, fig.indicator) == (value, key)
    assert (fig.previous.value, fig.previous.month) == previous if previous else not fig.previous


def test_kpi_list_percentages() -> None:
    fig = one("Re-referrals: 24% (target 22%, SN 21%).", PERIOD)
    assert (fig.value, fig.target, fig.comparator) == (24, 22, 21)
    fig = one("Percentage of visits in timescale – 92% (Sept) vs 88% (July).", PERIOD)
    assert (fig.value, fig.month, fig.label) == (92, "2021-09", "percentage of visits in timescale")
    assert fig.previous is not None and (fig.previous.value, fig.previous.month) == (88, "2021-07")


def test_an_earlier_value_named_by_its_period() -> None:
    fig = one("Assessment timeliness 81% v 76% last quarter.", PERIOD)
    assert fig.previous is not None and (fig.value, fig.previous.value) == (81, 76)


@pytest.mark.parametrize(
    "text",
    [
        "Caseloads range from 12 to 30 children.",
        "Caseloads are between 12 and 30 children.",
        "Caseloads of 12-30 children are common in the assessment teams.",
        "85 out of 100 visits were on time.",
    ],
)
def test_count_ranges_and_parts_are_not_counts(text: str) -> None:
    assert values(text, PERIOD) == []


def test_two_counts_that_go_down_are_a_change_not_a_range() -> None:
    found = read("New advisers cut caseloads from an average of 28 to 19 young people.", PERIOD)
    assert [f.value for f in found] == [19]


def test_full_time_equivalents_are_counted_with_their_decimals() -> None:
    fig = one("There are 7.5 FTE vacancies in the assessment service.", PERIOD)
    assert (fig.value, fig.unit) == (7.5, "count")


def test_a_count_after_numbered_or_totalled_with_the_verb_out_of_its_label() -> None:
    found = read("Children on plans numbered 233 at the end of May, compared with 251 in "
                 "February.", PERIOD)
    assert [(f.value, f.label, f.previous.value if f.previous else None) for f in found] == [
        (233, "children on plans", 251)]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Enquiries have gone down from 640 to 588 over the summer.", 588, "enquiries"),
        ("Looked after numbers rose from 301 to 344 in twelve months.", 344,
         "looked after numbers"),
        ("Strategy discussions increased from 97 in the spring to 131.", 131,
         "strategy discussions"),
    ],
)
def test_a_count_after_a_change_from_an_earlier_value_is_no_range(text: str, value: float,
                                                                  label: str) -> None:
    fig = one(text, PERIOD)
    assert (fig.value, fig.unit, fig.label) == (value, "count", label)


def test_a_count_against_a_target_and_up_from_a_quarter() -> None:
    fig = one("The service holds 58 open cases against its target of 45.", PERIOD)
    assert (fig.value, fig.unit, fig.target) == (58, "count", 45)
    fig = one("In all 212 children attended the hubs in Q3, up from 167 in Q2.", PERIOD)
    assert fig.previous is not None and (fig.value, fig.previous.value) == (212, 167)


def test_pc_after_a_number_is_per_cent() -> None:
    fig = one("Agency staff are 31pc of the workforce (England 17pc).", PERIOD)
    assert (fig.value, fig.unit, fig.comparator) == (31, "percent", 17)


@pytest.mark.parametrize(
    ("text", "value", "previous"),
    [
        ("Open cases fell from 1,402 to 1,288 between May and August.", 1288, 1402),
        ("Children on plans have risen from 204 to 236 since the spring.", 236, 204),
        ("There were 311 care leavers at 30 June (31 March 2021: 298).", 311, 298),
    ],
)
def test_a_count_and_its_earlier_value_written_before_it_or_dated(text: str, value: float,
                                                                   previous: float) -> None:
    fig = one(text, PERIOD)
    assert fig.previous is not None and (fig.value, fig.previous.value) == (value, previous)


def test_a_duration_against_a_hyphenated_standard_and_a_regional_comparator() -> None:
    fig = one("Care proceedings last 41 weeks on average, against the 26-week standard.", PERIOD)
    assert (fig.value, fig.unit, fig.target) == (41, "weeks", 26)
    fig = one("Adoptions take 410 days (region 455 days).", PERIOD)
    assert (fig.value, fig.comparator) == (410, 455)
    assert values("A 26-week programme of training began.", PERIOD) == []


@pytest.mark.parametrize(
    ("text", "unit", "target", "comparator", "previous"),
    [
        ("Re-referrals were 19% (target 17).", "percent", 17, None, None),
        ("Adoptions took 402 days on average (England 455).", "days", None, 455, None),
        ("Repeat plans were 23% (June: 27).", "percent", None, None, 27),
    ],
)
def test_a_bare_number_in_brackets_after_a_figure_takes_its_unit(
        text: str, unit: str, target: float | None, comparator: float | None,
        previous: float | None) -> None:
    fig = one(text, PERIOD)
    assert (fig.unit, fig.target, fig.comparator,
            fig.previous.value if fig.previous else None) == (unit, target, comparator, previous)
    assert values("Re-referrals were 19% (2 teams).", PERIOD) == [19]
