"""Similar items across authorities, and themes among the current risks."""

from __future__ import annotations

import pytest

from corpus.similar import similar
from corpus.themes import themes
from tests.corpus.archive_standin import make_report, store_reports

FOSTER = (
    "There are not enough local foster carers, so children are placed far from home.",
    "A shortage of foster carers locally means children live in placements out of the area.",
    "Recruitment of foster carers has stalled and more children are placed out of area.",
)
AGENCY = (
    "Reliance on agency social workers is high and caseloads are rising.",
    "The agency social worker rate has risen again and caseloads are too high in two teams.",
    "High caseloads and agency social workers leaving make practice inconsistent.",
)


@pytest.fixture
def archive(archive_db):
    reports = {}
    names = ["Northshire", "Eastmoor", "Riverbridge"]
    for index, name in enumerate(names):
        reports[f"{name}-old.pdf"] = make_report(
            name, "2020-01", "2020-03", risks=("Flooding closed the council offices.",))
        reports[f"{name}-new.pdf"] = make_report(
            name, "2020-04", "2020-06", risks=(FOSTER[index], AGENCY[index]),
            going_well=("More foster carers were approved than last year.",))
    return store_reports(archive_db, reports)


def test_similar_finds_the_same_point_in_other_words_across_authorities(archive):
    result = similar(archive, "Not enough foster carers nearby, children placed far from home")
    texts = [hit.text for hit in result.hits]
    assert set(FOSTER) <= set(texts)
    assert not set(AGENCY) & set(texts)
    assert {hit.authority for hit in result.hits if hit.text in FOSTER} == {
        "Northshire", "Eastmoor", "Riverbridge"}
    sections = [hit.section for hit in result.hits]
    assert sections == sorted(sections, key=lambda s: s != "risks")  # risks first
    assert all(0 < hit.score <= 1 for hit in result.hits)


def test_similar_leaves_out_the_text_itself_and_respects_filters(archive):
    result = similar(archive, FOSTER[0], authority="Eastmoor")
    assert FOSTER[0] not in [hit.text for hit in result.hits]
    assert {hit.authority for hit in result.hits} <= {"Eastmoor"}
    assert similar(archive, "completely unrelated words about weather", threshold=0.99).total == 0


def test_themes_group_current_risks_by_topic(archive):
    found = themes(archive)
    groups = {frozenset(item.text for item in theme.items) for theme in found}
    assert frozenset(FOSTER) in groups and frozenset(AGENCY) in groups
    assert all("Flooding" not in item.text for theme in found for item in theme.items)
    foster = next(t for t in found if FOSTER[0] in {i.text for i in t.items})
    assert "foster" in " ".join(foster.terms)
    assert foster.size == 3 and foster.authorities == ["Eastmoor", "Northshire", "Riverbridge"]


def test_themes_are_deterministic(archive):
    assert [t.model_dump() for t in themes(archive)] == [t.model_dump() for t in themes(archive)]


def test_themes_of_an_empty_archive_are_empty(archive_db):
    assert themes(store_reports(archive_db, {})) == []
