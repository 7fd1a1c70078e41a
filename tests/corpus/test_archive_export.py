"""CSV export: tidy rows, every field, and no spreadsheet formulas."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.export import COLUMNS, export, safe_cell
from models import Indicator, PreviousValue, Span
from tests.corpus.archive_standin import make_report, store_reports


@pytest.fixture
def archive(archive_db):
    report = make_report(
        "Northshire", "2021-04", "2021-06", headline="=HYPERLINK(\"http://evil\")",
        risks=("+44 agency workers", "@SUM(A1:A2) risk"), going_well=("-3 re-referrals",),
        ratings={"leadership": ("AMBER_GREEN", "Stable."), "adoption": (None, "")})
    report.indicators.append(Indicator(
        label="re-referral rate", indicator="re_referrals", value=-3.0, unit="percent",
        month="2021-05", target=24.0, previous=PreviousValue(value=26.0, month="2021-03"),
        area="help_and_protection", sentence="It fell 3 points.", span=Span(start=5, end=7,
                                                                              page=2)))
    return store_reports(archive_db, {"n.pdf": report})


def _rows(archive, what):
    out = io.StringIO()
    count = export(archive, what, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows)
    assert list(rows[0]) == COLUMNS[what]
    return rows


def test_ratings_one_row_per_area(archive):
    rows = _rows(archive, "ratings")
    assert [(r["area"], r["rating"]) for r in rows] == [("leadership", "AMBER_GREEN"),
                                                       ("adoption", "")]
    assert {r["authority"] for r in rows} == {"Northshire"}
    assert {(r["period_start"], r["period_end"], r["source"]) for r in rows} == {
        ("2021-04", "2021-06", "n.pdf")}


def test_indicators_keep_every_field(archive):
    [row] = _rows(archive, "indicators")
    assert (row["value"], row["target"], row["previous_value"], row["previous_month"]) == (
        "-3.0", "24.0", "26.0", "2021-03")
    assert (row["span_start"], row["span_end"], row["page"]) == ("5", "7", "2")


def test_items_cells_that_would_be_formulas_are_escaped(archive):
    texts = {r["section"]: r["text"] for r in _rows(archive, "items")}
    assert texts["headline"].startswith("'=")
    assert texts["going_well"] == "'-3 re-referrals"
    assert texts["assessment"] == "Stable."


@given(st.text(max_size=20))
def test_no_escaped_cell_starts_a_formula(text):
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (text, "'" + text)
