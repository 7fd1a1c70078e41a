"""Ingestion: idempotence, failures, time limits, duplicate periods."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from corpus.ingest import ingest
from tests.corpus.archive_standin import fake_extract, make_report, write_report


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _folder(root: Path, count: int) -> Path:
    for index in range(count):
        report = make_report(f"Shire{index}", "2021-01", "2021-03",
                             risks=(f"risk number {index} about staffing",))
        write_report(root / f"sub{index % 3}" / f"report{index}.txt", report)
    return root


def test_second_run_ingests_nothing_and_a_renamed_copy_is_skipped(tmp_path, archive_db):
    folder = _folder(tmp_path / "in", 5)
    first = ingest([folder], db=archive_db, jobs=2, extract_fn=fake_extract)
    assert (first.added, first.skipped, first.failures) == (5, 0, [])
    shutil.copy(folder / "sub0" / "report0.txt", folder / "renamed.txt")
    second = ingest([folder], db=archive_db, jobs=2, extract_fn=fake_extract)
    assert (second.added, second.skipped, second.found) == (0, 6, 6)
    assert _rows(archive_db, "SELECT count(*) FROM documents") == [(5,)]


def test_good_files_go_in_and_every_broken_one_is_listed_with_its_reason(tmp_path, archive_db):
    folder = _folder(tmp_path / "in", 4)
    report = make_report("Eastmoor", "2022-01", "2022-03")
    write_report(folder / "corrupt.txt", report, directive="#broken corrupt PDF: no trailer")
    write_report(folder / "buggy.md", report, directive="#bug")
    write_report(folder / "~$lock.txt", report, directive="#broken never read")
    write_report(folder / ".hidden.txt", report, directive="#broken never read")
    write_report(folder / "notes.xyz", report, directive="#broken never read")
    result = ingest([folder, tmp_path / "missing.pdf"], db=archive_db, jobs=2,
                    extract_fn=fake_extract)
    reasons = {Path(f.path).name: f.reason for f in result.failures}
    assert result.added == 4
    assert set(reasons) == {"corrupt.txt", "buggy.md", "missing.pdf"}
    assert "no trailer" in reasons["corrupt.txt"]
    assert "RuntimeError" in reasons["buggy.md"]
    stored = dict(_rows(archive_db, "SELECT path, error FROM documents WHERE status = 'failed'"))
    assert {Path(p).name for p in stored} == {"corrupt.txt", "buggy.md"}
    assert result.succeeded


def test_a_fixed_file_that_failed_before_goes_in_on_the_next_run(tmp_path, archive_db):
    path = write_report(tmp_path / "a.txt", make_report("Eastmoor", "2022-01", "2022-03"),
                        directive="#broken corrupt")
    assert ingest([path], db=archive_db, jobs=1, extract_fn=fake_extract).failures
    write_report(path, make_report("Eastmoor", "2022-01", "2022-03"))
    again = ingest([path], db=archive_db, jobs=1, extract_fn=fake_extract)
    assert (again.added, again.failures) == (1, [])
    assert _rows(archive_db, "SELECT status FROM documents") == [("ok",)]


def test_a_document_over_the_time_limit_is_failed_and_the_rest_go_in(tmp_path, archive_db):
    folder = _folder(tmp_path / "in", 3)
    write_report(folder / "hangs.txt", make_report("Slowshire", "2022-01", "2022-03"),
                 directive="#hang")
    result = ingest([folder], db=archive_db, jobs=2, extract_fn=fake_extract, timeout=2)
    assert result.added == 3
    assert [(Path(f.path).name, "timed out" in f.reason) for f in result.failures] == [
        ("hangs.txt", True)]


def test_a_document_queued_behind_another_gets_its_whole_time_limit(tmp_path, archive_db):
    # One worker, two documents of 1.5 s each under a 2 s limit: the second is handed over
    # while the first runs, but its clock starts only when the worker starts it.
    for name in ("first", "second"):
        write_report(tmp_path / "in" / f"{name}.txt", make_report(name, "2022-01", "2022-03"),
                     directive="#sleep 1.5")
    result = ingest([tmp_path / "in"], db=archive_db, jobs=1, extract_fn=fake_extract,
                    timeout=2)
    assert (result.added, result.failures) == (2, [])


def test_a_worker_that_dies_fails_its_document_only(tmp_path, archive_db):
    folder = _folder(tmp_path / "in", 5)
    write_report(folder / "sub0" / "crashes.txt", make_report("Crashford", "2022-01", "2022-03"),
                 directive="#die")
    result = ingest([folder], db=archive_db, jobs=2, extract_fn=fake_extract)
    assert result.added == 5
    assert [(Path(f.path).name, f.reason) for f in result.failures] == [
        ("crashes.txt", "the worker process died reading it")]


def test_a_second_report_of_the_same_period_is_kept_and_reported(tmp_path, archive_db):
    first = write_report(tmp_path / "v1.txt", make_report(
        "Riverbridge", "2020-01", "2020-03", risks=("old wording",)))
    second = write_report(tmp_path / "v2.txt", make_report(
        "Riverbridge", "2020-01", "2020-03", risks=("corrected wording",)))
    ingest([first], db=archive_db, jobs=1, extract_fn=fake_extract)
    result = ingest([second], db=archive_db, jobs=1, extract_fn=fake_extract)
    assert [(d.authority, d.others, d.replaced) for d in result.duplicates] == [
        ("Riverbridge", (str(first),), False)]
    assert _rows(archive_db, "SELECT path, is_current FROM documents ORDER BY id") == [
        (str(first), 0), (str(second), 1)]


def test_replace_deletes_the_older_report_of_the_same_period(tmp_path, archive_db):
    first = write_report(tmp_path / "v1.txt", make_report(
        "Riverbridge", "2020-01", "2020-03", risks=("old wording",)))
    second = write_report(tmp_path / "v2.txt", make_report(
        "Riverbridge", "2020-01", "2020-03", risks=("corrected wording",)))
    ingest([first], db=archive_db, jobs=1, extract_fn=fake_extract)
    result = ingest([second], db=archive_db, jobs=1, extract_fn=fake_extract, replace=True)
    assert result.duplicates[0].replaced
    assert _rows(archive_db, "SELECT path FROM documents") == [(str(second),)]
    assert _rows(archive_db, "SELECT text FROM items") == [("corrected wording",)]
    assert _rows(archive_db, "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH "
                             "'old'") == [(0,)]
