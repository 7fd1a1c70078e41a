"""Crafted item texts never escape into what the tool writes.

An archive holds two reports of one authority whose bullets, headline and assessment titles
are the crafted texts of ``data/documents.toml`` (script tags, quotes, pipes, spreadsheet
formulas, SQL). HTML shows them as text, markdown tables keep their columns, CSV cells cannot
run as formulas, and SQL only ever carries them as parameters.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons import compare, render_change
from corpus.search import search
from corpus.store import open_store
from extractor import extract
from models.errors import QuerySyntaxError
from models.report import Item, Report
from tests.hostile.craft import as_html, as_text, docx_blocks
from tests.hostile.make_fixtures import DOCUMENTS, REPORTS
from tests.hostile.run import run_cli

OUTPUT = DOCUMENTS["output"]
ITEMS: list[str] = OUTPUT["items"]
MARKER = "HOSTILE"
SOURCES = [REPORTS / "riverbridge" / "riverbridge-2020-02.pdf",
           REPORTS / "riverbridge" / "riverbridge-2020-05.docx"]


def _poisoned(report: Report, shift: int) -> Report:
    """``report`` with every bullet, its headline and assessment titles made hostile."""
    texts = ITEMS[shift:] + ITEMS[:shift]
    half = len(texts) // 2
    assessments = [row.model_copy(update={"title": texts[index % len(texts)],
                                          "summary": f"{row.summary} {texts[-1 - index]}"})
                   for index, row in enumerate(report.assessments)]
    return report.model_copy(update={
        "headline": " ".join(texts[:2]), "risks": [Item(text=t) for t in texts[:half]],
        "going_well": [Item(text=t) for t in texts[half:]], "coming_up": texts[:3],
        "additional_info": texts[3:5], "assessments": assessments})


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [_poisoned(extract(path), shift) for shift, path in enumerate(SOURCES)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, reports: list[Report]) -> Path:
    db = tmp_path_factory.mktemp("hostile-archive") / "archive.db"
    store = open_store(db, create=True)
    try:
        for number, report in enumerate(reports):
            store.add_report(report, sha256=f"{number:064x}", path=report.source.path)
    finally:
        store.close()
    return db


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _assert_inert_html(page: str) -> None:
    for markup in OUTPUT["live_markup"]:
        assert markup not in page
    parsed = _Tags()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag != "img" or attrs.get("src") != "x"
    assert not any(re.search(r"<\s*/?\s*script", script, re.I) for script in parsed.scripts)


def test_html_change_summary_shows_the_items_as_text(reports: list[Report]) -> None:
    page = render_change(compare(*reports), "html")
    _assert_inert_html(page)
    parsed = _Tags()
    parsed.feed(page)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    assert "&lt;script&gt;" in page or "&#60;script&#62;" in page  # shown, not run


def _columns(line: str) -> int:
    """Cells of a markdown table row, not counting escaped pipes."""
    return len(re.split(r"(?<!\\)\|", line.strip().strip("|")))


def test_markdown_tables_keep_their_columns(reports: list[Report]) -> None:
    note = render_change(compare(*reports), "markdown")
    assert MARKER in note
    table: list[str] = []
    for line in [*note.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            assert {_columns(row) for row in table} == {_columns(table[0])}, table
        table = []


def test_csv_export_cells_cannot_run_as_formulas(archive: Path) -> None:
    for what in ("items", "ratings"):
        run = run_cli("export", "--db", archive, "--what", what, timeout=60)
        assert run.exit == 0, run.stderr
        rows = list(csv.reader(io.StringIO(run.stdout)))
        cells = [cell for row in rows[1:] for cell in row]
        assert any(MARKER in cell for cell in cells)
        for cell in cells:
            if cell.startswith(tuple(OUTPUT["formula_starts"])):
                float(cell)  # only a number may start with a sign


def test_changes_html_and_site_pages_are_inert(archive: Path, tmp_path: Path) -> None:
    run = run_cli("changes", "--db", archive, "--format", "html", timeout=60)
    assert run.exit == 0, run.stderr
    _assert_inert_html(run.stdout)
    site = tmp_path / "site"
    run = run_cli("site", "--db", archive, "--out", site, timeout=90)
    assert run.exit == 0, run.stderr
    pages = sorted(site.rglob("*.html"))
    assert pages
    assert any(MARKER in page.read_text(encoding="utf-8") for page in pages)
    for page in pages:
        _assert_inert_html(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "AND", "a)", "NEAR(a b, x)"])
def test_a_query_search_cannot_parse_is_a_clean_exit_2(archive: Path, query: str) -> None:
    run = run_cli("search", query, "--db", archive, "--format", "json", timeout=60)
    assert run.exit == 2, run.stderr
    assert run.stdout == ""
    [line] = run.stderr_lines
    assert "query" in line
    assert "Traceback" not in run.stderr


_QUERY_PIECES = ['"', "(", ")", "*", ":", "^", "-", "+", ",", "{", "}", " ", "NEAR", "NEAR(",
                 "OR", "AND", "NOT", "risk", "HOSTILE", "12", "rank", "items_fts", ".", "\\",
                 "'", "\x00", "\n"]


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(pieces=st.lists(st.sampled_from(_QUERY_PIECES), min_size=1, max_size=8))
def test_any_query_is_hits_or_a_syntax_error(archive: Path, pieces: list[str]) -> None:
    try:
        result = search(archive, "".join(pieces))
    except QuerySyntaxError as error:
        assert error.reason
    else:
        assert result.total >= len(result.hits)


class _Recording(sqlite3.Connection):
    """A connection that keeps the text of every statement it is asked to run."""

    statements: list[str] = []

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        self.statements.append(sql)
        return super().execute(sql, *args)


def test_user_values_reach_sql_only_as_parameters(archive: Path, monkeypatch) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect",
                        lambda *args, **kwargs: real_connect(*args, factory=_Recording, **kwargs))
    _Recording.statements.clear()
    hostile = "HOSTILE' OR '1'='1"
    with pytest.raises(QuerySyntaxError):
        search(archive, f'"{hostile}')
    result = search(archive, f"{MARKER} OR x", authority=hostile, area=f"{hostile} --")
    assert result.total == 0
    assert search(archive, MARKER).total > 0
    assert _Recording.statements
    assert not any(MARKER in sql for sql in _Recording.statements)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_terminal_escape_sequences_in_a_report_never_reach_the_output(tmp_path: Path,
                                                                      suffix: str) -> None:
    blocks = docx_blocks(SOURCES[1])
    sequence = "\x1b]0;HOSTILE\x07\x1b[2J\x9b31m"
    poisoned = [block + sequence if isinstance(block, str) and len(block) > 40 else block
                for block in blocks]
    path = tmp_path / f"report{suffix}"
    if suffix == ".html":
        path.write_text(as_html(blocks, inject=f"<p>{html_escape(sequence)}</p>").replace(
            "</p>", "&#27;[2J&#x9b;31m</p>"), encoding="utf-8")
    else:
        path.write_text(as_text(poisoned), encoding="utf-8")
    for fmt in ("markdown", "json"):
        run = run_cli("extract", path, "--format", fmt, timeout=30)
        assert run.exit == 0, run.stderr
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", run.stdout)
        assert "\\u001b" not in run.stdout and "\\u009b" not in run.stdout
