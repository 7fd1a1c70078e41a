"""docs/LIMITS.md cannot drift: every limit with its default, every failure class's reason."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from corpus.settings import settings
from extractor.loaders import Limits
from tests.hostile.make_fixtures import CASES, Case

LIMITS_MD = Path(__file__).resolve().parents[2] / "docs" / "LIMITS.md"
_MB = 1024 * 1024


def _row(name: str) -> str:
    """The line of LIMITS.md's limits table that documents ``name``."""
    rows = [line for line in LIMITS_MD.read_text(encoding="utf-8").splitlines()
            if line.startswith("|") and name in line]
    assert rows, f"{name} is not in {LIMITS_MD.name}"
    return rows[0]


@pytest.mark.parametrize("name", [spec.name for spec in fields(Limits)])
def test_every_loader_limit_is_documented_with_its_default(name: str) -> None:
    value = getattr(Limits(), name)
    shown = f"{value // _MB} MB" if value >= _MB else f"{value:,}"
    assert f"| `{name}`" in _row(name)
    assert f"| {shown} |" in _row(name)


def test_the_ingest_time_limit_is_documented_with_its_default() -> None:
    assert f"| {settings().ingest.timeout_seconds:g} |" in _row("seconds one document may take")


@pytest.mark.parametrize("case", [c for c in CASES if c.reason], ids=lambda c: c.build)
def test_every_failure_class_reason_is_documented(case: Case) -> None:
    assert case.reason in LIMITS_MD.read_text(encoding="utf-8")
