"""Refuse a PDF page whose content would inflate past a limit, before pdfminer inflates it.

pdfminer decompresses a whole stream in memory, so a page of a few hundred kilobytes can
unpack to gigabytes (a decompression bomb). This pass inflates the page's content streams and
the form XObjects it draws incrementally, counting bytes and keeping none, and stops as soon
as the count passes the limit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT

__all__ = ["page_content_size"]

_FLATE = (LIT("FlateDecode"), LIT("Fl"))
_FORM = LIT("Form")
_CHUNK = 1 << 20


def page_content_size(page: PDFPage, *, limit: int) -> int:
    """Bytes the page's content streams and forms inflate to, counted up to just past ``limit``."""
    total = 0
    for stream in _streams(page.contents, page.resources, set()):
        total += _inflated_size(stream, limit - total + 1)
        if total > limit:
            break
    return total


def _streams(contents: list[Any], resources: Any, seen: set[int]) -> Iterator[PDFStream]:
    """The content streams, then every form XObject reachable from ``resources``, each once."""
    for item in contents:
        stream = resolve1(item)
        if isinstance(stream, PDFStream) and id(stream) not in seen:
            seen.add(id(stream))
            yield stream
    xobjects = resolve1((resolve1(resources) or {}).get("XObject")) if isinstance(
        resolve1(resources), dict) else None
    for item in (xobjects or {}).values():
        form = resolve1(item)
        if (isinstance(form, PDFStream) and form.get("Subtype") == _FORM
                and id(form) not in seen):
            yield from _streams([form], form.get("Resources"), seen)


def _inflated_size(stream: PDFStream, budget: int) -> int:
    """The stream's decoded size, or a number above ``budget`` once it is known to exceed it."""
    if stream.data is not None:
        return len(stream.data)
    raw = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    filters = stream.get_filters()
    if not filters or filters[0][0] not in _FLATE:
        return len(raw)
    inflater, size, pending = zlib.decompressobj(), 0, raw
    try:
        while size <= budget and not inflater.eof:
            chunk = inflater.decompress(pending, min(_CHUNK, budget - size + 1))
            pending = inflater.unconsumed_tail
            if not chunk and not pending:
                break
            size += len(chunk)
    except zlib.error:
        pass  # damaged: pdfminer decides what to make of it
    return size
