"""extract(): load → segment → assemble (fields, ratings, figures)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.assemble import assemble
from extractor.loaders import Limits, load
from extractor.segment import is_highlight_report, segment
from extractor.template import load_template
from models.errors import NotAHighlightReport
from models.report import Report, Source

__all__ = ["extract"]


def extract(path: str | Path, *, template: str = "dfe_highlight",
            limits: Limits | dict[str, int] | None = None) -> Report:
    """Parse the report at ``path`` into the contract's structure.

    Raises :class:`models.UnreadableDocument` when the file cannot be read and
    :class:`models.NotAHighlightReport` when it is read but is not a highlight report.
    """
    path = Path(path)
    layout = load(path, limits=Limits.resolve(limits))
    report_template = load_template(template)
    segments = segment(layout, report_template)
    if not is_highlight_report(segments, report_template):
        raise NotAHighlightReport(
            "not recognisable as a highlight report (no report headings or header fields found)",
            path,
        )
    source = Source(path=str(path), sha256=_sha256(path), format=layout.format,
                    pages=layout.pages)
    return assemble(segments, report_template, source=source, text=layout.text)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
