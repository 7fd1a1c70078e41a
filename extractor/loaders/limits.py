"""Resource limits every loader honours, as one small validated settings object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from models.errors import UnreadableDocument

__all__ = ["Limits", "refuse_long_text"]

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much input a loader accepts before refusing it as too large.

    ``max_bytes``: size of the file on disk. ``max_pages``: pages read from a PDF.
    ``max_docx_uncompressed``: total uncompressed size of a DOCX's zip members, read from the
    zip central directory before anything is unpacked. ``max_docx_members``: members in that zip.
    ``max_docx_part``: uncompressed size of any one XML part of a DOCX (parsing XML takes about
    14 bytes of memory per byte). ``max_text_chars``: characters of text in the loaded document
    (spaCy's own default ``max_length``); a text or HTML file of more than 4 bytes per allowed
    character is refused before it is read. ``max_pdf_page_content``: bytes one PDF page's
    content streams and forms inflate to, counted before pdfminer inflates them.
    """

    max_bytes: int = 50 * _MB
    max_pages: int = 500
    max_docx_uncompressed: int = 200 * _MB
    max_docx_members: int = 2000
    max_docx_part: int = 20 * _MB
    max_text_chars: int = 1_000_000
    max_pdf_page_content: int = 20 * _MB

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"Limits.{spec.name} must be a positive integer, got {value!r}")

    @classmethod
    def resolve(cls, settings: Limits | Mapping[str, Any] | None) -> Limits:
        """``None`` → defaults; a mapping → defaults overridden by it; a Limits → itself."""
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        if isinstance(settings, Mapping):
            known = {spec.name for spec in fields(cls)}
            unknown = sorted(set(settings) - known)
            if unknown:
                raise ValueError(f"unknown limit(s): {', '.join(unknown)}")
            return cls(**settings)
        raise TypeError(f"cannot make Limits from {type(settings).__name__}")


def refuse_long_text(chars: int, path: Path, limits: Limits) -> None:
    """Raise UnreadableDocument when ``chars`` characters of text are more than the limit."""
    if chars > limits.max_text_chars:
        raise UnreadableDocument(
            f"too much text (over {limits.max_text_chars:,} characters; not a single report?)",
            path)
