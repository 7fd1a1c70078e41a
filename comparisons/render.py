"""render_change / render_changes: one entry point for every output format."""

from __future__ import annotations

import json
from typing import Literal

from comparisons.render_html import render_html
from comparisons.render_markdown import render_markdown
from models.change import ChangeSummary

__all__ = ["Format", "render_change", "render_changes"]

Format = Literal["json", "markdown", "html"]


def render_changes(summaries: list[ChangeSummary], fmt: Format) -> str:
    """Several summaries as one document: a JSON list, one markdown note or one HTML page."""
    if fmt == "json":
        items = [summary.model_dump(mode="json", by_alias=True) for summary in summaries]
        return json.dumps(items, indent=2, ensure_ascii=False)
    if fmt == "markdown":
        return render_markdown(summaries)
    if fmt == "html":
        return render_html(summaries)
    raise ValueError(f"unknown format {fmt!r}: expected json, markdown or html")


def render_change(summary: ChangeSummary, fmt: Format) -> str:
    """One summary: ``ChangeSummary.to_json()``, a markdown note or an HTML page."""
    return summary.to_json() if fmt == "json" else render_changes([summary], fmt)
