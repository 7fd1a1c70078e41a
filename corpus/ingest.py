"""Ingest report files into the archive: hash, skip known content, parse in parallel, write.

Workers only parse; the main process is the one writer, one transaction per document, so an
interrupted run (Ctrl-C, ``kill -9``) leaves whole documents only, and running it again
finishes the job: content already stored ok is skipped, failed files are tried again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from corpus.discover import Candidate, find_files
from corpus.settings import settings
from corpus.store import ArchiveStore, open_store
from corpus.workers import ExtractFn, Parsed, parse_in_workers
from models.report import Report

__all__ = ["Failure", "DuplicatePeriod", "IngestResult", "Progress", "extract_in_worker", "ingest"]


@dataclass(frozen=True)
class Failure:
    """A file that did not go in, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class DuplicatePeriod:
    """A report whose authority and period were already in the archive under other files."""

    authority: str | None
    period: str | None
    path: str
    others: tuple[str, ...]
    replaced: bool


@dataclass
class IngestResult:
    """Counts of one ingest run, with every failure and duplicate period."""

    found: int = 0
    added: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    duplicates: list[DuplicatePeriod] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        """Something went in, or everything was already there (the CLI's exit 0)."""
        return self.added + self.skipped > 0 or not self.failures


class Progress(Protocol):
    """Where ingest reports how far it has got."""

    def start(self, total: int) -> None:
        """``total`` files will be looked at."""
        ...

    def advance(self, *, failed: bool = False) -> None:
        """One more file is done."""
        ...


def _record(store: ArchiveStore, parsed: Parsed, result: IngestResult, replace: bool) -> bool:
    """Write one parsed file; return whether it failed."""
    path, sha = str(parsed.candidate.path), parsed.candidate.sha256
    assert sha is not None
    if parsed.report_json is None:
        reason = parsed.error or "unknown error"
        store.add_failure(sha256=sha, path=path, reason=reason)
        result.failures.append(Failure(path, reason))
        return True
    report = Report.from_json(parsed.report_json)
    outcome = store.add_report(report, sha256=sha, path=path, replace=replace)
    if outcome.status == "already":
        result.skipped += 1
        return False
    result.added += 1
    others = outcome.replaced or outcome.same_period
    if others:
        result.duplicates.append(DuplicatePeriod(
            report.authority.canonical if report.authority else None,
            report.period.label if report.period else None, path, tuple(others),
            bool(outcome.replaced)))
    return False


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def _to_parse(store: ArchiveStore, candidates: list[Candidate]) -> list[Candidate]:
    """The readable candidates whose content is not in the archive, each content once."""
    known = store.known(c.sha256 for c in candidates if c.sha256)
    todo: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.sha256 and candidate.sha256 not in known:
            todo.setdefault(candidate.sha256, candidate)
    return list(todo.values())


def extract_in_worker(path: Path) -> Report:
    """The default extract function: :func:`extractor.extract`, imported where it runs.

    The workers' fork server has the extractor preloaded; the main process, which only
    writes, never pays for importing it.
    """
    from extractor import extract

    return extract(path)


def ingest(paths: Iterable[str | Path], *, db: str | Path, jobs: int | None = None,
           replace: bool = False, extract_fn: ExtractFn | None = None,
           progress: Progress | None = None, timeout: float | None = None) -> IngestResult:
    """Ingest files and folders (recursively) into the archive at ``db``.

    ``jobs`` worker processes parse (default: one per core); a document taking longer than
    ``timeout`` seconds (default from archive.toml) is recorded as failed. ``extract_fn``
    (default :func:`extract_in_worker`) must be a module-level function: it is sent to the
    workers. Failures never raise: they are stored, listed in the result, and the rest still
    go in.
    """
    config = settings().ingest
    candidates = list(find_files(paths))
    result = IngestResult(found=len(candidates))
    store = open_store(db, create=True)
    try:
        todo = _to_parse(store, candidates)
        if progress:
            progress.start(len(candidates))
        chosen = {id(candidate) for candidate in todo}
        for candidate in candidates:
            if id(candidate) in chosen:
                continue
            if candidate.error:
                result.failures.append(Failure(str(candidate.path), candidate.error))
            else:
                result.skipped += 1
            if progress:
                progress.advance(failed=candidate.error is not None)
        for parsed in parse_in_workers(
                todo, extract_fn or extract_in_worker, jobs=jobs or _cores(),
                timeout=timeout or config.timeout_seconds,
                max_tasks_per_child=config.max_tasks_per_child, preload=config.preload):
            failed = _record(store, parsed, result, replace)
            if progress:
                progress.advance(failed=failed)
    finally:
        store.close()
    return result
