"""Time the DOCX, text, markdown and HTML loaders (detection included) on real-sized inputs.

    python -m benchmarks.bench_loaders [--repeat N]

Inputs: every DOCX under corpus/samples/, the seed text conversion when present, and the
loader test fixtures. Also times a cold ``import extractor.loaders`` in a fresh interpreter.
The target is ≤ 50 ms for a 4,000-word DOCX report. CPU time is shown beside wall time because
wall time on a shared machine includes waiting for a core.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from extractor.loaders import load
from models.errors import UnreadableDocument

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_1cd4fbf1201a436f.txt"
FIXTURES = REPO / "tests" / "fixtures" / "loaders"


def _inputs() -> list[Path]:
    found = sorted((REPO / "corpus" / "samples").rglob("*.docx"))
    found += [SEED] if SEED.exists() else []
    found += sorted(path for path in FIXTURES.glob("*") if path.suffix in (".txt", ".md", ".html"))
    return found


def _import_time() -> float:
    code = "import time; t = time.perf_counter(); import extractor.loaders; " \
           "print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    return float(result.stdout)


def main() -> None:
    """Print a markdown table of median and worst load times per input."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"cold `import extractor.loaders`: {_import_time() * 1000:.0f} ms\n")
    print("| input | format | words | median wall | median CPU | worst wall |")
    print("|---|---|---|---|---|---|")
    for path in _inputs():
        name = path.relative_to(REPO.parent)
        wall, cpu = [], []
        try:
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                layout = load(path)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
        except UnreadableDocument as error:
            print(f"| {name} | refused: {error.reason} | | | | |")
            continue
        print(f"| {name} | {layout.format} | {len(layout.text.split())} "
              f"| {statistics.median(wall) * 1000:.1f} ms | {statistics.median(cpu) * 1000:.1f} ms "
              f"| {max(wall) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
