"""Figure markup in the data files: the printed text plus what the answer key must say of it.

A marked figure reads ``{TEXT|INDICATOR|key=value|...}``: ``TEXT`` is printed as is,
``INDICATOR`` is a catalogue key or ``-`` for none, and the optional keys are

- ``m`` the month the sentence gives: ``10`` (resolved against the report's period) or ``2020-10``
- ``t`` target, ``c`` comparator, ``p`` previous value (``95@6`` or ``95@2020-06`` with a month)
- ``u`` unit when it is not ``percent`` (implied by ``%`` / ``per cent``) or ``count``
- ``v`` value when the text alone does not give it

Example: ``{26%|re_referrals|m=10|t=24}`` prints ``26%``.
"""

from __future__ import annotations

import re
from typing import cast

from corpus.answer_key import ExpectedFigure
from models import Period, PreviousValue
from models.report import Unit

__all__ = ["MARK", "plain", "figures", "resolve_month"]

MARK = re.compile(r"\{([^{}|]+)\|([^{}]*)\}")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def plain(text: str) -> str:
    """The text as printed: every mark replaced by its figure."""
    return MARK.sub(lambda m: m.group(1), text)


def resolve_month(token: str, period: Period) -> str:
    """``"2020-10"`` as is; a bare month number becomes the latest such month up to period end."""
    if "-" in token:
        return token
    month = int(token)
    if period.end is None:
        raise ValueError(f"cannot resolve month {token!r} without a period end")
    end_year, end_month = (int(x) for x in period.end.split("-"))
    year = end_year if month <= end_month else end_year - 1
    return f"{year:04d}-{month:02d}"


def _number(text: str) -> float:
    match = _NUMBER.search(text)
    if match is None:
        raise ValueError(f"no number in figure {text!r}")
    return float(match.group(0).replace(",", ""))


def _figure(text: str, spec: str, period: Period, area: str | None) -> ExpectedFigure:
    indicator, *pairs = spec.split("|")
    options: dict[str, str] = dict(pair.split("=", 1) for pair in pairs)
    percent = "%" in text or "per cent" in text
    unit = options.pop("u", "percent" if percent else "count")
    previous = None
    if "p" in options:
        value, _, month = options.pop("p").partition("@")
        previous = PreviousValue(
            value=float(value), month=resolve_month(month, period) if month else None
        )
    month = options.pop("m", "")
    figure = ExpectedFigure(
        text=text,
        value=float(options.pop("v")) if "v" in options else _number(text),
        unit=cast(Unit, unit),
        indicator=None if indicator in ("", "-") else indicator,
        area=area,
        month=resolve_month(month, period) if month else None,
        target=float(options.pop("t")) if "t" in options else None,
        comparator=float(options.pop("c")) if "c" in options else None,
        previous=previous,
    )
    if options:
        raise ValueError(f"unknown figure options {sorted(options)} in {{{text}|{spec}}}")
    return figure


def figures(text: str, period: Period, area: str | None = None) -> list[ExpectedFigure]:
    """The expected figures marked in ``text``, in order."""
    return [_figure(m.group(1), m.group(2), period, area) for m in MARK.finditer(text)]
