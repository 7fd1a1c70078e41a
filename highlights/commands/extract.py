"""``highlights extract``."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import not_implemented

__all__ = ["COMMANDS"]


@click.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json",
              show_default=True, help="Output format.")
def extract_command(file: Path, fmt: str) -> None:
    """Parse one report (.pdf, .docx, .txt, .md, .html) and print it structured."""
    not_implemented("extract")


COMMANDS = [extract_command]
