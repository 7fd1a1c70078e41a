"""The PDF loader's patterns, read once from ``extractor/data/pdf_layout.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from extractor.loaders.config import config

__all__ = ["bullet_marker", "is_strong_marker", "is_bold_font", "is_page_number", "settings"]

DATA = Path(__file__).resolve().parent.parent / "data" / "pdf_layout.toml"


@cache
def _data() -> dict[str, Any]:
    with DATA.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _numbered() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()["bullets"]["numbered"]["patterns"]))


@cache
def _page_number() -> re.Pattern[str]:
    patterns = _data()["furniture"]["page_numbers"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def bullet_marker(token: str) -> str | None:
    """The list marker ``token`` stands for ("•", "-", "1.", "(ii)"), or None if it is a word."""
    glyph = config()["markers"]["glyphs"].get(token)
    if glyph is not None:
        return str(glyph)
    return token if _numbered().fullmatch(token) else None


def is_strong_marker(marker: str) -> bool:
    """True for a marker that always starts a list item ("•"), False for "-", "o", "1."."""
    return marker in _data()["bullets"]["strong"]["markers"]


def is_bold_font(fontname: str) -> bool:
    """True when the font's name says it is a bold face ("Arial-BoldMT", "Calibri,Bold")."""
    name = fontname.lower()
    return any(hint in name for hint in _data()["fonts"]["bold"])


def is_page_number(text: str) -> bool:
    """True for a page-number line: "7", "Page 3 of 12", "3/12", "- 4 -"."""
    return _page_number().fullmatch(text.strip()) is not None


def settings(section: str) -> dict[str, Any]:
    """The thresholds of one ``[section]`` of the data file, by name."""
    return dict(_data()[section])
