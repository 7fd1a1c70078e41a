"""Read back what the site wrote: matrix cells, tables and embedded JSON of a page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any


class _Cells(HTMLParser):
    """Collects the text of every ``td`` carrying ``data-authority`` and ``data-area``."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self._key: tuple[str, str] | None = None
        self._text: list[str] = []
        self.script_json: str | None = None
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "td" and "data-authority" in found and "data-area" in found:
            self._key = (found["data-authority"] or "", found["data-area"] or "")
            self._text = []
        if tag == "script" and found.get("id") == "search-data":
            self._in_data, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._key is not None:
            self.cells[self._key] = " ".join("".join(self._text).split())
            self._key = None
        if tag == "script" and self._in_data:
            self.script_json, self._in_data = "".join(self._text), False

    def handle_data(self, data: str) -> None:
        if self._key is not None or self._in_data:
            self._text.append(data)


def matrix_cells(html: str) -> dict[tuple[str, str], str]:
    """(authority, area) → the cell's visible and screen-reader text, whitespace collapsed."""
    parser = _Cells()
    parser.feed(html)
    return parser.cells


def search_data(html: str) -> list[dict[str, Any]]:
    """The items embedded in the search page."""
    parser = _Cells()
    parser.feed(html)
    assert parser.script_json is not None, "no #search-data script in the page"
    return json.loads(parser.script_json)
