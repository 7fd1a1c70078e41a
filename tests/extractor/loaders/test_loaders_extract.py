"""Whole fictional reports in markdown and HTML through extract(): the loaders give the segmenter
what it needs in every text format, not only in the formats the samples come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"


@pytest.fixture(scope="module", params=["eastmoor_full_report.md", "riverbridge_full_report.html"])
def report(request):
    return extract(FIXTURES / request.param)


EXPECTED = {
    "Eastmoor": {
        "period": ("2033-10", "2033-12"),
        "people": ("Ada Fictional", "Bo Example"),
        "counts": (3, 2, 2, 1),
        "ratings": {
            "social_work_practice": "AMBER", "help_and_protection": "AMBER",
            "children_in_care": "RED", "adoption": "GREEN", "care_leavers": "AMBER_GREEN",
            "leadership": "AMBER_GREEN",
        },
        "next": "2034-03",
    },
    "Riverbridge": {
        "period": ("2031-04", "2031-06"),
        "people": ("Imogen Example", "Cal Sample"),
        "counts": (3, 2, 2, 1),
        "ratings": {
            "help_and_protection": "RED_AMBER", "children_in_care": "AMBER", "adoption": "GREEN",
            "care_leavers": "RED", "leadership": "AMBER",
        },
        "next": "2031-09",
    },
}


def test_header_fields(report):
    expected = EXPECTED[report.authority.canonical]
    assert (report.period.start, report.period.end) == expected["period"]
    assert (report.adviser, report.case_lead) == expected["people"]
    assert report.next_update.month == expected["next"]


def test_bullet_sections_fold_sub_bullets_into_their_item(report):
    counts = (len(report.going_well), len(report.risks), len(report.coming_up),
              len(report.additional_info))
    assert counts == EXPECTED[report.authority.canonical]["counts"]


def test_assessment_ratings_from_text_or_fill(report):
    ratings = {a.area: a.rating.name if a.rating else None for a in report.assessments}
    assert ratings == EXPECTED[report.authority.canonical]["ratings"]


def test_plan_items_come_from_list_items_in_the_area_cell(report):
    first = report.assessments[0]
    assert len(first.plan_items) == 2
    assert all(item and item[0].isupper() for item in first.plan_items)


def test_a_date_in_the_authority_field_is_not_taken_for_its_name(tmp_path: Path) -> None:
    text = ("LA INTERVENTION ADVISER HIGHLIGHT REPORT\n\nLocal authority: 01/10/2032 to "
            "31/12/2032\n\nFenmouth City Council has made progress.\n\n"
            "HEADLINE MESSAGES FOR THE MINISTER\n\nSteady progress.\n\n"
            "RISKS AND CONCERNS\n\n- Court delays persist.\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = extract(path)
    assert report.authority is not None and report.authority.canonical == "Fenmouth"
    assert any("not a name" in warning for warning in report.warnings)
