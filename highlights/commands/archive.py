"""Commands over the archive: ingest, search, changes, themes, export, demo.

Each parses its options, calls one library function of ``corpus`` and formats the result.
``corpus`` is imported inside the commands so that ``highlights --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from highlights.commands.common import db_option, default_db_path, echo_output

__all__ = ["COMMANDS"]


def _db(db: Path | None) -> Path:
    return db or default_db_path()


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(path_type=Path, readable=False))
@db_option
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: number of cores).")
@click.option("--replace", is_flag=True,
              help="A newer report of the same authority and period replaces the older one.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one document may take before it is recorded as failed "
                   "(default 120).")
def ingest_command(paths: tuple[Path, ...], db: Path | None, jobs: int | None,
                   replace: bool, timeout: float | None) -> None:
    """Ingest report files and folders (recursively) into the archive."""
    from corpus.ingest import ingest
    from corpus.progress import ProgressBar
    from corpus.render import ingest_lines

    with ProgressBar() as progress:
        result = ingest(paths, db=_db(db), jobs=jobs, replace=replace, progress=progress,
                        timeout=timeout)
    for line in ingest_lines(result):
        click.echo(line, err=True)
    if not result.succeeded:
        raise click.exceptions.Exit(3)


@click.command("search")
@click.argument("query", required=False)
@db_option
@click.option("--similar", "similar", default=None, metavar="TEXT",
              help="Find items that say the same thing as TEXT in other words.")
@click.option("--authority", default=None, help="Only this authority (short or full name).")
@click.option("--section", default=None,
              type=click.Choice(["headline", "going_well", "risks", "assessment", "coming_up",
                                 "additional_info"]), help="Only this section.")
@click.option("--area", default=None, help="Only this assessment area key.")
@click.option("--rating", default=None, help="Only assessments with this rating.")
@click.option("--since", default=None, metavar="YYYY-MM", help="Periods ending on or after.")
@click.option("--until", default=None, metavar="YYYY-MM", help="Periods starting on or before.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table",
              show_default=True)
def search_command(query: str | None, db: Path | None, similar: str | None, fmt: str,
                   **filters: Any) -> None:
    """Full-text search over the archive, ranked (FTS5 syntax: "a phrase", OR, NOT, prefix*)."""
    if (query is None) == (similar is None):
        raise click.UsageError("give either a QUERY or --similar TEXT")
    if similar is not None:
        from corpus.similar import similar as find_similar

        result = find_similar(_db(db), similar, **filters)
    else:
        from corpus.search import search

        assert query is not None
        result = search(_db(db), query, **filters)
    if fmt == "json":
        echo_output(result.to_json())
    else:
        from rich.console import Console

        from corpus.render import hits_table

        Console().print(hits_table(result))


@click.command("changes")
@click.argument("authority", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "html"]),
              default="markdown", show_default=True)
def changes_command(authority: str | None, db: Path | None, fmt: str) -> None:
    """Change summaries for each pair of consecutive periods of one authority, or of all."""
    from comparisons import render_changes
    from corpus.changes import archive_changes

    echo_output(render_changes(archive_changes(_db(db), authority), fmt))  # type: ignore[arg-type]


@click.command("themes")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table",
              show_default=True)
def themes_command(db: Path | None, fmt: str) -> None:
    """Current risks of all authorities grouped into labelled themes."""
    from corpus.themes import themes

    found = themes(_db(db))
    if fmt == "json":
        echo_output(json.dumps([theme.model_dump(mode="json") for theme in found], indent=2,
                               ensure_ascii=False))
    else:
        from rich.console import Console

        from corpus.render import themes_table

        Console().print(themes_table(found))


@click.command("export")
@db_option
@click.option("--what", type=click.Choice(["ratings", "indicators", "items"]), default="ratings",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the CSV here (default: stdout).")
def export_command(db: Path | None, what: str, out: Path | None) -> None:
    """Tidy CSV, one row per authority x period x area / indicator / item."""
    from corpus.export import export, export_file

    if out is None:
        export(_db(db), what, sys.stdout)  # type: ignore[arg-type]
        return
    count = export_file(_db(db), what, out)  # type: ignore[arg-type]
    click.echo(f"{count} rows written to {out}", err=True)


@click.command("demo")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: number of cores).")
def demo_command(jobs: int | None) -> None:
    """Ingest the bundled sample archive into a temporary archive and print the changes."""
    from corpus.demo import run_demo
    from corpus.progress import ProgressBar

    with ProgressBar() as progress:
        text = run_demo(progress=progress, jobs=jobs)
    echo_output(text)


COMMANDS = [ingest_command, search_command, changes_command, themes_command, export_command,
            demo_command]
