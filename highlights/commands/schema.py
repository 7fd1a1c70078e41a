"""``highlights schema``."""

from __future__ import annotations

import json

import click

from highlights.commands.common import echo_output
from models.schema import json_schema

__all__ = ["COMMANDS"]


@click.command("schema")
@click.option("--what", type=click.Choice(["report", "change"]), default="report",
              show_default=True)
def schema_command(what: str) -> None:
    """Print the JSON Schema of the report (default) or the change summary."""
    echo_output(json.dumps(json_schema(what), indent=2))  # type: ignore[arg-type]


COMMANDS = [schema_command]
