"""Where a header line's label ends and its value starts (extractor.fields.labels)."""

from __future__ import annotations

import pytest

from extractor.fields.labels import read_bracketed_roles, read_label_line
from extractor.template import load_template

LABELS = {"local authority": "authority", "authority": "authority", "period": "period",
          "reporting period": "period", "adviser": "adviser", "case lead": "case_lead",
          "dfe case lead": "case_lead"}


def label_of(text: str) -> str | None:
    return LABELS.get(" ".join(text.lower().replace(":", " ").split()))


def read(text: str) -> list[tuple[str, str]]:
    return [(p.name, text[p.start:p.end]) for p in read_label_line(text, label_of)]


@pytest.mark.parametrize(("line", "expected"), [
    ("Adviser: Sam Okafor", [("adviser", "Sam Okafor")]),
    ("Adviser:\tSam Okafor", [("adviser", "Sam Okafor")]),
    ("Adviser\tSam Okafor", [("adviser", "Sam Okafor")]),
    ("ADVISER   Sam Okafor", [("adviser", "Sam Okafor")]),
    ("Adviser \u2013 Sam Okafor", [("adviser", "Sam Okafor")]),
    ("Adviser - Sam Okafor", [("adviser", "Sam Okafor")]),
    ("Adviser \u2014 Sam Okafor", [("adviser", "Sam Okafor")]),
    ("Period -- Q1 2024/25", [("period", "Q1 2024/25")]),
    # a dash inside the value of a column line stays in the value
    ("PERIOD        April \u2013 June 2024", [("period", "April \u2013 June 2024")]),
    ("Reporting period:   Oct - Dec 2021", [("period", "Oct - Dec 2021")]),
    # two columns of label and value on one line
    ("ADVISER      Sam Okafor      DfE CASE LEAD      Priya Shah",
     [("adviser", "Sam Okafor"), ("case_lead", "Priya Shah")]),
    ("Adviser: Sam Okafor    Case lead: Priya Shah",
     [("adviser", "Sam Okafor"), ("case_lead", "Priya Shah")]),
    # a blank value column: the next label is not the value
    ("LOCAL AUTHORITY      PERIOD      Q2 2022/23", [("period", "Q2 2022/23")]),
    # a tab between two pairs turned into one space by a converter
    ("Adviser: Sam Okafor DfE case lead: Priya Shah",
     [("adviser", "Sam Okafor"), ("case_lead", "Priya Shah")]),
    ("Local authority: Eastmoor Borough; reporting period: Q2 2022/23",
     [("authority", "Eastmoor Borough"), ("period", "Q2 2022/23")]),
    # a colon after a word of the same field's label inside its value is no second pair
    ("Period: the period: see note", [("period", "the period: see note")]),
])
def test_label_lines(line: str, expected: list[tuple[str, str]]) -> None:
    assert read(line) == expected


@pytest.mark.parametrize("line", [
    "", "ADVISER", "Adviser:", "Adviser -", "The adviser met the DCS - a good meeting",
    "Headlines \u2013 the front door is improving",
    "Authority \u2013 " + "leaders have worked hard on recruitment and the new academy " * 2,
    "Sam Okafor      Priya Shah",
    "Progress is steady.",
])
def test_not_label_lines(line: str) -> None:
    assert read(line) == []


def test_a_value_followed_by_a_stray_column_is_dropped() -> None:
    # A wrapped value spilled into the line: the column before the stray one is not trusted.
    line = "AUTHORITY    Eastmoor Borough    PERIOD    July to September Council    2023"
    assert read(line) == [("authority", "Eastmoor Borough")]


def test_offsets_point_into_the_line() -> None:
    line = "  DfE case lead \u2013  Priya Shah  "
    (pair,) = read_label_line(line, label_of)
    assert line[pair.start:pair.end] == "Priya Shah"


def test_with_the_template_labels() -> None:
    labels = load_template().match_field_label
    pairs = read_label_line("LA intervention adviser \u2013 Jo Bloggs", labels)
    assert [(p.name, p.start) for p in pairs] == [("adviser", 26)]
    assert read_label_line("Case lead (DfE) - A. N. Other", labels)[0].name == "case_lead"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("This report, prepared by Ruth Amble (adviser) for Tom Reyes (case lead), covers "
     "May.", [("adviser", "Ruth Amble"), ("case_lead", "Tom Reyes")]),
    ("It has been prepared by Ruth Amble, adviser, for Tom Reyes, case lead, and the Minister.",
     [("adviser", "Ruth Amble"), ("case_lead", "Tom Reyes")]),
    ("Progress in Westering, Adviser visits and Case Lead, were discussed.", []),
])
def test_people_named_with_their_roles_in_a_sentence(sentence: str,
                                                     expected: list[tuple[str, str]]) -> None:
    assert [(p.name, sentence[p.start:p.end])
            for p in read_bracketed_roles(sentence, label_of)] == expected
