"""The built site in a real headless Chromium, opened from file:// with the network unused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from comparisons.view import rating_label
from highlights.site import SiteResult, build_site
from models import Report
from tests.site.archive import sample_reports, store_reports

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_RISK = 'Risk <script>window.__pwned = 1</script> "quoted" | pipe'

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"{CHROMIUM} is absent (apt-get install -y chromium)")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install playwright)")


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    items = sample_reports()
    items[-1].risks.append(items[-1].risks[0].model_copy(update={"text": HOSTILE_RISK}))
    return items


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, reports: list[Report]) -> SiteResult:
    folder = tmp_path_factory.mktemp("site")
    return build_site(store_reports(folder / "archive.db", reports), folder / "out")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from disk, with every request and every console error it made."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")


def test_every_page_loads_from_disk_without_errors_or_network(browser: Any,
                                                              site: SiteResult) -> None:
    for path in site.pages:
        visit = Visit(browser, path)
        assert visit.errors == [], (path, visit.errors)
        off_disk = [url for url in visit.requests if not url.startswith(("file://", "data:"))]
        assert off_disk == [], (path, off_disk)
        assert visit.page.evaluate("window.__pwned") is None
        stylesheet = visit.page.evaluate("getComputedStyle(document.body).fontFamily")
        assert "Arial" in stylesheet  # the site's CSS was found on disk and applied
        visit.page.close()


def test_matrix_shows_the_stored_rating_for_three_cells(browser: Any, site: SiteResult,
                                                        reports: list[Report]) -> None:
    latest: dict[str, Report] = {}
    for item in reports:  # stored in period order per authority: the last one is the latest
        assert item.authority is not None
        latest[item.authority.canonical] = item
    chosen = [(name, report.assessments[0]) for name, report in sorted(latest.items())][:3]
    visit = Visit(browser, site.index)
    for authority, assessment in chosen:
        cell = visit.page.locator(
            f'td[data-authority="{authority}"][data-area="{assessment.area}"] .rating')
        assert cell.inner_text().strip() == rating_label(assessment.rating)
    visit.page.close()


def test_authority_page_draws_trend_charts_with_text_alternatives(browser: Any,
                                                                  site: SiteResult) -> None:
    page_path = next(p for p in site.pages if p.name == "northshire.html")
    visit = Visit(browser, page_path)
    charts = visit.page.locator("figure.chart svg[role=img]")
    assert charts.count() >= 1
    first = charts.first
    assert first.bounding_box()["width"] > 100
    labelled = first.get_attribute("aria-labelledby") or ""
    for ident in labelled.split():
        assert visit.page.locator(f"#{ident}").count() == 1
    assert "Trend of" in (visit.page.locator(f"#{labelled.split()[0]}").text_content() or "")
    visit.page.close()


def test_search_filters_by_words_authority_and_section(browser: Any, site: SiteResult,
                                                       reports: list[Report]) -> None:
    visit = Visit(browser, site.out_dir / "search.html")
    page = visit.page
    for label in ("Words", "Authority", "Section"):  # every control has its label
        assert page.get_by_label(label, exact=True).count() == 1
    page.fill("#q", "script pwned")
    results = page.locator("#results > li")
    assert results.count() == 1
    assert HOSTILE_RISK in (results.first.locator(".text").text_content() or "")
    assert page.evaluate("window.__pwned") is None
    page.fill("#q", "")
    page.select_option("#section", "risks")
    authority = "Northshire"
    page.select_option("#authority", authority)
    expected = sum(len(r.risks) for r in reports
                   if r.authority and r.authority.canonical == authority)
    assert results.count() == expected
    assert all(authority in text for text in results.locator(".meta").all_text_contents())
    page.close()


def test_print_media_hides_navigation_and_keeps_rating_colours(browser: Any,
                                                               site: SiteResult) -> None:
    visit = Visit(browser, site.index)
    page = visit.page
    cell = page.locator("td.rag[style]").first
    screen_colour = cell.evaluate("cell => getComputedStyle(cell).backgroundColor")
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    assert cell.evaluate("cell => getComputedStyle(cell).backgroundColor") == screen_colour
    assert cell.evaluate("cell => getComputedStyle(cell).printColorAdjust") == "exact"
    page.close()
