"""Ingest as a real process: killed with SIGKILL mid-way, and two at once into one archive."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.corpus.archive_standin import make_report, write_report

REPO = Path(__file__).resolve().parents[2]
_SCRIPT = """
import json, sys
from corpus.ingest import ingest
from tests.corpus.archive_standin import fake_extract
result = ingest([sys.argv[1]], db=sys.argv[2], jobs=2, extract_fn=fake_extract)
print(json.dumps({"added": result.added, "skipped": result.skipped,
                  "failures": len(result.failures)}))
"""


def _slow_folder(root: Path, count: int) -> Path:
    for index in range(count):
        report = make_report(f"Shire{index:03d}", "2021-01", "2021-03",
                             risks=(f"risk {index} about the workforce", f"risk {index} b"))
        write_report(root / f"r{index:03d}.txt", report, directive="#sleep")
    return root


def _start(folder: Path, db: Path, sleep: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "STANDIN_SLEEP": str(sleep)}
    return subprocess.Popen([sys.executable, "-c", _SCRIPT, str(folder), str(db)], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _assert_consistent(db: Path, expected: int) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.execute("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')")
        per_document = conn.execute(
            "SELECT d.sha256, count(i.id) FROM documents d LEFT JOIN items i "
            "ON i.document_id = d.id GROUP BY d.id").fetchall()
        authorities = conn.execute("SELECT authority FROM documents").fetchall()
    assert len(per_document) == expected
    assert {items for _, items in per_document} == {2}  # whole documents only
    assert len(set(authorities)) == expected


def test_kill_9_mid_way_then_rerun_leaves_every_report_once(tmp_path):
    folder, db = _slow_folder(tmp_path / "in", 40), tmp_path / "a.db"
    process = _start(folder, db, sleep=0.15)
    deadline = time.monotonic() + 60
    while _count(db) < 6 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    partial = _count(db)
    assert 6 <= partial < 40
    rerun = _start(folder, db, sleep=0.0)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    counts = json.loads(out)
    assert counts["skipped"] >= partial and counts["added"] + counts["skipped"] == 40
    _assert_consistent(db, 40)


def test_two_ingests_at_once_into_one_archive_neither_corrupt_nor_duplicate(tmp_path):
    folder, db = _slow_folder(tmp_path / "in", 24), tmp_path / "a.db"
    processes = [_start(folder, db, sleep=0.05) for _ in range(2)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    assert sum(r["added"] for r in results) == 24
    assert all(r["failures"] == 0 for r in results)
    _assert_consistent(db, 24)


def test_ctrl_c_stops_ingest_promptly_and_a_rerun_finishes(tmp_path):
    folder, db = _slow_folder(tmp_path / "in", 30), tmp_path / "a.db"
    process = _start(folder, db, sleep=0.2)
    deadline = time.monotonic() + 60
    while _count(db) < 4 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=20)  # no hang waiting for the workers
    assert process.returncode != 0 and _count(db) < 30
    rerun = _start(folder, db, sleep=0.0)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    _assert_consistent(db, 30)
