"""``highlights ingest`` of a folder of good reports mixed with every hostile input.

Every good report goes in, every broken file is listed with its reason, and the run exits 0.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from corpus.settings import settings
from tests.hostile.make_fixtures import CASES, REPORTS, hostile_inputs
from tests.hostile.run import run_cli

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
