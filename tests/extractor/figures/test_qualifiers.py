"""Targets, comparators and previous values in wordings other than the seed's (fictional LAs)."""

from __future__ import annotations

import pytest

from tests.extractor.figures.helpers import one, read, values


@pytest.mark.parametrize(
    ("text", "value", "target"),
    [
        ("Against a target of 90%, 84% of visits to children in need in Eastmoor were "
         "completed on time in November.", 84, 90),
        ("Northshire's re-referral rate was 22% in September, against the local target of 20%.",
         22, 20),
        ("Timeliness of review health assessments was 71% (target 85%).", 71, 85),
        ("Review health assessments reached 71%, below the target of 85%.", 71, 85),
        ("Riverbridge set a target of 60% for good or better audits; 48% of audits were good "
         "or better in August.", 48, 60),
        ("Supervision within timescale was 77% and remains below target (80%).", 77, 80),
        ("Visits to children on plans were 91%, where 95% is the target.", 91, 95),
    ],
)
def test_target(text: str, value: float, target: float) -> None:
    fig = one(text)
    assert (fig.value, fig.target) == (value, target)


def test_target_above_target_at_is_the_measure() -> None:
    fig = one("Timeliness of visits to children on plans remains above target at 93%.")
    assert (fig.value, fig.target) == (93, None)


def test_targets_go_to_the_measure_they_name() -> None:
    found = read("In November 25% of audits in Eastmoor rated practice as good, 60% as requiring "
                 "improvement and 15% as inadequate (10% is the target for inadequate practice, "
                 "and 35% for good practice by March 21).")
    assert [(f.value, f.target) for f in found] == [(25, 35), (60, None), (15, 10)]
    assert {f.month for f in found} == {"2020-11"}


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("Repeat child protection plans were 24%, compared with 21% for statistical neighbours.",
         24, 21),
        ("Eastmoor's agency rate of 31% is well above the national average of 16%.", 31, 16),
        ("Placement stability (same placement for 2 years) was 68%, in line with peers at 69%.",
         68, 69),
        ("Re-referrals were 19% against 22% nationally.", 19, 22),
        ("Timely initial health assessments were 64% (peer group 81%).", 64, 81),
        ("Agency staff make up 38% of social workers (South East average 21%).", 38, 21),
        ("Repeat plans stand at 23% (the England average: 22%).", 23, 22),
    ],
)
def test_comparator(text: str, value: float, comparator: float) -> None:
    fig = one(text)
    assert (fig.value, fig.comparator) == (value, comparator)


@pytest.mark.parametrize(
    ("text", "value", "month", "previous"),
    [
        ("Return home interviews offered within 72 hours rose to 81% in November from 64% in "
         "August.", 81, "2020-11", (64, "2020-08")),
        ("The proportion of care leavers in suitable accommodation fell from 93% to 88%.",
         88, None, (93, None)),
        ("Case supervision compliance improved 61% to 77% over the quarter.",
         77, None, (61, None)),
        ("Visits to children on child protection plans were 89% in October (this was 94% in "
         "July).", 89, "2020-10", (94, "2020-07")),
        ("Timeliness of initial child protection conferences was 70% in November compared to "
         "58% in August.", 70, "2020-11", (58, "2020-08")),
        ("Pathway planning for care leavers has been on a downward trend since June 2020 "
         "(94% down to 85%).", 85, None, (94, "2020-06")),
        ("Riverbridge's EET rate for care leavers is 52%, up from 47% in May 20.",
         52, None, (47, "2020-05")),
        ("There are 412 children in care, compared with 398 in August.",
         412, None, (398, "2020-08")),
        # an earlier value in brackets named by its financial year
        ("Reviews held on time were 91% this quarter (2019/20: 84%).", 91, None, (84, None)),
        ("The weekly unit cost of a placement is £5,200 (2019-20: £4,900).",
         5200, None, (4900, None)),
        # "compared with N" and an earlier year or period after it
        ("Repeat referrals were 19% this quarter, compared with 23% in 2019/20.",
         19, None, (23, None)),
        ("There were 640 contacts in the quarter, compared with 585 in the same quarter last "
         "year.", 640, None, (585, None)),
        ("Average caseloads were 19 children (target 17), compared with 24 at the last report.",
         19, None, (24, None)),
    ],
)
def test_previous(text: str, value: float, month: str | None,
                  previous: tuple[float, str | None]) -> None:
    fig = one(text)
    assert (fig.value, fig.month) == (value, month)
    assert fig.previous is not None
    assert (fig.previous.value, fig.previous.month) == previous


def test_compared_without_a_month_or_peer_word_is_dropped() -> None:
    found = read("The rate of timely reviews was 30% compared with 40%.")
    assert [f.value for f in found] == [30]
    assert found[0].previous is None and found[0].comparator is None


