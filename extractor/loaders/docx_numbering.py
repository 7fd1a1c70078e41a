"""Word list numbering (``numbering.xml``): the marker each numbered paragraph shows.

A paragraph's ``numId`` picks a ``w:num``, which points at an abstract numbering definition;
its level ``ilvl`` gives ``numFmt`` (decimal, lowerLetter, bullet, …), ``lvlText`` (``"%1."``,
``"%1.%2"``) and ``start``. Counters run per ``numId`` in document order; a level resets the
levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractor.loaders.config import config
from extractor.loaders.docx_styles import q
from extractor.loaders.markers import format_ordinal, integer

__all__ = ["Numbering"]

_FORMATS = {
    "decimal": "decimal",
    "decimalZero": "decimal",
    "lowerLetter": "lower",
    "upperLetter": "upper",
    "lowerRoman": "roman",
    "upperRoman": "ROMAN",
}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


def _levels(element: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in element.iter(q("lvl")):
        fmt = lvl.find(q("numFmt"))
        text = lvl.find(q("lvlText"))
        start = lvl.find(q("start"))
        levels[integer(lvl.get(q("ilvl")), 0)] = _Level(
            fmt=fmt.get(q("val"), "decimal") if fmt is not None else "decimal",
            text=text.get(q("val"), "") if text is not None else "",
            start=integer(start.get(q("val")), 1) if start is not None else 1,
        )
    return levels


class Numbering:
    """Renders list markers for ``(numId, ilvl)`` pairs, counting as it goes."""

    def __init__(self, root: Any | None) -> None:
        self._lists: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {
            element.get(q("abstractNumId")): _levels(element)
            for element in root.iter(q("abstractNum"))
        }
        for num in root.iter(q("num")):
            reference = num.find(q("abstractNumId"))
            abstract_id = reference.get(q("val")) if reference is not None else ""
            levels = dict(abstract.get(abstract_id, {}))
            for override in num.iter(q("lvlOverride")):
                ilvl = integer(override.get(q("ilvl")), 0)
                levels.update(_levels(override))
                start = override.find(q("startOverride"))
                if start is not None and ilvl in levels:
                    first = integer(start.get(q("val")), 1)
                    levels[ilvl] = _Level(levels[ilvl].fmt, levels[ilvl].text, first)
            self._lists[num.get(q("numId"), "")] = levels

    def __contains__(self, num_id: str | None) -> bool:
        return num_id is not None and num_id != "0" and num_id in self._lists

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of ``ilvl`` in list ``num_id`` and render the marker it shows."""
        levels = self._lists.get(num_id, {})
        counters = self._counters.setdefault(num_id, {})
        level = levels.get(ilvl)
        counters[ilvl] = counters.get(ilvl, (level.start if level else 1) - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]
        if level is None or level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return str(config()["markers"]["word_bullet"])

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index)
            value = counters.get(index, shown.start if shown else 1)
            return format_ordinal(value, _FORMATS.get(shown.fmt if shown else "", "decimal"))

        rendered = _PLACEHOLDER.sub(render, level.text).strip()
        return rendered or None
