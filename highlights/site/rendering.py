"""The jinja2 environment of the site: templates in ``templates/``, autoescaped, with filters."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from comparisons import view
from comparisons.settings import RagStyle
from highlights.site.ratings import Cell
from highlights.site.settings import ChangeMark, settings
from models.rating import Rating

__all__ = ["environment", "rag_colours", "change_mark", "change_key", "section_label",
           "polarity_label"]

_VIEW_FILTERS = ("headline", "period_label", "month_label", "rating_label", "change_label",
                 "value_label", "point_label", "delta_label")


def rag_colours(rating: Rating | None) -> RagStyle | None:
    """The cell colours of ``rating``; None for an unrated cell (shown plain)."""
    return settings().rag[rating] if rating is not None else None


def change_mark(cell: Cell) -> tuple[ChangeMark, str] | None:
    """The mark of the cell's change since the previous period and its words, if marked."""
    mark = settings().changes.get(cell.change) if cell.change else None
    if mark is None:
        return None
    return mark, mark.text.format(period=view.period_label(cell.since))


def section_label(section: str) -> str:
    """``going_well`` → ``Going well``."""
    return settings().sections.get(section, section.replace("_", " ").capitalize())


def polarity_label(polarity: str | None) -> str:
    """``lower_is_better`` → ``Lower is better``; blank for a neutral or unknown measure."""
    return settings().polarities.get(polarity or "", "")


def change_key() -> str:
    """The key to the change marks: ``↑ improved, ↓ declined, → unchanged, • newly rated``."""
    meanings = {mark.symbol: mark.legend for mark in settings().changes.values()}
    return ", ".join(f"{symbol} {legend}" for symbol, legend in meanings.items())


@cache
def environment() -> Environment:
    """The environment every page is rendered with (autoescape on for all templates)."""
    env = Environment(loader=PackageLoader("highlights.site", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update({name: getattr(view, name) for name in _VIEW_FILTERS})
    env.filters.update(rag_colours=rag_colours, change_mark=change_mark,
                       section_label=section_label, polarity_label=polarity_label)
    env.globals["site_title"] = settings().title
    env.globals["change_key"] = change_key()
    return env
