"""The ``highlights`` console script: one click group; commands live in highlights/commands/.

Library errors become exit codes and one line on stderr here and nowhere else.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from highlights.commands import archive, compare, extract, schema, site
from models.errors import HighlightsError

__all__ = ["cli", "main"]


class _Group(click.Group):
    """A click group that turns library errors into the contract's exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HighlightsError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"highlights: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("highlights: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks instead of one-line errors.")
@click.version_option(package_name="highlights")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn LA intervention adviser highlight reports into data you can search and compare."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


for module in (extract, compare, archive, site, schema):
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="highlights", standalone_mode=True)
    except BrokenPipeError:  # e.g. `highlights export | head`
        sys.stderr.close()
        sys.exit(0)
