"""Reading an input file safely: existence, type, size and text decoding checks."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from extractor.loaders.limits import Limits
from models.errors import UnreadableDocument

__all__ = ["check_file", "read_bytes", "read_head", "read_text", "decode_text", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in a text document (tab, line breaks, form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def check_file(path: Path, limits: Limits) -> int:
    """Return the size of the regular file at ``path``, or raise UnreadableDocument saying why."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise UnreadableDocument("file not found", path) from exc
    except PermissionError as exc:
        raise UnreadableDocument("permission denied", path) from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}", path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableDocument("is a directory, not a file", path)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableDocument("not a regular file", path)
    if info.st_size == 0:
        raise UnreadableDocument("empty file", path)
    if info.st_size > limits.max_bytes:
        size, limit = _megabytes(info.st_size), _megabytes(limits.max_bytes)
        if size == limit:  # just over: rounding would say "50.0 MB; the limit is 50.0 MB"
            size, limit = f"{info.st_size:,} bytes", f"{limits.max_bytes:,} bytes"
        raise UnreadableDocument(f"file too large ({size}; the limit is {limit})", path)
    if not os.access(path, os.R_OK):
        raise UnreadableDocument("permission denied", path)
    return info.st_size


def read_head(path: Path, limits: Limits, size: int = 65536) -> bytes:
    """Check the file, then return its first ``size`` bytes."""
    check_file(path, limits)
    return _read(path, size)


def read_bytes(path: Path, limits: Limits) -> bytes:
    """Check the file, then return all of it."""
    check_file(path, limits)
    return _read(path, -1)


def read_text(path: Path, limits: Limits) -> str:
    """Check the file, then return all of it decoded as text (see :func:`decode_text`)."""
    text = decode_text(read_bytes(path, limits))
    if text is None:
        raise UnreadableDocument("binary file of unknown type", path)
    return text


def _read(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except PermissionError as exc:
        raise UnreadableDocument("permission denied", path) from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}", path) from exc


def decode_text(data: bytes, *, final: bool = True) -> str | None:
    """Decode text by its BOM, else as UTF-8, else as cp1252; None when it is not text.

    With ``final=False`` the data may be the head of a longer file: a multi-byte character cut
    at the end is not an error.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = codecs.getincrementaldecoder(encoding)().decode(data, final=final)
            except UnicodeDecodeError:
                return None
            return None if looks_binary(text) else text
    for encoding in ("utf-8", "cp1252"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=final)
        except UnicodeDecodeError:
            continue
        return None if looks_binary(text) else text
    return None


# Control characters (C0 but tab and line breaks, DEL, C1) never belong in a report's text, and
# an escape sequence kept in it would drive the terminal that shows a markdown or table output.
_UNPRINTABLE: dict[int, str | None] = {
    code: None for code in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)]
}
_UNPRINTABLE.update({0x0B: " ", 0x0C: " "})


def printable(text: str) -> str:
    """``text`` without control characters (vertical tab and form feed become spaces)."""
    return text.translate(_UNPRINTABLE)


def looks_binary(text: str) -> bool:
    """True when ``text`` holds NULs or more than 1% control characters."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > len(sample) // 100


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
