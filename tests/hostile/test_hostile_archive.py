"""Archive commands given a bad ``--db``: one clear line, exit 3, and the file left as it was.

(Two ingests at once into one archive, a run killed with SIGKILL and a failing migration are
covered by tests/corpus/test_archive_interrupted.py and test_archive_store.py.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.make_fixtures import GOOD_DOCX, GOOD_PDF
from tests.hostile.run import WITHOUT_READ_OVERRIDE, run_cli

COMMANDS = {
    "search": ["search", "risk"],
    "similar": ["search", "--similar", "agency social workers"],
    "changes": ["changes"],
    "themes": ["themes"],
    "export": ["export"],
    "site": ["site", "--out", "{tmp}/site"],
}


def _not_a_database(folder: Path) -> Path:
    return Path(shutil.copyfile(GOOD_PDF, folder / "archive.db"))


def _newer_schema(folder: Path) -> Path:
    path = folder / "archive.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute("PRAGMA user_version = 999")
    return path


KINDS = {
    "missing": (lambda folder: folder / "absent.db", "no archive here"),
    "not_a_database": (_not_a_database, "not a database"),
    "newer_schema": (_newer_schema, "newer than this highlights"),
}
_CASES = [(kind, command) for kind in KINDS for command in COMMANDS
          if kind == "missing" or command in ("search", "export")]


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def _state(path: Path) -> object:
    """What must not change: the bytes of a file that is not an archive, else the archive's
    schema version and tables (SQLite may switch an archive's journal mode on opening)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return (conn.execute("PRAGMA user_version").fetchone(),
                    conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
    except sqlite3.Error:
        return _digest(path)


@pytest.mark.parametrize(("kind", "command"), _CASES)
def test_bad_archive_is_one_line_and_left_untouched(tmp_path: Path, kind: str,
                                                    command: str) -> None:
    make, reason = KINDS[kind]
    db = make(tmp_path)
    before = _state(db)
    args = [part.format(tmp=tmp_path) for part in COMMANDS[command]]
    run = run_cli(*args, "--db", db, timeout=30)
    assert run.exit == 3, run.stderr
    assert run.stdout == ""
    [line] = run.stderr_lines
    assert str(db) in line and reason in line
    assert _state(db) == before
    assert not (tmp_path / "site").exists()


def test_ingest_into_a_read_only_archive_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    assert run_cli("ingest", GOOD_DOCX, "--db", db, "--jobs", "1", timeout=60).exit == 0
    db.chmod(0o444)
    before = _digest(db)
    prefix = None
    if os.geteuid() == 0:
        if shutil.which(WITHOUT_READ_OVERRIDE[0]) is None:
            pytest.skip("running as root without setpriv: every file is writable")
        prefix = WITHOUT_READ_OVERRIDE
    run = run_cli("ingest", GOOD_PDF, "--db", db, "--jobs", "1", timeout=60, prefix=prefix)
    assert run.exit == 3
    assert "Traceback" not in run.stderr
    assert str(db) in run.stderr_lines[-1] and "cannot write" in run.stderr_lines[-1]
    assert _digest(db) == before
