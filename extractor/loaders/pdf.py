"""PDF → :class:`~extractor.layout.Layout`.

Each page is parsed once (pdfminer through pdfplumber) and released; one walk over its objects
gives glyphs, ruling edges and fills, from which come lines, tables with cell colours, and
paragraphs. Across pages the loader then drops running headers and footers, and joins the
paragraphs, table rows and tables that a page break cut in two.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
from pdfplumber.page import Page

from extractor.layout import Layout, LayoutBuilder
from extractor.loaders.pdf_document import make_paragraphs
from extractor.loaders.pdf_furniture import drop_furniture
from extractor.loaders.pdf_objects import PageObjects, collect
from extractor.loaders.pdf_page import PageDraft, draft_page
from extractor.loaders.pdf_paragraphs import ParaDraft
from extractor.loaders.pdf_stitch import Block, stitch
from extractor.loaders.pdf_streams import page_content_size
from extractor.loaders.pdf_strike import drop_struck
from extractor.loaders.source import printable
from models.errors import UnreadableDocument

__all__ = ["load_pdf"]

NO_TEXT = "no text layer (scanned image?): run OCR first, e.g. ocrmypdf"
UNMAPPED = "text layer without Unicode (fonts lack a ToUnicode map): run OCR first, e.g. ocrmypdf"
MAX_UNMAPPED = 0.5  # share of glyphs without Unicode beyond which the text is unusable

# pdfminer warns about every oddity of a damaged file; without a handler of its own those lines
# would reach stderr through logging's last resort. An application that configures logging
# still receives them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def load_pdf(path: Path, *, max_pages: int | None = None,
             max_page_content: int | None = None) -> Layout:
    """Load a PDF highlight report into a Layout of paragraphs and table rows.

    Raises :class:`~models.errors.UnreadableDocument` when the file is missing, corrupt,
    password-protected, has no (usable) text layer, has more than ``max_pages`` pages, or a page
    whose content inflates to more than ``max_page_content`` bytes.
    """
    pages = list(_drafts(Path(path), max_pages, max_page_content))
    ink = sum(page.ink for page in pages)
    if not ink:
        raise UnreadableDocument(NO_TEXT, path)
    if sum(page.unmapped for page in pages) > MAX_UNMAPPED * ink:
        raise UnreadableDocument(UNMAPPED, path)
    drop_furniture(pages)
    make_paragraphs(pages)
    return _build(stitch(pages), len(pages))


def _drafts(path: Path, max_pages: int | None, max_content: int | None
            ) -> Iterator[PageDraft]:
    """Parse each page once, keep only its draft, and release the parsed page.

    The loader owns the file handle (pdfplumber's own close() re-reads the page tree, which
    fails again on a damaged file).
    """
    try:
        stream = path.open("rb")
    except FileNotFoundError as exc:
        raise UnreadableDocument("file not found", path) from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}", path) from exc
    with stream:
        try:
            pages = pdfplumber.open(stream).pages
        except Exception as exc:  # pdfminer raises many types for a bad file
            raise _unreadable(exc, path) from exc
        if max_pages is not None and len(pages) > max_pages:
            raise UnreadableDocument(f"too many pages: {len(pages)} > {max_pages}", path)
        for page in pages:
            if max_content is not None:
                _check_content(page, path, max_content)
            yield draft_page(_objects(page, path))


def _check_content(page: Page, path: Path, limit: int) -> None:
    """Refuse a page whose content would inflate past ``limit`` bytes (a decompression bomb)."""
    try:
        size = page_content_size(page.page_obj, limit=limit)
    except Exception as exc:
        raise _unreadable(exc, path) from exc
    if size > limit:
        raise UnreadableDocument(
            f"PDF page {page.page_number} would inflate to over {limit / 1048576:.1f} MB of "
            "content (decompression bomb?)", path)


def _objects(page: Page, path: Path) -> PageObjects:
    """One page's glyphs (struck-through ones left out), edges and fills; the parsed page is
    dropped straight after."""
    try:
        objects = collect(page.layout, number=page.page_number)
    except Exception as exc:
        raise _unreadable(exc, path) from exc
    finally:
        page.flush_cache(["_layout"])
        page.close()
    drop_struck(objects)
    return objects


def _unreadable(exc: Exception, path: Path) -> UnreadableDocument:
    """Name the reason a PDF could not be read, from pdfminer's (wrapped) exception."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return UnreadableDocument("password-protected PDF", path)
    detail = " ".join(str(cause).split())[:200]
    return UnreadableDocument(f"corrupt PDF: {name}" + (f": {detail}" if detail else ""), path)


def _build(blocks: list[Block], pages: int) -> Layout:
    builder = LayoutBuilder("pdf", pages=pages)
    for block in blocks:
        if isinstance(block, ParaDraft):
            _add(builder, block)
            continue
        builder.start_row(table=block.table, page=block.page, continued=block.continued)
        for cell in block.cells:
            builder.start_cell(fill=cell.fill, merged_above=cell.merged_above)
            for paragraph in cell.paragraphs:
                _add(builder, paragraph)
            builder.end_cell()
        builder.end_row()
    return builder.build()


def _add(builder: LayoutBuilder, para: ParaDraft) -> None:
    text = printable(para.text)
    if text.strip():
        builder.add_paragraph(text, kind=para.kind, page=para.page, level=para.level,
                              marker=para.marker, bold=para.bold, centered=para.centered)
