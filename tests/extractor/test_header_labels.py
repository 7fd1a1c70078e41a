"""Header-field labels and section headings as advisers write them: the role with the DfE after
it, in brackets or with "at", in a label | value table row, as a "Label: value" line or in a
sentence; first-person section headings."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.segment import segment
from extractor.template import load_template
from tests.extractor.layouts import build

T = load_template()


@pytest.mark.parametrize(("label", "field"), [
    ("Case Lead (DfE)", "case_lead"), ("CASE LEAD, DFE", "case_lead"),
    ("Case lead at the DfE", "case_lead"), ("Case lead for DfE:", "case_lead"),
    ("Case manager (DfE)", "case_lead"), ("DfE case lead", "case_lead"),
    ("Adviser (DfE)", "adviser"), ("Intervention Adviser - DfE", "adviser"),
    ("Period covered", "period"), ("Local authority", "authority"),
])
def test_role_then_dfe_labels(label: str, field: str) -> None:
    assert T.match_field_label(label) == field


@pytest.mark.parametrize("text", ["Case study", "Lead member", "DfE", "Leads at DfE meeting"])
def test_near_misses_are_not_labels(text: str) -> None:
    assert T.match_field_label(text) is None


def test_dfe_after_the_role_in_a_table_row_and_an_inline_line() -> None:
    layout = build(
        ("row", [["Authority"], ["Northshire County Council"]]),
        ("row", [["Case lead at the DfE"], ["Tomasz Nowak"]]),
    )
    assert segment(layout, T).fields["case_lead"].text == "Tomasz Nowak"

    layout = build("Local authority: Eastmoor", "Case Lead (DfE):\tRuth Adebayo",
                   "HEADLINE MESSAGES", "All is well.")
    fields = segment(layout, T).fields
    assert fields["case_lead"].text.strip() == "Ruth Adebayo"
    assert fields["authority"].text.strip() == "Eastmoor"


@pytest.mark.parametrize(("label", "field"), [
    ("DfE lead official", "case_lead"), ("Independent adviser", "adviser"),
    ("Quarter", "period"), ("Prepared by", "adviser"),
])
def test_more_label_spellings(label: str, field: str) -> None:
    assert T.match_field_label(label) == field


def test_cells_that_hold_a_label_over_its_value() -> None:
    layout = build(("row", [["Council", "Northby Vale Council"], ["Quarter", "Q2 2024/25"],
                            ["DfE lead official", "Idris Fenn"]]))
    fields = segment(layout, T).fields
    assert {name: run.text for name, run in fields.items()} == {
        "authority": "Northby Vale Council", "period": "Q2 2024/25", "case_lead": "Idris Fenn"}


def test_a_header_table_of_inline_labels_and_labels_split_by_a_bullet() -> None:
    layout = build(("row", [["Northby Vale Council"], ["Adviser: Tamsin Reed"]]),
                   "Quarter: Q2 2024/25 \u2022 DfE case lead: Idris Fenn",
                   ("h", "Headline messages"), "All is well.")
    fields = segment(layout, T).fields
    assert {name: run.text for name, run in fields.items()} == {
        "adviser": "Tamsin Reed", "period": "Q2 2024/25", "case_lead": "Idris Fenn"}


def test_a_title_block_without_labels(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Northby Vale Council\n\n"
                    "Children's services intervention: adviser highlight report\n\n"
                    "1 July 2024 to 30 September 2024\n\n"
                    "Prepared by Tamsin Reed, DfE Children's Services Adviser  |  "
                    "Idris Fenn, DfE Case Lead\n\n"
                    "Headline messages\n\nNorthby Vale is improving.\n\n"
                    "Risks and concerns\n\n- Caseloads are high at 24 per worker.\n",
                    encoding="utf-8")
    report = extract(path)
    assert report.authority is not None and report.authority.name == "Northby Vale Council"
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2024-07", "2024-09")
    assert (report.adviser, report.case_lead) == ("Tamsin Reed", "Idris Fenn")


def test_the_period_in_one_column_of_a_running_header_line(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Northby Vale Council  \u00b7  Adviser highlight report  \u00b7  "
                    "01/05/2024 \u2013 30/06/2024\n\n"
                    "Headline messages\n\nNorthby Vale is improving.\n\n"
                    "Risks and concerns\n\n- Caseloads are high at 24 per worker.\n",
                    encoding="utf-8")
    report = extract(path)
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2024-05", "2024-06")


def test_a_title_sentence_naming_people_by_their_roles_in_brackets(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Adviser highlight report\n\n"
                    "This update, written by Dr Tamsin Reed (DfE Children's Services Adviser) "
                    "for Idris Fenn (DfE case lead), covers Northby Vale Council's work from "
                    "October to December 2024.\n\n"
                    "Headline messages\n\nNorthby Vale is improving.\n\n"
                    "Risks and concerns\n\n- Caseloads are high at 24 per worker.\n",
                    encoding="utf-8")
    report = extract(path)
    assert (report.adviser, report.case_lead) == ("Dr Tamsin Reed", "Idris Fenn")
    assert report.authority is not None and report.authority.name == "Northby Vale Council"
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2024-10", "2024-12")


def test_the_period_a_report_date_says_it_covers(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Adviser highlight report\n\nCouncil: Northby Vale Council\n\n"
                    "Report date: 4 June 2025 (covering March to May 2025)\n\n"
                    "Headline messages\n\nNorthby Vale is improving.\n", encoding="utf-8")
    report = extract(path)
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2025-03", "2025-05")


def test_first_person_headings_and_a_line_introducing_the_list(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Adviser highlight report\n\nLocal authority: Northby Vale Council\n\n"
                    "Where progress is good\n\n- Audits are better.\n\n"
                    "Where I am concerned\n\n"
                    "The risks below are my assessment; the mitigations are the council's.\n\n"
                    "- Caseloads are too high.\n- Agency use is rising.\n", encoding="utf-8")
    report = extract(path)
    assert [i.text for i in report.going_well] == ["Audits are better."]
    assert [i.text for i in report.risks] == ["Caseloads are too high.", "Agency use is rising."]


def test_a_value_that_runs_into_the_next_label_is_cut_there(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Adviser highlight report\n\nLocal authority\n"
                    "Northby Vale Council Adviser Tamsin Reed\n\n"
                    "Headline messages\n\nNorthby Vale is improving.\n", encoding="utf-8")
    report = extract(path)
    assert report.authority is not None and report.authority.name == "Northby Vale Council"
    assert any("runs into another field's label" in w for w in report.warnings)


def test_the_period_the_headline_says_the_report_covers(tmp_path) -> None:
    path = tmp_path / "northby.txt"
    path.write_text("Adviser highlight report\n\nLocal authority: Northby Vale Council\n\n"
                    "Date: 9 June 2025\n\nHeadline messages\n\n"
                    "This report covers April and May 2025. Northby Vale is improving.\n",
                    encoding="utf-8")
    report = extract(path)
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2025-04", "2025-05")
