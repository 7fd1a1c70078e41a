"""House styles the sample archive does not use, in DOCX and in the PDF Word-like export.

The "framed" style (tests/fixtures/house_styles/make_framed.py) puts every section inside one
bordered table, the header in a 4-column grid, risks as a numbered list, ratings as shading
only and the next update in a "label | value" row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from models import Rating

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "house_styles"


@pytest.mark.parametrize("name", ["framed.docx", "framed.pdf"])
def test_framed_template(name: str) -> None:
    report = extract(FIXTURES / name)
    assert report.authority is not None and report.authority.canonical == "Stonebridge"
    assert report.period is not None and (report.period.start, report.period.end) == (
        "2022-04", "2022-05")
    assert (report.adviser, report.case_lead) == ("Morgan Hale", "Ola Benton")
    assert report.next_update is not None and report.next_update.month == "2022-07"
    assert report.headline == "Leadership is now stable and the pace of change has lifted."
    assert len(report.going_well) == 2 and len(report.risks) == 3
    assert report.coming_up == ["Ofsted monitoring visit in June."]
    assert [(a.area, a.rating, a.rating_text) for a in report.assessments] == [
        ("early_help_and_family_support", Rating.AMBER, "fill:#FFC000"),
        ("help_and_protection", Rating.AMBER_GREEN, "fill:#92D050"),
        ("children_in_care", Rating.RED, "fill:#FF0000"),
        ("leadership", Rating.GREEN, "fill:#00B050"),
    ]
    assert all(a.plan_items == ["Improvement plan priority 2"] for a in report.assessments)
    strategy = next(i for i in report.indicators if i.value == 88)
    assert (strategy.month, strategy.previous and strategy.previous.value) == ("2022-05", 79)
