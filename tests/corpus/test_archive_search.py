"""Full-text search: ranking, filters, the latest report per period, query syntax."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.search import search
from models import QuerySyntaxError
from tests.corpus.archive_standin import make_report, store_reports


@pytest.fixture
def archive(archive_db):
    return store_reports(archive_db, {
        "north-1.pdf": make_report(
            "Northshire", "2021-04", "2021-06",
            risks=("Placement sufficiency is a significant concern; placement sufficiency "
                   "drives costs.", "Re-referral rates remain high."),
            going_well=("Children's participation has improved.",),
            ratings={"children_in_care": ("AMBER", "Placement stability is improving."),
                     "leadership": ("GREEN", "The leadership team is stable.")}),
        "north-2.pdf": make_report(
            "Northshire", "2021-07", "2021-09",
            risks=("Sufficiency of local placements remains a risk.",),
            ratings={"children_in_care": ("RED_AMBER", "Placement sufficiency worsened.")}),
        "east-1.docx": make_report(
            "Eastmoor", "2022-01", "2022-03",
            risks=("The ransomware attack delayed reporting for a week.",
                   "A placement for one child was found out of area; sufficiency is a risk."),
            headline="Steady progress on 1:1 supervision."),
    })


def test_every_hit_matches_with_positive_descending_scores(archive):
    result = search(archive, "placement sufficiency")
    scores = [hit.score for hit in result.hits]
    assert result.total == len(result.hits) >= 3
    assert all(score > 0 for score in scores) and scores == sorted(scores, reverse=True)
    assert all("sufficiency" in hit.text.lower() for hit in result.hits)


def test_more_occurrences_in_a_passage_of_the_same_length_rank_higher(tmp_path):
    texts = ("Workforce churn remains high in the assessment teams this quarter.",
             "Workforce churn and workforce gaps remain high in assessment teams.",
             "Staffing remains difficult in the assessment teams this quarter, sadly.")
    db = store_reports(tmp_path / "a.db", {f"{i}.pdf": make_report(
        f"Shire{i}", "2021-01", "2021-03", risks=(text,)) for i, text in enumerate(texts)})
    assert [hit.text for hit in search(db, "workforce").hits] == [texts[1], texts[0]]


def test_stemming_finds_other_forms(archive):
    texts = [hit.text for hit in search(archive, "placements").hits]
    assert "Placement stability is improving." in texts


def test_filters_narrow_the_hits(archive):
    assert {h.authority for h in search(archive, "sufficiency", authority="eastmoor").hits} == {
        "Eastmoor"}
    assert {h.authority for h in search(
        archive, "sufficiency", authority="NORTHSHIRE COUNTY COUNCIL").hits} == {"Northshire"}
    assert {h.section for h in search(archive, "placement", section="assessment").hits} == {
        "assessment"}
    rated = search(archive, "placement", rating="red/amber")
    assert [h.text for h in rated.hits] == ["Placement sufficiency worsened."]
    assert [h.area for h in search(archive, "stable", area="leadership").hits] == ["leadership"]
    assert {h.period.start for h in search(archive, "sufficiency", since="2021-08").hits} == {
        "2021-07", "2022-01"}
    assert {h.period.start for h in search(archive, "sufficiency", until="2021-06").hits} == {
        "2021-04"}


def test_limit_cuts_the_hits_not_the_total(archive):
    result = search(archive, "sufficiency", limit=1)
    assert len(result.hits) == 1 and result.total > 1


def test_only_the_latest_report_of_a_period_is_searched(archive):
    store_reports(archive, {"east-1-corrected.docx": make_report(
        "Eastmoor", "2022-01", "2022-03", risks=("The cyber attack delayed reporting.",))})
    assert search(archive, "ransomware").total == 0
    assert [h.source for h in search(archive, "attack").hits] == ["east-1-corrected.docx"]


@pytest.mark.parametrize("query", ["re-referral", "children's", "1:1", '"placement sufficiency"',
                                   "placement OR ransomware", "suffic*", "NEAR(placement risk, 9)"])
def test_everyday_and_fts5_queries_work(archive, query):
    assert search(archive, query).total >= 1


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "(placement", "", "   "])
def test_queries_that_cannot_be_parsed_are_a_syntax_error(archive, query):
    with pytest.raises(QuerySyntaxError):
        search(archive, query)


@pytest.mark.parametrize("option", [{"rating": "purple"}, {"since": "2021"},
                                    {"until": "2021-13"}, {"section": "gossip"}])
def test_bad_filter_values_are_a_syntax_error(archive, option):
    with pytest.raises(QuerySyntaxError):
        search(archive, "placement", **option)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30))
def test_any_query_either_runs_or_is_a_syntax_error(archive_db_once, query):
    try:
        result = search(archive_db_once, query)
    except QuerySyntaxError:
        return
    assert result.total >= 0


@pytest.fixture(scope="module")
def archive_db_once(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "a.db"
    return store_reports(db, {"x.pdf": make_report(
        "Westvale", "2020-01", "2020-03", risks=("Anything at all: 16+ care, re-referral.",))})


@pytest.mark.parametrize("name", ["St. Eastmoor-on-Sea & Wold's", "Riverbridge, Upper",
                                  "North_Vale"])
def test_authority_filter_finds_names_with_punctuation(archive, name):
    store_reports(archive, {f"{name}.pdf": make_report(
        name, "2022-01", "2022-03", going_well=("Placement sufficiency improved.",),
        ratings={"children_in_care": ("GREEN", "More placements nearby.")})})
    hits = search(archive, "placement", authority=name.upper()).hits
    assert {(h.authority, h.section) for h in hits} == {(name, "going_well"), (name, "assessment")}
    assert [h.section for h in search(archive, "placement", authority=name,
                                      section="going_well").hits] == ["going_well"]
    assert [h.area for h in search(archive, "placement", authority=name,
                                   area="children_in_care").hits] == ["children_in_care"]
