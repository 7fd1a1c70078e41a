"""Loaders: any supported file → one :class:`~extractor.layout.Layout`.

:func:`load` detects the format from the file's content (:func:`detect_format`) and calls the
loader for it; :class:`Limits` bounds what a loader accepts. The PDF loader is imported only
when a PDF is loaded (pdfplumber is slow to import).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from extractor.layout import Layout
from extractor.loaders.detect import Format, detect_format
from extractor.loaders.docx import load_docx
from extractor.loaders.html import load_html
from extractor.loaders.limits import Limits, refuse_long_text
from extractor.loaders.markdown import load_markdown
from extractor.loaders.text import load_text

__all__ = [
    "Format",
    "Limits",
    "detect_format",
    "load",
    "load_docx",
    "load_html",
    "load_markdown",
    "load_text",
]


def load(path: str | Path, *, limits: Limits | Mapping[str, Any] | None = None) -> Layout:
    """Detect the format of the file at ``path`` from its content and load it into a Layout.

    Raises :class:`models.errors.UnreadableDocument` with one clear reason when the file is
    missing, unreadable, empty, too large, of an unsupported type, corrupt, without text or
    with more text than ``limits.max_text_chars``.
    """
    path = Path(path)
    resolved = Limits.resolve(limits)
    fmt = detect_format(path, limits=resolved)
    if fmt in ("txt", "md", "html"):  # a character takes 1 to 4 bytes: refused unread when over
        refuse_long_text(path.stat().st_size // 4, path, resolved)
    layout = _load(path, fmt, resolved)
    refuse_long_text(len(layout.text), path, resolved)
    return layout


def _load(path: Path, fmt: Format, limits: Limits) -> Layout:
    if fmt == "pdf":
        from extractor.loaders.pdf import load_pdf

        return load_pdf(path, max_pages=limits.max_pages,
                        max_page_content=limits.max_pdf_page_content)
    if fmt == "docx":
        return load_docx(path, limits=limits)
    if fmt == "html":
        return load_html(path, limits=limits)
    if fmt == "md":
        return load_markdown(path, limits=limits)
    return load_text(path, limits=limits)
