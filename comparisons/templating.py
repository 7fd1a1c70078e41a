"""The jinja2 environment the renderers share: templates in ``comparisons/templates/``."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from comparisons import view

__all__ = ["environment", "markdown_cell"]


def markdown_cell(text: object) -> str:
    """Text safe inside a markdown table cell: ``|`` escaped, line breaks as ``<br>``."""
    lines = str(text).replace("\\", "\\\\").replace("|", "\\|").splitlines()
    return "<br>".join(line.strip() for line in lines if line.strip())


@cache
def environment(*, autoescape: bool) -> Environment:
    """The environment with the view helpers as filters (autoescape on for HTML)."""
    env = Environment(loader=PackageLoader("comparisons", "templates"), autoescape=autoescape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update({name: getattr(view, name) for name in view.__all__})
    env.filters["cell"] = markdown_cell
    return env
