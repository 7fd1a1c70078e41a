"""``highlights ingest`` of a folder of good reports mixed with every hostile input.

Every good report goes in, every broken file is listed with its reason, and the run exits 0.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from corpus.settings import settings
from tests.hostile.make_fixtures import CASES, REPORTS, hostile_inputs
from tests.hostile.run import WITHOUT_READ_OVERRIDE, run_cli

GOOD = [REPORTS / "eastmoor" / "eastmoor-2021-11.docx",
        REPORTS / "northshire" / "northshire-2021-09.pdf"]


def _link(source: Path, target: Path) -> None:
    """Hard-link (the sparse file stays sparse), else copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _picked_up(path: Path) -> bool:
    """Whether ingest of a folder looks at this file (a regular file of a report type)."""
    return path.is_file() and path.suffix.lower() in settings().ingest.extensions


def test_a_folder_of_good_and_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for report in GOOD:
        shutil.copyfile(report, folder / report.name)
    broken, readable = {}, set()
    for case in CASES:
        source = hostile_inputs()[case.build]
        if case.build == "permission_denied" or not _picked_up(source):
            continue
        _link(source, folder / source.name)
        if case.exit == 0:
            readable.add(source.name)
        else:
            broken[source.name] = case.reason
    db = tmp_path / "archive.db"
    run = run_cli("ingest", folder, "--db", db, "--jobs", "2", timeout=120)
    assert run.exit == 0, run.stderr
    assert "Traceback" not in run.stderr
    failed = {Path(line.split(": ", 2)[1]).name: line for line in run.stderr_lines
              if line.startswith("failed: ")}
    assert set(failed) == set(broken)
    for name, reason in broken.items():
        assert reason in failed[name]
    with sqlite3.connect(db) as conn:
        status = {Path(path).name: state for path, state in
                  conn.execute("SELECT path, status FROM documents").fetchall()}
    assert status == {name: "ok" for name in {report.name for report in GOOD} | readable} | {
        name: "failed" for name in broken}


def test_an_unreadable_subfolder_is_listed_and_the_rest_goes_in(tmp_path: Path) -> None:
    prefix = None
    if os.geteuid() == 0:
        if shutil.which(WITHOUT_READ_OVERRIDE[0]) is None:
            pytest.skip("running as root without setpriv: every folder is readable")
        prefix = WITHOUT_READ_OVERRIDE
    folder, locked = tmp_path / "inbox", tmp_path / "inbox" / "locked"
    locked.mkdir(parents=True)
    shutil.copyfile(GOOD[0], folder / GOOD[0].name)
    shutil.copyfile(GOOD[1], locked / GOOD[1].name)
    locked.chmod(0)
    try:
        run = run_cli("ingest", folder, "--db", tmp_path / "archive.db", "--jobs", "1",
                      timeout=60, prefix=prefix)
    finally:
        locked.chmod(0o755)
    assert run.exit == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr_lines[-2].startswith("1 ingested")
    assert run.stderr_lines[-1] == f"failed: {locked}: Permission denied"
