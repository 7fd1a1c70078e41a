"""Area keys: any wording of the five Ofsted judgement areas, else the title's slug."""

from __future__ import annotations

import pytest

from extractor.fields import OFSTED_AREA_KEYS, area_key, unique_area_keys

OFSTED = [
    ("CHILDREN IN NEED OF HELP AND PROTECTION", "help_and_protection"),
    ("Children who need help and protection", "help_and_protection"),
    ("The experiences and progress of children who need help and protection",
     "help_and_protection"),
    ("Childen in need of help and protection:", "help_and_protection"),
    ("Children in need of help, protection and care", "help_and_protection"),
    ("CHILDREN LOOKED AFTER OR ACHIEVING PERMANENCE", "children_in_care"),
    ("Children looked after and achieving permanence", "children_in_care"),
    ("Children in care", "children_in_care"),
    ("Children in care:", "children_in_care"),
    ("Looked after children and achieving permanence", "children_in_care"),
    ("children in care and care leavers", "children_in_care"),
    ("The experiences and progress of children in care and care leavers", "children_in_care"),
    ("ADOPTION PERFORMANCE", "adoption"),
    ("Adoption", "adoption"),
    ("Adoption performance:", "adoption"),
    ("Ofsted judgement: Adoption", "adoption"),
    ("OFSTED AREA 3: ADOPTION", "adoption"),
    ("Judgement area iv - Care leavers", "care_leavers"),
    ("ii. Adoption", "adoption"),
    ("EXPERIENCE AND PROGRESS OF CARE LEAVERS", "care_leavers"),
    ("Experiences and progress of care leavers", "care_leavers"),
    ("Care leavers", "care_leavers"),
    ("1. Care Leavers", "care_leavers"),
    ("• Care leavers", "care_leavers"),
    ("LEADERSHIP, MANAGEMENT AND GOVERNANCE", "leadership"),
    ("Leadership, management & governance", "leadership"),
    ("Leadership, Management and Governance (incl. partnerships)", "leadership"),
    ("Leadership, governance and partnerships", "leadership"),
    ("Adoption and special guardianship", "adoption"),
    ("Impact of leaders", "leadership"),
    ("The impact of leaders on social work practice with children and families", "leadership"),
    ("ADOPTION PERFORMANCE This area is not part of the Improvement Plan", "adoption"),
]

SLUGS = [
    ("SOCIAL WORK PRACTICE", "social_work_practice"),
    ("Social work practice:", "social_work_practice"),
    ("Early Help & the Front Door", "early_help_and_the_front_door"),
    ("Workforce", "workforce"),
    ("Children in need", "children_in_need"),
    ("Permanence planning", "permanence_planning"),
    ("Leadership capacity", "leadership_capacity"),
    ("Partnership working (health & police)", "partnership_working"),
    ("Children’s Services Academy", "childrens_services_academy"),
    ("2 year olds", "2_year_olds"),
    ("Café provision – MASH", "cafe_provision_mash"),
]


@pytest.mark.parametrize(("title", "key"), OFSTED)
def test_ofsted_areas_get_their_stable_key(title: str, key: str) -> None:
    assert area_key(title) == key


@pytest.mark.parametrize(("title", "key"), SLUGS)
def test_other_rows_get_their_slug(title: str, key: str) -> None:
    assert area_key(title) == key


def test_case_and_punctuation_do_not_change_the_key() -> None:
    for title, key in OFSTED + SLUGS:
        assert area_key(title.upper()) == key
        assert area_key(f"  {title.lower()} : ") == key


def test_the_five_ofsted_keys() -> None:
    assert set(OFSTED_AREA_KEYS) == {
        "help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership",
    }


@pytest.mark.parametrize("title", ["", "   ", "!!!", "()"])
def test_empty_titles_get_a_placeholder_key(title: str) -> None:
    assert area_key(title) == "untitled"


def test_rows_under_one_ofsted_area_keep_keys_of_their_own() -> None:
    titles = ["Children looked after", "Children looked after – health",
              "Children looked after – education", "Adoption", "Adoption"]
    assert unique_area_keys(titles) == [
        "children_in_care", "children_looked_after_health", "children_looked_after_education",
        "adoption", "adoption_2"]
