"""Read the data files that drive the field parsers (each read once per process)."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["load_toml", "load_csv"]

_SHARED = Path(__file__).resolve().parent.parent / "data"
_LOCAL = Path(__file__).resolve().parent / "data"


def _path(name: str) -> Path:
    """The data file ``name``: the extractor's shared ``data/`` first, else this package's."""
    shared = _SHARED / name
    return shared if shared.exists() else _LOCAL / name


@cache
def load_toml(name: str) -> dict[str, Any]:
    """The parsed TOML data file ``name`` (cached; treat as read-only)."""
    with _path(name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the CSV data file ``name`` as dicts keyed by its header (cached)."""
    with _path(name).open(newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))
