"""Search hits, themes and ingest results for people: rich tables and markdown."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from corpus.ingest import IngestResult
from corpus.search import RankedHit
from corpus.sqlite_store import SNIPPET_CLOSE, SNIPPET_OPEN
from corpus.themes import Theme
from models.report import Period
from models.search import SearchHit, SearchResult

__all__ = ["hits_table", "themes_table", "hits_markdown", "themes_markdown", "ingest_lines"]


def _period(period: Period | None) -> str:
    return period.label if period else "?"


def _snippet(hit: SearchHit) -> str:
    """The hit's snippet (else its text) as rich markup, the match in bold."""
    text = hit.snippet if isinstance(hit, RankedHit) and hit.snippet else hit.text
    return escape(text).replace(SNIPPET_OPEN, "[bold yellow]").replace(
        SNIPPET_CLOSE, "[/bold yellow]")


def hits_table(result: SearchResult) -> Table:
    """A table of hits: score, authority, period, section, area, snippet."""
    table = Table(title=f"{result.total} hit(s) for {result.query!r}", show_lines=True,
                  expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    for column in ("authority", "period", "section"):
        table.add_column(column, ratio=2, min_width=11)
    table.add_column("snippet", overflow="fold", ratio=6)
    for hit in result.hits:
        section = f"{hit.section} ({hit.area})" if hit.area else hit.section
        table.add_row(f"{hit.score:.3g}", escape(hit.authority or "?"),
                      escape(_period(hit.period)), section, _snippet(hit))
    return table


def themes_table(themes: list[Theme]) -> Table:
    """A table of themes: label, size, authorities, one example risk."""
    table = Table(title=f"{len(themes)} theme(s) among current risks", show_lines=True,
                  expand=True)
    table.add_column("theme", ratio=2, min_width=14)
    table.add_column("risks", justify="right", no_wrap=True)
    table.add_column("authorities", ratio=2, min_width=11)
    table.add_column("most typical risk", overflow="fold", ratio=5)
    for theme in themes:
        table.add_row(escape(theme.label), str(theme.size), escape(", ".join(theme.authorities)),
                      escape(theme.items[0].text if theme.items else ""))
    return table


def hits_markdown(result: SearchResult, title: str) -> str:
    """A markdown section listing the hits."""
    lines = [f"## {title}", "", f"{result.total} hit(s)."]
    lines += [f"- **{hit.authority}**, {_period(hit.period)}, {hit.section}"
              f"{f' ({hit.area})' if hit.area else ''} — score {hit.score:.3g}: {hit.text}"
              for hit in result.hits]
    return "\n".join(lines)


def themes_markdown(themes: list[Theme]) -> str:
    """A markdown section per theme with its authorities and risks."""
    lines = ["## Themes among the current risks"]
    for theme in themes:
        lines += ["", f"### {theme.label} ({theme.size} risks: {', '.join(theme.authorities)})"]
        lines += [f"- {item.authority}, {_period(item.period)}: {item.text}"
                  for item in theme.items]
    return "\n".join(lines)


def ingest_lines(result: IngestResult) -> list[str]:
    """What an ingest run did, for stderr: counts, duplicate periods, each failure."""
    lines = [f"{result.added} ingested, {result.skipped} already in the archive, "
             f"{len(result.failures)} failed"]
    for dup in result.duplicates:
        verb = "replaced" if dup.replaced else "kept alongside"
        lines.append(f"duplicate period: {dup.authority} {dup.period}: {dup.path} "
                     f"{verb} {', '.join(dup.others)}")
    lines += [f"failed: {failure.path}: {failure.reason}" for failure in result.failures]
    return lines
