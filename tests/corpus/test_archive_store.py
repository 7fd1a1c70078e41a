"""The SQLite store: schema, migrations, one transaction per document, documented tables."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import migrations
from corpus.migrations import Migration, latest_version
from corpus.sqlite_store import SQLiteStore, quote_identifier
from corpus.store import PassageFilter, open_store
from models import ArchiveError
from tests.corpus.archive_standin import make_report

REPO = Path(__file__).resolve().parents[2]


def test_a_fresh_archive_is_at_the_latest_schema_with_wal(archive_db):
    open_store(archive_db, create=True).close()
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    open_store(archive_db).close()  # reopening migrates nothing and does not fail


def test_a_failing_migration_leaves_the_archive_as_it_was(archive_db, monkeypatch):
    open_store(archive_db, create=True).close()
    before = latest_version()
    broken = (*migrations.migrations(), Migration(before + 1, (
        "CREATE TABLE extra (x)", "ALTER TABLE documents ADD COLUMN note TEXT",
        "THIS IS NOT SQL")))
    monkeypatch.setattr(migrations, "migrations", lambda: broken)
    with pytest.raises(ArchiveError, match="cannot migrate"):
        open_store(archive_db)
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == before
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    assert "extra" not in tables and "note" not in columns


def test_an_archive_from_a_newer_version_is_refused(archive_db):
    open_store(archive_db, create=True).close()
    with sqlite3.connect(archive_db) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    with pytest.raises(ArchiveError, match="newer"):
        open_store(archive_db)


def test_a_file_that_is_not_an_archive_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database " * 100)
    with pytest.raises(ArchiveError, match="cannot open"):
        open_store(bogus)
    with pytest.raises(ArchiveError, match="no archive"):
        open_store(tmp_path / "absent.db")


def test_reading_an_empty_file_or_another_database_changes_neither(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(ArchiveError, match="empty database"):
        open_store(empty)
    assert empty.stat().st_size == 0
    open_store(empty, create=True).close()  # ingest may make its archive in an empty file
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    for create in (False, True):
        with pytest.raises(ArchiveError, match="something else"):
            open_store(other, create=create)
    assert other.read_bytes() == before


def test_a_report_is_stored_whole_and_searchable(archive_db):
    store = open_store(archive_db, create=True)
    report = make_report("Eastmoor", "2022-01", "2022-03", headline="Steady progress.",
                         risks=("Court delay", "Agency reliance"), going_well=("Audits",),
                         ratings={"leadership": ("AMBER", "Leaders have grip.")})
    store.add_report(report, sha256="a" * 64, path="e.pdf")
    with sqlite3.connect(archive_db) as conn:
        sections = sorted(s for (s,) in conn.execute("SELECT section FROM items"))
        rating = conn.execute("SELECT rating, rating_rank FROM assessments").fetchall()
    assert sections == ["assessment", "going_well", "headline", "risks", "risks"]
    assert rating == [("AMBER", 2)]
    assert [p.text for p in store.passages(PassageFilter(section="risks"))] == [
        "Court delay", "Agency reliance"]
    [stored] = list(store.reports())
    assert stored.report == report and stored.path == "e.pdf"
    store.close()


def test_an_ok_copy_wins_over_a_failure_of_the_same_content(archive_db):
    store = open_store(archive_db, create=True)
    report = make_report("Eastmoor", "2022-01", "2022-03")
    store.add_report(report, sha256="b" * 64, path="first.pdf")
    store.add_failure(sha256="b" * 64, path="copy.pdf", reason="timed out")
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("SELECT status, path FROM documents").fetchall() == [
            ("ok", "first.pdf")]
    assert store.add_report(report, sha256="b" * 64, path="copy.pdf").status == "already"
    store.close()


def test_a_write_that_fails_half_way_leaves_nothing_behind(archive_db, monkeypatch):
    store = open_store(archive_db, create=True)
    assert isinstance(store, SQLiteStore)

    def explode(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_write_parts", explode)
    with pytest.raises(ArchiveError):
        store.add_report(make_report("Eastmoor", "2022-01", "2022-03", risks=("x",)),
                         sha256="c" * 64, path="x.pdf")
    with sqlite3.connect(archive_db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    store.close()


@given(st.text(min_size=1, max_size=20))
def test_any_name_quoted_is_one_usable_identifier(name):
    quoted = quote_identifier(name.replace("\x00", ""))
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE {quoted} ({quoted} TEXT)")
    conn.execute(f"INSERT INTO {quoted} ({quoted}) VALUES (?)", ("v",))
    assert conn.execute(f"SELECT {quoted} FROM {quoted}").fetchall() == [("v",)]


def test_every_table_and_column_is_documented(archive_db):
    open_store(archive_db, create=True).close()
    doc = (REPO / "docs" / "ARCHIVE.md").read_text(encoding="utf-8")
    with sqlite3.connect(archive_db) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'passages_fts_%' AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            assert re.search(rf"`{table}`", doc), f"table {table} is not in docs/ARCHIVE.md"
            if table == "passages_fts":
                continue
            for row in conn.execute(f"PRAGMA table_info({quote_identifier(table)})"):
                assert f"`{row[1]}`" in doc, f"column {table}.{row[1]} is not documented"


def test_an_archive_of_schema_1_is_upgraded_and_searchable(archive_db):
    archive_db.parent.mkdir(parents=True)
    with sqlite3.connect(archive_db) as conn:
        for statement in migrations.migrations()[0].statements:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO documents (id, sha256, path, authority, period_key, "
                     "is_current, status, ingested_at) VALUES (1, 'x', 'old.pdf', "
                     "'Westvale', 'a', 1, 'ok', 'then')")
        conn.execute("INSERT INTO items (document_id, section, position, text) "
                     "VALUES (1, 'risks', 0, 'Court delay persists.')")
    store = open_store(archive_db)
    total, [hit] = store.search("court", PassageFilter(section="risks", authority="westvale"),
                                limit=5)
    store.close()
    assert (total, hit.source, hit.text) == (1, "old.pdf", "Court delay persists.")