def test_previous_alone_is_not_a_measure() -> None:
    assert values("It is too early to say whether this matters (this was 17% in September).") == []


def test_qualifiers_are_never_reported_on_their_own() -> None:
    got = values("Short-term stability was 12% in October, worse than the target of 10% and "
                 "statistical neighbours (9%).")
    assert got == [12]


def test_target_and_comparator_from_the_next_sentence() -> None:
    fig = one("In October 14% of children in care had 3 or more placements in a year. Short "
              "term stability was worse than target (11%) and statistical neighbours (10.5%).")
    assert (fig.value, fig.target, fig.comparator) == (14, 11, 10.5)


def test_anaphoric_target_sentence() -> None:
    fig = one("Pathway plans were up to date for 83% of care leavers. The target is 90% and this "
              "is the first month below it.")
    assert (fig.value, fig.target) == (83, 90)


def test_unrelated_next_sentence_keeps_its_target() -> None:
    fig = one("There were 48 agency workers in post in December. The fostering target of 90% "
              "applies to approvals.")
    assert (fig.value, fig.target) == (48, None)


def test_word_fractions_hold_their_qualifiers() -> None:
    got = read("Half of the care leavers in Northshire are in education, employment or training, "
               "up from 43% in June but below target of 55%, with performance for "
               "16-18-year-olds being 49%.")
    assert [(f.value, f.target, f.previous) for f in got] == [(49, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The aim is to reduce re-referrals to 20% by March.",
        "Managers want to increase placement stability to 70% next year.",
        "Work is under way to bring agency staffing down to 15%.",
    ],
)
def test_an_aim_is_a_target_not_a_measure(text: str) -> None:
    assert values(text) == []


def test_continuing_to_improve_is_still_a_measure() -> None:
    fig = one("Assessment timeliness continued to improve, to 78% in September.")
    assert (fig.value, fig.month, fig.target) == (78, "2020-09", None)


def test_an_aim_in_the_next_sentence_becomes_the_target() -> None:
    fig = one("Re-referrals were 26% in October. The target is to reduce this to 22% by March.")
    assert (fig.value, fig.target) == (26, 22)


def test_target_after_a_comma_in_brackets() -> None:
    fig = one("Re-referrals are at 26% (national 22%, target 24%).")
    assert (fig.value, fig.comparator, fig.target) == (26, 22, 24)


def test_respectively_lists_give_no_wrong_month() -> None:
    found = read("Timeliness was 90%, 85% and 80% in August, September and October respectively.")
    assert all(f.month is None for f in found)


def test_a_share_of_a_measure_does_not_take_its_key() -> None:
    fig = one("Half of all re-referrals (52%) come from the police.")
    assert (fig.value, fig.indicator) == (52, None)
    assert fig.label == "re-referrals come from the police"


def test_future_counts_are_not_measures() -> None:
    assert values("Plans for 24 children will be reviewed in November.") == []


@pytest.mark.parametrize(("text", "value", "target", "comparator"), [
    ("Timeliness of single assessments reached 81% in May (target 90%, Inner London 86%).",
     81, 90, 86),
    ("Care leavers in suitable accommodation are 88%, above the London average of 84%.",
     88, None, 84),
    ("The average time to match a child with adopters is 205 days, compared with 180 days for "
     "England.", 205, None, 180),
    ("Contact timeliness is 74% against the local standard of 80%.", 74, 80, None),
])
def test_london_and_england_comparators_and_a_standard_as_target(
        text: str, value: float, target: float | None, comparator: float | None) -> None:
    found = read(text)
    assert [(f.value, f.target, f.comparator) for f in found] == [(value, target, comparator)]


@pytest.mark.parametrize(("text", "value", "previous"), [
    # in brackets, named by its month or period
    ("Strategy discussions within three days reached 88% in May (April: 81%).", 88, 81),
    ("There were 530 children on plans at the end of May (previous quarter: 502).", 530, 502),
    ("Referrals rose to 1,208 in the quarter (Jan-Mar: 1,116).", 1208, 1116),
    ("Re-referrals were 19% in September (Q1: 23%).", 19, 23),
    # after a date, after a comma, or named by its quarter or period
    ("Westby had 402 children in care at 31 October, up from 377 at the end of July.", 402, 377),
    ("Audits rated good rose to 61%, compared with 49% in Q2.", 61, 49),
    ("Agency workers have fallen to 41, from 56 in June.", 41, 56),
    ("Referrals: 980 in the period, compared with 1,020 in the previous period.", 980, 1020),
])
def test_an_earlier_value_in_other_wordings(text: str, value: float, previous: float) -> None:
    found = read(text)
    assert [(f.value, f.previous.value if f.previous else None) for f in found] == [
        (value, previous)]
