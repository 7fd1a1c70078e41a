"""Bring an archive database up to the schema in ``schema.sql``, all or nothing."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from models.errors import ArchiveError

__all__ = ["Migration", "migrations", "latest_version", "migrate"]

_VERSION_LINE = re.compile(r"^--\s*version\s+(\d+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Migration:
    """One ``-- version N`` block of schema.sql, split into statements."""

    version: int
    statements: tuple[str, ...]


def _statements(sql: str) -> tuple[str, ...]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ArchiveError(f"schema.sql: incomplete statement: {pending.strip()[:60]}")
    return tuple(statements)


@cache
def migrations() -> tuple[Migration, ...]:
    """Every migration in schema.sql, in version order."""
    text = files("corpus").joinpath("schema.sql").read_text(encoding="utf-8")
    marks = list(_VERSION_LINE.finditer(text))
    blocks = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        blocks.append(Migration(int(mark.group(1)), _statements(text[mark.end():end])))
    versions = [block.version for block in blocks]
    if versions != list(range(1, len(blocks) + 1)):
        raise ArchiveError(f"schema.sql: versions must run 1, 2, 3...: found {versions}")
    return tuple(blocks)


def latest_version() -> int:
    """The schema version this code writes."""
    return migrations()[-1].version


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the pending migrations in one IMMEDIATE transaction; return the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Two processes opening a
    fresh archive at once are safe: the second waits for the lock, then finds nothing to do.
    """
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    target = latest_version()
    if current == target:
        return current
    try:
        conn.execute("BEGIN IMMEDIATE")
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current > target:
            raise ArchiveError(
                f"archive schema version {current} is newer than this highlights ({target})")
        for migration in migrations()[current:]:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise ArchiveError(f"cannot migrate the archive: {exc}") from exc
        raise
    return target
