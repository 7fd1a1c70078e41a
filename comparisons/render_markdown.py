"""Change summaries as a markdown briefing note: a headline line, then tables."""

from __future__ import annotations

from collections.abc import Sequence

from comparisons.templating import environment
from models.change import ChangeSummary

__all__ = ["render_markdown"]


def render_markdown(summaries: Sequence[ChangeSummary]) -> str:
    """One markdown document; several summaries are separated by rules, oldest pair first."""
    template = environment(autoescape=False).get_template("changes.md.j2")
    return template.render(summaries=summaries).strip() + "\n"
