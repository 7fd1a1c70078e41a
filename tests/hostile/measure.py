"""Time and peak memory of ``highlights extract`` on every hostile input, as a markdown table.

    .venv/bin/python -m tests.hostile.measure

Runs one case at a time (the tests run two at once), so the numbers are each child's own.
"""

from __future__ import annotations

from tests.hostile.make_fixtures import CASES, hostile_inputs
from tests.hostile.run import run_cli


def main() -> None:
    """Print one row per case: the exit code, wall seconds and the child's peak RSS."""
    inputs = hostile_inputs()
    print("| case | exit | seconds | peak MB |\n|---|---|---|---|")
    for case in CASES:
        run = run_cli("extract", inputs[case.build], timeout=60)
        print(f"| {case.build} | {run.exit} | {run.seconds:.2f} | {run.peak_mb:.0f} |")


if __name__ == "__main__":
    main()
