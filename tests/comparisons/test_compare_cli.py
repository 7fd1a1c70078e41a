"""``highlights compare`` through click's CliRunner, on JSON reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from highlights.cli import cli
from models import ChangeSummary
from tests.comparisons.builders import report, use_fake_catalogue


@pytest.fixture(autouse=True)
def _catalogue(monkeypatch) -> None:
    use_fake_catalogue(monkeypatch)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    reports = {
        "old": report("Riverbridge", start="2020-07", end="2020-12",
                      risks=["Court delays in care proceedings."], ratings={"adoption": "AMBER"}),
        "new": report("Riverbridge", start="2021-01", end="2021-03",
                      risks=["Court delays in care proceedings continue."],
                      ratings={"adoption": "GREEN"}),
        "other": report("Northshire", start="2021-01", end="2021-03"),
    }
    paths = {}
    for name, value in reports.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(value.to_json(), encoding="utf-8")
    return paths


def run(*args: object):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def test_markdown_is_the_default(files) -> None:
    result = run("compare", files["old"], files["new"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Riverbridge: ")
    assert "| ADOPTION | Amber | Green | improved |" in result.stdout


def test_json_is_one_change_summary(files) -> None:
    result = run("compare", files["old"], files["new"], "--format", "json")
    assert result.exit_code == 0
    summary = ChangeSummary.model_validate(json.loads(result.stdout))
    assert summary.ratings[0].change == "improved"
    assert len(summary.risks.continuing) == 1


def test_html_page(files) -> None:
    result = run("compare", files["old"], files["new"], "--format", "html")
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("<!DOCTYPE html>")


def test_different_authorities_exit_3_with_one_line_naming_both(files) -> None:
    result = run("compare", files["old"], files["other"])
    assert result.exit_code == 3
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    for part in ("old.json", "other.json", "Riverbridge", "Northshire"):
        assert part in line


def test_force_compares_anyway_and_warns_on_stderr(files) -> None:
    result = run("compare", files["old"], files["other"], "--force", "--format", "json")
    assert result.exit_code == 0
    assert "Northshire" in result.stderr
    assert ChangeSummary.model_validate_json(result.stdout).warnings


def test_new_not_later_than_old_warns_on_stderr(files) -> None:
    result = run("compare", files["new"], files["old"], "--format", "json")
    assert result.exit_code == 0
    assert "not later" in result.stderr
    assert json.loads(result.stdout)["warnings"]


def test_missing_file_exits_3(files, tmp_path) -> None:
    result = run("compare", tmp_path / "absent.json", files["new"])
    assert result.exit_code == 3
    assert "absent.json" in result.stderr and "Traceback" not in result.stderr


def test_json_that_is_not_a_report_exits_3(files, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"authority": 7}', encoding="utf-8")
    result = run("compare", bad, files["new"])
    assert result.exit_code == 3
    assert "bad.json" in result.stderr and "not a report JSON" in result.stderr


def test_bad_format_is_usage_error(files) -> None:
    assert run("compare", files["old"], files["new"], "--format", "pdf").exit_code == 2


def test_documents_go_through_the_extractor_and_json_with_a_bom_does_not(files, tmp_path,
                                                                        monkeypatch) -> None:
    document = tmp_path / "eastmoor.docx"
    document.write_bytes(b"PK\x03\x04 not really a docx")
    seen = []

    def fake_extract(path):
        seen.append(path)
        return report("Riverbridge", start="2021-04", end="2021-06")

    monkeypatch.setattr("extractor.extract", fake_extract, raising=False)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf\n " + files["old"].read_bytes())
    result = run("compare", bom, document, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert seen == [document]
    assert ChangeSummary.model_validate_json(result.stdout).to_period.end == "2021-06"
