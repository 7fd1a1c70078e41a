"""The site's regrouping of the archive: histories, area columns, matrix and timeline."""

from __future__ import annotations

import hashlib

from corpus.store import StoredReport
from highlights.site.history import histories, slugify
from highlights.site.ratings import area_columns, rag_matrix, timeline
from highlights.site.settings import settings
from models import Rating, Report
from tests.site.archive import report


def _stored(*reports: Report) -> list[StoredReport]:
    return [StoredReport(item, f"r{number}.pdf", hashlib.sha256(item.to_json().encode())
                         .hexdigest()) for number, item in enumerate(reports)]


def test_ofsted_areas_come_first_in_their_set_order_then_the_rest_as_first_seen() -> None:
    ofsted = list(settings().area_names)
    item = report("Eastmoor", "2021-01", "2021-03", ratings={
        "social_work_practice": "RED", ofsted[-1]: "AMBER", "front_door": None, ofsted[0]: "RED"})
    columns = [column.area for column in area_columns([item])]
    assert columns == [ofsted[0], ofsted[-1], "social_work_practice", "front_door"]


def test_own_area_titles_in_capitals_read_as_sentences_and_the_latest_title_wins() -> None:
    old = report("Eastmoor", "2021-01", "2021-03", ratings={"social_work_practice": "RED"})
    new = report("Eastmoor", "2021-04", "2021-06", ratings={"social_work_practice": "AMBER"})
    new.assessments[0].title = "Social Work Practice (quality)"
    assert area_columns([old])[0].name == "Social work practice"
    assert area_columns([old, new])[0].name == "Social Work Practice (quality)"


def test_histories_order_periods_and_compare_each_consecutive_pair() -> None:
    late = report("Northshire", "2021-07", "2021-09", ratings={"adoption": "GREEN"})
    early = report("Northshire", "2021-01", "2021-03", ratings={"adoption": "RED"})
    middle = report("Northshire", "2021-04", "2021-06", ratings={"adoption": "AMBER"})
    other = report("Eastmoor", "2021-01", "2021-03", ratings={"adoption": "AMBER"})
    found = histories(_stored(late, other, early, middle))
    assert [h.canonical for h in found] == ["Eastmoor", "Northshire"]
    northshire = found[1]
    assert [r.period.end for r in northshire.reports if r.period] == [
        "2021-03", "2021-06", "2021-09"]
    assert [(c.from_period.end, c.to_period.end) for c in northshire.changes
            if c.from_period and c.to_period] == [("2021-03", "2021-06"), ("2021-06", "2021-09")]
    assert found[0].changes == ()


def test_timeline_has_one_cell_per_period_and_marks_missing_areas() -> None:
    first = report("Riverbridge", "2021-01", "2021-03", ratings={"adoption": "RED"})
    second = report("Riverbridge", "2021-04", "2021-06", ratings={"leadership": "GREEN"})
    table = timeline(histories(_stored(first, second))[0])
    assert len(table.periods) == 2
    cells = {row.column.area: row.cells for row in table.rows}
    assert [c.reported for c in cells["adoption"]] == [True, False]
    assert [c.rating for c in cells["leadership"]] == [None, Rating.GREEN]


def test_matrix_rows_follow_latest_report_and_mark_change_kind() -> None:
    first = report("Northshire", "2021-01", "2021-03", ratings={"adoption": "RED",
                                                                "leadership": "GREEN"})
    second = report("Northshire", "2021-04", "2021-06", ratings={"adoption": "AMBER",
                                                                 "leadership": "AMBER"})
    matrix = rag_matrix(histories(_stored(first, second)))
    cells = dict(zip([c.area for c in matrix.columns], matrix.rows[0].cells, strict=True))
    assert cells["adoption"].change == "improved" and cells["leadership"].change == "declined"
    assert cells["adoption"].since == first.period


def test_slugs_are_safe_file_names_and_unique() -> None:
    assert slugify("St. Helens & <Vale>") == "st-helens-vale"
    assert slugify("!!!") == "authority"
    twins = histories(_stored(report("Vale!", "2021-01", "2021-03", ratings={}),
                              report("Vale?", "2021-01", "2021-03", ratings={})))
    assert len({h.slug for h in twins}) == 2
