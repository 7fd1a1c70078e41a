"""The loaders' data file (``data/loaders.toml``), read once."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["config"]

_DATA = Path(__file__).resolve().parent / "data" / "loaders.toml"


@cache
def config() -> dict[str, Any]:
    """The parsed ``loaders.toml``."""
    with _DATA.open("rb") as handle:
        return tomllib.load(handle)
