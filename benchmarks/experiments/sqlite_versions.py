"""How much faster is FTS5's bm25 ranking in a newer SQLite than the one Python ships?

An experiment, not part of the product (the note on the archive issue gives the outcome). The
archive's broadest searches cost about 0.9 µs of bm25 per matching passage in the SQLite that
Python's ``sqlite3`` links (3.40 here); newer SQLite builds come with the PyPI packages ``apsw``
(its own API) and ``sqlean.py`` (the ``sqlite3`` API). In a separate venv:

    python3 -m venv /tmp/sqv && /tmp/sqv/bin/pip install apsw sqlean.py
    python -m benchmarks.bench_archive --skip-ingest --archive /tmp/bench10k.db  # keeps it
    /tmp/sqv/bin/python benchmarks/experiments/sqlite_versions.py /tmp/bench10k.db

It runs the ranking query of ``corpus.sqlite_store`` (best of five, warm) for three broad
queries with each library it can import, and prints one markdown row per library.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from typing import Any

QUERIES = ("text : (children)", 'text : ("agency social workers")',
           "text : (audit OR supervision)")
RANKING = ("SELECT rowid, bm25(passages_fts, 1.0, 0.0) AS r FROM passages_fts "
           "WHERE passages_fts MATCH ? ORDER BY r LIMIT 20")


def best_ms(run: Callable[[], Any], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def connections(path: str) -> list[tuple[str, str, Any]]:
    """(library, SQLite version, connection) for each library that imports here."""
    found = []
    for name in ("sqlite3", "sqlean", "apsw"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if name == "apsw":
            found.append((name, module.sqlite_lib_version(), module.Connection(path)))
        else:
            found.append((name, module.sqlite_version, module.connect(path)))
    return found


def main(path: str) -> None:
    """Print the table."""
    print("| library | SQLite | " + " | ".join(f"`{q}` ms" for q in QUERIES) + " |")
    print("|---|---|" + "---|" * len(QUERIES))
    for name, version, connection in connections(path):
        times = [best_ms(lambda c=connection, q=query: list(c.execute(RANKING, (q,))))
                 for query in QUERIES]
        print(f"| {name} | {version} | " + " | ".join(f"{t:.1f}" for t in times) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
