"""Commands over the archive: ingest, search, changes, themes, export, demo."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import db_option, not_implemented

__all__ = ["COMMANDS"]


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: number of cores).")
@click.option("--replace", is_flag=True,
              help="A newer report of the same authority and period replaces the older one.")
def ingest_command(paths: tuple[Path, ...], db: Path | None, jobs: int | None,
                   replace: bool) -> None:
    """Ingest report files and folders (recursively) into the archive."""
    not_implemented("ingest")


@click.command("search")
@click.argument("query", required=False)
@db_option
@click.option("--similar", "similar", default=None, metavar="TEXT",
              help="Find items that say the same thing as TEXT in other words.")
@click.option("--authority", default=None, help="Only this authority.")
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
def search_command(query: str | None, db: Path | None, similar: str | None, **filters: object
                   ) -> None:
    """Full-text search over the archive, ranked."""
    not_implemented("search")


@click.command("changes")
@click.argument("authority", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "html"]),
              default="markdown", show_default=True)
def changes_command(authority: str | None, db: Path | None, fmt: str) -> None:
    """Change summaries for each pair of consecutive periods of one authority, or of all."""
    not_implemented("changes")


@click.command("themes")
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table",
              show_default=True)
def themes_command(db: Path | None, fmt: str) -> None:
    """Current risks of all authorities grouped into labelled themes."""
    not_implemented("themes")


@click.command("export")
@db_option
@click.option("--what", type=click.Choice(["ratings", "indicators", "items"]), default="ratings",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the CSV here (default: stdout).")
def export_command(db: Path | None, what: str, out: Path | None) -> None:
    """Tidy CSV, one row per authority x period x area / indicator / item."""
    not_implemented("export")


@click.command("demo")
def demo_command() -> None:
    """Ingest the bundled sample archive into a temporary archive and print the changes."""
    not_implemented("demo")


COMMANDS = [ingest_command, search_command, changes_command, themes_command, export_command,
            demo_command]
