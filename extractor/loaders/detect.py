"""Which format a file is, from its content (magic bytes, zip members, text sniffing).

The extension only chooses between text flavours (``.md`` vs ``.txt``); a file whose content
contradicts its extension is parsed by content. Files that cannot be loaded are refused with
:class:`UnreadableDocument` and one clear reason.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from extractor.loaders.config import config
from extractor.loaders.limits import Limits
from extractor.loaders.source import decode_text, read_bytes, read_head
from models.errors import UnreadableDocument
from models.report import DocumentFormat

__all__ = ["Format", "detect_format"]

Format = DocumentFormat

_HEAD = 65536
_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|h[1-6]|p|div|table|ul|ol|section|article|"
    r"main|header|!--)[\s>/]",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"^(?:#{1,6}[ \t]+\S|\|?[ \t]*:?-{3,}:?[ \t]*\|)", re.MULTILINE)
# Zip members that identify an Office package other than a Word document.
_OTHER_PACKAGES = {
    "xl/workbook.xml": "Excel workbook, not a Word document",
    "ppt/presentation.xml": "PowerPoint presentation, not a Word document",
}


def detect_format(path: Path, *, limits: Limits | None = None) -> Format:
    """The format of the file at ``path``: ``pdf``, ``docx``, ``txt``, ``md`` or ``html``.

    Raises :class:`UnreadableDocument` for a missing, unreadable, empty or too large file, and
    for a type no loader reads (legacy .doc, password-protected DOCX, other archives, binaries).
    """
    path = Path(path)
    limits = Limits.resolve(limits)
    head = read_head(path, limits, _HEAD)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP):
        return _zip_format(path)
    if head.startswith(_OLE2):
        raise UnreadableDocument(_ole2_reason(read_bytes(path, limits)), path)
    for refused in config()["refused"]:
        if head.startswith(bytes.fromhex(refused["magic"])):
            raise UnreadableDocument(refused["reason"], path)
    text = decode_text(head, final=len(head) < _HEAD)
    if text is None:
        raise UnreadableDocument("binary file of unknown type", path)
    if not text.strip():
        raise UnreadableDocument("no text", path)
    return _text_format(text, path.suffix.lower())


def _text_format(text: str, suffix: str) -> Format:
    """``html``, ``md`` or ``txt`` for decoded ``text`` from a file named with ``suffix``."""
    if _looks_html(text):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".txt", ".text"):
        return "txt"
    return "md" if _MARKDOWN.search(text) else "txt"


def _looks_html(text: str) -> bool:
    """True for an HTML document or a fragment made mostly of tagged lines."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:5].lower() == "<?xml":
        stripped = stripped[stripped.find(">") + 1 :].lstrip()
    if not _HTML_START.match(stripped[:64]):
        return False
    if re.match(r"<(?:!doctype\s+html|html)[\s>]", stripped[:20], re.IGNORECASE):
        return True
    lines = [line.lstrip() for line in stripped.splitlines() if line.strip()]
    return sum(line.startswith("<") for line in lines) * 2 >= len(lines)


def _zip_format(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, OSError, KeyError, ValueError) as exc:
        kind = "DOCX" if path.suffix.lower() == ".docx" else "zip archive"
        raise UnreadableDocument(f"corrupt {kind}: {exc}", path) from exc
    if "word/document.xml" in names or b"wordprocessingml.document.main" in types:
        return "docx"
    if b"opendocument.text" in mimetype:
        raise UnreadableDocument("OpenDocument text (.odt): save it as .docx", path)
    for member, reason in _OTHER_PACKAGES.items():
        if member in names:
            raise UnreadableDocument(reason, path)
    raise UnreadableDocument("zip archive but not a Word document", path)


def _ole2_reason(data: bytes) -> str:
    """Why an OLE2 compound file is refused: its directory names its streams in UTF-16LE."""
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "password-protected DOCX: remove the password and save it again"
    if "WordDocument".encode("utf-16-le") in data:
        return "legacy Word .doc: save it as .docx"
    return "legacy Office file (not a Word document)"
