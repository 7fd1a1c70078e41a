"""A progress bar on stderr for ingestion (rich): files done/total, failures, rate."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["ProgressBar"]


class ProgressBar:
    """A :class:`corpus.ingest.Progress` drawn on stderr; use it as a context manager."""

    def __init__(self, description: str = "ingesting") -> None:
        self._failures = 0
        self._bar = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[failures]} failed"),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False)
        self._task: TaskID = self._bar.add_task(description, total=None, failures=0, rate="")

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._bar.stop()

    def start(self, total: int) -> None:
        """Set the number of files."""
        self._bar.update(self._task, total=total)

    def advance(self, *, failed: bool = False) -> None:
        """One file done; count it as a failure when it failed."""
        self._failures += failed
        self._bar.advance(self._task)
        elapsed = self._bar.tasks[0].elapsed or 0.0
        done = self._bar.tasks[0].completed
        rate = f"{60 * done / elapsed:.0f}/min" if elapsed > 0 else ""
        self._bar.update(self._task, failures=self._failures, rate=rate)
