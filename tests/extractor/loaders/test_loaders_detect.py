"""detect_format: the format comes from the content; unreadable inputs get one clear reason."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from extractor.loaders import Limits, detect_format, load
from models.errors import UnreadableDocument
from tests.extractor.loaders.loaders_docx_builder import build_docx, para

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def _ole2(*streams: str) -> bytes:
    """An OLE2-looking file whose directory names ``streams`` (UTF-16LE, as in real files)."""
    body = b"".join(name.encode("utf-16-le") + b"\x00" * 8 for name in streams)
    return OLE2 + b"\x00" * 504 + body + b"\x00" * 512


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf"),
        ("report.txt", b"%PDF-1.4 wrongly named", "pdf"),
        ("report.txt", "LOCAL AUTHORITY\n\nNorthshire\n", "txt"),
        ("report.md", "LOCAL AUTHORITY\n\nNorthshire\n", "md"),
        ("report", "# Northshire\n\n- risk\n", "md"),
        ("report", "| a | b |\n|---|---|\n| 1 | 2 |\n", "md"),
        ("report.dat", "Plain words only.\n", "txt"),
        ("report.txt", "<!DOCTYPE html><html><body><p>Northshire</p></body></html>", "html"),
        ("report.html", "<html>\n<body><h1>Eastmoor</h1></body></html>", "html"),
        ("report.htm", "<h1>Eastmoor</h1>\n<p>Headline</p>\n<ul><li>risk</li></ul>\n", "html"),
        ("report.html", "Just text saved with the wrong extension.\n", "txt"),
        ("report.txt", "<p>A</p>\tB\nLINE ONE\nline two\nline three\n", "txt"),
    ],
)
def test_format_follows_content(tmp_path, name, content, expected):
    path = _write(tmp_path / name, content)
    assert detect_format(path) == expected


def test_docx_is_recognised_by_its_members_whatever_the_name(tmp_path):
    path = build_docx(tmp_path / "report.pdf", para("Riverbridge"))
    assert detect_format(path) == "docx"
    assert load(path).text == "Riverbridge\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-16", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")],
)
def test_text_in_other_encodings(tmp_path, encoding, prefix):
    text = "RISKS AND CONCERNS\n\n- Caf\u00e9 closure \u2013 minor\n"
    path = _write(tmp_path / "report.txt", prefix + text.encode(encoding))
    assert detect_format(path) == "txt"
    texts = [p.text for p in load(path).paragraphs()]
    assert texts == ["RISKS AND CONCERNS", "Café closure – minor"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (_ole2("Root Entry", "WordDocument", "1Table"), "legacy Word .doc: save it as .docx"),
        (_ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"), "password-protected DOCX"),
        (_ole2("Root Entry", "Workbook"), "legacy Office file"),
        (b"{\\rtf1\\ansi Northshire}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (bytes(range(256)) * 4, "binary file of unknown type"),
        (b"\x00\x01\x02\x03" * 100, "binary file of unknown type"),
        (b"   \n\n\t  \n", "no text"),
    ],
)
def test_refused_types_say_why(tmp_path, content, reason):
    path = _write(tmp_path / "report.docx", content)
    with pytest.raises(UnreadableDocument) as caught:
        detect_format(path)
    assert reason in caught.value.reason
    assert caught.value.path == str(path)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"notes.txt": b"hello"}, "zip archive but not a Word document"),
        ({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}, "Excel"),
        ({"ppt/presentation.xml": b"<p/>"}, "PowerPoint"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "OpenDocument"),
    ],
)
def test_zip_archives_that_are_not_word_documents(tmp_path, members, reason):
    path = _zip(tmp_path / "report.docx", members)
    with pytest.raises(UnreadableDocument, match=reason):
        detect_format(path)


def test_truncated_zip_is_a_corrupt_docx(tmp_path):
    whole = build_docx(tmp_path / "whole.docx", para("Eastmoor")).read_bytes()
    path = _write(tmp_path / "report.docx", whole[: len(whole) // 2])
    with pytest.raises(UnreadableDocument, match="corrupt DOCX"):
        detect_format(path)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableDocument, match="file not found"):
        detect_format(tmp_path / "nowhere.docx")


def test_directory(tmp_path):
    with pytest.raises(UnreadableDocument, match="directory"):
        detect_format(tmp_path)


def test_empty_file(tmp_path):
    with pytest.raises(UnreadableDocument, match="empty file"):
        detect_format(_write(tmp_path / "report.txt", b""))


def test_too_large_is_refused_before_reading(tmp_path):
    path = _write(tmp_path / "report.txt", "x" * 2048)
    with pytest.raises(UnreadableDocument, match="too large"):
        detect_format(path, limits=Limits(max_bytes=1024))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path):
    path = _write(tmp_path / "report.txt", "Northshire")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableDocument, match="permission denied"):
            detect_format(path)
    finally:
        path.chmod(0o600)


def test_error_message_names_the_file(tmp_path):
    path = tmp_path / "gone.pdf"
    with pytest.raises(UnreadableDocument) as caught:
        load(path)
    assert str(caught.value) == f"{path}: file not found"
