"""Write one hostile input per case of ``data/cases.toml`` (fictional content only).

Run from the repository root to inspect them (needs qpdf and pdftoppm)::

    .venv/bin/python -m tests.hostile.make_fixtures /tmp/hostile

The tests call :func:`hostile_inputs`, which builds them once per test run in a temporary
folder (the zip bomb and the sparse file are too big to commit).
"""

from __future__ import annotations

import atexit
import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image

from extractor.loaders import Limits
from tests.hostile.craft import (
    as_html,
    as_text,
    docx_blocks,
    ole2,
    rewrite_zip,
    text_pdf,
    zip_bomb,
)

__all__ = ["Case", "CASES", "DOCUMENTS", "GOOD_DOCX", "GOOD_PDF", "build", "hostile_inputs"]

HERE = Path(__file__).resolve().parent
REPORTS = HERE.parents[1] / "corpus" / "samples" / "reports"
# Sample reports the broken inputs are made from (not the ones the ingest test copies).
GOOD_DOCX = REPORTS / "riverbridge" / "riverbridge-2020-05.docx"
GOOD_PDF = REPORTS / "northshire" / "northshire-2021-06.pdf"
OTHER_DOCX = REPORTS / "kestrelford" / "kestrelford-2022-09.docx"
OTHER_PDF = REPORTS / "kestrelford" / "kestrelford-2022-06.pdf"
DOCUMENTS = tomllib.loads((HERE / "data" / "documents.toml").read_text(encoding="utf-8"))
_DOCUMENT = "word/document.xml"


@dataclass(frozen=True)
class Case:
    """One hostile input and what ``highlights extract`` must do with it."""

    build: str
    file: str
    exit: int
    reason: str | None = None
    format: str | None = None


CASES = [Case(**entry) for entry in
         tomllib.loads((HERE / "data" / "cases.toml").read_text(encoding="utf-8"))["case"]]
Builder = Callable[[Path], Path | None]
_BUILDERS: dict[str, Builder] = {}


def _builder(function: Builder) -> Builder:
    _BUILDERS[function.__name__] = function
    return function


