"""The archive commands end to end through click's CliRunner: exit codes, stdout-only output."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from highlights.cli import cli
from tests.corpus.archive_standin import make_report, store_reports

REPO = Path(__file__).resolve().parents[2]
HIT_KEYS = {"authority", "period", "section", "area", "text", "score", "source"}


def run(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, [str(arg) for arg in args], env=env)


@pytest.fixture
def archive(archive_db):
    return store_reports(archive_db, {
        "r-1.pdf": make_report("Riverbridge", "2020-01", "2020-03",
                               risks=("Court delays in care proceedings.",),
                               ratings={"adoption": ("AMBER", "Adoption timeliness slipped.")}),
        "r-2.pdf": make_report("Riverbridge", "2020-04", "2020-06",
                               risks=("Court delays in care proceedings continue.",),
                               ratings={"adoption": ("GREEN", "Adoption timeliness recovered.")}),
        "n-1.pdf": make_report("Northshire", "2021-01", "2021-03",
                               risks=("Too few foster carers for teenagers.",)),
    })


def _one_clear_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    return lines[0]


def test_search_json_is_the_contract_shape_on_stdout_only(archive):
    result = run("search", "court delays", "--db", archive, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"query", "total", "hits"} and data["total"] == 2
    assert all(set(hit) == HIT_KEYS for hit in data["hits"])
    assert result.stderr == ""


def test_search_defaults_to_the_archive_named_in_the_environment(archive):
    result = run("search", "foster", "--format", "json", env={"HIGHLIGHTS_DB": str(archive)})
    assert json.loads(result.stdout)["hits"][0]["authority"] == "Northshire"


def test_search_table_shows_the_hits(archive):
    result = run("search", "foster", "--db", archive)
    assert result.exit_code == 0 and "Northshire" in result.stdout


def test_similar_search_through_the_cli(archive):
    result = run("search", "--similar", "court proceedings delayed", "--db", archive,
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert {hit["authority"] for hit in json.loads(result.stdout)["hits"]} == {"Riverbridge"}


@pytest.mark.parametrize("args", [('"unbalanced',), ("court", "--rating", "purple"),
                                  ("court", "--since", "May 2020"), ()])
def test_bad_search_input_exits_2_with_one_line(archive, args):
    result = run("search", *args, "--db", archive)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_a_missing_archive_exits_3_naming_it(tmp_path):
    result = run("search", "court", "--db", tmp_path / "absent.db")
    assert result.exit_code == 3
    assert "absent.db" in _one_clear_line(result)


def test_export_writes_csv_to_stdout_or_a_file(archive, tmp_path):
    result = run("export", "--db", archive, "--what", "ratings")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["period_start"], r["rating"]) for r in rows if r["authority"] == "Riverbridge"
            ] == [("2020-01", "AMBER"), ("2020-04", "GREEN")]
    out = tmp_path / "items.csv"
    assert run("export", "--db", archive, "--what", "items", "--out", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("authority,period_start")


def test_a_failed_export_leaves_the_out_file_as_it_was(tmp_path):
    out = tmp_path / "ratings.csv"
    result = run("export", "--db", tmp_path / "absent.db", "--out", out)
    assert result.exit_code == 3
    assert not out.exists()
    out.write_text("kept\n", encoding="utf-8")
    assert run("export", "--db", tmp_path / "absent.db", "--out", out).exit_code == 3
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ratings.csv"]  # no partial file left


def test_themes_json(archive):
    result = run("themes", "--db", archive, "--format", "json")
    themes = json.loads(result.stdout)
    assert {"label", "terms", "size", "items", "authorities"} <= set(themes[0])
    assert sum(theme["size"] for theme in themes) == 2  # the latest period of each authority


def test_changes_pairs_consecutive_periods(archive):
    result = run("changes", "riverbridge", "--db", archive, "--format", "json")
    assert result.exit_code == 0, result.stderr
    [summary] = json.loads(result.stdout)
    assert (summary["from_period"]["start"], summary["to_period"]["start"]) == (
        "2020-01", "2020-04")
    assert [(r["area"], r["change"]) for r in summary["ratings"]] == [("adoption", "improved")]
    everyone = json.loads(run("changes", "--db", archive, "--format", "json").stdout)
    assert len(everyone) == 1  # Northshire has one period: nothing to compare
    assert run("changes", "Nowhereshire", "--db", archive).exit_code == 3


@pytest.fixture
def sample_docx(tmp_path) -> list[Path]:
    found = sorted((REPO / "corpus" / "samples" / "reports").glob("*/*.docx"))[:2]
    if len(found) < 2:
        pytest.skip("the sample archive has fewer than two DOCX reports")
    return [Path(shutil.copy(path, tmp_path / path.name)) for path in found]


def test_ingest_reports_failures_and_exits_0_when_anything_went_in(tmp_path, sample_docx):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    db = tmp_path / "a.db"
    result = run("ingest", tmp_path, "--db", db, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "2 ingested" in result.stderr and "1 failed" in result.stderr
    assert "broken.pdf" in result.stderr
    again = run("ingest", tmp_path, "--db", db)
    assert again.exit_code == 0 and "0 ingested, 2 already in the archive" in again.stderr


def test_ingest_exits_3_when_nothing_went_in(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf at all")
    result = run("ingest", tmp_path / "broken.pdf", "--db", tmp_path / "a.db", "--jobs", "1")
    assert result.exit_code == 3
    assert "broken.pdf" in result.stderr


def test_demo_needs_no_arguments_and_covers_every_sample_authority():
    folders = sorted(p.name for p in (REPO / "corpus" / "samples" / "reports").iterdir()
                     if p.is_dir())
    result = run("demo", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# highlights demo")
    assert "## Themes" in result.stdout and "0 failed" in result.stdout
    for folder in folders:
        assert folder.capitalize() in result.stdout
