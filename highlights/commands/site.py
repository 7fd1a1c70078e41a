"""``highlights site``."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import db_option, default_db_path

__all__ = ["COMMANDS"]


@click.command("site")
@db_option
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site into.")
def site_command(db: Path | None, out: Path) -> None:
    """Build a static, self-contained HTML briefing site from the archive."""
    from comparisons.view import plural
    from highlights.site import build_site

    result = build_site(db or default_db_path(), out)
    authorities = "1 authority" if result.authorities == 1 else f"{result.authorities} authorities"
    click.echo(f"highlights: wrote {plural(len(result.pages), 'page')} from "
               f"{plural(result.reports, 'report')} of {authorities} to {result.out_dir}", err=True)
    click.echo(str(result.index))


COMMANDS = [site_command]
