"""extract on the reports of the second and third blind compare sets (tests/fixtures/
compare_pairs_2 and _3), both as DOCX and as their LibreOffice PDFs: three house styles (header
table, labelled lines, stacked bold labels; "Areas of strength" / "Key risks"; sentence-case
area titles), keyed by hand."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from extractor import extract
from models import Report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FOLDERS = ("compare_pairs_2", "compare_pairs_3")
KEYS: dict[str, dict] = {
    name: {**report, "folder": folder} for folder in FOLDERS for name, report in json.loads(
        (FIXTURES / folder / "key.json").read_text(encoding="utf-8"))["reports"].items()}
OFSTED = ("help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership")
CASES = [(name, suffix) for name in KEYS for suffix in (".docx", ".pdf")]


@cache
def _report(name: str, suffix: str) -> Report:
    return extract(FIXTURES / KEYS[name]["folder"] / f"{name}{suffix}")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_header_fields(name: str, suffix: str) -> None:
    key, report = KEYS[name], _report(name, suffix)
    assert report.authority is not None and report.period is not None
    assert report.authority.name == key["authority"]
    assert report.period.label == key["period"]
    assert (report.adviser, report.case_lead) == (key["adviser"], key["case_lead"])


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_going_well_and_risks_word_for_word(name: str, suffix: str) -> None:
    key, report = KEYS[name], _report(name, suffix)
    for section in ("going_well", "risks"):
        assert [_norm(i.text) for i in getattr(report, section)] == [
            _norm(text) for _, text in key[section]], section


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_every_area_once_with_its_rating(name: str, suffix: str) -> None:
    key, report = KEYS[name], _report(name, suffix)
    ratings = {a.area: a.rating.value if a.rating else None for a in report.assessments}
    assert len(ratings) == len(report.assessments)
    assert {area: ratings.get(area) for area in OFSTED} == key["ratings"]
    priorities = Counter(rating for area, rating in ratings.items() if area not in OFSTED)
    assert priorities == Counter(key.get("priority_ratings", {}).values())
