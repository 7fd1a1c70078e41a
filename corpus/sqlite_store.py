"""The embedded archive: one SQLite file (WAL, FTS5), the default :class:`ArchiveStore`."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any

from corpus.fts import RANK, filter_sql, match_expression, period_queries
from corpus.migrations import migrate
from corpus.rows import (
    Row,
    assessment_row,
    document_row,
    indicator_rows,
    item_rows,
    summary_row,
)
from corpus.store import AddOutcome, Passage, PassageFilter, StoredReport
from models.errors import ArchiveError, QuerySyntaxError
from models.report import Period, Report

__all__ = ["SQLiteStore", "quote_identifier", "SNIPPET_OPEN", "SNIPPET_CLOSE"]

BUSY_TIMEOUT_MS = 30_000
# Reads map the file (pages shared with the OS cache, so a fresh CLI process starts warm) and
# keep up to 64 MiB of pages per connection: a filtered search joins every match to its report.
MMAP_BYTES = 1 << 30
CACHE_KIB = 64 * 1024
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"  # match markers inside Passage.snippet

_QUERY_ERRORS = ("fts5:", "unterminated string", "no such column", "unknown special query",
                 "expected integer")  # the last: NEAR(a b, x) with x not a distance
_PASSAGE_COLUMNS = """d.authority, d.period_label, d.period_start, d.period_end,
    i.section, i.area, i.text, d.path"""


def quote_identifier(name: str) -> str:
    """``name`` as a quoted SQL identifier (the one way SQL names enter a statement)."""
    return '"' + name.replace('"', '""') + '"'


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(quote_identifier(name) for name in columns)
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {quote_identifier(table)} ({names}) VALUES ({marks})"


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch ``conn``'s database to WAL, retrying while another process holds it.

    Changing the journal mode needs an exclusive lock, and SQLite answers "database is
    locked" at once (without waiting out the busy timeout) when two processes open a fresh
    archive together; so this waits and retries up to the same timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _refuse_foreign_database(conn: sqlite3.Connection, *, create: bool) -> None:
    """Raise unless ``conn`` holds an archive, or (with ``create``) an empty file to make one.

    Checked before anything is written, so a read never turns an empty file, or another
    program's database, into an archive.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0]:
        return
    if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise ArchiveError("not a highlights archive (an SQLite database of something else)")
    if not create:
        raise ArchiveError("not a highlights archive (an empty database; "
                           "run `highlights ingest` to make one)")


