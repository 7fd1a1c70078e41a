"""Archive performance: ingest throughput and memory, search latency at 10,000 reports.

    python -m benchmarks.bench_archive [--files N] [--ingest-rounds N] [--reports N]
                                       [--archive PATH] [--skip-ingest] [--skip-search]

Ingest: ``--files`` copies (default 40) of the bundled sample reports
(``corpus/samples/reports``), PDF and DOCX separately, each copy with a different trailing byte
pattern (a PDF comment after ``%%EOF``, a ZIP comment in a DOCX) so every copy is new content.
Each run ingests into a fresh archive in a child process (``highlights ingest --jobs 1`` or
``--jobs 2``), timed from start to exit, start-up included. Timed runs alternate ``--jobs 1``
and ``--jobs 2`` for ``--ingest-rounds`` rounds (default 3), and the speed-up is the median of
each round's ratio: the speed of a shared machine drifts by tens of percent over minutes, so
one run of each would compare two different machines. Peak memory comes from one more run per
job count, not timed, with the total PSS (proportional set size, so pages shared between the
fork server's workers count once) of that process and all its descendants sampled every 50 ms
from /proc (sampling costs CPU, which is why it is kept out of the timed runs).

Search: the sample reports are extracted once; then ``--reports`` varied copies are written
straight through the store (``ArchiveStore.add_report``, one transaction each): each copy gets
its own fictional authority name, a period shifted month by month, and its items reordered and
suffixed with a few words drawn from the other reports, so the index is not one text repeated.
Latency over a mix of queries (common and rare words, phrases, prefixes, filters) is measured
cold, ``corpus.search.search`` end to end (open the archive, parse, rank, close: what one CLI
call does once Python has started), and warm, ``ArchiveStore.search`` on an open store.

Targets: search p95 under 20 ms at 10,000 reports; ingest peak under 500 MB; ``--jobs 2`` at
least 1.7x ``--jobs 1``. The machine's load average is printed: on a shared machine the
numbers move with it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from corpus.query import to_fts_query
from corpus.search import passage_filter, search
from corpus.store import open_store
from models.report import Authority, Item, Period, Report

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "reports"
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("placement sufficiency", {}), ("ransomware", {}), ("children", {}),
    ('"agency social workers"', {}), ("re-referral", {}), ("exploit*", {}),
    ("court delay", {"section": "risks"}), ("caseloads", {"since": "2021-01"}),
    ("foster carers", {"authority": "eastmoor0"}), ("audit OR supervision", {}),
    ("leadership", {"rating": "GREEN"}), ("care leavers accommodation", {}),
]


def _copy_with_marker(source: Path, target: Path, marker: int) -> None:
    shutil.copy(source, target)
    if target.suffix == ".docx":
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"copy {marker}".encode()
    else:
        with target.open("ab") as handle:
            handle.write(f"\n% copy {marker}\n".encode())


def _tree_pss_kb(root: int) -> int:
    """Total PSS (kB) of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def _run_ingest(folder: Path, jobs: int, *, sample_memory: bool) -> tuple[float, float, int]:
    """(seconds, peak MB or 0, failed files) of ``highlights ingest FOLDER --jobs N`` into a
    fresh archive."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "a.db"
        command = [sys.executable, "-m", "highlights", "ingest", str(folder), "--db", str(db),
                   "--jobs", str(jobs)]
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak = 0
        if sample_memory:
            while process.poll() is None:
                peak = max(peak, _tree_pss_kb(process.pid))
                time.sleep(0.05)
        process.wait()
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            raise SystemExit(f"ingest of {folder} failed with exit code {process.returncode}")
        with sqlite3.connect(db) as conn:
            failed = conn.execute("SELECT count(*) FROM documents WHERE status = 'failed'"
                                  ).fetchone()[0]
    return elapsed, peak / 1024, failed


def bench_ingest(count: int, rounds: int) -> None:
    """Print reports per minute (median of ``rounds`` timed runs), the median speed-up of
    ``--jobs 2`` over ``--jobs 1`` round by round, and peak memory, per format, for ``count``
    files of each format."""
    print("| format | files | failed | jobs | median seconds | reports/min | peak MB (PSS, tree) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for suffix in (".pdf", ".docx"):
        sources = sorted(SAMPLES.rglob(f"*{suffix}"))
        with tempfile.TemporaryDirectory() as tmp:
            for index in range(count):
                source = sources[index % len(sources)]
                _copy_with_marker(source, Path(tmp) / f"{index}-{source.name}", index)
            seconds: dict[int, list[float]] = {1: [], 2: []}
            failures = {}
            for _ in range(rounds):
                for jobs in (1, 2):
                    elapsed, _, failures[jobs] = _run_ingest(Path(tmp), jobs,
                                                             sample_memory=False)
                    seconds[jobs].append(elapsed)
            for jobs in (1, 2):
                _, peak, _ = _run_ingest(Path(tmp), jobs, sample_memory=True)
                median = statistics.median(seconds[jobs])
                print(f"| {suffix[1:]} | {count} | {failures[jobs]} | {jobs} | {median:.1f} "
                      f"| {count * 60 / median:.0f} | {peak:.0f} |")
            ratios = [one / two for one, two in zip(seconds[1], seconds[2], strict=True)]
            print(f"| {suffix[1:]} | | | speed-up | median of {rounds} rounds "
                  f"| {statistics.median(ratios):.2f}x (each: "
                  f"{', '.join(f'{ratio:.2f}' for ratio in ratios)}) | |")
    print(f"\nLoad average after the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")


def _variant(base: Report, index: int, rng: random.Random, words: list[str]) -> Report:
    """A copy of ``base`` as another fictional authority and period, its items varied."""
    def vary(items: list[Item]) -> list[Item]:
        shuffled = rng.sample(items, len(items))
        return [Item(text=f"{item.text} {' '.join(rng.sample(words, 3))}") for item in shuffled]

    name = f"{base.authority.canonical if base.authority else 'Shire'}{index}"
    month = 12 * 2015 + index % 96
    start = f"{month // 12}-{month % 12 + 1:02d}"
    return base.model_copy(update={
        "authority": Authority(name=f"{name} Council", canonical=name),
        "period": Period(label=f"period {index}", start=start, end=start),
        "risks": vary(base.risks), "going_well": vary(base.going_well)})


def build_archive(db: Path, count: int) -> None:
    """Extract the samples once, then write ``count`` varied copies through the store."""
    from corpus.ingest import ingest

    ingest([SAMPLES], db=db.with_name("samples.db"), jobs=os.cpu_count())
    samples = open_store(db.with_name("samples.db"))
    bases = [stored.report for stored in samples.reports()]
    samples.close()
    if not bases:
        raise SystemExit("no sample report could be extracted: is the extractor working?")
    words = sorted({w for r in bases for i in r.risks for w in i.text.split() if w.isalpha()})
    rng = random.Random(0)
    store = open_store(db, create=True)
    for index in range(count):
        report = _variant(bases[index % len(bases)], index, rng, words)
        store.add_report(report, sha256=f"{index:064x}", path=f"copy-{index}.pdf")
    store.close()


def bench_search(db: Path, count: int, rounds: int) -> None:
    """Print p50 / p95 search latency over the query mix on an archive of ``count`` reports
    (built at ``db`` unless it is already there)."""
    if not db.exists():
        start = time.perf_counter()
        build_archive(db, count)
        print(f"built {count} reports in {time.perf_counter() - start:.0f} s "
              f"({db.stat().st_size / 2**20:.0f} MB)\n")
    print("| query | filters | hits | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    cold_all: list[float] = []
    warm_all: list[float] = []
    store = open_store(db)
    for query, filters in QUERIES:
        cold = _latencies(lambda q=query, f=filters: search(db, q, **f), rounds)
        warm = _latencies(lambda q=query, f=filters: store.search(
            to_fts_query(q), passage_filter(**f), limit=20), rounds)
        cold_all += cold
        warm_all += warm
        total = search(db, query, **filters).total  # type: ignore[arg-type]
        print(f"| `{query}` | {filters or ''} | {total} | {_p50(cold)} | {_p95(cold)} "
              f"| {_p50(warm)} | {_p95(warm)} |")
    store.close()
    print(f"| **all** | | | {_p50(cold_all)} | {_p95(cold_all)} | {_p50(warm_all)} "
          f"| {_p95(warm_all)} |")
    print(f"\ncold: search() opens the archive, searches, closes (as the CLI does); warm: one "
          f"open store. Load average during the run: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores.")


def _latencies(action: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def _p50(times: list[float]) -> str:
    return f"{statistics.median(times):.1f}"


def _p95(times: list[float]) -> str:
    return f"{statistics.quantiles(times, n=20)[18]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40, help="files of each format to ingest")
    parser.add_argument("--ingest-rounds", type=int, default=3,
                        help="timed ingest runs of each job count, alternating")
    parser.add_argument("--reports", type=int, default=10_000, help="reports in the search bench")
    parser.add_argument("--rounds", type=int, default=20, help="runs of each query")
    parser.add_argument("--archive", type=Path, default=None,
                        help="keep the search archive here (reused when it exists)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    if not args.skip_ingest:
        bench_ingest(args.files, args.ingest_rounds)
        print()
    if args.skip_search:
        return
    if args.archive:
        bench_search(args.archive, args.reports, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        bench_search(Path(tmp) / "big.db", args.reports, args.rounds)


if __name__ == "__main__":
    main()
