"""build_site on archives of fictional authorities: files, matrix cells, escaping, search data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markupsafe import escape

from comparisons.view import rating_label
from corpus.store import open_store
from highlights.cli import cli
from highlights.site import build_site
from models import ArchiveError, Rating, Report
from tests.site.archive import report, sample_reports, store_reports
from tests.site.pages import matrix_cells, search_data

HOSTILE = 'Risk <script>window.__pwned = 1</script> "quoted" O\'Brien | pipe & co'


def _latest(reports: list[Report]) -> dict[str, Report]:
    latest: dict[str, Report] = {}
    for item in reports:
        assert item.authority and item.period
        current = latest.get(item.authority.canonical)
        if current is None or (current.period and current.period.end
                               and item.period.end and item.period.end > current.period.end):
            latest[item.authority.canonical] = item
    return latest


def _previous(reports: list[Report], newest: Report) -> Report | None:
    assert newest.authority and newest.period
    earlier = [r for r in reports if r.authority and r.period
               and r.authority.canonical == newest.authority.canonical
               and (r.period.end or "") < (newest.period.end or "")]
    return max(earlier, key=lambda r: r.period.end if r.period else "", default=None)


@pytest.fixture
def built(tmp_path: Path) -> tuple[list[Report], Path]:
    reports = sample_reports()
    db = store_reports(tmp_path / "archive.db", reports)
    out = tmp_path / "site"
    build_site(db, out)
    return reports, out


def test_writes_index_search_assets_and_one_page_per_authority(tmp_path: Path) -> None:
    reports = sample_reports()
    result = build_site(store_reports(tmp_path / "a.db", reports), tmp_path / "out")
    authorities = {r.authority.canonical for r in reports if r.authority}
    assert result.authorities == len(authorities)
    assert result.reports == len(reports)
    assert result.index == tmp_path / "out" / "index.html"
    names = {path.relative_to(result.out_dir).as_posix() for path in result.pages}
    assert {"index.html", "search.html"} <= names
    assert len([name for name in names if name.startswith("authorities/")]) == len(authorities)
    for path in (*result.pages, *result.assets):
        assert path.is_file() and path.stat().st_size > 0


def test_matrix_shows_each_authority_latest_rating_for_every_area(
        built: tuple[list[Report], Path]) -> None:
    reports, out = built
    cells = matrix_cells((out / "index.html").read_text("utf-8"))
    areas = {a.area for r in _latest(reports).values() for a in r.assessments}
    for authority, newest in _latest(reports).items():
        ratings = {a.area: a.rating for a in newest.assessments}
        for area in areas:
            text = cells[(authority, area)]
            if area not in ratings:
                assert text == "not reported"
            else:
                assert text.startswith(rating_label(ratings[area]))


def test_matrix_marks_change_since_previous_period_in_words(
        built: tuple[list[Report], Path]) -> None:
    reports, out = built
    cells = matrix_cells((out / "index.html").read_text("utf-8"))
    checked = 0
    for authority, newest in _latest(reports).items():
        before = _previous(reports, newest)
        old = {a.area: a.rating for a in before.assessments} if before else {}
        for assessment in newest.assessments:
            now, text = assessment.rating, cells[(authority, assessment.area)]
            if before is None or now is None:
                assert text == rating_label(now)
            elif assessment.area not in old:
                assert "not reported in" in text
            elif old[assessment.area] is None:
                assert "not rated in" in text
            else:
                was = old[assessment.area]
                assert was is not None
                word = "improved" if now > was else "declined" if now < was else "unchanged"
                assert f"{word} since {before.period.label}" in text, (authority, text)
                checked += 1
    assert checked >= 3


def test_single_report_authority_has_no_change_marks(tmp_path: Path) -> None:
    db = store_reports(tmp_path / "a.db", [report(
        "Westfold", "2022-01", "2022-03", ratings={"adoption": "GREEN", "leadership": "RED"})])
    build_site(db, tmp_path / "out")
    cells = matrix_cells((tmp_path / "out" / "index.html").read_text("utf-8"))
    assert cells == {("Westfold", "adoption"): rating_label(Rating.GREEN),
                     ("Westfold", "leadership"): rating_label(Rating.RED)}


def test_document_text_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = report("Eastmoor", "2021-01", "2021-03", ratings={"odd_area": "AMBER"},
                     risks=[HOSTILE], going_well=[HOSTILE], headline=HOSTILE,
                     indicators=[{"indicator": "agency_staff", "label": HOSTILE,
                                  "value": 30.0, "month": "2021-01"},
                                 {"indicator": "agency_staff", "label": HOSTILE,
                                  "value": 28.0, "month": "2021-03"}])
    hostile.assessments[0].title = HOSTILE
    hostile.assessments[0].summary = HOSTILE
    odd_name = report('Vale "&" <Moor>', "2021-01", "2021-03", ratings={"adoption": "RED"})
    result = build_site(store_reports(tmp_path / "a.db", [hostile, odd_name]), tmp_path / "out")
    cells = matrix_cells(result.index.read_text("utf-8"))
    assert cells[('Vale "&" <Moor>', "adoption")] == rating_label(Rating.RED)
    assert (tmp_path / "out" / "authorities" / "vale-moor.html").is_file()
    for page in result.pages:
        html = page.read_text("utf-8")
        assert "<script>window.__pwned" not in html, page
        assert len(re.findall(r"<script\b", html)) <= 2  # search data + search.js only
    authority = (tmp_path / "out" / "authorities" / "eastmoor.html").read_text("utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in authority
    for svg in re.findall(r"<svg\b.*?</svg>", authority, flags=re.S):
        ET.fromstring(svg)  # still well-formed XML with the hostile label inside
    items = search_data((tmp_path / "out" / "search.html").read_text("utf-8"))
    assert {item["text"] for item in items if item["section"] == "risks"} == {HOSTILE}


def test_search_data_holds_every_passage_of_the_archive(built: tuple[list[Report], Path]
                                                        ) -> None:
    reports, out = built
    items = search_data((out / "search.html").read_text("utf-8"))
    risks = sorted(item.text for r in reports for item in r.risks)
    assert sorted(i["text"] for i in items if i["section"] == "risks") == risks
    summaries = [a.summary for r in reports for a in r.assessments]
    assert sorted(i["text"] for i in items if i["section"] == "assessment") == sorted(summaries)
    for item in items:
        assert item["page"] and (out / item["page"]).is_file()


def test_authority_page_has_timeline_for_every_period_and_change_summaries(
        built: tuple[list[Report], Path]) -> None:
    reports, out = built
    for authority, newest in _latest(reports).items():
        own = [r for r in reports if r.authority and r.authority.canonical == authority]
        html = (out / "authorities" / f"{authority.lower()}.html").read_text("utf-8")
        for item in own:
            assert item.period and item.period.label in html
        assert html.count('class="change-summary"') == len(own) - 1
        assert html.count('<th scope="row">') >= len(newest.assessments)


def test_trend_chart_per_catalogue_indicator_with_two_points(
        built: tuple[list[Report], Path]) -> None:
    reports, out = built
    for authority in _latest(reports):
        keys: dict[str, set[str]] = {}
        for r in reports:
            if r.authority and r.authority.canonical == authority:
                for figure in r.indicators:
                    month = figure.month or (r.period.end if r.period else None)
                    if figure.indicator and month:
                        keys.setdefault(figure.indicator, set()).add(month)
        expected = sorted(key for key, months in keys.items() if len(months) >= 2)
        html = (out / "authorities" / f"{authority.lower()}.html").read_text("utf-8")
        assert sorted(re.findall(r'data-indicator="([^"]+)"', html)) == expected


def test_empty_archive_builds_a_site_that_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    open_store(db, create=True).close()
    result = build_site(db, tmp_path / "out")
    assert result.authorities == 0
    assert "no reports yet" in result.index.read_text("utf-8")


def test_missing_archive_is_an_archive_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError):
        build_site(tmp_path / "absent.db", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_accepts_an_open_store_and_leaves_it_open(tmp_path: Path) -> None:
    store = open_store(store_reports(tmp_path / "a.db", sample_reports()))
    try:
        build_site(store, tmp_path / "out")
        assert list(store.reports())  # still usable
    finally:
        store.close()


def test_pages_are_accessible_landmarks_and_print_styles(built: tuple[list[Report], Path]
                                                         ) -> None:
    _, out = built
    for page in [out / "index.html", out / "search.html", *(out / "authorities").iterdir()]:
        html = page.read_text("utf-8")
        assert '<html lang="en">' in html
        assert "<main" in html and "<nav" in html and "<h1>" in html
        for table in re.findall(r"<table\b.*?</table>", html, flags=re.S):
            assert "<caption>" in table and 'scope="col"' in table
        assert re.search(r'(src|href)="(https?:)?//', html) is None  # nothing off the disk
    assert "@media print" in (out / "assets" / "site.css").read_text("utf-8")


def test_cli_builds_the_site_and_prints_the_index(tmp_path: Path) -> None:
    db = store_reports(tmp_path / "a.db", sample_reports())
    result = CliRunner().invoke(cli, ["site", "--db", str(db), "--out", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()) == tmp_path / "s" / "index.html"
    assert (tmp_path / "s" / "index.html").is_file()


def test_cli_missing_archive_exits_3_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["site", "--db", str(tmp_path / "none.db"),
                                      "--out", str(tmp_path / "s")])
    assert result.exit_code == 3
    assert len(result.stderr.strip().splitlines()) == 1 and "none.db" in result.stderr


def test_unrated_and_placeholder_cells_read_not_rated(tmp_path: Path) -> None:
    item = report("Riverbridge", "2021-01", "2021-03", ratings={"adoption": None})
    item.assessments[0].rating_text = "R/A/G"
    build_site(store_reports(tmp_path / "a.db", [item]), tmp_path / "out")
    cells = matrix_cells((tmp_path / "out" / "index.html").read_text("utf-8"))
    assert cells[("Riverbridge", "adoption")] == "not rated"


@pytest.mark.parametrize("rating", list(Rating))
def test_every_rating_is_labelled_in_words(tmp_path: Path, rating: Rating) -> None:
    build_site(store_reports(tmp_path / "a.db", [report(
        "Northshire", "2021-01", "2021-03", ratings={"leadership": rating.value})]),
        tmp_path / "out")
    cells = matrix_cells((tmp_path / "out" / "index.html").read_text("utf-8"))
    assert cells[("Northshire", "leadership")] == rating_label(rating) != ""


def test_rebuild_drops_pages_of_authorities_no_longer_in_the_archive(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(store_reports(tmp_path / "a.db", sample_reports()), out)
    (out / "notes.txt").write_text("mine")
    kept = [r for r in sample_reports() if r.authority and r.authority.canonical != "Eastmoor"]
    result = build_site(store_reports(tmp_path / "b.db", kept), out)
    assert {p.name for p in (out / "authorities").iterdir()} == {
        p.name for p in result.pages if p.parent.name == "authorities"}
    assert "eastmoor.html" not in {p.name for p in result.pages}
    assert (out / "notes.txt").read_text() == "mine"


def test_public_api_is_exported() -> None:
    import highlights.site as package

    for name in package.__all__:
        assert getattr(package, name) is not None


def test_themes_panel_groups_every_current_risk(built: tuple[list[Report], Path]) -> None:
    reports, out = built
    html = out.joinpath("index.html").read_text("utf-8")
    panel = html[html.index('id="themes-heading"'):html.index('id="authorities-heading"')]
    for newest in _latest(reports).values():
        for risk in newest.risks:
            assert escape(risk.text) in panel
    superseded = {risk.text for r in reports for risk in r.risks} - {
        risk.text for r in _latest(reports).values() for risk in r.risks}
    assert superseded and not any(escape(text) in panel for text in superseded)


class _PathlessStore:
    """A store that does not say where its database is (as a server database would not)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def reports(self, *, authority: str | None = None) -> Any:
        return self._inner.reports(authority=authority)

    def passages(self, where: Any) -> Any:
        return self._inner.passages(where)


def test_a_store_without_a_path_builds_everything_but_the_themes(tmp_path: Path) -> None:
    store = open_store(store_reports(tmp_path / "a.db", sample_reports()))
    try:
        result = build_site(_PathlessStore(store), tmp_path / "out")  # type: ignore[arg-type]
    finally:
        store.close()
    html = result.index.read_text("utf-8")
    assert 'id="matrix-heading"' in html and 'id="themes-heading"' not in html
