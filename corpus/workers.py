"""Parse files in worker processes, with a time limit per document.

A ``concurrent.futures`` process pool (``forkserver`` context) gets at most two documents per
worker at once, so a worker that finishes one starts the next without waiting for this process
to hand it over. Each worker says when it starts a document (on the pool's ``started`` queue),
and that document's clock starts then. A document that runs past the limit has the pool's
workers killed; it is reported as failed and the other documents that were handed over are
simply given to a fresh pool. A worker that dies on its own (a crash in a native library, the
out-of-memory killer) breaks the pool too: the documents that had started are then retried one
at a time, and the one that breaks a pool alone is reported as failed.
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
from itertools import count
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

_START_POLL_SECONDS = 1.0  # how often to look for documents that workers have started


@dataclass(frozen=True)
class Parsed:
    """The outcome of one file: the report's JSON, or the reason it failed."""

    candidate: Candidate
    report_json: str | None
    error: str | None


_started: SimpleQueue[tuple[int, float]] | None = None  # in a worker: where it says it starts


def _start_worker(pids: SimpleQueue[int], started: SimpleQueue[tuple[int, float]],
                  lifeline: Connection) -> None:
    """Worker initializer: leave Ctrl-C to the main process, say who we are, keep the queue
    to say when each document starts, and die with the main process (its end of
    ``lifeline`` closes even on ``kill -9``)."""
    global _started
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pids.put(os.getpid())
    _started = started
    threading.Thread(target=_exit_when_closed, args=(lifeline,), daemon=True).start()


def _exit_when_closed(lifeline: Connection) -> None:
    with suppress(EOFError, OSError):
        lifeline.recv_bytes()
    os._exit(1)


def _parse(extract_fn: ExtractFn, path: Path, token: int) -> tuple[str | None, str | None]:
    """Run in a worker: say that document ``token`` starts now, then (report JSON, None) or
    (None, reason). Never raises."""
    if _started is not None:
        _started.put((token, monotonic()))  # CLOCK_MONOTONIC: one clock for all processes
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
        self.started: SimpleQueue[tuple[int, float]] = context.SimpleQueue()
        lifeline, self._lifeline = context.Pipe(duplex=False)
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker,
            initargs=(self._pids, self.started, lifeline),
            max_tasks_per_child=max_tasks_per_child)

    def start_times(self) -> dict[int, float]:
        """The documents (by token) that workers have started since the last call, and when."""
        times = {}
        while not self.started.empty():
            token, when = self.started.get()
            times[token] = when
        return times

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


@dataclass
class _InFlight:
    """A document handed to the pool: its token, whether it runs alone (a suspect), and when
    a worker started it (None while it waits in the pool's queue)."""

    candidate: Candidate
    token: int
    solo: bool
    started: float | None = None


def parse_in_workers(candidates: Iterable[Candidate], extract_fn: ExtractFn, *, jobs: int,
                     timeout: float, max_tasks_per_child: int,
                     preload: Sequence[str] = ()) -> Iterator[Parsed]:
    """Yield one :class:`Parsed` per candidate, in completion order.

    ``preload`` names modules the fork server imports before forking the workers.
    """
    preload = [*preload, extract_fn.__module__]
    waiting: deque[Candidate] = deque(candidates)
    suspects: deque[Candidate] = deque()  # started when a worker died: retried one by one
    running: dict[Future[Any], _InFlight] = {}
    tokens = count()
    pool = _Pool(jobs, max_tasks_per_child, preload)

    def hand_out() -> None:
        """Keep every worker busy with one document and one queued behind it (suspects alone,
        one at a time)."""
        source, limit = (suspects, 1) if suspects or any(
            job.solo for job in running.values()) else (waiting, 2 * jobs)
        while source and len(running) < limit:
            candidate = source.popleft()
            token = next(tokens)
            try:
                future = pool.executor.submit(_parse, extract_fn, candidate.path, token)
            except BrokenProcessPool:  # a worker died: its future will say which
                source.appendleft(candidate)
                break
            running[future] = _InFlight(candidate, token, solo=source is suspects)

    def note_starts() -> None:
        times = pool.start_times()
        for job in running.values():
            job.started = times.get(job.token, job.started)

    try:
        while waiting or suspects or running:
            hand_out()
            if not running:
                pool.kill()
                pool = _Pool(jobs, max_tasks_per_child, preload)
                continue
            note_starts()
            # Wake by the first deadline, and at least every second to see what has started.
            deadlines = [job.started + timeout for job in running.values()
                         if job.started is not None]
            wake = min([*deadlines, monotonic() + _START_POLL_SECONDS])
            done, _ = wait(running, timeout=max(0.05, wake - monotonic()),
                           return_when=FIRST_COMPLETED)
            note_starts()
            crashed = timed_out = False
            finished: list[Parsed] = []
            for future in done:
                job = running.pop(future)
                try:
                    report_json, error = future.result()
                except BrokenProcessPool:
                    crashed = True
                    if job.solo:
                        finished.append(
                            Parsed(job.candidate, None, "the worker process died reading it"))
                    else:
                        (suspects if job.started is not None else waiting).append(job.candidate)
                    continue
                except Exception as exc:  # e.g. extract_fn could not be pickled
                    report_json, error = None, f"unexpected error: {type(exc).__name__}: {exc}"
                finished.append(Parsed(job.candidate, report_json, error))
            now = monotonic()
            for future, job in list(running.items()):
                if job.started is not None and now - job.started > timeout:
                    del running[future]
                    timed_out = True
                    finished.append(
                        Parsed(job.candidate, None, f"timed out after {timeout:g} s"))
            if crashed or timed_out:
                pool.kill()
                for job in running.values():
                    retry_alone = job.solo or (crashed and job.started is not None)
                    (suspects if retry_alone else waiting).appendleft(job.candidate)
                running.clear()
                pool = _Pool(jobs, max_tasks_per_child, preload)
            hand_out()  # the workers go on while the consumer stores these
            yield from finished
    except BaseException:  # interrupted, or the consumer stopped early
        pool.kill()
        raise
    pool.close()
