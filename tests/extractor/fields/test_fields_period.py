"""Reporting periods and update months in the wordings house styles use."""

from __future__ import annotations

import pytest

from extractor.fields import covered_period, parse_month, parse_period

# (label, start, end)
PERIODS = [
    ("July to December 2020", "2020-07", "2020-12"),
    ("july to december 2020.", "2020-07", "2020-12"),
    ("  JULY   TO DECEMBER 2020 ", "2020-07", "2020-12"),
    ("Q3 2021/22", "2021-10", "2021-12"),
    ("Q4 2021/22", "2022-01", "2022-03"),
    ("Q1 2020-21", "2020-04", "2020-06"),
    ("Quarter 2 2019/2020", "2019-07", "2019-09"),
    ("Q3 FY21/22", "2021-10", "2021-12"),
    ("2022/23 Q2", "2022-07", "2022-09"),
    ("Q1-Q2 2022/23", "2022-04", "2022-09"),
    ("2nd Quarter 2021/22", "2021-07", "2021-09"),
    ("Quarter Two 2021/22", "2021-07", "2021-09"),
    ("third quarter of 2021", "2021-07", "2021-09"),
    ("20/21 Q2", "2020-07", "2020-09"),
    ("Q3 2021", "2021-07", "2021-09"),
    ("Q3 (Oct-Dec) 2021", "2021-10", "2021-12"),
    ("Q4 2021/22 (January to March)", "2022-01", "2022-03"),
    ("Spring 2024 (January to March)", "2024-01", "2024-03"),  # the months in brackets say
    ("Winter 2023-24 (December to February)", "2023-12", "2024-02"),
    ("Summer term: April to July 2021", "2021-04", "2021-07"),
    ("Q1 2023", "2023-01", "2023-03"),
    ("April – June 2022", "2022-04", "2022-06"),
    ("April - June 2022", "2022-04", "2022-06"),
    ("Sept-Nov 2019", "2019-09", "2019-11"),
    ("Sep to Nov 2019", "2019-09", "2019-11"),
    ("November 2020 to January 2021", "2020-11", "2021-01"),
    ("November to January 2021", "2020-11", "2021-01"),
    ("December 2020 to February", "2020-12", "2021-02"),
    ("Dec 2020 – Feb 2021", "2020-12", "2021-02"),
    ("Dec 20 – Feb 21", "2020-12", "2021-02"),
    ("5 September – 17 October 2025", "2025-09", "2025-10"),  # 17 is a day, not 2017
    ("Apr-Jun 22", "2022-04", "2022-06"),
    ("Jun-22 to Aug-22", "2022-06", "2022-08"),
    ("Jul – Dec '20", "2020-07", "2020-12"),
    ("Reporting period: 1st April – 30th June 2022", "2022-04", "2022-06"),
    ("Between 1 April and 30 June 2021", "2021-04", "2021-06"),
    ("January 2022", "2022-01", "2022-01"),
    ("Jan. 2022", "2022-01", "2022-01"),
    ("01/07/2020 - 31/12/2020", "2020-07", "2020-12"),
    ("1.7.2020 to 31.12.2020", "2020-07", "2020-12"),
    ("01/07/20 - 31/12/20", "2020-07", "2020-12"),
    ("1 July 2020 to 31 December 2020", "2020-07", "2020-12"),
    ("1st July 2020 – 31st December 2020", "2020-07", "2020-12"),
    ("Period: 14 September 2021 to 25 October 2021", "2021-09", "2021-10"),
    ("2021-03", "2021-03", "2021-03"),
    ("07/2021 - 09/2021", "2021-07", "2021-09"),
    ("Summer 2021", "2021-06", "2021-08"),
    ("Winter 2020", "2020-12", "2021-02"),
    ("Winter 2020/21", "2020-12", "2021-02"),
    ("Autumn term 2021", "2021-09", "2021-12"),
    ("Spring term 2021/22", "2022-01", "2022-03"),
    ("2021/22", "2021-04", "2022-03"),
    ("2021", "2021-01", "2021-12"),
    ("2020: July to December", "2020-07", "2020-12"),
    ("Report 3 of 4 – February to April 2023", "2023-02", "2023-04"),
    ("Febuary to March 2022", "2022-02", "2022-03"),
    ("Six weeks to 9 June 2023", "2023-04", "2023-06"),
    ("8 weeks ending 31/10/2021", "2021-09", "2021-10"),
    ("A six-week period up to 20th January 2022", "2021-12", "2022-01"),
    ("4 weeks to week ending 28 February 2022", "2022-01", "2022-02"),
]


