"""Low-level writers for hostile inputs: a minimal text PDF, an OLE2 compound file, zip edits.

Each writer returns bytes (or writes one file) and knows nothing about the expected outcome;
``make_fixtures`` decides what each input is meant to exercise.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

__all__ = ["text_pdf", "ole2", "rewrite_zip", "zip_bomb", "docx_blocks", "as_text", "as_html"]

_SECTOR = 512
_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def text_pdf(pages: Iterable[list[str]], *, inflate_to: int = 0) -> bytes:
    """A valid PDF with one page per item of ``pages``, each line drawn in Helvetica.

    With ``inflate_to``, each page's content stream is deflated and padded with spaces to
    that many bytes once inflated (a decompression bomb when large).
    """
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 "
               b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        text = ("BT /F1 11 Tf 14 TL 56 780 Td " + " ".join(
            f"{_pdf_string(line)} Tj T*" for line in lines) + " ET\n").encode("latin-1")
        stream, extra = (_deflated(text, inflate_to), b" /Filter /FlateDecode") if inflate_to \
            else (text, b"")
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), extra, stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def _deflated(head: bytes, size: int) -> bytes:
    """``head`` then spaces up to ``size`` bytes, zlib-compressed in 16 MiB chunks."""
    compressor, chunk = zlib.compressobj(1), b" " * (1 << 24)
    parts, left = [compressor.compress(head)], size - len(head)
    while left > 0:
        parts.append(compressor.compress(chunk[:left]))
        left -= len(chunk)
    return b"".join(parts) + compressor.flush()


def _directory_entry(name: str, kind: int, *, child: int = _FREE, right: int = _FREE) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _FREE, right, child) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", _END, 0))


def ole2(streams: list[str]) -> bytes:
    """A structurally valid OLE2 compound file (version 3) with empty streams named ``streams``.

    Legacy Word files hold a ``WordDocument`` stream; password-protected Office Open XML files
    are OLE2 containers with ``EncryptionInfo`` and ``EncryptedPackage`` streams.
    """
    entries = [_directory_entry("Root Entry", 5, child=1 if streams else _FREE)]
    for index, name in enumerate(streams, start=1):
        entries.append(_directory_entry(name, 2, right=index + 1 if index < len(streams)
                                        else _FREE))
    directory = b"".join(entries).ljust(-(-len(entries) * 128 // _SECTOR) * _SECTOR, b"\x00")
    directory_sectors = len(directory) // _SECTOR
    fat = [_FAT] + [index + 2 for index in range(directory_sectors - 1)] + [_END]
    fat_sector = struct.pack(f"<{_SECTOR // 4}I", *fat, *[_FREE] * (_SECTOR // 4 - len(fat)))
    header = (_OLE2_MAGIC + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *[_FREE] * 108))
    return header + fat_sector + directory


def rewrite_zip(source: Path, target: Path, edit: Callable[[dict[str, bytes]], dict[str, bytes]]
                ) -> Path:
    """Copy the zip ``source`` to ``target`` with its members (name → bytes) passed through
    ``edit``."""
    with zipfile.ZipFile(source) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in edit(members).items():
            archive.writestr(name, data)
    return target


def zip_bomb(source: Path, target: Path, *, gigabytes: int = 1) -> Path:
    """``source`` (a DOCX) plus a member of ``gigabytes`` GiB of zeros, deflated in chunks.

    The zip's central directory declares the member's full uncompressed size.
    """
    rewrite_zip(source, target, lambda members: members)
    chunk = bytes(1 << 24)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("word/media/image1.bin", "w", force_zip64=True) as member:
        for _ in range(gigabytes * 64):
            member.write(chunk)
    return target


def docx_blocks(path: Path) -> list[str | list[str]]:
    """A DOCX in document order: a paragraph as its text, a table row as its cells' texts."""
    from docx import Document
    from docx.table import Table

    blocks: list[str | list[str]] = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            blocks.extend([" ".join(cell.text.split()) for cell in row.cells]
                          for row in block.rows)
        else:
            blocks.append(block.text)
    return blocks


def as_text(blocks: list[str | list[str]]) -> str:
    """Blocks as plain text: one paragraph a line, a table row's cells joined by tabs."""
    return "\n".join(block if isinstance(block, str) else "\t".join(block)
                     for block in blocks) + "\n"


def as_html(blocks: list[str | list[str]], *, inject: str = "") -> str:
    """Blocks as an HTML page (``inject`` is raw markup put first in the body)."""
    parts = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"></head><body>", inject]
    in_table = False
    for block in blocks:
        if isinstance(block, list) != in_table:
            parts.append("<table>" if not in_table else "</table>")
            in_table = not in_table
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
        else:
            parts.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in block)
                         + "</tr>")
    parts.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(parts)
