"""``highlights extract``."""

from __future__ import annotations

from pathlib import Path

import click

from highlights.commands.common import echo_output

__all__ = ["COMMANDS"]


@click.command("extract")
@click.argument("file", type=click.Path(path_type=Path, readable=False))
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json",
              show_default=True, help="Output format.")
def extract_command(file: Path, fmt: str) -> None:
    """Parse one report (.pdf, .docx, .txt, .md, .html) and print it structured."""
    from extractor import extract
    from extractor.markdown import report_to_markdown

    report = extract(file)
    echo_output(report.to_json() if fmt == "json" else report_to_markdown(report))


COMMANDS = [extract_command]