def _copy(source: Path, path: Path) -> Path:
    shutil.copyfile(source, path)
    return path


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _document_xml(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>")


def _with_document(path: Path, xml: str) -> Path:
    return rewrite_zip(GOOD_DOCX, path, lambda members: {**members, _DOCUMENT: xml.encode()})


@_builder
def missing(path: Path) -> None:
    """Nothing is written."""


@_builder
def permission_denied(path: Path) -> Path:
    """A good report nobody may read (root still can: the test drops its override)."""
    _copy(GOOD_DOCX, path).chmod(0)
    return path


@_builder
def directory(path: Path) -> Path:
    path.mkdir()
    return path


@_builder
def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@_builder
def device(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


@_builder
def empty(path: Path) -> Path:
    return _write(path, b"")


@_builder
def unknown_binary(path: Path) -> Path:
    return _write(path, random.Random(7).randbytes(20_000))


@_builder
def docx_named_pdf(path: Path) -> Path:
    return _copy(OTHER_DOCX, path)


@_builder
def pdf_named_docx(path: Path) -> Path:
    return _copy(OTHER_PDF, path)


@_builder
def text_named_pdf(path: Path) -> Path:
    return _write(path, as_text(docx_blocks(GOOD_DOCX)))


@_builder
def pdf_truncated(path: Path) -> Path:
    data = GOOD_PDF.read_bytes()
    return _write(path, data[: len(data) // 3])


@_builder
def pdf_garbage(path: Path) -> Path:
    return _write(path, b"%PDF-1.7\n" + random.Random(11).randbytes(50_000))


@_builder
def docx_truncated(path: Path) -> Path:
    data = GOOD_DOCX.read_bytes()
    return _write(path, data[: len(data) // 2])


@_builder
def docx_without_document(path: Path) -> Path:
    return rewrite_zip(GOOD_DOCX, path, lambda members: {
        name: data for name, data in members.items() if name != _DOCUMENT})


@_builder
def docx_members_swapped(path: Path) -> Path:
    def swap(members: dict[str, bytes]) -> dict[str, bytes]:
        styles = "word/styles.xml"
        return {**members, _DOCUMENT: members[styles], styles: members[_DOCUMENT]}

    return rewrite_zip(GOOD_DOCX, path, swap)


@_builder
def pdf_encrypted(path: Path) -> Path:
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                    str(GOOD_PDF), str(path)], check=True)
    return path


@_builder
def docx_encrypted(path: Path) -> Path:
    """What Word writes for "Encrypt with password": an OLE2 container, not a zip."""
    return _write(path, ole2(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))


@_builder
def pdf_image_only(path: Path) -> Path:
    """Page 1 of a report rendered to pixels and wrapped into a PDF: no text layer."""
    png = subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(GOOD_PDF)],
                         check=True, capture_output=True).stdout
    Image.open(io.BytesIO(png)).convert("RGB").save(path, "PDF", resolution=50.0)
    return path


@_builder
def letter_docx(path: Path) -> Path:
    from docx import Document

    document = Document()
    for line in DOCUMENTS["letter"]["lines"]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@_builder
def letter_pdf(path: Path) -> Path:
    return _write(path, text_pdf([DOCUMENTS["letter"]["lines"]]))


@_builder
def letter_txt(path: Path) -> Path:
    return _write(path, "\n\n".join(DOCUMENTS["letter"]["lines"]) + "\n")


@_builder
def spreadsheet_csv(path: Path) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(DOCUMENTS["spreadsheet"]["rows"])
    return _write(path, out.getvalue())


@_builder
def too_large(path: Path) -> Path:
    """A sparse file one byte over the default size limit: big on paper, nothing on disk."""
    with path.open("wb") as handle:
        handle.write(GOOD_PDF.read_bytes()[:1024])
        handle.truncate(Limits().max_bytes + 1)
    return path


@_builder
def too_many_pages(path: Path) -> Path:
    pages = Limits().max_pages + 1
    return _write(path, text_pdf([f"Page {number}"] for number in range(1, pages + 1)))


@_builder
def pdf_bomb(path: Path) -> Path:
    """A letter whose one page inflates to 1 GiB of content."""
    return _write(path, text_pdf([DOCUMENTS["letter"]["lines"]], inflate_to=1 << 30))


@_builder
def zip_bomb_docx(path: Path) -> Path:
    return zip_bomb(GOOD_DOCX, path)


@_builder
def text_bomb_docx(path: Path) -> Path:
    """A small DOCX whose document part unpacks past the part limit: one paragraph repeated."""
    paragraph = f"<w:p><w:r><w:t>{DOCUMENTS['letter']['lines'][4]}</w:t></w:r></w:p>"
    return _with_document(path, _document_xml(
        paragraph * (Limits().max_docx_part // len(paragraph) + 1)))


@_builder
def long_text(path: Path) -> Path:
    """A text file longer than any report: past the text limit before it is read."""
    line = " ".join(DOCUMENTS["letter"]["lines"]) + "\n"
    return _write(path, line * (4 * Limits().max_text_chars // len(line) + 1))


@_builder
def billion_laughs(path: Path) -> Path:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)]
    prolog = f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
    return _with_document(path, _document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", prolog))


@_builder
def external_entity(path: Path) -> Path:
    prolog = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    return _with_document(path, _document_xml("<w:p><w:r><w:t>&secret;</w:t></w:r></w:p>",
                                              prolog))


@_builder
def deep_nesting(path: Path) -> Path:
    depth = 100_000
    body = "<w:customXml>" * depth + "<w:p/>" + "</w:customXml>" * depth
    return _with_document(path, _document_xml(body))


@_builder
def deep_html(path: Path) -> Path:
    """100,000 nested elements, then as many end tags that close nothing."""
    depth = 100_000
    return _write(path, "<!DOCTYPE html><html><body>" + "<div><b>" * depth
                  + DOCUMENTS["letter"]["lines"][4] + "</strong></h1>" * depth + "</body></html>")


@_builder
def legacy_doc(path: Path) -> Path:
    return _write(path, ole2(["WordDocument", "1Table", "\x05SummaryInformation"]))


@_builder
def html_with_script(path: Path, *, url: str | None = None) -> Path:
    """An HTML report with a script and an external image (``url``) at the top of its body."""
    markup = DOCUMENTS["html"]
    inject = markup["script"] + markup["image"].format(url=url or markup["default_url"])
    return _write(path, as_html(docx_blocks(GOOD_DOCX), inject=inject))


def build(case: Case, folder: Path) -> Path:
    """Write ``case``'s input into ``folder``; return its path (for ``missing``: none there)."""
    path = folder / case.file
    _BUILDERS[case.build](path)
    return path


@cache
def hostile_inputs() -> dict[str, Path]:
    """Every case's input, built once per process in a temporary folder (case build → path)."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return {case.build: build(case, folder) for case in CASES}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-inputs")
    target.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        print(build(case, target))
