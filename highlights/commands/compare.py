"""``highlights compare``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from highlights.commands.common import echo_output
from models.errors import DifferentAuthorities, UnreadableDocument

if TYPE_CHECKING:
    from models.report import Report

__all__ = ["COMMANDS", "load_report"]


def _is_json(path: Path) -> bool:
    """True when the file's first non-blank character opens a JSON object."""
    try:
        with path.open("rb") as handle:
            head = handle.read(256)
    except FileNotFoundError as exc:
        raise UnreadableDocument("no such file", path) from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}", path) from exc
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def load_report(path: Path) -> Report:
    """A report from JSON written by ``highlights extract`` (detected by content) or a document."""
    from extractor.loaders import Limits
    from extractor.loaders.source import check_file

    check_file(path, Limits())  # a FIFO, a directory or a huge (sparse) file is refused unread
    if not _is_json(path):
        from extractor import extract  # heavy: only when a document must be parsed

        return extract(path)
    from pydantic import ValidationError

    from models.report import Report

    try:
        return Report.from_json(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"JSON is not UTF-8 ({exc.reason})", path) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        raise UnreadableDocument(f"not a report JSON ({where}: {first['msg']})", path) from exc


@click.command("compare")
@click.argument("old", type=click.Path(path_type=Path, readable=False))
@click.argument("new", type=click.Path(path_type=Path, readable=False))
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "html"]),
              default="markdown", show_default=True, help="Output format.")
@click.option("--force", is_flag=True, help="Compare even when the authorities differ.")
def compare_command(old: Path, new: Path, fmt: str, force: bool) -> None:
    """Line up two reports of one authority (files, or JSON from extract) and show what changed."""
    from comparisons import compare, render_change

    old_report, new_report = load_report(old), load_report(new)
    try:
        summary = compare(old_report, new_report, force=force)
    except DifferentAuthorities as error:  # name the files as the user gave them
        raise DifferentAuthorities(error.reason, f"{old} and {new}") from error
    for warning in summary.warnings:
        click.echo(f"highlights: warning: {warning}", err=True)
    echo_output(render_change(summary, fmt))  # type: ignore[arg-type]


COMMANDS = [compare_command]
