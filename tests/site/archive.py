"""Fictional reports stored through the archive's API, for the site tests."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.store import open_store
from models import Assessment, Authority, Indicator, Item, Period, Rating, Report

TITLES = {"help_and_protection": "CHILDREN WHO NEED HELP AND PROTECTION",
          "children_in_care": "CHILDREN IN CARE AND ACHIEVING PERMANENCE",
          "adoption": "ADOPTION PERFORMANCE",
          "care_leavers": "THE EXPERIENCE AND PROGRESS OF CARE LEAVERS",
          "leadership": "LEADERSHIP, MANAGEMENT AND GOVERNANCE"}


def report(authority: str, start: str, end: str, *, ratings: dict[str, str | None],
           risks: Sequence[str] = (), going_well: Sequence[str] = (),
           indicators: Sequence[dict[str, Any]] = (), headline: str | None = None) -> Report:
    """A report of ``authority`` (a fictional name) for ``start``..``end``."""
    return Report(
        authority=Authority(name=f"{authority} County Council", canonical=authority),
        period=Period(label=f"{start} to {end}", start=start, end=end),
        headline=headline,
        risks=[Item(text=text) for text in risks],
        going_well=[Item(text=text) for text in going_well],
        assessments=[Assessment(area=area,
                                title=TITLES.get(area, area.replace("_", " ").upper()),
                                rating=Rating(value) if value else None, rating_text=value,
                                summary=f"Summary of {area} in {authority}, {end}.")
                     for area, value in ratings.items()],
        indicators=[Indicator(**{"unit": "percent", "label": fields["indicator"].replace(
            "_", " "), **fields}) for fields in indicators],
    )


def sample_reports() -> list[Report]:
    """Three fictional authorities, two or three periods each; ratings that rise, fall, stay,
    appear, and go unrated."""
    return [
        report("Northshire", "2021-01", "2021-03",
               ratings={"help_and_protection": "RED", "children_in_care": "AMBER",
                        "adoption": "GREEN", "early_help": "RED"},
               risks=["Demand at the front door remains high."],
               indicators=[{"indicator": "re_referrals", "value": 27.0, "month": "2021-03",
                            "target": 22.0},
                           {"indicator": "cp_plans", "value": 512, "unit": "count"}]),
        report("Northshire", "2021-04", "2021-06",
               ratings={"help_and_protection": "RED_AMBER", "children_in_care": "AMBER",
                        "adoption": "GREEN", "early_help": "RED"},
               risks=["Demand at the front door remains high.", "Agency reliance is high."],
               indicators=[{"indicator": "re_referrals", "value": 25.0, "month": "2021-06",
                            "target": 22.0},
                           {"indicator": "cp_plans", "value": 498, "unit": "count"}]),
        report("Northshire", "2021-07", "2021-09",
               ratings={"help_and_protection": "AMBER", "children_in_care": "RED_AMBER",
                        "adoption": "GREEN", "early_help": "RED_AMBER"},
               risks=["Agency reliance is high."],
               going_well=["The MASH redesign has been agreed."],
               indicators=[{"indicator": "re_referrals", "value": 23.5, "month": "2021-09",
                            "target": 22.0},
                           {"indicator": "cp_plans", "value": 470, "unit": "count"}]),
        report("Eastmoor", "2020-07", "2020-12",
               ratings={"help_and_protection": "AMBER", "care_leavers": "RED",
                        "leadership": "AMBER_GREEN"},
               risks=["Sufficiency of placements is a concern."]),
        report("Eastmoor", "2021-01", "2021-03",
               ratings={"help_and_protection": "AMBER", "care_leavers": "RED_AMBER",
                        "leadership": "GREEN", "adoption": "AMBER_GREEN"},
               risks=["Sufficiency of placements is a concern."],
               indicators=[{"indicator": "care_leavers_eet", "value": 48.0, "month": "2021-03"}]),
        report("Riverbridge", "2021-01", "2021-03",
               ratings={"help_and_protection": None, "adoption": "AMBER"},
               risks=["Recruitment of social workers is slow."]),
        report("Riverbridge", "2021-04", "2021-06",
               ratings={"help_and_protection": "RED", "adoption": None},
               risks=["Recruitment of social workers is slow."]),
    ]


def store_reports(db: Path, reports: Sequence[Report]) -> Path:
    """Store ``reports`` in a new archive at ``db`` through the store's API; return ``db``."""
    store = open_store(db, create=True)
    try:
        for number, item in enumerate(reports):
            text = item.to_json()
            name = item.authority.canonical if item.authority else "unknown"
            store.add_report(item, sha256=hashlib.sha256(text.encode()).hexdigest(),
                             path=f"reports/{name.lower()}-{number}.pdf")
    finally:
        store.close()
    return db
