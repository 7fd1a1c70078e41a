"""``highlights compare`` given hostile inputs (documents or report JSON): exit 3, one line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.loaders import Limits
from tests.hostile.make_fixtures import GOOD_DOCX, hostile_inputs
from tests.hostile.run import run_cli


def _sparse_json(folder: Path) -> Path:
    path = folder / "huge.json"
    with path.open("wb") as handle:
        handle.write(b'{"schema_version": "1", "headline": "')
        handle.truncate(Limits().max_bytes * 60)
    return path


def _deep_json(folder: Path) -> Path:
    path = folder / "deep.json"
    path.write_text('{"headline": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return path


def _wrong_json(folder: Path) -> Path:
    path = folder / "wrong.json"
    path.write_text('{"schema_version": "1", "risks": "<script>alert(1)</script>"}',
                    encoding="utf-8")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.json"
    os.mkfifo(path)
    return path


INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "sparse_json": (_sparse_json, "file too large"),
    "deep_json": (_deep_json, "not a report JSON"),
    "wrong_json": (_wrong_json, "not a report JSON"),
    "fifo": (_fifo, "not a regular file"),
    "corrupt_pdf": (lambda folder: hostile_inputs()["pdf_truncated"], "corrupt PDF"),
    "zip_bomb": (lambda folder: hostile_inputs()["zip_bomb_docx"], "zip bomb"),
}


@pytest.mark.parametrize("name", INPUTS)
def test_compare_refuses_a_hostile_old_report_in_one_line(tmp_path: Path, name: str) -> None:
    make, reason = INPUTS[name]
    path = make(tmp_path)
    run = run_cli("compare", path, GOOD_DOCX, "--format", "json", timeout=10)
    assert not run.killed
    assert run.peak_mb < 500
    assert run.exit == 3, run.stderr
    assert run.stdout == ""
    [line] = run.stderr_lines
    assert str(path) in line and reason in line
