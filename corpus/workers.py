"""Parse files in worker processes, with a time limit per document.

A ``concurrent.futures`` process pool (``forkserver`` context) runs at most ``jobs`` documents
at once, so each one's clock starts when it is handed over. A document that runs past the limit
has the pool's workers killed; it is reported as failed and the other documents that were in
flight are simply handed to a fresh pool. A worker that dies on its own (a crash in a native
library, the out-of-memory killer) breaks the pool too: the documents in flight are then retried
one at a time, and the one that breaks a pool alone is reported as failed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.queues import SimpleQueue
from pathlib import Path
from time import monotonic
from typing import Any

from corpus.discover import Candidate
from models.errors import HighlightsError
from models.report import Report

__all__ = ["ExtractFn", "Parsed", "parse_in_workers"]

ExtractFn = Callable[[Path], Report]


@dataclass(frozen=True)
class Parsed:
    """The outcome of one file: the report's JSON, or the reason it failed."""

    candidate: Candidate
    report_json: str | None
    error: str | None


def _start_worker(pids: SimpleQueue[int], lifeline: Connection) -> None:
    """Worker initializer: leave Ctrl-C to the main process, say who we are, and die with the
    main process (its end of ``lifeline`` closes even on ``kill -9``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pids.put(os.getpid())
    threading.Thread(target=_exit_when_closed, args=(lifeline,), daemon=True).start()


def _exit_when_closed(lifeline: Connection) -> None:
    with suppress(EOFError, OSError):
        lifeline.recv_bytes()
    os._exit(1)


def _parse(extract_fn: ExtractFn, path: Path) -> tuple[str | None, str | None]:
    """Run in a worker: (report JSON, None) or (None, reason). Never raises."""
    try:
        return extract_fn(path).to_json(indent=None), None
    except HighlightsError as exc:
        return None, exc.reason
    except Exception as exc:  # a bug in one document must not stop the rest
        return None, f"unexpected error: {type(exc).__name__}: {exc}"


class _Pool:
    """One process pool plus the pids of its workers, so it can be killed."""

    def __init__(self, jobs: int, max_tasks_per_child: int, preload: list[str]) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload)  # imported once, before the workers fork
        self._pids: SimpleQueue[int] = context.SimpleQueue()
        self._known: set[int] = set()
        lifeline, self._lifeline = context.Pipe(duplex=False)
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker,
            initargs=(self._pids, lifeline), max_tasks_per_child=max_tasks_per_child)

    def kill(self) -> None:
        """Kill every worker this pool started, then shut it down."""
        while not self._pids.empty():
            self._known.add(self._pids.get())
        for pid in self._known:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.close(cancel=True)

    def close(self, *, cancel: bool = False) -> None:
        """Shut the pool down and let go of the workers' lifeline."""
        self.executor.shutdown(wait=True, cancel_futures=cancel)
        self._lifeline.close()


def parse_in_workers(candidates: Iterable[Candidate], extract_fn: ExtractFn, *, jobs: int,
                     timeout: float, max_tasks_per_child: int,
                     preload: Sequence[str] = ()) -> Iterator[Parsed]:
    """Yield one :class:`Parsed` per candidate, in completion order.

    ``preload`` names modules the fork server imports before forking the workers.
    """
    preload = [*preload, extract_fn.__module__]
    waiting: deque[Candidate] = deque(candidates)
    suspects: deque[Candidate] = deque()  # in flight when a worker died: retried one by one
    running: dict[Future[Any], tuple[Candidate, float, bool]] = {}
    pool = _Pool(jobs, max_tasks_per_child, preload)

    def hand_out() -> None:
        """Give idle workers their next documents (suspects alone, one at a time)."""
        source, limit = (suspects, 1) if suspects or any(
            solo for _, _, solo in running.values()) else (waiting, jobs)
        while source and len(running) < limit:
            candidate = source.popleft()
            try:
                future = pool.executor.submit(_parse, extract_fn, candidate.path)
            except BrokenProcessPool:  # a worker died: its future will say which
                source.appendleft(candidate)
                break
            running[future] = (candidate, monotonic(), source is suspects)

    try:
        while waiting or suspects or running:
            hand_out()
            if not running:
                pool.kill()
                pool = _Pool(jobs, max_tasks_per_child, preload)
                continue
            next_deadline = min(start for _, start, _ in running.values()) + timeout
            done, _ = wait(running, timeout=max(0.05, next_deadline - monotonic()),
                           return_when=FIRST_COMPLETED)
            crashed = timed_out = False
            finished: list[Parsed] = []
            for future in done:
                candidate, _, solo = running.pop(future)
                try:
                    report_json, error = future.result()
                except BrokenProcessPool:
                    crashed = True
                    if solo:
                        finished.append(
                            Parsed(candidate, None, "the worker process died reading it"))
                    else:
                        suspects.append(candidate)
                    continue
                except Exception as exc:  # e.g. extract_fn could not be pickled
                    report_json, error = None, f"unexpected error: {type(exc).__name__}: {exc}"
                finished.append(Parsed(candidate, report_json, error))
            now = monotonic()
            for future, (candidate, start, _) in list(running.items()):
                if now - start > timeout:
                    del running[future]
                    timed_out = True
                    finished.append(Parsed(candidate, None, f"timed out after {timeout:g} s"))
            if crashed or timed_out:
                pool.kill()
                for candidate, _, solo in running.values():
                    (suspects if crashed or solo else waiting).appendleft(candidate)
                running.clear()
                pool = _Pool(jobs, max_tasks_per_child, preload)
            hand_out()  # the workers go on while the consumer stores these
            yield from finished
    except BaseException:  # interrupted, or the consumer stopped early
        pool.kill()
        raise
    pool.close()
