"""Options and helpers shared by several commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import click

__all__ = ["db_option", "default_db_path", "not_implemented", "echo_output"]


def default_db_path() -> Path:
    """``$HIGHLIGHTS_DB`` if set, else ``highlights.db`` in the current directory."""
    return Path(os.environ.get("HIGHLIGHTS_DB") or "highlights.db")


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Archive database (default: $HIGHLIGHTS_DB, else ./highlights.db).",
)


def not_implemented(command: str) -> NoReturn:
    """Exit 2 with the contract's message for a command not built yet."""
    raise click.UsageError(f"'{command}' is not implemented yet")


def echo_output(text: str) -> None:
    """Write machine-readable output to stdout, with exactly one trailing newline."""
    click.echo(text.rstrip("\n"))
