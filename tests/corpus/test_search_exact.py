"""The fast search paths give exactly what the straightforward query gives: every match of the
current reports joined to its report, filtered in SQL, ranked by bm25 over all of them."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from corpus.fts import RANK, filter_sql
from corpus.query import to_fts_query
from corpus.search import passage_filter
from corpus.store import open_store
from tests.corpus.archive_standin import make_report, store_reports

WORDS = ("children", "placement", "sufficiency", "court", "delay", "caseloads", "social",
         "workers", "agency", "audit", "supervision", "leadership", "foster", "carers", "care",
         "leavers", "accommodation", "re-referral", "exploitation", "timeliness", "quality",
         "the", "of", "and", "in")
AREAS = ("help_and_protection", "children_in_care", "leadership", "care_leavers")
RATINGS = ("RED", "RED_AMBER", "AMBER", "AMBER_GREEN", "GREEN", None)


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))) + "."


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """120 reports of 6 authorities over 2019-2023; texts drawn from a small vocabulary so
    that scores tie often; some periods reported twice (the earlier no longer current)."""
    rng = random.Random(6)
    reports = {}
    for index in range(120):
        month = 12 * 2019 + rng.randrange(60)
        start = f"{month // 12}-{month % 12 + 1:02d}"
        end_month = month + rng.choice((0, 2, 5))
        end = f"{end_month // 12}-{end_month % 12 + 1:02d}"
        repeated = rng.choice(["the same sentence for every copy."] * 2 + [_sentence(rng)])
        reports[f"r{index}.pdf"] = make_report(
            f"Shire{index % 6}", start, end,
            risks=tuple(_sentence(rng) for _ in range(rng.randint(1, 6))) + (repeated,),
            going_well=tuple(_sentence(rng) for _ in range(rng.randint(0, 4))),
            headline=_sentence(rng) if rng.random() < 0.7 else None,
            ratings={area: (rng.choice(RATINGS), _sentence(rng))
                     for area in rng.sample(AREAS, rng.randint(0, 3))})
    return store_reports(tmp_path_factory.mktemp("exact") / "a.db", reports)


def _reference(db: Path, query: str, filters: dict[str, str], limit: int
               ) -> tuple[int, list[tuple[int, float]]]:
    where = passage_filter(**filters)
    conditions, params = filter_sql(where)
    base = ("FROM passages_fts JOIN items i ON i.id = passages_fts.rowid JOIN documents d "
            f"ON d.id = i.document_id WHERE {conditions} AND passages_fts MATCH ?")
    match = [*params, f"text : ({to_fts_query(query)})"]
    with sqlite3.connect(db) as conn:
        total = conn.execute(f"SELECT count(*) {base}", match).fetchone()[0]
        ranked = conn.execute(f"SELECT passages_fts.rowid, {RANK} {base} "
                              f"ORDER BY {RANK}, passages_fts.rowid LIMIT ?",
                              [*match, limit]).fetchall()
    return total, ranked


QUERIES = ["children", "the", "placement sufficiency", '"social workers"', "re-referral",
           "exploit*", "audit OR supervision", "care NOT leavers", "NEAR(court delay, 3)",
           "sufficiency", "nothingmatches"]
FILTERS = [{}, {"section": "risks"}, {"authority": "shire3"}, {"rating": "amber"},
           {"area": "leadership"}, {"since": "2021-06"}, {"until": "2020-12"},
           {"since": "2020-03", "until": "2022-01", "section": "assessment"},
           {"since": "2030-01"}, {"authority": "Shire1 County Council", "since": "2021-01"}]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
@pytest.mark.parametrize("query", QUERIES)
def test_search_equals_the_straightforward_query(generated, query, filters):
    for limit in (1, 7, 50):
        total, ranked = _reference(generated, query, filters, limit)
        store = open_store(generated)
        try:
            got_total, passages = store.search(to_fts_query(query), passage_filter(**filters),
                                               limit=limit)
        finally:
            store.close()
        with sqlite3.connect(generated) as conn:
            expected = [(*conn.execute(
                "SELECT d.path, i.text FROM items i JOIN documents d ON d.id = i.document_id "
                "WHERE i.id = ?", (rowid,)).fetchone(), -rank) for rowid, rank in ranked]
        assert got_total == total
        assert [(p.source, p.text, p.score) for p in passages] == expected
