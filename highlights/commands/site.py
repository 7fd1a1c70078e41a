"""``highlights site``."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import db_option, not_implemented

__all__ = ["COMMANDS"]


@click.command("site")
@db_option
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the site into.")
def site_command(db: Path | None, out: Path) -> None:
    """Build a static, self-contained HTML briefing site from the archive."""
    not_implemented("site")


COMMANDS = [site_command]
