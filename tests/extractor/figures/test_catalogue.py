"""The indicator catalogue: required keys, well-formed entries, matching rules."""

from __future__ import annotations

import pytest

from extractor.catalogue import Catalogue, CatalogueEntry, load_catalogue, normalise

REQUIRED = (
    "contacts", "referrals", "re_referrals", "contacts_nfa", "mash_decisions_in_timescale",
    "early_help_assessments", "assessments_in_timescale", "assessments_overdue",
    "assessments_nfa", "initial_visits_in_timescale", "strategy_discussions_in_timescale",
    "s47_enquiries", "s47_in_timescale", "icpc_in_timescale", "cp_plans", "repeat_cp_plans",
    "cp_plans_over_2_years", "cp_visits_in_timescale", "cp_reviews_in_timescale", "cin_plans",
    "cin_visits_in_timescale", "children_in_care", "placement_stability_short_term",
    "placement_stability_long_term", "initial_health_assessments", "review_health_assessments",
    "peps_in_timescale", "care_leavers_in_touch", "care_leavers_suitable_accommodation",
    "care_leavers_eet", "care_leavers_pathway_plans", "care_leavers_seen", "caseload_average",
    "caseloads_manageable", "agency_workers", "agency_rate", "vacancies", "vacancy_rate",
    "staff_turnover", "audits_good_or_better", "audits_requires_improvement", "audits_inadequate",
    "case_supervision", "return_home_interviews", "missing_episodes", "pre_proceedings",
    "care_proceedings", "care_proceedings_within_26_weeks", "care_proceedings_duration",
    "adoption_timeliness", "foster_carer_approvals",
)

UNITS = {"percent", "count", "weeks", "days", "hours", "money", "ratio"}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_every_required_key_is_there(catalogue: Catalogue) -> None:
    assert set(REQUIRED) <= {e.key for e in catalogue}


@pytest.mark.parametrize("key", REQUIRED)
def test_entries_are_well_formed(catalogue: Catalogue, key: str) -> None:
    entry = catalogue.get(key)
    assert entry is not None and entry.label and entry.aliases
    assert entry.unit in UNITS
    assert entry.polarity in ("higher_is_better", "lower_is_better", "neutral")


def test_load_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


def test_polarity_of_rates_that_should_fall(catalogue: Catalogue) -> None:
    for key in ("re_referrals", "repeat_cp_plans", "agency_rate", "audits_inadequate"):
        assert catalogue.get(key).polarity == "lower_is_better"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("Re-referrals within 12 months", "re_referrals"),
        ("the rereferral rate", "re_referrals"),
        ("Timeliness of Initial Strategy Discussions", "strategy_discussions_in_timescale"),
        ("single assessments completed within timescale", "assessments_in_timescale"),
        ("case supervision performance", "case_supervision"),
        ("children with three or more placements", "placement_stability_short_term"),
        ("long-term stability", "placement_stability_long_term"),
        ("care leavers in suitable accommodation", "care_leavers_suitable_accommodation"),
        ("Care leavers who are in education, employment or training",
         "care_leavers_eet"),
        ("audits graded good or outstanding", "audits_good_or_better"),
        ("Return Home Interviews offered", "return_home_interviews"),
        ("children on a protection plan for the second or subsequent time", "repeat_cp_plans"),
        ("child protection plans open for more than 18 months", "cp_plans_over_18_months"),
        ("statutory visits to looked after children within timescale",
         "cic_visits_in_timescale"),
        ("average days from placement order to being matched",
         "adoption_placement_order_to_match"),
        ("cases audited this quarter that were rated good or better", "audits_good_or_better"),
    ],
)
def test_match_finds_the_measure(catalogue: Catalogue, phrase: str, key: str) -> None:
    assert catalogue.match(phrase) == key


@pytest.mark.parametrize("phrase", ["the weather in Riverbridge", "", "performance", "12%"])
def test_match_is_none_for_no_measure(catalogue: Catalogue, phrase: str) -> None:
    assert catalogue.match(phrase) is None


def test_unit_separates_counts_from_rates(catalogue: Catalogue) -> None:
    assert catalogue.match("agency social workers", unit="count") == "agency_workers"
    assert catalogue.match("agency social workers", unit="percent") == "agency_rate"
    assert catalogue.match("agency social workers") is None  # same words, two keys: no guess


def test_whole_needs_the_alias_to_cover_the_label(catalogue: Catalogue) -> None:
    assert catalogue.match("contacts", unit="count", whole=True) == "contacts"
    said = "contacts were considered to require no further action"
    assert catalogue.match(said, unit="count", whole=True) is None


def test_excludes_rule_an_entry_out(catalogue: Catalogue) -> None:
    assert catalogue.match("referrals", unit="count") == "referrals"
    assert catalogue.match("referrals of serious incidents", unit="count") is None


def test_gap_aliases_and_ties() -> None:
    entries = [
        CatalogueEntry("a", "alpha", "percent", "neutral", ("visits ... on time",)),
        CatalogueEntry("b", "beta", "percent", "neutral", ("visits",)),
        CatalogueEntry("c", "gamma", "percent", "neutral", ("visits",)),
    ]
    cat = Catalogue(entries)
    assert cat.match("visits to children made on time") == "a"
    assert cat.match("visits made") is None
    assert len(cat) == 3 and cat.get("zzz") is None


def test_normalise_folds_case_hyphens_and_plurals() -> None:
    assert normalise("Re-Referrals") == ["re", "referral"]
    assert normalise("Vacancies") == ["vacancy"]
    assert normalise("children's plans") == ["children", "plan"]


@pytest.mark.parametrize(
    "phrase", ["agency staffing in the court team", "reliance on agency use",
               "agency usage", "the use of agency locums"],
)
def test_agency_staffing_and_use_are_the_agency_rate(catalogue: Catalogue, phrase: str) -> None:
    assert catalogue.match(phrase, unit="percent") == "agency_rate"


def test_multi_agency_is_not_agency_staff(catalogue: Catalogue) -> None:
    assert catalogue.match("multi-agency use of the MASH", unit="percent") is None
    assert catalogue.match("multi-agency staff trained", unit="percent") is None
