"""Run the figure finder on plain text, as the tests of extractor.figures need it."""

from __future__ import annotations

from extractor.figures import find_indicators, pieces_from_text
from models.report import Indicator

PERIOD = ("2020-07", "2020-12")


def read(text: str, period: tuple[str | None, str | None] = PERIOD) -> list[Indicator]:
    """Indicators of ``text`` (cut into paragraphs at blank lines) in a report of ``period``."""
    return read_with_warnings(text, period)[0]


def read_with_warnings(
    text: str, period: tuple[str | None, str | None] = PERIOD
) -> tuple[list[Indicator], list[str]]:
    """Indicators and warnings of ``text``."""
    return find_indicators(pieces_from_text(text), period_start=period[0], period_end=period[1])


def one(text: str, period: tuple[str | None, str | None] = PERIOD) -> Indicator:
    """The single indicator of ``text``; fails when there is not exactly one."""
    found = read(text, period)
    assert len(found) == 1, [(i.value, i.label) for i in found]
    return found[0]


def values(text: str, period: tuple[str | None, str | None] = PERIOD) -> list[float]:
    """The values of the indicators of ``text``, in order."""
    return [i.value for i in read(text, period)]
