"""Time compare() on the sample archive: one pair, and every consecutive pair.

    python -m benchmarks.bench_compare [--repeat N]

Uses the answer keys' reports (no extraction), so it times comparison alone. The TF-IDF scorer
cache is cleared before every timed call unless the row says "archive context", where one fitted
vocabulary serves every pair as it does for ``highlights changes``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.eval_compare import consecutive_keys, key_report
from comparisons import compare, render_change
from comparisons.scorers import blended_scorer
from corpus.answer_key import SAMPLES_DIR, iter_keys
from models import Report


def _timed(action: Callable[[], object], repeat: int, *, cold: bool = True) -> list[float]:
    times = []
    for _ in range(repeat):
        if cold:
            blended_scorer.cache_clear()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _row(name: str, times: list[float], per: int = 1) -> str:
    median = statistics.median(times) / per
    return f"| {name} | {median * 1000:.1f} ms | {max(times) / per * 1000:.1f} ms |"


def main() -> None:
    """Print a markdown table of median and worst times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--samples", type=Path, default=SAMPLES_DIR,
                        help="sample archive folder (its keys under keys/)")
    args = parser.parse_args()
    pairs = [(key_report(old), key_report(new))
             for old, new in consecutive_keys(iter_keys(args.samples / "keys"))]
    if not pairs:
        raise SystemExit("no consecutive sample reports: generate corpus/samples first")
    context = [item.text for old, new in pairs for report in (old, new)
               for item in (*report.risks, *report.going_well)]
    old, new = max(pairs, key=lambda pair: len(pair[0].risks) + len(pair[1].risks))

    start = time.perf_counter()
    compare(old, new, force=True)  # imports scikit-learn, loads settings and catalogue
    first = time.perf_counter() - start

    def all_pairs(with_context: list[str] | None = None) -> None:
        for a, b in pairs:
            compare(a, b, force=True, context=with_context)

    def render(summary_of: tuple[Report, Report], fmt: str) -> Callable[[], object]:
        summary = compare(*summary_of, force=True)
        return lambda: render_change(summary, fmt)  # type: ignore[arg-type]

    rows = [
        f"| first call in a process (imports) | {first * 1000:.1f} ms | |",
        _row("one pair", _timed(lambda: compare(old, new, force=True), args.repeat)),
        _row("all pairs, per pair", _timed(all_pairs, args.repeat), len(pairs)),
        _row("all pairs with archive context, per pair",
             _timed(lambda: all_pairs(context), args.repeat, cold=False), len(pairs)),
        _row("render markdown", _timed(render((old, new), "markdown"), args.repeat)),
        _row("render html", _timed(render((old, new), "html"), args.repeat)),
    ]
    print(f"{len(pairs)} pairs, {args.repeat} repeats\n")
    print("| what | median | worst |\n|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