def _is_query_error(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite rejected the text of an FTS5 MATCH expression."""
    return str(exc).startswith(_QUERY_ERRORS)


def _passage(row: Sequence[Any], *, score: float = 0.0, snippet: str = "") -> Passage:
    authority, label, start, end, section, area, text, path = row[:8]
    period = Period(label=label, start=start, end=end) if label is not None else None
    return Passage(authority=authority, period=period, section=section, area=area, text=text,
                   source=path, score=score, snippet=snippet)


class SQLiteStore:
    """An archive in one SQLite file; every public method is one transaction at most."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        if not create and not path.is_file():
            raise ArchiveError("no archive here (run `highlights ingest` first)", path)
        self.path = path
        try:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                         isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _refuse_foreign_database(self._conn, create=create)
            _use_wal(self._conn)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
        except (sqlite3.Error, OSError) as exc:
            raise ArchiveError(f"cannot open the archive: {exc}", path) from exc
        except ArchiveError as exc:
            raise ArchiveError(exc.reason, path) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error, SQLite errors as ArchiveError."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise ArchiveError(f"cannot write to the archive: {exc}", self.path) from exc

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if _is_query_error(exc):
                raise QuerySyntaxError(f"cannot parse the search query: {exc}") from exc
            raise ArchiveError(f"cannot read the archive: {exc}", self.path) from exc
        except sqlite3.Error as exc:
            raise ArchiveError(f"cannot read the archive: {exc}", self.path) from exc

    def _insert(self, table: str, rows: Iterable[Row]) -> int | None:
        """Insert rows, one statement per run of rows with the same columns; return the rowid
        of the row when there is one (several rows give None)."""
        last = None
        for columns, run in groupby(rows, key=tuple):
            values = [tuple(row.values()) for row in run]
            sql = _insert_sql(table, columns)
            if len(values) == 1:
                last = self._conn.execute(sql, values[0]).lastrowid
            else:
                self._conn.executemany(sql, values)
                last = None
        return last

    def known(self, hashes: Iterable[str]) -> set[str]:
        """The hashes among ``hashes`` already stored as ok reports."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(sha for (sha,) in self._read(
                f"SELECT sha256 FROM documents WHERE status = 'ok' AND sha256 IN ({marks})",
                chunk))
        return found

    def add_report(self, report: Report, *, sha256: str, path: str, replace: bool = False
                   ) -> AddOutcome:
        """Store one report with its assessments, items and indicators, in one transaction.

        The report becomes the current one of its authority and period; earlier ones of the
        same period are kept (and listed in ``same_period``) or, with ``replace``, deleted.
        """
        row = document_row(report, sha256=sha256, path=path)
        with self._transaction() as conn:
            existing = conn.execute("SELECT status FROM documents WHERE sha256 = ?",
                                    (sha256,)).fetchone()
            if existing and existing[0] == "ok":
                return AddOutcome("already")
            conn.execute("DELETE FROM documents WHERE status = 'failed' "
                         "AND (sha256 = ? OR path = ?)", (sha256, path))
            siblings = conn.execute(
                "SELECT id, path FROM documents WHERE status = 'ok' AND authority IS ? "
                "AND period_key = ?", (row["authority"], row["period_key"])).fetchall()
            outcome = AddOutcome("added")
            for sibling_id, sibling_path in siblings:
                self._index(sibling_id, add=False)
                if replace:
                    conn.execute("DELETE FROM documents WHERE id = ?", (sibling_id,))
                    outcome.replaced.append(sibling_path)
                else:
                    conn.execute("UPDATE documents SET is_current = 0 WHERE id = ?",
                                 (sibling_id,))
                    outcome.same_period.append(sibling_path)
            document_id = self._insert("documents", [{**row, "is_current": 1}])
            assert document_id is not None
            self._write_parts(report, document_id)
            self._index(document_id, add=True)
        return outcome

    def _write_parts(self, report: Report, document_id: int) -> None:
        for position, assessment in enumerate(report.assessments):
            assessment_id = self._insert("assessments", [assessment_row(
                assessment, document_id=document_id, position=position)])
            assert assessment_id is not None
            summary = summary_row(assessment, document_id=document_id, position=position,
                                  assessment_id=assessment_id)
            if summary:
                self._insert("items", [summary])
        self._insert("items", item_rows(report, document_id=document_id))
        self._insert("indicators", indicator_rows(report, document_id=document_id))

    def _index(self, document_id: int, *, add: bool) -> None:
        """Add a current report's passages to the FTS index, or take them out."""
        if add:
            self._conn.execute("INSERT INTO passages_fts (rowid, text, tags) SELECT id, text, "
                               "tags FROM passages WHERE document_id = ?", (document_id,))
            return
        self._conn.execute(
            "INSERT INTO passages_fts (passages_fts, rowid, text, tags) SELECT 'delete', p.id, "
            "p.text, p.tags FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.document_id = ? AND d.is_current = 1", (document_id,))

    def add_failure(self, *, sha256: str, path: str, reason: str) -> None:
        """Record a failed file (replacing an earlier failure of the same path), or refresh its
        reason; an ok copy of the content wins."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as conn:
            conn.execute("DELETE FROM documents WHERE status = 'failed' AND path = ? "
                         "AND sha256 <> ?", (path, sha256))
            conn.execute(
                "INSERT INTO documents (sha256, path, format, status, error, ingested_at) "
                "VALUES (?, ?, ?, 'failed', ?, ?) ON CONFLICT (sha256) DO UPDATE SET "
                "path = excluded.path, error = excluded.error, ingested_at = excluded.ingested_at "
                "WHERE documents.status = 'failed'",
                (sha256, path, Path(path).suffix.lstrip(".").lower() or None, reason, now))

    def search(self, fts_query: str, where: PassageFilter, *, limit: int
               ) -> tuple[int, list[Passage]]:
        """FTS5 matches among current reports, best (bm25) first, and their total count."""
        authorities: list[str] = []
        if where.authority:
            authorities = [name for (name,) in self._read(
                "SELECT authority FROM documents WHERE authority = ? COLLATE NOCASE UNION "
                "SELECT authority FROM documents WHERE authority_name = ? COLLATE NOCASE",
                (where.authority, where.authority)) if name is not None]
            if not authorities:
                return 0, []
        periods = []
        for kind, sql, params in period_queries(where):
            months = [month for (month,) in self._read(sql, params)]
            if not months:
                return 0, []
            periods.append((kind, months))
        match = match_expression(fts_query, where, authorities, periods)
        base = "FROM passages_fts WHERE passages_fts MATCH ?"
        total = self._read(f"SELECT count(*) {base}", [match])[0][0]
        ranked = self._read(f"SELECT rowid, {RANK} {base} ORDER BY {RANK}, rowid LIMIT ?",
                            [match, limit]) if total else []
        marks = ", ".join("?" * len(ranked))
        details = {row[0]: row[1:] for row in self._read(
            f"SELECT i.id, {_PASSAGE_COLUMNS} FROM items i JOIN documents d "
            f"ON d.id = i.document_id WHERE i.id IN ({marks})", [row[0] for row in ranked])}
        # The snippet marks the text column's matches only: the tag words would only make
        # FTS5 seek every filter's word lists again for each hit.
        text_match = match_expression(fts_query, PassageFilter())
        return total, [_passage(details[rowid], score=-rank,
                                snippet=self._snippet(text_match, rowid))
                       for rowid, rank in ranked]

    def _snippet(self, match: str, rowid: int) -> str:
        """The passage's best fragment with the matches marked (one hit at a time: asking for
        snippets in the ranking query would build one for every match)."""
        return str(self._read(
            "SELECT snippet(passages_fts, 0, ?, ?, '…', 32) FROM passages_fts "
            "WHERE passages_fts MATCH ? AND rowid = ?",
            (SNIPPET_OPEN, SNIPPET_CLOSE, match, rowid))[0][0])

    def passages(self, where: PassageFilter) -> Iterator[Passage]:
        """Every passage of the current reports that passes ``where``, in document order."""
        conditions, params = filter_sql(where)
        rows = self._read(
            f"SELECT {_PASSAGE_COLUMNS} FROM items i JOIN documents d ON d.id = i.document_id "
            f"WHERE {conditions} ORDER BY d.authority, d.period_start, d.id, i.id", params)
        return (_passage(row) for row in rows)

    def reports(self, *, authority: str | None = None) -> Iterator[StoredReport]:
        """Current ok reports, by authority then period (oldest first)."""
        sql = "SELECT report_json, path, sha256 FROM documents WHERE is_current = 1"
        params: list[Any] = []
        if authority:
            sql += " AND (authority = ? COLLATE NOCASE OR authority_name = ? COLLATE NOCASE)"
            params += [authority, authority]
        rows = self._read(sql + " ORDER BY authority, period_start, period_end, id", params)
        return (StoredReport(Report.from_json(text), path, sha) for text, path, sha in rows)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()
