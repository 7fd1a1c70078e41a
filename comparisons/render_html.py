"""Change summaries as one self-contained HTML page (inline CSS, no scripts, all text escaped)."""

from __future__ import annotations

from collections.abc import Sequence

from comparisons.templating import environment
from comparisons.view import title
from models.change import ChangeSummary

__all__ = ["render_html"]


def render_html(summaries: Sequence[ChangeSummary]) -> str:
    """One HTML page holding every summary; RAG cells are coloured and labelled."""
    template = environment(autoescape=True).get_template("changes.html.j2")
    page_title = title(summaries[0]) if len(summaries) == 1 else "Highlight report changes"
    return template.render(summaries=summaries, page_title=page_title)
