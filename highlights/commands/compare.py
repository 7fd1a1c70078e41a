"""``highlights compare``."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import not_implemented

__all__ = ["COMMANDS"]


@click.command("compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "html"]),
              default="markdown", show_default=True, help="Output format.")
@click.option("--force", is_flag=True, help="Compare even when the authorities differ.")
def compare_command(old: Path, new: Path, fmt: str, force: bool) -> None:
    """Line up two reports of one authority (files, or JSON from extract) and show what changed."""
    not_implemented("compare")


COMMANDS = [compare_command]
