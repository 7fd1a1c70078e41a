"""Safety checks on a DOCX zip package before any of it is unpacked or parsed.

The zip central directory gives every member's uncompressed size, so a zip bomb is refused
without inflating anything. XML parts that declare a DTD or entities are refused (python-docx
already parses with ``resolve_entities=False``; this refuses such files outright).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from extractor.loaders.limits import Limits
from models.errors import UnreadableDocument

__all__ = ["check_package"]

_CHUNK = 4096
_MAX_PROLOG = 1024 * 1024
# The root element starts at the first "<" followed by a name (not "<?" or "<!").
_ROOT_START = re.compile(rb"<[A-Za-z_]|<\x00[A-Za-z_]")
_DECLARATIONS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le")
)


def check_package(data: bytes, path: Path, limits: Limits) -> None:
    """Refuse (UnreadableDocument) a DOCX too big once unpacked, encrypted, or declaring a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_sizes(members, path, limits)
            for member in members:
                if member.flag_bits & 0x1:
                    raise UnreadableDocument("password-protected DOCX (encrypted zip)", path)
                if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, member):
                    raise UnreadableDocument(
                        f"corrupt DOCX: {member.filename} declares a DTD or entities", path
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError) as exc:
        raise UnreadableDocument(f"corrupt DOCX: {exc}", path) from exc
    except (NotImplementedError, RuntimeError) as exc:  # unsupported compression, zip password
        raise UnreadableDocument(f"corrupt DOCX: {exc}", path) from exc


def _check_sizes(members: list[zipfile.ZipInfo], path: Path, limits: Limits) -> None:
    if len(members) > limits.max_docx_members:
        raise UnreadableDocument(
            f"DOCX has {len(members)} zip members; the limit is {limits.max_docx_members}", path
        )
    for member in members:
        if member.filename.endswith(".xml") and member.file_size > limits.max_docx_part:
            raise UnreadableDocument(
                f"DOCX part {member.filename} would unpack to {member.file_size / 1048576:.1f} "
                f"MB; the limit is {limits.max_docx_part / 1048576:.1f} MB", path)
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_docx_uncompressed:
        raise UnreadableDocument(
            f"DOCX would unpack to {unpacked / 1048576:.1f} MB; the limit is "
            f"{limits.max_docx_uncompressed / 1048576:.1f} MB (zip bomb?)",
            path,
        )


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """True when the XML prolog of ``member`` (all before its root element) declares a DTD."""
    prolog = b""
    with archive.open(member) as handle:
        while len(prolog) < _MAX_PROLOG:
            chunk = handle.read(_CHUNK)
            if not chunk:
                break
            prolog += chunk
            root = _ROOT_START.search(prolog)
            if root:
                prolog = prolog[: root.start()]
                break
    return any(declaration in prolog for declaration in _DECLARATIONS)
