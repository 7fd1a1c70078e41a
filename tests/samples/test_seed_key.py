"""The seed key lists the figures the real Gloucestershire report is known to print."""

from __future__ import annotations

import docx
import pytest

from corpus.answer_key import SAMPLES_DIR, AnswerKey, iter_keys

SEED_KEYS = [key for key in iter_keys() if key.document.startswith("seed/")]

# (text, indicator, month, target, comparator, previous value, previous month)
SEED_FIGURES = [
    ("30%", "audits_good_or_better", "2020-10", 42, None, None, None),
    ("8%", "audits_inadequate", "2020-10", 12, None, None, None),
    ("85%", "case_supervision", "2020-10", None, None, None, None),
    ("83%", "assessments_in_timescale", "2020-10", 85, 82, None, None),
    ("79%", "strategy_discussions_in_timescale", "2020-10", None, None, 85, "2020-06"),
    ("63%", "early_help_assessments", "2020-10", None, None, 95, "2020-06"),
    ("79%", "s47_in_timescale", "2020-10", None, None, 91, None),
    ("26%", "re_referrals", "2020-10", None, None, None, None),
    ("18%", "placement_stability_short_term", "2020-10", 13, 9.8, None, None),
    ("61%", "placement_stability_long_term", None, 65, 70.1, None, None),
    ("72%", "initial_health_assessments", None, None, None, 47, None),
    ("70%", "care_leavers_seen", "2020-10", None, None, 46, "2020-06"),
    ("88", "agency_workers", "2020-12", None, None, None, None),
    ("22", "vacancies", "2020-12", None, None, None, None),
]


def test_the_seed_has_a_key_per_form() -> None:
    assert sorted(k.document.rsplit(".", 1)[1] for k in SEED_KEYS) == ["docx", "pdf", "txt"]
    assert len({k.report.model_dump_json() for k in SEED_KEYS}) == 1


@pytest.mark.parametrize("key", SEED_KEYS, ids=lambda k: k.document)
def test_seed_key_header_and_ratings(key: AnswerKey) -> None:
    report = key.report
    assert report.authority and report.authority.canonical == "Gloucestershire"
    assert report.period and (report.period.start, report.period.end) == ("2020-07", "2020-12")
    assert (report.adviser, report.case_lead) == ("Claire Burgess", "Kellie Knott")
    assert report.next_update and report.next_update.month == "2021-03"
    ratings = {a.area: (a.rating and a.rating.value, a.rating_text) for a in report.assessments}
    assert ratings == {
        "social_work_practice": ("AMBER", "AMBER"),
        "help_and_protection": ("AMBER", "AMBER"),
        "children_in_care": ("AMBER", "AMBER"),
        "adoption": (None, "R/A/G"),
        "care_leavers": ("AMBER", "AMBER"),
        "leadership": ("AMBER_GREEN", "AMBER TO GREEN"),
    }
    assert key.figures_complete is False


@pytest.mark.parametrize("expected", SEED_FIGURES, ids=lambda e: f"{e[1]}={e[0]}")
def test_seed_key_lists_the_known_figures(expected: tuple) -> None:
    text, indicator, month, target, comparator, prev_value, prev_month = expected
    key = SEED_KEYS[0]
    matches = [f for f in key.figures if f.text == text and f.indicator == indicator]
    assert len(matches) == 1
    figure = matches[0]
    assert (figure.month, figure.target, figure.comparator) == (month, target, comparator)
    previous = (figure.previous.value, figure.previous.month) if figure.previous else (None, None)
    assert previous == (prev_value, prev_month)
    assert figure.value == float(text.rstrip("%"))


def test_seed_plan_items_fold_the_lettered_sub_list() -> None:
    rows = {a.area: a for a in SEED_KEYS[0].report.assessments}
    plan = rows["social_work_practice"].plan_items
    assert len(plan) == 5
    assert plan[1].endswith("five key areas: Supervision & Management Oversight Visiting & Direct "
                            "Work Assessment of needs, risks and circumstances Planning & "
                            "Reviewing Case recording")
    assert plan[2].endswith("to deliver practice & performance improvements.")
    assert rows["adoption"].plan_items == [
        "This are is not part of the Improvement Plan and is monitored as business as usual."
    ]


def test_the_seed_docx_uses_real_word_lists() -> None:
    document = docx.Document(str(SAMPLES_DIR / "seed" / "gloucestershire-2020-12.docx"))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles.count("List Bullet") >= 14 and styles.count("List Bullet 2") == 3
    area_cell = document.tables[1].rows[1].cells[0]
    levels = [p._p.pPr.numPr.ilvl.val for p in area_cell.paragraphs if p._p.pPr is not None
              and p._p.pPr.numPr is not None]
    assert levels.count(0) == 5 and levels.count(1) == 5
    rating_cell = document.tables[1].rows[1].cells[1]
    assert rating_cell.text == "AMBER"
    assert 'w:fill="FFC000"' in rating_cell._tc.xml
