"""Crafted runs of figure-like text in one paragraph of a good report: read in seconds.

Such runs once took minutes (spaCy's tokenizer on a 30,000-bracket "word", the figure
patterns on a 50,000-digit sentence); extractor/nlp.py blanks over-long words and the figure
finder skips over-long sentences with a warning. The runs go two at a time to keep the suite
quick.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.craft import as_text, docx_blocks
from tests.hostile.make_fixtures import DOCUMENTS, GOOD_DOCX
from tests.hostile.run import CliRun, run_cli

CRAFTED: list[dict[str, Any]] = DOCUMENTS["crafted"]
MAX_SECONDS = 5.0  # a whole good report takes about 1.2 s


def _report_with(crafted: dict[str, Any], folder: Path) -> Path:
    """The good report with the crafted run appended to its first long paragraph."""
    run_text = crafted.get("before", "") + crafted["text"] * crafted["times"] + crafted.get(
        "after", "")
    blocks = docx_blocks(GOOD_DOCX)
    index = next(i for i, block in enumerate(blocks)
                 if isinstance(block, str) and len(block) > 60)
    blocks[index] = f"{blocks[index]} {run_text}"
    path = folder / f"{crafted['name']}.txt"
    path.write_text(as_text(blocks), encoding="utf-8")
    return path


@cache
def _runs() -> dict[str, CliRun]:
    with tempfile.TemporaryDirectory() as folder:
        paths = [_report_with(crafted, Path(folder)) for crafted in CRAFTED]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            runs = pool.map(lambda path: run_cli("extract", path, timeout=MAX_SECONDS), paths)
            return {crafted["name"]: run for crafted, run in zip(CRAFTED, runs, strict=True)}


@pytest.mark.parametrize("name", [crafted["name"] for crafted in CRAFTED])
def test_a_crafted_run_is_read_in_seconds(name: str) -> None:
    run = _runs()[name]
    assert not run.killed, f"still running after {MAX_SECONDS} s"
    assert run.exit == 0, run.stderr
    assert run.peak_mb < 500
