"""Shared fixtures for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "corpus" / "samples"
# The real seed report, byte-identical to ../shared/seeds/000_1cd4fbf1201a436f.txt, committed so
# the suite does not depend on a folder outside the repository.
SEED_TXT = SAMPLES / "seed" / "gloucestershire-2020-12.txt"


@pytest.fixture
def archive_db(tmp_path: Path) -> Path:
    """The path of a fresh, empty archive (created on first use by the code under test)."""
    return tmp_path / "archive" / "highlights.db"