@pytest.mark.parametrize(("label", "start", "end"), PERIODS)
def test_parse_period(label: str, start: str, end: str) -> None:
    period = parse_period(label)
    assert period is not None
    assert (period.start, period.end) == (start, end)
    assert period.label == " ".join(label.split())


@pytest.mark.parametrize("label", ["", "TBC", "6 weekly report", "July to December", "N/A",
                                   "July 2021 to June 2020", "Q5 2021"])
def test_labels_without_datable_months_give_none(label: str) -> None:
    assert parse_period(label) is None


def test_reference_year_completes_a_label_without_a_year() -> None:
    period = parse_period("July to December", reference_year=2020)
    assert period is not None and (period.start, period.end) == ("2020-07", "2020-12")
    period = parse_period("November to January", reference_year=2021)
    assert period is not None and (period.start, period.end) == ("2020-11", "2021-01")


def test_a_year_in_the_label_beats_the_reference_year() -> None:
    period = parse_period("July to December 2020", reference_year=2023)
    assert period is not None and period.start == "2020-07"


@pytest.mark.parametrize(
    ("label", "month"),
    [
        ("MARCH 2021", "2021-03"),
        ("w/c 15 March 2021", "2021-03"),
        ("15/03/2021", "2021-03"),
        ("Mar-21", "2021-03"),
        ("Mar 21", "2021-03"),
        ("March 15, 2021", "2021-03"),
        ("Early April 2022", "2022-04"),
        ("end of June 2020", "2020-06"),
        ("tbc – likely Sept 2022", "2022-09"),
        ("January/February 2022", "2022-01"),
        ("2022-05-10", "2022-05"),
    ],
)
def test_parse_month(label: str, month: str) -> None:
    assert parse_month(label) == month


@pytest.mark.parametrize("label", ["TBC", "", "To be agreed", "March", "next quarter"])
def test_parse_month_without_a_datable_month(label: str) -> None:
    assert parse_month(label) is None


def test_parse_month_uses_the_reference_year() -> None:
    assert parse_month("March", reference_year=2024) == "2024-03"


@pytest.mark.parametrize(("label", "after", "month"), [
    ("March", "2020-12", "2021-03"),
    ("December", "2020-12", "2020-12"),
    ("February 2021", "2021-06", "2021-02"),  # a stated year is kept, even if earlier
    ("TBC", "2020-12", None),
    ("March", "not a month", None),
])
def test_parse_month_after_the_period(label: str, after: str, month: str | None) -> None:
    assert parse_month(label, after=after) == month


@pytest.mark.parametrize(("text", "label"), [
    ("9 May 2025 (covering February to April 2025)", "February to April 2025"),
    ("This note covers Northby's progress from July to September 2024.",
     "July to September 2024"),
    ("For the period: 1 January – 31 March 2026", "1 January – 31 March 2026"),
    ("The plan covers every team in the service.", None),
    ("This report covers the work of the front door, the assessment teams and the children in "
     "care service between March and June 2024.", None),
    ("12 March 2025", None),
    # the covered months, then the rest of the sentence
    ("It covers March and April 2026 and was written by Jo Bell for the board.",
     "March and April 2026"),
])
def test_the_period_a_text_says_it_covers(text: str, label: str | None) -> None:
    assert covered_period(text) == label


@pytest.mark.parametrize(("label", "start", "end"), [
    ("w/e 28 March 2025 (six-weekly)", "2025-02", "2025-03"),
    ("Week ending 30/05/2025 - 6-weekly update", "2025-04", "2025-05"),
])
def test_a_week_ending_date_of_a_six_weekly_report(label: str, start: str, end: str) -> None:
    period = parse_period(label)
    assert period is not None and (period.start, period.end) == (start, end)
