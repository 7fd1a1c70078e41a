"""Renderers: markdown tables stay tables, HTML escapes document text, JSON validates."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from comparisons import compare, render_change, render_changes
from comparisons.settings import settings
from comparisons.templating import markdown_cell
from comparisons.view import delta_label, headline, value_label
from models import ChangeSummary, IndicatorChange
from tests.comparisons.builders import report, use_fake_catalogue

HOSTILE = "Pipes | in <script>alert('x')</script> text\nover two lines"


@pytest.fixture(autouse=True)
def _catalogue(monkeypatch) -> None:
    use_fake_catalogue(monkeypatch)


@pytest.fixture
def summary() -> ChangeSummary:
    old = report("Eastmoor", start="2020-07", end="2020-12",
                 risks=["Court delays in care proceedings.", "Ransomware attack on IT."],
                 going_well=["Strong political support."],
                 ratings={"leadership": "AMBER_GREEN", "adoption": "GREEN",
                          "care_leavers": "AMBER"},
                 indicators=[{"label": "re-referrals", "indicator": "re_referrals", "value": 26,
                              "month": "2020-10"},
                             {"label": "EET", "indicator": "care_leavers_eet", "value": 50}])
    new = report("Eastmoor", start="2021-01", end="2021-03",
                 risks=["Court delays in care proceedings continue.", HOSTILE],
                 going_well=["Strong political support.", "New academy opened."],
                 ratings={"leadership": "GREEN", "adoption": "AMBER", "care_leavers": "AMBER"},
                 indicators=[{"label": "re-referrals", "indicator": "re_referrals", "value": 23,
                              "month": "2021-02", "target": 24},
                             {"label": "EET", "indicator": "care_leavers_eet", "value": 48}])
    return compare(old, new)


def test_headline_counts_what_changed(summary: ChangeSummary) -> None:
    assert headline(summary) == ("1 rating improved, 1 declined; 1 new risk, 1 resolved; "
                                 "2 indicators moved, 1 for the better")


def test_markdown_reads_like_a_briefing_note(summary: ChangeSummary) -> None:
    text = render_change(summary, "markdown")
    lines = text.splitlines()
    assert lines[0].startswith("# Eastmoor: ")
    assert headline(summary) in text
    for section in ("## Ratings", "## Risks", "## Going well", "## Indicators"):
        assert section in lines
    assert "| LEADERSHIP | Amber/Green | Green | improved |" in lines


def test_markdown_table_rows_keep_their_columns_whatever_the_text(summary) -> None:
    text = render_change(summary, "markdown")
    tables = [block.splitlines() for block in text.split("\n\n") if block.startswith("|")]
    assert len(tables) == 4
    for rows in tables:
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows
    assert "Pipes \\| in" in text
    assert "text<br>over two lines" in text


def test_markdown_cell_escapes_pipes_and_line_breaks() -> None:
    assert markdown_cell("a | b\n\nc") == "a \\| b<br>c"


def test_html_is_self_contained_and_escapes_document_text(summary: ChangeSummary) -> None:
    page = render_change(summary, "html")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r"(src|href)=", page)
    parser = HTMLParser()
    parser.feed(page)
    assert page.lstrip().startswith("<!DOCTYPE html>")


def test_html_rag_cells_are_coloured_and_labelled(summary: ChangeSummary) -> None:
    page = render_change(summary, "html")
    cells = re.findall(r'<td class="rag" style="background: (#[0-9a-f]{6});[^"]*">([^<]+)</td>',
                       page)
    palette = settings().rag
    assert (palette["GREEN"].background, "Green") in cells
    assert (palette["AMBER_GREEN"].background, "Amber/Green") in cells
    assert len({colour for colour, _ in cells}) >= 3


def test_json_of_one_and_of_many_validate(summary: ChangeSummary) -> None:
    assert ChangeSummary.model_validate_json(render_change(summary, "json")) == summary
    items = json.loads(render_changes([summary, summary], "json"))
    assert isinstance(items, list) and len(items) == 2
    assert [ChangeSummary.model_validate(item) for item in items] == [summary, summary]
    assert json.loads(render_changes([], "json")) == []


def test_many_summaries_make_one_document(summary: ChangeSummary) -> None:
    markdown = render_changes([summary, summary], "markdown")
    assert markdown.count("# Eastmoor: ") == 2 and "\n---\n" in markdown
    page = render_changes([summary, summary], "html")
    assert page.count("<!DOCTYPE html>") == 1 and page.count("<section>") == 2


def test_unknown_format_is_refused(summary: ChangeSummary) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_change(summary, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "unit", "label"),
    [(85.0, "percent", "85%"), (16.5, "percent", "16.5%"), (1447, "count", "1,447"),
     (26, "weeks", "26 weeks"), (1200.5, "money", "£1,200.5")],
)
def test_values_read_naturally(value, unit, label) -> None:
    assert value_label(value, unit) == label


@pytest.mark.parametrize(
    ("delta", "unit", "label"),
    [(-3.0, "percent", "-3 pp"), (2.5, "percent", "+2.5 pp"), (0.0, "percent", "0 pp"),
     (53, "count", "+53"), (-1000, "money", "-£1,000")],
)
def test_deltas_show_sign_and_percentage_points(delta, unit, label) -> None:
    change = IndicatorChange(label="x", from_={"value": 0}, to={"value": delta}, delta=delta,
                             unit=unit, direction="flat", assessment="unclear")
    assert delta_label(change) == label


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_no_summaries_say_so(fmt) -> None:
    assert "No pairs of consecutive reports" in render_changes([], fmt)


def test_settings_word_every_change_kind_and_style_every_rating() -> None:
    from typing import get_args

    from comparisons.settings import settings
    from models import Rating
    from models.change import RatingChangeKind

    assert set(settings().words.change) == set(get_args(RatingChangeKind))
    assert set(settings().rag) == {rating.value for rating in Rating}
    labels = [style.label for style in settings().rag.values()]
    assert len(set(labels)) == len(labels)


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_rendering_matches_the_golden_file(summary: ChangeSummary, fmt) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change."""
    path = GOLDEN / f"eastmoor.{'md' if fmt == 'markdown' else 'html'}"
    text = render_change(summary, fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
