"""The figures a case lead would brief from, on the one real report (cut into paragraphs)."""

from __future__ import annotations

import pytest

from models.report import Indicator
from tests.conftest import SEED_TXT
from tests.extractor.figures.helpers import read_with_warnings

SEED = SEED_TXT

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="seed report not present")


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Indicator], list[str]]:
    text = SEED.read_text(encoding="utf-8")
    found, warnings = read_with_warnings(text)
    return text, found, warnings


def _find(found: list[Indicator], value: float, words: str) -> Indicator:
    hits = [i for i in found if i.value == value and words in (i.sentence or "")]
    assert len(hits) == 1, [(i.value, i.sentence) for i in hits]
    return hits[0]


# value, words of its sentence, month, target, comparator, previous (value, month)
EXPECTED = [
    (30, "30% of audits", "2020-10", 42, None, None),
    (8, "8% as inadequate", "2020-10", 12, None, None),
    (85, "Case supervision performance", "2020-10", None, None, None),
    (83, "83% of single assessments", "2020-10", 85, 82, None),
    (79, "initial strategy discussions", "2020-10", None, None, (85, "2020-06")),
    (63, "63% in October down from 95%", "2020-10", None, None, (95, "2020-06")),
    (79, "progressing under S47", "2020-10", None, None, (91, None)),
    (26, "re-referral rate", "2020-10", None, None, None),
    (18, "3 or more placements", "2020-10", 13, 9.8, None),
    (61, "Long stability", None, 65, 70.1, None),
    (72, "Initial Health Assessment", None, None, None, (47, None)),
    (70, "care leavers(16", "2020-10", None, None, (46, "2020-06")),
    (88, "88 agency workers", "2020-12", None, None, None),
    (22, "22 vacancies", "2020-12", None, None, None),
]


@pytest.mark.parametrize(("value", "words", "month", "target", "comparator", "previous"), EXPECTED)
def test_seed_figures(seed, value, words, month, target, comparator, previous) -> None:  # type: ignore[no-untyped-def]
    fig = _find(seed[1], value, words)
    assert fig.month == month
    assert fig.target == target
    assert fig.comparator == comparator
    if previous is None:
        assert fig.previous is None
    else:
        assert fig.previous is not None
        assert (fig.previous.value, fig.previous.month) == previous


@pytest.mark.parametrize(
    ("value", "words", "key"),
    [
        (30, "30% of audits", "audits_good_or_better"),
        (8, "8% as inadequate", "audits_inadequate"),
        (85, "Case supervision performance", "case_supervision"),
        (83, "83% of single assessments", "assessments_in_timescale"),
        (79, "initial strategy discussions", "strategy_discussions_in_timescale"),
        (79, "progressing under S47", "s47_in_timescale"),
        (26, "re-referral rate", "re_referrals"),
        (18, "3 or more placements", "placement_stability_short_term"),
        (61, "Long stability", "placement_stability_long_term"),
        (72, "Initial Health Assessment", "initial_health_assessments"),
        (70, "care leavers(16", "care_leavers_seen"),
        (88, "88 agency workers", "agency_workers"),
        (22, "22 vacancies", "vacancies"),
    ],
)
def test_seed_catalogue_keys(seed, value, words, key) -> None:  # type: ignore[no-untyped-def]
    assert _find(seed[1], value, words).indicator == key


def test_qualifiers_are_not_reported_as_measures(seed) -> None:  # type: ignore[no-untyped-def]
    text, found, _ = seed
    shown = {text[i.span.start:i.span.end] for i in found if i.span}
    for qualifier in ("82%", "9.8%", "70.1%", "65%", "13%", "42%", "12%"):
        assert qualifier not in shown


def test_spans_point_at_the_figures(seed) -> None:  # type: ignore[no-untyped-def]
    text, found, _ = seed
    for fig in found:
        assert fig.span is not None
        digits = f"{fig.value:g}"
        assert text[fig.span.start:fig.span.end].replace(",", "").startswith(digits)


def test_the_range_is_skipped_with_a_warning(seed) -> None:  # type: ignore[no-untyped-def]
    _, found, warnings = seed
    assert any("16/18%" in w for w in warnings)
    assert not any(i.value in (16, 18) and "16/18" in (i.sentence or "") for i in found)


def test_non_figures_stay_out(seed) -> None:  # type: ignore[no-untyped-def]
    text, found, _ = seed
    shown = [text[i.span.start:i.span.end] for i in found if i.span]
    for junk in ("2018", "2017", "2020", "6", "1", "11", "2", "3", "26"):
        assert junk not in shown
    assert not any(i.unit == "weeks" and i.value == 26 for i in found)
